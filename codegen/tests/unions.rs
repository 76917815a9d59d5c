//! Which alternatives of a union are boxed: those that contain the union itself, and
//! those much larger than the others (an enum is as large as its largest variant).

use specgen::document::{Format, parse};
use specgen::ir::{Api, TypeKind};
use specgen::{Settings, lower};

fn api(text: &str) -> Api {
    let doc = parse(text, Format::Yaml).expect("fixture parses");
    lower::lower(&doc, &Settings::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// `(variant, boxed)` of the union `name`.
fn boxed(api: &Api, name: &str) -> Vec<(String, bool)> {
    let def = api.types.iter().find(|t| t.schema_name == name).unwrap();
    match &def.kind {
        TypeKind::Union(u) => u
            .variants
            .iter()
            .map(|v| (v.name.clone(), v.boxed))
            .collect(),
        other => panic!("{name} is {other:?}"),
    }
}

fn spec(schemas: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
    )
}

/// An object schema with `n` string members.
fn object(name: &str, n: usize) -> String {
    let members: String = (0..n)
        .map(|i| format!("        m{i}: {{type: string}}\n"))
        .collect();
    format!("    {name}:\n      type: object\n      properties:\n{members}")
}

#[test]
fn a_large_alternative_beside_small_ones_is_boxed() {
    let text = spec(&format!(
        "{}{}    Either:\n      oneOf:\n        - type: string\n        - $ref: '#/components/schemas/Big'\n        - $ref: '#/components/schemas/Small'\n",
        object("Big", 40),
        object("Small", 2)
    ));
    assert_eq!(
        boxed(&api(&text), "Either"),
        [
            ("String".to_owned(), false),
            ("Big".to_owned(), true),
            ("Small".to_owned(), false)
        ]
    );
}

#[test]
fn alternatives_of_like_size_stay_inline() {
    let text = spec(&format!(
        "{}{}    Either:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n        - $ref: '#/components/schemas/B'\n",
        object("A", 4),
        object("B", 6)
    ));
    assert_eq!(
        boxed(&api(&text), "Either"),
        [("A".to_owned(), false), ("B".to_owned(), false)]
    );
}

#[test]
fn two_large_alternatives_are_both_boxed() {
    // 5 KB structures a few members apart: boxing only the larger would leave the other far
    // above the rest if the estimate were off.
    let text = spec(&format!(
        "{}{}    Either:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n        - $ref: '#/components/schemas/B'\n        - type: integer\n",
        object("A", 200),
        object("B", 190)
    ));
    assert_eq!(
        boxed(&api(&text), "Either"),
        [
            ("A".to_owned(), true),
            ("B".to_owned(), true),
            ("Integer".to_owned(), false)
        ]
    );
}

#[test]
fn a_mapping_that_does_not_resolve_drops_the_discriminator_with_a_warning() {
    // As bundlers sometimes leave them: a mapping to a file that was never inlined.
    let text = spec(&format!(
        "{}{}    Either:\n      oneOf:\n        - $ref: '#/components/schemas/A'\n        - $ref: '#/components/schemas/B'\n      discriminator:\n        propertyName: m0\n        mapping:\n          a: '#/components/schemas/A'\n          b: '#/components/schemas/models/b.yml'\n",
        object("A", 1),
        object("B", 2)
    ));
    let api = api(&text);
    let def = api
        .types
        .iter()
        .find(|t| t.schema_name == "Either")
        .unwrap();
    let TypeKind::Union(u) = &def.kind else {
        panic!("{def:?}")
    };
    assert!(u.discriminator.is_none());
    let messages: Vec<(Option<&str>, &str)> = api
        .warnings
        .iter()
        .map(|w| (Some(w.pointer.as_str()), w.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [(
            Some("#/components/schemas/Either/discriminator/mapping/b"),
            "$ref `#/components/schemas/models/b.yml` does not resolve: there is no schema \
             `models/b.yml`; the discriminator is not used: values are told apart by trying \
             each alternative"
        )]
    );
}
