//! The one table of commands and options. Both help texts, option parsing and the
//! unknown-option error come from it, so a command or an option is added in one place: its
//! entry here (and, for a new command, its module under `cmd/`).

use super::{Ctx, check, diff, docs, explain, export, generate, lsp, new, schema};

/// An option (`--name` or `--name VALUE`).
#[derive(Debug, Clone, Copy)]
pub struct Opt {
    /// The name, without `--`.
    pub name: &'static str,
    /// What the value looks like in help (`FILE`, `ko|en`); `None` for a flag without value.
    pub value: Option<&'static str>,
    /// Help, Korean; `\n` starts a continuation line.
    pub ko: &'static str,
    /// Help, English.
    pub en: &'static str,
}

/// A subcommand.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    /// The name (`check`).
    pub name: &'static str,
    /// Its positional arguments as help shows them (`[DIR]`).
    pub args: &'static str,
    /// Help, Korean; `\n` starts a continuation line.
    pub ko: &'static str,
    /// Help, English.
    pub en: &'static str,
    /// The options it takes besides [`COMMON`].
    pub options: &'static [Opt],
    /// Runs it; returns the exit status (0 clean, 1 problems, 2 could not run).
    pub run: fn(&mut Ctx<'_, '_>) -> i32,
}

const fn opt(
    name: &'static str,
    value: Option<&'static str>,
    ko: &'static str,
    en: &'static str,
) -> Opt {
    Opt {
        name,
        value,
        ko,
        en,
    }
}

/// Options every command takes.
pub const COMMON: &[Opt] = &[
    opt(
        "lang",
        Some("ko|en"),
        "출력 언어 (기본: 한국어, LANG=en_*이면 영어)",
        "output language (default Korean; English when LANG=en_*)",
    ),
    opt("help", None, "이 도움말 (-h)", "this help (-h)"),
];

