//! RFC 9457 as written (issue 13): sample problem bodies of every code validate against the
//! RFC's own JSON Schema (Appendix A, `fixtures/rfc9457/problem.schema.json`) with a real
//! validator (Python `jsonschema`, installed by scripts/test); `title` is the same for every
//! occurrence of a code, `detail` is the occurrence's filled message, `type` is `about:blank`
//! while the catalog has no real `docs_url`.

use std::io::Write;
use std::process::{Command, Stdio};

use payment_errors::{Locale, cancel, ebp, toss};

fn problem<E: payment_errors::serve::ServeError>(
    reply: payment_errors::serve::Reply<E>,
) -> serde_json::Value {
    serde_json::from_str(&reply.problem_json().body()).unwrap()
}

#[test]
fn title_is_per_code_detail_per_occurrence() {
    let a = problem(cancel::Reply::new(cancel::Error::PaymentIdRequired {
        field: "결제 ID".into(),
    }));
    let b = problem(cancel::Reply::new(cancel::Error::PaymentIdRequired {
        field: "취소 사유".into(),
    }));
    assert_eq!(
        a["title"], b["title"],
        "title is the same for every occurrence"
    );
    assert_eq!(a["detail"], "결제 ID는 Null 일 수 없습니다.");
    assert_eq!(b["detail"], "취소 사유는 Null 일 수 없습니다.");
    // No docs_url in the repository's catalog: `about:blank`, whose title is the status phrase.
    assert_eq!(payment_errors::DOCS_URL, None);
    assert_eq!(a["type"], "about:blank");
    assert_eq!(a["title"], "Bad Request");
    assert_eq!(a["status"], 400);
    let e = problem(ebp::Reply::new(ebp::Error::ValidationFailed).locale(Locale::En));
    assert_eq!(e["detail"], "Validation Failed");
}

/// Every code's example error as problem details, in both locales, with and without details
/// and upstream errors.
fn samples() -> Vec<String> {
    let mut out = Vec::new();
    for locale in [Locale::Ko, Locale::En] {
        for &c in cancel::Code::ALL {
            out.push(
                cancel::Reply::new(cancel::Error::example(c))
                    .locale(locale)
                    .problem_json()
                    .body(),
            );
        }
        for &c in ebp::Code::ALL {
            out.push(
                ebp::Reply::new(ebp::Error::example(c))
                    .detail(ebp::Detail::FieldBlank {
                        field: "a/b~c".into(),
                    })
                    .detail(ebp::Detail::HeaderMissing {
                        header: "X-Store-Id".into(),
                    })
                    .locale(locale)
                    .problem_json()
                    .body(),
            );
        }
        for &c in toss::Code::ALL {
            out.push(
                toss::Reply::new(toss::Error::example(c))
                    .locale(locale)
                    .problem_json()
                    .body(),
            );
        }
    }
    out
}

#[test]
fn sample_bodies_validate_against_the_rfcs_schema() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rfc9457");
    let bodies = samples();
    let mut child = Command::new("python3")
        .arg(dir.join("validate.py"))
        .arg(dir.join("problem.schema.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 (scripts/test installs what the validator needs)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&bodies).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}\n(install the validator: python3 -m pip install jsonschema rfc3986-validator)",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!("{} bodies checked, 0 problems", bodies.len())),
        "{text}"
    );
}
