//! Helpers shared by the native test files.

/// Reads a scenario and options from JSON, as the boundary does, and runs the valuation.
pub fn value_warrant(
    scenario: &serde_json::Value,
    options: &serde_json::Value,
) -> Result<dealcalc::montecarlo::Valuation, Vec<dealcalc::Problem>> {
    let (s, o) = dealcalc::input::valuation_request(scenario, options)?;
    dealcalc::montecarlo::value_warrant(&s, o)
}
