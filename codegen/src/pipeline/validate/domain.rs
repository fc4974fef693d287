//! A domain file: its id (the file name), `[domain]`, `[categories.*]` and `[operations.*]`;
//! then its errors ([`super::error`]) and what it says about serving them ([`super::serve`]).

use std::collections::BTreeMap;

use super::{Validator, at, missing_key};
use crate::codefmt::{CodeFormat, FormatError};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule};
use crate::ident::{self, NameProblem, Taken};
use crate::load::{Entry, LoadedDomain};
use crate::model::{Domain, Group, Text};
use crate::raw::{RawDomain, RawText, S};

/// What `[domain]` says that the errors need, read even when `[domain]` has problems.
pub(super) struct Header {
    pub title: Option<Text>,
    pub description: Result<Option<Text>, ()>,
    pub default_status: Option<u16>,
    pub code_format: Option<CodeFormat>,
    pub prefix: String,
}

impl Validator<'_> {
    pub(super) fn domain(&mut self, d: &LoadedDomain) -> Option<Domain> {
        let file = d.file;
        let mut ok = self.domain_id(d);
        let Some(dom) = &d.domain else {
            let example = "[domain]\ntitle.ko = \"...\"\ntitle.en = \"...\"";
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
        let header = self.header(file, dom, &mut ok);
        ok &= self.acknowledgement(file, &raw.breaking_change_ok);
        let (categories, operations) = self.groups(d, &mut ok);
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
        if let (Some(cf), Some(f)) = (&header.code_format, &raw.code_format)
            && cf.has_category()
            && cat_keys.is_empty()
        {
            ok = false;
            self.push(format_without_categories(file, f));
        }
        let errors = self.errors(
            d,
            &cat_keys,
            &op_keys,
            header.code_format.as_ref(),
            header.default_status,
            &header.prefix,
        );
        let mut errors = errors;
        ok &= self.payment_meanings(d, errors.as_mut());
        let serving = self.serving(d);
        let errors = errors?;
        let (envelope, details) = serving?;
        if !ok {
            return None;
        }
        Some(Domain {
            id: d.id.clone(),
            title: header.title?,
            description: header.description.ok()?,
            code_format: raw.code_format.as_ref().map(|f| f.get_ref().clone()),
            upstream: raw.upstream.as_ref().is_some_and(|u| *u.get_ref()),
            categories: categories?,
            operations: operations?,
            entries: errors,
            envelope,
            details,
            maps: Vec::new(),
        })
    }

    /// The file name must make a module name that nothing else in the crate takes.
    fn domain_id(&mut self, d: &LoadedDomain) -> bool {
        let Err(problem) = ident::check_domain_id(&d.id) else {
            return true;
        };
        let id = &d.id;
        let (ko, en) = match &problem {
            NameProblem::WrongCase(s) => (
                format!("파일 이름을 `{s}.toml`로 바꾸세요 (영어 소문자, 숫자, _만)"),
                format!("rename the file to `{s}.toml` (lowercase ASCII letters, digits and _)"),
            ),
            NameProblem::Keyword | NameProblem::Reserved(_) => (
                format!("`{id}`은(는) 예약된 이름입니다. 다른 이름(예: `{id}_api.toml`)을 쓰세요"),
                format!("`{id}` is reserved; pick another name such as `{id}_api.toml`"),
            ),
            _ => (
                "파일 이름은 영어 소문자로 시작하고 영어 소문자, 숫자, _만 씁니다 (예: `toss.toml`)".to_owned(),
                "file names start with a lowercase ASCII letter and hold only a-z, 0-9 and _ (`toss.toml`)".to_owned(),
            ),
        };
        let mut diag = Diagnostic::new(
            Rule::DomainName,
            at(d.file, 0..0),
            Msg::new(
                format!("`{id}`은(는) 도메인 이름으로 쓸 수 없습니다"),
                format!("`{id}` cannot be a domain id"),
            ),
        )
        .help(Msg::new(ko, en));
        if let NameProblem::Reserved(taken) = problem {
            diag = diag.note(why_taken(id, taken));
        }
        self.push(diag);
        false
    }

    fn header(&mut self, file: FileId, dom: &Entry<RawDomain>, ok: &mut bool) -> Header {
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
        *ok &= title.is_some();
        let description = self.opt_text(file, &raw.description, "description");
        *ok &= description.is_ok();
        let default_status = raw.default_status.as_ref().and_then(|s| {
            let v = self.status(file, s);
            *ok &= v.is_some();
            v
        });
        let code_format =
            raw.code_format
                .as_ref()
                .and_then(|f| match CodeFormat::parse(f.get_ref()) {
                    Ok(cf) => Some(cf),
                    Err(e) => {
                        *ok = false;
                        self.push(bad_code_format(file, f, &e));
                        None
                    }
                });
        let prefix = match &raw.variant_prefix {
            Some(p) => {
                *ok &= self.variant_prefix(file, p);
                p.get_ref().clone()
            }
            None => String::new(),
        };
        Header {
            title,
            description,
            default_status,
            code_format,
            prefix,
        }
    }

    fn variant_prefix(&mut self, file: FileId, p: &S<String>) -> bool {
        let s = p.get_ref();
        let valid = s.is_empty()
            || (s.starts_with(|c: char| c.is_ascii_uppercase())
                && s.chars().all(|c| c.is_ascii_alphanumeric()));
        if !valid {
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
        valid
    }

    /// Categories and operations.
    #[allow(clippy::type_complexity)]
    fn groups(
        &mut self,
        d: &LoadedDomain,
        ok: &mut bool,
    ) -> (Option<Vec<Group>>, Option<Vec<Group>>) {
        let file = d.file;
        let categories: Vec<Option<Group>> = d
            .categories
            .iter()
            .map(|c| self.keyed(file, c, &c.value.title, &c.value.description, "category"))
            .collect();
        let operations: Vec<Option<Group>> = d
            .operations
            .iter()
            .map(|o| self.keyed(file, o, &o.value.title, &o.value.description, "operation"))
            .collect();
        let categories: Option<Vec<Group>> = categories.into_iter().collect();
        let operations: Option<Vec<Group>> = operations.into_iter().collect();
        *ok &= categories.is_some() && operations.is_some();
        *ok &= self.unique_idents(file, d.categories.iter().map(|c| &c.key), "categories");
        *ok &= self.unique_idents(file, d.operations.iter().map(|o| &o.key), "operations");
        (categories, operations)
    }

    /// A category or operation: key → ident, required title.
    fn keyed<T>(
        &mut self,
        file: FileId,
        entry: &Entry<T>,
        title: &Option<S<RawText>>,
        description: &Option<S<RawText>>,
        what: &str,
    ) -> Option<Group> {
        let key = &entry.key;
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
                if !entry.was_dropped("title") {
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
            key: key.get_ref().clone(),
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
}

/// Why a domain id is taken, and by what.
fn why_taken(id: &str, taken: Taken) -> Msg {
    match taken {
        Taken::RootItem => Msg::new(
            format!(
                "도메인은 모듈 `payment_errors::{id}`이(가) 되는데, 크레이트에 `payment_errors::{id}`이(가) 이미 있어 같은 이름이 두 번 정의됩니다"
            ),
            format!(
                "a domain becomes the module `payment_errors::{id}`, and the crate already has a `payment_errors::{id}`: the name would be defined twice"
            ),
        ),
        Taken::Crate => Msg::new(
            format!(
                "`{id}`은(는) 생성된 코드가 경로로 쓰는 크레이트 이름(`{id}::…`)이라, 같은 이름의 도메인 모듈이 그 크레이트를 가립니다"
            ),
            format!(
                "`{id}` is a crate the generated code refers to by path (`{id}::…`); a domain module of that name would shadow it"
            ),
        ),
    }
}

fn format_without_categories(file: FileId, f: &S<String>) -> Diagnostic {
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

/// What is wrong with a name, in each language.
pub(super) fn name_problem_words(p: &NameProblem) -> (String, String) {
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
        NameProblem::Reserved(_) => (
            "이 크레이트가 이미 쓰는 이름입니다".into(),
            "the crate already uses that name".into(),
        ),
        NameProblem::WrongCase(s) => (
            format!("`{s}`처럼 써야 합니다"),
            format!("it should be written `{s}`"),
        ),
    }
}
