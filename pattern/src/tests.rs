use super::*;

fn full(p: &str) -> CompiledPattern {
    compile(p, PatternMode::FullMatch).unwrap_or_else(|e| panic!("{e}"))
}

fn matches(p: &str, s: &str) -> bool {
    full(p).is_match(s)
}

fn refused(p: &str) -> PatternError {
    compile(p, PatternMode::FullMatch).unwrap_err()
}

#[test]
fn java_perl_classes_are_ascii() {
    assert!(matches(r"[\w+]+", "abc_123+"));
    assert!(!matches(r"[\w+]+", "abcé"));
    assert!(!matches(r"\d+", "١٢"));
    assert!(matches(r"[\S]+", "a-b"));
    assert!(!matches(r"[\S]+", "a b"));
    assert!(matches(r"[\S]+", "é"));
    assert!(!matches(r"[\w-]+_[0-9a-zA-Z]+", " us-east-1_abc"));
    assert!(matches(r"[\w-]+_[0-9a-zA-Z]+", "us-east-1_abc"));
}

#[test]
fn unicode_properties_stay_unicode() {
    assert!(matches(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "ñandú"));
    assert!(!matches(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "a b"));
    assert!(matches(r"\p{Print}+", "a b~"));
    assert!(!matches(r"\p{Print}+", "é"));
}

#[test]
fn dot_matches_no_java_line_terminator() {
    assert!(matches(r".*\{####\}.*", "Code: {####}"));
    for terminator in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
        let value = format!("Code:{terminator}{{####}}");
        assert!(!matches(r".*\{####\}.*", &value), "{value:?}");
        assert!(matches(r"(?s).*\{####\}.*", &value), "{value:?}");
    }
    assert!(matches(r"(?d).", "\r"));
    assert!(!matches(r"(?d).", "\n"));
    // Inside a class `.` is a literal dot.
    assert!(matches(r"[.]+", "..."));
    assert!(!matches(r"[.]+", "a"));
}

