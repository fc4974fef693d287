//! The staff guide (`error-spec/README.md`) cannot drift from the tool: its rule table is
//! `rules::RULES` (id, slug, Korean title), it documents every key the loader accepts and every particle spelling, and its
//! sample `errspec check` output is the real output.
//!
//! When the sample output changes on purpose (diagnostic wording), refresh it with
//! `scripts/bless` and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::diagnostic::Severity;
use codegen::raw::{
    RawCatalog, RawCategory, RawDeprecated, RawDetail, RawDomain, RawDomainFile, RawEnvelope,
    RawError, RawField, RawOperation, RawRetired, field_names,
};
use codegen::rules::RULES;
use codegen::template::PARTICLE_SPELLINGS;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn guide_path() -> PathBuf {
    root().join("error-spec/README.md")
}

fn guide() -> String {
    std::fs::read_to_string(guide_path()).expect("error-spec/README.md")
}

#[test]
fn the_rule_table_is_the_rules_table() {
    let guide = guide();
    let rows: Vec<(String, String, String)> = guide
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells.get(1)?;
            let is_id = id.len() == 4
                && (id.starts_with('E') || id.starts_with('W'))
                && id[1..].bytes().all(|b| b.is_ascii_digit());
            let cell = |i: usize| cells.get(i).unwrap_or(&"").to_string();
            is_id.then(|| ((*id).to_owned(), cell(2), cell(3)))
        })
        .collect();
    let expected: Vec<(String, String, String)> = RULES
        .iter()
        .map(|r| (r.id.to_owned(), r.slug.to_owned(), r.ko.to_owned()))
        .collect();
    assert_eq!(
        rows, expected,
        "the rule table of error-spec/README.md (section 10) must list every rule of \
         rules::RULES once, in order, as `| <id> | <slug> | <ko> |`"
    );
    for r in RULES {
        if r.severity == Severity::Warning {
            assert!(r.ko.contains("경고"), "{}: say it only warns", r.id);
        }
    }
}

#[test]
fn every_key_and_particle_is_documented() {
    let guide = guide();
    for section in field_names::<RawDomainFile>() {
        assert!(
            guide.contains(&format!("### `[{section}")),
            "error-spec/README.md has no section on [{section}] (section 6)"
        );
    }
    let keys = [
        field_names::<RawCatalog>(),
        field_names::<RawDomain>(),
        field_names::<RawCategory>(),
        field_names::<RawOperation>(),
        field_names::<RawError>(),
        field_names::<RawField>(),
        field_names::<RawDeprecated>(),
        field_names::<RawRetired>(),
        field_names::<RawEnvelope>(),
        field_names::<RawDetail>(),
    ];
    for key in keys.iter().flat_map(|k| k.iter()) {
        assert!(
            guide.contains(&format!("`{key}`")),
            "error-spec/README.md does not document the key `{key}` (section 6)"
        );
        // With an example: the key written as TOML somewhere in a code block.
        assert!(
            guide.contains(&format!("{key} = "))
                || guide.contains(&format!("{key}."))
                || guide.contains(&format!("[{key}"))
                || guide.contains(&format!("{key}.ko")),
            "error-spec/README.md has no example of `{key}`"
        );
    }
    for (spelling, _) in PARTICLE_SPELLINGS {
        assert!(
            guide.contains(&format!("`{spelling}`")),
            "particle {spelling} is not in the guide (section 7)"
        );
    }
}

const BEGIN: &str = "<!-- check-output:begin";
const END: &str = "<!-- check-output:end -->";
const DEMO: &str = "codegen/tests/fixtures/six-mistakes";

#[test]
fn the_sample_check_output_is_real() {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(["check", DEMO])
        .current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let output = String::from_utf8(out.stdout).unwrap();
    let block = format!(
        "```console\n$ errspec check {DEMO}\n{}\n```\n",
        output.trim_end()
    );

    let guide = guide();
    let start = guide.find(BEGIN).expect("check-output:begin marker");
    let start = start + guide[start..].find('\n').unwrap() + 1;
    let end = guide.find(END).expect("check-output:end marker");
    if guide[start..end] == block {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let updated = format!("{}{block}{}", &guide[..start], &guide[end..]);
        std::fs::write(guide_path(), updated).unwrap();
        return;
    }
    panic!(
        "the sample output in error-spec/README.md (section 8) is not what \
         `errspec check {DEMO}` prints now.\nRefresh it with \
         `scripts/bless` and review the diff.\n\n\
         Now:\n{block}"
    );
}