/// Every command, in the order help lists them.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "check",
        args: "[DIR]",
        ko: "스펙(DIR, 기본 ./error-spec)의 모든 문제를 한 번에 보여 줍니다\n문제가 없으면 생성 코드(payment-errors/src/catalog.rs)를 갱신합니다",
        en: "report every problem of the spec in DIR (default ./error-spec)\na clean spec also regenerates payment-errors/src/catalog.rs",
        options: &[
            opt(
                "strict",
                None,
                "경고(번역 누락 등)도 오류로 봅니다",
                "treat warnings (missing translations …) as errors",
            ),
            opt(
                "format",
                Some("json"),
                "문제를 한 줄에 하나씩 JSON으로 출력합니다 (CI, 편집기용)\n--format github: GitHub Actions 주석, --format sarif: SARIF 2.1.0 (풀 리퀘스트용)",
                "one JSON object per problem, per line (for CI and editors)\n--format github: GitHub Actions annotations; --format sarif: SARIF 2.1.0 (pull requests)",
            ),
            opt(
                "locked",
                None,
                "생성 코드를 고치지 않고, 스펙과 맞지 않으면 1로 끝납니다 (CI용)",
                "do not regenerate it; exit 1 if it is out of date (for CI)",
            ),
            opt(
                "color",
                None,
                "터미널이 아니어도 색을 씁니다",
                "colour the output even when it is not a terminal",
            ),
            opt(
                "no-color",
                None,
                "색을 쓰지 않습니다",
                "never colour the output",
            ),
        ],
        run: check::run,
    },
    Command {
        name: "explain",
        args: "CODE",
        ko: "코드가 무슨 뜻인지 보여 줍니다 (예: errspec explain NOT_FOUND_PAYMENT)",
        en: "what a code means (errspec explain NOT_FOUND_PAYMENT)",
        options: &[
            opt(
                "domain",
                Some("D"),
                "여러 도메인에 같은 코드가 있을 때 고릅니다 (또는 D:CODE)",
                "pick the domain when several have the code (or D:CODE)",
            ),
            opt("dir", Some("DIR"), "스펙 위치", "where the spec is"),
        ],
        run: explain::run,
    },
    Command {
        name: "generate",
        args: "[DIR]",
        ko: "만들어질 Rust 코드를 출력합니다",
        en: "print the Rust code the spec generates",
        options: &[
            opt("out", Some("FILE"), "파일로 씁니다", "write it to FILE"),
            opt(
                "extern-runtime",
                None,
                "런타임을 payment_errors 크레이트에서 가져다 씁니다 (다른 크레이트에 넣을 때)",
                "use the runtime of the payment_errors crate (for code put in another crate)",
            ),
        ],
        run: generate::run,
    },
    Command {
        name: "diff",
        args: "OLD [NEW]",
        ko: "두 스펙을 비교해 호환성을 깨는 변경을 찾습니다 (각각 폴더나 git 리비전)\n승인되지 않은 호환성을 깨는 변경이 있으면 1로 끝납니다",
        en: "compare two specs, each a directory or a git revision, and review\nevery change as breaking or compatible\nexits 1 on a breaking change the spec does not acknowledge",
        options: &[
            opt(
                "against",
                Some("REV"),
                "작업 중인 스펙(DIR, 기본 ./error-spec)을 REV(예: origin/main)와 비교합니다",
                "compare the working spec (DIR, default ./error-spec) with REV",
            ),
            opt(
                "format",
                Some("F"),
                "text(기본), markdown(PR 댓글용), changelog(CHANGELOG.md용), json",
                "text (default), markdown (for a pull-request comment), changelog (for CHANGELOG.md), json",
            ),
            opt(
                "dir",
                Some("DIR"),
                "스펙 위치 (git 리비전 안에서도)",
                "where the spec is (in git revisions too)",
            ),
        ],
        run: diff::run,
    },
    Command {
        name: "new",
        args: "DOMAIN [CODE]",
        ko: "DOMAIN.toml 끝에 새 에러의 뼈대를 덧붙입니다 (다음 빈 코드)",
        en: "append a new error skeleton to DOMAIN.toml (next free code)",
        options: &[
            opt(
                "category",
                Some("C"),
                "분류 (분류가 있는 도메인은 필수)",
                "its category (required where the domain has categories)",
            ),
            opt(
                "status",
                Some("N"),
                "HTTP 상태 (기본: default_status 또는 400)",
                "its HTTP status (default: default_status, or 400)",
            ),
            opt("dir", Some("DIR"), "스펙 위치", "where the spec is"),
        ],
        run: new::run,
    },
    Command {
        name: "schema",
        args: "",
        ko: "편집기용 JSON Schema를 출력합니다 (error-spec/schema.json)",
        en: "print the editor JSON Schema (error-spec/schema.json)",
        options: &[opt(
            "out",
            Some("FILE"),
            "파일로 씁니다",
            "write it to FILE",
        )],
        run: schema::run,
    },
    Command {
        name: "docs",
        args: "[DIR]",
        ko: "사람이 읽는 레퍼런스를 만듭니다 (정적 사이트, 서버 없이 file://로 열림)",
        en: "write the reference people read (a static site that opens from file://)",
        options: &[
            opt(
                "out",
                Some("DIR"),
                "출력 폴더 (기본 target/errspec-docs)",
                "where (default target/errspec-docs)",
            ),
            opt(
                "format",
                Some("markdown"),
                "HTML 대신 Markdown (위키, PR용)",
                "Markdown instead of HTML (for wikis and pull requests)",
            ),
            opt("dir", Some("DIR"), "스펙 위치", "where the spec is"),
            opt(
                "lang",
                Some("ko|en"),
                "처음 보여 줄 언어 (기본: 스펙의 첫 번째 언어)",
                "the language pages open in (default: the spec's first locale)",
            ),
        ],
        run: docs::run,
    },
    Command {
        name: "lsp",
        args: "",
        ko: "편집기용 언어 서버 (stdio; VS Code, Neovim이 실행합니다)",
        en: "the language server editors start (over stdio)",
        options: &[],
        run: lsp::run,
    },
    Command {
        name: "export",
        args: "[KIND...]",
        ko: "다른 언어와 도구용으로 내보냅니다: openapi, typescript, json (없으면 전부)",
        en: "export for other languages and tools: openapi, typescript, json (all when none\nis named)",
        options: &[
            opt(
                "out",
                Some("DIR"),
                "출력 폴더 (기본 exports)",
                "where (default exports)",
            ),
            opt(
                "check",
                None,
                "쓰지 않고, 스펙과 맞지 않으면 1로 끝납니다 (CI용)",
                "do not write; exit 1 if a file is out of date (for CI)",
            ),
            opt("dir", Some("DIR"), "스펙 위치", "where the spec is"),
        ],
        run: export::run,
    },
    Command {
        name: "help",
        args: "",
        ko: "이 도움말",
        en: "this help",
        options: &[],
        run: help,
    },
];

