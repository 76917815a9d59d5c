//! Cognito request bodies and the exact validation message the service answers for each.
//!
//! Every expectation below was derived by hand from the constraints in
//! `spec/cognito-idp.yaml` (the request schema, the `$ref` of each property and that
//! schema's `minLength`/`maxLength`/`pattern`/`enum`/`minimum`/`maximum`/`format`) and from
//! the message rules of the design brief:
//!
//! - path: wire name with its first letter lower-cased (`KMSKeyID` → `kMSKeyID`), nested with
//!   `.`, members of structures in a list as `name.N.member.x` (1-based), in a map as
//!   `name.entry.N.value.x` with N the position in key order;
//! - lists and maps of strings and enums: a violation in their elements is one violation
//!   at the collection's path that lists every constraint of the element shape (max
//!   length, min length, pattern; or the enum's values): `Member must satisfy constraint:
//!   [...]` for list elements, `Map value must satisfy constraint: [...]` and `Map keys
//!   must satisfy constraint: [...]` for maps; it sorts after the collection's own length
//!   violation, and keys before values;
//! - value: strings and numbers in single quotes; a list of strings or enums printed as
//!   Java prints a list (`'[a, b]'`, so `[""]` prints `'[]'`); `format: password`
//!   (sensitive), map and structure values, and lists of structures, omitted (`Value at`);
//!   missing or `null` required members read `Value null at`;
//! - patterns are full matches, `\w \s \S` are ASCII (Java), `\p{..}` is Unicode, lengths
//!   count characters;
//! - all violations, sorted by path in plain byte order, then null < length < range <
//!   pattern < enum; `1 validation error detected` vs `N validation errors detected`.

use cognito_idp::types::{
    AddCustomAttributesRequest, AdminCreateUserRequest, AdminDeleteUserAttributesRequest,
    AdminGetUserRequest, AdminListUserAuthEventsRequest, AdminUpdateUserAttributesRequest,
    ChangePasswordRequest, ConfirmSignUpRequest, CreateGroupRequest, CreateIdentityProviderRequest,
    CreateResourceServerRequest, CreateUserImportJobRequest, CreateUserPoolClientRequest,
    CreateUserPoolDomainRequest, CreateUserPoolRequest, DescribeUserPoolDomainResponse,
    ForgotPasswordRequest, GetUserRequest, InitiateAuthRequest, ListUserPoolsRequest,
    ListUsersRequest, RespondToAuthChallengeRequest, RevokeTokenRequest,
    SetLogDeliveryConfigurationRequest, SignUpRequest, StartUserImportJobRequest,
    TagResourceRequest, UntagResourceRequest, UpdateAuthEventFeedbackRequest,
    UpdateUserPoolRequest, VerifySoftwareTokenRequest,
};
use cognito_idp::{Request, Validate, ValidationErrors};
use serde_json::{Value, json};
use specgen_runtime::{Constraint, Limit, ShownValue};

const POOL: &str = "us-east-1_AbCdEfGhI";
const CLIENT: &str = "4c5ebn6bojtlrmu9q9oll6gqrg";
const LAMBDA_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/cognito-sms";
const CERT_ARN: &str = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd";

/// The message a case expects, or success.
enum Expect {
    Valid,
    Message(String),
}

/// One row of the table: an operation, the body sent to it and the expected outcome.
struct Case {
    name: &'static str,
    op: &'static str,
    body: Vec<u8>,
    /// The body as JSON, when it is JSON (used for the round trip of valid bodies).
    json: Option<Value>,
    expect: Expect,
}

fn expect(text: impl Into<String>) -> Expect {
    let text = text.into();
    if text == "valid" {
        Expect::Valid
    } else {
        Expect::Message(text)
    }
}

fn case(name: &'static str, op: &'static str, body: Value, text: impl Into<String>) -> Case {
    Case {
        name,
        op,
        body: serde_json::to_vec(&body).expect("body serializes"),
        json: Some(body),
        expect: expect(text),
    }
}

fn raw_case(name: &'static str, op: &'static str, body: &[u8], text: impl Into<String>) -> Case {
    Case {
        name,
        op,
        body: body.to_vec(),
        json: None,
        expect: expect(text),
    }
}

/// `n` copies of `s`.
fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// Joins message pieces; used where a long generated value sits inside the message.
fn cat(parts: &[&str]) -> String {
    parts.concat()
}

/// Dispatch from an operation name to its typed request, for the checks that need the type.
macro_rules! typed_requests {
    ($($op:ident: $ty:ty),* $(,)?) => {
        /// Parses `body` strictly as the typed request of `op` and validates it. `None` when
        /// the strict parse fails (a required member is missing or `null`).
        fn typed_validate(op: &str, body: &[u8]) -> Option<Result<(), ValidationErrors>> {
            match op {
                $(stringify!($op) => serde_json::from_slice::<$ty>(body).ok().map(|r| r.validate()),)*
                other => panic!("operation {other} is not in the typed dispatch"),
            }
        }

        /// Reads `body` as the typed request of `op` and writes it back.
        fn typed_round_trip(op: &str, body: &Value) -> Value {
            match op {
                $(stringify!($op) => {
                    let typed: $ty = serde_json::from_value(body.clone()).expect("typed read");
                    serde_json::to_value(&typed).expect("typed write")
                })*
                other => panic!("operation {other} is not in the typed dispatch"),
            }
        }

        /// Validates the typed value a parsed [`Request`] holds.
        fn validate_request(request: &Request) -> Result<(), ValidationErrors> {
            match request {
                $(Request::$op(r) => r.validate(),)*
                other => panic!("operation {} is not in the typed dispatch", other.operation().name()),
            }
        }
    };
}

typed_requests! {
    AddCustomAttributes: AddCustomAttributesRequest,
    AdminCreateUser: AdminCreateUserRequest,
    AdminDeleteUserAttributes: AdminDeleteUserAttributesRequest,
    AdminGetUser: AdminGetUserRequest,
    AdminListUserAuthEvents: AdminListUserAuthEventsRequest,
    AdminUpdateUserAttributes: AdminUpdateUserAttributesRequest,
    ChangePassword: ChangePasswordRequest,
    ConfirmSignUp: ConfirmSignUpRequest,
    CreateGroup: CreateGroupRequest,
    CreateIdentityProvider: CreateIdentityProviderRequest,
    CreateResourceServer: CreateResourceServerRequest,
    CreateUserImportJob: CreateUserImportJobRequest,
    CreateUserPool: CreateUserPoolRequest,
    CreateUserPoolClient: CreateUserPoolClientRequest,
    CreateUserPoolDomain: CreateUserPoolDomainRequest,
    ForgotPassword: ForgotPasswordRequest,
    GetUser: GetUserRequest,
    InitiateAuth: InitiateAuthRequest,
    ListUserPools: ListUserPoolsRequest,
    ListUsers: ListUsersRequest,
    RespondToAuthChallenge: RespondToAuthChallengeRequest,
    RevokeToken: RevokeTokenRequest,
    SetLogDeliveryConfiguration: SetLogDeliveryConfigurationRequest,
    SignUp: SignUpRequest,
    StartUserImportJob: StartUserImportJobRequest,
    TagResource: TagResourceRequest,
    UntagResource: UntagResourceRequest,
    UpdateAuthEventFeedback: UpdateAuthEventFeedbackRequest,
    UpdateUserPool: UpdateUserPoolRequest,
    VerifySoftwareToken: VerifySoftwareTokenRequest,
}

