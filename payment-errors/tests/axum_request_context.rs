//! `?` keeps the request's context with axum (issue 13): a handler returns the catalog's error
//! with `?`, and `RequestContextLayer` renders it with the request's `Accept-Language` and
//! `X-Request-Id`. Over real HTTP on loopback.

mod common;

use axum::Router;
use axum::routing::get;
use payment_errors::web::axum::RequestContextLayer;
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
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let app = Router::new()
                .route("/cancel", get(cancel_handler))
                .route("/ebp", get(ebp_handler))
                .route("/built", get(built))
                .layer(RequestContextLayer);
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await
        })
    });
    common::check_request_context(addr);
}
