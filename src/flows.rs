//! The money between the parties of one deal or of several: flows by kind, the pairs with money
//! going both ways (circularity) and the cycles of money through three or more parties.
//!
//! A deal contributes, as flows between its parties ([`add_deal`]):
//! - `purchase`: the buyer's purchases, the deal's vendor revenue (buyer → vendor);
//! - `service`: the contract's payments (buyer → vendor);
//! - `investment`: the vendor's per-GW investment (vendor → buyer), and each investment leg's
//!   tranches (investor → investee), a tranche that waits for a condition kept apart and marked
//!   `contingent`, expected at its condition's probability;
//! - `guarantee`: guarantor → beneficiary, always contingent: nominal the most it may pay,
//!   expected probability × max;
//! - `loan`: the principal lender → borrower, and the repayment with interest back;
//! - `warrant`: equity value given to the buyer (vendor → buyer): the warrant's intrinsic value
//!   today and an outright equity grant's value when given. Not money: it is shown and never
//!   counted in the circularity or the cycles.
//!
//! Every other kind is money, and the circularity of a pair counts all of it in both
//! directions: the smaller direction ÷ the larger. A deal's own circularity ([`deal`]) is that
//! of its buyer and vendor over the deal's flows alone; a portfolio's is every pair's over all
//! its deals, by the same rule.
//!
//! **Groups.** A deal may name a party by its business unit (AWS) and a money leg by the parent
//! (Amazon). A scenario's `parents` maps a unit to its parent company; circularity and cycles
//! count money at the parent ([`Groups`]), while the flows keep the names the deals give.

use crate::capacity::CapacityReport;
use crate::expected::ExpectedReport;
use crate::financing::{ContractReport, InvestmentReport};
use crate::money::MoneyReport;
use crate::numeric::ratio;
use crate::scenario::Scenario;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a flow is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum FlowKind {
    Purchase,
    Service,
    Investment,
    Warrant,
    /// A backstop or guarantee: contingent, nominal at its maximum.
    Guarantee,
    /// A loan's principal out, or its repayment with interest back.
    Loan,
}

/// Money (or equity value) from one party to another, summed over the deals.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub kind: FlowKind,
    /// Nominal, never negative.
    pub usd: f64,
    /// Expected (the deals' probabilities); null for warrant value.
    pub expected_usd: Option<f64>,
    /// Money that waits for a condition (a conditional tranche) or a risk (a guarantee): its
    /// nominal amount may never be paid.
    pub contingent: bool,
}

/// A pair of parties with money going both ways.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Circularity {
    pub a: String,
    pub b: String,
    pub a_to_b: f64,
    pub b_to_a: f64,
    /// The smaller direction ÷ the larger (nominal).
    pub ratio: f64,
    /// The same with expected amounts.
    pub expected_ratio: f64,
}

/// Money going round three or more parties.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Cycle {
    /// In the order money goes, starting from the first name in alphabetical order.
    pub parties: Vec<String>,
    /// The smallest flow along the cycle (nominal).
    pub bottleneck_usd: f64,
}

/// Adds a flow, merging it with an earlier one between the same parties of the same kind and
/// contingency.
fn add_flow(
    flows: &mut Vec<Flow>,
    from: &str,
    to: &str,
    kind: FlowKind,
    usd: f64,
    expected: Option<f64>,
    contingent: bool,
) {
    if usd <= 0.0 && expected.unwrap_or(0.0) <= 0.0 {
        return;
    }
    match flows
        .iter_mut()
        .find(|f| f.from == from && f.to == to && f.kind == kind && f.contingent == contingent)
    {
        Some(f) => {
            f.usd += usd;
            f.expected_usd = f.expected_usd.zip(expected).map(|(a, b)| a + b);
        }
        None => flows.push(Flow {
            from: from.to_string(),
            to: to.to_string(),
            kind,
            usd,
            expected_usd: expected,
            contingent,
        }),
    }
}

