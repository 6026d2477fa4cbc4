//! The fast simulation against the plain reference (`src/montecarlo/reference.rs`), which visits
//! every step, feeds every close to the price tests of `warrant_terms` and passes over
//! nothing. Both draw the same random numbers, so they must give the same valuation, bit for
//! bit: every figure of the result (fair values, standard errors, probabilities, vest dates,
//! histograms, percentiles) compared exactly as JSON (shortest round-trip numbers, so equal
//! text is equal bits).
//!
//! The one place where the two add in another order is an average's window: the fast path
//! moves its sum close by close and sums it afresh after 64 moves or a gap, the reference's
//! observer moves it and sums it afresh each time the window turns over. Both compare with the
//! average's 10⁻¹² margin (`warrant_terms::AVERAGE_MARGIN`), so they could disagree only on a
//! window within a few ulps of its threshold; none does in these scenarios, and the results
//! match bit for bit.
//!
//! 500 random scenarios around AMD–OpenAI: each tranche's price test `touch`, `close` or
//! `average` (1 to 60 days), both vesting rules, random targets (some at or below the price,
//! some absent), phases with random probabilities, binding or not, delays and starts (some
//! begun), a price correlation, flat volatilities and volatility curves, rates, dividends and
//! a real-world drift or none; grids of 12, 52 and 252 (daily) steps a year; quasi-random on
//! and off, antithetic pairs on and off, the control variate on and off.

mod deal_files;

use dealcalc::input::ToJson;
use dealcalc::montecarlo::Simulation;
use serde_json::{json, Value};

const SCENARIOS: usize = 500;

/// SplitMix64: a small, well-mixed generator for the scenarios (not the simulation's).
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, p: f64) -> bool {
        self.uniform(0.0, 1.0) < p
    }
}

const KINDS: [&str; 3] = ["touch", "close", "average"];
const RULES: [&str; 2] = ["conditions_once_met", "price_after_milestone"];

/// Scenario `index`: AMD–OpenAI's first version with its terms drawn at random; also returns
/// the valuation's options.
fn random_scenario(index: usize, draws: &mut Draws) -> (Value, Value) {
    let mut s = deal_files::first("amd-openai-2025").to_json();
    s["warrant"]["vestingRule"] = json!(RULES[index % 2]);
    let s0 = s["equity"]["sharePrice"].as_f64().unwrap();
    // A third of the scenarios use one kind for every tranche, the rest mix them.
    let one_kind = (index / 2) % 3 == 0;
    let shared_kind = KINDS[draws.below(3) as usize];
    for tranche in s["warrant"]["tranches"].as_array_mut().unwrap() {
        let kind = if one_kind {
            shared_kind
        } else {
            KINDS[draws.below(3) as usize]
        };
        tranche["priceTest"] = match kind {
            "average" => json!({"kind": "average", "days": 1 + draws.below(60)}),
            kind => json!({"kind": kind}),
        };
        tranche["priceTarget"] = if draws.chance(0.08) {
            Value::Null
        } else {
            json!(s0 * f64::exp(draws.uniform(-0.25, 1.2)))
        };
    }
    for phase in s["capacity"]["phases"].as_array_mut().unwrap() {
        phase["probability"] = json!(draws.uniform(0.3, 1.0));
        phase["binding"] = json!(draws.chance(0.3));
        let mode = draws.uniform(0.0, 8.0);
        phase["delayMonths"] =
            json!({"min": 0, "mode": mode, "max": mode + draws.uniform(0.0, 12.0)});
        // Starts moved by −18 to +12 months (some phases begun at the valuation date).
        let shift = draws.below(31) as i64 - 18;
        for key in ["start", "end"] {
            let date = phase[key].as_str().unwrap();
            phase[key] = json!(shift_months(date, shift));
        }
    }
    if draws.chance(0.5) {
        s["capacity"]["priceCorrelation"] = json!(draws.uniform(-0.8, 0.8));
    }
    let e = &mut s["equity"];
    e["volatility"] = json!(draws.uniform(0.15, 0.9));
    if draws.chance(0.4) {
        // Falling or rising vols, the total variance vol² × years never falling.
        let mut last: (f64, f64) = (0.0, 0.0);
        let points: Vec<Value> = [0.5, 1.5, 3.0, 5.0]
            .iter()
            .map(|&years| {
                let floor = 1.001 * last.1 * f64::sqrt(last.0 / years);
                let vol = draws.uniform(0.2, 0.9).max(floor);
                last = (years, vol);
                json!({"years": years, "vol": vol})
            })
            .collect();
        e["volatilityCurve"] = json!(points);
    }
    e["riskFreeRate"] = json!(draws.uniform(0.0, 0.06));
    e["dividendYield"] = json!(if draws.chance(0.3) {
        draws.uniform(0.0, 0.03)
    } else {
        0.0
    });
    if draws.chance(0.7) {
        e["expectedReturn"] = json!(draws.uniform(0.03, 0.16));
    } else {
        e.as_object_mut().unwrap().remove("expectedReturn");
    }
    let steps_per_year = [12, 52, 252][draws.below(3) as usize];
    let options = json!({
        "paths": 16 + draws.below(48),
        "seed": 1 + draws.below(1_000_000),
        "stepsPerYear": steps_per_year,
        "quasiRandom": draws.chance(0.5),
        "antithetic": draws.chance(0.7),
        "controlVariate": draws.chance(0.5),
    });
    (s, options)
}

