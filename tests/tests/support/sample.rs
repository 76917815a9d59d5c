//! Sample JSON values of any spec's types, built from specgen's IR: what the operation
//! tests of the Cognito crate and of the fixture specs share.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};
use specgen::ir::{Api, Shape, ShapeKind, TypeId, TypeKind};

#[path = "bounds.rs"]
mod bounds;
use bounds::{bound_f64, bound_i64, count, timestamp};

/// Which members a sample body has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only required members, at every level.
    Required,
    /// Every member, at every level (an optional member whose type is already being
    /// filled further out is left out, so recursive types end).
    All,
}

/// A JSON value of the named type, valid for its schema where `pattern_sample` gives a
/// matching value for each pattern (`None`: a plain string of the right length).
pub fn sample_type(
    api: &Api,
    id: TypeId,
    fill: Fill,
    pattern_sample: &dyn Fn(&str) -> Option<String>,
) -> Value {
    Sampler {
        api,
        fill,
        pattern_sample,
        stack: Vec::new(),
    }
    .named(id)
}

struct Sampler<'a> {
    api: &'a Api,
    fill: Fill,
    pattern_sample: &'a dyn Fn(&str) -> Option<String>,
    stack: Vec<TypeId>,
}

impl Sampler<'_> {
    fn named(&mut self, id: TypeId) -> Value {
        let def = self.api.ty(id);
        match &def.kind {
            TypeKind::Struct(s) | TypeKind::Exception(s) => {
                self.stack.push(id);
                let mut map = Map::new();
                for field in &s.fields {
                    let include =
                        field.required || (self.fill == Fill::All && !self.recurses(&field.shape));
                    if include {
                        let value = self.shape(
                            &field.shape,
                            &format!("{}.{}", def.schema_name, field.wire_name),
                        );
                        map.insert(field.wire_name.clone(), value);
                    }
                }
                self.stack.pop();
                Value::Object(map)
            }
            TypeKind::Enum(e) => Value::from(
                e.values
                    .first()
                    .unwrap_or_else(|| panic!("enum {} has no value", def.schema_name))
                    .wire
                    .clone(),
            ),
            TypeKind::Alias(shape) => {
                let shape = shape.clone();
                self.shape(&shape, &def.schema_name)
            }
            other => panic!(
                "{}: no sample for a type of this kind: {other:?}",
                def.schema_name
            ),
        }
    }

    /// Whether filling `shape` would enter a type already being filled.
    fn recurses(&self, shape: &Shape) -> bool {
        let mut ids = Vec::new();
        collect_types(self.api, shape, &mut ids, &mut BTreeSet::new());
        ids.iter().any(|id| self.stack.contains(id))
    }

    fn shape(&mut self, shape: &Shape, at: &str) -> Value {
        let shape = self.api.resolve(shape);
        let c = &shape.constraints;
        match &shape.kind {
            ShapeKind::String => {
                let value = c
                    .pattern
                    .and_then(|p| (self.pattern_sample)(&self.api.patterns[p.0].source))
                    .unwrap_or_else(|| "x".repeat(count(c.min_len, c.max_len) as usize));
                let len = value.chars().count() as u64;
                assert!(
                    c.min_len.is_none_or(|min| len >= min)
                        && c.max_len.is_none_or(|max| len <= max),
                    "the sample {value:?} for {at} does not fit its length limits {:?}..={:?}",
                    c.min_len,
                    c.max_len
                );
                Value::from(value)
            }
            ShapeKind::Integer(_) => {
                let v = c.minimum.map(bound_i64).unwrap_or(1);
                Value::from(match c.maximum.map(bound_i64) {
                    Some(max) => v.min(max),
                    None => v,
                })
            }
            ShapeKind::Number(_) => {
                let min = c.minimum.map(bound_f64);
                let max = c.maximum.map(bound_f64);
                let mut v = min.unwrap_or(1.5);
                if let Some(max) = max {
                    v = v.min(max);
                }
                Value::from(v)
            }
            ShapeKind::Boolean => Value::from(true),
            // A quarter second when every member is filled.
            ShapeKind::Timestamp => timestamp(c.timestamp_format, self.fill == Fill::All),
            ShapeKind::Any => json!({"any": [1, "two", null]}),
            ShapeKind::List(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                Value::Array(
                    (0..n)
                        .map(|_| self.shape(&inner, &format!("{at}[]")))
                        .collect(),
                )
            }
            ShapeKind::Map(inner) => {
                let n = count(c.min_len, c.max_len);
                let inner = (**inner).clone();
                let mut map = Map::new();
                for i in 1..=n {
                    // A key shape with rules (a pattern, an enum) gives the key.
                    let key = match c.map_key.as_deref().map(|key| self.shape(key, at)) {
                        Some(Value::String(key)) => key,
                        _ => format!("key{i}"),
                    };
                    map.insert(key, self.shape(&inner, &format!("{at}{{}}")));
                }
                Value::Object(map)
            }
            ShapeKind::Named(id) => self.named(*id),
        }
    }
}

fn collect_types(api: &Api, shape: &Shape, out: &mut Vec<TypeId>, seen: &mut BTreeSet<TypeId>) {
    match &shape.kind {
        ShapeKind::List(inner) | ShapeKind::Map(inner) => collect_types(api, inner, out, seen),
        ShapeKind::Named(id) if seen.insert(*id) => {
            out.push(*id);
            if let TypeKind::Alias(inner) = &api.ty(*id).kind {
                collect_types(api, inner, out, seen);
            }
        }
        _ => {}
    }
}
