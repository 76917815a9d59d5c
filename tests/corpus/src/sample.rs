//! Sample request bodies of any AWS JSON spec, built from specgen's IR: valid for every
//! constraint the generated validators check, so that `Request::from_http` accepts them.
//!
//! Strings under a pattern get a value generated from the pattern's syntax tree (the Rust
//! translation of the Java pattern) and checked with the runtime's own matcher, within the
//! length limits of each use; blobs get base64 text of the right size; unions
//! (`x-aws-union`) get one member; enum keys of maps get distinct values.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use regex_syntax::hir::{Class, Hir, HirKind};
use serde_json::{Map, Value, json};
use specgen::ir::{Api, PatternDef, Shape, ShapeKind, TypeId, TypeKind};
use specgen_runtime::pattern::{ClassRun, Engine, LookAround, Pattern};

#[path = "../../tests/support/bounds.rs"]
mod bounds;
use bounds::{bound_f64, bound_i64, count, timestamp};

/// Which members a sample body has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only required members, at every level.
    Required,
    /// Every member that can be sampled, at every level (a member whose type is already
    /// being filled further out is left out, so recursive types end).
    All,
}

/// A pattern (its index) under length limits.
type PatternUse = (usize, Option<u64>, Option<u64>);

/// Builds sample bodies for the types of one spec.
pub struct Samples<'a> {
    api: &'a Api,
    /// The spec itself (as JSON), for what the IR does not keep: `x-aws-union`.
    doc: &'a Value,
    /// Pattern samples by pattern and length limits.
    strings: RefCell<HashMap<PatternUse, Option<String>>>,
    /// The runtime matcher of each pattern, built on first use.
    matchers: RefCell<HashMap<usize, &'static Pattern>>,
}

impl<'a> Samples<'a> {
    /// Samples for `api`, whose spec document is `doc`.
    pub fn new(api: &'a Api, doc: &'a Value) -> Self {
        Samples {
            api,
            doc,
            strings: RefCell::new(HashMap::new()),
            matchers: RefCell::new(HashMap::new()),
        }
    }

    /// A JSON value of the named type, or why none could be built.
    pub fn body(&self, id: TypeId, fill: Fill) -> Result<Value, String> {
        Builder {
            samples: self,
            fill,
            stack: Vec::new(),
        }
        .named(id)
    }

    /// A value matching pattern `id` with between `min` and `max` characters.
    fn pattern(&self, id: usize, min: Option<u64>, max: Option<u64>) -> Option<String> {
        if let Some(found) = self.strings.borrow().get(&(id, min, max)) {
            return found.clone();
        }
        let matcher = self.matcher(id);
        let found = pattern_sample(&self.api.patterns[id], matcher, min, max);
        self.strings
            .borrow_mut()
            .insert((id, min, max), found.clone());
        found
    }

