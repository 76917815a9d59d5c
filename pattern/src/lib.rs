//! Spec patterns in the Rust regex dialect: the one place where specgen's generator and its
//! derive macro turn a `pattern` constraint into something `regex` or `fancy-regex` runs.
//!
//! AWS service models write patterns in Java's `java.util.regex` dialect, and AWS checks
//! them with `String.matches`. [`translate`] reads a pattern as Java 17 does and writes the
//! Rust equivalent (see the `java` module for every difference it handles: ASCII `\w \d \s`,
//! octal and `\x{…}` escapes, surrogate pairs written as two `\u` escapes, a `-` after a
//! class escape, Java's `\p{…}` names and blocks, `\Q…\E`, inline flags, …). [`compile`]
//! anchors it for full matches and checks that an engine accepts it: the `regex` crate
//! (linear time) when it can, `fancy-regex` for look-around and back-references. Look-around
//! at the pattern's anchored ends (`^(?!aws:)…`, `…(?<!\.)$`) is split off first into
//! conditions of their own ([`Ends`]), so such patterns run on `regex` too.
//!
//! A pattern Java rejects, or one Java accepts that has no Rust equivalent, is a
//! [`PatternError`] that says which ([`PatternErrorKind`]), why, and quotes the pattern as
//! the spec writes it.
//!
//! A full-match pattern that is one class repeated (`[\w+]+`, most AWS patterns) also gets a
//! [`ClassRun`]: its ASCII members as a bitmap, so that ASCII values are decided without a
//! regex. When the repetition has a large count (`[^\p{C}]{1,2048}`),
//! [`CompiledPattern::class_regex`] is the class alone repeated without bound
//! (`^(?:[^\p{C}])*$`): the runtime checks that and counts characters, in linear time and
//! without the automaton the count would need (which can exceed the regex size limit).
//!
//! **Run time.** `regex` patterns run in time linear in the value. `fancy-regex` runs the
//! look-around parts by backtracking, bounded by its backtrack limit (one million steps by
//! default); a value that hits the limit makes `is_match` return an error, which the runtime
//! (`specgen_runtime::pattern::Pattern::is_match`) counts as a mismatch, never as a match and
//! never as a panic. The steps are bounded, so even a hostile value costs bounded time.

#![warn(missing_docs)]

mod ends;
mod fail;
mod java;
mod props;
mod set;
mod tables;

use std::fmt;

pub use ends::{Ends, LookAround};

/// How a pattern is applied to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternMode {
    /// The whole value must match (AWS services: Java's `String.matches`).
    FullMatch,
    /// Some part of the value must match (JSON Schema).
    Search,
}

impl PatternMode {
    /// What [`PatternMode::from_str`](std::str::FromStr::from_str) accepts, for messages.
    pub const EXPECTED: &'static str = "`full-match` or `search`";

    /// The text form: `full-match` or `search` (as in specgen's options file).
    pub fn as_str(self) -> &'static str {
        match self {
            PatternMode::FullMatch => "full-match",
            PatternMode::Search => "search",
        }
    }
}

impl fmt::Display for PatternMode {
    /// `full-match` or `search`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PatternMode {
    type Err = ParsePatternModeError;

    /// `full-match` or `search` (the [`Display`](fmt::Display) form); `full_match` is
    /// accepted too, as attributes spell it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "full-match" | "full_match" => Ok(PatternMode::FullMatch),
            "search" => Ok(PatternMode::Search),
            _ => Err(ParsePatternModeError {
                value: s.to_owned(),
            }),
        }
    }
}

/// Text that is not a [`PatternMode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsePatternModeError {
    value: String,
}

impl ParsePatternModeError {
    /// The text that was given.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for ParsePatternModeError {
    /// ``expected `full-match` or `search`, not `fuzzy` ``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected {}, not `{}`",
            PatternMode::EXPECTED,
            self.value
        )
    }
}

impl std::error::Error for ParsePatternModeError {}

/// The engine a compiled pattern needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// The `regex` crate: linear time.
    Regex,
    /// `fancy-regex`, for look-around, back-references, atomic groups and possessive
    /// quantifiers.
    Fancy,
}

