//! Korean particles and message rendering: a placeholder value of arbitrary text, rendered
//! through every particle and through messages that resolve particles after it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::message_render::body(data));
