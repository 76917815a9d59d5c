//! Which alternatives of a union are stored in a `Box` because they are much larger than
//! the others: an enum is as large as its largest variant, so one large structure beside a
//! string would make every value of the union that large (clippy's `large_enum_variant`).
//!
//! Sizes are estimated from the IR (pointer-sized words for strings, lists and maps, the
//! sum of members for structures), erring on the large side, which is all the decision
//! needs.

use crate::ir::{IntWidth, Shape, ShapeKind, TypeDef, TypeKind};

/// A variant this many bytes larger than the next largest is boxed. Clippy warns at 200;
/// the margin covers what the estimate cannot see (padding, niches).
const BOX_ABOVE: u64 = 128;

/// A variant estimated this large is boxed whatever the others are: beside another large
/// one, a small error in either estimate could still make them far apart.
const BOX_LARGER_THAN: u64 = 256;

/// Boxes union alternatives much larger than the rest, largest first, until no variant
/// stands more than [`BOX_ABOVE`] bytes above the next one or is larger than
/// [`BOX_LARGER_THAN`].
pub(crate) fn box_large_alternatives(types: &mut [TypeDef]) {
    let mut memo: Vec<Option<u64>> = vec![None; types.len()];
    for i in 0..types.len() {
        let TypeKind::Union(u) = &types[i].kind else {
            continue;
        };
        let mut sizes: Vec<(u64, usize)> = u
            .variants
            .iter()
            .enumerate()
            .map(|(vi, v)| {
                let size = if v.boxed {
                    8
                } else {
                    shape_size(types, &v.shape, &mut memo, &mut Vec::new())
                };
                (size, vi)
            })
            .collect();
        let mut boxed = Vec::new();
        loop {
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            match sizes.as_slice() {
                [(largest, vi), (second, _), ..]
                    if largest - second > BOX_ABOVE || *largest > BOX_LARGER_THAN =>
                {
                    boxed.push(*vi);
                    sizes[0].0 = 8;
                }
                _ => break,
            }
        }
        if let TypeKind::Union(u) = &mut types[i].kind {
            for vi in boxed {
                u.variants[vi].boxed = true;
            }
        }
        // The union's own size changed: estimates made with the old one are stale.
        memo.iter_mut().for_each(|m| *m = None);
    }
}

fn shape_size(
    types: &[TypeDef],
    shape: &Shape,
    memo: &mut Vec<Option<u64>>,
    visiting: &mut Vec<usize>,
) -> u64 {
    match &shape.kind {
        // `String`, `Vec`, maps and documents: three words, or an enum of them.
        ShapeKind::String | ShapeKind::List(_) | ShapeKind::Map(_) => 24,
        ShapeKind::Any => 32,
        ShapeKind::Integer(IntWidth::I32) => 4,
        ShapeKind::Integer(_) | ShapeKind::Number(_) | ShapeKind::Timestamp => 8,
        ShapeKind::Boolean => 1,
        ShapeKind::Named(id) => type_size(types, id.0, memo, visiting),
    }
}

fn type_size(
    types: &[TypeDef],
    i: usize,
    memo: &mut Vec<Option<u64>>,
    visiting: &mut Vec<usize>,
) -> u64 {
    if let Some(size) = memo[i] {
        return size;
    }
    if visiting.contains(&i) {
        // Recursion goes through a box somewhere on this cycle.
        return 8;
    }
    visiting.push(i);
    let size = match &types[i].kind {
        TypeKind::Struct(st) | TypeKind::Exception(st) => {
            let members: u64 = st
                .fields
                .iter()
                .map(|f| {
                    if f.boxed {
                        8
                    } else {
                        // `Option` of a number or flag adds a word; strings and the like
                        // have a niche.
                        let size = shape_size(types, &f.shape, memo, visiting);
                        if f.required || size >= 24 {
                            size.max(8)
                        } else {
                            size.max(8) + 8
                        }
                    }
                })
                .sum();
            members + if st.additional.is_some() { 24 } else { 0 }
        }
        TypeKind::Enum(_) => 24,
        TypeKind::Alias(shape) => shape_size(types, shape, memo, visiting),
        TypeKind::Union(u) => {
            let largest = u
                .variants
                .iter()
                .map(|v| {
                    if v.boxed {
                        8
                    } else {
                        shape_size(types, &v.shape, memo, visiting)
                    }
                })
                .max()
                .unwrap_or(0);
            largest + 8
        }
    };
    visiting.pop();
    memo[i] = Some(size);
    size
}
