//! Routing REST requests: which operation a method and path call, with the path's
//! parameters, and the query string and cookies split into decoded pairs.
//!
//! Generated `Operation::route` of REST APIs calls [`find`] with every operation's method
//! and path template; generated `<Op>Request::from_parts` reads parameters through
//! [`Parts`] (which splits the query string with [`query_pairs`] and cookies with
//! [`cookie_pairs`]) and fails with a [`ParamError`] naming the parameter.
//!
//! ```
//! use specgen_runtime::route::{find, query_pairs};
//!
//! let routes = [("list", "GET", "/pets"), ("get", "GET", "/pets/{petId}"), ("mine", "GET", "/pets/mine")];
//! let (op, params) = find(&routes, "GET", "/pets/r%C3%A9x?full=true").unwrap();
//! assert_eq!((op, params.get("petId")), ("get", Some("réx")));
//! // A literal segment wins over a template one, whatever the order.
//! assert_eq!(find(&routes, "GET", "/pets/mine").unwrap().0, "mine");
//! assert!(find(&routes, "POST", "/pets").is_none());
//! assert_eq!(query_pairs("a=1&b=x+y%21&c"), [("a".into(), "1".into()), ("b".into(), "x y!".into()), ("c".into(), "".into())]);
//! ```

use std::fmt;

use serde::de::DeserializeOwned;

/// The path parameters of a matched path, percent-decoded, in template order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathParams {
    params: Vec<(&'static str, String)>,
}

impl PathParams {
    /// No parameters.
    pub fn new() -> Self {
        PathParams::default()
    }

    /// Adds a parameter (for callers that route by other means).
    pub fn insert(&mut self, name: &'static str, value: impl Into<String>) {
        self.params.push((name, value.into()));
    }

    /// The decoded value of the parameter `name` (as the template spells it).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every parameter, in template order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.params.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// How many parameters there are.
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }
}

/// The route of `routes` (`(value, method, path template)`) that `method` and `path`
/// call, with the path parameters.
///
/// `path` may carry a query string or fragment, which is ignored. Methods compare without
/// regard to case; literal segments compare exactly; a `{name}` matches one non-empty
/// segment (or part of one, between literals), percent-decoded (a value that does not
/// decode to UTF-8 does not match). When several templates match, the most specific wins,
/// as OpenAPI asks: segment by segment, a literal beats a template; then the first listed.
pub fn find<T: Copy>(
    routes: &[(T, &'static str, &'static str)],
    method: &str,
    path: &str,
) -> Option<(T, PathParams)> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut best: Option<(Vec<bool>, T, PathParams)> = None;
    for &(value, route_method, template) in routes {
        if !route_method.eq_ignore_ascii_case(method) {
            continue;
        }
        let Some(params) = match_path(template, path) else {
            continue;
        };
        let rank: Vec<bool> = template.split('/').map(|s| !s.contains('{')).collect();
        if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
            best = Some((rank, value, params));
        }
    }
    best.map(|(_, value, params)| (value, params))
}

