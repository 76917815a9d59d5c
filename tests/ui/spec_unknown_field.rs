use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "SignUpRequest")]
struct SignUp {
    client_id: String,
    username: String,
    password: String,
    client_secret: Option<String>,
    #[validate(rename = "Passwort")]
    again: Option<String>,
}

fn main() {}
