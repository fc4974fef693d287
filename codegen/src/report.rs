//! What `errspec check` prints besides the diagnostics: a summary of the catalog, and the
//! diagnostics as JSON lines for CI and editors.

use serde_json::json;

use crate::Checked;
use crate::diagnostic::{Counts, Diagnostic, Lang, Severity, Sources};
use crate::model::Catalog;

/// One line of JSON per diagnostic:
/// `{"severity","id","rule","file","line","column","end_line","end_column","message","label","help","notes"}`.
pub fn json_line(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let (file, start, end) = match &d.primary {
        Some(loc) => {
            let f = sources.get(loc.file);
            (
                Some(f.path.clone()),
                Some(f.line_col(loc.span.start)),
                Some(f.line_col(loc.span.end)),
            )
        }
        None => (None, None, None),
    };
    let v = json!({
        "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
        "id": d.rule.id(),
        "rule": d.rule.slug(),
        "file": file,
        "line": start.map(|p| p.0),
        "column": start.map(|p| p.1),
        "end_line": end.map(|p| p.0),
        "end_column": end.map(|p| p.1),
        "message": d.title.get(lang),
        "label": d.label.as_ref().map(|l| l.get(lang)),
        "help": d.help.iter().map(|h| h.get(lang)).collect::<Vec<_>>(),
        "notes": d.notes.iter().map(|n| n.get(lang)).collect::<Vec<_>>(),
        "related": d.related.iter().map(|(loc, m)| {
            let f = sources.get(loc.file);
            let (line, column) = f.line_col(loc.span.start);
            json!({"file": f.path, "line": line, "column": column, "message": m.get(lang)})
        }).collect::<Vec<_>>(),
    });
    v.to_string()
}

/// The closing summary of `check`: what the catalog holds, and the problem counts.
pub fn summary(dir: &str, checked: &Checked, lang: Lang) -> String {
    let counts = Counts::of(&checked.diagnostics);
    let mut out = String::new();
    match &checked.catalog {
        Some(c) => out.push_str(&catalog_summary(dir, c, lang)),
        None => out.push_str(&match lang {
            Lang::Ko => format!("{dir}: 오류가 있어 카탈로그를 만들 수 없습니다\n"),
            Lang::En => format!("{dir}: the catalog cannot be built until the errors are fixed\n"),
        }),
    }
    out.push_str(&match lang {
        Lang::Ko => format!("오류 {}개, 경고 {}개\n", counts.errors, counts.warnings),
        Lang::En => format!(
            "{}, {}\n",
            count(counts.errors, "error", "errors"),
            count(counts.warnings, "warning", "warnings")
        ),
    });
    out
}

fn catalog_summary(dir: &str, c: &Catalog, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Ko => format!(
            "{dir}: 카탈로그 `{}`, 언어 {}\n",
            c.name,
            c.locales.join(", ")
        ),
        Lang::En => format!(
            "{dir}: catalog `{}`, locales {}\n",
            c.name,
            c.locales.join(", ")
        ),
    };
    let li = locale_index(c, lang);
    let width = c.domains.iter().map(|d| d.id.len()).max().unwrap_or(0);
    let mut total = 0;
    for d in &c.domains {
        let live = d.errors().count();
        let retired = d.tombstones().count();
        let deprecated = d.errors().filter(|e| e.deprecated.is_some()).count();
        total += live;
        let mut parts = vec![match lang {
            Lang::Ko => format!("코드 {live}개"),
            Lang::En => count(live, "code", "codes"),
        }];
        if !d.categories.is_empty() {
            parts.push(match lang {
                Lang::Ko => format!("분류 {}개", d.categories.len()),
                Lang::En => count(d.categories.len(), "category", "categories"),
            });
        }
        if !d.operations.is_empty() {
            parts.push(match lang {
                Lang::Ko => format!("API 묶음 {}개", d.operations.len()),
                Lang::En => count(d.operations.len(), "operation", "operations"),
            });
        }
        if deprecated > 0 {
            parts.push(match lang {
                Lang::Ko => format!("사용 중단 예정 {deprecated}개"),
                Lang::En => format!("{deprecated} deprecated"),
            });
        }
        if retired > 0 {
            parts.push(match lang {
                Lang::Ko => format!("폐기 {retired}개"),
                Lang::En => format!("{retired} retired"),
            });
        }
        if d.upstream {
            parts.push(match lang {
                Lang::Ko => "연동사 코드".into(),
                Lang::En => "upstream".into(),
            });
        }
        out.push_str(&format!(
            "  {:width$}  {} — {}\n",
            d.id,
            d.title.get(li),
            parts.join(", ")
        ));
    }
    out.push_str(&coverage(c, lang));
    out.push_str(&match lang {
        Lang::Ko => format!("도메인 {}개, 코드 {total}개\n", c.domains.len()),
        Lang::En => format!(
            "{}, {}\n",
            count(c.domains.len(), "domain", "domains"),
            count(total, "code", "codes")
        ),
    });
    out
}

