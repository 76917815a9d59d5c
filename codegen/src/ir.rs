//! The intermediate representation between the spec and the emitters.
//!
//! Built once by [`crate::lower`]: every `$ref` resolved, every name assigned (Rust name
//! beside wire name), every pattern compiled, docs already Markdown. Emitters read only this.

use crate::pattern::PatternMode;

// The validation model is shared with the derive macro, which does not depend on the
// generator: its types (and `TypeId`, by which it names enums) live in `specgen-checks`,
// named here as before.
pub use specgen_checks::{
    Bound, Bounds, Check, Collection, ConstraintListId, ElementCheck, ElementTest, Exclusive,
    FloatTest, FloatWidth, IntTest, IntWidth, ListedConstraint, Shown, StringRuleId, TypeId,
};

/// Index of a pattern in [`Api::patterns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PatternId(pub usize);

/// The wire protocol a spec describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protocol {
    /// AWS JSON 1.0 or 1.1: every operation is `POST /` with
    /// `X-Amz-Target: <Service>.<Op>`.
    AwsJson {
        /// The target prefix, e.g. `AWSCognitoIdentityProviderService`.
        service: String,
        /// `1.0` or `1.1` (`x-aws-json-version`; 1.1 when the spec does not say).
        json_version: JsonVersion,
    },
    /// Any other OpenAPI description.
    Generic,
}

/// The two versions of AWS's JSON protocol: the same wire, told apart by content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonVersion {
    /// `application/x-amz-json-1.0` (DynamoDB and other older services).
    V1_0,
    /// `application/x-amz-json-1.1`.
    V1_1,
}

impl JsonVersion {
    /// The `Content-Type` of requests and answers.
    pub fn content_type(self) -> &'static str {
        match self {
            JsonVersion::V1_0 => "application/x-amz-json-1.0",
            JsonVersion::V1_1 => "application/x-amz-json-1.1",
        }
    }
}

/// What the wire says of an exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The code in `__type` (the shape name unless the model gives another).
    pub code: String,
    /// The HTTP status of the answer.
    pub http_status: u16,
    /// Whose fault it is.
    pub fault: Fault,
}

/// Whose fault an exception is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The caller's (4xx).
    Client,
    /// The service's (5xx).
    Server,
}

/// A whole API, resolved.
#[derive(Debug, Clone)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`, as Markdown.
    pub docs: Option<String>,
    /// The detected (or forced) protocol.
    pub protocol: Protocol,
    /// How patterns apply.
    pub pattern_mode: PatternMode,
    /// Every type: component schemas in spec order, then inline types in discovery order.
    pub types: Vec<TypeDef>,
    /// Operations in spec order.
    pub operations: Vec<Operation>,
    /// Distinct patterns, in first-use order.
    pub patterns: Vec<PatternDef>,
    /// Exception types in spec order.
    pub exceptions: Vec<TypeId>,
    /// The variant of each of [`Api::exceptions`] in the crate's `Error` enum (`Unknown` is
    /// reserved for codes the spec does not list).
    pub exception_variants: Vec<String>,
    /// The error code for constraint violations (`InvalidParameterException` for Cognito).
    pub validation_error: String,
    /// Rust path of the runtime crate in generated code (`::specgen_runtime`).
    pub runtime: String,
    /// What generation went past without doing (such as patterns it cannot enforce), in
    /// spec order.
    pub warnings: Vec<Warning>,
    /// The statics and functions the generated checks share, named (see [`Checks`]).
    pub checks: Checks,
}

/// Something generation went past without doing, for the user to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// JSON pointer of the construct (`#/components/schemas/Foo/pattern`).
    pub pointer: String,
    /// What was not done, and why.
    pub message: String,
}

impl Api {
    /// The type with this id.
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The exception whose error code is `code`, if the spec defines it.
    pub fn exception(&self, code: &str) -> Option<TypeId> {
        self.exceptions
            .iter()
            .copied()
            .find(|&id| self.ty(id).error_code() == code)
    }

