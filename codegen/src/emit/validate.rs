//! `Validate` impls: the spec's constraints, checked in place with AWS's messages.
//!
//! Lowering decides every check (`lower::checks`, the validation model of [`Check`]s);
//! this module only prints them. Checks are straight-line code over the members; string
//! constraints and the constraint lists of elements come from the shared statics of the
//! `rules` module. Members that check nothing generate no code, so a structure without
//! constraints validates in no time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Cx, ident};
use crate::ir::{
    BodyValidator, Bounds, Check, Collection, ElementCheck, ElementTest, FloatWidth, IntWidth,
    Struct, TypeChecks, Union,
};

pub(crate) fn emit_struct(
    cx: &Cx<'_>,
    name: &Ident,
    st: &Struct,
    model: &TypeChecks,
) -> TokenStream {
    let rt = quote!(rt);
    let mut checks = Vec::new();
    for (f, member) in st.fields.iter().zip(&model.members) {
        let value = quote!(value);
        let Some(check) = print_checks(cx, &member.checks, &value, 0) else {
            continue;
        };
        let fname = ident(&f.name);
        let path_name = &f.path_name;
        checks.push(if member.unless_stand_in {
            // A required member may be a stand-in for a missing one (`from_http` reads
            // past it): it is reported as missing, not checked.
            quote! {
                {
                    let value = &self.#fname;
                    let path = path.field(#path_name);
                    if !errors.is_stand_in(path) {
                        #check
                    }
                }
            }
        } else if !f.optional() {
            quote! {
                {
                    let value = &self.#fname;
                    let path = path.field(#path_name);
                    #check
                }
            }
        } else {
            quote! {
                if let Some(value) = &self.#fname {
                    let path = path.field(#path_name);
                    #check
                }
            }
        });
    }
    if let Some(a) = &st.additional {
        let item = quote!(value);
        if let Some(check) = print_checks(cx, &model.additional, &item, 1) {
            let aname = ident(&a.name);
            // Undeclared members are paths of their own: `parent.<wire name>`.
            checks.push(quote! {
                for (key, value) in &self.#aname {
                    let path = path.field(key);
                    #check
                }
            });
        }
    }
    if checks.is_empty() {
        return quote! {
            impl #rt::Validate for #name {
                fn validate_at(&self, _path: #rt::Path<'_>, _errors: &mut #rt::ValidationErrors) {}
            }
        };
    }
    quote! {
        impl #rt::Validate for #name {
            fn validate_at(&self, path: #rt::Path<'_>, errors: &mut #rt::ValidationErrors) {
                #(#checks)*
            }
        }
    }
}

