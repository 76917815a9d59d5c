//! A derive's pattern compiles lazily, once per process, however many values are checked;
//! single-class patterns decide ASCII values without compiling at all, as generated code
//! does. (Alone in its test binary: the compilation counter is process-wide.)

use specgen_runtime::Validate;
use specgen_runtime::pattern::compilations;

#[derive(Validate)]
struct Handle {
    #[validate(pattern = "[a-z]+-[0-9]+")]
    name: String,
    #[validate(pattern = "[a-z]+-[0-9]+")]
    same_pattern: String,
    #[validate(pattern = "[0-9]+_[a-z]+")]
    code: Option<String>,
    /// One repeated class without non-ASCII members.
    #[validate(pattern = r"[\w-]+")]
    word: String,
    /// One repeated class with non-ASCII members.
    #[validate(pattern = r"\p{L}+")]
    letters: Option<String>,
}

fn message(v: &Handle) -> String {
    v.validate()
        .map_or_else(|e| e.to_string(), |()| String::new())
}

#[test]
fn each_pattern_compiles_once_on_first_use() {
    let value = Handle {
        name: "a-1".into(),
        same_pattern: "b-2".into(),
        code: None,
        word: "a_b-c".into(),
        letters: Some("abc".into()),
    };
    assert_eq!(compilations(), 0);
    for _ in 0..100 {
        assert_eq!(message(&value), "");
    }
    // One static per distinct pattern; `code` was never checked, and the single-class
    // patterns decided their ASCII values without a regex.
    assert_eq!(compilations(), 1);

    let value = Handle {
        code: Some("12a".into()),
        ..value
    };
    for _ in 0..100 {
        assert_eq!(
            message(&value),
            "1 validation error detected: Value '12a' at 'code' failed to satisfy \
             constraint: Member must satisfy regular expression pattern: [0-9]+_[a-z]+"
        );
    }
    assert_eq!(compilations(), 2);

    // `é` is not in `[\w-]` (ASCII, as in Java) and the class has nothing beyond ASCII:
    // no regex needed to say no.
    let value = Handle {
        word: "é".into(),
        code: None,
        ..value
    };
    assert_eq!(
        message(&value),
        "1 validation error detected: Value 'é' at 'word' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [\\w-]+"
    );
    assert_eq!(compilations(), 2);

    // A non-ASCII value of a class with non-ASCII members goes to the regex, once.
    let value = Handle {
        word: "w".into(),
        letters: Some("ñandú".into()),
        ..value
    };
    for _ in 0..10 {
        assert_eq!(message(&value), "");
    }
    assert_eq!(compilations(), 3);
}
