//! Rules of what a domain says about serving its errors: `[envelope]`, `[details.*]`,
//! `passthrough` and the placeholders of `error_type`.

use std::collections::BTreeMap;
use std::ops::Range;

use super::domain::name_problem_words;
use super::error::suggested_name;
use super::{
    Validator, at, empty_text, missing_key, quoted_list, quoted_list_or_none, ticked, unknown,
};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule};
use crate::ident;
use crate::load::{Entry, Loaded, LoadedDomain};
use crate::model::{
    BodyValue, DetailDef, Envelope, EnvelopeLocale, Field, FieldType, Member, Source, TargetKind,
    UPSTREAM_CODE, UPSTREAM_MESSAGE,
};
use crate::raw::{RawBody, RawBodyValue, RawDetail, RawEnvelope, RawError, S};
use crate::template::{Segment, Template};

/// How many spaces an envelope may indent by.
const MAX_INDENT: i64 = 8;

/// The spec's spelling of the upstream placeholders, for messages.
const UPSTREAM_WRITTEN: &str = "{upstreamCode}, {upstreamMessage}";

const BODY_EXAMPLE: &str = "[envelope.body]\nresultCode = \"{code}\"\nmessage = \"{message}\"";

fn source_list() -> String {
    Source::ALL
        .iter()
        .map(|s| format!("{{{}}}", s.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Validator<'_> {
    /// `[envelope]` and `[details.*]` of a domain; `None` if either has an error.
    pub(super) fn serving(
        &mut self,
        d: &LoadedDomain,
    ) -> Option<(Option<Envelope>, Vec<DetailDef>)> {
        let envelope = match &d.envelope {
            Some(e) => self.envelope(d.file, e).map(Some),
            None => Some(None),
        };
        let mut details = Some(Vec::new());
        let mut idents: BTreeMap<String, &S<String>> = BTreeMap::new();
        for e in &d.details {
            let Some(def) = self.detail(d.file, e) else {
                details = None;
                continue;
            };
            if let Some(first) = idents.get(&def.ident) {
                details = None;
                self.push(detail_collision(d.file, first, e, &def.ident));
            } else {
                idents.insert(def.ident.clone(), &e.key);
            }
            if let Some(v) = details.as_mut() {
                v.push(def);
            }
        }
        Some((envelope?, details?))
    }

    fn envelope(&mut self, file: FileId, e: &Entry<RawEnvelope>) -> Option<Envelope> {
        let raw = &e.value;
        let mut ok = true;
        let locale = self.envelope_locale(file, raw, &mut ok);
        let indent = match &raw.indent {
            None => None,
            Some(i) if (0..=MAX_INDENT).contains(i.get_ref()) => Some(*i.get_ref() as u8),
            Some(i) => {
                ok = false;
                self.push(bad_indent(file, i));
                None
            }
        };
        let body = match &raw.body {
            None => {
                if !e.was_dropped("body") {
                    self.push(no_body(
                        Rule::MissingKey,
                        at(file, e.key.span()),
                        Msg::new("[envelope]에 body가 없습니다", "`envelope` has no `body`"),
                    ));
                }
                return None;
            }
            Some(b) if b.get_ref().0.is_empty() => {
                self.push(no_body(
                    Rule::Envelope,
                    at(file, b.span()),
                    Msg::new("envelope.body가 비어 있습니다", "`envelope.body` is empty"),
                ));
                return None;
            }
            Some(b) => self.body(file, b.get_ref(), &mut ok),
        };
        ok.then_some(Envelope {
            locale,
            indent,
            body,
        })
    }

    /// `locale`: a catalog locale, or `"request"` (the default).
    fn envelope_locale(
        &mut self,
        file: FileId,
        raw: &RawEnvelope,
        ok: &mut bool,
    ) -> EnvelopeLocale {
        let l = match &raw.locale {
            None => return EnvelopeLocale::Request,
            Some(l) if l.get_ref() == "request" => return EnvelopeLocale::Request,
            Some(l) => l,
        };
        if let Some(i) = self.locales.iter().position(|x| x == l.get_ref()) {
            return EnvelopeLocale::Fixed(i);
        }
        *ok = false;
        let mut choices: Vec<&str> = self.locales.iter().map(String::as_str).collect();
        choices.push("request");
        let list = quoted_list(choices.iter().copied());
        let d = unknown(
            Rule::Envelope,
            at(file, l.span()),
            Msg::new(
                format!(
                    "envelope의 locale `{}`은(는) 카탈로그 언어가 아닙니다",
                    l.get_ref()
                ),
                format!("envelope locale `{}` is not a catalog locale", l.get_ref()),
            ),
            Some(Msg::new("알 수 없는 언어", "unknown locale")),
            l.get_ref(),
            &choices,
            ticked,
        )
        .help(Msg::new(
            format!("쓸 수 있는 값: {list}. \"request\"는 요청의 Accept-Language를 따릅니다"),
            format!("use one of {list}; \"request\" follows the request's Accept-Language"),
        ));
        self.push(d);
        EnvelopeLocale::Request
    }

    fn body(&mut self, file: FileId, body: &RawBody, ok: &mut bool) -> Vec<Member> {
        let mut out = Vec::new();
        for (k, v) in &body.0 {
            let value = match v.get_ref() {
                RawBodyValue::Int(i) => BodyValue::Int(*i),
                RawBodyValue::Bool(b) => BodyValue::Bool(*b),
                RawBodyValue::Table(t) => BodyValue::Object(self.body(file, t, ok).into()),
                RawBodyValue::Str(s) => match self.body_str(file, v.span(), s, k.get_ref()) {
                    Some(v) => v,
                    None => {
                        *ok = false;
                        continue;
                    }
                },
            };
            out.push(Member {
                key: k.get_ref().clone().into(),
                value,
            });
        }
        out
    }

    /// `"{code}"` → a source; other text → a constant.
    fn body_str(
        &mut self,
        file: FileId,
        span: Range<usize>,
        s: &str,
        key: &str,
    ) -> Option<BodyValue> {
        let list = source_list();
        let Ok(t) = Template::parse(s) else {
            self.push(
                Diagnostic::new(
                    Rule::Envelope,
                    at(file, span),
                    Msg::new(
                        format!("`{key}`의 값 \"{s}\"의 중괄호 짝이 맞지 않습니다"),
                        format!("the braces of `{key}`'s value \"{s}\" do not pair up"),
                    ),
                )
                .help(Msg::new(
                    format!("값은 {{code}}처럼 이름 하나이거나 글입니다. 글자 {{와 }}는 {{{{와 }}}}로 씁니다. 쓸 수 있는 이름: {list}"),
                    format!("a value is one name like {{code}}, or text; write literal braces as {{{{ and }}}}. Names: {list}"),
                )),
            );
            return None;
        };
        let problem = match t.segments.as_slice() {
            [] => return Some(BodyValue::Text(String::new().into())),
            [Segment::Text(text)] => return Some(BodyValue::Text(text.clone().into())),
            [
                Segment::Hole {
                    name,
                    particle: None,
                    ..
                },
            ] => match Source::from_name(name) {
                Some(src) => return Some(BodyValue::Source(src)),
                None => unknown_source(file, span, name, &list),
            },
            _ => mixed_value(file, span, key, s),
        };
        self.push(problem);
        None
    }

    fn detail(&mut self, file: FileId, e: &Entry<RawDetail>) -> Option<DetailDef> {
        let key = e.key.get_ref();
        let raw = &e.value;
        let ident = self.detail_ident(file, e);
        let target = self.detail_target(file, e);
        let message = match &raw.message {
            Some(m) => self.message(file, m, &RawError::default(), key),
            None => {
                if !e.was_dropped("message") {
                    let example = format!("message.{} = \"...\"", self.locales[0]);
                    self.push(missing_key(file, e, "message", &example));
                }
                None
            }
        };
        let (ident, target, (message, fields)) = (ident?, target?, message?);
        let name = target.as_str();
        let mut all = vec![Field {
            name: name.to_owned(),
            written: name.to_owned(),
            ty: FieldType::String,
            pii: false,
            example: None,
            currency: crate::model::KRW,
        }];
        all.extend(
            fields
                .into_iter()
                .filter(|f| f.name != name)
                .map(|f| Field {
                    ty: FieldType::String,
                    ..f
                }),
        );
        Some(DetailDef {
            key: key.clone(),
            ident,
            target,
            message,
            fields: all,
        })
    }

    fn detail_ident(&mut self, file: FileId, e: &Entry<RawDetail>) -> Option<String> {
        let key = e.key.get_ref();
        let (span, title, help) = match &e.value.name {
            Some(n) => {
                let Err(p) = ident::check_variant(n.get_ref()) else {
                    return Some(n.get_ref().clone());
                };
                let (ko, en) = name_problem_words(&p);
                let title = Msg::new(
                    format!("`{}`은(는) Rust 이름으로 쓸 수 없습니다: {ko}", n.get_ref()),
                    format!("`{}` is not a usable Rust name: {en}", n.get_ref()),
                );
                let help = Msg::new(
                    "영어 대문자로 시작하는 낙타 표기를 씁니다 (예: \"FieldBlank\")",
                    "use UpperCamelCase (\"FieldBlank\")",
                );
                (n.span(), title, help)
            }
            None => {
                let p = match ident::variant_from_code(key, "") {
                    Ok(i) => return Some(i),
                    Err(p) => p,
                };
                let (ko, en) = name_problem_words(&p);
                let guess = suggested_name(key);
                let title = Msg::new(
                    format!("상세 `{key}`에서 Rust 이름을 만들 수 없습니다: {ko}"),
                    format!("no Rust name can be made from detail `{key}`: {en}"),
                );
                let help = Msg::new(
                    format!("이름을 주세요: name = \"{guess}\""),
                    format!("give it a name: name = \"{guess}\""),
                );
                (e.key.span(), title, help)
            }
        };
        self.push(Diagnostic::new(Rule::InvalidName, at(file, span), title).help(help));
        None
    }

    fn detail_target(&mut self, file: FileId, e: &Entry<RawDetail>) -> Option<TargetKind> {
        let kinds: Vec<&str> = TargetKind::ALL.iter().map(|k| k.as_str()).collect();
        let list = quoted_list(kinds.iter().copied());
        let Some(t) = &e.value.target else {
            if !e.was_dropped("target") {
                self.push(
                    missing_key(file, e, "target", "target = \"field\"").note(Msg::new(
                        format!("쓸 수 있는 대상: {list}"),
                        format!("targets: {list}"),
                    )),
                );
            }
            return None;
        };
        if let Some(k) = TargetKind::ALL.iter().find(|k| k.as_str() == t.get_ref()) {
            return Some(*k);
        }
        let d = unknown(
            Rule::Detail,
            at(file, t.span()),
            Msg::new(
                format!("`{}`은(는) 상세의 대상이 될 수 없습니다", t.get_ref()),
                format!("`{}` is not a detail target", t.get_ref()),
            ),
            Some(Msg::new("알 수 없는 대상", "unknown target")),
            t.get_ref(),
            &kinds,
            ticked,
        )
        .help(Msg::new(
            format!("쓸 수 있는 대상: {list} (field는 요청 본문의 항목, header는 요청 헤더)"),
            format!("targets: {list} (field: a request body field, header: a request header)"),
        ));
        self.push(d);
        None
    }

    /// `passthrough` and the placeholders of `error_type` of one error. Takes the upstream
    /// placeholders out of `fields` when the error passes an upstream error through. `None`
    /// when there is a problem; `Some(passthrough)` otherwise.
    pub(super) fn error_serving(
        &mut self,
        file: FileId,
        raw: &RawError,
        fields: Option<&mut Vec<Field>>,
    ) -> Option<Option<String>> {
        let mut ok = true;
        let passthrough = raw.passthrough.as_ref().map(|p| p.get_ref().clone());
        if let Some(p) = &raw.passthrough
            && p.get_ref().trim().is_empty()
        {
            ok = false;
            self.push(empty_text(file, p.span(), "passthrough"));
        }
        let mut names: Vec<String> = Vec::new();
        if let Some(fields) = fields {
            if passthrough.is_some() {
                fields.retain(|f| f.name != UPSTREAM_CODE && f.name != UPSTREAM_MESSAGE);
            }
            names = fields.iter().map(|f| f.name.clone()).collect();
        }
        if passthrough.is_some() {
            names.push(UPSTREAM_CODE.into());
            names.push(UPSTREAM_MESSAGE.into());
        }
        if let Some(t) = &raw.error_type {
            ok &= self.error_type(file, t, &names);
        }
        ok.then_some(passthrough)
    }

    /// `error_type` uses only placeholders that something fills.
    fn error_type(&mut self, file: FileId, t: &S<String>, names: &[String]) -> bool {
        let Ok(tpl) = Template::parse(t.get_ref()) else {
            self.push(
                Diagnostic::new(
                    Rule::Braces,
                    at(file, t.span()),
                    Msg::new(
                        "error_type의 중괄호 짝이 맞지 않습니다",
                        "the braces of error_type do not pair up",
                    ),
                )
                .help(Msg::new(
                    "자리표시자는 {upstreamCode}처럼 닫고, 글자 {는 {{로 씁니다",
                    "close placeholders like {upstreamCode}; write a literal { as {{",
                )),
            );
            return false;
        };
        let mut ok = true;
        for f in tpl.fields() {
            if !names.iter().any(|n| n == f) {
                ok = false;
                self.push(unfilled_error_type(file, t, f));
            }
        }
        ok
    }

    /// Every `passthrough` names an upstream domain of the spec (not its own).
    pub(super) fn passthrough_targets(&mut self) {
        let loaded = self.loaded;
        for d in &loaded.domains {
            for e in &d.errors {
                let Some(p) = &e.value.passthrough else {
                    continue;
                };
                if let Some(diag) = passthrough_target(loaded, d, p) {
                    self.push(diag);
                }
            }
        }
    }
}

/// Is domain `id` of the spec an upstream one (`None`: no such domain)?
fn upstream(loaded: &Loaded, id: &str) -> Option<bool> {
    loaded.domains.iter().find(|d| d.id == id).map(|d| {
        d.domain
            .as_ref()
            .and_then(|e| e.value.upstream.as_ref())
            .is_some_and(|u| *u.get_ref())
    })
}

/// What is wrong with `passthrough = p` in domain `d`, if anything.
fn passthrough_target(loaded: &Loaded, d: &LoadedDomain, p: &S<String>) -> Option<Diagnostic> {
    let target = p.get_ref();
    if target.trim().is_empty() {
        return None;
    }
    let title = if target == &d.id {
        Msg::new(
            format!("`{target}` 도메인의 에러가 자기 도메인을 전달할 수 없습니다"),
            format!("an error of `{target}` cannot pass through its own domain"),
        )
    } else {
        match upstream(loaded, target) {
            None => Msg::new(
                format!("`{target}` 도메인이 없습니다"),
                format!("there is no domain `{target}`"),
            ),
            Some(false) => Msg::new(
                format!(
                    "`{target}`은(는) 연동사 도메인이 아닙니다 ([domain]에 upstream = true가 없습니다)"
                ),
                format!(
                    "`{target}` is not an upstream domain (its [domain] lacks upstream = true)"
                ),
            ),
            Some(true) => return None,
        }
    };
    let ups: Vec<&str> = loaded
        .domains
        .iter()
        .filter(|x| x.id != d.id && upstream(loaded, &x.id) == Some(true))
        .map(|x| x.id.as_str())
        .collect();
    let (list, list_en) = quoted_list_or_none(&ups);
    let label = Msg::new("연동사 도메인이 와야 합니다", "expected an upstream domain");
    let diag = unknown(
        Rule::Passthrough,
        at(d.file, p.span()),
        title,
        Some(label),
        target,
        &ups,
        ticked,
    );
    Some(diag.help(Msg::new(
        format!("passthrough에는 받은 에러의 연동사 도메인(파일 이름, [domain]에 upstream = true)을 씁니다: {list}"),
        format!("passthrough names the provider's domain (file stem, with upstream = true in [domain]): {list_en}"),
    )))
}

fn detail_collision(
    file: FileId,
    first: &S<String>,
    e: &Entry<RawDetail>,
    ident: &str,
) -> Diagnostic {
    let (a, b) = (first.get_ref(), e.key.get_ref());
    Diagnostic::new(
        Rule::NameCollision,
        at(file, e.key.span()),
        Msg::new(
            format!("상세 `{a}`와(과) `{b}`이(가) 같은 Rust 이름 `{ident}`이(가) 됩니다"),
            format!("details `{a}` and `{b}` both become `{ident}` in Rust"),
        ),
    )
    .related(
        Loc {
            file,
            span: first.span(),
        },
        Msg::new("먼저 쓴 상세", "the other detail"),
    )
    .help(Msg::new(
        "둘 중 하나에 name = \"...\"으로 Rust 이름을 따로 주세요",
        "give one of them its own Rust name with name = \"...\"",
    ))
}

fn bad_indent(file: FileId, i: &S<i64>) -> Diagnostic {
    Diagnostic::new(
        Rule::Envelope,
        at(file, i.span()),
        Msg::new(
            format!("들여쓰기 {}칸은 쓸 수 없습니다", i.get_ref()),
            format!("an indent of {} is not allowed", i.get_ref()),
        ),
    )
    .label(Msg::new("0부터 8까지", "must be within 0..=8"))
    .help(Msg::new(
        "0~8을 쓰거나, 한 줄로 붙여 쓰려면 indent를 지우세요",
        "use 0 to 8, or remove `indent` for one-line JSON",
    ))
}

/// An envelope without a body (missing or empty).
fn no_body(rule: Rule, loc: Option<Loc>, title: Msg) -> Diagnostic {
    Diagnostic::new(rule, loc, title).help(Msg::new(
        format!("응답 본문의 항목을 순서대로 쓰세요:\n{BODY_EXAMPLE}"),
        format!("list the body's members in order:\n{BODY_EXAMPLE}"),
    ))
}

fn unknown_source(file: FileId, span: Range<usize>, name: &str, list: &str) -> Diagnostic {
    let names: Vec<&str> = Source::ALL.iter().map(|s| s.name()).collect();
    unknown(
        Rule::Envelope,
        at(file, span),
        Msg::new(
            format!("응답 본문에 넣을 수 없는 값 `{{{name}}}`입니다"),
            format!("`{{{name}}}` is not a value an envelope can hold"),
        ),
        Some(Msg::new("알 수 없는 값", "unknown value")),
        name,
        &names,
        |s| format!("`{{{s}}}`"),
    )
    .help(Msg::new(
        format!("쓸 수 있는 값: {list}"),
        format!("available values: {list}"),
    ))
}

fn mixed_value(file: FileId, span: Range<usize>, key: &str, s: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Envelope,
        at(file, span),
        Msg::new(
            format!("`{key}`의 값 \"{s}\"에 글과 {{이름}}이 섞여 있습니다"),
            format!("`{key}`'s value \"{s}\" mixes text and {{names}}"),
        ),
    )
    .help(Msg::new(
        "값은 {message}처럼 이름 하나만 쓰거나 \"error\"처럼 글만 씁니다. 글과 값을 이어 붙이려면 메시지 쪽에 쓰세요",
        "a value is either one name like {message} or plain text like \"error\"; to combine text with a value, put it in the message",
    ))
}

/// A placeholder of `error_type` that nothing fills.
fn unfilled_error_type(file: FileId, t: &S<String>, f: &str) -> Diagnostic {
    let upstream = f == UPSTREAM_CODE || f == UPSTREAM_MESSAGE;
    let rule = if upstream {
        Rule::Passthrough
    } else {
        Rule::Braces
    };
    let d = Diagnostic::new(
        rule,
        at(file, t.span()),
        Msg::new(
            format!("error_type의 자리표시자 `{f}`을(를) 채울 값이 없습니다"),
            format!("nothing fills placeholder `{f}` of error_type"),
        ),
    );
    if upstream {
        d.help(Msg::new(
            format!("{UPSTREAM_WRITTEN}는 연동사 에러를 담아 전달하는 에러에서만 씁니다: passthrough = \"toss\"처럼 도메인을 쓰세요"),
            format!("{UPSTREAM_WRITTEN} exist only in errors that pass an upstream error on: add passthrough = \"toss\" (the provider's domain)"),
        ))
    } else {
        d.help(Msg::new(
            "error_type에는 메시지에 있는 자리표시자만 씁니다",
            "error_type may use only the message's placeholders",
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Rule;
    use crate::load::load_files;
    use crate::model::{BodyValue, EnvelopeLocale, Source, TargetKind};

    const CATALOG: &str = "[catalog]\nname = \"t\"\nlocales = [\"ko\", \"en\"]\n";
    const UP: &str = "[domain]\ntitle.ko = \"u\"\nupstream = true\n[errors.X]\nstatus = 400\nmessage.ko = \"x\"\nmessage.en = \"x\"\n";

    fn check(
        domain: &str,
    ) -> (
        Option<crate::model::Catalog>,
        Vec<crate::diagnostic::Diagnostic>,
    ) {
        let loaded = load_files(
            "spec",
            vec![
                ("catalog.toml".into(), CATALOG.as_bytes().to_vec()),
                ("up.toml".into(), UP.as_bytes().to_vec()),
                ("api.toml".into(), domain.as_bytes().to_vec()),
            ],
        );
        crate::validate::validate(&loaded)
    }

    fn rules(domain: &str) -> Vec<Rule> {
        check(domain)
            .1
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.rule)
            .collect()
    }

    const HEAD: &str = "[domain]\ntitle.ko = \"a\"\ntitle.en = \"a\"\n";

    #[test]
    fn envelopes_keep_the_written_order_and_nest_dotted_keys() {
        let spec = format!(
            "{HEAD}[envelope]\nlocale = \"en\"\nindent = 0\n[envelope.body]\nz = \"{{code}}\"\na = \"error\"\nerror.list = \"{{details}}\"\nm = \"{{errorType}}\"\nn = 3\nb = true\n"
        );
        let (cat, diags) = check(&spec);
        let cat = cat.unwrap_or_else(|| panic!("{diags:?}"));
        let env = cat.domain("api").unwrap().envelope.clone().unwrap();
        assert_eq!(env.locale, EnvelopeLocale::Fixed(1));
        assert_eq!(env.indent, Some(0));
        let keys: Vec<&str> = env.body.iter().map(|m| &*m.key).collect();
        assert_eq!(keys, ["z", "a", "error", "m", "n", "b"]);
        assert_eq!(env.body[0].value, BodyValue::Source(Source::Code));
        assert_eq!(env.body[1].value, BodyValue::Text("error".into()));
        assert_eq!(env.body[3].value, BodyValue::Source(Source::ErrorType));
        let BodyValue::Object(inner) = &env.body[2].value else {
            panic!()
        };
        assert_eq!(inner[0].value, BodyValue::Source(Source::Details));
    }

    #[test]
    fn envelope_mistakes_are_reported_together() {
        let spec = format!(
            "{HEAD}[envelope]\nlocale = \"fr\"\nindent = 12\n[envelope.body]\na = \"{{mesage}}\"\nb = \"x {{code}}\"\nc = \"{{code\"\n"
        );
        let (_, diags) = check(&spec);
        let env: Vec<_> = diags.iter().filter(|d| d.rule == Rule::Envelope).collect();
        assert_eq!(env.len(), 5, "{diags:#?}");
        assert!(
            env.iter()
                .any(|d| d.help.iter().any(|h| h.en == "did you mean `{message}`?"))
        );
    }

    #[test]
    fn a_bad_value_in_a_header_table_hides_nothing() {
        // `[envelope.body]` spans only its header: the loader must still find and drop `list`.
        let spec = format!(
            "{HEAD}[envelope]\nlocale = \"english\"\n[envelope.body]\nlist = [\"a\"]\nratio = 1.5\nx = \"{{cdoe}}\"\n"
        );
        let mut r = rules(&spec);
        r.sort();
        assert_eq!(
            r,
            [
                Rule::WrongType,
                Rule::WrongType,
                Rule::Envelope,
                Rule::Envelope
            ]
        );
    }

    #[test]
    fn an_envelope_needs_a_body() {
        assert_eq!(
            rules(&format!("{HEAD}[envelope]\nlocale = \"ko\"\n")),
            [Rule::MissingKey]
        );
    }

    #[test]
    fn details_take_their_target_as_first_field() {
        let spec = format!(
            "{HEAD}[details.FIELD_TOO_LONG]\ntarget = \"field\"\nmessage.ko = \"{{field}}은(는) {{max}}자 이하\"\nmessage.en = \"{{field}}: at most {{max}}\"\n[details.HEADER_MISSING]\ntarget = \"header\"\nmessage.ko = \"헤더 없음\"\n"
        );
        let (cat, diags) = check(&spec);
        let cat = cat.unwrap_or_else(|| panic!("{diags:?}"));
        let d = &cat.domain("api").unwrap().details;
        assert_eq!(d[0].ident, "FieldTooLong");
        assert_eq!(d[0].target, TargetKind::Field);
        let names: Vec<&str> = d[0].fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["field", "max"]);
        let names: Vec<&str> = d[1].fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["header"]);
    }

    #[test]
    fn detail_mistakes() {
        let spec = format!(
            "{HEAD}[details.A]\ntarget = \"feild\"\nmessage.ko = \"x\"\n[details.B]\nmessage.ko = \"x {{y}}\"\nmessage.en = \"x\"\n"
        );
        let (_, diags) = check(&spec);
        let d = diags.iter().find(|d| d.rule == Rule::Detail).unwrap();
        assert_eq!(d.help[0].en, "did you mean `field`?");
        assert!(diags.iter().any(|d| d.rule == Rule::MissingKey));
        assert!(diags.iter().any(|d| d.rule == Rule::PlaceholderMismatch));
    }

    #[test]
    fn passthrough_errors_take_the_upstream_placeholders() {
        let spec = format!(
            "{HEAD}[errors.GW]\nstatus = 502\npassthrough = \"up\"\nerror_type = \"{{upstreamCode}}\"\nmessage.ko = \"[에러]{{upstreamMessage}}\"\nmessage.en = \"[error]{{upstreamMessage}}\"\n"
        );
        let (cat, diags) = check(&spec);
        let cat = cat.unwrap_or_else(|| panic!("{diags:?}"));
        let e = cat.domain("api").unwrap().errors().next().unwrap();
        assert_eq!(e.passthrough.as_deref(), Some("up"));
        assert!(e.fields.is_empty());
    }

    #[test]
    fn passthrough_mistakes() {
        let err = |p: &str, et: &str| {
            format!(
                "{HEAD}[errors.GW]\nstatus = 502\n{p}error_type = \"{et}\"\nmessage.ko = \"x\"\n"
            )
        };
        assert_eq!(
            rules(&err("passthrough = \"uq\"\n", "T")),
            [Rule::Passthrough]
        );
        assert_eq!(
            rules(&err("passthrough = \"api\"\n", "T")),
            [Rule::Passthrough]
        );
        assert_eq!(rules(&err("", "{upstreamCode}")), [Rule::Passthrough]);
        assert_eq!(rules(&err("", "{other}")), [Rule::Braces]);
        let (_, diags) = check(&err("passthrough = \"uq\"\n", "T"));
        let d = diags.iter().find(|d| d.rule == Rule::Passthrough).unwrap();
        assert_eq!(d.help[0].en, "did you mean `up`?");
    }
}
