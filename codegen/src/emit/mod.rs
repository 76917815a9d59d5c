//! IR to Rust tokens. Each submodule emits one module of the generated code; none reads
//! the spec, and none names anything the IR does not (so the order they run in does not
//! matter).
//!
//! Generated code names everything outside its own modules by absolute path
//! (`::std::string::String`, `::serde::Serialize`) so that a schema called `String`,
//! `Option` or `Result` shadows nothing, and refers to sibling modules through `super::`
//! so that the same items work as files of a crate and inline in `include_spec!`.

mod builders;
mod errors;
mod operations;
mod rest;
mod rules;
mod service;
mod types;
mod validate;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::docs::code_span;
use crate::ir::{Api, Bound, Constraints, Protocol, Shape, ShapeKind};

/// One module of generated code.
#[derive(Debug, Clone)]
pub struct Module {
    /// Module name (`types`).
    pub name: &'static str,
    /// Whether it is `pub`.
    pub public: bool,
    /// Module docs (Markdown).
    pub docs: String,
    /// Items, one entry per type or group (formatted a chunk at a time, which keeps the
    /// syntax tree of a large module from being whole in memory at once).
    pub items: Vec<Item>,
}

/// An item of a module, or items still to be emitted.
#[derive(Debug, Clone)]
pub enum Item {
    /// Emitted tokens.
    Tokens(TokenStream),
    /// The items of the schemas `api.types[range]`, one per schema, emitted by
    /// [`LazyItems`] where they are used: a renderer can then emit and format them on
    /// several threads, which tokens themselves cannot cross.
    Types(std::ops::Range<usize>),
    /// The items one emitter writes from the whole IR, emitted by [`LazyItems`] where they
    /// are used, as [`Item::Types`] are.
    Part(Part),
}

/// What an [`Item::Part`] stands for: the items of one emitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The functions checking request bodies that are not structures (`types`).
    BodyValidators,
    /// The constructors and builders of structures (`types`).
    Builders,
    /// The constraint tables and patterns (`rules`).
    Rules,
    /// Each operation's error enum (`errors`, AWS JSON).
    OperationErrors,
    /// Each operation's request and responses (`operations`, generic specs).
    OperationTypes,
}

impl Item {
    /// How many items this stands for (a [`Item::Part`] counts as one).
    pub fn len(&self) -> usize {
        match self {
            Item::Tokens(_) | Item::Part(_) => 1,
            Item::Types(range) => range.len(),
        }
    }

    /// Whether this stands for no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Everything generated from one spec.
#[derive(Debug, Clone)]
pub struct Generated<'a> {
    /// The IR it was emitted from ([`Item::Types`] and [`Item::Part`] refer to it).
    pub api: &'a Api,
    /// Crate docs (Markdown).
    pub docs: String,
    /// Modules below the root.
    pub modules: Vec<Module>,
}

impl Generated<'_> {
    /// The items at the crate root, emitted here (module declarations are added by the
    /// renderer).
    pub fn root(&self) -> TokenStream {
        emit_root(&Cx::new(self.api))
    }
}

/// Emits the items an [`Item::Types`] or [`Item::Part`] stands for. One per thread: it is
/// not `Send`.
pub struct LazyItems<'a> {
    cx: Cx<'a>,
}

impl<'a> LazyItems<'a> {
    /// An emitter of `api`'s items.
    pub fn new(api: &'a Api) -> Self {
        LazyItems { cx: Cx::new(api) }
    }

    /// The items of `api.types[range]`, one per schema.
    pub fn emit(&self, range: std::ops::Range<usize>) -> Vec<TokenStream> {
        range
            .map(|i| types::emit_def(&self.cx, crate::ir::TypeId(i)))
            .collect()
    }

    /// The items of `part`.
    pub fn part(&self, part: Part) -> Vec<TokenStream> {
        let cx = &self.cx;
        match part {
            Part::BodyValidators => types::emit_body_validators(cx),
            Part::Builders => builders::emit(cx),
            Part::Rules => vec![rules::emit(cx)],
            Part::OperationErrors => errors::emit_per_operation(cx),
            Part::OperationTypes => rest::emit_module(cx).unwrap_or_default(),
        }
    }

