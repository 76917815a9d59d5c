// A misspelt attribute is one error, and the code using the type still compiles.
use specgen_runtime::Validate;

#[derive(Validate)]
struct SignUpForm {
    #[validate(lenght(min = 1, max = 128))]
    username: String,
}

fn main() {
    let form = SignUpForm {
        username: String::new(),
    };
    let _ = form.validate();
}
