// Every attribute problem is reported at once.
use specgen_runtime::Validate;

#[derive(Validate)]
#[validate(schema = "SignUpRequest", pattern_mode = "fuzzy")]
struct Form {
    #[validate(length(min = 5, max = 1), nested)]
    name: String,
    #[validate(range(minimum = 1))]
    age: u32,
    #[validate(length(min = 1))]
    count: u32,
    #[validate(items(max = 3))]
    title: String,
    #[validate(range(min = 0.5))]
    size: i64,
}

fn main() {}
