//! Inputs made of other inputs: a list of scenarios (`compare`), and a report path naming the
//! measure a tornado swings (`sensitivity`).

use super::scenario;
use crate::problem::{in_list, Problem};
use crate::report::{Output, OUTPUTS};
use crate::scenario::Scenario;
use serde_json::Value;

/// Reads a list of 1 to `max` scenarios; each problem carries its scenario's index,
/// `[1].equity.sharePrice`.
pub fn scenarios(value: &Value, max: usize) -> Result<Vec<Scenario>, Vec<Problem>> {
    let items = match value.as_array() {
        Some(items) if !items.is_empty() && items.len() <= max => items,
        _ => {
            let msg = format!("must be a list of 1 to {max} scenarios");
            let problem = Problem::new("", "scenario_count", msg)
                .with("min", 1.0)
                .with("max", max);
            return Err(vec![problem]);
        }
    };
    let mut scenarios = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match scenario(item) {
            Ok(s) => scenarios.push(s),
            Err(ps) => problems.extend(ps.into_iter().map(|p| {
                let path = in_list(i, &p.path);
                p.at(path)
            })),
        }
    }
    super::finish(scenarios, problems)
}

/// The measure at report path `path` (`dilution.valueTransferUsd`), one of
/// [`crate::report::OUTPUTS`]; a problem at `output` listing them otherwise.
pub fn report_output(path: &str) -> Result<Output, Vec<Problem>> {
    crate::report::output(path).ok_or_else(|| {
        let known: Vec<&str> = OUTPUTS.iter().map(|(p, _)| *p).collect();
        let msg = format!(
            "\"{}\" is not a number of the report; one of: {}",
            super::clip(path),
            known.join(", ")
        );
        vec![Problem::new("output", "unknown_output", msg).with("value", super::clip(path))]
    })
}
