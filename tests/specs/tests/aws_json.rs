//! The five other AWS JSON services, and the specs `specgen import` made of the models in
//! `tests/fixtures/aws-models`: one request and one response per operation, built from the
//! spec at test time, read and written back unchanged.

#[path = "../../tests/support/sample.rs"]
mod sample;

use std::path::Path;

use sample::Fill;
use serde_json::Value;
use specgen::ir::Api;

fn load(file: &str) -> Api {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(file);
    specgen::load(&path, &Default::default()).expect("spec loads")
}

/// What a value writes, read back as JSON (through the text, as on the wire: an `f32` is
/// written with its own shortest digits, which `serde_json::to_value` would widen).
fn written<T: serde::Serialize>(value: &T) -> Value {
    serde_json::from_slice(&serde_json::to_vec(value).unwrap()).unwrap()
}

/// Any string of the right length: serde does not look at patterns.
fn no_pattern(_: &str) -> Option<String> {
    None
}

macro_rules! round_trip_every_operation {
    ($test:ident, $module:ident, $file:literal, $operations:literal) => {
        #[test]
        fn $test() {
            use specgen_spec_tests::$module::{Operation, Request, Response};
            let api = load($file);
            assert_eq!(api.operations.len(), $operations);
            assert_eq!(Operation::ALL.len(), $operations);
            for op in &api.operations {
                let operation = Operation::from_name(&op.id).expect("operation");
                assert_eq!(Some(operation.target()), op.target.as_deref());
                for fill in [Fill::Required, Fill::All] {
                    let body: Value = match op.input {
                        Some(id) => sample::sample_type(&api, id, fill, &no_pattern),
                        None => Value::Object(Default::default()),
                    };
                    let request =
                        Request::from_json(operation, &serde_json::to_vec(&body).unwrap())
                            .unwrap_or_else(|e| panic!("{} request {fill:?}: {e}\n{body}", op.id));
                    assert_eq!(request.operation(), operation);
                    assert_eq!(written(&request), body, "{} request", op.id);

                    let body: Value = match op.output {
                        Some(id) => sample::sample_type(&api, id, fill, &no_pattern),
                        None => Value::Object(Default::default()),
                    };
                    let response =
                        Response::from_json(operation, &serde_json::to_vec(&body).unwrap())
                            .unwrap_or_else(|e| panic!("{} response {fill:?}: {e}\n{body}", op.id));
                    assert_eq!(response.operation(), operation);
                    assert_eq!(written(&response), body, "{} response", op.id);
                }
            }
        }
    };
}

round_trip_every_operation!(
    cognito_identity,
    cognito_identity,
    "aws-json/cognito-identity.json",
    23
);
round_trip_every_operation!(dynamodb, dynamodb, "aws-json/dynamodb.json", 53);
round_trip_every_operation!(events, events, "aws-json/events.json", 51);
round_trip_every_operation!(kms, kms, "aws-json/kms.json", 50);
round_trip_every_operation!(
    secretsmanager,
    secretsmanager,
    "aws-json/secretsmanager.json",
    22
);
round_trip_every_operation!(
    wire_formats,
    wire_formats,
    "aws-import/wire-formats.yaml",
    2
);
round_trip_every_operation!(kendra, kendra, "aws-import/kendra.yaml", 2);
round_trip_every_operation!(lightsail, lightsail, "aws-import/lightsail.yaml", 2);
round_trip_every_operation!(
    redshift_serverless,
    redshift_serverless,
    "aws-import/redshift-serverless.yaml",
    3
);

#[test]
fn dynamodb_attribute_values_nest() {
    use specgen_spec_tests::dynamodb::types::AttributeValue;
    let body = serde_json::json!({"M": {
        "name": {"S": "Ferris"},
        "scores": {"L": [{"N": "1"}, {"NS": ["2", "3"]}, {"M": {"deep": {"BOOL": true}}}]},
        "blob": {"B": "AAEC"},
        "nothing": {"NULL": true}
    }});
    let value: AttributeValue = serde_json::from_value(body.clone()).unwrap();
    let map = value.m.as_ref().expect("map");
    assert_eq!(map["name"].s.as_deref(), Some("Ferris"));
    assert_eq!(serde_json::to_value(&value).unwrap(), body);
}

#[test]
fn events_look_ahead_pattern_validates() {
    use specgen_runtime::Validate;
    use specgen_spec_tests::events::types::HttpParameters;
    // `PathParameter` is `^(?!\s*$).+`: a look-ahead ending in Java's `$`, checked as a
    // condition of its own (the value, or the value before a final line terminator). A list of
    // strings is reported once, at the list, with every constraint of its items.
    let params: HttpParameters =
        serde_json::from_value(serde_json::json!({"PathParameterValues": ["id-1", "   ", "x"]}))
            .unwrap();
    assert_eq!(
        params.validate().unwrap_err().to_string(),
        r"1 validation error detected: Value '[id-1,    , x]' at 'pathParameterValues' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: ^(?!\s*$).+]"
    );
}
