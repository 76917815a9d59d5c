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

fn assert_same(yaml: &[specgen::File], json: &[specgen::File]) {
    assert_eq!(yaml.len(), json.len());
    for (a, b) in yaml.iter().zip(json) {
        assert_eq!(a.path, b.path);
        assert!(
            a.contents == b.contents,
            "{} differs between YAML and JSON",
            a.path
        );
    }
}

#[test]
fn yaml_and_json_give_identical_output() {
    // The spec written by `specgen import`, and the same document as JSON.
    let spec = root().join("spec/cognito-idp.yaml");
    let doc: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&spec).unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("specgen-determinism-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("cognito-idp.json");
    std::fs::write(&json, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    assert_same(&files(&spec), &files(&json));
    let _ = std::fs::remove_dir_all(&dir);
    // The older conversion of the APIs.guru directory, kept as a fixture, in both forms.
    assert_same(
        &files(&root().join("tests/fixtures/cognito-idp-apisguru.yaml")),
        &files(&root().join("tests/fixtures/cognito-idp-apisguru.json")),
    );
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
    // The spec is the vendored model, converted by `specgen import`: one schema per shape.
    let model: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("spec/models/cognito-idp/service-2.json")).unwrap(),
    )
    .unwrap();
    let shapes = model["shapes"].as_object().unwrap();
    let exceptions = shapes.values().filter(|s| s["exception"] == true).count();
    assert_eq!(
        api.operations.len(),
        model["operations"].as_object().unwrap().len()
    );
    assert_eq!(api.operations.len(), 153);
    assert_eq!(api.exceptions.len(), exceptions);
    // Every component schema has a type (inline types would come on top).
    let components = api
        .types
        .iter()
        .filter(|t| t.pointer.starts_with("#/components/schemas/"))
        .count();
    assert_eq!(components, shapes.len());
    assert_eq!(api.validation_error, "InvalidParameterException");
}
