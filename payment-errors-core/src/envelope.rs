//! The response envelope: the model of an error body a domain declares (`[envelope]` in the
//! spec) and the one writer of error bodies.
//!
//! The runtime (`payment_errors::serve::Reply`) and the generator (the docs' example bodies)
//! both write bodies through [`write_object`] and [`write_problem`], so an example in the docs
//! is byte for byte what a service sends. The runtime's envelopes are `static`s generated from
//! the spec (borrowed [`Member`]s); the generator's are built by the validator (owned ones).

use std::borrow::Cow;
use std::fmt;

use crate::json::Writer;

/// One member of an envelope body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The JSON key.
    pub key: Cow<'static, str>,
    /// What goes there.
    pub value: Value,
}

impl Member {
    /// A member of a `static` envelope.
    pub const fn new(key: &'static str, value: Value) -> Member {
        Member {
            key: Cow::Borrowed(key),
            value,
        }
    }
}

/// The value of an envelope member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A value of the error or of the request.
    Source(Source),
    /// A constant string.
    Text(Cow<'static, str>),
    /// A constant integer.
    Int(i64),
    /// A constant boolean.
    Bool(bool),
    /// A nested object.
    Object(Cow<'static, [Member]>),
}

impl Value {
    /// A constant string of a `static` envelope.
    pub const fn text(s: &'static str) -> Value {
        Value::Text(Cow::Borrowed(s))
    }

    /// A nested object of a `static` envelope.
    pub const fn object(members: &'static [Member]) -> Value {
        Value::Object(Cow::Borrowed(members))
    }
}

/// The values an envelope takes from the error and the request: `{code}` … in the spec.
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
    /// The payment outcome (`none`, `failed`, `unknown`).
    Outcome,
    /// The retry policy (`never`, `after_fix`, `new_key`, `same_key`).
    Retry,
    /// Seconds to wait before a retry, or null.
    RetryAfter,
    /// Who acts (`customer` …), or null.
    Actor,
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
        Source::Outcome,
        Source::Retry,
        Source::RetryAfter,
        Source::Actor,
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
            Source::Outcome => "outcome",
            Source::Retry => "retry",
            Source::RetryAfter => "retry_after",
            Source::Actor => "actor",
            Source::Null => "null",
        }
    }

    /// The source a written name stands for; `errorType` and `error_type` are the same.
    pub fn from_name(name: &str) -> Option<Source> {
        let folded = |s: &str| {
            s.chars()
                .filter(|c| *c != '_')
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        };
        let wanted = folded(name);
        Source::ALL
            .iter()
            .copied()
            .find(|s| folded(s.name()) == wanted)
    }
}

/// What one occurrence of an error gives the members of its envelope.
pub trait Fill {
    /// Writes the value of `source` (a JSON value: string, number, list, null …).
    fn write(&self, source: Source, w: &mut Writer);

    /// Leaves the members of `source` out of the body altogether.
    fn skip(&self, _source: Source) -> bool {
        false
    }
}

/// Writes `members` as a JSON object, each [`Source`] filled by `fill`.
pub fn write_object(w: &mut Writer, members: &[Member], fill: &dyn Fill) {
    w.begin_object();
    for m in members {
        if let Value::Source(s) = m.value
            && fill.skip(s)
        {
            continue;
        }
        w.key(&m.key);
        match &m.value {
            Value::Text(t) => w.str(t),
            Value::Int(i) => w.int(*i),
            Value::Bool(b) => w.bool(*b),
            Value::Object(inner) => write_object(w, inner, fill),
            Value::Source(s) => fill.write(*s, w),
        }
    }
    w.end_object();
}

/// One entry of RFC 9457's `errors` extension: a detail attached to the error.
#[derive(Debug, Clone, Copy)]
pub struct ProblemError<'a> {
    /// The detail's message.
    pub detail: &'a str,
    /// What it is about (`field`, `header` …).
    pub kind: &'a str,
    /// The name of the field or header.
    pub name: &'a str,
}

/// RFC 9457 problem details of one occurrence of an error.
pub struct Problem<'a> {
    /// `type`: the code's docs link, or `about:blank`.
    pub type_uri: &'a str,
    /// `title`, written straight into the body: the same for every occurrence of the code
    /// ([`problem_title`]).
    pub title: &'a dyn Fn(&mut dyn fmt::Write) -> fmt::Result,
    /// `status`.
    pub status: u16,
    /// `detail`: the occurrence's filled message.
    pub detail: Option<&'a str>,
    /// The `code` extension: the wire code.
    pub code: &'a str,
    /// The `errors` extension (left out when empty).
    pub errors: &'a [ProblemError<'a>],
    /// The `upstream` extension: the domain and code of a passed-through provider error.
    pub upstream: Option<(&'a str, &'a str)>,
}

