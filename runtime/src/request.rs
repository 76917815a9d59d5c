//! Reading a request body the way an AWS JSON 1.1 service does: parse, then validate, and
//! report missing required members as validation errors rather than parse errors.

use serde::de::DeserializeOwned;

use crate::de::{Placeholder, lenient};
use crate::path::Path;
use crate::validate::{Constraint, ShownValue, Validate, ValidationErrors, Violation};

/// Why a request body was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    /// The body is not JSON, or a member has the wrong JSON type
    /// (AWS: `SerializationException`). The text names the member.
    Serialization(String),
    /// The body is well-formed but violates the schema's constraints.
    Validation(ValidationErrors),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Serialization(m) => f.write_str(m),
            RequestError::Validation(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RequestError {}

/// An empty body stands for `{}`: clients send it for operations without members.
fn effective_body(body: &[u8]) -> &[u8] {
    if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    }
}

/// Parses and validates a request body of type `T`.
///
/// The fast path is one strict parse and one validation. Only a body that fails the strict
/// parse is read again leniently, to tell missing members (validation errors, reported
/// together with every other violation) from malformed JSON or wrong types
/// (serialization errors naming the member).
pub fn parse_request<T>(body: &[u8]) -> Result<T, RequestError>
where
    T: DeserializeOwned + Validate + Placeholder,
{
    parse_request_with(body, T::validate_at)
}

/// [`parse_request`] for a body type checked by a function instead of a `Validate` impl
/// (a type alias of a list, map or scalar).
pub fn parse_request_with<T>(
    body: &[u8],
    check: fn(&T, Path<'_>, &mut ValidationErrors),
) -> Result<T, RequestError>
where
    T: DeserializeOwned + Placeholder,
{
    let body = effective_body(body);
    match serde_json::from_slice::<T>(body) {
        Ok(value) => {
            let mut errors = ValidationErrors::new();
            check(&value, Path::ROOT, &mut errors);
            match errors.into_result() {
                Ok(()) => Ok(value),
                Err(e) => Err(RequestError::Validation(e)),
            }
        }
        Err(strict) => Err(reread::<T>(body, strict, check)),
    }
}

/// Checks the body of an operation without input: empty, or a JSON object (whose members
/// are ignored).
pub fn parse_empty(body: &[u8]) -> Result<(), RequestError> {
    parse_empty_object(body).map_err(|e| RequestError::Serialization(describe(&e, "")))
}

/// Checks a body that must be empty or a JSON object, ignoring the object's members.
pub fn parse_empty_object(body: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<AnyObject>(effective_body(body)).map(|_| ())
}

/// A JSON object whose members are skipped.
struct AnyObject;

impl<'de> serde::Deserialize<'de> for AnyObject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = AnyObject;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<AnyObject, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(AnyObject)
            }
        }
        d.deserialize_map(V)
    }
}

/// Reads a response body; an empty body reads as `{}`.
pub fn parse_response<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(effective_body(body))
}

/// Writes `{}`: the body of an operation without input or output.
pub fn serialize_empty<S: serde::Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    serializer.serialize_map(Some(0))?.end()
}

#[cold]
fn reread<T>(
    body: &[u8],
    strict: serde_json::Error,
    check: fn(&T, Path<'_>, &mut ValidationErrors),
) -> RequestError
where
    T: DeserializeOwned + Placeholder,
{
    let (result, report) = lenient(|| serde_json::from_slice::<T>(body));
    match result {
        Ok(value) if !report.missing.is_empty() => {
            let mut errors = ValidationErrors::new();
            check(&value, Path::ROOT, &mut errors);
            // Placeholders stand in for missing members; what they violate is noise.
            errors.retain(|v| !report.missing.iter().any(|m| within(v.path(), m)));
            for path in report.missing {
                errors.push(Violation::new(path, ShownValue::Null, Constraint::Required));
            }
            match errors.into_result() {
                Ok(()) => RequestError::Serialization(describe(&strict, "")),
                Err(e) => RequestError::Validation(e),
            }
        }
        Ok(_) => RequestError::Serialization(describe(&strict, "")),
        Err(e) => RequestError::Serialization(describe(&e, &report.error_path)),
    }
}

fn within(path: &str, prefix: &str) -> bool {
    path == prefix
        || (path.len() > prefix.len()
            && path.starts_with(prefix)
            && path.as_bytes()[prefix.len()] == b'.')
}

/// The `SerializationException` message: what failed and, for a wrong type, where.
fn describe(e: &serde_json::Error, path: &str) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => format!("Malformed JSON body: {e}"),
        Category::Data if path.is_empty() => format!("Invalid request body: {e}"),
        Category::Data => format!("Invalid value at '{path}': {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_bodies_are_objects() {
        assert!(parse_empty_object(b"").is_ok());
        assert!(parse_empty_object(b" {} ").is_ok());
        assert!(parse_empty_object(br#"{"x": [1, {"y": null}]}"#).is_ok());
        for bad in [&b"[]"[..], b"5", b"null", b"\"x\"", b"{"] {
            assert!(
                parse_empty_object(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn within_matches_whole_segments() {
        assert!(within("a.b", "a"));
        assert!(within("a", "a"));
        assert!(!within("ab", "a"));
        assert!(!within("a", "a.b"));
    }
}
