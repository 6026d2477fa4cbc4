//! The deal's money legs beside its capacity: equity bought with cash (in tranches, some on
//! conditions), guarantees and backstops, and loans between the parties. The older
//! `investment` (vendor money per GW deployed) stays on [`super::Scenario`] as it was; these
//! are the forms the 2026 deals need (the contract's `investments`, `guarantees`, `loans`).

use crate::date::Date;
use serde::Serialize;

/// Equity bought with cash: by one party in another, either party of the deal or a third.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EquityInvestment {
    /// Who pays (a party name, as `buyer`/`vendor` are written).
    pub investor: String,
    /// Whose shares are bought.
    pub investee: String,
    /// Paid as gigawatts deploy (the Nvidia letter-of-intent form): min(maxUsd, usdPerGw × GW
    /// online).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub per_gw: Option<PerGw>,
    /// Paid in fixed amounts, each on a date and possibly on a condition.
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<Vec<InvestmentTranche>>", optional)
    )]
    pub tranches: Vec<InvestmentTranche>,
}

/// An investment paid per gigawatt deployed, up to a cap.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PerGw {
    /// Invested per gigawatt deployed (≥ 0).
    pub usd_per_gw: f64,
    /// Cap on the total (≥ 0).
    pub max_usd: f64,
}

impl PerGw {
    /// Invested once `gw` gigawatts are deployed: min(maxUsd, usdPerGw × GW). The one rule of
    /// a per-GW investment, for the older `investment` too ([`super::Investment::rule`]).
    pub fn paid(&self, gw: f64) -> f64 {
        (self.usd_per_gw * gw).min(self.max_usd)
    }
}

/// One payment of an investment.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InvestmentTranche {
    /// Amount paid (≥ 0).
    pub usd: f64,
    /// When it is paid; the expected date when conditional.
    pub date: Date,
    /// None: paid unconditionally on `date`.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub condition: Option<TrancheCondition>,
    /// The investee's valuation just after the payment (> 0, at least `usd`): the stake
    /// bought is usd ÷ postMoneyValuationUsd. None: no stake is computed.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub post_money_valuation_usd: Option<f64>,
}

/// What a conditional tranche waits for.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TrancheCondition {
    /// Paid when the deal's delivered gigawatts reach `gw` (> 0, at most the deal's GW).
    Gw { gw: f64 },
    /// Paid on an event outside the deal ("IPO"), with its probability in [0, 1].
    Event { label: String, probability: f64 },
}

/// A backstop or guarantee: the guarantor pays up to `maxUsd` if the beneficiary's risk
/// happens (unsold capacity, a lease, a loan). Expected cost = probability × maxUsd.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Guarantee {
    pub guarantor: String,
    pub beneficiary: String,
    /// The most the guarantor may pay (≥ 0).
    pub max_usd: f64,
    /// The chance it pays in full, in [0, 1] (an assumption unless a source gives one).
    pub probability: f64,
    pub start: Date,
    /// Last day it covers; None: open-ended.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub end: Option<Date>,
    /// What is guaranteed ("unsold capacity", "lease").
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub label: String,
}

/// A loan between the parties: `usd` out on `start`, repaid with interest after `years`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Loan {
    pub lender: String,
    pub borrower: String,
    /// Principal (≥ 0).
    pub usd: f64,
    /// Annual interest rate, compounded yearly, in [0, 1].
    pub rate: f64,
    pub start: Date,
    /// Term in years, in (0, 100].
    pub years: f64,
}

/// A cloud deal's capacity running on a chip deal's gigawatts (the portfolio nets the two).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RunsOn {
    /// The chip deal's catalogue id.
    pub deal: String,
    /// The share of this deal's capacity that runs on it, in (0, 1].
    pub share: f64,
}

/// One calendar year of an explicit contract schedule.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScheduledPayment {
    /// A calendar year, 1900..=2200; the years of a schedule ascend strictly.
    pub year: i64,
    /// Paid in that year (≥ 0); a schedule's payments sum to the contract's value.
    pub usd: f64,
}
