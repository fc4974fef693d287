//! Message templates: literal text, `{placeholder}`s, `{{`/`}}` escapes, and the Korean
//! particle written right after a placeholder (`{name}은(는)`).
//!
//! Parsing never fails on the first problem: it returns every problem of a template with its
//! byte range inside the template, so the validator can point at each one.

use std::ops::Range;

use crate::ident;

/// A Korean particle whose form the renderer picks from the value before it: the runtime's
/// own type (`payment_errors::particle::Particle`), so the generator and the crate know the
/// same particles, with the same spellings, from one table.
pub use crate::particle::Particle as ParticleKind;

/// The undecided spellings writers use, and the particle each stands for.
pub const PARTICLE_SPELLINGS: &[(&str, ParticleKind)] = ParticleKind::SPELLINGS;

/// A particle as written after a placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Particle {
    /// Which particle.
    pub kind: ParticleKind,
    /// The spelling the writer used, kept when the value's sound cannot be known.
    pub spelling: String,
}

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Literal text, braces already unescaped.
    Text(String),
    /// A placeholder.
    Hole {
        /// The name as written (`bankCode`).
        name: String,
        /// The field it fills (`bank_code`).
        field: String,
        /// The particle written right after it, if any.
        particle: Option<Particle>,
    },
}

/// A parsed message template.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Template {
    /// Adjacent literal text is merged; no empty `Text` segments.
    pub segments: Vec<Segment>,
}

/// What is wrong in a template. `at` is the byte range of the problem inside the template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum TemplateError {
    /// `{` with no matching `}`.
    Unclosed { at: Range<usize> },
    /// `}` with no `{` before it (write `}}` for a literal brace).
    Unopened { at: Range<usize> },
    /// `{}`.
    Empty { at: Range<usize> },
    /// `{bank code}`: not a name a field can have.
    BadName { at: Range<usize>, name: String },
    /// `{x}(이)나`: a particle form the renderer does not know; `text` is that form.
    UnknownParticle { at: Range<usize>, text: String },
}

