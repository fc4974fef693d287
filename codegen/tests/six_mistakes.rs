//! The demo of issue 3, run through the real `errspec` binary: two domain files holding a
//! typo'd key, a status of 600, an unknown category, a placeholder missing from `en`, a TOML
//! syntax error and the same code defined twice get all six reported in one run, each at its
//! line with a fix, in Korean and in English — and nothing else. Also the command's contract:
//! sorted output, JSON lines, exit statuses, and `LANG` choosing the language.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/six-mistakes")
}

fn repo_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec")
}

/// Runs `errspec` with a clean locale environment plus `env`.
fn errspec(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_errspec"));
    cmd.args(args);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run errspec")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

/// One expected problem: file, line, rule id, and words of its fix in each language.
struct Mistake {
    file: &'static str,
    line: u64,
    id: &'static str,
    fix_ko: &'static str,
    fix_en: &'static str,
}

/// In the order `check` must print them: by file, then line.
const SIX: &[Mistake] = &[
    // A placeholder missing from `en`.
    Mistake {
        file: "refund.toml",
        line: 10,
        id: "E012",
        fix_ko: "en 메시지에도 {refundId}를 넣으세요",
        fix_en: "add {refundId} to the en message",
    },
    // A TOML syntax error: an unclosed quote.
    Mistake {
        file: "refund.toml",
        line: 15,
        id: "E001",
        fix_ko: "같은 줄에서 따옴표를 닫으세요",
        fix_en: "close the quote on the same line",
    },
    // The same code defined twice (the first definition is shown too).
    Mistake {
        file: "refund.toml",
        line: 19,
        id: "E018",
        fix_ko: "두 정의를 하나로 합치거나, 새 에러라면 새 코드를 쓰세요",
        fix_en: "merge the two, or give the new error a new code",
    },
    // A typo'd key.
    Mistake {
        file: "shop.toml",
        line: 13,
        id: "E002",
        fix_ko: "`status`를 쓰려던 것인가요?",
        fix_en: "did you mean `status`?",
    },
    // A status of 600.
    Mistake {
        file: "shop.toml",
        line: 20,
        id: "E005",
        fix_ko: "HTTP 상태는 599까지입니다",
        fix_en: "HTTP statuses stop at 599",
    },
    // An unknown category.
    Mistake {
        file: "shop.toml",
        line: 26,
        id: "E006",
        fix_ko: "쓸 수 있는 분류: `C`",
        fix_en: "declared categories: `C`",
    },
];

fn json_lines(lang: &str) -> Vec<Value> {
    let dir = fixture();
    let out = errspec(
        &[
            "check",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            lang,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "errors exit with 1");
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn all_six_mistakes_in_one_run_each_at_its_line_with_a_fix() {
    for lang in ["ko", "en"] {
        let diags = json_lines(lang);
        let got: Vec<(String, u64, String)> = diags
            .iter()
            .map(|d| {
                let file = d["file"].as_str().unwrap_or_default();
                let name = Path::new(file).file_name().unwrap().to_string_lossy();
                (
                    name.into_owned(),
                    d["line"].as_u64().unwrap(),
                    d["id"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, u64, String)> = SIX
            .iter()
            .map(|m| (m.file.to_owned(), m.line, m.id.to_owned()))
            .collect();
        assert_eq!(got, want, "exactly the six mistakes, sorted ({lang})");
        for (d, m) in diags.iter().zip(SIX) {
            assert_eq!(d["severity"], "error");
            let fix = if lang == "ko" { m.fix_ko } else { m.fix_en };
            let help: Vec<&str> = d["help"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h.as_str().unwrap())
                .collect();
            assert!(
                help.iter().any(|h| h.contains(fix)),
                "{} {}:{} ({lang}): no help saying {fix:?} in {help:?}",
                m.id,
                m.file,
                m.line
            );
        }
        // The duplicate points at the first definition too.
        let dup = &diags[2]["related"][0];
        assert_eq!(dup["line"], 7, "{dup}");
    }
}

#[test]
fn rendered_in_korean_by_default_and_in_english_on_request() {
    let dir = fixture();
    let dir_s = dir.to_str().unwrap();
    let ko = errspec(&["check", dir_s], &[]);
    assert_eq!(ko.status.code(), Some(1));
    let ko = stdout(&ko);
    let en = errspec(&["check", dir_s], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(en.status.code(), Some(1));
    let en = stdout(&en);
    let en_flag = stdout(&errspec(&["check", dir_s, "--lang", "en"], &[]));
    assert_eq!(en, en_flag, "LANG=en_US.UTF-8 and --lang en agree");
    for m in SIX {
        let place = format!("{}:{}:", m.file, m.line);
        assert!(ko.contains(&format!("오류[{}]", m.id)), "{ko}");
        assert!(en.contains(&format!("error[{}]", m.id)), "{en}");
        for out in [&ko, &en] {
            assert!(
                out.lines()
                    .any(|l| l.trim_start().starts_with("-->") && l.contains(&place)),
                "no `--> …{place}` in\n{out}"
            );
        }
        assert!(ko.contains(&format!("= 도움말: {}", m.fix_ko)) || ko.contains(m.fix_ko));
        assert!(en.contains(m.fix_en), "{en}");
    }
    assert!(ko.contains("오류 6개, 경고 0개"), "{ko}");
    assert!(en.contains("6 errors, 0 warnings"), "{en}");
    // The offending line itself is shown.
    assert!(ko.contains("stauts = 404") && ko.contains("status = 600"));
}

#[test]
fn exit_status_zero_when_clean_two_when_it_cannot_run() {
    let spec = repo_spec();
    let clean = errspec(&["check", spec.to_str().unwrap()], &[]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    let json = errspec(&["check", spec.to_str().unwrap(), "--format", "json"], &[]);
    assert_eq!(json.status.code(), Some(0));
    for line in stdout(&json).lines() {
        let v: Value = serde_json::from_str(line).expect("JSON line");
        assert_eq!(
            v["severity"], "warning",
            "a clean spec has warnings at most"
        );
    }
    let missing = errspec(&["check", "/nonexistent/error-spec"], &[]);
    assert_eq!(missing.status.code(), Some(2));
    let bad_format = errspec(&["check", spec.to_str().unwrap(), "--format", "xml"], &[]);
    assert_eq!(bad_format.status.code(), Some(2));
}
