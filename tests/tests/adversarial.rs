//! The adversarial fixture catalog (`fixtures/adversarial/`), compiled into this crate by
//! `build.rs`: every text round-trips byte for byte.
//!
//! The expected values come from the fixture files themselves, read with the `toml` crate, not
//! from the generator; the only rule applied to them is the contract's "`{{` and `}}` are
//! literal braces" for unfilled messages.
#![allow(deprecated)]

use std::collections::BTreeSet;
use std::path::Path;

use catalog_tests::adversarial::{self, Locale, digits, weird};
use toml::{Table, Value};

fn fixture(name: &str) -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/adversarial")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    text.parse::<Table>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn table<'a>(t: &'a Table, key: &str) -> &'a Table {
    t.get(key)
        .and_then(Value::as_table)
        .unwrap_or_else(|| panic!("no table `{key}`"))
}

/// A text of an entry in `locale`, if written.
fn text<'a>(entry: &'a Table, key: &str, locale: &str) -> Option<&'a str> {
    entry.get(key)?.as_table()?.get(locale)?.as_str()
}

/// A message as a person reads it unfilled: `{{` → `{`, `}}` → `}`, the rest as written.
fn unescape_braces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if (c == '{' || c == '}') && chars.peek() == Some(&c) {
            chars.next();
        }
    }
    out
}

const LOCALES: [(Locale, &str); 2] = [(Locale::Ko, "ko"), (Locale::En, "en")];

/// What both generated domain modules offer, so one check covers both.
struct Domain {
    file: &'static str,
    all: Vec<&'static str>,
    from_code: fn(&str) -> Option<Probe>,
}

