//! `errspec export [KIND...]`: writes the exports (OpenAPI, TypeScript, JSON) into `--out`
//! (`exports/` by default), or with `--check` only says which are stale.

use std::path::PathBuf;

use super::{Ctx, DEFAULT_DIR};
use crate::diagnostic::Lang;
use crate::emit::export::{Kind, files};
use crate::exported::{DEFAULT_OUT, stale, write};
use crate::load::io_reason;

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let mut kinds = Vec::new();
    for k in cx.args.positional.iter().skip(1) {
        match Kind::parse(k) {
            Some(kind) => kinds.push(kind),
            None => {
                cx.say(
                    &format!("오류: 알 수 없는 내보내기 `{k}` (openapi, typescript, json 중 하나)"),
                    &format!("error: unknown export `{k}` (one of openapi, typescript, json)"),
                );
                return 2;
            }
        }
    }
    if kinds.is_empty() {
        kinds = Kind::ALL.to_vec();
    }
    let dir = PathBuf::from(cx.args.value("dir").unwrap_or(DEFAULT_DIR));
    let catalog = match cx.load_valid(&dir) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let out = PathBuf::from(cx.args.value("out").unwrap_or(DEFAULT_OUT));
    let files = files(&catalog, &kinds);
    if cx.args.flag("check") {
        let stale = stale(&out, &files);
        for name in &stale {
            let path = out.join(name);
            cx.say(
                &format!(
                    "오류: {}이(가) 스펙과 맞지 않습니다. 다시 만드세요: cargo run --bin errspec -- export",
                    path.display()
                ),
                &format!(
                    "error: {} is out of date with the spec; regenerate it: cargo run --bin errspec -- export",
                    path.display()
                ),
            );
        }
        return i32::from(!stale.is_empty());
    }
    match write(&out, &files) {
        Ok(written) => {
            let line = match cx.lang {
                Lang::Ko => format!(
                    "{}에 파일 {}개 (바뀐 파일 {written}개)",
                    out.display(),
                    files.len()
                ),
                Lang::En => format!(
                    "{} files in {} ({written} changed)",
                    files.len(),
                    out.display()
                ),
            };
            cx.out.println(&line);
            0
        }
        Err(e) => {
            cx.say(
                &format!(
                    "오류: {}에 쓸 수 없습니다: {}",
                    out.display(),
                    io_reason(&e, Lang::Ko)
                ),
                &format!("error: cannot write to {}: {e}", out.display()),
            );
            2
        }
    }
}
