//! Diagnostics: what is wrong in the spec, where, and how to fix it — in Korean and English.
//!
//! A [`Diagnostic`] carries both languages ([`Msg`]); the caller picks one when rendering.
//! Human rendering is rustc-style (`annotate-snippets`): the file, line and column, the
//! offending line with a caret, a label, and `help:` lines with the concrete fix.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

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
    /// Characters before each block of [`CHAR_BLOCK`] bytes, so that a column on a very long
    /// line costs at most one block's count.
    block_chars: Vec<usize>,
}

/// The block size of [`SourceFile`]'s character index.
const CHAR_BLOCK: usize = 4096;

/// Characters (UTF-8 lead bytes) in `bytes`.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl SourceFile {
    /// Indexes `text`.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut block_chars = vec![0];
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            let before = block_chars.last().copied().unwrap_or(0);
            block_chars.push(before + count_chars(block));
        }
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            block_chars,
        }
    }

    /// Characters before byte `offset` (at most the text's length).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        self.block_chars[block] + count_chars(&self.text.as_bytes()[block * CHAR_BLOCK..offset])
    }

    /// 0-based index of the line that holds byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Bytes of 0-based lines `first..=last`, line breaks included.
    fn lines_bytes(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.line_starts[first];
        let end = self
            .line_starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let col = if !self.text.is_char_boundary(offset) {
            offset - start
        } else if offset - start < CHAR_BLOCK {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
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
                .map(|l| (sources.get(l.file).path.as_str(), l.span.start))
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

/// How many diagnostics of one rule [`render_all`] shows per file; the rest are counted in a
/// closing note. The JSON output lists them all.
pub const MAX_PER_KIND: usize = 50;

/// The most source text handed to the renderer for one place. A span reaching further is
/// shown by its first line; a line longer than this by its location alone. Rendering a
/// diagnostic therefore costs the same in a file of ten lines and in one of a million.
const MAX_WINDOW: usize = 64 * 1024;

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

/// The source lines shown for some places of one file.
struct Window {
    file: FileId,
    /// 0-based lines, inclusive.
    first: usize,
    last: usize,
    /// (byte span in the file, primary?, label)
    marks: Vec<(Range<usize>, bool, Option<String>)>,
}

impl Window {
    /// The window for one place, or `None` when its line is too long to show.
    fn of(loc: &Loc, sources: &Sources, primary: bool, label: Option<&str>) -> Option<Window> {
        let f = sources.get(loc.file);
        let mut span = clamp(&loc.span, &f.text);
        let first = f.line_index(span.start);
        let mut last = f.line_index(span.end);
        if f.lines_bytes(first, last).len() > MAX_WINDOW {
            last = first;
            span.end = span.end.min(f.lines_bytes(first, first).end);
        }
        if f.lines_bytes(first, last).len() > MAX_WINDOW {
            return None;
        }
        Some(Window {
            file: loc.file,
            first,
            last,
            marks: vec![(span, primary, label.map(str::to_owned))],
        })
    }

    /// Takes `other` in when both are of one file and together stay small.
    fn merge(&mut self, other: Window, sources: &Sources) -> Result<(), Window> {
        let (first, last) = (self.first.min(other.first), self.last.max(other.last));
        let f = sources.get(self.file);
        if other.file != self.file || f.lines_bytes(first, last).len() > MAX_WINDOW {
            return Err(other);
        }
        (self.first, self.last) = (first, last);
        self.marks.extend(other.marks);
        Ok(())
    }

    fn snippet<'a>(
        &'a self,
        sources: &'a Sources,
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let f = sources.get(self.file);
        let bytes = f.lines_bytes(self.first, self.last);
        let mut snippet = Snippet::source(&f.text[bytes.clone()])
            .line_start(self.first + 1)
            .path(f.path.as_str());
        for (span, primary, label) in &self.marks {
            let kind = if *primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let rel = span.start - bytes.start..span.end.min(bytes.end) - bytes.start;
            snippet = snippet.annotation(kind.span(rel).label(label.as_deref()));
        }
        snippet
    }
}

/// `path:line:col` alone, for a place whose line is too long to show.
fn origin<'a>(loc: &Loc, sources: &'a Sources) -> Origin<'a> {
    let f = sources.get(loc.file);
    let (line, col) = f.line_col(loc.span.start);
    Origin::path(f.path.as_str()).line(line).char_column(col)
}

/// The levels of a diagnostic's title, help and notes, named in `lang`.
fn levels(severity: Severity, lang: Lang) -> (Level<'static>, Level<'static>, Level<'static>) {
    match lang {
        Lang::Ko => (
            match severity {
                Severity::Error => Level::ERROR.with_name("오류"),
                Severity::Warning => Level::WARNING.with_name("경고"),
            },
            Level::HELP.with_name("도움말"),
            Level::NOTE.with_name("참고"),
        ),
        Lang::En => (
            match severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            },
            Level::HELP,
            Level::NOTE,
        ),
    }
}

