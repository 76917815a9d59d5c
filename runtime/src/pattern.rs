//! Regular expressions of `pattern` constraints: compiled once per process, lazily, shared.
//!
//! The generator translates each spec pattern into the Rust dialect (Java's ASCII `\w \d \s`,
//! anchoring for full-match specs) and checks that it compiles, so at run time a [`Pattern`]
//! only has to build its engine on first use. Patterns the `regex` crate cannot express
//! (look-around away from the pattern's ends, back-references) use `fancy-regex`;
//! everything else uses `regex`.
//!
//! Look-around at a pattern's anchored ends (`^(?!aws:)…`, `…(?<!\.)$`) needs no
//! backtracking: the generator splits it off into patterns of their own, each a condition on
//! the whole value ([`LookAround`], [`Pattern::with_look_around`]), which `regex` decides.
//!
//! Every check is linear in the value, except on `fancy-regex` (feature `fancy-regex`, for
//! look-around elsewhere and back-references): it backtracks through the look-around parts,
//! at most its backtrack limit of steps (one million by default). A value that reaches the
//! limit makes `fancy-regex` return an error, which [`Pattern::is_match`] reads as a
//! mismatch: the check costs bounded time, fails closed, and never panics.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which engine runs a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The `regex` crate: linear time, no look-around.
    Regex,
    /// `fancy-regex`: look-around and back-references, backtracking with a step limit. Only
    /// with feature `fancy-regex`, which code generated for such a pattern needs.
    #[cfg(feature = "fancy-regex")]
    Fancy,
}

/// [`Engine::Fancy`], as generated code names it: a path that resolves only with feature
/// `fancy-regex`, so that code built without it fails with rustc's note that the item is
/// gated behind that feature (a missing enum variant gets no such note).
#[cfg(feature = "fancy-regex")]
pub const FANCY: Engine = Engine::Fancy;

enum Compiled {
    Regex(regex::Regex),
    #[cfg(feature = "fancy-regex")]
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
/// decides ASCII values with a byte table instead of running the regex, and counts the
/// characters of other values.
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

    /// Whether `value` has between `min` and `max` characters. Looks at most `max + 1`
    /// characters, so a long value costs no more than a short one.
    #[inline]
    fn count_fits(&self, value: &str) -> bool {
        let len = value.len() as u64;
        // A character is one to four bytes.
        if len < u64::from(self.min) || len.div_ceil(4) > u64::from(self.max) {
            return false;
        }
        let limit = (self.max as usize).saturating_add(1);
        let n = value.chars().take(limit).count() as u64;
        n >= u64::from(self.min) && n <= u64::from(self.max)
    }
}

/// A look-around group at an anchored end of a pattern, as a condition on the whole value:
/// `^(?!aws:)…` becomes "must not match `^(?:aws:)`", `…(?<!\.)$` "must not match `(?:\.)$`".
/// Exact, since such a group is only ever tried at the start or at the end of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookAround {
    regex: &'static str,
    must_match: bool,
    line_end: bool,
}

impl LookAround {
    /// From a positive look-around (`(?=…)`, `(?<=…)`): the value must match `regex`.
    pub const fn must_match(regex: &'static str) -> Self {
        LookAround {
            regex,
            must_match: true,
            line_end: false,
        }
    }

    /// From a negative look-around (`(?!…)`, `(?<!…)`): the value must not match `regex`.
    pub const fn must_not_match(regex: &'static str) -> Self {
        LookAround {
            regex,
            must_match: false,
            line_end: false,
        }
    }

    /// For a look-ahead that ended in Java's `$` (`^(?!\s*$)…`): `regex` is `^(?:X)\z`, and
    /// the condition also counts as matched when the value without its final line terminator
    /// (`\r\n`, or one of `\n \r \u{85} \u{2028} \u{2029}`) matches it, as Java's `$` allows.
    pub const fn line_end(mut self) -> Self {
        self.line_end = true;
        self
    }

    /// The condition's regex (anchored at the end it was cut from).
    pub fn regex(&self) -> &'static str {
        self.regex
    }

    /// Whether the value must match [`Self::regex`] (or must not).
    pub fn is_positive(&self) -> bool {
        self.must_match
    }

    /// Whether the value without its final line terminator is tried too (see
    /// [`Self::line_end`]).
    pub fn is_line_end(&self) -> bool {
        self.line_end
    }

    /// Whether the value satisfies this condition, given its compiled regex.
    fn holds(&self, regex: &regex::Regex, value: &str) -> bool {
        let cut = self.line_end.then(|| without_final_line_terminator(value));
        let matched = regex.is_match(value) || cut.flatten().is_some_and(|v| regex.is_match(v));
        matched == self.must_match
    }
}

