//! Several deals added up: one buyer's commitments across vendors, the combined dilution of
//! each issuer, and the money that goes round (circular financing).
//!
//! Deals are joined on their short party names (`buyer`, `vendor`, the money legs' parties),
//! matched exactly after trimming. Each deal contributes its flows ([`crate::flows`]): money of
//! every kind, each with a nominal amount and an expected one (the deal's own probabilities,
//! [`crate::expected`]), and the equity value given (warrant flows, shown apart). The
//! circularity of each pair and the cycles of money through three or more parties count money
//! at each party's parent company ([`Groups`]). GW are kept per layer (`chips`, `cloud`): a
//! chip deal and a cloud deal may describe the same racks, so GW of different layers are never
//! added together, and money across the layers is only a range (`layers.rs`).
//! Combined dilution per issuer (the warrant's vendor): Σ warrant shares ÷ (S + Σ warrant
//! shares), S the shares outstanding of that issuer's deal with the latest valuation date.

use crate::capacity::{self, CapacityReport};
use crate::expected::{self, ExpectedReport};
use crate::financing::{self, ContractReport, InvestmentReport};
mod layers;
mod legs;
mod years;

pub use crate::flows::{Circularity, Cycle, Flow, FlowKind, Groups};
pub use layers::{ByLayer, CrossLayer, LayerExpected, LayerTotals, YearLayer};
pub use legs::Stake;
pub use years::{PortfolioYear, VendorAmount};

use crate::flows::{self, circularity, cycles, DealMoney};
use crate::scenario::{Layer, Scenario};
use serde::Serialize;

/// At most this many deals in one portfolio.
pub const MAX_DEALS: usize = 100;

/// Money totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Money {
    pub capex_usd: f64,
    pub vendor_revenue_usd: f64,
    pub contract_usd: f64,
    /// The older per-GW investment and the money legs' investments.
    pub investment_usd: f64,
    /// Guarantees: at their maximum (nominal) or probability × maximum (expected); contingent.
    pub guarantee_usd: f64,
    /// Loans' principal.
    pub loan_usd: f64,
}

/// The contract's Portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    pub deals: Vec<DealRef>,
    pub totals: Totals,
    pub by_year: Vec<PortfolioYear>,
    pub parties: Vec<Party>,
    pub issuers: Vec<Issuer>,
    pub flows: Vec<Flow>,
    pub circularity: Vec<Circularity>,
    pub cycles: Vec<Cycle>,
    /// Who owns how much of whom after the investments with a post-money value (`legs.rs`).
    pub stakes: Vec<Stake>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DealRef {
    pub name: String,
    pub buyer: String,
    pub vendor: String,
    pub layer: Layer,
    /// The deal's `status` ("" when not given).
    pub status: String,
}

/// Totals: GW per layer, money nominal and expected.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub gw_by_layer: ByLayer<f64>,
    pub expected_gw_by_layer: ByLayer<f64>,
    #[serde(flatten)]
    #[cfg_attr(feature = "typescript", ts(flatten))]
    pub nominal: Money,
    pub expected: Money,
    /// Money per layer (`layers.rs`): chip purchases and cloud contracts never added together.
    pub by_layer: ByLayer<LayerTotals>,
    /// The buyers' payments across the layers, only as a range.
    pub cross_layer: CrossLayer,
}

/// What one party pays, receives and holds across the deals (nominal).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub name: String,
    /// As a buyer: purchases and contract payments.
    pub pays_usd: f64,
    /// As a vendor: vendor revenue and contract payments.
    pub receives_usd: f64,
    /// As a vendor investing in its buyers.
    pub invests_usd: f64,
    /// As a buyer receiving vendors' investment.
    pub receives_investment_usd: f64,
    /// Warrant shares held as a buyer (of any issuer).
    pub warrant_shares_received: f64,
}

