//! `errspec explain CODE`: what a code means, from the spec, like `rustc --explain`.

use unicode_width::UnicodeWidthStr;

use crate::diagnostic::{Lang, SUGGEST_MAX_CHARS, edit_distance_within};
use crate::emit::docs::example::response_body;
use crate::emit::docs::markup::{markdown_to_terminal, wrap};
use crate::emit::facts;
use crate::model::{Catalog, Domain, Entry, ErrorDef, Message};
use crate::report::locale_index;

/// The outcome of looking a code up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Exactly one domain has it.
    Found(&'a Domain, &'a Entry),
    /// Several domains have it; the caller must pick one.
    Ambiguous(Vec<(&'a Domain, &'a Entry)>),
    /// No domain has it; the closest codes, best first, as (domain, code).
    NotFound(Vec<(&'a str, &'a str)>),
    /// The domain asked for (`--domain D` or `D:CODE`) does not exist; the closest domain
    /// ids, best first.
    UnknownDomain(String, Vec<&'a str>),
}

/// Finds `code` in `catalog`, optionally only in `domain`. Accepts `domain:CODE` too.
pub fn lookup<'a>(catalog: &'a Catalog, code: &str, domain: Option<&str>) -> Lookup<'a> {
    let code = code.trim();
    let (domain, code) = match (domain, code.split_once(':')) {
        (None, Some((d, c))) if catalog.domain(d.trim()).is_some() => (Some(d.trim()), c.trim()),
        // `D:CODE` where D is no domain: say so, unless a code really holds a colon.
        (None, Some((d, c)))
            if !d.is_empty()
                && !c.is_empty()
                && !catalog.domains.iter().any(|dom| dom.entry(code).is_some()) =>
        {
            return unknown_domain(catalog, d.trim());
        }
        _ => (domain.map(str::trim), code),
    };
    if let Some(id) = domain
        && catalog.domain(id).is_none()
    {
        return unknown_domain(catalog, id);
    }
    let in_scope = |d: &&Domain| domain.is_none_or(|id| d.id == id);
    let hits: Vec<(&Domain, &Entry)> = catalog
        .domains
        .iter()
        .filter(in_scope)
        .filter_map(|d| d.entry(code).map(|e| (d, e)))
        .collect();
    // Codes are exact on the wire, but people type them in any case.
    let hits = if hits.is_empty() {
        catalog
            .domains
            .iter()
            .filter(in_scope)
            .filter_map(|d| {
                d.entries
                    .iter()
                    .find(|e| e.code().eq_ignore_ascii_case(code))
                    .map(|e| (d, e))
            })
            .collect()
    } else {
        hits
    };
    match hits.as_slice() {
        [(d, e)] => Lookup::Found(d, e),
        [] => Lookup::NotFound(closest(catalog, code)),
        many => Lookup::Ambiguous(many.to_vec()),
    }
}

fn unknown_domain<'a>(catalog: &'a Catalog, id: &str) -> Lookup<'a> {
    let mut ids: Vec<(usize, &str)> = catalog
        .domains
        .iter()
        .filter_map(|d| {
            let bound = (d.id.len().max(id.len()) / 3).max(2);
            Some((edit_distance_within(id, &d.id, bound)?, d.id.as_str()))
        })
        .collect();
    ids.sort();
    Lookup::UnknownDomain(id.to_owned(), ids.into_iter().map(|(_, d)| d).collect())
}

