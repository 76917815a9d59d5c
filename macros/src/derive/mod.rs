//! `#[derive(Validate)]`.
//!
//! Two forms share one code path ([`check`]): field attributes
//! (`#[validate(length(min = 1))]`) and a container bound to a spec schema
//! (`#[validate(spec = "...", schema = "...")]`, [`spec`]). Attribute errors are collected
//! and reported together; when there are any, a stub impl is still emitted so that code
//! calling `validate()` does not add errors of its own.

mod attr;
// `Object`, `Enum`, `Bool` and `Timestamp` wants come only from the spec-bound form.
#[cfg_attr(not(feature = "spec"), allow(dead_code))]
mod check;
mod rules;
#[cfg(feature = "spec")]
mod spec;
mod statics;
mod ty;

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use specgen_pattern::PatternMode;
use syn::{Data, DeriveInput, Fields};

use self::attr::{Container, Field};
use self::check::{COLLECTIONS, Emitter, NESTED, NUMBERS, STRINGS, Subject, Ty, Want};
use self::rules::StrRule;
use crate::ctxt::Ctxt;

// Shared with the generator, whose paths must read the same.
pub(crate) use specgen_checks::path_name;

/// Why `spec = "..."` is refused when the generator is not compiled in.
#[cfg(not(feature = "spec"))]
const SPEC_FEATURE: &str = "`spec` needs feature `spec` of `specgen-macros`, which reads the spec \
     with the generator when the crate compiles: enable feature `spec` of `specgen-runtime` or of \
     the generated crate (such as `cognito-idp`)";

/// A field's name without the raw prefix (`r#type` → `type`).
fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
}

pub(crate) fn expand(input: DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let container = Container::parse(&cx, &input.attrs);
    let rt = match &container.krate {
        Some(path) => Some(path.to_token_stream()),
        None => match crate::runtime::runtime_path() {
            Ok(rt) => Some(rt),
            Err(msg) => {
                cx.error_at(input.ident.span(), msg);
                None
            }
        },
    };
    let mut emitter = Emitter {
        rt: rt.clone().unwrap_or_else(|| quote!(::specgen_runtime)),
        cx: &cx,
        statics: Default::default(),
    };
    let body = match (&input.data, &container.spec) {
        #[cfg(feature = "spec")]
        (Data::Struct(data), Some(spec_lit)) => {
            spec::struct_body(&mut emitter, &input, &container, spec_lit, &data.fields)
        }
        #[cfg(not(feature = "spec"))]
        (Data::Struct(_), Some(spec_lit)) => {
            cx.error_spanned_by(spec_lit, SPEC_FEATURE);
            TokenStream::new()
        }
        (Data::Struct(data), None) => {
            reject_spec_only(&cx, &container);
            let mode = pattern_mode(&container);
            fields_body(&mut emitter, &data.fields, quote!(self), mode, true).0
        }
        (Data::Enum(data), spec) => {
            if let Some(lit) = spec {
                cx.error_spanned_by(
                    lit,
                    "a spec schema binds structs with named fields; derive it on a struct",
                );
            }
            reject_spec_only(&cx, &container);
            let mode = pattern_mode(&container);
            enum_body(&mut emitter, data, mode)
        }
        (Data::Union(data), _) => {
            cx.error_spanned_by(
                data.union_token,
                "#[derive(Validate)] supports structs and enums, not unions",
            );
            TokenStream::new()
        }
    };
    let statics = std::mem::take(&mut emitter.statics).into_items();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let Some(rt) = rt else {
        return cx.to_compile_errors();
    };
    if cx.has_errors() {
        let errors = cx.to_compile_errors();
        return quote! {
            #errors
            #[automatically_derived]
            impl #impl_generics #rt::Validate for #ident #ty_generics #where_clause {
                fn validate_at(&self, _: #rt::Path<'_>, _: &mut #rt::ValidationErrors) {}
            }
        };
    }
    #[cfg(feature = "spec")]
    let track = container
        .spec
        .as_ref()
        .map(|lit| crate::spec::track(&crate::spec::resolve(&lit.value()), lit.span()));
    #[cfg(not(feature = "spec"))]
    let track = TokenStream::new();
    let (path, errors) = if body.is_empty() {
        (quote!(_path), quote!(_errors))
    } else {
        (quote!(path), quote!(errors))
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, clippy::all)]
        const _: () = {
            #track
            #statics
            #[automatically_derived]
            impl #impl_generics #rt::Validate for #ident #ty_generics #where_clause {
                fn validate_at(&self, #path: #rt::Path<'_>, #errors: &mut #rt::ValidationErrors) {
                    #body
                }
            }
        };
    }
}

