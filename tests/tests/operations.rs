//! Every operation of the spec, checked against the spec at test time: metadata, routing,
//! and request and response bodies built from the schemas.

mod support;

use std::collections::BTreeSet;

use cognito_idp::{Operation, Request, Response};
use serde_json::{Value, json};
use specgen::ir::TypeKind;
use support::{Fill, api, bytes, operation, raw_operations, request_body, response_body};

/// Panics with every failure at once, so one run shows all broken operations.
fn assert_no_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}: {} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_153_operations_in_spec_order() {
    // Today's model (botocore 1.44.8); the older bundled spec had 103.
    let raw = raw_operations();
    assert_eq!(raw.len(), 153);
    assert_eq!(Operation::ALL.len(), 153);
    let names: Vec<&str> = Operation::ALL.iter().map(|op| op.name()).collect();
    let spec_names: Vec<&str> = raw.iter().map(|op| op.id.as_str()).collect();
    assert_eq!(names, spec_names);
    let distinct: BTreeSet<Operation> = Operation::ALL.iter().copied().collect();
    assert_eq!(distinct.len(), 153);
}

#[test]
fn names_and_targets_match_the_spec() {
    for raw in raw_operations() {
        let op = Operation::from_name(&raw.id)
            .unwrap_or_else(|| panic!("Operation::from_name({:?}) is None", raw.id));
        assert_eq!(op.name(), raw.id);
        assert_eq!(op.to_string(), raw.id);
        assert_eq!(op.target(), raw.target, "{}", raw.id);
        assert_eq!(op.target(), raw.header_target, "{}", raw.id);
        assert_eq!(
            op.target(),
            format!("AWSCognitoIdentityProviderService.{}", raw.id)
        );
        assert_eq!(Operation::from_target(&raw.target), Some(op));

        // Targets and names are exact: no case folding, no trimming, no bare names.
        assert_eq!(Operation::from_target(&raw.id), None);
        assert_eq!(
            Operation::from_target(&raw.target.to_ascii_lowercase()),
            None
        );
        assert_eq!(Operation::from_target(&format!(" {}", raw.target)), None);
        assert_eq!(Operation::from_target(&format!("{}x", raw.target)), None);
        assert_eq!(Operation::from_name(&raw.id.to_ascii_lowercase()), None);
        assert_eq!(Operation::from_name(&raw.target), None);
    }
    assert_eq!(Operation::from_target(""), None);
    assert_eq!(Operation::from_name(""), None);
}

#[test]
fn the_ir_agrees_with_the_document() {
    // The sample bodies below are built from specgen's IR; make sure it describes the same
    // operations and bodies as the YAML document.
    let api = api();
    let raw = raw_operations();
    assert_eq!(api.operations.len(), raw.len());
    let name = |id: Option<specgen::ir::TypeId>| id.map(|id| api.ty(id).schema_name.clone());
    for (ir, raw) in api.operations.iter().zip(raw) {
        assert_eq!(ir.id, raw.id);
        assert_eq!(ir.target.as_deref(), Some(raw.target.as_str()));
        assert_eq!(name(ir.input), raw.input, "{} input", raw.id);
        assert_eq!(name(ir.output), raw.output, "{} output", raw.id);
    }
}

#[test]
fn every_pattern_of_the_spec_has_a_valid_sample() {
    let api = api();
    assert_eq!(api.patterns.len(), cognito_idp::PATTERNS.len());
    let mut used = BTreeSet::new();
    for def in &api.patterns {
        let sample = support::sample_for_pattern(&def.source);
        used.insert(def.source.as_str());
        let pattern = cognito_idp::PATTERNS
            .iter()
            .find(|p| p.source() == def.source)
            .unwrap_or_else(|| panic!("cognito_idp::PATTERNS lacks {:?}", def.source));
        assert!(
            pattern.is_match(sample),
            "sample {sample:?} does not match {:?}",
            def.source
        );
    }
    for (source, _) in support::PATTERN_SAMPLES {
        assert!(
            used.contains(source),
            "PATTERN_SAMPLES has {source:?}, which the spec does not use"
        );
    }
}

fn check_request(op: &specgen::ir::Operation, fill: Fill, failures: &mut Vec<String>) {
    let expected = operation(op);
    let body = request_body(op, fill);
    let target = op.target.as_deref().expect("AWS JSON target");
    match Request::from_http(target, &bytes(&body)) {
        Ok(request) => {
            if request.operation() != expected {
                failures.push(format!(
                    "{}: operation() is {:?}",
                    op.id,
                    request.operation()
                ));
            }
            let back = serde_json::to_value(&request).expect("serialize");
            if back != body {
                failures.push(format!("{}: sent {body}\n  serialized back {back}", op.id));
            }
        }
        Err(e) => failures.push(format!("{}: {body} rejected: {e}", op.id)),
    }
}

#[test]
fn requests_with_their_required_members_round_trip() {
    let mut failures = Vec::new();
    for op in &api().operations {
        check_request(op, Fill::Required, &mut failures);
    }
    assert_no_failures("required-member requests", &failures);
}

#[test]
fn requests_with_all_members_round_trip() {
    let mut failures = Vec::new();
    for op in &api().operations {
        check_request(op, Fill::All, &mut failures);
    }
    assert_no_failures("all-member requests", &failures);
}

