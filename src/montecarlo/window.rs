//! Trailing windows of closes for the average price tests (e.g. a 30-day average at or above
//! the target): the window's sum moved on close by close along a path, the one comparison
//! of a window's average with its target, shared by the path ([`super::path`]) and the tests
//! counted from a milestone ([`super::after_milestone`]), the bound that passes over windows
//! known below their target ([`below_until`]), and the level the average groups set for the
//! path's quiet runs.

use super::closes::{lower, spot, spot_inline};
use super::model::Model;
use crate::warrant_terms::average_threshold;

/// A trailing window's sum of closes, moved on by one close a step while a group's window
/// stays near its target (one add and one subtract instead of `len` adds), and summed afresh
/// when it was not computed the step before or after [`WindowSum::REFRESH`] moves, so that
/// rounding never builds up beyond a few ulps (the test compares with a 10⁻¹² margin,
/// [`crate::warrant_terms::average_reaches`]).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WindowSum {
    /// Grid time of the last sum (0: none yet) and the sum.
    end: usize,
    sum: f64,
    moves: u32,
    /// The last window end up to which the mean is known to stay below the group's lowest
    /// pending target ([`below_until`]; 0: none).
    pub below_until: usize,
}

impl WindowSum {
    const REFRESH: u32 = 64;

    /// The sum of the `len` closes up to grid time `end` (closes before the valuation date
    /// equal S₀, which is `prices[0]`), exponentiating each close once. A full sum prices the
    /// window's closes first, in a loop of its own with the exponential inline, then adds them
    /// up: with a call in the summing loop, V8 keeps the running sum in memory.
    pub(super) fn sum(&mut self, xs: &[f64], prices: &mut [f64], end: usize, len: usize) -> f64 {
        let close = |j: usize, prices: &mut [f64]| spot(&mut prices[j], xs[j]);
        if self.end + 1 == end && self.end > 0 && self.moves < Self::REFRESH {
            // Moved on by one: the new close in, the one `len` before it out.
            let out = if end > len {
                close(end - len, prices)
            } else {
                prices[0]
            };
            self.sum += close(end, prices) - out;
            self.moves += 1;
        } else {
            let first = (end + 1).saturating_sub(len);
            for (p, &x) in prices[first..=end].iter_mut().zip(&xs[first..=end]) {
                spot_inline(p, x);
            }
            let mut sum = len.saturating_sub(end + 1) as f64 * prices[0];
            for p in &prices[first..=end] {
                sum += p;
            }
            self.sum = sum;
            self.moves = 0;
        }
        self.end = end;
        self.sum
    }
}

impl Model {
    /// The lowest target of the average groups that the path at step `k` could next meet
    /// (−∞ while a group's trailing window holds a close at or above its lowest pending
    /// target: its mean must be checked every step), and the last window end up to which the
    /// groups known below their targets stay so (steps may pass up to it; `usize::MAX`: none).
    /// A group known below does not limit the level: its bound holds whatever the closes.
    pub(super) fn average_level(
        &self,
        group_ptr: &[usize],
        last_high: &[Option<usize>],
        window_sums: &[WindowSum],
        k: usize,
    ) -> (f64, usize) {
        let mut lowest = f64::INFINITY;
        let mut cap = usize::MAX;
        for (g, group) in self.tests.average_groups.iter().enumerate() {
            let Some(&i) = group.order.get(group_ptr[g]) else {
                continue;
            };
            let below = window_sums[g].below_until;
            if k < below {
                cap = cap.min(below);
                continue;
            }
            if last_high[g].is_some_and(|j| k - j < self.tests.window_lengths[g]) {
                return (f64::NEG_INFINITY, cap);
            }
            lowest = lower(lowest, self.tests.tranches[i].log_target);
        }
        (lowest, cap)
    }
}

