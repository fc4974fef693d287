//! The line-breaking printer behind the generated Rust's per-code parts.
//!
//! Generating the Rust through `quote` → `syn` → `prettyplease` spent four fifths of its time
//! building and parsing a token stream (issue 18). The per-code parts of the file (variants,
//! table rows, match arms) are now written as text through this printer instead, which makes
//! the same line-breaking decisions prettyplease makes: it is prettyplease's algorithm
//! (`algorithm.rs`, itself adapted from rustc's `pp.rs`, Oppen's pretty printer; MIT or
//! Apache-2.0), with its margin, indent and minimum space, and the emitter calls it the way
//! prettyplease calls it for each construct. So the file stays byte-identical, which
//! `tests::output_is_prettyplease_fixed_point` and the crate's golden tests hold.
//!
//! A fragment starts on a fresh line inside a broken block at a given indentation, as a list
//! element (a variant, an arm, an item) does in prettyplease's output.

use std::borrow::Cow;
use std::collections::VecDeque;

/// prettyplease's line width, indentation step and least space left for a line's content.
const MARGIN: isize = 89;
pub const INDENT: isize = 4;
const MIN_SPACE: isize = 60;
const SIZE_INFINITY: isize = 0xffff;

#[derive(Clone, Copy, PartialEq)]
enum Breaks {
    Consistent,
    Inconsistent,
}

/// A place the line may break.
#[derive(Clone, Copy, Default)]
pub struct Break {
    pub offset: isize,
    pub blank_space: usize,
    pub pre_break: Option<char>,
    pub post_break: &'static str,
    pub no_break: Option<char>,
    pub if_nonempty: bool,
    pub never_break: bool,
}

enum Token {
    String(Cow<'static, str>),
    Break(Break),
    Begin { offset: isize, breaks: Breaks },
    End,
}

#[derive(Clone, Copy)]
enum Frame {
    Fits,
    Broken(usize, Breaks),
}

struct Entry {
    token: Token,
    size: isize,
}

/// The printer. Feed it with [`Printer::word`], breaks and boxes, then take the text with
/// [`Printer::finish`].
pub struct Printer {
    out: String,
    space: isize,
    buf: VecDeque<Entry>,
    /// The abstract index of `buf[0]`.
    offset: usize,
    left_total: isize,
    right_total: isize,
    scan_stack: VecDeque<usize>,
    print_stack: Vec<Frame>,
    indent: usize,
    pending_indentation: usize,
}

impl Printer {
    /// A printer whose text starts on a fresh line at `indent` columns, inside a block that is
    /// broken (one element per line), as the elements of an enum, a `match` or a module are.
    pub fn at(indent: usize) -> Printer {
        Printer {
            out: String::new(),
            space: (MARGIN - indent as isize).max(MIN_SPACE),
            buf: VecDeque::new(),
            offset: 0,
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: vec![Frame::Broken(indent, Breaks::Consistent)],
            indent,
            pending_indentation: indent,
        }
    }

    /// The text printed, without the final line break.
    pub fn finish(mut self) -> String {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        let keep = self.out.trim_end_matches('\n').len();
        self.out.truncate(keep);
        self.out
    }

    // Boxes and breaks, as prettyplease's `convenience.rs` names them.

    /// Opens a box whose breaks break independently.
    pub fn ibox(&mut self, indent: isize) {
        self.scan_begin(indent, Breaks::Inconsistent);
    }

    /// Opens a box whose breaks all break when one does.
    pub fn cbox(&mut self, indent: isize) {
        self.scan_begin(indent, Breaks::Consistent);
    }

    pub fn end(&mut self) {
        self.scan_end();
    }

    pub fn word(&mut self, s: impl Into<Cow<'static, str>>) {
        self.scan_string(s.into());
    }

    pub fn zerobreak(&mut self) {
        self.scan_break(Break::default());
    }

    pub fn space(&mut self) {
        self.scan_break(Break {
            blank_space: 1,
            ..Break::default()
        });
    }

    pub fn nbsp(&mut self) {
        self.word(" ");
    }

    pub fn hardbreak(&mut self) {
        self.scan_break(Break {
            blank_space: SIZE_INFINITY as usize,
            ..Break::default()
        });
    }

    pub fn space_if_nonempty(&mut self) {
        self.scan_break(Break {
            blank_space: 1,
            if_nonempty: true,
            ..Break::default()
        });
    }

