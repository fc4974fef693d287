//! The generated Rust is laid out exactly as prettyplease lays it out (issue 18): the
//! generator prints its per-code parts itself, with prettyplease's algorithm, instead of
//! building and parsing a token stream for them. Checked on the repository's spec, the golden
//! and adversarial fixtures and a spec with foreign currencies, for both runtimes; the
//! property test in `no_input_breaks_anything.rs` checks it on generated specs.

mod common;

use std::path::Path;

use codegen::emit::rust::{Runtime, RustOptions, generate};

fn check_both_runtimes(checked: codegen::Checked) {
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let catalog = checked.catalog.expect("a valid catalog");
    for runtime in [Runtime::InCrate, Runtime::Extern] {
        common::assert_prettyplease_layout(&generate(&catalog, &RustOptions { runtime }));
    }
}

fn check_dir(rel: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    check_both_runtimes(codegen::check_dir(&dir).expect("readable"));
}

#[test]
fn repository_spec() {
    check_dir("../error-spec");
}

#[test]
fn golden_fixture() {
    check_dir("tests/fixtures/golden");
}

#[test]
fn adversarial_fixture() {
    check_dir("../tests/fixtures/adversarial");
}

/// Amounts in currencies other than won (a struct literal per piece), personal data (an
/// `if` per argument) and names long enough to break every line they are on.
#[test]
fn currencies_personal_data_and_long_names() {
    let catalog = "[catalog]\nname = \"money\"\nlocales = [\"ko\", \"en\"]\n";
    let pay = r#"
[domain]
title.ko = "결제"
title.en = "Pay"
currency = "USD"

[errors.TOO_SMALL]
status = 400
message.ko = "{amount}은(는) 너무 적습니다. ({name})"
message.en = "{amount} is too small. ({name})"
fields.amount = { type = "amount", currency = "JPY" }
fields.name = { pii = true }

[errors.TOO_BIG_AMOUNT_FOR_THIS_VERY_LONG_NAMED_ERROR_CODE_THAT_GOES_ON_AND_ON_AND_ON]
status = 400
message.ko = "{amount}은(는) 너무 많습니다. {limitAmountWithAVeryLongPlaceholderName}까지 됩니다."
message.en = "{amount} is too much. Up to {limitAmountWithAVeryLongPlaceholderName}."
fields.amount = { type = "amount" }
fields.limitAmountWithAVeryLongPlaceholderName = { type = "amount", currency = "KRW" }
"#;
    let files = vec![
        ("catalog.toml".to_owned(), catalog.as_bytes().to_vec()),
        ("pay.toml".to_owned(), pay.as_bytes().to_vec()),
    ];
    check_both_runtimes(codegen::check_loaded(codegen::load::load_files(
        "spec", files,
    )));
}
