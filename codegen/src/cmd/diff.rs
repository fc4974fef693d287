//! `errspec diff OLD [NEW]` / `errspec diff --against REV [DIR]`: reviews every change between
//! two specs (the classification and the review are [`crate::diff`]'s).

use std::path::PathBuf;

use super::{Ctx, DEFAULT_DIR};
use crate::diagnostic::{Lang, RenderOptions, render_all};
use crate::diff::side::{Side, SideError, Source};
use crate::diff::{Review, review};

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    // `None`: JSON.
    let format = match cx.args.value("format") {
        None | Some("text") | Some("human") => Some(review::Format::Text),
        Some("markdown") | Some("md") => Some(review::Format::Markdown),
        Some("changelog") => Some(review::Format::Changelog),
        Some("json") => None,
        Some(other) => {
            cx.say(
                &format!("오류: 알 수 없는 형식 `{other}` (text, markdown, changelog, json)"),
                &format!("error: unknown format `{other}` (text, markdown, changelog or json)"),
            );
            return 2;
        }
    };
    let Some((old, new)) = sources(cx) else {
        cx.say(
            "오류: 비교할 두 쪽을 주세요. 예: errspec diff --against origin/main, errspec diff v1.2.0 error-spec",
            "error: name the two sides, e.g. errspec diff --against origin/main, errspec diff v1.2.0 error-spec",
        );
        return 2;
    };
    let mut sides = Vec::new();
    for source in [old, new] {
        let source = match source {
            Ok(s) => s,
            Err(e) => {
                cx.out.eprintln(&e.describe("", cx.lang));
                return 2;
            }
        };
        match Side::load(&source) {
            Ok(side) => sides.push(side),
            Err(e) => {
                side_error(cx, &source.label(), &e);
                return 2;
            }
        }
    }
    let review = Review::new(&sides[0], &sides[1]);
    match format {
        Some(f) => cx.out.print(&review::render(&review, cx.lang, f)),
        None => cx.out.println(&review::json(&review, cx.lang)),
    }
    i32::from(!review.passes())
}

type Resolved = Result<Source, SideError>;

/// The two sides the arguments name: `[OLD [NEW]]`, or with `--against`, `[DIR]`. `None` when
/// they do not name two.
fn sources(cx: &Ctx<'_, '_>) -> Option<(Resolved, Resolved)> {
    let args = cx.args;
    let positional = &args.positional[1..];
    let dir = || PathBuf::from(args.value("dir").unwrap_or(DEFAULT_DIR));
    Some(match (args.value("against"), positional) {
        (Some(rev), [] | [_]) => {
            let d = PathBuf::from(
                positional
                    .first()
                    .map(String::as_str)
                    .or(args.value("dir"))
                    .unwrap_or(DEFAULT_DIR),
            );
            let rev = Source::Rev {
                rev: rev.to_owned(),
                dir: d.clone(),
            };
            (Ok(rev), Ok(Source::Dir(d)))
        }
        (None, [old]) => (Source::resolve(old, &dir()), Ok(Source::Dir(dir()))),
        (None, [old, new]) => (Source::resolve(old, &dir()), Source::resolve(new, &dir())),
        _ => return None,
    })
}

/// Why a side cannot be compared; for a spec with errors, its errors first.
fn side_error(cx: &mut Ctx<'_, '_>, label: &str, e: &SideError) {
    let lang: Lang = cx.lang;
    if let SideError::Invalid(checked) = e {
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let opts = RenderOptions { lang, color: false };
        cx.out.eprint(&render_all(&errors, &checked.sources, opts));
    }
    cx.out.eprintln(&e.describe(label, lang));
}
