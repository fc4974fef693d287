//! The spec pipeline: load (TOML with spans) → validate (every rule, every problem) →
//! model (a validated [`model::Catalog`]) → emit (pure functions per artifact).
//!
//! Three of these files are also compiled into `payment-errors`, through its `codegen`
//! symlink, so that both sides agree byte for byte: [`json`] (response bodies), [`strhash`]
//! (the lookup hash) and [`fingerprint`] (the build script's staleness check). They use
//! nothing but `core`/`std` and refer to each other as `crate::<module>`. Anything that needs
//! the `schema` feature is gated behind `#[cfg(feature = "schema")]`.

pub mod build;
pub mod codefmt;
pub mod diagnostic;
pub mod emit;
pub mod fingerprint;
pub mod ident;
pub mod json;
pub mod korean;
pub mod load;
pub mod model;
/// The runtime's Korean particle rules (`payment-errors/src/particle.rs`, which uses only
/// `core`), compiled here too so that the docs' examples and the tool's own Korean sentences
/// resolve particles exactly as the crate does.
#[path = "../../../payment-errors/src/particle.rs"]
pub mod particle;
pub mod raw;
pub mod strhash;
pub mod template;
pub mod validate;

use std::path::Path;

use diagnostic::{Diagnostic, Sources};
use model::Catalog;

/// Everything a check of a spec directory produced.
#[derive(Debug)]
pub struct Checked {
    /// The files read.
    pub sources: Sources,
    /// The catalog, when there is no error.
    pub catalog: Option<Catalog>,
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Are there errors (not only warnings)?
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads and validates `dir`. `Err` only when the directory itself cannot be read.
pub fn check_dir(dir: &Path) -> Result<Checked, load::LoadError> {
    Ok(check_loaded(load::load_dir(dir)?))
}

/// Validates what the loader produced.
pub fn check_loaded(loaded: load::Loaded) -> Checked {
    let (catalog, mut diagnostics) = validate::validate(&loaded);
    diagnostic::sort(&mut diagnostics, &loaded.sources);
    Checked {
        sources: loaded.sources,
        catalog,
        diagnostics,
    }
}
