//! Generation errors: what went wrong, in which file, at which JSON pointer.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The spec or options file could not be read, or output could not be written.
    Io,
    /// The file is not valid YAML or JSON.
    Syntax,
    /// The document is not a valid OpenAPI 3.0 description, or a `$ref` does not resolve.
    Invalid,
    /// A valid construct that specgen cannot generate code for.
    Unsupported,
}

/// A failure to generate code, located in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Kind of failure.
    pub kind: ErrorKind,
    /// The file it concerns, when known.
    pub file: Option<PathBuf>,
    /// JSON pointer into the spec (`#/components/schemas/Foo/properties/Bar`), when known.
    pub pointer: Option<String>,
    /// What is wrong, and how to get past it where that is known.
    pub message: String,
}

impl Error {
    /// A new error without location.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            file: None,
            pointer: None,
            message: message.into(),
        }
    }

    /// An error at a JSON pointer.
    pub fn at(kind: ErrorKind, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind,
            file: None,
            pointer: Some(pointer.into()),
            message: message.into(),
        }
    }

    /// The same error, concerning `file` (kept if already set).
    pub fn in_file(mut self, file: &Path) -> Self {
        if self.file.is_none() {
            self.file = Some(file.to_path_buf());
        }
        self
    }
}

impl fmt::Display for Error {
    /// `spec/api.yaml: #/components/schemas/Foo: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if let Some(pointer) = &self.pointer {
            write!(f, "{pointer}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Escapes one JSON pointer segment (`~` → `~0`, `/` → `~1`).
pub fn pointer_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_segment(&mut out, s);
    out
}

/// Joins a pointer and a segment. Lowering joins one for nearly every node it visits, so
/// this writes into one buffer.
pub fn pointer_join(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + 1 + segment.len());
    out.push_str(base);
    out.push('/');
    push_segment(&mut out, segment);
    out
}

fn push_segment(out: &mut String, segment: &str) {
    if !segment.contains(['~', '/']) {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// `Result` with a generation [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
