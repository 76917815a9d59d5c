//! `SerializationException` in AWS's words: a member of the wrong JSON type is answered
//! with the token the service met and the type it wanted (`STRING_VALUE can not be
//! converted to an Integer`), never with the parser's internals; text that is not JSON with
//! no message at all. The evidence for each wording is with the function that writes them,
//! `serialization_message` in `runtime/src/request.rs`.

use cognito_idp::Request;

const PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// The code and message `Request::from_http` refuses `body` with.
fn refusal(operation: &str, body: &str) -> (String, Option<String>) {
    match Request::from_http(&format!("{PREFIX}{operation}"), body.as_bytes()) {
        Ok(request) => panic!("{operation} {body} was read: {request:?}"),
        Err(e) => (e.code().to_owned(), e.message().map(str::to_owned)),
    }
}

const CLIENT: &str = r#""ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg""#;
const POOL: &str = r#""UserPoolId":"us-east-1_abc""#;

#[test]
fn wrong_json_types_are_named_as_aws_names_them() {
    let sign_up = |member: &str| format!(r#"{{{CLIENT},"Username":"alice",{member}}}"#);
    let table: Vec<(&str, String, &str)> = vec![
        // Integer members (Smithy `integer`).
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":"ten"}}"#),
            "STRING_VALUE can not be converted to an Integer",
        ),
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":true}}"#),
            "TRUE_VALUE can not be converted to an Integer",
        ),
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":1.5}}"#),
            "NUMBER_VALUE can not be converted to an Integer",
        ),
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":99999999999999999999}}"#),
            "NUMBER_VALUE can not be converted to an Integer",
        ),
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":[1]}}"#),
            "Start of list found where not expected",
        ),
        (
            "ListUsers",
            format!(r#"{{{POOL},"Limit":{{"a":1}}}}"#),
            "Start of structure or map found where not expected.",
        ),
        // Boolean members.
        (
            "AdminCreateUser",
            format!(r#"{{{POOL},"Username":"a","ForceAliasCreation":"yes"}}"#),
            "STRING_VALUE can not be converted to an Boolean",
        ),
        (
            "AdminCreateUser",
            format!(r#"{{{POOL},"Username":"a","ForceAliasCreation":1}}"#),
            "NUMBER_VALUE can not be converted to a Boolean",
        ),
        // String and enum members.
        (
            "SignUp",
            format!(r#"{{{CLIENT},"Username":42}}"#),
            "NUMBER_VALUE can not be converted to a String",
        ),
        (
            "SignUp",
            format!(r#"{{{CLIENT},"Username":false}}"#),
            "FALSE_VALUE can not be converted to a String",
        ),
        (
            "SignUp",
            format!(r#"{{{CLIENT},"Username":["a"]}}"#),
            "Start of list found where not expected",
        ),
        (
            "SignUp",
            format!(r#"{{{CLIENT},"Username":{{}}}}"#),
            "Start of structure or map found where not expected.",
        ),
        (
            "InitiateAuth",
            format!(r#"{{{CLIENT},"AuthFlow":7}}"#),
            "NUMBER_VALUE can not be converted to a String",
        ),
        // Timestamps.
        (
            "InitiatePointInTimeRecovery",
            format!(r#"{{{POOL},"RestoreTimestamp":true}}"#),
            "TRUE_VALUE can not be converted to milliseconds since epoch",
        ),
        // Structures, lists and maps.
        (
            "SignUp",
            sign_up(r#""AnalyticsMetadata":"x""#),
            "Expected null",
        ),
        (
            "SignUp",
            sign_up(r#""AnalyticsMetadata":[]"#),
            "Start of list found where not expected",
        ),
        (
            "SignUp",
            sign_up(r#""UserAttributes":"x""#),
            "Expected list or null",
        ),
        (
            "SignUp",
            sign_up(r#""UserAttributes":{}"#),
            "Start of structure or map found where not expected.",
        ),
        (
            "SignUp",
            sign_up(r#""UserAttributes":[null]"#),
            "NULL_VALUE can not be converted to a Structure",
        ),
        (
            "SignUp",
            sign_up(r#""UserAttributes":[{"Name":5}]"#),
            "NUMBER_VALUE can not be converted to a String",
        ),
        (
            "SignUp",
            sign_up(r#""ClientMetadata":"x""#),
            "Expected map or null",
        ),
        (
            "SignUp",
            sign_up(r#""ClientMetadata":[]"#),
            "Start of list found where not expected",
        ),
        (
            "SignUp",
            sign_up(r#""ClientMetadata":{"k":1}"#),
            "NUMBER_VALUE can not be converted to a String",
        ),
        // A member given twice (refused: keeping either value would drop the other).
        (
            "SignUp",
            format!(r#"{{{CLIENT},"Username":"a","Username":"b"}}"#),
            "Member Username was given more than once",
        ),
        // A whole body that is a list.
        (
            "SignUp",
            "[]".to_owned(),
            "Start of list found where not expected",
        ),
    ];
    for (operation, body, message) in table {
        assert_eq!(
            refusal(operation, &body),
            (
                "SerializationException".to_owned(),
                Some(message.to_owned())
            ),
            "{operation} {body}"
        );
    }
}

#[test]
fn text_that_is_not_json_has_no_message() {
    for body in [
        "{",
        "not json",
        r#"{"Username": }"#,
        "{}}",
        "null",
        "5",
        r#""x""#,
        "tru",
    ] {
        assert_eq!(
            refusal("SignUp", body),
            ("SerializationException".to_owned(), None),
            "{body}"
        );
    }
}
