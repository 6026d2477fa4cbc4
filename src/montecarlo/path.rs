//! One simulated path: the share price on the grid, each tranche's price test, and the vest
//! rule applied as the path goes ([`crate::vesting::vest_at`], the rule the timeline uses).
//!
//! Price: ln S(t+Δ) = ln S(t) + (m − σ²/2)Δ + σ√Δ·Z, exact for geometric Brownian motion; under
//! a term structure σ²Δ is the step's forward variance v_k ([`crate::volatility`]).
//! `touch` between grid points: the Brownian-bridge crossing probability
//! p = exp(−2·ln(H/S₀)·ln(H/S₁)/(σ²Δ)) (Glasserman 2004, §6.4; v_k for σ²Δ under a term structure); `close` and `average` on the
//! grid's closes.

use super::model::Model;
use super::rng::Rng;
use crate::scenario::{PriceTestKind, VestingRule};
use crate::vesting::{price_counts_from, vest_at, VestAt};

/// Fan points per path (slot 0 is the valuation date).
pub(super) const FAN_POINTS: usize = 48;

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
    next_slot: Vec<usize>,
    last_high: Vec<Option<usize>>,
    /// One trailing window per average group (a ring, any order): each close as its logarithm
    /// and, once needed, as a price (NaN until then), so that a close costs at most one exp.
    windows: Vec<Vec<(f64, f64)>>,
    /// ln S at every grid time and the bridge uniform of every step, kept only under
    /// `price_after_milestone`.
    log_prices: Vec<f64>,
    step_uniforms: Vec<f64>,
}

