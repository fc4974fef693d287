//! `errspec docs`: the catalog as a reference people read, from the same spec as the code.
//!
//! Pure functions from a [`Catalog`] to files, as (path relative to the output directory,
//! contents); the command line writes them. Two formats:
//!
//! - **HTML** ([`Format::Html`]): a static site that works offline, from `file://`, with no
//!   server and nothing fetched. `index.html` lists every code with a search box and filters;
//!   `{domain}/index.html` is a domain's reference; `{domain}/{code}/index.html` a code's page,
//!   so the `catalog.docs_url` links (`https://errors.example.com/{domain}/{code}`) resolve
//!   when the site is served from that root. The stylesheet and script are
//!   `site-assets/site.css` and `site-assets/site.js` (from `site.css`/`site.js` next to this
//!   file); the search index is a JSON literal inside `index.html`, because browsers refuse
//!   `fetch` on `file://`.
//! - **Markdown** ([`Format::Markdown`]): `README.md` and one `{domain}.md` per domain, for
//!   wikis and pull requests.
//!
//! Spec text is never trusted as markup: plain texts are escaped, explanations are Markdown
//! rendered by pulldown-cmark with raw HTML shown as text (see [`markup`]).

pub mod example;
mod html;
mod markdown;
pub mod markup;
pub mod ui;

use crate::model::{Catalog, Domain, Entry, percent_encode};

/// The folder of the site's stylesheet and script. Domain ids cannot hold `-`, so it never
/// collides with a domain's folder.
pub const ASSETS_DIR: &str = "site-assets";

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A static HTML site.
    #[default]
    Html,
    /// Markdown pages.
    Markdown,
}

impl Format {
    /// `html` or `markdown` (also `md`).
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "html" => Some(Format::Html),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// How to generate the docs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// HTML or Markdown.
    pub format: Format,
    /// The locale (index into `catalog.locales`) pages open in (HTML) or are written in
    /// (Markdown; messages are always shown in every locale).
    pub locale: usize,
}

/// Every file of the docs, as (path relative to the output directory, `/`-separated, contents).
/// The same catalog and options always give the same files, in the same order.
pub fn generate(catalog: &Catalog, opts: &Options) -> Vec<(String, String)> {
    match opts.format {
        Format::Html => html::site(catalog, opts),
        Format::Markdown => markdown::pages(catalog, opts),
    }
}

/// The folder name of a code's page: the code, percent-encoded where it holds characters a
/// path segment cannot (so `{domain}/{code}` is a folder even for odd codes). A name longer
/// than [`MAX_CODE_DIR`] bytes (file systems stop at 255) is cut and ends in `~` and a hash
/// of the whole code, so that it stays short, stable and distinct.
pub fn code_dir(code: &str) -> String {
    let full = percent_encode(code);
    if full.len() <= MAX_CODE_DIR {
        return full;
    }
    // Cut before a `%XX` escape rather than inside one.
    let mut cut = MAX_CODE_DIR - 17;
    while let Some(p) = full[..cut].rfind('%').filter(|&p| p + 3 > cut) {
        cut = p;
    }
    // FNV-1a, 64 bits: stable across runs, platforms and versions.
    let hash = code.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}~{hash:016x}", &full[..cut])
}

/// The longest folder name of a code's page, in bytes.
pub const MAX_CODE_DIR: usize = 120;

/// The path of a code's page, relative to the site root.
pub fn code_path(d: &Domain, e: &Entry) -> String {
    format!("{}/{}/index.html", d.id, code_dir(e.code()))
}

/// The path of a domain's page, relative to the site root.
pub fn domain_path(d: &Domain) -> String {
    format!("{}/index.html", d.id)
}

/// The reason phrase of an HTTP status, for the statuses error codes use.
pub fn status_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_codes_get_short_stable_distinct_folders() {
        assert_eq!(code_dir("EBP-C-0004"), "EBP-C-0004");
        let a = "가".repeat(200);
        let b = format!("{}나", "가".repeat(199));
        let (da, db) = (code_dir(&a), code_dir(&b));
        assert!(da.len() <= MAX_CODE_DIR && db.len() <= MAX_CODE_DIR, "{da}");
        assert_ne!(da, db);
        assert_eq!(da, code_dir(&a));
        // Never cut inside an escape.
        let tail = da.split('~').next().unwrap();
        assert!(
            tail.len() >= 3 && tail.rsplit('%').next().unwrap().len() == 2,
            "{da}"
        );
        let ascii = "X".repeat(1000);
        assert!(code_dir(&ascii).starts_with(&"X".repeat(100)));
    }
}
