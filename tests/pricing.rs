//! Closed-form prices against published values and no-arbitrage identities.
//!
//! Published values: E. G. Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed.,
//! McGraw-Hill 2007, in `tests/data/published-prices.json` (the values QuantLib's test suite
//! also uses; we follow its corrections of the book's misprints, marked in each case's source).
#![cfg(not(target_arch = "wasm32"))]

use dealcalc::pricing::{price, value, OptionSpec};
use serde_json::{json, Value};

fn spec(v: Value) -> OptionSpec {
    dealcalc::input::option_spec(&v).unwrap_or_else(|e| panic!("{v}: {e:?}"))
}

fn px(v: Value) -> f64 {
    value(&spec(v))
}

fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:.6}, want {want:.6} (±{tol})"
    );
}

/// Every published value in `tests/data/published-prices.json` (the same file the browser
/// test level checks through the Wasm build), each with its book, section and case.
#[test]
fn published_values_to_1e4() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("data/published-prices.json")).expect("json");
    assert!(cases.len() > 100);
    for c in &cases {
        let got = px(c["spec"].clone());
        let want = c["price"].as_f64().unwrap();
        let tol = c["tolerance"].as_f64().unwrap();
        assert_close(got, want, tol, &format!("{} {}", c["source"], c["spec"]));
    }
}

/// Hull, "Options, Futures, and Other Derivatives", 8th ed., Example 15.7: 1 million shares
/// at $40, 200,000 warrants struck at $60 for 5 years, r 3%, σ 30%: the call is worth $7.04
/// and each warrant 1/1.2 of it, $5.87.
#[test]
fn warrant_hull_example() {
    let base = json!({"kind":"warrant","spot":40,"strike":60,"rate":0.03,"vol":0.3,"timeYears":5,
        "sharesOutstanding":1_000_000,"warrantsIssued":200_000});
    let call =
        px(json!({"kind":"bs_call","spot":40,"strike":60,"rate":0.03,"vol":0.3,"timeYears":5}));
    assert_close(call, 7.04, 0.005, "Hull call");
    let w = px(base.clone());
    assert_close(w, 5.87, 0.005, "Hull warrant");
    assert!((w - call / 1.2).abs() < 1e-12);
    // The fixed point solves W = N/(N+M)·C(S + (M/N)·W) to 1e-10.
    let mut fp = base;
    fp["dilution"] = json!("fixed_point");
    let w_fp = px(fp);
    let residual = w_fp
        - px(
            json!({"kind":"bs_call","spot":40.0 + 0.2 * w_fp,"strike":60,"rate":0.03,"vol":0.3,"timeYears":5}),
        ) / 1.2;
    assert!(residual.abs() < 1e-10, "residual {residual}");
    assert!(w_fp > w);
}

#[allow(clippy::too_many_arguments)]
fn market(
    kind: &str,
    spot: f64,
    strike: f64,
    barrier: f64,
    rate: f64,
    q: f64,
    vol: f64,
    t: f64,
) -> Value {
    json!({"kind":kind,"spot":spot,"strike":strike,"barrier":barrier,"rate":rate,
        "dividendYield":q,"vol":vol,"timeYears":t})
}

const GRID: &[(f64, f64, f64, f64, f64, f64)] = &[
    // spot, strike, rate, q, vol, T
    (100.0, 100.0, 0.05, 0.0, 0.2, 1.0),
    (100.0, 80.0, 0.08, 0.04, 0.35, 0.5),
    (50.0, 70.0, 0.0, 0.0, 0.6, 3.0),
    (203.71, 0.01, 0.04, 0.0, 0.55, 5.0),
    (100.0, 120.0, 0.02, 0.02, 0.1, 0.25),
    (100.0, 100.0, -0.01, 0.03, 0.3, 2.0),
];

