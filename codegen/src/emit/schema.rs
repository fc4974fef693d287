//! `errspec schema`: the editor schema of the spec files (JSON Schema draft-07), derived with
//! schemars from the raw types the loader deserializes (`crate::raw`), so that the editor and
//! `errspec check` agree on which keys exist and what they hold.
//!
//! One schema serves every spec file: `catalog.toml` (`[catalog]`) and the domain files
//! (`[domain]`, `[categories.*]`, `[operations.*]`, `[errors.*]`). Each file starts with
//! `#:schema ./schema.json`; Taplo (VS Code's TOML extension, and `taplo check` in CI) reads it.
//! Draft-07 because Taplo does not know newer drafts. The committed copy,
//! `error-spec/schema.json`, is checked against [`render`] by a test.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::raw::{RawCatalogFile, RawDomainFile};

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "error-spec/schema.json";

/// The command that regenerates the committed schema.
pub const REGENERATE: &str = "cargo run --bin errspec -- schema --out error-spec/schema.json";

/// The schema as a JSON value.
pub fn schema() -> Value {
    let mut generator = SchemaSettings::draft07().into_generator();
    let files = [
        generator.root_schema_for::<RawCatalogFile>(),
        generator.root_schema_for::<RawDomainFile>(),
    ];
    let mut properties = Map::new();
    let mut definitions = Map::new();
    for file in files {
        let Value::Object(mut file) = file.to_value() else {
            continue;
        };
        if let Some(Value::Object(p)) = file.remove("properties") {
            properties.extend(p);
        }
        if let Some(Value::Object(d)) = file.remove("definitions") {
            definitions.extend(d);
        }
    }
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        "http://json-schema.org/draft-07/schema#".into(),
    );
    root.insert(
        "title".into(),
        "payment-errors 에러 스펙 (error spec)".into(),
    );
    root.insert(
        "description".into(),
        format!(
            "error-spec/의 TOML 파일 하나. catalog.toml에는 [catalog]만, 도메인 파일에는 [domain], \
             [categories.*], [operations.*], [errors.*]를 씁니다. 안내: error-spec/README.md. \
             이 파일은 만들어진 것입니다: {REGENERATE}\n\n\
             One TOML file of error-spec/: [catalog] in catalog.toml; [domain], [categories.*], \
             [operations.*] and [errors.*] in a domain file. Guide: error-spec/README.md. \
             Generated: {REGENERATE}"
        )
        .into(),
    );
    root.insert("type".into(), "object".into());
    root.insert("properties".into(), Value::Object(properties));
    root.insert("additionalProperties".into(), false.into());
    root.insert("definitions".into(), Value::Object(definitions));
    let mut root = Value::Object(root);
    drop_null(&mut root);
    root
}

/// The schema as the committed file holds it: pretty JSON with a final newline.
pub fn render() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// TOML has no null: removes the `null` alternatives schemars adds for `Option`s.
fn drop_null(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("default").is_some_and(Value::is_null) {
                o.remove("default");
            }
            if let Some(Value::Array(types)) = o.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    o.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(alts)) = o.get_mut(key) {
                    alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                    if alts.len() == 1 {
                        let only = alts.remove(0);
                        o.remove(key);
                        match only {
                            // Draft-07 ignores the siblings of a `$ref`: keep it wrapped.
                            Value::Object(only) if only.contains_key("$ref") => {
                                o.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
                            }
                            Value::Object(only) => {
                                for (k, v) in only {
                                    o.entry(k).or_insert(v);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            o.values_mut().for_each(drop_null);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_null),
        _ => {}
    }
}
