//! The static HTML site: an index with search and filters, a page per domain, a page per code.
//!
//! Every spec text goes through [`esc`] (or [`markdown_to_html`] for explanations); the only
//! markup here is our own. Texts are written once per catalog locale, as
//! `<span data-l="ko" lang="ko">`, and the stylesheet shows the locale the page is in, so the
//! pages read right without JavaScript; the script only switches locales and searches.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::example::response_body;
use super::markup::{escape_html as esc, markdown_to_html};
use super::ui::{self, Ui, is_korean, language_name};
use super::{ASSETS_DIR, Options, code_dir, code_path, domain_path, status_reason};
use crate::emit::facts::{self, Value as FactValue};
use crate::model::{Catalog, Domain, Entry, ErrorDef, Message, Text};
use crate::template::{Segment, Template};

const CSS: &str = include_str!("site.css");
const JS: &str = include_str!("site.js");

/// Everything the pages share.
struct Ctx<'a> {
    catalog: &'a Catalog,
    default_locale: usize,
}

impl Ctx<'_> {
    fn locales(&self) -> &[String] {
        &self.catalog.locales
    }

    /// A fixed text of ours, once per locale.
    fn ui(&self, u: Ui) -> String {
        let mut tags = self.locales().iter();
        let first = tags.next().map(|t| u.get(t));
        if tags.all(|t| Some(u.get(t)) == first) {
            return esc(first.unwrap_or_default());
        }
        self.per_locale("span", |tag, _| esc(u.get(tag)))
    }

    /// A fixed text of ours with `{n}`-style holes filled.
    fn ui_fmt(&self, u: Ui, holes: &[(&str, String)]) -> String {
        self.per_locale("span", |tag, _| {
            let mut s = u.get(tag).to_owned();
            for (k, v) in holes {
                s = s.replace(&format!("{{{k}}}"), v);
            }
            esc(&s)
        })
    }

    /// A spec text, once per locale (once only when every locale has the same text).
    fn text(&self, t: &Text) -> String {
        if t.values.iter().all(|v| v == &t.values[0]) {
            return esc(&t.values[0]);
        }
        self.per_locale("span", |_, i| {
            let mark = if t.translated[i] {
                String::new()
            } else {
                self.untranslated_mark(i)
            };
            format!("{}{mark}", esc(t.get(i)))
        })
    }

    fn untranslated_mark(&self, i: usize) -> String {
        let tag = &self.locales()[i];
        format!(
            r#"<abbr class="untranslated" title="{}">*</abbr>"#,
            esc(ui::NOT_TRANSLATED.get(tag))
        )
    }

    /// `<{el} data-l=… lang=…>{body(tag, i)}</{el}>` for every locale.
    fn per_locale(&self, el: &str, mut body: impl FnMut(&str, usize) -> String) -> String {
        let mut out = String::new();
        for (i, tag) in self.locales().iter().enumerate() {
            let tag_e = esc(tag);
            let _ = write!(
                out,
                r#"<{el} data-l="{tag_e}" lang="{tag_e}">{}</{el}>"#,
                body(tag, i)
            );
        }
        out
    }

    /// A message template, placeholders marked.
    fn template(&self, t: &Template) -> String {
        let mut out = String::new();
        for seg in &t.segments {
            match seg {
                Segment::Text(s) => out.push_str(&esc(s)),
                Segment::Hole { name, particle, .. } => {
                    let _ = write!(out, r#"<code class="ph">{{{}}}</code>"#, esc(name));
                    if let Some(p) = particle {
                        out.push_str(&esc(&p.spelling));
                    }
                }
            }
        }
        out
    }

    /// The message of `e`, once per locale (nothing for a tombstone that records none).
    fn message(&self, e: &Entry) -> String {
        let Some(message) = e.message() else {
            return String::new();
        };
        let texts: Vec<String> = message.templates.iter().map(|t| self.template(t)).collect();
        if texts.iter().all(|t| t == &texts[0]) {
            return texts[0].clone();
        }
        self.per_locale("span", |_, i| {
            let mark = if message.translated[i] {
                String::new()
            } else {
                self.untranslated_mark(i)
            };
            format!("{}{mark}", texts[i])
        })
    }

    fn lang_attr(&self) -> String {
        esc(&self.locales()[self.default_locale])
    }
}

/// The site's folder of exports (`errspec export`'s files), linked from every page's footer.
pub const EXPORTS_DIR: &str = "exports";

/// Every file of the site, as (path relative to the output directory, contents).
pub fn site(catalog: &Catalog, opts: &Options) -> Vec<(String, String)> {
    let ctx = Ctx {
        catalog,
        default_locale: opts.locale.min(catalog.locales.len() - 1),
    };
    let mut files = vec![
        (format!("{ASSETS_DIR}/site.css"), stylesheet(&ctx)),
        (format!("{ASSETS_DIR}/site.js"), JS.to_owned()),
        ("index.html".to_owned(), index_page(&ctx)),
    ];
    // The exports (`errspec export`), so the published site carries and links them.
    for (name, text) in crate::emit::export::files(catalog, &crate::emit::export::Kind::ALL) {
        files.push((format!("{EXPORTS_DIR}/{name}"), text));
    }
    for d in &catalog.domains {
        files.push((domain_path(d), domain_page(&ctx, d)));
        for (i, e) in d.entries.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| &d.entries[p]);
            let next = d.entries.get(i + 1);
            files.push((code_path(d, e), code_page(&ctx, d, e, prev, next)));
        }
    }
    files
}

