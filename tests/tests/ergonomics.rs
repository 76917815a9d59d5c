//! Building values and errors by hand: `Default` where every member is optional, `new` with
//! the required members, `From` between exceptions, per-operation error enums and `Error`,
//! and string enums whose catch-all cannot meet a value's name.

use cognito_idp::errors::{AdminGetUserError, SignUpError};
use cognito_idp::types::{self, UserStatusType};
use cognito_idp::{Error, Exception};
use serde_json::json;

#[test]
fn structures_of_optional_members_have_a_default() {
    let pool = types::UserPoolType::default();
    assert_eq!(pool.id, None);
    assert_eq!(serde_json::to_value(&pool).unwrap(), json!({}));
    let pool = types::UserPoolType {
        name: Some("pool".to_owned()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&pool).unwrap(),
        json!({"Name": "pool"})
    );
    // Sensitive structures too, and exceptions.
    let _ = types::AuthenticationResultType::default();
    assert_eq!(types::UserNotFoundException::default().message, None);
}

#[test]
fn structures_with_required_members_are_built_with_new() {
    let response = types::SignUpResponse::new(false, "sub-1");
    assert_eq!(
        serde_json::to_value(&response).unwrap(),
        json!({"UserConfirmed": false, "UserSub": "sub-1"})
    );
    let response = types::SignUpResponse {
        session: Some("s".to_owned()),
        ..types::SignUpResponse::new(true, String::from("sub-2"))
    };
    assert_eq!(response.session.as_deref(), Some("s"));
    let attribute = types::AttributeType::new("email");
    assert_eq!((attribute.name.as_str(), attribute.value), ("email", None));
    // Enum members take their wire value.
    let request = types::InitiateAuthRequest::new("USER_PASSWORD_AUTH", "client");
    assert_eq!(request.auth_flow, types::AuthFlowType::UserPasswordAuth);
}

#[test]
fn exceptions_convert_into_operation_errors_and_error() {
    let exception = types::UsernameExistsException::new("User already exists");
    assert_eq!(
        types::UsernameExistsException::CODE,
        "UsernameExistsException"
    );

    // Listed for SignUp: its own variant.
    let error: SignUpError = exception.clone().into();
    assert_eq!(
        error,
        SignUpError::UsernameExistsException(exception.clone())
    );
    assert_eq!(error.code(), "UsernameExistsException");
    assert_eq!(error.message(), Some("User already exists"));
    assert_eq!(error.http_status(), 400);
    assert_eq!(
        error.to_json(),
        br#"{"__type":"UsernameExistsException","message":"User already exists"}"#
    );

    // Not listed for AdminGetUser: `Unhandled`, with the same code and body.
    let error: AdminGetUserError = exception.clone().into();
    assert_eq!(
        error,
        AdminGetUserError::Unhandled(Error::UsernameExistsException(exception.clone()))
    );
    assert_eq!(error.code(), "UsernameExistsException");
    assert_eq!(error.http_status(), 400);

    // Into `Error`, and back.
    let error: Error = exception.clone().into();
    assert_eq!(error, Error::UsernameExistsException(exception.clone()));
    let back: SignUpError = error.clone().into();
    assert_eq!(Error::from(back), error);
}

#[test]
fn operation_errors_answer_with_the_services_status_and_body() {
    let internal: SignUpError = types::InternalErrorException::new("Internal error").into();
    assert_eq!(internal.http_status(), 500);
    assert_eq!(
        internal.to_json(),
        br#"{"__type":"InternalErrorException","message":"Internal error"}"#
    );
    let unknown = SignUpError::from(Error::new("ThrottlingException", None));
    assert_eq!(
        (unknown.code(), unknown.http_status()),
        ("ThrottlingException", 400)
    );
    assert_eq!(unknown.to_json(), br#"{"__type":"ThrottlingException"}"#);
    let not_implemented: SignUpError =
        Error::not_implemented(cognito_idp::Operation::SignUp).into();
    assert_eq!(
        (not_implemented.code(), not_implemented.http_status()),
        ("NotImplemented", 501)
    );
    // An exception with members beside its message is written with them.
    let invalid = SignUpError::from(types::InvalidParameterException::new("bad"));
    assert_eq!(invalid.http_status(), 400);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&invalid.to_json()).unwrap()["__type"],
        "InvalidParameterException"
    );
}

#[test]
fn a_wire_value_named_unknown_is_a_plain_variant() {
    // `UNKNOWN` is one of UserStatusType's values: its variant is `Unknown`; values the spec
    // does not list are kept in `Unlisted_`, a name no value can take.
    assert_eq!(UserStatusType::from("UNKNOWN"), UserStatusType::Unknown);
    assert_eq!(UserStatusType::Unknown.as_str(), "UNKNOWN");
    let other = UserStatusType::from("EXTERNAL_PROVIDER_V2");
    assert_eq!(
        other,
        UserStatusType::Unlisted_("EXTERNAL_PROVIDER_V2".to_owned())
    );
    assert_eq!(
        serde_json::to_value(&other).unwrap(),
        json!("EXTERNAL_PROVIDER_V2")
    );
}
