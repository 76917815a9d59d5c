//! Times each phase of generating a spec: `cargo run --release -p specgen --example phases -- <SPEC>`.

use std::time::Instant;

/// Peak resident memory so far (Linux), for seeing which phase sets it.
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_owned() + " kB")
        })
        .unwrap_or_else(|| "?".to_owned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "spec/cognito-idp.yaml".to_owned());
    let t = Instant::now();
    let text = std::fs::read_to_string(&path)?;
    let format = specgen::document::detect_format(Some(std::path::Path::new(&path)), &text);
    let doc = specgen::document::parse(&text, format)?;
    let parsed = t.elapsed();
    eprintln!("after parse: peak {}", peak());
    let t = Instant::now();
    let api = specgen::lower::lower(&doc, &specgen::Settings::default())?;
    let lowered = t.elapsed();
    eprintln!("after lower: peak {}", peak());
    let t = Instant::now();
    let generated = specgen::emit::emit(&api);
    let emitted = t.elapsed();
    eprintln!("after emit: peak {}", peak());
    let t = Instant::now();
    let files = specgen::render::crate_files(generated)?;
    let rendered = t.elapsed();
    eprintln!("after render: peak {}", peak());
    let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
    println!(
        "{path}: {} types, {} operations, {lines} lines\n  parse  {parsed:?}\n  lower  {lowered:?}\n  emit   {emitted:?}\n  render {rendered:?} (prettyplease)",
        api.types.len(),
        api.operations.len()
    );
    Ok(())
}