    /// Follows aliases to the shape that decides a value's representation, merging the
    /// constraints met on the way (the outermost wins).
    pub fn resolve(&self, shape: &Shape) -> Shape {
        let mut out = shape.clone();
        let mut seen = 0;
        while let ShapeKind::Named(id) = out.kind {
            match &self.ty(id).kind {
                TypeKind::Alias(inner) if seen < self.types.len() => {
                    let outer = out.constraints.clone();
                    out = inner.clone();
                    out.constraints = outer.or(&out.constraints);
                    seen += 1;
                }
                _ => break,
            }
        }
        out
    }

    /// Which types need checking (indexed by [`TypeId`]): those with a constraint of their
    /// own, enums (unknown values fail), and those that reach such a type. Recursion alone
    /// checks nothing, so this is a least fixpoint over the type graph. Generated `Validate`
    /// impls and the spec-bound derive both decide by it.
    pub fn types_needing_checks(&self) -> Vec<bool> {
        let mut needs = vec![false; self.types.len()];
        loop {
            let mut changed = false;
            for (i, def) in self.types.iter().enumerate() {
                if needs[i] {
                    continue;
                }
                let checks = |shape: &Shape| self.shape_checks(&needs, &self.resolve(shape));
                let now = match &def.kind {
                    TypeKind::Enum(_) => true,
                    TypeKind::Struct(st) | TypeKind::Exception(st) => {
                        st.fields.iter().any(|f| checks(&f.shape))
                            || st.additional.as_ref().is_some_and(|a| checks(&a.shape))
                    }
                    TypeKind::Alias(shape) => checks(shape),
                    TypeKind::Union(u) => u.variants.iter().any(|v| checks(&v.shape)),
                };
                if now {
                    needs[i] = true;
                    changed = true;
                }
            }
            if !changed {
                return needs;
            }
        }
    }

    /// Whether a value of the (resolved) `shape` has something to check, given `needs` so far.
    fn shape_checks(&self, needs: &[bool], shape: &Shape) -> bool {
        let c = &shape.constraints;
        match &shape.kind {
            ShapeKind::String => c.string_checked() || c.blob_checked(),
            ShapeKind::Integer(_) => {
                c.minimum.is_some() || c.maximum.is_some() || c.int_enum.is_some()
            }
            ShapeKind::Number(_) => c.minimum.is_some() || c.maximum.is_some(),
            ShapeKind::List(inner) | ShapeKind::Map(inner) => {
                c.min_len.is_some()
                    || c.max_len.is_some()
                    || self.shape_checks(needs, &self.resolve(inner))
                    || c.map_key
                        .as_ref()
                        .is_some_and(|key| self.shape_checks(needs, &self.resolve(key)))
            }
            ShapeKind::Named(id) => needs[id.0],
            ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Any => false,
        }
    }
}

/// A named type of the generated code.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Rust name (`UserPoolIdType`).
    pub name: String,
    /// Name in the spec (`UserPoolIdType`), or a made-up one for inline schemas.
    pub schema_name: String,
    /// JSON pointer of the schema.
    pub pointer: String,
    /// Description as Markdown.
    pub docs: Option<String>,
    /// What it is.
    pub kind: TypeKind,
    /// Reachable from an operation input.
    pub in_request: bool,
    /// Reachable from an operation output.
    pub in_response: bool,
    /// For an exception: its code, status and fault.
    pub error: Option<ErrorInfo>,
}

impl TypeDef {
    /// The error code of an exception on the wire (`__type`): the model's code when it
    /// gives one, else the schema name.
    pub fn error_code(&self) -> &str {
        self.error.as_ref().map_or(&self.schema_name, |e| &e.code)
    }

    /// The shapes the type is made of: its members' (and undeclared members'), its
    /// variants', or the shape it aliases.
    pub fn shapes(&self) -> Vec<&Shape> {
        match &self.kind {
            TypeKind::Struct(st) | TypeKind::Exception(st) => st
                .fields
                .iter()
                .map(|f| &f.shape)
                .chain(st.additional.as_ref().map(|a| &a.shape))
                .collect(),
            TypeKind::Alias(shape) => vec![shape],
            TypeKind::Union(u) => u.variants.iter().map(|v| &v.shape).collect(),
            TypeKind::Enum(_) => Vec::new(),
        }
    }

