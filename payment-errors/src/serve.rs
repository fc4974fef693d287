//! Serving errors: the response envelope each domain declares in the spec (`[envelope]`),
//! RFC 9457 problem details for any error, and the field/header details attached to an error.
//!
//! A [`Reply`] is an error on its way out: the error, the details attached to it, and what the
//! request contributes (its locale, request id, time, data). [`Reply::body`] renders it:
//!
//! ```
//! use payment_errors::{ebp, serve::Layout};
//!
//! let reply = ebp::Reply::new(ebp::Error::ValidationFailed)
//!     .detail(ebp::Detail::FieldBlank { field: "userNo".into() })
//!     .request_id("1767329889073")
//!     .timestamp("2026-01-02T04:58:09.073097700Z")
//!     .layout(Layout::Compact);
//! assert_eq!(
//!     reply.body(),
//!     r#"{"resultCode":"EBP-C-0004","message":"Validation Failed","requestId":"1767329889073","timestamp":"2026-01-02T04:58:09.073097700Z","data":null,"error":{"errorDetails":[{"field":"userNo","message":"The field 'userNo' must not be blank."}]}}"#
//! );
//! assert_eq!(reply.status(), 400);
//! ```
//!
//! Only messages reach a body: explanations and actions are for staff and docs, never sent.

use std::borrow::Cow;
use std::fmt;

use payment_errors_core::envelope::{Fill, Problem, ProblemError, write_object, write_problem};

use crate::Locale;
use crate::json::{Json, Writer};

// `Reply::data`'s serializer (a module of `serve`: no new name at the crate root, where domain
// modules live).
#[cfg(feature = "serde")]
#[path = "serve_data.rs"]
mod data;
#[cfg(feature = "serde")]
pub use data::DataError;

/// What a response needs from an error. Every generated `Error` implements it; services use
/// it through [`Reply`]. Sealed: no type outside this crate implements it, so it can grow.
pub trait ServeError: sealed::Sealed + std::error::Error + Clone + Send + Sync + 'static {
    /// The details that can be attached to errors of this domain ([`NoDetail`] if none).
    type Detail: AttachedDetail;

    /// The domain id (`ebp`).
    fn domain(&self) -> &'static str;
    /// The wire code (`EBP-C-0004`).
    fn wire_code(&self) -> &str;
    /// The HTTP status.
    fn http_status(&self) -> u16;
    /// Writes the message in `locale`, placeholders filled.
    fn write_localized(&self, locale: Locale, w: &mut dyn fmt::Write) -> fmt::Result;
    /// The error type it reports (`errorType`), filled; `None` if the spec gives none.
    fn reported_type(&self) -> Option<Cow<'_, str>>;
    /// Can the same request succeed later?
    fn is_retryable(&self) -> bool;
    /// What the error means for the payment; `None` for an implementation that does not say
    /// (every generated `Error` does).
    fn payment(&self) -> Option<crate::payment::Payment> {
        None
    }
    /// The upstream error it carries and passes on, if any.
    fn upstream(&self) -> Option<Upstream<'_>>;
    /// The envelope its domain declares, if any.
    fn envelope(&self) -> Option<&'static Envelope>;
    /// The message in `locale` when it is the same for every occurrence (no placeholders).
    fn fixed_message(&self, locale: Locale) -> Option<&'static str>;

    /// The docs link of the error (`catalog.docs_url` filled), if the catalog has one.
    fn docs_url(&self) -> Option<String> {
        crate::DOCS_URL.map(|url| docs_link(url, self.domain(), self.wire_code()))
    }

    /// The status as an `http` 1 status code (500 if the number is not a status).
    #[cfg(feature = "http")]
    fn status_code(&self) -> http::StatusCode {
        crate::web::http::status_code(self.http_status())
    }
}

/// An upstream provider's error as a pass-through error carries it: code and message as
/// received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Upstream<'a> {
    /// The provider's domain (`toss`).
    pub domain: &'static str,
    /// The code as received.
    pub code: &'a str,
    /// The message as received.
    pub message: &'a str,
    /// Does the catalog know the code?
    pub known: bool,
}

/// A field- or header-level detail attached to an error (`[details.<KEY>]` in the spec).
pub trait AttachedDetail: Clone + fmt::Debug + Send + Sync + 'static {
    /// What it is about (`field`, `header` …): the JSON key of [`AttachedDetail::target_name`].
    fn target_kind(&self) -> &'static str;
    /// The name of the field or header (`userNo`, `X-Store-Id`).
    fn target_name(&self) -> &str;
    /// Writes the detail's message in `locale`.
    fn write_text(&self, locale: Locale, w: &mut dyn fmt::Write) -> fmt::Result;
}

