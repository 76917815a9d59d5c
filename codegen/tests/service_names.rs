//! Names of the `Service` methods, the `Error` variants and each operation's error enum
//! are chosen in lowering, with collisions numbered as type names are.

use specgen::document::{Format, parse};
use specgen::ir::Api;

fn api(yaml: &str) -> Api {
    let doc = parse(yaml, Format::Yaml).unwrap();
    specgen::lower::lower(&doc, &Default::default()).unwrap()
}

const SPEC: &str = r##"
openapi: 3.0.0
info: {title: T, version: '1'}
paths:
  /#X-Amz-Target=Svc.AB:
    post:
      operationId: AB
      responses:
        '200': {description: ok}
        '480':
          description: Unknown
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Unknown'}
        '481':
          description: Unhandled
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Unhandled'}
  /#X-Amz-Target=Svc.Ab:
    post:
      operationId: Ab
      responses:
        '200': {description: ok}
        '480':
          description: Unhandled
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Unhandled'}
components:
  schemas:
    Unknown: {}
    Unhandled: {}
"##;

#[test]
fn reserved_and_colliding_names_are_numbered() {
    let api = api(SPEC);
    let names: Vec<(&str, &str)> = api
        .exceptions
        .iter()
        .zip(&api.exception_variants)
        .map(|(&id, v)| (api.ty(id).name.as_str(), v.as_str()))
        .collect();
    // `Unknown` holds codes the spec does not list, so the exception is numbered.
    assert_eq!(names, [("Unknown", "Unknown2"), ("Unhandled", "Unhandled")]);
    let ops: Vec<(&str, &str, &str)> = api
        .operations
        .iter()
        .map(|op| {
            (
                op.name.as_str(),
                op.handler.as_str(),
                op.error_enum.as_str(),
            )
        })
        .collect();
    // `AB` and `Ab` are both `Ab` as Rust names; the second is numbered, and so are its
    // method and error enum.
    assert_eq!(ops, [("Ab", "ab", "AbError"), ("Ab2", "ab2", "Ab2Error")]);
    let variants: Vec<Vec<&str>> = api
        .operations
        .iter()
        .map(|op| op.error_variants.iter().map(|(_, v)| v.as_str()).collect())
        .collect();
    // `Unhandled` holds the errors an operation does not list.
    assert_eq!(
        variants,
        [vec!["Unknown2", "Unhandled2"], vec!["Unhandled2"]]
    );
}
