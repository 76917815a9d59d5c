//! Deserialization support for generated types.
//!
//! Generated structs deserialize through [`field_index`], [`value`] and [`required`]:
//! member lookup by wire name, `null` read as absent, unknown members skipped.
//!
//! Requests need one more thing: a request with a missing required member must reach
//! validation so that it is reported as `Value null at '…'` together with every other
//! violation, as AWS does. Plain deserialization rejects such a body (as it should for a
//! client reading a response); [`lenient`] runs a deserialization in which missing required
//! members get a placeholder value and their wire paths are recorded instead. The same
//! bookkeeping tells which member a type error happened in. Both cost nothing unless a
//! lenient run is active: the success path of a valid request never enters it.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::path::{Segment, write_segments};
use crate::timestamp::Timestamp;

#[derive(Clone, Copy)]
enum Step {
    Field(&'static str),
    Index(usize),
    MapValue(usize),
}

#[derive(Default)]
struct LenientState {
    stack: Vec<Step>,
    missing: Vec<String>,
}

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static STATE: RefCell<LenientState> = RefCell::new(LenientState::default());
}

#[inline]
fn active() -> bool {
    ACTIVE.with(Cell::get)
}

fn push(step: Step) {
    STATE.with(|s| s.borrow_mut().stack.push(step));
}

fn pop() {
    STATE.with(|s| {
        s.borrow_mut().stack.pop();
    });
}

fn render(stack: &[Step], last: Option<&'static str>) -> String {
    let mut segs: Vec<Segment<'static>> = stack
        .iter()
        .map(|s| match *s {
            Step::Field(f) => Segment::Field(f),
            Step::Index(i) => Segment::Index(i),
            Step::MapValue(i) => Segment::MapValue(i),
        })
        .collect();
    if let Some(f) = last {
        segs.push(Segment::Field(f));
    }
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_segments(&mut out, &segs);
    out
}

/// What a [`lenient`] run found besides its result.
#[derive(Debug, Default)]
pub struct LenientReport {
    /// Wire paths of required members that were missing or `null`.
    pub missing: Vec<String>,
    /// Wire path of the member being read when deserialization failed (empty: the root).
    pub error_path: String,
}

/// Runs `f` with lenient deserialization on this thread (see the module docs).
pub fn lenient<R>(f: impl FnOnce() -> R) -> (R, LenientReport) {
    let was_active = ACTIVE.with(|a| a.replace(true));
    let saved = STATE.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let result = f();
    let state = STATE.with(|s| std::mem::replace(&mut *s.borrow_mut(), saved));
    ACTIVE.with(|a| a.set(was_active));
    let report = LenientReport {
        error_path: render(&state.stack, None),
        missing: state.missing,
    };
    (result, report)
}

/// How a type is read from the wire. Lists and maps track element positions for
/// [`lenient`] runs; every other type reads through its `Deserialize` impl.
pub trait Wire<'de>: Deserialize<'de> {
    /// Reads a value.
    #[inline]
    fn de<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }
}

impl<'de> Wire<'de> for String {}
impl<'de> Wire<'de> for bool {}
impl<'de> Wire<'de> for i32 {}
impl<'de> Wire<'de> for i64 {}
impl<'de> Wire<'de> for f32 {}
impl<'de> Wire<'de> for f64 {}
impl<'de> Wire<'de> for Timestamp {}
impl<'de> Wire<'de> for serde_json::Value {}

impl<'de, T: Wire<'de>> Wire<'de> for Box<T> {
    #[inline]
    fn de<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::de(deserializer).map(Box::new)
    }
}

impl<'de, T: Wire<'de>> Wire<'de> for Option<T> {
    #[inline]
    fn de<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T: Wire<'de>> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        T::de(d).map(Some)
    }
}

/// A `DeserializeSeed` that reads a `T` through [`Wire`].
pub struct WireSeed<T>(PhantomData<T>);

impl<T> WireSeed<T> {
    /// The seed.
    #[inline]
    pub fn new() -> Self {
        WireSeed(PhantomData)
    }
}

impl<T> Default for WireSeed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: Wire<'de>> DeserializeSeed<'de> for WireSeed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::de(d)
    }
}

