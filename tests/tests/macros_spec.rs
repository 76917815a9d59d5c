//! `#[derive(Validate)]` bound to Cognito schemas: the same messages as the generated
//! `cognito-idp` types, compared over a table of requests.

use std::collections::BTreeMap;

use cognito_idp::types::{
    AdminCreateUserRequest, AnalyticsMetadataType, AttributeType, CreateIdentityProviderRequest,
    DeliveryMediumType, ListUsersRequest, SignUpRequest,
};
use cognito_idp::{Operation, Request};
use serde_json::{Value, json};
use specgen_runtime::Validate;

/// Mirrors `AttributeType`, as users write it.
#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "AttributeType")]
struct Attribute {
    name: String,
    value: Option<String>,
}

#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "UserContextDataType")]
struct UserContext {
    ip_address: Option<String>,
    encoded_data: Option<String>,
}

/// Mirrors `SignUpRequest`: required members that may be absent are `Option`s; nested
/// objects are the user's own bound structs or the generated types.
#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "SignUpRequest")]
struct SignUp {
    client_id: String,
    secret_hash: Option<String>,
    username: Option<String>,
    // Optional since the model made it so (botocore 1.44: `SignUpRequest` requires only
    // `ClientId` and `Username`).
    #[validate(rename = "Password")]
    pass: Option<String>,
    user_attributes: Option<Vec<Attribute>>,
    validation_data: Option<Vec<AttributeType>>,
    analytics_metadata: Option<AnalyticsMetadataType>,
    user_context_data: Option<UserContext>,
    client_metadata: Option<BTreeMap<String, String>>,
}

fn attribute(a: &AttributeType) -> Attribute {
    Attribute {
        name: a.name.clone(),
        value: a.value.clone(),
    }
}

fn mirror(r: &SignUpRequest) -> SignUp {
    SignUp {
        client_id: r.client_id.clone(),
        secret_hash: r.secret_hash.clone(),
        username: Some(r.username.clone()),
        pass: r.password.clone(),
        user_attributes: r
            .user_attributes
            .as_ref()
            .map(|l| l.iter().map(attribute).collect()),
        validation_data: r.validation_data.clone(),
        analytics_metadata: r.analytics_metadata.clone(),
        user_context_data: r.user_context_data.as_ref().map(|u| UserContext {
            ip_address: u.ip_address.clone(),
            encoded_data: u.encoded_data.clone(),
        }),
        client_metadata: r.client_metadata.clone(),
    }
}

