//! What every seed code means for the payment, and the decision a client loop makes on it
//! (`Code::payment().decide(attempt)`); provider codes mapped to ours, unknown ones included.

use payment_errors::payment::{Actor, Decision, Outcome, Retry};
use payment_errors::{cancel, ebp, toss};

use Decision::{CheckStatus, GiveUp, RetryNow, RetryWithNewKey};

/// Every seed code: what the first and the third failed attempt lead to, and why.
const SEED_DECISIONS: &[(&str, &str, Decision, Decision, &str)] = &[
    // Seed 000: Toss Payments' answers.
    (
        "toss",
        "NOT_FOUND_PAYMENT",
        GiveUp,
        GiveUp,
        "the paymentKey sent must be fixed",
    ),
    (
        "toss",
        "NOT_FOUND",
        GiveUp,
        GiveUp,
        "the secret key must be fixed",
    ),
    (
        "toss",
        "NOT_CANCELABLE_AMOUNT",
        GiveUp,
        GiveUp,
        "the amount must be fixed",
    ),
    (
        "toss",
        "NOT_CANCELABLE_PAYMENT",
        GiveUp,
        GiveUp,
        "already canceled: never",
    ),
    (
        "toss",
        "FAILED_DB_PROCESSING",
        GiveUp,
        GiveUp,
        "fails the same way until the values are fixed",
    ),
    (
        "toss",
        "DUPLICATED_ORDER_ID",
        RetryWithNewKey,
        GiveUp,
        "a new order ID",
    ),
    (
        "toss",
        "NOT_MATCHES_CUSTOMER_KEY",
        GiveUp,
        GiveUp,
        "seed silent: default",
    ),
    (
        "toss",
        "INVALID_UNREGISTERED_SUBMALL",
        GiveUp,
        GiveUp,
        "a review or contract first",
    ),
    (
        "toss",
        "FORBIDDEN_REQUEST",
        GiveUp,
        GiveUp,
        "the key pair must be fixed",
    ),
    (
        "toss",
        "SUSPECTED_PHISHING_PAYMENT",
        GiveUp,
        GiveUp,
        "that customer is blocked",
    ),
    (
        "toss",
        "NOT_FOUND_PAYMENT_SESSION",
        GiveUp,
        GiveUp,
        "the customer opens the window again",
    ),
    (
        "toss",
        "INVALID_LEGAL_REGISTERED_ACCOUNT",
        GiveUp,
        GiveUp,
        "the customer's card",
    ),
    (
        "toss",
        "NOT_SUPPORTED_BILLING_MERCHANT",
        GiveUp,
        GiveUp,
        "a contract first",
    ),
    // Seed 003: EBP. Only EBP-C-0011 says anything (재시도 권고); 5xx default to unknown.
    ("ebp", "EBP-A-0001", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-B-0001", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-B-0002", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0001", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0002", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0003", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0004", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0005", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0006", GiveUp, GiveUp, "4xx default"),
    ("ebp", "EBP-C-0007", GiveUp, GiveUp, "4xx default"),
    (
        "ebp",
        "EBP-C-0008",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-C-0009",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-C-0010",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-C-0011",
        RetryNow,
        CheckStatus,
        "재시도 권고: same key, 3 attempts",
    ),
    (
        "ebp",
        "EBP-C-0012",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0001",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0002",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0003",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0004",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0005",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    (
        "ebp",
        "EBP-Z-0010",
        CheckStatus,
        CheckStatus,
        "5xx default: outcome unknown",
    ),
    // Seed 004: the cancel endpoint. Only the 410 says anything (can never succeed again).
    (
        "cancel",
        "PAYMENT_ID_REQUIRED",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "CANCEL_REASON_REQUIRED",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "CANCEL_REASON_TOO_LONG",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "REFUND_ACCOUNT_NUMBER_TOO_LONG",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "REFUND_HOLDER_NAME_TOO_LONG",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "REFUND_ACCOUNT_REQUIRED",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    ("cancel", "PAYMENT_NOT_FOUND", GiveUp, GiveUp, "4xx default"),
    (
        "cancel",
        "BANK_CODE_NOT_MAPPED",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    ("cancel", "LOGIN_REQUIRED", GiveUp, GiveUp, "4xx default"),
    (
        "cancel",
        "NOT_RESERVATION_OWNER",
        GiveUp,
        GiveUp,
        "4xx default",
    ),
    (
        "cancel",
        "CANCEL_PERIOD_EXPIRED",
        GiveUp,
        GiveUp,
        "410: never",
    ),
    (
        "cancel",
        "GATEWAY_CANCEL_FAILED",
        CheckStatus,
        CheckStatus,
        "5xx default: did the cancel go through?",
    ),
];

fn payment_of(domain: &str, code: &str) -> payment_errors::payment::Payment {
    let p = match domain {
        "toss" => toss::Code::from_code(code).map(|c| c.payment()),
        "ebp" => ebp::Code::from_code(code).map(|c| c.payment()),
        "cancel" => cancel::Code::from_code(code).map(|c| c.payment()),
        _ => None,
    };
    p.unwrap_or_else(|| panic!("{domain} has no code {code}"))
}

#[test]
fn the_client_loop_decides_every_seed_code() {
    for &(domain, code, first, third, why) in SEED_DECISIONS {
        let p = payment_of(domain, code);
        assert_eq!(p.decide(1), first, "{code} after the first attempt ({why})");
        assert_eq!(p.decide(3), third, "{code} after the third attempt ({why})");
    }
    // Every seed code is in the table (codes added after the seeds may be too).
    let seeded = toss::Code::ALL.len() + ebp::Code::ALL.len() + cancel::Code::ALL.len();
    assert!(SEED_DECISIONS.len() <= seeded);
    assert_eq!(SEED_DECISIONS.len(), 13 + 21 + 12);
}

#[test]
fn the_seeds_own_words() {
    // DUPLICATED_ORDER_ID needs a new order ID; the merchant makes it.
    let p = toss::Code::DuplicatedOrderId.payment();
    assert_eq!((p.retry, p.actor), (Retry::NewKey, Some(Actor::Merchant)));
    assert!(toss::Code::DuplicatedOrderId.retryable());
    // FAILED_DB_PROCESSING fails the same way until the request's values are fixed.
    let p = toss::Code::FailedDbProcessing.payment();
    assert_eq!(
        (p.outcome, p.retry, p.actor),
        (Outcome::Failed, Retry::AfterFix, Some(Actor::Merchant))
    );
    // NOT_FOUND_PAYMENT_SESSION: the customer opens the payment window again.
    let p = toss::Code::NotFoundPaymentSession.payment();
    assert_eq!((p.retry, p.actor), (Retry::AfterFix, Some(Actor::Customer)));
    // SUSPECTED_PHISHING_PAYMENT: failed, that one customer.
    let p = toss::Code::SuspectedPhishingPayment.payment();
    assert_eq!(
        (p.outcome, p.actor),
        (Outcome::Failed, Some(Actor::Customer))
    );
    // A contract or a review first.
    for c in [
        toss::Code::NotSupportedBillingMerchant,
        toss::Code::InvalidUnregisteredSubmall,
    ] {
        assert_eq!(c.payment().actor, Some(Actor::Operator), "{c}");
    }
    // EBP-C-0011 is 재시도 권고 오류; the others of EBP say nothing.
    assert_eq!(ebp::Code::RetryRecommended.payment().retry, Retry::SameKey);
    assert!(ebp::Code::RetryRecommended.retryable());
    assert_eq!(ebp::Code::SystemFailure.payment().retry, Retry::AfterFix);
    // Seed 004's 410 can never succeed again.
    assert_eq!(
        cancel::Code::CancelPeriodExpired.payment().retry,
        Retry::Never
    );
    // Nothing is customer-safe unless the spec says so.
    assert!(!toss::Code::NotFoundPaymentSession.payment().customer_safe);
    assert_eq!(
        cancel::Error::LoginRequired.customer_message(payment_errors::Locale::Ko),
        None
    );
}

#[test]
fn payment_is_const() {
    const P: payment_errors::payment::Payment = toss::Code::DuplicatedOrderId.payment();
    const D: Decision = P.decide(1);
    assert_eq!(D, RetryWithNewKey);
}

#[test]
fn a_mapped_provider_code_becomes_our_error() {
    let received = toss::Received::parse("NOT_CANCELABLE_PAYMENT", "취소 할 수 없는 결제 입니다.");
    let m = received.into_cancel(Some(toss::Operation::PaymentCancel));
    assert!(!m.fell_back);
    assert_eq!(m.error.code(), cancel::Code::GatewayCancelFailed);
    // The provider code's own meaning: already canceled, never again.
    assert_eq!(m.payment.retry, Retry::Never);
    assert_eq!(m.payment.decide(1), GiveUp);
}

#[test]
fn an_unknown_provider_code_falls_back_and_is_kept_verbatim() {
    // Seed 004's example: a Toss code the spec does not list.
    let received = toss::Received::parse("ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다.");
    assert!(received.known().is_none());
    let m = received.into_cancel(None);
    assert!(m.fell_back);
    assert_eq!(m.error.code(), cancel::Code::GatewayCancelFailed);
    // The fallback's meaning: a 502, outcome unknown, so the client checks the status.
    assert_eq!(m.payment, cancel::Code::GatewayCancelFailed.payment());
    assert_eq!(m.payment.decide(1), CheckStatus);
    // Nothing lost: the code and message go out as received.
    match &m.error {
        cancel::Error::GatewayCancelFailed { upstream } => {
            assert_eq!(upstream.code(), "ALREADY_CANCELED_PAYMENT");
            assert_eq!(upstream.message(), "이미 취소된 결제 입니다.");
        }
        other => panic!("unexpected {other:?}"),
    }
    let body = cancel::Reply::new(m.error).body();
    assert!(
        body.contains(r#""errorType": "ALREADY_CANCELED_PAYMENT""#),
        "{body}"
    );
    assert!(
        body.contains("[결제 취소 요청 에러]이미 취소된 결제 입니다."),
        "{body}"
    );
}

#[test]
fn a_known_code_outside_the_table_falls_back_with_its_own_meaning() {
    // DUPLICATED_ORDER_ID is a Toss code, but not one the cancel table maps.
    let m = toss::Received::parse("DUPLICATED_ORDER_ID", "중복").into_cancel(None);
    assert!(m.fell_back);
    assert_eq!(m.payment, toss::Code::DuplicatedOrderId.payment());
}