fn sign_up_cases() -> Vec<Case> {
    vec![
        case(
            "sign_up/complete body",
            "SignUp",
            json!({
                "ClientId": CLIENT,
                "SecretHash": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1=",
                "Username": "alice@example.com",
                "Password": "Correct-Horse-9",
                "UserAttributes": [
                    {"Name": "email", "Value": "alice@example.com"},
                    {"Name": "custom:team", "Value": "blue"}
                ],
                "ValidationData": [{"Name": "source", "Value": "web"}],
                "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
                "UserContextData": {"IpAddress": "192.0.2.1", "EncodedData": "eyJ..."},
                "ClientMetadata": {"campaign": "spring", "referrer": "friend"}
            }),
            "valid",
        ),
        // UsernameType: length 1..128 in characters; 128 × 'é' is 256 bytes.
        case(
            "sign_up/username of 128 non-ASCII letters",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": rep("é", 128), "Password": "Correct-Horse-9"}),
            "valid",
        ),
        // 128 emoji (\p{S}, 4 bytes each): still 128 characters.
        case(
            "sign_up/username of 128 emoji",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": rep("😀", 128), "Password": "Correct-Horse-9"}),
            "valid",
        ),
        // UsernameType is `format: password`: the value is omitted.
        case(
            "sign_up/username of 129 characters",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": rep("a", 129), "Password": "Correct-Horse-9"}),
            "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
        ),
        case(
            "sign_up/username of 129 non-ASCII letters",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": rep("é", 129), "Password": "Correct-Horse-9"}),
            "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
        ),
        // ClientIdType `[\w+]+`: `\w` is ASCII, so 'é' fails; sensitive, so no value.
        case(
            "sign_up/non-ASCII letter in client id",
            "SignUp",
            json!({"ClientId": "4c5ebn6bojtlrmu9q9oll6gqré", "Username": "alice", "Password": "Correct-Horse-9"}),
            r"1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+",
        ),
        case(
            "sign_up/empty client id fails length and pattern",
            "SignUp",
            json!({"ClientId": "", "Username": "alice", "Password": "Correct-Horse-9"}),
            r"2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+",
        ),
        case(
            "sign_up/space in password",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct Horse 9"}),
            r"1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        // Java's `\S` is ASCII: U+00A0 is not in [ \t\n\x0B\f\r], so it is a non-space.
        case(
            "sign_up/no-break space in password is not whitespace",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct\u{a0}Horse-9"}),
            "valid",
        ),
        // ... while \x0B (vertical tab) is whitespace for Java.
        case(
            "sign_up/vertical tab in password",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct\u{b}Horse-9"}),
            r"1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        // PasswordType has no minLength in this spec: only the pattern fails.
        case(
            "sign_up/empty password fails the pattern only",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": ""}),
            r"1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        case(
            "sign_up/password of 257 characters",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": rep("p", 257)}),
            "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
        ),
        case(
            "sign_up/every required member missing",
            "SignUp",
            json!({}),
            // `Password` is optional in today's model (SignUpRequest requires ClientId and
            // Username only: passwordless sign-up).
            "2 validation errors detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "sign_up/required username given as null, with a bad password",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": null, "Password": "Correct Horse"}),
            r"2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+; Value null at 'username' failed to satisfy constraint: Member must not be null",
        ),
        // AttributeType requires Name.
        case(
            "sign_up/attribute without its required name",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct-Horse-9",
                   "UserAttributes": [{"Value": "blue"}]}),
            "1 validation error detected: Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must not be null",
        ),
        // AttributeValueType: maxLength 2048, `format: password`.
        case(
            "sign_up/attribute value too long is not shown",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct-Horse-9",
                   "UserAttributes": [{"Name": "custom:bio", "Value": rep("v", 2049)}]}),
            "1 validation error detected: Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
        ),
        // AttributeNameType: maxLength 32, not sensitive.
        case(
            "sign_up/attribute name of 33 characters",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct-Horse-9",
                   "UserAttributes": [{"Name": cat(&["custom:", &rep("a", 26)]), "Value": "x"}]}),
            cat(&[
                "1 validation error detected: Value 'custom:",
                &rep("a", 26),
                "' at 'userAttributes.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 32",
            ]),
        ),
        case(
            "sign_up/secret hash outside its alphabet",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct-Horse-9", "SecretHash": "abc!"}),
            r"1 validation error detected: Value at 'secretHash' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/]+",
        ),
        case(
            "sign_up/empty validation data name fails length and pattern",
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "Correct-Horse-9",
                   "ValidationData": [{"Name": "", "Value": "x"}]}),
            r"2 validation errors detected: Value '' at 'validationData.1.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'validationData.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+",
        ),
        // Five sensitive members, none shown. Byte order puts 'userAttributes' ('A' = 0x41)
        // before 'username' ('n' = 0x6E).
        case(
            "sign_up/five sensitive violations",
            "SignUp",
            json!({"ClientId": "bad client", "Username": "bad user", "Password": "bad pass",
                   "SecretHash": "bad hash",
                   "UserAttributes": [{"Name": "email", "Value": rep("v", 2049)}]}),
            r"5 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+; Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+; Value at 'secretHash' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/]+; Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+",
        ),
    ]
}

fn admin_user_cases() -> Vec<Case> {
    vec![
        case(
            "admin_create_user/complete body",
            "AdminCreateUser",
            json!({
                "UserPoolId": POOL,
                "Username": "alice",
                "UserAttributes": [
                    {"Name": "email", "Value": "alice@example.com"},
                    {"Name": "phone_number", "Value": "+15555550100"}
                ],
                "ValidationData": [{"Name": "source", "Value": "admin"}],
                "TemporaryPassword": "Temp-Pass-1",
                "ForceAliasCreation": true,
                "MessageAction": "SUPPRESS",
                "DesiredDeliveryMediums": ["EMAIL", "SMS"],
                "ClientMetadata": {"k": "v"}
            }),
            "valid",
        ),
        // The design brief's own example: patterns are full matches.
        case(
            "admin_create_user/leading space in user pool id",
            "AdminCreateUser",
            json!({"UserPoolId": " us-east-1_abc", "Username": "alice"}),
            r"1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+",
        ),
        // A full match must not accept a trailing newline (no `$`-before-newline leniency).
        case(
            "admin_create_user/trailing newline in user pool id",
            "AdminCreateUser",
            json!({"UserPoolId": "us-east-1_abc\n", "Username": "alice"}),
            "1 validation error detected: Value 'us-east-1_abc\n' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        ),
        // `\w` is ASCII.
        case(
            "admin_create_user/non-ASCII letter in user pool id",
            "AdminCreateUser",
            json!({"UserPoolId": "üs-east-1_abc", "Username": "alice"}),
            r"1 validation error detected: Value 'üs-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+",
        ),
        case(
            "admin_create_user/user pool id without suffix",
            "AdminCreateUser",
            json!({"UserPoolId": "us-east-1_", "Username": "alice"}),
            r"1 validation error detected: Value 'us-east-1_' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+",
        ),
        // UserPoolIdType maxLength 55; the value itself matches the pattern.
        case(
            "admin_create_user/user pool id of 56 characters",
            "AdminCreateUser",
            json!({"UserPoolId": cat(&["us-east-1_", &rep("a", 46)]), "Username": "alice"}),
            cat(&[
                "1 validation error detected: Value 'us-east-1_",
                &rep("a", 46),
                "' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55",
            ]),
        ),
        case(
            "admin_create_user/empty user pool id fails length and pattern",
            "AdminCreateUser",
            json!({"UserPoolId": "", "Username": "alice"}),
            r"2 validation errors detected: Value '' at 'userPoolId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+",
        ),
        case(
            "admin_create_user/unknown delivery medium in a list element",
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "Username": "alice", "DesiredDeliveryMediums": ["EMAIL", "FAX"]}),
            "1 validation error detected: Value '[EMAIL, FAX]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]",
        ),
        // Enum values are case-sensitive.
        case(
            "admin_create_user/lower-case message action",
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "Username": "alice", "MessageAction": "resend"}),
            "1 validation error detected: Value 'resend' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
        ),
        case(
            "admin_create_user/missing username and attribute name",
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "UserAttributes": [{"Value": "x"}]}),
            "2 validation errors detected: Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
        ),
        // Six violations of every kind; sorted by path bytes: d < m < t < userA < userP < usern.
        case(
            "admin_create_user/six violations sorted by path bytes",
            "AdminCreateUser",
            json!({
                "UserPoolId": "us-east-1 abc",
                "MessageAction": "RESENDX",
                "DesiredDeliveryMediums": ["EMAIL", "FAX"],
                "UserAttributes": [{"Name": "email", "Value": "a@b.c"}, {"Value": "x"}],
                "TemporaryPassword": "a b"
            }),
            r"6 validation errors detected: Value '[EMAIL, FAX]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]; Value 'RESENDX' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]; Value at 'temporaryPassword' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+; Value null at 'userAttributes.2.member.name' failed to satisfy constraint: Member must not be null; Value 'us-east-1 abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+; Value null at 'username' failed to satisfy constraint: Member must not be null",
        ),
        // Two bad elements (2 and 11) are one violation, which prints the whole list once.
        case(
            "admin_create_user/two bad enum elements are one violation",
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "Username": "alice",
                   "DesiredDeliveryMediums": ["EMAIL", "fax", "SMS", "SMS", "SMS", "SMS",
                                              "SMS", "SMS", "SMS", "SMS", "sms"]}),
            "1 validation error detected: Value '[EMAIL, fax, SMS, SMS, SMS, SMS, SMS, SMS, SMS, SMS, sms]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]",
        ),
        // A space is \p{Zs}, outside the username alphabet.
        case(
            "admin_create_user/space in username",
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "Username": "john doe"}),
            r"1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+",
        ),
        case(
            "admin_get_user/required user pool id given as null",
            "AdminGetUser",
            json!({"UserPoolId": null, "Username": "bob"}),
            "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "admin_delete_user_attributes/attribute name of 33 characters in a list",
            "AdminDeleteUserAttributes",
            json!({"UserPoolId": POOL, "Username": "bob", "UserAttributeNames": ["email", rep("a", 33)]}),
            cat(&[
                "1 validation error detected: Value '[email, ",
                &rep("a", 33),
                r"]' at 'userAttributeNames' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 32, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+]",
            ]),
        ),
        case(
            "admin_update_user_attributes/required list given as null",
            "AdminUpdateUserAttributes",
            json!({"UserPoolId": POOL, "Username": "bob", "UserAttributes": null}),
            "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
        ),
        // Element 10 misses its name, element 2 is too long: '1' < '2' in byte order.
        case(
            "admin_update_user_attributes/missing name in element 10 sorts before element 2",
            "AdminUpdateUserAttributes",
            json!({"UserPoolId": POOL, "Username": "bob", "UserAttributes": [
                {"Name": "a1", "Value": "x"}, {"Name": rep("n", 33), "Value": "x"},
                {"Name": "a3", "Value": "x"}, {"Name": "a4", "Value": "x"},
                {"Name": "a5", "Value": "x"}, {"Name": "a6", "Value": "x"},
                {"Name": "a7", "Value": "x"}, {"Name": "a8", "Value": "x"},
                {"Name": "a9", "Value": "x"}, {"Value": "x"}
            ]}),
            cat(&[
                "2 validation errors detected: Value null at 'userAttributes.10.member.name' failed to satisfy constraint: Member must not be null; Value '",
                &rep("n", 33),
                "' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must have length less than or equal to 32",
            ]),
        ),
        // QueryLimitType: 0..60.
        case(
            "admin_list_user_auth_events/max results 61",
            "AdminListUserAuthEvents",
            json!({"UserPoolId": POOL, "Username": "bob", "MaxResults": 61}),
            "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
        ),
    ]
}

