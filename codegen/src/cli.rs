//! The `errspec` command line. Exit status: 0 clean, 1 problems found, 2 could not run.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Lang, RenderOptions, render_all};
use crate::emit::explain;
use crate::emit::rust::{Runtime, RustOptions, generate};
use crate::report;

/// The spec directory used when none is given.
pub const DEFAULT_DIR: &str = "error-spec";

const HELP_KO: &str = "\
errspec — 결제 에러 스펙 도구

사용법: errspec <명령> [옵션]

명령:
  check [DIR]            스펙(DIR, 기본 ./error-spec)의 모든 문제를 한 번에 보여 줍니다
      --strict           경고(번역 누락 등)도 오류로 봅니다
      --format json      문제를 한 줄에 하나씩 JSON으로 출력합니다 (CI, 편집기용)
                         문제가 없으면 생성 코드(payment-errors/src/catalog.rs)를 갱신합니다
      --locked           생성 코드를 고치지 않고, 스펙과 맞지 않으면 1로 끝납니다 (CI용)
  explain CODE           코드가 무슨 뜻인지 보여 줍니다 (예: errspec explain NOT_FOUND_PAYMENT)
      --domain D         여러 도메인에 같은 코드가 있을 때 고릅니다 (또는 D:CODE)
      --dir DIR          스펙 위치
  generate [DIR]         만들어질 Rust 코드를 출력합니다
      --out FILE         파일로 씁니다
  diff OLD [NEW]         두 스펙을 비교해 호환성을 깨는 변경을 찾습니다 (각각 폴더나 git 리비전)
      --against REV      작업 중인 스펙(DIR, 기본 ./error-spec)을 REV(예: origin/main)와 비교합니다
      --format F         text(기본), markdown(PR 댓글용), json
                         승인되지 않은 호환성을 깨는 변경이 있으면 1로 끝납니다
  new DOMAIN [CODE]      DOMAIN.toml 끝에 새 에러의 뼈대를 덧붙입니다 (다음 빈 코드)
      --category C       분류 (분류가 있는 도메인은 필수)
      --status N         HTTP 상태 (기본: default_status 또는 400)
      --dir DIR          스펙 위치
  schema                 편집기용 JSON Schema를 출력합니다 (error-spec/schema.json)
      --out FILE         파일로 씁니다
  docs [DIR]             사람이 읽는 레퍼런스를 만듭니다 (정적 사이트, 서버 없이 file://로 열림)
      --out DIR          출력 폴더 (기본 target/errspec-docs)
      --format markdown  HTML 대신 Markdown (위키, PR용)
      --lang ko|en       처음 보여 줄 언어 (기본: 스펙의 첫 번째 언어)
  help                   이 도움말

공통 옵션:
  --lang ko|en           출력 언어 (기본: 한국어, LANG=en_*이면 영어)

종료 코드: 0 문제 없음, 1 문제 있음, 2 실행할 수 없음";

const HELP_EN: &str = "\
errspec — the payment error spec tool

Usage: errspec <command> [options]

Commands:
  check [DIR]            report every problem of the spec in DIR (default ./error-spec)
      --strict           treat warnings (missing translations …) as errors
      --format json      one JSON object per problem, per line (for CI and editors)
                         a clean spec also regenerates payment-errors/src/catalog.rs
      --locked           do not regenerate it; exit 1 if it is out of date (for CI)
  explain CODE           what a code means (errspec explain NOT_FOUND_PAYMENT)
      --domain D         pick the domain when several have the code (or D:CODE)
      --dir DIR          where the spec is
  generate [DIR]         print the Rust code the spec generates
      --out FILE         write it to FILE
  diff OLD [NEW]         compare two specs, each a directory or a git revision, and review
                         every change as breaking or compatible
      --against REV      compare the working spec (DIR, default ./error-spec) with REV
      --format F         text (default), markdown (for a pull-request comment), json
                         exits 1 on a breaking change the spec does not acknowledge
  new DOMAIN [CODE]      append a new error skeleton to DOMAIN.toml (next free code)
      --category C       its category (required where the domain has categories)
      --status N         its HTTP status (default: default_status, or 400)
      --dir DIR          where the spec is
  schema                 print the editor JSON Schema (error-spec/schema.json)
      --out FILE         write it to FILE
  docs [DIR]             write the reference people read (a static site that opens from file://)
      --out DIR          where (default target/errspec-docs)
      --format markdown  Markdown instead of HTML (for wikis and pull requests)
      --lang ko|en       the language pages open in (default: the spec's first locale)
  help                   this help

Common options:
  --lang ko|en           output language (default Korean; English when LANG=en_*)

Exit status: 0 clean, 1 problems found, 2 could not run";

/// Parsed arguments: positionals and `--flag [value]` options.
#[derive(Debug, Default)]
struct Args {
    positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

impl Args {
    fn parse(raw: Vec<OsString>, with_value: &[&str]) -> Result<Args, String> {
        let mut out = Args::default();
        let mut it = raw.into_iter().map(|a| a.to_string_lossy().into_owned());
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                    None => (name.to_owned(), None),
                };
                let value = if with_value.contains(&name.as_str()) {
                    match inline {
                        Some(v) => Some(v),
                        None => Some(it.next().ok_or(format!("--{name}"))?),
                    }
                } else {
                    inline
                };
                out.options.push((name, value));
            } else {
                out.positional.push(a);
            }
        }
        Ok(out)
    }

    fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// Runs `errspec` with `args` (without the program name); returns the exit status.
pub fn run(args: Vec<OsString>) -> i32 {
    let args = match Args::parse(
        args,
        &[
            "lang", "format", "domain", "dir", "out", "against", "category", "status",
        ],
    ) {
        Ok(a) => a,
        Err(flag) => {
            eprintln!("error: `{flag}` needs a value (errspec help)");
            return 2;
        }
    };
    let lang = match args.value("lang") {
        None => Lang::from_env(),
        Some(l) => match Lang::parse(l) {
            Some(l) => l,
            None => {
                eprintln!("error: unknown language `{l}` (use ko or en)");
                return 2;
            }
        },
    };
    let Some(command) = args.positional.first().cloned() else {
        println!("{}", if lang == Lang::Ko { HELP_KO } else { HELP_EN });
        return 2;
    };
    let known: &[&str] = match command.as_str() {
        "check" => &["lang", "format", "strict", "locked", "color", "no-color"],
        "explain" => &["lang", "domain", "dir"],
        "generate" => &["lang", "out", "extern-runtime"],
        "diff" => &["lang", "format", "against", "dir"],
        "new" => &["lang", "category", "status", "dir"],
        "schema" => &["lang", "out"],
        "docs" => &["lang", "out", "format", "dir"],
        _ => &["lang"],
    };
    if let Some((bad, _)) = args
        .options
        .iter()
        .find(|(n, _)| !known.contains(&n.as_str()) && n != "help")
    {
        eprintln!("error: unknown option `--{bad}` for `{command}` (errspec help)");
        return 2;
    }
    let rest = &args.positional[1..];
    match command.as_str() {
        "check" => check(rest, &args, lang),
        "explain" => explain_cmd(rest, &args, lang),
        "generate" => generate_cmd(rest, &args),
        "diff" => crate::diff::run(
            rest,
            args.value("against"),
            args.value("dir"),
            args.value("format"),
            lang,
        ),
        "new" => new_cmd(rest, &args, lang),
        #[cfg(feature = "schema")]
        "schema" => schema_cmd(&args),
        "docs" => docs_cmd(rest, &args, lang),
        "help" | "--help" | "-h" => {
            println!("{}", if lang == Lang::Ko { HELP_KO } else { HELP_EN });
            0
        }
        other => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => format!("오류: 알 수 없는 명령 `{other}` (errspec help)"),
                    Lang::En => format!("error: unknown command `{other}` (errspec help)"),
                }
            );
            2
        }
    }
}