/// A code's observable values.
#[derive(Debug, PartialEq)]
struct Probe {
    as_str: &'static str,
    display: String,
    parsed_back: bool,
    status: u16,
    retryable: bool,
    message: [&'static str; 2],
    explanation: [Option<&'static str>; 2],
    action: [Option<&'static str>; 2],
    category: Option<&'static str>,
    customer_message: [Option<String>; 2],
}

macro_rules! probe {
    ($m:ident, $c:expr, $cat:expr) => {{
        let c: $m::Code = $c;
        Probe {
            as_str: c.as_str(),
            display: c.to_string(),
            parsed_back: c.as_str().parse::<$m::Code>() == Ok(c),
            status: c.status(),
            retryable: c.retryable(),
            message: [c.message(Locale::Ko), c.message(Locale::En)],
            explanation: [c.explanation(Locale::Ko), c.explanation(Locale::En)],
            action: [c.action(Locale::Ko), c.action(Locale::En)],
            category: $cat(c),
            customer_message: [Locale::Ko, Locale::En]
                .map(|l| $m::Error::example(c).customer_message(l)),
        }
    }};
}

fn domains() -> Vec<Domain> {
    vec![
        Domain {
            file: "weird.toml",
            all: weird::Code::ALL.iter().map(|c| c.as_str()).collect(),
            from_code: |s| {
                weird::Code::from_code(s)
                    .map(|c| probe!(weird, c, |c: weird::Code| Some(c.category().as_str())))
            },
        },
        Domain {
            file: "digits.toml",
            all: digits::Code::ALL.iter().map(|c| c.as_str()).collect(),
            from_code: |s| digits::Code::from_code(s).map(|c| probe!(digits, c, |_| None)),
        },
    ]
}

#[test]
fn every_code_and_text_round_trips_byte_for_byte() {
    for d in domains() {
        let spec = fixture(d.file);
        let settings = table(&spec, "domain");
        let default_status = settings.get("default_status").and_then(Value::as_integer);
        let errors = table(&spec, "errors");
        let mut live = BTreeSet::new();
        for (code, entry) in errors {
            let entry = entry.as_table().unwrap();
            let found = (d.from_code)(code);
            if entry.contains_key("retired") {
                assert!(found.is_none(), "{code:?}: a retired code is not generated");
                continue;
            }
            live.insert(code.as_str());
            let p = found.unwrap_or_else(|| panic!("{code:?} is not found by from_code"));
            assert_eq!(p.as_str, code);
            assert_eq!(&p.display, code);
            assert!(p.parsed_back, "{code:?}: FromStr");
            let status = entry
                .get("status")
                .and_then(Value::as_integer)
                .or(default_status)
                .unwrap();
            assert_eq!(i64::from(p.status), status, "{code:?}");
            // `retryable = true` is `payment.retry = "same_key"`; a new key is a retry too.
            let payment = entry.get("payment").and_then(Value::as_table);
            let retry = payment.and_then(|p| p.get("retry")).and_then(Value::as_str);
            let retryable = entry.get("retryable").and_then(Value::as_bool);
            assert_eq!(
                p.retryable,
                retryable.unwrap_or(matches!(retry, Some("same_key" | "new_key"))),
                "{code:?}"
            );
            for (i, (_, tag)) in LOCALES.iter().enumerate() {
                let message = text(entry, "message", tag).expect("every locale written");
                assert_eq!(p.message[i], unescape_braces(message), "{code:?} {tag}");
                for (key, got) in [("explanation", p.explanation[i]), ("action", p.action[i])] {
                    assert_eq!(got, text(entry, key, tag), "{code:?} {key}.{tag}");
                }
                if let Some(own) = payment.and_then(|p| text(p, "customer_message", tag)) {
                    assert_eq!(
                        p.customer_message[i].as_deref(),
                        Some(own),
                        "{code:?} payment.customer_message.{tag}"
                    );
                }
            }
            assert_eq!(
                p.category,
                entry.get("category").and_then(Value::as_str),
                "{code:?}"
            );
        }
        let all: BTreeSet<&str> = d.all.iter().copied().collect();
        assert_eq!(
            all, live,
            "Code::ALL is exactly the live codes of {}",
            d.file
        );
        assert_eq!(d.all.len(), live.len(), "no code twice in Code::ALL");
        // Near misses are not codes.
        for code in &live {
            for near in [format!("{code} "), code.to_lowercase(), format!("{code}\0")] {
                if !live.contains(near.as_str()) {
                    assert!((d.from_code)(&near).is_none(), "{near:?}");
                }
            }
        }
    }
}

#[test]
fn the_hard_cases_are_really_there() {
    let spec = fixture("weird.toml");
    let errors = table(&spec, "errors");
    let long = text(table_of(errors, "LONG_MESSAGE"), "message", "ko").unwrap();
    assert_eq!(long.chars().count(), 10_000);
    assert_eq!(
        weird::Code::LongMessage.message(Locale::Ko),
        unescape_braces(long)
    );
    let codes: Vec<&str> = errors.keys().map(String::as_str).collect();
    assert!(
        codes
            .iter()
            .any(|c| c.chars().count() == 87 && c.contains('-'))
    );
    assert!(
        codes
            .iter()
            .any(|c| c.chars().count() == 87 && !c.contains('-'))
    );
    for needle in [
        "\"#", "*/", "\u{202E}", "\u{200F}", "\t", "{{", "<script>", "💳",
    ] {
        assert!(
            errors.values().any(|e| {
                let e = e.as_table().unwrap();
                ["ko", "en"]
                    .iter()
                    .any(|l| text(e, "message", l).is_some_and(|m| m.contains(needle)))
            }),
            "no message holds {needle:?}"
        );
    }
    // Keywords, digits and collisions became these variants (this compiles only if they exist).
    let named = [
        weird::Code::Type,
        weird::Code::Match,
        weird::Code::Fn,
        weird::Code::Async,
        weird::Code::Crate,
        weird::Code::Super,
        weird::Code::SelfUpper,
        weird::Code::SelfLower,
        weird::Code::Zero,
        weird::Code::InvalidParameter,
        weird::Code::InvalidParameters,
        weird::Code::NotFound,
        weird::Code::NotFoundDashed,
        weird::Code::Abc,
        weird::Code::AbcUpper,
        weird::Code::ABC,
        weird::Code::PaymentFailedKorean,
        weird::Code::QuoteHash,
    ];
    let wire: Vec<&str> = named.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        wire,
        [
            "type",
            "match",
            "fn",
            "async",
            "crate",
            "super",
            "Self",
            "self",
            "0000",
            "INVALID_PARAMETER",
            "INVALID_PARAMETERS",
            "NOT_FOUND",
            "not-found",
            "abc",
            "ABC",
            "A_B_C",
            "결제_실패",
            "\"#"
        ]
    );
    assert_eq!(
        [digits::Code::R0000, digits::Code::R1234, digits::Code::R007].map(|c| c.as_str()),
        ["0000", "12-34", "007"]
    );
    assert!(weird::Code::OldCode.is_deprecated());
    assert!(weird::Code::from_code("GONE_CODE").is_none());
}

fn table_of<'a>(t: &'a Table, key: &str) -> &'a Table {
    t.get(key).and_then(Value::as_table).unwrap()
}

