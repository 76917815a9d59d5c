//! Values compared where they are used: a member, list items, map values, an alias's
//! target. Types and constraints; a named type used on both sides is compared at its own
//! schema, not at each use.

use serde_json::Value;

use super::change::{Api as ApiImpact, Kind};
use super::classify::{self, Effect};
use super::compare::{Differ, Site, text};
use crate::ir::{Api, Bound, Constraints, Exclusive, FloatWidth, IntWidth, Shape, ShapeKind};

/// Constraints with patterns as text, so that two APIs' constraints compare.
#[derive(Debug, Clone, PartialEq)]
struct Limits {
    min_len: Option<u64>,
    max_len: Option<u64>,
    pattern: Option<String>,
    minimum: Option<Bound>,
    maximum: Option<Bound>,
    exclusive: Exclusive,
    sensitive: bool,
    int_enum: Option<Vec<i64>>,
}

impl Limits {
    fn of(api: &Api, c: &Constraints) -> Limits {
        Limits {
            min_len: c.min_len,
            max_len: c.max_len,
            pattern: c
                .pattern
                .and_then(|p| api.patterns.get(p.0))
                .map(|p| p.source.clone()),
            minimum: c.minimum,
            maximum: c.maximum,
            exclusive: c.exclusive,
            sensitive: c.sensitive,
            int_enum: c.int_enum.clone(),
        }
    }
}

/// What the limits of a value are called, by its representation.
#[derive(Debug, Clone, Copy)]
enum Measure {
    Length,
    Items,
    Entries,
    Value,
}

impl Measure {
    fn of(kind: &ShapeKind) -> Measure {
        match kind {
            ShapeKind::List(_) => Measure::Items,
            ShapeKind::Map(_) => Measure::Entries,
            ShapeKind::Integer(_) | ShapeKind::Number(_) => Measure::Value,
            _ => Measure::Length,
        }
    }

    fn kind(self) -> Kind {
        match self {
            Measure::Length => Kind::LengthChanged,
            Measure::Items | Measure::Entries => Kind::ItemCountChanged,
            Measure::Value => Kind::RangeChanged,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Measure::Length => "length",
            Measure::Items => "items",
            Measure::Entries => "entries",
            Measure::Value => "value",
        }
    }
}

fn bound_value(b: Bound) -> Value {
    match b {
        Bound::Int(v) => Value::from(v),
        Bound::Float(v) => serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
    }
}

fn bound_text(b: Option<Bound>, exclusive: bool) -> String {
    match b {
        Some(Bound::Int(v)) => v.to_string(),
        Some(Bound::Float(v)) if exclusive => format!("{v} (exclusive)"),
        Some(Bound::Float(v)) => v.to_string(),
        None => "none".to_owned(),
    }
}

/// Orders bounds; `None` is the open end, below every minimum or above every maximum.
fn bound_cmp(a: Bound, b: Bound) -> std::cmp::Ordering {
    match (a, b) {
        (Bound::Int(x), Bound::Int(y)) => x.cmp(&y),
        _ => {
            let f = |b: Bound| match b {
                Bound::Int(v) => v as f64,
                Bound::Float(v) => v,
            };
            f(a).total_cmp(&f(b))
        }
    }
}

