//! A validated option spec (the contract's `priceOption` input) and the rules that keep the
//! closed forms finite. Reading a spec from JSON is [`crate::input::option_spec`]'s job.

use super::kinds::OptionKind;
use super::warrant::Dilution;
use super::{Market, Payment};
use crate::problem::Problem;
use crate::scenario::validate::range;

/// Largest price, strike, barrier or cash amount accepted.
pub const MAX_LEVEL: f64 = 1e15;

/// A validated option spec (the contract's `priceOption` input).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptionSpec {
    pub kind: OptionKind,
    pub market: Market,
    /// X (for gap options: the strike paid, S_T − X).
    pub strike: f64,
    /// H.
    pub barrier: f64,
    /// Paid at the hit for knock-outs, at expiry if never hit for knock-ins; default 0.
    pub rebate: f64,
    /// Cash amount of cash binaries and touches; default 1.
    pub cash: f64,
    /// X₂ of gap options: the level S_T must pass.
    pub trigger: f64,
    /// When a one-touch pays; default at the hit.
    pub payment: Payment,
    /// N, for warrants.
    pub shares_outstanding: f64,
    /// M, for warrants.
    pub warrants_issued: f64,
    /// Default simple.
    pub dilution: Dilution,
}

impl OptionSpec {
    /// Ranges and consistency: every rule that keeps the closed forms finite, each problem at
    /// its field.
    pub fn problems(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let m = &self.market;
        let mut level = |x: f64, path: &str| {
            if !(x > 0.0 && x <= MAX_LEVEL) {
                let msg = "must be greater than 0 (at most 1e15)";
                p.push(Problem::new(path, "level", msg).with("max", MAX_LEVEL));
            }
        };
        level(m.spot, "spot");
        if self.kind.direction().is_some() {
            level(self.barrier, "barrier");
        }
        if let OptionKind::Gap(_) = self.kind {
            level(self.trigger, "trigger");
        }
        if self.kind == OptionKind::Warrant {
            level(self.shares_outstanding, "sharesOutstanding");
            level(self.warrants_issued, "warrantsIssued");
        }
        let mut within = |x: f64, lo: f64, hi: f64, path: &str, unit: &'static str| {
            if !(x >= lo && x <= hi) {
                p.push(range(path, lo, hi, unit));
            }
        };
        within(m.vol, 1e-4, 10.0, "vol", "fraction_per_year");
        within(m.time_years, 0.0, 100.0, "timeYears", "years");
        within(m.rate, -1.0, 1.0, "rate", "");
        within(m.dividend_yield, -1.0, 1.0, "dividendYield", "");
        if self.kind.needs_strike() {
            within(self.strike, 0.0, MAX_LEVEL, "strike", "");
        }
        within(self.rebate, 0.0, MAX_LEVEL, "rebate", "");
        if self.kind.pays_cash() {
            within(self.cash, 0.0, MAX_LEVEL, "cash", "");
        }
        if self.kind.pays_at_hit(self.payment, self.rebate) && m.vol > 0.0 {
            let mu = (m.carry() - 0.5 * m.vol * m.vol) / (m.vol * m.vol);
            if mu * mu + 2.0 * m.rate / (m.vol * m.vol) < 0.0 {
                let msg = "is too negative for a payment at the hit (μ² + 2r/σ² < 0)";
                p.push(Problem::new("rate", "rate_at_hit", msg));
            }
        }
        p
    }
}
