//! `Request::from_http` on hostile input: it never panics, and it always answers with a
//! request or with one of the three errors a service gives a bad call
//! (`SerializationException`, `InvalidParameterException`, `UnknownOperationException`).
//!
//! What runs on each `cargo test` (about 10 s of CPU in a debug build, spread over the
//! test threads):
//!
//! - 10,000 random byte strings and 10,000 random JSON-alphabet strings, each with a
//!   random known target (9 in 10) or a random target string (`RANDOM_CASES`);
//! - 2,000 random JSON values as whole bodies, and 2,000 valid bodies with one member
//!   replaced by a random JSON value (`STRUCTURED_CASES`);
//! - for every operation, three real bodies (required members only, every member, every
//!   member pretty-printed) cut at every byte position;
//! - for every operation and every member of its every-member body: the member dropped,
//!   set to `null`, swapped for each JSON type it is not, made a 25,000-character
//!   string (members of the top two levels), and replaced by 10,000 nested arrays or
//!   objects; plus unknown members.
//!
//! The proptest seed is random on each run; a failure prints the minimal input.
//! `fuzz/` holds the same check as a cargo-fuzz target for longer runs.

mod support;

use cognito_idp::{Error, Operation, Request};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use support::{Fill, api, bytes, request_body};

/// Random unstructured inputs per strategy.
const RANDOM_CASES: u32 = 10_000;
/// Random structured (JSON) inputs per strategy.
const STRUCTURED_CASES: u32 = 2_000;
/// Characters of the huge strings put in place of string members.
const HUGE_STRING: usize = 25_000;
/// Depth of the nested arrays and objects put in place of members.
const DEEP: usize = 10_000;

/// The bytes JSON is made of, plus a few letters: random strings of them get further into
/// the parser than random bytes do.
const JSON_ALPHABET: &[u8] = br#"{}[]":,.0123456789-+eEtrufalsnUZ\ "#;

const ALLOWED: [&str; 3] = [
    "SerializationException",
    "InvalidParameterException",
    "UnknownOperationException",
];

/// Checks one call; `Err` describes a violated property.
fn check(target: &str, body: &[u8]) -> Result<Outcome, String> {
    let known = Operation::from_target(target);
    match Request::from_http(target, body) {
        Ok(request) => {
            let Some(op) = known else {
                return Err(format!("unknown target {target:?} routed"));
            };
            if request.operation() != op {
                return Err(format!("{target} routed to {:?}", request.operation()));
            }
            // What was accepted is written back as a body that reads as the same request.
            let again = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
            match Request::from_http(target, &again) {
                Ok(back) if back == request => Ok(Outcome::Accepted),
                other => Err(format!(
                    "{target}: accepted, written as {}, read back as {other:?}",
                    String::from_utf8_lossy(&again)
                )),
            }
        }
        Err(error) => {
            let code = error.code();
            if !ALLOWED.contains(&code) {
                return Err(format!("{target}: unexpected error {error:?}"));
            }
            if (code == "UnknownOperationException") != known.is_none() {
                return Err(format!("{target}: {error:?} for a target known: {known:?}"));
            }
            // AWS answers text that is not JSON with a bare `SerializationException`.
            if error.message().is_none_or(str::is_empty) && code != "SerializationException" {
                return Err(format!("{target}: {code} without a message"));
            }
            if error.http_status() != 400 {
                return Err(format!(
                    "{target}: {code} has status {}",
                    error.http_status()
                ));
            }
            // The answer a server sends reads back as the same error.
            let wire = error.to_json();
            match Error::from_json(&wire) {
                Ok(back) if back == error => Ok(Outcome::Rejected(error)),
                other => Err(format!("{target}: {error:?} written and read as {other:?}")),
            }
        }
    }
}

#[derive(Debug)]
enum Outcome {
    Accepted,
    Rejected(Error),
}

impl Outcome {
    fn code(&self) -> Option<&str> {
        match self {
            Outcome::Accepted => None,
            Outcome::Rejected(e) => Some(e.code()),
        }
    }

    fn message(&self) -> &str {
        match self {
            Outcome::Accepted => "",
            Outcome::Rejected(e) => e.message().unwrap_or(""),
        }
    }
}

fn targets() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => (0..Operation::ALL.len()).prop_map(|i| Operation::ALL[i].target().to_owned()),
        1 => ".{0,64}",
    ]
}

