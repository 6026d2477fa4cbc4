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
