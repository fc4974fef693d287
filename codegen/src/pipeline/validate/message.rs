//! An error's message: a template in every locale, the same placeholders in each, and the
//! declarations of its fields (`fields.X`: type, example, `pii`).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::{Validator, Written, at, missing_key, unknown};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule};
use crate::ident;
use crate::load::Entry;
use crate::model::{Field, FieldType, Message, Text};
use crate::raw::{RawError, RawField, RawScalar, RawText, S};
use crate::template::{PARTICLE_SPELLINGS, Segment, Template, TemplateError};

/// A declared field: its type, `pii`, and example.
type Declared = (FieldType, bool, Option<String>);

impl Validator<'_> {
    /// The message of an entry and its fields (a retired code may have no message: `None`
    /// without a diagnostic).
    pub(super) fn error_message(
        &mut self,
        file: FileId,
        e: &Entry<RawError>,
    ) -> Option<(Message, Vec<Field>)> {
        match &e.value.message {
            // `mesage.ko` beside `message.en`: the typo is reported already, and the message
            // it stands for is not also said to miss its default text.
            Some(m)
                if e.was_dropped("message")
                    && !m.get_ref().0.iter().any(|(k, _)| {
                        k.get_ref().is_empty() || k.get_ref() == &self.locales[0]
                    }) =>
            {
                None
            }
            Some(m) => self.message(file, m, &e.value, e.key.get_ref()),
            None if e.value.retired.is_some() => None,
            None => {
                if !e.was_dropped("message") {
                    let example = format!("message.{} = \"...\"", self.locales[0]);
                    self.push(missing_key(file, e, "message", &example));
                }
                None
            }
        }
    }

    /// Parses the message in every locale, checks placeholder parity and field declarations.
    pub(super) fn message(
        &mut self,
        file: FileId,
        m: &S<RawText>,
        raw: &RawError,
        code: &str,
    ) -> Option<(Message, Vec<Field>)> {
        let (text, per_locale) = self.text(file, m, "message")?;
        let templates = self.templates(file, &text, &per_locale)?;
        let mut ok = true;
        let default_fields: BTreeSet<&str> = templates[0].fields().into_iter().collect();
        for (i, t) in templates.iter().enumerate().skip(1) {
            let fields: BTreeSet<&str> = t.fields().into_iter().collect();
            if text.translated[i] && fields != default_fields {
                ok = false;
                let d = self.parity(file, m, code, i, &templates, &per_locale);
                self.push(d);
            }
        }
        let declared = self.declared_fields(file, raw, &default_fields);
        if !ok {
            return None;
        }
        let fields = fields(&templates[0], &declared?);
        let message = Message {
            templates,
            translated: text.translated,
        };
        Some((message, fields))
    }

    /// Every locale's template; `None` if any does not parse (each problem reported once).
    fn templates(
        &mut self,
        file: FileId,
        text: &Text,
        per_locale: &Written,
    ) -> Option<Vec<Template>> {
        let mut templates = Vec::new();
        let mut ok = true;
        for (i, value) in text.values.iter().enumerate() {
            match Template::parse(value) {
                Ok(t) => templates.push(t),
                Err(errors) => {
                    ok = false;
                    // A fallback repeats the default text's problems: report those once.
                    let Some((span, _)) = &per_locale[i] else {
                        continue;
                    };
                    let locale = self.locales[i].clone();
                    for err in errors {
                        let d = self.template_error(file, span.clone(), value, &err, &locale);
                        self.push(d);
                    }
                }
            }
        }
        ok.then_some(templates)
    }

    /// Locale `i`'s message uses other placeholders than the default one.
    fn parity(
        &self,
        file: FileId,
        m: &S<RawText>,
        code: &str,
        i: usize,
        templates: &[Template],
        per_locale: &Written,
    ) -> Diagnostic {
        let (l, d0) = (&self.locales[i], &self.locales[0]);
        let default_fields: BTreeSet<&str> = templates[0].fields().into_iter().collect();
        let fields: BTreeSet<&str> = templates[i].fields().into_iter().collect();
        let braced = |names: Vec<String>| {
            let list: Vec<String> = names.iter().map(|f| format!("{{{f}}}")).collect();
            list.join(", ")
        };
        let missing: Vec<String> = default_fields
            .difference(&fields)
            .map(|f| written(f, &templates[0]))
            .collect();
        let extra: Vec<String> = fields
            .difference(&default_fields)
            .map(|f| written(f, &templates[i]))
            .collect();
        let span = per_locale[i].as_ref().map_or(m.span(), |(s, _)| s.clone());
        let mut d = Diagnostic::new(
            Rule::PlaceholderMismatch,
            at(file, span),
            Msg::new(
                format!("`{code}`의 {l} 메시지와 {d0} 메시지의 자리표시자가 다릅니다"),
                format!("the {l} and {d0} messages of `{code}` have different placeholders"),
            ),
        );
        if !missing.is_empty() {
            let list = braced(missing.clone());
            d = d
                .label(Msg::new(
                    format!("{list}이(가) 빠졌습니다"),
                    format!("missing {list}"),
                ))
                .help(Msg::new(
                    format!("{l} 메시지에도 {list}을(를) 넣으세요"),
                    format!("add {list} to the {l} message"),
                ));
        }
        if !extra.is_empty() {
            let list = braced(extra);
            if missing.is_empty() {
                d = d.label(Msg::new(
                    format!("{d0} 메시지에 없는 {list}"),
                    format!("{list} is not in the {d0} message"),
                ));
            }
            d = d.help(Msg::new(
                format!("{list}을(를) 지우거나 {d0} 메시지에도 넣으세요"),
                format!("remove {list}, or add it to the {d0} message too"),
            ));
        }
        d = d.note(Msg::new(
            "모든 언어의 메시지는 같은 자리표시자를 씁니다 ({bankCode}와 {bank_code}는 같은 것으로 봅니다)",
            "every locale's message uses the same placeholders ({bankCode} and {bank_code} are the same)",
        ));
        if let Some((s0, _)) = &per_locale[0] {
            let first = Loc {
                file,
                span: s0.clone(),
            };
            d = d.related(
                first,
                Msg::new(format!("{d0} 메시지"), format!("the {d0} message")),
            );
        }
        d
    }

    /// `fields.X`: names, types and examples; `None` if any is wrong.
    fn declared_fields(
        &mut self,
        file: FileId,
        raw: &RawError,
        default_fields: &BTreeSet<&str>,
    ) -> Option<BTreeMap<String, Declared>> {
        let mut declared = BTreeMap::new();
        let mut ok = true;
        let Some(fields) = &raw.fields else {
            return Some(declared);
        };
        for (k, f) in &fields.get_ref().0 {
            let Ok(name) = ident::field_from_placeholder(k.get_ref()) else {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::FieldType,
                        at(file, k.span()),
                        Msg::new(
                            format!("`{}`은(는) 자리표시자 이름이 될 수 없습니다", k.get_ref()),
                            format!("`{}` cannot be a placeholder name", k.get_ref()),
                        ),
                    )
                    .help(Msg::new(
                        "영어 글자로 시작하는 영어·숫자·_ 이름을 씁니다 (예: bankCode)",
                        "use ASCII letters, digits and _ starting with a letter (bankCode)",
                    )),
                );
                continue;
            };
            if !default_fields.contains(name.as_str()) {
                self.push(unused_field(file, k));
            }
            let field = f.get_ref();
            let ty = self.field_type(file, field, &mut ok);
            let example = self.field_example(file, field, ty, &mut ok);
            let pii = field.pii.as_ref().is_some_and(|p| *p.get_ref());
            declared.insert(name, (ty, pii, example));
        }
        ok.then_some(declared)
    }

    fn field_type(&mut self, file: FileId, field: &RawField, ok: &mut bool) -> FieldType {
        let Some(t) = &field.ty else {
            return FieldType::String;
        };
        if let Some(x) = FieldType::ALL.iter().find(|x| x.as_str() == t.get_ref()) {
            return *x;
        }
        *ok = false;
        let names: Vec<&str> = FieldType::ALL.iter().map(|x| x.as_str()).collect();
        self.push(
            unknown(
                Rule::FieldType,
                at(file, t.span()),
                Msg::new(
                    format!("`{}`은(는) 알 수 없는 형식입니다", t.get_ref()),
                    format!("unknown field type `{}`", t.get_ref()),
                ),
                Some(Msg::new("알 수 없는 형식", "unknown type")),
                t.get_ref(),
                &names,
                super::ticked,
            )
            .help(Msg::new(
                "쓸 수 있는 형식: string(글, 기본), integer(정수), amount(금액, 원)",
                "types: string (default), integer, amount (won)",
            )),
        );
        FieldType::String
    }

    fn field_example(
        &mut self,
        file: FileId,
        field: &RawField,
        ty: FieldType,
        ok: &mut bool,
    ) -> Option<String> {
        let ex = field.example.as_ref()?;
        match (ty, ex.get_ref()) {
            (FieldType::String, RawScalar::Str(s)) => Some(s.clone()),
            (_, RawScalar::Int(i)) => Some(i.to_string()),
            (_, RawScalar::Str(s)) if s.trim().parse::<i64>().is_ok() => Some(s.trim().to_owned()),
            (_, RawScalar::Str(s)) => {
                *ok = false;
                let ty = ty.as_str();
                self.push(
                    Diagnostic::new(
                        Rule::FieldType,
                        at(file, ex.span()),
                        Msg::new(
                            format!("{ty} 형식의 예시는 숫자여야 하는데 \"{s}\"입니다"),
                            format!("an example of a {ty} field must be a number, not \"{s}\""),
                        ),
                    )
                    .help(Msg::new("예: example = 1000", "e.g. example = 1000")),
                );
                None
            }
        }
    }

    fn template_error(
        &self,
        file: FileId,
        span: Range<usize>,
        value: &str,
        err: &TemplateError,
        locale: &str,
    ) -> Diagnostic {
        let src = self.text_of(file);
        let sub = |r: &Range<usize>| Loc {
            file,
            span: sub_span(src, &span, value, r),
        };
        match err {
            TemplateError::Unclosed { at: r } => Diagnostic::new(Rule::Braces, Some(sub(r)), Msg::new(format!("{locale} 메시지의 `{{`가 닫히지 않았습니다"), format!("unclosed `{{` in the {locale} message")))
                .label(Msg::new("짝이 없는 `{`", "this `{` has no `}`"))
                .help(Msg::new("자리표시자는 {이름}처럼 닫고, 글자 `{`는 `{{`로 씁니다", "close placeholders like {name}; write a literal `{` as `{{`")),
            TemplateError::Unopened { at: r } => Diagnostic::new(Rule::Braces, Some(sub(r)), Msg::new(format!("{locale} 메시지의 `}}`에 짝이 없습니다"), format!("unmatched `}}` in the {locale} message")))
                .label(Msg::new("짝이 없는 `}`", "this `}` has no `{`"))
                .help(Msg::new("글자 `}`는 `}}`로 씁니다", "write a literal `}` as `}}`")),
            TemplateError::Empty { at: r } => Diagnostic::new(Rule::Braces, Some(sub(r)), Msg::new(format!("{locale} 메시지에 이름 없는 자리표시자 `{{}}`가 있습니다"), format!("empty placeholder `{{}}` in the {locale} message")))
                .help(Msg::new("{bankCode}처럼 이름을 쓰거나, 글자 `{}`는 `{{}}`로 씁니다", "name it like {bankCode}, or write literal braces as `{{}}`")),
            TemplateError::BadName { at: r, name } => Diagnostic::new(Rule::Braces, Some(sub(r)), Msg::new(format!("`{{{name}}}`은(는) 자리표시자 이름으로 쓸 수 없습니다"), format!("`{{{name}}}` is not a valid placeholder")))
                .label(Msg::new("잘못된 자리표시자", "invalid placeholder"))
                .help(Msg::new(
                    "자리표시자 이름은 영어 글자로 시작하고 영어·숫자·_만 씁니다 (예: {bankCode}). 글자 그대로 쓰려면 {{와 }}로 감싸세요",
                    "placeholder names are ASCII letters, digits and _ ({bankCode}); to write braces literally use {{ and }}",
                )),
            TemplateError::UnknownParticle { at: r, text } => {
                let list = PARTICLE_SPELLINGS.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ");
                Diagnostic::new(Rule::UnknownParticle, Some(sub(r)), Msg::new(format!("자리표시자 뒤의 `{text}`은(는) 지원하지 않는 조사 표기입니다"), format!("`{text}` after a placeholder is not a particle form the renderer knows")))
                    .label(Msg::new("알 수 없는 조사", "unknown particle form"))
                    .help(Msg::new(format!("지원하는 조사: {list}"), format!("supported forms: {list}")))
                    .help(Msg::new("다른 조사는 값에 상관없이 맞는 표현으로 바꿔 쓰세요", "otherwise rephrase so the word after the placeholder does not depend on it"))
            }
        }
    }
}

