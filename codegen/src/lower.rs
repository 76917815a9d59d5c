//! Spec to IR: resolve references, classify schemas, assign names, compile patterns.
//!
//! Everything the emitters need is decided here, once. Every failure is an [`Error`] with
//! the JSON pointer of the construct; nothing in here panics on spec input.

use std::collections::{HashMap, HashSet};

use openapiv3::{
    AdditionalProperties, OpenAPI, Parameter as OaParameter, ParameterSchemaOrContent, PathItem,
    ReferenceOr, RequestBody, Response, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};

use crate::docs::html_to_markdown;
use crate::error::{Error, ErrorKind, Result, pointer_join};
use crate::ir::*;
use crate::names::{Scope, camel, path_name, snake};
use crate::pattern::{self, PatternError, PatternMode};
use crate::settings::{ProtocolChoice, Settings, UnsupportedPattern};

mod checks;
mod service_names;

const SCHEMAS: &str = "#/components/schemas";
const TARGET_PREFIX: &str = "/#X-Amz-Target=";

/// Builds the IR of a parsed spec.
pub fn lower(doc: &OpenAPI, settings: &Settings) -> Result<Api> {
    let protocol = detect_protocol(doc, settings);
    let pattern_mode = match (settings.pattern_mode, &protocol) {
        (Some(m), _) => m,
        (None, Protocol::AwsJson { .. }) => PatternMode::FullMatch,
        (None, Protocol::Generic) => PatternMode::Search,
    };
    let mut l = Lowerer {
        doc,
        rules: Conventions::of(&protocol),
        mode: pattern_mode,
        types: Vec::new(),
        schema_ids: HashMap::new(),
        type_names: Scope::new(),
        patterns: Vec::new(),
        pattern_ids: HashMap::new(),
        unusable_patterns: HashMap::new(),
        unsupported_pattern: settings.unsupported_pattern.unwrap_or_default(),
        warnings: Vec::new(),
        warned: HashSet::new(),
        merging: Vec::new(),
        fallback_notes: HashMap::new(),
        depth: 0,
        // `specgen import` marks documents (`x-aws-document`), so its objects without
        // members are structures without members.
        marks_documents: doc.info.extensions.contains_key("x-aws-protocol"),
        bodies: HashSet::new(),
    };
    l.register_components();
    if l.rules.closed_empty_objects && !l.marks_documents {
        l.bodies = l.body_schema_names();
    }
    let exception_names = if l.rules.exceptions {
        l.exception_schema_names()?
    } else {
        HashSet::new()
    };
    l.lower_components(&exception_names)?;
    let operations = l.lower_operations(&protocol)?;
    let mut exceptions: Vec<TypeId> = (0..l.types.len())
        .map(TypeId)
        .filter(|&id| matches!(l.types[id.0].kind, TypeKind::Exception(_)))
        .collect();
    exceptions.sort();
    l.check_alias_cycles()?;
    l.box_recursion()?;
    crate::sizes::box_large_alternatives(&mut l.types);
    l.mark_usage(&operations);

    let validation_error = settings
        .validation_exception
        .as_ref()
        .map(|code| code.as_str().to_owned())
        .unwrap_or_else(|| {
            let defined = |code: &str| {
                exceptions
                    .iter()
                    .any(|&id| l.types[id.0].error_code() == code)
            };
            if defined("ValidationException") {
                "ValidationException".to_owned()
            } else if defined("InvalidParameterException") {
                "InvalidParameterException".to_owned()
            } else {
                "ValidationException".to_owned()
            }
        });
    let mut api = Api {
        title: doc.info.title.clone(),
        version: doc.info.version.clone(),
        docs: doc.info.description.as_deref().map(html_to_markdown),
        protocol,
        pattern_mode,
        types: l.types,
        operations,
        patterns: l.patterns,
        exceptions,
        exception_variants: Vec::new(),
        validation_error,
        runtime: settings
            .runtime_path
            .as_ref()
            .map_or_else(|| "::specgen_runtime".to_owned(), |p| p.as_str().to_owned()),
        warnings: l.warnings,
        checks: Checks::default(),
    };
    checks::plan(&mut api);
    service_names::assign(&mut api);
    Ok(api)
}

/// AWS JSON when every path is `/#X-Amz-Target=<Service>.<Op>` (or when forced).
fn detect_protocol(doc: &OpenAPI, settings: &Settings) -> Protocol {
    let services: Vec<&str> = doc
        .paths
        .paths
        .keys()
        .filter_map(|p| p.strip_prefix(TARGET_PREFIX))
        .filter_map(|t| t.rsplit_once('.').map(|(service, _)| service))
        .collect();
    let detected = !doc.paths.paths.is_empty() && services.len() == doc.paths.paths.len();
    let info = &doc.info.extensions;
    let service = info
        .get("x-aws-target-prefix")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .or_else(|| services.first().map(|s| s.to_string()))
        .unwrap_or_else(|| camel(&doc.info.title, "Service"));
    // `specgen import` carries the model's `jsonVersion`; older conversions lost it.
    let json_version = match info.get("x-aws-json-version").and_then(|v| v.as_str()) {
        Some("1.0") => JsonVersion::V1_0,
        _ => JsonVersion::V1_1,
    };
    match settings.protocol {
        Some(ProtocolChoice::AwsJson) => Protocol::AwsJson {
            service,
            json_version,
        },
        Some(ProtocolChoice::Generic) => Protocol::Generic,
        None if detected => Protocol::AwsJson {
            service,
            json_version,
        },
        None => Protocol::Generic,
    }
}

/// What the wire says of an exception: the model's `x-aws-error` when the spec has it
/// (`specgen import` writes it), else the schema name as code and a status guessed from it
/// as AWS's SDKs do (500 for internal and server errors, 503 for unavailability).
fn error_info(schema_name: &str, schema: &ReferenceOr<Schema>) -> ErrorInfo {
    let given = match schema {
        ReferenceOr::Item(s) => s.schema_data.extensions.get("x-aws-error"),
        ReferenceOr::Reference { .. } => None,
    };
    let code = given
        .and_then(|e| e.get("code"))
        .and_then(|c| c.as_str())
        .filter(|c| !c.is_empty())
        .unwrap_or(schema_name)
        .to_owned();
    let guessed = if code.contains("Internal")
        || code.contains("ServerError")
        || code.contains("ServiceFault")
    {
        500
    } else if code.contains("ServiceUnavailable") {
        503
    } else {
        400
    };
    let http_status = given
        .and_then(|e| e.get("http-status"))
        .and_then(|s| s.as_u64())
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (100..600).contains(s))
        .unwrap_or(guessed);
    let fault = match given.and_then(|e| e.get("fault")).and_then(|f| f.as_str()) {
        Some("server") => Fault::Server,
        Some("client") => Fault::Client,
        _ if http_status >= 500 => Fault::Server,
        _ => Fault::Client,
    };
    ErrorInfo {
        code,
        http_status,
        fault,
    }
}

/// A boolean `x-aws-*` extension of a schema.
fn aws_flag(schema: &Schema, key: &str) -> bool {
    schema
        .schema_data
        .extensions
        .get(key)
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// A whole-number `x-aws-*` extension of a schema.
fn aws_count(schema: &Schema, key: &str) -> Option<u64> {
    schema
        .schema_data
        .extensions
        .get(key)
        .and_then(|v| v.as_u64())
}

/// What an `allOf` part is.
enum Part {
    Object,
    Union,
    Other,
}

/// What a schema turns into before it gets a name.
enum Lowered {
    Struct(Struct),
    Enum(StringEnum),
    Union(Union),
    Shape(Shape),
}

/// What the protocol decides about reading a spec, each rule named where the lowering
/// applies it: decided once, from the protocol.
#[derive(Debug, Clone, Copy)]
struct Conventions {
    /// `format: date-time` is a timestamp, epoch seconds on the wire (AWS JSON), rather than
    /// RFC 3339 text kept as a string (JSON Schema).
    epoch_timestamps: bool,
    /// What `specgen import` carries from an AWS model in `x-aws-*` extensions applies
    /// (sensitivity, byte lengths, map keys, timestamp formats).
    aws_extensions: bool,
    /// A component object schema without members is a structure (a body) or a document,
    /// never an open map: AWS models have no open maps.
    closed_empty_objects: bool,
    /// Error responses name exceptions, whose schemas become exception types.
    exceptions: bool,
    /// `x-amz-*` headers are signing and routing plumbing, not operation inputs.
    plumbing_headers: bool,
    /// An operation answers one variant per documented status, each with its own body (REST),
    /// rather than one output and its exceptions (AWS JSON).
    responses_by_status: bool,
}

impl Conventions {
    fn of(protocol: &Protocol) -> Self {
        let aws = matches!(protocol, Protocol::AwsJson { .. });
        Conventions {
            epoch_timestamps: aws,
            aws_extensions: aws,
            closed_empty_objects: aws,
            exceptions: aws,
            plumbing_headers: aws,
            responses_by_status: !aws,
        }
    }
}

struct Lowerer<'a> {
    doc: &'a OpenAPI,
    rules: Conventions,
    mode: PatternMode,
    types: Vec<TypeDef>,
    schema_ids: HashMap<String, TypeId>,
    type_names: Scope,
    patterns: Vec<PatternDef>,
    pattern_ids: HashMap<String, PatternId>,
    /// Patterns that cannot be enforced, and why (compiled once each).
    unusable_patterns: HashMap<String, PatternError>,
    /// Whether such a pattern is a warning or an error.
    unsupported_pattern: UnsupportedPattern,
    /// Warnings in spec order, at most one per pointer.
    warnings: Vec<Warning>,
    warned: HashSet<String>,
    /// Component schemas whose members an `allOf` is merging (to refuse endless merges).
    merging: Vec<TypeId>,
    /// Why a schema became free-form JSON, by its pointer, for its docs.
    fallback_notes: HashMap<String, String>,
    /// How deep inline schemas nest right now (to refuse absurd depths cleanly).
    depth: usize,
    /// Whether the spec marks Smithy documents itself (`x-aws-document`, as `specgen
    /// import` writes them); other AWS conversions write a document as an object schema
    /// without members.
    marks_documents: bool,
    /// Schemas that are a request or response body somewhere (AWS specs that do not mark
    /// documents): an object schema without members there is a structure, not a document.
    bodies: HashSet<String>,
}