/// The details of a domain that declares none: no value exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoDetail {}

impl AttachedDetail for NoDetail {
    fn target_kind(&self) -> &'static str {
        match *self {}
    }
    fn target_name(&self) -> &str {
        match *self {}
    }
    fn write_text(&self, _: Locale, _: &mut dyn fmt::Write) -> fmt::Result {
        match *self {}
    }
}

/// A domain's response envelope, generated from its `[envelope]` (e.g. `ebp::ENVELOPE`).
/// Internal to the serving code: services render bodies with [`Reply`].
#[doc(hidden)]
#[derive(Debug)]
pub struct Envelope {
    /// The locale its texts are always in; `None`: the request's.
    pub locale: Option<Locale>,
    /// Pretty-printed with this indent; `None`: compact.
    pub indent: Option<u8>,
    /// The members, in order.
    pub body: &'static [Member],
}

impl Envelope {
    /// The layout the spec declares.
    pub fn layout(&self) -> Layout {
        self.indent.map_or(Layout::Compact, Layout::Pretty)
    }
}

// The members of an envelope, and the one writer of bodies, are shared with the generator,
// which writes the docs' example bodies with them.
#[doc(hidden)]
pub use payment_errors_core::envelope::{Member, Source, Value, docs_link};
/// How a body is laid out (`Reply::layout`).
pub use payment_errors_core::json::Layout;

/// The seal of [`ServeError`]: public in a module nobody outside the crate can name.
#[doc(hidden)]
pub mod sealed {
    /// Implemented by the generated errors only.
    pub trait Sealed {}
}

/// Which body a [`Reply`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The domain's envelope (RFC 9457 for a domain without one).
    Envelope,
    /// RFC 9457 `application/problem+json`.
    Problem,
}

/// The media type of envelopes.
pub const JSON: &str = "application/json";
/// The media type of RFC 9457 problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error on its way out, with what the response needs besides it.
#[derive(Clone, Debug)]
pub struct Reply<E: ServeError> {
    error: E,
    details: Vec<E::Detail>,
    locale: Option<Locale>,
    request_id: Option<String>,
    timestamp: Option<String>,
    data: Option<Json>,
    omit_data: bool,
    layout: Option<Layout>,
    format: Format,
}

impl<E: ServeError> From<E> for Reply<E> {
    fn from(error: E) -> Reply<E> {
        Reply::new(error)
    }
}

impl<E: ServeError> Reply<E> {
    /// A reply with nothing but the error.
    #[must_use]
    pub fn new(error: E) -> Reply<E> {
        Reply {
            error,
            details: Vec::new(),
            locale: None,
            request_id: None,
            timestamp: None,
            data: None,
            omit_data: false,
            layout: None,
            format: Format::Envelope,
        }
    }

    /// Attaches a detail (`{details}` in the envelope, `errors` in problem details).
    #[must_use]
    pub fn detail(mut self, detail: E::Detail) -> Reply<E> {
        self.details.push(detail);
        self
    }

    /// Attaches details.
    #[must_use]
    pub fn details(mut self, details: impl IntoIterator<Item = E::Detail>) -> Reply<E> {
        self.details.extend(details);
        self
    }

    /// The request's locale (from `Accept-Language`); envelopes with a fixed locale ignore it.
    #[must_use]
    pub fn locale(mut self, locale: Locale) -> Reply<E> {
        self.locale = Some(locale);
        self
    }

    /// The request id (`{request_id}`).
    #[must_use]
    pub fn request_id(mut self, id: impl Into<String>) -> Reply<E> {
        self.request_id = Some(id.into());
        self
    }

    /// The time (`{timestamp}`), already formatted (see [`crate::timestamp::rfc3339`]).
    #[must_use]
    pub fn timestamp(mut self, t: impl Into<String>) -> Reply<E> {
        self.timestamp = Some(t.into());
        self
    }

    /// The data (`{data}`, null when not given): any `Serialize` value, written member by
    /// member by the crate's own JSON writer, so it can never reach outside its place in the
    /// body. An error when the value cannot be serialized (a map key that is not a string or
    /// a number).
    #[cfg(feature = "serde")]
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn data(mut self, data: impl serde::Serialize) -> Result<Reply<E>, DataError> {
        self.data = Some(data::to_json(&data)?);
        self.omit_data = false;
        Ok(self)
    }

    /// Leaves the `{data}` member out of the envelope altogether.
    #[must_use]
    pub fn omit_data(mut self) -> Reply<E> {
        self.omit_data = true;
        self
    }

