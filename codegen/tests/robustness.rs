//! Robustness: mutated real specs never make the generator panic, hang or emit code that
//! does not parse.
//!
//! Each case takes a real spec (a small fixture, or a few operations of a large AWS spec
//! with every schema they reach), applies random mutations to its JSON (drop keys, change
//! types, dangling and cyclic `$ref`s, huge and negative limits, invalid regexes, deep
//! nesting, odd names, empty and Unicode strings, grafted subtrees), sometimes forces
//! options, and runs parse → lower → emit. The generator must either succeed with tokens
//! that parse as a `syn::File`, print with `prettyplease` and parse again, declare no name
//! twice in one scope and hold no type alias that refers to itself; or fail with a
//! non-empty message and a JSON pointer (`Syntax` and `Io` errors may give a position or a
//! file instead). Each case runs on its own thread under a time limit; panics are caught.
//!
//! The cases run in a child process (a stack overflow aborts a process and cannot be
//! caught), restarted with a fresh seed when it dies; when `gdb` is installed, it names
//! the function that recursed. Each distinct failure is then shrunk (fewer mutations,
//! fewer operations), reduced at the JSON level to a small spec that fails the same way
//! (each candidate replayed in a child process), printed, and written to
//! `target/tmp/specgen-fuzz/<pid>/finding-<n>.json`. The `bug_*` tests hold failures found
//! this way, reduced by hand and fixed since.
//!
//! Short run, part of `cargo test` (fixed seed, a few seconds when nothing fails):
//!
//! ```text
//! cargo test -p specgen --test robustness
//! ```
//!
//! Long run (keeps going after a finding and reports each distinct failure once):
//!
//! ```text
//! SPECGEN_FUZZ_SECS=600 cargo test --release -p specgen --test robustness -- --nocapture mutated_specs
//! ```
//!
//! Variables: `SPECGEN_FUZZ_SECS` (length of a long run), `SPECGEN_FUZZ_CASES` (cases of the
//! short run, default 96), `SPECGEN_FUZZ_SEED` (a `u64`; the long run takes one from the
//! clock and prints it), `SPECGEN_FUZZ_TIMEOUT_MS` (per case; default 10 s in debug builds,
//! 3 s in release builds), `SPECGEN_FUZZ_SKIP` (mutation kinds to leave out, see
//! `MUTATION_KINDS`). To reduce a failing spec of your own, see `minimize_spec`.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Once, OnceLock, mpsc};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use quote::ToTokens;
use serde_json::{Map, Value, json};
use specgen::document::Format;
use specgen::{ErrorKind, Settings};

// ---------------------------------------------------------------------------------------
// JSON paths

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Key(String),
    At(usize),
}

type JPath = Vec<Seg>;

fn get<'v>(mut v: &'v Value, path: &[Seg]) -> Option<&'v Value> {
    for seg in path {
        v = match (seg, v) {
            (Seg::Key(k), Value::Object(m)) => m.get(k)?,
            (Seg::At(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

fn get_mut<'v>(mut v: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    for seg in path {
        v = match (seg, v) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Seg::At(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

fn set(doc: &mut Value, path: &[Seg], value: Value) {
    if let Some(slot) = get_mut(doc, path) {
        *slot = value;
    }
}

/// The object key `back` segments from the end of `path`.
fn key_at(path: &[Seg], back: usize) -> Option<&str> {
    match path.len().checked_sub(back + 1).map(|i| &path[i]) {
        Some(Seg::Key(k)) => Some(k),
        _ => None,
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn schema_ref(name: &str) -> String {
    format!("#/components/schemas/{}", escape(name))
}

/// Whether a JSON pointer (`#/a/b`) names a node of `doc`.
fn resolves(doc: &Value, pointer: &str) -> bool {
    let Some(rest) = pointer.strip_prefix('#') else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('/') else {
        return false;
    };
    let mut v = doc;
    for raw in rest.split('/') {
        let seg = raw.replace("~1", "/").replace("~0", "~");
        v = match v {
            Value::Object(m) => match m.get(&seg) {
                Some(c) => c,
                None => return false,
            },
            Value::Array(a) => match seg.parse::<usize>().ok().and_then(|i| a.get(i)) {
                Some(c) => c,
                None => return false,
            },
            _ => return false,
        };
    }
    true
}

/// Whether a node at `path` is (most likely) a schema.
fn is_schema(path: &[Seg]) -> bool {
    match (key_at(path, 0), key_at(path, 1), key_at(path, 2)) {
        (_, Some("schemas"), Some("components")) => true,
        (Some("schema" | "items" | "additionalProperties" | "not"), _, _) => true,
        (_, Some("properties"), _) => true,
        _ => {
            matches!(path.last(), Some(Seg::At(_)))
                && matches!(key_at(path, 1), Some("allOf" | "oneOf" | "anyOf"))
        }
    }
}

/// The nodes of a document, by role.
#[derive(Default)]
struct Nodes {
    all: Vec<JPath>,
    objects: Vec<JPath>,
    strings: Vec<JPath>,
    schemas: Vec<JPath>,
    refs: Vec<JPath>,
    property_maps: Vec<JPath>,
    responses: Vec<JPath>,
    operation_ids: Vec<JPath>,
    enum_values: Vec<JPath>,
    texts: Vec<JPath>,
    components: Vec<String>,
}

impl Nodes {
    fn of(doc: &Value) -> Nodes {
        let mut nodes = Nodes::default();
        nodes.walk(doc, &mut Vec::new());
        if let Some(Value::Object(m)) = get(doc, &path(&["components", "schemas"])) {
            nodes.components = m.keys().cloned().collect();
        }
        nodes
    }

    fn walk(&mut self, v: &Value, at: &mut JPath) {
        if !at.is_empty() {
            self.all.push(at.clone());
        }
        match v {
            Value::Object(m) => {
                if !m.is_empty() {
                    self.objects.push(at.clone());
                }
                if is_schema(at) {
                    self.schemas.push(at.clone());
                }
                match key_at(at, 0) {
                    Some("properties") => self.property_maps.push(at.clone()),
                    Some("responses") => self.responses.push(at.clone()),
                    _ => {}
                }
                for (k, c) in m {
                    at.push(Seg::Key(k.clone()));
                    self.walk(c, at);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    at.push(Seg::At(i));
                    self.walk(c, at);
                    at.pop();
                }
            }
            Value::String(_) => {
                self.strings.push(at.clone());
                match key_at(at, 0) {
                    Some("$ref") => self.refs.push(at.clone()),
                    Some("operationId") => self.operation_ids.push(at.clone()),
                    Some("description" | "summary" | "title") => self.texts.push(at.clone()),
                    _ => {}
                }
                if matches!(at.last(), Some(Seg::At(_))) && key_at(at, 1) == Some("enum") {
                    self.enum_values.push(at.clone());
                }
            }
            _ => {}
        }
    }
}

fn path(keys: &[&str]) -> JPath {
    keys.iter().map(|k| Seg::Key((*k).to_owned())).collect()
}

/// A position in a list of any length, as a fraction of it (shrinks towards the start).
#[derive(Clone, Copy, Debug)]
struct Index(u64);

impl Index {
    const FIRST: Index = Index(0);
    const LAST: Index = Index(u64::MAX);

    fn index(self, len: usize) -> usize {
        ((len as u128 * self.0 as u128) >> 64) as usize
    }
}

fn index() -> BoxedStrategy<Index> {
    any::<u64>().prop_map(Index).boxed()
}

fn pick<'a, T>(list: &'a [T], i: &Index) -> Option<&'a T> {
    if list.is_empty() {
        None
    } else {
        Some(&list[i.index(list.len())])
    }
}

// ---------------------------------------------------------------------------------------
// Seed specs

struct Seed {
    name: String,
    doc: Value,
    /// Large specs contribute a few operations (and the schemas they reach) per case.
    big: bool,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_spec(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    } else {
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Specs below this size are used whole.
const SMALL: u64 = 32_000;

fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let fixtures = root().join("tests/fixtures");
        let mut files = vec![fixtures.join("cognito-idp-apisguru.json")];
        for dir in ["openapi", "aws-json"] {
            let entries = std::fs::read_dir(fixtures.join(dir)).expect("fixtures");
            for entry in entries {
                let p = entry.expect("fixture").path();
                if p.extension()
                    .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
                {
                    files.push(p);
                }
            }
        }
        files.sort();
        let mut seeds: Vec<Seed> = files
            .iter()
            .map(|p| Seed {
                name: p.strip_prefix(root()).unwrap_or(p).display().to_string(),
                doc: read_spec(p),
                big: std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) >= SMALL,
            })
            .collect();
        // Small seeds first: the case strategy favours them.
        seeds.sort_by_key(|s| s.big);
        assert!(seeds.iter().any(|s| !s.big) && seeds.iter().any(|s| s.big));
        seeds
    })
}

fn small_seeds() -> usize {
    seeds().iter().filter(|s| !s.big).count()
}

/// `$ref` strings anywhere in `v`.
fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                match (k.as_str(), c) {
                    ("$ref", Value::String(s)) => out.push(s.clone()),
                    _ => collect_refs(c, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|c| collect_refs(c, out)),
        _ => {}
    }
}

/// A few operations of `full` with every component they reach, and a few more schemas.
fn subset(full: &Value, ops: &[Index], extra: &[Index]) -> Value {
    let mut out = Map::new();
    let Value::Object(top) = full else {
        return full.clone();
    };
    for (k, v) in top {
        if k != "paths" && k != "components" {
            out.insert(k.clone(), v.clone());
        }
    }
    let mut paths = Map::new();
    let mut queue = Vec::new();
    if let Some(Value::Object(all)) = top.get("paths") {
        let keys: Vec<&String> = all.keys().collect();
        for i in ops {
            if let Some(k) = pick(&keys, i) {
                paths.insert((*k).clone(), all[*k].clone());
            }
        }
    }
    collect_refs(&Value::Object(paths.clone()), &mut queue);
    let mut components = Map::new();
    if let Some(Value::Object(sections)) = top.get("components") {
        for (section, entries) in sections {
            if section == "schemas" {
                components.insert(section.clone(), json!({}));
            } else {
                collect_refs(entries, &mut queue);
                components.insert(section.clone(), entries.clone());
            }
        }
        if let Some(Value::Object(schemas)) = sections.get("schemas") {
            let names: Vec<&String> = schemas.keys().collect();
            for i in extra {
                if let Some(n) = pick(&names, i) {
                    queue.push(schema_ref(n));
                }
            }
        }
    }
    let mut seen = HashSet::new();
    while let Some(r) = queue.pop() {
        if !seen.insert(r.clone()) {
            continue;
        }
        let Some(name) = r.strip_prefix("#/components/schemas/") else {
            continue;
        };
        let name = name.replace("~1", "/").replace("~0", "~");
        let Some(schema) = get(full, &path(&["components", "schemas", &name])) else {
            continue;
        };
        collect_refs(schema, &mut queue);
        if let Some(Value::Object(m)) = components.get_mut("schemas") {
            m.insert(name, schema.clone());
        }
    }
    out.insert("paths".to_owned(), Value::Object(paths));
    out.insert("components".to_owned(), Value::Object(components));
    Value::Object(out)
}

// ---------------------------------------------------------------------------------------
// Mutations

/// How one schema leads to another.
#[derive(Debug, Clone, Copy)]
enum Via {
    Direct,
    Array,
    Map,
    Property,
    Required,
    AllOf,
    OneOf,
    AnyOf,
    Not,
    Nullable,
}

const VIAS: &[Via] = &[
    Via::Direct,
    Via::Array,
    Via::Map,
    Via::Property,
    Via::Required,
    Via::AllOf,
    Via::OneOf,
    Via::AnyOf,
    Via::Not,
    Via::Nullable,
];

fn wrap(via: Via, inner: Value) -> Value {
    match via {
        Via::Direct => inner,
        Via::Array => json!({"type": "array", "items": inner}),
        Via::Map => json!({"type": "object", "additionalProperties": inner}),
        Via::Property => json!({"type": "object", "properties": {"next": inner}}),
        Via::Required => {
            json!({"type": "object", "required": ["next"], "properties": {"next": inner}})
        }
        Via::AllOf => json!({"allOf": [inner]}),
        Via::OneOf => json!({"oneOf": [inner, {"type": "string"}]}),
        Via::AnyOf => json!({"anyOf": [inner]}),
        Via::Not => json!({"not": inner}),
        Via::Nullable => json!({"nullable": true, "allOf": [inner]}),
    }
}

/// Which object keys a rename or duplicate works on.
#[derive(Debug, Clone, Copy)]
enum Keys {
    Any,
    Component,
    Property,
    Path,
    Status,
}

/// Which strings a text mutation works on.
#[derive(Debug, Clone, Copy)]
enum Texts {
    Any,
    OperationId,
    EnumValue,
    Description,
    Ref,
}

/// How a duplicated key is spelled.
#[derive(Debug, Clone, Copy)]
enum Twin {
    Lower,
    Upper,
    Snake,
    Kebab,
    Underscore,
    Digit,
    Space,
    Raw,
    Dotted,
}

fn twin(t: Twin, k: &str) -> String {
    match t {
        Twin::Lower => k.to_lowercase(),
        Twin::Upper => k.to_uppercase(),
        Twin::Snake => {
            let mut s = String::new();
            for (i, c) in k.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    s.push('_');
                }
                s.extend(c.to_lowercase());
            }
            s
        }
        Twin::Kebab => k.replace('_', "-") + "-",
        Twin::Underscore => format!("{k}_"),
        Twin::Digit => format!("{k}2"),
        Twin::Space => format!("{k} "),
        Twin::Raw => format!("r#{k}"),
        Twin::Dotted => format!("{k}."),
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Remove a key of an object.
    Drop { node: Index, key: Index },
    /// Replace any node by another value (`@ref`, `@self`, `@name` name components).
    Replace {
        node: Index,
        value: Value,
        pick: Index,
    },
    /// Convert a node to another JSON type.
    Retype { node: Index, to: u8 },
    /// Set a keyword of a schema.
    Keyword {
        schema: Index,
        key: &'static str,
        value: Value,
        pick: Index,
    },
    /// Point a schema, or an existing `$ref`, somewhere odd.
    Reference {
        node: Index,
        existing: bool,
        target: String,
        pick: Index,
    },
    /// Make two components (or one) refer to each other.
    Cycle {
        a: Index,
        b: Index,
        there: Via,
        back: Via,
        keep: bool,
    },
    /// Rename a key (components: with the `$ref`s to it).
    Rename {
        keys: Keys,
        node: Index,
        key: Index,
        name: String,
    },
    /// Copy an entry under a similar key.
    Duplicate {
        keys: Keys,
        node: Index,
        key: Index,
        twin: Twin,
    },
    /// Wrap a schema in layers of arrays, maps, properties and compositions.
    Nest { schema: Index, vias: Vec<Via> },
    /// Copy one node over another.
    Graft { from: Index, to: Index },
    /// Replace a string.
    Text {
        texts: Texts,
        node: Index,
        text: String,
    },
}

/// `@ref…`, `@self…` and `@name` in strings and keys, made concrete.
struct Fill<'a> {
    picked: Option<&'a str>,
    here: Option<&'a str>,
}