fn auth_cases() -> Vec<Case> {
    vec![
        case(
            "initiate_auth/complete body",
            "InitiateAuth",
            json!({
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": CLIENT,
                "AuthParameters": {"USERNAME": "alice", "PASSWORD": "Correct-Horse-9"},
                "ClientMetadata": {"source": "web"},
                "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
                "UserContextData": {"IpAddress": "192.0.2.1"}
            }),
            "valid",
        ),
        case(
            "initiate_auth/unknown auth flow lists the values in spec order",
            "InitiateAuth",
            json!({"AuthFlow": "PASSWORD", "ClientId": CLIENT}),
            "1 validation error detected: Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
        ),
        case(
            "initiate_auth/null auth flow and non-ASCII client id",
            "InitiateAuth",
            json!({"AuthFlow": null, "ClientId": "abcé"}),
            r"2 validation errors detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null; Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+",
        ),
        case(
            "initiate_auth/client id of 129 characters",
            "InitiateAuth",
            json!({"AuthFlow": "USER_SRP_AUTH", "ClientId": rep("a", 129)}),
            "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128",
        ),
        case(
            "respond_to_auth_challenge/complete body",
            "RespondToAuthChallenge",
            json!({
                "ClientId": CLIENT,
                "ChallengeName": "NEW_PASSWORD_REQUIRED",
                "Session": rep("s", 20),
                "ChallengeResponses": {"USERNAME": "alice", "NEW_PASSWORD": "Correct-Horse-9"}
            }),
            "valid",
        ),
        // SessionType has no `format: password` in this spec: its value is shown.
        case(
            "respond_to_auth_challenge/unknown challenge and short session",
            "RespondToAuthChallenge",
            // `SMS_OTP` became a challenge of today's model; `SessionType` became sensitive.
            json!({"ClientId": CLIENT, "ChallengeName": "SMS_CODE", "Session": "short"}),
            "2 validation errors detected: Value 'SMS_CODE' at 'challengeName' failed to satisfy constraint: Member must satisfy enum value set: [SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP, PASSWORD_VERIFIER, CUSTOM_CHALLENGE, SELECT_CHALLENGE, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, ADMIN_NO_SRP_AUTH, NEW_PASSWORD_REQUIRED, SMS_OTP, PASSWORD, WEB_AUTHN, PASSWORD_SRP]; Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
        ),
        case(
            "verify_software_token/complete body",
            "VerifySoftwareToken",
            json!({"AccessToken": "eyJraWQiOiJ.abc-def_ghi=", "UserCode": "123456", "FriendlyDeviceName": "phone"}),
            "valid",
        ),
        // SoftwareTokenMFAUserCodeType: length 6..6, pattern [0-9]+, sensitive in today's
        // model (its value is not shown).
        case(
            "verify_software_token/user code of 5 digits",
            "VerifySoftwareToken",
            json!({"UserCode": "12345"}),
            "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
        ),
        case(
            "verify_software_token/letter in user code",
            "VerifySoftwareToken",
            json!({"UserCode": "12345a"}),
            "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+",
        ),
        // Six Arabic-Indic digits: six characters (twelve bytes), but not in [0-9].
        case(
            "verify_software_token/non-ASCII digits in user code",
            "VerifySoftwareToken",
            json!({"UserCode": "١٢٣٤٥٦"}),
            "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+",
        ),
        // Ten 'é' are twenty bytes but ten characters: below SessionType's minLength 20
        // (sensitive in today's model, so not shown).
        case(
            "verify_software_token/session length counts characters, token is sensitive",
            "VerifySoftwareToken",
            json!({"AccessToken": "a b", "Session": rep("é", 10), "UserCode": "123456"}),
            "2 validation errors detected: Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+; Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
        ),
        case(
            "get_user/valid token",
            "GetUser",
            json!({"AccessToken": "abc-DEF_123=.xyz"}),
            "valid",
        ),
        // In `[A-Za-z0-9-_=.]` the '-' after a range is a literal: ':' is not allowed.
        case(
            "get_user/colon in access token",
            "GetUser",
            json!({"AccessToken": "abc:def"}),
            "1 validation error detected: Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+",
        ),
        case(
            "get_user/missing access token",
            "GetUser",
            json!({}),
            "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "change_password/three sensitive members",
            "ChangePassword",
            json!({"PreviousPassword": "old pass", "ProposedPassword": "", "AccessToken": "tok:en"}),
            r"3 validation errors detected: Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+; Value at 'previousPassword' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+; Value at 'proposedPassword' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        case(
            "forgot_password/empty username",
            "ForgotPassword",
            json!({"ClientId": CLIENT, "Username": ""}),
            r"2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+",
        ),
        case(
            "confirm_sign_up/complete body",
            "ConfirmSignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "ConfirmationCode": "123456",
                   "ForceAliasCreation": false, "ClientMetadata": {"k": "v"}}),
            "valid",
        ),
        // ConfirmationCodeType is not sensitive.
        case(
            "confirm_sign_up/space in confirmation code",
            "ConfirmSignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "ConfirmationCode": "123 456"}),
            r"1 validation error detected: Value '123 456' at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        // ClientSecretType: maxLength 64, sensitive.
        case(
            "revoke_token/client secret of 65 characters",
            "RevokeToken",
            json!({"Token": "abc.def", "ClientId": CLIENT, "ClientSecret": rep("a", 65)}),
            "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length less than or equal to 64",
        ),
        case(
            "update_auth_event_feedback/four violations",
            "UpdateAuthEventFeedback",
            json!({"UserPoolId": POOL, "EventId": "ev/1", "FeedbackToken": "tok en", "FeedbackValue": "valid"}),
            r"4 validation errors detected: Value 'ev/1' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+-]+; Value at 'feedbackToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+; Value 'valid' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]; Value null at 'username' failed to satisfy constraint: Member must not be null",
        ),
    ]
}

fn list_cases() -> Vec<Case> {
    vec![
        case(
            "list_users/complete body",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": ["email", "custom:team"],
                   "Limit": 60, "PaginationToken": "tok", "Filter": "email ^= \"alice\""}),
            "valid",
        ),
        case(
            "list_users/limit 0 is the minimum",
            "ListUsers",
            json!({"UserPoolId": POOL, "Limit": 0}),
            "valid",
        ),
        case(
            "list_users/limit 61",
            "ListUsers",
            json!({"UserPoolId": POOL, "Limit": 61}),
            "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
        ),
        case(
            "list_users/limit -1",
            "ListUsers",
            json!({"UserPoolId": POOL, "Limit": -1}),
            "1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 0",
        ),
        // UserFilterType: maxLength 256, no pattern.
        case(
            "list_users/filter of 257 characters",
            "ListUsers",
            json!({"UserPoolId": POOL, "Filter": rep("f", 257)}),
            cat(&[
                "1 validation error detected: Value '",
                &rep("f", 257),
                "' at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256",
            ]),
        ),
        case(
            "list_users/empty attribute name in a list element",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": ["email", ""]}),
            r"1 validation error detected: Value '[email, ]' at 'attributesToGet' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 32, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+]",
        ),
        case(
            "list_users/empty pagination token",
            "ListUsers",
            json!({"UserPoolId": POOL, "PaginationToken": ""}),
            r"2 validation errors detected: Value '' at 'paginationToken' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'paginationToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+",
        ),
        case(
            "list_users/limit and user pool id",
            "ListUsers",
            json!({"UserPoolId": "bad", "Limit": 61}),
            r"2 validation errors detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60; Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+",
        ),
        case(
            "list_user_pools/missing max results",
            "ListUserPools",
            json!({}),
            "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
        ),
        // An empty body stands for `{}`.
        raw_case(
            "list_user_pools/empty body",
            "ListUserPools",
            b"",
            "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "list_user_pools/max results given as null",
            "ListUserPools",
            json!({"MaxResults": null}),
            "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
        ),
        // PoolQueryLimitType: 1..60.
        case(
            "list_user_pools/max results 61",
            "ListUserPools",
            json!({"MaxResults": 61}),
            "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
        ),
        case(
            "list_user_pools/max results 0",
            "ListUserPools",
            json!({"MaxResults": 0}),
            "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        case(
            "list_user_pools/max results 1 with a token",
            "ListUserPools",
            json!({"MaxResults": 1, "NextToken": "abc"}),
            "valid",
        ),
    ]
}

