//! The serving side of an AWS JSON API: the `Service` trait (one async method per
//! operation), `dispatch` (target and body to an HTTP answer, through the trait) and
//! `Dispatcher` (a `Service` as the runtime's `serve::Dispatch`, which the runtime's HTTP
//! door serves).
//!
//! The shape follows smithy-rs's server SDKs: one typed handler per operation, with routing,
//! parsing, constraint checks and error rendering before and after it. Unlike them, every
//! handler has a default (the operation answers `NotImplemented`, HTTP 501), so a server
//! implements only what it needs.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, doc_attrs, ident};
use crate::ir::Operation;

/// The Rust pieces of one operation on the serving side.
struct Handler<'a> {
    op: &'a Operation,
    /// The trait method (`sign_up`).
    method: proc_macro2::Ident,
    /// The `Operation`, `Request` and `Response` variant (`SignUp`).
    variant: proc_macro2::Ident,
    /// The per-operation error enum (`SignUpError`).
    error: proc_macro2::Ident,
}

fn handlers<'a>(cx: &Cx<'a>) -> Vec<Handler<'a>> {
    cx.api
        .operations
        .iter()
        .map(|op| Handler {
            op,
            method: ident(&op.handler),
            variant: ident(&op.name),
            error: ident(&op.error_enum),
        })
        .collect()
}

/// The `Service` trait, `dispatch` and `Dispatcher`, for the crate root.
pub(crate) fn emit(cx: &Cx<'_>) -> TokenStream {
    let rt = &cx.rt;
    let api = cx.api;
    if api.operations.is_empty() {
        return TokenStream::new();
    }
    let handlers = handlers(cx);
    let methods = handlers.iter().map(|h| trait_method(cx, h));
    // Each operation reads its own input and writes its own output: going through the
    // `Request` and `Response` enums would move kilobytes per call, and make the future of
    // `dispatch` as large as the largest of them.
    let arms = handlers.iter().map(|h| {
        let (method, variant) = (&h.method, &h.variant);
        let output = if h.op.output.is_some() {
            TokenStream::new()
        } else {
            // `{}` for an operation without output.
            quote!(.map(|()| ::serde_json::Map::new()))
        };
        match h.op.input {
            Some(input) => {
                let def = api.ty(input);
                let ty = ident(&def.name);
                let read = if let Some(check) = api.body_validator(input) {
                    let check = ident(check);
                    quote!(#rt::__private::parse_request_with(body, types::#check))
                } else {
                    quote!(#rt::__private::parse_request::<types::#ty>(body))
                };
                // The read ends before the await: only the method's future is kept in
                // `dispatch`'s own, not the body read as well.
                quote! {
                    Operation::#variant => {
                        let future = match #read {
                            Ok(input) => service.#method(cx, input),
                            Err(error) => return refuse(cx, Error::from_request_error(error)),
                        };
                        answer(cx, future.await #output)
                    }
                }
            }
            None => quote! {
                Operation::#variant => {
                    if let Err(error) = #rt::__private::parse_empty(body) {
                        return refuse(cx, Error::from_request_error(error));
                    }
                    answer(cx, service.#method(cx).await #output)
                }
            },
        }
    });
    let trait_docs = doc_attrs(&format!(
        "The operations of {}, one async method each: what a server, emulator or proxy of \
         the service implements.\n\n\
         Each method receives the call's [`Context`] (request id, headers) and its request, \
         already parsed and validated: a request that breaks the spec's constraints is \
         answered with the service's validation error before any method runs. It returns the \
         operation's response or one of its errors ([`errors`]; any [`Error`] converts into \
         the `Unhandled` variant). A method that is not implemented answers `NotImplemented` \
         (HTTP 501), so a server implements only what it needs.\n\n\
         [`dispatch`] answers one call through a `Service`; [`Dispatcher`] puts one behind \
         the runtime's HTTP door (`serve::HttpService`, feature `server`).\n\n\
         Implement the methods with `async fn`; the futures they return must be `Send`, as \
         multi-threaded servers (tokio, hyper, axum) need them to be.",
        api.title
    ));
    quote! {
        #[doc(inline)]
        pub use #rt::serve::{Answer, Context};
        /// Serving: [`Context`], [`Answer`], the `Dispatch` trait and, with feature
        /// `server`, `HttpService` (the HTTP door, a `tower::Service`).
        pub use #rt::serve;

        #trait_docs
        pub trait Service: ::core::marker::Send + ::core::marker::Sync {
            #(#methods)*
        }

        /// Answers one call through `service`, as the service answers it over HTTP:
        /// routes `target` (the `X-Amz-Target` header's value), reads and validates `body`,
        /// calls the operation's method of [`Service`], and writes the response or the
        /// error.
        ///
        /// The [`Answer`] holds the status, the body and the headers to send:
        /// `Content-Type` ([`CONTENT_TYPE`]), `x-amzn-RequestId` (the context's request id)
        /// and, for errors, `x-amzn-ErrorType` (the error code). Errors are those of
        /// [`Request::from_http`] (`UnknownOperationException`, `SerializationException`,
        /// the validation exception), then those of the method.
        pub async fn dispatch<S: Service>(
            service: &S,
            cx: &Context,
            target: &str,
            body: &[u8],
        ) -> Answer {
            // Generic over the operation's output and error, not over the service.
            fn answer<T, E>(cx: &Context, result: ::core::result::Result<T, E>) -> Answer
            where
                T: ::serde::Serialize,
                E: ::core::convert::Into<Error>,
            {
                match result {
                    Ok(output) => match ::serde_json::to_vec(&output) {
                        Ok(body) => Answer::ok(CONTENT_TYPE, cx, body),
                        Err(e) => refuse(
                            cx,
                            Error::new(
                                "InternalFailure",
                                Some(::std::format!("The response could not be written: {e}")),
                            ),
                        ),
                    },
                    Err(error) => refuse(cx, error.into()),
                }
            }

            fn refuse(cx: &Context, error: Error) -> Answer {
                Answer::error(CONTENT_TYPE, cx, error.http_status(), error.code(), error.to_json())
            }

            match Operation::from_target(target) {
                Some(operation) => match operation {
                    #(#arms)*
                },
                None => refuse(cx, Error::unknown_operation(target)),
            }
        }

        /// A [`Service`] as the runtime's `serve::Dispatch`: what the HTTP door serves
        /// (`serve::HttpService::new(Dispatcher::new(server))`, feature `server`).
        #[derive(Debug, Clone, Default)]
        pub struct Dispatcher<S> {
            service: S,
        }

        impl<S: Service> Dispatcher<S> {
            /// Dispatches calls to `service`.
            pub const fn new(service: S) -> Self {
                Dispatcher { service }
            }

            /// The service calls are dispatched to.
            pub const fn service(&self) -> &S {
                &self.service
            }

            /// The service, given back.
            pub fn into_service(self) -> S {
                self.service
            }
        }

        impl<S: Service> #rt::serve::Dispatch for Dispatcher<S> {
            const CONTENT_TYPE: &'static str = CONTENT_TYPE;

            fn dispatch(
                &self,
                cx: &Context,
                target: &str,
                body: &[u8],
            ) -> impl ::core::future::Future<Output = Answer> + ::core::marker::Send {
                dispatch(&self.service, cx, target, body)
            }
        }
    }
}

