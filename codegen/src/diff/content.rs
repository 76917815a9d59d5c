//! Whether two differently named types carry the same values on the wire: both are written
//! out as canonical text (wire names, presence, constraints, enum values; no Rust or schema
//! names) and compared.

use std::fmt::Write as _;

use crate::ir::{Api, Bound, Shape, ShapeKind, TypeDef, TypeKind};

/// Texts longer than this are not compared (treated as different): a guard against types
/// whose expansion through shared members grows too large.
const LIMIT: usize = 1 << 20;

/// Whether `a` (of `a_api`) and `b` (of `b_api`) have the same wire content.
pub(crate) fn same_type(a_api: &Api, a: &TypeDef, b_api: &Api, b: &TypeDef) -> bool {
    let mut x = Writer::new(a_api);
    x.type_def(a);
    let mut y = Writer::new(b_api);
    y.type_def(b);
    !x.truncated && !y.truncated && x.out == y.out
}

/// Whether two shapes have the same wire content.
pub(crate) fn same_shape(a_api: &Api, a: &Shape, b_api: &Api, b: &Shape) -> bool {
    let mut x = Writer::new(a_api);
    x.shape(a);
    let mut y = Writer::new(b_api);
    y.shape(b);
    !x.truncated && !y.truncated && x.out == y.out
}

struct Writer<'a> {
    api: &'a Api,
    out: String,
    /// Schema names of the types being written, outermost first: a type met again is
    /// written as its distance up this stack, which does not depend on its name.
    stack: Vec<&'a str>,
    truncated: bool,
}

impl<'a> Writer<'a> {
    fn new(api: &'a Api) -> Self {
        Writer {
            api,
            out: String::new(),
            stack: Vec::new(),
            truncated: false,
        }
    }

    fn shape(&mut self, shape: &Shape) {
        if self.out.len() > LIMIT {
            self.truncated = true;
            return;
        }
        let r = self.api.resolve(shape);
        let c = &r.constraints;
        let bound = |b: Option<Bound>| match b {
            Some(Bound::Int(v)) => format!("{v}"),
            Some(Bound::Float(v)) => format!("{v:?}"),
            None => String::new(),
        };
        let pattern = c
            .pattern
            .and_then(|p| self.api.patterns.get(p.0))
            .map_or("", |p| p.source.as_str());
        let _ = write!(
            self.out,
            "<{:?},{:?},{:?},{},{},{:?}>",
            c.min_len,
            c.max_len,
            pattern,
            bound(c.minimum),
            bound(c.maximum),
            c.int_enum
        );
        match &r.kind {
            ShapeKind::String => self.out.push_str("string"),
            ShapeKind::Integer(w) => {
                let _ = write!(self.out, "integer({w:?})");
            }
            ShapeKind::Number(w) => {
                let _ = write!(self.out, "number({w:?})");
            }
            ShapeKind::Boolean => self.out.push_str("boolean"),
            ShapeKind::Timestamp => self.out.push_str("timestamp"),
            ShapeKind::Any => self.out.push_str("any"),
            ShapeKind::List(inner) => {
                self.out.push('[');
                self.shape(inner);
                self.out.push(']');
            }
            ShapeKind::Map(inner) => {
                self.out.push('{');
                self.shape(inner);
                self.out.push('}');
            }
            ShapeKind::Named(id) => {
                let def = self.api.ty(*id);
                self.type_def(def);
            }
        }
    }

    fn type_def(&mut self, def: &'a TypeDef) {
        if let Some(pos) = self.stack.iter().rposition(|s| *s == def.schema_name) {
            let _ = write!(self.out, "^{}", self.stack.len() - pos);
            return;
        }
        self.stack.push(&def.schema_name);
        match &def.kind {
            TypeKind::Struct(st) | TypeKind::Exception(st) => {
                self.out.push_str("struct(");
                // Member order means nothing on the wire.
                let mut fields: Vec<_> = st.fields.iter().collect();
                fields.sort_by(|a, b| a.wire_name.cmp(&b.wire_name));
                for f in fields {
                    let _ = write!(
                        self.out,
                        "{:?}:{}:",
                        f.wire_name,
                        if f.optional() { "opt" } else { "req" }
                    );
                    self.shape(&f.shape);
                    self.out.push(',');
                }
                if let Some(a) = &st.additional {
                    self.out.push_str("..:");
                    self.shape(&a.shape);
                }
                self.out.push(')');
            }
            TypeKind::Enum(e) => {
                self.out.push_str("enum(");
                let mut values: Vec<&str> = e.values.iter().map(|v| v.wire.as_str()).collect();
                values.sort_unstable();
                for v in values {
                    let _ = write!(self.out, "{v:?},");
                }
                self.out.push(')');
            }
            TypeKind::Alias(shape) => self.shape(shape),
            TypeKind::Union(u) => {
                self.out.push_str("union(");
                if let Some(d) = &u.discriminator {
                    let _ = write!(self.out, "{:?}=", d.property);
                    for (value, i) in &d.mapping {
                        let _ = write!(self.out, "{value:?}:{i},");
                    }
                }
                for v in &u.variants {
                    self.shape(&v.shape);
                    self.out.push('|');
                }
                self.out.push(')');
            }
        }
        self.stack.pop();
    }
}
