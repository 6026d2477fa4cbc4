//! The full build's simulations of a scenario (feature `full`): the valuation read from a
//! scenario (`valueWarrant`, `new WarrantSimulation`) and the books (`accounting`, in one go or
//! in blocks).

use super::simulation::{absorb_chain_block, chain_stage_ends, run_chain_block, WarrantSimulation};
use super::{error, scenario_and_options, to_js, JsResult};
use crate::input;
use crate::montecarlo;
use wasm_bindgen::prelude::*;

/// Monte Carlo valuation of the warrant, all paths at once (see `WarrantSimulation` for a
/// run in chunks with progress). Same seed, same result.
#[wasm_bindgen(js_name = valueWarrant, unchecked_return_type = "Valuation")]
pub fn value_warrant(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
) -> JsResult {
    let (scenario, options) =
        scenario_and_options(scenario, options, input::valuation_options).map_err(error)?;
    montecarlo::value_warrant(&scenario, options)
        .map(|v| to_js(&v))
        .map_err(error)
}

#[wasm_bindgen]
impl WarrantSimulation {
    /// Validates the scenario and options and prepares the run; throws with `problems`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
    ) -> Result<WarrantSimulation, JsValue> {
        let (scenario, options) =
            scenario_and_options(scenario, options, input::valuation_options).map_err(error)?;
        montecarlo::ValuationRun::new(&scenario, options)
            .map(|inner| WarrantSimulation { inner })
            .map_err(error)
    }
}

/// The warrant in the issuer's books (ASC 606-10-32-25 with ASC 718, ASU 2019-08, ASU 2025-04):
/// grant-date fair value per tranche, milestone probabilities, both treatments' totals and a
/// quarterly schedule of the revenue reduction. Same seed, same result.
#[wasm_bindgen(unchecked_return_type = "Accounting")]
pub fn accounting(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountingOptions")] options: JsValue,
) -> JsResult {
    let (scenario, options) =
        scenario_and_options(scenario, options, input::accounting_options).map_err(error)?;
    crate::accounting::accounting(&scenario, &options)
        .map(|a| to_js(&a))
        .map_err(error)
}

/// The books run in blocks, like `WarrantSimulation`: the result after the last block is
/// identical to `accounting` with the same options, whatever the number of workers.
#[wasm_bindgen]
pub struct AccountingSimulation {
    inner: crate::accounting::AccountingRun,
}

#[wasm_bindgen]
impl AccountingSimulation {
    /// Validates the scenario and options and prepares both simulations; throws with `problems`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AccountingOptions")] options: JsValue,
    ) -> Result<AccountingSimulation, JsValue> {
        let (scenario, options) =
            scenario_and_options(scenario, options, input::accounting_options).map_err(error)?;
        crate::accounting::AccountingRun::new(&scenario, &options)
            .map(|inner| AccountingSimulation { inner })
            .map_err(error)
    }

    /// Blocks in the run: the grant-date simulation's, then today's.
    #[wasm_bindgen(getter, js_name = blockCount)]
    pub fn block_count(&self) -> f64 {
        self.inner.block_count() as f64
    }

    /// Where each simulation's blocks end, ascending (grant date, then today; the last is
    /// `blockCount`), as on `WarrantSimulation`.
    #[wasm_bindgen(getter, js_name = stageEnds)]
    pub fn stage_ends(&self) -> Vec<f64> {
        chain_stage_ends(&self.inner)
    }

    /// Runs block `index` on its own (a worker's job) and returns its sums.
    #[wasm_bindgen(js_name = runBlock)]
    pub fn run_block(&mut self, index: f64) -> Result<Vec<f64>, JsValue> {
        run_chain_block(&mut self.inner, index)
    }

    /// Adds the sums of block `index` (blocks in order); throws, changing nothing, otherwise.
    #[wasm_bindgen(js_name = absorbBlock)]
    pub fn absorb_block(&mut self, index: f64, data: &[f64]) -> Result<(), JsValue> {
        absorb_chain_block(&mut self.inner, index, data)
    }

    /// Whether every block has been absorbed.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner.is_done()
    }

    /// The books; meaningful once `done`.
    #[wasm_bindgen(unchecked_return_type = "Accounting")]
    pub fn result(&self) -> JsValue {
        to_js(&self.inner.result())
    }
}
