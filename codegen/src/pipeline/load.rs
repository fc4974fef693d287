//! Files → raw spec: syntax and shape only, every problem collected.
//!
//! Each file is parsed with toml's recoverable parser, so one syntax error does not hide the
//! rest. Each section and each entry (`[errors."X"]`) is then deserialized on its own; when
//! serde rejects a key (unknown, or of the wrong type) the loader reports it, drops that key and
//! tries again, so every bad key of an entry is reported in one run.

use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, FileId, Lang, Loc, Msg, Rule, Sources, did_you_mean};
use crate::raw::{
    RawCatalog, RawCatalogFile, RawCategory, RawDetail, RawDomain, RawDomainFile, RawEnvelope,
    RawError, RawOperation, S, field_names,
};

/// A deserialized table with where it came from.
#[derive(Debug)]
pub struct Entry<T> {
    /// The key (`EBP-C-0004`, `C`, `domain`) and its span.
    pub key: S<String>,
    /// Span of the whole value (for inline tables) or of the key (for `[headers]`).
    pub span: Range<usize>,
    /// The entry; keys that were reported and dropped are `None` in it.
    pub value: T,
    /// Top-level keys of the entry that were reported and dropped, so that the validator does
    /// not also call them missing.
    pub dropped: Vec<String>,
}

impl<T> Entry<T> {
    /// Was key `k` present but reported by the loader?
    pub fn was_dropped(&self, k: &str) -> bool {
        self.dropped.iter().any(|d| d == k)
    }
}

/// `catalog.toml`, loaded.
#[derive(Debug)]
pub struct LoadedCatalog {
    /// Its file.
    pub file: FileId,
    /// `[catalog]`, if present and a table.
    pub catalog: Option<Entry<RawCatalog>>,
}

/// One domain file, loaded.
#[derive(Debug)]
pub struct LoadedDomain {
    /// Its file.
    pub file: FileId,
    /// The file stem: the domain id.
    pub id: String,
    /// `[domain]`
    pub domain: Option<Entry<RawDomain>>,
    /// `[categories.*]`, in file order.
    pub categories: Vec<Entry<RawCategory>>,
    /// `[operations.*]`, in file order.
    pub operations: Vec<Entry<RawOperation>>,
    /// `[errors.*]`, in file order.
    pub errors: Vec<Entry<RawError>>,
    /// `[envelope]`
    pub envelope: Option<Entry<RawEnvelope>>,
    /// `[details.*]`, in file order.
    pub details: Vec<Entry<RawDetail>>,
    /// `[maps.<our domain>]`, in file order.
    pub maps: Vec<Entry<crate::raw::RawMap>>,
}

/// The whole spec directory, loaded.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every file read.
    pub sources: Sources,
    /// The directory as shown to people.
    pub dir: String,
    /// `catalog.toml`, if there is one.
    pub catalog: Option<LoadedCatalog>,
    /// The domain files, sorted by id.
    pub domains: Vec<LoadedDomain>,
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// The directory cannot be read at all (as opposed to problems in what it holds).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory is missing or unreadable.
    #[error("cannot read spec directory `{dir}`: {source}")]
    Dir {
        /// The directory.
        dir: String,
        /// Why.
        source: io::Error,
    },
    /// A file in it cannot be read.
    #[error("cannot read `{path}`: {source}")]
    File {
        /// The file.
        path: String,
        /// Why.
        source: io::Error,
    },
}

impl LoadError {
    /// What went wrong, in `lang`, for people (`Display` is the English text).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Dir { dir, source }, Lang::Ko) => {
                crate::korean::resolve_particles(&format!(
                    "스펙 폴더 `{dir}`을(를) 읽을 수 없습니다: {}",
                    io_reason(source, lang)
                ))
            }
            (LoadError::File { path, source }, Lang::Ko) => format!(
                "`{path}` 파일을 읽을 수 없습니다: {}",
                io_reason(source, lang)
            ),
            (_, Lang::En) => self.to_string(),
        }
    }
}

/// Why an I/O operation failed, in `lang`: in Korean where the kind is a common one, else in
/// the system's own words.
pub fn io_reason(e: &io::Error, lang: Lang) -> String {
    let ko = match e.kind() {
        io::ErrorKind::NotFound => "그런 폴더나 파일이 없습니다",
        io::ErrorKind::PermissionDenied => "권한이 없습니다",
        io::ErrorKind::NotADirectory => "폴더가 아닙니다",
        io::ErrorKind::IsADirectory => "파일이 아니라 폴더입니다",
        io::ErrorKind::StorageFull => "디스크에 빈 공간이 없습니다",
        io::ErrorKind::ReadOnlyFilesystem => "읽기 전용 파일 시스템입니다",
        _ => return e.to_string(),
    };
    match lang {
        Lang::Ko => ko.to_owned(),
        Lang::En => e.to_string(),
    }
}

/// The name of the catalog-wide file.
pub const CATALOG_FILE: &str = "catalog.toml";

/// The largest spec file read, in bytes. The largest real provider catalogs we know hold
/// about 500 codes, under 1 MiB even with an explanation for every code; 8 MiB leaves a wide
/// margin for growth while keeping a file of garbage from taking gigabytes of memory (the
/// TOML parser needs about a hundred times a file's size). error-spec/README.md says the same.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Why a `*.toml` entry of the spec directory could not be read.
#[derive(Debug)]
enum FileProblem {
    /// Larger than [`MAX_FILE_BYTES`] (its size).
    TooLarge(u64),
    /// A directory named `*.toml`.
    Directory,
    /// A FIFO, a device, a socket.
    NotRegular,
    /// A symbolic link that points at itself, directly or not.
    LinkLoop,
    /// A symbolic link to nothing.
    Dangling,
    /// Any other I/O error (permission denied …).
    Io(io::Error),
}

