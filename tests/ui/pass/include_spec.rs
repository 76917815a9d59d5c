// `include_spec!` with no dependencies beyond specgen-macros, specgen-runtime, serde and
// serde_json.
mod identity {
    specgen_macros::include_spec!("spec/cognito-identity.json");
}

use identity::{Operation, Validate};

fn main() {
    assert_eq!(Operation::ALL.len(), 23);
    let input: identity::types::GetIdInput =
        serde_json::from_str(r#"{"IdentityPoolId": "us-east-1:xyz", "AccountId": "12x"}"#).unwrap();
    assert_eq!(
        input.validate().unwrap_err().to_string(),
        "2 validation errors detected: Value '12x' at 'accountId' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: \\d+; Value \
         'us-east-1:xyz' at 'identityPoolId' failed to satisfy constraint: Member must satisfy \
         regular expression pattern: [\\w-]+:[0-9a-f-]+"
    );
}
