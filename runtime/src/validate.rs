//! The `Validate` trait and the AWS-format error report it produces.
//!
//! The message text follows what AWS services answer byte for byte, e.g.
//! `1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy
//! constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+`.

use std::fmt;

use crate::path::{Path, write_segments};

/// Checks a value against the constraints of its schema.
///
/// Implemented by every generated type and by `#[derive(Validate)]`.
pub trait Validate {
    /// Checks every constraint and reports all violations, sorted as AWS sorts them.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(Path::ROOT, &mut errors);
        errors.into_result()
    }

    /// Records the violations of `self`, located at `path`, into `errors`.
    ///
    /// This is how nested values are validated; call [`Validate::validate`] instead at the
    /// top level.
    fn validate_at(&self, path: Path<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: Path<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(path, errors);
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: Path<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(path, errors);
    }
}

/// A numeric bound of a range constraint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// An integer bound (`integer` schemas).
    Int(i64),
    /// A floating-point bound (`number` schemas).
    Float(f64),
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Int(v) => write!(f, "{v}"),
            Limit::Float(v) => write!(f, "{v}"),
        }
    }
}

/// The constraint a value failed, with its limit.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Constraint {
    /// A required member is missing or `null`.
    Required,
    /// A string, list or map is shorter than this many characters, items or entries.
    MinLength(u64),
    /// A string, list or map is longer than this many characters, items or entries.
    MaxLength(u64),
    /// A number is smaller than this bound.
    Minimum(Limit),
    /// A number is greater than this bound.
    Maximum(Limit),
    /// A string does not match this pattern (as written in the spec).
    Pattern(&'static str),
    /// A value is not one of these.
    Enum(&'static [&'static str]),
}

impl Constraint {
    /// Sort rank within one path: null < length < range < pattern < enum.
    fn rank(&self) -> u8 {
        match self {
            Constraint::Required => 0,
            Constraint::MinLength(_) | Constraint::MaxLength(_) => 1,
            Constraint::Minimum(_) | Constraint::Maximum(_) => 2,
            Constraint::Pattern(_) => 3,
            Constraint::Enum(_) => 4,
        }
    }
}

impl fmt::Display for Constraint {
    /// AWS's wording, e.g. `Member must have length less than or equal to 128`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constraint::Required => f.write_str("Member must not be null"),
            Constraint::MinLength(n) => {
                write!(f, "Member must have length greater than or equal to {n}")
            }
            Constraint::MaxLength(n) => {
                write!(f, "Member must have length less than or equal to {n}")
            }
            Constraint::Minimum(n) => {
                write!(f, "Member must have value greater than or equal to {n}")
            }
            Constraint::Maximum(n) => write!(f, "Member must have value less than or equal to {n}"),
            Constraint::Pattern(p) => {
                write!(f, "Member must satisfy regular expression pattern: {p}")
            }
            Constraint::Enum(values) => {
                f.write_str("Member must satisfy enum value set: [")?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(v)?;
                }
                f.write_str("]")
            }
        }
    }
}

/// How the offending value appears in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShownValue {
    /// The member is missing or `null`: `Value null at 'x'`.
    Null,
    /// Not shown: sensitive values, lists, maps and structures: `Value at 'x'`.
    Omitted,
    /// A string or number, shown in single quotes: `Value 'abc' at 'x'`.
    Text(String),
}

/// One failed constraint at one wire path.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    path: String,
    value: ShownValue,
    constraint: Constraint,
}

impl Violation {
    /// Creates a violation; `path` is in AWS's dotted form (`userAttributes.1.member.name`).
    pub fn new(path: impl Into<String>, value: ShownValue, constraint: Constraint) -> Self {
        Violation {
            path: path.into(),
            value,
            constraint,
        }
    }

    /// The wire path of the member, e.g. `userAttributes.1.member.name`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// How the value is shown in the message.
    pub fn shown_value(&self) -> &ShownValue {
        &self.value
    }