/// Reads every `*.toml` file of `dir` (not recursively) and loads them. A file that cannot be
/// read is a diagnostic, never skipped in silence; only a directory that cannot be listed is
/// an `Err`.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let shown = dir.display().to_string();
    let dir_err = |source| LoadError::Dir {
        dir: shown.clone(),
        source,
    };
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(dir_err)? {
        let path = entry.map_err(dir_err)?.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match read_spec_file(&path) {
            Ok(bytes) => files.push((name, bytes)),
            Err(problem) => unreadable.push((name, problem)),
        }
    }
    let mut loaded = load_files(&shown, files);
    unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, problem) in unreadable {
        let path = shown_path(&shown, &name);
        let (title, help) = problem.describe(&name);
        loaded.unreadable(path, title, help);
    }
    Ok(loaded)
}

/// The bytes of one spec file, reading at most [`MAX_FILE_BYTES`] and one more.
fn read_spec_file(path: &Path) -> Result<Vec<u8>, FileProblem> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| link_problem(path, e))?;
    if meta.is_dir() {
        return Err(FileProblem::Directory);
    }
    if !meta.is_file() {
        return Err(FileProblem::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(FileProblem::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| link_problem(path, e))?;
    Ok(bytes)
}

/// What an error opening `path` means, telling broken symbolic links apart.
fn link_problem(path: &Path, e: io::Error) -> FileProblem {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    // ELOOP: 40 on Linux, 62 on the BSDs and macOS.
    match (is_link, e.kind(), e.raw_os_error()) {
        (true, io::ErrorKind::NotFound, _) => FileProblem::Dangling,
        (true, _, Some(40 | 62)) => FileProblem::LinkLoop,
        _ => FileProblem::Io(e),
    }
}

impl FileProblem {
    /// (what is wrong, how to fix it) for file `name`.
    fn describe(&self, name: &str) -> (Msg, Msg) {
        match self {
            FileProblem::TooLarge(size) => too_large(*size),
            FileProblem::Directory => (
                Msg::new(
                    format!("`{name}`은(는) 파일이 아니라 폴더입니다"),
                    format!("`{name}` is a directory, not a file"),
                ),
                Msg::new(
                    "폴더 이름이 .toml로 끝나지 않게 바꾸거나 스펙 폴더 밖으로 옮기세요",
                    "rename the directory so that its name does not end in .toml, or move it out of the spec directory",
                ),
            ),
            FileProblem::NotRegular => (
                Msg::new(
                    format!("`{name}`은(는) 보통 파일이 아닙니다 (장치, 파이프 등)"),
                    format!("`{name}` is not a regular file (a device, a pipe …)"),
                ),
                Msg::new(
                    "스펙 폴더에는 보통 TOML 파일만 둡니다",
                    "keep only regular TOML files in the spec directory",
                ),
            ),
            FileProblem::LinkLoop => (
                Msg::new(
                    format!(
                        "`{name}`은(는) 자기 자신을 가리키는(순환하는) 심볼릭 링크라 읽을 수 없습니다"
                    ),
                    format!("`{name}` is a symbolic link that loops back on itself"),
                ),
                Msg::new(
                    "링크가 실제 파일을 가리키게 고치거나, 링크를 지우고 파일을 두세요",
                    "point the link at a real file, or replace it with the file",
                ),
            ),
            FileProblem::Dangling => (
                Msg::new(
                    format!("`{name}`은(는) 없는 파일을 가리키는 심볼릭 링크입니다"),
                    format!("`{name}` is a symbolic link to a file that does not exist"),
                ),
                Msg::new(
                    "링크가 실제 파일을 가리키게 고치거나 링크를 지우세요",
                    "point the link at a real file, or delete it",
                ),
            ),
            FileProblem::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => (
                Msg::new(
                    format!("`{name}`을(를) 읽을 권한이 없습니다"),
                    format!("permission denied reading `{name}`"),
                ),
                Msg::new(
                    format!("읽기 권한을 주세요 (예: chmod a+r {name})"),
                    format!("make it readable (chmod a+r {name})"),
                ),
            ),
            FileProblem::Io(e) => (
                Msg::new(
                    format!("`{name}`을(를) 읽을 수 없습니다: {e}"),
                    format!("cannot read `{name}`: {e}"),
                ),
                Msg::new(
                    "파일이 있는지, 읽을 수 있는지 확인하세요",
                    "check that the file exists and can be read",
                ),
            ),
        }
    }
}

/// The diagnostic of a file over [`MAX_FILE_BYTES`].
fn too_large(size: u64) -> (Msg, Msg) {
    let mib = MAX_FILE_BYTES / (1024 * 1024);
    (
        Msg::new(
            format!("파일이 너무 큽니다: {size}바이트 (파일 하나는 {mib} MiB까지)"),
            format!("the file is too large: {size} bytes (the limit is {mib} MiB per file)"),
        ),
        Msg::new(
            "가장 큰 실제 카탈로그도 1 MiB가 안 됩니다. 실수로 붙여 넣은 내용이 없는지 확인하세요 (한도의 이유: error-spec/README.md)",
            "the largest real catalogs are under 1 MiB: check that nothing was pasted by mistake (why the limit: error-spec/README.md)",
        ),
    )
}

/// `dir/name` as shown to people (`name` alone for the current directory).
fn shown_path(dir: &str, name: &str) -> String {
    if dir.is_empty() || dir == "." {
        name.to_owned()
    } else {
        format!("{}/{name}", dir.trim_end_matches('/'))
    }
}

impl Loaded {
    /// Reports a file that could not be read (it gets an empty text, so that the diagnostic
    /// has a file to point at).
    fn unreadable(&mut self, path: String, title: Msg, help: Msg) {
        let file = self.sources.add(path, String::new());
        self.diagnostics
            .push(Diagnostic::new(Rule::Unreadable, loc(file, 0..0), title).help(help));
    }
}

/// Loads files held in memory, given as (path, text) pairs: the language server's entry point,
/// where open editor buffers stand in for what is on disk. Each path's file name is used (the
/// files of one spec directory, `dir`); everything else is [`load_files`].
pub fn load_texts(dir: &str, files: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let files = files
        .into_iter()
        .map(|(path, text)| {
            let name = Path::new(&path)
                .file_name()
                .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            (name, text.into_bytes())
        })
        .collect();
    load_files(dir, files)
}

/// Loads files given as (file name, bytes); pure, for tests and property tests.
pub fn load_files(dir: &str, mut files: Vec<(String, Vec<u8>)>) -> Loaded {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Loaded {
        dir: dir.to_owned(),
        ..Loaded::default()
    };
    for (name, bytes) in files {
        let path = shown_path(dir, &name);
        if bytes.len() > MAX_FILE_BYTES {
            let (title, help) = too_large(bytes.len() as u64);
            out.unreadable(path, title, help);
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                not_utf8(&mut out, path, e);
                continue;
            }
        };
        let file = out.sources.add(path, text.clone());
        let mut diags = Vec::new();
        let (table, first_error) = parse(file, &text, &mut diags);
        let ctx = FileCtx {
            file,
            name: &name,
            first_error,
        };
        if name == CATALOG_FILE {
            let catalog = load_catalog(&ctx, table, &mut diags);
            out.catalog = Some(catalog);
        } else {
            let id = name.trim_end_matches(".toml").to_owned();
            out.domains.push(load_domain(&ctx, id, table, &mut diags));
        }
        out.diagnostics.append(&mut diags);
    }
    out
}