    /// Every item `items` stands for, in order, as one stream.
    pub fn expand(&self, items: &[Item]) -> TokenStream {
        let mut out = TokenStream::new();
        for item in items {
            match item {
                Item::Tokens(tokens) => out.extend(tokens.clone()),
                Item::Types(range) => out.extend(self.emit(range.clone())),
                Item::Part(part) => out.extend(self.part(*part)),
            }
        }
        out
    }
}

/// Describes all code for `api`: the modules and their items, most of them left to
/// [`LazyItems`], and the root, left to [`Generated::root`].
pub fn emit(api: &Api) -> Generated<'_> {
    let cx = Cx::new(api);
    let rt = &cx.rt;
    // Modules own their namespace, so short local names for the runtime are safe there
    // (schema names are CamelCase and cannot clash with them).
    let check = if api.checks.types_use_check {
        quote!(
            use rt::__private::check;
        )
    } else {
        TokenStream::new()
    };
    let types_preamble = quote! {
        use #rt as rt;
        use rt::__private::de;
        #check
    };
    let rules_check = if api.checks.strings.iter().any(|r| r.used) {
        quote!(
            use rt::__private::check;
        )
    } else {
        TokenStream::new()
    };
    let rules_preamble = quote! {
        use #rt as rt;
        #rules_check
    };
    let mut modules = vec![Module {
        name: TYPES,
        public: true,
        docs: format!(
            "Every schema of {}: structures, enums and aliases.\n\nEach type reads and \
             writes its wire form (serde) and checks the spec's constraints (`Validate`).",
            api.title
        ),
        items: vec![
            Item::Tokens(types_preamble),
            Item::Types(0..api.types.len()),
            Item::Part(Part::BodyValidators),
            Item::Part(Part::Builders),
        ],
    }];
    modules.push(Module {
        name: RULES,
        public: false,
        docs: "Constraint tables and patterns shared by the `Validate` impls.".to_owned(),
        items: vec![Item::Tokens(rules_preamble), Item::Part(Part::Rules)],
    });
    match api.protocol {
        Protocol::Generic => {
            if rest::has_module(api) {
                modules.push(Module {
                    name: "operations",
                    public: true,
                    docs: rest::module_docs(api),
                    items: vec![Item::Part(Part::OperationTypes)],
                });
            }
        }
        Protocol::AwsJson { .. } => modules.push(Module {
            name: "errors",
            public: true,
            docs: "Per-operation error enums: exactly the exceptions the spec lists for each \
                   operation, plus `Unhandled` for anything else."
                .to_owned(),
            items: vec![
                Item::Tokens(quote!(
                    use #rt::operation_error;
                )),
                Item::Part(Part::OperationErrors),
            ],
        }),
    }
    Generated {
        api,
        docs: crate_docs(api),
        modules,
    }
}

/// The items at the crate root.
fn emit_root(cx: &Cx<'_>) -> TokenStream {
    let api = cx.api;
    let rt = &cx.rt;
    let mut root = operations::emit_operation(cx);
    if api.protocol == Protocol::Generic && rest::has_module(api) {
        root.extend(rest::emit_route(cx));
    }
    if let Protocol::AwsJson {
        service,
        json_version,
    } = &api.protocol
    {
        let content_type = json_version.content_type();
        let content_docs = doc_attrs(&format!(
            "The `Content-Type` of the service's requests and answers: `{content_type}`."
        ));
        let prefix_docs = doc_attrs(&format!(
            "The prefix of every `X-Amz-Target`: `{service}` (as in `{service}.<Operation>`)."
        ));
        root.extend(quote! {
            #content_docs
            pub const CONTENT_TYPE: &str = #content_type;
            #prefix_docs
            pub const TARGET_PREFIX: &str = #service;
        });
        root.extend(errors::emit_error(cx));
        root.extend(operations::emit_request_response(cx));
        root.extend(service::emit(cx));
    }
    root.extend(quote! {
        #[doc(inline)]
        pub use #rt::{Document, Timestamp, Validate, ValidationErrors};
        pub use rules::PATTERNS;
        /// The runtime this code was generated for (`#[derive(Validate)]` reaches it here).
        #[doc(hidden)]
        pub use #rt as __runtime;
    });
    root
}

