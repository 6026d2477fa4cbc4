//! One simulated path: each tranche's price test on the share price's path (built by
//! [`super::log_path`]), and the vest rule applied as the path goes
//! ([`crate::warrant_terms::vest_at`], the rule the timeline uses).
//!
//! `touch` between grid points: the Brownian-bridge crossing probability
//! p = exp(−2·ln(H/S₀)·ln(H/S₁)/(σ²Δ)) (Glasserman 2004, §6.4; v_k for σ²Δ under a term
//! structure); `close` and `average` on the grid's closes.

use super::closes::{lower, spot};
use super::exp_table;
use super::model::Model;
use super::rng::Rng;
use super::window::{below_until, last_close_at_or_above, WindowSum};
use crate::scenario::{PriceTestKind, VestingRule};
use crate::warrant_terms::{
    average_reaches, bridge_crosses, bridge_exponent, vest_at, VestAt, BRIDGE_CUTOFF,
};

/// What one path did with one tranche.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Outcome {
    /// Vest time (years) if it vested by expiry.
    pub vest: Option<f64>,
    /// Present value per share (risk-neutral run).
    pub value: f64,
    /// The control's present value per share.
    pub control: f64,
}

/// Per-path state of [`Model::simulate`]: buffers reused from path to path.
#[derive(Clone, Debug, Default)]
pub(super) struct PathState {
    /// Each tranche's milestone on this path (years), if it comes by expiry.
    pub milestones: Vec<Option<f64>>,
    price_met: Vec<Option<(f64, f64)>>,
    touched: Vec<Option<(f64, f64)>>,
    vested: Vec<Option<(f64, f64)>>,
    group_ptr: Vec<usize>,
    last_high: Vec<Option<usize>>,
    /// Each average group's window sum at the grid time it was last computed, and how many
    /// times it was moved on since a full sum ([`WindowSum`]).
    window_sums: Vec<WindowSum>,
    /// ln S at every grid time (index 0: the valuation date), and S once needed (0 until
    /// then: a price is positive; zero-filling is one memory fill), so that a close costs at
    /// most one exp.
    pub(super) log_prices: Vec<f64>,
    prices: Vec<f64>,
    /// The bridge uniform of every step, kept only under `price_after_milestone`.
    step_uniforms: Vec<f64>,
    /// The antithetic member's ln S, built with the first member's ([`Model::pair_paths_into`])
    /// and swapped into `log_prices` for its turn ([`PathState::switch_to_antithetic`]).
    pub(super) antithetic_log_prices: Vec<f64>,
}

impl PathState {
    /// Makes the pair's antithetic path the one [`Model::simulate`] reads next.
    pub fn switch_to_antithetic(&mut self) {
        std::mem::swap(&mut self.log_prices, &mut self.antithetic_log_prices);
    }
}

