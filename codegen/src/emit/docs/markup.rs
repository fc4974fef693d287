//! Staff-written Markdown (explanations, actions, notes) and plain text, made safe for each
//! output: HTML pages, Markdown pages and the terminal.
//!
//! Safety rules, for every output:
//! - raw HTML in the Markdown is shown as text, never interpreted;
//! - links keep only `http`, `https`, `mailto`, relative and `#` targets (`javascript:` and
//!   other schemes lose their link and keep their text);
//! - images become plain links, so a page never loads anything from the network.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthStr;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Escapes text for HTML element content and attribute values (quoted with `"` or `'`).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Is `url` a link target we keep: `http(s):`, `mailto:`, or no scheme at all (relative, `#`).
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    // Browsers ignore tabs and newlines inside a scheme (`java\nscript:`).
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// The events of `src` with raw HTML turned into text, unsafe links unlinked, images turned
/// into links, and headings demoted below the page's own (`#` → `<h4>`).
fn safe_events(src: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // Whether each open link/image kept its tag, so its end matches.
    let mut open: Vec<bool> = Vec::new();
    for ev in Parser::new_ext(src, options()) {
        match ev {
            Event::Html(s) | Event::InlineHtml(s) => out.push(Event::Text(s)),
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_safe_url(&dest_url);
                open.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if open.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => out.push(Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(demote(level))))
            }
            other => out.push(other),
        }
    }
    out
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Staff Markdown as safe HTML.
pub fn markdown_to_html(src: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, safe_events(src).into_iter());
    out
}

/// Staff Markdown, made safe to paste into another Markdown document (a wiki, a pull request):
/// every raw HTML tag is escaped (`<` → `&lt;`) and unsafe link targets are neutralised; the
/// rest is kept as written.
pub fn markdown_to_markdown(src: &str) -> String {
    let mut escape: Vec<Range<usize>> = Vec::new();
    let mut unlink: Vec<Range<usize>> = Vec::new();
    for (ev, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match ev {
            Event::Html(_) | Event::InlineHtml(_) => escape.push(range),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) =>
            {
                unlink.push(range)
            }
            Event::Start(Tag::Image { .. }) => unlink.push(range.start..range.start + 1),
            _ => {}
        }
    }
    let mut out = String::with_capacity(src.len());
    for (i, c) in src.char_indices() {
        let in_html = escape.iter().any(|r| r.contains(&i));
        let in_bad_link = unlink.iter().any(|r| r.contains(&i));
        match c {
            '<' if in_html => out.push_str("&lt;"),
            '>' if in_html => out.push_str("&gt;"),
            // `[text](javascript:…)` → `\[text\]\(javascript:…\)`; `![alt](x)` → `\![alt](x)`.
            '[' | ']' | '(' | ')' | '!' if in_bad_link => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes plain text (a message, a title) for Markdown: shows as written, no markup.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // `(`/`)` matter only after `]`, which is escaped; `{`/`}` not at all in CommonMark.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Staff Markdown as plain text for a terminal: paragraphs reflowed to `width` columns (Hangul
/// counts as two), each line indented by `indent`; list items bulleted; code spans keep their
/// backticks; links show their target after the text.
pub fn markdown_to_terminal(src: &str, width: usize, indent: &str) -> String {
    lay_out(&terminal_blocks(src), width, indent)
}

/// Staff Markdown as blocks of plain text: (first-line prefix, text); a code block's lines have
/// the prefix `\u{0}` (kept as they are).
fn terminal_blocks(src: &str) -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = Vec::new(); // (first-line prefix, text)
    let mut cur = String::new();
    let mut prefix = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut in_code_block = false;
    let flush = |blocks: &mut Vec<(String, String)>, cur: &mut String, prefix: &mut String| {
        if !cur.trim().is_empty() {
            blocks.push((std::mem::take(prefix), std::mem::take(cur)));
        }
        cur.clear();
        prefix.clear();
    };
    for ev in safe_events(src) {
        match ev {
            Event::Text(t) => {
                if in_code_block {
                    for line in t.lines() {
                        blocks.push(("\u{0}".into(), format!("    {line}")));
                    }
                } else {
                    cur.push_str(&t);
                }
            }
            Event::Code(t) => {
                cur.push('`');
                cur.push_str(&t);
                cur.push('`');
            }
            Event::SoftBreak => cur.push(' '),
            Event::HardBreak => flush(&mut blocks, &mut cur, &mut prefix),
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut blocks, &mut cur, &mut prefix);
                in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::List(start)) => {
                flush(&mut blocks, &mut cur, &mut prefix);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut blocks, &mut cur, &mut prefix);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut blocks, &mut cur, &mut prefix);
                let depth = lists.len().saturating_sub(1);
                let bullet = match lists.last_mut() {
                    Some(Some(n)) => {
                        let b = format!("{n}. ");
                        *n += 1;
                        b
                    }
                    _ => "• ".to_owned(),
                };
                prefix = format!("{}{bullet}", "  ".repeat(depth));
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop()
                    && !cur.ends_with(url.as_str())
                {
                    cur.push_str(&format!(" <{url}>"));
                }
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableRow)
            | Event::End(TagEnd::TableHead)
            | Event::End(TagEnd::BlockQuote(_)) => flush(&mut blocks, &mut cur, &mut prefix),
            Event::End(TagEnd::TableCell) => cur.push_str(" | "),
            Event::Rule => blocks.push((String::new(), "———".into())),
            _ => {}
        }
    }
    flush(&mut blocks, &mut cur, &mut prefix);
    blocks
}

