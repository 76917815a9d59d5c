//! What to check on a value ([`Want`]), lowered to the checks of the shared model.
//!
//! Both derive forms end here: field attributes and spec schemas each become a [`Want`],
//! which is matched against the field's Rust type, and lowered to [`Check`]s: scalars,
//! string enums, nested values, lists and maps, and the `Option`s and pointers around
//! them. The shared printer writes them as it writes generated code's checks, calling the
//! runtime's `check` functions, so messages are identical.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Type;
use syn::spanned::Spanned;

use specgen_checks::{
    Bounds, Check, Collection, ElementCheck, ElementTest, Exclusive, FloatTest, FloatWidth,
    IntTest, ListedConstraint, Printer, Shown, SiteId,
};

use super::attr::Num;
use super::rules::{StrRule, lengths};
use super::statics::{self, Statics};
use super::ty::{self, IntFit, Kind};
use crate::ctxt::Ctxt;

/// What a value must be and what to check on it.
#[derive(Debug, Clone)]
pub(crate) enum Want {
    /// A string; `None`: nothing to check.
    Str(Option<StrRule>),
    /// An integer within bounds, and one of `one_of` (an integer `enum`) when given.
    Int {
        min: Option<i64>,
        max: Option<i64>,
        one_of: Option<Vec<i64>>,
    },
    /// A floating-point number within bounds.
    Float {
        min: Option<f64>,
        max: Option<f64>,
        /// Which bounds the value must not reach (spec `exclusiveMinimum`/`Maximum`).
        exclusive: Exclusive,
    },
    /// `range(..)`: integer or float checks, depending on the field's type.
    Range { min: Option<Num>, max: Option<Num> },
    /// A list (spec `array`): item count and each item.
    List {
        min: Option<u64>,
        max: Option<u64>,
        item: Box<Want>,
    },
    /// A map (spec `additionalProperties`): entry count, each key (`x-aws-map-key`) and
    /// each value.
    Map {
        min: Option<u64>,
        max: Option<u64>,
        key: Option<Box<Want>>,
        value: Box<Want>,
    },
    /// `items(..)`: element count of any collection, and `nested` on each element.
    Collection {
        min: Option<u64>,
        max: Option<u64>,
        nested: bool,
    },
    /// `nested`: `Validate::validate_at` on the value, or on each element of a collection.
    Nested,
    /// A spec object; `call`: whether its schema checks anything.
    Object { schema: String, call: bool },
    /// A spec string enum: a `String` holding one of `values`, or an enum type.
    Enum { schema: String, values: Vec<String> },
    /// A boolean.
    Bool,
    /// A timestamp; `text`: held as RFC 3339 text (generic specs) rather than a number
    /// (AWS JSON's epoch seconds).
    Timestamp { text: bool },
    /// Anything.
    Any,
}

impl Want {
    fn describe(&self) -> String {
        match self {
            Want::Str(_) => "a string".into(),
            Want::Int { .. } => "an integer".into(),
            Want::Float { .. } => "a number".into(),
            Want::Range { .. } => "a number".into(),
            Want::List { .. } => "a list".into(),
            Want::Map { .. } => "a map".into(),
            Want::Collection { .. } => "a collection".into(),
            Want::Nested => "a value that implements `Validate`".into(),
            Want::Object { schema, .. } => format!("an object (`{schema}`)"),
            Want::Enum { schema, .. } => format!("a string enum (`{schema}`)"),
            Want::Bool => "a boolean".into(),
            Want::Timestamp { .. } => "a timestamp".into(),
            Want::Any => "any value".into(),
        }
    }