/// Facts about a schema worth a line in the docs: format, default, direction, deprecation.
fn notes(schema: &Schema, rules: Conventions) -> Vec<String> {
    let mut out = Vec::new();
    let format = match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => match &s.format {
            VariantOrUnknownOrEmpty::Item(f) => Some(match f {
                StringFormat::DateTime if rules.epoch_timestamps => "",
                StringFormat::DateTime => "date-time",
                StringFormat::Date => "date",
                StringFormat::Byte => "byte",
                StringFormat::Binary => "binary",
                StringFormat::Password => "",
            }),
            VariantOrUnknownOrEmpty::Unknown(u) => Some(u.as_str()),
            VariantOrUnknownOrEmpty::Empty => None,
        },
        _ => None,
    };
    match format {
        Some("date-time") => out.push("Format: RFC 3339 date-time text.".to_owned()),
        Some("date") => out.push("Format: RFC 3339 full-date text (`2024-01-31`).".to_owned()),
        Some("byte") => out.push("Format: base64-encoded bytes.".to_owned()),
        Some("binary") => out.push("Format: binary data.".to_owned()),
        Some("uuid") => out.push("Format: UUID text.".to_owned()),
        Some("") | None => {}
        Some(other) => out.push(format!("Format: `{}`.", other.replace('`', "'"))),
    }
    if let Some(d) = &schema.schema_data.default {
        out.push(format!(
            "Default: {}.",
            crate::docs::code_span(&d.to_string())
        ));
    }
    if schema.schema_data.read_only {
        out.push("Read-only: sent by the server, ignored in requests.".to_owned());
    }
    if schema.schema_data.write_only {
        out.push("Write-only: sent in requests, never returned.".to_owned());
    }
    if schema.schema_data.deprecated {
        out.push("Deprecated.".to_owned());
    }
    if rules.aws_extensions {
        let format = schema
            .schema_data
            .extensions
            .get("x-aws-timestamp-format")
            .and_then(|v| v.as_str())
            .and_then(TimestampFormat::from_model);
        match format {
            Some(TimestampFormat::DateTime) => out.push(
                "Wire format: RFC 3339 text (`iso8601`, `\"2016-09-30T21:29:26.928Z\"`)."
                    .to_owned(),
            ),
            Some(TimestampFormat::HttpDate) => out.push(
                "Wire format: HTTP date text (`rfc822`, `\"Fri, 30 Sep 2016 21:29:26 GMT\"`)."
                    .to_owned(),
            ),
            Some(TimestampFormat::EpochSeconds) | None => {}
        }
    }
    if aws_flag(schema, "x-aws-document") {
        out.push("A document: any JSON value, kept as written.".to_owned());
    }
    out
}

/// Docs with notes appended.
fn with_notes(docs: Option<String>, notes: Vec<String>) -> Option<String> {
    if notes.is_empty() {
        return docs;
    }
    let notes = notes.join(" ");
    Some(match docs {
        Some(d) => format!("{d}\n\n{notes}"),
        None => notes,
    })
}

fn markdown(desc: &Option<String>) -> Option<String> {
    desc.as_deref()
        .map(html_to_markdown)
        .filter(|d| !d.trim().is_empty())
}

/// A schema that only annotates (`{description: ...}`), as in AWS's
/// `allOf: [{$ref}, {description}]`.
fn is_annotation(schema: &ReferenceOr<Schema>) -> bool {
    match schema {
        ReferenceOr::Reference { .. } => false,
        ReferenceOr::Item(s) => match &s.schema_kind {
            SchemaKind::Any(a) => *a == openapiv3::AnySchema::default(),
            _ => false,
        },
    }
}

