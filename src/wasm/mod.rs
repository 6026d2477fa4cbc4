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
//!
//! Three builds come from it, by feature:
//! - the **core** (`core`: `validate`, `evaluate`, `simulationInput`, `version`), all that the
//!   page's first numbers and the embedded element's headline need;
//! - the **simulation** build (`simulation`: [`simulation`]'s valuation of a list made by
//!   `simulationInput`, `version`), which the page's valuation and its workers load: it has no
//!   scenario reader, so it arrives soon after the core;
//! - the **full** build (`full`, the default: both, and `analysis`'s exports: the closed forms,
//!   compare, portfolio, sensitivity, goal seek; `books`': the books; the valuation of a
//!   scenario) for the page's other panels, its workers' books and the npm package.

#[cfg(feature = "core")]
use crate::input;
#[cfg(any(feature = "core", feature = "simulation"))]
use crate::problem::{summary, Problem};
#[cfg(feature = "core")]
use crate::{report, Scenario};
#[cfg(feature = "core")]
mod walk;
#[cfg(any(feature = "core", feature = "simulation"))]
use serde::Serialize;
#[cfg(feature = "core")]
use walk::to_json;
#[cfg(feature = "core")]
pub use walk::{MAX_DEPTH, MAX_TEXT_TOTAL, MAX_VALUES};
use wasm_bindgen::prelude::*;

/// The hand-written types: the thrown error and the inputs read field by field.
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = include_str!("../types/inputs.d.ts");

/// The data types generated from the Rust types (tests/typescript.rs, ts-rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &'static str = include_str!("../types/generated.d.ts");

#[cfg(any(feature = "core", feature = "simulation"))]
type JsResult = Result<JsValue, JsValue>;

/// A JS `Error` carrying the problems.
#[cfg(any(feature = "core", feature = "simulation"))]
fn error(problems: Vec<Problem>) -> JsValue {
    let err = js_sys::Error::new(&summary(&problems));
    // Setting a property on a fresh Error object cannot fail; if it did, the message stays.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &to_js(&problems));
    err.into()
}

/// A Rust value as a plain JS object (or `undefined` if it cannot be represented, which our
/// report types of strings and numbers never are).
#[cfg(any(feature = "core", feature = "simulation"))]
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).unwrap_or(JsValue::UNDEFINED)
}

#[cfg(feature = "core")]
fn scenario(value: JsValue) -> Result<Scenario, Vec<Problem>> {
    input::scenario(&to_json(value, "the scenario")?)
}

/// A scenario and the options of a run on it, read by `read` (the input layer's reader of
/// those options): the scenario first, since it sets the options' defaults.
#[cfg(feature = "core")]
fn scenario_and_options<T>(
    scenario: JsValue,
    options: JsValue,
    read: fn(&serde_json::Value, &Scenario) -> Result<T, Vec<Problem>>,
) -> Result<(Scenario, T), Vec<Problem>> {
    let s = self::scenario(scenario)?;
    let options = to_json(options, "the options").and_then(|v| read(&v, &s))?;
    Ok((s, options))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Every problem of a scenario, `[]` when it is valid. Never throws.
#[cfg(feature = "core")]
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(#[wasm_bindgen(unchecked_param_type = "unknown")] scenario: JsValue) -> JsValue {
    let problems = match to_json(scenario, "the scenario") {
        Ok(v) => input::scenario_problems(&v),
        Err(problems) => problems,
    };
    to_js(&problems)
}

/// The deterministic report of a scenario; throws with `problems` when it is invalid.
#[cfg(feature = "core")]
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Scenario")] value: JsValue) -> JsResult {
    scenario(value)
        .map(|s| to_js(&report::evaluate(&s)))
        .map_err(error)
}

/// The valuation's input for the simulation build (`montecarlo::handoff`): the
/// scenario's deal and the valuation's options, read and validated here, as a list of numbers
/// to pass unchanged to `WarrantSimulation.fromInput` or `valueInput` of the simulation (or
/// full) build of the same version. Throws with `problems`: the scenario's, the options'
/// (`options.…`), or one at `warrant` when the deal has no warrant to value.
#[cfg(feature = "core")]
#[wasm_bindgen(js_name = simulationInput)]
pub fn simulation_input(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValuationOptions")] options: JsValue,
) -> Result<Vec<f64>, JsValue> {
    let (s, options) =
        scenario_and_options(scenario, options, input::valuation_options).map_err(error)?;
    let deal = crate::montecarlo::Deal::of(&s).map_err(error)?;
    Ok(crate::montecarlo::handoff::write(&deal, &options))
}

#[cfg(feature = "full")]
mod analysis;
#[cfg(feature = "full")]
pub use analysis::*;
#[cfg(feature = "full")]
mod books;
#[cfg(feature = "full")]
pub use books::*;
#[cfg(feature = "simulation")]
mod simulation;
#[cfg(feature = "simulation")]
pub use simulation::*;
