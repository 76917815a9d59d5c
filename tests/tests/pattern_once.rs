//! Each distinct pattern is compiled at most once per process, lazily, and shared between
//! threads.
//!
//! This is its own test binary: the compilation counter is process-wide, and no other test
//! may compile patterns behind its back. The two tests below share one recorded run of the
//! threaded rounds, which always happens before any test compiles patterns on its own.

mod support;

use std::collections::BTreeSet;
use std::sync::{Barrier, OnceLock};
use std::thread;

use cognito_idp::types::DescribeUserPoolDomainResponse;
use cognito_idp::{PATTERNS, Request, Validate};
use serde_json::{Value, json};
use specgen_runtime::pattern::compilations;

const THREADS: usize = 8;
const POOL: &str = "us-east-1_AbCdEfGhI";
const CLIENT: &str = "4c5ebn6bojtlrmu9q9oll6gqrg";
const ARN: &str = "arn:aws:iam::123456789012:role/cognito";

/// Valid request bodies that, together, reach every pattern a request can reach.
fn request_bodies() -> Vec<(&'static str, Value)> {
    vec![
        (
            "SignUp",
            json!({"ClientId": CLIENT, "SecretHash": "abc+/=", "Username": "alice",
                   "Password": "Correct-Horse-9",
                   "UserAttributes": [{"Name": "email", "Value": "alice@example.com"}]}),
        ),
        (
            "AdminGetDevice",
            json!({"DeviceKey": "us-east-1_0123abcd-ef01", "UserPoolId": POOL, "Username": "alice"}),
        ),
        (
            "VerifySoftwareToken",
            json!({"AccessToken": "eyJ.abc-def_ghi=", "UserCode": "123456"}),
        ),
        (
            "UpdateAuthEventFeedback",
            json!({"UserPoolId": POOL, "Username": "bob", "EventId": "ev-1",
                   "FeedbackToken": "tok", "FeedbackValue": "Valid"}),
        ),
        (
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web app",
                   "AnalyticsConfiguration": {"ApplicationId": "0a1b2c", "RoleArn": ARN},
                   "AllowedOAuthScopes": ["openid"],
                   "CallbackURLs": ["https://example.com/cb"]}),
        ),
        (
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "corp", "ProviderType": "SAML",
                   "ProviderDetails": {}, "IdpIdentifiers": ["example.com"]}),
        ),
        (
            "CreateUserPoolDomain",
            json!({"Domain": "my-domain", "UserPoolId": POOL}),
        ),
        (
            "CreateUserPool",
            json!({"PoolName": "my pool",
                   "SmsVerificationMessage": "Code {####}",
                   "EmailVerificationMessage": "Code {####}",
                   "EmailVerificationSubject": "Code",
                   "VerificationMessageTemplate": {"EmailMessageByLink": "Click {##here##}"},
                   "EmailConfiguration": {"ReplyToEmailAddress": "a@example.com",
                                          "ConfigurationSet": "my-set"}}),
        ),
        (
            "StartUserImportJob",
            json!({"UserPoolId": POOL, "JobId": "import-abc"}),
        ),
        (
            "CreateResourceServer",
            json!({"UserPoolId": POOL, "Identifier": "https://api.example.com", "Name": "api",
                   "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read"}]}),
        ),
        (
            "ListUsers",
            json!({"UserPoolId": POOL, "PaginationToken": "next"}),
        ),
    ]
}

/// A response that carries `S3BucketType`, the one look-around pattern (no request has it).
fn domain_description() -> Value {
    json!({"DomainDescription": {"AWSAccountId": "123456789012", "S3Bucket": "my.bucket"}})
}

