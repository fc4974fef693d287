//! Diagnostics: what is wrong in the spec, where, and how to fix it — in Korean and English.
//!
//! A [`Diagnostic`] carries both languages ([`Msg`]); the caller picks one when rendering.
//! Human rendering is rustc-style (`annotate-snippets`): the file, line and column, the
//! offending line with a caret, a label, and `help:` lines with the concrete fix.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// The language diagnostics (and other staff-facing output) are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Korean, the default.
    #[default]
    Ko,
    /// English.
    En,
}

impl Lang {
    /// `ko`/`en` (also `ko-KR`, `en_US.UTF-8` …).
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ko" | "kr" | "kor" => Some(Lang::Ko),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// English when `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set) says `en_*`; Korean
    /// otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    /// Korean.
    pub ko: String,
    /// English.
    pub en: String,
}

impl Msg {
    /// Both languages; the Korean one with its particles decided where the word before them
    /// allows ([`crate::korean`]).
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            ko: crate::korean::resolve_particles(&ko.into()),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Generation refuses the spec.
    Error,
    /// Generation goes on (with a fallback); `check --strict` refuses it.
    Warning,
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub usize);

/// A place in a spec file: byte range of the source text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    /// The file.
    pub file: FileId,
    /// Byte range in the file's text.
    pub span: Range<usize>,
}

/// One spec file's text, with a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to people (`error-spec/ebp.toml`).
    pub path: String,
    /// The whole text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Indexes `text`.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line + 1, col)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// All spec files of a run.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile::new(path, text));
        FileId(self.files.len() - 1)
    }

    /// A file by id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// Every file with its id.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }
}

pub use crate::rules::Rule;

/// One problem in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Which rule.
    pub rule: Rule,
    /// Error or warning (from the rule).
    pub severity: Severity,
    /// What is wrong, in the editor's words.
    pub title: Msg,
    /// Where; `None` for problems of the whole spec directory.
    pub primary: Option<Loc>,
    /// The short text under the caret.
    pub label: Option<Msg>,
    /// Other places that matter (the first definition of a duplicate …).
    pub related: Vec<(Loc, Msg)>,
    /// How to fix it.
    pub help: Vec<Msg>,
    /// Background.
    pub notes: Vec<Msg>,
}

impl Diagnostic {
    /// A problem of `rule` at `primary`.
    pub fn new(rule: Rule, primary: Option<Loc>, title: Msg) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.severity(),
            title,
            primary,
            label: None,
            related: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the caret label.
    pub fn label(mut self, label: Msg) -> Diagnostic {
        self.label = Some(label);
        self
    }

    /// Adds a `help:` line.
    pub fn help(mut self, help: Msg) -> Diagnostic {
        self.help.push(help);
        self
    }

    /// Adds a `note:` line.
    pub fn note(mut self, note: Msg) -> Diagnostic {
        self.notes.push(note);
        self
    }

    /// Adds a related place.
    pub fn related(mut self, loc: Loc, label: Msg) -> Diagnostic {
        self.related.push((loc, label));
        self
    }

    /// Is this an error (not a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` of the primary place (the directory-level problems give only the path).
    pub fn location(&self, sources: &Sources) -> Option<(String, usize, usize)> {
        let loc = self.primary.as_ref()?;
        let file = sources.get(loc.file);
        let (line, col) = file.line_col(loc.span.start);
        Some((file.path.clone(), line, col))
    }
}

/// Sorts diagnostics by file, then position, errors before warnings at the same place.
pub fn sort(diags: &mut [Diagnostic], sources: &Sources) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.primary
                .as_ref()
                .map(|l| (sources.get(l.file).path.clone(), l.span.start))
        };
        key(a)
            .cmp(&key(b))
            .then(a.severity.cmp(&b.severity))
            .then(a.rule.cmp(&b.rule))
    });
}

/// How to render diagnostics for people.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// The language.
    pub lang: Lang,
    /// ANSI colours.
    pub color: bool,
}