    /// The named types the type refers to directly (through lists and maps), in member
    /// order.
    pub fn refers_to(&self) -> impl Iterator<Item = TypeId> + '_ {
        self.shapes().into_iter().filter_map(Shape::named)
    }
}

/// The kinds of named types.
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// An object schema with known properties.
    Struct(Struct),
    /// A string schema with `enum`; unknown wire values are kept.
    Enum(StringEnum),
    /// Another name for a shape (`type UserPoolIdType = String`).
    Alias(Shape),
    /// An error schema of the AWS profile: a structure with `message`.
    Exception(Struct),
    /// `oneOf`/`anyOf`: one of several shapes, told apart by a discriminator property or by
    /// trying each in order.
    Union(Union),
}

/// The alternatives of a `oneOf`/`anyOf` schema.
#[derive(Debug, Clone)]
pub struct Union {
    /// Alternatives in spec order.
    pub variants: Vec<UnionVariant>,
    /// The discriminator, when the spec gives one.
    pub discriminator: Option<Discriminator>,
}

/// One alternative of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// Rust variant name.
    pub name: String,
    /// Its shape.
    pub shape: Shape,
    /// Stored in a `Box` to break a recursive type.
    pub boxed: bool,
}

/// An OpenAPI discriminator: a member whose value names the alternative.
#[derive(Debug, Clone)]
pub struct Discriminator {
    /// The member's wire name.
    pub property: String,
    /// Wire value to variant index, in spec order.
    pub mapping: Vec<(String, usize)>,
}

/// Members of an object schema.
#[derive(Debug, Clone, Default)]
pub struct Struct {
    /// Members in spec order.
    pub fields: Vec<Field>,
    /// Where members the schema does not list are kept (`additionalProperties`), if anywhere.
    pub additional: Option<Additional>,
    /// The whole value is sensitive (`x-aws-sensitive` on a structure): never shown.
    pub sensitive: bool,
}

/// The member that keeps undeclared members of an object (`additionalProperties`).
#[derive(Debug, Clone)]
pub struct Additional {
    /// Rust name of the map member.
    pub name: String,
    /// Shape of each value.
    pub shape: Shape,
}

