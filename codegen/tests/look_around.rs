//! Look-around at a pattern's anchored ends is split off into conditions that `regex` runs;
//! any other look-around needs the runtime's `fancy-regex` feature, and generation says so
//! with the schema's pointer.

use specgen::document::{Format, parse};
use specgen::ir::Api;
use specgen::pattern::{Engine, LookAround};
use specgen::{Settings, lower};

fn api(text: &str) -> Api {
    let doc = parse(text, Format::Yaml).expect("fixture parses");
    lower::lower(&doc, &Settings::default()).unwrap_or_else(|e| panic!("{e}"))
}

const SPEC: &str = r#"openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Bucket:
      type: string
      pattern: '^[0-9A-Za-z\.\-_]*(?<!\.)$'
    TagKey:
      type: string
      pattern: '^(?!aws:)[a-z:]+$'
    Label:
      type: string
      pattern: '^[a-z]+(?=[0-9])[a-z0-9]*$'
"#;

#[test]
fn look_around_at_the_ends_becomes_conditions() {
    let api = api(SPEC);
    let by_source = |source: &str| {
        api.patterns
            .iter()
            .find(|p| p.source == source)
            .unwrap_or_else(|| panic!("{source}: {:?}", api.patterns))
    };
    let bucket = by_source(r"^[0-9A-Za-z\.\-_]*(?<!\.)$");
    assert_eq!(bucket.engine, Engine::Regex);
    let ends = bucket.ends.as_ref().expect("split");
    assert_eq!(
        ends.conditions,
        [LookAround {
            regex: r"(?:\.)$".to_owned(),
            must_match: false,
            line_end: false,
        }]
    );
    // OpenAPI's patterns search (no anchoring added): the rest keeps the spec's anchors.
    assert_eq!(ends.rest, r"^[0-9A-Za-z.\-_]*$");
    let tag = by_source("^(?!aws:)[a-z:]+$");
    assert_eq!(tag.engine, Engine::Regex);
    assert_eq!(
        tag.ends.as_ref().map(|e| e.conditions.clone()),
        Some(vec![LookAround {
            regex: "^(?:aws:)".to_owned(),
            must_match: false,
            line_end: false,
        }])
    );
    let label = by_source("^[a-z]+(?=[0-9])[a-z0-9]*$");
    assert_eq!((label.engine, &label.ends), (Engine::Fancy, &None));
}

#[test]
fn other_look_around_warns_that_it_needs_fancy_regex() {
    let warnings: Vec<(String, String)> = api(SPEC)
        .warnings
        .into_iter()
        .map(|w| (w.pointer, w.message))
        .collect();
    assert_eq!(
        warnings,
        [(
            "#/components/schemas/Label/pattern".to_owned(),
            "schema `Label`: pattern `^[a-z]+(?=[0-9])[a-z0-9]*$` has look-around away from \
             its anchored ends, or back-references: only `fancy-regex` runs it (by \
             backtracking, within a step limit), so the generated code needs feature \
             `fancy-regex` of `specgen-runtime`"
                .to_owned()
        )]
    );
}
