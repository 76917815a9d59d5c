//! JSON Schema (draft 7) documents built from an OpenAPI 3.0 spec's components, for the
//! `jsonschema` crate.
//!
//! - `$ref`s to `#/components/schemas/X` become `#/definitions/X`; only the schemas the root
//!   reaches are copied.
//! - `allOf: [{$ref}, {description}]` (the spec's "that type, with this doc") becomes the
//!   `$ref` alone once annotations are dropped.
//! - OpenAPI-only keywords (`nullable`, `xml`, `discriminator`, `example`, …), annotations
//!   and `format` (`password` is no JSON Schema format, and AWS's `date-time` is a number)
//!   are dropped.
//! - Patterns are anchored as `^(?:…)$`, because JSON Schema's `pattern` is a search and
//!   AWS's a full match. They are otherwise kept as written: the spec's Java patterns read
//!   the same in JSON Schema's ECMA-262 dialect for the schemas benchmarked here (`\w` and
//!   `\d` are ASCII in both; `\p{L}` is Unicode), and `jsonschema` translates them itself.

use serde_json::{Map, Value};

const REF_PREFIX: &str = "#/components/schemas/";

/// Keywords dropped from every schema object.
const DROPPED: &[&str] = &[
    "description",
    "title",
    "format",
    "nullable",
    "xml",
    "discriminator",
    "example",
    "externalDocs",
    "readOnly",
    "writeOnly",
    "deprecated",
];

/// The JSON Schema of component `root` of `spec` (an OpenAPI document as JSON), with every
/// schema it reaches under `definitions`.
///
/// # Panics
///
/// If `root` or a schema it references is missing.
pub fn for_component(spec: &Value, root: &str) -> Value {
    let components = spec["components"]["schemas"]
        .as_object()
        .expect("the spec has components/schemas");
    let mut definitions = Map::new();
    let mut pending = vec![root.to_owned()];
    while let Some(name) = pending.pop() {
        if definitions.contains_key(&name) {
            continue;
        }
        let schema = components
            .get(&name)
            .unwrap_or_else(|| panic!("no schema `{name}`"));
        let converted = convert(schema, &mut pending);
        definitions.insert(name, converted);
    }
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        Value::String("http://json-schema.org/draft-07/schema#".into()),
    );
    doc.insert(
        "$ref".into(),
        Value::String(format!("#/definitions/{root}")),
    );
    doc.insert("definitions".into(), Value::Object(definitions));
    Value::Object(doc)
}

/// Converts one schema object, queueing the components it references.
fn convert(schema: &Value, refs: &mut Vec<String>) -> Value {
    let Some(object) = schema.as_object() else {
        return schema.clone();
    };
    let mut out = Map::new();
    for (key, value) in object {
        if DROPPED.contains(&key.as_str()) || key.starts_with("x-") {
            continue;
        }
        let converted = match key.as_str() {
            "$ref" => {
                let target = value.as_str().expect("$ref is a string");
                let name = target
                    .strip_prefix(REF_PREFIX)
                    .unwrap_or_else(|| panic!("unsupported $ref `{target}`"));
                refs.push(name.to_owned());
                Value::String(format!("#/definitions/{name}"))
            }
            "properties" => Value::Object(
                value
                    .as_object()
                    .expect("properties is an object")
                    .iter()
                    .map(|(k, v)| (k.clone(), convert(v, refs)))
                    .collect(),
            ),
            "items" | "additionalProperties" | "not" => convert(value, refs),
            "allOf" | "anyOf" | "oneOf" => Value::Array(
                value
                    .as_array()
                    .expect("a list of schemas")
                    .iter()
                    .map(|v| convert(v, refs))
                    .filter(|v| v.as_object().is_none_or(|o| !o.is_empty()))
                    .collect(),
            ),
            "pattern" => {
                let source = value.as_str().expect("pattern is a string");
                Value::String(format!("^(?:{source})$"))
            }
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }
    // `allOf` with a single schema left is that schema.
    if out.len() == 1
        && let Some(Value::Array(all)) = out.get("allOf")
        && all.len() == 1
    {
        return all[0].clone();
    }
    Value::Object(out)
}
