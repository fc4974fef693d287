//! `Code::from_code` against what a user would pick instead, at every compiled catalog size
//! (150, 1,000 and 10,000 codes under `cargo bench`): the generated perfect hash, a std
//! `HashMap<&str, Code>`, a foldhash `HashMap`, a `phf::Map`, a plain string `match` (the
//! generator's previous output), and strum's `EnumString` (the thiserror + strum baseline).
//!
//! Each iteration looks up the same 1,024 wire codes, drawn evenly from the whole catalog in
//! a fixed pseudo-random order; the reported throughput is lookups per second.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use payment_errors_benches::{for_each_size, sizes, synth};

const LOOKUPS: usize = 1024;

/// `LOOKUPS` codes of a catalog of `n`, spread over all of it (an LCG walk).
fn workload(n: usize) -> Vec<String> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..LOOKUPS)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            synth::code((x >> 33) as usize % n)
        })
        .collect()
}

fn lookup(c: &mut Criterion) {
    let mut group = c.benchmark_group("lookup");
    group.throughput(Throughput::Elements(LOOKUPS as u64));
    macro_rules! bench_size {
        ($m:ident) => {{
            use ours::synth::Code;
            use sizes::$m::{SIZE, baseline, linear, ours, phf};
            let work = workload(SIZE);
            let work: Vec<&str> = work.iter().map(String::as_str).collect();
            let std_map: HashMap<&str, Code> = Code::ALL.iter().map(|&c| (c.as_str(), c)).collect();
            let fold_map: foldhash::HashMap<&str, Code> =
                Code::ALL.iter().map(|&c| (c.as_str(), c)).collect();
            // Every method finds every code of the workload.
            for &w in &work {
                let want = Code::from_code(w);
                assert!(want.is_some(), "{w}");
                assert_eq!(std_map.get(w).copied(), want);
                assert_eq!(fold_map.get(w).copied(), want);
                assert_eq!(phf::MAP.get(w).copied(), want);
                assert_eq!(linear::from_code(w), want);
                assert_eq!(
                    baseline::synth::Code::from_code(w).map(|c| c.as_str()),
                    Some(w)
                );
            }
            let mut run = |name: &str, f: &dyn Fn(&str) -> bool| {
                group.bench_with_input(BenchmarkId::new(name, SIZE), &work, |b, work| {
                    b.iter(|| {
                        let mut found = 0usize;
                        for &w in work {
                            found += usize::from(f(black_box(w)));
                        }
                        found
                    })
                });
            };
            run("payment-errors", &|w| Code::from_code(w).is_some());
            run("std HashMap", &|w| std_map.get(w).is_some());
            run("foldhash HashMap", &|w| fold_map.get(w).is_some());
            run("phf", &|w| phf::MAP.get(w).is_some());
            run("match", &|w| linear::from_code(w).is_some());
            run("strum EnumString", &|w| {
                baseline::synth::Code::from_code(w).is_some()
            });
        }};
    }
    for_each_size!(bench_size);
    group.finish();
}

criterion_group!(benches, lookup);
criterion_main!(benches);
