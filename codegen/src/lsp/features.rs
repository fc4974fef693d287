//! Hover, completion, code actions, go to definition and document symbols.
//!
//! Each reads the analysis of the spec directory (raw entries with spans, the catalog when
//! valid) and the cursor context of [`super::text::cursor`]. Staff-facing text is Korean or
//! English, as the editor's locale says.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionItem,
    CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit, DocumentSymbol,
    DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams, GotoDefinitionResponse,
    Hover, HoverContents, HoverParams, Location, MarkupContent, MarkupKind, SymbolKind, TextEdit,
    WorkspaceEdit,
};

use super::text::{self, Cursor, LineIndex};
use super::workspace::{Spec, Workspace};
use super::{path_to_uri, uri_to_path};
use crate::diagnostic::{Lang, Msg, Rule, edit_distance};
use crate::load::{Entry, LoadedDomain};
use crate::model::{Entry as CodeEntry, FieldType};
use crate::raw::{RawCategory, RawError, RawOperation, RawText};

/// Keys whose value is a text per locale.
const TEXT_KEYS: &[&str] = &[
    "title",
    "description",
    "message",
    "explanation",
    "action",
    "note",
];

fn t(lang: Lang, ko: &str, en: &str) -> String {
    Msg::new(ko, en).get(lang).to_owned()
}

/// The file of a request: its path and current text, with the analysis brought up to date.
fn open<'w>(ws: &'w mut Workspace, uri: &lsp_types::Uri) -> Option<(PathBuf, &'w Spec)> {
    let path = uri_to_path(uri)?;
    let spec = ws.spec_for(&path)?;
    Some((path, spec))
}

fn text_of<'s>(spec: &'s Spec, path: &Path) -> Option<&'s str> {
    let file = spec.file_of(path)?;
    Some(spec.loaded.sources.get(file).text.as_str())
}

/// A text in the editor's language, else the default one.
fn pick(text: &RawText, lang: Lang) -> Option<&str> {
    let tag = match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    };
    text.0
        .iter()
        .find(|(k, _)| k.get_ref() == tag || k.get_ref().starts_with(&format!("{tag}-")))
        .or(text.0.first())
        .map(|(_, v)| v.get_ref().as_str())
}

fn entry<'a, T>(entries: &'a [Entry<T>], key: &str) -> Option<&'a Entry<T>> {
    entries.iter().find(|e| e.key.get_ref() == key)
}

// ---------------------------------------------------------------------------------------------
// Hover

/// `textDocument/hover`.
pub fn hover(ws: &mut Workspace, p: HoverParams, lang: Lang) -> Option<Hover> {
    let pos = p.text_document_position_params;
    let (path, spec) = open(ws, &pos.text_document.uri)?;
    let text = text_of(spec, &path)?;
    let at = text::offset(text, pos.position);
    let c = text::cursor(text, at);
    let domain = spec.domain_of(&path);
    let (word, span) = c.word.clone()?;
    let table0 = c.table.first().map(String::as_str);
    let body = if let Some(seg) = c.header {
        match (table0, seg) {
            (Some("errors"), 1) => code_hover(spec, domain?, &word, lang),
            (Some("categories"), 1) => group_hover(domain?, &word, true, lang),
            (Some("operations"), 1) => group_hover(domain?, &word, false, lang),
            (_, 0) => key_hover(&[], &word, lang),
            _ => None,
        }
    } else if let Some(key) = c.value_of.as_deref() {
        match key {
            "category" => group_hover(domain?, &word, true, lang),
            "operations" => group_hover(domain?, &word, false, lang),
            "replacement" => code_hover(spec, domain?, &word, lang),
            "passthrough" => domain_hover(spec, &word, lang),
            _ if c.in_string && c.line_key.first().is_some_and(|k| k == "message") => {
                let name = text::placeholder_at(text, &span, at)?;
                placeholder_hover(domain?, &c, &name, lang)
            }
            // Any other value: what its key means.
            key => key_hover(&c.table, key, lang),
        }
    } else {
        key_hover(&c.table, &word, lang).or_else(|| {
            // A locale key: `message.ko`.
            (c.line_key.len() >= 2 && spec.locales().contains(&word)).then(|| {
                t(
                    lang,
                    &format!("언어 `{word}`의 글"),
                    &format!("The text in locale `{word}`"),
                )
            })
        })
    }?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: body,
        }),
        range: Some(LineIndex::new(text).range(&span)),
    })
}

