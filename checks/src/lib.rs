//! The validation model of specgen and its printer.
//!
//! The generator's lowering decides every check of a value into a list of [`Check`]s;
//! [`Printer`] turns them into calls of the runtime's `check` helpers. They live apart from
//! the generator, in a light crate (proc-macro2 and quote), because the derive macro must
//! not depend on the generator and writes the same calls: it shares [`path_name`], so that
//! its paths read as generated code's do, the printing of its statics, and the printer for
//! all its checks: strings, numbers, string enums, nested values, lists and maps, also
//! inside `Option`s and pointers. A few variants serve only the derive, which sees a
//! field's type as syntax: [`Check::StrRef`], [`Check::IntFrom`], [`Check::IntWide`],
//! [`Check::FloatFrom`], [`Check::NestedAt`], [`Check::StrEnum`], [`Check::Optional`],
//! and [`Check::Deref`]; the collections [`Collection::MapAt`] and [`Collection::Opaque`];
//! the element tests [`ElementTest::StrRef`], [`ElementTest::StrEnum`],
//! [`ElementTest::IntFrom`], [`ElementTest::IntWide`], [`ElementTest::FloatFrom`],
//! [`ElementTest::PassesAt`] and [`ElementTest::Deref`]; and the ways to show an element
//! [`Shown::StrRef`], [`Shown::DisplayAt`] and [`Shown::Deref`]. It spans their code at
//! [`SiteId`]s; the generator never builds them, and gives no site to the sizes and keys
//! ([`Check::Size`], [`Check::Keys`], [`ElementTest::Size`]) that the derive spans.
//!
//! The model names shared statics (string constraint sets, constraint lists of elements,
//! the values of string enums) by handles; the printer asks a [`Statics`] for the path of
//! each, since the generator keeps them in its `rules` module and a macro expansion would
//! keep them in statics of its own. [`Paths`] holds the other paths the two write
//! differently, and writes those statics for both: patterns ([`Paths::pattern`]), string
//! constraint sets ([`Paths::str_rules`]) and the constraints messages list
//! ([`ListedConstraint`], [`Paths::constraint`]).

#![warn(missing_docs)]

mod items;
mod model;
mod print;

pub use model::{
    Bound, Bounds, Check, Collection, ConstraintListId, ElementCheck, ElementTest, Exclusive,
    FloatTest, FloatWidth, IntTest, IntWidth, ListedConstraint, Shown, SiteId, StringRuleId,
    TypeId,
};
pub use print::{Paths, Printer, Statics};

/// The name of a member in validation paths: its wire name with the first letter
/// lower-cased (`UserPoolId` → `userPoolId`).
pub fn path_name(wire: &str) -> String {
    let mut chars = wire.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::path_name;

    #[test]
    fn paths() {
        assert_eq!(path_name("UserPoolId"), "userPoolId");
        assert_eq!(path_name("SMSMfaSettings"), "sMSMfaSettings");
        assert_eq!(path_name("É"), "é");
        assert_eq!(path_name(""), "");
    }
}
