//! Java's regular expressions (`java.util.regex.Pattern`, Java 17) read as `Pattern.compile`
//! reads them, and written in the Rust dialect that `regex` and `fancy-regex` share.
//!
//! The reader follows Java's parser step by step where the two dialects part:
//! - `\w \d \s \h \v` are Java's ASCII (or fixed) sets; POSIX names are ASCII; other
//!   `\p{…}` names are looked up as Java looks them up ([`crate::props`]).
//! - Escapes: octal `\0n`/`\0nn`/`\0mnn`, `\xhh`, `\x{h…}`, `\uhhhh` (a `\u` high surrogate
//!   followed by a `\u` low surrogate is one supplementary character, as in Java), `\cX`,
//!   `\a`, `\e`; any other escaped non-letter is itself (`\<` is `<`, not a word boundary).
//! - In a class, `-` after a class escape or property (`[\w-.]`) is a literal; `&&`
//!   intersects; `[` nests; `]` right after `[` or `[^` is a literal.
//! - Code points Java can name but no Rust string holds (unpaired surrogates) match nothing,
//!   which is what they match in a well-formed Java string too.
//! - `.` excludes Java's line terminators (`\n \r \u0085 \u2028 \u2029`, only `\n` under
//!   `(?d)`); `(?i)` folds ASCII only unless `(?u)` is also set; `(?x)` comments and `\Q…\E`
//!   quotes are resolved here.
//! - `$` and `\Z` also match before a final line terminator. Where nothing can follow them
//!   (the usual `…$`) that cannot change a full match, so they stay the plain end anchor;
//!   elsewhere they become the equivalent look-arounds.
//! - A quantifier on an anchor or look-around is the item itself (`$+`) or makes it optional
//!   (`$?`); a counted repetition right after a quantifier repeats nothing (`a{2}{3}` is
//!   `a{2}`); a repeated `\R` keeps its first choice; possessive quantifiers are atomic
//!   groups.
//!
//! What Java rejects is rejected with Java's reason; what Java accepts but neither engine can
//! express (`\X`, `\G`, `\N{…}`, `(?U)`, `(?c)`, and a few `&&` forms Java reads oddly) is
//! reported as unsupported.
//!
//! Known differences: the Unicode data is the `regex` crate's, newer than Java 17's Unicode
//! 13 (characters assigned or re-classified since then answer differently); `\b` uses Unicode
//! word characters (Java 17: letters, digits and `_`); `(?iu)` folds case as Unicode's simple
//! folding does (Java also folds `ı` and `İ`); and some look-behinds Java refuses as
//! unbounded (`(?<=x(ab)*)`) are accepted, since `fancy-regex` can run them.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

use crate::fail::Fail;
use crate::props::{self, SPACE};
use crate::set::{
    NOTHING, Set, is_surrogate, push_ascii_case_partners, push_char, push_class_char, push_range,
};

/// Java's `\w` without `UNICODE_CHARACTER_CLASS`.
pub(crate) const WORD: &str = "0-9A-Za-z_";
/// Java's `\d`.
pub(crate) const DIGIT: &str = "0-9";
/// Java's `\h`.
const HSPACE: &str = r" \t\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
/// Java's `\v` (outside a range).
const VSPACE: &str = r"\n\x0B\f\r\x{85}\x{2028}\x{2029}";
/// Java's `.`: anything but a line terminator.
const DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";
/// Java's `\R`: `\r\n` or one vertical space (it may give back the `\n`, as Java's does).
const LINEBREAK: &str = r"(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])";
/// Java's `$`/`\Z` (not multiline): at the end, or before a final `\r\n` or line terminator
/// (but not between `\r` and `\n`).
pub(crate) const DOLLAR: &str =
    r"(?:\z|(?=\r\n\z)|(?<!\r)(?=\n\z)|(?=[\r\x{85}\x{2028}\x{2029}]\z))";
/// `$`/`\Z` under `(?d)`: only `\n` ends a line.
const UNIX_DOLLAR: &str = r"(?:\z|(?=\n\z))";
/// Multiline `$`: before any line terminator (not between `\r` and `\n`), or at the end.
const MULTILINE_DOLLAR: &str = r"(?:\z|(?<!\r)(?=\n)|(?=[\r\x{85}\x{2028}\x{2029}]))";
const MULTILINE_UNIX_DOLLAR: &str = r"(?:\z|(?=\n))";
/// Multiline `^`: at the start or after a line terminator (not between `\r` and `\n`), but
/// never at the end of the input.
const MULTILINE_CARET: &str = r"(?:(?!\z)(?:\A|(?<=[\n\x{85}\x{2028}\x{2029}])|(?<=\r)(?!\n)))";
const MULTILINE_UNIX_CARET: &str = r"(?:(?!\z)(?:\A|(?<=\n)))";

