//! What an error means for the payment, end to end through `errspec`: `explain` says what
//! happened, how to retry and who acts for the issue's four codes in both languages, and a
//! provider code added without a row in its map shows in `check`'s coverage line, as a
//! warning, and fails with `--strict` or the map's `strict = true`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn errspec(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(cwd)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("COLUMNS", "200")
        .output()
        .expect("errspec runs");
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn explain_states_what_happened_how_to_retry_and_who_acts() {
    // (code, Korean lines, English lines)
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "DUPLICATED_ORDER_ID",
            &[
                "결제 결과     처리되지 않음",
                "재시도        새 멱등 키·새 주문번호로 다시",
                "조치할 사람   가맹점 연동",
                "첫 실패 뒤    새 키(새 주문번호)로 다시 보냄",
            ],
            &[
                "Outcome      nothing applied",
                "Retry        with a new idempotency key or order ID",
                "Who acts     the merchant's integration",
                "Next step    retry with a new key",
            ],
        ),
        (
            "NOT_FOUND_PAYMENT_SESSION",
            &[
                "재시도        원인을 고친 뒤에만 다시",
                "조치할 사람   구매자",
                "첫 실패 뒤    중단",
            ],
            &[
                "Retry        only once the cause is fixed",
                "Who acts     the customer",
                "Next step    give up",
            ],
        ),
        (
            "EBP-C-0011",
            &[
                "결제 결과    결과 모름 (결제 상태를 조회하거나 망취소하세요) (기본값)",
                "재시도       같은 요청을 같은 키로 다시",
                "조치할 사람  스펙에 없음",
                "첫 실패 뒤   바로 같은 키로 다시 보냄",
            ],
            &[
                "Outcome      unknown (check the payment's status or net-cancel) (default)",
                "Retry        the same request again, same key",
                "Who acts     not stated",
                "Next step    retry now, same key",
            ],
        ),
        (
            "CANCEL_PERIOD_EXPIRED",
            &[
                "결제 결과     처리되지 않음",
                "재시도        재시도 불가 (다시 해도 성공하지 않습니다)",
                "조치할 사람   스펙에 없음",
                "첫 실패 뒤    중단",
            ],
            &[
                "Retry        never (it can never succeed)",
                "Who acts     not stated",
                "Next step    give up",
            ],
        ),
    ];
    for (code, ko, en) in cases {
        let (status, out, err) = errspec(&["explain", code], &repo());
        assert_eq!(status, 0, "{code}: {err}");
        for line in *ko {
            assert!(out.contains(line), "{code} (ko) lacks {line:?}:\n{out}");
        }
        let (status, out, err) = errspec(&["explain", code, "--lang", "en"], &repo());
        assert_eq!(status, 0, "{code}: {err}");
        for line in *en {
            assert!(out.contains(line), "{code} (en) lacks {line:?}:\n{out}");
        }
    }
}

/// A copy of the repo's spec in a fresh directory (no generated crate next to it, so `check`
/// writes nothing), with `edit` applied to toss.toml.
fn spec_with_toss(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errspec-payment-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(repo().join("error-spec")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let mut text = std::fs::read_to_string(&p).unwrap();
            if p.file_name().unwrap() == "toss.toml" {
                text = edit(text);
            }
            std::fs::write(dir.join(p.file_name().unwrap()), text).unwrap();
        }
    }
    dir
}

const NEW_CODE: &str = r#"
[errors.ALREADY_CANCELED_PAYMENT]
status = 400
operations = ["payment_cancel"]
message.ko = "이미 취소된 결제 입니다."
message.en = "The payment is already canceled."
"#;

#[test]
fn the_repo_spec_maps_every_cancel_code() {
    let (status, out, err) = errspec(
        &["check", "error-spec", "--locked", "--lang", "en"],
        &repo(),
    );
    assert_eq!(status, 0, "{out}{err}");
    assert!(
        out.contains("map toss → cancel [payment_cancel]: 2 of 2 mapped, 0 only fall back to `GATEWAY_CANCEL_FAILED`"),
        "{out}"
    );
}

