//! Procedural macros of specgen: [`derive(Validate)`](derive@Validate) checks your own types
//! with the same AWS-format messages as generated code, and, with feature `spec`,
//! `include_spec!` expands an OpenAPI description in place.
//!
//! Use the derive through `specgen-runtime` (or a generated crate such as `cognito-idp`)
//! with its feature `derive`, which re-exports it beside the `Validate` trait, so that one
//! import brings both:
//!
//! ```toml
//! [dependencies]
//! cognito-idp = { version = "0.1", features = ["derive"] }
//! ```
//!
//! ```ignore
//! use cognito_idp::Validate;
//!
//! #[derive(Validate)]
//! struct SignUpForm {
//!     #[validate(length(min = 1, max = 128))]
//!     username: String,
//! }
//!
//! let form = SignUpForm { username: String::new() };
//! assert_eq!(
//!     form.validate().unwrap_err().to_string(),
//!     "1 validation error detected: Value '' at 'username' failed to satisfy constraint: \
//!      Member must have length greater than or equal to 1"
//! );
//! ```
//!
//! # Features
//!
//! - none (the default): `#[derive(Validate)]` with field attributes. It needs only
//!   `specgen-pattern` to check patterns, not the generator.
//! - `spec`: `include_spec!` and the spec-bound derive (`#[validate(spec = "...", schema =
//!   "...")]`), which read specs when the calling crate compiles, with the generator
//!   (`specgen`). Feature `spec` of `specgen-runtime` or of a generated crate enables it.

#![warn(missing_docs)]

mod ctxt;
mod derive;
#[cfg(feature = "spec")]
mod include;
mod runtime;
#[cfg(feature = "spec")]
mod spec;

use proc_macro::TokenStream;

/// Expands an OpenAPI description into the items `specgen generate` writes: the modules
/// `types`, `errors` and a private `rules`, and at the root `Operation`, `Request`,
/// `Response`, `Error` and the runtime re-exports.
///
/// ```ignore
/// mod cognito {
///     specgen_macros::include_spec!("spec/cognito-idp.yaml");
/// }
/// assert_eq!(cognito::Operation::ALL.len(), 103);
///
/// mod search {
///     specgen_macros::include_spec!("spec/api.yaml", pattern_mode = "search");
/// }
/// ```
///
/// - The path is relative to the calling crate's root (`CARGO_MANIFEST_DIR`), as in a
///   build script.
/// - Options are `key = "value"` pairs with the keys of the options file, written with
///   underscores (`protocol`, `pattern_mode`, `validation_exception`, `runtime_path`,
///   `unsupported_pattern`; the file's `pattern-mode` spelling is accepted too, but rustfmt
///   spaces it out), read as the file's values are (`specgen::Settings::set`). They
///   override the options file beside the spec (`api.specgen.yaml`).
/// - The expansion refers to `::specgen_runtime`, `::serde` and `::serde_json`: the crate
///   needs those three dependencies besides `specgen-macros`.
/// - The crate is rebuilt when the spec or its options file changes.
/// - Needs feature `spec`: the generator runs inside the macro.
/// - A spec that cannot be generated is a compile error naming the file and the JSON
///   pointer of the problem, at the path argument.
#[cfg(feature = "spec")]
#[proc_macro]
pub fn include_spec(input: TokenStream) -> TokenStream {
    include::expand(input.into()).into()
}

