//! Walks two APIs side by side: the service, the operations and the named types, matched
//! by `operationId` and schema name.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::change::{Api as ApiImpact, Change, Kind};
use super::classify::{self, Effect};
use super::usage::{Direction, Usage};
use crate::ir::{
    Api, Field, Operation, ParamLocation, Parameter, Protocol, StringEnum, Struct, TypeDef,
    TypeKind, Union,
};

/// Where a change is made, and which way the values there travel.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub operation: Option<String>,
    pub schema: Option<String>,
    pub member: Option<String>,
    pub dir: Direction,
    /// Set where nothing travels on the wire: why changes here have no wire effect.
    pub inert: Option<&'static str>,
}

impl Site {
    fn schema(name: &str, dir: Direction) -> Site {
        Site {
            operation: None,
            schema: Some(name.to_owned()),
            member: None,
            dir,
            inert: None,
        }
    }

    fn operation(id: &str) -> Site {
        Site {
            operation: Some(id.to_owned()),
            schema: None,
            member: None,
            dir: Direction::default(),
            inert: None,
        }
    }

    /// The same site, one member (or items, `[]`, or map values, `{}`) further in.
    pub fn child(&self, part: &str) -> Site {
        let member = match (&self.member, part.starts_with(['[', '{'])) {
            (Some(m), true) => format!("{m}{part}"),
            (Some(m), false) => format!("{m}.{part}"),
            (None, _) => part.to_owned(),
        };
        Site {
            member: Some(member),
            ..self.clone()
        }
    }
}

/// Collects the changes between `old` and `new`.
pub(crate) struct Differ<'a> {
    pub old: &'a Api,
    pub new: &'a Api,
    usage: Usage,
    pub changes: Vec<Change>,
}

/// Schema name → type, first definition wins (names are unique in a lowered API).
fn by_schema(api: &Api) -> BTreeMap<&str, &TypeDef> {
    let mut map = BTreeMap::new();
    for def in &api.types {
        map.entry(def.schema_name.as_str()).or_insert(def);
    }
    map
}

/// A JSON string.
pub(crate) fn text(s: impl Into<String>) -> Option<Value> {
    Some(Value::String(s.into()))
}

impl<'a> Differ<'a> {
    pub fn new(old: &'a Api, new: &'a Api) -> Self {
        Differ {
            old,
            new,
            usage: Usage::of(old, new),
            changes: Vec::new(),
        }
    }

    /// Whether either spec is AWS JSON, so that `Request`, `Response`, `Error` and the
    /// per-operation error enums exist in the bindings (a change of protocol is reported on
    /// its own).
    fn aws(&self) -> bool {
        matches!(self.old.protocol, Protocol::AwsJson { .. })
            || matches!(self.new.protocol, Protocol::AwsJson { .. })
    }

