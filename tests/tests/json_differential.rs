//! One JSON language: `Request::from_http` (the crate's own reader, then validation) and
//! serde_json with the types' serde impls (then `validate()`) give the same outcome for the
//! same bytes, wherever in a body the bytes are placed.
//!
//! A *placement* is a spot in a valid body of an operation: the whole body, the value of
//! any member (typed strings, enums, integers, booleans, lists, maps, nested structures),
//! the value of an unknown member in any object, or the key of a new member in any object
//! (an unknown member of a structure, or a key of a map). A *fragment* is the text put
//! there: curated edge cases of the JSON grammar (in the spirit of JSONTestSuite's
//! y/n/i files: numbers at the edges of every range, `-0`, `1e400`, lone and paired
//! surrogates, raw bytes that are not UTF-8, control characters, form feeds, nesting at
//! the depth limit), random JSON values, and random byte-level mutations of those.
//!
//! Outcomes compared:
//! - both accept, with equal values;
//! - both reject as invalid (`InvalidParameterException` / `validate()`), with the same
//!   message;
//! - both reject as malformed (`SerializationException` / a serde_json error);
//! - serde_json stops at a missing required member (it cannot go on), while `from_http`
//!   reads on: then `from_http` reports the member as `Value null` or, when the body also
//!   has a wrong type elsewhere, a `SerializationException`.
//!
//! Documented differences, applied to the serde_json side before comparing: a body of only
//! JSON whitespace is read as `{}` (AWS accepts an empty body).
//!
//! What runs on each `cargo test`: every curated fragment in every placement of three
//! operations, and `SPECGEN_DIFF_CASES` (default 3,000) random cases over twelve operations
//! and every response placement. A long run: `SPECGEN_DIFF_CASES=1000000 cargo test
//! --release -p specgen-tests --test json_differential -- --nocapture`.

mod support;

use cognito_idp::types::*;
use cognito_idp::{Operation, Request, Response, Validate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};
use support::{Fill, api, response_body};

/// The code of Cognito's validation errors.
const INVALID: &str = "InvalidParameterException";
const MALFORMED: &str = "SerializationException";

