//! Raw spec → [`Catalog`]: every rule, every problem collected.
//!
//! The validator only checks and points at the editor's own text; it builds the model as it
//! goes and hands it out only when no error was found. Warnings (a missing translation) come
//! with the fallback already applied in the model.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::codefmt::{CodeFormat, FormatError};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule, did_you_mean};
use crate::ident::{self, NameProblem};
use crate::load::{Entry, Loaded, LoadedDomain};
use crate::model::{
    Catalog, Deprecation, Domain, ErrorDef, Field, FieldType, Group, Message, Retirement, Text,
};
use crate::raw::{RawError, RawScalar, RawText, S};
use crate::template::{PARTICLE_SPELLINGS, Template, TemplateError};

mod serve;

/// Locales assumed when `catalog.toml` is missing or broken, so the domains still get checked.
const FALLBACK_LOCALES: &[&str] = &["ko", "en"];

/// Validates everything loaded. Returns the catalog only when there is no error; the
/// diagnostics (errors and warnings) always, the loader's first.
pub fn validate(loaded: &Loaded) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut v = Validator {
        loaded,
        diags: loaded.diagnostics.clone(),
        locales: Vec::new(),
    };
    let catalog = v.catalog();
    let mut domains = Vec::new();
    for d in &loaded.domains {
        if let Some(domain) = v.domain(d) {
            domains.push(domain);
        }
    }
    v.passthrough_targets();
    domains.sort_by(|a, b| a.id.cmp(&b.id));
    let ok = !v.diags.iter().any(Diagnostic::is_error);
    let out = match (ok, catalog) {
        (true, Some((name, docs_url))) => Some(Catalog {
            name,
            locales: v.locales.clone(),
            docs_url,
            domains,
        }),
        _ => None,
    };
    (out, v.diags)
}

/// Per catalog locale, the text as written in the spec with its span (`None`: not written).
type Written = Vec<Option<(Range<usize>, String)>>;

struct Validator<'a> {
    loaded: &'a Loaded,
    diags: Vec<Diagnostic>,
    locales: Vec<String>,
}

fn at(file: FileId, span: Range<usize>) -> Option<Loc> {
    Some(Loc { file, span })
}

fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn text_of(&self, file: FileId) -> &str {
        &self.loaded.sources.get(file).text
    }

    // ---- catalog.toml -------------------------------------------------------------------

    fn catalog(&mut self) -> Option<(String, Option<String>)> {
        self.locales = FALLBACK_LOCALES.iter().map(|s| (*s).to_owned()).collect();
        let example = "[catalog]\nname = \"payment-errors\"\nlocales = [\"ko\", \"en\"]";
        let Some(cat) = &self.loaded.catalog else {
            self.push(
                Diagnostic::new(
                    Rule::Catalog,
                    None,
                    Msg::new(
                        format!("`{}`에 catalog.toml이 없습니다", self.loaded.dir),
                        format!("no catalog.toml in `{}`", self.loaded.dir),
                    ),
                )
                .help(Msg::new(
                    format!("catalog.toml을 만들고 다음처럼 쓰세요:\n{example}"),
                    format!("create catalog.toml with:\n{example}"),
                )),
            );
            return None;
        };
        let file = cat.file;
        let Some(entry) = &cat.catalog else {
            self.push(
                Diagnostic::new(
                    Rule::MissingKey,
                    at(file, 0..0),
                    Msg::new(
                        "catalog.toml에 [catalog] 표가 없습니다",
                        "catalog.toml has no [catalog] table",
                    ),
                )
                .help(Msg::new(
                    format!("다음처럼 쓰세요:\n{example}"),
                    format!("write:\n{example}"),
                )),
            );
            return None;
        };
        let c = &entry.value;
        let mut ok = true;
        let name = match &c.name {
            Some(n) if !n.get_ref().trim().is_empty() => Some(n.get_ref().clone()),
            Some(n) => {
                self.push(empty_text(file, n.span(), "name"));
                None
            }
            None => {
                if !entry.was_dropped("name") {
                    self.push(missing_key(
                        file,
                        entry,
                        "name",
                        "name = \"payment-errors\"",
                    ));
                }
                None
            }
        };
        match &c.locales {
            None => {
                ok = false;
                if !entry.was_dropped("locales") {
                    self.push(missing_key(
                        file,
                        entry,
                        "locales",
                        "locales = [\"ko\", \"en\"]",
                    ));
                }
            }
            Some(list) if list.get_ref().is_empty() => {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::Catalog,
                        at(file, list.span()),
                        Msg::new("언어가 하나도 없습니다", "no locales"),
                    )
                    .help(Msg::new(
                        "첫 번째가 기본 언어입니다: locales = [\"ko\", \"en\"]",
                        "the first is the default: locales = [\"ko\", \"en\"]",
                    )),
                );
            }
            Some(list) => {
                let mut seen = BTreeMap::new();
                let mut locales = Vec::new();
                for tag in list.get_ref() {
                    let t = tag.get_ref();
                    if !ident::is_locale_tag(t) {
                        ok = false;
                        let suggestion = {
                            let t = t.replace('_', "-");
                            let (lang, rest) = t.split_once('-').unwrap_or((&t, ""));
                            if rest.is_empty() {
                                lang.to_lowercase()
                            } else {
                                format!("{}-{rest}", lang.to_lowercase())
                            }
                        };
                        self.push(
                            Diagnostic::new(
                                Rule::Catalog,
                                at(file, tag.span()),
                                Msg::new(
                                    format!("`{t}`은(는) 언어 태그가 아닙니다"),
                                    format!("`{t}` is not a locale tag"),
                                ),
                            )
                            .label(Msg::new("언어 태그가 와야 합니다", "expected a locale tag"))
                            .help(Msg::new(
                                format!(
                                    "\"ko\", \"en\", \"zh-Hant\"처럼 쓰세요 (예: \"{suggestion}\")"
                                ),
                                format!(
                                    "write tags like \"ko\", \"en\", \"zh-Hant\" (\"{suggestion}\")"
                                ),
                            )),
                        );
                    } else if let Some(first) = seen.insert(t.clone(), tag.span()) {
                        ok = false;
                        self.push(
                            Diagnostic::new(
                                Rule::Catalog,
                                at(file, tag.span()),
                                Msg::new(
                                    format!("언어 `{t}`이(가) 두 번 있습니다"),
                                    format!("locale `{t}` is listed twice"),
                                ),
                            )
                            .related(
                                Loc { file, span: first },
                                Msg::new("처음 쓴 곳", "first listed here"),
                            )
                            .help(Msg::new("둘 중 하나를 지우세요", "remove one of them")),
                        );
                    } else {
                        locales.push(t.clone());
                    }
                }
                if ok {
                    self.locales = locales;
                }
            }
        }
        let docs_url = c.docs_url.as_ref().map(|u| {
            let url = u.get_ref();
            let mut rest = url.as_str();
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                let var = &rest[open..close];
                if var != "{domain}" && var != "{code}" {
                    ok = false;
                    self.push(
                        Diagnostic::new(
                            Rule::DocsUrl,
                            at(file, u.span()),
                            Msg::new(
                                format!("docs_url의 `{var}`은(는) 채울 수 없습니다"),
                                format!("`{var}` in docs_url cannot be filled"),
                            ),
                        )
                        .help(Msg::new(
                            "쓸 수 있는 것: {domain}, {code}",
                            "available: {domain}, {code}",
                        )),
                    );
                }
                rest = &rest[close..];
            }
            url.clone()
        });
        ok &= self.acknowledgement(file, &c.breaking_change_ok);
        match (ok, name) {
            (true, Some(name)) => Some((name, docs_url)),
            _ => None,
        }
    }

    // ---- texts --------------------------------------------------------------------------

    /// Checks a locale-keyed text; returns one value per locale with fallbacks applied.
    /// `what` names the key for messages (`message`, `title` …). `None` if unusable.
    fn text(&mut self, file: FileId, raw: &S<RawText>, what: &str) -> Option<(Text, Written)> {
        let mut per_locale: Written = vec![None; self.locales.len()];
        let mut ok = true;
        for (k, v) in &raw.get_ref().0 {
            let key = if k.get_ref().is_empty() {
                self.locales[0].clone()
            } else {
                k.get_ref().clone()
            };
            let key_span = if k.get_ref().is_empty() {
                raw.span()
            } else {
                k.span()
            };
            let value_span = if k.get_ref().is_empty() {
                raw.span()
            } else {
                v.span()
            };
            match self.locales.iter().position(|l| *l == key) {
                Some(i) => {
                    if v.get_ref().trim().is_empty() {
                        ok = false;
                        let mut d = empty_text(file, value_span.clone(), &format!("{what}.{key}"));
                        if matches!(what, "message" | "title") {
                            // Required: removing the key is no fix.
                            d.help = vec![Msg::new(
                                format!("{what}.{key}에 글을 쓰세요 (꼭 있어야 하는 키입니다)"),
                                format!("write the {key} text of `{what}` (the key is required)"),
                            )];
                        }
                        self.push(d);
                    }
                    per_locale[i] = Some((value_span, v.get_ref().clone()));
                }
                None => {
                    ok = false;
                    let mut d = Diagnostic::new(
                        Rule::UnknownLocale,
                        at(file, key_span),
                        Msg::new(
                            format!("카탈로그에 없는 언어 `{key}`입니다"),
                            format!("`{key}` is not a locale of the catalog"),
                        ),
                    )
                    .label(Msg::new("알 수 없는 언어", "unknown locale"));
                    if let Some(s) = did_you_mean(&key, self.locales.iter().map(String::as_str)) {
                        d = d.help(Msg::new(
                            format!("`{what}.{s}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{what}.{s}`?"),
                        ));
                    }
                    let list = quoted_list(self.locales.iter().map(String::as_str));
                    d = d.help(Msg::new(
                        format!("catalog.toml의 locales에 있는 언어만 씁니다: {list}"),
                        format!("use a locale listed in catalog.toml: {list}"),
                    ));
                    self.push(d);
                }
            }
        }
        let default = self.locales[0].clone();
        let Some((_, default_text)) = per_locale[0].clone() else {
            let example = format!("{what}.{default} = \"...\"");
            self.push(
                Diagnostic::new(
                    Rule::MissingKey,
                    at(file, raw.span()),
                    Msg::new(
                        format!("기본 언어({default})의 `{what}`이(가) 없습니다"),
                        format!("`{what}` has no text in the default locale ({default})"),
                    ),
                )
                .help(Msg::new(
                    format!("기본 언어 글을 쓰세요: {example}"),
                    format!("add the default text: {example}"),
                )),
            );
            return None;
        };
        let mut values = Vec::with_capacity(self.locales.len());
        let mut translated = Vec::with_capacity(self.locales.len());
        for (i, slot) in per_locale.iter().enumerate() {
            match slot {
                Some((_, t)) => {
                    values.push(t.clone());
                    translated.push(true);
                }
                None => {
                    let l = self.locales[i].clone();
                    self.push(
                        Diagnostic::new(
                            Rule::MissingTranslation,
                            at(file, raw.span()),
                            Msg::new(
                                format!("`{what}`의 {l} 번역이 없어 {default} 글을 대신 씁니다"),
                                format!(
                                    "`{what}` has no {l} text; the {default} text is used instead"
                                ),
                            ),
                        )
                        .help(Msg::new(
                            format!("번역을 넣으세요: {what}.{l} = \"...\""),
                            format!("add it: {what}.{l} = \"...\""),
                        )),
                    );
                    values.push(default_text.clone());
                    translated.push(false);
                }
            }
        }
        ok.then_some((Text { values, translated }, per_locale))
    }

    fn opt_text(
        &mut self,
        file: FileId,
        raw: &Option<S<RawText>>,
        what: &str,
    ) -> Result<Option<Text>, ()> {
        match raw {
            None => Ok(None),
            Some(r) => self.text(file, r, what).map(|(t, _)| Some(t)).ok_or(()),
        }
    }

    // ---- domains ------------------------------------------------------------------------

    fn domain(&mut self, d: &LoadedDomain) -> Option<Domain> {
        let file = d.file;
        let mut ok = true;
        if let Err(problem) = ident::check_domain_id(&d.id) {
            ok = false;
            let (ko, en) = match &problem {
                NameProblem::WrongCase(s) => (
                    format!("파일 이름을 `{s}.toml`로 바꾸세요 (영어 소문자, 숫자, _만)"),
                    format!("rename the file to `{s}.toml` (lowercase ASCII letters, digits and _)"),
                ),
                NameProblem::Keyword | NameProblem::Reserved => (
                    format!("`{}`은(는) 예약된 이름입니다. 다른 이름(예: `{}_api.toml`)을 쓰세요", d.id, d.id),
                    format!("`{}` is reserved; pick another name such as `{}_api.toml`", d.id, d.id),
                ),
                _ => (
                    "파일 이름은 영어 소문자로 시작하고 영어 소문자, 숫자, _만 씁니다 (예: `toss.toml`)".to_owned(),
                    "file names start with a lowercase ASCII letter and hold only a-z, 0-9 and _ (`toss.toml`)".to_owned(),
                ),
            };
            self.push(
                Diagnostic::new(
                    Rule::DomainName,
                    at(file, 0..0),
                    Msg::new(
                        format!("`{}`은(는) 도메인 이름으로 쓸 수 없습니다", d.id),
                        format!("`{}` cannot be a domain id", d.id),
                    ),
                )
                .help(Msg::new(ko, en)),
            );
        }
        let example = "[domain]\ntitle.ko = \"...\"\ntitle.en = \"...\"";
        let Some(dom) = &d.domain else {
            self.push(
                Diagnostic::new(
                    Rule::MissingKey,
                    at(file, 0..0),
                    Msg::new("[domain] 표가 없습니다", "the file has no [domain] table"),
                )
                .help(Msg::new(
                    format!("파일 맨 위에 쓰세요:\n{example}"),
                    format!("add at the top:\n{example}"),
                )),
            );
            // Still check the errors, so the editor sees everything at once.
            self.errors(d, &[], &[], None, None, "");
            return None;
        };
        let raw = &dom.value;
        let title = match &raw.title {
            Some(t) => self.text(file, t, "title").map(|(t, _)| t),
            None => {
                if !dom.was_dropped("title") {
                    self.push(missing_key(file, dom, "title", "title.ko = \"...\""));
                }
                None
            }
        };
        ok &= title.is_some();
        let description = self.opt_text(file, &raw.description, "description");
        ok &= description.is_ok();
        let default_status = match &raw.default_status {
            Some(s) => match self.status(file, s) {
                Some(v) => Some(v),
                None => {
                    ok = false;
                    None
                }
            },
            None => None,
        };
        let code_format = match &raw.code_format {
            Some(f) => match CodeFormat::parse(f.get_ref()) {
                Ok(cf) => Some(cf),
                Err(e) => {
                    ok = false;
                    self.push(bad_code_format(file, f, &e));
                    None
                }
            },
            None => None,
        };
        let prefix = match &raw.variant_prefix {
            Some(p) => {
                let s = p.get_ref();
                let valid = s.is_empty()
                    || (s.starts_with(|c: char| c.is_ascii_uppercase())
                        && s.chars().all(|c| c.is_ascii_alphanumeric()));
                if !valid {
                    ok = false;
                    self.push(
                        Diagnostic::new(
                            Rule::InvalidName,
                            at(file, p.span()),
                            Msg::new(
                                format!("`{s}`은(는) 이름 앞에 붙일 수 없습니다"),
                                format!("`{s}` cannot prefix a Rust name"),
                            ),
                        )
                        .help(Msg::new(
                            "영어 대문자로 시작하는 영어·숫자만 씁니다 (예: \"R\")",
                            "use ASCII letters and digits starting with a capital (\"R\")",
                        )),
                    );
                }
                s.clone()
            }
            None => String::new(),
        };

        ok &= self.acknowledgement(file, &raw.breaking_change_ok);

        // Categories and operations.
        let categories: Vec<Option<Group>> = d
            .categories
            .iter()
            .map(|c| {
                self.keyed(
                    file,
                    c.key.clone(),
                    &c.value.title,
                    &c.value.description,
                    "category",
                    &c.dropped,
                )
            })
            .collect();
        let operations: Vec<Option<Group>> = d
            .operations
            .iter()
            .map(|o| {
                self.keyed(
                    file,
                    o.key.clone(),
                    &o.value.title,
                    &o.value.description,
                    "operation",
                    &o.dropped,
                )
            })
            .collect();
        let categories: Option<Vec<Group>> = categories.into_iter().collect();
        let operations: Option<Vec<Group>> = operations.into_iter().collect();
        ok &= categories.is_some() && operations.is_some();
        ok &= self.unique_idents(file, d.categories.iter().map(|c| &c.key), "categories");
        ok &= self.unique_idents(file, d.operations.iter().map(|o| &o.key), "operations");
        let cat_keys: Vec<&str> = d
            .categories
            .iter()
            .map(|c| c.key.get_ref().as_str())
            .collect();
        let op_keys: Vec<&str> = d
            .operations
            .iter()
            .map(|o| o.key.get_ref().as_str())
            .collect();
        if let (Some(cf), Some(f)) = (&code_format, &raw.code_format)
            && cf.has_category()
            && cat_keys.is_empty()
        {
            ok = false;
            self.push(
                Diagnostic::new(
                    Rule::BadCodeFormat,
                    at(file, f.span()),
                    Msg::new(
                        "code_format에 {category}가 있는데 [categories]가 없습니다",
                        "code_format uses {category} but the domain declares no [categories]",
                    ),
                )
                .help(Msg::new(
                    "[categories.X] 표로 분류를 선언하거나 {category}를 빼세요",
                    "declare categories with [categories.X], or drop {category}",
                )),
            );
        }
        let errors = self.errors(
            d,
            &cat_keys,
            &op_keys,
            code_format.as_ref(),
            default_status,
            &prefix,
        );
        let serving = self.serving(d);
        let errors = errors?;
        let (envelope, details) = serving?;
        if !ok {
            return None;
        }
        Some(Domain {
            id: d.id.clone(),
            title: title?,
            description: description.ok()?,
            code_format: raw.code_format.as_ref().map(|f| f.get_ref().clone()),
            upstream: raw.upstream.as_ref().is_some_and(|u| *u.get_ref()),
            categories: categories?,
            operations: operations?,
            errors,
            envelope,
            details,
        })
    }

    /// A category or operation: key → ident, required title.
    fn keyed(
        &mut self,
        file: FileId,
        key: S<String>,
        title: &Option<S<RawText>>,
        description: &Option<S<RawText>>,
        what: &str,
        dropped: &[String],
    ) -> Option<Group> {
        let ident = match ident::variant_from_key(key.get_ref()) {
            Ok(i) => Some(i),
            Err(p) => {
                let (ko, en) = name_problem_words(&p);
                self.push(
                    Diagnostic::new(
                        Rule::InvalidName,
                        at(file, key.span()),
                        Msg::new(
                            format!("`{}`은(는) {what} 키로 쓸 수 없습니다: {ko}", key.get_ref()),
                            format!("`{}` cannot be a {what} key: {en}", key.get_ref()),
                        ),
                    )
                    .help(Msg::new(
                        "영어 글자로 시작하는 키를 쓰세요 (예: C, confirm)",
                        "use a key that starts with an ASCII letter (C, confirm)",
                    )),
                );
                None
            }
        };
        let title = match title {
            Some(t) => self.text(file, t, "title").map(|(t, _)| t),
            None => {
                if !dropped.iter().any(|d| d == "title") {
                    self.push(
                        Diagnostic::new(
                            Rule::MissingKey,
                            at(file, key.span()),
                            Msg::new(
                                format!("{what} `{}`에 title이 없습니다", key.get_ref()),
                                format!("{what} `{}` has no title", key.get_ref()),
                            ),
                        )
                        .help(Msg::new(
                            "title.ko = \"...\" 를 쓰세요",
                            "add title.ko = \"...\"",
                        )),
                    );
                }
                None
            }
        };
        let description = self.opt_text(file, description, "description").ok()?;
        Some(Group {
            key: key.into_inner(),
            ident: ident?,
            title: title?,
            description,
        })
    }

    fn unique_idents<'k>(
        &mut self,
        file: FileId,
        keys: impl Iterator<Item = &'k S<String>>,
        what: &str,
    ) -> bool {
        let mut seen: BTreeMap<String, &S<String>> = BTreeMap::new();
        let mut ok = true;
        for k in keys {
            let Ok(ident) = ident::variant_from_key(k.get_ref()) else {
                continue;
            };
            if let Some(first) = seen.get(&ident) {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::NameCollision,
                        at(file, k.span()),
                        Msg::new(
                            format!("{what}의 `{}`와(과) `{}`은(는) 같은 Rust 이름 `{ident}`이(가) 됩니다", first.get_ref(), k.get_ref()),
                            format!("{what} `{}` and `{}` both become `{ident}` in Rust", first.get_ref(), k.get_ref()),
                        ),
                    )
                    .related(Loc { file, span: first.span() }, Msg::new("먼저 쓴 키", "first key"))
                    .help(Msg::new("둘 중 하나의 키를 바꾸세요", "rename one of the keys")),
                );
            } else {
                seen.insert(ident, k);
            }
        }
        ok
    }

    /// `breaking_change_ok` (read by `errspec diff`): a reason, so never empty.
    fn acknowledgement(&mut self, file: FileId, ack: &Option<S<String>>) -> bool {
        match ack {
            Some(a) if a.get_ref().trim().is_empty() => {
                self.push(
                    empty_text(file, a.span(), "breaking_change_ok").help(Msg::new(
                        "언제, 왜 바꾸는지와 승인한 사람을 쓰세요. 예: \"2026-11: 상태를 400으로 바로잡음 (승인: 김결제)\"",
                        "say when and why, and who approved: \"2026-11: status corrected to 400 (approved by Kim)\"",
                    )),
                );
                false
            }
            _ => true,
        }
    }

    fn status(&mut self, file: FileId, s: &S<i64>) -> Option<u16> {
        let v = *s.get_ref();
        if (400..=599).contains(&v) {
            return Some(v as u16);
        }
        let hint = match v {
            200..=399 => Msg::new(
                "성공(2xx)이나 이동(3xx)은 에러가 아닙니다. 클라이언트 잘못이면 4xx, 서버 잘못이면 5xx를 쓰세요",
                "2xx and 3xx are not errors: use 4xx for the caller's fault, 5xx for ours",
            ),
            600..=999 => Msg::new(
                "HTTP 상태는 599까지입니다. 서버 오류라면 500, 외부 연동 오류라면 502를 쓰세요",
                "HTTP statuses stop at 599: use 500 for a server error, 502 for an upstream one",
            ),
            _ => Msg::new(
                "예: 400(잘못된 요청), 401(인증), 403(권한), 404(없음), 409(충돌), 500(서버 오류)",
                "e.g. 400 bad request, 401 unauthenticated, 403 forbidden, 404 not found, 409 conflict, 500 server error",
            ),
        };
        self.push(
            Diagnostic::new(
                Rule::StatusRange,
                at(file, s.span()),
                Msg::new(
                    format!("HTTP 상태 {v}은(는) 에러 상태가 아닙니다"),
                    format!("HTTP status {v} is not an error status"),
                ),
            )
            .label(Msg::new(
                "400부터 599까지만 쓸 수 있습니다",
                "must be within 400..=599",
            ))
            .help(hint),
        );
        None
    }

    // ---- errors -------------------------------------------------------------------------

    fn errors(
        &mut self,
        d: &LoadedDomain,
        cat_keys: &[&str],
        op_keys: &[&str],
        code_format: Option<&CodeFormat>,
        default_status: Option<u16>,
        prefix: &str,
    ) -> Option<Vec<ErrorDef>> {
        let file = d.file;
        let all_codes: Vec<&str> = d.errors.iter().map(|e| e.key.get_ref().as_str()).collect();
        let mut out = Vec::new();
        let mut ok = true;
        let mut idents: BTreeMap<String, &S<String>> = BTreeMap::new();
        for e in &d.errors {
            let ctx = ErrorCtx {
                file,
                cat_keys,
                op_keys,
                code_format,
                default_status,
                prefix,
                all_codes: &all_codes,
            };
            let def = self.error(&ctx, e);
            if let Some(def) = &def
                && def.retired.is_none()
            {
                if let Some(first) = idents.get(&def.ident) {
                    ok = false;
                    let other = first.get_ref();
                    let code = e.key.get_ref();
                    let suggestion = format!("{}{}", def.ident, out.len() + 1);
                    self.push(
                            Diagnostic::new(
                                Rule::NameCollision,
                                at(file, e.key.span()),
                                Msg::new(
                                    format!("코드 `{other}`와(과) `{code}`이(가) 같은 Rust 이름 `{}`이(가) 됩니다", def.ident),
                                    format!("codes `{other}` and `{code}` both become `{}` in Rust", def.ident),
                                ),
                            )
                            .label(Msg::new("이름이 겹칩니다", "name collides"))
                            .related(Loc { file, span: first.span() }, Msg::new("같은 이름이 되는 코드", "the other code"))
                            .help(Msg::new(
                                format!("둘 중 하나에 Rust 이름을 따로 주세요: name = \"{suggestion}\""),
                                format!("give one of them its own Rust name: name = \"{suggestion}\""),
                            )),
                        );
                } else {
                    idents.insert(def.ident.clone(), &e.key);
                }
            }
            match def {
                Some(def) => out.push(def),
                None => ok = false,
            }
        }
        // Deprecation replacements must be live codes of the domain. (`out` lacks the entries
        // that failed, so match entries by code, and say nothing of a replacement that exists
        // but has problems of its own.)
        for def in &out {
            let Some(dep) = &def.deprecated else { continue };
            let Some(rep) = &dep.replacement else {
                continue;
            };
            let Some(e) = d.errors.iter().find(|e| *e.key.get_ref() == def.code) else {
                continue;
            };
            let target = out.iter().find(|x| &x.code == rep);
            let problem = match target {
                None if all_codes.contains(&rep.as_str()) => None,
                None => Some(Msg::new(
                    format!("대신 쓸 코드 `{rep}`이(가) 이 도메인에 없습니다"),
                    format!("replacement `{rep}` is not a code of this domain"),
                )),
                Some(t) if t.retired.is_some() => Some(Msg::new(
                    format!("대신 쓸 코드 `{rep}`은(는) 폐기되었습니다"),
                    format!("replacement `{rep}` is retired"),
                )),
                Some(t) if t.code == def.code => Some(Msg::new(
                    "자기 자신을 대신 쓸 수 없습니다",
                    "a code cannot replace itself",
                )),
                _ => None,
            };
            if let Some(title) = problem {
                ok = false;
                let span = e
                    .value
                    .deprecated
                    .as_ref()
                    .map_or(e.key.span(), |s| s.span());
                let mut diag = Diagnostic::new(Rule::Lifecycle, at(file, span), title);
                if let Some(s) = did_you_mean(
                    rep,
                    out.iter()
                        .filter(|x| x.retired.is_none() && x.code != def.code)
                        .map(|x| x.code.as_str()),
                ) {
                    diag = diag.help(Msg::new(
                        format!("`{s}`을(를) 쓰려던 것인가요?"),
                        format!("did you mean `{s}`?"),
                    ));
                }
                diag = diag.help(Msg::new(
                    "replacement에는 이 도메인에서 아직 쓰는(폐기되지 않은) 다른 코드를 씁니다",
                    "`replacement` names another live (not retired) code of this domain",
                ));
                self.push(diag);
            }
        }
        ok.then_some(out)
    }

    fn error(&mut self, ctx: &ErrorCtx<'_>, e: &Entry<RawError>) -> Option<ErrorDef> {
        let file = ctx.file;
        let code = e.key.get_ref().clone();
        let raw = &e.value;
        let mut ok = true;
        let retired = raw.retired.is_some();

        if raw.retired.is_some() && raw.deprecated.is_some() {
            ok = false;
            self.push(
                Diagnostic::new(
                    Rule::Lifecycle,
                    at(
                        file,
                        raw.deprecated.as_ref().map_or(e.key.span(), |d| d.span()),
                    ),
                    Msg::new(
                        format!("`{code}`은(는) deprecated와 retired를 함께 가질 수 없습니다"),
                        format!("`{code}` cannot be both deprecated and retired"),
                    ),
                )
                .help(Msg::new(
                    "폐기된 코드라면 deprecated를 지우세요",
                    "if the code is retired, remove `deprecated`",
                )),
            );
        }

        // The Rust name.
        let ident = match &raw.name {
            Some(n) => match ident::check_variant(n.get_ref()) {
                Ok(()) => Some(n.get_ref().clone()),
                Err(p) => {
                    let (ko, en) = name_problem_words(&p);
                    let mut d = Diagnostic::new(
                        Rule::InvalidName,
                        at(file, n.span()),
                        Msg::new(
                            format!("`{}`은(는) Rust 이름으로 쓸 수 없습니다: {ko}", n.get_ref()),
                            format!("`{}` is not a usable Rust name: {en}", n.get_ref()),
                        ),
                    );
                    if let NameProblem::WrongCase(s) = &p {
                        d = d.help(Msg::new(
                            format!("name = \"{s}\" 로 쓰세요"),
                            format!("write name = \"{s}\""),
                        ));
                    } else {
                        d = d.help(Msg::new(
                            "영어 대문자로 시작하는 낙타 표기를 씁니다 (예: \"ValidationFailed\")",
                            "use UpperCamelCase starting with a letter (\"ValidationFailed\")",
                        ));
                    }
                    self.push(d);
                    None
                }
            },
            None => match ident::variant_from_code(&code, ctx.prefix) {
                Ok(i) => Some(i),
                Err(p) if !retired => {
                    let (ko, en) = name_problem_words(&p);
                    let guess = suggested_name(&code);
                    self.push(
                        Diagnostic::new(
                            Rule::InvalidName,
                            at(file, e.key.span()),
                            Msg::new(
                                format!("코드 `{code}`에서 Rust 이름을 만들 수 없습니다: {ko}"),
                                format!("no Rust name can be made from code `{code}`: {en}"),
                            ),
                        )
                        .label(Msg::new("이 코드", "this code"))
                        .help(Msg::new(
                            format!("이 에러에 이름을 주세요: name = \"{guess}\""),
                            format!("give the error a name: name = \"{guess}\""),
                        ))
                        .help(Msg::new(
                            "숫자로만 된 코드가 많다면 [domain]에 variant_prefix = \"R\"을 쓰면 모두 R0000처럼 이름이 붙습니다",
                            "if many codes are only digits, set variant_prefix = \"R\" in [domain] to name them all (R0000)",
                        )),
                    );
                    None
                }
                Err(_) => Some(String::new()),
            },
        };
        ok &= ident.is_some();

        // Category.
        let category = match (&raw.category, ctx.cat_keys.is_empty()) {
            (Some(c), false) => {
                if ctx.cat_keys.contains(&c.get_ref().as_str()) {
                    Some(c.get_ref().clone())
                } else {
                    ok = false;
                    let mut d = Diagnostic::new(
                        Rule::UnknownCategory,
                        at(file, c.span()),
                        Msg::new(
                            format!("분류 `{}`은(는) 이 도메인에 없습니다", c.get_ref()),
                            format!("category `{}` is not declared in this domain", c.get_ref()),
                        ),
                    )
                    .label(Msg::new("없는 분류", "unknown category"));
                    if let Some(s) = did_you_mean(c.get_ref(), ctx.cat_keys.iter().copied()) {
                        d = d.help(Msg::new(
                            format!("`{s}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{s}`?"),
                        ));
                    }
                    let list = quoted_list(ctx.cat_keys.iter().copied());
                    self.push(d.help(Msg::new(
                        format!(
                            "쓸 수 있는 분류: {list} (새 분류는 [categories.X]로 먼저 선언합니다)"
                        ),
                        format!(
                            "declared categories: {list} (declare a new one with [categories.X])"
                        ),
                    )));
                    None
                }
            }
            (Some(c), true) => {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::UnknownCategory,
                        at(file, c.span()),
                        Msg::new(
                            "이 도메인에는 분류가 없습니다",
                            "this domain declares no categories",
                        ),
                    )
                    .help(Msg::new(
                        "category를 지우거나 [categories.X]로 분류를 선언하세요",
                        "remove `category`, or declare categories with [categories.X]",
                    )),
                );
                None
            }
            (None, false) if !retired && !e.was_dropped("category") => {
                ok = false;
                let list = quoted_list(ctx.cat_keys.iter().copied());
                self.push(
                    missing_key(
                        file,
                        e,
                        "category",
                        &format!("category = \"{}\"", ctx.cat_keys[0]),
                    )
                    .note(Msg::new(
                        format!("이 도메인의 분류: {list}"),
                        format!("categories of this domain: {list}"),
                    )),
                );
                None
            }
            _ => None,
        };

        // Code format and category letter.
        if let (Some(cf), false) = (ctx.code_format, retired && raw.category.is_none()) {
            match cf.matches(&code, ctx.cat_keys) {
                None => {
                    ok = false;
                    let next = cf.next_free(
                        category.as_deref().or(ctx.cat_keys.first().copied()),
                        ctx.all_codes.iter().copied(),
                        ctx.cat_keys,
                    );
                    let mut d = Diagnostic::new(
                        Rule::CodeFormat,
                        at(file, e.key.span()),
                        Msg::new(
                            format!(
                                "코드 `{code}`이(가) 이 도메인의 형식 `{}`에 맞지 않습니다",
                                format_src(cf)
                            ),
                            format!(
                                "code `{code}` does not follow this domain's format `{}`",
                                format_src(cf)
                            ),
                        ),
                    )
                    .label(Msg::new(
                        "형식에 맞지 않는 코드",
                        "does not match code_format",
                    ));
                    if let Some(n) = next {
                        d = d.help(Msg::new(
                            format!("다음 빈 코드는 {n}입니다"),
                            format!("the next free code is {n}"),
                        ));
                    }
                    self.push(d);
                }
                Some(parts) => {
                    if let (Some(found), Some(declared)) = (&parts.category, &category)
                        && found != declared
                    {
                        ok = false;
                        let next = cf.next_free(
                            Some(declared),
                            ctx.all_codes.iter().copied(),
                            ctx.cat_keys,
                        );
                        let mut d = Diagnostic::new(
                                Rule::CategoryMismatch,
                                at(file, e.key.span()),
                                Msg::new(
                                    format!("코드 `{code}`의 분류 부분은 `{found}`인데 category는 `{declared}`입니다"),
                                    format!("code `{code}` spells category `{found}` but its category is `{declared}`"),
                                ),
                            )
                            .label(Msg::new(format!("분류 `{found}`의 코드"), format!("a `{found}` code")));
                        if let Some(c) = &raw.category {
                            d = d.related(
                                Loc {
                                    file,
                                    span: c.span(),
                                },
                                Msg::new(
                                    format!("분류 `{declared}`"),
                                    format!("category `{declared}`"),
                                ),
                            );
                        }
                        d = d.help(Msg::new(
                            format!("category = \"{found}\"로 고치거나"),
                            format!("either set category = \"{found}\""),
                        ));
                        if let Some(n) = next {
                            d = d.help(Msg::new(
                                format!("분류 `{declared}`의 다음 빈 코드 {n}을(를) 쓰세요"),
                                format!("or use the next free `{declared}` code, {n}"),
                            ));
                        }
                        self.push(d);
                    }
                }
            }
        }

        // Status.
        let status = match &raw.status {
            Some(s) => {
                let v = self.status(file, s);
                ok &= v.is_some();
                v
            }
            None => match ctx.default_status {
                Some(s) => Some(s),
                None if retired => Some(0),
                None => {
                    if !e.was_dropped("status") {
                        ok = false;
                        self.push(missing_key(file, e, "status", "status = 400").note(Msg::new(
                            "[domain]에 default_status를 두면 status가 없는 에러는 그 값을 씁니다",
                            "a default_status in [domain] would apply to errors without status",
                        )));
                    }
                    None
                }
            },
        };

        // Message and fields.
        let mut message = match &raw.message {
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
            Some(m) => self.message(file, m, raw, &code),
            None if retired => Some((empty_message(self.locales.len()), Vec::new())),
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
        ok &= message.is_some();
        let passthrough = self.error_serving(file, raw, message.as_mut().map(|(_, f)| f));
        ok &= passthrough.is_some();

        let explanation = self.opt_text(file, &raw.explanation, "explanation");
        let action = self.opt_text(file, &raw.action, "action");
        ok &= explanation.is_ok() && action.is_ok();

        // Operations.
        let mut operations = Vec::new();
        if let Some(ops) = &raw.operations {
            for op in ops.get_ref() {
                let key = op.get_ref();
                if ctx.op_keys.contains(&key.as_str()) {
                    if !operations.contains(key) {
                        operations.push(key.clone());
                    }
                } else {
                    ok = false;
                    let mut d = Diagnostic::new(
                        Rule::UnknownOperation,
                        at(file, op.span()),
                        Msg::new(
                            format!("API 묶음 `{key}`은(는) 이 도메인에 없습니다"),
                            format!("operation `{key}` is not declared in this domain"),
                        ),
                    )
                    .label(Msg::new("없는 API 묶음", "unknown operation"));
                    if let Some(s) = did_you_mean(key, ctx.op_keys.iter().copied()) {
                        d = d.help(Msg::new(
                            format!("`{s}`을(를) 쓰려던 것인가요?"),
                            format!("did you mean `{s}`?"),
                        ));
                    }
                    let list = if ctx.op_keys.is_empty() {
                        "(없음)".to_owned()
                    } else {
                        quoted_list(ctx.op_keys.iter().copied())
                    };
                    let list_en = if ctx.op_keys.is_empty() {
                        "(none)".to_owned()
                    } else {
                        quoted_list(ctx.op_keys.iter().copied())
                    };
                    self.push(d.help(Msg::new(
                        format!(
                            "선언된 API 묶음: {list} (새 묶음은 [operations.X]로 먼저 선언합니다)"
                        ),
                        format!(
                            "declared operations: {list_en} (declare a new one with [operations.X])"
                        ),
                    )));
                }
            }
        }

        if let Some(t) = &raw.error_type
            && t.get_ref().trim().is_empty()
        {
            ok = false;
            self.push(empty_text(file, t.span(), "error_type"));
        }
        ok &= self.acknowledgement(file, &raw.breaking_change_ok);

        let deprecated = match &raw.deprecated {
            Some(dep) => {
                let d = dep.get_ref();
                match self.opt_text(file, &d.note, "note") {
                    Ok(note) => Some(Deprecation {
                        since: d.since.as_ref().map(|s| s.get_ref().clone()),
                        replacement: d.replacement.as_ref().map(|s| s.get_ref().clone()),
                        note,
                    }),
                    Err(()) => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        let retired_def = match &raw.retired {
            Some(r) => {
                let r = r.get_ref();
                match self.opt_text(file, &r.note, "note") {
                    Ok(note) => Some(Retirement {
                        since: r.since.as_ref().map(|s| s.get_ref().clone()),
                        note,
                    }),
                    Err(()) => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };

        if !ok {
            return None;
        }
        let (message, fields) = message?;
        Some(ErrorDef {
            code,
            ident: ident?,
            category,
            status: status?,
            message,
            explanation: explanation.ok()?,
            action: action.ok()?,
            operations,
            retryable: raw.retryable.as_ref().is_some_and(|r| *r.get_ref()),
            fields,
            error_type: raw.error_type.as_ref().map(|t| t.get_ref().clone()),
            passthrough: passthrough?,
            deprecated,
            retired: retired_def,
        })
    }

    /// Parses the message in every locale, checks placeholder parity and field declarations.
    fn message(
        &mut self,
        file: FileId,
        m: &S<RawText>,
        raw: &RawError,
        code: &str,
    ) -> Option<(Message, Vec<Field>)> {
        let (text, per_locale) = self.text(file, m, "message")?;
        let mut ok = true;
        let mut templates: Vec<Option<Template>> = Vec::new();
        for (i, value) in text.values.iter().enumerate() {
            let span = per_locale[i].as_ref().map(|(s, _)| s.clone());
            match Template::parse(value) {
                Ok(t) => templates.push(Some(t)),
                Err(errors) => {
                    ok = false;
                    templates.push(None);
                    // A fallback repeats the default text's problems: report those once.
                    let Some(span) = span else { continue };
                    for err in errors {
                        self.push(self.template_error(
                            file,
                            span.clone(),
                            value,
                            &err,
                            &self.locales[i].clone(),
                        ));
                    }
                }
            }
        }
        if !ok {
            return None;
        }
        let templates: Vec<Template> = templates
            .into_iter()
            .map(Option::unwrap_or_default_template)
            .collect();
        // Parity with the default locale.
        let default_fields: BTreeSet<&str> = templates[0].fields().into_iter().collect();
        for (i, t) in templates.iter().enumerate().skip(1) {
            if !text.translated[i] {
                continue;
            }
            let fields: BTreeSet<&str> = t.fields().into_iter().collect();
            if fields == default_fields {
                continue;
            }
            ok = false;
            let l = &self.locales[i];
            let d0 = &self.locales[0];
            // Name the placeholders as the editor wrote them (`{refundId}`, not `{refund_id}`).
            let written = |f: &str, t: &Template| -> String {
                t.segments
                    .iter()
                    .find_map(|s| match s {
                        crate::template::Segment::Hole { name, field, .. } if field == f => {
                            Some(name.clone())
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| f.to_owned())
            };
            let missing: Vec<String> = default_fields
                .difference(&fields)
                .map(|f| written(f, &templates[0]))
                .collect();
            let extra: Vec<String> = fields
                .difference(&default_fields)
                .map(|f| written(f, t))
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
                let list = missing
                    .iter()
                    .map(|f| format!("{{{f}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                d = d.label(Msg::new(
                    format!("{list}이(가) 빠졌습니다"),
                    format!("missing {list}"),
                ));
                d = d.help(Msg::new(
                    format!("{l} 메시지에도 {list}을(를) 넣으세요"),
                    format!("add {list} to the {l} message"),
                ));
            }
            if !extra.is_empty() {
                let list = extra
                    .iter()
                    .map(|f| format!("{{{f}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
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
                d = d.related(
                    Loc {
                        file,
                        span: s0.clone(),
                    },
                    Msg::new(format!("{d0} 메시지"), format!("the {d0} message")),
                );
            }
            self.push(d);
        }

        // Field declarations.
        let mut declared: BTreeMap<String, (FieldType, bool, Option<String>)> = BTreeMap::new();
        if let Some(fields) = &raw.fields {
            for (k, f) in &fields.get_ref().0 {
                let name = match ident::field_from_placeholder(k.get_ref()) {
                    Ok(n) => n,
                    Err(_) => {
                        ok = false;
                        self.push(
                            Diagnostic::new(
                                Rule::FieldType,
                                at(file, k.span()),
                                Msg::new(
                                    format!(
                                        "`{}`은(는) 자리표시자 이름이 될 수 없습니다",
                                        k.get_ref()
                                    ),
                                    format!("`{}` cannot be a placeholder name", k.get_ref()),
                                ),
                            )
                            .help(Msg::new(
                                "영어 글자로 시작하는 영어·숫자·_ 이름을 씁니다 (예: bankCode)",
                                "use ASCII letters, digits and _ starting with a letter (bankCode)",
                            )),
                        );
                        continue;
                    }
                };
                if !default_fields.contains(name.as_str()) {
                    self.push(
                        Diagnostic::new(
                            Rule::Unused,
                            at(file, k.span()),
                            Msg::new(
                                format!("`{}`은(는) 메시지에 없는 자리표시자입니다", k.get_ref()),
                                format!("`{}` is not a placeholder of the message", k.get_ref()),
                            ),
                        )
                        .help(Msg::new(
                            format!("메시지에 {{{}}}를 넣거나 이 선언을 지우세요", k.get_ref()),
                            format!(
                                "use {{{}}} in the message, or remove this declaration",
                                k.get_ref()
                            ),
                        )),
                    );
                }
                let field = f.get_ref();
                let ty = match &field.ty {
                    None => FieldType::String,
                    Some(t) => match FieldType::ALL.iter().find(|x| x.as_str() == t.get_ref()) {
                        Some(x) => *x,
                        None => {
                            ok = false;
                            let names: Vec<&str> =
                                FieldType::ALL.iter().map(|x| x.as_str()).collect();
                            let mut d = Diagnostic::new(
                                Rule::FieldType,
                                at(file, t.span()),
                                Msg::new(
                                    format!("`{}`은(는) 알 수 없는 형식입니다", t.get_ref()),
                                    format!("unknown field type `{}`", t.get_ref()),
                                ),
                            )
                            .label(Msg::new("알 수 없는 형식", "unknown type"));
                            if let Some(s) = did_you_mean(t.get_ref(), names.iter().copied()) {
                                d = d.help(Msg::new(
                                    format!("`{s}`을(를) 쓰려던 것인가요?"),
                                    format!("did you mean `{s}`?"),
                                ));
                            }
                            self.push(d.help(Msg::new(
                                "쓸 수 있는 형식: string(글, 기본), integer(정수), amount(금액, 원)",
                                "types: string (default), integer, amount (won)",
                            )));
                            FieldType::String
                        }
                    },
                };
                let example = match &field.example {
                    None => None,
                    Some(ex) => match (ty, ex.get_ref()) {
                        (FieldType::String, RawScalar::Str(s)) => Some(s.clone()),
                        (FieldType::String, RawScalar::Int(i)) => Some(i.to_string()),
                        (_, RawScalar::Int(i)) => Some(i.to_string()),
                        (_, RawScalar::Str(s)) if s.trim().parse::<i64>().is_ok() => {
                            Some(s.trim().to_owned())
                        }
                        (_, RawScalar::Str(s)) => {
                            ok = false;
                            self.push(
                                Diagnostic::new(
                                    Rule::FieldType,
                                    at(file, ex.span()),
                                    Msg::new(format!("{} 형식의 예시는 숫자여야 하는데 \"{s}\"입니다", ty.as_str()), format!("an example of a {} field must be a number, not \"{s}\"", ty.as_str())),
                                )
                                .help(Msg::new("예: example = 1000", "e.g. example = 1000")),
                            );
                            None
                        }
                    },
                };
                let pii = field.pii.as_ref().is_some_and(|p| *p.get_ref());
                declared.insert(name, (ty, pii, example));
            }
        }
        if !ok {
            return None;
        }
        let mut fields = Vec::new();
        for seg in &templates[0].segments {
            if let crate::template::Segment::Hole { name, field, .. } = seg {
                if fields.iter().any(|f: &Field| &f.name == field) {
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
                });
            }
        }
        Some((
            Message {
                templates,
                translated: text.translated,
            },
            fields,
        ))
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

struct ErrorCtx<'a> {
    file: FileId,
    cat_keys: &'a [&'a str],
    op_keys: &'a [&'a str],
    code_format: Option<&'a CodeFormat>,
    default_status: Option<u16>,
    prefix: &'a str,
    all_codes: &'a [&'a str],
}

trait DefaultTemplate {
    fn unwrap_or_default_template(self) -> Template;
}

impl DefaultTemplate for Option<Template> {
    fn unwrap_or_default_template(self) -> Template {
        self.unwrap_or(Template {
            segments: Vec::new(),
        })
    }
}

fn empty_message(n: usize) -> Message {
    Message {
        templates: vec![
            Template {
                segments: Vec::new()
            };
            n
        ],
        translated: vec![false; n],
    }
}

fn format_src(cf: &CodeFormat) -> String {
    use crate::codefmt::Piece;
    cf.pieces
        .iter()
        .map(|p| match p {
            Piece::Lit(l) => l.clone(),
            Piece::Category => "{category}".into(),
            Piece::Seq(None) => "{seq}".into(),
            Piece::Seq(Some(w)) => format!("{{seq:{w}}}"),
        })
        .collect()
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
    if lit.len() < open + close {
        return value_span.clone();
    }
    let mut inner_start = value_span.start + open;
    let mut inner = &lit[open..lit.len() - close];
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

fn missing_key<T>(file: FileId, e: &Entry<T>, key: &str, example: &str) -> Diagnostic {
    let owner = e.key.get_ref();
    Diagnostic::new(
        Rule::MissingKey,
        at(file, e.key.span()),
        Msg::new(
            format!("`{owner}`에 `{key}`이(가) 없습니다"),
            format!("`{owner}` has no `{key}`"),
        ),
    )
    .label(Msg::new(
        format!("`{key}`이(가) 필요합니다"),
        format!("`{key}` is required"),
    ))
    .help(Msg::new(
        format!("이 표 안에 쓰세요: {example}"),
        format!("add it to this table: {example}"),
    ))
}

fn empty_text(file: FileId, span: Range<usize>, what: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::EmptyText,
        at(file, span),
        Msg::new(
            format!("`{what}`이(가) 비어 있습니다"),
            format!("`{what}` is empty"),
        ),
    )
    .help(Msg::new(
        "내용을 쓰거나 키를 지우세요",
        "write the text, or remove the key",
    ))
}

fn bad_code_format(file: FileId, f: &S<String>, e: &FormatError) -> Diagnostic {
    let (ko, en) = match e {
        FormatError::UnknownVariable(v) => (
            format!("`{{{v}}}`은(는) 쓸 수 없는 자리입니다"),
            format!("`{{{v}}}` is not a format variable"),
        ),
        FormatError::Repeated(v) => (
            format!("`{{{v}}}`을(를) 두 번 썼습니다"),
            format!("`{{{v}}}` appears twice"),
        ),
        FormatError::Unbalanced => (
            "`{`와 `}`의 짝이 맞지 않습니다".to_owned(),
            "`{` and `}` do not pair up".to_owned(),
        ),
        FormatError::Empty => (
            "형식이 비어 있습니다".to_owned(),
            "the format is empty".to_owned(),
        ),
    };
    Diagnostic::new(Rule::BadCodeFormat, at(file, f.span()), Msg::new(format!("code_format이 잘못되었습니다: {ko}"), format!("invalid code_format: {en}")))
        .help(Msg::new(
            "{category}는 분류 코드, {seq}는 번호, {seq:4}는 4자리 번호입니다. 예: EBP-{category}-{seq:4}",
            "{category} is a category key, {seq} a number, {seq:4} a 4-digit number: EBP-{category}-{seq:4}",
        ))
}

fn name_problem_words(p: &NameProblem) -> (String, String) {
    match p {
        NameProblem::NoIdentifier => (
            "영어 글자나 숫자가 없습니다".into(),
            "it has no ASCII letters or digits".into(),
        ),
        NameProblem::LeadingDigit => (
            "Rust 이름은 숫자로 시작할 수 없습니다".into(),
            "Rust names cannot start with a digit".into(),
        ),
        NameProblem::Keyword => (
            "Rust가 예약한 낱말입니다".into(),
            "it is a reserved word in Rust".into(),
        ),
        NameProblem::Reserved => (
            "이 크레이트가 이미 쓰는 이름입니다".into(),
            "the crate already uses that name".into(),
        ),
        NameProblem::WrongCase(s) => (
            format!("`{s}`처럼 써야 합니다"),
            format!("it should be written `{s}`"),
        ),
    }
}

/// A plausible Rust name for a code that yields none.
fn suggested_name(code: &str) -> String {
    use heck::ToUpperCamelCase;
    let ascii: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let camel = ascii.to_upper_camel_case();
    match camel.chars().next() {
        None => "MyError".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("Code{camel}"),
        Some(_) if camel == "Self" => "SelfError".to_owned(),
        Some(_) if ident::is_keyword(&camel) => format!("{camel}Error"),
        Some(_) => camel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn suggested_names() {
        assert_eq!(suggested_name("0000"), "Code0000");
        assert_eq!(suggested_name("SELF"), "SelfError");
        assert_eq!(suggested_name("결제"), "MyError");
    }
}