#[test]
fn in_plus_out_is_vanilla_and_european_digital() {
    for &(s, x, r, q, vol, t) in GRID {
        for (dir, barrier) in [("down", s * 0.8), ("up", s * 1.25)] {
            for right in ["call", "put"] {
                let vanilla = px(market(&format!("bs_{right}"), s, x, barrier, r, q, vol, t));
                let i = px(market(
                    &format!("{dir}_and_in_{right}"),
                    s,
                    x,
                    barrier,
                    r,
                    q,
                    vol,
                    t,
                ));
                let o = px(market(
                    &format!("{dir}_and_out_{right}"),
                    s,
                    x,
                    barrier,
                    r,
                    q,
                    vol,
                    t,
                ));
                assert!(
                    (i + o - vanilla).abs() < 1e-9,
                    "{dir} {right} {s} {x}: {i}+{o} vs {vanilla}"
                );
                for payoff in ["cash", "asset"] {
                    let euro = px(market(
                        &format!("{payoff}_or_nothing_{right}"),
                        s,
                        x,
                        barrier,
                        r,
                        q,
                        vol,
                        t,
                    ));
                    let bi = px(market(
                        &format!("{dir}_and_in_{payoff}_or_nothing_{right}"),
                        s,
                        x,
                        barrier,
                        r,
                        q,
                        vol,
                        t,
                    ));
                    let bo = px(market(
                        &format!("{dir}_and_out_{payoff}_or_nothing_{right}"),
                        s,
                        x,
                        barrier,
                        r,
                        q,
                        vol,
                        t,
                    ));
                    assert!(
                        (bi + bo - euro).abs() < 1e-9 * euro.max(1.0),
                        "{dir} {payoff} {right}"
                    );
                }
            }
        }
    }
}

#[test]
fn put_call_parity_and_touch_parity() {
    for &(s, x, r, q, vol, t) in GRID {
        let c = px(market("bs_call", s, x, 0.0, r, q, vol, t));
        let p = px(market("bs_put", s, x, 0.0, r, q, vol, t));
        let parity = s * (-q * t).exp() - x * (-r * t).exp();
        assert!((c - p - parity).abs() < 1e-9 * s, "parity at {s} {x}");
        for (dir, barrier) in [("down", s * 0.8), ("up", s * 1.25)] {
            let mut ot = market(&format!("one_touch_{dir}"), s, x, barrier, r, q, vol, t);
            ot["payment"] = json!("at_expiry");
            let nt = market(&format!("no_touch_{dir}"), s, x, barrier, r, q, vol, t);
            assert!(
                (px(ot) + px(nt) - (-r * t).exp()).abs() < 1e-12,
                "touch parity {dir}"
            );
            // One-touch at the hit is worth more than at expiry when r > 0.
            let at_hit = px(market(
                &format!("one_touch_{dir}"),
                s,
                x,
                barrier,
                r,
                q,
                vol,
                t,
            ));
            let mut at_exp = market(&format!("one_touch_{dir}"), s, x, barrier, r, q, vol, t);
            at_exp["payment"] = json!("at_expiry");
            if r > 0.0 {
                assert!(at_hit >= px(at_exp));
            }
        }
    }
}

