//! Vendor financing and service contracts: money flowing back from the vendor to the buyer,
//! and capacity bought as a service.
//!
//! Investment (Nvidia's letter of intent: "invest up to $100 billion in OpenAI progressively
//! as each gigawatt is deployed"): by the end of a year the vendor has invested
//! min(maxUsd, usdPerGw × GW online). Circularity = total investment ÷ the vendor's revenue
//! from the deal: the share of the vendor's sales that its own money pays for.
//!
//! Contract (Oracle: about $300 billion over about five years for 4.5 GW): value per GW =
//! valueUsd ÷ total GW; value per year = valueUsd ÷ years (straight average).

use crate::capacity::CapacityReport;
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
    /// vendor revenue − totalUsd: what the vendor keeps after investing.
    pub net_cash_to_vendor_usd: f64,
    /// totalUsd ÷ vendor revenue (0 without vendor revenue).
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
}

/// The investment of a scenario, following its capacity schedule; `None` without one.
pub fn investment(s: &Scenario, capacity: &CapacityReport) -> Option<InvestmentReport> {
    let i = s.investment.as_ref()?;
    let invested_by = |gw: f64| (i.usd_per_gw * gw).min(i.max_usd);
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
        net_cash_to_vendor_usd: capacity.vendor_revenue_usd - total_usd,
        circularity: ratio(total_usd, capacity.vendor_revenue_usd),
        schedule,
    })
}

/// The service contract of a scenario; `None` without one.
pub fn contract(s: &Scenario, total_gw: f64) -> Option<ContractReport> {
    let k = s.contract.as_ref()?;
    Some(ContractReport {
        value_usd: k.value_usd,
        years: k.years,
        value_per_year_usd: k.value_usd / k.years,
        value_per_gw_usd: ratio(k.value_usd, total_gw),
        value_per_gw_year_usd: ratio(k.value_usd, total_gw * k.years),
    })
}
