//! The classification rules: what each kind of change does on the wire, by the direction
//! its values travel, and to the Rust API of the generated code.
//!
//! The Rust rules follow from what the emitter writes: string enums are `#[non_exhaustive]`
//! (with `Unknown(String)`); structures, unions, `Operation`, `Request`, `Response`, `Error`
//! and the per-operation error enums are not, and structures have only public fields and no
//! `Default`, so code may build them with struct literals and match them exhaustively.

use super::change::{Impact, Wire};
use super::usage::Direction;

use Impact::{Breaking as B, Compatible as C, Warning as W};

/// What a change does to the two sides for values of one direction, and why.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sided {
    old_client: Impact,
    new_client: Impact,
    why: &'static str,
}

const fn sided(old_client: Impact, new_client: Impact, why: &'static str) -> Sided {
    Sided {
        old_client,
        new_client,
        why,
    }
}

/// The wire classification of a change, with the reasons for its non-compatible sides.
#[derive(Debug, Clone)]
pub(crate) struct Effect {
    pub wire: Wire,
    pub why: Vec<&'static str>,
}

impl Effect {
    /// An effect that does not depend on direction.
    pub fn fixed(old_client: Impact, new_client: Impact, why: &'static str) -> Effect {
        let wire = Wire::new(old_client, new_client);
        Effect {
            wire,
            why: if wire == Wire::COMPATIBLE || why.is_empty() {
                Vec::new()
            } else {
                vec![why]
            },
        }
    }

    /// No effect on the wire.
    pub fn none() -> Effect {
        Effect::fixed(C, C, "")
    }

    /// The same effect, with one more reason.
    pub fn because(mut self, why: &'static str) -> Effect {
        self.why.push(why);
        self
    }
}

/// The effect of a change to a schema whose values travel in `dir`: the request rule when
/// clients send them, the response rule when servers send them, the worse of both when
/// both. A schema no operation uses has no effect on the wire.
pub(crate) fn directed(dir: Direction, request: Sided, response: Sided) -> Effect {
    let mut wire = Wire::COMPATIBLE;
    let mut why = Vec::new();
    for (applies, rule) in [(dir.request, request), (dir.response, response)] {
        if !applies {
            continue;
        }
        let w = Wire::new(rule.old_client, rule.new_client);
        wire = wire.worst(w);
        if w != Wire::COMPATIBLE && !rule.why.is_empty() && !why.contains(&rule.why) {
            why.push(rule.why);
        }
    }
    if !dir.request && !dir.response {
        why.push("no operation uses it");
    }
    Effect { wire, why }
}

/// An enum value added: requests may carry it to old servers, which reject it; old clients
/// read it from new servers as `Unlisted_`.
pub(crate) fn enum_value_added(dir: Direction) -> Effect {
    directed(
        dir,
        sided(C, B, "old servers reject the new value"),
        sided(W, C, "old clients read the new value as `Unlisted_`"),
    )
}

/// An enum value removed.
pub(crate) fn enum_value_removed(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, C, "new servers reject the value"),
        sided(C, W, "new clients read it from old servers as `Unlisted_`"),
    )
}

/// A limit relaxed (raised maximum, lowered minimum, pattern dropped, integer value added).
/// Responses are not validated by clients, so a relaxed limit there is a warning only.
pub(crate) fn relaxed(dir: Direction) -> Effect {
    directed(
        dir,
        sided(C, B, "old servers reject values the new limit allows"),
        sided(W, C, "old clients may receive values outside the old limit"),
    )
}

/// A limit tightened.
pub(crate) fn tightened(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, C, "new servers reject values the old limit allowed"),
        sided(C, W, "new clients may receive values outside the new limit"),
    )
}

/// A pattern replaced by another: neither is known to contain the other.
pub(crate) fn pattern_replaced(dir: Direction) -> Effect {
    directed(
        dir,
        sided(
            B,
            B,
            "each side's servers may reject values the other side's allow",
        ),
        sided(
            W,
            W,
            "clients may receive values outside the pattern they know",
        ),
    )
}

