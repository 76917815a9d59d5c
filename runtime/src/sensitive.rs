//! Redaction of sensitive (`format: password`) values in `Debug` output.

use std::fmt;

/// The text shown instead of a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// Stands in for a sensitive member in `Debug` output.
#[derive(Clone, Copy, Default)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}
