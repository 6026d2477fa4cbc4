//! Valuation options (`valueWarrant`'s second argument) and accounting options
//! (`accounting`'s) from JSON: every field optional, each problem at `options.<field>`.

use super::{finish, Object, Reader};
use crate::accounting::{AccountingOptions, Attribution, Standard, DEFAULT_PROBABLE_THRESHOLD};
use crate::montecarlo::options::{Options, MAX_PATHS, MAX_SEED, MAX_STEPS_PER_YEAR};
use crate::problem::Problem;
use crate::scenario::Scenario;
use serde_json::Value;

const OPTION_FIELDS: &[&str] = &[
    "paths",
    "seed",
    "stepsPerYear",
    "antithetic",
    "controlVariate",
    "greeks",
    "quasiRandom",
];

/// Reads valuation options for `scenario`, whose tests set the default grid
/// ([`Options::default_steps_per_year`]); `null` means every default.
pub fn valuation_options(v: &Value, scenario: &Scenario) -> Result<Options, Vec<Problem>> {
    let mut r = Reader::default();
    let empty = Value::Object(Default::default());
    let v = if v.is_null() { &empty } else { v };
    let o = r.object(v, "options", OPTION_FIELDS);
    let mut options = read_options(&mut r, o, Options::defaults(scenario));
    options.greeks = r.opt_bool(o, "greeks", "options").unwrap_or(false);
    finish(options, r.problems)
}

const ACCOUNTING_FIELDS: &[&str] = &[
    "paths",
    "seed",
    "stepsPerYear",
    "antithetic",
    "controlVariate",
    "quasiRandom",
    "probableThreshold",
    "standard",
    "attribution",
    "adoptionDate",
];

/// Reads accounting options for `scenario` (its simulations' options, the probable threshold
/// and the standard); `null` means every default.
pub fn accounting_options(
    v: &Value,
    scenario: &Scenario,
) -> Result<AccountingOptions, Vec<Problem>> {
    let mut r = Reader::default();
    let empty = Value::Object(Default::default());
    let v = if v.is_null() { &empty } else { v };
    let o = r.object(v, "options", ACCOUNTING_FIELDS);
    let defaults = AccountingOptions::defaults(scenario);
    let simulation = read_options(&mut r, o, defaults.simulation);
    let threshold = r.opt_number(o, "probableThreshold", "options");
    if let Some(x) = threshold.filter(|x| !(*x > 0.0 && *x <= 1.0)) {
        let msg = format!("must be above 0 and at most 1 (a probability), not {x}");
        let problem = Problem::new("options.probableThreshold", "range_above", msg)
            .with("min", 0.0)
            .with("max", 1.0)
            .with("unit", "");
        r.report(problem);
    }
    let standards = [
        ("asu-2025-04", Standard::Asu202504),
        ("service-condition", Standard::ServiceCondition),
        ("as-occurred", Standard::AsOccurred),
    ];
    let standard = r.choice(
        o,
        "standard",
        "options",
        &standards,
        defaults.standard,
        false,
    );
    let attributions = [
        ("tranche", Attribution::Tranche),
        ("contract", Attribution::Contract),
    ];
    let attribution = r.choice(
        o,
        "attribution",
        "options",
        &attributions,
        defaults.attribution,
        false,
    );
    let adoption_date = r.opt_date(o, "adoptionDate", "options");
    let grant = scenario.warrant.as_ref().map(|w| w.issue_date);
    if let (Some(d), Some(g)) = (adoption_date, grant) {
        if d < g {
            let msg = "must not be before the warrant's grant (its issue date)";
            let problem = Problem::new("options.adoptionDate", "before_grant", msg);
            r.report(problem.with("min", g.to_string()));
        }
    }
    let options = AccountingOptions {
        simulation,
        probable_threshold: threshold.unwrap_or(DEFAULT_PROBABLE_THRESHOLD),
        standard,
        attribution,
        adoption_date,
    };
    finish(options, r.problems)
}

/// The simulation's options: each field read over its default.
fn read_options(r: &mut Reader, o: &Object, defaults: Options) -> Options {
    Options {
        paths: whole(r, o, "paths", 2.0, MAX_PATHS as f64, defaults.paths as f64) as u64,
        seed: whole(r, o, "seed", 0.0, MAX_SEED as f64, defaults.seed as f64) as u64,
        steps_per_year: whole(
            r,
            o,
            "stepsPerYear",
            1.0,
            MAX_STEPS_PER_YEAR as f64,
            defaults.steps_per_year as f64,
        ) as u32,
        antithetic: r
            .opt_bool(o, "antithetic", "options")
            .unwrap_or(defaults.antithetic),
        control_variate: r
            .opt_bool(o, "controlVariate", "options")
            .unwrap_or(defaults.control_variate),
        greeks: defaults.greeks,
        quasi_random: r
            .opt_bool(o, "quasiRandom", "options")
            .unwrap_or(defaults.quasi_random),
    }
}

/// An optional whole number from `lo` to `hi` at `options.<key>`, else `default`.
fn whole(r: &mut Reader, o: &Object, key: &str, lo: f64, hi: f64, default: f64) -> f64 {
    match r.opt_number(o, key, "options") {
        None => default,
        Some(x) if x.fract() == 0.0 && x >= lo && x <= hi => x,
        Some(_) => {
            let msg = format!("must be a whole number from {lo} to {hi}");
            let problem = Problem::new(format!("options.{key}"), "whole_range", msg)
                .with("min", lo)
                .with("max", hi);
            r.report(problem);
            default
        }
    }
}

/// A valuation request as the boundary receives it: the scenario and the options, read and
/// validated (the scenario first, since it sets the options' defaults).
pub fn valuation_request(
    scenario: &Value,
    options: &Value,
) -> Result<(Scenario, Options), Vec<Problem>> {
    let scenario = super::scenario(scenario)?;
    let options = valuation_options(options, &scenario)?;
    Ok((scenario, options))
}
