//! Sensitivity: which inputs move a chosen output most — the data of a tornado chart.
//!
//! For each input in [`INPUTS`] (some are groups moved together, such as every phase's GW with
//! the tranches' GW triggers, so that the scenario stays consistent), the scenario is evaluated
//! with the input multiplied by (1 − swing) and by (1 + swing), everything else unchanged. The
//! bars are sorted by the spread |high − low| of the output, largest first; inputs that do not
//! move it are left out. A side whose scaled scenario is invalid (utilization above 1, say) has
//! no value and carries the problem that made it so.
//!
//! Inputs and outputs are named by ids (`sharePrice`, a report path); the page writes the
//! labels in its language.

use crate::problem::Problem;
use crate::report::{evaluate, Output};
use crate::scenario::{validate, Scenario};
use serde::Serialize;

/// One input a tornado can swing: its id, the first path it moves (the group's
/// representative) and how to scale it; `scale` says whether the deal has anything to move.
pub struct Input {
    pub id: &'static str,
    pub path: &'static str,
    scale: fn(&mut Scenario, f64) -> bool,
}

/// Multiplies `x` by `f`.
fn times(x: &mut f64, f: f64) -> bool {
    *x *= f;
    true
}

/// Multiplies an optional `x` by `f`; false when it is absent.
fn times_opt(x: &mut Option<f64>, f: f64) -> bool {
    x.as_mut().is_some_and(|x| times(x, f))
}

macro_rules! input {
    ($id:literal, $path:literal, |$s:ident, $f:ident| $body:expr) => {
        Input {
            id: $id,
            path: $path,
            scale: |$s: &mut Scenario, $f: f64| $body,
        }
    };
}

impl Input {
    /// Multiplies the input (its group) by `f` in `s`; false when the deal has none of it.
    pub fn scale(&self, s: &mut Scenario, f: f64) -> bool {
        (self.scale)(s, f)
    }
}

/// Inputs that can be swung.
pub const INPUTS: &[Input] = &[
    input!("dealSizeGw", "capacity.phases[*].gw", |s, f| {
        s.capacity.phases.iter_mut().for_each(|p| p.gw *= f);
        if let Some(w) = &mut s.warrant {
            w.tranches.iter_mut().for_each(|t| t.gw_trigger *= f);
        }
        !s.capacity.phases.is_empty()
    }),
    input!("pue", "capacity.pue", |s, f| times(&mut s.capacity.pue, f)),
    input!("capexPerGw", "capacity.capexPerGwUsd", |s, f| {
        times(&mut s.capacity.capex_per_gw_usd, f)
    }),
    input!(
        "vendorRevenuePerGw",
        "capacity.vendorRevenuePerGwUsd",
        |s, f| { times(&mut s.capacity.vendor_revenue_per_gw_usd, f) }
    ),
    input!(
        "wattsPerAccelerator",
        "capacity.wattsPerAccelerator",
        |s, f| { times(&mut s.capacity.watts_per_accelerator, f) }
    ),
    input!(
        "electricityPrice",
        "capacity.electricityUsdPerMwh",
        |s, f| { times(&mut s.capacity.electricity_usd_per_mwh, f) }
    ),
    input!("utilization", "capacity.utilization", |s, f| {
        times(&mut s.capacity.utilization, f)
    }),
    input!("hardwareLife", "capacity.hardwareLifeYears", |s, f| {
        times(&mut s.capacity.hardware_life_years, f)
    }),
    input!("sharesOutstanding", "equity.sharesOutstanding", |s, f| {
        s.equity
            .as_mut()
            .is_some_and(|e| times(&mut e.shares_outstanding, f))
    }),
    input!("sharePrice", "equity.sharePrice", |s, f| {
        s.equity
            .as_mut()
            .is_some_and(|e| times(&mut e.share_price, f))
    }),
    input!("volatility", "equity.volatility", |s, f| {
        // Every volatility: the scalar and each point of the term structure.
        s.equity.as_mut().is_some_and(|e| {
            *e = crate::volatility::scaled(e, f);
            true
        })
    }),
    input!("riskFreeRate", "equity.riskFreeRate", |s, f| {
        s.equity
            .as_mut()
            .is_some_and(|e| times(&mut e.risk_free_rate, f))
    }),
    input!("expectedReturn", "equity.expectedReturn", |s, f| {
        s.equity
            .as_mut()
            .is_some_and(|e| times_opt(&mut e.expected_return, f))
    }),
    input!("warrantShares", "warrant.shares", |s, f| {
        s.warrant.as_mut().is_some_and(|w| {
            w.tranches.iter_mut().for_each(|t| t.shares *= f);
            times(&mut w.shares, f)
        })
    }),
    input!("strike", "warrant.strike", |s, f| {
        s.warrant.as_mut().is_some_and(|w| times(&mut w.strike, f))
    }),
    input!("priceTargets", "warrant.tranches[*].priceTarget", |s, f| {
        s.warrant.as_mut().is_some_and(|w| {
            let mut any = false;
            for t in &mut w.tranches {
                any |= times_opt(&mut t.price_target, f);
            }
            any
        })
    }),
    input!("investmentPerGw", "investment.usdPerGw", |s, f| {
        s.investment
            .as_mut()
            .is_some_and(|i| times(&mut i.usd_per_gw, f))
    }),
    input!("investmentCap", "investment.maxUsd", |s, f| {
        s.investment
            .as_mut()
            .is_some_and(|i| times(&mut i.max_usd, f))
    }),
    input!("contractValue", "contract.valueUsd", |s, f| {
        s.contract
            .as_mut()
            .is_some_and(|k| times(&mut k.value_usd, f))
    }),
    input!("contractYears", "contract.years", |s, f| {
        s.contract.as_mut().is_some_and(|k| times(&mut k.years, f))
    }),
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
    /// The input's id (`sharePrice`, `dealSizeGw`, ...; [`INPUTS`]).
    pub input: &'static str,
    /// The first path moved (the group's representative).
    pub path: &'static str,
    /// The output with the input × (1 − swing); null when that scenario is invalid.
    pub low: Option<f64>,
    /// The output with the input × (1 + swing).
    pub high: Option<f64>,
    /// |high − low| over the sides that have values.
    pub spread: f64,
    /// Why the low side has no value: the first problem of its scenario.
    pub low_problem: Option<Problem>,
    /// Why the high side has no value.
    pub high_problem: Option<Problem>,
}

