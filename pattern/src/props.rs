//! Java's `\p{…}` names, looked up as `Pattern.family` (Java 17) does, as Rust class items.
//!
//! Java has four families of names, each with its own spelling rules:
//! - categories, POSIX classes and `java…` methods of `Character`, case-sensitive
//!   (`\p{Lu}`, `\p{Punct}`, `\p{javaLowerCase}`; the POSIX ones are ASCII);
//! - `Is` + a binary property or a Unicode POSIX class, case-insensitive (`\p{IsAlphabetic}`,
//!   `\p{IsPunct}` is Unicode punctuation), else `Is` + a category or a script;
//! - `In` + a block (`\p{InGreek}`), or `block=`/`blk=`;
//! - `script=`/`sc=` and `general_category=`/`gc=`.
//!
//! Under `(?i)` (without `UNICODE_CHARACTER_CLASS`) the case categories widen to all cased
//! letters, as in Java. The Unicode data is the `regex` crate's, which is newer than Java
//! 17's Unicode 13: characters assigned since then may answer differently.

use crate::fail::Fail;
use crate::set::{Set, push_range};
use crate::tables::{BLOCKS, SCRIPTS};

/// Java's `\s`: `[ \t\n\x0B\f\r]`.
pub(crate) const SPACE: &str = r" \t\n\x0B\f\r";

/// The class items of a `\p{name}` (or `\pX`) property; `ci`: under `(?i)`.
pub(crate) fn family(name: &str, ci: bool) -> Result<Set, Fail> {
    let unknown = || Fail::invalid(format!("unknown character property name `{{{name}}}`"));
    if let Some((key, value)) = name.split_once('=') {
        let found = match key.to_ascii_lowercase().as_str() {
            "sc" | "script" => script(value),
            "blk" | "block" => block(value),
            "gc" | "general_category" => property(value, ci),
            _ => None,
        };
        return found.ok_or_else(|| {
            Fail::invalid(format!(
                "unknown Unicode property `{{name=<{}>, value=<{value}>}}`",
                key.to_ascii_lowercase()
            ))
        });
    }
    let found = if let Some(block_name) = name.strip_prefix("In") {
        block(block_name)
    } else if let Some(rest) = name.strip_prefix("Is") {
        unicode_property(&rest.to_uppercase(), ci)
            .or_else(|| property(rest, ci))
            .or_else(|| script(rest))
    } else {
        property(name, ci)
    };
    found.ok_or_else(unknown)
}

/// Every cased letter: what Java's case classes become under `(?i)`.
const CASED: &str = r"\p{Lowercase}\p{Uppercase}\p{Lt}";
/// Java's `Character.isIdentifierIgnorable`.
const IGNORABLE: &str = r"\x00-\x08\x0E-\x1B\x7F-\x9F\p{Cf}";

/// Categories, POSIX classes and `java…` names (`CharPredicates.forProperty`).
fn property(name: &str, ci: bool) -> Option<Set> {
    let items: String = match name {
        "Lu" | "Ll" | "Lt" if ci => r"\p{Lu}\p{Ll}\p{Lt}".into(),
        "Cn" | "Lu" | "Ll" | "Lt" | "Lm" | "Lo" | "Mn" | "Me" | "Mc" | "Nd" | "Nl" | "No"
        | "Zs" | "Zl" | "Zp" | "Cc" | "Cf" | "Co" | "Pd" | "Ps" | "Pe" | "Pc" | "Po" | "Sm"
        | "Sc" | "Sk" | "So" | "Pi" | "Pf" | "L" | "M" | "N" | "Z" | "C" | "P" | "S" | "LC" => {
            format!(r"\p{{{name}}}")
        }
        // Surrogates: never in a Rust string.
        "Cs" => String::new(),
        "LD" => r"\p{L}\p{Nd}".into(),
        "L1" => ranges(&[(0, 0xFF)]),
        "all" => ranges(&[(0, 0x10_FFFF)]),
        "ASCII" => ranges(&[(0, 0x7F)]),
        "Alnum" => "0-9A-Za-z".into(),
        "Alpha" => "A-Za-z".into(),
        "Blank" => r" \t".into(),
        "Cntrl" => r"\x00-\x1F\x7F".into(),
        "Digit" => "0-9".into(),
        "Graph" => r"!-\~".into(),
        "Lower" | "Upper" if ci => "A-Za-z".into(),
        "Lower" => "a-z".into(),
        "Print" => r" -\~".into(),
        "Punct" => r"!-/:-@\[-`\{-\~".into(),
        "Space" => SPACE.into(),
        "Upper" => "A-Z".into(),
        "XDigit" => "0-9A-Fa-f".into(),
        "javaLowerCase" | "javaUpperCase" | "javaTitleCase" if ci => CASED.into(),
        "javaLowerCase" => r"\p{Lowercase}".into(),
        "javaUpperCase" => r"\p{Uppercase}".into(),
        "javaTitleCase" => r"\p{Lt}".into(),
        "javaAlphabetic" => r"\p{Alphabetic}".into(),
        "javaIdeographic" => r"\p{Ideographic}".into(),
        "javaDigit" => r"\p{Nd}".into(),
        "javaDefined" => r"\P{Cn}".into(),
        "javaLetter" => r"\p{L}".into(),
        "javaLetterOrDigit" => r"\p{L}\p{Nd}".into(),
        "javaJavaIdentifierStart" => r"\p{L}\p{Nl}\p{Sc}\p{Pc}".into(),
        "javaJavaIdentifierPart" => {
            format!(r"\p{{L}}\p{{Sc}}\p{{Pc}}\p{{Nd}}\p{{Nl}}\p{{Mc}}\p{{Mn}}{IGNORABLE}")
        }
        "javaUnicodeIdentifierStart" => r"\p{L}\p{Nl}\p{Other_ID_Start}".into(),
        "javaUnicodeIdentifierPart" => format!(
            r"\p{{L}}\p{{Pc}}\p{{Nd}}\p{{Nl}}\p{{Mc}}\p{{Mn}}\p{{Other_ID_Start}}\p{{Other_ID_Continue}}{IGNORABLE}"
        ),
        "javaIdentifierIgnorable" => IGNORABLE.into(),
        "javaSpaceChar" => r"\p{Z}".into(),
        // Separators but the no-break spaces, and the ASCII controls that separate.
        "javaWhitespace" => r"\t-\r\x1C-\x1F[\p{Z}--[\xA0\x{2007}\x{202F}]]".into(),
        "javaISOControl" => r"\x00-\x1F\x7F-\x9F".into(),
        "javaMirrored" => r"\p{Bidi_Mirrored}".into(),
        _ => return None,
    };
    Some(Set::of(items))
}

