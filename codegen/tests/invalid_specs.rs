//! One invalid spec per validation rule, with the diagnostics it must produce.
//!
//! Each directory of `tests/fixtures/invalid/` is named after a rule's slug
//! (`diagnostic::Rule::slug`) and holds a small spec (`*.toml`; a default `catalog.toml` is
//! added when it has none) and `expected.txt`: every diagnostic rendered in Korean, then in
//! English, exactly as `errspec check` prints them. After an intended change in wording, run
//! `scripts/bless` and review the diff.

use std::path::{Path, PathBuf};

use codegen::diagnostic::{Lang, RenderOptions, Rule, Severity, render_all};
use codegen::load::{CATALOG_FILE, load_files};

const DEFAULT_CATALOG: &str = "[catalog]\nname = \"fixture\"\nlocales = [\"ko\", \"en\"]\n";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Checks the spec in `dir`; returns the check and the rendered diagnostics.
fn run(dir: &Path) -> (codegen::Checked, String) {
    let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    if !files.iter().any(|(n, _)| n == CATALOG_FILE) {
        files.push((CATALOG_FILE.to_owned(), DEFAULT_CATALOG.as_bytes().to_vec()));
    }
    let checked = codegen::check_loaded(load_files(&slug, files));
    let render = |lang| {
        render_all(
            &checked.diagnostics,
            &checked.sources,
            RenderOptions { lang, color: false },
        )
    };
    let text = format!(
        "--- ko ---\n{}--- en ---\n{}",
        render(Lang::Ko),
        render(Lang::En)
    );
    (checked, text)
}

#[test]
fn every_rule_has_a_fixture() {
    let missing: Vec<&str> = Rule::ALL
        .iter()
        .map(|r| r.slug())
        .filter(|s| !fixtures().join(s).is_dir())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture in tests/fixtures/invalid/: {missing:?}"
    );
}

#[test]
fn invalid_specs_give_their_expected_diagnostics() {
    let bless = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (checked, text) = run(&dir);
        let Some(rule) = Rule::ALL.iter().find(|r| r.slug() == slug) else {
            failures.push(format!("{slug}: no rule has this slug"));
            continue;
        };
        if !checked.diagnostics.iter().any(|d| d.rule == *rule) {
            failures.push(format!("{slug}: the fixture does not trigger its rule"));
        }
        // An error rule refuses the catalog; a warning rule lets it through.
        match rule.severity() {
            Severity::Error if checked.catalog.is_some() => {
                failures.push(format!("{slug}: catalog built despite errors"))
            }
            Severity::Warning if checked.catalog.is_none() => {
                failures.push(format!("{slug}: a warning refused the catalog"))
            }
            _ => {}
        }
        // Every diagnostic points at a place with a line in its file, and says how to fix it.
        for d in &checked.diagnostics {
            if d.rule != Rule::Catalog && d.primary.is_none() {
                failures.push(format!("{slug}: {} has no location", d.rule.id()));
            }
            if d.help.is_empty() {
                failures.push(format!(
                    "{slug}: {} has no help: {}",
                    d.rule.id(),
                    d.title.en
                ));
            }
        }
        let expected_path = dir.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == text => {}
            Ok(expected) => failures.push(format!(
                "{slug}: diagnostics differ from expected.txt\n--- expected\n{expected}\n--- actual\n{text}"
            )),
            Err(_) => failures.push(format!("{slug}: no expected.txt\n--- actual\n{text}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n(after an intended change: scripts/bless, and review the diff)",
        failures.join("\n\n")
    );
}

#[test]
fn mistakes_in_two_files_are_all_reported_in_one_run() {
    // Three different mistakes in two files: all three come out of one check.
    let files = vec![
        (CATALOG_FILE.to_owned(), DEFAULT_CATALOG.as_bytes().to_vec()),
        ("a.toml".to_owned(), b"[domain]\ntitle.ko = \"A\"\ntitle.en = \"A\"\n\n[errors.X]\nstatus = 600\nmessage.ko = \"x\"\nmessage.en = \"x\"\n".to_vec()),
        (
            "b.toml".to_owned(),
            b"[domain]\ntitle.ko = \"B\"\ntitle.en = \"B\"\n\n[errors.Y]\nstatus = 400\nmesage.ko = \"y\"\nmessage.ko = \"y\"\nmessage.en = \"{v} y\"\n".to_vec(),
        ),
    ];
    let checked = codegen::check_loaded(load_files("spec", files));
    let found: Vec<(String, usize, Rule)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let (path, line, _) = d.location(&checked.sources).unwrap();
            (path, line, d.rule)
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("spec/a.toml".to_owned(), 6, Rule::StatusRange),
            ("spec/b.toml".to_owned(), 7, Rule::UnknownKey),
            ("spec/b.toml".to_owned(), 9, Rule::PlaceholderMismatch),
        ]
    );
}
