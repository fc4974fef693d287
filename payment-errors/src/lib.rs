//! The payment error catalog, generated from the TOML spec in `error-spec/`.
//!
//! One module per domain (an API of ours or an upstream provider's): [`ebp`], [`toss`],
//! [`cancel`]. Each has a fieldless, `Copy` [`ebp::Code`] for matching and lookups, and an
//! [`ebp::Error`] whose variants carry the values of their message's placeholders.
//!
//! ```
//! use payment_errors::{Locale, cancel, toss};
//!
//! // Look a provider's wire code up; unknown codes are `None`, never a panic.
//! let code = toss::Code::from_code("NOT_FOUND_PAYMENT_SESSION").unwrap();
//! assert_eq!(code.status(), 404);
//! assert_eq!(code.as_str(), "NOT_FOUND_PAYMENT_SESSION");
//! assert!(toss::Code::from_code("NO_SUCH_CODE").is_none());
//!
//! // Render an error of ours, with its placeholder filled and the Korean particle resolved.
//! let err = cancel::Error::PaymentIdRequired { field: "결제 ID".into() };
//! assert_eq!(err.to_string(), "결제 ID는 Null 일 수 없습니다.");
//! assert_eq!(err.message(Locale::En), "결제 ID must not be null.");
//! assert_eq!(err.status(), 400);
//! ```
//!
//! Korean particles after placeholders (`{field}은(는)`) are resolved from the value's last
//! pronounced sound. Messages render into any [`core::fmt::Write`] without
//! allocating ([`cancel::Error::write_message`]).
//!
//! # Serving errors
//!
//! [`serve`] turns an error into a response body: the JSON envelope its domain declares in the
//! spec (`[envelope]`, e.g. seed 003's `resultCode`/`message`/… for [`ebp`]) or RFC 9457
//! problem details, with field/header details attached (`ebp::Detail`). An upstream
//! provider's `{code, message}` parses into its domain's `Received` (`toss::Received`), which
//! keeps unknown codes verbatim, and an error can pass it on (`cancel::Error::GatewayCancelFailed`).
//! [`Locale::from_accept_language`] negotiates a locale from `Accept-Language`.
//!
//! # Features
//! - `serde` (default): `Serialize`/`Deserialize` of every `Code` as its wire code, and of
//!   every `Received` as the provider's `{"code", "message"}`.
//! - `http`: `http::StatusCode` of errors, `http::Response` of replies (`web::http`).
//! - `axum`: `IntoResponse` for every `Error` and `Reply`, and an extractor of the request's
//!   locale and id (`web::axum`).
//! - `actix-web`: `ResponseError` for every `Error` and `Reply` (`web::actix`).
//!
//! Without `http`, `axum` and `actix-web` the crate depends on nothing but `serde`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// docs.rs builds with `--cfg docsrs` (Cargo.toml's `[package.metadata.docs.rs]`): every item
// behind a feature is marked with it.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Shared with the generator (`payment-errors-core`), so that the docs' example bodies and the
// tables `errspec` computes are what the runtime writes and reads. Internals, hidden (issue 13: a small public surface): services use `Reply`, `Locale` and the
// generated API, not the writer, the particle rules, negotiation or timestamps directly.
#[doc(hidden)]
pub use payment_errors_core::{json, particle};
#[doc(hidden)]
pub mod negotiate;
pub mod payment;
pub mod serve;
#[doc(hidden)]
pub mod timestamp;
pub mod web;

#[doc(hidden)]
#[path = "runtime.rs"]
pub mod __private;

// The crate's README (what crates.io shows): its examples compile and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod __readme {}

// The API generated from the spec by `errspec check` (committed; `build.rs` checks that it
// matches the spec).
include!("catalog.rs");

/// A wire code that a domain does not have (the error of `Code::from_str`). It keeps the code
/// as received.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    domain: &'static str,
    code: String,
}

impl UnknownCode {
    #[doc(hidden)]
    pub fn new(domain: &'static str, code: &str) -> UnknownCode {
        UnknownCode {
            domain,
            code: code.to_owned(),
        }
    }

    /// The domain that was asked.
    pub fn domain(&self) -> &'static str {
        self.domain
    }

    /// The code as received.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} error code `{}`", self.domain, self.code)
    }
}

impl std::error::Error for UnknownCode {}

/// A language tag the catalog has no locale for (the error of `Locale::from_str`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownLocale {
    tag: String,
}

impl UnknownLocale {
    #[doc(hidden)]
    pub fn new(tag: &str) -> UnknownLocale {
        UnknownLocale {
            tag: tag.to_owned(),
        }
    }

    /// The tag as given.
    pub fn tag(&self) -> &str {
        &self.tag
    }
}

impl std::fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown locale `{}` (the catalog has: ", self.tag)?;
        for (i, l) in Locale::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(l.as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownLocale {}

impl Locale {
    /// The best catalog locale for an `Accept-Language` header value, by quality
    /// (`ko-KR,ko;q=0.9,en;q=0.8`); `None` when it names none the catalog has. See
    /// RFC 9110's rules (q-values, `*`, `q=0` refusals).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let tags: Vec<&str> = Locale::ALL.iter().map(|l| l.as_str()).collect();
        negotiate::negotiate(header, &tags).map(|i| Locale::ALL[i])
    }
}

/// A locale serializes as its language tag (`"ko"`) and deserializes from any tag
/// [`Locale::from_tag`] accepts (`"ko-KR"`); an unknown tag is an error, never a panic.
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Locale, D::Error> {
        struct Tag;
        impl serde::de::Visitor<'_> for Tag {
            type Value = Locale;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a language tag of the catalog's locales")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Locale, E> {
                Locale::from_tag(v).ok_or_else(|| E::custom(UnknownLocale::new(v)))
            }
        }
        d.deserialize_str(Tag)
    }
}