/// Reports a file that is not UTF-8, at its first bad byte.
fn not_utf8(out: &mut Loaded, path: String, e: std::string::FromUtf8Error) {
    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
    let at = e.utf8_error().valid_up_to();
    let file = out.sources.add(path, lossy);
    out.diagnostics.push(
        Diagnostic::new(
            Rule::Unreadable,
            loc(file, at..at + 1),
            Msg::new(
                "UTF-8로 읽을 수 없는 파일입니다",
                "the file is not UTF-8 text",
            ),
        )
        .help(Msg::new(
            "편집기에서 인코딩을 UTF-8로 바꿔 저장하세요",
            "save the file as UTF-8 in your editor",
        )),
    );
}

/// Parses a file, reporting syntax errors. Returns the recovered table and the position of the
/// first syntax error, after which unknown top-level keys are cascades of that error.
fn parse<'i>(file: FileId, text: &'i str, diags: &mut Vec<Diagnostic>) -> (DeTable<'i>, usize) {
    let (table, errors) = DeTable::parse_recoverable(text);
    let table = table.into_inner();
    let mut first_error = usize::MAX;
    let is_dup = |e: &toml::de::Error| e.message().trim().starts_with("duplicate key");
    // A table defined twice also repeats its keys; the table's diagnostic says it all.
    let mut duplicated: Vec<Range<usize>> = errors
        .iter()
        .filter(|e| is_dup(e))
        .filter_map(|e| table_body_after_header(text, e.span()?.start))
        .collect();
    // Table bodies do not overlap: sorted, a binary search finds the one holding a position.
    duplicated.sort_by_key(|r| (r.start, r.end));
    duplicated.dedup();
    let in_duplicated = |pos: usize| {
        let i = duplicated.partition_point(|r| r.start <= pos);
        i > 0 && duplicated[i - 1].contains(&pos)
    };
    let index = errors.iter().any(is_dup).then(|| DupIndex::new(text));
    for e in &errors {
        let start = e.span().map_or(0, |s| s.start);
        if is_dup(e) {
            if in_duplicated(start) {
                continue;
            }
        } else {
            first_error = first_error.min(start);
        }
        diags.push(syntax_diagnostic(file, text, e, index.as_ref()));
    }
    (table, first_error)
}

/// When byte `pos` is on a `[table]` header line: the bytes after that line up to the next
/// header (the table's keys).
fn table_body_after_header(text: &str, pos: usize) -> Option<Range<usize>> {
    let pos = pos.min(text.len());
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i + 1);
    header_path(&text[line_start..line_end])?;
    let mut end = line_end;
    for l in text[line_end..].split_inclusive('\n') {
        if header_path(l).is_some() || l.trim_start().starts_with("[[") {
            break;
        }
        end += l.len();
    }
    Some(line_end..end)
}

fn loc(file: FileId, span: Range<usize>) -> Option<Loc> {
    Some(Loc { file, span })
}

fn syntax_diagnostic(
    file: FileId,
    text: &str,
    e: &toml::de::Error,
    index: Option<&DupIndex>,
) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let raw = e.message().trim().to_owned();
    if raw.starts_with("duplicate key") {
        let key = unquote(text.get(span.clone()).unwrap_or_default());
        let first = index.and_then(|i| i.first_definition(text, &span));
        let is_code = first
            .as_ref()
            .is_some_and(|(path, _)| path.len() == 2 && path[0] == "errors");
        let mut d = if is_code {
            Diagnostic::new(
                Rule::DuplicateCode,
                loc(file, span),
                Msg::new(
                    format!("코드 `{key}`을(를) 두 번 정의했습니다"),
                    format!("code `{key}` is defined twice"),
                ),
            )
            .label(Msg::new("두 번째 정의", "second definition"))
            .help(Msg::new(
                "코드는 도메인 안에서 한 번만 정의합니다. 두 정의를 하나로 합치거나, 새 에러라면 새 코드를 쓰세요",
                "a code is defined once per domain: merge the two, or give the new error a new code",
            ))
        } else {
            Diagnostic::new(
                Rule::TomlSyntax,
                loc(file, span),
                Msg::new(
                    format!("같은 키 `{key}`을(를) 두 번 썼습니다"),
                    format!("key `{key}` is written twice"),
                ),
            )
            .label(Msg::new("두 번째", "second time"))
            .help(Msg::new("둘 중 하나를 지우세요", "remove one of them"))
        };
        if let Some((_, first_span)) = first {
            d = d.related(
                Loc {
                    file,
                    span: first_span,
                },
                Msg::new("처음 정의한 곳", "first defined here"),
            );
        }
        return d;
    }
    let (ko, en_help, ko_help) = syntax_hint(&raw);
    let mut d = Diagnostic::new(
        Rule::TomlSyntax,
        loc(file, span.clone()),
        Msg::new(
            format!("TOML 문법 오류: {ko}"),
            format!("TOML syntax error: {raw}"),
        ),
    )
    .label(Msg::new(ko.clone(), raw.clone()));
    // Text without quotes: show the exact fix.
    let bare = text.get(span).unwrap_or_default().trim();
    if raw.starts_with("string values must be quoted") && !bare.is_empty() && !bare.contains('"') {
        let quoted = format!("\"{bare}\"");
        d = d.help(Msg::new(
            format!("따옴표로 감싸세요: {quoted}"),
            format!("put it in quotes: {quoted}"),
        ));
    } else {
        d = d.help(Msg::new(ko_help, en_help));
    }
    d
}

