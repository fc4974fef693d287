//! Example response bodies for the docs: an error's envelope (as its domain declares it) and
//! its RFC 9457 problem details, rendered from the catalog alone with example values — the
//! same bytes the runtime (`payment_errors::serve::Reply`) writes for `Error::example(code)`,
//! except that Korean particles after placeholders stay as the spec writes them (`은(는)`):
//! resolving them is the runtime's job.

use crate::envelope::{Fill, Problem, write_object, write_problem};
use crate::json::{Layout, Writer};
use crate::model::{
    Catalog, Domain, EnvelopeLocale, ErrorDef, FieldType, Source, UPSTREAM_CODE, UPSTREAM_MESSAGE,
};
use crate::template::{Segment, Template};

/// Renders the message of an error in a locale (an index into `Catalog::locales`).
pub type MessageFn = fn(&Catalog, &ErrorDef, usize) -> String;

/// What the example request contributes.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    /// The request's locale (index into `Catalog::locales`): used by envelopes that follow the
    /// request, and by problem details.
    pub locale: usize,
    /// `{request_id}`.
    pub request_id: Option<&'a str>,
    /// `{timestamp}`.
    pub timestamp: Option<&'a str>,
    /// How to render `{message}` and `title`; by default the placeholders are filled with their
    /// examples and particles stay as written. The docs pass one that resolves particles.
    pub message: Option<MessageFn>,
}

impl Default for Example<'_> {
    fn default() -> Self {
        Example {
            locale: 0,
            request_id: Some("1767329889073"),
            timestamp: Some("2026-01-02T04:58:09.073Z"),
            message: None,
        }
    }
}

/// The example body of `error` in its domain's envelope; `None` if the domain declares none.
pub fn envelope_body(
    catalog: &Catalog,
    domain: &Domain,
    error: &ErrorDef,
    ex: &Example<'_>,
) -> Option<String> {
    let env = domain.envelope.as_ref()?;
    let locale = match env.locale {
        EnvelopeLocale::Fixed(i) => i,
        EnvelopeLocale::Request => ex.locale,
    };
    let mut w = Writer::new(env.indent.map_or(Layout::Compact, Layout::Pretty));
    let ctx = Ctx {
        catalog,
        error,
        ex,
        locale,
    };
    write_object(&mut w, &env.body, &ctx);
    Some(w.finish())
}

/// The example RFC 9457 problem details of `error`, in the example request's locale and the
/// layout of its domain's envelope (compact without one).
pub fn problem_body(
    catalog: &Catalog,
    domain: &Domain,
    error: &ErrorDef,
    ex: &Example<'_>,
) -> String {
    let layout = domain
        .envelope
        .as_ref()
        .and_then(|e| e.indent)
        .map_or(Layout::Compact, Layout::Pretty);
    let ctx = Ctx {
        catalog,
        error,
        ex,
        locale: ex.locale,
    };
    let link = catalog.docs_link(&domain.id, &error.code);
    // As the runtime writes it (issue 13): a `title` the same for every occurrence, the
    // occurrence's filled message as `detail`.
    let fixed = (error.fields.is_empty() && error.passthrough.is_none())
        .then(|| error.message.templates[ex.locale].unfilled());
    let title = payment_errors_core::envelope::problem_title(
        link.is_some(),
        fixed.as_deref(),
        error.status,
    )
    .to_owned();
    let detail = ctx.message();
    let upstream = ctx.upstream();
    let mut w = Writer::new(layout);
    write_problem(
        &mut w,
        &Problem {
            type_uri: link.as_deref().unwrap_or("about:blank"),
            title: &|out| out.write_str(&title),
            status: error.status,
            detail: Some(&detail),
            code: &error.code,
            errors: &[],
            upstream: upstream.as_ref().map(|(up, code, _)| (*up, code.as_str())),
        },
    );
    w.finish()
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    error: &'a ErrorDef,
    ex: &'a Example<'a>,
    locale: usize,
}

impl Fill for Ctx<'_> {
    fn write(&self, s: Source, w: &mut Writer) {
        let opt = |w: &mut Writer, v: Option<&str>| match v {
            Some(v) => w.str(v),
            None => w.null(),
        };
        match s {
            Source::Code => w.str(&self.error.code),
            Source::Message => w.str(&self.message()),
            Source::Status => w.int(i64::from(self.error.status)),
            Source::ErrorType => opt(w, self.error_type().as_deref()),
            Source::RequestId => opt(w, self.ex.request_id),
            Source::Timestamp => opt(w, self.ex.timestamp),
            Source::Data | Source::Null => w.null(),
            Source::Details => {
                w.begin_array();
                w.end_array();
            }
            Source::Retryable => w.bool(self.error.retryable),
            Source::Outcome => w.str(self.error.payment.outcome.as_str()),
            Source::Retry => w.str(self.error.payment.retry.as_str()),
            Source::RetryAfter => match self.error.payment.retry_after {
                Some(s) => w.int(i64::from(s)),
                None => w.null(),
            },
            Source::Actor => opt(w, self.error.payment.actor.map(|a| a.as_str())),
        }
    }
}

impl Ctx<'_> {
    /// The upstream domain and the example error a pass-through error carries: the
    /// domain's first code with its default-locale message.
    fn upstream(&self) -> Option<(&str, String, String)> {
        let id = self.error.passthrough.as_deref()?;
        let first = self.catalog.domain(id).and_then(|d| d.errors().next());
        Some(match first {
            Some(e) => (id, e.code.clone(), e.message.templates[0].unfilled()),
            None => (id, "CODE".into(), "message".into()),
        })
    }

    fn value(&self, field: &str) -> String {
        if let Some((_, code, message)) = self.upstream() {
            match field {
                UPSTREAM_CODE => return code,
                UPSTREAM_MESSAGE => return message,
                _ => {}
            }
        }
        let Some(f) = self.error.fields.iter().find(|f| f.name == field) else {
            return format!("{{{field}}}");
        };
        match f.ty {
            FieldType::String => f.example.clone().unwrap_or_else(|| f.written.clone()),
            FieldType::Integer | FieldType::Amount => {
                let n = f
                    .example
                    .as_deref()
                    .and_then(|x| x.parse::<i64>().ok())
                    .unwrap_or(1000);
                if f.ty == FieldType::Integer {
                    n.to_string()
                } else if self.korean() {
                    format!("{}원", grouped(n))
                } else {
                    format!("KRW {}", grouped(n))
                }
            }
        }
    }

    fn korean(&self) -> bool {
        let tag = &self.catalog.locales[self.locale];
        tag == "ko" || tag.starts_with("ko-")
    }

    fn fill(&self, t: &Template) -> String {
        let mut out = String::new();
        for seg in &t.segments {
            match seg {
                Segment::Text(s) => out.push_str(s),
                Segment::Hole {
                    field, particle, ..
                } => {
                    out.push_str(&self.value(field));
                    if let Some(p) = particle {
                        out.push_str(&p.spelling);
                    }
                }
            }
        }
        out
    }

    fn message(&self) -> String {
        match self.ex.message {
            Some(render) => render(self.catalog, self.error, self.locale),
            None => self.fill(&self.error.message.templates[self.locale]),
        }
    }

    fn error_type(&self) -> Option<String> {
        let t = self.error.error_type.as_ref()?;
        Some(match Template::parse(t) {
            Ok(tpl) => self.fill(&tpl),
            Err(_) => t.clone(),
        })
    }
}

/// `n` with thousands separators.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(-1234567), "-1,234,567");
    }
}