    fn hint(&self) -> &'static str {
        match self {
            Want::Str(_) => "use `String` or another `AsRef<str>` type",
            Want::Int { .. } => "use an integer type such as `i64`",
            Want::Float { .. } | Want::Range { .. } => "use `f64` or `f32`",
            Want::List { .. } | Want::Collection { .. } => "use `Vec<_>`",
            Want::Map { .. } => "use a map such as `BTreeMap<String, _>`",
            Want::Nested | Want::Object { .. } => "use a type that implements `Validate`",
            Want::Enum { .. } => "use `String` or an enum type that implements `Validate`",
            Want::Bool => "use `bool`",
            Want::Timestamp { .. } => "use a timestamp type such as `Timestamp`",
            Want::Any => "",
        }
    }
}

/// Who asks for a check, for messages.
#[derive(Debug, Clone)]
pub(crate) enum Subject {
    /// A field attribute: `"`length` and `pattern` apply to strings (...)"`.
    Attr(&'static str),
    /// A spec property: `what` names it (`property `Username` of schema `SignUpRequest``),
    /// `part` the part of it being checked (``, `an item of `, `a value of `).
    Spec { part: &'static str, what: String },
}

impl Subject {
    fn within(&self, part: &'static str) -> Subject {
        match self {
            Subject::Attr(s) => Subject::Attr(s),
            Subject::Spec { what, .. } => Subject::Spec {
                part,
                what: what.clone(),
            },
        }
    }
}

/// Writes the checks of one expansion.
pub(crate) struct Emitter<'a> {
    pub rt: TokenStream,
    pub cx: &'a Ctxt,
    pub statics: Statics,
}

/// A value's type: known from the syntax, or unknown (elements of an opaque collection).
#[derive(Clone, Copy)]
pub(crate) struct Ty<'t> {
    ty: Option<&'t Type>,
    span: Span,
}

impl<'t> Ty<'t> {
    /// The type of a field.
    pub(crate) fn of(ty: &'t Type) -> Ty<'t> {
        Ty {
            ty: Some(ty),
            span: ty.span(),
        }
    }

    fn unknown(span: Span) -> Ty<'t> {
        Ty { ty: None, span }
    }

    fn kind(&self) -> Kind<'t> {
        self.ty.map_or(Kind::Other, ty::kind)
    }

    fn show(&self) -> String {
        self.ty.map_or_else(|| "_".to_owned(), ty::show)
    }
}

