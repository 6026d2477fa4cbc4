//! Properties that hold for every input, checked on random ones (proptest).
#![cfg(not(target_arch = "wasm32"))]

use dealcalc::input::ToJson;
use dealcalc::pricing::value;
use dealcalc::{evaluate, Scenario};
use proptest::prelude::*;
use serde_json::{json, Value};

mod deal_files;
mod support;
use support::value_warrant;

fn amd() -> Scenario {
    deal_files::first("amd-openai-2025")
}

fn price(v: Value) -> f64 {
    value(&dealcalc::input::option_spec(&v).unwrap_or_else(|e| panic!("{v}: {e:?}")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn ownership_stays_in_0_1_and_rises_with_tranches(
        outstanding in 1e3f64..1e13,
        shares in prop::collection::vec(1.0f64..1e11, 1..12),
    ) {
        let mut s = amd();
        let total: f64 = shares.iter().sum();
        let w = s.warrant.as_mut().unwrap();
        w.shares = total;
        let template = w.tranches[0].clone();
        w.tranches = shares.iter().map(|&n| {
            let mut t = template.clone();
            t.shares = n;
            t
        }).collect();
        s.equity.as_mut().unwrap().shares_outstanding = outstanding;
        prop_assume!(dealcalc::input::scenario(&s.to_json()).is_ok());
        let d = evaluate(&s).dilution.unwrap();
        let mut last = 0.0;
        for t in &d.tranches {
            prop_assert!(t.ownership_after > last && t.ownership_after < 1.0);
            last = t.ownership_after;
        }
        prop_assert!(d.max_ownership >= 0.0 && d.max_ownership < 1.0);
    }

    #[test]
    fn capex_and_revenue_are_linear_in_gigawatts(k in 0.01f64..50.0) {
        let s = amd();
        let mut scaled = s.clone();
        for p in &mut scaled.capacity.phases {
            p.gw *= k;
        }
        for t in &mut scaled.warrant.as_mut().unwrap().tranches {
            t.gw_trigger *= k;
        }
        let (a, b) = (evaluate(&s).capacity, evaluate(&scaled).capacity);
        prop_assert!((b.capex_usd - k * a.capex_usd).abs() <= 1e-9 * b.capex_usd);
        prop_assert!((b.vendor_revenue_usd - k * a.vendor_revenue_usd).abs() <= 1e-9 * b.vendor_revenue_usd);
        let sum: f64 = b.schedule.iter().map(|y| y.capex_usd).sum();
        prop_assert!((sum - b.capex_usd).abs() <= 1e-9 * b.capex_usd);
    }

    #[test]
    fn vanilla_and_digital_prices_respect_no_arbitrage_bounds(
        s in 1.0f64..1000.0, x in 0.0f64..2000.0, r in -0.05f64..0.2, q in 0.0f64..0.1,
        vol in 0.01f64..2.0, t in 0.0f64..10.0,
    ) {
        let m = |kind: &str| json!({"kind": kind, "spot": s, "strike": x, "rate": r,
            "dividendYield": q, "vol": vol, "timeYears": t, "cash": 1});
        let (df, qf) = ((-r * t).exp(), (-q * t).exp());
        let tol = 1e-9 * (s + x);
        let call = price(m("bs_call"));
        let put = price(m("bs_put"));
        prop_assert!(call >= (s * qf - x * df).max(0.0) - tol && call <= s * qf + tol);
        prop_assert!(put >= (x * df - s * qf).max(0.0) - tol && put <= x * df + tol);
        let digital = price(m("cash_or_nothing_call"));
        prop_assert!((-1e-12..=df + 1e-12).contains(&digital));
        let asset = price(m("asset_or_nothing_call"));
        prop_assert!(asset >= -tol && asset <= s * qf + tol);
    }

    #[test]
    fn in_plus_out_is_the_vanilla_and_barriers_stay_within_it(
        s in 10.0f64..500.0, x in 1.0f64..800.0, h_ratio in 0.3f64..3.0, r in 0.0f64..0.15,
        q in 0.0f64..0.08, vol in 0.05f64..1.5, t in 0.01f64..10.0, right in prop::bool::ANY,
    ) {
        let h = s * h_ratio;
        prop_assume!((h / s - 1.0).abs() > 1e-3);
        let dir = if h > s { "up" } else { "down" };
        let cp = if right { "call" } else { "put" };
        let m = |kind: String| json!({"kind": kind, "spot": s, "strike": x, "barrier": h,
            "rate": r, "dividendYield": q, "vol": vol, "timeYears": t});
        let vanilla = price(m(format!("bs_{cp}")));
        let i = price(m(format!("{dir}_and_in_{cp}")));
        let o = price(m(format!("{dir}_and_out_{cp}")));
        let tol = 1e-9 * (s + x);
        prop_assert!((i + o - vanilla).abs() <= tol, "{i} + {o} vs {vanilla}");
        prop_assert!(i >= -tol && o >= -tol && i <= vanilla + tol && o <= vanilla + tol);
        let touch = price(m(format!("one_touch_{dir}")));
        prop_assert!((-1e-12..=1.0 + 1e-12).contains(&touch));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn vested_shares_never_exceed_the_warrant_and_the_error_falls_with_paths(seed in 0u64..1_000_000) {
        let s = amd().to_json();
        let small = value_warrant(&s, &json!({"paths": 1000, "seed": seed, "stepsPerYear": 12})).unwrap();
        let large = value_warrant(&s, &json!({"paths": 16000, "seed": seed, "stepsPerYear": 12})).unwrap();
        for v in [&small, &large] {
            prop_assert!(v.expected_shares_issued <= 160e6 * (1.0 + 1e-12));
            prop_assert!(v.expected_ownership >= 0.0 && v.expected_ownership < 1.0);
            for t in &v.tranches {
                prop_assert!((0.0..=1.0).contains(&t.probability));
                prop_assert!(t.fair_value_usd >= 0.0);
            }
        }
        // 16× the paths: the error falls by about 4. The estimate of the error is itself noisy,
        // most at few paths, where the rare $600-hurdle hits may be missing: at 200 vs 3200 paths
        // seed 92935 gave a ratio of 0.539 (failed CI at a bound of 0.5). At 1000 vs 16000 paths,
        // 300 seeds gave ratios 0.10–0.42 (median 0.26), so the bound 0.6 still catches an error
        // that does not fall, without flaking.
        prop_assert!(large.standard_error_usd < 0.6 * small.standard_error_usd,
            "{} vs {}", large.standard_error_usd, small.standard_error_usd);
    }
}
