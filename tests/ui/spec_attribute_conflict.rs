// With a spec schema, the spec decides the constraints.
use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(
    spec = "spec/cognito-idp.yaml",
    schema = "SignUpRequest",
    pattern_mode = "search"
)]
struct SignUp {
    #[validate(length(max = 3))]
    client_id: String,
    username: String,
    password: String,
}

#[derive(Validate)]
#[validate(spec = "spec/cognito-idp.yaml", schema = "DeliveryMediumType")]
struct Medium {
    value: String,
}

fn main() {}