/// Renders one diagnostic rustc-style. Only the lines around its places reach the renderer.
pub fn render(d: &Diagnostic, sources: &Sources, opts: RenderOptions) -> String {
    let lang = opts.lang;
    let (level, help_level, note_level) = levels(d.severity, lang);
    let title = level.primary_title(d.title.get(lang)).id(d.rule.id());
    // The primary place's window takes in the related places of its file that fit.
    let mut windows: Vec<Result<Window, &Loc>> = Vec::new();
    if let Some(loc) = &d.primary {
        let label = d.label.as_ref().map(|l| l.get(lang));
        windows.push(Window::of(loc, sources, true, label).ok_or(loc));
    }
    for (rel, label) in &d.related {
        let w = Window::of(rel, sources, false, Some(label.get(lang))).ok_or(rel);
        match (windows.first_mut(), w) {
            (Some(Ok(primary)), Ok(w)) => {
                if let Err(w) = primary.merge(w, sources) {
                    windows.push(Ok(w));
                }
            }
            (_, w) => windows.push(w),
        }
    }
    let mut g = Group::with_title(title);
    for w in &windows {
        g = match w {
            Ok(w) => g.element(w.snippet(sources)),
            Err(loc) => g.element(origin(loc, sources)),
        };
    }
    for h in &d.help {
        g = g.element(help_level.clone().message(h.get(lang)));
    }
    for n in &d.notes {
        g = g.element(note_level.clone().message(n.get(lang)));
    }
    renderer(opts).render(&[g])
}

fn renderer(opts: RenderOptions) -> Renderer {
    if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// Renders every diagnostic, separated by blank lines, showing at most [`MAX_PER_KIND`] of
/// one rule per file and saying how many more there were.
pub fn render_all(diags: &[Diagnostic], sources: &Sources, opts: RenderOptions) -> String {
    render_capped(diags, sources, opts, MAX_PER_KIND)
}

/// [`render_all`] with another cap (`usize::MAX`: none).
pub fn render_capped(
    diags: &[Diagnostic],
    sources: &Sources,
    opts: RenderOptions,
    cap: usize,
) -> String {
    let (shown, left_out) = cap_per_kind(diags, cap);
    let mut out = String::new();
    for d in shown {
        out.push_str(&render(d, sources, opts));
        out.push_str("\n\n");
    }
    for o in &left_out {
        out.push_str(&render_left_out(o, sources, opts, cap));
        out.push_str("\n\n");
    }
    out
}

/// Diagnostics of one rule in one file that [`render_all`] did not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The file (`None`: problems of the whole directory).
    pub file: Option<FileId>,
    /// The rule.
    pub rule: Rule,
    /// How many were not shown.
    pub count: usize,
}

/// The diagnostics to show (at most `cap` per file and rule, in order) and what was left out,
/// by file and rule.
pub fn cap_per_kind(diags: &[Diagnostic], cap: usize) -> (Vec<&Diagnostic>, Vec<LeftOut>) {
    let mut seen: std::collections::BTreeMap<(Option<FileId>, Rule), usize> = Default::default();
    let mut shown = Vec::new();
    for d in diags {
        let n = seen
            .entry((d.primary.as_ref().map(|l| l.file), d.rule))
            .or_default();
        *n += 1;
        if *n <= cap {
            shown.push(d);
        }
    }
    let left_out = seen
        .into_iter()
        .filter(|&(_, n)| n > cap)
        .map(|((file, rule), n)| LeftOut {
            file,
            rule,
            count: n - cap,
        })
        .collect();
    (shown, left_out)
}

