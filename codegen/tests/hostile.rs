//! Hostile input, end to end: every generated pathological spec (`examples/hostile_spec.rs`)
//! makes the `errspec` binary end with the right exit status, without a panic, with its
//! problems said in both languages. Sizes are small here; `scripts/bench-hostile` measures
//! time and memory at large sizes (BENCHMARKS.md). No timing is asserted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../examples/hostile_spec.rs"]
mod hostile_spec;

fn errspec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .env("LANG", "ko_KR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("errspec runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn every_case_ends_with_its_exit_status() {
    for &(case, _, want) in hostile_spec::CASES {
        if cfg!(not(unix)) && case == "symlink-loop" {
            continue;
        }
        let dir = scratch(case);
        assert!(hostile_spec::write(case, 300, &dir).unwrap(), "{case}");
        let shown = dir.to_str().unwrap();
        for format in ["human", "json"] {
            let out = errspec(&["check", shown, "--format", format]);
            let all = text(&out);
            assert_eq!(out.status.code(), Some(want), "{case} ({format}):\n{all}");
            assert!(!all.contains("panicked"), "{case}:\n{all}");
        }
    }
}

#[test]
fn repeated_problems_are_capped_per_kind_and_counted() {
    let dir = scratch("cap");
    hostile_spec::write("syntax", 300, &dir).unwrap();
    let shown = dir.to_str().unwrap();
    let out = errspec(&["check", shown]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert_eq!(human.matches("오류[E001]").count(), 50, "{human}");
    assert!(
        human.contains("E001(toml-syntax) 문제 250개는 더 보여 주지 않았습니다"),
        "{human}"
    );
    // The summary still counts every problem (each bad line is also an unknown key).
    assert!(human.contains("오류 600개"), "{human}");
    let en = errspec(&["check", shown, "--lang", "en"]);
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(
        en.contains("250 more E001 (toml-syntax) problems in"),
        "{en}"
    );
    // JSON lists every problem.
    let json = errspec(&["check", shown, "--format", "json"]);
    let json = String::from_utf8_lossy(&json.stdout);
    assert_eq!(json.matches("\"id\":\"E001\"").count(), 300, "{json}");
}

#[test]
fn unreadable_files_are_reported_not_skipped() {
    let dir = scratch("unreadable");
    hostile_spec::write("dir-toml", 3, &dir).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop.toml", dir.join("loop.toml")).unwrap();
        std::os::unix::fs::symlink("nowhere", dir.join("dangling.toml")).unwrap();
    }
    let out = errspec(&["check", dir.to_str().unwrap(), "--lang", "en"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("`x.toml` is a directory, not a file"), "{all}");
    assert!(all.contains("x.toml:1:1"), "{all}");
    #[cfg(unix)]
    {
        assert!(
            all.contains("`loop.toml` is a symbolic link that loops"),
            "{all}"
        );
        assert!(
            all.contains("`dangling.toml` is a symbolic link to a file that does not exist"),
            "{all}"
        );
    }
}

#[test]
fn a_file_over_the_limit_is_one_diagnostic_in_both_languages() {
    let dir = scratch("too-large");
    hostile_spec::write("too-large", 0, &dir).unwrap();
    let out = errspec(&["check", dir.to_str().unwrap()]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(
        all.contains("파일이 너무 큽니다: 9437184바이트 (파일 하나는 8 MiB까지)"),
        "{all}"
    );
    let en = text(&errspec(&["check", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(en.contains("the limit is 8 MiB per file"), "{en}");
}

#[test]
fn explain_with_a_very_long_argument_answers() {
    let dir = scratch("explain-long");
    hostile_spec::write("crlf", 50, &dir).unwrap();
    let long = "HOSTILE_CODE_".repeat(5_000);
    let out = errspec(&["explain", "--dir", dir.to_str().unwrap(), &long]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let near = errspec(&["explain", "--dir", dir.to_str().unwrap(), "HOSTILE_CODE_4x"]);
    assert!(text(&near).contains("HOSTILE_CODE_4"), "{}", text(&near));
}
