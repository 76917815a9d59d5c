//! The model: what one value's checks are.

/// Integer widths: an integer value is an `i32` or an `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntWidth {
    /// `format: int32`.
    I32,
    /// Default.
    I64,
}

/// Float widths: a number is an `f32` or an `f64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatWidth {
    /// `format: float`.
    F32,
    /// Default and `format: double`.
    F64,
}

/// A string constraint set (lengths, pattern, sensitivity: a `check::StrRules` static),
/// resolved by [`Statics::string_rule`](crate::Statics::string_rule). The generator numbers
/// them in its list of sets (`Checks::strings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StringRuleId(pub usize);

/// The constraints of an element shape as a message lists them (a `[Constraint; n]`
/// static), resolved by [`Statics::list`](crate::Statics::list). The generator numbers them
/// in its list of constraint lists (`Checks::lists`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConstraintListId(pub usize);

/// Index of a type in the generator's `Api::types`. In the model it names a string enum,
/// whose known values [`Statics::enum_values`](crate::Statics::enum_values) resolves; the
/// derive, which has no such list, numbers its own sets of values with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// A place in the derive's input (a field's type or an element's), numbered by the derive,
/// which [`Statics::at`](crate::Statics::at) resolves to a span: code about a value is
/// spanned there so that a type error points at the type. Spans stay out of the model,
/// which compares checks; the generator, with no input tokens, never builds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId(pub usize);

/// Inclusive bounds, either of which may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bounds<T> {
    /// The smallest allowed.
    pub min: Option<T>,
    /// The largest allowed.
    pub max: Option<T>,
}

/// Which bounds of a number a value must not reach (OpenAPI's `exclusiveMinimum` and
/// `exclusiveMaximum`). Integer bounds never are: lowering moves them by one instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exclusive {
    /// Values must be greater than the minimum.
    pub min: bool,
    /// Values must be less than the maximum.
    pub max: bool,
}

impl Exclusive {
    /// Whether either bound is exclusive.
    pub fn any(self) -> bool {
        self.min || self.max
    }
}

/// Which collection a check of elements goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    /// The items of a list (a `Vec`), at `path[i]`.
    List,
    /// The values of a map, each at its own path (`path.map_value(i)`).
    Map,
    /// Derive only: the values of a map, as [`Collection::Map`], read with `values()`
    /// spanned at the map's type.
    MapAt(SiteId),
    /// Derive only: the items of a collection the derive cannot see (any type whose
    /// reference iterates its items), at `path[i]`, read with `IntoIterator::into_iter`
    /// spanned at its type.
    Opaque(SiteId),
}

