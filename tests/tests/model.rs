//! The generated crate against the AWS model it comes from: `spec/models/cognito-idp/
//! service-2.json` (botocore 1.44.8), converted by `specgen import` into
//! `spec/cognito-idp.yaml`. Every operation, exception and enum value of the model is in the
//! crate, and every constraint of the model is in the generated docs and validators.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use cognito_idp::types::*;
use cognito_idp::{CONTENT_TYPE, Error, Operation, Request, TARGET_PREFIX};
use serde_json::{Map, Value, json};
use support::{Fill, api, request_body};

/// The vendored model.
fn model() -> &'static Value {
    static MODEL: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/models/cognito-idp/service-2.json"
        );
        serde_json::from_slice(&std::fs::read(path).expect("the vendored model")).expect("JSON")
    })
}

fn shapes() -> &'static Map<String, Value> {
    model()["shapes"].as_object().expect("shapes")
}

fn operations() -> &'static Map<String, Value> {
    model()["operations"].as_object().expect("operations")
}

#[test]
fn every_operation_of_the_model_and_no_other() {
    let meta = &model()["metadata"];
    assert_eq!(TARGET_PREFIX, meta["targetPrefix"].as_str().unwrap());
    assert_eq!(
        CONTENT_TYPE,
        format!(
            "application/x-amz-json-{}",
            meta["jsonVersion"].as_str().unwrap()
        )
    );
    let model_ops: Vec<&str> = operations().keys().map(String::as_str).collect();
    let crate_ops: Vec<&str> = Operation::ALL.iter().map(|o| o.name()).collect();
    assert_eq!(crate_ops, model_ops);
    assert_eq!(crate_ops.len(), 153);
    for op in Operation::ALL {
        assert_eq!(op.target(), format!("{TARGET_PREFIX}.{}", op.name()));
        assert_eq!(Operation::from_target(op.target()), Some(*op));
        // Its listed exceptions are the model's, in the model's order, each once (the
        // model lists `NotAuthorizedException` of `VerifySoftwareToken` twice).
        let mut once = BTreeSet::new();
        let errors: Vec<&str> = operations()[op.name()]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["shape"].as_str().unwrap())
            .filter(|e| once.insert(*e))
            .collect();
        assert_eq!(op.errors(), errors.as_slice(), "{}", op.name());
    }
    // The operations issue 11 found missing from the older bundled spec.
    for name in [
        "AddUserPoolClientSecret",
        "CompleteWebAuthnRegistration",
        "GetTokensFromRefreshToken",
        "GetUserAuthFactors",
        "StartWebAuthnRegistration",
        "UpdateTerms",
    ] {
        assert!(Operation::from_name(name).is_some(), "{name}");
    }
}