/// `value` without its final line terminator as Java's `$` sees it; `None` when it does not
/// end in one.
fn without_final_line_terminator(value: &str) -> Option<&str> {
    if let Some(v) = value.strip_suffix("\r\n") {
        return Some(v);
    }
    value.strip_suffix(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
}

/// A `pattern` constraint: the spec's text for messages and the compiled engine.
pub struct Pattern {
    source: &'static str,
    translated: &'static str,
    engine: Engine,
    class_run: Option<ClassRun>,
    /// With a class run: the class alone, repeated without bound; compiled instead of
    /// `translated`, and the character count is checked beside it.
    class_regex: Option<&'static str>,
    /// With look-around at its ends: the pattern without it, compiled instead of
    /// `translated` (which `class_run` and `class_regex` then describe too).
    rest: Option<&'static str>,
    look_around: &'static [LookAround],
    compiled: OnceLock<Compiled>,
    /// The look-around conditions, compiled (`None`: one does not compile).
    conditions: OnceLock<Option<Box<[regex::Regex]>>>,
}

impl Pattern {
    /// A pattern whose spec text is `source` and whose Rust form is `translated`.
    pub const fn new(source: &'static str, translated: &'static str, engine: Engine) -> Self {
        Pattern {
            source,
            translated,
            engine,
            class_run: None,
            class_regex: None,
            rest: None,
            look_around: &[],
            compiled: OnceLock::new(),
            conditions: OnceLock::new(),
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
            class_regex: None,
            rest: None,
            look_around: &[],
            compiled: OnceLock::new(),
            conditions: OnceLock::new(),
        }
    }

    /// A pattern that is one class repeated a counted number of times too large for one
    /// automaton (`[^\p{C}]{1,2048}`): a value matches when its characters are all in the
    /// class, checked by `class_regex` (the class repeated without bound, anchored:
    /// `^(?:[^\p{C}])*$`), and their number is within `class_run`'s bounds. Linear in the
    /// value; `translated` (the counted form) is never compiled.
    pub const fn with_counted_class(
        source: &'static str,
        translated: &'static str,
        class_regex: &'static str,
        class_run: ClassRun,
    ) -> Self {
        Pattern {
            source,
            translated,
            engine: Engine::Regex,
            class_run: Some(class_run),
            class_regex: Some(class_regex),
            rest: None,
            look_around: &[],
            compiled: OnceLock::new(),
            conditions: OnceLock::new(),
        }
    }

    /// This pattern with its look-around at its ends split off (see [`LookAround`]): a
    /// value matches when it matches `rest` (the pattern without those groups, which the
    /// fast paths of [`Pattern::with_class_run`] and [`Pattern::with_counted_class`]
    /// describe then) and satisfies every condition. Linear in the value.
    pub const fn with_look_around(
        mut self,
        rest: &'static str,
        look_around: &'static [LookAround],
    ) -> Self {
        self.rest = Some(rest);
        self.look_around = look_around;
        self
    }

    /// The pattern as written in the spec (shown in validation messages).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The pattern in the Rust regex dialect, anchored when full-match. A counted class
    /// ([`Pattern::with_counted_class`]) runs [`Pattern::class_regex`] instead, and a split
    /// one ([`Pattern::with_look_around`]) [`Pattern::rest`] and [`Pattern::look_around`].
    pub fn translated(&self) -> &'static str {
        self.translated
    }

    /// For a counted class, the regex that checks the class (the count is checked apart).
    pub fn class_regex(&self) -> Option<&'static str> {
        self.class_regex
    }

    /// With look-around split off: the pattern without it.
    pub fn rest(&self) -> Option<&'static str> {
        self.rest
    }

    /// With look-around split off: the conditions it became.
    pub fn look_around(&self) -> &'static [LookAround] {
        self.look_around
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
                Engine::Regex => {
                    let regex = self.class_regex.or(self.rest).unwrap_or(self.translated);
                    match regex::Regex::new(regex) {
                        Ok(r) => Compiled::Regex(r),
                        Err(e) => Compiled::Invalid(e.to_string()),
                    }
                }
                #[cfg(feature = "fancy-regex")]
                Engine::Fancy => match fancy_regex::Regex::new(self.translated) {
                    Ok(r) => Compiled::Fancy(r),
                    Err(e) => Compiled::Invalid(e.to_string()),
                },
            }
        })
    }

    /// The look-around conditions, compiled on first use.
    fn conditions(&self) -> Option<&[regex::Regex]> {
        self.conditions
            .get_or_init(|| {
                self.look_around
                    .iter()
                    .map(|c| regex::Regex::new(c.regex).ok())
                    .collect()
            })
            .as_deref()
    }

    /// Compiles the pattern now, reporting why it cannot be used.
    pub fn check(&self) -> Result<(), String> {
        if let Compiled::Invalid(e) = self.get() {
            return Err(e.clone());
        }
        if self.conditions().is_none() {
            let broken = self
                .look_around
                .iter()
                .find_map(|c| regex::Regex::new(c.regex).err());
            return Err(broken.map_or_else(String::new, |e| e.to_string()));
        }
        Ok(())
    }

    /// Whether `value` satisfies the pattern. A backtracking engine that gives up (its
    /// backtrack limit reached) counts as a mismatch, so a hostile value cannot make
    /// validation pass, nor take unbounded time.
    pub fn is_match(&self, value: &str) -> bool {
        self.rest_matches(value) && (self.look_around.is_empty() || self.conditions_hold(value))
    }

    /// The pattern without its split-off look-around (all of it, when there is none).
    fn rest_matches(&self, value: &str) -> bool {
        if let Some(run) = &self.class_run {
            if let Some(answer) = run.decide(value) {
                return answer;
            }
            if self.class_regex.is_some() && !run.count_fits(value) {
                return false;
            }
        }
        match self.get() {
            Compiled::Regex(r) => r.is_match(value),
            #[cfg(feature = "fancy-regex")]
            Compiled::Fancy(r) => r.is_match(value).unwrap_or(false),
            Compiled::Invalid(_) => false,
        }
    }

    /// Whether every look-around condition holds; one that does not compile fails.
    fn conditions_hold(&self, value: &str) -> bool {
        let Some(regexes) = self.conditions() else {
            return false;
        };
        regexes
            .iter()
            .zip(self.look_around)
            .all(|(r, c)| c.holds(r, value))
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

    // Cognito's `^[0-9A-Za-z\.\-_]*(?<!\.)$` as generated: a class run and a look-behind.
    static LOOKBEHIND: Pattern = Pattern::with_class_run(
        r"^[0-9A-Za-z\.\-_]*(?<!\.)$",
        r"^(?:^[0-9A-Za-z.\-_]*(?<!\.)$)$",
        ClassRun::new(
            [0x03ff_6000_0000_0000, 0x07ff_fffe_87ff_fffe],
            false,
            0,
            u32::MAX,
        ),
    )
    .with_look_around(
        r"^(?:^[0-9A-Za-z.\-_]*$)$",
        &[LookAround::must_not_match(r"(?:\.)$")],
    );
    // `^(?=[a-z])[a-z0-9]+(?<!-)` without a class run.
    static AHEAD: Pattern = Pattern::new(
        r"^(?=[a-z])[a-z0-9-]+(?<!-)$",
        r"^(?:^(?=[a-z])[a-z0-9\-]+(?<!\-)$)$",
        Engine::Regex,
    )
    .with_look_around(
        r"^(?:^[a-z0-9\-]+$)$",
        &[
            LookAround::must_match(r"^(?:[a-z])"),
            LookAround::must_not_match(r"(?:\-)$"),
        ],
    );
    static PLAIN: Pattern = Pattern::new(r"[0-9]+", r"^(?:[0-9]+)$", Engine::Regex);
    static BROKEN: Pattern = Pattern::new("(", "(", Engine::Regex);

    #[test]
    fn compiles_lazily_once() {
        assert!(!PLAIN.is_compiled());
        assert!(PLAIN.is_match("123"));
        assert!(!PLAIN.is_match("12a"));
        assert!(PLAIN.is_compiled());
    }

    #[test]
    fn look_around_at_the_ends_is_checked_apart() {
        assert!(LOOKBEHIND.is_match("my.bucket"));
        assert!(LOOKBEHIND.is_match(""));
        assert!(!LOOKBEHIND.is_match("my.bucket."));
        assert!(!LOOKBEHIND.is_match("my bucket"));
        // Linear: a long valid value matches (a backtracking engine runs out of steps).
        let long = "a.".repeat(500_000) + "b";
        assert!(LOOKBEHIND.is_match(&long));
        assert!(!LOOKBEHIND.is_match(&(long + ".")));
        assert!(LOOKBEHIND.check().is_ok());
        assert!(AHEAD.is_match("a-1"));
        assert!(!AHEAD.is_match("1-a"));
        assert!(!AHEAD.is_match("a-"));
        assert!(!AHEAD.is_match("a_"));
        assert_eq!(AHEAD.look_around()[1].regex(), r"(?:\-)$");
        assert!(!AHEAD.look_around()[1].is_positive());
    }

    // Java's `(?!abc$)[a-z\n\r]*`: `$` may stand before a final line terminator.
    static NOT_ABC: Pattern = Pattern::new(
        r"(?!abc$)[a-z\n\r]*",
        r"^(?:(?!abc(?:\z|(?=\r\n\z)|(?<!\r)(?=\n\z)|(?=[\r\x{85}\x{2028}\x{2029}]\z)))[a-z\n\r]*)$",
        Engine::Regex,
    )
    .with_look_around(
        r"^(?:[a-z\n\r]*)$",
        &[LookAround::must_not_match(r"^(?:abc)\z").line_end()],
    );

    #[test]
    fn a_java_dollar_condition_also_tries_the_value_before_its_line_terminator() {
        for (value, java) in [
            ("abc", false),
            ("abc\n", false),
            ("abc\r\n", false),
            ("abc\r", false),
            ("abc\n\n", true),
            ("abc\n\r", true),
            ("abcd", true),
            ("ab", true),
        ] {
            assert_eq!(NOT_ABC.is_match(value), java, "{value:?}");
        }
        assert!(NOT_ABC.look_around()[0].is_line_end());
    }

    static BROKEN_CONDITION: Pattern = Pattern::new("a", "^(?:a)$", Engine::Regex)
        .with_look_around("^(?:a)$", &[LookAround::must_not_match("(")]);

    #[test]
    fn a_broken_condition_fails_closed() {
        assert!(!BROKEN_CONDITION.is_match("a"));
        assert!(BROKEN_CONDITION.check().is_err());
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

    // `[^\p{C}]{1,3}` as a counted class: printable ASCII is `0x20..=0x7E`.
    static PRINTABLE: Pattern = Pattern::with_counted_class(
        r"[^\p{C}]{1,3}",
        r"^(?:[^\p{C}]{1,3})$",
        r"^(?:[^\p{C}])*$",
        ClassRun::new([0xFFFF_FFFF_0000_0000, 0x7FFF_FFFF_FFFF_FFFF], true, 1, 3),
    );

    #[test]
    fn counted_classes_count_characters_beside_the_class() {
        assert!(PRINTABLE.is_match("a b"));
        assert!(!PRINTABLE.is_match("abcd"));
        assert!(!PRINTABLE.is_match(""));
        assert!(!PRINTABLE.is_match("a\u{7}"));
        assert!(!PRINTABLE.is_compiled(), "ASCII values need no regex");
        assert!(PRINTABLE.is_match("ééé"));
        assert!(PRINTABLE.is_match("中a"));
        assert!(!PRINTABLE.is_match("éééé"));
        assert!(
            !PRINTABLE.is_match("é\u{200B}"),
            "U+200B is a format character"
        );
        assert!(!PRINTABLE.is_match(&"é".repeat(1_000_000)));
        assert_eq!(PRINTABLE.class_regex(), Some(r"^(?:[^\p{C}])*$"));
        assert!(PRINTABLE.check().is_ok());
    }

    // Backtracks exponentially on a run of `a` with no `b`.
    #[cfg(feature = "fancy-regex")]
    static HOSTILE: Pattern = Pattern::new("(a|aa)+(?<!c)b", "^(?:(a|aa)+(?<!c)b)$", Engine::Fancy);

    #[cfg(feature = "fancy-regex")]
    #[test]
    fn backtrack_limit_is_a_mismatch_not_a_panic() {
        assert!(HOSTILE.is_match("aaab"));
        let started = std::time::Instant::now();
        assert!(!HOSTILE.is_match(&"a".repeat(60)));
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn broken_pattern_fails_closed() {
        assert!(BROKEN.check().is_err());
        assert!(!BROKEN.is_match(""));
    }
}
