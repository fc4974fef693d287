//! The example error response body of a code, as the docs (site, Markdown, `errspec explain`)
//! show it. The one place that knows the envelope shapes, so they can later come from the spec.

use crate::emit::envelope::{Example, envelope_body, problem_body};
use crate::json::{Layout, Writer};
use crate::model::{Catalog, Domain, ErrorDef, FieldType};
use crate::template::Segment;

// The runtime's particle rules, so the example reads exactly as the generated crate renders
// it: `결제 ID는`, not `결제 ID은(는)`.
use crate::particle;

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
                let upstream = f
                    .is_none()
                    .then(|| upstream_value(catalog, error, field))
                    .flatten();
                let example = f.and_then(|f| f.example.as_deref()).or(upstream.as_deref());
                let ty = f.map_or(FieldType::String, |f| f.ty);
                let number = example.and_then(|x| x.trim().replace(',', "").parse::<i64>().ok());
                let value = match (ty, example, number) {
                    (_, None, _) => format!("{{{name}}}"),
                    (FieldType::Amount, _, Some(n)) => crate::emit::payment::format_amount(
                        n,
                        f.map_or(crate::model::KRW, |f| f.currency),
                        korean_amounts,
                    ),
                    (_, Some(x), _) => x.to_owned(),
                };
                out.push_str(&value);
                if let Some(p) = particle {
                    let form = particle::Particle::from_spelling(&p.spelling).and_then(|kind| {
                        match (ty, example, number) {
                            (_, None, _) => None,
                            (FieldType::Amount, _, Some(n)) => {
                                let c = f.map_or(crate::model::KRW, |f| f.currency);
                                let written =
                                    crate::emit::payment::format_amount(n, c, korean_amounts);
                                if written.ends_with(|ch: char| ch.is_ascii_digit()) {
                                    // `$1,500.00`, `KRW 150,000`: read as its last digits.
                                    let last = if c.minor_units > 0 { n % 10 } else { n };
                                    Some(particle::resolve_integer(last, kind))
                                } else {
                                    particle::resolve(&written, kind)
                                }
                            }
                            (FieldType::Integer, _, Some(n)) => {
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

/// What a pass-through error's example carries from upstream, as the crate's
/// `Error::example` does: the upstream domain's first code and its default-locale message.
fn upstream_value(catalog: &Catalog, error: &ErrorDef, field: &str) -> Option<String> {
    let up = error.passthrough.as_deref()?;
    let first = catalog.domain(up).and_then(|d| d.errors().next());
    match field {
        crate::model::UPSTREAM_CODE => {
            Some(first.map_or_else(|| "CODE".to_owned(), |e| e.code.clone()))
        }
        crate::model::UPSTREAM_MESSAGE => Some(first.map_or_else(
            || "message".to_owned(),
            |e| e.message.templates[0].unfilled(),
        )),
        _ => None,
    }
}

/// The example response body of `error` of `domain` for a request in locale `locale` (an
/// index into `catalog.locales`): exactly what the runtime (`payment_errors::serve::Reply`)
/// sends — the domain's declared `[envelope]`, or RFC 9457 problem details when it declares
/// none — with the placeholders filled from their examples and particles resolved. An upstream
/// domain's codes come from the provider, which sends `{"code", "message"}`.
pub fn response_body(
    catalog: &Catalog,
    domain: &Domain,
    error: &ErrorDef,
    locale: usize,
) -> String {
    let ex = Example {
        locale,
        message: Some(example_message),
        ..Example::default()
    };
    if domain.upstream && domain.envelope.is_none() {
        let mut w = Writer::new(Layout::Pretty(2));
        w.begin_object();
        w.key("code");
        w.str(&error.code);
        w.key("message");
        w.str(&example_message(catalog, error, locale));
        w.end_object();
        return w.finish();
    }
    envelope_body(catalog, domain, error, &ex)
        .unwrap_or_else(|| problem_body(catalog, domain, error, &ex))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_their_currency() {
        let files = vec![
            (
                "catalog.toml".to_owned(),
                b"[catalog]\nname = \"t\"\nlocales = [\"ko\", \"en\"]\n".to_vec(),
            ),
            (
                "pay.toml".to_owned(),
                r#"[domain]
title.ko = "결제"
title.en = "Pay"

[errors.REFUND_TOO_LARGE]
status = 400
message.ko = "{refund}이(가) {paid}보다 큽니다"
message.en = "{refund} exceeds {paid}"
fields.refund = { type = "amount", currency = "USD", example = 150000 }
fields.paid = { type = "amount", example = 150000 }
"#
                .as_bytes()
                .to_vec(),
            ),
        ];
        let checked = crate::check_loaded(crate::load::load_files("t", files));
        let catalog = checked.catalog.expect("valid");
        let e = catalog.domains[0].errors().next().unwrap();
        assert_eq!(
            example_message(&catalog, e, 0),
            "$1,500.00이 150,000원보다 큽니다"
        );
        assert_eq!(
            example_message(&catalog, e, 1),
            "$1,500.00 exceeds KRW 150,000"
        );
    }
}