impl Fill<'_> {
    fn str(&self, s: &str) -> String {
        let picked = self.picked.unwrap_or("Missing");
        if let Some(rest) = s.strip_prefix("@ref") {
            format!("{}{rest}", schema_ref(picked))
        } else if let Some(rest) = s.strip_prefix("@self") {
            format!("{}{rest}", schema_ref(self.here.unwrap_or(picked)))
        } else if s == "@name" {
            picked.to_owned()
        } else {
            s.to_owned()
        }
    }

    fn value(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.str(s)),
            Value::Array(a) => Value::Array(a.iter().map(|c| self.value(c)).collect()),
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, c)| (self.str(k), self.value(c)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}

fn fill<'a>(nodes: &'a Nodes, pick_idx: &Index, at: &'a [Seg]) -> Fill<'a> {
    let here = match at {
        [Seg::Key(c), Seg::Key(s), Seg::Key(name), ..] if c == "components" && s == "schemas" => {
            Some(name.as_str())
        }
        _ => None,
    };
    Fill {
        picked: pick(&nodes.components, pick_idx).map(String::as_str),
        here,
    }
}

fn retype(v: &Value, to: u8) -> Value {
    match to % 6 {
        0 => Value::Null,
        1 => Value::Bool(!matches!(v, Value::Null | Value::Bool(false))),
        2 => match v {
            Value::String(s) => s
                .parse::<f64>()
                .ok()
                .map(Value::from)
                .unwrap_or_else(|| Value::from(s.len())),
            Value::Array(a) => Value::from(a.len()),
            Value::Object(m) => Value::from(m.len()),
            Value::Bool(b) => Value::from(u8::from(*b)),
            other => other.clone(),
        },
        3 => match v {
            Value::String(_) => v.clone(),
            other => Value::String(other.to_string()),
        },
        4 => match v {
            Value::Object(m) => Value::Array(m.values().cloned().collect()),
            Value::Array(_) => v.clone(),
            other => Value::Array(vec![other.clone()]),
        },
        _ => match v {
            Value::Array(a) => Value::Object(
                a.iter()
                    .enumerate()
                    .map(|(i, c)| (i.to_string(), c.clone()))
                    .collect(),
            ),
            Value::Object(_) => v.clone(),
            other => json!({ "value": other }),
        },
    }
}

fn key_holders(nodes: &Nodes, keys: Keys) -> Vec<JPath> {
    match keys {
        Keys::Any => nodes.objects.clone(),
        Keys::Component => vec![path(&["components", "schemas"])],
        Keys::Property => nodes.property_maps.clone(),
        Keys::Path => vec![path(&["paths"])],
        Keys::Status => nodes.responses.clone(),
    }
}

/// Rewrites `$ref`s to component `old` (and into it) to `new`.
fn rename_refs(v: &mut Value, old: &str, new: &str) {
    let (old, new) = (schema_ref(old), schema_ref(new));
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(m) => {
                for (k, c) in m.iter_mut() {
                    if let (true, Value::String(s)) = (k == "$ref", &mut *c) {
                        if *s == old {
                            *s = new.clone();
                        } else if let Some(rest) = s.strip_prefix(&format!("{old}/")) {
                            *s = format!("{new}/{rest}");
                        }
                    } else {
                        stack.push(c);
                    }
                }
            }
            Value::Array(a) => stack.extend(a.iter_mut()),
            _ => {}
        }
    }
}

fn apply(doc: &mut Value, m: &Mutation) {
    let nodes = Nodes::of(doc);
    match m {
        Mutation::Drop { node, key } => {
            if let Some(p) = pick(&nodes.objects, node)
                && let Some(Value::Object(o)) = get_mut(doc, p)
                && let Some(k) = o.keys().nth(key.index(o.len().max(1))).cloned()
            {
                o.remove(&k);
            }
        }
        Mutation::Replace {
            node,
            value,
            pick: c,
        } => {
            if let Some(p) = pick(&nodes.all, node) {
                let v = fill(&nodes, c, p).value(value);
                set(doc, p, v);
            }
        }
        Mutation::Retype { node, to } => {
            if let Some(p) = pick(&nodes.all, node)
                && let Some(v) = get(doc, p)
            {
                let v = retype(v, *to);
                set(doc, p, v);
            }
        }
        Mutation::Keyword {
            schema,
            key,
            value,
            pick: c,
        } => {
            if let Some(p) = pick(&nodes.schemas, schema) {
                let v = fill(&nodes, c, p).value(value);
                if let Some(Value::Object(o)) = get_mut(doc, p) {
                    o.insert((*key).to_owned(), v);
                }
            }
        }
        Mutation::Reference {
            node,
            existing,
            target,
            pick: c,
        } => {
            let (list, existing) = if *existing && !nodes.refs.is_empty() {
                (&nodes.refs, true)
            } else {
                (&nodes.schemas, false)
            };
            if let Some(p) = pick(list, node) {
                let target = fill(&nodes, c, p).str(target);
                let v = if existing {
                    Value::String(target)
                } else {
                    json!({ "$ref": target })
                };
                set(doc, p, v);
            }
        }
        Mutation::Cycle {
            a,
            b,
            there,
            back,
            keep,
        } => {
            let (Some(a), Some(b)) = (pick(&nodes.components, a), pick(&nodes.components, b))
            else {
                return;
            };
            let put = |doc: &mut Value, name: &str, schema: Value| {
                let Some(slot) = get_mut(doc, &path(&["components", "schemas", name])) else {
                    return;
                };
                match slot {
                    Value::Object(o) if *keep && !o.contains_key("$ref") => {
                        let props = o.entry("properties").or_insert_with(|| json!({}));
                        if let Value::Object(props) = props {
                            props.insert("cycle".to_owned(), schema);
                        } else {
                            *props = json!({ "cycle": schema });
                        }
                    }
                    _ => *slot = schema,
                }
            };
            put(doc, a, wrap(*there, json!({ "$ref": schema_ref(b) })));
            put(doc, b, wrap(*back, json!({ "$ref": schema_ref(a) })));
        }
        Mutation::Rename {
            keys,
            node,
            key,
            name,
        } => {
            let holders = key_holders(&nodes, *keys);
            let Some(p) = pick(&holders, node) else {
                return;
            };
            let Some(Value::Object(o)) = get_mut(doc, p) else {
                return;
            };
            let Some(old) = o.keys().nth(key.index(o.len().max(1))).cloned() else {
                return;
            };
            if let Some(v) = o.remove(&old) {
                o.insert(name.clone(), v);
            }
            if matches!(keys, Keys::Component) {
                rename_refs(doc, &old, name);
            }
        }
        Mutation::Duplicate {
            keys,
            node,
            key,
            twin: t,
        } => {
            let holders = key_holders(&nodes, *keys);
            if let Some(p) = pick(&holders, node)
                && let Some(Value::Object(o)) = get_mut(doc, p)
                && let Some(old) = o.keys().nth(key.index(o.len().max(1))).cloned()
            {
                let v = o[&old].clone();
                o.entry(twin(*t, &old)).or_insert(v);
            }
        }
        Mutation::Nest { schema, vias } => {
            if let Some(p) = pick(&nodes.schemas, schema)
                && let Some(v) = get(doc, p)
            {
                let v = vias.iter().fold(v.clone(), |v, via| wrap(*via, v));
                set(doc, p, v);
            }
        }
        Mutation::Graft { from, to } => {
            if let (Some(f), Some(t)) = (pick(&nodes.all, from), pick(&nodes.all, to))
                && let Some(v) = get(doc, f).cloned()
            {
                set(doc, t, v);
            }
        }
        Mutation::Text { texts, node, text } => {
            let list = match texts {
                Texts::Any => &nodes.strings,
                Texts::OperationId => &nodes.operation_ids,
                Texts::EnumValue => &nodes.enum_values,
                Texts::Description => &nodes.texts,
                Texts::Ref => &nodes.refs,
            };
            if let Some(p) = pick(list, node) {
                set(doc, p, Value::String(text.clone()));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Strategies

const NAMES: &[&str] = &[
    "",
    " ",
    "_",
    "__",
    "1",
    "1st",
    "0x1F",
    "a",
    "A",
    "type",
    "Type",
    "self",
    "Self",
    "super",
    "crate",
    "r#type",
    "r#",
    "fn",
    "async",
    "dyn",
    "gen",
    "try",
    "union",
    "macro_rules",
    "abstract",
    "static",
    "_1",
    "é",
    "Ñandú",
    "日本語",
    "🦀",
    "a-b",
    "a b",
    "a.b",
    "a/b",
    "a~b",
    "a~1b",
    "a::b",
    "$",
    "%20",
    "\"",
    "'",
    "\\",
    "\n",
    "\t",
    "\u{0}",
    "\u{200b}",
    "\u{202e}abc",
    "e\u{301}",
    "Option",
    "Result",
    "Some",
    "None",
    "Ok",
    "Err",
    "Box",
    "Vec",
    "String",
    "Error",
    "Default",
    "Debug",
    "Clone",
    "Serialize",
    "Deserialize",
    "Validate",
    "ValidationErrors",
    "Request",
    "Response",
    "Operation",
    "Unknown",
    "Unhandled",
    "ALL",
    "from_json",
    "to_json",
    "std",
    "core",
    "serde",
    "serde_json",
    "specgen_runtime",
    "PATTERN_1",
    "validate_x",
    "__type",
    "message",
    "Message",
    "X-Amz-Target",
    "Aa",
    "aA",
    "AA",
    "a_a",
    "A_A",
    "Error2",
    "ErrorError",
    "v0",
    "item0",
    "i",
    "/#X-Amz-Target=",
    "/#X-Amz-Target=S.",
    "/#X-Amz-Target=.Op",
    "/#X-Amz-Target=S.Op.X",
    "/#X-Amz-Target=S.1Op",
    "/#X-Amz-Target=S.Option",
    "/#X-Amz-Target=S.op",
    "/#X-Amz-Target=Other.Op",
    "/#X-Amz-Target=S.Op#x",
    "/#X-Amz-Target=S.Op/x",
    "200",
    "204",
    "2XX",
    "400",
    "480",
    "494",
    "495",
    "500",
    "default",
];

fn odd_name() -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(NAMES).prop_map(str::to_owned),
        2 => "[a-zA-Z0-9_ .-]{0,8}",
        2 => "\\PC{0,6}",
        1 => (1usize..400).prop_map(|n| "x".repeat(n)),
    ]
    .boxed()
}

const TEXTS: &[&str] = &[
    "",
    " ",
    "*/",
    "/*",
    "\"#",
    "\"##",
    "```",
    "`",
    "<p>",
    "</p>",
    "<code>",
    "</code>",
    "<a href=\"x\">",
    "<a href=\"",
    "&amp;",
    "&#0;",
    "&#xFFFFFFFF;",
    "&#55296;",
    "&",
    "<",
    "\u{0}",
    "\r",
    "\r\n",
    "\u{202e}",
    "\u{200b}",
    "e\u{301}",
    "#![x]",
    "]]",
    "[link]: x",
    "\\",
    "{}",
    "{{",
    "%",
    "<!--",
    "<br>",
    "<ul><li>",
    "<li>",
    "</li></ul>",
    "<pre>",
    "<note>",
    "<important>",
    "<fullname>",
    "---",
    "* ",
    "1. ",
    "# heading",
    "    indented",
    "<p><code>a</code><a href='b'>c</a></p>",
    "🦀🦀🦀",
];

fn odd_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(TEXTS).prop_map(str::to_owned),
        2 => "(?s:.{0,20})",
        1 => "[<>/a-z&#;`*\\\\\" \n]{0,30}",
        1 => odd_name(),
    ]
    .boxed()
}

