//! The portfolio of deals against the deals' own reports and the contract's rules.
#![cfg(not(target_arch = "wasm32"))]
mod deal_files;

use dealcalc::evaluate;
use dealcalc::input::{portfolio_scenarios, ToJson};
use dealcalc::portfolio::{portfolio, FlowKind, Portfolio};
use serde_json::{json, Value};

fn deals(ids: &[&str]) -> Vec<dealcalc::Scenario> {
    ids.iter().map(|id| deal_files::first(id)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

const OPENAI: &[&str] = &[
    "amd-openai-2025",
    "nvidia-openai-2025",
    "oracle-openai-2025",
    "broadcom-openai-2025",
    "aws-openai-2025",
    "microsoft-openai-2025",
    "coreweave-openai-2025",
];

#[test]
fn amd_warrants_combine_against_the_later_share_count() {
    let p = portfolio(&deals(&["amd-openai-2025", "amd-meta-2026"]));
    let amd = p.issuers.iter().find(|i| i.issuer == "AMD").unwrap();
    assert_eq!(amd.warrant_shares, 320e6);
    // S from the later deal (AMD–Meta, 2026-02-24): 1,630 M.
    assert_eq!(amd.shares_outstanding, 1630e6);
    assert!(close(amd.combined_max_ownership, 320e6 / (1630e6 + 320e6)));
}

#[test]
fn the_openai_selection_adds_up_its_deals() {
    let list = deals(OPENAI);
    let p = portfolio(&list);
    let reports: Vec<_> = list.iter().map(evaluate).collect();
    let sum = |f: &dyn Fn(&dealcalc::Report) -> f64| reports.iter().map(f).sum::<f64>();
    assert!(close(
        p.totals.nominal.capex_usd,
        sum(&|r| r.capacity.capex_usd)
    ));
    assert!(close(
        p.totals.nominal.vendor_revenue_usd,
        sum(&|r| r.capacity.vendor_revenue_usd)
    ));
    assert!(close(
        p.totals.nominal.contract_usd,
        sum(&|r| r.contract.as_ref().map_or(0.0, |k| k.value_usd))
    ));
    assert!(close(
        p.totals.expected.investment_usd,
        sum(&|r| r.expected.investment_usd)
    ));
    let chips: f64 = list
        .iter()
        .zip(&reports)
        .filter(|(s, _)| s.layer() == dealcalc::scenario::Layer::Chips)
        .map(|(_, r)| r.capacity.total_gw)
        .sum();
    assert!(close(p.totals.gw_by_layer.chips, chips));
    assert!(p.totals.gw_by_layer.cloud > 0.0);
    let openai = p.parties.iter().find(|x| x.name == "OpenAI").unwrap();
    assert!(close(
        openai.pays_usd,
        sum(&|r| r.capacity.vendor_revenue_usd + r.contract.as_ref().map_or(0.0, |k| k.value_usd))
    ));
    // The years' payments add up to what OpenAI pays.
    let paid: f64 = p.by_year.iter().map(|y| y.payments_usd).sum();
    assert!((paid - openai.pays_usd).abs() < 1e-6 * openai.pays_usd);
}

#[test]
fn nvidia_money_goes_both_ways() {
    let p = portfolio(&deals(&["nvidia-openai-2025"]));
    let flow = |from: &str, kind| {
        p.flows
            .iter()
            .find(|f| f.from == from && f.kind == kind)
            .unwrap()
    };
    let investment = flow("Nvidia", FlowKind::Investment);
    let purchase = flow("OpenAI", FlowKind::Purchase);
    assert_eq!(investment.to, "OpenAI");
    assert_eq!(purchase.to, "Nvidia");
    let c = &p.circularity[0];
    assert!(close(c.ratio, investment.usd / purchase.usd), "{c:?}");
    assert!(c.expected_ratio > 0.0 && c.expected_ratio <= 1.0);
}

#[test]
fn microsoft_anthropic_pays_the_contract_to_the_vendor() {
    let p = portfolio(&deals(&["microsoft-anthropic-2025"]));
    let service = p
        .flows
        .iter()
        .find(|f| f.kind == FlowKind::Service)
        .unwrap();
    assert_eq!(
        (service.from.as_str(), service.to.as_str()),
        ("Anthropic", "Microsoft")
    );
    assert_eq!(service.usd, 30e9);
    let ms = p.parties.iter().find(|x| x.name == "Microsoft").unwrap();
    assert_eq!(ms.receives_usd, 30e9);
    assert_eq!(ms.invests_usd, 5e9);
}

#[test]
fn a_portfolio_of_one_deal_has_that_deals_totals() {
    for id in [
        "amd-openai-2025",
        "oracle-openai-2025",
        "nvidia-anthropic-2025",
    ] {
        let s = deal_files::first(id);
        let r = evaluate(&s);
        let p = portfolio(std::slice::from_ref(&s));
        let gw = p.totals.gw_by_layer.chips + p.totals.gw_by_layer.cloud;
        assert_eq!(gw, r.capacity.total_gw, "{id}");
        assert_eq!(p.totals.nominal.capex_usd, r.capacity.capex_usd);
        assert_eq!(p.totals.expected.capex_usd, r.expected.capex_usd);
        assert_eq!(
            p.totals.expected.vendor_revenue_usd,
            r.expected.vendor_revenue_usd
        );
        assert_eq!(p.totals.expected.contract_usd, r.expected.contract_usd);
    }
}

#[test]
fn flows_are_never_negative_and_cycles_need_three_parties() {
    let ids = deal_files::ids();
    let all: Vec<&str> = ids.iter().map(String::as_str).collect();
    let p: Portfolio = portfolio(&deals(&all));
    assert!(p
        .flows
        .iter()
        .all(|f| f.usd >= 0.0 && f.expected_usd.unwrap_or(0.0) >= 0.0));
    assert!(p
        .cycles
        .iter()
        .all(|c| c.parties.len() >= 3 && c.bottleneck_usd > 0.0));
    // Money round three parties: A pays B for a service, B buys from C, and C invests in A.
    let mut d1 = deal_files::first("oracle-openai-2025").to_json();
    (d1["buyer"], d1["vendor"]) = (json!("A"), json!("B"));
    let mut d2 = deal_files::first("nvidia-openai-2025").to_json();
    (d2["buyer"], d2["vendor"]) = (json!("B"), json!("C"));
    let mut d3 = deal_files::first("nvidia-anthropic-2025").to_json();
    (d3["buyer"], d3["vendor"]) = (json!("A"), json!("C"));
    let list = portfolio_scenarios(&json!([d1, d2, d3])).unwrap();
    let p = portfolio(&list);
    let cycle = p
        .cycles
        .iter()
        .find(|c| c.parties == ["A", "B", "C"])
        .unwrap_or_else(|| panic!("{:?}", p.cycles));
    let money = |from: &str, to: &str| -> f64 {
        p.flows
            .iter()
            .filter(|f| f.from == from && f.to == to && f.kind != FlowKind::Warrant)
            .map(|f| f.usd)
            .sum()
    };
    let bottleneck = money("A", "B").min(money("B", "C")).min(money("C", "A"));
    assert_eq!(cycle.bottleneck_usd, bottleneck);
    // Each cycle once: A → C → ... does not close (C pays B nothing), so there is no other.
    assert_eq!(p.cycles.len(), 1, "{:?}", p.cycles);
}

#[test]
fn bad_lists_are_problems_with_paths() {
    let path = |v: Value| -> Vec<String> {
        portfolio_scenarios(&v)
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect()
    };
    assert_eq!(path(json!([])), ["scenarios"]);
    let amd = deal_files::first("amd-openai-2025").to_json();
    assert_eq!(path(json!(vec![amd.clone(); 101])), ["scenarios"]);
    let mut bad = amd.clone();
    bad["equity"]["sharePrice"] = json!(-1);
    assert_eq!(
        path(json!([amd.clone(), bad])),
        ["scenarios[1].equity.sharePrice"]
    );
    let mut shouting = deal_files::first("nvidia-openai-2025").to_json();
    shouting["buyer"] = json!("OPENAI");
    assert_eq!(
        path(json!([amd.clone(), amd.clone(), amd.clone(), shouting])),
        ["scenarios[3].buyer"]
    );
    let mut nameless = amd.clone();
    nameless.as_object_mut().unwrap().remove("vendor");
    assert_eq!(path(json!([nameless])), ["scenarios[0].vendor"]);
}

#[test]
fn money_per_layer_is_never_added_across_layers_except_as_a_range() {
    let list = deals(&["amd-openai-2025", "oracle-openai-2025", "aws-openai-2025"]);
    let p = portfolio(&list);
    let (chips, cloud) = (&p.totals.by_layer.chips, &p.totals.by_layer.cloud);
    let amd = evaluate(&list[0]);
    let contracts = evaluate(&list[1]).contract.unwrap().value_usd
        + evaluate(&list[2]).contract.unwrap().value_usd;
    assert_eq!(chips.purchases_usd, amd.capacity.vendor_revenue_usd);
    assert_eq!(chips.contract_usd, 0.0);
    assert_eq!(cloud.contract_usd, contracts);
    assert_eq!(chips.gw, p.totals.gw_by_layer.chips);
    assert_eq!(
        cloud.capex_usd + chips.capex_usd,
        p.totals.nominal.capex_usd
    );
    let x = &p.totals.cross_layer;
    assert_eq!(x.high, chips.purchases_usd + cloud.contract_usd);
    assert_eq!(x.low, chips.purchases_usd.max(cloud.contract_usd));
    // The years add up to the totals, layer by layer.
    let by_years: f64 = p
        .by_year
        .iter()
        .map(|y| y.by_layer.cloud.contract_usd)
        .sum();
    assert!(close(by_years, cloud.contract_usd));
    let chip_years: f64 = p
        .by_year
        .iter()
        .map(|y| y.by_layer.chips.purchases_usd)
        .sum();
    assert!(close(chip_years, chips.purchases_usd));
}

#[test]
fn a_portfolio_takes_up_to_a_hundred_deals() {
    let one = deal_files::first("amd-openai-2025").to_json();
    let list = |n: usize| Value::Array(vec![one.clone(); n]);
    assert!(dealcalc::input::portfolio_scenarios(&list(100)).is_ok());
    let e = dealcalc::input::portfolio_scenarios(&list(101)).unwrap_err();
    assert_eq!(e[0].code, "scenario_count");
}

#[test]
fn money_legs_are_flows_with_the_contingent_ones_marked_and_stakes() {
    let list: Vec<dealcalc::Scenario> = [
        "aws-openai-2025",
        "nvidia-openai-2026",
        "nebius-meta-2026",
        "cerebras-openai-2026",
    ]
    .iter()
    .map(|id| deal_files::latest(id))
    .collect();
    let p = portfolio(&list);
    let flow = |from: &str, to: &str, kind: FlowKind, contingent: bool| {
        p.flows
            .iter()
            .find(|f| f.from == from && f.to == to && f.kind == kind && f.contingent == contingent)
    };
    // Amazon's $15B now and $35B on an event: apart, the second contingent.
    assert_eq!(
        flow("Amazon", "OpenAI", FlowKind::Investment, false)
            .unwrap()
            .usd,
        15e9
    );
    let later = flow("Amazon", "OpenAI", FlowKind::Investment, true).unwrap();
    assert_eq!(later.usd, 35e9);
    assert!(later.expected_usd.unwrap() < 35e9);
    // Meta's backstop for Nebius: contingent, expected = probability × maximum.
    let g = flow("Meta", "Nebius", FlowKind::Guarantee, true).unwrap();
    assert_eq!(g.usd, 15e9);
    // OpenAI's loan to Cerebras goes out and comes back with interest.
    let out = flow("OpenAI", "Cerebras", FlowKind::Loan, false)
        .unwrap()
        .usd;
    let back = flow("Cerebras", "OpenAI", FlowKind::Loan, false)
        .unwrap()
        .usd;
    assert!(back > out);
    // Stakes in OpenAI bought at a post-money valuation: Amazon's (the $15B paid) and Nvidia's.
    let stake = |investor: &str| {
        p.stakes
            .iter()
            .find(|s| s.investee == "OpenAI" && s.investor == investor)
            .unwrap()
    };
    assert_eq!(stake("Nvidia").ownership, 30e9 / 852e9);
    assert_eq!(stake("Amazon").usd, 15e9);
    assert_eq!(p.totals.nominal.guarantee_usd, 15e9);
}
