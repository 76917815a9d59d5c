mod api {
    specgen_macros::include_spec!("spec/cognito-identity.json", pattern_mode = "fuzzy");
}

fn main() {}
