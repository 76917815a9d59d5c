//! The `Validate` trait and the AWS-format error report it produces.
//!
//! The message text follows what AWS services answer byte for byte, e.g.
//! `1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy
//! constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+`.

use std::fmt;

use crate::path::Path;

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
    /// A number is not greater than this bound (an exclusive minimum: OpenAPI's
    /// `exclusiveMinimum`; AWS models have none).
    Above(Limit),
    /// A number is not smaller than this bound (an exclusive maximum).
    Below(Limit),
    /// A string does not match this pattern (as written in the spec).
    Pattern(&'static str),
    /// A value is not one of these.
    Enum(&'static [&'static str]),
    /// A key of a map broke a constraint of the key shape, whose constraints these are:
    /// `Map keys must satisfy constraint: [...]`, once at the map's path.
    MapKey(&'static [Constraint]),
    /// An element of a list broke a constraint of the element shape (its length, range,
    /// pattern or enum, not those of values inside it), whose constraints these are:
    /// `Member must satisfy constraint: [...]`, once at the list's path.
    ListMember(&'static [Constraint]),
    /// A value of a map broke a constraint of the value shape, whose constraints these
    /// are: `Map value must satisfy constraint: [...]`, once at the map's path.
    MapValue(&'static [Constraint]),
}

impl Constraint {
    /// Sort rank within one path: null < length < range < pattern < enum < map keys <
    /// list members and map values (a collection's own constraints before its elements').
    fn rank(&self) -> u8 {
        match self {
            Constraint::Required => 0,
            Constraint::MinLength(_) | Constraint::MaxLength(_) => 1,
            Constraint::Minimum(_)
            | Constraint::Maximum(_)
            | Constraint::Above(_)
            | Constraint::Below(_) => 2,
            Constraint::Pattern(_) => 3,
            Constraint::Enum(_) => 4,
            Constraint::MapKey(_) => 5,
            Constraint::ListMember(_) | Constraint::MapValue(_) => 6,
        }
    }
}

/// `[a, b]`: each constraint's text, joined as Java joins a list.
fn write_all(f: &mut fmt::Formatter<'_>, constraints: &[Constraint]) -> fmt::Result {
    f.write_str("[")?;
    for (i, c) in constraints.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("]")
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
            Constraint::Above(n) => write!(f, "Member must have value greater than {n}"),
            Constraint::Below(n) => write!(f, "Member must have value less than {n}"),
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
            Constraint::MapKey(all) => {
                f.write_str("Map keys must satisfy constraint: ")?;
                write_all(f, all)
            }
            Constraint::ListMember(all) => {
                f.write_str("Member must satisfy constraint: ")?;
                write_all(f, all)
            }
            Constraint::MapValue(all) => {
                f.write_str("Map value must satisfy constraint: ")?;
                write_all(f, all)
            }
        }
    }
}

/// How the offending value appears in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShownValue {
    /// The member is missing or `null`: `Value null at 'x'`.
    Null,
    /// Not shown: sensitive values, blobs, maps, structures and lists holding any of
    /// these: `Value at 'x'`.
    Omitted,
    /// A string or number, shown in single quotes: `Value 'abc' at 'x'`; or a list of
    /// them, printed as Java prints a list: `Value '[a, b]' at 'x'`.
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
///
/// A report lists at most [`ValidationErrors::LISTED`] violations, the first in AWS order,
/// and counts every one: a hostile body can break a constraint hundreds of thousands of
/// times, and neither the time to sort those nor a message many times the size of the
/// body would serve anyone. Past the limit the message ends `; and <n> more`.
#[derive(Default)]
pub struct ValidationErrors {
    /// The listed violations: unsorted while recording (fewer than twice the limit),
    /// sorted and cut to the limit by [`ValidationErrors::sort`].
    violations: Vec<Violation>,
    /// Every violation recorded (identical ones counted once when they meet in the list).
    count: usize,
    /// Once the list was cut: violations that sort after this one are only counted.
    threshold: Option<(String, u8)>,
    /// Reused for rendering the path of a violation that may not be listed.
    scratch: String,
    /// While a checking read checks a structure it just read: the path names of that
    /// structure's stand-ins for missing required members, and that the structures inside
    /// it are not checked again (see [`ValidationErrors::is_stand_in`]).
    shallow: bool,
    stand_ins: Vec<&'static str>,
}

impl Clone for ValidationErrors {
    fn clone(&self) -> Self {
        ValidationErrors {
            violations: self.violations.clone(),
            count: self.count,
            threshold: self.threshold.clone(),
            scratch: String::new(),
            shallow: false,
            stand_ins: Vec::new(),
        }
    }
}

impl PartialEq for ValidationErrors {
    fn eq(&self, other: &Self) -> bool {
        self.count == other.count && self.violations == other.violations
    }
}

impl fmt::Debug for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationErrors")
            .field("count", &self.count)
            .field("violations", &self.violations)
            .finish()
    }
}