impl Lowerer<'_> {
    fn components(&self) -> impl Iterator<Item = (&String, &ReferenceOr<Schema>)> {
        self.doc.components.iter().flat_map(|c| c.schemas.iter())
    }

    fn register_components(&mut self) {
        // A schema the reference pass moved into components keeps its own pointer.
        let origin = |schema: &ReferenceOr<Schema>| match schema {
            ReferenceOr::Item(s) => s
                .schema_data
                .extensions
                .get(crate::refs::ORIGIN)
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            ReferenceOr::Reference { .. } => None,
        };
        let entries: Vec<(String, String)> = self
            .components()
            .map(|(name, schema)| {
                let pointer = origin(schema).unwrap_or_else(|| pointer_join(SCHEMAS, name));
                (name.clone(), pointer)
            })
            .collect();
        for (name, pointer) in entries {
            let id = TypeId(self.types.len());
            let rust = self.type_names.claim(&camel(&name, "Schema"));
            self.types.push(TypeDef {
                name: rust,
                schema_name: name.clone(),
                pointer,
                docs: None,
                kind: TypeKind::Alias(Shape::plain(ShapeKind::Any)),
                in_request: false,
                in_response: false,
                error: None,
            });
            self.schema_ids.insert(name, id);
        }
    }

    /// The component a `$ref` points at.
    fn resolve_ref(&self, reference: &str, at: &str) -> Result<TypeId> {
        let Some(name) = reference.strip_prefix("#/components/schemas/") else {
            let kind = if reference.starts_with('#') {
                ErrorKind::Invalid
            } else {
                ErrorKind::Unsupported
            };
            return Err(Error::at(
                kind,
                at,
                format!(
                    "$ref `{reference}` is not supported: schemas must reference `#/components/schemas/<name>` in the same file"
                ),
            ));
        };
        let name = name.replace("~1", "/").replace("~0", "~");
        self.schema_ids.get(&name).copied().ok_or_else(|| {
            Error::at(
                ErrorKind::Invalid,
                at,
                format!("$ref `{reference}` does not resolve: there is no schema `{name}`"),
            )
        })
    }

    /// Exception schemas of the AWS profile: those referenced by non-2xx responses.
    fn exception_schema_names(&self) -> Result<HashSet<String>> {
        let mut names = HashSet::new();
        for (path, item) in &self.doc.paths.paths {
            let ReferenceOr::Item(item) = item else {
                continue;
            };
            for (method, op) in item.iter() {
                for (status, response) in &op.responses.responses {
                    if status.to_string().starts_with('2') {
                        continue;
                    }
                    let at =
                        pointer_path("#/paths", &[path, method, "responses", &status.to_string()]);
                    if let Some((schema, schema_at)) =
                        Self::response_schema(self.doc, response, &at)?
                        && let ReferenceOr::Reference { reference } = schema
                    {
                        let id = self.resolve_ref(reference, &schema_at)?;
                        names.insert(self.types[id.0].schema_name.clone());
                    }
                }
            }
        }
        Ok(names)
    }

    /// Component schemas referenced as a request or response body (of any status). A body
    /// that does not resolve is skipped here and reported where operations are lowered.
    fn body_schema_names(&self) -> HashSet<String> {
        let mut names = HashSet::new();
        let mut add = |schema: Option<(&ReferenceOr<Schema>, String)>| {
            if let Some((ReferenceOr::Reference { reference }, at)) = schema
                && let Ok(id) = self.resolve_ref(reference, &at)
            {
                names.insert(self.types[id.0].schema_name.clone());
            }
        };
        for (path, item) in &self.doc.paths.paths {
            let ReferenceOr::Item(item) = item else {
                continue;
            };
            for (method, op) in item.iter() {
                let at = pointer_path("#/paths", &[path, method]);
                if let Some(body) = &op.request_body {
                    add(Self::request_body(self.doc, body, &at).ok().flatten());
                }
                let responses = op.responses.responses.values();
                for response in responses.chain(op.responses.default.iter()) {
                    add(Self::response_schema(self.doc, response, &at)
                        .ok()
                        .flatten());
                }
            }
        }
        names
    }

    /// The `x-aws-timestamp-format` of a schema or member (`None` when it has none).
    fn timestamp_format(schema: &Schema, pointer: &str) -> Result<Option<TimestampFormat>> {
        let Some(value) = schema.schema_data.extensions.get("x-aws-timestamp-format") else {
            return Ok(None);
        };
        match value.as_str().and_then(TimestampFormat::from_model) {
            Some(format) => Ok(Some(format)),
            None => Err(Error::at(
                ErrorKind::Invalid,
                pointer_join(pointer, "x-aws-timestamp-format"),
                format!(
                    "unknown timestamp format {value} (expected iso8601, unixTimestamp or rfc822)"
                ),
            )),
        }
    }

    fn lower_components(&mut self, exceptions: &HashSet<String>) -> Result<()> {
        let doc = self.doc;
        let entries: Vec<(&String, &ReferenceOr<Schema>)> = doc
            .components
            .iter()
            .flat_map(|c| c.schemas.iter())
            .collect();
        for (name, schema) in entries {
            let id = self.schema_ids[name];
            let pointer = self.types[id.0].pointer.clone();
            let (kind, docs) = if exceptions.contains(name) {
                (
                    TypeKind::Exception(self.exception_struct(schema, &pointer, name)?),
                    None,
                )
            } else {
                match schema {
                    ReferenceOr::Reference { reference } => {
                        let target = self.resolve_ref(reference, &pointer)?;
                        (
                            TypeKind::Alias(Shape::plain(ShapeKind::Named(target))),
                            None,
                        )
                    }
                    ReferenceOr::Item(s) => {
                        let kind = match self.lower_schema(s, &pointer, name, true)? {
                            Lowered::Struct(st) => TypeKind::Struct(st),
                            Lowered::Enum(en) => TypeKind::Enum(en),
                            Lowered::Union(u) => TypeKind::Union(u),
                            Lowered::Shape(sh) => TypeKind::Alias(sh),
                        };
                        (kind, markdown(&s.schema_data.description))
                    }
                }
            };
            let docs = match schema {
                ReferenceOr::Item(s) => with_notes(
                    docs.or_else(|| markdown(&s.schema_data.description)),
                    notes(s, self.rules),
                ),
                _ => docs,
            };
            let docs = self.with_fallback_note(docs, &pointer);
            let error = exceptions.contains(name).then(|| error_info(name, schema));
            let def = &mut self.types[id.0];
            def.kind = kind;
            def.docs = docs;
            def.error = error;
        }
        Ok(())
    }

    /// An AWS exception: `message` plus any members the schema declares.
    fn exception_struct(
        &mut self,
        schema: &ReferenceOr<Schema>,
        pointer: &str,
        name: &str,
    ) -> Result<Struct> {
        match schema {
            ReferenceOr::Item(s) => match self.lower_schema(s, pointer, name, true)? {
                Lowered::Struct(mut st) => {
                    st.fields
                        .retain(|f| !f.wire_name.eq_ignore_ascii_case("message"));
                    Ok(st)
                }
                _ => Ok(Struct::default()),
            },
            ReferenceOr::Reference { .. } => Ok(Struct::default()),
        }
    }

    /// The pattern's id, or (when it cannot be enforced and the options allow that) what the
    /// docs say instead; the warning names the schema's pointer.
    fn pattern(
        &mut self,
        source: &str,
        pointer: &str,
        schema_name: &str,
    ) -> Result<std::result::Result<PatternId, UnenforcedPattern>> {
        if let Some(&id) = self.pattern_ids.get(source) {
            return Ok(Ok(id));
        }
        let failure = match self.unusable_patterns.get(source) {
            Some(e) => e.clone(),
            None => match pattern::compile(source, self.mode) {
                Ok(compiled) => {
                    if compiled.engine == pattern::Engine::Fancy {
                        // Generated code compiles only with the runtime's backtracking engine.
                        self.warnings.push(Warning {
                            pointer: pointer_join(pointer, "pattern"),
                            message: format!(
                                "schema `{schema_name}`: pattern `{source}` has look-around \
                                 away from its anchored ends, or back-references: only \
                                 `fancy-regex` runs it (by backtracking, within a step limit), \
                                 so the generated code needs feature `fancy-regex` of \
                                 `specgen-runtime`"
                            ),
                        });
                    }
                    let id = PatternId(self.patterns.len());
                    self.patterns.push(compiled);
                    self.pattern_ids.insert(source.to_owned(), id);
                    return Ok(Ok(id));
                }
                Err(e) => {
                    self.unusable_patterns.insert(source.to_owned(), e.clone());
                    e
                }
            },
        };
        let pointer = pointer_join(pointer, "pattern");
        let java_rejects = failure.kind == pattern::PatternErrorKind::Invalid;
        let message = if java_rejects {
            format!("schema `{schema_name}`: {failure} (Java rejects it too)")
        } else {
            format!("schema `{schema_name}`: {failure}")
        };
        if self.unsupported_pattern == UnsupportedPattern::Error {
            return Err(Error::at(ErrorKind::Unsupported, pointer, message));
        }
        if self.warned.insert(pointer.clone()) {
            self.warnings.push(Warning {
                pointer,
                message: format!(
                    "{message}; generated code does not enforce it (option \
                     `unsupported-pattern=error` refuses it instead)"
                ),
            });
        }
        Ok(Err(UnenforcedPattern {
            source: source.to_owned(),
            reason: if java_rejects {
                format!("Java rejects it, {}", failure.reason)
            } else {
                failure.reason
            },
        }))
    }

    fn string_shape(
        &mut self,
        format: &VariantOrUnknownOrEmpty<StringFormat>,
        min_length: Option<usize>,
        max_length: Option<usize>,
        pattern: Option<&str>,
        pointer: &str,
        name: &str,
    ) -> Result<Shape> {
        let mut constraints = Constraints {
            min_len: min_length.map(|v| v as u64),
            max_len: max_length.map(|v| v as u64),
            ..Constraints::default()
        };
        if let Some(p) = pattern {
            match self.pattern(p, pointer, name)? {
                Ok(id) => constraints.pattern = Some(id),
                Err(unenforced) => constraints.unenforced_pattern = Some(unenforced),
            }
        }
        let kind = match format {
            // AWS JSON puts timestamps on the wire as epoch seconds; JSON Schema as RFC 3339
            // text, which stays a string.
            VariantOrUnknownOrEmpty::Item(StringFormat::DateTime)
                if self.rules.epoch_timestamps =>
            {
                ShapeKind::Timestamp
            }
            VariantOrUnknownOrEmpty::Item(StringFormat::Password) => {
                constraints.sensitive = true;
                ShapeKind::String
            }
            _ => ShapeKind::String,
        };
        Ok(Shape { kind, constraints })
    }

    fn string_enum(&self, values: &[Option<String>]) -> StringEnum {
        // Values the spec does not list are kept in the emitter's `Unlisted_`, which no
        // `camel` name can be (they have no `_`): a listed "UNKNOWN" is simply `Unknown`.
        let mut scope = Scope::new();
        let mut seen = HashSet::new();
        let values = values
            .iter()
            .flatten()
            .filter(|v| seen.insert(v.as_str()))
            .map(|v| EnumValue {
                name: scope.claim(&camel(v, "Empty")),
                wire: v.clone(),
            })
            .collect();
        StringEnum { values }
    }

    fn int_bounds(
        min: Option<i64>,
        max: Option<i64>,
        exclusive_min: bool,
        exclusive_max: bool,
    ) -> (Option<Bound>, Option<Bound>) {
        let min = min.map(|m| {
            if exclusive_min {
                m.saturating_add(1)
            } else {
                m
            }
        });
        let max = max.map(|m| {
            if exclusive_max {
                m.saturating_sub(1)
            } else {
                m
            }
        });
        (min.map(Bound::Int), max.map(Bound::Int))
    }

    /// Lowers an inline schema. `top` is true for component schemas (their objects become
    /// the named type itself).
    fn lower_schema(
        &mut self,
        schema: &Schema,
        pointer: &str,
        name: &str,
        top: bool,
    ) -> Result<Lowered> {
        let mut lowered = self.lower_schema_kind(schema, pointer, name, top)?;
        if self.rules.aws_extensions {
            // What `specgen import` carries from the model that OpenAPI has no word for.
            let sensitive = aws_flag(schema, "x-aws-sensitive");
            match &mut lowered {
                Lowered::Shape(shape) => {
                    shape.constraints.sensitive |= sensitive;
                    shape.constraints.min_bytes = aws_count(schema, "x-aws-length-min");
                    shape.constraints.max_bytes = aws_count(schema, "x-aws-length-max");
                    if matches!(shape.kind, ShapeKind::Map(_)) {
                        shape.constraints.map_key = self.map_key(schema, pointer, name)?;
                    }
                    // The member's format (a use site) is set over its shape's.
                    shape.constraints.timestamp_format = Self::timestamp_format(schema, pointer)?;
                }
                Lowered::Struct(st) => st.sensitive |= sensitive,
                Lowered::Enum(_) | Lowered::Union(_) => {}
            }
        }
        Ok(lowered)
    }

    /// The shape of a map's keys (`x-aws-map-key`, as `specgen import` writes it), whose
    /// constraints the map's checks apply to every key.
    fn map_key(
        &mut self,
        schema: &Schema,
        pointer: &str,
        name: &str,
    ) -> Result<Option<Box<Shape>>> {
        let Some(value) = schema.schema_data.extensions.get("x-aws-map-key") else {
            return Ok(None);
        };
        let at = pointer_join(pointer, "x-aws-map-key");
        let key: ReferenceOr<Schema> = serde_json::from_value(value.clone()).map_err(|e| {
            Error::at(
                ErrorKind::Invalid,
                at.clone(),
                format!("schema `{name}`: `x-aws-map-key` is not a schema: {e}"),
            )
        })?;
        let (shape, _, _) = self.use_site(&key, &at, &format!("{name}Key"))?;
        Ok(Some(Box::new(shape)))
    }

    fn lower_schema_kind(
        &mut self,
        schema: &Schema,
        pointer: &str,
        name: &str,
        top: bool,
    ) -> Result<Lowered> {
        // A Smithy document is any JSON value, whatever else the schema says.
        if aws_flag(schema, "x-aws-document") {
            return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any)));
        }
        Ok(match &schema.schema_kind {
            SchemaKind::Type(t) => self.lower_type(t, pointer, name, top)?,
            SchemaKind::AllOf { all_of } => self.lower_all_of(all_of, pointer, name, top)?,
            SchemaKind::OneOf { one_of } => {
                self.lower_union(one_of, "oneOf", schema, pointer, name, &[])?
            }
            SchemaKind::AnyOf { any_of } => {
                self.lower_union(any_of, "anyOf", schema, pointer, name, &[])?
            }
            SchemaKind::Not { .. } => {
                // Documented fallback: `not` constrains nothing we can represent.
                Lowered::Shape(Shape::plain(ShapeKind::Any))
            }
            SchemaKind::Any(a) => self.lower_any(a, pointer, name, top)?,
        })
    }

    /// A schema of one `type`.
    fn lower_type(&mut self, t: &Type, pointer: &str, name: &str, top: bool) -> Result<Lowered> {
        Ok(match t {
            Type::String(s) => {
                if s.enumeration.iter().any(Option::is_some) {
                    Lowered::Enum(self.string_enum(&s.enumeration))
                } else {
                    Lowered::Shape(self.string_shape(
                        &s.format,
                        s.min_length,
                        s.max_length,
                        s.pattern.as_deref(),
                        pointer,
                        name,
                    )?)
                }
            }
            Type::Integer(i) => {
                let width = match &i.format {
                    VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => IntWidth::I32,
                    _ => IntWidth::I64,
                };
                let (minimum, maximum) = Self::int_bounds(
                    i.minimum,
                    i.maximum,
                    i.exclusive_minimum,
                    i.exclusive_maximum,
                );
                let values: Vec<i64> = i.enumeration.iter().flatten().copied().collect();
                Lowered::Shape(Shape {
                    kind: ShapeKind::Integer(width),
                    constraints: Constraints {
                        minimum,
                        maximum,
                        int_enum: (!values.is_empty()).then_some(values),
                        ..Constraints::default()
                    },
                })
            }
            Type::Number(n) => {
                let width = match &n.format {
                    VariantOrUnknownOrEmpty::Item(openapiv3::NumberFormat::Float) => {
                        FloatWidth::F32
                    }
                    _ => FloatWidth::F64,
                };
                Lowered::Shape(Shape {
                    kind: ShapeKind::Number(width),
                    constraints: Constraints {
                        minimum: n.minimum.map(Bound::Float),
                        maximum: n.maximum.map(Bound::Float),
                        exclusive: Exclusive {
                            min: n.exclusive_minimum && n.minimum.is_some(),
                            max: n.exclusive_maximum && n.maximum.is_some(),
                        },
                        ..Constraints::default()
                    },
                })
            }
            Type::Boolean(_) => Lowered::Shape(Shape::plain(ShapeKind::Boolean)),
            Type::Object(o) => self.lower_object(
                &o.properties,
                &o.required,
                o.additional_properties.as_ref(),
                o.min_properties,
                o.max_properties,
                pointer,
                name,
                top,
                &HashMap::new(),
            )?,
            Type::Array(a) => {
                let item_pointer = pointer_join(pointer, "items");
                let item = match &a.items {
                    Some(items) => {
                        self.use_site(items, &item_pointer, &format!("{name}Item"))?
                            .0
                    }
                    None => Shape::plain(ShapeKind::Any),
                };
                Lowered::Shape(Shape {
                    kind: ShapeKind::List(Box::new(item)),
                    constraints: Constraints {
                        min_len: a.min_items.map(|v| v as u64),
                        max_len: a.max_items.map(|v| v as u64),
                        ..Constraints::default()
                    },
                })
            }
        })
    }

    /// `oneOf`/`anyOf`: a union of the alternatives. A single alternative is that shape.
    fn lower_union(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        keyword: &str,
        schema: &Schema,
        pointer: &str,
        name: &str,
        hints: &[String],
    ) -> Result<Lowered> {
        let list_pointer = pointer_join(pointer, keyword);
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let at = pointer_join(&list_pointer, &i.to_string());
            let hint = hints
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{name}Variant{}", i + 1));
            let (shape, _, _) = self.use_site(part, &at, &hint)?;
            let base = match &shape.kind {
                ShapeKind::Named(id) => self.types[id.0].name.clone(),
                ShapeKind::String => "String".to_owned(),
                ShapeKind::Integer(_) => "Integer".to_owned(),
                ShapeKind::Number(_) => "Number".to_owned(),
                ShapeKind::Boolean => "Boolean".to_owned(),
                ShapeKind::Timestamp => "Timestamp".to_owned(),
                ShapeKind::Any => "Value".to_owned(),
                ShapeKind::List(_) => "List".to_owned(),
                ShapeKind::Map(_) => "Map".to_owned(),
            };
            variants.push(UnionVariant {
                name: scope.claim(&base),
                shape,
                boxed: false,
            });
        }
        match variants.len() {
            0 => return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any))),
            1 => return Ok(Lowered::Shape(variants.remove(0).shape)),
            _ => {}
        }
        let discriminator = match &schema.schema_data.discriminator {
            None => None,
            Some(d) => 'discriminator: {
                let mut mapping = Vec::new();
                for (value, reference) in &d.mapping {
                    let at = pointer_path(pointer, &["discriminator", "mapping", value]);
                    let resolved = if reference.starts_with('#') {
                        self.resolve_ref(reference, &at)
                    } else {
                        // A bare schema name is allowed too.
                        self.resolve_ref(&format!("#/components/schemas/{reference}"), &at)
                    };
                    let target = match resolved {
                        Ok(target) => target,
                        Err(e) if e.kind == ErrorKind::Invalid => {
                            // Without the whole mapping, values are told apart by trying
                            // each alternative, which reads every value a mapping would.
                            if self.warned.insert(at.clone()) {
                                self.warnings.push(Warning {
                                    pointer: at,
                                    message: format!(
                                        "{}; the discriminator is not used: values are told apart by trying each alternative",
                                        e.message
                                    ),
                                });
                            }
                            break 'discriminator None;
                        }
                        Err(e) => return Err(e),
                    };
                    let Some(index) = variants
                        .iter()
                        .position(|v| v.shape.kind == ShapeKind::Named(target))
                    else {
                        return Err(Error::at(
                            ErrorKind::Invalid,
                            at,
                            format!(
                                "discriminator value `{value}` maps to `{reference}`, which is not one of the {keyword} alternatives"
                            ),
                        ));
                    };
                    mapping.push((value.clone(), index));
                }
                // Alternatives without an explicit value are named by their schema name.
                for (index, v) in variants.iter().enumerate() {
                    if let ShapeKind::Named(id) = v.shape.kind
                        && !mapping.iter().any(|(_, i)| *i == index)
                    {
                        mapping.push((self.types[id.0].schema_name.clone(), index));
                    }
                }
                Some(Discriminator {
                    property: d.property_name.clone(),
                    mapping,
                })
            }
        };
        Ok(Lowered::Union(Union {
            variants,
            discriminator,
        }))
    }

    /// `allOf`: a single reference plus annotations is that type; objects are merged.
    fn lower_all_of(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        pointer: &str,
        name: &str,
        top: bool,
    ) -> Result<Lowered> {
        let substantive: Vec<(usize, &ReferenceOr<Schema>)> = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| !is_annotation(p))
            .collect();
        if let [(i, only)] = substantive.as_slice() {
            let at = pointer_join(&pointer_join(pointer, "allOf"), &i.to_string());
            return match only {
                ReferenceOr::Reference { reference } => Ok(Lowered::Shape(Shape::plain(
                    ShapeKind::Named(self.resolve_ref(reference, &at)?),
                ))),
                ReferenceOr::Item(s) => self.lower_schema(s, &at, name, top),
            };
        }
        if substantive.is_empty() {
            return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any)));
        }
        // What each part is: an object to merge, a union, or something else.
        let mut unions = Vec::new();
        let mut others = Vec::new();
        for &(i, part) in &substantive {
            match self.all_of_part(part) {
                Some(Part::Union) => unions.push(i),
                Some(Part::Object) => {}
                _ => others.push(i),
            }
        }
        if let ([u], []) = (unions.as_slice(), others.as_slice()) {
            return self.distribute_all_of(parts, *u, pointer, name);
        }
        if unions.is_empty()
            && others.len() == substantive.len()
            && let Some(shape) = self.merge_scalars(&substantive, pointer, name)?
        {
            return Ok(Lowered::Shape(shape));
        }
        if !unions.is_empty() || !others.is_empty() {
            // No Rust type holds "all of these at once" for scalars or several unions: the
            // value is kept whole, as JSON, and the docs say why.
            self.fallback_notes.insert(
                pointer.to_owned(),
                "Read as free-form JSON (`serde_json::Value`): this `allOf` combines schemas \
                 that are not all objects, which no Rust type can hold at once."
                    .to_owned(),
            );
            return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any)));
        }
        // Merge object members in order; later parts win on name clashes. Each member keeps
        // the pointer of the schema it comes from, for errors.
        let mut properties: indexmap::IndexMap<String, ReferenceOr<Box<Schema>>> =
            indexmap::IndexMap::new();
        let mut origins: HashMap<String, String> = HashMap::new();
        let mut required: Vec<String> = Vec::new();
        let mut merged = Vec::new();
        for (i, part) in substantive {
            let at = pointer_join(&pointer_join(pointer, "allOf"), &i.to_string());
            let (schema, origin) = match part {
                ReferenceOr::Reference { reference } => {
                    let id = self.resolve_ref(reference, &at)?;
                    if self.merging.contains(&id) {
                        return Err(Error::at(
                            ErrorKind::Unsupported,
                            at,
                            format!(
                                "allOf merges `{}` into a schema inside itself, which never ends; reference it as a member instead",
                                self.types[id.0].schema_name
                            ),
                        ));
                    }
                    merged.push(id);
                    let origin = self.types[id.0].pointer.clone();
                    // Through aliases of aliases to the object schema itself.
                    match self.part_schema(part) {
                        Some(s) => (s, origin),
                        None => {
                            return Err(Error::at(
                                ErrorKind::Unsupported,
                                at,
                                "allOf can only merge object schemas",
                            ));
                        }
                    }
                }
                ReferenceOr::Item(s) => (s, at.clone()),
            };
            let props_at = pointer_join(&origin, "properties");
            let (props, req) = match &schema.schema_kind {
                SchemaKind::Type(Type::Object(o)) => (&o.properties, &o.required),
                SchemaKind::Any(a) if !a.properties.is_empty() => (&a.properties, &a.required),
                _ => {
                    return Err(Error::at(
                        ErrorKind::Unsupported,
                        at,
                        "allOf can only merge object schemas (or annotate one reference)",
                    ));
                }
            };
            for (k, v) in props {
                properties.insert(k.clone(), v.clone());
                origins.insert(k.clone(), props_at.clone());
            }
            required.extend(req.iter().cloned());
        }
        let depth = self.merging.len();
        self.merging.extend(merged);
        let result = self.lower_object(
            &properties,
            &required,
            None,
            None,
            None,
            pointer,
            name,
            top,
            &origins,
        );
        self.merging.truncate(depth);
        result
    }

    fn component(&self, name: &str) -> Option<&ReferenceOr<Schema>> {
        self.doc.components.as_ref()?.schemas.get(name)
    }

    /// The schema of an `allOf` part, through its reference (`None`: a reference that does
    /// not resolve, reported when the part is lowered).
    fn part_schema<'s>(&'s self, part: &'s ReferenceOr<Schema>) -> Option<&'s Schema> {
        match part {
            ReferenceOr::Item(s) => Some(s),
            ReferenceOr::Reference { reference } => {
                // Aliases of aliases are followed; a cycle ends at `None`.
                let mut reference = reference;
                for _ in 0..32 {
                    let name = reference.strip_prefix("#/components/schemas/")?;
                    match self.component(name)? {
                        ReferenceOr::Item(s) => return Some(s),
                        ReferenceOr::Reference { reference: r } => reference = r,
                    }
                }
                None
            }
        }
    }

    /// What an `allOf` part is.
    fn all_of_part(&self, part: &ReferenceOr<Schema>) -> Option<Part> {
        let s = self.part_schema(part)?;
        Some(match &s.schema_kind {
            SchemaKind::Type(Type::Object(_)) => Part::Object,
            SchemaKind::Any(a) if !a.properties.is_empty() => Part::Object,
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => Part::Union,
            _ => Part::Other,
        })
    }

    /// `allOf` of one union and objects: the union, with the objects' members added to each
    /// alternative (alternative `i` is `allOf: [alternative i, the objects...]`), so that
    /// a value is still told apart the way the union tells its alternatives apart.
    fn distribute_all_of(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        union_at: usize,
        pointer: &str,
        name: &str,
    ) -> Result<Lowered> {
        let Some(union) = self.part_schema(&parts[union_at]).cloned() else {
            return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any)));
        };
        let (alternatives, keyword) = match &union.schema_kind {
            SchemaKind::OneOf { one_of } => (one_of.clone(), "oneOf"),
            SchemaKind::AnyOf { any_of } => (any_of.clone(), "anyOf"),
            _ => return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any))),
        };
        let rest: Vec<ReferenceOr<Schema>> = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != union_at)
            .map(|(_, p)| p.clone())
            .collect();
        let merged: Vec<ReferenceOr<Schema>> = alternatives
            .iter()
            .map(|alternative| {
                let mut all_of = vec![alternative.clone()];
                all_of.extend(rest.iter().cloned());
                ReferenceOr::Item(Schema {
                    schema_data: Default::default(),
                    schema_kind: SchemaKind::AllOf { all_of },
                })
            })
            .collect();
        let at = pointer_join(&pointer_join(pointer, "allOf"), &union_at.to_string());
        // Each merged alternative is named after the alternative it extends.
        let hints: Vec<String> = alternatives
            .iter()
            .enumerate()
            .map(|(i, a)| match a {
                ReferenceOr::Reference { reference } => {
                    format!("{name}{}", reference.rsplit('/').next().unwrap_or_default())
                }
                ReferenceOr::Item(_) => format!("{name}Variant{}", i + 1),
            })
            .collect();
        // The discriminator is set below, against the union's own alternatives.
        let mut plain = union.clone();
        plain.schema_data.discriminator = None;
        let lowered = self.lower_union(&merged, keyword, &plain, &at, name, &hints)?;
        // The discriminator maps values to the union's own alternatives; the merged
        // alternatives stand at the same positions.
        let Lowered::Union(mut u) = lowered else {
            return Ok(lowered);
        };
        if let Some(d) = &union.schema_data.discriminator {
            let mut mapping = Vec::new();
            for (value, reference) in &d.mapping {
                let full = if reference.starts_with('#') {
                    reference.clone()
                } else {
                    format!("#/components/schemas/{reference}")
                };
                if let Some(i) = alternatives.iter().position(
                    |a| matches!(a, ReferenceOr::Reference { reference: r } if *r == full),
                ) {
                    mapping.push((value.clone(), i));
                }
            }
            for (i, a) in alternatives.iter().enumerate() {
                if let ReferenceOr::Reference { reference } = a
                    && !mapping.iter().any(|(_, m)| *m == i)
                    && let Some(schema_name) = reference.strip_prefix("#/components/schemas/")
                {
                    mapping.push((schema_name.to_owned(), i));
                }
            }
            u.discriminator = Some(Discriminator {
                property: d.property_name.clone(),
                mapping,
            });
        }
        Ok(Lowered::Union(u))
    }

    /// `allOf` of inline scalars of one type (`{type: string, maxLength: 10}` and
    /// `{type: string, pattern: ...}`): one shape with every part's constraints, the
    /// tighter bound winning. `None` when the parts do not combine (different types,
    /// references, two patterns, enums).
    fn merge_scalars(
        &mut self,
        parts: &[(usize, &ReferenceOr<Schema>)],
        pointer: &str,
        name: &str,
    ) -> Result<Option<Shape>> {
        let mut merged: Option<Shape> = None;
        for &(i, part) in parts {
            let ReferenceOr::Item(s) = part else {
                return Ok(None);
            };
            let at = pointer_join(&pointer_join(pointer, "allOf"), &i.to_string());
            let Lowered::Shape(shape) = self.lower_schema(s, &at, name, false)? else {
                return Ok(None);
            };
            if !matches!(
                shape.kind,
                ShapeKind::String
                    | ShapeKind::Integer(_)
                    | ShapeKind::Number(_)
                    | ShapeKind::Boolean
            ) {
                return Ok(None);
            }
            merged = Some(match merged {
                None => shape,
                Some(acc) if acc.kind == shape.kind => {
                    let (a, b) = (&acc.constraints, &shape.constraints);
                    if (a.pattern.is_some() && b.pattern.is_some())
                        || a.int_enum.is_some()
                        || b.int_enum.is_some()
                    {
                        return Ok(None);
                    }
                    let tighter = |x: Option<Bound>, y: Option<Bound>, max: bool| match (x, y) {
                        (Some(Bound::Int(p)), Some(Bound::Int(q))) => {
                            Some(Bound::Int(if max { p.min(q) } else { p.max(q) }))
                        }
                        (Some(Bound::Float(p)), Some(Bound::Float(q))) => {
                            Some(Bound::Float(if max { p.min(q) } else { p.max(q) }))
                        }
                        (x, None) => x,
                        (None, y) => y,
                        (x, _) => x,
                    };
                    let minimum = tighter(a.minimum, b.minimum, false);
                    let maximum = tighter(a.maximum, b.maximum, true);
                    Shape {
                        kind: acc.kind.clone(),
                        constraints: Constraints {
                            min_len: a.min_len.max(b.min_len),
                            max_len: match (a.max_len, b.max_len) {
                                (Some(p), Some(q)) => Some(p.min(q)),
                                (p, q) => p.or(q),
                            },
                            pattern: a.pattern.or(b.pattern),
                            unenforced_pattern: a
                                .unenforced_pattern
                                .clone()
                                .or_else(|| b.unenforced_pattern.clone()),
                            minimum,
                            maximum,
                            // On a tie, an exclusive bound is the tighter.
                            exclusive: Exclusive {
                                min: (a.minimum == minimum && a.exclusive.min)
                                    || (b.minimum == minimum && b.exclusive.min),
                                max: (a.maximum == maximum && a.exclusive.max)
                                    || (b.maximum == maximum && b.exclusive.max),
                            },
                            sensitive: a.sensitive || b.sensitive,
                            ..Constraints::default()
                        },
                    }
                }
                Some(_) => return Ok(None),
            });
        }
        Ok(merged)
    }

    /// `docs` with the note of a schema lowered to free-form JSON, if it was.
    fn with_fallback_note(&mut self, docs: Option<String>, pointer: &str) -> Option<String> {
        match self.fallback_notes.remove(pointer) {
            Some(note) => with_notes(docs, vec![note]),
            None => docs,
        }
    }

    /// A schema `openapiv3` could not classify: go by its `type` and use what applies.
    fn lower_any(
        &mut self,
        a: &openapiv3::AnySchema,
        pointer: &str,
        name: &str,
        top: bool,
    ) -> Result<Lowered> {
        if !a.all_of.is_empty() && a.typ.is_none() && a.properties.is_empty() {
            return self.lower_all_of(&a.all_of, pointer, name, top);
        }
        if a.typ.is_none() && a.properties.is_empty() {
            let wrapper = Schema {
                schema_data: openapiv3::SchemaData::default(),
                schema_kind: SchemaKind::Any(openapiv3::AnySchema::default()),
            };
            if !a.one_of.is_empty() {
                return self.lower_union(&a.one_of, "oneOf", &wrapper, pointer, name, &[]);
            }
            if !a.any_of.is_empty() {
                return self.lower_union(&a.any_of, "anyOf", &wrapper, pointer, name, &[]);
            }
        }
        match typed(a, pointer, name)? {
            Some(t) => self.lower_type(&t, pointer, name, top),
            None => Ok(Lowered::Shape(Shape::plain(ShapeKind::Any))),
        }
    }

    /// An object schema as a structure (or a map); `origins` gives the `properties` pointer
    /// of members merged in from other schemas by `allOf` (empty otherwise).
    #[allow(clippy::too_many_arguments)]
    fn lower_object(
        &mut self,
        properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &[String],
        additional: Option<&AdditionalProperties>,
        min_properties: Option<usize>,
        max_properties: Option<usize>,
        pointer: &str,
        name: &str,
        top: bool,
        origins: &HashMap<String, String>,
    ) -> Result<Lowered> {
        let size = Constraints {
            min_len: min_properties.map(|v| v as u64),
            max_len: max_properties.map(|v| v as u64),
            ..Constraints::default()
        };
        if properties.is_empty() {
            match additional {
                Some(AdditionalProperties::Schema(value)) => {
                    let value_pointer = pointer_join(pointer, "additionalProperties");
                    let value = self
                        .use_site(value, &value_pointer, &format!("{name}Value"))?
                        .0;
                    return Ok(Lowered::Shape(Shape {
                        kind: ShapeKind::Map(Box::new(value)),
                        constraints: size,
                    }));
                }
                Some(AdditionalProperties::Any(false)) => {}
                // A structure without members: what `specgen import` writes for one, and
                // every body (AWS bodies are structures).
                None if self.rules.closed_empty_objects
                    && top
                    && (self.marks_documents || self.bodies.contains(name)) => {}
                // Other conversions of AWS models write a Smithy document this way: any JSON
                // value, kept whole.
                None if self.rules.closed_empty_objects && top => {
                    self.fallback_notes.insert(
                        pointer.to_owned(),
                        "Read as a document (any JSON value, kept as written): conversions of \
                         AWS models write Smithy documents as objects without members."
                            .to_owned(),
                    );
                    return Ok(Lowered::Shape(Shape::plain(ShapeKind::Any)));
                }
                // An object that admits any members keeps them all, in order.
                _ => {
                    return Ok(Lowered::Shape(Shape {
                        kind: ShapeKind::Map(Box::new(Shape::plain(ShapeKind::Any))),
                        constraints: size,
                    }));
                }
            }
        }
        let mut scope = Scope::new();
        let mut fields = Vec::with_capacity(properties.len());
        let props_pointer = pointer_join(pointer, "properties");
        for (wire, prop) in properties {
            let at = pointer_join(origins.get(wire).unwrap_or(&props_pointer), wire);
            let hint = format!("{name}{}", camel(wire, "Member"));
            let (shape, docs, nullable) = self.use_site(prop, &at, &hint)?;
            fields.push(Field {
                name: scope.claim(&snake(wire)),
                wire_name: wire.clone(),
                path_name: path_name(wire),
                docs,
                shape,
                required: required.iter().any(|r| r == wire),
                nullable,
                boxed: false,
                pointer: at,
            });
        }
        // Undeclared members are kept when the schema says so (`true` or a schema); `false`
        // and absence (the AWS convention) ignore them.
        let additional = match additional {
            Some(AdditionalProperties::Any(true)) => Some(Shape::plain(ShapeKind::Any)),
            Some(AdditionalProperties::Schema(value)) => {
                let value_pointer = pointer_join(pointer, "additionalProperties");
                Some(
                    self.use_site(value, &value_pointer, &format!("{name}Value"))?
                        .0,
                )
            }
            _ => None,
        }
        .map(|shape| Additional {
            name: scope.claim("additional_properties"),
            shape,
        });
        Ok(Lowered::Struct(Struct {
            fields,
            additional,
            sensitive: false,
        }))
    }

    /// The shape of a schema where it is used (property, items, map value): a reference
    /// stays a name; an inline object or enum becomes a named type from `hint`. Returns the
    /// shape, the docs given at the use site and whether it is `nullable`.
    fn use_site<S: AsSchema>(
        &mut self,
        schema: &ReferenceOr<S>,
        pointer: &str,
        hint: &str,
    ) -> Result<(Shape, Option<String>, bool)> {
        // Inline schemas nest as deep as the document; 64 is far beyond any real spec.
        if self.depth >= 64 {
            return Err(Error::at(
                ErrorKind::Unsupported,
                pointer,
                "inline schemas nest more than 64 levels deep; move some into components/schemas",
            ));
        }
        self.depth += 1;
        let result = self.use_site_inner(schema, pointer, hint);
        self.depth -= 1;
        result
    }

    fn use_site_inner<S: AsSchema>(
        &mut self,
        schema: &ReferenceOr<S>,
        pointer: &str,
        hint: &str,
    ) -> Result<(Shape, Option<String>, bool)> {
        match schema {
            ReferenceOr::Reference { reference } => Ok((
                Shape::plain(ShapeKind::Named(self.resolve_ref(reference, pointer)?)),
                None,
                false,
            )),
            ReferenceOr::Item(s) => {
                let s = s.as_schema();
                // Docs of `allOf: [{$ref}, {description}]` live in the annotation.
                let mut docs = markdown(&s.schema_data.description);
                if let SchemaKind::AllOf { all_of } = &s.schema_kind {
                    for part in all_of {
                        if let (ReferenceOr::Item(a), true) = (part, is_annotation(part)) {
                            docs = docs.or_else(|| markdown(&a.schema_data.description));
                        }
                    }
                }
                let nullable = s.schema_data.nullable;
                let docs = with_notes(docs, notes(s, self.rules));
                let lowered = self.lower_schema(s, pointer, hint, false)?;
                let docs = self.with_fallback_note(docs, pointer);
                let shape = match lowered {
                    Lowered::Shape(shape) => shape,
                    Lowered::Struct(st) => Shape::plain(ShapeKind::Named(self.add_inline(
                        hint,
                        pointer,
                        s,
                        TypeKind::Struct(st),
                    ))),
                    Lowered::Enum(en) => Shape::plain(ShapeKind::Named(self.add_inline(
                        hint,
                        pointer,
                        s,
                        TypeKind::Enum(en),
                    ))),
                    Lowered::Union(u) => Shape::plain(ShapeKind::Named(self.add_inline(
                        hint,
                        pointer,
                        s,
                        TypeKind::Union(u),
                    ))),
                };
                Ok((shape, docs, nullable))
            }
        }
    }

    fn add_inline(&mut self, hint: &str, pointer: &str, schema: &Schema, kind: TypeKind) -> TypeId {
        let id = TypeId(self.types.len());
        let name = self.type_names.claim(&camel(hint, "Inline"));
        self.types.push(TypeDef {
            name: name.clone(),
            schema_name: name,
            pointer: pointer.to_owned(),
            docs: markdown(&schema.schema_data.description),
            kind,
            in_request: false,
            in_response: false,
            error: None,
        });
        id
    }

    /// The schema of a response's JSON content, if any, with its pointer.
    fn response_schema<'r>(
        doc: &'r OpenAPI,
        response: &'r ReferenceOr<Response>,
        at: &str,
    ) -> Result<Option<(&'r ReferenceOr<Schema>, String)>> {
        let (response, at) =
            Self::resolve_component(doc, response, at, "responses", "response", |c| &c.responses)?;
        Ok(content_schema(&response.content, &at))
    }

    /// The response a response or its `$ref` stands for (`None` when it does not resolve,
    /// which [`Lowerer::response_schema`] reports).
    fn response_item<'r>(
        doc: &'r OpenAPI,
        response: &'r ReferenceOr<Response>,
    ) -> Option<&'r Response> {
        match response {
            ReferenceOr::Item(r) => Some(r),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/responses/")?;
                match doc.components.as_ref()?.responses.get(name)? {
                    ReferenceOr::Item(r) => Some(r),
                    ReferenceOr::Reference { .. } => None,
                }
            }
        }
    }

    /// The media type of a response body that is not JSON, if it has content and none of
    /// it is JSON.
    fn other_media(doc: &OpenAPI, response: &ReferenceOr<Response>) -> Option<String> {
        let content = &Self::response_item(doc, response)?.content;
        if content.keys().any(|k| k.contains("json")) {
            return None;
        }
        content.keys().next().cloned()
    }

    /// One documented response of a REST operation; its variant is named after the status
    /// (`Ok`, `NotFound`, `ClientError`, `Default`; `Status418` past the names HTTP gives).
    fn response_case(
        &self,
        response: &ReferenceOr<Response>,
        status: Status,
        body: Option<TypeId>,
        variants: &mut Scope,
    ) -> ResponseCase {
        let other_media = Self::other_media(self.doc, response);
        let docs = Self::response_item(self.doc, response)
            .map(|r| r.description.trim())
            .filter(|d| !d.is_empty())
            .map(html_to_markdown);
        let natural = match status {
            Status::Code(c) => status_name(c).map_or_else(|| format!("Status{c}"), str::to_owned),
            Status::Range(1) => "Informational".to_owned(),
            Status::Range(2) => "Success".to_owned(),
            Status::Range(3) => "Redirection".to_owned(),
            Status::Range(4) => "ClientError".to_owned(),
            Status::Range(5) => "ServerError".to_owned(),
            Status::Range(d) => format!("Status{d}xx"),
            Status::Default => "Default".to_owned(),
        };
        ResponseCase {
            status,
            variant: variants.claim(&natural),
            body: body.filter(|_| other_media.is_none()),
            other_media,
            docs,
        }
    }

    fn request_body<'r>(
        doc: &'r OpenAPI,
        body: &'r ReferenceOr<RequestBody>,
        at: &str,
    ) -> Result<Option<(&'r ReferenceOr<Schema>, String)>> {
        let (body, at) =
            Self::resolve_component(doc, body, at, "requestBodies", "requestBody", |c| {
                &c.request_bodies
            })?;
        Ok(content_schema(&body.content, &at))
    }

    /// What `item` (at `at`) stands for, and its pointer: itself, or the entry of
    /// `#/components/<section>` its `$ref` names (`what` names it in the error when that
    /// does not resolve).
    fn resolve_component<'r, T>(
        doc: &'r OpenAPI,
        item: &'r ReferenceOr<T>,
        at: &str,
        section: &str,
        what: &str,
        entries: impl Fn(&'r openapiv3::Components) -> &'r indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'r T, String)> {
        let reference = match item {
            ReferenceOr::Item(item) => return Ok((item, at.to_owned())),
            ReferenceOr::Reference { reference } => reference,
        };
        let prefix = format!("#/components/{section}/");
        let name = reference.strip_prefix(prefix.as_str());
        let found = name.and_then(|n| entries(doc.components.as_ref()?).get(n));
        match (name, found) {
            (Some(name), Some(ReferenceOr::Item(item))) => Ok((item, format!("{prefix}{name}"))),
            _ => Err(Error::at(
                ErrorKind::Invalid,
                at,
                format!("{what} $ref `{reference}` does not resolve"),
            )),
        }
    }

    /// A body schema as a named type (inline shapes get `hint` as their name).
    fn body_type(
        &mut self,
        schema: &ReferenceOr<Schema>,
        pointer: &str,
        hint: &str,
    ) -> Result<TypeId> {
        let (shape, docs, _) = self.use_site(schema, pointer, hint)?;
        if let (ShapeKind::Named(id), true) =
            (&shape.kind, shape.constraints == Constraints::default())
        {
            return Ok(*id);
        }
        let id = TypeId(self.types.len());
        let name = self.type_names.claim(&camel(hint, "Body"));
        self.types.push(TypeDef {
            name: name.clone(),
            schema_name: name,
            pointer: pointer.to_owned(),
            docs,
            kind: TypeKind::Alias(shape),
            in_request: false,
            in_response: false,
            error: None,
        });
        Ok(id)
    }

    fn parameter(
        &mut self,
        p: &ReferenceOr<OaParameter>,
        at: &str,
        op: &str,
    ) -> Result<Option<Parameter>> {
        let p = match p {
            ReferenceOr::Item(p) => p.clone(),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/parameters/");
                match name.and_then(|n| self.doc.components.as_ref()?.parameters.get(n)) {
                    Some(ReferenceOr::Item(p)) => p.clone(),
                    _ => {
                        return Err(Error::at(
                            ErrorKind::Invalid,
                            at,
                            format!("parameter $ref `{reference}` does not resolve"),
                        ));
                    }
                }
            }
        };
        // Lists repeat the parameter per item when exploded (the default of `form`, the
        // style of query and cookie parameters), else join their items with the style's
        // separator; paths and headers join them with commas.
        let joined = |data: &openapiv3::ParameterData, default: bool, separator: char| {
            if data.explode.unwrap_or(default) {
                ParamStyle::Repeated
            } else {
                ParamStyle::Separated(separator)
            }
        };
        let (data, location, style) = match &p {
            OaParameter::Query {
                parameter_data,
                style,
                ..
            } => {
                let style = match style {
                    openapiv3::QueryStyle::Form => joined(parameter_data, true, ','),
                    openapiv3::QueryStyle::SpaceDelimited => joined(parameter_data, false, ' '),
                    openapiv3::QueryStyle::PipeDelimited => joined(parameter_data, false, '|'),
                    openapiv3::QueryStyle::DeepObject => ParamStyle::DeepObject,
                };
                (parameter_data, ParamLocation::Query, style)
            }
            OaParameter::Header { parameter_data, .. } => (
                parameter_data,
                ParamLocation::Header,
                ParamStyle::Separated(','),
            ),
            OaParameter::Path { parameter_data, .. } => (
                parameter_data,
                ParamLocation::Path,
                ParamStyle::Separated(','),
            ),
            OaParameter::Cookie { parameter_data, .. } => (
                parameter_data,
                ParamLocation::Cookie,
                joined(parameter_data, true, ','),
            ),
        };
        // AWS signing and routing headers are protocol plumbing, not operation inputs.
        if self.rules.plumbing_headers
            && location == ParamLocation::Header
            && data.name.to_ascii_lowercase().starts_with("x-amz-")
        {
            return Ok(None);
        }
        let shape = match &data.format {
            ParameterSchemaOrContent::Schema(s) => {
                let hint = format!("{op}{}", camel(&data.name, "Param"));
                self.use_site(s, &pointer_join(at, "schema"), &hint)?.0
            }
            ParameterSchemaOrContent::Content(_) => Shape::plain(ShapeKind::Any),
        };
        Ok(Some(Parameter {
            name: data.name.clone(),
            // Named with the other parameters of the operation (`lower_operations`).
            field: String::new(),
            location,
            // Path parameters are always required (OpenAPI demands `required: true`).
            required: data.required || location == ParamLocation::Path,
            shape,
            docs: markdown(&data.description),
            style,
        }))
    }

    fn lower_operations(&mut self, protocol: &Protocol) -> Result<Vec<Operation>> {
        let doc = self.doc;
        let mut names = Scope::new();
        // Names in the `operations` module of REST APIs.
        let mut rest_names = Scope::new();
        let mut ops = Vec::new();
        for (path, item) in &doc.paths.paths {
            let path_pointer = pointer_join("#/paths", path);
            let item: &PathItem = match item {
                ReferenceOr::Item(i) => i,
                ReferenceOr::Reference { .. } => {
                    return Err(Error::at(
                        ErrorKind::Unsupported,
                        path_pointer,
                        "path item $refs are not supported",
                    ));
                }
            };
            for (method, op) in item.iter() {
                let at = pointer_join(&path_pointer, method);
                let id = op
                    .operation_id
                    .clone()
                    .unwrap_or_else(|| camel(&format!("{method} {path}"), "Operation"));
                let name = names.claim(&camel(&id, "Operation"));
                let target = match protocol {
                    Protocol::AwsJson { service, .. } => Some(
                        path.strip_prefix(TARGET_PREFIX)
                            .filter(|t| t.contains('.'))
                            .map(str::to_owned)
                            .unwrap_or_else(|| format!("{service}.{id}")),
                    ),
                    Protocol::Generic => None,
                };
                let input = match &op.request_body {
                    Some(body) => {
                        let body_at = pointer_join(&at, "requestBody");
                        match Self::request_body(self.doc, body, &body_at)? {
                            Some((schema, schema_at)) => Some(self.body_type(
                                schema,
                                &schema_at,
                                &format!("{name}Request"),
                            )?),
                            None => None,
                        }
                    }
                    None => None,
                };
                let body_required = match &op.request_body {
                    Some(ReferenceOr::Item(b)) => b.required,
                    Some(ReferenceOr::Reference { reference }) => reference
                        .strip_prefix("#/components/requestBodies/")
                        .and_then(|n| doc.components.as_ref()?.request_bodies.get(n))
                        .is_some_and(|b| matches!(b, ReferenceOr::Item(b) if b.required)),
                    None => false,
                };
                let mut output = None;
                let mut errors = Vec::new();
                let mut responses = Vec::new();
                let mut variants = Scope::new();
                for (status, response) in &op.responses.responses {
                    let code = status.to_string();
                    let resp_at = pointer_join(&pointer_join(&at, "responses"), &code);
                    let found = Self::response_schema(self.doc, response, &resp_at)?;
                    let mut body = None;
                    if let Some((schema, schema_at)) = found {
                        if code.starts_with('2') {
                            if output.is_none() {
                                output = Some(self.body_type(
                                    schema,
                                    &schema_at,
                                    &format!("{name}Response"),
                                )?);
                                body = output;
                            }
                        } else if let ReferenceOr::Reference { reference } = schema {
                            let id = self.resolve_ref(reference, &schema_at)?;
                            if !errors.contains(&id) {
                                errors.push(id);
                            }
                            body = Some(id);
                        }
                        if body.is_none()
                            && self.rules.responses_by_status
                            && Self::other_media(self.doc, response).is_none()
                        {
                            body = Some(self.body_type(
                                schema,
                                &schema_at,
                                &format!("{name}Response{code}"),
                            )?);
                        }
                    }
                    if self.rules.responses_by_status {
                        let status = match status {
                            openapiv3::StatusCode::Code(c) => Status::Code(*c),
                            openapiv3::StatusCode::Range(d) => Status::Range(*d),
                        };
                        responses.push(self.response_case(response, status, body, &mut variants));
                    }
                }
                if let Some(default) = &op.responses.default {
                    let resp_at = pointer_path(&at, &["responses", "default"]);
                    let mut body = None;
                    if let Some((schema, schema_at)) =
                        Self::response_schema(self.doc, default, &resp_at)?
                        && self.rules.responses_by_status
                    {
                        let hint = match output {
                            None => format!("{name}Response"),
                            Some(_) => format!("{name}ResponseDefault"),
                        };
                        let id = self.body_type(schema, &schema_at, &hint)?;
                        output.get_or_insert(id);
                        body = Some(id);
                    }
                    if self.rules.responses_by_status {
                        responses.push(self.response_case(
                            default,
                            Status::Default,
                            body,
                            &mut variants,
                        ));
                    }
                }
                let mut parameters: Vec<Parameter> = Vec::new();
                let path_level = item.parameters.iter().enumerate().map(|(i, p)| {
                    (
                        pointer_path(&path_pointer, &["parameters", &i.to_string()]),
                        p,
                    )
                });
                let op_level = op
                    .parameters
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (pointer_path(&at, &["parameters", &i.to_string()]), p));
                for (p_at, p) in path_level.chain(op_level).collect::<Vec<_>>() {
                    if let Some(p) = self.parameter(p, &p_at, &name)? {
                        // Operation-level parameters override path-level ones.
                        parameters.retain(|q| !(q.name == p.name && q.location == p.location));
                        parameters.push(p);
                    }
                }
                // Members of the request type: the parameters, then `body`.
                let mut fields = if input.is_some() {
                    Scope::with_reserved(&["body"])
                } else {
                    Scope::new()
                };
                for p in &mut parameters {
                    p.field = fields.claim(&snake(&p.name));
                }
                let request_name = rest_names.claim(&format!("{name}Request"));
                let response_name = rest_names.claim(&format!("{name}Response"));
                ops.push(Operation {
                    name,
                    id,
                    target,
                    method: method.to_ascii_uppercase(),
                    path: path.clone(),
                    docs: markdown(&op.description).or_else(|| markdown(&op.summary)),
                    input,
                    output,
                    errors,
                    parameters,
                    body_required,
                    responses,
                    request_name,
                    response_name,
                    pointer: at,
                    // Named with the others once all are known (`service_names`).
                    handler: String::new(),
                    error_enum: String::new(),
                    error_variants: Vec::new(),
                });
            }
        }
        Ok(ops)
    }

    /// Aliases become Rust type aliases, which cannot refer to themselves: refuse an alias
    /// that reaches itself through references, lists and maps only (a structure, enum or
    /// union on the way is a named type, and recursion through it is fine).
    fn check_alias_cycles(&self) -> Result<()> {
        for (i, def) in self.types.iter().enumerate() {
            if !matches!(def.kind, TypeKind::Alias(_)) {
                continue;
            }
            let mut seen = vec![false; self.types.len()];
            let mut stack = vec![i];
            let mut first = true;
            while let Some(cur) = stack.pop() {
                if cur == i && !first {
                    let only_references = matches!(
                        &def.kind,
                        TypeKind::Alias(Shape {
                            kind: ShapeKind::Named(_),
                            ..
                        })
                    );
                    return Err(Error::at(
                        ErrorKind::Unsupported,
                        def.pointer.clone(),
                        if only_references {
                            format!(
                                "schema `{}` is defined only by references that lead back to itself",
                                def.schema_name
                            )
                        } else {
                            format!(
                                "schema `{}` is a list or map of itself, which a Rust type alias cannot be; make the recursion go through an object schema",
                                def.schema_name
                            )
                        },
                    ));
                }
                first = false;
                if std::mem::replace(&mut seen[cur], true) && cur != i {
                    continue;
                }
                if let TypeKind::Alias(shape) = &self.types[cur].kind {
                    stack.extend(shape.named().map(|id| id.0));
                }
            }
        }
        Ok(())
    }

    /// The struct or union a shape holds inline (through aliases, not through lists or
    /// maps, which are indirections already).
    fn direct_inline(&self, shape: &Shape) -> Option<usize> {
        let mut kind = &shape.kind;
        let mut steps = 0;
        loop {
            match kind {
                ShapeKind::Named(id) => match &self.types[id.0].kind {
                    TypeKind::Struct(_) | TypeKind::Exception(_) | TypeKind::Union(_) => {
                        return Some(id.0);
                    }
                    TypeKind::Alias(inner) if steps <= self.types.len() => {
                        kind = &inner.kind;
                        steps += 1;
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
    }

    /// Boxes members and alternatives that make a type contain itself; rejects types that
    /// could only be infinite (a cycle of required members).
    fn box_recursion(&mut self) -> Result<()> {
        // Edge: (target, site index, is a required member). Sites of unions are alternatives,
        // which never force a cycle (another alternative may end it).
        let n = self.types.len();
        let mut edges: Vec<Vec<(usize, usize, bool)>> = vec![Vec::new(); n];
        for (i, def) in self.types.iter().enumerate() {
            match &def.kind {
                TypeKind::Struct(st) | TypeKind::Exception(st) => {
                    for (fi, f) in st.fields.iter().enumerate() {
                        if let Some(t) = self.direct_inline(&f.shape) {
                            edges[i].push((t, fi, f.required && !f.nullable));
                        }
                    }
                }
                TypeKind::Union(u) => {
                    for (vi, v) in u.variants.iter().enumerate() {
                        if let Some(t) = self.direct_inline(&v.shape) {
                            edges[i].push((t, vi, false));
                        }
                    }
                }
                _ => {}
            }
        }
        let required_only: Vec<Vec<(usize, usize, bool)>> = edges
            .iter()
            .map(|e| e.iter().copied().filter(|x| x.2).collect())
            .collect();
        let rscc = strongly_connected(n, &required_only);
        for (i, out) in required_only.iter().enumerate() {
            for &(t, fi, _) in out {
                if rscc[i] == rscc[t]
                    && let TypeKind::Struct(st) | TypeKind::Exception(st) = &self.types[i].kind
                {
                    let field = &st.fields[fi];
                    return Err(Error::at(
                        ErrorKind::Unsupported,
                        field.pointer.clone(),
                        format!(
                            "schema `{}`: required member `{}` makes it contain itself, so no finite value exists; make the member optional",
                            self.types[i].schema_name, field.wire_name
                        ),
                    ));
                }
            }
        }
        let scc = strongly_connected(n, &edges);
        for (i, out) in edges.iter().enumerate() {
            for &(t, site, _) in out {
                if scc[i] != scc[t] {
                    continue;
                }
                match &mut self.types[i].kind {
                    TypeKind::Struct(st) | TypeKind::Exception(st) => st.fields[site].boxed = true,
                    TypeKind::Union(u) => u.variants[site].boxed = true,
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn mark_usage(&mut self, ops: &[Operation]) {
        let mut stack: Vec<(usize, bool)> = Vec::new();
        for op in ops {
            if let Some(i) = op.input {
                stack.push((i.0, true));
            }
            if let Some(o) = op.output {
                stack.push((o.0, false));
            }
        }
        while let Some((id, request)) = stack.pop() {
            let def = &mut self.types[id];
            let seen = if request {
                &mut def.in_request
            } else {
                &mut def.in_response
            };
            if *seen {
                continue;
            }
            *seen = true;
            let named: Vec<TypeId> = def.refers_to().collect();
            stack.extend(named.into_iter().map(|n| (n.0, request)));
        }
    }
}

/// The variant name of a status code: its reason phrase (RFC 9110) in camel case.
fn status_name(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        407 => "ProxyAuthenticationRequired",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "ContentTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        421 => "MisdirectedRequest",
        422 => "UnprocessableContent",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        426 => "UpgradeRequired",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        431 => "RequestHeaderFieldsTooLarge",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        505 => "HttpVersionNotSupported",
        507 => "InsufficientStorage",
        _ => return None,
    })
}

/// The schema of one `type` that a schema `openapiv3` could not classify stands for: by its
/// `type`, else by what its keywords imply (`properties`: an object, `items`: an array), with
/// the keywords of that type; `None` for any value.
fn typed(a: &openapiv3::AnySchema, pointer: &str, name: &str) -> Result<Option<Type>> {
    let typ = a.typ.as_deref().or(if !a.properties.is_empty() {
        Some("object")
    } else if a.items.is_some() {
        Some("array")
    } else {
        None
    });
    Ok(Some(match typ {
        Some("string") => Type::String(openapiv3::StringType {
            format: match a.format.as_deref() {
                Some("date-time") => VariantOrUnknownOrEmpty::Item(StringFormat::DateTime),
                Some("password") => VariantOrUnknownOrEmpty::Item(StringFormat::Password),
                _ => VariantOrUnknownOrEmpty::Empty,
            },
            pattern: a.pattern.clone(),
            enumeration: a
                .enumeration
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect(),
            min_length: a.min_length,
            max_length: a.max_length,
        }),
        Some("integer") => {
            let int = |v: Option<f64>| {
                v.filter(|f| f.is_finite() && f.abs() < 9.0e18)
                    .map(|f| f as i64)
            };
            Type::Integer(openapiv3::IntegerType {
                format: if a.format.as_deref() == Some("int32") {
                    VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32)
                } else {
                    VariantOrUnknownOrEmpty::Empty
                },
                multiple_of: None,
                exclusive_minimum: a.exclusive_minimum.unwrap_or(false),
                exclusive_maximum: a.exclusive_maximum.unwrap_or(false),
                minimum: int(a.minimum),
                maximum: int(a.maximum),
                enumeration: Vec::new(),
            })
        }
        Some("number") => Type::Number(openapiv3::NumberType {
            format: if a.format.as_deref() == Some("float") {
                VariantOrUnknownOrEmpty::Item(openapiv3::NumberFormat::Float)
            } else {
                VariantOrUnknownOrEmpty::Empty
            },
            multiple_of: None,
            exclusive_minimum: a.exclusive_minimum.unwrap_or(false),
            exclusive_maximum: a.exclusive_maximum.unwrap_or(false),
            minimum: a.minimum.filter(|f| f.is_finite()),
            maximum: a.maximum.filter(|f| f.is_finite()),
            enumeration: Vec::new(),
        }),
        Some("boolean") => Type::Boolean(openapiv3::BooleanType::default()),
        Some("array") => Type::Array(openapiv3::ArrayType {
            items: a.items.clone(),
            min_items: a.min_items,
            max_items: a.max_items,
            unique_items: false,
        }),
        Some("object") => Type::Object(openapiv3::ObjectType {
            properties: a.properties.clone(),
            required: a.required.clone(),
            additional_properties: a.additional_properties.clone(),
            min_properties: a.min_properties,
            max_properties: a.max_properties,
        }),
        Some(other) if other != "null" => {
            return Err(Error::at(
                ErrorKind::Invalid,
                pointer_join(pointer, "type"),
                format!(
                    "schema `{name}`: unknown type `{other}` (expected string, integer, number, boolean, array or object)"
                ),
            ));
        }
        _ => return Ok(None),
    }))
}

/// `base` with each of `segments` appended (escaped).
fn pointer_path(base: &str, segments: &[&str]) -> String {
    segments
        .iter()
        .fold(base.to_owned(), |p, s| pointer_join(&p, s))
}

/// Tarjan's algorithm, iterative (specs can nest deeply); returns a component per node.
fn strongly_connected(n: usize, edges: &[Vec<(usize, usize, bool)>]) -> Vec<usize> {
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![usize::MAX; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_comp = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut ei)) = work.last_mut() {
            if *ei == 0 && index[v] == usize::MAX {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&(w, _, _)) = edges[v].get(*ei) {
                *ei += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp[w] = next_comp;
                        if w == v {
                            break;
                        }
                    }
                    next_comp += 1;
                }
            }
        }
    }
    comp
}

