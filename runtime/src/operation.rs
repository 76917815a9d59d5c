//! Operation metadata shared by generated `Operation` enums.

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// In the path template (`/users/{id}`).
    Path,
    /// In the query string.
    Query,
    /// In a header.
    Header,
    /// In a cookie.
    Cookie,
}

/// A parameter of an operation outside its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parameter {
    /// The wire name.
    pub name: &'static str,
    /// Where it travels.
    pub location: Location,
    /// Whether the operation requires it.
    pub required: bool,
}
