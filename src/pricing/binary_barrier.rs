//! Binary barrier options, paid at expiry: cash or the asset if the barrier condition holds
//! (in: touched before expiry; out: never touched) and S_T ends beyond the strike.
//!
//! The building blocks are the reflection-principle terms of Reiner & Rubinstein (1991b,
//! "Unscrambling the binary code", Risk 4(9)), as tabulated by Haug (2007, §4.19.5). With
//! b = r − q, v = σ√T, μ = (b − σ²/2)/σ², λ = √(μ² + 2r/σ²):
//!
//! x₁ = ln(S/X)/v + (1+μ)v    x₂ = ln(S/H)/v + (1+μ)v
//! y₁ = ln(H²/(SX))/v + (1+μ)v  y₂ = ln(H/S)/v + (1+μ)v   z = ln(H/S)/v + λv
//!
//! A₁ = S·e^{(b−r)T}·Φ(φx₁)        B₁ = e^{−rT}·Φ(φx₁ − φv)
//! A₂ = S·e^{(b−r)T}·Φ(φx₂)        B₂ = e^{−rT}·Φ(φx₂ − φv)
//! A₃ = S·e^{(b−r)T}·(H/S)^{2(μ+1)}·Φ(ηy₁)   B₃ = e^{−rT}·(H/S)^{2μ}·Φ(ηy₁ − ηv)
//! A₄ = S·e^{(b−r)T}·(H/S)^{2(μ+1)}·Φ(ηy₂)   B₄ = e^{−rT}·(H/S)^{2μ}·Φ(ηy₂ − ηv)
//! A₅ = (H/S)^{μ+λ}·Φ(ηz) + (H/S)^{μ−λ}·Φ(ηz − 2ηλv)
//!
//! (B and A₅ per unit of cash), η = +1 for a down barrier and −1 for an up barrier.
//!
//! Knock-outs come straight from the reflection principle (Haug's cases 21–28):
//! - strike on the far side of the barrier from the payoff region (down call X ≥ H, up put
//!   X ≤ H): the European digital minus its reflection, B₁ − B₃ or A₁ − A₃ (φ = η);
//! - strike on the barrier's side (down call X < H, up put X > H): the payoff region contains
//!   every path that never touches, so the value is the no-touch, B₂ − B₄ or A₂ − A₄ (φ = η);
//! - the other direction (down put, up call) is the no-touch minus the first case.
//!
//! Knock-ins are the European digital minus the knock-out (in + out = European, which holds
//! path by path). A spot at or beyond the barrier has touched it: knock-ins become European
//! digitals and knock-outs are worth nothing.

use super::vanilla::{asset_or_nothing, cash_or_nothing};
use super::{Direction, Knock, Market, Payoff, Right};
use crate::numeric::normal::cdf;

/// The reflection terms for one market, strike and barrier (requires T > 0, S not at H).
pub struct Reflection {
    carry_df: f64,
    df: f64,
    spot: f64,
    v: f64,
    mu: f64,
    lambda: f64,
    x1: f64,
    x2: f64,
    y1: f64,
    y2: f64,
    z: f64,
    h_over_s: f64,
}

impl Reflection {
    /// λ is only needed for payments at the hit (A₅); it is NaN when μ² + 2r/σ² < 0, which
    /// option-spec validation rules out for the kinds that use it.
    pub fn new(m: &Market, strike: f64, barrier: f64) -> Reflection {
        let sigma2 = m.vol * m.vol;
        let v = m.vol * f64::sqrt(m.time_years);
        let mu = (m.carry() - 0.5 * sigma2) / sigma2;
        let lambda = f64::sqrt(mu * mu + 2.0 * m.rate / sigma2);
        let (s, x, h) = (m.spot, strike, barrier);
        let shift = (1.0 + mu) * v;
        Reflection {
            carry_df: m.dividend_discount(),
            df: m.discount(),
            spot: s,
            v,
            mu,
            lambda,
            x1: libm::log(s / x) / v + shift,
            x2: libm::log(s / h) / v + shift,
            y1: libm::log(h * h / (s * x)) / v + shift,
            y2: libm::log(h / s) / v + shift,
            z: libm::log(h / s) / v + lambda * v,
            h_over_s: h / s,
        }
    }

    fn reflect_asset(&self) -> f64 {
        libm::pow(self.h_over_s, 2.0 * (self.mu + 1.0))
    }

    fn reflect_cash(&self) -> f64 {
        libm::pow(self.h_over_s, 2.0 * self.mu)
    }

