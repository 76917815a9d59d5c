//! The request bodies of the request benchmarks (files in `bench/data/`).
//!
//! Each operation has a valid body and an invalid one with at least three constraint
//! violations of kinds that a plain serde struct still reads (length, pattern, range), so
//! that every contender parses the same bytes and only validation differs.

/// One operation's benchmark bodies.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// Short name used in benchmark ids (`sign_up`).
    pub name: &'static str,
    /// `X-Amz-Target` header value.
    pub target: &'static str,
    /// A body that validates clean.
    pub valid: &'static [u8],
    /// A body with at least three constraint violations.
    pub invalid: &'static [u8],
    /// How many violations `cognito_idp` reports for [`Case::invalid`].
    pub violations: usize,
}

/// `SignUp`.
pub const SIGN_UP: Case = Case {
    name: "sign_up",
    target: "AWSCognitoIdentityProviderService.SignUp",
    valid: include_bytes!("../data/sign-up.valid.json"),
    invalid: include_bytes!("../data/sign-up.invalid.json"),
    violations: 4,
};

/// `AdminCreateUser`.
pub const ADMIN_CREATE_USER: Case = Case {
    name: "admin_create_user",
    target: "AWSCognitoIdentityProviderService.AdminCreateUser",
    valid: include_bytes!("../data/admin-create-user.valid.json"),
    invalid: include_bytes!("../data/admin-create-user.invalid.json"),
    violations: 5,
};

/// `CreateUserPool`.
pub const CREATE_USER_POOL: Case = Case {
    name: "create_user_pool",
    target: "AWSCognitoIdentityProviderService.CreateUserPool",
    valid: include_bytes!("../data/create-user-pool.valid.json"),
    invalid: include_bytes!("../data/create-user-pool.invalid.json"),
    violations: 6,
};

/// All cases, in report order.
pub const ALL: [Case; 3] = [SIGN_UP, ADMIN_CREATE_USER, CREATE_USER_POOL];
