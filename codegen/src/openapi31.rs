//! OpenAPI 3.1 read as the 3.0 the rest of the generator knows, on the document as data.
//!
//! 3.1 schemas are JSON Schema 2020-12. What has a 3.0 equivalent is rewritten to it, in
//! place, so every pointer in later errors still names the place in the user's document:
//!
//! | 3.1 | 3.0 |
//! |---|---|
//! | `type: [T, "null"]` | `type: T`, `nullable: true` |
//! | `type: [A, B]` | `anyOf: [{type: A}, {type: B}]` |
//! | `type: "null"` alone | `nullable: true`, `enum: [null]` |
//! | `const: v` | `enum: [v]` |
//! | `exclusiveMinimum: n` (a number) | `minimum: n`, `exclusiveMinimum: true` (and maximum) |
//! | `examples: [a, ...]` | `example: a` |
//! | `prefixItems: [A, B]` (tuples) | `items: {anyOf: [A, B]}`, with `minItems`/`maxItems` when `items: false` |
//! | `$ref` with sibling keywords | `allOf: [{$ref}]` with the siblings beside it |
//! | `$defs` | left for the reference pass, which moves what is referenced into components |
//! | `contentEncoding: base64` | `format: byte` |
//!
//! Document-level keywords 3.0 does not know (`webhooks`, `jsonSchemaDialect`,
//! `components.pathItems`, `info.summary`, `license.identifier`) are dropped: nothing is
//! generated from them. A missing `paths` (optional in 3.1) reads as no operations.

use serde_yaml::{Mapping, Value};

use crate::error::{Error, ErrorKind, Result, pointer_join};

/// Whether the document is OpenAPI 3.1.
pub fn is_31(doc: &Value) -> bool {
    doc.get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("3.1"))
}

/// Rewrites a 3.1 document into 3.0 (see the module docs).
pub fn downgrade(doc: &mut Value) -> Result<()> {
    let Value::Mapping(root) = doc else {
        return Err(Error::at(
            ErrorKind::Invalid,
            "#",
            "an OpenAPI document must be an object",
        ));
    };
    root.insert(str_value("openapi"), str_value("3.0.3"));
    for key in ["webhooks", "jsonSchemaDialect"] {
        root.remove(key);
    }
    if !root.contains_key("paths") {
        root.insert(str_value("paths"), Value::Mapping(Mapping::new()));
    }
    if let Some(Value::Mapping(info)) = root.get_mut("info") {
        info.remove("summary");
        if let Some(Value::Mapping(license)) = info.get_mut("license") {
            license.remove("identifier");
        }
    }
    if let Some(Value::Mapping(components)) = root.get_mut("components") {
        components.remove("pathItems");
        if let Some(Value::Mapping(schemas)) = components.get_mut("schemas") {
            for (name, schema) in schemas.iter_mut() {
                let at = pointer_join("#/components/schemas", name.as_str().unwrap_or(""));
                schema_31(schema, &at);
            }
        }
        for section in ["parameters", "headers"] {
            if let Some(Value::Mapping(items)) = components.get_mut(section) {
                for (_, item) in items.iter_mut() {
                    schemas_under(item, "#");
                }
            }
        }
        for section in ["responses", "requestBodies"] {
            if let Some(Value::Mapping(items)) = components.get_mut(section) {
                for (_, item) in items.iter_mut() {
                    schemas_under(item, "#");
                }
            }
        }
    }
    if let Some(paths) = root.get_mut("paths") {
        schemas_under(paths, "#/paths");
    }
    Ok(())
}

