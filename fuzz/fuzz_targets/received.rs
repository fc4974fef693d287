//! Provider codes and messages received from the wire: lookup in every domain, the `Received`
//! pass-through, and the response body that carries it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::received::body(data));
