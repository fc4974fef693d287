//! `errspec docs [DIR]`: writes the reference site (or Markdown) into `--out`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::diagnostic::Lang;
use crate::emit::docs::{self, Format};
use crate::load::io_reason;
use crate::report;

/// The default output folder of `errspec docs`.
pub const DEFAULT_DOCS_OUT: &str = "target/errspec-docs";

/// The file in a docs output folder listing the files `errspec docs` wrote there, so the next
/// run removes the pages of codes that are gone, and nothing else.
const DOCS_MANIFEST: &str = ".errspec-docs";

pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    let format = match cx.args.value("format").map(Format::parse) {
        None => Format::Html,
        Some(Some(f)) => f,
        Some(None) => {
            cx.say(
                "오류: --format은 html 또는 markdown입니다",
                "error: --format is html or markdown",
            );
            return 2;
        }
    };
    let catalog = match cx.load_valid(&cx.spec_dir()) {
        Ok(c) => c,
        Err(status) => return status,
    };
    // Pages open in the language asked for, else the spec's default locale.
    let locale = if cx.args.value("lang").is_some() {
        report::locale_index(&catalog, cx.lang)
    } else {
        0
    };
    let files = docs::generate(&catalog, &docs::Options { format, locale });
    let out = PathBuf::from(cx.args.value("out").unwrap_or(DEFAULT_DOCS_OUT));
    if let Err(e) = write_docs(&out, &files) {
        cx.say(
            &format!(
                "오류: {}에 쓸 수 없습니다: {}",
                out.display(),
                io_reason(&e, Lang::Ko)
            ),
            &format!("error: cannot write to {}: {e}", out.display()),
        );
        return 2;
    }
    let start = out.join(match format {
        Format::Html => "index.html",
        Format::Markdown => "README.md",
    });
    let shown = std::fs::canonicalize(&start)
        .map(|p| format!("file://{}", p.display()))
        .unwrap_or_else(|_| start.display().to_string());
    cx.out.println(&match cx.lang {
        Lang::Ko => format!(
            "{}에 파일 {}개를 썼습니다\n열기: {shown}",
            out.display(),
            files.len()
        ),
        Lang::En => format!(
            "wrote {} files to {}\nopen: {shown}",
            files.len(),
            out.display()
        ),
    });
    0
}

/// Writes `files` under `out`, and removes what an earlier run wrote there that is gone now.
fn write_docs(out: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let manifest = out.join(DOCS_MANIFEST);
    let wanted: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    if let Ok(old) = std::fs::read_to_string(&manifest) {
        for stale in old.lines().filter(|l| !l.is_empty() && !wanted.contains(l)) {
            remove_stale(out, stale);
        }
    }
    for (rel, contents) in files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Rewrite only what changed, so file watchers and rsync see real changes only.
        if std::fs::read(&path).ok().as_deref() != Some(contents.as_bytes()) {
            std::fs::write(&path, contents)?;
        }
    }
    let mut list = String::new();
    for (rel, _) in files {
        list.push_str(rel);
        list.push('\n');
    }
    std::fs::write(manifest, list)
}

/// Removes a file an earlier run wrote (`stale`, relative to `out`) and the folders it leaves
/// empty. Only paths we wrote: relative, no `..`.
fn remove_stale(out: &Path, stale: &str) {
    if stale.starts_with('/') || stale.split('/').any(|p| p == ".." || p.is_empty()) {
        return;
    }
    let path = out.join(stale);
    let _ = std::fs::remove_file(&path);
    // Empty folders left behind (a code's folder, a domain's).
    let mut parent = path.parent();
    while let Some(p) = parent {
        if p == out || std::fs::remove_dir(p).is_err() {
            break;
        }
        parent = p.parent();
    }
}
