//! OpenAPI 3.1 and references to any place in a document: what the IR makes of
//! `tests/fixtures/openapi/zoo31.yaml`, which uses each construct once. (The fixture is
//! also generated and compiled in the workspace build, by `tests/specs`.)

use std::path::Path;

use specgen::ir::{Api, ShapeKind, TypeDef, TypeKind};
use specgen::{ErrorKind, Settings};

fn zoo() -> Api {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/openapi/zoo31.yaml");
    specgen::load(&path, &Settings::default()).expect("the 3.1 fixture loads")
}

fn ty<'a>(api: &'a Api, name: &str) -> &'a TypeDef {
    api.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}: {:?}", names(api)))
}

fn names(api: &Api) -> Vec<&str> {
    api.types.iter().map(|t| t.name.as_str()).collect()
}

fn members(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct(st) => st.fields.iter().map(|f| f.wire_name.as_str()).collect(),
        other => panic!("{} is not a structure: {other:?}", def.name),
    }
}

#[test]
fn json_schema_2020_12_keywords_read_as_their_3_0_meaning() {
    let api = zoo();
    let animal = ty(&api, "AnimalsAnimalIdGet200");
    let TypeKind::Struct(st) = &animal.kind else {
        panic!("a structure")
    };
    let field = |wire: &str| st.fields.iter().find(|f| f.wire_name == wire).unwrap();
    // `type: [string, "null"]` is a nullable string.
    let name = field("name");
    assert!(name.nullable);
    assert_eq!(name.shape.constraints.max_len, Some(40));
    // Numeric `exclusiveMinimum`/`exclusiveMaximum` are exact bounds on integers.
    let legs = &field("legs").shape.constraints;
    assert_eq!(legs.minimum, Some(specgen::ir::Bound::Int(1)));
    assert_eq!(legs.maximum, Some(specgen::ir::Bound::Int(999)));
    // `prefixItems` with `items: false`: two items, each one of the prefix schemas.
    assert!(matches!(field("tags").shape.kind, ShapeKind::List(_)));
    assert_eq!(field("tags").shape.constraints.max_len, Some(2));
    // `$ref` with a sibling description keeps both.
    let keeper = field("keeper");
    assert_eq!(keeper.docs.as_deref(), Some("Who feeds it."));
    assert!(matches!(keeper.shape.kind, ShapeKind::Named(id) if api.ty(id).name == "Keeper"));
    // `const` is a one-value enum.
    let TypeKind::Struct(k) = &ty(&api, "Keeper").kind else {
        panic!("a structure")
    };
    let since = &k.fields[1];
    assert!(since.nullable);
    assert_eq!(since.shape.constraints.int_enum, Some(vec![2020]));
    // Backquoted text in descriptions stays code.
    assert!(
        api.docs
            .as_deref()
            .unwrap()
            .contains("`https://api.zoo.example/v1`"),
        "{:?}",
        api.docs
    );
}

#[test]
fn references_anywhere_share_one_type() {
    let api = zoo();
    // The response schema of `getAnimal` is referenced from `listKeepers`: it is moved into
    // components once, keeps its pointer, and both places use it.
    let animal = ty(&api, "AnimalsAnimalIdGet200");
    assert_eq!(
        animal.pointer,
        "#/paths/~1animals~1{animalId}/get/responses/200/content/application~1json/schema"
    );
    assert_eq!(
        members(animal),
        [
            "id", "kind", "name", "legs", "born", "tags", "keeper", "pet"
        ]
    );
    let get = api.operations.iter().find(|o| o.id == "getAnimal").unwrap();
    assert_eq!(
        get.output.map(|id| api.ty(id).name.as_str()),
        Some("AnimalsAnimalIdGet200")
    );
    let sample = match &ty(&api, "ListKeepersResponse").kind {
        TypeKind::Struct(st) => st.fields.iter().find(|f| f.wire_name == "sample").unwrap(),
        _ => panic!("a structure"),
    };
    assert!(
        matches!(sample.shape.kind, ShapeKind::Named(id) if api.ty(id).name == "AnimalsAnimalIdGet200")
    );
    // A path item `$ref` is that path item again; a parameter `$ref` to another
    // operation's parameter is that parameter.
    let twin = api
        .operations
        .iter()
        .find(|o| o.path == "/animals/{animalId}/twin")
        .expect("the referenced path item");
    assert_eq!(twin.method, "GET");
    let keepers = api
        .operations
        .iter()
        .find(|o| o.id == "listKeepers")
        .unwrap();
    let params: Vec<&str> = keepers.parameters.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(params, ["fields", "limit"]);
}

#[test]
fn all_of_over_a_union_extends_each_alternative() {
    let api = zoo();
    let owned = ty(&api, "OwnedPet");
    let TypeKind::Union(u) = &owned.kind else {
        panic!("a union: {:?}", owned.kind)
    };
    let variants: Vec<&str> = u.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(variants, ["OwnedPetCat", "OwnedPetDog"]);
    assert_eq!(
        members(ty(&api, "OwnedPetCat")),
        ["petType", "lives", "owner"]
    );
    assert_eq!(
        members(ty(&api, "OwnedPetDog")),
        ["petType", "goodBoy", "owner"]
    );
    let d = u.discriminator.as_ref().expect("the union's discriminator");
    assert_eq!(d.property, "petType");
    assert_eq!(d.mapping, [("cat".to_owned(), 0), ("dog".to_owned(), 1)]);
}

#[test]
fn all_of_of_scalars_merges_their_constraints() {
    let api = zoo();
    let TypeKind::Alias(shape) = &ty(&api, "ShortName").kind else {
        panic!("an alias")
    };
    assert_eq!(shape.kind, ShapeKind::String);
    assert_eq!(shape.constraints.max_len, Some(10));
    assert!(shape.constraints.pattern.is_some());
}

#[test]
fn references_to_other_documents_are_refused_where_written() {
    let text = r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'common.yaml#/components/schemas/Thing'}
"#;
    let e = specgen::document::parse(text, specgen::document::Format::Yaml).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert_eq!(
        e.pointer.as_deref(),
        Some("#/paths/~1a/get/responses/200/content/application~1json/schema/$ref")
    );
    assert!(e.message.contains("another document"), "{e}");
}
