//! Spec patterns to Rust regexes, checked at generation time.
//!
//! AWS specs carry Java regular expressions. Three differences matter:
//! - `\w \d \s` (and their negations) are ASCII in Java and Unicode in the `regex` crate, so
//!   they are rewritten to ASCII classes; `\p{L}` and other Unicode properties stay Unicode.
//! - Java's POSIX property names (`\p{Print}`, `\p{Alpha}`, …) are ASCII classes.
//! - `\uXXXX` escapes become `\x{XXXX}`; surrogate code points cannot match a Rust string and
//!   are rejected.
//!
//! AWS validates with full matches (`String.matches`), JSON Schema with searches; the mode is
//! chosen per spec. A pattern that the `regex` crate cannot express (look-around,
//! back-references) runs on `fancy-regex`; one that neither accepts is an error.

use std::fmt;

/// How a pattern is applied to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternMode {
    /// The whole value must match (AWS services).
    FullMatch,
    /// Some part of the value must match (JSON Schema).
    Search,
}

/// The engine a compiled pattern needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// The `regex` crate.
    Regex,
    /// `fancy-regex`, for look-around and back-references.
    Fancy,
}

/// A pattern ready for generated code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CompiledPattern {
    /// As written in the spec (shown in messages).
    pub source: String,
    /// In the Rust dialect, anchored for full matches.
    pub translated: String,
    /// The engine it compiled with.
    pub engine: Engine,
    /// When the whole pattern is one character class repeated (`[\w+]+`, most AWS
    /// patterns), the class's ASCII members, so ASCII values are checked without a regex.
    pub class_run: Option<ClassRun>,
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

/// Recognises a full-match pattern that is a single repeated class.
fn class_run(translated: &str) -> Option<ClassRun> {
    use regex_syntax::hir::{Class, HirKind, Look};
    let hir = regex_syntax::Parser::new().parse(translated).ok()?;
    let mut parts: Vec<&regex_syntax::hir::Hir> = match hir.kind() {
        HirKind::Concat(parts) => parts.iter().collect(),
        _ => return None,
    };
    // Strip the anchors at both ends (`^(?:^X$)$` has two of each).
    while let Some(first) = parts.first() {
        match first.kind() {
            HirKind::Look(Look::Start) => {
                parts.remove(0);
            }
            _ => break,
        }
    }
    let mut ends = 0;
    while let Some(last) = parts.last() {
        match last.kind() {
            HirKind::Look(Look::End) => {
                parts.pop();
                ends += 1;
            }
            _ => break,
        }
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
        let (lo, hi) = (range.start() as u32, range.end() as u32);
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

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError(pub String);

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const WORD: &str = "0-9A-Za-z_";
/// Java's `.`: anything but a line terminator (`\n`, `\r`, U+0085, U+2028, U+2029).
const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";
const DIGIT: &str = "0-9";
// Java's \s: [ \t\n\x0B\f\r].
const SPACE: &str = r" \t\n\x0B\f\r";

/// Java's POSIX character class names (ASCII unless UNICODE_CHARACTER_CLASS is set).
fn posix_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "A-Za-z",
        "Digit" => "0-9",
        "Alnum" => "0-9A-Za-z",
        "Punct" => r"!-/:-@\[-`{-~",
        "Graph" => r"!-~",
        "Print" => r" -~",
        "Blank" => r" \t",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9A-Fa-f",
        "Space" => SPACE,
        _ => return None,
    })
}

