//! AWS JSON error bodies: `{"__type": "<Code>", "message": "..."}`.
//!
//! Readers accept `message` or `Message`, and a `__type` carrying a namespace prefix
//! (`com.amazonaws.cognito#UserNotFoundException`) or a suffix after `:`
//! (`UserNotFoundException:http://internal.amazon.com/...`); both are stripped.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The code and message of an error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    /// The error code, e.g. `UserNotFoundException`, without prefix or suffix.
    pub code: String,
    /// The human-readable message, when the body has one.
    pub message: Option<String>,
}

/// The members of an error body. Read by hand, as `#[derive(Deserialize)]` with
/// `#[serde(rename = "__type")] code`, `#[serde(default)] message` and `#[serde(default,
/// rename = "Message")] message_upper` would read it (same errors, unknown members skipped),
/// so that the runtime needs no proc macro.
struct Raw {
    code: String,
    // Both spellings may appear (even together); `message` wins.
    message: Option<String>,
    message_upper: Option<String>,
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const FIELDS: &[&str] = &["__type", "message", "Message"];
        deserializer.deserialize_struct("Raw", FIELDS, RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct Raw")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let code = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &"struct Raw with 3 elements"))?;
        let message = seq.next_element()?.unwrap_or_default();
        let message_upper = seq.next_element()?.unwrap_or_default();
        Ok(Raw {
            code,
            message,
            message_upper,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut code: Option<String> = None;
        let mut message: Option<Option<String>> = None;
        let mut message_upper: Option<Option<String>> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let (slot, name) = match &*key {
                "__type" => {
                    if code.is_some() {
                        return Err(de::Error::duplicate_field("__type"));
                    }
                    code = Some(map.next_value()?);
                    continue;
                }
                "message" => (&mut message, "message"),
                "Message" => (&mut message_upper, "Message"),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if slot.is_some() {
                return Err(de::Error::duplicate_field(name));
            }
            *slot = Some(map.next_value()?);
        }
        Ok(Raw {
            code: code.ok_or_else(|| de::Error::missing_field("__type"))?,
            message: message.flatten(),
            message_upper: message_upper.flatten(),
        })
    }
}

/// Strips a `:suffix` and then a `namespace#` prefix from a `__type` value.
pub fn normalize_code(raw: &str) -> &str {
    let raw = raw.trim();
    // The suffix (a URL) may itself hold `#`, so it goes first.
    let raw = match raw.find(':') {
        Some(i) => &raw[..i],
        None => raw,
    };
    match raw.rfind('#') {
        Some(i) => &raw[i + 1..],
        None => raw,
    }
}

/// Reads an error body.
pub fn parse(body: &[u8]) -> Result<ErrorBody, serde_json::Error> {
    let raw: Raw = serde_json::from_slice(body)?;
    Ok(ErrorBody {
        code: normalize_code(&raw.code).to_owned(),
        message: raw.message.or(raw.message_upper),
    })
}

/// Writes an error body: `{"__type":"Code","message":"..."}` (no `message` when `None`).
pub fn to_json(code: &str, message: Option<&str>) -> Vec<u8> {
    let mut map = serde_json::Map::new();
    map.insert("__type".to_owned(), serde_json::Value::from(code));
    if let Some(m) = message {
        map.insert("message".to_owned(), serde_json::Value::from(m));
    }
    serde_json::Value::Object(map).to_string().into_bytes()
}

/// Writes an exception structure as an error body: its members plus `__type`.
pub fn exception_json<T: serde::Serialize>(code: &str, exception: &T) -> Vec<u8> {
    let mut value = serde_json::to_value(exception).unwrap_or_default();
    match &mut value {
        serde_json::Value::Object(map) => {
            map.insert("__type".to_owned(), serde_json::Value::from(code));
            value.to_string().into_bytes()
        }
        _ => to_json(code, None),
    }
}

/// The error code of an operation a server leaves unimplemented (answered with HTTP 501,
/// the status and code S3 uses for functionality it does not implement).
pub const NOT_IMPLEMENTED: &str = "NotImplemented";

/// The HTTP status AWS JSON services answer an error code with: 500 for internal and
/// server errors, 503 for unavailability, 501 for [`NOT_IMPLEMENTED`], 400 for everything
/// else.
pub fn status_for(code: &str) -> u16 {
    if code.contains("Internal") || code.contains("ServerError") || code.contains("ServiceFault") {
        500
    } else if code.contains("ServiceUnavailable") {
        503
    } else if code == NOT_IMPLEMENTED {
        501
    } else {
        400
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_prefix_and_suffix() {
        assert_eq!(
            normalize_code("com.amazonaws.cognito#UserNotFoundException"),
            "UserNotFoundException"
        );
        assert_eq!(
            normalize_code("UserNotFoundException:http://internal.amazon.com/coral/"),
            "UserNotFoundException"
        );
        assert_eq!(
            normalize_code("aws.protocoltests#FooError:http://x"),
            "FooError"
        );
        assert_eq!(
            normalize_code("UserNotFoundException:http://internal.amazon.com/coral/#fragment"),
            "UserNotFoundException"
        );
    }

    /// What `Raw`'s impl stands in for (same name: messages name the struct).
    mod derived {
        #[derive(serde::Deserialize)]
        pub struct Raw {
            #[serde(rename = "__type")]
            pub code: String,
            #[serde(default)]
            pub message: Option<String>,
            #[serde(default, rename = "Message")]
            pub message_upper: Option<String>,
        }
    }

    #[test]
    fn reads_as_the_derive_would() {
        for body in [
            r#"{"__type":"A","message":"m","Message":"M","other":[1,{"x":2}]}"#,
            r#"{"Message":null,"__type":"A"}"#,
            r#"{"__type":"A","message":null}"#,
            r#"{"__t\u0079pe":"A"}"#,
            r#"["A","m"]"#,
            r#"["A"]"#,
            "{}",
            "[]",
            r#"{"__type":"A","__type":"B"}"#,
            r#"{"__type":"A","message":"m","message":"n"}"#,
            r#"{"__type":"A","Message":1}"#,
            r#"{"__type":7}"#,
            r#""A""#,
            "null",
            r#"{"__type":"A""#,
        ] {
            let ours = serde_json::from_str::<Raw>(body)
                .map(|r| (r.code, r.message, r.message_upper))
                .map_err(|e| e.to_string());
            let derived = serde_json::from_str::<derived::Raw>(body)
                .map(|r| (r.code, r.message, r.message_upper))
                .map_err(|e| e.to_string());
            assert_eq!(ours, derived, "{body}");
        }
    }

    #[test]
    fn reads_both_message_keys() {
        let a = parse(br#"{"__type":"A","message":"m1"}"#).unwrap();
        let b = parse(br#"{"__type":"x#B:y","Message":"m2"}"#).unwrap();
        assert_eq!((a.code.as_str(), a.message.as_deref()), ("A", Some("m1")));
        assert_eq!((b.code.as_str(), b.message.as_deref()), ("B", Some("m2")));
        assert_eq!(parse(br#"{"__type":"C"}"#).unwrap().message, None);
        let both = parse(br#"{"__type":"D","Message":"upper","message":"lower"}"#).unwrap();
        assert_eq!(both.message.as_deref(), Some("lower"));
        assert!(parse(b"{}").is_err());
    }

    #[test]
    fn statuses() {
        assert_eq!(status_for("InternalErrorException"), 500);
        assert_eq!(status_for("KMSInternalException"), 500);
        assert_eq!(status_for("InternalServerError"), 500);
        assert_eq!(status_for("ServiceUnavailableException"), 503);
        assert_eq!(status_for("UserNotFoundException"), 400);
        assert_eq!(status_for("SerializationException"), 400);
        assert_eq!(status_for(NOT_IMPLEMENTED), 501);
    }

    #[test]
    fn writes_wire_form() {
        assert_eq!(
            to_json("A", Some("it \"failed\"")),
            br#"{"__type":"A","message":"it \"failed\""}"#.to_vec()
        );
        assert_eq!(to_json("A", None), br#"{"__type":"A"}"#.to_vec());
    }
}
