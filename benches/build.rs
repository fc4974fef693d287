//! Compiles synthetic catalogs into the benchmark crate, each four ways: the generated
//! `payment-errors` API (against the real runtime), the thiserror + strum baseline, a phf map,
//! and a plain string `match` (what the generator emitted before its perfect hash).
//!
//! Sizes: 150, 1,000 and 10,000 codes in release builds (`cargo bench`), 150 only otherwise,
//! so that `cargo test` and `cargo clippy` stay quick; `BENCH_SIZES=150,1000` overrides.

#[path = "src/baseline.rs"]
#[allow(dead_code)]
mod baseline;
#[path = "src/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::fmt::Write as _;
use std::path::PathBuf;

use codegen::emit::rust::{Runtime, RustOptions, generate};

fn main() {
    println!("cargo::rerun-if-changed=src/synth.rs");
    println!("cargo::rerun-if-changed=src/baseline.rs");
    println!("cargo::rerun-if-env-changed=BENCH_SIZES");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let sizes: Vec<usize> = match std::env::var("BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) if release => vec![150, 1000, 10_000],
        Err(_) => vec![150],
    };

    let mut registry = String::new();
    let mut each = String::new();
    for &n in &sizes {
        let dir = out.join(format!("spec-{n}"));
        synth::write(&dir, n).expect("write the synthetic spec");
        let checked = codegen::check_dir(&dir).expect("read the synthetic spec");
        let Some(catalog) = checked.catalog else {
            panic!("the synthetic spec is invalid: {:#?}", checked.diagnostics);
        };
        let ours = generate(
            &catalog,
            &RustOptions {
                runtime: Runtime::Extern,
            },
        );
        let domain = &catalog.domains[0];
        let errors: Vec<_> = domain.errors().collect();

        let mut phf = phf_codegen::Map::new();
        for e in &errors {
            phf.entry(
                e.code.as_str(),
                format!("super::ours::synth::Code::{}", e.ident),
            );
        }
        let phf = format!(
            "/// Wire code → code.\npub static MAP: ::phf::Map<&'static str, super::ours::synth::Code> = {};\n",
            phf.build()
        );

        let mut linear = String::from(
            "/// The code for a wire code, by a string `match`.\npub fn from_code(code: &str) -> Option<super::ours::synth::Code> {\n    use super::ours::synth::Code;\n    match code {\n",
        );
        for e in &errors {
            let _ = writeln!(linear, "        {:?} => Some(Code::{}),", e.code, e.ident);
        }
        linear.push_str("        _ => None,\n    }\n}\n");

        for (name, text) in [
            ("ours", ours),
            ("baseline", baseline::lib_rs(&catalog)),
            ("phf", phf),
            ("linear", linear),
        ] {
            std::fs::write(out.join(format!("{name}_{n}.rs")), text).expect("write");
        }
        let _ = writeln!(
            registry,
            "/// The synthetic catalog of {n} codes.\n\
             pub mod n{n} {{\n\
             \x20   /// How many codes.\n    pub const SIZE: usize = {n};\n\
             \x20   /// The generated `payment-errors` API.\n\
             \x20   pub mod ours {{ include!(concat!(env!(\"OUT_DIR\"), \"/ours_{n}.rs\")); }}\n\
             \x20   /// The same API with thiserror + strum derives.\n\
             \x20   #[allow(missing_docs, clippy::all)]\n\
             \x20   pub mod baseline {{ include!(concat!(env!(\"OUT_DIR\"), \"/baseline_{n}.rs\")); }}\n\
             \x20   /// A phf map from wire codes to codes.\n\
             \x20   pub mod phf {{ include!(concat!(env!(\"OUT_DIR\"), \"/phf_{n}.rs\")); }}\n\
             \x20   /// A plain string `match`.\n\
             \x20   pub mod linear {{ include!(concat!(env!(\"OUT_DIR\"), \"/linear_{n}.rs\")); }}\n\
             }}"
        );
        let _ = writeln!(each, "        $m!(n{n});");
    }
    let _ = writeln!(
        registry,
        "/// Calls `$m!(module)` for the module of every compiled size, smallest first.\n\
         #[macro_export]\n\
         macro_rules! for_each_size {{\n    ($m:ident) => {{\n{each}    }};\n}}"
    );
    std::fs::write(out.join("sizes.rs"), registry).expect("write");
}
