// Patterns Java accepts that no Rust string can satisfy or that are cut short.
use specgen_runtime::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "[\\uD800-\\uDBFF]+")]
    surrogate: String,
    #[validate(pattern = "\\p{L")]
    unterminated: String,
}

fn main() {}
