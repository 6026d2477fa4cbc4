//! The Monte Carlo valuation (feature `simulation`: the simulation build and the full one):
//! all at once or in blocks for the page's workers, of a list made by the core's
//! `simulationInput` ([`crate::montecarlo::handoff`]). The full build also makes a run from a
//! scenario ([`super::books`]: `valueWarrant`, `new WarrantSimulation`). The chains' block
//! helpers here serve the books' run too.

use super::{error, to_js, JsResult};
use crate::montecarlo;
use crate::problem::Problem;
use wasm_bindgen::prelude::*;

/// The valuation of a list made by `simulationInput`, all paths at once: identical to
/// `valueWarrant` of the same scenario and options. Throws with `problems`: one at `input`
/// for a list that is not such a list, or the options' when the run is too large.
#[wasm_bindgen(js_name = valueInput, unchecked_return_type = "Valuation")]
pub fn value_input(input: &[f64]) -> JsResult {
    let mut run = valuation_run(input).map_err(error)?;
    run.run_all();
    Ok(to_js(&run.result()))
}

/// The run of a list made by `simulationInput`.
fn valuation_run(input: &[f64]) -> Result<montecarlo::ValuationRun, Vec<Problem>> {
    let (deal, options) = montecarlo::handoff::read(input)?;
    montecarlo::ValuationRun::of_deal(&deal, options)
}

/// A Monte Carlo valuation run in chunks, for progress bars and cancelling: the result after
/// the last chunk is identical to `valueWarrant` (or `valueInput`) with the same options.
#[wasm_bindgen]
pub struct WarrantSimulation {
    pub(super) inner: montecarlo::ValuationRun,
}

#[wasm_bindgen]
impl WarrantSimulation {
    /// The run of a list made by `simulationInput` (the same run as `new WarrantSimulation`
    /// of its scenario and options); throws with `problems` as `valueInput` does.
    #[wasm_bindgen(js_name = fromInput)]
    pub fn from_input(input: &[f64]) -> Result<WarrantSimulation, JsValue> {
        valuation_run(input)
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

/// A chain's stage ends as numbers (`stageEnds` of both block-run classes).
pub(super) fn chain_stage_ends(chain: &montecarlo::Chain) -> Vec<f64> {
    chain.stage_ends().into_iter().map(|e| e as f64).collect()
}

/// Block `index` of a chain of simulations (the valuation's or the books'), run on its own: a
/// worker's job, its sums as numbers.
pub(super) fn run_chain_block(
    chain: &mut montecarlo::Chain,
    index: f64,
) -> Result<Vec<f64>, JsValue> {
    let index = block_index(index)?;
    Ok(chain.run_block(index).to_vec())
}

/// Reads block `index`'s sums from `data` in the shape of that block and adds them to the
/// chain; a problem at `block` (and nothing changed) for data that is not such a block.
pub(super) fn absorb_chain_block(
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
