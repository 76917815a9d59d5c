//! Spec patterns to Rust regexes, checked at generation time: the `specgen-pattern` crate,
//! which the derive macro shares (see its docs for Java's dialect and the engines).

pub use specgen_pattern::*;
