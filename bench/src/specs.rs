//! The specs of the generation benchmark, read from this repository.

use std::path::PathBuf;

use specgen::document::Format;

/// One spec file.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Short name used in benchmark ids (`cognito-idp.yaml`).
    pub name: &'static str,
    /// Path relative to the repository root.
    pub path: &'static str,
    /// Text format.
    pub format: Format,
}

impl Spec {
    /// Absolute path.
    pub fn abs_path(&self) -> PathBuf {
        crate::repo_root().join(self.path)
    }

    /// The file's text.
    pub fn read(&self) -> String {
        let path = self.abs_path();
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }
}

/// Every spec, the Cognito YAML first.
pub const ALL: [Spec; 7] = [
    Spec {
        name: "cognito-idp.yaml",
        path: "spec/cognito-idp.yaml",
        format: Format::Yaml,
    },
    Spec {
        name: "cognito-idp-apisguru.json",
        path: "tests/fixtures/cognito-idp-apisguru.json",
        format: Format::Json,
    },
    Spec {
        name: "cognito-identity.json",
        path: "tests/fixtures/aws-json/cognito-identity.json",
        format: Format::Json,
    },
    Spec {
        name: "dynamodb.json",
        path: "tests/fixtures/aws-json/dynamodb.json",
        format: Format::Json,
    },
    Spec {
        name: "events.json",
        path: "tests/fixtures/aws-json/events.json",
        format: Format::Json,
    },
    Spec {
        name: "kms.json",
        path: "tests/fixtures/aws-json/kms.json",
        format: Format::Json,
    },
    Spec {
        name: "secretsmanager.json",
        path: "tests/fixtures/aws-json/secretsmanager.json",
        format: Format::Json,
    },
];