/// A number widened (`int32` → `int64`, `float` → `double`): the narrower side cannot read
/// every value.
pub(crate) fn widened(dir: Direction) -> Effect {
    directed(
        dir,
        sided(C, B, "old servers cannot read the wider values"),
        sided(B, C, "old clients cannot read the wider values"),
    )
}

/// A number narrowed.
pub(crate) fn narrowed(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, C, "new servers cannot read the wider values"),
        sided(C, B, "new clients cannot read old servers' wider values"),
    )
}

/// A value's type replaced by a different one.
pub(crate) fn type_replaced(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, B, "each side sends values the other cannot read"),
        sided(B, B, "each side sends values the other cannot read"),
    )
}

/// A member added. Servers ignore members they do not know, so a new member reaches old
/// servers as nothing.
pub(crate) fn member_added(required: bool, dir: Direction) -> Effect {
    if required {
        directed(
            dir,
            sided(
                B,
                W,
                "new servers reject requests without it; old servers ignore it",
            ),
            sided(C, B, "new clients fail to read responses without it"),
        )
    } else {
        directed(dir, sided(C, W, "old servers ignore it"), sided(C, C, ""))
    }
}

/// A member removed; `required` when it had to be present (required and not nullable).
pub(crate) fn member_removed(required: bool, dir: Direction) -> Effect {
    if required {
        directed(
            dir,
            sided(
                W,
                B,
                "new servers ignore it; old servers reject requests without it",
            ),
            sided(B, C, "old clients fail to read responses without it"),
        )
    } else {
        directed(
            dir,
            sided(W, C, "new servers ignore it"),
            sided(W, C, "old clients no longer receive it"),
        )
    }
}

/// A member that had to be present may now be absent (or `null`).
pub(crate) fn became_optional(dir: Direction) -> Effect {
    directed(
        dir,
        sided(C, B, "old servers reject requests without it"),
        sided(B, C, "old clients fail to read responses without it"),
    )
}

/// A member that could be absent must now be present.
pub(crate) fn became_required(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, C, "new servers reject requests without it"),
        sided(
            C,
            B,
            "new clients fail to read old servers' responses without it",
        ),
    )
}

/// A `oneOf`/`anyOf` alternative added.
pub(crate) fn union_variant_added(dir: Direction) -> Effect {
    directed(
        dir,
        sided(C, B, "old servers cannot read the new alternative"),
        sided(B, C, "old clients cannot read the new alternative"),
    )
}

/// A `oneOf`/`anyOf` alternative removed.
pub(crate) fn union_variant_removed(dir: Direction) -> Effect {
    directed(
        dir,
        sided(B, C, "new servers cannot read the old alternative"),
        sided(C, B, "new clients cannot read the old alternative"),
    )
}

/// An operation added: old servers do not have it.
pub(crate) fn operation_added(aws: bool) -> Effect {
    Effect::fixed(
        C,
        B,
        if aws {
            "old servers answer UnknownOperationException"
        } else {
            "old servers do not serve it"
        },
    )
}

/// An operation removed.
pub(crate) fn operation_removed(aws: bool) -> Effect {
    Effect::fixed(
        B,
        C,
        if aws {
            "new servers answer UnknownOperationException"
        } else {
            "new servers do not serve it"
        },
    )
}

/// An error an operation may now return: old clients read it, but not as one of the
/// operation's errors.
pub(crate) fn error_added() -> Effect {
    Effect::fixed(
        W,
        C,
        "old clients may receive an error code they do not list for it",
    )
}

/// An error an operation no longer lists.
pub(crate) fn error_removed() -> Effect {
    Effect::fixed(
        C,
        W,
        "new clients may receive it from old servers without listing it",
    )
}
