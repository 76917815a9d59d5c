//! Regular expressions of `pattern` constraints: compiled once per process, lazily, shared.
//!
//! The generator translates each spec pattern into the Rust dialect (Java's ASCII `\w \d \s`,
//! anchoring for full-match specs) and checks that it compiles, so at run time a [`Pattern`]
//! only has to build its engine on first use. Patterns the `regex` crate cannot express
//! (look-around) use `fancy-regex`; everything else uses `regex`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which engine runs a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The `regex` crate: linear time, no look-around.
    Regex,
    /// `fancy-regex`: look-around and back-references, backtracking with a step limit.
    Fancy,
}

enum Compiled {
    Regex(regex::Regex),
    Fancy(fancy_regex::Regex),
    /// Never produced for generated code (patterns are checked at generation time); kept so
    /// that a broken pattern fails validation instead of panicking.
    Invalid(String),
}

static COMPILATIONS: AtomicUsize = AtomicUsize::new(0);

/// How many patterns this process has compiled so far (each [`Pattern`] at most once).
pub fn compilations() -> usize {
    COMPILATIONS.load(Ordering::Relaxed)
}

/// A `pattern` constraint: the spec's text for messages and the compiled engine.
pub struct Pattern {
    source: &'static str,
    translated: &'static str,
    engine: Engine,
    compiled: OnceLock<Compiled>,
}

impl Pattern {
    /// A pattern whose spec text is `source` and whose Rust form is `translated`.
    pub const fn new(source: &'static str, translated: &'static str, engine: Engine) -> Self {
        Pattern {
            source,
            translated,
            engine,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written in the spec (shown in validation messages).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The pattern as compiled (Rust regex dialect, anchored when full-match).
    pub fn translated(&self) -> &'static str {
        self.translated
    }

    /// The engine that runs this pattern.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Whether this pattern was compiled already.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    fn get(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            COMPILATIONS.fetch_add(1, Ordering::Relaxed);
            match self.engine {
                Engine::Regex => match regex::Regex::new(self.translated) {
                    Ok(r) => Compiled::Regex(r),
                    Err(e) => Compiled::Invalid(e.to_string()),
                },
                Engine::Fancy => match fancy_regex::Regex::new(self.translated) {
                    Ok(r) => Compiled::Fancy(r),
                    Err(e) => Compiled::Invalid(e.to_string()),
                },
            }
        })
    }

    /// Compiles the pattern now, reporting why it cannot be used.
    pub fn check(&self) -> Result<(), String> {
        match self.get() {
            Compiled::Invalid(e) => Err(e.clone()),
            _ => Ok(()),
        }
    }

    /// Whether `value` satisfies the pattern. A backtracking engine that gives up counts as
    /// a mismatch, so a hostile value cannot make validation pass.
    pub fn is_match(&self, value: &str) -> bool {
        match self.get() {
            Compiled::Regex(r) => r.is_match(value),
            Compiled::Fancy(r) => r.is_match(value).unwrap_or(false),
            Compiled::Invalid(_) => false,
        }
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pattern")
            .field("source", &self.source)
            .field("engine", &self.engine)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LOOKBEHIND: Pattern = Pattern::new(
        r"^[0-9A-Za-z\.\-_]*(?<!\.)$",
        r"^(?:^[0-9A-Za-z\.\-_]*(?<!\.)$)$",
        Engine::Fancy,
    );
    static PLAIN: Pattern = Pattern::new(r"[0-9]+", r"^(?:[0-9]+)$", Engine::Regex);
    static BROKEN: Pattern = Pattern::new("(", "(", Engine::Regex);

    #[test]
    fn compiles_lazily_once() {
        assert!(!PLAIN.is_compiled());
        assert!(PLAIN.is_match("123"));
        assert!(!PLAIN.is_match("12a"));
        assert!(PLAIN.is_compiled());
        assert!(LOOKBEHIND.is_match("my.bucket"));
        assert!(!LOOKBEHIND.is_match("my.bucket."));
    }

    #[test]
    fn broken_pattern_fails_closed() {
        assert!(BROKEN.check().is_err());
        assert!(!BROKEN.is_match(""));
    }
}