const PATTERNS: &[&str] = &[
    "(",
    ")",
    "[",
    "[a-",
    "\\",
    "a**",
    "*",
    "+",
    "?",
    "{",
    "a{2,1}",
    "a{99999}",
    "(a{1000}){1000}",
    ".{0,4294967295}",
    "(?<=a)b",
    "(?<!\\.)$",
    "(?=a)",
    "(?!a)",
    "\\1",
    "(a)\\1",
    "\\p{Nope}",
    "\\p{L}",
    "\\P{Lu}",
    "[[:alpha:]]",
    "[[:nope:]]",
    "\\p{Alpha}",
    "\\Q.*\\E",
    "\\G",
    "\\Z",
    "\\z",
    "\\A",
    "(?i)abc",
    "(?x) a b",
    "(?<name>a)",
    "(?P<n>a)",
    "(?<n>a)\\k<n>",
    "\\u00e9",
    "\\uD83D",
    "\\x{1F980}",
    "\\x",
    "\\cA",
    "\\0",
    "\\o{7}",
    "[\\w-]+",
    "[^]",
    "[]a]",
    "^$",
    "",
    " ",
    "é+",
    "🦀",
    "\u{0}",
    "\n",
    "\"",
    "\"#",
    "#",
    "(?",
    "(?<",
    "a|",
    "|",
    "((((((((((((((((((((a))))))))))))))))))))",
    "a{,5}",
    "\\b",
    "\\B",
    "[a-z&&[^aeiou]]",
    "\\h",
    "\\R",
    "\\X",
    "\\N{DIGIT ONE}",
    "(?>a)",
    "a++",
    "a*+",
    "\\p{IsAlphabetic}",
    "\\p{javaLowerCase}",
    "\\e",
    "$$",
    "(?#comment)",
    "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    "^[0-9A-Za-z\\.\\-_]*(?<!\\.)$",
    "(?<!\\\\)\\$",
    "\\$\\{",
    "*/ \"#",
];

fn odd_pattern() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(PATTERNS).prop_map(str::to_owned),
        3 => "[a-z()\\[\\]{}*+?|\\\\^$.<>!=,0-9pPuxQEbBdDwWsS:&#\"-]{0,14}",
        1 => (select(PATTERNS), select(PATTERNS)).prop_map(|(a, b)| format!("{a}{b}")),
        1 => (1usize..3000).prop_map(|n| "(a|b)".repeat(n)),
    ]
    .boxed()
}

fn odd_number() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => select(vec![
            json!(0),
            json!(-1),
            json!(1),
            json!(-0.0),
            json!(0.5),
            json!(-2.5),
            json!(i64::MIN),
            json!(i64::MAX),
            json!(u64::MAX),
            json!(1e300),
            json!(-1e300),
            json!(1e-300),
            json!(9_007_199_254_740_993_i64),
            json!(4_294_967_296_i64),
            json!(2_147_483_648_i64),
            json!(-2_147_483_649_i64),
            json!(1.0e19),
            json!(1.8446744073709552e19),
            json!(-9.3e18),
        ]),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => (-1e20f64..1e20).prop_map(Value::from),
    ]
    .boxed()
}

fn odd_schema() -> BoxedStrategy<Value> {
    select(vec![
        json!({}),
        json!({"type": "string"}),
        json!({"type": "integer", "format": "int32"}),
        json!({"type": "number"}),
        json!({"type": "boolean"}),
        json!({"type": "array"}),
        json!({"type": "array", "items": {}}),
        json!({"type": "object"}),
        json!({"type": "object", "additionalProperties": true}),
        json!({"$ref": "@ref"}),
        json!({"$ref": "@self"}),
        json!({"nullable": true}),
        json!({"enum": []}),
        json!({"type": "string", "enum": [null]}),
        json!({"oneOf": []}),
        json!({"allOf": [{"$ref": "@ref"}, {"description": "<p>d</p>"}]}),
        json!({"allOf": [{"$ref": "@self"}]}),
        json!({"not": {}}),
        json!({"type": "object", "properties": {"": {}}}),
        json!({"type": "object", "properties": {"a": {"type": "string"}, "A": {"type": "integer"}}}),
        json!({"type": "object", "required": ["nope"]}),
        json!({"type": "array", "items": {"$ref": "@self"}}),
        json!({"type": "object", "additionalProperties": {"$ref": "@self"}}),
        json!({"oneOf": [{"$ref": "@ref"}, {"type": "string"}], "discriminator": {"propertyName": "kind"}}),
        json!({"type": "string", "format": "date-time"}),
        json!({"type": "string", "format": "password"}),
        json!({"type": "string", "format": "binary"}),
        json!({"type": "integer", "enum": [1, 2, 1]}),
        json!({"type": "string", "enum": ["a", "A", "a-", "a_", ""]}),
    ])
    .boxed()
}

fn odd_value() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => odd_number(),
        2 => odd_name().prop_map(Value::String),
        1 => select(vec![
            json!([]),
            json!({}),
            json!([1, "a", null]),
            json!([[]]),
            json!({"": null}),
            json!({"$ref": 1}),
            json!(["@name", "@name"]),
        ]),
        3 => odd_schema(),
    ]
    .boxed()
}

const REFS: &[&str] = &[
    "#/components/schemas/DoesNotExist",
    "#/components/schemas/",
    "#/components/schemas",
    "#/components",
    "#",
    "",
    "#/",
    "Pet",
    "@name",
    "other.yaml#/components/schemas/Pet",
    "https://example.com/spec.json#/components/schemas/Pet",
    "@ref/properties/x",
    "@ref/items",
    "@ref/",
    "@ref ",
    "@ref~",
    "@ref~2",
    "@ref%20",
    "@self",
    "@ref",
    "#/components/responses/X",
    "#/components/parameters/Nope",
    "#/paths/~1x",
    "#/components/schemas/a~1b",
    "#/components/schemas/é",
    "#/definitions/X",
    "#/components/schemas/\u{0}",
];

fn odd_ref() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(REFS).prop_map(str::to_owned),
        1 => odd_name().prop_map(|n| schema_ref(&n)),
    ]
    .boxed()
}

const LIMITS: &[&str] = &[
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "minimum",
    "maximum",
    "multipleOf",
];

const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "array", "object", "null", "", "String", "int",
];

const FORMATS: &[&str] = &[
    "date-time",
    "date",
    "password",
    "int32",
    "int64",
    "float",
    "double",
    "byte",
    "binary",
    "uuid",
    "email",
    "uint64",
    "",
    "weird",
];

