//! The AWS service model format (botocore's `service-2.json`, the AWS SDK for JavaScript
//! v2's `*.normal.json`), as far as the importer reads it.
//!
//! Keys the importer has no use for (`flattened`, `xmlNamespace`, `resultWrapper`, `http`,
//! `synthetic`, ...) are ignored, so newer models still load; every key that changes what
//! goes on the JSON wire is read here.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Number;
use serde_yaml::Value;

/// A whole service model.
#[derive(Debug, Deserialize)]
pub struct Model {
    /// Service-wide facts: protocol, names, versions.
    pub metadata: Metadata,
    /// Operations by name, in model order.
    #[serde(default)]
    pub operations: IndexMap<String, Operation>,
    /// Shapes by name, in model order.
    pub shapes: IndexMap<String, Shape>,
    /// Service documentation (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
}

/// The model's `metadata`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// API version (`2016-04-18`).
    pub api_version: String,
    /// Full service name (`Amazon Cognito Identity Provider`).
    pub service_full_name: String,
    /// Main wire protocol (`json`, `rest-json`, `smithy-rpc-v2-cbor`, ...).
    pub protocol: String,
    /// Every protocol the service speaks, in order of preference.
    #[serde(default)]
    pub protocols: Vec<String>,
    /// JSON protocol version (`1.0` or `1.1`).
    #[serde(default)]
    pub json_version: Option<String>,
    /// Prefix of the `X-Amz-Target` header (`AWSCognitoIdentityProviderService`).
    #[serde(default)]
    pub target_prefix: Option<String>,
    /// Host name prefix of the service's endpoints (`cognito-idp`).
    #[serde(default)]
    pub endpoint_prefix: Option<String>,
    /// SigV4 signing name, when it is not the endpoint prefix.
    #[serde(default)]
    pub signing_name: Option<String>,
    /// Service id of the SDKs (`Cognito Identity Provider`).
    #[serde(default)]
    pub service_id: Option<String>,
    /// Signature version (`v4`).
    #[serde(default)]
    pub signature_version: Option<String>,
    /// Short service name (`Amazon SQS`).
    #[serde(default)]
    pub service_abbreviation: Option<String>,
    /// Unique id of this model version (`cognito-idp-2016-04-18`).
    #[serde(default)]
    pub uid: Option<String>,
    /// Authentication schemes, in order of preference (`aws.auth#sigv4`).
    #[serde(default)]
    pub auth: Option<Vec<String>>,
    /// Present when the service also answers in the AWS Query error format.
    #[serde(default)]
    pub aws_query_compatible: Option<Value>,
}

/// One operation.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    /// Input structure.
    #[serde(default)]
    pub input: Option<ShapeRef>,
    /// Output structure.
    #[serde(default)]
    pub output: Option<ShapeRef>,
    /// Exceptions the operation may answer with, in model order.
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    /// Documentation (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
    /// Deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why it is deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Since when it is deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// Repeating the call with the same input has no further effect.
    #[serde(default)]
    pub idempotent: bool,
    /// The call changes nothing.
    #[serde(default)]
    pub readonly: bool,
    /// Legacy authentication type (`none`, `v4`, ...).
    #[serde(default)]
    pub authtype: Option<String>,
    /// Authentication schemes of this operation (`smithy.api#noAuth`).
    #[serde(default)]
    pub auth: Option<Vec<String>>,
    /// Endpoint traits (`hostPrefix`).
    #[serde(default)]
    pub endpoint: Option<Endpoint>,
    /// Endpoint discovery (`{}` or `{"required": true}`).
    #[serde(default)]
    pub endpointdiscovery: Option<Value>,
    /// This operation is the service's endpoint discovery operation.
    #[serde(default)]
    pub endpointoperation: bool,
    /// Request and response checksums.
    #[serde(default)]
    pub http_checksum: Option<Value>,
    /// Request compression (`{"encodings": ["gzip"]}`).
    #[serde(default)]
    pub requestcompression: Option<Value>,
    /// Endpoint rule parameters fixed by this operation.
    #[serde(default)]
    pub static_context_params: Option<Value>,
    /// Endpoint rule parameters taken from the input.
    #[serde(default)]
    pub operation_context_params: Option<Value>,
}

/// An operation's endpoint trait.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    /// Prefix put before the endpoint's host name (`data-`).
    pub host_prefix: String,
}