impl Model {
    /// One path under drift `drift`; fills `out` per tranche; records fan prices if asked.
    /// Returns the log of the path's likelihood ratio dP/dQ on what it simulated (meaningful
    /// for the risk-neutral run): θW_τ − θ²τ/2 for a flat volatility, Σ g_k·Z_k − Σ g_k²/2
    /// under a term structure (θ_k = (μ − r)/σ_k per step, Glasserman 2004, §4.6).
    ///
    /// Targets are visited in ascending order with a pointer to the lowest one not yet met:
    /// with one bridge uniform per step, touches (and closes, and averages over the same
    /// window) of nested levels nest, so a step checks one level unless it crosses some.
    #[allow(clippy::too_many_arguments)]
    pub fn simulate(
        &self,
        normals: &[f64],
        drift: f64,
        sign: f64,
        bridge: &mut Rng,
        out: &mut [Outcome],
        state: &mut PathState,
        mut fan: Option<&mut [f64]>,
    ) -> f64 {
        let n = self.tranches.len();
        let (dt, sigma, s0) = (self.dt, self.sigma, self.s0);
        // The driving Brownian motion W (at the last simulated step) and that step's time.
        let mut z_sum = 0.0;
        let mut steps_done = 0usize;
        let a = (drift - 0.5 * sigma * sigma) * dt;
        let b = sigma * f64::sqrt(dt) * sign;
        // Crossing between grid points: p = exp(−k·d₀·d₁), k = 2/(σ²Δ), d = ln H − ln S.
        let bridge_k = 2.0 / (sigma * sigma * dt);
        let mut x = libm::log(s0);
        let curve = self.curve.as_ref();
        // Σ g_k·Z_k and Σ g_k² of the likelihood ratio under a term structure.
        let (mut girsanov_z, mut girsanov_gg) = (0.0, 0.0);
        let PathState {
            milestones,
            price_met,
            touched,
            vested,
            group_ptr,
            next_slot,
            last_high,
            windows,
            log_prices,
            step_uniforms,
        } = state;
        // Under `price_after_milestone` a tranche's price test counts only from its milestone
        // on: the path runs to expiry and each tranche is tested afterwards
        // ([`Model::price_after_milestone`]).
        let after_milestone = self.rule == VestingRule::PriceAfterMilestone;
        log_prices.clear();
        step_uniforms.clear();
        if after_milestone {
            log_prices.push(libm::log(s0));
        }
        if windows.len() != self.window_lengths.len() {
            *windows = self
                .window_lengths
                .iter()
                .map(|&len| vec![(0.0, 0.0); len])
                .collect();
        }
        for v in [&mut *price_met, &mut *touched, &mut *vested] {
            v.clear();
            v.resize(n, None);
        }
        for (i, t) in self.tranches.iter().enumerate() {
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
                .take_while(|&&i| self.tranches[i].target.is_some_and(|h| s0 >= h))
                .count()
        };
        let mut touch_ptr = met_at_start(&self.touch_order);
        let mut close_ptr = met_at_start(&self.close_order);
        group_ptr.clear();
        group_ptr.extend(self.average_groups.iter().map(|g| met_at_start(&g.order)));
        for w in windows.iter_mut() {
            w.iter_mut().for_each(|v| *v = (x, s0));
        }
        next_slot.clear();
        next_slot.resize(windows.len(), 0);
        // The last step whose close reached the group's lowest pending target (none yet: the
        // targets met at the start are skipped by the pointers).
        last_high.clear();
        last_high.resize(windows.len(), None);
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
        let mut fan_slot = 1;
        if let Some(f) = fan.as_deref_mut() {
            f[0] = s0;
        }
        for (k, &z) in normals[..self.steps].iter().enumerate() {
            if open_vests == 0
                && touch_ptr == self.touch_order.len()
                && fan.is_none()
                && !after_milestone
            {
                break;
            }
            let t0 = k as f64 * dt;
            let t1 = (k + 1) as f64 * dt;
            // This step's drift, diffusion and bridge coefficients.
            let (a, b, bridge_k) = match curve {
                None => (a, b, bridge_k),
                Some(c) => {
                    let g = c.girsanov[k];
                    girsanov_z += g * sign * z;
                    girsanov_gg += g * g;
                    (drift * dt - 0.5 * c.var[k], sign * c.sd[k], c.bridge_k[k])
                }
            };
            let x1 = x + a + b * z;
            z_sum += z;
            steps_done = k + 1;
            let mut s1 = f64::NAN;
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
            while let Some(&i) = self.touch_order.get(touch_ptr) {
                let t = &self.tranches[i];
                let lh = t.log_target;
                let hit = x1 >= lh || {
                    let q = bridge_k * (lh - x) * (lh - x1);
                    q < 38.0 && {
                        let u = *bridge_u.get_or_insert_with(|| bridge.uniform());
                        u * (1.0 + q + 0.5 * q * q) < 1.0 && u < libm::exp(-q)
                    }
                };
                if !hit {
                    break;
                }
                touched[i] = Some((t0 + 0.5 * dt, t.target.unwrap_or(s0)));
                if t.kind == PriceTestKind::Touch && price_met[i].is_none() {
                    price_met[i] = touched[i];
                    changed = true;
                }
                touch_ptr += 1;
            }
            while let Some(&i) = self.close_order.get(close_ptr) {
                if x1 < self.tranches[i].log_target {
                    break;
                }
                price_met[i] = Some((t1, spot(&mut s1, x1)));
                changed = true;
                close_ptr += 1;
            }
            for (g, group) in self.average_groups.iter().enumerate() {
                if group_ptr[g] == group.order.len() {
                    continue;
                }
                let w = &mut windows[g];
                let slot = next_slot[g];
                w[slot] = (x1, s1);
                next_slot[g] += 1;
                if next_slot[g] == w.len() {
                    next_slot[g] = 0;
                }
                if group
                    .order
                    .get(group_ptr[g])
                    .is_some_and(|&i| x1 >= self.tranches[i].log_target)
                {
                    last_high[g] = Some(k);
                }
                // The mean of the window's closes reaches a target only if one of the closes
                // does: until then the closes stay logarithms and cost no exp. (A close above
                // an earlier, lower target also counts, which only costs a needless mean.)
                if last_high[g].is_none_or(|j| k - j >= w.len()) {
                    continue;
                }
                let s = spot(&mut s1, x1);
                w[slot].1 = s;
                let mut sum = 0.0;
                for (x, s) in w.iter_mut() {
                    sum += spot(s, *x);
                }
                let mean = sum / w.len() as f64;
                while let Some(&i) = group.order.get(group_ptr[g]) {
                    let h = self.tranches[i].target.unwrap_or(0.0);
                    if mean < h * (1.0 - 1e-12) {
                        break;
                    }
                    price_met[i] = Some((t1, s));
                    changed = true;
                    group_ptr[g] += 1;
                }
            }
            if changed || t1 >= next_due {
                let s = spot(&mut s1, x1);
                vest_step(
                    t1,
                    s,
                    milestones,
                    price_met,
                    vested,
                    &mut open_vests,
                    &mut next_due,
                );
            }
            x = x1;
            if after_milestone {
                log_prices.push(x1);
            }
            if let Some(f) = fan.as_deref_mut() {
                // Slot j holds the price at grid step ⌈j·steps/FAN_POINTS⌉.
                while fan_slot <= FAN_POINTS && fan_step(fan_slot, self.steps) <= k + 1 {
                    f[fan_slot] = libm::exp(x);
                    fan_slot += 1;
                }
            }
        }
        if after_milestone {
            for i in 0..n {
                vested[i] = milestones[i]
                    .and_then(|tm| self.price_after_milestone(i, tm, log_prices, step_uniforms));
            }
        }
        let (k_strike, r, expiry) = (self.strike, self.rate, self.expiry_years + 1e-12);
        let pv = |v: Option<(f64, f64)>| {
            v.filter(|(t, _)| *t <= expiry)
                .map_or(0.0, |(t, s)| (s - k_strike).max(0.0) * libm::exp(-r * t))
        };
        for i in 0..n {
            out[i] = Outcome {
                vest: vested[i].filter(|(t, _)| *t <= expiry).map(|(t, _)| t),
                value: pv(vested[i]),
                control: pv(touched[i]),
            };
        }
        if curve.is_some() {
            return girsanov_z - 0.5 * girsanov_gg;
        }
        let (w, tau) = (sign * f64::sqrt(dt) * z_sum, steps_done as f64 * dt);
        let theta = self.theta;
        theta * w - 0.5 * theta * theta * tau
    }
}

