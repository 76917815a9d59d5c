//! The `rules` module: one static per distinct pattern and per distinct string constraint
//! set, shared by every `Validate` impl that needs it.
//!
//! Sharing keeps the generated code small and makes "each pattern is compiled once per
//! process" hold by construction: a pattern exists exactly once, as a lazily compiled static.

use std::collections::HashMap;

use heck::ToShoutySnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Cx, doc_attrs, ident};
use crate::docs::code_span;
use crate::ir::{Constraints, Shape, ShapeKind, TypeKind};
use crate::names::Scope;
use crate::pattern::Engine;

type Key = (Option<u64>, Option<u64>, Option<usize>, bool);

fn key(c: &Constraints) -> Key {
    (c.min_len, c.max_len, c.pattern.map(|p| p.0), c.sensitive)
}

/// String constraint sets, named after the first schema that has each.
pub(crate) struct Rules {
    entries: Vec<(String, Constraints, String)>,
    by_key: HashMap<Key, usize>,
    /// Entries some emitted check refers to; only those are emitted.
    used: std::cell::RefCell<Vec<bool>>,
    /// The constraints of element shapes as messages list them (`[Member must have length
    /// …, …]`): name and `rt::Constraint` items, in first-use order.
    lists: std::cell::RefCell<Vec<(String, Vec<TokenStream>, String)>>,
    lists_by_key: std::cell::RefCell<HashMap<String, usize>>,
    /// Every name in the module, so that lists named while emitting clash with nothing.
    scope: std::cell::RefCell<Scope>,
}

impl Rules {
    pub fn collect(cx: &Cx<'_>) -> Rules {
        let mut rules = Rules {
            entries: Vec::new(),
            by_key: HashMap::new(),
            used: std::cell::RefCell::new(Vec::new()),
            lists: std::cell::RefCell::new(Vec::new()),
            lists_by_key: std::cell::RefCell::new(HashMap::new()),
            scope: std::cell::RefCell::new(Scope::new()),
        };
        let mut scope = Scope::new();
        // Pattern statics are named `PATTERN_<n>`.
        for i in 0..cx.api.patterns.len() {
            scope.claim(&pattern_ident(i).to_string());
        }
        // String aliases first, so that constraint sets carry their schema's name, then
        // list and map aliases, then members.
        for lists in [false, true] {
            for def in &cx.api.types {
                if let TypeKind::Alias(shape) = &def.kind {
                    let resolved = cx.api.resolve(shape);
                    if matches!(resolved.kind, ShapeKind::List(_) | ShapeKind::Map(_)) == lists {
                        rules.visit(cx, &resolved, &def.name, &mut scope, &def.schema_name);
                    }
                }
            }
        }
        for def in &cx.api.types {
            let mut shapes: Vec<(String, &crate::ir::Shape)> = Vec::new();
            match &def.kind {
                TypeKind::Struct(st) | TypeKind::Exception(st) => {
                    for f in &st.fields {
                        shapes.push((f.name.trim_start_matches("r#").to_owned(), &f.shape));
                    }
                    if let Some(a) = &st.additional {
                        shapes.push((a.name.clone(), &a.shape));
                    }
                }
                TypeKind::Union(u) => {
                    for v in &u.variants {
                        shapes.push((v.name.clone(), &v.shape));
                    }
                }
                _ => {}
            }
            for (member, shape) in shapes {
                let resolved = cx.api.resolve(shape);
                let hint = format!("{}_{member}", def.name);
                rules.visit(cx, &resolved, &hint, &mut scope, &def.schema_name);
            }
        }
        // The parameters of REST operations, checked by their request types (after the
        // types, so that no type's rule changes name).
        if cx.api.protocol == crate::ir::Protocol::Generic {
            for op in &cx.api.operations {
                for p in &op.parameters {
                    let resolved = cx.api.resolve(&p.shape);
                    let field = p.field.trim_start_matches("r#");
                    let hint = format!("{}_{field}", op.request_name);
                    // Docs read "String constraints of `getPet` parameter `petId`.".
                    let origin = format!("{}` parameter `{}", op.id, p.name);
                    rules.visit(cx, &resolved, &hint, &mut scope, &origin);
                }
            }
        }
        *rules.used.borrow_mut() = vec![false; rules.entries.len()];
        rules.scope = std::cell::RefCell::new(scope);
        rules
    }

