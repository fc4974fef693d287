//! The bodies of the fuzz targets (`fuzz/fuzz_targets/`), one module each, as a normal crate:
//! cargo-fuzz runs them under libFuzzer on nightly, and `cargo test` replays every corpus
//! through them on stable (`tests/tests/fuzz_corpora.rs`). Each `body` must never panic,
//! whatever bytes it gets.

pub mod accept_language;
pub mod json_writer;
pub mod message_render;
pub mod received;
pub mod spec_pipeline;
