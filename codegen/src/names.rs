//! Rust names for spec names: case conversion (`heck`), keyword escaping and collision
//! handling, applied once while building the IR.
//!
//! Collisions are resolved in spec order, so the same spec always gives the same names: the
//! first claimant keeps the natural name, later ones get the smallest free numeric suffix.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be identifiers without `r#` (2024 edition, strict and reserved).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that `r#` cannot escape.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Whether `s` is a Rust keyword.
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Replaces characters that cannot appear in identifiers by word breaks for `heck`, and
/// writes plural acronyms as words (`URLs` → `Urls`), which `heck` would split as `UR Ls`.
fn words(raw: &str) -> String {
    let chars: Vec<char> = raw
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let after = chars.get(i + run);
        let next = chars.get(i + run + 1);
        let plural =
            run >= 2 && after == Some(&'s') && next.is_none_or(|c| !c.is_ascii_lowercase());
        if plural {
            out.push(chars[i]);
            out.extend(chars[i + 1..i + run].iter().map(|c| c.to_ascii_lowercase()));
            out.push('s');
            i += run + 1;
        } else if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Keeps only ASCII letters, digits and `_` (`heck` keeps Unicode letters, which are valid
/// identifiers but awkward to type).
fn ascii_only(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// `UpperCamelCase` name for a type or variant; never empty, never a keyword, never starts
/// with a digit. `fallback` names values without letters (`Empty`, `Value`).
pub fn camel(raw: &str, fallback: &str) -> String {
    let mut name = ascii_only(&words(raw).to_upper_camel_case());
    if name.is_empty() {
        name = fallback.to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    // `heck` leaves a word lower-case after a character without case (`¹Fn` → `¹fn`),
    // which loses its first letter's case once non-ASCII characters are dropped.
    if let Some(first) = name.chars().next().filter(char::is_ascii_lowercase) {
        name.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
    if name == "Self" {
        name.push_str("Value");
    }
    name
}

/// `snake_case` name for a field: keywords become raw identifiers (`r#type`) or get a
/// trailing `_` where `r#` is not allowed (`self_`).
pub fn snake(raw: &str) -> String {
    let mut name = ascii_only(&words(raw).to_snake_case());
    if name.is_empty() {
        name = "field".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "n_");
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    } else if is_keyword(&name) {
        name.insert_str(0, "r#");
    }
    name
}

// Shared with the derive macro, whose paths must read the same.
pub use specgen_checks::path_name;

/// A set of names in one namespace.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    used: HashSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Self {
        Scope::default()
    }

    /// A scope where `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            used: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.used.contains(name)
    }

    /// Claims `name`, or `name2`, `name3`, … (`name_2` for snake case names).
    pub fn claim(&mut self, name: &str) -> String {
        if self.used.insert(name.to_owned()) {
            return name.to_owned();
        }
        let (base, sep) = match name.strip_prefix("r#") {
            Some(b) => (b, "_"),
            None if name.contains('_') || name.starts_with(|c: char| c.is_lowercase()) => {
                (name.trim_end_matches('_'), "_")
            }
            None => (name, ""),
        };
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}{sep}{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_variants() {
        assert_eq!(camel("UserPoolIdType", "T"), "UserPoolIdType");
        assert_eq!(camel("ADMIN_NO_SRP_AUTH", "V"), "AdminNoSrpAuth");
        assert_eq!(camel("aws.partner/x", "V"), "AwsPartnerX");
        assert_eq!(camel("1X", "V"), "V1x");
        assert_eq!(camel("Self", "V"), "SelfValue");
        assert_eq!(camel("", "Empty"), "Empty");
        assert_eq!(camel("***", "Value"), "Value");
        assert_eq!(camel("¹Fn", "V"), "Fn");
        assert_eq!(camel("¹self", "V"), "SelfValue");
        assert_eq!(camel("日本type", "V"), "Type");
    }

    #[test]
    fn fields() {
        assert_eq!(snake("UserPoolId"), "user_pool_id");
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("Type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("SMSMfaSettings"), "sms_mfa_settings");
        assert_eq!(snake("3DS"), "n_3ds");
        assert_eq!(snake("CallbackURLs"), "callback_urls");
        assert_eq!(
            snake("OpenIdConnectProviderARNs"),
            "open_id_connect_provider_arns"
        );
        assert_eq!(snake("UserIDsList"), "user_ids_list");
        assert_eq!(snake("SMSMfaSettings"), "sms_mfa_settings");
        assert_eq!(snake("AWSAccountId"), "aws_account_id");
        assert_eq!(camel("CallbackURLs", "T"), "CallbackUrls");
    }

    #[test]
    fn collisions_are_numbered_in_order() {
        let mut s = Scope::with_reserved(&["Unknown"]);
        assert_eq!(s.claim("Abc"), "Abc");
        assert_eq!(s.claim("Abc"), "Abc2");
        assert_eq!(s.claim("Unknown"), "Unknown2");
        let mut f = Scope::new();
        assert_eq!(f.claim("r#type"), "r#type");
        assert_eq!(f.claim("r#type"), "type_2");
        assert_eq!(f.claim("user_id"), "user_id");
        assert_eq!(f.claim("user_id"), "user_id_2");
        assert_eq!(f.claim("self_"), "self_");
        assert_eq!(f.claim("self_"), "self_2");
    }
}