/// One member of a structure.
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name (`user_pool_id`, `r#type`).
    pub name: String,
    /// Name on the wire (`UserPoolId`).
    pub wire_name: String,
    /// Name in validation paths: the wire name with its first letter lower-cased.
    pub path_name: String,
    /// Description as Markdown.
    pub docs: Option<String>,
    /// The member's type.
    pub shape: Shape,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable`: the value may be `null` (held as `Option` even when required).
    pub nullable: bool,
    /// Stored in a `Box` to break a recursive type.
    pub boxed: bool,
    /// JSON pointer of the property.
    pub pointer: String,
}

/// A string enum.
#[derive(Debug, Clone)]
pub struct StringEnum {
    /// Known values in spec order.
    pub values: Vec<EnumValue>,
}

/// One known value of a string enum.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// Rust variant name.
    pub name: String,
    /// Wire value.
    pub wire: String,
}

/// The representation of a value plus the constraints on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Representation.
    pub kind: ShapeKind,
    /// Constraints that apply at this use.
    pub constraints: Constraints,
}

impl Field {
    /// Whether the Rust member is an `Option`.
    pub fn optional(&self) -> bool {
        !self.required || self.nullable
    }
}

impl Shape {
    /// A shape without constraints.
    pub fn plain(kind: ShapeKind) -> Self {
        Shape {
            kind,
            constraints: Constraints::default(),
        }
    }

    /// The named type the shape refers to, directly or as the element of lists and maps.
    pub fn named(&self) -> Option<TypeId> {
        match &self.kind {
            ShapeKind::Named(id) => Some(*id),
            ShapeKind::List(inner) | ShapeKind::Map(inner) => inner.named(),
            ShapeKind::String
            | ShapeKind::Integer(_)
            | ShapeKind::Number(_)
            | ShapeKind::Boolean
            | ShapeKind::Timestamp
            | ShapeKind::Any => None,
        }
    }
}
/// Representations.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    /// Text.
    String,
    /// `integer`.
    Integer(IntWidth),
    /// `number`.
    Number(FloatWidth),
    /// `boolean`.
    Boolean,
    /// `format: date-time` of AWS JSON: epoch seconds unless
    /// [`Constraints::timestamp_format`] says otherwise.
    Timestamp,
    /// Any JSON value, kept exactly (`Document` of the runtime): documents
    /// (`x-aws-document`) and schemas without a type.
    Any,
    /// `array`.
    List(Box<Shape>),
    /// `object` with only `additionalProperties`. A map of plain [`ShapeKind::Any`] values
    /// is a free-form object (`Object` of the runtime: members kept in order).
    Map(Box<Shape>),
    /// A named type.
    Named(TypeId),
}

/// How a timestamp is written on the wire: the model's `timestampFormat`, carried by
/// `specgen import` as `x-aws-timestamp-format` on members and shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Epoch seconds in a JSON number (`1700000000.123`): `unixTimestamp`, the default of
    /// AWS JSON.
    EpochSeconds,
    /// RFC 3339 text (`"2016-09-30T21:29:26.928Z"`): `iso8601` (Smithy's `date-time`).
    DateTime,
    /// RFC 7231 IMF-fixdate text (`"Fri, 30 Sep 2016 21:29:26 GMT"`): `rfc822` (Smithy's
    /// `http-date`).
    HttpDate,
}

impl TimestampFormat {
    /// The format a `timestampFormat` value names, as AWS models and Smithy spell them
    /// (`iso8601`, `unixTimestamp`, `rfc822`; `date-time`, `epoch-seconds`, `http-date`),
    /// in any case.
    pub fn from_model(name: &str) -> Option<TimestampFormat> {
        match name.to_ascii_lowercase().as_str() {
            "unixtimestamp" | "epoch-seconds" => Some(TimestampFormat::EpochSeconds),
            "iso8601" | "date-time" => Some(TimestampFormat::DateTime),
            "rfc822" | "http-date" => Some(TimestampFormat::HttpDate),
            _ => None,
        }
    }
}

/// Constraints of a shape.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `minLength` / `minItems` / `minProperties`.
    pub min_len: Option<u64>,
    /// `maxLength` / `maxItems` / `maxProperties`.
    pub max_len: Option<u64>,
    /// `pattern`.
    pub pattern: Option<PatternId>,
    /// A `pattern` that is not checked because it cannot be (then `pattern` is `None`);
    /// the docs say so.
    pub unenforced_pattern: Option<UnenforcedPattern>,
    /// `minimum`.
    pub minimum: Option<Bound>,
    /// `maximum`.
    pub maximum: Option<Bound>,
    /// Which of a number's bounds values must not reach (`exclusiveMinimum`,
    /// `exclusiveMaximum`). An integer's exclusive bounds are moved by one instead, so
    /// this is only ever set on numbers.
    pub exclusive: Exclusive,
    /// `format: password`.
    pub sensitive: bool,
    /// `enum` of an integer schema.
    pub int_enum: Option<Vec<i64>>,
    /// Fewest bytes of a blob (`format: byte`, base64 on the wire; `x-aws-length-min`).
    pub min_bytes: Option<u64>,
    /// Most bytes of a blob (`x-aws-length-max`).
    pub max_bytes: Option<u64>,
    /// The shape of a map's keys, when the spec gives one (`x-aws-map-key`): its
    /// constraints are checked on every key.
    pub map_key: Option<Box<Shape>>,
    /// How a timestamp is written (`x-aws-timestamp-format`); `None` is the protocol's
    /// default, epoch seconds. Not a check: the member's format, which a use site sets
    /// over the shape's.
    pub timestamp_format: Option<TimestampFormat>,
}

impl Constraints {
    /// Whether a string with these constraints has something to check.
    pub fn string_checked(&self) -> bool {
        self.min_len.is_some() || self.max_len.is_some() || self.pattern.is_some()
    }

    /// Whether a blob with these constraints has its size to check.
    pub fn blob_checked(&self) -> bool {
        self.min_bytes.is_some() || self.max_bytes.is_some()
    }

    /// Each constraint of `self`, or of `inner` where `self` has none.
    pub fn or(&self, inner: &Constraints) -> Constraints {
        Constraints {
            min_len: self.min_len.or(inner.min_len),
            max_len: self.max_len.or(inner.max_len),
            // An outer pattern replaces the inner one, whether it is checked or not.
            pattern: match self.unenforced_pattern {
                Some(_) => None,
                None => self.pattern.or(inner.pattern),
            },
            unenforced_pattern: match self.pattern {
                Some(_) => None,
                None => self
                    .unenforced_pattern
                    .clone()
                    .or_else(|| inner.unenforced_pattern.clone()),
            },
            minimum: self.minimum.or(inner.minimum),
            maximum: self.maximum.or(inner.maximum),
            // Each bound keeps its own exclusiveness.
            exclusive: Exclusive {
                min: match self.minimum {
                    Some(_) => self.exclusive.min,
                    None => inner.exclusive.min,
                },
                max: match self.maximum {
                    Some(_) => self.exclusive.max,
                    None => inner.exclusive.max,
                },
            },
            sensitive: self.sensitive || inner.sensitive,
            int_enum: self.int_enum.clone().or_else(|| inner.int_enum.clone()),
            min_bytes: self.min_bytes.or(inner.min_bytes),
            max_bytes: self.max_bytes.or(inner.max_bytes),
            map_key: self.map_key.clone().or_else(|| inner.map_key.clone()),
            timestamp_format: self.timestamp_format.or(inner.timestamp_format),
        }
    }

    /// Whether any value check applies (sensitivity alone checks nothing).
    pub fn checks_anything(&self) -> bool {
        self.min_len.is_some()
            || self.max_len.is_some()
            || self.pattern.is_some()
            || self.minimum.is_some()
            || self.maximum.is_some()
            || self.int_enum.is_some()
            || self.min_bytes.is_some()
            || self.max_bytes.is_some()
    }
}

/// A compiled pattern shared by every use: the pattern crate's own type (spec text, Rust
/// text, engine, the look-around split and the fast paths), as the derive uses it too.
pub type PatternDef = crate::pattern::CompiledPattern;

/// A `pattern` of the spec that generated code does not check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnenforcedPattern {
    /// As in the spec.
    pub source: String,
    /// Why it cannot be checked.
    pub reason: String,
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// In a header.
    Header,
    /// In a cookie.
    Cookie,
}

/// An operation parameter outside the body.
#[derive(Debug, Clone)]
pub struct Parameter {
    /// Wire name (`petId`, `X-Request-Id`); also its name in validation messages.
    pub name: String,
    /// Rust name of its member in the operation's request type (`pet_id`,
    /// `x_request_id`): unique within the operation, and not `body` when the operation has
    /// a request body (which holds that name).
    pub field: String,
    /// Location.
    pub location: ParamLocation,
    /// Whether it must be present.
    pub required: bool,
    /// Its type.
    pub shape: Shape,
    /// Description as Markdown.
    pub docs: Option<String>,
    /// How its value travels (OpenAPI's `style` and `explode`).
    pub style: ParamStyle,
}

/// How a parameter's value travels, from OpenAPI's `style` and `explode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// A list's items as one `name=value` pair each (`?id=1&id=2`: `form`,
    /// `spaceDelimited` and `pipeDelimited` exploded, the default of query and cookie
    /// parameters); any other value as one pair.
    Repeated,
    /// A list's items in one value, separated by this character: `,` (`form` not
    /// exploded, `simple` in paths and headers), ` ` (`spaceDelimited`) or `|`
    /// (`pipeDelimited`).
    Separated(char),
    /// An object, one `name[member]=value` query pair per member (`deepObject`).
    DeepObject,
}

