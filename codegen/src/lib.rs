//! specgen: Rust code from OpenAPI 3.0 descriptions, faithful to the AWS JSON 1.1 wire.
//!
//! The pipeline runs in one direction: [`load()`] reads a spec (YAML or JSON) and builds the
//! [`ir::Api`] (types, constraints, operations, errors, names), [`emit`] turns the IR into
//! tokens, and [`render`] formats them as a crate's files or one token stream.
//!
//! ```no_run
//! let api = specgen::load(std::path::Path::new("spec/cognito-idp.yaml"), &Default::default())?;
//! let files = specgen::crate_files(&api)?;
//! assert!(files.iter().any(|f| f.path == "types.rs"));
//! # Ok::<(), specgen::Error>(())
//! ```

#![warn(missing_docs)]

mod builder;
pub mod cargo;
pub mod diff;
pub mod docs;
pub mod document;
pub mod emit;
mod error;
pub mod import;
pub mod ir;
pub mod lower;
pub mod names;
pub mod openapi31;
pub mod output;
pub mod pattern;
mod precheck;
pub mod refs;
pub mod render;
pub mod settings;
mod sizes;

use std::path::Path;

pub use builder::Builder;
pub use error::{Error, ErrorKind, Result};
pub use render::File;
pub use settings::Settings;

/// Reads `spec`, applies the options file beside it and then `overrides`, and builds the IR.
pub fn load(spec: &Path, overrides: &Settings) -> Result<ir::Api> {
    let (beside, _) = Settings::beside(spec)?;
    let settings = beside.overridden_by(overrides);
    let doc = document::read_file(spec)?;
    lower::lower(&doc, &settings).map_err(|e| e.in_file(spec))
}

/// The files of a crate's `src/` directory for `api`.
pub fn crate_files(api: &ir::Api) -> Result<Vec<File>> {
    render::crate_files(emit::emit(api))
}

/// All items for `api` as one token stream of inline modules (what `include_spec!` expands
/// to).
pub fn tokens(api: &ir::Api) -> proc_macro2::TokenStream {
    render::single_tokens(&emit::emit(api))
}

/// All items for `api` as one formatted file (for `include!` in a build script).
pub fn single_file(api: &ir::Api) -> Result<String> {
    render::single_file(&emit::emit(api))
}

/// Generates the files for `spec` into `out`. On any error nothing in `out` changes.
pub fn generate(spec: &Path, out: &Path, overrides: &Settings) -> Result<Vec<File>> {
    generate_with_warnings(spec, out, overrides).map(|(files, _)| files)
}

/// [`generate`], also returning what generation went past ([`ir::Api::warnings`], such as
/// patterns it cannot enforce).
pub fn generate_with_warnings(
    spec: &Path,
    out: &Path,
    overrides: &Settings,
) -> Result<(Vec<File>, Vec<ir::Warning>)> {
    let api = load(spec, overrides)?;
    let files = crate_files(&api).map_err(|e| e.in_file(spec))?;
    output::write_dir(out, &files)?;
    Ok((files, api.warnings))
}

/// The files in `out` that differ from what [`generate`] would write (empty: up to date).
pub fn check(spec: &Path, out: &Path, overrides: &Settings) -> Result<Vec<String>> {
    check_with_warnings(spec, out, overrides).map(|(stale, _)| stale)
}

/// [`check`], also returning the warnings of the generation it compares with.
pub fn check_with_warnings(
    spec: &Path,
    out: &Path,
    overrides: &Settings,
) -> Result<(Vec<String>, Vec<ir::Warning>)> {
    let api = load(spec, overrides)?;
    let files = crate_files(&api).map_err(|e| e.in_file(spec))?;
    Ok((output::check_dir(out, &files), api.warnings))
}
