//! Reading a request body the way an AWS JSON 1.1 service does: parse, then validate, and
//! report missing required members as validation errors rather than parse errors.

use crate::json::{self, Read};
use crate::path::Path;
use crate::validate::{Validate, ValidationErrors};

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

/// An empty body stands for `{}`: clients send it for operations without members. Only
/// JSON's own whitespace counts (not form feed, which `u8::is_ascii_whitespace` includes).
fn effective_body(body: &[u8]) -> &[u8] {
    if body
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        b"{}"
    } else {
        body
    }
}

/// Parses and validates a request body of type `T`.
///
/// One pass of a checking [`crate::json::Reader`]: each structure is checked as it is read,
/// and a missing required member is reported as `Value null at '…'` together with every
/// other violation; malformed JSON and wrong types are serialization errors naming the
/// member.
pub fn parse_request<T>(body: &[u8]) -> Result<T, RequestError>
where
    T: Read + Validate,
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
    T: Read,
{
    // Only reading and checking depend on `T`; the rest is shared by every body type.
    let mut r = json::Reader::checking(effective_body(body));
    match T::read(&mut r) {
        Ok(value) => {
            if let Err(e) = r.end() {
                return Err(RequestError::Serialization(describe(&e)));
            }
            let mut errors = r.take_errors();
            if !T::CHECKS_ITSELF {
                // A list or map body: its structures were checked as they were read.
                errors.begin_shallow();
                check(&value, Path::ROOT, &mut errors);
                errors.end_check();
            }
            errors
                .into_result()
                .map(|()| value)
                .map_err(RequestError::Validation)
        }
        Err(e) => Err(RequestError::Serialization(describe(&e))),
    }
}

/// Checks the body of an operation without input: empty, or a JSON object (whose members
/// are ignored).
pub fn parse_empty(body: &[u8]) -> Result<(), RequestError> {
    read_empty_object(effective_body(body)).map_err(|e| RequestError::Serialization(describe(&e)))
}

/// Checks a body that must be empty or a JSON object, ignoring the object's members.
pub fn parse_empty_object(body: &[u8]) -> Result<(), serde_json::Error> {
    let body = effective_body(body);
    read_empty_object(body).map_err(|e| e.into_serde(body))
}

fn read_empty_object(body: &[u8]) -> Result<(), json::Error> {
    let mut r = json::Reader::new(body);
    let mut entries = r.begin_object("a JSON object")?;
    while r.next_key(&mut entries)?.is_some() {
        r.skip_value()?;
    }
    r.end()
}

/// Reads a response, or a request without validating it; an empty body reads as `{}`,
/// and a missing required member is an error.
pub fn parse_body_strict<T: Read>(body: &[u8]) -> Result<T, serde_json::Error> {
    json::from_slice(effective_body(body))
}

/// Writes `{}`: the body of an operation without input or output.
pub fn serialize_empty<S: serde::Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    serializer.serialize_map(Some(0))?.end()
}

/// The `SerializationException` message: what failed and, for a wrong type, where.
fn describe(e: &json::Error) -> String {
    let path = e.path();
    match e.category() {
        json::Category::Syntax => format!("Malformed JSON body: {e}"),
        json::Category::Data if path.is_empty() => format!("Invalid request body: {e}"),
        json::Category::Data => format!("Invalid value at '{path}': {e}"),
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
    fn form_feed_is_not_json_whitespace() {
        assert!(parse_empty_object(b" \t\r\n").is_ok());
        assert!(parse_empty_object(b"\x0c").is_err());
        assert!(parse_empty_object(b"{}\x0c").is_err());
    }
}
