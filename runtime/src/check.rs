//! Constraint checks called by generated `Validate` impls and by `#[derive(Validate)]`.
//!
//! Each check is cheap on success and allocates only when it records a violation. Length
//! checks run before pattern checks, and characters are only counted when the byte length
//! cannot decide the answer.

use crate::path::Path;
use crate::pattern::Pattern;
use crate::validate::{Constraint, Limit, ShownValue, ValidationErrors};

/// The constraints of one string schema.
#[derive(Debug)]
pub struct StrRules {
    /// `minLength`, in Unicode scalar values.
    pub min_len: Option<u64>,
    /// `maxLength`, in Unicode scalar values.
    pub max_len: Option<u64>,
    /// `pattern`.
    pub pattern: Option<&'static Pattern>,
    /// `format: password`: the value is never shown in messages.
    pub sensitive: bool,
}

#[inline]
fn shown(value: &str, sensitive: bool) -> ShownValue {
    if sensitive {
        ShownValue::Omitted
    } else {
        ShownValue::Text(value.to_owned())
    }
}

/// Checks a string against its length bounds and pattern.
#[inline]
pub fn string(value: &str, rules: &StrRules, path: Path<'_>, errors: &mut ValidationErrors) {
    if rules.min_len.is_some() || rules.max_len.is_some() {
        let bytes = value.len() as u64;
        // A string of n bytes holds between n/4 and n characters: count only when that
        // range straddles a bound.
        let undecided = rules.max_len.is_some_and(|max| bytes > max)
            || rules.min_len.is_some_and(|min| min > bytes / 4);
        if undecided {
            string_length(value, rules, path, errors);
        }
    }
    if let Some(pattern) = rules.pattern
        && !pattern.is_match(value)
    {
        errors.add(
            path,
            shown(value, rules.sensitive),
            Constraint::Pattern(pattern.source()),
        );
    }
}

fn string_length(value: &str, rules: &StrRules, path: Path<'_>, errors: &mut ValidationErrors) {
    let chars = value.chars().count() as u64;
    if let Some(min) = rules.min_len
        && chars < min
    {
        errors.add(
            path,
            shown(value, rules.sensitive),
            Constraint::MinLength(min),
        );
    }
    if let Some(max) = rules.max_len
        && chars > max
    {
        errors.add(
            path,
            shown(value, rules.sensitive),
            Constraint::MaxLength(max),
        );
    }
}

/// Checks the size of a blob carried as base64 text: its decoded bytes against `min` and
/// `max`. The value is not shown (the bytes may be anything).
#[inline]
pub fn blob_length(
    base64: &str,
    min: Option<u64>,
    max: Option<u64>,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    let bytes = decoded_len(base64);
    if let Some(min) = min
        && bytes < min
    {
        errors.add(path, ShownValue::Omitted, Constraint::MinLength(min));
    }
    if let Some(max) = max
        && bytes > max
    {
        errors.add(path, ShownValue::Omitted, Constraint::MaxLength(max));
    }
}

/// Bytes that base64 text decodes to: three per four characters, less the padding
/// (whitespace and anything outside the alphabet do not count).
fn decoded_len(base64: &str) -> u64 {
    let symbols = base64
        .bytes()
        .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_'))
        .count() as u64;
    symbols * 3 / 4
}

/// Checks the item count of a list or the entry count of a map (value not shown).
#[inline]
pub fn length(
    len: usize,
    min: Option<u64>,
    max: Option<u64>,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    let len = len as u64;
    if let Some(min) = min
        && len < min
    {
        errors.add(path, ShownValue::Omitted, Constraint::MinLength(min));
    }
    if let Some(max) = max
        && len > max
    {
        errors.add(path, ShownValue::Omitted, Constraint::MaxLength(max));
    }
}