/// What a code is: status, category, lifecycle, its messages with example values, its docs.
fn code_hover(spec: &Spec, domain: &LoadedDomain, code: &str, lang: Lang) -> Option<String> {
    let raw = entry(&domain.errors, code)?;
    let mut out = format!("**`{code}`**");
    let catalog = spec.catalog();
    let model = catalog.and_then(|c| c.domain(&domain.id)?.entry(code).map(|e| (c, e)));
    match model {
        Some((catalog, e)) => {
            let li = crate::report::locale_index(catalog, lang);
            out.push_str(&model_headline(catalog, &domain.id, e, li, lang));
            out.push_str("\n\n");
            out.push_str(&lifecycle_line(e, lang));
            if e.live().is_some_and(|e| e.retryable) {
                out.push_str(&t(lang, " · 다시 시도해도 됩니다", " · retryable"));
            }
            out.push_str("\n\n");
            out.push_str(&example_messages(catalog, e, lang));
            out.push_str(&model_docs(catalog, &domain.id, code, e, li, lang));
            if spec.catalog.is_none() {
                out.push_str(&format!(
                    "\n_{}_\n",
                    t(
                        lang,
                        "스펙에 오류가 있어, 마지막으로 오류 없던 때의 내용입니다",
                        "The spec has errors: this is as of the last time it had none",
                    )
                ));
            }
        }
        None => out.push_str(&raw_hover(&raw.value, lang)),
    }
    Some(out)
}

/// The rest of a valid code's hover title: ` — HTTP status` and ` · category \`c\` title`.
fn model_headline(
    catalog: &crate::model::Catalog,
    domain_id: &str,
    e: &CodeEntry,
    li: usize,
    lang: Lang,
) -> String {
    let mut out = String::new();
    if let CodeEntry::Live(e) = e {
        out.push_str(&format!(" — HTTP {}", e.status));
    }
    if let Some(cat) = e.category() {
        let title = catalog
            .domain(domain_id)
            .and_then(|d| d.category(cat))
            .map(|c| c.title.get(li).to_owned())
            .unwrap_or_default();
        out.push_str(&format!(
            " · {} `{cat}` {title}",
            t(lang, "분류", "category")
        ));
    }
    out
}

/// Whether a code is live, deprecated (since when, what instead) or retired.
fn lifecycle_line(e: &CodeEntry, lang: Lang) -> String {
    if let Some(r) = e.retired() {
        let since = r.since.as_deref().unwrap_or("-");
        t(
            lang,
            &format!("⛔ 폐기된 코드 ({since}): 더 이상 나가지 않고, 다시 쓰지도 않습니다"),
            &format!("⛔ Retired ({since}): no longer sent, never reused"),
        )
    } else if let Some(d) = e.deprecated() {
        let since = d.since.as_deref().unwrap_or("-");
        let instead = d
            .replacement
            .as_deref()
            .map(|r| t(lang, &format!(", 대신 `{r}`"), &format!(", use `{r}`")))
            .unwrap_or_default();
        t(
            lang,
            &format!("⚠ 사용 중단 예정 ({since}){instead}"),
            &format!("⚠ Deprecated ({since}){instead}"),
        )
    } else {
        t(lang, "✅ 사용 중", "✅ Live")
    }
}

/// A code's message in every locale, filled with example values (empty when it has none).
fn example_messages(catalog: &crate::model::Catalog, e: &CodeEntry, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(message) = e.message() {
        out.push_str(&t(
            lang,
            "메시지 (예시 값으로):",
            "Messages (with example values):",
        ));
        out.push('\n');
        for (i, locale) in catalog.locales.iter().enumerate() {
            let m = match e {
                CodeEntry::Live(e) => crate::emit::docs::example::example_message(catalog, e, i),
                // A tombstone has no fields, so no example values.
                CodeEntry::Retired(_) => message.templates[i].unfilled(),
            };
            out.push_str(&format!("- `{locale}`: {m}\n"));
        }
    }
    out
}

/// A code's explanation, action and docs link, each when it has one.
fn model_docs(
    catalog: &crate::model::Catalog,
    domain_id: &str,
    code: &str,
    e: &CodeEntry,
    li: usize,
    lang: Lang,
) -> String {
    let mut out = String::new();
    if let Some(x) = e.explanation() {
        out.push_str(&format!("\n{}\n", x.get(li)));
    }
    if let Some(a) = e.action() {
        out.push_str(&format!(
            "\n**{}** {}\n",
            t(lang, "조치:", "Action:"),
            a.get(li)
        ));
    }
    if let Some(link) = catalog.docs_link(domain_id, code) {
        out.push_str(&format!("\n[{}]({link})\n", t(lang, "문서", "Docs")));
    }
    out
}

/// The rest of the hover of a code that is not valid yet: what the entry says, as written.
fn raw_hover(e: &RawError, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(s) = &e.status {
        out.push_str(&format!(" — HTTP {}", s.get_ref()));
    }
    if let Some(c) = &e.category {
        out.push_str(&format!(
            " · {} `{}`",
            t(lang, "분류", "category"),
            c.get_ref()
        ));
    }
    out.push_str("\n\n");
    if let Some(m) = &e.message {
        for (k, v) in &m.get_ref().0 {
            out.push_str(&format!("- `{}`: {}\n", k.get_ref(), v.get_ref()));
        }
    }
    if e.retired.is_some() {
        out.push_str(&t(lang, "\n⛔ 폐기된 코드\n", "\n⛔ Retired\n"));
    }
    out
}