fn message(v: &impl Validate) -> String {
    match v.validate() {
        Ok(()) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// `base` with the members of `changes` replaced (`null` removes one).
fn body(changes: Value) -> Value {
    let mut body = json!({
        "ClientId": "4c5ebn6bojtlrmu9q9oll6gqrg",
        "Username": "alice",
        "Password": "Correct-Horse-9",
    });
    for (k, v) in changes.as_object().unwrap() {
        if v.is_null() {
            body.as_object_mut().unwrap().remove(k);
        } else {
            body[k] = v.clone();
        }
    }
    body
}

#[test]
fn sign_up_matches_the_generated_validator() {
    let long = |n: usize| "a".repeat(n);
    let cases: Vec<(&str, Value, usize)> = vec![
        ("valid", json!({}), 0),
        (
            "valid, every member",
            json!({
                "SecretHash": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1=",
                "UserAttributes": [{"Name": "email", "Value": "alice@example.com"}],
                "ValidationData": [{"Name": "source", "Value": "web"}],
                "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
                "UserContextData": {"IpAddress": "192.0.2.1", "EncodedData": "eyJ..."},
                "ClientMetadata": {"campaign": "spring"}
            }),
            0,
        ),
        ("client id empty", json!({"ClientId": ""}), 2),
        ("client id too long", json!({"ClientId": long(129)}), 1),
        ("client id pattern", json!({"ClientId": "abc def"}), 1),
        ("secret hash pattern", json!({"SecretHash": "a-b"}), 1),
        ("username empty", json!({"Username": ""}), 2),
        ("username with a space", json!({"Username": "al ice"}), 1),
        ("username too long", json!({"Username": long(129)}), 1),
        ("password with a space", json!({"Password": "pass word"}), 1),
        ("password too long", json!({"Password": long(257)}), 1),
        ("password empty", json!({"Password": ""}), 1),
        (
            "attribute name too long",
            json!({"UserAttributes": [{"Name": "ok"}, {"Name": long(33)}]}),
            1,
        ),
        (
            "attribute value too long",
            json!({"UserAttributes": [{"Name": "email", "Value": long(2049)}]}),
            1,
        ),
        (
            "validation data name empty",
            json!({"ValidationData": [{"Name": "", "Value": "x"}]}),
            2,
        ),
        (
            "client metadata value too long",
            json!({"ClientMetadata": {"a": "ok", "b": long(131073)}}),
            1,
        ),
        (
            "user context data too long",
            json!({"UserContextData": {"IpAddress": long(131073)}}),
            1,
        ),
        (
            "analytics endpoint too long",
            json!({"AnalyticsMetadata": {"AnalyticsEndpointId": long(131073)}}),
            1,
        ),
        (
            "several at once",
            json!({
                "ClientId": "",
                "Username": " bob",
                "Password": "a b",
                "UserAttributes": [{"Name": ""}, {"Name": "x", "Value": long(2049)}],
                "ClientMetadata": {"k": long(131073)}
            }),
            8,
        ),
    ];
    assert!(cases.len() >= 15);
    for (name, changes, count) in cases {
        let body = body(changes);
        let generated: SignUpRequest = serde_json::from_value(body).unwrap();
        let expected = message(&generated);
        let ours = message(&mirror(&generated));
        assert_eq!(ours, expected, "{name}");
        let reported = match generated.validate() {
            Ok(()) => 0,
            Err(e) => e.len(),
        };
        assert_eq!(reported, count, "{name}: {expected}");
    }
}

#[test]
fn sensitive_values_stay_out_of_messages() {
    let mut form = mirror(&serde_json::from_value(body(json!({}))).unwrap());
    form.pass = Some("hunter 2".into());
    form.client_id = "secret id".into();
    let text = message(&form);
    assert_eq!(
        text,
        r"2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+; Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+"
    );
    assert!(!text.contains("hunter"));
}

#[test]
fn a_required_option_that_is_none_is_missing() {
    let mut form = mirror(&serde_json::from_value(body(json!({}))).unwrap());
    form.username = None;
    let ours = message(&form);
    assert_eq!(
        ours,
        "1 validation error detected: Value null at 'username' failed to satisfy constraint: \
         Member must not be null"
    );
    // The generated crate reports a request without `Username` the same way.
    let wire = serde_json::to_vec(&body(json!({"Username": null}))).unwrap();
    let err = Request::from_http(Operation::SignUp.target(), &wire).unwrap_err();
    assert_eq!(err.code(), "InvalidParameterException");
    assert_eq!(err.message(), Some(ours.as_str()));

    // Together with other violations, in AWS order.
    form.pass = Some(String::new());
    form.client_id = "a b".into();
    let wire = serde_json::to_vec(&body(json!({
        "Username": null, "Password": "", "ClientId": "a b"
    })))
    .unwrap();
    let err = Request::from_http(Operation::SignUp.target(), &wire).unwrap_err();
    assert_eq!(err.message(), Some(message(&form).as_str()));
    assert!(message(&form).starts_with("3 validation errors detected: "));
}

/// Enums may be held as `String` (checked against the spec's values) or as the generated
/// enum type; integers with any integer type.
#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "AdminCreateUserRequest")]
struct CreateUser {
    user_pool_id: String,
    username: String,
    message_action: Option<String>,
    desired_delivery_mediums: Option<Vec<String>>,
    temporary_password: Option<String>,
}

#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "ListUsersRequest")]
struct ListUsers {
    user_pool_id: String,
    limit: Option<u8>,
    pagination_token: Option<String>,
    attributes_to_get: Option<Vec<String>>,
}

#[test]
fn enums_and_integers_match_the_generated_validator() {
    let bodies = [
        json!({"UserPoolId": "us-east-1_abc", "Username": "bob"}),
        json!({"UserPoolId": "us-east-1_abc", "Username": "bob", "MessageAction": "RESEND",
               "DesiredDeliveryMediums": ["SMS", "EMAIL"]}),
        json!({"UserPoolId": " us-east-1_abc", "Username": "bob", "MessageAction": "SHOUT",
               "DesiredDeliveryMediums": ["SMS", "PIGEON"], "TemporaryPassword": "a b"}),
    ];
    for b in bodies {
        let generated: AdminCreateUserRequest = serde_json::from_value(b.clone()).unwrap();
        let ours = CreateUser {
            user_pool_id: b["UserPoolId"].as_str().unwrap().into(),
            username: b["Username"].as_str().unwrap().into(),
            message_action: b["MessageAction"].as_str().map(Into::into),
            desired_delivery_mediums: b["DesiredDeliveryMediums"]
                .as_array()
                .map(|l| l.iter().map(|v| v.as_str().unwrap().to_owned()).collect()),
            temporary_password: b["TemporaryPassword"].as_str().map(Into::into),
        };
        assert_eq!(message(&ours), message(&generated), "{b}");
    }
    let bad = CreateUser {
        user_pool_id: "us-east-1_abc".into(),
        username: "bob".into(),
        message_action: Some("SHOUT".into()),
        desired_delivery_mediums: Some(vec!["SMS".into(), "PIGEON".into()]),
        temporary_password: None,
    };
    assert_eq!(
        message(&bad),
        "2 validation errors detected: \
         Value '[SMS, PIGEON]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]; \
         Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]"
    );

    for limit in [0u8, 60, 61, 255] {
        let b = json!({"UserPoolId": "us-east-1_abc", "Limit": limit, "PaginationToken": ""});
        let generated: ListUsersRequest = serde_json::from_value(b).unwrap();
        let ours = ListUsers {
            user_pool_id: "us-east-1_abc".into(),
            limit: Some(limit),
            pagination_token: Some(String::new()),
            attributes_to_get: None,
        };
        assert_eq!(message(&ours), message(&generated), "limit {limit}");
    }
    let over = ListUsers {
        user_pool_id: "us-east-1_abc".into(),
        limit: Some(61),
        pagination_token: None,
        attributes_to_get: Some(vec![String::new()]),
    };
    assert_eq!(
        message(&over),
        "2 validation errors detected: \
         Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must satisfy constraint: [\
         Member must have length less than or equal to 32, Member must have length greater than or equal to 1, \
         Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+]; \
         Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60"
    );
    let generated: ListUsersRequest = serde_json::from_value(
        json!({"UserPoolId": "us-east-1_abc", "Limit": 61, "AttributesToGet": [""]}),
    )
    .unwrap();
    assert_eq!(message(&over), message(&generated));
}

/// A generic spec: search patterns, an integer enum, a nullable required member, text
/// timestamps and undeclared members with a schema. The generated side comes from
/// `include_spec!` on the same file.
mod readings {
    specgen_macros::include_spec!("ui/specs/readings.yaml");
}

#[derive(Validate)]
#[validate(spec = "ui/specs/readings.yaml", schema = "Reading")]
struct MyReading {
    sensor: String,
    level: u8,
    /// Required but nullable: `None` is a valid value.
    note: Option<String>,
    /// A text timestamp (generic spec): nothing to check.
    #[allow(dead_code)]
    at: Option<String>,
    ratio: Option<f32>,
    /// A string enum held as text.
    unit: Option<String>,
    additional_properties: std::collections::HashMap<String, i32>,
}

#[test]
fn generic_specs_match_the_generated_validator() {
    let bodies = [
        json!({"sensor": "s1", "level": 2, "note": null}),
        json!({"sensor": "s1", "level": 2, "note": "ok", "at": "2024-01-01T00:00:00Z",
               "ratio": 0.5, "unit": "kelvin", "extra": 3}),
        json!({"sensor": "x", "level": 4, "note": "too long", "ratio": 1.5, "unit": "F",
               "a": 11, "b": -1, "c": 5}),
        json!({"sensor": "abc", "level": 0, "note": null, "ratio": -0.25}),
    ];
    let mut failures = 0;
    for b in bodies {
        let generated: readings::types::Reading = serde_json::from_value(b.clone()).unwrap();
        let ours = MyReading {
            sensor: generated.sensor.clone(),
            level: u8::try_from(generated.level).unwrap(),
            note: generated.note.clone(),
            at: generated.at.clone(),
            ratio: generated.ratio.map(|r| r as f32),
            unit: b["unit"].as_str().map(Into::into),
            additional_properties: generated
                .additional_properties
                .iter()
                .map(|(k, v)| (k.clone(), i32::try_from(*v).unwrap()))
                .collect(),
        };
        let expected = message(&generated);
        assert_eq!(message(&ours), expected, "{b}");
        failures += usize::from(!expected.is_empty());
    }
    assert_eq!(failures, 2);
    let bad = MyReading {
        sensor: "x".into(),
        level: 4,
        note: Some("too long".into()),
        at: None,
        ratio: Some(1.5),
        unit: Some("F".into()),
        additional_properties: [("a".to_owned(), 11), ("b".to_owned(), -1)].into(),
    };
    assert_eq!(
        message(&bad),
        "8 validation errors detected: \
         Value '11' at 'a' failed to satisfy constraint: Member must have value less than or equal to 10; \
         Value '-1' at 'b' failed to satisfy constraint: Member must have value greater than or equal to 0; \
         Value '4' at 'level' failed to satisfy constraint: Member must satisfy enum value set: [1, 2, 3]; \
         Value 'too long' at 'note' failed to satisfy constraint: Member must have length less than or equal to 5; \
         Value '1.5' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 1; \
         Value 'x' at 'sensor' failed to satisfy constraint: Member must have length greater than or equal to 2; \
         Value 'x' at 'sensor' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]; \
         Value 'F' at 'unit' failed to satisfy constraint: Member must satisfy enum value set: [celsius, kelvin]"
    );
}

#[derive(Validate)]
#[validate(spec = "ui/specs/readings.yaml", schema = "Gauge")]
struct MyGauge {
    gain: Option<f64>,
    steps: Option<Vec<f32>>,
}

/// Exclusive bounds on numbers refuse the bound itself, in the derive as in the generated
/// validator, for a value and for list items.
#[test]
fn exclusive_bounds_match_the_generated_validator() {
    let cases = [
        (Some(0.0), Some(vec![0.5, 0.0])),
        (Some(2.0), None),
        (Some(1.999), Some(vec![1e-30])),
    ];
    let mut messages = Vec::new();
    for (gain, steps) in cases {
        let ours = MyGauge {
            gain,
            steps: steps.clone(),
        };
        let generated = readings::types::Gauge { gain, steps };
        assert_eq!(message(&ours), message(&generated));
        messages.push(message(&ours));
    }
    assert_eq!(
        messages,
        [
            "2 validation errors detected: \
             Value '0' at 'gain' failed to satisfy constraint: Member must have value greater than 0; \
             Value '[0.5, 0]' at 'steps' failed to satisfy constraint: Member must satisfy constraint: [Member must have value greater than 0]",
            "1 validation error detected: \
             Value '2' at 'gain' failed to satisfy constraint: Member must have value less than 2",
            "",
        ]
    );
}

/// Holds `DesiredDeliveryMediums` as the generated enum type: judged by its `Validate`,
/// shown by its `Display`.
#[derive(Validate)]
#[validate(spec = "../spec/cognito-idp.yaml", schema = "AdminCreateUserRequest")]
struct CreateUserTyped {
    user_pool_id: String,
    username: String,
    desired_delivery_mediums: Option<Vec<DeliveryMediumType>>,
}

/// Maps with key shapes (`x-aws-map-key`): `AttributeMapping` keys are 1..32 characters,
/// `AcrMapping` keys match `Level[1-4]`.
#[derive(Validate)]
#[validate(
    spec = "../spec/cognito-idp.yaml",
    schema = "CreateIdentityProviderRequest"
)]
struct CreateProvider {
    user_pool_id: String,
    provider_name: String,
    provider_type: String,
    provider_details: BTreeMap<String, String>,
    attribute_mapping: Option<BTreeMap<String, String>>,
    idp_identifiers: Option<Vec<String>>,
    acr_mapping: Option<BTreeMap<String, String>>,
}