    /// The pattern as generated code checks it: the same runtime type, built the same way.
    fn matcher(&self, id: usize) -> &'static Pattern {
        if let Some(p) = self.matchers.borrow().get(&id) {
            return p;
        }
        let pattern = runtime_pattern(&self.api.patterns[id]);
        self.matchers.borrow_mut().insert(id, pattern);
        pattern
    }

    /// Whether the schema at `pointer` is a union of the model (`x-aws-union`).
    fn is_union(&self, pointer: &str) -> bool {
        self.doc
            .pointer(pointer.trim_start_matches('#'))
            .and_then(|s| s.get("x-aws-union"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
}

/// The runtime matcher of a pattern, built as generated code builds it (leaked: a run
/// builds each once).
fn runtime_pattern(def: &PatternDef) -> &'static Pattern {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    let (source, translated) = (leak(&def.source), leak(&def.translated));
    let pattern = match &def.class_run {
        Some(run) => {
            let run = ClassRun::new(
                run.ascii,
                run.non_ascii,
                run.min,
                run.max.unwrap_or(u32::MAX),
            );
            match &def.class_regex {
                Some(class) => Pattern::with_counted_class(source, translated, leak(class), run),
                None => Pattern::with_class_run(source, translated, run),
            }
        }
        None => {
            let engine = match def.engine {
                specgen::pattern::Engine::Regex => Engine::Regex,
                specgen::pattern::Engine::Fancy => Engine::Fancy,
            };
            Pattern::new(source, translated, engine)
        }
    };
    let pattern = match &def.ends {
        Some(ends) => {
            let conditions: Vec<LookAround> = ends
                .conditions
                .iter()
                .map(|c| {
                    let condition = match c.must_match {
                        true => LookAround::must_match(leak(&c.regex)),
                        false => LookAround::must_not_match(leak(&c.regex)),
                    };
                    if c.line_end {
                        condition.line_end()
                    } else {
                        condition
                    }
                })
                .collect();
            pattern.with_look_around(leak(&ends.rest), Vec::leak(conditions))
        }
        None => pattern,
    };
    Box::leak(Box::new(pattern))
}

struct Builder<'s, 'a> {
    samples: &'s Samples<'a>,
    fill: Fill,
    stack: Vec<TypeId>,
}

impl Builder<'_, '_> {
    fn named(&mut self, id: TypeId) -> Result<Value, String> {
        let api = self.samples.api;
        let def = api.ty(id);
        match &def.kind {
            TypeKind::Struct(s) | TypeKind::Exception(s) => {
                let union = self.samples.is_union(&def.pointer);
                self.stack.push(id);
                let mut map = Map::new();
                for field in &s.fields {
                    let wanted = field.required
                        || (union && map.is_empty())
                        || (self.fill == Fill::All && !union);
                    if !wanted || (!field.required && self.recurses(&field.shape)) {
                        continue;
                    }
                    let at = format!("{}.{}", def.schema_name, field.wire_name);
                    match self.shape(&field.shape, &at) {
                        Ok(value) => {
                            map.insert(field.wire_name.clone(), value);
                        }
                        // An optional member that cannot be sampled is left out.
                        Err(_) if !field.required => {}
                        Err(e) => {
                            self.stack.pop();
                            return Err(e);
                        }
                    }
                }
                self.stack.pop();
                if union && map.is_empty() && !s.fields.is_empty() {
                    return Err(format!(
                        "{}: no member of the union can be sampled",
                        def.schema_name
                    ));
                }
                Ok(Value::Object(map))
            }
            TypeKind::Enum(e) => e
                .values
                .first()
                .map(|v| Value::from(v.wire.clone()))
                .ok_or_else(|| format!("enum {} has no value", def.schema_name)),
            TypeKind::Alias(shape) => {
                let shape = shape.clone();
                self.shape(&shape, &def.schema_name)
            }
            TypeKind::Union(u) => {
                for v in &u.variants {
                    if let Ok(value) = self.shape(&v.shape, &def.schema_name) {
                        return Ok(value);
                    }
                }
                Err(format!(
                    "{}: no alternative can be sampled",
                    def.schema_name
                ))
            }
        }
    }

    /// Whether filling `shape` would enter a type already being filled.
    fn recurses(&self, shape: &Shape) -> bool {
        let mut ids = Vec::new();
        collect_types(self.samples.api, shape, &mut ids, &mut BTreeSet::new());
        ids.iter().any(|id| self.stack.contains(id))
    }

    fn shape(&mut self, shape: &Shape, at: &str) -> Result<Value, String> {
        let api = self.samples.api;
        let shape = api.resolve(shape);
        let c = &shape.constraints;
        Ok(match &shape.kind {
            ShapeKind::String => {
                if c.min_bytes.is_some() || c.max_bytes.is_some() {
                    let n = count(c.min_bytes, c.max_bytes) as usize;
                    return Ok(Value::from(base64(&vec![b'a'; n])));
                }
                let value = match c.pattern {
                    Some(p) => {
                        self.samples
                            .pattern(p.0, c.min_len, c.max_len)
                            .ok_or_else(|| {
                                format!(
                                    "{at}: no sample for pattern `{}` (length {:?}..={:?})",
                                    api.patterns[p.0].source, c.min_len, c.max_len
                                )
                            })?
                    }
                    None => "x".repeat(count(c.min_len, c.max_len) as usize),
                };
                Value::from(value)
            }
            ShapeKind::Integer(_) => {
                if let Some(first) = c.int_enum.as_ref().and_then(|v| v.first()) {
                    return Ok(Value::from(*first));
                }
                let v = c.minimum.map(bound_i64).unwrap_or(1);
                Value::from(match c.maximum.map(bound_i64) {
                    Some(max) => v.min(max),
                    None => v,
                })
            }
            ShapeKind::Number(_) => {
                let mut v = c.minimum.map(bound_f64).unwrap_or(1.5);
                if let Some(max) = c.maximum.map(bound_f64) {
                    v = v.min(max);
                }
                Value::from(v)
            }
            ShapeKind::Boolean => Value::from(true),
            // In the member's wire format; a quarter second when every member is filled.
            ShapeKind::Timestamp => timestamp(c.timestamp_format, self.fill == Fill::All),
            ShapeKind::Any => json!({"any": [1, "two", null]}),
            ShapeKind::List(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.shape(&inner, &format!("{at}[]"))?);
                }
                Value::Array(items)
            }
            ShapeKind::Map(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                let keys = self.keys(c.map_key.as_deref(), n, at)?;
                if keys.len() < c.min_len.unwrap_or(0) as usize {
                    return Err(format!("{at}: too few distinct keys"));
                }
                let mut map = Map::new();
                for key in keys {
                    let value = self.shape(&inner, &format!("{at}{{}}"))?;
                    map.insert(key, value);
                }
                Value::Object(map)
            }
            ShapeKind::Named(id) => self.named(*id)?,
        })
    }

    /// Up to `n` distinct keys of the key shape (`key{i}` when the spec gives none).
    fn keys(&mut self, key: Option<&Shape>, n: u64, at: &str) -> Result<Vec<String>, String> {
        let api = self.samples.api;
        let Some(key) = key else {
            return Ok((1..=n).map(|i| format!("key{i}")).collect());
        };
        let key = api.resolve(key);
        let c = &key.constraints;
        match &key.kind {
            ShapeKind::Named(id) => match &api.ty(*id).kind {
                TypeKind::Enum(e) => Ok(e
                    .values
                    .iter()
                    .take(n as usize)
                    .map(|v| v.wire.clone())
                    .collect()),
                _ => Ok((1..=n).map(|i| format!("key{i}")).collect()),
            },
            ShapeKind::String => match c.pattern {
                Some(p) => self
                    .samples
                    .pattern(p.0, c.min_len, c.max_len)
                    .map(|k| vec![k])
                    .ok_or_else(|| {
                        format!(
                            "{at}: no sample for the key pattern `{}`",
                            api.patterns[p.0].source
                        )
                    }),
                None => {
                    let min = c.min_len.unwrap_or(1) as usize;
                    let max = c.max_len.map_or(usize::MAX, |m| m as usize);
                    Ok((1..=n)
                        .filter_map(|i| {
                            let mut k = format!("k{i}");
                            while k.len() < min {
                                k.push('x');
                            }
                            (k.len() <= max).then_some(k)
                        })
                        .collect())
                }
            },
            _ => Ok((1..=n).map(|i| format!("key{i}")).collect()),
        }
    }
}

