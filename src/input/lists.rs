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
    scenarios_at(value, max, "")
}

/// Reads the deals of a portfolio (1 to [`crate::portfolio::MAX_DEALS`]): problems at
/// `scenarios[3].buyer`. Every deal names its buyer and vendor, and two names that differ
/// only in case are a problem at the later one (never a silent merge or split). A `runsOn`
/// names the `id` of a chip deal in the list, and two deals never give one party different
/// parents.
pub fn portfolio_scenarios(value: &Value) -> Result<Vec<Scenario>, Vec<Problem>> {
    let list = scenarios_at(value, crate::portfolio::MAX_DEALS, "scenarios")?;
    let mut problems = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, s) in list.iter().enumerate() {
        for (key, name) in [("buyer", s.buyer.trim()), ("vendor", s.vendor.trim())] {
            let path = format!("scenarios[{i}].{key}");
            if name.is_empty() {
                let msg = "is required in a portfolio: deals are joined on their party names";
                problems.push(Problem::new(path, "required", msg));
                continue;
            }
            match seen
                .iter()
                // ASCII case: party names are company names in Latin letters, and Unicode
                // case folding would cost the .wasm its case tables.
                .find(|n| n.eq_ignore_ascii_case(name))
            {
                Some(other) if other != name => {
                    let msg = format!(
                        "\"{}\" differs from \"{}\" only in case; write the party's name one way",
                        super::clip(name),
                        super::clip(other)
                    );
                    let problem = Problem::new(path, "name_case", msg)
                        .with("value", super::clip(name))
                        .with("other", super::clip(other));
                    problems.push(problem);
                }
                Some(_) => {}
                None => seen.push(name.to_string()),
            }
        }
    }
    links(&list, &mut problems);
    super::finish(list, problems)
}

/// `runsOn` and `parents` across the deals of a portfolio. The messages are plain; the params
/// carry the names (`value`, `options`, `other`), as the page shows them.
fn links(list: &[Scenario], problems: &mut Vec<Problem>) {
    for (i, s) in list.iter().enumerate() {
        if let Some(r) = &s.runs_on {
            let target = r.deal.trim();
            let problem = match list.iter().find(|d| d.id.trim() == target) {
                None => {
                    let ids: Vec<&str> = list.iter().map(|d| d.id.trim()).collect();
                    let msg = "names no deal of this portfolio by its id";
                    Problem::new("runsOn.deal", "unknown_deal", msg).with("options", ids.join(", "))
                }
                Some(d) if d.layer() != crate::scenario::Layer::Chips => Problem::new(
                    "runsOn.deal",
                    "not_chip_deal",
                    "names a deal that is not a chip deal",
                ),
                Some(_) => continue,
            };
            problems.push(
                problem
                    .with("value", super::clip(target))
                    .at(format!("scenarios[{i}].runsOn.deal")),
            );
        }
        for (unit, parent) in &s.parents {
            let earlier = list[..i]
                .iter()
                .find_map(|d| d.parents.get(unit).filter(|p| p.trim() != parent.trim()));
            if let Some(other) = earlier {
                let msg = "gives this party another parent than an earlier deal does";
                let path = format!("scenarios[{i}].parents.{unit}");
                let problem = Problem::new(path, "parent_conflict", msg)
                    .with("value", super::clip(parent))
                    .with("other", super::clip(other));
                problems.push(problem);
            }
        }
    }
}

/// [`scenarios`], each problem's path under `prefix` (`scenarios[1].equity.sharePrice`).
fn scenarios_at(value: &Value, max: usize, prefix: &str) -> Result<Vec<Scenario>, Vec<Problem>> {
    let items = match value.as_array() {
        Some(items) if !items.is_empty() && items.len() <= max => items,
        _ => {
            let msg = format!("must be a list of 1 to {max} scenarios");
            let problem = Problem::new(prefix, "scenario_count", msg)
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
                let path = format!("{prefix}{}", in_list(i, &p.path));
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
