//! `include_spec!("path", key = "value", ...)`: the generator's own output, expanded in
//! place.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

/// One `key = "value"` option: the options file's keys, with `_` for `-` (`pattern_mode`);
/// `pattern-mode` is accepted too. [`specgen::Settings::set`] takes either spelling.
struct Opt {
    /// As written (`pattern_mode`), so that errors name it so.
    key: String,
    value: LitStr,
    tokens: TokenStream,
}

struct Args {
    spec: LitStr,
    options: Vec<Opt>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let spec: LitStr = input.parse()?;
        let mut options = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let first = input.call(syn::Ident::parse_any)?;
            let mut key = first.to_string();
            while input.peek(Token![-]) {
                input.parse::<Token![-]>()?;
                key.push('-');
                key.push_str(&input.call(syn::Ident::parse_any)?.to_string());
            }
            input.parse::<Token![=]>()?;
            let value: LitStr = input.parse()?;
            // First and last token: errors span the whole option.
            let tokens = quote::quote!(#first #value);
            options.push(Opt { key, value, tokens });
        }
        Ok(Args { spec, options })
    }
}

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let args: Args = match syn::parse2(input) {
        Ok(args) => args,
        Err(e) => return e.to_compile_error(),
    };
    let mut settings = specgen::Settings::default();
    let mut errors = TokenStream::new();
    for opt in &args.options {
        if let Err(e) = settings.set(&opt.key, &opt.value.value()) {
            errors.extend(syn::Error::new_spanned(&opt.tokens, e.message).to_compile_error());
        }
    }
    if !errors.is_empty() {
        return errors;
    }
    let path = crate::spec::resolve(&args.spec.value());
    let span = args.spec.span();
    match crate::spec::load(&path, &settings) {
        Ok(api) => {
            let track = crate::spec::track(&path, span);
            let items = specgen::tokens(&api);
            quote_spanned! {span=>
                #track
                #items
            }
        }
        Err(e) => {
            let message = crate::spec::error_text(e);
            quote_spanned! {span=> ::core::compile_error!(#message);}
        }
    }
}
