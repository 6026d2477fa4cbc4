//! Capacity: how many gigawatts come online when, and what they cost to build and run.
//!
//! The deal's gigawatts ("GW") are a power figure whose basis the scenario states
//! (`gwBasis`): `facility` counts grid draw including cooling, so IT power = GW ÷ PUE;
//! `it` counts IT load, so facility power = GW × PUE (PUE as defined by The Green Grid,
//! "PUE: A Comprehensive Examination of the Metric", 2012).
//!
//! Formulas (per deal, `G` = total deal GW):
//! - capex = G × capexPerGwUsd; vendor revenue = G × vendorRevenuePerGwUsd;
//! - accelerators = IT power (W) ÷ wattsPerAccelerator (all-in IT watts each);
//! - annual energy (MWh) = facility power (MW) × 8,760 h × utilization;
//! - annual cost = capital charge + energy cost + operations: the capital charge recovers each
//!   capex component c over its own life n_c (`lifeYears`, else `hardwareLifeYears` for all)
//!   at the cost of capital r, capex_c × CRF(r, n_c) with the capital recovery factor
//!   CRF(r, n) = r ÷ (1 − (1 + r)^(−n)), and 1 ÷ n at r = 0 (the equivalent annual cost;
//!   Brealey, Myers & Allen, "Principles of Corporate Finance", ch. 6); operations are
//!   opexPerGwYearUsd × GW. With r = 0, no opex and one life this is straight-line depreciation
//!   plus energy, the meaning of scenarios written before these fields;
//! - cost per accelerator-hour = annual cost ÷ (accelerators × 8,760 h × utilization), i.e. per
//!   hour of use.
//!
//! The schedule assumes each phase's gigawatts come online linearly in time between its start
//! and end dates (a step on the day when they are equal), and that capex and vendor revenue
//! are booked as the gigawatts come online.

mod ramp;

pub use ramp::{Ramp, RampPiece, RampProfile};

use crate::date::{Date, DAYS_PER_MONTH};
use crate::numeric::ratio;
use crate::scenario::{Capacity, GwBasis, Scenario};
use serde::Serialize;

/// Hours in a (non-leap) year, for steady-state annual energy.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// The capacity part of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CapacityReport {
    /// Σ phase GW, in the deal's basis.
    pub total_gw: f64,
    /// The basis of `totalGw`: "facility" or "it".
    pub gw_basis: GwBasis,
    /// totalGw × capexPerGwUsd.
    pub capex_usd: f64,
    /// capexUsd by category (capexUsd × split).
    pub capex_by_category_usd: CapexByCategory,
    /// totalGw × vendorRevenuePerGwUsd.
    pub vendor_revenue_usd: f64,
    /// vendorRevenueUsd ÷ capexUsd (0 when capex is 0).
    pub vendor_share_of_capex: f64,
    /// itPowerGw × 1e9 ÷ wattsPerAccelerator.
    pub accelerators: f64,
    /// IT power in GW: totalGw ÷ PUE on a facility basis, totalGw on an IT basis.
    pub it_power_gw: f64,
    /// Facility power in GW: totalGw on a facility basis, totalGw × PUE on an IT basis.
    pub facility_power_gw: f64,
    /// facilityPowerGw × 1,000 MW/GW × 8,760 h × utilization, at full deployment.
    pub annual_energy_mwh: f64,
    /// annualEnergyMwh × electricityUsdPerMwh.
    pub annual_energy_cost_usd: f64,
    /// Σ capex component ÷ its life (straight line, no salvage).
    pub annual_depreciation_usd: f64,
    /// Σ capex component × CRF(costOfCapital, its life): depreciation plus the return on the
    /// capital tied up.
    pub annual_capital_charge_usd: f64,
    /// totalGw × opexPerGwYearUsd.
    pub annual_opex_usd: f64,
    /// annualCapitalChargeUsd + annualEnergyCostUsd + annualOpexUsd.
    pub annual_cost_usd: f64,
    /// annualCostUsd ÷ (accelerators × 8,760 h × utilization); 0 at zero utilization.
    pub cost_per_accelerator_hour_usd: f64,
    /// Gigawatts of binding phases.
    pub binding_gw: f64,
    /// First and last day of the ramp.
    pub first_online: Date,
    pub fully_online: Date,
    /// One row per calendar year from the first phase start to the last phase end.
    pub schedule: Vec<ScheduleYear>,
}

/// capexUsd by category.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CapexByCategory {
    pub accelerators: f64,
    pub networking: f64,
    pub facility: f64,
    pub other: f64,
}

/// One calendar year of the deployment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleYear {
    pub year: i64,
    /// GW coming online during the year.
    pub gw_added: f64,
    /// GW online at the end of the year (cumulative).
    pub gw_online: f64,
    /// gwAdded × capexPerGwUsd.
    pub capex_usd: f64,
    /// Capex up to the end of the year.
    pub cumulative_capex_usd: f64,
    /// gwAdded × vendorRevenuePerGwUsd.
    pub vendor_revenue_usd: f64,
    /// Vendor revenue up to the end of the year.
    pub cumulative_vendor_revenue_usd: f64,
    /// Energy drawn in the year: ∫ facility GW dt × 24 h × 1,000 × utilization.
    pub energy_mwh: f64,
    /// energyMwh × electricityUsdPerMwh.
    pub energy_cost_usd: f64,
}