#[test]
fn titles_and_names_round_trip() {
    let catalog = fixture("catalog.toml");
    assert_eq!(
        adversarial::CATALOG_NAME,
        table(&catalog, "catalog")["name"].as_str().unwrap()
    );
    assert_eq!(adversarial::DOMAINS, ["digits", "weird"]);
    let spec = fixture("weird.toml");
    let categories = table(&spec, "categories");
    let keys: Vec<&str> = weird::Category::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(keys, ["C", "type"]);
    for c in weird::Category::ALL {
        let entry = table_of(categories, c.as_str());
        for (locale, tag) in LOCALES {
            assert_eq!(Some(c.title(locale)), text(entry, "title", tag));
            assert_eq!(c.description(locale), text(entry, "description", tag));
        }
    }
    let op = table_of(table(&spec, "operations"), "match");
    assert_eq!(weird::Operation::Match.as_str(), "match");
    assert_eq!(
        Some(weird::Operation::Match.title(Locale::Ko)),
        text(op, "title", "ko")
    );
    assert_eq!(
        weird::Code::Quotes.error_type(),
        Some(
            table_of(table(&spec, "errors"), "QUOTES")["error_type"]
                .as_str()
                .unwrap()
        )
    );
}

/// Fills a template: `{name}` → the value, `{{`/`}}` → braces, and each particle spelling right
/// after a placeholder → the form the test author expects for that value.
fn fill(template: &str, values: &[(&str, &str)], particles: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("{{") {
            out.push('{');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            out.push('}');
            rest = r;
        } else if let Some(r) = rest.strip_prefix('{') {
            let end = r.find('}').unwrap();
            let name = &r[..end];
            let value = values.iter().find(|(n, _)| *n == name).unwrap().1;
            out.push_str(value);
            rest = &r[end + 1..];
            if let Some((spelling, form)) = particles.iter().find(|(s, _)| rest.starts_with(s)) {
                out.push_str(form);
                rest = &rest[spelling.len()..];
            }
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn message(code: &str, tag: &str) -> String {
    let spec = fixture("weird.toml");
    text(table_of(table(&spec, "errors"), code), "message", tag)
        .unwrap()
        .to_owned()
}

#[test]
fn placeholder_values_are_written_verbatim() {
    // A value full of what breaks templates and markup, ending in a Hangul syllable without a
    // final consonant (so 은(는) is 는).
    let value = "\"#</script>{x}{{ */ \\ \u{202E}카드";
    let e = weird::Error::BadType {
        r#type: value.into(),
    };
    assert_eq!(
        e.message(Locale::Ko),
        fill(
            &message("BAD_TYPE", "ko"),
            &[("type", value)],
            &[("은(는)", "는")]
        )
    );
    assert_eq!(
        e.message(Locale::En),
        fill(&message("BAD_TYPE", "en"), &[("type", value)], &[])
    );
    // `Display` masks the personal-data value (issue 13).
    assert_eq!(
        e.to_string(),
        fill(
            &message("BAD_TYPE", "ko"),
            &[("type", "<redacted>")],
            &[("은(는)", "은(는)")]
        )
    );
    assert_eq!(e.code(), weird::Code::BadType);
    assert!(
        !format!("{e:?}").contains("카드"),
        "pii is redacted in Debug"
    );

    let e = weird::Error::KeywordPlaceholders {
        r#match: "결제".into(),
        r#fn: "서울".into(),
        r#async: "3".into(),
        r#loop: "한도".into(),
    };
    assert_eq!(e.message(Locale::Ko), "결제와 서울로 3이 한도를 넘었습니다");
    assert_eq!(
        e.message(Locale::Ko),
        fill(
            &message("KEYWORD_PLACEHOLDERS", "ko"),
            &[
                ("match", "결제"),
                ("fn", "서울"),
                ("async", "3"),
                ("loop", "한도")
            ],
            &[
                ("과(와)", "와"),
                ("(으)로", "로"),
                ("이(가)", "이"),
                ("을(를)", "를")
            ]
        )
    );
    assert_eq!(e.message(Locale::En), "결제, 서울, 3 and 한도");

    let e = weird::Error::Amounts {
        amount: 1000,
        limit: 500,
        count: 3,
    };
    assert_eq!(e.message(Locale::Ko), "1,000원이 500원보다 큽니다 (3번째)");
    assert_eq!(
        e.message(Locale::En),
        "KRW 1,000 exceeds KRW 500 (attempt 3)"
    );

    // Errors without placeholders render their message.
    assert_eq!(
        weird::Error::Quotes.message(Locale::En),
        unescape_braces(&message("QUOTES", "en"))
    );
    assert_eq!(
        weird::Error::Braces.to_string(),
        unescape_braces(&message("BRACES", "ko"))
    );
}
