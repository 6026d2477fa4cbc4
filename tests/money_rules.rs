//! The money rules of a deal and of a portfolio: conditional tranches at their probability,
//! guarantees contingent, every money kind in the circularity (a deal's and a portfolio's by one
//! rule), parents matched, and the cross-layer range narrowed by `runsOn` links alone.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;

use dealcalc::evaluate;
use dealcalc::input::{portfolio_scenarios, ToJson};
use dealcalc::portfolio::{portfolio, FlowKind};
use dealcalc::scenario::RunsOn;
use dealcalc::Scenario;
use serde_json::{json, Value};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// A deal of money legs alone between made-up parties, from the Nvidia–OpenAI stake's file.
fn legs_only(buyer: &str, vendor: &str, legs: Value) -> Scenario {
    let mut v = deal_files::latest("nvidia-openai-2026").to_json();
    v["buyer"] = json!(buyer);
    v["vendor"] = json!(vendor);
    v.as_object_mut().unwrap().remove("investments");
    v.as_object_mut().unwrap().remove("id");
    for (key, value) in legs.as_object().unwrap() {
        v[key] = value.clone();
    }
    dealcalc::input::scenario(&v).unwrap()
}

#[test]
fn a_tranche_at_probability_0_4_adds_0_4_of_its_amount_to_expected_investment() {
    let tranche = |condition: Value| {
        json!({"investments": [{"investor": "V", "investee": "B", "tranches": [
            {"usd": 10e9, "date": "2027-01-01", "condition": condition}]}]})
    };
    let sure = legs_only("B", "V", tranche(Value::Null));
    let event = json!({"kind": "event", "label": "IPO", "probability": 0.4});
    let maybe = legs_only("B", "V", tranche(event));
    let (a, b) = (evaluate(&sure), evaluate(&maybe));
    let (a, b) = (a.money.unwrap().totals, b.money.unwrap().totals);
    assert_eq!(a.expected_investment_usd, 10e9);
    assert_eq!(b.expected_investment_usd, 0.4 * 10e9);
    assert_eq!(b.investment_usd, 10e9, "nominal counts the whole tranche");
    let p = portfolio(&[sure, maybe]);
    assert_eq!(p.totals.expected.investment_usd, 10e9 + 0.4 * 10e9);
    assert_eq!(p.totals.nominal.investment_usd, 20e9);
    let contingent = p.flows.iter().find(|f| f.contingent).unwrap();
    assert_eq!(contingent.expected_usd, Some(0.4 * 10e9));
}

#[test]
fn a_guarantee_counts_at_its_maximum_nominal_and_probability_times_maximum_expected() {
    let g = json!({"guarantees": [{"guarantor": "G", "beneficiary": "B", "maxUsd": 6e9,
        "probability": 0.25, "start": "2027-01-01", "end": "2030-12-31", "label": "backstop"}]});
    let s = legs_only("B", "G", g);
    let r = evaluate(&s).money.unwrap();
    assert_eq!(r.totals.guarantee_max_usd, 6e9);
    assert_eq!(r.totals.expected_guarantee_usd, 0.25 * 6e9);
    let p = portfolio(&[s]);
    assert_eq!(p.totals.nominal.guarantee_usd, 6e9);
    assert_eq!(p.totals.expected.guarantee_usd, 0.25 * 6e9);
    let f = &p.flows[0];
    assert_eq!((f.kind, f.contingent), (FlowKind::Guarantee, true));
    assert_eq!((f.usd, f.expected_usd), (6e9, Some(0.25 * 6e9)));
}

#[test]
fn microsoft_anthropic_circularity_is_one_sixth_in_evaluate_and_in_the_portfolio() {
    let s = deal_files::latest("microsoft-anthropic-2025");
    let r = evaluate(&s);
    let deal = r.circularity.unwrap();
    assert_eq!(
        (deal.a.as_str(), deal.b.as_str()),
        ("Anthropic", "Microsoft")
    );
    assert_eq!(deal.ratio, 5e9 / 30e9);
    assert_eq!(r.investment.unwrap().circularity, 5e9 / 30e9);
    let p = portfolio(&[s]);
    assert_eq!(p.circularity.len(), 1);
    assert_eq!(p.circularity[0].ratio, 5e9 / 30e9);
}

