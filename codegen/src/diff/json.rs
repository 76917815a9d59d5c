//! The JSON document: a stable shape, keys in a fixed order, changes in report order.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::change::{Api, Change, Kind, Wire};
use super::{Report, SpecInfo, Summary};

/// Bumped when a field changes meaning or disappears; new fields may appear without it.
pub(crate) const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    old: &'a SpecInfo,
    new: &'a SpecInfo,
    summary: Summary,
    changes: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    kind: Kind,
    #[serde(rename = "where")]
    location: String,
    operation: Option<&'a str>,
    schema: Option<&'a str>,
    member: Option<&'a str>,
    value: Option<&'a str>,
    wire: Wire,
    api: Api,
    detail: &'a str,
    old: &'a Option<Value>,
    new: &'a Option<Value>,
    reaches: BTreeMap<&'a str, Vec<&'static str>>,
}

impl<'a> Entry<'a> {
    fn of(c: &'a Change) -> Self {
        Entry {
            kind: c.kind,
            location: c.location(),
            operation: c.operation.as_deref(),
            schema: c.schema.as_deref(),
            member: c.member.as_deref(),
            value: c.value.as_deref(),
            wire: c.wire,
            api: c.api,
            detail: &c.detail,
            old: &c.old,
            new: &c.new,
            reaches: c
                .reaches
                .iter()
                .map(|(op, roles)| (op.as_str(), roles.names()))
                .collect(),
        }
    }
}

pub(crate) fn render(report: &Report) -> String {
    let doc = Document {
        format: "specgen-diff",
        format_version: FORMAT_VERSION,
        old: &report.old,
        new: &report.new,
        summary: report.summary(),
        changes: report.changes.iter().map(Entry::of).collect(),
    };
    // Plain data of known shape: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
