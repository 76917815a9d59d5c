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
//!
//! Every option's value is a type with [`FromStr`] (what the text may be) and
//! [`Display`](fmt::Display) (its text form, which `FromStr` reads back), so a [`Settings`]
//! holds only valid values. Text becomes settings in one place, [`Settings::set`]: the
//! options file, `--option KEY=VALUE`, `include_spec!` arguments and
//! [`Builder::option`](crate::Builder::option) all go through it. Keys may be written with
//! `-` (`pattern-mode`, as in the file) or `_` (`pattern_mode`, as in macro arguments).

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::pattern::{ParsePatternModeError, PatternMode};

/// Text that is not a value of an option: what was expected, and what was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    expected: &'static str,
    value: String,
}

impl InvalidValue {
    fn new(expected: &'static str, value: &str) -> InvalidValue {
        InvalidValue {
            expected,
            value: value.to_owned(),
        }
    }

    /// What the value may be: ``"`aws-json` or `generic`"``.
    pub fn expected(&self) -> &'static str {
        self.expected
    }

    /// The text that was given.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for InvalidValue {
    /// ``expected `aws-json` or `generic`, not `soap` ``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, not `{}`", self.expected, self.value)
    }
}

impl std::error::Error for InvalidValue {}

impl From<ParsePatternModeError> for InvalidValue {
    fn from(e: ParsePatternModeError) -> Self {
        InvalidValue::new(PatternMode::EXPECTED, e.value())
    }
}

/// Writes `EXPECTED`, `as_str`, [`Display`](fmt::Display) and [`FromStr`] of an option
/// whose values are words, from one table of variants and their text, so that what is
/// written and what is read cannot drift apart.
macro_rules! worded_option {
    ($ty:ident, $expected:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            #[doc = concat!("What [`", stringify!($ty), "::from_str`] accepts, for messages.")]
            pub const EXPECTED: &'static str = $expected;

            #[doc = concat!("The text form: ", $expected, ".")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text,)+
                }
            }
        }

        impl fmt::Display for $ty {
            #[doc = concat!($expected, ".")]
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = InvalidValue;

            #[doc = concat!($expected, ".")]
            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                match s {
                    $($text => Ok($ty::$variant),)+
                    _ => Err(InvalidValue::new(Self::EXPECTED, s)),
                }
            }
        }
    };
}

/// Writes `EXPECTED`, `as_str`, [`Display`](fmt::Display) and [`FromStr`] of an option
/// that holds text as given, once `valid` accepts it.
macro_rules! checked_text {
    ($ty:ident, $expected:literal, $accepts:literal, $valid:expr) => {
        impl $ty {
            #[doc = concat!("What [`", stringify!($ty), "::from_str`] accepts, for messages.")]
            pub const EXPECTED: &'static str = $expected;

            /// The text as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $ty {
            /// The text as given.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $ty {
            type Err = InvalidValue;

            #[doc = $accepts]
            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                let valid: fn(&str) -> bool = $valid;
                if !valid(s) {
                    return Err(InvalidValue::new(Self::EXPECTED, s));
                }
                Ok($ty(s.to_owned()))
            }
        }
    };
}

/// Which protocol to generate for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProtocolChoice {
    /// AWS JSON 1.1, whatever the paths look like.
    AwsJson,
    /// Plain OpenAPI, even if the paths look like AWS JSON.
    Generic,
}

worded_option!(ProtocolChoice, "`aws-json` or `generic`", {
    AwsJson => "aws-json",
    Generic => "generic",
});

/// What to do with a pattern that cannot be enforced (Java rejects it, or it has no Rust
/// equivalent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UnsupportedPattern {
    /// Generate without the check, note it in the docs and report a warning.
    #[default]
    Warn,
    /// Stop with an error naming the schema.
    Error,
}

worded_option!(UnsupportedPattern, "`warn` or `error`", {
    Warn => "warn",
    Error => "error",
});

/// An error code such as `ValidationException`: ASCII letters and digits, not empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorCode(String);

checked_text!(
    ErrorCode,
    "an error code such as `ValidationException`",
    "One or more ASCII letters and digits.",
    |s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric())
);

/// The path of the runtime crate in generated code, such as `::specgen_runtime`: text that
/// parses as a Rust path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RuntimePath(String);

