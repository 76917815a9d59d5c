//! A structural check of the document before `openapiv3` reads it.
//!
//! `openapiv3` reads schemas through untagged enums, which retry each alternative at every
//! level: on a document that is invalid deep inside nested schemas, that takes time
//! exponential in the depth. This pass walks the JSON once and rejects wrongly typed
//! keywords (`maxLength: -1`, `required: "x"`, `properties: []`, ...) with the exact JSON
//! pointer, so that `openapiv3` only ever sees documents it reads in one go. It works on
//! YAML data (JSON input is read into it too) because that keeps members in document
//! order.

use serde_yaml::{Mapping as Map, Value};

use crate::error::{Error, ErrorKind, Result, pointer_join};

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn invalid(pointer: &str, message: String) -> Error {
    Error::at(
        ErrorKind::Invalid,
        pointer,
        format!("not a valid OpenAPI 3.0 document: {message}"),
    )
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "an array",
        Value::Mapping(_) => "an object",
        Value::Tagged(_) => "a tagged value",
    }
}

/// A member name as it appears in a pointer (YAML allows non-string keys such as `200`).
fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => "?".to_owned(),
    }
}

fn object<'a>(v: &'a Value, pointer: &str) -> Result<&'a Map> {
    v.as_mapping()
        .ok_or_else(|| invalid(pointer, format!("expected an object, found {}", kind(v))))
}

/// Checks the member `key` of `map`, if present, with `check`.
fn member(
    map: &Map,
    pointer: &str,
    key: &str,
    check: impl FnOnce(&Value, &str) -> Result<()>,
) -> Result<()> {
    match map.get(key) {
        Some(v) => check(v, &pointer_join(pointer, key)),
        None => Ok(()),
    }
}

/// Checks the member `key` of `map` with `check`; its absence is an error, as it is to
/// `openapiv3` (which then retries every alternative around it).
fn required(
    map: &Map,
    pointer: &str,
    key: &str,
    check: impl FnOnce(&Value, &str) -> Result<()>,
) -> Result<()> {
    match map.get(key) {
        Some(v) => check(v, &pointer_join(pointer, key)),
        None => Err(invalid(pointer, format!("missing field `{key}`"))),
    }
}

fn expect(v: &Value, pointer: &str, ok: bool, what: &str) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(invalid(
            pointer,
            format!("expected {what}, found {}", kind(v)),
        ))
    }
}

fn string(v: &Value, p: &str) -> Result<()> {
    expect(v, p, v.is_string(), "a string")
}

fn boolean(v: &Value, p: &str) -> Result<()> {
    expect(v, p, v.is_bool(), "a boolean")
}

fn number(v: &Value, p: &str) -> Result<()> {
    expect(v, p, v.is_number(), "a number")
}

fn count(v: &Value, p: &str) -> Result<()> {
    expect(
        v,
        p,
        v.as_u64().is_some_and(|n| n <= u32::MAX as u64),
        "a non-negative integer",
    )
}

fn array(v: &Value, p: &str) -> Result<()> {
    expect(v, p, v.is_sequence(), "an array")
}

fn strings(v: &Value, p: &str) -> Result<()> {
    let items = v.as_sequence().ok_or_else(|| {
        invalid(
            p,
            format!("expected an array of strings, found {}", kind(v)),
        )
    })?;
    for (i, item) in items.iter().enumerate() {
        string(item, &pointer_join(p, &i.to_string()))?;
    }
    Ok(())
}

/// Each value of an object member, checked with `check`.
fn each_value(v: &Value, p: &str, check: fn(&Value, &str) -> Result<()>) -> Result<()> {
    for (k, item) in object(v, p)? {
        check(item, &pointer_join(p, &key_text(k)))?;
    }
    Ok(())
}

fn each_item(v: &Value, p: &str, check: fn(&Value, &str) -> Result<()>) -> Result<()> {
    let items = v
        .as_sequence()
        .ok_or_else(|| invalid(p, format!("expected an array, found {}", kind(v))))?;
    for (i, item) in items.iter().enumerate() {
        check(item, &pointer_join(p, &i.to_string()))?;
    }
    Ok(())
}

/// A schema or a `$ref` to one.
fn schema(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    if map.contains_key("$ref") {
        return member(map, p, "$ref", string);
    }
    for key in ["type", "pattern", "format", "title", "description"] {
        member(map, p, key, string)?;
    }
    for key in [
        "nullable",
        "readOnly",
        "writeOnly",
        "deprecated",
        "uniqueItems",
        "exclusiveMinimum",
        "exclusiveMaximum",
    ] {
        member(map, p, key, boolean)?;
    }
    for key in ["minimum", "maximum", "multipleOf"] {
        member(map, p, key, number)?;
    }
    for key in [
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
    ] {
        member(map, p, key, count)?;
    }
    member(map, p, "required", strings)?;
    member(map, p, "enum", array)?;
    member(map, p, "properties", |v, p| each_value(v, p, schema))?;
    member(map, p, "items", schema)?;
    member(map, p, "not", schema)?;
    for key in ["allOf", "oneOf", "anyOf"] {
        member(map, p, key, |v, p| each_item(v, p, schema))?;
    }
    member(map, p, "additionalProperties", |v, p| match v {
        Value::Bool(_) => Ok(()),
        _ => schema(v, p),
    })?;
    member(map, p, "externalDocs", |v, p| {
        let docs = object(v, p)?;
        required(docs, p, "url", string)?;
        member(docs, p, "description", string)
    })?;
    member(map, p, "discriminator", |v, p| {
        let d = object(v, p)?;
        required(d, p, "propertyName", string)?;
        member(d, p, "mapping", |v, p| each_value(v, p, string))
    })
}

