//! Sets of characters written as Rust class text.
//!
//! Java works on UTF-16 code points, so a class may name surrogates (`\uD800`), which no
//! Rust string contains: they are left out here, and a set that holds nothing else becomes
//! [`NOTHING`]. Every character is written so that it means the same in `regex` and
//! `fancy-regex`, in and out of brackets.

use std::fmt::Write;

/// A class that matches no character (Rust has no `[]`).
pub(crate) const NOTHING: &str = r"[^\x{0}-\x{10FFFF}]";

const SURROGATES: (u32, u32) = (0xD800, 0xDFFF);

/// A set of characters: Rust class items (`a-z\p{L}[^x]`), possibly negated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Set {
    items: String,
    negated: bool,
}

impl Set {
    /// The set of these class items (already in Rust syntax).
    pub(crate) fn of(items: impl Into<String>) -> Set {
        Set {
            items: items.into(),
            negated: false,
        }
    }

    /// Every character but these.
    pub(crate) fn negate(self) -> Set {
        if self.negated {
            Set::of(self.items)
        } else {
            Set {
                items: self.items,
                negated: true,
            }
        }
    }

    /// `self ∪ other`.
    pub(crate) fn union(self, other: &Set) -> Set {
        let mut items = self.as_item();
        items.push_str(&other.as_item());
        Set::of(items)
    }

    /// `self ∩ other`, nested so that later unions keep their meaning.
    pub(crate) fn intersect(&self, other: &Set) -> Set {
        Set::of(format!(
            "[{}&&{}]",
            nonempty(&self.as_item()),
            nonempty(&other.as_item())
        ))
    }

    /// The set as items inside brackets (`""` for an empty set).
    pub(crate) fn as_item(&self) -> String {
        if self.negated {
            format!("[^{}]", nonempty(&self.items))
        } else {
            self.items.clone()
        }
    }

    /// The set as a class of its own (`[a-z]`, `[^a-z]`).
    pub(crate) fn to_class(&self) -> String {
        let caret = if self.negated { "^" } else { "" };
        format!("[{caret}{}]", nonempty(&self.items))
    }
}

fn nonempty(items: &str) -> &str {
    if items.is_empty() { NOTHING } else { items }
}

/// Appends code point `c` as a Rust literal outside brackets; a surrogate adds nothing.
pub(crate) fn push_char(out: &mut String, c: u32) {
    push(out, c, |ch| "\\.+*?()|[]{}^$".contains(ch));
}

/// Appends code point `c` as a Rust class item; a surrogate adds nothing. `-`, `&` and `~`
/// are escaped too, so that items written side by side never form a range or a set
/// operation (`--`, `&&`, `~~`).
pub(crate) fn push_class_char(out: &mut String, c: u32) {
    push(out, c, |ch| "\\[]^-&~".contains(ch));
}

fn push(out: &mut String, c: u32, special: impl Fn(char) -> bool) {
    let Some(ch) = char::from_u32(c) else {
        return;
    };
    if ch.is_ascii_graphic() || ch == ' ' {
        if special(ch) {
            out.push('\\');
        }
        out.push(ch);
    } else if !ch.is_ascii() && ch.is_alphanumeric() {
        out.push(ch);
    } else {
        let _ = write!(out, "\\x{{{c:X}}}");
    }
}

/// Appends the range `lo..=hi` as class items, leaving out surrogates.
pub(crate) fn push_range(out: &mut String, lo: u32, hi: u32) {
    let (s_lo, s_hi) = SURROGATES;
    let mut piece = |a: u32, b: u32| {
        if a > b {
            return;
        }
        push_class_char(out, a);
        if b > a {
            out.push('-');
            push_class_char(out, b);
        }
    };
    if hi < s_lo || lo > s_hi {
        piece(lo, hi);
    } else {
        if lo < s_lo {
            piece(lo, s_lo - 1);
        }
        if hi > s_hi {
            piece(s_hi + 1, hi);
        }
    }
}

/// Appends the ASCII letters whose other case lies in `lo..=hi` (Java's
/// `CASE_INSENSITIVE` without `UNICODE_CASE` folds ASCII only).
pub(crate) fn push_ascii_case_partners(out: &mut String, lo: u32, hi: u32) {
    for (from, to) in [(b'A', b'a'), (b'a', b'A')] {
        let (a, b) = (lo.max(u32::from(from)), hi.min(u32::from(from) + 25));
        if a <= b {
            let shift = |c: u32| c - u32::from(from) + u32::from(to);
            push_range(out, shift(a), shift(b));
        }
    }
}

/// Whether `c` is a UTF-16 surrogate code point.
pub(crate) fn is_surrogate(c: u32) -> bool {
    (SURROGATES.0..=SURROGATES.1).contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(lo: u32, hi: u32) -> String {
        let mut s = String::new();
        push_range(&mut s, lo, hi);
        s
    }

    #[test]
    fn ranges_leave_out_surrogates() {
        assert_eq!(range(0x20, 0x7E), r" -\~");
        assert_eq!(range(0x2B, 0x2E), r"+-.");
        assert_eq!(range(0xD800, 0xDBFF), "");
        assert_eq!(range(0xD7C7, 0xE000), r"\x{D7C7}-\x{D7FF}\x{E000}");
        assert_eq!(range(0xD800, 0x10FC00), r"\x{E000}-\x{10FC00}");
    }

    #[test]
    fn sets_nest_where_precedence_needs_it() {
        let a = Set::of("a-c");
        let b = Set::of("b").negate();
        assert_eq!(a.clone().union(&b).to_class(), "[a-c[^b]]");
        assert_eq!(a.intersect(&b).negate().to_class(), "[^[a-c&&[^b]]]");
        assert_eq!(Set::default().to_class(), format!("[{NOTHING}]"));
        assert_eq!(Set::default().negate().to_class(), format!("[^{NOTHING}]"));
    }

    #[test]
    fn ascii_case_partners() {
        let mut s = String::new();
        push_ascii_case_partners(&mut s, u32::from(b'K'), u32::from(b'm'));
        assert_eq!(s, "k-zA-M");
    }
}