impl Emitter<'_> {
    /// Code performing `checks` on `value`, printed as generated code's checks are, with
    /// this expansion's paths and statics.
    fn print(&mut self, checks: &[Check]) -> Option<TokenStream> {
        let paths = statics::paths(&self.rt);
        Printer {
            paths: &paths,
            statics: &mut self.statics,
        }
        .checks(checks, &quote!(value), 0)
    }

    fn mismatch(&self, ty: Ty<'_>, want: &Want, subject: &Subject) {
        let found = ty.show();
        let msg = match subject {
            Subject::Attr(what) => {
                let hint = match ty.kind() {
                    Kind::Str if *what == COLLECTIONS => "; use `length` for strings",
                    Kind::List(_) | Kind::Map(_) if *what == STRINGS => {
                        "; use `items` for collections"
                    }
                    _ => "",
                };
                format!("{what}, not to `{found}`{hint}")
            }
            Subject::Spec { part, what } => format!(
                "type mismatch: {part}{what} is {}, which `{found}` cannot hold; {}",
                want.describe(),
                want.hint()
            ),
        };
        self.cx.error_at(ty.span, msg);
    }

    /// Code checking `value` (a reference to a `ty`) at `path`, or `None` when nothing
    /// applies. With `required`, a `None` in an outer `Option` is reported as missing.
    pub(crate) fn value(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        subject: &Subject,
        required: bool,
    ) -> Option<TokenStream> {
        let checks = self.lower_value(want, ty, subject, required)?;
        self.print(&checks)
    }

    /// [`Emitter::value`], as checks of the model; `None` when there are none.
    fn lower_value(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        subject: &Subject,
        required: bool,
    ) -> Option<Vec<Check>> {
        match ty.kind() {
            Kind::Option(inner) => {
                let checks = self.lower_value(want, Ty::of(inner), subject, false);
                if checks.is_none() && !required {
                    return None;
                }
                Some(vec![Check::Optional {
                    required,
                    checks: checks.unwrap_or_default(),
                }])
            }
            Kind::Deref(inner) => {
                let checks = self.lower_value(want, Ty::of(inner), subject, required)?;
                Some(vec![Check::Deref(checks)])
            }
            kind => self.lower_leaf(want, ty, kind, subject),
        }
    }

    /// The checks of a value that is neither an `Option` nor a pointer.
    fn lower_leaf(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        kind: Kind<'_>,
        subject: &Subject,
    ) -> Option<Vec<Check>> {
        let rt = self.rt.clone();
        let span = ty.span;
        if !fits(want, kind) {
            self.mismatch(ty, want, subject);
            return None;
        }
        match want {
            Want::Str(rule) => {
                let rule = self.statics.rule_id(&rt, rule.as_ref()?);
                let site = self.statics.site(span);
                Some(vec![Check::StrRef { rule, site }])
            }
            Want::Range { min, max } => {
                let concrete = self.concrete_range(min, max, ty, kind)?;
                self.lower_leaf(&concrete, ty, kind, subject)
            }
            Want::Int { min, max, one_of } => {
                if min.is_none() && max.is_none() && one_of.is_none() {
                    return None;
                }
                let bounds = (min.is_some() || max.is_some()).then_some(Bounds {
                    min: *min,
                    max: *max,
                });
                let values = one_of.clone();
                let test = IntTest { bounds, values };
                let check = match kind {
                    Kind::Int(IntFit::Wide) => Check::IntWide(test),
                    _ => Check::IntFrom {
                        test,
                        site: self.statics.site(span),
                    },
                };
                Some(vec![check])
            }
            Want::Float {
                min,
                max,
                exclusive,
            } => {
                if min.is_none() && max.is_none() {
                    return None;
                }
                let test = float_test(*min, *max, *exclusive);
                let check = match float_width(kind) {
                    Some(width) => Check::Float { width, test },
                    None => Check::FloatFrom {
                        test,
                        site: self.statics.site(span),
                    },
                };
                Some(vec![check])
            }
            Want::List { min, max, item } => {
                let site = self.statics.site(span);
                let (inner, of) = match kind {
                    Kind::List(elem) => (Ty::of(elem), Collection::List),
                    _ => (Ty::unknown(span), Collection::Opaque(site)),
                };
                let elements = self.element(item, inner, &subject.within("an item of "));
                let shown = self.shown(item, inner);
                let size = Bounds {
                    min: *min,
                    max: *max,
                };
                lower_collection(site, of, size, None, elements, shown)
            }
            Want::Map {
                min,
                max,
                key,
                value,
            } => {
                let site = self.statics.site(span);
                let inner = match kind {
                    Kind::Map(v) => Ty::of(v),
                    _ => Ty::unknown(span),
                };
                let elements = self.element(value, inner, &subject.within("a value of "));
                let keys = key.as_deref().and_then(|k| self.key_rule(k));
                let size = Bounds {
                    min: *min,
                    max: *max,
                };
                lower_collection(site, Collection::MapAt(site), size, keys, elements, None)
            }
            Want::Collection { min, max, nested } => {
                let site = self.statics.site(span);
                let (inner, of) = match kind {
                    Kind::List(elem) => (Ty::of(elem), Collection::List),
                    Kind::Map(v) => (Ty::of(v), Collection::MapAt(site)),
                    _ => (Ty::unknown(span), Collection::Opaque(site)),
                };
                let each = if *nested {
                    self.lower_value(&Want::Nested, inner, &Subject::Attr(NESTED), false)
                } else {
                    None
                };
                // Elements of a well-known type are shown as they are.
                let shown = shown_plain(inner.kind());
                let size = Bounds {
                    min: *min,
                    max: *max,
                };
                lower_collection(
                    site,
                    of,
                    size,
                    None,
                    (None, each.unwrap_or_default()),
                    shown,
                )
            }
            Want::Nested => match kind {
                Kind::List(inner) | Kind::Map(inner) => {
                    let site = self.statics.site(span);
                    let of = match kind {
                        Kind::Map(_) => Collection::MapAt(site),
                        _ => Collection::List,
                    };
                    let each = self.lower_value(&Want::Nested, Ty::of(inner), subject, false);
                    lower_collection(
                        site,
                        of,
                        Bounds::default(),
                        None,
                        (None, each.unwrap_or_default()),
                        None,
                    )
                }
                _ => Some(self.validate_at(span)),
            },
            Want::Object { call, .. } => {
                if *call {
                    Some(self.validate_at(span))
                } else {
                    None
                }
            }
            Want::Enum { values, .. } => match kind {
                Kind::Str => {
                    let values = self.statics.enum_id(values);
                    let site = self.statics.site(span);
                    Some(vec![Check::StrEnum { values, site }])
                }
                _ => Some(self.validate_at(span)),
            },
            Want::Bool | Want::Timestamp { .. } | Want::Any => None,
        }
    }

    /// Code checking the member that keeps undeclared properties: each value at
    /// `parent.<wire name>`, as generated code does.
    pub(crate) fn additional(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        subject: &Subject,
    ) -> Option<TokenStream> {
        let inner = match ty.kind() {
            Kind::Map(v) => Ty::of(v),
            Kind::Other => Ty::unknown(ty.span),
            _ => {
                let map = Want::Map {
                    min: None,
                    max: None,
                    key: None,
                    value: Box::new(want.clone()),
                };
                self.mismatch(ty, &map, subject);
                return None;
            }
        };
        let checks = self.lower_value(want, inner, &subject.within("a value of "), false)?;
        self.print(&[Check::Undeclared(checks)])
    }

    /// `Validate::validate_at` on `value`, a type error reported at `span`.
    fn validate_at(&mut self, span: Span) -> Vec<Check> {
        vec![Check::NestedAt(self.statics.site(span))]
    }

    /// `range(..)` as integer or float checks, depending on the type it is on; `None`
    /// (with an error) when integer types get float bounds.
    fn concrete_range(
        &self,
        min: &Option<Num>,
        max: &Option<Num>,
        ty: Ty<'_>,
        kind: Kind<'_>,
    ) -> Option<Want> {
        let any_float = [min, max].iter().any(|b| matches!(b, Some(Num::Float(_))));
        let int = |b: &Option<Num>| match b {
            Some(Num::Int(v)) => Some(*v),
            _ => None,
        };
        let float = |b: &Option<Num>| match b {
            Some(Num::Int(v)) => Some(*v as f64),
            Some(Num::Float(v)) => Some(*v),
            None => None,
        };
        Some(match kind {
            Kind::Int(_) if any_float => {
                self.cx.error_at(
                    ty.span,
                    format!(
                        "`range` on the integer type `{}` needs integer bounds",
                        ty.show()
                    ),
                );
                return None;
            }
            Kind::Int(_) => Want::Int {
                min: int(min),
                max: int(max),
                one_of: None,
            },
            Kind::Other if !any_float => Want::Int {
                min: int(min),
                max: int(max),
                one_of: None,
            },
            _ => Want::Float {
                min: float(min),
                max: float(max),
                exclusive: Exclusive::default(),
            },
        })
    }

    /// How the elements of a collection are checked, when they are `want`: the
    /// constraints of their own shape (judged together, at the collection's path), and
    /// the checks of what is inside each (at its own path).
    fn element(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        subject: &Subject,
    ) -> (Option<ElementCheck>, Vec<Check>) {
        let rt = self.rt.clone();
        let span = ty.span;
        let kind = ty.kind();
        let nothing = (None, Vec::new());
        match kind {
            // `null` elements: each checked on its own.
            Kind::Option(_) => {
                let each = self.lower_value(want, ty, subject, false);
                return (None, each.unwrap_or_default());
            }
            Kind::Deref(inner) => {
                let (own, each) = self.element(want, Ty::of(inner), subject);
                let own = own.map(|ElementCheck { test, list }| ElementCheck {
                    test: ElementTest::Deref(Box::new(test)),
                    list,
                });
                let each = if each.is_empty() {
                    each
                } else {
                    vec![Check::Deref(each)]
                };
                return (own, each);
            }
            _ => {}
        }
        if !fits(want, kind) {
            self.mismatch(ty, want, subject);
            return nothing;
        }
        match want {
            Want::Str(rule) => {
                let Some(rule) = rule else {
                    return nothing;
                };
                let id = self.statics.rule_id(&rt, rule);
                let list = self.statics.constraint_list(&rt, rule.listed());
                let test = ElementTest::StrRef {
                    rule: id,
                    site: self.statics.site(span),
                };
                (Some(ElementCheck { test, list }), Vec::new())
            }
            Want::Range { min, max } => match self.concrete_range(min, max, ty, kind) {
                Some(concrete) => self.element(&concrete, ty, subject),
                None => nothing,
            },
            Want::Int { min, max, one_of } => {
                if min.is_none() && max.is_none() && one_of.is_none() {
                    return nothing;
                }
                let bounds = (min.is_some() || max.is_some()).then_some(Bounds {
                    min: *min,
                    max: *max,
                });
                let mut listed: Vec<_> =
                    bounds.map_or_else(Vec::new, |b| ListedConstraint::int_range(b).collect());
                if let Some(values) = one_of {
                    listed.push(ListedConstraint::Values(
                        values.iter().map(i64::to_string).collect(),
                    ));
                }
                let values = one_of.clone();
                let int = IntTest { bounds, values };
                let test = match kind {
                    // Beyond `i64` a value is outside every range and integer enum.
                    Kind::Int(IntFit::Wide) => ElementTest::IntWide(int),
                    _ => ElementTest::IntFrom {
                        test: int,
                        site: self.statics.site(span),
                    },
                };
                let list = self.statics.constraint_list(&rt, listed);
                (Some(ElementCheck { test, list }), Vec::new())
            }
            Want::Float {
                min,
                max,
                exclusive,
            } => {
                if min.is_none() && max.is_none() {
                    return nothing;
                }
                let float = float_test(*min, *max, *exclusive);
                let test = match float_width(kind) {
                    Some(width) => ElementTest::Float { width, test: float },
                    None => ElementTest::FloatFrom {
                        test: float,
                        site: self.statics.site(span),
                    },
                };
                let listed = ListedConstraint::float_range(float.bounds, float.exclusive).collect();
                let list = self.statics.constraint_list(&rt, listed);
                (Some(ElementCheck { test, list }), Vec::new())
            }
            Want::Enum { values, .. } => {
                let list = self
                    .statics
                    .constraint_list(&rt, vec![ListedConstraint::Values(values.clone())]);
                let test = match kind {
                    Kind::Str => ElementTest::StrEnum {
                        values: self.statics.enum_id(values),
                        site: self.statics.site(span),
                    },
                    // An enum type: judged by its `Validate` impl, shown by `Display`.
                    _ => ElementTest::PassesAt(self.statics.site(span)),
                };
                (Some(ElementCheck { test, list }), Vec::new())
            }
            Want::List { min, max, .. }
            | Want::Map { min, max, .. }
            | Want::Collection { min, max, .. } => {
                // The element's own size is judged with its siblings; what is inside it,
                // at its own path.
                let own = (min.is_some() || max.is_some()).then(|| {
                    let list = self.statics.constraint_list(&rt, lengths(*min, *max));
                    let test = ElementTest::Size {
                        bounds: Bounds {
                            min: *min,
                            max: *max,
                        },
                        site: Some(self.statics.site(span)),
                    };
                    ElementCheck { test, list }
                });
                let deeper = match want {
                    Want::List { item, .. } => Want::List {
                        min: None,
                        max: None,
                        item: item.clone(),
                    },
                    Want::Map { key, value, .. } => Want::Map {
                        min: None,
                        max: None,
                        key: key.clone(),
                        value: value.clone(),
                    },
                    Want::Collection { nested, .. } => Want::Collection {
                        min: None,
                        max: None,
                        nested: *nested,
                    },
                    _ => Want::Any,
                };
                let each = self.lower_leaf(&deeper, ty, kind, subject);
                (own, each.unwrap_or_default())
            }
            Want::Bool => nothing,
            Want::Nested | Want::Object { .. } => {
                let each = self.lower_leaf(want, ty, kind, subject);
                (None, each.unwrap_or_default())
            }
            Want::Timestamp { .. } | Want::Any => nothing,
        }
    }

    /// The test of a map's keys against their shape (`x-aws-map-key`): keys are strings,
    /// read through `AsRef<str>` where the derive is.
    fn key_rule(&mut self, want: &Want) -> Option<ElementCheck> {
        let rt = self.rt.clone();
        match want {
            Want::Str(Some(rule)) => {
                let id = self.statics.rule_id(&rt, rule);
                let list = self.statics.constraint_list(&rt, rule.listed());
                let test = ElementTest::StrRef {
                    rule: id,
                    site: self.statics.site(Span::call_site()),
                };
                Some(ElementCheck { test, list })
            }
            Want::Enum { values, .. } => {
                let id = self.statics.enum_id(values);
                let list = self
                    .statics
                    .constraint_list(&rt, vec![ListedConstraint::Values(values.clone())]);
                let test = ElementTest::StrEnum {
                    values: id,
                    site: self.statics.site(Span::call_site()),
                };
                Some(ElementCheck { test, list })
            }
            _ => None,
        }
    }

    /// How an element (a `ty`) that is `want` is written in a message listing it, as Java
    /// prints it, or `None` when such elements are not shown: sensitive strings,
    /// structures, maps, timestamps, and types the derive cannot see through.
    fn shown(&mut self, want: &Want, ty: Ty<'_>) -> Option<Shown> {
        let kind = ty.kind();
        match (want, kind) {
            (_, Kind::Option(_)) => None,
            (_, Kind::Deref(inner)) => {
                let inner = self.shown(want, Ty::of(inner))?;
                Some(Shown::Deref(Box::new(inner)))
            }
            (Want::Str(Some(rule)), Kind::Str | Kind::Other) if !rule.sensitive => {
                Some(Shown::StrRef(self.statics.site(ty.span)))
            }
            (Want::Str(None), Kind::Str) => Some(Shown::Str),
            (Want::Enum { .. }, Kind::Str) => Some(Shown::StrRef(self.statics.site(ty.span))),
            (Want::Enum { .. }, Kind::Other) => Some(Shown::DisplayAt(self.statics.site(ty.span))),
            (Want::Int { .. } | Want::Float { .. } | Want::Range { .. } | Want::Bool, _) => {
                shown_plain(kind)
            }
            (Want::List { item, .. }, Kind::List(elem)) => {
                let inner = self.shown(item, Ty::of(elem))?;
                Some(Shown::Nested(Box::new(inner)))
            }
            _ => None,
        }
    }
}

