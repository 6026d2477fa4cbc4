//! Vesting: when each tranche's gigawatt milestone and price test are met.
//!
//! A tranche vests on the later of two days, if both are on or before the warrant's expiry:
//! - its **milestone date**, the first day the cumulative GW online reaches its `gwTrigger`
//!   (from the linear phase ramps, [`crate::capacity::Ramp`]);
//! - its **price date**, the first day the share price passes its test (`touch`, `close` or
//!   `average`, [`crate::warrant_terms::PriceObserver`]); a tranche without a target has none
//!   to pass.
//!
//! The two conditions need not hold on the same day: each is met once it has been met
//! ([`crate::warrant_terms::vest_at`], the rule the simulation uses too).
//!
//! The deterministic timeline here uses the **base path** P(t) = P₀·e^{gt}: by default the
//! expected (mean) share price under the real-world drift, g = μ − q with μ =
//! `equity.expectedReturn` (r when absent) and q the dividend yield, or the user's
//! `equity.basePathGrowth`; t in ACT/365.25 years from the valuation date. The Monte Carlo engine applies the same
//! rules to simulated paths.
//!
//! `requiredCagr` = (H ÷ P₀)^{1/T} − 1 is the constant annual growth (annual compounding) the
//! price needs to reach a target H by expiry, T years away.

use crate::capacity::Ramp;
use crate::date::{date_after_years, years_between, Date};
use crate::pricing::touch::{touch_tranche, TouchTranche};
use crate::pricing::Market;
use crate::scenario::{PriceTest, PriceTestKind, Scenario};
use crate::warrant_terms::{price_counts_from, vest_at, PriceObserver, VestAt};
use serde::Serialize;

/// Points of the base path in the report, evenly spaced in days from the valuation date to
/// expiry (both included).
pub const BASE_PATH_POINTS: usize = 41;

/// The vesting part of the report (only for scenarios with a warrant).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VestingReport {
    /// Growth of the base path, μ − q (continuously compounded per year).
    pub base_growth: f64,
    /// Which growth the base path uses: "basePathGrowth" (the user's), "expectedReturn"
    /// (μ − q) or "riskFreeRate" (r − q).
    pub base_growth_source: &'static str,
    /// Years from the valuation date to expiry (ACT/365.25).
    pub years_to_expiry: f64,
    /// The base path P₀·e^{g·t} at [`BASE_PATH_POINTS`] dates: the mean path at growth g, not a
    /// forecast (half of all lognormal paths end below their median, which is lower).
    pub base_path: Vec<PricePoint>,
    /// g − σ²/2: the growth of the median path (a lognormal price's median grows at its mean's
    /// rate less half its variance; Hull, "Options, Futures, and Other Derivatives", ch. 15).
    pub median_growth: f64,
    /// The median path P₀·e^{(g − σ²/2)t} at the same dates.
    pub median_path: Vec<PricePoint>,
    pub tranches: Vec<TrancheVesting>,
}

/// A share price at a date.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PricePoint {
    pub date: Date,
    /// ACT/365.25 years from the valuation date.
    pub years: f64,
    pub price_usd: f64,
}

/// One tranche on the base path.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrancheVesting {
    pub index: usize,
    pub shares: f64,
    pub gw_trigger: f64,
    /// First day `gwTrigger` GW are delivered on the scheduled ramp (online minus
    /// `deliveryLeadMonths`).
    pub milestone_date: Option<Date>,
    pub price_target: Option<f64>,
    /// (target ÷ price)^{1/T} − 1; null without a target.
    pub required_cagr: Option<f64>,
    /// First day the base path passes the price test (under `price_after_milestone`, on or
    /// after the milestone); the day it starts to count when there is no target or it is
    /// already passed; null if not by expiry.
    pub price_date: Option<Date>,
    /// max(milestoneDate, priceDate) if on or before expiry, else null ([`vest_at`]).
    pub vest_date: Option<Date>,
    /// The target priced as touches from the valuation date to expiry (risk-neutral, the
    /// milestone taken as met, continuous monitoring): per share, asset one-touch at hit −
    /// strike × cash one-touch at hit ([`touch_tranche`]); null without a target.
    pub touch: Option<TouchTranche>,
}

/// The first day on or after `counts_from` on which the base path P₀·e^{μt} (t from `from`)
/// passes `test` against `target`, up to `until` inclusive. Closes before `counts_from` still
/// fill an average's window; they just do not count as passing.
pub fn base_path_price_date(
    p0: f64,
    mu: f64,
    test: PriceTest,
    target: f64,
    from: Date,
    until: Date,
    counts_from: Date,
) -> Option<Date> {
    let start = counts_from.max(from);
    if test.kind == PriceTestKind::Touch {
        let at_start = p0 * libm::exp(mu * years_between(from, start));
        if at_start >= target {
            return (start <= until).then_some(start);
        }
        if mu <= 0.0 {
            return None;
        }
        let d = date_after_years(from, libm::log(target / p0) / mu);
        return (d <= until).then_some(d);
    }
    let mut monitor = PriceObserver::new(test.kind, test.days as usize, target, p0);
    let mut d = from;
    while d <= until {
        if d.is_weekday()
            && monitor.observe_close(p0 * libm::exp(mu * years_between(from, d)))
            && d >= start
        {
            return Some(d);
        }
        d = d.plus_days(1);
    }
    None
}

