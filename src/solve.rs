//! Goal seek: the value of one input that brings one output to a target.
//!
//! The input is a function from a number to a scenario ([`ScenarioAt`], which the input layer
//! builds from an input id or a field path, [`crate::input::solve_spec`]); the output is a
//! report number or a simulated figure. The search:
//! 1. the output at `lo` and at `hi`; a target outside the two is a problem at `spec.target`
//!    that names both (the search assumes the output moves one way over [lo, hi]);
//! 2. the Illinois variant of false position (Dowell & Jarratt, "A modified regula falsi
//!    method for computing the root of an equation", BIT 11, 1971): the secant through the
//!    bracket's ends, the end kept twice in a row halved in weight, so that the bracket closes
//!    from both sides; superlinear on smooth functions, never leaves the bracket.
//!
//! It stops when the output is within `tolerance` × |target| of the target (deterministic
//! outputs; default 1e-9), or within half a standard error of it (simulated outputs), or when
//! the bracket is narrower than 1e-12 of its ends, or after [`MAX_ITERATIONS`].
//!
//! Simulated outputs use common random numbers: the same `seed` and `paths` at every trial, so
//! the output is one smooth function of the input up to the paths' own steps, and the same spec
//! gives the same answer. The standard error reported is the output's at the value found.

use crate::accounting::{accounting, AccountingOptions};
use crate::montecarlo::{self, options::Options};
use crate::problem::Problem;
use crate::report::{evaluate, Output};
use crate::scenario::Scenario;
use serde::Serialize;

/// Trials after the two ends, at most.
pub const MAX_ITERATIONS: u32 = 60;

/// What is brought to the target.
#[derive(Clone, Copy)]
pub enum SolveOutput {
    /// A report number by its path ([`crate::report::OUTPUTS`]).
    Report(Output),
    /// `valuation.totalFairValueUsd`.
    FairValue,
    /// `valuation.effectiveDiscount`: fair value ÷ PV of expected vendor income.
    EffectiveDiscount,
    /// `accounting.totalReductionUsd`: the chosen standard's total (the default options).
    BooksTotal,
    /// `accounting.reductionShareOfRevenue`.
    BooksShare,
}

impl SolveOutput {
    pub fn simulated(self) -> bool {
        !matches!(self, SolveOutput::Report(_))
    }
}

/// A goal seek, validated.
#[derive(Clone, Copy)]
pub struct SolveSpec {
    pub output: SolveOutput,
    pub target: f64,
    pub lo: f64,
    pub hi: f64,
    /// Relative, deterministic outputs only.
    pub tolerance: f64,
    /// Paths and seed of simulated outputs.
    pub paths: u64,
    pub seed: u64,
}

/// The contract's Solution.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Solution {
    /// The input's value found.
    pub value: f64,
    /// The output at `value`.
    pub output: f64,
    pub target: f64,
    /// Trials after the two ends.
    pub iterations: u32,
    /// Simulated outputs: the output's standard error at `value`, in the output's unit (the
    /// name keeps the contract's); null for report numbers.
    pub standard_error_usd: Option<f64>,
    /// The output at `lo` and at `hi`.
    pub output_at_lo: f64,
    pub output_at_hi: f64,
}

/// The scenario with the input at a value, or the problems that value makes.
pub type ScenarioAt = Box<dyn Fn(f64) -> Result<Scenario, Vec<Problem>>>;

/// A goal seek one trial at a time (the page's worker steps it and tells the progress).
pub struct SolveRun {
    at: ScenarioAt,
    spec: SolveSpec,
    /// The bracket: (x, output − target) at each end, and which end the last trial replaced.
    a: (f64, f64),
    b: (f64, f64),
    side: i8,
    trials: u32,
    outputs: (f64, f64),
    result: Option<Result<Solution, Vec<Problem>>>,
}

impl SolveRun {
    pub fn new(at: ScenarioAt, spec: SolveSpec) -> SolveRun {
        SolveRun {
            at,
            spec,
            a: (spec.lo, f64::NAN),
            b: (spec.hi, f64::NAN),
            side: 0,
            trials: 0,
            outputs: (f64::NAN, f64::NAN),
            result: None,
        }
    }

    /// Trials done, counting the two ends.
    pub fn trials(&self) -> u32 {
        self.trials
    }

    /// The most trials the search takes.
    pub fn max_trials(&self) -> u32 {
        MAX_ITERATIONS + 2
    }

    /// The outcome, once [`SolveRun::step`] returned true.
    pub fn result(&self) -> Option<&Result<Solution, Vec<Problem>>> {
        self.result.as_ref()
    }

    /// The output at `x`: its value and, simulated, its standard error.
    fn measure(&self, x: f64) -> Result<(f64, Option<f64>), Vec<Problem>> {
        let s = (self.at)(x)?;
        measure(&s, &self.spec)
    }

    fn finish(&mut self, x: f64, fx: f64, se: Option<f64>) {
        self.result = Some(Ok(Solution {
            value: x,
            output: fx + self.spec.target,
            target: self.spec.target,
            iterations: self.trials.saturating_sub(2),
            standard_error_usd: se,
            output_at_lo: self.outputs.0,
            output_at_hi: self.outputs.1,
        }));
    }

