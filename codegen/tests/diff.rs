//! `errspec diff`: every kind of change, from a fixture pair, gets the right class and wording
//! in Korean and English; acknowledgements; the command's formats and exit codes; and a git
//! repository built from copies of the repo's spec.
//!
//! A case holds only what it changes: `fixtures/diff/base/` is a small spec, and
//! `fixtures/diff/cases/<case>/{old,new}/` each overlay it with the files that side changes
//! (`<file>.deleted` removes a base file; a side without a folder is the base as is). The test
//! assembles both sides under cargo's scratch space.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use codegen::diagnostic::Lang;
use codegen::diff::review::{self, Format};
use codegen::diff::side::{Side, Source};
use codegen::diff::{AckState, Class, Review};

fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

/// Every case assembled: `<root>/<case>/{old,new}/`, the base with the case's overlays.
fn fixtures() -> PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = scratch("cases");
        for case in CASES.iter().map(|c| c.dir).chain(OTHERS) {
            for side in ["old", "new"] {
                assemble(
                    &root.join(case).join(side),
                    &sources().join("cases").join(case).join(side),
                );
            }
        }
        root
    })
    .clone()
}

/// Copies the base into `to`, then the overlay (when there is one) over it.
fn assemble(to: &Path, overlay: &Path) {
    copy_dir(&sources().join("base"), to);
    let Ok(entries) = std::fs::read_dir(overlay) else {
        return;
    };
    for e in entries {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".deleted") {
            Some(removed) => std::fs::remove_file(to.join(removed)).unwrap(),
            None => {
                std::fs::copy(e.path(), to.join(&name)).unwrap();
            }
        }
    }
}

fn review_of(case: &str) -> Review {
    let load = |side: &str| {
        Side::load(&Source::Dir(fixtures().join(case).join(side)))
            .unwrap_or_else(|e| panic!("{case}/{side}: {}", e.describe(side, Lang::En)))
    };
    Review::new(&load("old"), &load("new"))
}

/// A case: the change that must be found (kind, class, code) and its line in both languages.
struct Case {
    dir: &'static str,
    kind: &'static str,
    class: Class,
    ko: &'static str,
    en: &'static str,
}

const B: Class = Class::Breaking;
const C: Class = Class::Compatible;

