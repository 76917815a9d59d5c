//! `$ref`s to any place in the document, brought to the forms the lowering reads.
//!
//! OpenAPI allows a reference to any JSON pointer of the document: a schema inside a
//! response of another operation, a path item, a parameter of another path. The lowering
//! reads schemas through `#/components/schemas/<name>` and parameters, responses and
//! request bodies through their own component sections. This pass, on the document as
//! data, rewrites everything else:
//!
//! - a schema reached by a pointer outside `#/components/schemas` is moved into
//!   `components.schemas` under a name made from its pointer (`x-specgen-pointer` keeps
//!   the pointer, for names in errors and docs); its old place and every reference to it
//!   point there, so all of them share one type;
//! - a path item, parameter, response, request body, header or callback reached by a
//!   pointer outside its component section is copied in place (they carry no identity of
//!   their own in the generated code).
//!
//! References to other files or URLs are refused with the pointer of the `$ref`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde_yaml::{Mapping, Value};

use crate::error::{Error, ErrorKind, Result, pointer_join};
use crate::names::camel;

/// The extension that keeps the original pointer of a schema moved into components.
pub const ORIGIN: &str = "x-specgen-pointer";

/// How many rounds of copying in place are allowed (a cycle of path item references never
/// ends).
const MAX_ROUNDS: usize = 64;

/// What a `$ref` stands for, from where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Schema,
    PathItem,
    Parameter,
    Response,
    RequestBody,
    Header,
    Callback,
    /// Examples and links: nothing reads them, so nothing is rewritten.
    Other,
}

impl Place {
    /// The component section a reference of this place may point at as it is.
    fn section(self) -> Option<&'static str> {
        match self {
            Place::Schema => Some("schemas"),
            Place::Parameter => Some("parameters"),
            Place::Response => Some("responses"),
            Place::RequestBody => Some("requestBodies"),
            Place::Header => Some("headers"),
            Place::PathItem | Place::Callback | Place::Other => None,
        }
    }
}

/// One `$ref` found in the document.
#[derive(Debug)]
struct Found {
    /// Where the object holding `$ref` is, as pointer segments.
    at: Vec<String>,
    target: String,
    place: Place,
}

/// Rewrites the references of `doc` (see the module docs).
pub fn normalize(doc: &mut Value) -> Result<()> {
    let mut hoisted: BTreeMap<String, String> = BTreeMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut found = Vec::new();
        collect(doc, &mut Vec::new(), &mut found);
        let mut changed = false;
        for f in found {
            if rewrite(doc, &f, &mut hoisted)? {
                changed = true;
            }
        }
        if !changed {
            return Ok(());
        }
    }
    Err(Error::at(
        ErrorKind::Unsupported,
        "#/paths",
        "references form a cycle or nest more than 64 deep",
    ))
}

/// Keys whose members are names chosen by the spec's author, not OpenAPI's fields.
const NAME_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "examples",
    "links",
    "callbacks",
    "securitySchemes",
    "pathItems",
    "content",
    "encoding",
    "variables",
    "paths",
];

