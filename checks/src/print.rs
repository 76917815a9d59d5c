//! The printer: code performing a value's [`Check`]s.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};

use crate::model::{
    Bound, Bounds, Check, Collection, ConstraintListId, ElementCheck, ElementTest, FloatTest,
    FloatWidth, IntTest, IntWidth, ListedConstraint, Shown, SiteId, StringRuleId, TypeId,
};

/// Where the statics a check names live: the generator keeps them in its `rules` module,
/// the derive writes them into its expansion.
pub trait Statics {
    /// A path to the `check::StrRules` static of the string constraint set `id`.
    fn string_rule(&mut self, id: StringRuleId) -> TokenStream;
    /// A path to the `[Constraint; n]` static of the constraint list `id`.
    fn list(&mut self, id: ConstraintListId) -> TokenStream;
    /// An expression listing the known values of the string enum `id`, with a
    /// `contains(&&str)` method (a slice or a set of `&str`).
    fn enum_values(&mut self, id: TypeId) -> TokenStream;
    /// `tokens` spanned at the type `site` names, so that a type error in them points
    /// there. Only the derive has sites; by default the tokens are left as they are.
    fn at(&mut self, site: SiteId, tokens: TokenStream) -> TokenStream {
        let _ = site;
        tokens
    }
}

/// The paths the generator and the derive write differently: generated code imports the
/// runtime and its prelude, a macro expansion names everything in full.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The runtime crate (`rt`).
    pub rt: TokenStream,
    /// The runtime's `check` module (`check`).
    pub check: TokenStream,
    /// `Option::Some`.
    pub some: TokenStream,
    /// `Option::None`.
    pub none: TokenStream,
}

/// Prints checks with one set of paths, naming statics through `statics`.
pub struct Printer<'a, S: Statics + ?Sized> {
    /// The paths to write.
    pub paths: &'a Paths,
    /// Where the statics live.
    pub statics: &'a mut S,
}

