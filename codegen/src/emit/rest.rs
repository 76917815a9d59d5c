//! REST operations (any spec that is not AWS JSON): the `operations` module, with per
//! operation a request type (its path, query, header and cookie parameters and its body,
//! checked by `Validate` and read by `from_parts`) and a response enum (one variant per
//! documented status); and `Operation::route`, which finds the operation a method and path
//! call, with the path parameters.
//!
//! Names (`GetPetRequest`, `GetPetResponse`, members, variants) come from the IR.

use proc_macro2::TokenStream;
use quote::quote;

use super::validate::print_checks;
use super::{Cx, constraint_docs, doc_attrs, ident};
use crate::ir::{
    Api, FloatWidth, IntWidth, Operation, ParamLocation, ParamStyle, Parameter, RequestChecks,
    ResponseCase, Shape, ShapeKind, Status, TypeKind,
};

/// The items of the `operations` module (its preamble first), or `None` when the API has
/// no operations.
pub(crate) fn emit_module(cx: &Cx<'_>) -> Option<Vec<TokenStream>> {
    if cx.api.operations.is_empty() {
        return None;
    }
    let rt = &cx.rt;
    let mut items = Vec::new();
    for (i, op) in cx.api.operations.iter().enumerate() {
        items.push(request(cx, op, cx.api.checks.of_request(i)));
        items.push(response(cx, op));
    }
    let check = if cx.api.checks.operations_use_check {
        quote!(
            use rt::__private::check;
        )
    } else {
        TokenStream::new()
    };
    let preamble = quote! {
        use #rt as rt;
        #check
    };
    Some(std::iter::once(preamble).chain(items).collect())
}

/// Whether a generic spec gets an `operations` module: when it has operations.
pub(crate) fn has_module(api: &Api) -> bool {
    !api.operations.is_empty()
}

/// The docs of the `operations` module.
pub(crate) fn module_docs(api: &Api) -> String {
    let example = &api.operations[0];
    format!(
        "Per operation, its request and its responses.\n\n\
         - `<Operation>Request` (e.g. [`{req}`]) holds the operation's path, query, header \
         and cookie parameters and its body. `Validate` checks their constraints with the \
         same messages as body members; a parameter is named as the spec names it \
         (`Value '0' at 'limit' failed to satisfy constraint: …`) and the body's members at \
         their own paths. `from_parts` reads the parameters from a routed request (see \
         [`Operation::route`](super::Operation::route)).\n\
         - `<Operation>Response` (e.g. [`{resp}`]) has one variant per documented status \
         (named after it: `Ok`, `NotFound`; `ClientError` for `4XX`; `Default` for \
         `default`), with `status()`, `from_json(status, body)` and `to_json()`.",
        req = example.request_name,
        resp = example.response_name,
    )
}

