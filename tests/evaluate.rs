//! Native tests of the deterministic report against sourced figures and formulas.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;

use dealcalc::date::Date;
use dealcalc::input::ToJson;
use dealcalc::{evaluate, Scenario};
use serde_json::{json, Value};

fn amd() -> Scenario {
    deal_files::first("amd-openai-2025")
}

fn amd_json() -> Value {
    amd().to_json()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn amd_openai_max_ownership_is_8_98_percent() {
    let d = evaluate(&amd()).dilution.expect("warrant");
    // 160 / (1,622 + 160) = 0.08979 (Motley Fool: "as much as 9%").
    assert!(
        close(d.max_ownership, 0.0898, 0.0005),
        "{}",
        d.max_ownership
    );
    assert!(close(d.max_ownership, 160.0 / 1782.0, 1e-15));
    assert_eq!(d.warrant_shares, 160e6);
    assert_eq!(d.shares_outstanding, 1.622e9);
}

#[test]
fn amd_openai_value_transfer_is_n_times_price_minus_strike() {
    let d = evaluate(&amd()).dilution.expect("warrant");
    assert_eq!(d.value_transfer_usd, 160e6 * (203.71 - 0.01));
    // About $34B at the announcement-day price (Motley Fool).
    assert!(close(d.value_transfer_usd, 32.6e9, 0.1e9));
}

#[test]
fn amd_openai_warrant_is_worth_96_billion_at_600() {
    let mut s = amd();
    s.equity.as_mut().unwrap().share_price = 600.0;
    let d = evaluate(&s).dilution.expect("warrant");
    assert!(
        close(d.value_transfer_usd, 96.0e9, 0.01e9),
        "{}",
        d.value_transfer_usd
    );
}

#[test]
fn capex_is_gw_times_capex_per_gw_and_linear_in_gw() {
    let s = amd();
    let c = evaluate(&s).capacity;
    assert_eq!(c.total_gw, 6.0);
    assert_eq!(c.capex_usd, 6.0 * 50e9);
    let mut doubled = s.clone();
    for p in &mut doubled.capacity.phases {
        p.gw *= 2.0;
    }
    for t in &mut doubled.warrant.as_mut().unwrap().tranches {
        t.gw_trigger *= 2.0;
    }
    assert_eq!(evaluate(&doubled).capacity.capex_usd, 2.0 * c.capex_usd);
}

#[test]
fn power_energy_and_accelerators_follow_the_gw_basis() {
    let s = amd();
    let c = evaluate(&s).capacity;
    assert_eq!(c.facility_power_gw, 6.0);
    assert!(close(c.it_power_gw, 6.0 / 1.15, 1e-12));
    assert!(close(c.accelerators, 6.0 / 1.15 * 1e9 / 1739.0, 1e-3));
    assert!(close(
        c.annual_energy_mwh,
        6.0 * 1000.0 * 8760.0 * 0.8,
        1e-6
    ));
    assert!(close(
        c.annual_energy_cost_usd,
        c.annual_energy_mwh * 86.0,
        1e-3
    ));
    let mut it = s.clone();
    it.capacity.gw_basis = dealcalc::scenario::GwBasis::It;
    let c2 = evaluate(&it).capacity;
    assert_eq!(c2.it_power_gw, 6.0);
    assert!(close(c2.facility_power_gw, 6.9, 1e-12));
}

/// Accelerators, IT power and facility power agree on either basis: accelerators × all-in IT
/// watts = IT power, facility power = IT power × PUE.
#[test]
fn accelerators_it_power_and_facility_power_agree_on_both_bases() {
    for basis in [
        dealcalc::scenario::GwBasis::Facility,
        dealcalc::scenario::GwBasis::It,
    ] {
        let mut s = amd();
        s.capacity.gw_basis = basis;
        let c = evaluate(&s).capacity;
        let k = &s.capacity;
        assert!(close(
            c.accelerators * k.watts_per_accelerator,
            c.it_power_gw * 1e9,
            1e-3
        ));
        assert!(close(c.facility_power_gw, c.it_power_gw * k.pue, 1e-9));
        assert!(close(
            c.annual_energy_mwh,
            c.facility_power_gw * 1000.0 * 8760.0 * k.utilization,
            1e-3
        ));
    }
}

/// Annual cost = Σ capex component × CRF(r, its life) + energy + opex, with the capital
/// recovery factor CRF(r, n) = r ÷ (1 − (1 + r)^(−n)).
#[test]
fn annual_cost_recovers_each_component_over_its_life_at_the_cost_of_capital() {
    let s = amd();
    let c = evaluate(&s).capacity;
    let crf = |r: f64, n: f64| r / (1.0 - (1.0 + r).powf(-n));
    // AMD–OpenAI: $300B capex split 39/13/33/15, lives 5/5/20/10, r = 10%, $1B opex per GW-year.
    let charge = 300e9
        * (0.39 * crf(0.1, 5.0)
            + 0.13 * crf(0.1, 5.0)
            + 0.33 * crf(0.1, 20.0)
            + 0.15 * crf(0.1, 10.0));
    assert!(close(c.annual_capital_charge_usd, charge, 1e-3));
    assert!(close(c.annual_opex_usd, 6e9, 1e-6));
    assert!(close(
        c.annual_cost_usd,
        charge + c.annual_energy_cost_usd + 6e9,
        1e-3
    ));
    assert!(close(
        c.cost_per_accelerator_hour_usd,
        c.annual_cost_usd / (c.accelerators * 8760.0 * 0.8),
        1e-9
    ));
    // A scenario from before lifeYears, opex and the cost of capital keeps its meaning:
    // straight-line depreciation over hardwareLifeYears plus energy.
    let mut old = amd_json();
    for key in [
        "lifeYears",
        "opexPerGwYearUsd",
        "costOfCapital",
        "deliveryLeadMonths",
    ] {
        old["capacity"].as_object_mut().unwrap().remove(key);
    }
    let c = evaluate(&dealcalc::input::scenario(&old).unwrap()).capacity;
    assert!(close(
        c.annual_cost_usd,
        300e9 / 5.0 + c.annual_energy_cost_usd,
        1e-3
    ));
    assert!(close(
        c.annual_capital_charge_usd,
        c.annual_depreciation_usd,
        1e-3
    ));
}

#[test]
fn schedule_sums_to_the_totals() {
    let c = evaluate(&amd()).capacity;
    let years: Vec<i64> = c.schedule.iter().map(|y| y.year).collect();
    assert_eq!(years, vec![2026, 2027, 2028, 2029]);
    let gw: f64 = c.schedule.iter().map(|y| y.gw_added).sum();
    let capex: f64 = c.schedule.iter().map(|y| y.capex_usd).sum();
    let revenue: f64 = c.schedule.iter().map(|y| y.vendor_revenue_usd).sum();
    assert!(close(gw, c.total_gw, 1e-9));
    assert!(close(capex, c.capex_usd, 1.0));
    assert!(close(revenue, c.vendor_revenue_usd, 1.0));
    assert!(close(c.schedule[0].gw_online, 1.0, 1e-9));
    assert!(close(c.schedule[1].gw_online, 3.0, 1e-9));
}

#[test]
fn milestone_dates_come_from_the_linear_ramp() {
    let mut s = amd();
    s.capacity.delivery_lead_months = 0.0;
    let v = evaluate(&s).vesting.expect("warrant");
    let dates: Vec<String> = v
        .tranches
        .iter()
        .map(|t| t.milestone_date.unwrap().to_string())
        .collect();
    // 1 GW at the end of the first ramp; 2 GW half-way through 2027 (day 182 of a 364-day
    // ramp); 3 GW at its end; 4, 5, 6 GW at thirds of the 546-day ramp from 2028-01-01.
    assert_eq!(dates[0], "2026-12-31");
    assert_eq!(dates[1], "2027-07-02");
    assert_eq!(dates[2], "2027-12-31");
    let ramp_start = Date::parse("2028-01-01").unwrap();
    assert_eq!(dates[3], ramp_start.plus_days(182).to_string());
    assert_eq!(dates[4], ramp_start.plus_days(364).to_string());
    assert_eq!(dates[5], "2029-06-30");
    // Milestones count delivered GW: with the preset's 3-month lead (91.3 days) each comes
    // that much before the GW are online.
    let delivered = evaluate(&amd()).vesting.expect("warrant");
    for (online, bought) in v.tranches.iter().zip(&delivered.tranches) {
        let days = online.milestone_date.unwrap().0 - bought.milestone_date.unwrap().0;
        assert!((91..=92).contains(&days), "{days}");
    }
}

#[test]
fn ownership_rises_with_each_tranche_and_stays_below_one() {
    let d = evaluate(&amd()).dilution.expect("warrant");
    let mut last = 0.0;
    for t in &d.tranches {
        assert!(t.ownership_after > last && t.ownership_after < 1.0);
        last = t.ownership_after;
    }
    assert!(close(last, d.max_ownership, 1e-15));
}

#[test]
fn required_cagr_reaches_the_target_by_expiry() {
    let s = amd();
    let v = evaluate(&s).vesting.expect("warrant");
    let t = &v.tranches[5];
    let g = t.required_cagr.unwrap();
    let reached = 203.71 * (1.0 + g).powf(v.years_to_expiry);
    assert!(close(reached, 600.0, 1e-9), "{reached}");
}

#[test]
fn three_faults_give_three_paths() {
    let mut v = amd_json();
    v["equity"]["sharesOutstanding"] = json!(-5);
    v["warrant"]["tranches"][2]["priceTarget"] = json!("high");
    v["capacity"]["phases"][0]["end"] = json!("2026-01-01");
    let problems = dealcalc::input::scenario_problems(&v);
    let mut paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    paths.sort();
    assert_eq!(
        paths,
        vec![
            "capacity.phases[0].end",
            "equity.sharesOutstanding",
            "warrant.tranches[2].priceTarget"
        ],
        "{problems:?}"
    );
}

#[test]
fn validation_catches_each_kind_of_fault() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/equity/sharePrice", Value::Null, "equity.sharePrice"),
        ("/equity/volatility", json!(0), "equity.volatility"),
        ("/capacity/pue", json!(0.9), "capacity.pue"),
        ("/capacity/utilization", json!(80), "capacity.utilization"),
        (
            "/capacity/capexSplit/other",
            json!(0.5),
            "capacity.capexSplit",
        ),
        ("/warrant/tranches/0/shares", json!(1), "warrant.tranches"),
        (
            "/warrant/tranches/5/gwTrigger",
            json!(7),
            "warrant.tranches[5].gwTrigger",
        ),
        (
            "/warrant/expiryDate",
            json!("2025-01-01"),
            "warrant.expiryDate",
        ),
        (
            "/warrant/issueDate",
            json!("2025-02-30"),
            "warrant.issueDate",
        ),
        ("/valuationDate", json!(20251006), "valuationDate"),
        ("/capacity/phases", json!([]), "capacity.phases"),
        ("/capacity/gwBasis", json!("grid"), "capacity.gwBasis"),
        (
            "/warrant/tranches/0/priceTest/kind",
            json!("vwap"),
            "warrant.tranches[0].priceTest.kind",
        ),
        ("/currency", json!("usd"), "currency"),
        (
            "/warrant/tranches/0/priceTest/kind",
            json!(""),
            "warrant.tranches[0].priceTest.kind",
        ),
    ];
    for (pointer, bad, path) in cases {
        let mut v = amd_json();
        *v.pointer_mut(pointer).unwrap() = bad;
        let problems = dealcalc::input::scenario_problems(&v);
        assert!(
            problems.iter().any(|p| p.path == path),
            "{pointer}: expected a problem at {path}, got {problems:?}"
        );
    }
}

