//! The `types` module: one Rust type per schema, with its wire (serde) impls.
//!
//! Serde impls are written out instead of derived: members read through the runtime's
//! `de` helpers so that `null` reads as absent, unknown members are skipped, and a request
//! with missing required members can still reach validation (see `specgen_runtime::de`).
//! It also keeps the generated crate free of proc-macro expansion at build time.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, builders, constraint_docs, doc_attrs, ident, validate};
use crate::ir::{
    Field, Shape, ShapeKind, StringEnum, Struct, TimestampFormat, TypeChecks, TypeDef, TypeId,
    TypeKind, Union,
};

/// The items of one schema: its type and impls.
pub(crate) fn emit_def(cx: &Cx<'_>, id: TypeId) -> TokenStream {
    let def = cx.api.ty(id);
    // What its `Validate` impl checks (lowering decides).
    let checks = cx.api.checks.of_type(id);
    match &def.kind {
        TypeKind::Alias(_) => emit_alias(cx, def),
        TypeKind::Enum(e) => emit_enum(cx, def, e),
        TypeKind::Struct(st) => emit_struct(cx, def, st, false, checks),
        TypeKind::Exception(st) => emit_struct(cx, def, st, true, checks),
        TypeKind::Union(u) => emit_union(cx, def, u, checks),
    }
}

/// Request bodies that are not structures validate through a function.
pub(crate) fn emit_body_validators(cx: &Cx<'_>) -> Vec<TokenStream> {
    cx.api
        .checks
        .body_validators
        .iter()
        .map(|validator| validate::emit_body_fn(cx, validator))
        .collect()
}

fn type_docs(cx: &Cx<'_>, def: &TypeDef, extra: Option<String>) -> TokenStream {
    let mut text = def
        .docs
        .clone()
        .unwrap_or_else(|| format!("The `{}` schema.", def.schema_name));
    if def.name != def.schema_name {
        text.push_str(&format!("\n\nSchema `{}`.", def.schema_name));
    }
    if let Some(extra) = extra {
        text.push_str("\n\n");
        text.push_str(&extra);
    }
    let _ = cx;
    doc_attrs(&text)
}

fn emit_alias(cx: &Cx<'_>, def: &TypeDef) -> TokenStream {
    let TypeKind::Alias(shape) = &def.kind else {
        return TokenStream::new();
    };
    let name = ident(&def.name);
    let ty = cx.rust_type(shape, &TokenStream::new());
    let docs = type_docs(cx, def, constraint_docs(cx.api, shape));
    quote! {
        #docs
        pub type #name = #ty;
    }
}

/// The variant of every string enum that keeps values the spec does not list. Variants named
/// after values are plain CamelCase (`names::camel` keeps only letters and digits), so the
/// `_` keeps this one apart from all of them: a value `UNKNOWN` is simply `Unknown`.
pub(crate) const CATCH_ALL: &str = "Unlisted_";

fn emit_enum(cx: &Cx<'_>, def: &TypeDef, e: &StringEnum) -> TokenStream {
    let rt = quote!(rt);
    let name = ident(&def.name);
    let docs = type_docs(
        cx,
        def,
        Some(format!(
            "Values the spec does not list are kept in `{CATCH_ALL}` and written back \
             unchanged; validation rejects them."
        )),
    );
    let catch_all = ident(CATCH_ALL);
    let variants: Vec<_> = e.values.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<&str> = e.values.iter().map(|v| v.wire.as_str()).collect();
    let wire_reader = if cx.reads_wire() {
        quote! {
        impl rt::json::Read for #name {
            fn read(r: &mut rt::json::Reader<'_>) -> ::core::result::Result<Self, rt::json::Error> {
                let value = r.str("a string")?;
                Ok(Self::known(&value).unwrap_or_else(|| Self::#catch_all(value.into_owned())))
            }
        }

        impl de::Placeholder for #name {
            fn placeholder() -> Self {
                Self::#catch_all(::std::string::String::new())
            }
        }
        }
    } else {
        TokenStream::new()
    };
    let variant_docs: Vec<TokenStream> = e
        .values
        .iter()
        .map(|v| doc_attrs(&format!("`{}`", v.wire.replace('`', "'"))))
        .collect();
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants,)*
            /// A value the spec does not list, kept as read. (Variants named after values
            /// have no `_`, so none can take this name.)
            #catch_all(::std::string::String),
        }

        impl #name {
            /// Every known value, in spec order.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The known variant for a wire value.
            pub fn known(value: &str) -> ::core::option::Option<Self> {
                match value {
                    #(#wires => Some(Self::#variants),)*
                    _ => None,
                }
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#catch_all(value) => value,
                }
            }
        }

        impl ::core::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::#catch_all(value.to_owned()))
            }
        }

        impl ::core::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or(Self::#catch_all(value))
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                de::string_enum(deserializer)
            }
        }

        #wire_reader

        impl #rt::Validate for #name {
            fn validate_at(&self, path: #rt::Path<'_>, errors: &mut #rt::ValidationErrors) {
                if let Self::#catch_all(value) = self {
                    check::unknown_enum(value, Self::VALUES, path, errors);
                }
            }
        }
    }
}