/// Rewrites a Java pattern in the Rust regex dialect (see the module docs).
pub fn translate(java: &str) -> Result<String, PatternError> {
    let chars: Vec<char> = java.chars().collect();
    let mut out = String::with_capacity(java.len() + 16);
    let mut i = 0;
    // Nesting depth of character classes; Java allows `[a[b]]`, so does `regex`.
    let mut class_depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&next) = chars.get(i + 1) else {
                    return Err(PatternError("pattern ends with a lone `\\`".into()));
                };
                i += 2;
                let inside = class_depth > 0;
                let class = |set: &str, negated: bool| -> String {
                    match (inside, negated) {
                        (true, false) => set.to_owned(),
                        (_, true) => format!("[^{set}]"),
                        (false, false) => format!("[{set}]"),
                    }
                };
                match next {
                    'w' => out.push_str(&class(WORD, false)),
                    'W' => out.push_str(&class(WORD, true)),
                    'd' => out.push_str(&class(DIGIT, false)),
                    'D' => out.push_str(&class(DIGIT, true)),
                    's' => out.push_str(&class(SPACE, false)),
                    'S' => out.push_str(&class(SPACE, true)),
                    'p' | 'P' => {
                        let negated = next == 'P';
                        let (name, used) = property_name(&chars[i..])?;
                        i += used;
                        if let Some(set) = posix_class(&name) {
                            out.push_str(&class(set, negated));
                        } else {
                            // Java's `\p{IsLatin}`/`\p{IsAlphabetic}` are Rust's
                            // `\p{Latin}`/`\p{Alphabetic}`.
                            let bare = name.strip_prefix("Is").unwrap_or(&name);
                            out.push_str(&format!("\\{next}{{{bare}}}"));
                        }
                    }
                    'u' => {
                        let hex: String = chars.get(i..i + 4).unwrap_or(&[]).iter().collect();
                        let code = u32::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == 4);
                        let Some(code) = code else {
                            return Err(PatternError(format!(
                                "`\\u` must be followed by four hex digits, found `{hex}`"
                            )));
                        };
                        if (0xD800..=0xDFFF).contains(&code) {
                            return Err(PatternError(format!(
                                "`\\u{hex}` is a UTF-16 surrogate, which no Rust string contains"
                            )));
                        }
                        i += 4;
                        out.push_str(&format!("\\x{{{code:X}}}"));
                    }
                    'Q' => {
                        // Quote everything up to \E.
                        while i < chars.len() {
                            if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                                i += 2;
                                break;
                            }
                            let mut buf = [0u8; 4];
                            out.push_str(&regex_syntax::escape(chars[i].encode_utf8(&mut buf)));
                            i += 1;
                        }
                    }
                    'h' => out.push_str(&class(
                        r" \t\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}",
                        false,
                    )),
                    'v' => out.push_str(&class(r"\n\x0B\f\r\x{85}\x{2028}\x{2029}", false)),
                    'Z' => out.push_str(r"(?:\n?\z)"),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
                continue;
            }
            '[' => {
                class_depth += 1;
                out.push('[');
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            // Java's `.` matches no line terminator, not only no `\n`.
            '.' if class_depth == 0 => out.push_str(JAVA_DOT),
            _ => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

/// Reads `{Name}` or a one-letter name after `\p`; returns the name and chars consumed.
fn property_name(rest: &[char]) -> Result<(String, usize), PatternError> {
    match rest.first() {
        Some('{') => {
            let end = rest
                .iter()
                .position(|&c| c == '}')
                .ok_or_else(|| PatternError("unterminated `\\p{`".into()))?;
            Ok((rest[1..end].iter().collect(), end + 1))
        }
        Some(&c) if c.is_ascii_alphabetic() => Ok((c.to_string(), 1)),
        _ => Err(PatternError(
            "`\\p` must be followed by a property name".into(),
        )),
    }
}

/// Translates, anchors (full-match mode) and compiles a spec pattern.
pub fn compile(source: &str, mode: PatternMode) -> Result<CompiledPattern, PatternError> {
    let body = translate(source)?;
    let translated = match mode {
        PatternMode::FullMatch => format!("^(?:{body})$"),
        PatternMode::Search => body,
    };
    match regex::Regex::new(&translated) {
        Ok(_) => Ok(CompiledPattern {
            source: source.to_owned(),
            class_run: match mode {
                PatternMode::FullMatch => class_run(&translated),
                PatternMode::Search => None,
            },
            translated,
            engine: Engine::Regex,
        }),
        Err(regex_err) => match fancy_regex::Regex::new(&translated) {
            // fancy-regex hands plain parts to `regex`, so this also validates them.
            Ok(_) => Ok(CompiledPattern {
                source: source.to_owned(),
                translated,
                engine: Engine::Fancy,
                class_run: None,
            }),
            Err(fancy_err) => {
                // Say what is wrong without positions: they point into the anchored
                // translation, which the user never wrote.
                let regex_reason = regex_err.to_string();
                let regex_reason = regex_reason.lines().last().unwrap_or("").trim();
                let regex_reason = regex_reason.strip_prefix("error: ").unwrap_or(regex_reason);
                let reason = if regex_reason.starts_with("look-around") {
                    let fancy = fancy_err.to_string();
                    match fancy.split_once(": ") {
                        Some((head, rest)) if head.starts_with("Parsing error at position") => {
                            rest.to_owned()
                        }
                        _ => fancy,
                    }
                } else {
                    regex_reason.to_owned()
                };
                Err(PatternError(format!(
                    "pattern `{source}` is not supported: {}",
                    reason.trim_end_matches('.').to_lowercase()
                )))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(p: &str) -> CompiledPattern {
        compile(p, PatternMode::FullMatch).unwrap()
    }

    fn matches(p: &str, s: &str) -> bool {
        let c = full(p);
        match c.engine {
            Engine::Regex => regex::Regex::new(&c.translated).unwrap().is_match(s),
            Engine::Fancy => fancy_regex::Regex::new(&c.translated)
                .unwrap()
                .is_match(s)
                .unwrap(),
        }
    }

    #[test]
    fn java_perl_classes_are_ascii() {
        assert!(matches(r"[\w+]+", "abc_123+"));
        assert!(!matches(r"[\w+]+", "abcé"));
        assert!(!matches(r"\d+", "١٢"));
        assert!(matches(r"[\S]+", "a-b"));
        assert!(!matches(r"[\S]+", "a b"));
        assert!(matches(r"[\S]+", "é"));
        assert!(!matches(r"[\w-]+_[0-9a-zA-Z]+", " us-east-1_abc"));
        assert!(matches(r"[\w-]+_[0-9a-zA-Z]+", "us-east-1_abc"));
    }

    #[test]
    fn unicode_properties_stay_unicode() {
        assert!(matches(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "ñandú"));
        assert!(!matches(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "a b"));
        assert!(matches(r"\p{Print}+", "a b~"));
        assert!(!matches(r"\p{Print}+", "é"));
    }

    #[test]
    fn dot_matches_no_java_line_terminator() {
        assert!(matches(r".*\{####\}.*", "Code: {####}"));
        for terminator in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            let value = format!("Code:{terminator}{{####}}");
            assert!(!matches(r".*\{####\}.*", &value), "{value:?}");
        }
        // Inside a class `.` is a literal dot.
        assert!(matches(r"[.]+", "..."));
        assert!(!matches(r"[.]+", "a"));
    }

    #[test]
    fn single_class_patterns_get_a_class_run() {
        let run = full(r"[\w+]+").class_run.expect("a class run");
        assert_eq!((run.min, run.max, run.non_ascii), (1, None, false));
        let has = |b: u8| run.ascii[(b / 64) as usize] & (1 << (b % 64)) != 0;
        assert!(has(b'a') && has(b'Z') && has(b'0') && has(b'_') && has(b'+'));
        assert!(!has(b'-') && !has(b' '));
        let run = full(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+").class_run.unwrap();
        assert!(run.non_ascii);
        let run = full(r"^[0-9a-fA-F]+$").class_run.unwrap();
        assert_eq!(run.min, 1);
        let run = full(r"[0-9]{12}").class_run.unwrap();
        assert_eq!((run.min, run.max), (12, Some(12)));
        assert_eq!(full(r"[\w-]+_[0-9a-zA-Z]+").class_run, None);
        assert_eq!(full(r"^[0-9A-Za-z\.\-_]*(?<!\.)$").class_run, None);
        assert_eq!(
            compile("[0-9]+", PatternMode::Search).unwrap().class_run,
            None
        );
    }

    #[test]
    fn full_match_versus_search() {
        assert!(!matches("[0-9]+", "12a"));
        let s = compile("[0-9]+", PatternMode::Search).unwrap();
        assert!(regex::Regex::new(&s.translated).unwrap().is_match("12a"));
    }

    #[test]
    fn look_around_uses_fancy() {
        let c = full(r"^[0-9A-Za-z\.\-_]*(?<!\.)$");
        assert_eq!(c.engine, Engine::Fancy);
        assert!(matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket.s3"));
        assert!(!matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket."));
        assert!(!matches(r"^(?!\s*$).+", "   "));
        assert_eq!(full(r"[\w+]+").engine, Engine::Regex);
    }

    #[test]
    fn java_dash_and_unicode_escapes() {
        assert!(matches(r"[A-Za-z0-9-_=.]+", "a-b_c=d."));
        assert!(matches(r"[a-zA-Z0-9-_]+", "a-_"));
        assert!(matches(r"[\u0020-\u00FF]*", "abc ÿ"));
        assert!(!matches(r"[\u0020-\u00FF]*", "ā"));
        assert!(compile(r"[\uD800]", PatternMode::FullMatch).is_err());
    }

    #[test]
    fn unsupported_is_an_error() {
        let e = compile(r"(a", PatternMode::FullMatch).unwrap_err();
        assert_eq!(e.0, "pattern `(a` is not supported: unclosed group");
        let e = compile(r"(?<=x", PatternMode::FullMatch).unwrap_err();
        assert_eq!(
            e.0,
            "pattern `(?<=x` is not supported: opening parenthesis without closing parenthesis"
        );
        assert!(compile(r"\p{NoSuchProperty}", PatternMode::FullMatch).is_err());
    }
}
