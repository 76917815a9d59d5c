//! Look-around at a pattern's ends, split off into patterns of their own.
//!
//! `regex` has no look-around, and `fancy-regex` runs it by backtracking, which a long value
//! can drive to its step limit. But a look-ahead right after `^` is only ever tried at the
//! start of the value, and a look-behind right before `$` only at its end, so each is a
//! condition on the whole value that a `regex` pattern of its own decides in linear time:
//!
//! | in the pattern | the value must |
//! |---|---|
//! | `^(?=X)…` | match `^(?:X)` |
//! | `^(?!X)…` | not match `^(?:X)` |
//! | `…(?<=X)$` | match `(?:X)$` |
//! | `…(?<!X)$` | not match `(?:X)$` |
//!
//! and the rest of the pattern, with those groups cut out, must match as before. A
//! look-ahead that ends in Java's `$` (`^(?!\s*$)…`: at the end, or before a final line
//! terminator, which is itself look-around in the Rust dialect) becomes `^(?:X)\z`, tried on
//! the value and on the value without its final line terminator ([`LookAround::line_end`]).
//! The
//! conditions look at fixed positions (0 and the end), with the whole value in view, so they
//! do not depend on each other nor on how the rest matches: the split is exact, not an
//! approximation. It is made only where that reasoning holds: the look-around sits among
//! anchors at the top level of the pattern (through plain `(?:…)` groups), no `|` or bare
//! flag group (`(?i)`) changes what the top level means, and every part compiles with
//! `regex`. Any other look-around stays with `fancy-regex`.
//!
//! The input is a translation (the `java` module's output, anchored), so the scanner below
//! only has to know the Rust dialect's group, class and escape syntax.

use std::ops::Range;

/// A pattern split into look-around conditions and the rest (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ends {
    /// The pattern with the look-around groups at its ends cut out: a value must match it.
    pub rest: String,
    /// The look-around groups, each as a pattern of its own.
    pub conditions: Vec<LookAround>,
}

/// One look-around group at an end of a pattern, as a condition on the whole value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LookAround {
    /// `^(?:X)` for a look-ahead `X` after `^`, `(?:X)$` for a look-behind `X` before `$`.
    pub regex: String,
    /// Whether the value must match it (`(?=…)`, `(?<=…)`) or must not (`(?!…)`, `(?<!…)`).
    pub must_match: bool,
    /// The look-ahead ended in Java's `$`: the value matches when [`Self::regex`] (then
    /// `^(?:X)\z`) matches it, or matches it without its final line terminator (`\r\n`, or one
    /// of `\n \r \u{85} \u{2028} \u{2029}`).
    pub line_end: bool,
}

/// What one element of a sequence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `^` or `\A`.
    Start,
    /// `$` or `\z`.
    End,
    /// `(?=…)` or `(?!…)`, not repeated.
    Ahead { negated: bool },
    /// `(?<=…)` or `(?<!…)`, not repeated.
    Behind { negated: bool },
    /// `(?:…)`, not repeated: grouping only.
    Plain,
    /// `(?flags)`: changes the meaning of what follows it.
    Flags,
    /// `|`.
    Alternation,
    /// Anything else: a character, a class, an escape, another group, a repetition.
    Other,
}

/// One element of a sequence: what it is, where it is, and where its group's body is.
#[derive(Debug, Clone)]
struct Atom {
    kind: Kind,
    span: Range<usize>,
    body: Range<usize>,
}