/// A category (`true`) or an operation.
fn group_hover(domain: &LoadedDomain, key: &str, category: bool, lang: Lang) -> Option<String> {
    let (entries, what) = if category {
        (
            domain
                .categories
                .iter()
                .map(|e| (&e.key, &e.value.title, &e.value.description))
                .collect::<Vec<_>>(),
            t(lang, "분류", "Category"),
        )
    } else {
        (
            domain
                .operations
                .iter()
                .map(|e| (&e.key, &e.value.title, &e.value.description))
                .collect(),
            t(lang, "API 묶음", "Operation"),
        )
    };
    let (_, title, description) = entries.into_iter().find(|(k, _, _)| k.get_ref() == key)?;
    let mut out = format!("{what} **`{key}`**");
    if let Some(title) = title.as_ref().and_then(|x| pick(x.get_ref(), lang)) {
        out.push_str(&format!(" — {title}"));
    }
    out.push_str("\n\n");
    if let Some(d) = description.as_ref().and_then(|x| pick(x.get_ref(), lang)) {
        out.push_str(&format!("{d}\n\n"));
    }
    let uses = domain
        .errors
        .iter()
        .filter(|e| {
            if category {
                e.value
                    .category
                    .as_ref()
                    .is_some_and(|c| c.get_ref() == key)
            } else {
                e.value
                    .operations
                    .as_ref()
                    .is_some_and(|o| o.get_ref().iter().any(|x| x.get_ref() == key))
            }
        })
        .count();
    out.push_str(&t(
        lang,
        &format!("코드 {uses}개"),
        &format!("{uses} code(s)"),
    ));
    Some(out)
}

fn domain_hover(spec: &Spec, id: &str, lang: Lang) -> Option<String> {
    let d = spec.loaded.domains.iter().find(|d| d.id == id)?;
    let raw = d.domain.as_ref().map(|e| &e.value);
    let mut out = format!("{} **`{id}`**", t(lang, "도메인", "Domain"));
    if let Some(title) = raw
        .and_then(|r| r.title.as_ref())
        .and_then(|x| pick(x.get_ref(), lang))
    {
        out.push_str(&format!(" — {title}"));
    }
    out.push_str("\n\n");
    if raw
        .and_then(|r| r.upstream.as_ref())
        .is_some_and(|u| *u.get_ref())
    {
        out.push_str(&t(
            lang,
            "연동사 코드(받는 코드) · ",
            "upstream codes (received) · ",
        ));
    }
    let n = d.errors.len();
    out.push_str(&t(lang, &format!("코드 {n}개"), &format!("{n} code(s)")));
    Some(out)
}

fn placeholder_hover(domain: &LoadedDomain, c: &Cursor, name: &str, lang: Lang) -> Option<String> {
    let code = c.table.get(1)?;
    let e = entry(&domain.errors, code)?;
    let norm = |s: &str| heck::AsSnakeCase(s).to_string();
    let field = e.value.fields.as_ref().and_then(|f| {
        f.get_ref()
            .0
            .iter()
            .find(|(k, _)| norm(k.get_ref()) == norm(name))
            .map(|(_, v)| v.get_ref())
    });
    let ty = field
        .and_then(|f| f.ty.as_ref())
        .map_or("string", |t| t.get_ref().as_str());
    let mut out = format!(
        "{} **`{{{name}}}`** — {} `{ty}`",
        t(lang, "자리표시자", "Placeholder"),
        t(lang, "형식", "type"),
    );
    if let Some(x) = field.and_then(|f| f.example.as_ref()) {
        let x = match x.get_ref() {
            crate::raw::RawScalar::Str(s) => format!("{s:?}"),
            crate::raw::RawScalar::Int(n) => n.to_string(),
        };
        out.push_str(&format!(" · {} `{x}`", t(lang, "예시", "example")));
    }
    if field
        .and_then(|f| f.pii.as_ref())
        .is_some_and(|p| *p.get_ref())
    {
        out.push_str(&t(
            lang,
            " · 개인정보(로그에서 가림)",
            " · personal data (masked in logs)",
        ));
    }
    out.push_str("\n\n");
    out.push_str(&t(
        lang,
        &format!("에러 값이 `{}` 필드로 이 자리에 들어갈 값을 가집니다. 모든 언어의 메시지에 같은 자리표시자를 씁니다", norm(name)),
        &format!("The error carries the value as its field `{}`; every locale's message uses the same placeholders", norm(name)),
    ));
    Some(out)
}

