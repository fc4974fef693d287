//! The docs as Markdown: `README.md` (the domains) and `{domain}.md` (a domain's categories,
//! operations, code table, and a section per code), for wikis and pull requests. Written in
//! one locale; messages in every locale.

use std::fmt::Write as _;

use super::example::response_body;
use super::markup::{escape_markdown as esc, markdown_to_markdown};
use super::{Options, status_reason, ui};
use crate::emit::facts::{self, Value};
use crate::model::{Catalog, Domain, Entry, ErrorDef, Message, Text};
use crate::template::Segment;

struct Ctx<'a> {
    catalog: &'a Catalog,
    locale: usize,
}

impl Ctx<'_> {
    fn tag(&self) -> &str {
        &self.catalog.locales[self.locale]
    }

    fn ui(&self, u: ui::Ui) -> &'static str {
        u.get(self.tag())
    }

    fn text(&self, t: &Text) -> String {
        esc(t.get(self.locale))
    }
}

/// GitHub's anchor of a heading whose text is `s`.
fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().collect::<String>())
            } else if c == ' ' {
                Some("-".into())
            } else {
                None
            }
        })
        .collect()
}

/// A table cell: one line, every pipe escaped (GitHub splits cells even inside code spans).
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' if prev != '\\' => out.push_str("\\|"),
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// A message template, placeholders as code spans (`{field}은(는) …`).
fn message_md(m: &Message, i: usize) -> String {
    let mut out = String::new();
    for seg in &m.templates[i].segments {
        match seg {
            Segment::Text(t) => out.push_str(&esc(t)),
            Segment::Hole { name, particle, .. } => {
                out.push_str(&crate::emit::rust::code_span(&format!("{{{name}}}")));
                if let Some(p) = particle {
                    out.push_str(&esc(&p.spelling));
                }
            }
        }
    }
    out
}

/// Every Markdown page.
pub fn pages(catalog: &Catalog, opts: &Options) -> Vec<(String, String)> {
    let ctx = Ctx {
        catalog,
        locale: opts.locale.min(catalog.locales.len() - 1),
    };
    let mut files = vec![("README.md".to_owned(), index(&ctx))];
    for d in &catalog.domains {
        files.push((format!("{}.md", d.id), domain(&ctx, d)));
    }
    files
}

fn index(ctx: &Ctx) -> String {
    let c = ctx.catalog;
    let mut out = format!(
        "# {} — {}\n\n{}\n\n",
        esc(&c.name),
        ctx.ui(ui::REFERENCE),
        ctx.ui(ui::GENERATED)
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---|---:|",
        ctx.ui(ui::DOMAIN),
        ctx.ui(ui::DESCRIPTION),
        ctx.ui(ui::CODES)
    );
    for d in &c.domains {
        let up = if d.upstream {
            format!(" · {}", ctx.ui(ui::UPSTREAM))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| [{}]({}.md) (`{}`){up} | {} | {} |",
            ctx.text(&d.title),
            d.id,
            d.id,
            cell(
                &d.description
                    .as_ref()
                    .map(|t| ctx.text(t))
                    .unwrap_or_default()
            ),
            d.entries.len()
        );
    }
    out
}

fn domain(ctx: &Ctx, d: &Domain) -> String {
    let mut out = format!("# {} (`{}`)\n\n", ctx.text(&d.title), d.id);
    if let Some(desc) = &d.description {
        let _ = writeln!(out, "{}\n", ctx.text(desc));
    }
    if d.upstream {
        let _ = writeln!(out, "> {}\n", ctx.ui(ui::UPSTREAM_NOTE));
    }
    if let Some(f) = &d.code_format {
        let _ = writeln!(
            out,
            "{}: {}\n",
            ctx.ui(ui::CODE_FORMAT),
            crate::emit::rust::code_span(f)
        );
    }
    groups_tables(&mut out, ctx, d);
    codes_table(&mut out, ctx, d);
    for e in &d.entries {
        out.push('\n');
        out.push_str(&code_section(ctx, d, e));
    }
    out
}

/// A domain's categories and operations.
fn groups_tables(out: &mut String, ctx: &Ctx, d: &Domain) {
    for (items, heading) in [
        (&d.categories, ui::CATEGORIES),
        (&d.operations, ui::OPERATIONS),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} |\n|---|---|---|",
            ctx.ui(heading),
            ctx.ui(ui::CODE),
            ctx.ui(ui::TITLE),
            ctx.ui(ui::DESCRIPTION)
        );
        for g in items {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                g.key,
                cell(&ctx.text(&g.title)),
                cell(
                    &g.description
                        .as_ref()
                        .map(|t| ctx.text(t))
                        .unwrap_or_default()
                )
            );
        }
        out.push('\n');
    }
}

