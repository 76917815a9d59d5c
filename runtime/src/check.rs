//! Constraint checks called by generated `Validate` impls and by `#[derive(Validate)]`.
//!
//! Each check is cheap on success and allocates only when it records a violation. Length
//! checks run before pattern checks, and characters are only counted when the byte length
//! cannot decide the answer.
//!
//! The elements of a list and the keys and values of a map are judged together, as AWS
//! reports them: when any breaks a constraint of its own shape, [`members`] records one
//! violation at the collection's path that lists every constraint of that shape, and shows
//! the list once (printed as Java prints a list). The `*_ok` functions are the element
//! tests, and the `show_*` functions print elements.

use std::fmt::Write as _;

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

/// Whether a string meets its length bounds and pattern (what [`string`] checks).
#[inline]
pub fn string_ok(value: &str, rules: &StrRules) -> bool {
    if rules.min_len.is_some() || rules.max_len.is_some() {
        let bytes = value.len() as u64;
        let undecided = rules.max_len.is_some_and(|max| bytes > max)
            || rules.min_len.is_some_and(|min| min > bytes / 4);
        if undecided {
            let chars = value.chars().count() as u64;
            if rules.min_len.is_some_and(|min| chars < min)
                || rules.max_len.is_some_and(|max| chars > max)
            {
                return false;
            }
        }
    }
    rules.pattern.is_none_or(|pattern| pattern.is_match(value))
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

/// Whether a blob carried as base64 text has between `min` and `max` decoded bytes.
#[inline]
pub fn blob_ok(base64: &str, min: Option<u64>, max: Option<u64>) -> bool {
    let bytes = decoded_len(base64);
    min.is_none_or(|min| bytes >= min) && max.is_none_or(|max| bytes <= max)
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

/// Whether a list or map of `len` items or entries has between `min` and `max`.
#[inline]
pub fn length_ok(len: usize, min: Option<u64>, max: Option<u64>) -> bool {
    let len = len as u64;
    min.is_none_or(|min| len >= min) && max.is_none_or(|max| len <= max)
}

/// Checks the item count of a list whose value is shown: a violation prints the list
/// (`Value '[a, b]' at 'x'`), each item written by `show`. `len` is the item count.
#[inline]
pub fn list_length<I>(
    items: I,
    len: usize,
    min: Option<u64>,
    max: Option<u64>,
    show: impl Fn(I::Item, &mut String),
    path: Path<'_>,
    errors: &mut ValidationErrors,
) where
    I: IntoIterator + Clone,
{
    if !length_ok(len, min, max) {
        list_length_violation(items, len, min, max, &show, path, errors);
    }
}

#[cold]
fn list_length_violation<I>(
    items: I,
    len: usize,
    min: Option<u64>,
    max: Option<u64>,
    show: &impl Fn(I::Item, &mut String),
    path: Path<'_>,
    errors: &mut ValidationErrors,
) where
    I: IntoIterator + Clone,
{
    let len = len as u64;
    if let Some(min) = min
        && len < min
    {
        let items = items.clone();
        errors.add_lazy(
            path,
            || ShownValue::Text(list_text(items, show)),
            Constraint::MinLength(min),
        );
    }
    if let Some(max) = max
        && len > max
    {
        errors.add_lazy(
            path,
            || ShownValue::Text(list_text(items, show)),
            Constraint::MaxLength(max),
        );
    }
}

/// Checks the elements of a list (or the keys or values of a map) against the
/// constraints of their shape: `ok` tells whether one meets them all. At the first that
/// does not, records one violation at the collection's path, `constraint` (which lists
/// every constraint of the shape), showing the list printed by `show`, each element once.
/// The elements are read once more only then.
#[inline]
pub fn members<I>(
    items: I,
    ok: impl Fn(I::Item) -> bool,
    show: impl Fn(I::Item, &mut String),
    constraint: Constraint,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) where
    I: IntoIterator + Clone,
{
    if !items.clone().into_iter().all(ok) {
        members_violation(items, &show, constraint, path, errors);
    }
}

#[cold]
fn members_violation<I>(
    items: I,
    show: &impl Fn(I::Item, &mut String),
    constraint: Constraint,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) where
    I: IntoIterator,
{
    errors.add_lazy(
        path,
        || ShownValue::Text(list_text(items, show)),
        constraint,
    );
}

/// [`members`] for a collection whose value is not shown: a map, a list of sensitive
/// values or blobs (`Value at 'x'`).
#[inline]
pub fn members_hidden<I>(
    items: I,
    ok: impl Fn(I::Item) -> bool,
    constraint: Constraint,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) where
    I: IntoIterator,
{
    if !items.into_iter().all(ok) {
        errors.add(path, ShownValue::Omitted, constraint);
    }
}

/// A list as Java's `List.toString` prints it: `[a, b, c]` (so `[""]` prints `[]`).
fn list_text<I: IntoIterator>(items: I, show: &impl Fn(I::Item, &mut String)) -> String {
    let mut out = String::from("[");
    show_list(items, show, &mut out);
    out.push(']');
    out
}

/// Writes the items of a list joined by `, ` (without the brackets; see [`show_nested`]).
fn show_list<I: IntoIterator>(items: I, show: &impl Fn(I::Item, &mut String), out: &mut String) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        show(item, out);
    }
}

