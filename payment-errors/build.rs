//! Generates the catalog's Rust API from the spec in `error-spec/` at build time.
//!
//! `codegen/` and `error-spec/` are symlinks into the workspace (`../codegen/src/pipeline`,
//! `../error-spec`); cargo follows them when packaging, so the published crate carries both and
//! builds on its own. The pipeline refers to its modules as `crate::<module>`, hence the glob
//! import. Its `feature = "schema"` items belong to the `codegen` crate and are compiled out.
#![allow(unexpected_cfgs)]

#[allow(dead_code)]
#[path = "codegen/mod.rs"]
mod pipeline;

use pipeline::*;

fn main() {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("error-spec");
    build::generate_into_out_dir(&spec, "catalog.rs", &emit::rust::RustOptions::default());
}
