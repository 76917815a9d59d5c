use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "SignupRequest")]
struct SignUp {
    client_id: String,
}

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "NoSuchSchema")]
struct Other {
    client_id: String,
}

fn main() {}
