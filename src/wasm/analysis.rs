//! The analyses beyond one deal's report, in the full build only (feature `full`): the closed
//! forms, several deals side by side or added up, the tornado, and goal seek.

use super::{error, to_js, to_json, JsResult};
use crate::problem::Problem;
use crate::{compare, input, pricing, sensitivity};
use wasm_bindgen::prelude::*;

/// A closed-form option price with delta, gamma and vega; throws with `problems` for an
/// invalid spec.
#[wasm_bindgen(js_name = priceOption, unchecked_return_type = "OptionPrice")]
pub fn price_option(
    #[wasm_bindgen(unchecked_param_type = "OptionSpec")] spec: JsValue,
) -> JsResult {
    to_json(spec, "the option spec")
        .and_then(|v| input::option_spec(&v))
        .map(|s| to_js(&pricing::price(&s)))
        .map_err(error)
}

/// Every option kind `priceOption` takes, with the fields each uses besides the market's
/// (`spot`, `rate`, `dividendYield`, `vol`, `timeYears`): `[{kind, fields}]`.
#[wasm_bindgen(js_name = optionKinds, unchecked_return_type = "KindInfo[]")]
pub fn option_kinds() -> JsValue {
    to_js(&pricing::option_kinds())
}

/// Several deals side by side: `{deals, rows: [{key, unit, values}]}`; problems carry
/// the deal's index, `[1].equity.sharePrice`.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Scenario[]")] scenarios: JsValue,
) -> JsResult {
    to_json(scenarios, "the list of scenarios")
        .and_then(|v| input::scenarios(&v, compare::MAX_DEALS))
        .map(|list| to_js(&compare::compare(&list)))
        .map_err(error)
}

/// Several deals added up: totals (GW per layer), by year, per party, per issuer, money flows,
/// circularity and cycles. Problems carry the deal's index, `scenarios[3].buyer`.
#[wasm_bindgen(unchecked_return_type = "Portfolio")]
pub fn portfolio(
    #[wasm_bindgen(unchecked_param_type = "Scenario[]")] scenarios: JsValue,
) -> JsResult {
    to_json(scenarios, "the list of scenarios")
        .and_then(|v| input::portfolio_scenarios(&v))
        .map(|list| to_js(&crate::portfolio::portfolio(&list)))
        .map_err(error)
}

/// Tornado data: for the inputs that move `output` (a report path such as
/// `dilution.valueTransferUsd`) most, its value at input × (1 ± swing).
#[wasm_bindgen(unchecked_return_type = "Sensitivity")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    output: &str,
    swing: f64,
) -> JsResult {
    super::scenario(scenario)
        .and_then(|s| {
            let measure = input::report_output(output)?;
            sensitivity::sensitivity(&s, measure, output, swing)
        })
        .map(|t| to_js(&t))
        .map_err(error)
}

/// A scenario and a goal seek's spec, read (the spec needs the scenario's JSON for its paths).
fn solve_request(scenario: JsValue, spec: JsValue) -> Result<crate::solve::SolveRun, Vec<Problem>> {
    let value = to_json(scenario, "the scenario")?;
    let s = input::scenario(&value)?;
    let spec = to_json(spec, "the spec")?;
    let (spec, at) = input::solve_spec(&value, &s, &spec)?;
    Ok(crate::solve::SolveRun::new(at, spec))
}

/// Goal seek: the value of one input (an input id or a numeric field path, within [lo, hi])
/// that brings one output (a report path, or a simulated figure with common random numbers)
/// to a target. A target outside the outputs at lo and hi is a problem at `spec.target`.
#[wasm_bindgen(unchecked_return_type = "Solution")]
pub fn solve(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SolveSpec")] spec: JsValue,
) -> JsResult {
    let run = solve_request(scenario, spec).map_err(error)?;
    run.run().map(|s| to_js(&s)).map_err(error)
}

fn solution(run: &crate::solve::SolveRun) -> JsResult {
    match run.result() {
        Some(Ok(s)) => Ok(to_js(s)),
        Some(Err(problems)) => Err(error(problems.clone())),
        None => Err(error(Vec::new())),
    }
}

/// `solve` one trial at a time, for a progress bar (the page's worker steps it): the result
/// after the last step is `solve`'s with the same spec.
#[wasm_bindgen]
pub struct SolveRun {
    inner: crate::solve::SolveRun,
}

#[wasm_bindgen]
impl SolveRun {
    /// Reads the scenario and the spec; throws with `problems`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SolveSpec")] spec: JsValue,
    ) -> Result<SolveRun, JsValue> {
        solve_request(scenario, spec)
            .map(|inner| SolveRun { inner })
            .map_err(error)
    }

    /// One trial; true when the search is over.
    pub fn step(&mut self) -> bool {
        self.inner.step()
    }

    /// Trials done and the most there can be (the two ends included).
    #[wasm_bindgen(getter)]
    pub fn trials(&self) -> f64 {
        self.inner.trials() as f64
    }

    #[wasm_bindgen(getter, js_name = maxTrials)]
    pub fn max_trials(&self) -> f64 {
        self.inner.max_trials() as f64
    }

    /// The solution once `step` returned true; throws with the problems the search met.
    #[wasm_bindgen(unchecked_return_type = "Solution")]
    pub fn result(&self) -> JsResult {
        solution(&self.inner)
    }
}