/// The parameters of `path` (without query string) under `template`, or `None` when it
/// does not match.
pub fn match_path(template: &'static str, path: &str) -> Option<PathParams> {
    let mut params = PathParams::new();
    let mut tpl = template.split('/');
    let mut segs = path.split('/');
    loop {
        match (tpl.next(), segs.next()) {
            (None, None) => return Some(params),
            (Some(t), Some(s)) => {
                if !match_segment(t, s, &mut params.params) {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

fn match_segment(
    mut tpl: &'static str,
    mut seg: &str,
    out: &mut Vec<(&'static str, String)>,
) -> bool {
    loop {
        let Some(open) = tpl.find('{') else {
            return seg == tpl;
        };
        let Some(close) = tpl[open..].find('}').map(|c| open + c) else {
            return seg == tpl;
        };
        let literal = &tpl[..open];
        let Some(rest) = seg.strip_prefix(literal) else {
            return false;
        };
        let name = &tpl[open + 1..close];
        tpl = &tpl[close + 1..];
        // The value runs to the next literal: its first occurrence, or the end of the
        // segment when the literal ends it.
        let next = &tpl[..tpl.find('{').unwrap_or(tpl.len())];
        let end = if next.is_empty() {
            rest.len()
        } else if next.len() == tpl.len() {
            match rest.strip_suffix(next) {
                Some(v) => v.len(),
                None => return false,
            }
        } else {
            match rest.find(next) {
                Some(i) => i,
                None => return false,
            }
        };
        let raw = &rest[..end];
        if raw.is_empty() {
            return false;
        }
        let Some(value) = percent_decode(raw, false) else {
            return false;
        };
        out.push((name, value));
        seg = &rest[end..];
    }
}

/// `%XX` escapes decoded (and `+` as a space when `plus` is set, as in query strings);
/// `None` when the result is not UTF-8. A `%` not followed by two hex digits stays as it is.
pub fn percent_decode(raw: &str, plus: bool) -> Option<String> {
    if !raw.contains(['%', '+']) {
        return Some(raw.to_owned());
    }
    String::from_utf8(decode_bytes(raw, plus)).ok()
}

fn decode_bytes(raw: &str, plus: bool) -> Vec<u8> {
    let b = raw.as_bytes();
    let hex = |i: usize| b.get(i).and_then(|&c| (c as char).to_digit(16));
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (hex(i + 1), hex(i + 2))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(if plus && b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    out
}

/// The `name=value` pairs of a query string (with or without its leading `?`), decoded as
/// forms are (`+` is a space); a pair without `=` has an empty value, empty pairs are
/// skipped, and text that does not decode to UTF-8 is kept with U+FFFD in its place.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_lossy(name, true), decode_lossy(value, true))
        })
        .collect()
}

/// The `name=value` pairs of `Cookie` header values (`a=1; b=2`), in order, values not
/// decoded (cookies carry them as sent).
pub fn cookie_pairs<'a>(headers: &[(&str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("cookie"))
        .flat_map(|(_, value)| value.split(';'))
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((name.trim(), value.trim()))
        })
        .collect()
}

fn decode_lossy(raw: &str, plus: bool) -> String {
    String::from_utf8_lossy(&decode_bytes(raw, plus)).into_owned()
}

/// Where a parameter travels, for messages.
pub use crate::operation::Location;

/// A parameter that could not be read from a request: a required one is missing, or its
/// text does not read as its type.
///
/// A missing one reads as a validation message does (`Value null at 'petId' failed to
/// satisfy constraint: Member must not be null`); an unreadable one as `Value 'abc' at
/// 'limit' could not be read: expected an integer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's wire name.
    pub name: &'static str,
    /// Where it travels.
    pub location: Location,
    /// The text as received; `None` when a required parameter is missing.
    pub value: Option<String>,
    /// What was expected (`an integer`, `a number`, `true or false`).
    pub expected: &'static str,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            None => write!(
                f,
                "Value null at '{}' failed to satisfy constraint: Member must not be null",
                self.name
            ),
            Some(value) => write!(
                f,
                "Value '{value}' at '{}' could not be read: expected {}",
                self.name, self.expected
            ),
        }
    }
}

impl std::error::Error for ParamError {}

/// The parameters of one request outside its body, for generated `from_parts`: the path
/// parameters, the query string split into decoded pairs, the headers and their cookies.
#[derive(Debug)]
pub struct Parts<'a> {
    path: &'a PathParams,
    query: Vec<(String, String)>,
    headers: &'a [(&'a str, &'a str)],
    cookies: Vec<(&'a str, &'a str)>,
}

impl<'a> Parts<'a> {
    /// Splits a request's parts: `query` is the query string (with or without `?`),
    /// `headers` name/value pairs (names compare without regard to case).
    pub fn new(path: &'a PathParams, query: &str, headers: &'a [(&'a str, &'a str)]) -> Self {
        Parts {
            path,
            query: query_pairs(query),
            headers,
            cookies: cookie_pairs(headers),
        }
    }

