//! The `rules` module: one static per distinct pattern, per distinct string constraint set
//! and per distinct element constraint list, shared by every `Validate` impl that needs it.
//! Which statics exist and their names are the IR's ([`crate::ir::Checks`]).
//!
//! The statics are written by `specgen-checks`, as the derive macro writes its own.
//!
//! Sharing keeps the generated code small and makes "each pattern is compiled once per
//! process" hold by construction: a pattern exists exactly once, as a lazily compiled static.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, TYPES, doc_attrs, ident, paths, sibling};
use crate::docs::code_span;

/// The items of the `rules` module: the tables of [`crate::ir::Checks`], the string
/// constraint sets only where a check uses them.
pub(crate) fn emit(cx: &Cx<'_>) -> TokenStream {
    let rt = quote!(rt);
    let paths = paths();
    let mut out = TokenStream::new();
    let mut all = Vec::new();
    for (p, name) in cx.api.patterns.iter().zip(&cx.api.checks.patterns) {
        let name = ident(name);
        let docs = doc_attrs(&format!("Pattern {}.", code_span(&p.source)));
        let init = paths.pattern(p);
        out.extend(quote! {
            #docs
            pub(crate) static #name: rt::pattern::Pattern = #init;
        });
        all.push(name);
    }
    for rule in cx.api.checks.strings.iter().filter(|r| r.used) {
        let name = ident(&rule.name);
        let docs = doc_attrs(&format!("String constraints of `{}`.", rule.origin));
        let pattern = rule.pattern.map(|p| {
            let p = ident(&cx.api.checks.patterns[p.0]);
            quote!(#p)
        });
        let init = paths.str_rules(rule.min_len, rule.max_len, pattern.as_ref(), rule.sensitive);
        out.extend(quote! {
            #docs
            pub(crate) static #name: check::StrRules = #init;
        });
    }
    for list in &cx.api.checks.lists {
        let name = ident(&list.name);
        let n = proc_macro2::Literal::usize_unsuffixed(list.items.len());
        let docs = doc_attrs(&format!(
            "The constraints of {}, as a message lists them when an element of a \
             list or map breaks one.",
            list.what
        ));
        let items = list.items.iter().map(|item| {
            paths.constraint(item, |id| {
                let (types, name) = (sibling(TYPES), ident(&cx.api.ty(id).name));
                quote!(#types::#name::VALUES)
            })
        });
        out.extend(quote! {
            #docs
            pub(crate) static #name: [rt::Constraint; #n] = [#(#items),*];
        });
    }
    let count = all.len();
    out.extend(quote! {
        /// Every pattern of the spec. Each compiles on first use; call
        /// `check()` on each to compile them all up front.
        pub static PATTERNS: [&#rt::pattern::Pattern; #count] = [#(&#all),*];

        #[cfg(test)]
        mod tests {
            #[test]
            fn patterns_compile() {
                for pattern in super::PATTERNS {
                    if let ::core::result::Result::Err(e) = pattern.check() {
                        panic!("pattern {} does not compile: {e}", pattern.source());
                    }
                }
            }
        }
    });
    out
}