/// `impl Operation { fn route }`, for the crate root.
pub(crate) fn emit_route(cx: &Cx<'_>) -> TokenStream {
    let ops = &cx.api.operations;
    if ops.is_empty() {
        return TokenStream::new();
    }
    let rt = &cx.rt;
    let routes = ops.iter().map(|o| {
        let v = ident(&o.name);
        let (method, path) = (&o.method, &o.path);
        quote!((Self::#v, #method, #path))
    });
    quote! {
        impl Operation {
            /// The operation that `method` and `path` call, with its path parameters
            /// (percent-decoded, named as the path template names them); `None` when no
            /// operation matches.
            ///
            /// `path` may carry a query string, which is ignored. Methods compare without
            /// regard to case. When several path templates match, the most specific wins,
            /// as OpenAPI asks: `/pets/mine` before `/pets/{petId}`.
            pub fn route(
                method: &str,
                path: &str,
            ) -> ::core::option::Option<(Operation, #rt::route::PathParams)> {
                #rt::route::find(&[#(#routes),*], method, path)
            }
        }

        #[doc(inline)]
        pub use #rt::route::{ParamError, PathParams};
    }
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// `GET /pets/{petId}` as a code span.
fn route_text(op: &Operation) -> String {
    format!("`{} {}`", op.method, op.path.replace('`', "'"))
}

/// The request type of `op`, with its `Validate` impl printing `model` (lowering decides
/// what it checks).
fn request(cx: &Cx<'_>, op: &Operation, model: &RequestChecks) -> TokenStream {
    let api = cx.api;
    let name = ident(&op.request_name);
    let types = quote!(super::types::);
    let mut fields = Vec::new();
    let mut checks = Vec::new();
    let mut reads = Vec::new();
    for (i, p) in op.parameters.iter().enumerate() {
        let field = ident(&p.field);
        let ty = cx.rust_type(&p.shape, &types);
        let ty = if p.required {
            ty
        } else {
            quote!(::core::option::Option<#ty>)
        };
        let mut text = format!(
            "`{}` ({}{}).",
            p.name.replace('`', "'"),
            location_name(p.location),
            if p.required { ", required" } else { "" }
        );
        if let Some(d) = &p.docs {
            text.push_str("\n\n");
            text.push_str(d);
        }
        if let Some(c) = constraint_docs(api, &p.shape) {
            text.push_str("\n\n");
            text.push_str(&c);
        }
        let docs = doc_attrs(&text);
        fields.push(quote!(#docs pub #field: #ty,));
        let value = quote!(value);
        let param = model.parameters.get(i).map_or(&[][..], Vec::as_slice);
        if let Some(check) = print_checks(cx, param, &value, 0) {
            let wire = &p.name;
            checks.push(if p.required {
                quote! {
                    {
                        let value = &self.#field;
                        let path = path.field(#wire);
                        #check
                    }
                }
            } else {
                quote! {
                    if let Some(value) = &self.#field {
                        let path = path.field(#wire);
                        #check
                    }
                }
            });
        }
        reads.push(read_param(cx, p));
    }
    let mut body_arg = TokenStream::new();
    let mut body_doc = String::new();
    if let Some(input) = op.input {
        let ty = cx.rust_type(&Shape::plain(ShapeKind::Named(input)), &types);
        let (ty, docs) = if op.body_required {
            (ty, "The request body (required).")
        } else {
            (
                quote!(::core::option::Option<#ty>),
                "The request body, when given.",
            )
        };
        let docs = doc_attrs(docs);
        fields.push(quote!(#docs pub body: #ty,));
        body_arg = quote!(body: #ty,);
        body_doc = " and its body".to_owned();
        reads.push(quote!(body,));
        let value = quote!(value);
        // The body's members are checked at their own paths, as a body alone is.
        if let Some(check) = print_checks(cx, &model.body, &value, 0) {
            checks.push(if op.body_required {
                quote! {
                    {
                        let value = &self.body;
                        #check
                    }
                }
            } else {
                quote! {
                    if let Some(value) = &self.body {
                        #check
                    }
                }
            });
        }
    }
    let all_optional =
        op.parameters.iter().all(|p| !p.required) && (op.input.is_none() || !op.body_required);
    let default = if all_optional {
        quote!(Default,)
    } else {
        TokenStream::new()
    };
    // Sensitive parameters (`format: password`) are never shown by `Debug`.
    let sensitive = |p: &Parameter| api.resolve(&p.shape).constraints.sensitive;
    let (debug, debug_impl) = if op.parameters.iter().any(sensitive) {
        let label = op.request_name.as_str();
        let entries = op.parameters.iter().map(|p| {
            let field = ident(&p.field);
            let name = p.field.trim_start_matches("r#");
            match (sensitive(p), p.required) {
                (true, true) => quote!(.field(#name, &rt::__private::Redacted)),
                // Presence is not secret; the value is.
                (true, false) => {
                    quote!(.field(#name, &self.#field.as_ref().map(|_| rt::__private::Redacted)))
                }
                (false, _) => quote!(.field(#name, &self.#field)),
            }
        });
        let body = op.input.map(|_| quote!(.field("body", &self.body)));
        (
            TokenStream::new(),
            quote! {
                impl ::core::fmt::Debug for #name {
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.debug_struct(#label)
                            #(#entries)*
                            #body
                            .finish()
                    }
                }
            },
        )
    } else {
        (quote!(Debug,), TokenStream::new())
    };
    let docs = doc_attrs(&format!(
        "The request of `{}` ({}): its parameters{body_doc}.\n\n\
         `Validate` checks every constraint; [`{}::from_parts`] reads the parameters from a \
         routed request.",
        op.id,
        route_text(op),
        op.request_name.trim_start_matches("r#"),
    ));
    let validate = if checks.is_empty() {
        quote! {
            impl rt::Validate for #name {
                fn validate_at(&self, _path: rt::Path<'_>, _errors: &mut rt::ValidationErrors) {}
            }
        }
    } else {
        quote! {
            impl rt::Validate for #name {
                fn validate_at(&self, path: rt::Path<'_>, errors: &mut rt::ValidationErrors) {
                    #(#checks)*
                }
            }
        }
    };
    let (parts_let, path_arg, query_arg, headers_arg) = if op.parameters.is_empty() {
        (
            TokenStream::new(),
            quote!(_path),
            quote!(_query),
            quote!(_headers),
        )
    } else {
        (
            quote!(let parts = rt::route::Parts::new(path, query, headers);),
            quote!(path),
            quote!(query),
            quote!(headers),
        )
    };
    let body_param_doc = if op.input.is_some() {
        " `body` is the request body, already read."
    } else {
        ""
    };
    let from_parts_docs = doc_attrs(&format!(
        "Reads the parameters of a request: `path` as [`Operation::route`](super::Operation::route) \
         gives them, `query` the query string (with or without its `?`), `headers` the \
         request's headers (names compare without regard to case; `Cookie` headers carry \
         the cookie parameters).{body_param_doc}\n\n\
         Fails for a missing required parameter and for text that does not read as its \
         parameter's type, naming the parameter. Constraints are not checked here: call \
         `validate()` next."
    ));
    quote! {
        #docs
        #[derive(Clone, #debug #default PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        #debug_impl

        impl #name {
            #from_parts_docs
            pub fn from_parts(
                #path_arg: &rt::route::PathParams,
                #query_arg: &str,
                #headers_arg: &[(&str, &str)],
                #body_arg
            ) -> ::core::result::Result<Self, rt::route::ParamError> {
                #parts_let
                Ok(Self {
                    #(#reads)*
                })
            }
        }

        #validate
    }
}

/// `field: <read>,` for one parameter in `from_parts`.
fn read_param(cx: &Cx<'_>, p: &Parameter) -> TokenStream {
    let field = ident(&p.field);
    let wire = &p.name;
    let location = match p.location {
        ParamLocation::Path => quote!(rt::route::Location::Path),
        ParamLocation::Query => quote!(rt::route::Location::Query),
        ParamLocation::Header => quote!(rt::route::Location::Header),
        ParamLocation::Cookie => quote!(rt::route::Location::Cookie),
    };
    let resolved = cx.api.resolve(&p.shape);
    let read = match (&resolved.kind, p.style) {
        (_, ParamStyle::DeepObject) => {
            let what = match &resolved.kind {
                ShapeKind::Named(id) => format!("`{}`", cx.api.ty(*id).schema_name),
                _ => "object".to_owned(),
            };
            let expected = format!("the members of a {what} as `{wire}[member]` pairs");
            let typed = typed_members(cx, &resolved);
            quote!(parts.deep_object(#wire, &[#(#typed),*], #expected)?)
        }
        (ShapeKind::List(inner), style) => {
            let expected = expected(cx, &cx.api.resolve(inner));
            let items = match style {
                ParamStyle::Separated(c) => quote!(rt::route::Items::Separated(#c)),
                _ => quote!(rt::route::Items::Repeated),
            };
            quote!(parts.list(#wire, #location, #items, #expected)?)
        }
        _ => {
            let expected = expected(cx, &resolved);
            quote!(parts.one(#wire, #location, #expected)?)
        }
    };
    if p.required {
        quote!(#field: rt::route::required(#read, #wire, #location)?,)
    } else {
        quote!(#field: #read,)
    }
}

/// The wire names of the members of a `deepObject` parameter's structure that read as
/// JSON (numbers and booleans); the others read as strings.
fn typed_members(cx: &Cx<'_>, shape: &Shape) -> Vec<String> {
    let ShapeKind::Named(id) = shape.kind else {
        return Vec::new();
    };
    let TypeKind::Struct(s) = &cx.api.ty(id).kind else {
        return Vec::new();
    };
    s.fields
        .iter()
        .filter(|f| {
            matches!(
                cx.api.resolve(&f.shape).kind,
                ShapeKind::Integer(_) | ShapeKind::Number(_) | ShapeKind::Boolean
            )
        })
        .map(|f| f.wire_name.clone())
        .collect()
}

/// What a parameter's text must read as, for messages.
fn expected(cx: &Cx<'_>, shape: &Shape) -> String {
    match &shape.kind {
        ShapeKind::String => "text".to_owned(),
        ShapeKind::Integer(IntWidth::I32) => "a 32-bit integer".to_owned(),
        ShapeKind::Integer(IntWidth::I64) => "an integer".to_owned(),
        ShapeKind::Number(FloatWidth::F32 | FloatWidth::F64) => "a number".to_owned(),
        ShapeKind::Boolean => "true or false".to_owned(),
        ShapeKind::Timestamp => "a timestamp".to_owned(),
        ShapeKind::Any => "a value".to_owned(),
        ShapeKind::List(_) => "a list".to_owned(),
        ShapeKind::Map(_) => "a JSON object".to_owned(),
        ShapeKind::Named(id) => match &cx.api.ty(*id).kind {
            TypeKind::Enum(e) => {
                let values: Vec<&str> = e.values.iter().map(|v| v.wire.as_str()).collect();
                format!("one of [{}]", values.join(", "))
            }
            _ => format!("a JSON `{}`", cx.api.ty(*id).schema_name),
        },
    }
}

fn response(cx: &Cx<'_>, op: &Operation) -> TokenStream {
    let name = ident(&op.response_name);
    let types = quote!(super::types::);
    let json = quote!(rt::__private::serde_json);
    let mut variants = Vec::new();
    let mut status_arms = Vec::new();
    let mut exact_arms = Vec::new();
    let mut range_arms = Vec::new();
    let mut default_arm = None;
    let mut to_json_arms = Vec::new();
    for case in &op.responses {
        let v = ident(&case.variant);
        let body_ty = case
            .body
            .map(|id| cx.rust_type(&Shape::plain(ShapeKind::Named(id)), &types));
        let docs = doc_attrs(&case_docs(case));
        let keeps_status = !matches!(case.status, Status::Code(_));
        variants.push(match (&body_ty, keeps_status) {
            (Some(ty), false) => quote!(#docs #v(#ty),),
            (Some(ty), true) => quote!(#docs #v(u16, #ty),),
            (None, false) => quote!(#docs #v,),
            (None, true) => quote!(#docs #v(u16),),
        });
        let read = match (&body_ty, keeps_status) {
            (Some(_), false) => quote!(Self::#v(#json::from_slice(body)?)),
            (Some(_), true) => quote!(Self::#v(status, #json::from_slice(body)?)),
            (None, false) => quote!(Self::#v),
            (None, true) => quote!(Self::#v(status)),
        };
        match case.status {
            Status::Code(code) => {
                let code = proc_macro2::Literal::u16_unsuffixed(code);
                status_arms.push(match body_ty {
                    Some(_) => quote!(Self::#v(_) => #code,),
                    None => quote!(Self::#v => #code,),
                });
                exact_arms.push(quote!(#code => #read,));
            }
            Status::Range(digit) => {
                let lo = proc_macro2::Literal::u16_unsuffixed(digit * 100);
                let hi = proc_macro2::Literal::u16_unsuffixed(digit * 100 + 99);
                status_arms.push(match body_ty {
                    Some(_) => quote!(Self::#v(status, _) => *status,),
                    None => quote!(Self::#v(status) => *status,),
                });
                range_arms.push(quote!(_ if (#lo..=#hi).contains(&status) => #read,));
            }
            Status::Default => {
                status_arms.push(match body_ty {
                    Some(_) => quote!(Self::#v(status, _) => *status,),
                    None => quote!(Self::#v(status) => *status,),
                });
                default_arm = Some(read.clone());
            }
        }
        to_json_arms.push(match (&body_ty, keeps_status) {
            (Some(_), false) => quote!(Self::#v(body) => #json::to_vec(body),),
            (Some(_), true) => quote!(Self::#v(_, body) => #json::to_vec(body),),
            (None, false) => quote!(Self::#v => Ok(::std::vec::Vec::new()),),
            (None, true) => quote!(Self::#v(_) => Ok(::std::vec::Vec::new()),),
        });
    }
    let id = &op.id;
    let read_all = match default_arm {
        // Only `default`: every status reads the same.
        Some(read) if exact_arms.is_empty() && range_arms.is_empty() => read,
        default => {
            let default = default.unwrap_or_else(|| {
                let message = format!("status {{}} is not a documented response of {id}");
                quote! {
                    return Err(<#json::Error as rt::__private::serde::de::Error>::custom(
                        ::core::format_args!(#message, status),
                    ))
                }
            });
            quote! {
                match status {
                    #(#exact_arms)*
                    #(#range_arms)*
                    _ => #default,
                }
            }
        }
    };
    let docs = doc_attrs(&format!(
        "The documented responses of `{id}` ({}): one variant per status, holding the \
         body when it is JSON (and the status, for a class of statuses or `default`).",
        route_text(op)
    ));
    if op.responses.is_empty() {
        return quote! {
            #docs
            ///
            /// The spec documents none.
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub enum #name {}
        };
    }
    let any_body = op.responses.iter().any(|c| c.body.is_some());
    let body_param = if any_body {
        quote!(body)
    } else {
        quote!(_body)
    };
    let large = if any_body {
        // Bodies are held inline, to be matched on: a response is made once and written
        // out, so boxing a large one would cost an allocation per response for no gain.
        quote!(#[allow(clippy::large_enum_variant)])
    } else {
        TokenStream::new()
    };
    quote! {
        #docs
        #large
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The HTTP status of this response.
            pub fn status(&self) -> u16 {
                match self {
                    #(#status_arms)*
                }
            }

            /// Reads a response from its status and body. The status picks the variant: its
            /// own code first, then its class (`4XX`), then `default`. A variant without a
            /// JSON body ignores `body`.
            ///
            /// Fails for a body that does not read as the variant's type, and for a status
            /// the spec does not document (when it documents no `default`).
            pub fn from_json(status: u16, #body_param: &[u8]) -> ::core::result::Result<Self, #json::Error> {
                let response = #read_all;
                Ok(response)
            }

            /// The JSON body of this response (empty for a variant without one).
            pub fn to_json(&self) -> ::core::result::Result<::std::vec::Vec<u8>, #json::Error> {
                match self {
                    #(#to_json_arms)*
                }
            }
        }
    }
}

fn case_docs(case: &ResponseCase) -> String {
    let mut text = match case.status {
        Status::Code(c) => format!("`{c}`"),
        Status::Range(d) => {
            format!("`{d}XX` (any status from {d}00 to {d}99 without a variant of its own)")
        }
        Status::Default => "`default` (any status without a variant of its own)".to_owned(),
    };
    if let Some(d) = &case.docs {
        text.push_str(": ");
        text.push_str(d);
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    if let Some(media) = &case.other_media {
        text.push_str(&format!(
            "\n\nIts body (`{}`) is not JSON and is not read here.",
            media.replace('`', "'")
        ));
    }
    text
}
