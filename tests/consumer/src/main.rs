//! What a service of another repository writes against `payment-errors`: matching on
//! non-exhaustive enums, wrapping the catalog's error with thiserror `#[from]`, `?`, and
//! reading the error chain.

use payment_errors::{Locale, cancel, toss};

#[derive(Debug, thiserror::Error)]
enum AppError {
    #[error("cancel failed")]
    Cancel(#[from] cancel::Error),
}

fn cancel(logged_in: bool) -> Result<(), AppError> {
    if !logged_in {
        Err(cancel::Error::LoginRequired)?;
    }
    Ok(())
}

fn greeting(locale: Locale) -> &'static str {
    // `Locale` grows when the catalog adds a language: a `_` arm keeps this compiling.
    match locale {
        Locale::Ko => "안녕하세요",
        _ => "Hello",
    }
}

fn main() {
    let err = cancel(false).unwrap_err();
    let source = std::error::Error::source(&err).expect("the catalog error is the source");
    assert_eq!(source.to_string(), "인증되지 않은 사용자입니다.");
    let code = toss::Code::from_code("NOT_FOUND_PAYMENT_SESSION").expect("a known code");
    match code {
        toss::Code::NotFoundPaymentSession => {}
        _ => unreachable!(),
    }
    println!("{} {} {}", greeting(Locale::En), code.status(), err);
}