#[test]
fn unknown_and_missing_fields_are_reported() {
    let mut v = amd_json();
    v["equity"]["sharePirce"] = json!(1);
    v["capacity"].as_object_mut().unwrap().remove("pue");
    let problems = dealcalc::input::scenario_problems(&v);
    assert!(problems.iter().any(|p| p.path == "equity.sharePirce"));
    assert!(problems
        .iter()
        .any(|p| p.path == "capacity.pue" && p.message == "is required"));
}

#[test]
fn a_preset_round_trips_through_json() {
    let s = amd();
    assert_eq!(dealcalc::input::scenario(&s.to_json()), Ok(s));
}

#[test]
fn non_object_input_is_a_problem_not_a_panic() {
    for v in [json!(null), json!(3), json!("x"), json!([1, 2])] {
        let p = dealcalc::input::scenario_problems(&v);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "");
    }
}

#[test]
fn oracle_contract_per_gw_and_per_year() {
    let r = evaluate(&deal_files::first("oracle-openai-2025"));
    let c = r.contract.expect("contract");
    // WSJ: $300B over about five years for 4.5 GW: $66.7B per GW, $60B a year.
    assert!(
        close(c.value_per_gw_usd, 66.7e9, 0.05e9),
        "{}",
        c.value_per_gw_usd
    );
    assert_eq!(c.value_per_year_usd, 60e9);
    assert!(r.dilution.is_none() && r.vesting.is_none());
}

