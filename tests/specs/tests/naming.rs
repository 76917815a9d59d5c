//! The naming obstacle course: schemas named after prelude items, members named after
//! keywords, enum values that differ only by case or punctuation. All of it compiles (that
//! is half the test) and keeps every wire name.

use serde_json::json;
use specgen_runtime::Validate;
use specgen_spec_tests::naming::{self, Error, Operation, Request, types};

#[test]
fn keyword_members_keep_their_wire_names() {
    let body = json!({"type": "1X", "Type": [], "Self": "abc", "self": true, "crate": 2,
                      "ref": {"Ok": "yes"}, "match": "m", "1st": "first", "Some": "s", "None": "n",
                      "Ok": "o", "value": "v", "map": "p", "errors": "e", "path": "q"});
    let value: types::Option = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(value.r#type, types::String::V1x);
    assert_eq!(value.self_, "abc");
    assert_eq!(value.self_2, Some(true));
    assert_eq!(value.crate_, Some(2));
    assert_eq!(value.r#match.as_deref(), Some("m"));
    assert_eq!(value.n_1st.as_deref(), Some("first"));
    assert_eq!(serde_json::to_value(&value).unwrap(), body);
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn enum_values_that_collide_get_numbered_names() {
    use types::String as S;
    let all = [
        (S::String, "String"),
        (S::SelfValue, "Self"),
        (S::V1x, "1X"),
        (S::AB, "a-b"),
        (S::AB2, "a_b"),
        (S::AB3, "A_B"),
        (S::AB4, "a.b"),
        (S::Abc, "abc"),
        (S::Abc2, "ABC"),
        (S::Unknown, "UNKNOWN"),
        (S::Unknown2, "Unknown"),
        (S::Empty, ""),
    ];
    for (variant, wire) in all {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(S::from(wire), variant);
    }
    assert_eq!(S::from("abC"), S::Unlisted_("abC".to_owned()));
}

#[test]
fn schemas_named_like_prelude_items_are_usable() {
    let boxed: types::Box = serde_json::from_value(json!({
        "Next": {"Next": {}, "Value": {"Err": "e"}},
        "Children": [{"Value": {"Ok": "o"}}]
    }))
    .unwrap();
    let next = boxed.next.as_ref().expect("boxed recursion");
    assert_eq!(
        next.value.as_ref().and_then(|r| r.err.as_deref()),
        Some("e")
    );
    let clone = types::Clone {
        debug: Some("d".into()),
        default: None,
    };
    assert_eq!(serde_json::to_value(&clone).unwrap(), json!({"Debug": "d"}));
    // Two schemas whose names map to the same Rust name: the second is numbered.
    let _: types::SmsMfa = "text".to_owned();
    let _: types::SmsMfa2 = 7;
}

#[test]
fn operations_and_errors_named_like_keywords() {
    assert_eq!(Operation::SelfValue.name(), "Self");
    assert_eq!(Operation::SelfValue.target(), "Naming_20240101.Self");
    assert_eq!(
        Operation::from_target("Naming_20240101.Type"),
        Some(Operation::Type)
    );
    // `ValidationException` is defined, so it reports violations.
    let err = Request::from_http(
        "Naming_20240101.Option",
        br#"{"type": "abc", "Self": "toolong"}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), "ValidationException");
    assert_eq!(
        err.message(),
        Some(
            "1 validation error detected: Value 'toolong' at 'self' failed to satisfy constraint: Member must have length less than or equal to 3"
        )
    );
    // An exception named `Error`, one named `Unknown`, and codes the spec does not know.
    assert!(matches!(Error::new("Error", None), Error::Error(_)));
    assert!(matches!(Error::new("Unknown", None), Error::Unknown2(_)));
    assert!(matches!(Error::new("Nope", None), Error::Unknown { .. }));
    // Statuses in AWS specs are made up; the name decides.
    assert_eq!(Error::new("InternalFailure", None).http_status(), 500);
    assert_eq!(Error::new("Error", None).http_status(), 400);
    let err = naming::errors::OptionError::from(Error::new("Error", Some("m".into())));
    assert_eq!(err.code(), "Error");
    // A list body validates through its function.
    let err = Request::from_http("Naming_20240101.Self", br#"[{"type": "abc", "Self": "x"}, {"type": "abc", "Self": "x"}, {"type": "abc", "Self": "x"}]"#).unwrap_err();
    assert_eq!(
        err.message(),
        Some(
            "1 validation error detected: Value at '' failed to satisfy constraint: Member must have length less than or equal to 2"
        )
    );
}