/// The combined warrants on one issuer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
    /// The vendor's short name.
    pub issuer: String,
    pub warrant_shares: f64,
    /// S, from the issuer's deal with the latest valuation date.
    pub shares_outstanding: f64,
    /// Σ warrant shares ÷ (S + Σ warrant shares).
    pub combined_max_ownership: f64,
}

pub(super) fn party<'p>(parties: &'p mut Vec<Party>, name: &str) -> &'p mut Party {
    let i = match parties.iter().position(|p| p.name == name) {
        Some(i) => i,
        None => {
            parties.push(Party {
                name: name.to_string(),
                pays_usd: 0.0,
                receives_usd: 0.0,
                invests_usd: 0.0,
                receives_investment_usd: 0.0,
                warrant_shares_received: 0.0,
            });
            parties.len() - 1
        }
    };
    &mut parties[i]
}

/// The parts of a deal's report a portfolio adds up (the report's own functions, without the
/// vesting timeline a portfolio does not show).
struct DealFigures {
    capacity: CapacityReport,
    expected: ExpectedReport,
    investment: Option<InvestmentReport>,
    contract: Option<ContractReport>,
    money: Option<crate::money::MoneyReport>,
}

impl DealFigures {
    fn money(&self) -> DealMoney<'_> {
        DealMoney {
            capacity: &self.capacity,
            expected: &self.expected,
            investment: self.investment.as_ref(),
            contract: self.contract.as_ref(),
            money: self.money.as_ref(),
        }
    }
}

fn figures(s: &Scenario) -> DealFigures {
    let capacity = capacity::evaluate(s);
    DealFigures {
        expected: expected::evaluate(s),
        investment: financing::investment(s, &capacity),
        contract: financing::contract(s, capacity.total_gw),
        money: crate::money::evaluate(s),
        capacity,
    }
}

