//! The TypeScript types of the public data (Scenario, Report, Valuation, ...) are generated
//! from the Rust types by ts-rs, doc comments included, into `src/types/generated.d.ts`, which
//! the Wasm boundary embeds in the package's `dealcalc.d.ts`. This test regenerates them and
//! fails when the committed file is stale: `UPDATE_TYPES=1 cargo test --features typescript
//! --test typescript` rewrites it.
#![cfg(feature = "typescript")]

use dealcalc::accounting::Accounting;
use dealcalc::compare::Comparison;
use dealcalc::montecarlo::Valuation;
use dealcalc::portfolio::Portfolio;
use dealcalc::pricing::kinds::KindInfo;
use dealcalc::pricing::Priced;
use dealcalc::sensitivity::Sensitivity;
use dealcalc::{Problem, Report, Scenario};
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

const GENERATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/types/generated.d.ts");

fn export<T: TS + 'static>(cfg: &Config) {
    T::export_all(cfg).unwrap_or_else(|e| panic!("{}: {e}", T::name(cfg)));
}

/// Every exported file, without its header and imports (one file declares everything),
/// sorted by type name so that the output is stable.
fn generate() -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("dealcalc-ts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // u64 counts (paths, seed) cross the boundary as JS numbers, not bigint.
    let cfg = Config::new().with_out_dir(&dir).with_large_int("number");
    export::<Problem>(&cfg);
    export::<Scenario>(&cfg);
    export::<Report>(&cfg);
    export::<Valuation>(&cfg);
    export::<Comparison>(&cfg);
    export::<Sensitivity>(&cfg);
    export::<Priced>(&cfg);
    export::<KindInfo>(&cfg);
    export::<Accounting>(&cfg);
    export::<Portfolio>(&cfg);
    export::<dealcalc::solve::Solution>(&cfg);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (tests/typescript.rs); do not edit.\n\
         // Regenerate: UPDATE_TYPES=1 cargo test --features typescript --test typescript\n",
    );
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        out.push('\n');
        for line in text.lines() {
            if line.starts_with("// This file was generated") || line.starts_with("import type") {
                continue;
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

#[test]
fn generated_types_are_current() {
    let fresh = generate();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(GENERATED, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(Path::new(GENERATED)).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/types/generated.d.ts is stale: run UPDATE_TYPES=1 cargo test --features typescript --test typescript"
    );
}
