//! The build.rs front end: generate into `OUT_DIR` and tell Cargo when to rerun.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::ir::Warning;
use crate::settings::Settings;

/// Generates code for a spec from a build script.
///
/// In `build.rs`:
///
/// ```no_run
/// specgen::Builder::new("spec/cognito-identity.json")
///     .option("pattern-mode", "full-match")
///     .write_to_out_dir("cognito_identity.rs");
/// ```
///
/// and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/cognito_identity.rs"));`.
#[derive(Debug, Clone)]
pub struct Builder {
    spec: PathBuf,
    settings: Settings,
    /// The first option [`Settings::set`] refused, reported when generating.
    invalid: Option<Error>,
}

impl Builder {
    /// A builder for `spec`, relative to the package root (`CARGO_MANIFEST_DIR`).
    pub fn new(spec: impl AsRef<Path>) -> Self {
        Builder {
            spec: spec.as_ref().to_path_buf(),
            settings: Settings::default(),
            invalid: None,
        }
    }

    /// Sets an option with [`Settings::set`] (the keys of the options file: `pattern-mode`,
    /// `protocol`, …; `_` may stand for `-`). These override the options file beside the
    /// spec. An invalid option is reported by the generation that follows.
    pub fn option(mut self, key: &str, value: &str) -> Self {
        if self.invalid.is_none()
            && let Err(e) = self.settings.set(key, value)
        {
            self.invalid = Some(e);
        }
        self
    }

    fn spec_path(&self) -> PathBuf {
        match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) if self.spec.is_relative() => Path::new(&dir).join(&self.spec),
            _ => self.spec.clone(),
        }
    }

    /// Generates the code as one file's text, without touching the file system.
    pub fn generate(&self) -> Result<String> {
        self.generate_with_warnings().map(|(text, _)| text)
    }

    /// [`Builder::generate`], also returning what generation went past (such as patterns it
    /// cannot enforce).
    pub fn generate_with_warnings(&self) -> Result<(String, Vec<Warning>)> {
        let spec = self.spec_path();
        if let Some(e) = &self.invalid {
            return Err(e.clone().in_file(&spec));
        }
        let api = crate::load(&spec, &self.settings)?;
        let text = crate::single_file(&api).map_err(|e| e.in_file(&spec))?;
        Ok((text, api.warnings))
    }

    /// Generates into `$OUT_DIR/<file_name>` and prints `cargo:rerun-if-changed` for the
    /// spec and its options file, and `cargo:warning=` for each warning (such as a pattern
    /// that is not enforced). Returns the written path, or the error (also printed so that
    /// Cargo shows it).
    pub fn try_write_to_out_dir(&self, file_name: &str) -> Result<PathBuf> {
        let spec = self.spec_path();
        println!("cargo:rerun-if-changed={}", spec.display());
        // Only an existing file: Cargo reruns the script on every build for a missing one.
        let options = Settings::file_beside(&spec);
        if options.is_file() {
            println!("cargo:rerun-if-changed={}", options.display());
        }
        let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::new(
                ErrorKind::Io,
                "OUT_DIR is not set: call this from a build script",
            )
        })?;
        let (text, warnings) = self.generate_with_warnings()?;
        for w in &warnings {
            println!("{}", cargo_warning(&spec, w));
        }
        let path = Path::new(&out_dir).join(file_name);
        crate::output::write_files(
            Path::new(&out_dir),
            &[crate::File {
                path: file_name.to_owned(),
                contents: text,
            }],
        )?;
        Ok(path)
    }

    /// Like [`Builder::try_write_to_out_dir`], but a failure ends the build with the error
    /// (spec file and JSON pointer) as its message.
    pub fn write_to_out_dir(&self, file_name: &str) -> PathBuf {
        match self.try_write_to_out_dir(file_name) {
            Ok(path) => path,
            Err(e) => {
                eprintln!("error: specgen: {e}");
                std::process::exit(1);
            }
        }
    }
}

/// `cargo:warning=specgen: <file>: <pointer>: <message>`, on one line as Cargo needs.
fn cargo_warning(spec: &Path, w: &Warning) -> String {
    let text = format!("specgen: {}: {}: {}", spec.display(), w.pointer, w.message);
    format!("cargo:warning={}", text.replace(['\r', '\n'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_go_through_settings_set() {
        let b = Builder::new("spec/a.yaml")
            .option("pattern-mode", "search")
            .option("runtime_path", "crate::rt");
        let mut expected = Settings::default();
        expected.set("pattern-mode", "search").unwrap();
        expected.set("runtime-path", "crate::rt").unwrap();
        assert_eq!(b.settings, expected);
        assert!(b.invalid.is_none());
    }

    #[test]
    fn the_first_bad_option_is_the_error() {
        let b = Builder::new("/nonexistent/spec.yaml")
            .option("protocol", "soap")
            .option("colour", "blue");
        let e = b.generate().unwrap_err();
        assert_eq!(
            e.message,
            "option `protocol` must be `aws-json` or `generic`, not `soap`"
        );
        assert_eq!(e.file.as_deref(), Some(Path::new("/nonexistent/spec.yaml")));
    }

    #[test]
    fn warnings_are_one_cargo_line() {
        let w = Warning {
            pointer: "#/components/schemas/Name/pattern".into(),
            message: "schema `Name`: not enforced\nreally".into(),
        };
        assert_eq!(
            cargo_warning(Path::new("spec/a.yaml"), &w),
            "cargo:warning=specgen: spec/a.yaml: #/components/schemas/Name/pattern: \
             schema `Name`: not enforced really"
        );
    }
}
