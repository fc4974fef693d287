//! Web framework integrations, each behind its feature. The core keeps the status as a `u16`
//! (actix-web 4 is built on `http` 0.2, axum on `http` 1) and converts per framework.

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;

/// Without the `axum` feature there is nothing to implement.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($ty:ident) => {};
}

/// Without the `actix-web` feature there is nothing to implement.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($ty:ident) => {};
}
