//! A JSON reader for the request and response paths of generated crates.
//!
//! Generated types implement [`Read`] with plain, non-generic functions that call this
//! reader. The reason is build time: reading every request and response type through
//! `serde_json::from_slice` instantiates serde_json's deserializer once per type inside the
//! generated crate, which is most of its release build. The reader is compiled once, here.
//!
//! A reader made with [`Reader::checking`] (the request path) also checks constraints as
//! it goes, in one pass: each structure is checked as soon as it is read, at the path the
//! reader is at, and a missing required member is reported (`Value null at …`) and stood
//! in for, so reading goes on and every violation is reported together, as AWS does. A
//! structure's check leaves the structures inside it alone (they were checked when read)
//! and skips its own stand-ins, so each value is checked once and nothing needs undoing:
//! however many members a hostile body leaves out, the cost stays linear. Wrong types and
//! malformed JSON are errors that name where they happened.
//!
//! The accepted language is exactly what `serde_json::from_slice` accepts for the same
//! type through its serde impl (a differential test holds the two together):
//! - typed values: RFC 8259 JSON, UTF-8 strings with paired surrogates, numbers in range
//!   (`-0` is a float, as in serde_json), at most 127 levels of nesting;
//! - unknown members are skipped the way serde_json ignores them (`IgnoredAny`): only the
//!   grammar is checked, so invalid UTF-8, lone surrogates or `1e400` inside a skipped
//!   member are accepted, and their nesting has no limit (they are walked without
//!   recursion, in time and memory linear in their length);
//! - no trailing characters; `null` reads as an absent member;
//! - wire forms chosen per member (`crate::wire`) read here as their serde impls read them:
//!   `"NaN"`, `"Infinity"` and `"-Infinity"` for floats of AWS JSON, timestamps in RFC 3339
//!   or HTTP-date text; documents (`crate::document`) keep each number's text as written.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use crate::path::{Path, Segment, push_segment};
use crate::placeholder::Placeholder;
use crate::timestamp::Timestamp;
use crate::validate::{Constraint, ShownValue, Validate, ValidationErrors};

/// Containers a typed value may nest: serde_json's recursion limit (it gives up on the
/// 128th level).
const MAX_DEPTH: u32 = 127;

/// One step of the path to a value.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(&'static str),
    /// A member of an `additionalProperties` map, whose name is only known at run time.
    Key(Box<str>),
    Index(usize),
    MapValue(usize),
}

/// Renders steps stored innermost first.
fn render(path_rev: &[Step]) -> String {
    let steps: Vec<Step> = path_rev.iter().rev().cloned().collect();
    let mut out = String::new();
    write_steps(&mut out, &steps);
    out
}

/// Writes steps stored outermost first in AWS's dotted form.
fn write_steps(out: &mut String, steps: &[Step]) {
    for (i, step) in steps.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_segment(
            out,
            match step {
                Step::Field(f) => Segment::Field(f),
                Step::Key(k) => Segment::Field(k),
                Step::Index(i) => Segment::Index(*i),
                Step::MapValue(i) => Segment::MapValue(*i),
            },
        );
    }
}

/// What kind of failure a read ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Not JSON (including a body cut short).
    Syntax,
    /// JSON, but a value of the wrong type or out of range.
    Data,
}

/// A failed read: what, where in the text, and in which member.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    category: Category,
    message: String,
    line: usize,
    column: usize,
    /// Innermost first: steps are added as the error travels out.
    path_rev: Vec<Step>,
}

impl Error {
    /// Syntax or data.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The message without position, e.g. ``invalid type: integer `5`, expected a string``.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// 1-based line of the failure.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Column of the failure (bytes from the start of the line).
    pub fn column(&self) -> usize {
        self.column
    }

    /// The member being read, as a validation path (`userAttributes.1.member.name`); empty
    /// at the top level.
    pub fn path(&self) -> String {
        render(&self.path_rev)
    }

    #[cold]
    fn within(mut self, step: Step) -> Self {
        self.path_rev.push(step);
        self
    }

    /// The same failure as a `serde_json::Error` (syntax errors by serde_json itself, so
    /// that they classify and locate the same way).
    #[cold]
    pub fn into_serde(self, input: &[u8]) -> serde_json::Error {
        if self.category == Category::Syntax
            && let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(input)
        {
            return e;
        }
        let path = self.path();
        let located = if path.is_empty() {
            self.to_string()
        } else {
            format!("{self} (in '{path}')")
        };
        <serde_json::Error as serde::de::Error>::custom(located)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// A value readable from JSON by [`Reader`].
pub trait Read: Sized {
    /// Whether [`Read::read`] checks the value's constraints itself when the reader checks
    /// ([`Reader::check`]): generated structures and unions do. Containers of such values
    /// leave them alone when they are checked in the same read.
    const CHECKS_ITSELF: bool = false;

    /// Reads one value at the reader's position.
    fn read(r: &mut Reader<'_>) -> Result<Self, Error>;
}

/// The first required member found missing by a strict read (which reports it as an
/// error).
#[derive(Debug, Clone)]
struct Missing {
    wire: &'static str,
    /// Steps of the object it was missing from, outermost first.
    parent: Vec<Step>,
}

/// Where a reader is inside an object or array: before the first entry or after one.
#[derive(Debug, Default)]
pub struct Entries {
    started: bool,
}

/// Reads JSON text into generated types (see the module docs).
#[derive(Debug)]
pub struct Reader<'a> {
    input: &'a [u8],
    pos: usize,
    depth: u32,
    /// Steps from the document to the value being read, outermost first.
    path: Vec<Step>,
    /// Strict reads: the first missing required member.
    first_missing: Option<Missing>,
    /// Checking reads: the report so far.
    checking: Option<Box<ValidationErrors>>,
    /// Checking reads: path names of the required members missing from the structure
    /// being finished (its stand-ins).
    object_missing: Vec<&'static str>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A JSON number as serde_json classifies it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `input` that also checks constraints (see the module
    /// docs); [`Reader::take_errors`] gives the report.
    pub fn checking(input: &'a [u8]) -> Self {
        let mut r = Reader::new(input);
        r.checking = Some(Box::default());
        r
    }

    /// Whether this reader checks constraints.
    #[inline]
    pub fn is_checking(&self) -> bool {
        self.checking.is_some()
    }

    /// The report of a checking read (empty for other readers).
    pub fn take_errors(&mut self) -> ValidationErrors {
        self.checking.take().map(|e| *e).unwrap_or_default()
    }

    /// Checks a value just read, at the reader's path, when the reader checks: a
    /// structure (`deep == false`) skips its stand-ins and the structures inside it,
    /// which were checked when they were read; a union (`deep == true`, read whole
    /// through serde) is checked all the way down. Generated `Read` impls call this last.
    #[inline]
    pub fn check<T: Validate>(&mut self, value: &T, deep: bool) {
        if self.checking.is_some() {
            self.check_now(value, deep);
        }
    }

    // Through `dyn`: one copy for every type instead of one per type.
    #[inline(never)]
    fn check_now(&mut self, value: &dyn CheckAt, deep: bool) {
        let Reader {
            checking,
            path,
            object_missing,
            ..
        } = self;
        if let Some(errors) = checking {
            errors.begin_check(object_missing, deep);
            with_path(path, Path::ROOT, &mut |at| value.check_at(at, errors));
            errors.end_check();
        }
        object_missing.clear();
    }

    /// A reader at the start of `input`.
    pub fn new(input: &'a [u8]) -> Self {
        Reader {
            input,
            pos: 0,
            depth: 0,
            path: Vec::new(),
            first_missing: None,
            checking: None,
            object_missing: Vec::new(),
        }
    }

    /// The next byte that is not whitespace, without consuming it.
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.input.get(self.pos) {
            if is_ws(b) {
                self.pos += 1;
            } else {
                return Some(b);
            }
        }
        None
    }

    #[cold]
    fn error_at(&self, category: Category, message: impl Into<String>, pos: usize) -> Error {
        let pos = pos.min(self.input.len());
        let before = &self.input[..pos];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            category,
            message: message.into(),
            line,
            column: pos - line_start,
            path_rev: Vec::new(),
        }
    }

