//! `errspec explain CODE`: the binary on the repo's spec and on fixtures, and the lookup on any
//! input.

use std::path::PathBuf;
use std::process::{Command, Output};

use codegen::diagnostic::Lang;
use codegen::emit::explain::{Lookup, answer, lookup};
use codegen::model::Catalog;
use proptest::prelude::*;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir(name: &str) -> String {
    manifest_dir()
        .join("tests/fixtures")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn catalog(dir: &str) -> Catalog {
    codegen::check_dir(std::path::Path::new(dir))
        .unwrap()
        .catalog
        .expect("valid spec")
}

/// Runs `errspec explain ARGS` from the repository root, in a neutral locale.
fn explain(args: &[&str]) -> (i32, String, String) {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .arg("explain")
        .args(args)
        .current_dir(manifest_dir().join(".."))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("COLUMNS", "100")
        .output()
        .expect("errspec runs");
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_code_explained_in_korean() {
    let (code, out, err) = explain(&["NOT_FOUND_PAYMENT_SESSION"]);
    assert_eq!(code, 0, "{err}");
    for want in [
        "NOT_FOUND_PAYMENT_SESSION\n=========================\n결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.\n",
        "도메인        토스페이먼츠 API (toss, 연동사 코드)",
        "HTTP 상태     404 Not Found",
        "발생하는 API  결제 승인 (payment_confirm)",
        "재시도        원인을 고친 뒤에만 다시",
        "  ko  결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.",
        "  en  Payment session does not exist because the session time has expired.",
        "설명\n  결제 세션은 결제창을 호출한 시점부터 30분 동안 유효합니다.",
        "조치\n  결제창을 호출하고 30분 안에 승인을 요청하세요.",
        "응답 예시 (HTTP 404)\n  {\n    \"code\": \"NOT_FOUND_PAYMENT_SESSION\",",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // The repository's catalog has no docs_url (issue 13: no made-up address): no link.
    assert!(!out.contains("문서: http"), "{out}");
}

#[test]
fn a_code_explained_in_english_with_category_and_placeholders() {
    let (code, out, err) = explain(&["EBP-A-0001", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    for want in [
        "EBP-A-0001\n==========\nMissing Mandatory Headers\n",
        "HTTP status  400 Bad Request\nDomain       EBP payment API (ebp)\nCategory     A Authentication error\nOutcome      nothing applied (the payment was not touched) (default)\nRetry        only once the cause is fixed (default)\n",
        "What it means\n  Occurs when a header the API requires is missing",
        "What to do\n  Add the headers listed in `error.errorDetails[].header`",
        "\"resultCode\": \"EBP-A-0001\"",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    let (code, out, _) = explain(&["BANK_CODE_NOT_MAPPED", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Placeholders\n  {bankCode}: string, e.g. 99"),
        "{out}"
    );
    assert!(out.contains("errorType    TossBankCodeException"), "{out}");
}

#[test]
fn lines_fit_the_terminal() {
    let (_, out, _) = explain(&["GATEWAY_CANCEL_FAILED"]);
    for line in out.lines().filter(|l| !l.trim_start().starts_with('"')) {
        let width: usize = line
            .chars()
            .map(|c| {
                if ('\u{1100}'..='\u{D7A3}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum();
        assert!(width <= 100, "{width}: {line}");
    }
    // The explanation's hard-wrapped source lines are joined and rewrapped.
    assert!(
        out.contains("서버와 토스페이먼츠 사이의 결제 취소 요청에서 난 에러입니다. 응답의"),
        "{out}"
    );
}

#[test]
fn codes_are_found_in_any_case() {
    let (code, out, _) = explain(&["not_found_payment", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("NOT_FOUND_PAYMENT\n"), "{out}");
}

#[test]
fn a_code_in_two_domains_asks_which() {
    let dir = fixture_dir("ambiguous");
    let (code, out, err) = explain(&["SHARED_CODE", "--dir", &dir]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("`SHARED_CODE` 코드는 여러 도메인에 있습니다"),
        "{err}"
    );
    assert!(
        err.contains("alpha:SHARED_CODE  알파 API — HTTP 400 · 알파의 공유 코드"),
        "{err}"
    );
    assert!(
        err.contains("beta:SHARED_CODE   베타 연동사 — HTTP 502 · 베타의 공유 코드"),
        "{err}"
    );
    assert!(err.contains("errspec explain alpha:SHARED_CODE"), "{err}");
    assert!(err.contains("--domain alpha"), "{err}");

    let (code, _, err) = explain(&["SHARED_CODE", "--dir", &dir, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("`SHARED_CODE` exists in several domains; pick one:"),
        "{err}"
    );

    // Either way of picking works.
    let (code, out, _) = explain(&["beta:SHARED_CODE", "--dir", &dir, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Beta's shared code") && out.contains("HTTP status  502 Bad Gateway"),
        "{out}"
    );
    let (code, out, _) = explain(&["SHARED_CODE", "--domain", "alpha", "--dir", &dir]);
    assert_eq!(code, 0);
    assert!(
        out.contains("알파의 공유 코드") && out.contains("알파에서 납니다."),
        "{out}"
    );
}

#[test]
fn unknown_codes_get_did_you_mean() {
    let (code, out, err) = explain(&["NOT_FOUND_PAYMNT"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("`NOT_FOUND_PAYMNT` 코드는 스펙에 없습니다"),
        "{err}"
    );
    assert!(
        err.contains("이 코드를 찾으셨나요? NOT_FOUND_PAYMENT (toss)"),
        "{err}"
    );

    let (_, _, err) = explain(&["EBP-A-001", "--lang", "en"]);
    assert!(err.contains("help: did you mean EBP-A-0001 (ebp)"), "{err}");
    // Separators and case do not matter.
    let (_, _, err) = explain(&["ebp a 0001", "--lang", "en"]);
    assert!(err.contains("did you mean EBP-A-0001 (ebp)"), "{err}");
    // Words of a message or an explanation find codes too.
    let (_, _, err) = explain(&["세션"]);
    assert!(err.contains("NOT_FOUND_PAYMENT_SESSION (toss)"), "{err}");
    // Nothing close: a hint where to look instead.
    let (code, _, err) = explain(&["QQQQQQQQQQQQ", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("help: errspec check lists the domains"),
        "{err}"
    );
}

#[test]
fn unknown_domains_are_named() {
    let dir = fixture_dir("ambiguous");
    let (code, _, err) = explain(&["alpah:SHARED_CODE", "--dir", &dir, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: no domain `alpah` in the spec (domains: alpha, beta)"),
        "{err}"
    );
    assert!(err.contains("help: did you mean alpha?"), "{err}");
    let (code, _, err) = explain(&["SHARED_CODE", "--domain", "gamma", "--dir", &dir]);
    assert_eq!(code, 1);
    assert!(err.contains("`gamma` 도메인은 스펙에 없습니다"), "{err}");
}

#[test]
fn odd_input_never_panics() {
    for input in [
        "",
        " ",
        ":",
        "::",
        "a:",
        ":b",
        "toss:",
        "🙂",
        "<script>",
        "ㅋㅋㅋ",
        "%%%",
        "-",
        "--",
        "EBP--",
        "\u{202E}EDOC",
    ] {
        let (code, _, err) = explain(&[input]);
        assert!(code == 1 || code == 2, "{input:?}: exit {code}: {err}");
        assert!(!err.contains("panicked"), "{input:?}: {err}");
    }
    let long = "A".repeat(10_000);
    let (code, _, err) = explain(&[&long]);
    assert_eq!(code, 1, "{err}");
    // No code given at all.
    let (code, _, err) = explain(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("코드를 주세요"), "{err}");
}

#[test]
fn deprecated_and_retired_codes_say_so() {
    let dir = fixture_dir("hostile");
    let (code, out, _) = explain(&["DEPRECATED_ONE", "--dir", &dir]);
    assert_eq!(code, 0);
    assert!(
        out.contains("⚠ 사용 중단 예정인 코드입니다 (2024-01부터); 대신 쓸 코드: XSS_CODE"),
        "{out}"
    );
    assert!(out.contains("  <b>이유</b>"), "{out}");
    let (code, out, _) = explain(&["RETIRED_ONE", "--dir", &dir, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("⚠ Retired: no longer sent, and never reused (since 2023-06)"),
        "{out}"
    );
    assert!(out.contains("  never reused"), "{out}");
}

#[test]
fn lookup_outcomes() {
    let c = catalog(&fixture_dir("ambiguous"));
    assert!(matches!(lookup(&c, "ALPHA_ONLY", None), Lookup::Found(d, _) if d.id == "alpha"));
    assert!(matches!(lookup(&c, "SHARED_CODE", None), Lookup::Ambiguous(h) if h.len() == 2));
    assert!(
        matches!(lookup(&c, " beta : SHARED_CODE ", None), Lookup::Found(d, _) if d.id == "beta")
    );
    assert!(matches!(
        lookup(&c, "SHARED_CODE", Some("gamma")),
        Lookup::UnknownDomain(..)
    ));
    assert!(
        matches!(lookup(&c, "BETA_TIMEOUT", Some("alpha")), Lookup::NotFound(close) if close == [("beta", "BETA_TIMEOUT")])
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn answer_never_panics(code in "\\PC{0,40}", domain in proptest::option::of("[a-z:]{0,8}")) {
        let c = catalog(&fixture_dir("ambiguous"));
        for lang in [Lang::Ko, Lang::En] {
            let _ = answer(&c, &code, domain.as_deref(), lang, 80);
        }
    }
}
