//! The JS walk: a JS value as a JSON value, with limits on depth, count and text (the core
//! and full builds' exports read their arguments through it).

use crate::input;
use crate::problem::Problem;
use wasm_bindgen::prelude::*;

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
pub(super) fn to_json(value: JsValue, what: &str) -> Result<serde_json::Value, Vec<Problem>> {
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
