//! `Validate` impls: the spec's constraints, checked in place with AWS's messages.
//!
//! Checks are straight-line code over the members; string constraints come from the shared
//! statics of the `rules` module. Members whose shapes check nothing generate no code, so a
//! structure without constraints validates in no time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::rules::{Rules, string_checked};
use super::{Cx, ident};
use crate::ir::{Bound, FloatWidth, IntWidth, Shape, ShapeKind, Struct, TypeKind};

pub(crate) fn emit_struct(cx: &Cx<'_>, name: &Ident, st: &Struct, rules: &Rules) -> TokenStream {
    let rt = quote!(rt);
    let mut checks = Vec::new();
    for f in &st.fields {
        let shape = cx.api.resolve(&f.shape);
        let value = quote!(value);
        let Some(check) = check_value(cx, &shape, &value, rules, 0) else {
            continue;
        };
        let fname = ident(&f.name);
        let path_name = &f.path_name;
        checks.push(if f.required {
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

fn int_bound(b: Option<Bound>) -> TokenStream {
    match b {
        Some(Bound::Int(v)) => quote!(Some(#v)),
        Some(Bound::Float(v)) => {
            let v = v as i64;
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

fn float_bound(b: Option<Bound>) -> TokenStream {
    match b {
        Some(Bound::Float(v)) => quote!(Some(#v)),
        Some(Bound::Int(v)) => {
            let v = v as f64;
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

fn len_bound(v: Option<u64>) -> TokenStream {
    match v {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// Whether values of a named type need checking (enums always do: unknown values fail).
pub(crate) fn named_checks(cx: &Cx<'_>, id: crate::ir::TypeId, depth: usize) -> bool {
    if depth > 64 {
        // Recursive types: assume yes; the impl exists either way.
        return true;
    }
    match &cx.api.ty(id).kind {
        TypeKind::Enum(_) => true,
        TypeKind::Struct(st) | TypeKind::Exception(st) => st
            .fields
            .iter()
            .any(|f| shape_checks(cx, &cx.api.resolve(&f.shape), depth + 1)),
        TypeKind::Alias(shape) => shape_checks(cx, &cx.api.resolve(shape), depth + 1),
    }
}

fn shape_checks(cx: &Cx<'_>, shape: &Shape, depth: usize) -> bool {
    let c = &shape.constraints;
    match &shape.kind {
        ShapeKind::String => string_checked(c),
        ShapeKind::Integer(_) | ShapeKind::Number(_) => c.minimum.is_some() || c.maximum.is_some(),
        ShapeKind::List(inner) | ShapeKind::Map(inner) => {
            c.min_len.is_some()
                || c.max_len.is_some()
                || shape_checks(cx, &cx.api.resolve(inner), depth + 1)
        }
        ShapeKind::Named(id) => named_checks(cx, *id, depth + 1),
        ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Any => false,
    }
}

/// Code checking `value` (a reference) at `path`, or `None` when nothing applies.
fn check_value(
    cx: &Cx<'_>,
    shape: &Shape,
    value: &TokenStream,
    rules: &Rules,
    depth: usize,
) -> Option<TokenStream> {
    let rt = quote!(rt);
    let c = &shape.constraints;
    match &shape.kind {
        ShapeKind::String => {
            let rule = rules.string_rule(c).filter(|_| string_checked(c))?;
            cx.uses_check.set(true);
            Some(quote! {
                check::string(#value, &super::rules::#rule, path, errors);
            })
        }
        ShapeKind::Integer(width) if c.minimum.is_some() || c.maximum.is_some() => {
            cx.uses_check.set(true);
            let (min, max) = (int_bound(c.minimum), int_bound(c.maximum));
            let v = match width {
                IntWidth::I64 => quote!(*#value),
                IntWidth::I32 => quote!(i64::from(*#value)),
            };
            Some(quote! {
                check::int(#v, #min, #max, path, errors);
            })
        }
        ShapeKind::Number(width) if c.minimum.is_some() || c.maximum.is_some() => {
            cx.uses_check.set(true);
            let (min, max) = (float_bound(c.minimum), float_bound(c.maximum));
            let v = match width {
                FloatWidth::F64 => quote!(*#value),
                FloatWidth::F32 => quote!(f64::from(*#value)),
            };
            Some(quote! {
                check::float(#v, #min, #max, path, errors);
            })
        }
        ShapeKind::List(inner) | ShapeKind::Map(inner) => {
            let is_map = matches!(shape.kind, ShapeKind::Map(_));
            let mut body = TokenStream::new();
            if c.min_len.is_some() || c.max_len.is_some() {
                cx.uses_check.set(true);
                let (min, max) = (len_bound(c.min_len), len_bound(c.max_len));
                body.extend(quote! {
                    check::length(#value.len(), #min, #max, path, errors);
                });
            }
            let inner = cx.api.resolve(inner);
            let item = quote::format_ident!("item{}", depth);
            let item_ts = quote!(#item);
            if let Some(item_check) = check_value(cx, &inner, &item_ts, rules, depth + 1) {
                let (iter, step) = if is_map {
                    (quote!(#value.values()), quote!(path.map_value(i)))
                } else {
                    (quote!(#value.iter()), quote!(path.index(i)))
                };
                let i = quote::format_ident!("i");
                body.extend(quote! {
                    for (#i, #item) in #iter.enumerate() {
                        let path = #step;
                        #item_check
                    }
                });
            }
            if body.is_empty() { None } else { Some(body) }
        }
        ShapeKind::Named(id) if named_checks(cx, *id, depth) => Some(quote! {
            #rt::Validate::validate_at(#value, path, errors);
        }),
        _ => None,
    }
}