#[test]
fn single_class_patterns_get_a_class_run() {
    let run = full(r"[\w+]+").class_run.expect("a class run");
    assert_eq!((run.min, run.max, run.non_ascii), (1, None, false));
    let has = |b: u8| run.ascii[(b / 64) as usize] & (1 << (b % 64)) != 0;
    assert!(has(b'a') && has(b'Z') && has(b'0') && has(b'_') && has(b'+'));
    assert!(!has(b'-') && !has(b' '));
    let run = full(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+").class_run.unwrap();
    assert!(run.non_ascii);
    let run = full(r"^[0-9a-fA-F]+$").class_run.unwrap();
    assert_eq!(run.min, 1);
    let run = full(r"[0-9]{12}").class_run.unwrap();
    assert_eq!((run.min, run.max), (12, Some(12)));
    assert_eq!(full(r"[\w-]+_[0-9a-zA-Z]+").class_run, None);
    // Without the look-behind at its end, checked apart, this is one class repeated.
    let run = full(r"^[0-9A-Za-z\.\-_]*(?<!\.)$").class_run.unwrap();
    assert_eq!((run.min, run.max, run.non_ascii), (0, None, false));
    assert_eq!(
        compile("[0-9]+", PatternMode::Search).unwrap().class_run,
        None
    );
}

#[test]
fn class_regex_is_cut_from_the_translation() {
    assert_eq!(
        class_regex(r"^(?:[^\p{C}]{1,2048})$").as_deref(),
        Some(r"^(?:[^\p{C}])*$")
    );
    assert_eq!(
        class_regex(r"^(?:^(?s:.){20,20000}$)$").as_deref(),
        Some(r"^(?:(?s:.))*$")
    );
    // Not one class, not counted, or small.
    assert_eq!(class_regex(r"^(?:a[^\p{C}]{1,2048})$"), None);
    assert_eq!(class_regex(r"^(?:\b[^\p{C}]{1,2048})$"), None);
    assert_eq!(class_regex(r"^(?:[^\p{C}]+)$"), None);
    assert_eq!(class_regex(r"^(?:[a-z]{1,8})$"), None);
    // Only a full match can be cut into class and count.
    assert_eq!(class_regex(r"[^\p{C}]{1,2048}"), None);
}

#[test]
fn full_match_versus_search() {
    assert!(!matches("[0-9]+", "12a"));
    let s = compile("[0-9]+", PatternMode::Search).unwrap();
    assert!(regex::Regex::new(&s.translated).unwrap().is_match("12a"));
}

#[test]
fn look_around_at_the_ends_is_split_off() {
    let c = full(r"^[0-9A-Za-z\.\-_]*(?<!\.)$");
    assert_eq!(c.engine, Engine::Regex);
    let ends = c.ends.expect("split");
    assert_eq!(ends.rest, r"^(?:^[0-9A-Za-z.\-_]*$)$");
    assert_eq!(
        ends.conditions,
        [LookAround {
            regex: r"(?:\.)$".to_owned(),
            must_match: false,
            line_end: false,
        }]
    );
    assert!(matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket.s3"));
    assert!(matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", ""));
    assert!(!matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket."));
    assert!(!matches(r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my bucket"));
    let c = full(r"^(?!aws:)[a-z:]+");
    assert_eq!(c.engine, Engine::Regex);
    assert!(c.class_run.is_some());
    assert!(!matches(r"^(?!aws:)[a-z:]+", "aws:tag"));
    assert!(matches(r"^(?!aws:)[a-z:]+", "awstag:x"));
}

#[test]
fn a_look_ahead_ending_in_java_dollar_tries_the_value_without_its_line_terminator() {
    let p = r"(?!abc$)[a-z\n\r]*";
    let c = full(p);
    assert_eq!(c.engine, Engine::Regex);
    let ends = c.ends.as_ref().expect("split");
    assert_eq!(
        ends.conditions,
        [LookAround {
            regex: r"^(?:abc)\z".to_owned(),
            must_match: false,
            line_end: true,
        }]
    );
    // As Java: `$` is at the end, or before one final line terminator.
    for (value, java) in [
        ("abc", false),
        ("abc\n", false),
        ("abc\r\n", false),
        ("abc\r", false),
        ("abc\n\n", true),
        ("abc\n\r", true),
        ("abcd", true),
        ("ab", true),
    ] {
        assert_eq!(matches(p, value), java, "{value:?}");
    }
    // Java's `\s*$` in a look-ahead (EventBridge's `PathParameter`).
    assert_eq!(full(r"^(?!\s*$).+").engine, Engine::Regex);
    assert!(!matches(r"^(?!\s*$).+", "   "));
    assert!(matches(r"^(?!\s*$).+", " x "));
    // A `$` that ends one branch of the look-ahead only: left to fancy-regex, and right.
    assert_eq!(full(r"(?!a|b$)[a-z]+").engine, Engine::Fancy);
    assert!(!matches(r"(?!a|b$)[a-z]+", "ab"));
    assert!(matches(r"(?!a|b$)[a-z]+", "bc"));
    // Something before the `$` that asks where the text ends: left to fancy-regex.
    assert_eq!(full(r"(?!a\b$)[a-z]+").engine, Engine::Fancy);
}

#[test]
fn other_look_around_uses_fancy() {
    let c = full(r"[a-z]+(?=[0-9])[a-z0-9]*");
    assert_eq!((c.engine, c.ends), (Engine::Fancy, None));
    assert!(matches(r"[a-z]+(?=[0-9])[a-z0-9]*", "ab1c"));
    assert!(!matches(r"[a-z]+(?=[0-9])[a-z0-9]*", "abc"));
    assert_eq!(full(r"(a)\1").engine, Engine::Fancy);
    // Java's `$` inside a group of the look-ahead: the text before it is not all it sees.
    assert_eq!(full(r"(?!.*(^|/)\.\.?(/|$))[a-z./]+").engine, Engine::Fancy);
    assert_eq!(full(r"[\w+]+").engine, Engine::Regex);
}

#[test]
fn java_dash_and_unicode_escapes() {
    assert!(matches(r"[A-Za-z0-9-_=.]+", "a-b_c=d."));
    assert!(matches(r"[a-zA-Z0-9-_]+", "a-_"));
    assert!(matches(r"[\u0020-\u00FF]*", "abc ÿ"));
    assert!(!matches(r"[\u0020-\u00FF]*", "ā"));
}

/// The patterns that stopped the generation of AWS services before Java's dialect was read.
#[test]
fn previously_refused_patterns_compile() {
    for pattern in [
        r"[^/:|\000-\037]+",
        r"^[\w-.+]+@[\w-.+]+$",
        r"^[\w- ]*$",
        r"^(\p{LD}|\p{Punct}| )+$",
        r"\p{Punct}\p{Alpha}\p{javaLetterOrDigit}\p{javaLowerCase}\p{IsAlphabetic}",
        r"\p{IsLatin}\p{InGreek}\p{L1}\p{LC}\p{all}",
        r"\x{1F600}\x41",
        r"[\uD800-\uDBFF][\uDC00-\uDFFF]",
        r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*",
        r"[^\p{C}]{1,2048}",
        r"[\P{M}\p{M}]{0,20000}",
        r"(?s).{1,2048}",
        r"^[-_a-zA-Z0-9]*${2,64}$",
        r"^arn:\S+:rbin:[a-z\-0-9]{0,63}:[0-9]{12}:rule/[0-9a-zA-Z]{11}{0,1011}$",
        r"^[\P{C}\r\n\t]{1,250}$",
    ] {
        compile(pattern, PatternMode::FullMatch).unwrap_or_else(|e| panic!("{e}"));
    }
    // Java rejects this one (`\p` followed by `\{`): it is reported, not compiled.
    let e = refused(r"^\([\p\{L\}\p\{Z\}\p\{N\}_.:\/=\+\-@]*\)$\{1,128\}");
    assert_eq!(e.kind, PatternErrorKind::Invalid);
    assert_eq!(
        e.to_string(),
        r"pattern `^\([\p\{L\}\p\{Z\}\p\{N\}_.:\/=\+\-@]*\)$\{1,128\}` is not supported: unknown character property name `{\}`"
    );
}

#[test]
fn translations_read_like_the_java_they_come_from() {
    let t = |p: &str| translate(p).unwrap();
    assert_eq!(t(r"[\w-.+]+"), r"[0-9A-Za-z_\-.+]+");
    assert_eq!(t(r"[^/:|\000-\037]+"), r"[^/:|\x{0}-\x{1F}]+");
    assert_eq!(t(r"import-[a-z.]+\.x"), r"import-[a-z.]+\.x");
    assert_eq!(t(r"\p{LD}"), r"[\p{L}\p{Nd}]");
    assert_eq!(t(r"\p{InGreek}"), "[Ͱ-Ͽ]");
    assert_eq!(t(r"\uD83D\uDE00"), r"\x{1F600}");
    assert_eq!(t(r"(?i)ab1"), "[aA][bB]1");
    assert_eq!(t(r"\<"), "<");
    assert_eq!(t(r"a{2}+"), "(?>a{2})");
    // A `$` that nothing follows is the end; elsewhere Java's `$` also sees a final newline.
    assert_eq!(t(r"^a$"), "^a$");
    assert_eq!(t(r"$|^a"), "$|^a");
    assert!(t(r"a$\n").starts_with(r"a(?:\z|"));
}

#[test]
fn surrogates_mean_what_they_mean_in_java() {
    // A `\u` pair is one character.
    assert!(matches(r"\uD83D\uDE00", "😀"));
    assert!(matches(r"[\uD800\uDC00-\uDBFF\uDFFF]", "😀"));
    // An unpaired surrogate matches nothing in a well-formed string.
    assert!(!matches(r"[\uD800-\uDBFF][\uDC00-\uDFFF]", "😀"));
    assert!(!matches(r"\uD800", "\u{10000}"));
    assert!(matches(r"[^\uD800-\uDBFF]", "😀"));
    // `\uDBFF\uDC00` is a pair, so this range reaches U+10FC00.
    assert!(matches(r"[\uD800-\uDBFF\uDC00-\uDFFF]", "😀"));
}

#[test]
fn invalid_and_unsupported_patterns_say_why() {
    let e = refused("(a");
    assert_eq!(
        e.to_string(),
        "pattern `(a` is not supported: unclosed group"
    );
    assert_eq!(e.kind, PatternErrorKind::Invalid);
    let e = refused("(?<=x");
    assert_eq!(e.reason, "unclosed group");
    assert_eq!(
        refused(r"\p{NoSuchProperty}").kind,
        PatternErrorKind::Invalid
    );
    assert_eq!(refused(r"\p{L").reason, "unclosed character family");
    let e = refused(r"\X");
    assert_eq!(e.kind, PatternErrorKind::Unsupported);
    assert_eq!(e.reason, r"`\X` (grapheme clusters)");
    // Too large for one automaton, and not one class.
    let e = refused(r"(\p{L}\p{N}){1,5000}");
    assert_eq!(e.kind, PatternErrorKind::Unsupported);
    assert!(e.reason.contains("size limit"), "{}", e.reason);
}

#[test]
fn deep_or_long_input_is_refused_or_translated_without_overflow() {
    let deep = "(".repeat(100_000);
    assert!(refused(&deep).reason.contains("nested deeper"));
    let classes = "[".repeat(100_000);
    assert!(refused(&classes).reason.contains("nested deeper"));
    let long = "(a|b)".repeat(3000);
    let _ = compile(&long, PatternMode::FullMatch);
    let dollars = "$|".repeat(50_000);
    let started = std::time::Instant::now();
    let _ = translate(&dollars);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn pattern_mode_text_round_trips() {
    for mode in [PatternMode::FullMatch, PatternMode::Search] {
        assert_eq!(mode.to_string().parse::<PatternMode>(), Ok(mode));
    }
    assert_eq!("full-match".parse(), Ok(PatternMode::FullMatch));
    assert_eq!("full_match".parse(), Ok(PatternMode::FullMatch));
    assert_eq!("search".parse(), Ok(PatternMode::Search));
    let e = "fuzzy".parse::<PatternMode>().unwrap_err();
    assert_eq!(e.value(), "fuzzy");
    assert_eq!(
        e.to_string(),
        "expected `full-match` or `search`, not `fuzzy`"
    );
    assert!("Search".parse::<PatternMode>().is_err());
    assert!("".parse::<PatternMode>().is_err());
}
