//! The checks the generated `Validate` code shares ([`Checks`]): the statics of the `rules`
//! module and their names, the functions validating request bodies that are aliases, and
//! which modules call the runtime's `check` helpers.
//!
//! Names are claimed here, once, in a fixed order: pattern statics, then string constraint
//! sets (string aliases first, so that a set carries its schema's name, then list and map
//! aliases, then members, then the parameters of REST operations), then element
//! constraint lists in the order the checks name them. That last order is the emitters'
//! (types in order, then body validators, then REST requests; within a value its own
//! checks, then a map's keys, its elements, and what is inside them), which [`Planner`]
//! walks the same way without emitting anything.

use std::collections::HashSet;

use heck::{ToShoutySnakeCase, ToSnakeCase};

use crate::ir::{
    Api, BodyValidator, ConstraintList, Protocol, Shape, ShapeKind, StringRule, TypeKind,
};
use crate::names::Scope;

/// Fills in [`Api::checks`] from the rest of the IR.
pub(super) fn plan(api: &mut Api) {
    let mut scope = Scope::new();
    api.checks.patterns = (1..=api.patterns.len())
        .map(|i| scope.claim(&format!("PATTERN_{i}")))
        .collect();
    api.checks.strings = string_rules(api, &mut scope);
    let mut planner = Planner {
        api,
        scope,
        used: vec![false; api.checks.strings.len()],
        lists: Vec::new(),
    };
    let (types_use_check, body_validators) = planner.types();
    let operations_use_check = planner.operations();
    let Planner { used, lists, .. } = planner;
    for (rule, used) in api.checks.strings.iter_mut().zip(used) {
        rule.used = used;
    }
    api.checks.lists = lists;
    api.checks.body_validators = body_validators;
    api.checks.types_use_check = types_use_check;
    api.checks.operations_use_check = operations_use_check;
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

/// Walks every value the generated `Validate` code checks, in the order it is emitted
/// (`emit::validate`), noting the string constraint sets and element lists the checks
/// name and whether they call `check::`.
struct Planner<'a> {
    api: &'a Api,
    /// Every name of the `rules` module so far.
    scope: Scope,
    /// Per string constraint set: whether a check names it.
    used: Vec<bool>,
    lists: Vec<ConstraintList>,
}

impl Planner<'_> {
    /// The checks of the `types` module: `Validate` impls of structures, exceptions and
    /// unions, then the body validators. Returns whether they call `check::` (enums do),
    /// and the body validators, named.
    fn types(&mut self) -> (bool, Vec<BodyValidator>) {
        let api = self.api;
        let mut uses_check = false;
        for def in &api.types {
            match &def.kind {
                TypeKind::Enum(_) => uses_check = true,
                TypeKind::Struct(st) | TypeKind::Exception(st) => {
                    for f in &st.fields {
                        uses_check |= self.value(&api.resolve(&f.shape));
                    }
                    if let Some(a) = &st.additional {
                        uses_check |= self.value(&api.resolve(&a.shape));
                    }
                }
                TypeKind::Union(u) => {
                    for v in &u.variants {
                        uses_check |= self.value(&api.resolve(&v.shape));
                    }
                }
                TypeKind::Alias(_) => {}
            }
        }
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
                });
                uses_check |= self.value(&api.resolve(shape));
            }
        }
        (uses_check, validators)
    }

    /// The checks of REST requests (the `operations` module): whether they call `check::`.
    fn operations(&mut self) -> bool {
        let api = self.api;
        if api.protocol != Protocol::Generic {
            return false;
        }
        let mut uses_check = false;
        for op in &api.operations {
            for p in &op.parameters {
                uses_check |= self.value(&api.resolve(&p.shape));
            }
            if let Some(input) = op.input {
                let body = Shape::plain(ShapeKind::Named(input));
                uses_check |= self.value(&api.resolve(&body));
            }
        }
        uses_check
    }

    /// A (resolved) value: its own constraints, then those of the values inside it.
    /// Returns whether its checks call `check::`.
    fn value(&mut self, shape: &Shape) -> bool {
        let own = self.own(shape);
        let inner = self.inner(shape);
        own || inner
    }

    fn own(&mut self, shape: &Shape) -> bool {
        let c = &shape.constraints;
        match &shape.kind {
            ShapeKind::String => self.string_rule(shape) || c.blob_checked(),
            ShapeKind::Integer(_) => {
                c.minimum.is_some() || c.maximum.is_some() || c.int_enum.is_some()
            }
            ShapeKind::Number(_) => c.minimum.is_some() || c.maximum.is_some(),
            ShapeKind::List(_) | ShapeKind::Map(_) => c.min_len.is_some() || c.max_len.is_some(),
            // An enum checks itself (`Validate`); a structure is checked as `inner`.
            _ => false,
        }
    }

    fn inner(&mut self, shape: &Shape) -> bool {
        let api = self.api;
        let (ShapeKind::List(inner) | ShapeKind::Map(inner)) = &shape.kind else {
            return false;
        };
        let mut uses_check = false;
        if let ShapeKind::Map(_) = shape.kind
            && let Some(key) = &shape.constraints.map_key
        {
            uses_check |= self.element(&api.resolve(key), true);
        }
        let inner = api.resolve(inner);
        uses_check |= self.element(&inner, false);
        uses_check |= self.inner(&inner);
        uses_check
    }

    /// Marks the string constraint set of a string shape as used; whether it has one.
    fn string_rule(&mut self, shape: &Shape) -> bool {
        let c = &shape.constraints;
        if !matches!(shape.kind, ShapeKind::String) || !c.string_checked() {
            return false;
        }
        match self.api.checks.strings.iter().position(|r| r.matches(c)) {
            Some(i) => {
                self.used[i] = true;
                true
            }
            None => false,
        }
    }

    /// An element shape (`key`: of map keys) checked against its own constraints: names
    /// its list on first use. Returns whether it is checked (with `check::` helpers).
    fn element(&mut self, shape: &Shape, key: bool) -> bool {
        let api = self.api;
        let Some(items) = api.listed_constraints(shape, key) else {
            return false;
        };
        self.string_rule(shape);
        if self.lists.iter().any(|l| l.items == items) {
            return true;
        }
        let (hint, what) = match &shape.kind {
            ShapeKind::String => match api.string_rule(&shape.constraints) {
                Some(rule) => (rule.name.clone(), format!("strings of `{}`", rule.origin)),
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
        true
    }
}
