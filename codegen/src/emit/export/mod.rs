//! `errspec export`: the catalog for consumers that are not Rust — OpenAPI 3.1 for merchants
//! and SDK generators ([`openapi`]), a TypeScript-typed ES module for frontends
//! ([`typescript`]), and JSON with its schema for any other language ([`json`]).
//!
//! Each exporter is pure (`&Catalog` → text) and deterministic: same spec, same bytes. The
//! command (`crate::exported`) writes the files into a folder (`exports/` by default,
//! committed; a test keeps them fresh).

pub mod json;
pub mod openapi;
pub mod typescript;

use crate::model::Catalog;

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

/// What a live code means for the payment (`Code::payment()` in the crate), as exported in
/// `catalog.json` and the OpenAPI `x-errspec-codes`: outcome, retry, retryAfter (seconds),
/// maxAttempts, actor, and customerSafe (whether its message may be shown to customers).
pub(crate) fn payment_facts(p: &crate::model::Payment) -> crate::json::Json {
    use crate::json::Json;
    use crate::model::CustomerText;
    let opt = |v: Option<u32>| v.map_or(Json::Null, |n| i64::from(n).into());
    Json::Object(
        [
            ("outcome", p.outcome.as_str().into()),
            ("retry", p.retry.as_str().into()),
            ("retryAfter", opt(p.retry_after)),
            ("maxAttempts", opt(p.max_attempts)),
            ("actor", p.actor.map_or(Json::Null, |a| a.as_str().into())),
            (
                "customerSafe",
                (!matches!(p.customer, CustomerText::Generic)).into(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    )
}
