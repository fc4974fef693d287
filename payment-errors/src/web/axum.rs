//! axum integration (feature `axum`, through `axum-core`).
//!
//! Every generated `Error` and every [`Reply`] is an `IntoResponse`: a handler can return
//! `Result<_, cancel::Error>` and the error goes out in its domain's envelope. To answer in
//! the caller's language and with its request id, take a [`RequestContext`] and build the
//! reply with it:
//!
//! ```
//! use payment_errors::cancel;
//! use payment_errors::web::axum::RequestContext;
//!
//! async fn handler(ctx: RequestContext) -> Result<&'static str, cancel::Reply> {
//!     Err(ctx.reply(cancel::Error::LoginRequired))
//! }
//! ```

use axum_core::body::Body;
use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::request::Parts;

use crate::Locale;
use crate::serve::{Reply, ServeError};

impl<E: ServeError> IntoResponse for Reply<E> {
    fn into_response(self) -> Response {
        self.to_http().map(Body::from)
    }
}

/// What a request tells about how to answer it with an error: the locale it accepts
/// (`Accept-Language`, q-values honoured) and its id (`X-Request-Id`). Never rejects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestContext {
    /// The negotiated locale; `None` when the request names none the catalog has.
    pub locale: Option<Locale>,
    /// The `X-Request-Id` header, if present and text.
    pub request_id: Option<String>,
}

impl RequestContext {
    /// Reads the context from request headers.
    pub fn from_headers(headers: &http::HeaderMap) -> RequestContext {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        RequestContext {
            locale: headers
                .get_all(http::header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(Locale::from_accept_language),
            request_id: text("x-request-id").map(str::to_owned),
        }
    }

    /// A reply to `error` in the request's locale, with its request id and the current time.
    pub fn reply<E: ServeError>(&self, error: E) -> Reply<E> {
        let mut r =
            Reply::new(error).timestamp(crate::timestamp::rfc3339(std::time::SystemTime::now(), 3));
        if let Some(l) = self.locale {
            r = r.locale(l);
        }
        if let Some(id) = &self.request_id {
            r = r.request_id(id.clone());
        }
        r
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestContext::from_headers(&parts.headers))
    }
}

/// `IntoResponse` for a generated `Error`: its reply with nothing from the request.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($ty:ident) => {
        impl $crate::web::axum::__IntoResponse for $ty {
            fn into_response(self) -> $crate::web::axum::__Response {
                $crate::web::axum::__IntoResponse::into_response($crate::serve::Reply::new(self))
            }
        }
    };
}

#[doc(hidden)]
pub use axum_core::response::{IntoResponse as __IntoResponse, Response as __Response};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{cancel, ebp};

    #[test]
    fn errors_and_replies_are_responses() {
        let res = cancel::Error::NotReservationOwner.into_response();
        assert_eq!(res.status(), 403);
        assert_eq!(res.headers()["content-type"], "application/json");
        let res = ebp::Reply::new(ebp::Error::EbpC0004)
            .problem_json()
            .into_response();
        assert_eq!(res.status(), 400);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        // ebp's envelope is English-only; problem details follow the request (none: default).
        assert_eq!(res.headers()["content-language"], "en");
    }

    #[test]
    fn the_context_reads_accept_language_and_request_id() {
        let mut h = http::HeaderMap::new();
        h.append("accept-language", "fr".parse().unwrap());
        h.append("accept-language", "en-GB;q=0.5, ko;q=0.4".parse().unwrap());
        h.insert("x-request-id", "r-1".parse().unwrap());
        let ctx = RequestContext::from_headers(&h);
        assert_eq!(ctx.locale, Some(Locale::En));
        assert_eq!(ctx.request_id.as_deref(), Some("r-1"));
        let body = ctx
            .reply(ebp::Error::EbpA0001)
            .layout(crate::json::Layout::Compact)
            .body();
        assert!(body.starts_with(r#"{"resultCode":"EBP-A-0001","message":"Missing Mandatory Headers","requestId":"r-1","timestamp":"20"#), "{body}");
        assert_eq!(
            RequestContext::from_headers(&http::HeaderMap::new()),
            RequestContext::default()
        );
    }
}
