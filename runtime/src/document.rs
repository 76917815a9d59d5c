//! [`Document`]: free-form JSON that keeps everything it is given.
//!
//! Generated code uses it where the spec admits any JSON: Smithy documents
//! (`x-aws-document`), schemas without a type, and ([`Object`]) object schemas that admit
//! any members. A document keeps every member of every object in the order written and
//! every number as written (`1.50`, `1e+16` and `123456789012345678901234567890` stay as they
//! are), so what is read is written back byte for byte (as compact JSON).
//!
//! Numbers: one that serde_json would write the same way is held as its value; any other is
//! held as its text and written back through `serde_json`'s raw values, so other serde
//! formats see such a number as a raw value. Two numbers are equal when serde_json would
//! read them as the same value (`1E16 == 1e+16`; `1 != 1.0`, as in `serde_json::Value`).
//!
//! serde reads numbers as `u64`, `i64` or `f64` (serde_json without `arbitrary_precision`):
//! a document read through serde keeps each number's value as serde_json reads it, and the
//! crate's JSON reader (`Request::from_http`, `Response::from_json`) keeps its text too.
//!
//! Objects with a member name given twice are refused by both readers, as structures with a
//! member given twice are: keeping either value would silently drop the other.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::json::{self, Read, Reader};

/// Any JSON value, kept exactly as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Document {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Document>),
    /// An object, members in the order written.
    Object(Object),
}

/// A JSON number: its value, and its text when serde_json would write the value otherwise.
#[derive(Clone)]
pub struct Number(Repr);

#[derive(Clone)]
enum Repr {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
    /// A number serde_json reads as the `f64` but writes differently.
    Text(Box<str>, f64),
}

/// The value classes serde_json reads a number as.
#[derive(PartialEq)]
enum Class {
    Int(i128),
    Float(f64),
}

impl Number {
    fn class(&self) -> Class {
        match &self.0 {
            Repr::PosInt(v) => Class::Int(i128::from(*v)),
            Repr::NegInt(v) => Class::Int(i128::from(*v)),
            Repr::Float(v) | Repr::Text(_, v) => Class::Float(*v),
        }
    }

    /// A finite `f64`; `None` for NaN and infinities, which JSON numbers cannot be.
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number(Repr::Float(value)))
    }

    /// The number as written, held as its value when serde_json writes that value the same
    /// way (no allocation), else as its text.
    fn from_parts(text: &str, value: json::Number) -> Number {
        Number(match value {
            json::Number::Int(v) if v >= 0 => Repr::PosInt(v as u64),
            json::Number::Int(v) => Repr::NegInt(v),
            json::Number::UInt(v) => Repr::PosInt(v),
            json::Number::Float(v) => {
                let mut buf = [0u8; 40];
                match canonical(v, &mut buf) {
                    Some(written) if written == text => Repr::Float(v),
                    _ => Repr::Text(text.into(), v),
                }
            }
        })
    }

    /// The value if it is an integer that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            Repr::PosInt(v) => i64::try_from(v).ok(),
            Repr::NegInt(v) => Some(v),
            _ => None,
        }
    }

    /// The value if it is an integer that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            Repr::PosInt(v) => Some(v),
            _ => None,
        }
    }

    /// The value as the nearest `f64`.
    pub fn as_f64(&self) -> f64 {
        match self.0 {
            Repr::PosInt(v) => v as f64,
            Repr::NegInt(v) => v as f64,
            Repr::Float(v) | Repr::Text(_, v) => v,
        }
    }

    /// Whether serde_json reads it as an integer (`u64` or `i64`).
    pub fn is_integer(&self) -> bool {
        matches!(self.0, Repr::PosInt(_) | Repr::NegInt(_))
    }
}

/// serde_json's text of `value`, written into `buf`.
fn canonical(value: f64, buf: &mut [u8; 40]) -> Option<&str> {
    let mut rest: &mut [u8] = buf;
    serde_json::to_writer(&mut rest, &value).ok()?;
    let written = 40 - rest.len();
    std::str::from_utf8(&buf[..written]).ok()
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.class() == other.class()
    }
}

