//! Sizes, bounds and timestamps of sample values: shared by the samples of the workspace tests
//! (`support/sample.rs`) and of the corpus run (`tests/corpus/src/sample.rs`, which
//! includes this file with `#[path]`).

use serde_json::Value;
use specgen::ir::{Bound, TimestampFormat};

/// How many characters, items or entries: at least one, within the limits.
pub(crate) fn count(min: Option<u64>, max: Option<u64>) -> u64 {
    let n = min.unwrap_or(0).max(1);
    match max {
        Some(max) => n.min(max),
        None => n,
    }
}

/// An integer bound as an `i64` (a fractional bound rounded up).
pub(crate) fn bound_i64(b: Bound) -> i64 {
    match b {
        Bound::Int(i) => i,
        Bound::Float(f) => f.ceil() as i64,
    }
}

/// A bound as an `f64`.
pub(crate) fn bound_f64(b: Bound) -> f64 {
    match b {
        Bound::Int(i) => i as f64,
        Bound::Float(f) => f,
    }
}

/// 2023-11-14T22:13:20Z in the timestamp's wire format (epoch seconds unless the spec says
/// otherwise), with a quarter second when `fraction`.
pub(crate) fn timestamp(format: Option<TimestampFormat>, fraction: bool) -> Value {
    match (format, fraction) {
        (Some(TimestampFormat::DateTime), false) => Value::from("2023-11-14T22:13:20Z"),
        (Some(TimestampFormat::DateTime), true) => Value::from("2023-11-14T22:13:20.25Z"),
        (Some(TimestampFormat::HttpDate), false) => Value::from("Tue, 14 Nov 2023 22:13:20 GMT"),
        (Some(TimestampFormat::HttpDate), true) => Value::from("Tue, 14 Nov 2023 22:13:20.25 GMT"),
        (_, false) => Value::from(1_700_000_000_i64),
        (_, true) => Value::from(1_700_000_000.25_f64),
    }
}
