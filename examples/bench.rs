//! Native timings of the workloads in docs/BENCHMARKS.md, as JSON (median of repeated runs).
//! Run through scripts/bench.sh, which also times the same workloads in Wasm.
use dealcalc::pricing::{price, OptionSpec};
use dealcalc::{montecarlo, presets, Scenario};
use serde_json::json;
use std::time::Instant;

fn median_ms(repeats: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..repeats)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let amd = presets::get("amd-openai-2025").expect("preset").to_json();
    // Batches of calls, as in the Wasm harness (browsers coarsen their clock).
    let evaluate = median_ms(51, || {
        for _ in 0..20 {
            let s = Scenario::from_json(&amd).expect("valid");
            std::hint::black_box(dealcalc::evaluate(&s));
        }
    }) / 20.0;
    let specs: Vec<OptionSpec> = [
        json!({"kind":"bs_call","spot":100,"strike":95,"rate":0.05,"vol":0.3,"timeYears":1}),
        json!({"kind":"up_and_out_call","spot":100,"strike":95,"barrier":130,"rebate":2,"rate":0.05,"vol":0.3,"timeYears":1}),
        json!({"kind":"one_touch_up","spot":100,"barrier":130,"rate":0.05,"vol":0.3,"timeYears":1}),
        json!({"kind":"down_and_in_asset_or_nothing_put","spot":100,"strike":95,"barrier":80,"rate":0.05,"vol":0.3,"timeYears":1}),
        json!({"kind":"warrant","spot":40,"strike":60,"rate":0.03,"vol":0.3,"timeYears":5,"sharesOutstanding":1e6,"warrantsIssued":2e5,"dilution":"fixed_point"}),
    ]
    .iter()
    .map(|v| OptionSpec::from_json(v).expect("valid"))
    .collect();
    let price_option = median_ms(51, || {
        for _ in 0..200 {
            for s in &specs {
                std::hint::black_box(price(s));
            }
        }
    }) / (200 * specs.len()) as f64;
    let options = json!({"paths": 100_000, "seed": 1, "stepsPerYear": 52});
    let mut last = None;
    let value = median_ms(5, || {
        last = Some(montecarlo::value_warrant(&amd, &options).expect("runs"));
    });
    let v = last.expect("ran");
    println!(
        "{}",
        json!({
            "evaluateMs": evaluate,
            "priceOptionMs": price_option,
            "valueWarrantMs": value,
            "valueWarrantUsd": v.total_fair_value_usd,
            "standardErrorUsd": v.standard_error_usd,
        })
    );
}
