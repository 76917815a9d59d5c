//! Reads the request bodies of `WIRE_CORPUS_REQUESTS` (JSON lines of `module`, `operation`
//! and `body`) through the generated crates and writes what each reading gives to
//! `WIRE_CORPUS_RESULTS`, for `scripts/wire-corpus.py report` to compare with what botocore
//! sent. Ignored: run by `scripts/wire-corpus.sh`.

use std::io::{BufRead, Write};

#[test]
#[ignore = "the botocore wire corpus: run by scripts/wire-corpus.sh"]
fn botocore_requests_round_trip() {
    let requests = std::env::var("WIRE_CORPUS_REQUESTS").expect("WIRE_CORPUS_REQUESTS");
    let results = std::env::var("WIRE_CORPUS_RESULTS").expect("WIRE_CORPUS_RESULTS");
    let input = std::io::BufReader::new(std::fs::File::open(requests).expect("requests"));
    let mut output = std::io::BufWriter::new(std::fs::File::create(results).expect("results"));
    let mut read = 0;
    for line in input.lines() {
        let line = line.expect("a line");
        let entry: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        let (Some(module), Some(operation), Some(body)) = (
            entry["module"].as_str(),
            entry["operation"].as_str(),
            entry["body"].as_str(),
        ) else {
            panic!("a request line: {line}");
        };
        let outcome = std::panic::catch_unwind(|| {
            specgen_wire_corpus::dispatch(module, operation, body.as_bytes())
        });
        let result = match outcome {
            Ok(None) => continue,
            Ok(Some(o)) => serde_json::json!({
                "module": module,
                "operation": operation,
                "reader": o.reader.as_ref().ok(),
                "reader_error": o.reader.as_ref().err(),
                "serde": o.serde.as_ref().ok(),
                "serde_error": o.serde.as_ref().err(),
                "from_http_error": o.from_http.as_ref().err(),
            }),
            Err(_) => serde_json::json!({
                "module": module, "operation": operation, "panic": true,
            }),
        };
        read += 1;
        writeln!(output, "{result}").expect("write");
    }
    output.flush().expect("flush");
    eprintln!("{read} requests read");
}
