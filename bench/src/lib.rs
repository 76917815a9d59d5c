//! Shared pieces of the `specgen` and `cognito-idp` benchmarks (see `benches/` and
//! `BENCHMARKS.md` at the repository root).
//!
//! - [`plain`]: plain serde mirrors of the benchmarked requests, the baseline.
//! - [`garde_mirror`]: a `garde`-validated mirror of `SignUpRequest`.
//! - [`schema`]: JSON Schema documents built from the spec's components, for `jsonschema`.
//! - [`bodies`]: the request bodies, valid and invalid.
//! - [`hostile`]: hostile bodies of any size, for the linear-time benchmark.
//! - [`specs`]: the specs the generation benchmark reads, all from this repository.

#![warn(missing_docs)]

pub mod bodies;
pub mod garde_mirror;
pub mod hostile;
pub mod plain;
pub mod schema;
pub mod specs;

use std::path::PathBuf;

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ has a parent")
        .to_path_buf()
}