/// `Is` + a binary property or a Unicode POSIX name, upper-cased
/// (`CharPredicates.forUnicodeProperty`).
fn unicode_property(upper: &str, ci: bool) -> Option<Set> {
    let set = match upper {
        "LOWERCASE" | "UPPERCASE" | "TITLECASE" | "LOWER" | "UPPER" if ci => Set::of(CASED),
        "ALPHABETIC" | "ALPHA" => Set::of(r"\p{Alphabetic}"),
        "ASSIGNED" => Set::of(r"\P{Cn}"),
        "CONTROL" | "CNTRL" => Set::of(r"\p{Cc}"),
        "HEXDIGIT" | "HEX_DIGIT" | "XDIGIT" => {
            Set::of(r"\p{Nd}0-9A-Fa-f\x{FF10}-\x{FF19}\x{FF21}-\x{FF26}\x{FF41}-\x{FF46}")
        }
        "IDEOGRAPHIC" => Set::of(r"\p{Ideographic}"),
        "JOINCONTROL" | "JOIN_CONTROL" => Set::of(r"\p{Join_Control}"),
        "LETTER" => Set::of(r"\p{L}"),
        "LOWERCASE" | "LOWER" => Set::of(r"\p{Lowercase}"),
        "NONCHARACTERCODEPOINT" | "NONCHARACTER_CODE_POINT" => {
            Set::of(r"\p{Noncharacter_Code_Point}")
        }
        "TITLECASE" => Set::of(r"\p{Lt}"),
        "PUNCTUATION" | "PUNCT" => Set::of(r"\p{P}"),
        "UPPERCASE" | "UPPER" => Set::of(r"\p{Uppercase}"),
        "WHITESPACE" | "WHITE_SPACE" | "SPACE" => Set::of(r"\p{White_Space}"),
        "WORD" => Set::of(r"\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}"),
        "ALNUM" => Set::of(r"\p{Alphabetic}\p{Nd}"),
        "DIGIT" => Set::of(r"\p{Nd}"),
        "BLANK" => Set::of(r"\p{Zs}\t"),
        // Not a separator, control, surrogate or unassigned.
        "GRAPH" => Set::of(r"\p{Z}\p{Cc}\p{Cn}").negate(),
        // Graphic or a space separator, but no control.
        "PRINT" => Set::of(r"\p{Zl}\p{Zp}\p{Cc}\p{Cn}").negate(),
        _ => return None,
    };
    Some(set)
}

/// A script by any name Java accepts (case-insensitive).
fn script(name: &str) -> Option<Set> {
    let upper = name.to_uppercase();
    SCRIPTS.iter().find_map(|keys| {
        let mut names = keys.split('|');
        let canonical = names.next()?;
        (canonical == upper || names.any(|k| k == upper)).then(|| match canonical {
            // Java's `Unknown` script: unassigned and private-use code points (the `regex`
            // crate has no name for it).
            "UNKNOWN" => Set::of(r"\p{Cn}\p{Co}"),
            _ => Set::of(format!(r"\p{{sc={canonical}}}")),
        })
    })
}

/// A block by any name Java accepts (case-insensitive).
fn block(name: &str) -> Option<Set> {
    let upper = name.to_uppercase();
    BLOCKS
        .iter()
        .find(|(keys, _, _)| keys.split('|').any(|k| k == upper))
        .map(|&(_, lo, hi)| Set::of(ranges(&[(lo, hi)])))
}

fn ranges(list: &[(u32, u32)]) -> String {
    let mut out = String::new();
    for &(lo, hi) in list {
        push_range(&mut out, lo, hi);
    }
    out
}
