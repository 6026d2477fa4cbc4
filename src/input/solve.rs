//! A goal seek's spec (`solve(scenario, spec)`): the output by its path, the input by its id or
//! field path, the bracket and the simulation's paths and seed; and the function that puts the
//! input at a value in the scenario ([`crate::solve::ScenarioAt`]).
//!
//! An input id (`volatility`, [`crate::sensitivity::INPUTS`]) moves its group together, as the
//! tornado does: the scenario's inputs are multiplied by x ÷ the representative field's value
//! today, so that x is that field's new value (for `dealSizeGw`, whose representative is every
//! phase, x is the factor itself). A field path (`warrant.tranches[0].priceTarget`) sets that
//! number alone. Either way the scenario is checked again at each value.

use super::path::{lookup, path_parts, PathPart};
use super::{finish, Reader};
use crate::montecarlo::options::{Options, MAX_PATHS, MAX_SEED};
use crate::problem::Problem;
use crate::scenario::{validate, Scenario};
use crate::sensitivity::INPUTS;
use crate::solve::{ScenarioAt, SolveOutput, SolveSpec};
use serde_json::Value;

const SPEC_FIELDS: &[&str] = &[
    "output",
    "target",
    "input",
    "lo",
    "hi",
    "tolerance",
    "paths",
    "seed",
];

/// The simulated outputs by path.
const SIMULATED: &[(&str, SolveOutput)] = &[
    ("valuation.totalFairValueUsd", SolveOutput::FairValue),
    (
        "valuation.effectiveDiscount",
        SolveOutput::EffectiveDiscount,
    ),
    ("accounting.totalReductionUsd", SolveOutput::BooksTotal),
    (
        "accounting.reductionShareOfRevenue",
        SolveOutput::BooksShare,
    ),
];

/// Reads a spec for `scenario` (its JSON `value`, already read into `scenario`): the spec and
/// the function from the input's value to the scenario.
pub fn solve_spec(
    value: &Value,
    scenario: &Scenario,
    spec: &Value,
) -> Result<(SolveSpec, ScenarioAt), Vec<Problem>> {
    let mut r = Reader::default();
    let o = r.object(spec, "spec", SPEC_FIELDS);
    let output_path = r.string(o, "output", "spec");
    let input = r.string(o, "input", "spec");
    let target = r.number(o, "target", "spec");
    let lo = r.number(o, "lo", "spec");
    let hi = r.number(o, "hi", "spec");
    let tolerance = r.opt_number(o, "tolerance", "spec").unwrap_or(1e-9);
    let defaults = Options::defaults(scenario);
    let paths = r
        .opt_number(o, "paths", "spec")
        .unwrap_or(defaults.paths as f64);
    let seed = r
        .opt_number(o, "seed", "spec")
        .unwrap_or(defaults.seed as f64);
    for (key, x, min, max) in [
        ("paths", paths, 2.0, MAX_PATHS as f64),
        ("seed", seed, 0.0, MAX_SEED as f64),
    ] {
        let whole = x.fract() == 0.0 && x >= min && x <= max;
        if !whole && !r.has_problem(&format!("spec.{key}")) {
            let msg = "must be a whole number in its range";
            let problem = Problem::new(format!("spec.{key}"), "whole_range", msg)
                .with("min", min)
                .with("max", max);
            r.report(problem);
        }
    }
    let in_range = tolerance > 0.0 && tolerance <= 0.1;
    if !in_range && !r.has_problem("spec.tolerance") {
        let msg = "must be above 0 and at most 0.1 (relative)";
        let problem = Problem::new("spec.tolerance", "range_above", msg)
            .with("min", 0.0)
            .with("max", 0.1);
        r.report(problem);
    }
    if !r.has_problem("spec.lo") && !r.has_problem("spec.hi") && lo >= hi {
        let msg = "must be above lo";
        r.report(Problem::new("spec.hi", "not_above", msg).with("min", lo));
    }
    let output = SIMULATED
        .iter()
        .find(|(p, _)| *p == output_path)
        .map(|(_, o)| *o)
        .or_else(|| crate::report::output(&output_path).map(SolveOutput::Report));
    if output.is_none() && !r.has_problem("spec.output") {
        let msg = "is not a number of the report or a simulated figure";
        let problem = Problem::new("spec.output", "unknown_output", msg)
            .with("value", super::clip(&output_path));
        r.report(problem);
    }
    if output.is_some_and(SolveOutput::simulated) && scenario.warrant_on_equity().is_none() {
        let msg = "needs a deal with a warrant";
        r.report(Problem::new("spec.output", "no_warrant", msg));
    }
    let at = if r.has_problem("spec.input") {
        None
    } else {
        scenario_at(&mut r, value, scenario, &input)
    };
    let (Some(output), Some(at)) = (output, at) else {
        return Err(r.problems);
    };
    let spec = SolveSpec {
        output,
        target,
        lo,
        hi,
        tolerance,
        paths: paths as u64,
        seed: seed as u64,
    };
    finish((spec, at), r.problems)
}

/// The scenario with `input` at a value: by id (its group) or by field path.
fn scenario_at(
    r: &mut Reader,
    value: &Value,
    scenario: &Scenario,
    input: &str,
) -> Option<ScenarioAt> {
    if let Some(i) = INPUTS.iter().position(|i| i.id == input) {
        let base = if INPUTS[i].path.contains("[*]") {
            1.0
        } else {
            lookup(value, INPUTS[i].path)
                .and_then(Value::as_f64)
                .unwrap_or(f64::NAN)
        };
        let mut probe = scenario.clone();
        if !(base.is_finite() && base != 0.0 && INPUTS[i].scale(&mut probe, 1.0)) {
            let msg = "has nothing to move in this deal";
            r.report(Problem::new("spec.input", "input_not_number", msg).with("value", input));
            return None;
        }
        let s = scenario.clone();
        return Some(Box::new(move |x: f64| {
            let mut at = s.clone();
            INPUTS[i].scale(&mut at, x / base);
            let problems = validate::check(&at, Vec::new());
            if problems.is_empty() {
                Ok(at)
            } else {
                Err(problems)
            }
        }));
    }
    if !lookup(value, input).is_some_and(Value::is_number) {
        let msg = "is neither an input id nor the path of a number in this deal";
        r.report(
            Problem::new("spec.input", "unknown_input", msg).with("value", super::clip(input)),
        );
        return None;
    }
    let (v, path) = (value.clone(), input.to_string());
    Some(Box::new(move |x: f64| {
        let mut at = v.clone();
        set_number(&mut at, &path, x);
        super::scenario(&at)
    }))
}

/// Sets the number at `path` (which holds one) to `x`.
fn set_number(v: &mut Value, path: &str, x: f64) {
    let mut at = v;
    for part in path_parts(path).unwrap_or_default() {
        let next = match part {
            PathPart::Key(k) => at.get_mut(k),
            PathPart::Index(i) => at.get_mut(i),
        };
        let Some(next) = next else { return };
        at = next;
    }
    if let Some(n) = serde_json::Number::from_f64(x) {
        *at = Value::Number(n);
    }
}