fn collect_types(api: &Api, shape: &Shape, out: &mut Vec<TypeId>, seen: &mut BTreeSet<TypeId>) {
    match &shape.kind {
        ShapeKind::List(inner) | ShapeKind::Map(inner) => collect_types(api, inner, out, seen),
        ShapeKind::Named(id) if seen.insert(*id) => {
            out.push(*id);
            match &api.ty(*id).kind {
                TypeKind::Alias(inner) => collect_types(api, inner, out, seen),
                TypeKind::Struct(s) | TypeKind::Exception(s) => {
                    for f in &s.fields {
                        if f.required {
                            collect_types(api, &f.shape, out, seen);
                        }
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A value that `matcher` accepts, with between `min` and `max` characters: generated from
/// the pattern's syntax tree with every repetition taken a chosen number of times (and a
/// chosen branch of every alternation), trying a few choices.
fn pattern_sample(
    def: &PatternDef,
    matcher: &Pattern,
    min: Option<u64>,
    max: Option<u64>,
) -> Option<String> {
    let within = |s: &str| {
        let len = s.chars().count() as u64;
        min.is_none_or(|m| len >= m) && max.is_none_or(|m| len <= m)
    };
    let hir = parse(&def.translated).or_else(|| parse(&strip_look_around(&def.translated)));
    let Some(hir) = hir else {
        return FALLBACKS
            .iter()
            .find(|s| within(s) && matcher.is_match(s))
            .map(|s| (*s).to_owned());
    };
    let mut reps: Vec<u32> = vec![1, 2, 0, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 100, 128];
    for limit in [min, max].into_iter().flatten() {
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        reps.extend([limit, limit / 2, limit.saturating_sub(1)]);
    }
    if let (Some(lo), Some(hi)) = (min, max) {
        reps.push(u32::try_from((lo + hi) / 2).unwrap_or(u32::MAX));
    }
    for branch in [0usize, 1, 2, 3, usize::MAX] {
        for &r in &reps {
            let mut out = String::new();
            if !generate(&hir, r, branch, &mut out) {
                continue;
            }
            if within(&out) && matcher.is_match(&out) {
                return Some(out);
            }
        }
    }
    // What look-around asks for (a digit, a capital, an account id) is not in the syntax
    // tree once stripped: values of the usual shapes.
    FALLBACKS
        .iter()
        .find(|s| within(s) && matcher.is_match(s))
        .map(|s| (*s).to_owned())
}

/// Values of the shapes AWS patterns with look-around describe: passwords, ARNs.
const FALLBACKS: &[&str] = &[
    "Passw0rd!",
    "Aa1!Aa1!Aa1!",
    "arn:aws:fsx:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
    "arn:aws:fsx:us-east-1:123456789012:volume/fs-0123456789abcdef0/fsvol-0123456789abcdef0",
    "arn:aws:iam::123456789012:role/example",
    "arn:aws:s3:::example-bucket",
    "example",
];

fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .nest_limit(1000)
        .build()
        .parse(pattern)
        .ok()
}

/// The pattern without its look-around groups and with atomic groups as plain ones, which
/// `regex-syntax` cannot read (the sample is still checked against the whole pattern).
fn strip_look_around(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            out.extend(&chars[i..(i + 2).min(chars.len())]);
            i += 2;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if ["(?=", "(?!", "(?<=", "(?<!"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 1,
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            continue;
        }
        if rest.starts_with("(?>") {
            out.push_str("(?:");
            i += 3;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Characters a class member is preferably taken from: letters first, the most likely to
/// fit other constraints.
const PREFERRED: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. ";

fn generate(hir: &Hir, reps: u32, branch: usize, out: &mut String) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) => {
                out.push_str(s);
                true
            }
            Err(_) => false,
        },
        HirKind::Class(Class::Unicode(class)) => {
            let ranges = class.ranges();
            let pick = PREFERRED
                .chars()
                .find(|c| ranges.iter().any(|r| r.start() <= *c && *c <= r.end()))
                .or_else(|| ranges.first().map(|r| r.start()));
            match pick {
                Some(c) => {
                    out.push(c);
                    true
                }
                None => false,
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            match class
                .ranges()
                .first()
                .map(|r| r.start())
                .filter(u8::is_ascii)
            {
                Some(b) => {
                    out.push(char::from(b));
                    true
                }
                None => false,
            }
        }
        HirKind::Repetition(rep) => {
            let n = reps.clamp(rep.min, rep.max.unwrap_or(u32::MAX).max(rep.min));
            // Nothing real repeats that often; a sample is no place for millions.
            if n > 100_000 {
                return false;
            }
            (0..n).all(|_| generate(&rep.sub, reps, branch, out))
        }
        HirKind::Capture(cap) => generate(&cap.sub, reps, branch, out),
        HirKind::Concat(parts) => parts.iter().all(|p| generate(p, reps, branch, out)),
        HirKind::Alternation(alts) => {
            let i = branch.min(alts.len() - 1);
            generate(&alts[i], reps, branch, out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    /// A sample for the pattern `source` (full match) within the length limits.
    fn sample(source: &str, min: Option<u64>, max: Option<u64>) -> Option<String> {
        let def: PatternDef =
            specgen::pattern::compile(source, specgen::pattern::PatternMode::FullMatch)
                .unwrap_or_else(|e| panic!("{source}: {e}"));
        pattern_sample(&def, runtime_pattern(&def), min, max)
    }

    #[test]
    fn look_around_and_possessive_patterns_get_samples() {
        for (source, min, max) in [
            // Directory Service passwords.
            (
                r"(?=^.{8,64}$)((?=.*\d)(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[^A-Za-z0-9\s])(?=.*[a-z])|(?=.*[^A-Za-z0-9\s])(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[A-Z])(?=.*[^A-Za-z0-9\s]))^.*",
                None,
                None,
            ),
            // FSx ARNs.
            (
                r"^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\d{1,3}(\.\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\.)(?![^:]*\.-)[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$",
                Some(8),
                Some(512),
            ),
            // Kinesis Analytics ARNs: possessive quantifiers.
            (
                r"arn:aws:kinesisanalytics:[a-z]{2}-[a-z]+-\d{1}+:\d{12}+:application/[a-zA-Z0-9_.-]{1,128}",
                Some(1),
                Some(2048),
            ),
        ] {
            let found = sample(source, min, max);
            assert!(found.is_some(), "no sample for {source}");
        }
    }

    #[test]
    fn look_around_is_stripped() {
        assert_eq!(
            strip_look_around(r"^(?!aws:)[a-z\(]+(?<!\.)$"),
            r"^[a-z\(]+$"
        );
        assert_eq!(strip_look_around(r"^(?>\d{1})+$"), r"^(?:\d{1})+$");
    }
}
