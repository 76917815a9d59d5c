mod api {
    specgen_macros::include_spec!("spec/broken.yaml");
}

fn main() {}
