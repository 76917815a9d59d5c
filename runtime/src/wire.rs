//! Wire forms that differ from a Rust type's own serde form, chosen per member by
//! generated code: floats of the AWS JSON protocols (`"NaN"`, `"Infinity"`, `"-Infinity"`)
//! and timestamps in RFC 3339 or HTTP-date text.
//!
//! Members keep their plain Rust types (`f64`, [`Timestamp`], `Vec<f64>`, …); a [`Format`]
//! names how a value of the type is written and read, for serde in both directions and for
//! the crate's JSON reader, so that the two readers accept the same text. Generated code
//! wraps a value in [`Ser`] to write it and reads into [`De`].

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::de::Placeholder;
use crate::float::{EXPECTED_F32, EXPECTED_F64, non_finite, non_finite_text};
use crate::json::{self, Read, Reader};
use crate::timestamp::Timestamp;

/// How values of `T` are written and read on the wire.
pub trait Format<T> {
    /// Writes `value`.
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value with serde.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
    /// Reads a value with the crate's JSON reader.
    fn read(r: &mut Reader<'_>) -> Result<T, json::Error>;
}

/// A value to write in the form `A`.
pub struct Ser<'a, A, T>(&'a T, PhantomData<A>);

impl<'a, A, T> Ser<'a, A, T> {
    /// Wraps a reference.
    #[inline]
    pub fn new(value: &'a T) -> Self {
        Ser(value, PhantomData)
    }
}

impl<A: Format<T>, T> Serialize for Ser<'_, A, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        A::serialize(self.0, serializer)
    }
}

/// A value read in the form `A`.
#[repr(transparent)]
pub struct De<A, T>(T, PhantomData<A>);

impl<A, T> De<A, T> {
    /// The value read.
    #[inline]
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<'de, A: Format<T>, T> Deserialize<'de> for De<A, T> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        A::deserialize(deserializer).map(|v| De(v, PhantomData))
    }
}

impl<A: Format<T>, T> Read for De<A, T> {
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        A::read(r).map(|v| De(v, PhantomData))
    }
}

impl<A, T: Placeholder> Placeholder for De<A, T> {
    fn placeholder() -> Self {
        De(T::placeholder(), PhantomData)
    }
}

/// `float` and `double` members of AWS JSON: a number, or `"NaN"`, `"Infinity"` and
/// `"-Infinity"` for the values a JSON number cannot carry.
pub enum Float {}

struct FloatVisitor(&'static str);

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        // Another string is a string where a number belongs.
        non_finite(v).ok_or_else(|| E::invalid_type(Unexpected::Str(v), &self))
    }
}

impl Format<f64> for Float {
    fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite_text(*value) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.serialize_f64(*value),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        // `deserialize_any`: `deserialize_f64` would refuse strings before a visitor sees
        // them. serde_json reads numbers the same way either way.
        deserializer.deserialize_any(FloatVisitor(EXPECTED_F64))
    }

    fn read(r: &mut Reader<'_>) -> Result<f64, json::Error> {
        r.float_or_non_finite(EXPECTED_F64)
    }
}

impl Format<f32> for Float {
    fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite_text(f64::from(*value)) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.serialize_f32(*value),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        // As serde reads an `f32`: the `f64`, narrowed.
        deserializer
            .deserialize_any(FloatVisitor(EXPECTED_F32))
            .map(|v| v as f32)
    }

    fn read(r: &mut Reader<'_>) -> Result<f32, json::Error> {
        r.float_or_non_finite(EXPECTED_F32).map(|v| v as f32)
    }
}

/// A timestamp in a text form: how it is parsed and written, and what it is called.
trait TextForm {
    const EXPECTED: &'static str;
    fn parse(text: &str) -> Option<Timestamp>;
    fn write(value: &Timestamp) -> Result<String, crate::timestamp::TimestampError>;
}

/// Timestamps of `timestampFormat: iso8601`: RFC 3339 text (`"2016-09-30T21:29:26.928Z"`).
pub enum Iso8601 {}

impl TextForm for Iso8601 {
    const EXPECTED: &'static str = "an RFC 3339 date-time string";

    fn parse(text: &str) -> Option<Timestamp> {
        Timestamp::parse_rfc3339(text).ok()
    }

