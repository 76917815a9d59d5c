//! Which operations reach which schemas, and in which direction values of a schema travel.

use std::collections::{BTreeMap, BTreeSet};

use super::change::Roles;
use crate::ir::{Api, TypeId};

/// The directions a schema's values travel in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Direction {
    /// Reached from some operation's input: clients send it, servers validate it.
    pub request: bool,
    /// Reached from some operation's output or errors: servers send it, clients read it.
    pub response: bool,
}

impl Direction {
    pub const REQUEST: Direction = Direction {
        request: true,
        response: false,
    };
    pub const RESPONSE: Direction = Direction {
        request: false,
        response: true,
    };
}

/// The part of an operation a walk starts from.
#[derive(Clone, Copy)]
enum Part {
    Input,
    Output,
    Errors,
}

/// Reachability of schemas from operations, over both specs.
#[derive(Debug, Default)]
pub(crate) struct Usage {
    /// Schema name → the `operationId`s that reach it, and through which parts.
    by_schema: BTreeMap<String, BTreeMap<String, Roles>>,
    /// Schema name → directions.
    direction: BTreeMap<String, Direction>,
}

impl Usage {
    /// Usage in `old` and `new` together: a change matters wherever either spec uses the
    /// schema.
    pub fn of(old: &Api, new: &Api) -> Usage {
        let mut usage = Usage::default();
        usage.add(old);
        usage.add(new);
        usage
    }

    fn add(&mut self, api: &Api) {
        for op in &api.operations {
            let mut input: Vec<TypeId> = op.input.into_iter().collect();
            input.extend(op.parameters.iter().filter_map(|p| p.shape.named()));
            let roots = [
                (input, Direction::REQUEST, Part::Input),
                (
                    op.output.into_iter().collect(),
                    Direction::RESPONSE,
                    Part::Output,
                ),
                (op.errors.clone(), Direction::RESPONSE, Part::Errors),
            ];
            for (ids, dir, part) in roots {
                for name in reachable(api, &ids) {
                    let roles = self
                        .by_schema
                        .entry(name.clone())
                        .or_default()
                        .entry(op.id.clone())
                        .or_default();
                    match part {
                        Part::Input => roles.input = true,
                        Part::Output => roles.output = true,
                        Part::Errors => roles.errors = true,
                    }
                    let d = self.direction.entry(name).or_default();
                    d.request |= dir.request;
                    d.response |= dir.response;
                }
            }
        }
    }

    /// The operations that reach `schema`, and through which parts.
    pub fn operations(&self, schema: &str) -> BTreeMap<String, Roles> {
        self.by_schema.get(schema).cloned().unwrap_or_default()
    }

    /// The directions `schema` travels in (neither, when no operation reaches it).
    pub fn direction(&self, schema: &str) -> Direction {
        self.direction.get(schema).copied().unwrap_or_default()
    }
}

/// Schema names of the types reachable from `roots`, the roots included.
fn reachable(api: &Api, roots: &[TypeId]) -> BTreeSet<String> {
    let mut seen = vec![false; api.types.len()];
    let mut stack: Vec<TypeId> = roots.to_vec();
    let mut names = BTreeSet::new();
    while let Some(id) = stack.pop() {
        match seen.get_mut(id.0) {
            Some(s) if !*s => *s = true,
            _ => continue,
        }
        let def = api.ty(id);
        names.insert(def.schema_name.clone());
        stack.extend(def.refers_to());
    }
    names
}