fn media_types(v: &Value, p: &str) -> Result<()> {
    each_value(v, p, |media, p| {
        member(object(media, p)?, p, "schema", schema)
    })
}

fn parameter(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    if map.contains_key("$ref") {
        return member(map, p, "$ref", string);
    }
    member(map, p, "name", string)?;
    member(map, p, "in", string)?;
    member(map, p, "required", boolean)?;
    member(map, p, "schema", schema)?;
    member(map, p, "content", media_types)
}

fn request_body(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    if map.contains_key("$ref") {
        return member(map, p, "$ref", string);
    }
    member(map, p, "content", media_types)
}

fn response(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    if map.contains_key("$ref") {
        return member(map, p, "$ref", string);
    }
    member(map, p, "content", media_types)
}

fn operation(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    member(map, p, "operationId", string)?;
    member(map, p, "parameters", |v, p| each_item(v, p, parameter))?;
    member(map, p, "requestBody", request_body)?;
    member(map, p, "responses", |v, p| each_value(v, p, response))
}

fn path_item(v: &Value, p: &str) -> Result<()> {
    let map = object(v, p)?;
    member(map, p, "parameters", |v, p| each_item(v, p, parameter))?;
    for method in METHODS {
        member(map, p, method, operation)?;
    }
    Ok(())
}

/// Checks the parts of `doc` that `openapiv3` reads through untagged enums.
pub fn check(doc: &Value) -> Result<()> {
    let root = object(doc, "#")?;
    member(root, "#", "paths", |v, p| each_value(v, p, path_item))?;
    member(root, "#", "components", |v, p| {
        let c = object(v, p)?;
        member(c, p, "schemas", |v, p| each_value(v, p, schema))?;
        member(c, p, "parameters", |v, p| each_value(v, p, parameter))?;
        member(c, p, "requestBodies", |v, p| each_value(v, p, request_body))?;
        member(c, p, "responses", |v, p| each_value(v, p, response))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointer_of(doc: serde_json::Value) -> Option<String> {
        let doc: Value = serde_yaml::to_value(doc).unwrap();
        check(&doc).err().and_then(|e| e.pointer)
    }

    #[test]
    fn finds_wrongly_typed_keywords() {
        let doc = serde_json::json!({
            "openapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "paths": {"/x": {"get": {"parameters": [{"name": "q", "in": "query",
                "schema": {"type": "integer", "minimum": "1"}}], "responses": {}}}}
        });
        assert_eq!(
            pointer_of(doc).as_deref(),
            Some("#/paths/~1x/get/parameters/0/schema/minimum")
        );
        let doc = serde_json::json!({"components": {"schemas": {"A": {"allOf": [
            {"properties": {"x": {"allOf": [{"properties": {"y": {"maxLength": -1}}}]}}}]}}}});
        assert_eq!(
            pointer_of(doc).as_deref(),
            Some("#/components/schemas/A/allOf/0/properties/x/allOf/0/properties/y/maxLength")
        );
        assert_eq!(
            pointer_of(serde_json::json!({"paths": []})).as_deref(),
            Some("#/paths")
        );
    }

    #[test]
    fn finds_missing_required_members() {
        let nested = |inner: serde_json::Value| {
            serde_json::json!({"components": {"schemas": {"A": {"anyOf": [
                {"properties": {"x": {"not": inner}}}]}}}})
        };
        let err = check(
            &serde_yaml::to_value(nested(
                serde_json::json!({"discriminator": {"mapping": {}}}),
            ))
            .unwrap(),
        )
        .unwrap_err();
        assert_eq!(
            err.pointer.as_deref(),
            Some("#/components/schemas/A/anyOf/0/properties/x/not/discriminator")
        );
        assert_eq!(
            err.message,
            "not a valid OpenAPI 3.0 document: missing field `propertyName`"
        );
        assert_eq!(
            pointer_of(nested(serde_json::json!({"externalDocs": {"url": 1}}))).as_deref(),
            Some("#/components/schemas/A/anyOf/0/properties/x/not/externalDocs/url")
        );
    }

    #[test]
    fn accepts_valid_documents() {
        let doc = serde_json::json!({
            "openapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "paths": {"/x": {"post": {"requestBody": {"content": {"application/json":
                {"schema": {"$ref": "#/components/schemas/A"}}}}, "responses": {"200":
                {"description": "ok"}}}}},
            "components": {"schemas": {"A": {"type": "object", "required": ["a"],
                "properties": {"a": {"type": "string", "maxLength": 5}},
                "additionalProperties": false}}}
        });
        assert!(check(&serde_yaml::to_value(doc).unwrap()).is_ok());
    }
}
