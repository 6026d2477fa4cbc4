//! Dilution: what the warrant does to the issuer's share count and its holders.
//!
//! With S basic shares outstanding, a warrant on N new shares at strike K, and share price P:
//! - ownership of the holder after full exercise: N ÷ (S + N);
//! - value transferred at today's price (intrinsic value): N × (P − K), at least 0;
//! - contingently issuable shares (ASC 260-10-45-48): the shares of the tranches whose
//!   conditions would be met if the valuation date ended the contingency period: the GW
//!   milestone (delivered GW, on the scenario's schedule) reached by then, and the price test
//!   holding at today's price P (for `close` and `average` tests P stands in for the closes of
//!   the window; a scenario has no price history, `priceStandsInForAverage` says so);
//! - treasury-stock-method incremental shares (ASC 260-10-45-23) on those shares only:
//!   C − C·K ÷ P when P > K, else 0 (the exercise proceeds C·K buy back shares at P). A tranche
//!   that has vested would count in basic shares instead, its exercise price being nominal
//!   (ASC 260-10-45-13); a scenario holds no price history, so none has;
//! - price after exercise, if the shares were issued at today's market value
//!   (conservation of equity value): (S·P + N·K) ÷ (S + N);
//! - effective discount: value transferred ÷ the present value of the vendor's expected income
//!   from the deal (expected vendor revenue and contract payments, [`crate::expected`]), both at
//!   the valuation date: like divided by like.
//!
//! Per tranche, in the scenario's order, cumulative shares n_i and ownership n_i ÷ (S + n_i).

use crate::numeric::ratio;
use crate::scenario::{PriceTestKind, Scenario};
use crate::vesting::VestingReport;
use serde::Serialize;

/// The dilution part of the report (only for scenarios with a warrant).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DilutionReport {
    /// S: basic shares outstanding before the warrant.
    pub shares_outstanding: f64,
    /// N: shares under the warrant.
    pub warrant_shares: f64,
    /// N ÷ (S + N).
    pub max_ownership: f64,
    /// S ÷ (S + N): what existing holders keep of the company after full exercise.
    pub existing_holders_ownership_after: f64,
    /// S + N.
    pub diluted_shares: f64,
    /// N × max(P − K, 0) at today's price.
    pub value_transfer_usd: f64,
    /// valueTransferUsd ÷ total GW.
    pub value_transfer_per_gw_usd: f64,
    /// C: shares of the tranches whose conditions hold at the valuation date (ASC 260-10-45-48).
    pub contingent_shares: f64,
    /// Whether today's price stands in for a `close` or `average` test of a counted tranche.
    pub price_stands_in_for_average: bool,
    /// C × (1 − K ÷ P) when P > K, else 0: the treasury-stock method on the contingent shares.
    pub tsm_incremental_shares: f64,
    /// (S·P + N·K) ÷ (S + N).
    pub price_after_exercise: f64,
    /// valueTransferUsd ÷ present value of the expected vendor income (revenue and contract),
    /// both at the valuation date (0 without vendor income).
    pub effective_discount: f64,
    /// Value of all tranches at their own price targets (today's price where a tranche has
    /// none): Σ n_i × max(target_i − K, 0).
    pub value_at_targets_usd: f64,
    pub tranches: Vec<TrancheDilution>,
}

/// One tranche's effect on ownership.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrancheDilution {
    /// Position in `warrant.tranches` (0-based).
    pub index: usize,
    pub shares: f64,
    /// Shares of this and all earlier tranches.
    pub cumulative_shares: f64,
    /// cumulativeShares ÷ (S + cumulativeShares).
    pub ownership_after: f64,
    /// shares × max(P − K, 0) at today's price.
    pub value_today_usd: f64,
    /// shares × max(target − K, 0); null without a target.
    pub value_at_target_usd: Option<f64>,
    /// Whether the tranche's conditions hold at the valuation date (in `contingentShares`).
    pub contingent: bool,
}

/// The value transferred at today's price, intrinsic and ignoring every condition:
/// N × max(P − K, 0).
pub fn value_transfer_usd(w: &crate::scenario::Warrant, e: &crate::scenario::Equity) -> f64 {
    w.shares * (e.share_price - w.strike).max(0.0)
}

/// Evaluates dilution; `None` for a scenario without a warrant.
/// `vendor_income_pv_usd`: the present value of the expected vendor income; `vesting`: the
/// timeline, whose milestone dates say which GW milestones are met.
pub fn evaluate(
    s: &Scenario,
    vendor_income_pv_usd: f64,
    vesting: &VestingReport,
) -> Option<DilutionReport> {
    let (w, e) = s.warrant_on_equity()?;
    let (big_s, n, k, p) = (e.shares_outstanding, w.shares, w.strike, e.share_price);
    let intrinsic = (p - k).max(0.0);
    let value_transfer_usd = value_transfer_usd(w, e);
    let mut cumulative = 0.0;
    let tranches: Vec<TrancheDilution> = w
        .tranches
        .iter()
        .enumerate()
        .map(|(index, t)| {
            cumulative += t.shares;
            let milestone_met = vesting.tranches[index]
                .milestone_date
                .is_some_and(|d| d <= s.valuation_date);
            let price_met = t.price_target.is_none_or(|h| p >= h);
            TrancheDilution {
                index,
                shares: t.shares,
                cumulative_shares: cumulative,
                ownership_after: cumulative / (big_s + cumulative),
                value_today_usd: t.shares * intrinsic,
                value_at_target_usd: t.price_target.map(|h| t.shares * (h - k).max(0.0)),
                contingent: milestone_met && price_met,
            }
        })
        .collect();
    let value_at_targets_usd = tranches
        .iter()
        .map(|t| t.value_at_target_usd.unwrap_or(t.value_today_usd))
        .sum();
    let contingent_shares: f64 = tranches
        .iter()
        .filter(|t| t.contingent)
        .fold(0.0, |a, t| a + t.shares);
    let price_stands_in_for_average = w.tranches.iter().zip(&tranches).any(|(t, d)| {
        d.contingent && t.price_target.is_some() && t.price_test.kind != PriceTestKind::Touch
    });
    Some(DilutionReport {
        shares_outstanding: big_s,
        warrant_shares: n,
        max_ownership: n / (big_s + n),
        existing_holders_ownership_after: big_s / (big_s + n),
        diluted_shares: big_s + n,
        value_transfer_usd,
        value_transfer_per_gw_usd: ratio(value_transfer_usd, s.total_gw()),
        contingent_shares,
        price_stands_in_for_average,
        tsm_incremental_shares: if p > k {
            contingent_shares * (1.0 - k / p)
        } else {
            0.0
        },
        price_after_exercise: (big_s * p + n * k) / (big_s + n),
        effective_discount: ratio(value_transfer_usd, vendor_income_pv_usd),
        value_at_targets_usd,
        tranches,
    })
}