fn bound<T: quote::ToTokens>(b: Option<T>) -> TokenStream {
    match b {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// The bounds as the two arguments of a `check::` helper.
fn bounds<T: quote::ToTokens + Copy>(b: &Bounds<T>) -> (TokenStream, TokenStream) {
    (bound(b.min), bound(b.max))
}

/// An integer `value` (a reference) as an `i64`.
fn as_i64(width: IntWidth, value: &TokenStream) -> TokenStream {
    match width {
        IntWidth::I64 => quote!(*#value),
        IntWidth::I32 => quote!(i64::from(*#value)),
    }
}

/// Code performing `checks` on `value` (a reference) at `path`; `None` when there are
/// none. `depth` numbers the loop variables of nested elements.
pub(crate) fn print_checks(
    cx: &Cx<'_>,
    checks: &[Check],
    value: &TokenStream,
    depth: usize,
) -> Option<TokenStream> {
    if checks.is_empty() {
        return None;
    }
    let mut out = TokenStream::new();
    for check in checks {
        out.extend(print_check(cx, check, value, depth));
    }
    Some(out)
}

fn print_check(cx: &Cx<'_>, check: &Check, value: &TokenStream, depth: usize) -> TokenStream {
    let rt = quote!(rt);
    match check {
        Check::String(rule) => {
            let rule = ident(&cx.api.checks.string(*rule).name);
            quote! {
                check::string(#value, &super::rules::#rule, path, errors);
            }
        }
        Check::BlobLength(b) => {
            let (min, max) = bounds(b);
            quote! {
                check::blob_length(#value, #min, #max, path, errors);
            }
        }
        Check::Int { width, bounds: b } => {
            let v = as_i64(*width, value);
            let (min, max) = bounds(b);
            quote!(check::int(#v, #min, #max, path, errors);)
        }
        Check::IntEnum { width, values } => {
            let v = as_i64(*width, value);
            let names: Vec<String> = values.iter().map(i64::to_string).collect();
            quote! {
                check::int_enum(#v, &[#(#values),*], &[#(#names),*], path, errors);
            }
        }
        Check::Float { width, bounds: b } => {
            let (min, max) = bounds(b);
            // An `f32` is compared in its own precision.
            match width {
                FloatWidth::F64 => quote!(check::float(*#value, #min, #max, path, errors);),
                FloatWidth::F32 => quote!(check::float32(*#value, #min, #max, path, errors);),
            }
        }
        Check::Size { bounds: b, shown } => {
            let (min, max) = bounds(b);
            // A list of printable values shows itself (`Value '[a, b]' at 'x'`).
            match shown {
                Some(shown) => {
                    let show = print_shown(shown);
                    quote! {
                        check::list_length(#value, #value.len(), #min, #max, #show, path, errors);
                    }
                }
                None => quote! {
                    check::length(#value.len(), #min, #max, path, errors);
                },
            }
        }
        Check::Enum => quote! {
            #rt::Validate::validate_at(#value, path, errors);
        },
        Check::Keys(element) => {
            let (ok, list) = print_element(cx, element);
            quote! {
                check::members_hidden(#value.keys(), #ok, #rt::Constraint::MapKey(&super::rules::#list), path, errors);
            }
        }
        Check::Elements { of, check, shown } => {
            let (ok, list) = print_element(cx, check);
            match (of, shown) {
                (Collection::Map, _) => quote! {
                    check::members_hidden(#value.values(), #ok, #rt::Constraint::MapValue(&super::rules::#list), path, errors);
                },
                (Collection::List, Some(shown)) => {
                    let show = print_shown(shown);
                    quote! {
                        check::members(#value, #ok, #show, #rt::Constraint::ListMember(&super::rules::#list), path, errors);
                    }
                }
                (Collection::List, None) => quote! {
                    check::members_hidden(#value, #ok, #rt::Constraint::ListMember(&super::rules::#list), path, errors);
                },
            }
        }
        Check::Each { of, checks } => {
            let item = quote::format_ident!("item{}", depth);
            let item_ts = quote!(#item);
            let Some(item_check) = print_checks(cx, checks, &item_ts, depth + 1) else {
                return TokenStream::new();
            };
            let (iter, step) = match of {
                Collection::Map => (quote!(#value.values()), quote!(path.map_value(i))),
                Collection::List => (quote!(#value.iter()), quote!(path.index(i))),
            };
            let i = quote::format_ident!("i");
            quote! {
                for (#i, #item) in #iter.enumerate() {
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
    }
}

/// An element test as a closure (whether an element, a reference, meets the constraints),
/// and the static of the `rules` module listing them, for the message.
fn print_element(cx: &Cx<'_>, element: &ElementCheck) -> (TokenStream, Ident) {
    let ok = match &element.test {
        ElementTest::String { rule, blob } => {
            let mut tests = Vec::new();
            if let Some(rule) = rule {
                let rule = ident(&cx.api.checks.string(*rule).name);
                tests.push(quote!(check::string_ok(item, &super::rules::#rule)));
            }
            if let Some(b) = blob {
                let (min, max) = bounds(b);
                tests.push(quote!(check::blob_ok(item, #min, #max)));
            }
            quote!(|item| #(#tests)&&*)
        }
        ElementTest::Int {
            width,
            bounds: b,
            values,
        } => {
            let v = as_i64(*width, &quote!(item));
            let mut tests = Vec::new();
            if let Some(b) = b {
                let (min, max) = bounds(b);
                tests.push(quote!(check::int_ok(v, #min, #max)));
            }
            if let Some(values) = values {
                tests.push(quote!([#(#values),*].contains(&v)));
            }
            quote!(|item| { let v = #v; #(#tests)&&* })
        }
        ElementTest::Float { width, bounds: b } => {
            let ok = match width {
                FloatWidth::F64 => quote!(check::float_ok),
                FloatWidth::F32 => quote!(check::float32_ok),
            };
            let (min, max) = bounds(b);
            quote!(|item| #ok(*item, #min, #max))
        }
        ElementTest::Size(b) => {
            let (min, max) = bounds(b);
            quote!(|item| check::length_ok(item.len(), #min, #max))
        }
        ElementTest::EnumKey(id) => {
            let name = ident(&cx.api.ty(*id).name);
            quote!(|item| #name::VALUES.contains(&item.as_str()))
        }
        ElementTest::EnumValue => quote!(check::passes),
    };
    (ok, ident(&cx.api.checks.list(element.list).name))
}

/// A function writing one element of a shown list as Java prints it.
fn print_shown(shown: &crate::ir::Shown) -> TokenStream {
    use crate::ir::Shown;
    match shown {
        Shown::Str => quote!(check::show_str),
        Shown::Display => quote!(check::show_display),
        Shown::EnumStr => quote!(|item, out| check::show_str(item.as_str(), out)),
        Shown::Nested(inner) => {
            let show = print_shown(inner);
            quote!(|item, out| check::show_nested(item, #show, out))
        }
    }
}

pub(crate) fn emit_union(cx: &Cx<'_>, name: &Ident, u: &Union, model: &TypeChecks) -> TokenStream {
    let rt = quote!(rt);
    let mut arms = Vec::new();
    let mut singles = Vec::new();
    for (v, member) in u.variants.iter().zip(&model.members) {
        let value = quote!(value);
        if let Some(check) = print_checks(cx, &member.checks, &value, 0) {
            let variant = ident(&v.name);
            arms.push(quote!(Self::#variant(value) => { #check }));
            singles.push((variant, check));
        }
    }
    if arms.is_empty() {
        return quote! {
            impl #rt::Validate for #name {
                fn validate_at(&self, _path: #rt::Path<'_>, _errors: &mut #rt::ValidationErrors) {}
            }
        };
    }
    let body = if arms.len() == 1 && u.variants.len() > 1 {
        let (variant, check) = &singles[0];
        quote! {
            if let Self::#variant(value) = self {
                #check
            }
        }
    } else {
        let rest = (arms.len() < u.variants.len()).then(|| quote!(_ => {}));
        quote! {
            match self {
                #(#arms)*
                #rest
            }
        }
    };
    quote! {
        impl #rt::Validate for #name {
            fn validate_at(&self, path: #rt::Path<'_>, errors: &mut #rt::ValidationErrors) {
                #body
            }
        }
    }
}

/// A function validating a request body whose type is not a structure (an alias of a list,
/// map or scalar), for `Request::from_body`, named by lowering.
pub(crate) fn emit_body_fn(cx: &Cx<'_>, validator: &BodyValidator) -> TokenStream {
    let rt = quote!(rt);
    let def = cx.api.ty(validator.ty);
    let name = ident(&def.name);
    let fn_name = ident(&validator.name);
    let check = print_checks(cx, &validator.checks, &quote!(value), 0);
    let docs = super::doc_attrs(&format!(
        "Checks a `{}` request body (a type alias, which cannot implement `Validate`).",
        def.name
    ));
    match check {
        Some(check) => quote! {
            #docs
            // The signature must match `fn(&T, ..)` whatever `T` is.
            #[allow(clippy::ptr_arg)]
            pub fn #fn_name(value: &#name, path: #rt::Path<'_>, errors: &mut #rt::ValidationErrors) {
                #check
            }
        },
        None => quote! {
            #docs
            #[allow(clippy::ptr_arg)]
            pub fn #fn_name(_value: &#name, _path: #rt::Path<'_>, _errors: &mut #rt::ValidationErrors) {}
        },
    }
}