/// Deepest nesting of classes and groups read (deeper input is refused, not overflowed).
const MAX_DEPTH: usize = 200;

/// Translates a Java pattern to the Rust dialect (see the module docs).
pub(crate) fn translate(java: &str) -> Result<String, Fail> {
    let mut p = Parser::new(java);
    p.run()?;
    Ok(p.out)
}

/// Inline flags that change how the rest of a group reads.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// `(?i)`: case-insensitive.
    i: bool,
    /// `(?u)`: with `i`, Unicode case folding.
    u: bool,
    /// `(?s)`: `.` matches everything.
    s: bool,
    /// `(?d)`: only `\n` ends a line.
    d: bool,
    /// `(?m)`: `^` and `$` at line boundaries.
    m: bool,
    /// `(?x)`: whitespace and `#` comments are ignored.
    x: bool,
}

struct Frame {
    /// Flags to restore when the group closes.
    saved: Flags,
    /// Where the group starts in the output.
    start: usize,
    /// A look-around: it consumes nothing.
    zero_width: bool,
    /// Whether anything inside can consume characters (else the group is zero-width too).
    consumes: bool,
    lookbehind: bool,
}

/// What the last item was, for quantifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing to repeat: the start of a sequence.
    Start,
    /// Something that consumes characters.
    Atom,
    /// An atom already repeated.
    Quantified,
    /// An anchor or look-around.
    ZeroWidth,
}

/// What an escape stands for.
enum Esc {
    Char(u32),
    Set(Set),
}

struct Parser {
    /// The pattern's characters; `true` beside those quoted by `\Q…\E` (always literals).
    units: Vec<(char, bool)>,
    pos: usize,
    out: String,
    flags: Flags,
    frames: Vec<Frame>,
    /// Capturing groups opened so far, and in the whole pattern.
    captures: u32,
    total_captures: u32,
    names: Vec<String>,
    last: Last,
    /// Where the last item starts in the output (what a quantifier applies to).
    last_start: usize,
    /// The last item is `\R`, which Java does not backtrack into when it is repeated.
    linebreak: bool,
}

impl Parser {
    fn new(java: &str) -> Parser {
        let units = unquote(java);
        let total_captures = count_captures(&units);
        Parser {
            units,
            pos: 0,
            out: String::with_capacity(java.len() + 16),
            flags: Flags::default(),
            frames: Vec::new(),
            captures: 0,
            total_captures,
            names: Vec::new(),
            last: Last::Start,
            last_start: 0,
            linebreak: false,
        }
    }

    /// The unit `k` places ahead.
    fn at(&self, k: usize) -> Option<(char, bool)> {
        self.units.get(self.pos + k).copied()
    }

    /// The character `k` places ahead unless it is quoted.
    fn raw(&self, k: usize) -> Option<char> {
        self.at(k).and_then(|(c, quoted)| (!quoted).then_some(c))
    }

    /// The character `k` places ahead, quoted or not.
    fn any(&self, k: usize) -> Option<char> {
        self.at(k).map(|(c, _)| c)
    }

