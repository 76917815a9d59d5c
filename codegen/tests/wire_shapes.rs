//! What the generator makes of the wire facts OpenAPI has no keyword for: documents and
//! objects that admit any members, floats of AWS JSON, and timestamp formats per member.

use specgen::document::{Format, parse};
use specgen::ir::{Api, Shape, ShapeKind, TimestampFormat, TypeKind};
use specgen::{Settings, lower};

fn lowered(text: &str) -> Result<Api, specgen::Error> {
    let doc = parse(text, Format::Yaml).expect("fixture parses");
    lower::lower(&doc, &Settings::default())
}

fn api(text: &str) -> Api {
    lowered(text).unwrap_or_else(|e| panic!("{e}"))
}

fn kind<'a>(api: &'a Api, schema: &str) -> &'a TypeKind {
    &api.types
        .iter()
        .find(|t| t.schema_name == schema)
        .unwrap_or_else(|| panic!("no schema {schema}"))
        .kind
}

fn field(api: &Api, schema: &str, member: &str) -> Shape {
    match kind(api, schema) {
        TypeKind::Struct(st) => {
            let f = st.fields.iter().find(|f| f.wire_name == member).unwrap();
            api.resolve(&f.shape)
        }
        other => panic!("{schema} is {other:?}"),
    }
}

/// An AWS JSON spec with one operation `Op` (`In` → `Out`), the given `info` extensions
/// and component schemas (YAML, indented by four spaces).
fn aws(info: &str, schemas: &str) -> String {
    format!(
        r#"openapi: 3.0.0
info:
  title: T
  version: '1'
{info}
paths:
  /#X-Amz-Target=Svc.Op:
    post:
      operationId: Op
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/In'}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Out'}}
components:
  schemas:
{schemas}"#
    )
}

const OLD_CONVERSION: &str = r#"    In:
      type: object
      properties:
        Template: {$ref: '#/components/schemas/Template'}
        At: {$ref: '#/components/schemas/Time'}
    Out:
      type: object
      properties: {}
    Template:
      type: object
      properties: {}
    Time:
      type: string
      format: date-time
"#;

#[test]
fn older_conversions_write_documents_as_objects_without_members() {
    let api = api(&aws("", OLD_CONVERSION));
    // A member's empty object is a document; a body's is a structure.
    assert!(matches!(
        kind(&api, "Template"),
        TypeKind::Alias(Shape {
            kind: ShapeKind::Any,
            ..
        })
    ));
    assert!(
        matches!(kind(&api, "Out"), TypeKind::Struct(st) if st.fields.is_empty() && st.additional.is_none())
    );
    let def = api
        .types
        .iter()
        .find(|t| t.schema_name == "Template")
        .unwrap();
    assert!(
        def.docs.as_deref().unwrap().contains("Read as a document"),
        "{:?}",
        def.docs
    );
    let code = specgen::single_file(&api).unwrap();
    assert!(code.contains("pub type Template = ::specgen_runtime::Document;"));
}

#[test]
fn imported_specs_mark_documents_and_keep_empty_structures() {
    let schemas = format!(
        "{OLD_CONVERSION}    Doc:\n      x-aws-document: true\n    TypedDoc:\n      type: object\n      x-aws-document: true\n"
    );
    let api = api(&aws("  x-aws-protocol: json", &schemas));
    assert!(
        matches!(kind(&api, "Template"), TypeKind::Struct(st) if st.fields.is_empty() && st.additional.is_none())
    );
    for doc in ["Doc", "TypedDoc"] {
        assert!(matches!(
            kind(&api, doc),
            TypeKind::Alias(Shape {
                kind: ShapeKind::Any,
                ..
            })
        ));
    }
}

