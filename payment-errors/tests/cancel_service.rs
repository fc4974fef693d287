//! The example service (`examples/cancel_service.rs`) over real HTTP: it is started once on a
//! free loopback port, and every case of seed 004 is sent with a plain HTTP/1.1 client over
//! `std::net::TcpStream`. Status and body are checked byte for byte: against the seed's JSON
//! examples where it has one (200, 400, 401, 403, 410 and the gateway pass-through), and for
//! the rest of its 400 table against the envelope's layout with the table's errorType and
//! message (particles resolved, as the catalog contract says: `id는`, `취소 사유는`).

#[path = "../examples/cancel_service.rs"]
mod service;

use seed_examples as seeds;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

/// Starts the service on 127.0.0.1:0 in a background thread, once for the whole file.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                service::serve(listener).await
            })
        });
        addr
    })
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `POST /payment/cancel` with `body`, the session cookie if any, and extra header lines.
fn post(session: Option<&str>, extra: &str, body: &str) -> Response {
    let mut s = TcpStream::connect(server()).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let cookie = session.map_or(String::new(), |id| format!("Cookie: SESSION={id}\r\n"));
    let req = format!(
        "POST /payment/cancel HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{cookie}{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("header end");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let r = Response {
        status,
        headers,
        body: body.to_owned(),
    };
    assert_eq!(
        r.header("content-length"),
        Some(r.body.len().to_string().as_str())
    );
    r
}

fn hong(body: &str) -> Response {
    post(Some("sess-hong"), "", body)
}

/// The seed's error envelope for the cases its 400 table lists without a JSON example.
fn error_body(error_type: &str, message: &str) -> String {
    format!(
        "{{\n\"status\": \"error\",\n\"errorType\": \"{error_type}\",\n\"errorCode\": null,\n\"message\": \"{message}\",\n\"data\": null\n}}"
    )
}

fn check(r: Response, status: u16, body: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.body, body);
    assert_eq!(r.header("content-type"), Some("application/json"));
}

