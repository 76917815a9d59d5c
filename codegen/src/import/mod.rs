//! `specgen import`: AWS service models (the JSON format botocore ships as
//! `botocore/data/<service>/<version>/service-2.json[.gz]`, and the AWS SDK for JavaScript v2
//! as `apis/*.normal.json`) to OpenAPI 3.0 YAML in the conventions [`crate::lower`] reads.
//!
//! ```no_run
//! let yaml = specgen::import::import_file(std::path::Path::new("service-2.json.gz"))?;
//! assert!(yaml.contains("x-aws-protocol: json"));
//! # Ok::<(), specgen::Error>(())
//! ```
//!
//! # The conversion
//!
//! - `info`: `title` is `serviceFullName`, `version` is `apiVersion`, `description` the
//!   service documentation (HTML as in the model).
//! - One path per operation, `/#X-Amz-Target=<targetPrefix>.<Operation>`, with `post`:
//!   `operationId`, the required `X-Amz-Target` header (an enum of the one target), a
//!   required `application/json` request body referencing the input shape, response `200`
//!   with the output shape (`description: Success` alone when there is none) and one
//!   response per error (each once), `480`, `481`, … in model order, whose `description`
//!   is the error shape's name. Paths also reference the SigV4 headers of
//!   `components/parameters`; operations called unsigned have `security: []`.
//! - One component schema per shape, in model order (botocore's models list shapes by
//!   name). Structures are `type: object` with `properties` (member names as in the model,
//!   or their `locationName`) and `required`; a member is a `$ref`, or `allOf: [$ref,
//!   {description}]` when it has documentation, with its other traits beside the `allOf`.
//!   Strings carry `enum`, `pattern`, `minLength`/`maxLength`, and `format: password`
//!   when sensitive; `integer` is `type: integer` (no format, as in the earlier
//!   conversion: the generator makes it `i64`), `long` adds `format: int64`; `float` and
//!   `double` are `type: number` with that format; `timestamp` is `format: date-time`,
//!   `blob` is `format: byte`; lists are arrays with `minItems`/`maxItems`, maps are
//!   objects with `additionalProperties` and `minProperties`/`maxProperties`; `min`/`max`
//!   of numbers are `minimum`/`maximum`; `default` and `deprecated` keep their names.
//!
//! # Extensions
//!
//! What OpenAPI has no keyword for is kept in `x-aws-*` extensions.
//!
//! In `info` (the service):
//!
//! | key | value |
//! |---|---|
//! | `x-aws-protocol` | `json`: the AWS JSON protocol (also for models that list `json` among several `protocols`) |
//! | `x-aws-protocols` | the model's `protocols`, in the service's order of preference |
//! | `x-aws-json-version` | `"1.0"` or `"1.1"`: the `application/x-amz-json-*` content type |
//! | `x-aws-target-prefix` | the part of `X-Amz-Target` before the operation name |
//! | `x-aws-signing-name` | the SigV4 signing name (`signingName`, else the endpoint prefix) |
//! | `x-aws-endpoint-prefix` | host name prefix of the endpoints |
//! | `x-aws-service-id` | the SDKs' service id |
//! | `x-aws-service-abbreviation` | short service name |
//! | `x-aws-signature-version` | `v4` |
//! | `x-aws-auth` | authentication schemes, in order of preference (`aws.auth#sigv4`) |
//! | `x-aws-query-compatible` | `true`: the service also reports errors in the AWS Query format |
//! | `x-aws-uid` | the model's unique id (`cognito-idp-2016-04-18`) |
//!
//! On an operation (`post`): `x-aws-idempotent` and `x-aws-readonly` (`true`),
//! `x-aws-authtype` and `x-aws-auth` (the model's `authtype` and `auth`),
//! `x-aws-host-prefix` (`endpoint.hostPrefix`), `x-aws-endpoint-discovery`
//! (`endpointdiscovery`, as in the model), `x-aws-endpoint-operation` (`true`: the
//! endpoint discovery operation), `x-aws-http-checksum`, `x-aws-request-compression`,
//! `x-aws-static-context-params` and `x-aws-operation-context-params` (as in the model),
//! `x-aws-deprecated-message` and `x-aws-deprecated-since` (beside `deprecated: true`).
//!
//! On a component schema (a shape):
//!
//! | key | value |
//! |---|---|
//! | `x-aws-error` | on exceptions: `code` (the error code on the wire: `error.code`, else the shape name), `http-status` (`error.httpStatusCode`, else 500 for server faults and 400 otherwise), `fault` (`client` or `server`: the shape's `fault`, else `error.senderFault`, else the status) and `retryable: {throttling: bool}` when the model says it may be retried |
//! | `x-aws-union` | `true`: exactly one member is set (members stay optional properties) |
//! | `x-aws-event-stream` | `true`: an event stream, one member per event (see "Event streams") |
//! | `x-aws-event` | `true`: an event of an event stream |
//! | `x-aws-event-stream-members` | on structures: the members left out of the JSON body because they carry an event stream, each `{name, event-stream, description}` |
//! | `x-aws-document` | `true`: free-form JSON (the schema has no `type`) |
//! | `x-aws-map-key` | on maps: the schema of the key (a `$ref` to a string shape, with its constraints) |
//! | `x-aws-length-min`, `x-aws-length-max` | on blobs: bounds of the length in bytes (`minLength`/`maxLength` would count base64 characters) |
//! | `x-aws-sensitive` | `true` on sensitive shapes that are not strings (strings use `format: password`) |
//! | `x-aws-timestamp-format` | `iso8601`, `unixTimestamp` or `rfc822`: how the timestamp is written on the wire |
//! | `x-aws-box` | `true`: the value may be absent where its type has a zero value |
//! | `x-aws-deprecated-message`, `x-aws-deprecated-since` | beside `deprecated: true` |
//!
//! On a member (beside its `allOf`, also for list members, map values and `x-aws-map-key`):
//! `x-aws-timestamp-format`, `x-aws-box`, `x-aws-deprecated-message`,
//! `x-aws-deprecated-since`, `x-aws-idempotency-token` (`true`: SDKs fill in a fresh
//! token when the caller leaves it out), `x-aws-json-value` (`true`: the string holds JSON
//! text), `x-aws-context-param` (the endpoint rule parameter bound to the member) and
//! `x-aws-member-name` (the model's member name when the wire name, `locationName`,
//! differs).
//!
//! # Event streams
//!
//! A few JSON services answer some operations with an event stream (Kinesis's
//! `SubscribeToShard`, CloudWatch Logs' `StartLiveTail`): a structure member that targets an
//! `eventstream` shape, whose events AWS sends in `application/vnd.amazon.eventstream`
//! frames after the JSON, never in the JSON body. Such a member is left out of the
//! structure's `properties` (and `required`), so the generated type reads and writes the
//! JSON body exactly; nothing is lost without a word:
//!
//! - the structure keeps `x-aws-event-stream-members: [{name, event-stream, description}]`,
//!   and its description and its operations' descriptions say which member is left out
//!   and why;
//! - the event stream shape stays a schema (`x-aws-union`, `x-aws-event-stream: true`: one
//!   member per event, none required, as a frame holds one event), and so do its events
//!   (`x-aws-event: true`);
//! - [`import_model_with_warnings`] (and `specgen import`) report one warning per such
//!   member, with its JSON pointer.
//!
//! # What is refused
//!
//! Models of other protocols; event payloads (`eventpayload`) and streaming shapes, which
//! the JSON wire cannot carry; REST bindings (`location`) on
//! members; and malformed models (bad JSON or gzip, missing keys, references to undefined
//! shapes, unknown shape types, map keys that are not strings). Every error names the
//! place in the model as a JSON pointer (`#/shapes/Foo/members/Bar`). Keys that only XML
//! and Query protocols read (`flattened`, `xmlNamespace`, `resultWrapper`, ...) are
//! ignored.