    /// Whether `fx` (output − target) is close enough to stop.
    fn close(&self, fx: f64, se: Option<f64>) -> bool {
        match se {
            Some(se) => fx.abs() <= 0.5 * se,
            None => fx.abs() <= self.spec.tolerance * self.spec.target.abs().max(f64::MIN_POSITIVE),
        }
    }

    /// Every trial left, and the outcome.
    pub fn run(mut self) -> Result<Solution, Vec<Problem>> {
        while !self.step() {}
        self.result.unwrap_or_else(|| Err(Vec::new()))
    }

    /// One trial; true when the search is over ([`SolveRun::result`]).
    pub fn step(&mut self) -> bool {
        if self.result.is_some() {
            return true;
        }
        let t = self.spec.target;
        let x = match self.trials {
            0 => self.spec.lo,
            1 => self.spec.hi,
            _ => {
                let ((a, fa), (b, fb)) = (self.a, self.b);
                (a * fb - b * fa) / (fb - fa)
            }
        };
        let (fx, se) = match self.measure(x) {
            Ok((y, se)) => (y - t, se),
            Err(problems) => {
                self.result = Some(Err(problems));
                return true;
            }
        };
        self.trials += 1;
        match self.trials {
            1 => {
                self.a.1 = fx;
                self.outputs.0 = fx + t;
                if self.close(fx, se) {
                    self.finish(x, fx, se);
                }
            }
            2 => {
                self.b.1 = fx;
                self.outputs.1 = fx + t;
                if self.close(fx, se) {
                    self.finish(x, fx, se);
                } else if self.a.1.signum() == fx.signum() {
                    let (lo, hi) = self.outputs;
                    let msg = format!(
                        "is outside what the input reaches between lo and hi: {lo} to {hi}"
                    );
                    let problem = Problem::new("spec.target", "target_outside", msg)
                        .with("min", lo.min(hi))
                        .with("max", lo.max(hi));
                    self.result = Some(Err(vec![problem]));
                }
            }
            _ => {
                let narrow = (self.b.0 - self.a.0).abs()
                    <= 1e-12 * self.a.0.abs().max(self.b.0.abs()).max(1e-300);
                if self.close(fx, se) || narrow || self.trials >= self.max_trials() {
                    self.finish(x, fx, se);
                } else if fx.signum() == self.b.1.signum() {
                    self.b = (x, fx);
                    if self.side == -1 {
                        self.a.1 /= 2.0;
                    }
                    self.side = -1;
                } else {
                    self.a = (x, fx);
                    if self.side == 1 {
                        self.b.1 /= 2.0;
                    }
                    self.side = 1;
                }
            }
        }
        self.result.is_some()
    }
}

/// The output of `spec` for scenario `s`: its value and, simulated, its standard error.
fn measure(s: &Scenario, spec: &SolveSpec) -> Result<(f64, Option<f64>), Vec<Problem>> {
    let simulation = Options {
        paths: spec.paths,
        seed: spec.seed,
        ..Options::defaults(s)
    };
    match spec.output {
        SolveOutput::Report(get) => get(&evaluate(s)).map(|y| (y, None)).ok_or_else(|| {
            let msg = "is not a number in this deal's report at this input";
            vec![Problem::new("spec.output", "output_not_number", msg)]
        }),
        SolveOutput::FairValue | SolveOutput::EffectiveDiscount => {
            let v = montecarlo::value_warrant(s, simulation)?;
            let se = v.standard_error_usd;
            Ok(match spec.output {
                SolveOutput::FairValue => (v.total_fair_value_usd, Some(se)),
                // The discount is the fair value over a deterministic PV: its error scales so.
                _ => (
                    v.effective_discount,
                    Some(se * crate::numeric::ratio(v.effective_discount, v.total_fair_value_usd)),
                ),
            })
        }
        SolveOutput::BooksTotal | SolveOutput::BooksShare => {
            let o = AccountingOptions {
                simulation: Options {
                    steps_per_year: crate::accounting::DEFAULT_STEPS_PER_YEAR,
                    ..simulation
                },
                ..AccountingOptions::defaults(s)
            };
            let a = accounting(s, &o)?;
            // Each tranche's amount carries its fair value's relative error; added as if fully
            // correlated (one set of paths), an upper bound.
            let se: f64 = a
                .tranches
                .iter()
                .map(|t| {
                    crate::accounting::tranche_amount(t, a.standard)
                        * crate::numeric::ratio(t.standard_error_usd, t.fair_value_per_share_usd)
                })
                .sum();
            Ok(match spec.output {
                SolveOutput::BooksTotal => (a.total_reduction_usd, Some(se)),
                _ => (
                    a.reduction_share_of_revenue,
                    Some(
                        se * crate::numeric::ratio(
                            a.reduction_share_of_revenue,
                            a.total_reduction_usd,
                        ),
                    ),
                ),
            })
        }
    }
}

/// Runs a goal seek to its end.
pub fn solve(at: ScenarioAt, spec: SolveSpec) -> Result<Solution, Vec<Problem>> {
    SolveRun::new(at, spec).run()
}
