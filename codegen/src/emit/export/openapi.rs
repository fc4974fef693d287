//! `errspec export openapi`: the catalog's error responses as an OpenAPI 3.1 document
//! (`openapi.json`) that services merge into their own by `$ref` (components only, no paths).
//!
//! Per domain (`{id}` is the domain id):
//! - `schemas/{id}.Code`: the codes as an enum, with `x-enum-varnames` (the Rust names),
//!   `x-enum-descriptions` (the default-locale message) and `x-errspec-codes` (status,
//!   category, retryable, payment meaning (`Code::payment()`), error type, deprecation and
//!   docs link of each code);
//! - `schemas/{id}.Error`: the body its `[envelope]` declares, member by member (types, and
//!   which members can be null), and `schemas/{id}.Problem`: RFC 9457 problem details as the
//!   runtime writes them;
//! - `responses/{id}.{status}`: one reusable response per status, with one example per code
//!   whose body is what the crate sends for `Error::example(code)` (same writer, same bytes);
//! - an upstream domain (codes we receive) has `{id}.Code` and `{id}.Received` (the provider's
//!   `{"code", "message"}`), and no responses.

use std::collections::BTreeMap;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::emit::docs::example::example_message;
use crate::emit::envelope::{Example, envelope_body, problem_body};
use crate::json::{Json, Layout};
use crate::model::{BodyValue, Catalog, Domain, EnvelopeLocale, Member, Source};

/// The `info.version` of the document: the generator's version.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `openapi.json`.
pub fn openapi(catalog: &Catalog) -> String {
    let mut schemas = Vec::new();
    let mut responses = Vec::new();
    for d in &catalog.domains {
        schemas.push((format!("{}.Code", d.id), code_schema(catalog, d)));
        if d.upstream {
            schemas.push((format!("{}.Received", d.id), received_schema(d)));
            continue;
        }
        if let Some(env) = &d.envelope {
            schemas.push((format!("{}.Error", d.id), envelope_schema(catalog, d, env)));
        }
        schemas.push((format!("{}.Problem", d.id), problem_schema(catalog, d)));
        responses.extend(domain_responses(catalog, d));
    }
    let doc = obj(vec![
        ("openapi", "3.1.0".into()),
        (
            "info",
            obj(vec![
                ("title", format!("{}: error responses", catalog.name).into()),
                ("version", VERSION.into()),
                (
                    "description",
                    "The error codes, bodies and responses of the payment APIs, generated from \
                     the error spec by `errspec export openapi`. Reference the components from \
                     your own document (`$ref: 'openapi.json#/components/responses/cancel.400'`); \
                     the document has no paths of its own."
                        .into(),
                ),
                (
                    "license",
                    obj(vec![
                        ("name", "MIT OR Apache-2.0".into()),
                        ("identifier", "MIT OR Apache-2.0".into()),
                    ]),
                ),
            ]),
        ),
        // A components library has no servers of its own; the relative root stands for those
        // of the document that references it.
        (
            "servers",
            Json::Array(vec![obj(vec![
                ("url", "/".into()),
                (
                    "description",
                    "The servers of the document that references these components.".into(),
                ),
            ])]),
        ),
        ("paths", obj(vec![])),
        (
            "components",
            obj(vec![
                ("schemas", Json::Object(schemas)),
                ("responses", Json::Object(responses)),
            ]),
        ),
    ]);
    let mut out = doc.to_string(Layout::Pretty(2));
    out.push('\n');
    out
}

fn obj(members: Vec<(&str, Json)>) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn schema_ref(name: &str) -> Json {
    obj(vec![(
        "$ref",
        format!("#/components/schemas/{name}").into(),
    )])
}

fn types(names: &[&str]) -> Json {
    match names {
        [one] => (*one).into(),
        many => Json::Array(many.iter().map(|t| (*t).into()).collect()),
    }
}

fn code_schema(catalog: &Catalog, d: &Domain) -> Json {
    let live: Vec<_> = d.errors().collect();
    let codes = live.iter().map(|e| {
        let mut facts = vec![("status", i64::from(e.status).into())];
        facts.push((
            "category",
            e.category.as_deref().map_or(Json::Null, Json::from),
        ));
        facts.push(("retryable", e.retryable.into()));
        facts.push(("payment", super::payment_facts(&e.payment)));
        if let Some(t) = &e.error_type {
            facts.push(("errorType", t.as_str().into()));
        }
        if let Some(dep) = &e.deprecated {
            facts.push((
                "deprecated",
                obj(vec![
                    ("since", dep.since.as_deref().map_or(Json::Null, Json::from)),
                    (
                        "replacement",
                        dep.replacement.as_deref().map_or(Json::Null, Json::from),
                    ),
                ]),
            ));
        }
        if let Some(link) = catalog.docs_link(&d.id, &e.code) {
            facts.push(("docs", link.into()));
        }
        (e.code.clone(), obj(facts))
    });
    obj(vec![
        ("title", format!("{} codes", d.id).into()),
        ("description", d.title.default_text().into()),
        ("type", "string".into()),
        (
            "enum",
            Json::Array(live.iter().map(|e| e.code.as_str().into()).collect()),
        ),
        (
            "x-enum-varnames",
            Json::Array(live.iter().map(|e| e.ident.as_str().into()).collect()),
        ),
        (
            "x-enum-descriptions",
            Json::Array(
                live.iter()
                    .map(|e| e.message.templates[0].unfilled().into())
                    .collect(),
            ),
        ),
        ("x-errspec-codes", Json::Object(codes.collect())),
    ])
}

