//! `errspec new`: on a copy of the repository's spec, it appends a skeleton with the next free
//! code and leaves every byte before it alone; `check` then asks for the empty messages, and
//! once they are written the spec is clean again.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh copy of `error-spec/` in a temporary directory, removed on drop.
struct SpecCopy(PathBuf);

impl SpecCopy {
    fn new(name: &str) -> SpecCopy {
        let dir = std::env::temp_dir().join(format!("errspec-new-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
        for entry in std::fs::read_dir(spec).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            }
        }
        SpecCopy(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.file(name)).unwrap()
    }

    fn dir(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for SpecCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn errspec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run errspec")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn check_json(dir: &str) -> (i32, Vec<Value>) {
    let out = errspec(&["check", dir, "--format", "json"]);
    let diags = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), diags)
}

/// The highest `EBP-<cat>-NNNN` number in `text`, found without the codegen crate.
fn highest(text: &str, cat: &str) -> u32 {
    let prefix = format!("EBP-{cat}-");
    text.match_indices(&prefix)
        .filter_map(|(i, _)| text.get(i + prefix.len()..i + prefix.len() + 4))
        .filter_map(|n| n.parse().ok())
        .max()
        .unwrap_or(0)
}

#[test]
fn appends_the_next_free_code_and_changes_nothing_else() {
    let spec = SpecCopy::new("append");
    let before = spec.read("ebp.toml");
    let expected_code = format!("EBP-C-{:04}", highest(&before, "C") + 1);

    let out = errspec(&["new", "ebp", "--category", "C", "--dir", spec.dir()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains(&expected_code), "{report}");
    assert!(report.contains("다음 단계"), "{report}");
    assert!(report.contains("errspec -- check"), "{report}");

    let after = spec.read("ebp.toml");
    assert!(
        after.starts_with(&before),
        "the old text is kept byte for byte"
    );
    let appended = &after[before.len()..];
    assert_eq!(
        appended,
        format!(
            "\n[errors.\"{expected_code}\"]\ncategory = \"C\"\nstatus = 400\nmessage.ko = \"\"\nmessage.en = \"\"\n"
        )
    );
    // Other files are untouched.
    for f in ["catalog.toml", "toss.toml", "cancel.toml", "schema.json"] {
        let original = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../error-spec")
            .join(f);
        assert_eq!(spec.read(f), std::fs::read_to_string(original).unwrap());
    }

    // `check` asks for the two empty messages, at their lines, and nothing else.
    let header_line = after[..before.len() + 1].lines().count() + 1;
    let (status, diags) = check_json(spec.dir());
    assert_eq!(status, 1);
    let got: Vec<(String, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let h = header_line as u64;
    assert_eq!(
        got,
        [("E024".to_owned(), h + 3), ("E024".to_owned(), h + 4)]
    );
    assert!(
        diags[0]["help"][0]
            .as_str()
            .unwrap()
            .contains("글을 쓰세요")
    );

    // Written, the spec is clean again.
    let filled = after
        .replace(
            "message.ko = \"\"",
            "message.ko = \"결제 금액이 최소 결제 금액보다 작습니다\"",
        )
        .replace(
            "message.en = \"\"",
            "message.en = \"The amount is below the minimum\"",
        );
    std::fs::write(spec.file("ebp.toml"), filled).unwrap();
    let (status, diags) = check_json(spec.dir());
    assert_eq!(status, 0, "{diags:?}");
}

#[test]
fn a_retired_code_is_never_handed_out_again() {
    let spec = SpecCopy::new("retired");
    let mut ebp = spec.read("ebp.toml");
    let top = highest(&ebp, "Z") + 5;
    ebp.push_str(&format!(
        "\n[errors.\"EBP-Z-{top:04}\"]\ncategory = \"Z\"\nretired = {{ since = \"2024-01\" }}\n"
    ));
    std::fs::write(spec.file("ebp.toml"), &ebp).unwrap();
    assert_eq!(check_json(spec.dir()).0, 0, "the retired code is valid");
    let out = errspec(&["new", "ebp", "--category", "Z", "--dir", spec.dir()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        spec.read("ebp.toml")
            .contains(&format!("[errors.\"EBP-Z-{:04}\"]", top + 1))
    );
}

#[test]
fn domains_without_a_numbered_format_need_the_code() {
    let spec = SpecCopy::new("toss");
    let before = spec.read("toss.toml");
    let out = errspec(&["new", "toss", "--dir", spec.dir()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("errspec new toss"),
        "explains how"
    );
    assert_eq!(spec.read("toss.toml"), before, "nothing written");

    // An existing code is refused.
    let out = errspec(&["new", "toss", "NOT_FOUND_PAYMENT", "--dir", spec.dir()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("이미 있습니다"));
    assert_eq!(spec.read("toss.toml"), before, "nothing written");

    let out = errspec(&[
        "new",
        "toss",
        "NEW_PROVIDER_ERROR",
        "--status",
        "502",
        "--dir",
        spec.dir(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Next steps"));
    let after = spec.read("toss.toml");
    assert_eq!(
        &after[before.len()..],
        "\n[errors.NEW_PROVIDER_ERROR]\nstatus = 502\nmessage.ko = \"\"\nmessage.en = \"\"\n"
    );
}

#[test]
fn usage_mistakes_are_explained() {
    let spec = SpecCopy::new("usage");
    let ebp = spec.read("ebp.toml");
    for (args, says) in [
        (vec!["new", "ebp"], "--category"),
        (vec!["new", "ebp", "--category", "Q"], "분류 `Q`"),
        (vec!["new", "ebpp"], "`ebp`"),
        (vec!["new", "ebp", "EBP-X-1"], "형식"),
        (
            vec!["new", "ebp", "--category", "C", "--status", "600"],
            "599",
        ),
    ] {
        let mut args = args;
        args.extend(["--dir", spec.dir()]);
        let out = errspec(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(spec.read("ebp.toml"), ebp, "nothing written");
    assert_eq!(errspec(&["new"]).status.code(), Some(2));
}

/// Runs `git` in `dir`, quietly, with a fixed identity.
fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn a_code_deleted_outright_is_not_handed_out_again() {
    let spec = SpecCopy::new("history");
    let dir = Path::new(spec.dir());
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "spec"]);
    // EBP-C-0012, the highest C code, deleted without a tombstone and committed.
    let ebp = spec.read("ebp.toml");
    let start = ebp.find("[errors.\"EBP-C-0012\"]").expect("EBP-C-0012");
    let end = start
        + ebp[start..]
            .find("\n\n")
            .expect("blank line after the entry")
        + 2;
    std::fs::write(
        spec.file("ebp.toml"),
        format!("{}{}", &ebp[..start], &ebp[end..]),
    )
    .unwrap();
    git(dir, &["commit", "-q", "-am", "delete EBP-C-0012"]);

    let out = errspec(&[
        "new",
        "ebp",
        "--category",
        "C",
        "--dir",
        spec.dir(),
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("EBP-C-0013"),
        "the deleted EBP-C-0012 is skipped: {}",
        text(&out.stdout)
    );

    let out = errspec(&[
        "new",
        "ebp",
        "EBP-C-0012",
        "--dir",
        spec.dir(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("was in ebp.toml before and was deleted (git history)"),
        "{}",
        text(&out.stderr)
    );
}
