//! The baseline: the same API written by hand the usual way, with `thiserror` and `strum`
//! derives, generated from a validated catalog so that both sides hold the same codes and
//! texts.
//!
//! Per domain module: `Code` (`strum::EnumString` for `from_code`, `IntoStaticStr` for
//! `as_str`, `VariantArray` for `ALL`, serde derives renamed to the wire codes), `status`,
//! `retryable`, `message`, `explanation` as `match`es; `Error` with `thiserror::Error` (its
//! `#[error]` format is the default locale's message, particles left as written — what a hand
//! written catalog does), `code`, `status`, and `message(locale)` through `format!`. At the
//! root, `Locale`. Build-cost comparisons compile this crate against `payment-errors`.
//!
//! Compiled into the benchmark crate and into its build script (`#[path]`).

use std::fmt::Write as _;

use codegen::model::{Catalog, Domain, ErrorDef, FieldType};
use codegen::template::{Segment, Template};

/// The `Cargo.toml` of the baseline crate, named like the real one so that one service source
/// compiles against either.
pub const MANIFEST: &str = r#"[package]
name = "payment-errors"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
thiserror = "2"
strum = { version = "0.27", features = ["derive"] }
serde = { version = "1", features = ["derive"] }
"#;

/// The baseline crate's `src/lib.rs` for `catalog`.
pub fn lib_rs(catalog: &Catalog) -> String {
    let mut s = String::from(
        "// Baseline: the catalog's API hand-written with thiserror + strum derives.\n\n",
    );
    let locales: Vec<String> = catalog
        .locales
        .iter()
        .map(|l| codegen::ident::locale_variant(l))
        .collect();
    let _ = writeln!(
        s,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]\npub enum Locale {{"
    );
    for (i, l) in locales.iter().enumerate() {
        if i == 0 {
            s.push_str("    #[default]\n");
        }
        let _ = writeln!(s, "    {l},");
    }
    s.push_str("}\n\n");
    for d in &catalog.domains {
        domain(&mut s, d, &locales);
    }
    s
}

fn lit(text: &str) -> String {
    format!("{text:?}")
}

/// A `format!` string for a template: braces escaped, placeholders as `{field}`, particles as
/// written.
fn format_string(t: &Template) -> String {
    let mut f = String::new();
    for seg in &t.segments {
        match seg {
            Segment::Text(text) => f.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Segment::Hole {
                field, particle, ..
            } => {
                let _ = write!(f, "{{{field}}}");
                if let Some(p) = particle {
                    f.push_str(&p.spelling);
                }
            }
        }
    }
    lit(&f)
}

fn fields(e: &ErrorDef) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = e
        .fields
        .iter()
        .map(|f| {
            let ty = match f.ty {
                FieldType::String => "String",
                FieldType::Integer | FieldType::Amount => "i64",
            };
            (f.name.clone(), ty)
        })
        .collect();
    // A pass-through error's upstream values (`{upstreamMessage}`) are plain strings here.
    for seg in &e.message.templates[0].segments {
        if let Segment::Hole { field, .. } = seg
            && !out.iter().any(|(n, _)| n == field)
        {
            out.push((field.clone(), "String"));
        }
    }
    out
}

fn domain(s: &mut String, d: &Domain, locales: &[String]) {
    let errors: Vec<&ErrorDef> = d.errors().collect();
    let _ = writeln!(s, "pub mod {} {{\n    use super::Locale;\n", d.id);
    s.push_str(
        "    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, strum::EnumString, \
         strum::IntoStaticStr, strum::VariantArray, serde::Serialize, serde::Deserialize)]\n    pub enum Code {\n",
    );
    for e in &errors {
        let c = lit(&e.code);
        let _ = writeln!(
            s,
            "        #[strum(serialize = {c})]\n        #[serde(rename = {c})]\n        {},",
            e.ident
        );
    }
    s.push_str("    }\n\n    impl Code {\n");
    s.push_str(
        "        pub const ALL: &'static [Code] = <Code as strum::VariantArray>::VARIANTS;\n",
    );
    s.push_str(
        "        pub fn from_code(code: &str) -> Option<Code> {\n            code.parse().ok()\n        }\n",
    );
    s.push_str(
        "        pub fn as_str(self) -> &'static str {\n            self.into()\n        }\n",
    );
    s.push_str("        pub const fn status(self) -> u16 {\n            match self {\n");
    for e in &errors {
        let _ = writeln!(s, "                Code::{} => {},", e.ident, e.status);
    }
    s.push_str("            }\n        }\n");
    s.push_str("        pub const fn retryable(self) -> bool {\n            match self {\n");
    for e in &errors {
        let _ = writeln!(s, "                Code::{} => {},", e.ident, e.retryable);
    }
    s.push_str("            }\n        }\n");
    s.push_str(
        "        pub fn message(self, locale: Locale) -> &'static str {\n            match (self, locale) {\n",
    );
    for e in &errors {
        for (i, l) in locales.iter().enumerate() {
            let _ = writeln!(
                s,
                "                (Code::{}, Locale::{l}) => {},",
                e.ident,
                lit(&e.message.templates[i].unfilled())
            );
        }
    }
    s.push_str("            }\n        }\n");
    s.push_str(
        "        pub fn explanation(self, locale: Locale) -> Option<&'static str> {\n            match (self, locale) {\n",
    );
    for e in &errors {
        if let Some(x) = &e.explanation {
            for (i, l) in locales.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "                (Code::{}, Locale::{l}) => Some({}),",
                    e.ident,
                    lit(x.get(i))
                );
            }
        }
    }
    s.push_str("                _ => None,\n            }\n        }\n    }\n\n");
    s.push_str(
        "    impl std::fmt::Display for Code {\n        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n            f.write_str(self.as_str())\n        }\n    }\n\n",
    );

    s.push_str("    #[derive(Debug, thiserror::Error)]\n    pub enum Error {\n");
    for e in &errors {
        let _ = writeln!(
            s,
            "        #[error({})]",
            format_string(&e.message.templates[0])
        );
        let fs = fields(e);
        if fs.is_empty() {
            let _ = writeln!(s, "        {},", e.ident);
        } else {
            let body: Vec<String> = fs.iter().map(|(n, t)| format!("{n}: {t}")).collect();
            let _ = writeln!(s, "        {} {{ {} }},", e.ident, body.join(", "));
        }
    }
    s.push_str("    }\n\n    impl Error {\n        pub fn code(&self) -> Code {\n            match self {\n");
    for e in &errors {
        let rest = if fields(e).is_empty() { "" } else { " { .. }" };
        let _ = writeln!(
            s,
            "                Error::{}{rest} => Code::{},",
            e.ident, e.ident
        );
    }
    s.push_str("            }\n        }\n");
    s.push_str(
        "        pub fn status(&self) -> u16 {\n            self.code().status()\n        }\n",
    );
    s.push_str(
        "        pub fn message(&self, locale: Locale) -> String {\n            match (self, locale) {\n",
    );
    for e in &errors {
        let fs = fields(e);
        for (i, l) in locales.iter().enumerate().skip(1) {
            let pat = if fs.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = fs.iter().map(|(n, _)| n.as_str()).collect();
                format!(" {{ {} }}", names.join(", "))
            };
            let _ = writeln!(
                s,
                "                (Error::{}{pat}, Locale::{l}) => format!({}),",
                e.ident,
                format_string(&e.message.templates[i])
            );
        }
    }
    s.push_str("                _ => self.to_string(),\n            }\n        }\n    }\n}\n\n");
}