/// Money (every kind but warrant value) from `a` to `b`: (nominal, expected).
fn money(flows: &[Flow], a: &str, b: &str) -> (f64, f64) {
    flows
        .iter()
        .filter(|f| f.from == a && f.to == b && f.kind != FlowKind::Warrant)
        .fold((0.0, 0.0), |(n, e), f| {
            (n + f.usd, e + f.expected_usd.unwrap_or(0.0))
        })
}

/// Simple directed cycles of money through three or more parties (each found once).
pub fn cycles(flows: &[Flow], names: &[String]) -> Vec<Cycle> {
    let edge = |a: usize, b: usize| money(flows, &names[a], &names[b]).0;
    let n = names.len();
    let mut found = Vec::new();
    // Depth-first from each start, visiting only parties after it (in name order), so that
    // each cycle is found once, from its smallest member.
    let mut order: Vec<usize> = (0..n).collect();
    crate::numeric::sort_short(&mut order, |&a, &b| names[a] < names[b]);
    let rank: Vec<usize> = {
        let mut r = vec![0; n];
        for (k, &i) in order.iter().enumerate() {
            r[i] = k;
        }
        r
    };
    fn walk(
        path: &mut Vec<usize>,
        start: usize,
        n: usize,
        rank: &[usize],
        edge: &dyn Fn(usize, usize) -> f64,
        found: &mut Vec<Vec<usize>>,
    ) {
        let last = *path.last().unwrap_or(&start);
        for next in 0..n {
            if edge(last, next) <= 0.0 {
                continue;
            }
            if next == start && path.len() >= 3 {
                found.push(path.clone());
            } else if rank[next] > rank[start] && !path.contains(&next) && path.len() < 8 {
                path.push(next);
                walk(path, start, n, rank, edge, found);
                path.pop();
            }
        }
    }
    let mut raw = Vec::new();
    for start in 0..n {
        walk(&mut vec![start], start, n, &rank, &edge, &mut raw);
    }
    for c in raw {
        let bottleneck = (0..c.len())
            .map(|k| edge(c[k], c[(k + 1) % c.len()]))
            .fold(f64::INFINITY, f64::min);
        found.push(Cycle {
            parties: c.iter().map(|&i| names[i].clone()).collect(),
            bottleneck_usd: bottleneck,
        });
    }
    found
}

/// Every pair of parties with money going both ways: the smaller direction ÷ the larger,
/// nominal and expected.
pub fn circularity(flows: &[Flow], names: &[String]) -> Vec<Circularity> {
    let mut out = Vec::new();
    for (ia, a) in names.iter().enumerate() {
        for b in names.iter().skip(ia + 1) {
            let c = pair(flows, a, b);
            if c.a_to_b > 0.0 && c.b_to_a > 0.0 {
                out.push(c);
            }
        }
    }
    out
}

/// The money between `a` and `b` both ways, every kind counted.
fn pair(flows: &[Flow], a: &str, b: &str) -> Circularity {
    let (ab, ab_e) = money(flows, a, b);
    let (ba, ba_e) = money(flows, b, a);
    Circularity {
        a: a.to_string(),
        b: b.to_string(),
        a_to_b: ab,
        b_to_a: ba,
        ratio: ratio(ab.min(ba), ab.max(ba)),
        expected_ratio: ratio(ab_e.min(ba_e), ab_e.max(ba_e)),
    }
}

/// The parts of one deal's report that its flows come from.
pub struct DealMoney<'a> {
    pub capacity: &'a CapacityReport,
    pub expected: &'a ExpectedReport,
    pub investment: Option<&'a InvestmentReport>,
    pub contract: Option<&'a ContractReport>,
    pub money: Option<&'a MoneyReport>,
}

