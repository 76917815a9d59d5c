//! Short ways to build values, beside `Default` (derived on every structure whose members
//! are all optional):
//! - `new(required…)` on each structure with required members: those members, in spec
//!   order, and every optional one empty (`..` fills in others:
//!   `SignUpResponse { session: Some(s), ..SignUpResponse::new(false, sub) }`);
//! - `new(message)` on each exception whose members are all optional.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, ident};
use crate::ir::{Struct, TypeDef, TypeKind};

/// Constructors for the `types` module, one impl per structure or exception that gets one.
pub(crate) fn emit(cx: &Cx<'_>) -> Vec<TokenStream> {
    cx.api
        .types
        .iter()
        .filter_map(|def| match &def.kind {
            TypeKind::Struct(st) => constructor(cx, def, st, false),
            TypeKind::Exception(st) => constructor(cx, def, st, true),
            _ => None,
        })
        .collect()
}

/// Whether every member of a structure is optional, so that it derives `Default`.
pub(crate) fn all_optional(st: &Struct) -> bool {
    st.fields.iter().all(|f| f.optional())
}

fn constructor(cx: &Cx<'_>, def: &TypeDef, st: &Struct, exception: bool) -> Option<TokenStream> {
    let name = ident(&def.name);
    if all_optional(st) {
        if !exception {
            return None;
        }
        let code = def.error_code();
        let docs = format!(" `{code}` with this message.");
        let rest = if st.fields.is_empty() && st.additional.is_none() {
            TokenStream::new()
        } else {
            quote!(..::core::default::Default::default())
        };
        return Some(quote! {
            impl #name {
                #[doc = #docs]
                pub fn new(message: impl ::core::convert::Into<::std::string::String>) -> Self {
                    Self {
                        message: ::core::option::Option::Some(message.into()),
                        #rest
                    }
                }
            }
        });
    }
    let mut params = Vec::new();
    let mut inits = Vec::new();
    let mut wires = Vec::new();
    if exception {
        inits.push(quote!(message: ::core::option::Option::None,));
    }
    for f in &st.fields {
        let field = ident(&f.name);
        if f.optional() {
            inits.push(quote!(#field: ::core::option::Option::None,));
            continue;
        }
        let mut ty = cx.rust_type(&f.shape, &TokenStream::new());
        if f.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
        }
        params.push(quote!(#field: impl ::core::convert::Into<#ty>));
        inits.push(quote!(#field: #field.into(),));
        wires.push(format!("`{}`", f.wire_name));
    }
    if let Some(a) = &st.additional {
        let field = ident(&a.name);
        inits.push(quote!(#field: ::std::collections::BTreeMap::new(),));
    }
    let docs = format!(
        " A value with its required members ({}) and no optional ones.",
        wires.join(", ")
    );
    // Structures with many required members take them all: a builder type per structure
    // would double the crate for little gain.
    let allow = (params.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    Some(quote! {
        impl #name {
            #[doc = #docs]
            #allow
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits)* }
            }
        }
    })
}