/// Writes RFC 9457 problem details: `type`, `title`, `status`, `detail`, then the extension
/// members `code`, `errors` (`pointer` for fields, the target kind for others) and `upstream`.
pub fn write_problem(w: &mut Writer, p: &Problem<'_>) {
    w.begin_object();
    w.key("type");
    w.str(p.type_uri);
    w.key("title");
    w.str_with(|out| (p.title)(out));
    w.key("status");
    w.int(i64::from(p.status));
    if let Some(detail) = p.detail {
        w.key("detail");
        w.str(detail);
    }
    w.key("code");
    w.str(p.code);
    if !p.errors.is_empty() {
        w.key("errors");
        w.begin_array();
        for e in p.errors {
            w.element();
            w.begin_object();
            w.key("detail");
            w.str(e.detail);
            if e.kind == "field" {
                w.key("pointer");
                w.str(&json_pointer(e.name));
            } else {
                w.key(e.kind);
                w.str(e.name);
            }
            w.end_object();
        }
        w.end_array();
    }
    if let Some((domain, code)) = p.upstream {
        w.key("upstream");
        w.begin_object();
        w.key("domain");
        w.str(domain);
        w.key("code");
        w.str(code);
        w.end_object();
    }
    w.end_object();
}

/// RFC 9457's `title` of an occurrence (issue 13): the same for every occurrence of a code.
/// With a real docs link as `type`, the code's message when it has no placeholders (`fixed`);
/// otherwise — and always with `about:blank`, as RFC 9457 §4.2.1 asks — the status's reason
/// phrase. The occurrence's filled message goes into `detail`.
pub fn problem_title(has_link: bool, fixed: Option<&str>, status: u16) -> &str {
    match (has_link, fixed) {
        (true, Some(m)) => m,
        _ => reason_phrase(status),
    }
}

/// The reason phrase of an HTTP status (RFC 9110 §15), `Error` for one it does not name.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ if (400..500).contains(&status) => "Client Error",
        _ if (500..600).contains(&status) => "Server Error",
        _ => "Error",
    }
}

/// `#/name` with `~` and `/` escaped (RFC 6901).
fn json_pointer(name: &str) -> String {
    format!("#/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// `docs_url` with `{domain}` and `{code}` filled, the code percent-encoded.
pub fn docs_link(url: &str, domain: &str, code: &str) -> String {
    url.replace("{domain}", domain)
        .replace("{code}", &percent_encode(code))
}

/// `s` with every byte that cannot stand in a URL path segment percent-encoded (all but ASCII
/// letters, digits and `-_.~`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Layout;

    struct Occurrence;

    impl Fill for Occurrence {
        fn write(&self, source: Source, w: &mut Writer) {
            match source {
                Source::Code => w.str("E1"),
                Source::Status => w.int(400),
                _ => w.null(),
            }
        }

        fn skip(&self, source: Source) -> bool {
            source == Source::Data
        }
    }

    #[test]
    fn static_and_owned_members_write_the_same() {
        static INNER: [Member; 1] = [Member::new("status", Value::Source(Source::Status))];
        static BODY: [Member; 4] = [
            Member::new("code", Value::Source(Source::Code)),
            Member::new("data", Value::Source(Source::Data)),
            Member::new("kind", Value::text("error")),
            Member::new("error", Value::object(&INNER)),
        ];
        let owned: Vec<Member> = BODY.to_vec();
        let write = |members: &[Member]| {
            let mut w = Writer::new(Layout::Compact);
            write_object(&mut w, members, &Occurrence);
            w.finish()
        };
        assert_eq!(
            write(&BODY),
            r#"{"code":"E1","kind":"error","error":{"status":400}}"#
        );
        assert_eq!(write(&owned), write(&BODY));
    }

    #[test]
    fn problem_members_in_order() {
        let mut w = Writer::new(Layout::Compact);
        write_problem(
            &mut w,
            &Problem {
                type_uri: "about:blank",
                title: &|out| out.write_str("Bad \"request\""),
                status: 400,
                detail: Some("x is blank."),
                code: "E1",
                errors: &[
                    ProblemError {
                        detail: "x is blank.",
                        kind: "field",
                        name: "a/b~c",
                    },
                    ProblemError {
                        detail: "h missing.",
                        kind: "header",
                        name: "X-H",
                    },
                ],
                upstream: Some(("toss", "NOT_FOUND")),
            },
        );
        assert_eq!(
            w.finish(),
            r##"{"type":"about:blank","title":"Bad \"request\"","status":400,"detail":"x is blank.","code":"E1","errors":[{"detail":"x is blank.","pointer":"#/a~1b~0c"},{"detail":"h missing.","header":"X-H"}],"upstream":{"domain":"toss","code":"NOT_FOUND"}}"##
        );
    }

    #[test]
    fn source_names_fold_case_and_underscores() {
        assert_eq!(Source::from_name("errorType"), Some(Source::ErrorType));
        assert_eq!(Source::from_name("error_type"), Some(Source::ErrorType));
        assert_eq!(Source::from_name("REQUEST_ID"), Some(Source::RequestId));
        assert_eq!(Source::from_name("nope"), None);
        for s in Source::ALL {
            assert_eq!(Source::from_name(s.name()), Some(*s));
        }
    }

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
}
