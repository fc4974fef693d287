//! Seed 004's payment-cancel endpoint, `POST /payment/cancel`, as a real axum service whose
//! errors all come from the catalog (`cancel.toml`) and go out in the envelope it declares.
//!
//! ```sh
//! cargo run -p payment-errors --example cancel_service          # 127.0.0.1:8080, or $PORT
//! curl -s -X POST localhost:8080/payment/cancel -H 'Content-Type: application/json' \
//!      -H 'Cookie: SESSION=sess-hong' -d '{"id": 142, "cancelReason": "일정 변경"}'
//! ```
//!
//! In memory: two sessions (`SESSION=sess-hong` is user `hong`, `SESSION=sess-kim` is `kim`),
//! reservations with their payments, and a stub of the Toss Payments gateway that answers in
//! the provider's `{"code", "message"}` JSON. The payments:
//!
//! | id  | payer | what happens on cancel |
//! |-----|-------|------------------------|
//! | 142 | hong  | card; canceled (a second cancel: the gateway says ALREADY_CANCELED_PAYMENT) |
//! | 143 | hong  | virtual account, deposited: needs the refund account (bank "88" works, "99" is unknown) |
//! | 144 | kim   | card: `hong` is not its payer (403) |
//! | 145 | hong  | card; the reservation starts in 10 minutes (410) |
//! | 146 | hong  | card; already canceled at the gateway (pass-through of an unknown code) |
//! | 147 | hong  | card; the gateway refuses with NOT_CANCELABLE_PAYMENT (pass-through of a known code) |
//! | 148 | hong  | card; the gateway answers with a proxy's HTML error page (never shown to the client) |

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use payment_errors::cancel::Error;
use payment_errors::toss;
use payment_errors::web::axum::RequestContextLayer;
use serde_json::Value;

/// How a payment was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Card,
    /// A virtual account the buyer has deposited into: a refund needs an account.
    DepositedVirtualAccount,
}

#[derive(Clone, Debug)]
struct Payment {
    payer: &'static str,
    method: Method,
    reservation_starts: SystemTime,
    /// The Toss payment key the gateway knows it by.
    payment_key: String,
}

/// The stub gateway: what Toss Payments would answer to `POST /v1/payments/{key}/cancel`.
#[derive(Debug, Default)]
struct Gateway {
    canceled: HashSet<String>,
    refusing: HashMap<String, &'static str>,
}

impl Gateway {
    /// `Ok` when canceled; the provider's error body otherwise.
    fn cancel(&mut self, payment_key: &str) -> Result<(), String> {
        if let Some(body) = self.refusing.get(payment_key) {
            return Err((*body).to_owned());
        }
        if !self.canceled.insert(payment_key.to_owned()) {
            return Err(
                r#"{"code":"ALREADY_CANCELED_PAYMENT","message":"이미 취소된 결제 입니다."}"#
                    .to_owned(),
            );
        }
        Ok(())
    }
}

struct Service {
    sessions: HashMap<&'static str, &'static str>,
    payments: HashMap<i64, Payment>,
    banks: HashMap<&'static str, &'static str>,
    gateway: Mutex<Gateway>,
}

/// Cancellation closes 30 minutes before the reservation starts.
const CANCEL_DEADLINE: Duration = Duration::from_secs(30 * 60);

impl Service {
    fn new(now: SystemTime) -> Service {
        let in_two_days = now + Duration::from_secs(2 * 24 * 3600);
        let payment = |payer, method, starts, key: &str| Payment {
            payer,
            method,
            reservation_starts: starts,
            payment_key: key.to_owned(),
        };
        let payments = HashMap::from([
            (142, payment("hong", Method::Card, in_two_days, "tgen_142")),
            (
                143,
                payment(
                    "hong",
                    Method::DepositedVirtualAccount,
                    in_two_days,
                    "tgen_143",
                ),
            ),
            (144, payment("kim", Method::Card, in_two_days, "tgen_144")),
            (
                145,
                payment(
                    "hong",
                    Method::Card,
                    now + Duration::from_secs(10 * 60),
                    "tgen_145",
                ),
            ),
            (146, payment("hong", Method::Card, in_two_days, "tgen_146")),
            (147, payment("hong", Method::Card, in_two_days, "tgen_147")),
            (148, payment("hong", Method::Card, in_two_days, "tgen_148")),
        ]);
        let mut gateway = Gateway::default();
        gateway.canceled.insert("tgen_146".to_owned());
        gateway.refusing.insert(
            "tgen_147".to_owned(),
            r#"{"code":"NOT_CANCELABLE_PAYMENT","message":"취소 할 수 없는 결제 입니다."}"#,
        );
        // Not the provider's JSON: a proxy in between answered, with internal details.
        gateway.refusing.insert(
            "tgen_148".to_owned(),
            "<html><body>502 Bad Gateway (nginx/1.18.0, upstream 10.0.3.7:8443)</body></html>",
        );
        Service {
            sessions: HashMap::from([("sess-hong", "hong"), ("sess-kim", "kim")]),
            payments,
            banks: HashMap::from([
                ("04", "KB국민은행"),
                ("11", "NH농협은행"),
                ("20", "우리은행"),
                ("81", "하나은행"),
                ("88", "신한은행"),
            ]),
            gateway: Mutex::new(gateway),
        }
    }