/// A reference to a shape with what the place of use adds: a structure member, a list
/// member, a map key or value, an operation's input, output or error.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShapeRef {
    /// The target shape's name.
    pub shape: String,
    /// Documentation at the place of use (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
    /// Name on the wire when it differs from the member name.
    #[serde(default)]
    pub location_name: Option<String>,
    /// Where a REST protocol puts the member (`header`, `uri`, ...).
    #[serde(default)]
    pub location: Option<String>,
    /// Deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why it is deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Since when it is deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// The member may be absent even where its type has a zero value.
    #[serde(default, rename = "box")]
    pub boxed: bool,
    /// SDKs fill in a fresh UUID when the caller leaves it out.
    #[serde(default)]
    pub idempotency_token: bool,
    /// Timestamp format of this member (`iso8601`, `unixTimestamp`, `rfc822`).
    #[serde(default)]
    pub timestamp_format: Option<String>,
    /// The string holds JSON text.
    #[serde(default)]
    pub jsonvalue: bool,
    /// Endpoint rule parameter bound to this member.
    #[serde(default)]
    pub context_param: Option<ContextParam>,
    /// Default value.
    #[serde(default)]
    pub default: Option<Value>,
    /// The member carries a stream.
    #[serde(default)]
    pub streaming: bool,
    /// The member carries an event stream's events.
    #[serde(default)]
    pub eventpayload: bool,
}

/// An endpoint rule parameter bound to a member.
#[derive(Debug, Deserialize)]
pub struct ContextParam {
    /// Parameter name.
    pub name: String,
}

/// A shape. One flat record for every type; [`Shape::kind`] says which keys apply.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    /// `structure`, `list`, `map`, `string`, `integer`, `long`, `float`, `double`,
    /// `boolean`, `timestamp` or `blob`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Members of a structure, in model order.
    #[serde(default)]
    pub members: IndexMap<String, ShapeRef>,
    /// Required members of a structure.
    #[serde(default)]
    pub required: Vec<String>,
    /// Element of a list.
    #[serde(default)]
    pub member: Option<ShapeRef>,
    /// Key of a map.
    #[serde(default)]
    pub key: Option<ShapeRef>,
    /// Value of a map.
    #[serde(default)]
    pub value: Option<ShapeRef>,
    /// Minimum length, size or value.
    #[serde(default)]
    pub min: Option<Number>,
    /// Maximum length, size or value.
    #[serde(default)]
    pub max: Option<Number>,
    /// Regular expression a string must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Values a string may take.
    #[serde(default, rename = "enum")]
    pub values: Vec<String>,
    /// Never log or show the value.
    #[serde(default)]
    pub sensitive: bool,
    /// Documentation (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
    /// Deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why it is deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Since when it is deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// The structure is an error.
    #[serde(default)]
    pub exception: bool,
    /// The error is the service's fault.
    #[serde(default)]
    pub fault: bool,
    /// Error code and HTTP status.
    #[serde(default)]
    pub error: Option<ErrorTrait>,
    /// The error may be retried.
    #[serde(default)]
    pub retryable: Option<Retryable>,
    /// Exactly one member is set.
    #[serde(default)]
    pub union: bool,
    /// Free-form JSON.
    #[serde(default)]
    pub document: bool,
    /// An event of an event stream.
    #[serde(default)]
    pub event: bool,
    /// An event stream.
    #[serde(default)]
    pub eventstream: bool,
    /// A stream of bytes.
    #[serde(default)]
    pub streaming: bool,
    /// A stream whose length must be known up front.
    #[serde(default)]
    pub requires_length: bool,
    /// Timestamp format of every use of this shape.
    #[serde(default)]
    pub timestamp_format: Option<String>,
    /// Values may be absent even where the type has a zero value.
    #[serde(default, rename = "box")]
    pub boxed: bool,
    /// Default value.
    #[serde(default)]
    pub default: Option<Value>,
}

/// An exception's `error` trait.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorTrait {
    /// Error code on the wire, when it is not the shape name.
    #[serde(default)]
    pub code: Option<String>,
    /// HTTP status of the error response.
    #[serde(default)]
    pub http_status_code: Option<u16>,
    /// The caller is at fault (`true`) or the service (`false`).
    #[serde(default)]
    pub sender_fault: Option<bool>,
}

/// An exception's `retryable` trait.
#[derive(Debug, Deserialize)]
pub struct Retryable {
    /// The error is throttling.
    #[serde(default)]
    pub throttling: bool,
}
