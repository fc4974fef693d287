//! `http` 1 conversions (feature `http`): status codes, and whole responses for any framework
//! built on `http` 1 (hyper, axum, tower …).

use crate::serve::{Reply, ServeError};

/// The `http` status code of a status number; 500 for a number that is not one (the catalog
/// only holds 400..=599, so this does not happen for its errors).
pub fn status_code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

impl<E: ServeError> Reply<E> {
    /// The whole response: status, `Content-Type`, `Content-Language` and the body.
    pub fn to_http(&self) -> http::Response<String> {
        let mut res = http::Response::new(self.body());
        *res.status_mut() = status_code(self.status());
        let headers = res.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(self.content_type()),
        );
        headers.insert(
            http::header::CONTENT_LANGUAGE,
            http::HeaderValue::from_static(self.body_locale().as_str()),
        );
        res
    }
}

impl<E: ServeError> From<Reply<E>> for http::Response<String> {
    fn from(reply: Reply<E>) -> http::Response<String> {
        reply.to_http()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Locale, cancel, ebp};

    #[test]
    fn responses_carry_status_type_language_and_body() {
        let res = Reply::new(cancel::Error::CancelPeriodExpired).to_http();
        assert_eq!(res.status(), http::StatusCode::GONE);
        assert_eq!(res.headers()["content-type"], "application/json");
        assert_eq!(res.headers()["content-language"], "ko");
        assert!(res.body().contains("ResourceValidTimePassedException"));

        let res: http::Response<String> = Reply::new(ebp::Error::SystemError)
            .locale(Locale::Ko)
            .problem_json()
            .into();
        assert_eq!(res.status(), 500);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        assert_eq!(res.headers()["content-language"], "ko");
    }

    #[test]
    fn status_codes() {
        assert_eq!(cancel::Error::LoginRequired.status_code(), 401);
        assert_eq!(status_code(99), http::StatusCode::INTERNAL_SERVER_ERROR);
    }
}
