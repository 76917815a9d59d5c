//! `SignUpRequest` mirrored with `garde` derives: the same members as [`crate::plain`] and
//! the spec's constraints (length in Unicode scalar values, full-match patterns in the same
//! ASCII-`\w` dialect as `cognito_idp`, nested types through `dive`).
//!
//! Patterns are compiled once, lazily, like `cognito_idp`'s.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use garde::Validate;
use regex::Regex;
use serde::Deserialize;

fn regex(translated: &str) -> Regex {
    Regex::new(translated).expect("pattern compiles")
}

/// `ClientIdType`: `[\w+]+`.
static CLIENT_ID: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:[0-9A-Za-z_+]+)$"));
/// `SecretHashType`: `[\w+=/]+`.
static SECRET_HASH: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:[0-9A-Za-z_+=/]+)$"));
/// `UsernameType` and `AttributeNameType`: `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`.
static PRINTABLE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}]+)$"));
/// `PasswordType`: `[\S]+` (Java's ASCII `\S`).
static PASSWORD: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:[[^ \t\n\x0B\f\r]]+)$"));

/// `StringType`: at most 131072 characters.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(transparent)]
#[garde(transparent)]
pub struct StringType(#[garde(length(chars, max = 131072))] pub String);

/// Mirror of `AttributeType`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct AttributeType {
    /// `Name` (required): 1 to 32 characters, printable.
    #[serde(rename = "Name")]
    #[garde(length(chars, min = 1, max = 32), pattern(PRINTABLE))]
    pub name: String,
    /// `Value`: at most 2048 characters.
    #[serde(rename = "Value")]
    #[garde(length(chars, max = 2048))]
    pub value: Option<String>,
}

/// Mirror of `AnalyticsMetadataType`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct AnalyticsMetadataType {
    /// `AnalyticsEndpointId`.
    #[serde(rename = "AnalyticsEndpointId")]
    #[garde(dive)]
    pub analytics_endpoint_id: Option<StringType>,
}

/// Mirror of `UserContextDataType`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct UserContextDataType {
    /// `IpAddress`.
    #[serde(rename = "IpAddress")]
    #[garde(dive)]
    pub ip_address: Option<StringType>,
    /// `EncodedData`.
    #[serde(rename = "EncodedData")]
    #[garde(dive)]
    pub encoded_data: Option<StringType>,
}

/// Mirror of `SignUpRequest`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct SignUpRequest {
    /// `ClientId` (required).
    #[serde(rename = "ClientId")]
    #[garde(length(chars, min = 1, max = 128), pattern(CLIENT_ID))]
    pub client_id: String,
    /// `SecretHash`.
    #[serde(rename = "SecretHash")]
    #[garde(length(chars, min = 1, max = 128), pattern(SECRET_HASH))]
    pub secret_hash: Option<String>,
    /// `Username` (required).
    #[serde(rename = "Username")]
    #[garde(length(chars, min = 1, max = 128), pattern(PRINTABLE))]
    pub username: String,
    /// `Password` (required).
    #[serde(rename = "Password")]
    #[garde(length(chars, max = 256), pattern(PASSWORD))]
    pub password: String,
    /// `UserAttributes`.
    #[serde(rename = "UserAttributes")]
    #[garde(dive)]
    pub user_attributes: Option<Vec<AttributeType>>,
    /// `ValidationData`.
    #[serde(rename = "ValidationData")]
    #[garde(dive)]
    pub validation_data: Option<Vec<AttributeType>>,
    /// `AnalyticsMetadata`.
    #[serde(rename = "AnalyticsMetadata")]
    #[garde(dive)]
    pub analytics_metadata: Option<AnalyticsMetadataType>,
    /// `UserContextData`.
    #[serde(rename = "UserContextData")]
    #[garde(dive)]
    pub user_context_data: Option<UserContextDataType>,
    /// `ClientMetadata`.
    #[serde(rename = "ClientMetadata")]
    #[garde(dive)]
    pub client_metadata: Option<BTreeMap<String, StringType>>,
}