/// A status an operation documents a response for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// One status code (`404`).
    Code(u16),
    /// A class of codes (`4XX`): the digit.
    Range(u16),
    /// `default`: any status the others do not cover.
    Default,
}

impl Status {
    /// As the spec writes it: `404`, `4XX`, `default`.
    pub fn spec_name(self) -> String {
        match self {
            Status::Code(c) => c.to_string(),
            Status::Range(d) => format!("{d}XX"),
            Status::Default => "default".to_owned(),
        }
    }
}

/// One documented response of an operation.
#[derive(Debug, Clone)]
pub struct ResponseCase {
    /// The status (or class, or `default`) it answers.
    pub status: Status,
    /// Rust name of its variant in the operation's response enum (`Ok`, `NotFound`,
    /// `ClientError`, `Default`).
    pub variant: String,
    /// The type of its JSON body, if it has one.
    pub body: Option<TypeId>,
    /// The media type of a body that is not JSON (`text/plain`); such a body is not read.
    pub other_media: Option<String>,
    /// Description as Markdown.
    pub docs: Option<String>,
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// Rust name (`SignUp`).
    pub name: String,
    /// `operationId` (`SignUp`).
    pub id: String,
    /// AWS target (`AWSCognitoIdentityProviderService.SignUp`).
    pub target: Option<String>,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Description as Markdown.
    pub docs: Option<String>,
    /// Request body type.
    pub input: Option<TypeId>,
    /// Success body type.
    pub output: Option<TypeId>,
    /// Exceptions it may return, in spec order.
    pub errors: Vec<TypeId>,
    /// Path, query, header and cookie parameters.
    pub parameters: Vec<Parameter>,
    /// Whether the request body is required (`requestBody.required`).
    pub body_required: bool,
    /// Documented responses in spec order, `default` last (REST APIs only; empty for AWS
    /// JSON, whose answers are `output` and `errors`).
    pub responses: Vec<ResponseCase>,
    /// Rust name of the operation's request type (parameters and body) in the `operations`
    /// module of REST APIs (`GetPetRequest`).
    pub request_name: String,
    /// Rust name of the operation's response enum in the `operations` module of REST APIs
    /// (`GetPetResponse`).
    pub response_name: String,
    /// JSON pointer of the operation.
    pub pointer: String,
    /// The operation's method of the generated `Service` trait (`sign_up`).
    pub handler: String,
    /// The operation's error enum in the `errors` module (`SignUpError`).
    pub error_enum: String,
    /// The exceptions the operation lists that the spec defines, in the operation's order,
    /// each as its index in [`Api::exceptions`] with its variant in
    /// [`Operation::error_enum`] (`Unhandled` is reserved).
    pub error_variants: Vec<(usize, String)>,
}