    /// Skips whitespace and `#` comments under `(?x)`.
    fn skip_ignored(&mut self) {
        if !self.flags.x {
            return;
        }
        while let Some(c) = self.raw(0) {
            if is_java_space(c) {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.any(0) {
                    if is_line_end(c, self.flags.d) {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn run(&mut self) -> Result<(), Fail> {
        loop {
            self.skip_ignored();
            let Some((c, quoted)) = self.at(0) else {
                break;
            };
            if quoted {
                self.pos += 1;
                self.last_start = self.out.len();
                self.linebreak = false;
                self.literal(u32::from(c));
                continue;
            }
            if !matches!(c, '*' | '+' | '?' | '{' | ')') {
                self.last_start = self.out.len();
                self.linebreak = false;
            }
            match c {
                '\\' => self.escape()?,
                '[' => {
                    self.pos += 1;
                    let set = self.class(true, 0)?;
                    self.out.push_str(&set.to_class());
                    self.atom_done();
                }
                '(' => self.open()?,
                ')' => self.close()?,
                '|' => {
                    self.pos += 1;
                    self.out.push('|');
                    self.last = Last::Start;
                }
                '^' => {
                    self.pos += 1;
                    self.out.push_str(match (self.flags.m, self.flags.d) {
                        (false, _) => "^",
                        (true, false) => MULTILINE_CARET,
                        (true, true) => MULTILINE_UNIX_CARET,
                    });
                    self.last = Last::ZeroWidth;
                }
                '$' => {
                    self.pos += 1;
                    self.dollar(self.flags.m);
                }
                '.' => {
                    self.pos += 1;
                    self.out.push_str(match (self.flags.s, self.flags.d) {
                        (true, _) => "(?s:.)",
                        (false, true) => r"[^\n]",
                        (false, false) => DOT,
                    });
                    self.atom_done();
                }
                '*' | '+' | '?' | '{' => self.quantifier(c)?,
                _ => {
                    self.pos += 1;
                    self.literal(u32::from(c));
                }
            }
        }
        if !self.frames.is_empty() {
            return Err(Fail::invalid("unclosed group"));
        }
        Ok(())
    }

    /// One literal character (case-folded under `(?i)`).
    fn literal(&mut self, c: u32) {
        let mut alone = String::new();
        push_class_char(&mut alone, c);
        let set = self.char_set(c);
        if is_surrogate(c) {
            // Only an unpaired surrogate would match, and no Rust string has one.
            self.out.push_str(NOTHING);
        } else if set.as_item() == alone {
            push_char(&mut self.out, c);
        } else {
            // Case partners under `(?i)`.
            self.out.push_str(&set.to_class());
        }
        self.atom_done();
    }

    /// `c` as a set, with its case partners under `(?i)`.
    fn char_set(&self, c: u32) -> Set {
        self.range_set(c, c)
    }

    /// `lo..=hi` as a set, with case partners under `(?i)`.
    fn range_set(&self, lo: u32, hi: u32) -> Set {
        let mut items = String::new();
        push_range(&mut items, lo, hi);
        if self.flags.i && self.flags.u {
            items = unicode_case_closure(lo, hi);
        } else if self.flags.i {
            push_ascii_case_partners(&mut items, lo, hi);
        }
        Set::of(items)
    }

    /// `$` (or `\Z`, never multiline).
    fn dollar(&mut self, multiline: bool) {
        let text = if !multiline && self.nothing_consumes_after() {
            // Matching before a final terminator would leave it unconsumed.
            "$"
        } else {
            match (multiline, self.flags.d) {
                (false, false) => DOLLAR,
                (false, true) => UNIX_DOLLAR,
                (true, false) => MULTILINE_DOLLAR,
                (true, true) => MULTILINE_UNIX_DOLLAR,
            }
        };
        self.out.push_str(text);
        self.last = Last::ZeroWidth;
    }

    /// Whether the pattern after the current position can only end here: closing parens,
    /// other `$`, and alternatives that are skipped over.
    fn nothing_consumes_after(&self) -> bool {
        let mut j = self.pos;
        // Bounded, so that many `$|` stay linear; past it the look-around form is kept.
        let limit = self.pos.saturating_add(4096);
        while let Some(&(c, quoted)) = self.units.get(j) {
            if j > limit {
                return false;
            }
            if quoted {
                return false;
            }
            match c {
                ')' | '$' => j += 1,
                '|' => j = skip_to_group_end(&self.units, j, limit),
                c if self.flags.x && is_java_space(c) => j += 1,
                _ => return false,
            }
        }
        true
    }

    fn quantifier(&mut self, c: char) -> Result<(), Fail> {
        let dangling = || Fail::invalid(format!("dangling meta character `{c}`"));
        let (text, min) = if c == '{' {
            self.counted()?
        } else {
            self.pos += 1;
            (c.to_string(), u64::from(c == '+'))
        };
        self.skip_ignored();
        let suffix = match self.raw(0) {
            Some(suffix @ ('?' | '+')) => {
                // Lazy or possessive.
                self.pos += 1;
                Some(suffix)
            }
            _ => None,
        };
        if self.linebreak && self.last == Last::Atom {
            // Java repeats `\R` as a unit that keeps its first choice (`\r\n` over `\r`).
            self.out.insert_str(self.last_start, "(?>");
            self.out.push(')');
        }
        match self.last {
            // `X*+` is `(?>X*)`: written as an atomic group, because the `regex` crate would
            // read `X{2}+` as `(?:X{2})+`.
            Last::Atom if suffix == Some('+') => {
                self.out.insert_str(self.last_start, "(?>");
                self.out.push_str(&text);
                self.out.push(')');
            }
            Last::Atom => {
                self.out.push_str(&text);
                self.out.extend(suffix);
            }
            // Java repeats an empty sequence here: `a{2}{3}` is `a{2}`.
            Last::Start | Last::Quantified if c == '{' => {}
            Last::Start | Last::Quantified => return Err(dangling()),
            // A repeated anchor or look-around is itself (at least once) or optional.
            Last::ZeroWidth if min == 0 => {
                let (first, second) = if suffix == Some('?') {
                    ("(?:|", ")")
                } else {
                    ("(?:", "|)")
                };
                self.out.insert_str(self.last_start, first);
                self.out.push_str(second);
            }
            Last::ZeroWidth => {}
        }
        self.last = Last::Quantified;
        Ok(())
    }

    /// `{n}`, `{n,}` or `{n,m}`, read as Java's `curly` reads it.
    fn counted(&mut self) -> Result<(String, u64), Fail> {
        if !self.raw(1).is_some_and(|c| c.is_ascii_digit()) {
            return Err(Fail::invalid("illegal repetition"));
        }
        self.pos += 1;
        let min = self.number();
        self.skip_ignored();
        let text = match self.raw(0) {
            Some('}') => format!("{{{min}}}"),
            Some(',') => {
                self.pos += 1;
                self.skip_ignored();
                if self.raw(0) == Some('}') {
                    if min > MAX_REPS {
                        return Err(Fail::invalid("illegal repetition range"));
                    }
                    format!("{{{min},}}")
                } else {
                    let max = self.number();
                    self.skip_ignored();
                    if self.raw(0) != Some('}') {
                        return Err(Fail::invalid("unclosed counted closure"));
                    }
                    if max < min || max > MAX_REPS {
                        return Err(Fail::invalid("illegal repetition range"));
                    }
                    format!("{{{min},{max}}}")
                }
            }
            _ => return Err(Fail::invalid("unclosed counted closure")),
        };
        if min > MAX_REPS {
            return Err(Fail::invalid("illegal repetition range"));
        }
        self.pos += 1;
        Ok((text, min))
    }

    /// Decimal digits (saturating far above Java's limit).
    fn number(&mut self) -> u64 {
        let mut n: u64 = 0;
        while let Some(d) = self.raw(0).and_then(|c| c.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(u64::from(d));
            self.pos += 1;
            self.skip_ignored();
        }
        n
    }

    /// Whether the innermost look-around is a look-behind (Java measures what a look-behind
    /// matches, but not what a look-ahead inside it does).
    fn in_lookbehind(&self) -> bool {
        self.frames
            .iter()
            .rev()
            .find(|f| f.zero_width)
            .is_some_and(|f| f.lookbehind)
    }

    fn open(&mut self) -> Result<(), Fail> {
        if self.frames.len() >= MAX_DEPTH {
            return Err(Fail::unsupported(format!(
                "groups nested deeper than {MAX_DEPTH}"
            )));
        }
        self.pos += 1;
        let saved = self.flags;
        let mut frame = Frame {
            saved,
            start: self.out.len(),
            zero_width: false,
            consumes: false,
            lookbehind: false,
        };
        if self.raw(0) != Some('?') {
            self.captures += 1;
            self.out.push('(');
            self.frames.push(frame);
            self.last = Last::Start;
            return Ok(());
        }
        self.pos += 1;
        let head = match self.raw(0) {
            Some(':') => "(?:".to_owned(),
            Some('>') => "(?>".to_owned(),
            Some(c @ ('=' | '!')) => {
                frame.zero_width = true;
                format!("(?{c}")
            }
            Some('<') if matches!(self.raw(1), Some('=' | '!')) => {
                self.pos += 1;
                frame.zero_width = true;
                frame.lookbehind = true;
                format!("(?<{}", self.raw(0).unwrap_or('='))
            }
            Some('<') => {
                self.pos += 1;
                let name = self.group_name()?;
                if self.names.contains(&name) {
                    return Err(Fail::invalid(format!(
                        "named capturing group <{name}> is already defined"
                    )));
                }
                self.names.push(name.clone());
                self.captures += 1;
                self.frames.push(frame);
                self.out.push_str(&format!("(?<{name}>"));
                self.last = Last::Start;
                return Ok(());
            }
            Some('$' | '@') => return Err(Fail::invalid("unknown group type")),
            _ => {
                self.inline_flags()?;
                match self.raw(0) {
                    Some(')') => {
                        // Flags alone: they hold to the end of the enclosing group.
                        self.pos += 1;
                        self.last = Last::Start;
                        return Ok(());
                    }
                    Some(':') => "(?:".to_owned(),
                    _ => return Err(Fail::invalid("unknown inline modifier")),
                }
            }
        };
        self.pos += 1;
        self.out.push_str(&head);
        self.frames.push(frame);
        self.last = Last::Start;
        Ok(())
    }

    /// A group name: an ASCII letter, then ASCII letters and digits, then `>`.
    fn group_name(&mut self) -> Result<String, Fail> {
        if !self.raw(0).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Err(Fail::invalid(
                "capturing group name does not start with a Latin letter",
            ));
        }
        let mut name = String::new();
        while let Some(c) = self.raw(0).filter(char::is_ascii_alphanumeric) {
            name.push(c);
            self.pos += 1;
        }
        if self.raw(0) != Some('>') {
            return Err(Fail::invalid(
                "named capturing group is missing trailing '>'",
            ));
        }
        self.pos += 1;
        Ok(name)
    }

    /// `imsdux` flags, then optionally `-` and flags to clear (Java's `addFlag`).
    fn inline_flags(&mut self) -> Result<(), Fail> {
        let mut on = true;
        while let Some(c) = self.raw(0) {
            let flag = match c {
                'i' => &mut self.flags.i,
                'u' => &mut self.flags.u,
                's' => &mut self.flags.s,
                'd' => &mut self.flags.d,
                'm' => &mut self.flags.m,
                'x' => &mut self.flags.x,
                'U' => {
                    return Err(Fail::unsupported(
                        "`(?U)` (Unicode `\\w`, `\\d`, `\\s` and POSIX classes)",
                    ));
                }
                'c' => return Err(Fail::unsupported("`(?c)` (canonical equivalence)")),
                '-' if on => {
                    on = false;
                    self.pos += 1;
                    continue;
                }
                _ => return Ok(()),
            };
            *flag = on;
            self.pos += 1;
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        let Some(frame) = self.frames.pop() else {
            return Err(Fail::invalid("unmatched closing ')'"));
        };
        self.flags = frame.saved;
        self.out.push(')');
        self.last_start = frame.start;
        if frame.zero_width || !frame.consumes {
            self.last = Last::ZeroWidth;
        } else {
            self.atom_done();
        }
        Ok(())
    }

    /// An item that consumes characters ended.
    fn atom_done(&mut self) {
        self.last = Last::Atom;
        if let Some(frame) = self.frames.last_mut() {
            frame.consumes = true;
        }
    }

    /// An escape outside a class (at the `\`).
    fn escape(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        let Some((c, _)) = self.at(0) else {
            return Err(Fail::invalid("a lone `\\` at the end of the pattern"));
        };
        match c {
            '1'..='9' => {
                self.pos += 1;
                return self.backref(c.to_digit(10).unwrap_or(1));
            }
            'A' | 'B' | 'z' => {
                self.pos += 1;
                self.out.push('\\');
                self.out.push(c);
                self.last = Last::ZeroWidth;
            }
            'b' => {
                self.pos += 1;
                if self.raw(0) == Some('{') && self.raw(1) == Some('g') && self.raw(2) == Some('}')
                {
                    return Err(Fail::unsupported("`\\b{g}` (grapheme cluster boundaries)"));
                }
                // Java 17's word characters are letters, digits and `_`; Rust's `\b` uses
                // Unicode word characters, which agree on every letter and digit.
                self.out.push_str(r"\b");
                self.last = Last::ZeroWidth;
            }
            'Z' => {
                self.pos += 1;
                self.dollar(false);
            }
            'R' => {
                self.pos += 1;
                self.out.push_str(LINEBREAK);
                self.atom_done();
                self.linebreak = true;
            }
            'G' => return Err(Fail::unsupported("`\\G` (end of the previous match)")),
            'X' => return Err(Fail::unsupported("`\\X` (grapheme clusters)")),
            'k' => {
                self.pos += 1;
                if self.raw(0) != Some('<') {
                    return Err(Fail::invalid(
                        "\\k is not followed by '<' for named capturing group",
                    ));
                }
                self.pos += 1;
                let name = self.group_name()?;
                if !self.names.contains(&name) {
                    return Err(Fail::invalid(format!(
                        "named capturing group <{name}> does not exist"
                    )));
                }
                self.check_backref()?;
                self.out.push_str(&format!(r"\k<{name}>"));
                self.atom_done();
            }
            _ => match self.escape_common(false, false)? {
                Esc::Char(c) => self.literal(c),
                Esc::Set(set) => {
                    self.out.push_str(&set.to_class());
                    self.atom_done();
                }
            },
        }
        Ok(())
    }

    /// A back-reference `\n`: more digits join while they still name an opened group.
    fn backref(&mut self, first: u32) -> Result<(), Fail> {
        let mut n = first;
        while let Some(d) = self.raw(0).and_then(|c| c.to_digit(10)) {
            let longer = n.saturating_mul(10).saturating_add(d);
            if longer > self.captures {
                break;
            }
            n = longer;
            self.pos += 1;
        }
        self.check_backref()?;
        if n > self.total_captures {
            // Java accepts a reference to a group that does not exist; it never matches.
            self.out.push_str(NOTHING);
        } else {
            self.out.push_str(&format!(r"(?:\{n})"));
        }
        self.atom_done();
        Ok(())
    }

    fn check_backref(&self) -> Result<(), Fail> {
        if self.in_lookbehind() {
            return Err(Fail::invalid(
                "look-behind group does not have an obvious maximum length",
            ));
        }
        if self.flags.i {
            return Err(Fail::unsupported("a back-reference under `(?i)`"));
        }
        Ok(())
    }

    /// The escapes that mean the same in and out of classes (at the letter). `range_end`:
    /// the escape ends a range, where `\v` is a character and sets are not allowed.
    fn escape_common(&mut self, in_class: bool, range_end: bool) -> Result<Esc, Fail> {
        let Some((c, _)) = self.at(0) else {
            return Err(Fail::invalid(if in_class {
                "unclosed character class"
            } else {
                "a lone `\\` at the end of the pattern"
            }));
        };
        self.pos += 1;
        let set = |items: &str, negated: bool| {
            let set = Set::of(items);
            Ok(Esc::Set(if negated { set.negate() } else { set }))
        };
        match c {
            '0' => self.octal().map(Esc::Char),
            'a' => Ok(Esc::Char(0x07)),
            'e' => Ok(Esc::Char(0x1B)),
            'f' => Ok(Esc::Char(0x0C)),
            'n' => Ok(Esc::Char(0x0A)),
            'r' => Ok(Esc::Char(0x0D)),
            't' => Ok(Esc::Char(0x09)),
            'c' => match self.any(0) {
                Some(x) => {
                    self.pos += 1;
                    Ok(Esc::Char(u32::from(x) ^ 64))
                }
                None => Err(Fail::invalid("illegal control escape sequence")),
            },
            'u' => self.unicode().map(Esc::Char),
            'x' => self.hex().map(Esc::Char),
            'v' if range_end || (in_class && self.raw(0) == Some('-')) => Ok(Esc::Char(0x0B)),
            'd' | 'D' => set(DIGIT, c == 'D'),
            's' | 'S' => set(SPACE, c == 'S'),
            'w' | 'W' => set(WORD, c == 'W'),
            'h' | 'H' => set(HSPACE, c == 'H'),
            'v' | 'V' => set(VSPACE, c == 'V'),
            'p' | 'P' if !range_end => self.property(c == 'P').map(Esc::Set),
            'N' => Err(Fail::unsupported("`\\N{…}` (characters by name)")),
            c if c.is_ascii_alphanumeric() => Err(Fail::invalid(format!(
                "illegal/unsupported escape sequence `\\{c}`"
            ))),
            c => Ok(Esc::Char(u32::from(c))),
        }
    }

    /// `\0n`, `\0nn` or `\0mnn` (m ≤ 3), after the `0`.
    fn octal(&mut self) -> Result<u32, Fail> {
        let digit = |k: usize| self.any(k).and_then(|c| c.to_digit(8));
        let Some(n) = digit(0) else {
            return Err(Fail::invalid("illegal octal escape sequence"));
        };
        match (digit(1), digit(2)) {
            (Some(m), Some(o)) if n <= 3 => {
                self.pos += 3;
                Ok(n * 64 + m * 8 + o)
            }
            (Some(m), _) => {
                self.pos += 2;
                Ok(n * 8 + m)
            }
            _ => {
                self.pos += 1;
                Ok(n)
            }
        }
    }

    /// `\xhh` or `\x{h…}`, after the `x`.
    fn hex(&mut self) -> Result<u32, Fail> {
        let digit = |k: usize| self.any(k).and_then(|c| c.to_digit(16));
        if let (Some(a), Some(b)) = (digit(0), digit(1)) {
            self.pos += 2;
            return Ok(a * 16 + b);
        }
        if self.raw(0) == Some('{') && digit(1).is_some() {
            self.pos += 1;
            let mut code: u32 = 0;
            while let Some(d) = self.any(0).and_then(|c| c.to_digit(16)) {
                code = code * 16 + d;
                if code > 0x10_FFFF {
                    return Err(Fail::invalid("hexadecimal codepoint is too big"));
                }
                self.pos += 1;
            }
            if self.raw(0) != Some('}') {
                return Err(Fail::invalid("unclosed hexadecimal escape sequence"));
            }
            self.pos += 1;
            return Ok(code);
        }
        Err(Fail::invalid("illegal hexadecimal escape sequence"))
    }

    /// `\uhhhh`, after the `u`; a high surrogate followed by `\u` and a low surrogate is one
    /// supplementary code point (Java's `u()`).
    fn unicode(&mut self) -> Result<u32, Fail> {
        let high = self.four_hex()?;
        if (0xD800..=0xDBFF).contains(&high)
            && self.raw(0) == Some('\\')
            && self.raw(1) == Some('u')
        {
            let back = self.pos;
            self.pos += 2;
            let low = self.four_hex()?;
            if (0xDC00..=0xDFFF).contains(&low) {
                return Ok(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
            }
            self.pos = back;
        }
        Ok(high)
    }

    fn four_hex(&mut self) -> Result<u32, Fail> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(d) = self.any(0).and_then(|c| c.to_digit(16)) else {
                return Err(Fail::invalid("illegal Unicode escape sequence"));
            };
            code = code * 16 + d;
            self.pos += 1;
        }
        Ok(code)
    }

    /// `{Name}` or a one-letter name after `\p`/`\P`.
    fn property(&mut self, negated: bool) -> Result<Set, Fail> {
        self.skip_ignored();
        let name: String = if self.raw(0) == Some('{') {
            let rest = &self.units[self.pos + 1..];
            let Some(end) = rest.iter().position(|&(c, _)| c == '}') else {
                return Err(Fail::invalid("unclosed character family"));
            };
            if end == 0 {
                return Err(Fail::invalid("empty character family"));
            }
            self.pos += end + 2;
            rest[..end].iter().map(|&(c, _)| c).collect()
        } else {
            match self.any(0) {
                Some(c) => {
                    self.pos += 1;
                    c.to_string()
                }
                None => return Err(Fail::invalid("unknown character property name `{ }`")),
            }
        };
        let set = props::family(&name, self.flags.i)?;
        Ok(if negated { set.negate() } else { set })
    }

    /// A character class, as Java's `clazz`: after its `[` when `bracketed`; otherwise the
    /// right operand of `&&`, which ends before `]` (not consumed).
    fn class(&mut self, bracketed: bool, depth: usize) -> Result<Set, Fail> {
        if depth >= MAX_DEPTH {
            return Err(Fail::unsupported(format!(
                "character classes nested deeper than {MAX_DEPTH}"
            )));
        }
        let unclosed = || Fail::invalid("unclosed character class");
        let mut negated = false;
        if bracketed && self.raw(0) == Some('^') {
            self.pos += 1;
            negated = true;
        }
        let mut acc: Option<Set> = None;
        loop {
            self.skip_ignored();
            let Some((c, quoted)) = self.at(0) else {
                return Err(unclosed());
            };
            if !quoted {
                match c {
                    '[' => {
                        self.pos += 1;
                        let inner = self.class(true, depth + 1)?;
                        acc = Some(union(acc, &inner));
                        continue;
                    }
                    '&' if self.raw(1) == Some('&') => {
                        self.pos += 2;
                        let right = self.intersection_operand(depth)?;
                        acc = Some(match (acc, right) {
                            (None, None) => return Err(Fail::invalid("bad class syntax")),
                            (Some(_), None) => {
                                return Err(Fail::unsupported(
                                    "`&&` with nothing after it, which Java reads in an \
                                     unusual way",
                                ));
                            }
                            (None, Some(right)) => right,
                            (Some(left), Some(right)) => left.intersect(&right),
                        });
                        continue;
                    }
                    ']' if acc.is_some() => {
                        if bracketed {
                            self.pos += 1;
                        }
                        let set = acc.unwrap_or_default();
                        return Ok(if negated { set.negate() } else { set });
                    }
                    _ => {}
                }
            }
            let item = self.class_item()?;
            acc = Some(union(acc, &item));
        }
    }

    /// The right side of `&&`: nested classes and items up to the class's `]`.
    fn intersection_operand(&mut self, depth: usize) -> Result<Option<Set>, Fail> {
        let mut right: Option<Set> = None;
        loop {
            self.skip_ignored();
            match self.at(0) {
                None => return Err(Fail::invalid("unclosed character class")),
                Some((']', false)) => return Ok(right),
                Some(('&', false)) => {
                    // Java keeps adding later characters to a set it already intersected.
                    return Err(Fail::unsupported(
                        "`&` right after the operand of `&&`, which Java reads in an unusual way",
                    ));
                }
                Some(('[', false)) => {
                    self.pos += 1;
                    let inner = self.class(true, depth + 1)?;
                    right = Some(union(right, &inner));
                }
                Some(_) => {
                    let inner = self.class(false, depth + 1)?;
                    right = Some(union(right, &inner));
                }
            }
        }
    }

    /// One item of a class: a character, a range, an escape or a property (Java's `range`).
    fn class_item(&mut self) -> Result<Set, Fail> {
        let start = match self.at(0) {
            Some(('\\', false)) => {
                self.pos += 1;
                match self.escape_common(true, false)? {
                    Esc::Char(c) => c,
                    // A set ends the item: a `-` after it is a literal.
                    Esc::Set(set) => return Ok(set),
                }
            }
            Some((c, _)) => {
                self.pos += 1;
                u32::from(c)
            }
            None => return Err(Fail::invalid("unclosed character class")),
        };
        self.skip_ignored();
        if self.raw(0) == Some('-') && !matches!(self.at(1), None | Some(('[' | ']', false))) {
            self.pos += 1;
            self.skip_ignored();
            let end = match self.at(0) {
                Some(('\\', false)) => {
                    self.pos += 1;
                    match self.escape_common(true, true)? {
                        Esc::Char(c) => c,
                        Esc::Set(_) => return Err(Fail::invalid("illegal character range")),
                    }
                }
                Some((c, _)) => {
                    self.pos += 1;
                    u32::from(c)
                }
                None => return Err(Fail::invalid("unclosed character class")),
            };
            if end < start {
                return Err(Fail::invalid("illegal character range"));
            }
            return Ok(self.range_set(start, end));
        }
        Ok(self.char_set(start))
    }
}

/// Java's largest repetition count.
const MAX_REPS: u64 = 0x7FFF_FFFF;

fn union(acc: Option<Set>, item: &Set) -> Set {
    match acc {
        Some(set) => set.union(item),
        None => item.clone(),
    }
}

/// Java's whitespace under `(?x)`.
fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// What ends a `#` comment under `(?x)`.
fn is_line_end(c: char, unix_lines: bool) -> bool {
    if unix_lines {
        c == '\n'
    } else {
        matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
    }
}

/// Resolves `\Q…\E` as Java's `RemoveQEQuoting` does: quoted characters are literals.
fn unquote(java: &str) -> Vec<(char, bool)> {
    let chars: Vec<char> = java.chars().collect();
    let mut units = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('\\', Some('Q')) => {
                i += 2;
                while i < chars.len() {
                    if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                        i += 2;
                        break;
                    }
                    units.push((chars[i], true));
                    i += 1;
                }
            }
            ('\\', Some(&next)) => {
                units.push(('\\', false));
                units.push((next, false));
                i += 2;
            }
            (c, _) => {
                units.push((c, false));
                i += 1;
            }
        }
    }
    units
}

/// Capturing groups in the whole pattern (`(` not followed by `?`, and `(?<name>`).
fn count_captures(units: &[(char, bool)]) -> u32 {
    let mut n = 0u32;
    let mut j = 0;
    while let Some(&(c, quoted)) = units.get(j) {
        if quoted {
            j += 1;
            continue;
        }
        match c {
            '\\' => j += 2,
            '[' => j = skip_class(units, j, usize::MAX),
            '(' => {
                let next = |k: usize| units.get(j + k).filter(|u| !u.1).map(|u| u.0);
                let named = next(1) == Some('?')
                    && next(2) == Some('<')
                    && !matches!(next(3), Some('=' | '!'));
                if next(1) != Some('?') || named {
                    n = n.saturating_add(1);
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    n
}

/// From `|` at `j`: the index of the `)` that closes the current group (or the end, or
/// past `limit`).
fn skip_to_group_end(units: &[(char, bool)], mut j: usize, limit: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&(c, quoted)) = units.get(j) {
        if j > limit {
            return j;
        }
        if quoted {
            j += 1;
            continue;
        }
        match c {
            '\\' => j += 2,
            '[' => j = skip_class(units, j, limit),
            '(' => {
                depth += 1;
                j += 1;
            }
            ')' if depth == 0 => return j,
            ')' => {
                depth -= 1;
                j += 1;
            }
            _ => j += 1,
        }
    }
    j
}

/// From `[` at `j`: the index after the class's `]` (or the end, or past `limit`).
fn skip_class(units: &[(char, bool)], mut j: usize, limit: usize) -> usize {
    let mut depth = 0usize;
    // Whether the next character is the first of a class (where `]` is a literal).
    let mut first = false;
    while let Some(&(c, quoted)) = units.get(j) {
        if j > limit {
            return j;
        }
        j += 1;
        if quoted {
            first = false;
            continue;
        }
        match c {
            '\\' => {
                j += 1;
                first = false;
            }
            '[' => {
                depth += 1;
                first = true;
                if units.get(j) == Some(&('^', false)) {
                    j += 1;
                }
            }
            ']' if !first => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => first = false,
        }
    }
    j
}

/// `lo..=hi` and everything simple case folding maps into it (`(?iu)`), as class items.
fn unicode_case_closure(lo: u32, hi: u32) -> String {
    let mut pieces = Vec::new();
    for (a, b) in [(lo, hi.min(0xD7FF)), (lo.max(0xE000), hi)] {
        if let (Some(a), Some(b)) = (char::from_u32(a), char::from_u32(b))
            && a <= b
        {
            pieces.push(ClassUnicodeRange::new(a, b));
        }
    }
    let mut class = ClassUnicode::new(pieces);
    class.case_fold_simple();
    let mut items = String::new();
    for r in class.ranges() {
        push_range(&mut items, u32::from(r.start()), u32::from(r.end()));
    }
    items
}
