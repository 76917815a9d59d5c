//! The checks the generated `Validate` code shares ([`Checks`]): the statics of the `rules`
//! module and their names, the functions validating request bodies that are aliases, and
//! which modules call the runtime's `check` helpers.
//!
//! Names are claimed here, once, in a fixed order: pattern statics, then string constraint
//! sets (string aliases first, so that a set carries its schema's name, then list and map
//! aliases, then members, then the parameters of REST operations), then element
//! constraint lists in the order the checks name them.
//!
//! The checks themselves are decided here too, in one walk ([`Model`]) over every value
//! the generated `Validate` code checks: types in order, then body validators, then REST
//! requests; within a value its own checks, then a map's keys, its elements, and what is
//! inside them. The walk builds the validation model ([`Check`] trees in
//! [`Checks::types`](crate::ir::Checks::types), [`BodyValidator::checks`] and
//! [`Checks::requests`](crate::ir::Checks::requests)), names each
//! element constraint list as it first meets it and marks the string constraint sets it
//! uses; the emitters only print the model.

use std::collections::HashSet;

use heck::{ToShoutySnakeCase, ToSnakeCase};

use crate::ir::{
    Api, BodyValidator, Bound, Bounds, Check, Collection, ConstraintList, ConstraintListId,
    Constraints, ElementCheck, ElementTest, FloatTest, IntTest, MemberChecks, Protocol,
    RequestChecks, Shape, ShapeKind, Shown, StringRule, StringRuleId, TypeChecks, TypeId, TypeKind,
};
use crate::names::Scope;

/// Fills in [`Api::checks`] from the rest of the IR.
pub(super) fn plan(api: &mut Api) {
    let mut scope = Scope::new();
    api.checks.patterns = (1..=api.patterns.len())
        .map(|i| scope.claim(&format!("PATTERN_{i}")))
        .collect();
    api.checks.strings = string_rules(api, &mut scope);
    let mut model = Model {
        api,
        needs_checks: api.types_needing_checks(),
        scope,
        used: vec![false; api.checks.strings.len()],
        lists: Vec::new(),
    };
    let types = model.types();
    let body_validators = model.body_validators();
    let requests = model.requests();
    let Model { used, lists, .. } = model;
    for (rule, used) in api.checks.strings.iter_mut().zip(used) {
        rule.used = used;
    }
    // Enums check their values with `check::` helpers.
    let enums = api
        .types
        .iter()
        .any(|def| matches!(def.kind, TypeKind::Enum(_)));
    let members = types
        .iter()
        .any(|t| t.members.iter().any(|m| calls_check(&m.checks)) || calls_check(&t.additional));
    let bodies = body_validators.iter().any(|v| calls_check(&v.checks));
    api.checks.types_use_check = enums || members || bodies;
    api.checks.operations_use_check = requests
        .iter()
        .any(|r| r.parameters.iter().any(|p| calls_check(p)) || calls_check(&r.body));
    api.checks.lists = lists;
    api.checks.types = types;
    api.checks.body_validators = body_validators;
    api.checks.requests = requests;
}

/// Whether code performing `checks` calls the runtime's `check::` helpers: everything
/// does but a `Validate` call.
fn calls_check(checks: &[Check]) -> bool {
    checks.iter().any(|check| match check {
        Check::Enum | Check::Nested { .. } => false,
        Check::Each { checks, .. } | Check::Undeclared(checks) => calls_check(checks),
        _ => true,
    })
}

