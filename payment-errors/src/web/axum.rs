//! axum integration (feature `axum`, through `axum-core`).
//!
//! Every generated `Error` and every [`Reply`] is an `IntoResponse`, so a handler returns the
//! catalog's error with `?`. Add [`RequestContextLayer`] to the router and every such error
//! answers in the language of the request's `Accept-Language` and carries its `X-Request-Id`:
//! the error travels in the response's extensions to the layer, which renders the body with
//! the request at hand.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use payment_errors::cancel;
//! use payment_errors::web::axum::RequestContextLayer;
//!
//! async fn cancel_payment() -> Result<&'static str, cancel::Error> {
//!     Err(cancel::Error::LoginRequired)?; // 401, in the caller's language, with its request id
//!     Ok("canceled")
//! }
//! // let app = axum::Router::new()
//! //     .route("/payment/cancel", axum::routing::post(cancel_payment))
//! //     .layer(RequestContextLayer);
//! # let _ = RequestContextLayer;
//! ```
//!
//! Without the layer the error answers in the default locale, without a request id. A handler
//! that needs more (details, data) builds a [`Reply`] itself; the layer fills in only what the
//! reply leaves empty.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::request::Parts;

use crate::Locale;
use crate::serve::{Reply, ServeError};

impl<E: ServeError> IntoResponse for Reply<E> {
    fn into_response(self) -> Response {
        let mut res = self.to_http().map(Body::from);
        res.extensions_mut().insert(self.pending());
        res
    }
}

/// Renders the catalog's error responses with the request at hand: the locale of its
/// `Accept-Language` and its `X-Request-Id` (see the module docs). `Router::layer` it.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestContextLayer;

impl<S> tower_layer::Layer<S> for RequestContextLayer {
    type Service = RequestContextService<S>;

    fn layer(&self, inner: S) -> RequestContextService<S> {
        RequestContextService { inner }
    }
}

/// The service [`RequestContextLayer`] wraps around a router's routes.
#[derive(Clone, Debug)]
pub struct RequestContextService<S> {
    inner: S,
}

impl<S, B> tower_service::Service<http::Request<B>> for RequestContextService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let info = RequestContext::from_headers(req.headers()).info();
        let future = self.inner.call(req);
        Box::pin(async move {
            let mut res = future.await?;
            if let Some(pending) = res.extensions_mut().remove::<crate::serve::PendingReply>() {
                let r = pending.render(&info);
                *res.status_mut() = crate::web::http::status_code(r.status);
                let headers = res.headers_mut();
                headers.insert(
                    http::header::CONTENT_TYPE,
                    http::HeaderValue::from_static(r.content_type),
                );
                headers.insert(
                    http::header::CONTENT_LANGUAGE,
                    http::HeaderValue::from_static(r.content_language),
                );
                headers.remove(http::header::CONTENT_LENGTH);
                *res.body_mut() = Body::from(r.body);
            }
            Ok(res)
        })
    }
}

/// What a request tells about how to answer it with an error: the locale it accepts
/// (`Accept-Language`, q-values honoured) and its id (`X-Request-Id`). Never rejects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
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

    /// What the request tells a reply.
    pub fn info(&self) -> crate::serve::RequestInfo {
        crate::serve::RequestInfo::new(self.locale.map(Locale::as_str), self.request_id.as_deref())
    }

    /// A reply to `error` in the request's locale, with its request id and the current time.
    #[must_use]
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
        let res = ebp::Reply::new(ebp::Error::ValidationFailed)
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
            .reply(ebp::Error::MissingMandatoryHeaders)
            .layout(crate::json::Layout::Compact)
            .body();
        assert!(body.starts_with(r#"{"resultCode":"EBP-A-0001","message":"Missing Mandatory Headers","requestId":"r-1","timestamp":"20"#), "{body}");
        assert_eq!(
            RequestContext::from_headers(&http::HeaderMap::new()),
            RequestContext::default()
        );
    }
}
