//! `errspec explain CODE`: what a code means, from the spec, like `rustc --explain`.

use crate::diagnostic::{Lang, edit_distance};
use crate::model::{Catalog, Domain, ErrorDef};
use crate::report::locale_index;

/// The outcome of looking a code up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Exactly one domain has it.
    Found(&'a Domain, &'a ErrorDef),
    /// Several domains have it; the caller must pick one.
    Ambiguous(Vec<&'a Domain>),
    /// No domain has it; the closest codes, best first, as (domain, code).
    NotFound(Vec<(&'a str, &'a str)>),
}

/// Finds `code` in `catalog`, optionally only in `domain`. Accepts `domain:CODE` too.
pub fn lookup<'a>(catalog: &'a Catalog, code: &str, domain: Option<&str>) -> Lookup<'a> {
    let (domain, code) = match (domain, code.split_once(':')) {
        (None, Some((d, c))) if catalog.domain(d).is_some() => (Some(d), c),
        _ => (domain, code),
    };
    let code = code.trim();
    let in_scope = |d: &&Domain| domain.is_none_or(|id| d.id == id);
    let hits: Vec<(&Domain, &ErrorDef)> = catalog
        .domains
        .iter()
        .filter(in_scope)
        .filter_map(|d| d.error(code).map(|e| (d, e)))
        .collect();
    // Codes are exact on the wire, but people type them in any case.
    let hits = if hits.is_empty() {
        catalog
            .domains
            .iter()
            .filter(in_scope)
            .filter_map(|d| {
                d.errors
                    .iter()
                    .find(|e| e.code.eq_ignore_ascii_case(code))
                    .map(|e| (d, e))
            })
            .collect()
    } else {
        hits
    };
    match hits.as_slice() {
        [(d, e)] => Lookup::Found(d, e),
        [] => {
            let mut scored: Vec<(usize, &str, &str)> = catalog
                .domains
                .iter()
                .flat_map(|d| d.errors.iter().map(move |e| (d, e)))
                .map(|(d, e)| {
                    let dist =
                        edit_distance(&code.to_ascii_uppercase(), &e.code.to_ascii_uppercase());
                    let contains = e
                        .code
                        .to_ascii_uppercase()
                        .contains(&code.to_ascii_uppercase());
                    (
                        if contains && code.len() >= 3 {
                            dist.min(2)
                        } else {
                            dist
                        },
                        d.id.as_str(),
                        e.code.as_str(),
                    )
                })
                .filter(|(dist, _, c)| *dist <= (c.len().max(code.len()) / 3).max(2))
                .collect();
            scored.sort();
            Lookup::NotFound(scored.into_iter().take(5).map(|(_, d, c)| (d, c)).collect())
        }
        many => Lookup::Ambiguous(many.iter().map(|(d, _)| *d).collect()),
    }
}

