//! One request-path contender in a plain loop, for profilers (not run by `cargo bench`):
//!
//! ```sh
//! cargo bench -p specgen-bench --bench request_loop --no-run   # prints the binary's path
//! valgrind --tool=callgrind <binary> sign_up valid cognito_deserialize 20000
//! perf record -g <binary> create_user_pool valid cognito_from_http 200000
//! ```
//!
//! Arguments: operation (`sign_up`, `admin_create_user`, `create_user_pool`), body (`valid`,
//! `invalid`), contender (`plain_serde`, `cognito_deserialize`,
//! `cognito_deserialize_validate`, `cognito_validate`, `cognito_from_http`, and for `sign_up`
//! also `garde_deserialize_validate`, `json_value_parse`, `jsonschema_validate`), iterations.
//! With `none` as the contender only the setup runs, so that a profile of it can be
//! subtracted.

use std::hint::black_box;
use std::process::ExitCode;

use cognito_idp::types::{AdminCreateUserRequest, CreateUserPoolRequest, SignUpRequest};
use cognito_idp::{Request, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value;
use specgen_bench::bodies::{self, Case};
use specgen_bench::{garde_mirror, plain, schema};

fn run<P, C>(case: &Case, body: &[u8], contender: &str, iterations: u64) -> Result<(), String>
where
    P: DeserializeOwned,
    C: DeserializeOwned + Validate,
{
    let parsed = serde_json::from_slice::<C>(body).map_err(|e| e.to_string())?;
    let sign_up = case.name == bodies::SIGN_UP.name;
    let validator = if sign_up && contender == "jsonschema_validate" {
        let path = specgen_bench::repo_root().join("tests/fixtures/cognito-idp-apisguru.json");
        let spec: Value = serde_json::from_slice(&std::fs::read(path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        let doc = schema::for_component(&spec, "SignUpRequest");
        Some(jsonschema::draft7::new(&doc).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let value: Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    for _ in 0..iterations {
        match contender {
            "none" => {}
            "plain_serde" => {
                let _ = black_box(serde_json::from_slice::<P>(black_box(body)));
            }
            "cognito_deserialize" => {
                let _ = black_box(serde_json::from_slice::<C>(black_box(body)));
            }
            "cognito_deserialize_validate" => {
                let v = serde_json::from_slice::<C>(black_box(body)).map_err(|e| e.to_string())?;
                let _ = black_box(v.validate());
            }
            "cognito_validate" => {
                let _ = black_box(black_box(&parsed).validate());
            }
            "cognito_from_http" => {
                let _ = black_box(Request::from_http(case.target, black_box(body)));
            }
            "garde_deserialize_validate" if sign_up => {
                use garde::Validate as _;
                let v = serde_json::from_slice::<garde_mirror::SignUpRequest>(black_box(body))
                    .map_err(|e| e.to_string())?;
                let _ = black_box(v.validate());
            }
            "json_value_parse" if sign_up => {
                let _ = black_box(serde_json::from_slice::<Value>(black_box(body)));
            }
            "jsonschema_validate" if sign_up => {
                let validator = validator.as_ref().expect("built above");
                let _ = black_box(validator.iter_errors(black_box(&value)).count());
            }
            other => return Err(format!("unknown contender `{other}` for {}", case.name)),
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; this target only runs when asked explicitly.
    if args.len() != 4 {
        eprintln!("usage: request_loop <operation> <valid|invalid> <contender> <iterations>");
        return ExitCode::from(2);
    }
    let Some(case) = bodies::ALL.iter().find(|c| c.name == args[0]) else {
        eprintln!("unknown operation `{}`", args[0]);
        return ExitCode::from(2);
    };
    let body = match args[1].as_str() {
        "valid" => case.valid,
        "invalid" => case.invalid,
        other => {
            eprintln!("body must be `valid` or `invalid`, not `{other}`");
            return ExitCode::from(2);
        }
    };
    let Ok(iterations) = args[3].parse::<u64>() else {
        eprintln!("iterations must be a number");
        return ExitCode::from(2);
    };
    let contender = args[2].as_str();
    let result = match case.name {
        "sign_up" => run::<plain::SignUpRequest, SignUpRequest>(case, body, contender, iterations),
        "admin_create_user" => run::<plain::AdminCreateUserRequest, AdminCreateUserRequest>(
            case, body, contender, iterations,
        ),
        _ => run::<plain::CreateUserPoolRequest, CreateUserPoolRequest>(
            case, body, contender, iterations,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