/// Numbers are finite, so equality is total.
impl Eq for Number {}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::PosInt(v) => write!(f, "{v}"),
            Repr::NegInt(v) => write!(f, "{v}"),
            Repr::Float(v) => {
                let mut buf = [0u8; 40];
                f.write_str(canonical(*v, &mut buf).unwrap_or("0"))
            }
            Repr::Text(text, _) => f.write_str(text),
        }
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Text that is not a JSON number (or one out of `f64`'s range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError;

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a JSON number within the range of an f64")
    }
}

impl std::error::Error for NumberError {}

impl FromStr for Number {
    type Err = NumberError;

    /// Reads JSON number text (`-0`, `1.50`, `1e+16`), kept as written.
    fn from_str(text: &str) -> Result<Number, NumberError> {
        let mut r = Reader::new(text.as_bytes());
        if !text.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
            return Err(NumberError);
        }
        let (written, value) = r.number_text().map_err(|_| NumberError)?;
        if written.len() != text.len() {
            return Err(NumberError);
        }
        Ok(Number::from_parts(written, value))
    }
}

macro_rules! number_from {
    ($($t:ty => $repr:ident),*) => {$(
        impl From<$t> for Number {
            fn from(v: $t) -> Number {
                Number(Repr::$repr(v.into()))
            }
        }
    )*};
}

number_from!(u64 => PosInt, u32 => PosInt, u16 => PosInt, u8 => PosInt);

macro_rules! signed_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            fn from(v: $t) -> Number {
                let v = i64::from(v);
                Number(if v >= 0 { Repr::PosInt(v as u64) } else { Repr::NegInt(v) })
            }
        }
    )*};
}

signed_from!(i64, i32, i16, i8);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::PosInt(v) => serializer.serialize_u64(*v),
            Repr::NegInt(v) => serializer.serialize_i64(*v),
            Repr::Float(v) => serializer.serialize_f64(*v),
            Repr::Text(text, _) => {
                // Checked JSON already: parsing it again only wraps it, without copying.
                let raw: &serde_json::value::RawValue =
                    serde_json::from_str(text).map_err(serde::ser::Error::custom)?;
                raw.serialize(serializer)
            }
        }
    }
}

/// The members of a JSON object, in the order written, each name once.
///
/// Lookups scan the members, which suits the small objects documents hold.
#[derive(Clone, Default)]
pub struct Object {
    entries: Vec<(String, Document)>,
}

impl Object {
    /// An empty object.
    pub fn new() -> Object {
        Object::default()
    }

    /// How many members it has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no members.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of the member `name`.
    pub fn get(&self, name: &str) -> Option<&Document> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The value of the member `name`, to change.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Document> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// Whether it has the member `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets the member `name`: in its place if it exists (returning the old value), else
    /// last.
    pub fn insert(
        &mut self,
        name: impl Into<String>,
        value: impl Into<Document>,
    ) -> Option<Document> {
        let name = name.into();
        let value = value.into();
        match self.get_mut(&name) {
            Some(slot) => Some(std::mem::replace(slot, value)),
            None => {
                self.entries.push((name, value));
                None
            }
        }
    }

    /// Removes the member `name`, keeping the order of the others.
    pub fn remove(&mut self, name: &str) -> Option<Document> {
        let at = self.entries.iter().position(|(k, _)| k == name)?;
        Some(self.entries.remove(at).1)
    }

    /// The members in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Document)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The member names in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The member values in order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Document> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// An object of members read in order; a name given twice is refused (returned).
    fn from_read(entries: Vec<(String, Document)>) -> Result<Object, String> {
        match first_duplicate(&entries) {
            Some(name) => Err(name.to_owned()),
            None => Ok(Object { entries }),
        }
    }
}

/// The first name given twice, in time linear in the names (a hash set past a few).
fn first_duplicate(entries: &[(String, Document)]) -> Option<&str> {
    if entries.len() <= 8 {
        return entries
            .iter()
            .enumerate()
            .find(|(i, (k, _))| entries[..*i].iter().any(|(seen, _)| seen == k))
            .map(|(_, (k, _))| k.as_str());
    }
    let mut seen = HashSet::with_capacity(entries.len());
    entries
        .iter()
        .find(|(k, _)| !seen.insert(k.as_str()))
        .map(|(k, _)| k.as_str())
}

