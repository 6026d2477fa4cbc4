//! Which figures rest on assumptions: a figure depends on some inputs, and an input whose
//! source note says "assumption" has no public source. The report names, for the figures that
//! the AMD presets' unpublished tranche terms drive, every assumed input they depend on, so
//! the page can mark them.

use crate::scenario::Scenario;
use serde::Serialize;

/// Inputs the per-tranche figures (milestone, price and vest dates, value at target) depend on.
const TRANCHE_INPUTS: &[&str] = &[
    "warrant.tranches",
    "warrant.expiryDate",
    "warrant.vestingRule",
    "capacity.phases",
    "capacity.deliveryLeadMonths",
    "equity.sharePrice",
    "equity.expectedReturn",
    "equity.basePathGrowth",
];

/// What the fair value depends on besides the tranche inputs.
const FAIR_VALUE_INPUTS: &[&str] = &[
    "warrant.strike",
    "equity.volatility",
    "equity.riskFreeRate",
    "equity.dividendYield",
];

/// Inputs of the ownership after each tranche.
const OWNERSHIP_INPUTS: &[&str] = &[
    "warrant.tranches",
    "warrant.shares",
    "equity.sharesOutstanding",
];

/// The assumed inputs behind figures that depend on them (source fields, in source order).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Assumptions {
    /// Behind the per-tranche rows of the timeline and the dilution.
    pub tranches: Vec<String>,
    /// Behind the warrant's fair value (the tranche inputs and the market's).
    pub fair_value: Vec<String>,
    /// Behind the ownership after each tranche.
    pub ownership: Vec<String>,
}

/// Whether one field path lies inside the other, or they are equal.
fn related(a: &str, b: &str) -> bool {
    let inside = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    };
    inside(a, b) || inside(b, a)
}

/// Whether a source note marks its number as an assumption ("assumption", "Assumption: ...").
pub fn is_assumption(note: &str) -> bool {
    note.trim_start()
        .to_ascii_lowercase()
        .starts_with("assumption")
}

/// The assumed inputs among `inputs` (and inside them) of a scenario.
fn assumed(s: &Scenario, inputs: &[&[&str]]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for src in &s.sources {
        let depends = inputs
            .iter()
            .flat_map(|l| l.iter())
            .any(|d| related(&src.field, d));
        if depends && is_assumption(&src.note) && !out.contains(&src.field) {
            out.push(src.field.clone());
        }
    }
    out
}

/// The assumptions of a scenario's warrant figures; empty lists without assumed inputs.
pub fn evaluate(s: &Scenario) -> Assumptions {
    Assumptions {
        tranches: assumed(s, &[TRANCHE_INPUTS]),
        fair_value: assumed(s, &[TRANCHE_INPUTS, FAIR_VALUE_INPUTS]),
        ownership: assumed(s, &[OWNERSHIP_INPUTS]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_amd_tranche_terms_are_named_as_assumptions() {
        let a = evaluate(&crate::test_deals::version("amd-openai-2025", 0));
        assert!(a.tranches.iter().any(|f| f == "warrant.tranches"), "{a:?}");
        assert!(
            a.tranches.iter().any(|f| f == "warrant.expiryDate"),
            "{a:?}"
        );
        assert!(a.fair_value.len() >= a.tranches.len());
        assert!(a.ownership.iter().any(|f| f == "warrant.tranches"));
        // A sourced input is not listed: the warrant's 160 M shares are in the filing.
        assert!(!a.ownership.iter().any(|f| f == "warrant.shares"));
    }

    #[test]
    fn related_paths_nest_at_field_boundaries() {
        assert!(related(
            "warrant.tranches[2].priceTarget",
            "warrant.tranches"
        ));
        assert!(related("warrant", "warrant.tranches"));
        assert!(!related("warrant.tranchesX", "warrant.tranches"));
    }
}