/// What a reading of a request body came to.
#[derive(Debug)]
enum Outcome {
    Accepted(Box<Request>),
    Invalid(String),
    Malformed(String),
    /// serde_json only: it stopped at a missing required member (its message).
    Missing(#[allow(dead_code)] String),
}

fn cases() -> u32 {
    std::env::var("SPECGEN_DIFF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000)
}

/// serde_json reads an empty body as an error; AWS (and `from_http`) as `{}`.
fn effective(body: &[u8]) -> &[u8] {
    if body
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        b"{}"
    } else {
        body
    }
}

/// serde_json + `validate()` on the request type `T` of an operation.
fn serde_side<T>(body: &[u8], wrap: fn(T) -> Request) -> Outcome
where
    T: serde::de::DeserializeOwned + Validate,
{
    match serde_json::from_slice::<T>(effective(body)) {
        Ok(value) => match value.validate() {
            Ok(()) => Outcome::Accepted(Box::new(wrap(value))),
            Err(errors) => Outcome::Invalid(errors.to_string()),
        },
        Err(e) if e.to_string().starts_with("missing field") => Outcome::Missing(e.to_string()),
        Err(e) => Outcome::Malformed(e.to_string()),
    }
}

macro_rules! operations {
    ($($op:ident: $ty:ident),* $(,)?) => {
        /// The operations whose bodies are mutated, each with its serde reading.
        const OPERATIONS: &[Operation] = &[$(Operation::$op),*];

        fn reference(op: Operation, body: &[u8]) -> Outcome {
            match op {
                $(Operation::$op => serde_side::<$ty>(body, Request::$op),)*
                other => panic!("{other:?} is not in OPERATIONS"),
            }
        }
    };
}

// Between them: strings with patterns and lengths, sensitive strings, enums, lists of
// enums, lists of strings, lists of structures, maps of strings, nested structures several
// levels deep, integers with ranges, booleans, a document (`Settings`).
operations! {
    SignUp: SignUpRequest,
    ListUsers: ListUsersRequest,
    AdminCreateUser: AdminCreateUserRequest,
    CreateUserPool: CreateUserPoolRequest,
    UpdateUserPoolClient: UpdateUserPoolClientRequest,
    AdminInitiateAuth: AdminInitiateAuthRequest,
    AdminUpdateUserAttributes: AdminUpdateUserAttributesRequest,
    CreateGroup: CreateGroupRequest,
    SetUserPoolMfaConfig: SetUserPoolMfaConfigRequest,
    AdminSetUserSettings: AdminSetUserSettingsRequest,
    CreateIdentityProvider: CreateIdentityProviderRequest,
    AdminListGroupsForUser: AdminListGroupsForUserRequest,
    CreateManagedLoginBranding: CreateManagedLoginBrandingRequest,
}

fn ours(op: Operation, body: &[u8]) -> Outcome {
    match Request::from_http(op.target(), body) {
        Ok(request) => Outcome::Accepted(Box::new(request)),
        Err(e) if e.code() == INVALID => Outcome::Invalid(e.message().unwrap_or("").to_owned()),
        Err(e) if e.code() == MALFORMED => Outcome::Malformed(e.message().unwrap_or("").to_owned()),
        Err(e) => panic!("unexpected error {e:?}"),
    }
}

/// Both sides on one body; `Err` says how they differ.
fn compare(op: Operation, body: &[u8]) -> Result<(), String> {
    let (a, b) = (ours(op, body), reference(op, body));
    let agree = match (&a, &b) {
        (Outcome::Accepted(x), Outcome::Accepted(y)) => x == y,
        (Outcome::Invalid(x), Outcome::Invalid(y)) => x == y,
        (Outcome::Malformed(_), Outcome::Malformed(_)) => true,
        (Outcome::Invalid(x), Outcome::Missing(_)) => x.contains("Value null at '"),
        (Outcome::Malformed(_), Outcome::Missing(_)) => true,
        _ => false,
    };
    if agree {
        Ok(())
    } else {
        Err(format!(
            "{op:?} on {}:\n  from_http: {a:?}\n  serde:     {b:?}",
            show(body)
        ))
    }
}

/// A body for messages: text, with bytes that are not UTF-8 escaped, shortened.
fn show(body: &[u8]) -> String {
    let text = format!("{:?}", String::from_utf8_lossy(body));
    if body.is_empty() || std::str::from_utf8(body).is_ok() {
        shorten(text)
    } else {
        shorten(format!("{text} (bytes: {body:?})"))
    }
}

fn shorten(s: String) -> String {
    if s.len() > 600 {
        let cut = (0..=600)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        format!("{}… ({} bytes)", &s[..cut], s.len())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------
// Placements

/// The marker a placement's fragment replaces.
const MARK: &str = "\u{1}fragment\u{1}";

/// A body with the marker at one spot, serialized: the fragment goes where the marker's
/// JSON string is.
#[derive(Debug, Clone)]
struct Placement {
    what: String,
    text: String,
}

impl Placement {
    fn with(&self, fragment: &[u8]) -> Vec<u8> {
        let marker = serde_json::to_string(MARK).expect("JSON");
        let at = self.text.find(&marker).expect("marker in body");
        let mut out = Vec::with_capacity(self.text.len() + fragment.len());
        out.extend_from_slice(&self.text.as_bytes()[..at]);
        out.extend_from_slice(fragment);
        out.extend_from_slice(&self.text.as_bytes()[at + marker.len()..]);
        out
    }
}

/// Every placement in `body`: the whole body, every value, an unknown member of every
/// object, and a new key in every object.
fn placements(body: &Value) -> Vec<Placement> {
    let mut out = vec![Placement {
        what: "the whole body".into(),
        text: serde_json::to_string(&Value::from(MARK)).expect("JSON"),
    }];
    let mut count = 0;
    walk(body, &mut Vec::new(), &mut count);
    for i in 0..count {
        for kind in [Kind::Value, Kind::Unknown, Kind::Key] {
            let mut copy = body.clone();
            let mut n = i;
            if let Some(what) = place(&mut copy, &mut n, kind, "") {
                out.push(Placement {
                    what,
                    text: serde_json::to_string(&copy).expect("JSON"),
                });
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Kind {
    /// Replace the value.
    Value,
    /// Add an unknown member to the object.
    Unknown,
    /// Add a member whose key is the fragment.
    Key,
}

/// Counts the nodes of a walk (every value).
fn walk(v: &Value, _at: &mut Vec<String>, count: &mut usize) {
    *count += 1;
    match v {
        Value::Object(map) => map.values().for_each(|v| walk(v, _at, count)),
        Value::Array(items) => items.iter().for_each(|v| walk(v, _at, count)),
        _ => {}
    }
}

/// Applies `kind` at the `n`-th node of a depth-first walk; returns where.
fn place(v: &mut Value, n: &mut usize, kind: Kind, at: &str) -> Option<String> {
    if *n == 0 {
        return match (kind, &mut *v) {
            (Kind::Value, _) if !at.is_empty() => {
                *v = Value::from(MARK);
                Some(format!("the value at {at}"))
            }
            (Kind::Unknown, Value::Object(map)) => {
                map.insert("ZzUnknown".into(), Value::from(MARK));
                Some(format!("an unknown member of {}", or_root(at)))
            }
            (Kind::Key, Value::Object(map)) => {
                map.insert(MARK.into(), Value::from("v"));
                Some(format!("a new key in {}", or_root(at)))
            }
            _ => None,
        };
    }
    *n -= 1;
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if let Some(w) = place(child, n, kind, &format!("{at}/{k}")) {
                    return Some(w);
                }
            }
            None
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                if let Some(w) = place(child, n, kind, &format!("{at}/{i}")) {
                    return Some(w);
                }
            }
            None
        }
        _ => None,
    }
}

fn or_root(at: &str) -> &str {
    if at.is_empty() { "the body" } else { at }
}

/// A valid body of `op` with every member, and one with the required members only.
fn bodies(op: Operation) -> Vec<Value> {
    let ir = api()
        .operations
        .iter()
        .find(|o| o.id == op.name())
        .expect("operation in the spec");
    [Fill::All, Fill::Required]
        .into_iter()
        .map(|fill| support::request_body(ir, fill))
        .collect()
}

fn all_placements(op: Operation) -> Vec<Placement> {
    bodies(op).iter().flat_map(placements).collect()
}

// ---------------------------------------------------------------------------------------
// Fragments

/// Edge cases of the grammar: each is accepted by serde_json in some placements and
/// refused in others.
fn curated() -> Vec<Vec<u8>> {
    let text: &[&str] = &[
        // Literals.
        "null",
        "true",
        "false",
        "nul",
        "tru",
        "True",
        "NULL",
        "n",
        "nulll",
        // Numbers.
        "0",
        "-0",
        "-0.0",
        "0.0",
        "-0e0",
        "0e-0",
        "1",
        "-1",
        "1.0",
        "1.5",
        "-1.5",
        "1e2",
        "1E+2",
        "1e-2",
        "1.0e+2",
        "01",
        "-01",
        "00",
        "1.",
        ".1",
        "-",
        "+1",
        "1e",
        "1e+",
        "1ee2",
        "0x1",
        "1_000",
        "1e400",
        "-1e400",
        "1e-400",
        "4.9e-324",
        "2.4e-324",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "0.1",
        "0.30000000000000004",
        "9007199254740993",
        "1e23",
        "8.589973e9",
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "NaN",
        "Infinity",
        "-Infinity",
        "\"NaN\"",
        "\"Infinity\"",
        "\"-Infinity\"",
        "\"nan\"",
        "\"+Infinity\"",
        "1700000000.123",
        "-1700000000",
        "\"2016-09-30T21:29:26.928Z\"",
        "\"2016-09-30T23:29:26+02:00\"",
        "\"2016-02-30T00:00:00Z\"",
        "\"2016-09-30T21:29:26\"",
        "\"Fri, 30 Sep 2016 21:29:26 GMT\"",
        "\"Sat, 30 Sep 2016 21:29:26 GMT\"",
        "1E2",
        "1.50",
        "{\"b\":1,\"a\":[1.50,null,{}]}",
        "{\"a\":{\"c\":1,\"c\":2}}",
        // Strings.
        "\"\"",
        "\"a\"",
        "\"USER_PASSWORD_AUTH\"",
        "\"EMAIL\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\udc00\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\\ud800\"",
        "\"\\ud800x\"",
        "\"\\ud800\\\"",
        "\"\\ud800\\n\"",
        "\"\\uDFFF\"",
        "\"\\u00e9\"",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "\"\\q\"",
        "\"\\u12\"",
        "\"\\uZZZZ\"",
        "\"\\x41\"",
        "\"\\'\"",
        "\"a",
        "\"\\",
        "\"\\u",
        "'a'",
        "\"a\"\"b\"",
        "\"🎉\"",
        "\"\u{7f}\"",
        "\"\u{2028}\"",
        "\"\u{feff}\"",
        "\" us-east-1_abc\"",
        "\"us-east-1_abc\"",
        // Structures.
        "[]",
        "{}",
        "[1]",
        "[\"a\"]",
        "[null]",
        "[1,]",
        "[,1]",
        "[,]",
        "{,}",
        "[1 2]",
        "[1,,2]",
        "{\"a\":1,}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{1:1}",
        "{null:1}",
        "{\"a\":1 \"b\":2}",
        "[\"a\",{\"b\":[]}]",
        "{\"\":\"\"}",
        "{\"a\":1,\"a\":2}",
        "[{}]",
        "[{},{},{}]",
        "[{\"Name\":null}]",
        "[{\"Name\":\"email\"}]",
        "{\"k\":\"v\"}",
        "{\"k\":null}",
        "{\"k\":1}",
        "]",
        "}",
        "[",
        "{",
        "[[]",
        "[]]",
        "{}}",
        ":",
        ",",
        // Whitespace around and instead.
        " ",
        "\t1\t",
        "\n\"a\"\n",
        "\r\n[]\r\n",
        "\u{c}",
        "\u{c}1",
        "1\u{c}",
        "\u{b}1",
        "\u{a0}1",
        "\u{feff}1",
    ];
    let mut out: Vec<Vec<u8>> = text.iter().map(|t| t.as_bytes().to_vec()).collect();
    // Bytes that are not UTF-8, and control characters, inside strings.
    for bytes in [
        &b"\"\xff\""[..],
        b"\"\xc3\"",
        b"\"\xc0\xaf\"",
        b"\"\xed\xa0\x80\"",
        b"\"\xf4\x90\x80\x80\"",
        b"\"a\x00b\"",
        b"\"\x1f\"",
        b"\"\t\"",
        b"\"\n\"",
        b"\xff",
        b"\x00",
    ] {
        out.push(bytes.to_vec());
    }
    // Nesting at serde_json's limit of 127 containers and past it, of both kinds.
    for depth in [100, 125, 126, 127, 128, 129, 200] {
        out.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes());
        out.push(format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)).into_bytes());
    }
    out
}

