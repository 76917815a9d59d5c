//! What one change is: its kind, where it is made, and how it is classified.

use std::collections::BTreeMap;

use serde::Serialize;

/// What changed. The JSON name of each kind is its `snake_case` name ([`Kind::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The protocol (AWS JSON or generic) or the AWS target prefix changed.
    ProtocolChanged,
    /// How patterns apply changed (full match or search).
    PatternModeChanged,
    /// The error code for constraint violations changed.
    ValidationErrorChanged,
    /// An operation appeared.
    OperationAdded,
    /// An operation disappeared.
    OperationRemoved,
    /// An operation's Rust name changed (same `operationId`).
    OperationRenamed,
    /// An operation's target, method or path changed.
    OperationRouteChanged,
    /// An operation's request body type changed (or appeared or disappeared).
    InputChanged,
    /// An operation's response body type changed (or appeared or disappeared).
    OutputChanged,
    /// An operation lists an exception it did not list before.
    ErrorAdded,
    /// An operation no longer lists an exception.
    ErrorRemoved,
    /// A path, query, header or cookie parameter appeared.
    ParameterAdded,
    /// A parameter disappeared.
    ParameterRemoved,
    /// A parameter became optional.
    ParameterOptional,
    /// A parameter became required.
    ParameterRequired,
    /// A named type appeared.
    TypeAdded,
    /// A named type disappeared.
    TypeRemoved,
    /// A named type's Rust name changed (same schema name).
    TypeRenamed,
    /// A named type became another kind of type (structure, enum, alias, union).
    TypeKindChanged,
    /// An exception appeared.
    ExceptionAdded,
    /// An exception disappeared.
    ExceptionRemoved,
    /// A structure member appeared.
    MemberAdded,
    /// A structure member disappeared.
    MemberRemoved,
    /// A required member became optional.
    MemberOptional,
    /// An optional member became required.
    MemberRequired,
    /// A member became `nullable`.
    MemberNullable,
    /// A member is no longer `nullable`.
    MemberNotNullable,
    /// A member's Rust name changed (same wire name).
    MemberRenamed,
    /// A member is now boxed, or no longer boxed, in Rust.
    MemberBoxingChanged,
    /// Whether a structure keeps undeclared members (`additionalProperties`) changed.
    AdditionalPropertiesChanged,
    /// The type of a value changed: a member, list items, map values or an alias target.
    TypeChanged,
    /// A value appeared in an enum (string or integer).
    EnumValueAdded,
    /// A value disappeared from an enum.
    EnumValueRemoved,
    /// An enum value's Rust variant name changed.
    EnumVariantRenamed,
    /// An alternative appeared in a `oneOf`/`anyOf`.
    UnionVariantAdded,
    /// An alternative disappeared from a `oneOf`/`anyOf`.
    UnionVariantRemoved,
    /// `minLength`/`maxLength` of a string changed.
    LengthChanged,
    /// `minItems`/`maxItems` of a list, or `minProperties`/`maxProperties` of a map, changed.
    ItemCountChanged,
    /// `minimum`/`maximum` of a number changed.
    RangeChanged,
    /// A pattern appeared, disappeared or changed.
    PatternChanged,
    /// A value became sensitive (`format: password`) or stopped being sensitive.
    SensitiveChanged,
}

