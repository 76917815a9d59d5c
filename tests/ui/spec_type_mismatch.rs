use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "SignUpRequest")]
struct SignUp {
    client_id: String,
    username: u32,
    password: String,
    user_attributes: Option<String>,
    validation_data: Option<Vec<u8>>,
    client_metadata: Option<Vec<String>>,
}

fn main() {}
