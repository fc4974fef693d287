//! actix-web 4 integration (feature `actix-web`): every generated `Error` and every
//! [`Reply`] is a `ResponseError`, so handlers return them with `?`. Wrap the app in
//! [`request_context`] and every such error answers in the language of the request's
//! `Accept-Language` and carries its `X-Request-Id`: the error travels in the response's
//! extensions to the middleware, which renders the body with the request at hand.
//!
//! ```
//! use actix_web::{App, middleware::from_fn, web};
//! use payment_errors::cancel;
//!
//! async fn cancel_payment() -> Result<&'static str, cancel::Error> {
//!     Err(cancel::Error::LoginRequired)?; // 401, in the caller's language, with its request id
//!     Ok("canceled")
//! }
//!
//! let app = App::new()
//!     .wrap(from_fn(payment_errors::web::actix::request_context))
//!     .route("/payment/cancel", web::post().to(cancel_payment));
//! # drop(app);
//! ```
//!
//! actix-web 4 is on `http` 0.2; the status is converted from the catalog's `u16`.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use crate::Locale;
use crate::serve::{PendingReply, Reply, RequestInfo, ServeError};

/// The middleware (`App::wrap(from_fn(request_context))`) that renders the catalog's error
/// responses with the request at hand: the locale of its `Accept-Language` and its
/// `X-Request-Id`. Other responses pass through untouched.
pub async fn request_context<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let headers = req.headers();
    let info = RequestInfo::new(
        headers
            .get_all("accept-language")
            .filter_map(|v| v.to_str().ok()),
        headers.get("x-request-id").and_then(|v| v.to_str().ok()),
    );
    let res = next.call(req).await?;
    let pending = res.response().extensions().get::<PendingReply>().cloned();
    let Some(pending) = pending else {
        return Ok(res.map_into_left_body());
    };
    let r = pending.render(&info);
    let (req, _) = res.into_parts();
    let new = HttpResponse::build(status_code(r.status))
        .insert_header((CONTENT_TYPE, r.content_type))
        .insert_header((CONTENT_LANGUAGE, r.content_language))
        .body(r.body);
    Ok(ServiceResponse::new(req, new).map_into_right_body())
}

/// The actix status code of a status number (500 if it is not one).
pub fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The locale a request accepts (`Accept-Language`, q-values honoured), if the catalog has it.
pub fn request_locale(req: &HttpRequest) -> Option<Locale> {
    req.headers()
        .get_all("accept-language")
        .filter_map(|v| v.to_str().ok())
        .find_map(Locale::from_accept_language)
}

impl<E: ServeError + std::fmt::Debug> ResponseError for Reply<E> {
    fn status_code(&self) -> StatusCode {
        status_code(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(status_code(self.status()))
            .insert_header((CONTENT_TYPE, self.content_type()))
            .insert_header((CONTENT_LANGUAGE, self.body_locale().as_str()))
            .body(self.body());
        // For `request_context`, which renders it again with the request at hand.
        res.extensions_mut().insert(self.clone().pending());
        res
    }
}

/// `ResponseError` for a generated `Error`: its reply with nothing from the request.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($ty:ident) => {
        impl $crate::web::actix::__ResponseError for $ty {
            fn status_code(&self) -> $crate::web::actix::__StatusCode {
                $crate::web::actix::status_code(self.status())
            }

            fn error_response(&self) -> $crate::web::actix::__HttpResponse {
                $crate::web::actix::__ResponseError::error_response(&$crate::serve::Reply::new(
                    self.clone(),
                ))
            }
        }
    };
}

#[doc(hidden)]
pub use actix_web::{
    HttpResponse as __HttpResponse, ResponseError as __ResponseError,
    http::StatusCode as __StatusCode,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{cancel, ebp};

    fn body(res: HttpResponse) -> String {
        let bytes = res.into_body().try_into_bytes().expect("a complete body");
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn errors_are_response_errors() {
        let err = cancel::Error::LoginRequired;
        assert_eq!(ResponseError::status_code(&err), StatusCode::UNAUTHORIZED);
        let res = err.error_response();
        assert_eq!(res.headers().get(CONTENT_TYPE).unwrap(), "application/json");
        assert_eq!(res.headers().get(CONTENT_LANGUAGE).unwrap(), "ko");
        assert_eq!(
            body(res),
            "{\n\"status\": \"error\",\n\"errorType\": \"LoginFailException\",\n\"errorCode\": null,\n\"message\": \"인증되지 않은 사용자입니다.\",\n\"data\": null\n}"
        );
    }

    #[test]
    fn replies_are_response_errors() {
        let reply = ebp::Reply::new(ebp::Error::ValidationFailed)
            .detail(ebp::Detail::FieldRequired {
                field: "totalAmount".into(),
            })
            .problem_json();
        let res = reply.error_response();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            res.headers().get(CONTENT_TYPE).unwrap(),
            "application/problem+json"
        );
        assert!(body(res).contains(r##""pointer": "#/totalAmount""##));
    }

    #[test]
    fn the_request_locale() {
        let req = actix_web::test::TestRequest::default()
            .insert_header(("accept-language", "en;q=0.9, ko;q=0.1"))
            .to_http_request();
        assert_eq!(request_locale(&req), Some(Locale::En));
    }
}
