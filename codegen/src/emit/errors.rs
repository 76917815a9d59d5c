//! `Error` (every exception of the spec, plus codes it does not know) and the
//! per-operation error enums of the `errors` module.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{Cx, doc_attrs, ident};

/// Variant names of the exceptions in `Error`; `Unknown` is the catch-all.
fn variants(cx: &Cx<'_>) -> Vec<(Ident, Ident, String)> {
    cx.api
        .exceptions
        .iter()
        .zip(&cx.api.exception_variants)
        .map(|(&id, variant)| {
            let def = cx.api.ty(id);
            (
                ident(variant),
                ident(&def.name),
                def.error_code().to_owned(),
            )
        })
        .collect()
}

/// Whether an exception has only a message (all of Cognito's): read and written without
/// going through its structure.
fn message_only(cx: &Cx<'_>, id: crate::ir::TypeId) -> bool {
    match &cx.api.ty(id).kind {
        crate::ir::TypeKind::Exception(st) => st.fields.is_empty() && st.additional.is_none(),
        _ => false,
    }
}

/// The wire body of an exception, written in its `Exception::to_json`: `{"__type": ...,
/// "message": ...}`.
fn exception_body(cx: &Cx<'_>, id: crate::ir::TypeId, code: &str) -> TokenStream {
    let rt = &cx.rt;
    if message_only(cx, id) {
        quote!(#rt::error_code::to_json(#code, self.message.as_deref()))
    } else {
        quote!(#rt::error_code::exception_json(#code, self))
    }
}

/// The HTTP status of an exception: the model's, else 400.
fn exception_status(cx: &Cx<'_>, id: crate::ir::TypeId) -> u16 {
    cx.api.ty(id).error.as_ref().map_or(400, |e| e.http_status)
}

pub(crate) fn emit_error(cx: &Cx<'_>) -> TokenStream {
    let rt = &cx.rt;
    let api = cx.api;
    let vs = variants(cx);
    let names: Vec<_> = vs.iter().map(|v| &v.0).collect();
    let tys: Vec<_> = vs.iter().map(|v| &v.1).collect();
    let codes: Vec<_> = vs.iter().map(|v| v.2.as_str()).collect();
    let statuses: Vec<u16> = api
        .exceptions
        .iter()
        .map(|&id| exception_status(cx, id))
        .collect();
    // Two exceptions of a model may share a wire code (CloudWatch's `DashboardNotFoundError`
    // and `ResourceNotFound` are both `ResourceNotFound`): reading the code gives the first.
    let first_of = |code: &str| vs.iter().position(|v| v.2 == code);
    let shadowed: Vec<bool> = vs
        .iter()
        .enumerate()
        .map(|(i, v)| first_of(&v.2) != Some(i))
        .collect();
    let docs: Vec<_> = vs
        .iter()
        .zip(&shadowed)
        .map(|(v, &shadowed)| {
            if shadowed {
                let first = &vs[first_of(&v.2).unwrap_or_default()].0;
                doc_attrs(&format!(
                    "`{}`, the code of `{first}` too: [`Error::new`] and [`Error::from_json`] \
                     read that code as `{first}`.",
                    v.2
                ))
            } else {
                doc_attrs(&format!("`{}`.", v.2))
            }
        })
        .collect();
    // `new` and `from_json` match each code once.
    let read: Vec<_> = vs
        .iter()
        .zip(&shadowed)
        .filter(|(_, shadowed)| !**shadowed)
        .map(|(v, _)| v)
        .collect();
    let read_names: Vec<_> = read.iter().map(|v| &v.0).collect();
    let read_tys: Vec<_> = read.iter().map(|v| &v.1).collect();
    let read_codes: Vec<_> = read.iter().map(|v| v.2.as_str()).collect();
    let validation = &api.validation_error;
    let title = &api.title;
    let message_only: Vec<bool> = api
        .exceptions
        .iter()
        .map(|&id| message_only(cx, id))
        .collect();
    let read_arms: Vec<TokenStream> = vs
        .iter()
        .zip(&message_only)
        .zip(&shadowed)
        .filter(|(_, shadowed)| !**shadowed)
        .map(|(((name, ty, code), only), _)| {
            if *only {
                quote!(#code => Self::#name(types::#ty { message: head.message }),)
            } else {
                quote!(#code => Self::#name(#rt::json::from_slice(body)?),)
            }
        })
        .collect();
    let bodies: Vec<TokenStream> = vs
        .iter()
        .zip(&api.exceptions)
        .map(|((_, _, code), &id)| exception_body(cx, id, code))
        .collect();
    let from_request_docs = doc_attrs(&format!(
        "The error for a rejected request body: `SerializationException`, or \
         `{validation}` with AWS's validation message."
    ));
    let enum_docs = doc_attrs(&format!(
        "An error answered by {title}: every exception of the spec, plus codes it does not \
         know.\n\nOn the wire: `{{\"__type\": \"<Code>\", \"message\": \"...\"}}`."
    ));
    quote! {
        #enum_docs
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum Error {
            #(#docs #names(types::#tys),)*
            /// An error code the spec does not define, such as the protocol's
            /// `SerializationException` and `UnknownOperationException`.
            Unknown {
                /// The error code.
                code: ::std::string::String,
                /// The message, if any.
                message: ::core::option::Option<::std::string::String>,
            },
        }

        impl Error {
            /// The error for `code` with `message`: a known exception's variant, or `Unknown`.
            pub fn new(code: &str, message: ::core::option::Option<::std::string::String>) -> Self {
                match code {
                    #(#read_codes => {
                        let mut error = #rt::__private::de::placeholder::<types::#read_tys>();
                        error.message = message;
                        Self::#read_names(error)
                    })*
                    _ => Self::Unknown {
                        code: code.to_owned(),
                        message,
                    },
                }
            }

            /// The error code, e.g. `UserNotFoundException`.
            pub fn code(&self) -> &str {
                match self {
                    #(Self::#names(_) => #codes,)*
                    Self::Unknown { code, .. } => code,
                }
            }

            /// The message, if any.
            pub fn message(&self) -> ::core::option::Option<&str> {
                match self {
                    #(Self::#names(error) => error.message.as_deref(),)*
                    Self::Unknown { message, .. } => message.as_deref(),
                }
            }

            /// The HTTP status the service answers with: the model's for each exception
            /// (500 for internal errors, 400 for the caller's mistakes), and for other codes
            /// 500 when the code names an internal error, else 400.
            pub fn http_status(&self) -> u16 {
                match self {
                    #(Self::#names(_) => #statuses,)*
                    Self::Unknown { code, .. } => #rt::error_code::status_for(code),
                }
            }

            /// Reads an error body. Accepts `message` or `Message`, and a `__type` with a
            /// namespace prefix (`ns#Code`) or a `:`-suffix, both stripped.
            pub fn from_json(body: &[u8]) -> ::core::result::Result<Self, ::serde_json::Error> {
                let head = #rt::error_code::parse(body)?;
                Ok(match head.code.as_str() {
                    #(#read_arms)*
                    _ => Self::Unknown {
                        code: head.code,
                        message: head.message,
                    },
                })
            }

            /// Writes the wire body: `{"__type":"<Code>","message":"..."}`.
            pub fn to_json(&self) -> ::std::vec::Vec<u8> {
                match self {
                    #(Self::#names(error) => Exception::to_json(error),)*
                    Self::Unknown { code, message } => #rt::error_code::to_json(code, message.as_deref()),
                }
            }

            /// `UnknownOperationException` for an `X-Amz-Target` no operation has.
            pub fn unknown_operation(target: &str) -> Self {
                Self::new(
                    "UnknownOperationException",
                    Some(::std::format!("Unknown operation: {target}")),
                )
            }

            /// `NotImplemented` (HTTP 501) for an operation a server does not implement: what
            /// every method of [`Service`] answers unless the server implements it.
            pub fn not_implemented(operation: Operation) -> Self {
                Self::new(
                    #rt::error_code::NOT_IMPLEMENTED,
                    Some(::std::format!("The operation {operation} is not implemented by this server")),
                )
            }

            #from_request_docs
            pub fn from_request_error(error: #rt::RequestError) -> Self {
                match error {
                    #rt::RequestError::Serialization(message) => {
                        Self::new("SerializationException", message)
                    }
                    #rt::RequestError::Validation(errors) => {
                        Self::new(#validation, Some(errors.to_string()))
                    }
                }
            }
        }

        /// An exception of the spec: a structure of [`types`] that [`Error`] has a variant for.
        ///
        /// Every exception converts into [`Error`] and into each per-operation enum of
        /// [`errors`] (into its variant where the operation lists it, else into
        /// `Unhandled`), so a handler answers with `Err(types::SomeException::new("...").into())`.
        pub trait Exception {
            /// The error code (`__type` on the wire).
            const CODE: &'static str;

            /// The HTTP status the service answers it with.
            const HTTP_STATUS: u16;

            /// This exception as an [`Error`].
            fn into_error(self) -> Error;

            /// The exception `error` holds, or `error` itself when it holds another.
            fn from_error(error: Error) -> ::core::result::Result<Self, Error>
            where
                Self: Sized;

            /// The wire body: `{"__type":"<Code>","message":"..."}`, with the exception's
            /// other members.
            fn to_json(&self) -> ::std::vec::Vec<u8>;
        }

        #(
            impl Exception for types::#tys {
                const CODE: &'static str = #codes;
                const HTTP_STATUS: u16 = #statuses;

                #[inline]
                fn into_error(self) -> Error {
                    Error::#names(self)
                }

                #[inline]
                fn from_error(error: Error) -> ::core::result::Result<Self, Error> {
                    match error {
                        Error::#names(exception) => Ok(exception),
                        other => Err(other),
                    }
                }

                #[inline]
                fn to_json(&self) -> ::std::vec::Vec<u8> {
                    #bodies
                }
            }
        )*

        impl<E: Exception> ::core::convert::From<E> for Error {
            #[inline]
            fn from(error: E) -> Self {
                error.into_error()
            }
        }

        impl ::core::fmt::Display for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.message() {
                    Some(message) => ::core::write!(f, "{}: {message}", self.code()),
                    None => f.write_str(self.code()),
                }
            }
        }

        impl ::std::error::Error for Error {}

        impl ::serde::Serialize for Error {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("__type", self.code())?;
                if let Some(message) = self.message() {
                    map.serialize_entry("message", message)?;
                }
                map.end()
            }
        }
    }
}

pub(crate) fn emit_per_operation(cx: &Cx<'_>) -> Vec<TokenStream> {
    let api = cx.api;
    api.operations
        .iter()
        .map(|op| {
            let name = ident(&op.error_enum);
            let id = &op.id;
            // A variant holds the exception of its own name unless names had to part.
            let variants = op.error_variants.iter().map(|(pos, variant)| {
                let ty = &api.ty(api.exceptions[*pos]).name;
                let held = (variant != ty).then(|| {
                    let ty = ident(ty);
                    quote!((#ty))
                });
                let variant = ident(variant);
                quote!(#variant #held)
            });
            quote!(operation_error!(#name for #id => #(#variants),*);)
        })
        .collect()
}