/// Lists and maps report a violation in their elements once, at their own path, as the
/// generated validators do.
#[test]
fn lists_and_maps_match_the_generated_validator() {
    let typed = CreateUserTyped {
        user_pool_id: "us-east-1_abc".into(),
        username: "bob".into(),
        desired_delivery_mediums: Some(vec!["EMAIL".into(), "PIGEON".into(), "fax".into()]),
    };
    let generated: AdminCreateUserRequest = serde_json::from_value(json!({
        "UserPoolId": "us-east-1_abc", "Username": "bob",
        "DesiredDeliveryMediums": ["EMAIL", "PIGEON", "fax"]
    }))
    .unwrap();
    assert_eq!(message(&typed), message(&generated));
    assert_eq!(
        message(&typed),
        "1 validation error detected: Value '[EMAIL, PIGEON, fax]' at 'desiredDeliveryMediums' \
         failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum \
         value set: [SMS, EMAIL]]"
    );

    let bodies = [
        json!({"AttributeMapping": {"email": "email"}, "AcrMapping": {"Level1": "urn:a"},
               "IdpIdentifiers": ["example.com"]}),
        json!({"AttributeMapping": {"": "email", "name": "name"}}),
        json!({"AcrMapping": {"Level5": "urn:a", "Level1": "a b"}, "IdpIdentifiers": ["a/b", ""]}),
        json!({"AcrMapping": {"Level1": "a", "Level2": "b", "Level3": "c", "Level4": "d",
                              "Level0": "e"}}),
    ];
    let mut failures = 0;
    for extra in bodies {
        let mut b = json!({"UserPoolId": "us-east-1_abc", "ProviderName": "corp",
                           "ProviderType": "OIDC", "ProviderDetails": {"client_id": "abc"}});
        b.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let generated: CreateIdentityProviderRequest = serde_json::from_value(b.clone()).unwrap();
        let map = |v: &Value| -> Option<BTreeMap<String, String>> {
            v.as_object().map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect()
            })
        };
        let ours = CreateProvider {
            user_pool_id: "us-east-1_abc".into(),
            provider_name: "corp".into(),
            provider_type: "OIDC".into(),
            provider_details: map(&b["ProviderDetails"]).unwrap(),
            attribute_mapping: map(&b["AttributeMapping"]),
            idp_identifiers: b["IdpIdentifiers"]
                .as_array()
                .map(|l| l.iter().map(|v| v.as_str().unwrap().to_owned()).collect()),
            acr_mapping: map(&b["AcrMapping"]),
        };
        let expected = message(&generated);
        assert_eq!(message(&ours), expected, "{b}");
        failures += usize::from(!expected.is_empty());
    }
    assert_eq!(failures, 3);
}