/// The schema of the JSON media type of `content` (else of the first one), with its pointer
/// under `at` (the request body or response that holds `content`).
fn content_schema<'c>(
    content: &'c indexmap::IndexMap<String, openapiv3::MediaType>,
    at: &str,
) -> Option<(&'c ReferenceOr<Schema>, String)> {
    let (media_type, media) = content
        .get_key_value("application/json")
        .or_else(|| content.iter().find(|(k, _)| k.contains("json")))
        .or_else(|| content.iter().next())?;
    let schema = media.schema.as_ref()?;
    Some((schema, pointer_path(at, &["content", media_type, "schema"])))
}

/// Schemas appear both boxed and unboxed in `openapiv3`.
trait AsSchema {
    fn as_schema(&self) -> &Schema;
}

impl AsSchema for Schema {
    fn as_schema(&self) -> &Schema {
        self
    }
}

impl AsSchema for Box<Schema> {
    fn as_schema(&self) -> &Schema {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scc_finds_cycles() {
        // 0 -> 1 -> 0, 2 -> 2, 3 alone.
        let edges = vec![
            vec![(1, 0, false)],
            vec![(0, 0, false)],
            vec![(2, 0, false)],
            vec![],
        ];
        let c = strongly_connected(4, &edges);
        assert_eq!(c[0], c[1]);
        assert_ne!(c[0], c[2]);
        assert_ne!(c[2], c[3]);
    }
}
