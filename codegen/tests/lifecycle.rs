//! The lifecycle of a code: deprecated (still generated, `#[deprecated]`, a banner in
//! `explain`), retired (a tombstone: never generated, its number never handed out again), and
//! the spec keys around it (`deprecated = true`, `breaking_change_ok`).

use std::path::Path;
use std::process::Command;

use codegen::diagnostic::{Diagnostic, Lang, Rule};
use codegen::emit::docs::{self, Format, Options};
use codegen::emit::explain;
use codegen::emit::rust::{RustOptions, generate};
use codegen::model::{Catalog, Entry};
use codegen::{Checked, check_loaded, load};

const CATALOG: &str = "[catalog]\nname = \"lifecycle\"\nlocales = [\"ko\", \"en\"]\n";

const PAY: &str = r#"[domain]
title.ko = "결제"
title.en = "Payments"
code_format = "PAY-{seq:3}"

[errors."PAY-001"]
status = 400
message.ko = "금액 {amount}이(가) 너무 큽니다."
message.en = "The amount {amount} is too large."
deprecated = { since = "2026-11", replacement = "PAY-004", note.ko = "한도 초과는 PAY-004로 알립니다", note.en = "limits are reported as PAY-004" }

[errors."PAY-002"]
status = 404
message.ko = "결제가 없습니다."
message.en = "No such payment."
deprecated = true

[errors."PAY-003"]
status = 400
message.ko = "쓰지 않는 코드"
message.en = "unused code"
deprecated = false

[errors."PAY-004"]
status = 400
message.ko = "한도를 넘었습니다."
message.en = "Over the limit."

[errors."PAY-005"]
retired = { since = "2026-01", note.ko = "PAY-004로 합침", note.en = "merged into PAY-004" }

[errors."PAY-006"]
retired = true
"#;

fn check(pay: &str) -> Checked {
    check_loaded(load::load_files(
        "spec",
        vec![
            ("catalog.toml".into(), CATALOG.as_bytes().to_vec()),
            ("pay.toml".into(), pay.as_bytes().to_vec()),
        ],
    ))
}

fn catalog() -> Catalog {
    let c = check(PAY);
    assert!(!c.has_errors(), "{:#?}", c.diagnostics);
    c.catalog.unwrap()
}