fn pattern_mode(container: &Container) -> PatternMode {
    container
        .pattern_mode
        .map_or(PatternMode::FullMatch, |(mode, _)| mode)
}

/// `schema` means nothing without `spec`.
fn reject_spec_only(cx: &Ctxt, container: &Container) {
    if let Some(schema) = &container.schema {
        cx.error_spanned_by(
            schema,
            "`schema` needs `spec = \"path/to/spec.yaml\"` beside it",
        );
    }
}

/// The checks of a struct's or variant's fields; `owner` is `self` (fields read as
/// `&self.name`) or empty (fields bound by a `match`, as `__field0`…).
fn fields_body(
    em: &mut Emitter<'_>,
    fields: &Fields,
    owner: TokenStream,
    mode: PatternMode,
    in_struct: bool,
) -> (TokenStream, Vec<usize>) {
    let mut out = TokenStream::new();
    let mut used = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let attrs = Field::parse(em.cx, &field.attrs);
        let Some(code) = field_check(em, field, &attrs, mode) else {
            continue;
        };
        used.push(i);
        let value = match (&field.ident, in_struct) {
            (Some(name), true) => quote!(&#owner.#name),
            (None, true) => {
                let index = syn::Index::from(i);
                quote!(&#owner.#index)
            }
            (_, false) => binding(i).to_token_stream(),
        };
        // Named fields are members on the wire; a tuple field is the value itself, so a
        // newtype reports at the path of whatever contains it.
        let step = match &field.ident {
            Some(name) => {
                let wire = attrs
                    .rename
                    .as_ref()
                    .map_or_else(|| unraw(name), syn::LitStr::value);
                let p = path_name(&wire);
                quote!(let path = path.field(#p);)
            }
            None => TokenStream::new(),
        };
        out.extend(quote! {
            {
                let value = #value;
                #step
                #code
            }
        });
    }
    (out, used)
}

fn binding(i: usize) -> syn::Ident {
    format_ident!("__field{}", i)
}

/// The [`Want`] of a field's attributes, checked against its type.
fn field_check(
    em: &mut Emitter<'_>,
    field: &syn::Field,
    attrs: &Field,
    mode: PatternMode,
) -> Option<TokenStream> {
    let cx = em.cx;
    if attrs.skip.is_some() {
        for (name, span) in attrs.constraints() {
            cx.error_at(span, format!("`{name}` has no effect on a skipped field"));
        }
        return None;
    }
    let constraints = attrs.constraints();
    // The element rules of a list or map of strings or numbers: `length`, `pattern`,
    // `sensitive` and `range` apply to each element, `items` to the count.
    let collection = is_collection(&field.ty);
    // At most one group: strings (length, pattern, sensitive), numbers (range),
    // collections (items, nested) or nested values (nested); `items` also goes with
    // element rules on a collection.
    let group = |name: &str| match name {
        "length" | "pattern" | "sensitive" => 0,
        "range" => 1,
        _ => 2,
    };
    let compatible = |a: &str, b: &str| {
        group(a) == group(b)
            || (collection.is_some()
                && ((a == "items" && group(b) < 2) || (b == "items" && group(a) < 2)))
    };
    for (i, (name, span)) in constraints.iter().enumerate() {
        if let Some((first, _)) = constraints[..i].iter().find(|(f, _)| !compatible(f, name)) {
            cx.error_at(*span, format!("`{name}` cannot be combined with `{first}`"));
        }
    }
    let element = if attrs.length.is_some() || attrs.pattern.is_some() {
        let pattern = attrs.pattern.as_ref().and_then(|lit| {
            match specgen_pattern::compile(&lit.value(), mode) {
                Ok(p) => Some(p),
                Err(e) => {
                    let text = e.to_string();
                    let msg = if text.starts_with("pattern `") {
                        text
                    } else {
                        format!("pattern `{}`: {text}", lit.value())
                    };
                    cx.error_spanned_by(lit, msg);
                    None
                }
            }
        });
        let rule = StrRule {
            min: attrs.length.and_then(|b| b.min),
            max: attrs.length.and_then(|b| b.max),
            pattern,
            sensitive: attrs.sensitive.is_some(),
        };
        Some((Want::Str(Some(rule)), Subject::Attr(STRINGS)))
    } else if attrs.sensitive.is_some() {
        // Nothing to check, but the type must be a string.
        Some((Want::Str(None), Subject::Attr(STRINGS)))
    } else {
        attrs.range.map(|range| {
            (
                Want::Range {
                    min: range.min,
                    max: range.max,
                },
                Subject::Attr(NUMBERS),
            )
        })
    };
    let (want, subject) = match (element, collection) {
        (Some((element, subject)), Some(is_map)) => {
            let (min, max) = (
                attrs.items.and_then(|b| b.min),
                attrs.items.and_then(|b| b.max),
            );
            let want = if is_map {
                Want::Map {
                    min,
                    max,
                    key: None,
                    value: Box::new(element),
                }
            } else {
                Want::List {
                    min,
                    max,
                    item: Box::new(element),
                }
            };
            (want, subject)
        }
        (Some(element), None) => element,
        (None, _) => {
            if let Some(items) = attrs.items {
                (
                    Want::Collection {
                        min: items.min,
                        max: items.max,
                        nested: attrs.nested.is_some(),
                    },
                    Subject::Attr(COLLECTIONS),
                )
            } else if attrs.nested.is_some() {
                (Want::Nested, Subject::Attr(NESTED))
            } else {
                return None;
            }
        }
    };
    em.value(&want, Ty::of(&field.ty), &subject, false)
}

/// `Some(is_map)` when `ty` is, under `Option` and smart pointers, a collection the derive
/// sees (`Vec`, slices, sets, maps): element rules apply to its elements.
fn is_collection(ty: &syn::Type) -> Option<bool> {
    match ty::kind(ty) {
        ty::Kind::Option(inner) | ty::Kind::Deref(inner) => is_collection(inner),
        ty::Kind::List(_) => Some(false),
        ty::Kind::Map(_) => Some(true),
        _ => None,
    }
}

fn enum_body(em: &mut Emitter<'_>, data: &syn::DataEnum, mode: PatternMode) -> TokenStream {
    let mut arms = Vec::new();
    let mut any = false;
    for variant in &data.variants {
        attr::reject(
            em.cx,
            &variant.attrs,
            "`#[validate]` on a variant has no effect: put it on the variant's fields",
        );
        let name = &variant.ident;
        let (body, bound) = fields_body(em, &variant.fields, TokenStream::new(), mode, false);
        let used = |i: usize| bound.contains(&i);
        let pattern = match &variant.fields {
            Fields::Named(named) => {
                let binds = named
                    .named
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| used(*i))
                    .map(|(i, f)| {
                        let field = &f.ident;
                        let b = binding(i);
                        quote!(#field: #b)
                    });
                quote!(Self::#name { #(#binds,)* .. })
            }
            Fields::Unnamed(unnamed) => {
                let binds = (0..unnamed.unnamed.len()).map(|i| {
                    if used(i) {
                        binding(i).to_token_stream()
                    } else {
                        quote!(_)
                    }
                });
                quote!(Self::#name(#(#binds),*))
            }
            Fields::Unit => quote!(Self::#name),
        };
        any |= !body.is_empty();
        arms.push(quote!(#pattern => { #body }));
    }
    if !any {
        return TokenStream::new();
    }
    quote! {
        match self {
            #(#arms)*
        }
    }
}

#[cfg(all(test, not(feature = "spec")))]
mod tests {
    #[test]
    fn spec_needs_the_feature() {
        let input: syn::DeriveInput = syn::parse_quote! {
            #[validate(spec = "api.yaml", schema = "SignUpRequest", crate = "rt")]
            struct SignUp {
                client_id: String,
            }
        };
        let out = super::expand(input).to_string();
        assert!(
            out.contains("`spec` needs feature `spec` of `specgen-macros`"),
            "{out}"
        );
        // One error only, and still an impl, so that `validate()` calls add none.
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(out.contains("impl rt :: Validate for SignUp"), "{out}");
    }
}
