//! The spec's fingerprint: what ties the committed generated crate to the spec it came from.
//!
//! Two users: `errspec check` records the fingerprint of `error-spec/` in the header of
//! `payment-errors/src/catalog.rs` when it regenerates that file, and `payment-errors`' build
//! script recomputes it and refuses to build a crate older than its spec.

use std::path::Path;

/// How the fingerprint line of a generated file starts.
pub const PREFIX: &str = "// error-spec fingerprint: ";

/// The fingerprint of the spec files (`*.toml` directly in `dir`): their names and contents,
/// with line endings normalized (a checkout with CRLF has the same fingerprint).
pub fn of_dir(dir: &Path) -> std::io::Result<u64> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((name, std::fs::read(&path)?));
        }
    }
    files.sort();
    Ok(of_files(&files))
}

/// The fingerprint of `(file name, contents)` pairs, in the order given.
pub fn of_files(files: &[(String, Vec<u8>)]) -> u64 {
    let mut fp = 0;
    for (name, bytes) in files {
        let mut text = Vec::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                text.push(b);
            }
        }
        fp = crate::strhash::hash(fp, name.as_bytes());
        fp = crate::strhash::hash(fp, &text);
    }
    fp
}

/// The header line that records `fp`.
pub fn line(fp: u64) -> String {
    format!("{PREFIX}{fp:016x}\n")
}

/// The fingerprint a generated file records in its first lines, if any.
pub fn recorded(generated: &str) -> Option<u64> {
    generated
        .lines()
        .take(8)
        .find_map(|l| l.strip_prefix(PREFIX))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
}