/// A pattern ready for generated code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CompiledPattern {
    /// As written in the spec (shown in messages).
    pub source: String,
    /// In the Rust dialect, anchored for full matches. With a [`Self::class_regex`] this may
    /// be too large to compile, and with [`Self::ends`] it has look-around; the runtime then
    /// never compiles it.
    pub translated: String,
    /// The engine it compiled with.
    pub engine: Engine,
    /// When the look-around of the pattern sits at its anchored ends (`^(?!\s*$).+`,
    /// `^[a-z.]*(?<!\.)$`): the pattern without it, and each look-around as a pattern of its
    /// own, all for `regex` (linear time; see [`Ends`]). [`Self::class_run`] and
    /// [`Self::class_regex`] then describe [`Ends::rest`].
    pub ends: Option<Ends>,
    /// When the whole pattern is one character class repeated (`[\w+]+`, most AWS
    /// patterns), the class's ASCII members, so ASCII values are checked without a regex.
    pub class_run: Option<ClassRun>,
    /// When the whole pattern is one class with a counted repetition too large for one
    /// automaton (`\p{L}{1,128}`; see [`class_regex`]): that class repeated without bound,
    /// anchored (`^(?:\p{L})*$`). A value matches when it matches this and its character
    /// count is within the [`ClassRun`]'s bounds.
    pub class_regex: Option<String>,
}

impl CompiledPattern {
    /// Whether `value` satisfies the pattern, decided as the runtime decides it (the class
    /// and a character count for a [`Self::class_regex`], the [`Self::ends`] split) but
    /// compiling the regexes on every call: for checks at generation time and for tests.
    /// A backtracking engine that gives up counts as a mismatch.
    pub fn is_match(&self, value: &str) -> bool {
        let regex = |p: &str| regex::Regex::new(p).is_ok_and(|r| r.is_match(value));
        let rest = match (&self.class_regex, &self.class_run) {
            (Some(class), Some(run)) => {
                let n = value.chars().count() as u64;
                n >= u64::from(run.min)
                    && run.max.is_none_or(|max| n <= u64::from(max))
                    && regex(class)
            }
            _ => match (&self.ends, self.engine) {
                (Some(ends), _) => regex(&ends.rest),
                (None, Engine::Regex) => regex(&self.translated),
                (None, Engine::Fancy) => fancy_regex::Regex::new(&self.translated)
                    .is_ok_and(|r| r.is_match(value).unwrap_or(false)),
            },
        };
        let conditions = self.ends.iter().flat_map(|e| &e.conditions);
        rest && conditions.into_iter().all(|c| {
            let Ok(r) = regex::Regex::new(&c.regex) else {
                return false;
            };
            let cut = c
                .line_end
                .then(|| without_final_line_terminator(value))
                .flatten();
            (r.is_match(value) || cut.is_some_and(|v| r.is_match(v))) == c.must_match
        })
    }
}

/// `value` without its final line terminator as Java's `$` sees it (`\r\n`, or one of
/// `\n \r \u{85} \u{2028} \u{2029}`); `None` when it does not end in one.
fn without_final_line_terminator(value: &str) -> Option<&str> {
    if let Some(v) = value.strip_suffix("\r\n") {
        return Some(v);
    }
    value.strip_suffix(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
}

/// A full-match pattern of the form `C{min,max}` for one character class `C`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClassRun {
    /// ASCII members of the class: bit `b` of `ascii[b / 64]` for byte `b`.
    pub ascii: [u64; 2],
    /// Whether the class also holds characters beyond ASCII (then a non-ASCII value needs
    /// the regex; otherwise it cannot match).
    pub non_ascii: bool,
    /// Fewest repetitions.
    pub min: u32,
    /// Most repetitions (`None`: unbounded).
    pub max: Option<u32>,
}

/// Whether Java accepts a pattern that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternErrorKind {
    /// Java's `Pattern.compile` rejects it too (the reason is Java's).
    Invalid,
    /// Java accepts it, but neither `regex` nor `fancy-regex` can run it as Java would.
    Unsupported,
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The pattern as written in the spec.
    pub source: String,
    /// What is wrong, in lower case without a final period.
    pub reason: String,
    /// Whether Java rejects the pattern too.
    pub kind: PatternErrorKind,
}

impl fmt::Display for PatternError {
    /// ``pattern `(a` is not supported: unclosed group``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pattern `{}` is not supported: {}",
            self.source, self.reason
        )
    }
}

impl std::error::Error for PatternError {}

