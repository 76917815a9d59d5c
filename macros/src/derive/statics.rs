//! Statics shared by the checks of one expansion, emitted once inside its `const _` block:
//! each distinct pattern exactly once (so it compiles at most once per process, on first
//! use), string rules, enum value sets and the constraint lists of element shapes.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::rules::{Pat, StrRule};

/// Statics shared by the checks of one expansion: patterns (compiled at most once per
/// process), string rules and enum value sets.
#[derive(Default)]
pub(crate) struct Statics {
    patterns: Vec<Pat>,
    rules: Vec<StrRule>,
    enums: Vec<Vec<String>>,
    /// Constraint lists, by their tokens.
    lists: Vec<String>,
    items: TokenStream,
}

impl Statics {
    /// The static of pattern `p`, emitted on first use.
    pub(crate) fn pattern(&mut self, rt: &TokenStream, p: &Pat) -> Ident {
        if let Some(i) = self.patterns.iter().position(|q| q == p) {
            return format_ident!("__SPECGEN_PATTERN_{}", i);
        }
        let name = format_ident!("__SPECGEN_PATTERN_{}", self.patterns.len());
        let (source, translated) = (&p.source, &p.translated);
        let init = match &p.class_run {
            Some(run) => {
                let [lo, hi] = run.ascii;
                let (non_ascii, min, max) = (run.non_ascii, run.min, run.max.unwrap_or(u32::MAX));
                let class_run =
                    quote!(#rt::pattern::ClassRun::new([#lo, #hi], #non_ascii, #min, #max));
                match &p.class_regex {
                    Some(class) => quote! {
                        #rt::pattern::Pattern::with_counted_class(
                            #source,
                            #translated,
                            #class,
                            #class_run,
                        )
                    },
                    None => quote! {
                        #rt::pattern::Pattern::with_class_run(#source, #translated, #class_run)
                    },
                }
            }
            None => {
                let engine = if p.fancy {
                    quote!(Fancy)
                } else {
                    quote!(Regex)
                };
                quote! {
                    #rt::pattern::Pattern::new(#source, #translated, #rt::pattern::Engine::#engine)
                }
            }
        };
        self.items.extend(quote! {
            static #name: #rt::pattern::Pattern = #init;
        });
        self.patterns.push(p.clone());
        name
    }

    /// The `StrRules` static of `r`, emitted on first use.
    pub(crate) fn rules(&mut self, rt: &TokenStream, r: &StrRule) -> Ident {
        if let Some(i) = self.rules.iter().position(|q| q == r) {
            return format_ident!("__SPECGEN_RULES_{}", i);
        }
        let name = format_ident!("__SPECGEN_RULES_{}", self.rules.len());
        let opt = |v: Option<u64>| match v {
            Some(v) => quote!(::core::option::Option::Some(#v)),
            None => quote!(::core::option::Option::None),
        };
        let (min, max) = (opt(r.min), opt(r.max));
        let pattern = match &r.pattern {
            Some(p) => {
                let p = self.pattern(rt, p);
                quote!(::core::option::Option::Some(&#p))
            }
            None => quote!(::core::option::Option::None),
        };
        let sensitive = r.sensitive;
        self.items.extend(quote! {
            static #name: #rt::__private::check::StrRules = #rt::__private::check::StrRules {
                min_len: #min,
                max_len: #max,
                pattern: #pattern,
                sensitive: #sensitive,
            };
        });
        self.rules.push(r.clone());
        name
    }

    /// The static holding the value set `values`, emitted on first use.
    pub(crate) fn enum_values(&mut self, values: &[String]) -> Ident {
        if let Some(i) = self.enums.iter().position(|v| v == values) {
            return format_ident!("__SPECGEN_VALUES_{}", i);
        }
        let name = format_ident!("__SPECGEN_VALUES_{}", self.enums.len());
        self.items.extend(quote! {
            static #name: &[&str] = &[#(#values),*];
        });
        self.enums.push(values.to_vec());
        name
    }

    /// The static listing `items` (`Constraint` expressions): the constraints of an element
    /// shape, as a message lists them when an element of a list or map breaks one.
    pub(crate) fn constraints(&mut self, rt: &TokenStream, items: Vec<TokenStream>) -> Ident {
        let key = quote!(#(#items),*).to_string();
        if let Some(i) = self.lists.iter().position(|k| *k == key) {
            return format_ident!("__SPECGEN_CONSTRAINTS_{}", i);
        }
        let name = format_ident!("__SPECGEN_CONSTRAINTS_{}", self.lists.len());
        let n = items.len();
        self.items.extend(quote! {
            static #name: [#rt::Constraint; #n] = [#(#items),*];
        });
        self.lists.push(key);
        name
    }

    /// The statics' items.
    pub(crate) fn into_items(self) -> TokenStream {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use specgen_pattern::{PatternMode, compile};

    #[test]
    fn a_large_counted_class_is_a_class_and_a_count() {
        let c = compile(r"[^\p{C}]{1,2048}", PatternMode::FullMatch).unwrap();
        let p = Pat::new(&c.source, &c.translated, c.engine, c.class_run);
        // The derive decides as the generator does.
        assert_eq!(p.class_regex, c.class_regex);
        let mut statics = Statics::default();
        statics.pattern(&quote!(::rt), &p);
        let text = statics.into_items().to_string();
        assert!(text.contains("with_counted_class"), "{text}");
        assert!(text.contains(r#""^(?:[^\\p{C}])*$""#), "{text}");
    }
}