/// Writes a list element that is a string (or an enum's wire value).
#[inline]
pub fn show_str<S: AsRef<str> + ?Sized>(item: &S, out: &mut String) {
    out.push_str(item.as_ref());
}

/// Writes a list element that is a number or a boolean, as a scalar value is shown.
#[inline]
pub fn show_display<T: std::fmt::Display + ?Sized>(item: &T, out: &mut String) {
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{item}");
}

/// Writes a list element that is itself a list: `[a, b]`, its items written by `show`.
#[inline]
pub fn show_nested<I: IntoIterator>(
    items: I,
    show: impl Fn(I::Item, &mut String),
    out: &mut String,
) {
    out.push('[');
    show_list(items, &show, out);
    out.push(']');
}

/// Whether a value has nothing to report (an element of a list of enums held as a type
/// of its own). Allocates nothing when it has not.
#[inline]
pub fn passes<T: crate::validate::Validate + ?Sized>(value: &T) -> bool {
    let mut errors = ValidationErrors::new();
    value.validate_at(Path::ROOT, &mut errors);
    errors.is_empty()
}

/// Whether an integer is within `minimum`/`maximum`.
#[inline]
pub fn int_ok(value: i64, min: Option<i64>, max: Option<i64>) -> bool {
    min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max)
}

/// Whether a floating-point number is within `minimum`/`maximum` (NaN is, as [`float`]
/// finds no violation in it).
#[inline]
pub fn float_ok(value: f64, min: Option<f64>, max: Option<f64>) -> bool {
    !(min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max))
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

/// The range of a number with a bound it must not reach ([`float_between`]): OpenAPI's
/// `exclusiveMinimum`/`exclusiveMaximum`. Ranges with inclusive bounds only use [`float`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FloatRange {
    /// The smallest value, or the bound above which values must be.
    pub min: Option<f64>,
    /// The largest value, or the bound below which values must be.
    pub max: Option<f64>,
    /// Whether values must be greater than `min`, not equal to it.
    pub exclusive_min: bool,
    /// Whether values must be less than `max`, not equal to it.
    pub exclusive_max: bool,
    /// Whether the value is an `f32`, compared (and shown) in its own precision as
    /// [`float32`] compares it.
    pub single: bool,
}

impl FloatRange {
    /// The value and a bound in the precision they are compared in.
    fn pair(&self, value: f64, bound: f64) -> (f64, f64) {
        if self.single {
            (f64::from(value as f32), f64::from(bound as f32))
        } else {
            (value, bound)
        }
    }

    /// The constraint `value` breaks at the low end, if any (NaN breaks none).
    fn low(&self, value: f64) -> Option<Constraint> {
        let min = self.min?;
        let (v, b) = self.pair(value, min);
        match self.exclusive_min {
            true if v <= b => Some(Constraint::Above(Limit::Float(min))),
            false if v < b => Some(Constraint::Minimum(Limit::Float(min))),
            _ => None,
        }
    }

    /// The constraint `value` breaks at the high end, if any (NaN breaks none).
    fn high(&self, value: f64) -> Option<Constraint> {
        let max = self.max?;
        let (v, b) = self.pair(value, max);
        match self.exclusive_max {
            true if v >= b => Some(Constraint::Below(Limit::Float(max))),
            false if v > b => Some(Constraint::Maximum(Limit::Float(max))),
            _ => None,
        }
    }
}

