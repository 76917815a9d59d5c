//! `Request::from_http` on arbitrary input never panics, and answers with a request or one
//! of the errors a service gives a bad call.
//!
//! The first byte of the input picks the `X-Amz-Target`: values below twice the number of
//! operations pick an operation, the others an unknown target. The rest is the body.

#![no_main]

use cognito_idp::{Error, Operation, Request};
use libfuzzer_sys::fuzz_target;

const ALLOWED: [&str; 3] = [
    "SerializationException",
    "InvalidParameterException",
    "UnknownOperationException",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    let choice = usize::from(choice);
    let operation = Operation::ALL.get(choice % (2 * Operation::ALL.len()));
    let target = match operation {
        Some(op) => op.target(),
        None => "AWSCognitoIdentityProviderService.NoSuchOperation",
    };
    match Request::from_http(target, body) {
        Ok(request) => {
            assert_eq!(Some(&request.operation()), operation);
            // What was accepted is written back as a body that reads as the same request.
            let again = serde_json::to_vec(&request).expect("a request serializes");
            let back = Request::from_http(target, &again).expect("its own body is valid");
            assert_eq!(back, request);
        }
        Err(error) => {
            assert!(ALLOWED.contains(&error.code()), "unexpected {error:?}");
            assert_eq!(
                error.code() == "UnknownOperationException",
                operation.is_none()
            );
            assert_eq!(error.http_status(), 400);
            assert_eq!(Error::from_json(&error.to_json()).ok(), Some(error));
        }
    }
});
