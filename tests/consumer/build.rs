//! Generates the Amazon Cognito Identity bindings into `OUT_DIR`.

fn main() {
    specgen::Builder::new("spec/cognito-identity.json").write_to_out_dir("cognito_identity.rs");
}
