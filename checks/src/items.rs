//! The statics that checks name (patterns, string constraint sets, constraint lists),
//! written alike by the generator (its `rules` module) and the derive (its expansion).

use proc_macro2::TokenStream;
use quote::quote;
use specgen_pattern::{CompiledPattern, Engine};

use crate::model::{Bound, ListedConstraint, TypeId};
use crate::print::Paths;

/// `Option<T>` written in full: statics are the same in generated code and expansions.
fn opt<T: quote::ToTokens>(v: Option<T>) -> TokenStream {
    match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

impl Paths {
    /// The initializer of a `pattern::Pattern` static.
    pub fn pattern(&self, p: &CompiledPattern) -> TokenStream {
        let rt = &self.rt;
        let whole = self.whole_pattern(p);
        let Some(ends) = &p.ends else {
            return whole;
        };
        let rest = &ends.rest;
        let conditions = ends.conditions.iter().map(|c| {
            let regex = &c.regex;
            let condition = if c.must_match {
                quote!(#rt::pattern::LookAround::must_match(#regex))
            } else {
                quote!(#rt::pattern::LookAround::must_not_match(#regex))
            };
            if c.line_end {
                quote!(#rt::pattern::LookAround::line_end(#condition))
            } else {
                condition
            }
        });
        // A call rather than a method chain: formatted like the other statics.
        quote!(#rt::pattern::Pattern::with_look_around(#whole, #rest, &[#(#conditions),*]))
    }

    /// The initializer of a `pattern::Pattern` static, before look-around is split off.
    fn whole_pattern(&self, p: &CompiledPattern) -> TokenStream {
        let rt = &self.rt;
        let (source, translated) = (&p.source, &p.translated);
        match &p.class_run {
            Some(run) => {
                let [lo, hi] = run.ascii;
                let (non_ascii, min, max) = (run.non_ascii, run.min, run.max.unwrap_or(u32::MAX));
                let class_run =
                    quote!(#rt::pattern::ClassRun::new([#lo, #hi], #non_ascii, #min, #max));
                match &p.class_regex {
                    // A large count: the class and a character count, not one automaton.
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
                let engine = match p.engine {
                    Engine::Regex => quote!(#rt::pattern::Engine::Regex),
                    // Resolves only with the runtime's feature, whose name rustc then shows.
                    Engine::Fancy => quote!(#rt::pattern::FANCY),
                };
                quote! {
                    #rt::pattern::Pattern::new(#source, #translated, #engine)
                }
            }
        }
    }

    /// The initializer of a `check::StrRules` static; `pattern`: the path of the static of
    /// its pattern.
    pub fn str_rules(
        &self,
        min_len: Option<u64>,
        max_len: Option<u64>,
        pattern: Option<&TokenStream>,
        sensitive: bool,
    ) -> TokenStream {
        let check = &self.check;
        let (min, max) = (opt(min_len), opt(max_len));
        let pattern = opt(pattern.map(|p| quote!(&#p)));
        quote! {
            #check::StrRules {
                min_len: #min,
                max_len: #max,
                pattern: #pattern,
                sensitive: #sensitive,
            }
        }
    }

    /// A `Constraint` expression; `enum_values` names the values of a string enum (a
    /// `&[&str]`).
    pub fn constraint(
        &self,
        item: &ListedConstraint,
        enum_values: impl FnOnce(TypeId) -> TokenStream,
    ) -> TokenStream {
        let rt = &self.rt;
        // `Constraint::<variant>` of a bound.
        let limit = |variant: TokenStream, b: &Bound| {
            let b = match *b {
                Bound::Int(v) => quote!(#rt::Limit::Int(#v)),
                Bound::Float(v) => quote!(#rt::Limit::Float(#v)),
            };
            quote!(#rt::Constraint::#variant(#b))
        };
        match item {
            ListedConstraint::MaxLength(max) => quote!(#rt::Constraint::MaxLength(#max)),
            ListedConstraint::MinLength(min) => quote!(#rt::Constraint::MinLength(#min)),
            ListedConstraint::Pattern(source) => quote!(#rt::Constraint::Pattern(#source)),
            ListedConstraint::Maximum(b) => limit(quote!(Maximum), b),
            ListedConstraint::Minimum(b) => limit(quote!(Minimum), b),
            ListedConstraint::Above(b) => limit(quote!(Above), b),
            ListedConstraint::Below(b) => limit(quote!(Below), b),
            ListedConstraint::Values(names) => quote!(#rt::Constraint::Enum(&[#(#names),*])),
            ListedConstraint::EnumValues(id) => {
                let values = enum_values(*id);
                quote!(#rt::Constraint::Enum(#values))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        Paths {
            rt: quote!(rt),
            check: quote!(check),
            some: quote!(Some),
            none: quote!(None),
        }
    }

    #[test]
    fn statics_are_written_in_full() {
        let pattern = quote!(PATTERN_1);
        let rules = paths().str_rules(Some(1), None, Some(&pattern), true);
        assert_eq!(
            rules.to_string(),
            quote! {
                check::StrRules {
                    min_len: ::core::option::Option::Some(1u64),
                    max_len: ::core::option::Option::None,
                    pattern: ::core::option::Option::Some(&PATTERN_1),
                    sensitive: true,
                }
            }
            .to_string()
        );
    }

    #[test]
    fn constraints_name_enum_values_through_the_caller() {
        let paths = paths();
        let values = paths.constraint(&ListedConstraint::EnumValues(TypeId(7)), |id| {
            assert_eq!(id, TypeId(7));
            quote!(Kind::VALUES)
        });
        assert_eq!(
            values.to_string(),
            quote!(rt::Constraint::Enum(Kind::VALUES)).to_string()
        );
        let max = paths.constraint(
            &ListedConstraint::Maximum(Bound::Float(2.5)),
            |_| unreachable!(),
        );
        assert_eq!(
            max.to_string(),
            quote!(rt::Constraint::Maximum(rt::Limit::Float(2.5f64))).to_string()
        );
    }
}