/// toml's parser messages (by prefix, first match wins): Korean wording, the fix in English
/// and in Korean.
const SYNTAX_HINTS: &[(&str, &str, &str, &str)] = &[
    (
        "duplicate",
        "중복된 키",
        "each key once",
        "키는 한 번만 씁니다",
    ),
    (
        "string values must be quoted",
        "글에 따옴표가 없습니다",
        "put text in quotes",
        "글은 따옴표로 감쌉니다",
    ),
    (
        "unclosed table",
        "표 이름이 `]`로 닫히지 않았습니다",
        "close the header with `]`, e.g. [errors.\"EBP-C-0001\"]",
        "표 이름 끝에 `]`를 붙이세요. 예: [errors.\"EBP-C-0001\"]",
    ),
    (
        "unclosed array",
        "목록이 `]`로 닫히지 않았습니다",
        "close the list with `]`",
        "목록 끝에 `]`를 붙이세요. 예: [\"confirm\", \"cancel\"]",
    ),
    (
        "unclosed inline table",
        "`{ ... }` 표가 닫히지 않았습니다",
        "close the inline table with `}` on the same line",
        "같은 줄에서 `}`로 닫으세요",
    ),
    (
        "missing value",
        "`=` 뒤에 값이 없습니다",
        "write a value after `=`; text goes in quotes: \"...\"",
        "`=` 뒤에 값을 쓰세요. 글은 따옴표로 감쌉니다: \"...\"",
    ),
    (
        "missing assignment",
        "키 뒤에 `=`가 없습니다",
        "write `key = value`",
        "`키 = 값` 모양으로 쓰세요",
    ),
    (
        "missing comma",
        "항목 사이에 쉼표가 없습니다",
        "separate items with `,`",
        "항목 사이에 `,`를 넣으세요",
    ),
    (
        "extra comma",
        "쉼표가 남습니다",
        "remove the extra `,`",
        "남는 `,`를 지우세요",
    ),
    (
        "invalid basic string",
        "따옴표가 닫히지 않았거나 글 안에 잘못된 `\\`가 있습니다",
        "close the quote on the same line; write `\\\\` for a backslash, or use \"\"\"...\"\"\" for several lines",
        "같은 줄에서 따옴표를 닫으세요. `\\`는 `\\\\`로 쓰고, 여러 줄 글은 \"\"\"...\"\"\"로 감쌉니다",
    ),
    (
        "invalid multi-line basic string",
        "여러 줄 글(\"\"\")이 닫히지 않았습니다",
        "close it with \"\"\"",
        "\"\"\"로 닫으세요",
    ),
    (
        "invalid literal string",
        "작은따옴표 글이 닫히지 않았습니다",
        "close the ' on the same line",
        "같은 줄에서 '를 닫으세요",
    ),
    (
        "invalid unquoted key",
        "따옴표 없이 쓸 수 없는 키입니다",
        "put the key in quotes: [errors.\"결제 실패\"]",
        "한글, 공백, 마침표가 든 키는 따옴표로 감싸세요. 예: [errors.\"결제 실패\"]",
    ),
    (
        "invalid key",
        "잘못된 키입니다",
        "put the key in quotes",
        "키를 따옴표로 감싸세요",
    ),
    (
        "unquoted keys cannot be empty",
        "키가 비어 있습니다",
        "write a key before `=`",
        "`=` 앞에 키를 쓰세요",
    ),
    (
        "missing escaped value",
        "`\\` 뒤에 글자가 없습니다",
        "write `\\\\` for a backslash",
        "`\\`를 쓰려면 `\\\\`로 쓰세요",
    ),
    (
        "invalid string",
        "따옴표 없는 글입니다",
        "put text in quotes: \"...\"",
        "글은 따옴표로 감싸세요: \"...\"",
    ),
    (
        "invalid",
        "잘못된 값입니다",
        "text goes in quotes, numbers without: status = 400, message.ko = \"...\"",
        "글은 따옴표로 감싸고 숫자는 그대로 씁니다. 예: status = 400, message.ko = \"...\"",
    ),
    (
        "unexpected",
        "여기 올 수 없는 내용입니다",
        "one `key = value` per line",
        "한 줄에 `키 = 값` 하나씩 씁니다",
    ),
];

/// Korean wording and a fix for toml's parser messages.
fn syntax_hint(raw: &str) -> (String, String, String) {
    for (prefix, ko, en_help, ko_help) in SYNTAX_HINTS {
        if raw.starts_with(prefix) {
            return ((*ko).into(), (*en_help).into(), (*ko_help).into());
        }
    }
    (
        "TOML 문법에 맞지 않습니다".into(),
        "see https://toml.io/en/v1.0.0 for the syntax".into(),
        "TOML 문법은 https://toml.io/ko/v1.0.0 에서 확인하세요".into(),
    )
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
        .unwrap_or(s)
        .to_owned()
}

/// Where duplicated keys were first defined, found in the text (the recovered tree keeps only
/// one of two definitions). Built in one pass over the file, so that a file with tens of
/// thousands of duplicates is still read once, not once per duplicate.
struct DupIndex {
    /// Each `[table]` header path, at its first occurrence.
    headers: HashMap<Vec<String>, Range<usize>>,
    /// For the line starting at a byte: the nearest earlier line of the same table with the
    /// same key.
    previous_key: HashMap<usize, (String, Range<usize>)>,
}

