//! The analyses beyond one deal's report, in the full build only (feature `full`): the closed
//! forms, several deals side by side or added up, and the tornado.

use super::{error, to_js, to_json, JsResult};
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
