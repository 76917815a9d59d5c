use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "SignUpRequest")]
struct SignUp {
    client_id: String,
    username: Option<String>,
    password: String,
    user_attributes: Option<Vec<cognito_idp::types::AttributeType>>,
}

fn main() {
    let form = SignUp {
        client_id: " 4c5ebn6bojtlrmu9q9oll6gqrg".into(),
        username: None,
        password: "Correct-Horse-9".into(),
        user_attributes: None,
    };
    assert_eq!(
        form.validate().unwrap_err().to_string(),
        "2 validation errors detected: \
         Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; \
         Value null at 'username' failed to satisfy constraint: Member must not be null"
    );
}
