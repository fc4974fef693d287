//! The `errspec` command line: one module per subcommand, one table of commands and options
//! ([`table`]), one writer for all output ([`out`]). Exit status: 0 clean, 1 problems found,
//! 2 could not run.
//!
//! This is the top layer: it calls the library (pipeline, diff, scaffold, docs, report) and
//! nothing below imports from it.

mod check;
mod diff;
mod docs;
mod explain;
mod export;
mod generate;
mod lsp;
mod new;
pub mod out;
mod schema;
pub mod table;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Lang, RenderOptions, render_all};
use crate::load::io_reason;
use out::Out;

/// The spec directory used when none is given.
pub const DEFAULT_DIR: &str = "error-spec";

/// Parsed arguments: positionals and `--flag [value]` options.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments after the command.
    pub positional: Vec<String>,
    /// Options in order, with their values.
    pub options: Vec<(String, Option<String>)>,
    /// An option that needs a value and was given none.
    missing_value: Option<String>,
}

impl Args {
    /// Splits `raw` into positionals and options; [`table::takes_value`] says which options
    /// take the next argument as their value.
    pub fn parse(raw: Vec<OsString>) -> Args {
        let mut out = Args::default();
        let mut it = raw
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .peekable();
        while let Some(a) = it.next() {
            if a == "-h" {
                out.options.push(("help".to_owned(), None));
                continue;
            }
            let Some(name) = a.strip_prefix("--") else {
                out.positional.push(a);
                continue;
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (name.to_owned(), None),
            };
            let value = match inline {
                // The next argument, unless it is an option itself (like clap, which wants
                // `--out=--x` for such a value).
                None if table::takes_value(&name) => {
                    let next = it.next_if(|v| !v.starts_with("--"));
                    if next.is_none() {
                        out.missing_value.get_or_insert(name.clone());
                    }
                    next
                }
                inline => inline,
            };
            out.options.push((name, value));
        }
        out
    }

    /// Was `--name` given?
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    /// The value of the last `--name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The `i`th positional argument after the command.
    pub fn arg(&self, i: usize) -> Option<&str> {
        self.positional.get(i + 1).map(String::as_str)
    }
}

/// What a command runs with.
pub struct Ctx<'a, 'w> {
    /// Its arguments.
    pub args: &'a Args,
    /// The output language.
    pub lang: Lang,
    /// Where everything is printed.
    pub out: &'a mut Out<'w>,
}

impl Ctx<'_, '_> {
    /// Says `ko` or `en` (by the output language) on standard error.
    pub fn say(&mut self, ko: &str, en: &str) {
        self.out.say(self.lang, ko, en);
    }

    /// The spec directory: the first positional argument, else `--dir`, else `error-spec`.
    pub fn spec_dir(&self) -> PathBuf {
        PathBuf::from(
            self.args
                .arg(0)
                .or(self.args.value("dir"))
                .unwrap_or(DEFAULT_DIR),
        )
    }

    /// Loads and validates the spec in `dir`. On failure prints why and returns the exit
    /// status: 2 when the directory cannot be read, 1 when the spec has errors (their
    /// diagnostics printed).
    pub fn load_valid(&mut self, dir: &Path) -> Result<crate::model::Catalog, i32> {
        let checked = match crate::check_dir(dir) {
            Ok(c) => c,
            Err(e) => {
                self.could_not_read(&e);
                return Err(2);
            }
        };
        match checked.catalog {
            Some(catalog) => Ok(catalog),
            None => {
                let opts = RenderOptions {
                    lang: self.lang,
                    color: false,
                };
                self.out
                    .eprint(&render_all(&checked.diagnostics, &checked.sources, opts));
                Err(1)
            }
        }
    }

    /// Says that the spec cannot be read, and how to point at it.
    pub fn could_not_read(&mut self, e: &crate::load::LoadError) {
        let ko = format!(
            "오류: {}\n도움말: 저장소 맨 위에서 실행하거나 스펙 폴더를 지정하세요: errspec check error-spec",
            e.message(Lang::Ko)
        );
        let en = format!(
            "error: {}\nhelp: run from the repository root, or name the spec directory: errspec check error-spec",
            e.message(Lang::En)
        );
        self.say(&ko, &en);
    }

    /// Writes `text` to the file `--out` names, or prints it; returns the exit status.
    pub fn write_or_print(&mut self, text: &str) -> i32 {
        let Some(path) = self.args.value("out") else {
            self.out.print(text);
            return 0;
        };
        match std::fs::write(path, text) {
            Ok(()) => 0,
            Err(e) => {
                self.say(
                    &format!(
                        "오류: `{path}`에 쓸 수 없습니다: {}",
                        io_reason(&e, Lang::Ko)
                    ),
                    &format!("error: cannot write `{path}`: {e}"),
                );
                2
            }
        }
    }
}

/// Runs `errspec` with `args` (without the program name); returns the exit status.
pub fn run(args: Vec<OsString>) -> i32 {
    let mut out = Out::std();
    let args = Args::parse(args);
    let lang = args
        .value("lang")
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env);
    let status = dispatch(&args, lang, &mut out);
    out.finish(status, lang)
}

fn dispatch(args: &Args, lang: Lang, out: &mut Out<'_>) -> i32 {
    let say = |out: &mut Out<'_>, ko: String, en: String| {
        out.say(lang, &ko, &en);
        2
    };
    if let Some(name) = &args.missing_value {
        return say(
            out,
            format!("오류: `--{name}`에 값을 주세요 (errspec help)"),
            format!("error: `--{name}` needs a value (errspec help)"),
        );
    }
    if let Some(l) = args.value("lang").filter(|l| Lang::parse(l).is_none()) {
        return say(
            out,
            format!("오류: 알 수 없는 언어 `{l}` (ko 또는 en)"),
            format!("error: unknown language `{l}` (use ko or en)"),
        );
    }
    let Some(name) = args.positional.first() else {
        // No command: the help, as a usage error.
        out.println(&table::help_text(lang));
        return if args.flag("help") { 0 } else { 2 };
    };
    let Some(command) = table::command(name) else {
        return say(
            out,
            format!("오류: 알 수 없는 명령 `{name}` (errspec help)"),
            format!("error: unknown command `{name}` (errspec help)"),
        );
    };
    if let Some((bad, _)) = args.options.iter().find(|(n, _)| !command.accepts(n)) {
        let list = command.option_list();
        return say(
            out,
            format!(
                "오류: `{name}` 명령에는 `--{bad}` 옵션이 없습니다 (있는 옵션: {list}; errspec help)"
            ),
            format!(
                "error: unknown option `--{bad}` for `{name}` (its options: {list}; errspec help)"
            ),
        );
    }
    if args.flag("help") {
        out.println(&table::help_text(lang));
        return 0;
    }
    (command.run)(&mut Ctx { args, lang, out })
}
