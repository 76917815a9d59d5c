//! Plain serde mirrors of the benchmarked Cognito requests: the baseline of the request
//! benchmarks.
//!
//! Each type mirrors one schema of `tests/fixtures/cognito-idp-apisguru.json` member for member,
//! nested types included, with `#[serde(rename)]` to the wire names and `Option` for optional
//! members, and nothing else: no validation, no `null` handling beyond serde's, string
//! enums as closed Rust enums, maps as `BTreeMap` (as in `cognito_idp`). Aliases of
//! primitives are written as the primitive.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Mirror of `AttributeType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AttributeType {
    /// `Name` (required).
    #[serde(rename = "Name")]
    pub name: String,
    /// `Value`.
    #[serde(rename = "Value")]
    pub value: Option<String>,
}

/// Mirror of `AnalyticsMetadataType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AnalyticsMetadataType {
    /// `AnalyticsEndpointId`.
    #[serde(rename = "AnalyticsEndpointId")]
    pub analytics_endpoint_id: Option<String>,
}

/// Mirror of `UserContextDataType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserContextDataType {
    /// `IpAddress`.
    #[serde(rename = "IpAddress")]
    pub ip_address: Option<String>,
    /// `EncodedData`.
    #[serde(rename = "EncodedData")]
    pub encoded_data: Option<String>,
}

/// Mirror of `SignUpRequest`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SignUpRequest {
    /// `ClientId` (required).
    #[serde(rename = "ClientId")]
    pub client_id: String,
    /// `SecretHash`.
    #[serde(rename = "SecretHash")]
    pub secret_hash: Option<String>,
    /// `Username` (required).
    #[serde(rename = "Username")]
    pub username: String,
    /// `Password` (required).
    #[serde(rename = "Password")]
    pub password: String,
    /// `UserAttributes`.
    #[serde(rename = "UserAttributes")]
    pub user_attributes: Option<Vec<AttributeType>>,
    /// `ValidationData`.
    #[serde(rename = "ValidationData")]
    pub validation_data: Option<Vec<AttributeType>>,
    /// `AnalyticsMetadata`.
    #[serde(rename = "AnalyticsMetadata")]
    pub analytics_metadata: Option<AnalyticsMetadataType>,
    /// `UserContextData`.
    #[serde(rename = "UserContextData")]
    pub user_context_data: Option<UserContextDataType>,
    /// `ClientMetadata`.
    #[serde(rename = "ClientMetadata")]
    pub client_metadata: Option<BTreeMap<String, String>>,
}

/// Mirror of `MessageActionType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum MessageActionType {
    /// `RESEND`.
    #[serde(rename = "RESEND")]
    Resend,
    /// `SUPPRESS`.
    #[serde(rename = "SUPPRESS")]
    Suppress,
}

/// Mirror of `DeliveryMediumType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum DeliveryMediumType {
    /// `SMS`.
    #[serde(rename = "SMS")]
    Sms,
    /// `EMAIL`.
    #[serde(rename = "EMAIL")]
    Email,
}

/// Mirror of `AdminCreateUserRequest`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AdminCreateUserRequest {
    /// `UserPoolId` (required).
    #[serde(rename = "UserPoolId")]
    pub user_pool_id: String,
    /// `Username` (required).
    #[serde(rename = "Username")]
    pub username: String,
    /// `UserAttributes`.
    #[serde(rename = "UserAttributes")]
    pub user_attributes: Option<Vec<AttributeType>>,
    /// `ValidationData`.
    #[serde(rename = "ValidationData")]
    pub validation_data: Option<Vec<AttributeType>>,
    /// `TemporaryPassword`.
    #[serde(rename = "TemporaryPassword")]
    pub temporary_password: Option<String>,
    /// `ForceAliasCreation`.
    #[serde(rename = "ForceAliasCreation")]
    pub force_alias_creation: Option<bool>,
    /// `MessageAction`.
    #[serde(rename = "MessageAction")]
    pub message_action: Option<MessageActionType>,
    /// `DesiredDeliveryMediums`.
    #[serde(rename = "DesiredDeliveryMediums")]
    pub desired_delivery_mediums: Option<Vec<DeliveryMediumType>>,
    /// `ClientMetadata`.
    #[serde(rename = "ClientMetadata")]
    pub client_metadata: Option<BTreeMap<String, String>>,
}

