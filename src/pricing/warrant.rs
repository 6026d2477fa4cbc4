//! Warrants: calls written by the company on new shares, whose exercise dilutes the holders.
//!
//! With N shares outstanding, M warrants (one share each) and C(S) the Black–Scholes–Merton
//! call on the share at the warrant's strike:
//! - `simple` (Galai & Schneller 1978, "Pricing of warrants and the value of the firm",
//!   J. Finance 33(5); Hull, "Options, Futures, and Other Derivatives", §15.10):
//!   W = N/(N+M) · C(S);
//! - `fixed_point`, when S is the price of a share *before* the warrants are valued into the
//!   firm, so that the firm's equity per share is S + (M/N)·W (Hull, same section):
//!   W = N/(N+M) · C(S + (M/N)·W).
//!
//! The fixed point is unique: g(W) = N/(N+M)·C(S + (M/N)·W) has slope M/(N+M)·Δ < 1, so
//! f(W) = W − g(W) is increasing. We solve f(W) = 0 by Newton steps kept inside a bracket
//! [lo, hi] that shrinks with every step (bisection when a step would leave it), to 1e−10.

use super::vanilla::{vanilla, vanilla_greeks};
use super::{Market, Right};

/// Which warrant formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dilution {
    Simple,
    FixedPoint,
}

/// Price per warrant.
pub fn warrant(m: &Market, strike: f64, shares: f64, warrants: f64, dilution: Dilution) -> f64 {
    let share = shares / (shares + warrants);
    match dilution {
        Dilution::Simple => share * vanilla(m, Right::Call, strike),
        Dilution::FixedPoint => fixed_point(m, strike, share, warrants / shares),
    }
}

fn fixed_point(m: &Market, strike: f64, share: f64, ratio: f64) -> f64 {
    let at = |w: f64| Market {
        spot: m.spot + ratio * w,
        ..*m
    };
    let f = |w: f64| w - share * vanilla(&at(w), Right::Call, strike);
    // f(0) ≤ 0. With q ≥ 0, C(S') ≤ S' gives f(S) ≥ 0; otherwise widen until f(hi) ≥ 0.
    let (mut lo, mut hi) = (0.0, m.spot);
    for _ in 0..64 {
        if f(hi) >= 0.0 {
            break;
        }
        hi *= 2.0;
    }
    let mut w = share * vanilla(m, Right::Call, strike);
    for _ in 0..200 {
        let fw = f(w);
        if fw.abs() <= 1e-10 * w.abs().max(1e-10) {
            return w;
        }
        if fw > 0.0 {
            hi = w;
        } else {
            lo = w;
        }
        let delta = match vanilla_greeks(&at(w), Right::Call, strike) {
            Some((d, _, _)) => d,
            None => 0.0,
        };
        let slope = 1.0 - share * ratio * delta;
        let newton = w - fw / slope;
        w = if newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if hi - lo <= 1e-15 * hi {
            return w;
        }
    }
    w
}