/// Every distinct string constraint set, named after the first schema (or parameter) that
/// has it, whether or not a check uses it.
fn string_rules(api: &Api, scope: &mut Scope) -> Vec<StringRule> {
    let mut rules = Vec::new();
    for lists in [false, true] {
        for def in &api.types {
            if let TypeKind::Alias(shape) = &def.kind {
                let resolved = api.resolve(shape);
                if matches!(resolved.kind, ShapeKind::List(_) | ShapeKind::Map(_)) == lists {
                    visit(
                        api,
                        &resolved,
                        &def.name,
                        &def.schema_name,
                        scope,
                        &mut rules,
                    );
                }
            }
        }
    }
    for def in &api.types {
        let mut shapes: Vec<(&str, &Shape)> = Vec::new();
        match &def.kind {
            TypeKind::Struct(st) | TypeKind::Exception(st) => {
                for f in &st.fields {
                    shapes.push((f.name.trim_start_matches("r#"), &f.shape));
                }
                if let Some(a) = &st.additional {
                    shapes.push((&a.name, &a.shape));
                }
            }
            TypeKind::Union(u) => {
                for v in &u.variants {
                    shapes.push((&v.name, &v.shape));
                }
            }
            TypeKind::Enum(_) | TypeKind::Alias(_) => {}
        }
        for (member, shape) in shapes {
            let hint = format!("{}_{member}", def.name);
            let resolved = api.resolve(shape);
            visit(api, &resolved, &hint, &def.schema_name, scope, &mut rules);
        }
    }
    // After the types, so that no type's set changes name.
    if api.protocol == Protocol::Generic {
        for op in &api.operations {
            for p in &op.parameters {
                let hint = format!("{}_{}", op.request_name, p.field.trim_start_matches("r#"));
                // Docs read "String constraints of `getPet` parameter `petId`.".
                let origin = format!("{}` parameter `{}", op.id, p.name);
                let resolved = api.resolve(&p.shape);
                visit(api, &resolved, &hint, &origin, scope, &mut rules);
            }
        }
    }
    rules
}

/// Adds the string constraint sets of a (resolved) shape and of the keys and elements
/// inside it, named after `hint`.
fn visit(
    api: &Api,
    shape: &Shape,
    hint: &str,
    origin: &str,
    scope: &mut Scope,
    rules: &mut Vec<StringRule>,
) {
    let c = &shape.constraints;
    match &shape.kind {
        // A set already seen keeps its first name.
        ShapeKind::String if c.string_checked() && !rules.iter().any(|r| r.matches(c)) => {
            rules.push(StringRule {
                name: scope.claim(&hint.to_shouty_snake_case()),
                min_len: c.min_len,
                max_len: c.max_len,
                pattern: c.pattern,
                sensitive: c.sensitive,
                origin: origin.to_owned(),
                used: false,
            });
        }
        ShapeKind::List(inner) | ShapeKind::Map(inner) => {
            if let Some(key) = &c.map_key {
                let key = api.resolve(key);
                visit(api, &key, &format!("{hint}_key"), origin, scope, rules);
            }
            let inner = api.resolve(inner);
            visit(api, &inner, &format!("{hint}_item"), origin, scope, rules);
        }
        _ => {}
    }
}

/// The one walk deciding the checks of every value the generated `Validate` code checks,
/// in the order the code is emitted; as it goes, it names the element constraint lists on
/// first use and marks the string constraint sets the checks use.
struct Model<'a> {
    api: &'a Api,
    /// Per type: whether its values have anything to check.
    needs_checks: Vec<bool>,
    /// Every name of the `rules` module so far.
    scope: Scope,
    /// Per string constraint set: whether a check names it.
    used: Vec<bool>,
    lists: Vec<ConstraintList>,
}

