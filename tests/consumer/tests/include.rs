//! `include_spec!` in a crate whose only dependencies are `specgen-runtime`, `serde` and
//! `serde_json` (and `specgen-macros`): the expansion is the build script's output.

mod identity {
    specgen_macros::include_spec!("spec/cognito-identity.json");
}

use identity::Validate as _;

#[test]
fn the_macro_and_the_build_script_generate_the_same_code() {
    assert_eq!(
        identity::Operation::ALL.len(),
        specgen_consumer::Operation::ALL.len()
    );
    for (a, b) in identity::Operation::ALL
        .iter()
        .zip(specgen_consumer::Operation::ALL)
    {
        assert_eq!(a.target(), b.target());
    }
    let body = br#"{"IdentityPoolId": "eu-west-1_x", "AccountId": "", "Logins": {"a": ""}}"#;
    let ours: identity::types::GetIdInput = serde_json::from_slice(body).unwrap();
    let built: specgen_consumer::types::GetIdInput = serde_json::from_slice(body).unwrap();
    let ours = ours.validate().unwrap_err().to_string();
    assert_eq!(
        ours,
        specgen_consumer::Validate::validate(&built)
            .unwrap_err()
            .to_string()
    );
    assert!(ours.starts_with("4 validation errors detected: "), "{ours}");
}
