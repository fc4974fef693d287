//! What the model knows about serving errors: a domain's response envelope, the details that
//! can be attached to its errors, and errors that carry an upstream provider's error.

use super::{Field, Message};

/// The rust field names of the values a pass-through error takes from the upstream error it
/// carries (`{upstreamCode}` and `{upstreamMessage}` in the spec).
pub const UPSTREAM_CODE: &str = "upstream_code";
/// See [`UPSTREAM_CODE`].
pub const UPSTREAM_MESSAGE: &str = "upstream_message";

/// A domain's error response body, declared in `[envelope]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Which locale the texts are in.
    pub locale: EnvelopeLocale,
    /// Pretty-printed with this many spaces per level; `None`: one line.
    pub indent: Option<u8>,
    /// The members, in the order written.
    pub body: Vec<Member>,
}

/// How an envelope picks the locale of its texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeLocale {
    /// Always this catalog locale (index into `Catalog::locales`).
    Fixed(usize),
    /// The request's (`Accept-Language`), the default locale when it names none we have.
    Request,
}

/// One member of an envelope body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The JSON key.
    pub key: String,
    /// Its value.
    pub value: BodyValue,
}

/// The value of an envelope member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyValue {
    /// A value of the error or of the request.
    Source(Source),
    /// A constant string.
    Text(String),
    /// A constant integer.
    Int(i64),
    /// A constant boolean.
    Bool(bool),
    /// A nested object.
    Object(Vec<Member>),
}

/// The values an envelope can take from the error and the request: `{code}` …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The wire code.
    Code,
    /// The message, placeholders filled.
    Message,
    /// The HTTP status, a number.
    Status,
    /// The error's `error_type`, or null.
    ErrorType,
    /// The request id the service gives, or null.
    RequestId,
    /// The time the service gives, or null.
    Timestamp,
    /// Data the service gives; null by default.
    Data,
    /// The attached details, a list.
    Details,
    /// `retryable`, true/false.
    Retryable,
    /// null.
    Null,
}

impl Source {
    /// Every source, in the order the staff guide lists them.
    pub const ALL: &'static [Source] = &[
        Source::Code,
        Source::Message,
        Source::Status,
        Source::ErrorType,
        Source::RequestId,
        Source::Timestamp,
        Source::Data,
        Source::Details,
        Source::Retryable,
        Source::Null,
    ];

    /// The name written in braces in the spec.
    pub fn name(self) -> &'static str {
        match self {
            Source::Code => "code",
            Source::Message => "message",
            Source::Status => "status",
            Source::ErrorType => "error_type",
            Source::RequestId => "request_id",
            Source::Timestamp => "timestamp",
            Source::Data => "data",
            Source::Details => "details",
            Source::Retryable => "retryable",
            Source::Null => "null",
        }
    }

    /// The source a written name stands for; `errorType` and `error_type` are the same.
    pub fn from_name(name: &str) -> Option<Source> {
        let norm: String = name
            .chars()
            .filter(|c| *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Source::ALL
            .iter()
            .copied()
            .find(|s| s.name().replace('_', "") == norm)
    }

    /// What the runtime calls it (`__private::Source::<variant>`).
    pub fn variant(self) -> &'static str {
        match self {
            Source::Code => "Code",
            Source::Message => "Message",
            Source::Status => "Status",
            Source::ErrorType => "ErrorType",
            Source::RequestId => "RequestId",
            Source::Timestamp => "Timestamp",
            Source::Data => "Data",
            Source::Details => "Details",
            Source::Retryable => "Retryable",
            Source::Null => "Null",
        }
    }
}

/// What a detail is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// A field of the request body.
    Field,
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A path parameter.
    Path,
    /// A cookie.
    Cookie,
}

impl TargetKind {
    /// Every kind.
    pub const ALL: &'static [TargetKind] = &[
        TargetKind::Field,
        TargetKind::Header,
        TargetKind::Query,
        TargetKind::Path,
        TargetKind::Cookie,
    ];

    /// The spec's spelling, also the JSON key of the target's name in a detail object.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Field => "field",
            TargetKind::Header => "header",
            TargetKind::Query => "query",
            TargetKind::Path => "path",
            TargetKind::Cookie => "cookie",
        }
    }
}

/// A detail (`[details.FIELD_BLANK]`) that can be attached to an error of its domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailDef {
    /// The key as written.
    pub key: String,
    /// The Rust variant name.
    pub ident: String,
    /// What it is about.
    pub target: TargetKind,
    /// The message.
    pub message: Message,
    /// The variant's fields: the target's name first (named after the target kind), then the
    /// message's other placeholders. All strings.
    pub fields: Vec<Field>,
}
