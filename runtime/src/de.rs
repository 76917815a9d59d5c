//! Serde support for generated types: member lookup by wire name, `null` read as absent,
//! unknown members skipped, and unknown enum values kept.
//!
//! These impls serve every serde format and every caller. The request and response paths
//! of generated crates read JSON with [`crate::json`] instead, which also reports missing
//! required members to validation; [`Placeholder`] is what it stands in for them.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

/// Index returned for members the struct does not have.
pub const UNKNOWN_FIELD: usize = usize::MAX;

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

/// Reads the next key of `map`: the index of a declared member, or the key itself for a
/// member the struct keeps in its `additionalProperties` map.
pub fn field_or_key<'de, A: MapAccess<'de>, F: FnOnce(&str) -> usize>(
    map: &mut A,
    lookup: F,
) -> Result<Option<Result<usize, String>>, A::Error> {
    Ok(map.next_key::<String>()?.map(|key| match lookup(&key) {
        UNKNOWN_FIELD => Err(key),
        i => Ok(i),
    }))
}

/// Reads a member value; `null` reads as `None`.
#[inline]
pub fn value<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
) -> Result<Option<T>, A::Error> {
    map.next_value::<Option<T>>()
}

/// Reads a member value into its slot; `null` leaves it empty. A member given twice is
/// refused, as serde's derive refuses it: which of the two to keep would be a guess, and
/// dropping either silently loses data.
#[inline]
pub fn value_into<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    wire_name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(<A::Error as de::Error>::duplicate_field(wire_name));
    }
    *slot = map.next_value::<Option<T>>()?;
    Ok(())
}

/// Skips the value of a member the type does not know.
#[inline]
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(|_| ())
}

/// Unwraps a required member; a missing (or `null`) one is an error.
#[inline]
pub fn required<T, E: de::Error>(value: Option<T>, wire_name: &'static str) -> Result<T, E> {
    match value {
        Some(v) => Ok(v),
        None => Err(E::missing_field(wire_name)),
    }
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

pub use crate::placeholder::{Placeholder, placeholder};

/// `Visitor::expecting` text for a generated structure.
pub fn expecting_struct(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    write!(f, "a {name} object")
}

/// A generated structure, read from a map of its wire members: what its `Deserialize`
/// needs beyond the visitor every structure shares.
pub trait Structure: Sized {
    /// The type's name, for `expected a <NAME> object`.
    const NAME: &'static str;

    /// Reads the members of `map`.
    fn visit_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Deserializes a [`Structure`] from a map.
#[inline]
pub fn structure<'de, T: Structure, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(StructureVisitor(PhantomData))
}

struct StructureVisitor<T>(PhantomData<T>);

impl<'de, T: Structure> Visitor<'de> for StructureVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting_struct(f, T::NAME)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::visit_map(map)
    }
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

    impl<'de> Deserialize<'de> for Attr {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            structure(d)
        }
    }

    impl Structure for Attr {
        const NAME: &'static str = "Attr";

        fn visit_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Attr, A::Error> {
            let (mut name, mut value_) = (None, None);
            let lookup = |n: &str| match n {
                "Name" => 0,
                "Value" => 1,
                _ => UNKNOWN_FIELD,
            };
            while let Some(i) = field(&mut map, lookup)? {
                match i {
                    0 => name = value(&mut map)?,
                    1 => value_ = value(&mut map)?,
                    _ => skip(&mut map)?,
                }
            }
            Ok(Attr {
                name: required(name, "Name")?,
                value: value_,
            })
        }
    }

    #[test]
    fn null_is_absent_and_unknown_members_are_skipped() {
        let ok: Vec<Attr> =
            serde_json::from_str(r#"[{"Name":"a","Value":null,"Extra":[1,{}]}]"#).unwrap();
        assert_eq!(
            ok,
            [Attr {
                name: "a".into(),
                value: None
            }]
        );
        let e = serde_json::from_str::<Vec<Attr>>(r#"[{"Value":"b"}]"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `Name`"), "{e}");
        let e = serde_json::from_str::<Vec<Attr>>(r#"[{"Name":null}]"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `Name`"), "{e}");
    }
}