impl DupIndex {
    fn new(text: &str) -> DupIndex {
        let mut headers = HashMap::new();
        let mut previous_key = HashMap::new();
        let mut last: HashMap<(usize, String), Range<usize>> = HashMap::new();
        let (mut table, mut start) = (0, 0);
        for l in text.split_inclusive('\n') {
            let lead = l.len() - l.trim_start().len();
            let span = start + lead..start + l.trim_end().len();
            if let Some(path) = header_path(l) {
                table += 1;
                headers.entry(path).or_insert(span);
            } else if l.contains('=') {
                let key = unquote(l.split('=').next().unwrap_or_default());
                if let Some(prev) = last.insert((table, key.clone()), span) {
                    previous_key.insert(start, (key, prev));
                }
            }
            start += l.len();
        }
        DupIndex {
            headers,
            previous_key,
        }
    }

    /// Where the key duplicated at `dup` was first defined: its path and span. A repeated
    /// `[table]` points at the first header with its path; a repeated `key = value` at the
    /// nearest earlier line of the same table with the same key.
    fn first_definition(
        &self,
        text: &str,
        dup: &Range<usize>,
    ) -> Option<(Vec<String>, Range<usize>)> {
        let line_start = text[..dup.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        if let Some(path) = header_path(&text[line_start..line_end]) {
            let first = self.headers.get(&path).filter(|s| s.start < line_start)?;
            return Some((path, first.clone()));
        }
        let (key, prev) = self.previous_key.get(&line_start)?;
        Some((vec![key.clone()], prev.clone()))
    }
}

/// The key path of a `[table]` header line, unquoted.
fn header_path(line: &str) -> Option<Vec<String>> {
    let t = line.split('#').next()?.trim();
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    if inner.starts_with('[') {
        return None;
    }
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '.') => parts.push(std::mem::take(&mut cur).trim().to_owned()),
            (None, c) if c.is_whitespace() => {}
            (_, c) => cur.push(c),
        }
    }
    parts.push(cur.trim().to_owned());
    Some(parts)
}

/// The file being loaded.
struct FileCtx<'a> {
    file: FileId,
    name: &'a str,
    first_error: usize,
}

impl FileCtx<'_> {
    /// An unknown top-level key, unless it follows a syntax error (then it is most likely a
    /// key of a table whose header the error broke).
    fn unknown_top_level(&self, key: &S<String>, valid: &[&str], diags: &mut Vec<Diagnostic>) {
        if key.span().start < self.first_error {
            diags.push(unknown_key(self.file, key, valid, self.name));
        }
    }
}

fn load_catalog(
    ctx: &FileCtx<'_>,
    table: DeTable<'_>,
    diags: &mut Vec<Diagnostic>,
) -> LoadedCatalog {
    let mut catalog = None;
    for (k, v) in sorted(table) {
        match k.get_ref().as_str() {
            "catalog" => catalog = entry::<RawCatalog>(ctx.file, k, v, diags),
            _ => ctx.unknown_top_level(&k, field_names::<RawCatalogFile>(), diags),
        }
    }
    LoadedCatalog {
        file: ctx.file,
        catalog,
    }
}

fn load_domain(
    ctx: &FileCtx<'_>,
    id: String,
    table: DeTable<'_>,
    diags: &mut Vec<Diagnostic>,
) -> LoadedDomain {
    let file = ctx.file;
    let mut d = LoadedDomain {
        file,
        id,
        domain: None,
        categories: vec![],
        operations: vec![],
        errors: vec![],
        envelope: None,
        details: vec![],
        maps: vec![],
    };
    for (k, v) in sorted(table) {
        match k.get_ref().as_str() {
            "domain" => d.domain = entry::<RawDomain>(file, k, v, diags),
            "categories" => d.categories = section::<RawCategory>(file, k, v, diags),
            "operations" => d.operations = section::<RawOperation>(file, k, v, diags),
            "errors" => d.errors = section::<RawError>(file, k, v, diags),
            "envelope" => d.envelope = entry::<RawEnvelope>(file, k, v, diags),
            "details" => d.details = section::<RawDetail>(file, k, v, diags),
            "maps" => d.maps = section::<crate::raw::RawMap>(file, k, v, diags),
            _ => ctx.unknown_top_level(&k, RawDomainFile::SECTIONS, diags),
        }
    }
    d
}

/// The entries of a table as owned keys, in file order.
fn sorted(table: DeTable<'_>) -> Vec<(S<String>, Spanned<DeValue<'_>>)> {
    let mut v: Vec<_> = table
        .into_iter()
        .map(|(k, v)| {
            let span = k.span();
            (Spanned::new(span, k.into_inner().into_owned()), v)
        })
        .collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

fn section<'de, T: Deserialize<'de>>(
    file: FileId,
    key: S<String>,
    value: Spanned<DeValue<'de>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Entry<T>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Table(t) => sorted(t)
            .into_iter()
            .filter_map(|(k, v)| entry::<T>(file, k, v, diags))
            .collect(),
        other => {
            diags.push(wrong_type(
                file,
                span,
                other.type_str(),
                Expected::Table,
                key.get_ref(),
            ));
            Vec::new()
        }
    }
}