impl Model {
    /// One path under drift `drift`, on the log path in `state` (built by
    /// [`Model::pair_paths_into`] from `normals` × `sign`); fills `out` per tranche.
    /// Returns the log of the path's likelihood ratio dP/dQ on what it simulated (meaningful
    /// for the risk-neutral run): θW_τ − θ²τ/2 for a flat volatility, Σ g_k·Z_k − Σ g_k²/2
    /// under a term structure (θ_k = (μ − r)/σ_k per step, Glasserman 2004, §4.6).
    ///
    /// The whole path is built first (one fused multiply-add a step); the tests then visit its
    /// steps. Targets are visited in ascending order with a pointer to the lowest one not yet
    /// met: with one bridge uniform per step, touches (and closes, and averages over the same
    /// window) of nested levels nest, so a step checks one level unless it crosses some. A run
    /// of steps that lie more than δ below every pending touch level and below every pending
    /// close and average level, with no trailing window near a target and no milestone due,
    /// changes nothing and is passed over: there the bridge's crossing probability is below
    /// e⁻³⁸ (δ = √(38/k)), under which no uniform is drawn, and no close can reach a target;
    /// the same uniforms are drawn as step by step. A trailing window whose mean is below its
    /// target stays so for a number of steps that a bound on the coming closes gives
    /// ([`below_until`]); over them its group sets no limit, and such steps are passed over
    /// too.
    #[allow(clippy::too_many_arguments)]
    pub fn simulate(
        &self,
        normals: &[f64],
        drift: f64,
        sign: f64,
        bridge: &mut Rng,
        out: &mut [Outcome],
        state: &mut PathState,
    ) -> f64 {
        let n = self.tests.tranches.len();
        let (dt, sigma, s0) = (self.grid.dt, self.grid.sigma, self.market.s0);
        let steps = self.grid.steps;
        // Crossing between grid points: p = exp(−k·d₀·d₁), k = 2/(σ²Δ), d = ln H − ln S
        // ([`super::model::Grid::bridge_k`], computed once here for a flat volatility).
        let bridge_k = 2.0 / (sigma * sigma * dt);
        let curve = self.grid.curve.as_ref();
        let PathState {
            milestones,
            price_met,
            touched,
            vested,
            group_ptr,
            last_high,
            window_sums,
            log_prices: xs,
            prices: ss,
            step_uniforms,
            antithetic_log_prices: _,
        } = state;
        // The path: xs[j] = ln S at grid time j.
        debug_assert_eq!(xs.len(), steps + 1);
        ss.resize(steps + 1, 0.0);
        ss.fill(0.0);
        ss[0] = s0;
        // Under `price_after_milestone` a tranche's price test counts only from its milestone
        // on: the path runs to expiry and each tranche is tested afterwards
        // ([`Model::price_after_milestone`]).
        let after_milestone = self.tests.rule == VestingRule::PriceAfterMilestone;
        step_uniforms.clear();
        for v in [&mut *price_met, &mut *touched, &mut *vested] {
            v.clear();
            v.resize(n, None);
        }
        for (i, t) in self.tests.tranches.iter().enumerate() {
            if t.target.is_none_or(|h| s0 >= h) {
                price_met[i] = Some((0.0, s0));
                if t.target.is_some() {
                    touched[i] = Some((0.0, s0));
                }
            }
        }
        // Pointers past the levels already met at the start (orders are ascending).
        let met_at_start = |order: &[usize]| {
            order
                .iter()
                .take_while(|&&i| self.tests.tranches[i].target.is_some_and(|h| s0 >= h))
                .count()
        };
        let mut touch_ptr = met_at_start(&self.tests.touch_order);
        let mut close_ptr = met_at_start(&self.tests.close_order);
        group_ptr.clear();
        group_ptr.extend(
            self.tests
                .average_groups
                .iter()
                .map(|g| met_at_start(&g.order)),
        );
        // The last step whose close reached the group's lowest pending target (none yet: the
        // targets met at the start are skipped by the pointers).
        last_high.clear();
        last_high.resize(self.tests.average_groups.len(), None);
        window_sums.clear();
        window_sums.resize(self.tests.average_groups.len(), WindowSum::default());
        let mut open_vests = milestones.iter().filter(|m| m.is_some()).count();
        let mut next_due = f64::INFINITY;
        vest_step(
            0.0,
            s0,
            milestones,
            price_met,
            vested,
            &mut open_vests,
            &mut next_due,
        );
        let mut due_last = self.grid.last_step_before(next_due);
        let level = |order: &[usize], ptr: usize| {
            order
                .get(ptr)
                .map_or(f64::INFINITY, |&i| self.tests.tranches[i].log_target)
        };
        let passes = !after_milestone;
        let mut k = 0;
        while k < steps {
            if open_vests == 0 && touch_ptr == self.tests.touch_order.len() && passes {
                break;
            }
            if passes {
                // Only a touch can happen between grid points: closes and averages are
                // tested on the closes themselves, so their levels need no margin.
                let (average, cap) = self.average_level(group_ptr, last_high, window_sums, k);
                let bound = lower(
                    level(&self.tests.touch_order, touch_ptr) - self.grid.quiet_margin,
                    lower(level(&self.tests.close_order, close_ptr), average),
                );
                k = self.pass_quiet_steps(k, xs, due_last, bound, cap);
                if k == steps {
                    break;
                }
            }
            let t1 = (k + 1) as f64 * dt;
            let (x, x1) = (xs[k], xs[k + 1]);
            let bridge_k = curve.map_or(bridge_k, |c| c.bridge_k[k]);
            let mut changed = false;
            // Touches, with one bridge uniform per step, drawn only when a level is within
            // reach: k·d₀·d₁ > 38 means p < e⁻³⁸, below the smallest uniform we draw. The
            // crossing is u < p = e^(−q); since e^q ≥ 1 + q + q²/2, u ≥ 1/(1 + q + q²/2) rules
            // it out without the exp, which is then needed in a few percent of the draws.
            let mut bridge_u = None;
            if after_milestone {
                // One uniform every step, kept: the tests after the milestone reuse the step's
                // uniform, so that crossings of nested levels stay nested.
                let u = bridge.uniform();
                bridge_u = Some(u);
                step_uniforms.push(u);
            }
            while let Some(&i) = self.tests.touch_order.get(touch_ptr) {
                let t = &self.tests.tranches[i];
                let lh = t.log_target;
                let hit = x1 >= lh || {
                    let q = bridge_exponent(bridge_k, lh, x, x1);
                    q < BRIDGE_CUTOFF && {
                        let u = *bridge_u.get_or_insert_with(|| bridge.uniform());
                        u * (1.0 + q + 0.5 * q * q) < 1.0 && bridge_crosses(q, u)
                    }
                };
                if !hit {
                    break;
                }
                touched[i] = Some((self.grid.mid_step(k), t.target.unwrap_or(s0)));
                if t.kind == PriceTestKind::Touch && price_met[i].is_none() {
                    price_met[i] = touched[i];
                    changed = true;
                }
                touch_ptr += 1;
            }
            while let Some(&i) = self.tests.close_order.get(close_ptr) {
                if x1 < self.tests.tranches[i].log_target {
                    break;
                }
                price_met[i] = Some((t1, spot(&mut ss[k + 1], x1)));
                changed = true;
                close_ptr += 1;
            }
            for (g, group) in self.tests.average_groups.iter().enumerate() {
                let Some(&lowest) = group.order.get(group_ptr[g]) else {
                    continue;
                };
                if k < window_sums[g].below_until {
                    // Known below its target up to a later window end ([`below_until`]).
                    continue;
                }
                if x1 >= self.tests.tranches[lowest].log_target {
                    last_high[g] = Some(k);
                }
                // The mean of the window's closes reaches a target only if one of the closes
                // does: until then the closes stay logarithms and cost no exp.
                let len = self.tests.window_lengths[g];
                if last_high[g].is_none_or(|j| k - j >= len) {
                    continue;
                }
                let sum = window_sums[g].sum(xs, ss, k + 1, len);
                let before = group_ptr[g];
                while let Some(&i) = group.order.get(group_ptr[g]) {
                    if !average_reaches(sum, len, self.tests.tranches[i].target.unwrap_or(0.0)) {
                        break;
                    }
                    // The window's sum holds this close: its price is already computed.
                    price_met[i] = Some((t1, ss[k + 1]));
                    changed = true;
                    group_ptr[g] += 1;
                }
                if group_ptr[g] != before {
                    // A higher target is now the lowest pending one: its mean is checked only
                    // while the window holds a close at or above it.
                    last_high[g] = group.order.get(group_ptr[g]).and_then(|&i| {
                        last_close_at_or_above(xs, k, len, self.tests.tranches[i].log_target)
                    });
                } else if let Some(target) = self.tests.tranches[lowest].target {
                    // Below: how far the mean must stay below, by a bound without exps. The
                    // run's steps are passed over, so where the window last held a close at
                    // the target is noted now (no step reads it before the run ends).
                    let lh = self.tests.tranches[lowest].log_target;
                    let (until, high) = below_until(sum, k + 1, len, target, lh, xs, ss);
                    if until > k + 1 {
                        window_sums[g].below_until = until;
                        if let Some(e) = high {
                            last_high[g] = Some(e - 1);
                        }
                    }
                }
            }
            if changed || t1 >= next_due {
                let due = next_due;
                let s = spot(&mut ss[k + 1], x1);
                vest_step(
                    t1,
                    s,
                    milestones,
                    price_met,
                    vested,
                    &mut open_vests,
                    &mut next_due,
                );
                if next_due != due {
                    due_last = self.grid.last_step_before(next_due);
                }
            }
            k += 1;
        }
        let steps_done = k;
        if after_milestone {
            for i in 0..n {
                vested[i] = milestones[i]
                    .and_then(|tm| self.price_after_milestone(i, tm, xs, step_uniforms));
            }
        }
        for i in 0..n {
            out[i] = self.outcome(vested[i], touched[i]);
        }
        self.log_likelihood_ratio(normals, drift, sign, xs, steps_done)
    }

