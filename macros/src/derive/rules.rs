//! The checks of one string, as the derive's code emitters and rule statics share them.

/// A compiled pattern: spec text for messages, Rust text to run, engine, and the fast paths
/// of single-class patterns (as generated code has them).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pat {
    pub source: String,
    pub translated: String,
    pub fancy: bool,
    pub class_run: Option<specgen_pattern::ClassRun>,
    /// For a class with a large count: the class alone, checked beside a character count.
    pub class_regex: Option<String>,
}

impl Pat {
    pub(crate) fn new(
        source: &str,
        translated: &str,
        engine: specgen_pattern::Engine,
        class_run: Option<specgen_pattern::ClassRun>,
    ) -> Pat {
        Pat {
            source: source.to_owned(),
            translated: translated.to_owned(),
            fancy: engine == specgen_pattern::Engine::Fancy,
            // Derived from the translation, as the generator derives it.
            class_regex: class_run.and_then(|_| specgen_pattern::class_regex(translated)),
            class_run,
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
