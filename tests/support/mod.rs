//! Helpers shared by the native test files (each file uses a part of them).
#![allow(dead_code)]

/// Reads a scenario and options from JSON, as the boundary does, and runs the valuation.
pub fn value_warrant(
    scenario: &serde_json::Value,
    options: &serde_json::Value,
) -> Result<dealcalc::montecarlo::Valuation, Vec<dealcalc::Problem>> {
    let (s, o) = dealcalc::input::valuation_request(scenario, options)?;
    dealcalc::montecarlo::value_warrant(&s, o)
}

/// Reads a scenario and accounting options from JSON, as the boundary does, and runs the
/// books; panics on a problem (the tests pass valid inputs).
pub fn books(
    scenario: &serde_json::Value,
    options: serde_json::Value,
) -> dealcalc::accounting::Accounting {
    let s = dealcalc::input::scenario(scenario).unwrap_or_else(|e| panic!("{e:?}"));
    let o = dealcalc::input::accounting_options(&options, &s).unwrap_or_else(|e| panic!("{e:?}"));
    dealcalc::accounting::accounting(&s, &o).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `got` against the golden file `tests/data/<name>`, exactly; with `UPDATE_GOLDEN` set the
/// file is written from `got` first (after a deliberate change, explained in its commit).
pub fn assert_golden(name: &str, got: &serde_json::Value, what_changed: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(got).unwrap() + "\n").unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let want: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(got, &want, "{what_changed}; see the test's doc comment");
}