/// Arbitrary JSON values, a few levels deep.
fn json_values() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        "[A-Z][a-zA-Z]{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map("[A-Z][a-zA-Z]{0,16}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: RANDOM_CASES,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes(target in targets(), body in prop::collection::vec(any::<u8>(), 0..256)) {
        check(&target, &body).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn random_json_alphabet(
        target in targets(),
        body in prop::collection::vec(prop::sample::select(JSON_ALPHABET), 0..192),
    ) {
        check(&target, &body).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: STRUCTURED_CASES,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_json_bodies(target in targets(), body in json_values()) {
        check(&target, &bytes(&body)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn valid_bodies_with_one_member_replaced(
        op in 0..Operation::ALL.len(),
        all in any::<bool>(),
        at in any::<prop::sample::Index>(),
        replacement in json_values(),
    ) {
        let ir = &api().operations[op];
        let body = request_body(ir, if all { Fill::All } else { Fill::Required });
        let nodes = nodes(&body);
        prop_assume!(!nodes.is_empty());
        let node = at.get(&nodes);
        let mutated = replaced(&body, &node.steps, Some(replacement));
        check(ir.target.as_deref().unwrap(), &bytes(&mutated)).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn truncated_real_bodies() {
    let mut calls = 0;
    let mut failures = Vec::new();
    for ir in &api().operations {
        let target = ir.target.as_deref().unwrap();
        let bodies = [
            bytes(&request_body(ir, Fill::Required)),
            bytes(&request_body(ir, Fill::All)),
            serde_json::to_vec_pretty(&request_body(ir, Fill::All)).unwrap(),
        ];
        for body in &bodies {
            for cut in 0..body.len() {
                calls += 1;
                let prefix = &body[..cut];
                let outcome = match check(target, prefix) {
                    Ok(outcome) => outcome,
                    Err(e) => {
                        failures.push(e);
                        continue;
                    }
                };
                // An empty body stands for `{}`; any other strict prefix of an object is
                // malformed JSON.
                let expected_ok = cut == 0;
                let fine = if expected_ok {
                    matches!(outcome.code(), None | Some("InvalidParameterException"))
                } else {
                    outcome.code() == Some("SerializationException") && outcome.message().is_empty()
                };
                if !fine {
                    failures.push(format!("{}: first {cut} bytes gave {outcome:?}", ir.id));
                }
            }
        }
    }
    assert!(calls > 50_000, "only {calls} truncations");
    assert!(
        failures.is_empty(),
        "{} failure(s), first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

/// One step from a JSON value to a part of it.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// A member or element of a body, with the path AWS reports for it.
#[derive(Debug, Clone)]
struct Node {
    steps: Vec<Step>,
    path: String,
    value: Value,
    /// A member of a structure (not a list element or map entry).
    member: bool,
}

impl Node {
    /// Whether the value is a document (free-form JSON, `serde_json::Value`): the sampler
    /// writes documents as `{"any": [1, "two", null]}`. A document takes any JSON value.
    fn free_form(&self) -> bool {
        self.value == json!({"any": [1, "two", null]})
    }
}

/// Whether an object of a sample body is a map: some key is not a member name of the
/// spec's structures (sample map keys are `key1`, `key2`… or match the key's pattern).
fn is_map(map: &Map<String, Value>) -> bool {
    static MEMBERS: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    let members = MEMBERS.get_or_init(|| {
        api()
            .types
            .iter()
            .filter_map(|def| match &def.kind {
                specgen::ir::TypeKind::Struct(s) | specgen::ir::TypeKind::Exception(s) => {
                    Some(s.fields.iter().map(|f| f.wire_name.clone()))
                }
                _ => None,
            })
            .flatten()
            .collect()
    });
    !map.is_empty() && !map.keys().all(|k| members.contains(k))
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every member, element and map value below the root, in document order.
fn nodes(body: &Value) -> Vec<Node> {
    fn walk(value: &Value, steps: &mut Vec<Step>, path: &str, out: &mut Vec<Node>) {
        let join = |seg: String| {
            if path.is_empty() {
                seg
            } else {
                format!("{path}.{seg}")
            }
        };
        if *value == json!({"any": [1, "two", null]}) {
            // A document: what is inside is any JSON, not members to mutate.
            return;
        }
        match value {
            Value::Object(map) => {
                let map_like = is_map(map);
                for (i, (key, child)) in map.iter().enumerate() {
                    let path = if map_like {
                        join(format!("entry.{}.value", i + 1))
                    } else {
                        join(lower_first(key))
                    };
                    steps.push(Step::Key(key.clone()));
                    out.push(Node {
                        steps: steps.clone(),
                        path: path.clone(),
                        value: child.clone(),
                        member: !map_like,
                    });
                    walk(child, steps, &path, out);
                    steps.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let path = join(format!("{}.member", i + 1));
                    steps.push(Step::Index(i));
                    out.push(Node {
                        steps: steps.clone(),
                        path: path.clone(),
                        value: child.clone(),
                        member: false,
                    });
                    walk(child, steps, &path, out);
                    steps.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(body, &mut Vec::new(), "", &mut out);
    out
}

/// `body` with the part at `steps` replaced, or removed when `with` is `None`.
fn replaced(body: &Value, steps: &[Step], with: Option<Value>) -> Value {
    let mut out = body.clone();
    let (last, parents) = steps.split_last().expect("not the root");
    let mut at = &mut out;
    for step in parents {
        at = match step {
            Step::Key(k) => &mut at[k.as_str()],
            Step::Index(i) => &mut at[*i],
        };
    }
    match (last, with) {
        (Step::Key(k), Some(v)) => {
            at[k.as_str()] = v;
        }
        (Step::Key(k), None) => {
            at.as_object_mut().unwrap().remove(k);
        }
        (Step::Index(i), Some(v)) => at[*i] = v,
        (Step::Index(i), None) => {
            at.as_array_mut().unwrap().remove(*i);
        }
    }
    out
}

/// The JSON kind of a value, to swap a value for one of another kind.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn nested(depth: usize, open: &str, close: &str) -> String {
    format!("{}{}", open.repeat(depth), close.repeat(depth))
}

/// Serializes `body` with the part at `steps` replaced by raw JSON text.
fn with_raw(body: &Value, steps: &[Step], raw: &str) -> Vec<u8> {
    const MARK: &str = "\u{1}raw-json-placeholder\u{1}";
    let text = bytes(&replaced(body, steps, Some(Value::from(MARK))));
    let text = String::from_utf8(text).unwrap();
    text.replacen(&format!("\"{}\"", MARK.replace('\u{1}', "\\u0001")), raw, 1)
        .into_bytes()
}

#[test]
fn mutated_members_of_real_bodies() {
    let swaps = [json!(true), json!(7), json!("text"), json!([]), json!({})];
    // Longer than every length limit of a request string but `StringType`'s 131,072.
    let huge = Value::from("x".repeat(HUGE_STRING));
    let deep_arrays = nested(DEEP, "[", "]");
    let deep_objects = nested(DEEP, "{\"A\":", "}");
    let mut calls = 0;
    let mut failures = Vec::new();
    for ir in &api().operations {
        let target = ir.target.as_deref().unwrap();
        let body = request_body(ir, Fill::All);
        let mut run = |what: &str, node: &Node, body: &[u8], expect: &dyn Fn(&Outcome) -> bool| {
            calls += 1;
            match check(target, body) {
                Ok(outcome) if expect(&outcome) => {}
                Ok(outcome) => failures.push(format!(
                    "{}: {what} at '{}' gave {outcome:?}",
                    ir.id, node.path
                )),
                Err(e) => failures.push(format!("{}: {what} at '{}': {e}", ir.id, node.path)),
            }
        };
        for node in nodes(&body) {
            // Dropped or null: accepted, or exactly one "must not be null" for a required
            // member. (A dropped list element or map entry may break a length limit.)
            let null_message = format!(
                "1 validation error detected: Value null at '{}' failed to satisfy \
                 constraint: Member must not be null",
                node.path
            );
            let absent = |o: &Outcome| match o.code() {
                None => true,
                Some("InvalidParameterException") => !node.member || o.message() == null_message,
                Some(_) => false,
            };
            if node.member {
                run(
                    "dropped",
                    &node,
                    &bytes(&replaced(&body, &node.steps, None)),
                    &absent,
                );
                run(
                    "null",
                    &node,
                    &bytes(&replaced(&body, &node.steps, Some(Value::Null))),
                    &absent,
                );
            } else {
                let tolerant = |o: &Outcome| o.code() != Some("UnknownOperationException");
                run(
                    "removed",
                    &node,
                    &bytes(&replaced(&body, &node.steps, None)),
                    &tolerant,
                );
                run(
                    "null",
                    &node,
                    &bytes(&replaced(&body, &node.steps, Some(Value::Null))),
                    &tolerant,
                );
            }

            // Another JSON type: a serialization error in AWS's words (the token met and
            // the type wanted, or where a structure or list started unexpectedly).
            let aws_worded = |m: &str| {
                m.contains(" can not be converted to ")
                    || m.starts_with("Start of ")
                    || m.starts_with("Expected ")
            };
            let swaps = if node.free_form() {
                &[][..]
            } else {
                &swaps[..]
            };
            for swap in swaps.iter().filter(|s| kind(s) != kind(&node.value)) {
                let mutated = bytes(&replaced(&body, &node.steps, Some(swap.clone())));
                run(
                    &format!("{} for {}", kind(swap), kind(&node.value)),
                    &node,
                    &mutated,
                    &|o| o.code() == Some("SerializationException") && aws_worded(o.message()),
                );
            }

            // A huge string: accepted or a validation error, never a crash. (Members of
            // the top two levels only, to keep the run short: deeper ones reuse their types.)
            if node.value.is_string() && node.steps.len() <= 2 {
                let mutated = bytes(&replaced(&body, &node.steps, Some(huge.clone())));
                run("huge string", &node, &mutated, &|o| {
                    matches!(o.code(), None | Some("InvalidParameterException"))
                });
            }

            // Deep nesting: a serialization error, without exhausting the stack.
            for deep in [&deep_arrays, &deep_objects] {
                let mutated = with_raw(&body, &node.steps, deep);
                run("deep nesting", &node, &mutated, &|o| {
                    o.code() == Some("SerializationException")
                });
            }
        }

        // Unknown members are ignored, whatever they hold, unless they are not JSON.
        let request = Request::from_http(target, &bytes(&body)).expect("valid body");
        let mut extended = body.clone();
        extended["UnknownMember"] = json!({"Deep": [[[[[{"A": null}]]]]], "N": 1e300});
        match Request::from_http(target, &bytes(&extended)) {
            Ok(r) if r == request => {}
            other => failures.push(format!("{}: unknown member gave {other:?}", ir.id)),
        }
        let unknown_deep = with_raw(
            &extended,
            &[Step::Key("UnknownMember".into())],
            &deep_arrays,
        );
        // Skipped without recursion by serde_json: accepted, or refused as too deep.
        match check(target, &unknown_deep) {
            Ok(Outcome::Accepted) => {}
            Ok(o) if o.code() == Some("SerializationException") => {}
            other => failures.push(format!(
                "{}: deeply nested unknown member gave {other:?}",
                ir.id
            )),
        }
        calls += 2;
    }
    assert!(calls > 5_000, "only {calls} mutations");
    assert!(
        failures.is_empty(),
        "{} failure(s), first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn the_mutation_helpers_work() {
    let body = json!({"UserPoolId": "p", "Tags": {"key1": "v"}, "UserAttributes": [{"Name": "n"}]});
    let paths: Vec<String> = nodes(&body).into_iter().map(|n| n.path).collect();
    assert_eq!(
        paths,
        [
            "tags",
            "tags.entry.1.value",
            "userAttributes",
            "userAttributes.1.member",
            "userAttributes.1.member.name",
            "userPoolId"
        ]
    );
    let steps = [
        Step::Key("UserAttributes".into()),
        Step::Index(0),
        Step::Key("Name".into()),
    ];
    assert_eq!(
        replaced(&body, &steps, None),
        json!({"UserPoolId": "p", "Tags": {"key1": "v"}, "UserAttributes": [{}]})
    );
    assert_eq!(
        String::from_utf8(with_raw(&body, &steps, "[[1]]")).unwrap(),
        r#"{"Tags":{"key1":"v"},"UserAttributes":[{"Name":[[1]]}],"UserPoolId":"p"}"#
    );
}

#[test]
fn the_fuzz_seeds_are_valid_calls() {
    // `fuzz/fuzz_targets/from_http.rs`: the first byte, modulo twice the number of
    // operations, picks an operation (below the number of operations) or an unknown target.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/seeds/from_http");
    let mut seeds = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz seeds") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let (&choice, body) = data.split_first().expect("non-empty seed");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match Operation::ALL.get(usize::from(choice) % (2 * Operation::ALL.len())) {
            Some(op) => {
                let request = Request::from_http(op.target(), body)
                    .unwrap_or_else(|e| panic!("seed {name}: {e}"));
                assert_eq!(request.operation(), *op);
                assert_eq!(
                    name,
                    snake_case(op.name()),
                    "seed named after its operation"
                );
            }
            None => assert_eq!(name, "unknown_target"),
        }
        seeds += 1;
    }
    assert!(seeds >= 5, "only {seeds} seeds");
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}
