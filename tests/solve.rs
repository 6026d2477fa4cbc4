//! Goal seek (issue 29): deterministic outputs to 1e-9 relative, simulated ones within two
//! standard errors and the same answer for the same seed, a target out of reach and bad specs
//! as problems at their paths.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;

use dealcalc::input::{scenario, solve_spec, ToJson};
use dealcalc::solve::{solve, Solution};
use serde_json::{json, Value};

fn amd() -> Value {
    deal_files::latest("amd-openai-2025").to_json()
}

fn run(s: &Value, spec: Value) -> Result<Solution, Vec<dealcalc::Problem>> {
    let sc = scenario(s).unwrap();
    let (spec, at) = solve_spec(s, &sc, &spec)?;
    solve(at, spec)
}

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

#[test]
fn a_report_number_is_hit_to_1e_9() {
    // The intrinsic value N × (P − K): $40B at P = 40e9 / 160e6 + 0.01.
    let s = amd();
    let spec = json!({"output": "dilution.valueTransferUsd", "target": 40e9, "input": "sharePrice",
        "lo": 100, "hi": 400});
    let x = run(&s, spec).unwrap();
    assert!(rel(x.output, 40e9) <= 1e-9, "{x:?}");
    assert!(rel(x.value, 40e9 / 160e6 + 0.01) <= 1e-9, "{x:?}");
    assert!(x.standard_error_usd.is_none());
    // A field path: the shares outstanding at which the warrant is 8% of the company.
    let spec = json!({"output": "dilution.maxOwnership", "target": 0.08,
        "input": "equity.sharesOutstanding", "lo": 1e9, "hi": 3e9});
    let x = run(&s, spec).unwrap();
    assert!(rel(x.output, 0.08) <= 1e-9, "{x:?}");
    assert!(rel(x.value, 160e6 * (1.0 / 0.08 - 1.0)) <= 1e-8, "{x:?}");
    assert!(x.output_at_lo > 0.08 && x.output_at_hi < 0.08);
}

#[test]
fn a_simulated_output_is_hit_within_two_standard_errors_and_the_seed_fixes_the_answer() {
    let s = amd();
    let sc = scenario(&s).unwrap();
    // A target the volatility reaches: the fair value at 70%.
    let mut at = sc.clone();
    at.equity.as_mut().unwrap().volatility = 0.7;
    let options = dealcalc::montecarlo::options::Options {
        paths: 4000,
        seed: 7,
        ..dealcalc::montecarlo::options::Options::defaults(&sc)
    };
    let target = dealcalc::montecarlo::value_warrant(&at, options)
        .unwrap()
        .total_fair_value_usd;
    let spec = json!({"output": "valuation.totalFairValueUsd", "target": target,
        "input": "volatility", "lo": 0.3, "hi": 1.2, "paths": 4000, "seed": 7});
    let x = run(&s, spec.clone()).unwrap();
    let se = x.standard_error_usd.unwrap();
    assert!((x.output - target).abs() <= 2.0 * se, "{x:?}");
    assert!((x.value - 0.7).abs() < 0.05, "{x:?}");
    assert_eq!(run(&s, spec).unwrap(), x, "same seed, same answer");
}

/// The methodology's worked example: which volatility gives AMD–OpenAI's books a reduction of
/// 5% of expected revenue (AMD told analysts "less than 5%").
#[test]
fn the_volatility_that_brings_amds_books_to_five_percent_of_revenue() {
    let spec = json!({"output": "accounting.reductionShareOfRevenue", "target": 0.05,
        "input": "volatility", "lo": 0.1, "hi": 0.55, "paths": 2000, "seed": 3});
    let x = run(&amd(), spec).unwrap();
    let se = x.standard_error_usd.unwrap();
    assert!((x.output - 0.05).abs() <= 2.0 * se, "{x:?}");
    assert!(x.value > 0.1 && x.value < 0.55, "{x:?}");
    assert!(x.output_at_lo < 0.05 && x.output_at_hi > 0.05, "{x:?}");
}

#[test]
fn a_target_out_of_reach_names_both_ends() {
    let spec = json!({"output": "dilution.maxOwnership", "target": 0.5,
        "input": "equity.sharesOutstanding", "lo": 1e9, "hi": 3e9});
    let e = run(&amd(), spec).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].path.as_str(), e[0].code),
        ("spec.target", "target_outside")
    );
    let (lo, hi) = (160e6 / (3e9 + 160e6), 160e6 / (1e9 + 160e6));
    let params = serde_json::to_value(&e[0].params).unwrap();
    assert!(rel(params["min"].as_f64().unwrap(), lo) < 1e-12, "{params}");
    assert!(rel(params["max"].as_f64().unwrap(), hi) < 1e-12, "{params}");
}

#[test]
fn bad_specs_are_problems_at_their_paths() {
    let s = amd();
    let paths = |spec: Value| -> Vec<(String, String)> {
        run(&s, spec)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code.to_string()))
            .collect()
    };
    let base = json!({"output": "dilution.valueTransferUsd", "target": 40e9, "input": "sharePrice", "lo": 100, "hi": 400});
    let with = |key: &str, v: Value| {
        let mut b = base.clone();
        b[key] = v;
        b
    };
    let one = |p: &str, c: &str| vec![(p.to_string(), c.to_string())];
    assert_eq!(
        paths(with("output", json!("dilution.nothing"))),
        one("spec.output", "unknown_output")
    );
    assert_eq!(
        paths(with("input", json!("warrant.tranches[9].priceTarget"))),
        one("spec.input", "unknown_input")
    );
    assert_eq!(
        paths(with("input", json!("name"))),
        one("spec.input", "unknown_input")
    );
    assert_eq!(paths(with("hi", json!(50))), one("spec.hi", "not_above"));
    assert_eq!(
        paths(with("tolerance", json!(0))),
        one("spec.tolerance", "range_above")
    );
    let nan = dealcalc::input::non_finite(f64::NAN);
    assert_eq!(paths(with("target", nan)), one("spec.target", "not_finite"));
    // A value in the bracket that makes the scenario invalid is a problem, never a number.
    let spec = json!({"output": "dilution.maxOwnership", "target": 0.08, "input": "equity.sharesOutstanding", "lo": -1e9, "hi": 3e9});
    let e = run(&s, spec).unwrap_err();
    assert_eq!(e[0].path, "equity.sharesOutstanding");
}