fn str_value(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// Every `schema` member below `value` (parameters, media types, headers) is a schema.
fn schemas_under(value: &mut Value, at: &str) {
    match value {
        Value::Mapping(map) => {
            for (k, v) in map.iter_mut() {
                let key = k.as_str().unwrap_or("");
                let here = pointer_join(at, key);
                if key == "schema" {
                    schema_31(v, &here);
                } else {
                    schemas_under(v, &here);
                }
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                schemas_under(v, &pointer_join(at, &i.to_string()));
            }
        }
        _ => {}
    }
}

/// Keywords whose value is one schema.
const ONE: &[&str] = &[
    "items",
    "not",
    "additionalProperties",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
];
/// Keywords whose value is a list of schemas.
const MANY: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value maps names to schemas.
const NAMED: &[&str] = &[
    "properties",
    "$defs",
    "patternProperties",
    "dependentSchemas",
];

/// Rewrites one schema and the schemas inside it.
fn schema_31(schema: &mut Value, at: &str) {
    let Value::Mapping(map) = schema else {
        return;
    };
    for key in ONE {
        if let Some(v) = map.get_mut(*key) {
            schema_31(v, &pointer_join(at, key));
        }
    }
    for key in MANY {
        if let Some(Value::Sequence(items)) = map.get_mut(*key) {
            for (i, v) in items.iter_mut().enumerate() {
                schema_31(v, &pointer_join(&pointer_join(at, key), &i.to_string()));
            }
        }
    }
    for key in NAMED {
        if let Some(Value::Mapping(named)) = map.get_mut(*key) {
            for (name, v) in named.iter_mut() {
                let here = pointer_join(&pointer_join(at, key), name.as_str().unwrap_or(""));
                schema_31(v, &here);
            }
        }
    }
    rewrite_keywords(map);
}

fn rewrite_keywords(map: &mut Mapping) {
    // `$ref` with siblings: 3.0 ignores the siblings, 3.1 applies them.
    if map.len() > 1
        && let Some(reference) = map.remove("$ref")
    {
        let mut only = Mapping::new();
        only.insert(str_value("$ref"), reference);
        map.insert(
            str_value("allOf"),
            Value::Sequence(vec![Value::Mapping(only)]),
        );
    }
    // `type` as a list.
    if let Some(Value::Sequence(types)) = map.get("type").cloned() {
        let nullable = types.iter().any(|t| t.as_str() == Some("null"));
        let rest: Vec<Value> = types
            .into_iter()
            .filter(|t| t.as_str() != Some("null"))
            .collect();
        map.remove("type");
        match rest.as_slice() {
            [] => {}
            [one] => {
                map.insert(str_value("type"), one.clone());
            }
            many => {
                let alternatives = many
                    .iter()
                    .map(|t| {
                        let mut m = Mapping::new();
                        m.insert(str_value("type"), t.clone());
                        Value::Mapping(m)
                    })
                    .collect();
                map.insert(str_value("anyOf"), Value::Sequence(alternatives));
            }
        }
        if nullable {
            map.insert(str_value("nullable"), Value::Bool(true));
        }
    } else if map.get("type").and_then(Value::as_str) == Some("null") {
        map.remove("type");
        map.insert(str_value("nullable"), Value::Bool(true));
        map.insert(str_value("enum"), Value::Sequence(vec![Value::Null]));
    }
    if let Some(value) = map.remove("const") {
        map.insert(str_value("enum"), Value::Sequence(vec![value]));
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(n @ Value::Number(_)) = map.get(exclusive).cloned() {
            map.insert(str_value(bound), n);
            map.insert(str_value(exclusive), Value::Bool(true));
        }
    }
    if let Some(Value::Sequence(examples)) = map.remove("examples")
        && let Some(first) = examples.into_iter().next()
        && !map.contains_key("example")
    {
        map.insert(str_value("example"), first);
    }
    if let Some(Value::Sequence(prefix)) = map.remove("prefixItems") {
        let closed = matches!(map.get("items"), Some(Value::Bool(false)));
        if closed || !map.contains_key("items") {
            if closed {
                let n = Value::Number(prefix.len().into());
                map.insert(str_value("maxItems"), n.clone());
                map.entry(str_value("minItems")).or_insert(n);
            }
            let mut any = Mapping::new();
            any.insert(str_value("anyOf"), Value::Sequence(prefix));
            map.insert(str_value("items"), Value::Mapping(any));
        }
    }
    if matches!(map.get("items"), Some(Value::Bool(_))) {
        // `items: true` admits anything; `false` without a prefix admits nothing but an
        // empty list, which 3.0 cannot say: both read as "any item".
        map.insert(str_value("items"), Value::Mapping(Mapping::new()));
    }
    if map.get("contentEncoding").and_then(Value::as_str) == Some("base64") {
        map.remove("contentEncoding");
        map.entry(str_value("format"))
            .or_insert_with(|| str_value("byte"));
    }
    for key in [
        "$schema",
        "$id",
        "$anchor",
        "$comment",
        "contentMediaType",
        "contentEncoding",
        "dependentRequired",
        "$dynamicRef",
        "$dynamicAnchor",
    ] {
        map.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn down(text: &str) -> Value {
        let mut v: Value = serde_yaml::from_str(text).unwrap();
        downgrade(&mut v).unwrap();
        v
    }

    #[test]
    fn json_schema_2020_12_keywords_become_openapi_3_0() {
        let d = down(
            r#"
openapi: 3.1.0
info: {title: t, version: '1', summary: s, license: {name: MIT, identifier: MIT}}
webhooks: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: [string, "null"], examples: [Rex, Fido]}
        kind: {const: dog}
        age: {type: integer, exclusiveMinimum: 0, exclusiveMaximum: 30}
        tag: {type: [string, integer]}
        pair: {type: array, prefixItems: [{type: string}, {type: integer}], items: false}
        owner: {$ref: '#/components/schemas/Owner', description: the owner}
    Owner: {type: object}
"#,
        );
        assert_eq!(d["openapi"], "3.0.3");
        assert!(d.get("webhooks").is_none());
        assert!(d["info"].get("summary").is_none());
        assert!(d["paths"].is_mapping());
        let p = &d["components"]["schemas"]["Pet"]["properties"];
        assert_eq!(p["name"]["type"], "string");
        assert_eq!(p["name"]["nullable"], true);
        assert_eq!(p["name"]["example"], "Rex");
        assert_eq!(p["kind"]["enum"][0], "dog");
        assert_eq!(p["age"]["minimum"], 0);
        assert_eq!(p["age"]["exclusiveMinimum"], true);
        assert_eq!(p["age"]["maximum"], 30);
        assert_eq!(p["tag"]["anyOf"][1]["type"], "integer");
        assert_eq!(p["pair"]["items"]["anyOf"][0]["type"], "string");
        assert_eq!(p["pair"]["maxItems"], 2);
        assert_eq!(p["owner"]["allOf"][0]["$ref"], "#/components/schemas/Owner");
        assert_eq!(p["owner"]["description"], "the owner");
    }

    #[test]
    fn schemas_in_operations_are_rewritten_too() {
        let d = down(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: n, in: query, schema: {type: [integer, "null"]}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {const: 1}}}
"#,
        );
        let op = &d["paths"]["/a"]["get"];
        assert_eq!(op["parameters"][0]["schema"]["nullable"], true);
        assert_eq!(
            op["responses"]["200"]["content"]["application/json"]["schema"]["enum"][0],
            1
        );
    }
}