/// One check of a value, as the generated code performs it (a `check::` call, a
/// `Validate` call or a loop over elements). A value's checks are a list of these, run in
/// order: its own constraints first, then what is inside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// A string's length and pattern: `check::string` with a shared constraint set.
    String(StringRuleId),
    /// A blob's size in bytes (`check::blob_length`), not the base64 text's.
    BlobLength(Bounds<u64>),
    /// An integer's range (`check::int`), compared as an `i64`.
    Int {
        /// The Rust type of the value.
        width: IntWidth,
        /// The range.
        bounds: Bounds<i64>,
    },
    /// An integer's allowed values (`check::int_enum`).
    IntEnum {
        /// The Rust type of the value.
        width: IntWidth,
        /// The allowed values, in spec order.
        values: Vec<i64>,
    },
    /// A number's range (`check::float`, or `check::float32` in `f32` precision;
    /// `check::float_between` when a bound is exclusive).
    Float {
        /// The Rust type of the value.
        width: FloatWidth,
        /// The range and which of its bounds the value must not reach.
        test: FloatTest,
    },
    /// A list's or map's number of items: `check::list_length` when the list is shown in
    /// the message (`shown`, how each item is written), else `check::length`.
    Size {
        /// Fewest and most items.
        bounds: Bounds<u64>,
        /// How a shown list writes its items; `None` for maps and lists not shown.
        shown: Option<Shown>,
        /// Derive only: the collection's type, where the `len()` call is spanned.
        site: Option<SiteId>,
    },
    /// A string enum's value is a known one (the enum's own `Validate`).
    Enum,
    /// Every key of a map meets the constraints of the key shape, checked together at the
    /// map's path (`check::members_hidden` with `Constraint::MapKey`).
    Keys {
        /// The test of one key and the constraints it lists.
        check: ElementCheck,
        /// Derive only: the map's type, where the `keys()` call is spanned.
        site: Option<SiteId>,
    },
    /// Every element of a list (or value of a map) meets the constraints of its own shape,
    /// checked together at the collection's path: `check::members` when the list is shown
    /// (`shown`), else `check::members_hidden`.
    Elements {
        /// A list's elements or a map's values.
        of: Collection,
        /// The test and the constraints it lists.
        check: ElementCheck,
        /// How a shown list writes its items; `None` for maps and lists not shown.
        shown: Option<Shown>,
    },
    /// What is inside each element (each item of a list, each value of a map), at the
    /// element's own path: a loop running these checks on every element.
    Each {
        /// A list's elements or a map's values.
        of: Collection,
        /// The checks of one element (never its own constraints: [`Check::Elements`]
        /// checks those).
        checks: Vec<Check>,
    },
    /// The members a structure keeps beyond its declared ones (a map of undeclared
    /// properties, `additionalProperties`): each value checked at `parent.<key>`.
    Undeclared(Vec<Check>),
    /// A structure or union checking its members (`Validate::validate_at`).
    Nested {
        /// Only in deep checks (`errors.deep()`): a checking reader has checked the value
        /// already, as it read it.
        deep_only: bool,
    },
    /// Derive only: a string held as any `AsRef<str>` type, checked as
    /// [`Check::String`] is.
    StrRef {
        /// The string constraint set.
        rule: StringRuleId,
        /// The value's type, where the `AsRef` call is spanned.
        site: SiteId,
    },
    /// Derive only: an integer of a type that converts to `i64` without loss (`i64::from`),
    /// its range and allowed values checked in one block so that a type error (the derive
    /// cannot always see the type) is reported once.
    IntFrom {
        /// The range and the allowed values.
        test: IntTest,
        /// The value's type, where the conversion is spanned.
        site: SiteId,
    },
    /// Derive only: an integer of a type wider than `i64` (`u64`, `i128`, `usize`, …). A
    /// value beyond `i64` is above every maximum or below every minimum, and in no integer
    /// enum: it is reported with its own digits.
    IntWide(IntTest),
    /// Derive only: an `Option`, its value checked when present; with `required`, a
    /// `None` is reported as missing (`check::missing`).
    Optional {
        /// Whether the member is required.
        required: bool,
        /// The checks of the value inside.
        checks: Vec<Check>,
    },
    /// Derive only: a pointer (`Box`, `Rc`, `Arc`, a reference), its target checked.
    Deref(Vec<Check>),
    /// Derive only: a value checking itself (`Validate::validate_at`), the call spanned
    /// at `site` so that a type without `Validate` is reported at it.
    NestedAt(SiteId),
    /// Derive only: a string (any `AsRef<str>` type) holding a value of a string enum,
    /// one of the known values `values` names (a set the derive numbers with [`TypeId`]);
    /// another is reported with them (`check::unknown_enum`).
    StrEnum {
        /// The known values.
        values: TypeId,
        /// The value's type, where the `AsRef` call is spanned.
        site: SiteId,
    },
    /// Derive only: a number of a type that converts to `f64` (`f64::from`), the
    /// derive seeing neither `f32` nor `f64`.
    FloatFrom {
        /// The range and which of its bounds the value must not reach.
        test: FloatTest,
        /// The value's type, where the conversion is spanned.
        site: SiteId,
    },
}

/// What an integer must meet, each part when present: [`ElementTest::Int`], and for the
/// derive [`Check::IntFrom`], [`Check::IntWide`] and the element tests of the same names.
#[derive(Debug, Clone, PartialEq)]
pub struct IntTest {
    /// The range, when there is one.
    pub bounds: Option<Bounds<i64>>,
    /// The allowed values, when there are some.
    pub values: Option<Vec<i64>>,
}

/// What a number must meet: [`Check::Float`], [`ElementTest::Float`], and for the derive
/// [`Check::FloatFrom`] and [`ElementTest::FloatFrom`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FloatTest {
    /// The range.
    pub bounds: Bounds<f64>,
    /// Which bounds the value must not reach.
    pub exclusive: Exclusive,
}

/// How elements are judged against the constraints of their own shape, for
/// [`Check::Keys`] and [`Check::Elements`].
#[derive(Debug, Clone, PartialEq)]
pub struct ElementCheck {
    /// Whether one element meets them.
    pub test: ElementTest,
    /// The static listing them, for the message.
    pub list: ConstraintListId,
}

