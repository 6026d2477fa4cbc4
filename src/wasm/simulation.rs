//! The simulation's exports, in the full build only (feature `full`): the Monte Carlo
//! valuation (all at once, or in blocks for the page's workers), the books, and goal seek.

use super::{error, to_js, to_json, JsResult};
use crate::input;
use crate::montecarlo;
use crate::problem::Problem;
use wasm_bindgen::prelude::*;

/// Monte Carlo valuation of the warrant, all paths at once (see `WarrantSimulation` for a
/// run in chunks with progress). Same seed, same result.
#[wasm_bindgen(js_name = valueWarrant, unchecked_return_type = "Valuation")]
pub fn value_warrant(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
) -> JsResult {
    let scenario = super::scenario(scenario).map_err(error)?;
    let options = to_json(options, "the options")
        .and_then(|v| input::valuation_options(&v, &scenario))
        .map_err(error)?;
    montecarlo::value_warrant(&scenario, options)
        .map(|v| to_js(&v))
        .map_err(error)
}

/// The warrant in the issuer's books (ASC 606-10-32-25 with ASC 718, ASU 2019-08, ASU 2025-04):
/// grant-date fair value per tranche, milestone probabilities, both treatments' totals and a
/// quarterly schedule of the revenue reduction. Same seed, same result.
#[wasm_bindgen(unchecked_return_type = "Accounting")]
pub fn accounting(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountingOptions")] options: JsValue,
) -> JsResult {
    let scenario = super::scenario(scenario).map_err(error)?;
    let options = to_json(options, "the options")
        .and_then(|v| input::accounting_options(&v, &scenario))
        .map_err(error)?;
    crate::accounting::accounting(&scenario, &options)
        .map(|a| to_js(&a))
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

/// A Monte Carlo valuation run in chunks, for progress bars and cancelling: the result after
/// the last chunk is identical to `valueWarrant` with the same options.
#[wasm_bindgen]
pub struct WarrantSimulation {
    inner: montecarlo::ValuationRun,
}

#[wasm_bindgen]
impl WarrantSimulation {
    /// Validates the scenario and options and prepares the run; throws with `problems`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
    ) -> Result<WarrantSimulation, JsValue> {
        let scenario = super::scenario(scenario).map_err(error)?;
        let options = to_json(options, "the options")
            .and_then(|v| input::valuation_options(&v, &scenario))
            .map_err(error)?;
        montecarlo::ValuationRun::new(&scenario, options)
            .map(|inner| WarrantSimulation { inner })
            .map_err(error)
    }

    /// Runs up to `pairs` more path pairs (at least 1; a fraction rounds down, beyond 1e9 counts
    /// as 1e9); returns the share of the work done (0..1). Throws for a non-finite `pairs`.
    pub fn run(&mut self, pairs: f64) -> Result<f64, JsValue> {
        if !pairs.is_finite() {
            return Err(error(vec![Problem::not_finite("pairs")]));
        }
        self.inner.run(pairs.clamp(1.0, 1e9) as u64);
        let (done, total) = self.inner.progress();
        Ok(done as f64 / total.max(1) as f64)
    }

    /// Whether every path has run.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner.is_done()
    }

    /// Whether the base run is done (its blocks come first): the fair value is final while
    /// the Greeks' bumped runs may still be running.
    #[wasm_bindgen(getter, js_name = fairValueDone)]
    pub fn fair_value_done(&self) -> bool {
        self.inner.fair_value_done()
    }

    /// The valuation so far (`progress` < 1 while running).
    #[wasm_bindgen(unchecked_return_type = "Valuation")]
    pub fn result(&self) -> JsValue {
        to_js(&self.inner.result())
    }

    /// Blocks in the run (1,024 path pairs each): the units handed to Web Workers.
    #[wasm_bindgen(getter, js_name = blockCount)]
    pub fn block_count(&self) -> f64 {
        self.inner.block_count() as f64
    }

    /// Where each run's blocks end, ascending (the base run first, then the Greeks' four
    /// bumped runs; the last is `blockCount`): the page hands a run's last blocks only to
    /// workers with nothing queued, so that the run ends on every worker at about once.
    #[wasm_bindgen(getter, js_name = stageEnds)]
    pub fn stage_ends(&self) -> Vec<f64> {
        chain_stage_ends(&self.inner)
    }

    /// Runs block `index` on its own (a worker's job) and returns its sums as numbers for
    /// `absorbBlock`; this simulation's own progress does not move. Throws for an index that
    /// is not a whole number ≥ 0.
    #[wasm_bindgen(js_name = runBlock)]
    pub fn run_block(&mut self, index: f64) -> Result<Vec<f64>, JsValue> {
        run_chain_block(&mut self.inner, index)
    }

    /// Adds the sums of block `index` made by `runBlock` (in any worker, with the same
    /// scenario and options). Blocks must come in order 0, 1, 2, ...; whatever the number of
    /// workers, the result is then identical to `valueWarrant`. Throws (and changes nothing)
    /// for a block out of order or data that is not such a block.
    #[wasm_bindgen(js_name = absorbBlock)]
    pub fn absorb_block(&mut self, index: f64, data: &[f64]) -> Result<(), JsValue> {
        absorb_chain_block(&mut self.inner, index, data)
    }
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
        let scenario = super::scenario(scenario).map_err(error)?;
        let options = to_json(options, "the options")
            .and_then(|v| input::accounting_options(&v, &scenario))
            .map_err(error)?;
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

/// A chain's stage ends as numbers (`stageEnds` of both block-run classes).
fn chain_stage_ends(chain: &montecarlo::Chain) -> Vec<f64> {
    chain.stage_ends().into_iter().map(|e| e as f64).collect()
}

/// Block `index` of a chain of simulations (the valuation's or the books'), run on its own: a
/// worker's job, its sums as numbers.
fn run_chain_block(chain: &mut montecarlo::Chain, index: f64) -> Result<Vec<f64>, JsValue> {
    let index = block_index(index)?;
    Ok(chain.run_block(index).to_vec())
}

/// Reads block `index`'s sums from `data` in the shape of that block and adds them to the
/// chain; a problem at `block` (and nothing changed) for data that is not such a block.
fn absorb_chain_block(
    chain: &mut montecarlo::Chain,
    index: f64,
    data: &[f64],
) -> Result<(), JsValue> {
    let index = block_index(index)?;
    let (tranches, days) = chain.sums_shape(index);
    montecarlo::Sums::from_slice(data, tranches, days)
        .and_then(|block| chain.absorb_block(index, &block))
        .map_err(|m| error(vec![Problem::new("block", "block", m)]))
}

fn block_index(index: f64) -> Result<u64, JsValue> {
    if index.is_finite() && index >= 0.0 && index.fract() == 0.0 && index <= 1e9 {
        Ok(index as u64)
    } else {
        let msg = format!("a block index is a whole number ≥ 0, not {index}");
        Err(error(vec![Problem::new("index", "block_index", msg)]))
    }
}
