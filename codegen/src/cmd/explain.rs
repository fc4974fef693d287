//! `errspec explain CODE`: what a code means (the text is [`crate::emit::explain`]'s).

use std::path::PathBuf;

use super::{Ctx, DEFAULT_DIR};

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let Some(code) = cx.args.arg(0).filter(|c| !c.trim().is_empty()) else {
        cx.say(
            "오류: 코드를 주세요. 예: errspec explain NOT_FOUND_PAYMENT",
            "error: give a code, e.g. errspec explain NOT_FOUND_PAYMENT",
        );
        return 2;
    };
    let dir = PathBuf::from(cx.args.value("dir").unwrap_or(DEFAULT_DIR));
    // An invalid spec cannot be explained: the diagnostics say what to fix first.
    let catalog = match cx.load_valid(&dir) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let domain = cx.args.value("domain");
    match crate::emit::explain::answer(&catalog, code, domain, cx.lang, terminal_width()) {
        Ok(text) => {
            cx.out.print(&text);
            0
        }
        Err(problem) => {
            cx.out.eprintln(&problem);
            1
        }
    }
}

/// `$COLUMNS` when set (within reason), else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .map_or(80, |c| c.clamp(40, 120))
}