fn create_user_pool_cases() -> Vec<Case> {
    let schema_51: Vec<Value> = (1..=51)
        .map(|i| json!({"Name": format!("attr{i}"), "AttributeDataType": "String"}))
        .collect();
    vec![
        case(
            "create_user_pool/complete body",
            "CreateUserPool",
            json!({
                "PoolName": "my pool",
                "Policies": {"PasswordPolicy": {
                    "MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true,
                    "RequireNumbers": true, "RequireSymbols": false,
                    "TemporaryPasswordValidityDays": 7
                }},
                "DeletionProtection": "ACTIVE",
                "LambdaConfig": {
                    "PreSignUp": LAMBDA_ARN,
                    "KMSKeyID": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": LAMBDA_ARN}
                },
                "AutoVerifiedAttributes": ["email"],
                "UsernameAttributes": ["email"],
                "SmsVerificationMessage": "Your code is {####}",
                "EmailVerificationMessage": "Your code is {####}",
                "EmailVerificationSubject": "Your code",
                "VerificationMessageTemplate": {
                    "DefaultEmailOption": "CONFIRM_WITH_LINK",
                    "EmailMessageByLink": "Click {##here##}",
                    "EmailSubjectByLink": "Verify"
                },
                "MfaConfiguration": "OPTIONAL",
                "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
                "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": false},
                "EmailConfiguration": {
                    "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                    "ReplyToEmailAddress": "noreply@example.com",
                    "EmailSendingAccount": "DEVELOPER",
                    "From": "Example <noreply@example.com>",
                    "ConfigurationSet": "my-set"
                },
                "SmsConfiguration": {"SnsCallerArn": ROLE_ARN, "ExternalId": "ext", "SnsRegion": "us-east-1"},
                "UserPoolTags": {"team": "identity"},
                "AdminCreateUserConfig": {
                    "AllowAdminCreateUserOnly": true,
                    "UnusedAccountValidityDays": 7,
                    "InviteMessageTemplate": {
                        "SMSMessage": "User {username} code {####}",
                        "EmailMessage": "Hello {username}, code {####}",
                        "EmailSubject": "Welcome"
                    }
                },
                "Schema": [{
                    "Name": "team", "AttributeDataType": "String", "DeveloperOnlyAttribute": false,
                    "Mutable": true, "Required": false,
                    "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "64"}
                }],
                "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
                "UsernameConfiguration": {"CaseSensitive": false},
                "AccountRecoverySetting": {"RecoveryMechanisms": [
                    {"Priority": 1, "Name": "verified_email"},
                    {"Priority": 2, "Name": "verified_phone_number"}
                ]}
            }),
            "valid",
        ),
        case(
            "create_user_pool/exclamation mark in pool name",
            "CreateUserPool",
            json!({"PoolName": "my pool!"}),
            r"1 validation error detected: Value 'my pool!' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+",
        ),
        case(
            "create_user_pool/missing pool name",
            "CreateUserPool",
            json!({}),
            "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "create_user_pool/sms message without the code placeholder",
            "CreateUserPool",
            json!({"PoolName": "p", "SmsVerificationMessage": "Your code is 1234"}),
            r"1 validation error detected: Value 'Your code is 1234' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*",
        ),
        case(
            "create_user_pool/sms message too short and without placeholder",
            "CreateUserPool",
            json!({"PoolName": "p", "SmsVerificationMessage": "{###}"}),
            r"2 validation errors detected: Value '{###}' at 'smsVerificationMessage' failed to satisfy constraint: Member must have length greater than or equal to 6; Value '{###}' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*",
        ),
        // `.` does not match a line feed, and the match must cover the whole value.
        case(
            "create_user_pool/line feed before the placeholder",
            "CreateUserPool",
            json!({"PoolName": "p", "SmsVerificationMessage": "Code:\n{####}"}),
            "1 validation error detected: Value 'Code:\n{####}' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*",
        ),
        case(
            "create_user_pool/password policy out of range",
            "CreateUserPool",
            json!({"PoolName": "p", "Policies": {"PasswordPolicy": {"MinimumLength": 5, "TemporaryPasswordValidityDays": 366}}}),
            "2 validation errors detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6; Value '366' at 'policies.passwordPolicy.temporaryPasswordValidityDays' failed to satisfy constraint: Member must have value less than or equal to 365",
        ),
        // SchemaAttributesListType: 1..50 items; list values are not shown.
        case(
            "create_user_pool/schema of 51 attributes",
            "CreateUserPool",
            json!({"PoolName": "p", "Schema": schema_51}),
            "1 validation error detected: Value at 'schema' failed to satisfy constraint: Member must have length less than or equal to 50",
        ),
        case(
            "create_user_pool/empty schema",
            "CreateUserPool",
            json!({"PoolName": "p", "Schema": []}),
            "1 validation error detected: Value at 'schema' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        // CustomAttributeNameType: maxLength 20.
        case(
            "create_user_pool/schema attribute with long name and unknown type",
            "CreateUserPool",
            json!({"PoolName": "p", "Schema": [{"Name": rep("a", 21), "AttributeDataType": "Text"}]}),
            cat(&[
                "2 validation errors detected: Value 'Text' at 'schema.1.member.attributeDataType' failed to satisfy constraint: Member must satisfy enum value set: [String, Number, DateTime, Boolean]; Value '",
                &rep("a", 21),
                "' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20",
            ]),
        ),
        case(
            "create_user_pool/three recovery mechanisms",
            "CreateUserPool",
            json!({"PoolName": "p", "AccountRecoverySetting": {"RecoveryMechanisms": [
                {"Priority": 1, "Name": "verified_email"},
                {"Priority": 2, "Name": "verified_phone_number"},
                {"Priority": 2, "Name": "admin_only"}
            ]}}),
            "1 validation error detected: Value at 'accountRecoverySetting.recoveryMechanisms' failed to satisfy constraint: Member must have length less than or equal to 2",
        ),
        case(
            "create_user_pool/recovery priority out of range and missing",
            "CreateUserPool",
            json!({"PoolName": "p", "AccountRecoverySetting": {"RecoveryMechanisms": [
                {"Priority": 3, "Name": "verified_email"},
                {"Name": "admin_only"}
            ]}}),
            "2 validation errors detected: Value '3' at 'accountRecoverySetting.recoveryMechanisms.1.member.priority' failed to satisfy constraint: Member must have value less than or equal to 2; Value null at 'accountRecoverySetting.recoveryMechanisms.2.member.priority' failed to satisfy constraint: Member must not be null",
        ),
        // 'userPoolAddOns' ('P' = 0x50) sorts before 'usernameConfiguration' ('n' = 0x6E).
        case(
            "create_user_pool/required members of nested structures",
            "CreateUserPool",
            json!({"PoolName": "p", "UsernameConfiguration": {}, "UserPoolAddOns": {}}),
            "2 validation errors detected: Value null at 'userPoolAddOns.advancedSecurityMode' failed to satisfy constraint: Member must not be null; Value null at 'usernameConfiguration.caseSensitive' failed to satisfy constraint: Member must not be null",
        ),
        // `KMSKeyID` lower-cases its first letter only.
        case(
            "create_user_pool/kms key that is not an arn",
            "CreateUserPool",
            json!({"PoolName": "p", "LambdaConfig": {"KMSKeyID": "not-an-arn"}}),
            r"2 validation errors detected: Value 'not-an-arn' at 'lambdaConfig.kMSKeyID' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'not-an-arn' at 'lambdaConfig.kMSKeyID' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?",
        ),
        case(
            "create_user_pool/custom sms sender with unknown version and no arn",
            "CreateUserPool",
            json!({"PoolName": "p", "LambdaConfig": {"CustomSMSSender": {"LambdaVersion": "V2_0"}}}),
            "2 validation errors detected: Value null at 'lambdaConfig.customSMSSender.lambdaArn' failed to satisfy constraint: Member must not be null; Value 'V2_0' at 'lambdaConfig.customSMSSender.lambdaVersion' failed to satisfy constraint: Member must satisfy enum value set: [V1_0]",
        ),
        case(
            "create_user_pool/invite template and unused account validity",
            "CreateUserPool",
            json!({"PoolName": "p", "AdminCreateUserConfig": {
                "UnusedAccountValidityDays": 400,
                "InviteMessageTemplate": {"SMSMessage": "hi"}
            }}),
            // Today's model checks invitation SMS text with `SmsInviteMessageType`
            // (pattern `(?s).*`), which 'hi' matches.
            r"2 validation errors detected: Value 'hi' at 'adminCreateUserConfig.inviteMessageTemplate.sMSMessage' failed to satisfy constraint: Member must have length greater than or equal to 6; Value '400' at 'adminCreateUserConfig.unusedAccountValidityDays' failed to satisfy constraint: Member must have value less than or equal to 365",
        ),
        case(
            "create_user_pool/email configuration",
            "CreateUserPool",
            json!({"PoolName": "p", "EmailConfiguration": {
                "ReplyToEmailAddress": "no-at-sign",
                "ConfigurationSet": "my set",
                "EmailSendingAccount": "SES"
            }}),
            r"3 validation errors detected: Value 'my set' at 'emailConfiguration.configurationSet' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$; Value 'SES' at 'emailConfiguration.emailSendingAccount' failed to satisfy constraint: Member must satisfy enum value set: [COGNITO_DEFAULT, DEVELOPER]; Value 'no-at-sign' at 'emailConfiguration.replyToEmailAddress' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+",
        ),
        case(
            "create_user_pool/sms configuration without caller arn",
            "CreateUserPool",
            json!({"PoolName": "p", "SmsConfiguration": {"SnsRegion": "us"}}),
            // `SnsCallerArn` is optional in today's model (`OptionalArnType`).
            "1 validation error detected: Value 'us' at 'smsConfiguration.snsRegion' failed to satisfy constraint: Member must have length greater than or equal to 5",
        ),
        // A map value that breaks TagValueType (0..256) is reported at the map, without it.
        case(
            "create_user_pool/tag value of 257 characters",
            "CreateUserPool",
            json!({"PoolName": "p", "UserPoolTags": {"zeta": rep("x", 257), "alpha": "ok"}}),
            "1 validation error detected: Value at 'userPoolTags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]",
        ),
        case(
            "create_user_pool/unknown values in enum lists",
            "CreateUserPool",
            json!({"PoolName": "p", "AutoVerifiedAttributes": ["email", "Email"],
                   "AliasAttributes": ["preferred_username", "username"]}),
            "2 validation errors detected: Value '[preferred_username, username]' at 'aliasAttributes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email, preferred_username]]; Value '[email, Email]' at 'autoVerifiedAttributes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email]]",
        ),
        case(
            "create_user_pool/unknown deletion protection and mfa configuration",
            "CreateUserPool",
            json!({"PoolName": "p", "DeletionProtection": "active", "MfaConfiguration": "OPTIONAL "}),
            "2 validation errors detected: Value 'active' at 'deletionProtection' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]; Value 'OPTIONAL ' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]",
        ),
        case(
            "create_user_pool/verification message template",
            "CreateUserPool",
            json!({"PoolName": "p", "VerificationMessageTemplate": {
                "DefaultEmailOption": "CONFIRM_WITH_EMAIL",
                "EmailMessageByLink": "Click here"
            }}),
            r"2 validation errors detected: Value 'CONFIRM_WITH_EMAIL' at 'verificationMessageTemplate.defaultEmailOption' failed to satisfy constraint: Member must satisfy enum value set: [CONFIRM_WITH_LINK, CONFIRM_WITH_CODE]; Value 'Click here' at 'verificationMessageTemplate.emailMessageByLink' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
        ),
    ]
}

