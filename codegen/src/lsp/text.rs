//! Positions and what is under the cursor.
//!
//! LSP positions count UTF-16 code units (the default encoding, and the only one Neovim 0.7
//! and VS Code both speak); the pipeline's spans are byte offsets. The cursor context is read
//! from the lines around the cursor, not from a parse, so it works in a half-written file
//! (`category = "` with no closing quote).

use std::ops::Range;

use lsp_types::Position;

/// Byte offset → LSP position (0-based line, UTF-16 column).
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let character = text[line_start..offset].encode_utf16().count();
    Position::new(line as u32, character as u32)
}

/// LSP position → byte offset (clamped to the line's end and the text's end).
pub fn offset(text: &str, pos: Position) -> usize {
    let mut start = 0;
    for _ in 0..pos.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0u32;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    line_end
}

/// Converts many byte offsets of one text at once (diagnostics of a 10,000-code file).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// Byte offset → LSP position.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character = self.text[self.starts[line]..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    /// Byte span → LSP range.
    pub fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        let start = self.position(span.start);
        let end = self.position(span.end.max(span.start));
        lsp_types::Range::new(start, end)
    }
}

/// What the cursor is on, read from the text around it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The path of the `[table]` the cursor is in (`["errors", "EBP-C-0004"]`), or of the header
    /// the cursor is on.
    pub table: Vec<String>,
    /// The cursor is on the `[table]` header line; `segment` is the index of the path segment
    /// under it.
    pub header: Option<usize>,
    /// The dotted key of the line (`["message", "ko"]`, `["deprecated"]`); empty on a header.
    pub line_key: Vec<String>,
    /// The key whose value the cursor is in (`replacement` inside
    /// `deprecated = { replacement = "X" }`, `category` in `category = "C"`); `None` when the
    /// cursor is in the key part of the line.
    pub value_of: Option<String>,
    /// The word or quoted string under the cursor: its text (without quotes) and byte span.
    pub word: Option<(String, Range<usize>)>,
    /// The word or string from its start up to the cursor, and where it starts.
    pub prefix: Option<(String, usize)>,
    /// Inside a quoted string.
    pub in_string: bool,
}

impl Cursor {
    /// The effective key path of the cursor's value or key: `fields.x.type` → `["fields","x","type"]`.
    pub fn key_name(&self) -> Option<&str> {
        self.value_of
            .as_deref()
            .or_else(|| self.line_key.last().map(String::as_str))
    }
}

/// Reads the context of byte `at` in `text`.
pub fn cursor(text: &str, at: usize) -> Cursor {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let col = at - line_start;
    let mut out = Cursor::default();

    // The table the cursor is in: the nearest header at or above the cursor's line.
    let table = lines_back(text, line_start)
        .find_map(|(start, l)| header_segments(l).map(|segs| (start, segs)));
    if let Some((start, segs)) = table {
        out.table = segs.iter().map(|(s, _)| s.clone()).collect();
        if start == line_start {
            header_cursor(&mut out, line, line_start, col, &segs);
            return out;
        }
    }

    // The line's key: what is before the first `=` outside strings.
    let scan = scan_line(line);
    if let Some(eq) = scan.first_eq {
        out.line_key = split_key(&line[..eq]);
    }
    out.value_of = value_key(text, line, line_start, col, &scan);
    word_under(&mut out, line, line_start, col, &scan);
    if scan.first_eq.is_none() && !out.in_string && out.value_of.is_none() {
        // A key being typed: the dotted key so far.
        out.line_key = split_key(&line[..col]);
    }
    out
}

/// Fills in the header segment, word and prefix of a cursor on a table header line.
fn header_cursor(
    out: &mut Cursor,
    line: &str,
    line_start: usize,
    col: usize,
    segs: &[(String, Range<usize>)],
) {
    out.header = Some(
        segs.iter()
            .position(|(_, r)| r.start <= col && col <= r.end)
            .unwrap_or(segs.len().saturating_sub(1)),
    );
    if let Some((s, r)) = segs.iter().find(|(_, r)| r.start <= col && col <= r.end) {
        out.word = Some((s.clone(), line_start + r.start..line_start + r.end));
        let quoted = line[r.start..].starts_with('"');
        let content_start = r.start + usize::from(quoted);
        let upto_text = line
            .get(content_start..col.max(content_start))
            .unwrap_or_default();
        out.prefix = Some((
            upto_text.trim_end_matches('"').to_owned(),
            line_start + content_start,
        ));
        out.in_string = quoted;
    } else if let Some(q) = line[..col].rfind('"') {
        // `[errors."` with nothing typed yet.
        out.in_string = line[..col].matches('"').count() % 2 == 1;
        out.prefix = Some((line[q + 1..col].to_owned(), line_start + q + 1));
    }
}

