//! The `rules` module: one static per distinct pattern, per distinct string constraint set
//! and per distinct element constraint list, shared by every `Validate` impl that needs it.
//! Which statics exist and their names are the IR's ([`crate::ir::Checks`]).
//!
//! Sharing keeps the generated code small and makes "each pattern is compiled once per
//! process" hold by construction: a pattern exists exactly once, as a lazily compiled static.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident};
use crate::docs::code_span;
use crate::ir::{Bound, ListedConstraint};
use crate::pattern::Engine;

/// The items of the `rules` module: the tables of [`crate::ir::Checks`], the string
/// constraint sets only where a check uses them.
pub(crate) fn emit(cx: &Cx<'_>) -> TokenStream {
    let rt = quote!(rt);
    let mut out = TokenStream::new();
    let mut all = Vec::new();
    for (p, name) in cx.api.patterns.iter().zip(&cx.api.checks.patterns) {
        let name = ident(name);
        let docs = doc_attrs(&format!("Pattern {}.", code_span(&p.source)));
        let source = &p.source;
        let translated = &p.translated;
        let engine = match p.engine {
            Engine::Regex => quote!(Regex),
            Engine::Fancy => quote!(Fancy),
        };
        let init = match &p.class_run {
            Some(run) => {
                let [lo, hi] = run.ascii;
                let non_ascii = run.non_ascii;
                let min = run.min;
                let max = run.max.unwrap_or(u32::MAX);
                let class_run =
                    quote!(rt::pattern::ClassRun::new([#lo, #hi], #non_ascii, #min, #max));
                match &p.class_regex {
                    // A large count: the class and a character count, not one automaton.
                    Some(class) => quote! {
                        rt::pattern::Pattern::with_counted_class(
                            #source,
                            #translated,
                            #class,
                            #class_run,
                        )
                    },
                    None => quote! {
                        rt::pattern::Pattern::with_class_run(#source, #translated, #class_run)
                    },
                }
            }
            None => quote! {
                rt::pattern::Pattern::new(#source, #translated, rt::pattern::Engine::#engine)
            },
        };
        out.extend(quote! {
            #docs
            pub(crate) static #name: rt::pattern::Pattern = #init;
        });
        all.push(name);
    }
    for rule in cx.api.checks.strings.iter().filter(|r| r.used) {
        let name = ident(&rule.name);
        let docs = doc_attrs(&format!("String constraints of `{}`.", rule.origin));
        let opt = |v: Option<u64>| match v {
            Some(v) => quote!(::core::option::Option::Some(#v)),
            None => quote!(::core::option::Option::None),
        };
        let min = opt(rule.min_len);
        let max = opt(rule.max_len);
        let pattern = match rule.pattern {
            Some(p) => {
                let p = ident(&cx.api.checks.patterns[p.0]);
                quote!(::core::option::Option::Some(&#p))
            }
            None => quote!(::core::option::Option::None),
        };
        let sensitive = rule.sensitive;
        out.extend(quote! {
            #docs
            pub(crate) static #name: check::StrRules = check::StrRules {
                min_len: #min,
                max_len: #max,
                pattern: #pattern,
                sensitive: #sensitive,
            };
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
        let items = list.items.iter().map(|item| constraint(cx, item));
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

/// An `rt::Constraint` expression.
fn constraint(cx: &Cx<'_>, item: &ListedConstraint) -> TokenStream {
    let rt = quote!(rt);
    let limit = |b: &Bound| match *b {
        Bound::Int(v) => quote!(#rt::Limit::Int(#v)),
        Bound::Float(v) => quote!(#rt::Limit::Float(#v)),
    };
    match item {
        ListedConstraint::MaxLength(max) => quote!(#rt::Constraint::MaxLength(#max)),
        ListedConstraint::MinLength(min) => quote!(#rt::Constraint::MinLength(#min)),
        ListedConstraint::Pattern(source) => quote!(#rt::Constraint::Pattern(#source)),
        ListedConstraint::Maximum(b) => {
            let b = limit(b);
            quote!(#rt::Constraint::Maximum(#b))
        }
        ListedConstraint::Minimum(b) => {
            let b = limit(b);
            quote!(#rt::Constraint::Minimum(#b))
        }
        ListedConstraint::Values(names) => quote!(#rt::Constraint::Enum(&[#(#names),*])),
        ListedConstraint::EnumValues(id) => {
            let name = ident(&cx.api.ty(*id).name);
            quote!(#rt::Constraint::Enum(super::types::#name::VALUES))
        }
    }
}