/// An ISO date moved by `months` (the day kept, at most the 28th).
fn shift_months(date: &str, months: i64) -> String {
    let (y, m, d): (i64, i64, i64) = (
        date[0..4].parse().unwrap(),
        date[5..7].parse().unwrap(),
        date[8..10].parse().unwrap(),
    );
    let total = y * 12 + (m - 1) + months;
    format!("{:04}-{:02}-{:02}", total / 12, total % 12 + 1, d.min(28))
}

/// The first path (JSON pointer) where `a` and `b` differ.
fn first_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.iter().find_map(|(k, v)| {
            first_difference(v, y.get(k).unwrap_or(&Value::Null), &format!("{at}/{k}"))
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{at}/{i}"))),
        _ => (a != b).then(|| format!("{at}: {a} against {b}")),
    }
}

#[test]
fn the_fast_simulation_is_the_reference_bit_for_bit() {
    let mut draws = Draws(20_261_202);
    // Scenarios (by kind × rule) in which a tranche of that kind vested on some path.
    let mut vested = [[0usize; 2]; 3];
    let mut daily = 0;
    for index in 0..SCENARIOS {
        let (json, options) = random_scenario(index, &mut draws);
        let (scenario, options) = dealcalc::input::valuation_request(&json, &options)
            .unwrap_or_else(|p| panic!("scenario {index}: {p:?}"));
        let run = |mut sim: Simulation| {
            sim.run_all();
            serde_json::to_value(sim.result()).unwrap()
        };
        let fast = run(Simulation::new(&scenario, options).unwrap());
        let reference = run(Simulation::reference(&scenario, options).unwrap());
        if let Some(at) = first_difference(&fast, &reference, "") {
            let terms = json!({"capacity": json["capacity"], "equity": json["equity"], "warrant": json["warrant"]});
            panic!("scenario {index} ({options:?}): fast and reference differ at {at}\n{terms}");
        }
        let rule = index % 2;
        let tranches = json["warrant"]["tranches"].as_array().unwrap();
        for (t, v) in tranches.iter().zip(fast["tranches"].as_array().unwrap()) {
            let kind = KINDS
                .iter()
                .position(|k| t["priceTest"]["kind"] == *k)
                .unwrap();
            if t["priceTarget"].is_number() && v["riskNeutralProbability"].as_f64().unwrap() > 0.0 {
                vested[kind][rule] += 1;
            }
        }
        daily += usize::from(options.steps_per_year == 252);
    }
    // Every kind vested under every rule in many scenarios, and the daily grid was drawn.
    for (kind, counts) in KINDS.iter().zip(vested) {
        for (rule, count) in RULES.iter().zip(counts) {
            assert!(count >= 50, "{kind} under {rule}: {count} vesting tranches");
        }
    }
    assert!(daily >= 100, "{daily} daily grids");
}
