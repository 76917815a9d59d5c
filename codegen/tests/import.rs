//! `specgen import`: AWS service models (botocore's JSON format) to OpenAPI 3.0 YAML.
//!
//! Each fixture under `fixtures/botocore/` is a small hand-written model next to the YAML
//! it must give, byte for byte (`SPECGEN_BLESS=1` rewrites the YAML after a deliberate
//! change). The vendored Cognito model must convert and load; the models of an installed
//! botocore are a larger corpus (`scripts/import-all.sh`).

use std::fs;
use std::path::{Path, PathBuf};

use specgen::import::{import_file, import_model};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/botocore")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The spec written to a file and loaded as `specgen generate` would.
fn load_yaml(yaml: &str, name: &str) -> specgen::Result<specgen::ir::Api> {
    let path = scratch(name).join(format!("{name}.yaml"));
    fs::write(&path, yaml).unwrap();
    specgen::load(&path, &Default::default())
}

/// The spec loads and generates code.
fn generates(yaml: &str, name: &str) -> specgen::ir::Api {
    let api = load_yaml(yaml, name).unwrap_or_else(|e| panic!("{e}"));
    specgen::crate_files(&api).unwrap_or_else(|e| panic!("{name}: {e}"));
    api
}

/// Converts `fixtures/botocore/<name>.json` and compares with `<name>.yaml`.
fn golden(name: &str) -> String {
    let model = fixtures().join(format!("{name}.json"));
    let expected_path = fixtures().join(format!("{name}.yaml"));
    let yaml = import_file(&model).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("SPECGEN_BLESS").is_some() {
        fs::write(&expected_path, &yaml).unwrap();
    }
    let expected = fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    if yaml != expected {
        let line = yaml
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| yaml.lines().count().min(expected.lines().count()) + 1);
        panic!(
            "{name}: the YAML differs from {} from line {line} (SPECGEN_BLESS=1 rewrites it):\n{yaml}",
            expected_path.display()
        );
    }
    yaml
}

/// The error `import_model` gives for `json`, as displayed.
fn import_error(json: &str) -> String {
    match import_model(json.as_bytes()) {
        Ok(yaml) => panic!("expected an error, got:\n{yaml}"),
        Err(e) => e.to_string(),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A minimal JSON 1.1 model around `shapes` (a JSON object's members) and `operations`.
fn model(operations: &str, shapes: &str) -> String {
    format!(
        r#"{{"metadata": {{"apiVersion": "1", "serviceFullName": "T", "protocol": "json",
             "jsonVersion": "1.1", "targetPrefix": "T"}},
            "operations": {{{operations}}}, "shapes": {{{shapes}}}}}"#
    )
}

#[test]
fn operations_follow_the_aws_json_conventions() {
    let yaml = golden("operations");
    let api = generates(&yaml, "operations");
    assert_eq!(api.operations.len(), 3);
    let get = &api.operations[0];
    assert_eq!(get.target.as_deref(), Some("Tiny_20240131.GetThing"));
    // The repeated error is listed once.
    let errors: Vec<&str> = get
        .errors
        .iter()
        .map(|&id| api.ty(id).schema_name.as_str())
        .collect();
    assert_eq!(errors, ["NotFoundException", "ThrottlingException"]);
    assert!(
        api.operations[1].output.is_none(),
        "DeleteThing answers nothing"
    );
    assert!(api.operations[2].input.is_none(), "Ping takes no input");
}

#[test]
fn scalars_carry_their_constraints() {
    let yaml = golden("scalars");
    generates(&yaml, "scalars");
}

#[test]
fn lists_and_maps_carry_sizes_and_key_constraints() {
    let yaml = golden("collections");
    generates(&yaml, "collections");
}

#[test]
fn exceptions_carry_code_status_and_fault() {
    let yaml = golden("exceptions");
    let api = generates(&yaml, "exceptions");
    assert_eq!(api.exceptions.len(), 6);
}