/// The Rust type of a member, with `Box` and `Option` applied.
fn field_type(cx: &Cx<'_>, f: &Field) -> TokenStream {
    let mut ty = cx.rust_type(&f.shape, &TokenStream::new());
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    if f.optional() {
        ty = quote!(::core::option::Option<#ty>);
    }
    ty
}

fn field_docs(cx: &Cx<'_>, f: &Field) -> TokenStream {
    let mut text = f.docs.clone().unwrap_or_default();
    let mut facts = Vec::new();
    facts.push(format!(
        "{} `{}`.",
        match (f.required, f.nullable) {
            (true, false) => "Required; wire name",
            (true, true) => "Required, may be `null`; wire name",
            _ => "Wire name",
        },
        f.wire_name
    ));
    if let Some(c) = constraint_docs(cx.api, &f.shape) {
        facts.push(c);
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&facts.join(" "));
    doc_attrs(&text)
}

/// Whether a member holds sensitive data (directly, in a list or map, or as a structure
/// that is sensitive as a whole).
fn sensitive(cx: &Cx<'_>, f: &Field) -> bool {
    let mut shape = cx.api.resolve(&f.shape);
    loop {
        if shape.constraints.sensitive {
            return true;
        }
        match &shape.kind {
            ShapeKind::List(inner) | ShapeKind::Map(inner) => shape = cx.api.resolve(inner),
            ShapeKind::Named(id) => {
                return matches!(&cx.api.ty(*id).kind, TypeKind::Struct(st) if st.sensitive);
            }
            _ => return false,
        }
    }
}

fn emit_struct(
    cx: &Cx<'_>,
    def: &TypeDef,
    st: &Struct,
    exception: bool,
    checks: &TypeChecks,
) -> TokenStream {
    let rt = quote!(rt);
    let name = ident(&def.name);
    let name_str = def.name.as_str();
    let docs = type_docs(
        cx,
        def,
        exception.then(|| {
            format!(
                "An error of the service: on the wire `{{\"__type\": \"{}\", \"message\": \"...\"}}`.",
                def.error_code()
            )
        }),
    );
    let mut field_defs = Vec::new();
    if exception {
        field_defs.push(quote! {
            /// The error message.
            pub message: ::core::option::Option<::std::string::String>,
        });
    }
    for f in &st.fields {
        let fname = ident(&f.name);
        let ty = field_type(cx, f);
        let fdocs = field_docs(cx, f);
        field_defs.push(quote! {
            #fdocs
            pub #fname: #ty,
        });
    }

    if let Some(a) = &st.additional {
        let aname = ident(&a.name);
        let vty = cx.rust_type(&a.shape, &TokenStream::new());
        field_defs.push(quote! {
            /// Members the schema does not declare (`additionalProperties`), by wire name.
            pub #aname: ::std::collections::BTreeMap<::std::string::String, #vty>,
        });
    }
    let any_sensitive = st.sensitive || st.fields.iter().any(|f| sensitive(cx, f));
    // `Default` where every member is optional: the empty value is a valid one.
    let default = builders::all_optional(st).then(|| quote!(Default,));
    let derives = if any_sensitive {
        quote!(#[derive(Clone, #default PartialEq)])
    } else {
        quote!(#[derive(Clone, Debug, #default PartialEq)])
    };
    let debug_impl = if st.sensitive {
        // Sensitive as a whole (`x-aws-sensitive` on the structure): nothing is shown.
        quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Debug::fmt(&#rt::__private::Redacted, f)
                }
            }
        }
    } else if any_sensitive {
        let entries = st.fields.iter().map(|f| {
            let fname = ident(&f.name);
            let label = f.name.trim_start_matches("r#");
            if sensitive(cx, f) && f.required {
                quote!(.field(#label, &#rt::__private::Redacted))
            } else if sensitive(cx, f) {
                // Presence is not secret; the value is.
                quote!(.field(#label, &self.#fname.as_ref().map(|_| #rt::__private::Redacted)))
            } else {
                quote!(.field(#label, &self.#fname))
            }
        });
        let extra = st.additional.as_ref().map(|a| {
            let aname = ident(&a.name);
            let label = a.name.trim_start_matches("r#");
            quote!(.field(#label, &self.#aname))
        });
        quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#name_str)
                        #(#entries)*
                        #extra
                        .finish()
                }
            }
        }
    } else {
        TokenStream::new()
    };

    let error_impls = if exception {
        let code = def.error_code();
        // Codes are identifiers, so they are safe inside a format string.
        let with_message = format!(
            "{}: {{message}}",
            code.replace('{', "{{").replace('}', "}}")
        );
        quote! {
            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match &self.message {
                        Some(message) => ::core::write!(f, #with_message),
                        None => f.write_str(#code),
                    }
                }
            }

            impl ::std::error::Error for #name {}
        }
    } else {
        TokenStream::new()
    };
    let serialize = emit_serialize(cx, &name, st, exception);
    let deserialize = emit_deserialize(cx, &name, name_str, st, exception);
    let (read, placeholder) = if cx.reads_wire() {
        (
            emit_read(cx, &name, name_str, st, exception),
            emit_placeholder(&name, st, exception),
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let validate = validate::emit_struct(cx, &name, st, checks);

    quote! {
        #docs
        #derives
        pub struct #name {
            #(#field_defs)*
        }

        #debug_impl
        #error_impls
        #serialize
        #deserialize
        #read
        #placeholder
        #validate
    }
}

/// How a value of `shape` travels when its Rust type's own serde impls do not say it: the
/// path of a `wire::Format` (floats of AWS JSON with their `"NaN"`, `"Infinity"` and
/// `"-Infinity"` strings; timestamps in RFC 3339 or HTTP-date text; lists and maps of
/// those). `None`: the type's own impls.
fn wire_format(cx: &Cx<'_>, shape: &Shape) -> Option<TokenStream> {
    if !cx.reads_wire() {
        return None;
    }
    let wire = quote!(rt::__private::wire);
    let shape = cx.api.resolve(shape);
    match &shape.kind {
        ShapeKind::Number(_) => Some(quote!(#wire::Float)),
        ShapeKind::Timestamp => match shape.constraints.timestamp_format {
            Some(TimestampFormat::DateTime) => Some(quote!(#wire::Iso8601)),
            Some(TimestampFormat::HttpDate) => Some(quote!(#wire::HttpDate)),
            // Epoch seconds are `Timestamp`'s own form.
            Some(TimestampFormat::EpochSeconds) | None => None,
        },
        ShapeKind::List(inner) => wire_format(cx, inner).map(|a| quote!(#wire::List<#a>)),
        ShapeKind::Map(inner) => wire_format(cx, inner).map(|a| quote!(#wire::Map<#a>)),
        _ => None,
    }
}

/// `value` (a reference) to write in the form `format`, if any.
fn wire_value(format: Option<&TokenStream>, value: TokenStream) -> TokenStream {
    match format {
        Some(a) => quote!(&rt::__private::wire::Ser::<#a, _>::new(#value)),
        None => value,
    }
}

fn emit_serialize(
    cx: &Cx<'_>,
    name: &proc_macro2::Ident,
    st: &Struct,
    exception: bool,
) -> TokenStream {
    let mut entries = Vec::new();
    if exception {
        entries.push(quote! {
            if let Some(value) = &self.message {
                map.serialize_entry("message", value)?;
            }
        });
    }
    for f in &st.fields {
        let fname = ident(&f.name);
        let wire = &f.wire_name;
        let format = wire_format(cx, &f.shape);
        let value = wire_value(format.as_ref(), quote!(value));
        // Required members are always written (a nullable one as `null` when absent).
        entries.push(match (f.required, f.optional(), &format) {
            (true, true, Some(_)) => quote! {
                match &self.#fname {
                    Some(value) => map.serialize_entry(#wire, #value)?,
                    None => map.serialize_entry(#wire, &::core::option::Option::<()>::None)?,
                }
            },
            (true, _, _) => {
                let field = wire_value(format.as_ref(), quote!(&self.#fname));
                quote!(map.serialize_entry(#wire, #field)?;)
            }
            (false, _, _) => quote! {
                if let Some(value) = &self.#fname {
                    map.serialize_entry(#wire, #value)?;
                }
            },
        });
    }
    if let Some(a) = &st.additional {
        let aname = ident(&a.name);
        let value = wire_value(wire_format(cx, &a.shape).as_ref(), quote!(value));
        entries.push(quote! {
            for (key, value) in &self.#aname {
                map.serialize_entry(key, #value)?;
            }
        });
    }
    let body = if entries.is_empty() {
        quote! {
            serializer.serialize_map(Some(0))?.end()
        }
    } else {
        quote! {
            let mut map = serializer.serialize_map(None)?;
            #(#entries)*
            map.end()
        }
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                use ::serde::ser::SerializeMap as _;
                #body
            }
        }
    }
}

/// The members of a structure as both readers see them: wire names in order (an
/// exception's `message`/`Message` first), their Rust names and how each is finished.
struct Members<'a> {
    wires: Vec<&'a str>,
    /// Pattern over indices into `wires` for each member, with its local and field.
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    /// The `wire::Format` the member is read in, when not its type's own.
    format: Option<TokenStream>,
    pattern: TokenStream,
    wire_pattern: TokenStream,
    local: proc_macro2::Ident,
    field: proc_macro2::Ident,
    path_name: &'a str,
    wire: &'a str,
    required: bool,
}

fn members<'a>(cx: &Cx<'_>, st: &'a Struct, exception: bool) -> Members<'a> {
    let mut wires: Vec<&str> = Vec::new();
    let mut entries = Vec::new();
    if exception {
        // AWS writes `message` or `Message`.
        wires.push("message");
        wires.push("Message");
        entries.push(Entry {
            format: None,
            pattern: quote!(0 | 1),
            wire_pattern: quote!("message" | "Message"),
            local: quote::format_ident!("message"),
            field: quote::format_ident!("message"),
            path_name: "message",
            wire: "message",
            required: false,
        });
    }
    for (i, f) in st.fields.iter().enumerate() {
        let index = proc_macro2::Literal::usize_unsuffixed(wires.len());
        wires.push(&f.wire_name);
        let wire = f.wire_name.as_str();
        entries.push(Entry {
            format: wire_format(cx, &f.shape),
            pattern: quote!(#index),
            wire_pattern: quote!(#wire),
            local: quote::format_ident!("v{}", i),
            field: ident(&f.name),
            path_name: &f.path_name,
            wire,
            required: !f.optional(),
        });
    }
    Members { wires, entries }
}

/// `let mut v0 = None;` for a member's slot, typed when the member is read in a
/// `wire::Format`.
fn local_decl(e: &Entry<'_>) -> TokenStream {
    let local = &e.local;
    match &e.format {
        Some(a) => quote! {
            let mut #local: ::core::option::Option<rt::__private::wire::De<#a, _>> = None;
        },
        None => quote!(let mut #local = None;),
    }
}

/// The field initializer of an optional member from its slot.
fn optional_init(e: &Entry<'_>) -> TokenStream {
    let (field, local) = (&e.field, &e.local);
    match &e.format {
        Some(_) => quote!(#field: #local.map(rt::__private::wire::De::into_inner),),
        None if field == local => quote!(#field,),
        None => quote!(#field: #local,),
    }
}

/// `.into_inner()` after a required member read in a `wire::Format`.
fn unwrap_format(e: &Entry<'_>) -> TokenStream {
    match &e.format {
        Some(_) => quote!(.into_inner()),
        None => TokenStream::new(),
    }
}

fn emit_deserialize(
    cx: &Cx<'_>,
    name: &proc_macro2::Ident,
    name_str: &str,
    st: &Struct,
    exception: bool,
) -> TokenStream {
    let m = members(cx, st, exception);
    let wires = &m.wires;
    let lets: Vec<_> = m.entries.iter().map(local_decl).collect();
    let locals: Vec<_> = m.entries.iter().map(|e| &e.local).collect();
    let pats: Vec<_> = m.entries.iter().map(|e| &e.pattern).collect();
    let entry_wires: Vec<_> = m.entries.iter().map(|e| e.wire).collect();
    let mut inits: Vec<TokenStream> = m
        .entries
        .iter()
        .map(|e| {
            let (field, local, wire) = (&e.field, &e.local, e.wire);
            if e.required {
                let unwrap = unwrap_format(e);
                quote!(#field: de::required(#local, #wire)?#unwrap,)
            } else {
                optional_init(e)
            }
        })
        .collect();
    let indices: Vec<_> = (0..wires.len())
        .map(proc_macro2::Literal::usize_unsuffixed)
        .collect();
    let lookup = quote! {
        let lookup = |name: &str| match name {
            #(#wires => #indices,)*
            _ => de::UNKNOWN_FIELD,
        };
    };
    let read_loop = if let Some(a) = &st.additional {
        let aname = ident(&a.name);
        inits.push(quote!(#aname: extra,));
        let value = match wire_format(cx, &a.shape) {
            Some(f) => quote! {
                ::serde::de::MapAccess::next_value::<rt::__private::wire::De<#f, _>>(&mut map)?
                    .into_inner()
            },
            None => quote!(::serde::de::MapAccess::next_value(&mut map)?),
        };
        quote! {
            #(#lets)*
            #lookup
            let mut extra = ::std::collections::BTreeMap::new();
            while let Some(key) = de::field_or_key(&mut map, lookup)? {
                match key {
                    #(::core::result::Result::Ok(#pats) => de::value_into(&mut map, &mut #locals, #entry_wires)?,)*
                    ::core::result::Result::Ok(_) => de::skip(&mut map)?,
                    ::core::result::Result::Err(key) => {
                        extra.insert(key, #value);
                    }
                }
            }
        }
    } else if wires.is_empty() {
        quote! {
            while map.next_key::<::serde::de::IgnoredAny>()?.is_some() {
                de::skip(&mut map)?;
            }
        }
    } else {
        quote! {
            #(#lets)*
            #lookup
            while let Some(index) = de::field(&mut map, lookup)? {
                match index {
                    #(#pats => de::value_into(&mut map, &mut #locals, #entry_wires)?,)*
                    _ => de::skip(&mut map)?,
                }
            }
        }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                de::structure(deserializer)
            }
        }

        impl de::Structure for #name {
            const NAME: &'static str = #name_str;

            fn visit_map<'de, A>(mut map: A) -> ::core::result::Result<Self, A::Error>
            where
                A: ::serde::de::MapAccess<'de>,
            {
                #read_loop
                Ok(Self { #(#inits)* })
            }
        }
    }
}

/// The JSON reader impl (request and response paths): non-generic, so a generated crate
/// does not instantiate serde_json's deserializer for each type.
fn emit_read(
    cx: &Cx<'_>,
    name: &proc_macro2::Ident,
    name_str: &str,
    st: &Struct,
    exception: bool,
) -> TokenStream {
    let m = members(cx, st, exception);
    let expected = format!("a {name_str} object");
    let local_lets: Vec<_> = m.entries.iter().map(local_decl).collect();
    let locals: Vec<_> = m.entries.iter().map(|e| &e.local).collect();
    let wire_pats: Vec<_> = m.entries.iter().map(|e| &e.wire_pattern).collect();
    let path_names: Vec<_> = m.entries.iter().map(|e| e.path_name).collect();
    let entry_wires: Vec<_> = m.entries.iter().map(|e| e.wire).collect();
    let mut inits: Vec<TokenStream> = m
        .entries
        .iter()
        .map(|e| {
            let (field, local, wire, path) = (&e.field, &e.local, e.wire, e.path_name);
            if e.required {
                let unwrap = unwrap_format(e);
                quote!(#field: r.required(#local, #wire, #path)#unwrap,)
            } else {
                optional_init(e)
            }
        })
        .collect();
    let (extra_init, other_arm) = match &st.additional {
        Some(a) => {
            let aname = ident(&a.name);
            let decl = match wire_format(cx, &a.shape) {
                Some(f) => {
                    inits.push(quote!(#aname: rt::__private::wire::into_values(extra),));
                    quote! {
                        let mut extra: ::std::collections::BTreeMap<
                            ::std::string::String,
                            rt::__private::wire::De<#f, _>,
                        > = ::std::collections::BTreeMap::new();
                    }
                }
                None => {
                    inits.push(quote!(#aname: extra,));
                    quote!(let mut extra = ::std::collections::BTreeMap::new();)
                }
            };
            (decl, quote!(_ => r.extra_into(&mut extra, key),))
        }
        None => (TokenStream::new(), quote!(_ => r.skip_value(),)),
    };
    let rt = quote!(rt);
    let (key, lets) = if m.entries.is_empty() && st.additional.is_none() {
        (quote!(_key), TokenStream::new())
    } else {
        (quote!(key), quote!(#(#local_lets)*))
    };
    let body = if m.entries.is_empty() && st.additional.is_none() {
        quote!(r.skip_value()?;)
    } else {
        // One `?` for all members: each `?` is an exit that drops every slot, so one per
        // member would make the function quadratic in its member count.
        quote! {
            let read = match &*key {
                #(#wire_pats => r.member_into(&mut #locals, #entry_wires, #path_names),)*
                #other_arm
            };
            read?;
        }
    };
    quote! {
        impl #rt::json::Read for #name {
            const CHECKS_ITSELF: bool = true;

            // One copy per type, called from each use: inlining whole trees of structures
            // into each other is what makes deserializers slow to compile.
            #[inline(never)]
            fn read(r: &mut #rt::json::Reader<'_>) -> ::core::result::Result<Self, #rt::json::Error> {
                let mut entries = r.begin_object(#expected)?;
                #lets
                #extra_init
                while let Some(#key) = r.next_key(&mut entries)? {
                    #body
                }
                let value = Self { #(#inits)* };
                r.check(&value, false);
                Ok(value)
            }
        }
    }
}

fn emit_placeholder(name: &proc_macro2::Ident, st: &Struct, exception: bool) -> TokenStream {
    let mut inits = Vec::new();
    if exception {
        inits.push(quote!(message: None,));
    }
    for f in &st.fields {
        let fname = ident(&f.name);
        inits.push(if f.optional() {
            quote!(#fname: None,)
        } else {
            quote!(#fname: de::placeholder(),)
        });
    }
    if let Some(a) = &st.additional {
        let aname = ident(&a.name);
        inits.push(quote!(#aname: ::std::collections::BTreeMap::new(),));
    }
    quote! {
        impl de::Placeholder for #name {
            fn placeholder() -> Self {
                Self { #(#inits)* }
            }
        }
    }
}

fn emit_union(cx: &Cx<'_>, def: &TypeDef, u: &Union, checks: &TypeChecks) -> TokenStream {
    let name = ident(&def.name);
    let name_str = def.name.as_str();
    let how = match &u.discriminator {
        Some(d) => format!(
            "The member `{}` names the alternative: {}.",
            d.property,
            d.mapping
                .iter()
                .map(|(value, i)| format!(
                    "`{value}` → [`{}`]({name_str}::{})",
                    u.variants[*i].name, u.variants[*i].name
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => "Read as the first alternative the value fits, in this order.".to_owned(),
    };
    let docs = type_docs(cx, def, Some(how));
    let variants: Vec<_> = u.variants.iter().map(|v| ident(&v.name)).collect();
    // Boxed alternatives are structures, which have no wire format of their own.
    let formats: Vec<Option<TokenStream>> = u
        .variants
        .iter()
        .map(|v| wire_format(cx, &v.shape).filter(|_| !v.boxed))
        .collect();
    let read_as: Vec<TokenStream> = formats
        .iter()
        .map(|f| match f {
            Some(f) => quote!(rt::__private::wire::De<#f, _>),
            None => quote!(_),
        })
        .collect();
    let unwraps: Vec<TokenStream> = formats
        .iter()
        .map(|f| match f {
            Some(_) => quote!(.into_inner()),
            None => TokenStream::new(),
        })
        .collect();
    let written: Vec<TokenStream> = formats
        .iter()
        .map(|f| wire_value(f.as_ref(), quote!(value)))
        .collect();
    let tys: Vec<_> = u
        .variants
        .iter()
        .map(|v| {
            let ty = cx.rust_type(&v.shape, &TokenStream::new());
            if v.boxed {
                quote!(::std::boxed::Box<#ty>)
            } else {
                ty
            }
        })
        .collect();
    let read = match &u.discriminator {
        Some(d) => {
            let property = &d.property;
            let values: Vec<&str> = d.mapping.iter().map(|(v, _)| v.as_str()).collect();
            let targets = d.mapping.iter().map(|(_, i)| {
                let variant = &variants[*i];
                match &formats[*i] {
                    Some(f) => quote! {
                        |v: rt::__private::wire::De<#f, _>| Self::#variant(v.into_inner())
                    },
                    None => quote!(Self::#variant),
                }
            });
            let missing = format!("missing discriminator `{property}` of {name_str}");
            quote! {
                let tag = value
                    .get(#property)
                    .and_then(::serde_json::Value::as_str)
                    .map(::std::borrow::ToOwned::to_owned);
                match tag.as_deref() {
                    #(Some(#values) => de::from_value(value).map(#targets),)*
                    Some(other) => Err(<D::Error as ::serde::de::Error>::unknown_variant(
                        other,
                        &[#(#values),*],
                    )),
                    None => Err(<D::Error as ::serde::de::Error>::custom(#missing)),
                }
            }
        }
        None => {
            let no_match = format!("the value matches no alternative of {name_str}");
            quote! {
                #(if let Some(v) = de::try_from_value::<#read_as>(&value) {
                    return Ok(Self::#variants(v #unwraps));
                })*
                Err(<D::Error as ::serde::de::Error>::custom(#no_match))
            }
        }
    };
    let variant_docs: Vec<_> = u
        .variants
        .iter()
        .map(|v| doc_attrs(&format!("The `{}` alternative.", v.name)))
        .collect();
    let first = &variants[0];
    let validate = validate::emit_union(cx, &name, u, checks);
    let wire_reader = if cx.reads_wire() {
        quote! {
        impl rt::json::Read for #name {
            const CHECKS_ITSELF: bool = true;

            fn read(r: &mut rt::json::Reader<'_>) -> ::core::result::Result<Self, rt::json::Error> {
                let value = r.value()?;
                let value: Self =
                    <Self as ::serde::Deserialize>::deserialize(value).map_err(|e| r.invalid(&e))?;
                // Read whole through serde: nothing inside was checked yet.
                r.check(&value, true);
                Ok(value)
            }
        }

        impl de::Placeholder for #name {
            fn placeholder() -> Self {
                Self::#first(de::placeholder())
            }
        }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variant_docs #variants(#tys),)*
        }

        impl ::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                match self {
                    #(Self::#variants(value) => ::serde::Serialize::serialize(#written, serializer),)*
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                // The alternative is only known once the whole value is read.
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                #read
            }
        }

        #wire_reader

        #validate
    }
}