/// Mirror of `PasswordPolicyType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PasswordPolicyType {
    /// `MinimumLength`.
    #[serde(rename = "MinimumLength")]
    pub minimum_length: Option<i64>,
    /// `RequireUppercase`.
    #[serde(rename = "RequireUppercase")]
    pub require_uppercase: Option<bool>,
    /// `RequireLowercase`.
    #[serde(rename = "RequireLowercase")]
    pub require_lowercase: Option<bool>,
    /// `RequireNumbers`.
    #[serde(rename = "RequireNumbers")]
    pub require_numbers: Option<bool>,
    /// `RequireSymbols`.
    #[serde(rename = "RequireSymbols")]
    pub require_symbols: Option<bool>,
    /// `TemporaryPasswordValidityDays`.
    #[serde(rename = "TemporaryPasswordValidityDays")]
    pub temporary_password_validity_days: Option<i64>,
}

/// Mirror of `UserPoolPolicyType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserPoolPolicyType {
    /// `PasswordPolicy`.
    #[serde(rename = "PasswordPolicy")]
    pub password_policy: Option<PasswordPolicyType>,
}

/// Mirror of `DeletionProtectionType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum DeletionProtectionType {
    /// `ACTIVE`.
    #[serde(rename = "ACTIVE")]
    Active,
    /// `INACTIVE`.
    #[serde(rename = "INACTIVE")]
    Inactive,
}

/// Mirror of `CustomSMSSenderLambdaVersionType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum CustomSMSSenderLambdaVersionType {
    /// `V1_0`.
    #[serde(rename = "V1_0")]
    V10,
}

/// Mirror of `CustomSMSLambdaVersionConfigType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CustomSMSLambdaVersionConfigType {
    /// `LambdaVersion` (required).
    #[serde(rename = "LambdaVersion")]
    pub lambda_version: CustomSMSSenderLambdaVersionType,
    /// `LambdaArn` (required).
    #[serde(rename = "LambdaArn")]
    pub lambda_arn: String,
}

/// Mirror of `CustomEmailSenderLambdaVersionType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum CustomEmailSenderLambdaVersionType {
    /// `V1_0`.
    #[serde(rename = "V1_0")]
    V10,
}

/// Mirror of `CustomEmailLambdaVersionConfigType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CustomEmailLambdaVersionConfigType {
    /// `LambdaVersion` (required).
    #[serde(rename = "LambdaVersion")]
    pub lambda_version: CustomEmailSenderLambdaVersionType,
    /// `LambdaArn` (required).
    #[serde(rename = "LambdaArn")]
    pub lambda_arn: String,
}

/// Mirror of `LambdaConfigType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LambdaConfigType {
    /// `PreSignUp`.
    #[serde(rename = "PreSignUp")]
    pub pre_sign_up: Option<String>,
    /// `CustomMessage`.
    #[serde(rename = "CustomMessage")]
    pub custom_message: Option<String>,
    /// `PostConfirmation`.
    #[serde(rename = "PostConfirmation")]
    pub post_confirmation: Option<String>,
    /// `PreAuthentication`.
    #[serde(rename = "PreAuthentication")]
    pub pre_authentication: Option<String>,
    /// `PostAuthentication`.
    #[serde(rename = "PostAuthentication")]
    pub post_authentication: Option<String>,
    /// `DefineAuthChallenge`.
    #[serde(rename = "DefineAuthChallenge")]
    pub define_auth_challenge: Option<String>,
    /// `CreateAuthChallenge`.
    #[serde(rename = "CreateAuthChallenge")]
    pub create_auth_challenge: Option<String>,
    /// `VerifyAuthChallengeResponse`.
    #[serde(rename = "VerifyAuthChallengeResponse")]
    pub verify_auth_challenge_response: Option<String>,
    /// `PreTokenGeneration`.
    #[serde(rename = "PreTokenGeneration")]
    pub pre_token_generation: Option<String>,
    /// `UserMigration`.
    #[serde(rename = "UserMigration")]
    pub user_migration: Option<String>,
    /// `CustomSMSSender`.
    #[serde(rename = "CustomSMSSender")]
    pub custom_sms_sender: Option<CustomSMSLambdaVersionConfigType>,
    /// `CustomEmailSender`.
    #[serde(rename = "CustomEmailSender")]
    pub custom_email_sender: Option<CustomEmailLambdaVersionConfigType>,
    /// `KMSKeyID`.
    #[serde(rename = "KMSKeyID")]
    pub kms_key_id: Option<String>,
}

