//! Sensitivity: which inputs move a chosen output most — the data of a tornado chart.
//!
//! For each input in [`INPUTS`] (some are groups moved together, such as every phase's GW with
//! the tranches' GW triggers, so that the scenario stays consistent), the scenario is evaluated
//! with the input multiplied by (1 − swing) and by (1 + swing), everything else unchanged. The
//! bars are sorted by the spread |high − low| of the output, largest first; inputs that do not
//! move it are left out. A side whose scaled scenario is invalid (utilization above 1, say) has
//! no value and says why.

use crate::input::{lookup, lookup_mut};
use crate::problem::{summary, Problem};
use crate::report::evaluate;
use crate::scenario::Scenario;
use serde::Serialize;
use serde_json::Value;

/// Inputs that can be swung: a label and the paths moved together (`[*]` = every element).
pub const INPUTS: &[(&str, &[&str])] = &[
    (
        "Deal size (GW)",
        &["capacity.phases[*].gw", "warrant.tranches[*].gwTrigger"],
    ),
    ("PUE", &["capacity.pue"]),
    ("Capex per GW", &["capacity.capexPerGwUsd"]),
    ("Vendor revenue per GW", &["capacity.vendorRevenuePerGwUsd"]),
    ("Watts per accelerator", &["capacity.wattsPerAccelerator"]),
    ("Electricity price", &["capacity.electricityUsdPerMwh"]),
    ("Utilization", &["capacity.utilization"]),
    ("Depreciation life", &["capacity.hardwareLifeYears"]),
    ("Shares outstanding", &["equity.sharesOutstanding"]),
    ("Share price", &["equity.sharePrice"]),
    ("Volatility", &["equity.volatility"]),
    ("Risk-free rate", &["equity.riskFreeRate"]),
    ("Expected return", &["equity.expectedReturn"]),
    (
        "Warrant shares",
        &["warrant.shares", "warrant.tranches[*].shares"],
    ),
    ("Strike", &["warrant.strike"]),
    ("Price targets", &["warrant.tranches[*].priceTarget"]),
    ("Investment per GW", &["investment.usdPerGw"]),
    ("Investment cap", &["investment.maxUsd"]),
    ("Contract value", &["contract.valueUsd"]),
    ("Contract years", &["contract.years"]),
];

/// Tornado data for one output.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Sensitivity {
    /// The report path of the output, e.g. `dilution.valueTransferUsd`.
    pub output: String,
    /// The output at the unchanged scenario.
    pub base: f64,
    pub swing: f64,
    /// Largest spread first.
    pub bars: Vec<Bar>,
}

/// One input's effect.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Bar {
    pub input: &'static str,
    /// The first path moved (the group's representative).
    pub path: &'static str,
    /// The output with the input × (1 − swing); null when that scenario is invalid.
    pub low: Option<f64>,
    /// The output with the input × (1 + swing).
    pub high: Option<f64>,
    /// |high − low| over the sides that have values.
    pub spread: f64,
    /// Why a side has no value.
    pub note: Option<String>,
}

/// Multiplies every number at `path` (with `[*]` wildcards) by `factor`; returns whether any was.
fn scale(value: &mut Value, path: &str, factor: f64) -> bool {
    let parts: Vec<&str> = path.split("[*]").collect();
    scale_parts(value, &parts, factor)
}

fn scale_parts(value: &mut Value, parts: &[&str], factor: f64) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return false;
    };
    let first = first.trim_start_matches('.');
    let target = if first.is_empty() {
        Some(value)
    } else {
        lookup_mut(value, first)
    };
    let Some(target) = target else { return false };
    if rest.is_empty() {
        return match target.as_f64() {
            Some(x) => {
                *target = Value::from(x * factor);
                true
            }
            None => false,
        };
    }
    match target.as_array_mut() {
        Some(items) => {
            let mut any = false;
            for item in items {
                any |= scale_parts(item, rest, factor);
            }
            any
        }
        None => false,
    }
}

