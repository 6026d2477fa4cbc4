//! Values a preset's warrant from the command line and prints the valuation as JSON:
//! `cargo run --release --example value -- amd-openai-2025 '{"paths": 20000}'`.
//! With a run count as third argument it times that many runs instead and prints their
//! milliseconds and the fair value as one JSON line (the benchmark's native side,
//! `tests/bench/ratio.mjs`).
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
    let runs: Option<usize> = args.next().map(|n| n.parse().expect("runs: a count"));
    let scenario = match presets::get(&id) {
        Ok(s) => s.to_json(),
        Err(e) => return eprintln!("{e:?}"),
    };
    let value = || {
        dealcalc::input::valuation_request(&scenario, &options)
            .and_then(|(s, o)| montecarlo::value_warrant(&s, o))
    };
    if let Some(runs) = runs {
        let mut ms = Vec::with_capacity(runs);
        let mut fair = 0.0;
        for _ in 0..runs {
            let start = std::time::Instant::now();
            match value() {
                Ok(v) => fair = v.total_fair_value_usd,
                Err(e) => return eprintln!("{e:?}"),
            }
            ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        return println!("{}", serde_json::json!({ "ms": ms, "fairValueUsd": fair }));
    }
    let start = std::time::Instant::now();
    match value() {
        Ok(v) => {
            eprintln!("{:.1} ms", start.elapsed().as_secs_f64() * 1e3);
            let mut v = serde_json::to_value(v).unwrap();
            v["priceFan"] = serde_json::Value::Null;
            v["samplePaths"] = serde_json::Value::Null;
            v["histogram"] = serde_json::Value::Null;
            println!("{}", serde_json::to_string_pretty(&v).unwrap());
        }
        Err(e) => eprintln!("{e:?}"),
    }
}
