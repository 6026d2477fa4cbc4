//! The money between the parties of a portfolio: flows by kind, the pairs with money going both
//! ways (circularity) and the cycles of money through three or more parties.

use crate::numeric::ratio;
use serde::Serialize;

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
pub(super) fn add_flow(
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

/// Money (purchase, service, investment) from `a` to `b`: (nominal, expected).
fn money(flows: &[Flow], a: &str, b: &str) -> (f64, f64) {
    flows
        .iter()
        .filter(|f| f.from == a && f.to == b && f.kind != FlowKind::Warrant)
        .fold((0.0, 0.0), |(n, e), f| {
            (n + f.usd, e + f.expected_usd.unwrap_or(0.0))
        })
}

/// Simple directed cycles of money through three or more parties (each found once).
pub(super) fn cycles(flows: &[Flow], names: &[String]) -> Vec<Cycle> {
    let edge = |a: usize, b: usize| money(flows, &names[a], &names[b]).0;
    let n = names.len();
    let mut found = Vec::new();
    // Depth-first from each start, visiting only parties after it (in name order), so that
    // each cycle is found once, from its smallest member.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
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

/// Every pair of parties with money (purchase, service, investment) going both ways: the
/// smaller direction ÷ the larger, nominal and expected.
pub(super) fn circularity(flows: &[Flow], names: &[String]) -> Vec<Circularity> {
    let mut out = Vec::new();
    for (ia, a) in names.iter().enumerate() {
        for b in names.iter().skip(ia + 1) {
            let (ab, ab_e) = money(flows, a, b);
            let (ba, ba_e) = money(flows, b, a);
            if ab > 0.0 && ba > 0.0 {
                out.push(Circularity {
                    a: a.clone(),
                    b: b.clone(),
                    a_to_b: ab,
                    b_to_a: ba,
                    ratio: ratio(ab.min(ba), ab.max(ba)),
                    expected_ratio: ratio(ab_e.min(ba_e), ab_e.max(ba_e)),
                });
            }
        }
    }
    out
}