fn clamp(span: &Range<usize>, text: &str) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Renders one diagnostic rustc-style.
pub fn render(d: &Diagnostic, sources: &Sources, opts: RenderOptions) -> String {
    let lang = opts.lang;
    let (level, help_level, note_level) = match lang {
        Lang::Ko => (
            match d.severity {
                Severity::Error => Level::ERROR.with_name("오류"),
                Severity::Warning => Level::WARNING.with_name("경고"),
            },
            Level::HELP.with_name("도움말"),
            Level::NOTE.with_name("참고"),
        ),
        Lang::En => (
            match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            },
            Level::HELP,
            Level::NOTE,
        ),
    };
    let title = level.primary_title(d.title.get(lang)).id(d.rule.id());
    let mut g = match &d.primary {
        None => Group::with_title(title),
        Some(loc) => {
            let file = sources.get(loc.file);
            let mut snippet = Snippet::source(file.text.as_str())
                .path(file.path.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(clamp(&loc.span, &file.text))
                        .label(d.label.as_ref().map(|l| l.get(lang))),
                );
            let mut elsewhere = Vec::new();
            for (rel, label) in &d.related {
                let ann = AnnotationKind::Context
                    .span(clamp(&rel.span, &sources.get(rel.file).text))
                    .label(label.get(lang));
                if rel.file == loc.file {
                    snippet = snippet.annotation(ann);
                } else {
                    elsewhere.push((rel.file, ann));
                }
            }
            let mut g = title.element(snippet);
            for (file, ann) in elsewhere {
                let f = sources.get(file);
                g = g.element(
                    Snippet::source(f.text.as_str())
                        .path(f.path.as_str())
                        .annotation(ann),
                );
            }
            g
        }
    };
    for h in &d.help {
        g = g.element(help_level.clone().message(h.get(lang)));
    }
    for n in &d.notes {
        g = g.element(note_level.clone().message(n.get(lang)));
    }
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[g])
}

/// Renders every diagnostic, separated by blank lines.
pub fn render_all(diags: &[Diagnostic], sources: &Sources, opts: RenderOptions) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&render(d, sources, opts));
        out.push_str("\n\n");
    }
    out
}

/// Counts of errors and warnings, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Counts {
    /// Counts `diags`.
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        Counts {
            errors,
            warnings: diags.len() - errors,
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error(s), {} warning(s)", self.errors, self.warnings)
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| {
            let len = c.chars().count().max(word.chars().count());
            d <= (len / 3).max(1) && d < len
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance with adjacent transpositions, over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("a.toml", "ab\n한글 = 1\n\nx");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(3 + "한글 ".len()), (2, 4));
        assert_eq!(f.line_col(f.text.len()), (4, 2));
        assert_eq!(f.line_col(10_000), (4, 2));
        assert_eq!(f.line_text(2), "한글 = 1");
        assert_eq!(f.line_text(9), "");
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        let keys = ["message", "status", "category", "explanation", "action"];
        assert_eq!(did_you_mean("mesage", keys), Some("message"));
        assert_eq!(did_you_mean("stauts", keys), Some("status"));
        assert_eq!(did_you_mean("Category", keys), Some("category"));
        assert_eq!(did_you_mean("zzz", keys), None);
        assert_eq!(did_you_mean("a", ["b"]), None);
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("abc", "acb"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn lang_from_locale_strings() {
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::parse("C.UTF-8"), None);
    }

    #[test]
    fn renders_file_line_col_and_help_in_both_languages() {
        let mut sources = Sources::default();
        let file = sources.add("error-spec/ebp.toml", "[errors.X]\nmesage.ko = \"x\"\n");
        let d = Diagnostic::new(
            Rule::UnknownKey,
            Some(Loc { file, span: 11..17 }),
            Msg::new("알 수 없는 키 `mesage`", "unknown key `mesage`"),
        )
        .label(Msg::new("이런 키는 없습니다", "no such key"))
        .help(Msg::new(
            "`message`를 쓰려던 것인가요?",
            "did you mean `message`?",
        ));
        let ko = render(
            &d,
            &sources,
            RenderOptions {
                lang: Lang::Ko,
                color: false,
            },
        );
        assert!(ko.contains("오류[E002]: 알 수 없는 키 `mesage`"), "{ko}");
        assert!(ko.contains("error-spec/ebp.toml:2:1"), "{ko}");
        assert!(ko.contains("mesage.ko = \"x\""), "{ko}");
        assert!(ko.contains("도움말: `message`를 쓰려던 것인가요?"), "{ko}");
        let en = render(
            &d,
            &sources,
            RenderOptions {
                lang: Lang::En,
                color: false,
            },
        );
        assert!(en.contains("error[E002]: unknown key `mesage`"), "{en}");
        assert!(en.contains("help: did you mean `message`?"), "{en}");
    }
}