/// A random JSON value as text, compact or pretty.
fn json_text() -> impl Strategy<Value = Vec<u8>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-zA-Z0-9 _.@+=/:-]{0,12}".prop_map(Value::from),
        "\\PC{0,6}".prop_map(Value::from),
        "[\u{0}-\u{1f}\"\\\\\u{7f}-\u{a0}\u{d7ff}\u{e000}\u{10000}]{0,4}".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z]{0,6}|Name|Value|\u{e9}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    });
    (value, any::<bool>()).prop_map(|(v, pretty)| {
        if pretty {
            serde_json::to_vec_pretty(&v).expect("JSON")
        } else {
            serde_json::to_vec(&v).expect("JSON")
        }
    })
}

/// Bytes worth inserting: the grammar's own, escapes, whitespace in and out of JSON's,
/// bytes that are not UTF-8.
const INTERESTING: &[u8] = b"{}[]\":,.-+0123456789eEnultrfa\\/ubfnrt \t\r\n\x0c\x0b\x00\x1f\x7f\x80\xbf\xc0\xc3\xed\xf4\xff";

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, u8),
    Delete(usize),
    Replace(usize, u8),
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        match *e {
            Edit::Insert(i, b) => bytes.insert(i % (len + 1), b),
            Edit::Delete(i) if len > 0 => {
                bytes.remove(i % len);
            }
            Edit::Replace(i, b) if len > 0 => bytes[i % len] = b,
            _ => {}
        }
    }
    bytes
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop::sample::select(INTERESTING.to_vec());
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Replace(i, b)),
    ]
}

