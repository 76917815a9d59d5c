//! The spec-bound form: `#[validate(spec = "...", schema = "...")]` takes each field's
//! constraints from the schema's property, as generated code does.

use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::quote;
use specgen::ir::{Api, Bound, Protocol, Shape, ShapeKind, TypeKind};
use syn::{DeriveInput, Fields, LitStr};

use super::attr::{Container, Field};
use super::check::{Emitter, Subject, Ty, Want};
use super::rules::StrRule;
use super::unraw;

/// The checks of a struct bound to a schema.
pub(super) fn struct_body(
    em: &mut Emitter<'_>,
    input: &DeriveInput,
    container: &Container,
    spec_lit: &LitStr,
    fields: &Fields,
) -> TokenStream {
    let cx = em.cx;
    if let Some((_, span)) = container.pattern_mode {
        cx.error_at(
            span,
            "`pattern_mode` cannot be combined with `spec`: the spec's options decide how its \
             patterns apply",
        );
    }
    let Some(schema_lit) = &container.schema else {
        cx.error_spanned_by(
            spec_lit,
            "`spec` needs `schema = \"SchemaName\"`: the schema this struct mirrors",
        );
        return TokenStream::new();
    };
    let Fields::Named(named) = fields else {
        cx.error_spanned_by(
            &input.ident,
            "a spec schema binds structs with named fields, one per property",
        );
        return TokenStream::new();
    };
    let path = crate::spec::resolve(&spec_lit.value());
    let api = match crate::spec::load(&path, &specgen::Settings::default()) {
        Ok(api) => api,
        Err(e) => {
            cx.error_spanned_by(spec_lit, crate::spec::error_text(e));
            return TokenStream::new();
        }
    };
    let schema = schema_lit.value();
    let Some(def) = api.types.iter().find(|t| t.schema_name == schema) else {
        let lower = schema.to_lowercase();
        let hint = api
            .types
            .iter()
            .find(|t| t.schema_name.to_lowercase() == lower)
            .map(|t| format!("; did you mean `{}`?", t.schema_name))
            .unwrap_or_default();
        cx.error_spanned_by(
            schema_lit,
            format!("schema `{schema}` is not in `{}`{hint}", spec_lit.value()),
        );
        return TokenStream::new();
    };
    let st = match &def.kind {
        TypeKind::Struct(st) | TypeKind::Exception(st) => st,
        TypeKind::Enum(_) => {
            cx.error_spanned_by(
                schema_lit,
                format!("schema `{schema}` is a string enum, not an object schema"),
            );
            return TokenStream::new();
        }
        TypeKind::Union(_) => {
            cx.error_spanned_by(
                schema_lit,
                format!("schema `{schema}` is a union (`oneOf`/`anyOf`), not an object schema"),
            );
            return TokenStream::new();
        }
        TypeKind::Alias(_) => {
            cx.error_spanned_by(
                schema_lit,
                format!("schema `{schema}` is not an object schema"),
            );
            return TokenStream::new();
        }
    };
    let needs = api.types_needing_checks();
    let mut bound = vec![false; st.fields.len()];
    let mut out = TokenStream::new();
    for field in &named.named {
        let attrs = Field::parse(cx, &field.attrs);
        for (name, span) in attrs.constraints() {
            cx.error_at(
                span,
                format!(
                    "`{name}` cannot be combined with `spec`: schema `{schema}` sets the \
                     constraints of this field"
                ),
            );
        }
        if attrs.skip.is_some() {
            continue;
        }
        let Some(ident) = &field.ident else { continue };
        let name = unraw(ident);
        // The member that keeps undeclared properties (`additionalProperties`): each entry
        // is checked at `parent.<wire name>`, as generated code does.
        if let Some(extra) = &st.additional
            && attrs.rename.is_none()
            && extra.name.trim_start_matches("r#") == name
        {
            let want = want_of(&api, &needs, &extra.shape);
            let subject = Subject::Spec {
                part: "",
                what: format!("the member for undeclared properties of schema `{schema}`"),
            };
            if let Some(code) = em.additional(&want, Ty::of(&field.ty), &subject) {
                out.extend(quote! {
                    {
                        let value = &self.#ident;
                        #code
                    }
                });
            }
            continue;
        }
        let found = match &attrs.rename {
            Some(lit) => {
                let wire = lit.value();
                st.fields.iter().position(|p| p.wire_name == wire)
            }
            None => {
                let camel = name.to_upper_camel_case();
                st.fields
                    .iter()
                    .position(|p| p.wire_name == camel || p.name.trim_start_matches("r#") == name)
            }
        };
        let Some(index) = found else {
            let known: Vec<&str> = st.fields.iter().map(|p| p.wire_name.as_str()).collect();
            let msg = match &attrs.rename {
                Some(lit) => format!(
                    "schema `{schema}` has no property `{}`; its properties are: {}",
                    lit.value(),
                    known.join(", ")
                ),
                None => format!(
                    "schema `{schema}` has no property `{}` for field `{name}`; its properties \
                     are: {} (use `#[validate(rename = \"...\")]` to name one, or \
                     `#[validate(skip)]`)",
                    name.to_upper_camel_case(),
                    known.join(", ")
                ),
            };
            match &attrs.rename {
                Some(lit) => cx.error_spanned_by(lit, msg),
                None => cx.error_spanned_by(ident, msg),
            }
            continue;
        };
        let prop = &st.fields[index];
        if std::mem::replace(&mut bound[index], true) {
            cx.error_spanned_by(
                ident,
                format!(
                    "property `{}` of schema `{schema}` is bound to another field already",
                    prop.wire_name
                ),
            );
            continue;
        }
        let want = want_of(&api, &needs, &prop.shape);
        let subject = Subject::Spec {
            part: "",
            what: format!("property `{}` of schema `{schema}`", prop.wire_name),
        };
        let Some(code) = em.value(&want, Ty::of(&field.ty), &subject, !prop.optional()) else {
            continue;
        };
        let path_name = &prop.path_name;
        out.extend(quote! {
            {
                let value = &self.#ident;
                let path = path.field(#path_name);
                #code
            }
        });
    }
    let missing: Vec<&specgen::ir::Field> = st
        .fields
        .iter()
        .zip(&bound)
        .filter(|(p, bound)| p.required && !**bound)
        .map(|(p, _)| p)
        .collect();
    if !missing.is_empty() {
        let props: Vec<String> = missing
            .iter()
            .map(|p| format!("`{}`", p.wire_name))
            .collect();
        let fields: Vec<String> = missing
            .iter()
            .map(|p| format!("`{}`", p.name.trim_start_matches("r#")))
            .collect();
        let (noun, add) = if missing.len() == 1 {
            ("property", "a field")
        } else {
            ("properties", "fields")
        };
        cx.error_spanned_by(
            &input.ident,
            format!(
                "struct `{}` has no field for the required {noun} {} of schema `{schema}`; add \
                 {add} {} (an `Option` reports a missing value at run time)",
                input.ident,
                props.join(", "),
                fields.join(", ")
            ),
        );
    }
    out
}

/// What a value of `shape` must be, as the generator's `Validate` impls check it.
fn want_of(api: &Api, needs: &[bool], shape: &Shape) -> Want {
    let shape = api.resolve(shape);
    let c = &shape.constraints;
    match &shape.kind {
        ShapeKind::String => Want::Str(c.string_checked().then(|| StrRule {
            min: c.min_len,
            max: c.max_len,
            pattern: c.pattern.map(|id| api.patterns[id.0].clone()),
            sensitive: c.sensitive,
        })),
        ShapeKind::Integer(_) => Want::Int {
            min: c.minimum.map(Bound::as_int),
            max: c.maximum.map(Bound::as_int),
            one_of: c.int_enum.clone(),
        },
        ShapeKind::Number(_) => Want::Float {
            min: c.minimum.map(Bound::as_float),
            max: c.maximum.map(Bound::as_float),
            exclusive: c.exclusive,
        },
        ShapeKind::Boolean => Want::Bool,
        ShapeKind::Timestamp => Want::Timestamp {
            text: !matches!(api.protocol, Protocol::AwsJson { .. }),
        },
        ShapeKind::Any => Want::Any,
        ShapeKind::List(inner) => Want::List {
            min: c.min_len,
            max: c.max_len,
            item: Box::new(want_of(api, needs, inner)),
        },
        ShapeKind::Map(inner) => Want::Map {
            min: c.min_len,
            max: c.max_len,
            key: c
                .map_key
                .as_ref()
                .map(|key| Box::new(want_of(api, needs, key))),
            value: Box::new(want_of(api, needs, inner)),
        },
        ShapeKind::Named(id) => {
            let def = api.ty(*id);
            match &def.kind {
                TypeKind::Enum(e) => Want::Enum {
                    schema: def.schema_name.clone(),
                    values: e.values.iter().map(|v| v.wire.clone()).collect(),
                },
                _ => Want::Object {
                    schema: def.schema_name.clone(),
                    call: needs[id.0],
                },
            }
        }
    }
}