/// What the generated `Validate` code shares and calls, decided once by lowering
/// (`lower::checks`): the statics of the `rules` module (patterns, string constraint sets,
/// element constraint lists) with their names, the functions that check request bodies
/// that are not structures, and which modules call the runtime's `check` helpers.
///
/// Every name here is claimed in one scope per module of generated code, in a fixed order,
/// so that the output does not depend on the order the emitters run in.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// The static of each pattern, indexed by [`PatternId`] (`PATTERN_1`, …).
    pub patterns: Vec<String>,
    /// Distinct string constraint sets, each named after the first schema that has it;
    /// only those marked used are emitted (a set may belong to a member nothing checks
    /// alone, such as the key of a map without checks on its keys).
    pub strings: Vec<StringRule>,
    /// Distinct element constraint lists, in the order the checks first name them; each
    /// is used.
    pub lists: Vec<ConstraintList>,
    /// The functions validating request bodies whose type is an alias (of a list, map or
    /// scalar, which cannot implement `Validate`), in operation order.
    pub body_validators: Vec<BodyValidator>,
    /// Whether the `types` module's code calls `check::` helpers (and so imports `check`).
    pub types_use_check: bool,
    /// Whether the `operations` module's code (REST requests) calls them.
    pub operations_use_check: bool,
    /// The checks of each type's members, indexed by [`TypeId`]: empty for enums and
    /// aliases (an enum checks itself; an alias is checked where it is used).
    pub types: Vec<TypeChecks>,
    /// The checks of each operation's request (parameters and body), indexed like
    /// [`Api::operations`]; empty unless the API is REST ([`Protocol::Generic`]).
    pub requests: Vec<RequestChecks>,
}