impl Kind {
    /// The `snake_case` name used in both outputs (`member_optional`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ProtocolChanged => "protocol_changed",
            Kind::PatternModeChanged => "pattern_mode_changed",
            Kind::ValidationErrorChanged => "validation_error_changed",
            Kind::OperationAdded => "operation_added",
            Kind::OperationRemoved => "operation_removed",
            Kind::OperationRenamed => "operation_renamed",
            Kind::OperationRouteChanged => "operation_route_changed",
            Kind::InputChanged => "input_changed",
            Kind::OutputChanged => "output_changed",
            Kind::ErrorAdded => "error_added",
            Kind::ErrorRemoved => "error_removed",
            Kind::ParameterAdded => "parameter_added",
            Kind::ParameterRemoved => "parameter_removed",
            Kind::ParameterOptional => "parameter_optional",
            Kind::ParameterRequired => "parameter_required",
            Kind::TypeAdded => "type_added",
            Kind::TypeRemoved => "type_removed",
            Kind::TypeRenamed => "type_renamed",
            Kind::TypeKindChanged => "type_kind_changed",
            Kind::ExceptionAdded => "exception_added",
            Kind::ExceptionRemoved => "exception_removed",
            Kind::MemberAdded => "member_added",
            Kind::MemberRemoved => "member_removed",
            Kind::MemberOptional => "member_optional",
            Kind::MemberRequired => "member_required",
            Kind::MemberNullable => "member_nullable",
            Kind::MemberNotNullable => "member_not_nullable",
            Kind::MemberRenamed => "member_renamed",
            Kind::MemberBoxingChanged => "member_boxing_changed",
            Kind::AdditionalPropertiesChanged => "additional_properties_changed",
            Kind::TypeChanged => "type_changed",
            Kind::EnumValueAdded => "enum_value_added",
            Kind::EnumValueRemoved => "enum_value_removed",
            Kind::EnumVariantRenamed => "enum_variant_renamed",
            Kind::UnionVariantAdded => "union_variant_added",
            Kind::UnionVariantRemoved => "union_variant_removed",
            Kind::LengthChanged => "length_changed",
            Kind::ItemCountChanged => "item_count_changed",
            Kind::RangeChanged => "range_changed",
            Kind::PatternChanged => "pattern_changed",
            Kind::SensitiveChanged => "sensitive_changed",
        }
    }
}

/// What a change does to one side of the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// That side gets the same answers as before.
    Compatible,
    /// Requests still succeed and responses still read, but that side may meet something it
    /// does not know (an enum value kept as `Unlisted_`, an unlisted error code) or lose
    /// something (a member the other side now ignores or no longer sends).
    Warning,
    /// Requests that used to succeed are rejected, or responses fail to read or lack what
    /// the client requires.
    Breaking,
}

impl Impact {
    /// `compatible`, `warning` or `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Compatible => "compatible",
            Impact::Warning => "warning",
            Impact::Breaking => "breaking",
        }
    }
}

/// Both sides of the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Wire {
    /// Clients built against the old spec, talking to a server built against the new one.
    pub old_client: Impact,
    /// Clients built against the new spec, talking to a server built against the old one.
    pub new_client: Impact,
}

impl Wire {
    /// Neither side notices.
    pub const COMPATIBLE: Wire = Wire {
        old_client: Impact::Compatible,
        new_client: Impact::Compatible,
    };

    /// Both sides break.
    pub const BREAKING: Wire = Wire {
        old_client: Impact::Breaking,
        new_client: Impact::Breaking,
    };

    /// The given impacts.
    pub const fn new(old_client: Impact, new_client: Impact) -> Wire {
        Wire {
            old_client,
            new_client,
        }
    }

    /// The worse impact of the two, side by side.
    pub fn worst(self, other: Wire) -> Wire {
        Wire {
            old_client: self.old_client.max(other.old_client),
            new_client: self.new_client.max(other.new_client),
        }
    }

    /// Whether either side breaks.
    pub fn breaking(self) -> bool {
        self.old_client == Impact::Breaking || self.new_client == Impact::Breaking
    }
}

/// What a change does to Rust code written against the old generated bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Api {
    /// Such code still compiles.
    Compatible,
    /// Some such code no longer compiles.
    Breaking,
}

impl Api {
    /// `compatible` or `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Api::Compatible => "compatible",
            Api::Breaking => "breaking",
        }
    }
}

/// One change between two specs, reported once, at the place it is made.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What changed.
    pub kind: Kind,
    /// The `operationId`, for changes made to an operation.
    pub operation: Option<String>,
    /// The schema name: of the type changed, or of the exception an operation lists.
    pub schema: Option<String>,
    /// The member (wire name) or parameter, when the change is inside one; `[]` stands for
    /// list items and `{}` for map values (`LogoutURLs[]`, or `[]` for an alias of a list).
    pub member: Option<String>,
    /// The enum value (wire) or union alternative the change is about.
    pub value: Option<String>,
    /// What it does on the wire.
    pub wire: Wire,
    /// What it does to the Rust API.
    pub api: Api,
    /// A sentence for people: what changed and why it is classified so.
    pub detail: String,
    /// The value before, when there is one to show (a limit, a type, a flag).
    pub old: Option<serde_json::Value>,
    /// The value after.
    pub new: Option<serde_json::Value>,
    /// For a change to a schema: the operations (by `operationId`) whose input, output or
    /// errors reach it, in either spec, and through which. Empty for changes made to an
    /// operation.
    pub reaches: BTreeMap<String, Roles>,
}