impl<'de, T: Wire<'de>> Wire<'de> for Vec<T> {
    fn de<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Wire<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Cap the preallocation: the hint comes from the input.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        if active() {
            loop {
                push(Step::Index(out.len() + 1));
                match seq.next_element_seed(WireSeed::<T>::new())? {
                    Some(v) => {
                        pop();
                        out.push(v);
                    }
                    None => {
                        pop();
                        break;
                    }
                }
            }
        } else {
            while let Some(v) = seq.next_element_seed(WireSeed::<T>::new())? {
                out.push(v);
            }
        }
        Ok(out)
    }
}

impl<'de, T: Wire<'de>> Wire<'de> for BTreeMap<String, T> {
    fn de<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

struct MapVisitor<T>(PhantomData<T>);

impl<'de, T: Wire<'de>> Visitor<'de> for MapVisitor<T> {
    type Value = BTreeMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        let track = active();
        let mut position = 0;
        while let Some(key) = map.next_key::<String>()? {
            position += 1;
            if track {
                push(Step::MapValue(position));
            }
            let value = map.next_value_seed(WireSeed::<T>::new())?;
            if track {
                pop();
            }
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// Finds a member's index in a struct's list of wire names while reading a key.
pub struct FieldIndex(pub &'static [&'static str]);

/// Index returned for members the struct does not have.
pub const UNKNOWN_FIELD: usize = usize::MAX;

impl<'de> DeserializeSeed<'de> for FieldIndex {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldIndex {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|name| *name == v)
            .unwrap_or(UNKNOWN_FIELD))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|name| name.as_bytes() == v)
            .unwrap_or(UNKNOWN_FIELD))
    }
}

/// Looks a member name up with a generated `match` (`lookup`), which compiles to comparisons
/// against constants: cheaper than scanning a list of names.
pub struct FieldLookup<F>(pub F);

impl<'de, F: FnOnce(&str) -> usize> DeserializeSeed<'de> for FieldLookup<F> {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, F: FnOnce(&str) -> usize> Visitor<'de> for FieldLookup<F> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok((self.0)(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(std::str::from_utf8(v).map_or(UNKNOWN_FIELD, self.0))
    }
}

/// Reads the next key of `map` and looks it up with `lookup` (a generated `match` from
/// wire name to member index, [`UNKNOWN_FIELD`] for others).
#[inline]
pub fn field<'de, A: MapAccess<'de>, F: FnOnce(&str) -> usize>(
    map: &mut A,
    lookup: F,
) -> Result<Option<usize>, A::Error> {
    map.next_key_seed(FieldLookup(lookup))
}

/// Reads the next key of `map` as an index into `names`.
#[inline]
pub fn field_index<'de, A: MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static str],
) -> Result<Option<usize>, A::Error> {
    map.next_key_seed(FieldIndex(names))
}

/// Reads the next key of `map`: the index of a declared member, or the key itself for a
/// member the struct keeps in its `additionalProperties` map.
pub fn field_or_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static str],
) -> Result<Option<Result<usize, String>>, A::Error> {
    Ok(map
        .next_key::<String>()?
        .map(|key| match names.iter().position(|n| *n == key) {
            Some(i) => Ok(i),
            None => Err(key),
        }))
}

/// Reads the value of an undeclared member kept in an `additionalProperties` map.
pub fn entry<'de, A: MapAccess<'de>, T: Wire<'de>>(map: &mut A) -> Result<T, A::Error> {
    map.next_value_seed(WireSeed::<T>::new())
}

/// Reads an alternative of a union from a buffered JSON value.
pub fn from_value<T: serde::de::DeserializeOwned, E: de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}

/// Tries an alternative of an untagged union on a buffered JSON value.
pub fn try_from_value<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Option<T> {
    T::deserialize(value).ok()
}

/// Reads a member value; `null` reads as `None`. `path_name` is the member's name in
/// validation paths (`clientId`).
#[inline]
pub fn value<'de, A: MapAccess<'de>, T: Wire<'de>>(
    map: &mut A,
    path_name: &'static str,
) -> Result<Option<T>, A::Error> {
    if active() {
        push(Step::Field(path_name));
        let v = map.next_value_seed(WireSeed::<Option<T>>::new())?;
        // On error the step stays on the stack: it names where reading failed.
        pop();
        Ok(v)
    } else {
        map.next_value_seed(WireSeed::<Option<T>>::new())
    }
}

/// Skips the value of a member the type does not know.
#[inline]
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(|_| ())
}

