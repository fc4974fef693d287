//! Every naming rule of the generated Rust, in one place.
//!
//! Wire codes, category keys, domain ids and placeholder names come from staff. Before any of
//! them becomes a Rust identifier it passes through here, so that the emitter never builds an
//! identifier that `proc_macro2::Ident::new` would reject (it panics on those).

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords of every edition, strict and reserved.
pub const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be written as raw identifiers (`r#self` is an error).
pub const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names at the root of `payment_errors` that a domain id could spell: its modules and items
/// (`src/lib.rs` and the generated `src/catalog.rs`, `use`d and re-exported names included).
/// A domain is the module `payment_errors::<domain>`, so it may not take one of them
/// (rustc: E0428). `codegen/tests/reserved_names.rs` derives the list from the crate's sources
/// and fails when it misses a name or keeps one the crate no longer has.
pub const CRATE_ROOT_NAMES: &[&str] = &[
    "json",
    "negotiate",
    "particle",
    "payment",
    "serve",
    "timestamp",
    "web",
];

/// Crates the crate's code and the generated code refer to by path (`core::fmt`,
/// `serde::Serialize`): `std`, `core`, `alloc`, the crate itself, and the dependencies of
/// `payment-errors` (with `-` as `_`; the test checks them against its `Cargo.toml`). A domain
/// module of that name would shadow the crate.
pub const CRATE_NAMES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "payment_errors",
    "payment_errors_core",
    "serde",
    "http",
    "axum_core",
    "actix_web",
    "tower_layer",
    "tower_service",
];

/// Why a name is taken (see [`NameProblem::Reserved`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// A module or item at the crate root ([`CRATE_ROOT_NAMES`]).
    RootItem,
    /// A crate the code refers to by path ([`CRATE_NAMES`]).
    Crate,
}

/// Is `id` taken at the root of `payment_errors`, and by what?
pub fn taken(id: &str) -> Option<Taken> {
    if CRATE_ROOT_NAMES.contains(&id) || id.starts_with("__") {
        Some(Taken::RootItem)
    } else if CRATE_NAMES.contains(&id) {
        Some(Taken::Crate)
    } else {
        None
    }
}

/// Is `s` a Rust keyword (in any edition)?
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Is `s` a plain identifier: `[A-Za-z_][A-Za-z0-9_]*`, ASCII only, not `_` alone?
pub fn is_ascii_ident(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    s != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Why a name cannot be used, in terms the validator turns into a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing identifier-like is left (`0000`, `-`, `결제실패`).
    NoIdentifier,
    /// Starts with a digit after conversion (`0000` → `0000`).
    LeadingDigit,
    /// A keyword that cannot be escaped (`Self`, `self`, `crate`, `super`).
    Keyword,
    /// A name the crate root already uses (`particle`, `serde` …), and by what.
    Reserved(Taken),
    /// Not in the required case; carries the correctly cased form.
    WrongCase(String),
}

/// The Rust variant name derived from a wire code: `NOT_FOUND_PAYMENT` → `NotFoundPayment`,
/// `EBP-C-0004` → `EbpC0004`. `prefix` (the domain's `variant_prefix`) is put in front, so that
/// codes that are only digits (`0000`) can still name variants (`R0000`).
pub fn variant_from_code(code: &str, prefix: &str) -> Result<String, NameProblem> {
    let ascii: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let body = ascii.to_upper_camel_case();
    let name = format!("{prefix}{body}");
    match check_variant(&name) {
        // Already as camel as heck makes it. heck is not idempotent on one-letter words
        // (`A_B_C` → `ABC` → `Abc`), which is no reason to refuse the code.
        Err(NameProblem::WrongCase(_)) if is_ascii_ident(&name) => Ok(name),
        checked => checked.map(|()| name),
    }
}

/// Checks a variant name given by the spec (`name = "ValidationFailed"`) or derived from a code.
pub fn check_variant(name: &str) -> Result<(), NameProblem> {
    if name.is_empty() || !name.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(NameProblem::NoIdentifier);
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(NameProblem::LeadingDigit);
    }
    if !is_ascii_ident(name) {
        return Err(NameProblem::WrongCase(name.to_upper_camel_case()));
    }
    if NOT_RAW.contains(&name) || is_keyword(name) {
        return Err(NameProblem::Keyword);
    }
    let camel = name.to_upper_camel_case();
    if camel != name {
        return Err(NameProblem::WrongCase(camel));
    }
    Ok(())
}

