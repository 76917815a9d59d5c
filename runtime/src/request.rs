//! Reading a request body the way an AWS JSON 1.1 service does: parse, then validate, and
//! report missing required members as validation errors rather than parse errors.

use crate::json::{self, Read};
use crate::path::Path;
use crate::validate::{Validate, ValidationErrors};

/// Why a request body was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    /// The body is not JSON, or a member has the wrong JSON type (AWS:
    /// `SerializationException`), with the message the service gives: AWS's wording for a
    /// wrong type (`STRING_VALUE can not be converted to an Integer`), and none for text
    /// that is not JSON, as AWS sends none (`serialization_message` has the evidence).
    Serialization(Option<String>),
    /// The body is well-formed but violates the schema's constraints.
    Validation(ValidationErrors),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Serialization(Some(m)) => f.write_str(m),
            RequestError::Serialization(None) => f.write_str("the body is not valid JSON"),
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
    let mut value = None::<T>;
    let mut errors = read_checking(body, &mut value)?;
    let Some(value) = value else {
        return Err(RequestError::Serialization(None));
    };
    if !T::CHECKS_ITSELF {
        // A list or map body: its structures were checked as they were read.
        errors.begin_shallow();
        check(&value, Path::ROOT, &mut errors);
        errors.end_check();
    }
    match errors.into_result() {
        Ok(()) => Ok(value),
        Err(errors) => Err(RequestError::Validation(errors)),
    }
}

#[cold]
fn serialization(e: &json::Error) -> RequestError {
    RequestError::Serialization(serialization_message(e))
}

/// A checking read of `body` by `read`, then nothing may follow: the violations found.
/// Without the body's type, so the reader's life is one copy for every type.
#[inline(never)]
fn read_checking(body: &[u8], slot: &mut dyn json::Slot) -> Result<ValidationErrors, RequestError> {
    let mut r = json::Reader::checking(effective_body(body));
    slot.read_into(&mut r).map_err(|e| serialization(&e))?;
    r.end().map_err(|e| serialization(&e))?;
    Ok(r.take_errors())
}

