//! Cognito bodies read and written back unchanged, on the AWS JSON 1.1 wire.

use cognito_idp::types::{DescribeUserPoolResponse, SignUpRequest, UserStatusType, UserType};
use cognito_idp::{Operation, Request, Response, Timestamp, Validate};
use serde_json::{Value, json};

/// Reads `body` as `T` and writes it back; the JSON must be the same.
fn round_trip<T>(body: &Value) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = serde_json::from_value(body.clone()).expect("deserialize");
    let back = serde_json::to_value(&value).expect("serialize");
    assert_eq!(&back, body);
    value
}

fn sign_up_body() -> Value {
    json!({
        "ClientId": "4c5ebn6bojtlrmu9q9oll6gqrg",
        "SecretHash": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1=",
        "Username": "alice@example.com",
        "Password": "Correct-Horse-9",
        "UserAttributes": [
            {"Name": "email", "Value": "alice@example.com"},
            {"Name": "custom:team", "Value": "blue"}
        ],
        "ValidationData": [{"Name": "source", "Value": "web"}],
        "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
        "UserContextData": {"IpAddress": "192.0.2.1", "EncodedData": "eyJ..."},
        "ClientMetadata": {"campaign": "spring", "referrer": "friend"}
    })
}

#[test]
fn sign_up_request_round_trips() {
    let body = sign_up_body();
    let req: SignUpRequest = round_trip(&body);
    assert_eq!(req.client_id, "4c5ebn6bojtlrmu9q9oll6gqrg");
    assert_eq!(req.user_attributes.as_ref().map(Vec::len), Some(2));
    assert_eq!(req.validate(), Ok(()));

    // Through the router too.
    let bytes = serde_json::to_vec(&body).unwrap();
    let routed =
        Request::from_http("AWSCognitoIdentityProviderService.SignUp", &bytes).expect("valid");
    assert_eq!(routed.operation(), Operation::SignUp);
    assert_eq!(serde_json::to_value(&routed).unwrap(), body);
}

#[test]
fn describe_user_pool_response_keeps_sub_second_dates() {
    let body = json!({
        "UserPool": {
            "Id": "us-east-1_AbCdEfGhI",
            "Name": "my-pool",
            "Policies": {"PasswordPolicy": {
                "MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true,
                "RequireNumbers": true, "RequireSymbols": false,
                "TemporaryPasswordValidityDays": 7
            }},
            "LambdaConfig": {},
            "Status": "Enabled",
            "LastModifiedDate": 1700000100,
            "CreationDate": 1700000000.123,
            "SchemaAttributes": [{
                "Name": "email", "AttributeDataType": "String", "DeveloperOnlyAttribute": false,
                "Mutable": true, "Required": true,
                "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "2048"}
            }],
            "AutoVerifiedAttributes": ["email"],
            "MfaConfiguration": "OFF",
            "EstimatedNumberOfUsers": 42,
            "UserPoolTags": {"team": "identity"},
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": false}
        }
    });
    let resp: DescribeUserPoolResponse = round_trip(&body);
    let pool = resp.user_pool.as_ref().expect("pool");
    let created = pool.creation_date.expect("creation date");
    assert_eq!(created, Timestamp::from_epoch_seconds(1700000000.123));
    assert_eq!(created.to_string(), "2023-11-14T22:13:20.123Z");
    assert_eq!(
        pool.last_modified_date,
        Some(Timestamp::from_secs(1_700_000_100))
    );

    let routed = Response::from_json(
        Operation::DescribeUserPool,
        &serde_json::to_vec(&body).unwrap(),
    )
    .expect("response");
    assert_eq!(serde_json::to_value(&routed).unwrap(), body);
}

#[test]
fn unknown_enum_values_are_kept() {
    let body = json!({
        "Username": "bob",
        "Attributes": [{"Name": "sub", "Value": "1b7f0f9e-0000-4000-8000-000000000000"}],
        "UserCreateDate": 1700000000.5,
        "Enabled": true,
        "UserStatus": "EXTERNAL_PROVIDER_V2"
    });
    let user: UserType = round_trip(&body);
    assert_eq!(
        user.user_status,
        Some(UserStatusType::Unlisted_("EXTERNAL_PROVIDER_V2".to_owned()))
    );
    // Known values read as their variants, including the spec's own `UNKNOWN`.
    assert_eq!(UserStatusType::from("CONFIRMED"), UserStatusType::Confirmed);
    assert_eq!(UserStatusType::from("UNKNOWN"), UserStatusType::Unknown);
    assert_eq!(UserStatusType::Unknown.as_str(), "UNKNOWN");
    // Validation rejects what the spec does not list.
    assert_eq!(
        user.validate().unwrap_err().to_string(),
        "1 validation error detected: Value 'EXTERNAL_PROVIDER_V2' at 'userStatus' failed to satisfy constraint: Member must satisfy enum value set: [UNCONFIRMED, CONFIRMED, ARCHIVED, COMPROMISED, UNKNOWN, RESET_REQUIRED, FORCE_CHANGE_PASSWORD, EXTERNAL_PROVIDER]"
    );
}

#[test]
fn null_members_read_as_absent_and_unknown_members_are_ignored() {
    let req: SignUpRequest = serde_json::from_value(json!({
        "ClientId": "abc", "Username": "u", "Password": "p", "SecretHash": null, "FutureMember": {"x": [1]}
    }))
    .unwrap();
    assert_eq!(req.secret_hash, None);
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"ClientId": "abc", "Username": "u", "Password": "p"})
    );
}

#[test]
fn missing_required_member_is_a_serde_error_for_plain_reads() {
    let err = serde_json::from_value::<SignUpRequest>(json!({"Username": "u"})).unwrap_err();
    assert_eq!(err.to_string(), "missing field `ClientId`");
}

#[test]
fn debug_never_shows_sensitive_values() {
    let mut body = sign_up_body();
    body["Password"] = json!("S3cr3t-Pa55word!");
    let req: SignUpRequest = serde_json::from_value(body).unwrap();
    let debug = format!("{req:?}");
    assert!(!debug.contains("S3cr3t"), "{debug}");
    assert!(!debug.contains("Pa55word"), "{debug}");
    assert!(
        !debug.contains("alice@example.com"),
        "usernames are sensitive too: {debug}"
    );
    // Optional in today's model (passwordless sign-up), so shown as present.
    assert!(
        debug.contains("password: Some(*** Sensitive Data Redacted ***)"),
        "{debug}"
    );
    // `UserContextDataType` is sensitive as a whole in today's model.
    assert!(
        debug.contains("user_context_data: Some(*** Sensitive Data Redacted ***)"),
        "{debug}"
    );
    assert!(!debug.contains("192.0.2.1"), "{debug}");
    // Presence of an optional sensitive member is shown, its value is not.
    assert!(
        debug.contains("secret_hash: Some(*** Sensitive Data Redacted ***)"),
        "{debug}"
    );
    let routed = Request::from_http(
        "AWSCognitoIdentityProviderService.SignUp",
        &serde_json::to_vec(&serde_json::to_value(&req).unwrap()).unwrap(),
    )
    .unwrap();
    let debug = format!("{routed:?}");
    assert!(
        !debug.contains("S3cr3t") && !debug.contains("Pa55word"),
        "{debug}"
    );
}
