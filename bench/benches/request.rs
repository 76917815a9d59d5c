//! The request path: reading (and validating) SignUp, AdminCreateUser and CreateUserPool
//! bodies, `cognito_idp` side by side with a plain serde struct (the baseline), `garde` and
//! `jsonschema`, on the same bytes.
//!
//! Groups are `request/<operation>/<valid|invalid>`, with these functions:
//!
//! - `plain_serde`: the hand-written serde mirror ([`specgen_bench::plain`]), no validation;
//! - `cognito_deserialize`: `serde_json::from_slice` into the `cognito_idp` type;
//! - `cognito_deserialize_validate`: the same, then `Validate::validate`;
//! - `cognito_from_http`: `Request::from_http` (routing, parsing, validation, and for an
//!   invalid body the AWS error with its message);
//! - SignUp only: `garde_deserialize_validate` (the `garde` mirror), `json_value_parse`
//!   (`serde_json::Value`), `jsonschema_validate` (every error, on the parsed `Value`) and
//!   `jsonschema_is_valid` (the boolean fast path).
//!
//! The `validate/<operation>/<valid|invalid>` groups time `validate()` alone on an
//! already-parsed `cognito_idp` value (`cognito_validate`), for the validate/deserialize
//! ratio.

use std::hint::black_box;
use std::time::Duration;

use cognito_idp::types::{AdminCreateUserRequest, CreateUserPoolRequest, SignUpRequest};
use cognito_idp::{Request, Validate};
use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use specgen_bench::bodies::{self, Case};
use specgen_bench::{garde_mirror, plain, schema};

/// Short runs: the numbers are read as ratios within one run.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
}

/// Which body of a [`Case`].
#[derive(Clone, Copy)]
enum Kind {
    Valid,
    Invalid,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Valid => "valid",
            Kind::Invalid => "invalid",
        }
    }

    fn body(self, case: &Case) -> &'static [u8] {
        match self {
            Kind::Valid => case.valid,
            Kind::Invalid => case.invalid,
        }
    }
}

/// Checks that every contender reads `body` and agrees on whether it is valid, so that the
/// timed loops measure the intended paths.
fn check_case<P, C>(case: &Case, kind: Kind)
where
    P: DeserializeOwned,
    C: DeserializeOwned + Validate,
{
    let body = kind.body(case);
    let what = format!("{} {}", case.name, kind.name());
    serde_json::from_slice::<P>(body)
        .unwrap_or_else(|e| panic!("plain serde cannot read the {what} body: {e}"));
    let value = serde_json::from_slice::<C>(body)
        .unwrap_or_else(|e| panic!("cognito_idp cannot read the {what} body: {e}"));
    let routed = Request::from_http(case.target, body);
    match (kind, value.validate()) {
        (Kind::Valid, Ok(())) => assert!(routed.is_ok(), "from_http rejects the {what} body"),
        (Kind::Valid, Err(e)) => panic!("the {what} body does not validate: {e}"),
        (Kind::Invalid, Ok(())) => panic!("the {what} body validates"),
        (Kind::Invalid, Err(e)) => {
            assert_eq!(
                e.len(),
                case.violations,
                "violations of the {what} body: {e}"
            );
            assert!(routed.is_err(), "from_http accepts the {what} body");
        }
    }
}

