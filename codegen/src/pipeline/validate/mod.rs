//! Raw spec → [`Catalog`]: every rule, every problem collected.
//!
//! The validator only checks and points at the editor's own text; it builds the model as it
//! goes and hands it out only when no error was found. Warnings (a missing translation) come
//! with the fallback already applied in the model.
//!
//! One file per thing checked: `catalog` (`catalog.toml`), `domain` (`[domain]`,
//! categories, operations), `error` (one `[errors."CODE"]` entry and the codes of a domain),
//! `message` (templates, placeholder parity, fields), `text` (locale-keyed texts),
//! `serve` (envelopes, details, passthrough) and `lifecycle` (deprecation, retirement,
//! acknowledgements). Diagnostics every part builds (a missing key, an empty text, an unknown
//! word with its closest match) are made here.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule, did_you_mean};
use crate::load::{Entry, Loaded};
use crate::model::Catalog;

mod catalog;
mod domain;
mod error;
mod lifecycle;
mod message;
mod payment;
mod serve;
mod text;

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
    v.provider_maps(&mut domains);
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

/// The state of one run: what was loaded, what was found, the catalog's locales.
struct Validator<'a> {
    loaded: &'a Loaded,
    diags: Vec<Diagnostic>,
    locales: Vec<String>,
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn text_of(&self, file: FileId) -> &str {
        &self.loaded.sources.get(file).text
    }
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

/// `quoted_list`, or "(none)" in each language when there is nothing to list.
fn quoted_list_or_none(items: &[&str]) -> (String, String) {
    if items.is_empty() {
        ("(없음)".to_owned(), "(none)".to_owned())
    } else {
        let list = quoted_list(items.iter().copied());
        (list.clone(), list)
    }
}

/// "Unknown X — did you mean Y?", the one way such a problem is reported: `word` (written at
/// `loc`) is none of `choices`; the closest choice, if it is a likely typo, becomes a help
/// line, written as `shown` writes it (`` `ko` ``, `` `message.ko` ``, `` `{code}` ``). The
/// caller adds what can be written instead.
fn unknown(
    rule: Rule,
    loc: Option<Loc>,
    title: Msg,
    label: Option<Msg>,
    word: &str,
    choices: &[&str],
    shown: impl Fn(&str) -> String,
) -> Diagnostic {
    let mut d = Diagnostic::new(rule, loc, title);
    if let Some(label) = label {
        d = d.label(label);
    }
    match did_you_mean(word, choices.iter().copied()) {
        Some(s) => {
            let s = shown(s);
            d.help(Msg::new(
                format!("{s}을(를) 쓰려던 것인가요?"),
                format!("did you mean {s}?"),
            ))
        }
        None => d,
    }
}

/// `` `s` ``: how [`unknown`] shows a choice by default.
fn ticked(s: &str) -> String {
    format!("`{s}`")
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