    fn visit(&mut self, cx: &Cx<'_>, shape: &Shape, hint: &str, scope: &mut Scope, origin: &str) {
        match &shape.kind {
            ShapeKind::String if shape.constraints.string_checked() => {
                let k = key(&shape.constraints);
                if !self.by_key.contains_key(&k) {
                    let name = scope.claim(&hint.to_shouty_snake_case());
                    self.by_key.insert(k, self.entries.len());
                    self.entries
                        .push((name, shape.constraints.clone(), origin.to_owned()));
                }
            }
            ShapeKind::List(inner) | ShapeKind::Map(inner) => {
                if let Some(key) = &shape.constraints.map_key {
                    let key = cx.api.resolve(key);
                    self.visit(cx, &key, &format!("{hint}_key"), scope, origin);
                }
                let inner = cx.api.resolve(inner);
                self.visit(cx, &inner, &format!("{hint}_item"), scope, origin);
            }
            _ => {}
        }
    }

    /// Whether no emitted check uses a string constraint set.
    pub fn is_empty(&self) -> bool {
        !self.used.borrow().iter().any(|u| *u)
    }

    /// The static holding these string constraints (marked as used).
    pub fn string_rule(&self, c: &Constraints) -> Option<proc_macro2::Ident> {
        self.string_rule_of(c).map(|(name, _)| name)
    }

    /// [`Rules::string_rule`], with the schema the constraint set is named after.
    pub fn string_rule_of(&self, c: &Constraints) -> Option<(proc_macro2::Ident, &str)> {
        let &i = self.by_key.get(&key(c))?;
        self.used.borrow_mut()[i] = true;
        Some((ident(&self.entries[i].0), &self.entries[i].2))
    }

    /// The static listing `items` (`rt::Constraint` expressions), the constraints of an
    /// element shape in the order messages list them; named after `hint` on first use,
    /// and documented as the constraints of `what`.
    pub fn constraint_list(
        &self,
        hint: &str,
        what: &str,
        items: Vec<TokenStream>,
    ) -> proc_macro2::Ident {
        let key = quote!(#(#items),*).to_string();
        if let Some(&i) = self.lists_by_key.borrow().get(&key) {
            return ident(&self.lists.borrow()[i].0);
        }
        let name = self
            .scope
            .borrow_mut()
            .claim(&format!("{}_CONSTRAINTS", hint.to_shouty_snake_case()));
        let mut lists = self.lists.borrow_mut();
        self.lists_by_key.borrow_mut().insert(key, lists.len());
        lists.push((name.clone(), items, what.to_owned()));
        ident(&name)
    }

    pub fn emit(&self, cx: &Cx<'_>) -> TokenStream {
        let rt = quote!(rt);
        let mut out = TokenStream::new();
        let mut all = Vec::new();
        for (i, p) in cx.api.patterns.iter().enumerate() {
            let name = pattern_ident(i);
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
        let used = self.used.borrow();
        for ((name, c, origin), _) in self.entries.iter().zip(used.iter()).filter(|(_, u)| **u) {
            let name = ident(name);
            let docs = doc_attrs(&format!("String constraints of `{origin}`."));
            let opt = |v: Option<u64>| match v {
                Some(v) => quote!(::core::option::Option::Some(#v)),
                None => quote!(::core::option::Option::None),
            };
            let min = opt(c.min_len);
            let max = opt(c.max_len);
            let pattern = match c.pattern {
                Some(p) => {
                    let p = pattern_ident(p.0);
                    quote!(::core::option::Option::Some(&#p))
                }
                None => quote!(::core::option::Option::None),
            };
            let sensitive = c.sensitive;
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
        for (name, items, what) in self.lists.borrow().iter() {
            let name = ident(name);
            let n = proc_macro2::Literal::usize_unsuffixed(items.len());
            let docs = doc_attrs(&format!(
                "The constraints of {what}, as a message lists them when an element of a \
                 list or map breaks one."
            ));
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
}

fn pattern_ident(i: usize) -> proc_macro2::Ident {
    format_ident!("PATTERN_{}", i + 1)
}
