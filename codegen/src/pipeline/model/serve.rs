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

// The members of an envelope are the runtime's own type: the docs' example bodies are
// written by the same writer as a service's bodies (`payment_errors_core::envelope`).
pub use crate::envelope::{Member, Source, Value as BodyValue};

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