#[test]
fn objects_that_admit_any_members_keep_them() {
    let api = api(r#"openapi: 3.0.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Free: {type: object}
    AnyValues: {type: object, additionalProperties: true}
    EmptySchemaValues: {type: object, additionalProperties: {}}
    Closed: {type: object, additionalProperties: false}
    Open:
      type: object
      properties: {a: {type: string}}
      additionalProperties: true
    Untyped: {description: anything}
"#);
    for free in ["Free", "AnyValues", "EmptySchemaValues"] {
        let TypeKind::Alias(shape) = kind(&api, free) else {
            panic!("{free}")
        };
        assert!(
            matches!(&shape.kind, ShapeKind::Map(v) if v.kind == ShapeKind::Any),
            "{free}"
        );
    }
    assert!(matches!(kind(&api, "Closed"), TypeKind::Struct(st) if st.additional.is_none()));
    assert!(
        matches!(kind(&api, "Open"), TypeKind::Struct(st) if st.additional.as_ref().is_some_and(|a| a.shape.kind == ShapeKind::Any))
    );
    let code = specgen::single_file(&api).unwrap();
    assert!(code.contains("pub type Free = ::specgen_runtime::document::Object;"));
    assert!(code.contains("pub type Untyped = ::specgen_runtime::Document;"));
    // Without whitespace and the trailing commas a formatter may add to long lines.
    let compact: String = code
        .split_whitespace()
        .collect::<String>()
        .replace(",>", ">");
    assert!(compact.contains(
        "pubadditional_properties:::std::collections::BTreeMap<::std::string::String,::specgen_runtime::Document>"
    ));
}

#[test]
fn aws_structures_keep_undeclared_members_when_the_spec_says_so() {
    let schemas = r#"    In:
      type: object
      properties: {A: {type: string}}
      additionalProperties: true
    Out:
      type: object
      properties: {A: {type: string}}
"#;
    let api = api(&aws("", schemas));
    assert!(matches!(kind(&api, "In"), TypeKind::Struct(st) if st.additional.is_some()));
    // Absent: the AWS convention, unknown members are ignored.
    assert!(matches!(kind(&api, "Out"), TypeKind::Struct(st) if st.additional.is_none()));
}

const FORMATS: &str = r#"    In:
      type: object
      properties:
        Iso: {$ref: '#/components/schemas/IsoTime'}
        Plain: {$ref: '#/components/schemas/Time'}
        Member:
          allOf: [{$ref: '#/components/schemas/Time'}, {description: d}]
          x-aws-timestamp-format: iso8601
        Back:
          allOf: [{$ref: '#/components/schemas/IsoTime'}]
          x-aws-timestamp-format: unixTimestamp
        Http:
          allOf: [{$ref: '#/components/schemas/Time'}]
          x-aws-timestamp-format: rfc822
        Smithy:
          allOf: [{$ref: '#/components/schemas/Time'}]
          x-aws-timestamp-format: http-date
        List:
          type: array
          items:
            allOf: [{$ref: '#/components/schemas/Time'}]
            x-aws-timestamp-format: iso8601
        Score: {type: number, format: double}
    Out: {type: object, properties: {}}
    Time: {type: string, format: date-time}
    IsoTime: {type: string, format: date-time, x-aws-timestamp-format: iso8601}
"#;

#[test]
fn timestamp_formats_per_member() {
    let api = api(&aws("  x-aws-protocol: json", FORMATS));
    let format = |m: &str| field(&api, "In", m).constraints.timestamp_format;
    assert_eq!(format("Iso"), Some(TimestampFormat::DateTime));
    assert_eq!(format("Plain"), None);
    assert_eq!(format("Member"), Some(TimestampFormat::DateTime));
    assert_eq!(format("Back"), Some(TimestampFormat::EpochSeconds));
    assert_eq!(format("Http"), Some(TimestampFormat::HttpDate));
    assert_eq!(format("Smithy"), Some(TimestampFormat::HttpDate));
    let ShapeKind::List(item) = field(&api, "In", "List").kind else {
        panic!()
    };
    assert_eq!(
        api.resolve(&item).constraints.timestamp_format,
        Some(TimestampFormat::DateTime)
    );
    let code = specgen::single_file(&api).unwrap();
    for form in [
        "wire::Iso8601",
        "wire::HttpDate",
        "wire::List<rt::__private::wire::Iso8601>",
        "wire::Float",
    ] {
        assert!(code.contains(form), "{form}");
    }
    // Docs say how the member travels.
    let TypeKind::Struct(st) = kind(&api, "In") else {
        panic!()
    };
    let member = st.fields.iter().find(|f| f.wire_name == "Member").unwrap();
    assert!(
        member
            .docs
            .as_deref()
            .unwrap()
            .contains("Wire format: RFC 3339 text")
    );
}

#[test]
fn an_unknown_timestamp_format_names_its_pointer() {
    let spec = aws(
        "",
        &FORMATS.replace(
            "x-aws-timestamp-format: rfc822",
            "x-aws-timestamp-format: rfc3339",
        ),
    );
    let e = lowered(&spec).unwrap_err().to_string();
    assert!(
        e.contains("#/components/schemas/In/properties/Http/x-aws-timestamp-format: unknown timestamp format"),
        "{e}"
    );
}

#[test]
fn generic_specs_keep_plain_floats() {
    let api = api(r#"openapi: 3.0.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Point:
      type: object
      properties: {x: {type: number, format: double}}
"#);
    let code = specgen::single_file(&api).unwrap();
    assert!(
        !code.contains("wire::"),
        "JSON Schema numbers are plain JSON numbers"
    );
}