/// Members are compared by name, whatever their order, as JSON objects are.
impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Eq for Object {}

impl fmt::Debug for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(String, Document)> for Object {
    /// Members in order; a name given again replaces the earlier value in its place.
    fn from_iter<I: IntoIterator<Item = (String, Document)>>(iter: I) -> Object {
        let mut object = Object::new();
        for (k, v) in iter {
            object.insert(k, v);
        }
        object
    }
}

impl IntoIterator for Object {
    type Item = (String, Document);
    type IntoIter = std::vec::IntoIter<(String, Document)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Serialize for Object {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Null => serializer.serialize_unit(),
            Document::Bool(b) => serializer.serialize_bool(*b),
            Document::Number(n) => n.serialize(serializer),
            Document::String(s) => serializer.serialize_str(s),
            Document::Array(items) => serializer.collect_seq(items),
            Document::Object(o) => o.serialize(serializer),
        }
    }
}

impl fmt::Display for Document {
    /// Compact JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::to_string(self) {
            Ok(text) => f.write_str(&text),
            Err(_) => Err(fmt::Error),
        }
    }
}

/// `"duplicate field `name`"`, as a structure with a member given twice is refused.
fn duplicate_message(name: &str) -> String {
    format!("duplicate field `{name}`")
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Document, E> {
        Ok(Document::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Document, E> {
        Ok(Document::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Document, E> {
        Ok(Document::Number(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Document, E> {
        Ok(Document::Number(wide_int(v)))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Document, E> {
        Ok(Document::Number(match u64::try_from(v) {
            Ok(v) => v.into(),
            Err(_) => Number(Repr::Text(v.to_string().into(), v as f64)),
        }))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Document, E> {
        Number::from_f64(v)
            .map(Document::Number)
            .ok_or_else(|| E::custom("a document number must be finite"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Document, E> {
        Ok(Document::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Document, E> {
        Ok(Document::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
        Document::deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
        Document::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Document::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Document, A::Error> {
        ObjectVisitor.visit_map(map).map(Document::Object)
    }
}

/// An `i128` as serde_json would read its text: an integer when it fits, else an `f64`.
fn wide_int(v: i128) -> Number {
    if let Ok(v) = u64::try_from(v) {
        v.into()
    } else if let Ok(v) = i64::try_from(v) {
        v.into()
    } else {
        Number(Repr::Text(v.to_string().into(), v as f64))
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Object;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(entry) = map.next_entry::<String, Document>()? {
            entries.push(entry);
        }
        Object::from_read(entries).map_err(|name| de::Error::custom(duplicate_message(&name)))
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        deserializer.deserialize_any(DocumentVisitor)
    }
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object, D::Error> {
        deserializer.deserialize_map(ObjectVisitor)
    }
}

impl Read for Document {
    fn read(r: &mut Reader<'_>) -> Result<Document, json::Error> {
        match r.peek() {
            Some(b'n') => r.literal(b"null").map(|()| Document::Null),
            Some(b't') => r.literal(b"true").map(|()| Document::Bool(true)),
            Some(b'f') => r.literal(b"false").map(|()| Document::Bool(false)),
            Some(b'"') => r.string().map(|s| Document::String(s.into_owned())),
            Some(b'-' | b'0'..=b'9') => {
                let (text, value) = r.number_text()?;
                Ok(Document::Number(Number::from_parts(text, value)))
            }
            Some(b'{') => Object::read(r).map(Document::Object),
            Some(b'[') => {
                let mut entries = r.begin_array("a list")?;
                let mut items = Vec::new();
                while r.next_element(&mut entries)? {
                    items.push(Document::read(r)?);
                }
                Ok(Document::Array(items))
            }
            None => Err(r.eof("a value")),
            Some(_) => Err(r.syntax("expected value")),
        }
    }
}

impl Read for Object {
    fn read(r: &mut Reader<'_>) -> Result<Object, json::Error> {
        let mut entries = r.begin_object("a JSON object")?;
        let mut members = Vec::new();
        while let Some(key) = r.next_key(&mut entries)? {
            let key = key.into_owned();
            members.push((key, Document::read(r)?));
        }
        Object::from_read(members).map_err(|name| r.duplicate(&name))
    }
}

impl Document {
    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Document::Null)
    }

    /// The boolean, if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Document::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if it is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Document::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number as the nearest `f64`, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().map(Number::as_f64)
    }

    /// The number, if it is an integer that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// The number, if it is an integer that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Document::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if it is an array.
    pub fn as_array(&self) -> Option<&Vec<Document>> {
        match self {
            Document::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if it is an object.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Document::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The member `name`, if it is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Document> {
        self.as_object().and_then(|o| o.get(name))
    }
}

impl From<bool> for Document {
    fn from(v: bool) -> Document {
        Document::Bool(v)
    }
}

impl From<&str> for Document {
    fn from(v: &str) -> Document {
        Document::String(v.to_owned())
    }
}

impl From<String> for Document {
    fn from(v: String) -> Document {
        Document::String(v)
    }
}

impl From<Number> for Document {
    fn from(v: Number) -> Document {
        Document::Number(v)
    }
}

macro_rules! document_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Document {
            fn from(v: $t) -> Document {
                Document::Number(v.into())
            }
        }
    )*};
}

document_from_int!(u64, u32, u16, u8, i64, i32, i16, i8);

impl From<Vec<Document>> for Document {
    fn from(v: Vec<Document>) -> Document {
        Document::Array(v)
    }
}

impl From<Object> for Document {
    fn from(v: Object) -> Document {
        Document::Object(v)
    }
}

impl From<serde_json::Value> for Document {
    fn from(v: serde_json::Value) -> Document {
        match v {
            serde_json::Value::Null => Document::Null,
            serde_json::Value::Bool(b) => Document::Bool(b),
            serde_json::Value::Number(n) => {
                Document::Number(match (n.as_u64(), n.as_i64(), n.as_f64()) {
                    (Some(u), _, _) => u.into(),
                    (None, Some(i), _) => i.into(),
                    (None, None, Some(f)) => Number(Repr::Float(f)),
                    // A number serde_json holds without a value (`arbitrary_precision`).
                    _ => n.to_string().parse().unwrap_or(Number(Repr::PosInt(0))),
                })
            }
            serde_json::Value::String(s) => Document::String(s),
            serde_json::Value::Array(items) => {
                Document::Array(items.into_iter().map(Document::from).collect())
            }
            serde_json::Value::Object(map) => Document::Object(Object {
                entries: map.into_iter().map(|(k, v)| (k, v.into())).collect(),
            }),
        }
    }
}

impl From<Document> for serde_json::Value {
    /// The same JSON; a number held as text becomes its `f64` (serde_json's own reading).
    fn from(v: Document) -> serde_json::Value {
        match v {
            Document::Null => serde_json::Value::Null,
            Document::Bool(b) => serde_json::Value::Bool(b),
            Document::Number(n) => match n.0 {
                Repr::PosInt(v) => v.into(),
                Repr::NegInt(v) => v.into(),
                Repr::Float(v) | Repr::Text(_, v) => v.into(),
            },
            Document::String(s) => serde_json::Value::String(s),
            Document::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(Into::into).collect())
            }
            Document::Object(o) => serde_json::Value::Object(
                o.entries.into_iter().map(|(k, v)| (k, v.into())).collect(),
            ),
        }
    }
}

impl crate::placeholder::Placeholder for Document {
    fn placeholder() -> Self {
        Document::default()
    }
}

impl crate::placeholder::Placeholder for Object {
    fn placeholder() -> Self {
        Object::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(text: &str) -> Result<Document, String> {
        json::from_slice::<Document>(text.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn round_trips_byte_for_byte() {
        for text in [
            r#"{"type":"S3","syncMode":"FULL_CRAWL","n":[1,-2,3.5,1.50,1e+16,1E2,-0,0.0,123456789012345678901234567890],"z":null,"a":{"b":[{},[],"",true,false]}}"#,
            r#"[null,{"b":1,"a":2}]"#,
            "-0",
            "\"\\u00e9\"",
        ] {
            let doc = ours(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let written = serde_json::to_string(&doc).unwrap();
            if text.contains("u00e9") {
                assert_eq!(written, "\"é\"");
            } else {
                assert_eq!(written, text);
            }
            // serde reads the same document (numbers by value).
            assert_eq!(
                serde_json::from_str::<Document>(text).unwrap(),
                doc,
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_are_held_by_value_when_that_is_exact() {
        let doc = ours("[1,-2,3.5,3.50,1E16,18446744073709551615]").unwrap();
        let items = doc.as_array().unwrap();
        assert!(matches!(items[0].as_number().unwrap().0, Repr::PosInt(1)));
        assert!(matches!(items[1].as_number().unwrap().0, Repr::NegInt(-2)));
        assert!(matches!(items[2].as_number().unwrap().0, Repr::Float(_)));
        assert!(matches!(items[3].as_number().unwrap().0, Repr::Text(..)));
        assert_eq!(items[2], items[3]);
        assert!(matches!(items[4].as_number().unwrap().0, Repr::Text(..)));
        assert_eq!(items[4], Document::from(Number::from_f64(1e16).unwrap()));
        assert_eq!(items[5].as_u64(), Some(u64::MAX));
        assert_ne!(Document::from(1), ours("1.0").unwrap());
        assert_eq!("1.50".parse::<Number>().unwrap().to_string(), "1.50");
        assert!("1.5x".parse::<Number>().is_err());
        assert!("1e400".parse::<Number>().is_err());
        assert!("+1".parse::<Number>().is_err());
    }

    #[test]
    fn both_readers_refuse_the_same() {
        for bad in [
            r#"{"a":1,"a":2}"#,
            r#"[{"k":{"x":1,"y":2,"x":3}}]"#,
            "1e400",
            r#""\ud800""#,
            "[1,]",
            "nul",
            "",
            r#"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"a":10}"#,
        ] {
            assert!(ours(bad).is_err(), "{bad}");
            assert!(serde_json::from_str::<Document>(bad).is_err(), "{bad}");
        }
        let e = ours(r#"{"a":1,"a":2}"#).unwrap_err();
        assert!(e.starts_with("duplicate field `a`"), "{e}");
        let e = serde_json::from_str::<Document>(r#"{"a":1,"a":2}"#).unwrap_err();
        assert!(e.to_string().starts_with("duplicate field `a`"), "{e}");
        // Objects only where an object is wanted.
        assert!(json::from_slice::<Object>(b"[1]").is_err());
        assert!(serde_json::from_str::<Object>("[1]").is_err());
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for n in [127, 128] {
            assert_eq!(ours(&nested(n)).is_ok(), n == 127);
            assert_eq!(
                serde_json::from_str::<Document>(&nested(n)).is_ok(),
                n == 127
            );
        }
    }

    #[test]
    fn objects_keep_order_and_compare_as_sets() {
        let a = ours(r#"{"b":1,"a":2}"#).unwrap();
        let b = ours(r#"{"a":2,"b":1}"#).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), r#"{"b":1,"a":2}"#);
        let mut o = a.as_object().unwrap().clone();
        assert_eq!(o.insert("b", 3), Some(Document::from(1)));
        o.insert("c", "x");
        assert_eq!(
            Document::from(o.clone()).to_string(),
            r#"{"b":3,"a":2,"c":"x"}"#
        );
        assert_eq!(o.remove("b"), Some(Document::from(3)));
        assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "c"]);
        let value: serde_json::Value = Document::from(o).into();
        assert_eq!(value, serde_json::json!({"a": 2, "c": "x"}));
        assert_eq!(
            Document::from(value.clone()),
            ours(r#"{"a":2,"c":"x"}"#).unwrap()
        );
    }
}
