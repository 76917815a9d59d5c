//! A crate whose only specgen dependency is the generated `cognito-idp`: the derive finds
//! its runtime through `cognito_idp::__runtime`, and one import brings trait and derive.

use cognito_idp::Validate;

#[derive(Validate)]
struct SignUpForm {
    #[validate(length(min = 1, max = 128))]
    username: String,
}

#[test]
fn empty_username_is_reported_as_aws_does() {
    let form = SignUpForm {
        username: String::new(),
    };
    assert_eq!(
        form.validate().unwrap_err().to_string(),
        "1 validation error detected: Value '' at 'username' failed to satisfy constraint: \
         Member must have length greater than or equal to 1"
    );
    let ok = SignUpForm {
        username: "alice".into(),
    };
    assert_eq!(ok.validate(), Ok(()));
    let long = SignUpForm {
        username: "x".repeat(129),
    };
    assert_eq!(
        long.validate().unwrap_err().to_string(),
        format!(
            "1 validation error detected: Value '{}' at 'username' failed to satisfy \
             constraint: Member must have length less than or equal to 128",
            "x".repeat(129)
        )
    );
}
