//! The input layer: JSON values in, typed values out, every problem reported at its field path.
//!
//! This is the only part of the core that reads `serde_json::Value`s. The engines (capacity,
//! dilution, vesting, pricing, montecarlo, ...) take the typed values made here. Readers:
//! [`scenario()`] (a scenario, read and validated), [`scenarios`] (a list of them),
//! [`valuation_options`], [`option_spec()`] and [`report_output`] (a report path as a measure).
//!
//! The building blocks ([`Reader`], reader.rs) read one field each from a JSON object and return a usable value
//! either way: the value when it is right, a placeholder (NaN, "", the type's default) when it
//! is not, together with a [`Problem`] at the field's path. So a reader can go on through the
//! whole input and report everything wrong with it at once. Policy:
//! - a required field that is absent is a problem ("is required");
//! - a non-finite number (JS `NaN`, `±Infinity`) is a problem at its path, `not_finite`,
//!   wherever it stands, also in an optional field: JSON has no such numbers, so the boundary
//!   writes each as the marker [`non_finite`] (`{"$nonFinite": "NaN"}`), never as `null`;
//! - an optional field may be absent or `null`; a required one that is absent or `null` is
//!   "required";
//! - an unknown field is a problem, so that a misspelt optional field never passes silently.

mod lists;
mod money;
mod option_spec;
mod path;
mod reader;
mod scenario;
mod solve;
mod valuation;

pub use lists::{portfolio_scenarios, report_output, scenarios};
pub use option_spec::option_spec;
pub use path::{lookup, path_parts, PathPart};
pub use reader::Reader;
pub use scenario::{scenario, scenario_problems};
pub use solve::solve_spec;
pub use valuation::{accounting_options, valuation_options, valuation_request};

use crate::problem::Problem;
use serde_json::{Map, Value};

/// A JSON object's fields.
pub type Object = Map<String, Value>;

/// The key of the one-field object that stands for a non-finite number in an input.
pub const NON_FINITE_KEY: &str = "$nonFinite";

/// A non-finite number as an input value: `{"$nonFinite": "NaN"}` (or `"Infinity"`,
/// `"-Infinity"`). JSON cannot hold NaN or ±Infinity, and turning them into `null` would make an
/// optional field read as absent, so a scenario the sender never meant would be computed. Every
/// reader here reports the marker as `not_finite` at its path. The marker is an object with a
/// key no input type has, so even a reader that did not look for it would report a problem.
pub fn non_finite(x: f64) -> Value {
    let text = if x.is_nan() {
        "NaN"
    } else if x > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    let mut marker = Map::new();
    marker.insert(NON_FINITE_KEY.to_string(), Value::String(text.to_string()));
    Value::Object(marker)
}

/// What a [`non_finite`] marker stands for ("NaN", "Infinity", ...); `None` for other values.
pub fn non_finite_text(v: &Value) -> Option<&str> {
    match v {
        Value::Object(o) if o.len() == 1 => o.get(NON_FINITE_KEY)?.as_str(),
        _ => None,
    }
}

/// Longest list accepted (phases, tranches, sources).
pub const MAX_LIST_LEN: usize = 200;

/// Longest text accepted in any string field (names, labels, source notes and addresses).
pub const MAX_TEXT_BYTES: usize = 2000;

/// What kind of JSON value `v` is: an id (a problem's `got` parameter) and English words.
pub fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("boolean", "true/false"),
        Value::Number(_) => ("number", "a number"),
        Value::String(_) => ("text", "text"),
        Value::Array(_) => ("list", "a list"),
        Value::Object(_) => ("object", "an object"),
    }
}

/// A typed value's JSON form: the inverse of the readers here (tests, the fuzzer and the
/// command-line examples edit scenarios as JSON).
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl ToJson for crate::scenario::Scenario {
    fn to_json(&self) -> Value {
        // Serializing plain structs of strings and finite numbers cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The problems of a reader as a result: `Ok(value)` when there are none.
pub fn finish<T>(value: T, problems: Vec<Problem>) -> Result<T, Vec<Problem>> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems)
    }
}

/// The first characters of user text, for messages.
pub fn clip(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}