/// Checks the body of an operation without input: empty, or a JSON object (whose members
/// are ignored).
pub fn parse_empty(body: &[u8]) -> Result<(), RequestError> {
    read_empty_object(effective_body(body))
        .map_err(|e| RequestError::Serialization(serialization_message(&e)))
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

/// The `SerializationException` message AWS JSON services give for a body the reader
/// refused, or `None` where they give none.
///
/// The services name neither the member nor the position: they name the JSON token they met
/// and the Java type the member reads into. Evidence:
/// - `STRING_VALUE can not be converted to an Integer` (SQS and CodeDeploy, quoted in
///   DESIGN.md; Athena, measured by an emulator's end-to-end checks), and `TRUE_VALUE can not
///   be converted to an Integer` (Athena, same checks);
/// - `NUMBER_VALUE can not be converted to a String` (aarondfrancis/sidecar issue 148, from a
///   Lambda call; Athena); `TRUE_VALUE`/`FALSE_VALUE can not be converted to a String` (SES
///   v2, as an emulator's probe-confirmed tests quote it);
/// - `STRING_VALUE can not be converted to a Long` (an Amazon Ads answer quoted in a test);
/// - `STRING_VALUE can not be converted to an Boolean` (sic) but `NUMBER_VALUE can not be
///   converted to a Boolean` (SES v2, probe-confirmed);
/// - `STRING_VALUE can not be converted to milliseconds since epoch` for a timestamp
///   (aws-sdk-js-v3 issue 4343, X-Ray; aws-cli issue 91 has the older `class
///   java.lang.String …` form);
/// - `Start of structure or map found where not expected.` for an object where a scalar or
///   list belongs (aws-amplify/amplify-js issue 13265, aws-sdk-js-v3 issue 7102, DynamoDB),
///   `Start of list found where not expected` for an array where a scalar or structure
///   belongs, and also for a whole body that is an array (Athena);
/// - `Expected null` for a scalar where a structure belongs (aws-sdk-js issue 44, DynamoDB;
///   SES v2), `Expected list or null` for a scalar where a list belongs (Athena);
/// - no message at all for text that is not JSON, and for a whole body that is a scalar
///   or `null` (Athena, 46 malformed requests measured).
///
/// Where AWS's wording is not known, these are chosen in the same shape: `Float` and
/// `Double` for `float`/`double` members, `Expected map or null` for a scalar where a map
/// belongs, `NULL_VALUE` for a `null` list element (which AWS may accept), `NUMBER_VALUE
/// can not be converted to an Integer` for a fraction or an out-of-range number where an
/// integer belongs (AWS truncates fractions), and `Member X was given more than once` for a
/// repeated member (which this reader refuses; see the crate's README). `long` members are
/// named `Integer` too: generated code holds Smithy's `integer` and `long` alike in `i64`.
pub fn serialization_message(e: &json::Error) -> Option<String> {
    if e.category() == json::Category::Syntax {
        return None;
    }
    let message = e.message();
    let (found, expected) = if let Some(rest) = message.strip_prefix("invalid type: ") {
        // The found value comes first and may itself hold `, expected ` (inside a string).
        let (found, expected) = rest.rsplit_once(", expected ")?;
        (Token::of(found), expected)
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (_, expected) = rest.rsplit_once(", expected ")?;
        (Some(Token::Number), expected)
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        let name = rest.strip_suffix('`').unwrap_or(rest);
        return Some(format!("Member {name} was given more than once"));
    } else {
        // A message of another reader (a union read through serde): without position.
        return Some(message.to_owned());
    };
    let found = found?;
    let target = Target::of(expected);
    let scalar = !matches!(found, Token::Object | Token::Array);
    if scalar && e.path().is_empty() && matches!(target, Target::Structure) {
        // A whole body that is a scalar or `null`.
        return None;
    }
    Some(match (found, target) {
        (Token::Object, _) => "Start of structure or map found where not expected.".to_owned(),
        (Token::Array, _) => "Start of list found where not expected".to_owned(),
        // Only a list element can be `null` here (a member that is `null` is absent).
        (Token::Null, Target::Structure) => {
            "NULL_VALUE can not be converted to a Structure".to_owned()
        }
        (Token::Null, Target::List) => "NULL_VALUE can not be converted to a List".to_owned(),
        (Token::Null, Target::Map) => "NULL_VALUE can not be converted to a Map".to_owned(),
        (_, Target::List) => "Expected list or null".to_owned(),
        (_, Target::Structure) => "Expected null".to_owned(),
        (_, Target::Map) => "Expected map or null".to_owned(),
        (token, Target::Scalar(java)) => {
            let article = match (token, java) {
                (_, "Integer") | (Token::String, "Boolean") => "an",
                _ => "a",
            };
            format!("{} can not be converted to {article} {java}", token.name())
        }
        (token, Target::Timestamp) => {
            format!(
                "{} can not be converted to milliseconds since epoch",
                token.name()
            )
        }
    })
}

/// The JSON token a reader met, in AWS's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Null,
    True,
    False,
    String,
    Number,
    Object,
    Array,
}

