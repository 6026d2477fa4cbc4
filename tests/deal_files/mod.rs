//! The catalogue's deals (`deals/<id>.json`) for the native tests, read from disk: the library
//! carries no deal data.
#![allow(dead_code)]

use dealcalc::Scenario;
use serde_json::Value;

/// The folder of the catalogue: `deals/`, or the folder in `DEALCALC_DEALS` (to check draft
/// files with the compiled test before they join the catalogue).
pub fn folder() -> std::path::PathBuf {
    match std::env::var_os("DEALCALC_DEALS") {
        Some(dir) => dir.into(),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deals"),
    }
}

/// Every deal's id (its file name), sorted; `published.json` is not a deal.
pub fn ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(folder())
        .expect("the deals folder")
        .map(|e| e.expect("a readable folder").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|id| id != "published")
        .collect();
    ids.sort();
    ids
}

/// A deal's file as JSON.
pub fn file(id: &str) -> Value {
    let path = folder().join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A deal's versions as JSON, oldest first.
pub fn versions(id: &str) -> Vec<Value> {
    file(id)["versions"].as_array().expect("versions").clone()
}

/// Version `index` of a deal, read and validated, with the deal's `id` (as `www/deals.js`
/// gives it).
pub fn version(id: &str, index: usize) -> Scenario {
    let mut v = versions(id)[index].clone();
    v["id"] = Value::from(id);
    dealcalc::input::scenario(&v).unwrap_or_else(|e| panic!("{id}[{index}]: {e:?}"))
}

/// The deal as first announced: the figures the built-in presets had before the catalogue.
pub fn first(id: &str) -> Scenario {
    version(id, 0)
}

/// The deal as it stands: its latest version.
pub fn latest(id: &str) -> Scenario {
    let n = versions(id).len();
    version(id, n - 1)
}