    /// The value as shown in the message, when it is shown at all.
    pub fn value(&self) -> Option<&str> {
        match &self.value {
            ShownValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The failed constraint and its limit.
    pub fn constraint(&self) -> &Constraint {
        &self.constraint
    }

    /// The constraint text, e.g. `Member must not be null`.
    pub fn message(&self) -> String {
        self.constraint.to_string()
    }
}

impl fmt::Display for Violation {
    /// `Value 'abc' at 'path' failed to satisfy constraint: <text>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            ShownValue::Null => f.write_str("Value null")?,
            ShownValue::Omitted => f.write_str("Value")?,
            ShownValue::Text(v) => write!(f, "Value '{v}'")?,
        }
        write!(
            f,
            " at '{}' failed to satisfy constraint: {}",
            self.path, self.constraint
        )
    }
}

/// Every violation found in one value, in AWS order (path, then constraint kind).
///
/// `Display` gives the service's message:
/// `2 validation errors detected: <violation>; <violation>`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// An empty report; does not allocate.
    pub const fn new() -> Self {
        ValidationErrors {
            violations: Vec::new(),
        }
    }

    /// Records a violation at `path`.
    #[cold]
    pub fn add(&mut self, path: Path<'_>, value: ShownValue, constraint: Constraint) {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = write_segments(&mut text, &path.segments());
        self.violations
            .push(Violation::new(text, value, constraint));
    }

    /// Records an already built violation.
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// How many violations were recorded.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// The violations, in AWS order once [`ValidationErrors::sort`] or
    /// [`ValidationErrors::into_result`] ran.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations as a slice.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Keeps only the violations for which `keep` returns true.
    pub fn retain(&mut self, keep: impl FnMut(&Violation) -> bool) {
        self.violations.retain(keep);
    }

    /// Sorts by path (plain byte order), then null < length < range < pattern < enum.
    pub fn sort(&mut self) {
        self.violations.sort_by(|a, b| {
            a.path
                .as_bytes()
                .cmp(b.path.as_bytes())
                .then_with(|| a.constraint.rank().cmp(&b.constraint.rank()))
        });
    }

    /// `Ok(())` when empty, otherwise the sorted report.
    pub fn into_result(mut self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            self.sort();
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        if n == 1 {
            f.write_str("1 validation error detected: ")?;
        } else {
            write!(f, "{n} validation errors detected: ")?;
        }
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_design_examples() {
        let mut e = ValidationErrors::new();
        let root = Path::ROOT;
        e.add(
            root.field("userPoolId"),
            ShownValue::Text(" us-east-1_abc".into()),
            Constraint::Pattern(r"[\w-]+_[0-9a-zA-Z]+"),
        );
        let e = e.into_result().unwrap_err();
        assert_eq!(
            e.to_string(),
            r"1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+"
        );

        let mut e = ValidationErrors::new();
        e.add(
            root.field("username"),
            ShownValue::Null,
            Constraint::Required,
        );
        e.add(
            root.field("password"),
            ShownValue::Omitted,
            Constraint::MinLength(6),
        );
        let e = e.into_result().unwrap_err();
        assert_eq!(
            e.to_string(),
            "2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6; Value null at 'username' failed to satisfy constraint: Member must not be null"
        );
    }

    #[test]
    fn sorts_by_path_bytes_then_kind() {
        let mut e = ValidationErrors::new();
        let root = Path::ROOT;
        let a = root.field("a");
        e.add(
            a,
            ShownValue::Text("x".into()),
            Constraint::Enum(&["B", "C"]),
        );
        e.add(a, ShownValue::Text("x".into()), Constraint::Pattern("p"));
        e.add(a, ShownValue::Text("x".into()), Constraint::MaxLength(0));
        e.add(root.field("B"), ShownValue::Null, Constraint::Required);
        let list = root.field("l");
        e.add(list.index(9), ShownValue::Omitted, Constraint::MinLength(1));
        e.add(list.index(1), ShownValue::Omitted, Constraint::MinLength(1));
        let e = e.into_result().unwrap_err();
        let order: Vec<String> = e
            .iter()
            .map(|v| format!("{}:{}", v.path(), v.constraint()))
            .collect();
        assert_eq!(
            order,
            [
                "B:Member must not be null",
                "a:Member must have length less than or equal to 0",
                "a:Member must satisfy regular expression pattern: p",
                "a:Member must satisfy enum value set: [B, C]",
                "l.10.member:Member must have length greater than or equal to 1",
                "l.2.member:Member must have length greater than or equal to 1",
            ]
        );
    }

    #[test]
    fn empty_report_is_ok() {
        assert!(ValidationErrors::new().into_result().is_ok());
    }
}