/// Adds up validated deals (1 to [`MAX_DEALS`]; [`crate::input::portfolio_scenarios`] reads
/// and checks them).
pub fn portfolio(scenarios: &[Scenario]) -> Portfolio {
    let reports: Vec<DealFigures> = scenarios.iter().map(figures).collect();
    let mut totals = Totals {
        gw_by_layer: ByLayer::default(),
        expected_gw_by_layer: ByLayer::default(),
        nominal: Money::default(),
        expected: Money::default(),
        by_layer: ByLayer::default(),
        cross_layer: layers::cross_layer(&ByLayer::default(), 0.0),
    };
    let mut flows: Vec<Flow> = Vec::new();
    let mut parties: Vec<Party> = Vec::new();
    let mut by_year: Vec<PortfolioYear> = Vec::new();
    let mut issuers: Vec<(Issuer, crate::date::Date)> = Vec::new();
    let mut stakes: Vec<Stake> = Vec::new();
    for (s, r) in scenarios.iter().zip(&reports) {
        let (buyer, vendor) = (s.buyer.trim(), s.vendor.trim());
        let layer = s.layer();
        let e = &r.expected;
        totals.gw_by_layer.add(layer, r.capacity.total_gw);
        totals.expected_gw_by_layer.add(layer, e.gw);
        let investment = r.investment.as_ref().map_or(0.0, |i| i.total_usd);
        let contract = r.contract.as_ref().map_or(0.0, |k| k.value_usd);
        for (m, capex, revenue, contract, investment) in [
            (
                &mut totals.nominal,
                r.capacity.capex_usd,
                r.capacity.vendor_revenue_usd,
                contract,
                investment,
            ),
            (
                &mut totals.expected,
                e.capex_usd,
                e.vendor_revenue_usd,
                e.contract_usd,
                e.investment_usd,
            ),
        ] {
            m.capex_usd += capex;
            m.vendor_revenue_usd += revenue;
            m.contract_usd += contract;
            m.investment_usd += investment;
        }
        let l = totals.by_layer.layer(layer);
        l.gw += r.capacity.total_gw;
        l.expected_gw += e.gw;
        l.capex_usd += r.capacity.capex_usd;
        l.purchases_usd += r.capacity.vendor_revenue_usd;
        l.contract_usd += contract;
        l.expected.capex_usd += e.capex_usd;
        l.expected.purchases_usd += e.vendor_revenue_usd;
        l.expected.contract_usd += e.contract_usd;
        if let Some(money) = &r.money {
            let t = &money.totals;
            totals.nominal.investment_usd += t.investment_usd;
            totals.nominal.guarantee_usd += t.guarantee_max_usd;
            totals.nominal.loan_usd += t.loan_usd;
            totals.expected.investment_usd += t.expected_investment_usd;
            totals.expected.guarantee_usd += t.expected_guarantee_usd;
            totals.expected.loan_usd += t.loan_usd;
            legs::add(money, &mut parties, &mut stakes);
        }
        flows::add_deal(&mut flows, s, &r.money());
        let revenue = r.capacity.vendor_revenue_usd;
        let b = party(&mut parties, buyer);
        b.pays_usd += revenue + contract;
        b.receives_investment_usd += investment;
        b.warrant_shares_received += s.warrant.as_ref().map_or(0.0, |w| w.shares);
        let v = party(&mut parties, vendor);
        v.receives_usd += revenue + contract;
        v.invests_usd += investment;
        if let (Some(w), Some(eq)) = (&s.warrant, &s.equity) {
            match issuers.iter_mut().find(|(i, _)| i.issuer == vendor) {
                Some((i, latest)) => {
                    i.warrant_shares += w.shares;
                    if s.valuation_date >= *latest {
                        i.shares_outstanding = eq.shares_outstanding;
                        *latest = s.valuation_date;
                    }
                }
                None => issuers.push((
                    Issuer {
                        issuer: vendor.to_string(),
                        warrant_shares: w.shares,
                        shares_outstanding: eq.shares_outstanding,
                        combined_max_ownership: 0.0,
                    },
                    s.valuation_date,
                )),
            }
        }
        years::add_deal(&mut by_year, r, layer, vendor);
    }
    years::gw_online(&mut by_year, scenarios, &reports);
    let issuers = issuers
        .into_iter()
        .map(|(mut i, _)| {
            i.combined_max_ownership = i.warrant_shares / (i.shares_outstanding + i.warrant_shares);
            i
        })
        .collect();
    let linked: Vec<layers::LinkedDeal> = scenarios
        .iter()
        .zip(&reports)
        .map(|(s, r)| layers::LinkedDeal {
            id: s.id.trim(),
            layer: s.layer(),
            gw: r.capacity.total_gw,
            paid_usd: r.capacity.vendor_revenue_usd
                + r.contract.as_ref().map_or(0.0, |k| k.value_usd),
            runs_on: s.runs_on.as_ref(),
        })
        .collect();
    totals.cross_layer = layers::cross_layer(&totals.by_layer, layers::netted(&linked));
    let groups = Groups::of(scenarios);
    let mut names: Vec<String> = Vec::new();
    for p in &parties {
        let g = groups.of_party(&p.name);
        if !names.iter().any(|n| n == g) {
            names.push(g.to_string());
        }
    }
    let money_flows = groups.grouped(&flows);
    let circularity = circularity(&money_flows, &names);
    let cycles = cycles(&money_flows, &names);
    flows.sort_by(|x, y| (x.kind, &x.from, &x.to).cmp(&(y.kind, &y.from, &y.to)));
    Portfolio {
        deals: scenarios
            .iter()
            .map(|s| DealRef {
                name: s.name.clone(),
                buyer: s.buyer.trim().to_string(),
                vendor: s.vendor.trim().to_string(),
                layer: s.layer(),
                status: s.status.clone(),
            })
            .collect(),
        totals,
        by_year,
        cycles,
        parties,
        issuers,
        flows,
        circularity,
        stakes,
    }
}
