mod api {
    specgen_macros::include_spec!("spec/no-such-spec.yaml");
}

fn main() {}