impl PatternError {
    fn new(source: &str, fail: fail::Fail) -> PatternError {
        PatternError {
            source: source.to_owned(),
            reason: fail.reason,
            kind: fail.kind,
        }
    }
}

/// Rewrites a Java pattern in the Rust regex dialect (unanchored; see the crate docs).
pub fn translate(java: &str) -> Result<String, PatternError> {
    java::translate(java).map_err(|fail| PatternError::new(java, fail))
}

/// Translates, anchors (full-match mode) and compiles a spec pattern.
pub fn compile(source: &str, mode: PatternMode) -> Result<CompiledPattern, PatternError> {
    let body = translate(source)?;
    let translated = match mode {
        PatternMode::FullMatch => format!("^(?:{body})$"),
        PatternMode::Search => body,
    };
    let unsupported = |reason: String| PatternError {
        source: source.to_owned(),
        reason,
        kind: PatternErrorKind::Unsupported,
    };
    let class_run = match mode {
        PatternMode::FullMatch => class_run(&translated),
        PatternMode::Search => None,
    };
    let class_regex = class_run.as_ref().and_then(|_| class_regex(&translated));
    if let Some(class) = &class_regex {
        // The runtime compiles only the class; the counted form may be too large.
        return match regex::Regex::new(class) {
            Ok(_) => Ok(CompiledPattern {
                source: source.to_owned(),
                translated,
                engine: Engine::Regex,
                ends: None,
                class_run,
                class_regex,
            }),
            Err(e) => Err(unsupported(regex_reason(&e))),
        };
    }
    match regex::Regex::new(&translated) {
        Ok(_) => Ok(CompiledPattern {
            source: source.to_owned(),
            translated,
            engine: Engine::Regex,
            ends: None,
            class_run,
            class_regex: None,
        }),
        Err(regex_err @ regex::Error::CompiledTooBig(_)) => {
            Err(unsupported(regex_reason(&regex_err)))
        }
        Err(regex_err) => match fancy_regex::Regex::new(&translated) {
            // fancy-regex hands plain parts to `regex`, so this also validates them.
            Ok(_) => Ok(match ends::split(&translated) {
                // Look-around at the ends: conditions for `regex`, so no backtracking.
                Some(ends) => with_ends(source, translated, ends, mode),
                None => CompiledPattern {
                    source: source.to_owned(),
                    translated,
                    engine: Engine::Fancy,
                    ends: None,
                    class_run: None,
                    class_regex: None,
                },
            }),
            Err(fancy_err) => {
                // Where `regex` only misses a feature, `fancy-regex` says what is wrong.
                let reason = regex_reason(&regex_err);
                let fancy_feature = ["look-around", "backreferences", "unrecognized flag"]
                    .iter()
                    .any(|f| reason.starts_with(f));
                let reason = if fancy_feature {
                    fancy_reason(&fancy_err)
                } else {
                    reason
                };
                Err(unsupported(reason))
            }
        },
    }
}

/// A pattern whose look-around sits at its ends (see [`Ends`]): `regex` runs the parts.
fn with_ends(source: &str, translated: String, ends: Ends, mode: PatternMode) -> CompiledPattern {
    let class_run = match mode {
        PatternMode::FullMatch => class_run(&ends.rest),
        PatternMode::Search => None,
    };
    let class_regex = class_run.as_ref().and_then(|_| class_regex(&ends.rest));
    CompiledPattern {
        source: source.to_owned(),
        engine: Engine::Regex,
        class_run,
        class_regex,
        ends: Some(ends),
        translated,
    }
}

/// What a `regex` error says, without positions: they point into the anchored translation,
/// which the user never wrote.
fn regex_reason(e: &regex::Error) -> String {
    let text = match e {
        regex::Error::CompiledTooBig(limit) => {
            return format!(
                "it compiles to more than the regex size limit of {limit} bytes (a large \
                 counted repetition of something other than one character class)"
            );
        }
        other => other.to_string(),
    };
    let last = text.lines().last().unwrap_or("").trim();
    let last = last.strip_prefix("error: ").unwrap_or(last);
    last.trim_end_matches('.').to_lowercase()
}

fn fancy_reason(e: &fancy_regex::Error) -> String {
    let text = e.to_string();
    let text = match text.split_once(": ") {
        Some((head, rest)) if head.starts_with("Parsing error at position") => rest.to_owned(),
        _ => text,
    };
    text.trim_end_matches('.').to_lowercase()
}

