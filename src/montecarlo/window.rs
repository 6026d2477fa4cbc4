//! Trailing windows of closes for the average price tests (e.g. a 30-day average at or above
//! the target): the window's sum moved on close by close along a path, and the one comparison
//! of a window's average with its target, shared by the path ([`super::path`]) and the tests
//! counted from a milestone ([`super::after_milestone`]).

use super::path::spot;

/// A trailing window's sum of closes, moved on by one close a step while a group's window
/// stays near its target (one add and one subtract instead of `len` adds), and summed afresh
/// when it was not computed the step before or after [`WindowSum::REFRESH`] moves, so that
/// rounding never builds up beyond a few ulps (the test compares with a 10⁻¹² margin,
/// [`window_reaches`]).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WindowSum {
    /// Grid time of the last sum (0: none yet) and the sum.
    end: usize,
    sum: f64,
    moves: u32,
}

impl WindowSum {
    const REFRESH: u32 = 64;

    /// The sum of the `len` closes up to grid time `end` (closes before the valuation date
    /// equal S₀, which is `prices[0]`), exponentiating each close once.
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
            let mut sum = len.saturating_sub(end + 1) as f64 * prices[0];
            for j in first..=end {
                sum += close(j, prices);
            }
            self.sum = sum;
            self.moves = 0;
        }
        self.end = end;
        self.sum
    }
}

/// Whether a window of `len` closes adding up to `sum` reaches `target` on average:
/// sum ≥ target·(1 − 10⁻¹²)·len (the margin absorbs the rounding of a sum moved on close by
/// close; compared as a sum, so that no division is needed).
pub(super) fn window_reaches(sum: f64, len: usize, target: f64) -> bool {
    sum >= target * (1.0 - 1e-12) * len as f64
}
