//! The warrant's terms as the scenario states them: its shares, strike and dates, its tranches
//! (a gigawatt milestone and a price test each) and how a tranche's two conditions combine.
//! What the terms mean on a price path is [`crate::warrant_terms`]'s.

use crate::date::Date;
use serde::Serialize;

/// A warrant on newly issued shares that vests in tranches.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Warrant {
    pub holder: String,
    /// Total shares under the warrant (> 0); the tranches' shares sum to it.
    pub shares: f64,
    /// Exercise price per share (≥ 0).
    pub strike: f64,
    pub issue_date: Date,
    /// Last day a tranche can vest (after `issueDate` and after the valuation date).
    pub expiry_date: Date,
    /// The issuer's share price at the grant (`issueDate`), > 0; `equity.sharePrice` when
    /// absent. Accounting measures the warrant at this price (ASC 718).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub grant_share_price: Option<f64>,
    /// How a tranche's two conditions combine; `conditions_once_met` when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<VestingRule>", optional))]
    pub vesting_rule: VestingRule,
    /// At least one tranche.
    pub tranches: Vec<Tranche>,
}

/// How a tranche's GW milestone and price test combine (the filings do not say; see
/// [`crate::warrant_terms::vest_at`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum VestingRule {
    /// Each condition counts from the moment it is first met, in any order.
    #[default]
    ConditionsOnceMet,
    /// The price test counts only on or after the tranche's GW milestone.
    PriceAfterMilestone,
}

/// A block of warrant shares that vests when its gigawatt milestone and its price test are met.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Tranche {
    /// Shares in the tranche (> 0).
    pub shares: f64,
    /// Cumulative gigawatts online that the tranche needs, in (0, total GW].
    pub gw_trigger: f64,
    /// Share price the tranche needs (> 0), or none for a milestone-only tranche.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub price_target: Option<f64>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<PriceTest>", optional))]
    pub price_test: PriceTest,
}

/// How the share price is tested against a tranche's target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PriceTest {
    pub kind: PriceTestKind,
    /// Trading days in the trailing average (`average`), ≥ 1 and whole; 1 otherwise.
    #[cfg_attr(feature = "typescript", ts(as = "Option<u32>", optional))]
    pub days: u32,
}

impl Default for PriceTest {
    /// A continuous touch, the contract's default.
    fn default() -> PriceTest {
        PriceTest {
            kind: PriceTestKind::Touch,
            days: 1,
        }
    }
}

/// See the contract: continuous touch, a daily close, or a trailing average of closes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum PriceTestKind {
    #[default]
    Touch,
    Close,
    Average,
}
