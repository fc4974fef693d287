//! The spec pipeline: load (TOML with spans) → validate (every rule, every problem) →
//! model (a validated [`model::Catalog`]). What is made from a `Catalog` is in `crate::emit`.
//!
//! What the generator shares with the runtime byte for byte — the JSON writer, the response
//! envelope and its writer, the lookup hash, the spec fingerprint and the Korean particle
//! rules — comes from the `payment-errors-core` crate, re-exported here under the same names.
//! Anything that needs the `schema` feature is gated behind `#[cfg(feature = "schema")]`.

pub mod build;
pub mod codefmt;
pub mod diagnostic;
pub mod ident;
pub mod korean;
pub mod load;
pub mod model;
pub mod raw;
pub mod rules;
pub mod template;
pub mod validate;

// The docs' examples, the lookup tables, the fingerprint and the tool's own Korean sentences
// compute exactly what the runtime computes.
pub use payment_errors_core::{envelope, fingerprint, json, particle, strhash};

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
