//! The volatility term structure: `equity.volatilityCurve`, points `{years, vol}` of implied
//! volatility to each time, read as total implied variance w(t) = σ(t)²·t.
//!
//! Between points w is linear in t, so the forward variance dw/dt is constant on each interval
//! (piecewise-constant local volatility of a deterministic-volatility GBM, Hull, "Options,
//! Futures, and Other Derivatives", 11th ed., §20.1 and problem 20.10: the variance of ln S(T)
//! is ∫σ(t)²dt). Before the first point and after the last, the implied volatility is flat
//! (w = σ₁²t and w = σₙ²t), so the forward variance there is σ₁² and σₙ². A curve whose total
//! variance falls between two points would need a negative forward variance: calendar
//! arbitrage (Gatheral, "The Volatility Surface", 2006, §2.4), which validation rejects.
//!
//! Without a curve the scalar `volatility` σ gives w(t) = σ²t.

use crate::scenario::{Equity, VolPoint};

/// Total implied variance to `t` years (≥ 0) of the equity's volatility: its curve when it has
/// one, else σ²t.
pub fn total_variance(e: &Equity, t: f64) -> f64 {
    match e.volatility_curve.as_deref() {
        Some(curve) if !curve.is_empty() => curve_total_variance(curve, t),
        _ => e.volatility * e.volatility * t,
    }
}

/// The implied volatility to `t` years: √(w(t)/t) (the flat σ without a curve, and at t ≤ 0
/// the curve's first point).
pub fn implied_vol(e: &Equity, t: f64) -> f64 {
    match e.volatility_curve.as_deref() {
        Some(curve) if !curve.is_empty() => {
            if t <= 0.0 {
                curve[0].vol
            } else {
                f64::sqrt(curve_total_variance(curve, t) / t)
            }
        }
        _ => e.volatility,
    }
}

/// Whether the equity's curve (if any) is flat at the scalar `volatility`: every point's vol
/// equals it, so the simulation can take the scalar path and give the same bits.
pub fn is_flat(e: &Equity) -> bool {
    e.volatility_curve
        .as_deref()
        .is_none_or(|c| c.iter().all(|p| p.vol == e.volatility))
}

/// w(t) on a sorted, non-empty curve: σ₁²t up to the first point, linear between points,
/// σₙ²t after the last.
fn curve_total_variance(curve: &[VolPoint], t: f64) -> f64 {
    let first = curve[0];
    if t <= first.years {
        return first.vol * first.vol * t;
    }
    for w in curve.windows(2) {
        let (a, b) = (w[0], w[1]);
        if t <= b.years {
            let (wa, wb) = (a.vol * a.vol * a.years, b.vol * b.vol * b.years);
            return wa + (wb - wa) * (t - a.years) / (b.years - a.years);
        }
    }
    let last = curve[curve.len() - 1];
    last.vol * last.vol * t
}

/// The equity with every volatility (the scalar and each curve point) moved by `shift`: the
/// vega bump.
pub fn shifted(e: &Equity, shift: f64) -> Equity {
    let mut out = e.clone();
    out.volatility += shift;
    if let Some(c) = out.volatility_curve.as_mut() {
        c.iter_mut().for_each(|p| p.vol += shift);
    }
    out
}

/// The equity with every volatility multiplied by `factor` (the tornado's swing).
pub fn scaled(e: &Equity, factor: f64) -> Equity {
    let mut out = e.clone();
    out.volatility *= factor;
    if let Some(c) = out.volatility_curve.as_mut() {
        c.iter_mut().for_each(|p| p.vol *= factor);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn equity(curve: Option<Vec<(f64, f64)>>) -> Equity {
        Equity {
            volatility: 0.5,
            volatility_curve: curve.map(|c| {
                c.into_iter()
                    .map(|(years, vol)| VolPoint { years, vol })
                    .collect()
            }),
            ..Equity::default()
        }
    }

    #[test]
    fn total_variance_is_linear_between_points_and_flat_vol_outside() {
        let e = equity(Some(vec![(1.0, 0.6), (3.0, 0.5)]));
        // Before the first point: σ₁²t.
        assert!((total_variance(&e, 0.5) - 0.36 * 0.5).abs() < 1e-15);
        // Between: 0.36 + (0.75 − 0.36)·(2 − 1)/2.
        assert!((total_variance(&e, 2.0) - (0.36 + 0.39 / 2.0)).abs() < 1e-15);
        // After the last: σₙ²t, so the implied vol stays σₙ.
        assert!((implied_vol(&e, 5.0) - 0.5).abs() < 1e-15);
        assert!((implied_vol(&e, 3.0) - 0.5).abs() < 1e-15);
        assert!(!is_flat(&e));
    }

    #[test]
    fn no_curve_or_a_flat_one_is_the_scalar() {
        let plain = equity(None);
        let flat = equity(Some(vec![(1.0, 0.5), (2.0, 0.5)]));
        for t in [0.1, 1.0, 1.5, 4.0] {
            assert_eq!(total_variance(&plain, t), 0.25 * t);
            assert!((total_variance(&flat, t) - 0.25 * t).abs() < 1e-15);
        }
        assert!(is_flat(&plain) && is_flat(&flat));
        let bumped = shifted(&flat, 0.01);
        assert!(is_flat(&bumped) && bumped.volatility == 0.51);
    }
}
