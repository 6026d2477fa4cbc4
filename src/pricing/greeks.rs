//! A price with its sensitivities. Vanilla Greeks in closed form (Haug 2007, §2.1); every other
//! kind by central finite differences of its closed form, bumps kept off the barrier.

use super::{binary_barrier, vanilla};
use super::{value, Direction, Market, OptionKind, OptionSpec};
use serde::Serialize;

/// A price with its sensitivities.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "OptionPrice"))]
pub struct Priced {
    pub price: f64,
    /// ∂V/∂S.
    pub delta: f64,
    /// ∂²V/∂S².
    pub gamma: f64,
    /// ∂V/∂σ per unit of σ (divide by 100 for one volatility point).
    pub vega: f64,
    /// "closed_form" for vanillas, "finite_difference" otherwise (see [`price`]).
    pub greeks: &'static str,
}

/// Price and Greeks. Vanilla Greeks are closed-form (Haug §2.1). Others are central finite
/// differences: Δ = [V(S+h) − V(S−h)]/2h, Γ = [V(S+h) − 2V(S) + V(S−h)]/h² with h = 10⁻⁴·S,
/// shrunk to a third of the distance to the barrier so that no bump crosses it (and one-sided
/// when the spot sits on or beyond it); vega = [V(σ+10⁻⁴) − V(σ−10⁻⁴)]/2·10⁻⁴.
pub fn price(spec: &OptionSpec) -> Priced {
    let price = value(spec);
    let m = spec.market;
    if let OptionKind::Vanilla(right) = spec.kind {
        if let Some((delta, gamma, vega)) = vanilla::vanilla_greeks(&m, right, spec.strike) {
            return Priced {
                price,
                delta,
                gamma,
                vega,
                greeks: "closed_form",
            };
        }
    }
    let at = |spot: f64, vol: f64| {
        value(&OptionSpec {
            market: Market { spot, vol, ..m },
            ..*spec
        })
    };
    let s = m.spot;
    let mut h = 1e-4 * s;
    let mut forward = false;
    if let Some(direction) = spec.kind.direction() {
        let hit = binary_barrier::touched(direction, s, spec.barrier);
        if hit {
            // Bump away from the barrier so every bump stays touched.
            forward = direction == Direction::Up;
            if !forward && s - 2.0 * h <= 0.0 {
                h = s / 4.0;
            }
        } else {
            h = h.min((s - spec.barrier).abs() / 3.0);
        }
        if hit {
            let sgn = if forward { 1.0 } else { -1.0 };
            let (v1, v2) = (at(s + sgn * h, m.vol), at(s + 2.0 * sgn * h, m.vol));
            let delta = sgn * (-3.0 * price + 4.0 * v1 - v2) / (2.0 * h);
            let gamma = (price - 2.0 * v1 + v2) / (h * h);
            return Priced {
                price,
                delta,
                gamma,
                vega: vega(&at, s, m.vol),
                greeks: "finite_difference",
            };
        }
    }
    let (up, down) = (at(s + h, m.vol), at(s - h, m.vol));
    Priced {
        price,
        delta: (up - down) / (2.0 * h),
        gamma: (up - 2.0 * price + down) / (h * h),
        vega: vega(&at, s, m.vol),
        greeks: "finite_difference",
    }
}

fn vega(at: &dyn Fn(f64, f64) -> f64, s: f64, vol: f64) -> f64 {
    let dv = 1e-4_f64.min(vol / 2.0);
    (at(s, vol + dv) - at(s, vol - dv)) / (2.0 * dv)
}