fn received_schema(d: &Domain) -> Json {
    obj(vec![
        (
            "description",
            format!(
                "An error as {} sends it. A code the catalog does not list is still a string \
                 (keep it, never fail on it).",
                d.title.default_text()
            )
            .into(),
        ),
        ("type", "object".into()),
        (
            "required",
            Json::Array(vec!["code".into(), "message".into()]),
        ),
        (
            "properties",
            obj(vec![
                (
                    "code",
                    obj(vec![(
                        "anyOf",
                        Json::Array(vec![
                            schema_ref(&format!("{}.Code", d.id)),
                            obj(vec![("type", "string".into())]),
                        ]),
                    )]),
                ),
                ("message", obj(vec![("type", "string".into())])),
            ]),
        ),
    ])
}

fn envelope_schema(catalog: &Catalog, d: &Domain, env: &crate::model::Envelope) -> Json {
    let locale = match env.locale {
        EnvelopeLocale::Request => {
            "Texts are in the request's language (Accept-Language), the default one otherwise."
                .to_owned()
        }
        EnvelopeLocale::Fixed(i) => format!("Texts are always in `{}`.", catalog.locales[i]),
    };
    let mut schema = object_schema(d, &env.body);
    if let Json::Object(members) = &mut schema {
        members.insert(
            0,
            (
                "description".into(),
                format!(
                    "The error body of {} as its `[envelope]` declares it. {locale}",
                    d.title.default_text()
                )
                .into(),
            ),
        );
    }
    schema
}

/// An envelope object: every member required except `{data}` (a service may leave it out).
fn object_schema(d: &Domain, members: &[Member]) -> Json {
    let required = members
        .iter()
        .filter(|m| !matches!(m.value, BodyValue::Source(Source::Data)))
        .map(|m| m.key.as_ref().into())
        .collect();
    let props = members
        .iter()
        .map(|m| (m.key.to_string(), member_schema(d, &m.value)))
        .collect();
    obj(vec![
        ("type", "object".into()),
        ("required", Json::Array(required)),
        ("additionalProperties", false.into()),
        ("properties", Json::Object(props)),
    ])
}

fn member_schema(d: &Domain, v: &BodyValue) -> Json {
    match v {
        BodyValue::Text(t) => obj(vec![
            ("type", "string".into()),
            ("const", t.as_ref().into()),
        ]),
        BodyValue::Int(i) => obj(vec![("type", "integer".into()), ("const", (*i).into())]),
        BodyValue::Bool(b) => obj(vec![("type", "boolean".into()), ("const", (*b).into())]),
        BodyValue::Object(inner) => object_schema(d, inner),
        BodyValue::Source(s) => source_schema(d, *s),
    }
}

fn source_schema(d: &Domain, s: Source) -> Json {
    let live = || d.errors();
    match s {
        Source::Code => schema_ref(&format!("{}.Code", d.id)),
        Source::Message => obj(vec![
            ("type", "string".into()),
            ("description", "The message, placeholders filled.".into()),
        ]),
        Source::Status => obj(vec![
            ("type", "integer".into()),
            (
                "enum",
                Json::Array(statuses(d).into_iter().map(Json::from).collect()),
            ),
        ]),
        Source::ErrorType => {
            let some = live().any(|e| e.error_type.is_some());
            let none = live().any(|e| e.error_type.is_none());
            let t: &[&str] = match (some, none) {
                (true, true) => &["string", "null"],
                (true, false) => &["string"],
                _ => &["null"],
            };
            obj(vec![
                ("type", types(t)),
                ("description", "The reported error type.".into()),
            ])
        }
        Source::RequestId => obj(vec![
            ("type", types(&["string", "null"])),
            (
                "description",
                "The request id, when the service gives one.".into(),
            ),
        ]),
        Source::Timestamp => obj(vec![
            ("type", types(&["string", "null"])),
            (
                "description",
                "When, RFC 3339, when the service gives it.".into(),
            ),
        ]),
        Source::Data => obj(vec![(
            "description",
            "Data the service adds (any JSON); null when it gives none, absent when it leaves \
             the member out."
                .into(),
        )]),
        Source::Details => details_schema(d),
        Source::Retryable => obj(vec![("type", "boolean".into())]),
        Source::Outcome => words(
            "Did anything happen to the payment?",
            &["none", "failed", "unknown"],
        ),
        Source::Retry => words(
            "May the client retry, and how?",
            &["never", "after_fix", "new_key", "same_key"],
        ),
        Source::RetryAfter => obj(vec![
            ("type", types(&["integer", "null"])),
            ("minimum", 0i64.into()),
            (
                "description",
                "Seconds to wait before retrying, when known.".into(),
            ),
        ]),
        Source::Actor => words(
            "Who must act: null when unknown.",
            &["customer", "merchant", "operator", "provider"],
        ),
        Source::Null => obj(vec![("type", "null".into())]),
    }
}