const CASES: &[Case] = &[
    // Breaking.
    Case {
        dir: "code_removed",
        kind: "code-removed",
        class: B,
        ko: "PAY-002: 폐기 표시 없이 코드 삭제 — 호환성을 깨는 변경",
        en: "PAY-002: code removed without retiring it — breaking change",
    },
    Case {
        dir: "status_changed",
        kind: "status-changed",
        class: B,
        ko: "NOT_FOUND_PAYMENT: HTTP 404 → 400 — 호환성을 깨는 변경",
        en: "NOT_FOUND_PAYMENT: HTTP 404 → 400 — breaking change",
    },
    Case {
        dir: "category_changed",
        kind: "category-changed",
        class: B,
        ko: "PAY-004: 분류 S → C — 호환성을 깨는 변경",
        en: "PAY-004: category S → C — breaking change",
    },
    Case {
        dir: "placeholder_removed",
        kind: "placeholder-removed",
        class: B,
        ko: "PAY-001: 자리표시자 {paymentId} 삭제 — 호환성을 깨는 변경",
        en: "PAY-001: placeholder {paymentId} removed — breaking change",
    },
    Case {
        dir: "placeholder_renamed",
        kind: "placeholder-renamed",
        class: B,
        ko: "PAY-001: 자리표시자 {paymentId} → {paymentKey} — 호환성을 깨는 변경",
        en: "PAY-001: placeholder {paymentId} renamed to {paymentKey} — breaking change",
    },
    Case {
        dir: "placeholder_added",
        kind: "placeholder-added",
        class: B,
        ko: "PAY-002: 자리표시자 {amount} 추가 — 호환성을 깨는 변경",
        en: "PAY-002: placeholder {amount} added — breaking change",
    },
    Case {
        dir: "code_renamed_same_message",
        kind: "code-renamed",
        class: B,
        ko: "NOT_FOUND_PAYMENT → PAYMENT_NOT_FOUND: 코드 이름을 바꾼 것으로 보입니다 (메시지가 같음) — 호환성을 깨는 변경",
        en: "NOT_FOUND_PAYMENT → PAYMENT_NOT_FOUND: wire code renamed, it seems (same message) — breaking change",
    },
    Case {
        dir: "code_renamed_same_rust_name",
        kind: "code-renamed",
        class: B,
        ko: "PAY-002 → PAY-010: 코드 이름을 바꾼 것으로 보입니다 (Rust 이름이 같음) — 호환성을 깨는 변경",
        en: "PAY-002 → PAY-010: wire code renamed, it seems (same Rust name) — breaking change",
    },
    Case {
        dir: "domain_removed",
        kind: "domain-removed",
        class: B,
        ko: "도메인 삭제 (코드 2개) — 호환성을 깨는 변경",
        en: "domain removed (2 codes) — breaking change",
    },
    Case {
        dir: "locale_removed",
        kind: "locale-removed",
        class: B,
        ko: "언어 en 삭제 — 호환성을 깨는 변경",
        en: "locale en removed — breaking change",
    },
    Case {
        dir: "default_locale_changed",
        kind: "default-locale-changed",
        class: B,
        ko: "기본 언어 ko → en — 호환성을 깨는 변경",
        en: "default locale ko → en — breaking change",
    },
    Case {
        dir: "retired_code_reused",
        kind: "retired-code-reused",
        class: B,
        ko: "PAY-003: 폐기된 코드를 다시 씀 — 호환성을 깨는 변경",
        en: "PAY-003: retired code reused — breaking change",
    },
    Case {
        dir: "retired_code_deleted",
        kind: "retired-code-deleted",
        class: B,
        ko: "PAY-003: 폐기된 코드의 기록 삭제 — 호환성을 깨는 변경",
        en: "PAY-003: retired code's record deleted — breaking change",
    },
    Case {
        dir: "error_type_changed",
        kind: "error-type-changed",
        class: B,
        ko: "PAY-001: errorType NotFoundException → PaymentNotFoundException — 호환성을 깨는 변경",
        en: "PAY-001: errorType NotFoundException → PaymentNotFoundException — breaking change",
    },
    Case {
        dir: "rust_name_changed",
        kind: "rust-name-changed",
        class: B,
        ko: "PAY-004: Rust 이름 Pay004 → SystemFailure — 호환성을 깨는 변경",
        en: "PAY-004: Rust name Pay004 → SystemFailure — breaking change",
    },
    Case {
        dir: "category_removed",
        kind: "category-removed",
        class: B,
        ko: "분류 S 삭제 — 호환성을 깨는 변경",
        en: "category S removed — breaking change",
    },
    // Compatible.
    Case {
        dir: "code_added",
        kind: "code-added",
        class: C,
        ko: "PAY-005: 코드 추가 (HTTP 409) — 호환되는 변경",
        en: "PAY-005: code added (HTTP 409) — compatible change",
    },
    Case {
        dir: "wording_changed",
        kind: "message-changed",
        class: C,
        ko: "PAY-002: 메시지(ko) 변경: \"금액이 너무 큽니다.\" → \"결제 금액이 한도를 넘었습니다.\" — 호환되는 변경",
        en: "PAY-002: message (ko) changed: \"금액이 너무 큽니다.\" → \"결제 금액이 한도를 넘었습니다.\" — compatible change",
    },
    Case {
        dir: "explanation_changed",
        kind: "explanation-changed",
        class: C,
        ko: "PAY-001: 설명 변경 (ko) — 호환되는 변경",
        en: "PAY-001: explanation changed (ko) — compatible change",
    },
    Case {
        dir: "explanation_changed",
        kind: "action-changed",
        class: C,
        ko: "PAY-001: 조치 추가 (ko, en) — 호환되는 변경",
        en: "PAY-001: action added (ko, en) — compatible change",
    },
    Case {
        dir: "translation_added",
        kind: "translation-added",
        class: C,
        ko: "INVALID_CARD: 메시지 번역 추가(en): \"The card details are invalid.\" — 호환되는 변경",
        en: "INVALID_CARD: message translation added (en): \"The card details are invalid.\" — compatible change",
    },
    Case {
        dir: "deprecation_added",
        kind: "deprecation-added",
        class: C,
        ko: "PAY-002: 사용 중단 예정으로 표시 (대신 쓸 코드: PAY-004) — 호환되는 변경",
        en: "PAY-002: deprecated (use PAY-004 instead) — compatible change",
    },
    Case {
        dir: "code_retired",
        kind: "code-retired",
        // Retiring removes the code's Rust variants (issue 13).
        class: B,
        ko: "PAY-002: 폐기 (기록은 남김) — 호환성을 깨는 변경",
        en: "PAY-002: retired (its record is kept) — breaking change",
    },
    Case {
        dir: "retired_code_recorded",
        kind: "retired-code-recorded",
        class: C,
        ko: "PAY-009: 폐기된 코드로 기록 추가 — 호환되는 변경",
        en: "PAY-009: recorded as a retired code — compatible change",
    },
    Case {
        dir: "domain_added",
        kind: "domain-added",
        class: C,
        ko: "도메인 추가 (코드 1개) — 호환되는 변경",
        en: "domain added (1 code) — compatible change",
    },
    Case {
        dir: "locale_added",
        kind: "locale-added",
        class: C,
        ko: "언어 ja 추가 — 호환되는 변경",
        en: "locale ja added — compatible change",
    },
    Case {
        dir: "retry_loosened",
        kind: "retry-changed",
        class: B,
        ko: "PAY-004: 재시도 same_key, retry_after 60 → same_key, retry_after 5 (클라이언트가 더 많이 재시도합니다) — 호환성을 깨는 변경",
        en: "PAY-004: retry same_key, retry_after 60 → same_key, retry_after 5 (clients retry more) — breaking change",
    },
    Case {
        dir: "retry_tightened",
        kind: "retry-changed",
        class: C,
        ko: "PAY-004: 재시도 same_key, max_attempts 5 → same_key, max_attempts 2 — 호환되는 변경",
        en: "PAY-004: retry same_key, max_attempts 5 → same_key, max_attempts 2 — compatible change",
    },
    Case {
        dir: "outcome_changed",
        kind: "outcome-changed",
        class: B,
        ko: "PAY-004: 결제 결과 unknown → failed — 호환성을 깨는 변경",
        en: "PAY-004: payment outcome unknown → failed — breaking change",
    },
    Case {
        dir: "actor_changed",
        kind: "actor-changed",
        class: C,
        ko: "PAY-004: 조치할 사람 - → provider — 호환되는 변경",
        en: "PAY-004: who acts - → provider — compatible change",
    },
    Case {
        dir: "retryable_changed",
        kind: "retryable-changed",
        class: C,
        ko: "PAY-004: 재시도 가능 → 불가 — 호환되는 변경",
        en: "PAY-004: retryable: yes → no — compatible change",
    },
    Case {
        dir: "translation_removed",
        kind: "translation-removed",
        class: C,
        ko: "INVALID_CARD: 메시지 번역 삭제(en): 기본 언어 글을 대신 씁니다 — 호환되는 변경",
        en: "INVALID_CARD: message translation removed (en): the default text is used — compatible change",
    },
];