/// What a key means, from the editor schema (the same words VS Code shows).
#[cfg(feature = "schema")]
fn key_hover(table: &[String], key: &str, lang: Lang) -> Option<String> {
    use std::sync::OnceLock;
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    let schema = SCHEMA.get_or_init(crate::emit::schema::schema);
    let def = match table.first().map(String::as_str) {
        None => None,
        Some("catalog") => Some("RawCatalog"),
        Some("domain") => Some("RawDomain"),
        Some("categories") => Some("RawCategory"),
        Some("operations") => Some("RawOperation"),
        Some("errors") => Some("RawError"),
        Some("envelope") => Some("RawEnvelope"),
        Some("details") => Some("RawDetail"),
        Some(_) => None,
    };
    let candidates = [
        def.map(|d| format!("/definitions/{d}/properties/{key}/description")),
        Some(format!(
            "/definitions/RawField/properties/{key}/description"
        )),
        Some(format!(
            "/definitions/RawDeprecated/properties/{key}/description"
        )),
        Some(format!(
            "/definitions/RawRetired/properties/{key}/description"
        )),
        Some(format!("/properties/{key}/description")),
    ];
    let found = if table.is_empty() {
        schema.pointer(&format!("/properties/{key}/description"))
    } else {
        candidates.iter().flatten().find_map(|p| schema.pointer(p))
    }?
    .as_str()?;
    let text = match (lang, found.split_once("\n\n")) {
        (Lang::Ko, Some((ko, _))) => ko,
        (Lang::En, Some(_)) => found.rsplit("\n\n").next().unwrap_or(found),
        (_, None) => found,
    };
    Some(format!("**`{key}`**\n\n{text}"))
}

#[cfg(not(feature = "schema"))]
fn key_hover(_: &[String], _: &str, _: Lang) -> Option<String> {
    None
}

// ---------------------------------------------------------------------------------------------
// Completion

/// A completion before it becomes an item: label, detail, kind.
type Candidate = (String, String, CompletionItemKind);

/// `textDocument/completion`.
pub fn completion(
    ws: &mut Workspace,
    p: CompletionParams,
    lang: Lang,
) -> Option<CompletionResponse> {
    let pos = p.text_document_position;
    let (path, spec) = open(ws, &pos.text_document.uri)?;
    let text = text_of(spec, &path)?;
    let at = text::offset(text, pos.position);
    let c = text::cursor(text, at);
    let domain = spec.domain_of(&path);
    let (prefix, prefix_start) = c.prefix.clone().unwrap_or_default();
    let prefix_start = if prefix_start == 0 && prefix.is_empty() {
        at
    } else {
        prefix_start
    };
    let rest_of_line = text[at..].split('\n').next().unwrap_or_default();
    let mut items: Vec<Candidate> = Vec::new();
    let mut close = String::new();

    if c.header == Some(1) && c.table.first().is_some_and(|t| t == "errors") {
        // `[errors."` → the next free code of each category.
        let d = domain?;
        if c.in_string && !rest_of_line.contains('"') {
            close.push_str("\"]");
        }
        items = next_code_candidates(d, lang);
    } else if let Some(key) = c.value_of.as_deref() {
        let quote = if c.in_string { "" } else { "\"" };
        if c.in_string && !rest_of_line.trim_start().starts_with('"') && !rest_of_line.contains('"')
        {
            close.push('"');
        }
        for (label, detail, kind) in value_candidates(spec, domain, &c, key, lang)? {
            items.push((format!("{quote}{label}{quote}"), detail, kind));
        }
    } else if c.line_key.len() >= 2 && TEXT_KEYS.contains(&c.line_key[0].as_str()) {
        // `message.` → the catalog's locales.
        items = locale_candidates(spec, CompletionItemKind::PROPERTY, lang);
    }
    if items.is_empty() {
        return None;
    }
    let index = LineIndex::new(text);
    let range = index.range(&(prefix_start.min(at)..at));
    Some(CompletionResponse::Array(completion_items(
        items, range, &close,
    )))
}

