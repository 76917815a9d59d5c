//! The example handler (`tests/examples/cognito_server.rs`) answers as the service does:
//! exact statuses, headers and bodies.

// The example's `main` is for `cargo run --example`; only its handler is used here.
#[allow(dead_code)]
#[path = "../examples/cognito_server.rs"]
mod server;

mod support;

use cognito_idp::{Error, Operation, Response};
use server::handle;
use support::{Fill, api, bytes, request_body};

const SIGN_UP: &str = "AWSCognitoIdentityProviderService.SignUp";

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

/// Asserts an error answer: status, both headers, and the exact body.
fn assert_error(
    answer: (u16, Vec<(String, String)>, Vec<u8>),
    status: u16,
    code: &str,
    body: &str,
) {
    let (got_status, got_headers, got_body) = answer;
    assert_eq!(String::from_utf8(got_body).unwrap(), body);
    assert_eq!(got_status, status);
    assert_eq!(
        got_headers,
        headers(&[
            ("content-type", "application/x-amz-json-1.1"),
            ("x-amzn-ErrorType", code)
        ])
    );
}

#[test]
fn a_valid_sign_up_gets_the_fixed_response() {
    let body = br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice@example.com","Password":"Correct-Horse-9","UserAttributes":[{"Name":"email","Value":"alice@example.com"}]}"#;
    let (status, hdrs, answer) = handle(SIGN_UP, body);
    assert_eq!(status, 200);
    assert_eq!(
        hdrs,
        headers(&[("content-type", "application/x-amz-json-1.1")])
    );
    assert_eq!(
        String::from_utf8(answer).unwrap(),
        r#"{"UserConfirmed":false,"UserSub":"5f0c2a3e-8d4b-4c5a-9e1f-000000000001"}"#
    );
}

#[test]
fn an_unknown_target_is_unknown_operation_exception() {
    assert_error(
        handle("AWSCognitoIdentityProviderService.SignUpNow", b"{}"),
        400,
        "UnknownOperationException",
        r#"{"__type":"UnknownOperationException","message":"Unknown operation: AWSCognitoIdentityProviderService.SignUpNow"}"#,
    );
    // Only the exact target routes: not the bare name, not another service's prefix.
    assert_error(
        handle("SignUp", b"{}"),
        400,
        "UnknownOperationException",
        r#"{"__type":"UnknownOperationException","message":"Unknown operation: SignUp"}"#,
    );
    assert_error(
        handle("AWSCognitoIdentityService.SignUp", b"{}"),
        400,
        "UnknownOperationException",
        r#"{"__type":"UnknownOperationException","message":"Unknown operation: AWSCognitoIdentityService.SignUp"}"#,
    );
}

#[test]
fn malformed_json_is_serialization_exception() {
    assert_error(
        handle(SIGN_UP, br#"{"ClientId": "abc", "Username": "#),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Malformed JSON body: EOF while parsing a value at line 1 column 32"}"#,
    );
    assert_error(
        handle(SIGN_UP, b"not json"),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Malformed JSON body: expected ident at line 1 column 2"}"#,
    );
}

#[test]
fn a_wrong_json_type_is_serialization_exception_naming_the_member() {
    assert_error(
        handle(
            SIGN_UP,
            br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":42,"Password":"Correct-Horse-9"}"#,
        ),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Invalid value at 'username': invalid type: integer `42`, expected a string at line 1 column 54"}"#,
    );
    // Inside a list element.
    assert_error(
        handle(
            SIGN_UP,
            br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Correct-Horse-9","UserAttributes":[{"Name":"email","Value":"a@example.com"},{"Name":true}]}"#,
        ),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Invalid value at 'userAttributes.2.member.name': invalid type: boolean `true`, expected a string at line 1 column 160"}"#,
    );
    // The body itself of the wrong type.
    assert_error(
        handle(SIGN_UP, b"[]"),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Invalid request body: invalid type: sequence, expected a SignUpRequest object at line 1 column 1"}"#,
    );
}

#[test]
fn a_validation_failure_is_invalid_parameter_exception_with_aws_message() {
    // The example of DESIGN.md, byte for byte.
    assert_error(
        handle(
            "AWSCognitoIdentityProviderService.AdminGetUser",
            br#"{"UserPoolId":" us-east-1_abc","Username":"alice"}"#,
        ),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"}"#,
    );
    // Every violation, sorted by path; sensitive values (`ClientId`, `Username`) are not
    // shown.
    assert_error(
        handle(
            SIGN_UP,
            br#"{"ClientId":"bad id!","Username":"","Password":"Correct-Horse-9"}"#,
        ),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"3 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"}"#,
    );
    // Missing required members are validation errors too, reported with the others
    // (`Password` is optional in today's model: passwordless sign-up).
    assert_error(
        handle(SIGN_UP, br#"{"ClientId":"bad id!"}"#),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; Value null at 'username' failed to satisfy constraint: Member must not be null"}"#,
    );
    // An empty body reads as `{}`.
    assert_error(
        handle("AWSCognitoIdentityProviderService.GetUser", b""),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null"}"#,
    );
}

#[test]
fn internal_errors_are_answered_with_500() {
    assert_error(
        server::error_answer(&Error::new(
            "InternalErrorException",
            Some("Internal server error.".to_owned()),
        )),
        500,
        "InternalErrorException",
        r#"{"__type":"InternalErrorException","message":"Internal server error."}"#,
    );
    assert_error(
        server::error_answer(&Error::new("UserNotFoundException", None)),
        400,
        "UserNotFoundException",
        r#"{"__type":"UserNotFoundException"}"#,
    );
}

#[test]
fn every_operation_is_answered() {
    for op in &api().operations {
        let operation = support::operation(op);
        let fixed = serde_json::to_vec(&server::fixed_response(operation)).unwrap();
        for fill in [Fill::Required, Fill::All] {
            let body = bytes(&request_body(op, fill));
            let (status, hdrs, answer) = handle(operation.target(), &body);
            assert_eq!(
                status,
                200,
                "{}: {}",
                op.id,
                String::from_utf8_lossy(&answer)
            );
            assert_eq!(
                hdrs,
                headers(&[("content-type", "application/x-amz-json-1.1")])
            );
            assert_eq!(answer, fixed, "{}", op.id);
            // What the handler sends, a client reads.
            let read = Response::from_json(operation, &answer).expect("client reads it");
            assert_eq!(read.operation(), operation);
            assert_eq!(read, server::fixed_response(operation));
        }
    }
    assert_eq!(api().operations.len(), Operation::ALL.len());
}
