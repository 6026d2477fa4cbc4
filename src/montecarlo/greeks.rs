//! A valuation with its Greeks: the run at the scenario's inputs and, with `options.greeks`,
//! four more with the same seed at spot × (1 ± h) and every volatility ± k (h = 0.01, k = one
//! volatility point, less when a volatility is under two points so that it stays positive).
//!
//! Delta and vega are central differences of the runs' fair values (Glasserman, "Monte Carlo
//! Methods in Financial Engineering", 2004, §7.1: finite differences with common random
//! numbers): Δ = (V₊ − V₋) ÷ 2hS per $1 of share price, vega = (V₊ − V₋) ÷ 2k × 0.01 per
//! volatility point. The same seed gives every run the same price normals, deployment draws
//! and bridge streams, so the difference's variance is far below that of either run. Their
//! standard errors come from the runs' paired path totals.
//!
//! The runs are a [`Chain`]: the base's blocks first, then the bumped runs', so Web Workers
//! compute them like any other blocks and the fair value is known before the Greeks.

use super::chain::Chain;
use super::deal::Deal;
use super::estimates::{Greeks, Valuation};
use super::options::Options;
use super::simulation::Simulation;
use crate::problem::Problem;
use crate::scenario::Scenario;

/// The relative spot bump h.
pub const SPOT_BUMP: f64 = 0.01;
/// The volatility bump k (one volatility point), at most half the smallest volatility.
pub const VOL_BUMP: f64 = 0.01;

/// A valuation run in blocks, with the bumped runs when Greeks are asked for. Its blocks are
/// its chain's (`Deref`): counted, run, shaped and absorbed there.
pub struct ValuationRun {
    chain: Chain,
    spot: f64,
    vol_bump: f64,
    antithetic: bool,
}

impl ValuationRun {
    /// Prepares the runs; problems if the deal has no warrant or a run is too large.
    pub fn new(scenario: &Scenario, options: Options) -> Result<ValuationRun, Vec<Problem>> {
        ValuationRun::of_deal(&Deal::of(scenario)?, options)
    }

    /// The valuation of a deal (and its Greeks' bumped runs with `options.greeks`); a problem
    /// if the run is too large.
    pub fn of_deal(deal: &Deal, options: Options) -> Result<ValuationRun, Vec<Problem>> {
        let mut sims = vec![Simulation::of_deal(deal, options)?];
        let (mut spot, mut vol_bump) = (0.0, VOL_BUMP);
        if options.greeks {
            let e = &deal.equity;
            spot = e.share_price;
            let smallest = e
                .volatility_curve
                .iter()
                .flatten()
                .map(|p| p.vol)
                .fold(e.volatility, f64::min);
            vol_bump = VOL_BUMP.min(0.5 * smallest);
            for (dspot, dvol) in [(SPOT_BUMP, 0.0), (-SPOT_BUMP, 0.0), (0.0, 1.0), (0.0, -1.0)] {
                let mut d = deal.clone();
                d.equity = crate::volatility::shifted(&deal.equity, dvol * vol_bump);
                d.equity.share_price *= 1.0 + dspot;
                sims.push(Simulation::of_deal(&d, options)?);
            }
        }
        Ok(ValuationRun {
            chain: Chain { sims },
            spot,
            vol_bump,
            antithetic: options.antithetic,
        })
    }

    /// Pairs run so far and in all, over every run.
    pub fn progress(&self) -> (u64, u64) {
        self.chain.sims.iter().fold((0, 0), |(d, t), sim| {
            let (done, total) = sim.progress();
            (d + done, t + total)
        })
    }

    /// Whether the base run is done: the fair value is final, the Greeks may still run.
    pub fn fair_value_done(&self) -> bool {
        self.chain.sims[0].is_done()
    }

    /// The base run's valuation so far, with the Greeks once every bumped run is done.
    /// `progress` counts every run's paths.
    pub fn result(&self) -> Valuation {
        let sims = &self.chain.sims;
        let mut v = sims[0].result();
        let (done, total) = self.progress();
        v.progress = done as f64 / total.max(1) as f64;
        if sims.len() == 5 && self.chain.is_done() {
            let value = |i: usize| sims[i].result().total_fair_value_usd;
            let delta_step = 2.0 * SPOT_BUMP * self.spot;
            let vega_step = 2.0 * self.vol_bump / 0.01;
            v.greeks = Some(Greeks {
                delta_usd: (value(1) - value(2)) / delta_step,
                vega_usd: (value(3) - value(4)) / vega_step,
                delta_standard_error_usd: self.difference_error(&sims[1], &sims[2]) / delta_step,
                vega_standard_error_usd: self.difference_error(&sims[3], &sims[4]) / vega_step,
                spot_bump: SPOT_BUMP,
                vol_bump: self.vol_bump,
            });
        }
        v
    }

    /// The standard error of the difference of two runs' mean values, from their paired
    /// path totals (pair averages with antithetic paths: the sampling unit).
    fn difference_error(&self, up: &Simulation, down: &Simulation) -> f64 {
        let (a, b) = (up.path_totals(), down.path_totals());
        let unit = if self.antithetic { 2 } else { 1 };
        let diffs: Vec<f64> = a
            .chunks(unit)
            .zip(b.chunks(unit))
            .map(|(x, y)| (x.iter().sum::<f64>() - y.iter().sum::<f64>()) / unit as f64)
            .collect();
        let n = diffs.len() as f64;
        if n < 2.0 {
            return 0.0;
        }
        let mean = diffs.iter().sum::<f64>() / n;
        let var = diffs.iter().map(|d| (d - mean) * (d - mean)).sum::<f64>() / (n - 1.0);
        f64::sqrt(var / n)
    }
}

impl std::ops::Deref for ValuationRun {
    type Target = Chain;
    fn deref(&self) -> &Chain {
        &self.chain
    }
}

impl std::ops::DerefMut for ValuationRun {
    fn deref_mut(&mut self) -> &mut Chain {
        &mut self.chain
    }
}
