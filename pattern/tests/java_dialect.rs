//! Java's answers, side by side with ours: each row is a pattern in Java's dialect, a value,
//! and what `Pattern.matches` (Java 17) answers for it. The answers were obtained from Java
//! itself; `cargo test -p specgen-pattern --test java_dialect -- --ignored` asks Java again
//! (with `tests/java/JavaMatches.java`) when `java` is on the PATH.

use specgen_pattern::{CompiledPattern, PatternErrorKind, PatternMode, compile};

/// One question: a pattern, a value (`unit` × `times` + `tail`) and Java's answer.
struct Row {
    construct: &'static str,
    pattern: &'static str,
    unit: &'static str,
    times: usize,
    tail: &'static str,
    java: bool,
}

impl Row {
    const fn new(
        construct: &'static str,
        pattern: &'static str,
        value: &'static str,
        java: bool,
    ) -> Row {
        Row {
            construct,
            pattern,
            unit: value,
            times: 1,
            tail: "",
            java,
        }
    }

    /// A long value: `unit` repeated `times` times, then `tail`.
    const fn long(
        construct: &'static str,
        pattern: &'static str,
        unit: &'static str,
        times: usize,
        tail: &'static str,
        java: bool,
    ) -> Row {
        Row {
            construct,
            pattern,
            unit,
            times,
            tail,
            java,
        }
    }

    fn value(&self) -> String {
        self.unit.repeat(self.times) + self.tail
    }
}

