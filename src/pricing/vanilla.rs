//! European vanilla options and European digitals in the Black–Scholes–Merton world.
//!
//! Generalised Black–Scholes–Merton (Merton 1973; Haug 2007, §1.1.6) with cost of carry
//! b = r − q:
//!
//! d₁ = [ln(S/X) + (b + σ²/2)T] / (σ√T),  d₂ = d₁ − σ√T
//! - call = S·e^{(b−r)T}·Φ(d₁) − X·e^{−rT}·Φ(d₂); put = X·e^{−rT}·Φ(−d₂) − S·e^{(b−r)T}·Φ(−d₁)
//! - cash-or-nothing (Reiner & Rubinstein 1991b; Haug §4.19.1): call K·e^{−rT}·Φ(d₂),
//!   put K·e^{−rT}·Φ(−d₂)
//! - asset-or-nothing (Haug §4.19.2): call S·e^{(b−r)T}·Φ(d₁), put S·e^{(b−r)T}·Φ(−d₁)
//! - gap (Haug §4.19.3), paying S_T − X₁ if S_T > X₂ (put: X₁ − S_T if S_T < X₂): call
//!   S·e^{(b−r)T}·Φ(d₁) − X₁·e^{−rT}·Φ(d₂) with d₁, d₂ taken at X₂.
//!
//! At T = 0 every function returns its payoff at S (digitals pay on a strict inequality).

use super::{Market, Right};
use crate::numeric::normal::{cdf, pdf};

/// d₁ and d₂ at strike `x`, for T > 0.
pub fn d1_d2(m: &Market, x: f64) -> (f64, f64) {
    let v = m.vol * f64::sqrt(m.time_years);
    let d1 = (libm::log(m.spot / x) + (m.carry() + 0.5 * m.vol * m.vol) * m.time_years) / v;
    (d1, d1 - v)
}

/// A European call or put struck at `x`.
pub fn vanilla(m: &Market, right: Right, x: f64) -> f64 {
    gap(m, right, x, x)
}

/// Pays `cash` at expiry if S_T > x (call) or S_T < x (put).
pub fn cash_or_nothing(m: &Market, right: Right, x: f64, cash: f64) -> f64 {
    if m.time_years == 0.0 {
        return if right.in_the_money(m.spot, x) {
            cash
        } else {
            0.0
        };
    }
    let (_, d2) = d1_d2(m, x);
    cash * m.discount() * cdf(right.sign() * d2)
}

/// Pays S_T at expiry if S_T > x (call) or S_T < x (put).
pub fn asset_or_nothing(m: &Market, right: Right, x: f64) -> f64 {
    if m.time_years == 0.0 {
        return if right.in_the_money(m.spot, x) {
            m.spot
        } else {
            0.0
        };
    }
    let (d1, _) = d1_d2(m, x);
    m.spot * m.dividend_discount() * cdf(right.sign() * d1)
}

/// Pays φ·(S_T − strike) at expiry if φ·(S_T − trigger) > 0, φ = +1 call, −1 put; may be
/// negative when the strike lies beyond the trigger.
pub fn gap(m: &Market, right: Right, strike: f64, trigger: f64) -> f64 {
    let phi = right.sign();
    phi * (asset_or_nothing(m, right, trigger) - cash_or_nothing(m, right, trigger, strike))
}

/// Closed-form delta, gamma and vega of a vanilla (Haug §2.1): Δ = φ·e^{(b−r)T}·Φ(φd₁),
/// Γ = e^{(b−r)T}·φ(d₁)/(Sσ√T), vega = S·e^{(b−r)T}·φ(d₁)·√T (per unit of σ).
pub fn vanilla_greeks(m: &Market, right: Right, x: f64) -> Option<(f64, f64, f64)> {
    if m.time_years == 0.0 {
        return None;
    }
    let (d1, _) = d1_d2(m, x);
    let phi = right.sign();
    let carry_df = m.dividend_discount();
    let sqrt_t = f64::sqrt(m.time_years);
    let delta = phi * carry_df * cdf(phi * d1);
    let gamma = carry_df * pdf(d1) / (m.spot * m.vol * sqrt_t);
    let vega = m.spot * carry_df * pdf(d1) * sqrt_t;
    Some((delta, gamma, vega))
}
