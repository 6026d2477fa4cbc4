//! The warrant in the issuer's books: grant-date fair values against closed forms, the two
//! treatments, the quarterly schedule, reproducibility and bad options.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;
mod support;

use dealcalc::accounting::{accounting, Accounting, Standard};
use dealcalc::input::{accounting_options, scenario, ToJson};
use dealcalc::pricing::touch::touch_tranche;
use dealcalc::pricing::Market;
use serde_json::{json, Value};
use support::{assert_golden, books};

fn amd() -> Value {
    deal_files::first("amd-openai-2025").to_json()
}

/// One tranche with a touch test whose milestone was met before the grant, no deployment
/// risk: its grant-date value per share is the closed form (asset one-touch at hit − strike ×
/// cash one-touch at hit) from the grant price over the issue-to-expiry term.
#[test]
fn a_touch_tranche_with_its_milestone_met_matches_the_closed_form() {
    let mut s = amd();
    s["capacity"]["phases"] = json!([{ "label": "done", "gw": 1, "start": "2020-01-01",
        "end": "2020-01-01", "binding": true }]);
    s["capacity"]["deliveryLeadMonths"] = json!(0);
    s["warrant"]["shares"] = json!(1_000_000);
    s["warrant"]["tranches"] = json!([{ "shares": 1_000_000, "gwTrigger": 1, "priceTarget": 300,
        "priceTest": { "kind": "touch" } }]);
    let sc = scenario(&s).unwrap();
    let (w, e) = sc.warrant_on_equity().unwrap();
    let years = dealcalc::date::years_between(w.issue_date, w.expiry_date);
    let market = Market {
        spot: w.grant_share_price.unwrap(),
        ..Market::of_equity(e, years)
    };
    let closed = touch_tranche(&market, 300.0, w.strike).per_share_usd;
    for seed in [3, 17] {
        // Without the control variate, which is this very closed form (it would give it exactly).
        let options =
            json!({"paths": 20000, "seed": seed, "stepsPerYear": 52, "controlVariate": false});
        let a = books(&s, options);
        let t = &a.tranches[0];
        assert!(
            (t.fair_value_per_share_usd - closed).abs() < 3.0 * t.standard_error_usd,
            "seed {seed}: {} vs {closed} ± {}",
            t.fair_value_per_share_usd,
            t.standard_error_usd
        );
        assert_eq!(t.milestone_probability, 1.0);
        assert!(t.probable);
    }
}

#[test]
fn contract_attribution_spreads_the_chosen_total_in_proportion_to_revenue() {
    for standard in ["asu-2025-04", "service-condition"] {
        let a = books(
            &amd(),
            json!({"paths": 2000, "seed": 1, "stepsPerYear": 52, "standard": standard,
                "attribution": "contract"}),
        );
        let total = match a.standard {
            Standard::Asu202504 => a.asu202504.total_reduction_usd,
            Standard::ServiceCondition => a.service_condition.total_reduction_usd,
            Standard::AsOccurred => unreachable!(),
        };
        assert_eq!(total, a.total_reduction_usd);
        let sum: f64 = a.schedule.iter().map(|q| q.revenue_reduction_usd).sum();
        assert!(
            (sum - total).abs() <= 1e-9 * total,
            "{standard}: {sum} vs {total}"
        );
        let last = a.schedule.last().unwrap();
        assert!((last.cumulative_reduction_usd - total).abs() <= 1e-9 * total);
        for q in &a.schedule {
            let share = q.revenue_reduction_usd / q.vendor_revenue_usd;
            assert!(
                (share - a.reduction_share_of_revenue).abs() < 1e-12,
                "{}",
                q.quarter
            );
        }
        // Quarters run from the first delivery: 1 GW online from 2026-07-01 is delivered from
        // three months (91.3 days) earlier, 2026-03-31.
        assert_eq!(a.schedule[0].quarter, "2026-Q1");
        assert_eq!(a.schedule[1].quarter, "2026-Q2");
        // Expected issuable shares grow, and never exceed the warrant.
        let shares: Vec<f64> = a
            .schedule
            .iter()
            .map(|q| q.expected_issuable_shares)
            .collect();
        assert!(shares.windows(2).all(|w| w[1] >= w[0]) && shares.iter().all(|&x| x <= 160e6));
    }
}

/// AMD–OpenAI: the grant-date value from the pre-announcement close is below the value from
/// the announcement-day close; tranches whose milestone is less than 75% likely drop out of the
/// ASU total and are weighted into the service-condition total.
#[test]
fn amd_openai_in_the_books() {
    let options = json!({"paths": 4000, "seed": 5, "stepsPerYear": 52});
    let grant = books(&amd(), options.clone());
    let mut announced = amd();
    announced["warrant"]["grantSharePrice"] = json!(203.71);
    let later = books(&announced, options);
    let total = |a: &Accounting| -> f64 {
        a.tranches
            .iter()
            .map(|t| t.fair_value_per_share_usd * t.shares)
            .sum()
    };
    assert!(
        total(&grant) < total(&later),
        "{} vs {}",
        total(&grant),
        total(&later)
    );
    assert_eq!(grant.grant_share_price, 164.67);
    let probable: Vec<bool> = grant.tranches.iter().map(|t| t.probable).collect();
    assert!(
        probable.contains(&true) && probable.contains(&false),
        "{probable:?}"
    );
    let asu: f64 = grant
        .tranches
        .iter()
        .filter(|t| t.milestone_probability >= 0.75)
        .map(|t| t.fair_value_per_share_usd * t.shares)
        .sum();
    let service: f64 = grant
        .tranches
        .iter()
        .map(|t| t.fair_value_per_share_usd * t.shares * t.milestone_probability)
        .sum();
    assert!((grant.asu202504.total_reduction_usd - asu).abs() < 1e-3);
    assert!((grant.service_condition.total_reduction_usd - service).abs() < 1e-3);
    assert!(grant.asu202504.total_reduction_usd != grant.service_condition.total_reduction_usd);
    // The binding first GW is certain; later milestones follow the phases' probabilities.
    assert_eq!(grant.tranches[0].milestone_probability, 1.0);
    assert!((grant.tranches[5].milestone_probability - 0.85 * 0.7).abs() < 0.03);
}

