//! A raw HTTP/1.1 client for loopback tests: what goes over the wire, nothing hidden.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` with extra header lines (each ending in `\r\n`).
pub fn get(addr: SocketAddr, path: &str, extra: &str) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n");
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
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// The checks both frameworks must pass: `cancel` answers in the request's language, `ebp`
/// carries its request id, and without headers the defaults apply.
pub fn check_request_context(addr: SocketAddr) {
    let r = get(
        addr,
        "/cancel",
        "Accept-Language: en-US,en;q=0.9,ko;q=0.5\r\n",
    );
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(r.header("content-language"), Some("en"));
    assert!(
        r.body
            .contains("\"message\": \"The user is not authenticated.\""),
        "{}",
        r.body
    );

    let r = get(addr, "/cancel", "");
    assert_eq!(r.status, 401);
    assert_eq!(r.header("content-language"), Some("ko"));
    assert!(r.body.contains("인증되지 않은 사용자입니다."), "{}", r.body);

    let r = get(addr, "/ebp", "X-Request-Id: req-7f3a\r\n");
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("\"requestId\": \"req-7f3a\""), "{}", r.body);
    assert!(r.body.contains("\"timestamp\": \"20"), "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));

    // A reply the handler built keeps what it set; the request fills in the rest.
    let r = get(
        addr,
        "/built",
        "X-Request-Id: req-1\r\nAccept-Language: en\r\n",
    );
    assert!(r.body.contains("\"requestId\": \"mine\""), "{}", r.body);
    assert!(r.body.contains("must not be blank"), "{}", r.body);
}