/// The codes closest to `code`, best first: by spelling, or else by the words of their
/// messages and explanations (`errspec explain 세션`).
fn closest<'a>(catalog: &'a Catalog, code: &str) -> Vec<(&'a str, &'a str)> {
    if code.is_empty() {
        return Vec::new();
    }
    let upper = code.to_uppercase();
    let loose = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
            .flat_map(char::to_uppercase)
            .collect()
    };
    let code_loose = loose(code);
    let code_chars = code.chars().count();
    let spell = code_chars <= SUGGEST_MAX_CHARS;
    let mut scored: Vec<(usize, &str, &str)> = catalog
        .domains
        .iter()
        .flat_map(|d| d.entries.iter().map(move |e| (d, e.code())))
        .filter_map(|(d, code_of_e)| {
            let bound = (code_of_e.chars().count().max(code_chars) / 3).max(2);
            let candidate = code_of_e.to_uppercase();
            // A spelling is compared only when the argument could be a code at all: an
            // argument of a million characters costs one pass, not one per code.
            let mut dist = if spell {
                edit_distance_within(&upper, &candidate, bound).unwrap_or(usize::MAX)
            } else {
                usize::MAX
            };
            if code_chars >= 3 && candidate.contains(&upper) {
                dist = dist.min(2);
            }
            if !code_loose.is_empty() && loose(code_of_e) == code_loose {
                dist = 0;
            }
            (dist <= bound).then_some((dist, d.id.as_str(), code_of_e))
        })
        .collect();
    scored.sort();
    let mut out: Vec<(&str, &str)> = scored.into_iter().take(5).map(|(_, d, c)| (d, c)).collect();
    if out.is_empty() && code.chars().count() >= 2 {
        let needle = code.to_lowercase();
        for d in &catalog.domains {
            for e in &d.entries {
                let mut texts = (e.message().into_iter())
                    .flat_map(|m| m.templates.iter().map(|t| t.unfilled()))
                    .chain(e.explanation().into_iter().flat_map(|x| x.values.clone()));
                if texts.any(|t| t.to_lowercase().contains(&needle)) && out.len() < 5 {
                    out.push((d.id.as_str(), e.code()));
                }
            }
        }
    }
    out
}

/// What `errspec explain` answers for `code` (and `--domain`): `Ok` with the explanation for
/// stdout, or `Err` with what went wrong for stderr (ambiguous or unknown code, unknown
/// domain). Never panics, whatever `code` holds.
pub fn answer(
    catalog: &Catalog,
    code: &str,
    domain: Option<&str>,
    lang: Lang,
    width: usize,
) -> Result<String, String> {
    match lookup(catalog, code, domain) {
        Lookup::Found(d, e) => Ok(render_width(catalog, d, e, lang, width)),
        Lookup::Ambiguous(hits) => Err(ambiguous(catalog, code.trim(), &hits, lang)),
        Lookup::NotFound(close) => Err(not_found(code.trim(), domain, &close, lang)),
        Lookup::UnknownDomain(id, close) => Err(no_domain(catalog, &id, &close, lang)),
    }
}

/// `shown` is in several domains: which, and how to pick one.
fn ambiguous(catalog: &Catalog, shown: &str, hits: &[(&Domain, &Entry)], lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let li = locale_index(catalog, lang);
    let mut msg = if ko {
        format!("오류: `{shown}` 코드는 여러 도메인에 있습니다. 어느 것인지 고르세요:\n")
    } else {
        format!("error: `{shown}` exists in several domains; pick one:\n")
    };
    let names: Vec<String> = hits
        .iter()
        .map(|(d, e)| format!("{}:{}", d.id, e.code()))
        .collect();
    let w = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for ((d, e), name) in hits.iter().zip(&names) {
        // A tombstone may record neither a status nor a message.
        let about: Vec<String> = (e.status().map(|s| format!("HTTP {s}")).into_iter())
            .chain(e.message().map(|m| m.templates[li].unfilled()))
            .collect();
        let about = match about.is_empty() {
            true => String::new(),
            false => format!(" — {}", about.join(" · ")),
        };
        msg.push_str(&format!(
            "  {name}{pad}  {}{about}\n",
            d.title.get(li),
            pad = " ".repeat(w - name.width()),
        ));
    }
    let (d0, e0) = hits[0];
    msg.push_str(&if ko {
        format!(
            "도움말: errspec explain {}:{} 또는 errspec explain {} --domain {}",
            d0.id,
            e0.code(),
            e0.code(),
            d0.id
        )
    } else {
        format!(
            "help: errspec explain {}:{} or errspec explain {} --domain {}",
            d0.id,
            e0.code(),
            e0.code(),
            d0.id
        )
    });
    msg
}

