//! The warrant in the issuer's books: a reduction of revenue, quarter by quarter.
//!
//! Under US GAAP a warrant the vendor grants its customer is consideration payable to a
//! customer (ASC 606-10-32-25), measured under ASC 718 at its grant-date fair value (ASU
//! 2019-08), and it reduces the vendor's revenue as the related purchases are recognised.
//! ASU 2025-04 (fiscal years beginning after 2026-12-15; early adoption allowed) makes vesting
//! on the customer's purchases a performance condition: the reduction counts the tranches whose
//! purchase milestone is probable (ASC 718), and ASC 606's variable-consideration constraint
//! does not apply. Before it, the common practice treated such vesting as a service condition
//! with forfeitures estimated. Under both, market conditions (the share-price targets) sit in
//! the grant-date fair value and are never trued up. This is a model of the standards, not an
//! auditor's opinion.
//!
//! - **Grant-date fair value per share, per tranche, market condition only**: the Monte Carlo
//!   ([`crate::montecarlo`]) from `warrant.issueDate` at `warrant.grantSharePrice`, every phase
//!   happening on schedule (deployment risk is a performance condition, assessed by
//!   probability, not priced), the scenario's `vestingRule` against the milestones' scheduled
//!   (delivered) dates; risk-neutral, with its standard error.
//! - **Milestone probability**: P(the tranche's GW milestone is met by expiry) under the
//!   phases' probabilities and delays, by simulating deployment alone (the valuation's
//!   deployment draws); `probable` when at least `probableThreshold` (default 0.75, a policy
//!   choice).
//! - **Totals**: ASU 2025-04 = Σ fair value per share × shares over the probable tranches;
//!   service condition = Σ fair value per share × shares × milestone probability.
//! - **Quarterly schedule** (`schedule.rs`): vendor revenue recognised as expected GW are
//!   delivered ([`crate::expected::delivered_by_quarter`] × revenue per GW); each tranche's
//!   amount under the quarter's rule, attributed over the purchases that earn it (or over all
//!   expected revenue); the as-occurred election's expected reversals; the adoption of ASU
//!   2025-04 at a date, or from the grant; and the expected issuable shares at each quarter
//!   end: the real-world expectation, from the simulation of the deal as of its valuation date,
//!   of the shares whose conditions are met by then (for forecast share counts, ASC
//!   260-10-45-48).

mod schedule;

pub use schedule::{amount as tranche_amount, Attribution, Quarter, Transition};

use crate::date::Date;
use crate::montecarlo::deployment::PairDeployment;
use crate::montecarlo::options::Options;
use crate::montecarlo::{Chain, Simulation};
use crate::numeric::ratio;
use crate::problem::Problem;
use crate::scenario::Scenario;
use serde::Serialize;

/// The probability from which a milestone counts as probable, unless the options say otherwise.
pub const DEFAULT_PROBABLE_THRESHOLD: f64 = 0.75;
/// Paths of each of the two simulations, unless the options say otherwise.
pub const DEFAULT_PATHS: u64 = 16_000;
/// Grid steps a year, unless the options say otherwise: weekly, which keeps the panel's
/// default run near a quarter of a second; it values 30-day average tests within about 0.1%
/// of a daily grid (docs/BENCHMARKS.md), well inside the standard error at 16,000 paths.
pub const DEFAULT_STEPS_PER_YEAR: u32 = 52;

/// Which treatment the schedule follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Standard {
    /// ASU 2025-04: vesting on purchases is a performance condition (probable tranches).
    #[default]
    #[serde(rename = "asu-2025-04")]
    Asu202504,
    /// The practice before it: a service condition, forfeitures estimated.
    #[serde(rename = "service-condition")]
    ServiceCondition,
    /// The practice before it with forfeitures recognised as they occur: every tranche in
    /// full, a forfeited one reversed.
    #[serde(rename = "as-occurred")]
    AsOccurred,
}

/// Options of `accounting`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccountingOptions {
    /// Paths, seed and grid of both simulations.
    pub simulation: Options,
    /// In (0, 1].
    pub probable_threshold: f64,
    pub standard: Standard,
    pub attribution: Attribution,
    /// The first day of the issuer's fiscal year in which it adopts ASU 2025-04, on or after
    /// the grant; None: from the grant (early adoption).
    pub adoption_date: Option<Date>,
}