/// The module name of a domain: the file stem, which must already be snake case
/// (`^[a-z][a-z0-9_]*$`) and not a keyword.
pub fn check_domain_id(id: &str) -> Result<(), NameProblem> {
    if is_keyword(id) || NOT_RAW.contains(&id) {
        return Err(NameProblem::Keyword);
    }
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() => {}
        Some(c) if c.is_ascii_digit() => return Err(NameProblem::LeadingDigit),
        _ => {
            let snake = id.to_snake_case();
            return Err(if is_ascii_ident(&snake) && !snake.starts_with('_') {
                NameProblem::WrongCase(snake)
            } else {
                NameProblem::NoIdentifier
            });
        }
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        let snake = id.to_snake_case();
        return Err(if is_ascii_ident(&snake) {
            NameProblem::WrongCase(snake)
        } else {
            NameProblem::NoIdentifier
        });
    }
    if is_keyword(id) || NOT_RAW.contains(&id) {
        return Err(NameProblem::Keyword);
    }
    // `payment_errors::<domain>` sits next to these crate-root items.
    if let Some(t) = taken(id) {
        return Err(NameProblem::Reserved(t));
    }
    Ok(())
}

/// The field name of a placeholder: `bankCode` and `bank_code` both name `bank_code`.
/// Keywords are allowed (emitted as `r#type`) except those that cannot be raw.
pub fn field_from_placeholder(name: &str) -> Result<String, NameProblem> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(NameProblem::NoIdentifier);
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(NameProblem::LeadingDigit);
    }
    let snake = name.to_snake_case();
    if snake.is_empty() || !is_ascii_ident(&snake) {
        return Err(NameProblem::NoIdentifier);
    }
    if NOT_RAW.contains(&snake.as_str()) {
        return Err(NameProblem::Keyword);
    }
    Ok(snake)
}

/// The variant name of a category or operation key: `C` → `C`, `card_payment` → `CardPayment`.
pub fn variant_from_key(key: &str) -> Result<String, NameProblem> {
    variant_from_code(key, "")
}

/// The variant name of a locale tag: `ko` → `Ko`, `zh-Hant` → `ZhHant`.
pub fn locale_variant(tag: &str) -> String {
    tag.replace('-', " ").to_upper_camel_case()
}

