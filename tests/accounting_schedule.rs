//! The books' quarterly schedule (issue 29): tranche attribution, the as-occurred election,
//! and the adoption of ASU 2025-04 at a date.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;
mod support;

use dealcalc::accounting::{Accounting, Standard};
use dealcalc::input::{accounting_options, scenario, ToJson};
use serde_json::{json, Value};
use support::books;

fn amd() -> Value {
    deal_files::latest("amd-openai-2025").to_json()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The quarter ("2027-Q2") in which the scheduled deliveries (every phase happening, at its
/// mean delay, the delivery lead before online) reach `gw`, worked out here from the phases.
fn milestone_quarter(s: &Value, gw: f64) -> String {
    let sc = scenario(s).unwrap();
    let lead = dealcalc::capacity::delivery_lead_days(&sc.capacity);
    let mut days: Vec<(f64, f64, f64)> = sc
        .capacity
        .phases
        .iter()
        .map(|p| {
            // At the mean of its triangular delay (months of 365.25 / 12 days).
            let delay = p
                .delay_months
                .map_or(0.0, |t| (t.min + t.mode + t.max) / 3.0 * 365.25 / 12.0);
            (
                p.start.0 as f64 + delay - lead,
                p.end.0 as f64 + delay - lead,
                p.gw,
            )
        })
        .collect();
    days.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    // Phases ramp linearly: find the day the cumulative GW reach `gw`.
    let delivered = |day: f64| -> f64 {
        days.iter()
            .map(|(a, b, g)| {
                if day >= *b {
                    *g
                } else if day <= *a {
                    0.0
                } else {
                    g * (day - a) / (b - a)
                }
            })
            .sum()
    };
    let (mut lo, mut hi) = (days[0].0, days.iter().map(|d| d.1).fold(f64::MIN, f64::max));
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        if delivered(mid) >= gw * (1.0 - 1e-12) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let d = dealcalc::date::Date(hi.ceil() as i64 - 1);
    let (y, m, _) = d.ymd();
    format!("{y}-Q{}", (m - 1) / 3 + 1)
}

#[test]
fn each_tranche_falls_in_the_quarters_up_to_its_milestone_and_adds_up_to_its_total() {
    let s = amd();
    let a = books(&s, json!({"paths": 2000, "seed": 3, "stepsPerYear": 52}));
    assert!(a.schedule.iter().all(|q| q.rule == Standard::Asu202504));
    assert!(a.early_adoption_assumed && a.transition.is_none());
    let sc = scenario(&s).unwrap();
    let w = sc.warrant.as_ref().unwrap();
    let mut all = 0.0;
    for (i, t) in a.tranches.iter().enumerate() {
        let amount = if t.probable {
            t.fair_value_per_share_usd * t.shares
        } else {
            0.0
        };
        let spread: f64 = a.schedule.iter().map(|q| q.by_tranche[i]).sum();
        assert!(close(spread, amount), "tranche {i}: {spread} vs {amount}");
        all += spread;
        let last = milestone_quarter(&s, w.tranches[i].gw_trigger);
        let after = a.schedule.iter().skip_while(|q| q.quarter != last).skip(1);
        for q in after {
            assert_eq!(
                q.by_tranche[i], 0.0,
                "tranche {i} in {} after {last}",
                q.quarter
            );
        }
        if amount > 0.0 {
            let q = a.schedule.iter().find(|q| q.quarter == last).unwrap();
            assert!(q.by_tranche[i] > 0.0, "tranche {i} ends in {last}");
        }
    }
    assert!(close(all, a.asu202504.total_reduction_usd));
    assert!(close(
        a.schedule.last().unwrap().cumulative_reduction_usd,
        a.total_reduction_usd
    ));
    // Earned by the purchases up to each milestone: more falls early than a spread over all
    // expected revenue puts there.
    let contract = books(
        &s,
        json!({"paths": 2000, "seed": 3, "stepsPerYear": 52, "attribution": "contract"}),
    );
    let by_2027 = |b: &Accounting| -> f64 {
        b.schedule
            .iter()
            .filter(|q| q.quarter.as_str() < "2028")
            .map(|q| q.revenue_reduction_usd)
            .sum()
    };
    assert!(
        by_2027(&a) > by_2027(&contract),
        "{} vs {}",
        by_2027(&a),
        by_2027(&contract)
    );
}

#[test]
fn as_occurred_recognises_every_tranche_and_reverses_the_expected_forfeitures_at_expiry() {
    let a = books(
        &amd(),
        json!({"paths": 2000, "seed": 3, "stepsPerYear": 52, "standard": "as-occurred"}),
    );
    let full: f64 = a
        .tranches
        .iter()
        .map(|t| t.fair_value_per_share_usd * t.shares)
        .sum();
    let reversal: f64 = a
        .tranches
        .iter()
        .map(|t| t.fair_value_per_share_usd * t.shares * (1.0 - t.milestone_probability))
        .sum();
    assert!(close(a.as_occurred.total_reduction_usd, full));
    assert!(close(a.as_occurred.expected_reversal_usd, reversal));
    assert!(reversal > 0.0);
    let recognised: f64 = a.schedule.iter().flat_map(|q| q.by_tranche.iter()).sum();
    assert!(close(recognised, full));
    let reversed: Vec<_> = a
        .schedule
        .iter()
        .filter(|q| q.expected_reversal_usd > 0.0)
        .collect();
    assert_eq!(reversed.len(), 1);
    let expiry = scenario(&amd()).unwrap().warrant.unwrap().expiry_date;
    assert!(reversed[0].end >= expiry && reversed[0].end.0 - expiry.0 < 92);
    // Net, the election ends where the estimated-forfeiture practice does.
    assert!(close(
        a.total_reduction_usd,
        a.service_condition.total_reduction_usd
    ));
    assert!(close(
        a.schedule.last().unwrap().cumulative_reduction_usd,
        a.total_reduction_usd
    ));
    assert!(a.schedule.iter().all(|q| q.rule == Standard::AsOccurred));
    assert!(!a.early_adoption_assumed);
}

#[test]
fn an_adoption_date_splits_the_schedule_at_its_fiscal_year() {
    // AMD's fiscal 2027 begins on 2026-12-27: the nearest quarter start is 2027-01-01.
    for (date, prior) in [
        ("2026-12-27", "service-condition"),
        ("2027-01-01", "as-occurred"),
    ] {
        let options = json!({"paths": 2000, "seed": 3, "stepsPerYear": 52,
            "standard": prior, "adoptionDate": date});
        let a = books(&amd(), options);
        let t = a.transition.as_ref().unwrap();
        assert_eq!(t.first_quarter, "2027-Q1");
        assert_eq!(t.method, "modified-retrospective");
        for q in &a.schedule {
            let want = if q.quarter.as_str() < "2027-Q1" {
                t.prior
            } else {
                Standard::Asu202504
            };
            assert_eq!(q.rule, want, "{date}: {}", q.quarter);
        }
        assert!(a.schedule.iter().any(|q| q.rule == t.prior));
        // What revenue carries plus what retained earnings take is the ASU's total.
        let in_revenue = a.schedule.last().unwrap().cumulative_reduction_usd;
        assert!(
            close(
                in_revenue + t.cumulative_effect_usd,
                a.asu202504.total_reduction_usd
            ),
            "{date}: {in_revenue} + {} vs {}",
            t.cumulative_effect_usd,
            a.asu202504.total_reduction_usd
        );
        assert!(!a.early_adoption_assumed);
    }
}

#[test]
fn bad_accounting_options_are_problems_at_their_paths() {
    let sc = scenario(&amd()).unwrap();
    let codes = |v: Value| -> Vec<(String, String)> {
        accounting_options(&v, &sc)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code.to_string()))
            .collect()
    };
    let one = |path: &str, code: &str| vec![(path.to_string(), code.to_string())];
    assert_eq!(
        codes(json!({"attribution": "volume"})),
        one("options.attribution", "choice")
    );
    assert_eq!(
        codes(json!({"standard": "ifrs-2"})),
        one("options.standard", "choice")
    );
    assert_eq!(
        codes(json!({"adoptionDate": "2025-01-01"})),
        one("options.adoptionDate", "before_grant")
    );
    assert_eq!(
        codes(json!({"adoptionDate": "2027-02-30"})),
        one("options.adoptionDate", "date")
    );
    assert!(accounting_options(&json!({"adoptionDate": null}), &sc).is_ok());
}

#[test]
fn amds_revenue_begins_in_the_second_half_of_2026_as_amd_said() {
    for id in ["amd-openai-2025", "amd-meta-2026"] {
        let s = deal_files::latest(id);
        let quarters = dealcalc::expected::delivered_by_quarter(&s);
        let first = dealcalc::expected::period_start(quarters[0].0, 3);
        assert_eq!(first.to_string(), "2026-07-01", "{id}");
        assert!(quarters.iter().all(|(_, gw)| *gw > 0.0));
        // The books' first quarter with revenue is 2026-Q3, and nothing falls before it.
        let a = books(
            &s.to_json(),
            json!({"paths": 200, "seed": 1, "stepsPerYear": 12}),
        );
        let first = a
            .schedule
            .iter()
            .find(|q| q.vendor_revenue_usd > 0.0)
            .unwrap();
        assert_eq!(first.quarter, "2026-Q3", "{id}");
        assert!(
            a.schedule.iter().all(|q| q.quarter.as_str() >= "2026-Q3"),
            "{id}"
        );
    }
}