/// Checks a number against a range with an exclusive bound (an `f32` is passed as an
/// `f64`, which holds it exactly, with [`FloatRange::single`] set).
#[inline(never)]
pub fn float_between(
    value: f64,
    range: &FloatRange,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    let shown = || {
        ShownValue::Text(if range.single {
            (value as f32).to_string()
        } else {
            value.to_string()
        })
    };
    if let Some(c) = range.low(value) {
        errors.add(path, shown(), c);
    }
    if let Some(c) = range.high(value) {
        errors.add(path, shown(), c);
    }
}

/// Whether a number is within a range with an exclusive bound (NaN is, as
/// [`float_between`] finds no violation in it).
pub fn float_between_ok(value: f64, range: &FloatRange) -> bool {
    range.low(value).is_none() && range.high(value).is_none()
}

/// Checks a 32-bit float (`format: float`) against `minimum`/`maximum` in its own
/// precision: the bounds are rounded to `f32`, as the value was when it was read, so that a
/// value sent at a bound (`0.000001`) is not found below it; the value is shown as `f32`
/// prints it.
#[inline]
pub fn float32(
    value: f32,
    min: Option<f64>,
    max: Option<f64>,
    path: Path<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(min) = min
        && value < min as f32
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Minimum(Limit::Float(min)),
        );
    }
    if let Some(max) = max
        && value > max as f32
    {
        errors.add(
            path,
            ShownValue::Text(value.to_string()),
            Constraint::Maximum(Limit::Float(max)),
        );
    }
}