/// The capital recovery factor CRF(r, n) = r ÷ (1 − (1 + r)^(−n)): the level annual payment
/// that repays 1 over n years at rate r; 1 ÷ n at r = 0.
pub fn capital_recovery(rate: f64, life_years: f64) -> f64 {
    if rate == 0.0 {
        1.0 / life_years
    } else {
        rate / (1.0 - libm::pow(1.0 + rate, -life_years))
    }
}

/// Days by which GW are delivered before they are online: deliveryLeadMonths × 365.25 ÷ 12.
pub fn delivery_lead_days(k: &Capacity) -> f64 {
    k.delivery_lead_months * DAYS_PER_MONTH
}

/// Facility power per deal GW: 1 on a facility basis, PUE on an IT basis.
pub fn facility_per_deal_gw(basis: GwBasis, pue: f64) -> f64 {
    match basis {
        GwBasis::Facility => 1.0,
        GwBasis::It => pue,
    }
}

/// Evaluates the capacity of a validated scenario.
pub fn evaluate(s: &Scenario) -> CapacityReport {
    let k = &s.capacity;
    let total_gw = s.total_gw();
    let facility_factor = facility_per_deal_gw(k.gw_basis, k.pue);
    let facility_power_gw = total_gw * facility_factor;
    let it_power_gw = facility_power_gw / k.pue;
    let capex_usd = total_gw * k.capex_per_gw_usd;
    let vendor_revenue_usd = total_gw * k.vendor_revenue_per_gw_usd;
    let accelerators = it_power_gw * 1e9 / k.watts_per_accelerator;
    let annual_energy_mwh = facility_power_gw * 1000.0 * HOURS_PER_YEAR * k.utilization;
    let annual_energy_cost_usd = annual_energy_mwh * k.electricity_usd_per_mwh;
    let split = &k.capex_split;
    let lives = k.component_lives();
    let components = [
        (split.accelerators, lives.accelerators),
        (split.networking, lives.networking),
        (split.facility, lives.facility),
        (split.other, lives.other),
    ];
    let annual_depreciation_usd: f64 = components
        .iter()
        .map(|(share, life)| capex_usd * share / life)
        .sum();
    let annual_capital_charge_usd: f64 = components
        .iter()
        .map(|(share, life)| capex_usd * share * capital_recovery(k.cost_of_capital, *life))
        .sum();
    let annual_opex_usd = total_gw * k.opex_per_gw_year_usd;
    let annual_cost_usd = annual_capital_charge_usd + annual_energy_cost_usd + annual_opex_usd;
    let used_hours = accelerators * HOURS_PER_YEAR * k.utilization;
    let ramp = Ramp::from_phases(&k.phases);
    let first = k
        .phases
        .iter()
        .map(|p| p.start)
        .min()
        .unwrap_or(s.valuation_date);
    let last = k
        .phases
        .iter()
        .map(|p| p.end)
        .max()
        .unwrap_or(s.valuation_date);

    let mut schedule = Vec::new();
    let (mut cum_capex, mut cum_rev) = (0.0, 0.0);
    for year in first.year()..=last.year() {
        let a = Date::start_of_year(year).0 as f64;
        let b = Date::start_of_year(year + 1).0 as f64;
        let gw_added = ramp.online_gw_before(b) - ramp.online_gw_before(a);
        let capex = gw_added * k.capex_per_gw_usd;
        let revenue = gw_added * k.vendor_revenue_per_gw_usd;
        cum_capex += capex;
        cum_rev += revenue;
        let energy_mwh = ramp.gw_days(a, b) * facility_factor * 1000.0 * 24.0 * k.utilization;
        schedule.push(ScheduleYear {
            year,
            gw_added,
            gw_online: ramp.online_gw_before(b),
            capex_usd: capex,
            cumulative_capex_usd: cum_capex,
            vendor_revenue_usd: revenue,
            cumulative_vendor_revenue_usd: cum_rev,
            energy_mwh,
            energy_cost_usd: energy_mwh * k.electricity_usd_per_mwh,
        });
    }

    CapacityReport {
        total_gw,
        gw_basis: k.gw_basis,
        capex_usd,
        capex_by_category_usd: CapexByCategory {
            accelerators: capex_usd * split.accelerators,
            networking: capex_usd * split.networking,
            facility: capex_usd * split.facility,
            other: capex_usd * split.other,
        },
        vendor_revenue_usd,
        vendor_share_of_capex: ratio(vendor_revenue_usd, capex_usd),
        accelerators,
        it_power_gw,
        facility_power_gw,
        annual_energy_mwh,
        annual_energy_cost_usd,
        annual_depreciation_usd,
        annual_capital_charge_usd,
        annual_opex_usd,
        annual_cost_usd,
        cost_per_accelerator_hour_usd: ratio(annual_cost_usd, used_hours),
        // fold from +0: an empty f64 sum is −0, which would print as "-0".
        binding_gw: k
            .phases
            .iter()
            .filter(|p| p.binding)
            .fold(0.0, |a, p| a + p.gw),
        first_online: first,
        fully_online: last,
        schedule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_recovery_repays_the_capital() {
        // 8% over 10 years: 0.149029 (the annuity factor of any finance table).
        assert!((capital_recovery(0.08, 10.0) - 0.149_029_489).abs() < 1e-9);
        assert_eq!(capital_recovery(0.0, 4.0), 0.25);
        // The payments' present value is the capital.
        let r = 0.1;
        let pv: f64 = (1..=5)
            .map(|t| capital_recovery(r, 5.0) / libm::pow(1.0 + r, t as f64))
            .sum();
        assert!((pv - 1.0).abs() < 1e-12);
    }
}