    /// Overrides the layout the envelope declares.
    #[must_use]
    pub fn layout(mut self, layout: Layout) -> Reply<E> {
        self.layout = Some(layout);
        self
    }

    /// Renders RFC 9457 problem details instead of the domain's envelope.
    #[must_use]
    pub fn problem_json(mut self) -> Reply<E> {
        self.format = Format::Problem;
        self
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The error, the rest dropped.
    pub fn into_error(self) -> E {
        self.error
    }

    /// The attached details.
    pub fn attached(&self) -> &[E::Detail] {
        &self.details
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.error.http_status()
    }

    /// Which body [`Reply::body`] renders: problem details when asked or when the domain
    /// declares no envelope.
    pub fn format(&self) -> Format {
        match (self.format, self.error.envelope()) {
            (Format::Envelope, Some(_)) => Format::Envelope,
            _ => Format::Problem,
        }
    }

    /// The media type of [`Reply::body`].
    pub fn content_type(&self) -> &'static str {
        match self.format() {
            Format::Envelope => JSON,
            Format::Problem => PROBLEM_JSON,
        }
    }

    /// The locale the body's texts are in: for an envelope its fixed locale, else the
    /// request's, else the default; for problem details the request's first.
    pub fn body_locale(&self) -> Locale {
        let fixed = self.error.envelope().and_then(|e| e.locale);
        match self.format() {
            Format::Envelope => fixed.or(self.locale),
            Format::Problem => self.locale.or(fixed),
        }
        .unwrap_or(Locale::DEFAULT)
    }

    fn chosen_layout(&self) -> Layout {
        self.layout
            .or_else(|| self.error.envelope().map(Envelope::layout))
            .unwrap_or_default()
    }

    /// The response body.
    pub fn body(&self) -> String {
        let mut w = Writer::new(self.chosen_layout());
        let locale = self.body_locale();
        match (self.format(), self.error.envelope()) {
            (Format::Envelope, Some(env)) => write_object(
                &mut w,
                env.body,
                &Occurrence {
                    reply: self,
                    locale,
                },
            ),
            _ => self.write_problem(&mut w, locale),
        }
        w.finish()
    }

    /// RFC 9457: `type` (the docs link, `about:blank` without `docs_url`), `title` (the same
    /// for every occurrence: see `problem_title`), `status`, `detail` (this occurrence's
    /// message, placeholders filled), then the extension members `code`, `errors` (the
    /// attached details) and `upstream` (`domain`, `code` of a passed-through error).
    fn write_problem(&self, w: &mut Writer, locale: Locale) {
        let texts: Vec<String> = self
            .details
            .iter()
            .map(|d| {
                let mut s = String::new();
                let _ = d.write_text(locale, &mut s);
                s
            })
            .collect();
        let errors: Vec<ProblemError<'_>> = self
            .details
            .iter()
            .zip(&texts)
            .map(|(d, text)| ProblemError {
                detail: text,
                kind: d.target_kind(),
                name: d.target_name(),
            })
            .collect();
        let link = self.error.docs_url();
        let upstream = self.error.upstream();
        // RFC 9457 as written (issue 13): `title` the same for every occurrence of the code,
        // `detail` this occurrence's filled message.
        let title = payment_errors_core::envelope::problem_title(
            link.is_some(),
            self.error.fixed_message(locale),
            self.error.http_status(),
        );
        let mut detail = String::new();
        let _ = self.error.write_localized(locale, &mut detail);
        write_problem(
            w,
            &Problem {
                type_uri: link.as_deref().unwrap_or("about:blank"),
                title: &|out| out.write_str(title),
                status: self.error.http_status(),
                detail: Some(&detail),
                code: self.error.wire_code(),
                errors: &errors,
                upstream: upstream.map(|up| (up.domain, up.code)),
            },
        );
    }
}

/// What a reply's error and request give the members of its envelope.
struct Occurrence<'a, E: ServeError> {
    reply: &'a Reply<E>,
    locale: Locale,
}