/// The checks of a collection (its type at `site`, its elements reached as `of` says): its
/// size (a list of shown elements shows itself, `shown` writing each), its keys' and
/// elements' own constraints, judged together at its path as AWS reports them, and what
/// is inside each element, at the element's path; `None` when there are none.
fn lower_collection(
    site: SiteId,
    of: Collection,
    size: Bounds<u64>,
    keys: Option<ElementCheck>,
    (own, each): (Option<ElementCheck>, Vec<Check>),
    shown: Option<Shown>,
) -> Option<Vec<Check>> {
    // Maps are never shown.
    let shown = shown.filter(|_| !matches!(of, Collection::MapAt(_)));
    let mut checks = Vec::new();
    if size.min.is_some() || size.max.is_some() {
        checks.push(Check::Size {
            bounds: size,
            shown: shown.clone(),
            site: Some(site),
        });
    }
    if let Some(check) = keys {
        checks.push(Check::Keys {
            check,
            site: Some(site),
        });
    }
    if let Some(check) = own {
        checks.push(Check::Elements { of, check, shown });
    }
    if !each.is_empty() {
        checks.push(Check::Each { of, checks: each });
    }
    (!checks.is_empty()).then_some(checks)
}

/// How an element of a well-known type is shown: strings as they are, numbers and
/// booleans as scalar values are; `None` for other types.
fn shown_plain(kind: Kind<'_>) -> Option<Shown> {
    match kind {
        Kind::Str => Some(Shown::Str),
        Kind::Int(_) | Kind::F32 | Kind::F64 | Kind::Bool => Some(Shown::Display),
        _ => None,
    }
}