mod convert;
pub mod model;
mod schema;
mod yaml;

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::ir::Warning;
use crate::render::File;

/// The OpenAPI 3.0 YAML of a service model, given as JSON text (or gzip-compressed JSON,
/// recognised by its magic bytes).
pub fn import_model(bytes: &[u8]) -> Result<String> {
    import_model_with_warnings(bytes).map(|(yaml, _)| yaml)
}

/// [`import_model`], with what the conversion left out: one warning per member that
/// carries an event stream (see "Event streams" above).
pub fn import_model_with_warnings(bytes: &[u8]) -> Result<(String, Vec<Warning>)> {
    let model = parse_model(bytes)?;
    let (doc, warnings) = convert::document(&model)?;
    let source = model.metadata.uid.clone().unwrap_or_else(|| {
        format!(
            "{} {}",
            model.metadata.service_full_name, model.metadata.api_version
        )
    });
    Ok((yaml::render(&doc, &source), warnings))
}

/// The OpenAPI 3.0 YAML of the service model in the file `model`.
pub fn import_file(model: &Path) -> Result<String> {
    import_file_with_warnings(model).map(|(yaml, _)| yaml)
}

/// [`import_file`], with the warnings of [`import_model_with_warnings`].
pub fn import_file_with_warnings(model: &Path) -> Result<(String, Vec<Warning>)> {
    let bytes = std::fs::read(model).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the model: {e}")).in_file(model)
    })?;
    import_model_with_warnings(&bytes).map_err(|e| e.in_file(model))
}

/// Converts the model in the file `model` and writes the spec to `out`, through a
/// temporary file renamed into place: on any error the previous `out` is left as it was.
/// Returns the warnings of [`import_model_with_warnings`].
pub fn import_to_file(model: &Path, out: &Path) -> Result<Vec<Warning>> {
    let (yaml, warnings) = import_file_with_warnings(model)?;
    let Some(name) = out.file_name() else {
        return Err(
            Error::new(ErrorKind::Io, "the output path names no file".to_owned()).in_file(out),
        );
    };
    let dir = out.parent().unwrap_or(Path::new(""));
    crate::output::write_files(
        dir,
        &[File {
            path: name.to_string_lossy().into_owned(),
            contents: yaml,
        }],
    )?;
    Ok(warnings)
}

/// Reads a model: gunzips it when it starts with the gzip magic bytes, then reads the JSON,
/// reporting a wrongly typed or missing key with its JSON pointer.
pub fn parse_model(bytes: &[u8]) -> Result<model::Model> {
    let mut decoded = Vec::new();
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut decoded)
            .map_err(|e| Error::new(ErrorKind::Syntax, format!("invalid gzip data: {e}")))?;
        &decoded[..]
    } else {
        bytes
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // Syntax first, so that a structural error below always concerns valid JSON.
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes)
        .map_err(|e| Error::new(ErrorKind::Syntax, format!("invalid JSON: {e}")))?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Error::at(
            ErrorKind::Invalid,
            "#",
            "not a valid AWS service model: the model must be a JSON object",
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let model: model::Model = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let pointer = pointer_of(e.path());
        let inner = e.into_inner();
        // The position is of the JSON text; the pointer says more.
        let text = inner.to_string();
        let suffix = format!(" at line {} column {}", inner.line(), inner.column());
        let text = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
        Error::at(
            ErrorKind::Invalid,
            pointer,
            format!("not a valid AWS service model: {text}"),
        )
    })?;
    Ok(model)
}

/// `#/shapes/Foo/members/Bar` for a `serde_path_to_error` path.
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::from("#");
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&crate::error::pointer_segment(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}