impl<S: Statics + ?Sized> Printer<'_, S> {
    /// Code performing `checks` on `value` (a reference) at `path` (a `Path` in scope,
    /// beside `errors`, the `ValidationErrors`); `None` when there are none. `depth`
    /// numbers the loop variables of nested elements.
    pub fn checks(
        &mut self,
        checks: &[Check],
        value: &TokenStream,
        depth: usize,
    ) -> Option<TokenStream> {
        if checks.is_empty() {
            return None;
        }
        let mut out = TokenStream::new();
        for check in checks {
            out.extend(self.check(check, value, depth));
        }
        Some(out)
    }

    fn bound<T: ToTokens>(&self, b: Option<T>) -> TokenStream {
        let Paths { some, none, .. } = self.paths;
        match b {
            Some(v) => quote!(#some(#v)),
            None => quote!(#none),
        }
    }

    /// A `check::FloatRange` of a number with an exclusive bound.
    fn float_range(&self, width: FloatWidth, test: &FloatTest) -> TokenStream {
        let ck = &self.paths.check;
        let (min, max) = self.bounds(&test.bounds);
        let (exclusive_min, exclusive_max) = (test.exclusive.min, test.exclusive.max);
        let single = width == FloatWidth::F32;
        quote! {
            #ck::FloatRange {
                min: #min,
                max: #max,
                exclusive_min: #exclusive_min,
                exclusive_max: #exclusive_max,
                single: #single,
            }
        }
    }

    /// [`Check::Float`] of `value`, a number of type `width`: `check::float_between` when
    /// a bound is exclusive, else `check::float` (`check::float32`: an `f32` is compared in
    /// its own precision).
    fn float_check(&self, width: FloatWidth, test: &FloatTest, value: TokenStream) -> TokenStream {
        let ck = &self.paths.check;
        if test.exclusive.any() {
            let (range, v) = (self.float_range(width, test), widen(width, value));
            return quote!(#ck::float_between(#v, &#range, path, errors););
        }
        let (min, max) = self.bounds(&test.bounds);
        match width {
            FloatWidth::F64 => quote!(#ck::float(#value, #min, #max, path, errors);),
            FloatWidth::F32 => quote!(#ck::float32(#value, #min, #max, path, errors);),
        }
    }

    /// [`ElementTest::Float`] of `value`, as [`Printer::float_check`] but as an expression
    /// (`check::float_between_ok`, `check::float_ok`, `check::float32_ok`).
    fn float_test(&self, width: FloatWidth, test: &FloatTest, value: TokenStream) -> TokenStream {
        let ck = &self.paths.check;
        if test.exclusive.any() {
            let (range, v) = (self.float_range(width, test), widen(width, value));
            return quote!(#ck::float_between_ok(#v, &#range));
        }
        let (min, max) = self.bounds(&test.bounds);
        match width {
            FloatWidth::F64 => quote!(#ck::float_ok(#value, #min, #max)),
            FloatWidth::F32 => quote!(#ck::float32_ok(#value, #min, #max)),
        }
    }

    /// The bounds as the two arguments of a `check::` helper.
    fn bounds<T: ToTokens + Copy>(&self, b: &Bounds<T>) -> (TokenStream, TokenStream) {
        (self.bound(b.min), self.bound(b.max))
    }

    /// One check of `value`.
    pub fn check(&mut self, check: &Check, value: &TokenStream, depth: usize) -> TokenStream {
        let Paths { rt, check: ck, .. } = self.paths;
        match check {
            Check::String(rule) => {
                let rule = self.statics.string_rule(*rule);
                quote! {
                    #ck::string(#value, &#rule, path, errors);
                }
            }
            Check::BlobLength(b) => {
                let (min, max) = self.bounds(b);
                quote! {
                    #ck::blob_length(#value, #min, #max, path, errors);
                }
            }
            Check::Int { width, bounds: b } => {
                let v = as_i64(*width, value);
                let (min, max) = self.bounds(b);
                quote!(#ck::int(#v, #min, #max, path, errors);)
            }
            Check::IntEnum { width, values } => {
                let v = as_i64(*width, value);
                let names: Vec<String> = values.iter().map(i64::to_string).collect();
                quote! {
                    #ck::int_enum(#v, &[#(#values),*], &[#(#names),*], path, errors);
                }
            }
            Check::Float { width, test } => self.float_check(*width, test, quote!(*#value)),
            Check::Size {
                bounds,
                shown,
                site,
            } => {
                let len = self.at(*site, quote!(#value.len()));
                self.size(bounds, shown.as_ref(), value, &len)
            }
            Check::Enum => quote! {
                #rt::Validate::validate_at(#value, path, errors);
            },
            Check::Keys { check, site } => {
                let keys = self.at(*site, quote!(#value.keys()));
                self.keys(check, &keys)
            }
            Check::Elements { of, check, shown } => {
                let (ok, list) = self.element(check);
                match (of, shown) {
                    (Collection::Map | Collection::MapAt(_), _) => {
                        let values = self.values(*of, value);
                        quote! {
                            #ck::members_hidden(#values, #ok, #rt::Constraint::MapValue(&#list), path, errors);
                        }
                    }
                    (Collection::List | Collection::Opaque(_), Some(shown)) => {
                        let show = self.shown(shown);
                        quote! {
                            #ck::members(#value, #ok, #show, #rt::Constraint::ListMember(&#list), path, errors);
                        }
                    }
                    (Collection::List | Collection::Opaque(_), None) => quote! {
                        #ck::members_hidden(#value, #ok, #rt::Constraint::ListMember(&#list), path, errors);
                    },
                }
            }
            Check::Each { of, checks } => {
                let item = format_ident!("item{}", depth);
                let item_ts = quote!(#item);
                let Some(item_check) = self.checks(checks, &item_ts, depth + 1) else {
                    return TokenStream::new();
                };
                let (iter, step) = match of {
                    Collection::Map | Collection::MapAt(_) => {
                        (self.values(*of, value), quote!(path.map_value(i)))
                    }
                    Collection::List => (quote!(#value.iter()), quote!(path.index(i))),
                    Collection::Opaque(site) => (
                        self.statics
                            .at(*site, quote!(::core::iter::IntoIterator::into_iter(#value))),
                        quote!(path.index(i)),
                    ),
                };
                quote! {
                    for (i, #item) in #iter.enumerate() {
                        let path = #step;
                        #item_check
                    }
                }
            }
            Check::Nested { deep_only: true } => quote! {
                if errors.deep() {
                    #rt::Validate::validate_at(#value, path, errors);
                }
            },
            Check::Nested { deep_only: false } => quote! {
                #rt::Validate::validate_at(#value, path, errors);
            },
            Check::StrRef { rule, site } => {
                let rule = self.statics.string_rule(*rule);
                let as_str = self
                    .statics
                    .at(*site, quote!(::core::convert::AsRef::<str>::as_ref(#value)));
                quote! {
                    #ck::string(#as_str, &#rule, path, errors);
                }
            }
            Check::IntFrom { test, site } => {
                let v = self
                    .statics
                    .at(*site, quote!(::core::primitive::i64::from(*#value)));
                let (range, in_enum) = self.int_checks(test);
                quote! {
                    {
                        let v = #v;
                        #range
                        #in_enum
                    }
                }
            }
            Check::Optional { required, checks } => {
                let some = &self.paths.some;
                let body = self.checks(checks, &quote!(value), depth);
                match (body, required) {
                    (Some(body), true) => quote! {
                        if let #some(value) = #value {
                            #body
                        } else {
                            #ck::missing(path, errors);
                        }
                    },
                    (None, true) => quote! {
                        if #value.is_none() {
                            #ck::missing(path, errors);
                        }
                    },
                    (Some(body), false) => quote! {
                        if let #some(value) = #value {
                            #body
                        }
                    },
                    (None, false) => TokenStream::new(),
                }
            }
            // Each undeclared member is a path of its own: `parent.<key>`.
            Check::Undeclared(checks) => match self.checks(checks, &quote!(value), depth + 1) {
                Some(body) => quote! {
                    for (key, value) in #value {
                        let path = path.field(key);
                        #body
                    }
                },
                None => TokenStream::new(),
            },
            Check::Deref(checks) => match self.checks(checks, &quote!(value), depth) {
                Some(body) => quote! {
                    {
                        let value = &**#value;
                        #body
                    }
                },
                None => TokenStream::new(),
            },
            Check::NestedAt(site) => {
                let call = self
                    .statics
                    .at(*site, quote!(::Validate::validate_at(#value, path, errors)));
                quote!(#rt #call;)
            }
            Check::StrEnum { values, site } => {
                let set = self.statics.enum_values(*values);
                let as_str = self
                    .statics
                    .at(*site, quote!(::core::convert::AsRef::<str>::as_ref(#value)));
                quote! {
                    {
                        let value: &str = #as_str;
                        if !#set.contains(&value) {
                            #ck::unknown_enum(value, #set, path, errors);
                        }
                    }
                }
            }
            Check::IntWide(test) => self.int_wide(test, value),
            Check::FloatFrom { test, site } => {
                let v = self
                    .statics
                    .at(*site, quote!(::core::primitive::f64::from(*#value)));
                self.float_check(FloatWidth::F64, test, v)
            }
        }
    }

    /// [`Check::Size`] of `value`, whose number of items is `len`.
    fn size(
        &mut self,
        b: &Bounds<u64>,
        shown: Option<&Shown>,
        value: &TokenStream,
        len: &TokenStream,
    ) -> TokenStream {
        let ck = &self.paths.check;
        let (min, max) = self.bounds(b);
        // A list of printable values shows itself (`Value '[a, b]' at 'x'`).
        match shown {
            Some(shown) => {
                let show = self.shown(shown);
                quote! {
                    #ck::list_length(#value, #len, #min, #max, #show, path, errors);
                }
            }
            None => quote! {
                #ck::length(#len, #min, #max, path, errors);
            },
        }
    }

    /// [`Check::Keys`] of a map whose keys are `keys`.
    fn keys(&mut self, element: &ElementCheck, keys: &TokenStream) -> TokenStream {
        let (ok, list) = self.element(element);
        let Paths { rt, check: ck, .. } = self.paths;
        quote! {
            #ck::members_hidden(#keys, #ok, #rt::Constraint::MapKey(&#list), path, errors);
        }
    }

    /// `tokens`, spanned at `site` when the derive gives one.
    fn at(&mut self, site: Option<SiteId>, tokens: TokenStream) -> TokenStream {
        match site {
            Some(site) => self.statics.at(site, tokens),
            None => tokens,
        }
    }

    /// The values of the map `value`, read as `of` says.
    fn values(&mut self, of: Collection, value: &TokenStream) -> TokenStream {
        let values = quote!(#value.values());
        match of {
            Collection::MapAt(site) => self.statics.at(site, values),
            _ => values,
        }
    }

    /// The range and value checks of an integer `v` (an `i64` in scope), each when given.
    fn int_checks(&self, test: &IntTest) -> (Option<TokenStream>, Option<TokenStream>) {
        let ck = &self.paths.check;
        let range = test.bounds.as_ref().map(|b| {
            let (min, max) = self.bounds(b);
            quote!(#ck::int(v, #min, #max, path, errors);)
        });
        let in_enum = test.values.as_ref().map(|values| {
            let names: Vec<String> = values.iter().map(i64::to_string).collect();
            quote! {
                #ck::int_enum(v, &[#(#values),*], &[#(#names),*], path, errors);
            }
        });
        (range, in_enum)
    }

    /// [`Check::IntWide`]: within `i64` as any integer, beyond it reported with its digits.
    fn int_wide(&mut self, test: &IntTest, value: &TokenStream) -> TokenStream {
        let rt = &self.paths.rt;
        let (range, in_enum) = self.int_checks(test);
        let (bounds, values) = (test.bounds.as_ref(), test.values.as_ref());
        let shown = quote! {
            #rt::ShownValue::Text(::std::string::ToString::to_string(#value))
        };
        let statics = &mut *self.statics;
        let mut report = |c: ListedConstraint| {
            let c = self.paths.constraint(&c, |id| statics.enum_values(id));
            quote!(errors.add(path, #shown, #c);)
        };
        let max = bounds.and_then(|b| b.max);
        let min = bounds.and_then(|b| b.min);
        let above = max.map(|m| report(ListedConstraint::Maximum(Bound::Int(m))));
        let below = min.map(|m| report(ListedConstraint::Minimum(Bound::Int(m))));
        let outside = values.map(|values| {
            report(ListedConstraint::Values(
                values.iter().map(i64::to_string).collect(),
            ))
        });
        quote! {
            match <::core::primitive::i64 as ::core::convert::TryFrom<_>>::try_from(*#value) {
                ::core::result::Result::Ok(v) => {
                    #range
                    #in_enum
                }
                ::core::result::Result::Err(_) => {
                    if *#value > 0 {
                        #above
                    } else {
                        #below
                    }
                    #outside
                }
            }
        }
    }

    /// An element test as a closure (whether an element, a reference, meets the
    /// constraints), and the path of the static listing them, for the message.
    fn element(&mut self, element: &ElementCheck) -> (TokenStream, TokenStream) {
        let ck = &self.paths.check;
        let ok = match &element.test {
            ElementTest::EnumValue => quote!(#ck::passes),
            test => {
                let body = self.element_test(test);
                quote!(|item| #body)
            }
        };
        (ok, self.statics.list(element.list))
    }

    /// Whether `item` (a reference to an element) passes `test`, as an expression.
    fn element_test(&mut self, test: &ElementTest) -> TokenStream {
        let ck = &self.paths.check;
        match test {
            ElementTest::String { rule, blob } => {
                let mut tests = Vec::new();
                if let Some(rule) = rule {
                    let rule = self.statics.string_rule(*rule);
                    tests.push(quote!(#ck::string_ok(item, &#rule)));
                }
                if let Some(b) = blob {
                    let (min, max) = self.bounds(b);
                    tests.push(quote!(#ck::blob_ok(item, #min, #max)));
                }
                quote!(#(#tests)&&*)
            }
            ElementTest::Int { width, test } => {
                let v = as_i64(*width, &quote!(item));
                let tests = self.int_tests(test);
                quote!({ let v = #v; #tests })
            }
            ElementTest::Float { width, test } => self.float_test(*width, test, quote!(*item)),
            ElementTest::Size { bounds: b, site } => {
                let (min, max) = self.bounds(b);
                let len = self.at(*site, quote!(item.len()));
                quote!(#ck::length_ok(#len, #min, #max))
            }
            ElementTest::EnumKey(id) => {
                let values = self.statics.enum_values(*id);
                quote!(#values.contains(&item.as_str()))
            }
            ElementTest::EnumValue => quote!(#ck::passes(item)),
            ElementTest::StrRef { rule, site } => {
                let rule = self.statics.string_rule(*rule);
                let as_str = self
                    .statics
                    .at(*site, quote!(::core::convert::AsRef::<str>::as_ref(item)));
                quote!(#ck::string_ok(#as_str, &#rule))
            }
            ElementTest::StrEnum { values, site } => {
                let set = self.statics.enum_values(*values);
                let as_str = self
                    .statics
                    .at(*site, quote!(::core::convert::AsRef::<str>::as_ref(item)));
                quote!(#set.contains(&#as_str))
            }
            ElementTest::IntFrom { test, site } => {
                let v = self
                    .statics
                    .at(*site, quote!(::core::primitive::i64::from(*item)));
                let tests = self.int_tests(test);
                quote!({ let v = #v; #tests })
            }
            ElementTest::IntWide(test) => {
                // Beyond `i64` a value is outside every range and integer enum.
                let tests = self.int_tests(test);
                quote! {
                    match <::core::primitive::i64 as ::core::convert::TryFrom<_>>::try_from(*item) {
                        ::core::result::Result::Ok(v) => #tests,
                        ::core::result::Result::Err(_) => false,
                    }
                }
            }
            ElementTest::FloatFrom { test, site } => {
                let v = self
                    .statics
                    .at(*site, quote!(::core::primitive::f64::from(*item)));
                self.float_test(FloatWidth::F64, test, v)
            }
            ElementTest::PassesAt(site) => {
                let call = self.statics.at(*site, quote!(::passes(item)));
                quote!(#ck #call)
            }
            ElementTest::Deref(inner) => {
                let body = self.element_test(inner);
                quote!({ let item = &**item; #body })
            }
        }
    }

    /// The tests of an integer `v` (an `i64` in scope): its range and its allowed values,
    /// each when given, joined with `&&`.
    fn int_tests(&self, test: &IntTest) -> TokenStream {
        let ck = &self.paths.check;
        let mut tests = Vec::new();
        if let Some(b) = &test.bounds {
            let (min, max) = self.bounds(b);
            tests.push(quote!(#ck::int_ok(v, #min, #max)));
        }
        if let Some(values) = &test.values {
            tests.push(quote!([#(#values),*].contains(&v)));
        }
        quote!(#(#tests)&&*)
    }

    /// A function writing one element of a shown list as Java prints it.
    fn shown(&mut self, shown: &Shown) -> TokenStream {
        let ck = &self.paths.check;
        match shown {
            Shown::Str => quote!(#ck::show_str),
            Shown::Display => quote!(#ck::show_display),
            shown => {
                let body = self.show(shown);
                quote!(|item, out| #body)
            }
        }
    }

    /// An expression writing `item` (a reference to an element) to `out` (a
    /// `&mut String`) as `shown` says.
    fn show(&mut self, shown: &Shown) -> TokenStream {
        let ck = &self.paths.check;
        match shown {
            Shown::Str => quote!(#ck::show_str(item, out)),
            Shown::Display => quote!(#ck::show_display(item, out)),
            Shown::EnumStr => quote!(#ck::show_str(item.as_str(), out)),
            Shown::Nested(inner) => {
                let show = self.shown(inner);
                quote!(#ck::show_nested(item, #show, out))
            }
            Shown::StrRef(site) => {
                let as_str = self
                    .statics
                    .at(*site, quote!(::core::convert::AsRef::<str>::as_ref(item)));
                quote!(#ck::show_str(#as_str, out))
            }
            Shown::DisplayAt(site) => {
                let call = self.statics.at(*site, quote!(::show_display(item, out)));
                quote!(#ck #call)
            }
            Shown::Deref(inner) => {
                let body = self.show(inner);
                quote!({ let item = &**item; #body })
            }
        }
    }
}

/// A number (an `f32` or `f64` value) as an `f64`, which holds either exactly.
fn widen(width: FloatWidth, value: TokenStream) -> TokenStream {
    match width {
        FloatWidth::F64 => value,
        FloatWidth::F32 => quote!(::core::primitive::f64::from(#value)),
    }
}

/// An integer `value` (a reference) as an `i64`.
fn as_i64(width: IntWidth, value: &TokenStream) -> TokenStream {
    match width {
        IntWidth::I64 => quote!(*#value),
        IntWidth::I32 => quote!(i64::from(*#value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Statics named after their handles.
    struct Numbered;

    impl Statics for Numbered {
        fn string_rule(&mut self, id: StringRuleId) -> TokenStream {
            let name = format_ident!("RULES_{}", id.0);
            quote!(#name)
        }

        fn list(&mut self, id: ConstraintListId) -> TokenStream {
            let name = format_ident!("LIST_{}", id.0);
            quote!(#name)
        }

        fn enum_values(&mut self, id: TypeId) -> TokenStream {
            let name = format_ident!("VALUES_{}", id.0);
            quote!(#name)
        }

        fn at(&mut self, site: SiteId, tokens: TokenStream) -> TokenStream {
            let name = format_ident!("at_{}", site.0);
            quote!(#name!(#tokens))
        }
    }

    fn print(checks: &[Check]) -> Option<String> {
        // The derive's paths: everything in full.
        let paths = Paths {
            rt: quote!(::rt),
            check: quote!(::rt::__private::check),
            some: quote!(::core::option::Option::Some),
            none: quote!(::core::option::Option::None),
        };
        Printer {
            paths: &paths,
            statics: &mut Numbered,
        }
        .checks(checks, &quote!(value), 0)
        .map(|t| t.to_string())
    }

    #[test]
    fn undeclared_members_are_checked_each_at_its_key() {
        let text = print(&[Check::Undeclared(vec![Check::Int {
            width: IntWidth::I32,
            bounds: Bounds {
                min: None,
                max: Some(9),
            },
        }])])
        .unwrap();
        assert_eq!(
            text,
            quote! {
                for (key, value) in value {
                    let path = path.field(key);
                    ::rt::__private::check::int(
                        i64::from(*value),
                        ::core::option::Option::None,
                        ::core::option::Option::Some(9i64),
                        path,
                        errors
                    );
                }
            }
            .to_string()
        );
    }

    #[test]
    fn paths_and_statics_are_the_callers() {
        let text = print(&[
            Check::String(StringRuleId(2)),
            Check::Int {
                width: IntWidth::I32,
                bounds: Bounds {
                    min: Some(1),
                    max: None,
                },
            },
        ])
        .unwrap();
        assert_eq!(
            text,
            quote! {
                ::rt::__private::check::string(value, &RULES_2, path, errors);
                ::rt::__private::check::int(
                    i64::from(*value),
                    ::core::option::Option::Some(1i64),
                    ::core::option::Option::None,
                    path,
                    errors
                );
            }
            .to_string()
        );
    }

    #[test]
    fn keys_of_an_enum_name_its_values_and_list() {
        let text = print(&[Check::Keys {
            check: ElementCheck {
                test: ElementTest::EnumKey(TypeId(3)),
                list: ConstraintListId(4),
            },
            site: None,
        }])
        .unwrap();
        assert!(
            text.contains("VALUES_3 . contains (& item . as_str ())"),
            "{text}"
        );
        assert!(text.contains("MapKey (& LIST_4)"), "{text}");
    }

    #[test]
    fn derive_checks_are_spanned_at_their_site() {
        let text = print(&[
            Check::StrRef {
                rule: StringRuleId(1),
                site: SiteId(5),
            },
            Check::IntFrom {
                test: IntTest {
                    bounds: None,
                    values: Some(vec![1, 2]),
                },
                site: SiteId(6),
            },
        ])
        .unwrap();
        assert!(
            text.contains("string (at_5 ! (:: core :: convert :: AsRef :: < str > :: as_ref (value)) , & RULES_1"),
            "{text}"
        );
        assert!(
            text.contains("let v = at_6 ! (:: core :: primitive :: i64 :: from (* value))"),
            "{text}"
        );
        assert!(!text.contains("check :: int ("), "{text}");
    }

    #[test]
    fn a_wide_integer_beyond_i64_is_reported_with_its_digits() {
        let text = print(&[Check::IntWide(IntTest {
            bounds: Some(Bounds {
                min: None,
                max: Some(9),
            }),
            values: None,
        })])
        .unwrap();
        assert!(
            text.contains("TryFrom < _ >> :: try_from (* value)"),
            "{text}"
        );
        assert!(text.contains("ShownValue :: Text"), "{text}");
        assert!(
            text.contains("Constraint :: Maximum (:: rt :: Limit :: Int (9i64))"),
            "{text}"
        );
    }

    #[test]
    fn a_required_option_reports_a_missing_value() {
        let text = print(&[Check::Optional {
            required: true,
            checks: vec![Check::Deref(vec![Check::NestedAt(SiteId(0))])],
        }])
        .unwrap();
        assert!(
            text.contains("if let :: core :: option :: Option :: Some (value) = value"),
            "{text}"
        );
        assert!(text.contains("let value = & * * value ;"), "{text}");
        assert!(
            text.contains("else { :: rt :: __private :: check :: missing (path , errors) ; }"),
            "{text}"
        );
        let empty = print(&[Check::Optional {
            required: true,
            checks: Vec::new(),
        }])
        .unwrap();
        assert!(empty.contains("if value . is_none ()"), "{empty}");
    }

    #[test]
    fn derive_collections_read_their_items_at_their_site() {
        let text = print(&[
            Check::Size {
                bounds: Bounds {
                    min: Some(1),
                    max: None,
                },
                shown: Some(Shown::StrRef(SiteId(1))),
                site: Some(SiteId(0)),
            },
            Check::Keys {
                check: ElementCheck {
                    test: ElementTest::StrEnum {
                        values: TypeId(2),
                        site: SiteId(3),
                    },
                    list: ConstraintListId(0),
                },
                site: Some(SiteId(0)),
            },
            Check::Elements {
                of: Collection::MapAt(SiteId(0)),
                check: ElementCheck {
                    test: ElementTest::Deref(Box::new(ElementTest::IntFrom {
                        test: IntTest {
                            bounds: Some(Bounds {
                                min: None,
                                max: Some(9),
                            }),
                            values: None,
                        },
                        site: SiteId(4),
                    })),
                    list: ConstraintListId(1),
                },
                shown: None,
            },
            Check::Each {
                of: Collection::Opaque(SiteId(5)),
                checks: vec![Check::NestedAt(SiteId(6))],
            },
        ])
        .unwrap();
        assert!(
            text.contains("list_length (value , at_0 ! (value . len ()) , :: core :: option :: Option :: Some (1u64)"),
            "{text}"
        );
        assert!(
            text.contains("| item , out | :: rt :: __private :: check :: show_str (at_1 ! (:: core :: convert :: AsRef :: < str > :: as_ref (item)) , out)"),
            "{text}"
        );
        assert!(
            text.contains("members_hidden (at_0 ! (value . keys ()) , | item | VALUES_2 . contains (& at_3 ! (:: core :: convert :: AsRef :: < str > :: as_ref (item))) , :: rt :: Constraint :: MapKey (& LIST_0)"),
            "{text}"
        );
        assert!(
            text.contains("members_hidden (at_0 ! (value . values ()) , | item | { let item = & * * item ; { let v = at_4 ! (:: core :: primitive :: i64 :: from (* item)) ; :: rt :: __private :: check :: int_ok (v"),
            "{text}"
        );
        assert!(
            text.contains("for (i , item0) in at_5 ! (:: core :: iter :: IntoIterator :: into_iter (value)) . enumerate () { let path = path . index (i) ;"),
            "{text}"
        );
    }

    #[test]
    fn derive_elements_of_unseen_types_pass_and_show_through_their_traits() {
        let text = print(&[Check::Elements {
            of: Collection::List,
            check: ElementCheck {
                test: ElementTest::PassesAt(SiteId(1)),
                list: ConstraintListId(0),
            },
            shown: Some(Shown::Deref(Box::new(Shown::DisplayAt(SiteId(2))))),
        }])
        .unwrap();
        assert!(
            text.contains("members (value , | item | :: rt :: __private :: check at_1 ! (:: passes (item)) , | item , out | { let item = & * * item ; :: rt :: __private :: check at_2 ! (:: show_display (item , out)) }"),
            "{text}"
        );
        let wide = print(&[Check::Elements {
            of: Collection::Opaque(SiteId(0)),
            check: ElementCheck {
                test: ElementTest::IntWide(IntTest {
                    bounds: None,
                    values: Some(vec![1, 2]),
                }),
                list: ConstraintListId(0),
            },
            shown: None,
        }])
        .unwrap();
        assert!(
            wide.contains("members_hidden (value , | item | match"),
            "{wide}"
        );
        assert!(
            wide.contains(":: core :: result :: Result :: Ok (v) => [1i64 , 2i64] . contains (& v) , :: core :: result :: Result :: Err (_) => false"),
            "{wide}"
        );
    }

    #[test]
    fn nothing_to_check_prints_nothing() {
        assert_eq!(print(&[]), None);
        let each = print(&[Check::Each {
            of: Collection::List,
            checks: Vec::new(),
        }]);
        assert_eq!(each.as_deref(), Some(""));
    }
}
