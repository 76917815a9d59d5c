//! Hostile bodies at 64 KB, 256 KB and 1 MB: the time of each path grows linearly with the
//! body (issue target: each 4× step at most 5× the time), and at 1 MB stays within 10× of
//! parsing the same bytes into a `serde_json::Value`.
//!
//! Groups are `hostile/<shape>`, functions `value_parse` (the baseline), `serde_typed`
//! (serde_json through the same type's serde impl, a second baseline for bodies a `Value`
//! refuses early) and `ours`, each at the three sizes (`/65536`, `/262144`, `/1048576`).
//! `bench/report.py` turns them into the table of BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use specgen_bench::hostile::{cases, run, serde_typed};

const SIZES: [usize; 3] = [64 << 10, 256 << 10, 1 << 20];

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
}

fn hostile(c: &mut Criterion) {
    for case in cases() {
        let slug: String = case
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let mut group = c.benchmark_group(format!("hostile/{slug}"));
        for size in SIZES {
            let body = (case.body)(size);
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::new("value_parse", size), &body, |b, body| {
                b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(body).is_ok()))
            });
            group.bench_with_input(BenchmarkId::new("serde_typed", size), &body, |b, body| {
                b.iter(|| black_box(serde_typed(case.path, body)))
            });
            group.bench_with_input(BenchmarkId::new("ours", size), &body, |b, body| {
                b.iter(|| black_box(run(case.path, body)))
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = hostile
}
criterion_main!(benches);