/// The explanation of one code, in `lang`.
pub fn render(catalog: &Catalog, d: &Domain, e: &ErrorDef, lang: Lang) -> String {
    let li = locale_index(catalog, lang);
    let ko = lang == Lang::Ko;
    let t = |k: &'static str, en: &'static str| if ko { k } else { en };
    let mut out = String::new();
    let upstream = if d.upstream {
        t(", 연동사 코드", ", upstream provider")
    } else {
        ""
    };
    out.push_str(&format!(
        "{} — {} ({}{upstream})\n",
        e.code,
        d.title.get(li),
        d.id
    ));
    out.push_str(&"=".repeat(e.code.chars().count().max(8)));
    out.push('\n');
    if let Some(r) = &e.retired {
        out.push_str(&format!(
            "\n{}",
            t(
                "⚠ 폐기된 코드입니다: 더 이상 쓰지 않으며 다시 쓸 수도 없습니다",
                "⚠ Retired: no longer emitted, and never reused"
            )
        ));
        if let Some(s) = &r.since {
            out.push_str(&since(s, ko));
        }
        out.push('\n');
        if let Some(n) = &r.note {
            out.push_str(&format!("  {}\n", n.get(li)));
        }
    }
    if let Some(dep) = &e.deprecated {
        out.push_str(&format!(
            "\n{}",
            t("⚠ 사용 중단 예정입니다", "⚠ Deprecated")
        ));
        if let Some(s) = &dep.since {
            out.push_str(&since(s, ko));
        }
        if let Some(r) = &dep.replacement {
            out.push_str(&if ko {
                format!(": 대신 쓸 코드 {r}")
            } else {
                format!(": use {r} instead")
            });
        }
        out.push('\n');
        if let Some(n) = &dep.note {
            out.push_str(&format!("  {}\n", n.get(li)));
        }
    }
    // A tombstone may keep nothing but its code (status 0, empty message).
    let tombstone = e.retired.is_some();
    let mut facts = Vec::new();
    if !(tombstone && e.status == 0) {
        facts.push(format!("HTTP {}", e.status));
    }
    if let Some(c) = e.category.as_ref().and_then(|k| d.category(k)) {
        facts.push(format!(
            "{} {} ({})",
            t("분류", "category"),
            c.key,
            c.title.get(li)
        ));
    }
    if !tombstone {
        facts.push(format!(
            "{}: {}",
            t("재시도", "retryable"),
            if e.retryable {
                t("가능", "yes")
            } else {
                t("불가", "no")
            }
        ));
    }
    if let Some(et) = &e.error_type {
        facts.push(format!("errorType {et}"));
    }
    if !facts.is_empty() {
        out.push('\n');
        out.push_str(&facts.join(" · "));
        out.push('\n');
    }
    if !e.operations.is_empty() {
        let ops: Vec<String> = e
            .operations
            .iter()
            .filter_map(|k| d.operation(k))
            .map(|o| format!("{} ({})", o.title.get(li), o.key))
            .collect();
        out.push_str(&format!(
            "{}: {}\n",
            t("발생하는 API", "operations"),
            ops.join(", ")
        ));
    }
    let has_message = e.message.templates.iter().any(|m| !m.segments.is_empty());
    if has_message || !tombstone {
        out.push_str(&format!("\n{}\n", t("메시지", "Message")));
    }
    for (i, l) in catalog.locales.iter().enumerate() {
        if !has_message && tombstone {
            break;
        }
        let suffix = if e.message.translated[i] {
            ""
        } else {
            t(" (번역 없음)", " (no translation)")
        };
        out.push_str(&format!(
            "  {l}: {}{suffix}\n",
            e.message.templates[i].unfilled()
        ));
    }
    if !e.fields.is_empty() {
        out.push_str(&format!("\n{}\n", t("자리표시자", "Placeholders")));
        for f in &e.fields {
            let mut line = format!("  {{{}}}: {}", f.written, f.ty.as_str());
            if f.pii {
                line.push_str(t(
                    ", 개인정보 (로그에서 가림)",
                    ", personal data (redacted in logs)",
                ));
            }
            if let Some(x) = &f.example {
                line.push_str(&format!(", {} {x}", t("예", "e.g.")));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    let section = |out: &mut String, title: &str, text: &str| {
        out.push_str(&format!("\n{title}\n"));
        for line in text.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    };
    match &e.explanation {
        Some(x) => section(&mut out, t("설명", "What it means"), x.get(li)),
        None if tombstone => {}
        None => section(
            &mut out,
            t("설명", "What it means"),
            t("(스펙에 설명이 없습니다)", "(the spec has no explanation)"),
        ),
    }
    if let Some(a) = &e.action {
        section(&mut out, t("조치", "What to do"), a.get(li));
    }
    if let Some(link) = catalog.docs_link(&d.id, &e.code) {
        out.push_str(&format!("\n{}: {link}\n", t("문서", "Docs")));
    }
    out
}

/// ` (2026-11부터)` / ` (since 2026-11)`.
fn since(s: &str, ko: bool) -> String {
    if ko {
        format!(" ({s}부터)")
    } else {
        format!(" (since {s})")
    }
}
