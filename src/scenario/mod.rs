//! The scenario: everything a user can set about one deal (the contract's "Scenario").
//!
//! A scenario enters as a JSON value (from JS, from a share link or from a preset file) and
//! becomes these typed structs in two passes, each collecting every problem with its path:
//! 1. [`crate::input::scenario()`]: shape — objects, types, required and unknown fields, dates;
//! 2. [`validate`]: meaning — ranges, sums, orderings and cross-field rules, on typed values.
//!
//! Every engine takes a `&Scenario` that passed both and may rely on the invariants listed on
//! each field. This module knows no JSON: reading is the input layer's job.

pub mod money;
pub mod source;
pub mod validate;
pub mod warrant;

pub use money::*;
pub use source::*;
pub use warrant::*;

use crate::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// One deal, as the user (or a preset) describes it. Field docs give units and the invariants
/// that validation guarantees.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// Display name of the deal.
    pub name: String,
    /// ISO 4217 code of every money amount (three capital letters; "USD" for all presets).
    pub currency: String,
    /// The "today" of the scenario: the share price is observed and the simulation starts here.
    pub valuation_date: Date,
    /// Short name of the party that buys ("OpenAI"); a portfolio joins deals on it. "" when
    /// absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub buyer: String,
    /// Short name of the party that sells ("AMD"): the warrant's issuer and the investor.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub vendor: String,
    /// The catalogue deal's id (`amd-openai-2025`) when the scenario is a version of one
    /// (`www/deals.js` sets it); a cloud deal's `runsOn` names it. "" when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Parent companies of parties the deal names by a business unit (`{"AWS": "Amazon"}`): the
    /// circularity and the cycles match money at the parent ([`crate::flows`]). No party is its
    /// own parent, and a parent has none here. Empty when absent.
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<std::collections::BTreeMap<String, String>>", optional)
    )]
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub parents: BTreeMap<String, String>,
    /// What is bought: hardware (`chips`) or capacity as a service (`cloud`); when absent,
    /// `cloud` for a deal with a contract, else `chips`.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub layer: Option<Layer>,
    /// Where the deal stands ("definitive", "letter_of_intent", "reported_stalled", ...).
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub status: String,
    /// The date of the facts behind `status`.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub as_of: Option<Date>,
    /// What changed in this version of a catalogue deal, one line per language, keyed by
    /// language tag (`{"en": ..., "de": ...}`). The core keeps the text as given and shows none
    /// of it; empty when absent.
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<std::collections::BTreeMap<String, String>>", optional)
    )]
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub event: BTreeMap<String, String>,
    pub capacity: Capacity,
    /// The issuer of the warrant shares; required with a warrant, otherwise optional.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub equity: Option<Equity>,
    /// The vendor's warrant to the buyer, if the deal has one.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub warrant: Option<Warrant>,
    /// The vendor investing in the buyer as gigawatts deploy (Nvidia's letter of intent).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub investment: Option<Investment>,
    /// Capacity bought as a service for a fixed value (Oracle).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub contract: Option<Contract>,
    /// Equity bought with cash, by tranche or per GW ([`money`]); empty when absent.
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<Vec<EquityInvestment>>", optional)
    )]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<EquityInvestment>,
    /// Backstops and guarantees between the parties; empty when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Guarantee>>", optional))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guarantees: Vec<Guarantee>,
    /// Loans between the parties; empty when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Loan>>", optional))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loans: Vec<Loan>,
    /// A cloud deal's capacity that runs on a chip deal's gigawatts.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs_on: Option<RunsOn>,
    /// Shares the vendor gives the buyer outright (CoreWeave's $350M of stock to OpenAI).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub equity_grant: Option<EquityGrant>,
    /// Where each number comes from.
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Source>>", optional))]
    pub sources: Vec<Source>,
}

