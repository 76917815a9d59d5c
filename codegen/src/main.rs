//! The `specgen` command line: `generate`, `check` and `crate`.

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

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Generate { spec, out, options } => {
            let files = specgen::generate(&spec, &out, &settings(&options)?)?;
            eprintln!("wrote {} files to {}", files.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { spec, out, options } => {
            let stale = specgen::check(&spec, &out, &settings(&options)?)?;
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
            specgen::cargo::write_crate(&spec, &name, &out, &runtime, &settings(&options)?)?;
            eprintln!("wrote crate `{name}` to {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
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