/// Whether `(path, rank)` sorts before `threshold` (AWS order; no threshold: yes).
fn before(path: &str, rank: u8, threshold: &Option<(String, u8)>) -> bool {
    match threshold {
        None => true,
        Some((t, r)) => (path.as_bytes(), rank) < (t.as_bytes(), *r),
    }
}

impl ValidationErrors {
    /// How many violations a report lists (the first in AWS order); the message counts
    /// them all.
    pub const LISTED: usize = 100;

    /// An empty report; does not allocate.
    pub const fn new() -> Self {
        ValidationErrors {
            violations: Vec::new(),
            count: 0,
            threshold: None,
            scratch: String::new(),
            shallow: false,
            stand_ins: Vec::new(),
        }
    }

    /// Starts checking one structure read by a checking reader: `stand_ins` are the path
    /// names of its members that stand in for missing ones; unless `deep`, the
    /// structures inside it are not checked (they were, when they were read).
    pub(crate) fn begin_check(&mut self, stand_ins: &[&'static str], deep: bool) {
        self.shallow = !deep;
        self.stand_ins.clear();
        self.stand_ins.extend_from_slice(stand_ins);
    }

    /// Ends what [`ValidationErrors::begin_check`] started.
    pub(crate) fn end_check(&mut self) {
        self.shallow = false;
        self.stand_ins.clear();
    }

    /// Starts checking a value whose structures were checked as they were read (a
    /// request body that is a list or map).
    pub(crate) fn begin_shallow(&mut self) {
        self.begin_check(&[], false);
    }

    /// Whether the structures inside the value being checked are to be checked too:
    /// `false` while a checking reader checks a structure it just read, whose inner
    /// structures it checked already. Generated `Validate` impls ask before checking a
    /// member that is a structure or a union.
    #[doc(hidden)]
    #[inline]
    pub fn deep(&self) -> bool {
        !self.shallow
    }

    /// Whether the required member at `path` is a stand-in for a missing one, which a
    /// checking reader reports as missing instead of checking (its placeholder value
    /// would only add noise). Generated `Validate` impls ask before checking a required
    /// member. Always `false` outside a checking read.
    #[doc(hidden)]
    #[inline]
    pub fn is_stand_in(&self, path: Path<'_>) -> bool {
        !self.stand_ins.is_empty()
            && path
                .last_field()
                .is_some_and(|name| self.stand_ins.contains(&name))
    }

    /// Records a violation at `path`.
    #[cold]
    pub fn add(&mut self, path: Path<'_>, value: ShownValue, constraint: Constraint) {
        self.add_with(
            &mut |out| {
                path.push_to(out);
            },
            value,
            constraint,
        );
    }

    /// Records a violation whose shown value is built only when the violation is listed:
    /// past [`ValidationErrors::LISTED`] violations, one that sorts after the listed ones
    /// is only counted, and a large value (a whole list) is never printed for it.
    #[inline]
    pub fn add_lazy(
        &mut self,
        path: Path<'_>,
        value: impl FnOnce() -> ShownValue,
        constraint: Constraint,
    ) {
        let mut value = Some(value);
        self.add_lazy_dyn(
            path,
            &mut || value.take().map_or(ShownValue::Omitted, |f| f()),
            constraint,
        );
    }

    /// [`ValidationErrors::add_lazy`] through `dyn`: one copy of the bookkeeping, not one
    /// per caller.
    #[cold]
    fn add_lazy_dyn(
        &mut self,
        path: Path<'_>,
        value: &mut dyn FnMut() -> ShownValue,
        constraint: Constraint,
    ) {
        if self.threshold.is_some() {
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            path.push_to(&mut scratch);
            if before(&scratch, constraint.rank(), &self.threshold) {
                self.push(Violation::new(scratch.clone(), value(), constraint));
            } else {
                self.count += 1;
            }
            self.scratch = scratch;
            return;
        }
        let mut text = String::with_capacity(32);
        path.push_to(&mut text);
        self.push(Violation::new(text, value(), constraint));
    }

    /// Records a violation whose path `write_path` writes.
    pub(crate) fn add_with(
        &mut self,
        write_path: &mut dyn FnMut(&mut String),
        value: ShownValue,
        constraint: Constraint,
    ) {
        if self.threshold.is_some() {
            // Past the limit: render into the scratch buffer, and allocate only for a
            // violation that will be listed.
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            write_path(&mut scratch);
            let listed = before(&scratch, constraint.rank(), &self.threshold);
            if listed {
                self.push(Violation::new(scratch.clone(), value, constraint));
            } else {
                self.count += 1;
            }
            self.scratch = scratch;
            return;
        }
        let mut text = String::with_capacity(32);
        write_path(&mut text);
        self.push(Violation::new(text, value, constraint));
    }

    /// Records an already built violation.
    pub fn push(&mut self, violation: Violation) {
        self.count += 1;
        if !before(
            &violation.path,
            violation.constraint.rank(),
            &self.threshold,
        ) {
            return;
        }
        self.violations.push(violation);
        if self.violations.len() >= 2 * Self::LISTED {
            self.sort();
        }
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// How many violations were recorded, listed or not.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The listed violations, in AWS order once [`ValidationErrors::sort`] or
    /// [`ValidationErrors::into_result`] ran.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The listed violations as a slice.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Keeps only the listed violations for which `keep` returns true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Violation) -> bool) {
        let before = self.violations.len();
        self.violations.retain(|v| keep(v));
        self.count -= before - self.violations.len();
    }

    /// Sorts the listed violations by path (plain byte order), then null < length < range
    /// < pattern < enum; drops repeats and cuts the list to [`ValidationErrors::LISTED`].
    pub fn sort(&mut self) {
        self.violations.sort_by(|a, b| {
            a.path
                .as_bytes()
                .cmp(b.path.as_bytes())
                .then_with(|| a.constraint.rank().cmp(&b.constraint.rank()))
        });
        let before = self.violations.len();
        self.violations.dedup();
        self.count -= before - self.violations.len();
        if self.violations.len() > Self::LISTED {
            self.violations.truncate(Self::LISTED);
            let last = &self.violations[Self::LISTED - 1];
            self.threshold = Some((last.path.clone(), last.constraint.rank()));
        }
    }

    /// `Ok(())` when empty, otherwise the sorted report.
    pub fn into_result(mut self) -> Result<(), ValidationErrors> {
        if self.count == 0 {
            Ok(())
        } else {
            self.sort();
            self.scratch = String::new();
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.count;
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
        if n > self.violations.len() {
            write!(f, "; and {} more", n - self.violations.len())?;
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
    fn lists_the_first_violations_in_aws_order_and_counts_all() {
        let root = Path::ROOT;
        let list = root.field("l");
        let mut e = ValidationErrors::new();
        // Indices in an order that is neither numeric nor AWS order.
        for i in (0..1000).map(|i| (i * 7919) % 1000) {
            e.add(
                list.index(i).field("n"),
                ShownValue::Null,
                Constraint::Required,
            );
        }
        // A repeat of a listed violation is dropped, not counted.
        e.add(
            list.index(0).field("n"),
            ShownValue::Null,
            Constraint::Required,
        );
        let e = e.into_result().unwrap_err();
        assert_eq!(e.len(), 1000);
        assert_eq!(e.violations().len(), ValidationErrors::LISTED);
        let mut all: Vec<String> = (1..=1000).map(|i| format!("l.{i}.member.n")).collect();
        all.sort();
        let listed: Vec<&str> = e.iter().map(Violation::path).collect();
        assert_eq!(
            listed,
            all[..100].iter().map(String::as_str).collect::<Vec<_>>()
        );
        let message = e.to_string();
        assert!(
            message.starts_with(
                "1000 validation errors detected: Value null at 'l.1.member.n' failed"
            )
        );
        assert!(
            message
                .ends_with("failed to satisfy constraint: Member must not be null; and 900 more")
        );
        assert_eq!(message.matches("Value null").count(), 100);
    }

    #[test]
    fn lazy_values_are_built_only_when_listed() {
        let root = Path::ROOT;
        let mut e = ValidationErrors::new();
        for i in 0..250 {
            e.add(
                root.field("a").index(i),
                ShownValue::Null,
                Constraint::Required,
            );
        }
        let mut built = 0;
        // After the cut, 'b' sorts after every listed violation: its value is never built.
        e.sort();
        e.add_lazy(
            root.field("b"),
            || {
                built += 1;
                ShownValue::Text("[x]".into())
            },
            Constraint::ListMember(&[Constraint::MinLength(2)]),
        );
        assert_eq!(built, 0);
        e.add_lazy(
            root.field("a"),
            || {
                built += 1;
                ShownValue::Text("[x]".into())
            },
            Constraint::ListMember(&[Constraint::MinLength(2)]),
        );
        assert_eq!(built, 1);
        let e = e.into_result().unwrap_err();
        assert_eq!(e.len(), 252);
        assert_eq!(
            e.violations()[0].to_string(),
            "Value '[x]' at 'a' failed to satisfy constraint: Member must satisfy constraint: \
             [Member must have length greater than or equal to 2]"
        );
    }

    #[test]
    fn element_constraints_sort_after_the_collection_own() {
        let mut e = ValidationErrors::new();
        let m = Path::ROOT.field("m");
        static ONE: [Constraint; 1] = [Constraint::MaxLength(1)];
        e.add(m, ShownValue::Omitted, Constraint::MapValue(&ONE));
        e.add(m, ShownValue::Omitted, Constraint::MapKey(&ONE));
        e.add(m, ShownValue::Omitted, Constraint::MaxLength(4));
        let text: Vec<String> = e
            .into_result()
            .unwrap_err()
            .iter()
            .map(|v| v.message())
            .collect();
        assert_eq!(
            text,
            [
                "Member must have length less than or equal to 4",
                "Map keys must satisfy constraint: [Member must have length less than or equal to 1]",
                "Map value must satisfy constraint: [Member must have length less than or equal to 1]",
            ]
        );
    }

    #[test]
    fn empty_report_is_ok() {
        assert!(ValidationErrors::new().into_result().is_ok());
    }
}