/// Is `tag` a locale tag we accept: a 2–3 letter lowercase language, then optional
/// `-Subtag`s of ASCII letters and digits (`ko`, `en`, `zh-Hant`, `pt-BR`)?
pub fn is_locale_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default();
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Would the token stream accept `name` as a (possibly raw) identifier?
/// The emitter calls this as a last line of defence before `Ident::new`.
pub fn is_emittable(name: &str) -> bool {
    is_ascii_ident(name) && !NOT_RAW.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_upper_camel_variants() {
        let cases = [
            ("NOT_FOUND_PAYMENT", "NotFoundPayment"),
            ("EBP-C-0004", "EbpC0004"),
            ("not-found", "NotFound"),
            ("FAILED_DB_PROCESSING", "FailedDbProcessing"),
            ("A1", "A1"),
            ("type", "Type"),
            ("C", "C"),
        ];
        for (code, want) in cases {
            assert_eq!(variant_from_code(code, "").as_deref(), Ok(want), "{code}");
        }
    }

    #[test]
    fn codes_that_yield_no_identifier_are_rejected() {
        assert_eq!(
            variant_from_code("0000", ""),
            Err(NameProblem::LeadingDigit)
        );
        assert_eq!(
            variant_from_code("결제실패", ""),
            Err(NameProblem::NoIdentifier)
        );
        assert_eq!(variant_from_code("--", ""), Err(NameProblem::NoIdentifier));
        assert_eq!(variant_from_code("SELF", ""), Err(NameProblem::Keyword));
        assert_eq!(variant_from_code("self", ""), Err(NameProblem::Keyword));
        assert_eq!(variant_from_code("CODE", "").as_deref(), Ok("Code"));
        // One-letter words: heck's output is not stable under heck, and still a fine name.
        assert_eq!(variant_from_code("A_B_C", "").as_deref(), Ok("ABC"));
        assert_eq!(variant_from_code("PG-X-1", "").as_deref(), Ok("PgX1"));
        assert_eq!(variant_from_code("s3U", "").as_deref(), Ok("S3U"));
    }

    #[test]
    fn a_prefix_rescues_digit_codes() {
        assert_eq!(variant_from_code("0000", "R").as_deref(), Ok("R0000"));
        assert_eq!(variant_from_code("C002", "Nice").as_deref(), Ok("NiceC002"));
    }

    #[test]
    fn near_collisions_collide() {
        assert_eq!(
            variant_from_code("NOT-FOUND", ""),
            variant_from_code("NOT_FOUND", "")
        );
        assert_ne!(
            variant_from_code("INVALID_PARAMETER", ""),
            variant_from_code("INVALID_PARAMETERS", "")
        );
    }

    #[test]
    fn explicit_names_must_be_upper_camel() {
        assert_eq!(check_variant("ValidationFailed"), Ok(()));
        assert_eq!(
            check_variant("ALL"),
            Err(NameProblem::WrongCase("All".into()))
        );
        assert_eq!(
            check_variant("validation_failed"),
            Err(NameProblem::WrongCase("ValidationFailed".into()))
        );
        assert_eq!(check_variant("Self"), Err(NameProblem::Keyword));
        assert_eq!(check_variant("9Lives"), Err(NameProblem::LeadingDigit));
        assert_eq!(
            check_variant("Pay-Fail"),
            Err(NameProblem::WrongCase("PayFail".into()))
        );
    }

    #[test]
    fn every_keyword_is_rejected_or_escapable() {
        for kw in KEYWORDS {
            assert!(is_keyword(kw));
            assert_eq!(check_domain_id(kw), Err(NameProblem::Keyword), "{kw}");
            match field_from_placeholder(kw) {
                Ok(field) => assert!(is_emittable(&field), "{kw}"),
                Err(e) => {
                    assert_eq!(e, NameProblem::Keyword, "{kw}");
                    assert!(NOT_RAW.contains(&kw.to_snake_case().as_str()), "{kw}");
                }
            }
        }
    }

    #[test]
    fn domain_ids_are_snake_case_files() {
        assert_eq!(check_domain_id("ebp"), Ok(()));
        assert_eq!(check_domain_id("toss_v2"), Ok(()));
        assert_eq!(
            check_domain_id("Toss"),
            Err(NameProblem::WrongCase("toss".into()))
        );
        assert_eq!(
            check_domain_id("toss-v2"),
            Err(NameProblem::WrongCase("toss_v2".into()))
        );
        assert_eq!(check_domain_id("2fa"), Err(NameProblem::LeadingDigit));
        assert_eq!(check_domain_id("match"), Err(NameProblem::Keyword));
        assert_eq!(check_domain_id("결제"), Err(NameProblem::NoIdentifier));
        assert_eq!(
            check_domain_id("particle"),
            Err(NameProblem::Reserved(Taken::RootItem))
        );
        assert_eq!(
            check_domain_id("serde"),
            Err(NameProblem::Reserved(Taken::Crate))
        );
    }

    #[test]
    fn placeholders_name_snake_case_fields() {
        assert_eq!(
            field_from_placeholder("bankCode").as_deref(),
            Ok("bank_code")
        );
        assert_eq!(
            field_from_placeholder("bank_code").as_deref(),
            Ok("bank_code")
        );
        assert_eq!(field_from_placeholder("type").as_deref(), Ok("type"));
        assert_eq!(field_from_placeholder("self"), Err(NameProblem::Keyword));
        assert_eq!(
            field_from_placeholder("1st"),
            Err(NameProblem::LeadingDigit)
        );
        assert_eq!(
            field_from_placeholder("bank code"),
            Err(NameProblem::NoIdentifier)
        );
        assert_eq!(field_from_placeholder(""), Err(NameProblem::NoIdentifier));
    }

    #[test]
    fn locale_tags() {
        for ok in ["ko", "en", "zh-Hant", "pt-BR", "es-419"] {
            assert!(is_locale_tag(ok), "{ok}");
        }
        for bad in ["", "k", "KO", "ko_KR", "korean", "ko-", "en--US"] {
            assert!(!is_locale_tag(bad), "{bad}");
        }
        assert_eq!(locale_variant("ko"), "Ko");
        assert_eq!(locale_variant("zh-Hant"), "ZhHant");
        assert_eq!(locale_variant("pt-BR"), "PtBr");
    }
}