impl AccountingOptions {
    pub fn defaults(s: &Scenario) -> AccountingOptions {
        AccountingOptions {
            simulation: Options {
                paths: DEFAULT_PATHS,
                steps_per_year: DEFAULT_STEPS_PER_YEAR,
                ..Options::defaults(s)
            },
            probable_threshold: DEFAULT_PROBABLE_THRESHOLD,
            standard: Standard::default(),
            attribution: Attribution::default(),
            adoption_date: None,
        }
    }
}

/// The contract's Accounting.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Accounting {
    /// `warrant.issueDate`.
    pub grant_date: Date,
    /// `warrant.grantSharePrice`, else `equity.sharePrice`.
    pub grant_share_price: f64,
    pub standard: Standard,
    pub probable_threshold: f64,
    /// Paths of each simulation, and the seed.
    pub paths: u64,
    pub seed: u64,
    pub tranches: Vec<TrancheAccounting>,
    pub attribution: Attribution,
    pub asu202504: Total,
    pub service_condition: Total,
    pub as_occurred: AsOccurred,
    /// The chosen standard's total: what the schedule's reductions add up to without an
    /// adoption date (as-occurred: net of the expected reversals).
    pub total_reduction_usd: f64,
    /// totalReductionUsd ÷ the expected vendor revenue of the schedule (nominal ÷ nominal).
    pub reduction_share_of_revenue: f64,
    /// No adoption date and the ASU chosen: the ASU applies from the grant, before it is
    /// effective (fiscal years beginning after 2026-12-15).
    pub early_adoption_assumed: bool,
    /// The move to the ASU at the adoption date; null without one.
    pub transition: Option<Transition>,
    pub schedule: Vec<Quarter>,
}

/// The as-occurred election's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AsOccurred {
    /// Σ fair value per share × shares over all tranches.
    pub total_reduction_usd: f64,
    /// Σ fair value per share × shares × (1 − milestone probability).
    pub expected_reversal_usd: f64,
}

/// One tranche in the books.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrancheAccounting {
    pub index: usize,
    pub shares: f64,
    /// Grant-date fair value per share, market condition only (risk-neutral).
    pub fair_value_per_share_usd: f64,
    /// Its standard error (per share).
    pub standard_error_usd: f64,
    /// P(GW milestone met by expiry): deployment risk.
    pub milestone_probability: f64,
    /// milestoneProbability ≥ probableThreshold.
    pub probable: bool,
}

/// A total revenue reduction.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Total {
    pub total_reduction_usd: f64,
}

/// The scenario as of the grant: valued from the issue date at the grant price, every phase
/// happening on schedule (the market condition alone is priced).
fn at_grant(s: &Scenario) -> Scenario {
    let mut g = s.clone();
    if let (Some(w), Some(e)) = (&g.warrant, &mut g.equity) {
        g.valuation_date = w.issue_date;
        e.share_price = w.grant_share_price.unwrap_or(e.share_price);
    }
    for p in &mut g.capacity.phases {
        p.probability = 1.0;
        p.delay_months = None;
    }
    g
}

/// P(each tranche's milestone is met by expiry) under the phases' probabilities and delays:
/// deployment simulated alone, with the valuation's deployment draws (antithetic pairs).
fn milestone_probabilities(s: &Scenario, o: &Options) -> Vec<f64> {
    let Some(w) = &s.warrant else {
        return Vec::new();
    };
    let phases = &s.capacity.phases;
    let lead = crate::capacity::delivery_lead_days(&s.capacity);
    let expiry = crate::date::years_between(s.valuation_date, w.expiry_date);
    let pairs = if o.antithetic {
        o.paths.div_ceil(2)
    } else {
        o.paths
    };
    let members: &[bool] = if o.antithetic {
        &[false, true]
    } else {
        &[false]
    };
    let mut met = vec![0u64; w.tranches.len()];
    let mut deployment = PairDeployment::default();
    let mut milestones = Vec::new();
    for pair in 0..pairs {
        deployment.draw(o.seed, pair, phases.len());
        for &flip in members {
            let triggers = w.tranches.iter().map(|t| t.gw_trigger);
            deployment.milestones_into(
                phases,
                flip,
                None,
                lead,
                triggers,
                s.valuation_date,
                expiry,
                &mut milestones,
            );
            for (count, m) in met.iter_mut().zip(&milestones) {
                *count += u64::from(m.is_some());
            }
        }
    }
    let n = (pairs * members.len() as u64) as f64;
    met.into_iter().map(|k| k as f64 / n).collect()
}