fn errors_of(pay: &str) -> Vec<Diagnostic> {
    check(pay)
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

#[test]
fn deprecated_and_retired_take_a_table_or_true() {
    let c = catalog();
    let d = c.domain("pay").unwrap();
    let dep = d.error("PAY-001").unwrap().deprecated.as_ref().unwrap();
    assert_eq!(dep.since.as_deref(), Some("2026-11"));
    assert_eq!(dep.replacement.as_deref(), Some("PAY-004"));
    assert!(d.error("PAY-002").unwrap().deprecated.is_some());
    assert!(
        d.error("PAY-003").unwrap().deprecated.is_none(),
        "false = not deprecated"
    );
    assert!(d.entry("PAY-006").unwrap().retired().is_some());
    assert!(
        d.error("PAY-006").is_none(),
        "a tombstone is not a live error"
    );
    let live: Vec<&str> = d.errors().map(|e| e.code.as_str()).collect();
    assert_eq!(live, ["PAY-001", "PAY-002", "PAY-003", "PAY-004"]);
    let retired: Vec<&str> = d.tombstones().map(|t| t.code.as_str()).collect();
    assert_eq!(retired, ["PAY-005", "PAY-006"]);
}

#[test]
fn a_tombstone_needs_no_status_or_message() {
    let c = catalog();
    let Some(Entry::Retired(t)) = c.domain("pay").unwrap().entry("PAY-006") else {
        panic!("PAY-006 is a tombstone");
    };
    assert_eq!(t.status, None);
    assert_eq!(t.message, None);
}

#[test]
fn deprecated_of_the_wrong_type_says_what_to_write() {
    let errors = errors_of(&PAY.replace("deprecated = true", "deprecated = \"yes\""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, Rule::WrongType);
    // `deprecated = true` is the fix to suggest (the table is the longer form).
    assert!(errors[0].title.ko.contains("true"), "{:?}", errors[0].title);
    assert!(
        errors[0].title.en.contains("true or false"),
        "{:?}",
        errors[0].title
    );
}

#[test]
fn a_misspelt_key_inside_deprecated_is_reported_with_a_suggestion() {
    let errors = errors_of(&PAY.replace("replacement = \"PAY-004\"", "replacment = \"PAY-004\""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, Rule::UnknownKey);
    assert!(
        errors[0]
            .help
            .iter()
            .any(|h| h.en == "did you mean `replacement`?"),
        "{:?}",
        errors[0].help
    );
}

#[test]
fn a_replacement_must_be_a_live_code() {
    let errors = errors_of(&PAY.replace("replacement = \"PAY-004\"", "replacement = \"PAY-005\""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, Rule::Lifecycle);
    assert_eq!(errors[0].title.en, "replacement `PAY-005` is retired");
}

#[test]
fn a_bad_replacement_is_reported_at_its_own_entry_when_others_fail_too() {
    let pay = PAY.replace("status = 404", "status = 4040").replace(
        "[errors.\"PAY-004\"]\n",
        "[errors.\"PAY-004\"]\ndeprecated = { replacement = \"PAY-999\" }\n",
    );
    let checked = check(&pay);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let lifecycle = errors.iter().find(|d| d.rule == Rule::Lifecycle).unwrap();
    assert_eq!(
        lifecycle.title.en,
        "replacement `PAY-999` is not a code of this domain"
    );
    let (_, line, _) = lifecycle.location(&checked.sources).unwrap();
    let expected = pay.lines().position(|l| l.contains("PAY-999")).unwrap() + 1;
    assert_eq!(line, expected);
}

#[test]
fn deprecated_and_retired_together_is_an_error() {
    let errors = errors_of(&PAY.replace("retired = true", "retired = true\ndeprecated = true"));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, Rule::Lifecycle);
    assert_eq!(
        errors[0].title.en,
        "`PAY-006` cannot be both deprecated and retired"
    );
}

#[test]
fn an_empty_acknowledgement_is_an_error_at_every_level() {
    for (file, from, to) in [
        (
            "pay",
            "[errors.\"PAY-004\"]\n",
            "[errors.\"PAY-004\"]\nbreaking_change_ok = \" \"\n",
        ),
        (
            "pay",
            "code_format = ",
            "breaking_change_ok = \"\"\ncode_format = ",
        ),
        ("catalog", "name = ", "breaking_change_ok = \"\"\nname = "),
    ] {
        let (catalog, pay) = if file == "pay" {
            (CATALOG.to_owned(), PAY.replace(from, to))
        } else {
            (CATALOG.replace(from, to), PAY.to_owned())
        };
        let checked = check_loaded(load::load_files(
            "spec",
            vec![
                ("catalog.toml".into(), catalog.into_bytes()),
                ("pay.toml".into(), pay.into_bytes()),
            ],
        ));
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        assert_eq!(errors.len(), 1, "{file}: {errors:#?}");
        assert_eq!(errors[0].rule, Rule::EmptyText);
        assert_eq!(errors[0].title.en, "`breaking_change_ok` is empty");
    }
    // A reason is fine anywhere.
    let ok = PAY.replace(
        "[errors.\"PAY-004\"]\n",
        "[errors.\"PAY-004\"]\nbreaking_change_ok = \"2026-11: 상태 정정 (승인: 김결제)\"\n",
    );
    assert!(errors_of(&ok).is_empty());
}

#[test]
fn new_codes_never_take_a_retired_number() {
    let c = catalog();
    let d = c.domain("pay").unwrap();
    // PAY-005 and PAY-006 are retired: the next code is PAY-007, not PAY-005.
    assert_eq!(d.next_free_code(None).as_deref(), Some("PAY-007"));
    // Even when the retired code is the only one with that number range.
    let only_retired = PAY.replace("[errors.\"PAY-006\"]\nretired = true\n", "");
    let c = check(&only_retired).catalog.unwrap();
    assert_eq!(
        c.domain("pay").unwrap().next_free_code(None).as_deref(),
        Some("PAY-006")
    );
}

#[test]
fn explain_shows_the_lifecycle_banners() {
    let c = catalog();
    let d = c.domain("pay").unwrap();
    let ko = explain::render(&c, d, d.entry("PAY-001").unwrap(), Lang::Ko);
    assert!(
        ko.contains("⚠ 사용 중단 예정인 코드입니다 (2026-11부터); 대신 쓸 코드: PAY-004"),
        "{ko}"
    );
    assert!(ko.contains("한도 초과는 PAY-004로 알립니다"), "{ko}");
    let en = explain::render(&c, d, d.entry("PAY-001").unwrap(), Lang::En);
    assert!(
        en.contains("⚠ Deprecated (since 2026-11); use instead: PAY-004"),
        "{en}"
    );
    let tomb = explain::render(&c, d, d.entry("PAY-005").unwrap(), Lang::Ko);
    assert!(
        tomb.contains(
            "⚠ 폐기된 코드입니다: 더 이상 나가지 않으며 다시 쓰지도 않습니다 (2026-01부터)"
        ),
        "{tomb}"
    );
    assert!(tomb.contains("PAY-004로 합침"), "{tomb}");
    assert!(!tomb.contains("HTTP 0"), "{tomb}");
    assert!(!tomb.contains("메시지"), "{tomb}");
}

/// A tombstone is never sent and has no Rust name: its docs page, its Markdown section and
/// `explain` show what it records, and no status it does not have, no example response, no
/// retry flag, no Rust path and no placeholders.
#[test]
fn tombstones_are_documented_without_what_only_a_live_code_has() {
    let pay = format!(
        "{PAY}\n[errors.\"PAY-007\"]\nstatus = 409\nmessage.ko = \"주문 {{order_id}} 충돌\"\nmessage.en = \"order {{order_id}} conflicts\"\nretired = true\n"
    );
    let checked = check(&pay);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    let c = checked.catalog.unwrap();
    let d = c.domain("pay").unwrap();
    let html: std::collections::BTreeMap<String, String> = docs::generate(&c, &Options::default())
        .into_iter()
        .collect();
    let md = docs::generate(
        &c,
        &Options {
            format: Format::Markdown,
            locale: 1,
        },
    );
    let md = &md.iter().find(|(p, _)| p == "pay.md").unwrap().1;
    let md_section = |code: &str| {
        let start = md.find(&format!("### {code}")).unwrap();
        let end = md[start + 4..]
            .find("\n### ")
            .map_or(md.len(), |i| start + 4 + i);
        md[start..end].to_owned()
    };
    for code in ["PAY-006", "PAY-007"] {
        let page = &html[&format!("pay/{code}/index.html")];
        let section = md_section(code);
        let tomb = explain::render(&c, d, d.entry(code).unwrap(), Lang::En);
        for shown in [page, &section, &tomb] {
            assert!(!shown.contains("HTTP 0"), "{code}: {shown}");
            assert!(
                !shown.contains("Code::Pay"),
                "{code}: no Rust path: {shown}"
            );
            assert!(
                !shown.contains("\"code\""),
                "{code}: no example body: {shown}"
            );
            assert!(!shown.contains("Retryable"), "{code}: {shown}");
        }
        assert!(!page.contains("응답 예시"), "{code}: {page}");
        assert!(!section.contains("Example response"), "{code}: {section}");
        assert!(
            !section.contains("****"),
            "{code}: no empty bold message: {section}"
        );
    }
    // PAY-006 records nothing: no status cell, no messages table.
    assert!(!md_section("PAY-006").contains("#### Messages"));
    assert!(md.contains("| [PAY-006](#pay-006) (Retired) |  |"), "{md}");
    // PAY-007 keeps its status and message for the record, not its placeholders.
    let page = &html["pay/PAY-007/index.html"];
    assert!(page.contains("409"), "{page}");
    assert!(!page.contains("class=\"fields\""), "{page}");
    assert!(md_section("PAY-007").contains("#### Messages"));
    assert!(!md_section("PAY-007").contains("#### Placeholders"));
    let tomb = explain::render(&c, d, d.entry("PAY-007").unwrap(), Lang::En);
    assert!(tomb.contains("409 Conflict"), "{tomb}");
    assert!(!tomb.contains("Placeholders"), "{tomb}");
    // The search data gives no status to a code without one, and offers no status 0.
    let index = &html["index.html"];
    let pay006 = &index[index.find(r#""c":"PAY-006""#).unwrap()..];
    let pay006 = &pay006[..pay006.find('}').unwrap()];
    assert!(pay006.contains(r#""s":null"#), "{pay006}");
    assert!(!index.contains("[0,\"\"]"), "{index}");
}

#[test]
fn generated_code_marks_deprecated_codes_and_leaves_retired_ones_out() {
    let src = generate(&catalog(), &RustOptions::default());
    assert!(
        src.contains("note = \"since 2026-11; "),
        "deprecated attribute with its since (in the note: clippy denies non-semver `since`)"
    );
    assert!(src.contains(
        "note = \"since 2026-11; use `PAY-004` instead; 한도 초과는 PAY-004로 알립니다\""
    ));
    assert!(src.contains("#![allow(deprecated)]"));
    assert!(
        !src.contains("\"PAY-005\""),
        "a retired code is never generated"
    );
    assert!(!src.contains("Pay005"));
    // `deprecated = true`: a bare attribute, not an empty note.
    assert!(src.contains("#[deprecated]"));
    assert!(!src.contains("note = \"\""));
}

/// Compiles the `payment-errors` crate's sources around code generated from [`PAY`] (check
/// only, no codegen), then a user of it: the deprecated code warns its users, the generated
/// crate itself compiles without a warning, and a retired code does not exist.
#[test]
fn the_generated_crate_compiles_and_warns_users_of_deprecated_codes() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lifecycle-crate");
    let _ = std::fs::remove_dir_all(&out);
    // The crate's sources with this catalog in place of the repository's.
    let krate = Path::new(env!("CARGO_MANIFEST_DIR")).join("../payment-errors");
    copy_dir(&krate.join("src"), &out.join("src"));
    std::fs::write(
        out.join("src/catalog.rs"),
        generate(&catalog(), &RustOptions::default()),
    )
    .unwrap();
    let lib = out.join("src/lib.rs");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rmeta = out.join("libpayment_errors.rmeta");
    let compile = |args: &[&std::ffi::OsStr]| {
        let o = Command::new(&rustc)
            .args([
                "--edition",
                "2024",
                "--crate-type",
                "lib",
                "--emit=metadata",
            ])
            .args(args)
            .output()
            .expect("rustc");
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    // The shared core crate, as cargo built it for this test (codegen depends on it too).
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    let core = newest(&deps, "libpayment_errors_core-", ".rlib");
    let core = format!("payment_errors_core={}", core.display());
    let search = format!("dependency={}", deps.display());
    let (ok, err) = compile(&[
        "--extern".as_ref(),
        core.as_ref(),
        "--crate-name".as_ref(),
        "payment_errors".as_ref(),
        "-D".as_ref(),
        "warnings".as_ref(),
        "-o".as_ref(),
        rmeta.as_os_str(),
        lib.as_os_str(),
    ]);
    assert!(
        ok,
        "the generated crate must compile without warnings:\n{err}"
    );

    let user = |name: &str, body: &str| {
        let file = out.join(format!("{name}.rs"));
        std::fs::write(&file, body).unwrap();
        let dep = format!("payment_errors={}", rmeta.display());
        let o = out.join(format!("lib{name}.rmeta"));
        compile(&[
            "-L".as_ref(),
            search.as_ref(),
            "--extern".as_ref(),
            dep.as_ref(),
            "-D".as_ref(),
            "deprecated".as_ref(),
            "-o".as_ref(),
            o.as_os_str(),
            file.as_os_str(),
        ])
    };
    let (ok, err) = user(
        "uses_live",
        "pub fn f() -> payment_errors::pay::Code { payment_errors::pay::Code::Pay004 }",
    );
    assert!(ok, "{err}");
    let (ok, err) = user(
        "uses_deprecated",
        "pub fn f() -> payment_errors::pay::Code { payment_errors::pay::Code::Pay001 }",
    );
    assert!(!ok);
    assert!(
        err.contains("use of deprecated unit variant `payment_errors::pay::Code::Pay001`: since 2026-11; use `PAY-004` instead"),
        "{err}"
    );
    let (ok, err) = user(
        "builds_deprecated",
        "pub fn f() -> payment_errors::pay::Error { payment_errors::pay::Error::Pay001 { amount: 1.to_string() } }",
    );
    assert!(!ok);
    assert!(err.contains("use of deprecated"), "{err}");
    let (ok, err) = user(
        "uses_retired",
        "pub fn f() -> payment_errors::pay::Code { payment_errors::pay::Code::Pay005 }",
    );
    assert!(!ok);
    assert!(err.contains("Pay005"), "{err}");
}

/// The newest file in `dir` named `{prefix}…{suffix}`.
fn newest(dir: &Path, prefix: &str, suffix: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
        .unwrap_or_else(|| panic!("no {prefix}*{suffix} in {}", dir.display()))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Thousands of broken references stay linear (issue 14): each is reported, and the first
/// 50 of a file (what a person is shown) say which code was probably meant.
#[test]
fn many_misspelt_replacements_are_all_reported_and_the_first_fifty_get_a_suggestion() {
    let mut pay = PAY.to_owned();
    for i in 0..60 {
        pay.push_str(&format!(
            "\n[errors.\"PAY-{n}\"]\nstatus = 400\nmessage.ko = \"옛 코드\"\nmessage.en = \"Old\"\n\
             deprecated = {{ replacement = \"PAY-04\" }}\n",
            n = 100 + i
        ));
    }
    let errors = errors_of(&pay);
    assert_eq!(errors.len(), 60, "{errors:#?}");
    let suggests = |d: &Diagnostic| d.help.iter().any(|h| h.en.contains("`PAY-004`"));
    assert!(errors[..50].iter().all(suggests), "{:#?}", errors[0].help);
    assert!(!errors[50..].iter().any(suggests), "{:#?}", errors[59].help);
}