/// Evaluates the base-path timeline; `None` without a warrant.
pub fn evaluate(s: &Scenario) -> Option<VestingReport> {
    let (w, e) = s.warrant_on_equity()?;
    let mu = e.base_path_growth.unwrap_or_else(|| e.real_world_drift());
    let ramp = Ramp::delivered(&s.capacity);
    let t_exp = years_between(s.valuation_date, w.expiry_date);
    let market = Market::of_equity(e, t_exp);
    let tranches = w
        .tranches
        .iter()
        .enumerate()
        .map(|(index, t)| {
            let milestone_date = ramp.date_reaching(t.gw_trigger);
            // Without a milestone by expiry nothing vests, whatever the price does.
            let counts_from = price_counts_from(
                w.vesting_rule,
                s.valuation_date,
                milestone_date.unwrap_or(w.expiry_date),
            );
            let price_date = match t.price_target {
                None => Some(counts_from),
                Some(h) => base_path_price_date(
                    e.share_price,
                    mu,
                    t.price_test,
                    h,
                    s.valuation_date,
                    w.expiry_date,
                    counts_from,
                ),
            };
            let vest_date = match (milestone_date, price_date) {
                (Some(m), Some(p)) => match vest_at(m, p, w.expiry_date) {
                    VestAt::PriceDate => Some(p),
                    VestAt::Milestone => Some(m),
                    VestAt::NotYet => None,
                },
                _ => None,
            }
            .filter(|d| *d <= w.expiry_date);
            TrancheVesting {
                index,
                shares: t.shares,
                gw_trigger: t.gw_trigger,
                milestone_date,
                price_target: t.price_target,
                required_cagr: t
                    .price_target
                    .map(|h| libm::pow(h / e.share_price, 1.0 / t_exp) - 1.0),
                price_date,
                vest_date,
                touch: t.price_target.map(|h| touch_tranche(&market, h, w.strike)),
            }
        })
        .collect();
    let span_days = (w.expiry_date.0 - s.valuation_date.0) as f64;
    let last = (BASE_PATH_POINTS - 1) as f64;
    // The median of ln S(t) is ln S₀ + (μ − q)t − w(t)/2, w the total variance
    // ([`crate::volatility`]; σ²t without a term structure).
    let flat = crate::volatility::is_flat(e);
    let median_growth = mu - 0.5 * e.volatility * e.volatility;
    let median_log = |years: f64| {
        if flat {
            median_growth * years
        } else {
            mu * years - 0.5 * crate::volatility::total_variance(e, years)
        }
    };
    let path = |log_growth: &dyn Fn(f64) -> f64| -> Vec<PricePoint> {
        (0..BASE_PATH_POINTS)
            .map(|k| {
                let days = f64::round(span_days * k as f64 / last) as i64;
                let date = s.valuation_date.plus_days(days);
                let years = years_between(s.valuation_date, date);
                PricePoint {
                    date,
                    years,
                    price_usd: e.share_price * libm::exp(log_growth(years)),
                }
            })
            .collect()
    };
    Some(VestingReport {
        base_growth: mu,
        base_growth_source: match (e.base_path_growth, e.expected_return) {
            (Some(_), _) => "basePathGrowth",
            (None, Some(_)) => "expectedReturn",
            (None, None) => "riskFreeRate",
        },
        years_to_expiry: t_exp,
        base_path: path(&|years| mu * years),
        median_growth,
        median_path: path(&median_log),
        tranches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn touch_on_the_base_path_is_exact() {
        // 100 → 200 at μ = ln 2 per year takes exactly one year (365.25 days → day 366).
        let test = PriceTest {
            kind: PriceTestKind::Touch,
            days: 1,
        };
        let d = base_path_price_date(
            100.0,
            std::f64::consts::LN_2,
            test,
            200.0,
            day("2025-01-01"),
            day("2030-01-01"),
            day("2025-01-01"),
        );
        assert_eq!(d, Some(day("2025-01-01").plus_days(366)));
    }

    #[test]
    fn a_price_test_that_counts_after_the_milestone_waits_for_it() {
        let (from, until) = (day("2025-01-01"), day("2030-01-01"));
        let milestone = day("2027-01-01");
        for (kind, days) in [(PriceTestKind::Touch, 1), (PriceTestKind::Average, 30)] {
            let test = PriceTest { kind, days };
            // Passed in 2026 on a rising path: under the second rule it counts on the milestone.
            let ever = base_path_price_date(100.0, 0.3, test, 120.0, from, until, from).unwrap();
            let after = base_path_price_date(100.0, 0.3, test, 120.0, from, until, milestone);
            assert!(ever < milestone, "{ever}");
            assert_eq!(after, Some(milestone));
            // A falling path that passed the target only before the milestone never counts.
            let falling = base_path_price_date(100.0, -0.1, test, 95.0, from, until, milestone);
            assert_eq!(falling, None);
        }
    }

    #[test]
    fn average_lags_close_which_lags_touch() {
        let from = day("2025-10-06");
        let until = day("2035-10-06");
        let at = |kind, days| {
            let test = PriceTest { kind, days };
            base_path_price_date(200.0, 0.2, test, 300.0, from, until, from).unwrap()
        };
        let touch = at(PriceTestKind::Touch, 1);
        let close = at(PriceTestKind::Close, 1);
        let avg = at(PriceTestKind::Average, 30);
        assert!(touch <= close && close < avg, "{touch} {close} {avg}");
        // A 30-day trailing average of an exponential lags by about 15 trading days.
        assert!((avg.0 - close.0) > 14 && (avg.0 - close.0) < 30);
    }
}
