//! `errspec export`: the committed exports (`exports/`) are what the spec generates now, the
//! exporters are deterministic, and the command writes, checks and refuses as it says.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::emit::export::{Kind, files, openapi};
use codegen::exported::stale;
use codegen::json::Json;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn catalog() -> codegen::model::Catalog {
    codegen::check_dir(&root().join("error-spec"))
        .unwrap()
        .catalog
        .expect("a valid spec")
}

fn errspec(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("errspec runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errspec-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn committed_exports_are_fresh() {
    let files = files(&catalog(), &Kind::ALL);
    assert_eq!(files.len(), 5);
    let stale = stale(&root().join("exports"), &files);
    assert!(
        stale.is_empty(),
        "exports/{stale:?} differ from what the spec generates; regenerate them: \
         cargo run --bin errspec -- export"
    );
}

#[test]
fn exports_are_deterministic() {
    let a = files(&catalog(), &Kind::ALL);
    let b = files(&catalog(), &Kind::ALL);
    assert_eq!(a, b);
    for (name, text) in &a {
        assert!(text.ends_with('\n'), "{name} ends with a newline");
        if name.ends_with(".js") || name.ends_with(".ts") {
            assert!(text.starts_with("// @generated"), "{name}");
            assert!(text.contains("DO NOT EDIT"), "{name}");
        }
        if name.ends_with(".json") {
            let v: serde_json::Value = serde_json::from_str(text).expect(name);
            assert!(v.is_object(), "{name}");
        }
    }
}

#[test]
fn export_writes_checks_and_rewrites_only_what_changed() {
    let out = temp("cmd");
    let out_s = out.to_str().unwrap();
    let (code, _, err) = errspec(&["export", "--check", "--out", out_s]);
    assert_eq!(code, 1, "missing files are stale");
    assert!(err.contains("cargo run --bin errspec -- export"), "{err}");
    let (code, stdout, _) = errspec(&["export", "--out", out_s, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("5 files") && stdout.contains("5 changed"),
        "{stdout}"
    );
    let (code, stdout, _) = errspec(&["export", "--out", out_s, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 changed"), "{stdout}");
    assert_eq!(errspec(&["export", "--check", "--out", out_s]).0, 0);
    // One kind at a time.
    let one = temp("one");
    let (code, _, _) = errspec(&["export", "openapi", "--out", one.to_str().unwrap()]);
    assert_eq!(code, 0);
    let names: Vec<String> = std::fs::read_dir(&one)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["openapi.json"]);
    // Refusals.
    let (code, _, err) = errspec(&["export", "yaml", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("openapi, typescript, json"), "{err}");
    let (code, _, _) = errspec(&["export", "--dir", "no/such/dir", "--out", out_s]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(out);
    let _ = std::fs::remove_dir_all(one);
}

#[test]
fn an_invalid_spec_exports_nothing() {
    let (code, _, err) = errspec(&[
        "export",
        "--dir",
        "codegen/tests/fixtures/invalid/unknown-key",
        "--out",
        temp("invalid").to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
}

fn get<'a>(v: &'a Json, path: &[&str]) -> &'a Json {
    let mut v = v;
    for key in path {
        let Json::Object(members) = v else {
            panic!("{key}: not an object");
        };
        v = &members
            .iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("no `{key}`"))
            .1;
    }
    v
}

#[test]
fn openapi_has_a_response_per_status_and_an_example_per_code() {
    let cat = catalog();
    let doc = openapi::parse_ordered(&openapi::openapi(&cat));
    assert!(matches!(get(&doc, &["openapi"]), Json::Str(v) if v == "3.1.0"));
    for d in &cat.domains {
        let code_enum = get(
            &doc,
            &["components", "schemas", &format!("{}.Code", d.id), "enum"],
        );
        let Json::Array(codes) = code_enum else {
            panic!("enum")
        };
        assert_eq!(codes.len(), d.errors().count(), "{}", d.id);
        if d.upstream {
            continue;
        }
        for e in d.errors() {
            let response = [&format!("{}.{}", d.id, e.status)];
            let content = get(&doc, &["components", "responses", response[0], "content"]);
            let media = if d.envelope.is_some() {
                "application/json"
            } else {
                "application/problem+json"
            };
            get(content, &[media, "examples", &e.code, "value"]);
        }
    }
}