#[test]
fn every_kind_of_change_gets_its_class_and_wording() {
    for case in CASES {
        let review = review_of(case.dir);
        let found: Vec<_> = review
            .changes
            .iter()
            .filter(|c| c.kind.slug() == case.kind)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{}: expected one {} among {:#?}",
            case.dir,
            case.kind,
            review.changes
        );
        let change = found[0];
        assert_eq!(change.class(), case.class, "{}", case.dir);
        assert_eq!(review::line(change, Lang::Ko), case.ko, "{}", case.dir);
        assert_eq!(review::line(change, Lang::En), case.en, "{}", case.dir);
        // A change of one class only: no stray breaking change in a compatible case, and the
        // verdict follows.
        let breaking = review.changes.iter().any(|c| c.class() == Class::Breaking);
        assert_eq!(
            breaking,
            case.class == B,
            "{}: {:#?}",
            case.dir,
            review.changes
        );
        assert_eq!(review.passes(), case.class == C, "{}", case.dir);
    }
}

/// Cases tested on their own below (`no_change` has no overlay at all).
const OTHERS: [&str; 5] = [
    "no_change",
    "acknowledged",
    "acknowledged_in_domain",
    "acknowledged_in_catalog",
    "stale_acknowledgement",
];

#[test]
fn every_fixture_is_a_case() {
    let mut dirs: Vec<String> = std::fs::read_dir(sources().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    for d in dirs {
        assert!(
            CASES.iter().any(|c| c.dir == d) || OTHERS.contains(&d.as_str()),
            "fixtures/diff/cases/{d} is not tested"
        );
    }
}

#[test]
fn an_overlay_holds_only_what_its_side_changes() {
    let base = sources().join("base");
    for case in std::fs::read_dir(sources().join("cases")).unwrap() {
        for side in std::fs::read_dir(case.unwrap().path()).unwrap() {
            for file in std::fs::read_dir(side.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let name = path.file_name().unwrap();
                let same = std::fs::read(base.join(name)).ok() == std::fs::read(&path).ok();
                assert!(!same, "{} is a copy of the base: remove it", path.display());
            }
        }
    }
}

#[test]
fn a_rename_is_one_change_not_a_removal_and_an_addition() {
    let review = review_of("code_renamed_same_message");
    assert_eq!(review.changes.len(), 1, "{:#?}", review.changes);
}

#[test]
fn reusing_a_retired_code_suggests_the_next_free_one() {
    let review = review_of("retired_code_reused");
    let text = review::render(&review, Lang::Ko, Format::Text);
    assert!(text.contains("다음 빈 코드: PAY-005"), "{text}");
    let text = review::render(&review, Lang::En, Format::Text);
    assert!(text.contains("next free: PAY-005"), "{text}");
}

#[test]
fn no_change_passes_and_says_so() {
    let review = review_of("no_change");
    assert!(review.changes.is_empty(), "{:#?}", review.changes);
    assert!(review.passes());
    let ko = review::render(&review, Lang::Ko, Format::Text);
    assert!(ko.contains("결과: 바뀐 것이 없습니다."), "{ko}");
    let en = review::render(&review, Lang::En, Format::Text);
    assert!(en.contains("Result: no changes."), "{en}");
}

#[test]
fn an_acknowledgement_in_the_changed_entry_lets_it_pass_and_is_shown() {
    for (dir, text) in [
        (
            "acknowledged",
            "2026-11: 404가 아니라 400이 맞아 바로잡음 (승인: 김결제)",
        ),
        (
            "acknowledged_in_domain",
            "2026-11: 한 번도 배포되지 않은 코드라 지움 (승인: 김결제)",
        ),
        (
            "acknowledged_in_catalog",
            "2026-11: 토스페이먼츠 연동 종료 (승인: 김결제)",
        ),
    ] {
        let review = review_of(dir);
        assert!(review.passes(), "{dir}: {:#?}", review.changes);
        let breaking: Vec<_> = review
            .changes
            .iter()
            .filter(|c| c.class() == Class::Breaking)
            .collect();
        assert_eq!(breaking.len(), 1, "{dir}");
        match &breaking[0].ack {
            AckState::Acknowledged(a) => assert_eq!(a.text, text, "{dir}"),
            other => panic!("{dir}: {other:?}"),
        }
        let ko = review::render(&review, Lang::Ko, Format::Text);
        assert!(ko.contains("— 호환성을 깨는 변경 (승인됨)"), "{ko}");
        assert!(ko.contains(&format!("승인: \"{text}\"")), "{ko}");
        assert!(
            ko.contains("결과: 호환성을 깨는 변경 1건이 모두 승인되었습니다."),
            "{ko}"
        );
        let en = review::render(&review, Lang::En, Format::Text);
        assert!(en.contains("— breaking change (acknowledged)"), "{en}");
        assert!(en.contains(&format!("acknowledged: \"{text}\"")), "{en}");
    }
}

#[test]
fn an_acknowledgement_left_from_an_earlier_change_does_not_count() {
    let review = review_of("stale_acknowledgement");
    assert!(!review.passes());
    let change = review.blocking().next().unwrap();
    assert!(matches!(change.ack, AckState::Stale(_)), "{change:?}");
    let ko = review::render(&review, Lang::Ko, Format::Text);
    assert!(
        ko.contains("예전 변경을 승인한 것이라 이번 변경에는 적용되지 않습니다"),
        "{ko}"
    );
    let en = review::render(&review, Lang::En, Format::Text);
    assert!(
        en.contains("acknowledged an earlier change, not this one"),
        "{en}"
    );
}

#[test]
fn an_unacknowledged_review_says_where_to_acknowledge() {
    let review = review_of("status_changed");
    let ko = review::render(&review, Lang::Ko, Format::Text);
    assert!(
        ko.contains("결과: 승인되지 않은 호환성을 깨는 변경이 1건 있어 통과할 수 없습니다."),
        "{ko}"
    );
    assert!(
        ko.contains("toss.toml [errors.NOT_FOUND_PAYMENT]: breaking_change_ok = "),
        "{ko}"
    );
    let review = review_of("category_changed");
    let en = review::render(&review, Lang::En, Format::Text);
    assert!(
        en.contains("pay.toml [errors.\"PAY-004\"]: breaking_change_ok = "),
        "{en}"
    );
    let review = review_of("code_removed");
    let en = review::render(&review, Lang::En, Format::Text);
    assert!(
        en.contains("pay.toml [domain]: breaking_change_ok = "),
        "{en}"
    );
    assert!(en.contains("mark it retired = true instead"), "{en}");
}

#[test]
fn breaking_changes_come_first() {
    let review = review_of("placeholder_removed");
    let ko = review::render(&review, Lang::Ko, Format::Text);
    let breaking = ko.find("자리표시자 {paymentId} 삭제").unwrap();
    let compatible = ko.find("메시지(ko) 변경").unwrap();
    assert!(breaking < compatible, "{ko}");
}

// ---- the command --------------------------------------------------------------------------

fn errspec(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(cwd)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run errspec");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_exits_1_on_breaking_0_otherwise_and_speaks_both_languages() {
    let dir = fixtures();
    let (code, out, _) = errspec(&["diff", "status_changed/old", "status_changed/new"], &dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("NOT_FOUND_PAYMENT: HTTP 404 → 400 — 호환성을 깨는 변경"),
        "{out}"
    );
    let (code, out, _) = errspec(
        &[
            "diff",
            "status_changed/old",
            "status_changed/new",
            "--lang",
            "en",
        ],
        &dir,
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("NOT_FOUND_PAYMENT: HTTP 404 → 400 — breaking change"),
        "{out}"
    );
    for ok in ["acknowledged", "wording_changed", "no_change"] {
        let (code, out, err) = errspec(&["diff", &format!("{ok}/old"), &format!("{ok}/new")], &dir);
        assert_eq!(code, 0, "{ok}: {out}{err}");
    }
}

#[test]
fn markdown_and_json() {
    let dir = fixtures();
    let (code, md, _) = errspec(
        &[
            "diff",
            "status_changed/old",
            "status_changed/new",
            "--format",
            "markdown",
        ],
        &dir,
    );
    assert_eq!(code, 1);
    assert!(md.starts_with("### 에러 스펙 변경 검토"), "{md}");
    assert!(
        md.contains("- 🔴 `NOT_FOUND_PAYMENT`: HTTP 404 → 400 — **호환성을 깨는 변경**"),
        "{md}"
    );
    let (code, json, _) = errspec(
        &[
            "diff",
            "status_changed/old",
            "status_changed/new",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        &dir,
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).expect(&json);
    assert_eq!(v["passes"], false);
    assert_eq!(v["breaking"], 1);
    let c = &v["changes"][0];
    assert_eq!(c["kind"], "status-changed");
    assert_eq!(c["class"], "breaking");
    assert_eq!(c["domain"], "toss");
    assert_eq!(c["code"], "NOT_FOUND_PAYMENT");
    assert_eq!(c["details"]["old"], 404);
    assert_eq!(c["details"]["new"], 400);
    assert_eq!(
        c["summary"],
        "NOT_FOUND_PAYMENT: HTTP 404 → 400 — breaking change"
    );
}

#[test]
fn a_side_with_spec_errors_or_that_does_not_exist_cannot_be_compared() {
    let tmp = scratch("invalid-side");
    let bad = tmp.join("bad");
    copy_dir(&fixtures().join("no_change/old"), &bad);
    let pay = bad.join("pay.toml");
    let text = std::fs::read_to_string(&pay)
        .unwrap()
        .replace("status = 404", "status = 4040");
    std::fs::write(&pay, text).unwrap();
    let good = fixtures().join("no_change/old");
    let (code, _, err) = errspec(
        &["diff", good.to_str().unwrap(), bad.to_str().unwrap()],
        &tmp,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pay.toml:"), "{err}");
    assert!(
        err.contains("스펙에 오류가 있어 비교할 수 없습니다"),
        "{err}"
    );
    let (code, _, err) = errspec(&["diff", "no-such-thing", "--lang", "en"], &tmp);
    assert_eq!(code, 2);
    assert!(
        err.contains("`no-such-thing` is neither a spec directory nor a git revision"),
        "{err}"
    );
}

// ---- against a git revision -----------------------------------------------------------------

/// A fresh directory under cargo's scratch space for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("diff-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn git(repo: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=errspec test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git is needed for this test");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Cuts the `[errors.<code>]` table out of a spec file.
fn remove_entry(text: &str, header: &str) -> String {
    let start = text.find(header).expect(header);
    let rest = &text[start + header.len()..];
    let end = rest
        .find("\n[")
        .map_or(text.len(), |i| start + header.len() + i + 1);
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn removing_a_code_of_the_repo_spec_fails_against_head_and_retiring_it_passes() {
    let repo = scratch("git");
    let spec = repo.join("error-spec");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec"),
        &spec,
    );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "spec"]);

    // Nothing changed yet.
    let (code, out, err) = errspec(&["diff", "--against", "HEAD"], &repo);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("결과: 바뀐 것이 없습니다."), "{out}");

    // Delete NOT_FOUND_PAYMENT outright.
    let toss = spec.join("toss.toml");
    let original = std::fs::read_to_string(&toss).unwrap();
    std::fs::write(
        &toss,
        remove_entry(&original, "[errors.NOT_FOUND_PAYMENT]\n"),
    )
    .unwrap();
    let (code, out, err) = errspec(&["diff", "--against", "HEAD"], &repo);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("NOT_FOUND_PAYMENT: 폐기 표시 없이 코드 삭제 — 호환성을 깨는 변경"),
        "{out}"
    );
    let (code, out, _) = errspec(&["diff", "--against", "HEAD", "--lang", "en"], &repo);
    assert_eq!(code, 1);
    assert!(
        out.contains("NOT_FOUND_PAYMENT: code removed without retiring it — breaking change"),
        "{out}"
    );

    // Re-add it as a tombstone: retired. Retiring removes its Rust variants, so it is a
    // breaking change too (issue 13), acknowledged in the entry.
    let tombstone = "\n[errors.NOT_FOUND_PAYMENT]\nretired = { since = \"2026-11\", note.ko = \"결제 조회는 NOT_FOUND로 통일\", note.en = \"lookups report NOT_FOUND\" }\n";
    let mut retired = std::fs::read_to_string(&toss).unwrap();
    retired.push_str(tombstone);
    std::fs::write(&toss, &retired).unwrap();
    let (code, out, err) = errspec(&["diff", "--against", "HEAD"], &repo);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("NOT_FOUND_PAYMENT: 폐기 (기록은 남김) — 호환성을 깨는 변경"),
        "{out}"
    );
    retired.push_str(
        "breaking_change_ok = \"2026-11: lookups report NOT_FOUND (approved by: ops)\"\n",
    );
    std::fs::write(&toss, &retired).unwrap();
    let (code, out, err) = errspec(&["diff", "--against", "HEAD"], &repo);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("NOT_FOUND_PAYMENT: 폐기 (기록은 남김) — 호환성을 깨는 변경 (승인됨)"),
        "{out}"
    );

    // Both sides can be revisions, and the spec directory can be named.
    git(&repo, &["commit", "-q", "-a", "-m", "retire"]);
    let (code, out, err) = errspec(
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--dir",
            "error-spec",
            "--lang",
            "en",
        ],
        &repo,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Error spec review: HEAD~1:error-spec → HEAD:error-spec"),
        "{out}"
    );
    assert!(
        out.contains("NOT_FOUND_PAYMENT: retired (its record is kept)"),
        "{out}"
    );

    // Reusing it later is caught.
    std::fs::write(&toss, &original).unwrap();
    let (code, out, _) = errspec(&["diff", "--against", "HEAD"], &repo);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("NOT_FOUND_PAYMENT: 폐기된 코드를 다시 씀 — 호환성을 깨는 변경"),
        "{out}"
    );
}