#[test]
fn every_exception_of_the_model() {
    let mut model: Vec<&str> = shapes()
        .iter()
        .filter(|(_, s)| s["exception"] == true)
        .map(|(name, _)| name.as_str())
        .collect();
    model.sort_unstable();
    assert_eq!(model.len(), 60);
    for code in &model {
        let error = Error::new(code, Some("m".to_owned()));
        assert!(!matches!(error, Error::Unknown { .. }), "{code}");
        assert_eq!(error.code(), *code);
        let fault = shapes()[*code]["fault"] == true;
        assert_eq!(error.http_status(), if fault { 500 } else { 400 }, "{code}");
        assert_eq!(Error::from_json(&error.to_json()).unwrap(), error);
    }
    // New in today's model: a member beside the message.
    let e: InvalidParameterException =
        serde_json::from_str(r#"{"message": "m", "reasonCode": "INVALID_EMAIL"}"#).unwrap();
    assert_eq!(
        e.reason_code,
        Some(InvalidParameterExceptionReasonCodeType::from(
            "INVALID_EMAIL"
        ))
    );
}

/// Each enum type of the crate with its known values. Rust cannot list a module's types, so
/// they are named here; the test checks the list against the model's enum shapes.
macro_rules! enums {
    ($($ty:ident),* $(,)?) => {
        const ENUMS: &[(&str, &[&str])] = &[$((stringify!($ty), $ty::VALUES)),*];
    };
}

enums![
    AccountTakeoverEventActionType,
    AdvancedSecurityEnabledModeType,
    AdvancedSecurityModeType,
    AliasAttributeType,
    AssetCategoryType,
    AssetExtensionType,
    AttributeDataType,
    AuthFactorType,
    AuthFlowType,
    CimdCacheActionType,
    ChallengeName,
    ChallengeNameType,
    ChallengeResponse,
    ClientTypeType,
    ColorSchemeModeType,
    CompromisedCredentialsEventActionType,
    CustomEmailSenderLambdaVersionType,
    CustomSmsSenderLambdaVersionType,
    DefaultEmailOptionType,
    DeletionProtectionType,
    DeliveryMediumType,
    DeviceRememberedStatusType,
    DomainStatusType,
    EmailSendingAccountType,
    EncryptionKeyType,
    EventFilterType,
    EventResponseType,
    EventSourceName,
    EventType,
    ExplicitAuthFlowsType,
    FeatureType,
    FeedbackValueType,
    IdentityProviderTypeType,
    InboundFederationLambdaVersionType,
    IssuedTokenTypeIdentifierType,
    IssuerType,
    LimitClass,
    LogLevel,
    MessageActionType,
    OAuthFlowType,
    OAuthTokenTypeType,
    PasswordHashingAlgorithmType,
    PreTokenGenerationLambdaVersionType,
    PreventUserExistenceErrorTypes,
    RecoveryOptionNameType,
    ReplicaRoleType,
    ReplicaStatusType,
    ResourceServerManagedByType,
    RestoreStatusType,
    RevokeAssociatedSessionsType,
    RiskDecisionType,
    RiskLevelType,
    SecurityPolicyType,
    SessionTypeType,
    StatusType,
    TermsEnforcementType,
    TermsSourceType,
    TimeUnitsType,
    TokenTypeIdentifierType,
    UpdateReplicaStatusType,
    UserImportJobStatusType,
    UserPoolMfaType,
    UserPoolTierType,
    UserSessionTrackingType,
    UserStatusType,
    UserVerificationType,
    UsernameAttributeType,
    VerifiedAttributeType,
    VerifySoftwareTokenResponseType,
    WebAuthnFactorConfigurationType,
];

#[test]
fn every_enum_value_of_the_model() {
    let api = api();
    // Rust name of each enum schema, from the IR.
    let rust: BTreeMap<&str, &str> = api
        .types
        .iter()
        .map(|t| (t.schema_name.as_str(), t.name.as_str()))
        .collect();
    let listed: BTreeMap<&str, &[&str]> = ENUMS.iter().copied().collect();
    let mut seen = BTreeSet::new();
    for (name, shape) in shapes() {
        let Some(values) = shape["enum"].as_array() else {
            continue;
        };
        let values: Vec<&str> = values.iter().map(|v| v.as_str().unwrap()).collect();
        let ty = rust[name.as_str()];
        let crate_values = listed
            .get(ty)
            .unwrap_or_else(|| panic!("ENUMS lacks {ty} (shape {name})"));
        assert_eq!(*crate_values, values.as_slice(), "{name}");
        seen.insert(ty);
    }
    assert_eq!(
        seen.len(),
        ENUMS.len(),
        "ENUMS names types that are not enums of the model"
    );
    // Values issue 11 found missing from the older bundled spec.
    assert!(AuthFlowType::VALUES.contains(&"USER_AUTH"));
    assert!(ExplicitAuthFlowsType::VALUES.contains(&"ALLOW_USER_AUTH"));
    assert!(ChallengeNameType::VALUES.contains(&"EMAIL_OTP"));
    assert!(ChallengeNameType::VALUES.contains(&"SELECT_CHALLENGE"));
    assert!(ChallengeNameType::VALUES.contains(&"WEB_AUTHN"));
}

/// A member of an operation's input whose shape carries constraints, and what breaks them.
struct Probe {
    op: &'static str,
    member: String,
    shape: String,
}

/// The text of the generated docs of `Struct::member`, from the checked-in source.
fn member_docs(types_rs: &str, type_name: &str, field: &str) -> String {
    let start = types_rs
        .find(&format!("pub struct {type_name} {{"))
        .unwrap_or_else(|| panic!("no struct {type_name}"));
    let body = &types_rs[start..];
    let end = body.find("\n}").unwrap();
    let body = &body[..end];
    let at = body
        .find(&format!("pub {field}:"))
        .unwrap_or_else(|| panic!("no field {type_name}.{field}"));
    // The doc lines just above the field.
    body[..at]
        .lines()
        .rev()
        .skip(1)
        .take_while(|l| l.trim_start().starts_with("///"))
        .map(|l| l.trim_start().trim_start_matches("///").trim())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_constraint_of_the_model_is_documented_and_checked() {
    let types_rs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/src/types.rs"
    ))
    .unwrap();
    let api = api();
    let mut probes = Vec::new();
    for (op, o) in operations() {
        let Some(input) = o["input"]["shape"].as_str() else {
            continue;
        };
        for (member, m) in shapes()[input]["members"].as_object().unwrap() {
            let target = m["shape"].as_str().unwrap();
            let s = &shapes()[target];
            let constrained =
                s.get("min").is_some() || s.get("max").is_some() || s.get("pattern").is_some();
            if constrained
                && ["string", "integer", "long", "list"].contains(&s["type"].as_str().unwrap())
            {
                let op: &'static str = Operation::from_name(op).unwrap().name();
                probes.push(Probe {
                    op,
                    member: member.clone(),
                    shape: target.to_owned(),
                });
            }
        }
    }
    let mut failures = Vec::new();
    let mut shapes_checked = BTreeSet::new();
    for p in &probes {
        let s = &shapes()[&p.shape];
        let ir_op = api.operations.iter().find(|o| o.id == p.op).unwrap();
        let input = api.ty(ir_op.input.unwrap());
        let field = match &input.kind {
            specgen::ir::TypeKind::Struct(st) => {
                st.fields.iter().find(|f| f.wire_name == p.member).unwrap()
            }
            _ => unreachable!(),
        };
        let path = &field.path_name;
        // Docs: the model's limits, as the generated docs of the member state them.
        let docs = member_docs(&types_rs, &input.name, field.name.trim_start_matches("r#"));
        let kind = s["type"].as_str().unwrap();
        let (min, max) = (s["min"].as_i64(), s["max"].as_i64());
        let word = match kind {
            "string" => "Length",
            "list" => "Size",
            _ => "Range",
        };
        let expected_docs = match (min, max) {
            (Some(a), Some(b)) => Some(format!("{word}: {a} to {b}.")),
            (Some(a), None) if word == "Range" => Some(format!("Minimum: {a}.")),
            (Some(a), None) => Some(format!("{word}: at least {a}.")),
            (None, Some(b)) if word == "Range" => Some(format!("Maximum: {b}.")),
            (None, Some(b)) => Some(format!("{word}: at most {b}.")),
            (None, None) => None,
        };
        if let Some(e) = &expected_docs
            && !docs.contains(e.as_str())
        {
            failures.push(format!("{}.{}: docs lack `{e}`: {docs}", p.op, p.member));
        }
        if let Some(pattern) = s["pattern"].as_str()
            && !docs.contains(&format!("Pattern: `{pattern}`"))
            && !docs.contains(&format!("Pattern: `` {pattern} ``"))
        {
            failures.push(format!(
                "{}.{}: docs lack the pattern {pattern}: {docs}",
                p.op, p.member
            ));
        }
        // Validators: one value past the upper limit, one under the lower, through
        // `from_http`, each answered with the model's limit at the member's path.
        let base = request_body(ir_op, Fill::Required);
        let sensitive = s["sensitive"] == true;
        let shown = |v: &Value| -> String {
            if sensitive || kind == "list" {
                String::new()
            } else {
                match v {
                    Value::String(t) => format!(" '{t}'"),
                    other => format!(" '{other}'"),
                }
            }
        };
        let mut attempts: Vec<(Value, String)> = Vec::new();
        let over = |n: i64| -> Value {
            match kind {
                "string" => Value::from("a".repeat(n as usize)),
                "list" => Value::Array(vec![json!(null); 0]),
                _ => json!(n),
            }
        };
        if let Some(b) = max {
            match kind {
                "string" if b < 200_000 => attempts.push((
                    over(b + 1),
                    format!("Member must have length less than or equal to {b}"),
                )),
                "integer" | "long" => attempts.push((
                    json!(b + 1),
                    format!("Member must have value less than or equal to {b}"),
                )),
                _ => {}
            }
        }
        if let Some(a) = min {
            match kind {
                "string" if a > 0 => attempts.push((
                    over(a - 1),
                    format!("Member must have length greater than or equal to {a}"),
                )),
                "integer" | "long" => attempts.push((
                    json!(a - 1),
                    format!("Member must have value greater than or equal to {a}"),
                )),
                _ => {}
            }
        }
        for (value, constraint) in attempts {
            let mut body = base.clone();
            body[p.member.as_str()] = value.clone();
            let text = format!(
                "Value{} at '{path}' failed to satisfy constraint: {constraint}",
                shown(&value)
            );
            match Request::from_http(
                Operation::from_name(p.op).unwrap().target(),
                &serde_json::to_vec(&body).unwrap(),
            ) {
                Ok(_) => failures.push(format!("{}.{}: accepted {value}", p.op, p.member)),
                Err(e) if e.message().unwrap_or("").contains(&text) => {
                    shapes_checked.insert(p.shape.clone());
                }
                Err(e) => failures.push(format!("{}.{}: expected `{text}` in {e}", p.op, p.member)),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        shapes_checked.len() >= 30,
        "only {} shapes checked",
        shapes_checked.len()
    );
}
