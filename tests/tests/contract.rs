//! The crate's contract as a reviewing service sees it (issue 13): error chains read right in
//! anyhow reports, names say what they return, `Locale` round-trips through serde.

use payment_errors::{Locale, cancel, ebp, toss};

fn gateway_error() -> cancel::Error {
    cancel::Error::GatewayCancelFailed {
        upstream: toss::Received::parse("ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다."),
    }
}

#[test]
fn an_upstream_error_is_the_source() {
    let e = gateway_error();
    let source = std::error::Error::source(&e).expect("the upstream error is the source");
    assert_eq!(source.to_string(), "toss error ALREADY_CANCELED_PAYMENT");
    assert!(std::error::Error::source(&cancel::Error::LoginRequired).is_none());
}

/// How many times `needle` occurs in `haystack`.
fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn anyhow_reports_print_each_message_once() {
    let message = "이미 취소된 결제 입니다.";
    // The error itself.
    let report = anyhow::Error::new(gateway_error());
    let full = format!("{report:#}");
    assert_eq!(
        full,
        "[결제 취소 요청 에러]이미 취소된 결제 입니다.: toss error ALREADY_CANCELED_PAYMENT"
    );
    assert_eq!(count(&full, message), 1, "{full}");
    let chain: Vec<String> = report.chain().map(ToString::to_string).collect();
    assert_eq!(chain.len(), 2, "{chain:?}");

    // Wrapped in a reply: the reply is transparent, it adds no second copy.
    let report = anyhow::Error::new(cancel::Reply::new(gateway_error()).request_id("r-1"));
    let full = format!("{report:#}");
    assert_eq!(count(&full, message), 1, "{full}");
    assert_eq!(report.chain().count(), 2);
    let report = anyhow::Error::new(cancel::Reply::new(cancel::Error::LoginRequired));
    assert_eq!(format!("{report:#}"), "인증되지 않은 사용자입니다.");
    assert_eq!(report.chain().count(), 1);

    // With context on top, as a service writes it.
    let report = anyhow::Error::new(gateway_error()).context("cancel payment 142");
    let full = format!("{report:#}");
    assert_eq!(count(&full, message), 1, "{full}");
    assert_eq!(report.chain().count(), 3);
}

#[test]
fn names_say_what_they_return() {
    // The unfilled template and the rendered message have different names.
    let e = cancel::Error::PaymentIdRequired {
        field: "결제 ID".into(),
    };
    assert_eq!(
        e.code().template(Locale::Ko),
        "{field}은(는) Null 일 수 없습니다."
    );
    assert_eq!(e.message(Locale::Ko), "결제 ID는 Null 일 수 없습니다.");
    // `error_type()` never returns a raw `{placeholder}`.
    for code in cancel::Code::ALL {
        if let Some(t) = code.error_type() {
            assert!(!t.contains('{'), "{code}: {t}");
        }
    }
    assert_eq!(cancel::Code::GatewayCancelFailed.error_type(), None);
    assert_eq!(
        cancel::Code::GatewayCancelFailed.error_type_template(),
        Some("{upstreamCode}")
    );
    assert_eq!(
        gateway_error().error_type().as_deref(),
        Some("ALREADY_CANCELED_PAYMENT")
    );
    // EBP errors have meaningful Rust names; the wire code is unchanged.
    assert_eq!(ebp::Error::ValidationFailed.code().as_str(), "EBP-C-0004");
    assert_eq!(
        ebp::Code::from_code("EBP-A-0001"),
        Some(ebp::Code::MissingMandatoryHeaders)
    );
}

#[test]
fn locales_serialize_as_their_tag() {
    assert_eq!(serde_json::to_string(&Locale::Ko).unwrap(), "\"ko\"");
    let l: Locale = serde_json::from_str("\"en-US\"").unwrap();
    assert_eq!(l, Locale::En);
    let err = serde_json::from_str::<Locale>("\"fr\"").unwrap_err();
    assert!(err.to_string().contains("unknown locale `fr`"), "{err}");
}

#[test]
fn bodies_cannot_be_forged_through_data() {
    // What `Json::Raw` let through: data that closes the envelope and adds members.
    let forged = serde_json::json!({ "x": "\"}, \"status\": \"success\", \"y\": {\"" });
    let reply = cancel::Reply::new(cancel::Error::LoginRequired)
        .data(&forged)
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&reply.body()).unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["data"], forged);
    // Any `Serialize` value: numbers, nested lists, options.
    let data = (
        1u64 << 63,
        0.5f64,
        vec![Some("a"), None],
        std::collections::BTreeMap::from([(3, true)]),
    );
    let reply = cancel::Reply::new(cancel::Error::LoginRequired)
        .data(data)
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&reply.body()).unwrap();
    assert_eq!(
        body["data"],
        serde_json::json!([9223372036854775808u64, 0.5, ["a", null], { "3": true }])
    );
    // A value that cannot be data is an error, not a broken body.
    let bad = std::collections::BTreeMap::from([((1, 2), 3)]);
    assert!(
        cancel::Reply::new(cancel::Error::LoginRequired)
            .data(bad)
            .is_err()
    );
}

/// `Code`'s `Debug` (a table since issue 18, not a derive) writes the variant's name, as
/// `derive(Debug)` does and as `Error`'s `Debug` names the same variant.
#[test]
fn code_debug_is_the_variant_name() {
    assert_eq!(
        format!("{:?}", cancel::Code::PaymentNotFound),
        "PaymentNotFound"
    );
    assert_eq!(
        format!("{:?}", toss::Code::NotFoundPayment),
        "NotFoundPayment"
    );
    fn check<C: std::fmt::Debug + Copy, E: std::fmt::Debug>(codes: &[C], example: fn(C) -> E) {
        for &code in codes {
            let name = format!("{code:?}");
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{name}"
            );
            let error = format!("{:?}", example(code));
            assert!(
                error == name || error.starts_with(&format!("{name} {{")),
                "{error}"
            );
        }
    }
    check(cancel::Code::ALL, cancel::Error::example);
    check(ebp::Code::ALL, ebp::Error::example);
    check(toss::Code::ALL, toss::Error::example);
}