// ---- section 2, followed step by step ---------------------------------------------------

/// The console block after `<!-- walkthrough:<name>`: its command line and the lines below it,
/// and where the lines start and end in the guide.
fn walkthrough_block(guide: &str, name: &str) -> (String, Vec<String>, usize, usize) {
    let marker = format!("<!-- walkthrough:{name}");
    let at = guide
        .find(&marker)
        .unwrap_or_else(|| panic!("{marker} in the guide"));
    let open = at + guide[at..].find("```console\n").expect("a console block") + 11;
    let close = open + guide[open..].find("```\n").expect("the block's end");
    let mut lines = guide[open..close].lines();
    let command = lines.next().expect("a command line").to_owned();
    let body_start = open + command.len() + 1;
    (
        command,
        lines.map(str::to_owned).collect(),
        body_start,
        close,
    )
}

/// The guide's `toml` block after `<!-- walkthrough:fill -->`.
fn fill_block(guide: &str) -> String {
    let at = guide
        .find("<!-- walkthrough:fill")
        .expect("walkthrough:fill");
    let open = at + guide[at..].find("```toml\n").expect("a toml block") + 8;
    let close = open + guide[open..].find("```\n").expect("the block's end");
    guide[open..close].to_owned()
}

fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// Section 2 on a repository-shaped copy, step by step: `errspec new`, `errspec check` with the
/// messages still empty, the guide's own example pasted in, `errspec check` again. What the
/// guide shows is what happens; `scripts/bless` (`UPDATE_EXPECT=1`) refreshes the exact blocks.
#[test]
fn the_walkthrough_is_what_happens() {
    let tmp = std::env::temp_dir().join(format!("errspec-guide-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("error-spec")).unwrap();
    std::fs::create_dir_all(tmp.join("payment-errors/src")).unwrap();
    for entry in std::fs::read_dir(root().join("error-spec")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "toml" || e == "json") {
            std::fs::copy(&p, tmp.join("error-spec").join(p.file_name().unwrap())).unwrap();
        }
    }
    for f in ["Cargo.toml", "src/catalog.rs"] {
        std::fs::copy(
            root().join("payment-errors").join(f),
            tmp.join("payment-errors").join(f),
        )
        .unwrap();
    }
    let mut guide = guide();
    let mut stale = Vec::new();
    let mut exact = |guide: &mut String, name: &str, status: Option<i32>, out: &str| {
        let (command, lines, start, end) = walkthrough_block(guide, name);
        let real: Vec<&str> = out.trim_end().lines().collect();
        if lines != real {
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                guide.replace_range(start..end, &format!("{}\n", out.trim_end()));
            } else {
                stale.push(format!("{name} ({command}):\n{out}"));
            }
        }
        assert!(status.is_some(), "{command} ran");
    };

    // ① The skeleton.
    let ebp = tmp.join("error-spec/ebp.toml");
    let before = std::fs::read_to_string(&ebp).unwrap();
    let (status, out) = run_in(&tmp, &["new", "ebp", "--category", "C"]);
    assert_eq!(status, Some(0), "{out}");
    exact(&mut guide, "new", status, &out);

    // ③ Checked before the messages are written: the guide's lines, in order (`...` skips).
    let (status, out) = run_in(&tmp, &["check"]);
    assert_eq!(status, Some(1), "{out}");
    let (_, lines, _, _) = walkthrough_block(&guide, "empty");
    let mut real = out.lines();
    for line in lines.iter().filter(|l| l.as_str() != "...") {
        assert!(
            real.any(|r| r == line),
            "section 2 ③ of error-spec/README.md shows `{line}`, which `errspec check` does not \
             print (in that order) before the messages are written:\n{out}"
        );
    }

    // ② The guide's example in place of the skeleton, then ③ again.
    std::fs::write(&ebp, format!("{before}\n{}", fill_block(&guide))).unwrap();
    let (status, out) = run_in(&tmp, &["check"]);
    assert_eq!(status, Some(0), "{out}");
    exact(&mut guide, "done", status, &out);

    let _ = std::fs::remove_dir_all(&tmp);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(guide_path(), guide).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "section 2 of error-spec/README.md does not show what happens now; refresh it with \
         `scripts/bless` and review the diff.\n\n{}",
        stale.join("\n")
    );
}
