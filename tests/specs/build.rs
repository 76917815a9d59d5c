//! Generates code for every fixture spec into `OUT_DIR` (see `src/lib.rs`).

const SPECS: &[(&str, &str)] = &[
    (
        "../fixtures/aws-json/cognito-identity.json",
        "cognito_identity.rs",
    ),
    ("../fixtures/aws-json/dynamodb.json", "dynamodb.rs"),
    ("../fixtures/aws-json/events.json", "events.rs"),
    ("../fixtures/aws-json/kms.json", "kms.rs"),
    (
        "../fixtures/aws-json/secretsmanager.json",
        "secretsmanager.rs",
    ),
    ("../fixtures/aws-json/wire-unions.yaml", "wire_unions.rs"),
    (
        "../fixtures/aws-import/wire-formats.yaml",
        "wire_formats.rs",
    ),
    ("../fixtures/aws-import/kendra.yaml", "kendra.rs"),
    ("../fixtures/aws-import/lightsail.yaml", "lightsail.rs"),
    (
        "../fixtures/aws-import/redshift-serverless.yaml",
        "redshift_serverless.rs",
    ),
    ("../fixtures/openapi/naming.yaml", "naming.rs"),
    ("../fixtures/openapi/petstore.yaml", "petstore.rs"),
    ("../fixtures/openapi/library.yaml", "library.rs"),
    ("../fixtures/openapi/weather.json", "weather.rs"),
    ("../fixtures/openapi/rest.yaml", "rest.rs"),
    ("../fixtures/openapi/rest31.yaml", "rest31.rs"),
];

fn main() {
    for (spec, out) in SPECS {
        specgen::Builder::new(spec).write_to_out_dir(out);
    }
}