/// The last window end, from `end` on, up to which a window of `len` closes whose sum at `end`
/// is `sum` stays below `target` on average (as [`crate::warrant_terms::average_reaches`] compares it), by a bound
/// that prices only the path's new highs: moving the window on from `end` to e takes out
/// closes already priced (an unpriced one counts as 0, prices being positive; closes before
/// the valuation date are S₀, `prices[0]`) and brings in the closes `end`+1..=e, each at most
/// e^(the highest ln S from `end`+1 up to it), so the sum at e is at most
/// sum − Σ out + Σⱼ e^(max ln S over `end`+1..=j). The path is built before it is tested, so
/// the bound reads the coming closes' logarithms; the price of each new high is computed
/// once and kept in `prices` (the window's sum will read it). The bound is compared with the
/// threshold less 10⁻⁹ of it, which covers the rounding of the bound and of the sums it stands
/// for. Steps whose window ends lie up to the returned one need no mean (a run of them is
/// passed over as a quiet run is). Also returns the last of those window ends whose close is
/// at or above `log_target` (the run's steps do not note it themselves).
pub(super) fn below_until(
    sum: f64,
    end: usize,
    len: usize,
    target: f64,
    log_target: f64,
    xs: &[f64],
    prices: &mut [f64],
) -> (usize, Option<usize>) {
    let limit = average_threshold(len, target) * (1.0 - 1e-9);
    let mut rest = sum;
    let mut top = f64::NEG_INFINITY;
    let mut top_price = 0.0;
    let mut incoming = 0.0;
    let mut last = end;
    let mut high = None;
    for (e, &x) in xs.iter().enumerate().skip(end + 1) {
        if x > top {
            top = x;
            top_price = spot_inline(&mut prices[e], x);
        }
        rest -= if e > len { prices[e - len] } else { prices[0] };
        incoming += top_price;
        if rest + incoming >= limit {
            break;
        }
        last = e;
        if x >= log_target {
            high = Some(e);
        }
    }
    (last, high)
}

/// The last step j (j ≤ `k`, within the `len` steps up to it) whose close ln S(j + 1) is at
/// or above `log_target`: where a group's window last held a close at its lowest pending
/// target.
pub(super) fn last_close_at_or_above(
    xs: &[f64],
    k: usize,
    len: usize,
    log_target: f64,
) -> Option<usize> {
    (k.saturating_sub(len - 1)..=k)
        .rev()
        .find(|&j| xs[j + 1] >= log_target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::montecarlo::exp_table;
    use crate::warrant_terms::average_reaches;

    /// The sum of the window of `len` closes ending at `end`, each close priced afresh.
    fn window_sum(xs: &[f64], s0: f64, end: usize, len: usize) -> f64 {
        (end + 1 - len.min(end + 1)..=end)
            .map(|j| if j == 0 { s0 } else { exp_table::exp(xs[j]) })
            .sum::<f64>()
            + len.saturating_sub(end + 1) as f64 * s0
    }

    #[test]
    fn below_until_bounds_every_window_it_passes_over() {
        // Random walks of log prices (a xorshift generator), windows of 5 to 40 closes, and
        // targets from just above the window's mean to 30% above it; some closes unpriced.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut uniform = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / 9_007_199_254_740_992.0
        };
        let s0 = 100.0;
        let (mut passed, mut runs) = (0, 0);
        for trial in 0..3000 {
            let len = 5 + trial % 36;
            let mut xs = vec![f64::ln(s0)];
            for _ in 0..400 {
                let last = xs[xs.len() - 1];
                xs.push(last + 0.04 * (uniform() - 0.5));
            }
            let mut prices: Vec<f64> = xs.iter().map(|&x| exp_table::exp(x)).collect();
            prices[0] = s0;
            for p in prices.iter_mut().skip(1) {
                if uniform() < 0.2 {
                    *p = 0.0;
                }
            }
            let end = 1 + (trial * 7) % 300;
            let sum = window_sum(&xs, s0, end, len);
            let target = sum / len as f64 * (1.0 + 0.3 * uniform() * uniform());
            let log_target = f64::ln(target);
            let (until, high) = below_until(sum, end, len, target, log_target, &xs, &mut prices);
            for e in end + 1..=until {
                assert!(
                    !average_reaches(window_sum(&xs, s0, e, len), len, target),
                    "trial {trial}: the window ending at {e} reaches its target"
                );
            }
            let want_high = (end + 1..=until).rev().find(|&e| xs[e] >= log_target);
            assert_eq!(high, want_high, "trial {trial}");
            passed += until - end;
            runs += usize::from(until > end);
        }
        // The bound is of use: it passes over many windows.
        assert!(
            runs > 1000 && passed > 10 * runs,
            "{runs} runs, {passed} windows"
        );
    }
}
