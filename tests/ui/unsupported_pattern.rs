// Patterns that are not Java regular expressions: a reversed range, a class name cut short.
use specgen_runtime::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "[z-a]+")]
    reversed: String,
    #[validate(pattern = "\\p{L")]
    unterminated: String,
}

fn main() {}
