//! The reference simulation of one path: plain, slow and meant to be obviously right. It
//! visits every step, feeds every close to every tranche's price test
//! ([`crate::warrant_terms::PriceObserver`], the timeline's observer), checks every
//! touch level at every step and applies the vest rule at every step. It keeps nothing from
//! step to step but the observers and what has been met, and passes over nothing.
//!
//! It draws the same random numbers as the fast path ([`super::path`]), so that the two can
//! be compared path by path (`tests/reference_simulation.rs`):
//! - the same normals (the caller's) and the same deployment (the caller's milestones);
//! - one bridge uniform on each step where some tracked touch level not yet touched lies above
//!   the step's end within the bridge's reach ([`crate::warrant_terms::BRIDGE_CUTOFF`]), and
//!   under `price_after_milestone` one on every step (the tests counted from a milestone reuse
//!   them). Tracked touch levels are the `touch` tranches' targets, and every target when the
//!   control variate is on (its payoff is the touch).
//!
//! The path stops, as the fast one does, once nothing can change (optional stopping, for the
//! likelihood ratio of [`Model::log_likelihood_ratio`]): under `conditions_once_met`, when
//! every tranche whose milestone comes by expiry has vested and every tracked level has been
//! touched.

use super::model::Model;
use super::path::{Outcome, PathState};
use super::rng::Rng;
use crate::scenario::{PriceTestKind, VestingRule};
use crate::warrant_terms::{
    bridge_crosses, bridge_exponent, price_counts_from, vest_at, PriceObserver, VestAt,
    BRIDGE_CUTOFF,
};

/// A time and the share price then.
type Event = Option<(f64, f64)>;

impl Model {
    /// One path under drift `drift`, driven by `normals` × `sign`, with each tranche's
    /// milestone (years, if by expiry) in `state.milestones`; fills `out` per tranche and
    /// returns the log of the path's likelihood ratio, as [`Model::simulate`] does. It builds
    /// its own log path (the fast path's, in `state`, is not read).
    pub(super) fn simulate_reference(
        &self,
        normals: &[f64],
        drift: f64,
        sign: f64,
        bridge: &mut Rng,
        out: &mut [Outcome],
        state: &mut PathState,
    ) -> f64 {
        let milestones = &state.milestones;
        let n = self.tests.tranches.len();
        let dt = self.grid.dt;
        let xs = self.reference_log_path(normals, drift, sign);
        let close = |k: usize| self.close_at(&xs, k);
        let tracked: Vec<bool> = (self.tests.tranches.iter())
            .map(|t| {
                t.target.is_some() && (t.kind == PriceTestKind::Touch || self.tests.use_control)
            })
            .collect();
        let mut observers: Vec<Option<PriceObserver>> = (self.tests.tranches.iter())
            .map(|t| {
                let h = t.target.filter(|_| t.kind != PriceTestKind::Touch)?;
                Some(PriceObserver::new(t.kind, t.window, h, self.market.s0))
            })
            .collect();
        // A target at or below S₀ is met (and touched) at the start; no target, too.
        let at_start = |i: usize| {
            self.tests.tranches[i]
                .target
                .is_none_or(|h| self.market.s0 >= h)
        };
        let mut price_met: Vec<Event> = (0..n)
            .map(|i| at_start(i).then_some((0.0, self.market.s0)))
            .collect();
        let mut touched: Vec<Event> = (0..n)
            .map(|i| (tracked[i] && at_start(i)).then_some((0.0, self.market.s0)))
            .collect();
        let mut vested: Vec<Event> = vec![None; n];
        let after_milestone = self.tests.rule == VestingRule::PriceAfterMilestone;
        let vest = |t: f64, s: f64, price_met: &[Event], vested: &mut [Event]| {
            for i in 0..n {
                if let (None, Some(tm), Some((tp, sp))) = (vested[i], milestones[i], price_met[i]) {
                    vested[i] = match vest_at(tm, tp, t) {
                        VestAt::PriceDate => Some((tp, sp)),
                        VestAt::Milestone => Some((t, s)),
                        VestAt::NotYet => None,
                    };
                }
            }
        };
        if !after_milestone {
            vest(0.0, self.market.s0, &price_met, &mut vested);
        }
        let mut uniforms = Vec::new();
        let mut steps_done = self.grid.steps;
        for k in 0..self.grid.steps {
            let settled = (0..n).all(|i| milestones[i].is_none() || vested[i].is_some())
                && (0..n).all(|i| !tracked[i] || touched[i].is_some());
            if !after_milestone && settled {
                steps_done = k;
                break;
            }
            let t1 = (k + 1) as f64 * dt;
            let (x0, x1) = (xs[k], xs[k + 1]);
            let bridge_k = self.grid.bridge_k(k);
            let q = |i: usize| bridge_exponent(bridge_k, self.tests.tranches[i].log_target, x0, x1);
            let needs_uniform = after_milestone
                || (0..n).any(|i| {
                    tracked[i]
                        && touched[i].is_none()
                        && x1 < self.tests.tranches[i].log_target
                        && q(i) < BRIDGE_CUTOFF
                });
            let u = needs_uniform.then(|| bridge.uniform());
            uniforms.push(u.unwrap_or(1.0));
            for i in 0..n {
                if !tracked[i] || touched[i].is_some() {
                    continue;
                }
                let t = &self.tests.tranches[i];
                let crossed = u.is_some_and(|u| bridge_crosses(q(i), u));
                if x1 >= t.log_target || crossed {
                    touched[i] = Some((self.grid.mid_step(k), t.target.unwrap_or(self.market.s0)));
                    if t.kind == PriceTestKind::Touch && price_met[i].is_none() {
                        price_met[i] = touched[i];
                    }
                }
            }
            for (i, observer) in observers.iter_mut().enumerate() {
                let Some(observer) = observer else { continue };
                if observer.observe_close(close(k + 1)) && price_met[i].is_none() {
                    price_met[i] = Some((t1, close(k + 1)));
                }
            }
            if !after_milestone {
                vest(t1, close(k + 1), &price_met, &mut vested);
            }
        }
        if after_milestone {
            for i in 0..n {
                vested[i] = milestones[i].and_then(|tm| {
                    let (tp, sp) = self.reference_counted_from(i, tm, &xs, &uniforms)?;
                    (vest_at(tm, tp, tp) == VestAt::PriceDate).then_some((tp, sp))
                });
            }
        }
        for i in 0..n {
            out[i] = self.outcome(vested[i], touched[i]);
        }
        self.log_likelihood_ratio(normals, drift, sign, &xs, steps_done)
    }