/// The output at `output` for a scenario in JSON form.
fn output_of(scenario: &Value, output: &str) -> Result<f64, String> {
    let s = Scenario::from_json(scenario).map_err(|p| summary(&p))?;
    let report = serde_json::to_value(evaluate(&s)).map_err(|e| e.to_string())?;
    lookup(&report, output)
        .and_then(Value::as_f64)
        .ok_or_else(|| format!("{output} is not a number in this deal's report"))
}

/// Tornado data: `output` is a report path to a number; `swing` in (0, 1).
pub fn sensitivity(
    scenario: &Value,
    output: &str,
    swing: f64,
) -> Result<Sensitivity, Vec<Problem>> {
    let mut problems = Scenario::problems(scenario);
    if !(swing > 0.0 && swing < 1.0) {
        problems.push(Problem::new(
            "swing",
            "must be between 0 and 1 (0.1 = ±10%)",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let base = output_of(scenario, output).map_err(|m| vec![Problem::new("output", m)])?;
    let mut bars = Vec::new();
    for &(input, paths) in INPUTS {
        let side = |factor: f64| -> Option<Result<f64, String>> {
            let mut v = scenario.clone();
            let mut moved = false;
            for p in paths {
                moved |= scale(&mut v, p, factor);
            }
            moved.then(|| output_of(&v, output))
        };
        let (Some(low), Some(high)) = (side(1.0 - swing), side(1.0 + swing)) else {
            continue;
        };
        let note = match (&low, &high) {
            (Err(e), _) => Some(format!("−{:.0}%: {e}", swing * 100.0)),
            (_, Err(e)) => Some(format!("+{:.0}%: {e}", swing * 100.0)),
            _ => None,
        };
        let (low, high) = (low.ok(), high.ok());
        let spread = match (low, high) {
            (Some(l), Some(h)) => (h - l).abs(),
            (Some(x), None) | (None, Some(x)) => (x - base).abs(),
            (None, None) => 0.0,
        };
        if spread > 1e-12 * base.abs().max(1e-300) || note.is_some() {
            bars.push(Bar {
                input,
                path: paths[0],
                low,
                high,
                spread,
                note,
            });
        }
    }
    bars.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    Ok(Sensitivity {
        output: output.to_string(),
        base,
        swing,
        bars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn value_transfer_moves_with_price_and_shares_only() {
        let s = presets::get("amd-openai-2025").unwrap().to_json();
        let t = sensitivity(&s, "dilution.valueTransferUsd", 0.1).unwrap();
        let inputs: Vec<&str> = t.bars.iter().map(|b| b.input).collect();
        assert_eq!(inputs.len(), 3, "{inputs:?}");
        assert_eq!(inputs[0], "Share price");
        assert!(inputs.contains(&"Warrant shares") && inputs.contains(&"Strike"));
        let price = &t.bars[0];
        assert!((price.high.unwrap() - 160e6 * (203.71 * 1.1 - 0.01)).abs() < 1.0);
    }

    #[test]
    fn invalid_sides_are_explained() {
        let s = presets::get("amd-openai-2025").unwrap().to_json();
        // Utilization 0.8 × 1.5 = 1.2 is not a fraction.
        let t = sensitivity(&s, "capacity.annualEnergyMwh", 0.5).unwrap();
        let u = t.bars.iter().find(|b| b.input == "Utilization").unwrap();
        assert!(u.high.is_none() && u.note.as_deref().unwrap().contains("utilization"));
    }

    #[test]
    fn bad_output_and_swing_are_problems() {
        let s = presets::get("amd-openai-2025").unwrap().to_json();
        assert_eq!(
            sensitivity(&s, "capacity.nope", 0.1).unwrap_err()[0].path,
            "output"
        );
        assert_eq!(
            sensitivity(&s, "capacity.capexUsd", 1.5).unwrap_err()[0].path,
            "swing"
        );
    }
}