/// Mirror of `VerifiedAttributeType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum VerifiedAttributeType {
    /// `phone_number`.
    #[serde(rename = "phone_number")]
    PhoneNumber,
    /// `email`.
    #[serde(rename = "email")]
    Email,
}

/// Mirror of `AliasAttributeType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum AliasAttributeType {
    /// `phone_number`.
    #[serde(rename = "phone_number")]
    PhoneNumber,
    /// `email`.
    #[serde(rename = "email")]
    Email,
    /// `preferred_username`.
    #[serde(rename = "preferred_username")]
    PreferredUsername,
}

/// Mirror of `UsernameAttributeType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum UsernameAttributeType {
    /// `phone_number`.
    #[serde(rename = "phone_number")]
    PhoneNumber,
    /// `email`.
    #[serde(rename = "email")]
    Email,
}

/// Mirror of `DefaultEmailOptionType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum DefaultEmailOptionType {
    /// `CONFIRM_WITH_LINK`.
    #[serde(rename = "CONFIRM_WITH_LINK")]
    ConfirmWithLink,
    /// `CONFIRM_WITH_CODE`.
    #[serde(rename = "CONFIRM_WITH_CODE")]
    ConfirmWithCode,
}

/// Mirror of `VerificationMessageTemplateType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct VerificationMessageTemplateType {
    /// `SmsMessage`.
    #[serde(rename = "SmsMessage")]
    pub sms_message: Option<String>,
    /// `EmailMessage`.
    #[serde(rename = "EmailMessage")]
    pub email_message: Option<String>,
    /// `EmailSubject`.
    #[serde(rename = "EmailSubject")]
    pub email_subject: Option<String>,
    /// `EmailMessageByLink`.
    #[serde(rename = "EmailMessageByLink")]
    pub email_message_by_link: Option<String>,
    /// `EmailSubjectByLink`.
    #[serde(rename = "EmailSubjectByLink")]
    pub email_subject_by_link: Option<String>,
    /// `DefaultEmailOption`.
    #[serde(rename = "DefaultEmailOption")]
    pub default_email_option: Option<DefaultEmailOptionType>,
}

/// Mirror of `UserPoolMfaType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum UserPoolMfaType {
    /// `OFF`.
    #[serde(rename = "OFF")]
    Off,
    /// `ON`.
    #[serde(rename = "ON")]
    On,
    /// `OPTIONAL`.
    #[serde(rename = "OPTIONAL")]
    Optional,
}

/// Mirror of `UserAttributeUpdateSettingsType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserAttributeUpdateSettingsType {
    /// `AttributesRequireVerificationBeforeUpdate`.
    #[serde(rename = "AttributesRequireVerificationBeforeUpdate")]
    pub attributes_require_verification_before_update: Option<Vec<VerifiedAttributeType>>,
}

/// Mirror of `DeviceConfigurationType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeviceConfigurationType {
    /// `ChallengeRequiredOnNewDevice`.
    #[serde(rename = "ChallengeRequiredOnNewDevice")]
    pub challenge_required_on_new_device: Option<bool>,
    /// `DeviceOnlyRememberedOnUserPrompt`.
    #[serde(rename = "DeviceOnlyRememberedOnUserPrompt")]
    pub device_only_remembered_on_user_prompt: Option<bool>,
}

/// Mirror of `EmailSendingAccountType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum EmailSendingAccountType {
    /// `COGNITO_DEFAULT`.
    #[serde(rename = "COGNITO_DEFAULT")]
    CognitoDefault,
    /// `DEVELOPER`.
    #[serde(rename = "DEVELOPER")]
    Developer,
}

/// Mirror of `EmailConfigurationType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EmailConfigurationType {
    /// `SourceArn`.
    #[serde(rename = "SourceArn")]
    pub source_arn: Option<String>,
    /// `ReplyToEmailAddress`.
    #[serde(rename = "ReplyToEmailAddress")]
    pub reply_to_email_address: Option<String>,
    /// `EmailSendingAccount`.
    #[serde(rename = "EmailSendingAccount")]
    pub email_sending_account: Option<EmailSendingAccountType>,
    /// `From`.
    #[serde(rename = "From")]
    pub from: Option<String>,
    /// `ConfigurationSet`.
    #[serde(rename = "ConfigurationSet")]
    pub configuration_set: Option<String>,
}