/// Splits the look-around at the ends of `translated` off into conditions; `None` when it
/// has none there, or when anything about it makes the split unsafe (see the module docs).
pub fn split(translated: &str) -> Option<Ends> {
    let atoms = flatten(translated, 0..translated.len())?;
    if atoms
        .iter()
        .any(|a| matches!(a.kind, Kind::Alternation | Kind::Flags))
    {
        return None;
    }
    let mut cut: Vec<&Atom> = Vec::new();
    let mut start = 0;
    let mut anchored = false;
    while let Some(atom) = atoms.get(start) {
        match atom.kind {
            Kind::Start => anchored = true,
            Kind::Ahead { .. } if anchored => cut.push(atom),
            _ => break,
        }
        start += 1;
    }
    let mut end = atoms.len();
    anchored = false;
    while end > start {
        let atom = &atoms[end - 1];
        match atom.kind {
            Kind::End => anchored = true,
            Kind::Behind { .. } if anchored => cut.push(atom),
            _ => break,
        }
        end -= 1;
    }
    if cut.is_empty() {
        return None;
    }
    let conditions: Vec<LookAround> = cut
        .iter()
        .map(|atom| {
            let body = &translated[atom.body.clone()];
            match atom.kind {
                Kind::Ahead { negated } => {
                    match before_java_dollar(translated, atom.body.clone()) {
                        Some(before) => LookAround {
                            regex: format!("^(?:{before})\\z"),
                            must_match: !negated,
                            line_end: true,
                        },
                        None => LookAround {
                            regex: format!("^(?:{body})"),
                            must_match: !negated,
                            line_end: false,
                        },
                    }
                }
                Kind::Behind { negated } => LookAround {
                    regex: format!("(?:{body})$"),
                    must_match: !negated,
                    line_end: false,
                },
                _ => unreachable!("only look-around is cut"),
            }
        })
        .collect();
    let mut spans: Vec<Range<usize>> = cut.iter().map(|a| a.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let mut rest = String::with_capacity(translated.len());
    let mut from = 0;
    for span in spans {
        rest.push_str(&translated[from..span.start]);
        from = span.end;
    }
    rest.push_str(&translated[from..]);
    let compiles = |p: &str| regex::Regex::new(p).is_ok();
    (compiles(&rest) && conditions.iter().all(|c| compiles(&c.regex)))
        .then_some(Ends { rest, conditions })
}

/// When the look-ahead body `s[body]` ends in Java's `$` (and nothing before it looks at
/// where the text ends): the body without it. Cut there, the text before the terminator is
/// all that part may see, so anything that asks about the end (`$`, `\z`, `\b`, `\B`) keeps
/// the body whole.
fn before_java_dollar(s: &str, body: Range<usize>) -> Option<&str> {
    let mut atoms = sequence(s, body.clone())?;
    // Under `|` the `$` ends one branch only; a bare flag group scopes what follows it.
    if atoms
        .iter()
        .any(|a| matches!(a.kind, Kind::Alternation | Kind::Flags))
    {
        return None;
    }
    let last = atoms.pop()?;
    if &s[last.span.clone()] != crate::java::DOLLAR || last.span.end != body.end {
        return None;
    }
    let before = &s[body.start..last.span.start];
    let asks_about_the_end = ["$", "\\z", "\\b", "\\B"]
        .iter()
        .any(|t| before.contains(t));
    (!asks_about_the_end).then_some(before)
}

/// The top-level sequence of `s[range]`, with plain groups that hold neither `|` nor a bare
/// flag group spliced into it (concatenation does not care about grouping).
fn flatten(s: &str, range: Range<usize>) -> Option<Vec<Atom>> {
    let mut out = Vec::new();
    for atom in sequence(s, range)? {
        if atom.kind == Kind::Plain {
            let inner = flatten(s, atom.body.clone())?;
            let splice = !inner
                .iter()
                .any(|a| matches!(a.kind, Kind::Alternation | Kind::Flags));
            if splice {
                out.extend(inner);
                continue;
            }
            out.push(Atom {
                kind: Kind::Other,
                ..atom
            });
            continue;
        }
        out.push(atom);
    }
    Some(out)
}

/// The elements of `s[range]` at its own top level; `None` where the syntax is not what the
/// translator writes (the caller then leaves the pattern whole).
fn sequence(s: &str, range: Range<usize>) -> Option<Vec<Atom>> {
    let bytes = s.as_bytes();
    let mut atoms: Vec<Atom> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let at = i;
        let (kind, body, next) = match bytes[i] {
            b'\\' => {
                let next = escape_end(s, i)?;
                let kind = match bytes.get(i + 1) {
                    Some(b'A') => Kind::Start,
                    Some(b'z') => Kind::End,
                    _ => Kind::Other,
                };
                (kind, 0..0, next)
            }
            b'[' => (Kind::Other, 0..0, class_end(s, i)?),
            b'(' => {
                let close = group_end(s, i)?;
                let (kind, open) = group_kind(s, i)?;
                (kind, open..close, close + 1)
            }
            b'|' => (Kind::Alternation, 0..0, i + 1),
            b'^' => (Kind::Start, 0..0, i + 1),
            b'$' => (Kind::End, 0..0, i + 1),
            b'*' | b'+' | b'?' | b'{' => {
                // A repetition: the element before it is no longer a plain one.
                let next = if bytes[i] == b'{' {
                    i + 1 + s[i + 1..].find('}')? + 1
                } else {
                    i + 1
                };
                let next = if bytes.get(next) == Some(&b'?') {
                    next + 1
                } else {
                    next
                };
                let last = atoms.last_mut()?;
                last.kind = Kind::Other;
                last.span.end = next;
                i = next;
                continue;
            }
            _ => (Kind::Other, 0..0, i + s[i..].chars().next()?.len_utf8()),
        };
        if next > range.end {
            return None;
        }
        atoms.push(Atom {
            kind,
            span: at..next,
            body,
        });
        i = next;
    }
    Some(atoms)
}

