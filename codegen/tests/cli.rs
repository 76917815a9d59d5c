//! The `specgen` command line: exit codes, error messages with file and JSON pointer, and
//! output directories left untouched by failed generations.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn specgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(args)
        .output()
        .expect("run specgen")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const GOOD: &str = r#"openapi: 3.0.0
info: {title: Tiny, version: '1'}
paths:
  /#X-Amz-Target=Tiny.Ping:
    post:
      operationId: Ping
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/PingRequest'}
      responses:
        '200': {description: ok}
components:
  schemas:
    PingRequest:
      type: object
      required: [Name]
      properties:
        Name: {type: string, maxLength: 3}
"#;

/// An output directory with a previous generation and a file of the user's.
fn previous_output(dir: &Path) -> PathBuf {
    let spec = dir.join("tiny.yaml");
    fs::write(&spec, GOOD).unwrap();
    let out = dir.join("out");
    let o = specgen(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    fs::write(out.join("notes.txt"), "mine").unwrap();
    out
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn fails_cleanly(name: &str, spec_text: &str, expected: &[&str]) {
    fails_cleanly_with(name, spec_text, None, expected);
}

/// [`fails_cleanly`], with an options file beside the spec.
fn fails_cleanly_with(name: &str, spec_text: &str, options: Option<&str>, expected: &[&str]) {
    let dir = scratch(name);
    let out = previous_output(&dir);
    let before = snapshot(&out);
    let bad = dir.join(if spec_text.trim_start().starts_with('{') {
        "bad.json"
    } else {
        "bad.yaml"
    });
    fs::write(&bad, spec_text).unwrap();
    if let Some(options) = options {
        fs::write(bad.with_extension("specgen.yaml"), options).unwrap();
    }
    let o = specgen(&[
        "generate",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(bad.to_str().unwrap()),
        "names the file: {stderr}"
    );
    for e in expected {
        assert!(stderr.contains(e), "expected `{e}` in: {stderr}");
    }
    assert_eq!(
        snapshot(&out),
        before,
        "the output directory must be untouched"
    );
}

#[test]
fn invalid_yaml_names_file_and_position() {
    fails_cleanly(
        "yaml",
        "openapi: 3.0.0\ninfo: [unclosed\n",
        &["invalid YAML", "line"],
    );
}

#[test]
fn invalid_json_names_file_and_position() {
    fails_cleanly(
        "json",
        "{\"openapi\": \"3.0.0\",",
        &["invalid JSON", "line"],
    );
}

#[test]
fn dangling_ref_names_the_pointer() {
    let spec = GOOD.replace(
        "Name: {type: string, maxLength: 3}",
        "Name: {$ref: '#/components/schemas/Missing'}",
    );
    fails_cleanly(
        "dangling",
        &spec,
        &[
            "#/components/schemas/PingRequest/properties/Name",
            "does not resolve",
        ],
    );
}

#[test]
fn dangling_body_ref_names_the_body_schema() {
    let spec = GOOD.replace(
        "schema: {$ref: '#/components/schemas/PingRequest'}",
        "schema: {$ref: '#/components/schemas/Missing'}",
    );
    fails_cleanly(
        "dangling-body",
        &spec,
        &[
            ": #/paths/~1#X-Amz-Target=Tiny.Ping/post/requestBody/content/application~1json/schema: ",
            "does not resolve",
        ],
    );
}

#[test]
fn unsupported_pattern_names_schema_and_pointer() {
    // A warning by default (`codegen/tests/unsupported_pattern.rs`); an error when asked.
    let spec = GOOD.replace("maxLength: 3}", "pattern: '(?<=x'}");
    fails_cleanly_with(
        "pattern",
        &spec,
        Some("unsupported-pattern: error\n"),
        &[
            "#/components/schemas/PingRequest/properties/Name/pattern",
            "not supported",
        ],
    );
}

#[test]
fn bad_value_in_the_options_file_names_the_file_and_key() {
    let dir = scratch("options-file");
    let spec = dir.join("tiny.yaml");
    fs::write(&spec, GOOD).unwrap();
    let options = dir.join("tiny.specgen.yaml");
    fs::write(&options, "pattern-mode: full-match\nprotocol: soap\n").unwrap();
    let o = specgen(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    let expected = format!(
        "{}: option `protocol` must be `aws-json` or `generic`, not `soap`",
        options.display()
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in: {stderr}"
    );
    assert!(!dir.join("out").exists(), "nothing written");
}

#[test]
fn wrong_structure_names_the_pointer() {
    let spec = GOOD.replace("maxLength: 3", "maxLength: -3");
    fails_cleanly(
        "structure",
        &spec,
        &["#/components/schemas/PingRequest", "not a valid OpenAPI"],
    );
}

#[test]
fn missing_spec_file_is_an_error() {
    let dir = scratch("missing");
    let o = specgen(&[
        "generate",
        dir.join("nope.yaml").to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope.yaml"));
    assert!(!dir.join("out").exists());
}

#[test]
fn check_reports_stale_files() {
    let dir = scratch("check");
    let out = previous_output(&dir);
    let spec = dir.join("tiny.yaml");
    let (spec_s, out_s) = (spec.to_str().unwrap(), out.to_str().unwrap());
    let o = specgen(&["check", spec_s, "--out", out_s]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    fs::write(out.join("types.rs"), "// edited\n").unwrap();
    let o = specgen(&["check", spec_s, "--out", out_s]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(stdout.trim(), out.join("types.rs").to_str().unwrap());
    // Regenerating restores it and leaves the user's file alone.
    let o = specgen(&["generate", spec_s, "--out", out_s]);
    assert!(o.status.success());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    assert_eq!(
        specgen(&["check", spec_s, "--out", out_s]).status.code(),
        Some(0)
    );
}

#[test]
fn bad_option_is_an_error() {
    let dir = scratch("option");
    let spec = dir.join("tiny.yaml");
    fs::write(&spec, GOOD).unwrap();
    let o = specgen(&[
        "generate",
        spec.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
        "--option",
        "pattern-mode=sometimes",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`full-match` or `search`"));
}

#[test]
fn option_keys_may_use_underscores() {
    let dir = scratch("option-underscore");
    let spec = dir.join("tiny.yaml");
    fs::write(&spec, GOOD).unwrap();
    let generate = |option: &str| {
        specgen(&[
            "generate",
            spec.to_str().unwrap(),
            "--out",
            dir.join("out").to_str().unwrap(),
            "--option",
            option,
        ])
    };
    assert_eq!(generate("pattern_mode=search").status.code(), Some(0));
    let o = generate("pattern_mode=sometimes");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("option `pattern_mode` must be `full-match` or `search`, not `sometimes`")
    );
}
