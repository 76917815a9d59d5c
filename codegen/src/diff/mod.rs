//! What changed between two specs, and whom it breaks.
//!
//! [`diff()`] compares two [`ir::Api`]s (operations by `operationId`, types by schema name)
//! and reports each change once, at the place it is made: a change to a schema shared by
//! many operations is reported at the schema, with the operations that reach it through
//! their inputs, outputs or errors ([`Change::reaches`]).
//!
//! ```no_run
//! use std::path::Path;
//! let settings = specgen::Settings::default();
//! let old = specgen::load(Path::new("spec/old.yaml"), &settings)?;
//! let new = specgen::load(Path::new("spec/cognito-idp.yaml"), &settings)?;
//! let report = specgen::diff::diff(&old, &new);
//! print!("{}", report.render_text());
//! if report.has(specgen::diff::Class::Api) {
//!     println!("cargo:warning=the regenerated bindings break the Rust API");
//! }
//! # Ok::<(), specgen::Error>(())
//! ```
//!
//! # Classification
//!
//! Each change has a **wire** impact on two sides, each `compatible`, `warning` or
//! `breaking`:
//!
//! - `old_client`: a client built against the old spec, talking to a server built against
//!   the new one;
//! - `new_client`: a client built against the new spec, talking to a server built against
//!   the old one.
//!
//! `breaking` means requests that used to succeed are rejected, or responses fail to read
//! or lack what the client requires; `warning` means everything still reads, but a side may
//! meet what it does not know (an enum value kept as `Unlisted_`, an error code the operation
//! does not list) or lose data (a member the server ignores or no longer sends). A change
//! inside a schema takes the rule of the direction its values travel: *request* when some
//! operation's input reaches it, *response* when some output or error does, the worse of
//! both when both, and no wire effect when no operation uses it. Servers ignore members they
//! do not know; clients do not validate responses.
//!
//! Changes to the service and its operations (`—` is compatible):
//!
//! | change | old client | new client | Rust API |
//! |---|---|---|---|
//! | operation added | — | breaking: old servers answer `UnknownOperationException` | breaking: `Operation`, `Request` and `Response` are exhaustive enums |
//! | operation removed | breaking | — | breaking |
//! | input or output replaced by another schema | breaking | breaking | breaking: the variant of `Request` or `Response` holds another type |
//! | … by a schema with the same wire content | — | — | breaking |
//! | error added to an operation | warning: a code it does not list | — | breaking: `errors::<Op>Error` is exhaustive (AWS JSON) |
//! | error removed from an operation | — | warning | breaking (AWS JSON) |
//! | route changed (target, method or path) | breaking | breaking | — |
//! | parameter added, removed, required or optional | as a request member | as a request member | — (only `Operation::parameters()`); no wire effect on AWS JSON, which reads only the body |
//! | protocol or AWS target prefix changed | breaking | breaking | breaking between AWS JSON and generic |
//! | pattern mode changed | breaking when now full match (tighter) | breaking when now search (looser) | — |
//! | validation exception changed | warning | warning | — |
//! | type added | — | — | — |
//! | type removed or renamed in Rust | — (its uses are reported where they change) | — | breaking |
//! | exception added or removed | — | — | breaking: `Error` is exhaustive (AWS JSON) |
//!
//! Changes inside schemas, by the direction their values travel (old client / new client):
//!
//! | change | in requests | in responses | Rust API |
//! |---|---|---|---|
//! | optional member added | — / warning: old servers ignore it | — / — | breaking: structures are not `#[non_exhaustive]`, struct literals miss the field |
//! | required member added | breaking / warning | — / breaking | breaking |
//! | optional member removed | warning: new servers ignore it / — | warning: no longer sent / — | breaking |
//! | required member removed | warning / breaking | breaking / — | breaking |
//! | required → optional, or made `nullable` | — / breaking | breaking / — | breaking: `T` → `Option<T>` |
//! | optional → required, or no longer `nullable` | breaking / — | — / breaking | breaking: `Option<T>` → `T` |
//! | `required` or `nullable` flipped, presence unchanged | — / — | — / — | — |
//! | type changed | breaking / breaking | breaking / breaking | breaking |
//! | … to a type with the same wire content | — / — | — / — | breaking |
//! | `int32` → `int64`, `float` → `double` | — / breaking | breaking / — | breaking |
//! | `int64` → `int32`, `double` → `float` | breaking / — | — / breaking | breaking |
//! | string enum value added | — / breaking: old servers reject it | warning: read as `Unlisted_` / — | —: string enums are `#[non_exhaustive]` |
//! | string enum value removed | breaking / — | — / warning | breaking: the variant disappears |
//! | enum became a string | — / breaking | warning / — | breaking |
//! | string became an enum | breaking / — | — / warning | breaking |
//! | integer enum value added / removed | as string enums | as string enums | — (plain integers) |
//! | limit relaxed: max raised, min lowered, pattern removed | — / breaking | warning / — | — |
//! | limit tightened: max lowered, min raised, pattern added | breaking / — | — / warning | — |
//! | pattern replaced | breaking / breaking | warning / warning | — |
//! | `oneOf` alternative added | — / breaking | breaking / — | breaking: unions are exhaustive enums |
//! | `oneOf` alternative removed | breaking / — | — / breaking | breaking |
//! | Rust name of a member or enum variant changed; boxing changed | — / — | — / — | breaking |
//! | undeclared members kept ↔ ignored | — / — | — / — | breaking (a map field) |
//! | sensitive ↔ not sensitive | — / — | — / — | — (only `Debug` output changes) |
//!
//! Limits are `minLength`/`maxLength` ([`Kind::LengthChanged`]), `minItems`/`maxItems` and
//! `minProperties`/`maxProperties` ([`Kind::ItemCountChanged`]), `minimum`/`maximum`
//! ([`Kind::RangeChanged`]) and `pattern` ([`Kind::PatternChanged`]); each bound is its own
//! change. A constraint on an alias is reported at the alias; a constraint written at a
//! use site, at that member.
//!
//! # JSON
//!
//! [`Report::to_json`] writes one object: `format` (`"specgen-diff"`), `format_version`
//! (`1`), `old` and `new` (`title`, `version`), `summary` (counts, as [`Summary`]) and
//! `changes`, in report order (service, operations by `operationId`, schemas by name, then
//! member, value and kind). Each change has every key, `null` when it does not apply:
//! `kind` ([`Kind::as_str`]), `where` ([`Change::location`]), `operation`, `schema`,
//! `member`, `value`, `wire` (`{"old_client": …, "new_client": …}`, each `"compatible"`,
//! `"warning"` or `"breaking"`), `api` (`"compatible"` or `"breaking"`), `detail`, `old`,
//! `new` (numbers, strings or booleans) and `reaches` (an object from `operationId` to the
//! parts that reach the schema: `["input"]`, `["output", "errors"]`, …).
//! New keys may be added; a changed meaning bumps `format_version`.