    /// ln S at every grid time: ln S(t+Δ) = ln S(t) + ((m − σ²/2)Δ + σ√Δ·Z) with Z the normal
    /// × `sign` (v_k and √v_k under a term structure).
    fn reference_log_path(&self, normals: &[f64], drift: f64, sign: f64) -> Vec<f64> {
        let mut xs = vec![libm::log(self.market.s0)];
        for (k, z) in normals[..self.grid.steps].iter().enumerate() {
            let (step_drift, sd) = match &self.grid.curve {
                None => (
                    self.flat_step_drift(drift),
                    self.grid.sigma * f64::sqrt(self.grid.dt) * sign,
                ),
                Some(c) => (drift * self.grid.dt - 0.5 * c.var[k], sign * c.sd[k]),
            };
            xs.push(xs[k] + (step_drift + sd * z));
        }
        xs
    }

    /// Under `price_after_milestone`: the first time (and price) tranche `i`'s test is met
    /// counting from its milestone at `tm` years on, from the first grid time at or after it;
    /// an average's window still holds the closes before. `uniforms` holds each step's bridge
    /// uniform.
    fn reference_counted_from(
        &self,
        i: usize,
        tm: f64,
        xs: &[f64],
        uniforms: &[f64],
    ) -> Option<(f64, f64)> {
        let t = &self.tests.tranches[i];
        let counts_from = price_counts_from(self.tests.rule, 0.0, tm);
        let start = (0..=self.grid.steps).find(|&k| k as f64 * self.grid.dt >= counts_from)?;
        let close = |k: usize| self.close_at(xs, k);
        let at = |k: usize| (k as f64 * self.grid.dt, close(k));
        let Some(h) = t.target else {
            return Some(at(start));
        };
        match t.kind {
            PriceTestKind::Touch => {
                if xs[start] >= t.log_target {
                    return Some(at(start));
                }
                (start..self.grid.steps)
                    .find(|&k| {
                        let q =
                            bridge_exponent(self.grid.bridge_k(k), t.log_target, xs[k], xs[k + 1]);
                        xs[k + 1] >= t.log_target || bridge_crosses(q, uniforms[k])
                    })
                    .map(|k| (self.grid.mid_step(k), h))
            }
            PriceTestKind::Close | PriceTestKind::Average => {
                let mut observer = PriceObserver::new(t.kind, t.window, h, self.market.s0);
                (0..=self.grid.steps).find_map(|k| {
                    let met = if k == 0 {
                        observer.passes()
                    } else {
                        observer.observe_close(close(k))
                    };
                    (met && k >= start).then(|| at(k))
                })
            }
        }
    }
}
