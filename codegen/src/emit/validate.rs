//! `Validate` impls: the spec's constraints, checked in place with AWS's messages.
//!
//! Checks are straight-line code over the members; string constraints and the constraint
//! lists of elements come from the shared statics of the `rules` module (named in
//! lowering, `lower::checks`, which walks these checks in the same order). Members whose shapes check nothing generate no code, so a
//! structure without constraints validates in no time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Cx, ident};
use crate::ir::{
    BodyValidator, Bound, FloatWidth, IntWidth, Shape, ShapeKind, Struct, TypeKind, Union,
};

pub(crate) fn emit_struct(cx: &Cx<'_>, name: &Ident, st: &Struct) -> TokenStream {
    let rt = quote!(rt);
    let mut checks = Vec::new();
    for f in &st.fields {
        let shape = cx.api.resolve(&f.shape);
        let value = quote!(value);
        let Some(check) = check_value(cx, &shape, &value, 0) else {
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
        if let Some(check) = check_value(cx, &shape, &item, 1) {
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

/// Code checking `value` (a reference) at `path`: the constraints of the value itself and
/// those of the values inside it; `None` when nothing applies.
pub(crate) fn check_value(
    cx: &Cx<'_>,
    shape: &Shape,
    value: &TokenStream,
    depth: usize,
) -> Option<TokenStream> {
    let own = own_check(cx, shape, value);
    let inner = inner_check(cx, shape, value, depth);
    match (own, inner) {
        (None, None) => None,
        (own, inner) => Some(quote!(#own #inner)),
    }
}

/// The constraints of the value itself: a string's length and pattern, a number's range,
/// an enum's values, a collection's size.
fn own_check(cx: &Cx<'_>, shape: &Shape, value: &TokenStream) -> Option<TokenStream> {
    let rt = quote!(rt);
    let c = &shape.constraints;
    match &shape.kind {
        ShapeKind::String => {
            let mut out = TokenStream::new();
            if let Some(rule) = cx.api.string_rule(c) {
                let rule = ident(&rule.name);
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
            Some(out)
        }
        ShapeKind::Integer(width)
            if c.minimum.is_some() || c.maximum.is_some() || c.int_enum.is_some() =>
        {
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
            let (min, max) = (float_bound(c.minimum), float_bound(c.maximum));
            // An `f32` is compared in its own precision.
            Some(match width {
                FloatWidth::F64 => quote!(check::float(*#value, #min, #max, path, errors);),
                FloatWidth::F32 => quote!(check::float32(*#value, #min, #max, path, errors);),
            })
        }
        ShapeKind::List(_) | ShapeKind::Map(_) if c.min_len.is_some() || c.max_len.is_some() => {
            let (min, max) = (len_bound(c.min_len), len_bound(c.max_len));
            // A list of printable values shows itself (`Value '[a, b]' at 'x'`); maps,
            // sensitive lists and lists of structures are not shown.
            Some(match (&shape.kind, show_item(cx, shape)) {
                (ShapeKind::List(_), Some(show)) => quote! {
                    check::list_length(#value, #value.len(), #min, #max, #show, path, errors);
                },
                _ => quote! {
                    check::length(#value.len(), #min, #max, path, errors);
                },
            })
        }
        ShapeKind::Named(id) if matches!(cx.api.ty(*id).kind, TypeKind::Enum(_)) => Some(quote! {
            #rt::Validate::validate_at(#value, path, errors);
        }),
        _ => None,
    }
}

/// The constraints of the values inside: the elements of a list and the keys and values
/// of a map (their own constraints once at the collection's path, AWS's `Member must
/// satisfy constraint: [...]`; what is inside them at each element's path), and the
/// members of a structure or union.
fn inner_check(
    cx: &Cx<'_>,
    shape: &Shape,
    value: &TokenStream,
    depth: usize,
) -> Option<TokenStream> {
    let rt = quote!(rt);
    match &shape.kind {
        ShapeKind::List(inner) | ShapeKind::Map(inner) => {
            let is_map = matches!(shape.kind, ShapeKind::Map(_));
            let inner = cx.api.resolve(inner);
            let mut body = TokenStream::new();
            if is_map
                && let Some(key) = &shape.constraints.map_key
                && let Some(rule) = element_rule(cx, &cx.api.resolve(key), true)
            {
                let (ok, list) = (rule.ok, rule.constraints);
                body.extend(quote! {
                    check::members_hidden(#value.keys(), #ok, #rt::Constraint::MapKey(&super::rules::#list), path, errors);
                });
            }
            if let Some(rule) = element_rule(cx, &inner, false) {
                let (ok, list) = (rule.ok, rule.constraints);
                // The list is shown unless it is sensitive or its elements cannot be.
                let show = show_item(cx, shape).filter(|_| !is_map);
                body.extend(match (is_map, show) {
                    (true, _) => quote! {
                        check::members_hidden(#value.values(), #ok, #rt::Constraint::MapValue(&super::rules::#list), path, errors);
                    },
                    (false, Some(show)) => quote! {
                        check::members(#value, #ok, #show, #rt::Constraint::ListMember(&super::rules::#list), path, errors);
                    },
                    (false, None) => quote! {
                        check::members_hidden(#value, #ok, #rt::Constraint::ListMember(&super::rules::#list), path, errors);
                    },
                });
            }
            let item = quote::format_ident!("item{}", depth);
            let item_ts = quote!(#item);
            if let Some(item_check) = inner_check(cx, &inner, &item_ts, depth + 1) {
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
        ShapeKind::Named(id) if cx.needs_checks[id.0] && checks_itself(cx, *id) => {
            // Structures and unions check themselves when a checking reader reads them
            // (`from_http`); their container leaves them alone then.
            Some(if cx.reads_wire() {
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

/// How an element of a collection is judged against the constraints of its own shape.
struct ElementRule {
    /// A closure: whether an element (a reference) meets them all.
    ok: TokenStream,
    /// The static of the `rules` module listing them, for the message.
    constraints: Ident,
}

/// The element test of a (resolved) element shape, or `None` when it has no constraints
/// of its own. `key`: the elements are map keys, held as `String` whatever their shape.
fn element_rule(cx: &Cx<'_>, shape: &Shape, key: bool) -> Option<ElementRule> {
    let listed = cx.api.listed_constraints(shape, key)?;
    // Lowering names the list of every element this code checks (`lower::checks` walks
    // the same values in the same order).
    let Some(list) = cx.api.constraint_list(&listed) else {
        debug_assert!(false, "no constraint list for {listed:?}");
        return None;
    };
    let c = &shape.constraints;
    let ok = match &shape.kind {
        ShapeKind::String => {
            let mut tests = Vec::new();
            if let Some(rule) = cx.api.string_rule(c) {
                let rule = ident(&rule.name);
                tests.push(quote!(check::string_ok(item, &super::rules::#rule)));
            }
            if c.blob_checked() {
                let (min, max) = (len_bound(c.min_bytes), len_bound(c.max_bytes));
                tests.push(quote!(check::blob_ok(item, #min, #max)));
            }
            quote!(|item| #(#tests)&&*)
        }
        ShapeKind::Integer(width) => {
            let v = match width {
                IntWidth::I64 => quote!(*item),
                IntWidth::I32 => quote!(i64::from(*item)),
            };
            let mut tests = Vec::new();
            if c.minimum.is_some() || c.maximum.is_some() {
                let (min, max) = (int_bound(c.minimum), int_bound(c.maximum));
                tests.push(quote!(check::int_ok(v, #min, #max)));
            }
            if let Some(values) = &c.int_enum {
                tests.push(quote!([#(#values),*].contains(&v)));
            }
            quote!(|item| { let v = #v; #(#tests)&&* })
        }
        ShapeKind::Number(width) => {
            let ok = match width {
                FloatWidth::F64 => quote!(check::float_ok),
                FloatWidth::F32 => quote!(check::float32_ok),
            };
            let (min, max) = (float_bound(c.minimum), float_bound(c.maximum));
            quote!(|item| #ok(*item, #min, #max))
        }
        ShapeKind::List(_) | ShapeKind::Map(_) => {
            let (min, max) = (len_bound(c.min_len), len_bound(c.max_len));
            quote!(|item| check::length_ok(item.len(), #min, #max))
        }
        ShapeKind::Named(id) => {
            let name = ident(&cx.api.ty(*id).name);
            // Keys are held as text; values as the enum, which knows whether it is known.
            if key {
                quote!(|item| #name::VALUES.contains(&item.as_str()))
            } else {
                quote!(check::passes)
            }
        }
        // Nothing else lists constraints.
        ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Any => return None,
    };
    let constraints = ident(&list.name);
    Some(ElementRule { ok, constraints })
}

/// A function writing one element of a list of `shape` (a list shape) as Java prints it,
/// or `None` when the list is not shown: it is sensitive, or its elements are sensitive
/// strings, blobs, structures, maps or timestamps.
fn show_item(cx: &Cx<'_>, shape: &Shape) -> Option<TokenStream> {
    let ShapeKind::List(inner) = &shape.kind else {
        return None;
    };
    if shape.constraints.sensitive {
        return None;
    }
    let inner = cx.api.resolve(inner);
    let c = &inner.constraints;
    match &inner.kind {
        ShapeKind::String if !c.sensitive && !c.blob_checked() => Some(quote!(check::show_str)),
        ShapeKind::Integer(_) | ShapeKind::Number(_) | ShapeKind::Boolean => {
            Some(quote!(check::show_display))
        }
        ShapeKind::Named(id) if matches!(cx.api.ty(*id).kind, TypeKind::Enum(_)) => {
            Some(quote!(|item, out| check::show_str(item.as_str(), out)))
        }
        ShapeKind::List(_) => {
            let show = show_item(cx, &inner)?;
            Some(quote!(|item, out| check::show_nested(item, #show, out)))
        }
        _ => None,
    }
}

pub(crate) fn emit_union(cx: &Cx<'_>, name: &Ident, u: &Union) -> TokenStream {
    let rt = quote!(rt);
    let mut arms = Vec::new();
    let mut singles = Vec::new();
    for v in &u.variants {
        let shape = cx.api.resolve(&v.shape);
        let value = quote!(value);
        if let Some(check) = check_value(cx, &shape, &value, 0) {
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
    let check = match &def.kind {
        TypeKind::Alias(shape) => {
            let value = quote!(value);
            check_value(cx, &cx.api.resolve(shape), &value, 0)
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