/// Adds one deal's flows (the module's list of kinds).
pub fn add_deal(flows: &mut Vec<Flow>, s: &Scenario, d: &DealMoney) {
    use FlowKind::*;
    let (buyer, vendor) = (s.buyer.trim(), s.vendor.trim());
    let e = d.expected;
    let contract = d.contract.map_or(0.0, |k| k.value_usd);
    let investment = d.investment.map_or(0.0, |i| i.total_usd);
    let revenue = d.capacity.vendor_revenue_usd;
    add_flow(
        flows,
        buyer,
        vendor,
        Purchase,
        revenue,
        Some(e.vendor_revenue_usd),
        false,
    );
    add_flow(
        flows,
        buyer,
        vendor,
        Service,
        contract,
        Some(e.contract_usd),
        false,
    );
    add_flow(
        flows,
        vendor,
        buyer,
        Investment,
        investment,
        Some(e.investment_usd),
        false,
    );
    let warrant_value = s
        .warrant_on_equity()
        .map_or(0.0, |(w, eq)| crate::dilution::value_transfer_usd(w, eq));
    let grant = s.equity_grant.as_ref().map_or(0.0, |g| g.value_usd);
    add_flow(
        flows,
        vendor,
        buyer,
        Warrant,
        warrant_value + grant,
        None,
        false,
    );
    let Some(m) = d.money else { return };
    for inv in &m.investments {
        let (investor, investee) = (inv.investor.trim(), inv.investee.trim());
        let per_gw_expected =
            inv.expected_usd - inv.tranches.iter().map(|t| t.expected_usd).sum::<f64>();
        let parts = inv
            .tranches
            .iter()
            .map(|t| (t.usd, t.expected_usd, t.conditional))
            .chain(std::iter::once((inv.per_gw_usd, per_gw_expected, false)));
        for (usd, expected, contingent) in parts {
            add_flow(
                flows,
                investor,
                investee,
                Investment,
                usd,
                Some(expected),
                contingent,
            );
        }
    }
    for g in &m.guarantees {
        let (from, to) = (g.guarantor.trim(), g.beneficiary.trim());
        add_flow(
            flows,
            from,
            to,
            Guarantee,
            g.max_usd,
            Some(g.expected_usd),
            true,
        );
    }
    for l in &m.loans {
        let (lender, borrower) = (l.lender.trim(), l.borrower.trim());
        add_flow(flows, lender, borrower, Loan, l.usd, Some(l.usd), false);
        let back = l.repayment_usd;
        add_flow(flows, borrower, lender, Loan, back, Some(back), false);
    }
}

/// Business units and their parent companies (`parents` of the scenarios): money is matched at
/// the parent.
#[derive(Clone, Debug, Default)]
pub struct Groups(BTreeMap<String, String>);

impl Groups {
    /// The parents named by the scenarios (a portfolio's input checks that they agree).
    pub fn of<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>) -> Groups {
        let mut map = BTreeMap::new();
        for s in scenarios {
            for (unit, parent) in &s.parents {
                map.insert(unit.trim().to_string(), parent.trim().to_string());
            }
        }
        Groups(map)
    }

    /// The company a party's money is matched at: its parent, or itself.
    pub fn of_party<'a>(&'a self, name: &'a str) -> &'a str {
        self.0.get(name).map_or(name, String::as_str)
    }

    /// The flows with each party replaced by its group, merged, money within a group dropped.
    pub fn grouped(&self, flows: &[Flow]) -> Vec<Flow> {
        let mut out = Vec::new();
        for f in flows {
            let (from, to) = (self.of_party(&f.from), self.of_party(&f.to));
            if from != to {
                add_flow(
                    &mut out,
                    from,
                    to,
                    f.kind,
                    f.usd,
                    f.expected_usd,
                    f.contingent,
                );
            }
        }
        out
    }
}

/// One deal's money between its buyer and vendor both ways (each at its group), every money
/// kind of the deal counted, with the portfolio's rule: smaller ÷ larger. None without a
/// buyer and a vendor.
pub fn deal(s: &Scenario, d: &DealMoney) -> Option<Circularity> {
    if s.buyer.trim().is_empty() || s.vendor.trim().is_empty() {
        return None;
    }
    let mut flows = Vec::new();
    add_deal(&mut flows, s, d);
    let groups = Groups::of([s]);
    let flows = groups.grouped(&flows);
    let (buyer, vendor) = (
        groups.of_party(s.buyer.trim()),
        groups.of_party(s.vendor.trim()),
    );
    Some(pair(&flows, buyer, vendor))
}
