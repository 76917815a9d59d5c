//! The same spec always gives the same bytes: from YAML or JSON, run after run, and the
//! checked-in `generated/src` is exactly what the generator writes.

use std::path::{Path, PathBuf};

use specgen::Settings;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(spec: &Path) -> Vec<specgen::File> {
    let api = specgen::load(spec, &Settings::default()).expect("load");
    specgen::crate_files(&api).expect("render")
}

#[test]
fn yaml_and_json_give_identical_output() {
    let yaml = files(&root().join("spec/cognito-idp.yaml"));
    let json = files(&root().join("tests/fixtures/cognito-idp.json"));
    assert_eq!(yaml.len(), json.len());
    for (a, b) in yaml.iter().zip(&json) {
        assert_eq!(a.path, b.path);
        assert!(
            a.contents == b.contents,
            "{} differs between YAML and JSON",
            a.path
        );
    }
}

#[test]
fn two_runs_give_identical_output() {
    let spec = root().join("spec/cognito-idp.yaml");
    assert_eq!(files(&spec), files(&spec));
}

#[test]
fn checked_in_bindings_are_fresh() {
    let stale = specgen::check(
        &root().join("spec/cognito-idp.yaml"),
        &root().join("generated/src"),
        &Settings::default(),
    )
    .expect("check");
    assert!(
        stale.is_empty(),
        "generated/src is stale ({stale:?}); run `cargo run -p specgen -- generate spec/cognito-idp.yaml --out generated/src`"
    );
}

#[test]
fn cognito_has_every_schema_and_operation() {
    let api = specgen::load(&root().join("spec/cognito-idp.yaml"), &Settings::default()).unwrap();
    assert_eq!(api.operations.len(), 103);
    assert_eq!(api.exceptions.len(), 41);
    // Every component schema has a type (inline types would come on top).
    let components = api
        .types
        .iter()
        .filter(|t| t.pointer.starts_with("#/components/schemas/"))
        .count();
    assert_eq!(components, 475);
    assert_eq!(api.validation_error, "InvalidParameterException");
}
