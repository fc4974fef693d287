//! Replays the fuzz corpora on stable: every input in `fuzz/corpus/<target>/` (the seeds and
//! every crash a fuzzer found, kept there under its libFuzzer name) runs through the target's
//! body in the `fuzz-bodies` crate, which `fuzz/fuzz_targets/<target>.rs` calls too. A panic
//! fails the test and names the input, so CI keeps every target honest without a nightly
//! toolchain.

use std::path::{Path, PathBuf};

use fuzz_bodies::{accept_language, json_writer, message_render, received, spec_pipeline};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, body: fn(&[u8])) {
    let files = corpus(target);
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
    for path in files {
        let data = std::fs::read(&path).expect("corpus file");
        let run = std::panic::catch_unwind(|| body(&data));
        assert!(run.is_ok(), "{target} panics on {}", path.display());
    }
}

#[test]
fn spec_pipeline() {
    replay("spec_pipeline", spec_pipeline::body);
}

#[test]
fn message_render() {
    replay("message_render", message_render::body);
}

#[test]
fn accept_language() {
    replay("accept_language", accept_language::body);
}

#[test]
fn received() {
    replay("received", received::body);
}

#[test]
fn json_writer() {
    replay("json_writer", json_writer::body);
}
