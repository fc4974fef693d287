//! Benchmarks of `payment-errors` against what a user would pick instead: std and foldhash
//! `HashMap`s, `phf`, a plain string `match`, and the same API hand-written with `thiserror` +
//! `strum` derives. Results and how to reproduce them: `BENCHMARKS.md` at the repository root.
//!
//! - [`synth`]: synthetic catalogs of any size (also `benchgen synth`);
//! - [`baseline`]: the thiserror + strum crate for a catalog (also `benchgen baseline`);
//! - [`sizes`]: the synthetic catalogs compiled in, every way (see `build.rs`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod baseline;
pub mod synth;

/// The compiled synthetic catalogs: `sizes::n150`, and in release builds `n1000` and
/// `n10000`, each with `ours`, `baseline`, `phf` and `linear`.
pub mod sizes {
    include!(concat!(env!("OUT_DIR"), "/sizes.rs"));
}
