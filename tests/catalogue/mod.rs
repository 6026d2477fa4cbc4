//! The bad-input catalogue (`tests/data/bad-inputs.json`), shared by the native and the browser
//! test levels: each case builds an input from a preset or a base spec, breaks it, and names the
//! field path its problem must carry. Special numbers are written `{"$": "NaN"}` (also
//! `"Infinity"`, `"-Infinity"`): the browser level turns them into real JS numbers, the native
//! level into `null`, which is what the boundary makes of them.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use dealcalc::input::ToJson;
use dealcalc::presets;
use serde_json::{json, Value};

pub struct Case {
    pub name: String,
    /// "scenario", "options" or "option".
    pub target: String,
    /// The input; for "options", the scenario the options are for.
    pub input: Value,
    /// For "options": the options.
    pub options: Value,
    /// The path a problem must carry (or lie under).
    pub expect: String,
    /// "deep", "huge" or "wide" for the generated inputs.
    pub generate: Option<String>,
}

fn pointer_parent<'v>(v: &'v mut Value, pointer: &str) -> (&'v mut Value, String) {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    (
        v.pointer_mut(parent).expect("the parent exists"),
        key.to_string(),
    )
}

fn apply(mut v: Value, case: &Value) -> Value {
    if let Some(set) = case["set"].as_array() {
        for pair in set {
            let (parent, key) = pointer_parent(&mut v, pair[0].as_str().unwrap());
            match parent {
                Value::Object(o) => {
                    o.insert(key, pair[1].clone());
                }
                Value::Array(a) => a[key.parse::<usize>().unwrap()] = pair[1].clone(),
                _ => panic!("cannot set inside a scalar"),
            }
        }
    }
    if let Some(remove) = case["remove"].as_array() {
        for p in remove {
            let (parent, key) = pointer_parent(&mut v, p.as_str().unwrap());
            parent.as_object_mut().unwrap().remove(&key);
        }
    }
    v
}

fn generate(mut v: Value, kind: &str) -> Value {
    match kind {
        "deep" => {
            let mut deep = json!(1);
            for _ in 0..5000 {
                deep = json!({ "a": deep });
            }
            v["deep"] = deep;
        }
        "huge" => v["name"] = json!("x".repeat(10_000_000)),
        "wide" => {
            let one = json!({"field": "name", "title": "", "url": "", "note": "assumption"});
            v["sources"] = Value::Array(vec![one; 200_000]);
        }
        other => panic!("unknown generator {other}"),
    }
    v
}

/// Every case, with the large generated inputs built in Rust.
pub fn cases() -> Vec<Case> {
    build(true)
}

/// Every case; with `generate` false the generated inputs are left to the caller (the browser
/// level builds them as JS values), and `Case::generate` names them.
pub fn build(generate_inputs: bool) -> Vec<Case> {
    let all: Vec<Value> =
        serde_json::from_str(include_str!("../data/bad-inputs.json")).expect("catalogue JSON");
    all.iter()
        .map(|c| {
            let target = c["target"].as_str().unwrap().to_string();
            let base = match target.as_str() {
                "option" => c["spec"].clone(),
                _ => presets::get(c["base"].as_str().unwrap()).unwrap().to_json(),
            };
            let mut input = if c.get("raw").is_some() && target != "options" {
                c["raw"].clone()
            } else {
                apply(base, c)
            };
            if let Some(kind) = c["generate"].as_str().filter(|_| generate_inputs) {
                input = generate(input, kind);
            }
            Case {
                name: c["name"].as_str().unwrap().to_string(),
                target,
                input,
                options: c["options"].clone(),
                expect: c["expect"].as_str().unwrap().to_string(),
                generate: c["generate"].as_str().map(str::to_string),
            }
        })
        .collect()
}

/// Replaces the special-number markers by null (what JS NaN and ±Infinity become).
pub fn without_markers(v: &Value) -> Value {
    match v {
        Value::Object(o) if o.len() == 1 && o.contains_key("$") => Value::Null,
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), without_markers(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_markers).collect()),
        other => other.clone(),
    }
}

/// Whether some problem path is `expect` or lies under it.
pub fn found(paths: &[String], expect: &str) -> bool {
    paths.iter().any(|p| {
        p == expect
            || expect.is_empty()
            || p.strip_prefix(expect)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}