/// Mirror of `SmsConfigurationType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SmsConfigurationType {
    /// `SnsCallerArn` (required).
    #[serde(rename = "SnsCallerArn")]
    pub sns_caller_arn: String,
    /// `ExternalId`.
    #[serde(rename = "ExternalId")]
    pub external_id: Option<String>,
    /// `SnsRegion`.
    #[serde(rename = "SnsRegion")]
    pub sns_region: Option<String>,
}

/// Mirror of `MessageTemplateType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MessageTemplateType {
    /// `SMSMessage`.
    #[serde(rename = "SMSMessage")]
    pub sms_message: Option<String>,
    /// `EmailMessage`.
    #[serde(rename = "EmailMessage")]
    pub email_message: Option<String>,
    /// `EmailSubject`.
    #[serde(rename = "EmailSubject")]
    pub email_subject: Option<String>,
}

/// Mirror of `AdminCreateUserConfigType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AdminCreateUserConfigType {
    /// `AllowAdminCreateUserOnly`.
    #[serde(rename = "AllowAdminCreateUserOnly")]
    pub allow_admin_create_user_only: Option<bool>,
    /// `UnusedAccountValidityDays`.
    #[serde(rename = "UnusedAccountValidityDays")]
    pub unused_account_validity_days: Option<i64>,
    /// `InviteMessageTemplate`.
    #[serde(rename = "InviteMessageTemplate")]
    pub invite_message_template: Option<MessageTemplateType>,
}

/// Mirror of `AttributeDataType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum AttributeDataType {
    /// `String`.
    #[serde(rename = "String")]
    String,
    /// `Number`.
    #[serde(rename = "Number")]
    Number,
    /// `DateTime`.
    #[serde(rename = "DateTime")]
    Datetime,
    /// `Boolean`.
    #[serde(rename = "Boolean")]
    Boolean,
}

/// Mirror of `NumberAttributeConstraintsType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NumberAttributeConstraintsType {
    /// `MinValue`.
    #[serde(rename = "MinValue")]
    pub min_value: Option<String>,
    /// `MaxValue`.
    #[serde(rename = "MaxValue")]
    pub max_value: Option<String>,
}

/// Mirror of `StringAttributeConstraintsType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StringAttributeConstraintsType {
    /// `MinLength`.
    #[serde(rename = "MinLength")]
    pub min_length: Option<String>,
    /// `MaxLength`.
    #[serde(rename = "MaxLength")]
    pub max_length: Option<String>,
}

/// Mirror of `SchemaAttributeType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SchemaAttributeType {
    /// `Name`.
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// `AttributeDataType`.
    #[serde(rename = "AttributeDataType")]
    pub attribute_data_type: Option<AttributeDataType>,
    /// `DeveloperOnlyAttribute`.
    #[serde(rename = "DeveloperOnlyAttribute")]
    pub developer_only_attribute: Option<bool>,
    /// `Mutable`.
    #[serde(rename = "Mutable")]
    pub mutable: Option<bool>,
    /// `Required`.
    #[serde(rename = "Required")]
    pub required: Option<bool>,
    /// `NumberAttributeConstraints`.
    #[serde(rename = "NumberAttributeConstraints")]
    pub number_attribute_constraints: Option<NumberAttributeConstraintsType>,
    /// `StringAttributeConstraints`.
    #[serde(rename = "StringAttributeConstraints")]
    pub string_attribute_constraints: Option<StringAttributeConstraintsType>,
}

/// Mirror of `AdvancedSecurityModeType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum AdvancedSecurityModeType {
    /// `OFF`.
    #[serde(rename = "OFF")]
    Off,
    /// `AUDIT`.
    #[serde(rename = "AUDIT")]
    Audit,
    /// `ENFORCED`.
    #[serde(rename = "ENFORCED")]
    Enforced,
}

/// Mirror of `UserPoolAddOnsType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserPoolAddOnsType {
    /// `AdvancedSecurityMode` (required).
    #[serde(rename = "AdvancedSecurityMode")]
    pub advanced_security_mode: AdvancedSecurityModeType,
}

/// Mirror of `UsernameConfigurationType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UsernameConfigurationType {
    /// `CaseSensitive` (required).
    #[serde(rename = "CaseSensitive")]
    pub case_sensitive: bool,
}

/// Mirror of `RecoveryOptionNameType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum RecoveryOptionNameType {
    /// `verified_email`.
    #[serde(rename = "verified_email")]
    VerifiedEmail,
    /// `verified_phone_number`.
    #[serde(rename = "verified_phone_number")]
    VerifiedPhoneNumber,
    /// `admin_only`.
    #[serde(rename = "admin_only")]
    AdminOnly,
}