/// The completion items of the candidates, each replacing `range` and followed by `close`.
fn completion_items(
    items: Vec<Candidate>,
    range: lsp_types::Range,
    close: &str,
) -> Vec<CompletionItem> {
    items
        .into_iter()
        .map(|(label, detail, kind)| CompletionItem {
            label: label.clone(),
            kind: Some(kind),
            detail: (!detail.is_empty()).then_some(detail),
            filter_text: Some(label.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                format!("{label}{close}"),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}

/// `[errors."` → the next free code of each category of the domain.
fn next_code_candidates(d: &LoadedDomain, lang: Lang) -> Vec<Candidate> {
    next_free_codes(d)
        .into_iter()
        .map(|(code, category)| {
            let detail = match category {
                Some(cat) => t(
                    lang,
                    &format!("다음 빈 코드 (분류 {cat})"),
                    &format!("next free code (category {cat})"),
                ),
                None => t(lang, "다음 빈 코드", "next free code"),
            };
            (code, detail, CompletionItemKind::CONSTANT)
        })
        .collect()
}

/// The values `key = ` can take, unquoted; `None` when they need a domain and there is none.
fn value_candidates(
    spec: &Spec,
    domain: Option<&LoadedDomain>,
    c: &Cursor,
    key: &str,
    lang: Lang,
) -> Option<Vec<Candidate>> {
    Some(match key {
        "category" => titled_candidates(&domain?.categories, lang, |e: &RawCategory| {
            e.title.as_ref().map(|x| x.get_ref())
        }),
        "operations" => titled_candidates(&domain?.operations, lang, |e: &RawOperation| {
            e.title.as_ref().map(|x| x.get_ref())
        }),
        "replacement" => {
            let own = c.table.get(1);
            domain?
                .errors
                .iter()
                .filter(|e| e.value.retired.is_none() && Some(e.key.get_ref()) != own)
                .map(|e| {
                    let m = message_of(&e.value, lang).unwrap_or_default();
                    (e.key.get_ref().clone(), m, CompletionItemKind::CONSTANT)
                })
                .collect()
        }
        "passthrough" => upstream_candidates(spec, lang),
        "type" => type_candidates(lang),
        "locale" | "locales" => locale_candidates(spec, CompletionItemKind::VALUE, lang),
        _ => Vec::new(),
    })
}

/// Categories or operations: their keys, with their titles.
fn titled_candidates<T>(
    entries: &[Entry<T>],
    lang: Lang,
    title: impl Fn(&T) -> Option<&RawText>,
) -> Vec<Candidate> {
    entries
        .iter()
        .map(|e| {
            let title = title(&e.value)
                .and_then(|x| pick(x, lang))
                .unwrap_or_default();
            (
                e.key.get_ref().clone(),
                title.to_owned(),
                CompletionItemKind::ENUM_MEMBER,
            )
        })
        .collect()
}

/// `passthrough = ` → the upstream domains, with their titles.
fn upstream_candidates(spec: &Spec, lang: Lang) -> Vec<Candidate> {
    spec.loaded
        .domains
        .iter()
        .filter(|d| {
            d.domain
                .as_ref()
                .and_then(|e| e.value.upstream.as_ref())
                .is_some_and(|u| *u.get_ref())
        })
        .map(|d| {
            let title = d
                .domain
                .as_ref()
                .and_then(|e| e.value.title.as_ref())
                .and_then(|x| pick(x.get_ref(), lang))
                .unwrap_or_default();
            (d.id.clone(), title.to_owned(), CompletionItemKind::MODULE)
        })
        .collect()
}

/// `type = ` → the field types, each explained.
fn type_candidates(lang: Lang) -> Vec<Candidate> {
    FieldType::ALL
        .iter()
        .map(|ty| {
            let detail = match ty {
                FieldType::String => t(lang, "글 (기본)", "text (default)"),
                FieldType::Integer => t(lang, "정수", "integer"),
                FieldType::Amount => t(
                    lang,
                    "금액 (1,000원 / KRW 1,000)",
                    "amount (1,000원 / KRW 1,000)",
                ),
            };
            (
                ty.as_str().to_owned(),
                detail,
                CompletionItemKind::TYPE_PARAMETER,
            )
        })
        .collect()
}

/// The catalog's locales, as completions of the given kind.
fn locale_candidates(spec: &Spec, kind: CompletionItemKind, lang: Lang) -> Vec<Candidate> {
    spec.locales()
        .into_iter()
        .map(|l| (l, t(lang, "카탈로그 언어", "catalog locale"), kind))
        .collect()
}

fn message_of(e: &RawError, lang: Lang) -> Option<String> {
    e.message
        .as_ref()
        .and_then(|m| pick(m.get_ref(), lang))
        .map(str::to_owned)
}

/// The next free code under the domain's `code_format`, per category (or one without).
fn next_free_codes(d: &LoadedDomain) -> Vec<(String, Option<String>)> {
    let Some(format) = d
        .domain
        .as_ref()
        .and_then(|e| e.value.code_format.as_ref())
        .and_then(|f| crate::codefmt::CodeFormat::parse(f.get_ref()).ok())
    else {
        return Vec::new();
    };
    let categories: Vec<&str> = d
        .categories
        .iter()
        .map(|c| c.key.get_ref().as_str())
        .collect();
    let used = || d.errors.iter().map(|e| e.key.get_ref().as_str());
    if format.has_category() {
        categories
            .iter()
            .filter_map(|c| {
                Some((
                    format.next_free(Some(c), used(), &categories)?,
                    Some((*c).to_owned()),
                ))
            })
            .collect()
    } else {
        format
            .next_free(None, used(), &categories)
            .map(|code| vec![(code, None)])
            .unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------------
// Code actions

/// `textDocument/codeAction`: apply a did-you-mean, add a missing translation, turn a deleted
/// code into a `retired` entry.
pub fn code_actions(
    ws: &mut Workspace,
    p: CodeActionParams,
    lang: Lang,
) -> Option<Vec<CodeActionOrCommand>> {
    let uri = p.text_document.uri.clone();
    let path = uri_to_path(&uri)?;
    let baseline = ws.baselines.get(&path).cloned().unwrap_or_default();
    let spec = ws.spec_for(&path)?;
    let file = spec.file_of(&path)?;
    let text = spec.loaded.sources.get(file).text.as_str();
    let index = LineIndex::new(text);
    let start = text::offset(text, p.range.start);
    let end = text::offset(text, p.range.end);
    let mut out = Vec::new();
    for d in &spec.diagnostics {
        let Some(loc) = d.primary.as_ref().filter(|l| l.file == file) else {
            continue;
        };
        if loc.span.start > end || loc.span.end < start {
            continue;
        }
        let lsp_diag = p
            .context
            .diagnostics
            .iter()
            .find(|x| x.range == index.range(&loc.span))
            .cloned();
        let fixes = did_you_mean_fixes(d, text, &index, &loc.span, lang)
            .into_iter()
            .chain(translation_fix(d, text, &index, loc.span.start, lang));
        for (title, edit) in fixes {
            out.push(quick_fix(&uri, title, vec![edit], lsp_diag.clone()));
        }
    }
    // Codes the file had (when opened, or in git's HEAD) and no longer has: never deleted,
    // retired.
    if let Some(domain) = spec.domain_of(&path) {
        for (title, edit) in retire_fixes(domain, &baseline, text, &index, lang) {
            out.push(quick_fix(&uri, title, vec![edit], None));
        }
    }
    Some(out)
}

/// A preferred quick fix of the document `uri`, fixing `diag` when it is known.
fn quick_fix(
    uri: &lsp_types::Uri,
    title: String,
    edits: Vec<TextEdit>,
    diag: Option<lsp_types::Diagnostic>,
) -> CodeActionOrCommand {
    #[allow(clippy::mutable_key_type)] // lsp_types' own map type, keyed by Uri
    let mut changes = std::collections::HashMap::new();
    changes.insert(uri.clone(), edits);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diag.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(true),
        ..CodeAction::default()
    })
}

/// One fix per did-you-mean help of the diagnostic: its title and edit.
fn did_you_mean_fixes(
    d: &crate::diagnostic::Diagnostic,
    text: &str,
    index: &LineIndex,
    span: &Range<usize>,
    lang: Lang,
) -> Vec<(String, TextEdit)> {
    let mut out = Vec::new();
    for h in &d.help {
        let Some(sug) =
            h.en.strip_prefix("did you mean `")
                .and_then(|s| s.strip_suffix("`?"))
        else {
            continue;
        };
        if let Some((range, new)) = replacement(text, span, sug) {
            let title = Msg::new(
                format!("`{new}`(으)로 고치기"),
                format!("Change to `{new}`"),
            )
            .get(lang)
            .to_owned();
            out.push((title, TextEdit::new(index.range(&range), new)));
        }
    }
    out
}

/// For a missing translation: the fix that adds the key, its title and edit.
fn translation_fix(
    d: &crate::diagnostic::Diagnostic,
    text: &str,
    index: &LineIndex,
    span_start: usize,
    lang: Lang,
) -> Option<(String, TextEdit)> {
    if d.rule != Rule::MissingTranslation {
        return None;
    }
    let key = d
        .help
        .iter()
        .find_map(|h| h.en.strip_prefix("add it: ")?.strip_suffix(" = \"...\""))?;
    let (what, locale) = key.rsplit_once('.')?;
    let (at, insert) = translation_insert(text, span_start, what, locale)?;
    let title = t(
        lang,
        &format!("번역 키 추가: {key}"),
        &format!("Add the missing translation: {key}"),
    );
    Some((title, TextEdit::new(index.range(&(at..at)), insert)))
}

/// One fix per code of `baseline` the domain no longer has: append it as a `retired` entry.
fn retire_fixes(
    domain: &LoadedDomain,
    baseline: &std::collections::BTreeSet<String>,
    text: &str,
    index: &LineIndex,
    lang: Lang,
) -> Vec<(String, TextEdit)> {
    let now: std::collections::BTreeSet<&str> = domain
        .errors
        .iter()
        .map(|e| e.key.get_ref().as_str())
        .collect();
    let mut out = Vec::new();
    for code in baseline.iter().filter(|c| !now.contains(c.as_str())) {
        let mut insert = String::new();
        if !text.ends_with('\n') && !text.is_empty() {
            insert.push('\n');
        }
        insert.push_str(&format!(
            "\n[errors.{}]\nretired = {{ since = \"{}\" }}\n",
            toml_key(code),
            this_month()
        ));
        let title = Msg::new(
            format!("지운 코드 `{code}`를 폐기(retired) 항목으로 남기기"),
            format!("Keep deleted code `{code}` as a retired entry"),
        )
        .get(lang)
        .to_owned();
        let endpos = index.range(&(text.len()..text.len()));
        out.push((title, TextEdit::new(endpos, insert)));
    }
    out
}

/// Where to put a did-you-mean suggestion in `span`: the whole word, the text inside its quotes,
/// or — for a span over a whole value (`deprecated = { … }`) — the quoted text in it closest
/// to the suggestion.
fn replacement(text: &str, span: &Range<usize>, sug: &str) -> Option<(Range<usize>, String)> {
    let old = text.get(span.clone())?;
    let unquote = |s: &str| s.trim_matches('"').to_owned();
    if old.len() >= 2
        && old.starts_with('"')
        && old.ends_with('"')
        && !old[1..old.len() - 1].contains('"')
    {
        return Some((span.start + 1..span.end - 1, unquote(sug)));
    }
    if !old.contains(['"', '=', '{', ' ']) {
        let new = if !old.contains('.') && sug.contains('.') {
            sug.rsplit('.').next().unwrap_or(sug).to_owned()
        } else {
            sug.to_owned()
        };
        return Some((span.clone(), new));
    }
    // The quoted strings inside the span.
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut i = 0;
    let bytes = old.as_bytes();
    while let Some(q) = old[i..].find('"') {
        let s = i + q + 1;
        let Some(len) = old[s..].find('"') else { break };
        let inner = &old[s..s + len];
        let dist = edit_distance(inner, &unquote(sug));
        if dist > 0 && best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, span.start + s..span.start + s + len));
        }
        i = s + len + 1;
        if i >= bytes.len() {
            break;
        }
    }
    best.map(|(_, r)| (r, unquote(sug)))
}