fn keyword() -> BoxedStrategy<(&'static str, Value)> {
    prop_oneof![
        5 => (select(LIMITS), odd_number()).boxed(),
        1 => (select(LIMITS), odd_value()).boxed(),
        1 => (
            select(&["exclusiveMinimum", "exclusiveMaximum"][..]),
            prop_oneof![any::<bool>().prop_map(Value::Bool), odd_number()],
        )
            .boxed(),
        5 => odd_pattern().prop_map(|p| ("pattern", Value::String(p))).boxed(),
        3 => (
            Just("type"),
            prop_oneof![
                4 => select(TYPES).prop_map(|t| Value::String(t.to_owned())),
                1 => odd_value(),
            ],
        )
            .boxed(),
        2 => (
            Just("format"),
            select(FORMATS).prop_map(|t| Value::String(t.to_owned())),
        )
            .boxed(),
        3 => (
            Just("enum"),
            prop_oneof![
                prop::collection::vec(odd_name().prop_map(Value::String), 0..6)
                    .prop_map(Value::Array),
                prop::collection::vec(odd_value(), 0..4).prop_map(Value::Array),
                odd_value(),
            ],
        )
            .boxed(),
        2 => (
            Just("required"),
            prop_oneof![
                prop::collection::vec(odd_name().prop_map(Value::String), 0..4)
                    .prop_map(Value::Array),
                odd_value(),
            ],
        )
            .boxed(),
        2 => (
            select(&["nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems"][..]),
            prop_oneof![3 => any::<bool>().prop_map(Value::Bool), 1 => odd_value()],
        )
            .boxed(),
        2 => (
            Just("additionalProperties"),
            prop_oneof![any::<bool>().prop_map(Value::Bool), odd_schema(), odd_value()],
        )
            .boxed(),
        2 => (select(&["items", "not"][..]), odd_schema()).boxed(),
        2 => (
            Just("properties"),
            prop_oneof![
                prop::collection::btree_map(odd_name(), odd_schema(), 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
                odd_value(),
            ],
        )
            .boxed(),
        1 => (select(&["default", "example"][..]), odd_value()).boxed(),
        2 => (
            select(&["description", "title"][..]),
            odd_text().prop_map(Value::String),
        )
            .boxed(),
        1 => (
            Just("discriminator"),
            prop_oneof![
                odd_name().prop_map(|n| json!({ "propertyName": n })),
                (odd_name(), odd_ref()).prop_map(|(n, r)| json!({
                    "propertyName": "kind",
                    "mapping": { n: r },
                })),
                odd_value(),
            ],
        )
            .boxed(),
        3 => (
            select(&["allOf", "oneOf", "anyOf"][..]),
            prop_oneof![
                4 => prop::collection::vec(odd_schema(), 0..4).prop_map(Value::Array),
                1 => odd_value(),
            ],
        )
            .boxed(),
        2 => (Just("$ref"), odd_ref().prop_map(Value::String)).boxed(),
        1 => (
            select(&["x-foo", "", "$schema", "const", "if", "type "][..]),
            odd_value(),
        )
            .boxed(),
    ]
    .boxed()
}

fn via() -> BoxedStrategy<Via> {
    select(VIAS).boxed()
}

fn keys() -> BoxedStrategy<Keys> {
    select(vec![
        Keys::Any,
        Keys::Component,
        Keys::Component,
        Keys::Property,
        Keys::Property,
        Keys::Path,
        Keys::Status,
    ])
    .boxed()
}

/// Mutation kinds by name, for `SPECGEN_FUZZ_SKIP` (comma-separated names to leave out,
/// e.g. while a known failure would drown the others).
const MUTATION_KINDS: &[&str] = &[
    "drop",
    "replace",
    "retype",
    "keyword",
    "reference",
    "cycle",
    "rename",
    "duplicate",
    "nest",
    "graft",
    "text",
];

fn mutation() -> BoxedStrategy<Mutation> {
    let idx = index;
    let skip = std::env::var("SPECGEN_FUZZ_SKIP").unwrap_or_default();
    let skip: Vec<&str> = skip.split(',').map(str::trim).collect();
    for name in &skip {
        assert!(
            name.is_empty() || MUTATION_KINDS.contains(name),
            "SPECGEN_FUZZ_SKIP: unknown mutation kind `{name}` (known: {MUTATION_KINDS:?})"
        );
    }
    let arms: Vec<(u32, BoxedStrategy<Mutation>)> = vec![
        (
            3,
            (idx(), idx())
                .prop_map(|(node, key)| Mutation::Drop { node, key })
                .boxed(),
        ),
        (
            2,
            (idx(), odd_value(), idx())
                .prop_map(|(node, value, pick)| Mutation::Replace { node, value, pick })
                .boxed(),
        ),
        (
            2,
            (idx(), any::<u8>())
                .prop_map(|(node, to)| Mutation::Retype { node, to })
                .boxed(),
        ),
        (
            10,
            (idx(), keyword(), idx())
                .prop_map(|(schema, (key, value), pick)| Mutation::Keyword {
                    schema,
                    key,
                    value,
                    pick,
                })
                .boxed(),
        ),
        (
            3,
            (idx(), any::<bool>(), odd_ref(), idx())
                .prop_map(|(node, existing, target, pick)| Mutation::Reference {
                    node,
                    existing,
                    target,
                    pick,
                })
                .boxed(),
        ),
        (
            3,
            (idx(), idx(), via(), via(), any::<bool>())
                .prop_map(|(a, b, there, back, keep)| Mutation::Cycle {
                    a,
                    b,
                    there,
                    back,
                    keep,
                })
                .boxed(),
        ),
        (
            3,
            (keys(), idx(), idx(), odd_name())
                .prop_map(|(keys, node, key, name)| Mutation::Rename {
                    keys,
                    node,
                    key,
                    name,
                })
                .boxed(),
        ),
        (
            2,
            (
                keys(),
                idx(),
                idx(),
                select(vec![
                    Twin::Lower,
                    Twin::Upper,
                    Twin::Snake,
                    Twin::Kebab,
                    Twin::Underscore,
                    Twin::Digit,
                    Twin::Space,
                    Twin::Raw,
                    Twin::Dotted,
                ]),
            )
                .prop_map(|(keys, node, key, twin)| Mutation::Duplicate {
                    keys,
                    node,
                    key,
                    twin,
                })
                .boxed(),
        ),
        (
            2,
            (
                idx(),
                prop_oneof![
                    4 => prop::collection::vec(via(), 1..12),
                    1 => prop::collection::vec(via(), 12..48),
                ],
            )
                .prop_map(|(schema, vias)| Mutation::Nest { schema, vias })
                .boxed(),
        ),
        (
            1,
            (idx(), idx())
                .prop_map(|(from, to)| Mutation::Graft { from, to })
                .boxed(),
        ),
        (
            3,
            (
                select(vec![
                    Texts::Any,
                    Texts::OperationId,
                    Texts::EnumValue,
                    Texts::EnumValue,
                    Texts::Description,
                    Texts::Ref,
                ]),
                idx(),
                prop_oneof![odd_name(), odd_text()],
            )
                .prop_map(|(texts, node, text)| Mutation::Text { texts, node, text })
                .boxed(),
        ),
    ];
    let arms: Vec<(u32, BoxedStrategy<Mutation>)> = arms
        .into_iter()
        .zip(MUTATION_KINDS)
        .filter(|(_, name)| !skip.contains(name))
        .map(|(arm, _)| arm)
        .collect();
    assert!(!arms.is_empty(), "SPECGEN_FUZZ_SKIP leaves no mutation");
    proptest::strategy::Union::new_weighted(arms).boxed()
}

#[derive(Debug, Clone)]
struct Case {
    seed: usize,
    ops: Vec<Index>,
    extra: Vec<Index>,
    settings: u8,
    yaml: bool,
    mutations: Vec<Mutation>,
}

fn case_strategy() -> BoxedStrategy<Case> {
    let small = small_seeds();
    let all = seeds().len();
    (
        prop_oneof![4 => 0..small, 1 => small..all],
        prop::collection::vec(index(), 1..4),
        prop::collection::vec(index(), 0..3),
        0u8..12,
        prop::bool::weighted(0.15),
        prop::collection::vec(mutation(), 1..8),
    )
        .prop_map(|(seed, ops, extra, settings, yaml, mutations)| Case {
            seed,
            ops,
            extra,
            settings,
            yaml,
            mutations,
        })
        .boxed()
}

fn settings_of(code: u8) -> Settings {
    let mut s = Settings::default();
    let set = |s: &mut Settings, k: &str, v: &str| s.set(k, v).expect("valid option");
    match code {
        6 => set(&mut s, "protocol", "aws-json"),
        7 => set(&mut s, "protocol", "generic"),
        8 => set(&mut s, "pattern-mode", "search"),
        9 => {
            set(&mut s, "protocol", "aws-json");
            set(&mut s, "pattern-mode", "search");
        }
        10 => set(&mut s, "validation-exception", "NoSuchException"),
        11 => {
            set(&mut s, "protocol", "aws-json");
            set(&mut s, "validation-exception", "Error");
            set(&mut s, "runtime-path", "crate::rt");
        }
        _ => {}
    }
    s
}

/// One input to the generator: text, its format and the options (see [`settings_of`]).
#[derive(Debug, Clone)]
struct Input {
    text: String,
    format: Format,
    settings: u8,
}

impl Input {
    fn new(doc: &Value, yaml: bool, settings: u8) -> Input {
        let yaml_text = if yaml {
            serde_yaml::to_string(doc).ok()
        } else {
            None
        };
        match yaml_text {
            Some(text) => Input {
                text,
                format: Format::Yaml,
                settings,
            },
            None => Input {
                text: serde_json::to_string(doc).expect("JSON"),
                format: Format::Json,
                settings,
            },
        }
    }
}

fn materialize(case: &Case) -> Value {
    let seed = &seeds()[case.seed];
    let mut doc = if seed.big {
        subset(&seed.doc, &case.ops, &case.extra)
    } else {
        seed.doc.clone()
    };
    for m in &case.mutations {
        apply(&mut doc, m);
    }
    doc
}

// ---------------------------------------------------------------------------------------
// The oracle

/// Why an input is a bug.
#[derive(Debug, Clone)]
enum Failure {
    Panic {
        message: String,
        location: String,
        backtrace: Option<String>,
    },
    Hang(Duration),
    /// The tokens are not a Rust file.
    Unparsable(String),
    /// The file parses but declares a name twice in one scope.
    Uncompilable(String),
    /// An error without a location, or without a message.
    BadError(String),
}

impl Failure {
    /// What makes two failures the same bug.
    fn signature(&self) -> String {
        match self {
            Failure::Panic { location, .. } => format!("panic at {location}"),
            Failure::Hang(_) => "hang".to_owned(),
            Failure::Unparsable(m) => format!("unparsable: {}", generalize(m)),
            Failure::Uncompilable(m) => format!("uncompilable: {}", generalize(m)),
            Failure::BadError(m) => format!("bad error: {}", generalize(m)),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic {
                message,
                location,
                backtrace,
            } => {
                write!(f, "panic at {location}: {message}")?;
                if let Some(bt) = backtrace {
                    write!(f, "\n{bt}")?;
                }
                Ok(())
            }
            Failure::Hang(limit) => write!(f, "no result within {limit:?}"),
            Failure::Unparsable(m) => write!(f, "output does not parse: {m}"),
            Failure::Uncompilable(m) => write!(f, "output does not compile: {m}"),
            Failure::BadError(m) => write!(f, "bad error: {m}"),
        }
    }
}

/// A message without its quoted specifics (names, values).
fn generalize(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            if !quoted {
                out.push_str("`…`");
            }
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out.chars().take(120).collect()
}

/// What the generator did with an acceptable input.
#[derive(Debug, Clone)]
enum Outcome {
    Generated,
    Rejected(specgen::Error),
}

fn check_error(e: specgen::Error) -> Result<Outcome, Failure> {
    if e.message.trim().is_empty() {
        return Err(Failure::BadError(format!(
            "{:?} error without a message",
            e.kind
        )));
    }
    match &e.pointer {
        Some(p) if !p.starts_with('#') => {
            return Err(Failure::BadError(format!(
                "{:?} error with pointer `{p}` that does not start with `#`: {}",
                e.kind, e.message
            )));
        }
        Some(_) => {}
        None => {
            let positioned = e.file.is_some() || e.message.contains("line");
            if !(matches!(e.kind, ErrorKind::Syntax | ErrorKind::Io) && positioned) {
                return Err(Failure::BadError(format!(
                    "{:?} error without a pointer: {}",
                    e.kind, e.message
                )));
            }
        }
    }
    Ok(Outcome::Rejected(e))
}

fn generate(input: &Input) -> Result<Outcome, Failure> {
    let doc = match specgen::document::parse(&input.text, input.format) {
        Ok(doc) => doc,
        Err(e) => return check_error(e),
    };
    let api = match specgen::lower::lower(&doc, &settings_of(input.settings)) {
        Ok(api) => api,
        Err(e) => return check_error(e),
    };
    let generated = specgen::emit::emit(&api);
    check_tokens(specgen::render::single_tokens(&generated))?;
    Ok(Outcome::Generated)
}

fn check_tokens(tokens: proc_macro2::TokenStream) -> Result<(), Failure> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| Failure::Unparsable(e.to_string()))?;
    let text = prettyplease::unparse(&file);
    let again = syn::parse_file(&text)
        .map_err(|e| Failure::Unparsable(format!("after prettyplease: {e}")))?;
    let mut problems = Vec::new();
    check_items(&again.items, "crate", &mut problems);
    match problems.into_iter().next() {
        Some(p) => Err(Failure::Uncompilable(p)),
        None => Ok(()),
    }
}

fn duplicates(names: impl IntoIterator<Item = String>, what: &str, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for n in names {
        if !seen.insert(n.clone()) {
            out.push(format!("{what} `{n}` is defined twice"));
        }
    }
}

fn use_names(tree: &syn::UseTree, out: &mut Vec<String>) {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree, out),
        syn::UseTree::Name(n) if n.ident != "self" => out.push(n.ident.to_string()),
        syn::UseTree::Name(_) => {}
        syn::UseTree::Rename(r) if r.rename != "_" => out.push(r.rename.to_string()),
        syn::UseTree::Rename(_) | syn::UseTree::Glob(_) => {}
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, out)),
    }
}

/// Type aliases that refer to themselves, directly or through other aliases of the same
/// module (`type A = Vec<B>; type B = A;`): rustc rejects those as cycles.
fn alias_cycles(items: &[syn::Item], module: &str, out: &mut Vec<String>) {
    let aliases: BTreeMap<String, Vec<String>> = items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Type(t) => {
                Some((t.ident.to_string(), idents(t.ty.to_token_stream(), module)))
            }
            _ => None,
        })
        .collect();
    for start in aliases.keys() {
        let mut stack: Vec<&str> = vec![start];
        let mut seen = HashSet::new();
        while let Some(name) = stack.pop() {
            for next in aliases.get(name).into_iter().flatten() {
                if next == start {
                    out.push(format!("type alias `{module}::{start}` refers to itself"));
                    return;
                }
                if aliases.contains_key(next) && seen.insert(next.as_str()) {
                    stack.push(next);
                }
            }
        }
    }
}