/// The gigawatts of the deal, when they come online, and what they cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Capacity {
    /// At least one phase, except in a deal of money legs alone (no warrant, contract, per-GW
    /// investment: Nvidia's equity stake in OpenAI).
    pub phases: Vec<Phase>,
    /// What the deal's gigawatts count.
    #[cfg_attr(feature = "typescript", ts(as = "Option<GwBasis>", optional))]
    pub gw_basis: GwBasis,
    /// Power usage effectiveness: facility power ÷ IT power, in [1, 3].
    pub pue: f64,
    /// All-in capital cost per deal gigawatt (≥ 0).
    pub capex_per_gw_usd: f64,
    /// Shares of capex by category; each in [0, 1], summing to 1.
    pub capex_split: CapexSplit,
    /// The vendor's revenue per deal gigawatt (≥ 0).
    pub vendor_revenue_per_gw_usd: f64,
    /// All-in IT watts per accelerator (the accelerator plus its share of host, network and
    /// storage), > 0.
    pub watts_per_accelerator: f64,
    /// Price of electricity in currency per MWh (≥ 0).
    pub electricity_usd_per_mwh: f64,
    /// Average share of facility power drawn, in [0, 1].
    pub utilization: f64,
    /// Life of the capex in years, in (0.1, 100]: every component's life where `lifeYears` is
    /// absent (scenarios from before `lifeYears`).
    pub hardware_life_years: f64,
    /// Life of each capex component in years, each in [0.1, 100]; none: `hardwareLifeYears`
    /// for all.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub life_years: Option<LifeYears>,
    /// Operating cost other than energy per GW-year (staff, maintenance, land), ≥ 0; 0 when
    /// absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>", optional))]
    pub opex_per_gw_year_usd: f64,
    /// Months by which GW are delivered (bought) before they are online, in [0, 60]; GW
    /// milestones count delivered GW. 0 when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>", optional))]
    pub delivery_lead_months: f64,
    /// Annual rate (compounded yearly) for present values and the capital charge, in (−1, 1];
    /// 0 when absent, which keeps older scenarios' meaning (no discounting, straight-line
    /// capital recovery).
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>", optional))]
    pub cost_of_capital: f64,
    /// ρ in [−1, 1]: how the deployment pace moves with the share price. The uniforms that
    /// decide whether each non-binding phase happens and how late it runs are coupled to the
    /// share price's standardized log-return up to the phase's scheduled start by a Gaussian
    /// copula ([`crate::montecarlo::deployment`]); 0 when absent (independent, as before).
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>", optional))]
    #[serde(skip_serializing_if = "is_zero")]
    pub price_correlation: f64,
}

/// Life in years of each capex component (the categories of `capexSplit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LifeYears {
    pub accelerators: f64,
    pub networking: f64,
    pub facility: f64,
    pub other: f64,
}

impl Capacity {
    /// The life of each component: `lifeYears`, else `hardwareLifeYears` for all four.
    pub fn component_lives(&self) -> LifeYears {
        self.life_years.unwrap_or(LifeYears {
            accelerators: self.hardware_life_years,
            networking: self.hardware_life_years,
            facility: self.hardware_life_years,
            other: self.hardware_life_years,
        })
    }
}

/// A block of gigawatts coming online linearly from `start` to `end`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub label: String,
    /// Gigawatts in this phase (> 0).
    pub gw: f64,
    /// First day of the ramp.
    pub start: Date,
    /// Day the phase is fully online (≥ `start`; equal means a step on that day).
    pub end: Date,
    /// Whether the buyer is committed to this phase.
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub binding: bool,
    /// Chance the phase happens at all, in [0, 1]; 1 when absent.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>", optional))]
    pub probability: f64,
    /// How late the phase may run, triangular in months; none when absent.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub delay_months: Option<Triangular>,
}

/// A triangular distribution: `0 ≤ min ≤ mode ≤ max`, `min < max` unless all equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Triangular {
    pub min: f64,
    pub mode: f64,
    pub max: f64,
}

/// What a deal's "gigawatt" counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum GwBasis {
    /// Power drawn by the whole facility, cooling included: IT power = GW ÷ PUE.
    #[default]
    Facility,
    /// Power of the IT equipment: facility power = GW × PUE.
    It,
}

/// Shares of capex by category, each in [0, 1] and summing to 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CapexSplit {
    pub accelerators: f64,
    pub networking: f64,
    pub facility: f64,
    pub other: f64,
}

