use specgen_runtime::Validate;

#[derive(Validate)]
struct Form {
    #[validate(pattern = "(a")]
    name: String,
}

fn main() {}
