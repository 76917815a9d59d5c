//! `#[validate(...)]` attributes, parsed with every error recorded (not just the first).

use proc_macro2::Span;
use specgen_pattern::PatternMode;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{LitStr, Token};

use crate::ctxt::Ctxt;

/// Field attributes, in the order the docs list them.
pub(crate) const FIELD_KEYS: &str =
    "`length`, `pattern`, `range`, `items`, `nested`, `sensitive`, `rename` or `skip`";

/// Container attributes.
pub(crate) const CONTAINER_KEYS: &str = "`spec`, `schema`, `pattern_mode` or `crate`";

/// A numeric bound of `range`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Num {
    Int(i64),
    Float(f64),
}

/// `min`/`max` of `length`, `items` or `range`, with the span of the whole attribute.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds<T> {
    pub span: Span,
    pub min: Option<T>,
    pub max: Option<T>,
}

/// The attributes of one container (struct or enum).
#[derive(Default)]
pub(crate) struct Container {
    /// `spec = "path"`.
    pub spec: Option<LitStr>,
    /// `schema = "Name"`.
    pub schema: Option<LitStr>,
    /// `pattern_mode = "search" | "full-match"`.
    pub pattern_mode: Option<(PatternMode, Span)>,
    /// `crate = "path"`.
    pub krate: Option<syn::Path>,
}

/// The attributes of one field.
#[derive(Default)]
pub(crate) struct Field {
    pub length: Option<Bounds<u64>>,
    pub pattern: Option<LitStr>,
    pub range: Option<Bounds<Num>>,
    pub items: Option<Bounds<u64>>,
    pub nested: Option<Span>,
    pub sensitive: Option<Span>,
    pub rename: Option<LitStr>,
    pub skip: Option<Span>,
}

impl Field {
    /// The attributes that set a constraint, with their spans (for "cannot be combined").
    pub(crate) fn constraints(&self) -> Vec<(&'static str, Span)> {
        let mut out = Vec::new();
        if let Some(b) = &self.length {
            out.push(("length", b.span));
        }
        if let Some(p) = &self.pattern {
            out.push(("pattern", p.span()));
        }
        if let Some(b) = &self.range {
            out.push(("range", b.span));
        }
        if let Some(b) = &self.items {
            out.push(("items", b.span));
        }
        if let Some(s) = self.nested {
            out.push(("nested", s));
        }
        if let Some(s) = self.sensitive {
            out.push(("sensitive", s));
        }
        out
    }
}

fn is_validate(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("validate")
}

