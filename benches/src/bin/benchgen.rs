//! `benchgen`: writes what the benchmarks run on, so anyone can reproduce them.
//!
//! ```text
//! benchgen synth N DIR           a synthetic spec of N codes (catalog.toml, synth.toml) in DIR
//! benchgen baseline SPEC OUT     the thiserror + strum crate for the spec in SPEC, in OUT
//! ```

use std::path::Path;
use std::process::ExitCode;

use payment_errors_benches::{baseline, synth};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["synth", n, dir] => match n.replace('_', "").parse::<usize>() {
            Ok(n) if n <= 60_000 => synth::write(Path::new(dir), n).map_err(|e| e.to_string()),
            _ => Err(format!("not a size (1..=60000): {n}")),
        },
        ["baseline", spec, out] => write_baseline(Path::new(spec), Path::new(out)),
        _ => Err("usage: benchgen synth N DIR | benchgen baseline SPEC_DIR OUT_DIR".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("benchgen: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_baseline(spec: &Path, out: &Path) -> Result<(), String> {
    let checked = codegen::check_dir(spec).map_err(|e| e.to_string())?;
    let catalog = checked
        .catalog
        .ok_or_else(|| format!("{} has errors: run errspec check", spec.display()))?;
    std::fs::create_dir_all(out.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(out.join("Cargo.toml"), baseline::MANIFEST).map_err(|e| e.to_string())?;
    std::fs::write(out.join("src/lib.rs"), baseline::lib_rs(&catalog)).map_err(|e| e.to_string())
}
