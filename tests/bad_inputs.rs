//! Every case of the bad-input catalogue natively: a problem at the named path, never a panic.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;

mod bad_input_cases;

use dealcalc::input::ToJson;
use serde_json::json;

mod support;
use support::value_warrant;

/// Runs `f` on a thread with a large stack: the catalogue's deeply nested case recurses in
/// building, cleaning and dropping its JSON value, past a test thread's stack in a debug build.
fn with_catalogue_stack(f: fn()) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn every_bad_input_is_a_problem_at_its_path() {
    with_catalogue_stack(run_catalogue);
}

fn run_catalogue() {
    let cases = bad_input_cases::cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for c in &cases {
        let input = bad_input_cases::with_core_markers(&c.input);
        let options = bad_input_cases::with_core_markers(&c.options);
        let problems = match c.target.as_str() {
            "scenario" => dealcalc::input::scenario_problems(&input),
            "options" => value_warrant(&input, &options).err().unwrap_or_default(),
            "accounting" => dealcalc::input::scenario(&input)
                .and_then(|s| dealcalc::input::accounting_options(&options, &s))
                .err()
                .unwrap_or_default(),
            "option" => dealcalc::input::option_spec(&input)
                .err()
                .unwrap_or_default(),
            "portfolio" => dealcalc::input::portfolio_scenarios(&json!([input]))
                .err()
                .unwrap_or_default(),
            "compare" => dealcalc::input::scenarios(&json!([input]), 10)
                .err()
                .unwrap_or_default(),
            other => panic!("unknown target {other}"),
        };
        let found: Vec<(String, String)> = problems
            .iter()
            .map(|p| (p.path.clone(), p.code.to_string()))
            .collect();
        assert!(
            bad_input_cases::answered(c, &found),
            "{}: expected a problem at '{}'{}, got {problems:?}",
            c.name,
            c.expect,
            if c.non_finite { " (not_finite)" } else { "" }
        );
        assert!(problems.iter().all(|p| !p.message.is_empty()), "{}", c.name);
    }
}

/// Every optional number of the contract's inputs (`?: number` in the TypeScript types, which
/// `tests/typescript.rs` keeps current with the readers) has a NaN case and an Infinity case
/// in the catalogue, for the input it belongs to: a new optional field without them fails here.
#[test]
fn every_optional_number_has_a_nan_and_an_infinity_case() {
    with_catalogue_stack(optional_numbers_covered);
}

fn optional_numbers_covered() {
    let fields = bad_input_cases::optional_numbers();
    assert!(fields.len() >= 25, "{fields:?}");
    let cases = bad_input_cases::cases();
    let mut missing = Vec::new();
    for (target, name) in &fields {
        for word in ["NaN", "Infinity"] {
            let covered = cases.iter().any(|c| {
                c.non_finite
                    && &c.target == target
                    && c.name.ends_with(word)
                    && (c.expect == *name
                        || c.expect.ends_with(&format!(".{name}"))
                        || c.expect.ends_with(&format!("]{name}")))
            });
            if !covered {
                missing.push(format!("{target} {name} {word}"));
            }
        }
    }
    assert!(missing.is_empty(), "no catalogue case for: {missing:?}");
    println!(
        "{} optional numbers, each with a NaN and an Infinity case",
        fields.len()
    );
}

/// Extreme but legal inputs give finite numbers everywhere (or a clear problem), never NaN.
#[test]
fn extreme_but_legal_inputs_stay_finite() {
    use serde_json::{json, Value};
    let mut s = deal_files::first("amd-openai-2025").to_json();
    s["equity"]["volatility"] = json!(5);
    s["equity"]["sharePrice"] = json!(1e6);
    s["equity"]["sharesOutstanding"] = json!(1e12);
    s["warrant"]["expiryDate"] = json!("2055-10-05");
    s["capacity"]["capexPerGwUsd"] = json!(1e15);
    let scenario = dealcalc::input::scenario(&s).expect("legal");
    let report = serde_json::to_value(dealcalc::evaluate(&scenario)).unwrap();
    let valuation = serde_json::to_value(
        value_warrant(&s, &json!({"paths": 200, "stepsPerYear": 12})).expect("runs"),
    )
    .unwrap();
    for v in [report, valuation] {
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Number(n) => assert!(n.as_f64().unwrap().is_finite()),
                Value::Array(a) => stack.extend(a),
                Value::Object(o) => stack.extend(o.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
    }
    for kind in ["bs_call", "up_and_out_call", "one_touch_up", "warrant"] {
        let spec = json!({"kind": kind, "spot": 1e6, "strike": 1e6, "barrier": 2e6, "rate": 0.05,
            "vol": 5, "timeYears": 30, "sharesOutstanding": 1e12, "warrantsIssued": 1e9,
            "dilution": "fixed_point"});
        let p = dealcalc::pricing::price(&dealcalc::input::option_spec(&spec).unwrap());
        assert!(
            p.price.is_finite() && p.delta.is_finite() && p.gamma.is_finite() && p.vega.is_finite(),
            "{kind}: {p:?}"
        );
    }
}
