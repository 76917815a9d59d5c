use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "SignUpRequest")]
struct SignUp {
    client_id: String,
    secret_hash: Option<String>,
}

fn main() {}
