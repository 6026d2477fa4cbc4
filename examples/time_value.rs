//! Times `valueWarrant` on a preset natively, for the benchmark's interleaved comparison with
//! Wasm (`tests/bench/ratio.mjs`): prints the milliseconds of each of `runs` runs and the fair
//! value as one JSON line.
//! `cargo run --release --example time_value -- amd-openai-2025 '{"paths": 16384, "quasiRandom": true}' 5`.
use dealcalc::input::ToJson;
use dealcalc::{montecarlo, presets};

fn main() {
    let mut args = std::env::args().skip(1);
    let id = args
        .next()
        .unwrap_or_else(|| presets::DEFAULT_PRESET.to_string());
    let options: serde_json::Value = args
        .next()
        .map(|o| serde_json::from_str(&o).expect("options must be JSON"))
        .unwrap_or(serde_json::json!({}));
    let runs: usize = args.next().map_or(5, |n| n.parse().expect("runs: a count"));
    let scenario = match presets::get(&id) {
        Ok(s) => s.to_json(),
        Err(e) => return eprintln!("{e:?}"),
    };
    let mut ms = Vec::with_capacity(runs);
    let mut fair = 0.0;
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let run = dealcalc::input::valuation_request(&scenario, &options)
            .and_then(|(s, o)| montecarlo::value_warrant(&s, o));
        match run {
            Ok(v) => fair = v.total_fair_value_usd,
            Err(e) => return eprintln!("{e:?}"),
        }
        ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    println!("{}", serde_json::json!({ "ms": ms, "fairValueUsd": fair }));
}
