//! The model to an OpenAPI 3.0 document: `info` with the service's facts, one path per
//! operation, and the components the operations use.

use serde_yaml::{Mapping, Value};

use super::model::{Model, Operation};
use super::schema::{Obj, Shapes, description, schema_ref};
use crate::error::{Error, ErrorKind, Result, pointer_join};
use crate::ir::Warning;

/// SigV4 headers the old conversion declared on every path; the generator skips them.
const AMZ_HEADERS: &[&str] = &[
    "X-Amz-Content-Sha256",
    "X-Amz-Date",
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
    "X-Amz-Signature",
    "X-Amz-SignedHeaders",
];

/// The first fake status code of an operation's errors (`480`, `481`, ...).
const FIRST_ERROR_STATUS: usize = 480;

/// Builds the OpenAPI document of `model`, with what the conversion left out (members that
/// carry event streams) as warnings.
pub fn document(model: &Model) -> Result<(Value, Vec<Warning>)> {
    let meta = &model.metadata;
    if meta.protocol != "json" && !meta.protocols.iter().any(|p| p == "json") {
        return Err(Error::at(
            ErrorKind::Unsupported,
            "#/metadata/protocol",
            format!(
                "protocol `{}` is not supported: the importer reads models of the AWS JSON protocol (`json`)",
                meta.protocol
            ),
        ));
    }
    let Some(prefix) = &meta.target_prefix else {
        return Err(Error::at(
            ErrorKind::Invalid,
            "#/metadata",
            "missing `targetPrefix`, by which the JSON protocol routes operations",
        ));
    };
    let json_version = match meta.json_version.as_deref() {
        Some(v @ ("1.0" | "1.1")) => v,
        Some(other) => {
            return Err(Error::at(
                ErrorKind::Unsupported,
                "#/metadata/jsonVersion",
                format!("JSON protocol version `{other}` is not supported (expected 1.0 or 1.1)"),
            ));
        }
        None => {
            return Err(Error::at(
                ErrorKind::Invalid,
                "#/metadata",
                "missing `jsonVersion` (1.0 or 1.1)",
            ));
        }
    };
    let shapes = Shapes::new(model);
    shapes.check_streams()?;
    let streams = shapes.event_streams();
    let warnings = streams
        .iter()
        .map(|(structure, member, stream)| {
            let members = pointer_join(&pointer_join("#/shapes", structure), "members");
            Warning {
                pointer: pointer_join(&members, member),
                message: format!(
                    "event stream member left out of the JSON body: `{member}` targets the \
                     event stream `{stream}`, which AWS sends in event-stream frames, not as \
                     JSON (the docs of `{structure}` and of its operations say so)"
                ),
            }
        })
        .collect();

    let mut info = Obj::new();
    info.set("title", meta.service_full_name.clone());
    info.set("version", meta.api_version.clone());
    info.opt("description", description(&model.documentation));
    info.set("x-aws-protocol", "json");
    if !meta.protocols.is_empty() {
        info.set("x-aws-protocols", meta.protocols.clone());
    }
    info.set("x-aws-json-version", json_version);
    info.set("x-aws-target-prefix", prefix.clone());
    // SigV4 signs with the endpoint prefix unless the model names another signing name.
    info.opt(
        "x-aws-signing-name",
        meta.signing_name.clone().or(meta.endpoint_prefix.clone()),
    );
    info.opt("x-aws-endpoint-prefix", meta.endpoint_prefix.clone());
    info.opt("x-aws-service-id", meta.service_id.clone());
    info.opt(
        "x-aws-service-abbreviation",
        meta.service_abbreviation.clone(),
    );
    info.opt("x-aws-signature-version", meta.signature_version.clone());
    info.opt("x-aws-auth", meta.auth.clone());
    info.flag(
        "x-aws-query-compatible",
        meta.aws_query_compatible.is_some(),
    );
    info.opt("x-aws-uid", meta.uid.clone());

    let mut paths = Obj::new();
    for (name, op) in &model.operations {
        let at = pointer_join("#/operations", name);
        let target = format!("{prefix}.{name}");
        let mut item = Obj::new();
        item.set(
            "post",
            operation(&shapes, &streams, name, op, &target, &at)?,
        );
        item.set(
            "parameters",
            AMZ_HEADERS
                .iter()
                .map(|h| {
                    Obj::new()
                        .set("$ref", format!("#/components/parameters/{h}"))
                        .take()
                })
                .collect::<Vec<_>>(),
        );
        paths.set(&format!("/#X-Amz-Target={target}"), item.value());
    }

    let mut schemas = Obj::new();
    for (name, shape) in &model.shapes {
        schemas.set(name, shapes.schema(name, shape)?);
    }
    let mut parameters = Obj::new();
    for h in AMZ_HEADERS {
        parameters.set(
            h,
            Obj::new()
                .set("name", *h)
                .set("in", "header")
                .set("required", false)
                .set("schema", Obj::new().set("type", "string").take())
                .take(),
        );
    }
    let mut components = Obj::new();
    components.set("parameters", parameters.value());
    components.set(
        "securitySchemes",
        Obj::new()
            .set(
                "hmac",
                Obj::new()
                    .set("type", "apiKey")
                    .set("name", "Authorization")
                    .set("in", "header")
                    .set("description", "Amazon Signature authorization v4")
                    .set("x-amazon-apigateway-authtype", "awsSigv4")
                    .take(),
            )
            .take(),
    );
    components.set("schemas", schemas.value());

    let mut doc = Obj::new();
    doc.set("openapi", "3.0.0");
    doc.set("info", info.value());
    doc.set("paths", paths.value());
    doc.set("components", components.value());
    doc.set("security", vec![hmac_requirement()]);
    Ok((doc.value(), warnings))
}