    #[cold]
    pub(crate) fn syntax(&self, message: &str) -> Error {
        self.error_at(Category::Syntax, message, self.pos + 1)
    }

    #[cold]
    pub(crate) fn eof(&self, what: &str) -> Error {
        self.error_at(
            Category::Syntax,
            format!("EOF while parsing {what}"),
            self.input.len(),
        )
    }

    /// A type error describing the value at the current position.
    #[cold]
    fn invalid_type(&mut self, expected: &str) -> Error {
        let found = match self.peek() {
            None => return self.eof("a value"),
            Some(b'n') => match self.literal(b"null") {
                Ok(()) => "null".to_owned(),
                Err(e) => return e,
            },
            Some(b't') => match self.literal(b"true") {
                Ok(()) => "boolean `true`".to_owned(),
                Err(e) => return e,
            },
            Some(b'f') => match self.literal(b"false") {
                Ok(()) => "boolean `false`".to_owned(),
                Err(e) => return e,
            },
            Some(b'"') => match self.string() {
                Ok(s) => format!("string {s:?}"),
                Err(e) => return e,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(Number::Int(i)) => format!("integer `{i}`"),
                Ok(Number::UInt(u)) => format!("integer `{u}`"),
                Ok(Number::Float(f)) => format!("floating point `{}`", float_text(f)),
                Err(e) => return e,
            },
            Some(b'{') => {
                self.pos += 1;
                "map".to_owned()
            }
            Some(b'[') => {
                self.pos += 1;
                "sequence".to_owned()
            }
            Some(_) => return self.syntax("expected value"),
        };
        self.error_at(
            Category::Data,
            format!("invalid type: {found}, expected {expected}"),
            self.pos,
        )
    }

    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        match self.input.get(self.pos..self.pos + word.len()) {
            Some(s) if s == word => {
                self.pos += word.len();
                Ok(())
            }
            _ => {
                // Find how far it matched, for the position of the error.
                let have = &self.input[self.pos..];
                let same = have.iter().zip(word).take_while(|(a, b)| a == b).count();
                if same == have.len() {
                    Err(self.eof("a value"))
                } else {
                    self.pos += same;
                    Err(self.syntax("expected ident"))
                }
            }
        }
    }

    /// Reads a string at `"`, borrowing it when it has no escapes.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        debug_assert_eq!(self.input.get(self.pos), Some(&b'"'));
        self.pos += 1;
        let start = self.pos;
        let input = self.input;
        // Eight bytes at a time while none is a quote, a backslash or a control character
        // (most strings), noting whether any is beyond ASCII.
        let mut high = 0u64;
        while let Some(chunk) = input.get(self.pos..self.pos + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            if needs_attention(w) {
                break;
            }
            high |= w;
            self.pos += 8;
        }
        let words_end = self.pos;
        while let Some(&b) = input.get(self.pos) {
            match b {
                b'"' => {
                    let raw = &input[start..self.pos];
                    self.pos += 1;
                    if high & 0x8080_8080_8080_8080 == 0 && raw[words_end - start..].is_ascii() {
                        // SAFETY: every byte of `raw` is below 0x80 (the words by `high`, the
                        // rest by `is_ascii`), and ASCII is valid UTF-8.
                        return Ok(Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(raw) }));
                    }
                    return match std::str::from_utf8(raw) {
                        Ok(s) => Ok(Cow::Borrowed(s)),
                        Err(e) => Err(self.error_at(
                            Category::Syntax,
                            "invalid unicode code point",
                            start + e.valid_up_to() + 1,
                        )),
                    };
                }
                b'\\' => break,
                0..=0x1f => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => self.pos += 1,
            }
        }
        if self.pos >= input.len() {
            return Err(self.eof("a string"));
        }
        self.string_with_escapes(start)
    }

    #[cold]
    fn string_with_escapes(&mut self, start: usize) -> Result<Cow<'a, str>, Error> {
        let input = self.input;
        let mut out: Vec<u8> = input[start..self.pos].to_vec();
        loop {
            let Some(&b) = input.get(self.pos) else {
                return Err(self.eof("a string"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return match String::from_utf8(out) {
                        Ok(s) => Ok(Cow::Owned(s)),
                        Err(_) => Err(self.syntax("invalid unicode code point")),
                    };
                }
                b'\\' => {
                    self.pos += 1;
                    let Some(&e) = input.get(self.pos) else {
                        return Err(self.eof("a string"));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push(b'"'),
                        b'\\' => out.push(b'\\'),
                        b'/' => out.push(b'/'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.syntax("invalid escape"));
                        }
                    }
                }
                0..=0x1f => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u16, Error> {
        let Some(digits) = self.input.get(self.pos..self.pos + 4) else {
            return Err(self.eof("a string"));
        };
        let mut v: u16 = 0;
        for &d in digits {
            let n = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.syntax("invalid escape")),
            };
            v = v * 16 + u16::from(n);
        }
        self.pos += 4;
        Ok(v)
    }

    /// After `\u`: one code point, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.input.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.syntax("lone leading surrogate in hex escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.syntax("lone leading surrogate in hex escape"));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.syntax("lone trailing surrogate in hex escape")),
            c => u32::from(c),
        };
        char::from_u32(code).ok_or_else(|| self.syntax("invalid unicode code point"))
    }

    /// Skips one or more digits (of a fraction or an exponent).
    fn digits(&mut self) -> Result<(), Error> {
        let input = self.input;
        if !matches!(input.get(self.pos), Some(b'0'..=b'9')) {
            return Err(if self.pos >= input.len() {
                self.eof("a value")
            } else {
                self.syntax("invalid number")
            });
        }
        while matches!(input.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        Ok(())
    }

    /// Reads a number at `-` or a digit, following JSON's grammar.
    pub(crate) fn number(&mut self) -> Result<Number, Error> {
        let start = self.pos;
        let input = self.input;
        let negative = input.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match input.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                // A leading zero may not be followed by more digits (`01`).
                if matches!(input.get(self.pos), Some(b'0'..=b'9')) {
                    return Err(self.syntax("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(input.get(self.pos), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            Some(_) => return Err(self.syntax("invalid number")),
            None => return Err(self.eof("a value")),
        }
        let int_end = self.pos;
        let mut float = false;
        if input.get(self.pos) == Some(&b'.') {
            float = true;
            self.pos += 1;
            self.digits()?;
        }
        if matches!(input.get(self.pos), Some(b'e' | b'E')) {
            float = true;
            self.pos += 1;
            if matches!(input.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        let text = std::str::from_utf8(&input[start..self.pos]).unwrap_or("0");
        if !float {
            let digits = &input[int_start..int_end];
            if digits.len() <= 19 {
                let mut v: u64 = 0;
                for &d in digits {
                    v = v * 10 + u64::from(d - b'0');
                }
                if negative {
                    // `-0` is a float in serde_json (`-0.0`), so it is no integer here either.
                    if v == 0 {
                        return Ok(Number::Float(-0.0));
                    }
                    if v <= i64::MAX as u64 + 1 {
                        return Ok(Number::Int((v as i64).wrapping_neg()));
                    }
                } else {
                    return Ok(if v <= i64::MAX as u64 {
                        Number::Int(v as i64)
                    } else {
                        Number::UInt(v)
                    });
                }
            } else if !negative && let Ok(v) = text.parse::<u64>() {
                return Ok(Number::UInt(v));
            }
        }
        // Out of integer range, or written with a fraction or exponent.
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Number::Float(f)),
            _ => Err(self.error_at(Category::Syntax, "number out of range", self.pos)),
        }
    }

    /// Skips `null` if it is next; `true` when it did.
    #[inline]
    pub fn take_null(&mut self) -> Result<bool, Error> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Enters an object; `expected` names the type for error messages (`a SignUpRequest
    /// object`).
    #[inline]
    pub fn begin_object(&mut self, expected: &str) -> Result<Entries, Error> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        Ok(Entries::default())
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.pos += 1;
        Ok(())
    }

    /// The next member name of the object, or `None` at its end.
    // Not inlined: it is called from every structure's `read`, and one copy serves all.
    #[inline(never)]
    pub fn next_key(&mut self, entries: &mut Entries) -> Result<Option<Cow<'a, str>>, Error> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if entries.started => {
                self.pos += 1;
                if self.peek() != Some(b'"') {
                    return Err(match self.peek() {
                        None => self.eof("an object"),
                        Some(b'}') => self.syntax("trailing comma"),
                        Some(_) => self.syntax("key must be a string"),
                    });
                }
            }
            Some(b'"') if !entries.started => {}
            None => return Err(self.eof("an object")),
            Some(_) if entries.started => return Err(self.syntax("expected `,` or `}`")),
            Some(_) => return Err(self.syntax("key must be a string")),
        }
        entries.started = true;
        let key = self.string()?;
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(Some(key))
            }
            None => Err(self.eof("an object")),
            Some(_) => Err(self.syntax("expected `:`")),
        }
    }

    /// Enters an array; `expected` names it for error messages.
    #[inline]
    pub fn begin_array(&mut self, expected: &str) -> Result<Entries, Error> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        Ok(Entries::default())
    }

    /// Whether another element follows (and moves to it), or the array ends.
    #[inline]
    pub fn next_element(&mut self, entries: &mut Entries) -> Result<bool, Error> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if entries.started => {
                self.pos += 1;
                match self.peek() {
                    Some(b']') => Err(self.syntax("trailing comma")),
                    None => Err(self.eof("a list")),
                    Some(_) => Ok(true),
                }
            }
            None => Err(self.eof("a list")),
            Some(_) if entries.started => Err(self.syntax("expected `,` or `]`")),
            Some(_) => {
                entries.started = true;
                Ok(true)
            }
        }
    }

    /// Skips the value of a member the type does not know, as serde_json ignores one
    /// (`IgnoredAny`): the grammar is checked, nothing else (see the module docs). Nested
    /// containers are tracked on a heap stack, so no input can exhaust the call stack.
    pub fn skip_value(&mut self) -> Result<(), Error> {
        // The open containers, innermost last: `[` or `{`.
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value starts here.
            match self.peek() {
                None => return Err(self.eof("a value")),
                Some(b'n') => self.literal(b"null")?,
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'"') => self.skip_string()?,
                Some(b'-' | b'0'..=b'9') => self.skip_number()?,
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(b'[');
                        continue;
                    }
                }
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(b'{');
                        self.skip_key()?;
                        continue;
                    }
                }
                Some(_) => return Err(self.syntax("expected value")),
            }
            // A value ended: close what ends here, or move to the next entry.
            loop {
                let Some(&frame) = open.last() else {
                    return Ok(());
                };
                match (self.peek(), frame) {
                    (Some(b','), b'{') => {
                        self.pos += 1;
                        self.skip_key()?;
                        break;
                    }
                    (Some(b','), _) => {
                        self.pos += 1;
                        break;
                    }
                    (Some(b']'), b'[') | (Some(b'}'), b'{') => {
                        self.pos += 1;
                        open.pop();
                    }
                    (None, b'[') => return Err(self.eof("a list")),
                    (None, _) => return Err(self.eof("an object")),
                    (Some(_), b'[') => return Err(self.syntax("expected `,` or `]`")),
                    (Some(_), _) => return Err(self.syntax("expected `,` or `}`")),
                }
            }
        }
    }

    /// Skips an object key of a skipped value and its `:`.
    fn skip_key(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'"') => self.skip_string()?,
            None => return Err(self.eof("an object")),
            Some(_) => return Err(self.syntax("key must be a string")),
        }
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.eof("an object")),
            Some(_) => Err(self.syntax("expected `:`")),
        }
    }

    /// Skips a string at `"` checking only its grammar: escapes well-formed, no control
    /// characters. Bytes are not checked for UTF-8 and `\u` escapes not for pairing, as
    /// serde_json does not for ignored strings.
    fn skip_string(&mut self) -> Result<(), Error> {
        self.pos += 1;
        let input = self.input;
        loop {
            while let Some(chunk) = input.get(self.pos..self.pos + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if needs_attention(u64::from_le_bytes(word)) {
                    break;
                }
                self.pos += 8;
            }
            let Some(&b) = input.get(self.pos) else {
                return Err(self.eof("a string"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\\' => {
                    self.pos += 1;
                    match input.get(self.pos) {
                        None => return Err(self.eof("a string")),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1;
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            self.hex4()?;
                        }
                        Some(_) => return Err(self.syntax("invalid escape")),
                    }
                }
                0..=0x1f => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips a number at `-` or a digit, checking its grammar but not its range.
    fn skip_number(&mut self) -> Result<(), Error> {
        let input = self.input;
        if input.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match input.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if matches!(input.get(self.pos), Some(b'0'..=b'9')) {
                    return Err(self.syntax("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(input.get(self.pos), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            Some(_) => return Err(self.syntax("invalid number")),
            None => return Err(self.eof("a value")),
        }
        if input.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if matches!(input.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(input.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        Ok(())
    }

    /// Skips one value as a typed read would check it (UTF-8, surrogates, number range,
    /// the nesting limit): for values kept as `serde_json::Value`, which serde_json reads
    /// strictly.
    fn skip_checked(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Err(self.eof("a value")),
            Some(b'n') => self.literal(b"null"),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'"') => self.string().map(|_| ()),
            Some(b'-' | b'0'..=b'9') => self.number().map(|_| ()),
            Some(b'{') => {
                let mut entries = self.begin_object("a map")?;
                while self.next_key(&mut entries)?.is_some() {
                    self.skip_checked()?;
                }
                Ok(())
            }
            Some(b'[') => {
                let mut entries = self.begin_array("a list")?;
                while self.next_element(&mut entries)? {
                    self.skip_checked()?;
                }
                Ok(())
            }
            Some(_) => Err(self.syntax("expected value")),
        }
    }

    /// Reads a string value.
    #[inline]
    pub fn str(&mut self, expected: &str) -> Result<Cow<'a, str>, Error> {
        if self.peek() == Some(b'"') {
            self.string()
        } else {
            Err(self.invalid_type(expected))
        }
    }

    fn int(&mut self, expected: &str, min: i64, max: i64) -> Result<i64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type(expected));
        }
        let start = self.pos;
        match self.number()? {
            Number::Int(i) if (min..=max).contains(&i) => Ok(i),
            Number::Int(i) => Err(self.error_at(
                Category::Data,
                format!("invalid value: integer `{i}`, expected {expected}"),
                self.pos,
            )),
            Number::UInt(u) => Err(self.error_at(
                Category::Data,
                format!("invalid value: integer `{u}`, expected {expected}"),
                self.pos,
            )),
            Number::Float(_) => {
                self.pos = start;
                Err(self.invalid_type(expected))
            }
        }
    }

    fn float(&mut self, expected: &str) -> Result<f64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type(expected));
        }
        Ok(match self.number()? {
            Number::Int(i) => i as f64,
            Number::UInt(u) => u as f64,
            Number::Float(f) => f,
        })
    }

    /// Reads a float of the AWS JSON protocols: a number, or one of the strings `"NaN"`,
    /// `"Infinity"` and `"-Infinity"` that carry the values JSON numbers cannot. Any other
    /// string is of the wrong type, worded as serde refuses it.
    pub fn float_or_non_finite(&mut self, expected: &str) -> Result<f64, Error> {
        if self.peek() != Some(b'"') {
            return self.float(expected);
        }
        let text = self.string()?;
        match crate::float::non_finite(&text) {
            Some(v) => Ok(v),
            None => Err(self.error_at(
                Category::Data,
                format!("invalid type: string {text:?}, expected {expected}"),
                self.pos,
            )),
        }
    }

    /// Reads a number at `-` or a digit: its text as written and its value.
    pub(crate) fn number_text(&mut self) -> Result<(&'a str, Number), Error> {
        let start = self.pos;
        let value = self.number()?;
        let input = self.input;
        // The number grammar admits ASCII only.
        let text = std::str::from_utf8(&input[start..self.pos]).unwrap_or("0");
        Ok((text, value))
    }

    /// A data error at the current position: `found` (as serde words it, e.g. `string
    /// "x"`) is not a valid `expected`.
    #[cold]
    pub fn invalid_value(&self, found: &dyn fmt::Display, expected: &str) -> Error {
        self.error_at(
            Category::Data,
            format!("invalid value: {found}, expected {expected}"),
            self.pos,
        )
    }

    /// Reads a JSON value of any shape into a `serde_json::Value`.
    pub fn value(&mut self) -> Result<serde_json::Value, Error> {
        self.peek();
        let start = self.pos;
        self.skip_checked()?;
        // Already checked: serde_json only builds the tree.
        serde_json::from_slice(&self.input[start..self.pos])
            .map_err(|e| self.error_at(Category::Syntax, e.to_string(), start))
    }

    /// Reads an object member's value; `null` reads as `None`. `path_name` is the member's
    /// name in validation paths (`clientId`).
    // Not inlined: one copy per member type keeps generated crates quick to build.
    #[inline(never)]
    pub fn member<T: Read>(&mut self, path_name: &'static str) -> Result<Option<T>, Error> {
        if self.take_null()? {
            return Ok(None);
        }
        self.nested(Step::Field(path_name)).map(Some)
    }

    /// Reads a value one step below the current one. Only the call of `T::read` depends
    /// on `T`; the bookkeeping is shared.
    ///
    /// The step stays on the reader's path while the value is read, so a member found
    /// missing inside it gets its whole path at once: each missing member costs one
    /// rendering, however deep it is and however many there are.
    #[inline]
    fn nested<T: Read>(&mut self, step: Step) -> Result<T, Error> {
        self.step_in(step);
        match T::read(self) {
            Ok(v) => {
                self.step_out();
                Ok(v)
            }
            Err(e) => Err(self.leave_with(e)),
        }
    }

    // Not inlined, like `step_out`: the path's bookkeeping is one copy, not one per type.
    #[inline(never)]
    fn step_in(&mut self, step: Step) {
        self.path.push(step);
    }

    #[inline(never)]
    fn step_out(&mut self) {
        self.path.pop();
    }

    /// Leaves the current step after an error, which then names it.
    #[cold]
    fn leave_with(&mut self, e: Error) -> Error {
        match self.path.pop() {
            Some(step) => e.within(step),
            None => e,
        }
    }

    /// Reads a member's value into its slot; `null` leaves it empty. A member given twice
    /// is refused (as serde's derive refuses it): keeping either value would silently drop
    /// the other. `path_name` is the member's name in validation paths (`clientId`).
    #[inline(never)]
    pub fn member_into<T: Read>(
        &mut self,
        slot: &mut Option<T>,
        wire_name: &'static str,
        path_name: &'static str,
    ) -> Result<(), Error> {
        if slot.is_some() {
            return Err(self.duplicate(wire_name));
        }
        *slot = self.member(path_name)?;
        Ok(())
    }

    #[cold]
    pub(crate) fn duplicate(&self, wire_name: &str) -> Error {
        self.error_at(
            Category::Data,
            format!("duplicate field `{wire_name}`"),
            self.pos,
        )
    }

    /// Reads the value of an undeclared member kept in an `additionalProperties` map.
    pub fn extra<T: Read>(&mut self, key: &str) -> Result<T, Error> {
        self.nested(Step::Key(key.into()))
    }

    /// Reads an undeclared member into the `additionalProperties` map. A name given twice
    /// keeps the last value, as serde does, unless the values check themselves while a
    /// checking reader reads them: then it is refused, since the first value's violations
    /// would be reported for a value that is gone.
    pub fn extra_into<T: Read>(
        &mut self,
        extra: &mut BTreeMap<String, T>,
        key: Cow<'_, str>,
    ) -> Result<(), Error> {
        if T::CHECKS_ITSELF && self.is_checking() && extra.contains_key(&*key) {
            return Err(self.duplicate(&key));
        }
        let value = self.extra(&key)?;
        extra.insert(key.into_owned(), value);
        Ok(())
    }

    /// Unwraps a required member; a missing one is recorded and stood in for.
    #[inline]
    pub fn required<T: Placeholder>(
        &mut self,
        value: Option<T>,
        wire_name: &'static str,
        path_name: &'static str,
    ) -> T {
        match value {
            Some(v) => v,
            None => self.missing_member(wire_name, path_name),
        }
    }

    #[cold]
    fn missing_member<T: Placeholder>(&mut self, wire: &'static str, path_name: &'static str) -> T {
        self.record_missing(wire, path_name);
        T::placeholder()
    }

    /// Records a missing required member: a violation for a checking reader, else the
    /// first one for [`Reader::missing_error`].
    #[cold]
    fn record_missing(&mut self, wire: &'static str, path_name: &'static str) {
        match &mut self.checking {
            Some(errors) => {
                self.object_missing.push(path_name);
                let steps = &self.path;
                errors.add_with(
                    &mut |out| {
                        write_steps(out, steps);
                        if !steps.is_empty() {
                            out.push('.');
                        }
                        out.push_str(path_name);
                    },
                    ShownValue::Null,
                    Constraint::Required,
                );
            }
            None => {
                if self.first_missing.is_none() {
                    self.first_missing = Some(Missing {
                        wire,
                        parent: self.path.clone(),
                    });
                }
            }
        }
    }

    /// A data error at the current position from another reader's message (a union read
    /// through serde).
    #[cold]
    pub fn invalid(&self, e: &dyn fmt::Display) -> Error {
        self.error_at(Category::Data, e.to_string(), self.pos)
    }

    /// Checks that nothing but whitespace follows the value.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing characters")),
        }
    }

    /// The first missing required member as an error (for reads without validation).
    pub fn missing_error(&self) -> Option<Error> {
        let first = self.first_missing.as_ref()?;
        let mut e = self.error_at(
            Category::Data,
            format!("missing field `{}`", first.wire),
            self.input.len(),
        );
        e.path_rev = first.parent.iter().rev().cloned().collect();
        Some(e)
    }
}