fn crate_docs(api: &Api) -> String {
    let mut d = format!("{} (API version {}).\n\n", api.title, api.version);
    d.push_str(
        "Generated by specgen from the service's OpenAPI description; do not edit by hand.\n\n",
    );
    if let Some(desc) = &api.docs {
        d.push_str(desc);
        d.push_str("\n\n");
    }
    d.push_str("# Contents\n\n- [`types`]: every schema of the API.\n");
    d.push_str("- [`Operation`]: every operation, with its metadata.\n");
    if api.protocol == Protocol::Generic && !api.operations.is_empty() {
        d.push_str(
            "- [`operations`]: per operation, its request (parameters and body) and its \
             responses (one variant per status); [`Operation::route`] finds the operation \
             of a method and path.\n",
        );
    }
    if let Protocol::AwsJson { json_version, .. } = &api.protocol {
        let version = match json_version {
            crate::ir::JsonVersion::V1_0 => "1.0",
            crate::ir::JsonVersion::V1_1 => "1.1",
        };
        d.push_str(&format!(
            "- [`Request`] and [`Response`]: bodies of every operation on the AWS JSON {version} \
             wire ([`CONTENT_TYPE`], [`TARGET_PREFIX`]).\n\
             - [`Error`] and [`errors`]: the service's exceptions.\n",
        ));
        if !api.operations.is_empty() {
            d.push_str(
                "- [`Service`], [`dispatch`] and [`Dispatcher`]: serving the API (below).\n",
            );
        }
    }
    d.push_str("- [`Validate`]: the spec's constraints, with AWS's validation messages.\n");
    if matches!(api.protocol, Protocol::AwsJson { .. }) && !api.operations.is_empty() {
        d.push_str(&serving_docs(api));
    }
    d
}

/// The front page's section on serving, with an example built from the spec's first
/// operation.
fn serving_docs(api: &Api) -> String {
    let op = &api.operations[0];
    let method = &op.handler;
    let ty = |id: Option<crate::ir::TypeId>| {
        id.map_or("()".to_owned(), |id| {
            format!("types::{}", api.ty(id).name.trim_start_matches("r#"))
        })
    };
    let input = match op.input {
        Some(_) => format!("        input: {},\n", ty(op.input)),
        None => String::new(),
    };
    let output = ty(op.output);
    format!(
        "\n# Serving\n\n\
         A server, emulator or proxy of the service implements [`Service`]: one async method\n\
         per operation, given the call's [`Context`] (request id, headers) and its request,\n\
         already parsed and validated, and returning the operation's response or one of its\n\
         [`errors`]. Methods left out answer `NotImplemented` (HTTP 501).\n\n\
         - [`dispatch`] is the framework-free door: `X-Amz-Target` and body in, an [`Answer`]\n\
         \x20 (status, headers, body) out. Unknown targets, malformed bodies and constraint\n\
         \x20 violations are answered as the service answers them, before any method runs; every\n\
         \x20 answer carries `Content-Type` ([`CONTENT_TYPE`]) and `x-amzn-RequestId`, errors also\n\
         \x20 `x-amzn-ErrorType`.\n\
         - With the `server` feature of `specgen-runtime`,\n\
         \x20 `serve::HttpService::new(Dispatcher::new(server))` is a `tower::Service` over `http`\n\
         \x20 requests, for hyper 1 or axum, with a limit on body sizes.\n\n\
         ```ignore\n\
         #[derive(Default)]\n\
         struct MyServer;\n\n\
         impl Service for MyServer {{\n\
         \x20   async fn {method}(\n\
         \x20       &self,\n\
         \x20       cx: &Context,\n\
         {input}\
         \x20   ) -> Result<{output}, errors::{name}Error> {{\n\
         \x20       // ...\n\
         \x20   }}\n\
         }}\n\n\
         let door = serve::HttpService::new(Dispatcher::new(MyServer::default()));\n\
         ```\n",
        name = op.name,
    )
}