/// Derives `Validate` (from `specgen-runtime`) for a struct or an enum.
///
/// # Field attributes
///
/// | attribute | applies to | checks |
/// |---|---|---|
/// | `length(min = 1, max = 128)` | strings (any `AsRef<str>` type), and lists and maps of them | length in characters |
/// | `pattern = "[\\w+]+"` | strings, and lists and maps of them | a regular expression, full match (AWS semantics) |
/// | `sensitive` | strings | nothing; hides the value in messages (`Value at 'x'`) |
/// | `range(min = 1, max = 60)` | integers, floats, and lists and maps of them | value bounds (`-1`, `0.5` allowed) |
/// | `items(min = 1, max = 50)` | `Vec`, slices, sets, maps | element count |
/// | `nested` | types that implement `Validate`, and collections of them | calls `validate_at` on the value or each element (list elements at `x.1.member`, map values at `x.entry.1.value`) |
/// | `rename = "WireName"` | any field | the wire name used in paths |
/// | `skip` | any field | nothing |
///
/// On a list or map whose type the derive sees (`Vec`, `VecDeque`, slices, arrays, sets,
/// `HashMap`, `BTreeMap`, under `Option` and smart pointers), `length`, `pattern`,
/// `sensitive` and `range` apply to each element (each map value), and may go with
/// `items`, which counts them. Elements are judged together, as AWS reports them: one
/// violation at the field's path, printing the list (`Value '[a, ]' at 'tags' failed to
/// satisfy constraint: Member must satisfy constraint: [Member must have length greater
/// than or equal to 1]`; a map, or a list of `sensitive` strings, is not shown).
///
/// ```ignore
/// #[derive(Validate)]
/// struct Client {
///     #[validate(items(max = 100), length(min = 1, max = 1024), pattern = r"[\p{L}\p{P}]+")]
///     callback_urls: Vec<String>,
/// }
/// ```
///
/// The path of a field is its wire name (the field's name, or `rename`) with the first
/// letter lower-cased. `Option<T>` fields are checked only when `Some`; `Box`, `Rc`, `Arc`
/// and references are checked as what they hold. A tuple field is checked at the path of
/// its container, so a newtype reports where it is used.
///
/// Patterns are compiled when the macro runs (Java syntax as in AWS specs: `\w \d \s` are
/// ASCII); an invalid or unsupported one is a compile error on its literal. At run time
/// each is compiled once per process, on first use. The container attribute
/// `#[validate(pattern_mode = "search")]` makes patterns match anywhere in the value
/// instead of the whole value.
///
/// # Bound to a spec schema
///
/// With feature `spec` (of this crate, or of `specgen-runtime` or the generated crate):
///
/// ```ignore
/// #[derive(Validate)]
/// #[validate(spec = "spec/cognito-idp.yaml", schema = "SignUpRequest")]
/// struct SignUp {
///     client_id: String,          // ClientId
///     username: Option<String>,   // required: `None` reports `Value null at 'username'`
///     password: String,
///     user_attributes: Option<Vec<cognito_idp::types::AttributeType>>,
///     // other optional properties may be left out
/// }
/// ```
///
/// The spec is read at compile time (path relative to `CARGO_MANIFEST_DIR`), and each field
/// takes the constraints of the property named like it: `client_id` matches `ClientId`
/// (the field name in upper camel case, or the name generated code gives the property),
/// or the property given by `rename`. Compile errors, on the field: a property the schema
/// does not have, a type that cannot hold the property (`u32` for a string, `String` for a
/// list); on the struct: a required property without a field. Objects and enums accept
/// any type that implements `Validate` (a generated type or another bound struct); enums
/// also accept `String`, checked against the spec's values; in a list, an enum held as a
/// type of your own also needs `Display` (the list is printed in messages). Lists and maps
/// report as generated code does: their elements' violations once, at the field. Other
/// field attributes than `rename` and `skip` are rejected: the spec decides.
///
/// # Enums
///
/// Unit variants have nothing to check; fields of tuple and struct variants take the
/// attributes above.
///
/// # Container attributes
///
/// `spec = "..."` and `schema = "..."`, `pattern_mode = "search" | "full-match"`, and
/// `crate = "path"` to name the runtime. By default it is `specgen-runtime` if the crate
/// depends on it (`Cargo.toml`), else the `__runtime` that a generated crate such as
/// `cognito-idp` re-exports: the crate's direct dependency that depends on
/// `specgen-runtime`, as `Cargo.lock` records it (the first by name if several do).
///
/// Messages are AWS's, sorted as AWS sorts them, e.g. `1 validation error detected: Value
/// '' at 'username' failed to satisfy constraint: Member must have length greater than or
/// equal to 1`.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => derive::expand(input).into(),
        Err(e) => e.to_compile_error().into(),
    }
}