/// The names of `module` (`crate::types`) that a type refers to: single-segment paths,
/// `self::X` and `crate::types::X`; not `::std::…`, `serde_json::…` or other modules.
fn idents(tokens: proc_macro2::TokenStream, module: &str) -> Vec<String> {
    struct Walk<'m> {
        module: Vec<&'m str>,
        path: Vec<String>,
        rooted: bool,
        out: Vec<String>,
    }
    impl Walk<'_> {
        fn finish(&mut self) {
            let n = self.path.len();
            let local = !self.rooted
                && match self.path.first().map(String::as_str) {
                    None => false,
                    Some(_) if n == 1 => true,
                    Some("self") => n == 2,
                    Some("crate") => self.path[..n - 1] == self.module[..],
                    Some(_) => false,
                };
            if local {
                self.out.extend(self.path.last().cloned());
            }
            self.path.clear();
            self.rooted = false;
        }
        fn walk(&mut self, tokens: proc_macro2::TokenStream) {
            let mut colons = 0;
            for t in tokens {
                match t {
                    proc_macro2::TokenTree::Punct(p) if p.as_char() == ':' => colons += 1,
                    proc_macro2::TokenTree::Ident(i) => {
                        if colons == 2 && self.path.is_empty() {
                            self.rooted = true;
                        } else if colons != 2 {
                            self.finish();
                        }
                        colons = 0;
                        self.path.push(i.to_string());
                    }
                    proc_macro2::TokenTree::Group(g) => {
                        self.finish();
                        colons = 0;
                        self.walk(g.stream());
                    }
                    _ => {
                        self.finish();
                        colons = 0;
                    }
                }
            }
            self.finish();
        }
    }
    let mut w = Walk {
        module: module.split("::").collect(),
        path: Vec::new(),
        rooted: false,
        out: Vec::new(),
    };
    w.walk(tokens);
    w.out
}

/// Names declared twice in one namespace of a module, struct, enum or impl — what `syn`
/// accepts but `rustc` rejects.
fn check_items(items: &[syn::Item], module: &str, out: &mut Vec<String>) {
    let mut types = Vec::new();
    let mut values = Vec::new();
    let mut impls: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut trait_impls = Vec::new();
    for item in items {
        match item {
            syn::Item::Struct(s) => {
                types.push(s.ident.to_string());
                if !matches!(s.fields, syn::Fields::Named(_)) {
                    values.push(s.ident.to_string());
                }
                let fields = s.fields.iter().filter_map(|f| f.ident.as_ref());
                duplicates(
                    fields.map(|i| i.to_string()),
                    &format!("field of struct `{module}::{}`", s.ident),
                    out,
                );
            }
            syn::Item::Enum(e) => {
                types.push(e.ident.to_string());
                duplicates(
                    e.variants.iter().map(|v| v.ident.to_string()),
                    &format!("variant of enum `{module}::{}`", e.ident),
                    out,
                );
                for v in &e.variants {
                    let fields = v.fields.iter().filter_map(|f| f.ident.as_ref());
                    duplicates(
                        fields.map(|i| i.to_string()),
                        &format!("field of variant `{module}::{}::{}`", e.ident, v.ident),
                        out,
                    );
                }
            }
            syn::Item::Type(t) => types.push(t.ident.to_string()),
            syn::Item::Trait(t) => types.push(t.ident.to_string()),
            syn::Item::Union(u) => types.push(u.ident.to_string()),
            syn::Item::Mod(m) => {
                types.push(m.ident.to_string());
                if let Some((_, inner)) = &m.content {
                    check_items(inner, &format!("{module}::{}", m.ident), out);
                }
            }
            syn::Item::Fn(f) => values.push(f.sig.ident.to_string()),
            syn::Item::Const(c) => values.push(c.ident.to_string()),
            syn::Item::Static(s) => values.push(s.ident.to_string()),
            syn::Item::Use(u) => {
                let mut names = Vec::new();
                use_names(&u.tree, &mut names);
                types.extend(names);
            }
            syn::Item::Impl(i) => {
                let self_ty = i.self_ty.to_token_stream().to_string();
                let members = i.items.iter().filter_map(|m| match m {
                    syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
                    syn::ImplItem::Const(c) => Some(c.ident.to_string()),
                    _ => None,
                });
                match &i.trait_ {
                    Some((trait_path, _)) => {
                        duplicates(
                            members,
                            &format!("member of impl for `{module}::{self_ty}`"),
                            out,
                        );
                        if i.generics.params.is_empty() {
                            trait_impls
                                .push(format!("{} for {self_ty}", trait_path.to_token_stream()));
                        }
                    }
                    None => impls.entry(self_ty).or_default().extend(members),
                }
            }
            _ => {}
        }
    }
    alias_cycles(items, module, out);
    duplicates(types, &format!("type-namespace item of `{module}`"), out);
    duplicates(values, &format!("value-namespace item of `{module}`"), out);
    duplicates(trait_impls, &format!("trait impl in `{module}`"), out);
    for (ty, members) in impls {
        duplicates(
            members,
            &format!("inherent member of `{module}::{ty}`"),
            out,
        );
    }
}

// ---------------------------------------------------------------------------------------
// Time limit and panic capture

const WORKER: &str = "specgen-fuzz-case";

thread_local! {
    static LAST_PANIC: RefCell<Option<(String, String, Option<String>)>> =
        const { RefCell::new(None) };
    static WANT_BACKTRACE: Cell<bool> = const { Cell::new(false) };
}

/// Records panics of worker threads quietly; other threads keep the default report.
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(WORKER) {
                return default(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(non-string payload)".to_owned());
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            let backtrace = WANT_BACKTRACE.get().then(|| {
                let bt = std::backtrace::Backtrace::force_capture().to_string();
                specgen_frames(&bt)
            });
            LAST_PANIC.set(Some((message, location, backtrace)));
        }));
    });
}

/// The frames of a backtrace that are in specgen itself.
fn specgen_frames(bt: &str) -> String {
    let lines: Vec<&str> = bt.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.contains("specgen::") && !line.contains("robustness") {
            let _ = writeln!(out, "  {}", line.trim());
            if let Some(at) = lines
                .get(i + 1)
                .filter(|l| l.trim_start().starts_with("at "))
            {
                let _ = writeln!(out, "      {}", at.trim());
            }
        }
    }
    out
}

fn time_limit() -> Duration {
    let default = if cfg!(debug_assertions) {
        10_000
    } else {
        3_000
    };
    Duration::from_millis(env_u64("SPECGEN_FUZZ_TIMEOUT_MS").unwrap_or(default))
}

/// Runs `f` on a fresh thread; a panic or a run past `limit` is a failure. A thread that
/// runs past the limit is left behind.
fn guarded<T: Send + 'static>(
    limit: Duration,
    backtrace: bool,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    install_hook();
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(WORKER.to_owned())
        .stack_size(8 << 20)
        .spawn(move || {
            WANT_BACKTRACE.set(backtrace);
            let result = panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
                let (message, location, backtrace) = LAST_PANIC
                    .take()
                    .unwrap_or_else(|| ("(unknown)".to_owned(), String::new(), None));
                Failure::Panic {
                    message,
                    location,
                    backtrace,
                }
            });
            let _ = tx.send(result);
        })
        .expect("spawn a worker thread");
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(_) => Err(Failure::Hang(limit)),
    }
}

fn run(input: &Input, limit: Duration, backtrace: bool) -> Result<Outcome, Failure> {
    let input = input.clone();
    guarded(limit, backtrace, move || generate(&input)).and_then(|r| r)
}

// ---------------------------------------------------------------------------------------
// Campaign
//
// A stack overflow aborts the process and cannot be caught, so the campaign runs in a child
// process (the ignored test `campaign_child`) that notes each new failure and keeps going;
// the test restarts it with a fresh seed when it dies. Failures are then minimized in the
// test process, replaying every candidate in a child process (`replay_child`).

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// `target/tmp/specgen-fuzz/<pid>`: this process's state and findings.
fn out_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::var_os("SPECGEN_FUZZ_CHILD_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join("specgen-fuzz")
                    .join(std::process::id().to_string())
            });
        std::fs::create_dir_all(&dir).expect("fuzz directory");
        dir
    })
    .clone()
}

#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
struct Stats {
    cases: usize,
    generated: usize,
    rejected: BTreeMap<String, usize>,
    /// Errors whose pointer names no node of the input.
    unresolved: usize,
    unresolved_examples: BTreeMap<String, String>,
    slowest_ms: u64,
    /// The slowest case the generator handled well, and which it was (seed, case).
    slowest_ok_ms: u64,
    slowest_ok_case: Option<(u64, usize)>,
    failures: usize,
    /// Failing cases per signature.
    seen: BTreeMap<String, usize>,
}

impl Stats {
    fn merge(&mut self, other: &Stats) {
        self.cases += other.cases;
        self.generated += other.generated;
        for (k, v) in &other.rejected {
            *self.rejected.entry(k.clone()).or_default() += v;
        }
        self.unresolved += other.unresolved;
        for (k, v) in &other.unresolved_examples {
            if self.unresolved_examples.len() < 8 {
                self.unresolved_examples
                    .entry(k.clone())
                    .or_insert_with(|| v.clone());
            }
        }
        self.slowest_ms = self.slowest_ms.max(other.slowest_ms);
        if other.slowest_ok_ms > self.slowest_ok_ms {
            self.slowest_ok_ms = other.slowest_ok_ms;
            self.slowest_ok_case = other.slowest_ok_case;
        }
        self.failures += other.failures;
        for (k, v) in &other.seen {
            *self.seen.entry(k.clone()).or_default() += v;
        }
    }

    fn record(&mut self, doc: &Value, result: &Result<Outcome, Failure>, took: Duration) {
        self.cases += 1;
        self.slowest_ms = self.slowest_ms.max(took.as_millis() as u64);
        if result.is_ok() {
            self.slowest_ok_ms = self.slowest_ok_ms.max(took.as_millis() as u64);
        }
        match result {
            Ok(Outcome::Generated) => self.generated += 1,
            Ok(Outcome::Rejected(e)) => {
                *self.rejected.entry(format!("{:?}", e.kind)).or_default() += 1;
                if let Some(p) = &e.pointer
                    && !resolves(doc, p)
                {
                    self.unresolved += 1;
                    if self.unresolved_examples.len() < 8 {
                        self.unresolved_examples
                            .entry(generalize(&e.message))
                            .or_insert_with(|| format!("{p}: {}", e.message));
                    }
                }
            }
            Err(f) => {
                self.failures += 1;
                *self.seen.entry(f.signature()).or_default() += 1;
            }
        }
    }
}

/// A failure first met at case `case_no` of the campaign seeded with `seed`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Found {
    seed: u64,
    case_no: usize,
    signature: String,
    detail: String,
}

/// What a child process left behind while running a case.
#[derive(serde::Serialize, serde::Deserialize)]
struct Current {
    seed: u64,
    case_no: usize,
    stats: Stats,
    text: String,
    yaml: bool,
    settings: u8,
}