#[test]
fn unauthorized_401() {
    let r = post(None, "", r#"{"id": 142, "cancelReason": "일정 변경"}"#);
    assert_eq!(r.header("content-language"), Some("ko"));
    check(r, 401, seeds::CANCEL_401);
    let r = post(Some("sess-unknown"), "", r#"{"id": 142}"#);
    check(r, 401, seeds::CANCEL_401);
}

#[test]
fn forbidden_403() {
    check(
        hong(r#"{"id": 144, "cancelReason": "일정 변경"}"#),
        403,
        seeds::CANCEL_403,
    );
}

#[test]
fn gone_410() {
    check(
        hong(r#"{"id": 145, "cancelReason": "일정 변경"}"#),
        410,
        seeds::CANCEL_410,
    );
}

#[test]
fn bad_request_400_every_case_of_the_table() {
    let mae = "MethodArgumentNotValidException";
    let long = |n: usize| "가".repeat(n);
    let cases: Vec<(String, String)> = vec![
        // 결제 ID 누락
        (
            r#"{"cancelReason": "일정 변경"}"#.into(),
            error_body(mae, "id는 Null 일 수 없습니다."),
        ),
        (
            r#"{"id": null, "cancelReason": "일정 변경"}"#.into(),
            error_body(mae, "id는 Null 일 수 없습니다."),
        ),
        // 취소 사유 누락 (null or blank)
        (
            r#"{"id": 142}"#.into(),
            error_body(mae, "취소 사유는 Null 이거나 Blank 일 수 없습니다."),
        ),
        (
            r#"{"id": 142, "cancelReason": "  "}"#.into(),
            error_body(mae, "취소 사유는 Null 이거나 Blank 일 수 없습니다."),
        ),
        // 취소 사유 200자 초과
        (
            format!(r#"{{"id": 142, "cancelReason": "{}"}}"#, long(201)),
            error_body(mae, "취소 사유는 최대 200자 이하입니다."),
        ),
        // 환불 계좌번호 20자 초과
        (
            r#"{"id": 143, "cancelReason": "일정 변경", "refundReceiveAccountNumber": "123456789012345678901"}"#.into(),
            error_body(mae, "환불 계좌번호는 최대 20자 이하입니다."),
        ),
        // 환불 예금주 60자 초과
        (
            format!(
                r#"{{"id": 143, "cancelReason": "일정 변경", "refundReceiveAccountHolderName": "{}"}}"#,
                long(61)
            ),
            error_body(mae, "예금주는 최대 60자 이하입니다."),
        ),
        // 가상계좌 환불 계좌정보 누락: the seed's JSON example
        (
            r#"{"id": 143, "cancelReason": "일정 변경"}"#.into(),
            seeds::CANCEL_400.into(),
        ),
        // 결제내역 미존재
        (
            r#"{"id": 999, "cancelReason": "일정 변경"}"#.into(),
            error_body("ResourceNotExistException", "해당하는 결제 진행정보가 존재하지 않습니다."),
        ),
        // 은행코드 불일치
        (
            r#"{"id": 143, "cancelReason": "일정 변경", "refundReceiveAccountBank": "99", "refundReceiveAccountNumber": "11012345678", "refundReceiveAccountHolderName": "홍길동"}"#.into(),
            error_body(
                "TossBankCodeException",
                "은행코드(99)와 매핑되는 은행명이 존재하지 않습니다.",
            ),
        ),
    ];
    for (req, want) in cases {
        let r = hong(&req);
        assert_eq!(r.status, 400, "{req}: {}", r.body);
        assert_eq!(r.body, want, "{req}");
    }
    // The exact limits are fine: 200 characters of reason, 20 digits, 60 characters of name.
    let r = hong(&format!(
        r#"{{"id": 144, "cancelReason": "{}", "refundReceiveAccountNumber": "12345678901234567890", "refundReceiveAccountHolderName": "{}"}}"#,
        long(200),
        long(60)
    ));
    assert_eq!(r.status, 403, "passed validation: {}", r.body);
}

#[test]
fn success_200_then_the_gateway_passes_its_error_through() {
    // 143: a deposited virtual account with a full refund account.
    let refund = r#"{"id": 143, "cancelReason": "일정 변경", "refundReceiveAccountBank": "88", "refundReceiveAccountNumber": "11012345678", "refundReceiveAccountHolderName": "홍길동"}"#;
    check(hong(refund), 200, seeds::CANCEL_200);
    // 142: a card payment; canceling it again makes the gateway answer
    // ALREADY_CANCELED_PAYMENT, a code toss.toml does not list, passed through verbatim.
    let card = r#"{"id": 142, "cancelReason": "일정 변경"}"#;
    check(hong(card), 200, seeds::CANCEL_200);
    check(hong(card), 502, seeds::CANCEL_GATEWAY);
}

#[test]
fn gateway_pass_through_502() {
    // 146 is already canceled at the gateway: the seed's example.
    check(
        hong(r#"{"id": 146, "cancelReason": "일정 변경"}"#),
        502,
        seeds::CANCEL_GATEWAY,
    );
    // 147: the gateway refuses with a code the catalog knows; it passes through the same way.
    check(
        hong(r#"{"id": 147, "cancelReason": "일정 변경"}"#),
        502,
        &error_body(
            "NOT_CANCELABLE_PAYMENT",
            "[결제 취소 요청 에러]취소 할 수 없는 결제 입니다.",
        ),
    );
}

#[test]
fn a_raw_provider_body_never_reaches_the_client() {
    // 148: the gateway's answer is a proxy's HTML page naming internal hosts (issue 13).
    let r = hong(r#"{"id": 148, "cancelReason": "일정 변경"}"#);
    assert!(
        !r.body.contains("nginx") && !r.body.contains("10.0.3.7"),
        "{}",
        r.body
    );
    check(
        r,
        502,
        &error_body(
            "INVALID_GATEWAY_RESPONSE",
            "[결제 취소 요청 에러]결제사 응답을 읽을 수 없습니다.",
        ),
    );
}

#[test]
fn accept_language_picks_the_message_locale() {
    let r = post(
        None,
        "Accept-Language: fr-FR, en-US;q=0.8, ko;q=0.5\r\n",
        r#"{"id": 142}"#,
    );
    assert_eq!(r.header("content-language"), Some("en"));
    check(
        r,
        401,
        &error_body("LoginFailException", "The user is not authenticated."),
    );
    let r = post(None, "Accept-Language: ko-KR,ko;q=0.9,en;q=0.8\r\n", "{}");
    check(r, 401, seeds::CANCEL_401);
}