fn domain_and_update_cases() -> Vec<Case> {
    vec![
        case(
            "create_user_pool_domain/prefix domain",
            "CreateUserPoolDomain",
            json!({"Domain": "my-domain", "UserPoolId": POOL}),
            "valid",
        ),
        // {0,61} between two characters: 63 is the longest prefix the pattern accepts.
        case(
            "create_user_pool_domain/domain of 63 characters",
            "CreateUserPoolDomain",
            json!({"Domain": rep("a", 63), "UserPoolId": POOL}),
            "valid",
        ),
        // DomainType's pattern has no '.', so a fully qualified name fails it.
        case(
            "create_user_pool_domain/dotted custom domain",
            "CreateUserPoolDomain",
            json!({"Domain": "auth.example.com", "UserPoolId": POOL,
                   "CustomDomainConfig": {"CertificateArn": CERT_ARN}}),
            r"1 validation error detected: Value 'auth.example.com' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
        ),
        case(
            "create_user_pool_domain/trailing hyphen",
            "CreateUserPoolDomain",
            json!({"Domain": "my-domain-", "UserPoolId": POOL}),
            r"1 validation error detected: Value 'my-domain-' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
        ),
        case(
            "create_user_pool_domain/domain of 64 characters fails length and pattern",
            "CreateUserPoolDomain",
            json!({"Domain": rep("a", 64), "UserPoolId": POOL}),
            cat(&[
                "2 validation errors detected: Value '",
                &rep("a", 64),
                "' at 'domain' failed to satisfy constraint: Member must have length less than or equal to 63; Value '",
                &rep("a", 64),
                r"' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
            ]),
        ),
        case(
            "create_user_pool_domain/upper-case domain",
            "CreateUserPoolDomain",
            json!({"Domain": "My-Domain", "UserPoolId": POOL}),
            r"1 validation error detected: Value 'My-Domain' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
        ),
        case(
            "create_user_pool_domain/both required members missing",
            "CreateUserPoolDomain",
            json!({}),
            "2 validation errors detected: Value null at 'domain' failed to satisfy constraint: Member must not be null; Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "create_user_pool_domain/custom domain config without certificate",
            "CreateUserPoolDomain",
            json!({"Domain": "my-domain", "UserPoolId": POOL, "CustomDomainConfig": {}}),
            "1 validation error detected: Value null at 'customDomainConfig.certificateArn' failed to satisfy constraint: Member must not be null",
        ),
        // The account segment of an ARN must be [0-9]+.
        case(
            "create_user_pool_domain/certificate arn with a non-numeric account",
            "CreateUserPoolDomain",
            json!({"Domain": "my-domain", "UserPoolId": POOL,
                   "CustomDomainConfig": {"CertificateArn": "arn:aws:acm:us-east-1:account:certificate/abc"}}),
            r"1 validation error detected: Value 'arn:aws:acm:us-east-1:account:certificate/abc' at 'customDomainConfig.certificateArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?",
        ),
        // "{####}" also satisfies the by-link pattern: `\{##` + nothing + `##\}`. A tab is \s.
        case(
            "update_user_pool/complete body",
            "UpdateUserPool",
            json!({
                "UserPoolId": POOL,
                "EmailVerificationMessage": "Your code is {####}",
                "EmailVerificationSubject": "Subject\twith tab",
                "VerificationMessageTemplate": {"EmailMessageByLink": "{####}"},
                "UserPoolTags": {},
                "MfaConfiguration": "OFF",
                "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "admin_only"}]}
            }),
            "valid",
        ),
        case(
            "update_user_pool/missing user pool id and short sms message",
            "UpdateUserPool",
            json!({"SmsAuthenticationMessage": "x"}),
            r"3 validation errors detected: Value 'x' at 'smsAuthenticationMessage' failed to satisfy constraint: Member must have length greater than or equal to 6; Value 'x' at 'smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*; Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        ),
        case(
            "update_user_pool/empty email subject",
            "UpdateUserPool",
            json!({"UserPoolId": POOL, "EmailVerificationSubject": ""}),
            r"2 validation errors detected: Value '' at 'emailVerificationSubject' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'emailVerificationSubject' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\s]+",
        ),
        case(
            "update_user_pool/email message without the code placeholder",
            "UpdateUserPool",
            json!({"UserPoolId": POOL, "EmailVerificationMessage": "Your code"}),
            r"1 validation error detected: Value 'Your code' at 'emailVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
        ),
        case(
            "update_user_pool/no recovery mechanism",
            "UpdateUserPool",
            json!({"UserPoolId": POOL, "AccountRecoverySetting": {"RecoveryMechanisms": []}}),
            "1 validation error detected: Value at 'accountRecoverySetting.recoveryMechanisms' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
    ]
}

fn resource_cases() -> Vec<Case> {
    let attributes_26: Vec<Value> = (1..=26)
        .map(|i| json!({"Name": format!("attr{i}"), "AttributeDataType": "String"}))
        .collect();
    vec![
        case(
            "tag_resource/complete body",
            "TagResource",
            json!({"ResourceArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI",
                   "Tags": {"team": "identity", "empty": ""}}),
            "valid",
        ),
        case(
            "tag_resource/tag value of 257 characters",
            "TagResource",
            json!({"ResourceArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI",
                   "Tags": {"b": rep("t", 257), "a": "ok"}}),
            "1 validation error detected: Value at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]",
        ),
        case(
            "tag_resource/short arn and missing tags",
            "TagResource",
            json!({"ResourceArn": "arn:aws:cognito"}),
            r"3 validation errors detected: Value 'arn:aws:cognito' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'arn:aws:cognito' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?; Value null at 'tags' failed to satisfy constraint: Member must not be null",
        ),
        // TagKeysType: length 1..128, no pattern.
        case(
            "untag_resource/empty tag key",
            "UntagResource",
            json!({"ResourceArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI",
                   "TagKeys": ["", "team"]}),
            "1 validation error detected: Value '[, team]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]",
        ),
        case(
            "add_custom_attributes/one attribute",
            "AddCustomAttributes",
            json!({"UserPoolId": POOL, "CustomAttributes": [{"Name": "team", "AttributeDataType": "String", "Mutable": true}]}),
            "valid",
        ),
        // CustomAttributesListType: 1..25 items.
        case(
            "add_custom_attributes/26 attributes",
            "AddCustomAttributes",
            json!({"UserPoolId": POOL, "CustomAttributes": attributes_26}),
            "1 validation error detected: Value at 'customAttributes' failed to satisfy constraint: Member must have length less than or equal to 25",
        ),
        case(
            "add_custom_attributes/no attribute",
            "AddCustomAttributes",
            json!({"UserPoolId": POOL, "CustomAttributes": []}),
            "1 validation error detected: Value at 'customAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        case(
            "create_group/negative precedence",
            "CreateGroup",
            json!({"GroupName": "admins", "UserPoolId": POOL, "Precedence": -1}),
            "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
        ),
        // PrecedenceType has a minimum only, and no format: any i64 above it is fine.
        case(
            "create_group/large precedence",
            "CreateGroup",
            json!({"GroupName": "admins", "UserPoolId": POOL, "Precedence": 9_999_999_999_i64,
                   "Description": "Administrators", "RoleArn": ROLE_ARN}),
            "valid",
        ),
        // GroupNameType is not sensitive.
        case(
            "create_group/group name of 129 characters",
            "CreateGroup",
            json!({"GroupName": rep("g", 129), "UserPoolId": POOL}),
            cat(&[
                "1 validation error detected: Value '",
                &rep("g", 129),
                "' at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128",
            ]),
        ),
        case(
            "create_user_pool_client/complete body",
            "CreateUserPoolClient",
            json!({
                "UserPoolId": POOL,
                "ClientName": "my app",
                "GenerateSecret": false,
                "RefreshTokenValidity": 30,
                "AccessTokenValidity": 60,
                "IdTokenValidity": 60,
                "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
                "ReadAttributes": ["email"],
                "WriteAttributes": ["email"],
                "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                "SupportedIdentityProviders": ["COGNITO"],
                "CallbackURLs": ["https://example.com/callback"],
                "LogoutURLs": ["https://example.com/logout"],
                "DefaultRedirectURI": "https://example.com/callback",
                "AllowedOAuthFlows": ["code"],
                "AllowedOAuthScopes": ["openid", "email"],
                "AllowedOAuthFlowsUserPoolClient": true,
                "AnalyticsConfiguration": {"ApplicationId": "0123456789abcdefABCDEF", "UserDataShared": true},
                "PreventUserExistenceErrors": "ENABLED",
                "EnableTokenRevocation": true,
                "AuthSessionValidity": 3
            }),
            "valid",
        ),
        case(
            "create_user_pool_client/four token validities out of range",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web", "RefreshTokenValidity": 315_360_001,
                   "AccessTokenValidity": 0, "IdTokenValidity": 86401, "AuthSessionValidity": 2}),
            "4 validation errors detected: Value '0' at 'accessTokenValidity' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '2' at 'authSessionValidity' failed to satisfy constraint: Member must have value greater than or equal to 3; Value '86401' at 'idTokenValidity' failed to satisfy constraint: Member must have value less than or equal to 86400; Value '315360001' at 'refreshTokenValidity' failed to satisfy constraint: Member must have value less than or equal to 315360000",
        ),
        case(
            "create_user_pool_client/too many oauth flows and unknown time unit",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web",
                   "AllowedOAuthFlows": ["code", "implicit", "client_credentials", "code"],
                   "TokenValidityUnits": {"AccessToken": "weeks"}}),
            "2 validation errors detected: Value '[code, implicit, client_credentials, code]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must have length less than or equal to 3; Value 'weeks' at 'tokenValidityUnits.accessToken' failed to satisfy constraint: Member must satisfy enum value set: [seconds, minutes, hours, days]",
        ),
        // '"' is \x22, outside ScopeType's ranges; a space is outside RedirectUrlType's.
        case(
            "create_user_pool_client/bad scope and callback url",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web",
                   "AllowedOAuthScopes": ["openid", "bad\"scope"],
                   "CallbackURLs": ["https://example.com/a b"]}),
            r#"2 validation errors detected: Value '[openid, bad"scope]' at 'allowedOAuthScopes' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\x21\x23-\x5B\x5D-\x7E]+]; Value '[https://example.com/a b]' at 'callbackURLs' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+]"#,
        ),
        case(
            "create_user_pool_client/unknown explicit auth flow",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web",
                   "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_SRP"]}),
            "1 validation error detected: Value '[ALLOW_USER_SRP_AUTH, ALLOW_SRP]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH, ALLOW_TOKEN_EXCHANGE_DELEGATION, ALLOW_TOKEN_EXCHANGE_IMPERSONATION]]",
        ),
        case(
            "create_user_pool_client/analytics application id that is not hex",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web", "AnalyticsConfiguration": {"ApplicationId": "xyz"}}),
            "1 validation error detected: Value 'xyz' at 'analyticsConfiguration.applicationId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-fA-F]+$",
        ),
        // `[^_][\p{..}][^_]+`: '_' is \p{Pc}, so it may only be the middle character.
        case(
            "create_identity_provider/complete body",
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "a_b", "ProviderType": "OIDC",
                   "ProviderDetails": {"client_id": "abc", "authorize_scopes": "openid"},
                   "AttributeMapping": {"email": "email"},
                   "IdpIdentifiers": ["example.com"]}),
            "valid",
        ),
        case(
            "create_identity_provider/provider name starting with underscore",
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "_google", "ProviderType": "Google",
                   "ProviderDetails": {}}),
            // `ProviderNameTypeV2` of today's model: length 1..32, pattern
            // `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+`.
            r"1 validation error detected: Value '_google' at 'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+",
        ),
        case(
            "create_identity_provider/provider name of 2 characters",
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "ab", "ProviderType": "Google",
                   "ProviderDetails": {}}),
            // The pattern still needs three characters; the length limit no longer does.
            r"1 validation error detected: Value 'ab' at 'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+",
        ),
        // 'providerDetails' ('D' = 0x44) sorts before 'providerType' ('T' = 0x54).
        case(
            "create_identity_provider/unknown type and missing details",
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "Okta", "ProviderType": "Okta"}),
            "2 validation errors detected: Value null at 'providerDetails' failed to satisfy constraint: Member must not be null; Value 'Okta' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC]",
        ),
        case(
            "create_identity_provider/slash in an idp identifier",
            "CreateIdentityProvider",
            json!({"UserPoolId": POOL, "ProviderName": "corp", "ProviderType": "SAML",
                   "ProviderDetails": {"MetadataURL": "https://idp.example.com/metadata"},
                   "IdpIdentifiers": ["ok", "bad/id"]}),
            r"1 validation error detected: Value '[ok, bad/id]' at 'idpIdentifiers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\w\s+=.@-]+]",
        ),
        case(
            "create_resource_server/complete body",
            "CreateResourceServer",
            json!({"UserPoolId": POOL, "Identifier": "https://api.example.com", "Name": "My API",
                   "Scopes": [{"ScopeName": "read:all", "ScopeDescription": "Read everything"}]}),
            "valid",
        ),
        // '\' is \x5C (excluded from identifiers); '/' is \x2F (excluded from scope names).
        case(
            "create_resource_server/backslash, empty description, slash in scope",
            "CreateResourceServer",
            json!({"UserPoolId": POOL, "Identifier": "https://api.example.com\\v1", "Name": "api",
                   "Scopes": [{"ScopeName": "read/all", "ScopeDescription": ""}]}),
            r"3 validation errors detected: Value 'https://api.example.com\v1' at 'identifier' failed to satisfy constraint: Member must satisfy regular expression pattern: [\x21\x23-\x5B\x5D-\x7E]+; Value '' at 'scopes.1.member.scopeDescription' failed to satisfy constraint: Member must have length greater than or equal to 1; Value 'read/all' at 'scopes.1.member.scopeName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+",
        ),
        case(
            "start_user_import_job/valid job id",
            "StartUserImportJob",
            json!({"UserPoolId": POOL, "JobId": "import-AbC-123"}),
            "valid",
        ),
        case(
            "start_user_import_job/job id without suffix",
            "StartUserImportJob",
            json!({"UserPoolId": POOL, "JobId": "import-"}),
            "1 validation error detected: Value 'import-' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+",
        ),
        case(
            "start_user_import_job/job id with another prefix",
            "StartUserImportJob",
            json!({"UserPoolId": POOL, "JobId": "export-abc"}),
            "1 validation error detected: Value 'export-abc' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+",
        ),
        case(
            "create_user_import_job/complete body",
            "CreateUserImportJob",
            json!({"JobName": "nightly import", "UserPoolId": POOL,
                   "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CognitoImport"}),
            "valid",
        ),
        case(
            "create_user_import_job/hash sign in job name",
            "CreateUserImportJob",
            json!({"JobName": "job#1", "UserPoolId": POOL,
                   "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CognitoImport"}),
            r"1 validation error detected: Value 'job#1' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+",
        ),
        case(
            "set_log_delivery_configuration/complete body",
            "SetLogDeliveryConfiguration",
            json!({"UserPoolId": POOL, "LogConfigurations": [{
                "LogLevel": "ERROR", "EventSource": "userNotification",
                "CloudWatchLogsConfiguration": {"LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:cognito"}
            }]}),
            "valid",
        ),
        // LogConfigurationListType: 0..1 items.
        case(
            // At most two in today's model (`LogConfigurationListType`), as a live Cognito
            // answers (floci-io/floci pull request 2867).
            "set_log_delivery_configuration/three configurations",
            "SetLogDeliveryConfiguration",
            json!({"UserPoolId": POOL, "LogConfigurations": [
                {"LogLevel": "ERROR", "EventSource": "userNotification"},
                {"LogLevel": "INFO", "EventSource": "userAuthEvents"},
                {"LogLevel": "ERROR", "EventSource": "userNotification"}
            ]}),
            "1 validation error detected: Value at 'logConfigurations' failed to satisfy constraint: Member must have length less than or equal to 2",
        ),
        case(
            "set_log_delivery_configuration/unknown log level",
            "SetLogDeliveryConfiguration",
            json!({"UserPoolId": POOL, "LogConfigurations": [{"LogLevel": "DEBUG", "EventSource": "userNotification"}]}),
            "1 validation error detected: Value 'DEBUG' at 'logConfigurations.1.member.logLevel' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, INFO]",
        ),
        case(
            "set_log_delivery_configuration/empty configuration",
            "SetLogDeliveryConfiguration",
            json!({"UserPoolId": POOL, "LogConfigurations": [{}]}),
            "2 validation errors detected: Value null at 'logConfigurations.1.member.eventSource' failed to satisfy constraint: Member must not be null; Value null at 'logConfigurations.1.member.logLevel' failed to satisfy constraint: Member must not be null",
        ),
    ]
}

