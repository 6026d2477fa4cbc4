//! Dilution: what the warrant does to the issuer's share count and its holders.
//!
//! With S basic shares outstanding, a warrant on N new shares at strike K, and share price P:
//! - ownership of the holder after full exercise: N ÷ (S + N);
//! - value transferred at today's price (intrinsic value): N × (P − K), at least 0;
//! - treasury-stock-method incremental shares (ASC 260-10-45-23): N − N·K ÷ P when P > K, else
//!   0 (the exercise proceeds N·K buy back shares at P);
//! - price after exercise, if the shares were issued at today's market value
//!   (conservation of equity value): (S·P + N·K) ÷ (S + N);
//! - effective discount: value transferred ÷ the vendor's revenue from the deal.
//!
//! Per tranche, in the scenario's order, cumulative shares n_i and ownership n_i ÷ (S + n_i).

use crate::numeric::ratio;
use crate::scenario::Scenario;
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
    /// N × (1 − K ÷ P) when P > K, else 0.
    pub tsm_incremental_shares: f64,
    /// (S·P + N·K) ÷ (S + N).
    pub price_after_exercise: f64,
    /// valueTransferUsd ÷ vendor revenue from the deal (0 without vendor revenue).
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
}

/// Evaluates dilution; `None` for a scenario without a warrant.
pub fn evaluate(s: &Scenario, vendor_revenue_usd: f64) -> Option<DilutionReport> {
    let (w, e) = s.warrant_on_equity()?;
    let (big_s, n, k, p) = (e.shares_outstanding, w.shares, w.strike, e.share_price);
    let intrinsic = (p - k).max(0.0);
    let value_transfer_usd = n * intrinsic;
    let mut cumulative = 0.0;
    let tranches: Vec<TrancheDilution> = w
        .tranches
        .iter()
        .enumerate()
        .map(|(index, t)| {
            cumulative += t.shares;
            TrancheDilution {
                index,
                shares: t.shares,
                cumulative_shares: cumulative,
                ownership_after: cumulative / (big_s + cumulative),
                value_today_usd: t.shares * intrinsic,
                value_at_target_usd: t.price_target.map(|h| t.shares * (h - k).max(0.0)),
            }
        })
        .collect();
    let value_at_targets_usd = tranches
        .iter()
        .map(|t| t.value_at_target_usd.unwrap_or(t.value_today_usd))
        .sum();
    Some(DilutionReport {
        shares_outstanding: big_s,
        warrant_shares: n,
        max_ownership: n / (big_s + n),
        existing_holders_ownership_after: big_s / (big_s + n),
        diluted_shares: big_s + n,
        value_transfer_usd,
        value_transfer_per_gw_usd: ratio(value_transfer_usd, s.total_gw()),
        tsm_incremental_shares: if p > k { n * (1.0 - k / p) } else { 0.0 },
        price_after_exercise: (big_s * p + n * k) / (big_s + n),
        effective_discount: ratio(value_transfer_usd, vendor_revenue_usd),
        value_at_targets_usd,
        tranches,
    })
}