    pub fn a1(&self, phi: f64) -> f64 {
        self.spot * self.carry_df * cdf(phi * self.x1)
    }
    pub fn b1(&self, phi: f64) -> f64 {
        self.df * cdf(phi * self.x1 - phi * self.v)
    }
    pub fn a2(&self, phi: f64) -> f64 {
        self.spot * self.carry_df * cdf(phi * self.x2)
    }
    pub fn b2(&self, phi: f64) -> f64 {
        self.df * cdf(phi * self.x2 - phi * self.v)
    }
    pub fn a3(&self, eta: f64) -> f64 {
        self.spot * self.carry_df * self.reflect_asset() * cdf(eta * self.y1)
    }
    pub fn b3(&self, eta: f64) -> f64 {
        self.df * self.reflect_cash() * cdf(eta * self.y1 - eta * self.v)
    }
    pub fn a4(&self, eta: f64) -> f64 {
        self.spot * self.carry_df * self.reflect_asset() * cdf(eta * self.y2)
    }
    pub fn b4(&self, eta: f64) -> f64 {
        self.df * self.reflect_cash() * cdf(eta * self.y2 - eta * self.v)
    }
    /// Present value of 1 paid at the first touch of the barrier.
    pub fn a5(&self, eta: f64) -> f64 {
        libm::pow(self.h_over_s, self.mu + self.lambda) * cdf(eta * self.z)
            + libm::pow(self.h_over_s, self.mu - self.lambda)
                * cdf(eta * self.z - 2.0 * eta * self.lambda * self.v)
    }
}

/// Whether the spot has touched the barrier (at it or beyond, in the barrier's direction).
pub fn touched(direction: Direction, spot: f64, barrier: f64) -> bool {
    match direction {
        Direction::Down => spot <= barrier,
        Direction::Up => spot >= barrier,
    }
}

/// European digital paying `payoff` if S_T ends beyond `strike`.
pub fn european(m: &Market, payoff: Payoff, right: Right, strike: f64) -> f64 {
    match payoff {
        Payoff::Cash(cash) => cash_or_nothing(m, right, strike, cash),
        Payoff::Asset => asset_or_nothing(m, right, strike),
    }
}

/// A binary barrier option (see the module docs); `barrier` and `strike` as in the contract.
pub fn binary_barrier(
    m: &Market,
    direction: Direction,
    knock: Knock,
    payoff: Payoff,
    right: Right,
    strike: f64,
    barrier: f64,
) -> f64 {
    let digital = european(m, payoff, right, strike);
    if touched(direction, m.spot, barrier) {
        return match knock {
            Knock::In => digital,
            Knock::Out => 0.0,
        };
    }
    if m.time_years == 0.0 {
        // Never touched, and no time left to touch it.
        return match knock {
            Knock::In => 0.0,
            Knock::Out => digital,
        };
    }
    let out = knock_out(m, direction, payoff, right, strike, barrier);
    match knock {
        Knock::Out => out,
        Knock::In => (digital - out).max(0.0),
    }
}

/// Never touched and S_T beyond the strike, for T > 0 and the spot not at the barrier.
fn knock_out(
    m: &Market,
    direction: Direction,
    payoff: Payoff,
    right: Right,
    strike: f64,
    barrier: f64,
) -> f64 {
    let t = Reflection::new(m, strike, barrier);
    let eta = direction.eta();
    // φ = η: the payoff region away from the barrier (down: calls, up: puts).
    let phi = eta;
    let (digital_minus_reflection, no_touch, scale) = match payoff {
        Payoff::Cash(cash) => (t.b1(phi) - t.b3(eta), t.b2(phi) - t.b4(eta), cash),
        Payoff::Asset => (t.a1(phi) - t.a3(eta), t.a2(phi) - t.a4(eta), 1.0),
    };
    // Whether the strike lies on the far side of the barrier from the spot's payoff region.
    let strike_beyond_barrier = match direction {
        Direction::Down => strike >= barrier,
        Direction::Up => strike <= barrier,
    };
    let away_from_barrier = match (direction, right) {
        (Direction::Down, Right::Call) | (Direction::Up, Right::Put) => true,
        (Direction::Down, Right::Put) | (Direction::Up, Right::Call) => false,
    };
    let value = match (away_from_barrier, strike_beyond_barrier) {
        (true, true) => digital_minus_reflection,
        (true, false) => no_touch,
        (false, true) => no_touch - digital_minus_reflection,
        (false, false) => 0.0,
    };
    (scale * value).max(0.0)
}
