//! Patterns that are one repeated character class decide ASCII values with a bitmap; for
//! every Cognito pattern and many values, the answer must equal the regex's.

use cognito_idp::PATTERNS;
use proptest::prelude::*;

enum Reference {
    Regex(regex::Regex),
    Fancy(fancy_regex::Regex),
}

/// The regex of each pattern, compiled once, independently of the runtime's.
fn references() -> &'static [Reference] {
    static REFS: std::sync::OnceLock<Vec<Reference>> = std::sync::OnceLock::new();
    REFS.get_or_init(|| {
        PATTERNS
            .iter()
            .map(|p| match regex::Regex::new(p.translated()) {
                Ok(r) => Reference::Regex(r),
                Err(_) => {
                    Reference::Fancy(fancy_regex::Regex::new(p.translated()).expect("compiles"))
                }
            })
            .collect()
    })
}

fn reference(index: usize, value: &str) -> bool {
    match &references()[index] {
        Reference::Regex(r) => r.is_match(value),
        Reference::Fancy(r) => r
            .is_match(value)
            .expect("no backtrack limit on short values"),
    }
}

#[test]
fn most_cognito_patterns_have_a_fast_path() {
    let fast = PATTERNS.iter().filter(|p| p.has_class_run()).count();
    assert!(
        fast >= 15,
        "only {fast} of {} patterns have a class run",
        PATTERNS.len()
    );
}

#[test]
fn every_single_character_agrees_with_the_regex() {
    let chars = (0u8..128)
        .map(char::from)
        .chain(['é', 'ß', '中', '😀', '\u{85}', '\u{2028}']);
    for c in chars {
        for n in [0usize, 1, 2, 12, 128, 129] {
            let value: String = std::iter::repeat_n(c, n).collect();
            for (i, p) in PATTERNS.iter().enumerate() {
                assert_eq!(
                    p.is_match(&value),
                    reference(i, &value),
                    "{} on {value:?}",
                    p.source()
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_values_agree_with_the_regex(value in "[ -~éß中😀\t\n]{0,24}") {
        for (i, p) in PATTERNS.iter().enumerate() {
            prop_assert_eq!(
                p.is_match(&value),
                reference(i, &value),
                "{} on {:?}", p.source(), value
            );
        }
    }
}
