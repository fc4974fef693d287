//! Property tests: nothing staff can type breaks the tools.
//!
//! - Mutated copies of the repository's real spec files (byte flips, deletions, duplicated and
//!   swapped lines, stray `{ } " [ ]`, non-ASCII …) and arbitrary text never panic the loader,
//!   the validator, the diagnostic renderers, `errspec new`'s planner or the emitter.
//! - Every generated spec that passes `check` — codes that are keywords, digits or Hangul,
//!   messages with random text, placeholders, particles and braces — generates Rust that
//!   parses.
//!
//! Case counts are kept small enough for debug builds on CI (a few seconds each); raise them
//! locally with `PROPTEST_CASES=5000 cargo test -p codegen --test no_input_breaks_anything`.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use codegen::diagnostic::{Lang, RenderOptions, render_all};
use codegen::emit::rust::{Runtime, RustOptions, generate};
use codegen::load::{Loaded, load_files};
use codegen::scaffold::{NewError, plan};
use codegen::template::PARTICLE_SPELLINGS;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};

const SEEDS: &[(&str, &str)] = &[
    (
        "catalog.toml",
        include_str!("../../error-spec/catalog.toml"),
    ),
    ("cancel.toml", include_str!("../../error-spec/cancel.toml")),
    ("ebp.toml", include_str!("../../error-spec/ebp.toml")),
    ("toss.toml", include_str!("../../error-spec/toss.toml")),
];

