//! The warrant's terms as rules, stated once: what passes a tranche's price test, and when a
//! tranche vests. The deterministic timeline ([`crate::vesting`]), the fast simulation
//! ([`crate::montecarlo`]'s path) and its plain reference (`montecarlo::reference`) all ask
//! these, so that a change of a term is a change here.
//!
//! - **Price tests** ([`PriceTestKind`]) are observers of closes: `close` is met by one close
//!   at or above the target, `average` by the mean of the trailing N closes at or above it
//!   (closes before the valuation date equal the valuation-date price: a flat history),
//!   [`PriceObserver`]. `touch` is met when the price reaches the target at any moment: on
//!   closes alone a close at or above it, and between two closes of a simulated path by the
//!   Brownian bridge ([`bridge_exponent`], [`bridge_crosses`]; Glasserman, "Monte Carlo
//!   Methods in Financial Engineering", 2004, §6.4).
//! - **The vest rule**: a tranche vests on the later of its milestone and its price date,
//!   each condition counting once met ([`vest_at`]); under `price_after_milestone` the price
//!   test counts only from the milestone on ([`price_counts_from`]). This is our reading of
//!   the AMD–OpenAI warrant in AMD's Form 8-K of 2025-10-06 (tranches vest "upon" GW
//!   deployment milestones and share-price thresholds).

use crate::scenario::{PriceTestKind, VestingRule};

/// The bridge's cutoff: a step whose crossing exponent q is at least this (p = e^(−q) below
/// e⁻³⁸ ≈ 3·10⁻¹⁷, under the smallest uniform drawn) cannot cross, and draws no uniform.
pub const BRIDGE_CUTOFF: f64 = 38.0;

/// An average passes at target × (1 − this): the margin absorbs the rounding of a window's
/// sum (moved on close by close, or summed in another order), about 10⁻¹⁵ of it.
pub const AVERAGE_MARGIN: f64 = 1e-12;

/// Which condition of a tranche came last, and so dates its vesting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VestAt {
    /// The milestone came first (or the same day): the tranche vests when its price test is met.
    PriceDate,
    /// The price test was met first and the milestone has come by now: it vests at the milestone.
    Milestone,
    /// The price test is met but the milestone has not come by now.
    NotYet,
}

/// The vest rule: a tranche whose price test was first met at `price` and whose milestone
/// comes at `milestone` vests on the later of the two, each condition counting once it has
/// been met, in any order. `now` is the time the caller has reached (the expiry for the
/// timeline, the grid time for a simulated path). Works for dates and for year fractions alike.
pub fn vest_at<T: PartialOrd>(milestone: T, price: T, now: T) -> VestAt {
    if milestone <= price {
        VestAt::PriceDate
    } else if milestone <= now {
        VestAt::Milestone
    } else {
        VestAt::NotYet
    }
}

/// From when a tranche's price test counts under `rule`: from the start (`conditions_once_met`)
/// or from its GW milestone on (`price_after_milestone`). With [`vest_at`] this is the whole
/// vest rule.
pub fn price_counts_from<T>(rule: VestingRule, start: T, milestone: T) -> T {
    match rule {
        VestingRule::ConditionsOnceMet => start,
        VestingRule::PriceAfterMilestone => milestone,
    }
}

/// The sum at which a window of `len` closes reaches `target` on average:
/// target·(1 − [`AVERAGE_MARGIN`])·len (compared as a sum, so that no division is needed).
pub fn average_threshold(len: usize, target: f64) -> f64 {
    target * (1.0 - AVERAGE_MARGIN) * len as f64
}

/// Whether a window of `len` closes adding up to `sum` reaches `target` on average.
pub fn average_reaches(sum: f64, len: usize, target: f64) -> bool {
    sum >= average_threshold(len, target)
}

/// The Brownian bridge's crossing exponent q between two grid points at ln S = `x0` and `x1`,
/// both below ln H = `log_target`: the price crossed H in between with probability
/// p = e^(−q), q = k·(ln H − x₀)·(ln H − x₁), k = 2 ÷ (the step's variance of ln S).
pub fn bridge_exponent(bridge_k: f64, log_target: f64, x0: f64, x1: f64) -> f64 {
    bridge_k * (log_target - x0) * (log_target - x1)
}

