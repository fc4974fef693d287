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
