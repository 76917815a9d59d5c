//! The checks of one string, as the derive's code emitters and rule statics share them.

use specgen_checks::ListedConstraint;

/// A compiled pattern, as the generator's IR holds it: spec text for messages, Rust text to
/// run, engine, the look-around split and the fast paths.
pub(crate) type Pat = specgen_pattern::CompiledPattern;

/// The constraints of a string (the runtime's `StrRules`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StrRule {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub pattern: Option<Pat>,
    pub sensitive: bool,
}

impl StrRule {
    /// The constraints as a message lists them when an element breaks one.
    pub(crate) fn listed(&self) -> Vec<ListedConstraint> {
        let mut listed = lengths(self.min, self.max);
        if let Some(p) = &self.pattern {
            listed.push(ListedConstraint::Pattern(p.source.clone()));
        }
        listed
    }
}

/// Length bounds as a message lists them: the maximum first.
pub(crate) fn lengths(min: Option<u64>, max: Option<u64>) -> Vec<ListedConstraint> {
    let max = max.map(ListedConstraint::MaxLength);
    let min = min.map(ListedConstraint::MinLength);
    max.into_iter().chain(min).collect()
}
