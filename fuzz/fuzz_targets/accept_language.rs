//! `Accept-Language` negotiation on arbitrary header values.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::accept_language::body(data));