/// Tornado data for a validated scenario: `output` reads the measure from a report (one of
/// [`crate::report::OUTPUTS`]) and `output_path` names it; `swing` in (0, 1).
pub fn sensitivity(
    scenario: &Scenario,
    output: Output,
    output_path: &str,
    swing: f64,
) -> Result<Sensitivity, Vec<Problem>> {
    if !swing.is_finite() {
        return Err(vec![Problem::not_finite("swing")]);
    }
    if !(swing > 0.0 && swing < 1.0) {
        let msg = "must be between 0 and 1 (0.1 = ±10%)";
        let problem = Problem::new("swing", "range_open", msg)
            .with("min", 0.0)
            .with("max", 1.0);
        return Err(vec![problem]);
    }
    let Some(base) = output(&evaluate(scenario)) else {
        let msg = format!("{output_path} is not a number in this deal's report");
        let problem = Problem::new("output", "output_not_number", msg).with("value", output_path);
        return Err(vec![problem]);
    };
    let mut bars = Vec::new();
    for input in INPUTS {
        let side = |factor: f64| -> Option<Result<f64, Problem>> {
            let mut s = scenario.clone();
            (input.scale)(&mut s, factor).then(|| {
                match validate::check(&s, Vec::new()).into_iter().next() {
                    Some(problem) => Err(problem),
                    None => output(&evaluate(&s)).ok_or_else(|| {
                        let msg = format!("{output_path} is not a number in this deal's report");
                        Problem::new("output", "output_not_number", msg)
                    }),
                }
            })
        };
        let (Some(low), Some(high)) = (side(1.0 - swing), side(1.0 + swing)) else {
            continue;
        };
        let (low, low_problem) = split(low);
        let (high, high_problem) = split(high);
        let spread = match (low, high) {
            (Some(l), Some(h)) => (h - l).abs(),
            (Some(x), None) | (None, Some(x)) => (x - base).abs(),
            (None, None) => 0.0,
        };
        let invalid = low_problem.is_some() || high_problem.is_some();
        if spread > 1e-12 * base.abs().max(1e-300) || invalid {
            bars.push(Bar {
                input: input.id,
                path: input.path,
                low,
                high,
                spread,
                low_problem,
                high_problem,
            });
        }
    }
    bars.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    Ok(Sensitivity {
        output: output_path.to_string(),
        base,
        swing,
        bars,
    })
}

fn split(side: Result<f64, Problem>) -> (Option<f64>, Option<Problem>) {
    match side {
        Ok(x) => (Some(x), None),
        Err(p) => (None, Some(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::report_output;

    fn tornado(output: &str, swing: f64) -> Result<Sensitivity, Vec<Problem>> {
        let s = crate::test_deals::version("amd-openai-2025", 0);
        sensitivity(&s, report_output(output)?, output, swing)
    }

    #[test]
    fn value_transfer_moves_with_price_and_shares_only() {
        let t = tornado("dilution.valueTransferUsd", 0.1).unwrap();
        let inputs: Vec<&str> = t.bars.iter().map(|b| b.input).collect();
        assert_eq!(inputs.len(), 3, "{inputs:?}");
        assert_eq!(inputs[0], "sharePrice");
        assert!(inputs.contains(&"warrantShares") && inputs.contains(&"strike"));
        let price = &t.bars[0];
        assert!((price.high.unwrap() - 160e6 * (203.71 * 1.1 - 0.01)).abs() < 1.0);
    }

    #[test]
    fn invalid_sides_carry_their_problem() {
        // Utilization 0.8 × 1.5 = 1.2 is not a fraction.
        let t = tornado("capacity.annualEnergyMwh", 0.5).unwrap();
        let u = t.bars.iter().find(|b| b.input == "utilization").unwrap();
        let problem = u.high_problem.as_ref().unwrap();
        assert!(u.high.is_none() && problem.path == "capacity.utilization");
        assert_eq!(problem.code, "fraction");
    }

    #[test]
    fn bad_output_and_swing_are_problems() {
        assert_eq!(tornado("capacity.nope", 0.1).unwrap_err()[0].path, "output");
        assert_eq!(
            tornado("capacity.capexUsd", 1.5).unwrap_err()[0].path,
            "swing"
        );
    }

    #[test]
    fn every_input_id_is_unique() {
        let mut ids: Vec<&str> = INPUTS.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), INPUTS.len());
    }
}
