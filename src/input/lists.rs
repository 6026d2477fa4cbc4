//! Inputs made of other inputs: a list of scenarios (`compare`), and a report path naming the
//! measure a tornado swings (`sensitivity`).

use super::{lookup, scenario};
use crate::problem::{in_list, Problem};
use crate::report::Report;
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

/// The number at report path `path` (`dilution.valueTransferUsd`) of a report, as a measure
/// the sensitivity engine can evaluate; `None` where the report has no number there.
pub fn report_output(path: &str) -> impl Fn(&Report) -> Option<f64> + '_ {
    move |report| {
        let value = serde_json::to_value(report).ok()?;
        lookup(&value, path)?.as_f64()
    }
}
