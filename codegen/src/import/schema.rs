//! Shapes to schemas: one component schema per model shape, and the schema of each place
//! a shape is used (structure member, list member, map key and value).

use serde_json::Number;
use serde_yaml::{Mapping, Value};

use super::model::{Model, Shape, ShapeRef};
use crate::error::{Error, ErrorKind, Result, pointer_join, pointer_segment};

/// `#/components/schemas/<name>`, escaped.
pub fn schema_ref(name: &str) -> Value {
    let mut m = Mapping::new();
    m.insert(
        "$ref".into(),
        format!("#/components/schemas/{}", pointer_segment(name)).into(),
    );
    Value::Mapping(m)
}

/// An ordered YAML mapping under construction.
#[derive(Default)]
pub struct Obj(Mapping);

impl Obj {
    /// An empty mapping.
    pub fn new() -> Self {
        Obj::default()
    }

    /// Sets `key` to `value`.
    pub fn set(&mut self, key: &str, value: impl Into<Value>) -> &mut Self {
        self.0.insert(key.into(), value.into());
        self
    }

    /// Sets `key` to `value` when there is one.
    pub fn opt(&mut self, key: &str, value: Option<impl Into<Value>>) -> &mut Self {
        if let Some(v) = value {
            self.set(key, v);
        }
        self
    }

    /// Sets `key` to `true` when `flag` is.
    pub fn flag(&mut self, key: &str, flag: bool) -> &mut Self {
        if flag {
            self.set(key, true);
        }
        self
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The finished mapping.
    pub fn value(self) -> Value {
        Value::Mapping(self.0)
    }

    /// The mapping built so far, leaving this one empty (the end of a chain of `set`s).
    pub fn take(&mut self) -> Value {
        Value::Mapping(std::mem::take(&mut self.0))
    }

    /// Moves the entries of `other` to the end of this mapping.
    pub fn extend(&mut self, other: Obj) -> &mut Self {
        self.0.extend(other.0);
        self
    }
}

/// Documentation as a description; empty documentation is none.
pub fn description(doc: &Option<String>) -> Option<String> {
    doc.as_ref().filter(|d| !d.trim().is_empty()).cloned()
}

fn invalid(at: &str, message: impl Into<String>) -> Error {
    Error::at(ErrorKind::Invalid, at, message)
}

fn unsupported(at: &str, message: impl Into<String>) -> Error {
    Error::at(ErrorKind::Unsupported, at, message)
}

/// The timestamp formats AWS models use.
const TIMESTAMP_FORMATS: &[&str] = &["iso8601", "unixTimestamp", "rfc822"];

fn timestamp_format(format: &Option<String>, at: &str) -> Result<Option<String>> {
    match format {
        Some(f) if !TIMESTAMP_FORMATS.contains(&f.as_str()) => Err(invalid(
            &pointer_join(at, "timestampFormat"),
            format!("unknown timestamp format `{f}` (expected iso8601, unixTimestamp or rfc822)"),
        )),
        _ => Ok(format.clone()),
    }
}

/// A length or size: a non-negative integer (`1.0` is read as `1`).
fn count(n: &Number, at: &str, key: &str) -> Result<u64> {
    n.as_u64()
        .or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64)
                .map(|f| f as u64)
        })
        .ok_or_else(|| {
            invalid(
                &pointer_join(at, key),
                format!("`{key}` must be a non-negative integer here, found {n}"),
            )
        })
}

/// A bound of an integer shape: an integer (`1.0` is read as `1`).
fn int_bound(n: &Number, at: &str, key: &str) -> Result<Value> {
    if let Some(i) = n.as_i64() {
        return Ok(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Ok(u.into());
    }
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok((f as i64).into()),
        _ => Err(invalid(
            &pointer_join(at, key),
            format!("`{key}` of an integer shape must be an integer, found {n}"),
        )),
    }
}

/// A bound of a floating-point shape, as the model writes it.
fn number_bound(n: &Number) -> Value {
    if let Some(i) = n.as_i64() {
        i.into()
    } else if let Some(u) = n.as_u64() {
        u.into()
    } else {
        n.as_f64().unwrap_or(f64::NAN).into()
    }
}

/// Converts shapes; holds the model to resolve references.
pub struct Shapes<'m> {
    model: &'m Model,
}

impl<'m> Shapes<'m> {
    /// A converter for the shapes of `model`.
    pub fn new(model: &'m Model) -> Self {
        Shapes { model }
    }