/// Whether the bridge crossed, given the step's uniform `u`: q within reach
/// ([`BRIDGE_CUTOFF`]) and u < e^(−q). One uniform per step serves every target, so that
/// crossings of nested targets nest (a higher target has the larger q).
pub fn bridge_crosses(q: f64, u: f64) -> bool {
    q < BRIDGE_CUTOFF && u < libm::exp(-q)
}

/// Tests a sequence of closes against one tranche's price target. `touch` and `close` are met
/// by a close at or above the target (a touch between closes is the bridge's, which a path
/// adds); `average` by the mean of the trailing `len` closes. The window's sum is moved on
/// close by close and summed afresh each time the window has turned over, so that rounding
/// never builds up beyond a few ulps (the margin, [`AVERAGE_MARGIN`], absorbs them).
#[derive(Clone, Debug)]
pub struct PriceObserver {
    target: f64,
    kind: PriceTestKind,
    /// The trailing closes as a ring (one for `touch` and `close`), the slot the next close
    /// takes, and their sum.
    window: Vec<f64>,
    next: usize,
    sum: f64,
}

impl PriceObserver {
    /// An observer of `kind` against `target`, its average over `len` closes (ignored for
    /// `touch` and `close`), the closes before the first observed one equal to `prior_close`.
    pub fn new(kind: PriceTestKind, len: usize, target: f64, prior_close: f64) -> PriceObserver {
        let len = match kind {
            PriceTestKind::Average => len.max(1),
            _ => 1,
        };
        PriceObserver {
            target,
            kind,
            window: vec![prior_close; len],
            next: 0,
            sum: prior_close * len as f64,
        }
    }

    /// Records one close; true when the test is met at it.
    pub fn observe_close(&mut self, close: f64) -> bool {
        self.sum += close - self.window[self.next];
        self.window[self.next] = close;
        self.next = (self.next + 1) % self.window.len();
        if self.next == 0 {
            self.sum = self.window.iter().sum();
        }
        self.passes()
    }

    /// Whether the closes observed so far pass the test: the last close, or the window's
    /// mean, at or above the target.
    pub fn passes(&self) -> bool {
        match self.kind {
            PriceTestKind::Touch | PriceTestKind::Close => self.sum >= self.target,
            PriceTestKind::Average => average_reaches(self.sum, self.window.len(), self.target),
        }
    }

    /// The trailing average (or the last close) the test compares with the target.
    pub fn level(&self) -> f64 {
        self.sum / self.window.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_average_needs_its_window_full() {
        let mut m = PriceObserver::new(PriceTestKind::Average, 3, 10.0, 7.0);
        assert!(!m.observe_close(13.0)); // (7 + 7 + 13) / 3 = 9
        assert!(m.observe_close(10.0)); // (7 + 13 + 10) / 3 = 10
        assert!((m.level() - 10.0).abs() < 1e-12);
        assert!(!m.observe_close(6.0)); // (13 + 10 + 6) / 3 < 10
    }

    #[test]
    fn close_and_touch_see_one_close() {
        for kind in [PriceTestKind::Close, PriceTestKind::Touch] {
            let mut m = PriceObserver::new(kind, 30, 10.0, 20.0);
            assert!(!m.observe_close(9.99));
            assert!(m.observe_close(10.0));
        }
    }

    #[test]
    fn the_vest_rule_takes_the_later_condition() {
        assert_eq!(vest_at(1.0, 2.0, 3.0), VestAt::PriceDate);
        assert_eq!(vest_at(2.0, 2.0, 2.0), VestAt::PriceDate);
        assert_eq!(vest_at(2.5, 2.0, 3.0), VestAt::Milestone);
        assert_eq!(vest_at(3.5, 2.0, 3.0), VestAt::NotYet);
        let rule = VestingRule::PriceAfterMilestone;
        assert_eq!(price_counts_from(rule, 0.0, 2.0), 2.0);
        assert_eq!(
            price_counts_from(VestingRule::ConditionsOnceMet, 0.0, 2.0),
            0.0
        );
    }

    #[test]
    fn crossings_of_nested_targets_nest() {
        let (k, x0, x1) = (50.0, 0.0, 0.05);
        let (low, high) = (
            bridge_exponent(k, 0.1, x0, x1),
            bridge_exponent(k, 0.2, x0, x1),
        );
        assert!(low < high);
        let u = 0.5 * (libm::exp(-low) + libm::exp(-high));
        assert!(bridge_crosses(low, u) && !bridge_crosses(high, u));
        assert!(!bridge_crosses(BRIDGE_CUTOFF, 0.0));
    }
}
