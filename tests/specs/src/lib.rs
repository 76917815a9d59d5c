//! Code generated from every fixture spec: the five other AWS JSON services in
//! `tests/fixtures/aws-json`, the specs `specgen import` made of the models in
//! `tests/fixtures/aws-models` (`tests/fixtures/aws-import`), and the public-style specs in
//! `tests/fixtures/openapi`. That it
//! compiles (and passes clippy in CI) is half the test; `tests/` holds the other half.

macro_rules! generated {
    ($(#[$doc:meta] $name:ident => $file:literal),* $(,)?) => {$(
        #[$doc]
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/", $file));
        }
    )*};
}

generated! {
    /// Amazon Cognito Identity (`tests/fixtures/aws-json/cognito-identity.json`).
    cognito_identity => "cognito_identity.rs",
    /// Amazon DynamoDB: recursive `AttributeValue`, `number` with `format: double`.
    dynamodb => "dynamodb.rs",
    /// Amazon EventBridge: look-around patterns.
    events => "events.rs",
    /// AWS Key Management Service.
    kms => "kms.rs",
    /// AWS Secrets Manager.
    secretsmanager => "secretsmanager.rs",
    /// Alternatives with wire forms of their own, and an older conversion's document (`tests/fixtures/aws-json/wire-unions.yaml`).
    wire_unions => "wire_unions.rs",
    /// Every wire form a member can have: documents, floats, doubles and timestamps in each format (`tests/fixtures/aws-import/wire-formats.yaml`, of a hand-written model).
    wire_formats => "wire_formats.rs",
    /// Amazon Kendra's data sources: a Smithy document (`TemplateConfiguration.Template`).
    kendra => "kendra.rs",
    /// Amazon Lightsail's alarms: doubles.
    lightsail => "lightsail.rs",
    /// Amazon Redshift Serverless: epoch timestamps in requests, ISO 8601 in responses.
    redshift_serverless => "redshift_serverless.rs",
    /// Names that collide with Rust (`tests/fixtures/openapi/naming.yaml`).
    naming => "naming.rs",
    /// A REST API with unions, nullable members, enums and formats.
    petstore => "petstore.rs",
    /// Untagged unions, recursion, inline objects and maps of lists.
    library => "library.rs",
    /// A JSON spec with number bounds, odd enum values and a `not` schema.
    weather => "weather.rs",
    /// REST operations: parameters in the path, query, headers and cookies, and responses per status (`tests/fixtures/openapi/rest.yaml`).
    rest => "rest.rs",
    /// The same in OpenAPI 3.1 (`tests/fixtures/openapi/rest31.yaml`).
    rest31 => "rest31.rs",
}
