//! Compile errors of `include_spec!` and `#[derive(Validate)]`, pinned by `.stderr` files in
//! `ui/`, and programs using the macros that must build and run (`ui/pass/`).
//!
//! trybuild compiles the cases in its own package under the target directory, which is
//! then their `CARGO_MANIFEST_DIR`: the specs they name (`spec/...`) are copied there first,
//! so that the cases read as a user's crate would and do not depend on where the target
//! directory is.

use std::path::{Path, PathBuf};

/// trybuild's package for this crate: `<target>/tests/trybuild/specgen-tests`.
fn trybuild_package() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory");
    target.join("tests").join("trybuild").join("specgen-tests")
}

fn copy(from: &Path, to: &Path) {
    let text = std::fs::read(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    if std::fs::read(to).ok().as_deref() != Some(text.as_slice()) {
        // The source may be read-only; replace rather than write through.
        let _ = std::fs::remove_file(to);
        std::fs::write(to, text).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    }
}

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let specs = trybuild_package().join("spec");
    std::fs::create_dir_all(&specs).unwrap();
    copy(
        &root.join("../spec/cognito-idp.yaml"),
        &specs.join("cognito-idp.yaml"),
    );
    copy(
        &root.join("fixtures/aws-json/cognito-identity.json"),
        &specs.join("cognito-identity.json"),
    );
    for entry in std::fs::read_dir(root.join("ui/specs")).unwrap() {
        let path = entry.unwrap().path();
        copy(&path, &specs.join(path.file_name().unwrap()));
    }

    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui/pass/*.rs");
}