/// Finds every `$ref` and the place it is written in. The keys on the way are borrowed:
/// only a found reference copies them.
fn collect<'a>(value: &'a Value, at: &mut Vec<Cow<'a, str>>, out: &mut Vec<Found>) {
    match value {
        Value::Mapping(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                let owned: Vec<String> = at.iter().map(|s| s.to_string()).collect();
                out.push(Found {
                    place: place(&owned),
                    at: owned,
                    target: target.clone(),
                });
            }
            // Extensions are opaque: a `$ref` inside one is the vendor's, not OpenAPI's
            // (unless the key names a property, header, response… that starts `x-`).
            let names = at
                .last()
                .is_some_and(|parent| NAME_MAPS.contains(&&**parent));
            for (k, v) in map {
                let key = match k {
                    Value::String(s) => Cow::Borrowed(s.as_str()),
                    other => Cow::Owned(key_text(other)),
                };
                if key == "$ref" || (key.starts_with("x-") && !names) {
                    continue;
                }
                at.push(key);
                collect(v, at, out);
                at.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Cow::Owned(i.to_string()));
                collect(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The place of the object at `at`, from the keys that lead to it.
fn place(at: &[String]) -> Place {
    let n = at.len();
    let last = |i: usize| at.get(n.wrapping_sub(i)).map(String::as_str);
    match (last(2), last(1)) {
        (_, None) => Place::Other,
        (Some("paths"), _) if n == 2 => Place::PathItem,
        (Some("components"), _) => Place::Other,
        (Some("parameters"), Some(_)) => Place::Parameter,
        (Some("responses"), Some(_)) => Place::Response,
        (_, Some("requestBody")) => Place::RequestBody,
        (Some("requestBodies"), _) if n == 3 => Place::RequestBody,
        (Some("headers"), Some(_)) => Place::Header,
        (Some("callbacks"), Some(_)) => Place::Callback,
        (Some("examples" | "links"), Some(_)) => Place::Other,
        // A path item of a callback: `callbacks/<name>/<expression>`.
        _ if n >= 3 && at[n - 3] == "callbacks" => Place::PathItem,
        (Some("pathItems"), _) if n == 3 => Place::PathItem,
        _ => Place::Schema,
    }
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

fn pointer_of(at: &[String]) -> String {
    at.iter()
        .fold(String::from("#"), |p, seg| pointer_join(&p, seg))
}

/// The segments of a local pointer (`#/a/b~1c` → `a`, `b/c`).
fn segments(target: &str) -> Option<Vec<String>> {
    let rest = target.strip_prefix('#')?;
    // A fragment is percent-encoded (RFC 6901, section 6): `{` is often written `%7B`.
    let decoded = percent_decode(rest)?;
    let rest = decoded.as_str();
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let rest = rest.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// `%XX` escapes decoded; `None` when they do not make UTF-8 text.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The literal path of the place `path` leads to when each local `$ref` met on the way
/// (alone, or the only part of an `allOf`) is followed; `None` when it leads nowhere.
fn canonical(doc: &Value, path: &[String]) -> Option<Vec<String>> {
    let mut here: Vec<String> = Vec::new();
    let mut follows = 0;
    for seg in path {
        loop {
            let node = lookup(doc, &here)?;
            let Value::Mapping(map) = node else { break };
            if map.iter().any(|(k, _)| key_text(k) == *seg) {
                break;
            }
            let reference = match (map.get("$ref"), map.get("allOf")) {
                (Some(Value::String(r)), _) => r.clone(),
                (None, Some(Value::Sequence(parts))) if parts.len() == 1 => {
                    match parts[0].get("$ref") {
                        Some(Value::String(r)) => r.clone(),
                        _ => break,
                    }
                }
                _ => break,
            };
            follows += 1;
            if follows > 64 {
                return None;
            }
            here = segments(&reference)?;
        }
        here.push(seg.clone());
    }
    Some(here)
}

fn lookup<'v>(doc: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(doc, |v, seg| match v {
        Value::Mapping(map) => map
            .iter()
            .find(|(k, _)| key_text(k) == *seg)
            .map(|(_, v)| v),
        Value::Sequence(items) => seg.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

fn lookup_mut<'v>(doc: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(doc, |v, seg| match v {
        Value::Mapping(map) => map
            .iter_mut()
            .find(|(k, _)| key_text(k) == *seg)
            .map(|(_, v)| v),
        Value::Sequence(items) => seg.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// Rewrites one reference; whether the document changed.
fn rewrite(doc: &mut Value, f: &Found, hoisted: &mut BTreeMap<String, String>) -> Result<bool> {
    let here = || pointer_join(&pointer_of(&f.at), "$ref");
    if f.place == Place::Other {
        return Ok(false);
    }
    if !f.target.starts_with('#') {
        return Err(Error::at(
            ErrorKind::Unsupported,
            here(),
            format!(
                "$ref `{}` points into another document; references must stay inside this one",
                f.target
            ),
        ));
    }
    let Some(target) = segments(&f.target) else {
        return Err(Error::at(
            ErrorKind::Invalid,
            here(),
            format!("$ref `{}` is not a JSON pointer", f.target),
        ));
    };
    // Already in the form the lowering reads (whether it resolves is the lowering's to say).
    if let Some(section) = f.place.section()
        && target.len() == 3
        && target[0] == "components"
        && target[1] == section
    {
        return Ok(false);
    }
    // Through a `$ref` on the way (written so by bundlers, or left by a schema moved
    // into components before): the place it leads to.
    let target = canonical(doc, &target).unwrap_or(target);
    let Some(value) = lookup(doc, &target).cloned() else {
        return Err(Error::at(
            ErrorKind::Invalid,
            here(),
            format!("$ref `{}` does not resolve", f.target),
        ));
    };
    match f.place {
        Place::Schema => {
            // Keyed by the place, so two spellings of one pointer make one type.
            let place = pointer_of(&target);
            let name = match hoisted.get(&place) {
                Some(name) => name.clone(),
                None => {
                    let name = hoist(doc, &target, value, &f.target)?;
                    hoisted.insert(place, name.clone());
                    // The schema's old place refers to it too (its description stays).
                    if let Some(old) = lookup_mut(doc, &target) {
                        let mut here = Mapping::new();
                        let reference = Value::String(pointer_join("#/components/schemas", &name));
                        match old.get("description").cloned() {
                            Some(description) => {
                                let mut only = Mapping::new();
                                only.insert(Value::String("$ref".into()), reference);
                                here.insert(
                                    Value::String("allOf".into()),
                                    Value::Sequence(vec![Value::Mapping(only)]),
                                );
                                here.insert(Value::String("description".into()), description);
                            }
                            None => {
                                here.insert(Value::String("$ref".into()), reference);
                            }
                        }
                        *old = Value::Mapping(here);
                    }
                    name
                }
            };
            let reference = Value::String(pointer_join("#/components/schemas", &name));
            set_ref(doc, &f.at, reference);
        }
        _ => {
            // Copied in place; members written beside the `$ref` (OpenAPI 3.1 allows a
            // summary and description there) win over the target's.
            let Some(Value::Mapping(holder)) = lookup_mut(doc, &f.at) else {
                return Ok(false);
            };
            let mut copy = match value {
                Value::Mapping(m) => m,
                _ => {
                    return Err(Error::at(
                        ErrorKind::Invalid,
                        here(),
                        format!("$ref `{}` does not point at an object", f.target),
                    ));
                }
            };
            for (k, v) in holder.iter() {
                if key_text(k) != "$ref" {
                    copy.insert(k.clone(), v.clone());
                }
            }
            *holder = copy;
        }
    }
    Ok(true)
}

fn set_ref(doc: &mut Value, at: &[String], reference: Value) {
    if let Some(Value::Mapping(holder)) = lookup_mut(doc, at) {
        holder.insert(Value::String("$ref".into()), reference);
    }
}

/// Words of a pointer that say where, not what: left out of the name of a moved schema.
const STRUCTURAL: &[&str] = &[
    "paths",
    "components",
    "schemas",
    "content",
    "schema",
    "properties",
    "items",
    "responses",
    "requestBody",
    "requestBodies",
    "parameters",
    "headers",
    "additionalProperties",
    "$defs",
    "definitions",
];

/// Copies the schema at `target` into `components.schemas` under a free name made from its
/// pointer; returns the name.
fn hoist(doc: &mut Value, target: &[String], value: Value, pointer: &str) -> Result<String> {
    let words: Vec<String> = target
        .iter()
        .filter(|seg| {
            !STRUCTURAL.contains(&seg.as_str()) && !seg.contains('/') || seg.starts_with('/')
        })
        .map(|seg| seg.replace(['{', '}'], " "))
        .collect();
    let base = camel(&words.join(" "), "Schema");
    let components = ensure_map(doc, "components");
    let schemas = match components
        .entry(Value::String("schemas".into()))
        .or_insert_with(|| Value::Mapping(Mapping::new()))
    {
        Value::Mapping(m) => m,
        _ => {
            return Err(Error::at(
                ErrorKind::Invalid,
                "#/components/schemas",
                "`schemas` must be an object",
            ));
        }
    };
    let taken: BTreeSet<String> = schemas.keys().map(key_text).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}{n}");
        n += 1;
    }
    let mut value = value;
    if let Value::Mapping(m) = &mut value {
        m.insert(Value::String(ORIGIN.into()), Value::String(pointer.into()));
    }
    schemas.insert(Value::String(name.clone()), value);
    Ok(name)
}

fn ensure_map<'v>(doc: &'v mut Value, key: &str) -> &'v mut Mapping {
    if !doc.is_mapping() {
        *doc = Value::Mapping(Mapping::new());
    }
    let Value::Mapping(map) = doc else {
        unreachable!("made a mapping above")
    };
    let entry = map
        .entry(Value::String(key.into()))
        .or_insert_with(|| Value::Mapping(Mapping::new()));
    if !entry.is_mapping() {
        *entry = Value::Mapping(Mapping::new());
    }
    match entry {
        Value::Mapping(m) => m,
        _ => unreachable!("made a mapping above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn schemas_anywhere_move_into_components() {
        let mut d = doc(r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /api/monsters/{index}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  name: {type: string}
  /api/others:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/paths/~1api~1monsters~1{index}/get/responses/200/content/application~1json/schema'
"#);
        normalize(&mut d).unwrap();
        let schemas = &d["components"]["schemas"];
        let moved = &schemas["ApiMonstersIndexGet200"];
        assert_eq!(moved["properties"]["name"]["type"], "string");
        // Its old place refers to it, so both uses are one type.
        assert_eq!(
            d["paths"]["/api/monsters/{index}"]["get"]["responses"]["200"]["content"]["application/json"]
                ["schema"]["$ref"],
            "#/components/schemas/ApiMonstersIndexGet200"
        );
        assert_eq!(
            moved[ORIGIN],
            "#/paths/~1api~1monsters~1{index}/get/responses/200/content/application~1json/schema"
        );
        assert_eq!(
            d["paths"]["/api/others"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["$ref"],
            "#/components/schemas/ApiMonstersIndexGet200"
        );
    }

    #[test]
    fn path_items_and_parameters_are_copied_in_place() {
        let mut d = doc(r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses: {'200': {description: ok}}
  /b:
    $ref: '#/paths/~1a'
  /c:
    get:
      parameters:
        - $ref: '#/paths/~1a/get/parameters/0'
      responses: {'200': {description: ok}}
"#);
        normalize(&mut d).unwrap();
        assert_eq!(d["paths"]["/b"]["get"]["parameters"][0]["name"], "limit");
        assert_eq!(d["paths"]["/c"]["get"]["parameters"][0]["in"], "query");
        assert!(d["paths"]["/b"].get("$ref").is_none());
    }

    #[test]
    fn external_and_dangling_references_are_refused_where_written() {
        let mut d = doc("paths: {/a: {get: {parameters: [{$ref: 'other.yaml#/p'}]}}}");
        let e = normalize(&mut d).unwrap_err();
        assert_eq!(
            e.pointer.as_deref(),
            Some("#/paths/~1a/get/parameters/0/$ref")
        );
        assert!(e.message.contains("another document"), "{e}");
        let mut d = doc("paths: {/a: {$ref: '#/paths/~1b'}}");
        let e = normalize(&mut d).unwrap_err();
        assert!(e.message.contains("does not resolve"), "{e}");
    }

    #[test]
    fn percent_encoded_pointers_resolve() {
        let mut d = doc(
            "paths: {'/k/{id}': {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}]}, \
             delete: {parameters: [{$ref: '#/paths/~1k~1%7Bid%7D/get/parameters/0'}]}}}",
        );
        normalize(&mut d).unwrap();
        let copied = lookup(
            &d,
            &segments("#/paths/~1k~1{id}/delete/parameters/0").unwrap(),
        );
        assert_eq!(
            copied.and_then(|p| p.get("name")).and_then(Value::as_str),
            Some("id")
        );
    }

    #[test]
    fn pointers_through_references_resolve() {
        // The second `$ref` goes through the first one's target, as bundlers write them;
        // after the first schema moves into components it also goes through a `$ref`.
        let mut d = doc(
            "paths: {/a: {get: {responses: {'200': {description: ok, content: {application/json: \
             {schema: {$ref: '#/components/schemas/Page'}}}}}}}, \
             /b: {get: {parameters: [{name: id, in: query, schema: \
             {$ref: '#/paths/~1a/get/responses/200/content/application~1json/schema/properties/id'}}]}}}\n\
             components: {schemas: {Page: {type: object, properties: {id: {type: integer}}}}}",
        );
        normalize(&mut d).unwrap();
        let reference = lookup(
            &d,
            &segments("#/paths/~1b/get/parameters/0/schema/$ref").unwrap(),
        )
        .and_then(Value::as_str)
        .unwrap()
        .to_owned();
        let schema = lookup(&d, &segments(&reference).unwrap()).unwrap();
        assert_eq!(schema.get("type").and_then(Value::as_str), Some("integer"));
    }

    #[test]
    fn references_inside_extensions_are_left_alone() {
        let text = "paths: {/a: {get: {x-policy: {$ref: '#/components/x-policy/list'}}}}\n\
                    components: {x-policy: {list: [a, b]}, x-defs: {Id: {type: string}}, \
                    schemas: {A: {properties: {x-id: {$ref: '#/components/x-defs/Id'}}}}}";
        let mut d = doc(text);
        normalize(&mut d).unwrap();
        let at = |p: &str| lookup(&d, &segments(p).unwrap()).cloned().unwrap();
        assert_eq!(
            at("#/paths/~1a/get/x-policy")
                .get("$ref")
                .and_then(Value::as_str),
            Some("#/components/x-policy/list")
        );
        // A property named `x-id` is the spec's: its schema, found in an extension, moves
        // into `components.schemas` like any other.
        let reference = at("#/components/schemas/A/properties/x-id");
        let reference = reference.get("$ref").and_then(Value::as_str).unwrap();
        assert!(
            reference.starts_with("#/components/schemas/"),
            "{reference}"
        );
        assert_eq!(
            at(reference).get("type").and_then(Value::as_str),
            Some("string")
        );
    }

    #[test]
    fn a_cycle_of_path_items_is_an_error() {
        let mut d = doc("paths: {/a: {$ref: '#/paths/~1b'}, /b: {$ref: '#/paths/~1a'}}");
        let e = normalize(&mut d).unwrap_err();
        assert!(e.message.contains("cycle"), "{e}");
    }
}