/// A value that stands in for a missing required member during a [`lenient`] run. It is
/// never seen by users: the request is rejected with a `Member must not be null` violation.
pub trait Placeholder {
    /// The stand-in value.
    fn placeholder() -> Self;
}

macro_rules! placeholder_default {
    ($($t:ty),*) => {$(
        impl Placeholder for $t {
            fn placeholder() -> Self {
                <$t>::default()
            }
        }
    )*};
}

placeholder_default!(
    String,
    bool,
    i32,
    i64,
    f32,
    f64,
    Timestamp,
    serde_json::Value
);

impl<T> Placeholder for Vec<T> {
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl<K, V> Placeholder for BTreeMap<K, V> {
    fn placeholder() -> Self {
        BTreeMap::new()
    }
}

impl<T> Placeholder for Option<T> {
    fn placeholder() -> Self {
        None
    }
}

impl<T: Placeholder> Placeholder for Box<T> {
    fn placeholder() -> Self {
        Box::new(T::placeholder())
    }
}

/// The placeholder of `T` (for generated `Placeholder` impls).
pub fn placeholder<T: Placeholder>() -> T {
    T::placeholder()
}

/// Unwraps a required member: a missing one is an error, or a recorded placeholder
/// during a [`lenient`] run.
#[inline]
pub fn required<T: Placeholder, E: de::Error>(
    value: Option<T>,
    wire_name: &'static str,
    path_name: &'static str,
) -> Result<T, E> {
    match value {
        Some(v) => Ok(v),
        None => missing(wire_name, path_name),
    }
}

#[cold]
fn missing<T: Placeholder, E: de::Error>(
    wire_name: &'static str,
    path_name: &'static str,
) -> Result<T, E> {
    if active() {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let path = render(&s.stack, Some(path_name));
            s.missing.push(path);
        });
        Ok(T::placeholder())
    } else {
        Err(E::missing_field(wire_name))
    }
}

/// `Visitor::expecting` text for a generated structure.
pub fn expecting_struct(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    write!(f, "a {name} object")
}

/// Reads a string enum through its `From<&str>`/`From<String>` conversions, which keep
/// unknown values.
pub fn string_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

struct EnumVisitor<T>(PhantomData<T>);

impl<T> Visitor<'_> for EnumVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Attr {
        name: String,
        value: Option<String>,
    }

    impl Placeholder for Attr {
        fn placeholder() -> Self {
            Attr {
                name: Placeholder::placeholder(),
                value: None,
            }
        }
    }

    const NAMES: &[&str] = &["Name", "Value"];

    impl<'de> Deserialize<'de> for Attr {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Attr;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    expecting_struct(f, "Attr")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attr, A::Error> {
                    let mut name = None;
                    let mut value_ = None;
                    while let Some(i) = field_index(&mut map, NAMES)? {
                        match i {
                            0 => name = value(&mut map, "name")?,
                            1 => value_ = value(&mut map, "value")?,
                            _ => skip(&mut map)?,
                        }
                    }
                    Ok(Attr {
                        name: required(name, "Name", "name")?,
                        value: value_,
                    })
                }
            }
            d.deserialize_map(V)
        }
    }

    impl<'de> Wire<'de> for Attr {}

    fn read(json: &str) -> Result<Vec<Attr>, serde_json::Error> {
        let mut d = serde_json::Deserializer::from_str(json);
        Vec::<Attr>::de(&mut d)
    }

    #[test]
    fn strict_rejects_missing_required() {
        let e = read(r#"[{"Name":"a"},{"Value":"b"}]"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `Name`"), "{e}");
        let ok = read(r#"[{"Name":"a","Value":null,"Extra":[1,{}]}]"#).unwrap();
        assert_eq!(
            ok,
            [Attr {
                name: "a".into(),
                value: None
            }]
        );
    }

    #[test]
    fn lenient_records_paths() {
        let (r, report) = lenient(|| read(r#"[{"Name":"a"},{"Value":"b"},{"Name":null}]"#));
        assert_eq!(r.unwrap().len(), 3);
        assert_eq!(report.missing, ["2.member.name", "3.member.name"]);
        let (r, report) = lenient(|| read(r#"[{"Name":"a"},{"Name":5}]"#));
        assert!(r.is_err());
        assert_eq!(report.error_path, "2.member.name");
        // State does not leak into later strict runs.
        assert!(read(r#"[{"Value":"b"}]"#).is_err());
    }
}
