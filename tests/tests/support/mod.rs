//! Shared by the operation, handler and fuzz tests: the Cognito spec read at test time, and
//! valid sample bodies built from it.
//!
//! Each test binary uses part of this module only.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Map, Value, json};
use specgen::ir::{Api, Bound, Shape, ShapeKind, TypeId, TypeKind};

/// The vendored spec the crate is generated from.
pub fn spec_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/cognito-idp.yaml")
}

/// The spec lowered to specgen's IR, loaded once per test binary.
pub fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| specgen::load(&spec_path(), &Default::default()).expect("spec loads"))
}

/// The spec as plain YAML, to compare the generated code with the document itself rather
/// than with the IR the code was generated from.
pub fn raw_spec() -> &'static serde_yaml::Value {
    static RAW: OnceLock<serde_yaml::Value> = OnceLock::new();
    RAW.get_or_init(|| {
        let text = std::fs::read_to_string(spec_path()).expect("spec readable");
        serde_yaml::from_str(&text).expect("spec is YAML")
    })
}

/// One operation as the YAML document describes it.
#[derive(Debug, Clone)]
pub struct RawOperation {
    /// `operationId`.
    pub id: String,
    /// The `X-Amz-Target` value, from the path `/#X-Amz-Target=<target>`.
    pub target: String,
    /// The `X-Amz-Target` header parameter's only enum value.
    pub header_target: String,
    /// Schema name of the request body.
    pub input: Option<String>,
    /// Schema name of the `200` body; `None` when the `200` response has no content.
    pub output: Option<String>,
    /// Schema names of the `$ref`s of every response other than `200`, in spec order.
    pub errors: Vec<String>,
}

fn schema_ref(response: &serde_yaml::Value) -> Option<String> {
    let reference = response
        .get("content")?
        .get("application/json")?
        .get("schema")?
        .get("$ref")?
        .as_str()
        .expect("$ref is a string");
    let name = reference
        .strip_prefix("#/components/schemas/")
        .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
    Some(name.to_owned())
}

/// Every operation of the YAML document, in document order.
pub fn raw_operations() -> &'static [RawOperation] {
    static OPS: OnceLock<Vec<RawOperation>> = OnceLock::new();
    OPS.get_or_init(|| {
        let paths = raw_spec()
            .get("paths")
            .and_then(serde_yaml::Value::as_mapping)
            .expect("paths");
        let mut out = Vec::new();
        for (path, item) in paths {
            let path = path.as_str().expect("path is a string");
            let target = path
                .strip_prefix("/#X-Amz-Target=")
                .unwrap_or_else(|| panic!("not an AWS JSON path: {path}"))
                .to_owned();
            let post = item.get("post").expect("every path is a POST");
            let id = post["operationId"]
                .as_str()
                .expect("operationId")
                .to_owned();
            let header_target = post["parameters"]
                .as_sequence()
                .expect("parameters")
                .iter()
                .find(|p| p["name"].as_str() == Some("X-Amz-Target"))
                .and_then(|p| p["schema"]["enum"][0].as_str())
                .expect("X-Amz-Target parameter")
                .to_owned();
            let input = post.get("requestBody").and_then(schema_ref);
            let responses = post["responses"].as_mapping().expect("responses");
            let mut output = None;
            let mut errors = Vec::new();
            for (status, response) in responses {
                let status = match status {
                    serde_yaml::Value::String(s) => s.clone(),
                    serde_yaml::Value::Number(n) => n.to_string(),
                    other => panic!("status {other:?}"),
                };
                if status == "200" {
                    output = schema_ref(response);
                } else {
                    errors.push(
                        schema_ref(response)
                            .unwrap_or_else(|| panic!("{id}: response {status} has no schema")),
                    );
                }
            }
            out.push(RawOperation {
                id,
                target,
                header_target,
                input,
                output,
                errors,
            });
        }
        out
    })
}

/// The schema names of every exception any operation lists, in first-use order.
pub fn raw_exceptions() -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for op in raw_operations() {
        for e in &op.errors {
            if seen.insert(e.clone()) {
                out.push(e.clone());
            }
        }
    }
    out
}

