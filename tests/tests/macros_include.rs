//! `include_spec!` on the Cognito spec: the same items as the checked-in `cognito-idp`
//! crate, expanded in place from `spec/cognito-idp.yaml`.

mod cognito {
    specgen_macros::include_spec!("../spec/cognito-idp.yaml");
}

use cognito::types::SignUpRequest;
use cognito::{Operation, Request, Validate};

#[test]
fn expands_every_operation() {
    assert_eq!(Operation::ALL.len(), 153);
    assert_eq!(Operation::ALL.len(), cognito_idp::Operation::ALL.len());
    assert_eq!(
        Operation::from_target("AWSCognitoIdentityProviderService.SignUp"),
        Some(Operation::SignUp)
    );
    assert_eq!(Operation::SignUp.name(), "SignUp");
}

#[test]
fn types_read_write_and_validate() {
    let body = br#"{"ClientId": "4c5ebn6bojtlrmu9q9oll6gqrg", "Username": " ", "Password": "pw"}"#;
    let req: SignUpRequest = serde_json::from_slice(body).unwrap();
    assert_eq!(req.client_id, "4c5ebn6bojtlrmu9q9oll6gqrg");
    assert_eq!(
        req.validate().unwrap_err().to_string(),
        r"1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+"
    );
    // The expansion and the checked-in crate agree on the wire and on the checks.
    let generated: cognito_idp::types::SignUpRequest = serde_json::from_slice(body).unwrap();
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        serde_json::to_value(&generated).unwrap()
    );
    assert_eq!(
        req.validate().unwrap_err().to_string(),
        cognito_idp::Validate::validate(&generated)
            .unwrap_err()
            .to_string()
    );
}

#[test]
fn routes_requests() {
    let err = Request::from_http("AWSCognitoIdentityProviderService.Nope", b"{}").unwrap_err();
    assert_eq!(err.code(), "UnknownOperationException");
    let ok = Request::from_http(
        "AWSCognitoIdentityProviderService.GetUser",
        br#"{"AccessToken": "eyJraWQiOiJrZXkifQ.e30.c2ln"}"#,
    )
    .unwrap();
    assert_eq!(ok.operation(), Operation::GetUser);
}

/// Options are passed to the generator as in the options file.
mod identity_search {
    specgen_macros::include_spec!(
        "fixtures/aws-json/cognito-identity.json",
        pattern_mode = "search",
        validation_exception = "ValidationException",
    );
}

#[test]
fn options_reach_the_generator() {
    use identity_search::types::GetIdInput;

    // Search semantics: `\d+` is found in `12-34`.
    let input: GetIdInput =
        serde_json::from_str(r#"{"IdentityPoolId": "us-east-1:0123-abcd", "AccountId": "12-34"}"#)
            .unwrap();
    assert_eq!(identity_search::Validate::validate(&input), Ok(()));
    let input: GetIdInput =
        serde_json::from_str(r#"{"IdentityPoolId": "us-east-1:0123-abcd", "AccountId": "--"}"#)
            .unwrap();
    assert_eq!(
        identity_search::Validate::validate(&input)
            .unwrap_err()
            .to_string(),
        r"1 validation error detected: Value '--' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \d+"
    );
    let err = identity_search::Request::from_http(
        "AWSCognitoIdentityService.GetId",
        br#"{"IdentityPoolId": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), "ValidationException");
}
