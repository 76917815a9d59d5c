//! Generation options: one type filled by every front end (CLI flags, the options file
//! beside the spec, `include_spec!` arguments, the build.rs builder).
//!
//! Defaults are right for AWS JSON specs such as Cognito, so those need no options at all.
//! The options file of `spec/api.yaml` is `spec/api.specgen.yaml`:
//!
//! ```yaml
//! protocol: aws-json            # or generic; detected from the paths when absent
//! pattern-mode: full-match      # or search; AWS specs full-match, others search
//! validation-exception: ValidationException
//! runtime-path: ::specgen_runtime
//! unsupported-pattern: warn     # or error: refuse patterns that cannot be enforced
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::pattern::PatternMode;

/// Which protocol to generate for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProtocolChoice {
    /// AWS JSON 1.1, whatever the paths look like.
    AwsJson,
    /// Plain OpenAPI, even if the paths look like AWS JSON.
    Generic,
}

/// How patterns apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PatternModeChoice {
    /// The whole value must match.
    FullMatch,
    /// A part of the value must match.
    Search,
}

impl From<PatternModeChoice> for PatternMode {
    fn from(c: PatternModeChoice) -> Self {
        match c {
            PatternModeChoice::FullMatch => PatternMode::FullMatch,
            PatternModeChoice::Search => PatternMode::Search,
        }
    }
}

/// What to do with a pattern that cannot be enforced (Java rejects it, or it has no Rust
/// equivalent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnsupportedPattern {
    /// Generate without the check, note it in the docs and report a warning.
    #[default]
    Warn,
    /// Stop with an error naming the schema.
    Error,
}

/// Options of one generation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// Force a protocol instead of detecting it.
    pub protocol: Option<ProtocolChoice>,
    /// Force a pattern mode instead of deriving it from the protocol.
    pub pattern_mode: Option<PatternModeChoice>,
    /// Error code for constraint violations; by default `ValidationException` when the
    /// spec defines it, else `InvalidParameterException` when it does, else
    /// `ValidationException`.
    pub validation_exception: Option<String>,
    /// Path of the runtime crate in generated code; default `::specgen_runtime`.
    pub runtime_path: Option<String>,
    /// What to do with a pattern that cannot be enforced; default
    /// [`UnsupportedPattern::Warn`].
    pub unsupported_pattern: Option<UnsupportedPattern>,
}

/// The option keys, as written in files and arguments.
pub const KEYS: &[&str] = &[
    "protocol",
    "pattern-mode",
    "validation-exception",
    "runtime-path",
    "unsupported-pattern",
];

impl Settings {
    /// Sets one option from its text form (`pattern-mode`, `search`).
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let bad = |expected: &str| {
            Error::new(
                ErrorKind::Invalid,
                format!("option `{key}` must be {expected}, not `{value}`"),
            )
        };
        match key {
            "protocol" => {
                self.protocol = Some(match value {
                    "aws-json" => ProtocolChoice::AwsJson,
                    "generic" => ProtocolChoice::Generic,
                    _ => return Err(bad("`aws-json` or `generic`")),
                })
            }
            "pattern-mode" => {
                self.pattern_mode = Some(match value {
                    "full-match" => PatternModeChoice::FullMatch,
                    "search" => PatternModeChoice::Search,
                    _ => return Err(bad("`full-match` or `search`")),
                })
            }
            "validation-exception" => {
                if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(bad("an error code such as `ValidationException`"));
                }
                self.validation_exception = Some(value.to_owned());
            }
            "runtime-path" => {
                if syn::parse_str::<syn::Path>(value).is_err() {
                    return Err(bad("a Rust path such as `::specgen_runtime`"));
                }
                self.runtime_path = Some(value.to_owned());
            }
            "unsupported-pattern" => {
                self.unsupported_pattern = Some(match value {
                    "warn" => UnsupportedPattern::Warn,
                    "error" => UnsupportedPattern::Error,
                    _ => return Err(bad("`warn` or `error`")),
                })
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("unknown option `{key}`; known options: {}", KEYS.join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// The options file that belongs to `spec`: `<dir>/<stem>.specgen.yaml`.
    pub fn file_beside(spec: &Path) -> PathBuf {
        let stem = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        spec.with_file_name(format!("{stem}.specgen.yaml"))
    }

    /// Reads an options file.
    pub fn from_file(path: &Path) -> Result<Settings> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the options file: {e}")).in_file(path)
        })?;
        if text.trim().is_empty() {
            return Ok(Settings::default());
        }
        let settings: Settings = serde_yaml::from_str(&text).map_err(|e| {
            Error::new(ErrorKind::Invalid, format!("invalid options file: {e}")).in_file(path)
        })?;
        // Run every value through the same checks as the other front ends.
        let mut checked = Settings::default();
        if let Some(v) = &settings.validation_exception {
            checked
                .set("validation-exception", v)
                .map_err(|e| e.in_file(path))?;
        }
        if let Some(v) = &settings.runtime_path {
            checked
                .set("runtime-path", v)
                .map_err(|e| e.in_file(path))?;
        }
        Ok(settings)
    }

    /// The options beside `spec` if that file exists, and its path.
    pub fn beside(spec: &Path) -> Result<(Settings, Option<PathBuf>)> {
        let file = Settings::file_beside(spec);
        if file.is_file() {
            Ok((Settings::from_file(&file)?, Some(file)))
        } else {
            Ok((Settings::default(), None))
        }
    }

    /// `self` with every option `over` sets replacing it.
    pub fn overridden_by(mut self, over: &Settings) -> Settings {
        if over.protocol.is_some() {
            self.protocol = over.protocol;
        }
        if over.pattern_mode.is_some() {
            self.pattern_mode = over.pattern_mode;
        }
        if over.validation_exception.is_some() {
            self.validation_exception
                .clone_from(&over.validation_exception);
        }
        if over.runtime_path.is_some() {
            self.runtime_path.clone_from(&over.runtime_path);
        }
        if over.unsupported_pattern.is_some() {
            self.unsupported_pattern = over.unsupported_pattern;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_checks_values() {
        let mut s = Settings::default();
        s.set("pattern-mode", "search").unwrap();
        assert_eq!(s.pattern_mode, Some(PatternModeChoice::Search));
        assert!(s.set("pattern-mode", "fuzzy").is_err());
        assert!(
            s.set("colour", "blue")
                .unwrap_err()
                .message
                .contains("known options")
        );
        assert!(s.set("runtime-path", "not a path").is_err());
        s.set("runtime-path", "::my_rt").unwrap();
        s.set("unsupported-pattern", "error").unwrap();
        assert_eq!(s.unsupported_pattern, Some(UnsupportedPattern::Error));
        assert!(s.set("unsupported-pattern", "ignore").is_err());
    }

    #[test]
    fn unsupported_pattern_from_a_file() {
        let s: Settings = serde_yaml::from_str("unsupported-pattern: error").unwrap();
        assert_eq!(s.unsupported_pattern, Some(UnsupportedPattern::Error));
        let over = Settings {
            unsupported_pattern: Some(UnsupportedPattern::Warn),
            ..Settings::default()
        };
        assert_eq!(
            s.overridden_by(&over).unsupported_pattern,
            Some(UnsupportedPattern::Warn)
        );
    }

    #[test]
    fn file_beside_spec() {
        assert_eq!(
            Settings::file_beside(Path::new("spec/cognito-idp.yaml")),
            Path::new("spec/cognito-idp.specgen.yaml")
        );
    }
}