impl Checks {
    /// The string constraint set `id`.
    pub fn string(&self, id: StringRuleId) -> &StringRule {
        &self.strings[id.0]
    }

    /// The element constraint list `id`.
    pub fn list(&self, id: ConstraintListId) -> &ConstraintList {
        &self.lists[id.0]
    }

    /// The checks of the members of type `id` (none for a type without members).
    pub fn of_type(&self, id: TypeId) -> &TypeChecks {
        static NONE: TypeChecks = TypeChecks {
            members: Vec::new(),
            additional: Vec::new(),
        };
        self.types.get(id.0).unwrap_or(&NONE)
    }

    /// The checks of the request of operation `index` (in [`Api::operations`]; none unless
    /// the API is REST).
    pub fn of_request(&self, index: usize) -> &RequestChecks {
        static NONE: RequestChecks = RequestChecks {
            parameters: Vec::new(),
            body: Vec::new(),
        };
        self.requests.get(index).unwrap_or(&NONE)
    }
}

/// The checks of the members of one type: the `Validate` impl of a structure, exception
/// or union says exactly these.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeChecks {
    /// Per member of a structure or exception, per variant of a union, in order.
    pub members: Vec<MemberChecks>,
    /// The check of the undeclared members a structure keeps (`additionalProperties`):
    /// one [`Check::Undeclared`], or none when they check nothing or there are none.
    pub additional: Vec<Check>,
}

/// The checks of one member of a structure (or one variant of a union).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberChecks {
    /// The checks of its value, in order; empty when it checks nothing.
    pub checks: Vec<Check>,
    /// The member is required but may be a stand-in for a missing one (a checking reader,
    /// `from_http`, reads past it): it is checked only when it is not a stand-in.
    pub unless_stand_in: bool,
}

/// The checks of a REST operation's request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestChecks {
    /// Per parameter, in [`Operation::parameters`] order: the checks of its value.
    pub parameters: Vec<Vec<Check>>,
    /// The checks of the request body, when there is one.
    pub body: Vec<Check>,
}

/// A string constraint set: a `check::StrRules` static of the `rules` module.
#[derive(Debug, Clone, PartialEq)]
pub struct StringRule {
    /// Name of the static (`USER_POOL_ID_TYPE`).
    pub name: String,
    /// Fewest characters.
    pub min_len: Option<u64>,
    /// Most characters.
    pub max_len: Option<u64>,
    /// The pattern.
    pub pattern: Option<PatternId>,
    /// Whether values are never shown in messages.
    pub sensitive: bool,
    /// What it belongs to, for its docs ("String constraints of `<origin>`."): a schema
    /// name, or `<operationId>` parameter `<name>` written as code spans.
    pub origin: String,
    /// Whether some emitted check refers to it.
    pub used: bool,
}

impl StringRule {
    /// Whether these are the string constraints of `c`.
    pub fn matches(&self, c: &Constraints) -> bool {
        (self.min_len, self.max_len, self.pattern, self.sensitive)
            == (c.min_len, c.max_len, c.pattern, c.sensitive)
    }
}

