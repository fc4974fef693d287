//! Every response example of seeds 003 and 004, reproduced byte for byte from the envelopes
//! the spec declares (`[envelope]` in ebp.toml and cancel.toml), given the seed's request id
//! and timestamp. The seeds show one member per line without indentation, which is what the
//! envelopes declare (`indent = 0`); the compact and two-space layouts are checked too.

use catalog_tests::seeds;
use payment_errors::serve::Layout;
use payment_errors::{Locale, cancel, ebp, toss};

fn ebp_a_0001() -> ebp::Reply {
    ebp::Reply::new(ebp::Error::MissingMandatoryHeaders)
        .details([
            ebp::Detail::HeaderMissing {
                header: "X-Store-Id".into(),
            },
            ebp::Detail::HeaderMissing {
                header: "X-Country-Code".into(),
            },
        ])
        .request_id("1704201234567")
        .timestamp("2025-01-02T10:00:00Z")
        // The header check answers without a `data` member (seed 003's example has none).
        .omit_data()
}

fn blank(field: &str) -> ebp::Detail {
    ebp::Detail::FieldBlank {
        field: field.into(),
    }
}

fn required(field: &str) -> ebp::Detail {
    ebp::Detail::FieldRequired {
        field: field.into(),
    }
}

#[test]
fn seed_003_missing_headers() {
    let reply = ebp_a_0001();
    assert_eq!(reply.body(), seeds::EBP_A_0001);
    assert_eq!(reply.status(), 400);
    assert_eq!(reply.content_type(), "application/json");
}

#[test]
fn seed_003_single_field_error() {
    let reply = ebp::Reply::new(ebp::Error::ValidationFailed)
        .detail(blank("userNo"))
        .request_id("1767329889073")
        .timestamp("2026-01-02T04:58:09.073097700Z");
    assert_eq!(reply.body(), seeds::EBP_C_0004_SINGLE);
}

#[test]
fn seed_003_multiple_fields_error() {
    let reply = ebp::Reply::new(ebp::Error::ValidationFailed)
        .details([
            blank("paymentMethodCode"),
            required("totalAmount"),
            blank("cancelUrl"),
            blank("currency"),
            blank("successUrl"),
            required("purchaseChannel"),
        ])
        .request_id("1767331147785")
        .timestamp("2026-01-02T05:19:07.785507100Z");
    assert_eq!(reply.body(), seeds::EBP_C_0004_MULTIPLE);
}

#[test]
fn the_ebp_envelope_is_english_whatever_the_request_asks() {
    // ebp.toml: `locale = "en"`: the wire texts are the English messages.
    let reply = ebp_a_0001().locale(Locale::Ko);
    assert_eq!(reply.body(), seeds::EBP_A_0001);
    assert_eq!(reply.body_locale(), Locale::En);
}

#[test]
fn seed_004_error_bodies() {
    let cases: &[(cancel::Error, u16, &str)] = &[
        (cancel::Error::RefundAccountRequired, 400, seeds::CANCEL_400),
        (cancel::Error::LoginRequired, 401, seeds::CANCEL_401),
        (cancel::Error::NotReservationOwner, 403, seeds::CANCEL_403),
        (cancel::Error::CancelPeriodExpired, 410, seeds::CANCEL_410),
    ];
    for (err, status, body) in cases {
        let reply = cancel::Reply::new(err.clone());
        assert_eq!(reply.body(), *body, "{err:?}");
        assert_eq!(reply.status(), *status);
    }
}

#[test]
fn seed_004_gateway_pass_through() {
    // The gateway's answer, parsed: ALREADY_CANCELED_PAYMENT is not in toss.toml, so it stays
    // an `Unknown` with both strings verbatim, and still passes through.
    let received = toss::Received::parse("ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다.");
    assert!(received.known().is_none());
    let err = cancel::Error::GatewayCancelFailed { upstream: received };
    assert_eq!(cancel::Reply::new(err).body(), seeds::CANCEL_GATEWAY);
}

#[test]
fn seed_004_gateway_pass_through_from_the_providers_json() {
    let json =
        r#"{"code":"ALREADY_CANCELED_PAYMENT","message":"이미 취소된 결제 입니다.","extra":1}"#;
    let received: toss::Received = serde_json::from_str(json).unwrap();
    let err = cancel::Error::GatewayCancelFailed { upstream: received };
    assert_eq!(cancel::Reply::new(err).body(), seeds::CANCEL_GATEWAY);
}

#[test]
fn other_layouts_hold_the_same_json() {
    for (name, _, expected) in seeds::ALL {
        if *name == "CANCEL_200" {
            continue;
        }
        let reply = match *name {
            "EBP_A_0001" => ebp_a_0001().layout(Layout::Compact).body(),
            "CANCEL_401" => cancel::Reply::new(cancel::Error::LoginRequired)
                .layout(Layout::Compact)
                .body(),
            _ => continue,
        };
        let want: serde_json::Value = serde_json::from_str(expected).unwrap();
        let got: serde_json::Value = serde_json::from_str(&reply).unwrap();
        assert_eq!(got, want, "{name}");
        // serde_json's compact form, member order included.
        let mut compact = String::new();
        for line in expected.lines() {
            compact.push_str(&line.replacen("\": ", "\":", 1));
        }
        assert_eq!(reply, compact, "{name}");
    }
    let two = cancel::Reply::new(cancel::Error::LoginRequired)
        .layout(Layout::Pretty(2))
        .body();
    assert_eq!(
        two,
        "{\n  \"status\": \"error\",\n  \"errorType\": \"LoginFailException\",\n  \"errorCode\": null,\n  \"message\": \"인증되지 않은 사용자입니다.\",\n  \"data\": null\n}"
    );
}

#[test]
fn the_cancel_envelope_follows_the_request_locale() {
    let reply = cancel::Reply::new(cancel::Error::LoginRequired).locale(Locale::En);
    assert!(
        reply
            .body()
            .contains("\"message\": \"The user is not authenticated.\"")
    );
    assert_eq!(
        cancel::Reply::new(cancel::Error::LoginRequired).body_locale(),
        Locale::Ko
    );
}

#[test]
fn the_constants_are_the_seed_documents_text() {
    // The seed documents as committed (tests/fixtures/seeds/, copies of the originals).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    for (name, seed, text) in seeds::ALL {
        let file = seeds::SEED_FILES.iter().find(|(s, _)| s == seed).unwrap().1;
        let doc = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(doc.contains(text), "{name} is not verbatim in seed {seed}");
    }
}
