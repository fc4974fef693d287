//! A small JSON writer: response bodies without a JSON library.
//!
//! Shared by `payment-errors` (response bodies at run time, through
//! [`crate::envelope`]) and the generator (example bodies in the docs), so both write the same
//! bytes.
//!
//! Output is byte for byte what `serde_json` writes for the same members in the same order:
//! [`Layout::Compact`] like `serde_json::to_string`, [`Layout::Pretty`] like its
//! `PrettyFormatter` with the given indent (`Pretty(2)` is `to_string_pretty`). Strings are
//! escaped as `serde_json` escapes them; everything else (Hangul included) is written as is.

use core::fmt::{self, Write};

/// How a body is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    /// On one line, no spaces: `{"a":1,"b":null}`.
    #[default]
    Compact,
    /// One member per line, `": "` after keys, this many spaces per level. `Pretty(0)` is the
    /// layout of the API documents' examples (no indentation at all).
    Pretty(u8),
}

/// A JSON value, for the data a service puts into a response (`{data}`).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer.
    Int(i64),
    /// An unsigned integer (`u64` beyond `i64`).
    UInt(u64),
    /// A floating-point number; NaN and infinities are written as `null` (as `serde_json`).
    Float(f64),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<Json>),
    /// An object, members in this order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Writes the value into `w`.
    pub fn write(&self, w: &mut Writer) {
        match self {
            Json::Null => w.null(),
            Json::Bool(b) => w.bool(*b),
            Json::Int(i) => w.int(*i),
            Json::Str(s) => w.str(s),
            Json::UInt(u) => w.uint(*u),
            Json::Float(x) => w.float(*x),
            Json::Array(items) => {
                w.begin_array();
                for i in items {
                    w.element();
                    i.write(w);
                }
                w.end_array();
            }
            Json::Object(members) => {
                w.begin_object();
                for (k, v) in members {
                    w.key(k);
                    v.write(w);
                }
                w.end_object();
            }
        }
    }

    /// The value as JSON text.
    pub fn to_string(&self, layout: Layout) -> String {
        let mut w = Writer::new(layout);
        self.write(&mut w);
        w.finish()
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<i64> for Json {
    fn from(i: i64) -> Json {
        Json::Int(i)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

/// Writes JSON into a `String`, one token at a time. Containers track whether they have
/// members yet; the caller calls [`Writer::key`] before each object member's value and
/// [`Writer::element`] before each array element.
#[derive(Debug)]
pub struct Writer {
    out: String,
    indent: Option<usize>,
    depth: usize,
    /// Per open container: has it a member yet?
    nonempty: Vec<bool>,
}

impl Writer {
    /// An empty writer.
    pub fn new(layout: Layout) -> Writer {
        Writer {
            out: String::with_capacity(256),
            indent: match layout {
                Layout::Compact => None,
                Layout::Pretty(n) => Some(usize::from(n)),
            },
            depth: 0,
            nonempty: Vec::new(),
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if let Some(n) = self.indent {
            self.out.push('\n');
            for _ in 0..n * self.depth {
                self.out.push(' ');
            }
        }
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.nonempty.push(false);
    }

    fn close(&mut self, c: char) {
        // A close with nothing open is the caller's mistake: it writes nothing (no panic).
        let Some(had_members) = self.nonempty.pop() else {
            return;
        };
        self.depth -= 1;
        if had_members {
            self.newline();
        }
        self.out.push(c);
    }

    fn separate(&mut self) {
        if let Some(has) = self.nonempty.last_mut() {
            if *has {
                self.out.push(',');
            }
            *has = true;
        }
        self.newline();
    }

    /// `{`
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// `}`
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// `[`
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// `]`
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// The key of the next object member, and its colon.
    pub fn key(&mut self, k: &str) {
        self.separate();
        self.str(k);
        self.out.push(':');
        if self.indent.is_some() {
            self.out.push(' ');
        }
    }

    /// Before the next array element.
    pub fn element(&mut self) {
        self.separate();
    }

    /// `null`
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// `true` / `false`
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// An integer.
    pub fn int(&mut self, i: i64) {
        let _ = write!(self.out, "{i}");
    }

    /// A string, escaped.
    pub fn str(&mut self, s: &str) {
        self.out.push('"');
        escape_into(&mut self.out, s);
        self.out.push('"');
    }

    /// A string written piece by piece by `f` (a message rendered straight into the body).
    pub fn str_with(&mut self, f: impl FnOnce(&mut dyn Write) -> fmt::Result) {
        self.out.push('"');
        // Writing into a String cannot fail; a failing renderer leaves what it wrote.
        let _ = f(&mut Escaper(&mut self.out));
        self.out.push('"');
    }

    /// An unsigned integer.
    pub fn uint(&mut self, u: u64) {
        let _ = write!(self.out, "{u}");
    }

    /// A floating-point number (`1.0`, `0.1`, `1e21`); `null` for NaN and infinities.
    pub fn float(&mut self, x: f64) {
        if x.is_finite() {
            let _ = write!(self.out, "{x:?}");
        } else {
            self.null();
        }
    }
}

/// Appends `s` to `out` with JSON string escapes (as `serde_json` writes them).
pub fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// A `fmt::Write` that escapes what goes through it.
struct Escaper<'a>(&'a mut String);

impl Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Json {
        Json::Object(vec![
            ("a".into(), Json::Int(-1)),
            (
                "s".into(),
                Json::Str("\"q\" \\ \n\t\u{1}\u{7f} 결제 \u{2028}".into()),
            ),
            ("e".into(), Json::Object(vec![])),
            ("l".into(), Json::Array(vec![])),
            (
                "o".into(),
                Json::Object(vec![(
                    "xs".into(),
                    Json::Array(vec![
                        Json::Object(vec![("k".into(), Json::Bool(true))]),
                        Json::Null,
                        Json::Array(vec![Json::Int(1), Json::Int(2)]),
                    ]),
                )]),
            ),
        ])
    }

    #[test]
    fn compact_layout() {
        assert_eq!(
            sample().to_string(Layout::Compact),
            "{\"a\":-1,\"s\":\"\\\"q\\\" \\\\ \\n\\t\\u0001\u{7f} 결제 \u{2028}\",\"e\":{},\"l\":[],\"o\":{\"xs\":[{\"k\":true},null,[1,2]]}}"
        );
    }

    #[test]
    fn pretty_layout() {
        let expected = "{\n  \"a\": -1,\n  \"s\": \"\\\"q\\\" \\\\ \\n\\t\\u0001\u{7f} 결제 \u{2028}\",\n  \"e\": {},\n  \"l\": [],\n  \"o\": {\n    \"xs\": [\n      {\n        \"k\": true\n      },\n      null,\n      [\n        1,\n        2\n      ]\n    ]\n  }\n}";
        assert_eq!(sample().to_string(Layout::Pretty(2)), expected);
        // Indent 0: the same lines without their leading spaces.
        let flat: Vec<&str> = expected.lines().map(str::trim_start).collect();
        assert_eq!(sample().to_string(Layout::Pretty(0)), flat.join("\n"));
    }

    #[test]
    fn a_close_without_an_open_writes_nothing() {
        let mut w = Writer::new(Layout::Pretty(2));
        w.end_object();
        w.end_array();
        w.begin_array();
        w.end_array();
        w.end_object();
        assert_eq!(w.finish(), "[]");
    }

    #[test]
    fn numbers() {
        let v = Json::Array(vec![
            Json::UInt(u64::MAX),
            Json::Float(1.0),
            Json::Float(0.1),
            Json::Float(f64::NAN),
        ]);
        assert_eq!(
            v.to_string(Layout::Compact),
            "[18446744073709551615,1.0,0.1,null]"
        );
    }
}
