//! A minimal Cognito-compatible HTTP handler built on `cognito-idp`.
//!
//! [`handle`] takes what an HTTP server hands over for an AWS JSON 1.1 call (the
//! `X-Amz-Target` header and the body) and returns the status, headers and body to send:
//!
//! - a request that parses and validates gets `200` and a fixed [`Response`] of its
//!   operation ([`fixed_response`]);
//! - any failure gets an AWS error body (`{"__type":"<Code>","message":"..."}`), the status
//!   of the error (400, or 500 for `InternalErrorException`), and the `x-amzn-ErrorType`
//!   header carrying the error code, as the real service answers.
//!
//! Run it with `cargo run -p specgen-tests --example cognito_server`.

use cognito_idp::types::SignUpResponse;
use cognito_idp::{Error, Operation, Request, Response};

/// The content type of every answer of an AWS JSON 1.1 service.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// The header that names the error code of a failed call.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-ErrorType";

/// Status, headers and body of an HTTP answer.
pub type HttpAnswer = (u16, Vec<(String, String)>, Vec<u8>);

/// Answers one call: routes `target` (the `X-Amz-Target` header value), parses and
/// validates `body`, and answers with the operation's fixed response or an AWS error.
pub fn handle(target: &str, body: &[u8]) -> HttpAnswer {
    match Request::from_http(target, body) {
        Ok(request) => {
            let response = fixed_response(request.operation());
            let body = serde_json::to_vec(&response).expect("a response always serializes");
            (200, vec![header("content-type", CONTENT_TYPE)], body)
        }
        Err(error) => error_answer(&error),
    }
}

/// The HTTP answer for `error`: its status, the AWS error headers and its wire body.
pub fn error_answer(error: &Error) -> HttpAnswer {
    (
        error.http_status(),
        vec![
            header("content-type", CONTENT_TYPE),
            header(ERROR_TYPE_HEADER, error.code()),
        ],
        error.to_json(),
    )
}

/// The response this handler gives every successful call of `operation`: the smallest valid
/// one, with placeholder values where the operation's output has required members.
pub fn fixed_response(operation: Operation) -> Response {
    // Built as a value, the way a real handler would fill it in.
    if operation == Operation::SignUp {
        return Response::SignUp(SignUpResponse {
            user_confirmed: false,
            code_delivery_details: None,
            user_sub: "5f0c2a3e-8d4b-4c5a-9e1f-000000000001".to_owned(),
            session: None,
        });
    }
    // Read from the wire form for the rest: `{}` unless the output has required members.
    let body: &str = match operation {
        Operation::AdminGetDevice | Operation::GetDevice => r#"{"Device":{}}"#,
        Operation::AdminGetUser => r#"{"Username":"alice"}"#,
        Operation::GetUser => {
            r#"{"Username":"alice","UserAttributes":[{"Name":"email","Value":"alice@example.com"}]}"#
        }
        Operation::CreateIdentityProvider
        | Operation::DescribeIdentityProvider
        | Operation::GetIdentityProviderByIdentifier
        | Operation::UpdateIdentityProvider => r#"{"IdentityProvider":{}}"#,
        Operation::CreateResourceServer
        | Operation::DescribeResourceServer
        | Operation::UpdateResourceServer => r#"{"ResourceServer":{}}"#,
        Operation::DescribeRiskConfiguration | Operation::SetRiskConfiguration => {
            r#"{"RiskConfiguration":{}}"#
        }
        Operation::GetUiCustomization | Operation::SetUiCustomization => {
            r#"{"UICustomization":{}}"#
        }
        Operation::ListIdentityProviders => r#"{"Providers":[]}"#,
        Operation::ListResourceServers => r#"{"ResourceServers":[]}"#,
        Operation::AdminGetUserAuthFactors | Operation::GetUserAuthFactors => {
            r#"{"Username":"alice"}"#
        }
        Operation::CreateCimdPolicy
        | Operation::DescribeCimdPolicy
        | Operation::UpdateCimdPolicy => {
            r#"{"CIMDPolicy":{"UserPoolId":"us-east-1_abc","CIMDPolicyId":"p1","PolicyName":"p"}}"#
        }
        Operation::GetDerivedToken => {
            r#"{"IssuedToken":"t","IssuedTokenType":"ACCESS_TOKEN","TokenType":"Bearer"}"#
        }
        Operation::GetProvisionedLimit | Operation::UpdateProvisionedLimit => {
            r#"{"Limit":{"LimitDefinition":{"LimitClass":"API_CATEGORY","Attributes":{}},"ProvisionedLimitValue":1,"FreeLimitValue":1}}"#
        }
        Operation::ListCimdPolicies => r#"{"CIMDPolicies":[]}"#,
        Operation::ListClientMetadataUrls => r#"{"ClientMetadataURLs":[]}"#,
        Operation::ListTerms => r#"{"Terms":[]}"#,
        Operation::ListWebAuthnCredentials => r#"{"Credentials":[]}"#,
        Operation::StartWebAuthnRegistration => r#"{"CredentialCreationOptions":{}}"#,
        _ => "{}",
    };
    Response::from_json(operation, body.as_bytes())
        .unwrap_or_else(|e| panic!("the fixed response of {operation} is invalid: {e}"))
}

fn header(name: &str, value: &str) -> (String, String) {
    (name.to_owned(), value.to_owned())
}

/// Shows a successful call and two failed ones.
fn main() {
    let calls: [(&str, &[u8]); 3] = [
        (
            "AWSCognitoIdentityProviderService.SignUp",
            br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Correct-Horse-9"}"#,
        ),
        (
            "AWSCognitoIdentityProviderService.SignUp",
            br#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"","Password":"Correct-Horse-9"}"#,
        ),
        ("AWSCognitoIdentityProviderService.Nope", b"{}"),
    ];
    for (target, body) in calls {
        let (status, headers, answer) = handle(target, body);
        println!("{target} {}", String::from_utf8_lossy(body));
        println!("  -> {status}");
        for (name, value) in headers {
            println!("     {name}: {value}");
        }
        println!("     {}", String::from_utf8_lossy(&answer));
    }
}