fn spec_dir(rest: &[String], args: &Args) -> PathBuf {
    PathBuf::from(
        rest.first()
            .map(String::as_str)
            .or(args.value("dir"))
            .unwrap_or(DEFAULT_DIR),
    )
}

fn check(rest: &[String], args: &Args, lang: Lang) -> i32 {
    let dir = spec_dir(rest, args);
    let checked = match crate::check_dir(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", could_not_read(&e, lang));
            return 2;
        }
    };
    let strict = args.flag("strict");
    let mut failed = checked.has_errors() || (strict && !checked.diagnostics.is_empty());
    // A clean spec brings the committed generated crate in step (or, --locked, says it is not).
    let synced = match checked.catalog.as_ref().filter(|_| !failed) {
        Some(catalog) => match crate::generated::sync(&dir, catalog, args.flag("locked")) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ko => format!("오류: 생성 코드를 쓸 수 없습니다: {e}"),
                        Lang::En => format!("error: cannot write the generated code: {e}"),
                    }
                );
                return 2;
            }
        },
        None => None,
    };
    if let Some(crate::generated::Sync::Stale(path)) = &synced {
        failed = true;
        eprintln!("{}", report::stale(path, lang));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.value("format") {
        Some("json") => {
            for d in &checked.diagnostics {
                let _ = writeln!(out, "{}", report::json_line(d, &checked.sources, lang));
            }
        }
        None | Some("human") => {
            let color =
                !args.flag("no-color") && (args.flag("color") || std::io::stdout().is_terminal());
            let _ = write!(
                out,
                "{}",
                render_all(
                    &checked.diagnostics,
                    &checked.sources,
                    RenderOptions { lang, color }
                )
            );
            let _ = write!(
                out,
                "{}",
                report::summary(&dir.display().to_string(), &checked, lang)
            );
            if let Some(line) = synced.as_ref().and_then(|s| report::synced(s, lang)) {
                let _ = writeln!(out, "{line}");
            }
            if strict && !checked.has_errors() && !checked.diagnostics.is_empty() {
                let _ = writeln!(
                    out,
                    "{}",
                    match lang {
                        Lang::Ko => "--strict: 경고도 오류로 봅니다",
                        Lang::En => "--strict: warnings count as errors",
                    }
                );
            }
        }
        Some(other) => {
            eprintln!("error: unknown format `{other}` (human or json)");
            return 2;
        }
    }
    i32::from(failed)
}

