//! The books quarter by quarter: which rule each quarter follows, how each tranche's reduction
//! is spread over the purchases that earn it, and the transition to ASU 2025-04.
//!
//! - **Amounts per tranche and rule** (before any reversal), from the grant-date fair value
//!   per share × shares: ASU 2025-04 counts a tranche whose milestone is probable in full and
//!   others at 0 (ASC 718's probable assessment); the service-condition practice counts it ×
//!   its milestone probability (forfeitures estimated); the as-occurred election counts every
//!   tranche in full and reverses a forfeited one when the forfeiture happens (ASC
//!   718-10-35-3's election, which ASU 2025-04 removes for awards to customers).
//! - **Attribution** (ASC 606-10-32-25: the reduction is recognised as the revenue it relates
//!   to). `tranche`: a tranche is earned by the purchases up to its GW milestone, as a volume
//!   rebate is; its amount is spread over the scheduled deliveries (every phase happening, at
//!   its mean delay, `deliveryLeadMonths` before online) from the first up to the milestone's
//!   GW, so that nothing of it falls after the quarter in which the milestone is delivered.
//!   `contract`: every tranche over all expected vendor revenue, in proportion to each
//!   quarter's.
//! - **Expected reversals** (as-occurred): a tranche whose milestone is not met by the
//!   warrant's expiry is forfeited then; the schedule books Σ amount × (1 − milestone
//!   probability) in the expiry's quarter.
//! - **Adoption.** With an `adoptionDate`, the quarters before it follow the prior practice
//!   (the chosen `standard`, or the service-condition practice when the ASU itself is chosen)
//!   and the quarters from it the ASU. The date is taken to the nearest calendar-quarter start
//!   (AMD's fiscal 2027 begins on 2026-12-27: 2027-Q1). Transition: the modified retrospective
//!   method of ASU 2025-04's effective-date and transition guidance (the ASU applies from the
//!   beginning of the fiscal year of adoption, even when adopted in an interim period; the
//!   difference between the ASU's and the prior practice's cumulative reduction before that
//!   date adjusts opening retained earnings, not revenue). Without an `adoptionDate` the ASU
//!   applies from the grant: early adoption, which the result says (`earlyAdoptionAssumed`).

use super::{Standard, TrancheAccounting};
use crate::date::Date;
use crate::expected::{delivered_by_quarter, period_of, period_start};
use crate::numeric::ratio;
use crate::scenario::Scenario;
use serde::Serialize;

/// How a tranche's reduction is spread over the quarters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Attribution {
    /// Over the purchases up to its own milestone (a volume rebate).
    #[default]
    Tranche,
    /// Over all expected vendor revenue.
    Contract,
}

/// The move to ASU 2025-04 at `adoptionDate` (modified retrospective).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    /// As given.
    pub adoption_date: Date,
    /// The first quarter that follows the ASU ("2027-Q1").
    pub first_quarter: String,
    /// The rule of the quarters before it.
    pub prior: Standard,
    /// "modified-retrospective".
    pub method: String,
    /// The ASU's cumulative reduction before the first quarter less the prior practice's
    /// (nominal): booked to opening retained earnings, not revenue.
    pub cumulative_effect_usd: f64,
}

/// One quarter of the schedule (nominal amounts).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Quarter {
    /// "2026-Q3".
    pub quarter: String,
    /// Last day of the quarter.
    pub end: Date,
    /// The rule this quarter follows.
    pub rule: Standard,
    /// Expected vendor revenue recognised: expected GW delivered × revenue per GW.
    pub vendor_revenue_usd: f64,
    /// The quarter's reduction per tranche, before reversals.
    pub by_tranche: Vec<f64>,
    /// As-occurred: the expected reversal of forfeited tranches (in the expiry's quarter).
    pub expected_reversal_usd: f64,
    /// Σ byTranche − expectedReversalUsd.
    pub revenue_reduction_usd: f64,
    pub cumulative_reduction_usd: f64,
    /// Real-world expectation of the shares whose conditions are met by the quarter's end.
    pub expected_issuable_shares: f64,
}

/// What the schedule is built from.
pub(super) struct Plan<'a> {
    pub scenario: &'a Scenario,
    pub tranches: &'a [TrancheAccounting],
    pub standard: Standard,
    pub attribution: Attribution,
    pub adoption_date: Option<Date>,
}

/// The schedule without its expected issuable shares (filled from the simulation by the
/// caller, whose quarter ends these are), and the transition.
pub(super) struct Built {
    pub quarters: Vec<Quarter>,
    pub transition: Option<Transition>,
}

/// A tranche's amount under `rule`, before any reversal (the module's rules).
pub fn amount(t: &TrancheAccounting, rule: Standard) -> f64 {
    let full = t.fair_value_per_share_usd * t.shares;
    match rule {
        Standard::Asu202504 if t.probable => full,
        Standard::Asu202504 => 0.0,
        Standard::ServiceCondition => full * t.milestone_probability,
        Standard::AsOccurred => full,
    }
}

/// A tranche's expected reversal under the as-occurred election.
pub(super) fn reversal(t: &TrancheAccounting) -> f64 {
    t.fair_value_per_share_usd * t.shares * (1.0 - t.milestone_probability)
}

