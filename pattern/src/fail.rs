//! Why a pattern cannot be translated: shared by the dialect reader and its tables.

use crate::PatternErrorKind;

/// Why a pattern cannot be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fail {
    pub(crate) kind: PatternErrorKind,
    pub(crate) reason: String,
}

impl Fail {
    /// Java rejects the pattern.
    pub(crate) fn invalid(reason: impl Into<String>) -> Fail {
        Fail {
            kind: PatternErrorKind::Invalid,
            reason: reason.into(),
        }
    }

    /// Java accepts the pattern, but it has no translation.
    pub(crate) fn unsupported(reason: impl Into<String>) -> Fail {
        Fail {
            kind: PatternErrorKind::Unsupported,
            reason: reason.into(),
        }
    }
}
