//! `errspec export`: keeps the exports (`exports/` by default) in step with the spec, the way
//! `generated.rs` keeps `catalog.rs`: it writes the files the exporters
//! (`crate::emit::export`) make, rewriting only those whose content changed; `--check` only
//! reports the stale ones.

use std::path::{Path, PathBuf};

use crate::diagnostic::Lang;
use crate::emit::export::{Kind, files};

/// Where `errspec export` writes when not told otherwise (relative to the repository root).
pub const DEFAULT_OUT: &str = "exports";

/// `errspec export [KIND…] [--dir DIR] [--out DIR] [--check]`; returns the exit status.
pub fn run(kinds: &[String], dir: Option<&str>, out: Option<&str>, check: bool, lang: Lang) -> i32 {
    let mut chosen = Vec::new();
    for k in kinds {
        match Kind::parse(k) {
            Some(kind) => chosen.push(kind),
            None => {
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ko => format!(
                            "오류: 알 수 없는 내보내기 `{k}` (openapi, typescript, json 중 하나)"
                        ),
                        Lang::En => format!(
                            "error: unknown export `{k}` (one of openapi, typescript, json)"
                        ),
                    }
                );
                return 2;
            }
        }
    }
    if chosen.is_empty() {
        chosen = Kind::ALL.to_vec();
    }
    let dir = PathBuf::from(dir.unwrap_or(crate::cli::DEFAULT_DIR));
    let catalog = match crate::check_dir(&dir) {
        Ok(checked) => match checked.catalog {
            Some(c) if !checked.has_errors() => c,
            _ => {
                let opts = crate::diagnostic::RenderOptions { lang, color: false };
                eprint!(
                    "{}",
                    crate::diagnostic::render_all(&checked.diagnostics, &checked.sources, opts)
                );
                return 1;
            }
        },
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => format!("오류: 스펙을 읽을 수 없습니다: {e}"),
                    Lang::En => format!("error: cannot read the spec: {e}"),
                }
            );
            return 2;
        }
    };
    let out = PathBuf::from(out.unwrap_or(DEFAULT_OUT));
    let files = files(&catalog, &chosen);
    if check {
        let stale = stale(&out, &files);
        if stale.is_empty() {
            return 0;
        }
        for name in &stale {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "오류: {}이(가) 스펙과 맞지 않습니다. 다시 만드세요: cargo run --bin errspec -- export",
                        out.join(name).display()
                    ),
                    Lang::En => format!(
                        "error: {} is out of date with the spec; regenerate it: cargo run --bin errspec -- export",
                        out.join(name).display()
                    ),
                }
            );
        }
        return 1;
    }
    match write(&out, &files) {
        Ok(written) => {
            println!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "{}에 파일 {}개 (바뀐 파일 {}개)",
                        out.display(),
                        files.len(),
                        written
                    ),
                    Lang::En => format!(
                        "{} files in {} ({} changed)",
                        files.len(),
                        out.display(),
                        written
                    ),
                }
            );
            0
        }
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => format!("오류: {}에 쓸 수 없습니다: {e}", out.display()),
                    Lang::En => format!("error: cannot write to {}: {e}", out.display()),
                }
            );
            2
        }
    }
}

/// The names of `files` whose copy in `out` is missing or differs.
pub fn stale(out: &Path, files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(name, text)| {
            std::fs::read(out.join(name)).ok().as_deref() != Some(text.as_bytes())
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Writes `files` into `out`, only those whose content changed; returns how many it wrote.
fn write(out: &Path, files: &[(String, String)]) -> std::io::Result<usize> {
    std::fs::create_dir_all(out)?;
    let mut written = 0;
    for name in stale(out, files) {
        if let Some((_, text)) = files.iter().find(|(n, _)| *n == name) {
            std::fs::write(out.join(&name), text)?;
            written += 1;
        }
    }
    Ok(written)
}
