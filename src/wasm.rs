//! The boundary: every `#[wasm_bindgen]` export, and the only module that touches `JsValue`.
//!
//! Each export walks its JS argument into a JSON value itself (with limits on depth, count and
//! text, see [`MAX_DEPTH`]), calls the core, and converts the result back to a plain JS object
//! with `serde_wasm_bindgen` (JSON-compatible: maps as objects, missing values as `null`). Failures become a JS `Error` whose `message` is readable and whose
//! `problems` property is the `[{path, message, code, params}]` list of [`crate::Problem`]s.
//! Nothing here panics on any input, so a thrown error never leaves the module unusable.
//!
//! Compiled for wasm32 only (`lib.rs`), and the JS crates are wasm32-only dependencies
//! (`Cargo.toml`): a native build of the core cannot reach JS. Reading is delegated to
//! [`crate::input`], computing to the engines.

use crate::montecarlo;
use crate::problem::{summary, Problem};
use crate::{compare, input, pricing, sensitivity};
use crate::{report, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The hand-written types: the thrown error and the inputs read field by field.
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = include_str!("types/inputs.d.ts");

/// The data types generated from the Rust types (tests/typescript.rs, ts-rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &'static str = include_str!("types/generated.d.ts");

type JsResult = Result<JsValue, JsValue>;

/// A JS `Error` carrying the problems.
fn error(problems: Vec<Problem>) -> JsValue {
    let err = js_sys::Error::new(&summary(&problems));
    // Setting a property on a fresh Error object cannot fail; if it did, the message stays.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &to_js(&problems));
    err.into()
}

/// A Rust value as a plain JS object (or `undefined` if it cannot be represented, which our
/// report types of strings and numbers never are).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).unwrap_or(JsValue::UNDEFINED)
}

/// How deep an input may nest (a scenario needs 5 levels).
pub const MAX_DEPTH: usize = 32;
/// How many values (numbers, strings, list items, fields) one input may hold.
pub const MAX_VALUES: usize = 100_000;
/// How many bytes of text one input may hold in all.
pub const MAX_TEXT_TOTAL: usize = 1_000_000;

/// What converting one input has used of its budget.
struct Budget {
    values: usize,
    text: usize,
}

/// A JS value as a JSON value, walked with explicit limits on depth, count and text so that
/// a hostile input (deeply nested, huge, cyclic) is a problem rather than a stack overflow or
/// an exhausted memory, which would trap the Wasm instance. `NaN` and `±Infinity` become the
/// input layer's marker ([`input::non_finite`]), which every reader reports as `not_finite` at
/// its path, so a non-finite number is never mistaken for an absent optional field;
/// `undefined` is `null`; functions, symbols and BigInts are problems.
fn to_json(value: JsValue, what: &str) -> Result<serde_json::Value, Vec<Problem>> {
    let mut budget = Budget { values: 0, text: 0 };
    convert(&value, 0, &mut budget, "")
        .map_err(|(path, code, m)| vec![Problem::new(path, code, format!("{what} {m}"))])
}

fn convert(
    v: &JsValue,
    depth: usize,
    budget: &mut Budget,
    path: &str,
) -> Result<serde_json::Value, (String, &'static str, String)> {
    use serde_json::Value;
    budget.values += 1;
    if budget.values > MAX_VALUES {
        return Err((
            path.to_string(),
            "too_many_values",
            format!("holds more than {MAX_VALUES} values"),
        ));
    }
    if depth > MAX_DEPTH {
        return Err((
            path.to_string(),
            "too_deep",
            format!("is nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(x) = v.as_f64() {
        return Ok(
            serde_json::Number::from_f64(x).map_or_else(|| input::non_finite(x), Value::Number)
        );
    }
    if let Some(s) = v.as_string() {
        budget.text += s.len();
        if budget.text > MAX_TEXT_TOTAL {
            return Err((
                path.to_string(),
                "too_much_text",
                format!("holds more than {MAX_TEXT_TOTAL} bytes of text"),
            ));
        }
        return Ok(Value::String(s));
    }
    if js_sys::Array::is_array(v) {
        let array = js_sys::Array::from(v);
        let mut items = Vec::new();
        for (i, item) in array.iter().enumerate() {
            items.push(convert(
                &item,
                depth + 1,
                budget,
                &crate::problem::index(path, i),
            )?);
        }
        return Ok(Value::Array(items));
    }
    if v.is_object() && !v.is_function() {
        let object = js_sys::Object::from(v.clone());
        let mut map = serde_json::Map::new();
        for entry in js_sys::Object::entries(&object).iter() {
            let pair = js_sys::Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            let p = crate::problem::field(path, &key);
            let value = convert(&pair.get(1), depth + 1, budget, &p)?;
            budget.text += key.len();
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    Err((
        path.to_string(),
        "not_data",
        "is not plain data (a function, symbol or BigInt)".to_string(),
    ))
}

fn scenario(value: JsValue) -> Result<Scenario, Vec<Problem>> {
    input::scenario(&to_json(value, "the scenario")?)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Every problem of a scenario, `[]` when it is valid. Never throws.
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(#[wasm_bindgen(unchecked_param_type = "unknown")] scenario: JsValue) -> JsValue {
    let problems = match to_json(scenario, "the scenario") {
        Ok(v) => input::scenario_problems(&v),
        Err(problems) => problems,
    };
    to_js(&problems)
}

/// The deterministic report of a scenario; throws with `problems` when it is invalid.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Scenario")] value: JsValue) -> JsResult {
    scenario(value)
        .map(|s| to_js(&report::evaluate(&s)))
        .map_err(error)
}

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
    self::scenario(scenario)
        .and_then(|s| {
            let measure = input::report_output(output)?;
            sensitivity::sensitivity(&s, measure, output, swing)
        })
        .map(|t| to_js(&t))
        .map_err(error)
}

/// Monte Carlo valuation of the warrant, all paths at once (see `WarrantSimulation` for a
/// run in chunks with progress). Same seed, same result.
#[wasm_bindgen(js_name = valueWarrant, unchecked_return_type = "Valuation")]
pub fn value_warrant(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
) -> JsResult {
    let scenario = self::scenario(scenario).map_err(error)?;
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
    let scenario = self::scenario(scenario).map_err(error)?;
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
        let scenario = self::scenario(scenario).map_err(error)?;
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
        let scenario = self::scenario(scenario).map_err(error)?;
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
