//! Vendor financing and service contracts: money flowing back from the vendor to the buyer,
//! and capacity bought as a service.
//!
//! Investment (Nvidia's letter of intent: "invest up to $100 billion in OpenAI progressively
//! as each gigawatt is deployed"): by the end of a year the vendor has invested
//! min(maxUsd, usdPerGw × GW online). Circularity = total investment ÷ what the buyer pays the
//! vendor in the deal (vendor revenue plus contract payments): the share of the vendor's sales
//! that its own money pays for.
//!
//! Contract (Oracle: about $300 billion over about five years for 4.5 GW, from 2027): paid
//! by the parties' yearly `schedule` where one is given, else evenly over the term, from `start` (the first phase's start when absent) for `years` years;
//! a calendar year receives valueUsd × (its share of the term), the share measured in years
//! (days of the term in the year ÷ days of that year), normalised so that the years sum to
//! valueUsd exactly. Value per GW = valueUsd ÷ total GW; value per year = valueUsd ÷ years.
//! A contract pays for the capacity as a service (capex, energy, operations and the vendor's
//! margin), so it is rightly above the capex of the same gigawatts; such a deal books no
//! GW × vendorRevenuePerGwUsd on top (its presets set that to 0).

use crate::capacity::CapacityReport;
use crate::date::{date_after_years, Date};
use crate::numeric::ratio;
use crate::scenario::Scenario;
use serde::Serialize;

/// The investment part of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InvestmentReport {
    pub investor: String,
    /// min(maxUsd, usdPerGw × total GW).
    pub total_usd: f64,
    /// vendor revenue + contract payments − totalUsd: what the vendor keeps after investing.
    pub net_cash_to_vendor_usd: f64,
    /// totalUsd ÷ (vendor revenue + contract payments); 0 when the buyer pays nothing.
    pub circularity: f64,
    pub schedule: Vec<InvestmentYear>,
}

/// One calendar year of investment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InvestmentYear {
    pub year: i64,
    /// Invested during the year.
    pub invested_usd: f64,
    /// Invested up to the end of the year.
    pub cumulative_usd: f64,
}

/// The contract part of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ContractReport {
    pub value_usd: f64,
    pub years: f64,
    /// valueUsd ÷ years.
    pub value_per_year_usd: f64,
    /// valueUsd ÷ total GW.
    pub value_per_gw_usd: f64,
    /// valueUsd ÷ (total GW × years).
    pub value_per_gw_year_usd: f64,
    /// First day of the term.
    pub start: Date,
    /// Day after the last day of the term: `start` plus `years` (calendar years, a fraction
    /// of a year as ACT/365.25 days).
    pub end: Date,
    /// Payments by calendar year: the scenario's `schedule`, else evenly over the term; they
    /// sum to valueUsd.
    pub schedule: Vec<ContractYear>,
}

/// One calendar year of contract payments.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ContractYear {
    pub year: i64,
    pub usd: f64,
}

/// The investment of a scenario, following its capacity schedule; `None` without one.
pub fn investment(s: &Scenario, capacity: &CapacityReport) -> Option<InvestmentReport> {
    let paid = capacity.vendor_revenue_usd + s.contract.as_ref().map_or(0.0, |k| k.value_usd);
    let i = s.investment.as_ref()?;
    let rule = i.rule();
    let invested_by = |gw: f64| rule.paid(gw);
    let mut previous = 0.0;
    let schedule = capacity
        .schedule
        .iter()
        .map(|y| {
            let cumulative = invested_by(y.gw_online);
            let row = InvestmentYear {
                year: y.year,
                invested_usd: cumulative - previous,
                cumulative_usd: cumulative,
            };
            previous = cumulative;
            row
        })
        .collect();
    let total_usd = invested_by(capacity.total_gw);
    Some(InvestmentReport {
        investor: i.investor.clone(),
        total_usd,
        net_cash_to_vendor_usd: paid - total_usd,
        circularity: ratio(total_usd, paid),
        schedule,
    })
}

/// The service contract of a scenario; `None` without one.
pub fn contract(s: &Scenario, total_gw: f64) -> Option<ContractReport> {
    let k = s.contract.as_ref()?;
    let start = contract_start(s)?;
    let whole = f64::floor(k.years);
    let (y, m, d) = start.ymd();
    let end = date_after_years(Date::from_ymd(y + whole as i64, m, d), k.years - whole);
    // Years of the term falling in each calendar year.
    let shares: Vec<(i64, f64)> = (start.year()..=end.plus_days(-1).year())
        .map(|year| {
            let (a, b) = (Date::start_of_year(year), Date::start_of_year(year + 1));
            let days = (b.0.min(end.0) - a.0.max(start.0)).max(0) as f64;
            (year, days / (b.0 - a.0) as f64)
        })
        .collect();
    let total: f64 = shares.iter().map(|(_, x)| x).sum();
    let schedule = if k.schedule.is_empty() {
        shares
            .into_iter()
            .map(|(year, share)| ContractYear {
                year,
                usd: k.value_usd * ratio(share, total),
            })
            .collect()
    } else {
        // The parties' own yearly amounts (validation: they sum to valueUsd).
        k.schedule
            .iter()
            .map(|p| ContractYear {
                year: p.year,
                usd: p.usd,
            })
            .collect()
    };
    Some(ContractReport {
        value_usd: k.value_usd,
        years: k.years,
        value_per_year_usd: k.value_usd / k.years,
        value_per_gw_usd: ratio(k.value_usd, total_gw),
        value_per_gw_year_usd: ratio(k.value_usd, total_gw * k.years),
        start,
        end,
        schedule,
    })
}

/// The first day of a scenario's contract: its `start`, else the first phase's start.
pub fn contract_start(s: &Scenario) -> Option<Date> {
    let k = s.contract.as_ref()?;
    k.start
        .or_else(|| s.capacity.phases.iter().map(|p| p.start).min())
}