/// Lists and maps of strings and enums: a violation in their elements is one violation at
/// the collection's path, listing every constraint of the element shape.
fn list_and_map_cases() -> Vec<Case> {
    // AttributeNameType: length 1..32 and a pattern; AcrValueType: 1..64 and a pattern.
    let attribute_name = r"Member must satisfy constraint: [Member must have length less than or equal to 32, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+]";
    let acr_value = r"Map value must satisfy constraint: [Member must have length less than or equal to 64, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\x21\x23-\x5B\x5D-\x7E]+]";
    let tag_value = "Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]";
    let provider = |extra: Value| {
        let mut body = json!({"UserPoolId": POOL, "ProviderName": "corp", "ProviderType": "OIDC",
                              "ProviderDetails": {"client_id": "abc"}});
        if let (Some(body), Value::Object(extra)) = (body.as_object_mut(), extra) {
            body.extend(extra);
        }
        body
    };
    vec![
        // Java's `List.toString` of `[""]` is `[]`.
        case(
            "lists/a list of one empty string prints []",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": [""]}),
            cat(&[
                "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: ",
                attribute_name,
            ]),
        ),
        case(
            "lists/two empty strings print [, ]",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": ["", ""]}),
            cat(&[
                "1 validation error detected: Value '[, ]' at 'attributesToGet' failed to satisfy constraint: ",
                attribute_name,
            ]),
        ),
        // Every element is bad, each in its own way: still one violation, the list printed
        // once, with every element as sent.
        case(
            "lists/every element bad is one violation",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": ["", rep("a", 33), "\u{7}", "email"]}),
            cat(&[
                "1 validation error detected: Value '[, ",
                &rep("a", 33),
                ", \u{7}, email]' at 'attributesToGet' failed to satisfy constraint: ",
                attribute_name,
            ]),
        ),
        case(
            "lists/an empty list of strings",
            "ListUsers",
            json!({"UserPoolId": POOL, "AttributesToGet": []}),
            "valid",
        ),
        // VerifiedAttributeType is an enum: its values are the only constraint listed.
        case(
            "lists/a list of enums with no known value",
            "CreateUserPool",
            json!({"PoolName": "p", "AutoVerifiedAttributes": ["EMAIL", "PHONE_NUMBER"]}),
            "1 validation error detected: Value '[EMAIL, PHONE_NUMBER]' at 'autoVerifiedAttributes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email]]",
        ),
        // The list's own length (rank of a length) sorts before its elements' violation.
        case(
            "lists/length and element violations of one list",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web",
                   "AllowedOAuthFlows": ["code", "implicit", "client_credentials", "device_code"]}),
            "2 validation errors detected: Value '[code, implicit, client_credentials, device_code]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must have length less than or equal to 3; Value '[code, implicit, client_credentials, device_code]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [code, implicit, client_credentials]]",
        ),
        // Structures in a list keep their per-element paths.
        case(
            "lists/a list of structures reports each member",
            "AdminUpdateUserAttributes",
            json!({"UserPoolId": POOL, "Username": "bob",
                   "UserAttributes": [{"Name": "email", "Value": "a@b.c"}, {"Name": ""}]}),
            r"2 validation errors detected: Value '' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+",
        ),
        case(
            "maps/valid keys and values",
            "CreateIdentityProvider",
            provider(json!({"AttributeMapping": {"email": "email", "name": ""},
                            "AcrMapping": {"Level1": "urn:acr:low", "Level4": "urn:acr:high"}})),
            "valid",
        ),
        // AttributeMappingKeyType: length 1..32; the map's value is never shown.
        case(
            "maps/a key of 33 characters",
            "CreateIdentityProvider",
            provider(json!({"AttributeMapping": {"email": "email", rep("k", 33): "name"}})),
            "1 validation error detected: Value at 'attributeMapping' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 32, Member must have length greater than or equal to 1]",
        ),
        // AcrMappingKeyType: `Level[1-4]`. Keys sort before values at the same path.
        case(
            "maps/bad key and bad value",
            "CreateIdentityProvider",
            provider(json!({"AcrMapping": {"Level5": "urn:acr", "Level1": "bad value"}})),
            cat(&[
                "2 validation errors detected: Value at 'acrMapping' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: Level[1-4]]; Value at 'acrMapping' failed to satisfy constraint: ",
                acr_value,
            ]),
        ),
        // Five entries (at most 4): the size first, then the values.
        case(
            "maps/too many entries and a bad value",
            "CreateIdentityProvider",
            provider(
                json!({"AcrMapping": {"Level1": "a", "Level2": "b", "Level3": "c",
                                           "Level4": "", "Level1x": "e"}}),
            ),
            cat(&[
                "3 validation errors detected: Value at 'acrMapping' failed to satisfy constraint: Member must have length less than or equal to 4; Value at 'acrMapping' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: Level[1-4]]; Value at 'acrMapping' failed to satisfy constraint: ",
                acr_value,
            ]),
        ),
        case(
            "maps/three bad values are one violation",
            "TagResource",
            json!({"ResourceArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI",
                   "Tags": {"a": rep("t", 257), "b": rep("u", 300), "c": rep("v", 1000)}}),
            cat(&[
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: ",
                tag_value,
            ]),
        ),
        // Lists, maps and scalars together, sorted by path: allowedOAuthScopes <
        // callbackURLs < clientName < explicitAuthFlows < logoutURLs.
        case(
            "lists/several violations at once",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "",
                   "AllowedOAuthScopes": ["openid", "a b"],
                   "CallbackURLs": [""],
                   "LogoutURLs": ["https://example.com/bye", "https://example.com/see you"],
                   "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "allow_refresh_token_auth"]}),
            r"6 validation errors detected: Value '[openid, a b]' at 'allowedOAuthScopes' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\x21\x23-\x5B\x5D-\x7E]+]; Value '[]' at 'callbackURLs' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+]; Value '' at 'clientName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'clientName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+; Value '[ALLOW_USER_SRP_AUTH, allow_refresh_token_auth]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH, ALLOW_TOKEN_EXCHANGE_DELEGATION, ALLOW_TOKEN_EXCHANGE_IMPERSONATION]]; Value '[https://example.com/bye, https://example.com/see you]' at 'logoutURLs' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+]",
        ),
        // 101 callback URLs (at most 100): the whole list is the value of the length
        // violation.
        case(
            "lists/too many elements prints the list",
            "CreateUserPoolClient",
            json!({"UserPoolId": POOL, "ClientName": "web",
                   "CallbackURLs": vec!["https://a.example"; 101]}),
            cat(&[
                "1 validation error detected: Value '[",
                &vec!["https://a.example"; 101].join(", "),
                "]' at 'callbackURLs' failed to satisfy constraint: Member must have length less than or equal to 100",
            ]),
        ),
    ]
}