checked_text!(
    RuntimePath,
    "a Rust path such as `::specgen_runtime`",
    "Text that `syn` parses as a path (`::specgen_runtime`, `crate::rt`).",
    |s| syn::parse_str::<syn::Path>(s).is_ok()
);

/// Options of one generation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Force a protocol instead of detecting it.
    pub protocol: Option<ProtocolChoice>,
    /// Force a pattern mode instead of deriving it from the protocol.
    pub pattern_mode: Option<PatternMode>,
    /// Error code for constraint violations; by default `ValidationException` when the
    /// spec defines it, else `InvalidParameterException` when it does, else
    /// `ValidationException`.
    pub validation_exception: Option<ErrorCode>,
    /// Path of the runtime crate in generated code; default `::specgen_runtime`.
    pub runtime_path: Option<RuntimePath>,
    /// What to do with a pattern that cannot be enforced; default
    /// [`UnsupportedPattern::Warn`].
    pub unsupported_pattern: Option<UnsupportedPattern>,
}

/// The option keys, as written in files and arguments (`_` may stand for `-`).
pub const KEYS: &[&str] = &[
    "protocol",
    "pattern-mode",
    "validation-exception",
    "runtime-path",
    "unsupported-pattern",
];

/// One option, whatever the spelling of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Protocol,
    PatternMode,
    ValidationException,
    RuntimePath,
    UnsupportedPattern,
}

impl Key {
    /// The option `written` names (`pattern-mode` or `pattern_mode`); the error names it as
    /// written.
    fn find(written: &str) -> Result<Key> {
        Ok(match written.replace('_', "-").as_str() {
            "protocol" => Key::Protocol,
            "pattern-mode" => Key::PatternMode,
            "validation-exception" => Key::ValidationException,
            "runtime-path" => Key::RuntimePath,
            "unsupported-pattern" => Key::UnsupportedPattern,
            _ => {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!(
                        "unknown option `{written}`; known options: {}",
                        KEYS.join(", ")
                    ),
                ));
            }
        })
    }
}

/// `value` read as option `key`'s type; the error names `key` as written.
fn parse<T>(key: &str, value: &str) -> Result<T>
where
    T: FromStr,
    T::Err: Into<InvalidValue>,
{
    value.parse().map_err(|e: T::Err| {
        Error::new(
            ErrorKind::Invalid,
            format!(
                "option `{key}` must be {}, not `{value}`",
                e.into().expected()
            ),
        )
    })
}

