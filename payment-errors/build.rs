//! Refuses to build a catalog older than its spec.
//!
//! The API is generated from the workspace's `error-spec/*.toml` by `errspec check`, into
//! `src/catalog.rs`, which is committed (see ARCHITECTURE.md, "Why the generated code is
//! committed"): services then compile no code generator. That file records the spec's
//! fingerprint; in the repository, this script recomputes it and stops the build, with the
//! command that fixes it, when someone changed the spec without regenerating. The packaged
//! crate has no spec beside it and nothing to check. It uses nothing but `std` and
//! `payment-errors-core`.

use std::path::Path;

use payment_errors_core::fingerprint;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec_dir = root.join("../error-spec");
    println!("cargo::rerun-if-changed=src/catalog.rs");
    println!("cargo::rerun-if-changed={}", spec_dir.display());
    // A copy of the crate without its spec (the packaged crate) has nothing to compare with.
    let Ok(spec) = fingerprint::of_dir(&spec_dir) else {
        return;
    };
    let generated = std::fs::read_to_string(root.join("src/catalog.rs")).unwrap_or_default();
    if fingerprint::recorded(&generated) != Some(spec) {
        // Only whoever builds inside this repository can regenerate the file. A consumer (a
        // git or path dependency built into another project's target directory) cannot: warn,
        // never fail their build (issue 13).
        if !building_in_repository(root) {
            println!(
                "cargo::warning=payment-errors: src/catalog.rs was generated from another version of \
                 error-spec/; the crate's maintainers must run `errspec check` (the catalog as \
                 committed is used)"
            );
            return;
        }
        eprintln!(
            "error: payment-errors/src/catalog.rs was generated from another version of error-spec/\n\
             오류: error-spec/이 바뀌었는데 payment-errors/src/catalog.rs를 다시 만들지 않았습니다\n\
             help: run `cargo run --bin errspec -- check` at the repository root: it checks the spec \
             and regenerates the file (commit it with the spec)\n\
             도움말: 저장소 맨 위에서 `cargo run --bin errspec -- check`를 실행하세요. 스펙을 검사하고 \
             파일을 다시 만듭니다 (스펙과 함께 커밋하세요)"
        );
        std::process::exit(1);
    }
}

/// Is this build's output inside the repository that holds the crate (its parent directory),
/// where `errspec check` can fix a stale catalog? A consumer's build writes into its own
/// target directory elsewhere.
fn building_in_repository(root: &Path) -> bool {
    let (Some(out), Some(repo)) = (std::env::var_os("OUT_DIR"), root.parent()) else {
        return false;
    };
    let out = std::fs::canonicalize(out).unwrap_or_default();
    let repo = std::fs::canonicalize(repo).unwrap_or_default();
    repo.join("codegen").is_dir() && out.starts_with(&repo)
}