fn cases() -> Vec<Case> {
    let mut all = Vec::new();
    all.extend(sign_up_cases());
    all.extend(admin_user_cases());
    all.extend(auth_cases());
    all.extend(list_cases());
    all.extend(create_user_pool_cases());
    all.extend(domain_and_update_cases());
    all.extend(resource_cases());
    all.extend(list_and_map_cases());
    all
}

/// Runs one case through `Request::from_http`; `Err` describes a mismatch.
fn run(case: &Case) -> Result<(), String> {
    let target = format!("AWSCognitoIdentityProviderService.{}", case.op);
    let result = Request::from_http(&target, &case.body);
    match (&case.expect, result) {
        (Expect::Valid, Ok(request)) => {
            if request.operation().name() != case.op {
                return Err(format!("routed to {}", request.operation().name()));
            }
            if let Err(e) = validate_request(&request) {
                return Err(format!("parsed, but its value does not validate: {e}"));
            }
            match typed_validate(case.op, &case.body) {
                Some(Ok(())) => Ok(()),
                Some(Err(e)) => Err(format!("typed value does not validate: {e}")),
                None => Err("typed strict parse failed".to_owned()),
            }
        }
        (Expect::Valid, Err(e)) => Err(format!(
            "expected valid, got {}: {}",
            e.code(),
            e.message().unwrap_or("<no message>")
        )),
        (Expect::Message(expected), Ok(_)) => Err(format!(
            "expected\n    {expected}\n  but the body was accepted"
        )),
        (Expect::Message(expected), Err(e)) => {
            if e.code() != "InvalidParameterException" || e.http_status() != 400 {
                return Err(format!(
                    "expected InvalidParameterException (400), got {} ({}): {}",
                    e.code(),
                    e.http_status(),
                    e.message().unwrap_or("<no message>")
                ));
            }
            let actual = e.message().unwrap_or("<no message>");
            if actual != expected {
                return Err(format!("expected\n    {expected}\n  actual\n    {actual}"));
            }
            // Bodies without missing members read strictly too; `validate()` on the typed
            // value must give the same message.
            match typed_validate(case.op, &case.body) {
                None => Ok(()),
                Some(Err(e)) if e.to_string() == *expected => Ok(()),
                Some(Err(e)) => Err(format!("typed validate() differs:\n    {e}")),
                Some(Ok(())) => Err("typed validate() accepts the value".to_owned()),
            }
        }
    }
}

/// Panics with every failure at once, so one run shows all mismatches.
fn assert_no_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}: {} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn table_has_enough_distinct_cases() {
    let all = cases();
    assert!(all.len() >= 60, "only {} cases", all.len());
    let mut names: Vec<&str> = all.iter().map(|c| c.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "case names must be unique");
    let valid = all
        .iter()
        .filter(|c| matches!(c.expect, Expect::Valid))
        .count();
    assert!(valid >= 15, "only {valid} valid cases");
}

#[test]
fn every_case_gets_its_exact_message() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|c| run(c).err().map(|e| format!("[{}] {e}", c.name)))
        .collect();
    assert_no_failures("validation table", &failures);
}

#[test]
fn every_valid_body_round_trips() {
    let failures: Vec<String> = cases()
        .iter()
        .filter(|c| matches!(c.expect, Expect::Valid))
        .filter_map(|c| {
            let body = c.json.as_ref()?;
            let target = format!("AWSCognitoIdentityProviderService.{}", c.op);
            let request = match Request::from_http(&target, &c.body) {
                Ok(r) => r,
                Err(e) => return Some(format!("[{}] rejected: {e}", c.name)),
            };
            let routed = serde_json::to_value(&request).expect("request serializes");
            if routed != *body {
                return Some(format!("[{}] Request wrote {routed}", c.name));
            }
            let typed = typed_round_trip(c.op, body);
            if typed != *body {
                return Some(format!("[{}] typed request wrote {typed}", c.name));
            }
            None
        })
        .collect();
    assert_no_failures("round trips", &failures);
}

