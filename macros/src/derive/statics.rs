//! Statics shared by the checks of one expansion, emitted once inside its `const _` block:
//! each distinct pattern exactly once (so it compiles at most once per process, on first
//! use), string rules, enum value sets and the constraint lists of element shapes.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use specgen_checks::{ConstraintListId, ListedConstraint, Paths, SiteId, StringRuleId, TypeId};

use super::rules::{Pat, StrRule};

/// The paths of an expansion: everything in full, the runtime at `rt`.
pub(crate) fn paths(rt: &TokenStream) -> Paths {
    Paths {
        rt: rt.clone(),
        check: quote!(#rt::__private::check),
        some: quote!(::core::option::Option::Some),
        none: quote!(::core::option::Option::None),
    }
}

/// Statics shared by the checks of one expansion: patterns (compiled at most once per
/// process), string rules and enum value sets.
#[derive(Default)]
pub(crate) struct Statics {
    patterns: Vec<Pat>,
    rules: Vec<StrRule>,
    enums: Vec<Vec<String>>,
    /// Constraint lists, by their code.
    lists: Vec<String>,
    /// The types checks are about, by [`SiteId`].
    sites: Vec<Span>,
    items: TokenStream,
}

impl Statics {
    /// The static of pattern `p`, emitted on first use.
    pub(crate) fn pattern(&mut self, rt: &TokenStream, p: &Pat) -> Ident {
        if let Some(i) = self.patterns.iter().position(|q| q == p) {
            return format_ident!("__SPECGEN_PATTERN_{}", i);
        }
        let name = format_ident!("__SPECGEN_PATTERN_{}", self.patterns.len());
        let init = paths(rt).pattern(p);
        self.items.extend(quote! {
            static #name: #rt::pattern::Pattern = #init;
        });
        self.patterns.push(p.clone());
        name
    }

    /// The handle of the `StrRules` static of `r`, emitted on first use.
    pub(crate) fn rule_id(&mut self, rt: &TokenStream, r: &StrRule) -> StringRuleId {
        if let Some(i) = self.rules.iter().position(|q| q == r) {
            return StringRuleId(i);
        }
        let id = StringRuleId(self.rules.len());
        let name = format_ident!("__SPECGEN_RULES_{}", id.0);
        let pattern = r.pattern.as_ref().map(|p| {
            let p = self.pattern(rt, p);
            quote!(#p)
        });
        let init = paths(rt).str_rules(r.min, r.max, pattern.as_ref(), r.sensitive);
        self.items.extend(quote! {
            static #name: #rt::__private::check::StrRules = #init;
        });
        self.rules.push(r.clone());
        id
    }

    /// The handle of the static holding the value set `values`, emitted on first use.
    pub(crate) fn enum_id(&mut self, values: &[String]) -> TypeId {
        if let Some(i) = self.enums.iter().position(|v| v == values) {
            return TypeId(i);
        }
        let id = TypeId(self.enums.len());
        let name = format_ident!("__SPECGEN_VALUES_{}", id.0);
        self.items.extend(quote! {
            static #name: &[&str] = &[#(#values),*];
        });
        self.enums.push(values.to_vec());
        id
    }

    /// The handle of the static listing `items`: the constraints of an element shape, as a
    /// message lists them when an element of a list or map breaks one; emitted on first use.
    pub(crate) fn constraint_list(
        &mut self,
        rt: &TokenStream,
        items: Vec<ListedConstraint>,
    ) -> ConstraintListId {
        let exprs: Vec<TokenStream> = items.iter().map(|c| self.constraint(rt, c)).collect();
        // Keyed by their code, so that bounds equal as numbers but written differently
        // (`0.0`, `-0.0`) keep lists of their own.
        let key = quote!(#(#exprs),*).to_string();
        if let Some(i) = self.lists.iter().position(|k| *k == key) {
            return ConstraintListId(i);
        }
        let id = ConstraintListId(self.lists.len());
        let name = format_ident!("__SPECGEN_CONSTRAINTS_{}", id.0);
        let n = exprs.len();
        self.items.extend(quote! {
            static #name: [#rt::Constraint; #n] = [#(#exprs),*];
        });
        self.lists.push(key);
        id
    }

    /// A `Constraint` expression.
    pub(crate) fn constraint(&self, rt: &TokenStream, c: &ListedConstraint) -> TokenStream {
        // The derive lists a string enum's values as they are (`Values`), never by handle;
        // a handle would number its value sets.
        paths(rt).constraint(c, |id| {
            let name = format_ident!("__SPECGEN_VALUES_{}", id.0);
            quote!(#name)
        })
    }

    /// The handle of the type at `span`, for checks about a value of it.
    pub(crate) fn site(&mut self, span: Span) -> SiteId {
        self.sites.push(span);
        SiteId(self.sites.len() - 1)
    }

    /// The statics' items.
    pub(crate) fn into_items(self) -> TokenStream {
        self.items
    }
}

/// The statics as the shared printer names them: each handle is the number the derive gave
/// its static, and each site the span of its type.
impl specgen_checks::Statics for Statics {
    fn string_rule(&mut self, id: StringRuleId) -> TokenStream {
        let name = format_ident!("__SPECGEN_RULES_{}", id.0);
        quote!(#name)
    }

    fn list(&mut self, id: ConstraintListId) -> TokenStream {
        let name = format_ident!("__SPECGEN_CONSTRAINTS_{}", id.0);
        quote!(#name)
    }

    fn enum_values(&mut self, id: TypeId) -> TokenStream {
        let name = format_ident!("__SPECGEN_VALUES_{}", id.0);
        quote!(#name)
    }

    fn at(&mut self, site: SiteId, tokens: TokenStream) -> TokenStream {
        respan(tokens, self.sites[site.0])
    }
}

/// `tokens`, every one spanned at `span`, as `quote_spanned!` writes them.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use specgen_pattern::{PatternMode, compile};

    #[test]
    fn a_large_counted_class_is_a_class_and_a_count() {
        let c = compile(r"[^\p{C}]{1,2048}", PatternMode::FullMatch).unwrap();
        let p: Pat = c;
        let mut statics = Statics::default();
        statics.pattern(&quote!(::rt), &p);
        let text = statics.into_items().to_string();
        assert!(text.contains("with_counted_class"), "{text}");
        assert!(text.contains(r#""^(?:[^\\p{C}])*$""#), "{text}");
    }
}
