//! `errspec new DOMAIN [CODE]`: appends an error skeleton with the next free code (the plan
//! and the text are [`crate::scaffold`]'s).

use std::path::{Path, PathBuf};

use super::{Ctx, DEFAULT_DIR};
use crate::diagnostic::Lang;
use crate::load::io_reason;
use crate::scaffold::{self, NewError};

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let Some(domain) = cx.args.arg(0) else {
        cx.say(
            "오류: 도메인을 주세요. 예: errspec new ebp --category C",
            "error: give a domain, e.g. errspec new ebp --category C",
        );
        return 2;
    };
    let status = match cx.args.value("status").map(str::parse::<u16>) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(_)) => {
            cx.say(
                "오류: --status에는 404 같은 숫자를 주세요",
                "error: --status takes a number such as 404",
            );
            return 2;
        }
    };
    let dir = PathBuf::from(cx.args.value("dir").unwrap_or(DEFAULT_DIR));
    let req = NewError {
        domain,
        code: cx.args.arg(1),
        category: cx.args.value("category"),
        status,
    };
    append(cx, &dir, &req)
}

/// Plans, writes, reports. Returns the exit status (0 added, 1 refused, 2 could not run).
fn append(cx: &mut Ctx<'_, '_>, dir: &Path, req: &NewError<'_>) -> i32 {
    let loaded = match crate::load::load_dir(dir) {
        Ok(l) => l,
        Err(e) => {
            cx.could_not_read(&e);
            return 2;
        }
    };
    let plan = match scaffold::plan(dir, &loaded, req) {
        Ok(p) => p,
        Err(m) => {
            cx.say(&format!("오류: {}", m.ko), &format!("error: {}", m.en));
            return 1;
        }
    };
    if let Err(e) = std::fs::write(&plan.path, &plan.text) {
        let shown = plan.path.display();
        cx.say(
            &format!(
                "오류: {shown}에 쓸 수 없습니다: {}",
                io_reason(&e, Lang::Ko)
            ),
            &format!("error: cannot write {shown}: {e}"),
        );
        return 2;
    }
    let check_cmd = if dir == Path::new(DEFAULT_DIR) {
        "cargo run --bin errspec -- check".to_owned()
    } else {
        format!("cargo run --bin errspec -- check {}", dir.display())
    };
    cx.out.print(&scaffold::report(&plan, &check_cmd, cx.lang));
    0
}