fn runner(seed: u64) -> TestRunner {
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (seed >> ((i % 8) * 8)) as u8 ^ (i as u8);
    }
    TestRunner::new_with_rng(
        Config {
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

fn input_of(case: &Case) -> (Value, Input) {
    let doc = materialize(case);
    let input = Input::new(&doc, case.yaml, case.settings);
    (doc, input)
}

/// The child's side: runs cases until the budget is spent, noting each new failure.
fn campaign(dir: &Path, seed: u64, cases: Option<usize>, deadline_ms: Option<u64>) {
    let verbose = std::env::var_os("SPECGEN_FUZZ_CHILD_VERBOSE").is_some();
    let strategy = case_strategy();
    let mut runner = runner(seed);
    let limit = time_limit();
    let mut stats = Stats::default();
    let mut noted = HashSet::new();
    let mut last_progress = Instant::now();
    for case_no in 0.. {
        if cases.is_some_and(|c| case_no >= c) || deadline_ms.is_some_and(|d| now_ms() >= d) {
            break;
        }
        let case = strategy.new_tree(&mut runner).expect("a case").current();
        let (doc, input) = input_of(&case);
        let current = Current {
            seed,
            case_no,
            stats: stats.clone(),
            text: input.text.clone(),
            yaml: input.format == Format::Yaml,
            settings: input.settings,
        };
        let _ = std::fs::write(
            dir.join("current.json"),
            serde_json::to_string(&current).expect("JSON"),
        );
        let started = Instant::now();
        let result = run(&input, limit, false);
        let slowest = stats.slowest_ok_ms;
        stats.record(&doc, &result, started.elapsed());
        if stats.slowest_ok_ms > slowest {
            stats.slowest_ok_case = Some((seed, case_no));
        }
        if let Err(f) = &result
            && noted.insert(f.signature())
        {
            let found = Found {
                seed,
                case_no,
                signature: f.signature(),
                detail: f.to_string(),
            };
            if verbose {
                println!("| case {case_no}: new failure: {}", found.signature);
            }
            let line = serde_json::to_string(&found).expect("JSON") + "\n";
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(dir.join("found.jsonl"))
                .expect("found.jsonl");
            std::io::Write::write_all(&mut file, line.as_bytes()).expect("found.jsonl");
        }
        if matches!(result, Err(Failure::Hang(_))) {
            // The hung thread keeps a core busy: end this process; the test starts another.
            break;
        }
        if verbose && last_progress.elapsed() >= Duration::from_secs(60) {
            last_progress = Instant::now();
            println!(
                "| {} cases, {} generated, {} failing",
                stats.cases, stats.generated, stats.failures
            );
        }
    }
    std::fs::write(
        dir.join("result.json"),
        serde_json::to_string(&stats).expect("JSON"),
    )
    .expect("result.json");
}

/// A child process of this test binary running one (ignored) test, with `env`; under gdb
/// (printing the innermost frames when it stops) if `debugger`.
fn spawn_child(test: &str, env: &[(&str, String)], debugger: bool) -> std::process::Child {
    let exe = std::env::current_exe().expect("test binary");
    let mut cmd = if debugger {
        let mut cmd = std::process::Command::new("gdb");
        cmd.args(["-q", "-batch", "-ex", "run", "-ex", "bt 64", "--args"])
            .arg(exe);
        cmd
    } else {
        std::process::Command::new(exe)
    };
    cmd.args([
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("RUST_BACKTRACE", "0")
    .stdin(std::process::Stdio::null())
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("spawn the test binary")
}

/// Waits for `child` (killing it after `limit`), forwarding its `| ` lines; its stderr.
fn finish_child(
    mut child: std::process::Child,
    limit: Option<Duration>,
    forward: bool,
) -> (Option<std::process::ExitStatus>, String, String) {
    use std::io::{BufRead, Read};
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut kept = String::new();
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            match line.strip_prefix("| ") {
                Some(l) if forward => println!("  {l}"),
                _ if !forward => {
                    kept.push_str(&line);
                    kept.push('\n');
                }
                _ => {}
            }
        }
        kept
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if limit.is_some_and(|l| started.elapsed() > l) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    (
        status,
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    )
}

/// What killed a child, from its stderr.
fn crash_signature(stderr: &str, status: Option<std::process::ExitStatus>) -> String {
    if stderr.contains("has overflowed its stack") {
        "crash: stack overflow".to_owned()
    } else if stderr.contains("memory allocation of") {
        "crash: out of memory".to_owned()
    } else {
        match status {
            Some(s) => format!("crash: {s}"),
            None => "hang".to_owned(),
        }
    }
}

fn tail(s: &str, lines: usize) -> String {
    let all: Vec<&str> = s.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Runs the campaign in child processes until `cases` or `secs` are spent.
fn supervise(seed: u64, cases: Option<usize>, secs: Option<Duration>) -> (Stats, Vec<Found>) {
    let dir = out_dir().join("campaign");
    std::fs::create_dir_all(&dir).expect("campaign directory");
    let deadline_ms = secs.map(|d| now_ms() + d.as_millis() as u64);
    let mut stats = Stats::default();
    let mut found: Vec<Found> = Vec::new();
    let mut overflows = 0usize;
    for child_no in 0u64.. {
        let remaining = cases.map(|c| c.saturating_sub(stats.cases));
        if remaining == Some(0) || deadline_ms.is_some_and(|d| now_ms() >= d) {
            break;
        }
        for f in ["current.json", "found.jsonl", "result.json"] {
            let _ = std::fs::remove_file(dir.join(f));
        }
        let child_seed = seed.wrapping_add(child_no.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut env = vec![
            ("SPECGEN_FUZZ_CHILD_DIR", dir.display().to_string()),
            ("SPECGEN_FUZZ_CHILD_SEED", child_seed.to_string()),
        ];
        if let Some(r) = remaining {
            env.push(("SPECGEN_FUZZ_CHILD_CASES", r.to_string()));
        }
        if let Some(d) = deadline_ms {
            env.push(("SPECGEN_FUZZ_CHILD_DEADLINE_MS", d.to_string()));
            env.push(("SPECGEN_FUZZ_CHILD_VERBOSE", "1".to_owned()));
        }
        let (status, _, stderr) =
            finish_child(spawn_child("campaign_child", &env, false), None, true);
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
        for line in read("found.jsonl").unwrap_or_default().lines() {
            let f: Found = serde_json::from_str(line).expect("found.jsonl");
            if !found.iter().any(|g| g.signature == f.signature) {
                found.push(f);
            }
        }
        if let Some(result) = read("result.json") {
            stats.merge(&serde_json::from_str(&result).expect("result.json"));
            continue;
        }
        let Some(current) = read("current.json") else {
            panic!("the campaign child did not start: {status:?}\n{stderr}");
        };
        let current: Current = serde_json::from_str(&current).expect("current.json");
        stats.merge(&current.stats);
        let mut signature = crash_signature(&stderr, status);
        // Looking up where the stack overflowed takes a debugger run: do it for the first
        // overflows, then for one in ten (the rest are counted without a site).
        let overflow = signature == "crash: stack overflow";
        overflows += usize::from(overflow);
        let sampled_out = overflow && overflows > 20 && !overflows.is_multiple_of(10);
        if sampled_out {
            signature.push_str(" (site not looked up)");
        } else if overflow {
            let format = if current.yaml {
                Format::Yaml
            } else {
                Format::Json
            };
            let input = Input {
                text: current.text.clone(),
                format,
                settings: current.settings,
            };
            if let Some(site) = overflow_site(&input) {
                signature = format!("{signature} in {site}");
            }
        }
        let crashed = Err(Failure::BadError(String::new()));
        let mut one = Stats::default();
        one.record(&Value::Null, &crashed, Duration::ZERO);
        one.seen = BTreeMap::from([(signature.clone(), 1)]);
        stats.merge(&one);
        if deadline_ms.is_some() {
            println!("  case {}: {signature}; restarting", current.case_no);
        }
        if !sampled_out && !found.iter().any(|g| g.signature == signature) {
            found.push(Found {
                seed: current.seed,
                case_no: current.case_no,
                signature,
                detail: tail(&stderr, 4),
            });
        }
    }
    (stats, found)
}

/// Classifies `input` in a child process: `None` when the generator handled it well, else
/// the failure's signature and details.
fn replay(input: &Input, limit: Duration) -> Option<(String, String)> {
    let (output, status, _, stderr) = replay_raw(input, limit, false);
    match output {
        Some(text) => serde_json::from_str(&text).expect("replay output"),
        None => Some((crash_signature(&stderr, status), tail(&stderr, 4))),
    }
}

/// Runs `replay_child` on `input`: its output file (absent if it died), status, stdout and
/// stderr.
fn replay_raw(
    input: &Input,
    limit: Duration,
    debugger: bool,
) -> (
    Option<String>,
    Option<std::process::ExitStatus>,
    String,
    String,
) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let ext = match input.format {
        Format::Json => "json",
        Format::Yaml => "yaml",
    };
    let spec = out_dir().join(format!("replay-{n}.{ext}"));
    let output = out_dir().join(format!("replay-{n}.out.json"));
    std::fs::write(&spec, &input.text).expect("replay input");
    let child = spawn_child(
        "replay_child",
        &[
            ("SPECGEN_FUZZ_REPLAY", spec.display().to_string()),
            ("SPECGEN_FUZZ_REPLAY_OUT", output.display().to_string()),
            ("SPECGEN_FUZZ_REPLAY_SETTINGS", input.settings.to_string()),
            ("SPECGEN_FUZZ_TIMEOUT_MS", limit.as_millis().to_string()),
        ],
        debugger,
    );
    let (status, stdout, stderr) =
        finish_child(child, Some(limit * 2 + Duration::from_secs(20)), false);
    let result = std::fs::read_to_string(&output).ok();
    let _ = std::fs::remove_file(&spec);
    let _ = std::fs::remove_file(&output);
    (result, status, stdout, stderr)
}

/// Whether [`overflow_site`] runs gdb: in long runs and for `minimize_spec` (it takes a
/// while, more so in debug builds).
static LOOK_UP_OVERFLOWS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The generator functions that recursed without end, for an input that overflows the
/// stack: the `specgen::` functions seen more than once among the innermost frames, from
/// gdb (when installed).
fn overflow_site(input: &Input) -> Option<String> {
    if !LOOK_UP_OVERFLOWS.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    let gdb = std::process::Command::new("gdb")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if !gdb.is_ok_and(|s| s.success()) {
        return None;
    }
    let (_, _, stdout, _) = replay_raw(input, time_limit(), true);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for line in stdout.lines().filter(|l| l.starts_with('#')) {
        let Some(at) = line.find("specgen::") else {
            continue;
        };
        if line[..at].ends_with('<') {
            continue;
        }
        let name = line[at..].split([' ', '(']).next().unwrap_or_default();
        // Release builds name frames `path::h0123456789abcdef`.
        let name = match name.rsplit_once("::h") {
            Some((base, hash))
                if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) =>
            {
                base
            }
            _ => name,
        };
        *counts.entry(name.to_owned()).or_default() += 1;
    }
    let cycle: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(name, _)| name)
        .collect();
    (!cycle.is_empty()).then(|| cycle.join(" + "))
}

/// The signature of a replay, with the recursing functions for a stack overflow when the
/// finding names them.
fn replay_signature(finding: &str, input: &Input, limit: Duration) -> Option<(String, String)> {
    let (signature, detail) = replay(input, limit)?;
    if signature == "crash: stack overflow" && finding.starts_with("crash: stack overflow in ") {
        let site = overflow_site(input).unwrap_or_default();
        return Some((format!("{signature} in {site}"), detail));
    }
    Some((signature, detail))
}

struct Finding {
    found: Found,
    detail: String,
    case: Case,
    spec: Value,
    seen: usize,
    reproduced: bool,
}

impl Finding {
    fn report(&self, n: usize) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "finding {n}: {}", self.found.signature);
        let _ = writeln!(s, "  failure: {}", self.detail.replace('\n', "\n    "));
        let _ = writeln!(
            s,
            "  seen: {} failing case(s); first at case {} of seed {}",
            self.seen, self.found.case_no, self.found.seed
        );
        if !self.reproduced {
            let _ = writeln!(s, "  (did not reproduce on replay; spec not minimized)");
        }
        let _ = writeln!(s, "  seed spec: {}", seeds()[self.case.seed].name);
        if self.case.settings != 0 {
            let _ = writeln!(s, "  settings: {:?}", settings_of(self.case.settings));
        }
        let format = if self.case.yaml { "YAML" } else { "JSON" };
        let _ = writeln!(s, "  format: {format}");
        let _ = writeln!(s, "  mutations: {:?}", self.case.mutations);
        let _ = writeln!(s, "  minimal spec: {}", self.spec);
        s
    }
}

/// Shrinks the case of `found` (fewer mutations, operations, simpler values), then reduces
/// its document, keeping the failure's signature; every candidate runs in a child process.
fn minimize(found: &Found, seen: usize, budget: Duration) -> Finding {
    let deadline = Instant::now() + budget;
    let strategy = case_strategy();
    let mut runner = runner(found.seed);
    for _ in 0..found.case_no {
        let _ = strategy.new_tree(&mut runner);
    }
    let mut tree = strategy.new_tree(&mut runner).expect("a case");
    let mut case = tree.current();
    // A hang costs the whole time limit per attempt: look for inputs that take more than a
    // second or so (cases take milliseconds), within the time budget.
    let hang = found.signature == "hang";
    let limit = if hang {
        time_limit().min(Duration::from_millis(if cfg!(debug_assertions) {
            3_000
        } else {
            1_000
        }))
    } else {
        time_limit()
    };
    let same = |input: &Input| -> Option<String> {
        replay_signature(&found.signature, input, limit)
            .filter(|(s, _)| *s == found.signature)
            .map(|(_, d)| d)
    };
    let mut detail = found.detail.clone();
    let reproduced = match same(&input_of(&case).1) {
        Some(d) => {
            detail = d;
            true
        }
        None => false,
    };
    let mut attempts = 5_000;
    if reproduced && tree.simplify() {
        while attempts > 0 && Instant::now() < deadline {
            attempts -= 1;
            let candidate = tree.current();
            if let Some(d) = same(&input_of(&candidate).1) {
                case = candidate;
                detail = d;
                if !tree.simplify() {
                    break;
                }
            } else if !tree.complicate() {
                break;
            }
        }
    }
    let (mut doc, _) = input_of(&case);
    if reproduced {
        let mut still = |d: &Value| {
            if attempts == 0 {
                return false;
            }
            attempts -= 1;
            match same(&Input::new(d, case.yaml, case.settings)) {
                Some(d) => {
                    detail = d;
                    true
                }
                None => false,
            }
        };
        doc = reduce(doc, &mut still, deadline);
    }
    if found.signature.starts_with("crash: stack overflow")
        && let Some(site) = overflow_site(&Input::new(&doc, case.yaml, case.settings))
    {
        detail = format!("{}\nthe minimal spec recurses in {site}", detail.trim_end());
    }
    Finding {
        found: found.clone(),
        detail,
        case,
        spec: doc,
        seen,
        reproduced,
    }
}

