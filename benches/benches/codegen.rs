//! The generator on synthetic catalogs of 1,000 and 10,000 codes: loading and validating the
//! spec (`errspec check`), generating the Rust API, and both — what `errspec check` does on
//! the repository's spec, where it also regenerates `payment-errors/src/catalog.rs`.

use std::hint::black_box;
use std::path::PathBuf;

use codegen::emit::rust::{RustOptions, generate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use payment_errors_benches::synth;

fn spec_dir(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("payment-errors-bench-spec-{n}"));
    synth::write(&dir, n).expect("write the synthetic spec");
    dir
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("codegen");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let dir = spec_dir(n);
        let catalog = codegen::check_dir(&dir)
            .expect("readable")
            .catalog
            .expect("the synthetic spec is valid");
        group.bench_with_input(BenchmarkId::new("check", n), &dir, |b, dir| {
            b.iter(|| codegen::check_dir(black_box(dir)).expect("readable"))
        });
        group.bench_with_input(BenchmarkId::new("generate", n), &catalog, |b, catalog| {
            b.iter(|| generate(black_box(catalog), &RustOptions::default()).len())
        });
        group.bench_with_input(BenchmarkId::new("check + generate", n), &dir, |b, dir| {
            b.iter(|| {
                let checked = codegen::check_dir(black_box(dir)).expect("readable");
                generate(&checked.catalog.expect("valid"), &RustOptions::default()).len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