/// Patterns the bodies above reach, as written in the spec: found by walking each body
/// beside its schema in specgen's IR (which compiles patterns with the `regex` crate
/// directly, not through the runtime's counted statics).
fn reached() -> BTreeSet<String> {
    use specgen::ir::{Api, Shape, ShapeKind, TypeKind};
    fn walk(api: &Api, shape: &Shape, value: &Value, out: &mut BTreeSet<String>) {
        let shape = api.resolve(shape);
        match (&shape.kind, value) {
            (ShapeKind::String, Value::String(_)) => {
                if let Some(p) = shape.constraints.pattern {
                    out.insert(api.patterns[p.0].source.clone());
                }
            }
            (ShapeKind::List(inner), Value::Array(items)) => {
                items.iter().for_each(|v| walk(api, inner, v, out));
            }
            (ShapeKind::Map(inner), Value::Object(map)) => {
                map.values().for_each(|v| walk(api, inner, v, out));
            }
            (ShapeKind::Named(id), _) => match &api.ty(*id).kind {
                TypeKind::Struct(st) | TypeKind::Exception(st) => {
                    for f in &st.fields {
                        if let Some(v) = value.get(&f.wire_name) {
                            walk(api, &f.shape, v, out);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    let api = support::api();
    let named = |schema: &str| {
        let id = api
            .types
            .iter()
            .position(|t| t.schema_name == schema)
            .unwrap_or_else(|| panic!("no schema {schema}"));
        Shape::plain(ShapeKind::Named(specgen::ir::TypeId(id)))
    };
    let mut out = BTreeSet::new();
    for (op, body) in request_bodies() {
        walk(api, &named(&format!("{op}Request")), &body, &mut out);
    }
    walk(
        api,
        &named("DescribeUserPoolDomainResponse"),
        &domain_description(),
        &mut out,
    );
    out
}

/// What the process looked like around the two threaded rounds.
struct Rounds {
    compilations_before: usize,
    compiled_before: usize,
    compilations_after_first: usize,
    compiled_count_after_first: usize,
    compiled_after_first: BTreeSet<&'static str>,
    compilations_after_second: usize,
    compiled_after_second: BTreeSet<&'static str>,
}

fn compiled_count() -> usize {
    PATTERNS.iter().filter(|p| p.is_compiled()).count()
}

fn compiled_sources() -> BTreeSet<&'static str> {
    PATTERNS
        .iter()
        .filter(|p| p.is_compiled())
        .map(|p| p.source())
        .collect()
}

/// Every thread validates every body, starting together; each thread panics if a body is
/// not accepted (a rejected body might not have reached its patterns).
fn round(bodies: &[(String, Vec<u8>)], domain: &[u8]) {
    let barrier = Barrier::new(THREADS);
    thread::scope(|s| {
        for t in 0..THREADS {
            let barrier = &barrier;
            s.spawn(move || {
                barrier.wait();
                // Each thread starts at a different body, so first uses collide.
                for i in 0..bodies.len() {
                    let (target, body) = &bodies[(i + t) % bodies.len()];
                    if let Err(e) = Request::from_http(target, body) {
                        panic!("{target} rejected: {e}");
                    }
                }
                let response: DescribeUserPoolDomainResponse =
                    serde_json::from_slice(domain).expect("response reads");
                response.validate().expect("domain description is valid");
            });
        }
    });
}

/// Runs the two rounds once per process, before anything else compiles patterns.
fn rounds() -> &'static Rounds {
    static ROUNDS: OnceLock<Rounds> = OnceLock::new();
    ROUNDS.get_or_init(|| {
        let bodies: Vec<(String, Vec<u8>)> = request_bodies()
            .into_iter()
            .map(|(op, body)| {
                (
                    format!("AWSCognitoIdentityProviderService.{op}"),
                    serde_json::to_vec(&body).unwrap(),
                )
            })
            .collect();
        let domain = serde_json::to_vec(&domain_description()).unwrap();
        let compilations_before = compilations();
        let compiled_before = compiled_count();
        round(&bodies, &domain);
        let compilations_after_first = compilations();
        let compiled_count_after_first = compiled_count();
        let compiled_after_first = compiled_sources();
        round(&bodies, &domain);
        Rounds {
            compilations_before,
            compiled_before,
            compilations_after_first,
            compiled_count_after_first,
            compiled_after_first,
            compilations_after_second: compilations(),
            compiled_after_second: compiled_sources(),
        }
    })
}

#[test]
fn patterns_compile_lazily_once_and_shared_across_threads() {
    let r = rounds();
    // Lazy: nothing is compiled before the first validation.
    assert_eq!(r.compilations_before, 0);
    assert_eq!(r.compiled_before, 0);

    // The first round compiled the patterns it reached, each once, although eight threads
    // reached each of them at about the same time. Patterns that are one repeated class
    // decide ASCII values with a bitmap and need no regex for these bodies.
    let reached = reached();
    let reached: BTreeSet<&str> = reached.iter().map(String::as_str).collect();
    let not_reached: Vec<&str> = PATTERNS
        .iter()
        .map(|p| p.source())
        .filter(|p| !reached.contains(p))
        .collect();
    // The bodies reach most patterns, not all: the rest show that compiling is lazy.
    assert!(reached.len() >= 20, "{reached:?}");
    assert!(!not_reached.is_empty());
    let needs_regex: BTreeSet<&str> = PATTERNS
        .iter()
        .filter(|p| !p.has_class_run() && reached.contains(p.source()))
        .map(|p| p.source())
        .collect();
    assert!(!needs_regex.is_empty());
    assert!(r.compiled_after_first.is_subset(&reached));
    assert!(needs_regex.is_subset(&r.compiled_after_first));
    assert_eq!(r.compilations_after_first, r.compiled_count_after_first);
    assert!(r.compilations_after_first <= PATTERNS.len());
    for source in not_reached {
        assert!(
            !r.compiled_after_first.contains(source),
            "{source} compiled without use"
        );
    }

    // The second round compiled nothing new.
    assert_eq!(r.compilations_after_second, r.compilations_after_first);
    assert_eq!(r.compiled_after_second, r.compiled_after_first);
}

#[test]
fn patterns_are_distinct_and_all_of_them_compile() {
    let r = rounds();
    // "Once per distinct pattern" needs one entry per distinct pattern text.
    let sources: BTreeSet<&str> = PATTERNS.iter().map(|p| p.source()).collect();
    assert_eq!(sources.len(), PATTERNS.len(), "duplicate pattern entries");
    for source in &reached() {
        assert!(
            sources.contains(source.as_str()),
            "{source} is not in PATTERNS"
        );
    }

    for pattern in PATTERNS {
        if let Err(e) = pattern.check() {
            panic!("pattern {} does not compile: {e}", pattern.source());
        }
        assert!(pattern.is_compiled(), "{}", pattern.source());
    }
    // Every pattern is compiled now, each exactly once, in this whole process.
    assert_eq!(compilations(), PATTERNS.len());
    assert!(r.compilations_after_second <= compilations());
    for pattern in PATTERNS {
        pattern.check().unwrap();
    }
    assert_eq!(compilations(), PATTERNS.len());
}