impl Token {
    /// From the reader's description of a value (``integer `5` ``, `string "x"`, `map`).
    fn of(found: &str) -> Option<Token> {
        Some(match found {
            "null" => Token::Null,
            "boolean `true`" => Token::True,
            "boolean `false`" => Token::False,
            "map" => Token::Object,
            "sequence" => Token::Array,
            f if f.starts_with("string ") => Token::String,
            f if f.starts_with("integer ") || f.starts_with("floating point ") => Token::Number,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Token::Null => "NULL_VALUE",
            Token::True => "TRUE_VALUE",
            Token::False => "FALSE_VALUE",
            Token::String => "STRING_VALUE",
            Token::Number => "NUMBER_VALUE",
            Token::Object => "START_OBJECT",
            Token::Array => "START_ARRAY",
        }
    }
}

/// What a member reads into, from the reader's `expected` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A scalar, by the Java type name AWS's messages use.
    Scalar(&'static str),
    Timestamp,
    List,
    Map,
    Structure,
}

impl Target {
    fn of(expected: &str) -> Target {
        // Most specific first: a timestamp's text mentions a number.
        if expected.contains("timestamp") {
            Target::Timestamp
        } else if expected.contains("i32") || expected.contains("i64") {
            // Smithy's `integer` and `long` are both `i64` in generated code (OpenAPI's
            // `integer` without a format is unbounded), so the reader cannot tell them apart;
            // `integer` is the common case (every integer member of Cognito's requests).
            Target::Scalar("Integer")
        } else if expected.contains("f32") {
            Target::Scalar("Float")
        } else if expected.contains("f64") {
            Target::Scalar("Double")
        } else if expected.contains("boolean") {
            Target::Scalar("Boolean")
        } else if expected == "a list" {
            Target::List
        } else if expected == "a map" {
            Target::Map
        } else if expected.ends_with(" object") {
            Target::Structure
        } else {
            Target::Scalar("String")
        }
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

    /// The message for `body` read as `T`.
    fn message_for<T: Read>(body: &str) -> Option<String> {
        let mut r = json::Reader::checking(body.as_bytes());
        let e = T::read(&mut r).err().or_else(|| r.end().err());
        serialization_message(&e.expect("the body is refused"))
    }

    #[test]
    fn wrong_types_get_aws_messages() {
        use crate::timestamp::Timestamp;
        let cases: Vec<(Option<String>, &str)> = vec![
            (
                message_for::<i32>(r#""ten""#),
                "STRING_VALUE can not be converted to an Integer",
            ),
            (
                message_for::<i64>(r#""ten""#),
                "STRING_VALUE can not be converted to an Integer",
            ),
            (
                message_for::<i64>("true"),
                "TRUE_VALUE can not be converted to an Integer",
            ),
            (
                message_for::<i64>("1.5"),
                "NUMBER_VALUE can not be converted to an Integer",
            ),
            (
                message_for::<i32>("3000000000"),
                "NUMBER_VALUE can not be converted to an Integer",
            ),
            (
                message_for::<bool>(r#""yes""#),
                "STRING_VALUE can not be converted to an Boolean",
            ),
            (
                message_for::<bool>("1"),
                "NUMBER_VALUE can not be converted to a Boolean",
            ),
            (
                message_for::<f64>(r#""x""#),
                "STRING_VALUE can not be converted to a Double",
            ),
            (
                message_for::<f32>("false"),
                "FALSE_VALUE can not be converted to a Float",
            ),
            (
                message_for::<String>("42"),
                "NUMBER_VALUE can not be converted to a String",
            ),
            (
                message_for::<String>("true"),
                "TRUE_VALUE can not be converted to a String",
            ),
            (
                message_for::<String>("false"),
                "FALSE_VALUE can not be converted to a String",
            ),
            (
                message_for::<String>("{}"),
                "Start of structure or map found where not expected.",
            ),
            (
                message_for::<String>("[]"),
                "Start of list found where not expected",
            ),
            (
                message_for::<Vec<String>>(r#""x""#),
                "Expected list or null",
            ),
            (
                message_for::<Vec<String>>("{}"),
                "Start of structure or map found where not expected.",
            ),
            (
                message_for::<Vec<String>>("[null]"),
                "NULL_VALUE can not be converted to a String",
            ),
            (
                message_for::<Vec<Vec<String>>>("[null]"),
                "NULL_VALUE can not be converted to a List",
            ),
            (
                message_for::<std::collections::BTreeMap<String, String>>("5"),
                "Expected map or null",
            ),
            (
                message_for::<std::collections::BTreeMap<String, String>>("[]"),
                "Start of list found where not expected",
            ),
            (
                message_for::<Timestamp>(r#""2024-01-01""#),
                "STRING_VALUE can not be converted to milliseconds since epoch",
            ),
            (
                message_for::<Timestamp>("{}"),
                "Start of structure or map found where not expected.",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.as_deref(), Some(want));
        }
    }

    #[test]
    fn text_that_is_not_json_has_no_message() {
        for body in ["[", "[nul]", "[1,]", "[1 2]", "[01]", "[1] x"] {
            assert_eq!(message_for::<Vec<i64>>(body), None, "{body}");
        }
    }

    #[test]
    fn form_feed_is_not_json_whitespace() {
        assert!(parse_empty_object(b" \t\r\n").is_ok());
        assert!(parse_empty_object(b"\x0c").is_err());
        assert!(parse_empty_object(b"{}\x0c").is_err());
    }
}
