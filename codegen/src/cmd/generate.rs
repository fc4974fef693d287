//! `errspec generate [DIR]`: the Rust code the spec generates, printed or written to `--out`.

use super::Ctx;
use crate::emit::rust::{Runtime, RustOptions, generate};

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let catalog = match cx.load_valid(&cx.spec_dir()) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let runtime = if cx.args.flag("extern-runtime") {
        Runtime::Extern
    } else {
        Runtime::InCrate
    };
    cx.write_or_print(&generate(&catalog, &RustOptions { runtime }))
}
