//! Generates the adversarial fixture catalog (`fixtures/adversarial/`: quotes, `"#`, `*/`,
//! braces, bidi marks, a 10,000-character message, keyword and digit codes …) against the real
//! `payment-errors` runtime, so that `tests/adversarial.rs` can check it compiles and every
//! text round-trips.

use codegen::emit::rust::{Runtime, RustOptions};

fn main() {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/adversarial");
    codegen::build::generate_into_out_dir(
        &spec,
        "adversarial.rs",
        &RustOptions {
            runtime: Runtime::Extern,
        },
    );
}
