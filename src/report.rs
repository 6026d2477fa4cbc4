//! The report: everything `evaluate` computes from a validated scenario, deterministically.

use crate::capacity::{self, CapacityReport};
use crate::dilution::{self, DilutionReport};
use crate::financing::{self, ContractReport, InvestmentReport};
use crate::scenario::Scenario;
use crate::vesting::{self, VestingReport};
use serde::Serialize;

/// The contract's Report. Parts that need a warrant, an investment or a contract are null
/// when the scenario has none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub capacity: CapacityReport,
    pub dilution: Option<DilutionReport>,
    pub vesting: Option<VestingReport>,
    pub investment: Option<InvestmentReport>,
    pub contract: Option<ContractReport>,
}

/// Evaluates a validated scenario.
pub fn evaluate(s: &Scenario) -> Report {
    let capacity = capacity::evaluate(s);
    Report {
        dilution: dilution::evaluate(s, capacity.vendor_revenue_usd),
        vesting: vesting::evaluate(s),
        investment: financing::investment(s, &capacity),
        contract: financing::contract(s, capacity.total_gw),
        capacity,
    }
}