/// Skips the rest of one nested item (`= value` or `(...)`) after an error, so that the
/// items after it are still checked.
fn skip_item(input: ParseStream<'_>) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if let proc_macro2::TokenTree::Punct(p) = &tt
                && p.as_char() == ','
            {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

/// Runs `logic` for each item of every `#[validate(...)]` in `attrs`; an item whose
/// `logic` fails is recorded and skipped.
fn each_item(
    cx: &Ctxt,
    attrs: &[syn::Attribute],
    mut logic: impl FnMut(&syn::meta::ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| is_validate(a)) {
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(path, "expected `#[validate(...)]`");
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            if let Err(e) = logic(&meta) {
                cx.syn_error(e);
                skip_item(meta.input);
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
}

fn duplicate(meta: &syn::meta::ParseNestedMeta<'_>, name: &str) -> syn::Error {
    meta.error(format!("duplicate `{name}`"))
}

fn key_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

impl Container {
    /// Reads the container's attributes.
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Container {
        let mut out = Container::default();
        each_item(cx, attrs, |meta| {
            let key = key_name(&meta.path);
            match key.as_str() {
                "spec" | "schema" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    let slot = if key == "spec" {
                        &mut out.spec
                    } else {
                        &mut out.schema
                    };
                    if slot.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    *slot = Some(lit);
                }
                "pattern_mode" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    let mode = lit.value().parse::<PatternMode>().map_err(|e| {
                        syn::Error::new(
                            lit.span(),
                            format!(
                                "`pattern_mode` must be \"full-match\" or \"search\", not \"{}\"",
                                e.value()
                            ),
                        )
                    })?;
                    if out.pattern_mode.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    out.pattern_mode = Some((mode, lit.span()));
                }
                "crate" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    let path: syn::Path = lit.parse()?;
                    if out.krate.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    out.krate = Some(path);
                }
                _ => {
                    let hint = if FIELD_KEYS.contains(&format!("`{key}`")) {
                        " (a field attribute)"
                    } else {
                        ""
                    };
                    return Err(syn::Error::new_spanned(
                        &meta.path,
                        format!(
                            "unknown container attribute `{key}`{hint}; expected {CONTAINER_KEYS}"
                        ),
                    ));
                }
            }
            Ok(())
        });
        out
    }
}

/// `min = N, max = N` inside `length(...)`, `items(...)` or `range(...)`. `None` when an
/// error was recorded (and nothing more should be said about this attribute).
fn bounds<T>(
    cx: &Ctxt,
    meta: &syn::meta::ParseNestedMeta<'_>,
    name: &str,
    mut parse: impl FnMut(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<Option<Bounds<T>>> {
    let mut min = None;
    let mut max = None;
    let mut failed = false;
    let span = meta.path.span();
    meta.parse_nested_meta(|inner| {
        let mut item = || {
            let key = key_name(&inner.path);
            let slot = match key.as_str() {
                "min" => &mut min,
                "max" => &mut max,
                _ => {
                    return Err(syn::Error::new_spanned(
                        &inner.path,
                        format!("unknown `{name}` argument `{key}`; expected `min` or `max`"),
                    ));
                }
            };
            if slot.is_some() {
                return Err(duplicate(&inner, &key));
            }
            *slot = Some(parse(inner.value()?)?);
            Ok(())
        };
        if let Err(e) = item() {
            cx.syn_error(e);
            skip_item(inner.input);
            failed = true;
        }
        Ok(())
    })?;
    if failed {
        return Ok(None);
    }
    if min.is_none() && max.is_none() {
        return Err(syn::Error::new(
            span,
            format!("`{name}` needs `min`, `max` or both: `{name}(min = 1, max = 128)`"),
        ));
    }
    Ok(Some(Bounds { span, min, max }))
}

fn parse_u64(input: ParseStream<'_>) -> syn::Result<u64> {
    input.parse::<syn::LitInt>()?.base10_parse()
}

fn parse_num(input: ParseStream<'_>) -> syn::Result<Num> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lookahead = input.lookahead1();
    if lookahead.peek(syn::LitInt) {
        let lit: syn::LitInt = input.parse()?;
        let text = if negative {
            format!("-{}", lit.base10_digits())
        } else {
            lit.base10_digits().to_owned()
        };
        text.parse::<i64>()
            .map(Num::Int)
            .map_err(|e| syn::Error::new(lit.span(), format!("not an `i64`: {e}")))
    } else if lookahead.peek(syn::LitFloat) {
        let lit: syn::LitFloat = input.parse()?;
        let v: f64 = lit.base10_parse()?;
        Ok(Num::Float(if negative { -v } else { v }))
    } else {
        Err(lookahead.error())
    }
}

fn check_order<T: PartialOrd + Copy>(b: &Bounds<T>, name: &str) -> syn::Result<()> {
    if let (Some(min), Some(max)) = (b.min, b.max)
        && min > max
    {
        return Err(syn::Error::new(
            b.span,
            format!("`{name}` has `min` greater than `max`"),
        ));
    }
    Ok(())
}

fn num_f64(n: Num) -> f64 {
    match n {
        Num::Int(v) => v as f64,
        Num::Float(v) => v,
    }
}

fn flag(
    meta: &syn::meta::ParseNestedMeta<'_>,
    slot: &mut Option<Span>,
    key: &str,
) -> syn::Result<()> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        return Err(meta.error(format!("`{key}` takes no value")));
    }
    if slot.is_some() {
        return Err(duplicate(meta, key));
    }
    *slot = Some(meta.path.span());
    Ok(())
}

impl Field {
    /// Reads a field's attributes.
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Field {
        let mut out = Field::default();
        each_item(cx, attrs, |meta| {
            let key = key_name(&meta.path);
            match key.as_str() {
                "length" | "items" => {
                    let Some(b) = bounds(cx, meta, &key, parse_u64)? else {
                        return Ok(());
                    };
                    check_order(&b, &key)?;
                    let slot = if key == "length" {
                        &mut out.length
                    } else {
                        &mut out.items
                    };
                    if slot.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    *slot = Some(b);
                }
                "range" => {
                    let Some(b) = bounds(cx, meta, &key, parse_num)? else {
                        return Ok(());
                    };
                    let as_f64 = Bounds {
                        span: b.span,
                        min: b.min.map(num_f64),
                        max: b.max.map(num_f64),
                    };
                    check_order(&as_f64, &key)?;
                    if out.range.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    out.range = Some(b);
                }
                "pattern" | "rename" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    let slot = if key == "pattern" {
                        &mut out.pattern
                    } else {
                        &mut out.rename
                    };
                    if slot.is_some() {
                        return Err(duplicate(meta, &key));
                    }
                    if key == "rename" && lit.value().is_empty() {
                        return Err(syn::Error::new(lit.span(), "`rename` needs a wire name"));
                    }
                    *slot = Some(lit);
                }
                "nested" => flag(meta, &mut out.nested, &key)?,
                "sensitive" => flag(meta, &mut out.sensitive, &key)?,
                "skip" => flag(meta, &mut out.skip, &key)?,
                _ => {
                    let hint = if CONTAINER_KEYS.contains(&format!("`{key}`")) {
                        " (a container attribute: put it on the struct)"
                    } else {
                        ""
                    };
                    return Err(syn::Error::new_spanned(
                        &meta.path,
                        format!("unknown validate attribute `{key}`{hint}; expected {FIELD_KEYS}"),
                    ));
                }
            }
            Ok(())
        });
        out
    }
}

/// Records an error for every `#[validate]` in `attrs` (where none is allowed).
pub(crate) fn reject(cx: &Ctxt, attrs: &[syn::Attribute], why: &str) {
    for attr in attrs.iter().filter(|a| is_validate(a)) {
        cx.error_spanned_by(attr, why);
    }
}
