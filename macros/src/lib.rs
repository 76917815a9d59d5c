//! Procedural macros of specgen.

use proc_macro::TokenStream;

/// Derives `Validate`.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