#[test]
fn nvidia_investment_follows_the_gigawatts_up_to_the_cap() {
    let s = deal_files::first("nvidia-openai-2025");
    let r = evaluate(&s);
    let i = r.investment.expect("investment");
    assert_eq!(i.total_usd, 100e9);
    // $100B against 10 GW × $35B of Nvidia hardware.
    assert!(close(i.circularity, 100.0 / 350.0, 1e-12));
    assert_eq!(i.net_cash_to_vendor_usd, 250e9);
    let invested: f64 = i.schedule.iter().map(|y| y.invested_usd).sum();
    assert!(close(invested, i.total_usd, 1.0));
    // A cap below GW × per-GW binds.
    let mut capped = s.clone();
    capped.investment.as_mut().unwrap().max_usd = 30e9;
    assert_eq!(evaluate(&capped).investment.unwrap().total_usd, 30e9);
}

#[test]
fn every_catalogue_version_evaluates_with_finite_numbers() {
    for id in deal_files::ids() {
        for i in 0..deal_files::versions(&id).len() {
            let report = serde_json::to_value(evaluate(&deal_files::version(&id, i))).unwrap();
            let mut stack = vec![report];
            while let Some(v) = stack.pop() {
                match v {
                    Value::Number(n) => assert!(n.as_f64().unwrap().is_finite(), "{id}[{i}]"),
                    Value::Array(a) => stack.extend(a),
                    Value::Object(o) => stack.extend(o.into_iter().map(|(_, v)| v)),
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn comparison_rows_align_across_deals() {
    let list: Vec<Scenario> = [
        "amd-openai-2025",
        "nvidia-openai-2025",
        "oracle-openai-2025",
    ]
    .iter()
    .map(|id| deal_files::first(id))
    .collect();
    let c = dealcalc::compare::compare(&list);
    assert_eq!(c.deals.len(), 3);
    let row = |key: &str| c.rows.iter().find(|r| r.key == key).unwrap();
    assert!(c.rows.iter().all(|r| r.values.len() == 3));
    assert_eq!(row("capexPerGwUsd").values, vec![Some(50e9); 3]);
    let own = &row("maxOwnership").values;
    assert!(own[0].is_some() && own[1].is_none() && own[2].is_none());
    assert!(close(
        row("circularity").values[1].unwrap(),
        100.0 / 350.0,
        1e-12
    ));
    // No money comes back to OpenAI from AMD (equity given is not money).
    assert_eq!(row("circularity").values[0], Some(0.0));
    assert_eq!(row("contractPerYearUsd").values[2], Some(60e9));
    let mut bad = amd_json();
    bad["equity"]["sharePrice"] = json!(-1);
    let err = dealcalc::input::scenarios(&json!([amd_json(), bad]), dealcalc::compare::MAX_DEALS)
        .unwrap_err();
    assert_eq!(err[0].path, "[1].equity.sharePrice");
}

#[test]
fn no_binding_phase_is_zero_not_negative_zero() {
    let c = evaluate(&deal_files::first("broadcom-openai-2025")).capacity;
    assert!(c.binding_gw == 0.0 && c.binding_gw.is_sign_positive());
}

#[test]
fn a_user_growth_rate_moves_the_base_path() {
    let mut s = amd();
    let base = evaluate(&s).vesting.unwrap();
    assert_eq!(base.base_growth_source, "expectedReturn");
    s.equity.as_mut().unwrap().base_path_growth = Some(0.3);
    let fast = evaluate(&s).vesting.unwrap();
    assert_eq!(fast.base_growth, 0.3);
    assert_eq!(fast.base_growth_source, "basePathGrowth");
    // Faster growth meets every target sooner (or at all).
    for (b, f) in base.tranches.iter().zip(&fast.tranches) {
        match (b.price_date, f.price_date) {
            (Some(b), Some(f)) => assert!(f <= b),
            (None, _) => {}
            (Some(_), None) => panic!("faster growth lost a price date"),
        }
    }
    assert!(fast.tranches[5].vest_date.is_some());
}

#[test]
fn a_choice_lists_its_options() {
    let mut v = amd_json();
    v["warrant"]["tranches"][0]["priceTest"]["kind"] = json!("vwap");
    v["capacity"]["gwBasis"] = json!("grid");
    let problems = dealcalc::input::scenario_problems(&v);
    let message = |path: &str| {
        problems
            .iter()
            .find(|p| p.path == path)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        message("warrant.tranches[0].priceTest.kind"),
        "must be \"touch\", \"close\" or \"average\", not \"vwap\""
    );
    assert_eq!(
        message("capacity.gwBasis"),
        "must be \"facility\" or \"it\", not \"grid\""
    );
}

/// ASC 260-10-45-48: contingently issuable shares count only where the conditions would be met
/// if the valuation date ended the contingency period.
#[test]
fn contingent_shares_count_only_tranches_whose_conditions_hold_today() {
    // At announcement no GW are delivered: nothing is issuable, so no treasury-stock shares.
    let d = evaluate(&amd()).dilution.unwrap();
    assert_eq!(d.contingent_shares, 0.0);
    assert_eq!(d.tsm_incremental_shares, 0.0);
    // 2027-09-30 at $300 with every phase binding: the first tranche (1 GW, $250) holds; the
    // second has its GW (2 GW delivered by 2027-04) but not its $320.
    let mut s = amd_json();
    s["valuationDate"] = json!("2027-09-30");
    s["equity"]["sharePrice"] = json!(300);
    for p in s["capacity"]["phases"].as_array_mut().unwrap() {
        p["binding"] = json!(true);
        p["probability"] = json!(1);
    }
    let scenario = dealcalc::input::scenario(&s).unwrap();
    let d = evaluate(&scenario).dilution.unwrap();
    let first = scenario.warrant.as_ref().unwrap().tranches[0].shares;
    assert_eq!(d.contingent_shares, first);
    assert!(d.tranches[0].contingent && !d.tranches[1].contingent);
    assert!(close(
        d.tsm_incremental_shares,
        first * (1.0 - 0.01 / 300.0),
        1e-6
    ));
    // The first tranche's test is a 30-day average: today's price stands in for it.
    assert!(d.price_stands_in_for_average);
}

/// Oracle: $300B over five years from 2027, paid evenly: $60B a year.
#[test]
fn oracle_pays_sixty_billion_a_year_for_five_years() {
    let k = evaluate(&deal_files::first("oracle-openai-2025"))
        .contract
        .unwrap();
    let years: Vec<i64> = k.schedule.iter().map(|y| y.year).collect();
    assert_eq!(years, vec![2027, 2028, 2029, 2030, 2031]);
    for y in &k.schedule {
        assert!(close(y.usd, 60e9, 1e-3), "{}: {}", y.year, y.usd);
    }
    let total: f64 = k.schedule.iter().map(|y| y.usd).sum();
    assert!(close(total, 300e9, 1e-3));
    // A term that starts mid-year still sums to the contract's value.
    let mut s = deal_files::first("oracle-openai-2025").to_json();
    s["contract"]["start"] = json!("2027-07-01");
    s["contract"]["years"] = json!(4.5);
    let k = evaluate(&dealcalc::input::scenario(&s).unwrap())
        .contract
        .unwrap();
    let total: f64 = k.schedule.iter().map(|y| y.usd).sum();
    assert!(close(total, 300e9, 1e-3));
    assert_eq!(k.schedule.len(), 5);
    // 2031-07-01 plus half a year of 365.25 days (182.6, rounded up to a day).
    assert_eq!(k.end.to_string(), "2031-12-31");
}

/// Nvidia's non-binding phases count with their probabilities: the expected investment is
/// Σ phase probability × the phase's investment within the cap, below the $100B headline.
#[test]
fn expected_investment_weighs_each_phase_by_its_probability() {
    let s = deal_files::first("nvidia-openai-2025");
    let r = evaluate(&s);
    let inv = s.investment.as_ref().unwrap();
    let mut before = 0.0;
    let mut cumulative_gw = 0.0;
    let mut want = 0.0;
    for p in &s.capacity.phases {
        cumulative_gw += p.gw;
        let through = (inv.usd_per_gw * cumulative_gw).min(inv.max_usd);
        want += p.probability * (through - before);
        before = through;
    }
    assert!(close(r.expected.investment_usd, want, 1e-3));
    assert!(r.expected.investment_usd < 100e9);
    assert_eq!(r.investment.as_ref().unwrap().total_usd, 100e9);
    let gw: f64 = s.capacity.phases.iter().map(|p| p.probability * p.gw).sum();
    assert!(close(r.expected.gw, gw, 1e-12));
    assert!(close(r.expected.vendor_revenue_usd, gw * 35e9, 1e-3));
    // Present values at 10% are below the nominal expectations, and the years add up.
    let pv = &r.expected.present_value;
    assert!(pv.investment_usd < r.expected.investment_usd && pv.capex_usd < r.expected.capex_usd);
    let years: f64 = r.expected.schedule.iter().map(|y| y.investment_usd).sum();
    assert!(close(years, r.expected.investment_usd, 1e-3));
}

/// The effective discount divides like by like: value today ÷ present value of the expected
/// vendor income, both at the valuation date.
#[test]
fn the_effective_discount_divides_by_the_present_value_of_expected_income() {
    let r = evaluate(&amd());
    let d = r.dilution.unwrap();
    let pv = r.expected.present_value.vendor_income_usd;
    assert!(close(
        d.effective_discount,
        d.value_transfer_usd / pv,
        1e-15
    ));
    assert!(
        pv < r.expected.vendor_revenue_usd
            && r.expected.vendor_revenue_usd < r.capacity.vendor_revenue_usd
    );
}

/// A file saved by the page before the scenario gained costOfCapital, lifeYears, opex, delivery
/// lead, grant price, vesting rule and contract start still loads, and its old fields keep
/// their meaning: no discounting, straight-line depreciation, milestones when GW are online.
#[test]
fn a_scenario_saved_before_the_new_fields_keeps_its_meaning() {
    let text = include_str!("data/saved-scenario-2025-11.json");
    let saved: Value = serde_json::from_str(text).unwrap();
    let s = dealcalc::input::scenario(&saved["scenario"]).expect("an old file still loads");
    assert_eq!(s.capacity.cost_of_capital, 0.0);
    assert_eq!(s.capacity.delivery_lead_months, 0.0);
    let w = s.warrant.as_ref().unwrap();
    assert_eq!(w.grant_share_price, None);
    assert_eq!(
        w.vesting_rule,
        dealcalc::scenario::VestingRule::ConditionsOnceMet
    );
    let r = evaluate(&s);
    let c = &r.capacity;
    assert!(close(
        c.annual_cost_usd,
        300e9 / 5.0 + c.annual_energy_cost_usd,
        1e-3
    ));
    assert!(close(
        r.expected.present_value.vendor_revenue_usd,
        r.expected.vendor_revenue_usd,
        1e-3
    ));
    let v = r.vesting.unwrap();
    assert_eq!(
        v.tranches[0].milestone_date.unwrap().to_string(),
        "2026-12-31"
    );
    let d = r.dilution.unwrap();
    assert!(close(d.value_transfer_usd, 160e6 * (250.0 - 0.01), 1.0));
}
