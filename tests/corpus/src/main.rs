//! The corpus driver: imports every JSON-protocol service model of an installed botocore
//! (`json` as the protocol, or among the `protocols`) with `specgen import`, generates each
//! spec's code, puts the services into a few batch crates (one module per service), checks
//! them with `cargo clippy -D warnings`, runs one request per operation through
//! `Request::from_http` (the batch's test calls this crate's library) and prints the
//! figures: models found, imported, generated, clippy-clean, operations round-tripped, the
//! content type of each JSON version, the slowest specs and every failure with its reason.
//!
//! ```text
//! scripts/corpus.sh [--only cognito-idp,dynamodb] [--batch-shapes 4000] [--out DIR]
//!                   [--models DIR] [--no-build]
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use heck::ToSnakeCase;
use specgen::Settings;

/// One JSON-protocol model of botocore.
struct Model {
    /// The service's directory name (`cognito-idp`).
    name: String,
    /// `service-2.json(.gz)` of its newest version.
    path: PathBuf,
    /// `1.0` or `1.1`.
    json_version: String,
    /// Whether `json` is the main protocol (otherwise one of several).
    main_protocol: bool,
    shapes: usize,
    operations: usize,
}

/// What happened to one model.
#[derive(Default)]
struct Outcome {
    imported: bool,
    generated: bool,
    import_time: Duration,
    generate_time: Duration,
    warnings: usize,
    /// What the import left out (members that carry event streams), by JSON pointer.
    import_warnings: Vec<String>,
    failure: Option<String>,
}

struct Args {
    models: PathBuf,
    out: PathBuf,
    repo: PathBuf,
    only: Option<Vec<String>>,
    batch_shapes: usize,
    build: bool,
}

fn main() {
    match run() {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        Err(e) => {
            eprintln!("corpus: {e}");
            std::process::exit(2);
        }
    }
}

fn args() -> Result<Args, String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .map_err(|e| format!("the repository: {e}"))?;
    let mut args = Args {
        models: PathBuf::new(),
        out: repo.join("target/corpus"),
        repo,
        only: None,
        batch_shapes: 4000,
        build: true,
    };
    let mut models = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--models" => models = Some(PathBuf::from(value("--models")?)),
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--only" => {
                args.only = Some(value("--only")?.split(',').map(str::to_owned).collect());
            }
            "--batch-shapes" => {
                args.batch_shapes = value("--batch-shapes")?
                    .parse()
                    .map_err(|e| format!("--batch-shapes: {e}"))?;
            }
            "--no-build" => args.build = false,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    args.models = match models.or_else(|| std::env::var_os("BOTOCORE_DATA").map(PathBuf::from)) {
        Some(m) => m,
        None => botocore_data()?,
    };
    Ok(args)
}