/// Shared emission context.
pub(crate) struct Cx<'a> {
    pub api: &'a Api,
    /// Path of the runtime crate.
    pub rt: TokenStream,
}

impl<'a> Cx<'a> {
    fn new(api: &'a Api) -> Self {
        let rt: TokenStream = syn::parse_str::<syn::Path>(&api.runtime)
            .map(|p| quote!(#p))
            .unwrap_or_else(|_| quote!(::specgen_runtime));
        Cx { api, rt }
    }

    /// Whether the crate reads request and response bodies itself (AWS JSON: `Request`,
    /// `Response`, `Error`), which needs the JSON reader and placeholders on every type.
    pub fn reads_wire(&self) -> bool {
        matches!(self.api.protocol, Protocol::AwsJson { .. })
    }

    /// Rust type of a shape. `prefix` is how the `types` module is reached (empty inside it).
    pub fn rust_type(&self, shape: &Shape, prefix: &TokenStream) -> TokenStream {
        match &shape.kind {
            ShapeKind::String => quote!(::std::string::String),
            ShapeKind::Integer(crate::ir::IntWidth::I32) => quote!(i32),
            ShapeKind::Integer(crate::ir::IntWidth::I64) => quote!(i64),
            ShapeKind::Number(crate::ir::FloatWidth::F32) => quote!(f32),
            ShapeKind::Number(crate::ir::FloatWidth::F64) => quote!(f64),
            ShapeKind::Boolean => quote!(bool),
            ShapeKind::Timestamp => {
                let rt = &self.rt;
                quote!(#rt::Timestamp)
            }
            ShapeKind::Any => {
                let rt = &self.rt;
                quote!(#rt::Document)
            }
            // An object that admits any members keeps them in order.
            ShapeKind::Map(inner) if inner.kind == ShapeKind::Any => {
                let rt = &self.rt;
                quote!(#rt::document::Object)
            }
            ShapeKind::List(inner) => {
                let inner = self.rust_type(inner, prefix);
                quote!(::std::vec::Vec<#inner>)
            }
            ShapeKind::Map(inner) => {
                let inner = self.rust_type(inner, prefix);
                quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
            }
            ShapeKind::Named(id) => {
                let name = ident(&self.api.ty(*id).name);
                quote!(#prefix #name)
            }
        }
    }
}

/// The module of every schema's type.
const TYPES: &str = "types";
/// The module of the statics the `Validate` impls share.
const RULES: &str = "rules";

/// How the items of one module reach its sibling `module` (`super::rules`).
fn sibling(module: &str) -> TokenStream {
    let module = ident(module);
    quote!(super::#module)
}

/// The paths generated code uses inside its modules, which import the runtime as `rt` and
/// its `check` module.
fn paths() -> specgen_checks::Paths {
    specgen_checks::Paths {
        rt: quote!(rt),
        check: quote!(check),
        some: quote!(Some),
        none: quote!(None),
    }
}

/// An identifier, raw when written `r#name`.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc = "..."]` attributes for Markdown text, one per line.
pub(crate) fn doc_attrs(markdown: &str) -> TokenStream {
    let mut out = TokenStream::new();
    for line in doc_lines(markdown) {
        let lit = doc_literal(line.trim_end());
        out.extend(quote!(#[doc = #lit]));
    }
    out
}

/// ` line` (or an empty line) as a raw string literal. Rendering reads every doc literal
/// back to print it as `///`; an escaped literal is unescaped character by character, which
/// Cognito's long descriptions made a tenth of generating it, while a raw one is copied.
fn doc_literal(line: &str) -> Literal {
    if line.is_empty() {
        return Literal::string("");
    }
    // Enough `#`s that no `"` inside ends the literal.
    let bytes = line.as_bytes();
    let hashes = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'"')
        .map(|(i, _)| bytes[i + 1..].iter().take_while(|&&b| b == b'#').count() + 1)
        .max()
        .unwrap_or(0);
    let fence = "#".repeat(hashes);
    let mut repr = String::with_capacity(line.len() + 2 * hashes + 4);
    repr.push('r');
    repr.push_str(&fence);
    repr.push_str("\" ");
    repr.push_str(line);
    repr.push('"');
    repr.push_str(&fence);
    // `doc_lines` leaves no control character, so the literal always lexes.
    repr.parse()
        .unwrap_or_else(|_| Literal::string(&format!(" {line}")))
}

/// The lines of doc text, with control characters (a bare `\r` ends a `///` comment
/// early) turned into spaces.
pub(crate) fn doc_lines(markdown: &str) -> Vec<String> {
    markdown
        .trim_end()
        .lines()
        .map(|l| {
            if l.chars().any(char::is_control) {
                l.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect()
            } else {
                l.to_owned()
            }
        })
        .collect()
}

/// A Markdown summary of constraints, e.g. `Length: 1 to 55. Pattern: `…`.`, or `None`.
pub(crate) fn constraint_docs(api: &Api, shape: &Shape) -> Option<String> {
    let resolved = api.resolve(shape);
    let c: &Constraints = &resolved.constraints;
    let mut parts = Vec::new();
    let is_string = matches!(resolved.kind, ShapeKind::String);
    let what = if is_string { "Length" } else { "Size" };
    match (c.min_len, c.max_len) {
        (Some(a), Some(b)) => parts.push(format!("{what}: {a} to {b}.")),
        (Some(a), None) => parts.push(format!("{what}: at least {a}.")),
        (None, Some(b)) => parts.push(format!("{what}: at most {b}.")),
        (None, None) => {}
    }
    match (c.min_bytes, c.max_bytes) {
        (Some(a), Some(b)) => parts.push(format!("Bytes: {a} to {b} (decoded).")),
        (Some(a), None) => parts.push(format!("Bytes: at least {a} (decoded).")),
        (None, Some(b)) => parts.push(format!("Bytes: at most {b} (decoded).")),
        (None, None) => {}
    }
    let bound = |b: Bound, exclusive: bool| {
        let text = match b {
            Bound::Int(v) => v.to_string(),
            Bound::Float(v) => v.to_string(),
        };
        match exclusive {
            true => format!("{text} (exclusive)"),
            false => text,
        }
    };
    let (min, max) = (c.exclusive.min, c.exclusive.max);
    match (c.minimum, c.maximum) {
        (Some(a), Some(b)) => parts.push(format!("Range: {} to {}.", bound(a, min), bound(b, max))),
        (Some(a), None) => parts.push(format!("Minimum: {}.", bound(a, min))),
        (None, Some(b)) => parts.push(format!("Maximum: {}.", bound(b, max))),
        (None, None) => {}
    }
    if let Some(p) = c.pattern {
        parts.push(format!(
            "Pattern: {}.",
            code_span(&api.patterns[p.0].source)
        ));
    }
    if let Some(p) = &c.unenforced_pattern {
        parts.push(format!(
            "Pattern: {} (not enforced: {}).",
            code_span(&p.source),
            p.reason
        ));
    }
    if c.sensitive {
        parts.push("Sensitive: never shown in `Debug` output or validation messages.".to_owned());
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::doc_literal;

    /// What the renderer reads back from a doc literal.
    fn value(line: &str) -> String {
        let lit = doc_literal(line);
        syn::parse2::<syn::LitStr>(quote::quote!(#lit))
            .unwrap()
            .value()
    }

    #[test]
    fn doc_literals_hold_the_line_whatever_it_quotes() {
        assert_eq!(doc_literal("plain").to_string(), r#"r" plain""#);
        assert_eq!(doc_literal("").to_string(), r#""""#);
        for line in [
            "plain",
            r#"say "hi""#,
            r##"a "# inside"##,
            r###"two "## and "# ends"###,
            r#"ends with a quote""#,
            r"back\slash and \n as text",
            "unicode — ünïcødé",
        ] {
            assert_eq!(value(line), format!(" {line}"), "{line}");
        }
    }
}
