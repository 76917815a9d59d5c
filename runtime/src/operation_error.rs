//! [`operation_error!`](crate::operation_error): the error enum of one operation of a
//! generated AWS JSON crate.

/// Writes the error enum of one operation in the `errors` module of a generated AWS JSON
/// crate: one variant per exception the operation lists, plus `Unhandled(super::Error)` for
/// any other, with `code`, `message`, `http_status` and `to_json`, conversions from every
/// exception and from and into `super::Error`, `Display` and `std::error::Error`.
///
/// Each variant holds the exception of its own name in `super::types`, or the one named in
/// parentheses (`Unknown2(Unknown)`). The invoking module must sit beside `types`, the
/// crate's `Error` and its `Exception` trait, as a generated `errors` module does: every
/// conversion and method goes through `super::Exception`.
///
/// ```
/// mod service {
///     pub mod types {
///         #[derive(Clone, Debug, PartialEq)]
///         pub struct NotFound {
///             pub message: Option<String>,
///         }
///     }
///
///     #[derive(Clone, Debug, PartialEq)]
///     pub enum Error {
///         NotFound(types::NotFound),
///         Unknown { code: String, message: Option<String> },
///     }
///
///     impl Error {
///         pub fn code(&self) -> &str {
///             match self {
///                 Self::NotFound(_) => "NotFound",
///                 Self::Unknown { code, .. } => code,
///             }
///         }
///         pub fn message(&self) -> Option<&str> {
///             match self {
///                 Self::NotFound(e) => e.message.as_deref(),
///                 Self::Unknown { message, .. } => message.as_deref(),
///             }
///         }
///         pub fn http_status(&self) -> u16 {
///             specgen_runtime::error_code::status_for(self.code())
///         }
///         pub fn to_json(&self) -> Vec<u8> {
///             specgen_runtime::error_code::to_json(self.code(), self.message())
///         }
///     }
///
///     pub trait Exception {
///         const CODE: &'static str;
///         const HTTP_STATUS: u16;
///         fn into_error(self) -> Error;
///         fn from_error(error: Error) -> Result<Self, Error>
///         where
///             Self: Sized;
///         fn to_json(&self) -> Vec<u8>;
///     }
///
///     impl Exception for types::NotFound {
///         const CODE: &'static str = "NotFound";
///         const HTTP_STATUS: u16 = 404;
///         fn into_error(self) -> Error {
///             Error::NotFound(self)
///         }
///         fn from_error(error: Error) -> Result<Self, Error> {
///             match error {
///                 Error::NotFound(e) => Ok(e),
///                 other => Err(other),
///             }
///         }
///         fn to_json(&self) -> Vec<u8> {
///             specgen_runtime::error_code::to_json(Self::CODE, self.message.as_deref())
///         }
///     }
///
///     pub mod errors {
///         specgen_runtime::operation_error!(GetItemError for "GetItem" => NotFound);
///     }
/// }
///
/// use service::{Error, errors::GetItemError, types::NotFound};
///
/// let listed = GetItemError::from(NotFound { message: Some("no such item".into()) });
/// assert!(matches!(listed, GetItemError::NotFound(_)));
/// assert_eq!(listed.to_string(), "NotFound: no such item");
/// assert_eq!(listed.http_status(), 404);
/// assert_eq!(listed.to_json(), br#"{"__type":"NotFound","message":"no such item"}"#);
///
/// let other = GetItemError::from(Error::Unknown { code: "Throttled".into(), message: None });
/// assert!(matches!(other, GetItemError::Unhandled(_)));
/// assert_eq!((other.code(), other.http_status()), ("Throttled", 400));
/// assert_eq!(Error::from(other).code(), "Throttled");
/// ```
#[macro_export]
macro_rules! operation_error {
    (@type $variant:ident) => { super::types::$variant };
    (@type $variant:ident $ty:ident) => { super::types::$ty };
    ($name:ident for $operation:literal => $($variant:ident $(($ty:ident))?),* $(,)?) => {
        #[doc = ::core::concat!(
            "The errors of `", $operation, "`: the exceptions the spec lists for it, and ",
            "`Unhandled` for any other."
        )]
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum $name {
            $(
                #[doc = ::core::concat!("`", ::core::stringify!($variant), "`.")]
                $variant($crate::operation_error!(@type $variant $($ty)?)),
            )*
            #[doc = ::core::concat!(
                "An error the spec does not list for `", $operation, "` (or an unknown code)."
            )]
            Unhandled(super::Error),
        }

        // Glue, inlined where used: a crate with a hundred operations does not compile
        // four hundred functions nobody calls.
        impl $name {
            /// The error code.
            #[inline]
            pub fn code(&self) -> &str {
                match self {
                    $(Self::$variant(_) => {
                        <$crate::operation_error!(@type $variant $($ty)?) as super::Exception>::CODE
                    })*
                    Self::Unhandled(error) => error.code(),
                }
            }

            /// The message, if any.
            #[inline]
            pub fn message(&self) -> ::core::option::Option<&str> {
                match self {
                    $(Self::$variant(error) => error.message.as_deref(),)*
                    Self::Unhandled(error) => error.message(),
                }
            }

            /// The HTTP status the service answers it with (see `Error::http_status`).
            #[inline]
            pub fn http_status(&self) -> u16 {
                match self {
                    $(Self::$variant(_) => {
                        <$crate::operation_error!(@type $variant $($ty)?) as super::Exception>::HTTP_STATUS
                    })*
                    Self::Unhandled(error) => error.http_status(),
                }
            }

            /// The wire body: `{"__type":"<Code>","message":"..."}`.
            #[inline]
            pub fn to_json(&self) -> ::std::vec::Vec<u8> {
                match self {
                    $(Self::$variant(error) => super::Exception::to_json(error),)*
                    Self::Unhandled(error) => error.to_json(),
                }
            }
        }

        // Any exception converts: a listed one into its variant, another into `Unhandled`.
        // One generic impl per operation, not one per listed exception.
        impl<E: super::Exception> ::core::convert::From<E> for $name {
            #[inline]
            fn from(error: E) -> Self {
                Self::from(error.into_error())
            }
        }

        impl ::core::convert::From<super::Error> for $name {
            #[inline]
            fn from(error: super::Error) -> Self {
                $(
                    let error = match <$crate::operation_error!(@type $variant $($ty)?) as super::Exception>::from_error(error) {
                        ::core::result::Result::Ok(exception) => return Self::$variant(exception),
                        ::core::result::Result::Err(other) => other,
                    };
                )*
                Self::Unhandled(error)
            }
        }

        impl ::core::convert::From<$name> for super::Error {
            #[inline]
            fn from(error: $name) -> Self {
                match error {
                    $($name::$variant(exception) => super::Exception::into_error(exception),)*
                    $name::Unhandled(error) => error,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.message() {
                    ::core::option::Option::Some(message) => {
                        ::core::write!(f, "{}: {message}", self.code())
                    }
                    ::core::option::Option::None => f.write_str(self.code()),
                }
            }
        }

        impl ::std::error::Error for $name {}
    };
}