mod change;
mod classify;
mod compare;
mod content;
mod json;
mod render;
mod shapes;
mod usage;

use serde::Serialize;

pub use change::{Api, Change, Class, Impact, Kind, Roles, Wire};

use crate::ir;

/// Which spec a side of the report is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecInfo {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
}

impl SpecInfo {
    fn of(api: &ir::Api) -> Self {
        SpecInfo {
            title: api.title.clone(),
            version: api.version.clone(),
        }
    }
}

/// Counts of changes by class; a change may count in several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every change.
    pub changes: usize,
    /// Changes that break old clients against a new server.
    pub old_client_breaking: usize,
    /// Changes that break new clients against an old server.
    pub new_client_breaking: usize,
    /// Changes with a wire warning on either side.
    pub warnings: usize,
    /// Changes that break the Rust API.
    pub api_breaking: usize,
    /// Changes compatible on both sides of the wire and in Rust.
    pub compatible: usize,
}

/// The changes between two specs.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The old spec.
    pub old: SpecInfo,
    /// The new spec.
    pub new: SpecInfo,
    /// Every change, in report order (see the module docs).
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether the specs have no differences that matter to generated code.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether some change belongs to `class`.
    pub fn has(&self, class: Class) -> bool {
        self.changes.iter().any(|c| c.is(class))
    }

    /// Counts by class.
    pub fn summary(&self) -> Summary {
        let count = |class| self.changes.iter().filter(|c| c.is(class)).count();
        Summary {
            changes: self.changes.len(),
            old_client_breaking: count(Class::OldClient),
            new_client_breaking: count(Class::NewClient),
            warnings: count(Class::Warning),
            api_breaking: count(Class::Api),
            compatible: self
                .changes
                .iter()
                .filter(|c| c.wire == Wire::COMPATIBLE && c.api == Api::Compatible)
                .count(),
        }
    }

    /// The summary as one line, e.g. `3 changes: 1 breaks old clients, …`.
    pub fn summary_line(&self) -> String {
        render::summary_line(&self.summary())
    }

    /// The report for people: a table grouped by operation (a schema only one operation
    /// reaches goes with it), then shared schemas with the operations they reach, then
    /// schemas no operation uses; a summary line at the end.
    pub fn render_text(&self) -> String {
        render::render(self)
    }

    /// The report as a JSON document (described in the module docs), ending in a newline.
    pub fn to_json(&self) -> String {
        json::render(self)
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &ir::Api, new: &ir::Api) -> Report {
    let mut d = compare::Differ::new(old, new);
    d.service();
    d.operations();
    d.types();
    let mut changes = d.changes;
    changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Report {
        old: SpecInfo::of(old),
        new: SpecInfo::of(new),
        changes,
    }
}
