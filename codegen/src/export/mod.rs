//! `errspec export`: the catalog for consumers that are not Rust — OpenAPI 3.1 for merchants
//! and SDK generators ([`openapi`]), a TypeScript-typed ES module for frontends
//! ([`typescript`]), and JSON with its schema for any other language ([`json`]).
//!
//! Each exporter is pure (`&Catalog` → text) and deterministic: same spec, same bytes. The
//! command writes the files into a folder (`exports/` by default, committed; a test keeps them
//! fresh), rewriting only those whose content changed; `--check` only reports stale ones.

pub mod json;
pub mod openapi;
pub mod typescript;

use std::path::{Path, PathBuf};

use crate::diagnostic::Lang;
use crate::model::Catalog;

/// Where `errspec export` writes when not told otherwise (relative to the repository root).
pub const DEFAULT_OUT: &str = "exports";

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `openapi.json`
    OpenApi,
    /// `payment-errors.js` and `payment-errors.d.ts`
    TypeScript,
    /// `catalog.json` and `catalog.schema.json`
    Json,
}

impl Kind {
    /// Every kind, in the order files are listed.
    pub const ALL: [Kind; 3] = [Kind::OpenApi, Kind::TypeScript, Kind::Json];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::OpenApi => "openapi",
            Kind::TypeScript => "typescript",
            Kind::Json => "json",
        }
    }

    /// The kind a command-line name stands for (`ts` for typescript too).
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "openapi" => Some(Kind::OpenApi),
            "typescript" | "ts" => Some(Kind::TypeScript),
            "json" => Some(Kind::Json),
            _ => None,
        }
    }
}

/// The files of `kinds` (file name, contents), in a fixed order.
pub fn files(catalog: &Catalog, kinds: &[Kind]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in Kind::ALL.into_iter().filter(|k| kinds.contains(k)) {
        match kind {
            Kind::OpenApi => out.push(("openapi.json".into(), openapi::openapi(catalog))),
            Kind::TypeScript => {
                out.push((typescript::JS_FILE.into(), typescript::module(catalog)));
                out.push((
                    typescript::DTS_FILE.into(),
                    typescript::declarations(catalog),
                ));
            }
            Kind::Json => {
                out.push(("catalog.json".into(), json::catalog_json(catalog)));
                out.push((json::SCHEMA_FILE.into(), json::SCHEMA.into()));
            }
        }
    }
    out
}

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
