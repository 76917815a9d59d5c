//! `#[derive(Validate)]` with field attributes: every attribute, on structs, newtypes,
//! enums and generic types, with AWS's exact messages.

use std::collections::BTreeMap;
use std::rc::Rc;

use specgen_runtime::Validate;

/// A newtype checks its value at the path of whatever holds it.
#[derive(Validate)]
struct Email(#[validate(pattern = "[^@ ]+@[^@ ]+")] String);

#[derive(Validate)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
    #[validate(length(min = 2, max = 2), pattern = "[A-Z]+")]
    country: &'static str,
}

#[derive(Validate)]
enum Label {
    Plain,
    Text(#[validate(length(max = 3))] String),
    Rgb {
        #[validate(range(max = 255))]
        red: u16,
        #[validate(rename = "Alpha", range(min = 0.0, max = 1.0))]
        alpha: f32,
    },
}

#[derive(Validate)]
struct Profile {
    #[validate(length(min = 1, max = 16), pattern = r"[\w-]+")]
    handle: String,
    #[validate(rename = "DisplayName", length(max = 5))]
    display: Option<String>,
    #[validate(range(min = 0, max = 150))]
    age: u8,
    #[validate(range(min = -1.5, max = 2.5))]
    score: f64,
    #[validate(range(min = -10, max = 10))]
    offset: Option<i64>,
    #[validate(items(min = 1, max = 2), nested)]
    emails: Vec<Email>,
    #[validate(nested)]
    home: Option<Box<Address>>,
    #[validate(nested)]
    labels: BTreeMap<String, Label>,
    #[validate(sensitive, length(min = 8))]
    password: String,
    #[validate(items(max = 1))]
    tags: Vec<String>,
    #[validate(skip)]
    #[allow(dead_code)]
    note: String,
    #[allow(dead_code)]
    plain: u32,
}

fn valid_profile() -> Profile {
    Profile {
        handle: "alice-1".into(),
        display: Some("Alice".into()),
        age: 30,
        score: 2.5,
        offset: None,
        emails: vec![Email("alice@example.com".into())],
        home: Some(Box::new(Address {
            city: "Oslo".into(),
            country: "NO",
        })),
        labels: BTreeMap::from([
            ("a".to_owned(), Label::Plain),
            ("b".to_owned(), Label::Text("abc".into())),
            (
                "c".to_owned(),
                Label::Rgb {
                    red: 255,
                    alpha: 0.5,
                },
            ),
        ]),
        password: "correct horse".into(),
        tags: vec![],
        note: String::new(),
        plain: 0,
    }
}

fn message(v: &impl Validate) -> String {
    match v.validate() {
        Ok(()) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_valid_value_passes() {
    assert_eq!(message(&valid_profile()), "");
}

#[test]
fn every_attribute_reports_in_aws_order() {
    let mut p = valid_profile();
    p.handle = "bad handle!".into();
    p.display = Some("Alexander".into());
    p.age = 151;
    p.score = -2.0;
    p.offset = Some(11);
    p.emails = vec![
        Email("a@b".into()),
        Email("not-an-email".into()),
        Email("c@d".into()),
    ];
    p.home = Some(Box::new(Address {
        city: String::new(),
        country: "nor",
    }));
    p.labels.insert("b".into(), Label::Text("abcd".into()));
    p.labels.insert(
        "c".into(),
        Label::Rgb {
            red: 256,
            alpha: 1.5,
        },
    );
    p.password = "short".into();
    p.tags = vec!["x".into(), "y".into()];
    p.note = "n".repeat(1000);
    assert_eq!(
        message(&p),
        "15 validation errors detected: \
         Value '151' at 'age' failed to satisfy constraint: Member must have value less than or equal to 150; \
         Value 'Alexander' at 'displayName' failed to satisfy constraint: Member must have length less than or equal to 5; \
         Value at 'emails' failed to satisfy constraint: Member must have length less than or equal to 2; \
         Value 'not-an-email' at 'emails.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [^@ ]+@[^@ ]+; \
         Value 'bad handle!' at 'handle' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+; \
         Value '' at 'home.city' failed to satisfy constraint: Member must have length greater than or equal to 1; \
         Value 'nor' at 'home.country' failed to satisfy constraint: Member must have length less than or equal to 2; \
         Value 'nor' at 'home.country' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Z]+; \
         Value 'abcd' at 'labels.entry.2.value' failed to satisfy constraint: Member must have length less than or equal to 3; \
         Value '1.5' at 'labels.entry.3.value.alpha' failed to satisfy constraint: Member must have value less than or equal to 1; \
         Value '256' at 'labels.entry.3.value.red' failed to satisfy constraint: Member must have value less than or equal to 255; \
         Value '11' at 'offset' failed to satisfy constraint: Member must have value less than or equal to 10; \
         Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 8; \
         Value '-2' at 'score' failed to satisfy constraint: Member must have value greater than or equal to -1.5; \
         Value '[x, y]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 1"
    );
}

#[test]
fn empty_collections_and_options() {
    let mut p = valid_profile();
    p.emails.clear();
    p.display = None;
    p.home = None;
    assert_eq!(
        message(&p),
        "1 validation error detected: Value at 'emails' failed to satisfy constraint: Member \
         must have length greater than or equal to 1"
    );
}

#[test]
fn patterns_match_the_whole_value_with_ascii_classes() {
    let mut p = valid_profile();
    // `\w` is ASCII, as in Java: `é` is not a word character.
    p.handle = "josé".into();
    assert_eq!(
        message(&p),
        "1 validation error detected: Value 'josé' at 'handle' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [\\w-]+"
    );
    // A match inside the value is not enough.
    assert_eq!(
        message(&Email("x a@b".into())),
        "1 validation error detected: Value 'x a@b' at '' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [^@ ]+@[^@ ]+"
    );
}

#[derive(Validate)]
#[validate(pattern_mode = "search")]
struct Search {
    #[validate(pattern = "[0-9]")]
    has_digit: String,
}

#[test]
fn search_mode_matches_anywhere() {
    assert_eq!(
        message(&Search {
            has_digit: "abc1def".into()
        }),
        ""
    );
    assert_eq!(
        message(&Search {
            has_digit: "abc".into()
        }),
        "1 validation error detected: Value 'abc' at 'has_digit' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [0-9]"
    );
}

#[test]
fn look_around_patterns_run() {
    #[derive(Validate)]
    struct Bucket {
        #[validate(pattern = r"^[0-9A-Za-z\.\-_]*(?<!\.)$")]
        name: String,
    }
    assert_eq!(
        message(&Bucket {
            name: "my.bucket".into()
        }),
        ""
    );
    assert_eq!(
        message(&Bucket {
            name: "my.bucket.".into()
        }),
        r"1 validation error detected: Value 'my.bucket.' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$"
    );
}

#[test]
fn wide_integers_keep_their_digits() {
    #[derive(Validate)]
    struct Counts {
        #[validate(range(max = 10))]
        big: u64,
        #[validate(range(min = -5, max = 5))]
        wide: i128,
        #[validate(range(min = 1))]
        size: usize,
    }
    assert_eq!(
        message(&Counts {
            big: u64::MAX,
            wide: i128::MIN,
            size: 0,
        }),
        "3 validation errors detected: \
         Value '18446744073709551615' at 'big' failed to satisfy constraint: Member must have value less than or equal to 10; \
         Value '0' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 1; \
         Value '-170141183460469231731687303715884105728' at 'wide' failed to satisfy constraint: Member must have value greater than or equal to -5"
    );
    assert_eq!(
        message(&Counts {
            big: 10,
            wide: 5,
            size: 1
        }),
        ""
    );
}

/// Generic containers: the user states the bound.
#[derive(Validate)]
struct Page<T: Validate> {
    #[validate(items(max = 2), nested)]
    items: Vec<T>,
    #[validate(range(min = 1))]
    number: u32,
}

#[test]
fn generic_structs() {
    let page = Page {
        items: vec![Email("a@b".into()), Email("bad".into())],
        number: 0,
    };
    assert_eq!(
        message(&page),
        "2 validation errors detected: \
         Value 'bad' at 'items.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [^@ ]+@[^@ ]+; \
         Value '0' at 'number' failed to satisfy constraint: Member must have value greater than or equal to 1"
    );
}

#[test]
fn smart_pointers_and_nesting_through_validate_at() {
    #[derive(Validate)]
    struct Outer {
        #[validate(length(min = 2))]
        shared: Rc<str>,
        #[validate(nested)]
        inner: Option<Vec<Option<Address>>>,
    }
    let v = Outer {
        shared: Rc::from("x"),
        inner: Some(vec![
            None,
            Some(Address {
                city: String::new(),
                country: "NO",
            }),
        ]),
    };
    assert_eq!(
        message(&v),
        "2 validation errors detected: \
         Value '' at 'inner.2.member.city' failed to satisfy constraint: Member must have length greater than or equal to 1; \
         Value 'x' at 'shared' failed to satisfy constraint: Member must have length greater than or equal to 2"
    );
    // `validate_at` puts the same violations under a parent path.
    let mut errors = specgen_runtime::ValidationErrors::new();
    v.validate_at(specgen_runtime::Path::ROOT.field("outer"), &mut errors);
    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
    assert_eq!(paths, ["outer.shared", "outer.inner.2.member.city"]);
}

#[test]
fn unit_enums_and_empty_structs_check_nothing() {
    #[derive(Validate)]
    enum Colour {
        #[allow(dead_code)]
        Red,
        Green,
    }
    #[derive(Validate)]
    struct Nothing {}
    assert_eq!(message(&Colour::Green), "");
    assert_eq!(message(&Nothing {}), "");
}

#[test]
fn the_runtime_can_be_named() {
    #[derive(Validate)]
    #[validate(crate = "specgen_runtime")]
    struct Named {
        #[validate(length(max = 1))]
        x: String,
    }
    assert_eq!(
        message(&Named { x: "ab".into() }),
        "1 validation error detected: Value 'ab' at 'x' failed to satisfy constraint: Member \
         must have length less than or equal to 1"
    );
}

/// Element rules: `length`, `pattern`, `sensitive` and `range` on a list or map apply to
/// each element; a violation is reported once, at the collection, as AWS reports it.
#[derive(Validate)]
struct Client {
    #[validate(items(max = 3), length(min = 1, max = 8), pattern = "[a-z:/.]+")]
    callback_urls: Vec<String>,
    #[validate(length(min = 1))]
    scopes: Option<Vec<String>>,
    #[validate(range(min = 1, max = 60))]
    minutes: Vec<u32>,
    #[validate(length(max = 3))]
    labels: BTreeMap<String, String>,
    #[validate(sensitive, length(min = 4))]
    secrets: Vec<String>,
    #[validate(length(max = 2))]
    shared: Rc<[String]>,
}

fn valid_client() -> Client {
    Client {
        callback_urls: vec!["a:/b".into()],
        scopes: None,
        minutes: vec![1, 60],
        labels: BTreeMap::from([("k".to_owned(), "abc".to_owned())]),
        secrets: vec!["hunter2".into()],
        shared: Rc::from(vec!["ab".to_owned()]),
    }
}

#[test]
fn element_rules_report_once_at_the_collection() {
    assert_eq!(message(&valid_client()), "");
    let mut c = valid_client();
    c.callback_urls = vec!["".into(), "https://x".into(), "ok".into(), "a".into()];
    c.scopes = Some(vec![String::new()]);
    c.minutes = vec![0, 5, 61];
    c.labels.insert("z".into(), "abcd".into());
    c.secrets = vec!["abc".into(), "hunter2".into()];
    c.shared = Rc::from(vec!["abc".to_owned()]);
    assert_eq!(
        message(&c),
        "7 validation errors detected: \
         Value '[, https://x, ok, a]' at 'callback_urls' failed to satisfy constraint: Member must have length less than or equal to 3; \
         Value '[, https://x, ok, a]' at 'callback_urls' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have length less than or equal to 8, Member must have length greater than or equal to 1, \
         Member must satisfy regular expression pattern: [a-z:/.]+]; \
         Value at 'labels' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 3]; \
         Value '[0, 5, 61]' at 'minutes' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have value less than or equal to 60, Member must have value greater than or equal to 1]; \
         Value '[]' at 'scopes' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 1]; \
         Value at 'secrets' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 4]; \
         Value '[abc]' at 'shared' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 2]"
    );
}

/// A `f32` is compared with its bounds in its own precision: `0.000001` read as `f32` is
/// not below a minimum of `0.000001`.
#[derive(Validate)]
struct Crawl {
    #[validate(range(min = 0.000001, max = 50.0))]
    megabytes: f32,
    #[validate(range(min = 0.1))]
    ratios: Vec<f32>,
}

#[test]
fn f32_bounds_in_f32_precision() {
    let page = Crawl {
        megabytes: 0.000001,
        ratios: vec![0.1, 0.3],
    };
    assert_eq!(message(&page), "");
    let page = Crawl {
        megabytes: 50.1,
        ratios: vec![0.1, 0.05],
    };
    assert_eq!(
        message(&page),
        "2 validation errors detected: \
         Value '50.1' at 'megabytes' failed to satisfy constraint: Member must have value less than or equal to 50; \
         Value '[0.1, 0.05]' at 'ratios' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have value greater than or equal to 0.1]"
    );
}

/// A level the derive cannot see into: it converts to `i64` and is not shown.
#[derive(Clone, Copy)]
struct Level(u8);

impl From<Level> for i64 {
    fn from(l: Level) -> i64 {
        i64::from(l.0)
    }
}

/// A collection the derive cannot see into: its references iterate its items.
struct Team(Vec<Address>);

impl Team {
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'a> IntoIterator for &'a Team {
    type Item = &'a Address;
    type IntoIter = std::slice::Iter<'a, Address>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Elements behind pointers and `Option`s, sets, wide integers, and elements and
/// collections of types the derive cannot see.
#[derive(Validate)]
struct Shelf {
    // Boxed elements are the case under test.
    #[allow(clippy::vec_box)]
    #[validate(length(min = 2))]
    boxed: Vec<Box<String>>,
    #[validate(range(max = 5))]
    counts: BTreeMap<String, Option<i32>>,
    #[validate(items(min = 2), length(max = 3))]
    tags: std::collections::HashSet<String>,
    #[validate(range(max = 10))]
    sizes: Vec<u64>,
    #[validate(range(min = 1))]
    levels: Vec<Level>,
    #[validate(items(max = 1), nested)]
    team: Team,
}

fn valid_shelf() -> Shelf {
    Shelf {
        boxed: vec![Box::new("ab".into())],
        counts: BTreeMap::from([("a".to_owned(), None), ("b".to_owned(), Some(5))]),
        tags: ["x".to_owned(), "yz".to_owned()].into(),
        sizes: vec![0, 10],
        levels: vec![Level(1)],
        team: Team(vec![Address {
            city: "Oslo".into(),
            country: "NO",
        }]),
    }
}

#[test]
fn pointers_options_sets_wide_integers_and_unseen_types() {
    assert_eq!(message(&valid_shelf()), "");
    let shelf = Shelf {
        boxed: vec![Box::new("ab".into()), Box::new("c".into())],
        counts: BTreeMap::from([
            ("a".to_owned(), Some(6)),
            ("b".to_owned(), None),
            ("c".to_owned(), Some(-1)),
        ]),
        tags: ["long".to_owned()].into(),
        sizes: vec![3, u64::MAX],
        levels: vec![Level(0), Level(2)],
        team: Team(vec![
            Address {
                city: String::new(),
                country: "NO",
            },
            Address {
                city: "Bergen".into(),
                country: "no",
            },
        ]),
    };
    // `Option` elements are checked each at its own path; elements of unseen types are
    // not shown; a `u64` beyond `i64` is above every maximum.
    assert_eq!(
        message(&shelf),
        "9 validation errors detected: \
         Value '[ab, c]' at 'boxed' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have length greater than or equal to 2]; \
         Value '6' at 'counts.entry.1.value' failed to satisfy constraint: Member must have value less than or equal to 5; \
         Value at 'levels' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have value greater than or equal to 1]; \
         Value '[3, 18446744073709551615]' at 'sizes' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have value less than or equal to 10]; \
         Value '[long]' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 2; \
         Value '[long]' at 'tags' failed to satisfy constraint: Member must satisfy constraint: \
         [Member must have length less than or equal to 3]; \
         Value at 'team' failed to satisfy constraint: Member must have length less than or equal to 1; \
         Value '' at 'team.1.member.city' failed to satisfy constraint: Member must have length greater than or equal to 1; \
         Value 'no' at 'team.2.member.country' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Z]+"
    );
}