fn could_not_read(e: &crate::load::LoadError, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!(
            "오류: 스펙을 읽을 수 없습니다: {e}\n도움말: 저장소 맨 위에서 실행하거나 스펙 폴더를 지정하세요: errspec check error-spec"
        ),
        Lang::En => format!(
            "error: {e}\nhelp: run from the repository root, or name the spec directory: errspec check error-spec"
        ),
    }
}

/// Loads and validates the spec in `dir`. On failure prints why and returns the exit status:
/// 2 when the directory cannot be read, 1 when the spec has errors (their diagnostics printed).
fn load_valid(dir: &Path, lang: Lang) -> Result<crate::model::Catalog, i32> {
    let checked = crate::check_dir(dir).map_err(|e| {
        eprintln!("{}", could_not_read(&e, lang));
        2
    })?;
    match checked.catalog {
        Some(catalog) => Ok(catalog),
        None => {
            let opts = RenderOptions { lang, color: false };
            eprint!(
                "{}",
                render_all(&checked.diagnostics, &checked.sources, opts)
            );
            Err(1)
        }
    }
}

/// Writes `text` to `out`, or prints it; returns the exit status.
fn write_or_print(out: Option<&str>, text: &str) -> i32 {
    match out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: cannot write `{path}`: {e}");
                2
            }
        },
        None => {
            print!("{text}");
            0
        }
    }
}

fn explain_cmd(rest: &[String], args: &Args, lang: Lang) -> i32 {
    let Some(code) = rest.first().filter(|c| !c.trim().is_empty()) else {
        eprintln!(
            "{}",
            match lang {
                Lang::Ko => "오류: 코드를 주세요. 예: errspec explain NOT_FOUND_PAYMENT",
                Lang::En => "error: give a code, e.g. errspec explain NOT_FOUND_PAYMENT",
            }
        );
        return 2;
    };
    let dir = PathBuf::from(args.value("dir").unwrap_or(DEFAULT_DIR));
    // An invalid spec cannot be explained: the diagnostics say what to fix first.
    let Ok(catalog) = load_valid(&dir, lang) else {
        return 2;
    };
    match explain::answer(&catalog, code, args.value("domain"), lang, terminal_width()) {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(problem) => {
            eprintln!("{problem}");
            1
        }
    }
}

/// `$COLUMNS` when set (within reason), else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .map_or(80, |c| c.clamp(40, 120))
}

fn generate_cmd(rest: &[String], args: &Args) -> i32 {
    let catalog = match load_valid(&spec_dir(rest, args), Lang::from_env()) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let runtime = if args.flag("extern-runtime") {
        Runtime::Extern
    } else {
        Runtime::InCrate
    };
    write_or_print(
        args.value("out"),
        &generate(&catalog, &RustOptions { runtime }),
    )
}