/// Greedily makes `best` smaller while `still_fails`: drops runs of entries of each object
/// and array (halves first, then quarters, down to single entries), hoists schemas out of
/// their wrappers and shortens strings.
fn reduce(
    mut best: Value,
    still_fails: &mut dyn FnMut(&Value) -> bool,
    deadline: Instant,
) -> Value {
    loop {
        let mut progress = false;
        let mut nodes = Nodes::of(&best).all;
        nodes.insert(0, Vec::new());
        let mut i = 0;
        while i < nodes.len() {
            if Instant::now() >= deadline {
                return best;
            }
            let p = nodes[i].clone();
            let changed = drop_runs(&mut best, &p, still_fails, deadline)
                || simplify_node(&mut best, &p, still_fails);
            if changed {
                progress = true;
                nodes = Nodes::of(&best).all;
                nodes.insert(0, Vec::new());
                // Revisit the same position: it may hold something else now.
            } else {
                i += 1;
            }
        }
        if !progress {
            return best;
        }
    }
}

/// Tries dropping runs of the entries of the container at `p`.
fn drop_runs(
    best: &mut Value,
    p: &[Seg],
    still_fails: &mut dyn FnMut(&Value) -> bool,
    deadline: Instant,
) -> bool {
    let len = match get(best, p) {
        Some(Value::Object(m)) => m.len(),
        Some(Value::Array(a)) => a.len(),
        _ => return false,
    };
    let mut changed = false;
    let mut run = len.div_ceil(2).max(1);
    loop {
        let mut start = 0;
        loop {
            let current = match get(best, p) {
                Some(Value::Object(m)) => m.len(),
                Some(Value::Array(a)) => a.len(),
                _ => 0,
            };
            if start >= current || Instant::now() >= deadline {
                break;
            }
            let mut candidate = best.clone();
            match get_mut(&mut candidate, p) {
                Some(Value::Object(m)) => {
                    let keys: Vec<String> = m.keys().skip(start).take(run).cloned().collect();
                    for k in keys {
                        m.remove(&k);
                    }
                }
                Some(Value::Array(a)) => {
                    a.drain(start..(start + run).min(a.len()));
                }
                _ => break,
            }
            if still_fails(&candidate) {
                *best = candidate;
                changed = true;
            } else {
                start += run;
            }
        }
        if run == 1 {
            return changed;
        }
        run = run.div_ceil(2);
    }
}

