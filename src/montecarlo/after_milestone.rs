//! The second vesting rule on a simulated path: under `price_after_milestone` a tranche's price
//! test counts only from its milestone on, so the path runs to expiry ([`Model::simulate`]
//! keeps its log prices and each step's bridge uniform) and each tranche is tested afterwards,
//! with the vest rule the timeline uses ([`crate::warrant_terms::vest_at`],
//! [`crate::warrant_terms::price_counts_from`]).

use super::model::Model;
use crate::scenario::PriceTestKind;
use crate::warrant_terms::{
    average_reaches, bridge_crosses, bridge_exponent, price_counts_from, vest_at, VestAt,
};

impl Model {
    /// When tranche `i` vests under `price_after_milestone`, its milestone at `tm` years, on
    /// the path `log_prices` (ln S at each grid time): its price test counts from the first
    /// grid time at or after the milestone ([`crate::warrant_terms::price_counts_from`]), and it vests
    /// when that test is met ([`crate::warrant_terms::vest_at`]: the price date comes last). `touch`
    /// is met at that grid time if S is at or above the target, else at the first crossing
    /// after it (Brownian bridge between grid points with the main path's uniform of each
    /// step, so that crossings of nested levels nest); `close` at the
    /// first close at or above the target; `average` at the first trailing average (closes
    /// before the valuation date equal S₀) at or above it.
    pub(super) fn price_after_milestone(
        &self,
        i: usize,
        tm: f64,
        log_prices: &[f64],
        uniforms: &[f64],
    ) -> Option<(f64, f64)> {
        let (tp, sp) = self.price_counted_from_milestone(i, tm, log_prices, uniforms)?;
        match vest_at(tm, tp, tp) {
            VestAt::PriceDate => Some((tp, sp)),
            VestAt::Milestone | VestAt::NotYet => None,
        }
    }

    /// The first time (and price) tranche `i`'s test is met counting from its milestone at
    /// `tm` years on.
    fn price_counted_from_milestone(
        &self,
        i: usize,
        tm: f64,
        log_prices: &[f64],
        uniforms: &[f64],
    ) -> Option<(f64, f64)> {
        let t = &self.tests.tranches[i];
        let dt = self.grid.dt;
        // The first grid time at or after the moment the price test starts to count.
        let counts_from = price_counts_from(self.tests.rule, 0.0, tm);
        let mut start = f64::ceil(counts_from / dt) as usize;
        if start > 0 && (start - 1) as f64 * dt >= counts_from {
            start -= 1;
        }
        let last = log_prices.len().checked_sub(1)?;
        if start > last {
            return None;
        }
        // The close at grid time k (S₀ at the valuation date).
        let close = |k: usize| self.close_at(log_prices, k);
        let at = |k: usize| (k as f64 * dt, close(k));
        let Some(h) = t.target else {
            return Some(at(start));
        };
        let lh = t.log_target;
        match t.kind {
            PriceTestKind::Touch => {
                if log_prices[start] >= lh {
                    return Some(at(start));
                }
                let flat_k = 2.0 / (self.grid.sigma * self.grid.sigma * dt);
                for k in start..last {
                    let (x0, x1) = (log_prices[k], log_prices[k + 1]);
                    let bridge_k = self.grid.curve.as_ref().map_or(flat_k, |c| c.bridge_k[k]);
                    let q = bridge_exponent(bridge_k, lh, x0, x1);
                    if x1 >= lh || bridge_crosses(q, uniforms[k]) {
                        return Some((self.grid.mid_step(k), h));
                    }
                }
                None
            }
            PriceTestKind::Close => (start..=last).find(|&k| log_prices[k] >= lh).map(at),
            PriceTestKind::Average => {
                let w = t.window;
                // Closes before the valuation date equal S₀.
                let close_at = |j: isize| close(j.max(0) as usize);
                let mut sum: f64 = (0..w).map(|d| close_at(start as isize - d as isize)).sum();
                for k in start..=last {
                    if k > start {
                        sum += close_at(k as isize) - close_at(k as isize - w as isize);
                    }
                    if average_reaches(sum, w, h) {
                        return Some(at(k));
                    }
                }
                None
            }
        }
    }
}