/// `botocore/data` of the python3 installation.
fn botocore_data() -> Result<PathBuf, String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))",
        ])
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        return Err(
            "botocore is not installed for python3 (pip install botocore), and neither \
                    --models nor BOTOCORE_DATA is given"
                .to_owned(),
        );
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// The newest model of every service that speaks AWS JSON.
fn discover(data: &Path) -> Result<Vec<Model>, String> {
    let mut services: Vec<PathBuf> = std::fs::read_dir(data)
        .map_err(|e| format!("{}: {e}", data.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    services.sort();
    let mut models = Vec::new();
    for dir in services {
        let mut versions: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        versions.sort();
        let Some(newest) = versions.last() else {
            continue;
        };
        let path = ["service-2.json.gz", "service-2.json"]
            .iter()
            .map(|f| newest.join(f))
            .find(|p| p.is_file());
        let Some(path) = path else { continue };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let Ok(model) = specgen::import::parse_model(&bytes) else {
            continue;
        };
        let meta = &model.metadata;
        let main_protocol = meta.protocol == "json";
        if !main_protocol && !meta.protocols.iter().any(|p| p == "json") {
            continue;
        }
        models.push(Model {
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path,
            json_version: meta
                .json_version
                .clone()
                .unwrap_or_else(|| "1.1".to_owned()),
            main_protocol,
            shapes: model.shapes.len(),
            operations: model.operations.len(),
        });
    }
    Ok(models)
}

/// Imports and generates one model into `specs/<name>.yaml` and `gen/<name>/`.
fn generate(model: &Model, out: &Path) -> Outcome {
    let mut outcome = Outcome::default();
    let spec = out.join("specs").join(format!("{}.yaml", model.name));
    let started = Instant::now();
    let imported = std::fs::read(&model.path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            specgen::import::import_model_with_warnings(&bytes).map_err(|e| e.to_string())
        })
        .and_then(|(yaml, warnings)| {
            outcome.import_warnings = warnings.into_iter().map(|w| w.pointer).collect();
            std::fs::write(&spec, yaml).map_err(|e| e.to_string())
        });
    outcome.import_time = started.elapsed();
    if let Err(e) = imported {
        outcome.failure = Some(format!("import: {e}"));
        return outcome;
    }
    outcome.imported = true;
    let started = Instant::now();
    let dir = out.join("gen").join(&model.name);
    let generated = specgen::generate_with_warnings(&spec, &dir, &Settings::default());
    outcome.generate_time = started.elapsed();
    match generated {
        Ok((_, warnings)) => {
            outcome.generated = true;
            outcome.warnings = warnings.len();
        }
        Err(e) => outcome.failure = Some(format!("generate: {e}")),
    }
    outcome
}

/// The module name of a service in its batch crate.
fn module(name: &str) -> String {
    let snake = name.to_snake_case();
    if snake.starts_with(|c: char| c.is_ascii_digit()) || specgen::names::is_keyword(&snake) {
        format!("service_{snake}")
    } else {
        snake
    }
}

/// Writes the batch crates (a workspace of their own) into `out/crates`.
fn write_batches(batches: &[Vec<&Model>], out: &Path, repo: &Path) -> Result<Vec<String>, String> {
    let crates = out.join("crates");
    let write = |path: &Path, text: &str| -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut packages = Vec::new();
    let mut members = String::new();
    for (i, batch) in batches.iter().enumerate() {
        let package = format!("batch-{:02}", i + 1);
        let lib = package.replace('-', "_");
        let dir = crates.join(&package);
        let _ = write!(members, "\"{package}\", ");
        write(
            &dir.join("Cargo.toml"),
            &format!(
                r#"[package]
name = "{package}"
version = "0.1.0"
edition = "2024"
publish = false

[lib]
name = "{lib}"
path = "src/lib.rs"

[dependencies]
specgen-runtime = {{ path = "{runtime}", default-features = false }}
serde = "1"
serde_json = "1"

[dev-dependencies]
specgen-corpus = {{ path = "{corpus}" }}
"#,
                runtime = repo.join("runtime").display(),
                corpus = repo.join("tests/corpus").display(),
            ),
        )?;
        let mut lib_rs = format!(
            "//! Batch {} of the corpus run: {} services, each the code `specgen generate` \
             writes, as a module.\n",
            i + 1,
            batch.len()
        );
        let mut test_rs = format!(
            "//! One request per operation of each service of batch {}, through \
             `Request::from_http`.\n\nuse {lib} as batch;\n",
            i + 1
        );
        let mut services = String::new();
        for m in batch {
            let module = module(&m.name);
            let generated = out.join("gen").join(&m.name).join("lib.rs");
            let spec = out.join("specs").join(format!("{}.yaml", m.name));
            let _ = write!(
                lib_rs,
                "\n#[path = {:?}]\npub mod {module};\n",
                generated.display().to_string()
            );
            let _ = write!(
                test_rs,
                r#"
mod {module} {{
    use super::batch::{module} as generated;

    pub fn from_http(target: &str, body: &[u8]) -> Result<serde_json::Value, String> {{
        match generated::Request::from_http(target, body) {{
            // The bytes on the wire, read back: `to_value` would widen an `f32` (1e-6 reads
            // back as 9.999999974752427e-7), which the wire never shows.
            Ok(request) => serde_json::to_vec(&request)
                .and_then(|bytes| serde_json::from_slice(&bytes))
                .map_err(|e| e.to_string()),
            Err(e) => Err(format!("{{}}: {{}}", e.code(), e.message().unwrap_or_default())),
        }}
    }}

    pub fn bad_patterns() -> Vec<String> {{
        generated::PATTERNS
            .iter()
            .filter_map(|p| p.check().err().map(|e| format!("{{}}: {{e}}", p.source())))
            .collect()
    }}
}}
"#
            );
            let content_type = format!("application/x-amz-json-{}", m.json_version);
            let _ = write!(
                services,
                r#"    specgen_corpus::Service {{
        name: "{name}",
        spec: {spec:?},
        content_type: batch::{module}::CONTENT_TYPE,
        expected_content_type: "{content_type}",
        from_http: {module}::from_http,
        bad_patterns: {module}::bad_patterns,
    }},
"#,
                name = m.name,
                spec = spec.display().to_string(),
            );
        }
        let _ = write!(
            test_rs,
            "\nconst SERVICES: &[specgen_corpus::Service] = &[\n{services}];\n\n#[test]\nfn \
             round_trip() {{\n    assert!(specgen_corpus::run(SERVICES), \"see the `corpus: \
             failure` lines\");\n}}\n"
        );
        write(&dir.join("src/lib.rs"), &lib_rs)?;
        write(&dir.join("tests/roundtrip.rs"), &test_rs)?;
        packages.push(package);
    }
    write(
        &crates.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{members}]\n\n# Build, do not debug: the \
             batches hold millions of lines.\n[profile.dev]\ndebug = false\nincremental = \
             false\n"
        ),
    )?;
    // The repository's lock, so that the batches build with the versions it pins.
    let lock = crates.join("Cargo.lock");
    if !lock.exists() {
        let _ = std::fs::copy(repo.join("Cargo.lock"), &lock);
    }
    Ok(packages)
}

