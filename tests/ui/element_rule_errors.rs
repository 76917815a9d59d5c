// Element rules on lists and maps: each element must be able to take them, and `items`
// goes with them only on a collection.
use std::collections::BTreeMap;

use specgen_runtime::Validate;

#[derive(Validate)]
struct Form {
    #[validate(length(min = 1))]
    counts: Vec<u32>,
    #[validate(range(max = 10))]
    names: BTreeMap<String, String>,
    #[validate(items(max = 3), length(max = 2))]
    title: String,
    #[validate(range(min = 1), nested)]
    scores: Vec<u32>,
    #[validate(range(min = 0.5))]
    sizes: Option<Vec<i64>>,
}

fn main() {}
