//! A JSON reader for the request and response paths of generated crates.
//!
//! Generated types implement [`Read`] with plain, non-generic functions that call this
//! reader. The reason is build time: reading every request and response type through
//! `serde_json::from_slice` instantiates serde_json's deserializer once per type inside the
//! generated crate, which is most of its release build. The reader is compiled once, here.
//!
//! It reads in one pass and keeps going past missing required members (recording their
//! wire paths and standing in a placeholder), so a request with missing members reaches
//! validation and every violation is reported together, as AWS does. Wrong types and
//! malformed JSON are errors that name where they happened. The accepted language is
//! serde_json's: RFC 8259 JSON, UTF-8, at most 128 levels of nesting, no trailing
//! characters; `null` reads as an absent member; unknown members are skipped.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use crate::de::Placeholder;
use crate::path::{Segment, write_segments};
use crate::timestamp::Timestamp;

const MAX_DEPTH: u32 = 128;

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
    let segments: Vec<Segment<'_>> = path_rev
        .iter()
        .rev()
        .map(|s| match s {
            Step::Field(f) => Segment::Field(f),
            Step::Key(k) => Segment::Field(k),
            Step::Index(i) => Segment::Index(*i),
            Step::MapValue(i) => Segment::MapValue(*i),
        })
        .collect();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_segments(&mut out, &segments);
    out
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
    /// Reads one value at the reader's position.
    fn read(r: &mut Reader<'_>) -> Result<Self, Error>;
}

/// A required member that was missing or `null`.
#[derive(Debug, Clone)]
struct Missing {
    wire: &'static str,
    path_rev: Vec<Step>,
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
    missing: Vec<Missing>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A JSON number as written.
enum Number {
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `input`.
    pub fn new(input: &'a [u8]) -> Self {
        Reader {
            input,
            pos: 0,
            depth: 0,
            missing: Vec::new(),
        }
    }

    #[inline]
    fn peek(&mut self) -> Option<u8> {
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
    fn syntax(&self, message: &str) -> Error {
        self.error_at(Category::Syntax, message, self.pos + 1)
    }

    #[cold]
    fn eof(&self, what: &str) -> Error {
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

    fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
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
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
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
    fn number(&mut self) -> Result<Number, Error> {
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
    #[inline]
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

    /// Skips one value of any type (checking that it is well-formed).
    pub fn skip_value(&mut self) -> Result<(), Error> {
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
                    self.skip_value()?;
                }
                Ok(())
            }
            Some(b'[') => {
                let mut entries = self.begin_array("a list")?;
                while self.next_element(&mut entries)? {
                    self.skip_value()?;
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

    /// Reads a JSON value of any shape into a `serde_json::Value`.
    pub fn value(&mut self) -> Result<serde_json::Value, Error> {
        self.peek();
        let start = self.pos;
        self.skip_value()?;
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
    #[inline]
    fn nested<T: Read>(&mut self, step: Step) -> Result<T, Error> {
        let before = self.missing.len();
        match T::read(self) {
            Ok(v) => {
                self.settle(before, step);
                Ok(v)
            }
            Err(e) => Err(e.within(step)),
        }
    }

    /// Puts `step` in front of the paths of members found missing since `before`.
    #[inline]
    fn settle(&mut self, before: usize, step: Step) {
        if self.missing.len() != before {
            self.prefix_missing(before, step);
        }
    }

    #[cold]
    fn prefix_missing(&mut self, from: usize, step: Step) {
        for m in &mut self.missing[from..] {
            m.path_rev.push(step.clone());
        }
    }

    /// Reads the value of an undeclared member kept in an `additionalProperties` map.
    pub fn extra<T: Read>(&mut self, key: &str) -> Result<T, Error> {
        self.nested(Step::Key(key.into()))
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
        self.missing.push(Missing {
            wire,
            path_rev: vec![Step::Field(path_name)],
        });
        T::placeholder()
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

    /// Wire paths of required members that were missing or `null`.
    pub fn missing_paths(&self) -> Vec<String> {
        self.missing.iter().map(|m| render(&m.path_rev)).collect()
    }

    /// The first missing required member as an error (for reads without validation).
    pub fn missing_error(&self) -> Option<Error> {
        let first = self.missing.first()?;
        let mut e = self.error_at(
            Category::Data,
            format!("missing field `{}`", first.wire),
            self.input.len(),
        );
        e.path_rev = first.path_rev[1..].to_vec();
        Some(e)
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
#[inline]
pub fn from_slice<T: Read>(input: &[u8]) -> Result<T, serde_json::Error> {
    let mut r = Reader::new(input);
    match T::read(&mut r) {
        Ok(value) => r.finish_strict(input).map(|()| value),
        Err(e) => Err(e.into_serde(input)),
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
        let mut entries = r.begin_object("a map")?;
        let mut out = BTreeMap::new();
        let mut position = 0;
        while let Some(key) = r.next_key(&mut entries)? {
            position += 1;
            let value = r.nested(Step::MapValue(position))?;
            out.insert(key.into_owned(), value);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
            let mut entries = r.begin_object("an Attr object")?;
            let (mut name, mut value, mut count) = (None, None, None);
            while let Some(key) = r.next_key(&mut entries)? {
                match &*key {
                    "Name" => name = r.member("name")?,
                    "Value" => value = r.member("value")?,
                    "Count" => count = r.member("count")?,
                    _ => r.skip_value()?,
                }
            }
            Ok(Attr {
                name: r.required(name, "Name", "name"),
                value,
                count,
            })
        }
    }

    fn read(json: &str) -> Result<(Vec<Attr>, Vec<String>), String> {
        match read_document::<Vec<Attr>>(json.as_bytes()) {
            Ok((v, r)) => Ok((v, r.missing_paths())),
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
    fn records_missing_members_with_paths() {
        let (v, missing) = read(r#"[{"Name":"a"},{"Value":"b"},{"Name":null}]"#).unwrap();
        assert_eq!(v.len(), 3);
        assert_eq!(missing, ["2.member.name", "3.member.name"]);
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
        let deep = format!(r#"[{{"X": {}}}]"#, "[".repeat(200));
        assert!(
            read(&deep)
                .unwrap_err()
                .contains("recursion limit exceeded")
        );
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
