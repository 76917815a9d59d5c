//! A pattern that cannot be enforced (Java rejects it, or it has no Rust equivalent) does not
//! stop generation: the member's docs say so, and the generator warns with the schema's
//! pointer. `unsupported-pattern=error` makes it an error again.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use specgen::Settings;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patterns/unsupported.yaml")
}

fn specgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(args)
        .output()
        .expect("run specgen")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("unsupported-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const KEY: &str = "#/components/schemas/TagResourceRequest/properties/Key/pattern";
const LABEL: &str = "#/components/schemas/LabelType/pattern";

#[test]
fn generate_warns_and_continues() {
    let out = scratch("generate").join("src");
    let spec = fixture();
    let o = specgen(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    let key = format!(
        "warning: {}: {KEY}: schema `TagResourceRequestKey`: ",
        spec.display()
    );
    assert!(warnings[0].starts_with(&key), "{stderr}");
    assert!(
        warnings[0].contains(r"unknown character property name `{\}`"),
        "{stderr}"
    );
    assert!(warnings[0].contains("(Java rejects it too)"), "{stderr}");
    assert!(warnings[0].contains("does not enforce it"), "{stderr}");
    let label = format!("warning: {}: {LABEL}: schema `LabelType`: ", spec.display());
    assert!(warnings[1].starts_with(&label), "{stderr}");
    assert!(warnings[1].contains("grapheme clusters"), "{stderr}");

    // The docs say what is not checked, and why; the checked pattern is still checked.
    let types = fs::read_to_string(out.join("types.rs")).unwrap();
    assert!(types.contains("(not enforced: Java rejects it, unknown character property name"));
    assert!(types.contains("(not enforced: `\\X` (grapheme clusters))"));
    let rules = fs::read_to_string(out.join("rules.rs")).unwrap();
    assert!(rules.contains(r#""^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$""#));
    assert!(!rules.contains(r"\\X+"));
    // A large count is a class and a character count, not one automaton.
    assert!(rules.contains("Pattern::with_counted_class("));
    assert!(rules.contains(r#""^(?:[^\\p{C}])*$""#));

    // `check` reports the same warnings and finds the output up to date.
    let o = specgen(&[
        "check",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.matches("warning: ").count(), 2, "{stderr}");
}

#[test]
fn unsupported_pattern_error_refuses_the_spec() {
    let out = scratch("error").join("src");
    let spec = fixture();
    let o = specgen(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-o",
        "unsupported-pattern=error",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {}: {KEY}: ", spec.display())),
        "{stderr}"
    );
    assert!(stderr.contains("is not supported"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn the_ir_keeps_what_is_not_enforced() {
    let api = specgen::load(&fixture(), &Settings::default()).unwrap();
    let pointers: Vec<&str> = api.warnings.iter().map(|w| w.pointer.as_str()).collect();
    assert_eq!(pointers, [KEY, LABEL]);
    // Only the patterns that can be enforced are compiled.
    assert_eq!(api.patterns.len(), 2);
    assert!(api.patterns[1].class_regex.is_some());
    let request = api
        .types
        .iter()
        .find(|t| t.schema_name == "TagResourceRequest")
        .unwrap();
    let specgen::ir::TypeKind::Struct(st) = &request.kind else {
        panic!("a structure");
    };
    for field in &st.fields {
        let c = api.resolve(&field.shape).constraints;
        match field.wire_name.as_str() {
            "Key" | "Label" => {
                assert_eq!(c.pattern, None);
                assert!(c.unenforced_pattern.is_some(), "{}", field.wire_name);
            }
            _ => assert!(c.pattern.is_some() && c.unenforced_pattern.is_none()),
        }
    }
    // The other lengths are still checked.
    let key = api.resolve(&st.fields[0].shape).constraints;
    assert_eq!(key.max_len, Some(128));
}

#[test]
fn unsupported_pattern_error_is_an_error_with_the_pointer() {
    let mut settings = Settings::default();
    settings.set("unsupported-pattern", "error").unwrap();
    let e = specgen::load(&fixture(), &settings).unwrap_err();
    assert_eq!(e.pointer.as_deref(), Some(KEY));
    assert_eq!(e.kind, specgen::ErrorKind::Unsupported);
}
