//! Values the warrant of a scenario file and prints the valuation as JSON (time on stderr):
//! `cargo run --release --example value_file -- s.json '{}'`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a scenario file");
    let scenario: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let options: serde_json::Value = args
        .next()
        .map(|o| serde_json::from_str(&o).expect("options must be JSON"))
        .unwrap_or(serde_json::json!({}));
    let start = std::time::Instant::now();
    let run = dealcalc::input::valuation_request(&scenario, &options)
        .and_then(|(s, o)| dealcalc::montecarlo::value_warrant(&s, o));
    match run {
        Ok(v) => {
            eprintln!("{:.1} ms", start.elapsed().as_secs_f64() * 1e3);
            let mut v = serde_json::to_value(v).unwrap();
            for big in ["priceFan", "samplePaths", "histogram"] {
                v[big] = serde_json::Value::Null;
            }
            println!("{}", serde_json::to_string_pretty(&v).unwrap());
        }
        Err(e) => eprintln!("{e:?}"),
    }
}
