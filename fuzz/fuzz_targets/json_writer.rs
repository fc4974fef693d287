//! The JSON writer driven by arbitrary call sequences: each byte is one call. Misuse (a close
//! with nothing open, a key outside an object) must never panic; a correct sequence writes
//! what `serde_json` parses.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::json_writer::body(data));