#[test]
fn unions_documents_defaults_and_deprecation_are_kept() {
    let yaml = golden("traits");
    let api = generates(&yaml, "traits");
    let request = api
        .types
        .iter()
        .find(|t| t.schema_name == "RunRequest")
        .unwrap();
    let specgen::ir::TypeKind::Struct(st) = &request.kind else {
        panic!("RunRequest is a structure");
    };
    let old = st
        .fields
        .iter()
        .find(|f| f.wire_name == "OldField")
        .unwrap();
    let docs = old.docs.as_deref().unwrap();
    assert!(docs.starts_with("Replaced by `Token`."), "{docs}");
    assert!(docs.ends_with("Deprecated."), "{docs}");
    let retries = st.fields.iter().find(|f| f.wire_name == "Retries").unwrap();
    assert!(retries.docs.as_deref().unwrap().contains("Default: `3`."));
    assert!(st.fields.iter().any(|f| f.wire_name == "WireName"));
}

#[test]
fn errors_name_the_place_in_the_model() {
    let string = r#""S": {"type": "string"}"#;
    let input = r#""Op": {"input": {"shape": "In"}}"#;
    let cases: Vec<(String, &str)> = vec![
        (
            "{".to_owned(),
            "invalid JSON: EOF while parsing an object at line 1 column 1",
        ),
        (
            format!("{} []", model("", "")),
            "invalid JSON: trailing characters at line 3 column 45",
        ),
        (
            "[1]".to_owned(),
            "#: not a valid AWS service model: the model must be a JSON object",
        ),
        (
            r#"{"metadata": {}, "shapes": {}}"#.to_owned(),
            "#/metadata: not a valid AWS service model: missing field `apiVersion`",
        ),
        (
            model("", r#""S": {"type": "string", "min": "1"}"#),
            r#"#/shapes/S/min: not a valid AWS service model: invalid type: string "1", expected a JSON number"#,
        ),
        (
            model("", r#""S": {"kind": "string"}"#),
            "#/shapes/S: not a valid AWS service model: missing field `type`",
        ),
        (
            model(input, string),
            "#/operations/Op/input/shape: shape `In` is not defined in `shapes`",
        ),
        (
            model(input, r#""In": {"type": "string"}"#),
            "#/operations/Op/input/shape: the input of an operation must be a structure, but `In` is of type string",
        ),
        (
            model(
                input,
                r#""In": {"type": "structure", "members": {"A": {"shape": "Missing"}}}"#,
            ),
            "#/shapes/In/members/A/shape: shape `Missing` is not defined in `shapes`",
        ),
        (
            model(r#""Op": {"errors": [{"shape": "Gone"}]}"#, string),
            "#/operations/Op/errors/0/shape: shape `Gone` is not defined in `shapes`",
        ),
        (
            model(
                "",
                r#""Ev": {"type": "structure", "members": {"P": {"shape": "B", "eventpayload": true}}, "event": true},
                   "B": {"type": "blob"}"#,
            ),
            "#/shapes/Ev/members/P: event payload members are not supported (`P` is the payload of an event-stream frame, not JSON)",
        ),
        (
            model(
                input,
                r#""In": {"type": "structure", "members": {"Body": {"shape": "Stream"}}},
                   "Stream": {"type": "blob", "streaming": true}"#,
            ),
            "#/shapes/In/members/Body: streaming members are not supported (`Body` targets the stream `Stream`, which AWS sends as a raw HTTP body, not as JSON)",
        ),
        (
            model(
                input,
                r#""In": {"type": "structure", "members": {"H": {"shape": "S", "location": "header"}}}, "S": {"type": "string"}"#,
            ),
            "#/shapes/In/members/H/location: member location `header` is a REST binding, which the JSON protocol does not have",
        ),
        (
            model(
                "",
                r#""M": {"type": "map", "key": {"shape": "N"}, "value": {"shape": "N"}}, "N": {"type": "integer"}"#,
            ),
            "#/shapes/M/key/shape: map keys must be strings on the JSON wire, but `N` is of type integer",
        ),
        (
            model("", r#""M": {"type": "map", "key": {"shape": "N"}}"#),
            "#/shapes/M: a map shape needs `key` and `value`",
        ),
        (
            model("", r#""L": {"type": "list"}"#),
            "#/shapes/L: a list shape needs `member`",
        ),
        (
            model(
                "",
                r#""In": {"type": "structure", "required": ["B"], "members": {"A": {"shape": "S"}}}, "S": {"type": "string"}"#,
            ),
            "#/shapes/In/required/0: required member `B` is not a member of the structure",
        ),
        (
            model("", r#""X": {"type": "bigdecimal"}"#),
            "#/shapes/X/type: unknown shape type `bigdecimal` (expected structure, list, map, string, integer, long, float, double, boolean, timestamp or blob)",
        ),
        (
            model("", r#""S": {"type": "string", "max": -1}"#),
            "#/shapes/S/max: `max` must be a non-negative integer here, found -1",
        ),
        (
            model("", r#""I": {"type": "integer", "max": 1.5}"#),
            "#/shapes/I/max: `max` of an integer shape must be an integer, found 1.5",
        ),
        (
            model(
                "",
                r#""T": {"type": "timestamp", "timestampFormat": "epoch"}"#,
            ),
            "#/shapes/T/timestampFormat: unknown timestamp format `epoch` (expected iso8601, unixTimestamp or rfc822)",
        ),
        (
            model("", string).replace(r#""protocol": "json""#, r#""protocol": "rest-json""#),
            "#/metadata/protocol: protocol `rest-json` is not supported: the importer reads models of the AWS JSON protocol (`json`)",
        ),
        (
            model("", string).replace(r#", "targetPrefix": "T""#, ""),
            "#/metadata: missing `targetPrefix`, by which the JSON protocol routes operations",
        ),
        (
            model("", string).replace(r#""jsonVersion": "1.1""#, r#""jsonVersion": "2.0""#),
            "#/metadata/jsonVersion: JSON protocol version `2.0` is not supported (expected 1.0 or 1.1)",
        ),
    ];
    let mut failures = Vec::new();
    for (json, expected) in &cases {
        let got = import_error(json);
        if got != *expected {
            failures.push(format!("{got}\n    from {json}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Gzip input that is not gzip.
    let mut broken = gzip(model("", string).as_bytes());
    broken.truncate(20);
    assert_eq!(
        import_model(&broken).unwrap_err().to_string(),
        "invalid gzip data: incomplete deflate stream"
    );
}

#[test]
fn output_is_deterministic_and_gzip_reads_the_same() {
    for name in [
        "operations",
        "scalars",
        "collections",
        "exceptions",
        "traits",
    ] {
        let bytes = fs::read(fixtures().join(format!("{name}.json"))).unwrap();
        let first = import_model(&bytes).unwrap();
        assert_eq!(import_model(&bytes).unwrap(), first, "{name}: twice");
        assert_eq!(import_model(&gzip(&bytes)).unwrap(), first, "{name}: gzip");
    }
}

fn cognito_model() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/models/cognito-idp/service-2.json")
}

#[test]
fn the_vendored_cognito_model_converts_and_loads() {
    let bytes = fs::read(cognito_model()).unwrap();
    let yaml = import_model(&bytes).unwrap();
    let api = load_yaml(&yaml, "cognito-idp").unwrap_or_else(|e| panic!("{e}"));
    let model: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let exceptions = model["shapes"]
        .as_object()
        .unwrap()
        .values()
        .filter(|s| s["exception"] == true)
        .count();
    assert_eq!(api.operations.len(), 153);
    assert_eq!(api.exceptions.len(), exceptions);
    assert_eq!(api.validation_error, "InvalidParameterException");
    assert_eq!(
        api.protocol,
        specgen::ir::Protocol::AwsJson {
            service: "AWSCognitoIdentityProviderService".to_owned(),
            json_version: specgen::ir::JsonVersion::V1_1,
        }
    );
    assert_eq!(import_model(&bytes).unwrap(), yaml, "twice");
    assert_eq!(import_model(&gzip(&bytes)).unwrap(), yaml, "gzip");
}

/// A member that carries an event stream (Kinesis's `SubscribeToShard`, CloudWatch Logs'
/// `StartLiveTail`) is left out of the JSON body, and said so: in the spec
/// (`x-aws-event-stream-members`), in the docs of the structure and the operation, and in a
/// warning. The stream and its events stay schemas.
#[test]
fn event_stream_members_are_left_out_of_the_json_body_and_said_so() {
    let yaml = golden("event_streams");
    let bytes = fs::read(fixtures().join("event_streams.json")).unwrap();
    let (same, warnings) = specgen::import::import_model_with_warnings(&bytes).unwrap();
    assert_eq!(same, yaml);
    let warnings: Vec<String> = warnings
        .iter()
        .map(|w| format!("{}: {}", w.pointer, w.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "#/shapes/SubscribeOutput/members/EventStream: event stream member left out of the JSON body: `EventStream` targets the event stream `SubscribeEventStream`, which AWS sends in event-stream frames, not as JSON (the docs of `SubscribeOutput` and of its operations say so)"
        ]
    );
    let api = generates(&yaml, "event_streams");
    let ty = |name: &str| {
        api.types
            .iter()
            .find(|t| t.schema_name == name)
            .unwrap_or_else(|| panic!("no type {name}"))
    };
    let output = ty("SubscribeOutput");
    let specgen::ir::TypeKind::Struct(st) = &output.kind else {
        panic!("{:?}", output.kind)
    };
    let fields: Vec<(&str, bool)> = st
        .fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.required))
        .collect();
    assert_eq!(fields, [("SessionId", true)], "no EventStream in the body");
    let docs = output.docs.as_deref().unwrap_or_default();
    assert!(
        docs.contains("`EventStream`") && docs.contains("event-stream frames"),
        "{docs}"
    );
    let op_docs = api.operations[0].docs.as_deref().unwrap_or_default();
    assert!(
        op_docs.contains("response member `EventStream`"),
        "{op_docs}"
    );
    // The stream (one event per frame) and its event are types of their own.
    assert!(matches!(
        ty("SubscribeEventStream").kind,
        specgen::ir::TypeKind::Struct(_)
    ));
    assert!(matches!(
        ty("RecordsEvent").kind,
        specgen::ir::TypeKind::Struct(_)
    ));

    // `specgen import` prints the warning and writes the spec.
    let dir = scratch("cli-event-streams");
    let out = dir.join("api.yaml");
    let model = fixtures().join("event_streams.json");
    let o = import_cli(&model, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.starts_with(&format!(
            "warning: {}: #/shapes/SubscribeOutput/members/EventStream: event stream member left out",
            model.display()
        )),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), yaml);
}

/// `specgen import <model> --out <out>`.
fn import_cli(model: &Path, out: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_specgen"))
        .arg("import")
        .arg(model)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run specgen")
}

#[test]
fn the_command_writes_the_spec_and_keeps_it_on_failure() {
    let dir = scratch("cli");
    let out = dir.join("api.yaml");
    let model = fixtures().join("operations.json");
    let o = import_cli(&model, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written = fs::read_to_string(&out).unwrap();
    assert_eq!(written, import_file(&model).unwrap());

    let bad = dir.join("bad.json");
    fs::write(&bad, model_with_dangling_member()).unwrap();
    let o = import_cli(&bad, &out);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: {}: #/shapes/In/members/A/shape: shape `Missing` is not defined in `shapes`\n",
            bad.display()
        )
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), written, "left as it was");
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");

    let o = import_cli(&dir.join("missing.json"), &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("error: "),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn model_with_dangling_member() -> String {
    model(
        r#""Op": {"input": {"shape": "In"}}"#,
        r#""In": {"type": "structure", "members": {"A": {"shape": "Missing"}}}"#,
    )
}

/// Models of the installed botocore (`BOTOCORE_DATA`, else asked of `python3`): the
/// latest version of each service.
fn botocore_models() -> Vec<PathBuf> {
    let data = match std::env::var("BOTOCORE_DATA") {
        Ok(d) => PathBuf::from(d),
        Err(_) => {
            let out = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))",
                ])
                .output()
                .expect("botocore is needed: set BOTOCORE_DATA or install it for python3");
            assert!(
                out.status.success(),
                "botocore is not installed for python3"
            );
            PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
        }
    };
    let mut services: Vec<PathBuf> = fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    services.sort();
    let mut models = Vec::new();
    for service in services {
        let mut versions: Vec<PathBuf> = fs::read_dir(&service)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        versions.sort();
        if let Some(latest) = versions.last() {
            for name in ["service-2.json", "service-2.json.gz"] {
                let model = latest.join(name);
                if model.exists() {
                    models.push(model);
                }
            }
        }
    }
    models
}

/// Imports and loads every JSON-protocol model of the installed botocore and reports the
/// figures; with `SPECGEN_CORPUS_GENERATE=1` also generates the code of each (run by
/// `scripts/import-all.sh`).
#[test]
#[ignore = "needs botocore; run scripts/import-all.sh"]
fn botocore_corpus() {
    let generate = std::env::var_os("SPECGEN_CORPUS_GENERATE").is_some();
    // Per class (0: `json` is the main protocol; 1: one of several): found, imported,
    // loaded, generated.
    let mut counts = [[0usize; 4]; 2];
    let mut failures = Vec::new();
    for path in &botocore_models() {
        let bytes = fs::read(path).unwrap();
        let Ok(model) = specgen::import::parse_model(&bytes) else {
            continue;
        };
        let meta = &model.metadata;
        let class = if meta.protocol == "json" {
            0
        } else if meta.protocols.iter().any(|p| p == "json") {
            1
        } else {
            continue;
        };
        let service = path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let count = &mut counts[class];
        count[0] += 1;
        let yaml = match import_model(&bytes) {
            Ok(y) => y,
            Err(e) => {
                failures.push(format!("{service}: import: {e}"));
                continue;
            }
        };
        count[1] += 1;
        let api = match load_yaml(&yaml, &format!("corpus-{service}")) {
            Ok(api) => api,
            Err(e) => {
                failures.push(format!(
                    "{service}: load: {}",
                    e.pointer
                        .as_deref()
                        .map_or(e.message.clone(), |p| format!("{p}: {}", e.message))
                ));
                continue;
            }
        };
        count[2] += 1;
        if generate {
            match specgen::crate_files(&api) {
                Ok(_) => count[3] += 1,
                Err(e) => failures.push(format!("{service}: generate: {e}")),
            }
        }
    }
    for f in &failures {
        println!("{f}");
    }
    for (class, [found, imported, loaded, generated]) in
        ["protocol json", "json among other protocols"]
            .iter()
            .zip(counts)
    {
        let generated = if generate {
            format!(", {generated} generated")
        } else {
            String::new()
        };
        println!("{class}: {found} found, {imported} imported, {loaded} loaded{generated}");
    }
    assert!(counts[0][0] > 0, "no JSON-protocol model found");
}

/// Corpus regressions in the generated code of imported models: two exceptions with one
/// wire code (CloudWatch's `DashboardNotFoundError` and `ResourceNotFound`) gave
/// unreachable match arms, and doc text ending in `}` or `;` (machinelearning, sagemaker)
/// got a blank line inside its doc comment.
#[test]
fn shared_error_codes_and_code_like_docs_generate_clean_code() {
    let json = model(
        r#""Op": {"input": {"shape": "In"}, "errors": [{"shape": "DashboardNotFound"}, {"shape": "NotFound"}]}"#,
        r#""In": {"type": "structure", "members": {"Schema": {"shape": "Schema"}}},
           "Schema": {"type": "string", "max": 10, "documentation": "<p>{ \"a\": [ 1 ] }</p>"},
           "Ttl": {"type": "string", "max": 10, "documentation": "<p>Hard deleted when it is reached;</p> <p><code>ExpiresAt</code> = <code>EventTime</code> + <code>Ttl</code>.</p>"},
           "DashboardNotFound": {"type": "structure", "members": {"message": {"shape": "Ttl"}}, "exception": true, "error": {"code": "ResourceNotFound", "httpStatusCode": 404}},
           "NotFound": {"type": "structure", "members": {"message": {"shape": "Ttl"}}, "exception": true, "error": {"code": "ResourceNotFound", "httpStatusCode": 404}}"#,
    );
    let yaml = import_model(json.as_bytes()).unwrap();
    let api = generates(&yaml, "shared-codes");
    let files = specgen::crate_files(&api).unwrap();
    let text = |name: &str| {
        &files
            .iter()
            .find(|f| f.path.ends_with(name))
            .unwrap_or_else(|| panic!("no {name}"))
            .contents
    };
    let lib = text("lib.rs");
    let arms = lib.matches("\"ResourceNotFound\" => ").count();
    // `Error::new` and `Error::from_json` read the code once each (the first exception).
    assert_eq!(arms, 2, "{lib}");
    assert!(
        lib.contains("the code of `DashboardNotFound` too"),
        "the second exception says it is read as the first"
    );
    for file in &files {
        let lines: Vec<&str> = file.contents.lines().collect();
        for w in lines.windows(3) {
            let doc = |l: &str| l.trim_start().starts_with("///");
            assert!(
                !(doc(w[0]) && w[1].trim().is_empty() && doc(w[2])),
                "{}: a blank line inside a doc comment after {:?}",
                file.path,
                w[0]
            );
        }
    }
}