#[test]
fn a_deal_and_a_portfolio_of_it_agree_on_every_figure_they_share() {
    for id in deal_files::ids() {
        let s = deal_files::latest(&id);
        let r = evaluate(&s);
        let p = portfolio(std::slice::from_ref(&s));
        let t = &p.totals;
        assert_eq!(
            t.gw_by_layer.chips + t.gw_by_layer.cloud,
            r.capacity.total_gw,
            "{id}"
        );
        assert_eq!(t.nominal.capex_usd, r.capacity.capex_usd, "{id}");
        assert_eq!(
            t.nominal.vendor_revenue_usd, r.capacity.vendor_revenue_usd,
            "{id}"
        );
        assert_eq!(t.expected.capex_usd, r.expected.capex_usd, "{id}");
        assert_eq!(
            t.expected.vendor_revenue_usd, r.expected.vendor_revenue_usd,
            "{id}"
        );
        assert_eq!(t.expected.contract_usd, r.expected.contract_usd, "{id}");
        let contract = r.contract.as_ref().map_or(0.0, |k| k.value_usd);
        assert_eq!(t.nominal.contract_usd, contract, "{id}");
        let legacy = r.investment.as_ref().map_or(0.0, |i| i.total_usd);
        let m = r.money.clone().map(|m| m.totals).unwrap_or_default();
        assert!(
            close(t.nominal.investment_usd, legacy + m.investment_usd),
            "{id}"
        );
        assert!(
            close(
                t.expected.investment_usd,
                r.expected.investment_usd + m.expected_investment_usd
            ),
            "{id}"
        );
        assert_eq!(t.nominal.guarantee_usd, m.guarantee_max_usd, "{id}");
        assert_eq!(t.expected.guarantee_usd, m.expected_guarantee_usd, "{id}");
        assert_eq!(t.nominal.loan_usd, m.loan_usd, "{id}");
        // The deal's own circularity is the portfolio's for its pair, by the same rule.
        let deal = r
            .circularity
            .expect("every catalogue deal names its parties");
        match p.circularity.first() {
            Some(c) => {
                let pair = [c.a.as_str(), c.b.as_str()];
                assert!(
                    pair.contains(&deal.a.as_str()) && pair.contains(&deal.b.as_str()),
                    "{id}"
                );
                assert_eq!(c.ratio, deal.ratio, "{id}");
                assert_eq!(c.expected_ratio, deal.expected_ratio, "{id}");
            }
            None => assert!(
                deal.a_to_b == 0.0 || deal.b_to_a == 0.0 || p.circularity.len() > 1,
                "{id}"
            ),
        }
    }
}

#[test]
fn money_from_a_parent_counts_in_its_units_deal() {
    // Amazon invests in OpenAI while AWS sells it capacity: one company, money both ways.
    let s = deal_files::latest("aws-openai-2025");
    assert_eq!(s.parents.get("AWS").map(String::as_str), Some("Amazon"));
    let r = evaluate(&s);
    let c = r.circularity.unwrap();
    assert_eq!((c.a.as_str(), c.b.as_str()), ("OpenAI", "Amazon"));
    let invested = r.money.unwrap().totals.investment_usd;
    assert_eq!(c.b_to_a, invested);
    assert_eq!(c.a_to_b, r.contract.unwrap().value_usd);
    // Without the parent the deal sees no money coming back.
    let mut alone = s.clone();
    alone.parents.clear();
    assert_eq!(evaluate(&alone).circularity.unwrap().b_to_a, 0.0);
    // The portfolio matches at the parent too, and its flows keep the deals' names.
    let p = portfolio(&[s]);
    let pair = [p.circularity[0].a.as_str(), p.circularity[0].b.as_str()];
    assert!(
        pair.contains(&"Amazon") && pair.contains(&"OpenAI"),
        "{pair:?}"
    );
    assert!(p.flows.iter().any(|f| f.to == "AWS"));
}

