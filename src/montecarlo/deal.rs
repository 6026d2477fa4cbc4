//! The deal as the simulation reads it: the warrant's terms, the issuer's equity, the phases
//! and the few figures of the rest of the scenario that the valuation needs, taken once from
//! a validated scenario ([`Deal::of`]). The model ([`super::model`]) is built from it, the
//! Greeks bump its equity, and the simulation build of the page receives it as numbers
//! ([`super::handoff`]) instead of reading a scenario itself.

use crate::date::Date;
use crate::problem::Problem;
use crate::scenario::{Equity, Phase, Scenario, Warrant};

/// The parts of a validated scenario that a valuation reads. Names and labels are left empty
/// (the simulation reads none), so that a deal passed as numbers comes back equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    pub valuation_date: Date,
    pub warrant: Warrant,
    pub equity: Equity,
    /// The capacity's phases, in the scenario's order.
    pub phases: Vec<Phase>,
    /// ρ between a phase's delay and the share price ([`super::deployment`]).
    pub price_correlation: f64,
    /// Days by which GW are delivered before they are online (milestones count delivered GW).
    pub lead_days: f64,
    /// Present value of the expected vendor income at the valuation date
    /// ([`crate::expected`]): what the effective discount divides by.
    pub vendor_income_pv_usd: f64,
}

impl Deal {
    /// The deal of a validated scenario; a problem at `warrant` if it has no warrant on equity.
    pub fn of(scenario: &Scenario) -> Result<Deal, Vec<Problem>> {
        let Some((w, e)) = scenario.warrant_on_equity() else {
            let msg = "the deal has no warrant to value";
            return Err(vec![Problem::new("warrant", "no_warrant", msg)]);
        };
        let warrant = Warrant {
            holder: String::new(),
            ..w.clone()
        };
        let equity = Equity {
            issuer: String::new(),
            base_path_growth: None,
            listed: None,
            ..e.clone()
        };
        let phases = scenario
            .capacity
            .phases
            .iter()
            .map(|p| Phase {
                label: String::new(),
                ..p.clone()
            })
            .collect();
        Ok(Deal {
            valuation_date: scenario.valuation_date,
            warrant,
            equity,
            phases,
            price_correlation: scenario.capacity.price_correlation,
            lead_days: crate::capacity::delivery_lead_days(&scenario.capacity),
            vendor_income_pv_usd: crate::expected::evaluate(scenario)
                .present_value
                .vendor_income_usd,
        })
    }
}