/// `note: 12345 more E001 problems in error-spec/x.toml not shown …`
fn render_left_out(o: &LeftOut, sources: &Sources, opts: RenderOptions, cap: usize) -> String {
    let (_, _, note) = levels(Severity::Error, opts.lang);
    let (id, slug) = (o.rule.id(), o.rule.slug());
    let text = match (opts.lang, o.file) {
        (Lang::Ko, Some(f)) => format!(
            "{}의 {id}({slug}) 문제 {}개는 더 보여 주지 않았습니다. 같은 종류는 파일마다 처음 {cap}개만 보여 줍니다 (모두 보려면 --format json)",
            sources.get(f).path,
            o.count
        ),
        (Lang::Ko, None) => format!(
            "{id}({slug}) 문제 {}개는 더 보여 주지 않았습니다. 같은 종류는 처음 {cap}개만 보여 줍니다 (모두 보려면 --format json)",
            o.count
        ),
        (Lang::En, Some(f)) => format!(
            "{} more {id} ({slug}) problem{} in {} not shown: the first {cap} of a kind per file are (--format json lists them all)",
            o.count,
            if o.count == 1 { "" } else { "s" },
            sources.get(f).path
        ),
        (Lang::En, None) => format!(
            "{} more {id} ({slug}) problem{} not shown: the first {cap} of a kind are (--format json lists them all)",
            o.count,
            if o.count == 1 { "" } else { "s" }
        ),
    };
    renderer(opts).render(&[Group::with_title(note.primary_title(text))])
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

/// The longest word (in characters) "did you mean" looks for: nothing longer is a typo of a
/// key or a code, and the edit distance of long words costs too much to try.
pub const SUGGEST_MAX_CHARS: usize = 128;

/// The most edit-distance cells one [`did_you_mean`] call computes. Beyond it (tens of
/// thousands of candidates of about the word's length) the best found so far is the answer:
/// thousands of unknown references never cost thousands of full scans.
const SUGGEST_WORK: usize = 1 << 18;

/// The closest of `candidates` to `word`, if close enough to be a likely typo: at most a
/// third of the longer one's characters apart (at least one), case ignored; the first of
/// equally close ones.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_chars = word.chars().count();
    if word_chars > SUGGEST_MAX_CHARS {
        return None;
    }
    let w: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut c: Vec<char> = Vec::new();
    let mut best: Option<(usize, &str)> = None;
    let mut work = 0;
    for cand in candidates {
        // A candidate so much longer or shorter than the word cannot be close: decided from
        // its byte length when both are ASCII, before looking at its characters.
        let ascii = cand.is_ascii() && word.is_ascii();
        if ascii && cand.len().abs_diff(word.len()) > (cand.len().max(word.len()) / 3).max(1) {
            continue;
        }
        let len = cand.chars().count().max(word_chars);
        if len == 0 {
            continue;
        }
        let mut bound = (len / 3).max(1).min(len.saturating_sub(1));
        if let Some((d, _)) = best {
            // Only a strictly closer one can replace the best.
            match d.checked_sub(1) {
                Some(b) => bound = bound.min(b),
                None => break,
            }
        }
        c.clear();
        c.extend(cand.chars().flat_map(char::to_lowercase));
        if c.len().abs_diff(w.len()) > bound {
            continue;
        }
        work += (2 * bound + 1) * w.len().max(1);
        if let Some(d) = distance_within(&w, &c, bound) {
            best = Some((d, cand));
        }
        if work > SUGGEST_WORK {
            break;
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance with adjacent transpositions, over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, a.len().max(b.len())).unwrap_or(usize::MAX)
}

/// [`edit_distance`] when it is at most `max`, else `None`; costs about `len × (2·max + 1)`,
/// never `len²`.
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    // A char is 1 to 4 bytes: lengths this far apart are more than `max` chars apart.
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() / 4 > short.len() + max {
        return None;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, max)
}

/// The distance of `a` and `b` (Levenshtein with adjacent transpositions) when at most `max`:
/// only the diagonal band of width `2·max + 1` is computed, and a row whose cells all exceed
/// `max` ends the search.
fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let inf = max + 1;
    let width = b.len() + 1;
    let mut prev2 = vec![inf; width];
    let mut prev: Vec<usize> = (0..width).map(|j| j.min(inf)).collect();
    let mut cur = vec![inf; width];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        // Only the band and one cell either side are ever read (see the loop's reads).
        for v in &mut cur[lo - 1..=(hi + 1).min(b.len())] {
            *v = inf;
        }
        if lo == 1 {
            cur[0] = i.min(inf);
        }
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v.min(inf);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
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
        // Columns on a line longer than a block of the character index.
        let long = format!("x\n{}", "한".repeat(10_000));
        let f = SourceFile::new("a.toml", long.as_str());
        assert_eq!(f.line_col(2 + 3 * 9_999), (2, 10_000));
        assert_eq!(f.line_col(2 + 3 * 1_500 + 1), (2, 3 * 1_500 + 2));
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
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "kitten",
            "sitting",
            "message",
            "mesage",
            "NOT_FOUND_PAYMENT",
            "NOT_FUOND_PAYMNET",
            "EBP-C-0004",
            "EBP-C-0040",
            "결제",
            "결재",
        ];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                for max in 0..8 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(edit_distance_within(a, b, max), want, "{a:?} {b:?} {max}");
                }
            }
        }
    }

    #[test]
    fn did_you_mean_is_bounded_by_length_and_work() {
        let long = "x".repeat(SUGGEST_MAX_CHARS + 1);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
        assert_eq!(did_you_mean("", [""]), None);
        // Many candidates: the first closest one still wins while the work lasts.
        let many: Vec<String> = (0..20_000).map(|i| format!("CODE_{i:05}")).collect();
        assert_eq!(
            did_you_mean("CODE_0001x", many.iter().map(String::as_str)),
            Some("CODE_00010")
        );
        assert_eq!(edit_distance_within(&"a".repeat(1_000_000), "abc", 3), None);
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
