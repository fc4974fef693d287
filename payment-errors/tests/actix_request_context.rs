//! `?` keeps the request's context with actix-web (issue 13): a handler returns the catalog's
//! error with `?`, and the `request_context` middleware renders it with the request's
//! `Accept-Language` and `X-Request-Id`. Over real HTTP on loopback.

mod common;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use payment_errors::{cancel, ebp};

async fn cancel_handler() -> Result<&'static str, cancel::Error> {
    Err(cancel::Error::LoginRequired)?;
    Ok("unreachable")
}

async fn ebp_handler() -> Result<&'static str, ebp::Error> {
    Err(ebp::Error::ValidationFailed)?
}

async fn built() -> Result<&'static str, ebp::Reply> {
    Err(ebp::Reply::new(ebp::Error::ValidationFailed)
        .detail(ebp::Detail::FieldBlank {
            field: "userNo".into(),
        })
        .request_id("mine"))
}

#[test]
fn errors_returned_with_question_mark_answer_in_the_requests_context() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(|| {
                App::new()
                    .wrap(from_fn(payment_errors::web::actix::request_context))
                    .route("/cancel", web::get().to(cancel_handler))
                    .route("/ebp", web::get().to(ebp_handler))
                    .route("/built", web::get().to(built))
            })
            .workers(1)
            .disable_signals()
            .listen(listener)
            .unwrap()
            .run()
            .await
        })
    });
    common::check_request_context(addr);
}
