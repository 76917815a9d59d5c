//! Reading a spec file (YAML or JSON) into an `openapiv3` document.
//!
//! On the document as data, before `openapiv3` reads it: OpenAPI 3.1 is rewritten as 3.0
//! ([`crate::openapi31`]), a structural pre-check names wrongly typed keywords, and
//! references to any place in the document are brought to the forms the lowering reads
//! ([`crate::refs`]). The fast path then deserializes the document directly; only when that
//! fails is it read again to say where: a syntax error gets its line and column, a
//! structural error its JSON pointer (through `serde_path_to_error`).

use std::path::Path;

use openapiv3::OpenAPI;

use crate::error::{Error, ErrorKind, Result, pointer_segment};

/// Text formats a spec can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON.
    Json,
    /// YAML (a superset of JSON, but parsed with the faster JSON reader when possible).
    Yaml,
}

/// Guesses the format from the extension, then from the first character.
pub fn detect_format(path: Option<&Path>, text: &str) -> Format {
    match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("json") => Format::Json,
        Some("yaml" | "yml") => Format::Yaml,
        _ if text.trim_start().starts_with('{') => Format::Json,
        _ => Format::Yaml,
    }
}

/// Reads and parses a spec file.
pub fn read_file(path: &Path) -> Result<OpenAPI> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the spec: {e}")).in_file(path)
    })?;
    parse(&text, detect_format(Some(path), &text)).map_err(|e| e.in_file(path))
}

/// Parses spec text: into JSON data, 3.1 rewritten as 3.0, through a structural pre-check
/// (wrongly typed keywords are reported with their pointer at once), references brought
/// into shape, then into `openapiv3`.
pub fn parse(text: &str, format: Format) -> Result<OpenAPI> {
    let mut value = to_value(text, format)?;
    // YAML reads an unquoted `2.0` as a number.
    let version = match value.get("openapi") {
        Some(serde_yaml::Value::String(s)) => s.clone(),
        Some(serde_yaml::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if crate::openapi31::is_31(&value) {
        crate::openapi31::downgrade(&mut value)?;
    } else if value.is_mapping() && !version.is_empty() && !version.starts_with("3.0") {
        return Err(Error::at(
            ErrorKind::Unsupported,
            "#/openapi",
            format!(
                "OpenAPI version `{version}` is not supported; specgen reads OpenAPI 3.0.x and 3.1.x"
            ),
        ));
    }
    crate::precheck::check(&value)?;
    crate::refs::normalize(&mut value)?;
    // Read through a reference: a copy of a large document costs as much as reading it.
    let api = match <OpenAPI as serde::Deserialize>::deserialize(&value) {
        Ok(api) => api,
        Err(_) => return Err(explain(value)),
    };
    if !api.openapi.starts_with("3.0") {
        return Err(Error::at(
            ErrorKind::Unsupported,
            "#/openapi",
            format!(
                "OpenAPI version `{}` is not supported; specgen reads OpenAPI 3.0.x and 3.1.x",
                api.openapi
            ),
        ));
    }
    Ok(api)
}

/// The document as data (YAML's, which keeps members in order), or a syntax error with its
/// position.
fn to_value(text: &str, format: Format) -> Result<serde_yaml::Value> {
    match format {
        Format::Json => serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::Syntax,
                format!(
                    "invalid JSON at line {} column {}: {e}",
                    e.line(),
                    e.column()
                ),
            )
        }),
        Format::Yaml => serde_yaml::from_str::<serde_yaml::Value>(text).map_err(|e| {
            let at = e
                .location()
                .map(|l| format!(" at line {} column {}", l.line(), l.column()))
                .unwrap_or_default();
            Error::new(ErrorKind::Syntax, format!("invalid YAML{at}: {e}"))
        }),
    }
}

/// Reads the document again to locate why `openapiv3` did not accept it.
#[cold]
fn explain(value: serde_yaml::Value) -> Error {
    let value = match serde_json::to_value(value) {
        Ok(v) => v,
        Err(e) => {
            return Error::new(
                ErrorKind::Invalid,
                format!("the document cannot be read as JSON data: {e}"),
            );
        }
    };
    if !value.is_object() {
        return Error::at(
            ErrorKind::Invalid,
            "#",
            "an OpenAPI document must be an object",
        );
    }
    match serde_path_to_error::deserialize::<_, OpenAPI>(&value) {
        Ok(_) => Error::new(ErrorKind::Invalid, "the document could not be read"),
        Err(e) => {
            let mut pointer = String::from("#");
            for seg in e.path().iter() {
                use serde_path_to_error::Segment;
                match seg {
                    Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                    Segment::Map { key } => {
                        pointer.push('/');
                        pointer.push_str(&pointer_segment(key));
                    }
                    Segment::Enum { .. } | Segment::Unknown => {}
                }
            }
            let inner = e.into_inner().to_string();
            Error::at(
                ErrorKind::Invalid,
                pointer,
                format!("not a valid OpenAPI 3.0 document: {inner}"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_a_position() {
        let e = parse("openapi: 3.0.0\ninfo: [\n", Format::Yaml).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert!(e.message.contains("line"), "{e}");
        let e = parse("{\"openapi\": ", Format::Json).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
    }

    #[test]
    fn structural_errors_have_a_pointer() {
        let text = r#"{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{},
            "components":{"schemas":{"A":{"type":"string","maxLength":-1}}}}"#;
        let e = parse(text, Format::Json).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(
            e.pointer.as_deref(),
            Some("#/components/schemas/A/maxLength"),
            "{e}"
        );
    }

    #[test]
    fn reads_3_1_and_rejects_other_versions() {
        let api = parse(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n",
            Format::Yaml,
        )
        .unwrap();
        assert!(api.paths.paths.is_empty());
        for version in ["2.0", "3.2.0", "4.0"] {
            let e = parse(
                &format!("openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n"),
                Format::Yaml,
            )
            .unwrap_err();
            assert_eq!(e.kind, ErrorKind::Unsupported, "{version}");
        }
    }
}