/// Same seed, same result; `tests/data/golden-accounting.json` pins it for the Wasm test.
/// `UPDATE_GOLDEN=1 cargo test --test accounting golden` rewrites it.
#[test]
fn golden_accounting_is_reproduced_exactly() {
    let options = json!({"paths": 400, "seed": 12345, "stepsPerYear": 52});
    let got = serde_json::to_value(books(&amd(), options.clone())).unwrap();
    assert_eq!(got, serde_json::to_value(books(&amd(), options)).unwrap());
    assert_golden("golden-accounting.json", &got, "the books changed");
}

/// Equal JSON values, numbers within `rel` of each other.
fn near(a: &Value, b: &Value, rel: f64) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= rel * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| near(x, y, rel))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| near(v, w, rel)))
        }
        _ => a == b,
    }
}

/// The golden written before tranche attribution (issue 29), when the schedule spread the
/// total over all expected revenue: `attribution: "contract"` gives every figure it had,
/// besides the fields added since: the same numbers within 1e-12 relative, as a quarter is
/// now Σ over tranches of amount × revenue share where it was total × revenue share (the
/// order of the additions differs, and the last digit with it).
#[test]
fn contract_attribution_gives_the_books_as_they_were() {
    let options =
        json!({"paths": 400, "seed": 12345, "stepsPerYear": 52, "attribution": "contract"});
    let mut got = serde_json::to_value(books(&amd(), options)).unwrap();
    let added = [
        "attribution",
        "asOccurred",
        "totalReductionUsd",
        "earlyAdoptionAssumed",
        "transition",
    ];
    for key in added {
        got.as_object_mut()
            .unwrap()
            .remove(key)
            .expect("an added field");
    }
    for q in got["schedule"].as_array_mut().unwrap() {
        for key in ["rule", "byTranche", "expectedReversalUsd"] {
            q.as_object_mut()
                .unwrap()
                .remove(key)
                .expect("an added field");
        }
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/golden-accounting-before-attribution.json"
    );
    let want: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(near(&got, &want, 1e-12), "{got}");
}

#[test]
fn bad_options_and_a_deal_without_a_warrant_are_problems() {
    let sc = scenario(&amd()).unwrap();
    let paths = |v: Value| -> Vec<String> {
        accounting_options(&v, &sc)
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect()
    };
    assert_eq!(
        paths(json!({"probableThreshold": 0})),
        ["options.probableThreshold"]
    );
    assert_eq!(
        paths(json!({"probableThreshold": 1.5})),
        ["options.probableThreshold"]
    );
    assert_eq!(paths(json!({"standard": "ifrs"})), ["options.standard"]);
    assert_eq!(paths(json!({"paths": 3_000_000})), ["options.paths"]);
    let o = accounting_options(&json!({"paths": 2_000_000, "stepsPerYear": 2520}), &sc).unwrap();
    assert_eq!(accounting(&sc, &o).unwrap_err()[0].path, "options.paths");
    let oracle = deal_files::first("oracle-openai-2025");
    let o = accounting_options(&Value::Null, &oracle).unwrap();
    assert_eq!(accounting(&oracle, &o).unwrap_err()[0].path, "warrant");
}

/// The books in blocks, as Web Workers run them: any number of workers, blocks absorbed in
/// order, gives the result of one call, bit for bit; blocks out of order are refused.
#[test]
fn blocks_absorbed_in_order_give_the_result_of_one_call() {
    use dealcalc::accounting::AccountingRun;
    use dealcalc::montecarlo::Sums;
    let s = scenario(&amd()).unwrap();
    let o = accounting_options(&json!({"paths": 5000, "seed": 8, "stepsPerYear": 26}), &s).unwrap();
    let want = accounting(&s, &o).unwrap();
    for workers in [1usize, 2, 3] {
        let mut pool: Vec<AccountingRun> = (0..workers)
            .map(|_| AccountingRun::new(&s, &o).unwrap())
            .collect();
        let mut main = AccountingRun::new(&s, &o).unwrap();
        let blocks = main.block_count();
        let done: Vec<Vec<f64>> = (0..blocks)
            .map(|b| pool[b as usize % workers].run_block(b).to_vec())
            .collect();
        assert!(main.absorb_block(1, &Sums::default()).is_err());
        for (b, data) in done.iter().enumerate() {
            let (tranches, days) = main.sums_shape(b as u64);
            let block = Sums::from_slice(data, tranches, days).unwrap();
            main.absorb_block(b as u64, &block).unwrap();
        }
        assert!(main.is_done());
        assert_eq!(main.result(), want, "{workers} workers");
    }
}