    /// The logged-in user of the request's session cookie.
    fn login_id(&self, headers: &HeaderMap) -> Option<&'static str> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix("SESSION="))
            .find_map(|id| self.sessions.get(id).copied())
    }

    fn cancel(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        // Spring Security's filter answers before the body is even read.
        let login_id = self.login_id(headers).ok_or(Error::LoginRequired)?;
        let req = CancelRequest::parse(body)?;
        let payment = self.payments.get(&req.id).ok_or(Error::PaymentNotFound)?;
        if payment.payer != login_id {
            return Err(Error::NotReservationOwner);
        }
        if SystemTime::now() + CANCEL_DEADLINE > payment.reservation_starts {
            return Err(Error::CancelPeriodExpired);
        }
        if payment.method == Method::DepositedVirtualAccount {
            let (Some(bank), Some(_), Some(_)) =
                (&req.refund_bank, &req.refund_number, &req.refund_holder)
            else {
                return Err(Error::RefundAccountRequired);
            };
            if !self.banks.contains_key(bank.as_str()) {
                return Err(Error::BankCodeNotMapped {
                    bank_code: bank.clone(),
                });
            }
        }
        let answer = self
            .gateway
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .cancel(&payment.payment_key);
        answer.map_err(|provider_body| {
            // The provider's error, parsed: a code the catalog knows or not, nothing is lost.
            // A body that is not the provider's JSON (a proxy's error page …) is for our logs
            // only: the client gets a fixed message, never the raw text.
            let upstream =
                serde_json::from_str::<toss::Received>(&provider_body).unwrap_or_else(|_| {
                    eprintln!("cancel_service: unreadable gateway response: {provider_body:?}");
                    toss::Received::parse(
                        "INVALID_GATEWAY_RESPONSE",
                        "결제사 응답을 읽을 수 없습니다.",
                    )
                });
            Error::GatewayCancelFailed { upstream }
        })
    }
}

/// The request body, checked like the original's bean validation.
struct CancelRequest {
    id: i64,
    refund_bank: Option<String>,
    refund_number: Option<String>,
    refund_holder: Option<String>,
}

impl CancelRequest {
    fn parse(body: &[u8]) -> Result<CancelRequest, Error> {
        let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let id = v
            .get("id")
            .and_then(Value::as_i64)
            .ok_or_else(|| Error::PaymentIdRequired { field: "id".into() })?;
        let reason = text("cancelReason").unwrap_or_default();
        if reason.trim().is_empty() {
            return Err(Error::CancelReasonRequired {
                field: "취소 사유".into(),
            });
        }
        if reason.chars().count() > 200 {
            return Err(Error::CancelReasonTooLong {
                field: "취소 사유".into(),
            });
        }
        let refund_number = text("refundReceiveAccountNumber");
        if refund_number
            .as_ref()
            .is_some_and(|n| n.chars().count() > 20)
        {
            return Err(Error::RefundAccountNumberTooLong);
        }
        let refund_holder = text("refundReceiveAccountHolderName");
        if refund_holder
            .as_ref()
            .is_some_and(|n| n.chars().count() > 60)
        {
            return Err(Error::RefundHolderNameTooLong);
        }
        Ok(CancelRequest {
            id,
            refund_bank: text("refundReceiveAccountBank"),
            refund_number,
            refund_holder,
        })
    }
}

/// The success body: the error envelope's shape and layout, as the API documents it.
const SUCCESS: &str = "{\n\"status\": \"success\",\n\"errorType\": null,\n\"errorCode\": null,\n\"message\": null,\n\"data\": null\n}";

async fn cancel_payment(
    State(service): State<Arc<Service>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Error> {
    // An error goes out with `?`; `RequestContextLayer` renders it in the caller's language.
    service.cancel(&headers, &body)?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        SUCCESS,
    )
        .into_response())
}

/// The service's routes; errors answer in the request's language, with its request id.
pub fn app() -> Router {
    Router::new()
        .route("/payment/cancel", post(cancel_payment))
        .layer(RequestContextLayer)
        .with_state(Arc::new(Service::new(SystemTime::now())))
}

/// Serves on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
        eprintln!(
            "cancel_service: POST http://{}/payment/cancel",
            listener.local_addr()?
        );
        serve(listener).await
    })
}