fn entry<'de, T: Deserialize<'de>>(
    file: FileId,
    key: S<String>,
    mut value: Spanned<DeValue<'de>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Entry<T>> {
    let span = value.span();
    if !value.get_ref().is_table() {
        diags.push(wrong_type(
            file,
            span,
            value.get_ref().type_str(),
            Expected::Table,
            key.get_ref(),
        ));
        return None;
    }
    let mut dropped = Vec::new();
    // Each round either succeeds or removes one key; the loop ends. Each costs a copy of the
    // entry, so an entry with more problems than any person writes stops early.
    for _ in 0..MAX_ROUNDS {
        match T::deserialize(value.clone().into_deserializer()) {
            Ok(v) => {
                return Some(Entry {
                    key,
                    span,
                    value: v,
                    dropped,
                });
            }
            Err(e) => {
                let at = e.span().unwrap_or(span.clone());
                diags.push(serde_diagnostic(
                    file,
                    &e,
                    at.clone(),
                    key.get_ref(),
                    value.get_ref(),
                ));
                match remove_at(value.get_mut(), at.start) {
                    Some(top) => {
                        // A misspelt key (`stauts`) stands for the key it resembles: the
                        // validator must not also call that one missing.
                        if let Some(meant) = misspelt(&e, &top) {
                            dropped.push(meant);
                        }
                        // Serde named the keys the entry accepts: every other top-level key
                        // is reported now, in one pass, rather than one round (a copy of the
                        // entry) each.
                        if let Some(valid) = accepted_keys(&e, &top) {
                            let unknown = Unknown {
                                file,
                                entry: key.get_ref(),
                                valid: &valid,
                            };
                            unknown.strip(value.get_mut(), diags, &mut dropped);
                        }
                        dropped.push(top);
                    }
                    None => return None,
                }
            }
        }
    }
    diags.push(
        Diagnostic::new(
            Rule::WrongType,
            loc(file, span),
            Msg::new(
                format!("`{}`에 문제가 너무 많아 ({MAX_ROUNDS}개가 넘습니다) 이 항목은 더 검사하지 않습니다", key.get_ref()),
                format!("`{}` has too many problems (over {MAX_ROUNDS}); the rest of it is not checked", key.get_ref()),
            ),
        )
        .help(Msg::new(
            "위에 보인 문제부터 고치고 다시 검사하세요",
            "fix the problems shown first, then check again",
        )),
    );
    None
}

/// The most problems one entry is checked for (each costs a copy of the entry).
const MAX_ROUNDS: usize = 256;

/// Removes the table entry or array element that contains byte `pos`; returns the top-level
/// key it was under.
fn remove_at(value: &mut DeValue<'_>, pos: usize) -> Option<String> {
    fn contains(span: &Range<usize>, pos: usize) -> bool {
        span.start <= pos && pos < span.end.max(span.start + 1)
    }
    match value {
        DeValue::Table(t) => {
            let Some((k, v)) = t
                .iter()
                .find(|(k, v)| contains(&k.span(), pos) || contains(&v.span(), pos))
            else {
                // A `[a.b]` header table spans only its header: look inside each table.
                let tables: Vec<_> = t
                    .iter()
                    .filter(|(_, v)| v.get_ref().is_table())
                    .map(|(k, _)| k.clone())
                    .collect();
                for key in tables {
                    if let Some(inner) = t.get_mut(&key)
                        && remove_at(inner.get_mut(), pos).is_some()
                    {
                        return Some(key.get_ref().to_string());
                    }
                }
                return None;
            };
            let name = k.get_ref().to_string();
            let in_key = contains(&k.span(), pos);
            let key = k.clone();
            let nested = !in_key && (v.get_ref().is_table() || v.get_ref().is_array());
            if nested {
                let inner = t.get_mut(&key)?;
                if remove_at(inner.get_mut(), pos).is_some() {
                    return Some(name);
                }
            }
            t.remove(&key);
            Some(name)
        }
        DeValue::Array(a) => {
            let idx = a.iter().position(|v| contains(&v.span(), pos))?;
            let item = a.get_mut(idx)?;
            if (item.get_ref().is_table() || item.get_ref().is_array())
                && remove_at(item.get_mut(), pos).is_some()
            {
                return Some(String::new());
            }
            let kept: Vec<_> = a
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != idx)
                .map(|(_, v)| v.clone())
                .collect();
            *a = kept.into_iter().collect();
            Some(String::new())
        }
        _ => None,
    }
}

/// What a value should have been, in the editor's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A `[table]` or `{ ... }`.
    Table,
    /// Texts keyed by locale.
    Text,
    /// An integer.
    Integer,
    /// true/false.
    Bool,
    /// A quoted string.
    String,
    /// A list.
    List,
    /// A string or an integer.
    Scalar,
}

impl Expected {
    fn from_serde(s: &str) -> Option<Expected> {
        Some(match s {
            "a table of texts by locale" => Expected::Text,
            "a boolean" => Expected::Bool,
            "a string" | "a borrowed string" => Expected::String,
            "a sequence" => Expected::List,
            "a string or an integer" | "a body value (text, a number, true/false or a table)" => {
                Expected::Scalar
            }
            "a map" | "a table of fields" | "a table of body members" => Expected::Table,
            _ if s.starts_with("struct ") => Expected::Table,
            _ if [
                "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize",
            ]
            .contains(&s) =>
            {
                Expected::Integer
            }
            _ => return None,
        })
    }

    /// (what it is, how to write it), in both languages.
    fn describe(self) -> (Msg, Msg) {
        let (ko, en, ko_how, en_how) = match self {
            Expected::Table => (
                "표가",
                "a table",
                "표로 씁니다 (예: { type = \"integer\" })",
                "write a table ({ type = \"integer\" })",
            ),
            Expected::Text => (
                "언어별 글이",
                "texts by locale",
                "언어별로 씁니다 (예: message.ko = \"...\")",
                "write one text per locale (message.ko = \"...\")",
            ),
            Expected::Integer => (
                "숫자가",
                "a number",
                "따옴표 없이 숫자로 씁니다 (예: 400)",
                "write a number without quotes (400)",
            ),
            Expected::Bool => (
                "true/false가",
                "true or false",
                "따옴표 없이 true나 false로 씁니다",
                "write true or false without quotes",
            ),
            Expected::String => (
                "글이",
                "text",
                "따옴표로 감싼 글로 씁니다 (예: \"C\")",
                "write text in quotes (\"C\")",
            ),
            Expected::List => (
                "목록이",
                "a list",
                "목록으로 씁니다 (예: [\"confirm\", \"cancel\"])",
                "write a list ([\"confirm\", \"cancel\"])",
            ),
            Expected::Scalar => (
                "글이나 숫자가",
                "text or a number",
                "글이나 숫자로 씁니다 (예: \"88\" 또는 1000)",
                "write text or a number (\"88\" or 1000)",
            ),
        };
        (Msg::new(ko, en), Msg::new(ko_how, en_how))
    }
}