    fn write(value: &Timestamp) -> Result<String, crate::timestamp::TimestampError> {
        value.to_rfc3339()
    }
}

/// Timestamps of `timestampFormat: rfc822` (Smithy's `http-date`): IMF-fixdate text
/// (`"Fri, 30 Sep 2016 21:29:26 GMT"`).
pub enum HttpDate {}

impl TextForm for HttpDate {
    const EXPECTED: &'static str = "an HTTP date (IMF-fixdate) string";

    fn parse(text: &str) -> Option<Timestamp> {
        Timestamp::parse_http_date(text).ok()
    }

    fn write(value: &Timestamp) -> Result<String, crate::timestamp::TimestampError> {
        value.to_http_date()
    }
}

struct TextVisitor<F>(PhantomData<F>);

impl<F: TextForm> Visitor<'_> for TextVisitor<F> {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(F::EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        F::parse(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

macro_rules! text_format {
    ($($form:ty),*) => {$(
        impl Format<Timestamp> for $form {
            fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
                match <$form as TextForm>::write(value) {
                    Ok(text) => serializer.serialize_str(&text),
                    Err(e) => Err(serde::ser::Error::custom(e)),
                }
            }

            fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
                deserializer.deserialize_str(TextVisitor::<$form>(PhantomData))
            }

            fn read(r: &mut Reader<'_>) -> Result<Timestamp, json::Error> {
                let expected = <$form as TextForm>::EXPECTED;
                let text = r.str(expected)?;
                match <$form as TextForm>::parse(&text) {
                    Some(t) => Ok(t),
                    None => Err(r.invalid_value(&format_args!("string {text:?}"), expected)),
                }
            }
        }
    )*};
}

text_format!(Iso8601, HttpDate);

/// A list whose items are in the form `A`.
pub struct List<A>(PhantomData<A>);

impl<A: Format<T>, T> Format<Vec<T>> for List<A> {
    fn serialize<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(value.iter().map(Ser::<A, T>::new))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        // `De` is transparent, so this collects in place.
        Vec::<De<A, T>>::deserialize(deserializer)
            .map(|items| items.into_iter().map(De::into_inner).collect())
    }

    fn read(r: &mut Reader<'_>) -> Result<Vec<T>, json::Error> {
        Vec::<De<A, T>>::read(r).map(|items| items.into_iter().map(De::into_inner).collect())
    }
}

/// A map whose values are in the form `A`.
pub struct Map<A>(PhantomData<A>);

impl<A: Format<T>, T> Format<BTreeMap<String, T>> for Map<A> {
    fn serialize<S: Serializer>(
        value: &BTreeMap<String, T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(value.iter().map(|(k, v)| (k, Ser::<A, T>::new(v))))
    }

    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, T>, D::Error> {
        BTreeMap::<String, De<A, T>>::deserialize(deserializer).map(into_values)
    }

    fn read(r: &mut Reader<'_>) -> Result<BTreeMap<String, T>, json::Error> {
        BTreeMap::<String, De<A, T>>::read(r).map(into_values)
    }
}