/// The issuer of the warrant shares and the market it trades in.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Equity {
    pub issuer: String,
    /// Basic shares outstanding before the warrant (> 0).
    pub shares_outstanding: f64,
    /// Share price at the valuation date (> 0).
    pub share_price: f64,
    /// Annualised volatility of log returns, in (0, 5].
    pub volatility: f64,
    /// Continuous dividend yield q, in [0, 1).
    pub dividend_yield: f64,
    /// Continuously compounded risk-free rate r, in (−0.5, 1).
    pub risk_free_rate: f64,
    /// Real-world expected total return μ (continuously compounded, dividends included), in
    /// (−1, 2); when absent the real-world measure equals the risk-neutral one (μ = r).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub expected_return: Option<f64>,
    /// Growth of the deterministic base path (continuously compounded per year), in (−1, 2);
    /// when absent the base path grows at the real-world drift μ − q.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub base_path_growth: Option<f64>,
    /// Term structure of implied volatility: points `{years, vol}`, years strictly ascending
    /// and > 0, each vol in [0.0001, 5], total variance vol²·years non-decreasing (no calendar
    /// arbitrage). When present it overrides `volatility` ([`crate::volatility`]).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volatility_curve: Option<Vec<VolPoint>>,
    /// Whether the issuer's shares trade publicly (default true). `false`: a private company
    /// (Cerebras before its listing), whose share price is the last round's, an assumption
    /// the page labels as such.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listed: Option<bool>,
}

/// Fields that are 0 when absent are left out when 0 (a scenario written back reads the same).
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// One point of the volatility term structure: the implied volatility to `years`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct VolPoint {
    /// Years from the valuation date (> 0).
    pub years: f64,
    /// Annualised implied volatility to `years` (in [0.0001, 5]).
    pub vol: f64,
}

impl Equity {
    /// The real-world drift of the share price: μ − q, with μ = `expectedReturn` or r when
    /// absent (then it is the risk-neutral drift r − q).
    pub fn real_world_drift(&self) -> f64 {
        self.expected_return.unwrap_or(self.risk_free_rate) - self.dividend_yield
    }
}

/// The vendor invests in the buyer as gigawatts deploy.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Investment {
    pub investor: String,
    /// Invested per gigawatt deployed (≥ 0).
    pub usd_per_gw: f64,
    /// Cap on the total investment (≥ 0).
    pub max_usd: f64,
}

/// Capacity bought as a service: a total value over a term.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    /// Total contract value (≥ 0).
    pub value_usd: f64,
    /// Term in years (> 0, at most 100).
    pub years: f64,
    /// First day of the term; the first phase's start when absent.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub start: Option<Date>,
    /// Payments by calendar year, when the parties gave them; empty: evenly over the term.
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<Vec<ScheduledPayment>>", optional)
    )]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduledPayment>,
}

/// What a deal buys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Layer {
    /// Hardware: accelerators, networking, racks.
    Chips,
    /// Capacity as a service: a cloud contract.
    Cloud,
}

/// Shares given to the buyer without conditions, valued when given.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EquityGrant {
    /// Value of the shares when given (≥ 0).
    pub value_usd: f64,
    pub date: Date,
}

impl Investment {
    /// The per-GW rule this older form states.
    pub fn rule(&self) -> PerGw {
        PerGw {
            usd_per_gw: self.usd_per_gw,
            max_usd: self.max_usd,
        }
    }
}

impl Scenario {
    /// The warrant and the equity it is on, when the deal has a warrant.
    pub fn warrant_on_equity(&self) -> Option<(&Warrant, &Equity)> {
        Some((self.warrant.as_ref()?, self.equity.as_ref()?))
    }

    /// The deal's layer: `layer`, else `cloud` with a contract and `chips` without.
    pub fn layer(&self) -> Layer {
        self.layer.unwrap_or(if self.contract.is_some() {
            Layer::Cloud
        } else {
            Layer::Chips
        })
    }

    /// Total gigawatts of the deal: the sum over phases.
    pub fn total_gw(&self) -> f64 {
        // From +0: a deal without phases (an investment alone) has 0 GW, not −0.
        self.capacity.phases.iter().fold(0.0, |a, p| a + p.gw)
    }
}