/// The constraints of an element shape (of a list's members, a map's values or keys) as
/// AWS's message lists them (`Member must satisfy constraint: [Member must have length
/// less than or equal to 64, …]`): a `[rt::Constraint; n]` static of the `rules` module.
#[derive(Debug, Clone, PartialEq)]
pub struct ConstraintList {
    /// Name of the static (`USER_POOL_ID_TYPE_CONSTRAINTS`).
    pub name: String,
    /// The constraints, in the order messages list them.
    pub items: Vec<ListedConstraint>,
    /// What they constrain, for the docs (`strings of `Name``, `an integer`).
    pub what: String,
}

/// A function validating a request body whose type is an alias.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyValidator {
    /// The body type.
    pub ty: TypeId,
    /// Name of the function in the `types` module (`validate_<snake type name>`).
    pub name: String,
    /// The checks of a body; empty when it checks nothing.
    pub checks: Vec<Check>,
}

impl Api {
    /// The string constraint set of a string with constraints `c`, if it has something to
    /// check.
    pub fn string_rule(&self, c: &Constraints) -> Option<&StringRule> {
        if !c.string_checked() {
            return None;
        }
        self.checks.strings.iter().find(|r| r.matches(c))
    }

    /// The function validating the request body type `ty`, when it is an alias.
    pub fn body_validator(&self, ty: TypeId) -> Option<&str> {
        self.checks
            .body_validators
            .iter()
            .find(|v| v.ty == ty)
            .map(|v| v.name.as_str())
    }

    /// The static listing `items`, when a check names it.
    pub fn constraint_list(&self, items: &[ListedConstraint]) -> Option<&ConstraintList> {
        self.checks.lists.iter().find(|l| l.items == items)
    }

    /// The constraints of a (resolved) element shape as a message lists them, or `None`
    /// when elements are not checked against constraints of their own. `key`: the
    /// elements are map keys, which are text whatever their shape, so only string
    /// constraints and enums apply.
    pub fn listed_constraints(&self, shape: &Shape, key: bool) -> Option<Vec<ListedConstraint>> {
        let c = &shape.constraints;
        let lengths = |min: Option<u64>, max: Option<u64>| {
            let max = max.map(ListedConstraint::MaxLength);
            let min = min.map(ListedConstraint::MinLength);
            max.into_iter().chain(min)
        };
        let mut listed = Vec::new();
        match &shape.kind {
            ShapeKind::String if c.string_checked() || c.blob_checked() => {
                if self.string_rule(c).is_some() {
                    listed.extend(lengths(c.min_len, c.max_len));
                }
                let source = match (c.pattern, &c.unenforced_pattern) {
                    (Some(p), _) => Some(&self.patterns[p.0].source),
                    (None, Some(u)) => Some(&u.source),
                    (None, None) => None,
                };
                if let Some(source) = source {
                    listed.push(ListedConstraint::Pattern(source.clone()));
                }
                if c.blob_checked() {
                    listed.extend(lengths(c.min_bytes, c.max_bytes));
                }
            }
            ShapeKind::Integer(_)
                if !key && (c.minimum.is_some() || c.maximum.is_some() || c.int_enum.is_some()) =>
            {
                listed.extend(ListedConstraint::int_range(Bounds {
                    min: c.minimum.map(Bound::as_int),
                    max: c.maximum.map(Bound::as_int),
                }));
                if let Some(values) = &c.int_enum {
                    let names = values.iter().map(i64::to_string).collect();
                    listed.push(ListedConstraint::Values(names));
                }
            }
            ShapeKind::Number(_) if !key && (c.minimum.is_some() || c.maximum.is_some()) => {
                let bounds = Bounds {
                    min: c.minimum.map(Bound::as_float),
                    max: c.maximum.map(Bound::as_float),
                };
                listed.extend(ListedConstraint::float_range(bounds, c.exclusive));
            }
            ShapeKind::List(_) | ShapeKind::Map(_)
                if !key && (c.min_len.is_some() || c.max_len.is_some()) =>
            {
                listed.extend(lengths(c.min_len, c.max_len));
            }
            ShapeKind::Named(id) if matches!(self.ty(*id).kind, TypeKind::Enum(_)) => {
                listed.push(ListedConstraint::EnumValues(*id));
            }
            _ => return None,
        }
        Some(listed)
    }
}