/// A valid value for every pattern of the spec, keyed by the pattern as written there.
///
/// Each sample must match its pattern and fit the length limits of every member that uses
/// the pattern; `sample_for_pattern` fails loudly for a pattern this table lacks.
pub const PATTERN_SAMPLES: &[(&str, &str)] = &[
    (r"[0-9]+", "123456"),
    (r"[\w-]+_[0-9a-zA-Z]+", "us-east-1_AbCdEfGhI"),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "Zoë.name"),
    (r"[\S]+", "Corr3ct-Horse!"),
    (
        r"[\w-]+_[0-9a-f-]+",
        "us-east-1_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    ),
    (r"[\w+]+", "4c5ebn6bojtlrmu9q9oll6gqrg"),
    (r"[\w+-]+", "event-1234+abc"),
    (r"^[0-9a-fA-F]+$", "0123456789abcdefABCDEF"),
    (
        r"arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?",
        "arn:aws:iam::123456789012:role/service-role/sms",
    ),
    (r"[A-Za-z0-9-_=.]+", "eyJhbGciOiJIUzI1NiJ9.e30.sig_=-"),
    (r"[A-Za-z0-9]+", "JBSWY3DPEHPK3PXPJBSWY3DP"),
    (r"[\w\s+=,.@-]+", "My pool, v2 @home"),
    (r"[\w]+", "SUCCESS"),
    (r"[\w+=/]+", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1="),
    (r"[^_][\p{L}\p{M}\p{S}\p{N}\p{P}][^_]+", "Google"),
    (r"[\x21\x23-\x5B\x5D-\x7E]+", "https://api.example.com"),
    (
        r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
        "auth-example-42",
    ),
    (r".*\{####\}.*", "Code: {####}"),
    (
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
        "Your code is {####}.",
    ),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+", "Welcome to Zoë's app"),
    (r"import-[0-9a-zA-Z-]+", "import-AbC-123"),
    (r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket.logs_1"),
    (
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+",
        "no-reply@example.com",
    ),
    (r"^[a-zA-Z0-9_-]+$", "config_set-1"),
    (
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]+",
        "Hello *there*, welcome!",
    ),
    (
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
        "Please {##Verify Email##} now",
    ),
    (r"[\w\s+=.@-]+", "example.com"),
    (r"[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+", "read:all"),
];

/// The sample for a pattern given as written in the spec.
pub fn sample_for_pattern(source: &str) -> &'static str {
    PATTERN_SAMPLES
        .iter()
        .find(|(p, _)| *p == source)
        .map(|(_, s)| *s)
        .unwrap_or_else(|| {
            panic!(
                "the spec has the pattern {source:?} but PATTERN_SAMPLES has no sample for it: \
                 add a valid value for it to tests/tests/support/mod.rs"
            )
        })
}

/// Which members a sample body has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only required members, at every level.
    Required,
    /// Every member, at every level (an optional member whose type is already being
    /// filled further out is left out, so recursive types end).
    All,
}

/// A valid JSON value of the named type.
pub fn sample_type(api: &Api, id: TypeId, fill: Fill) -> Value {
    Sampler {
        api,
        fill,
        stack: Vec::new(),
    }
    .named(id)
}

/// A valid request body of `op` (`{}` when it has no input).
pub fn request_body(op: &specgen::ir::Operation, fill: Fill) -> Value {
    match op.input {
        Some(id) => sample_type(api(), id, fill),
        None => json!({}),
    }
}

/// A valid response body of `op` (`None` when the operation answers without a body).
pub fn response_body(op: &specgen::ir::Operation, fill: Fill) -> Option<Value> {
    op.output.map(|id| sample_type(api(), id, fill))
}

struct Sampler<'a> {
    api: &'a Api,
    fill: Fill,
    stack: Vec<TypeId>,
}