/// The key whose value holds the cursor: the key before the last `=` before the cursor, or
/// on a line of a multi-line array, the key of the array it continues.
fn value_key(text: &str, line: &str, line_start: usize, col: usize, scan: &Scan) -> Option<String> {
    let before: Vec<_> = scan.eqs.iter().filter(|&&e| e < col).collect();
    if let Some(&&eq) = before.last() {
        let key_start = line[..eq]
            .rfind(['{', ','])
            .map_or(0, |i| i + 1)
            .max(line[..eq].rfind('=').map_or(0, |i| i + 1));
        let key = split_key(&line[key_start..eq]);
        return key.last().cloned();
    }
    if scan.first_eq.is_some() {
        return None;
    }
    for (_, l) in lines_back(text, line_start).skip(1) {
        if header_segments(l).is_some() {
            break;
        }
        let s = scan_line(l);
        if let Some(eq) = s.first_eq {
            if l[eq + 1..].trim_start().starts_with('[') && !l.contains(']') {
                return split_key(&l[..eq]).last().cloned();
            }
            break;
        }
    }
    None
}

/// Fills in the string or word under the cursor, the prefix typed so far, and whether the
/// cursor is inside a string.
fn word_under(out: &mut Cursor, line: &str, line_start: usize, col: usize, scan: &Scan) {
    if let Some(s) = scan.strings.iter().find(|s| s.start < col && col <= s.end) {
        let content_end = if s.closed { s.end - 1 } else { s.end };
        let content = &line[s.start + 1..content_end];
        out.in_string = col < s.end || !s.closed;
        out.word = Some((
            content.to_owned(),
            line_start + s.start + 1..line_start + content_end,
        ));
        let upto = col.min(content_end).max(s.start + 1);
        out.prefix = Some((line[s.start + 1..upto].to_owned(), line_start + s.start + 1));
    } else {
        let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-');
        let start = line[..col].rfind(|c: char| !is_word(c)).map_or(0, |i| {
            i + line[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = line[col..]
            .find(|c: char| !is_word(c))
            .map_or(line.len(), |i| col + i);
        if start < end {
            out.word = Some((
                line[start..end].to_owned(),
                line_start + start..line_start + end,
            ));
        }
        out.prefix = Some((line[start..col].to_owned(), line_start + start));
    }
}

/// Lines at and above `line_start` (its own line first), with their start offsets.
fn lines_back(text: &str, line_start: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut next: Option<usize> = Some(line_start);
    std::iter::from_fn(move || {
        let start = next?;
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        next = if start == 0 {
            None
        } else {
            Some(text[..start - 1].rfind('\n').map_or(0, |i| i + 1))
        };
        Some((start, &text[start..end]))
    })
}

/// A quoted string on a line: byte range including its quotes (`end` past the closing one).
#[derive(Debug)]
struct Str {
    start: usize,
    end: usize,
    closed: bool,
}

#[derive(Debug, Default)]
struct Scan {
    first_eq: Option<usize>,
    eqs: Vec<usize>,
    strings: Vec<Str>,
}

/// The `=` signs and strings of a line, outside comments.
fn scan_line(line: &str) -> Scan {
    let mut out = Scan::default();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => break,
            b'=' => {
                out.eqs.push(i);
                out.first_eq.get_or_insert(i);
                i += 1;
            }
            q @ (b'"' | b'\'') => {
                let start = i;
                i += 1;
                let mut closed = false;
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == q {
                        closed = true;
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                let end = i.min(bytes.len());
                out.strings.push(Str { start, end, closed });
            }
            _ => i += 1,
        }
    }
    out
}

/// `message.ko ` → `["message", "ko"]`; `"EBP-C-0004"` → `["EBP-C-0004"]`.
fn split_key(s: &str) -> Vec<String> {
    let s = s.trim().trim_start_matches(['{', ',']).trim();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for c in s.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '.') => out.push(std::mem::take(&mut cur).trim().to_owned()),
            (_, c) => cur.push(c),
        }
    }
    let last = cur.trim().to_owned();
    if !last.is_empty() || !out.is_empty() {
        out.push(last);
    }
    out
}

/// The segments of a `[a."b c".d]` header line, each with its byte range in the line (quotes
/// included). `None` for anything else (and for `[[arrays]]`).
pub fn header_segments(line: &str) -> Option<Vec<(String, Range<usize>)>> {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('[') || trimmed.starts_with("[[") {
        return None;
    }
    let base = line.len() - trimmed.len() + 1;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = None;
    let mut quote = None;
    for (i, c) in trimmed[1..].char_indices() {
        let at = base + i;
        match (quote, c) {
            (None, ']') => break,
            (None, '#') => break,
            (None, '"' | '\'') => {
                quote = Some(c);
                start.get_or_insert(at);
            }
            (Some(q), c) if c == q => quote = None,
            (None, '.') => {
                out.push((
                    std::mem::take(&mut cur),
                    start.take().unwrap_or(at)..trim_end_at(line, at),
                ));
            }
            (None, c) if c.is_whitespace() => {}
            (_, c) => {
                start.get_or_insert(at);
                cur.push(c);
            }
        }
    }
    let end = line[base..]
        .find(']')
        .map_or(line.trim_end().len(), |i| base + i);
    out.push((cur, start.unwrap_or(end)..trim_end_at(line, end)));
    Some(out)
}

