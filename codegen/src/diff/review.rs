//! The review of a diff, as an approver reads it: one line per change, grouped by domain,
//! breaking changes first, in Korean or English; as plain text, as Markdown for a
//! pull-request comment, or as JSON.

use serde_json::{Value, json};

use super::{AckPlace, AckState, Change, Class, Edit, Kind, RenameHint, Review};
use crate::diagnostic::Lang;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal or a CI log.
    Text,
    /// Markdown for a pull-request comment.
    Markdown,
    /// A `CHANGELOG.md` section (issue 13): the changes sorted into Keep a Changelog's
    /// headings, breaking ones first, each with its acknowledgement.
    Changelog,
}

/// How staff text and code-like words are shown in a format.
#[derive(Clone, Copy)]
struct Style {
    markdown: bool,
}

impl Style {
    /// A code, key or name.
    fn code(self, s: &str) -> String {
        if self.markdown {
            let fence = if s.contains('`') { "`` " } else { "`" };
            let close = if s.contains('`') { " ``" } else { "`" };
            format!("{fence}{s}{close}")
        } else {
            s.to_owned()
        }
    }

    /// Staff text, quoted.
    fn quote(self, s: &str) -> String {
        let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.markdown {
            let mut out = String::with_capacity(one_line.len() + 2);
            for c in one_line.chars() {
                if "\\`*_[]<>|#~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
            format!("\"{out}\"")
        } else {
            format!("\"{one_line}\"")
        }
    }
}

fn t(lang: Lang, ko: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Ko => ko.into(),
        Lang::En => en.into(),
    }
}

fn or_none(v: &Option<String>, lang: Lang, s: Style) -> String {
    match v {
        Some(v) => s.code(v),
        None => t(lang, "(없음)", "(none)"),
    }
}

