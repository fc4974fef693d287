//! `errspec export json`: the whole validated catalog as JSON (`catalog.json`), with the JSON
//! Schema it follows (`catalog.schema.json`), for any language that reads JSON.
//!
//! Texts are objects keyed by locale (fallbacks applied); messages come both as a person reads
//! them (`message`, placeholders as `{name}`) and parsed (`template`: literal text and holes,
//! with the particle written after a hole), so a consumer never parses the template grammar.

use crate::json::{Json, Layout};
use crate::model::{
    BodyValue, Catalog, DetailDef, Domain, Entry, EnvelopeLocale, Field, Group, Member, Message,
    Text,
};
use crate::template::{Segment, Template};

/// The JSON Schema (draft 2020-12) of `catalog.json`; it does not depend on the catalog.
pub const SCHEMA: &str = include_str!("catalog.schema.json");

/// The file name of the schema, as `catalog.json`'s `$schema` refers to it.
pub const SCHEMA_FILE: &str = "catalog.schema.json";

/// `catalog.json`: the catalog, domains sorted by id, codes in spec order (retired ones too).
pub fn catalog_json(catalog: &Catalog) -> String {
    let doc = obj(vec![
        ("$schema", format!("./{SCHEMA_FILE}").into()),
        ("name", catalog.name.as_str().into()),
        ("locales", strs(&catalog.locales)),
        ("defaultLocale", catalog.default_locale().into()),
        ("docsUrl", opt_str(catalog.docs_url.as_deref())),
        (
            "domains",
            Json::Array(catalog.domains.iter().map(|d| domain(catalog, d)).collect()),
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

fn strs(items: &[String]) -> Json {
    Json::Array(items.iter().map(|s| s.as_str().into()).collect())
}

fn opt_str(s: Option<&str>) -> Json {
    s.map_or(Json::Null, Json::from)
}

fn text(catalog: &Catalog, t: &Text) -> Json {
    Json::Object(
        catalog
            .locales
            .iter()
            .zip(&t.values)
            .map(|(l, v)| (l.clone(), v.as_str().into()))
            .collect(),
    )
}

fn opt_text(catalog: &Catalog, t: Option<&Text>) -> Json {
    t.map_or(Json::Null, |t| text(catalog, t))
}

fn domain(catalog: &Catalog, d: &Domain) -> Json {
    let groups = |gs: &[Group]| {
        Json::Array(
            gs.iter()
                .map(|g| {
                    obj(vec![
                        ("key", g.key.as_str().into()),
                        ("title", text(catalog, &g.title)),
                        ("description", opt_text(catalog, g.description.as_ref())),
                    ])
                })
                .collect(),
        )
    };
    obj(vec![
        ("id", d.id.as_str().into()),
        ("title", text(catalog, &d.title)),
        ("description", opt_text(catalog, d.description.as_ref())),
        ("upstream", d.upstream.into()),
        ("codeFormat", opt_str(d.code_format.as_deref())),
        ("categories", groups(&d.categories)),
        ("operations", groups(&d.operations)),
        (
            "envelope",
            d.envelope.as_ref().map_or(Json::Null, |env| {
                obj(vec![
                    (
                        "locale",
                        match env.locale {
                            EnvelopeLocale::Request => "request".into(),
                            EnvelopeLocale::Fixed(i) => catalog.locales[i].as_str().into(),
                        },
                    ),
                    (
                        "indent",
                        env.indent.map_or(Json::Null, |n| i64::from(n).into()),
                    ),
                    ("body", members(&env.body)),
                ])
            }),
        ),
        (
            "details",
            Json::Array(d.details.iter().map(|x| detail(catalog, x)).collect()),
        ),
        (
            "errors",
            Json::Array(d.entries.iter().map(|e| error(catalog, d, e)).collect()),
        ),
    ])
}

fn members(ms: &[Member]) -> Json {
    Json::Array(
        ms.iter()
            .map(|m| {
                let value = match &m.value {
                    BodyValue::Source(s) => obj(vec![("source", s.name().into())]),
                    BodyValue::Text(t) => obj(vec![("text", t.as_ref().into())]),
                    BodyValue::Int(i) => obj(vec![("int", (*i).into())]),
                    BodyValue::Bool(b) => obj(vec![("bool", (*b).into())]),
                    BodyValue::Object(inner) => obj(vec![("object", members(inner))]),
                };
                obj(vec![("key", m.key.as_ref().into()), ("value", value)])
            })
            .collect(),
    )
}

fn detail(catalog: &Catalog, x: &DetailDef) -> Json {
    obj(vec![
        ("key", x.key.as_str().into()),
        ("target", x.target.as_str().into()),
        ("fields", fields(&x.fields)),
        ("message", message(catalog, &x.message)),
        ("template", templates(catalog, &x.message, &x.fields)),
    ])
}

fn fields(fs: &[Field]) -> Json {
    Json::Array(
        fs.iter()
            .map(|f| {
                obj(vec![
                    ("name", f.written.as_str().into()),
                    ("rustName", f.name.as_str().into()),
                    ("type", f.ty.as_str().into()),
                    ("pii", f.pii.into()),
                    ("example", opt_str(f.example.as_deref())),
                ])
            })
            .collect(),
    )
}

fn message(catalog: &Catalog, m: &Message) -> Json {
    Json::Object(
        catalog
            .locales
            .iter()
            .zip(&m.templates)
            .map(|(l, t)| (l.clone(), t.unfilled().into()))
            .collect(),
    )
}

/// The name a hole's value goes by in `catalog.json`: the field's name as first written, or
/// `upstreamCode`/`upstreamMessage` for what a pass-through error takes from the upstream error.
pub fn param_name(fields: &[Field], field: &str) -> Option<String> {
    if let Some(f) = fields.iter().find(|f| f.name == field) {
        return Some(f.written.clone());
    }
    match field {
        crate::model::UPSTREAM_CODE => Some("upstreamCode".into()),
        crate::model::UPSTREAM_MESSAGE => Some("upstreamMessage".into()),
        _ => None,
    }
}

fn template(t: &Template, fs: &[Field]) -> Json {
    Json::Array(
        t.segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => obj(vec![("text", t.as_str().into())]),
                Segment::Hole {
                    field, particle, ..
                } => obj(vec![
                    (
                        "param",
                        param_name(fs, field)
                            .unwrap_or_else(|| field.clone())
                            .into(),
                    ),
                    (
                        "particle",
                        opt_str(particle.as_ref().map(|p| p.spelling.as_str())),
                    ),
                ]),
            })
            .collect(),
    )
}

fn templates(catalog: &Catalog, m: &Message, fs: &[Field]) -> Json {
    Json::Object(
        catalog
            .locales
            .iter()
            .zip(&m.templates)
            .map(|(l, t)| (l.clone(), template(t, fs)))
            .collect(),
    )
}

/// A code; a tombstone has no Rust name, fields, retry flag or pass-through (nothing is
/// generated for it), and a status or message only if its entry gives one.
fn error(catalog: &Catalog, d: &Domain, e: &Entry) -> Json {
    let live = e.live();
    let no_fields: &[Field] = &[];
    let field_list = live.map_or(no_fields, |e| &e.fields);
    let passthrough = live.and_then(|e| e.passthrough.as_deref());
    let mut fs = fields(field_list);
    if passthrough.is_some()
        && let Json::Array(items) = &mut fs
    {
        for name in ["upstreamCode", "upstreamMessage"] {
            items.push(obj(vec![
                ("name", name.into()),
                ("rustName", Json::Null),
                ("type", "string".into()),
                ("pii", false.into()),
                ("example", Json::Null),
            ]));
        }
    }
    obj(vec![
        ("code", e.code().into()),
        ("name", opt_str(live.map(|e| e.ident.as_str()))),
        (
            "status",
            e.status().map_or(Json::Null, |s| i64::from(s).into()),
        ),
        ("category", opt_str(e.category())),
        ("operations", strs(e.operations())),
        ("retryable", live.is_some_and(|e| e.retryable).into()),
        (
            "payment",
            live.map_or(Json::Null, |e| super::payment_facts(&e.payment)),
        ),
        ("errorType", opt_str(e.error_type())),
        ("passthrough", opt_str(passthrough)),
        ("fields", fs),
        (
            "message",
            e.message().map_or(Json::Null, |m| message(catalog, m)),
        ),
        (
            "template",
            (e.message()).map_or(Json::Null, |m| templates(catalog, m, field_list)),
        ),
        ("explanation", opt_text(catalog, e.explanation())),
        ("action", opt_text(catalog, e.action())),
        (
            "deprecated",
            e.deprecated().map_or(Json::Null, |d| {
                obj(vec![
                    ("since", opt_str(d.since.as_deref())),
                    ("replacement", opt_str(d.replacement.as_deref())),
                    ("note", opt_text(catalog, d.note.as_ref())),
                ])
            }),
        ),
        (
            "retired",
            e.retired().map_or(Json::Null, |r| {
                obj(vec![
                    ("since", opt_str(r.since.as_deref())),
                    ("note", opt_text(catalog, r.note.as_ref())),
                ])
            }),
        ),
        (
            "docsUrl",
            opt_str(catalog.docs_link(&d.id, e.code()).as_deref()),
        ),
    ])
}
