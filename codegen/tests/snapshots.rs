//! Snapshots of the code generated for small specs: every generator change shows up as a
//! reviewed diff of these files (and of `generated/` for Cognito).
//!
//! After an intended change: `INSTA_UPDATE=always cargo test -p specgen --test snapshots`,
//! then review the `.snap` diffs before committing.

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/openapi")
        .join(name)
}

fn snapshot(spec: &str) {
    let api = specgen::load(&fixture(spec), &specgen::Settings::default()).expect("load");
    let files = specgen::crate_files(&api).expect("render");
    let stem = spec.split('.').next().unwrap_or(spec);
    for f in files {
        let name = format!("{stem}__{}", f.path.trim_end_matches(".rs"));
        insta::assert_snapshot!(name, f.contents);
    }
}

#[test]
fn naming() {
    snapshot("naming.yaml");
}

#[test]
fn petstore() {
    snapshot("petstore.yaml");
}

#[test]
fn library() {
    snapshot("library.yaml");
}

#[test]
fn weather() {
    snapshot("weather.json");
}