/// What `range(..)` with `exclusive` asks of a number.
fn float_test(min: Option<f64>, max: Option<f64>, exclusive: Exclusive) -> FloatTest {
    FloatTest {
        bounds: Bounds { min, max },
        exclusive,
    }
}

/// The width of a number the derive sees as `f32` or `f64`; `None` for other types, read
/// through `f64::from`.
fn float_width(kind: Kind<'_>) -> Option<FloatWidth> {
    match kind {
        Kind::F64 => Some(FloatWidth::F64),
        Kind::F32 => Some(FloatWidth::F32),
        _ => None,
    }
}

/// Whether a value of `kind` can be `want` (`Other`: the compiler decides).
fn fits(want: &Want, kind: Kind<'_>) -> bool {
    match want {
        Want::Str(_) => matches!(kind, Kind::Str | Kind::Other),
        Want::Int { .. } => matches!(kind, Kind::Int(_) | Kind::Other),
        Want::Float { .. } => matches!(kind, Kind::F32 | Kind::F64 | Kind::Other),
        Want::Range { .. } => {
            matches!(kind, Kind::Int(_) | Kind::F32 | Kind::F64 | Kind::Other)
        }
        Want::List { .. } => matches!(kind, Kind::List(_) | Kind::Other),
        Want::Map { .. } => matches!(kind, Kind::Map(_) | Kind::Other),
        Want::Collection { .. } | Want::Nested => {
            matches!(kind, Kind::List(_) | Kind::Map(_) | Kind::Other)
        }
        Want::Object { .. } => matches!(kind, Kind::Other),
        Want::Enum { .. } => matches!(kind, Kind::Str | Kind::Other),
        Want::Bool => matches!(kind, Kind::Bool | Kind::Other),
        Want::Timestamp { text } => {
            matches!(kind, Kind::Int(_) | Kind::F32 | Kind::F64 | Kind::Other)
                || (*text && matches!(kind, Kind::Str))
        }
        Want::Any => true,
    }
}

/// The subject text of `nested`.
pub(crate) const NESTED: &str =
    "`nested` applies to types that implement `Validate` and to collections of them";
/// The subject text of `length`, `pattern` and `sensitive`.
pub(crate) const STRINGS: &str =
    "`length`, `pattern` and `sensitive` apply to strings (any `AsRef<str>` type)";
/// The subject text of `range`.
pub(crate) const NUMBERS: &str = "`range` applies to numbers";
/// The subject text of `items`.
pub(crate) const COLLECTIONS: &str =
    "`items` applies to collections (`Vec`, slices, sets and maps)";
