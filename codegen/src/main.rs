//! The `specgen` command line: `generate`, `check`, `crate`, `import` and `diff`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use specgen::{Error, Settings};

/// Rust code from OpenAPI 3.0 descriptions.
#[derive(Parser)]
#[command(name = "specgen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the `src/` files of a crate into DIR.
    Generate {
        /// The spec (YAML or JSON).
        spec: PathBuf,
        /// Output directory (e.g. `generated/src`).
        #[arg(long)]
        out: PathBuf,
        /// Option `KEY=VALUE` (overrides the options file beside the spec).
        #[arg(long = "option", short = 'o', value_name = "KEY=VALUE")]
        options: Vec<String>,
    },
    /// Exit 0 if DIR holds exactly what `generate` would write; else list the stale files
    /// and exit 1.
    Check {
        /// The spec (YAML or JSON).
        spec: PathBuf,
        /// Directory to compare.
        #[arg(long)]
        out: PathBuf,
        /// Option `KEY=VALUE`.
        #[arg(long = "option", short = 'o', value_name = "KEY=VALUE")]
        options: Vec<String>,
    },
    /// Write a standalone crate (Cargo.toml + src/) that builds on its own.
    Crate {
        /// The spec (YAML or JSON).
        spec: PathBuf,
        /// Package name of the crate.
        #[arg(long)]
        name: String,
        /// Crate directory.
        #[arg(long)]
        out: PathBuf,
        /// How the crate depends on specgen-runtime: a path (default: this workspace's
        /// runtime, absolute) or `version:<req>` for crates.io.
        #[arg(long)]
        runtime: Option<String>,
        /// Option `KEY=VALUE`.
        #[arg(long = "option", short = 'o', value_name = "KEY=VALUE")]
        options: Vec<String>,
    },
    /// Convert an AWS service model (botocore's `service-2.json`, gzip or not) to an
    /// OpenAPI 3.0 spec.
    Import {
        /// The model (JSON, or gzip-compressed JSON).
        model: PathBuf,
        /// The spec to write (YAML); replaced only when the conversion succeeds.
        #[arg(long)]
        out: PathBuf,
    },
    /// Compare two specs: what changed, and whether it breaks old or new clients on the wire
    /// or Rust code written against the old bindings.
    Diff {
        /// The old spec.
        old: PathBuf,
        /// The new spec.
        new: PathBuf,
        /// `text` (a table) or `json`.
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Exit 1 when a change of a class is present: `wire`, `old-client`, `new-client`,
        /// `api` or `warning` (repeat it, or list them with commas).
        #[arg(long = "fail-on", value_name = "CLASS", value_delimiter = ',')]
        fail_on: Vec<specgen::diff::Class>,
    },
}

/// Output formats of `diff`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

/// Prints the changes from `old` to `new`; exit 1 when one of the `fail_on` classes is
/// present.
fn diff(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    fail_on: &[specgen::diff::Class],
) -> Result<ExitCode, Error> {
    let settings = Settings::default();
    let report = specgen::diff::diff(
        &specgen::load(old, &settings)?,
        &specgen::load(new, &settings)?,
    );
    match format {
        DiffFormat::Text => print!("{}", report.render_text()),
        DiffFormat::Json => print!("{}", report.to_json()),
    }
    let failing: Vec<&str> = fail_on
        .iter()
        .filter(|c| report.has(**c))
        .map(|c| c.as_str())
        .collect();
    if failing.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "failing: changes of class {} (--fail-on)",
            failing.join(", ")
        );
        Ok(ExitCode::from(1))
    }
}

fn settings(options: &[String]) -> Result<Settings, Error> {
    let mut s = Settings::default();
    for o in options {
        let Some((k, v)) = o.split_once('=') else {
            return Err(Error::new(
                specgen::ErrorKind::Invalid,
                format!("option `{o}` must be written KEY=VALUE"),
            ));
        };
        s.set(k.trim(), v.trim())?;
    }
    Ok(s)
}

/// Prints what generation went past: `warning: <file>: <pointer>: <message>`.
fn print_warnings(spec: &Path, warnings: &[specgen::ir::Warning]) {
    for w in warnings {
        eprintln!("warning: {}: {}: {}", spec.display(), w.pointer, w.message);
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Generate { spec, out, options } => {
            let (files, warnings) =
                specgen::generate_with_warnings(&spec, &out, &settings(&options)?)?;
            print_warnings(&spec, &warnings);
            eprintln!("wrote {} files to {}", files.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { spec, out, options } => {
            let (stale, warnings) =
                specgen::check_with_warnings(&spec, &out, &settings(&options)?)?;
            print_warnings(&spec, &warnings);
            if stale.is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "{} is out of date; run `specgen generate {} --out {}`. Stale files:",
                    out.display(),
                    spec.display(),
                    out.display()
                );
                for f in stale {
                    println!("{}", Path::new(&out).join(f).display());
                }
                Ok(ExitCode::from(1))
            }
        }
        Command::Crate {
            spec,
            name,
            out,
            runtime,
            options,
        } => {
            let runtime = match runtime {
                Some(r) => match r.strip_prefix("version:") {
                    Some(v) => specgen::cargo::RuntimeDep::Version(v.to_owned()),
                    None => specgen::cargo::RuntimeDep::Path(PathBuf::from(r)),
                },
                None => specgen::cargo::RuntimeDep::Path(specgen::cargo::bundled_runtime()),
            };
            let settings = settings(&options)?;
            specgen::cargo::write_crate(&spec, &name, &out, &runtime, &settings)?;
            print_warnings(&spec, &specgen::load(&spec, &settings)?.warnings);
            eprintln!("wrote crate `{name}` to {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { model, out } => {
            for w in specgen::import::import_to_file(&model, &out)? {
                eprintln!("warning: {}: {}: {}", model.display(), w.pointer, w.message);
            }
            eprintln!("wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on,
        } => diff(&old, &new, format, &fail_on),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