fn trim_end_at(line: &str, end: usize) -> usize {
    line[..end].trim_end().len()
}

/// The `{placeholder}` of a message string around byte `at` (of `text`), if any: its name.
pub fn placeholder_at(text: &str, string: &Range<usize>, at: usize) -> Option<String> {
    let s = text.get(string.clone())?;
    let mut rel = at.checked_sub(string.start)?.min(s.len());
    while !s.is_char_boundary(rel) {
        rel -= 1;
    }
    let open = s[..rel].rfind('{')?;
    if s[..open].ends_with('{') {
        return None;
    }
    let close = s[open..].find('}')? + open;
    (rel <= close + 1).then(|| s[open + 1..close].trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let t = "a = \"한글😀x\"\nb";
        let x = t.find('x').unwrap();
        assert_eq!(position(t, x), Position::new(0, 5 + 2 + 2));
        assert_eq!(offset(t, Position::new(0, 9)), x);
        assert_eq!(offset(t, Position::new(1, 0)), t.len() - 1);
        assert_eq!(offset(t, Position::new(9, 0)), t.len());
        assert_eq!(LineIndex::new(t).position(x), position(t, x));
        assert_eq!(LineIndex::new(t).position(t.len()), Position::new(1, 1));
    }

    fn at(text: &str) -> Cursor {
        let i = text.find('|').unwrap();
        let t = format!("{}{}", &text[..i], &text[i + 1..]);
        cursor(&t, i)
    }

    #[test]
    fn a_value_being_typed() {
        let c = at("[errors.\"X-1\"]\nstatus = 400\ncategory = \"|");
        assert_eq!(c.table, ["errors", "X-1"]);
        assert_eq!(c.value_of.as_deref(), Some("category"));
        assert!(c.in_string);
        assert_eq!(c.prefix.as_ref().unwrap().0, "");
        let c = at("[errors.A]\ndeprecated = { since = \"2026-01\", replacement = \"NE|W\" }");
        assert_eq!(c.value_of.as_deref(), Some("replacement"));
        assert_eq!(c.word.as_ref().unwrap().0, "NEW");
        assert_eq!(c.prefix.as_ref().unwrap().0, "NE");
        let c = at("[errors.A]\nfields.refundId = { type = \"am|\" }");
        assert_eq!(c.value_of.as_deref(), Some("type"));
        assert_eq!(c.line_key, ["fields", "refundId"]);
        let c = at("[errors.A]\noperations = [\n  \"confirm\",\n  \"ca|");
        assert_eq!(c.value_of.as_deref(), Some("operations"));
    }

    #[test]
    fn keys_and_headers() {
        let c = at("[errors.A]\nmessage.|");
        assert_eq!(c.line_key, ["message", ""]);
        assert_eq!(c.value_of, None);
        let c = at("[errors.A]\nsta|tus = 400");
        assert_eq!(c.word.as_ref().unwrap().0, "status");
        assert_eq!(c.line_key, ["status"]);
        assert_eq!(c.value_of, None);
        let c = at("[errors.\"EBP-C-00|04\"]\n");
        assert_eq!(c.table, ["errors", "EBP-C-0004"]);
        assert_eq!(c.header, Some(1));
        assert_eq!(c.word.as_ref().unwrap().0, "EBP-C-0004");
        let c = at("x = 1\n[errors.\"|");
        assert_eq!(c.header, Some(1));
        assert!(c.in_string);
        assert_eq!(c.prefix.as_ref().unwrap().0, "");
        let c = at("[categories.C|]\n");
        assert_eq!(c.table, ["categories", "C"]);
        assert_eq!(c.word.as_ref().unwrap().0, "C");
    }

    #[test]
    fn placeholders_in_strings() {
        let t = "message.ko = \"환불 {refundId}을(를)\"";
        let s = t.find('"').unwrap() + 1..t.len() - 1;
        assert_eq!(
            placeholder_at(t, &s, t.find("fund").unwrap()).as_deref(),
            Some("refundId")
        );
        assert_eq!(placeholder_at(t, &s, s.start + 1), None);
    }

    #[test]
    fn never_panics_on_odd_text() {
        let t = "[\n\"\n= \"\u{feff}한\n[a.\"b\n=\n'";
        for i in 0..=t.len() {
            let _ = cursor(t, i);
            let _ = position(t, i);
        }
        for l in 0..8 {
            for c in 0..8 {
                let _ = offset(t, Position::new(l, c));
            }
        }
    }
}
