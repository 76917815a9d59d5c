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

#[test]
fn a_member_s_checks_are_modelled_once_in_lowering() {
    use specgen::ir::{Bounds, Check, Collection, ElementCheck, ElementTest, Shown};
    let api = api(r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Tag:
      type: string
      pattern: "^[a-z]+$"
    Box:
      type: object
      required: [tags]
      properties:
        tags:
          type: array
          maxItems: 5
          items: {$ref: "#/components/schemas/Tag"}
        label: {type: string}
"##);
    let boxed = api.types.iter().position(|t| t.name == "Box").unwrap();
    let model = api.checks.of_type(specgen::ir::TypeId(boxed));
    let tag = api
        .checks
        .strings
        .iter()
        .position(|r| r.name == "TAG")
        .unwrap();
    let tag = specgen::ir::StringRuleId(tag);
    assert_eq!(api.checks.lists.len(), 1);
    let list = specgen::ir::ConstraintListId(0);
    assert_eq!(api.checks.list(list).name, "TAG_CONSTRAINTS");
    // The list's size, shown with its items; then each item against the `Tag` set, checked
    // together and named by the list's static. The plain string checks nothing.
    assert_eq!(
        model.members[0].checks,
        [
            Check::Size {
                bounds: Bounds {
                    min: None,
                    max: Some(5),
                },
                shown: Some(Shown::Str),
                site: None,
            },
            Check::Elements {
                of: Collection::List,
                check: ElementCheck {
                    test: ElementTest::String {
                        rule: Some(tag),
                        blob: None,
                    },
                    list,
                },
                shown: Some(Shown::Str),
            },
        ]
    );
    assert!(model.members[1].checks.is_empty());
    assert!(api.checks.string(tag).used);
    // Only a checking reader (AWS JSON) leaves stand-ins for missing members.
    assert!(!model.members[0].unless_stand_in);
}

#[test]
fn maps_model_their_keys_values_and_what_is_inside_values() {
    use specgen::ir::{Check, Collection, ElementTest};
    let api = api(r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /m:
    post:
      operationId: putM
      parameters:
        - {name: n, in: query, schema: {type: integer, format: int32, minimum: 1}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Holder"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Holder:
      type: object
      properties:
        groups:
          type: object
          additionalProperties:
            type: array
            minItems: 1
            items: {type: integer, maximum: 9}
"##);
    let holder = api.types.iter().position(|t| t.name == "Holder").unwrap();
    let model = api.checks.of_type(specgen::ir::TypeId(holder));
    let checks = &model.members[0].checks;
    // The values' own size, checked together at the map's path; then each value's
    // elements at the value's own path.
    assert!(matches!(
        &checks[..],
        [
            Check::Elements { of: Collection::Map, check: values, shown: None },
            Check::Each { of: Collection::Map, checks: inner },
        ] if matches!(values.test, ElementTest::Size { .. })
            && matches!(&inner[..], [Check::Elements { of: Collection::List, .. }])
    ));
    // The request: the parameter's range, then the body (a structure) checking itself.
    let request = &api.checks.requests[0];
    assert!(matches!(&request.parameters[0][..], [Check::Int { .. }]));
    assert_eq!(request.body, [Check::Nested { deep_only: false }]);
}