/// Calls `f` with `steps` (outermost first) as a [`Path`] below `at`, built on the stack.
fn with_path(steps: &[Step], at: Path<'_>, f: &mut dyn FnMut(Path<'_>)) {
    match steps.split_first() {
        None => f(at),
        Some((step, rest)) => {
            let next = match step {
                Step::Field(name) => at.field(name),
                Step::Key(key) => at.field(key),
                Step::Index(i) => at.index(i - 1),
                Step::MapValue(i) => at.map_value(i - 1),
            };
            with_path(rest, next, f)
        }
    }
}

/// Whether a word of eight bytes holds a `"`, a `\\` or a control character (< 0x20).
#[inline]
fn needs_attention(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let quote = has_zero(w ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(w ^ (ONES * u64::from(b'\\')));
    // Bytes below 0x20: subtracting 0x20 borrows into the high bit (ASCII bytes only, which
    // is all that matters: a byte >= 0x80 is never a control character).
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    quote | backslash | control != 0
}

/// serde_json's way of showing a float in messages (`1.0`, not `1`).
fn float_text(f: f64) -> String {
    let s = f.to_string();
    if s.contains(['.', 'e', 'E']) || !f.is_finite() {
        s
    } else {
        format!("{s}.0")
    }
}

/// Reads a whole document as `T`: the value, then nothing but whitespace. The reader is
/// returned for its record of missing members.
#[inline]
pub fn read_document<T: Read>(input: &[u8]) -> Result<(T, Reader<'_>), Error> {
    let mut r = Reader::new(input);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok((value, r))
}

/// Reads a document without validating it: a missing required member is an error.
pub fn from_slice<T: Read>(input: &[u8]) -> Result<T, serde_json::Error> {
    let mut value = None::<T>;
    read_strict(input, &mut value)?;
    value.ok_or_else(|| serde::de::Error::custom("no value was read"))
}

/// [`from_slice`] without its type: the reader's life is one copy for every type.
#[inline(never)]
fn read_strict(input: &[u8], slot: &mut dyn Slot) -> Result<(), serde_json::Error> {
    let mut r = Reader::new(input);
    slot.read_into(&mut r).map_err(|e| e.into_serde(input))?;
    r.finish_strict(input)
}

/// A place a value is read into, whatever its type: the code around a read (the reader's
/// creation, its end and its errors) is then written once, not once per type.
pub(crate) trait Slot {
    /// Reads a value from `r` into the slot.
    fn read_into(&mut self, r: &mut Reader<'_>) -> Result<(), Error>;
}

impl<T: Read> Slot for Option<T> {
    fn read_into(&mut self, r: &mut Reader<'_>) -> Result<(), Error> {
        *self = Some(T::read(r)?);
        Ok(())
    }
}

/// [`Validate::validate_at`] alone, so that checking through `dyn` brings no copy of the
/// trait's other methods per type.
pub(crate) trait CheckAt {
    fn check_at(&self, at: Path<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate> CheckAt for T {
    fn check_at(&self, at: Path<'_>, errors: &mut ValidationErrors) {
        self.validate_at(at, errors);
    }
}

impl Reader<'_> {
    /// After a strict read: nothing may follow, nothing may be missing.
    fn finish_strict(&mut self, input: &[u8]) -> Result<(), serde_json::Error> {
        if let Err(e) = self.end() {
            return Err(e.into_serde(input));
        }
        match self.missing_error() {
            None => Ok(()),
            Some(e) => Err(e.into_serde(input)),
        }
    }
}

impl Read for String {
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.str("a string").map(Cow::into_owned)
    }
}

impl Read for bool {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        match r.peek() {
            Some(b't') => r.literal(b"true").map(|()| true),
            Some(b'f') => r.literal(b"false").map(|()| false),
            _ => Err(r.invalid_type("a boolean")),
        }
    }
}

impl Read for i64 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.int("i64", i64::MIN, i64::MAX)
    }
}

