//! The `errspec` command line as a whole, by running the binary: every command's exit status
//! (0 clean, 1 problems, 2 could not run), help and usage errors from the one command table in
//! Korean and English, and output that cannot be written — a closed pipe ends quietly, a full
//! disk (`/dev/full`) is an error with exit 2 — never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture spec directory (none of them has a generated crate next to it to rewrite).
fn fixture(name: &str) -> String {
    manifest_dir()
        .join("tests/fixtures")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// A fresh scratch directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_errspec"));
    c.args(args)
        .current_dir(scratch_root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("COLUMNS", "100");
    c
}

/// Where commands run: a directory without `error-spec/`, so that nothing of the repository
/// is read or rewritten unless a test names it.
fn scratch_root() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cwd");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `errspec ARGS`: (exit status, stdout, stderr).
fn errspec(args: &[&str]) -> (i32, String, String) {
    let out: Output = command(args).output().expect("run errspec");
    (
        out.status.code().expect("exited, not killed by a signal"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn status(args: &[&str]) -> i32 {
    let (code, out, err) = errspec(args);
    assert!(!err.contains("panicked"), "{args:?}: {out}{err}");
    code
}

// ---- exit statuses, command by command ----------------------------------------------------

#[test]
fn check_exits_0_clean_1_problems_2_could_not_run() {
    assert_eq!(status(&["check", &fixture("golden")]), 0);
    assert_eq!(status(&["check", &fixture("six-mistakes")]), 1);
    assert_eq!(
        status(&["check", &fixture("six-mistakes"), "--format", "json"]),
        1
    );
    assert_eq!(status(&["check", "no-such-dir"]), 2);
    assert_eq!(status(&["check", &fixture("golden"), "--format", "xml"]), 2);
}

#[test]
fn explain_exits_0_found_1_problems_2_could_not_run() {
    let golden = fixture("golden");
    let (code, out, err) = errspec(&["explain", "SHOP-A-001", "--dir", &golden]);
    assert_eq!(code, 0, "{out}{err}");
    // An unknown code is a problem, as is a spec with errors: 1, with what to fix.
    assert_eq!(status(&["explain", "NO_SUCH_CODE", "--dir", &golden]), 1);
    let (code, _, err) = errspec(&["explain", "X", "--dir", &fixture("six-mistakes")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("오류[E"), "{err}");
    assert_eq!(status(&["explain", "X", "--dir", "no-such-dir"]), 2);
    assert_eq!(status(&["explain"]), 2);
}

#[test]
fn generate_exits_0_1_2() {
    assert_eq!(status(&["generate", &fixture("golden")]), 0);
    assert_eq!(
        status(&["generate", &fixture("golden"), "--extern-runtime"]),
        0
    );
    assert_eq!(status(&["generate", &fixture("six-mistakes")]), 1);
    assert_eq!(status(&["generate", "no-such-dir"]), 2);
    let bad_out = ["generate", &fixture("golden"), "--out", "/no-such-dir/x.rs"];
    assert_eq!(status(&bad_out), 2);
}

#[test]
fn diff_exits_0_1_2() {
    let (golden, bad) = (fixture("golden"), fixture("six-mistakes"));
    assert_eq!(status(&["diff", &golden, &golden]), 0);
    assert_eq!(status(&["diff", &golden, &golden, "--format", "json"]), 0);
    // Golden without one of its codes: a code removed is breaking.
    let tmp = scratch("diff");
    for f in ["catalog.toml", "shop.toml"] {
        std::fs::copy(Path::new(&golden).join(f), tmp.join(f)).unwrap();
    }
    let shop = std::fs::read_to_string(tmp.join("shop.toml")).unwrap();
    let start = shop.find("[errors.\"SHOP-A-001\"]").unwrap();
    let end = start + 1 + shop[start + 1..].find("\n[errors.").unwrap();
    std::fs::write(
        tmp.join("shop.toml"),
        format!("{}{}", &shop[..start], &shop[end + 1..]),
    )
    .unwrap();
    assert_eq!(status(&["diff", &golden, tmp.to_str().unwrap()]), 1);
    assert_eq!(status(&["diff", &golden, &bad]), 2);
    assert_eq!(status(&["diff"]), 2);
    assert_eq!(status(&["diff", &golden, &golden, "--format", "yaml"]), 2);
}

#[test]
fn new_exits_0_added_1_refused_2_could_not_run() {
    let tmp = scratch("new");
    for f in ["catalog.toml", "shop.toml"] {
        std::fs::copy(Path::new(&fixture("golden")).join(f), tmp.join(f)).unwrap();
    }
    let dir = tmp.to_str().unwrap();
    assert_eq!(status(&["new", "nosuch", "--dir", dir]), 1);
    assert_eq!(status(&["new", "shop", "--category", "A", "--dir", dir]), 0);
    assert_eq!(status(&["new", "shop", "--status", "abc", "--dir", dir]), 2);
    assert_eq!(status(&["new", "shop", "--dir", "no-such-dir"]), 2);
    assert_eq!(status(&["new"]), 2);
}

#[test]
fn schema_and_docs_exit_0_1_2() {
    assert_eq!(status(&["schema"]), 0);
    assert_eq!(status(&["schema", "--out", "/no-such-dir/schema.json"]), 2);
    let out = scratch("docs");
    let out = out.to_str().unwrap();
    assert_eq!(status(&["docs", &fixture("golden"), "--out", out]), 0);
    assert_eq!(status(&["docs", &fixture("six-mistakes"), "--out", out]), 1);
    assert_eq!(status(&["docs", &fixture("golden"), "--format", "pdf"]), 2);
    assert_eq!(status(&["docs", "no-such-dir", "--out", out]), 2);
}

// ---- help and usage errors ------------------------------------------------------------------

#[test]
fn help_lists_every_option_the_commands_accept_in_both_languages() {
    let (code, ko, _) = errspec(&["help"]);
    assert_eq!(code, 0);
    let (code, en, _) = errspec(&["help", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(ko.starts_with("errspec — 결제 에러 스펙 도구"), "{ko}");
    assert!(
        en.starts_with("errspec — the payment error spec tool"),
        "{en}"
    );
    for text in [&ko, &en] {
        for option in [
            "--strict",
            "--format json",
            "--locked",
            "--color",
            "--no-color",
            "--extern-runtime",
            "--against REV",
            "--category C",
            "--status N",
            "--domain D",
            "--out FILE",
            "--lang ko|en",
            "--help",
        ] {
            assert!(text.contains(option), "{option}: {text}");
        }
    }
    // `--help` anywhere is the help, not a run of the command.
    assert_eq!(errspec(&["check", "no-such-dir", "--help"]).1, ko);
    assert_eq!(status(&["--help"]), 0);
    assert_eq!(errspec(&["-h", "--lang", "en"]), (0, en, String::new()));
    // No command at all is a usage error that shows the help.
    let (code, out, _) = errspec(&[]);
    assert_eq!((code, out), (2, ko));
}

#[test]
fn usage_errors_exit_2_in_korean_and_in_english() {
    for (args, ko, en) in [
        (
            &["frobnicate"][..],
            "알 수 없는 명령 `frobnicate`",
            "unknown command `frobnicate`",
        ),
        (
            &["check", "--bogus"],
            "`--bogus` 옵션이 없습니다",
            "unknown option `--bogus`",
        ),
        (
            &["generate", "--out"],
            "`--out`에 값을 주세요",
            "`--out` needs a value",
        ),
        (
            &["check", "--format", "xml"],
            "알 수 없는 형식 `xml`",
            "unknown format `xml`",
        ),
        (
            &["new", "x", "--status", "abc"],
            "--status에는 404 같은 숫자",
            "--status takes a number",
        ),
        (
            &["check", "no-such-dir"],
            "스펙 폴더 `no-such-dir`를 읽을 수 없습니다",
            "cannot read spec directory `no-such-dir`",
        ),
        (
            &["schema", "--out", "/no-such-dir/x"],
            "`/no-such-dir/x`에 쓸 수 없습니다",
            "cannot write `/no-such-dir/x`",
        ),
    ] {
        let (code, _, err) = errspec(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.starts_with("오류: ") && err.contains(ko),
            "{args:?}: {err}"
        );
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        let (code, _, err) = errspec(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.starts_with("error: ") && err.contains(en),
            "{args:?}: {err}"
        );
    }
    // The unknown option's error names the options the command takes.
    let (_, _, err) = errspec(&["generate", "--strict", "--lang", "en"]);
    assert!(
        err.contains("its options: --out, --extern-runtime, --lang, --help"),
        "{err}"
    );
    // An unknown language: said in the environment's language.
    let (code, _, err) = errspec(&["check", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("알 수 없는 언어 `fr`"), "{err}");
}

// ---- output that cannot be written ----------------------------------------------------------

/// Commands that print to standard output, with the status they exit with when it is written.
fn printing_commands() -> Vec<(Vec<String>, i32)> {
    let golden = fixture("golden");
    [
        (vec!["help"], 0),
        (vec!["check", &golden], 0),
        (vec!["check", &fixture("six-mistakes")], 1),
        (
            vec!["check", &fixture("six-mistakes"), "--format", "json"],
            1,
        ),
        (vec!["generate", &golden], 0),
        (vec!["explain", "SHOP-A-001", "--dir", &golden], 0),
        (vec!["diff", &golden, &golden], 0),
        (vec!["schema"], 0),
    ]
    .into_iter()
    .map(|(args, code)| (args.into_iter().map(str::to_owned).collect(), code))
    .collect()
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_commands_own_status() {
    for (args, want) in printing_commands() {
        // The reading end is closed before the command writes a byte (`errspec … | head -0`).
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = command(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(want), "{args:?}: {err}");
        if want == 0 {
            assert_eq!(err, "", "{args:?}");
        }
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_full_disk_is_an_error_with_exit_2_in_both_languages() {
    if !Path::new("/dev/full").exists() {
        return; // not Linux
    }
    for (args, _) in printing_commands() {
        for (lang, want) in [
            ("ko", "오류: 출력을 쓸 수 없습니다"),
            ("en", "error: cannot write the output"),
        ] {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--lang", lang]);
            let out = command(&args).stdout(full).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(want), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    }
}
