//! Property test (issue 13, point 2): every spec that `errspec check` accepts compiles.
//!
//! `no_input_breaks_anything` checks that generated Rust *parses*; a whole class of specs
//! parsed and did not compile: names that collide with what the generated code sits next to.
//! Here identifiers are drawn from the names the crate and std already use — the crate root's
//! modules and items (read from `payment-errors/src/lib.rs`, so the list cannot go stale), the
//! generated items (`Code`, `Error`, `Reply` …), std's prelude, and the names the generated
//! functions use for their own parameters and locals (`w`, `f`, `s`, `locale`, `mask` …) — as
//! domain ids, variant names (`name = "..."`) and placeholders. Each spec must either be
//! refused by `check` or compile: the generated `catalog.rs` replaces the one in a copy of the
//! `payment-errors` crate, which `cargo check` builds (with `serde` and `axum`, into one shared target
//! directory, so each case costs a few seconds once the dependencies are built).
//!
//! Cases: `PROPTEST_CASES` (default 6; each is a `cargo check`).

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::emit::rust::{RustOptions, generate};
use codegen::load::load_files;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Names the crate root of `payment-errors` defines (`mod x`, `pub fn x`, `pub struct X` …).
fn crate_root_names() -> Vec<String> {
    let lib = std::fs::read_to_string(workspace().join("payment-errors/src/lib.rs")).unwrap();
    let mut out = Vec::new();
    for line in lib.lines() {
        let words: Vec<&str> = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            if matches!(
                pair[0],
                "mod" | "fn" | "struct" | "enum" | "const" | "static" | "type" | "trait"
            ) {
                out.push(pair[1].to_owned());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Names the generated code and std use that a spec could also produce.
const TAKEN: &[&str] = &[
    // Generated items and the runtime alias.
    "Code",
    "Error",
    "Reply",
    "Detail",
    "Received",
    "Category",
    "Operation",
    "Locale",
    "DOMAIN",
    "ENVELOPE",
    "rt",
    "super",
    "crate",
    // std's prelude and the paths the generated code spells out.
    "std",
    "core",
    "alloc",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "From",
    "Into",
    "Clone",
    "Copy",
    "Debug",
    "Display",
    "fmt",
    "str",
    "Self",
    "self",
    // Parameters and locals of generated functions.
    "w",
    "f",
    "s",
    "locale",
    "mask",
    "code",
    "other",
    "upstream",
    "e",
    "c",
    "i",
    "n",
    "d",
];

fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn camel(s: &str) -> String {
    s.split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// An error: its code, its `name` if any, its placeholders, whether the first is `pii`.
type GenError = (String, Option<String>, Vec<String>, bool);

#[derive(Debug, Clone)]
struct Spec {
    domains: Vec<(String, Vec<GenError>)>,
}

fn spec(names: Vec<String>) -> impl Strategy<Value = Spec> {
    let name = prop::sample::select(names);
    let error = (
        name.clone(),
        any::<bool>(),
        prop::collection::vec(name.clone(), 0..3),
        prop::bool::weighted(0.3),
    );
    let domain = (name, prop::collection::vec(error, 1..4));
    prop::collection::vec(domain, 1..3).prop_map(|ds| Spec {
        // One file per domain id, as in a directory (`Copy` and `copy` are one file).
        domains: ds
            .into_iter()
            .fold(Vec::<(String, _)>::new(), |mut seen, (id, errors)| {
                if !seen.iter().any(|(s, _)| snake(s) == snake(&id)) {
                    seen.push((id, errors));
                }
                seen
            })
            .into_iter()
            .map(|(id, errors)| {
                let errors = errors
                    .into_iter()
                    .enumerate()
                    .map(|(i, (n, named, fields, pii))| {
                        let code = format!("{}_{i}", snake(&n).to_ascii_uppercase());
                        let name = named.then(|| camel(&n));
                        (code, name, fields, pii)
                    })
                    .collect();
                (snake(&id), errors)
            })
            .collect(),
    })
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn files(spec: &Spec) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(
        "catalog.toml".to_owned(),
        b"[catalog]\nname = \"generated\"\nlocales = [\"ko\", \"en\"]\n".to_vec(),
    )];
    for (id, errors) in &spec.domains {
        let mut t = String::from("[domain]\ntitle.ko = \"도메인\"\n");
        for (code, name, fields, pii) in errors {
            t.push_str(&format!("\n[errors.{}]\nstatus = 400\n", toml_str(code)));
            if let Some(n) = name {
                t.push_str(&format!("name = {}\n", toml_str(n)));
            }
            let holes: String = fields.iter().map(|f| format!(" {{{f}}}은(는)")).collect();
            t.push_str(&format!(
                "message.ko = {}\n",
                toml_str(&format!("오류{holes}"))
            ));
            t.push_str(&format!(
                "message.en = {}\n",
                toml_str(&format!("error{holes}"))
            ));
            if let (Some(f), true) = (fields.first(), pii) {
                t.push_str(&format!("fields.{} = {{ pii = true }}\n", toml_str(f)));
            }
        }
        files.push((format!("{id}.toml"), t.into_bytes()));
    }
    files
}

/// A copy of `payment-errors` (sources and manifest; path dependencies made absolute, no
/// dev-dependencies) in `dir`, with `catalog` as its `src/catalog.rs`.
fn crate_copy(dir: &Path, catalog: &str) {
    let src = workspace().join("payment-errors");
    let _ = std::fs::remove_dir_all(dir);
    copy_dir(&src.join("src"), &dir.join("src"));
    // Whatever the crate compiles through relative paths (shared sources) must resolve.
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let path = entry.path();
        let keep = !matches!(
            name.to_str(),
            Some(
                "src" | "tests" | "examples" | "benches" | "error-spec" | "Cargo.toml" | "build.rs"
            )
        );
        if keep && path.is_dir() {
            copy_dir(&path, &dir.join(&name));
        }
    }
    std::fs::write(dir.join("src/catalog.rs"), catalog).unwrap();
    let manifest = std::fs::read_to_string(src.join("Cargo.toml")).unwrap();
    let mut out = String::new();
    let mut skip = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            skip = matches!(line.trim(), "[dev-dependencies]" | "[lints]")
                || line.starts_with("[[example")
                || line.starts_with("[[test")
                || line.starts_with("[[bench");
        }
        if skip || line.starts_with("build =") {
            continue;
        }
        let abs = format!("path = \"{}/", workspace().display());
        let core = format!(
            "payment-errors-core = {{ path = \"{}/payment-errors-core\" }}",
            workspace().display()
        );
        let line = line.replace("payment-errors-core.workspace = true", &core);
        out.push_str(&line.replace("path = \"../", &abs));
        out.push('\n');
    }
    let out = out
        .replace("edition.workspace = true", "edition = \"2024\"")
        .replace("rust-version.workspace = true", "")
        .replace("license.workspace = true", "");
    std::fs::write(dir.join("Cargo.toml"), format!("{out}\n[workspace]\n")).unwrap();
    // The workspace's versions: an offline resolution that needs nothing new.
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        // Follows symlinks (a shared source directory).
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Loads and validates `files`; compiles the generated crate when `check` accepts it. `None`
/// when refused, else whether it compiled (with rustc's output).
fn check_then_compile(files: Vec<(String, Vec<u8>)>) -> Option<Result<(), String>> {
    let catalog = codegen::check_loaded(load_files("spec", files)).catalog?;
    let source = generate(&catalog, &RustOptions::default());
    let target = workspace().join("target/accepted-specs-compile");
    // One directory per check: the tests of this file run in parallel.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = target.join(format!("crate-{}-{n}", std::process::id()));
    crate_copy(&dir, &source);
    let out = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--lib", "--features", "axum"])
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target.join("target"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

/// The crate root's own modules, deterministically: a domain of that name cannot compile
/// (E0428), so `check` must refuse it.
#[test]
fn a_domain_named_like_a_crate_root_module_is_refused() {
    for name in crate_root_names() {
        if name.starts_with("__") || name.chars().any(|c| c.is_ascii_uppercase()) {
            continue; // refused by the domain-id grammar anyway
        }
        let spec = Spec {
            domains: vec![(
                name.clone(),
                vec![("OOPS".to_owned(), None, Vec::new(), false)],
            )],
        };
        if let Some(Err(rustc)) = check_then_compile(files(&spec)) {
            panic!("domain `{name}` is accepted by check but does not compile:\n{rustc}");
        }
    }
}

#[test]
fn every_accepted_spec_with_colliding_names_compiles() {
    let mut names: Vec<String> = crate_root_names();
    names.extend(TAKEN.iter().map(|s| (*s).to_owned()));
    names.sort();
    names.dedup();
    assert!(
        names.iter().any(|n| n == "serve") && names.iter().any(|n| n == "web"),
        "the crate root's modules were read: {names:?}"
    );

    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let compiled = std::cell::Cell::new(0);
    let refused = std::cell::Cell::new(0);
    let result = runner.run(&spec(names), |spec| {
        match check_then_compile(files(&spec)) {
            None => refused.set(refused.get() + 1),
            Some(outcome) => {
                compiled.set(compiled.get() + 1);
                prop_assert!(
                    outcome.is_ok(),
                    "accepted by check but does not compile:\n{}\n{}",
                    files(&spec)
                        .iter()
                        .map(|(n, b)| format!("--- {n}\n{}", String::from_utf8_lossy(b)))
                        .collect::<String>(),
                    outcome.err().unwrap_or_default()
                );
            }
        }
        Ok(())
    });
    eprintln!("compiled {}, refused {}", compiled.get(), refused.get());
    if let Err(e) = result {
        panic!("{e}");
    }
}
