//! `Operation` (metadata of every operation) and, for AWS JSON, `Request` and `Response`:
//! the bodies of every operation, routed by `X-Amz-Target`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident};
use crate::ir::{Operation, ParamLocation};

fn op_docs(op: &Operation) -> TokenStream {
    let mut text = format!("`{}`", op.id);
    if let Some(d) = &op.docs {
        text.push_str(": ");
        text.push_str(d);
    }
    doc_attrs(&text)
}

pub(crate) fn emit_operation(cx: &Cx<'_>) -> TokenStream {
    let rt = &cx.rt;
    let api = cx.api;
    let ops = &api.operations;
    let variants: Vec<_> = ops.iter().map(|o| ident(&o.name)).collect();
    let docs: Vec<_> = ops.iter().map(op_docs).collect();
    let ids: Vec<&str> = ops.iter().map(|o| o.id.as_str()).collect();
    let methods: Vec<&str> = ops.iter().map(|o| o.method.as_str()).collect();
    let paths: Vec<&str> = ops.iter().map(|o| o.path.as_str()).collect();
    let errors: Vec<TokenStream> = ops
        .iter()
        .map(|o| {
            let codes = o.errors.iter().map(|e| api.ty(*e).error_code());
            quote!(&[#(#codes),*])
        })
        .collect();
    let targets: Vec<String> = ops
        .iter()
        .map(|o| o.target.clone().unwrap_or_default())
        .collect();
    let has_targets = ops.iter().all(|o| o.target.is_some()) && !ops.is_empty();
    let with_params: Vec<_> = ops.iter().filter(|o| !o.parameters.is_empty()).collect();
    let param_arms = with_params.iter().map(|o| {
        let v = ident(&o.name);
        let params = o.parameters.iter().map(|p| {
            let name = &p.name;
            let required = p.required;
            let loc = match p.location {
                ParamLocation::Path => quote!(Path),
                ParamLocation::Query => quote!(Query),
                ParamLocation::Header => quote!(Header),
                ParamLocation::Cookie => quote!(Cookie),
            };
            quote! {
                #rt::operation::Parameter {
                    name: #name,
                    location: #rt::operation::Location::#loc,
                    required: #required,
                }
            }
        });
        quote!(Self::#v => &[#(#params),*],)
    });
    let params_body = if with_params.is_empty() {
        quote!(&[])
    } else if with_params.len() < ops.len() {
        quote! {
            match self {
                #(#param_arms)*
                _ => &[],
            }
        }
    } else {
        quote! {
            match self {
                #(#param_arms)*
            }
        }
    };
    let title = &api.title;
    let enum_docs = doc_attrs(&format!("An operation of {title}."));
    let target_fns = if has_targets {
        quote! {
            /// The `X-Amz-Target` header value that selects this operation.
            pub const fn target(self) -> &'static str {
                match self {
                    #(Self::#variants => #targets,)*
                }
            }

            /// The operation an `X-Amz-Target` header value selects.
            pub fn from_target(target: &str) -> ::core::option::Option<Self> {
                match target {
                    #(#targets => Some(Self::#variants),)*
                    _ => None,
                }
            }
        }
    } else {
        TokenStream::new()
    };
    if ops.is_empty() {
        return quote! {
            #enum_docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum Operation {}

            impl Operation {
                /// Every operation, in spec order.
                pub const ALL: &'static [Operation] = &[];
            }
        };
    }
    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Operation {
            #(#docs #variants,)*
        }

        impl Operation {
            /// Every operation, in spec order.
            pub const ALL: &'static [Operation] = &[#(Self::#variants),*];

            /// The `operationId`, e.g. `SignUp`.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variants => #ids,)*
                }
            }

            /// The operation with this `operationId`.
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                match name {
                    #(#ids => Some(Self::#variants),)*
                    _ => None,
                }
            }

            #target_fns

            /// The HTTP method.
            pub const fn http_method(self) -> &'static str {
                match self {
                    #(Self::#variants => #methods,)*
                }
            }

            /// The path template.
            pub const fn path(self) -> &'static str {
                match self {
                    #(Self::#variants => #paths,)*
                }
            }

            /// The error codes the spec lists for this operation.
            pub const fn errors(self) -> &'static [&'static str] {
                match self {
                    #(Self::#variants => #errors,)*
                }
            }

            /// Parameters outside the body (path, query, header, cookie).
            pub const fn parameters(self) -> &'static [#rt::operation::Parameter] {
                #params_body
            }
        }

        impl ::core::fmt::Display for Operation {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

pub(crate) fn emit_request_response(cx: &Cx<'_>) -> TokenStream {
    let rt = &cx.rt;
    let api = cx.api;
    let ops = &api.operations;
    if ops.is_empty() {
        return TokenStream::new();
    }
    let types = quote!(types::);
    let mut req_variants = Vec::new();
    let mut req_parse = Vec::new();
    let mut req_read = Vec::new();
    let mut req_op = Vec::new();
    let mut req_ser = Vec::new();
    let mut resp_variants = Vec::new();
    let mut resp_parse = Vec::new();
    let mut resp_op = Vec::new();
    let mut resp_ser = Vec::new();
    for op in ops {
        let v = ident(&op.name);
        let id = &op.id;
        match op.input {
            Some(input) => {
                let def = api.ty(input);
                let ty = ident(&def.name);
                let d = doc_attrs(&format!("The body of `{id}`."));
                req_variants.push(quote!(#d #v(#types #ty),));
                req_read.push(
                    quote!(Operation::#v => Self::#v(#rt::__private::parse_body_strict(body)?),),
                );
                req_parse.push(if let Some(check) = api.body_validator(input) {
                    let check = ident(check);
                    quote! {
                        Operation::#v => Self::#v(
                            #rt::__private::parse_request_with(body, types::#check)
                                .map_err(Error::from_request_error)?,
                        ),
                    }
                } else {
                    quote! {
                        Operation::#v => Self::#v(parse(body).map_err(Error::from_request_error)?),
                    }
                });
                req_op.push(quote!(Self::#v(_) => Operation::#v,));
                req_ser.push(
                    quote!(Self::#v(body) => ::serde::Serialize::serialize(body, serializer),),
                );
            }
            None => {
                let d = doc_attrs(&format!("`{id}`, which has no body."));
                req_variants.push(quote!(#d #v,));
                req_parse.push(quote! {
                    Operation::#v => {
                        #rt::__private::parse_empty(body).map_err(Error::from_request_error)?;
                        Self::#v
                    }
                });
                req_read.push(quote! {
                    Operation::#v => {
                        #rt::__private::parse_empty_object(body)?;
                        Self::#v
                    }
                });
                req_op.push(quote!(Self::#v => Operation::#v,));
                req_ser.push(quote!(Self::#v => #rt::__private::serialize_empty(serializer),));
            }
        }
        match op.output {
            Some(output) => {
                let ty = ident(&api.ty(output).name);
                let d = doc_attrs(&format!("The result of `{id}`."));
                resp_variants.push(quote!(#d #v(#types #ty),));
                resp_parse.push(
                    quote!(Operation::#v => Self::#v(#rt::__private::parse_body_strict(body)?),),
                );
                resp_op.push(quote!(Self::#v(_) => Operation::#v,));
                resp_ser.push(
                    quote!(Self::#v(body) => ::serde::Serialize::serialize(body, serializer),),
                );
            }
            None => {
                let d = doc_attrs(&format!("The result of `{id}`, which has no body."));
                resp_variants.push(quote!(#d #v,));
                resp_parse.push(quote! {
                    Operation::#v => {
                        #rt::__private::parse_empty_object(body)?;
                        Self::#v
                    }
                });
                resp_op.push(quote!(Self::#v => Operation::#v,));
                resp_ser.push(quote!(Self::#v => #rt::__private::serialize_empty(serializer),));
            }
        }
    }
    quote! {
        /// A request body of any operation, as the service receives it.
        ///
        /// `Serialize` writes the wire body of the operation.
        // Bodies are held inline, as a serde enum would; boxing them would cost an allocation
        // per request for no gain.
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum Request {
            #(#req_variants)*
        }

        impl Request {
            /// Reads a request as an AWS JSON 1.1 service does: routes `target` (the
            /// `X-Amz-Target` header), parses `body` and validates it.
            ///
            /// Fails with `UnknownOperationException` for an unknown target,
            /// `SerializationException` for malformed JSON or a wrong JSON type (naming the
            /// member), and the service's validation exception for constraint violations
            /// (all of them, with AWS's message).
            // `Error` holds exceptions inline, to be matched on; an exception with many
            // members makes it large, which costs nothing once per refused request.
            #[allow(clippy::result_large_err)]
            pub fn from_http(target: &str, body: &[u8]) -> ::core::result::Result<Request, Error> {
                match Operation::from_target(target) {
                    Some(operation) => Self::from_body(operation, body),
                    None => Err(Error::unknown_operation(target)),
                }
            }

            /// Parses and validates the body of a known operation (see [`Request::from_http`]).
            #[allow(clippy::result_large_err)]
            pub fn from_body(operation: Operation, body: &[u8]) -> ::core::result::Result<Request, Error> {
                use #rt::__private::parse_request as parse;
                let request = match operation {
                    #(#req_parse)*
                };
                Ok(request)
            }

            /// Reads the body of `operation` without validating it (an empty body reads as
            /// `{}`), e.g. for a client or proxy that forwards what it is given. Missing
            /// required members are an error here.
            pub fn from_json(operation: Operation, body: &[u8]) -> ::core::result::Result<Request, ::serde_json::Error> {
                let request = match operation {
                    #(#req_read)*
                };
                Ok(request)
            }

            /// The operation this request is for.
            pub fn operation(&self) -> Operation {
                match self {
                    #(#req_op)*
                }
            }
        }

        impl ::serde::Serialize for Request {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                match self {
                    #(#req_ser)*
                }
            }
        }

        /// A successful response body of any operation.
        ///
        /// `Serialize` writes the wire body (`{}` for operations without output).
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum Response {
            #(#resp_variants)*
        }

        impl Response {
            /// Reads the response body of `operation` (an empty body reads as `{}`).
            pub fn from_json(operation: Operation, body: &[u8]) -> ::core::result::Result<Response, ::serde_json::Error> {
                let response = match operation {
                    #(#resp_parse)*
                };
                Ok(response)
            }

            /// The operation this response answers.
            pub fn operation(&self) -> Operation {
                match self {
                    #(#resp_op)*
                }
            }
        }

        impl ::serde::Serialize for Response {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                match self {
                    #(#resp_ser)*
                }
            }
        }
    }
}
