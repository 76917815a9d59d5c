//! What to check on a value ([`Want`]), lowered to the checks of the shared model.
//!
//! Both derive forms end here: field attributes and spec schemas each become a [`Want`],
//! which is matched against the field's Rust type. Scalars, string enums, nested values
//! and the `Option`s and pointers around them become [`Check`]s printed by the shared
//! printer; collections and their elements are still written here. Either way the code
//! calls the runtime's `check` functions, as generated code does, so messages are
//! identical.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use specgen_checks::{Bound, Bounds, Check, FloatWidth, ListedConstraint, Printer};

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
    Float { min: Option<f64>, max: Option<f64> },
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

fn opt_tokens<T: quote::ToTokens>(v: Option<T>) -> TokenStream {
    match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
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

    fn check(&self) -> TokenStream {
        let rt = &self.rt;
        quote!(#rt::__private::check)
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
        let lowered = self.lower_value(want, ty, subject, required)?;
        self.code(lowered)
    }

    /// Code performing what `lowered` says.
    fn code(&mut self, lowered: Lowered) -> Option<TokenStream> {
        match lowered {
            Lowered::Model(checks) => self.print(&checks),
            Lowered::Code(code) => Some(code),
        }
    }

    /// [`Emitter::value`], as checks of the model where the shared printer writes them.
    fn lower_value(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        subject: &Subject,
        required: bool,
    ) -> Option<Lowered> {
        match ty.kind() {
            Kind::Option(inner) => {
                let body = self.lower_value(want, Ty::of(inner), subject, false);
                let check = self.check();
                match (body, required) {
                    (Some(Lowered::Model(checks)), _) => {
                        Some(Lowered::Model(vec![Check::Optional { required, checks }]))
                    }
                    (None, true) => Some(Lowered::Model(vec![Check::Optional {
                        required,
                        checks: Vec::new(),
                    }])),
                    (Some(Lowered::Code(body)), true) => Some(Lowered::Code(quote! {
                        if let ::core::option::Option::Some(value) = value {
                            #body
                        } else {
                            #check::missing(path, errors);
                        }
                    })),
                    (Some(Lowered::Code(body)), false) => Some(Lowered::Code(quote! {
                        if let ::core::option::Option::Some(value) = value {
                            #body
                        }
                    })),
                    (None, false) => None,
                }
            }
            Kind::Deref(inner) => {
                match self.lower_value(want, Ty::of(inner), subject, required)? {
                    Lowered::Model(checks) => Some(Lowered::Model(vec![Check::Deref(checks)])),
                    Lowered::Code(body) => Some(Lowered::Code(quote! {
                        {
                            let value = &**value;
                            #body
                        }
                    })),
                }
            }
            kind => self.lower_leaf(want, ty, kind, subject),
        }
    }

    fn leaf(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        kind: Kind<'_>,
        subject: &Subject,
    ) -> Option<TokenStream> {
        let lowered = self.lower_leaf(want, ty, kind, subject)?;
        self.code(lowered)
    }

    fn lower_leaf(
        &mut self,
        want: &Want,
        ty: Ty<'_>,
        kind: Kind<'_>,
        subject: &Subject,
    ) -> Option<Lowered> {
        let rt = self.rt.clone();
        let check = self.check();
        let span = ty.span;
        if !fits(want, kind) {
            self.mismatch(ty, want, subject);
            return None;
        }
        match want {
            Want::Str(rule) => {
                let rule = self.statics.rule_id(&rt, rule.as_ref()?);
                let site = self.statics.site(span);
                Some(Lowered::Model(vec![Check::StrRef { rule, site }]))
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
                let check = match kind {
                    Kind::Int(IntFit::Wide) => Check::IntWide { bounds, values },
                    _ => Check::IntFrom {
                        bounds,
                        values,
                        site: self.statics.site(span),
                    },
                };
                Some(Lowered::Model(vec![check]))
            }
            Want::Float { min, max } => {
                if min.is_none() && max.is_none() {
                    return None;
                }
                let bounds = Bounds {
                    min: *min,
                    max: *max,
                };
                let check = match kind {
                    Kind::F64 => Check::Float {
                        width: FloatWidth::F64,
                        bounds,
                    },
                    Kind::F32 => Check::Float {
                        width: FloatWidth::F32,
                        bounds,
                    },
                    _ => Check::FloatFrom {
                        bounds,
                        site: self.statics.site(span),
                    },
                };
                Some(Lowered::Model(vec![check]))
            }
            Want::List { min, max, item } => {
                let inner = match kind {
                    Kind::List(elem) => Ty::of(elem),
                    _ => Ty::unknown(span),
                };
                let element = self.element(item, inner, &subject.within("an item of "));
                Lowered::code(self.collection(kind, span, *min, *max, None, element, false))
            }
            Want::Map {
                min,
                max,
                key,
                value,
            } => {
                let inner = match kind {
                    Kind::Map(v) => Ty::of(v),
                    _ => Ty::unknown(span),
                };
                let element = self.element(value, inner, &subject.within("a value of "));
                let key = key.as_deref().and_then(|k| self.key_rule(k));
                Lowered::code(self.collection(kind, span, *min, *max, key, element, true))
            }
            Want::Collection { min, max, nested } => {
                let (inner, is_map) = match kind {
                    Kind::List(elem) => (Ty::of(elem), false),
                    Kind::Map(v) => (Ty::of(v), true),
                    _ => (Ty::unknown(span), false),
                };
                let element = Element {
                    deeper: if *nested {
                        self.value(&Want::Nested, inner, &Subject::Attr(NESTED), false)
                    } else {
                        None
                    },
                    // Elements of a well-known type are shown as they are.
                    show: show_plain(&check, inner.kind()),
                    own: None,
                };
                Lowered::code(self.collection(kind, span, *min, *max, None, element, is_map))
            }
            Want::Nested => match kind {
                Kind::List(elem) => {
                    let element = Element {
                        deeper: self.value(&Want::Nested, Ty::of(elem), subject, false),
                        ..Element::default()
                    };
                    Lowered::code(self.collection(kind, span, None, None, None, element, false))
                }
                Kind::Map(v) => {
                    let element = Element {
                        deeper: self.value(&Want::Nested, Ty::of(v), subject, false),
                        ..Element::default()
                    };
                    Lowered::code(self.collection(kind, span, None, None, None, element, true))
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
                    Some(Lowered::Model(vec![Check::StrEnum { values, site }]))
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
        let code = self.value(want, inner, &subject.within("a value of "), false)?;
        Some(quote! {
            for (key, value) in value {
                let path = path.field(key);
                #code
            }
        })
    }

    /// `Validate::validate_at` on `value`, a type error reported at `span`.
    fn validate_at(&mut self, span: Span) -> Lowered {
        Lowered::Model(vec![Check::NestedAt(self.statics.site(span))])
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
            },
        })
    }

    /// How the elements of a collection are checked, when they are `want`: the
    /// constraints of their own shape (judged together, at the collection's path), how
    /// one is shown, and what is checked inside each (at its own path).
    fn element(&mut self, want: &Want, ty: Ty<'_>, subject: &Subject) -> Element {
        let mut element = self.element_checks(want, ty, subject);
        element.show = show_of(&self.check(), want, ty);
        element
    }

    fn element_checks(&mut self, want: &Want, ty: Ty<'_>, subject: &Subject) -> Element {
        let rt = self.rt.clone();
        let check = self.check();
        let span = ty.span;
        let kind = ty.kind();
        match kind {
            // `null` elements: each checked on its own.
            Kind::Option(_) => {
                return Element {
                    deeper: self.value(want, ty, subject, false),
                    ..Element::default()
                };
            }
            Kind::Deref(inner) => {
                let e = self.element_checks(want, Ty::of(inner), subject);
                return Element {
                    own: e
                        .own
                        .map(|(ok, list)| (quote!({ let item = &**item; #ok }), list)),
                    show: None,
                    deeper: e.deeper.map(|code| quote!({ let value = &**value; #code })),
                };
            }
            _ => {}
        }
        if !fits(want, kind) {
            self.mismatch(ty, want, subject);
            return Element::default();
        }
        match want {
            Want::Str(rule) => {
                let Some(rule) = rule else {
                    return Element::default();
                };
                let rules = self.statics.rules(&rt, rule);
                let as_str = quote_spanned!(span=> ::core::convert::AsRef::<str>::as_ref(item));
                let list = self.statics.constraints(&rt, rule.listed());
                Element {
                    own: Some((quote!(#check::string_ok(#as_str, &#rules)), list)),
                    ..Element::default()
                }
            }
            Want::Range { min, max } => match self.concrete_range(min, max, ty, kind) {
                Some(concrete) => self.element_checks(&concrete, ty, subject),
                None => Element::default(),
            },
            Want::Int { min, max, one_of } => {
                if min.is_none() && max.is_none() && one_of.is_none() {
                    return Element::default();
                }
                let (min_t, max_t) = (opt_tokens(*min), opt_tokens(*max));
                let mut tests = Vec::new();
                let mut listed = Vec::new();
                if min.is_some() || max.is_some() {
                    tests.push(quote!(#check::int_ok(v, #min_t, #max_t)));
                    listed.extend(max.map(|m| ListedConstraint::Maximum(Bound::Int(m))));
                    listed.extend(min.map(|m| ListedConstraint::Minimum(Bound::Int(m))));
                }
                if let Some(values) = one_of {
                    let names: Vec<String> = values.iter().map(i64::to_string).collect();
                    tests.push(quote!([#(#values),*].contains(&v)));
                    listed.push(ListedConstraint::Values(names));
                }
                let ok = match kind {
                    // Beyond `i64` a value is outside every range and integer enum.
                    Kind::Int(IntFit::Wide) => quote! {
                        match <::core::primitive::i64 as ::core::convert::TryFrom<_>>::try_from(*item) {
                            ::core::result::Result::Ok(v) => #(#tests)&&*,
                            ::core::result::Result::Err(_) => false,
                        }
                    },
                    _ => {
                        let v = quote_spanned!(span=> ::core::primitive::i64::from(*item));
                        quote!({ let v = #v; #(#tests)&&* })
                    }
                };
                let list = self.statics.constraints(&rt, listed);
                Element {
                    own: Some((ok, list)),
                    ..Element::default()
                }
            }
            Want::Float { min, max } => {
                if min.is_none() && max.is_none() {
                    return Element::default();
                }
                let (min_t, max_t) = (opt_tokens(*min), opt_tokens(*max));
                let ok = match kind {
                    Kind::F64 => quote!(#check::float_ok(*item, #min_t, #max_t)),
                    Kind::F32 => quote!(#check::float32_ok(*item, #min_t, #max_t)),
                    _ => {
                        let v = quote_spanned!(span=> ::core::primitive::f64::from(*item));
                        quote!(#check::float_ok(#v, #min_t, #max_t))
                    }
                };
                let mut listed = Vec::new();
                listed.extend(max.map(|m| ListedConstraint::Maximum(Bound::Float(m))));
                listed.extend(min.map(|m| ListedConstraint::Minimum(Bound::Float(m))));
                let list = self.statics.constraints(&rt, listed);
                Element {
                    own: Some((ok, list)),
                    ..Element::default()
                }
            }
            Want::Enum { values, .. } => {
                let list = self
                    .statics
                    .constraints(&rt, vec![ListedConstraint::Values(values.clone())]);
                match kind {
                    Kind::Str => {
                        let set = self.statics.enum_values(values);
                        let as_str =
                            quote_spanned!(span=> ::core::convert::AsRef::<str>::as_ref(item));
                        Element {
                            own: Some((quote!(#set.contains(&#as_str)), list)),
                            ..Element::default()
                        }
                    }
                    // An enum type: judged by its `Validate` impl, shown by `Display`.
                    _ => Element {
                        own: Some((quote_spanned!(span=> #check::passes(item)), list)),
                        ..Element::default()
                    },
                }
            }
            Want::List { min, max, .. }
            | Want::Map { min, max, .. }
            | Want::Collection { min, max, .. } => {
                // The element's own size is judged with its siblings; what is inside it,
                // at its own path.
                let own = (min.is_some() || max.is_some()).then(|| {
                    let (min_t, max_t) = (opt_tokens(*min), opt_tokens(*max));
                    let list = self.statics.constraints(&rt, lengths(*min, *max));
                    let len = quote_spanned!(span=> item.len());
                    (quote!(#check::length_ok(#len, #min_t, #max_t)), list)
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
                Element {
                    own,
                    show: None,
                    deeper: self.leaf(&deeper, ty, kind, subject),
                }
            }
            Want::Bool => Element::default(),
            Want::Nested | Want::Object { .. } => Element {
                deeper: self.leaf(want, ty, kind, subject),
                ..Element::default()
            },
            Want::Timestamp { .. } | Want::Any => Element::default(),
        }
    }

    /// The test of a map's keys against their shape (`x-aws-map-key`): keys are strings.
    fn key_rule(&mut self, want: &Want) -> Option<(TokenStream, syn::Ident)> {
        let rt = self.rt.clone();
        let check = self.check();
        let as_str = quote!(::core::convert::AsRef::<str>::as_ref(item));
        match want {
            Want::Str(Some(rule)) => {
                let rules = self.statics.rules(&rt, rule);
                let list = self.statics.constraints(&rt, rule.listed());
                Some((quote!(#check::string_ok(#as_str, &#rules)), list))
            }
            Want::Enum { values, .. } => {
                let set = self.statics.enum_values(values);
                let list = self
                    .statics
                    .constraints(&rt, vec![ListedConstraint::Values(values.clone())]);
                Some((quote!(#set.contains(&#as_str)), list))
            }
            _ => None,
        }
    }

    /// The checks of a collection: its size (a list of shown elements shows itself), its
    /// keys' and elements' own constraints, judged together at its path as AWS reports
    /// them, and what is inside each element, at the element's path.
    #[allow(clippy::too_many_arguments)]
    fn collection(
        &self,
        kind: Kind<'_>,
        span: Span,
        min: Option<u64>,
        max: Option<u64>,
        key: Option<(TokenStream, syn::Ident)>,
        element: Element,
        is_map: bool,
    ) -> Option<TokenStream> {
        let rt = &self.rt;
        let check = self.check();
        let mut out = TokenStream::new();
        let show = element
            .show
            .filter(|_| !is_map)
            .map(|show| quote!(|item, out| { #show }));
        if min.is_some() || max.is_some() {
            let (min, max) = (opt_tokens(min), opt_tokens(max));
            let len = quote_spanned!(span=> value.len());
            out.extend(match &show {
                Some(show) => quote! {
                    #check::list_length(value, #len, #min, #max, #show, path, errors);
                },
                None => quote! {
                    #check::length(#len, #min, #max, path, errors);
                },
            });
        }
        if let Some((ok, list)) = key {
            let keys = quote_spanned!(span=> value.keys());
            out.extend(quote! {
                #check::members_hidden(#keys, |item| #ok, #rt::Constraint::MapKey(&#list), path, errors);
            });
        }
        if let Some((ok, list)) = element.own {
            out.extend(match (is_map, &show) {
                (true, _) => {
                    let values = quote_spanned!(span=> value.values());
                    quote! {
                        #check::members_hidden(#values, |item| #ok, #rt::Constraint::MapValue(&#list), path, errors);
                    }
                }
                (false, Some(show)) => quote! {
                    #check::members(value, |item| #ok, #show, #rt::Constraint::ListMember(&#list), path, errors);
                },
                (false, None) => quote! {
                    #check::members_hidden(value, |item| #ok, #rt::Constraint::ListMember(&#list), path, errors);
                },
            });
        }
        if let Some(deeper) = element.deeper {
            let (iter, step) = match (is_map, kind) {
                (true, _) => (
                    quote_spanned!(span=> value.values()),
                    quote!(path.map_value(i)),
                ),
                (false, Kind::List(_)) => (quote!(value.iter()), quote!(path.index(i))),
                (false, _) => (
                    quote_spanned!(span=> ::core::iter::IntoIterator::into_iter(value)),
                    quote!(path.index(i)),
                ),
            };
            out.extend(quote! {
                for (i, value) in #iter.enumerate() {
                    let path = #step;
                    #deeper
                }
            });
        }
        (!out.is_empty()).then_some(out)
    }
}

/// What checks a value: checks of the shared model, or code the derive still writes itself
/// (collections and their elements).
enum Lowered {
    Model(Vec<Check>),
    Code(TokenStream),
}

impl Lowered {
    fn code(code: Option<TokenStream>) -> Option<Lowered> {
        code.map(Lowered::Code)
    }
}

/// How the elements of a collection are checked (see [`Emitter::element`]).
#[derive(Default)]
struct Element {
    /// An expression of `item` (a reference to an element): whether it meets the
    /// constraints of its own shape; and the static listing them.
    own: Option<(TokenStream, syn::Ident)>,
    /// Statements writing `item` to `out` (a `&mut String`), when elements are shown.
    show: Option<TokenStream>,
    /// Code checking what is inside `value` (an element) at `path`.
    deeper: Option<TokenStream>,
}

/// Statements writing an element (`item`, a reference to a `ty`) that is `want` to `out`
/// as Java prints it in a list, or `None` when such elements are not shown: sensitive
/// strings, structures, maps, timestamps, and types the derive cannot see through.
fn show_of(check: &TokenStream, want: &Want, ty: Ty<'_>) -> Option<TokenStream> {
    let kind = ty.kind();
    let as_str = quote_spanned!(ty.span=> ::core::convert::AsRef::<str>::as_ref(item));
    match (want, kind) {
        (_, Kind::Option(_)) => None,
        (_, Kind::Deref(inner)) => {
            let show = show_of(check, want, Ty::of(inner))?;
            Some(quote!({ let item = &**item; #show }))
        }
        (Want::Str(Some(rule)), Kind::Str | Kind::Other) if !rule.sensitive => {
            Some(quote!(#check::show_str(#as_str, out);))
        }
        (Want::Str(None), Kind::Str) => Some(quote!(#check::show_str(item, out);)),
        (Want::Enum { .. }, Kind::Str) => Some(quote!(#check::show_str(#as_str, out);)),
        (Want::Enum { .. }, Kind::Other) => {
            Some(quote_spanned!(ty.span=> #check::show_display(item, out);))
        }
        (Want::Int { .. } | Want::Float { .. } | Want::Range { .. } | Want::Bool, _) => {
            show_plain(check, kind)
        }
        (Want::List { item, .. }, Kind::List(elem)) => {
            let show = show_of(check, item, Ty::of(elem))?;
            Some(quote!(#check::show_nested(item, |item, out| { #show }, out);))
        }
        _ => None,
    }
}

/// How an element of a well-known type is shown: strings as they are, numbers and
/// booleans as scalar values are; `None` for other types.
fn show_plain(check: &TokenStream, kind: Kind<'_>) -> Option<TokenStream> {
    match kind {
        Kind::Str => Some(quote!(#check::show_str(item, out);)),
        Kind::Int(_) | Kind::F32 | Kind::F64 | Kind::Bool => {
            Some(quote!(#check::show_display(item, out);))
        }
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
