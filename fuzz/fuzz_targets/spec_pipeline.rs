//! The whole spec pipeline from bytes: load, validate, render every diagnostic (human and
//! JSON), and on a valid catalog run every emitter (Rust, docs site, Markdown, explain).
//! Input: `catalog.toml`, a line `%%`, then a domain file; without the separator the bytes are
//! the domain file beside a fixed valid `catalog.toml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::spec_pipeline::body(data));
