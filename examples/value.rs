//! Values a catalogue deal's warrant (its latest version) from the command line and prints the valuation as JSON:
//! `cargo run --release --example value -- amd-openai-2025 '{"paths": 20000}'`.
//! With a run count as third argument it times that many runs instead and prints their
//! milliseconds and the fair value as one JSON line (the benchmark's native side,
//! `tests/bench/ratio.mjs`). With `blocks` as third argument it serves block runs, as a
//! worker runs them: each line of standard input is a block index; each block is run and its
//! milliseconds printed on a line of their own with the sum of the block's sums, which every
//! build must reproduce (the benchmark's native side, block by block).
use dealcalc::input::ToJson;
use dealcalc::montecarlo;
use std::io::{BufRead, Write};

/// The latest version of a catalogue deal (`deals/<id>.json`), read and validated, as JSON.
fn latest_version(id: &str) -> Result<serde_json::Value, String> {
    let path = format!("{}/deals/{id}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let deal: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let latest = deal["versions"]
        .as_array()
        .and_then(|v| v.last())
        .ok_or("no versions")?;
    let s = dealcalc::input::scenario(latest).map_err(|e| format!("{e:?}"))?;
    Ok(s.to_json())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let id = args.next().unwrap_or_else(|| "amd-openai-2025".to_string());
    let options: serde_json::Value = args
        .next()
        .map(|o| serde_json::from_str(&o).expect("options must be JSON"))
        .unwrap_or(serde_json::json!({}));
    let third = args.next();
    let scenario = match latest_version(&id) {
        Ok(s) => s,
        Err(e) => return eprintln!("{e}"),
    };
    if third.as_deref() == Some("blocks") {
        return serve_blocks(&scenario, &options);
    }
    let runs: Option<usize> = third.map(|n| n.parse().expect("runs: a count"));
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

/// Runs the blocks whose indices come on standard input, one a line, and prints each one's
/// milliseconds and the sum of its sums on a line (flushed, so that the caller can wait).
fn serve_blocks(scenario: &serde_json::Value, options: &serde_json::Value) {
    let run = dealcalc::input::valuation_request(scenario, options)
        .and_then(|(s, o)| montecarlo::ValuationRun::new(&s, o));
    let mut run = match run {
        Ok(run) => run,
        Err(e) => return eprintln!("{e:?}"),
    };
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let index: u64 = line.expect("stdin").trim().parse().expect("a block index");
        let start = std::time::Instant::now();
        let sums = run.run_block(index).to_vec();
        let ms = start.elapsed().as_secs_f64() * 1e3;
        // The block's sums added up in order: the same number in every build.
        let check: f64 = sums.iter().sum();
        writeln!(out, "{ms} {check:e}")
            .and_then(|()| out.flush())
            .expect("stdout");
    }
}
