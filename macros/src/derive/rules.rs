//! The checks of one string, as the derive's code emitters and rule statics share them.

use specgen_checks::ListedConstraint;

/// A compiled pattern: spec text for messages, Rust text to run, engine, and the fast paths
/// of single-class patterns (as generated code has them).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pat {
    pub source: String,
    pub translated: String,
    pub engine: specgen_pattern::Engine,
    pub class_run: Option<specgen_pattern::ClassRun>,
    /// For a class with a large count: the class alone, checked beside a character count.
    pub class_regex: Option<String>,
    /// Look-around at the ends, split off into conditions (the fields above describe the
    /// rest).
    pub ends: Option<specgen_pattern::Ends>,
}

impl Pat {
    pub(crate) fn new(
        source: &str,
        translated: &str,
        engine: specgen_pattern::Engine,
        class_run: Option<specgen_pattern::ClassRun>,
        ends: Option<specgen_pattern::Ends>,
    ) -> Pat {
        // Derived from the translation (its rest, when split), as the generator derives it.
        let rest = ends.as_ref().map_or(translated, |e| e.rest.as_str());
        Pat {
            source: source.to_owned(),
            translated: translated.to_owned(),
            engine,
            class_regex: class_run.and_then(|_| specgen_pattern::class_regex(rest)),
            class_run,
            ends,
        }
    }
}

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
