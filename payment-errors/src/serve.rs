//! Serving errors: the response envelope each domain declares in the spec (`[envelope]`),
//! RFC 9457 problem details for any error, and the field/header details attached to an error.
//!
//! A [`Reply`] is an error on its way out: the error, the details attached to it, and what the
//! request contributes (its locale, request id, time, data). [`Reply::body`] renders it:
//!
//! ```
//! use payment_errors::{ebp, json::Layout};
//!
//! let reply = ebp::Reply::new(ebp::Error::EbpC0004)
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

use crate::Locale;
use crate::json::{Json, Layout, Writer};

/// What a response needs from an error. Every generated `Error` implements it; services use
/// it through [`Reply`].
pub trait ServeError: std::error::Error + Send + Sync + 'static {
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
    /// The upstream error it carries and passes on, if any.
    fn upstream(&self) -> Option<Upstream<'_>>;
    /// The envelope its domain declares, if any.
    fn envelope(&self) -> Option<&'static Envelope>;

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

/// One member of an envelope.
#[derive(Debug)]
pub struct Member {
    /// The JSON key.
    pub key: &'static str,
    /// What goes there.
    pub value: Value,
}

/// The value of an envelope member.
#[derive(Debug)]
pub enum Value {
    /// A value of the error or the request.
    Source(Source),
    /// A constant string.
    Text(&'static str),
    /// A constant integer.
    Int(i64),
    /// A constant boolean.
    Bool(bool),
    /// A nested object.
    Object(&'static [Member]),
}

/// The values an envelope takes from the error and the request (`{code}` … in the spec).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The wire code.
    Code,
    /// The message, placeholders filled.
    Message,
    /// The HTTP status.
    Status,
    /// The error type, or null.
    ErrorType,
    /// The request id, or null.
    RequestId,
    /// The time, or null.
    Timestamp,
    /// The data, null unless given.
    Data,
    /// The attached details.
    Details,
    /// Retryable?
    Retryable,
    /// null
    Null,
}

/// Which body a [`Reply`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    pub fn detail(mut self, detail: E::Detail) -> Reply<E> {
        self.details.push(detail);
        self
    }

    /// Attaches details.
    pub fn details(mut self, details: impl IntoIterator<Item = E::Detail>) -> Reply<E> {
        self.details.extend(details);
        self
    }

    /// The request's locale (from `Accept-Language`); envelopes with a fixed locale ignore it.
    pub fn locale(mut self, locale: Locale) -> Reply<E> {
        self.locale = Some(locale);
        self
    }

    /// The request id (`{request_id}`).
    pub fn request_id(mut self, id: impl Into<String>) -> Reply<E> {
        self.request_id = Some(id.into());
        self
    }

    /// The time (`{timestamp}`), already formatted (see [`crate::timestamp::rfc3339`]).
    pub fn timestamp(mut self, t: impl Into<String>) -> Reply<E> {
        self.timestamp = Some(t.into());
        self
    }

    /// The data (`{data}`); null when not given.
    pub fn data(mut self, data: Json) -> Reply<E> {
        self.data = Some(data);
        self.omit_data = false;
        self
    }

    /// Leaves the `{data}` member out of the envelope altogether.
    pub fn omit_data(mut self) -> Reply<E> {
        self.omit_data = true;
        self
    }

    /// Overrides the layout the envelope declares.
    pub fn layout(mut self, layout: Layout) -> Reply<E> {
        self.layout = Some(layout);
        self
    }

    /// Renders RFC 9457 problem details instead of the domain's envelope.
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
            (Format::Envelope, Some(env)) => self.write_object(&mut w, env.body, locale),
            _ => self.write_problem(&mut w, locale),
        }
        w.finish()
    }

    fn write_object(&self, w: &mut Writer, members: &[Member], locale: Locale) {
        w.begin_object();
        for m in members {
            if self.omit_data && matches!(m.value, Value::Source(Source::Data)) {
                continue;
            }
            w.key(m.key);
            match &m.value {
                Value::Text(t) => w.str(t),
                Value::Int(i) => w.int(*i),
                Value::Bool(b) => w.bool(*b),
                Value::Object(inner) => self.write_object(w, inner, locale),
                Value::Source(s) => self.write_source(w, *s, locale),
            }
        }
        w.end_object();
    }

    fn write_source(&self, w: &mut Writer, s: Source, locale: Locale) {
        let opt = |w: &mut Writer, v: Option<&str>| match v {
            Some(v) => w.str(v),
            None => w.null(),
        };
        match s {
            Source::Code => w.str(self.error.wire_code()),
            Source::Message => w.str_with(|out| self.error.write_localized(locale, out)),
            Source::Status => w.int(i64::from(self.error.http_status())),
            Source::ErrorType => opt(w, self.error.reported_type().as_deref()),
            Source::RequestId => opt(w, self.request_id.as_deref()),
            Source::Timestamp => opt(w, self.timestamp.as_deref()),
            Source::Data => match &self.data {
                Some(d) => d.write(w),
                None => w.null(),
            },
            Source::Details => {
                w.begin_array();
                for d in &self.details {
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
            Source::Retryable => w.bool(self.error.is_retryable()),
            Source::Null => w.null(),
        }
    }

    /// RFC 9457: `type` (the docs link, `about:blank` without `docs_url`), `title` (the
    /// localized message), `status`, `detail` (the attached details' messages), then the
    /// extension members `code`, `errors` (the details: `pointer` for fields, the target kind
    /// for others) and `upstream` (`domain`, `code` of a passed-through error).
    fn write_problem(&self, w: &mut Writer, locale: Locale) {
        let text = |d: &E::Detail| {
            let mut s = String::new();
            let _ = d.write_text(locale, &mut s);
            s
        };
        w.begin_object();
        w.key("type");
        w.str(self.error.docs_url().as_deref().unwrap_or("about:blank"));
        w.key("title");
        w.str_with(|out| self.error.write_localized(locale, out));
        w.key("status");
        w.int(i64::from(self.error.http_status()));
        if !self.details.is_empty() {
            w.key("detail");
            let all: Vec<String> = self.details.iter().map(text).collect();
            w.str(&all.join(" "));
        }
        w.key("code");
        w.str(self.error.wire_code());
        if !self.details.is_empty() {
            w.key("errors");
            w.begin_array();
            for d in &self.details {
                w.element();
                w.begin_object();
                w.key("detail");
                w.str(&text(d));
                if d.target_kind() == "field" {
                    w.key("pointer");
                    w.str(&json_pointer(d.target_name()));
                } else {
                    w.key(d.target_kind());
                    w.str(d.target_name());
                }
                w.end_object();
            }
            w.end_array();
        }
        if let Some(up) = self.error.upstream() {
            w.key("upstream");
            w.begin_object();
            w.key("domain");
            w.str(up.domain);
            w.key("code");
            w.str(up.code);
            w.end_object();
        }
        w.end_object();
    }
}

impl<E: ServeError> fmt::Display for Reply<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<E: ServeError + fmt::Debug> std::error::Error for Reply<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// `#/name` with `~` and `/` escaped (RFC 6901).
fn json_pointer(name: &str) -> String {
    format!("#/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// `docs_url` with `{domain}` and `{code}` filled, the code percent-encoded.
pub fn docs_link(url: &str, domain: &str, code: &str) -> String {
    let mut encoded = String::with_capacity(code.len());
    for b in code.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    url.replace("{domain}", domain).replace("{code}", &encoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_links_encode_the_code() {
        assert_eq!(
            docs_link("https://e.x/{domain}/{code}", "ebp", "EBP-C-0004"),
            "https://e.x/ebp/EBP-C-0004"
        );
        assert_eq!(
            docs_link("/{domain}/{code}", "d", "a b/결"),
            "/d/a%20b%2F%EA%B2%B0"
        );
    }

    #[test]
    fn pointers_escape() {
        assert_eq!(json_pointer("a/b~c"), "#/a~1b~0c");
    }
}