#[test]
fn limits_stay_finite() {
    // T = 0: payoffs. Barrier at the spot: touched. Tiny vol, r = q, deep in/out of the money.
    assert_eq!(
        px(market("bs_call", 110.0, 100.0, 0.0, 0.05, 0.0, 0.2, 0.0)),
        10.0
    );
    assert_eq!(
        px(market(
            "cash_or_nothing_put",
            90.0,
            100.0,
            0.0,
            0.05,
            0.0,
            0.2,
            0.0
        )),
        1.0
    );
    assert_eq!(
        px(market(
            "down_and_out_call",
            100.0,
            90.0,
            100.0,
            0.05,
            0.0,
            0.2,
            1.0
        )),
        0.0
    );
    assert_eq!(
        px(market(
            "one_touch_up",
            100.0,
            0.0,
            100.0,
            0.05,
            0.0,
            0.2,
            1.0
        )),
        1.0
    );
    for kind in [
        "bs_call",
        "bs_put",
        "down_and_in_call",
        "up_and_out_put",
        "one_touch_up",
        "no_touch_down",
        "asset_one_touch_up",
        "up_and_in_cash_or_nothing_call",
        "down_and_out_asset_or_nothing_put",
    ] {
        for &(s, x, vol, t, r, q) in &[
            (100.0, 100.0, 1e-4, 1.0, 0.05, 0.05),
            (100.0, 1e-6, 0.3, 1.0, 0.05, 0.0),
            (100.0, 1e6, 0.3, 1.0, 0.05, 0.0),
            (1e6, 100.0, 5.0, 30.0, 0.0, 0.0),
            (100.0, 100.0, 0.3, 1e-9, 0.05, 0.0),
        ] {
            let barrier = if kind.contains("up") {
                s * 1.1
            } else {
                s * 0.9
            };
            let p = price(&spec(market(kind, s, x, barrier, r, q, vol, t)));
            for (name, v) in [
                ("price", p.price),
                ("delta", p.delta),
                ("gamma", p.gamma),
                ("vega", p.vega),
            ] {
                assert!(v.is_finite(), "{kind} {s} {x} {vol} {t}: {name} = {v}");
            }
        }
    }
}

#[test]
fn invalid_specs_are_problems_with_paths() {
    let cases: &[(Value, &str)] = &[
        (
            json!({"kind":"bs_call","spot":100,"strike":100,"rate":0.05,"vol":-0.2,"timeYears":1}),
            "vol",
        ),
        (
            json!({"kind":"bs_call","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":-1}),
            "timeYears",
        ),
        (
            json!({"kind":"bs_call","spot":0,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1}),
            "spot",
        ),
        (
            json!({"kind":"up_and_in_call","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1}),
            "barrier",
        ),
        (
            json!({"kind":"gap_call","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1}),
            "trigger",
        ),
        (
            json!({"kind":"bs_cal","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1}),
            "kind",
        ),
        (
            json!({"kind":"warrant","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1,"sharesOutstanding":1e6}),
            "warrantsIssued",
        ),
        (
            json!({"kind":"one_touch_up","spot":100,"barrier":120,"rate":-0.02,"dividendYield":-0.04,"vol":0.2,"timeYears":1}),
            "rate",
        ),
        (
            json!({"kind":"bs_call","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1,"strik":1}),
            "strik",
        ),
    ];
    for (v, path) in cases {
        let Err(e) = dealcalc::input::option_spec(v) else {
            panic!("{v} was accepted");
        };
        assert!(e.iter().any(|p| p.path == *path), "{v}: {e:?}");
    }
}

#[test]
fn greeks_match_closed_forms_and_bounds() {
    // Vanilla delta is closed form; barrier Greeks by finite differences agree with the
    // vanilla's when the barrier is far away.
    let far = price(&spec(market(
        "down_and_out_call",
        100.0,
        100.0,
        1.0,
        0.05,
        0.0,
        0.2,
        1.0,
    )));
    let vanilla = price(&spec(market(
        "bs_call", 100.0, 100.0, 0.0, 0.05, 0.0, 0.2, 1.0,
    )));
    assert_eq!(vanilla.greeks, "closed_form");
    assert!((far.delta - vanilla.delta).abs() < 1e-6);
    assert!((far.gamma - vanilla.gamma).abs() < 1e-5);
    assert!((far.vega - vanilla.vega).abs() < 1e-5);
    // Haug §2.1: S 105, X 100, T 0.5, r 10%, b 0, σ 36% → call delta 0.5946.
    let d = price(&spec(market(
        "bs_call", 105.0, 100.0, 0.0, 0.1, 0.1, 0.36, 0.5,
    )));
    assert!((d.delta - 0.5946).abs() < 1e-4, "{}", d.delta);
}