fn fragment() -> impl Strategy<Value = Vec<u8>> {
    let curated = prop::sample::select(curated());
    prop_oneof![
        3 => curated.clone(),
        3 => json_text(),
        3 => (curated, prop::collection::vec(edit(), 1..4)).prop_map(|(b, e)| apply(b, &e)),
        2 => (json_text(), prop::collection::vec(edit(), 1..4)).prop_map(|(b, e)| apply(b, &e)),
        1 => prop::collection::vec(any::<u8>(), 0..12),
    ]
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn valid_bodies_agree() {
    for &op in OPERATIONS {
        for body in bodies(op) {
            let bytes = serde_json::to_vec(&body).expect("JSON");
            compare(op, &bytes).unwrap();
            let outcome = ours(op, &bytes);
            assert!(
                matches!(outcome, Outcome::Accepted(_)),
                "{op:?}: the sample body is valid: {outcome:?}"
            );
        }
    }
}

/// Every curated fragment in every placement of three operations whose bodies hold every
/// kind of member between them.
#[test]
fn curated_fragments_in_every_placement() {
    let mut failures = Vec::new();
    let mut runs = 0;
    for op in [
        Operation::SignUp,
        Operation::ListUsers,
        Operation::AdminCreateUser,
    ] {
        for placement in all_placements(op) {
            for fragment in curated() {
                runs += 1;
                if let Err(e) = compare(op, &placement.with(&fragment)) {
                    failures.push(format!("{} ({}): {e}", placement.what, show(&fragment)));
                }
            }
        }
    }
    assert!(runs > 10_000, "only {runs} cases");
    assert!(
        failures.is_empty(),
        "{} of {runs} disagree; the first:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
}

/// Random fragments in random placements of every listed operation.
#[test]
fn random_fragments_in_random_placements() {
    let table: Vec<(Operation, Vec<Placement>)> = OPERATIONS
        .iter()
        .map(|&op| (op, all_placements(op)))
        .collect();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..table.len(), any::<prop::sample::Index>(), fragment());
    runner
        .run(&strategy, |(op, at, fragment)| {
            let (op, placements) = &table[op];
            let placement = at.get(placements);
            compare(*op, &placement.with(&fragment))
                .map_err(|e| TestCaseError::fail(format!("{}: {e}", placement.what)))
        })
        .unwrap();
}

/// Responses: `Response::from_json` (the crate's reader, no validation) and serde_json
/// read the same value or both refuse, for every placement of three response bodies with
/// timestamps, enums, lists and nested structures.
#[test]
fn responses_agree() {
    fn check<T>(op: Operation, body: &[u8], unwrap: fn(Response) -> Option<T>) -> Result<(), String>
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = Response::from_json(op, body).map(|r| unwrap(r).expect("same operation"));
        let serde = serde_json::from_slice::<T>(effective(body));
        match (&ours, &serde) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!(
                "{op:?} on {}: from_json {ours:?}, serde {serde:?}",
                show(body)
            )),
        }
    }
    type Check = fn(Operation, &[u8]) -> Result<(), String>;
    let ops: [(Operation, Check); 3] = [
        (Operation::DescribeUserPool, |op, b| {
            check::<DescribeUserPoolResponse>(op, b, |r| match r {
                Response::DescribeUserPool(v) => Some(v),
                _ => None,
            })
        }),
        (Operation::AdminGetUser, |op, b| {
            check::<AdminGetUserResponse>(op, b, |r| match r {
                Response::AdminGetUser(v) => Some(v),
                _ => None,
            })
        }),
        (Operation::ListUsers, |op, b| {
            check::<ListUsersResponse>(op, b, |r| match r {
                Response::ListUsers(v) => Some(v),
                _ => None,
            })
        }),
    ];
    let mut table = Vec::new();
    for (op, check) in ops {
        let ir = api()
            .operations
            .iter()
            .find(|o| o.id == op.name())
            .expect("operation");
        let body = response_body(ir, Fill::All).expect("a response body");
        table.push((op, check, placements(&body)));
    }
    // Curated fragments everywhere, then random ones.
    for (op, check, placements) in &table {
        for placement in placements {
            for fragment in curated() {
                check(*op, &placement.with(&fragment))
                    .unwrap_or_else(|e| panic!("{}: {e}", placement.what));
            }
        }
    }
    let mut runner = TestRunner::new(Config {
        cases: cases() / 3,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(0..table.len(), any::<prop::sample::Index>(), fragment()),
            |(i, at, fragment)| {
                let (op, check, placements) = &table[i];
                let placement = at.get(placements);
                check(*op, &placement.with(&fragment))
                    .map_err(|e| TestCaseError::fail(format!("{}: {e}", placement.what)))
            },
        )
        .unwrap();
}