/// The kind of the group opening at `open`, and where its body starts.
fn group_kind(s: &str, open: usize) -> Option<(Kind, usize)> {
    let after = &s[open + 1..];
    let prefixes = [
        ("?:", Kind::Plain),
        ("?=", Kind::Ahead { negated: false }),
        ("?!", Kind::Ahead { negated: true }),
        ("?<=", Kind::Behind { negated: false }),
        ("?<!", Kind::Behind { negated: true }),
    ];
    for (prefix, kind) in prefixes {
        if after.starts_with(prefix) {
            return Some((kind, open + 1 + prefix.len()));
        }
    }
    if let Some(flags) = after.strip_prefix('?') {
        // `(?flags)` or `(?flags:…)`; named groups (`(?P<n>…)`, `(?<n>…)`) capture.
        let letters = flags
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'-');
        let n = letters.count();
        match flags.as_bytes().get(n) {
            Some(b')') => return Some((Kind::Flags, open + 2 + n)),
            _ => return Some((Kind::Other, open + 1)),
        }
    }
    Some((Kind::Other, open + 1))
}

/// Just past the escape starting at `i` (`\x`, `\x{…}`, `\p{…}`, `\u{…}`, …).
fn escape_end(s: &str, i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let letter = *bytes.get(i + 1)?;
    if matches!(letter, b'x' | b'u' | b'U' | b'p' | b'P') && bytes.get(i + 2) == Some(&b'{') {
        let close = bytes[i + 2..].iter().position(|&b| b == b'}')?;
        return Some(i + 2 + close + 1);
    }
    // One character, which may be more than one byte.
    Some(i + 1 + s[i + 1..].chars().next()?.len_utf8())
}