/// No code `shown` (in `domain`): the closest ones, or where to look.
fn not_found(shown: &str, domain: Option<&str>, close: &[(&str, &str)], lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let mut msg = if ko {
        format!("오류: `{shown}` 코드는 스펙에 없습니다")
    } else {
        format!("error: no code `{shown}` in the spec")
    };
    if let Some(d) = domain {
        msg.push_str(&if ko {
            format!(" (도메인 {d})")
        } else {
            format!(" (domain {d})")
        });
    }
    if close.is_empty() {
        msg.push_str(if ko {
            "\n도움말: 도메인별 코드 목록은 errspec check로, 낱말로 찾으려면 errspec docs의 찾기를 쓰세요"
        } else {
            "\nhelp: errspec check lists the domains; to search by words, use the search of errspec docs"
        });
    } else {
        let list: Vec<String> = close.iter().map(|(d, c)| format!("{c} ({d})")).collect();
        msg.push_str(&if ko {
            format!("\n도움말: 이 코드를 찾으셨나요? {}", list.join(", "))
        } else {
            format!("\nhelp: did you mean {}?", list.join(", "))
        });
    }
    msg
}

/// No domain `id`: the domains there are, and the closest.
fn no_domain(catalog: &Catalog, id: &str, close: &[&str], lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let all: Vec<&str> = catalog.domains.iter().map(|d| d.id.as_str()).collect();
    let mut msg = if ko {
        format!(
            "오류: `{id}` 도메인은 스펙에 없습니다 (있는 도메인: {})",
            all.join(", ")
        )
    } else {
        format!(
            "error: no domain `{id}` in the spec (domains: {})",
            all.join(", ")
        )
    };
    if let Some(best) = close.first() {
        msg.push_str(&if ko {
            format!("\n도움말: 이 도메인을 찾으셨나요? {best}")
        } else {
            format!("\nhelp: did you mean {best}?")
        });
    }
    msg
}

/// The explanation of one code, in `lang`, for an 80-column terminal.
pub fn render(catalog: &Catalog, d: &Domain, e: &Entry, lang: Lang) -> String {
    render_width(catalog, d, e, lang, 80)
}

/// The explanation of one code, in `lang`, wrapped to `width` columns.
pub fn render_width(catalog: &Catalog, d: &Domain, e: &Entry, lang: Lang, width: usize) -> String {
    let mut page = Page {
        catalog,
        out: String::new(),
        width,
        ko: lang == Lang::Ko,
        li: locale_index(catalog, lang),
    };
    // A tombstone may keep nothing but its code (no status, no message).
    page.title(e.code(), e.message());
    page.banners(e);
    page.facts(d, e);
    if let Some(m) = e.message() {
        page.messages(m);
    }
    // Placeholders and an example response: not for a tombstone, it is never sent.
    if let Some(live) = e.live() {
        page.placeholders(live);
    }
    page.prose(e);
    if let Some(live) = e.live() {
        page.example(d, live);
    }
    if let Some(link) = catalog.docs_link(&d.id, e.code()) {
        let docs = page.t("문서", "Docs");
        page.out.push_str(&format!("\n{docs}: {link}\n"));
    }
    page.out
}

/// An explanation being written.
struct Page<'a> {
    catalog: &'a Catalog,
    out: String,
    width: usize,
    ko: bool,
    /// The catalog locale of spec texts.
    li: usize,
}