#[test]
fn a_new_provider_code_without_a_row_shows_in_coverage_and_fails_when_strict() {
    let dir = spec_with_toss("unmapped", |t| format!("{t}{NEW_CODE}"));
    let d = dir.to_str().unwrap();
    let (status, out, err) = errspec(&["check", d, "--lang", "en"], &repo());
    assert_eq!(status, 0, "a warning only: {out}{err}");
    assert!(
        out.contains("map toss → cancel [payment_cancel]: 2 of 3 mapped, 1 only fall back to `GATEWAY_CANCEL_FAILED`: ALREADY_CANCELED_PAYMENT"),
        "{out}"
    );
    assert!(out.contains("warning[W047]"), "{out}");
    let (status, out, _) = errspec(&["check", d, "--strict", "--lang", "en"], &repo());
    assert_eq!(status, 1, "--strict fails: {out}");
    let (_, out_ko, _) = errspec(&["check", d], &repo());
    assert!(
        out_ko.contains("매핑 toss → cancel [payment_cancel]: 코드 3개 중 2개 매핑, 1개는 fallback `GATEWAY_CANCEL_FAILED`로만: ALREADY_CANCELED_PAYMENT"),
        "{out_ko}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // The map's own setting makes it an error without --strict.
    let dir = spec_with_toss("strict", |t| {
        format!("{t}{NEW_CODE}").replace(
            "fallback = \"GATEWAY_CANCEL_FAILED\"\n",
            "fallback = \"GATEWAY_CANCEL_FAILED\"\nstrict = true\n",
        )
    });
    let (status, out, _) = errspec(&["check", dir.to_str().unwrap(), "--lang", "en"], &repo());
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("error[E048]") && out.contains("ALREADY_CANCELED_PAYMENT"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // A row for it makes the warning go away.
    let dir = spec_with_toss("mapped", |t| {
        format!("{t}{NEW_CODE}").replace(
            "NOT_CANCELABLE_PAYMENT = \"GATEWAY_CANCEL_FAILED\"\n",
            "NOT_CANCELABLE_PAYMENT = \"GATEWAY_CANCEL_FAILED\"\nALREADY_CANCELED_PAYMENT = \"GATEWAY_CANCEL_FAILED\"\n",
        )
    });
    let (status, out, _) = errspec(
        &["check", dir.to_str().unwrap(), "--strict", "--lang", "en"],
        &repo(),
    );
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("3 of 3 mapped"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_envelope_can_carry_the_payment_meaning() {
    let dir = std::env::temp_dir().join(format!("errspec-payment-envelope-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        "[catalog]\nname = \"t\"\nlocales = [\"ko\", \"en\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("pay.toml"),
        r#"[domain]
title.ko = "결제"
title.en = "Pay"

[envelope.body]
code = "{code}"
outcome = "{outcome}"
retry = "{retry}"
retryAfter = "{retry_after}"
actor = "{actor}"

[errors.SYSTEM_BUSY]
status = 503
message.ko = "잠시 후 다시 시도하세요."
message.en = "Try again later."
payment.retry = "same_key"
payment.retry_after = 30
payment.actor = "provider"
"#,
    )
    .unwrap();
    let (status, out, err) = errspec(
        &[
            "explain",
            "SYSTEM_BUSY",
            "--dir",
            dir.to_str().unwrap(),
            "--lang",
            "en",
        ],
        &repo(),
    );
    assert_eq!(status, 0, "{err}");
    for want in [
        r#""outcome":"unknown""#,
        r#""retry":"same_key""#,
        r#""retryAfter":30"#,
        r#""actor":"provider""#,
    ] {
        assert!(out.contains(want), "{want} not in\n{out}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