/// A string from a fixed list (or null), with what it means.
fn words(description: &str, values: &[&str]) -> Json {
    let mut all: Vec<Json> = values.iter().map(|v| Json::from(*v)).collect();
    all.push(Json::Null);
    obj(vec![
        ("type", types(&["string", "null"])),
        ("enum", Json::Array(all)),
        ("description", description.into()),
    ])
}

/// The HTTP statuses of a domain's live codes, ascending.
fn statuses(d: &Domain) -> Vec<i64> {
    let mut s: Vec<i64> = d.errors().map(|e| i64::from(e.status)).collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// `{details}`: a list of `{<target kind>: name, "message": text}`.
fn details_schema(d: &Domain) -> Json {
    let mut kinds: Vec<&str> = d.details.iter().map(|x| x.target.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        return obj(vec![("type", "array".into()), ("maxItems", 0i64.into())]);
    }
    let item = |kind: &str| {
        obj(vec![
            ("type", "object".into()),
            ("required", Json::Array(vec![kind.into(), "message".into()])),
            ("additionalProperties", false.into()),
            (
                "properties",
                obj(vec![
                    (kind, obj(vec![("type", "string".into())])),
                    ("message", obj(vec![("type", "string".into())])),
                ]),
            ),
        ])
    };
    let items = match kinds.as_slice() {
        [one] => item(one),
        many => obj(vec![(
            "oneOf",
            Json::Array(many.iter().map(|k| item(k)).collect()),
        )]),
    };
    obj(vec![("type", "array".into()), ("items", items)])
}

/// The schema of a domain's `application/problem+json` body.
fn problem_schema(catalog: &Catalog, d: &Domain) -> Json {
    let mut props = problem_base_props(catalog, d);
    if let Some(errors) = problem_errors_prop(d) {
        props.push(("errors", errors));
    }
    if let Some(upstream) = problem_upstream_prop(d) {
        props.push(("upstream", upstream));
    }
    obj(vec![
        (
            "description",
            format!(
                "RFC 9457 problem details of {} (`application/problem+json`).",
                d.title.default_text()
            )
            .into(),
        ),
        ("type", "object".into()),
        (
            "required",
            Json::Array(vec![
                "type".into(),
                "title".into(),
                "status".into(),
                "code".into(),
            ]),
        ),
        ("additionalProperties", false.into()),
        ("properties", obj(props)),
    ])
}

/// `{"type": "string"}`.
fn string_schema() -> Json {
    obj(vec![("type", "string".into())])
}

/// The members every problem body has: `type`, `title`, `status`, `detail`, `code`.
fn problem_base_props(catalog: &Catalog, d: &Domain) -> Vec<(&'static str, Json)> {
    vec![
        (
            "type",
            obj(vec![
                ("type", "string".into()),
                (
                    "description",
                    if catalog.docs_url.is_some() {
                        "The code's documentation page."
                    } else {
                        "`about:blank`."
                    }
                    .into(),
                ),
            ]),
        ),
        ("title", string_schema()),
        (
            "status",
            obj(vec![
                ("type", "integer".into()),
                (
                    "enum",
                    Json::Array(statuses(d).into_iter().map(Json::from).collect()),
                ),
            ]),
        ),
        ("detail", string_schema()),
        ("code", schema_ref(&format!("{}.Code", d.id))),
    ]
}

/// The `errors` member, when the domain has details: one item per detail, with a member per
/// detail target (`field` as `pointer`).
fn problem_errors_prop(d: &Domain) -> Option<Json> {
    let mut kinds: Vec<&str> = d
        .details
        .iter()
        .map(|x| match x.target.as_str() {
            "field" => "pointer",
            other => other,
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        return None;
    }
    let mut item_props = vec![("detail", string_schema())];
    item_props.extend(kinds.iter().map(|k| (*k, string_schema())));
    Some(obj(vec![
        ("type", "array".into()),
        (
            "items",
            obj(vec![
                ("type", "object".into()),
                ("required", Json::Array(vec!["detail".into()])),
                ("additionalProperties", false.into()),
                ("properties", obj(item_props)),
            ]),
        ),
    ]))
}

/// The `upstream` member, when some code passes an upstream domain's error through.
fn problem_upstream_prop(d: &Domain) -> Option<Json> {
    let mut ups: Vec<&str> = d
        .errors()
        .filter_map(|e| e.passthrough.as_deref())
        .collect();
    ups.sort_unstable();
    ups.dedup();
    if ups.is_empty() {
        return None;
    }
    Some(obj(vec![
        ("type", "object".into()),
        (
            "required",
            Json::Array(vec!["domain".into(), "code".into()]),
        ),
        ("additionalProperties", false.into()),
        (
            "properties",
            obj(vec![
                (
                    "domain",
                    obj(vec![(
                        "enum",
                        Json::Array(ups.iter().map(|u| (*u).into()).collect()),
                    )]),
                ),
                ("code", string_schema()),
            ]),
        ),
    ]))
}

/// The example of every live code of `d`, by status: `(code, summary, envelope body, problem
/// body)`, the bodies as the runtime writes them for `Error::example(code)` in the default
/// locale, with the example request id and time.
pub fn examples(catalog: &Catalog, d: &Domain) -> BTreeMap<u16, Vec<ExampleBodies>> {
    let ex = Example {
        message: Some(example_message),
        ..Example::default()
    };
    let mut by_status: BTreeMap<u16, Vec<ExampleBodies>> = BTreeMap::new();
    for e in d.errors() {
        by_status.entry(e.status).or_default().push(ExampleBodies {
            code: e.code.clone(),
            summary: example_message(catalog, e, 0),
            envelope: envelope_body(catalog, d, e, &ex),
            problem: problem_body(catalog, d, e, &ex),
        });
    }
    by_status
}

/// The example bodies of one code.
#[derive(Debug, Clone)]
pub struct ExampleBodies {
    /// The wire code.
    pub code: String,
    /// Its message, filled (the example's summary).
    pub summary: String,
    /// Its body in the domain's envelope, if it declares one.
    pub envelope: Option<String>,
    /// Its RFC 9457 body.
    pub problem: String,
}

fn domain_responses(catalog: &Catalog, d: &Domain) -> Vec<(String, Json)> {
    let mut out = Vec::new();
    for (status, list) in examples(catalog, d) {
        let codes: Vec<&str> = list.iter().map(|x| x.code.as_str()).collect();
        let reason = crate::emit::docs::status_reason(status).unwrap_or("Error");
        let media = |schema: &str, body: &dyn Fn(&ExampleBodies) -> String| {
            let examples = list
                .iter()
                .map(|x| {
                    (
                        x.code.clone(),
                        obj(vec![
                            ("summary", x.summary.as_str().into()),
                            ("value", parse_ordered(&body(x))),
                        ]),
                    )
                })
                .collect();
            obj(vec![
                ("schema", schema_ref(schema)),
                ("examples", Json::Object(examples)),
            ])
        };
        let mut content = Vec::new();
        if d.envelope.is_some() {
            content.push((
                "application/json",
                media(&format!("{}.Error", d.id), &|x| {
                    x.envelope.clone().unwrap_or_default()
                }),
            ));
        }
        content.push((
            "application/problem+json",
            media(&format!("{}.Problem", d.id), &|x| x.problem.clone()),
        ));
        out.push((
            format!("{}.{status}", d.id),
            obj(vec![
                (
                    "description",
                    format!(
                        "{status} {reason}: {} ({})",
                        d.title.default_text(),
                        codes.join(", ")
                    )
                    .into(),
                ),
                ("content", obj(content)),
            ]),
        ));
    }
    out
}

/// JSON text (as the runtime's writer wrote it) as a [`Json`] value, members in order.
pub fn parse_ordered(text: &str) -> Json {
    // The text is the writer's own JSON; were it not, the example shows it as a string.
    serde_json::from_str::<Ordered>(text).map_or_else(|_| Json::Str(text.to_owned()), |o| o.0)
}

struct Ordered(Json);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Ordered, D::Error> {
        d.deserialize_any(OrderedVisitor).map(Ordered)
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Json, E> {
        Ok(Json::Int(i))
    }
    fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Json, E> {
        i64::try_from(u)
            .map(Json::Int)
            .map_err(|_| E::custom("integer out of range"))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Json, E> {
        Err(E::custom("the writer writes no fractions"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::Str(s.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(Ordered(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some((k, Ordered(v))) = map.next_entry::<String, Ordered>()? {
            members.push((k, v));
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_keeps_member_order() {
        let text = "{\"z\":1,\"a\":[null,true,\"결\\n\"],\"m\":{},\"b\":-7}";
        assert_eq!(parse_ordered(text).to_string(Layout::Compact), text);
    }
}