fn list(items: &[String], lang: Lang, s: Style) -> String {
    if items.is_empty() {
        t(lang, "(없음)", "(none)")
    } else {
        items
            .iter()
            .map(|i| s.code(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The head of a change's line: the code (`A → B` for a rename), or nothing.
fn head(c: &Change, s: Style) -> Option<String> {
    let code = c.code.as_deref()?;
    Some(match &c.kind {
        Kind::CodeRenamed { from, .. } => format!("{} → {}", s.code(from), s.code(code)),
        _ => s.code(code),
    })
}

fn codes_en(n: usize) -> String {
    if n == 1 {
        "1 code".to_owned()
    } else {
        format!("{n} codes")
    }
}

/// What changed, in a few words.
fn summary(k: &Kind, lang: Lang, s: Style) -> String {
    use Kind::*;
    let edit = |e: &Edit| match e {
        Edit::Added => t(lang, "추가", "added"),
        Edit::Changed => t(lang, "변경", "changed"),
        Edit::Removed => t(lang, "삭제", "removed"),
    };
    let ph = |n: &str| s.code(&format!("{{{n}}}"));
    match k {
        LocaleRemoved { locale } => t(
            lang,
            format!("언어 {} 삭제", s.code(locale)),
            format!("locale {} removed", s.code(locale)),
        ),
        LocaleAdded { locale } => t(
            lang,
            format!("언어 {} 추가", s.code(locale)),
            format!("locale {} added", s.code(locale)),
        ),
        DefaultLocaleChanged { old, new } => t(
            lang,
            format!("기본 언어 {} → {}", s.code(old), s.code(new)),
            format!("default locale {} → {}", s.code(old), s.code(new)),
        ),
        DomainRemoved { codes } => t(
            lang,
            format!("도메인 삭제 (코드 {codes}개)"),
            format!("domain removed ({})", codes_en(*codes)),
        ),
        DomainAdded { codes } => t(
            lang,
            format!("도메인 추가 (코드 {codes}개)"),
            format!("domain added ({})", codes_en(*codes)),
        ),
        CategoryRemoved { key } => t(
            lang,
            format!("분류 {} 삭제", s.code(key)),
            format!("category {} removed", s.code(key)),
        ),
        CategoryAdded { key } => t(
            lang,
            format!("분류 {} 추가", s.code(key)),
            format!("category {} added", s.code(key)),
        ),
        OperationRemoved { key } => t(
            lang,
            format!("API 묶음 {} 삭제", s.code(key)),
            format!("operation {} removed", s.code(key)),
        ),
        OperationAdded { key } => t(
            lang,
            format!("API 묶음 {} 추가", s.code(key)),
            format!("operation {} added", s.code(key)),
        ),
        CodeRemoved => t(
            lang,
            "폐기 표시 없이 코드 삭제",
            "code removed without retiring it",
        ),
        CodeRenamed { hint, .. } => match hint {
            RenameHint::SameRustName => t(
                lang,
                "코드 이름을 바꾼 것으로 보입니다 (Rust 이름이 같음)",
                "wire code renamed, it seems (same Rust name)",
            ),
            RenameHint::SameMessage => t(
                lang,
                "코드 이름을 바꾼 것으로 보입니다 (메시지가 같음)",
                "wire code renamed, it seems (same message)",
            ),
        },
        CodeAdded { status } => t(
            lang,
            format!("코드 추가 (HTTP {status})"),
            format!("code added (HTTP {status})"),
        ),
        TombstoneAdded => t(
            lang,
            "폐기된 코드로 기록 추가",
            "recorded as a retired code",
        ),
        TombstoneRemoved => t(
            lang,
            "폐기된 코드의 기록 삭제",
            "retired code's record deleted",
        ),
        RetiredReused { .. } => t(lang, "폐기된 코드를 다시 씀", "retired code reused"),
        CodeRetired { .. } => t(lang, "폐기 (기록은 남김)", "retired (its record is kept)"),
        StatusChanged { old, new } => format!("HTTP {old} → {new}"),
        CategoryChanged { old, new } => t(
            lang,
            format!("분류 {} → {}", or_none(old, lang, s), or_none(new, lang, s)),
            format!(
                "category {} → {}",
                or_none(old, lang, s),
                or_none(new, lang, s)
            ),
        ),
        PlaceholderRemoved { name } => t(
            lang,
            format!("자리표시자 {} 삭제", ph(name)),
            format!("placeholder {} removed", ph(name)),
        ),
        PlaceholderRenamed { old, new } => t(
            lang,
            format!("자리표시자 {} → {}", ph(old), ph(new)),
            format!("placeholder {} renamed to {}", ph(old), ph(new)),
        ),
        PlaceholderAdded { name } => t(
            lang,
            format!("자리표시자 {} 추가", ph(name)),
            format!("placeholder {} added", ph(name)),
        ),
        PlaceholderTypeChanged { name, old, new } => t(
            lang,
            format!("자리표시자 {}의 형식 {old} → {new}", ph(name)),
            format!("placeholder {}: type {old} → {new}", ph(name)),
        ),
        ErrorTypeChanged { old, new } => format!(
            "errorType {} → {}",
            or_none(old, lang, s),
            or_none(new, lang, s)
        ),
        RustNameChanged { old, new } => t(
            lang,
            format!("Rust 이름 {} → {}", s.code(old), s.code(new)),
            format!("Rust name {} → {}", s.code(old), s.code(new)),
        ),
        MessageChanged { locale, old, new } => t(
            lang,
            format!("메시지({locale}) 변경: {} → {}", s.quote(old), s.quote(new)),
            format!(
                "message ({locale}) changed: {} → {}",
                s.quote(old),
                s.quote(new)
            ),
        ),
        TranslationAdded { locale, text } => t(
            lang,
            format!("메시지 번역 추가({locale}): {}", s.quote(text)),
            format!("message translation added ({locale}): {}", s.quote(text)),
        ),
        TranslationRemoved { locale } => t(
            lang,
            format!("메시지 번역 삭제({locale}): 기본 언어 글을 대신 씁니다"),
            format!("message translation removed ({locale}): the default text is used"),
        ),
        ExplanationChanged { edit: e, locales } => t(
            lang,
            format!("설명 {} ({})", edit(e), locales.join(", ")),
            format!("explanation {} ({})", edit(e), locales.join(", ")),
        ),
        ActionChanged { edit: e, locales } => t(
            lang,
            format!("조치 {} ({})", edit(e), locales.join(", ")),
            format!("action {} ({})", edit(e), locales.join(", ")),
        ),
        DeprecationAdded { replacement } => match replacement {
            Some(r) => t(
                lang,
                format!("사용 중단 예정으로 표시 (대신 쓸 코드: {})", s.code(r)),
                format!("deprecated (use {} instead)", s.code(r)),
            ),
            None => t(lang, "사용 중단 예정으로 표시", "deprecated"),
        },
        DeprecationChanged { replacement } => t(
            lang,
            format!("대신 쓸 코드 변경: {}", or_none(replacement, lang, s)),
            format!("replacement changed to {}", or_none(replacement, lang, s)),
        ),
        DeprecationRemoved => t(lang, "사용 중단 예정 표시 해제", "no longer deprecated"),
        FactChanged {
            label, old, new, ..
        } => {
            let none = t(lang, "없음", "none");
            format!(
                "{}: {} → {}",
                t(lang, label.ko, label.en),
                old.as_deref().unwrap_or(&none),
                new.as_deref().unwrap_or(&none)
            )
        }
        RetryableChanged { now } => match now {
            true => t(lang, "재시도 불가 → 가능", "retryable: no → yes"),
            false => t(lang, "재시도 가능 → 불가", "retryable: yes → no"),
        },
        RetryChanged { old, new, looser } => t(
            lang,
            format!(
                "재시도 {old} → {new}{}",
                if *looser {
                    " (클라이언트가 더 많이 재시도합니다)"
                } else {
                    ""
                }
            ),
            format!(
                "retry {old} → {new}{}",
                if *looser { " (clients retry more)" } else { "" }
            ),
        ),
        OutcomeChanged { old, new } => t(
            lang,
            format!("결제 결과 {old} → {new}"),
            format!("payment outcome {old} → {new}"),
        ),
        ActorChanged { old, new } => {
            let w = |x: &Option<String>| x.clone().unwrap_or_else(|| "-".to_owned());
            t(
                lang,
                format!("조치할 사람 {} → {}", w(old), w(new)),
                format!("who acts {} → {}", w(old), w(new)),
            )
        }
        OperationsChanged { old, new } => t(
            lang,
            format!(
                "발생하는 API 묶음 {} → {}",
                list(old, lang, s),
                list(new, lang, s)
            ),
            format!("operations {} → {}", list(old, lang, s), list(new, lang, s)),
        ),
    }
}

/// Who it breaks, and how to do it without breaking anyone (for breaking changes; a few
/// compatible ones get a note too).
fn why(k: &Kind, lang: Lang, s: Style) -> Option<String> {
    use Kind::*;
    Some(match k {
        LocaleRemoved { .. } => t(
            lang,
            "이 언어로 메시지를 받던 곳이 다른 언어 글을 받고, Rust의 Locale 값도 사라집니다.",
            "Callers asking for this language get another one, and its Locale value disappears from Rust.",
        ),
        DefaultLocaleChanged { .. } => t(
            lang,
            "언어를 고르지 않고 메시지를 보여 주던 곳(Display)이 모두 다른 언어로 보여 줍니다.",
            "Everything that shows messages without picking a language (Display) switches language.",
        ),
        DomainRemoved { .. } => t(
            lang,
            "이 도메인의 코드를 처리하던 곳이 모두 알아보지 못하고, Rust 모듈도 사라집니다. 코드마다 retired = true로 폐기 표시하고 파일은 남겨 두세요.",
            "Every code of the domain stops being recognised and its Rust module disappears. Mark each code retired = true and keep the file instead.",
        ),
        CategoryRemoved { .. } => t(
            lang,
            "이 분류를 쓰던 Rust 서비스(Category)가 컴파일되지 않습니다.",
            "Rust services that use this category (Category) no longer compile.",
        ),
        OperationRemoved { .. } => t(
            lang,
            "이 API 묶음을 쓰던 Rust 서비스(Operation)가 컴파일되지 않습니다.",
            "Rust services that use this operation (Operation) no longer compile.",
        ),
        CodeRemoved => t(
            lang,
            "이 코드를 처리하던 가맹점과 서비스가 더는 알아보지 못합니다. 지우지 말고 retired = true로 폐기 표시하세요.",
            "Merchants and services that handle this code will no longer recognise it. Keep the entry and mark it retired = true instead.",
        ),
        CodeRenamed { .. } => t(
            lang,
            "옛 코드를 처리하던 곳이 새 코드를 알아보지 못합니다. 옛 코드는 retired = true로 남기고 새 코드를 추가하세요.",
            "Whoever handles the old code will not recognise the new one. Keep the old code, marked retired = true, and add the new one.",
        ),
        TombstoneRemoved => t(
            lang,
            "기록을 지우면 나중에 같은 코드를 다른 뜻으로 다시 쓸 수 있게 됩니다. 폐기된 코드도 스펙에 남겨 두세요.",
            "Without its record the code could later be reused for something else. Keep retired codes in the spec.",
        ),
        RetiredReused { next_free } => {
            let next = next_free.as_deref().map(|n| s.code(n));
            t(
                lang,
                format!(
                    "폐기된 코드는 다시 쓸 수 없습니다: 옛 뜻으로 처리하는 곳이 남아 있을 수 있습니다. 새 코드를 쓰세요{}.",
                    next.as_ref()
                        .map(|n| format!(" (다음 빈 코드: {n})"))
                        .unwrap_or_default()
                ),
                format!(
                    "A retired code is never reused: someone may still handle it with its old meaning. Use a new code{}.",
                    next.as_ref()
                        .map(|n| format!(" (next free: {n})"))
                        .unwrap_or_default()
                ),
            )
        }
        StatusChanged { .. } => t(
            lang,
            "HTTP 상태로 이 에러를 구분하던 가맹점과 서비스가 다르게 동작합니다.",
            "Merchants and services that act on the HTTP status will behave differently.",
        ),
        CategoryChanged { .. } => t(
            lang,
            "분류로 에러를 묶어 처리하던 곳이 이 에러를 다르게 처리합니다.",
            "Whoever groups errors by category will treat this one differently.",
        ),
        PlaceholderRemoved { .. } => t(
            lang,
            "이 값을 넣던 Rust 서비스가 컴파일되지 않고, 메시지에서 이 값을 보던 곳은 더 볼 수 없습니다.",
            "Rust services that set this value no longer compile, and readers of the message lose the value.",
        ),
        PlaceholderRenamed { .. } => t(
            lang,
            "값은 이름으로 넣으므로, 옛 이름으로 넣던 Rust 서비스가 컴파일되지 않습니다.",
            "Values are set by name: Rust services that use the old name no longer compile.",
        ),
        PlaceholderAdded { .. } => t(
            lang,
            "이 에러를 만드는 Rust 서비스가 새 값도 넘기도록 고쳐져야 컴파일됩니다.",
            "Rust services that build this error must pass the new value before they compile again.",
        ),
        PlaceholderTypeChanged { .. } => t(
            lang,
            "이 값을 넣던 Rust 서비스가 컴파일되지 않습니다.",
            "Rust services that set this value no longer compile.",
        ),
        ErrorTypeChanged { .. } => t(
            lang,
            "응답의 errorType으로 에러를 구분하던 곳이 다르게 동작합니다.",
            "Callers that match on errorType in responses will behave differently.",
        ),
        RustNameChanged { .. } => t(
            lang,
            "이 코드를 이름으로 쓰던 Rust 서비스가 컴파일되지 않습니다.",
            "Rust services that refer to the code by name no longer compile.",
        ),
        CodeRetired {
            was_deprecated: false,
        } => t(
            lang,
            "참고: 사용 중단 예정(deprecated) 단계 없이 바로 폐기했습니다. 이 코드의 Rust 변형(variant)이 없어지므로, 이 코드를 쓰던 Rust 서비스는 고쳐야 컴파일됩니다.",
            "Note: retired without being deprecated first. The code's Rust variants are removed: Rust services that use the code must be changed to compile.",
        ),
        CodeRetired {
            was_deprecated: true,
        } => t(
            lang,
            "이 코드의 Rust 변형(variant)이 없어집니다. 이 코드를 쓰던 Rust 서비스는 고쳐야 컴파일됩니다 (payment-errors의 버전을 올리세요).",
            "The code's Rust variants are removed: Rust services that use the code must be changed to compile (bump payment-errors' version).",
        ),
        _ => return None,
    })
}

fn class_words(c: &Change, lang: Lang) -> String {
    match (c.class(), &c.ack) {
        (Class::Breaking, AckState::Acknowledged(_)) => t(
            lang,
            "호환성을 깨는 변경 (승인됨)",
            "breaking change (acknowledged)",
        ),
        (Class::Breaking, _) => t(lang, "호환성을 깨는 변경", "breaking change"),
        (Class::Compatible, _) => t(lang, "호환되는 변경", "compatible change"),
    }
}

/// One change as one line: `NOT_FOUND_PAYMENT: HTTP 404 → 400 — 호환성을 깨는 변경`.
pub fn line(c: &Change, lang: Lang) -> String {
    line_styled(c, lang, Style { markdown: false })
}

fn line_styled(c: &Change, lang: Lang, s: Style) -> String {
    let what = summary(&c.kind, lang, s);
    let class = class_words(c, lang);
    let class = if s.markdown && c.blocks() {
        format!("**{class}**")
    } else {
        class
    };
    match head(c, s) {
        Some(h) => format!("{h}: {what} — {class}"),
        None => format!("{what} — {class}"),
    }
}

/// Lines under a change: why it matters, its acknowledgement.
fn details(c: &Change, lang: Lang, s: Style) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(w) = why(&c.kind, lang, s) {
        out.push(w);
    }
    match &c.ack {
        AckState::Acknowledged(a) => out.push(t(
            lang,
            format!("승인: {} ({})", s.quote(&a.text), s.code(&a.at)),
            format!("acknowledged: {} ({})", s.quote(&a.text), s.code(&a.at)),
        )),
        AckState::Stale(a) => out.push(t(
            lang,
            format!(
                "{}의 breaking_change_ok는 예전 변경을 승인한 것이라 이번 변경에는 적용되지 않습니다. 이번 변경의 이유를 새로 쓰세요.",
                s.code(&a.at)
            ),
            format!(
                "the breaking_change_ok at {} acknowledged an earlier change, not this one: write this change's reason.",
                s.code(&a.at)
            ),
        )),
        AckState::None => {}
    }
    out
}

/// Sort key: unacknowledged breaking, acknowledged breaking, compatible.
fn rank(c: &Change) -> u8 {
    match (c.class(), c.blocks()) {
        (Class::Breaking, true) => 0,
        (Class::Breaking, false) => 1,
        (Class::Compatible, _) => 2,
    }
}

/// Groups: (heading, changes). Catalog-wide first, then domains with breaking changes, then
/// the rest, by id; within a group breaking first, otherwise in spec order.
fn groups(r: &Review, lang: Lang, s: Style) -> Vec<(String, Vec<&Change>)> {
    let mut keys: Vec<Option<&str>> = Vec::new();
    for c in &r.changes {
        let k = c.domain.as_deref();
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let best = |k: &Option<&str>| {
        r.changes
            .iter()
            .filter(|c| c.domain.as_deref() == *k)
            .map(rank)
            .min()
            .unwrap_or(2)
    };
    keys.sort_by(|a, b| (a.is_some(), best(a), *a).cmp(&(b.is_some(), best(b), *b)));
    keys.into_iter()
        .map(|k| {
            let heading = match k {
                None => t(
                    lang,
                    format!("카탈로그 전체 ({})", s.code(&r.catalog_file)),
                    format!("Whole catalog ({})", s.code(&r.catalog_file)),
                ),
                Some(id) => match r.domain(id) {
                    Some(d) => format!("{} — {}", s.code(id), d.title.get(lang)),
                    None => s.code(id),
                },
            };
            let mut changes: Vec<&Change> = r
                .changes
                .iter()
                .filter(|c| c.domain.as_deref() == k)
                .collect();
            changes.sort_by_key(|c| rank(c));
            (heading, changes)
        })
        .collect()
}

/// Counts: (breaking, acknowledged, compatible).
fn counts(r: &Review) -> (usize, usize, usize) {
    let breaking = r
        .changes
        .iter()
        .filter(|c| c.class() == Class::Breaking)
        .count();
    let blocking = r.blocking().count();
    (breaking, breaking - blocking, r.changes.len() - breaking)
}

fn count_line(r: &Review, lang: Lang) -> String {
    let (b, a, c) = counts(r);
    let acked = |ko: bool| match (a, ko) {
        (0, _) => String::new(),
        (a, true) => format!(" (그중 승인됨 {a}건)"),
        (a, false) => format!(" ({a} acknowledged)"),
    };
    t(
        lang,
        format!(
            "호환성을 깨는 변경 {b}건{}, 호환되는 변경 {c}건",
            acked(true)
        ),
        format!(
            "{b} breaking change(s){}, {c} compatible change(s)",
            acked(false)
        ),
    )
}

/// A code as the spec's own files write it in a header: bare when plain, else quoted.
fn toml_key(code: &str) -> String {
    if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        code.to_owned()
    } else {
        format!("\"{}\"", code.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Where the acknowledgement of a blocking change goes: `error-spec/toss.toml [errors.X]`.
fn ack_target(r: &Review, c: &Change) -> String {
    let file = |id: &str| {
        r.domain(id)
            .map_or_else(|| format!("{id}.toml"), |d| d.file.clone())
    };
    match (c.kind.ack_place(), &c.domain, &c.code) {
        (AckPlace::Code, Some(d), Some(code)) => {
            format!("{} [errors.{}]", file(d), toml_key(code))
        }
        (AckPlace::Domain, Some(d), _) => format!("{} [domain]", file(d)),
        _ => format!("{} [catalog]", r.catalog_file),
    }
}

/// The verdict: a result line, then (when it fails) what to do and where.
fn verdict(r: &Review, lang: Lang, s: Style) -> (String, Vec<String>) {
    let (b, _, c) = counts(r);
    let blocking: Vec<&Change> = r.blocking().collect();
    if !blocking.is_empty() {
        let result = t(
            lang,
            format!(
                "결과: 승인되지 않은 호환성을 깨는 변경이 {}건 있어 통과할 수 없습니다.",
                blocking.len()
            ),
            format!(
                "Result: {} unacknowledged breaking change(s), so this cannot pass.",
                blocking.len()
            ),
        );
        let mut out = vec![t(
            lang,
            "되돌리거나, 의도한 변경이라면 아래 자리에 이유와 승인한 사람을 적으세요:",
            "Revert them, or if they are intended, write the reason and who approved it here:",
        )];
        let mut targets: Vec<String> = Vec::new();
        for c in blocking {
            let target = ack_target(r, c);
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
        let example = t(
            lang,
            "breaking_change_ok = \"날짜: 바꾼 이유 (승인: 이름)\"",
            "breaking_change_ok = \"date: why it changed (approved by: name)\"",
        );
        for target in targets {
            out.push(format!("{}: {}", s.code(&target), s.code(&example)));
        }
        return (result, out);
    }
    let result = if b > 0 {
        t(
            lang,
            format!("결과: 호환성을 깨는 변경 {b}건이 모두 승인되었습니다."),
            format!("Result: all {b} breaking change(s) are acknowledged."),
        )
    } else if c > 0 {
        t(
            lang,
            "결과: 호환되는 변경만 있습니다.",
            "Result: compatible changes only.",
        )
    } else {
        t(lang, "결과: 바뀐 것이 없습니다.", "Result: no changes.")
    };
    (result, Vec::new())
}

/// The review for people.
pub fn render(r: &Review, lang: Lang, format: Format) -> String {
    match format {
        Format::Text => text(r, lang),
        Format::Markdown => markdown(r, lang),
        Format::Changelog => changelog(r, lang),
    }
}

/// The changelog heading a change goes under.
fn changelog_section(c: &Change, lang: Lang) -> (u8, String) {
    use Kind::*;
    let (rank, ko, en) = match (&c.kind, c.class()) {
        (_, Class::Breaking) => (0, "호환성을 깨는 변경", "Breaking"),
        (
            CodeAdded { .. }
            | DomainAdded { .. }
            | LocaleAdded { .. }
            | CategoryAdded { .. }
            | OperationAdded { .. }
            | TranslationAdded { .. },
            _,
        ) => (1, "추가", "Added"),
        (DeprecationAdded { .. } | DeprecationChanged { .. }, _) => (3, "사용 중단", "Deprecated"),
        (CodeRetired { .. } | TombstoneAdded, _) => (4, "폐기", "Retired"),
        _ => (2, "변경", "Changed"),
    };
    (rank, t(lang, ko, en))
}

/// A `CHANGELOG.md` section body (the caller writes the version heading): `### Breaking`,
/// `### Added`, `### Changed`, `### Deprecated`, `### Retired`, one bullet per change.
fn changelog(r: &Review, lang: Lang) -> String {
    let s = Style { markdown: true };
    let mut sections: Vec<(u8, String, Vec<String>)> = Vec::new();
    for c in &r.changes {
        let (rank, heading) = changelog_section(c, lang);
        let mut line = match (&c.domain, head(c, s)) {
            (Some(d), Some(h)) => format!("{} {h}: {}", s.code(d), summary(&c.kind, lang, s)),
            (Some(d), None) => format!("{}: {}", s.code(d), summary(&c.kind, lang, s)),
            _ => summary(&c.kind, lang, s),
        };
        if let AckState::Acknowledged(a) = &c.ack {
            line.push_str(&format!(" ({})", s.quote(&a.text)));
        }
        match sections.iter_mut().find(|x| x.0 == rank) {
            Some(x) => x.2.push(line),
            None => sections.push((rank, heading, vec![line])),
        }
    }
    sections.sort_by_key(|x| x.0);
    let mut out = String::new();
    for (_, heading, lines) in sections {
        out.push_str(&format!("### {heading}\n\n"));
        for l in lines {
            out.push_str(&format!("- {l}\n"));
        }
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(&t(lang, "바뀐 것이 없습니다.\n", "No changes.\n"));
    }
    out
}

fn text(r: &Review, lang: Lang) -> String {
    let s = Style { markdown: false };
    let mut out = t(
        lang,
        format!("에러 스펙 변경 검토: {} → {}\n", r.old, r.new),
        format!("Error spec review: {} → {}\n", r.old, r.new),
    );
    out.push_str(&count_line(r, lang));
    out.push('\n');
    for (heading, changes) in groups(r, lang, s) {
        out.push_str(&format!("\n{heading}\n"));
        for c in changes {
            let mark = match (c.class(), c.blocks()) {
                (Class::Breaking, true) => "✗",
                (Class::Breaking, false) => "!",
                (Class::Compatible, _) => "✓",
            };
            out.push_str(&format!("  {mark} {}\n", line_styled(c, lang, s)));
            for d in details(c, lang, s) {
                out.push_str(&format!("      {d}\n"));
            }
        }
    }
    out.push('\n');
    let (result, todo) = verdict(r, lang, s);
    out.push_str(&result);
    out.push('\n');
    for (i, line) in todo.iter().enumerate() {
        let indent = if i == 0 { "" } else { "  " };
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}

fn markdown(r: &Review, lang: Lang) -> String {
    let s = Style { markdown: true };
    let mut out = t(
        lang,
        "### 에러 스펙 변경 검토\n\n",
        "### Error spec review\n\n",
    );
    out.push_str(&format!("{} → {}\n\n", s.code(&r.old), s.code(&r.new)));
    let (b, _, _) = counts(r);
    let count = count_line(r, lang);
    if b > 0 {
        out.push_str(&format!("**{count}**\n"));
    } else {
        out.push_str(&format!("{count}\n"));
    }
    for (heading, changes) in groups(r, lang, s) {
        out.push_str(&format!("\n#### {heading}\n\n"));
        for c in changes {
            let mark = match (c.class(), c.blocks()) {
                (Class::Breaking, true) => "🔴",
                (Class::Breaking, false) => "🟡",
                (Class::Compatible, _) => "🟢",
            };
            out.push_str(&format!("- {mark} {}\n", line_styled(c, lang, s)));
            for d in details(c, lang, s) {
                out.push_str(&format!("  - {d}\n"));
            }
        }
    }
    out.push('\n');
    let (result, todo) = verdict(r, lang, s);
    out.push_str(&format!("**{result}**\n"));
    for (i, line) in todo.iter().enumerate() {
        if i == 0 {
            out.push_str(&format!("\n{line}\n\n"));
        } else {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out
}

fn details_json(k: &Kind) -> Value {
    use Kind::*;
    match k {
        LocaleRemoved { locale } | LocaleAdded { locale } | TranslationRemoved { locale } => {
            json!({ "locale": locale })
        }
        DefaultLocaleChanged { old, new } => json!({ "old": old, "new": new }),
        DomainRemoved { codes } | DomainAdded { codes } => json!({ "codes": codes }),
        CategoryRemoved { key }
        | CategoryAdded { key }
        | OperationRemoved { key }
        | OperationAdded { key } => json!({ "key": key }),
        CodeRenamed { from, hint } => json!({
            "from": from,
            "hint": match hint { RenameHint::SameRustName => "same-rust-name", RenameHint::SameMessage => "same-message" },
        }),
        CodeAdded { status } => json!({ "status": status }),
        RetiredReused { next_free } => json!({ "next_free": next_free }),
        CodeRetired { was_deprecated } => json!({ "was_deprecated": was_deprecated }),
        StatusChanged { old, new } => json!({ "old": old, "new": new }),
        CategoryChanged { old, new } | ErrorTypeChanged { old, new } => {
            json!({ "old": old, "new": new })
        }
        PlaceholderRemoved { name } | PlaceholderAdded { name } => json!({ "name": name }),
        PlaceholderRenamed { old, new } | RustNameChanged { old, new } => {
            json!({ "old": old, "new": new })
        }
        PlaceholderTypeChanged { name, old, new } => {
            json!({ "name": name, "old": old, "new": new })
        }
        MessageChanged { locale, old, new } => json!({ "locale": locale, "old": old, "new": new }),
        TranslationAdded { locale, text } => json!({ "locale": locale, "text": text }),
        ExplanationChanged { edit, locales } | ActionChanged { edit, locales } => json!({
            "edit": match edit { Edit::Added => "added", Edit::Changed => "changed", Edit::Removed => "removed" },
            "locales": locales,
        }),
        DeprecationAdded { replacement } | DeprecationChanged { replacement } => {
            json!({ "replacement": replacement })
        }
        RetryableChanged { now } => json!({ "retryable": now }),
        FactChanged { id, old, new, .. } => json!({ "fact": id, "old": old, "new": new }),
        RetryChanged { old, new, looser } => json!({ "old": old, "new": new, "looser": looser }),
        OutcomeChanged { old, new } => json!({ "old": old, "new": new }),
        ActorChanged { old, new } => json!({ "old": old, "new": new }),
        OperationsChanged { old, new } => json!({ "old": old, "new": new }),
        CodeRemoved | TombstoneAdded | TombstoneRemoved | DeprecationRemoved => json!({}),
    }
}

/// The review as one JSON document: `{"old","new","passes","breaking","acknowledged",
/// "compatible","changes":[{"domain","code","kind","class","blocks","summary","why",
/// "acknowledgement","stale_acknowledgement","details"}]}`; texts in `lang`.
pub fn json(r: &Review, lang: Lang) -> String {
    let s = Style { markdown: false };
    let (b, a, c) = counts(r);
    let ack = |x: &super::side::Ack| json!({ "text": x.text, "at": x.at });
    let changes: Vec<Value> = r
        .changes
        .iter()
        .map(|ch| {
            json!({
                "domain": ch.domain,
                "code": ch.code,
                "kind": ch.kind.slug(),
                "class": match ch.class() { Class::Breaking => "breaking", Class::Compatible => "compatible" },
                "blocks": ch.blocks(),
                "summary": line_styled(ch, lang, s),
                "why": why(&ch.kind, lang, s),
                "acknowledgement": match &ch.ack { AckState::Acknowledged(x) => Some(ack(x)), _ => None },
                "stale_acknowledgement": match &ch.ack { AckState::Stale(x) => Some(ack(x)), _ => None },
                "details": details_json(&ch.kind),
            })
        })
        .collect();
    json!({
        "old": r.old,
        "new": r.new,
        "passes": r.passes(),
        "breaking": b,
        "acknowledged": a,
        "compatible": c,
        "changes": changes,
    })
    .to_string()
}