/// One method of the `Service` trait, with its default: `NotImplemented`.
fn trait_method(cx: &Cx<'_>, h: &Handler<'_>) -> TokenStream {
    let api = cx.api;
    let (method, variant, error) = (&h.method, &h.variant, &h.error);
    let id = &h.op.id;
    let output = match h.op.output {
        Some(output) => {
            let ty = ident(&api.ty(output).name);
            quote!(types::#ty)
        }
        None => quote!(()),
    };
    let (input_param, input_docs, unused) = match h.op.input {
        Some(input) => {
            let name = &api.ty(input).name;
            let ty = ident(name);
            (
                quote!(input: types::#ty,),
                format!("[`types::{}`]", name.trim_start_matches("r#")),
                quote!(let _ = (cx, input);),
            )
        }
        None => (
            TokenStream::new(),
            "no body".to_owned(),
            quote!(let _ = cx;),
        ),
    };
    let output_docs = match h.op.output {
        Some(output) => format!(
            "[`types::{}`]",
            api.ty(output).name.trim_start_matches("r#")
        ),
        None => "no body".to_owned(),
    };
    let docs = doc_attrs(&format!(
        "`{id}` ([`Operation::{variant}`]): takes {input_docs}, answers {output_docs} or \
         [`errors::{error}`].\n\nBy default: `NotImplemented` (HTTP 501)."
    ));
    quote! {
        #docs
        fn #method(
            &self,
            cx: &Context,
            #input_param
        ) -> impl ::core::future::Future<
            Output = ::core::result::Result<#output, errors::#error>,
        > + ::core::marker::Send {
            #unused
            // An async block keeps no output inside: the future is a byte, where a
            // `Ready` would hold the whole response type.
            async {
                ::core::result::Result::Err(errors::#error::Unhandled(Error::not_implemented(
                    Operation::#variant,
                )))
            }
        }
    }
}