impl Template {
    /// Parses `src`, collecting every problem.
    pub fn parse(src: &str) -> Result<Template, Vec<TemplateError>> {
        let mut segments = Vec::new();
        let mut errors = Vec::new();
        let mut text = String::new();
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < src.len() {
            match bytes[i] {
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    text.push('{');
                    i += 2;
                }
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    text.push('}');
                    i += 2;
                }
                b'}' => {
                    errors.push(TemplateError::Unopened { at: i..i + 1 });
                    i += 1;
                }
                b'{' => {
                    let Some(close) = src[i + 1..].find(['}', '{']).map(|p| p + i + 1) else {
                        errors.push(TemplateError::Unclosed { at: i..i + 1 });
                        break;
                    };
                    if bytes[close] == b'{' {
                        errors.push(TemplateError::Unclosed { at: i..i + 1 });
                        i = close;
                        continue;
                    }
                    let name = &src[i + 1..close];
                    let at = i..close + 1;
                    i = close + 1;
                    if name.trim().is_empty() {
                        errors.push(TemplateError::Empty { at });
                        continue;
                    }
                    let field = match ident::field_from_placeholder(name) {
                        Ok(field) => field,
                        Err(_) => {
                            errors.push(TemplateError::BadName {
                                at,
                                name: name.to_owned(),
                            });
                            continue;
                        }
                    };
                    let rest = &src[i..];
                    let particle = PARTICLE_SPELLINGS
                        .iter()
                        .find(|(spelling, _)| rest.starts_with(spelling))
                        .map(|&(spelling, kind)| Particle {
                            kind,
                            spelling: spelling.to_owned(),
                        });
                    if let Some(p) = &particle {
                        i += p.spelling.len();
                    } else if let Some(len) = undecided_particle_len(rest) {
                        errors.push(TemplateError::UnknownParticle {
                            at: i..i + len,
                            text: rest[..len].to_owned(),
                        });
                        i += len;
                    }
                    if !text.is_empty() {
                        segments.push(Segment::Text(std::mem::take(&mut text)));
                    }
                    segments.push(Segment::Hole {
                        name: name.to_owned(),
                        field,
                        particle,
                    });
                }
                _ => {
                    let next = src[i..].find(['{', '}']).map_or(src.len(), |p| p + i);
                    text.push_str(&src[i..next]);
                    i = next;
                }
            }
        }
        if !text.is_empty() {
            segments.push(Segment::Text(text));
        }
        if errors.is_empty() {
            Ok(Template { segments })
        } else {
            Err(errors)
        }
    }

    /// The fields this template fills, in order of first use, without repeats.
    pub fn fields(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<&str> = Vec::new();
        for seg in &self.segments {
            if let Segment::Hole { field, .. } = seg
                && seen.insert(field.as_str())
            {
                out.push(field);
            }
        }
        out
    }

    /// The message as a person reads it unfilled: braces unescaped, each placeholder as
    /// `{name}` and its particle as written.
    pub fn unfilled(&self) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            match seg {
                Segment::Text(t) => out.push_str(t),
                Segment::Hole { name, particle, .. } => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                    if let Some(p) = particle {
                        out.push_str(&p.spelling);
                    }
                }
            }
        }
        out
    }

    /// The message with each placeholder replaced by `fill(field)`, particles left undecided.
    pub fn fill_with(&self, mut fill: impl FnMut(&str) -> String) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            match seg {
                Segment::Text(t) => out.push_str(t),
                Segment::Hole {
                    field, particle, ..
                } => {
                    out.push_str(&fill(field));
                    if let Some(p) = particle {
                        out.push_str(&p.spelling);
                    }
                }
            }
        }
        out
    }

    /// True when the template has no placeholder.
    pub fn is_static(&self) -> bool {
        self.segments.iter().all(|s| matches!(s, Segment::Text(_)))
    }
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Length of an undecided-particle look-alike right at the start of `s`: one Hangul syllable
/// and a parenthesised one, in either order, possibly followed by more syllables (`이(나)`,
/// `(이)나`, `(이)라는`). Text like `장이(가)` (a counter word, then a particle) does not start
/// with that shape and is left alone.
fn undecided_particle_len(s: &str) -> Option<usize> {
    fn syllable(s: &str) -> usize {
        s.chars()
            .next()
            .filter(|&c| is_hangul_syllable(c))
            .map_or(0, char::len_utf8)
    }
    fn hangul_run(s: &str) -> usize {
        s.char_indices()
            .take_while(|&(i, c)| is_hangul_syllable(c) && i < 6)
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0)
    }
    fn paren(s: &str) -> Option<usize> {
        let inner = s.strip_prefix('(')?;
        let one = syllable(inner);
        (one > 0 && inner[one..].starts_with(')')).then_some(one + 2)
    }
    if let Some(p) = paren(s) {
        let run = hangul_run(&s[p..]);
        return (run > 0).then_some(p + run);
    }
    let one = syllable(s);
    if one > 0 {
        return paren(&s[one..]).map(|p| one + p);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hole(name: &str, field: &str, particle: Option<&str>) -> Segment {
        Segment::Hole {
            name: name.into(),
            field: field.into(),
            particle: particle.map(|s| Particle {
                kind: PARTICLE_SPELLINGS.iter().find(|p| p.0 == s).unwrap().1,
                spelling: s.into(),
            }),
        }
    }

    #[test]
    fn plain_text_is_one_segment() {
        let t = Template::parse("유효성 검증 실패").unwrap();
        assert_eq!(t.segments, vec![Segment::Text("유효성 검증 실패".into())]);
        assert!(t.is_static());
        assert_eq!(t.unfilled(), "유효성 검증 실패");
    }

    #[test]
    fn placeholders_and_escapes() {
        let t = Template::parse("은행코드({bankCode})와 {{x}} 매핑").unwrap();
        assert_eq!(
            t.segments,
            vec![
                Segment::Text("은행코드(".into()),
                hole("bankCode", "bank_code", None),
                Segment::Text(")와 {x} 매핑".into()),
            ]
        );
        assert_eq!(t.fields(), ["bank_code"]);
        assert_eq!(t.unfilled(), "은행코드({bankCode})와 {x} 매핑");
    }

    #[test]
    fn every_particle_spelling_attaches_to_its_placeholder() {
        for (spelling, kind) in PARTICLE_SPELLINGS {
            let t = Template::parse(&format!("{{x}}{spelling} 끝")).unwrap();
            match &t.segments[0] {
                Segment::Hole {
                    particle: Some(p), ..
                } => {
                    assert_eq!(p.kind, *kind);
                    assert_eq!(p.spelling, *spelling);
                }
                other => panic!("{spelling}: {other:?}"),
            }
            assert_eq!(t.segments[1], Segment::Text(" 끝".into()));
            assert_eq!(t.unfilled(), format!("{{x}}{spelling} 끝"));
        }
    }

    #[test]
    fn seed_004_messages_parse() {
        let t = Template::parse("{field}은(는) Null 일 수 없습니다.").unwrap();
        assert_eq!(t.segments[0], hole("field", "field", Some("은(는)")));
        assert_eq!(
            t.fill_with(|_| "id".into()),
            "id은(는) Null 일 수 없습니다."
        );
    }

    #[test]
    fn compound_endings_keep_their_tail_as_text() {
        for (src, spelling, tail) in [
            ("{x}(이)라는 수단", "(이)라", "는 수단"),
            ("{x}(이)든지 됩니다", "(이)든", "지 됩니다"),
            ("{x}(으)로서 쓸 수 없습니다", "(으)로", "서 쓸 수 없습니다"),
            ("{x}은(는)커녕", "은(는)", "커녕"),
            ("{x}(이)에요.", "(이)에요", "."),
            ("{x}아(야), 안녕", "아(야)", ", 안녕"),
        ] {
            let t = Template::parse(src).unwrap();
            assert_eq!(t.segments[0], hole("x", "x", Some(spelling)), "{src}");
            assert_eq!(t.segments[1], Segment::Text(tail.into()), "{src}");
        }
    }

    #[test]
    fn a_decided_particle_is_just_text() {
        let t = Template::parse("{x}는 안 됩니다").unwrap();
        assert_eq!(t.segments[0], hole("x", "x", None));
        assert_eq!(t.segments[1], Segment::Text("는 안 됩니다".into()));
    }

    #[test]
    fn every_problem_is_reported() {
        let errs = Template::parse("a } b {} c {bank code} d {x}(이)야 e {").unwrap_err();
        assert_eq!(
            errs,
            vec![
                TemplateError::Unopened { at: 2..3 },
                TemplateError::Empty { at: 6..8 },
                TemplateError::BadName {
                    at: 11..22,
                    name: "bank code".into()
                },
                TemplateError::UnknownParticle {
                    at: 28..36,
                    text: "(이)야".into()
                },
                TemplateError::Unclosed { at: 39..40 },
            ]
        );
    }

    #[test]
    fn an_unclosed_brace_before_another_placeholder() {
        let errs = Template::parse("{a {b}").unwrap_err();
        assert_eq!(errs, vec![TemplateError::Unclosed { at: 0..1 }]);
    }

    #[test]
    fn unknown_particle_shapes() {
        assert_eq!(undecided_particle_len("(이)나 x"), Some("(이)나".len()));
        assert_eq!(undecided_particle_len("이(나) x"), Some("이(나)".len()));
        assert_eq!(undecided_particle_len("이 (가)"), None);
        assert_eq!(undecided_particle_len("는 x"), None);
        assert_eq!(undecided_particle_len("(x)"), None);
        assert_eq!(undecided_particle_len("장이(가) 모두"), None);
        assert_eq!(undecided_particle_len("(이)라는 x"), Some("(이)라는".len()));
    }

    #[test]
    fn odd_text_is_literal() {
        let src = "\"quotes\" \\ back \t tab 🙂 \u{200F} */ \"#";
        let t = Template::parse(src).unwrap();
        assert_eq!(t.unfilled(), src);
    }
}