/// How many of the codes that only fall back a line names.
const SHOWN: usize = 12;

/// One line per provider map (`[maps.X]`): how many of the provider's codes it maps, and
/// which only fall back.
pub fn coverage(c: &Catalog, lang: Lang) -> String {
    let mut out = String::new();
    for d in &c.domains {
        for m in &d.maps {
            let cov = m.coverage(d);
            let mapped = cov.iter().filter(|(_, m)| *m).count();
            let falling: Vec<&str> = cov.iter().filter(|(_, m)| !*m).map(|(c, _)| *c).collect();
            let scope = if m.operations.is_empty() {
                String::new()
            } else {
                format!(" [{}]", m.operations.join(", "))
            };
            let rest = match falling.len() {
                0 => String::new(),
                n if n <= SHOWN => format!(": {}", falling.join(", ")),
                n => match lang {
                    Lang::Ko => format!(": {} 외 {}개", falling[..SHOWN].join(", "), n - SHOWN),
                    Lang::En => format!(": {} and {} more", falling[..SHOWN].join(", "), n - SHOWN),
                },
            };
            out.push_str(&match lang {
                Lang::Ko => crate::korean::resolve_particles(&format!(
                    "  매핑 {} → {}{scope}: 코드 {}개 중 {mapped}개 매핑, {}개는 fallback `{}`(으)로만{rest}\n",
                    d.id,
                    m.into,
                    cov.len(),
                    falling.len(),
                    m.fallback
                )),
                Lang::En => format!(
                    "  map {} → {}{scope}: {mapped} of {} mapped, {} only fall back to `{}`{rest}\n",
                    d.id,
                    m.into,
                    cov.len(),
                    falling.len(),
                    m.fallback
                ),
            });
        }
    }
    out
}

/// The catalog locale that matches the output language, or the default locale.
pub fn locale_index(c: &Catalog, lang: Lang) -> usize {
    let tag = match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    };
    c.locales
        .iter()
        .position(|l| l == tag || l.starts_with(&format!("{tag}-")))
        .unwrap_or(0)
}

/// The line `errspec check` prints about the committed generated crate: `None` when it was
/// already up to date (nothing to say) or is stale (said on stderr by [`stale`]).
pub fn synced(s: &crate::generated::Sync, lang: Lang) -> Option<String> {
    match s {
        crate::generated::Sync::Written(p) => Some(match lang {
            Lang::Ko => format!(
                "생성 코드를 다시 만들었습니다: {} (스펙과 함께 커밋하세요)",
                p.display()
            ),
            Lang::En => format!("regenerated {} (commit it with the spec)", p.display()),
        }),
        crate::generated::Sync::UpToDate(_) | crate::generated::Sync::Stale(_) => None,
    }
}

/// Why `errspec check --locked` failed: the committed generated crate is older than the spec.
pub fn stale(path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!(
            "오류: {}가 스펙과 맞지 않습니다\n도움말: `cargo run --bin errspec -- check`(--locked 없이)로 다시 만들고 커밋하세요",
            path.display()
        ),
        Lang::En => format!(
            "error: {} does not match the spec\nhelp: regenerate it with `cargo run --bin errspec -- check` (without --locked) and commit it",
            path.display()
        ),
    }
}

/// `1 code`, `2 codes`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