/// Through which parts an operation reaches a schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Roles {
    /// Its input (request body or parameters).
    pub input: bool,
    /// Its output (response body).
    pub output: bool,
    /// One of its errors.
    pub errors: bool,
}

impl Roles {
    /// The parts by name: `input`, `output`, `errors`, in that order.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.input, "input"),
            (self.output, "output"),
            (self.errors, "errors"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
    }

    /// Whether it reaches through a request or response body (not only through errors).
    pub fn body(self) -> bool {
        self.input || self.output
    }
}

impl Change {
    /// Where the change is made, as shown in the table: `SignUp`, `SignUpRequest.Password`,
    /// `AuthFlowType.USER_AUTH`, `LogoutURLsListType[]`.
    pub fn location(&self) -> String {
        let mut at = match (&self.operation, &self.schema) {
            (Some(op), _) => op.clone(),
            (None, Some(schema)) => schema.clone(),
            (None, None) => "(service)".to_owned(),
        };
        if let Some(member) = &self.member {
            if !(member.starts_with('[') || member.starts_with('{')) {
                at.push('.');
            }
            at.push_str(member);
        }
        if let Some(value) = &self.value {
            at.push('.');
            at.push_str(value);
        }
        at
    }

    /// Whether the change belongs to `class`.
    pub fn is(&self, class: Class) -> bool {
        match class {
            Class::Wire => self.wire.breaking(),
            Class::OldClient => self.wire.old_client == Impact::Breaking,
            Class::NewClient => self.wire.new_client == Impact::Breaking,
            Class::Api => self.api == Api::Breaking,
            Class::Warning => {
                self.wire.old_client == Impact::Warning || self.wire.new_client == Impact::Warning
            }
        }
    }

    /// The order of changes in a report: service, then operations by `operationId`, then
    /// schemas by name; inside each, by member, value and kind.
    pub(crate) fn sort_key(&self) -> (u8, &str, &str, &str, &str, Kind) {
        let (scope, name) = match (&self.operation, &self.schema) {
            (Some(op), _) => (1, op.as_str()),
            (None, Some(schema)) => (2, schema.as_str()),
            (None, None) => (0, ""),
        };
        let secondary = if self.operation.is_some() {
            self.schema.as_deref().unwrap_or("")
        } else {
            ""
        };
        (
            scope,
            name,
            self.member.as_deref().unwrap_or(""),
            secondary,
            self.value.as_deref().unwrap_or(""),
            self.kind,
        )
    }
}

/// A class of changes, for `--fail-on` and [`super::Report::has`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Breaks old clients or new clients.
    Wire,
    /// Breaks old clients against a new server.
    OldClient,
    /// Breaks new clients against an old server.
    NewClient,
    /// Breaks Rust code written against the old bindings.
    Api,
    /// A wire warning on either side.
    Warning,
}

impl Class {
    /// Every class, with its name on the command line.
    pub const ALL: &'static [(Class, &'static str)] = &[
        (Class::Wire, "wire"),
        (Class::OldClient, "old-client"),
        (Class::NewClient, "new-client"),
        (Class::Api, "api"),
        (Class::Warning, "warning"),
    ];

    /// Its name on the command line (`old-client`).
    pub fn as_str(self) -> &'static str {
        Class::ALL
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, name)| name)
    }
}

impl std::str::FromStr for Class {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Class::ALL
            .iter()
            .find(|(_, name)| *name == s)
            .map(|(c, _)| *c)
            .ok_or_else(|| {
                let names: Vec<&str> = Class::ALL.iter().map(|(_, n)| *n).collect();
                format!("unknown class `{s}`; expected one of {}", names.join(", "))
            })
    }
}

/// Serialized by name, as in the text output, so the two never disagree.
macro_rules! serialize_as_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    )*};
}

serialize_as_str!(Kind, Impact, Api);