impl Model<'_> {
    /// The checks of the members of every type, indexed by type.
    fn types(&mut self) -> Vec<TypeChecks> {
        let api = self.api;
        let mut types = Vec::with_capacity(api.types.len());
        for def in &api.types {
            types.push(match &def.kind {
                TypeKind::Struct(st) | TypeKind::Exception(st) => {
                    let mut members = Vec::with_capacity(st.fields.len());
                    for f in &st.fields {
                        let shape = api.resolve(&f.shape);
                        let checks = self.value(&shape);
                        // A member that is a structure or union is checked only in deep
                        // checks, where nothing stands in for anything.
                        let nested =
                            matches!(shape.kind, ShapeKind::Named(id) if self.checks_itself(id));
                        members.push(MemberChecks {
                            checks,
                            unless_stand_in: !f.optional() && self.reads_wire() && !nested,
                        });
                    }
                    let additional = match &st.additional {
                        Some(a) => {
                            let checks = self.value(&api.resolve(&a.shape));
                            if checks.is_empty() {
                                Vec::new()
                            } else {
                                vec![Check::Undeclared(checks)]
                            }
                        }
                        None => Vec::new(),
                    };
                    TypeChecks {
                        members,
                        additional,
                    }
                }
                TypeKind::Union(u) => TypeChecks {
                    members: u
                        .variants
                        .iter()
                        .map(|v| MemberChecks {
                            checks: self.value(&api.resolve(&v.shape)),
                            unless_stand_in: false,
                        })
                        .collect(),
                    additional: Vec::new(),
                },
                TypeKind::Enum(_) | TypeKind::Alias(_) => TypeChecks::default(),
            });
        }
        types
    }

    /// The functions of the `types` module validating request bodies that are aliases,
    /// named, in operation order, with their checks.
    fn body_validators(&mut self) -> Vec<BodyValidator> {
        let api = self.api;
        // Free functions of the `types` module: types and their impls take no names there.
        let mut functions = Scope::new();
        let mut validators = Vec::new();
        let mut done = HashSet::new();
        for op in &api.operations {
            let Some(input) = op.input else { continue };
            let def = api.ty(input);
            if let TypeKind::Alias(shape) = &def.kind
                && done.insert(input)
            {
                let name = format!("validate_{}", def.name.to_snake_case());
                validators.push(BodyValidator {
                    ty: input,
                    name: functions.claim(&name),
                    checks: self.value(&api.resolve(shape)),
                });
            }
        }
        validators
    }

    /// The checks of REST requests (the `operations` module), per operation; none for
    /// other APIs.
    fn requests(&mut self) -> Vec<RequestChecks> {
        let api = self.api;
        if api.protocol != Protocol::Generic {
            return Vec::new();
        }
        let mut requests = Vec::with_capacity(api.operations.len());
        for op in &api.operations {
            let parameters = op
                .parameters
                .iter()
                .map(|p| self.value(&api.resolve(&p.shape)))
                .collect();
            // The body's members are checked at their own paths, as a body alone is.
            let body = match op.input {
                Some(input) => self.value(&api.resolve(&Shape::plain(ShapeKind::Named(input)))),
                None => Vec::new(),
            };
            requests.push(RequestChecks { parameters, body });
        }
        requests
    }

    /// Whether the code reads request and response bodies itself (AWS JSON), checking
    /// structures as it reads them.
    fn reads_wire(&self) -> bool {
        matches!(self.api.protocol, Protocol::AwsJson { .. })
    }

    /// Whether values of the named type check themselves (`Validate`) when a checking
    /// reader reads them: structures, exceptions and unions.
    fn checks_itself(&self, id: TypeId) -> bool {
        matches!(
            self.api.ty(id).kind,
            TypeKind::Struct(_) | TypeKind::Exception(_) | TypeKind::Union(_)
        )
    }

    /// The checks of a (resolved) value: its own constraints, then those of the values
    /// inside it; empty when nothing applies.
    fn value(&mut self, shape: &Shape) -> Vec<Check> {
        let mut checks = self.own(shape);
        checks.extend(self.inner(shape));
        checks
    }

    /// The constraints of the value itself: a string's length and pattern, a number's
    /// range, an enum's values, a collection's size.
    fn own(&mut self, shape: &Shape) -> Vec<Check> {
        let c = &shape.constraints;
        let mut checks = Vec::new();
        match &shape.kind {
            ShapeKind::String => {
                if let Some(rule) = self.string_rule(shape) {
                    checks.push(Check::String(rule));
                }
                if c.blob_checked() {
                    checks.push(Check::BlobLength(byte_bounds(c)));
                }
            }
            ShapeKind::Integer(width) => {
                if c.minimum.is_some() || c.maximum.is_some() {
                    checks.push(Check::Int {
                        width: *width,
                        bounds: int_bounds(c),
                    });
                }
                if let Some(values) = &c.int_enum {
                    checks.push(Check::IntEnum {
                        width: *width,
                        values: values.clone(),
                    });
                }
            }
            ShapeKind::Number(width) if c.minimum.is_some() || c.maximum.is_some() => {
                checks.push(Check::Float {
                    width: *width,
                    test: float_test(c),
                });
            }
            ShapeKind::List(_) | ShapeKind::Map(_)
                if c.min_len.is_some() || c.max_len.is_some() =>
            {
                checks.push(Check::Size {
                    bounds: len_bounds(c),
                    shown: self.shown(shape),
                    site: None,
                });
            }
            ShapeKind::Named(id) if matches!(self.api.ty(*id).kind, TypeKind::Enum(_)) => {
                checks.push(Check::Enum);
            }
            _ => {}
        }
        checks
    }

    /// The constraints of the values inside: the elements of a list and the keys and
    /// values of a map (their own constraints once at the collection's path, AWS's `Member
    /// must satisfy constraint: [...]`; what is inside them at each element's path), and
    /// the members of a structure or union.
    fn inner(&mut self, shape: &Shape) -> Vec<Check> {
        let api = self.api;
        let mut checks = Vec::new();
        match &shape.kind {
            ShapeKind::List(inner) | ShapeKind::Map(inner) => {
                let of = match shape.kind {
                    ShapeKind::Map(_) => Collection::Map,
                    _ => Collection::List,
                };
                if of == Collection::Map
                    && let Some(key) = &shape.constraints.map_key
                    && let Some(check) = self.element(&api.resolve(key), true)
                {
                    checks.push(Check::Keys { check, site: None });
                }
                let inner = api.resolve(inner);
                if let Some(check) = self.element(&inner, false) {
                    // The list is shown unless it is sensitive or its elements cannot be.
                    let shown = match of {
                        Collection::List => self.shown(shape),
                        // Maps; the other collections are the derive's.
                        _ => None,
                    };
                    checks.push(Check::Elements { of, check, shown });
                }
                let each = self.inner(&inner);
                if !each.is_empty() {
                    checks.push(Check::Each { of, checks: each });
                }
            }
            // Structures and unions check themselves when a checking reader reads them
            // (`from_http`); their container leaves them alone then.
            ShapeKind::Named(id) if self.needs_checks[id.0] && self.checks_itself(*id) => {
                checks.push(Check::Nested {
                    deep_only: self.reads_wire(),
                });
            }
            _ => {}
        }
        checks
    }

    /// The string constraint set of a string shape, marked as used, if it has one.
    fn string_rule(&mut self, shape: &Shape) -> Option<StringRuleId> {
        let c = &shape.constraints;
        if !matches!(shape.kind, ShapeKind::String) || !c.string_checked() {
            return None;
        }
        let i = self.api.checks.strings.iter().position(|r| r.matches(c))?;
        self.used[i] = true;
        Some(StringRuleId(i))
    }

    /// How an element shape (`key`: of map keys, held as text whatever their shape) is
    /// checked against its own constraints, naming their list on first use; `None` when
    /// it has none.
    fn element(&mut self, shape: &Shape, key: bool) -> Option<ElementCheck> {
        let api = self.api;
        let items = api.listed_constraints(shape, key)?;
        let rule = self.string_rule(shape);
        let c = &shape.constraints;
        let test = match &shape.kind {
            ShapeKind::String => ElementTest::String {
                rule,
                blob: c.blob_checked().then(|| byte_bounds(c)),
            },
            ShapeKind::Integer(width) => ElementTest::Int {
                width: *width,
                test: IntTest {
                    bounds: (c.minimum.is_some() || c.maximum.is_some()).then(|| int_bounds(c)),
                    values: c.int_enum.clone(),
                },
            },
            ShapeKind::Number(width) => ElementTest::Float {
                width: *width,
                test: float_test(c),
            },
            ShapeKind::List(_) | ShapeKind::Map(_) => ElementTest::Size {
                bounds: len_bounds(c),
                site: None,
            },
            // Keys are held as text; values as the enum, which knows whether it is known.
            ShapeKind::Named(id) if key => ElementTest::EnumKey(*id),
            ShapeKind::Named(_) => ElementTest::EnumValue,
            // Nothing else lists constraints.
            ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Any => return None,
        };
        if let Some(i) = self.lists.iter().position(|l| l.items == items) {
            return Some(ElementCheck {
                test,
                list: ConstraintListId(i),
            });
        }
        let (hint, what) = match &shape.kind {
            ShapeKind::String => match rule {
                Some(rule) => {
                    let rule = &api.checks.strings[rule.0];
                    (rule.name.clone(), format!("strings of `{}`", rule.origin))
                }
                None => ("BLOB".to_owned(), "a blob".to_owned()),
            },
            ShapeKind::Integer(_) => ("RANGE".to_owned(), "an integer".to_owned()),
            ShapeKind::Number(_) => ("RANGE".to_owned(), "a number".to_owned()),
            ShapeKind::Named(id) => {
                let def = api.ty(*id);
                (
                    def.name.to_shouty_snake_case(),
                    format!("the enum `{}`", def.schema_name),
                )
            }
            _ => ("SIZE".to_owned(), "a list or map".to_owned()),
        };
        let name = self
            .scope
            .claim(&format!("{}_CONSTRAINTS", hint.to_shouty_snake_case()));
        self.lists.push(ConstraintList { name, items, what });
        Some(ElementCheck {
            test,
            list: ConstraintListId(self.lists.len() - 1),
        })
    }

    /// How a list of `shape` (a list shape) writes one element in a message, as Java
    /// prints it, or `None` when the list is not shown: it is sensitive, or its elements
    /// are sensitive strings, blobs, structures, maps or timestamps.
    fn shown(&self, shape: &Shape) -> Option<Shown> {
        let ShapeKind::List(inner) = &shape.kind else {
            return None;
        };
        if shape.constraints.sensitive {
            return None;
        }
        let inner = self.api.resolve(inner);
        let c = &inner.constraints;
        match &inner.kind {
            ShapeKind::String if !c.sensitive && !c.blob_checked() => Some(Shown::Str),
            ShapeKind::Integer(_) | ShapeKind::Number(_) | ShapeKind::Boolean => {
                Some(Shown::Display)
            }
            ShapeKind::Named(id) if matches!(self.api.ty(*id).kind, TypeKind::Enum(_)) => {
                Some(Shown::EnumStr)
            }
            ShapeKind::List(_) => Some(Shown::Nested(Box::new(self.shown(&inner)?))),
            _ => None,
        }
    }
}

/// A blob's size in bytes.
fn byte_bounds(c: &Constraints) -> Bounds<u64> {
    Bounds {
        min: c.min_bytes,
        max: c.max_bytes,
    }
}

/// A string's length or a collection's number of items.
fn len_bounds(c: &Constraints) -> Bounds<u64> {
    Bounds {
        min: c.min_len,
        max: c.max_len,
    }
}

/// An integer's range (a bound written as a number is cut to an integer).
fn int_bounds(c: &Constraints) -> Bounds<i64> {
    Bounds {
        min: c.minimum.map(Bound::as_int),
        max: c.maximum.map(Bound::as_int),
    }
}

/// A number's range, and which of its bounds are exclusive.
fn float_test(c: &Constraints) -> FloatTest {
    FloatTest {
        bounds: Bounds {
            min: c.minimum.map(Bound::as_float),
            max: c.maximum.map(Bound::as_float),
        },
        exclusive: c.exclusive,
    }
}
