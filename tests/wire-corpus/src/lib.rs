//! Generated code of the services of the botocore wire corpus (see `build.rs` and
//! `scripts/wire-corpus.sh`).
#![allow(clippy::all, missing_docs, unused)]

/// The readings of one request body: the crate's reader (`Request::from_json`) and serde,
/// each written back as JSON text, and whether `Request::from_http` (reading and checking)
/// accepts it (the error's code and message when not).
#[derive(Debug)]
pub struct Outcome {
    pub reader: Result<String, String>,
    pub serde: Result<String, String>,
    pub from_http: Result<(), String>,
}

impl Outcome {
    fn unknown(operation: &str) -> Outcome {
        let e = format!("no operation {operation}");
        Outcome {
            reader: Err(e.clone()),
            serde: Err(e.clone()),
            from_http: Err(e),
        }
    }
}

fn write<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

fn serde_round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(
    body: &[u8],
) -> Result<String, String> {
    serde_json::from_slice::<T>(body)
        .map_err(|e| e.to_string())
        .and_then(|v| write(&v))
}

include!(concat!(env!("OUT_DIR"), "/services.rs"));