/// `PROPTEST_CASES` when set, `default` otherwise.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> Config {
    Config {
        cases: cases(default_cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Runs everything that reads a spec on `files`; panics are the failures proptest reports.
/// Returns whether the spec was valid.
fn exercise(files: Vec<(String, Vec<u8>)>) -> bool {
    let loaded: Loaded = load_files("spec", files.clone());
    // `errspec new` on each domain, with and without a category.
    for d in &loaded.domains {
        let first_cat = d.categories.first().map(|c| c.key.get_ref().as_str());
        for category in [None, first_cat] {
            let req = NewError {
                domain: &d.id,
                category,
                ..NewError::default()
            };
            if let Ok(s) = plan(Path::new("spec"), &loaded, &req) {
                let old = &loaded.sources.get(d.file).text;
                assert!(s.text.starts_with(old.as_str()), "new only appends");
            }
        }
    }
    let checked = codegen::check_loaded(load_files("spec", files));
    for lang in [Lang::Ko, Lang::En] {
        let text = render_all(
            &checked.diagnostics,
            &checked.sources,
            RenderOptions { lang, color: false },
        );
        assert_eq!(text.is_empty(), checked.diagnostics.is_empty());
        for d in &checked.diagnostics {
            let line = codegen::report::json_line(d, &checked.sources, lang);
            assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok());
        }
    }
    let _ = codegen::report::summary("spec", &checked, Lang::Ko);
    match &checked.catalog {
        Some(catalog) => {
            assert!(!checked.has_errors());
            let code = generate(
                catalog,
                &RustOptions {
                    runtime: Runtime::Extern,
                },
            );
            // Parses, and is laid out as prettyplease would (issue 18).
            common::assert_prettyplease_layout(&code);
            for d in &catalog.domains {
                for e in &d.entries {
                    let _ = codegen::emit::explain::render(catalog, d, e, Lang::Ko);
                }
            }
            true
        }
        None => {
            assert!(
                checked.has_errors(),
                "no catalog means an error was reported"
            );
            false
        }
    }
}

fn seed_files() -> Vec<(String, Vec<u8>)> {
    SEEDS
        .iter()
        .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
        .collect()
}

#[test]
fn the_repository_spec_is_valid() {
    assert!(exercise(seed_files()), "the seeds must validate");
}

/// Text that tends to break parsers, templates and generated code.
const NASTY: &[&str] = &[
    "{",
    "}",
    "{{",
    "}}",
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "=",
    ".",
    ",",
    "#",
    "\\",
    "\\u",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\"\"\"",
    "'''",
    "한",
    "💳",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0301}",
    "{x}",
    "{type}",
    "{self}",
    "{x}은(는)",
    "(으)로",
    "{x}(이)나",
    "*/",
    "/*",
    "\"#",
    "r#\"",
    "[errors.X]\n",
    "[errors.\"A-1\"]\n",
    "[domain]\n",
    "[categories.C]\n",
    "status = 600\n",
    "status = \"400\"\n",
    "message.ko = \"\"\n",
    "message.xx = \"x\"\n",
    "category = \"Q\"\n",
    "name = \"Self\"\n",
    "retired = {}\n",
    "deprecated = { replacement = \"X\" }\n",
    "fields.x = { type = \"amount\" }\n",
    "code_format = \"{seq\"\n",
    "locales = []\n",
    "locales = [\"ko\", \"ko\"]\n",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Delete(Index, usize),
    Insert(Index, Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<Index>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        any::<Index>().prop_map(Mutation::DeleteLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if !bytes.is_empty() {
                let at = i.index(len);
                bytes[at] = *b;
            }
        }
        Mutation::Delete(i, n) => {
            let at = i.index(len + 1).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Insert(i, t) => {
            let at = i.index(len + 1).min(bytes.len());
            let token = NASTY[t.index(NASTY.len())].as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        Mutation::DuplicateLine(i) | Mutation::DeleteLine(i) => {
            let mut ls = lines(bytes);
            if ls.is_empty() {
                return;
            }
            let at = i.index(ls.len());
            if matches!(m, Mutation::DuplicateLine(_)) {
                let line = ls[at].clone();
                ls.insert(at, line);
            } else {
                ls.remove(at);
            }
            *bytes = ls.concat();
        }
        Mutation::SwapLines(a, b) => {
            let mut ls = lines(bytes);
            if ls.len() > 1 {
                let (a, b) = (a.index(ls.len()), b.index(ls.len()));
                ls.swap(a, b);
                *bytes = ls.concat();
            }
        }
        Mutation::Truncate(i) => {
            let at = i.index(len + 1).min(bytes.len());
            bytes.truncate(at);
        }
    }
}

#[test]
fn mutated_real_spec_files_never_panic() {
    let mut runner = TestRunner::new(config(300));
    let strategy = (
        prop::collection::vec((any::<Index>(), mutation()), 1..8),
        any::<bool>(),
    );
    runner
        .run(&strategy, |(mutations, drop_catalog)| {
            let mut files = seed_files();
            for (which, m) in &mutations {
                let f = which.index(files.len());
                apply(&mut files[f].1, m);
            }
            if drop_catalog {
                files.retain(|(n, _)| n != "catalog.toml");
            }
            exercise(files);
            Ok(())
        })
        .unwrap();
}

#[test]
fn arbitrary_text_never_panics() {
    let mut runner = TestRunner::new(config(300));
    let tokenish = prop::collection::vec(
        prop_oneof![
            prop::sample::select(NASTY).prop_map(str::to_owned),
            "[a-zA-Z0-9_ .=\"\\[\\]{}-]{0,12}",
            "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat().into_bytes());
    let strategy = (
        tokenish.clone(),
        prop_oneof![tokenish, prop::collection::vec(any::<u8>(), 0..300)],
        "[a-z_A-Z0-9-]{0,8}",
    );
    runner
        .run(&strategy, |(catalog, domain, name)| {
            exercise(vec![
                ("catalog.toml".into(), catalog),
                (format!("{name}.toml"), domain),
            ]);
            Ok(())
        })
        .unwrap();
}

// ---- generated specs ----------------------------------------------------------------------

/// A TOML basic string, written independently of the crate under test.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Debug, Clone)]
struct GenError {
    code: String,
    name: Option<String>,
    category: usize,
    status: u16,
    ko: String,
    en: String,
    fields: Vec<(String, &'static str)>,
    explanation: Option<String>,
    retryable: bool,
    retired: bool,
}

#[derive(Debug, Clone)]
struct GenDomain {
    id: String,
    prefix: Option<&'static str>,
    categories: Vec<String>,
    errors: Vec<GenError>,
}

const PLACEHOLDERS: &[&str] = &[
    "x",
    "bankCode",
    "bank_code",
    "type",
    "match",
    "amount",
    "a1",
    "fn",
    "r",
    "loop",
];

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][A-Z0-9_]{0,24}",
        "[0-9]{1,5}",
        prop::sample::select(codegen::ident::KEYWORDS).prop_map(str::to_owned),
        "[A-Z]{2,4}-[A-Z]-[0-9]{4}",
        "[a-z][a-zA-Z0-9.-]{0,12}",
        "\\PC{1,10}",
        "[가-힣]{1,6}",
        "[A-Z_]{80,87}",
    ]
}

/// A message segment: text, escaped braces, or a placeholder with maybe a particle.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[^{}]{0,16}",
        1 => prop::sample::select(&["{{", "}}", "{{}}", "\"#", "*/", "\\", "\t", "\u{202E}"][..])
            .prop_map(str::to_owned),
        2 => (
            prop::sample::select(PLACEHOLDERS),
            prop::option::of(prop::sample::select(PARTICLE_SPELLINGS).prop_map(|p| p.0)),
        )
            .prop_map(|(p, particle)| format!("{{{p}}}{}", particle.unwrap_or(""))),
    ]
}

fn message() -> impl Strategy<Value = String> {
    ("[가-힣A-Za-z0-9]", prop::collection::vec(segment(), 0..6))
        .prop_map(|(first, s)| first + &s.concat())
}

