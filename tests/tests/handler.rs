//! `cognito_idp::dispatch`, the framework-free door: a call's target and body in, the status,
//! headers and body the service answers with out, through a `Service`. Exact answers for
//! success, the handler's errors, validation and serialization errors, unknown operations
//! and the `NotImplemented` default.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use cognito_idp::{Answer, Context, Operation, Service, dispatch, errors, types};
use support::{Fill, api, bytes, request_body};

const SIGN_UP: &str = "AWSCognitoIdentityProviderService.SignUp";
const JSON_1_1: &str = "application/x-amz-json-1.1";

/// Answers SignUp by the username it is given; every other operation is left to the default.
#[derive(Default)]
struct Server {
    calls: AtomicUsize,
}

impl Service for Server {
    async fn sign_up(
        &self,
        cx: &Context,
        input: types::SignUpRequest,
    ) -> Result<types::SignUpResponse, errors::SignUpError> {
        self.calls.fetch_add(1, Ordering::Relaxed);
        match input.username.as_str() {
            "taken" => Err(types::UsernameExistsException::new("User already exists").into()),
            "crash" => Err(types::InternalErrorException::new("Internal server error.").into()),
            // Not among SignUp's exceptions: answered all the same, as `Unhandled`.
            "gone" => Err(types::UserNotFoundException::new("User does not exist.").into()),
            "header" => Ok(types::SignUpResponse::new(
                true,
                cx.header("X-Forwarded-For").unwrap_or("none"),
            )),
            _ => Ok(types::SignUpResponse {
                session: Some("s-1".to_owned()),
                ..types::SignUpResponse::new(false, "5f0c2a3e-8d4b-4c5a-9e1f-000000000001")
            }),
        }
    }
}

fn call(server: &Server, target: &str, body: &[u8]) -> Answer {
    call_with(server, Context::with_request_id("req-1"), target, body)
}

fn call_with(server: &Server, cx: Context, target: &str, body: &[u8]) -> Answer {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(dispatch(server, &cx, target, body))
}

/// Asserts an error answer: status, every header, and the exact body.
#[track_caller]
fn assert_error(answer: &Answer, status: u16, code: &str, body: &str) {
    assert_eq!(String::from_utf8_lossy(&answer.body), body);
    assert_eq!(answer.status, status);
    assert_eq!(
        answer.headers().collect::<Vec<_>>(),
        [
            ("Content-Type", JSON_1_1),
            ("x-amzn-RequestId", "req-1"),
            ("x-amzn-ErrorType", code)
        ]
    );
}

const ALICE: &[u8] = br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Correct-Horse-9","UserAttributes":[{"Name":"email","Value":"alice@example.com"}]}"#;