/// What was found, as the subject of a Korean sentence (particle included).
fn found_ko(found: &str) -> &'static str {
    let f = found.trim();
    if f.starts_with("string") {
        "글이"
    } else if f.starts_with("integer") {
        "숫자가"
    } else if f.starts_with("boolean") {
        "true/false가"
    } else if f.starts_with("floating") || f == "float" {
        "소수가"
    } else if f.starts_with("sequence") || f == "array" {
        "목록이"
    } else if f.starts_with("map") || f == "table" {
        "표가"
    } else if f == "datetime" {
        "날짜가"
    } else {
        "다른 값이"
    }
}

fn wrong_type(
    file: FileId,
    span: Range<usize>,
    found: &str,
    expected: Expected,
    key: &str,
) -> Diagnostic {
    let (want, how) = expected.describe();
    Diagnostic::new(
        Rule::WrongType,
        loc(file, span),
        Msg::new(
            format!(
                "`{key}` 값의 형식이 맞지 않습니다: {} 와야 하는 자리에 {} 있습니다",
                want.ko,
                found_ko(found)
            ),
            format!(
                "`{key}` has the wrong type: expected {}, found {found}",
                want.en
            ),
        ),
    )
    .label(Msg::new(
        format!("{} 와야 합니다", want.ko),
        format!("expected {}", want.en),
    ))
    .help(how)
}

/// The dotted key path (`status`, `fields.amount.type`) of the value at byte `pos`.
fn key_path_at(value: &DeValue<'_>, pos: usize) -> Vec<String> {
    fn contains(span: &Range<usize>, pos: usize) -> bool {
        span.start <= pos && pos < span.end.max(span.start + 1)
    }
    let mut path = Vec::new();
    let mut cur = value;
    loop {
        match cur {
            DeValue::Table(t) => {
                let Some((k, v)) = t
                    .iter()
                    .find(|(k, v)| contains(&k.span(), pos) || contains(&v.span(), pos))
                else {
                    return path;
                };
                path.push(k.get_ref().to_string());
                if contains(&k.span(), pos) {
                    return path;
                }
                cur = v.get_ref();
            }
            DeValue::Array(a) => match a.iter().find(|v| contains(&v.span(), pos)) {
                Some(v) => cur = v.get_ref(),
                None => return path,
            },
            _ => return path,
        }
    }
}

fn unknown_key(file: FileId, key: &S<String>, valid: &[&str], within: &str) -> Diagnostic {
    let name = key.get_ref();
    let mut d = Diagnostic::new(
        Rule::UnknownKey,
        loc(file, key.span()),
        Msg::new(
            format!("`{within}`에는 `{name}`라는 키가 없습니다"),
            format!("unknown key `{name}` in `{within}`"),
        ),
    )
    .label(Msg::new("알 수 없는 키", "unknown key"));
    if let Some(s) = did_you_mean(name, valid.iter().copied()) {
        d = d.help(Msg::new(
            format!("`{s}`을(를) 쓰려던 것인가요?"),
            format!("did you mean `{s}`?"),
        ));
    }
    let list = valid
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    d.help(Msg::new(
        format!("쓸 수 있는 키: {list}"),
        format!("valid keys: {list}"),
    ))
}

/// The valid key an unknown top-level key `top` of an entry is a likely typo of.
fn misspelt(e: &toml::de::Error, top: &str) -> Option<String> {
    let rest = e.message().strip_prefix("unknown field `")?;
    let (name, tail) = rest.split_once('`')?;
    if name != top {
        return None;
    }
    let valid: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    did_you_mean(name, valid.iter().copied()).map(str::to_owned)
}

/// The keys an entry accepts, when `e` is serde's complaint about its unknown top-level key
/// `top`.
fn accepted_keys<'m>(e: &'m toml::de::Error, top: &str) -> Option<Vec<&'m str>> {
    let rest = e.message().strip_prefix("unknown field `")?;
    let (name, tail) = rest.split_once('`')?;
    (name == top).then(|| tail.split('`').skip(1).step_by(2).collect())
}

/// The unknown top-level keys of an entry, reported and removed in one pass.
struct Unknown<'a> {
    file: FileId,
    entry: &'a str,
    valid: &'a [&'a str],
}

impl Unknown<'_> {
    fn strip(
        &self,
        value: &mut DeValue<'_>,
        diags: &mut Vec<Diagnostic>,
        dropped: &mut Vec<String>,
    ) {
        let DeValue::Table(t) = value else {
            return;
        };
        let unknown: Vec<_> = t
            .keys()
            .filter(|k| !self.valid.contains(&k.get_ref().as_ref()))
            .cloned()
            .collect();
        for k in unknown {
            let name = k.get_ref().to_string();
            let spanned = Spanned::new(k.span(), name.clone());
            diags.push(unknown_key(self.file, &spanned, self.valid, self.entry));
            if let Some(meant) = did_you_mean(&name, self.valid.iter().copied()) {
                dropped.push(meant.to_owned());
            }
            t.remove(&k);
            dropped.push(name);
        }
    }
}

