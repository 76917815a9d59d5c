//! Shared by the operation, handler and fuzz tests: the Cognito spec read at test time, and
//! valid sample bodies built from it.
//!
//! Each test binary uses part of this module only.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

mod sample;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use specgen::ir::{Api, TypeId};

pub use sample::Fill;

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
    // Patterns of today's model (botocore 1.44).
    (r"(?s).*", "Your code is {####}"),
    (
        r"(arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?)?",
        "arn:aws:iam::123456789012:role/service-role/sms",
    ),
    (r"Level[1-4]", "Level2"),
    (r"[A-Za-z0-9-_+/=.]+", "eyJhbGciOiJIUzI1NiJ9.e30.sig"),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+", "My Provider"),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*", "Your code is {####}."),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+", "email"),
    (r"[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+", "Google"),
    (r"^(terms-of-use|privacy-policy)$", "terms-of-use"),
    (r"^(tkn|sso)[a-z0-9]{25}$", "tkn0123456789abcdefghijklmno"),
    (
        r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
        "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0",
    ),
    (
        r"^[0-9a-f]{8}\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\b[0-9a-f]{12}$",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    ),
    (
        r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$",
        "https://example.com/terms",
    ),
    (r"^[\w\- ]+$", "my-resource 1"),
    (r"^[a-z0-9]+$", "policy1"),
    (
        r"^arn\:(aws|aws-us-gov|aws-eusc)\:secretsmanager\:([\d\w\-]+):(\d{12})\:secret\/[\w+=\/,.@\-]+$",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret/client-secret",
    ),
    (
        r"^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$",
        "cognito:english",
    ),
    (
        r"^https://[!$-;=@-\[\]_a-z~]+$",
        "https://auth.example.com/*",
    ),
    (r"^https://[^\s]+$", "https://example.com/metadata.json"),
    (
        r"arn:[\w+=/,.@-]+:[\w+=/,.@-]+:::[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?",
        "arn:aws:s3:::my-bucket/logo.png",
    ),
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

/// A valid JSON value of the named type, with the sample of each pattern.
pub fn sample_type(api: &Api, id: TypeId, fill: Fill) -> Value {
    sample::sample_type(api, id, fill, &|source| {
        Some(sample_for_pattern(source).to_owned())
    })
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

/// The `cognito_idp` operation of an IR operation.
pub fn operation(op: &specgen::ir::Operation) -> cognito_idp::Operation {
    cognito_idp::Operation::from_name(&op.id)
        .unwrap_or_else(|| panic!("no Operation named {}", op.id))
}

/// JSON bytes of a value.
pub fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}
