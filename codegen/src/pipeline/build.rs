//! The build-script entry point, for crates that compile a catalog of their own at build time
//! (the test crate's adversarial fixture; `payment-errors` itself commits its generated code,
//! see [`crate::generated`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Lang, RenderOptions, render_all};
use crate::emit::rust::{RustOptions, generate};

/// Generates the Rust API for the spec in `spec_dir` into `$OUT_DIR/<file_name>`, telling
/// cargo to rerun when the spec changes. On a spec error, prints every diagnostic (so cargo
/// shows them) and exits with status 1; warnings are printed as cargo warnings.
pub fn generate_into_out_dir(spec_dir: &Path, file_name: &str, opts: &RustOptions) {
    println!("cargo::rerun-if-changed={}", spec_dir.display());
    let checked = match crate::check_dir(spec_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let lang = Lang::from_env();
    let text = render_all(
        &checked.diagnostics,
        &checked.sources,
        RenderOptions { lang, color: false },
    );
    let Some(catalog) = checked.catalog else {
        eprintln!("{text}");
        eprintln!(
            "error: the error spec in `{}` has problems; run `cargo run --bin errspec -- check` for details",
            spec_dir.display()
        );
        std::process::exit(1);
    };
    for d in &checked.diagnostics {
        let place = d
            .location(&checked.sources)
            .map(|(p, l, c)| format!("{p}:{l}:{c}: "))
            .unwrap_or_default();
        println!("cargo::warning={place}{}", d.title.get(lang));
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_else(|| ".".into()));
    let code = generate(&catalog, opts);
    write_if_changed(&out_dir.join(file_name), code.as_bytes());
}

/// Writes `bytes` to `path` unless it already holds exactly them, so that an unchanged spec
/// does not touch the file (and trigger rebuilds).
pub fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    let result = std::fs::File::create(path).and_then(|mut f| f.write_all(bytes));
    if let Err(e) = result {
        eprintln!("error: cannot write `{}`: {e}", path.display());
        std::process::exit(1);
    }
}
