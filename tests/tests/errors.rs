//! `cognito_idp::Error` on the AWS JSON wire, and the per-operation error enums compared with
//! the spec's responses at test time.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use cognito_idp::{Error, Operation, errors};
use serde_json::{Value, json};
use support::{api, raw_exceptions, raw_operations};

/// The `__type` forms a service or proxy may send for `code`.
fn type_forms(code: &str) -> Vec<String> {
    vec![
        code.to_owned(),
        format!("com.amazonaws.cognito.identity.idp.model#{code}"),
        format!("{code}:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
        format!("aws.cognito#{code}:http://internal.amazon.com/coral/"),
    ]
}

/// Error bodies for `code`: every `__type` form, with `message`, with `Message` and without
/// a message; each with the message it carries.
fn bodies(code: &str, message: &str) -> Vec<(Value, Option<String>)> {
    let mut out = Vec::new();
    for ty in type_forms(code) {
        out.push((
            json!({"__type": ty, "message": message}),
            Some(message.to_owned()),
        ));
        out.push((
            json!({"__type": ty, "Message": message}),
            Some(message.to_owned()),
        ));
        out.push((json!({"__type": ty}), None));
        out.push((json!({"__type": ty, "message": null}), None));
    }
    out
}

fn is_unknown(e: &Error) -> bool {
    matches!(e, Error::Unknown { .. })
}

#[test]
fn the_spec_has_60_exceptions_and_error_knows_each() {
    // Today's model (botocore 1.44.8) has 60; the older bundled spec had 41.
    let exceptions = raw_exceptions();
    assert_eq!(exceptions.len(), 60);
    // The IR agrees on the set.
    let ir: BTreeSet<&str> = api()
        .exceptions
        .iter()
        .map(|&id| api().ty(id).schema_name.as_str())
        .collect();
    let raw: BTreeSet<&str> = exceptions.iter().map(String::as_str).collect();
    assert_eq!(ir, raw);
    for code in &exceptions {
        let e = Error::new(code, Some("m".to_owned()));
        assert!(!is_unknown(&e), "{code} is Unknown");
        assert_eq!(e.code(), code);
        assert_eq!(e.message(), Some("m"));
    }
}

#[test]
fn every_exception_reads_from_every_wire_form() {
    for code in raw_exceptions() {
        for (body, message) in bodies(&code, "It \"failed\" — üñí") {
            let e = Error::from_json(&support::bytes(&body))
                .unwrap_or_else(|err| panic!("{body}: {err}"));
            assert!(!is_unknown(&e), "{body} read as {e:?}");
            assert_eq!(e.code(), code, "{body}");
            assert_eq!(e.message(), message.as_deref(), "{body}");
            assert_eq!(e, Error::new(&code, message.clone()), "{body}");
        }
    }
}

#[test]
fn wire_forms_of_one_exception() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#,
            "UserNotFoundException",
            Some("User does not exist."),
        ),
        (
            r#"{"__type":"com.amazonaws.cognito.identity.idp.model#UserNotFoundException","Message":"User does not exist."}"#,
            "UserNotFoundException",
            Some("User does not exist."),
        ),
        (
            r#"{"__type":"NotAuthorizedException:http://internal.amazon.com/coral/com.amazon.coral.service/","message":"Incorrect username or password."}"#,
            "NotAuthorizedException",
            Some("Incorrect username or password."),
        ),
        (
            r#"{"__type":"aws.cognito#CodeMismatchException:http://x/","Message":"Invalid code."}"#,
            "CodeMismatchException",
            Some("Invalid code."),
        ),
        (
            r#"{"Message":"Rate exceeded","__type":"TooManyRequestsException","extra":[1,{"a":null}]}"#,
            "TooManyRequestsException",
            Some("Rate exceeded"),
        ),
        (
            r#"{"__type":"InternalErrorException"}"#,
            "InternalErrorException",
            None,
        ),
    ];
    for &(body, code, message) in cases {
        let e = Error::from_json(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        assert_eq!((e.code(), e.message()), (code, message), "{body}");
    }
    let e = Error::from_json(cases[0].0.as_bytes()).unwrap();
    assert!(matches!(
        &e,
        Error::UserNotFoundException(inner) if inner.message.as_deref() == Some("User does not exist.")
    ));
}