    pub fn hardbreak_if_nonempty(&mut self) {
        self.scan_break(Break {
            blank_space: SIZE_INFINITY as usize,
            if_nonempty: true,
            ..Break::default()
        });
    }

    pub fn trailing_comma(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(Break {
                pre_break: Some(','),
                ..Break::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    pub fn trailing_comma_or_space(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(Break {
                blank_space: 1,
                pre_break: Some(','),
                ..Break::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    pub fn neverbreak(&mut self) {
        self.scan_break(Break {
            never_break: true,
            ..Break::default()
        });
    }

    /// Adds `offset` to the indentation of the break just scanned.
    pub fn offset(&mut self, offset: isize) {
        if let Some(Entry {
            token: Token::Break(b),
            ..
        }) = self.buf.back_mut()
        {
            b.offset += offset;
        }
    }

    /// Closes a box, breaking it if its content is wider than `max` (prettyplease's
    /// `end_with_max_width`, used for struct literals).
    pub fn end_with_max_width(&mut self, max: isize) {
        let mut depth = 1;
        let mut too_wide = false;
        for &index in self.scan_stack.iter().rev() {
            let entry = &self.buf[index - self.offset];
            match entry.token {
                Token::Begin { .. } => {
                    depth -= 1;
                    if depth == 0 {
                        too_wide = entry.size < 0 && entry.size + self.right_total > max;
                        break;
                    }
                }
                Token::End => depth += 1,
                Token::Break(_) | Token::String(_) => {}
            }
        }
        if too_wide {
            self.push(Token::String(Cow::Borrowed("")), SIZE_INFINITY);
            self.right_total += SIZE_INFINITY;
        }
        self.scan_end();
    }

    // The algorithm (prettyplease's `algorithm.rs`).

    fn push(&mut self, token: Token, size: isize) -> usize {
        let index = self.offset + self.buf.len();
        self.buf.push_back(Entry { token, size });
        index
    }

    fn entry(&mut self, index: usize) -> &mut Entry {
        &mut self.buf[index - self.offset]
    }

    fn scan_begin(&mut self, offset: isize, breaks: Breaks) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.clear();
        }
        let right = self.push(Token::Begin { offset, breaks }, -self.right_total);
        self.scan_stack.push_back(right);
    }

    pub fn scan_end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
            return;
        }
        let n = self.buf.len();
        if let Some(Entry {
            token: Token::Break(b),
            ..
        }) = self.buf.back()
        {
            let b = *b;
            if n >= 2 && matches!(self.buf[n - 2].token, Token::Begin { .. }) {
                self.buf.pop_back();
                self.buf.pop_back();
                self.scan_stack.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= b.blank_space as isize;
                return;
            }
            if b.if_nonempty {
                self.buf.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= b.blank_space as isize;
            }
        }
        let right = self.push(Token::End, -1);
        self.scan_stack.push_back(right);
    }

    pub fn scan_break(&mut self, token: Break) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.clear();
        } else {
            self.check_stack(0);
        }
        let right = self.push(Token::Break(token), -self.right_total);
        self.scan_stack.push_back(right);
        self.right_total += token.blank_space as isize;
    }