impl Model {
    /// When tranche `i` vests under `price_after_milestone`, its milestone at `tm` years, on
    /// the path `log_prices` (ln S at each grid time): its price test counts from the first
    /// grid time at or after the milestone ([`crate::vesting::price_counts_from`]), and it vests
    /// when that test is met ([`crate::vesting::vest_at`]: the price date comes last). `touch`
    /// is met at that grid time if S is at or above the target, else at the first crossing
    /// after it (Brownian bridge between grid points with the main path's uniform of each
    /// step, so that crossings of nested levels nest); `close` at the
    /// first close at or above the target; `average` at the first trailing average (closes
    /// before the valuation date equal S₀) at or above it.
    fn price_after_milestone(
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
        let t = &self.tranches[i];
        let dt = self.dt;
        // The first grid time at or after the moment the price test starts to count.
        let counts_from = price_counts_from(self.rule, 0.0, tm);
        let mut start = f64::ceil(counts_from / dt) as usize;
        if start > 0 && (start - 1) as f64 * dt >= counts_from {
            start -= 1;
        }
        let last = log_prices.len().checked_sub(1)?;
        if start > last {
            return None;
        }
        let at = |k: usize| (k as f64 * dt, libm::exp(log_prices[k]));
        let Some(h) = t.target else {
            return Some(at(start));
        };
        let lh = t.log_target;
        match t.kind {
            PriceTestKind::Touch => {
                if log_prices[start] >= lh {
                    return Some(at(start));
                }
                let flat_k = 2.0 / (self.sigma * self.sigma * dt);
                for k in start..last {
                    let (x0, x1) = (log_prices[k], log_prices[k + 1]);
                    let bridge_k = self.curve.as_ref().map_or(flat_k, |c| c.bridge_k[k]);
                    let q = bridge_k * (lh - x0) * (lh - x1);
                    if x1 >= lh || q < 38.0 && uniforms[k] < libm::exp(-q) {
                        return Some(((k as f64 + 0.5) * dt, h));
                    }
                }
                None
            }
            PriceTestKind::Close => (start..=last).find(|&k| log_prices[k] >= lh).map(at),
            PriceTestKind::Average => {
                let w = t.window;
                let s0 = libm::exp(log_prices[0]);
                let close = |j: isize| {
                    if j <= 0 {
                        s0
                    } else {
                        libm::exp(log_prices[j as usize])
                    }
                };
                let mut sum: f64 = (0..w).map(|d| close(start as isize - d as isize)).sum();
                for k in start..=last {
                    if k > start {
                        sum += close(k as isize) - close(k as isize - w as isize);
                    }
                    if sum / w as f64 >= h * (1.0 - 1e-12) {
                        return Some(at(k));
                    }
                }
                None
            }
        }
    }
}

/// S from ln S, computed once per step (NaN marks "not yet").
fn spot(s1: &mut f64, x1: f64) -> f64 {
    if s1.is_nan() {
        *s1 = libm::exp(x1);
    }
    *s1
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

/// The grid step of fan slot `slot`: ⌈slot·steps/FAN_POINTS⌉ (slot 0 is the start).
pub(super) fn fan_step(slot: usize, steps: usize) -> usize {
    (slot * steps).div_ceil(FAN_POINTS)
}
