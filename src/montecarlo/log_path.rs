//! The share price's path on the grid, as logarithms: ln S(t+Δ) = ln S(t) + (m − σ²/2)Δ + σ√Δ·Z,
//! exact for geometric Brownian motion (Glasserman 2004, §3.2.1); under a term structure σ²Δ is
//! the step's forward variance v_k ([`crate::volatility`]). A pair's two paths (the normals
//! and their negatives) are built together, the fan chart's paths on their own.

use super::exp_table;
use super::model::Model;
use super::path::PathState;

/// Fan points per path (slot 0 is the valuation date).
pub(super) const FAN_POINTS: usize = 48;

impl Model {
    /// (m − σ²/2)Δ: the drift of ln S over one step of a flat volatility, the same number in
    /// the path and in the likelihood ratio's W read off it.
    pub(super) fn flat_step_drift(&self, drift: f64) -> f64 {
        (drift - 0.5 * self.grid.sigma * self.grid.sigma) * self.grid.dt
    }

    /// ln S at every grid time of a pair's paths under `drift`: the first member's (driven by
    /// `normals`) into `state`'s path and, when `antithetic`, the antithetic member's (by
    /// −`normals`) beside it until [`PathState::switch_to_antithetic`]. Under a flat volatility
    /// the two are built in one loop: each path's step-to-step chain is one addition that
    /// waits for the one before, so two chains in one loop run side by side (natively 2–4%
    /// and in Node 22 about 2% off a run; the same in two lanes of a `simd128` vector bought
    /// nothing more, docs/BENCHMARKS.md).
    pub fn pair_paths_into(
        &self,
        normals: &[f64],
        drift: f64,
        antithetic: bool,
        state: &mut PathState,
    ) {
        let (xs, ys) = (&mut state.log_prices, &mut state.antithetic_log_prices);
        if !antithetic || self.grid.curve.is_some() {
            // One path, or a term structure's (its step variances read per step; the page's
            // default is flat): one loop per path.
            self.log_path_into(normals, drift, 1.0, xs);
            if antithetic {
                self.log_path_into(normals, drift, -1.0, ys);
            }
            return;
        }
        let steps = self.grid.steps;
        let x0 = libm::log(self.market.s0);
        let (mut x, mut y) = (x0, x0);
        for v in [&mut *xs, &mut *ys] {
            v.resize(steps + 1, 0.0);
            v[0] = x0;
        }
        let (a, b) = self.flat_step(drift, 1.0);
        let paths = xs[1..].iter_mut().zip(&mut ys[1..]).zip(&normals[..steps]);
        for ((xo, yo), &z) in paths {
            x = next_log_price(x, a, b, z);
            y = next_log_price(y, a, -b, z);
            *xo = x;
            *yo = y;
        }
    }

    /// ln S at every grid time of the path driven by `normals` × `sign` under `drift`, into
    /// `xs` ([`next_log_price`] step by step).
    fn log_path_into(&self, normals: &[f64], drift: f64, sign: f64, xs: &mut Vec<f64>) {
        let steps = self.grid.steps;
        xs.resize(steps + 1, 0.0);
        let mut x = libm::log(self.market.s0);
        xs[0] = x;
        let path = xs[1..].iter_mut().zip(&normals[..steps]);
        match &self.grid.curve {
            None => {
                let (a, b) = self.flat_step(drift, sign);
                for (out, &z) in path {
                    x = next_log_price(x, a, b, z);
                    *out = x;
                }
            }
            Some(c) => {
                for (k, (out, &z)) in path.enumerate() {
                    x = next_log_price(x, drift * self.grid.dt - 0.5 * c.var[k], sign * c.sd[k], z);
                    *out = x;
                }
            }
        }
    }

    /// A step of a flat volatility's log path: its drift (m − σ²/2)Δ and its normal's
    /// factor σ√Δ × `sign`.
    fn flat_step(&self, drift: f64, sign: f64) -> (f64, f64) {
        (
            self.flat_step_drift(drift),
            self.grid.sigma * f64::sqrt(self.grid.dt) * sign,
        )
    }

    /// The log of a path's likelihood ratio dP/dQ on what it simulated, its first
    /// `steps_done` steps of ln S `xs` under `drift`, driven by `normals` × `sign`:
    /// θW_τ − θ²τ/2 for a flat volatility, Σ g_k·Z_k − Σ g_k²/2 under a term structure
    /// (θ_k = (μ − r)/σ_k per step, Glasserman 2004, §4.6).
    pub(super) fn log_likelihood_ratio(
        &self,
        normals: &[f64],
        drift: f64,
        sign: f64,
        xs: &[f64],
        steps_done: usize,
    ) -> f64 {
        if let Some(c) = &self.grid.curve {
            let done = &normals[..steps_done];
            // Σ g_k·Z_k − Σ g_k²/2 over the simulated steps.
            let (gz, gg) = done
                .iter()
                .zip(&c.girsanov)
                .fold((0.0, 0.0), |(gz, gg), (z, g)| {
                    (gz + g * sign * z, gg + g * g)
                });
            return gz - 0.5 * gg;
        }
        // The driving Brownian motion W at the last simulated step n, read off the path:
        // ln S_n − ln S_0 = n·(m − σ²/2)Δ + σ·W (the rounding of the path's n additions moves W
        // by about 10⁻¹³, the weight by about 10⁻¹⁵ of itself), and that step's time.
        let n = steps_done as f64;
        let w = (xs[steps_done] - xs[0] - n * self.flat_step_drift(drift)) / self.grid.sigma;
        let tau = n * self.grid.dt;
        self.market.theta * w - 0.5 * self.market.theta * self.market.theta * tau
    }

    /// The fan chart's prices of one real-world path (drift μ − q): slot j holds the price
    /// at grid step ⌈j·steps/FAN_POINTS⌉, slot 0 the valuation price.
    pub fn fan_path(&self, normals: &[f64], sign: f64) -> Vec<f64> {
        let mut xs = Vec::with_capacity(self.grid.steps + 1);
        self.log_path_into(normals, self.market.drift_p, sign, &mut xs);
        let mut fan = vec![self.market.s0; FAN_POINTS + 1];
        for (j, slot) in fan.iter_mut().enumerate().skip(1) {
            *slot = exp_table::exp(xs[fan_step(j, self.grid.steps)]);
        }
        fan
    }
}

/// ln S one grid step on: ln S(t+Δ) = ln S(t) + ((m − σ²/2)Δ + σ√Δ·Z), exact for geometric
/// Brownian motion, with `drift` = (m − σ²/2)Δ and `sd` = ±σ√Δ (v_k and ±√v_k under a term
/// structure). The increment is formed first, so that the chain from step to step is one
/// addition.
#[inline(always)]
fn next_log_price(x: f64, drift: f64, sd: f64, z: f64) -> f64 {
    x + (drift + sd * z)
}

/// The grid step of fan slot `slot`: ⌈slot·steps/FAN_POINTS⌉ (slot 0 is the start).
pub(super) fn fan_step(slot: usize, steps: usize) -> usize {
    (slot * steps).div_ceil(FAN_POINTS)
}