/// What a YAML value is, for messages.
fn yaml_kind(v: &serde_yaml::Value) -> &'static str {
    use serde_yaml::Value;
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// The text of a scalar (`search`, `3`, `true`); `None` for lists, mappings and tagged or
/// null values.
fn yaml_text(v: &serde_yaml::Value) -> Option<String> {
    use serde_yaml::Value;
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Settings {
    /// Sets one option from its text form (`pattern-mode`, `search`): the value is read
    /// with the option's [`FromStr`]. The key may be written with `-` or `_`
    /// (`pattern_mode`); errors name it as written.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        match Key::find(key)? {
            Key::Protocol => self.protocol = Some(parse(key, value)?),
            Key::PatternMode => self.pattern_mode = Some(parse(key, value)?),
            Key::ValidationException => self.validation_exception = Some(parse(key, value)?),
            Key::RuntimePath => self.runtime_path = Some(parse(key, value)?),
            Key::UnsupportedPattern => self.unsupported_pattern = Some(parse(key, value)?),
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

    /// Reads an options file; errors name the file.
    pub fn from_file(path: &Path) -> Result<Settings> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the options file: {e}")).in_file(path)
        })?;
        Settings::from_yaml(&text).map_err(|e| e.in_file(path))
    }

    /// Reads the text of an options file: a YAML mapping of option keys to plain values,
    /// each applied with [`Settings::set`]. A key without a value (`protocol:`) leaves its
    /// option unset.
    pub fn from_yaml(text: &str) -> Result<Settings> {
        use serde_yaml::Value;
        let invalid = |message: String| Error::new(ErrorKind::Invalid, message);
        if text.trim().is_empty() {
            return Ok(Settings::default());
        }
        let doc: Value = serde_yaml::from_str(text)
            .map_err(|e| invalid(format!("invalid options file: {e}")))?;
        let options = match doc {
            // Only comments.
            Value::Null => return Ok(Settings::default()),
            Value::Mapping(m) => m,
            other => {
                return Err(invalid(format!(
                    "invalid options file: expected `key: value` lines, found {}",
                    yaml_kind(&other)
                )));
            }
        };
        let mut settings = Settings::default();
        let mut seen = HashSet::new();
        for (k, v) in &options {
            let key = yaml_text(k).ok_or_else(|| {
                invalid(format!(
                    "invalid options file: expected an option name, found {}",
                    yaml_kind(k)
                ))
            })?;
            if !seen.insert(Key::find(&key)?) {
                return Err(invalid(format!("option `{key}` is given twice")));
            }
            match v {
                Value::Null => {}
                _ => {
                    let value = yaml_text(v).ok_or_else(|| {
                        invalid(format!(
                            "option `{key}` must be a single value, not {}",
                            yaml_kind(v)
                        ))
                    })?;
                    settings.set(&key, &value)?;
                }
            }
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
    pub fn overridden_by(self, over: &Settings) -> Settings {
        let over = over.clone();
        Settings {
            protocol: over.protocol.or(self.protocol),
            pattern_mode: over.pattern_mode.or(self.pattern_mode),
            validation_exception: over.validation_exception.or(self.validation_exception),
            runtime_path: over.runtime_path.or(self.runtime_path),
            unsupported_pattern: over.unsupported_pattern.or(self.unsupported_pattern),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Display` then `FromStr` gives the value back, and what `FromStr` refuses says what
    /// was expected.
    fn round_trips<T>(values: &[T], bad: &str, expected: &str)
    where
        T: FromStr<Err: Into<InvalidValue>> + fmt::Display + PartialEq + fmt::Debug,
    {
        for v in values {
            let back: T = v
                .to_string()
                .parse()
                .unwrap_or_else(|_| panic!("{v} reads back"));
            assert_eq!(&back, v);
        }
        let e: InvalidValue = bad.parse::<T>().map(|_| ()).unwrap_err().into();
        assert_eq!(e.expected(), expected);
        assert_eq!(e.value(), bad);
        assert_eq!(e.to_string(), format!("expected {expected}, not `{bad}`"));
    }

    #[test]
    fn every_value_round_trips_and_says_what_it_expects() {
        round_trips(
            &[ProtocolChoice::AwsJson, ProtocolChoice::Generic],
            "soap",
            "`aws-json` or `generic`",
        );
        round_trips(
            &[PatternMode::FullMatch, PatternMode::Search],
            "fuzzy",
            "`full-match` or `search`",
        );
        round_trips(
            &[UnsupportedPattern::Warn, UnsupportedPattern::Error],
            "ignore",
            "`warn` or `error`",
        );
        round_trips(
            &["ValidationException".parse::<ErrorCode>().unwrap()],
            "Not-A-Code",
            "an error code such as `ValidationException`",
        );
        round_trips(
            &[
                "::specgen_runtime".parse::<RuntimePath>().unwrap(),
                "crate::rt".parse().unwrap(),
            ],
            "not a path",
            "a Rust path such as `::specgen_runtime`",
        );
        assert_eq!(ProtocolChoice::AwsJson.to_string(), "aws-json");
        assert_eq!(UnsupportedPattern::Error.to_string(), "error");
        assert!("".parse::<ErrorCode>().is_err());
        assert!("Code\u{e9}".parse::<ErrorCode>().is_err());
        assert!("".parse::<RuntimePath>().is_err());
        assert_eq!(
            "NoSuchException".parse::<ErrorCode>().unwrap().as_str(),
            "NoSuchException"
        );
    }

    #[test]
    fn set_checks_values() {
        let mut s = Settings::default();
        s.set("pattern-mode", "search").unwrap();
        assert_eq!(s.pattern_mode, Some(PatternMode::Search));
        assert!(s.set("pattern-mode", "fuzzy").is_err());
        assert_eq!(s.pattern_mode, Some(PatternMode::Search), "unchanged");
        assert!(
            s.set("colour", "blue")
                .unwrap_err()
                .message
                .contains("known options")
        );
        assert!(s.set("runtime-path", "not a path").is_err());
        s.set("runtime-path", "::my_rt").unwrap();
        assert_eq!(
            s.runtime_path.as_ref().map(RuntimePath::as_str),
            Some("::my_rt")
        );
        s.set("unsupported-pattern", "error").unwrap();
        assert_eq!(s.unsupported_pattern, Some(UnsupportedPattern::Error));
        assert!(s.set("unsupported-pattern", "ignore").is_err());
        s.set("protocol", "generic").unwrap();
        assert_eq!(s.protocol, Some(ProtocolChoice::Generic));
        s.set("validation-exception", "BadInput").unwrap();
        assert_eq!(
            s.validation_exception.as_ref().map(ErrorCode::as_str),
            Some("BadInput")
        );
    }

    #[test]
    fn keys_take_either_spelling_and_errors_name_them_as_written() {
        for key in KEYS {
            let underscored = key.replace('-', "_");
            for written in [key.to_string(), underscored] {
                let e = Settings::default().set(&written, "?").unwrap_err();
                assert!(
                    e.message
                        .starts_with(&format!("option `{written}` must be ")),
                    "{}",
                    e.message
                );
                assert!(e.message.ends_with(", not `?`"), "{}", e.message);
            }
        }
        let mut s = Settings::default();
        s.set("pattern_mode", "search").unwrap();
        s.set("unsupported_pattern", "error").unwrap();
        s.set("validation_exception", "Oops").unwrap();
        s.set("runtime_path", "crate::rt").unwrap();
        let mut t = Settings::default();
        t.set("pattern-mode", "search").unwrap();
        t.set("unsupported-pattern", "error").unwrap();
        t.set("validation-exception", "Oops").unwrap();
        t.set("runtime-path", "crate::rt").unwrap();
        assert_eq!(s, t);
        assert_eq!(
            s.set("pattern_mode", "fuzzy").unwrap_err().message,
            "option `pattern_mode` must be `full-match` or `search`, not `fuzzy`"
        );
        assert_eq!(
            s.set("pattern-mode", "fuzzy").unwrap_err().message,
            "option `pattern-mode` must be `full-match` or `search`, not `fuzzy`"
        );
        assert_eq!(
            s.set("colour_scheme", "blue").unwrap_err().message,
            "unknown option `colour_scheme`; known options: protocol, pattern-mode, \
             validation-exception, runtime-path, unsupported-pattern"
        );
        assert!(s.set("Pattern-Mode", "search").is_err());
    }

    #[test]
    fn unsupported_pattern_from_a_file() {
        let s = Settings::from_yaml("unsupported-pattern: error").unwrap();
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
    fn overridden_by_takes_what_is_set() {
        let mut base = Settings::default();
        base.set("protocol", "generic").unwrap();
        base.set("runtime-path", "::a").unwrap();
        let mut over = Settings::default();
        over.set("runtime-path", "::b").unwrap();
        over.set("pattern-mode", "search").unwrap();
        let mut expected = Settings::default();
        expected.set("protocol", "generic").unwrap();
        expected.set("runtime-path", "::b").unwrap();
        expected.set("pattern-mode", "search").unwrap();
        assert_eq!(base.overridden_by(&over), expected);
    }

    #[test]
    fn the_documented_file_loads() {
        let text = "# Options\n\
                    protocol: aws-json            # or generic\n\
                    pattern-mode: full-match\n\
                    validation-exception: ValidationException\n\
                    runtime-path: ::specgen_runtime\n\
                    unsupported-pattern: warn\n";
        let s = Settings::from_yaml(text).unwrap();
        assert_eq!(s.protocol, Some(ProtocolChoice::AwsJson));
        assert_eq!(s.pattern_mode, Some(PatternMode::FullMatch));
        assert_eq!(
            s.validation_exception.as_ref().map(ErrorCode::as_str),
            Some("ValidationException")
        );
        assert_eq!(
            s.runtime_path.as_ref().map(RuntimePath::as_str),
            Some("::specgen_runtime")
        );
        assert_eq!(s.unsupported_pattern, Some(UnsupportedPattern::Warn));
        // Each value written back with `Display` reads the same.
        let written = format!(
            "protocol: {}\npattern-mode: {}\nvalidation-exception: {}\nruntime-path: '{}'\n\
             unsupported-pattern: {}\n",
            s.protocol.unwrap(),
            s.pattern_mode.unwrap(),
            s.validation_exception.as_ref().unwrap(),
            s.runtime_path.as_ref().unwrap(),
            s.unsupported_pattern.unwrap(),
        );
        assert_eq!(Settings::from_yaml(&written).unwrap(), s);
        for empty in [
            "",
            "  \n",
            "# only a comment\n",
            "protocol:\n",
            "protocol: ~\n",
        ] {
            assert_eq!(
                Settings::from_yaml(empty).unwrap(),
                Settings::default(),
                "{empty:?}"
            );
        }
        assert_eq!(
            Settings::from_yaml("pattern_mode: search")
                .unwrap()
                .pattern_mode,
            Some(PatternMode::Search)
        );
    }

    /// Writes `text` as an options file and reads it back.
    fn from_file_text(name: &str, text: &str) -> (PathBuf, Result<Settings>) {
        let dir =
            std::env::temp_dir().join(format!("specgen-settings-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("api.specgen.yaml");
        std::fs::write(&path, text).unwrap();
        let result = Settings::from_file(&path);
        let _ = std::fs::remove_dir_all(&dir);
        (path, result)
    }

    #[test]
    fn a_bad_value_in_a_file_names_the_file_and_the_key() {
        let cases = [
            (
                "protocol: soap",
                "option `protocol` must be `aws-json` or `generic`, not `soap`",
            ),
            (
                "pattern-mode: 3",
                "option `pattern-mode` must be `full-match` or `search`, not `3`",
            ),
            (
                "pattern_mode: fuzzy",
                "option `pattern_mode` must be `full-match` or `search`, not `fuzzy`",
            ),
            (
                "validation-exception: Not-A-Code",
                "option `validation-exception` must be an error code such as \
                 `ValidationException`, not `Not-A-Code`",
            ),
            (
                "validation-exception: ''",
                "option `validation-exception` must be an error code such as \
                 `ValidationException`, not ``",
            ),
            (
                "runtime-path: not a path",
                "option `runtime-path` must be a Rust path such as `::specgen_runtime`, \
                 not `not a path`",
            ),
            (
                "unsupported-pattern: ignore",
                "option `unsupported-pattern` must be `warn` or `error`, not `ignore`",
            ),
            (
                "unsupported-pattern: true",
                "option `unsupported-pattern` must be `warn` or `error`, not `true`",
            ),
            (
                "protocol: [aws-json]",
                "option `protocol` must be a single value, not a list",
            ),
            (
                "runtime-path: {a: b}",
                "option `runtime-path` must be a single value, not a mapping",
            ),
            (
                "colour: blue",
                "unknown option `colour`; known options: protocol, pattern-mode, \
                 validation-exception, runtime-path, unsupported-pattern",
            ),
            (
                "colour:",
                "unknown option `colour`; known options: protocol, pattern-mode, \
                 validation-exception, runtime-path, unsupported-pattern",
            ),
            (
                "pattern-mode: search\npattern_mode: search",
                "option `pattern_mode` is given twice",
            ),
        ];
        for (i, (text, message)) in cases.iter().enumerate() {
            let (path, result) = from_file_text(&i.to_string(), text);
            let e = result.expect_err(text);
            assert_eq!(e.kind, ErrorKind::Invalid, "{text}");
            assert_eq!(e.file.as_deref(), Some(path.as_path()), "{text}");
            assert_eq!(&e.message, message, "{text}");
            assert_eq!(e.to_string(), format!("{}: {message}", path.display()));
        }
    }

    #[test]
    fn a_file_that_is_not_key_value_lines_is_an_error() {
        for (i, text) in ["- protocol\n", "protocol: [\n", "just text\n"]
            .iter()
            .enumerate()
        {
            let (path, result) = from_file_text(&format!("shape{i}"), text);
            let e = result.expect_err(text);
            assert_eq!(e.file.as_deref(), Some(path.as_path()), "{text}");
            assert!(
                e.message.starts_with("invalid options file: "),
                "{text}: {}",
                e.message
            );
        }
    }

    #[test]
    fn file_beside_spec() {
        assert_eq!(
            Settings::file_beside(Path::new("spec/cognito-idp.yaml")),
            Path::new("spec/cognito-idp.specgen.yaml")
        );
    }

    #[test]
    fn the_repository_options_files_load() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let s =
            Settings::from_file(&root.join("tests/consumer/spec/cognito-identity.specgen.yaml"))
                .unwrap();
        assert_eq!(s.pattern_mode, Some(PatternMode::FullMatch));
    }
}