/// The functions every case has.
fn common<P, C>(group: &mut BenchmarkGroup<'_, WallTime>, case: &Case, kind: Kind)
where
    P: DeserializeOwned,
    C: DeserializeOwned + Validate,
{
    let body = kind.body(case);
    group.bench_function("plain_serde", |b| {
        b.iter(|| serde_json::from_slice::<P>(black_box(body)))
    });
    group.bench_function("cognito_deserialize", |b| {
        b.iter(|| serde_json::from_slice::<C>(black_box(body)))
    });
    group.bench_function("cognito_deserialize_validate", |b| {
        b.iter(|| {
            let value = serde_json::from_slice::<C>(black_box(body)).expect("reads");
            value.validate().map(|()| value)
        })
    });
    let target = case.target;
    group.bench_function("cognito_from_http", |b| {
        b.iter(|| Request::from_http(black_box(target), black_box(body)))
    });
}

/// `validate()` alone, on a value parsed once.
fn validate_only<C>(c: &mut Criterion, case: &Case, kind: Kind)
where
    C: DeserializeOwned + Validate,
{
    let value = serde_json::from_slice::<C>(kind.body(case)).expect("reads");
    let mut group = c.benchmark_group(format!("validate/{}/{}", case.name, kind.name()));
    group.bench_function("cognito_validate", |b| {
        b.iter(|| black_box(&value).validate())
    });
    group.finish();
}

fn operation<P, C>(c: &mut Criterion, case: &Case)
where
    P: DeserializeOwned,
    C: DeserializeOwned + Validate,
{
    for kind in [Kind::Valid, Kind::Invalid] {
        check_case::<P, C>(case, kind);
        let mut group = c.benchmark_group(format!("request/{}/{}", case.name, kind.name()));
        common::<P, C>(&mut group, case, kind);
        group.finish();
        validate_only::<C>(c, case, kind);
    }
}

/// SignUp, with the peers.
fn sign_up(c: &mut Criterion) {
    let case = bodies::SIGN_UP;
    let spec_path = specgen_bench::repo_root().join("tests/fixtures/cognito-idp-apisguru.json");
    let spec: Value =
        serde_json::from_slice(&std::fs::read(&spec_path).expect("the Cognito JSON spec"))
            .expect("the spec is JSON");
    let json_schema = schema::for_component(&spec, "SignUpRequest");
    let validator = jsonschema::draft7::new(&json_schema).expect("the schema compiles");

    for kind in [Kind::Valid, Kind::Invalid] {
        check_case::<plain::SignUpRequest, SignUpRequest>(&case, kind);
        let body = kind.body(&case);
        let parsed: Value = serde_json::from_slice(body).expect("JSON");
        // The peers must agree with cognito_idp about the body.
        let garde_result = {
            use garde::Validate as _;
            serde_json::from_slice::<garde_mirror::SignUpRequest>(body)
                .expect("garde mirror reads")
                .validate()
        };
        let schema_errors = validator.iter_errors(&parsed).count();
        match kind {
            Kind::Valid => {
                assert!(garde_result.is_ok(), "garde rejects: {garde_result:?}");
                assert_eq!(schema_errors, 0, "jsonschema rejects the valid body");
            }
            Kind::Invalid => {
                let garde_errors = garde_result.expect_err("garde accepts").iter().count();
                assert!(garde_errors >= 3, "garde finds {garde_errors} errors");
                assert!(
                    schema_errors >= 3,
                    "jsonschema finds {schema_errors} errors"
                );
                println!(
                    "sign_up invalid: cognito_idp {} violations, garde {garde_errors}, \
                     jsonschema {schema_errors}",
                    case.violations
                );
            }
        }

        let mut group = c.benchmark_group(format!("request/{}/{}", case.name, kind.name()));
        common::<plain::SignUpRequest, SignUpRequest>(&mut group, &case, kind);
        group.bench_function("garde_deserialize_validate", |b| {
            use garde::Validate as _;
            b.iter(|| {
                let value = serde_json::from_slice::<garde_mirror::SignUpRequest>(black_box(body))
                    .expect("reads");
                value.validate().map(|()| value)
            })
        });
        group.bench_function("json_value_parse", |b| {
            b.iter(|| serde_json::from_slice::<Value>(black_box(body)))
        });
        group.bench_function("jsonschema_validate", |b| {
            b.iter(|| {
                validator
                    .iter_errors(black_box(&parsed))
                    .collect::<Vec<_>>()
                    .len()
            })
        });
        group.bench_function("jsonschema_is_valid", |b| {
            b.iter(|| validator.is_valid(black_box(&parsed)))
        });
        group.finish();
        validate_only::<SignUpRequest>(c, &case, kind);
    }
}

fn admin_create_user(c: &mut Criterion) {
    operation::<plain::AdminCreateUserRequest, AdminCreateUserRequest>(
        c,
        &bodies::ADMIN_CREATE_USER,
    );
}

fn create_user_pool(c: &mut Criterion) {
    operation::<plain::CreateUserPoolRequest, CreateUserPoolRequest>(c, &bodies::CREATE_USER_POOL);
}

criterion_group! {
    name = benches;
    config = config();
    targets = sign_up, admin_create_user, create_user_pool
}
criterion_main!(benches);
