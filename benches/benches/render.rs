//! Rendering messages (150-code synthetic catalog, Korean):
//!
//! - a static message: `Error::write_message` (one `write_str`) against thiserror's `Display`
//!   and a bare `push_str` of the same text;
//! - two placeholders with particles (`{name}이(가) {target}을(를) 찾을 수 없습니다.`):
//!   `write_message`, resolving both particles from the values, against a plain `write!` of
//!   the same finished text (particles decided in advance) and thiserror's `Display` (which
//!   leaves `이(가)` as written);
//! - `Error::message`, which allocates the `String` it returns.
//!
//! Every writer renders into a `String` whose capacity is kept between iterations.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use payment_errors_benches::sizes::n150::{baseline, ours};

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    let mut buf = String::with_capacity(256);

    // Code 0 has a static message; code 1 two placeholders with particles (see synth.rs).
    let ours_static = ours::synth::Error::NotFoundPaymentKey;
    let base_static = baseline::synth::Error::NotFoundPaymentKey;
    let text = ours::synth::Code::NotFoundPaymentKey.message(ours::Locale::Ko);
    group.bench_function("static/payment-errors write_message", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&ours_static)
                .write_message(ours::Locale::Ko, &mut buf)
                .unwrap();
            buf.len()
        })
    });
    group.bench_function("static/thiserror Display", |b| {
        b.iter(|| {
            buf.clear();
            write!(buf, "{}", black_box(&base_static)).unwrap();
            buf.len()
        })
    });
    group.bench_function("static/push_str", |b| {
        b.iter(|| {
            buf.clear();
            buf.push_str(black_box(text));
            buf.len()
        })
    });

    let (name, target) = ("결제 서버".to_owned(), "카드 정보".to_owned());
    let ours_two = ours::synth::Error::SynA0000 {
        name: name.clone(),
        target: target.clone(),
    };
    let base_two = baseline::synth::Error::SynA0000 {
        name: name.clone(),
        target: target.clone(),
    };
    // The three render the same text but for the particles thiserror leaves undecided.
    buf.clear();
    ours_two.write_message(ours::Locale::Ko, &mut buf).unwrap();
    assert_eq!(buf, "결제 서버가 카드 정보를 찾을 수 없습니다.");
    group.bench_function("particles/payment-errors write_message", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&ours_two)
                .write_message(ours::Locale::Ko, &mut buf)
                .unwrap();
            buf.len()
        })
    });
    group.bench_function("particles/plain write!", |b| {
        b.iter(|| {
            buf.clear();
            let (n, t) = black_box((&name, &target));
            write!(buf, "{n}가 {t}를 찾을 수 없습니다.").unwrap();
            buf.len()
        })
    });
    group.bench_function("particles/thiserror Display", |b| {
        b.iter(|| {
            buf.clear();
            write!(buf, "{}", black_box(&base_two)).unwrap();
            buf.len()
        })
    });
    group.bench_function("particles/payment-errors message (allocates)", |b| {
        b.iter(|| black_box(&ours_two).message(ours::Locale::Ko).len())
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