#[test]
fn sample_requests_are_not_trivial() {
    // Guards the generator of the bodies above: a sampler that wrote `{}` everywhere would
    // make the round trips pass vacuously.
    let api = api();
    let sign_up = api.operations.iter().find(|o| o.id == "SignUp").unwrap();
    let body = request_body(sign_up, Fill::Required);
    assert_eq!(
        body,
        // `Password` is optional in today's model (passwordless sign-up).
        json!({
            "ClientId": "4c5ebn6bojtlrmu9q9oll6gqrg",
            "Username": "Zoë.name"
        })
    );
    let all = request_body(sign_up, Fill::All);
    let members: Vec<&String> = all.as_object().unwrap().keys().collect();
    assert_eq!(
        members,
        [
            "AnalyticsMetadata",
            "ClientId",
            "ClientMetadata",
            "Password",
            "SecretHash",
            "UserAttributes",
            "UserContextData",
            "Username",
            "ValidationData"
        ]
    );
    let with_required = api
        .operations
        .iter()
        .filter(|op| {
            request_body(op, Fill::Required)
                .as_object()
                .is_some_and(|m| !m.is_empty())
        })
        .count();
    // Most Cognito operations name a pool, a client, a user or a token.
    assert!(with_required > 90, "only {with_required} non-empty bodies");
}

#[test]
fn a_missing_required_member_is_reported_as_aws_does() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for op in &api().operations {
        let Some(input) = op.input else { continue };
        let TypeKind::Struct(s) = &api().ty(input).kind else {
            panic!("{}: input is not a structure", op.id)
        };
        let body = request_body(op, Fill::Required);
        for field in s.fields.iter().filter(|f| f.required) {
            for replacement in [None, Some(Value::Null)] {
                let mut body = body.clone();
                let map = body.as_object_mut().unwrap();
                match &replacement {
                    None => map.remove(&field.wire_name),
                    Some(v) => map.insert(field.wire_name.clone(), v.clone()),
                };
                let err = Request::from_http(op.target.as_deref().unwrap(), &bytes(&body))
                    .expect_err("a required member is missing");
                let expected = format!(
                    "1 validation error detected: Value null at '{}' failed to satisfy \
                     constraint: Member must not be null",
                    field.path_name
                );
                if err.code() != "InvalidParameterException"
                    || err.message() != Some(expected.as_str())
                {
                    failures.push(format!(
                        "{} without {} ({replacement:?}): {err}",
                        op.id, field.wire_name
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "checked only {checked} members");
    assert_no_failures("missing required members", &failures);
}

fn check_response(op: &specgen::ir::Operation, fill: Fill, failures: &mut Vec<String>) {
    let expected = operation(op);
    let Some(body) = response_body(op, fill) else {
        return;
    };
    match Response::from_json(expected, &bytes(&body)) {
        Ok(response) => {
            if response.operation() != expected {
                failures.push(format!(
                    "{}: operation() is {:?}",
                    op.id,
                    response.operation()
                ));
            }
            let back = serde_json::to_value(&response).expect("serialize");
            if back != body {
                failures.push(format!("{}: read {body}\n  serialized back {back}", op.id));
            }
        }
        Err(e) => failures.push(format!("{}: {body} rejected: {e}", op.id)),
    }
}

#[test]
fn responses_with_their_required_members_round_trip() {
    let mut failures = Vec::new();
    for op in &api().operations {
        check_response(op, Fill::Required, &mut failures);
    }
    assert_no_failures("required-member responses", &failures);
}

#[test]
fn responses_with_all_members_round_trip() {
    let mut failures = Vec::new();
    for op in &api().operations {
        check_response(op, Fill::All, &mut failures);
    }
    assert_no_failures("all-member responses", &failures);
}

#[test]
fn responses_with_required_members_reject_an_empty_object() {
    // A client must not invent a required member the service left out; an output without
    // required members reads `{}` and an empty body alike.
    let mut failures = Vec::new();
    for op in &api().operations {
        let Some(output) = op.output else { continue };
        let TypeKind::Struct(s) = &api().ty(output).kind else {
            panic!("{}: output is not a structure", op.id)
        };
        let has_required = s.fields.iter().any(|f| f.required);
        for body in [&b"{}"[..], b"", b" \n"] {
            let result = Response::from_json(operation(op), body);
            if result.is_ok() == has_required {
                failures.push(format!(
                    "{} ({} required): {:?} gave {result:?}",
                    op.id,
                    if has_required { "with" } else { "none" },
                    String::from_utf8_lossy(body)
                ));
            }
        }
    }
    assert_no_failures("empty response bodies", &failures);
}

#[test]
fn operations_without_a_response_body_read_and_write_an_empty_object() {
    let mut without = 0;
    for raw in raw_operations() {
        if raw.output.is_some() {
            continue;
        }
        without += 1;
        let op = Operation::from_name(&raw.id).unwrap();
        for body in [&b""[..], b"{}", b"  {} ", b"{\"Unexpected\": [1, 2]}"] {
            let response = Response::from_json(op, body).unwrap_or_else(|e| {
                panic!(
                    "{}: {:?} rejected: {e}",
                    raw.id,
                    String::from_utf8_lossy(body)
                )
            });
            assert_eq!(response.operation(), op);
            assert_eq!(serde_json::to_string(&response).unwrap(), "{}");
        }
        assert!(Response::from_json(op, b"{").is_err(), "{}", raw.id);
    }
    // AdminAddUserToGroup, DeleteGroup, DeleteUserPool, ... answer `200` with no content.
    assert!(without >= 10, "only {without} operations without output");
}

#[test]
fn response_operation_matches_for_every_operation() {
    for &op in Operation::ALL {
        let ir = api().operations.iter().find(|o| o.id == op.name()).unwrap();
        let body = response_body(ir, Fill::Required).unwrap_or(json!({}));
        let response = Response::from_json(op, &bytes(&body)).expect("minimal response");
        assert_eq!(response.operation(), op);
    }
}
