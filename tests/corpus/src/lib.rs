//! The corpus run: every AWS JSON service model of an installed botocore, imported,
//! generated, built clippy-clean, and one request per operation read back by
//! `Request::from_http` (`scripts/corpus.sh` runs it; the driver is `src/main.rs`).
//!
//! This library is what the generated test of each batch crate calls: a [`Service`]
//! describes one generated service, and [`run`] builds a sample body for each of its
//! operations from the spec's IR, sends it through `Request::from_http` and checks that the
//! request writes it back unchanged.

pub mod sample;

use std::path::Path;

use serde_json::{Value, json};

use crate::sample::{Fill, Samples};

/// One generated service, as the round trip sees it.
pub struct Service {
    /// The botocore service name (`cognito-idp`).
    pub name: &'static str,
    /// The spec it was generated from.
    pub spec: &'static str,
    /// The generated crate's `CONTENT_TYPE`.
    pub content_type: &'static str,
    /// What the model's `jsonVersion` says it must be.
    pub expected_content_type: &'static str,
    /// `Request::from_http`, then the request written as JSON; or the error's code and
    /// message.
    pub from_http: fn(&str, &[u8]) -> Result<Value, String>,
    /// The patterns of the crate that do not compile (`PATTERNS`, each `check()`ed).
    pub bad_patterns: fn() -> Vec<String>,
}

/// Prefix of the lines the driver reads.
pub const MARK: &str = "corpus:";

/// Round-trips one request per operation of each service and checks its content type and
/// patterns, printing one `corpus: service` line per service and one `corpus: failure`
/// line per failure. Whether everything passed.
pub fn run(services: &[Service]) -> bool {
    let mut all = true;
    for service in services {
        all &= run_one(service);
    }
    all
}

fn run_one(service: &Service) -> bool {
    let name = service.name;
    let fail = |what: &str, why: &str| {
        println!("{MARK} failure {name} {what}: {}", shorten(why));
    };
    let api = match specgen::load(Path::new(service.spec), &Default::default()) {
        Ok(api) => api,
        Err(e) => {
            fail("load", &e.to_string());
            return false;
        }
    };
    let doc: Value = match std::fs::read_to_string(service.spec)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_yaml::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(doc) => doc,
        Err(e) => {
            fail("read", &e);
            return false;
        }
    };
    let samples = Samples::new(&api, &doc);
    let mut ok = 0;
    let mut unsampled = 0;
    for op in &api.operations {
        let Some(target) = &op.target else {
            fail(&op.id, "no X-Amz-Target");
            continue;
        };
        let body = match op.input {
            Some(id) => samples
                .body(id, Fill::All)
                .or_else(|_| samples.body(id, Fill::Required)),
            None => Ok(json!({})),
        };
        let body = match body {
            Ok(body) => body,
            Err(e) => {
                unsampled += 1;
                fail(&op.id, &format!("no sample: {e}"));
                continue;
            }
        };
        let bytes = body.to_string().into_bytes();
        match (service.from_http)(target, &bytes) {
            Ok(written) => match difference(&body, &written, "") {
                None => ok += 1,
                Some(at) => fail(
                    &op.id,
                    &format!("written back differently at `{at}`: sent {body}, wrote {written}"),
                ),
            },
            Err(e) => fail(&op.id, &format!("rejected: {e}; body {body}")),
        }
    }
    let content_type = if service.content_type == service.expected_content_type {
        "ok".to_owned()
    } else {
        fail(
            "CONTENT_TYPE",
            &format!(
                "{} instead of {}",
                service.content_type, service.expected_content_type
            ),
        );
        "wrong".to_owned()
    };
    let bad = (service.bad_patterns)();
    for p in &bad {
        fail("pattern", p);
    }
    println!(
        "{MARK} service {name} operations {} round-tripped {ok} unsampled {unsampled} content-type {content_type} {} bad-patterns {}",
        api.operations.len(),
        service.content_type,
        bad.len()
    );
    ok == api.operations.len() && content_type == "ok" && bad.is_empty()
}

/// Where `written` differs from `sent` (numbers compare by value: `1` is `1.0`), if it does.
fn difference(sent: &Value, written: &Value, at: &str) -> Option<String> {
    match (sent, written) {
        (Value::Number(a), Value::Number(b)) => (a.as_f64() != b.as_f64()).then(|| at.to_owned()),
        (Value::Object(a), Value::Object(b)) => {
            if a.len() != b.len() {
                let extra = b.keys().find(|k| !a.contains_key(*k));
                let missing = a.keys().find(|k| !b.contains_key(*k));
                return Some(format!(
                    "{at} (members: extra {extra:?}, missing {missing:?})"
                ));
            }
            a.iter().find_map(|(k, v)| match b.get(k) {
                Some(w) => difference(v, w, &format!("{at}.{k}")),
                None => Some(format!("{at}.{k}")),
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{at} (length)"));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (v, w))| difference(v, w, &format!("{at}[{i}]")))
        }
        _ => (sent != written).then(|| at.to_owned()),
    }
}

/// At most 600 characters of `text`, on one line.
fn shorten(text: &str) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    match one_line.char_indices().nth(600) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}