/// The decisions above, pinned: what the two readers do on the items an audit found.
#[test]
fn audit_findings_are_settled() {
    let sign_up = |extra: &str| {
        format!(
            r#"{{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Passw0rd!"{extra}}}"#
        )
        .into_bytes()
    };
    // Unknown members are skipped as serde_json ignores them.
    for extra in [
        r#","X":1e400"#,
        r#","X":"\ud800""#,
        r#","X":{"\udc00":[-0]}"#,
    ] {
        let body = sign_up(extra);
        assert!(matches!(
            ours(Operation::SignUp, &body),
            Outcome::Accepted(_)
        ));
        compare(Operation::SignUp, &body).unwrap();
    }
    let mut raw = sign_up(r#","X":"?""#);
    let at = raw.iter().rposition(|&b| b == b'?').unwrap();
    raw[at] = 0xff;
    assert!(matches!(
        ours(Operation::SignUp, &raw),
        Outcome::Accepted(_)
    ));
    let deep = sign_up(&format!(
        r#","X":{}{}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    ));
    assert!(matches!(
        ours(Operation::SignUp, &deep),
        Outcome::Accepted(_)
    ));
    compare(Operation::SignUp, &deep).unwrap();

    // `-0` is a float: not an integer.
    let body = br#"{"UserPoolId":"us-east-1_abc","Limit":-0}"#;
    match ours(Operation::ListUsers, body) {
        Outcome::Malformed(m) => assert_eq!(m, "NUMBER_VALUE can not be converted to an Integer"),
        other => panic!("{other:?}"),
    }
    compare(Operation::ListUsers, body).unwrap();

    // A form feed is not JSON whitespace: a body of one is malformed, not empty.
    assert!(matches!(
        ours(Operation::ListUsers, b"\x0c"),
        Outcome::Malformed(_)
    ));
    assert!(matches!(
        ours(Operation::GetUserPoolMfaConfig, b"\x0c"),
        Outcome::Malformed(_) | Outcome::Invalid(_)
    ));
}

/// Free-form values (`Document`, `Object`, and `serde_json::Value`) are read strictly, with
/// serde_json's nesting limit counted from the top of the body; a member name given twice
/// in a document is refused by both.
#[test]
fn free_form_values_agree() {
    use std::collections::BTreeMap;
    fn same<T>(bytes: &[u8]) -> Result<(), String>
    where
        T: specgen_runtime::json::Read + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = specgen_runtime::json::from_slice::<T>(bytes);
        let serde = serde_json::from_slice::<T>(bytes);
        match (&ours, &serde) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!("{}: reader {ours:?}, serde {serde:?}", show(bytes))),
        }
    }
    use specgen_runtime::Document;
    use specgen_runtime::document::Object;
    let check = |fragment: &[u8]| -> Result<(), String> {
        same::<Value>(fragment)?;
        same::<Document>(fragment)?;
        same::<Object>(fragment)?;
        same::<Vec<Document>>(&[b"[1,", fragment, b"]"].concat())?;
        same::<BTreeMap<String, Document>>(&[b"{\"k\":", fragment, b"}"].concat())?;
        let mut list = b"[1,".to_vec();
        list.extend_from_slice(fragment);
        list.push(b']');
        same::<Vec<Value>>(&list)?;
        let mut map = b"{\"k\":".to_vec();
        map.extend_from_slice(fragment);
        map.push(b'}');
        same::<BTreeMap<String, Vec<Value>>>(&map)?;
        same::<BTreeMap<String, Value>>(&map)
    };
    for fragment in curated() {
        check(&fragment).unwrap();
    }
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&fragment(), |f| check(&f).map_err(TestCaseError::fail))
        .unwrap();
}