impl<E: ServeError> Fill for Occurrence<'_, E> {
    fn skip(&self, s: Source) -> bool {
        self.reply.omit_data && s == Source::Data
    }

    fn write(&self, s: Source, w: &mut Writer) {
        let (reply, locale) = (self.reply, self.locale);
        let opt = |w: &mut Writer, v: Option<&str>| match v {
            Some(v) => w.str(v),
            None => w.null(),
        };
        match s {
            Source::Code => w.str(reply.error.wire_code()),
            Source::Message => w.str_with(|out| reply.error.write_localized(locale, out)),
            Source::Status => w.int(i64::from(reply.error.http_status())),
            Source::ErrorType => opt(w, reply.error.reported_type().as_deref()),
            Source::RequestId => opt(w, reply.request_id.as_deref()),
            Source::Timestamp => opt(w, reply.timestamp.as_deref()),
            Source::Data => match &reply.data {
                Some(d) => d.write(w),
                None => w.null(),
            },
            Source::Details => {
                w.begin_array();
                for d in &reply.details {
                    w.element();
                    w.begin_object();
                    w.key(d.target_kind());
                    w.str(d.target_name());
                    w.key("message");
                    w.str_with(|out| d.write_text(locale, out));
                    w.end_object();
                }
                w.end_array();
            }
            Source::Retryable => w.bool(reply.error.is_retryable()),
            Source::Outcome => opt(w, reply.error.payment().map(|p| p.outcome.as_str())),
            Source::Retry => opt(w, reply.error.payment().map(|p| p.retry.as_str())),
            Source::RetryAfter => match reply.error.payment().and_then(|p| p.retry_after) {
                Some(s) => w.int(i64::from(s)),
                None => w.null(),
            },
            Source::Actor => opt(
                w,
                reply
                    .error
                    .payment()
                    .and_then(|p| p.actor)
                    .map(|a| a.as_str()),
            ),
            Source::Null => w.null(),
        }
    }
}

/// What a request contributes to an error reply it did not build itself: its negotiated
/// locale, its `X-Request-Id`, the time. Filled in only where the reply has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestInfo {
    /// The locale negotiated from `Accept-Language`, if the catalog has one it accepts.
    pub locale: Option<Locale>,
    /// The `X-Request-Id` header, if present and text.
    pub request_id: Option<String>,
}

impl RequestInfo {
    /// From the request's `Accept-Language` values and `X-Request-Id`.
    pub fn new<'a>(
        accept_language: impl IntoIterator<Item = &'a str>,
        request_id: Option<&str>,
    ) -> RequestInfo {
        RequestInfo {
            locale: accept_language
                .into_iter()
                .find_map(Locale::from_accept_language),
            request_id: request_id.map(str::to_owned),
        }
    }
}

/// A response's body as rendered: status, media type, language, text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rendered {
    /// The HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// `Content-Language`.
    pub content_language: &'static str,
    /// The body.
    pub body: String,
}

impl<E: ServeError> Reply<E> {
    /// The reply with what `request` tells filled in where it has nothing of its own (locale,
    /// request id) and the current time if it has none.
    #[must_use]
    pub fn with_request(mut self, request: &RequestInfo) -> Reply<E> {
        if self.locale.is_none() {
            self.locale = request.locale;
        }
        if self.request_id.is_none() {
            self.request_id.clone_from(&request.request_id);
        }
        if self.timestamp.is_none() {
            self.timestamp = Some(crate::timestamp::rfc3339(std::time::SystemTime::now(), 3));
        }
        self
    }

    /// The whole response, rendered.
    pub fn render(&self) -> Rendered {
        Rendered {
            status: self.status(),
            content_type: self.content_type(),
            content_language: self.body_locale().as_str(),
            body: self.body(),
        }
    }

    /// What a web integration puts into a response's extensions when it renders this reply
    /// without the request at hand (a handler returned the error with `?`), so that a layer or
    /// middleware can render it again with the request's locale and id.
    #[doc(hidden)]
    pub fn pending(self) -> PendingReply {
        PendingReply(std::sync::Arc::new(self))
    }
}

/// An error reply rendered without its request, travelling in the response's extensions to
/// the layer (axum) or middleware (actix-web) that renders it with the request at hand.
#[derive(Clone)]
pub struct PendingReply(std::sync::Arc<dyn Rerender>);

impl fmt::Debug for PendingReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PendingReply")
    }
}

impl PendingReply {
    /// The reply rendered with `request`'s locale and id.
    pub fn render(&self, request: &RequestInfo) -> Rendered {
        self.0.render_with(request)
    }
}

trait Rerender: Send + Sync {
    fn render_with(&self, request: &RequestInfo) -> Rendered;
}

impl<E: ServeError> Rerender for Reply<E> {
    fn render_with(&self, request: &RequestInfo) -> Rendered {
        self.clone().with_request(request).render()
    }
}

/// Transparent: the error's message (its `Display`, personal data masked). A reply adds no
/// message of its own, so it shows the error's here and continues the chain with the error's
/// own `source()` — each message printed once in an anyhow/eyre report.
impl<E: ServeError> fmt::Display for Reply<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<E: ServeError + fmt::Debug> std::error::Error for Reply<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}