/// Whether a 32-bit float is within `minimum`/`maximum`, in its own precision (see
/// [`float32`]).
#[inline]
pub fn float32_ok(value: f32, min: Option<f64>, max: Option<f64>) -> bool {
    !(min.is_some_and(|min| value < min as f32) || max.is_some_and(|max| value > max as f32))
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

    #[test]
    fn exclusive_bounds_refuse_the_bound_itself() {
        let range = FloatRange {
            min: Some(0.0),
            max: Some(0.1),
            exclusive_min: true,
            exclusive_max: true,
            single: false,
        };
        let run = |value: f64, range: &FloatRange| {
            let mut errors = ValidationErrors::new();
            float_between(value, range, Path::ROOT.field("level"), &mut errors);
            match errors.into_result() {
                Ok(()) => "valid".to_owned(),
                Err(e) => e.to_string(),
            }
        };
        assert_eq!(
            run(0.0, &range),
            "1 validation error detected: Value '0' at 'level' failed to satisfy constraint: \
             Member must have value greater than 0"
        );
        assert_eq!(
            run(0.1, &range),
            "1 validation error detected: Value '0.1' at 'level' failed to satisfy constraint: \
             Member must have value less than 0.1"
        );
        assert_eq!(run(5e-324, &range), "valid");
        assert_eq!(run(f64::NAN, &range), "valid");
        assert!(!float_between_ok(0.0, &range) && float_between_ok(0.05, &range));
        // An `f32` is compared and shown in its own precision: 0.1 read as an `f32` is the
        // bound rounded to `f32`, so it reaches it.
        let single = FloatRange {
            single: true,
            ..range
        };
        assert_eq!(
            run(f64::from(0.1f32), &single),
            "1 validation error detected: Value '0.1' at 'level' failed to satisfy constraint: \
             Member must have value less than 0.1"
        );
        assert_eq!(run(f64::from(0.099_999_99_f32), &single), "valid");
        // One exclusive bound, the other inclusive.
        let half = FloatRange {
            exclusive_max: false,
            ..range
        };
        assert_eq!(run(0.1, &half), "valid");
        assert_eq!(
            run(0.2, &half),
            "1 validation error detected: Value '0.2' at 'level' failed to satisfy constraint: \
             Member must have value less than or equal to 0.1"
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

    static URL_CONSTRAINTS: [Constraint; 3] = [
        Constraint::MaxLength(3),
        Constraint::MinLength(1),
        Constraint::Pattern(r"[\w+]+"),
    ];

    fn list(items: &[&str]) -> String {
        let items: Vec<String> = items.iter().map(|s| (*s).to_owned()).collect();
        let mut e = ValidationErrors::new();
        let path = Path::ROOT.field("urls");
        list_length(&items, items.len(), None, Some(3), show_str, path, &mut e);
        members(
            &items,
            |item| string_ok(item, &NAME),
            show_str,
            Constraint::ListMember(&URL_CONSTRAINTS),
            path,
            &mut e,
        );
        match e.into_result() {
            Ok(()) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn list_elements_are_one_violation_at_the_list() {
        assert_eq!(list(&["a", "b"]), "");
        assert_eq!(list(&[]), "");
        let listed = r"Member must satisfy constraint: [Member must have length less than or equal to 3, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\w+]+]";
        assert_eq!(
            list(&[""]),
            format!(
                "1 validation error detected: Value '[]' at 'urls' failed to satisfy constraint: {listed}"
            )
        );
        assert_eq!(
            list(&["", "a b", "abcd"]),
            format!(
                "1 validation error detected: Value '[, a b, abcd]' at 'urls' failed to satisfy constraint: {listed}"
            )
        );
        // The list's own length sorts before its elements.
        assert_eq!(
            list(&["a", "b", "c", "d d"]),
            format!(
                "2 validation errors detected: Value '[a, b, c, d d]' at 'urls' failed to satisfy constraint: \
                 Member must have length less than or equal to 3; Value '[a, b, c, d d]' at 'urls' failed to \
                 satisfy constraint: {listed}"
            )
        );
    }

    #[test]
    fn map_keys_and_values_are_not_shown() {
        let map: std::collections::BTreeMap<String, i64> =
            [("k".to_owned(), 5), ("key".to_owned(), 70)].into();
        static KEYS: [Constraint; 1] = [Constraint::MaxLength(2)];
        static VALUES: [Constraint; 2] = [
            Constraint::Maximum(Limit::Int(60)),
            Constraint::Minimum(Limit::Int(1)),
        ];
        let mut e = ValidationErrors::new();
        let path = Path::ROOT.field("m");
        members_hidden(
            map.values(),
            |v| int_ok(*v, Some(1), Some(60)),
            Constraint::MapValue(&VALUES),
            path,
            &mut e,
        );
        members_hidden(
            map.keys(),
            |k| k.chars().count() <= 2,
            Constraint::MapKey(&KEYS),
            path,
            &mut e,
        );
        assert_eq!(
            e.into_result().unwrap_err().to_string(),
            "2 validation errors detected: \
             Value at 'm' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 2]; \
             Value at 'm' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 60, Member must have value greater than or equal to 1]"
        );
    }

    #[test]
    fn nested_lists_and_numbers_print_as_java_lists() {
        let lists = vec![vec!["a".to_owned(), "b".to_owned()], vec![]];
        let mut out = String::new();
        for item in &lists {
            show_nested(item, show_str, &mut out);
        }
        assert_eq!(out, "[a, b][]");
        let numbers = [1.5f64, -2.0];
        let mut e = ValidationErrors::new();
        static RANGE: [Constraint; 1] = [Constraint::Minimum(Limit::Float(0.0))];
        members(
            &numbers,
            |v| float_ok(*v, Some(0.0), None),
            show_display,
            Constraint::ListMember(&RANGE),
            Path::ROOT.field("n"),
            &mut e,
        );
        assert_eq!(
            e.into_result().unwrap_err().to_string(),
            "1 validation error detected: Value '[1.5, -2]' at 'n' failed to satisfy constraint: \
             Member must satisfy constraint: [Member must have value greater than or equal to 0]"
        );
        assert!(float_ok(f64::NAN, Some(0.0), Some(1.0)));
        // 0.000001 read as `f32` is 9.99999997e-7 as `f64`: still at the bound.
        assert!(float32_ok(0.000001, Some(0.000001), None));
        assert!(!float32_ok(0.0000009, Some(0.000001), None));
        let mut e = ValidationErrors::new();
        float32(
            0.000001,
            Some(0.000001),
            Some(2.5),
            Path::ROOT.field("x"),
            &mut e,
        );
        float32(
            2.6,
            Some(0.000001),
            Some(2.5),
            Path::ROOT.field("y"),
            &mut e,
        );
        assert_eq!(
            e.into_result().unwrap_err().to_string(),
            "1 validation error detected: Value '2.6' at 'y' failed to satisfy constraint: \
             Member must have value less than or equal to 2.5"
        );
        assert!(length_ok(2, Some(2), Some(2)) && !length_ok(3, None, Some(2)));
        assert!(blob_ok("QUJD", Some(3), Some(3)) && !blob_ok("QUJD", Some(4), None));
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