impl Sampler<'_> {
    fn named(&mut self, id: TypeId) -> Value {
        let def = self.api.ty(id);
        match &def.kind {
            TypeKind::Struct(s) | TypeKind::Exception(s) => {
                self.stack.push(id);
                let mut map = Map::new();
                for field in &s.fields {
                    let include =
                        field.required || (self.fill == Fill::All && !self.recurses(&field.shape));
                    if include {
                        let value = self.shape(
                            &field.shape,
                            &format!("{}.{}", def.schema_name, field.wire_name),
                        );
                        map.insert(field.wire_name.clone(), value);
                    }
                }
                self.stack.pop();
                Value::Object(map)
            }
            TypeKind::Enum(e) => Value::from(
                e.values
                    .first()
                    .unwrap_or_else(|| panic!("enum {} has no value", def.schema_name))
                    .wire
                    .clone(),
            ),
            TypeKind::Alias(shape) => {
                let shape = shape.clone();
                self.shape(&shape, &def.schema_name)
            }
            other => panic!(
                "{}: no sample for a type of this kind: {other:?}",
                def.schema_name
            ),
        }
    }

    /// Whether filling `shape` would enter a type already being filled.
    fn recurses(&self, shape: &Shape) -> bool {
        let mut ids = Vec::new();
        collect_types(self.api, shape, &mut ids, &mut BTreeSet::new());
        ids.iter().any(|id| self.stack.contains(id))
    }

    fn shape(&mut self, shape: &Shape, at: &str) -> Value {
        let shape = self.api.resolve(shape);
        let c = &shape.constraints;
        match &shape.kind {
            ShapeKind::String => {
                let value = match c.pattern {
                    Some(p) => sample_for_pattern(&self.api.patterns[p.0].source).to_owned(),
                    None => "x".repeat(count(c.min_len, c.max_len) as usize),
                };
                let len = value.chars().count() as u64;
                assert!(
                    c.min_len.is_none_or(|min| len >= min)
                        && c.max_len.is_none_or(|max| len <= max),
                    "the sample {value:?} for {at} does not fit its length limits {:?}..={:?}",
                    c.min_len,
                    c.max_len
                );
                Value::from(value)
            }
            ShapeKind::Integer(_) => {
                let v = c.minimum.map(bound_i64).unwrap_or(1);
                Value::from(match c.maximum.map(bound_i64) {
                    Some(max) => v.min(max),
                    None => v,
                })
            }
            ShapeKind::Number(_) => {
                let min = c.minimum.map(bound_f64);
                let max = c.maximum.map(bound_f64);
                let mut v = min.unwrap_or(1.5);
                if let Some(max) = max {
                    v = v.min(max);
                }
                Value::from(v)
            }
            ShapeKind::Boolean => Value::from(true),
            ShapeKind::Timestamp => match self.fill {
                Fill::Required => Value::from(1_700_000_000_i64),
                Fill::All => Value::from(1_700_000_000.25_f64),
            },
            ShapeKind::Any => json!({"any": [1, "two", null]}),
            ShapeKind::List(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                Value::Array(
                    (0..n)
                        .map(|_| self.shape(&inner, &format!("{at}[]")))
                        .collect(),
                )
            }
            ShapeKind::Map(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                let mut map = Map::new();
                for i in 1..=n {
                    map.insert(format!("key{i}"), self.shape(&inner, &format!("{at}{{}}")));
                }
                Value::Object(map)
            }
            ShapeKind::Named(id) => self.named(*id),
        }
    }
}

/// How many characters, items or entries: at least one, within the limits.
fn count(min: Option<u64>, max: Option<u64>) -> u64 {
    let n = min.unwrap_or(0).max(1);
    match max {
        Some(max) => n.min(max),
        None => n,
    }
}

fn bound_i64(b: Bound) -> i64 {
    match b {
        Bound::Int(i) => i,
        Bound::Float(f) => f.ceil() as i64,
    }
}

fn bound_f64(b: Bound) -> f64 {
    match b {
        Bound::Int(i) => i as f64,
        Bound::Float(f) => f,
    }
}

fn collect_types(api: &Api, shape: &Shape, out: &mut Vec<TypeId>, seen: &mut BTreeSet<TypeId>) {
    match &shape.kind {
        ShapeKind::List(inner) | ShapeKind::Map(inner) => collect_types(api, inner, out, seen),
        ShapeKind::Named(id) if seen.insert(*id) => {
            out.push(*id);
            if let TypeKind::Alias(inner) = &api.ty(*id).kind {
                collect_types(api, inner, out, seen);
            }
        }
        _ => {}
    }
}

/// The `cognito_idp` operation of an IR operation.
pub fn operation(op: &specgen::ir::Operation) -> cognito_idp::Operation {
    cognito_idp::Operation::from_name(&op.id)
        .unwrap_or_else(|| panic!("no Operation named {}", op.id))
}

/// JSON bytes of a value.
pub fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}
