//! Provider codes and messages received from the wire: lookup in every domain, the `Received`
//! pass-through, and the response body that carries it.
use payment_errors::{Locale, cancel, ebp, toss};

/// One run of the target. Input: the code, a 0xFF byte, the message.
pub fn body(data: &[u8]) {
    let (code, message) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let code = String::from_utf8_lossy(code);
    let message = String::from_utf8_lossy(message);
    let _ = cancel::Code::from_code(&code);
    let _ = ebp::Code::from_code(&code);
    let _ = code.parse::<toss::Code>();
    if let Some(c) = toss::Code::from_code(&code) {
        assert_eq!(c.as_str(), code);
    }
    let received = toss::Received::parse(&code, &message);
    let err = cancel::Error::GatewayCancelFailed { upstream: received };
    let _ = err.message(Locale::En);
    let _ = err.to_string();
    let reply = cancel::Reply::new(err);
    let _ = reply.body();
    let _ = reply.problem_json().body();
}