#[rustfmt::skip]
const TABLE: &[Row] = &[
    Row::new("octal", r"[^/:|\000-\037]+", "a/b", false),
    Row::new("octal", r"[^/:|\000-\037]+", "abc", true),
    Row::new("octal", r"[^/:|\000-\037]+", "a\u{1}b", false),
    Row::new("octal", r"\0101\0102", "AB", true),
    Row::new("octal", r"\0400", " 0", true),
    Row::new("octal", r"\0377", "ÿ", true),
    Row::new("dash after class escape", r"^[\w-.+]+@[\w-.+]+$", "a-b.c+d@x-y.z", true),
    Row::new("dash after class escape", r"^[\w-.+]+@[\w-.+]+$", "a b@x", false),
    Row::new("dash after class escape", r"^[\w- ]*$", "a- b_", true),
    Row::new("dash after class escape", r"^[\w- ]*$", "a,b", false),
    Row::new("dash after class escape", r"[\d-z]", "-", true),
    Row::new("dash after class escape", r"[\d-z]", "y", false),
    Row::new("dash after class escape", r"[\p{L}-9]", "-", true),
    Row::new("property", r"^(\p{LD}|\p{Punct}| )+$", "Hello, World 42!", true),
    Row::new("property", r"^(\p{LD}|\p{Punct}| )+$", "été", true),
    Row::new("property", r"^(\p{LD}|\p{Punct}| )+$", "5€", false),
    Row::new("property", r"\p{Alpha}+", "abc", true),
    Row::new("property", r"\p{Alpha}+", "é", false),
    Row::new("property", r"\p{javaLetterOrDigit}+", "é9中", true),
    Row::new("property", r"\p{javaLowerCase}+", "aß", true),
    Row::new("property", r"\p{javaLowerCase}+", "aB", false),
    Row::new("property", r"\p{javaWhitespace}+", " \t\u{2028}", true),
    Row::new("property", r"\p{javaWhitespace}", "\u{a0}", false),
    Row::new("property", r"\p{IsAlphabetic}+", "a\u{216b}", true),
    Row::new("property", r"\p{IsLatin}+", "abÿ", true),
    Row::new("property", r"\p{IsLatin}+", "aα", false),
    Row::new("property", r"\p{InGreek}+", "αβγ", true),
    Row::new("property", r"\p{InGreek}+", "ἀ", false),
    Row::new("property", r"\p{InBasic Latin}+", "a~", true),
    Row::new("property", r"\p{L1}+", "ÿ", true),
    Row::new("property", r"\p{L1}", "Ā", false),
    Row::new("property", r"\p{LC}", "ǅ", true),
    Row::new("property", r"\p{all}+", "a\n😀", true),
    Row::new("property", r"\p{IsPunct}", "¿", true),
    Row::new("property", r"\p{Punct}", "¿", false),
    Row::new("property", r"\p{IsWhite_Space}", "\u{2028}", true),
    Row::new("property", r"\pL\p{IsLu}\p{gc=Nd}\p{sc=Han}", "aB7中", true),
    Row::new("property", r"(?i)\p{Lu}", "a", true),
    Row::new("property", r"[^\p{C}]+", "a\u{200b}", false),
    Row::new("hex escape", r"\x{1F600}", "😀", true),
    Row::new("hex escape", r"\x41\x{62}", "Ab", true),
    Row::new("hex escape", r"[\x{20}-\x{7E}]+", "a~", true),
    Row::new("surrogates", r"[\uD800-\uDBFF][\uDC00-\uDFFF]", "😀", false),
    Row::new("surrogates", r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "a😀\t", true),
    Row::new("surrogates", r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "a\u{1}", false),
    Row::new("surrogates", r"\uD83D\uDE00", "😀", true),
    Row::new("surrogates", r"[\uD800\uDC00-\uDBFF\uDFFF]+", "😀𝄞", true),
    Row::new("surrogates", r"[\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]*", "😀", true),
    Row::new("surrogates", r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*", "😀", false),
    Row::new("surrogates", r"[^\uD800-\uDBFF]", "😀", true),
    Row::new("surrogates", r"\uD800", "😀", false),
    Row::new("counted class", r"[^\p{C}]{1,2048}", "héllo wörld", true),
    Row::new("counted class", r"[^\p{C}]{1,2048}", "a\u{0}", false),
    Row::long("counted class", r"[^\p{C}]{1,2048}", "é", 2048, "", true),
    Row::long("counted class", r"[^\p{C}]{1,2048}", "é", 2049, "", false),
    Row::new("counted class", r"[\P{M}\p{M}]{0,20000}", "", true),
    Row::long("counted class", r"[\P{M}\p{M}]{0,20000}", "中", 20000, "", true),
    Row::long("counted class", r"[\P{M}\p{M}]{0,20000}", "中", 20001, "", false),
    Row::new("counted class", r"(?s).{1,2048}", "a\nb", true),
    Row::long("counted class", r"\p{L}{1,64}", "é", 64, "", true),
    Row::long("counted class", r"\p{L}{1,64}", "é", 63, "1", false),
    Row::new("dot", r".*", "a\u{2028}b", false),
    Row::new("dot", r".+", "a\u{85}", false),
    Row::new("inline flags", r"(?i)all|[0-9]{12}", "ALL", true),
    Row::new("inline flags", r"(?i)all|[0-9]{12}", "ÄLL", false),
    Row::new("inline flags", r"(?i)k", "\u{212a}", false),
    Row::new("inline flags", r"(?x) a b # comment", "ab", true),
    Row::new("quoting", r"\Qa.b\E+", "a.bbb", true),
    Row::new("quoting", r"\Qa.b\E+", "axbb", false),
    Row::new("quoting", r"[\Q]-\E]+", "]-", true),
    Row::new("dollar", r"abc$", "abc\n", false),
    Row::new("dollar", r"abc$\n", "abc\n", true),
    Row::new("dollar", r"^[-_a-zA-Z0-9]*${2,64}$", "ab-c", true),
    Row::new("linebreak", r"a\R", "a\r\n", true),
    Row::new("linebreak", r"a\R?\n", "a\r\n", false),
    Row::new("escaped punctuation", r"\<\>", "<>", true),
    Row::new("repeated repetition", r"[0-9a-zA-Z]{11}{0,1011}", "abcdefghijk", true),
    Row::new("repeated repetition", r"[0-9a-zA-Z]{11}{0,1011}", "abcdefghijkl", false),
    Row::new("intersection", r"[\p{Print}&&[^|:/]]+", "a b", true),
    Row::new("intersection", r"[\p{Print}&&[^|:/]]+", "a|b", false),
    Row::new("intersection", r"[a-z&&[^aeiou]]+", "bcd", true),
    Row::new("intersection", r"[a-z&&[^aeiou]]+", "bad", false),
    Row::new("possessive", r"-\d{1}+:", "-5:", true),
    Row::new("possessive", r"-\d{1}+:", "-12:", false),
    Row::new("possessive", r"a*+a", "aaa", false),
    Row::new("predefined classes", r"\h+", "\u{a0}\t", true),
    Row::new("predefined classes", r"\w+", "é", false),
    Row::new("predefined classes", r"\s", "\u{a0}", false),
    Row::new("predefined classes", r"\v", "\u{2028}", true),
    Row::new("control escapes", r"\cA\e\a", "\u{1}\u{1b}\u{7}", true),
    Row::new("look-around", r"^(?!\s*$).+", "   ", false),
    Row::new("look-around", r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket.", false),
    Row::new("look-around", r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my-bucket", true),
    Row::new("back-reference", r"(?<name>a)\k<name>", "aa", true),
    Row::new("back-reference", r"(a)\2", "a", false),
];

/// Patterns Java refuses (`Pattern.compile` throws): refused here too, as invalid.
const JAVA_REJECTS: &[&str] = &[
    r"^\([\p\{L\}\p\{Z\}\p\{N\}_.:\/=\+\-@]*\)$\{1,128\}",
    r"(a",
    r"[a-\w]",
    r"\p{Latin}",
    r"\p{InGreek_and_Coptic}",
    r"a{,3}",
    r"\y",
    r"[]",
    r"x{2147483648}",
    r"\x{110000}",
    r"(?<1a>x)",
    "a\\",
];

/// Patterns Java accepts that have no equivalent here: refused as unsupported.
const NO_EQUIVALENT: &[&str] = &[
    r"\X",
    r"a\G",
    r"\N{LATIN SMALL LETTER A}",
    r"(?U)\w",
    r"[a&&]",
    r"(?i)(a)\1",
];

/// Runs a compiled pattern as `specgen_runtime::pattern::Pattern` does.
fn is_match(c: &CompiledPattern, value: &str) -> bool {
    c.is_match(value)
}

#[test]
fn table_has_every_construct() {
    assert!(TABLE.len() >= 40, "{} rows", TABLE.len());
    for construct in [
        "octal",
        "dash after class escape",
        "property",
        "hex escape",
        "surrogates",
        "counted class",
    ] {
        assert!(
            TABLE.iter().filter(|r| r.construct == construct).count() >= 3,
            "{construct}"
        );
    }
}

#[test]
fn full_matches_agree_with_java() {
    let mut wrong = Vec::new();
    for row in TABLE {
        let compiled = match compile(row.pattern, PatternMode::FullMatch) {
            Ok(c) => c,
            Err(e) => {
                wrong.push(format!("{} ({}): {e}", row.pattern, row.construct));
                continue;
            }
        };
        let value = row.value();
        if is_match(&compiled, &value) != row.java {
            wrong.push(format!(
                "{} ({}) on {:?}: Java says {}, translated as {}",
                row.pattern,
                row.construct,
                row.value(),
                row.java,
                compiled.translated
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn large_counted_classes_do_not_build_the_counted_automaton() {
    for pattern in [
        r"[^\p{C}]{1,2048}",
        r"[\P{M}\p{M}]{0,20000}",
        r"\p{L}{1,64}",
    ] {
        let c = compile(pattern, PatternMode::FullMatch).unwrap();
        assert!(c.class_regex.is_some(), "{pattern}");
    }
    // Small counts keep the one automaton, which is faster there.
    let c = compile("[0-9]{12}", PatternMode::FullMatch).unwrap();
    assert_eq!(c.class_regex, None);
    assert!(c.class_run.is_some());
}

#[test]
fn what_java_rejects_is_invalid_here() {
    for pattern in JAVA_REJECTS {
        let e = compile(pattern, PatternMode::FullMatch).unwrap_err();
        assert_eq!(e.kind, PatternErrorKind::Invalid, "{pattern}: {e}");
        assert_eq!(e.source, *pattern);
    }
    let e = compile(JAVA_REJECTS[0], PatternMode::FullMatch).unwrap_err();
    assert_eq!(e.reason, r"unknown character property name `{\}`");
}

#[test]
fn what_has_no_equivalent_is_unsupported_with_a_reason() {
    for pattern in NO_EQUIVALENT {
        let e = compile(pattern, PatternMode::FullMatch).unwrap_err();
        assert_eq!(e.kind, PatternErrorKind::Unsupported, "{pattern}: {e}");
        assert!(!e.reason.is_empty());
    }
}

/// Hex of UTF-8, the form `JavaMatches.java` reads.
fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

#[test]
#[ignore = "needs `java` (11 or later) on the PATH"]
fn table_agrees_with_java_itself() {
    let mut questions = String::new();
    for row in TABLE {
        questions += &format!("M {} {}\n", hex(row.pattern), hex(&row.value()));
    }
    for pattern in JAVA_REJECTS.iter().chain(NO_EQUIVALENT) {
        questions += &format!("C {}\n", hex(pattern));
    }
    let dir = std::env::temp_dir().join(format!("specgen-pattern-java-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("questions.txt");
    std::fs::write(&file, questions).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/java/JavaMatches.java");
    let output = match std::process::Command::new("java")
        .arg(script)
        .arg(&file)
        .output()
    {
        Ok(output) => output,
        Err(e) => {
            eprintln!("skipped: cannot run `java`: {e}");
            return;
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answers = String::from_utf8(output.stdout).unwrap();
    let answers: Vec<&str> = answers.lines().collect();
    assert_eq!(
        answers.len(),
        TABLE.len() + JAVA_REJECTS.len() + NO_EQUIVALENT.len()
    );
    let mut wrong = Vec::new();
    for (row, answer) in TABLE.iter().zip(&answers) {
        if *answer != row.java.to_string() {
            wrong.push(format!(
                "{} on {:?}: table says {}, Java {answer}",
                row.pattern,
                row.value(),
                row.java
            ));
        }
    }
    let compiled = &answers[TABLE.len()..];
    for (pattern, answer) in JAVA_REJECTS.iter().zip(compiled) {
        if !answer.starts_with("invalid: ") {
            wrong.push(format!("{pattern}: Java accepts it"));
        }
    }
    for (pattern, answer) in NO_EQUIVALENT.iter().zip(&compiled[JAVA_REJECTS.len()..]) {
        if *answer != "ok" {
            wrong.push(format!("{pattern}: Java rejects it ({answer})"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