/// Recognises a full-match pattern that is a single repeated class.
fn class_run(translated: &str) -> Option<ClassRun> {
    use regex_syntax::hir::{Class, HirKind, Look};
    let hir = regex_syntax::Parser::new().parse(translated).ok()?;
    let mut parts: Vec<&regex_syntax::hir::Hir> = match hir.kind() {
        HirKind::Concat(parts) => parts.iter().collect(),
        _ => return None,
    };
    // Strip the anchors at both ends (`^(?:^X$)$` has two of each).
    while parts
        .first()
        .is_some_and(|p| matches!(p.kind(), HirKind::Look(Look::Start)))
    {
        parts.remove(0);
    }
    let mut ends = 0;
    while parts
        .last()
        .is_some_and(|p| matches!(p.kind(), HirKind::Look(Look::End)))
    {
        parts.pop();
        ends += 1;
    }
    if ends == 0 || parts.len() != 1 {
        return None;
    }
    let HirKind::Repetition(rep) = parts[0].kind() else {
        return None;
    };
    let HirKind::Class(Class::Unicode(class)) = rep.sub.kind() else {
        return None;
    };
    let mut ascii = [0u64; 2];
    let mut non_ascii = false;
    for range in class.ranges() {
        let (lo, hi) = (u32::from(range.start()), u32::from(range.end()));
        for b in lo..=hi.min(127) {
            ascii[(b / 64) as usize] |= 1 << (b % 64);
        }
        non_ascii |= hi > 127;
    }
    Some(ClassRun {
        ascii,
        non_ascii,
        min: rep.min,
        max: rep.max,
    })
}

/// Compiled size above which a counted class is checked as "the class, repeated, plus a
/// character count" instead of by its automaton. Measured: below it the counted automaton
/// is as fast or faster; above it its lazy DFA runs out of cache and gets 10–30 times slower
/// (`\p{L}{1,64}`), and from 10 MiB it does not compile at all (`[^\p{C}]{1,2048}`).
pub const COUNTED_CLASS_SIZE: usize = 2 << 20;

/// For a full-match translation that is one class with a counted repetition too large to
/// run well as one automaton (see [`COUNTED_CLASS_SIZE`]; `^(?:[^\p{C}]{1,2048})$`): the
/// class repeated without bound, anchored (`^(?:[^\p{C}])*$`). `None` for any other shape,
/// for `C*`/`C+`, and for small counts.
///
/// The class text is cut from the translation itself, so it means exactly what it meant
/// there. The answer depends only on `translated`, so the generator and the derive macro
/// agree on it.
pub fn class_regex(translated: &str) -> Option<String> {
    use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};
    class_run(translated)?;
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(translated)
        .ok()?;
    // Down through anchors and plain groups to the one repetition.
    let mut node = &ast;
    let repetition = loop {
        match node {
            Ast::Concat(concat) => {
                let mut rest = concat
                    .asts
                    .iter()
                    .filter(|a| !matches!(a, Ast::Assertion(_)));
                let (Some(only), None) = (rest.next(), rest.next()) else {
                    return None;
                };
                node = only;
            }
            // Plain groups only: flags would change what the class means on its own.
            Ast::Group(group) if group.flags().is_none_or(|f| f.items.is_empty()) => {
                node = &group.ast
            }
            Ast::Repetition(rep) => break rep,
            _ => return None,
        }
    };
    let counted = match &repetition.op.kind {
        RepetitionKind::Range(RepetitionRange::Exactly(_))
        | RepetitionKind::Range(RepetitionRange::Bounded(_, _)) => true,
        RepetitionKind::Range(RepetitionRange::AtLeast(min)) => *min > 1,
        _ => false,
    };
    if !counted {
        return None;
    }
    let small = regex::RegexBuilder::new(translated)
        .size_limit(COUNTED_CLASS_SIZE)
        .build()
        .is_ok();
    if small {
        return None;
    }
    let span = repetition.ast.span();
    let class = translated.get(span.start.offset..span.end.offset)?;
    let regex = format!("^(?:{class})*$");
    // Only when the class alone is what the whole pattern repeats.
    let hir = regex_syntax::Parser::new().parse(class).ok()?;
    matches!(hir.kind(), regex_syntax::hir::HirKind::Class(_)).then_some(regex)
}

#[cfg(test)]
mod tests;
