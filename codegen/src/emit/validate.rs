//! `Validate` impls: the spec's constraints, checked in place with AWS's messages.
//!
//! Checks are straight-line code over the members; string constraints come from the shared
//! statics of the `rules` module. Members whose shapes check nothing generate no code, so a
//! structure without constraints validates in no time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::rules::Rules;
use super::{Cx, ident};
use crate::ir::{Bound, FloatWidth, IntWidth, Shape, ShapeKind, Struct, TypeKind, Union};

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
        // A member that is a structure or union is checked only in deep checks, where
        // nothing stands in for anything.
        let stand_in_possible = !matches!(
            shape.kind,
            ShapeKind::Named(id) if checks_itself(cx, id)
        );
        checks.push(if !f.optional() && cx.reads_wire() && stand_in_possible {
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
        let shape = cx.api.resolve(&a.shape);
        let item = quote!(value);
        if let Some(check) = check_value(cx, &shape, &item, rules, 1) {
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

/// Whether values of the named type check themselves when a checking reader reads them.
fn checks_itself(cx: &Cx<'_>, id: crate::ir::TypeId) -> bool {
    matches!(
        cx.api.ty(id).kind,
        TypeKind::Struct(_) | TypeKind::Exception(_) | TypeKind::Union(_)
    )
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
            let mut out = TokenStream::new();
            if let Some(rule) = rules.string_rule(c).filter(|_| c.string_checked()) {
                out.extend(quote! {
                    check::string(#value, &super::rules::#rule, path, errors);
                });
            }
            if c.blob_checked() {
                // A blob's limits count its bytes, not the base64 text that carries them.
                let (min, max) = (len_bound(c.min_bytes), len_bound(c.max_bytes));
                out.extend(quote! {
                    check::blob_length(#value, #min, #max, path, errors);
                });
            }
            if out.is_empty() {
                return None;
            }
            cx.uses_check.set(true);
            Some(out)
        }
        ShapeKind::Integer(width)
            if c.minimum.is_some() || c.maximum.is_some() || c.int_enum.is_some() =>
        {
            cx.uses_check.set(true);
            let v = match width {
                IntWidth::I64 => quote!(*#value),
                IntWidth::I32 => quote!(i64::from(*#value)),
            };
            let mut out = TokenStream::new();
            if c.minimum.is_some() || c.maximum.is_some() {
                let (min, max) = (int_bound(c.minimum), int_bound(c.maximum));
                out.extend(quote!(check::int(#v, #min, #max, path, errors);));
            }
            if let Some(values) = &c.int_enum {
                let names: Vec<String> = values.iter().map(i64::to_string).collect();
                out.extend(quote! {
                    check::int_enum(#v, &[#(#values),*], &[#(#names),*], path, errors);
                });
            }
            Some(out)
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
        ShapeKind::Named(id) if cx.needs_checks[id.0] => {
            // Structures and unions check themselves when a checking reader reads them
            // (`from_http`); their container leaves them alone then.
            Some(if checks_itself(cx, *id) && cx.reads_wire() {
                quote! {
                    if errors.deep() {
                        #rt::Validate::validate_at(#value, path, errors);
                    }
                }
            } else {
                quote! {
                    #rt::Validate::validate_at(#value, path, errors);
                }
            })
        }
        _ => None,
    }
}

pub(crate) fn emit_union(cx: &Cx<'_>, name: &Ident, u: &Union, rules: &Rules) -> TokenStream {
    let rt = quote!(rt);
    let mut arms = Vec::new();
    let mut singles = Vec::new();
    for v in &u.variants {
        let shape = cx.api.resolve(&v.shape);
        let value = quote!(value);
        if let Some(check) = check_value(cx, &shape, &value, rules, 0) {
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
/// map or scalar), for `Request::from_body`. Its name is `validate_<snake type name>`.
pub(crate) fn emit_body_fn(cx: &Cx<'_>, def: &crate::ir::TypeDef, rules: &Rules) -> TokenStream {
    let rt = quote!(rt);
    let name = ident(&def.name);
    let fn_name = body_fn_name(def);
    let check = match &def.kind {
        TypeKind::Alias(shape) => {
            let value = quote!(value);
            check_value(cx, &cx.api.resolve(shape), &value, rules, 0)
        }
        _ => None,
    };
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

/// Name of the body validation function of a non-structure type.
pub(crate) fn body_fn_name(def: &crate::ir::TypeDef) -> Ident {
    use heck::ToSnakeCase;
    quote::format_ident!("validate_{}", def.name.to_snake_case())
}
