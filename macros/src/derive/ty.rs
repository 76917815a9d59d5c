//! What a field's Rust type is, read from its syntax.
//!
//! The derive sees tokens, not types: a type alias or a user's own type is opaque to it.
//! Well-known types are recognised by their last path segment (`String`,
//! `std::vec::Vec<T>`, `u32`); anything else is [`Kind::Other`], for which the expansion
//! relies on traits (`AsRef<str>`, `Validate`, `i64: From<T>`) so that the compiler checks
//! what the derive cannot see.

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

/// An integer type and whether it converts to `i64` without loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntFit {
    /// `i8`…`i64`, `u8`…`u32`: `i64::from`.
    Lossless,
    /// `i128`, `isize`, `u64`, `u128`, `usize`: values beyond `i64` are handled apart.
    Wide,
}

/// The syntactic kind of a type.
#[derive(Clone, Copy)]
pub(crate) enum Kind<'a> {
    /// `Option<T>`.
    Option(&'a Type),
    /// `Box<T>`, `Rc<T>`, `Arc<T>`, `&T`: checked as `T`.
    Deref(&'a Type),
    /// `String`, `str`, `Cow<str>`.
    Str,
    /// An integer primitive.
    Int(IntFit),
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `Vec<T>`, `VecDeque<T>`, `[T]`, `[T; N]`, sets: elements of type `T`.
    List(&'a Type),
    /// `HashMap<K, V>`, `BTreeMap<K, V>`, `IndexMap<K, V>`: values of type `V`.
    Map(&'a Type),
    /// Any other type (a user type, an alias, a generated type).
    Other,
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

fn type_args(seg: &syn::PathSegment) -> Vec<&Type> {
    match &seg.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Classifies `ty`.
pub(crate) fn kind(ty: &Type) -> Kind<'_> {
    match ty {
        Type::Reference(r) => return Kind::Deref(&r.elem),
        Type::Paren(p) => return kind(&p.elem),
        Type::Group(g) => return kind(&g.elem),
        Type::Slice(s) => return Kind::List(&s.elem),
        Type::Array(a) => return Kind::List(&a.elem),
        _ => {}
    }
    let Some(seg) = last_segment(ty) else {
        return Kind::Other;
    };
    let args = type_args(seg);
    let name = seg.ident.to_string();
    match (name.as_str(), args.as_slice()) {
        ("Option", [t]) => Kind::Option(t),
        ("Box" | "Rc" | "Arc", [t]) => Kind::Deref(t),
        ("String" | "str", []) => Kind::Str,
        ("Cow", [t]) if matches!(kind(t), Kind::Str) => Kind::Str,
        ("i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32", []) => Kind::Int(IntFit::Lossless),
        ("i128" | "isize" | "u64" | "u128" | "usize", []) => Kind::Int(IntFit::Wide),
        ("f32", []) => Kind::F32,
        ("f64", []) => Kind::F64,
        ("bool", []) => Kind::Bool,
        ("Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "IndexSet", [t, ..]) => {
            Kind::List(t)
        }
        ("HashMap" | "BTreeMap" | "IndexMap", [_, v, ..]) => Kind::Map(v),
        _ => Kind::Other,
    }
}

/// `ty` as it reads in messages (`Vec<String>`, not `Vec < String >`).
pub(crate) fn show(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" <", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("& ", "&")
        .replace("[ ", "[")
        .replace(" ]", "]")
        .replace(" ;", ";")
}
