//! The deal catalogue (`deals/`): every file well formed, every version a valid scenario whose
//! every number has a source, versions in date order, and the first versions bit for bit the
//! figures the built-in presets gave before the catalogue existed.
#![cfg(not(target_arch = "wasm32"))]

mod deal_files;

use dealcalc::evaluate;
use dealcalc::input::ToJson;
use serde_json::Value;

const STATUSES: &[&str] = &[
    "announced",
    "letter_of_intent",
    "term_sheet",
    "definitive",
    "amended",
    "reported_stalled",
    "superseded",
    "cancelled",
    "completed",
];

/// A `{en, de}` text with both languages present and non-empty.
fn bilingual(v: &Value, what: &str) {
    for lang in ["en", "de"] {
        let text = v[lang].as_str().unwrap_or_default();
        assert!(!text.trim().is_empty(), "{what}: no {lang} text");
    }
}

#[test]
fn every_deal_file_is_complete() {
    let ids = deal_files::ids();
    assert!(!ids.is_empty());
    for id in &ids {
        let deal = deal_files::file(id);
        assert_eq!(
            deal["id"],
            Value::from(id.as_str()),
            "{id}: id and file name differ"
        );
        bilingual(&deal["name"], &format!("{id}.name"));
        bilingual(&deal["summary"], &format!("{id}.summary"));
        let versions = deal_files::versions(id);
        assert!(!versions.is_empty(), "{id}: no versions");
        let mut previous: Option<String> = None;
        for (i, v) in versions.iter().enumerate() {
            let at = format!("{id}.versions[{i}]");
            let s = deal_files::version(id, i);
            let as_of = s
                .as_of
                .unwrap_or_else(|| panic!("{at}: no asOf"))
                .to_string();
            if let Some(p) = &previous {
                assert!(
                    p < &as_of,
                    "{at}: asOf {as_of} is not after the previous {p}"
                );
            }
            previous = Some(as_of);
            assert!(
                STATUSES.contains(&s.status.as_str()),
                "{at}: status {:?}",
                s.status
            );
            bilingual(&v["event"], &format!("{at}.event"));
            assert!(!s.buyer.is_empty() && !s.vendor.is_empty(), "{at}: parties");
        }
    }
}

/// Paths of every number in a JSON value (sources aside).
fn number_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Number(_) => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                number_paths(item, &dealcalc::problem::index(path, i), out);
            }
        }
        Value::Object(o) => {
            for (k, item) in o {
                if k != "sources" {
                    number_paths(item, &dealcalc::problem::field(path, k), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_number_of_every_version_has_a_source_or_an_assumption() {
    for id in deal_files::ids() {
        for i in 0..deal_files::versions(&id).len() {
            let s = deal_files::version(&id, i);
            let mut paths = Vec::new();
            number_paths(&s.to_json(), "", &mut paths);
            for path in paths {
                let covered = s.sources.iter().any(|src| {
                    let f = src.field.as_str();
                    let encloses = path == f
                        || path.starts_with(&format!("{f}."))
                        || path.starts_with(&format!("{f}["));
                    let cited = !src.url.is_empty() || src.note.starts_with("assumption");
                    encloses && cited
                });
                assert!(covered, "{id}[{i}]: {path} has no source");
            }
            for src in &s.sources {
                let at = format!("{id}[{i}] source for {}", src.field);
                assert!(
                    src.url.is_empty() || src.tier.is_some(),
                    "{at}: a cited source needs its tier"
                );
                assert!(!src.field.is_empty(), "{at}: no field");
            }
        }
    }
}

#[test]
fn first_versions_evaluate_bit_for_bit_as_the_presets_did() {
    // Written by the presets module's last build, before the deals moved out of the binary.
    let text = include_str!("data/deals-first-version-reports.json");
    let before: serde_json::Map<String, Value> = serde_json::from_str(text).unwrap();
    assert_eq!(before.len(), 10);
    for (id, report) in before {
        let now = serde_json::to_value(evaluate(&deal_files::first(&id))).unwrap();
        assert!(now == report, "{id}: the first version's report changed");
    }
}