    /// Every text given for a parameter, in order.
    fn texts(&self, name: &str, location: Location) -> Vec<&str> {
        match location {
            Location::Path => self.path.get(name).into_iter().collect(),
            Location::Query => self
                .query
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .collect(),
            Location::Header => self
                .headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim())
                .collect(),
            Location::Cookie => self
                .cookies
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .collect(),
        }
    }

    /// A parameter holding one value (its first, when given more than once), read as
    /// `T`; `None` when absent.
    pub fn one<T: DeserializeOwned>(
        &self,
        name: &'static str,
        location: Location,
        expected: &'static str,
    ) -> Result<Option<T>, ParamError> {
        match self.texts(name, location).first() {
            None => Ok(None),
            Some(text) => parse(text, name, location, expected).map(Some),
        }
    }

    /// A parameter holding a list, its items travelling as `items` says; `None` when
    /// absent.
    pub fn list<T: DeserializeOwned>(
        &self,
        name: &'static str,
        location: Location,
        items: Items,
        expected: &'static str,
    ) -> Result<Option<Vec<T>>, ParamError> {
        let texts = self.texts(name, location);
        if texts.is_empty() {
            return Ok(None);
        }
        let items: Vec<&str> = match items {
            Items::Repeated => texts,
            Items::Separated(separator) => texts
                .iter()
                .flat_map(|t| t.split(separator))
                .filter(|t| !t.is_empty())
                .collect(),
        };
        items
            .into_iter()
            .map(|text| parse(text, name, location, expected))
            .collect::<Result<Vec<T>, _>>()
            .map(Some)
    }

    /// A query parameter in `deepObject` style, each member its own pair
    /// (`?filter[author]=Ann&filter[year]=1999`), read as `T`; `None` when no pair names
    /// it. The members named in `typed` (numbers and booleans) read as JSON, the others
    /// as strings.
    pub fn deep_object<T: DeserializeOwned>(
        &self,
        name: &'static str,
        typed: &[&str],
        expected: &'static str,
    ) -> Result<Option<T>, ParamError> {
        let members: Vec<(&str, &str)> = self
            .query
            .iter()
            .filter_map(|(n, v)| {
                let member = n.strip_prefix(name)?.strip_prefix('[')?.strip_suffix(']')?;
                Some((member, v.as_str()))
            })
            .collect();
        if members.is_empty() {
            return Ok(None);
        }
        let object = members.iter().map(|&(member, text)| {
            let value = typed
                .contains(&member)
                .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
                .flatten()
                .unwrap_or_else(|| serde_json::Value::String(text.to_owned()));
            (member.to_owned(), value)
        });
        serde_json::from_value(serde_json::Value::Object(object.collect()))
            .map(Some)
            .map_err(|_| ParamError {
                name,
                location: Location::Query,
                value: Some(
                    members
                        .iter()
                        .map(|(member, text)| format!("{name}[{member}]={text}"))
                        .collect::<Vec<_>>()
                        .join("&"),
                ),
                expected,
            })
    }
}

/// How the items of a list parameter travel (OpenAPI's `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// One pair per item: `?id=1&id=2` (`form`, `spaceDelimited` and `pipeDelimited`
    /// exploded, the default of query and cookie parameters).
    Repeated,
    /// One value, its items separated by this character: `,` for `form` not exploded
    /// (`?id=1,2`) and for paths and headers, ` ` for `spaceDelimited` (`?id=1%202`), `|`
    /// for `pipeDelimited` (`?id=1|2`).
    Separated(char),
}

/// A required parameter's value, or the error that names it.
pub fn required<T>(
    value: Option<T>,
    name: &'static str,
    location: Location,
) -> Result<T, ParamError> {
    value.ok_or(ParamError {
        name,
        location,
        value: None,
        expected: "a value",
    })
}

/// Text read as `T`: as a JSON string first (text, enums), else as JSON (numbers,
/// booleans, structures).
fn parse<T: DeserializeOwned>(
    text: &str,
    name: &'static str,
    location: Location,
    expected: &'static str,
) -> Result<T, ParamError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .or_else(|_| serde_json::from_str(text))
        .map_err(|_| ParamError {
            name,
            location,
            value: Some(text.to_owned()),
            expected,
        })
}