fn label(q: i64) -> String {
    format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// The calendar quarter whose start is nearest to `d`.
fn nearest_quarter(d: Date) -> i64 {
    let q = period_of(d, 3);
    let (start, next) = (period_start(q, 3).0, period_start(q + 1, 3).0);
    if d.0 - start <= next - d.0 {
        q
    } else {
        q + 1
    }
}

/// The prior practice of an adoption: the chosen standard, or the service condition when the
/// ASU itself is chosen.
fn prior(standard: Standard) -> Standard {
    match standard {
        Standard::Asu202504 => Standard::ServiceCondition,
        other => other,
    }
}

/// Builds the schedule (the module's rules).
pub(super) fn build(p: &Plan) -> Built {
    let s = p.scenario;
    let per_gw = s.capacity.vendor_revenue_per_gw_usd;
    let expected = delivered_by_quarter(s);
    let scheduled = delivered_by_quarter(&every_phase(s));
    let adoption = p.adoption_date.map(nearest_quarter);
    let rule_of = |q: i64| match adoption {
        Some(a) if q < a => prior(p.standard),
        Some(_) => Standard::Asu202504,
        None => p.standard,
    };
    let expiry = s.warrant.as_ref().map(|w| period_of(w.expiry_date, 3));
    let mut indices: Vec<i64> = expected.iter().chain(&scheduled).map(|(q, _)| *q).collect();
    if let Some(e) = expiry.filter(|&e| rule_of(e) == Standard::AsOccurred) {
        indices.push(e);
    }
    indices.sort_unstable();
    indices.dedup();
    let revenue: Vec<f64> = indices
        .iter()
        .map(|&q| gw_in(&expected, q) * per_gw)
        .collect();
    let weights = weights(p, &indices, &revenue, &scheduled);
    let mut cumulative = 0.0;
    let (mut asu_before, mut prior_before) = (0.0, 0.0);
    let mut quarters = Vec::with_capacity(indices.len());
    for (k, &q) in indices.iter().enumerate() {
        let rule = rule_of(q);
        let share = |t: usize, rule| amount(&p.tranches[t], rule) * weights[t][k];
        let by_tranche: Vec<f64> = (0..p.tranches.len()).map(|t| share(t, rule)).collect();
        let expected_reversal_usd = if Some(q) == expiry && rule == Standard::AsOccurred {
            p.tranches.iter().map(reversal).sum()
        } else {
            0.0
        };
        let reduction = by_tranche.iter().sum::<f64>() - expected_reversal_usd;
        cumulative += reduction;
        if adoption.is_some_and(|a| q < a) {
            asu_before += (0..p.tranches.len())
                .map(|t| share(t, Standard::Asu202504))
                .sum::<f64>();
            prior_before += reduction;
        }
        quarters.push(Quarter {
            quarter: label(q),
            end: period_start(q + 1, 3).plus_days(-1),
            rule,
            vendor_revenue_usd: revenue[k],
            by_tranche,
            expected_reversal_usd,
            revenue_reduction_usd: reduction,
            cumulative_reduction_usd: cumulative,
            expected_issuable_shares: 0.0,
        });
    }
    let transition = p.adoption_date.zip(adoption).map(|(date, a)| Transition {
        adoption_date: date,
        first_quarter: label(a),
        prior: prior(p.standard),
        method: "modified-retrospective".to_string(),
        cumulative_effect_usd: asu_before - prior_before,
    });
    Built {
        quarters,
        transition,
    }
}

/// The GW of quarter `q` in a list of (quarter, GW); 0 for a quarter not in it.
fn gw_in(list: &[(i64, f64)], q: i64) -> f64 {
    list.iter()
        .find(|(x, _)| *x == q)
        .map_or(0.0, |(_, gw)| *gw)
}

/// The scenario with every phase happening (at its mean delay): the purchases a tranche's
/// milestone needs, on their schedule.
fn every_phase(s: &Scenario) -> Scenario {
    let mut all = s.clone();
    for p in &mut all.capacity.phases {
        p.probability = 1.0;
    }
    all
}

/// `weights[tranche][quarter]`: each tranche's share of its amount in each quarter of
/// `indices`, summing to 1 over the quarters (the attribution's rule).
fn weights(p: &Plan, indices: &[i64], revenue: &[f64], scheduled: &[(i64, f64)]) -> Vec<Vec<f64>> {
    let Some(w) = &p.scenario.warrant else {
        return Vec::new();
    };
    let all_revenue: f64 = revenue.iter().sum();
    w.tranches
        .iter()
        .map(|t| match p.attribution {
            Attribution::Contract => revenue.iter().map(|r| ratio(*r, all_revenue)).collect(),
            Attribution::Tranche => {
                // GW delivered towards the milestone, the milestone met within rounding.
                let towards = |d: f64| {
                    if d >= t.gw_trigger * (1.0 - 1e-12) {
                        t.gw_trigger
                    } else {
                        d
                    }
                };
                let mut delivered = 0.0;
                let earned: Vec<f64> = indices
                    .iter()
                    .map(|&q| {
                        let gw = gw_in(scheduled, q);
                        let before = towards(delivered);
                        delivered += gw;
                        towards(delivered) - before
                    })
                    .collect();
                let total: f64 = earned.iter().sum();
                earned.iter().map(|e| ratio(*e, total)).collect()
            }
        })
        .collect()
}
