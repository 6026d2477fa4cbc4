//! Closed-form option prices in the Black–Scholes–Merton world: flat continuously compounded
//! rate r, continuous dividend yield q (cost of carry b = r − q), lognormal spot, continuous
//! barrier monitoring.
//!
//! A tranche that vests when the share price reaches a target is a barrier event, so these
//! prices anchor the Monte Carlo engine and price a single hurdle instantly. One file per
//! family, each documenting its formulas and references:
//! - [`vanilla`]: European calls and puts, cash-/asset-or-nothing digitals, gap options;
//! - [`binary_barrier`]: the reflection terms and binary barriers (paid at expiry);
//! - [`touch`]: one-touch (at the hit or at expiry) and no-touch, cash or asset;
//! - [`barrier`]: knock-in and knock-out calls and puts with rebates;
//! - [`warrant`]: diluted warrants, simple and fixed-point.
//!
//! Around them: [`kinds`] (the contract's kind names and the fields each takes), [`spec`] (a
//! validated spec and its rules; [`crate::input::option_spec`] reads one from JSON), [`value`]
//! (dispatch to the family) and [`greeks`] (price with delta, gamma, vega).

pub mod barrier;
pub mod binary_barrier;
pub mod greeks;
pub mod kinds;
pub mod spec;
pub mod touch;
pub mod vanilla;
pub mod warrant;

pub use greeks::{price, Priced};
pub use kinds::{option_kinds, Direction, Knock, OptionKind, Payment, Payoff, Right};
pub use spec::OptionSpec;

/// The market of one option: spot, rates, volatility and time to expiry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Market {
    pub spot: f64,
    /// r, continuously compounded per year.
    pub rate: f64,
    /// q, continuous per year.
    pub dividend_yield: f64,
    /// σ per √year.
    pub vol: f64,
    /// T in years, ≥ 0.
    pub time_years: f64,
}

impl Market {
    /// The market of an issuer's shares (spot, r, q, σ) over `time_years`; σ is the implied
    /// volatility to `time_years` (the term structure's total variance, [`crate::volatility`]).
    pub fn of_equity(e: &crate::scenario::Equity, time_years: f64) -> Market {
        Market {
            spot: e.share_price,
            rate: e.risk_free_rate,
            dividend_yield: e.dividend_yield,
            vol: crate::volatility::implied_vol(e, time_years),
            time_years,
        }
    }

    /// b = r − q.
    pub fn carry(&self) -> f64 {
        self.rate - self.dividend_yield
    }
    /// e^{−rT}.
    pub fn discount(&self) -> f64 {
        libm::exp(-self.rate * self.time_years)
    }
    /// e^{(b−r)T} = e^{−qT}.
    pub fn dividend_discount(&self) -> f64 {
        libm::exp(-self.dividend_yield * self.time_years)
    }
}

/// The price of a validated spec.
pub fn value(spec: &OptionSpec) -> f64 {
    let m = &spec.market;
    let (x, h) = (spec.strike, spec.barrier);
    match spec.kind {
        OptionKind::Vanilla(right) => vanilla::vanilla(m, right, x),
        OptionKind::CashOrNothing(right) => vanilla::cash_or_nothing(m, right, x, spec.cash),
        OptionKind::AssetOrNothing(right) => vanilla::asset_or_nothing(m, right, x),
        OptionKind::Gap(right) => vanilla::gap(m, right, x, spec.trigger),
        OptionKind::Barrier(d, k, right) => {
            barrier::barrier_option(m, d, k, right, x, h, spec.rebate)
        }
        OptionKind::OneTouch(d) => touch::one_touch(m, d, h, spec.cash, spec.payment),
        OptionKind::NoTouch(d) => touch::no_touch(m, d, h, spec.cash),
        OptionKind::AssetOneTouch(d) => touch::asset_one_touch(m, d, h, spec.payment),
        OptionKind::AssetNoTouch(d) => touch::asset_no_touch(m, d, h),
        OptionKind::BinaryBarrier(d, k, cash, right) => {
            let payoff = if cash {
                Payoff::Cash(spec.cash)
            } else {
                Payoff::Asset
            };
            binary_barrier::binary_barrier(m, d, k, payoff, right, x, h)
        }
        OptionKind::Warrant => warrant::warrant(
            m,
            x,
            spec.shares_outstanding,
            spec.warrants_issued,
            spec.dilution,
        ),
    }
}