impl Differ<'_> {
    /// Compares the value `o` (old) with `n` (new) at `site`.
    pub(crate) fn shapes(&mut self, site: &Site, o: &Shape, n: &Shape) {
        if let (ShapeKind::Named(a), ShapeKind::Named(b)) = (&o.kind, &n.kind)
            && self.old.ty(*a).schema_name == self.new.ty(*b).schema_name
        {
            // The type's own changes are reported at its schema; here only what the use
            // site adds, compared as the limits in force.
            if Limits::of(self.old, &o.constraints) != Limits::of(self.new, &n.constraints) {
                let ro = self.old.resolve(o);
                let rn = self.new.resolve(n);
                self.limits(site, &ro, &rn);
            }
            return;
        }
        let ro = self.old.resolve(o);
        let rn = self.new.resolve(n);
        match (&ro.kind, &rn.kind) {
            (ShapeKind::List(i), ShapeKind::List(j)) => {
                self.limits(site, &ro, &rn);
                self.shapes(&site.child("[]"), i, j);
            }
            (ShapeKind::Map(i), ShapeKind::Map(j)) => {
                self.limits(site, &ro, &rn);
                self.shapes(&site.child("{}"), i, j);
            }
            (ShapeKind::Named(a), ShapeKind::Named(b))
                if self.old.ty(*a).schema_name == self.new.ty(*b).schema_name =>
            {
                self.limits(site, &ro, &rn);
            }
            (ShapeKind::String, ShapeKind::String)
            | (ShapeKind::Boolean, ShapeKind::Boolean)
            | (ShapeKind::Timestamp, ShapeKind::Timestamp)
            | (ShapeKind::Any, ShapeKind::Any) => self.limits(site, &ro, &rn),
            (ShapeKind::Integer(a), ShapeKind::Integer(b)) => {
                if a != b {
                    let widened = *a == IntWidth::I32;
                    self.width(site, widened, &ro, &rn);
                }
                self.limits(site, &ro, &rn);
            }
            (ShapeKind::Number(a), ShapeKind::Number(b)) => {
                if a != b {
                    let widened = *a == FloatWidth::F32;
                    self.width(site, widened, &ro, &rn);
                }
                self.limits(site, &ro, &rn);
            }
            _ => {
                let same = super::content::same_shape(self.old, o, self.new, n);
                let (on, nn) = (describe(self.old, o), describe(self.new, n));
                self.push(
                    site,
                    Kind::TypeChanged,
                    None,
                    if same {
                        Effect::none()
                    } else {
                        classify::type_replaced(site.dir)
                    },
                    // The Rust type differs (aliases resolved, so only a real change).
                    ApiImpact::Breaking,
                    format!(
                        "type {on} -> {nn}{}",
                        if same { " (same wire content)" } else { "" }
                    ),
                    text(on),
                    text(nn),
                );
            }
        }
    }

    fn width(&mut self, site: &Site, widened: bool, o: &Shape, n: &Shape) {
        let (on, nn) = (describe(self.old, o), describe(self.new, n));
        self.push(
            site,
            Kind::TypeChanged,
            None,
            if widened {
                classify::widened(site.dir)
            } else {
                classify::narrowed(site.dir)
            },
            ApiImpact::Breaking,
            format!(
                "type {on} -> {nn} ({})",
                if widened { "wider" } else { "narrower" }
            ),
            text(on),
            text(nn),
        );
    }

    /// Compares the constraints in force on two resolved shapes of the same kind.
    fn limits(&mut self, site: &Site, o: &Shape, n: &Shape) {
        let a = Limits::of(self.old, &o.constraints);
        let b = Limits::of(self.new, &n.constraints);
        if a == b {
            return;
        }
        let m = Measure::of(&n.kind);
        let words = m.words();
        // Constraints change what is accepted, never a Rust type.
        let api = ApiImpact::Compatible;
        // A minimum length of 0 is no minimum.
        let (lo_a, lo_b) = (a.min_len.unwrap_or(0), b.min_len.unwrap_or(0));
        if lo_a != lo_b {
            self.push(
                site,
                m.kind(),
                None,
                if lo_b > lo_a {
                    classify::tightened(site.dir)
                } else {
                    classify::relaxed(site.dir)
                },
                api,
                format!("min {words} {lo_a} -> {lo_b}"),
                Some(Value::from(lo_a)),
                Some(Value::from(lo_b)),
            );
        }
        if a.max_len != b.max_len {
            // `None` is no maximum: above every number.
            let tighter = match (a.max_len, b.max_len) {
                (Some(x), Some(y)) => y < x,
                (None, Some(_)) => true,
                _ => false,
            };
            let show = |v: Option<u64>| v.map_or("none".to_owned(), |v| v.to_string());
            self.push(
                site,
                m.kind(),
                None,
                if tighter {
                    classify::tightened(site.dir)
                } else {
                    classify::relaxed(site.dir)
                },
                api,
                format!("max {words} {} -> {}", show(a.max_len), show(b.max_len)),
                a.max_len.map(Value::from),
                b.max_len.map(Value::from),
            );
        }
        let value_kind = Kind::RangeChanged;
        if a.minimum != b.minimum || a.exclusive.min != b.exclusive.min {
            let tighter = match (a.minimum, b.minimum) {
                // The same bound, now not allowed itself, or allowed again.
                (Some(x), Some(y)) if bound_cmp(y, x).is_eq() => b.exclusive.min,
                (Some(x), Some(y)) => bound_cmp(y, x).is_gt(),
                (None, Some(_)) => true,
                _ => false,
            };
            self.push(
                site,
                value_kind,
                None,
                if tighter {
                    classify::tightened(site.dir)
                } else {
                    classify::relaxed(site.dir)
                },
                api,
                format!(
                    "minimum {} -> {}",
                    bound_text(a.minimum, a.exclusive.min),
                    bound_text(b.minimum, b.exclusive.min)
                ),
                a.minimum.map(bound_value),
                b.minimum.map(bound_value),
            );
        }
        if a.maximum != b.maximum || a.exclusive.max != b.exclusive.max {
            let tighter = match (a.maximum, b.maximum) {
                (Some(x), Some(y)) if bound_cmp(y, x).is_eq() => b.exclusive.max,
                (Some(x), Some(y)) => bound_cmp(y, x).is_lt(),
                (None, Some(_)) => true,
                _ => false,
            };
            self.push(
                site,
                value_kind,
                None,
                if tighter {
                    classify::tightened(site.dir)
                } else {
                    classify::relaxed(site.dir)
                },
                api,
                format!(
                    "maximum {} -> {}",
                    bound_text(a.maximum, a.exclusive.max),
                    bound_text(b.maximum, b.exclusive.max)
                ),
                a.maximum.map(bound_value),
                b.maximum.map(bound_value),
            );
        }
        if a.pattern != b.pattern {
            let (effect, what) = match (&a.pattern, &b.pattern) {
                (None, Some(p)) => (classify::tightened(site.dir), format!("pattern added: {p}")),
                (Some(p), None) => (classify::relaxed(site.dir), format!("pattern removed: {p}")),
                (Some(p), Some(q)) => (
                    classify::pattern_replaced(site.dir),
                    format!("pattern {p} -> {q}"),
                ),
                (None, None) => (Effect::none(), String::new()),
            };
            self.push(
                site,
                Kind::PatternChanged,
                None,
                effect,
                api,
                what,
                a.pattern.clone().map(Value::String),
                b.pattern.clone().map(Value::String),
            );
        }
        if a.int_enum != b.int_enum {
            self.int_enum(site, a.int_enum.as_deref(), b.int_enum.as_deref());
        }
        if a.sensitive != b.sensitive {
            let state = |s: bool| if s { "sensitive" } else { "not sensitive" };
            self.push(
                site,
                Kind::SensitiveChanged,
                None,
                Effect::none(),
                api,
                format!(
                    "{} -> {} (changes only what `Debug` and validation messages show)",
                    state(a.sensitive),
                    state(b.sensitive)
                ),
                Some(Value::Bool(a.sensitive)),
                Some(Value::Bool(b.sensitive)),
            );
        }
    }

    /// Integer enums: plain integers in Rust, so only the wire changes.
    fn int_enum(&mut self, site: &Site, a: Option<&[i64]>, b: Option<&[i64]>) {
        let api = ApiImpact::Compatible;
        match (a, b) {
            (Some(a), Some(b)) => {
                let mut values: Vec<i64> = a.iter().chain(b).copied().collect();
                values.sort_unstable();
                values.dedup();
                for v in values {
                    match (a.contains(&v), b.contains(&v)) {
                        (false, true) => self.push(
                            site,
                            Kind::EnumValueAdded,
                            Some(v.to_string()),
                            classify::enum_value_added(site.dir),
                            api,
                            "integer value added".to_owned(),
                            None,
                            Some(Value::from(v)),
                        ),
                        (true, false) => self.push(
                            site,
                            Kind::EnumValueRemoved,
                            Some(v.to_string()),
                            classify::enum_value_removed(site.dir),
                            api,
                            "integer value removed".to_owned(),
                            Some(Value::from(v)),
                            None,
                        ),
                        _ => {}
                    }
                }
            }
            (a, b) => {
                let show = |v: Option<&[i64]>| {
                    v.map_or("any integer".to_owned(), |v| format!("one of {v:?}"))
                };
                let to_json = |v: Option<&[i64]>| {
                    v.map(|v| Value::Array(v.iter().map(|&i| Value::from(i)).collect()))
                };
                self.push(
                    site,
                    Kind::RangeChanged,
                    None,
                    if b.is_some() {
                        classify::tightened(site.dir)
                    } else {
                        classify::relaxed(site.dir)
                    },
                    api,
                    format!("values {} -> {}", show(a), show(b)),
                    to_json(a),
                    to_json(b),
                );
            }
        }
    }
}

/// A shape in words, e.g. `string`, `list of AttributeType`, `int32`.
pub(crate) fn describe(api: &Api, shape: &Shape) -> String {
    match &shape.kind {
        ShapeKind::String => "string".to_owned(),
        ShapeKind::Integer(IntWidth::I32) => "int32".to_owned(),
        ShapeKind::Integer(IntWidth::I64) => "int64".to_owned(),
        ShapeKind::Number(FloatWidth::F32) => "float".to_owned(),
        ShapeKind::Number(FloatWidth::F64) => "double".to_owned(),
        ShapeKind::Boolean => "boolean".to_owned(),
        ShapeKind::Timestamp => "timestamp".to_owned(),
        ShapeKind::Any => "any".to_owned(),
        ShapeKind::List(inner) => format!("list of {}", describe(api, inner)),
        ShapeKind::Map(inner) => format!("map of {}", describe(api, inner)),
        ShapeKind::Named(id) => api.ty(*id).schema_name.clone(),
    }
}