/// Tries replacing the node at `p` by one of its object children, or a string by `x`.
fn simplify_node(best: &mut Value, p: &[Seg], still_fails: &mut dyn FnMut(&Value) -> bool) -> bool {
    if p.is_empty() {
        return false;
    }
    let mut candidates = Vec::new();
    match get(best, p) {
        Some(Value::Object(m)) => {
            candidates.extend(m.values().filter(|c| c.is_object()).take(3).cloned());
        }
        Some(Value::Array(a)) => {
            candidates.extend(a.iter().filter(|c| c.is_object()).take(3).cloned());
        }
        Some(Value::String(s))
            if s.chars().count() > 1 && !matches!(key_at(p, 0), Some("$ref" | "openapi")) =>
        {
            candidates.push(Value::String("x".to_owned()));
        }
        _ => {}
    }
    for c in candidates {
        let mut candidate = best.clone();
        set(&mut candidate, p, c);
        if still_fails(&candidate) {
            *best = candidate;
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn mutated_specs() {
    let long = env_u64("SPECGEN_FUZZ_SECS").map(Duration::from_secs);
    let seed = env_u64("SPECGEN_FUZZ_SEED").unwrap_or(match long {
        Some(_) => now_ms() / 1000,
        None => 0x5eed_5bec,
    });
    let cases = match long {
        Some(_) => None,
        None => Some(env_u64("SPECGEN_FUZZ_CASES").unwrap_or(96) as usize),
    };
    if let Some(secs) = long {
        println!("robustness: seed {seed}, running for {secs:?}");
        LOOK_UP_OVERFLOWS.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let started = Instant::now();
    let (stats, found) = supervise(seed, cases, long);
    let fuzzed_for = started.elapsed();
    let minimize_for = Duration::from_secs(if long.is_some() { 180 } else { 20 });
    let findings: Vec<Finding> = found
        .iter()
        .map(|f| {
            minimize(
                f,
                stats.seen.get(&f.signature).copied().unwrap_or(1),
                minimize_for,
            )
        })
        .collect();
    let mut summary = String::new();
    let _ = writeln!(
        summary,
        "robustness: seed {seed}: {} cases in {:.1?} ({:.0} cases/s); generated {}, rejected {:?}; slowest case {} ms (handled well: {} ms, case {:?}); failing cases {}; distinct findings {}",
        stats.cases,
        fuzzed_for,
        stats.cases as f64 / fuzzed_for.as_secs_f64().max(1e-9),
        stats.generated,
        stats.rejected,
        stats.slowest_ms,
        stats.slowest_ok_ms,
        stats.slowest_ok_case,
        stats.failures,
        findings.len(),
    );
    if !stats.seen.is_empty() {
        let _ = writeln!(summary, "  failing cases by kind: {:?}", stats.seen);
    }
    if stats.unresolved > 0 {
        let _ = writeln!(
            summary,
            "  errors whose pointer names no node of the input: {} (for example {:?})",
            stats.unresolved,
            stats.unresolved_examples.values().collect::<Vec<_>>()
        );
    }
    for (i, f) in findings.iter().enumerate() {
        summary.push_str(&f.report(i + 1));
        let _ = std::fs::write(
            out_dir().join(format!("finding-{}.json", i + 1)),
            f.spec.to_string(),
        );
    }
    if findings.is_empty() || long.is_some() {
        println!("{summary}");
    }
    let _ = std::fs::write(out_dir().join("summary.txt"), &summary);
    assert!(findings.is_empty(), "{summary}");
    // The mutations must exercise both outcomes, or the campaign tests little.
    assert!(stats.generated > 0, "{summary}");
    assert!(!stats.rejected.is_empty(), "{summary}");
    let _ = std::fs::remove_dir_all(out_dir());
}

#[test]
#[ignore = "the campaign process of `mutated_specs`"]
fn campaign_child() {
    let (Some(dir), Some(seed)) = (
        std::env::var_os("SPECGEN_FUZZ_CHILD_DIR"),
        env_u64("SPECGEN_FUZZ_CHILD_SEED"),
    ) else {
        println!("run by `mutated_specs`");
        return;
    };
    campaign(
        Path::new(&dir),
        seed,
        env_u64("SPECGEN_FUZZ_CHILD_CASES").map(|c| c as usize),
        env_u64("SPECGEN_FUZZ_CHILD_DEADLINE_MS"),
    );
}

#[test]
#[ignore = "replays one input for `mutated_specs` and the bug tests"]
fn replay_child() {
    let (Some(spec), Some(out)) = (
        std::env::var_os("SPECGEN_FUZZ_REPLAY"),
        std::env::var_os("SPECGEN_FUZZ_REPLAY_OUT"),
    ) else {
        println!("run by `mutated_specs`");
        return;
    };
    let spec = PathBuf::from(spec);
    let input = Input {
        text: std::fs::read_to_string(&spec).expect("replay input"),
        format: if spec.extension().is_some_and(|e| e == "json") {
            Format::Json
        } else {
            Format::Yaml
        },
        settings: env_u64("SPECGEN_FUZZ_REPLAY_SETTINGS").unwrap_or(0) as u8,
    };
    let result = run(&input, time_limit(), true)
        .err()
        .map(|f| (f.signature(), f.to_string()));
    std::fs::write(out, serde_json::to_string(&result).expect("JSON")).expect("replay output");
}

/// Reduces a failing spec by hand:
/// `SPECGEN_FUZZ_MINIMIZE=spec.json cargo test -p specgen --test robustness -- --ignored --nocapture minimize_spec`
/// (`SPECGEN_FUZZ_REPLAY_SETTINGS` picks the options as in `settings_of`) writes
/// `spec.min.json`; `SPECGEN_FUZZ_MINIMIZE=<seed>:<case>` shrinks and reduces that case of
/// a campaign (the numbers a finding reports).
#[test]
#[ignore = "a tool: reduces the spec named by SPECGEN_FUZZ_MINIMIZE"]
fn minimize_spec() {
    let Ok(arg) = std::env::var("SPECGEN_FUZZ_MINIMIZE") else {
        println!("set SPECGEN_FUZZ_MINIMIZE to a spec that fails, or to <seed>:<case>");
        return;
    };
    let budget = Duration::from_secs(env_u64("SPECGEN_FUZZ_MINIMIZE_SECS").unwrap_or(300));
    LOOK_UP_OVERFLOWS.store(true, std::sync::atomic::Ordering::Relaxed);
    let limit = time_limit();
    let signature_of = |input: &Input| {
        let (mut signature, detail) = replay(input, limit)?;
        if signature == "crash: stack overflow"
            && let Some(site) = overflow_site(input)
        {
            signature = format!("{signature} in {site}");
        }
        Some((signature, detail))
    };
    let case_of = |arg: &str| {
        let (seed, case_no) = arg.split_once(':')?;
        Some((seed.parse::<u64>().ok()?, case_no.parse::<usize>().ok()?))
    };
    if let Some((seed, case_no)) = case_of(&arg) {
        let strategy = case_strategy();
        let mut runner = runner(seed);
        for _ in 0..case_no {
            let _ = strategy.new_tree(&mut runner);
        }
        let case = strategy.new_tree(&mut runner).expect("a case").current();
        let Some((signature, detail)) = signature_of(&input_of(&case).1) else {
            println!("case {case_no} of seed {seed} is handled well");
            return;
        };
        println!("case {case_no} of seed {seed}: {signature}; minimizing");
        let found = Found {
            seed,
            case_no,
            signature,
            detail,
        };
        println!("{}", minimize(&found, 1, budget).report(1));
        return;
    }
    let path = PathBuf::from(arg);
    let doc = read_spec(&path);
    let settings = env_u64("SPECGEN_FUZZ_REPLAY_SETTINGS").unwrap_or(0) as u8;
    let Some((signature, _)) = signature_of(&Input::new(&doc, false, settings)) else {
        println!("{}: handled well", path.display());
        return;
    };
    println!("{}: {signature}; reducing", path.display());
    let deadline = Instant::now() + budget;
    let mut detail = String::new();
    let mut still =
        |d: &Value| match replay_signature(&signature, &Input::new(d, false, settings), limit) {
            Some((s, d)) if s == signature => {
                detail = d;
                true
            }
            _ => false,
        };
    let reduced = reduce(doc, &mut still, deadline);
    println!("{detail}\n{reduced}");
    std::fs::write(path.with_extension("min.json"), reduced.to_string()).expect("write");
}

/// Runs each spec (YAML) in a child process and asserts the generator handles all well.
fn assert_handled(specs: &[String]) {
    let mut failures = Vec::new();
    for (i, yaml) in specs.iter().enumerate() {
        let input = Input {
            text: yaml.clone(),
            format: Format::Yaml,
            settings: 0,
        };
        if let Some((signature, detail)) = replay(&input, time_limit()) {
            failures.push(format!("spec {}: {signature}\n{detail}\n{yaml}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn seeds_generate() {
    let limit = time_limit() * 3;
    let first = [Index::FIRST];
    for seed in seeds() {
        let doc = if seed.big {
            subset(&seed.doc, &first, &[])
        } else {
            seed.doc.clone()
        };
        let input = Input::new(&doc, false, 0);
        match run(&input, limit, true) {
            Ok(Outcome::Generated) => {}
            other => panic!("{}: {other:?}", seed.name),
        }
    }
}

#[test]
fn oracle_requires_pointers_and_messages() {
    let invalid = specgen::Error::new(ErrorKind::Invalid, "something is wrong");
    assert!(matches!(check_error(invalid), Err(Failure::BadError(_))));
    let empty = specgen::Error::at(ErrorKind::Invalid, "#/paths", " ");
    assert!(matches!(check_error(empty), Err(Failure::BadError(_))));
    let relative = specgen::Error::at(ErrorKind::Unsupported, "paths", "no");
    assert!(matches!(check_error(relative), Err(Failure::BadError(_))));
    let syntax = specgen::Error::new(ErrorKind::Syntax, "invalid JSON at line 1 column 2");
    assert!(matches!(check_error(syntax), Ok(Outcome::Rejected(_))));
    let located = specgen::Error::at(ErrorKind::Invalid, "#/components/schemas/A", "bad");
    assert!(matches!(check_error(located), Ok(Outcome::Rejected(_))));
}

#[test]
fn oracle_rejects_bad_output() {
    use quote::quote;
    assert!(
        check_tokens(quote!(
            pub struct A {
                pub b: u8,
            }
        ))
        .is_ok()
    );
    assert!(matches!(
        check_tokens(quote!(pub struct A { pub b: })),
        Err(Failure::Unparsable(_))
    ));
    let twice = [
        quote!(
            pub struct A;
            pub enum A {}
        ),
        quote!(
            pub struct A {
                b: u8,
                b: u16,
            }
        ),
        quote!(
            pub enum A {
                B,
                B,
            }
        ),
        quote!(
            mod m {
                use x::A;
                pub struct A {}
            }
        ),
        quote!(struct A; impl A { fn f() {} } impl A { fn f() {} }),
        quote!(struct A; impl From<u8> for A {} impl From<u8> for A {}),
        quote!(
            pub type A = Vec<A>;
        ),
        quote!(
            pub type A = std::collections::BTreeMap<String, B>;
            pub type B = Option<A>;
        ),
    ];
    for tokens in twice {
        let text = tokens.to_string();
        assert!(
            matches!(check_tokens(tokens), Err(Failure::Uncompilable(_))),
            "{text}"
        );
    }
    assert!(
        check_tokens(quote!(
            pub struct A;
            pub fn A() {}
        ))
        .is_err()
    );
    assert!(
        check_tokens(quote!(
            pub struct A {}
            pub fn A() {}
            mod a {}
        ))
        .is_ok()
    );
}

#[test]
fn time_limit_and_panics_are_caught() {
    let hang = guarded(Duration::from_millis(50), false, || {
        std::thread::sleep(Duration::from_millis(400))
    });
    assert!(matches!(hang, Err(Failure::Hang(_))), "{hang:?}");
    let boom = guarded(Duration::from_secs(5), false, || -> u8 { panic!("boom") });
    match boom {
        Err(Failure::Panic {
            message, location, ..
        }) => {
            assert_eq!(message, "boom");
            assert!(location.contains("robustness.rs"), "{location}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(guarded(Duration::from_secs(5), false, || 7).ok(), Some(7));
}

#[test]
fn mutations_apply() {
    let seed = seeds().iter().find(|s| !s.big).expect("a small seed");
    let mut doc = seed.doc.clone();
    let nodes = Nodes::of(&doc);
    assert!(!nodes.components.is_empty() && !nodes.schemas.is_empty());
    let (a, b) = (
        nodes.components[0].clone(),
        nodes.components[nodes.components.len() - 1].clone(),
    );
    apply(
        &mut doc,
        &Mutation::Cycle {
            a: Index::FIRST,
            b: Index::LAST,
            there: Via::Direct,
            back: Via::Array,
            keep: false,
        },
    );
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas[&a], json!({ "$ref": schema_ref(&b) }));
    assert_eq!(schemas[&b]["items"], json!({ "$ref": schema_ref(&a) }));
    apply(
        &mut doc,
        &Mutation::Rename {
            keys: Keys::Component,
            node: Index::FIRST,
            key: Index::FIRST,
            name: "a/b".to_owned(),
        },
    );
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(
        refs.contains(&"#/components/schemas/a~1b".to_owned()),
        "{refs:?}"
    );
    assert!(!refs.contains(&schema_ref(&a)), "{refs:?}");
    let big = seeds().iter().find(|s| s.big).expect("a big seed");
    let small = subset(&big.doc, &[Index::FIRST], &[]);
    assert_eq!(small["paths"].as_object().map(|m| m.len()), Some(1));
    let mut refs = Vec::new();
    collect_refs(&small, &mut refs);
    assert!(!refs.is_empty());
    for r in refs
        .iter()
        .filter(|r| r.starts_with("#/components/schemas/"))
    {
        assert!(resolves(&small, r), "{r}");
    }
}

// ---------------------------------------------------------------------------------------
// Failures the campaign found, reduced by hand to their essence; kept as regression tests.
// Each comment says what went wrong before the fix.

/// A schema that is an array of itself (or a map of an alias of itself) is a Rust type
/// alias of itself (`type A = Vec<A>`), which `lower` lets through; then
/// `emit::validate::shape_checks` follows it until the stack overflows, or, when the array
/// has a length constraint (which ends that search early), `emit::rules::Rules::visit` does.
#[test]
fn bug_array_of_itself_overflows_the_stack() {
    assert_handled(&[
        with_schemas("A: {type: array, items: {$ref: '#/components/schemas/A'}}"),
        with_schemas("A: {type: array, maxItems: 10, items: {$ref: '#/components/schemas/A'}}"),
        with_schemas(
            "A: {type: object, additionalProperties: {$ref: '#/components/schemas/B'}}
             B: {allOf: [{$ref: '#/components/schemas/A'}], nullable: true}",
        ),
    ]);
}

/// A spec with these component schemas, one per line in YAML flow style.
fn with_schemas(schemas: &str) -> String {
    let mut spec =
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
            .to_owned();
    for line in schemas.lines() {
        spec.push_str(&format!("    {}\n", line.trim()));
    }
    spec
}

/// An `allOf` of object schemas inside a property of one of them merges without end:
/// `lower::Lowerer::lower_all_of` → `lower_schema` → `lower_object` → `use_site` →
/// `lower_all_of` … until the stack overflows.
#[test]
fn bug_all_of_containing_its_parent_overflows_the_stack() {
    assert_handled(&[with_schemas(
        "A: {type: object, properties: {x: {allOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/A'}]}}}
         B: {type: object, properties: {y: {type: string}}}",
    )]);
}

/// `names::camel` converts case with `heck` and then drops non-ASCII characters; when the
/// first character has no case (`¹`, `日`), `heck` lower-cases the rest of the word, so a
/// schema `¹Fn`, an enum value `¹Fn` or an operation `¹Fn` becomes the keyword `fn`
/// (`¹self` becomes `self`) as a type or variant name, and the tokens do not parse.
#[test]
fn bug_names_after_a_caseless_character_become_keywords() {
    assert_handled(&[
        with_schemas("\"¹Fn\": {type: object}"),
        with_schemas("\"¹self\": {type: string}"),
        with_schemas("E: {type: string, enum: [a, \"¹Fn\"]}"),
        "openapi: 3.0.0
info: {title: t, version: '1'}
paths:
  /x:
    get:
      operationId: \"¹Fn\"
      responses: {'200': {description: ok}}
"
        .to_owned(),
    ]);
}

/// An `operationId` with a carriage return goes verbatim into a doc comment of the
/// `Operation` variant (`emit::operations::op_docs`); the tokens parse, but printed as a
/// `///` comment the bare CR is a syntax error, so the generated file does not compile.
#[test]
fn bug_carriage_return_in_operation_id_breaks_doc_comment() {
    assert_handled(&["openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      operationId: \"\\r\"
      responses: {}
"
    .to_owned()]);
}

/// An invalid keyword under a dozen levels of `allOf` and `properties` takes exponential
/// time to reject: `document::parse` deserializes through `openapiv3`'s untagged enums, which
/// retry every alternative at every level (and `explain` does it all again).
#[test]
fn bug_invalid_deep_schema_takes_exponential_time() {
    let deep = |leaf: &str| {
        let mut schema = leaf.to_owned();
        for _ in 0..12 {
            schema = format!("{{allOf: [{{properties: {{x: {schema}}}}}]}}");
        }
        with_schemas(&format!("A: {schema}"))
    };
    assert_handled(&[
        deep("{type: string, maxLength: -1}"),
        // A required member missing: `openapiv3` fails every alternative the same way.
        deep("{type: string, discriminator: {type: boolean}}"),
        deep("{type: string, externalDocs: {description: d}}"),
    ]);
}

/// Where an error's pointer should lead, case by case: to the offending node or an
/// ancestor no higher than the given one. The campaign counts the errors whose pointer
/// names no node of the spec (`errors whose pointer names no node`). `lower` joins several
/// segments as one (`parameters/0` becomes `parameters~10`, `responses/default` and
/// `discriminator/mapping` likewise), leaves out the method and `responses` of AWS
/// exception responses, numbers path-level and operation parameters as one list, and
/// places the properties an `allOf` merges in under the merging schema.
#[test]
fn bug_error_pointers_name_no_node() {
    let cases = [
        (
            "operation parameter",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/Nope"}}],
                "responses": {"200": {"description": "ok"}}}}}}"##,
            "#/paths/~1x/get/parameters/0",
            "#/paths/~1x/get/parameters/0/schema",
        ),
        (
            "path-level parameter",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {
                "parameters": [{"name": "a", "in": "query", "schema": {"type": "string"}}],
                "get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/Nope"}}],
                "responses": {"200": {"description": "ok"}}}}}}"##,
            "#/paths/~1x/get/parameters/0",
            "#/paths/~1x/get/parameters/0/schema",
        ),
        (
            "default response",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {
                "responses": {"default": {"description": "d", "content": {"application/json":
                {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}}}}"##,
            "#/paths/~1x/get/responses/default",
            "#/paths/~1x/get/responses/default/content/application~1json/schema",
        ),
        (
            "discriminator mapping",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {},
                "components": {"schemas": {
                "A": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "B": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "C": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "U": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
                      "discriminator": {"propertyName": "kind", "mapping": {"c": "#/components/schemas/C"}}}}}}"##,
            "#/components/schemas/U/discriminator/mapping",
            "#/components/schemas/U/discriminator/mapping/c",
        ),
        (
            "AWS exception response",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {
                "/#X-Amz-Target=S.Op": {"post": {"operationId": "Op",
                "responses": {"200": {"description": "ok"}, "480": {"description": "E",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}}}}"##,
            "#/paths/~1#X-Amz-Target=S.Op/post/responses/480",
            "#/paths/~1#X-Amz-Target=S.Op/post/responses/480/content/application~1json/schema",
        ),
        (
            "property merged from an allOf",
            r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {},
                "components": {"schemas": {
                "Cat": {"allOf": [{"$ref": "#/components/schemas/PetBase"},
                                  {"type": "object", "properties": {"x": {"type": "string"}}}]},
                "PetBase": {"type": "object", "properties": {"name": {"type": "crate"}}}}}}"##,
            "#/components/schemas/PetBase/properties/name",
            "#/components/schemas/PetBase/properties/name/type",
        ),
    ];
    let mut wrong = Vec::new();
    for (what, text, highest, deepest) in cases {
        let doc: Value = serde_json::from_str(text).expect(what);
        assert!(resolves(&doc, deepest), "{what}: {deepest}");
        let input = Input::new(&doc, false, 0);
        match run(&input, time_limit(), false) {
            Ok(Outcome::Rejected(e))
                if e.pointer.as_deref().is_some_and(|p| {
                    resolves(&doc, p)
                        && p.starts_with(highest)
                        && (p == deepest || deepest.starts_with(&format!("{p}/")))
                }) => {}
            Ok(Outcome::Rejected(e)) => wrong.push(format!(
                "{what}: pointer {:?}, expected {deepest:?} or an ancestor down from {highest:?} ({})",
                e.pointer, e.message
            )),
            other => wrong.push(format!("{what}: {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
