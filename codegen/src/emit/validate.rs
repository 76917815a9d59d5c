//! `Validate` impls: the spec's constraints, checked in place with AWS's messages.
//!
//! Lowering decides every check (`lower::checks`, the validation model of [`Check`]s);
//! this module only prints them, with the printer of `specgen-checks` that the derive
//! macro shares. Checks are straight-line code over the members; string
//! constraints and the constraint lists of elements come from the shared statics of the
//! `rules` module. Members that check nothing generate no code, so a structure without
//! constraints validates in no time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Cx, RULES, ident, paths, sibling};
use crate::ir::{
    Api, BodyValidator, Check, ConstraintListId, StringRuleId, Struct, TypeChecks, TypeId, Union,
};
use specgen_checks::{Printer, Statics};

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
        let aname = ident(&a.name);
        if let Some(check) = print_checks(cx, &model.additional, &quote!(&self.#aname), 0) {
            checks.push(check);
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

/// The generator's statics: those of the `rules` module, and each enum's `VALUES`.
struct Rules<'a>(&'a Api);

impl Statics for Rules<'_> {
    fn string_rule(&mut self, id: StringRuleId) -> TokenStream {
        let (rules, rule) = (sibling(RULES), ident(&self.0.checks.string(id).name));
        quote!(#rules::#rule)
    }

    fn list(&mut self, id: ConstraintListId) -> TokenStream {
        let (rules, list) = (sibling(RULES), ident(&self.0.checks.list(id).name));
        quote!(#rules::#list)
    }

    fn enum_values(&mut self, id: TypeId) -> TokenStream {
        let name = ident(&self.0.ty(id).name);
        quote!(#name::VALUES)
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
    let paths = paths();
    let mut statics = Rules(cx.api);
    Printer {
        paths: &paths,
        statics: &mut statics,
    }
    .checks(checks, value, depth)
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
