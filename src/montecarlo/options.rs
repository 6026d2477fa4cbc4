//! The options of a valuation (`valueWarrant`'s second argument), typed. Reading them from
//! JSON is the input layer's job ([`crate::input::valuation_options`]).

use crate::scenario::{PriceTestKind, Scenario};

/// Most paths in one valuation.
pub const MAX_PATHS: u64 = 2_000_000;
/// Most path-steps (paths × grid steps) in one valuation: about a few seconds of work.
pub const MAX_PATH_STEPS: f64 = 1.5e9;
/// Most tranches the control variate covers (its covariance is quadratic in them).
pub const MAX_CONTROLLED_TRANCHES: usize = 24;
/// Trading days a year, for converting `days` of an average test to grid closes.
pub const TRADING_DAYS_PER_YEAR: f64 = 252.0;
/// Finest grid accepted: ten steps a trading day.
pub const MAX_STEPS_PER_YEAR: u32 = 2520;
/// Largest seed: the largest integer a JS number holds exactly (2⁵³ − 1).
pub const MAX_SEED: u64 = 9_007_199_254_740_991;

/// Options of `valueWarrant`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Paths (rounded up to an even number with antithetic pairs). Default 20,000.
    pub paths: u64,
    /// Seed of every stream. Default 1.
    pub seed: u64,
    /// Grid steps a year. Default [`Options::default_steps_per_year`].
    pub steps_per_year: u32,
    /// Antithetic pairs. Default true.
    pub antithetic: bool,
    /// The one-touch control variate. Default true. It pays with pseudo-random paths; under
    /// `quasi_random` it lowered no standard error in our measurements and costs about a fifth
    /// of the run (docs/BENCHMARKS.md), so the page's default run turns it off there.
    pub control_variate: bool,
    /// Delta and vega by common random numbers (four more runs, [`super::greeks`]). Default
    /// false.
    pub greeks: bool,
    /// Randomized quasi-Monte Carlo ([`super::quasi`]): scrambled Sobol points through a
    /// Brownian bridge, each block of pairs one randomization.
    pub quasi_random: bool,
}

impl Options {
    /// The defaults for a scenario.
    pub fn defaults(scenario: &Scenario) -> Options {
        Options {
            paths: 20_000,
            seed: 1,
            steps_per_year: Options::default_steps_per_year(scenario),
            antithetic: true,
            control_variate: true,
            greeks: false,
            quasi_random: false,
        }
    }

    /// 252 (trading days) when a tranche has a `close` or `average` test, which need daily
    /// closes; else 52 (weekly, exact for `touch` by the Brownian bridge).
    pub fn default_steps_per_year(scenario: &Scenario) -> u32 {
        let needs_daily = scenario.warrant.as_ref().is_some_and(|w| {
            w.tranches
                .iter()
                .any(|t| t.price_target.is_some() && t.price_test.kind != PriceTestKind::Touch)
        });
        if needs_daily {
            252
        } else {
            52
        }
    }
}
