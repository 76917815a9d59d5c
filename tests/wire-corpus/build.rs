//! Generates one module per spec listed in the file `WIRE_CORPUS_SPECS` (lines of
//! `<module> <spec path>`), with a `round_trip` function per module, and the `dispatch`
//! function that finds a module by name. A spec that does not load is reported as a
//! warning and left out (listed in `OUT_DIR/skipped.txt`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=WIRE_CORPUS_SPECS");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut modules = String::new();
    let mut arms = String::new();
    let mut skipped = String::new();
    if let Ok(list) = std::env::var("WIRE_CORPUS_SPECS") {
        println!("cargo:rerun-if-changed={list}");
        let text = std::fs::read_to_string(&list).expect("the list of specs");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let (module, spec) = line.split_once(' ').expect("`<module> <spec>` lines");
            println!("cargo:rerun-if-changed={spec}");
            let api = match specgen::load(Path::new(spec), &Default::default()) {
                Ok(api) => api,
                Err(e) => {
                    println!("cargo:warning={module}: {e}");
                    let _ = writeln!(skipped, "{module} {e}");
                    continue;
                }
            };
            let code = specgen::tokens(&api).to_string();
            std::fs::write(out.join(format!("{module}.rs")), code).expect("write");
            let _ = writeln!(
                modules,
                "pub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n{}\n}}",
                dispatch(&api)
            );
            let _ = writeln!(
                arms,
                "        \"{module}\" => Some({module}::round_trip(operation, body)),"
            );
        }
    }
    let _ = write!(
        modules,
        "/// Round-trips `body` through the module `module`'s operation `operation`.\n\
         pub fn dispatch(module: &str, operation: &str, body: &[u8]) -> Option<crate::Outcome> {{\n\
         \x20   match module {{\n{arms}        _ => None,\n    }}\n}}\n"
    );
    std::fs::write(out.join("services.rs"), modules).expect("write");
    std::fs::write(out.join("skipped.txt"), skipped).expect("write");
}

/// The `round_trip` function of one module: the crate's reader, serde, and `from_http`.
fn dispatch(api: &specgen::ir::Api) -> String {
    let mut arms = String::new();
    for op in &api.operations {
        let Some(input) = op.input else { continue };
        let _ = writeln!(
            arms,
            "            Operation::{} => crate::serde_round_trip::<types::{}>(body),",
            op.name,
            api.ty(input).name
        );
    }
    format!(
        "    /// The three readings of one request body.\n\
         \x20   pub fn round_trip(operation: &str, body: &[u8]) -> crate::Outcome {{\n\
         \x20       let Some(operation) = Operation::from_name(operation) else {{\n\
         \x20           return crate::Outcome::unknown(operation);\n\
         \x20       }};\n\
         \x20       let reader = Request::from_json(operation, body)\n\
         \x20           .map_err(|e| e.to_string())\n\
         \x20           .and_then(|r| crate::write(&r));\n\
         \x20       #[allow(unreachable_patterns)]\n\
         \x20       let serde = match operation {{\n{arms}\
         \x20           // Without input the body is `{{}}`, which is all there is to write back.\n\
         \x20           _ => serde_json::from_slice::<serde::de::IgnoredAny>(body)\n\
         \x20               .map(|_| \"{{}}\".to_owned())\n\
         \x20               .map_err(|e| e.to_string()),\n\
         \x20       }};\n\
         \x20       let from_http = Request::from_http(operation.target(), body)\n\
         \x20           .map(|_| ())\n\
         \x20           .map_err(|e| format!(\"{{}}: {{}}\", e.code(), e.message().unwrap_or(\"\")));\n\
         \x20       crate::Outcome {{ reader, serde, from_http }}\n\
         \x20   }}"
    )
}
