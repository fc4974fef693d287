//! Golden snapshot of the Rust generated for a small fixture spec
//! (`tests/fixtures/golden/`), which exercises every feature of the generated code.
//!
//! After an intended change of the emitter: `scripts/bless` (which runs this test with
//! `INSTA_UPDATE=always`) and review the diff.

use std::path::Path;

use codegen::emit::rust::{RustOptions, generate};

fn golden_catalog() -> codegen::model::Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    let checked = codegen::check_dir(&dir).expect("readable");
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.catalog.expect("a valid catalog")
}

#[test]
fn generated_rust_matches_the_snapshot() {
    let code = generate(&golden_catalog(), &RustOptions::default());
    insta::assert_snapshot!("golden_rust", code);
}

#[test]
fn generation_is_deterministic_and_parses() {
    let catalog = golden_catalog();
    let a = generate(&catalog, &RustOptions::default());
    let b = generate(&catalog, &RustOptions::default());
    assert_eq!(a, b);
    syn::parse_file(&a).expect("generated code parses");
    assert!(a.starts_with("// @generated"), "header names the generator");
    assert!(a.contains("DO NOT EDIT"));
    // The retired code is a tombstone: not generated.
    assert!(!a.contains("SHOP-P-004"));
    assert!(a.contains("#[deprecated(") && a.contains("since 2026-11"));
}
