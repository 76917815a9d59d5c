//! Stand-ins for missing required members while a request is read (see [`Placeholder`]).

use std::collections::BTreeMap;

use crate::timestamp::Timestamp;

/// A value that stands in for a missing required member while a request is read, so that
/// reading can go on and validation can report the member as `null`. Users never see it.
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
