//! Embeds the preset files minified: the JSON in `presets/` is written for people (indented,
//! one field a line), and its white space would be a quarter of the presets' bytes in the
//! .wasm. Each file is parsed and written back compactly into OUT_DIR, where `src/presets.rs`
//! includes it; a file that is not JSON fails the build.

use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("presets");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=presets");
    for entry in std::fs::read_dir("presets").expect("the presets folder") {
        let path = entry.expect("a readable folder").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable preset");
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let name = path.file_name().expect("a file name");
        std::fs::write(out.join(name), value.to_string()).expect("OUT_DIR is writable");
    }
}