/// A domain's codes, one row each, linked to their sections.
fn codes_table(out: &mut String, ctx: &Ctx, d: &Domain) {
    let with_cat = !d.categories.is_empty();
    if with_cat {
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} | {} |\n|---|---:|---|---|",
            ctx.ui(ui::CODES),
            ctx.ui(ui::CODE),
            ctx.ui(ui::STATUS),
            ctx.ui(ui::CATEGORY),
            ctx.ui(ui::MESSAGE)
        );
    } else {
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} |\n|---|---:|---|",
            ctx.ui(ui::CODES),
            ctx.ui(ui::CODE),
            ctx.ui(ui::STATUS),
            ctx.ui(ui::MESSAGE)
        );
    }
    for e in &d.entries {
        let cat = e
            .category()
            .and_then(|k| d.category(k))
            .map(|c| format!("`{}` {}", c.key, ctx.text(&c.title)))
            .unwrap_or_default();
        let cat = if with_cat {
            format!(" {} |", cell(&cat))
        } else {
            String::new()
        };
        let life = lifecycle_word(ctx, e);
        let _ = writeln!(
            out,
            "| [{}](#{}){life} | {} |{cat} {} |",
            esc(e.code()),
            slug(e.code()),
            e.status().map(|s| s.to_string()).unwrap_or_default(),
            cell(
                &e.message()
                    .map(|m| message_md(m, ctx.locale))
                    .unwrap_or_default()
            )
        );
    }
}

fn lifecycle_word(ctx: &Ctx, e: &Entry) -> String {
    if e.retired().is_some() {
        format!(" ({})", ctx.ui(ui::RETIRED))
    } else if e.deprecated().is_some() {
        format!(" ({})", ctx.ui(ui::DEPRECATED))
    } else {
        String::new()
    }
}

