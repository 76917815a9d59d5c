//! Hostile request bodies: shapes an attacker can send to any operation that needs no
//! authentication, each built at a chosen size. Shared by the criterion benchmark
//! `benches/hostile.rs` (growth with size) and the time-budget test
//! `tests/tests/hostile_bodies.rs` (which includes this file).

use cognito_idp::types::{DescribeUserPoolDomainResponse, SignUpRequest};
use cognito_idp::{Operation, Request, Response, Validate};

const SIGN_UP: &str =
    r#""ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Passw0rd!""#;

/// Repeats `item` (joined by `sep`) until the text reaches `size` bytes.
fn repeat_to(size: usize, item: &str, sep: &str) -> String {
    let n = size / (item.len() + sep.len()).max(1);
    let mut out = String::with_capacity(size + item.len());
    for i in 0..n.max(1) {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

/// A SignUp body with `members` after the required ones.
fn sign_up(members: &str) -> Vec<u8> {
    format!("{{{SIGN_UP},{members}}}").into_bytes()
}

/// A `CreateManagedLoginBranding` body whose `Settings` (a document) is `settings`.
fn branding(settings: &str) -> Vec<u8> {
    format!(r#"{{"UserPoolId":"us-east-1_abc","ClientId":"client","Settings":{settings}}}"#)
        .into_bytes()
}

/// What a case reads its body with.
#[derive(Debug, Clone, Copy)]
pub enum Path {
    /// `Request::from_http` on the operation's target.
    FromHttp(Operation),
    /// `Request::from_json`.
    RequestFromJson(Operation),
    /// `Response::from_json`.
    ResponseFromJson(Operation),
    /// serde_json into the type, then `validate()`.
    ValidateSignUp,
    /// serde_json into `DescribeUserPoolDomainResponse`, then `validate()`.
    ValidateDomain,
}

/// One hostile shape.
pub struct Case {
    /// What it is, for reports.
    pub name: &'static str,
    /// What reads it.
    pub path: Path,
    /// The body at (about) this many bytes.
    pub body: fn(usize) -> Vec<u8>,
}

/// Every shape.
pub fn cases() -> Vec<Case> {
    use Operation::*;
    use Path::*;
    vec![
        Case {
            name: "list of empty objects: a missing member in each",
            path: FromHttp(SignUp),
            body: |n| {
                sign_up(&format!(
                    r#""UserAttributes":[{}]"#,
                    repeat_to(n, "{}", ",")
                ))
            },
        },
        Case {
            name: "list of objects with a null required member",
            path: FromHttp(SignUp),
            body: |n| {
                let items = repeat_to(n, r#"{"Name":null}"#, ",");
                sign_up(&format!(r#""UserAttributes":[{items}]"#))
            },
        },
        Case {
            name: "list of objects with a violation in each",
            path: FromHttp(SignUp),
            body: |n| {
                let items = repeat_to(n, r#"{"Name":""}"#, ",");
                sign_up(&format!(r#""UserAttributes":[{items}]"#))
            },
        },
        Case {
            name: "two lists of missing members, and missing top-level members",
            path: FromHttp(AdminCreateUser),
            body: |n| {
                let items = repeat_to(n / 2, "{}", ",");
                format!(r#"{{"UserAttributes":[{items}],"ValidationData":[{items}]}}"#).into_bytes()
            },
        },
        Case {
            name: "list of strings with a violation in each",
            path: FromHttp(ListUsers),
            body: |n| {
                let items = repeat_to(n, r#""""#, ",");
                format!(r#"{{"UserPoolId":"us-east-1_abc","AttributesToGet":[{items}]}}"#)
                    .into_bytes()
            },
        },
        Case {
            name: "list of unknown enum values",
            path: FromHttp(AdminCreateUser),
            body: |n| {
                let items = repeat_to(n, r#""PIGEON""#, ",");
                format!(
                    r#"{{"UserPoolId":"us-east-1_abc","Username":"a","DesiredDeliveryMediums":[{items}]}}"#
                )
                .into_bytes()
            },
        },
        Case {
            name: "huge map",
            path: FromHttp(SignUp),
            body: |n| {
                let mut entries = String::with_capacity(n);
                let mut i = 0;
                while entries.len() < n {
                    if i > 0 {
                        entries.push(',');
                    }
                    entries.push_str(&format!(r#""key{i}":"value""#));
                    i += 1;
                }
                sign_up(&format!(r#""ClientMetadata":{{{entries}}}"#))
            },
        },
        Case {
            name: "map with one key repeated",
            path: FromHttp(SignUp),
            body: |n| {
                let entries = repeat_to(n, r#""k":"v""#, ",");
                sign_up(&format!(r#""ClientMetadata":{{{entries}}}"#))
            },
        },
        Case {
            name: "member repeated",
            path: FromHttp(SignUp),
            body: |n| sign_up(&repeat_to(n, r#""Username":"bob""#, ",")),
        },
        Case {
            name: "object member repeated, each with missing members",
            path: FromHttp(SignUp),
            body: |n| sign_up(&repeat_to(n, r#""UserAttributes":[{}]"#, ",")),
        },
        Case {
            name: "many unknown members",
            path: FromHttp(SignUp),
            body: |n| {
                let mut members = String::with_capacity(n);
                let mut i = 0;
                while members.len() < n {
                    if i > 0 {
                        members.push(',');
                    }
                    members.push_str(&format!(r#""Unknown{i}":[1,{{"a":null}}]"#));
                    i += 1;
                }
                sign_up(&members)
            },
        },
        Case {
            name: "deep nesting of lists in an unknown member",
            path: FromHttp(SignUp),
            body: |n| {
                sign_up(&format!(
                    r#""X":{}{}"#,
                    "[".repeat(n / 2),
                    "]".repeat(n / 2)
                ))
            },
        },
        Case {
            name: "deep nesting of objects in an unknown member",
            path: FromHttp(SignUp),
            body: |n| {
                let depth = n / 6;
                sign_up(&format!(
                    r#""X":{}1{}"#,
                    r#"{"a":"#.repeat(depth),
                    "}".repeat(depth)
                ))
            },
        },
        Case {
            name: "unclosed nesting in an unknown member",
            path: FromHttp(SignUp),
            body: |n| sign_up(&format!(r#""X":{}"#, "[".repeat(n))),
        },
        Case {
            name: "deep nesting where a list of structures belongs",
            path: FromHttp(SignUp),
            body: |n| sign_up(&format!(r#""UserAttributes":{}"#, "[".repeat(n))),
        },
        Case {
            name: "long string in a member with a pattern and a length limit",
            path: FromHttp(SignUp),
            body: |n| {
                format!(
                    r#"{{"ClientId":"{}","Username":"a","Password":"p"}}"#,
                    "a".repeat(n)
                )
                .into_bytes()
            },
        },
        Case {
            name: "long non-ASCII string in a member with a Unicode pattern",
            path: FromHttp(SignUp),
            body: |n| {
                format!(
                    r#"{{"ClientId":"a","Username":"{}","Password":"p"}}"#,
                    "é".repeat(n / 2)
                )
                .into_bytes()
            },
        },
        Case {
            name: "long string of escapes",
            path: FromHttp(SignUp),
            body: |n| {
                format!(
                    r#"{{"ClientId":"a","Username":"{}","Password":"p"}}"#,
                    r"\u00e9\n".repeat(n / 8)
                )
                .into_bytes()
            },
        },
        Case {
            name: "long string in an unknown member",
            path: FromHttp(SignUp),
            body: |n| sign_up(&format!(r#""X":"{}""#, "x\\\"".repeat(n / 3))),
        },
        Case {
            name: "long unknown key",
            path: FromHttp(SignUp),
            body: |n| sign_up(&format!(r#""{}":1"#, "k".repeat(n))),
        },
        Case {
            name: "long number",
            path: FromHttp(ListUsers),
            body: |n| {
                format!(
                    r#"{{"UserPoolId":"us-east-1_abc","Limit":1{}}}"#,
                    "0".repeat(n)
                )
                .into_bytes()
            },
        },
        Case {
            name: "long fraction in an unknown member",
            path: FromHttp(ListUsers),
            body: |n| {
                format!(
                    r#"{{"UserPoolId":"us-east-1_abc","X":0.{}1e5}}"#,
                    "0".repeat(n)
                )
                .into_bytes()
            },
        },
        Case {
            name: "whitespace",
            path: FromHttp(SignUp),
            body: |n| {
                format!(
                    "{}{{{SIGN_UP}}}{}",
                    " \n".repeat(n / 4),
                    "\t\r".repeat(n / 4)
                )
                .into_bytes()
            },
        },
        Case {
            name: "error at the end of a long body, over many lines",
            path: FromHttp(SignUp),
            body: |n| {
                let items = repeat_to(n, "{\"Name\":\"a\"}\n", ",");
                sign_up(&format!(r#""UserAttributes":[{items}],"Username":5"#))
            },
        },
        Case {
            name: "Request::from_json: list of empty objects",
            path: RequestFromJson(SignUp),
            body: |n| {
                sign_up(&format!(
                    r#""UserAttributes":[{}]"#,
                    repeat_to(n, "{}", ",")
                ))
            },
        },
        Case {
            name: "Request::from_json: huge map",
            path: RequestFromJson(SignUp),
            body: |n| {
                let entries = repeat_to(n, r#""k":"v""#, ",");
                sign_up(&format!(r#""ClientMetadata":{{{entries}}}"#))
            },
        },
        Case {
            name: "Response::from_json: list of users without usernames",
            path: ResponseFromJson(ListUsers),
            body: |n| {
                format!(
                    r#"{{"Users":[{}]}}"#,
                    repeat_to(n, r#"{"Attributes":[{}]}"#, ",")
                )
                .into_bytes()
            },
        },
        Case {
            name: "Response::from_json: many timestamps",
            path: ResponseFromJson(ListUsers),
            body: |n| {
                let users = repeat_to(
                    n,
                    r#"{"Username":"u","UserCreateDate":1700000000.123,"UserLastModifiedDate":-0.5e3}"#,
                    ",",
                );
                format!(r#"{{"Users":[{users}]}}"#).into_bytes()
            },
        },
        Case {
            name: "document: an object of distinct members",
            path: FromHttp(CreateManagedLoginBranding),
            body: |n| {
                let mut members = String::with_capacity(n + 32);
                let mut i = 0;
                while members.len() < n {
                    members.push_str(&format!(r#""k{i}":[1.50,null],"#));
                    i += 1;
                }
                branding(&format!(r#"{{{}"last":{{}}}}"#, members))
            },
        },
        Case {
            name: "document: an object whose last member repeats the first",
            path: FromHttp(CreateManagedLoginBranding),
            body: |n| {
                let mut members = String::with_capacity(n + 32);
                let mut i = 0;
                while members.len() < n {
                    members.push_str(&format!(r#""k{i}":1,"#));
                    i += 1;
                }
                branding(&format!(r#"{{{}"k0":2}}"#, members))
            },
        },
        Case {
            name: "document: arrays nested to the limit, repeated",
            path: FromHttp(CreateManagedLoginBranding),
            body: |n| {
                let one = format!("{}1e+16{}", "[".repeat(120), "]".repeat(120));
                branding(&format!("[{}]", repeat_to(n, &one, ",")))
            },
        },
        Case {
            name: "validate(): list of attributes with violations",
            path: ValidateSignUp,
            body: |n| {
                let items = repeat_to(n, r#"{"Name":"","Value":""}"#, ",");
                sign_up(&format!(r#""UserAttributes":[{items}]"#))
            },
        },
        Case {
            name: "validate(): long value under a look-behind pattern",
            path: ValidateDomain,
            body: |n| {
                format!(
                    r#"{{"DomainDescription":{{"S3Bucket":"{}."}}}}"#,
                    "a.".repeat(n / 2)
                )
                .into_bytes()
            },
        },
    ]
}

/// Runs one case; what it found, for the log.
pub fn run(path: Path, body: &[u8]) -> String {
    match path {
        Path::FromHttp(op) => match Request::from_http(op.target(), body) {
            Ok(_) => "accepted".into(),
            Err(e) => format!(
                "{} ({} bytes of message)",
                e.code(),
                e.message().map_or(0, str::len)
            ),
        },
        Path::RequestFromJson(op) => match Request::from_json(op, body) {
            Ok(_) => "read".into(),
            Err(e) => format!("error: {}", first_line(&e.to_string())),
        },
        Path::ResponseFromJson(op) => match Response::from_json(op, body) {
            Ok(_) => "read".into(),
            Err(e) => format!("error: {}", first_line(&e.to_string())),
        },
        Path::ValidateSignUp => {
            let value: SignUpRequest = serde_json::from_slice(body).expect("a SignUp body");
            match value.validate() {
                Ok(()) => "valid".into(),
                Err(e) => format!("{} violations", e.len()),
            }
        }
        Path::ValidateDomain => {
            let value: DescribeUserPoolDomainResponse =
                serde_json::from_slice(body).expect("a domain body");
            match value.validate() {
                Ok(()) => "valid".into(),
                Err(e) => format!("{} violations", e.len()),
            }
        }
    }
}

/// What serde_json does with the same bytes through the same type's serde impl (the
/// reading the crate's own reader must agree with): `true` when it reads them. A fair
/// baseline for bodies a `serde_json::Value` refuses early (nesting past its limit),
/// which serde_json skips whole in an unknown member.
pub fn serde_typed(path: Path, body: &[u8]) -> bool {
    use cognito_idp::types::*;
    fn read<T: serde::de::DeserializeOwned>(body: &[u8]) -> bool {
        serde_json::from_slice::<T>(body).is_ok()
    }
    match path {
        Path::FromHttp(op) | Path::RequestFromJson(op) => match op {
            Operation::SignUp => read::<SignUpRequest>(body),
            Operation::ListUsers => read::<ListUsersRequest>(body),
            Operation::AdminCreateUser => read::<AdminCreateUserRequest>(body),
            Operation::CreateManagedLoginBranding => {
                read::<CreateManagedLoginBrandingRequest>(body)
            }
            other => panic!("no serde reading for {other:?}"),
        },
        Path::ResponseFromJson(op) => match op {
            Operation::ListUsers => read::<ListUsersResponse>(body),
            other => panic!("no serde reading for {other:?}"),
        },
        Path::ValidateSignUp => read::<SignUpRequest>(body),
        Path::ValidateDomain => read::<DescribeUserPoolDomainResponse>(body),
    }
}

fn first_line(s: &str) -> &str {
    let s = s.lines().next().unwrap_or("");
    &s[..s.len().min(120)]
}
