//! The JSON reader behind `Request::from_http` and the `from_json` functions agrees with the
//! types' serde impls: on valid bodies and on mutated ones, both read the same value or
//! both refuse. Every structure, union and enum is checked on bodies made from its samples;
//! a few request and response types also on random mutations.

mod support;

use cognito_idp::types::{
    AdminCreateUserRequest, CreateUserPoolRequest, DescribeUserPoolResponse, ListUsersResponse,
    SignUpRequest, UpdateUserPoolClientRequest, UserType,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use specgen::ir::{TypeId, TypeKind};
use specgen_runtime::json::{Read, from_slice};
use support::{Fill, api, sample_type};

include!(concat!(env!("OUT_DIR"), "/every_type.rs"));

/// The type of a schema of the spec.
fn type_of(schema: &str) -> TypeId {
    let position = api().types.iter().position(|t| t.schema_name == schema);
    TypeId(position.unwrap_or_else(|| panic!("no schema {schema}")))
}

fn sample(schema: &str) -> Value {
    sample_type(api(), type_of(schema), Fill::All)
}

/// Both readers on the same bytes: same value, or both errors.
fn agree<T>(bytes: &[u8]) -> Result<(), TestCaseError>
where
    T: Read + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = from_slice::<T>(bytes);
    let serde = serde_json::from_slice::<T>(bytes);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        _ => prop_assert!(
            false,
            "disagree on {:?}: reader {:?}, serde {:?}",
            String::from_utf8_lossy(bytes),
            ours.map(|_| ()),
            serde.map(|_| ())
        ),
    }
    Ok(())
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1_000_000i64..1_000_000).prop_map(|i| json!(i as f64 / 100.0)),
        "[a-zA-Z0-9 _.@+=/-]{0,12}".prop_map(Value::from),
        "[\\PC\u{0}-\u{1f}\"\\\\]{0,8}".prop_map(Value::from),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Replaces the `n`-th node (in a depth-first walk) with `new`, or removes it from its
/// object when `remove` is set.
fn mutate(value: &mut Value, n: &mut usize, new: &Value, remove: bool) -> bool {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if *n == 0 {
                    if remove {
                        map.remove(&k);
                    } else {
                        map.insert(k, new.clone());
                    }
                    return true;
                }
                *n -= 1;
                if mutate(map.get_mut(&k).unwrap(), n, new, remove) {
                    return true;
                }
            }
            false
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                if *n == 0 {
                    *item = new.clone();
                    return true;
                }
                *n -= 1;
                if mutate(item, n, new, remove) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

macro_rules! differential {
    ($($test:ident: $ty:ty = $schema:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            #[test]
            fn $test(node in 0usize..64, new in any_json(), remove in any::<bool>(), cut in 0usize..2000) {
                let mut body = sample($schema);
                agree::<$ty>(&serde_json::to_vec(&body).unwrap())?;
                let mut n = node;
                mutate(&mut body, &mut n, &new, remove);
                let bytes = serde_json::to_vec(&body).unwrap();
                agree::<$ty>(&bytes)?;
                // Cut short, and with its whitespace and escapes intact.
                agree::<$ty>(&bytes[..cut.min(bytes.len())])?;
                agree::<$ty>(serde_json::to_string_pretty(&body).unwrap().as_bytes())?;
            }
        }
    )*};
}

differential! {
    sign_up: SignUpRequest = "SignUpRequest";
    admin_create_user: AdminCreateUserRequest = "AdminCreateUserRequest";
    create_user_pool: CreateUserPoolRequest = "CreateUserPoolRequest";
    update_user_pool_client: UpdateUserPoolClientRequest = "UpdateUserPoolClientRequest";
    describe_user_pool: DescribeUserPoolResponse = "DescribeUserPoolResponse";
    list_users: ListUsersResponse = "ListUsersResponse";
    user: UserType = "UserType";
}

#[test]
fn escapes_unicode_and_numbers_agree() {
    let bodies: &[&[u8]] = &[
        br#"{"Username":"a\u00e9\ud83d\ude00\n\t\"\\\/","Enabled":true,"UserCreateDate":1.7e9}"#,
        br#"{"Username":"x","UserCreateDate":-0.0}"#,
        br#"{"Username":"x","UserCreateDate":1700000000.123456}"#,
        br#"{"Username":"\ud800"}"#,
        br#"{"Username":"\udc00x"}"#,
        br#"{"Username":"x\u0000y"}"#,
        b"{\"Username\":\"\xff\"}",
        b"{\"Username\":\"caf\xc3\xa9 \xe2\x82\xac\"}",
        br#"{"Username":"x","Attributes":[{"Name":"a"},{"Name":"b","Value":null}]}"#,
        br#"{"Username":"x","UserCreateDate":1e999}"#,
        br#"{"Username":"x","UserCreateDate":01}"#,
        br#"{"Username":"x",}"#,
        br#"{"Username":"x"} "#,
        br#" {"Username":"x"} x"#,
        br#"{"Username":null}"#,
        br#"{"Username":"x","Username":"y"}"#,
    ];
    for body in bodies {
        if let Err(e) = agree::<UserType>(body) {
            panic!("{e}");
        }
    }
}

/// Bodies made from the samples of `schema` (every member, then required members only):
/// each sample, the sample without each of its members, with each member holding a value
/// of every JSON kind, and cut short at three places.
fn bodies(schema: &str) -> Vec<Vec<u8>> {
    let kinds = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!([]),
        json!({}),
        json!([{}]),
    ];
    let mut out = Vec::new();
    for fill in [Fill::All, Fill::Required] {
        let body = sample_type(api(), type_of(schema), fill);
        match &body {
            Value::Object(map) => {
                for key in map.keys() {
                    let mut without = map.clone();
                    without.remove(key);
                    out.push(serde_json::to_vec(&without).unwrap());
                    for kind in &kinds {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), kind.clone());
                        out.push(serde_json::to_vec(&changed).unwrap());
                    }
                }
            }
            _ => out.extend(kinds.iter().map(|k| serde_json::to_vec(k).unwrap())),
        }
        let bytes = serde_json::to_vec(&body).unwrap();
        for cut in [1, bytes.len() / 2, bytes.len() - 1] {
            out.push(bytes[..cut].to_vec());
        }
        out.push(bytes);
    }
    out
}

/// Both readers of every structure, union and string enum agree on bodies made from its
/// samples: the differential test behind keeping two readers per type.
#[test]
fn every_type_reads_bodies_alike() {
    let mut types = 0;
    let mut bodies_read = 0;
    macro_rules! check {
        ($ty:ident, $schema:literal) => {{
            types += 1;
            for body in bodies($schema) {
                bodies_read += 1;
                if let Err(e) = agree::<cognito_idp::types::$ty>(&body) {
                    panic!("{}: {e}", $schema);
                }
            }
        }};
    }
    every_type!(check);
    let listed = api()
        .types
        .iter()
        .filter(|t| !matches!(t.kind, TypeKind::Alias(_)))
        .count();
    assert_eq!(types, listed);
    assert!(
        bodies_read > 20 * types,
        "{bodies_read} bodies for {types} types"
    );
    println!("{bodies_read} bodies of {types} types read alike");
}
