use specgen_runtime::Validate;

#[derive(Validate)]
struct SignUpForm {
    #[validate(length(min = 1, max = 128))]
    username: String,
    #[validate(sensitive, length(min = 8), pattern = "[\\S]+")]
    password: String,
    #[validate(range(min = 13))]
    age: Option<u8>,
}

fn main() {
    let form = SignUpForm {
        username: String::new(),
        password: "not good".into(),
        age: Some(12),
    };
    assert_eq!(
        form.validate().unwrap_err().to_string(),
        "3 validation errors detected: \
         Value '12' at 'age' failed to satisfy constraint: Member must have value greater than or equal to 13; \
         Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; \
         Value '' at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1"
    );
}