    /// What a path did with a tranche, from when (and at what price) it vested and its target
    /// was touched: each exercised then, worth max(S − K, 0)·e^(−rt) per share if by expiry.
    pub(super) fn outcome(
        &self,
        vested: Option<(f64, f64)>,
        touched: Option<(f64, f64)>,
    ) -> Outcome {
        let by_expiry = |e: Option<(f64, f64)>| e.filter(|(t, _)| self.grid.by_expiry(*t));
        let pv = |e: Option<(f64, f64)>| {
            by_expiry(e).map_or(0.0, |(t, s)| {
                (s - self.market.strike).max(0.0) * libm::exp(-self.market.rate * t)
            })
        };
        Outcome {
            vest: by_expiry(vested).map(|(t, _)| t),
            value: pv(vested),
            control: pv(touched),
        }
    }

    /// The close at grid time `k` of the path `xs` (ln S): S₀ at the valuation date, else
    /// e^(ln S) by the table-driven exponential.
    pub(super) fn close_at(&self, xs: &[f64], k: usize) -> f64 {
        if k == 0 {
            self.market.s0
        } else {
            exp_table::exp(xs[k])
        }
    }

    /// The first step from `k` on that is not quiet: a step is quiet when both its ends lie
    /// below `bound` (δ below the lowest pending touch level, and below the lowest pending
    /// close or average level), it ends by `due_last` (the last step that ends before the next
    /// milestone due, [`super::model::Grid::last_step_before`]), and its end is at most `cap` (the last
    /// window end up to which a group known below its target stays so).
    fn pass_quiet_steps(
        &self,
        k: usize,
        xs: &[f64],
        due_last: usize,
        bound: f64,
        cap: usize,
    ) -> usize {
        if xs[k] >= bound {
            return k;
        }
        let last = due_last.min(cap);
        if last <= k {
            return k;
        }
        let run = &xs[k + 1..=last];
        k + run.iter().position(|&x| x >= bound).unwrap_or(run.len())
    }
}

/// Vests every tranche whose price test is met and whose milestone has come by `t` (the price
/// `s` then), and finds the next milestone still awaited by a tranche whose price is met.
fn vest_step(
    t: f64,
    s: f64,
    milestones: &[Option<f64>],
    price_met: &[Option<(f64, f64)>],
    vested: &mut [Option<(f64, f64)>],
    open: &mut usize,
    next_due: &mut f64,
) {
    *next_due = f64::INFINITY;
    for i in 0..vested.len() {
        if vested[i].is_some() {
            continue;
        }
        if let (Some(tm), Some((tp, sp))) = (milestones[i], price_met[i]) {
            vested[i] = match vest_at(tm, tp, t) {
                VestAt::PriceDate => Some((tp, sp)),
                VestAt::Milestone => Some((t, s)),
                VestAt::NotYet => {
                    *next_due = next_due.min(tm);
                    continue;
                }
            };
            *open -= 1;
        }
    }
}