/// Just past the bracketed class opening at `i` (classes nest; a `]` first is literal).
fn class_end(s: &str, i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0;
    let mut j = i;
    while j < bytes.len() {
        match bytes[j] {
            b'[' => {
                depth += 1;
                j += 1;
                if bytes.get(j) == Some(&b'^') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b']') {
                    j += 1;
                }
                continue;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            b'\\' => {
                j = escape_end(s, j)?;
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// The index of the `)` that closes the group opening at `i`.
fn group_end(s: &str, i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0;
    let mut j = i;
    while j < bytes.len() {
        match bytes[j] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            b'[' => {
                j = class_end(s, j)?;
                continue;
            }
            b'\\' => {
                j = escape_end(s, j)?;
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(translated: &str) -> Option<(String, Vec<(String, bool)>)> {
        split(translated).map(|e| {
            let conditions = e
                .conditions
                .into_iter()
                .map(|c| (c.regex, c.must_match))
                .collect();
            (e.rest, conditions)
        })
    }

    #[test]
    fn a_look_behind_before_the_end() {
        assert_eq!(
            parts(r"^(?:^[0-9A-Za-z.\-_]*(?<!\.)$)$"),
            Some((
                r"^(?:^[0-9A-Za-z.\-_]*$)$".to_owned(),
                vec![(r"(?:\.)$".to_owned(), false)]
            ))
        );
    }

    #[test]
    fn look_aheads_after_the_start() {
        assert_eq!(
            parts(r"^(?:^(?!\s*$)(?=[a-z]).+)$"),
            Some((
                r"^(?:^.+)$".to_owned(),
                vec![
                    (r"^(?:\s*$)".to_owned(), false),
                    (r"^(?:[a-z])".to_owned(), true)
                ]
            ))
        );
        assert_eq!(
            parts(r"^(?:(?<=a)b)$"),
            None,
            "a look-behind at the start is not a condition on the end"
        );
    }

    #[test]
    fn a_look_ahead_ending_in_java_dollar_is_tried_before_the_line_terminator() {
        let dollar = crate::java::DOLLAR;
        let split = split(&format!(r"^(?:^(?![ \t]*{dollar}).+)$")).expect("split");
        assert_eq!(split.rest, r"^(?:^.+)$");
        assert_eq!(
            split.conditions,
            [LookAround {
                regex: r"^(?:[ \t]*)\z".to_owned(),
                must_match: false,
                line_end: true,
            }]
        );
        // Only when the `$` ends the look-ahead, and nothing before it looks at the end.
        assert_eq!(parts(&format!(r"^(?:^(?!(?:a{dollar})b).+)$")), None);
        assert_eq!(parts(&format!(r"^(?:^(?!a\b{dollar}).+)$")), None);
        // Under `|`, the `$` ends the last branch only.
        assert_eq!(parts(&format!(r"^(?:^(?!a|b{dollar}).+)$")), None);
    }

    #[test]
    fn look_around_elsewhere_stays_whole() {
        // Not at an anchored end.
        assert_eq!(parts(r"^(?:a(?=b)b)$"), None);
        assert_eq!(parts(r"(?=a)a"), None);
        assert_eq!(parts(r"a(?<!b)"), None);
        // Repeated: tried at many positions.
        assert_eq!(parts(r"^(?:(?=a)*b)$"), None);
        // Under an alternation, the anchors hold for one branch only.
        assert_eq!(parts(r"^(?:(?=a)a|b)$"), None);
        assert_eq!(parts(r"^(?=a)a|b$"), None);
        // A flag group changes what follows; nested look-around does not compile alone.
        assert_eq!(parts(r"^(?:(?i)(?=a)a)$"), None);
        assert_eq!(parts(r"^(?:(?=a(?=b))ab)$"), None);
        // No look-around at all.
        assert_eq!(parts(r"^(?:[a-z]+)$"), None);
    }

    #[test]
    fn classes_escapes_and_groups_are_read_whole() {
        assert_eq!(
            parts(r"^(?:[)(\]]\p{L}\x{29}(a|b)(?P<n>c)(?i:d)(?<![\])]))$"),
            Some((
                r"^(?:[)(\]]\p{L}\x{29}(a|b)(?P<n>c)(?i:d))$".to_owned(),
                vec![(r"(?:[\])])$".to_owned(), false)]
            ))
        );
        assert_eq!(
            parts(r"^(?:[]a](?=é)é)$"),
            None,
            "not right after the start"
        );
        assert_eq!(
            parts(r"^(?=é)(?:[]a]é)$"),
            Some((
                r"^(?:[]a]é)$".to_owned(),
                vec![(r"^(?:é)".to_owned(), true)]
            ))
        );
    }
}
