//! `codegen`: loads the error spec (`error-spec/*.toml`), validates it, and generates the
//! `payment-errors` crate, its docs and its editor schema. The `errspec` binary is the command
//! staff and CI run.
//!
//! The pipeline modules (re-exported at the root) are all that a build script generating a
//! catalog compiles (`default-features = false`); the command-line modules below need the
//! `cli` feature (on by default).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod pipeline;

pub use pipeline::*;

pub mod emit;

#[cfg(feature = "cli")]
pub mod annotate;
#[cfg(feature = "cli")]
pub mod cmd;
#[cfg(feature = "cli")]
pub mod diff;
#[cfg(feature = "cli")]
pub mod exported;
#[cfg(feature = "cli")]
pub mod generated;
#[cfg(feature = "cli")]
pub mod lsp;
#[cfg(feature = "cli")]
pub mod report;
#[cfg(feature = "cli")]
pub mod scaffold;