/// Both readers round floats the same way (serde_json with `float_roundtrip`): the
/// correctly rounded double, for long decimals where a faster algorithm is one ulp off.
#[test]
fn floats_round_the_same_way() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &("[1-9][0-9]{0,9}\\.[0-9]{1,20}", any::<bool>()),
            |(text, exp)| {
                let text = if exp { format!("{text}e-3") } else { text };
                let expected: f64 = text.parse().unwrap();
                let serde: f64 = serde_json::from_str(&text).unwrap();
                let ours: specgen_runtime::Timestamp =
                    specgen_runtime::json::from_slice(text.as_bytes()).unwrap();
                prop_assert_eq!(serde.to_bits(), expected.to_bits(), "serde_json: {}", text);
                prop_assert_eq!(
                    ours.epoch_seconds().to_bits(),
                    expected.to_bits(),
                    "reader: {}",
                    text
                );
                Ok(())
            },
        )
        .unwrap();
}

// ---------------------------------------------------------------------------------------
// Wire forms: floats with "NaN", "Infinity" and "-Infinity", timestamps in each format,
// documents (`tests/fixtures/aws-import/wire-formats.yaml`).

mod wire {
    specgen_macros::include_spec!("fixtures/aws-import/wire-formats.yaml");
}

/// The wire-formats spec, lowered.
fn wire_api() -> &'static specgen::ir::Api {
    static API: std::sync::OnceLock<specgen::ir::Api> = std::sync::OnceLock::new();
    API.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/aws-import/wire-formats.yaml");
        specgen::load(&path, &Default::default()).expect("spec loads")
    })
}

