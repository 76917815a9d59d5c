//! Non-finite floats on the AWS JSON wire.
//!
//! JSON numbers cannot be NaN or infinite, so both AWS JSON protocols (and botocore and the
//! AWS SDKs) carry those values of `float` and `double` members as the strings `"NaN"`,
//! `"Infinity"` and `"-Infinity"`. Exactly these three spellings are read, as the Smithy
//! protocols define them; any other string is refused.

/// The value of one of the three strings, or `None` for any other text.
pub(crate) fn non_finite(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// The string that carries `value`, or `None` when it is finite (a JSON number carries it).
pub(crate) fn non_finite_text(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

/// What a float member expects, for messages: `f64 or "NaN", "Infinity" or "-Infinity"`.
pub(crate) const EXPECTED_F64: &str = r#"f64 or "NaN", "Infinity" or "-Infinity""#;

/// [`EXPECTED_F64`] for `float` members.
pub(crate) const EXPECTED_F32: &str = r#"f32 or "NaN", "Infinity" or "-Infinity""#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_strings_and_nothing_else() {
        assert!(non_finite("NaN").is_some_and(f64::is_nan));
        assert_eq!(non_finite("Infinity"), Some(f64::INFINITY));
        assert_eq!(non_finite("-Infinity"), Some(f64::NEG_INFINITY));
        for other in ["nan", "inf", "+Infinity", "infinity", "", "1", " NaN"] {
            assert_eq!(non_finite(other), None, "{other:?}");
        }
        assert_eq!(non_finite_text(f64::NAN), Some("NaN"));
        assert_eq!(non_finite_text(-f64::NAN), Some("NaN"));
        assert_eq!(non_finite_text(f64::INFINITY), Some("Infinity"));
        assert_eq!(non_finite_text(f64::NEG_INFINITY), Some("-Infinity"));
        assert_eq!(non_finite_text(0.0), None);
        assert_eq!(non_finite_text(f64::MAX), None);
    }
}