/// The stylesheet: the fixed one, and the rules that show one locale at a time.
fn stylesheet(ctx: &Ctx) -> String {
    let mut css = CSS.to_owned();
    css.push_str("\n/* One locale at a time (generated from the catalog's locales). */\n");
    for tag in ctx.locales() {
        let t = css_string(tag);
        let _ = writeln!(
            css,
            "html[data-lang=\"{t}\"] [data-l]:not([data-l=\"{t}\"]) {{ display: none !important; }}"
        );
    }
    css
}

/// A CSS string's contents: only what a locale tag may hold.
fn css_string(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The `<html>` … `<main>` of a page at depth `root` (`""`, `"../"`, `"../../"`).
fn page(
    ctx: &Ctx,
    root: &str,
    title: &str,
    canonical: Option<&str>,
    with_quick_search: bool,
    body: &str,
) -> String {
    let c = ctx.catalog;
    let locales_json = esc(&Value::from(c.locales.clone()).to_string());
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="{lang}" data-lang="{lang}" data-default-lang="{lang}" data-locales="{locales_json}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="errspec docs">
<title>{title}</title>
"#,
        lang = ctx.lang_attr(),
        title = esc(title),
    );
    if let Some(url) = canonical {
        let _ = writeln!(out, r#"<link rel="canonical" href="{}">"#, esc(url));
    }
    let _ = write!(
        out,
        r##"<link rel="stylesheet" href="{root}{ASSETS_DIR}/site.css">
<script src="{root}{ASSETS_DIR}/site.js"></script>
</head>
<body>
<a class="skip" href="#main">{skip}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="{root}index.html"><span class="brand-name">{name}</span> <span class="brand-sub">{reference}</span></a>
"##,
        skip = ctx.ui(ui::SKIP),
        name = esc(&c.name),
        reference = ctx.ui(ui::REFERENCE),
    );
    if with_quick_search {
        let _ = write!(
            out,
            r#"<form class="quick-search" action="{root}index.html" method="get" role="search">
<input type="search" name="q" {ph} autocomplete="off">
</form>
"#,
            ph = i18n_attrs(ctx, "placeholder", ui::SEARCH_ALL),
        );
    }
    out.push_str(r#"<div class="lang-switch" role="group" aria-label="Language / 언어">"#);
    for tag in c.locales.iter() {
        let _ = write!(
            out,
            r#"<button type="button" data-set-lang="{t}" lang="{t}">{n}</button>"#,
            t = esc(tag),
            n = esc(&language_name(tag)),
        );
    }
    let _ = write!(
        out,
        r#"</div>
</div>
</header>
<main id="main" class="wrap">
{body}
</main>
<footer class="site-footer"><div class="wrap">{generated}
<p class="exports">{exports} <a href="{root}{EXPORTS_DIR}/openapi.json">OpenAPI 3.1</a> · <a href="{root}{EXPORTS_DIR}/payment-errors.js">TypeScript</a> (<a href="{root}{EXPORTS_DIR}/payment-errors.d.ts">.d.ts</a>) · <a href="{root}{EXPORTS_DIR}/catalog.json">JSON</a> (<a href="{root}{EXPORTS_DIR}/catalog.schema.json">JSON Schema</a>)</p></div></footer>
</body>
</html>
"#,
        generated = ctx.ui(ui::GENERATED),
        exports = ctx.ui(ui::EXPORTS),
    );
    out
}

/// `attr="default text" data-i18n-attr='{"ko":…,"en":…}'`: an attribute the script
/// switches with the locale.
fn i18n_attrs(ctx: &Ctx, attr: &str, u: Ui) -> String {
    let map: serde_json::Map<String, Value> = ctx
        .locales()
        .iter()
        .map(|t| (t.clone(), Value::from(u.get(t))))
        .collect();
    format!(
        r#"{attr}="{}" aria-label="{}" data-i18n-{attr}="{}""#,
        esc(u.get(&ctx.locales()[ctx.default_locale])),
        esc(u.get(&ctx.locales()[ctx.default_locale])),
        esc(&Value::Object(map).to_string())
    )
}

fn badge(class: &str, inner: &str) -> String {
    format!(r#"<span class="badge {class}">{inner}</span>"#)
}

fn status_badge(status: u16) -> String {
    let class = if status >= 500 { "s5" } else { "s4" };
    let title = status_reason(status).unwrap_or_default();
    format!(
        r#"<span class="badge status {class}" title="{}">{status}</span>"#,
        esc(title)
    )
}

fn lifecycle_badges(ctx: &Ctx, e: &Entry) -> String {
    let mut out = String::new();
    if e.retired().is_some() {
        out.push(' ');
        out.push_str(&badge("retired", &ctx.ui(ui::RETIRED)));
    } else if e.deprecated().is_some() {
        out.push(' ');
        out.push_str(&badge("deprecated", &ctx.ui(ui::DEPRECATED)));
    }
    out
}

fn category_cell(ctx: &Ctx, d: &Domain, e: &Entry) -> String {
    match e.category().and_then(|k| d.category(k)) {
        Some(c) => format!(
            r#"<code>{}</code> <span class="muted">{}</span>"#,
            esc(&c.key),
            ctx.text(&c.title)
        ),
        None => String::new(),
    }
}

/// Which columns a code table has besides code, status and message.
#[derive(Clone, Copy)]
struct Columns {
    domain: bool,
    category: bool,
}

/// The table row of a code; `root` leads to the site root; `i` is its index in the search
/// data (index page only).
fn code_row(
    ctx: &Ctx,
    root: &str,
    d: &Domain,
    e: &Entry,
    i: Option<usize>,
    cols: Columns,
) -> String {
    let data = i.map(|i| format!(r#" data-i="{i}""#)).unwrap_or_default();
    let mut row = format!(
        r#"<tr{data}{cls}><td class="c-code"><a class="code" href="{root}{href}">{code}</a>{life}{pay}</td>"#,
        cls = if e.retired().is_some() {
            r#" class="is-retired""#
        } else {
            ""
        },
        href = esc(&code_href(d, e)),
        code = esc(e.code()),
        life = lifecycle_badges(ctx, e),
        pay = payment_badges(ctx, e),
    );
    if cols.domain {
        let _ = write!(row, r#"<td class="c-domain">{}</td>"#, ctx.text(&d.title));
    }
    let _ = write!(
        row,
        r#"<td class="c-status">{}</td>"#,
        e.status().map(status_badge).unwrap_or_default()
    );
    if cols.category {
        let _ = write!(
            row,
            r#"<td class="c-cat">{}</td>"#,
            category_cell(ctx, d, e)
        );
    }
    let _ = write!(
        row,
        r#"<td class="c-msg"><div class="msg">{}</div></td></tr>"#,
        ctx.message(e),
    );
    row
}

/// A link from the site root to a code page, percent-encoded for the URL.
fn code_href(d: &Domain, e: &Entry) -> String {
    format!(
        "{}/{}/index.html",
        d.id,
        crate::model::percent_encode(&code_dir(e.code()))
    )
}

fn codes_table_head(ctx: &Ctx, cols: Columns) -> String {
    let domain = if cols.domain {
        format!(r#"<th class="c-domain">{}</th>"#, ctx.ui(ui::DOMAIN))
    } else {
        String::new()
    };
    let category = if cols.category {
        format!(r#"<th class="c-cat">{}</th>"#, ctx.ui(ui::CATEGORY))
    } else {
        String::new()
    };
    format!(
        r#"<thead><tr><th class="c-code">{}</th>{domain}<th class="c-status">{}</th>{category}<th class="c-msg">{}</th></tr></thead>"#,
        ctx.ui(ui::CODE),
        ctx.ui(ui::STATUS),
        ctx.ui(ui::MESSAGE),
    )
}

fn index_page(ctx: &Ctx) -> String {
    let c = ctx.catalog;
    let total: usize = c.domains.iter().map(|d| d.entries.len()).sum();
    let all_cols = Columns {
        domain: true,
        category: c.domains.iter().any(|d| !d.categories.is_empty()),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<h1>{reference}</h1>
{cards}
<h2 id="codes">{all_codes}</h2>
<section class="search-panel" aria-label="search">
<div class="search-row">
<label class="visually-hidden" for="q">{search}</label>
<input id="q" type="search" {ph} autocomplete="off" spellcheck="false" autofocus>
<button type="button" id="clear" class="clear">{clear}</button>
</div>
<div class="filters">
{domain_f}{cat_f}{status_f}{op_f}{pay_f}
</div>
<p id="count" class="count" aria-live="polite">{count}</p>
<noscript><p class="muted">{js_off}</p></noscript>
</section>
<table class="codes" id="results">
{head}
<tbody>
"#,
        reference = ctx.ui(ui::REFERENCE),
        cards = domain_cards(ctx),
        all_codes = ctx.ui(ui::ALL_CODES),
        search = ctx.ui(ui::SEARCH),
        ph = i18n_attrs(ctx, "placeholder", ui::SEARCH_PLACEHOLDER),
        clear = ctx.ui(ui::CLEAR),
        domain_f = filter_select(ctx, "f-domain", ui::DOMAIN),
        cat_f = filter_select(ctx, "f-category", ui::CATEGORY),
        status_f = filter_select(ctx, "f-status", ui::STATUS),
        op_f = filter_select(ctx, "f-operation", ui::OPERATION),
        pay_f = [
            ("f-retry", ui::PAY_RETRY),
            ("f-outcome", ui::PAY_OUTCOME),
            ("f-actor", ui::PAY_ACTOR),
        ]
        .map(|(id, label)| filter_select(ctx, id, label))
        .concat(),
        count = ctx.ui_fmt(ui::COUNT, &[("n", total.to_string())]),
        js_off = ctx.ui(ui::JS_OFF),
        head = codes_table_head(ctx, all_cols),
    );
    let mut i = 0;
    for d in &c.domains {
        for e in &d.entries {
            b.push_str(&code_row(ctx, "", d, e, Some(i), all_cols));
            b.push('\n');
            i += 1;
        }
    }
    let _ = write!(
        b,
        r#"</tbody>
</table>
<p id="no-results" class="no-results" hidden>{none}</p>
"#,
        none = ctx.ui(ui::NO_RESULTS),
    );
    b.push_str(&format!(
        "<script type=\"application/json\" id=\"errspec-data\">{}</script>\n",
        script_json(&search_data(ctx))
    ));
    let title = format!("{} — {}", c.name, ui::REFERENCE.get(c.default_locale()));
    page(ctx, "", &title, None, false, &b)
}

/// The domains, as cards linking to their pages.
fn domain_cards(ctx: &Ctx) -> String {
    let mut b = String::new();
    b.push_str("<div class=\"cards\">\n");
    for d in &ctx.catalog.domains {
        let _ = writeln!(
            b,
            r#"<a class="card" href="{href}"><span class="card-title">{title}</span> <code>{id}</code>{up}<span class="card-desc">{desc}</span><span class="card-count">{count}</span></a>"#,
            href = esc(&domain_path(d)),
            title = ctx.text(&d.title),
            id = esc(&d.id),
            up = if d.upstream {
                format!(" {}", badge("upstream", &ctx.ui(ui::UPSTREAM)))
            } else {
                String::new()
            },
            desc = d
                .description
                .as_ref()
                .map(|t| ctx.text(t))
                .unwrap_or_default(),
            count = ctx.ui_fmt(ui::COUNT, &[("n", d.entries.len().to_string())]),
        );
    }
    b.push_str("</div>\n");
    b
}

fn filter_select(ctx: &Ctx, id: &str, label: Ui) -> String {
    format!(
        r#"<label class="filter"><span>{}</span><select id="{id}"><option value="">{}</option></select></label>"#,
        ctx.ui(label),
        esc(ui::ANY.get(&ctx.locales()[ctx.default_locale])),
    )
}

/// JSON for a `<script type="application/json">`: nothing in it can close the element or
/// open a comment, whatever the spec holds.
pub fn script_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// What the page script searches and filters: one entry per row of the index table, in the
/// same order.
fn search_data(ctx: &Ctx) -> Value {
    let c = ctx.catalog;
    let texts = |t: &Text| Value::from(t.values.clone());
    let opt_texts = |t: Option<&Text>| t.map_or(Value::Array(vec![]), texts);
    let mut codes = Vec::new();
    let mut categories = Vec::new();
    let mut operations = Vec::new();
    let mut statuses: Vec<u16> = Vec::new();
    for d in &c.domains {
        for cat in &d.categories {
            categories.push(json!({"d": d.id, "key": cat.key, "title": texts(&cat.title)}));
        }
        for op in &d.operations {
            operations.push(json!({"d": d.id, "key": op.key, "title": texts(&op.title)}));
        }
        for e in &d.entries {
            if let Some(s) = e.status()
                && !statuses.contains(&s)
            {
                statuses.push(s);
            }
            let lifecycle = if e.retired().is_some() {
                "retired"
            } else if e.deprecated().is_some() {
                "deprecated"
            } else {
                ""
            };
            codes.push(json!({
                "d": d.id,
                "c": e.code(),
                "s": e.status(),
                "cat": e.category(),
                "ops": e.operations(),
                "m": e.message().map_or_else(
                    || vec![String::new(); c.locales.len()],
                    |m| m.templates.iter().map(Template::unfilled).collect(),
                ),
                "x": opt_texts(e.explanation()),
                "a": opt_texts(e.action()),
                "t": e.error_type(),
                "life": lifecycle,
                "pay": e.live().map(|e| json!({
                    "o": e.payment.outcome.as_str(),
                    "r": e.payment.retry.as_str(),
                    "a": e.payment.actor.map(|a| a.as_str()),
                })),
            }));
        }
    }
    statuses.sort_unstable();
    let ui_map: serde_json::Map<String, Value> = c
        .locales
        .iter()
        .map(|tag| {
            let words: serde_json::Map<String, Value> = ui::ALL
                .iter()
                .map(|(k, u)| ((*k).to_owned(), Value::from(u.get(tag))))
                .collect();
            (tag.clone(), Value::Object(words))
        })
        .collect();
    json!({
        "locales": c.locales,
        "korean": c.locales.iter().map(|t| is_korean(t)).collect::<Vec<_>>(),
        "ui": ui_map,
        "domains": c.domains.iter().map(|d| json!({"id": d.id, "title": texts(&d.title)})).collect::<Vec<_>>(),
        "categories": categories,
        "operations": operations,
        "statuses": statuses.iter().map(|s| json!([s, status_reason(*s).unwrap_or_default()])).collect::<Vec<_>>(),
        "codes": codes,
        "payment": payment_filter_data(),
    })
}

fn breadcrumb(ctx: &Ctx, root: &str, items: &[(String, String)], current: &str) -> String {
    let mut out = format!(
        r#"<nav class="breadcrumb" aria-label="breadcrumb"><a href="{root}index.html">{}</a>"#,
        ctx.ui(ui::HOME)
    );
    for (href, label) in items {
        let _ = write!(
            out,
            r#" <span aria-hidden="true">›</span> <a href="{href}">{label}</a>"#
        );
    }
    let _ = write!(
        out,
        r#" <span aria-hidden="true">›</span> <span aria-current="page">{current}</span></nav>"#
    );
    out
}

/// A domain's categories or operations, each with its number of codes (a link to the index
/// filtered to them).
fn groups_table(
    b: &mut String,
    ctx: &Ctx,
    d: &Domain,
    (items, heading, param): (&[crate::model::Group], Ui, &str),
) {
    let root = "../";
    if items.is_empty() {
        return;
    }
    let _ = write!(
        b,
        r#"<h2>{}</h2>
<table class="groups"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>
"#,
        ctx.ui(heading),
        ctx.ui(ui::KEY),
        ctx.ui(ui::TITLE),
        ctx.ui(ui::DESCRIPTION),
        ctx.ui(ui::CODE_COUNT),
    );
    for g in items {
        let n = d
            .entries
            .iter()
            .filter(|e| {
                if param == "category" {
                    e.category() == Some(g.key.as_str())
                } else {
                    e.operations().contains(&g.key)
                }
            })
            .count();
        let query = format!(
            "domain={}&{param}={}",
            crate::model::percent_encode(&d.id),
            crate::model::percent_encode(&format!("{}/{}", d.id, g.key))
        );
        let _ = writeln!(
            b,
            r#"<tr><td><code>{key}</code></td><td>{title}</td><td>{desc}</td><td><a href="{root}index.html?{q}">{n}</a></td></tr>"#,
            key = esc(&g.key),
            title = ctx.text(&g.title),
            desc = g
                .description
                .as_ref()
                .map(|t| ctx.text(t))
                .unwrap_or_default(),
            q = esc(&query),
        );
    }
    b.push_str("</tbody></table>\n");
}

fn domain_page(ctx: &Ctx, d: &Domain) -> String {
    let c = ctx.catalog;
    let root = "../";
    let cols = Columns {
        domain: false,
        category: !d.categories.is_empty(),
    };
    let mut b = breadcrumb(ctx, root, &[], &ctx.text(&d.title));
    let _ = write!(
        b,
        r#"
<h1>{title} <code class="domain-id">{id}</code>{up}</h1>
"#,
        title = ctx.text(&d.title),
        id = esc(&d.id),
        up = if d.upstream {
            format!(" {}", badge("upstream", &ctx.ui(ui::UPSTREAM)))
        } else {
            String::new()
        },
    );
    if let Some(desc) = &d.description {
        let _ = writeln!(b, r#"<p class="lead">{}</p>"#, ctx.text(desc));
    }
    if d.upstream {
        let _ = writeln!(b, r#"<p class="note">{}</p>"#, ctx.ui(ui::UPSTREAM_NOTE));
    }
    let mut facts = vec![format!(
        "<div><dt>{}</dt><dd>{}</dd></div>",
        ctx.ui(ui::CODES),
        d.entries.len()
    )];
    if let Some(f) = &d.code_format {
        facts.push(format!(
            "<div><dt>{}</dt><dd><code>{}</code></dd></div>",
            ctx.ui(ui::CODE_FORMAT),
            esc(f)
        ));
    }
    let _ = writeln!(b, r#"<dl class="facts">{}</dl>"#, facts.join(""));
    for (items, heading, param) in [
        (&d.categories, ui::CATEGORIES, "category"),
        (&d.operations, ui::OPERATIONS, "operation"),
    ] {
        groups_table(&mut b, ctx, d, (items, heading, param));
    }
    let _ = write!(
        b,
        r#"<h2>{}</h2>
<table class="codes">
{}
<tbody>
"#,
        ctx.ui(ui::CODES),
        codes_table_head(ctx, cols),
    );
    for e in &d.entries {
        b.push_str(&code_row(ctx, root, d, e, None, cols));
        b.push('\n');
    }
    b.push_str("</tbody></table>\n");
    let title = format!("{} — {}", d.title.default_text(), c.name);
    let canonical = c
        .docs_url
        .as_ref()
        .and_then(|_| c.docs_link(&d.id, "x"))
        .and_then(|l| l.strip_suffix("/x").map(|s| format!("{s}/")));
    page(ctx, root, &title, canonical.as_deref(), true, &b)
}

/// A fact's value on a code page.
fn fact_html(ctx: &Ctx, d: &Domain, e: &Entry, v: &FactValue) -> String {
    match v {
        FactValue::Status(s) => format!(
            "{} <span class=\"muted\">{}</span>",
            status_badge(*s),
            esc(status_reason(*s).unwrap_or_default())
        ),
        FactValue::Domain(d) => format!(
            r#"<a href="../index.html">{}</a> <code>{}</code>{}"#,
            ctx.text(&d.title),
            esc(&d.id),
            if d.upstream {
                format!(" {}", badge("upstream", &ctx.ui(ui::UPSTREAM)))
            } else {
                String::new()
            }
        ),
        FactValue::Category(_) => category_cell(ctx, d, e),
        FactValue::Operations(ops) => {
            let items: Vec<String> = ops
                .iter()
                .map(|o| {
                    let desc = o
                        .description
                        .as_ref()
                        .map(|t| format!(r#" <span class="muted">{}</span>"#, ctx.text(t)))
                        .unwrap_or_default();
                    format!(
                        "<li>{} <code>{}</code>{desc}</li>",
                        ctx.text(&o.title),
                        esc(&o.key)
                    )
                })
                .collect();
            format!(r#"<ul class="plain">{}</ul>"#, items.join(""))
        }
        FactValue::YesNo(true) => format!(r#"<span class="yes">{}</span>"#, ctx.ui(ui::YES)),
        FactValue::YesNo(false) => ctx.ui(ui::NO),
        FactValue::Word(w) => ctx.ui(*w),
        FactValue::Text { ko, en } => both(ctx, (ko, en)),
        FactValue::Code(t) => format!("<code>{}</code>", esc(t)),
        FactValue::RustPath(p) => format!("<code>{}</code>", esc(p)),
    }
}

fn code_page(
    ctx: &Ctx,
    d: &Domain,
    e: &Entry,
    prev: Option<&Entry>,
    next: Option<&Entry>,
) -> String {
    let c = ctx.catalog;
    let root = "../../";
    let mut b = breadcrumb(
        ctx,
        root,
        &[("../index.html".to_owned(), ctx.text(&d.title))],
        &esc(e.code()),
    );
    let _ = write!(
        b,
        r#"
<h1 class="code-title"><code>{code}</code>{life}</h1>
<p class="lead message">{msg}</p>
"#,
        code = esc(e.code()),
        life = lifecycle_badges(ctx, e),
        msg = ctx.message(e),
    );
    lifecycle_banners(&mut b, ctx, d, e);
    code_facts(&mut b, ctx, d, e);
    explanation_and_action(&mut b, ctx, e);
    if let Some(m) = e.message() {
        messages_table(&mut b, ctx, m);
    }
    // Placeholders and an example response: not for a tombstone, it is never sent.
    if let Some(live) = e.live() {
        placeholders_table(&mut b, ctx, live);
        example_response(&mut b, ctx, d, live);
    }
    let canonical = c.docs_link(&d.id, e.code());
    permalinks_and_pager(&mut b, ctx, d, e, canonical.as_deref(), (prev, next));
    let title = format!("{} — {} — {}", e.code(), d.title.default_text(), c.name);
    page(ctx, root, &title, canonical.as_deref(), true, &b)
}

/// The retired and deprecated banners of a code page.
fn lifecycle_banners(b: &mut String, ctx: &Ctx, d: &Domain, e: &Entry) {
    if let Some(r) = e.retired() {
        let mut s = format!("<strong>{}</strong>", ctx.ui(ui::RETIRED_BANNER));
        if let Some(since) = &r.since {
            let _ = write!(
                s,
                " <span class=\"since\">({})</span>",
                ctx.ui_fmt(ui::SINCE, &[("v", since.clone())])
            );
        }
        if let Some(n) = &r.note {
            let _ = write!(
                s,
                "{}",
                ctx.per_locale("div", |_, i| markdown_to_html(n.get(i)))
            );
        }
        let _ = writeln!(b, r#"<div class="banner retired" role="note">{s}</div>"#);
    }
    if let Some(dep) = e.deprecated() {
        let mut s = format!("<strong>{}</strong>", ctx.ui(ui::DEPRECATED_BANNER));
        if let Some(since) = &dep.since {
            let _ = write!(
                s,
                " <span class=\"since\">({})</span>",
                ctx.ui_fmt(ui::SINCE, &[("v", since.clone())])
            );
        }
        if let Some(r) = &dep.replacement {
            let target = match d.entry(r) {
                Some(re) => format!(
                    r#"<a href="../{}/index.html"><code>{}</code></a>"#,
                    esc(&crate::model::percent_encode(&code_dir(re.code()))),
                    esc(r)
                ),
                None => format!("<code>{}</code>", esc(r)),
            };
            let _ = write!(s, "<div>{}: {target}</div>", ctx.ui(ui::USE_INSTEAD));
        }
        if let Some(n) = &dep.note {
            let _ = write!(
                s,
                "{}",
                ctx.per_locale("div", |_, i| markdown_to_html(n.get(i)))
            );
        }
        let _ = writeln!(b, r#"<div class="banner deprecated" role="note">{s}</div>"#);
    }
}

/// The facts of a code (the Rust path is the permalink at the bottom).
fn code_facts(b: &mut String, ctx: &Ctx, d: &Domain, e: &Entry) {
    let facts: Vec<String> = facts::of(d, e)
        .iter()
        .filter(|f| !matches!(f.value, FactValue::RustPath(_)))
        .map(|f| {
            format!(
                r#"<div data-fact="{}"><dt>{}</dt><dd>{}</dd></div>"#,
                f.id,
                ctx.ui(f.label),
                fact_html(ctx, d, e, &f.value)
            )
        })
        .collect();
    let _ = writeln!(b, r#"<dl class="facts">{}</dl>"#, facts.join(""));
}

/// What the code means and what to do about it.
fn explanation_and_action(b: &mut String, ctx: &Ctx, e: &Entry) {
    let _ = writeln!(b, "<h2>{}</h2>", ctx.ui(ui::EXPLANATION));
    match e.explanation() {
        Some(x) => b.push_str(&prose(ctx, x)),
        None => {
            let _ = writeln!(b, r#"<p class="muted">{}</p>"#, ctx.ui(ui::NO_EXPLANATION));
        }
    }
    if let Some(a) = e.action() {
        let _ = writeln!(b, "<h2>{}</h2>", ctx.ui(ui::ACTION));
        b.push_str(&prose(ctx, a));
    }
}

/// The message in every locale.
fn messages_table(b: &mut String, ctx: &Ctx, m: &Message) {
    let c = ctx.catalog;
    let _ = write!(
        b,
        r#"<h2>{}</h2>
<table class="messages"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>
"#,
        ctx.ui(ui::MESSAGES),
        ctx.ui(ui::LANGUAGE),
        ctx.ui(ui::MESSAGE),
    );
    for (i, tag) in c.locales.iter().enumerate() {
        let note = if m.translated[i] {
            String::new()
        } else {
            format!(
                r#" <span class="muted">({})</span>"#,
                ctx.ui(ui::NOT_TRANSLATED)
            )
        };
        let _ = writeln!(
            b,
            r#"<tr><td><code>{}</code></td><td lang="{}">{}{note}</td></tr>"#,
            esc(tag),
            esc(tag),
            ctx.template(&m.templates[i]),
        );
    }
    b.push_str("</tbody></table>\n");
}

/// The placeholders, their types and examples.
fn placeholders_table(b: &mut String, ctx: &Ctx, e: &ErrorDef) {
    if !e.fields.is_empty() {
        let _ = write!(
            b,
            r#"<h2>{}</h2>
<table class="fields"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>
"#,
            ctx.ui(ui::PLACEHOLDERS),
            ctx.ui(ui::NAME),
            ctx.ui(ui::TYPE),
            ctx.ui(ui::EXAMPLE),
        );
        for f in &e.fields {
            let _ = writeln!(
                b,
                r#"<tr><td><code class="ph">{{{}}}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>"#,
                esc(&f.written),
                f.ty.as_str(),
                f.example
                    .as_ref()
                    .map(|x| format!("<code>{}</code>", esc(x)))
                    .unwrap_or_default(),
                if f.pii {
                    badge("pii", &ctx.ui(ui::PERSONAL))
                } else {
                    String::new()
                },
            );
        }
        b.push_str("</tbody></table>\n");
    }
}

/// The example response body, once, or per locale where they differ.
fn example_response(b: &mut String, ctx: &Ctx, d: &Domain, e: &ErrorDef) {
    let c = ctx.catalog;
    let _ = writeln!(
        b,
        r#"<h2>{}</h2>
<p class="muted">HTTP {} {}{}</p>"#,
        ctx.ui(ui::EXAMPLE_RESPONSE),
        e.status,
        esc(status_reason(e.status).unwrap_or_default()),
        if e.fields.is_empty() {
            String::new()
        } else {
            format!(" · {}", ctx.ui(ui::EXAMPLE_NOTE))
        },
    );
    let bodies: Vec<String> = (0..c.locales.len())
        .map(|i| response_body(c, d, e, i))
        .collect();
    if bodies.iter().all(|x| x == &bodies[0]) {
        let _ = writeln!(
            b,
            r#"<pre class="json"><code>{}</code></pre>"#,
            esc(&bodies[0])
        );
    } else {
        b.push_str(&ctx.per_locale("div", |_, i| {
            format!(
                r#"<pre class="json"><code>{}</code></pre>"#,
                esc(&bodies[i])
            )
        }));
        b.push('\n');
    }
}

/// The permalink, the Rust name and the previous and next codes.
fn permalinks_and_pager(
    b: &mut String,
    ctx: &Ctx,
    d: &Domain,
    e: &Entry,
    canonical: Option<&str>,
    (prev, next): (Option<&Entry>, Option<&Entry>),
) {
    if let Some(link) = canonical {
        let _ = writeln!(
            b,
            r#"<p class="permalink">{}: <a href="{l}">{l}</a></p>"#,
            ctx.ui(ui::PERMALINK),
            l = esc(link),
        );
    }
    // A tombstone has no Rust name: nothing is generated for it.
    if let Some(live) = e.live() {
        let _ = writeln!(
            b,
            r#"<p class="permalink">{}: <code>payment_errors::{}::Code::{}</code></p>"#,
            ctx.ui(ui::RUST),
            esc(&d.id),
            esc(&live.ident)
        );
    }
    b.push_str(r#"<nav class="pager">"#);
    if let Some(p) = prev {
        let _ = write!(
            b,
            r#"<a class="prev" href="../{}/index.html" rel="prev">← <span class="muted">{}</span> <code>{}</code></a>"#,
            esc(&crate::model::percent_encode(&code_dir(p.code()))),
            ctx.ui(ui::PREVIOUS),
            esc(p.code())
        );
    }
    if let Some(n) = next {
        let _ = write!(
            b,
            r#"<a class="next" href="../{}/index.html" rel="next"><span class="muted">{}</span> <code>{}</code> →</a>"#,
            esc(&crate::model::percent_encode(&code_dir(n.code()))),
            ctx.ui(ui::NEXT),
            esc(n.code())
        );
    }
    b.push_str("</nav>\n");
}

/// Staff Markdown, once per locale.
fn prose(ctx: &Ctx, t: &Text) -> String {
    if t.values.iter().all(|v| v == &t.values[0]) {
        return format!(
            "<div class=\"prose\">{}</div>\n",
            markdown_to_html(&t.values[0])
        );
    }
    let mut out = ctx.per_locale("div", |_, i| {
        let mark = if t.translated[i] {
            String::new()
        } else {
            format!(
                r#"<p class="muted">({})</p>"#,
                esc(ui::NOT_TRANSLATED.get(&ctx.locales()[i]))
            )
        };
        format!("{mark}{}", markdown_to_html(t.get(i)))
    });
    out = out.replace("<div data-l=", "<div class=\"prose\" data-l=");
    out.push('\n');
    out
}

// ---- What an error means for the payment (badges, facts, filters) -------------------------

/// Short words for a payment fact value, per locale.
fn pay_words(key: &str, value: &str) -> (&'static str, &'static str) {
    match (key, value) {
        ("r", "never") => ("재시도 불가", "never retry"),
        ("r", "after_fix") => ("고친 뒤 재시도", "retry once fixed"),
        ("r", "new_key") => ("새 키로 재시도", "retry, new key"),
        ("r", "same_key") => ("재시도 가능", "retryable"),
        ("o", "none") => ("처리 안 됨", "not applied"),
        ("o", "failed") => ("결제 실패", "payment failed"),
        ("o", "unknown") => ("결과 모름", "outcome unknown"),
        ("a", "customer") => ("구매자 조치", "customer acts"),
        ("a", "merchant") => ("가맹점 조치", "merchant acts"),
        ("a", "operator") => ("운영 조치", "operator acts"),
        ("a", "provider") => ("연동사 조치", "provider acts"),
        _ => ("", ""),
    }
}

fn both(ctx: &Ctx, w: (&str, &str)) -> String {
    ctx.per_locale("span", |tag, _| {
        esc(if ui::is_korean(tag) { w.0 } else { w.1 })
    })
}

/// One badge per payment fact of a live code: retry, outcome, who acts.
fn payment_badges(ctx: &Ctx, e: &Entry) -> String {
    let Some(e) = e.live() else {
        return String::new();
    };
    let p = &e.payment;
    let mut out = String::from(r#" <span class="pay">"#);
    let r = p.retry.as_str();
    out.push_str(&badge(
        &format!("pay-r r-{r}"),
        &both(ctx, pay_words("r", r)),
    ));
    let o = p.outcome.as_str();
    out.push_str(&badge(
        &format!("pay-o o-{o}"),
        &both(ctx, pay_words("o", o)),
    ));
    if let Some(a) = p.actor {
        let a = a.as_str();
        out.push_str(&badge(
            &format!("pay-a a-{a}"),
            &both(ctx, pay_words("a", a)),
        ));
    }
    out.push_str("</span>");
    out
}

/// The options of the payment filters, in every locale the page script knows (ko, en).
fn payment_filter_data() -> Value {
    use crate::model::{Actor, Outcome, Retry};
    let opt = |v: &str, w: (&str, &str)| json!([v, [w.0, w.1]]);
    let mut retry = vec![opt(
        "retryable",
        ("재시도 가능한 코드만", "Retryable codes only"),
    )];
    retry.extend(
        Retry::ALL
            .iter()
            .map(|r| opt(r.as_str(), pay_words("r", r.as_str()))),
    );
    json!({
        "retry": retry,
        "outcome": Outcome::ALL.iter().map(|o| opt(o.as_str(), pay_words("o", o.as_str()))).collect::<Vec<_>>(),
        "actor": Actor::ALL.iter().map(|a| opt(a.as_str(), pay_words("a", a.as_str()))).collect::<Vec<_>>(),
    })
}
