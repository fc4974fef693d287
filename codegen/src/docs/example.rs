//! The example error response body of a code, as the docs (site, Markdown, `errspec explain`)
//! show it. The one place that knows the envelope shapes, so they can later come from the spec.

use crate::model::{Catalog, Domain, ErrorDef, FieldType};
use crate::template::Segment;

// The runtime's particle rules, compiled here too (the file uses only `core`), so the example
// reads exactly as the generated crate renders it: `결제 ID는`, not `결제 ID은(는)`.
#[allow(dead_code, missing_docs, clippy::all)]
#[path = "../../../payment-errors/src/particle.rs"]
mod particle;

/// A JSON value whose objects keep the order we write their keys in.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Str(String),
    Obj(Vec<(&'static str, Json)>),
    Arr(Vec<Json>),
}

impl Json {
    fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Str(s) => out.push_str(&serde_json::Value::from(s.as_str()).to_string()),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(items) if items.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, v) in items.iter().enumerate() {
                    out.push_str(&"  ".repeat(depth + 1));
                    v.write(out, depth + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&"  ".repeat(depth));
                out.push(']');
            }
            Json::Obj(items) => {
                out.push_str("{\n");
                for (i, (k, v)) in items.iter().enumerate() {
                    out.push_str(&"  ".repeat(depth + 1));
                    out.push_str(&serde_json::Value::from(*k).to_string());
                    out.push_str(": ");
                    v.write(out, depth + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&"  ".repeat(depth));
                out.push('}');
            }
        }
    }
}

/// The message of `error` in locale `locale` (an index into `catalog.locales`), its
/// placeholders filled with their fields' `example` values (or `{name}` when a field has
/// none), amounts written as the crate writes them, and Korean particles resolved the way the
/// crate resolves them.
pub fn example_message(catalog: &Catalog, error: &ErrorDef, locale: usize) -> String {
    let tag = &catalog.locales[locale];
    let korean_amounts = tag == "ko" || tag.starts_with("ko-");
    let mut out = String::new();
    for seg in &error.message.templates[locale].segments {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Hole {
                name,
                field,
                particle,
            } => {
                let f = error.fields.iter().find(|f| &f.name == field);
                let example = f.and_then(|f| f.example.as_deref());
                let ty = f.map_or(FieldType::String, |f| f.ty);
                let number = example.and_then(|x| x.trim().replace(',', "").parse::<i64>().ok());
                let value = match (ty, example, number) {
                    (_, None, _) => format!("{{{name}}}"),
                    (FieldType::Amount, _, Some(n)) if korean_amounts => format!("{}원", group(n)),
                    (FieldType::Amount, _, Some(n)) => format!("KRW {}", group(n)),
                    (_, Some(x), _) => x.to_owned(),
                };
                out.push_str(&value);
                if let Some(p) = particle {
                    let form =
                        particle::Particle::from_spelling(&p.spelling).and_then(|kind| {
                            match (ty, example, number) {
                                (_, None, _) => None,
                                (FieldType::Amount, _, Some(_)) if korean_amounts => {
                                    Some(kind.after_consonant())
                                }
                                (FieldType::Integer | FieldType::Amount, _, Some(n)) => {
                                    Some(particle::resolve_integer(n, kind))
                                }
                                (_, Some(x), _) => particle::resolve(x, kind),
                            }
                        });
                    out.push_str(form.unwrap_or(&p.spelling));
                }
            }
        }
    }
    out
}

fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The example response body of `error` of `domain` in locale `locale` (an index into
/// `catalog.locales`), pretty-printed JSON.
///
/// The envelopes are the ones the seed documents show, until the spec declares them:
/// `cancel` answers like seed 004 (`status`, `errorType`, `errorCode`, `message`, `data`),
/// `ebp` like seed 003 (`resultCode`, `message`, `requestId`, `timestamp`, `data`, `error`),
/// and upstream providers (and any other domain) with `{code, message}`.
pub fn response_body(
    catalog: &Catalog,
    domain: &Domain,
    error: &ErrorDef,
    locale: usize,
) -> String {
    let message = Json::str(example_message(catalog, error, locale));
    let body = match domain.id.as_str() {
        "cancel" if !domain.upstream => Json::Obj(vec![
            ("status", Json::str("error")),
            (
                "errorType",
                error.error_type.clone().map_or(Json::Null, Json::Str),
            ),
            ("errorCode", Json::Null),
            ("message", message),
            ("data", Json::Null),
        ]),
        "ebp" if !domain.upstream => Json::Obj(vec![
            ("resultCode", Json::str(&error.code)),
            ("message", message),
            ("requestId", Json::str("1704201234567")),
            ("timestamp", Json::str("2025-01-02T10:00:00Z")),
            ("data", Json::Null),
            (
                "error",
                Json::Obj(vec![("errorDetails", Json::Arr(vec![]))]),
            ),
        ]),
        _ => Json::Obj(vec![("code", Json::str(&error.code)), ("message", message)]),
    };
    let mut out = String::new();
    body.write(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_key_order_and_escapes() {
        let j = Json::Obj(vec![
            ("b", Json::str("say \"hi\" </script>")),
            ("a", Json::Null),
            ("c", Json::Arr(vec![Json::Null])),
            ("d", Json::Obj(vec![])),
        ]);
        let mut s = String::new();
        j.write(&mut s, 0);
        assert_eq!(
            s,
            "{\n  \"b\": \"say \\\"hi\\\" </script>\",\n  \"a\": null,\n  \"c\": [\n    null\n  ],\n  \"d\": {}\n}"
        );
        serde_json::from_str::<serde_json::Value>(&s).unwrap();
    }

    #[test]
    fn grouping() {
        assert_eq!(group(0), "0");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(-1234567), "-1,234,567");
        assert_eq!(group(100), "100");
    }
}
