//! Native benchmarks of the three workloads in docs/BENCHMARKS.md (criterion): `evaluate`,
//! `priceOption` over five kinds, and the AMD–OpenAI warrant valuation with 100,000 paths and
//! weekly steps. `scripts/bench.sh` runs them with the Wasm and plain-JavaScript timings and
//! reads the medians from target/criterion/*/new/estimates.json.
// criterion is a native-only dev-dependency; on wasm32 (clippy --all-targets) this is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use dealcalc::montecarlo;
    use dealcalc::pricing::{price, OptionSpec};
    use serde_json::json;
    use std::hint::black_box;
    use std::time::Duration;

    /// The first version of a catalogue deal (`deals/<id>.json`), as JSON.
    fn first_version(id: &str) -> serde_json::Value {
        let path = format!("{}/deals/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("a deal file");
        let deal: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        deal["versions"][0].clone()
    }

    pub fn workloads(c: &mut Criterion) {
        let amd = first_version("amd-openai-2025");
        c.bench_function("evaluate", |b| {
            b.iter(|| {
                let s = dealcalc::input::scenario(black_box(&amd)).expect("valid");
                dealcalc::evaluate(&s)
            })
        });
        let specs: Vec<OptionSpec> = [
            json!({"kind":"bs_call","spot":100,"strike":95,"rate":0.05,"vol":0.3,"timeYears":1}),
            json!({"kind":"up_and_out_call","spot":100,"strike":95,"barrier":130,"rebate":2,"rate":0.05,"vol":0.3,"timeYears":1}),
            json!({"kind":"one_touch_up","spot":100,"barrier":130,"rate":0.05,"vol":0.3,"timeYears":1}),
            json!({"kind":"down_and_in_asset_or_nothing_put","spot":100,"strike":95,"barrier":80,"rate":0.05,"vol":0.3,"timeYears":1}),
            json!({"kind":"warrant","spot":40,"strike":60,"rate":0.03,"vol":0.3,"timeYears":5,"sharesOutstanding":1e6,"warrantsIssued":2e5,"dilution":"fixed_point"}),
        ]
        .iter()
        .map(|v| dealcalc::input::option_spec(v).expect("valid"))
        .collect();
        // All five kinds per iteration; the table divides by five.
        c.bench_function("priceOption_5_kinds", |b| {
            b.iter(|| specs.iter().map(|s| price(black_box(s)).price).sum::<f64>())
        });
        let options = json!({"paths": 100_000, "seed": 1, "stepsPerYear": 52});
        let (scenario, options) =
            dealcalc::input::valuation_request(&amd, &options).expect("valid");
        let mut group = c.benchmark_group("valueWarrant");
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("amd_openai_100k_weekly", |b| {
            b.iter(|| montecarlo::value_warrant(black_box(&scenario), options).expect("runs"))
        });
        // The page's default: 16,384 quasi-random paths on the daily grid, one thread.
        let page =
            json!({"paths": 16_384, "seed": 1, "quasiRandom": true, "controlVariate": false});
        let (scenario, page) = dealcalc::input::valuation_request(&amd, &page).expect("valid");
        group.bench_function("amd_openai_page_default", |b| {
            b.iter(|| montecarlo::value_warrant(black_box(&scenario), page).expect("runs"))
        });
        group.finish();
    }

    criterion_group!(benches, workloads);
}