/// Where to add `what.locale = ""` for the entry around byte `at`: after the last line of
/// that entry that writes `what.…`; or `, locale = ""` inside an inline `what = { … }`.
fn translation_insert(text: &str, at: usize, what: &str, locale: &str) -> Option<(usize, String)> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let section_start = {
        let mut s = 0;
        let mut pos = 0;
        for line in text[..start].split_inclusive('\n') {
            if text::header_segments(line).is_some() {
                s = pos;
            }
            pos += line.len();
        }
        s
    };
    let mut pos = section_start;
    let mut last: Option<(usize, &str)> = None;
    let mut in_multiline = false;
    let mut first = true;
    for line in text[section_start..].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if in_multiline {
            if line.contains("\"\"\"") {
                in_multiline = false;
                if let Some(l) = last.as_mut() {
                    l.0 = pos;
                }
            }
            continue;
        }
        if !first && text::header_segments(line).is_some() {
            break;
        }
        first = false;
        let trimmed = line.trim_start();
        if trimmed.starts_with(&format!("{what}."))
            || trimmed.starts_with(&format!("{what} "))
            || trimmed.starts_with(&format!("{what}="))
        {
            last = Some((pos, line));
            let _ = line_start;
            if line.matches("\"\"\"").count() == 1 {
                in_multiline = true;
            }
        }
    }
    let (after, line) = last?;
    let value = line.split_once('=')?.1.trim();
    if value.starts_with('{') {
        // An inline table: add the locale before its closing brace.
        let close = after - line.len() + line.rfind('}')?;
        return Some((close, format!(", {locale} = \"\" ")));
    }
    if !line.trim_start().starts_with(&format!("{what}.")) {
        return None;
    }
    let newline = if line.ends_with('\n') { "" } else { "\n" };
    Some((after, format!("{newline}{what}.{locale} = \"\"\n")))
}

