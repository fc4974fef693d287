//! `Accept-Language` negotiation on arbitrary header values.
/// One run of the target.
pub fn body(data: &[u8]) {
    let header = String::from_utf8_lossy(data);
    let locale = payment_errors::Locale::from_accept_language(&header);
    let _ = payment_errors::negotiate::negotiate(&header, &["ko", "en", "en-US", "ko-KR"]);
    let _ = payment_errors::negotiate::negotiate(&header, &[]);
    if let Some(l) = locale {
        let _ = payment_errors::cancel::Error::LoginRequired.message(l);
    }
    let _ = header.parse::<payment_errors::Locale>();
}