/// A run of the books in blocks, for Web Workers: the grant-date simulation's blocks come
/// first, then those of the simulation of the deal as of its valuation date. Blocks absorbed in
/// order give the same result as [`accounting`], whatever the number of workers. Its blocks are
/// its chain's (`Deref`): counted, run, shaped, absorbed and their progress told there.
pub struct AccountingRun {
    scenario: Scenario,
    options: AccountingOptions,
    grant_date: Date,
    grant_share_price: f64,
    /// The grant-date simulation, then today's.
    chain: Chain,
}

impl AccountingRun {
    /// Prepares the two simulations; problems if the deal has no warrant or a run is too large.
    pub fn new(s: &Scenario, o: &AccountingOptions) -> Result<AccountingRun, Vec<Problem>> {
        let Some((w, e)) = s.warrant_on_equity() else {
            let msg = "the deal has no warrant to account for";
            return Err(vec![Problem::new("warrant", "no_warrant", msg)]);
        };
        Ok(AccountingRun {
            grant_date: w.issue_date,
            grant_share_price: w.grant_share_price.unwrap_or(e.share_price),
            chain: Chain {
                sims: vec![
                    Simulation::new(&at_grant(s), o.simulation)?,
                    Simulation::new(s, o.simulation)?,
                ],
            },
            scenario: s.clone(),
            options: *o,
        })
    }

    /// The books from the finished simulations.
    pub fn result(&self) -> Accounting {
        let (s, o) = (&self.scenario, &self.options);
        let fair = self.chain.sims[0].result();
        let probabilities = milestone_probabilities(s, &o.simulation);
        let tranches: Vec<TrancheAccounting> = fair
            .tranches
            .iter()
            .zip(&probabilities)
            .map(|(t, &p)| TrancheAccounting {
                index: t.index,
                shares: t.shares,
                fair_value_per_share_usd: ratio(t.fair_value_usd, t.shares),
                standard_error_usd: ratio(t.standard_error_usd, t.shares),
                milestone_probability: p,
                probable: p >= o.probable_threshold,
            })
            .collect();
        let sum = |rule| {
            tranches
                .iter()
                .map(|t| schedule::amount(t, rule))
                .sum::<f64>()
        };
        let as_occurred = AsOccurred {
            total_reduction_usd: sum(Standard::AsOccurred),
            // The same sum the schedule books in the expiry's quarter.
            expected_reversal_usd: tranches.iter().map(schedule::reversal).sum(),
        };
        let total = match o.standard {
            Standard::AsOccurred => {
                as_occurred.total_reduction_usd - as_occurred.expected_reversal_usd
            }
            rule => sum(rule),
        };
        let built = schedule::build(&schedule::Plan {
            scenario: s,
            tranches: &tranches,
            standard: o.standard,
            attribution: o.attribution,
            adoption_date: o.adoption_date,
        });
        let mut quarters = built.quarters;
        let ends: Vec<Date> = quarters.iter().map(|q| q.end).collect();
        let issuable = self.chain.sims[1].expected_shares_vested_by(&ends);
        for (q, shares) in quarters.iter_mut().zip(issuable) {
            q.expected_issuable_shares = shares;
        }
        let all_revenue: f64 = quarters.iter().map(|q| q.vendor_revenue_usd).sum();
        Accounting {
            grant_date: self.grant_date,
            grant_share_price: self.grant_share_price,
            standard: o.standard,
            probable_threshold: o.probable_threshold,
            paths: fair.paths,
            seed: o.simulation.seed,
            attribution: o.attribution,
            asu202504: Total {
                total_reduction_usd: sum(Standard::Asu202504),
            },
            service_condition: Total {
                total_reduction_usd: sum(Standard::ServiceCondition),
            },
            as_occurred,
            total_reduction_usd: total,
            reduction_share_of_revenue: ratio(total, all_revenue),
            early_adoption_assumed: o.adoption_date.is_none() && o.standard == Standard::Asu202504,
            transition: built.transition,
            tranches,
            schedule: quarters,
        }
    }
}

/// The warrant in the issuer's books, for a validated scenario with a warrant.
pub fn accounting(s: &Scenario, o: &AccountingOptions) -> Result<Accounting, Vec<Problem>> {
    let mut run = AccountingRun::new(s, o)?;
    run.run_all();
    Ok(run.result())
}

impl std::ops::Deref for AccountingRun {
    type Target = Chain;
    fn deref(&self) -> &Chain {
        &self.chain
    }
}

impl std::ops::DerefMut for AccountingRun {
    fn deref_mut(&mut self) -> &mut Chain {
        &mut self.chain
    }
}