/// A code as a TOML key: bare when it can be, quoted otherwise.
fn toml_key(code: &str) -> String {
    if !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        code.to_owned()
    } else {
        format!("{code:?}")
    }
}

/// `2026-12`, today's month (UTC).
fn this_month() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}")
}

// ---------------------------------------------------------------------------------------------
// Go to definition, document symbols

/// `textDocument/definition`: a category, operation, replacement or passthrough → where it is
/// declared.
pub fn definition(ws: &mut Workspace, p: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let pos = p.text_document_position_params;
    let (path, spec) = open(ws, &pos.text_document.uri)?;
    let text = text_of(spec, &path)?;
    let c = text::cursor(text, text::offset(text, pos.position));
    let (word, _) = c.word.clone()?;
    let domain = spec.domain_of(&path)?;
    let span_in = |file, span: Range<usize>| -> Option<Location> {
        let p = spec.path_of(file);
        let index = LineIndex::new(&spec.loaded.sources.get(file).text);
        Some(Location::new(path_to_uri(&p)?, index.range(&span)))
    };
    let loc = match c.value_of.as_deref()? {
        "category" => span_in(domain.file, entry(&domain.categories, &word)?.key.span()),
        "operations" => span_in(domain.file, entry(&domain.operations, &word)?.key.span()),
        "replacement" => span_in(domain.file, entry(&domain.errors, &word)?.key.span()),
        "passthrough" => {
            let target = spec.loaded.domains.iter().find(|d| d.id == word)?;
            let span = target.domain.as_ref().map_or(0..0, |e| e.key.span());
            span_in(target.file, span)
        }
        _ => None,
    }?;
    Some(GotoDefinitionResponse::Scalar(loc))
}