    /// The shape `r` targets, or an error at `at` (the place of the reference).
    pub fn target(&self, r: &ShapeRef, at: &str) -> Result<&'m Shape> {
        self.named(&r.shape, &pointer_join(at, "shape"))
    }

    /// The shape called `name`, or an error at `at` (where the name is written).
    pub fn named(&self, name: &str, at: &str) -> Result<&'m Shape> {
        self.model
            .shapes
            .get(name)
            .ok_or_else(|| invalid(at, format!("shape `{name}` is not defined in `shapes`")))
    }

    /// Refuses what the JSON wire cannot carry (streaming blobs, event payloads), naming the
    /// member that uses it where there is one: members first, then the shapes themselves.
    /// Members that target an event stream are not refused: [`Shapes::event_streams`] lists
    /// them and the conversion leaves them out of the JSON body, saying so in the docs.
    pub fn check_streams(&self) -> Result<()> {
        for (name, shape) in &self.model.shapes {
            let at = pointer_join("#/shapes", name);
            for (member, r) in &shape.members {
                let m_at = pointer_join(&pointer_join(&at, "members"), member);
                let target = self.target(r, &m_at)?;
                if r.eventpayload && !target.eventstream {
                    return Err(unsupported(
                        &m_at,
                        format!(
                            "event payload members are not supported (`{member}` is the payload of an event-stream frame, not JSON)"
                        ),
                    ));
                }
                if target.streaming || r.streaming {
                    return Err(unsupported(
                        &m_at,
                        format!(
                            "streaming members are not supported (`{member}` targets the stream `{}`, which AWS sends as a raw HTTP body, not as JSON)",
                            r.shape
                        ),
                    ));
                }
            }
        }
        for (name, shape) in &self.model.shapes {
            if shape.streaming || shape.requires_length {
                return Err(unsupported(
                    &pointer_join("#/shapes", name),
                    "streaming shapes are not supported on the JSON wire",
                ));
            }
        }
        Ok(())
    }

    /// Whether the member `r` targets an event stream (which the JSON body does not carry).
    fn is_event_stream(&self, r: &ShapeRef) -> bool {
        self.model
            .shapes
            .get(&r.shape)
            .is_some_and(|t| t.eventstream)
    }

    /// The members that target an event stream, in model order: `(structure, member,
    /// event stream)`.
    pub fn event_streams(&self) -> Vec<(&'m str, &'m str, &'m str)> {
        let mut out = Vec::new();
        for (name, shape) in &self.model.shapes {
            for (member, r) in &shape.members {
                if self.is_event_stream(r) {
                    out.push((name.as_str(), member.as_str(), r.shape.as_str()));
                }
            }
        }
        out
    }

    /// The sentence that says a structure's member `member` (the event stream `stream`) is
    /// not part of the JSON body.
    fn event_stream_note(member: &str, stream: &str) -> String {
        format!(
            "<p>The member <code>{member}</code> (the event stream <code>{stream}</code>) is not \
             part of this structure: AWS sends it as a stream of event-stream frames \
             (<code>application/vnd.amazon.eventstream</code>), not in the JSON body, so these \
             bindings neither read nor write it.</p>"
        )
    }

    /// The schema of a place of use: `$ref` alone, or `allOf: [$ref, {description}]` plus
    /// what the place adds (deprecation, defaults, `x-aws-*` traits) beside the `allOf`,
    /// where OpenAPI 3.0 reads them (keywords beside a `$ref` are ignored).
    pub fn use_site(&self, r: &ShapeRef, at: &str) -> Result<Value> {
        self.target(r, at)?;
        if let Some(location) = &r.location {
            return Err(unsupported(
                &pointer_join(at, "location"),
                format!(
                    "member location `{location}` is a REST binding, which the JSON protocol does not have"
                ),
            ));
        }
        let mut traits = Obj::new();
        traits.opt("default", r.default.clone());
        traits.flag("deprecated", r.deprecated);
        traits.opt("x-aws-deprecated-message", r.deprecated_message.clone());
        traits.opt("x-aws-deprecated-since", r.deprecated_since.clone());
        traits.flag("x-aws-box", r.boxed);
        traits.flag("x-aws-idempotency-token", r.idempotency_token);
        traits.opt(
            "x-aws-timestamp-format",
            timestamp_format(&r.timestamp_format, at)?,
        );
        traits.flag("x-aws-json-value", r.jsonvalue);
        traits.opt(
            "x-aws-context-param",
            r.context_param.as_ref().map(|c| c.name.clone()),
        );
        let doc = description(&r.documentation);
        if doc.is_none() && traits.is_empty() {
            return Ok(schema_ref(&r.shape));
        }
        let mut parts = vec![schema_ref(&r.shape)];
        if let Some(d) = doc {
            parts.push(Obj::new().set("description", d).take());
        }
        let mut out = Obj::new();
        out.set("allOf", parts);
        out.extend(traits);
        Ok(out.value())
    }

    /// The component schema of shape `name`.
    pub fn schema(&self, name: &str, shape: &Shape) -> Result<Value> {
        let at = pointer_join("#/shapes", name);
        let mut s = Obj::new();
        match shape.kind.as_str() {
            "structure" if shape.document => {}
            "structure" => self.structure(shape, &at, &mut s)?,
            "list" => {
                let Some(member) = &shape.member else {
                    return Err(invalid(&at, "a list shape needs `member`"));
                };
                s.set("type", "array");
                s.set(
                    "items",
                    self.use_site(member, &pointer_join(&at, "member"))?,
                );
                if let Some(n) = &shape.min {
                    s.set("minItems", count(n, &at, "min")?);
                }
                if let Some(n) = &shape.max {
                    s.set("maxItems", count(n, &at, "max")?);
                }
            }
            "map" => {
                let (Some(key), Some(value)) = (&shape.key, &shape.value) else {
                    return Err(invalid(&at, "a map shape needs `key` and `value`"));
                };
                let key_at = pointer_join(&at, "key");
                let key_shape = self.target(key, &key_at)?;
                if key_shape.kind != "string" {
                    return Err(invalid(
                        &pointer_join(&key_at, "shape"),
                        format!(
                            "map keys must be strings on the JSON wire, but `{}` is of type {}",
                            key.shape, key_shape.kind
                        ),
                    ));
                }
                s.set("type", "object");
                s.set(
                    "additionalProperties",
                    self.use_site(value, &pointer_join(&at, "value"))?,
                );
                if let Some(n) = &shape.min {
                    s.set("minProperties", count(n, &at, "min")?);
                }
                if let Some(n) = &shape.max {
                    s.set("maxProperties", count(n, &at, "max")?);
                }
                s.set("x-aws-map-key", self.use_site(key, &key_at)?);
            }
            "string" => {
                s.set("type", "string");
                if shape.sensitive {
                    s.set("format", "password");
                }
                if !shape.values.is_empty() {
                    s.set("enum", shape.values.clone());
                }
                s.opt("pattern", shape.pattern.clone());
                if let Some(n) = &shape.min {
                    s.set("minLength", count(n, &at, "min")?);
                }
                if let Some(n) = &shape.max {
                    s.set("maxLength", count(n, &at, "max")?);
                }
            }
            "integer" | "long" => {
                // AWS `integer` is 32 bits, but the old conversion wrote no format and the
                // generated Cognito types are `i64`; `long` says so explicitly.
                s.set("type", "integer");
                if shape.kind == "long" {
                    s.set("format", "int64");
                }
                if let Some(n) = &shape.min {
                    s.set("minimum", int_bound(n, &at, "min")?);
                }
                if let Some(n) = &shape.max {
                    s.set("maximum", int_bound(n, &at, "max")?);
                }
            }
            "float" | "double" => {
                s.set("type", "number");
                s.set(
                    "format",
                    if shape.kind == "float" {
                        "float"
                    } else {
                        "double"
                    },
                );
                s.opt("minimum", shape.min.as_ref().map(number_bound));
                s.opt("maximum", shape.max.as_ref().map(number_bound));
            }
            "boolean" => {
                s.set("type", "boolean");
            }
            "timestamp" => {
                s.set("type", "string");
                s.set("format", "date-time");
            }
            "blob" => {
                // Lengths of a blob count bytes, not the characters of its base64 text.
                s.set("type", "string");
                s.set("format", "byte");
                if let Some(n) = &shape.min {
                    s.set("x-aws-length-min", count(n, &at, "min")?);
                }
                if let Some(n) = &shape.max {
                    s.set("x-aws-length-max", count(n, &at, "max")?);
                }
            }
            other => {
                return Err(invalid(
                    &pointer_join(&at, "type"),
                    format!(
                        "unknown shape type `{other}` (expected structure, list, map, string, integer, long, float, double, boolean, timestamp or blob)"
                    ),
                ));
            }
        }
        let mut doc = description(&shape.documentation);
        let mut note = |text: String| {
            doc = Some(match doc.take() {
                Some(d) => format!("{d} {text}"),
                None => text,
            });
        };
        let streams: Vec<_> = shape
            .members
            .iter()
            .filter(|(_, r)| self.is_event_stream(r))
            .collect();
        for (member, r) in &streams {
            note(Self::event_stream_note(member, &r.shape));
        }
        if shape.eventstream {
            note(
                "<p>An event stream: AWS sends each event in an event-stream frame of its own \
                 (<code>application/vnd.amazon.eventstream</code>, the frame's \
                 <code>:event-type</code> header naming the member), not as JSON; this type \
                 holds one event.</p>"
                    .to_owned(),
            );
        }
        if shape.event {
            note(
                "<p>An event of an event stream: the JSON payload of one event-stream frame.</p>"
                    .to_owned(),
            );
        }
        s.opt("description", doc);
        s.opt("default", shape.default.clone());
        s.flag("deprecated", shape.deprecated);
        s.opt("x-aws-deprecated-message", shape.deprecated_message.clone());
        s.opt("x-aws-deprecated-since", shape.deprecated_since.clone());
        if shape.kind == "structure" && shape.document {
            s.set("x-aws-document", true);
        }
        if shape.union || shape.eventstream {
            s.set("x-aws-union", true);
        }
        s.flag("x-aws-event-stream", shape.eventstream);
        s.flag("x-aws-event", shape.event);
        if !streams.is_empty() {
            let members: Vec<Value> = streams
                .iter()
                .map(|(member, r)| {
                    Obj::new()
                        .set("name", member.as_str())
                        .set("event-stream", r.shape.as_str())
                        .opt("description", description(&r.documentation))
                        .take()
                })
                .collect();
            s.set("x-aws-event-stream-members", members);
        }
        if shape.exception {
            s.set("x-aws-error", self.error_trait(name, shape));
        }
        // Strings say it with `format: password`, which the generator reads.
        s.flag("x-aws-sensitive", shape.sensitive && shape.kind != "string");
        s.flag("x-aws-box", shape.boxed);
        s.opt(
            "x-aws-timestamp-format",
            timestamp_format(&shape.timestamp_format, &at)?,
        );
        Ok(s.value())
    }

    fn structure(&self, shape: &Shape, at: &str, s: &mut Obj) -> Result<()> {
        let members_at = pointer_join(at, "members");
        let mut properties = Obj::new();
        for (member, r) in &shape.members {
            if self.is_event_stream(r) {
                // Not in the JSON body: `x-aws-event-stream-members` and the docs say so.
                continue;
            }
            let m_at = pointer_join(&members_at, member);
            // The JSON protocol writes a member under its `locationName` when it has one.
            let wire = r.location_name.as_deref().unwrap_or(member);
            if properties.0.contains_key(wire) {
                return Err(invalid(
                    &m_at,
                    format!("two members are named `{wire}` on the wire"),
                ));
            }
            let mut schema = self.use_site(r, &m_at)?;
            if wire != member
                && let Value::Mapping(m) = &mut schema
            {
                // Keep the model's member name for code that names fields after it; the
                // key must sit beside an `allOf`, as keys beside a `$ref` are ignored.
                if m.contains_key("$ref") {
                    let reference = Value::Mapping(std::mem::take(m));
                    m.insert("allOf".into(), vec![reference].into());
                }
                m.insert("x-aws-member-name".into(), member.clone().into());
            }
            properties.set(wire, schema);
        }
        let mut required = Vec::new();
        for (i, name) in shape.required.iter().enumerate() {
            let Some(r) = shape.members.get(name) else {
                return Err(invalid(
                    &pointer_join(&pointer_join(at, "required"), &i.to_string()),
                    format!("required member `{name}` is not a member of the structure"),
                ));
            };
            if self.is_event_stream(r) {
                continue;
            }
            let wire = r.location_name.clone().unwrap_or_else(|| name.clone());
            if !required.contains(&wire) {
                required.push(wire);
            }
        }
        s.set("type", "object");
        // An event stream's frame holds one event, whatever the model requires.
        if !required.is_empty() && !shape.eventstream {
            s.set("required", required);
        }
        s.set("properties", properties.value());
        Ok(())
    }

    /// `x-aws-error`: the code on the wire, the HTTP status and whose fault it is.
    fn error_trait(&self, name: &str, shape: &Shape) -> Value {
        let error = shape.error.as_ref();
        let status = error.and_then(|e| e.http_status_code);
        let server = if shape.fault {
            true
        } else {
            match error.and_then(|e| e.sender_fault) {
                Some(sender) => !sender,
                None => status.is_some_and(|s| s >= 500),
            }
        };
        let mut e = Obj::new();
        e.set(
            "code",
            error
                .and_then(|e| e.code.clone())
                .unwrap_or_else(|| name.to_owned()),
        );
        e.set(
            "http-status",
            status.unwrap_or(if server { 500 } else { 400 }),
        );
        e.set("fault", if server { "server" } else { "client" });
        if let Some(r) = &shape.retryable {
            e.set(
                "retryable",
                Obj::new().set("throttling", r.throttling).take(),
            );
        }
        e.value()
    }
}
