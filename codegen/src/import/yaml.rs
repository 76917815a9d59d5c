//! Writing the document as YAML, in block style with keys in the order they were built.
//!
//! A small emitter of its own rather than `serde_yaml`'s, to decide quoting: a string is
//! written plain only when every YAML reader (1.1 and 1.2) reads it back as that string,
//! so `'2016-04-18'`, `'1.1'`, `'480'` and `'yes'` stay strings everywhere. Strings with
//! line breaks or control characters are double-quoted with escapes, so each scalar is one
//! line and the same document always gives the same bytes.

use std::fmt::Write;

use serde_yaml::{Mapping, Value};

/// The document as YAML text, after a comment that says where it comes from.
pub fn render(doc: &Value, source: &str) -> String {
    let mut out = format!("# Converted by `specgen import` from the AWS service model {source}.\n");
    match doc {
        Value::Mapping(m) if !m.is_empty() => mapping(&mut out, m, 0),
        Value::Sequence(s) if !s.is_empty() => sequence(&mut out, s, 0),
        other => {
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// A value that fits on the line of its key: a scalar or an empty collection.
fn inline(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => scalar(s),
        Value::Sequence(_) => "[]".to_owned(),
        Value::Mapping(_) => "{}".to_owned(),
        Value::Tagged(t) => inline(&t.value),
    }
}

/// Whether `v` is written on the next lines (a non-empty collection).
fn nested(v: &Value) -> bool {
    match v {
        Value::Mapping(m) => !m.is_empty(),
        Value::Sequence(s) => !s.is_empty(),
        Value::Tagged(t) => nested(&t.value),
        _ => false,
    }
}

fn untag(v: &Value) -> &Value {
    match v {
        Value::Tagged(t) => untag(&t.value),
        v => v,
    }
}

/// Entries of `m`, the first one after what is already on the line (`- ` of a sequence).
fn mapping(out: &mut String, m: &Mapping, level: usize) {
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            indent(out, level);
        }
        out.push_str(&inline(k));
        out.push(':');
        match untag(v) {
            Value::Mapping(inner) if !inner.is_empty() => {
                out.push('\n');
                indent(out, level + 2);
                mapping(out, inner, level + 2);
            }
            Value::Sequence(items) if !items.is_empty() => {
                out.push('\n');
                indent(out, level);
                sequence(out, items, level);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

/// Items of `s`, the first one after what is already on the line.
fn sequence(out: &mut String, s: &[Value], level: usize) {
    for (i, v) in s.iter().enumerate() {
        if i > 0 {
            indent(out, level);
        }
        out.push_str("- ");
        match untag(v) {
            Value::Mapping(inner) if nested(v) => mapping(out, inner, level + 2),
            Value::Sequence(items) if nested(v) => sequence(out, items, level + 2),
            other => {
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

fn number(n: &serde_yaml::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    match n.as_f64() {
        Some(f) if f.is_nan() => ".nan".to_owned(),
        Some(f) if f.is_infinite() && f > 0.0 => ".inf".to_owned(),
        Some(f) if f.is_infinite() => "-.inf".to_owned(),
        // `{:?}` keeps a float a float (`1.0`, `1e21`).
        Some(f) => format!("{f:?}"),
        None => n.to_string(),
    }
}

/// Characters that need a double-quoted escape: not printable in YAML, or a line break in
/// YAML 1.1 (NEL, LS, PS), or a byte order mark.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Words some YAML reader takes for something else than a string: booleans, null, and
/// YAML 1.1's merge and value keys.
const SPECIAL_WORDS: &[&str] = &[
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "<<", "=",
];

/// Whether a YAML reader reads `s`, written plain, as exactly the string `s`.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    if first.is_whitespace()
        || last.is_whitespace()
        || last == ':'
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.contains('\t')
        || s.chars().any(needs_escape)
    {
        return false;
    }
    if SPECIAL_WORDS.contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    // Numbers, dates and times in any notation start with a digit, a sign or a dot
    // (`1.1`, `2016-04-18`, `.5`, `+1`, `.inf`, `.nan`): keep them strings.
    let mut chars = s.chars();
    !matches!(
        (chars.next(), chars.next()),
        (Some('0'..='9'), _)
            | (
                Some('+' | '-' | '.'),
                Some('0'..='9' | '.' | 'i' | 'I' | 'n' | 'N')
            )
    )
}

/// A string scalar: plain where safe, else single-quoted, else double-quoted.
fn scalar(s: &str) -> String {
    if plain_ok(s) {
        return s.to_owned();
    }
    if !s.chars().any(needs_escape) {
        return format!("'{}'", s.replace('\'', "''"));
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(v: &Value) -> Value {
        let text = render(v, "test");
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn quotes_what_a_reader_would_misread() {
        for s in [
            "2016-04-18",
            "1.1",
            "480",
            "yes",
            "No",
            "ON",
            "null",
            "~",
            "",
            " x",
            "x ",
            "-",
            "- x",
            "#/a",
            "a: b",
            "a #b",
            "a:",
            ".inf",
            "-.5",
            "+1",
            "'q'",
            "\"q\"",
            "@x",
            "%x",
            "`x`",
            "[a]",
            "{a}",
            "*a",
            "&a",
            "!a",
            "|",
            ">",
            "?",
            "a\tb",
            "line\nbreak",
            "nel\u{85}",
            "ls\u{2028}",
            "bom\u{feff}",
            "nul\u{0}",
            "back\\slash\n",
            "<<",
            "=",
            "...",
            "---",
        ] {
            let v = Value::String(s.to_owned());
            assert_eq!(round_trip(&v), v, "{s:?} as {}", scalar(s));
        }
        assert_eq!(scalar("2016-04-18"), "'2016-04-18'");
        assert_eq!(scalar("#/components/schemas/A"), "'#/components/schemas/A'");
        assert_eq!(scalar("/#X-Amz-Target=S.Op"), "/#X-Amz-Target=S.Op");
        assert_eq!(scalar("<p>It's</p>"), "<p>It's</p>");
        assert_eq!(scalar("<<"), "'<<'");
    }

    #[test]
    fn writes_nested_collections_in_block_style() {
        let v: Value = serde_yaml::from_str(
            "a: {b: [1, {c: d, e: []}, [x, y]], f: {}, g: 1.0, h: -3, i: true, j: null}",
        )
        .unwrap();
        let text = render(&v, "test");
        assert_eq!(
            text,
            "# Converted by `specgen import` from the AWS service model test.\n\
             a:\n  b:\n  - 1\n  - c: d\n    e: []\n  - - x\n    - 'y'\n  f: {}\n  g: 1.0\n  h: -3\n  i: true\n  j: null\n"
        );
        assert_eq!(round_trip(&v), v);
    }

    proptest! {
        #[test]
        fn any_string_reads_back(s in "\\PC*|[ -~]{0,12}|[\\x00-\\x7f\u{85}\u{2028}\u{feff}]{0,8}") {
            let mut m = Mapping::new();
            m.insert(Value::String(s.clone()), Value::Sequence(vec![Value::String(s.clone())]));
            let doc = Value::Mapping(m);
            prop_assert_eq!(round_trip(&doc), doc);
        }
    }
}
