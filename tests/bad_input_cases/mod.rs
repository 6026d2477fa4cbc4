//! The bad-input catalogue (`tests/data/bad-inputs.json`), shared by the native and the browser
//! test levels: each case builds an input from a preset or a base spec, breaks it, and names the
//! field path its problem must carry. Special numbers are written `{"$": "NaN"}` (also
//! `"Infinity"`, `"-Infinity"`): the browser level turns them into real JS numbers, the native
//! level into the input layer's marker (`dealcalc::input::non_finite`), which is what the
//! boundary makes of them. A case that sets such a number must find `not_finite` at its path.
//!
//! Targets: "scenario"; "options" (`valueWarrant`'s) and "accounting" (`accounting`'s), with
//! the scenario as input; "option" (`priceOption`'s spec); "portfolio" and "compare", whose
//! input is the one deal of the list they are given.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use dealcalc::input::ToJson;
use serde_json::{json, Value};

pub struct Case {
    pub name: String,
    /// "scenario", "options", "accounting", "option", "portfolio" or "compare".
    pub target: String,
    /// The input; for "options", the scenario the options are for.
    pub input: Value,
    /// For "options": the options.
    pub options: Value,
    /// The path a problem must carry (or lie under).
    pub expect: String,
    /// "deep", "huge" or "wide" for the generated inputs.
    pub generate: Option<String>,
    /// The case puts a non-finite number in: the problem at `expect` must be `not_finite`.
    pub non_finite: bool,
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
/// The first version of a catalogue deal, read as a scenario and written back: the base a case
/// changes. Embedded in the test (not the library), so that the browser-level test has it too.
fn base_deal(id: &str) -> Value {
    let text = match id {
        "amd-openai-2025" => include_str!("../../deals/amd-openai-2025.json"),
        "nvidia-openai-2025" => include_str!("../../deals/nvidia-openai-2025.json"),
        "oracle-openai-2025" => include_str!("../../deals/oracle-openai-2025.json"),
        _ => panic!("no base deal {id}; add it here"),
    };
    let deal: Value = serde_json::from_str(text).expect("a deal file is JSON");
    let first = &deal["versions"][0];
    dealcalc::input::scenario(first)
        .unwrap_or_else(|e| panic!("{id}: {e:?}"))
        .to_json()
}

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
                _ => base_deal(c["base"].as_str().unwrap()),
            };
            let mut input = if c.get("raw").is_some() && !is_options(&target) {
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
                non_finite: has_marker(&c["set"])
                    || has_marker(&c["raw"])
                    || has_marker(&c["options"]),
            }
        })
        .collect()
}

/// Whether the target's input is the scenario and `options` its options.
fn is_options(target: &str) -> bool {
    matches!(target, "options" | "accounting")
}

/// The number a special-number marker `{"$": "NaN"}` stands for.
pub fn marker(v: &Value) -> Option<f64> {
    match v {
        Value::Object(o) if o.len() == 1 => match o.get("$")?.as_str()? {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            _ => Some(f64::NEG_INFINITY),
        },
        _ => None,
    }
}

fn has_marker(v: &Value) -> bool {
    match v {
        Value::Object(o) => marker(v).is_some() || o.values().any(has_marker),
        Value::Array(a) => a.iter().any(has_marker),
        _ => false,
    }
}

/// Replaces the special-number markers by the input layer's own (what the boundary makes of
/// JS NaN and ±Infinity).
pub fn with_core_markers(v: &Value) -> Value {
    if let Some(x) = marker(v) {
        return dealcalc::input::non_finite(x);
    }
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), with_core_markers(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(with_core_markers).collect()),
        other => other.clone(),
    }
}

/// Whether the problems answer the case: one at `expect` or under it, and for a case that
/// puts a non-finite number in, `not_finite` at exactly `expect`.
pub fn answered(case: &Case, problems: &[(String, String)]) -> bool {
    let paths: Vec<String> = problems.iter().map(|(p, _)| p.clone()).collect();
    if case.non_finite {
        problems
            .iter()
            .any(|(p, code)| p == &case.expect && code == "not_finite")
    } else {
        found(&paths, &case.expect)
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

/// Every optional number of the inputs, as (target, field name), read from the TypeScript
/// types: `name?: number` (or `number | null`) in `generated.d.ts` (the scenario's types,
/// target "scenario") and in `inputs.d.ts` (`OptionSpec`: "option"; `ValuationOptions`:
/// "options"; `AccountingOptions`: "accounting", which also takes `ValuationOptions`' numbers).
pub fn optional_numbers() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (file, text) in [
        ("generated", include_str!("../../src/types/generated.d.ts")),
        ("inputs", include_str!("../../src/types/inputs.d.ts")),
    ] {
        let mut current = String::new();
        for line in text.lines() {
            for start in ["export interface ", "export type "] {
                if let Some(rest) = line.trim_start().strip_prefix(start) {
                    current = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                }
            }
            let target = match (file, current.as_str()) {
                ("generated", _) => "scenario",
                (_, "OptionSpec") => "option",
                (_, "ValuationOptions") => "options",
                (_, "AccountingOptions") => "accounting",
                _ => continue,
            };
            for (i, _) in line.match_indices("?: number") {
                let after = &line[i + "?: number".len()..];
                if !(after.starts_with([',', ';']) || after.starts_with(" | null")) {
                    continue;
                }
                let name: String = line[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                out.push((target.to_string(), name.clone()));
                if target == "options" {
                    out.push(("accounting".to_string(), name));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