fn help(cx: &mut Ctx<'_, '_>) -> i32 {
    cx.out.println(&help_text(cx.lang));
    0
}

/// The command named `name`.
pub fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// Does the option `name` take a value? The same name means the same kind of option in
/// every command (a test checks it), so this can be asked before the command is known.
pub fn takes_value(name: &str) -> bool {
    all_options().any(|o| o.name == name && o.value.is_some())
}

fn all_options() -> impl Iterator<Item = &'static Opt> {
    COMMON.iter().chain(COMMANDS.iter().flat_map(|c| c.options))
}

impl Command {
    /// Does it take `--name`?
    pub fn accepts(&self, name: &str) -> bool {
        self.options.iter().chain(COMMON).any(|o| o.name == name)
    }

    /// Its options as `--a, --b`, for the unknown-option error.
    pub fn option_list(&self) -> String {
        let mut names: Vec<String> = Vec::new();
        for o in self.options.iter().chain(COMMON) {
            let shown = format!("--{}", o.name);
            if !names.contains(&shown) {
                names.push(shown);
            }
        }
        names.join(", ")
    }
}

/// Column where descriptions start.
const DESC: usize = 25;

fn push_entry(out: &mut String, indent: usize, head: &str, text: &str) {
    for (i, line) in text.lines().enumerate() {
        let left = if i == 0 { head } else { "" };
        let pad = DESC.saturating_sub(indent + left.len()).max(1);
        out.push_str(&format!(
            "{}{left}{}{line}\n",
            " ".repeat(indent),
            " ".repeat(pad)
        ));
    }
}

fn opt_head(o: &Opt) -> String {
    match o.value {
        Some(v) => format!("--{} {v}", o.name),
        None => format!("--{}", o.name),
    }
}

/// `errspec help` in `lang`.
pub fn help_text(lang: crate::diagnostic::Lang) -> String {
    let ko = lang == crate::diagnostic::Lang::Ko;
    let pick = |k: &'static str, e: &'static str| if ko { k } else { e };
    let mut out = String::new();
    out.push_str(pick(
        "errspec — 결제 에러 스펙 도구\n\n사용법: errspec <명령> [옵션]\n\n명령:\n",
        "errspec — the payment error spec tool\n\nUsage: errspec <command> [options]\n\nCommands:\n",
    ));
    for c in COMMANDS {
        let head = format!("{} {}", c.name, c.args);
        push_entry(&mut out, 2, head.trim_end(), pick(c.ko, c.en));
        for o in c.options {
            push_entry(&mut out, 6, &opt_head(o), pick(o.ko, o.en));
        }
    }
    out.push_str(pick("\n공통 옵션:\n", "\nCommon options:\n"));
    for o in COMMON {
        push_entry(&mut out, 2, &opt_head(o), pick(o.ko, o.en));
    }
    out.push_str(pick(
        "\n종료 코드: 0 문제 없음, 1 문제 있음, 2 실행할 수 없음",
        "\nExit status: 0 clean, 1 problems found, 2 could not run",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Lang;

    #[test]
    fn an_option_name_means_one_kind_of_option_everywhere() {
        for o in all_options() {
            assert_eq!(
                takes_value(o.name),
                o.value.is_some(),
                "--{} takes a value in one command and not in another",
                o.name
            );
        }
    }

    #[test]
    fn help_lists_every_command_and_option_in_both_languages() {
        for lang in [Lang::Ko, Lang::En] {
            let help = help_text(lang);
            for c in COMMANDS {
                assert!(
                    help.contains(&format!("\n  {} ", c.name)),
                    "{}: {help}",
                    c.name
                );
            }
            for o in all_options() {
                assert!(
                    help.contains(&format!("--{}", o.name)),
                    "--{}: {help}",
                    o.name
                );
            }
        }
    }

    #[test]
    fn every_help_text_has_both_languages_and_fits_the_column() {
        for c in COMMANDS {
            assert!(!c.ko.is_empty() && !c.en.is_empty(), "{}", c.name);
            assert!(
                format!("{} {}", c.name, c.args).len() < DESC - 2,
                "{}",
                c.name
            );
            for o in c.options.iter().chain(COMMON) {
                assert!(!o.ko.is_empty() && !o.en.is_empty(), "--{}", o.name);
                assert!(opt_head(o).len() < DESC - 6, "--{}", o.name);
            }
        }
    }
}