fn new_cmd(rest: &[String], args: &Args, lang: Lang) -> i32 {
    let Some(domain) = rest.first() else {
        eprintln!(
            "{}",
            match lang {
                Lang::Ko => "오류: 도메인을 주세요. 예: errspec new ebp --category C",
                Lang::En => "error: give a domain, e.g. errspec new ebp --category C",
            }
        );
        return 2;
    };
    let status = match args.value("status").map(str::parse::<u16>) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(_)) => {
            eprintln!("error: --status takes a number such as 404");
            return 2;
        }
    };
    let dir = PathBuf::from(args.value("dir").unwrap_or(DEFAULT_DIR));
    let req = crate::scaffold::NewError {
        domain,
        code: rest.get(1).map(String::as_str),
        category: args.value("category"),
        status,
    };
    crate::scaffold::run(&dir, &req, lang)
}

#[cfg(feature = "schema")]
fn schema_cmd(args: &Args) -> i32 {
    write_or_print(args.value("out"), &crate::emit::schema::render())
}

/// The default output folder of `errspec docs`.
pub const DEFAULT_DOCS_OUT: &str = "target/errspec-docs";

/// The file in a docs output folder listing the files `errspec docs` wrote there, so the next
/// run removes the pages of codes that are gone, and nothing else.
const DOCS_MANIFEST: &str = ".errspec-docs";

fn docs_cmd(rest: &[String], args: &Args, lang: Lang) -> i32 {
    let format = match args.value("format").map(crate::emit::docs::Format::parse) {
        None => crate::emit::docs::Format::Html,
        Some(Some(f)) => f,
        Some(None) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => "오류: --format은 html 또는 markdown입니다",
                    Lang::En => "error: --format is html or markdown",
                }
            );
            return 2;
        }
    };
    let catalog = match load_valid(&spec_dir(rest, args), lang) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let catalog = &catalog;
    // Pages open in the language asked for, else the spec's default locale.
    let locale = if args.value("lang").is_some() {
        report::locale_index(catalog, lang)
    } else {
        0
    };
    let files =
        crate::emit::docs::generate(catalog, &crate::emit::docs::Options { format, locale });
    let out = PathBuf::from(args.value("out").unwrap_or(DEFAULT_DOCS_OUT));
    if let Err(e) = write_docs(&out, &files) {
        eprintln!(
            "{}",
            match lang {
                Lang::Ko => format!("오류: {}에 쓸 수 없습니다: {e}", out.display()),
                Lang::En => format!("error: cannot write to {}: {e}", out.display()),
            }
        );
        return 2;
    }
    let start = match format {
        crate::emit::docs::Format::Html => "index.html",
        crate::emit::docs::Format::Markdown => "README.md",
    };
    let start_path = out.join(start);
    let shown = std::fs::canonicalize(&start_path)
        .map(|p| format!("file://{}", p.display()))
        .unwrap_or_else(|_| start_path.display().to_string());
    println!(
        "{}",
        match lang {
            Lang::Ko => format!(
                "{}에 파일 {}개를 썼습니다\n열기: {shown}",
                out.display(),
                files.len()
            ),
            Lang::En => format!(
                "wrote {} files to {}\nopen: {shown}",
                files.len(),
                out.display()
            ),
        }
    );
    0
}

/// Writes `files` under `out`, and removes what an earlier run wrote there that is gone now.
fn write_docs(out: &std::path::Path, files: &[(String, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let manifest = out.join(DOCS_MANIFEST);
    let wanted: std::collections::BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    if let Ok(old) = std::fs::read_to_string(&manifest) {
        for stale in old.lines().filter(|l| !l.is_empty() && !wanted.contains(l)) {
            // Only paths we wrote: relative, no `..`.
            if stale.starts_with('/') || stale.split('/').any(|p| p == ".." || p.is_empty()) {
                continue;
            }
            let path = out.join(stale);
            let _ = std::fs::remove_file(&path);
            // Empty folders left behind (a code's folder, a domain's).
            let mut parent = path.parent();
            while let Some(p) = parent {
                if p == out || std::fs::remove_dir(p).is_err() {
                    break;
                }
                parent = p.parent();
            }
        }
    }
    for (rel, contents) in files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Rewrite only what changed, so file watchers and rsync see real changes only.
        if std::fs::read(&path).ok().as_deref() != Some(contents.as_bytes()) {
            std::fs::write(&path, contents)?;
        }
    }
    let mut list = String::new();
    for (rel, _) in files {
        list.push_str(rel);
        list.push('\n');
    }
    std::fs::write(manifest, list)
}