/// Runs cargo in `dir`; its status, stdout and stderr.
fn cargo(dir: &Path, args: &[&str]) -> Result<(bool, String, String), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cargo {}: {e}", args.join(" ")))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// The service a diagnostic's file belongs to (`…/gen/<service>/types.rs:12:5: …`).
fn service_of<'m>(line: &str, gen_dir: &str, batch: &[&'m Model]) -> Option<&'m str> {
    let rest = &line[line.find(gen_dir)? + gen_dir.len()..];
    let name = rest.trim_start_matches('/').split('/').next()?;
    batch
        .iter()
        .find(|m| m.name == name)
        .map(|m| m.name.as_str())
}

fn run() -> Result<bool, String> {
    let args = args()?;
    eprintln!("models: {}", args.models.display());
    let mut models = discover(&args.models)?;
    if let Some(only) = &args.only {
        models.retain(|m| only.contains(&m.name));
    }
    for dir in ["specs", "gen"] {
        std::fs::create_dir_all(args.out.join(dir)).map_err(|e| format!("{dir}: {e}"))?;
    }

    // Import and generate, one model at a time.
    let started = Instant::now();
    let mut outcomes = Vec::new();
    for m in &models {
        let outcome = generate(m, &args.out);
        eprintln!(
            "{:<40} import {:>6.2}s  generate {:>6.2}s  {}",
            m.name,
            outcome.import_time.as_secs_f64(),
            outcome.generate_time.as_secs_f64(),
            outcome.failure.as_deref().unwrap_or("ok")
        );
        outcomes.push(outcome);
    }
    let generate_time = started.elapsed();

    // Batches of about `batch_shapes` shapes, in name order.
    let mut batches: Vec<Vec<&Model>> = Vec::new();
    let mut size = usize::MAX;
    for (m, o) in models.iter().zip(&outcomes) {
        if !o.generated {
            continue;
        }
        if size >= args.batch_shapes {
            batches.push(Vec::new());
            size = 0;
        }
        if let Some(batch) = batches.last_mut() {
            batch.push(m);
        }
        size += m.shapes;
    }
    let packages = write_batches(&batches, &args.out, &args.repo)?;

    // Clippy and the round trip, batch by batch.
    let crates = args.out.join("crates");
    let gen_dir = args.out.join("gen").display().to_string();
    let mut clippy_failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut results: BTreeMap<String, String> = BTreeMap::new();
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut clippy_time = Duration::ZERO;
    let mut test_time = Duration::ZERO;
    if args.build {
        for (package, batch) in packages.iter().zip(&batches) {
            let started = Instant::now();
            let (clean, _, stderr) = cargo(
                &crates,
                &[
                    "clippy",
                    "-p",
                    package,
                    "--lib",
                    "--message-format",
                    "short",
                    "--",
                    "-D",
                    "warnings",
                ],
            )?;
            clippy_time += started.elapsed();
            for line in stderr
                .lines()
                .filter(|l| l.contains("error") || l.contains("warning"))
            {
                // The summary lines (`could not compile … due to 2 previous errors`) say
                // nothing the diagnostics did not.
                if let Some(owner) = service_of(line, &gen_dir, batch) {
                    clippy_failures
                        .entry(owner.to_owned())
                        .or_default()
                        .push(line.to_owned());
                }
            }
            if !clean
                && !clippy_failures
                    .keys()
                    .any(|k| batch.iter().any(|m| m.name == *k))
            {
                clippy_failures.entry(package.clone()).or_default().push(
                    stderr
                        .lines()
                        .rev()
                        .take(20)
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
            }
            eprintln!(
                "{package}: clippy {} in {:.0}s",
                if clean { "clean" } else { "FAILED" },
                started.elapsed().as_secs_f64()
            );
            let started = Instant::now();
            let (_, stdout, stderr) = cargo(
                &crates,
                &[
                    "test",
                    "-p",
                    package,
                    "--test",
                    "roundtrip",
                    "--",
                    "--nocapture",
                ],
            )?;
            test_time += started.elapsed();
            let mut seen = false;
            for line in stdout.lines() {
                let Some(rest) = line.strip_prefix(specgen_corpus::MARK) else {
                    continue;
                };
                seen = true;
                let rest = rest.trim_start();
                if let Some(rest) = rest.strip_prefix("service ") {
                    let name = rest.split(' ').next().unwrap_or_default();
                    results.insert(name.to_owned(), rest.to_owned());
                } else if let Some(rest) = rest.strip_prefix("failure ") {
                    let name = rest.split(' ').next().unwrap_or_default();
                    failures
                        .entry(name.to_owned())
                        .or_default()
                        .push(rest.to_owned());
                }
            }
            if !seen {
                let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
                failures
                    .entry(package.clone())
                    .or_default()
                    .push(format!("the test did not run: {}", tail.join(" | ")));
            }
            eprintln!(
                "{package}: round trip in {:.0}s",
                started.elapsed().as_secs_f64()
            );
        }
    }

    // The figures.
    let count = |f: &dyn Fn(&Model, &Outcome) -> bool| {
        models
            .iter()
            .zip(&outcomes)
            .filter(|(m, o)| f(m, o))
            .count()
    };
    println!("== corpus: botocore models in {}", args.models.display());
    println!(
        "found {} JSON-protocol models ({} with `json` as the protocol, {} with `json` among \
         the protocols; {} on JSON 1.0, {} on JSON 1.1), {} shapes, {} operations",
        models.len(),
        count(&|m, _| m.main_protocol),
        count(&|m, _| !m.main_protocol),
        count(&|m, _| m.json_version == "1.0"),
        count(&|m, _| m.json_version != "1.0"),
        models.iter().map(|m| m.shapes).sum::<usize>(),
        models.iter().map(|m| m.operations).sum::<usize>(),
    );
    println!(
        "imported {}, generated {} in {:.0}s ({} services with patterns not enforced, {} \
         patterns)",
        count(&|_, o| o.imported),
        count(&|_, o| o.generated),
        generate_time.as_secs_f64(),
        count(&|_, o| o.warnings > 0),
        outcomes.iter().map(|o| o.warnings).sum::<usize>(),
    );
    let left_out: Vec<String> = models
        .iter()
        .zip(&outcomes)
        .flat_map(|(m, o)| {
            o.import_warnings
                .iter()
                .map(move |w| format!("{} {}", m.name, w.trim_start_matches("#/shapes/")))
        })
        .collect();
    if !left_out.is_empty() {
        println!(
            "event streams left out of the JSON body (import warnings): {} members: {}",
            left_out.len(),
            left_out.join(", ")
        );
    }
    let mut slowest: Vec<(&Model, &Outcome)> = models.iter().zip(&outcomes).collect();
    slowest.sort_by_key(|(_, o)| std::cmp::Reverse(o.import_time + o.generate_time));
    for (m, o) in slowest.iter().take(5) {
        println!(
            "slow: {} ({} shapes, {} operations): import {:.2}s, generate {:.2}s",
            m.name,
            m.shapes,
            m.operations,
            o.import_time.as_secs_f64(),
            o.generate_time.as_secs_f64()
        );
    }
    for (m, o) in models.iter().zip(&outcomes) {
        if let Some(f) = &o.failure {
            println!("failed: {}: {f}", m.name);
        }
    }
    let mut all = outcomes.iter().all(|o| o.generated);
    if args.build {
        let generated: Vec<&Model> = models
            .iter()
            .zip(&outcomes)
            .filter(|(_, o)| o.generated)
            .map(|(m, _)| m)
            .collect();
        let clean = generated
            .iter()
            .filter(|m| !clippy_failures.contains_key(&m.name))
            .count();
        let batch_failed = packages.iter().any(|p| clippy_failures.contains_key(p));
        println!(
            "{} batch crates; clippy -D warnings: {clean} of {} services clean{} ({:.0}s)",
            packages.len(),
            generated.len(),
            if batch_failed {
                ", a batch failed as a whole"
            } else {
                ""
            },
            clippy_time.as_secs_f64()
        );
        for (owner, lines) in &clippy_failures {
            println!(
                "clippy: {owner}: {} diagnostics, first: {}",
                lines.len(),
                lines[0]
            );
        }
        let mut operations = 0;
        let mut round_tripped = 0;
        let mut services_ok = 0;
        let mut versions: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for m in &generated {
            let Some(line) = results.get(&m.name) else {
                println!("round trip: {}: no result", m.name);
                continue;
            };
            let words: Vec<&str> = line.split(' ').collect();
            let field = |key: &str| {
                words
                    .iter()
                    .position(|w| *w == key)
                    .and_then(|i| words.get(i + 1))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0)
            };
            let (ops, ok) = (field("operations"), field("round-tripped"));
            operations += ops;
            round_tripped += ok;
            let type_ok = line.contains("content-type ok");
            let entry = versions.entry(m.json_version.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(type_ok);
            if ops == ok && type_ok && line.ends_with("bad-patterns 0") {
                services_ok += 1;
            }
        }
        println!(
            "round trip through from_http: {round_tripped} of {operations} operations; {services_ok} of {} services entirely ({:.0}s)",
            generated.len(),
            test_time.as_secs_f64()
        );
        for (version, (n, ok)) in &versions {
            println!(
                "JSON {version}: {ok} of {n} services answer with application/x-amz-json-{version}"
            );
        }
        for (owner, lines) in &failures {
            for l in lines {
                println!("round trip: {l}");
            }
            if lines.is_empty() {
                println!("round trip: {owner}: failed");
            }
        }
        all &= clippy_failures.is_empty() && failures.is_empty();
    }
    Ok(all)
}
