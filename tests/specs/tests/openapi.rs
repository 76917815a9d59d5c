//! The public-style fixture specs: unions, nullable members, enums, additional
//! properties, formats, search-mode patterns and operation metadata.

use serde_json::{Value, json};
use specgen_runtime::Validate;
use specgen_runtime::operation::{Location, Parameter};
use specgen_spec_tests::{library, petstore, weather};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: Value) -> T {
    let value: T = serde_json::from_value(body.clone()).expect("deserialize");
    assert_eq!(serde_json::to_value(&value).unwrap(), body);
    value
}

fn message<T: Validate>(value: &T) -> String {
    match value.validate() {
        Ok(()) => "valid".to_owned(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn discriminated_union_picks_by_tag() {
    use petstore::types::{CatHuntingSkill, Pet};
    let cat = json!({"id": 1, "name": "Tom", "petType": "cat", "tag": null,
                     "huntingSkill": "lazy", "livesLeft": 9, "birthday": "2020-02-29"});
    let Pet::Cat(c) = round_trip::<Pet>(cat) else {
        panic!("a cat");
    };
    assert_eq!(c.hunting_skill, Some(CatHuntingSkill::Lazy));
    assert_eq!(c.tag, None);
    assert_eq!(c.birthday.as_deref(), Some("2020-02-29"));
    let dog = json!({"id": 2, "name": "Rex", "petType": "dog", "tag": "good", "packSize": 3,
                     "owner": {"name": "Ann", "phone": "+44 20 7946 0000"}});
    let Pet::Dog(d) = round_trip::<Pet>(dog) else {
        panic!("a dog");
    };
    assert_eq!(d.pack_size, 3);
    assert_eq!(
        d.owner.as_ref().and_then(|o| o.phone.as_deref()),
        Some("+44 20 7946 0000")
    );

    let err = serde_json::from_value::<Pet>(json!({"petType": "fish", "id": 3})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown variant `fish`, expected `cat` or `dog`"
    );
    let err = serde_json::from_value::<Pet>(json!({"id": 3})).unwrap_err();
    assert_eq!(err.to_string(), "missing discriminator `petType` of Pet");
}

#[test]
fn nullable_required_member_is_written_as_null() {
    use petstore::types::Cat;
    let cat: Cat = serde_json::from_value(json!({"id": 1, "name": "Tom", "petType": "cat"}))
        .expect("absent reads as None");
    assert_eq!(cat.tag, None);
    assert_eq!(
        serde_json::to_value(&cat).unwrap(),
        json!({"id": 1, "name": "Tom", "petType": "cat", "tag": null})
    );
}

#[test]
fn integer_enums_string_enums_and_lengths_validate() {
    use petstore::types::{Cat, Pet};
    let cat: Cat = serde_json::from_value(json!({
        "id": 1, "name": "", "petType": "cat", "tag": null, "livesLeft": 10,
        "huntingSkill": "sleepy"
    }))
    .unwrap();
    assert_eq!(
        message(&cat),
        "3 validation errors detected: \
         Value 'sleepy' at 'huntingSkill' failed to satisfy constraint: Member must satisfy enum value set: [clueless, lazy, adventurous, aggressive]; \
         Value '10' at 'livesLeft' failed to satisfy constraint: Member must satisfy enum value set: [1, 2, 3, 4, 5, 6, 7, 8, 9]; \
         Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"
    );
    // Through the union too.
    assert_eq!(message(&Pet::Cat(cat.clone())), message(&cat));
}

#[test]
fn patterns_search_in_generic_specs() {
    use petstore::types::Cat;
    let mut cat: Cat =
        serde_json::from_value(json!({"id": 1, "name": "Tom", "petType": "cat"})).unwrap();
    cat.code = Some("xxABCxx".to_owned());
    assert_eq!(
        message(&cat),
        "valid",
        "JSON Schema patterns are not anchored"
    );
    cat.code = Some("AbC".to_owned());
    assert_eq!(
        message(&cat),
        "1 validation error detected: Value 'AbC' at 'code' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Z]{3}"
    );
}

#[test]
fn additional_properties_are_kept_or_ignored_as_declared() {
    use petstore::types::{NewPet, NewPetPetType, Problem};
    // `additionalProperties: true`: undeclared members are kept and written back.
    let problem: Problem = round_trip(
        json!({"title": "Oops", "status": 409, "traceId": "abc", "retry": {"after": 3}}),
    );
    assert_eq!(problem.additional_properties.len(), 2);
    assert_eq!(problem.additional_properties["traceId"], "abc".into());
    // `additionalProperties: false`: ignored, as AWS services do.
    let pet: NewPet =
        serde_json::from_value(json!({"name": "Rex", "petType": "dog", "colour": "brown"}))
            .unwrap();
    assert_eq!(pet.pet_type, NewPetPetType::Dog);
    assert_eq!(
        serde_json::to_value(&pet).unwrap(),
        json!({"name": "Rex", "petType": "dog"})
    );
    // A typed map with constraints on its values and size.
    let pet: NewPet = serde_json::from_value(json!({
        "name": "Rex", "petType": "dog", "password": "short",
        "labels": {"a": "1", "b": "way too long", "c": "3", "d": "4"}
    }))
    .unwrap();
    assert_eq!(
        message(&pet),
        "3 validation errors detected: \
         Value at 'labels' failed to satisfy constraint: Member must have length less than or equal to 3; \
         Value at 'labels' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 10]; \
         Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 8"
    );
    assert!(
        !format!("{pet:?}").contains("short"),
        "write-only password is sensitive"
    );
}

#[test]
fn operations_carry_parameters() {
    use petstore::Operation;
    assert_eq!(Operation::ALL.len(), 4);
    assert_eq!(Operation::ListPets.name(), "listPets");
    assert_eq!(Operation::ListPets.http_method(), "GET");
    assert_eq!(Operation::GetPet.path(), "/pets/{petId}");
    assert_eq!(
        Operation::ListPets.parameters(),
        &[
            Parameter {
                name: "limit",
                location: Location::Query,
                required: false
            },
            Parameter {
                name: "X-Request-Id",
                location: Location::Header,
                required: true
            },
        ]
    );
    // Path-level parameters are inherited, operation-level ones added.
    assert_eq!(
        Operation::DeletePet.parameters(),
        &[
            Parameter {
                name: "petId",
                location: Location::Path,
                required: true
            },
            Parameter {
                name: "reason",
                location: Location::Query,
                required: false
            },
        ]
    );
    assert_eq!(Operation::CreatePet.parameters(), &[]);
    assert_eq!(Operation::GetPet.errors(), &["Problem"]);
    assert_eq!(
        Operation::from_name("deletePet"),
        Some(Operation::DeletePet)
    );
}

#[test]
fn untagged_unions_try_alternatives_in_order() {
    use library::types::{Identifier, SearchResult};
    let book = json!({"isbn": "9780000000002", "title": "Rust", "price": 39.5, "rating": 4.5,
                      "chapters": [{"title": "Intro", "pages": 10}],
                      "publisher": {"name": "P", "address": {"city": "Oslo", "country": "NO"}}});
    assert!(matches!(
        round_trip::<SearchResult>(book),
        SearchResult::Book(_)
    ));
    let author = json!({"name": "Ferris", "born": null, "aliases": ["crab"]});
    let SearchResult::Author(a) = round_trip::<SearchResult>(author) else {
        panic!("an author");
    };
    assert_eq!(a.born, None);
    assert_eq!(round_trip::<Identifier>(json!(42)), Identifier::Integer(42));
    assert_eq!(
        round_trip::<Identifier>(json!("shelf-7")),
        Identifier::String("shelf-7".into())
    );
    let err = serde_json::from_value::<Identifier>(json!(true)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the value matches no alternative of Identifier"
    );
    assert_eq!(
        message(&Identifier::Integer(0)),
        "1 validation error detected: Value '0' at '' failed to satisfy constraint: Member must have value greater than or equal to 1"
    );
}

#[test]
fn recursive_types_and_inline_objects() {
    use library::types::{Book, Category};
    let tree = json!({"name": "root", "children": [
        {"name": "a", "parent": {"name": "root"}, "index": {"rust": ["9780000000002"]}},
        {"name": ""}
    ]});
    let cat: Category = round_trip(tree);
    let first = &cat.children.as_ref().unwrap()[0];
    assert_eq!(first.parent.as_ref().map(|p| p.name.as_str()), Some("root"));
    assert_eq!(
        message(&cat),
        "1 validation error detected: Value '' at 'children.2.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1"
    );
    let book: Book = serde_json::from_value(json!({"isbn": "123", "title": "T", "rating": 7.5,
        "chapters": [{"title": ""}], "publisher": {"address": {"country": "NOR"}}}))
    .unwrap();
    assert_eq!(
        message(&book),
        "4 validation errors detected: \
         Value '' at 'chapters.1.member.title' failed to satisfy constraint: Member must have length greater than or equal to 1; \
         Value '123' at 'isbn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^97[89][0-9]{10}$; \
         Value 'NOR' at 'publisher.address.country' failed to satisfy constraint: Member must have length less than or equal to 2; \
         Value '7.5' at 'rating' failed to satisfy constraint: Member must have value less than or equal to 5"
    );
}

#[test]
fn json_spec_numbers_and_odd_enum_values() {
    use weather::types::{ForecastDaysItemSummary, Observation, Units};
    assert_eq!(Units::from("°C"), Units::C);
    assert_eq!(Units::from("°F"), Units::F);
    assert_eq!(Units::K.as_str(), "K");
    assert_eq!(ForecastDaysItemSummary::VALUES.len(), 6);
    assert_eq!(
        ForecastDaysItemSummary::from("rain-snow").as_str(),
        "rain-snow"
    );
    let obs: Observation = round_trip(
        json!({"temperature": -12.5, "observedAt": "2024-01-31T10:00:00Z",
        "humidity": 100, "windSpeed": 0.0, "raw": {"anything": [1, "goes"]}}),
    );
    assert_eq!(obs.observed_at, "2024-01-31T10:00:00Z");
    // exclusiveMaximum 100 on an integer is 99; a number (here an `f32`) must not reach
    // its exclusive minimum 0.
    assert_eq!(
        message(&obs),
        "2 validation errors detected: \
         Value '100' at 'humidity' failed to satisfy constraint: Member must have value less than or equal to 99; \
         Value '0' at 'windSpeed' failed to satisfy constraint: Member must have value greater than 0"
    );
    let above: Observation = round_trip(
        json!({"temperature": 1.5, "observedAt": "2024-01-31T10:00:00Z", "windSpeed": 0.5}),
    );
    assert_eq!(message(&above), "valid");
    assert_eq!(weather::Operation::GetObservations.parameters().len(), 3);
}