    fn scan_string(&mut self, string: Cow<'static, str>) {
        if self.scan_stack.is_empty() {
            self.print_string(&string);
        } else {
            let len = string.len() as isize;
            self.push(Token::String(string), len);
            self.right_total += len;
            self.check_stream();
        }
    }

    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if self.scan_stack.front() == Some(&self.offset) {
                self.scan_stack.pop_front();
                if let Some(first) = self.buf.front_mut() {
                    first.size = SIZE_INFINITY;
                }
            }
            self.advance_left();
            if self.buf.is_empty() {
                break;
            }
        }
    }

    fn advance_left(&mut self) {
        while self.buf.front().is_some_and(|e| e.size >= 0) {
            let Some(left) = self.buf.pop_front() else {
                break;
            };
            self.offset += 1;
            match left.token {
                Token::String(s) => {
                    self.left_total += left.size;
                    self.print_string(&s);
                }
                Token::Break(b) => {
                    self.left_total += b.blank_space as isize;
                    self.print_break(b, left.size);
                }
                Token::Begin { offset, breaks } => self.print_begin(offset, breaks, left.size),
                Token::End => self.print_end(),
            }
        }
    }

    fn check_stack(&mut self, mut depth: usize) {
        while let Some(&index) = self.scan_stack.back() {
            let right_total = self.right_total;
            let entry = self.entry(index);
            match entry.token {
                Token::Begin { .. } => {
                    if depth == 0 {
                        break;
                    }
                    entry.size += right_total;
                    self.scan_stack.pop_back();
                    depth -= 1;
                }
                Token::End => {
                    entry.size = 1;
                    self.scan_stack.pop_back();
                    depth += 1;
                }
                Token::Break(_) => {
                    entry.size += right_total;
                    self.scan_stack.pop_back();
                    if depth == 0 {
                        break;
                    }
                }
                Token::String(_) => break,
            }
        }
    }

    fn top(&self) -> Frame {
        self.print_stack
            .last()
            .copied()
            .unwrap_or(Frame::Broken(0, Breaks::Inconsistent))
    }

    fn print_begin(&mut self, offset: isize, breaks: Breaks, size: isize) {
        if size > self.space {
            self.print_stack.push(Frame::Broken(self.indent, breaks));
            self.indent = (self.indent as isize + offset).max(0) as usize;
        } else {
            self.print_stack.push(Frame::Fits);
        }
    }

    fn print_end(&mut self) {
        if let Some(Frame::Broken(indent, _)) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, token: Break, size: isize) {
        let fits = token.never_break
            || match self.top() {
                Frame::Fits => true,
                Frame::Broken(.., Breaks::Consistent) => false,
                Frame::Broken(.., Breaks::Inconsistent) => size <= self.space,
            };
        if fits {
            self.pending_indentation += token.blank_space;
            self.space -= token.blank_space as isize;
            if let Some(c) = token.no_break {
                self.out.push(c);
                self.space -= c.len_utf8() as isize;
            }
        } else {
            if let Some(c) = token.pre_break {
                self.print_indent();
                self.out.push(c);
            }
            self.out.push('\n');
            let indent = self.indent as isize + token.offset;
            self.pending_indentation = indent.max(0) as usize;
            self.space = (MARGIN - indent).max(MIN_SPACE);
            if !token.post_break.is_empty() {
                self.print_indent();
                self.out.push_str(token.post_break);
                self.space -= token.post_break.len() as isize;
            }
        }
    }

    fn print_string(&mut self, s: &str) {
        self.print_indent();
        self.out.push_str(s);
        self.space -= s.len() as isize;
    }

    fn print_indent(&mut self) {
        let n = self.pending_indentation;
        self.out.extend(std::iter::repeat_n(' ', n));
        self.pending_indentation = 0;
    }
}

/// A string literal as `proc_macro2::Literal::string` writes it (and prettyplease prints it).
pub fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\0' if chars
                .as_str()
                .starts_with(|n: char| ('0'..='7').contains(&n)) =>
            {
                out.push_str("\\x00");
            }
            '\0' => out.push_str("\\0"),
            '\'' => out.push('\''),
            // Printable as they are, and the bulk of staff text: skip `escape_debug`'s tables.
            ' '..='~' if c != '"' && c != '\\' => out.push(c),
            '\u{AC00}'..='\u{D7A3}' => out.push(c),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn string_literals_are_written_as_proc_macro2_writes_them() {
        for s in [
            "",
            "plain",
            "따옴표 \" 와 \\ 역슬래시",
            "'",
            "\0",
            "\x007",
            "\t\r\n",
            "\u{202E}",
            "\u{301}é",
            "🙂",
            "\u{7f}",
            "a\u{200B}b",
        ] {
            assert_eq!(
                str_lit(s),
                proc_macro2::Literal::string(s).to_string(),
                "{s:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_string_literal_is_written_as_proc_macro2_writes_it(s in any::<String>()) {
            prop_assert_eq!(str_lit(&s), proc_macro2::Literal::string(&s).to_string());
        }
    }

    #[test]
    fn a_list_breaks_only_when_it_does_not_fit() {
        // `f(a, b)` at the given indentation, as prettyplease's `call_args` prints it.
        let call = |indent: usize, arg: &str| {
            let mut p = Printer::at(indent);
            p.word("f(");
            p.cbox(INDENT);
            p.zerobreak();
            p.word(arg.to_owned());
            p.word(",");
            p.space();
            p.word("b");
            p.trailing_comma(true);
            p.offset(-INDENT);
            p.end();
            p.word(")");
            p.hardbreak();
            p.finish()
        };
        assert_eq!(call(4, "a"), "    f(a, b)");
        let long = "x".repeat(80);
        assert_eq!(
            call(4, &long),
            format!("    f(\n        {long},\n        b,\n    )")
        );
    }
}