fn sign_up_as(username: &str) -> Vec<u8> {
    format!(r#"{{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"{username}"}}"#).into_bytes()
}

#[test]
fn a_valid_call_gets_the_handlers_response() {
    let server = Server::default();
    let answer = call(&server, SIGN_UP, ALICE);
    assert_eq!(
        String::from_utf8(answer.body.clone()).unwrap(),
        r#"{"UserConfirmed":false,"UserSub":"5f0c2a3e-8d4b-4c5a-9e1f-000000000001","Session":"s-1"}"#
    );
    assert_eq!(answer.status, 200);
    assert!(!answer.is_error());
    assert_eq!(
        answer.headers().collect::<Vec<_>>(),
        [("Content-Type", JSON_1_1), ("x-amzn-RequestId", "req-1")]
    );
}

#[test]
fn the_handler_sees_the_context() {
    let cx = Context::with_request_id("req-1").with_header("x-forwarded-for", "203.0.113.7");
    let answer = call_with(&Server::default(), cx, SIGN_UP, &sign_up_as("header"));
    assert_eq!(
        String::from_utf8(answer.body).unwrap(),
        r#"{"UserConfirmed":true,"UserSub":"203.0.113.7"}"#
    );
    // A fresh context gets a fresh request id, which the answer carries.
    let cx = Context::new();
    let id = cx.request_id().to_owned();
    let answer = call_with(&Server::default(), cx, SIGN_UP, ALICE);
    assert_eq!(answer.request_id, id);
    assert_ne!(Context::new().request_id(), id);
}

#[test]
fn the_handlers_errors_are_answered_with_their_status_and_code() {
    let server = Server::default();
    assert_error(
        &call(&server, SIGN_UP, &sign_up_as("taken")),
        400,
        "UsernameExistsException",
        r#"{"__type":"UsernameExistsException","message":"User already exists"}"#,
    );
    assert_error(
        &call(&server, SIGN_UP, &sign_up_as("crash")),
        500,
        "InternalErrorException",
        r#"{"__type":"InternalErrorException","message":"Internal server error."}"#,
    );
    assert_error(
        &call(&server, SIGN_UP, &sign_up_as("gone")),
        400,
        "UserNotFoundException",
        r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#,
    );
}

#[test]
fn an_operation_left_out_answers_not_implemented() {
    assert_error(
        &call(
            &Server::default(),
            "AWSCognitoIdentityProviderService.AdminGetUser",
            br#"{"UserPoolId":"us-east-1_abc","Username":"alice"}"#,
        ),
        501,
        "NotImplemented",
        r#"{"__type":"NotImplemented","message":"The operation AdminGetUser is not implemented by this server"}"#,
    );
}

#[test]
fn an_unknown_target_is_unknown_operation_exception() {
    let server = Server::default();
    assert_error(
        &call(
            &server,
            "AWSCognitoIdentityProviderService.SignUpNow",
            b"{}",
        ),
        400,
        "UnknownOperationException",
        r#"{"__type":"UnknownOperationException","message":"Unknown operation: AWSCognitoIdentityProviderService.SignUpNow"}"#,
    );
    // Only the exact target routes: not the bare name, not another service's prefix.
    for target in ["SignUp", "AWSCognitoIdentityService.SignUp", ""] {
        let answer = call(&server, target, b"{}");
        assert_eq!(
            answer.error_type.as_deref(),
            Some("UnknownOperationException")
        );
    }
    assert_eq!(server.calls.load(Ordering::Relaxed), 0);
}

#[test]
fn bodies_that_cannot_be_read_are_serialization_exceptions_in_aws_words() {
    let server = Server::default();
    // Text that is not JSON: AWS sends no message.
    for body in [
        &br#"{"ClientId": "abc", "Username": "#[..],
        b"not json",
        b"null",
        b"\"x\"",
    ] {
        assert_error(
            &call(&server, SIGN_UP, body),
            400,
            "SerializationException",
            r#"{"__type":"SerializationException"}"#,
        );
    }
    assert_error(
        &call(
            &server,
            SIGN_UP,
            br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":42}"#,
        ),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"NUMBER_VALUE can not be converted to a String"}"#,
    );
    assert_error(
        &call(&server, SIGN_UP, b"[]"),
        400,
        "SerializationException",
        r#"{"__type":"SerializationException","message":"Start of list found where not expected"}"#,
    );
    assert_eq!(server.calls.load(Ordering::Relaxed), 0);
}

#[test]
fn a_validation_failure_is_invalid_parameter_exception_before_the_handler() {
    let server = Server::default();
    // The example of DESIGN.md, byte for byte.
    assert_error(
        &call(
            &server,
            "AWSCognitoIdentityProviderService.AdminGetUser",
            br#"{"UserPoolId":" us-east-1_abc","Username":"alice"}"#,
        ),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"}"#,
    );
    // Every violation, sorted by path; sensitive values are not shown; missing members too.
    assert_error(
        &call(&server, SIGN_UP, br#"{"ClientId":"bad id!","Username":""}"#),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"3 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"}"#,
    );
    assert_error(
        &call(&server, SIGN_UP, br#"{"ClientId":"bad id!"}"#),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; Value null at 'username' failed to satisfy constraint: Member must not be null"}"#,
    );
    // An empty body reads as `{}`.
    assert_error(
        &call(&server, "AWSCognitoIdentityProviderService.GetUser", b""),
        400,
        "InvalidParameterException",
        r#"{"__type":"InvalidParameterException","message":"1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null"}"#,
    );
    assert_eq!(server.calls.load(Ordering::Relaxed), 0);
}

/// Every operation routes, reads and validates a valid body, and reaches its method: the
/// default answers `NotImplemented`, naming the operation.
#[test]
fn every_operation_reaches_its_method() {
    struct Nothing;
    impl Service for Nothing {}
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    for op in &api().operations {
        let operation = support::operation(op);
        for fill in [Fill::Required, Fill::All] {
            let body = bytes(&request_body(op, fill));
            let cx = Context::with_request_id("r");
            let answer = runtime.block_on(dispatch(&Nothing, &cx, operation.target(), &body));
            let text = String::from_utf8_lossy(&answer.body);
            assert_eq!(answer.status, 501, "{}: {text}", op.id);
            assert_eq!(
                text,
                format!(
                    r#"{{"__type":"NotImplemented","message":"The operation {} is not implemented by this server"}}"#,
                    op.id
                )
            );
        }
    }
    assert_eq!(api().operations.len(), Operation::ALL.len());
}
