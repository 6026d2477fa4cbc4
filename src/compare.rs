//! Comparison: several deals side by side, as aligned rows of the same measures.
//!
//! Each row is one measure (capex per GW, vendor revenue per GW, value given per GW,
//! circularity, maximum ownership, ...) with one value per deal, or none where the measure
//! does not apply (a deal without a warrant has no ownership). Per-GW measures divide by each
//! deal's own total GW, so deals of different sizes line up.

use crate::capacity::ratio;
use crate::problem::Problem;
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
    /// Report-style key, e.g. `capexPerGwUsd`.
    pub key: &'static str,
    pub label: &'static str,
    /// "usd", "gw", "fraction", "count" or "years".
    pub unit: &'static str,
    /// One value per deal; null where the measure does not apply.
    pub values: Vec<Option<f64>>,
}

type Measure = (
    &'static str,
    &'static str,
    &'static str,
    fn(&Scenario, &Report) -> Option<f64>,
);

const MEASURES: &[Measure] = &[
    ("totalGw", "Capacity", "gw", |_, r| {
        Some(r.capacity.total_gw)
    }),
    ("bindingGw", "Binding capacity", "gw", |_, r| {
        Some(r.capacity.binding_gw)
    }),
    ("capexUsd", "Capex", "usd", |_, r| {
        Some(r.capacity.capex_usd)
    }),
    ("capexPerGwUsd", "Capex per GW", "usd", |s, _| {
        Some(s.capacity.capex_per_gw_usd)
    }),
    ("vendorRevenueUsd", "Vendor revenue", "usd", |_, r| {
        Some(r.capacity.vendor_revenue_usd)
    }),
    (
        "vendorRevenuePerGwUsd",
        "Vendor revenue per GW",
        "usd",
        |s, _| Some(s.capacity.vendor_revenue_per_gw_usd),
    ),
    ("accelerators", "Accelerators", "count", |_, r| {
        Some(r.capacity.accelerators)
    }),
    (
        "annualCostUsd",
        "Annual cost (depreciation + energy)",
        "usd",
        |_, r| Some(r.capacity.annual_cost_usd),
    ),
    (
        "valueTransferUsd",
        "Equity value given (today)",
        "usd",
        |_, r| r.dilution.as_ref().map(|d| d.value_transfer_usd),
    ),
    (
        "valueTransferPerGwUsd",
        "Equity value given per GW",
        "usd",
        |_, r| r.dilution.as_ref().map(|d| d.value_transfer_per_gw_usd),
    ),
    ("maxOwnership", "Maximum ownership", "fraction", |_, r| {
        r.dilution.as_ref().map(|d| d.max_ownership)
    }),
    (
        "effectiveDiscount",
        "Equity given ÷ vendor revenue",
        "fraction",
        |_, r| r.dilution.as_ref().map(|d| d.effective_discount),
    ),
    ("investmentUsd", "Vendor investment", "usd", |_, r| {
        r.investment.as_ref().map(|i| i.total_usd)
    }),
    (
        "investmentPerGwUsd",
        "Vendor investment per GW",
        "usd",
        |_, r| {
            r.investment
                .as_ref()
                .map(|i| ratio(i.total_usd, r.capacity.total_gw))
        },
    ),
    (
        "circularity",
        "Investment ÷ vendor revenue",
        "fraction",
        |_, r| r.investment.as_ref().map(|i| i.circularity),
    ),
    ("contractValueUsd", "Contract value", "usd", |_, r| {
        r.contract.as_ref().map(|c| c.value_usd)
    }),
    (
        "contractPerGwUsd",
        "Contract value per GW",
        "usd",
        |_, r| r.contract.as_ref().map(|c| c.value_per_gw_usd),
    ),
    (
        "contractPerYearUsd",
        "Contract value per year",
        "usd",
        |_, r| r.contract.as_ref().map(|c| c.value_per_year_usd),
    ),
];

/// Compares validated scenarios.
pub fn compare(scenarios: &[Scenario]) -> Comparison {
    let reports: Vec<Report> = scenarios.iter().map(evaluate).collect();
    Comparison {
        deals: scenarios.iter().map(|s| s.name.clone()).collect(),
        rows: MEASURES
            .iter()
            .map(|&(key, label, unit, measure)| ComparisonRow {
                key,
                label,
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

/// Reads a list of scenarios (1 to [`MAX_DEALS`]); problems carry the index, `[1].equity.sharePrice`.
pub fn read_all(value: &serde_json::Value) -> Result<Vec<Scenario>, Vec<Problem>> {
    let items = match value.as_array() {
        Some(items) if !items.is_empty() && items.len() <= MAX_DEALS => items,
        _ => {
            return Err(vec![Problem::new(
                "",
                format!("must be a list of 1 to {MAX_DEALS} scenarios"),
            )])
        }
    };
    let mut scenarios = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match Scenario::from_json(item) {
            Ok(s) => scenarios.push(s),
            Err(ps) => problems.extend(ps.into_iter().map(|p| {
                let path = if p.path.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("[{i}].{}", p.path)
                };
                Problem::new(path, p.message)
            })),
        }
    }
    if problems.is_empty() {
        Ok(scenarios)
    } else {
        Err(problems)
    }
}