/// The values of a map read as [`De`]; the entries come out in key order, which the map
/// is built from in one pass.
pub fn into_values<A, T>(map: BTreeMap<String, De<A, T>>) -> BTreeMap<String, T> {
    map.into_iter().map(|(k, v)| (k, v.into_inner())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write<A: Format<T>, T>(value: &T) -> String {
        serde_json::to_string(&Ser::<A, T>::new(value)).unwrap()
    }

    fn both<A: Format<T>, T: std::fmt::Debug>(
        text: &str,
    ) -> (Result<T, String>, Result<T, String>) {
        let serde = serde_json::from_str::<De<A, T>>(text)
            .map(De::into_inner)
            .map_err(|e| e.to_string());
        let ours = json::from_slice::<De<A, T>>(text.as_bytes())
            .map(De::into_inner)
            .map_err(|e| e.to_string());
        (serde, ours)
    }

    #[test]
    fn floats_carry_non_finite_values_as_strings() {
        for (text, bits) in [
            (r#""NaN""#, f64::NAN.to_bits()),
            (r#""Infinity""#, f64::INFINITY.to_bits()),
            (r#""-Infinity""#, f64::NEG_INFINITY.to_bits()),
            ("1.5", 1.5f64.to_bits()),
            ("-0", (-0.0f64).to_bits()),
            ("7", 7f64.to_bits()),
        ] {
            let (serde, ours) = both::<Float, f64>(text);
            assert_eq!(serde.unwrap().to_bits(), bits, "{text}");
            assert_eq!(ours.unwrap().to_bits(), bits, "{text}");
            let back = write::<Float, f64>(&f64::from_bits(bits));
            let again: f64 = json::from_slice::<De<Float, f64>>(back.as_bytes())
                .unwrap()
                .into_inner();
            assert_eq!(again.to_bits(), bits, "{back}");
        }
        assert_eq!(write::<Float, f64>(&f64::NAN), r#""NaN""#);
        assert_eq!(write::<Float, f32>(&f32::NEG_INFINITY), r#""-Infinity""#);
        assert_eq!(write::<Float, f32>(&0.1), "0.1");
        for bad in [
            r#""nan""#, r#""1.5""#, r#""""#, "true", "null", "[1]", "1e400",
        ] {
            let (serde, ours) = both::<Float, f64>(bad);
            assert!(serde.is_err() && ours.is_err(), "{bad}: {serde:?} {ours:?}");
        }
        let (serde, ours) = both::<Float, f64>(r#""nan""#);
        let expected =
            r#"invalid type: string "nan", expected f64 or "NaN", "Infinity" or "-Infinity""#;
        assert!(serde.unwrap_err().starts_with(expected));
        assert!(ours.unwrap_err().starts_with(expected));
    }

    #[test]
    fn timestamps_in_text_forms() {
        let t = Timestamp::from_epoch_seconds(1475270966.928);
        assert_eq!(write::<Iso8601, _>(&t), r#""2016-09-30T21:29:26.928Z""#);
        assert_eq!(
            write::<HttpDate, _>(&t),
            r#""Fri, 30 Sep 2016 21:29:26.928 GMT""#
        );
        for (text, form) in [
            (r#""2016-09-30T21:29:26.928Z""#, 0),
            (r#""Fri, 30 Sep 2016 21:29:26.928 GMT""#, 1),
        ] {
            let (serde, ours) = if form == 0 {
                both::<Iso8601, Timestamp>(text)
            } else {
                both::<HttpDate, Timestamp>(text)
            };
            assert_eq!(serde.unwrap(), t);
            assert_eq!(ours.unwrap(), t);
        }
        for bad in [
            "1475270966.928",
            r#""2016-09-30""#,
            "null",
            r#""Fri, 30 Sep 2016 21:29:26 GMT""#,
        ] {
            let (serde, ours) = both::<Iso8601, Timestamp>(bad);
            assert!(serde.is_err() && ours.is_err(), "{bad}");
        }
        let (serde, ours) = both::<Iso8601, Timestamp>(r#""2016-02-30T00:00:00Z""#);
        let expected = r#"invalid value: string "2016-02-30T00:00:00Z", expected an RFC 3339 date-time string"#;
        assert!(serde.unwrap_err().starts_with(expected));
        assert!(ours.unwrap_err().starts_with(expected));
        assert!(
            serde_json::to_string(&Ser::<Iso8601, _>::new(&Timestamp::from_epoch_seconds(
                1e13
            )))
            .is_err()
        );
    }

    #[test]
    fn lists_and_maps_of_formatted_values() {
        let text = r#"[1.5,"NaN","-Infinity"]"#;
        let (serde, ours) = both::<List<Float>, Vec<f64>>(text);
        let (serde, ours) = (serde.unwrap(), ours.unwrap());
        assert_eq!(serde.len(), 3);
        assert!(serde[1].is_nan() && ours[1].is_nan());
        assert_eq!(write::<List<Float>, _>(&ours), text);
        let text = r#"{"a":"2016-09-30T21:29:26.928Z","b":"1970-01-01T00:00:00Z"}"#;
        let (serde, ours) = both::<Map<Iso8601>, BTreeMap<String, Timestamp>>(text);
        assert_eq!(serde.unwrap(), ours.clone().unwrap());
        assert_eq!(write::<Map<Iso8601>, _>(&ours.unwrap()), text);
    }
}
