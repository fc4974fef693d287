//! `codegen`: loads the error spec (`error-spec/*.toml`), validates it, and generates the
//! `payment-errors` crate, its docs and its editor schema. The `errspec` binary is the command
//! staff and CI run.
//!
//! The pipeline modules (re-exported at the root) are shared with `payment-errors`' build
//! script; the command-line modules below are this crate's alone.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod pipeline;

pub use pipeline::*;

pub mod cli;
pub mod diff;
pub mod docs;
pub mod explain;
pub mod generated;
pub mod report;
pub mod scaffold;
#[cfg(feature = "schema")]
pub mod schema;
