//! Generation: each stage of the pipeline for every spec in the repository, with the
//! spec's schema count as criterion throughput so that time per schema is visible.
//!
//! Groups are `generate/<spec>`, with these functions:
//!
//! - `parse`: YAML or JSON text to the `openapiv3` document;
//! - `lower`: document to IR (`$ref` resolution, names, patterns compiled);
//! - `emit`: IR to token streams (all but the schemas' own items, which are emitted where
//!   they are formatted);
//! - `prettyplease`: the schemas' items emitted, and all token streams to text (`syn`
//!   parsing and `prettyplease`, a chunk of items at a time, on every core);
//! - `total`: the four in one go.
//!
//! `format/cognito-idp.yaml/crate_files` times `specgen::crate_files` (emit and format) for
//! the Cognito spec; `bench/build-times.sh` times the CLI end to end.
//!
//! A spec that does not go through a stage today is benchmarked up to the stage before, with
//! a note printed and written to `bench/results/generate-skipped.txt`.

use std::hint::black_box;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use openapiv3::OpenAPI;
use specgen::emit::Generated;
use specgen::{Settings, document, emit, ir, lower};
use specgen_bench::specs::{self, Spec};

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10)
}

/// Emits the schema items of `generated` and formats every file with `syn` +
/// `prettyplease` (no `rustfmt`); returns the total length of the text.
fn prettyplease_all(generated: Generated<'_>) -> usize {
    specgen::render::prettyplease_files(generated)
        .expect("generated code parses")
        .iter()
        .map(|f| f.contents.len())
        .sum()
}

/// Runs `f`, turning a panic into an error message.
fn attempt<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .map_or_else(|| "panicked".to_owned(), |m| format!("panicked: {m}"))),
    }
}

/// How far a spec gets through the pipeline.
struct Reach {
    doc: Option<OpenAPI>,
    api: Option<ir::Api>,
    emits: bool,
    formats: bool,
    note: Option<String>,
}

fn reach(spec: &Spec, text: &str, settings: &Settings) -> Reach {
    let mut out = Reach {
        doc: None,
        api: None,
        emits: false,
        formats: false,
        note: None,
    };
    let doc = match attempt(|| document::parse(text, spec.format).map_err(|e| e.to_string())) {
        Ok(doc) => doc,
        Err(e) => {
            out.note = Some(format!("{}: parse fails: {e}", spec.name));
            return out;
        }
    };
    let api = match attempt(|| lower::lower(&doc, settings).map_err(|e| e.to_string())) {
        Ok(api) => api,
        Err(e) => {
            out.doc = Some(doc);
            out.note = Some(format!("{}: lowering fails: {e}", spec.name));
            return out;
        }
    };
    let generated = match attempt(|| Ok(emit::emit(&api))) {
        Ok(generated) => generated,
        Err(e) => {
            out.doc = Some(doc);
            out.api = Some(api);
            out.note = Some(format!("{}: emit fails: {e}", spec.name));
            return out;
        }
    };
    match attempt(|| Ok(prettyplease_all(generated.clone()))) {
        Ok(len) => {
            out.formats = true;
            println!(
                "{}: {} schemas, {} types in the IR, {} operations, {} KiB of code",
                spec.name,
                schema_count(&doc),
                api.types.len(),
                api.operations.len(),
                len / 1024
            );
        }
        Err(e) => out.note = Some(format!("{}: formatting fails: {e}", spec.name)),
    }
    out.doc = Some(doc);
    out.api = Some(api);
    out.emits = true;
    out
}

fn schema_count(doc: &OpenAPI) -> u64 {
    doc.components
        .as_ref()
        .map_or(0, |c| c.schemas.len() as u64)
}

fn generate(c: &mut Criterion) {
    let settings = Settings::default();
    let mut notes = Vec::new();
    // Keep panic messages of failing specs out of the report; they are collected as notes.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let reached: Vec<(Spec, String, Reach)> = specs::ALL
        .iter()
        .map(|spec| {
            let text = spec.read();
            let reach = reach(spec, &text, &settings);
            (spec.clone(), text, reach)
        })
        .collect();
    std::panic::set_hook(default_hook);

    for (spec, text, reach) in &reached {
        if let Some(note) = &reach.note {
            println!("note: {note}; benchmarking the stages before it only");
            notes.push(note.clone());
        }
        let Some(doc) = &reach.doc else { continue };
        let mut group = c.benchmark_group(format!("generate/{}", spec.name));
        // Iterations take milliseconds to a second: the same count in every sample.
        group.sampling_mode(SamplingMode::Flat);
        group.throughput(Throughput::Elements(schema_count(doc)));
        group.bench_function("parse", |b| {
            b.iter(|| document::parse(black_box(text), spec.format).expect("parses"))
        });
        if let Some(api) = &reach.api {
            group.bench_function("lower", |b| {
                b.iter(|| lower::lower(black_box(doc), &settings).expect("lowers"))
            });
            if reach.emits {
                group.bench_function("emit", |b| b.iter(|| emit::emit(black_box(api))));
                if reach.formats {
                    let generated = emit::emit(api);
                    group.bench_function("prettyplease", |b| {
                        b.iter(|| prettyplease_all(black_box(generated.clone())))
                    });
                    group.bench_function("total", |b| {
                        b.iter(|| {
                            let doc =
                                document::parse(black_box(text), spec.format).expect("parses");
                            let api = lower::lower(&doc, &settings).expect("lowers");
                            prettyplease_all(emit::emit(&api))
                        })
                    });
                }
            }
        }
        group.finish();
    }

    let path = specgen_bench::repo_root().join("bench/results/generate-skipped.txt");
    let text: String = notes.iter().map(|n| format!("{n}\n")).collect();
    if let Err(e) = std::fs::create_dir_all(path.parent().expect("has a parent"))
        .and_then(|()| std::fs::write(&path, text))
    {
        println!("cannot write {}: {e}", path.display());
    }
}

/// `specgen::crate_files` for the Cognito spec: emission and formatting, as the CLI runs them.
fn crate_files(c: &mut Criterion) {
    let spec = &specs::ALL[0];
    let api = specgen::load(&spec.abs_path(), &Settings::default()).expect("Cognito loads");
    let mut group = c.benchmark_group(format!("format/{}", spec.name));
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("crate_files", |b| {
        b.iter(|| specgen::crate_files(black_box(&api)).expect("formats"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = generate, crate_files
}
criterion_main!(benches);