impl Page<'_> {
    fn t(&self, ko: &'static str, en: &'static str) -> &'static str {
        if self.ko { ko } else { en }
    }

    fn wrapped(&mut self, text: &str, indent: &str) {
        for line in wrap(text, self.width.saturating_sub(indent.width())) {
            self.out.push_str(indent);
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    /// `label  value` lines, values aligned at `w` columns and wrapped under themselves.
    fn aligned(&mut self, rows: &[(&str, String)], lead: &str) {
        let w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        let indent = format!("{lead}{}  ", " ".repeat(w));
        for (k, v) in rows {
            let lines = wrap(v, self.width.saturating_sub(indent.width()));
            for (i, line) in lines.iter().enumerate() {
                if i == 0 {
                    let pad = " ".repeat(w - k.width());
                    self.out.push_str(&format!("{lead}{k}{pad}  {line}\n"));
                } else {
                    self.out.push_str(&format!("{indent}{line}\n"));
                }
            }
        }
    }

    /// The code, underlined, then its message in the chosen language.
    fn title(&mut self, code: &str, message: Option<&Message>) {
        self.out.push_str(code);
        self.out.push('\n');
        let rule = "=".repeat(code.width().clamp(8, self.width.max(8)));
        self.out.push_str(&rule);
        self.out.push('\n');
        if let Some(m) = message {
            self.wrapped(&m.templates[self.li].unfilled(), "");
        }
    }

    /// The retired and deprecated banners.
    fn banners(&mut self, e: &Entry) {
        let since = |p: &Page, s: &str| format!(" ({}{s}{})", p.t("", "since "), p.t("부터", ""));
        if let Some(r) = e.retired() {
            self.out.push('\n');
            let mut line = self
                .t(
                    "⚠ 폐기된 코드입니다: 더 이상 나가지 않으며 다시 쓰지도 않습니다",
                    "⚠ Retired: no longer sent, and never reused",
                )
                .to_owned();
            if let Some(s) = &r.since {
                line.push_str(&since(self, s));
            }
            self.wrapped(&line, "");
            if let Some(n) = &r.note {
                self.out
                    .push_str(&markdown_to_terminal(n.get(self.li), self.width, "  "));
            }
        }
        if let Some(dep) = e.deprecated() {
            self.out.push('\n');
            let mut line = self
                .t("⚠ 사용 중단 예정인 코드입니다", "⚠ Deprecated")
                .to_owned();
            if let Some(s) = &dep.since {
                line.push_str(&since(self, s));
            }
            if let Some(r) = &dep.replacement {
                line.push_str(&format!("; {}: {r}", self.t("대신 쓸 코드", "use instead")));
            }
            self.wrapped(&line, "");
            if let Some(n) = &dep.note {
                self.out
                    .push_str(&markdown_to_terminal(n.get(self.li), self.width, "  "));
            }
        }
    }

    /// The facts of the code, as an aligned table.
    fn facts(&mut self, d: &Domain, e: &Entry) {
        let words = if self.ko { "ko" } else { "en" };
        let rows: Vec<(&str, String)> = facts::of(d, e)
            .iter()
            .map(|f| (f.label.get(words), f.value.plain(words, self.li)))
            .collect();
        self.out.push('\n');
        self.aligned(&rows, "");
    }

    /// The message in every locale.
    fn messages(&mut self, m: &Message) {
        let heading = self.t("메시지", "Messages");
        self.out.push_str(&format!("\n{heading}\n"));
        let missing = self.t(" (번역 없음)", " (no translation)");
        let rows: Vec<(&str, String)> = (self.catalog.locales.iter().enumerate())
            .map(|(i, l)| {
                let suffix = if m.translated[i] { "" } else { missing };
                let text = format!("{}{suffix}", m.templates[i].unfilled());
                (l.as_str(), text)
            })
            .collect();
        self.aligned(&rows, "  ");
    }

    /// The placeholders, their types and examples.
    fn placeholders(&mut self, e: &ErrorDef) {
        if e.fields.is_empty() {
            return;
        }
        let heading = self.t("자리표시자", "Placeholders");
        self.out.push_str(&format!("\n{heading}\n"));
        for f in &e.fields {
            let mut line = format!("{{{}}}: {}", f.written, f.ty.as_str());
            if f.pii {
                line.push_str(self.t(
                    ", 개인정보 (로그에서 가림)",
                    ", personal data (redacted in logs)",
                ));
            }
            if let Some(x) = &f.example {
                line.push_str(&format!(", {} {x}", self.t("예", "e.g.")));
            }
            self.wrapped(&line, "  ");
        }
    }

    /// What it means, what to do.
    fn prose(&mut self, e: &Entry) {
        let heading = self.t("설명", "What it means");
        self.out.push_str(&format!("\n{heading}\n"));
        match e.explanation() {
            Some(x) => {
                let text = markdown_to_terminal(x.get(self.li), self.width, "  ");
                self.out.push_str(&text);
            }
            None => {
                let none = self.t(
                    "  (스펙에 설명이 없습니다)\n",
                    "  (the spec has no explanation)\n",
                );
                self.out.push_str(none);
            }
        }
        if let Some(a) = e.action() {
            let heading = self.t("조치", "What to do");
            self.out.push_str(&format!("\n{heading}\n"));
            let text = markdown_to_terminal(a.get(self.li), self.width, "  ");
            self.out.push_str(&text);
        }
    }

    /// The example response body.
    fn example(&mut self, d: &Domain, e: &ErrorDef) {
        let heading = self.t("응답 예시", "Example response");
        self.out
            .push_str(&format!("\n{heading} (HTTP {})\n", e.status));
        for line in response_body(self.catalog, d, e, self.li).lines() {
            self.out.push_str("  ");
            self.out.push_str(line);
            self.out.push('\n');
        }
    }
}
