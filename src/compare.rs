//! Comparison: several deals side by side, as aligned rows of the same measures.
//!
//! Each row is one measure (capex per GW, vendor revenue per GW, value given per GW,
//! circularity, maximum ownership, ...) with one value per deal, or none where the measure
//! does not apply (a deal without a warrant has no ownership). Per-GW measures divide by each
//! deal's own total GW, so deals of different sizes line up. Rows carry ids; the page writes
//! their labels in its language.

use crate::numeric::ratio;
use crate::report::{evaluate, Report};
use crate::scenario::Scenario;
use serde::Serialize;

/// At most this many deals at once.
pub const MAX_DEALS: usize = 6;

/// The comparison table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Comparison {
    /// The deals' names, in input order.
    pub deals: Vec<String>,
    pub rows: Vec<ComparisonRow>,
}

/// One measure across the deals.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ComparisonRow {
    /// The measure's id, report-style, e.g. `capexPerGwUsd` (the page writes its label).
    pub key: &'static str,
    /// "usd", "gw", "fraction", "count" or "years".
    pub unit: &'static str,
    /// One value per deal; null where the measure does not apply.
    pub values: Vec<Option<f64>>,
}

/// A measure: its id, its unit and how to read it from a deal and its report.
type Measure = (
    &'static str,
    &'static str,
    fn(&Scenario, &Report) -> Option<f64>,
);

const MEASURES: &[Measure] = &[
    ("totalGw", "gw", |_, r| Some(r.capacity.total_gw)),
    ("bindingGw", "gw", |_, r| Some(r.capacity.binding_gw)),
    ("capexUsd", "usd", |_, r| Some(r.capacity.capex_usd)),
    ("capexPerGwUsd", "usd", |s, _| {
        Some(s.capacity.capex_per_gw_usd)
    }),
    ("vendorRevenueUsd", "usd", |_, r| {
        Some(r.capacity.vendor_revenue_usd)
    }),
    ("vendorRevenuePerGwUsd", "usd", |s, _| {
        Some(s.capacity.vendor_revenue_per_gw_usd)
    }),
    ("accelerators", "count", |_, r| {
        Some(r.capacity.accelerators)
    }),
    ("annualCostUsd", "usd", |_, r| {
        Some(r.capacity.annual_cost_usd)
    }),
    ("valueTransferUsd", "usd", |_, r| {
        r.dilution.as_ref().map(|d| d.value_transfer_usd)
    }),
    ("valueTransferPerGwUsd", "usd", |_, r| {
        r.dilution.as_ref().map(|d| d.value_transfer_per_gw_usd)
    }),
    ("maxOwnership", "fraction", |_, r| {
        r.dilution.as_ref().map(|d| d.max_ownership)
    }),
    ("effectiveDiscount", "fraction", |_, r| {
        r.dilution.as_ref().map(|d| d.effective_discount)
    }),
    ("investmentUsd", "usd", |_, r| {
        r.investment.as_ref().map(|i| i.total_usd)
    }),
    ("investmentPerGwUsd", "usd", |_, r| {
        r.investment
            .as_ref()
            .map(|i| ratio(i.total_usd, r.capacity.total_gw))
    }),
    // Every money kind between the buyer and the vendor, both ways ([`crate::flows::deal`]).
    ("circularity", "fraction", |_, r| {
        r.circularity.as_ref().map(|c| c.ratio)
    }),
    ("contractValueUsd", "usd", |_, r| {
        r.contract.as_ref().map(|c| c.value_usd)
    }),
    ("contractPerGwUsd", "usd", |_, r| {
        r.contract.as_ref().map(|c| c.value_per_gw_usd)
    }),
    ("contractPerYearUsd", "usd", |_, r| {
        r.contract.as_ref().map(|c| c.value_per_year_usd)
    }),
];

/// Compares validated scenarios.
pub fn compare(scenarios: &[Scenario]) -> Comparison {
    let reports: Vec<Report> = scenarios.iter().map(evaluate).collect();
    Comparison {
        deals: scenarios.iter().map(|s| s.name.clone()).collect(),
        rows: MEASURES
            .iter()
            .map(|&(key, unit, measure)| ComparisonRow {
                key,
                unit,
                values: scenarios
                    .iter()
                    .zip(&reports)
                    .map(|(s, r)| measure(s, r))
                    .collect(),
            })
            .collect(),
    }
}