/// `S3BucketType` (`^[0-9A-Za-z\.\-_]*(?<!\.)$`, length 3..1024) is reachable from no
/// request of the spec: only `DomainDescriptionType`, in `DescribeUserPoolDomain`'s response,
/// uses it. Those values are validated through that response type.
#[test]
fn s3_bucket_values_ending_in_a_dot() {
    let table: [(&str, &str); 8] = [
        ("my-bucket.example", "valid"),
        ("a.b", "valid"),
        (
            "my-bucket.",
            r"1 validation error detected: Value 'my-bucket.' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$",
        ),
        (
            "ab.",
            r"1 validation error detected: Value 'ab.' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$",
        ),
        (
            "bucket..",
            r"1 validation error detected: Value 'bucket..' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$",
        ),
        (
            "a.",
            r"2 validation errors detected: Value 'a.' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must have length greater than or equal to 3; Value 'a.' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$",
        ),
        // The pattern accepts the empty string; only minLength 3 fails.
        (
            "",
            "1 validation error detected: Value '' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must have length greater than or equal to 3",
        ),
        (
            "my bucket",
            r"1 validation error detected: Value 'my bucket' at 'domainDescription.s3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\.\-_]*(?<!\.)$",
        ),
    ];
    let mut failures = Vec::new();
    for (bucket, expected) in table {
        let body = json!({"DomainDescription": {
            "UserPoolId": POOL,
            "AWSAccountId": "123456789012",
            "Domain": "my-domain",
            "S3Bucket": bucket,
            "CloudFrontDistribution": "d111111abcdef8.cloudfront.net",
            "Version": "20230101",
            "Status": "ACTIVE"
        }});
        let value: DescribeUserPoolDomainResponse =
            serde_json::from_value(body).expect("response reads");
        let actual = match value.validate() {
            Ok(()) => "valid".to_owned(),
            Err(e) => e.to_string(),
        };
        if actual != expected {
            failures.push(format!(
                "[{bucket:?}] expected\n    {expected}\n  actual\n    {actual}"
            ));
        }
    }
    assert_no_failures("S3 buckets", &failures);
}

/// `AWSAccountId` lower-cases its first letter only: `aWSAccountId`.
#[test]
fn account_id_and_status_of_a_domain_description() {
    let body = json!({"DomainDescription": {
        "AWSAccountId": "12345678901a",
        "S3Bucket": "my-bucket",
        "Status": "PENDING"
    }});
    let value: DescribeUserPoolDomainResponse =
        serde_json::from_value(body).expect("response reads");
    assert_eq!(
        value.validate().unwrap_err().to_string(),
        "2 validation errors detected: Value '12345678901a' at 'domainDescription.aWSAccountId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+; Value 'PENDING' at 'domainDescription.status' failed to satisfy constraint: Member must satisfy enum value set: [CREATING, DELETING, UPDATING, ACTIVE, FAILED]"
    );
}

/// Sensitive members (`format: password`) never reach the message, whatever they violate.
#[test]
fn sensitive_values_never_appear_in_messages() {
    const SECRET: &str = "S3cr3t Xyzzy";
    let long_secret = rep(SECRET, 200);
    let bodies: Vec<(&str, Value, &str)> = vec![
        (
            "SignUp",
            json!({"ClientId": SECRET, "Username": "alice", "Password": "x"}),
            "clientId",
        ),
        (
            "SignUp",
            json!({"ClientId": CLIENT, "Username": SECRET, "Password": "x"}),
            "username",
        ),
        (
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": SECRET}),
            "password",
        ),
        (
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "x", "SecretHash": SECRET}),
            "secretHash",
        ),
        (
            "SignUp",
            json!({"ClientId": CLIENT, "Username": "alice", "Password": "x",
                   "UserAttributes": [{"Name": "email", "Value": long_secret}]}),
            "userAttributes.1.member.value",
        ),
        (
            "AdminCreateUser",
            json!({"UserPoolId": POOL, "Username": "alice", "TemporaryPassword": SECRET}),
            "temporaryPassword",
        ),
        ("GetUser", json!({"AccessToken": SECRET}), "accessToken"),
        (
            "ChangePassword",
            json!({"PreviousPassword": SECRET, "ProposedPassword": "x", "AccessToken": "t"}),
            "previousPassword",
        ),
        (
            "RevokeToken",
            json!({"Token": "t", "ClientId": CLIENT, "ClientSecret": SECRET}),
            "clientSecret",
        ),
        (
            "UpdateAuthEventFeedback",
            json!({"UserPoolId": POOL, "Username": "bob", "EventId": "e1",
                   "FeedbackToken": SECRET, "FeedbackValue": "Valid"}),
            "feedbackToken",
        ),
    ];
    let mut failures = Vec::new();
    for (op, body, path) in bodies {
        let target = format!("AWSCognitoIdentityProviderService.{op}");
        let bytes = serde_json::to_vec(&body).unwrap();
        match Request::from_http(&target, &bytes) {
            Ok(_) => failures.push(format!("[{op} {path}] accepted")),
            Err(e) => {
                let message = e.message().unwrap_or("");
                if message.contains("S3cr3t") || message.contains("Xyzzy") {
                    failures.push(format!("[{op} {path}] leaks: {message}"));
                }
                let omitted = format!("Value at '{path}' failed to satisfy constraint");
                if !message.contains(&omitted) {
                    failures.push(format!("[{op} {path}] no `{omitted}` in: {message}"));
                }
                let debug = format!("{e:?}");
                if debug.contains("S3cr3t") {
                    failures.push(format!("[{op} {path}] Debug of the error leaks: {debug}"));
                }
            }
        }
    }
    assert_no_failures("sensitive values", &failures);
}

/// Structured access: each violation's path, constraint with its limit, and shown value.
#[test]
fn violations_expose_path_constraint_and_value() {
    let body = json!({"UserPoolId": "bad", "Limit": 61, "AttributesToGet": ["email", ""]});
    let request: ListUsersRequest = serde_json::from_value(body).unwrap();
    let errors = request.validate().unwrap_err();
    let got: Vec<(&str, &Constraint, Option<&str>)> = errors
        .iter()
        .map(|v| (v.path(), v.constraint(), v.value()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "attributesToGet",
                &Constraint::ListMember(&[
                    Constraint::MaxLength(32),
                    Constraint::MinLength(1),
                    Constraint::Pattern(r"[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+"),
                ]),
                Some("[email, ]")
            ),
            ("limit", &Constraint::Maximum(Limit::Int(60)), Some("61")),
            (
                "userPoolId",
                &Constraint::Pattern(r"[\w-]+_[0-9a-zA-Z]+"),
                Some("bad")
            ),
        ]
    );

    let body = json!({"ClientId": "bad client", "Username": "alice", "Password": "x"});
    let request: SignUpRequest = serde_json::from_value(body).unwrap();
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.len(), 1);
    let violation = &errors.violations()[0];
    assert_eq!(violation.path(), "clientId");
    assert_eq!(violation.shown_value(), &ShownValue::Omitted);
    assert_eq!(violation.value(), None);
    assert_eq!(violation.constraint(), &Constraint::Pattern(r"[\w+]+"));
}

/// Not constraint violations: malformed JSON and wrong JSON types are
/// `SerializationException`, an unknown target is `UnknownOperationException`.
#[test]
fn other_rejections_are_not_validation_errors() {
    let list_users = "AWSCognitoIdentityProviderService.ListUsers";
    let malformed = Request::from_http(list_users, b"{\"UserPoolId\": ").unwrap_err();
    assert_eq!(malformed.code(), "SerializationException");
    assert_eq!(malformed.http_status(), 400);
    let wrong_type = Request::from_http(
        list_users,
        br#"{"UserPoolId": "us-east-1_abc", "Limit": "61"}"#,
    )
    .unwrap_err();
    assert_eq!(wrong_type.code(), "SerializationException");
    let unknown =
        Request::from_http("AWSCognitoIdentityProviderService.NoSuchThing", b"{}").unwrap_err();
    assert_eq!(unknown.code(), "UnknownOperationException");
}

/// AWS evaluates patterns with Java semantics, where `.` (without DOTALL) matches no line
/// terminator: not '\n', and neither '\r', U+0085, U+2028 nor U+2029 (the Rust `regex`
/// default only excludes '\n'). `SmsVerificationMessageType` (`.*\{####\}.*`) is the only
/// Cognito pattern with `.`.
#[test]
fn dot_matches_no_java_line_terminator() {
    let mut failures = Vec::new();
    for message in ["Code:\r{####}", "Code:\u{85}{####}", "Code:\u{2028}{####}"] {
        let body = serde_json::to_vec(&json!({"PoolName": "p", "SmsVerificationMessage": message}))
            .unwrap();
        let expected = cat(&[
            "1 validation error detected: Value '",
            message,
            r"' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*",
        ]);
        let actual =
            match Request::from_http("AWSCognitoIdentityProviderService.CreateUserPool", &body) {
                Ok(_) => "<accepted>".to_owned(),
                Err(e) => e.message().unwrap_or("<no message>").to_owned(),
            };
        if actual != expected {
            failures.push(format!(
                "[{message:?}] expected\n    {expected}\n  actual\n    {actual}"
            ));
        }
    }
    assert_no_failures("line terminators", &failures);
}
