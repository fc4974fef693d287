//! The committed generated crate (`payment-errors/src/catalog.rs`): it matches the repository's
//! spec, `errspec check` keeps it in step, `--locked` refuses to, and the fingerprint that the
//! crate's build script checks follows every spec edit and nothing else.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{fingerprint, generated};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn errspec(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("errspec runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A repository-shaped copy: `error-spec/` and `payment-errors/` with its manifest and
/// committed generated file.
fn repo_copy() -> PathBuf {
    let tmp = std::env::temp_dir().join(format!(
        "errspec-generated-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let spec = tmp.join("error-spec");
    let src = tmp.join("payment-errors/src");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::create_dir_all(&src).unwrap();
    for entry in std::fs::read_dir(root().join("error-spec")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&p, spec.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(
        root().join("payment-errors/Cargo.toml"),
        tmp.join("payment-errors/Cargo.toml"),
    )
    .unwrap();
    std::fs::copy(
        root().join("payment-errors/src/catalog.rs"),
        src.join("catalog.rs"),
    )
    .unwrap();
    tmp
}

#[test]
fn the_committed_catalog_matches_the_spec() {
    let spec = root().join("error-spec");
    let checked = codegen::check_dir(&spec).expect("readable");
    let catalog = checked.catalog.expect("the repository's spec is valid");
    let fp = fingerprint::of_dir(&spec).unwrap();
    let wanted = generated::render(&catalog, fp);
    let committed = std::fs::read_to_string(root().join("payment-errors/src/catalog.rs"))
        .expect("payment-errors/src/catalog.rs is committed");
    if committed != wanted && std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(root().join("payment-errors/src/catalog.rs"), &wanted).unwrap();
        return;
    }
    assert!(
        committed == wanted,
        "payment-errors/src/catalog.rs is not what the spec and the generator make now: \
         run `cargo run --bin errspec -- check` (or scripts/bless) and commit the result"
    );
    assert_eq!(fingerprint::recorded(&committed), Some(fp));
}

#[test]
fn check_regenerates_a_stale_catalog_and_locked_refuses() {
    let repo = repo_copy();
    let file = repo.join("payment-errors/src/catalog.rs");
    let original = std::fs::read_to_string(&file).unwrap();

    // Up to date: nothing written, nothing said about it.
    let (code, out, _) = errspec(&repo, &["check", "--lang", "en"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("regenerated"), "{out}");

    // A message edited: --locked reports the stale file and fails, and leaves it alone.
    let toss = repo.join("error-spec/toss.toml");
    let text = std::fs::read_to_string(&toss).unwrap();
    let edited = text.replacen("message.en = \"", "message.en = \"Edited: ", 1);
    assert_ne!(edited, text);
    std::fs::write(&toss, &edited).unwrap();
    let (code, _, err) = errspec(&repo, &["check", "--locked", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("does not match the spec"), "{err}");
    assert!(err.contains("errspec -- check"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);

    // Plain check regenerates it, with the new message and the new fingerprint.
    let (code, out, _) = errspec(&repo, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("생성 코드를 다시 만들었습니다"), "{out}");
    let regenerated = std::fs::read_to_string(&file).unwrap();
    assert!(regenerated.contains("Edited: "));
    assert_eq!(
        fingerprint::recorded(&regenerated),
        Some(fingerprint::of_dir(&repo.join("error-spec")).unwrap())
    );
    assert_eq!(errspec(&repo, &["check", "--locked"]).0, 0);

    // A spec with errors writes nothing.
    std::fs::write(&toss, edited.replacen("status = ", "status = 6", 1)).unwrap();
    let before = std::fs::read_to_string(&file).unwrap();
    assert_eq!(errspec(&repo, &["check"]).0, 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);

    std::fs::remove_dir_all(&repo).ok();
}

#[test]
fn a_spec_away_from_the_crate_is_only_checked() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    assert_eq!(generated::target_for(&fixture), None);
    assert_eq!(
        generated::target_for(&root().join("error-spec")),
        Some(root().join("payment-errors/src/catalog.rs"))
    );
}

#[test]
fn the_fingerprint_follows_the_files_and_only_them() {
    let files = |a: &str, b: &str| {
        vec![
            ("a.toml".to_owned(), a.as_bytes().to_vec()),
            ("b.toml".to_owned(), b.as_bytes().to_vec()),
        ]
    };
    let fp = fingerprint::of_files(&files("x = 1\n", "y = 2\n"));
    // The same text with CRLF line endings (a Windows checkout) is the same spec.
    assert_eq!(fingerprint::of_files(&files("x = 1\r\n", "y = 2\r\n")), fp);
    // Any edit, a renamed file or text moved between files is another spec.
    assert_ne!(fingerprint::of_files(&files("x = 2\n", "y = 2\n")), fp);
    assert_ne!(fingerprint::of_files(&files("x = 1\n", "y = 2\n\n")), fp);
    assert_ne!(fingerprint::of_files(&files("x = 1\ny = 2\n", "")), fp);
    let renamed = vec![
        ("a.toml".to_owned(), b"x = 1\n".to_vec()),
        ("c.toml".to_owned(), b"y = 2\n".to_vec()),
    ];
    assert_ne!(fingerprint::of_files(&renamed), fp);
    // The recorded line reads back.
    let header = format!("// a\n{}\nfn main() {{}}\n", fingerprint::line(fp));
    assert_eq!(fingerprint::recorded(&header), Some(fp));
    assert_eq!(fingerprint::recorded("fn main() {}\n"), None);
}
