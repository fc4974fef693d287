//! Keeps the exports (`exports/` by default) in step with the spec, the way `generated.rs` keeps
//! `catalog.rs`: writes the files the exporters (`crate::emit::export`) make, rewriting only
//! those whose content changed, or only lists the stale ones (`errspec export --check`).

use std::path::Path;

/// Where `errspec export` writes when not told otherwise (relative to the repository root).
pub const DEFAULT_OUT: &str = "exports";

/// The names of `files` whose copy in `out` is missing or differs.
pub fn stale(out: &Path, files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(name, text)| {
            std::fs::read(out.join(name)).ok().as_deref() != Some(text.as_bytes())
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Writes `files` into `out`, only those whose content changed; returns how many it wrote.
pub fn write(out: &Path, files: &[(String, String)]) -> std::io::Result<usize> {
    std::fs::create_dir_all(out)?;
    let mut written = 0;
    for name in stale(out, files) {
        if let Some((_, text)) = files.iter().find(|(n, _)| *n == name) {
            std::fs::write(out.join(&name), text)?;
            written += 1;
        }
    }
    Ok(written)
}
