//! Monte Carlo valuation of the warrant: when each tranche vests, how likely, and what it is
//! worth.
//!
//! ## Model
//! - **Share price**: geometric Brownian motion, simulated exactly on a uniform grid of
//!   `stepsPerYear` steps a year, ln S(t+Δ) = ln S(t) + (m − σ²/2)Δ + σ√Δ·Z, under the
//!   risk-neutral drift m = r − q, which prices the tranches (fair value, standard error,
//!   percentiles). Probabilities, vest dates and expected shares are real-world (drift μ − q,
//!   μ = `expectedReturn`): the same paths reweighted by the likelihood ratio
//!   dP/dQ = exp(θW_τ − θ²τ/2), θ = (μ − r)/σ, at the last simulated time τ of each path
//!   (Girsanov; Glasserman §4.6), self-normalised (Σ w·1{vest} ÷ Σ w). When `expectedReturn`
//!   is absent θ = 0 and every weight is 1. The fan chart simulates under μ − q the first
//!   path of each of the first pairs (500 paths with antithetic pairs, 1,000 without).
//! - **Deployment**: per path, phases happen with their probability and run late by their
//!   triangular delay ([`deployment`]); a tranche's milestone is when the sampled ramp reaches
//!   its `gwTrigger`.
//! - **Price tests** on the grid: `touch` is continuous monitoring, made exact between grid
//!   points by the Brownian-bridge crossing probability p = exp(−2·ln(H/S₀)·ln(H/S₁)/(σ²Δ))
//!   (Glasserman, "Monte Carlo Methods in Financial Engineering", 2004, §6.4), one uniform per
//!   step shared by all targets so that crossings nest; a crossing inside a step is dated at its
//!   middle and pays the target H. `close` needs one grid close at or above the target;
//!   `average` the mean of the trailing `days` closes (`days × stepsPerYear / 252` grid closes,
//!   at least one; closes before the valuation date equal the valuation price). On a daily grid
//!   (stepsPerYear = 252) `close` and `average` are exact; on coarser grids they see fewer closes.
//! - **Vesting and exercise**: a tranche vests when both its milestone and its price test are met
//!   by expiry, at the later of the two (at the first grid time after a milestone that comes
//!   last; [`crate::warrant_terms::vest_at`], the timeline's rule), and is exercised then: value max(S − K, 0)·e^{−rτ} per share.
//!
//! ## Estimators
//! Antithetic pairs (Z and −Z for the price, u and 1 − u for deployment) are the sampling unit:
//! means and standard errors are over pair averages. A control variate per tranche with a price
//! target: the same path's continuous one-touch of its target, paying H − K at the hit, whose
//! price is known in closed form ([`crate::pricing::touch`]: asset one-touch at hit − K × cash
//! one-touch at hit); the estimate is Ȳ − β(C̄ − E\[C\]) with β = Cov(Y,C)/Var(C) from the same
//! sample (Glasserman §4.1). The reported standard error is that of the adjusted estimator; the
//! plain one is reported beside it.
//!
//! ## Reproducibility
//! Every pair has its own random streams ([`rng`]), so results depend only on the seed and the
//! path count — not on how the work is chunked — and are bit-identical natively and in Wasm.
//! Sums are kept per block of [`BLOCK_PAIRS`] pairs and added to the total in block order, so a
//! run split across Web Workers (each computing whole blocks, [`Simulation::run_block`], merged
//! by [`Simulation::absorb_block`]) gives the same bits as one thread, whatever the worker count.
//!
//! ## Layout
//! [`deal`] (the parts of a scenario a valuation reads, taken once), [`handoff`] (the deal and
//! the options as a list of numbers, for the page's simulation build, which has no scenario
//! reader), [`options`] (what a run is asked for), `model` (the deal as paths see it), `path` (one path
//! and the vest rule, fast), `reference` (the same path plainly, every step: what `path` is
//! tested against, [`Simulation::reference`]), `after_milestone` (the second vesting rule on
//! a stored path),
//! [`deployment`] (phases per path), [`rng`] (streams), `sums` (what pairs add up), `estimates`
//! (the valuation from the sums), `simulation` (the driver).

mod after_milestone;
mod chain;
mod closes;
pub mod deal;
pub mod deployment;
mod estimates;
mod exp_table;
mod greeks;
pub mod handoff;
mod log_path;
mod model;
pub mod options;
mod pair;
mod path;
pub mod quasi;
mod reference;
pub mod rng;
mod simulation;
mod sums;
mod window;
mod ziggurat;

pub use chain::Chain;
pub use deal::Deal;
pub use estimates::{
    FanPoint, Greeks, Histogram, Measure, Measures, Percentiles, TrancheValuation, Valuation,
};
pub use greeks::{ValuationRun, SPOT_BUMP, VOL_BUMP};
pub use options::Options;
pub use simulation::Simulation;
pub use sums::{Sums, BLOCK_PAIRS};

use crate::problem::Problem;
use crate::scenario::Scenario;

/// Runs every path of a valuation of a validated scenario (and the bumped runs of its Greeks
/// with `options.greeks`).
pub fn value_warrant(scenario: &Scenario, options: Options) -> Result<Valuation, Vec<Problem>> {
    let mut sim = ValuationRun::new(scenario, options)?;
    sim.run_all();
    Ok(sim.result())
}