#[test]
fn a_type_suffix_is_cut_at_the_first_colon_even_when_it_holds_a_hash() {
    // Everything after the first `:` is a suffix (DESIGN.md; Smithy's awsJson1_1 rule: cut
    // at the first `:`, then keep what follows the `#`), so a `#` inside the suffix's URL
    // must not be taken for the namespace separator.
    for (ty, code) in [
        (
            "UserNotFoundException:http://internal.amazon.com/coral/#fragment",
            "UserNotFoundException",
        ),
        (
            "com.amazonaws.cognito#UserNotFoundException:http://x/#y",
            "UserNotFoundException",
        ),
        (
            "SerializationException:http://x/#y",
            "SerializationException",
        ),
    ] {
        let body = json!({"__type": ty, "message": "m"});
        let e = Error::from_json(&support::bytes(&body)).expect("error body");
        assert_eq!(e.code(), code, "{ty}");
        assert_eq!(e.message(), Some("m"));
    }
}

#[test]
fn unknown_codes_keep_their_code_and_message() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            r#"{"__type":"SerializationException","message":"Start of structure or map found where not expected."}"#,
            "SerializationException",
            Some("Start of structure or map found where not expected."),
        ),
        (
            r#"{"__type":"com.amazon.coral.service#UnknownOperationException","Message":"nope"}"#,
            "UnknownOperationException",
            Some("nope"),
        ),
        (
            r#"{"__type":"ThrottlingException:http://internal.amazon.com/"}"#,
            "ThrottlingException",
            None,
        ),
        // Codes are case-sensitive: this is not UserNotFoundException.
        (
            r#"{"__type":"userNotFoundException","message":"x"}"#,
            "userNotFoundException",
            Some("x"),
        ),
    ];
    for &(body, code, message) in cases {
        let e = Error::from_json(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        assert_eq!(
            e,
            Error::Unknown {
                code: code.to_owned(),
                message: message.map(str::to_owned)
            },
            "{body}"
        );
        assert_eq!((e.code(), e.message()), (code, message));
    }
}

