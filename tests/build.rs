//! Lists every type of the generated `cognito-idp` crate for the readers' differential
//! test (tests/json_reader.rs): `$OUT_DIR/every_type.rs` defines `every_type!`, which calls
//! a macro with each structure, union and string enum of the spec and its schema name.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let spec = Path::new("../spec/cognito-idp.yaml");
    println!("cargo::rerun-if-changed={}", spec.display());
    println!("cargo::rerun-if-changed=../spec/cognito-idp.specgen.yaml");
    let api = specgen::load(spec, &specgen::Settings::default())
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
    let mut text = String::from(
        "/// `$m!(Type, \"Schema\")` for every structure, union and string enum of \
         `cognito-idp`.\nmacro_rules! every_type {\n    ($m:ident) => {\n",
    );
    for def in &api.types {
        // Aliases name other types (or `String`, `Vec`…), which are listed or std's.
        if matches!(def.kind, specgen::ir::TypeKind::Alias(_)) {
            continue;
        }
        let _ = writeln!(text, "        $m!({}, {:?});", def.name, def.schema_name);
    }
    text.push_str("    };\n}\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("every_type.rs");
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