fn quote_block(s: &str) -> String {
    s.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A fact's value in Markdown.
fn fact_md(ctx: &Ctx, v: &Value) -> String {
    match v {
        Value::Status(s) => format!("{s} {}", status_reason(*s).unwrap_or_default()),
        Value::Domain(d) => format!("{} (`{}`)", ctx.text(&d.title), d.id),
        Value::Category(c) => format!("`{}` {}", c.key, ctx.text(&c.title)),
        Value::Operations(ops) => ops
            .iter()
            .map(|o| format!("{} (`{}`)", ctx.text(&o.title), o.key))
            .collect::<Vec<_>>()
            .join(", "),
        Value::YesNo(b) => ctx.ui(if *b { ui::YES } else { ui::NO }).to_owned(),
        Value::Word(w) => ctx.ui(*w).to_owned(),
        Value::Text { ko, en } => esc(if ui::is_korean(ctx.tag()) { ko } else { en }),
        Value::Code(t) => crate::emit::rust::code_span(t),
        Value::RustPath(p) => format!("`{p}`"),
    }
}

fn code_section(ctx: &Ctx, d: &Domain, e: &Entry) -> String {
    let c = ctx.catalog;
    let li = ctx.locale;
    let mut out = format!("### {}\n\n", esc(e.code()));
    if let Some(m) = e.message() {
        let _ = writeln!(out, "**{}**\n", message_md(m, li));
    }
    banners(&mut out, ctx, e);
    // The domain is the heading this section is under.
    let facts: Vec<String> = facts::of(d, e)
        .iter()
        .filter(|f| !matches!(f.value, Value::Domain(_)))
        .map(|f| format!("- {}: {}", ctx.ui(f.label), fact_md(ctx, &f.value)))
        .collect();
    let _ = writeln!(out, "{}\n", facts.join("\n"));

    prose(&mut out, ctx, e);
    if let Some(m) = e.message() {
        messages(&mut out, ctx, m);
    }
    // Placeholders and an example response: not for a tombstone, it is never sent.
    if let Some(live) = e.live() {
        placeholders(&mut out, ctx, live);
        let body = response_body(c, d, live, li);
        let fence = if body.contains("```") { "~~~~" } else { "```" };
        let _ = writeln!(
            out,
            "#### {}\n\n{fence}json\n{body}\n{fence}\n",
            ctx.ui(ui::EXAMPLE_RESPONSE)
        );
    }
    if let Some(link) = c.docs_link(&d.id, e.code()) {
        let _ = writeln!(out, "{}: <{link}>", ctx.ui(ui::PERMALINK));
    }
    out
}

/// The retired and deprecated banners of a code.
fn banners(out: &mut String, ctx: &Ctx, e: &Entry) {
    let li = ctx.locale;
    if let Some(r) = e.retired() {
        let mut s = format!("**{}**", ctx.ui(ui::RETIRED_BANNER));
        if let Some(since) = &r.since {
            let _ = write!(s, " ({})", ctx.ui(ui::SINCE).replace("{v}", &esc(since)));
        }
        if let Some(n) = &r.note {
            let _ = write!(s, "\n\n{}", markdown_to_markdown(n.get(li)));
        }
        let _ = writeln!(out, "{}\n", quote_block(&format!("⚠ {s}")));
    }
    if let Some(dep) = e.deprecated() {
        let mut s = format!("**{}**", ctx.ui(ui::DEPRECATED_BANNER));
        if let Some(since) = &dep.since {
            let _ = write!(s, " ({})", ctx.ui(ui::SINCE).replace("{v}", &esc(since)));
        }
        if let Some(r) = &dep.replacement {
            let _ = write!(
                s,
                " {}: [{}](#{})",
                ctx.ui(ui::USE_INSTEAD),
                esc(r),
                slug(r)
            );
        }
        if let Some(n) = &dep.note {
            let _ = write!(s, "\n\n{}", markdown_to_markdown(n.get(li)));
        }
        let _ = writeln!(out, "{}\n", quote_block(&format!("⚠ {s}")));
    }
}

/// What a code means and what to do about it.
fn prose(out: &mut String, ctx: &Ctx, e: &Entry) {
    let li = ctx.locale;
    let _ = writeln!(out, "#### {}\n", ctx.ui(ui::EXPLANATION));
    match e.explanation() {
        Some(x) => {
            let _ = writeln!(out, "{}\n", markdown_to_markdown(x.get(li)).trim());
        }
        None => {
            let _ = writeln!(out, "_{}_\n", ctx.ui(ui::NO_EXPLANATION));
        }
    }
    if let Some(a) = e.action() {
        let _ = writeln!(
            out,
            "#### {}\n\n{}\n",
            ctx.ui(ui::ACTION),
            markdown_to_markdown(a.get(li)).trim()
        );
    }
}

/// A code's message in every locale.
fn messages(out: &mut String, ctx: &Ctx, m: &Message) {
    let c = ctx.catalog;
    let _ = writeln!(
        out,
        "#### {}\n\n| {} | {} |\n|---|---|",
        ctx.ui(ui::MESSAGES),
        ctx.ui(ui::LANGUAGE),
        ctx.ui(ui::MESSAGE)
    );
    for (i, tag) in c.locales.iter().enumerate() {
        let note = if m.translated[i] {
            String::new()
        } else {
            format!(" _({})_", ctx.ui(ui::NOT_TRANSLATED))
        };
        let _ = writeln!(out, "| `{tag}` | {}{note} |", cell(&message_md(m, i)));
    }
    out.push('\n');
}

/// A live code's placeholders.
fn placeholders(out: &mut String, ctx: &Ctx, e: &ErrorDef) {
    if !e.fields.is_empty() {
        let _ = writeln!(
            out,
            "#### {}\n\n| {} | {} | {} |\n|---|---|---|",
            ctx.ui(ui::PLACEHOLDERS),
            ctx.ui(ui::NAME),
            ctx.ui(ui::TYPE),
            ctx.ui(ui::EXAMPLE)
        );
        for f in &e.fields {
            let pii = if f.pii {
                format!(" · {}", ctx.ui(ui::PERSONAL))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "| `{{{}}}` | `{}`{pii} | {} |",
                f.written,
                f.ty.as_str(),
                cell(
                    &f.example
                        .as_ref()
                        .map(|x| crate::emit::rust::code_span(x))
                        .unwrap_or_default()
                )
            );
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_github() {
        assert_eq!(slug("NOT_FOUND_PAYMENT"), "not_found_payment");
        assert_eq!(slug("EBP-A-0001"), "ebp-a-0001");
        assert_eq!(slug("a.b c"), "ab-c");
    }
}
