//! Raw bytes through JSON to every entry point: no input may panic (a panic in Wasm kills the
//! instance). Valid scenarios are also evaluated, valued with a few paths, compared and swung,
//! and handed to the simulation build as numbers (`montecarlo::handoff`), which must give the
//! same deal back; the raw bytes as numbers must never pass for such a list.
#![no_main]

use dealcalc::{compare, input, montecarlo, pricing, sensitivity};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// The default deal, for reading the input as its valuation options.
const AMD_OPENAI: &str = include_str!("../../deals/amd-openai-2025.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    // As a scenario.
    if let Ok(s) = input::scenario(&value) {
        let report = dealcalc::evaluate(&s);
        let _ = serde_json::to_string(&report);
        let _ = compare::compare(std::slice::from_ref(&s));
        let output = "capacity.capexUsd";
        if let Ok(measure) = input::report_output(output) {
            let _ = sensitivity::sensitivity(&s, measure, output, 0.1);
        }
        let options = json!({"paths": 4, "seed": 1, "stepsPerYear": 4});
        if let Ok(o) = input::valuation_options(&options, &s) {
            let _ = montecarlo::value_warrant(&s, o);
            if let Ok(deal) = montecarlo::Deal::of(&s) {
                let list = montecarlo::handoff::write(&deal, &o);
                assert_eq!(montecarlo::handoff::read(&list), Ok((deal, o)), "{text}");
            }
        }
    }
    // The bytes as a list of numbers: refused (a list needs its header and checksum).
    let numbers: Vec<f64> = data
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    assert!(
        montecarlo::handoff::read(&numbers).is_err(),
        "raw bytes read as a simulation input"
    );
    // As valuation options for the default deal, and as an option spec.
    let deal: serde_json::Value = serde_json::from_str(AMD_OPENAI).expect("a deal file is JSON");
    if let Ok(s) = input::scenario(&deal["versions"][0]) {
        if let Ok(o) = input::valuation_options(&value, &s) {
            let _ = montecarlo::Simulation::new(&s, o);
        }
    }
    if let Ok(spec) = input::option_spec(&value) {
        let p = pricing::price(&spec);
        assert!(!p.price.is_nan(), "NaN price for {text}");
    }
});
