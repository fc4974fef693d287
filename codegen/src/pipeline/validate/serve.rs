//! Rules of what a domain says about serving its errors: `[envelope]`, `[details.*]`,
//! `passthrough` and the placeholders of `error_type`.

use super::*;
use crate::model::{
    BodyValue, DetailDef, Envelope, EnvelopeLocale, Member, Source, TargetKind, UPSTREAM_CODE,
    UPSTREAM_MESSAGE,
};
use crate::raw::{RawBody, RawBodyValue, RawDetail, RawEnvelope};
use crate::template::Segment;

/// How many spaces an envelope may indent by.
const MAX_INDENT: i64 = 8;

/// The spec's spelling of the upstream placeholders, for messages.
const UPSTREAM_WRITTEN: &str = "{upstreamCode}, {upstreamMessage}";

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
            match self.detail(d.file, e) {
                Some(def) => {
                    if let Some(first) = idents.get(&def.ident) {
                        details = None;
                        self.push(
                            Diagnostic::new(
                                Rule::NameCollision,
                                at(d.file, e.key.span()),
                                Msg::new(
                                    format!("상세 `{}`와(과) `{}`이(가) 같은 Rust 이름 `{}`이(가) 됩니다", first.get_ref(), e.key.get_ref(), def.ident),
                                    format!("details `{}` and `{}` both become `{}` in Rust", first.get_ref(), e.key.get_ref(), def.ident),
                                ),
                            )
                            .related(Loc { file: d.file, span: first.span() }, Msg::new("먼저 쓴 상세", "the other detail"))
                            .help(Msg::new("둘 중 하나에 name = \"...\"으로 Rust 이름을 따로 주세요", "give one of them its own Rust name with name = \"...\"")),
                        );
                    } else {
                        idents.insert(def.ident.clone(), &e.key);
                    }
                    if let Some(v) = details.as_mut() {
                        v.push(def);
                    }
                }
                None => details = None,
            }
        }
        Some((envelope?, details?))
    }

    fn envelope(&mut self, file: FileId, e: &Entry<RawEnvelope>) -> Option<Envelope> {
        let raw = &e.value;
        let mut ok = true;
        let locale = match &raw.locale {
            None => EnvelopeLocale::Request,
            Some(l) if l.get_ref() == "request" => EnvelopeLocale::Request,
            Some(l) => match self.locales.iter().position(|x| x == l.get_ref()) {
                Some(i) => EnvelopeLocale::Fixed(i),
                None => {
                    ok = false;
                    let mut choices: Vec<&str> = self.locales.iter().map(String::as_str).collect();
                    choices.push("request");
                    let mut d = Diagnostic::new(
                        Rule::Envelope,
                        at(file, l.span()),
                        Msg::new(
                            format!(
                                "envelope의 locale `{}`은(는) 카탈로그 언어가 아닙니다",
                                l.get_ref()
                            ),
                            format!("envelope locale `{}` is not a catalog locale", l.get_ref()),
                        ),
                    )
                    .label(Msg::new("알 수 없는 언어", "unknown locale"));
                    if let Some(s) = did_you_mean(l.get_ref(), choices.iter().copied()) {
                        d = d.help(Msg::new(
                            format!("`{s}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{s}`?"),
                        ));
                    }
                    let list = quoted_list(choices.iter().copied());
                    self.push(d.help(Msg::new(
                        format!(
                            "쓸 수 있는 값: {list}. \"request\"는 요청의 Accept-Language를 따릅니다"
                        ),
                        format!(
                            "use one of {list}; \"request\" follows the request's Accept-Language"
                        ),
                    )));
                    EnvelopeLocale::Request
                }
            },
        };
        let indent = match &raw.indent {
            None => None,
            Some(i) if (0..=MAX_INDENT).contains(i.get_ref()) => Some(*i.get_ref() as u8),
            Some(i) => {
                ok = false;
                self.push(
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
                    )),
                );
                None
            }
        };
        let example = "[envelope.body]\nresultCode = \"{code}\"\nmessage = \"{message}\"";
        let body = match &raw.body {
            None => {
                if !e.was_dropped("body") {
                    self.push(
                        Diagnostic::new(
                            Rule::MissingKey,
                            at(file, e.key.span()),
                            Msg::new("[envelope]에 body가 없습니다", "`envelope` has no `body`"),
                        )
                        .help(Msg::new(
                            format!("응답 본문의 항목을 순서대로 쓰세요:\n{example}"),
                            format!("list the body's members in order:\n{example}"),
                        )),
                    );
                }
                return None;
            }
            Some(b) if b.get_ref().0.is_empty() => {
                self.push(
                    Diagnostic::new(
                        Rule::Envelope,
                        at(file, b.span()),
                        Msg::new("envelope.body가 비어 있습니다", "`envelope.body` is empty"),
                    )
                    .help(Msg::new(
                        format!("응답 본문의 항목을 순서대로 쓰세요:\n{example}"),
                        format!("list the body's members in order:\n{example}"),
                    )),
                );
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
        match t.segments.as_slice() {
            [] => Some(BodyValue::Text(String::new().into())),
            [Segment::Text(text)] => Some(BodyValue::Text(text.clone().into())),
            [
                Segment::Hole {
                    name,
                    particle: None,
                    ..
                },
            ] => match Source::from_name(name) {
                Some(src) => Some(BodyValue::Source(src)),
                None => {
                    let mut d = Diagnostic::new(
                        Rule::Envelope,
                        at(file, span),
                        Msg::new(
                            format!("응답 본문에 넣을 수 없는 값 `{{{name}}}`입니다"),
                            format!("`{{{name}}}` is not a value an envelope can hold"),
                        ),
                    )
                    .label(Msg::new("알 수 없는 값", "unknown value"));
                    if let Some(sug) = did_you_mean(name, Source::ALL.iter().map(|s| s.name())) {
                        d = d.help(Msg::new(
                            format!("`{{{sug}}}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{{{sug}}}`?"),
                        ));
                    }
                    self.push(d.help(Msg::new(
                        format!("쓸 수 있는 값: {list}"),
                        format!("available values: {list}"),
                    )));
                    None
                }
            },
            _ => {
                self.push(
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
                    )),
                );
                None
            }
        }
    }

    fn detail(&mut self, file: FileId, e: &Entry<RawDetail>) -> Option<DetailDef> {
        let key = e.key.get_ref();
        let raw = &e.value;
        let ident = match &raw.name {
            Some(n) => match ident::check_variant(n.get_ref()) {
                Ok(()) => Some(n.get_ref().clone()),
                Err(p) => {
                    let (ko, en) = name_problem_words(&p);
                    self.push(
                        Diagnostic::new(
                            Rule::InvalidName,
                            at(file, n.span()),
                            Msg::new(
                                format!(
                                    "`{}`은(는) Rust 이름으로 쓸 수 없습니다: {ko}",
                                    n.get_ref()
                                ),
                                format!("`{}` is not a usable Rust name: {en}", n.get_ref()),
                            ),
                        )
                        .help(Msg::new(
                            "영어 대문자로 시작하는 낙타 표기를 씁니다 (예: \"FieldBlank\")",
                            "use UpperCamelCase (\"FieldBlank\")",
                        )),
                    );
                    None
                }
            },
            None => match ident::variant_from_code(key, "") {
                Ok(i) => Some(i),
                Err(p) => {
                    let (ko, en) = name_problem_words(&p);
                    let guess = suggested_name(key);
                    self.push(
                        Diagnostic::new(
                            Rule::InvalidName,
                            at(file, e.key.span()),
                            Msg::new(
                                format!("상세 `{key}`에서 Rust 이름을 만들 수 없습니다: {ko}"),
                                format!("no Rust name can be made from detail `{key}`: {en}"),
                            ),
                        )
                        .help(Msg::new(
                            format!("이름을 주세요: name = \"{guess}\""),
                            format!("give it a name: name = \"{guess}\""),
                        )),
                    );
                    None
                }
            },
        };
        let kinds: Vec<&str> = TargetKind::ALL.iter().map(|k| k.as_str()).collect();
        let list = quoted_list(kinds.iter().copied());
        let target = match &raw.target {
            Some(t) => match TargetKind::ALL.iter().find(|k| k.as_str() == t.get_ref()) {
                Some(k) => Some(*k),
                None => {
                    let mut d = Diagnostic::new(
                        Rule::Detail,
                        at(file, t.span()),
                        Msg::new(
                            format!("`{}`은(는) 상세의 대상이 될 수 없습니다", t.get_ref()),
                            format!("`{}` is not a detail target", t.get_ref()),
                        ),
                    )
                    .label(Msg::new("알 수 없는 대상", "unknown target"));
                    if let Some(s) = did_you_mean(t.get_ref(), kinds.iter().copied()) {
                        d = d.help(Msg::new(
                            format!("`{s}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{s}`?"),
                        ));
                    }
                    self.push(d.help(Msg::new(
                        format!("쓸 수 있는 대상: {list} (field는 요청 본문의 항목, header는 요청 헤더)"),
                        format!("targets: {list} (field: a request body field, header: a request header)"),
                    )));
                    None
                }
            },
            None => {
                if !e.was_dropped("target") {
                    self.push(
                        missing_key(file, e, "target", "target = \"field\"").note(Msg::new(
                            format!("쓸 수 있는 대상: {list}"),
                            format!("targets: {list}"),
                        )),
                    );
                }
                None
            }
        };
        let message = match &raw.message {
            Some(m) => self.message(file, m, &RawError::default(), key),
            None => {
                if !e.was_dropped("message") {
                    self.push(missing_key(
                        file,
                        e,
                        "message",
                        &format!("message.{} = \"...\"", self.locales[0]),
                    ));
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
            match Template::parse(t.get_ref()) {
                Err(_) => {
                    ok = false;
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
                }
                Ok(tpl) => {
                    for f in tpl.fields() {
                        if names.iter().any(|n| n == f) {
                            continue;
                        }
                        ok = false;
                        let upstream = f == UPSTREAM_CODE || f == UPSTREAM_MESSAGE;
                        let d = Diagnostic::new(
                            if upstream {
                                Rule::Passthrough
                            } else {
                                Rule::Braces
                            },
                            at(file, t.span()),
                            Msg::new(
                                format!("error_type의 자리표시자 `{f}`을(를) 채울 값이 없습니다"),
                                format!("nothing fills placeholder `{f}` of error_type"),
                            ),
                        );
                        self.push(if upstream {
                            d.help(Msg::new(
                                format!("{UPSTREAM_WRITTEN}는 연동사 에러를 담아 전달하는 에러에서만 씁니다: passthrough = \"toss\"처럼 도메인을 쓰세요"),
                                format!("{UPSTREAM_WRITTEN} exist only in errors that pass an upstream error on: add passthrough = \"toss\" (the provider's domain)"),
                            ))
                        } else {
                            d.help(Msg::new(
                                "error_type에는 메시지에 있는 자리표시자만 씁니다",
                                "error_type may use only the message's placeholders",
                            ))
                        });
                    }
                }
            }
        }
        ok.then_some(passthrough)
    }

    /// Every `passthrough` names an upstream domain of the spec (not its own).
    pub(super) fn passthrough_targets(&mut self) {
        let loaded = self.loaded;
        let upstream = |id: &str| {
            loaded.domains.iter().find(|d| d.id == id).map(|d| {
                d.domain
                    .as_ref()
                    .and_then(|e| e.value.upstream.as_ref())
                    .is_some_and(|u| *u.get_ref())
            })
        };
        for d in &loaded.domains {
            for e in &d.errors {
                let Some(p) = &e.value.passthrough else {
                    continue;
                };
                let target = p.get_ref();
                if target.trim().is_empty() {
                    continue;
                }
                let problem = if target == &d.id {
                    Some(Msg::new(
                        format!("`{target}` 도메인의 에러가 자기 도메인을 전달할 수 없습니다"),
                        format!("an error of `{target}` cannot pass through its own domain"),
                    ))
                } else {
                    match upstream(target) {
                        None => Some(Msg::new(
                            format!("`{target}` 도메인이 없습니다"),
                            format!("there is no domain `{target}`"),
                        )),
                        Some(false) => Some(Msg::new(
                            format!(
                                "`{target}`은(는) 연동사 도메인이 아닙니다 ([domain]에 upstream = true가 없습니다)"
                            ),
                            format!(
                                "`{target}` is not an upstream domain (its [domain] lacks upstream = true)"
                            ),
                        )),
                        Some(true) => None,
                    }
                };
                let Some(title) = problem else { continue };
                let ups: Vec<&str> = loaded
                    .domains
                    .iter()
                    .filter(|x| x.id != d.id && upstream(&x.id) == Some(true))
                    .map(|x| x.id.as_str())
                    .collect();
                let mut diag =
                    Diagnostic::new(Rule::Passthrough, at(d.file, p.span()), title).label(
                        Msg::new("연동사 도메인이 와야 합니다", "expected an upstream domain"),
                    );
                if let Some(s) = did_you_mean(target, ups.iter().copied()) {
                    diag = diag.help(Msg::new(
                        format!("`{s}`을(를) 쓰려던 것인가요?"),
                        format!("did you mean `{s}`?"),
                    ));
                }
                let list = if ups.is_empty() {
                    "(없음)".to_owned()
                } else {
                    quoted_list(ups.iter().copied())
                };
                let list_en = if ups.is_empty() {
                    "(none)".to_owned()
                } else {
                    quoted_list(ups.iter().copied())
                };
                self.push(diag.help(Msg::new(
                    format!("passthrough에는 받은 에러의 연동사 도메인(파일 이름, [domain]에 upstream = true)을 씁니다: {list}"),
                    format!("passthrough names the provider's domain (file stem, with upstream = true in [domain]): {list_en}"),
                )));
            }
        }
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
        super::validate(&loaded)
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
        let e = &cat.domain("api").unwrap().errors[0];
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
