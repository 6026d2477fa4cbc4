//! Touch options: paid if the spot touches the barrier before expiry (one-touch), or if it
//! never does (no-touch). Reiner & Rubinstein (1991b); Haug (2007, §4.19.5, cases 1–12), in
//! the reflection terms of [`super::binary_barrier`]:
//!
//! - cash one-touch, paid at the hit: K·A₅ (η = +1 down, −1 up);
//! - asset one-touch, paid at the hit: the asset is worth H then, so H·A₅;
//! - cash no-touch (paid at expiry): K·(B₂ − B₄) with φ = η;
//! - asset no-touch: A₂ − A₄ with φ = η;
//! - one-touch paid at expiry = the discounted payment minus the no-touch: K·e^{−rT} − no-touch
//!   for cash, S·e^{−qT} − asset no-touch for the asset.
//!
//! A spot at or beyond the barrier has touched it: a one-touch pays now (at the hit: K, or the
//! asset S) or at expiry (K·e^{−rT}, or S·e^{−qT}); a no-touch is worth nothing.

use super::binary_barrier::{touched, Reflection};
use super::{Direction, Market, Payment};

/// Pays `cash` if the barrier is touched before expiry, at the hit or at expiry.
pub fn one_touch(m: &Market, direction: Direction, barrier: f64, cash: f64, pay: Payment) -> f64 {
    match pay {
        Payment::AtExpiry => cash * m.discount() - no_touch(m, direction, barrier, cash),
        Payment::AtHit if touched(direction, m.spot, barrier) => cash,
        Payment::AtHit if m.time_years == 0.0 => 0.0,
        Payment::AtHit => cash * Reflection::new(m, barrier, barrier).a5(direction.eta()),
    }
}

/// Pays `cash` at expiry if the barrier is never touched.
pub fn no_touch(m: &Market, direction: Direction, barrier: f64, cash: f64) -> f64 {
    if touched(direction, m.spot, barrier) {
        return 0.0;
    }
    if m.time_years == 0.0 {
        return cash;
    }
    let t = Reflection::new(m, barrier, barrier);
    let eta = direction.eta();
    (cash * (t.b2(eta) - t.b4(eta))).max(0.0)
}

/// Delivers the asset if the barrier is touched: at the hit (worth the barrier level then) or
/// at expiry (S_T).
pub fn asset_one_touch(m: &Market, direction: Direction, barrier: f64, pay: Payment) -> f64 {
    match pay {
        Payment::AtExpiry => m.spot * m.dividend_discount() - asset_no_touch(m, direction, barrier),
        Payment::AtHit if touched(direction, m.spot, barrier) => m.spot,
        Payment::AtHit => one_touch(m, direction, barrier, barrier, Payment::AtHit),
    }
}

/// Delivers S_T at expiry if the barrier is never touched.
pub fn asset_no_touch(m: &Market, direction: Direction, barrier: f64) -> f64 {
    if touched(direction, m.spot, barrier) {
        return 0.0;
    }
    if m.time_years == 0.0 {
        return m.spot;
    }
    let t = Reflection::new(m, barrier, barrier);
    let eta = direction.eta();
    (t.a2(eta) - t.a4(eta)).max(0.0)
}

/// A price target H priced as touches: one share (strike K) received at the first touch of H,
/// paid at the hit. Per share: asset one-touch at hit − K × cash one-touch at hit, both from
/// the closed forms above. This is a tranche whose milestone is met, valued under its price
/// condition alone (continuous monitoring), and the Monte Carlo's control variate.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TouchTranche {
    /// Asset one-touch paid at the hit, per share.
    pub asset_one_touch_usd: f64,
    /// Cash one-touch paying 1 at the hit.
    pub cash_one_touch: f64,
    /// asset one-touch − strike × cash one-touch, per share.
    pub per_share_usd: f64,
}

/// [`TouchTranche`] for target `target` and strike `strike` in market `m`.
pub fn touch_tranche(m: &Market, target: f64, strike: f64) -> TouchTranche {
    let asset = asset_one_touch(m, Direction::Up, target, Payment::AtHit);
    let cash = one_touch(m, Direction::Up, target, 1.0, Payment::AtHit);
    TouchTranche {
        asset_one_touch_usd: asset,
        cash_one_touch: cash,
        per_share_usd: asset - strike * cash,
    }
}