/// The English message: the Korean one's placeholders (in another order) with other text.
fn placeholders_of(ko: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = ko;
    while let Some(i) = rest.find('{') {
        if rest[i..].starts_with("{{") {
            rest = &rest[i + 2..];
            continue;
        }
        match rest[i..].find('}') {
            Some(j) => {
                out.push(rest[i..i + j + 1].to_owned());
                rest = &rest[i + j + 1..];
            }
            None => break,
        }
    }
    out
}

fn error() -> impl Strategy<Value = GenError> {
    (
        code(),
        prop::option::weighted(
            0.5,
            prop::collection::vec("[A-Z][a-z]{1,6}", 1..4).prop_map(|w| w.concat()),
        ),
        0usize..3,
        prop_oneof![40 => 400u16..=599, 1 => 0u16..1000],
        message(),
        "[^{}]{0,20}",
        prop::collection::vec(
            (
                prop::sample::select(PLACEHOLDERS).prop_map(str::to_owned),
                prop::sample::select(&["string", "integer", "amount"][..]),
            ),
            0..2,
        ),
        prop::option::of("\\PC{0,30}"),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(
                code,
                name,
                category,
                status,
                ko,
                en_text,
                fields,
                explanation,
                retryable,
                retired,
            )| {
                let mut holes = placeholders_of(&ko);
                holes.reverse();
                let en = format!("{en_text}{}", holes.concat());
                GenError {
                    code,
                    name,
                    category,
                    status,
                    ko,
                    en,
                    fields,
                    explanation,
                    retryable,
                    retired,
                }
            },
        )
}

fn domain() -> impl Strategy<Value = GenDomain> {
    (
        prop_oneof![
            12 => "[a-z][a-z0-9_]{0,8}",
            1 => prop::sample::select(&["type", "self", "particle", "r#x", "Pay"][..])
                .prop_map(str::to_owned)
        ],
        prop::option::weighted(0.3, Just("R")),
        prop::collection::vec("[A-Z][A-Z0-9_]{0,3}|[a-z][a-z_]{0,8}", 0..3),
        prop::collection::vec(error(), 1..6),
    )
        .prop_map(|(id, prefix, categories, errors)| GenDomain {
            id,
            prefix,
            categories,
            errors,
        })
}

fn render_domain(d: &GenDomain) -> String {
    let mut t = String::from("#:schema ./schema.json\n[domain]\ntitle.ko = \"도메인\"\n");
    if let Some(p) = d.prefix {
        t.push_str(&format!("variant_prefix = {}\n", toml_str(p)));
    }
    for c in &d.categories {
        t.push_str(&format!(
            "\n[categories.{}]\ntitle.ko = \"분류\"\ntitle.en = \"Category\"\n",
            toml_str(c)
        ));
    }
    for e in &d.errors {
        t.push_str(&format!("\n[errors.{}]\n", toml_str(&e.code)));
        if !d.categories.is_empty() {
            let c = &d.categories[e.category % d.categories.len()];
            t.push_str(&format!("category = {}\n", toml_str(c)));
        }
        if e.retired {
            t.push_str("retired = { since = \"2024-01\" }\n");
            continue;
        }
        if let Some(n) = &e.name {
            t.push_str(&format!("name = {}\n", toml_str(n)));
        }
        t.push_str(&format!("status = {}\n", e.status));
        t.push_str(&format!("message.ko = {}\n", toml_str(&e.ko)));
        t.push_str(&format!("message.en = {}\n", toml_str(&e.en)));
        if let Some(x) = &e.explanation {
            t.push_str(&format!("explanation.ko = {}\n", toml_str(x)));
        }
        if e.retryable {
            t.push_str("retryable = true\n");
        }
        for (f, ty) in &e.fields {
            t.push_str(&format!("fields.{} = {{ type = \"{ty}\" }}\n", toml_str(f)));
        }
    }
    t
}

#[test]
fn every_spec_that_passes_check_generates_rust_that_parses() {
    static VALID: AtomicUsize = AtomicUsize::new(0);
    static TOTAL: AtomicUsize = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config(150));
    runner
        .run(&prop::collection::vec(domain(), 1..3), |domains| {
            let mut files = vec![(
                "catalog.toml".to_owned(),
                b"[catalog]\nname = \"generated\"\nlocales = [\"ko\", \"en\"]\n".to_vec(),
            )];
            for d in &domains {
                files.push((format!("{}.toml", d.id), render_domain(d).into_bytes()));
            }
            TOTAL.fetch_add(1, Ordering::Relaxed);
            if exercise(files) {
                VALID.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    let (valid, total) = (VALID.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed));
    eprintln!("VALID {valid}/{total}");
    // The property is only tested on specs that validate: make sure there are enough of them.
    assert!(
        valid * 5 >= total,
        "only {valid} of {total} generated specs validated: the generator needs fixing"
    );
}