impl Read for i32 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.int("i32", i64::from(i32::MIN), i64::from(i32::MAX))
            .map(|v| v as i32)
    }
}

impl Read for f64 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.float("f64")
    }
}

impl Read for f32 {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.float("f32").map(|v| v as f32)
    }
}

impl Read for Timestamp {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.float("a timestamp in epoch seconds (a JSON number)")
            .map(Timestamp::from_epoch_seconds)
    }
}

impl Read for serde_json::Value {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.value()
    }
}

impl<T: Read> Read for Box<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        T::read(r).map(Box::new)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        if r.take_null()? {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        let mut entries = r.begin_array("a list")?;
        let mut out = Vec::new();
        while r.next_element(&mut entries)? {
            let item = r.nested(Step::Index(out.len() + 1))?;
            out.push(item);
        }
        Ok(out)
    }
}

impl<T: Read> Read for BTreeMap<String, T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        if T::CHECKS_ITSELF && r.is_checking() {
            return read_map_in_key_order(r);
        }
        let mut entries = r.begin_object("a map")?;
        let mut out = Vec::new();
        while let Some(key) = r.next_key(&mut entries)? {
            let value = r.nested(Step::MapValue(out.len() + 1))?;
            out.push((key.into_owned(), value));
        }
        Ok(last_wins(out))
    }
}