/// Checks an integer against `minimum`/`maximum`.
#[inline]
pub fn int(
    value: i64,
    min: Option<i64>,
    max: Option<i64>,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(min) = min
        && value < min
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Minimum(Limit::Int(min)),
        );
    }
    if let Some(max) = max
        && value > max
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Maximum(Limit::Int(max)),
        );
    }
}

/// Checks a floating-point number against `minimum`/`maximum`.
#[inline]
pub fn float(
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(min) = min
        && value < min
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Minimum(Limit::Float(min)),
        );
    }
    if let Some(max) = max
        && value > max
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Maximum(Limit::Float(max)),
        );
    }
}

/// Checks an integer against the `enum` of its schema (`names` are the values as text).
#[inline]
pub fn int_enum(
    value: i64,
    allowed: &[i64],
    names: &'static [&'static str],
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    if !allowed.contains(&value) {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Enum(names),
        );
    }
}

/// Records an enum value that is not in `allowed` (an unknown value read from the wire).
#[cold]
pub fn unknown_enum(
    value: &str,
    allowed: &'static [&'static str],
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    errors.add(
        path,
        ShownValue::Text(value.to_owned()),
        Constraint::Enum(allowed),
    );
}

/// Records a missing required member.
#[cold]
pub fn missing(path: Path<'_>, errors: &mut ValidationErrors) {
    errors.add(path, ShownValue::Null, Constraint::Required);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_count_decoded_bytes() {
        assert_eq!(decoded_len(""), 0);
        assert_eq!(decoded_len("QQ=="), 1);
        assert_eq!(decoded_len("QUI="), 2);
        assert_eq!(decoded_len("QUJD"), 3);
        assert_eq!(decoded_len("QUJD\nREVG"), 6);
        let mut errors = ValidationErrors::new();
        blob_length(
            "QUJDREVG",
            Some(7),
            Some(5),
            Path::ROOT.field("image"),
            &mut errors,
        );
        assert_eq!(
            errors.into_result().unwrap_err().to_string(),
            "2 validation errors detected: \
             Value at 'image' failed to satisfy constraint: Member must have length greater than or equal to 7; \
             Value at 'image' failed to satisfy constraint: Member must have length less than or equal to 5"
        );
    }
    use crate::pattern::Engine;

    static WORD: Pattern = Pattern::new(r"[\w+]+", r"^(?:[[:word:]+]+)$", Engine::Regex);
    static NAME: StrRules = StrRules {
        min_len: Some(1),
        max_len: Some(3),
        pattern: Some(&WORD),
        sensitive: false,
    };

    fn run(v: &str, rules: &StrRules) -> String {
        let mut e = ValidationErrors::new();
        string(v, rules, Path::ROOT.field("name"), &mut e);
        match e.into_result() {
            Ok(()) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn length_counts_characters() {
        assert_eq!(run("abc", &NAME), "");
        assert_eq!(
            run("abcd", &NAME),
            "1 validation error detected: Value 'abcd' at 'name' failed to satisfy constraint: Member must have length less than or equal to 3"
        );
        let rules = StrRules {
            min_len: Some(2),
            max_len: Some(3),
            pattern: None,
            sensitive: true,
        };
        // Three characters, nine bytes: within bounds.
        assert_eq!(run("äöü", &rules), "");
        assert_eq!(
            run("ä", &rules),
            "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2"
        );
    }

    #[test]
    fn empty_string_fails_length_and_pattern() {
        assert_eq!(
            run("", &NAME),
            r"2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+"
        );
    }

    #[test]
    fn ranges() {
        let mut e = ValidationErrors::new();
        int(
            61,
            Some(1),
            Some(60),
            Path::ROOT.field("maxResults"),
            &mut e,
        );
        float(-0.5, Some(0.0), None, Path::ROOT.field("ratio"), &mut e);
        assert_eq!(
            e.into_result().unwrap_err().to_string(),
            "2 validation errors detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60; Value '-0.5' at 'ratio' failed to satisfy constraint: Member must have value greater than or equal to 0"
        );
    }
}
