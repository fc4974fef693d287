//! The editor schema (`errspec schema`, committed as `error-spec/schema.json`): up to date,
//! referenced by every spec file, and accepting exactly the keys the loader accepts.
#![cfg(feature = "schema")]

use std::collections::BTreeSet;
use std::path::Path;

use codegen::emit::schema;
use codegen::raw::{
    RawCatalog, RawCatalogFile, RawCategory, RawDeprecated, RawDomain, RawDomainFile, RawError,
    RawField, RawOperation, RawRetired, field_names,
};
use serde_json::Value;

fn spec_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../error-spec"))
}

#[test]
fn committed_schema_is_current() {
    let path = spec_dir().join("schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let current = schema::render();
    if committed != current && std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &current).unwrap();
        return;
    }
    if committed != current {
        let line = committed
            .lines()
            .zip(current.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || committed.lines().count().min(current.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} is stale (first difference at line {line}): the raw spec types changed.\n\
             Regenerate it and commit the result:\n    {}",
            schema::SCHEMA_PATH,
            schema::REGENERATE
        );
    }
}

#[test]
fn every_spec_file_points_at_the_schema() {
    for entry in std::fs::read_dir(spec_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("#:schema ./schema.json\n"),
                "{} must start with `#:schema ./schema.json` (editors find the schema by it)",
                path.display()
            );
        }
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_schema_accepts_exactly_the_keys_the_loader_accepts() {
    let s = schema::schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    // One schema for catalog.toml and the domain files.
    let mut top = names(field_names::<RawCatalogFile>());
    top.extend(names(field_names::<RawDomainFile>()));
    assert_eq!(keys(&s), top);
    assert_eq!(s["additionalProperties"], false);
    let defs = &s["definitions"];
    let expected: &[(&str, &[&str])] = &[
        ("RawCatalog", field_names::<RawCatalog>()),
        ("RawDomain", field_names::<RawDomain>()),
        ("RawCategory", field_names::<RawCategory>()),
        ("RawOperation", field_names::<RawOperation>()),
        ("RawError", field_names::<RawError>()),
        ("RawField", field_names::<RawField>()),
        ("RawDeprecated", field_names::<RawDeprecated>()),
        ("RawRetired", field_names::<RawRetired>()),
    ];
    for (name, fields) in expected {
        let def = &defs[*name];
        assert_eq!(keys(def), names(fields), "{name}");
        assert_eq!(
            def["additionalProperties"], false,
            "{name} denies unknown keys"
        );
        assert!(
            def["description"].as_str().is_some_and(|d| !d.is_ascii()),
            "{name} has a Korean description"
        );
        for (key, prop) in def["properties"].as_object().unwrap() {
            let d = prop["description"].as_str().unwrap_or_default();
            assert!(
                !d.is_ascii() && d.contains("\n\n"),
                "{name}.{key}: description Korean first, then English: {d:?}"
            );
        }
    }
}

#[test]
fn texts_statuses_and_types_have_useful_shapes() {
    let s = schema::schema();
    let error = &s["definitions"]["RawError"]["properties"];
    assert_eq!(error["status"]["minimum"], 400);
    assert_eq!(error["status"]["maximum"], 599);
    // A text: strings keyed by locale, or one string for the default locale.
    let alts: Vec<&str> = error["message"]["anyOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["type"].as_str().unwrap())
        .collect();
    assert_eq!(alts, ["object", "string"]);
    let field = &s["definitions"]["RawField"]["properties"];
    assert_eq!(
        field["type"]["enum"],
        serde_json::json!(["string", "integer", "amount"])
    );
    // TOML has no null, and what is required depends on the domain (the validator's job).
    let text = schema::render();
    assert!(!text.contains("\"null\""), "no null in a TOML schema");
    assert!(!text.contains("\"required\""), "every key optional");
}