/// A declared field the message does not use (a warning).
fn unused_field(file: FileId, k: &S<String>) -> Diagnostic {
    let name = k.get_ref();
    Diagnostic::new(
        Rule::Unused,
        at(file, k.span()),
        Msg::new(
            format!("`{name}`은(는) 메시지에 없는 자리표시자입니다"),
            format!("`{name}` is not a placeholder of the message"),
        ),
    )
    .help(Msg::new(
        format!("메시지에 {{{name}}}를 넣거나 이 선언을 지우세요"),
        format!("use {{{name}}} in the message, or remove this declaration"),
    ))
}

/// A placeholder as the editor wrote it (`{refundId}`, not `{refund_id}`).
fn written(field: &str, t: &Template) -> String {
    t.segments
        .iter()
        .find_map(|s| match s {
            Segment::Hole { name, field: f, .. } if f == field => Some(name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| field.to_owned())
}

/// The fields of a message, in the order the default template first uses them.
fn fields(default: &Template, declared: &BTreeMap<String, Declared>) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for seg in &default.segments {
        let Segment::Hole { name, field, .. } = seg else {
            continue;
        };
        if fields.iter().any(|f| &f.name == field) {
            continue;
        }
        let (ty, pii, example) =
            declared
                .get(field)
                .cloned()
                .unwrap_or((FieldType::String, false, None));
        fields.push(Field {
            name: field.clone(),
            written: name.clone(),
            ty,
            pii,
            example,
            currency: crate::model::KRW,
        });
    }
    fields
}

/// Maps a byte range inside a string value to the file, when the value is written without
/// escapes (so positions line up); otherwise the whole value.
fn sub_span(src: &str, value_span: &Range<usize>, value: &str, r: &Range<usize>) -> Range<usize> {
    let Some(lit) = src.get(value_span.clone()) else {
        return value_span.clone();
    };
    let (open, close) = if lit.starts_with("\"\"\"") || lit.starts_with("'''") {
        (3, 3)
    } else {
        (1, 1)
    };
    // An unterminated string (a syntax error toml recovered from) has no closing quote: its
    // last character may be any width, so slice only where the bytes allow it.
    let Some(mut inner) = lit
        .len()
        .checked_sub(close)
        .filter(|&end| end >= open)
        .and_then(|end| lit.get(open..end))
    else {
        return value_span.clone();
    };
    let mut inner_start = value_span.start + open;
    if open == 3
        && let Some(rest) = inner
            .strip_prefix("\r\n")
            .or_else(|| inner.strip_prefix('\n'))
    {
        inner_start += inner.len() - rest.len();
        inner = rest;
    }
    if inner == value {
        inner_start + r.start..inner_start + r.end
    } else {
        value_span.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unterminated_string_ending_in_hangul_gets_the_whole_span() {
        // Found by the `spec_pipeline` fuzz target: `"…(으)로` without its closing quote.
        let src = "message.ko = \"{a}(으)로";
        let span = 13..src.len();
        assert_eq!(sub_span(src, &span, "{a}(으)로", &(0..3)), span);
    }

    #[test]
    fn sub_spans_line_up_for_plain_strings() {
        let src = "message.ko = \"a {x\"";
        let span = 13..src.len();
        assert_eq!(sub_span(src, &span, "a {x", &(2..3)), 16..17);
        // Escapes shift positions: fall back to the whole value.
        let src = "message.ko = \"\\\"a {x\"";
        let span = 13..src.len();
        assert_eq!(sub_span(src, &span, "\"a {x", &(3..4)), span);
        // Multi-line strings skip the first newline.
        let src = "m = \"\"\"\nab {\"\"\"";
        let span = 4..src.len();
        assert_eq!(sub_span(src, &span, "ab {", &(3..4)), 11..12);
    }
}