#[test]
fn bodies_that_are_not_errors_are_rejected() {
    for body in [
        &b""[..],
        b"not json",
        b"{}",
        b"[]",
        b"null",
        br#"{"message":"no type"}"#,
        br#"{"__type":42}"#,
        br#"{"__type":"UserNotFoundException","message":42}"#,
        br#"{"__type":"SomethingElse","message":["x"]}"#,
        br#"{"__type":"UserNotFoundException""#,
    ] {
        assert!(
            Error::from_json(body).is_err(),
            "{:?} was accepted",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn to_json_writes_the_exact_wire_body() {
    let e = Error::new("UserNotFoundException", Some("User does not exist.".into()));
    assert_eq!(
        String::from_utf8(e.to_json()).unwrap(),
        r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#
    );
    let e = Error::new("InternalErrorException", None);
    assert_eq!(
        String::from_utf8(e.to_json()).unwrap(),
        r#"{"__type":"InternalErrorException"}"#
    );
    let e = Error::new("SerializationException", Some("bad \"json\"\n".into()));
    assert_eq!(
        String::from_utf8(e.to_json()).unwrap(),
        r#"{"__type":"SerializationException","message":"bad \"json\"\n"}"#
    );
    let e = Error::new("MFAMethodNotFoundException", Some("Zoë".into()));
    assert!(matches!(e, Error::MfaMethodNotFoundException(_)));
    assert_eq!(
        String::from_utf8(e.to_json()).unwrap(),
        r#"{"__type":"MFAMethodNotFoundException","message":"Zoë"}"#
    );
    // `Serialize` writes the same body.
    assert_eq!(serde_json::to_vec(&e).unwrap(), e.to_json());
}

#[test]
fn to_json_reads_back_the_same_code_and_message() {
    let mut codes = raw_exceptions();
    codes.extend(
        [
            "SerializationException",
            "UnknownOperationException",
            "ValidationException",
        ]
        .map(String::from),
    );
    for code in &codes {
        for message in [
            None,
            Some(""),
            Some("plain"),
            Some("quote \" slash \\ nl \n é"),
        ] {
            let e = Error::new(code, message.map(str::to_owned));
            let wire = e.to_json();
            let back = Error::from_json(&wire).expect("own body reads back");
            assert_eq!(back, e, "{}", String::from_utf8_lossy(&wire));
            assert_eq!((back.code(), back.message()), (code.as_str(), message));

            let raw: Value = serde_json::from_slice(&wire).expect("JSON");
            let mut expected = json!({"__type": code});
            if let Some(m) = message {
                expected["message"] = json!(m);
            }
            assert_eq!(raw, expected);
            assert_eq!(serde_json::to_value(&e).unwrap(), expected);
        }
    }
}

#[test]
fn http_status_is_the_models() {
    // The spec's 480-499 response codes only name the exceptions an operation may return;
    // on the wire each exception has the status of its model (`x-aws-error`, written by
    // `specgen import`): 500 for the service's faults, 400 for the caller's. Codes the spec
    // does not define get 500 when they name an internal error, else 400.
    let schemas = &support::raw_spec()["components"]["schemas"];
    let mut wrong = Vec::new();
    let mut server_faults = Vec::new();
    for code in raw_exceptions() {
        let error = &schemas[code.as_str()]["x-aws-error"];
        let expected = error["http-status"]
            .as_u64()
            .expect("x-aws-error http-status") as u16;
        if error["fault"].as_str() == Some("server") {
            server_faults.push(code.clone());
        }
        let status = Error::new(&code, None).http_status();
        if status != expected {
            wrong.push(format!("{code}: {status}, expected {expected}"));
        }
    }
    for (code, expected) in [
        ("SerializationException", 400),
        ("UnknownOperationException", 400),
        ("ValidationException", 400),
        ("SomeInternalErrorException", 500),
    ] {
        let status = Error::new(code, None).http_status();
        if status != expected {
            wrong.push(format!("{code}: {status}, expected {expected}"));
        }
    }
    assert!(wrong.is_empty(), "wrong statuses:\n{}", wrong.join("\n"));
    assert_eq!(
        server_faults,
        ["InternalErrorException", "InternalServerException"]
    );
}

#[test]
fn display_shows_code_and_message() {
    let e = Error::new("UserNotFoundException", Some("User does not exist.".into()));
    assert_eq!(e.to_string(), "UserNotFoundException: User does not exist.");
    assert_eq!(
        Error::new("InternalErrorException", None).to_string(),
        "InternalErrorException"
    );
    let e = Error::new("SerializationException", Some("bad".into()));
    assert_eq!(e.to_string(), "SerializationException: bad");
    let dynamic: &dyn std::error::Error = &e;
    assert_eq!(dynamic.to_string(), "SerializationException: bad");
    assert!(dynamic.source().is_none());
}

/// The codes an operation lists, each once, in spec order (the older conversion listed
/// `NotAuthorizedException` of `VerifySoftwareToken` under two status codes).
fn distinct(codes: &[String]) -> Vec<&str> {
    let mut seen = BTreeSet::new();
    codes
        .iter()
        .map(String::as_str)
        .filter(|c| seen.insert(*c))
        .collect()
}

#[test]
fn operation_errors_metadata_matches_the_spec() {
    let mut duplicated = Vec::new();
    for raw in raw_operations() {
        let op = Operation::from_name(&raw.id).unwrap();
        let codes = distinct(&raw.errors);
        if codes.len() != raw.errors.len() {
            duplicated.push(raw.id.as_str());
        }
        assert_eq!(op.errors(), codes.as_slice(), "{}", raw.id);
    }
    // `specgen import` lists each exception of an operation once.
    assert!(duplicated.is_empty(), "{duplicated:?}");
}

/// What converting an `Error` into one operation's error enum and back gave.
struct Converted {
    unhandled: bool,
    code: String,
    message: Option<String>,
    display: String,
    back: Error,
}

/// The per-operation error enums, by Rust type name. Rust cannot list a module's types, so
/// they are named here; `the_enum_list_covers_every_operation` keeps the list in step with
/// the spec.
macro_rules! error_enums {
    ($($ty:ident),* $(,)?) => {
        const ERROR_ENUMS: &[(&str, fn(Error) -> Converted)] = &[
            $((stringify!($ty), |error: Error| {
                let converted = errors::$ty::from(error);
                Converted {
                    unhandled: matches!(converted, errors::$ty::Unhandled(_)),
                    code: converted.code().to_owned(),
                    message: converted.message().map(str::to_owned),
                    display: converted.to_string(),
                    back: Error::from(converted),
                }
            })),*
        ];
    };
}

error_enums![
    AddCustomAttributesError,
    AddUserPoolClientSecretError,
    AdminAddUserToGroupError,
    AdminConfirmSignUpError,
    AdminCreateUserError,
    AdminDeleteSoftwareTokenError,
    AdminDeleteUserError,
    AdminDeleteUserAttributesError,
    AdminDisableProviderForUserError,
    AdminDisableUserError,
    AdminEnableUserError,
    AdminForgetDeviceError,
    AdminGetDeviceError,
    AdminGetUserError,
    AdminGetUserAuthFactorsError,
    AdminInitiateAuthError,
    AdminLinkProviderForUserError,
    AdminListDevicesError,
    AdminListGroupsForUserError,
    AdminListUserAuthEventsError,
    AdminListUserSessionsError,
    AdminRemoveUserFromGroupError,
    AdminResetUserPasswordError,
    AdminRespondToAuthChallengeError,
    AdminRevokeUserSessionError,
    AdminSetUserMfaPreferenceError,
    AdminSetUserPasswordError,
    AdminSetUserSettingsError,
    AdminUpdateAuthEventFeedbackError,
    AdminUpdateDeviceStatusError,
    AdminUpdateUserAttributesError,
    AdminUserGlobalSignOutError,
    AssociateSoftwareTokenError,
    CancelPointInTimeRecoveryError,
    ChangePasswordError,
    CompleteWebAuthnRegistrationError,
    ConfirmDeviceError,
    ConfirmForgotPasswordError,
    ConfirmSignUpError,
    CreateCimdPolicyError,
    CreateGroupError,
    CreateIdentityProviderError,
    CreateManagedLoginBrandingError,
    CreateResourceServerError,
    CreateTermsError,
    CreateUserImportJobError,
    CreateUserPoolError,
    CreateUserPoolClientError,
    CreateUserPoolDomainError,
    CreateUserPoolReplicaError,
    DeleteCimdPolicyError,
    DeleteGroupError,
    DeleteIdentityProviderError,
    DeleteManagedLoginBrandingError,
    DeleteResourceServerError,
    DeleteTermsError,
    DeleteUserError,
    DeleteUserAttributesError,
    DeleteUserPoolError,
    DeleteUserPoolClientError,
    DeleteUserPoolClientSecretError,
    DeleteUserPoolDomainError,
    DeleteUserPoolReplicaError,
    DeleteWebAuthnCredentialError,
    DescribeCimdPolicyError,
    DescribeIdentityProviderError,
    DescribeManagedLoginBrandingError,
    DescribeManagedLoginBrandingByClientError,
    DescribePointInTimeRecoveryError,
    DescribeResourceServerError,
    DescribeRiskConfigurationError,
    DescribeTermsError,
    DescribeTermsByClientError,
    DescribeUserImportJobError,
    DescribeUserPoolError,
    DescribeUserPoolClientError,
    DescribeUserPoolDomainError,
    ForgetDeviceError,
    ForgotPasswordError,
    GetCsvHeaderError,
    GetClientTokenError,
    GetDerivedTokenError,
    GetDeviceError,
    GetGroupError,
    GetIdentityProviderByIdentifierError,
    GetLogDeliveryConfigurationError,
    GetProvisionedLimitError,
    GetSigningCertificateError,
    GetTokensFromRefreshTokenError,
    GetUiCustomizationError,
    GetUserError,
    GetUserAttributeVerificationCodeError,
    GetUserAuthFactorsError,
    GetUserPoolClientSessionConfigurationError,
    GetUserPoolMfaConfigError,
    GetUserPoolSessionConfigurationError,
    GlobalSignOutError,
    InitiateAuthError,
    InitiatePointInTimeRecoveryError,
    ListCimdPoliciesError,
    ListClientMetadataUrlsError,
    ListDevicesError,
    ListGroupsError,
    ListIdentityProvidersError,
    ListPointInTimeRecoveriesError,
    ListResourceServersError,
    ListTagsForResourceError,
    ListTermsError,
    ListUserImportJobsError,
    ListUserPoolClientSecretsError,
    ListUserPoolClientsError,
    ListUserPoolReplicasError,
    ListUserPoolsError,
    ListUserSessionsError,
    ListUsersError,
    ListUsersInGroupError,
    ListWebAuthnCredentialsError,
    ResendConfirmationCodeError,
    RespondToAuthChallengeError,
    RevokeTokenError,
    RevokeUserSessionError,
    SetLogDeliveryConfigurationError,
    SetRiskConfigurationError,
    SetUiCustomizationError,
    SetUserMfaPreferenceError,
    SetUserPoolClientSessionConfigurationError,
    SetUserPoolMfaConfigError,
    SetUserPoolSessionConfigurationError,
    SetUserSettingsError,
    SignUpError,
    StartPointInTimeRecoveryError,
    StartUserImportJobError,
    StartWebAuthnRegistrationError,
    StopUserImportJobError,
    TagResourceError,
    UntagResourceError,
    UpdateAuthEventFeedbackError,
    UpdateCimdPolicyError,
    UpdateClientMetadataUrlStateError,
    UpdateDeviceStatusError,
    UpdateGroupError,
    UpdateIdentityProviderError,
    UpdateManagedLoginBrandingError,
    UpdateProvisionedLimitError,
    UpdateResourceServerError,
    UpdateTermsError,
    UpdateUserAttributesError,
    UpdateUserPoolError,
    UpdateUserPoolClientError,
    UpdateUserPoolDomainError,
    UpdateUserPoolReplicaError,
    VerifySoftwareTokenError,
    VerifyUserAttributeError,
];

/// The enum of each spec operation (by `operationId`), through the Rust name specgen gives
/// the operation.
fn enums_by_operation() -> BTreeMap<String, fn(Error) -> Converted> {
    let by_type: BTreeMap<&str, fn(Error) -> Converted> = ERROR_ENUMS.iter().copied().collect();
    assert_eq!(by_type.len(), ERROR_ENUMS.len(), "a type is listed twice");
    let mut out = BTreeMap::new();
    let mut missing = Vec::new();
    let mut used = BTreeSet::new();
    for op in &api().operations {
        let ty = format!("{}Error", op.name);
        // The Rust name of the operation is also the `Operation` variant.
        let variant = Operation::from_name(&op.id).expect("operation");
        assert_eq!(format!("{variant:?}"), op.name);
        match by_type.get_key_value(ty.as_str()) {
            Some((name, convert)) => {
                used.insert(*name);
                out.insert(op.id.clone(), *convert);
            }
            None => missing.push(ty),
        }
    }
    let extra: Vec<&&str> = by_type.keys().filter(|t| !used.contains(*t)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ERROR_ENUMS is out of step with the spec: missing {missing:?}, not an operation {extra:?}"
    );
    out
}

#[test]
fn the_enum_list_covers_every_operation() {
    let enums = enums_by_operation();
    let spec: BTreeSet<&str> = raw_operations().iter().map(|o| o.id.as_str()).collect();
    let listed: BTreeSet<&str> = enums.keys().map(String::as_str).collect();
    assert_eq!(listed, spec);
    assert_eq!(enums.len(), 153);
}

#[test]
fn each_operation_enum_holds_exactly_the_spec_exceptions() {
    let enums = enums_by_operation();
    let all = raw_exceptions();
    let mut failures = Vec::new();
    let mut handled = 0;
    for raw in raw_operations() {
        let convert = enums[&raw.id];
        let listed: BTreeSet<&str> = raw.errors.iter().map(String::as_str).collect();
        let candidates = all.iter().map(String::as_str).chain([
            "SerializationException",
            "UnknownOperationException",
            "Foo",
        ]);
        for code in candidates {
            for message in [Some("went wrong"), None] {
                let error = Error::new(code, message.map(str::to_owned));
                let c = convert(error.clone());
                let expect_handled = listed.contains(code);
                if c.unhandled == expect_handled {
                    failures.push(format!(
                        "{}: {code} is {} but the spec {} it",
                        raw.id,
                        if c.unhandled {
                            "Unhandled"
                        } else {
                            "a variant"
                        },
                        if expect_handled {
                            "lists"
                        } else {
                            "does not list"
                        },
                    ));
                }
                if expect_handled {
                    handled += 1;
                }
                if c.code != code || c.message.as_deref() != message {
                    failures.push(format!(
                        "{}: {code} became {:?} / {:?}",
                        raw.id, c.code, c.message
                    ));
                }
                if c.display != error.to_string() {
                    failures.push(format!("{}: Display {:?}", raw.id, c.display));
                }
                if c.back != error {
                    failures.push(format!("{}: {error:?} came back as {:?}", raw.id, c.back));
                }
            }
        }
    }
    let listed_total: usize = raw_operations()
        .iter()
        .map(|o| distinct(&o.errors).len())
        .sum();
    assert_eq!(handled, listed_total * 2);
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sign_up_error_by_hand() {
    // One operation spelled out, as a reader of the generated API would use it.
    let wire = br#"{"__type":"com.amazonaws.cognito#UsernameExistsException","message":"User already exists"}"#;
    let e: errors::SignUpError = Error::from_json(wire).unwrap().into();
    match &e {
        errors::SignUpError::UsernameExistsException(inner) => {
            assert_eq!(inner.message.as_deref(), Some("User already exists"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        e.to_string(),
        "UsernameExistsException: User already exists"
    );
    let back: Error = e.into();
    assert_eq!(
        back.to_json(),
        br#"{"__type":"UsernameExistsException","message":"User already exists"}"#
    );

    // DeleteGroup does not list UsernameExistsException.
    let e: errors::DeleteGroupError = Error::from_json(wire).unwrap().into();
    assert!(matches!(
        &e,
        errors::DeleteGroupError::Unhandled(Error::UsernameExistsException(_))
    ));
}

/// The variants of every `operation_error!(…)` of `generated/src/errors.rs`, read from the
/// source: the conversions above cannot see a variant that no code converts into.
fn declared_variants() -> BTreeMap<String, Vec<(String, String)>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/src/errors.rs");
    let source = std::fs::read_to_string(path).expect("generated/src/errors.rs");
    let mut out = BTreeMap::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let Some(first) = line.strip_prefix("operation_error!(") else {
            continue;
        };
        // The invocation up to `);`, as one line: prettyplease wraps it.
        let text: String = std::iter::once(first)
            .chain(lines.by_ref().take_while(|l| *l != ");"))
            .map(|l| format!("{} ", l.trim()))
            .collect();
        let text = text.trim().trim_end_matches(");");
        let (head, list) = text
            .split_once(" => ")
            .unwrap_or_else(|| panic!("cannot read the invocation {text:?}"));
        let name = head.split(" for ").next().unwrap_or(head).to_owned();
        // `Variant` holds `super::types::Variant`; `Variant(Type)` holds `super::types::Type`.
        let variants = list
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| match v.split_once('(') {
                Some((variant, ty)) => (
                    variant.trim().to_owned(),
                    format!("super::types::{}", ty.trim_end_matches(')')),
                ),
                None => (v.to_owned(), format!("super::types::{v}")),
            })
            .chain([("Unhandled".to_owned(), "super::Error".to_owned())])
            .collect();
        out.insert(name, variants);
    }
    out
}

#[test]
fn each_operation_enum_declares_exactly_the_spec_exceptions() {
    let declared = declared_variants();
    let api = api();
    assert_eq!(declared.len(), 153);
    for (ir, raw) in api.operations.iter().zip(raw_operations()) {
        let name = format!("{}Error", ir.name);
        let variants = declared
            .get(&name)
            .unwrap_or_else(|| panic!("errors.rs has no enum {name}"));
        // One variant per listed exception, holding that exception's type, in spec order.
        let expected: Vec<(String, String)> = distinct(&raw.errors)
            .into_iter()
            .map(|code| {
                let id = api
                    .exception(code)
                    .unwrap_or_else(|| panic!("{code} is not an exception"));
                let ty = &api.ty(id).name;
                (ty.clone(), format!("super::types::{ty}"))
            })
            .chain([("Unhandled".to_owned(), "super::Error".to_owned())])
            .collect();
        assert_eq!(variants, &expected, "{name}");
    }
}