#[test]
fn a_cycle_runs_through_an_investment_a_purchase_and_a_guarantee() {
    // Alpha buys chips from Beta; Beta invests in Gamma; Gamma guarantees Alpha.
    let mut chips = deal_files::latest("amd-openai-2025").to_json();
    chips["buyer"] = json!("Alpha");
    chips["vendor"] = json!("Beta");
    let chips = dealcalc::input::scenario(&chips).unwrap();
    let invest = legs_only(
        "Gamma",
        "Beta",
        json!({"investments": [{"investor": "Beta", "investee": "Gamma",
        "tranches": [{"usd": 2e9, "date": "2027-01-01"}]}]}),
    );
    let guarantee = legs_only(
        "Alpha",
        "Gamma",
        json!({"guarantees": [{"guarantor": "Gamma",
        "beneficiary": "Alpha", "maxUsd": 1e9, "probability": 0.5, "start": "2027-01-01",
        "end": "2028-01-01", "label": "backstop"}]}),
    );
    let p = portfolio(&[chips, invest, guarantee]);
    assert_eq!(p.cycles.len(), 1, "{:?}", p.cycles);
    assert_eq!(p.cycles[0].parties, ["Alpha", "Beta", "Gamma"]);
    assert_eq!(p.cycles[0].bottleneck_usd, 1e9);
}

#[test]
fn a_runs_on_link_changes_only_the_cross_layer_range() {
    let chips = deal_files::latest("amd-openai-2025");
    let cloud = deal_files::latest("oracle-openai-2025");
    let mut linked = cloud.clone();
    linked.runs_on = Some(RunsOn {
        deal: "amd-openai-2025".to_string(),
        share: 0.5,
    });
    let apart = portfolio(&[chips.clone(), cloud.clone()]);
    let together = portfolio(&[chips.clone(), linked]);
    let mut same = apart.clone();
    same.totals.cross_layer = together.totals.cross_layer.clone();
    assert_eq!(same, together, "nothing but crossLayer changes");
    let (a, b) = (&apart.totals.cross_layer, &together.totals.cross_layer);
    assert_eq!(a.low, b.low);
    assert!(b.low <= b.high && b.high < a.high);
    // Half of Oracle's 4.5 GW run on AMD chips: their chip money, at AMD's revenue per GW.
    let amd = evaluate(&chips).capacity;
    let linked_gw: f64 = 0.5 * evaluate(&cloud).capacity.total_gw;
    let want = (amd.vendor_revenue_usd / amd.total_gw * linked_gw).min(0.5 * 300e9);
    assert!(close(b.netted_usd, want), "{} vs {want}", b.netted_usd);
    assert!(close(a.high - b.high, want));
}

#[test]
fn links_and_parents_across_a_portfolio_are_checked_with_paths() {
    let chips = deal_files::latest("amd-openai-2025").to_json();
    let mut cloud = deal_files::latest("oracle-openai-2025").to_json();
    let paths = |list: Value| -> Vec<(String, String)> {
        portfolio_scenarios(&list)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code.to_string()))
            .collect()
    };
    cloud["runsOn"] = json!({"deal": "nvidia-openai-2025", "share": 0.5});
    let at = "scenarios[1].runsOn.deal".to_string();
    assert_eq!(
        paths(json!([chips, cloud])),
        [(at.clone(), "unknown_deal".to_string())]
    );
    cloud["runsOn"]["deal"] = json!("coreweave-openai-2025");
    let other_cloud = deal_files::latest("coreweave-openai-2025").to_json();
    assert_eq!(
        paths(json!([other_cloud, cloud])),
        [(at, "not_chip_deal".to_string())]
    );
    let mut a = deal_files::latest("aws-openai-2025").to_json();
    let b = deal_files::latest("aws-anthropic-2026").to_json();
    a["parents"] = json!({"AWS": "Amazon.com"});
    let want = (
        "scenarios[1].parents.AWS".to_string(),
        "parent_conflict".to_string(),
    );
    assert_eq!(paths(json!([a, b])), [want]);
    assert!(portfolio_scenarios(&json!([
        chips,
        deal_files::latest("oracle-openai-2025").to_json()
    ]))
    .is_ok());
}