/// The test of one element against the constraints of its shape.
#[derive(Debug, Clone, PartialEq)]
pub enum ElementTest {
    /// A string (or a map key): its string constraint set and its blob size, each tested
    /// when present (`check::string_ok`, `check::blob_ok`).
    String {
        /// The string constraint set.
        rule: Option<StringRuleId>,
        /// The blob's size in bytes.
        blob: Option<Bounds<u64>>,
    },
    /// An integer: its range (`check::int_ok`) and its allowed values, each tested when
    /// present.
    Int {
        /// The Rust type of the value.
        width: IntWidth,
        /// The range and the allowed values.
        test: IntTest,
    },
    /// A number's range (`check::float_ok`, `check::float32_ok`).
    Float {
        /// The Rust type of the value.
        width: FloatWidth,
        /// The range and which of its bounds the value must not reach.
        test: FloatTest,
    },
    /// A list's or map's number of items (`check::length_ok`).
    Size {
        /// Fewest and most items.
        bounds: Bounds<u64>,
        /// Derive only: the element's type, where the `len()` call is spanned.
        site: Option<SiteId>,
    },
    /// A map key that must be a known value of a string enum.
    EnumKey(TypeId),
    /// A value of a string enum, which knows whether it is a known one (`check::passes`).
    EnumValue,
    /// Derive only: a string held as any `AsRef<str>` type, tested against its string
    /// constraint set (`check::string_ok`).
    StrRef {
        /// The string constraint set.
        rule: StringRuleId,
        /// The element's type, where the `AsRef` call is spanned.
        site: SiteId,
    },
    /// Derive only: a string (any `AsRef<str>` type) that must be one of the known values
    /// `values` names (a set the derive numbers with [`TypeId`]).
    StrEnum {
        /// The known values.
        values: TypeId,
        /// The element's type, where the `AsRef` call is spanned.
        site: SiteId,
    },
    /// Derive only: an integer of a type that converts to `i64` without loss
    /// (`i64::from`): its range and its allowed values, each tested when present.
    IntFrom {
        /// The range and the allowed values.
        test: IntTest,
        /// The element's type, where the conversion is spanned.
        site: SiteId,
    },
    /// Derive only: an integer of a type wider than `i64`: one beyond `i64` fails, one
    /// within it is tested as [`ElementTest::IntFrom`] tests.
    IntWide(IntTest),
    /// Derive only: a number of a type that converts to `f64` (`f64::from`), its range.
    FloatFrom {
        /// The range and which of its bounds the value must not reach.
        test: FloatTest,
        /// The element's type, where the conversion is spanned.
        site: SiteId,
    },
    /// Derive only: a value checking itself (`Validate`), which passes when it reports
    /// nothing (`check::passes`, the call spanned at the element's type).
    PassesAt(SiteId),
    /// Derive only: a pointer (`Box`, `Rc`, `Arc`, a reference), its target tested.
    Deref(Box<ElementTest>),
}

/// How a shown list writes one item in a message, as Java prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A string, as it is (`check::show_str`).
    Str,
    /// A number or boolean, as `Display` writes it (`check::show_display`).
    Display,
    /// A string enum, as its wire value.
    EnumStr,
    /// A list, as `[a, b]`, each item written the given way (`check::show_nested`).
    Nested(Box<Shown>),
    /// Derive only: a string held as any `AsRef<str>` type, as it is, the `AsRef` call
    /// spanned at the element's type.
    StrRef(SiteId),
    /// Derive only: a value of a type the derive cannot see (a string enum), as `Display`
    /// writes it, the call spanned at the element's type.
    DisplayAt(SiteId),
    /// Derive only: a pointer (`Box`, `Rc`, `Arc`, a reference), its target written.
    Deref(Box<Shown>),
}

/// A numeric bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// On an integer.
    Int(i64),
    /// On a number.
    Float(f64),
}

impl Bound {
    /// The bound on an integer (one written as a number is cut to an integer).
    pub fn as_int(self) -> i64 {
        match self {
            Bound::Int(v) => v,
            Bound::Float(v) => v as i64,
        }
    }

    /// The bound on a number.
    pub fn as_float(self) -> f64 {
        match self {
            Bound::Int(v) => v as f64,
            Bound::Float(v) => v,
        }
    }
}

/// One constraint of an element shape as a message lists it (an `rt::Constraint`); the
/// generator keeps lists of them in its `ConstraintList`s.
#[derive(Debug, Clone, PartialEq)]
pub enum ListedConstraint {
    /// Most characters, items or bytes.
    MaxLength(u64),
    /// Fewest characters, items or bytes.
    MinLength(u64),
    /// A pattern, as the spec writes it (also one generated code cannot check: AWS lists
    /// it all the same).
    Pattern(String),
    /// Largest value.
    Maximum(Bound),
    /// Smallest value.
    Minimum(Bound),
    /// The bound values must be greater than (an exclusive minimum).
    Above(Bound),
    /// The bound values must be less than (an exclusive maximum).
    Below(Bound),
    /// The values of an integer enum, as text (or of a string enum the derive sees as
    /// strings).
    Values(Vec<String>),
    /// The values of a string enum type.
    EnumValues(TypeId),
}

impl ListedConstraint {
    /// An integer's range as a message lists it: the maximum first, then the minimum.
    pub fn int_range(bounds: Bounds<i64>) -> impl Iterator<Item = ListedConstraint> {
        let max = bounds.max.map(|m| ListedConstraint::Maximum(Bound::Int(m)));
        let min = bounds.min.map(|m| ListedConstraint::Minimum(Bound::Int(m)));
        max.into_iter().chain(min)
    }

    /// A number's range as a message lists it: the maximum first, then the minimum, each
    /// exclusive or not.
    pub fn float_range(
        bounds: Bounds<f64>,
        exclusive: Exclusive,
    ) -> impl Iterator<Item = ListedConstraint> {
        let max = bounds.max.map(|m| match exclusive.max {
            true => ListedConstraint::Below(Bound::Float(m)),
            false => ListedConstraint::Maximum(Bound::Float(m)),
        });
        let min = bounds.min.map(|m| match exclusive.min {
            true => ListedConstraint::Above(Bound::Float(m)),
            false => ListedConstraint::Minimum(Bound::Float(m)),
        });
        max.into_iter().chain(min)
    }
}
