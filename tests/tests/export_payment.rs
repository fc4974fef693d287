//! The payment facts of every export (`errspec export`) are what the crate says: for every code
//! of every domain, the `payment` of `catalog.json`, of the OpenAPI document's `x-errspec-codes`
//! and of the TypeScript module's entries equals `Code::payment()` of `payment-errors`, field
//! by field (`outcome`, `retry`, `retryAfter`, `maxAttempts`, `actor`, `customerSafe`). The
//! exports are generated here from the spec; `codegen/tests/exports.rs` keeps the committed
//! ones equal to them.

use std::collections::BTreeMap;

use codegen::emit::export::{Kind, files};
use payment_errors::payment::Payment;
use payment_errors::{cancel, ebp, toss};
use serde_json::{Value, json};

fn catalog() -> codegen::model::Catalog {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
    codegen::check_dir(&dir)
        .unwrap()
        .catalog
        .expect("a valid spec")
}

/// Every live code of the crate, by domain, with its `payment()`.
fn crate_payments() -> BTreeMap<(String, String), Payment> {
    let mut out = BTreeMap::new();
    let mut add = |domain: &str, code: &str, p: Payment| {
        out.insert((domain.to_owned(), code.to_owned()), p);
    };
    for c in cancel::Code::ALL {
        add("cancel", c.as_str(), c.payment());
    }
    for c in ebp::Code::ALL {
        add("ebp", c.as_str(), c.payment());
    }
    for c in toss::Code::ALL {
        add("toss", c.as_str(), c.payment());
    }
    out
}

/// A `Payment` as the exports write it.
fn facts(p: &Payment) -> Value {
    json!({
        "outcome": p.outcome.as_str(),
        "retry": p.retry.as_str(),
        "retryAfter": p.retry_after,
        "maxAttempts": p.max_attempts,
        "actor": p.actor.map(|a| a.as_str()),
        "customerSafe": p.customer_safe,
    })
}

fn exported(name: &str) -> String {
    files(&catalog(), &Kind::ALL)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no export {name}"))
        .1
}

/// Compares what an export says per code with the crate: the same codes, the same facts.
fn assert_same(export: &str, got: BTreeMap<(String, String), Value>) {
    let want: BTreeMap<_, _> = crate_payments()
        .iter()
        .map(|(k, p)| (k.clone(), facts(p)))
        .collect();
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{export}: the codes"
    );
    let mut failures = Vec::new();
    for (key, facts) in &want {
        if got[key] != *facts {
            failures.push(format!(
                "{export} {}.{}: {} != the crate's {facts}",
                key.0, key.1, got[key]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The spec covers every outcome and several policies: the comparison is not vacuous.
    assert!(want.len() >= 46, "{} codes", want.len());
}

#[test]
fn catalog_json_payment_is_code_payment() {
    let doc: Value = serde_json::from_str(&exported("catalog.json")).unwrap();
    let mut got = BTreeMap::new();
    for d in doc["domains"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        for e in d["errors"].as_array().unwrap() {
            if !e["retired"].is_null() {
                assert!(
                    e["payment"].is_null(),
                    "a retired code has no payment facts"
                );
                continue;
            }
            let code = e["code"].as_str().unwrap();
            got.insert((id.to_owned(), code.to_owned()), e["payment"].clone());
        }
    }
    assert_same("catalog.json", got);
}

#[test]
fn openapi_payment_is_code_payment() {
    let doc: Value = serde_json::from_str(&exported("openapi.json")).unwrap();
    let mut got = BTreeMap::new();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        let Some(id) = name.strip_suffix(".Code") else {
            continue;
        };
        let codes = schema["x-errspec-codes"].as_object().expect(name);
        for (code, x) in codes {
            got.insert((id.to_owned(), code.clone()), x["payment"].clone());
        }
    }
    assert_same("openapi.json x-errspec-codes", got);
}

/// The TypeScript module's entries: per domain `makeDomain("id", upstream, [`, then one
/// `["CODE", {…}],` per line (JSON), then `]);`.
#[test]
fn typescript_payment_is_code_payment() {
    let js = exported("payment-errors.js");
    let mut got = BTreeMap::new();
    let mut domain: Option<String> = None;
    for line in js.lines() {
        if let Some((_, rest)) = line.split_once("= makeDomain(") {
            let id = serde_json::Deserializer::from_str(rest)
                .into_iter::<Value>()
                .next()
                .expect("the domain id")
                .expect("a JSON string");
            domain = Some(id.as_str().unwrap().to_owned());
            continue;
        }
        let Some(id) = &domain else { continue };
        if line == "]);" {
            domain = None;
            continue;
        }
        let entry: Value = serde_json::from_str(line.trim().trim_end_matches(','))
            .unwrap_or_else(|e| panic!("{id}: an entry is one JSON line ({e}): {line}"));
        let code = entry[0].as_str().unwrap();
        got.insert((id.clone(), code.to_owned()), entry[1]["payment"].clone());
    }
    assert!(domain.is_none(), "every domain's entries end");
    assert_same("payment-errors.js", got);
}