/// `{hmac: []}`: requests are signed with SigV4.
fn hmac_requirement() -> Value {
    let mut m = Mapping::new();
    m.insert("hmac".into(), Value::Sequence(Vec::new()));
    Value::Mapping(m)
}

/// An operation's `post`.
fn operation(
    shapes: &Shapes<'_>,
    streams: &[(&str, &str, &str)],
    name: &str,
    op: &Operation,
    target: &str,
    at: &str,
) -> Result<Value> {
    let mut o = Obj::new();
    o.set("operationId", name);
    let mut doc = description(&op.documentation);
    // Event streams of the input or output: not on the JSON wire, said in the docs.
    for (what, r) in [("request", &op.input), ("response", &op.output)] {
        let Some(r) = r else { continue };
        for (_, member, stream) in streams.iter().filter(|s| s.0 == r.shape) {
            let note = format!(
                "<p>The {what} member <code>{member}</code> (the event stream \
                 <code>{stream}</code>) is left out: AWS sends it in event-stream frames, not \
                 in the JSON body.</p>"
            );
            doc = Some(match doc.take() {
                Some(d) => format!("{d} {note}"),
                None => note,
            });
        }
    }
    o.opt("description", doc);
    o.flag("deprecated", op.deprecated);
    o.opt("x-aws-deprecated-message", op.deprecated_message.clone());
    o.opt("x-aws-deprecated-since", op.deprecated_since.clone());
    o.set(
        "parameters",
        vec![
            Obj::new()
                .set("name", "X-Amz-Target")
                .set("in", "header")
                .set("required", true)
                .set(
                    "schema",
                    Obj::new()
                        .set("type", "string")
                        .set("enum", vec![target.to_owned()])
                        .take(),
                )
                .take(),
        ],
    );
    if let Some(input) = &op.input {
        let input_at = pointer_join(at, "input");
        structure_ref(shapes, &input.shape, &input_at, "input")?;
        o.set(
            "requestBody",
            Obj::new()
                .set("required", true)
                .set("content", json_content(&input.shape))
                .take(),
        );
    }
    let mut responses = Obj::new();
    let mut success = Obj::new();
    success.set("description", "Success");
    if let Some(output) = &op.output {
        structure_ref(shapes, &output.shape, &pointer_join(at, "output"), "output")?;
        success.set("content", json_content(&output.shape));
    }
    responses.set("200", success.value());
    let mut seen: Vec<&str> = Vec::new();
    for (i, error) in op.errors.iter().enumerate() {
        let error_at = pointer_join(&pointer_join(at, "errors"), &i.to_string());
        shapes.target(error, &error_at)?;
        if seen.contains(&error.shape.as_str()) {
            continue;
        }
        let status = FIRST_ERROR_STATUS + seen.len();
        seen.push(&error.shape);
        responses.set(
            &status.to_string(),
            Obj::new()
                .set("description", error.shape.clone())
                .set("content", json_content(&error.shape))
                .take(),
        );
    }
    o.set("responses", responses.value());
    if no_auth(op) {
        o.set("security", Value::Sequence(Vec::new()));
    }
    o.flag("x-aws-idempotent", op.idempotent);
    o.flag("x-aws-readonly", op.readonly);
    o.opt("x-aws-authtype", op.authtype.clone());
    o.opt("x-aws-auth", op.auth.clone());
    o.opt(
        "x-aws-host-prefix",
        op.endpoint.as_ref().map(|e| e.host_prefix.clone()),
    );
    o.opt("x-aws-endpoint-discovery", op.endpointdiscovery.clone());
    o.flag("x-aws-endpoint-operation", op.endpointoperation);
    o.opt("x-aws-http-checksum", op.http_checksum.clone());
    o.opt("x-aws-request-compression", op.requestcompression.clone());
    o.opt(
        "x-aws-static-context-params",
        op.static_context_params.clone(),
    );
    o.opt(
        "x-aws-operation-context-params",
        op.operation_context_params.clone(),
    );
    Ok(o.value())
}

/// Whether the operation is called unsigned (`authtype: none`, or `auth` of `noAuth` only).
fn no_auth(op: &Operation) -> bool {
    match &op.auth {
        Some(auth) => !auth.is_empty() && auth.iter().all(|a| a == "smithy.api#noAuth"),
        None => op.authtype.as_deref() == Some("none"),
    }
}

/// Checks that an operation's input or output is a structure.
fn structure_ref(shapes: &Shapes<'_>, name: &str, at: &str, what: &str) -> Result<()> {
    let shape = shapes.named(name, &pointer_join(at, "shape"))?;
    if shape.kind != "structure" {
        return Err(Error::at(
            ErrorKind::Invalid,
            pointer_join(at, "shape"),
            format!(
                "the {what} of an operation must be a structure, but `{name}` is of type {}",
                shape.kind
            ),
        ));
    }
    Ok(())
}

/// `content: {application/json: {schema: {$ref}}}`.
fn json_content(shape: &str) -> Value {
    Obj::new()
        .set(
            "application/json",
            Obj::new().set("schema", schema_ref(shape)).take(),
        )
        .take()
}