/// `textDocument/documentSymbol`: the file's codes (and categories, operations) as an outline.
pub fn document_symbols(
    ws: &mut Workspace,
    p: DocumentSymbolParams,
    lang: Lang,
) -> Option<DocumentSymbolResponse> {
    let (path, spec) = open(ws, &p.text_document.uri)?;
    let text = text_of(spec, &path)?;
    let domain = spec.domain_of(&path)?;
    let index = LineIndex::new(text);
    let mut symbols: Vec<(usize, DocumentSymbol)> = Vec::new();
    #[allow(deprecated)]
    let mut push =
        |key: &crate::raw::S<String>, name: String, detail: Option<String>, kind: SymbolKind| {
            let span = key.span();
            symbols.push((
                span.start,
                DocumentSymbol {
                    name,
                    detail,
                    kind,
                    tags: None,
                    deprecated: None,
                    range: index.range(&section(text, span.start)),
                    selection_range: index.range(&span),
                    children: None,
                },
            ));
        };
    for e in &domain.categories {
        let title = e
            .value
            .title
            .as_ref()
            .and_then(|x| pick(x.get_ref(), lang))
            .map(str::to_owned);
        push(
            &e.key,
            format!("[categories.{}]", e.key.get_ref()),
            title,
            SymbolKind::ENUM,
        );
    }
    for e in &domain.operations {
        let title = e
            .value
            .title
            .as_ref()
            .and_then(|x| pick(x.get_ref(), lang))
            .map(str::to_owned);
        push(
            &e.key,
            format!("[operations.{}]", e.key.get_ref()),
            title,
            SymbolKind::INTERFACE,
        );
    }
    for e in &domain.errors {
        let detail = if e.value.retired.is_some() {
            Some(t(lang, "폐기", "retired"))
        } else {
            message_of(&e.value, lang)
        };
        push(
            &e.key,
            e.key.get_ref().clone(),
            detail,
            SymbolKind::CONSTANT,
        );
    }
    symbols.sort_by_key(|(at, _)| *at);
    Some(DocumentSymbolResponse::Nested(
        symbols.into_iter().map(|(_, s)| s).collect(),
    ))
}

/// The `[table]` section around byte `at`: from its header line to the last non-blank line
/// before the next header.
fn section(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut pos = end;
    for line in text[end..].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if text::header_segments(line.trim_start_matches('\n')).is_some() && line_start > start {
            break;
        }
        let content = line.trim();
        if !content.is_empty() && !content.starts_with('#') {
            end = line_start + line.trim_end().len();
        }
    }
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_replaces_the_right_text() {
        let t = "stauts = 404\ncategory = \"X\"\ndeprecated = { replacement = \"NEWW\" }";
        assert_eq!(
            replacement(t, &(0..6), "status"),
            Some((0..6, "status".into()))
        );
        let q = t.find("\"X\"").unwrap();
        assert_eq!(
            replacement(t, &(q..q + 3), "C"),
            Some((q + 1..q + 2, "C".into()))
        );
        let d = t.find('{').unwrap();
        let n = t.find("NEWW").unwrap();
        assert_eq!(
            replacement(t, &(d..t.len()), "NEW"),
            Some((n..n + 4, "NEW".into()))
        );
        assert_eq!(
            replacement("enn = 1", &(0..3), "message.en"),
            Some((0..3, "en".into()))
        );
    }

    #[test]
    fn translations_go_after_their_siblings() {
        let t = "[errors.A]\nmessage.ko = \"가\"\nstatus = 400\n\n[errors.B]\n";
        let (at, s) = translation_insert(t, 12, "message", "en").unwrap();
        assert_eq!(&t[..at], "[errors.A]\nmessage.ko = \"가\"\n");
        assert_eq!(s, "message.en = \"\"\n");
        let t = "[errors.A]\nmessage = { ko = \"가\" }\n";
        let (at, s) = translation_insert(t, 12, "message", "en").unwrap();
        let mut fixed = t.to_owned();
        fixed.insert_str(at, &s);
        assert_eq!(fixed, "[errors.A]\nmessage = { ko = \"가\" , en = \"\" }\n");
        let t = "[errors.A]\nmessage.ko = \"\"\"\n가\n\"\"\"\nstatus = 1\n";
        let (at, _) = translation_insert(t, 12, "message", "en").unwrap();
        assert_eq!(&t[at..], "status = 1\n");
    }

    #[test]
    fn sections_end_at_the_next_header() {
        let t = "[errors.A]\nstatus = 1\n\n# c\n[errors.B]\nx = 2\n";
        assert_eq!(&t[section(t, 3)], "[errors.A]\nstatus = 1");
        assert_eq!(
            &t[section(t, t.find("[errors.B]").unwrap() + 2)],
            "[errors.B]\nx = 2"
        );
    }

    #[test]
    fn months() {
        let m = this_month();
        assert_eq!(m.len(), 7);
        assert!(m.starts_with("20"));
        assert_eq!(toml_key("EBP-C-0001"), "EBP-C-0001");
        assert_eq!(toml_key("a.b"), "\"a.b\"");
    }
}
