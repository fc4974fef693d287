//! `errspec check [DIR]`: every problem of the spec; a clean spec brings the committed
//! generated crate in step (`--locked`: only says it is not).

use std::io::IsTerminal;

use super::Ctx;
use crate::Checked;
use crate::diagnostic::{Lang, RenderOptions, render_all};
use crate::generated::{self, Sync};
use crate::load::io_reason;
use crate::report;

enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let format = match cx.args.value("format") {
        None | Some("human") => Format::Human,
        Some("json") => Format::Json,
        Some("github") => Format::Github,
        Some("sarif") => Format::Sarif,
        Some(other) => {
            cx.say(
                &format!("오류: 알 수 없는 형식 `{other}` (human, json, github, sarif)"),
                &format!("error: unknown format `{other}` (human, json, github or sarif)"),
            );
            return 2;
        }
    };
    let dir = cx.spec_dir();
    let checked = match crate::check_dir(&dir) {
        Ok(c) => c,
        Err(e) => {
            cx.could_not_read(&e);
            return 2;
        }
    };
    let strict = cx.args.flag("strict");
    let mut failed = checked.has_errors() || (strict && !checked.diagnostics.is_empty());
    // A clean spec brings the committed generated crate in step (or, --locked, says it is not).
    let synced = match checked.catalog.as_ref().filter(|_| !failed) {
        Some(catalog) => match generated::sync(&dir, catalog, cx.args.flag("locked")) {
            Ok(s) => s,
            Err(e) => {
                cx.say(
                    &format!(
                        "오류: 생성 코드를 쓸 수 없습니다: {}",
                        io_reason(&e, Lang::Ko)
                    ),
                    &format!("error: cannot write the generated code: {e}"),
                );
                return 2;
            }
        },
        None => None,
    };
    if let Some(Sync::Stale(path)) = &synced {
        failed = true;
        cx.out.eprintln(&report::stale(path, cx.lang));
    }
    match format {
        Format::Json => {
            for d in &checked.diagnostics {
                cx.out
                    .println(&report::json_line(d, &checked.sources, cx.lang));
            }
        }
        Format::Github => {
            let text = crate::annotate::github(&checked.diagnostics, &checked.sources, cx.lang);
            cx.out.print(&text);
        }
        Format::Sarif => {
            let text = crate::annotate::sarif(&checked.diagnostics, &checked.sources, cx.lang);
            cx.out.print(&text);
        }
        Format::Human => human(cx, &dir.display().to_string(), &checked, synced.as_ref()),
    }
    i32::from(failed)
}

/// The diagnostics as rustc renders them, the catalog's summary, and what happened to the
/// generated crate.
fn human(cx: &mut Ctx<'_, '_>, dir: &str, checked: &Checked, synced: Option<&Sync>) {
    let lang = cx.lang;
    let color =
        !cx.args.flag("no-color") && (cx.args.flag("color") || std::io::stdout().is_terminal());
    let opts = RenderOptions { lang, color };
    cx.out
        .print(&render_all(&checked.diagnostics, &checked.sources, opts));
    cx.out.print(&report::summary(dir, checked, lang));
    if let Some(line) = synced.and_then(|s| report::synced(s, lang)) {
        cx.out.println(&line);
    }
    if cx.args.flag("strict") && !checked.has_errors() && !checked.diagnostics.is_empty() {
        cx.out.println(match lang {
            Lang::Ko => "--strict: 경고도 오류로 봅니다",
            Lang::En => "--strict: warnings count as errors",
        });
    }
}
