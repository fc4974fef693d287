//! `code_format`: the grammar every code of a domain follows, e.g. `EBP-{category}-{seq:4}`.
//!
//! `{category}` stands for one of the domain's category keys, `{seq}` for a decimal number and
//! `{seq:N}` for one written with exactly `N` digits. Everything else is literal.

/// One piece of a code format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Lit(String),
    /// One of the domain's category keys.
    Category,
    /// A number; `Some(n)`: exactly `n` digits, zero-padded.
    Seq(Option<usize>),
}

/// A parsed `code_format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFormat {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

/// What a code told us when it matched the format.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    /// The category key the code spells, if the format has `{category}`.
    pub category: Option<String>,
    /// The sequence number, if the format has `{seq}`.
    pub seq: Option<u64>,
}

/// Why a `code_format` is not usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// `{something}` that is neither `{category}` nor `{seq}`/`{seq:N}`.
    UnknownVariable(String),
    /// The same variable twice.
    Repeated(String),
    /// A `{` or `}` without its partner.
    Unbalanced,
    /// Two variables next to each other cannot be told apart (`{category}{seq}` is fine,
    /// `{seq}{seq}` is not possible anyway); nothing at all is also refused.
    Empty,
}

impl CodeFormat {
    /// Parses a format string.
    pub fn parse(src: &str) -> Result<CodeFormat, FormatError> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut rest = src;
        let (mut saw_cat, mut saw_seq) = (false, false);
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("{{") {
                lit.push('{');
                rest = r;
            } else if let Some(r) = rest.strip_prefix("}}") {
                lit.push('}');
                rest = r;
            } else if let Some(r) = rest.strip_prefix('{') {
                let end = r.find('}').ok_or(FormatError::Unbalanced)?;
                let var = &r[..end];
                rest = &r[end + 1..];
                if !lit.is_empty() {
                    pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                let piece = match var {
                    "category" => {
                        if std::mem::replace(&mut saw_cat, true) {
                            return Err(FormatError::Repeated(var.into()));
                        }
                        Piece::Category
                    }
                    "seq" => Piece::Seq(None),
                    _ => match var
                        .strip_prefix("seq:")
                        .and_then(|n| n.parse::<usize>().ok())
                    {
                        Some(n) if (1..=12).contains(&n) => Piece::Seq(Some(n)),
                        _ => return Err(FormatError::UnknownVariable(var.into())),
                    },
                };
                if matches!(piece, Piece::Seq(_)) && std::mem::replace(&mut saw_seq, true) {
                    return Err(FormatError::Repeated("seq".into()));
                }
                pieces.push(piece);
            } else if rest.starts_with('}') {
                return Err(FormatError::Unbalanced);
            } else {
                let next = rest.find(['{', '}']).unwrap_or(rest.len());
                lit.push_str(&rest[..next]);
                rest = &rest[next..];
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        if pieces.is_empty() {
            return Err(FormatError::Empty);
        }
        Ok(CodeFormat { pieces })
    }

    /// Does the format contain `{category}`?
    pub fn has_category(&self) -> bool {
        self.pieces.contains(&Piece::Category)
    }

    /// Matches `code` against the format; `categories` are the keys `{category}` may stand for.
    pub fn matches(&self, code: &str, categories: &[&str]) -> Option<Parts> {
        fn go(pieces: &[Piece], s: &str, cats: &[&str], parts: &mut Parts) -> bool {
            let Some((first, rest)) = pieces.split_first() else {
                return s.is_empty();
            };
            match first {
                Piece::Lit(l) => s
                    .strip_prefix(l.as_str())
                    .is_some_and(|r| go(rest, r, cats, parts)),
                Piece::Category => cats.iter().any(|c| {
                    s.strip_prefix(c).is_some_and(|r| {
                        parts.category = Some((*c).to_owned());
                        go(rest, r, cats, parts)
                    })
                }),
                Piece::Seq(width) => {
                    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
                    let lens: Vec<usize> = match width {
                        Some(w) if *w <= digits => vec![*w],
                        Some(_) => vec![],
                        None => (1..=digits).rev().collect(),
                    };
                    lens.into_iter().any(|n| {
                        s[..n].parse::<u64>().is_ok_and(|v| {
                            parts.seq = Some(v);
                            go(rest, &s[n..], cats, parts)
                        })
                    })
                }
            }
        }
        let mut parts = Parts::default();
        go(&self.pieces, code, categories, &mut parts).then_some(parts)
    }

    /// Writes a code from its parts; `None` where the format needs a part that is missing.
    pub fn render(&self, category: Option<&str>, seq: u64) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Lit(l) => out.push_str(l),
                Piece::Category => out.push_str(category?),
                Piece::Seq(None) => out.push_str(&seq.to_string()),
                Piece::Seq(Some(w)) => {
                    let s = format!("{seq:0w$}", w = *w);
                    if s.len() > *w {
                        return None;
                    }
                    out.push_str(&s);
                }
            }
        }
        Some(out)
    }

    /// The next free code of `category`: one past the highest sequence number any code of that
    /// category ever used (retired codes included, so a number is never reused).
    pub fn next_free<'a>(
        &self,
        category: Option<&str>,
        used: impl IntoIterator<Item = &'a str>,
        categories: &[&str],
    ) -> Option<String> {
        if !self.pieces.iter().any(|p| matches!(p, Piece::Seq(_))) {
            return None;
        }
        let max = used
            .into_iter()
            .filter_map(|code| self.matches(code, categories))
            .filter(|parts| parts.category.as_deref() == category || !self.has_category())
            .filter_map(|parts| parts.seq)
            .max()
            .unwrap_or(0);
        self.render(category, max.checked_add(1)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATS: &[&str] = &["A", "B", "C", "D", "E", "Z"];

    #[test]
    fn parses_the_ebp_grammar() {
        let f = CodeFormat::parse("EBP-{category}-{seq:4}").unwrap();
        assert_eq!(
            f.pieces,
            vec![
                Piece::Lit("EBP-".into()),
                Piece::Category,
                Piece::Lit("-".into()),
                Piece::Seq(Some(4))
            ]
        );
    }

    #[test]
    fn matches_and_extracts_parts() {
        let f = CodeFormat::parse("EBP-{category}-{seq:4}").unwrap();
        assert_eq!(
            f.matches("EBP-C-0004", CATS),
            Some(Parts {
                category: Some("C".into()),
                seq: Some(4)
            })
        );
        for bad in [
            "EBP-C-004",
            "EBP-C-00004",
            "EBP-X-0001",
            "ebp-C-0001",
            "EBP-C-0001 ",
            "",
        ] {
            assert_eq!(f.matches(bad, CATS), None, "{bad}");
        }
    }

    #[test]
    fn multi_letter_categories_backtrack() {
        let f = CodeFormat::parse("{category}{seq}").unwrap();
        let cats = ["PAY", "PA"];
        assert_eq!(
            f.matches("PA12", &cats).unwrap().category.as_deref(),
            Some("PA")
        );
        assert_eq!(
            f.matches("PAY7", &cats).unwrap().category.as_deref(),
            Some("PAY")
        );
    }

    #[test]
    fn next_free_code_skips_every_used_number() {
        let f = CodeFormat::parse("EBP-{category}-{seq:4}").unwrap();
        let used = ["EBP-C-0001", "EBP-C-0012", "EBP-Z-0010", "EBP-C-0003"];
        assert_eq!(
            f.next_free(Some("C"), used, CATS).as_deref(),
            Some("EBP-C-0013")
        );
        assert_eq!(
            f.next_free(Some("Z"), used, CATS).as_deref(),
            Some("EBP-Z-0011")
        );
        assert_eq!(
            f.next_free(Some("A"), used, CATS).as_deref(),
            Some("EBP-A-0001")
        );
    }

    #[test]
    fn width_overflow_has_no_next_code() {
        let f = CodeFormat::parse("X{seq:1}").unwrap();
        assert_eq!(f.next_free(None, ["X9"], &[]), None);
    }

    #[test]
    fn bad_formats() {
        assert_eq!(
            CodeFormat::parse("EBP-{type}-{seq}"),
            Err(FormatError::UnknownVariable("type".into()))
        );
        assert_eq!(
            CodeFormat::parse("{seq}{seq:2}"),
            Err(FormatError::Repeated("seq".into()))
        );
        assert_eq!(CodeFormat::parse("EBP-{seq"), Err(FormatError::Unbalanced));
        assert_eq!(CodeFormat::parse("EBP-}"), Err(FormatError::Unbalanced));
        assert_eq!(CodeFormat::parse(""), Err(FormatError::Empty));
        assert_eq!(
            CodeFormat::parse("{seq:0}"),
            Err(FormatError::UnknownVariable("seq:0".into()))
        );
    }
}
