//! The table for people: changes grouped by operation, then shared schemas, then schemas
//! no operation uses, with a summary line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::change::{Api, Change, Impact, Kind};
use super::{Report, Summary};

/// How many names a list of operations or schemas shows before `+N more`.
const SHOWN: usize = 6;

/// `a, b, c, … (+4 more)`.
fn some_of(names: &[String]) -> String {
    let mut s = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        let _ = write!(s, ", ... (+{} more)", names.len() - SHOWN);
    }
    s
}

fn impact(i: Impact) -> &'static str {
    match i {
        Impact::Compatible => "ok",
        Impact::Warning => "warn",
        Impact::Breaking => "BREAKS",
    }
}

/// Text for one line of a terminal: control characters (a pattern may hold a newline) are
/// escaped.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The cells of one row: kind, where, wire, api, detail.
fn cells(c: &Change) -> [String; 5] {
    [
        c.kind.as_str().to_owned(),
        one_line(&c.location()),
        format!(
            "{}/{}",
            impact(c.wire.old_client),
            impact(c.wire.new_client)
        ),
        match c.api {
            Api::Compatible => "ok",
            Api::Breaking => "BREAKS",
        }
        .to_owned(),
        one_line(&c.detail),
    ]
}

/// One group of rows under a heading.
struct Group<'a> {
    heading: String,
    rows: Vec<&'a Change>,
    /// A line after the rows.
    note: Option<String>,
}

fn groups(report: &Report) -> Vec<Group<'_>> {
    let mut service = Vec::new();
    let mut by_op: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    let mut shared: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    let mut unused = Vec::new();
    // Shared schemas with changes, by the operations they reach.
    let mut shared_by_op: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for c in &report.changes {
        match (&c.operation, &c.schema) {
            (Some(op), _) => by_op.entry(op).or_default().push(c),
            (None, Some(schema)) => {
                let mut ops = c.reaches.iter();
                match (ops.next(), ops.next()) {
                    (None, _) => unused.push(c),
                    // A schema only one operation reaches belongs with that operation.
                    (Some((op, _)), None) => by_op.entry(op).or_default().push(c),
                    _ => {
                        shared.entry(schema).or_default().push(c);
                        // Noted under operations whose bodies reach it: nearly every
                        // operation lists the common exceptions, which says little.
                        for (op, roles) in &c.reaches {
                            if roles.body() {
                                *shared_by_op
                                    .entry(op)
                                    .or_default()
                                    .entry(schema)
                                    .or_default() += 1;
                            }
                        }
                    }
                }
            }
            (None, None) => service.push(c),
        }
    }
    let mut out = Vec::new();
    if !service.is_empty() {
        out.push(Group {
            heading: "service".to_owned(),
            rows: service,
            note: None,
        });
    }
    for (op, mut rows) in by_op {
        // Changes to the operation itself first, then to its schemas.
        rows.sort_by_key(|c| (c.operation.is_none(), c.sort_key()));
        let state = rows.iter().find_map(|c| match c.kind {
            Kind::OperationAdded => Some(" (added)"),
            Kind::OperationRemoved => Some(" (removed)"),
            _ => None,
        });
        let note = shared_by_op.get(op).map(|schemas| {
            let names: Vec<String> = schemas.iter().map(|(s, n)| format!("{s} ({n})")).collect();
            format!(
                "also affected through shared schemas, with their changes: {}",
                some_of(&names)
            )
        });
        out.push(Group {
            heading: format!("operation {op}{}", state.unwrap_or("")),
            rows,
            note,
        });
    }
    for (schema, rows) in shared {
        let ops: Vec<String> = rows
            .first()
            .map(|c| c.reaches.keys().cloned().collect())
            .unwrap_or_default();
        out.push(Group {
            heading: format!(
                "shared schema {schema}, used by {} operations: {}",
                ops.len(),
                some_of(&ops)
            ),
            rows,
            note: None,
        });
    }
    if !unused.is_empty() {
        out.push(Group {
            heading: "schemas no operation uses".to_owned(),
            rows: unused,
            note: None,
        });
    }
    out
}

/// The summary line.
pub(crate) fn summary_line(s: &Summary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {} old clients, {} new clients, {}; Rust API: {}; {}",
        plural(s.changes, "change", "changes"),
        plural(s.old_client_breaking, "breaks", "break"),
        plural(s.new_client_breaking, "breaks", "break"),
        plural(s.warnings, "wire warning", "wire warnings"),
        plural(s.api_breaking, "breaking change", "breaking changes"),
        plural(s.compatible, "fully compatible", "fully compatible"),
    )
}

pub(crate) fn render(report: &Report) -> String {
    let mut out = String::new();
    let side = |s: &super::SpecInfo| format!("{} {}", s.title, s.version);
    let _ = writeln!(
        out,
        "specgen diff: {} -> {}",
        one_line(&side(&report.old)),
        one_line(&side(&report.new))
    );
    if report.changes.is_empty() {
        let _ = writeln!(out, "\nNo changes.\n");
        let _ = writeln!(out, "summary: {}", summary_line(&report.summary()));
        return out;
    }
    out.push_str(
        "wire old/new: old clients against a new server / new clients against an old server:\n\
         \x20             ok, warn (works, but may meet unknown values or lose data), BREAKS\n\
         api:          BREAKS when code written against the old bindings may no longer compile\n",
    );
    let groups = groups(report);
    let header = ["kind", "where", "wire old/new", "api", "detail"];
    let mut widths = header.map(str::len);
    let rows: Vec<Vec<[String; 5]>> = groups
        .iter()
        .map(|g| g.rows.iter().map(|c| cells(c)).collect())
        .collect();
    for row in rows.iter().flatten() {
        for (w, cell) in widths.iter_mut().zip(row.iter()).take(4) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        let mut s = String::from("  ");
        for (i, cell) in cells.iter().enumerate() {
            if i == 4 {
                s.push_str(cell);
            } else {
                let pad = widths[i].saturating_sub(cell.chars().count());
                s.push_str(cell);
                s.push_str(&" ".repeat(pad));
                s.push_str(" | ");
            }
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", line(header));
    let rule = widths.map(|w| "-".repeat(w));
    let _ = writeln!(
        out,
        "  {}-+-{}-+-{}-+-{}-+-------",
        rule[0], rule[1], rule[2], rule[3]
    );
    for (g, rows) in groups.iter().zip(&rows) {
        let _ = writeln!(out, "{}", one_line(&g.heading));
        for r in rows {
            let _ = writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
        }
        if let Some(note) = &g.note {
            let _ = writeln!(out, "  ({})", one_line(note));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "summary: {}", summary_line(&report.summary()));
    out
}
