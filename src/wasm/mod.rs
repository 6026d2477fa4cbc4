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
//! Two builds come from it: the **core** (`--no-default-features`: `validate`, `evaluate`,
//! `version`), all that the page's first numbers and the embedded element's headline need,
//! and the **full** build (feature `full`, the default), which adds `analysis`'s exports (the
//! closed forms, compare, portfolio, sensitivity) and `simulation`'s (the Monte Carlo
//! valuation, the books, goal seek) for the page's panels, its workers and the npm package.

use crate::input;
use crate::problem::{summary, Problem};
use crate::{report, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The hand-written types: the thrown error and the inputs read field by field.
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = include_str!("../types/inputs.d.ts");

/// The data types generated from the Rust types (tests/typescript.rs, ts-rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &'static str = include_str!("../types/generated.d.ts");

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
    // Each test is a call into JS: numbers and strings, most of a scenario's values, first.
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
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
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

#[cfg(feature = "full")]
mod analysis;
#[cfg(feature = "full")]
pub use analysis::*;
#[cfg(feature = "full")]
mod simulation;
#[cfg(feature = "full")]
pub use simulation::*;