/// A map of the entries in document order; a key given twice keeps its last value, as
/// serde's map impls do. Built in one sort and bulk load, which for a large map is much
/// kinder to the cache than inserting entry by entry.
fn last_wins<T>(mut entries: Vec<(String, T)>) -> BTreeMap<String, T> {
    // A stable sort keeps equal keys in document order; keep the last of each run.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut kept: Vec<(String, T)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        match kept.last_mut() {
            Some(last) if last.0 == key => last.1 = value,
            _ => kept.push((key, value)),
        }
    }
    kept.into_iter().collect()
}

/// Reads a map whose values check themselves as they are read. Checking numbers map
/// entries in key order (the order `validate()` walks a `BTreeMap`), and the values need
/// their numbers while they are read, so a first pass collects the keys. A key given
/// twice is refused: its first value's violations would be reported for a value that is
/// gone.
fn read_map_in_key_order<T: Read>(r: &mut Reader<'_>) -> Result<BTreeMap<String, T>, Error> {
    let (start, depth) = (r.pos, r.depth);
    let mut keys: Vec<String> = Vec::new();
    let scanned = (|| {
        let mut entries = r.begin_object("a map")?;
        while let Some(key) = r.next_key(&mut entries)? {
            keys.push(key.into_owned());
            r.skip_value()?;
        }
        Ok::<(), Error>(())
    })();
    (r.pos, r.depth) = (start, depth);
    if scanned.is_err() {
        // The read below meets the same error and reports it where it is.
        keys.clear();
    }
    keys.sort_unstable();
    keys.dedup();
    let mut entries = r.begin_object("a map")?;
    let mut out = BTreeMap::new();
    let mut position = 0;
    while let Some(key) = r.next_key(&mut entries)? {
        position += 1;
        if out.contains_key(&*key) {
            return Err(r.duplicate(&key));
        }
        let rank = keys
            .binary_search_by(|k| k.as_str().cmp(&key))
            .map_or(position, |i| i + 1);
        let value = r.nested(Step::MapValue(rank))?;
        out.insert(key.into_owned(), value);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Violation;

    #[derive(Debug, PartialEq)]
    struct Attr {
        name: String,
        value: Option<String>,
        count: Option<i32>,
    }

    impl Placeholder for Attr {
        fn placeholder() -> Self {
            Attr {
                name: String::new(),
                value: None,
                count: None,
            }
        }
    }

    impl Read for Attr {
        const CHECKS_ITSELF: bool = true;

        fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
            let mut entries = r.begin_object("an Attr object")?;
            let (mut name, mut value, mut count) = (None, None, None);
            while let Some(key) = r.next_key(&mut entries)? {
                match &*key {
                    "Name" => r.member_into(&mut name, "Name", "name")?,
                    "Value" => r.member_into(&mut value, "Value", "value")?,
                    "Count" => r.member_into(&mut count, "Count", "count")?,
                    _ => r.skip_value()?,
                }
            }
            let attr = Attr {
                name: r.required(name, "Name", "name"),
                value,
                count,
            };
            r.check(&attr, false);
            Ok(attr)
        }
    }

    /// `Name` is at least one character long; `Count` at most 10.
    impl Validate for Attr {
        fn validate_at(&self, path: Path<'_>, errors: &mut ValidationErrors) {
            let at = path.field("name");
            if !errors.is_stand_in(at) {
                crate::check::length(self.name.len(), Some(1), None, at, errors);
            }
            if let Some(count) = self.count {
                crate::check::int(count.into(), None, Some(10), path.field("count"), errors);
            }
        }
    }

    /// Reads with a checking reader: the value and the report's listed violations.
    fn read(json: &str) -> Result<(Vec<Attr>, Vec<String>), String> {
        let mut r = Reader::checking(json.as_bytes());
        match Vec::<Attr>::read(&mut r).and_then(|v| r.end().map(|()| v)) {
            Ok(v) => {
                let errors = r.take_errors().into_result().err().unwrap_or_default();
                Ok((v, errors.iter().map(ToString::to_string).collect()))
            }
            Err(e) => Err(format!("{} | {}", e.path(), e)),
        }
    }

    #[test]
    fn reads_members_and_skips_unknown_ones() {
        let (v, missing) = read(
            r#" [ {"Name": "a\"b\u00e9\ud83d\ude00", "Value": null, "X": [1, {"y": [true, -0.5e3]}], "Count": 7} ] "#,
        )
        .unwrap();
        assert!(missing.is_empty());
        assert_eq!(v[0].name, "a\"bé😀");
        assert_eq!(v[0].value, None);
        assert_eq!(v[0].count, Some(7));
    }

    #[test]
    fn reports_missing_members_and_checks_each_structure_once() {
        let (v, report) =
            read(r#"[{"Name":"a"},{"Value":"b"},{"Name":null,"Count":11},{"Name":"","Count":12}]"#)
                .unwrap();
        assert_eq!(v.len(), 4);
        // The stand-in for the missing name (an empty string) is not checked; the empty
        // name that was sent is.
        assert_eq!(
            report,
            [
                "Value null at '2.member.name' failed to satisfy constraint: Member must not be null",
                "Value '11' at '3.member.count' failed to satisfy constraint: Member must have value less than or equal to 10",
                "Value null at '3.member.name' failed to satisfy constraint: Member must not be null",
                "Value '12' at '4.member.count' failed to satisfy constraint: Member must have value less than or equal to 10",
                "Value at '4.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1",
            ]
        );
    }

    #[test]
    fn a_member_given_twice_is_refused() {
        let e = read(r#"[{"Name":"a","Name":"b"}]"#).unwrap_err();
        assert!(e.contains("duplicate field `Name`"), "{e}");
        // A `null` is no value: a member may follow it.
        assert!(read(r#"[{"Name":null,"Name":"b"}]"#).is_ok());
        assert!(read(r#"[{"Name":"a","Name":null}]"#).is_err());
    }

    #[test]
    fn a_map_key_given_twice_keeps_its_last_value() {
        let map: BTreeMap<String, i64> = from_slice(br#"{"b":1,"a":2,"b":3,"c":4,"a":5}"#).unwrap();
        let serde: BTreeMap<String, i64> =
            serde_json::from_slice(br#"{"b":1,"a":2,"b":3,"c":4,"a":5}"#).unwrap();
        assert_eq!(map, serde);
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [("a".into(), 5), ("b".into(), 3), ("c".into(), 4)]
        );
    }

    #[test]
    fn map_entries_are_numbered_in_key_order() {
        let mut r = Reader::checking(br#"{"zeta":{"Name":""},"alpha":{},"mid":{"Name":"x"}}"#);
        let map = BTreeMap::<String, Attr>::read(&mut r).unwrap();
        assert_eq!(map.len(), 3);
        let errors = r.take_errors().into_result().unwrap_err();
        let paths: Vec<&str> = errors.iter().map(Violation::path).collect();
        assert_eq!(paths, ["entry.1.value.name", "entry.3.value.name"]);
        let mut r = Reader::checking(br#"{"k":{"Name":"a"},"k":{"Name":"b"}}"#);
        let e = BTreeMap::<String, Attr>::read(&mut r).unwrap_err();
        assert_eq!(e.message(), "duplicate field `k`");
    }

    #[test]
    fn type_errors_name_the_member() {
        assert_eq!(
            read(r#"[{"Name":"a"},{"Name":5}]"#).unwrap_err(),
            "2.member.name | invalid type: integer `5`, expected a string at line 1 column 23"
        );
        assert_eq!(
            read(r#"[{"Name":"a","Count":3000000000}]"#).unwrap_err(),
            "1.member.count | invalid value: integer `3000000000`, expected i32 at line 1 column 31"
        );
        assert_eq!(
            read(r#"[{"Name":"a","Count":1.5}]"#).unwrap_err(),
            "1.member.count | invalid type: floating point `1.5`, expected i32 at line 1 column 24"
        );
        assert_eq!(
            read(r#"{"Name":"a"}"#).unwrap_err(),
            " | invalid type: map, expected a list at line 1 column 1"
        );
    }

    #[test]
    fn syntax_errors() {
        for (text, message) in [
            ("", "EOF while parsing a value"),
            ("[", "EOF while parsing a list"),
            (r#"[{"Name":"a"}"#, "EOF while parsing a list"),
            (r#"[{"Name" "a"}]"#, "expected `:`"),
            (r#"[{"Name":"a",}]"#, "trailing comma"),
            (r#"[{"Name":"a"} {}]"#, "expected `,` or `]`"),
            (r#"[{"Name":"a\q"}]"#, "invalid escape"),
            ("[{\"Name\":\"a\u{1}\"}]", "control character"),
            (r#"[{"Name":"a", "Count": 01}]"#, "invalid number"),
            (r#"[] x"#, "trailing characters"),
            (r#"[{"Name":"\ud800"}]"#, "lone leading surrogate"),
            (r#"[nul]"#, "expected ident"),
        ] {
            let err = read(text).unwrap_err();
            assert!(err.contains(message), "{text:?}: {err}");
            let e = read_document::<Vec<Attr>>(text.as_bytes()).unwrap_err();
            assert_eq!(e.category(), Category::Syntax, "{text:?}");
        }
    }

    #[test]
    fn nesting_limits_follow_serde_json() {
        // Typed values (here `serde_json::Value`) nest at most 127 containers deep.
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(read_document::<serde_json::Value>(nested(127).as_bytes()).is_ok());
        let e = read_document::<serde_json::Value>(nested(128).as_bytes()).unwrap_err();
        assert!(e.message().contains("recursion limit exceeded"), "{e}");
        for n in [127, 128] {
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&nested(n)).is_ok(),
                n == 127
            );
        }
        // Skipped members have no limit, as serde_json ignores them without recursion.
        let deep = format!(r#"[{{"Name":"a","X": {}}}]"#, nested(100_000));
        assert!(read(&deep).is_ok());
        let unclosed = format!(r#"[{{"Name":"a","X": {}}}]"#, "[".repeat(100_000));
        assert!(read(&unclosed).unwrap_err().contains("expected value"));
    }

    #[test]
    fn skipped_members_are_checked_for_grammar_only() {
        for ok in [
            r#"[{"Name":"a","X":1e400}]"#,
            r#"[{"Name":"a","X":"\ud800"}]"#,
            r#"[{"Name":"a","X":{"\udc00":-0.0e-0}}]"#,
            r#"[{"Name":"a","X":[[],{},[{}],{"a":[null,true,false]}]}]"#,
        ] {
            assert!(read(ok).is_ok(), "{ok}");
        }
        let raw = b"[{\"Name\":\"a\",\"X\":\"\xff\"}]";
        assert!(read_document::<Vec<Attr>>(raw).is_ok());
        for bad in [
            r#"[{"Name":"a","X":01}]"#,
            r#"[{"Name":"a","X":1.}]"#,
            r#"[{"Name":"a","X":-}]"#,
            r#"[{"Name":"a","X":"\q"}]"#,
            r#"[{"Name":"a","X":"\u12"}]"#,
            r#"[{"Name":"a","X":[1,]}]"#,
            r#"[{"Name":"a","X":{"a":1,}}]"#,
            r#"[{"Name":"a","X":{1:2}}]"#,
            r#"[{"Name":"a","X":{"a" 2}}]"#,
            r#"[{"Name":"a","X":[1 2]}]"#,
            r#"[{"Name":"a","X":tru}]"#,
            "[{\"Name\":\"a\",\"X\":\"\t\"}]",
        ] {
            let e = read_document::<Vec<Attr>>(bad.as_bytes()).unwrap_err();
            assert_eq!(e.category(), Category::Syntax, "{bad}");
            assert!(
                serde_json::from_str::<serde::de::IgnoredAny>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn minus_zero_is_a_float() {
        assert!(from_slice::<i64>(b"-0").is_err());
        assert!(serde_json::from_slice::<i64>(b"-0").is_err());
        let f: f64 = from_slice(b"-0").unwrap();
        assert!(f == 0.0 && f.is_sign_negative());
        assert_eq!(from_slice::<i64>(b"0").unwrap(), 0);
    }

    #[test]
    fn numbers_and_timestamps() {
        let t: Timestamp = from_slice(b"1700000000.123").unwrap();
        assert_eq!(t, Timestamp::from_epoch_seconds(1700000000.123));
        let i: i64 = from_slice(b"-9223372036854775808").unwrap();
        assert_eq!(i, i64::MIN);
        assert!(from_slice::<i64>(b"9223372036854775808").is_err());
        let f: f64 = from_slice(b"18446744073709551616").unwrap();
        assert_eq!(f, 18446744073709551616.0);
        assert!(from_slice::<f64>(b"1e400").is_err());
        assert!(from_slice::<f64>(b"1.").is_err());
        assert!(from_slice::<f64>(b"-").is_err());
    }

    #[test]
    fn invalid_utf8_in_strings() {
        let e = read_document::<String>(b"\"a\xffb\"").unwrap_err();
        assert_eq!(e.category(), Category::Syntax);
    }

    #[test]
    fn missing_members_are_errors_without_validation() {
        let e = from_slice::<Vec<Attr>>(br#"[{"Name":"a"},{"Value":"b"}]"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "missing field `Name` at line 1 column 28 (in '2.member')"
        );
        let e = from_slice::<Vec<Attr>>(b"[").unwrap_err();
        assert!(e.is_eof());
    }
}