    /// Records a change at `site`; `what` says what changed, the effect's reasons why it
    /// matters.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        site: &Site,
        kind: Kind,
        value: Option<String>,
        effect: Effect,
        api: ApiImpact,
        what: String,
        old: Option<Value>,
        new: Option<Value>,
    ) {
        let effect = match site.inert {
            Some(why) => {
                Effect::fixed(super::Impact::Compatible, super::Impact::Compatible, "").because(why)
            }
            None => effect,
        };
        let mut detail = what;
        for why in &effect.why {
            detail.push_str("; ");
            detail.push_str(why);
        }
        let reaches = match (&site.operation, &site.schema) {
            (None, Some(schema)) => self.usage.operations(schema),
            _ => BTreeMap::new(),
        };
        self.changes.push(Change {
            kind,
            operation: site.operation.clone(),
            schema: site.schema.clone(),
            member: site.member.clone(),
            value,
            wire: effect.wire,
            api,
            detail,
            old,
            new,
            reaches,
        });
    }

    /// Changes to the service as a whole.
    pub fn service(&mut self) {
        let site = Site {
            operation: None,
            schema: None,
            member: None,
            dir: Direction::default(),
            inert: None,
        };
        let describe = |p: &Protocol| match p {
            Protocol::AwsJson {
                service,
                json_version,
            } => format!("aws-json {} ({service})", json_version.content_type()),
            Protocol::Generic => "generic".to_owned(),
        };
        if self.old.protocol != self.new.protocol {
            let (o, n) = (describe(&self.old.protocol), describe(&self.new.protocol));
            // Only a change between AWS JSON and generic changes which items are generated.
            let api = if matches!(self.old.protocol, Protocol::AwsJson { .. })
                == matches!(self.new.protocol, Protocol::AwsJson { .. })
            {
                ApiImpact::Compatible
            } else {
                ApiImpact::Breaking
            };
            self.push(
                &site,
                Kind::ProtocolChanged,
                None,
                Effect::fixed(
                    super::Impact::Breaking,
                    super::Impact::Breaking,
                    "every request is routed differently",
                ),
                api,
                format!("protocol {o} -> {n}"),
                text(o),
                text(n),
            );
        }
        if self.old.pattern_mode != self.new.pattern_mode {
            let (o, n) = (
                format!("{:?}", self.old.pattern_mode),
                format!("{:?}", self.new.pattern_mode),
            );
            // A full match accepts a subset of what a search accepts.
            let effect = if matches!(self.new.pattern_mode, crate::pattern::PatternMode::Search) {
                classify::relaxed(Direction::REQUEST)
            } else {
                classify::tightened(Direction::REQUEST)
            };
            self.push(
                &site,
                Kind::PatternModeChanged,
                None,
                effect,
                ApiImpact::Compatible,
                format!("patterns apply as {o} -> {n}"),
                text(o),
                text(n),
            );
        }
        if self.old.validation_error != self.new.validation_error {
            let (o, n) = (&self.old.validation_error, &self.new.validation_error);
            self.push(
                &site,
                Kind::ValidationErrorChanged,
                None,
                Effect::fixed(
                    super::Impact::Warning,
                    super::Impact::Warning,
                    "clients see another error code for invalid requests",
                ),
                ApiImpact::Compatible,
                format!("invalid requests are answered with {n} instead of {o}"),
                text(o.clone()),
                text(n.clone()),
            );
        }
    }

    /// Operations matched by `operationId`.
    pub fn operations(&mut self) {
        let old: BTreeMap<&str, &Operation> = self
            .old
            .operations
            .iter()
            .map(|o| (o.id.as_str(), o))
            .collect();
        let new: BTreeMap<&str, &Operation> = self
            .new
            .operations
            .iter()
            .map(|o| (o.id.as_str(), o))
            .collect();
        let ids: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
        let aws = self.aws();
        for id in ids {
            let site = Site::operation(id);
            match (old.get(id), new.get(id)) {
                (Some(_), None) => self.push(
                    &site,
                    Kind::OperationRemoved,
                    None,
                    classify::operation_removed(aws),
                    // A variant of the exhaustive `Operation` (and `Request`, `Response`)
                    // disappears.
                    ApiImpact::Breaking,
                    "operation removed".to_owned(),
                    None,
                    None,
                ),
                (None, Some(_)) => self.push(
                    &site,
                    Kind::OperationAdded,
                    None,
                    classify::operation_added(aws),
                    // `Operation`, `Request` and `Response` are exhaustive enums.
                    ApiImpact::Breaking,
                    "operation added; `Operation`, `Request` and `Response` gain a variant"
                        .to_owned(),
                    None,
                    None,
                ),
                (Some(o), Some(n)) => self.operation(&site, o, n),
                (None, None) => {}
            }
        }
    }

    fn operation(&mut self, site: &Site, o: &Operation, n: &Operation) {
        if o.name != n.name {
            self.push(
                site,
                Kind::OperationRenamed,
                None,
                Effect::none(),
                ApiImpact::Breaking,
                format!("Rust name {} -> {}", o.name, n.name),
                text(o.name.clone()),
                text(n.name.clone()),
            );
        }
        let (or, nr) = (self.route(self.old, o), self.route(self.new, n));
        if or != nr {
            self.push(
                site,
                Kind::OperationRouteChanged,
                None,
                Effect::fixed(
                    super::Impact::Breaking,
                    super::Impact::Breaking,
                    "requests reach the other side's servers under a route they do not serve",
                ),
                ApiImpact::Compatible,
                format!("route {or} -> {nr}"),
                text(or),
                text(nr),
            );
        }
        self.body(site, Kind::InputChanged, o.input, n.input);
        self.body(site, Kind::OutputChanged, o.output, n.output);
        self.errors(site, o, n);
        self.parameters(site, o, n);
    }

    /// The route of an operation, without the AWS target prefix (a change of prefix is
    /// reported once, as a protocol change).
    fn route(&self, api: &Api, op: &Operation) -> String {
        match (&api.protocol, &op.target) {
            (Protocol::AwsJson { service, .. }, Some(target)) => target
                .strip_prefix(service.as_str())
                .and_then(|t| t.strip_prefix('.'))
                .unwrap_or(target)
                .to_owned(),
            _ => format!("{} {}", op.method, op.path),
        }
    }

    fn body(
        &mut self,
        site: &Site,
        kind: Kind,
        o: Option<crate::ir::TypeId>,
        n: Option<crate::ir::TypeId>,
    ) {
        let o = o.map(|id| self.old.ty(id));
        let n = n.map(|id| self.new.ty(id));
        let name = |d: Option<&TypeDef>| d.map_or("(none)".to_owned(), |d| d.schema_name.clone());
        if name(o) == name(n) {
            // The same schema: its own changes are reported at it.
            return;
        }
        let same = match (o, n) {
            (Some(a), Some(b)) => super::content::same_type(self.old, a, self.new, b),
            (None, None) => true,
            _ => false,
        };
        let dir = if kind == Kind::InputChanged {
            Direction::REQUEST
        } else {
            Direction::RESPONSE
        };
        let (effect, how) = if same {
            (Effect::none(), "same content")
        } else {
            (classify::type_replaced(dir), "different content")
        };
        let which = if kind == Kind::InputChanged {
            "input"
        } else {
            "output"
        };
        self.push(
            site,
            kind,
            None,
            effect,
            // The variant of `Request` or `Response` holds another type.
            ApiImpact::Breaking,
            format!("{which} {} -> {} ({how})", name(o), name(n)),
            text(name(o)),
            text(name(n)),
        );
    }

    fn errors(&mut self, site: &Site, o: &Operation, n: &Operation) {
        let names = |api: &Api, op: &Operation| -> BTreeSet<String> {
            op.errors
                .iter()
                .map(|e| api.ty(*e).schema_name.clone())
                .collect()
        };
        let (old, new) = (names(self.old, o), names(self.new, n));
        // `errors::<Op>Error` is an exhaustive enum (AWS JSON only).
        let api = if self.aws() {
            ApiImpact::Breaking
        } else {
            ApiImpact::Compatible
        };
        for code in new.difference(&old) {
            let site = Site {
                schema: Some(code.clone()),
                ..site.clone()
            };
            self.push(
                &site,
                Kind::ErrorAdded,
                None,
                classify::error_added(),
                api,
                format!("may now return {code}"),
                None,
                text(code.clone()),
            );
        }
        for code in old.difference(&new) {
            let site = Site {
                schema: Some(code.clone()),
                ..site.clone()
            };
            self.push(
                &site,
                Kind::ErrorRemoved,
                None,
                classify::error_removed(),
                api,
                format!("no longer lists {code}"),
                text(code.clone()),
                None,
            );
        }
    }

    fn parameters(&mut self, site: &Site, o: &Operation, n: &Operation) {
        let key = |p: &Parameter| {
            let loc = match p.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
                ParamLocation::Cookie => "cookie",
            };
            (loc, p.name.clone())
        };
        let old: BTreeMap<_, &Parameter> = o.parameters.iter().map(|p| (key(p), p)).collect();
        let new: BTreeMap<_, &Parameter> = n.parameters.iter().map(|p| (key(p), p)).collect();
        let keys: BTreeSet<_> = old.keys().chain(new.keys()).cloned().collect();
        // Parameters appear in generated code only as `Operation::parameters()` metadata.
        let api = ApiImpact::Compatible;
        // An AWS JSON service reads only the body and the target header: parameters that
        // converted specs carry (pagination in the query) mean nothing on its wire.
        let inert = matches!(self.old.protocol, Protocol::AwsJson { .. })
            && matches!(self.new.protocol, Protocol::AwsJson { .. });
        for k in keys {
            let at = Site {
                dir: Direction::REQUEST,
                inert: inert.then_some("AWS JSON services read only the body"),
                ..site.child(&k.1)
            };
            let (loc, name) = (k.0, &k.1);
            match (old.get(&k), new.get(&k)) {
                (Some(p), None) => self.push(
                    &at,
                    Kind::ParameterRemoved,
                    None,
                    classify::member_removed(p.required, Direction::REQUEST),
                    api,
                    format!("{loc} parameter `{name}` removed"),
                    None,
                    None,
                ),
                (None, Some(p)) => self.push(
                    &at,
                    Kind::ParameterAdded,
                    None,
                    classify::member_added(p.required, Direction::REQUEST),
                    api,
                    format!(
                        "{} {loc} parameter `{name}` added",
                        if p.required { "required" } else { "optional" }
                    ),
                    None,
                    None,
                ),
                (Some(a), Some(b)) => {
                    if a.required && !b.required {
                        self.push(
                            &at,
                            Kind::ParameterOptional,
                            None,
                            classify::became_optional(Direction::REQUEST),
                            api,
                            format!("{loc} parameter `{name}` required -> optional"),
                            text("required"),
                            text("optional"),
                        );
                    } else if !a.required && b.required {
                        self.push(
                            &at,
                            Kind::ParameterRequired,
                            None,
                            classify::became_required(Direction::REQUEST),
                            api,
                            format!("{loc} parameter `{name}` optional -> required"),
                            text("optional"),
                            text("required"),
                        );
                    }
                    let before = self.changes.len();
                    self.shapes(&at, &a.shape, &b.shape);
                    for c in &mut self.changes[before..] {
                        c.api = ApiImpact::Compatible;
                    }
                }
                (None, None) => {}
            }
        }
    }

    /// Named types matched by schema name.
    pub fn types(&mut self) {
        let old = by_schema(self.old);
        let new = by_schema(self.new);
        let names: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
        for name in names {
            let site = Site::schema(name, self.usage.direction(name));
            match (old.get(name), new.get(name)) {
                (Some(o), None) => {
                    let exception = matches!(o.kind, TypeKind::Exception(_));
                    self.push(
                        &site,
                        if exception {
                            Kind::ExceptionRemoved
                        } else {
                            Kind::TypeRemoved
                        },
                        None,
                        Effect::none(),
                        ApiImpact::Breaking,
                        if exception {
                            "exception removed; `Error` loses a variant".to_owned()
                        } else {
                            format!("type {} removed", o.name)
                        },
                        None,
                        None,
                    );
                }
                (None, Some(n)) => {
                    let exception = matches!(n.kind, TypeKind::Exception(_));
                    // A new item is an addition; a new variant of the exhaustive `Error`
                    // is not.
                    let api = if exception && self.aws() {
                        ApiImpact::Breaking
                    } else {
                        ApiImpact::Compatible
                    };
                    self.push(
                        &site,
                        if exception {
                            Kind::ExceptionAdded
                        } else {
                            Kind::TypeAdded
                        },
                        None,
                        Effect::none(),
                        api,
                        if exception {
                            "exception added; `Error` gains a variant".to_owned()
                        } else {
                            format!("type {} added ({})", n.name, kind_name(&n.kind))
                        },
                        None,
                        None,
                    );
                }
                (Some(o), Some(n)) => self.type_def(&site, o, n),
                (None, None) => {}
            }
        }
    }

    fn type_def(&mut self, site: &Site, o: &TypeDef, n: &TypeDef) {
        if o.name != n.name {
            self.push(
                site,
                Kind::TypeRenamed,
                None,
                Effect::none(),
                ApiImpact::Breaking,
                format!("Rust name {} -> {}", o.name, n.name),
                text(o.name.clone()),
                text(n.name.clone()),
            );
        }
        match (&o.kind, &n.kind) {
            (TypeKind::Struct(a), TypeKind::Struct(b))
            | (TypeKind::Exception(a), TypeKind::Exception(b)) => self.structure(site, a, b),
            (TypeKind::Enum(a), TypeKind::Enum(b)) => self.string_enum(site, a, b),
            (TypeKind::Alias(a), TypeKind::Alias(b)) => self.shapes(site, a, b),
            (TypeKind::Union(a), TypeKind::Union(b)) => self.union(site, a, b),
            (a, b) => {
                let is_text = |api: &Api, k: &TypeKind| match k {
                    TypeKind::Alias(shape) => {
                        matches!(api.resolve(shape).kind, crate::ir::ShapeKind::String)
                    }
                    _ => false,
                };
                let effect = if matches!(a, TypeKind::Enum(_)) && is_text(self.new, b) {
                    // Both are strings on the wire: the value set opens up.
                    classify::relaxed(site.dir)
                } else if is_text(self.old, a) && matches!(b, TypeKind::Enum(_)) {
                    classify::tightened(site.dir)
                } else if super::content::same_type(self.old, o, self.new, n) {
                    Effect::none()
                } else {
                    classify::type_replaced(site.dir)
                };
                self.push(
                    site,
                    Kind::TypeKindChanged,
                    None,
                    effect,
                    ApiImpact::Breaking,
                    format!("{} -> {}", kind_name(&o.kind), kind_name(&n.kind)),
                    text(kind_name(&o.kind)),
                    text(kind_name(&n.kind)),
                );
            }
        }
    }

    fn structure(&mut self, site: &Site, o: &Struct, n: &Struct) {
        let old: BTreeMap<&str, &Field> =
            o.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
        let new: BTreeMap<&str, &Field> =
            n.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
        let wires: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
        for wire in wires {
            let at = site.child(wire);
            match (old.get(wire), new.get(wire)) {
                (Some(f), None) => self.push(
                    &at,
                    Kind::MemberRemoved,
                    None,
                    classify::member_removed(!f.optional(), site.dir),
                    // Code reading or setting the field no longer compiles.
                    ApiImpact::Breaking,
                    format!(
                        "{} member removed",
                        if f.optional() { "optional" } else { "required" }
                    ),
                    None,
                    None,
                ),
                (None, Some(f)) => self.push(
                    &at,
                    Kind::MemberAdded,
                    None,
                    classify::member_added(!f.optional(), site.dir),
                    // Structures are not `#[non_exhaustive]`: struct literals miss the field.
                    ApiImpact::Breaking,
                    format!(
                        "{} member added; struct literals must set `{}`",
                        if f.optional() { "optional" } else { "required" },
                        f.name
                    ),
                    None,
                    None,
                ),
                (Some(a), Some(b)) => self.field(&at, a, b),
                (None, None) => {}
            }
        }
        match (&o.additional, &n.additional) {
            (None, None) => {}
            (Some(a), Some(b)) => self.shapes(&site.child("{}"), &a.shape, &b.shape),
            (a, b) => {
                let state = |x: bool| if x { "kept" } else { "ignored" };
                self.push(
                    site,
                    Kind::AdditionalPropertiesChanged,
                    None,
                    Effect::none(),
                    // A public map field appears or disappears.
                    ApiImpact::Breaking,
                    format!(
                        "undeclared members {} -> {}",
                        state(a.is_some()),
                        state(b.is_some())
                    ),
                    text(state(a.is_some())),
                    text(state(b.is_some())),
                );
            }
        }
    }

    fn field(&mut self, site: &Site, o: &Field, n: &Field) {
        if o.name != n.name {
            self.push(
                site,
                Kind::MemberRenamed,
                None,
                Effect::none(),
                ApiImpact::Breaking,
                format!("Rust field {} -> {}", o.name, n.name),
                text(o.name.clone()),
                text(n.name.clone()),
            );
        }
        if o.boxed != n.boxed {
            let state = |b: bool| if b { "boxed" } else { "not boxed" };
            self.push(
                site,
                Kind::MemberBoxingChanged,
                None,
                Effect::none(),
                ApiImpact::Breaking,
                format!("field {} -> {}", state(o.boxed), state(n.boxed)),
                text(state(o.boxed)),
                text(state(n.boxed)),
            );
        }
        self.presence(site, o, n);
        self.shapes(site, &o.shape, &n.shape);
    }

    /// `required` and `nullable`: a member must be present iff it is required and not
    /// nullable (`null` reads as absent), and it is an `Option` otherwise. The effect goes
    /// to the flag whose change moved that; a flag change that moves nothing is reported
    /// as compatible.
    fn presence(&mut self, site: &Site, o: &Field, n: &Field) {
        let moved = o.optional() != n.optional();
        // `T` becomes `Option<T>` or the reverse.
        let (effect, api) = if n.optional() {
            (classify::became_optional(site.dir), ApiImpact::Breaking)
        } else {
            (classify::became_required(site.dir), ApiImpact::Breaking)
        };
        let neutral = (Effect::none(), ApiImpact::Compatible);
        let rust = |f: &Field| if f.optional() { "Option<T>" } else { "T" };
        let shift = format!(" (Rust {} -> {})", rust(o), rust(n));
        if o.required != n.required {
            let (e, a) = if moved {
                (effect.clone(), api)
            } else {
                neutral.clone()
            };
            let (kind, from, to) = if o.required {
                (Kind::MemberOptional, "required", "optional")
            } else {
                (Kind::MemberRequired, "optional", "required")
            };
            self.push(
                site,
                kind,
                None,
                e,
                a,
                format!("{from} -> {to}{}", if moved { &shift } else { "" }),
                text(from),
                text(to),
            );
        }
        if o.nullable != n.nullable {
            let (e, a) = if moved && o.required == n.required {
                (effect, api)
            } else {
                neutral
            };
            let (kind, from, to) = if n.nullable {
                (Kind::MemberNullable, "not nullable", "nullable")
            } else {
                (Kind::MemberNotNullable, "nullable", "not nullable")
            };
            let shifted = moved && o.required == n.required;
            self.push(
                site,
                kind,
                None,
                e,
                a,
                format!("{from} -> {to}{}", if shifted { &shift } else { "" }),
                text(from),
                text(to),
            );
        }
    }

    fn string_enum(&mut self, site: &Site, o: &StringEnum, n: &StringEnum) {
        let old: BTreeMap<&str, &str> = o
            .values
            .iter()
            .map(|v| (v.wire.as_str(), v.name.as_str()))
            .collect();
        let new: BTreeMap<&str, &str> = n
            .values
            .iter()
            .map(|v| (v.wire.as_str(), v.name.as_str()))
            .collect();
        let wires: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
        for wire in wires {
            match (old.get(wire), new.get(wire)) {
                (Some(variant), None) => self.push(
                    site,
                    Kind::EnumValueRemoved,
                    Some(wire.to_owned()),
                    classify::enum_value_removed(site.dir),
                    ApiImpact::Breaking,
                    format!("value removed; variant {variant} disappears"),
                    text(wire),
                    None,
                ),
                (None, Some(variant)) => self.push(
                    site,
                    Kind::EnumValueAdded,
                    Some(wire.to_owned()),
                    classify::enum_value_added(site.dir),
                    // String enums are `#[non_exhaustive]`.
                    ApiImpact::Compatible,
                    format!("value added (variant {variant})"),
                    None,
                    text(wire),
                ),
                (Some(a), Some(b)) if a != b => self.push(
                    site,
                    Kind::EnumVariantRenamed,
                    Some(wire.to_owned()),
                    Effect::none(),
                    ApiImpact::Breaking,
                    format!("Rust variant {a} -> {b}"),
                    text(*a),
                    text(*b),
                ),
                _ => {}
            }
        }
    }

    fn union(&mut self, site: &Site, o: &Union, n: &Union) {
        let old: BTreeMap<&str, _> = o.variants.iter().map(|v| (v.name.as_str(), v)).collect();
        let new: BTreeMap<&str, _> = n.variants.iter().map(|v| (v.name.as_str(), v)).collect();
        let names: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
        for name in names {
            match (old.get(name), new.get(name)) {
                (Some(_), None) => self.push(
                    site,
                    Kind::UnionVariantRemoved,
                    Some(name.to_owned()),
                    classify::union_variant_removed(site.dir),
                    ApiImpact::Breaking,
                    "alternative removed".to_owned(),
                    None,
                    None,
                ),
                (None, Some(_)) => self.push(
                    site,
                    Kind::UnionVariantAdded,
                    Some(name.to_owned()),
                    classify::union_variant_added(site.dir),
                    // Unions are exhaustive enums.
                    ApiImpact::Breaking,
                    "alternative added".to_owned(),
                    None,
                    None,
                ),
                (Some(a), Some(b)) => self.shapes(&site.child(name), &a.shape, &b.shape),
                (None, None) => {}
            }
        }
    }
}

/// The kind of a named type, in words.
pub(crate) fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "structure",
        TypeKind::Enum(_) => "enum",
        TypeKind::Alias(_) => "alias",
        TypeKind::Exception(_) => "exception",
        TypeKind::Union(_) => "union",
    }
}
