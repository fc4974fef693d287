//! actix-web 4 integration (feature `actix-web`): every generated `Error` and every
//! [`Reply`] is a `ResponseError`, so handlers can return them with `?`. actix-web 4 is on
//! `http` 0.2; the status is converted from the catalog's `u16`.

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use crate::Locale;
use crate::serve::{Reply, ServeError};

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

impl<E: ServeError + std::fmt::Debug + Clone> ResponseError for Reply<E> {
    fn status_code(&self) -> StatusCode {
        status_code(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(status_code(self.status()))
            .insert_header((CONTENT_TYPE, self.content_type()))
            .insert_header((CONTENT_LANGUAGE, self.body_locale().as_str()))
            .body(self.body())
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
    use actix_web::body::MessageBody as _;

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
        let reply = ebp::Reply::new(ebp::Error::EbpC0004)
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
