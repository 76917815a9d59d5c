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

/// A full-match pattern that is one character class repeated `min..=max` times, which
/// decides ASCII values with a byte table instead of running the regex.
#[derive(Debug, Clone, Copy)]
pub struct ClassRun {
    /// 1 for each ASCII byte in the class, 0 for every other byte.
    table: [u8; 256],
    non_ascii: bool,
    min: u32,
    max: u32,
}

impl ClassRun {
    /// The class's ASCII members as a bitmap (bit `b % 64` of word `b / 64`), whether it
    /// also holds non-ASCII characters, and the repetition bounds (`u32::MAX`: unbounded).
    pub const fn new(ascii: [u64; 2], non_ascii: bool, min: u32, max: u32) -> Self {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            table[b] = ((ascii[b / 64] >> (b % 64)) & 1) as u8;
            b += 1;
        }
        ClassRun {
            table,
            non_ascii,
            min,
            max,
        }
    }

    /// `Some(answer)` when the table decides; `None` when the regex must.
    #[inline]
    fn decide(&self, value: &str) -> Option<bool> {
        let bytes = value.as_bytes();
        // Branch-free over the bytes (it vectorises); non-ASCII bytes are never members.
        let all_members = bytes
            .iter()
            .fold(1u8, |acc, &b| acc & self.table[b as usize])
            == 1;
        if all_members {
            // All ASCII: one byte per character.
            let n = bytes.len() as u64;
            return Some(n >= u64::from(self.min) && n <= u64::from(self.max));
        }
        if !self.non_ascii || bytes.is_ascii() {
            Some(false)
        } else {
            None
        }
    }
}

/// A `pattern` constraint: the spec's text for messages and the compiled engine.
pub struct Pattern {
    source: &'static str,
    translated: &'static str,
    engine: Engine,
    class_run: Option<ClassRun>,
    compiled: OnceLock<Compiled>,
}

impl Pattern {
    /// A pattern whose spec text is `source` and whose Rust form is `translated`.
    pub const fn new(source: &'static str, translated: &'static str, engine: Engine) -> Self {
        Pattern {
            source,
            translated,
            engine,
            class_run: None,
            compiled: OnceLock::new(),
        }
    }

    /// A pattern that is one repeated character class (see [`ClassRun`]): ASCII values are
    /// decided without compiling the regex.
    pub const fn with_class_run(
        source: &'static str,
        translated: &'static str,
        class_run: ClassRun,
    ) -> Self {
        Pattern {
            source,
            translated,
            engine: Engine::Regex,
            class_run: Some(class_run),
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

    /// Whether ASCII values are decided without the regex (a single repeated class).
    pub fn has_class_run(&self) -> bool {
        self.class_run.is_some()
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
        if let Some(answer) = self.class_run.and_then(|run| run.decide(value)) {
            return answer;
        }
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

    // `[\w+]+` as generated: ASCII members 0-9, A-Z, a-z, `_` and `+`.
    static WORD_PLUS: Pattern = Pattern::with_class_run(
        r"[\w+]+",
        r"^(?:[0-9A-Za-z_+]+)$",
        ClassRun::new(
            [0x03ff_0800_0000_0000, 0x07ff_fffe_87ff_fffe],
            false,
            1,
            u32::MAX,
        ),
    );
    static LETTERS: Pattern = Pattern::with_class_run(
        r"\p{L}{2,3}",
        r"^(?:\p{L}{2,3})$",
        ClassRun::new([0, 0x07ff_fffe_07ff_fffe], true, 2, 3),
    );

    #[test]
    fn class_runs_decide_ascii_without_compiling() {
        assert!(WORD_PLUS.is_match("4c5ebn6bojtlrmu9q9oll6gqrg+_"));
        assert!(!WORD_PLUS.is_match("a-b"));
        assert!(!WORD_PLUS.is_match(""));
        assert!(
            !WORD_PLUS.is_match("é"),
            "no non-ASCII member: decided without the regex"
        );
        assert!(!WORD_PLUS.is_compiled());
        assert!(LETTERS.is_match("ab"));
        assert!(!LETTERS.is_match("a"));
        assert!(!LETTERS.is_match("abcd"));
        assert!(!LETTERS.is_compiled());
        // Non-ASCII values go to the regex.
        assert!(LETTERS.is_match("éé"));
        assert!(!LETTERS.is_match("éééé"));
        assert!(LETTERS.is_compiled());
    }

    #[test]
    fn broken_pattern_fails_closed() {
        assert!(BROKEN.check().is_err());
        assert!(!BROKEN.is_match(""));
    }
}