/// Blocks wrapped to `width` columns under `indent`, list items hanging under their bullets.
fn lay_out(blocks: &[(String, String)], width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut prev_item = false;
    for (i, (prefix, text)) in blocks.iter().enumerate() {
        if prefix == "\u{0}" {
            out.push_str(indent);
            out.push_str(text);
            out.push('\n');
            continue;
        }
        let item = !prefix.is_empty();
        if i > 0 && !(item && prev_item) {
            out.push('\n');
        }
        prev_item = item;
        let hang = " ".repeat(prefix.width());
        for (j, line) in wrap(
            text.trim(),
            width.saturating_sub(prefix.width() + indent.width()),
        )
        .iter()
        .enumerate()
        {
            out.push_str(indent);
            out.push_str(if j == 0 { prefix } else { &hang });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Word-wraps `text` to `width` display columns; a word longer than the width gets its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let h = markdown_to_html("a <script>alert(1)</script> b\n\n<div onclick=x>hi</div>\n");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<div"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{h}");
        assert!(h.contains("&lt;div onclick=x&gt;"), "{h}");
    }

    #[test]
    fn markdown_renders() {
        let h = markdown_to_html("Use `paymentKey`, **now**.\n\n- one\n- two\n");
        assert!(h.contains("<code>paymentKey</code>"), "{h}");
        assert!(h.contains("<strong>now</strong>"), "{h}");
        assert!(h.contains("<li>one</li>"), "{h}");
    }

    #[test]
    fn unsafe_links_lose_their_link() {
        let h = markdown_to_html(
            "[a](javascript:alert(1)) [b](https://x.io/) [c](../toss/) [d](JaVa\tScript:x) ![e](https://t.io/p.png)",
        );
        assert!(!h.to_ascii_lowercase().contains("javascript"), "{h}");
        assert!(h.contains(r#"<a href="https://x.io/">b</a>"#), "{h}");
        assert!(h.contains(r#"<a href="../toss/">c</a>"#), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains(r#"<a href="https://t.io/p.png">e</a>"#), "{h}");
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url(" vbscript:x"));
        assert!(is_safe_url("mailto:a@b.c"));
        assert!(is_safe_url("#x"));
        assert!(is_safe_url("a/b:c"));
    }

    #[test]
    fn headings_are_demoted() {
        assert_eq!(markdown_to_html("# T"), "<h4>T</h4>\n");
    }

    #[test]
    fn markdown_stays_markdown_without_html() {
        let m = markdown_to_markdown(
            "Use `<b>` and <img src=x onerror=alert(1)> **x** [j](javascript:y)",
        );
        assert_eq!(
            m,
            "Use `<b>` and &lt;img src=x onerror=alert(1)&gt; **x** \\[j\\]\\(javascript:y\\)"
        );
    }

    #[test]
    fn plain_text_escapes_for_markdown() {
        assert_eq!(
            escape_markdown("<script>a_b|c</script>"),
            "\\<script\\>a\\_b\\|c\\</script\\>"
        );
    }

    #[test]
    fn terminal_text_reflows() {
        let t = markdown_to_terminal(
            "첫 줄\n이어지는 줄, `code` 포함.\n\n- 하나\n- 둘\n\n[링크](https://x.io)",
            40,
            "  ",
        );
        assert_eq!(
            t,
            "  첫 줄 이어지는 줄, `code` 포함.\n\n  • 하나\n  • 둘\n\n  링크 <https://x.io>\n"
        );
        let long = "가나다 ".repeat(20);
        for line in markdown_to_terminal(&long, 30, "").lines() {
            assert!(line.width() <= 30, "{line}");
        }
    }
}