/// Turns serde's complaint about an entry into a diagnostic. `value` is the entry, to name
/// the key the complaint is about.
fn serde_diagnostic(
    file: FileId,
    e: &toml::de::Error,
    span: Range<usize>,
    entry_key: &str,
    value: &DeValue<'_>,
) -> Diagnostic {
    let msg = e.message();
    let path = key_path_at(value, span.start);
    let owner = match path.len() {
        0 | 1 => entry_key.to_owned(),
        n => path[..n - 1].join("."),
    };
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let valid: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
        let key = Spanned::new(span, name.to_owned());
        return unknown_key(file, &key, &valid, &owner);
    }
    let key = path.last().cloned().unwrap_or_else(|| entry_key.to_owned());
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
        && let Some(exp) = Expected::from_serde(expected)
    {
        let mut d = wrong_type(file, span, found, exp, &key);
        // A quoted number or boolean: show the exact fix.
        let inner = found
            .strip_prefix("string \"")
            .and_then(|f| f.strip_suffix('"'));
        let fixed = match (exp, inner) {
            (Expected::Integer, Some(v)) if v.trim().parse::<i64>().is_ok() => {
                Some(v.trim().to_owned())
            }
            (Expected::Bool, Some(v))
                if ["true", "yes", "y", "예", "네"].contains(&v.trim().to_lowercase().as_str()) =>
            {
                Some("true".into())
            }
            (Expected::Bool, Some(v))
                if ["false", "no", "n", "아니오", "아니요"]
                    .contains(&v.trim().to_lowercase().as_str()) =>
            {
                Some("false".into())
            }
            _ => None,
        };
        if let Some(v) = fixed {
            d = d.help(Msg::new(
                format!("이렇게 고치세요: {key} = {v}"),
                format!("write it as: {key} = {v}"),
            ));
        }
        return d;
    }
    Diagnostic::new(
        Rule::WrongType,
        loc(file, span),
        Msg::new(
            format!("`{key}`의 값이 잘못되었습니다: {msg}"),
            format!("invalid value for `{key}`: {msg}"),
        ),
    )
    .help(Msg::new(
        "스펙 안내(error-spec/README.md)에서 이 키의 예를 보세요",
        "see the key's example in error-spec/README.md",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[(&str, &str)]) -> Loaded {
        load_files(
            "spec",
            files
                .iter()
                .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
                .collect(),
        )
    }

    #[test]
    fn loads_sections_in_file_order() {
        let l = load(&[(
            "ebp.toml",
            "[domain]\ntitle.ko = \"x\"\n[errors.B]\nstatus = 400\n[errors.A]\nstatus = 500\n",
        )]);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        let d = &l.domains[0];
        assert_eq!(d.id, "ebp");
        let codes: Vec<_> = d.errors.iter().map(|e| e.key.get_ref().as_str()).collect();
        assert_eq!(codes, ["B", "A"]);
        assert_eq!(*d.errors[0].value.status.as_ref().unwrap().get_ref(), 400);
    }

    #[test]
    fn every_bad_key_of_an_entry_is_reported() {
        let l = load(&[(
            "ebp.toml",
            "[errors.A]\nstatus = \"400\"\nmesage.ko = \"x\"\nretryable = 3\nmessage.ko = \"ok\"\n",
        )]);
        let rules: Vec<_> = l.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(
            rules.iter().filter(|r| **r == Rule::WrongType).count(),
            2,
            "{:?}",
            l.diagnostics
        );
        assert_eq!(rules.iter().filter(|r| **r == Rule::UnknownKey).count(), 1);
        let e = &l.domains[0].errors[0];
        assert!(e.was_dropped("status") && e.was_dropped("retryable"));
        assert!(e.value.message.is_some());
        let unknown = l
            .diagnostics
            .iter()
            .find(|d| d.rule == Rule::UnknownKey)
            .unwrap();
        assert_eq!(unknown.help[0].en, "did you mean `message`?");
    }

    #[test]
    fn nested_unknown_keys_are_reported_too() {
        let l = load(&[("d.toml", "[errors.A]\nfields.x = { tpye = \"integer\" }\n")]);
        assert_eq!(l.diagnostics.len(), 1);
        assert_eq!(l.diagnostics[0].rule, Rule::UnknownKey);
        assert_eq!(l.diagnostics[0].help[0].en, "did you mean `type`?");
    }

    #[test]
    fn syntax_errors_do_not_stop_the_file() {
        let l = load(&[(
            "d.toml",
            "[errors.A]\nstatus = \n[errors.B]\nstatus = 400\n",
        )]);
        assert!(l.diagnostics.iter().any(|d| d.rule == Rule::TomlSyntax));
        assert!(l.domains[0].errors.iter().any(|e| e.key.get_ref() == "B"));
    }

    #[test]
    fn duplicate_codes_point_at_both_definitions() {
        let l = load(&[(
            "d.toml",
            "[errors.A]\nstatus = 400\n\n[errors.A]\nstatus = 500\n",
        )]);
        let d = l
            .diagnostics
            .iter()
            .find(|d| d.rule == Rule::DuplicateCode)
            .expect("duplicate");
        assert_eq!(d.related.len(), 1);
        let file = l.sources.get(d.primary.as_ref().unwrap().file);
        assert_eq!(file.line_col(d.primary.as_ref().unwrap().span.start).0, 4);
        assert_eq!(file.line_col(d.related[0].0.span.start).0, 1);
    }

    #[test]
    fn duplicate_keys_inside_an_entry() {
        let text = "[errors.A]\nstatus = 400\n\"status\" = 500\n";
        let l = load(&[("d.toml", text)]);
        let d = l
            .diagnostics
            .iter()
            .find(|d| d.rule == Rule::TomlSyntax)
            .expect("duplicate key");
        let file = l.sources.get(d.primary.as_ref().unwrap().file);
        assert_eq!(file.line_col(d.related[0].0.span.start).0, 2);
    }

    #[test]
    fn header_paths_are_unquoted() {
        assert_eq!(
            header_path("[errors.\"EBP-C-0001\"]  # x"),
            Some(vec!["errors".into(), "EBP-C-0001".into()])
        );
        assert_eq!(
            header_path(" [ errors . A ]"),
            Some(vec!["errors".into(), "A".into()])
        );
        assert_eq!(header_path("[[x]]"), None);
        assert_eq!(header_path("a = 1"), None);
    }

    #[test]
    fn non_utf8_is_a_diagnostic() {
        let l = load_files("spec", vec![("d.toml".into(), vec![b'a', 0xff, b'\n'])]);
        assert_eq!(l.diagnostics[0].rule, Rule::Unreadable);
    }

    #[test]
    fn unknown_sections_get_suggestions() {
        let l = load(&[("d.toml", "[error.A]\nstatus = 400\n")]);
        assert_eq!(l.diagnostics[0].rule, Rule::UnknownKey);
        assert_eq!(l.diagnostics[0].help[0].en, "did you mean `errors`?");
    }
}