/// Mirror of `RecoveryOptionType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RecoveryOptionType {
    /// `Priority` (required).
    #[serde(rename = "Priority")]
    pub priority: i64,
    /// `Name` (required).
    #[serde(rename = "Name")]
    pub name: RecoveryOptionNameType,
}

/// Mirror of `AccountRecoverySettingType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccountRecoverySettingType {
    /// `RecoveryMechanisms`.
    #[serde(rename = "RecoveryMechanisms")]
    pub recovery_mechanisms: Option<Vec<RecoveryOptionType>>,
}

/// Mirror of `CreateUserPoolRequest`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CreateUserPoolRequest {
    /// `PoolName` (required).
    #[serde(rename = "PoolName")]
    pub pool_name: String,
    /// `Policies`.
    #[serde(rename = "Policies")]
    pub policies: Option<UserPoolPolicyType>,
    /// `DeletionProtection`.
    #[serde(rename = "DeletionProtection")]
    pub deletion_protection: Option<DeletionProtectionType>,
    /// `LambdaConfig`.
    #[serde(rename = "LambdaConfig")]
    pub lambda_config: Option<LambdaConfigType>,
    /// `AutoVerifiedAttributes`.
    #[serde(rename = "AutoVerifiedAttributes")]
    pub auto_verified_attributes: Option<Vec<VerifiedAttributeType>>,
    /// `AliasAttributes`.
    #[serde(rename = "AliasAttributes")]
    pub alias_attributes: Option<Vec<AliasAttributeType>>,
    /// `UsernameAttributes`.
    #[serde(rename = "UsernameAttributes")]
    pub username_attributes: Option<Vec<UsernameAttributeType>>,
    /// `SmsVerificationMessage`.
    #[serde(rename = "SmsVerificationMessage")]
    pub sms_verification_message: Option<String>,
    /// `EmailVerificationMessage`.
    #[serde(rename = "EmailVerificationMessage")]
    pub email_verification_message: Option<String>,
    /// `EmailVerificationSubject`.
    #[serde(rename = "EmailVerificationSubject")]
    pub email_verification_subject: Option<String>,
    /// `VerificationMessageTemplate`.
    #[serde(rename = "VerificationMessageTemplate")]
    pub verification_message_template: Option<VerificationMessageTemplateType>,
    /// `SmsAuthenticationMessage`.
    #[serde(rename = "SmsAuthenticationMessage")]
    pub sms_authentication_message: Option<String>,
    /// `MfaConfiguration`.
    #[serde(rename = "MfaConfiguration")]
    pub mfa_configuration: Option<UserPoolMfaType>,
    /// `UserAttributeUpdateSettings`.
    #[serde(rename = "UserAttributeUpdateSettings")]
    pub user_attribute_update_settings: Option<UserAttributeUpdateSettingsType>,
    /// `DeviceConfiguration`.
    #[serde(rename = "DeviceConfiguration")]
    pub device_configuration: Option<DeviceConfigurationType>,
    /// `EmailConfiguration`.
    #[serde(rename = "EmailConfiguration")]
    pub email_configuration: Option<EmailConfigurationType>,
    /// `SmsConfiguration`.
    #[serde(rename = "SmsConfiguration")]
    pub sms_configuration: Option<SmsConfigurationType>,
    /// `UserPoolTags`.
    #[serde(rename = "UserPoolTags")]
    pub user_pool_tags: Option<BTreeMap<String, String>>,
    /// `AdminCreateUserConfig`.
    #[serde(rename = "AdminCreateUserConfig")]
    pub admin_create_user_config: Option<AdminCreateUserConfigType>,
    /// `Schema`.
    #[serde(rename = "Schema")]
    pub schema: Option<Vec<SchemaAttributeType>>,
    /// `UserPoolAddOns`.
    #[serde(rename = "UserPoolAddOns")]
    pub user_pool_add_ons: Option<UserPoolAddOnsType>,
    /// `UsernameConfiguration`.
    #[serde(rename = "UsernameConfiguration")]
    pub username_configuration: Option<UsernameConfigurationType>,
    /// `AccountRecoverySetting`.
    #[serde(rename = "AccountRecoverySetting")]
    pub account_recovery_setting: Option<AccountRecoverySettingType>,
}