/// What a reading of a wire-formats body came to: accepted values are compared by value
/// and, for NaN (which equals nothing), by what they write.
#[derive(Debug)]
enum WireOutcome<T> {
    Accepted(T, String),
    Invalid(String),
    /// Refused as malformed (the reason is shown when two readings disagree).
    Malformed(#[allow(dead_code)] String),
    Missing,
}

fn wire_agree<T: PartialEq + std::fmt::Debug>(a: &WireOutcome<T>, b: &WireOutcome<T>) -> bool {
    match (a, b) {
        (WireOutcome::Accepted(x, wx), WireOutcome::Accepted(y, wy)) => x == y || wx == wy,
        (WireOutcome::Invalid(x), WireOutcome::Invalid(y)) => x == y,
        (WireOutcome::Malformed(_), WireOutcome::Malformed(_)) => true,
        (WireOutcome::Invalid(x), WireOutcome::Missing) => x.contains("Value null at '"),
        (WireOutcome::Malformed(_), WireOutcome::Missing) => true,
        _ => false,
    }
}

/// `Request::from_http` and serde (then `validate()`) on a `PutRecord` body.
fn compare_wire_request(body: &[u8]) -> Result<(), String> {
    use wire::{Operation, Request};
    let ours = match Request::from_http(Operation::PutRecord.target(), body) {
        Ok(r) => {
            let written = serde_json::to_string(&r).expect("writes");
            WireOutcome::Accepted(r, written)
        }
        Err(e) if e.code() == "ValidationException" => {
            WireOutcome::Invalid(e.message().unwrap_or("").to_owned())
        }
        Err(e) if e.code() == MALFORMED => {
            WireOutcome::Malformed(e.message().unwrap_or("").to_owned())
        }
        Err(e) => panic!("unexpected error {e:?}"),
    };
    let serde = match serde_json::from_slice::<wire::types::PutRecordInput>(effective(body)) {
        Ok(v) => match v.validate() {
            Ok(()) => {
                let r = Request::PutRecord(v);
                let written = serde_json::to_string(&r).expect("writes");
                WireOutcome::Accepted(r, written)
            }
            Err(errors) => WireOutcome::Invalid(errors.to_string()),
        },
        Err(e) if e.to_string().starts_with("missing field") => WireOutcome::Missing,
        Err(e) => WireOutcome::Malformed(e.to_string()),
    };
    if wire_agree(&ours, &serde) {
        Ok(())
    } else {
        Err(format!(
            "PutRecord on {}:\n  from_http: {ours:?}\n  serde:     {serde:?}",
            show(body)
        ))
    }
}

/// `Response::from_json` and serde on a `GetRecord` response body.
fn compare_wire_response(body: &[u8]) -> Result<(), String> {
    use wire::{Operation, Response};
    let outcome = |r: Result<Response, serde_json::Error>| match r {
        Ok(r) => {
            let written = serde_json::to_string(&r).expect("writes");
            WireOutcome::Accepted(r, written)
        }
        Err(e) => WireOutcome::Malformed(e.to_string()),
    };
    let ours = outcome(Response::from_json(Operation::GetRecord, body));
    let serde = outcome(
        serde_json::from_slice::<wire::types::Record>(effective(body)).map(Response::GetRecord),
    );
    if wire_agree(&ours, &serde) {
        Ok(())
    } else {
        Err(format!(
            "GetRecord on {}:\n  from_json: {ours:?}\n  serde:     {serde:?}",
            show(body)
        ))
    }
}

/// Every placement of a request and a response body of the wire-formats spec (floats,
/// lists and maps of floats, timestamps in each format, documents).
fn wire_placements() -> (Vec<Placement>, Vec<Placement>) {
    let api = wire_api();
    let op = |id: &str| {
        api.operations
            .iter()
            .find(|o| o.id == id)
            .expect("operation")
    };
    let sample = |ty| -> Vec<Value> {
        [Fill::All, Fill::Required]
            .into_iter()
            .map(|fill| support::sample_type(api, ty, fill))
            .collect()
    };
    let requests = sample(op("PutRecord").input.expect("input"));
    let responses = sample(op("GetRecord").output.expect("output"));
    (
        requests.iter().flat_map(placements).collect(),
        responses.iter().flat_map(placements).collect(),
    )
}

/// Both readers accept `"NaN"`, `"Infinity"` and `"-Infinity"` exactly where a float
/// belongs, timestamps exactly in their member's format, and documents of any shape, for
/// every curated fragment in every placement, then random ones.
#[test]
fn wire_forms_agree() {
    let (requests, responses) = wire_placements();
    let mut failures = Vec::new();
    let mut runs = 0;
    for fragment in curated() {
        for placement in &requests {
            runs += 1;
            if let Err(e) = compare_wire_request(&placement.with(&fragment)) {
                failures.push(format!("{} ({}): {e}", placement.what, show(&fragment)));
            }
        }
        for placement in &responses {
            runs += 1;
            if let Err(e) = compare_wire_response(&placement.with(&fragment)) {
                failures.push(format!("{} ({}): {e}", placement.what, show(&fragment)));
            }
        }
    }
    assert!(runs > 10_000, "only {runs} cases");
    assert!(
        failures.is_empty(),
        "{} of {runs} disagree; the first:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(any::<bool>(), any::<prop::sample::Index>(), fragment()),
            |(request, at, fragment)| {
                type Compare = fn(&[u8]) -> Result<(), String>;
                let (placements, compare): (_, Compare) = if request {
                    (&requests, compare_wire_request)
                } else {
                    (&responses, compare_wire_response)
                };
                let placement = at.get(placements);
                compare(&placement.with(&fragment))
                    .map_err(|e| TestCaseError::fail(format!("{}: {e}", placement.what)))
            },
        )
        .unwrap();
}

/// The wire forms pinned: where each special string is accepted.
#[test]
fn wire_forms_are_settled() {
    // A valid record with `member` set to `value`.
    let record = |member: &str, value: &str| {
        let mut members = vec![
            ("Id", r#""r1""#),
            ("Score", "1.5"),
            ("Created", r#""2016-09-30T21:29:26Z""#),
        ];
        match members.iter_mut().find(|(m, _)| *m == member) {
            Some(slot) => slot.1 = value,
            None => members.push((member, value)),
        }
        let members: Vec<String> = members
            .iter()
            .map(|(m, v)| format!(r#""{m}":{v}"#))
            .collect();
        format!(r#"{{"Record":{{{}}}}}"#, members.join(",")).into_bytes()
    };
    let accepted =
        |body: &[u8]| wire::Request::from_http(wire::Operation::PutRecord.target(), body).is_ok();
    for (member, value, ok) in [
        ("Score", r#""NaN""#, true),
        ("Score", r#""-Infinity""#, true),
        ("Score", r#""nan""#, false),
        ("Score", "NaN", false),
        ("Scores", r#"["Infinity",1]"#, true),
        ("ScoresByName", r#"{"a":"NaN"}"#, true),
        ("Ratio", r#""NaN""#, true),
        // An infinity is outside the float member's range.
        ("Ratio", r#""Infinity""#, false),
        ("Flag", r#""NaN""#, false),
        ("Id", r#""NaN""#, true),
        ("Updated", r#""NaN""#, false),
        ("Updated", r#""2016-09-30T21:29:26Z""#, false),
        ("Expires", r#""2016-09-30T21:29:26Z""#, true),
        ("Expires", "1475270966", false),
        ("Checked", r#""Fri, 30 Sep 2016 21:29:26 GMT""#, true),
        ("Attributes", r#""NaN""#, true),
        ("Attributes", r#"{"a":1,"a":1}"#, false),
    ] {
        let body = record(member, value);
        assert_eq!(accepted(&body), ok, "{}", show(&body));
        compare_wire_request(&body).unwrap();
    }
}
