//! Names of what serves an operation and reports its errors: the `Service` trait's methods,
//! the crate's `Error` variants and each operation's error enum with its variants.
//!
//! Claimed once, here, each in its own namespace with the same collision handling as type
//! names, so the emitters of `errors`, `Service` and `dispatch` only read them.

use crate::ir::Api;
use crate::names::{Scope, snake};

/// Fills in [`Api::exception_variants`] and each operation's `handler`, `error_enum` and
/// `error_variants`.
pub(super) fn assign(api: &mut Api) {
    // `Unknown` holds codes the spec does not list.
    let mut scope = Scope::with_reserved(&["Unknown"]);
    api.exception_variants = api
        .exceptions
        .iter()
        .map(|&id| scope.claim(&api.ty(id).name))
        .collect();
    // Trait methods are the operations' names in snake case, numbered when two meet (`AB`
    // and `Ab` are both `ab`).
    let mut methods = Scope::new();
    for i in 0..api.operations.len() {
        let op = &api.operations[i];
        let handler = methods.claim(&snake(&op.name));
        let error_enum = format!("{}Error", op.name);
        // `Unhandled` holds every error the operation does not list.
        let mut variants = Scope::with_reserved(&["Unhandled"]);
        let error_variants = op
            .errors
            .iter()
            .filter_map(|id| {
                let pos = api.exceptions.iter().position(|e| e == id)?;
                Some((pos, variants.claim(&api.exception_variants[pos])))
            })
            .collect();
        let op = &mut api.operations[i];
        op.handler = handler;
        op.error_enum = error_enum;
        op.error_variants = error_variants;
    }
}
