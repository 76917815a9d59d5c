//! The tables of the generated `rules` module and the names of the checks' statics and
//! functions are decided in lowering (`Api::checks`), in one fixed order, before anything
//! is emitted.

use specgen::document::{Format, parse};
use specgen::ir::{Api, Bound, ListedConstraint};
use specgen::{Settings, lower};

fn api(text: &str) -> Api {
    let doc = parse(text, Format::Yaml).expect("fixture parses");
    lower::lower(&doc, &Settings::default()).unwrap_or_else(|e| panic!("{e}"))
}

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{id}:
    post:
      operationId: postA
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, maxLength: 9, pattern: "^[a-z]+$"}}
        - name: nums
          in: query
          schema: {type: array, items: {type: integer, minimum: 3, maximum: 7}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Names"}
      responses:
        "204": {description: ok}
  /b:
    put:
      operationId: putB
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Names"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Range:
      type: string
      enum: [low, high]
    RangeConstraints:
      type: string
      maxLength: 2
    Orphan:
      type: string
      maxLength: 3
    Names:
      type: array
      maxItems: 3
      items: {type: string, minLength: 2, maxLength: 8}
    Holder:
      type: object
      properties:
        ranges: {type: array, items: {$ref: "#/components/schemas/Range"}}
        counts: {type: array, items: {type: integer, maximum: 7, minimum: 3}}
        code: {$ref: "#/components/schemas/RangeConstraints"}
"##;

#[test]
fn string_rules_are_named_in_spec_order_and_marked_when_used() {
    let api = api(SPEC);
    let rules: Vec<(&str, bool)> = api
        .checks
        .strings
        .iter()
        .map(|r| (r.name.as_str(), r.used))
        .collect();
    // String aliases first, then list aliases, then members, then parameters; a set no
    // check names keeps its name but is not emitted.
    assert_eq!(
        rules,
        [
            ("RANGE_CONSTRAINTS", true),
            ("ORPHAN", false),
            ("NAMES_ITEM", true),
            ("POST_A_REQUEST_ID", true),
        ]
    );
    assert_eq!(api.checks.patterns, ["PATTERN_1"]);
}

#[test]
fn element_lists_share_the_scope_of_string_rules() {
    let api = api(SPEC);
    let lists: Vec<(&str, &[ListedConstraint], &str)> = api
        .checks
        .lists
        .iter()
        .map(|l| (l.name.as_str(), l.items.as_slice(), l.what.as_str()))
        .collect();
    let range = api.types.iter().position(|t| t.name == "Range").unwrap();
    // In the order the checks name them: the types, the body validator, the parameters.
    // The integer list appears twice and is listed once.
    assert_eq!(
        lists,
        [
            (
                "RANGE_CONSTRAINTS_2",
                &[ListedConstraint::EnumValues(specgen::ir::TypeId(range))][..],
                "the enum `Range`",
            ),
            (
                "RANGE_CONSTRAINTS_3",
                &[
                    ListedConstraint::Maximum(Bound::Int(7)),
                    ListedConstraint::Minimum(Bound::Int(3)),
                ][..],
                "an integer",
            ),
            (
                "NAMES_ITEM_CONSTRAINTS",
                &[
                    ListedConstraint::MaxLength(8),
                    ListedConstraint::MinLength(2),
                ][..],
                "strings of `Names`",
            ),
        ]
    );
}

#[test]
fn body_validators_are_named_once_per_type() {
    let api = api(SPEC);
    let names = api.types.iter().position(|t| t.name == "Names").unwrap();
    let validators: Vec<_> = api
        .checks
        .body_validators
        .iter()
        .map(|v| (v.ty.0, v.name.as_str()))
        .collect();
    assert_eq!(validators, [(names, "validate_names")]);
    assert!(api.checks.types_use_check && api.checks.operations_use_check);
}

#[test]
fn only_modules_that_call_check_import_it() {
    // A constraint on a parameter only: the `operations` module calls `check::`, the
    // `types` module does not.
    let api = api(r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100}}
      responses:
        "204": {description: ok}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
"##);
    assert!(!api.checks.types_use_check);
    assert!(api.checks.operations_use_check);
    let files = specgen::crate_files(&api).unwrap();
    let file = |path: &str| {
        let f = files.iter().find(|f| f.path == path).unwrap();
        f.contents.clone()
    };
    assert!(!file("types.rs").contains("use rt::__private::check;"));
    assert!(file("operations.rs").contains("use rt::__private::check;"));
}
