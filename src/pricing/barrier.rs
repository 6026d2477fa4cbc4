//! Standard barrier options with rebates (Merton 1973; Reiner & Rubinstein 1991a, "Breaking
//! down the barriers", Risk 4(8); Haug 2007, §4.17.1).
//!
//! A knock-out is a European option that dies when the spot touches the barrier; a knock-in
//! comes alive only then. Conventions (the contract's): continuous monitoring; a knock-out's
//! rebate R is paid at the hit; a knock-in's rebate is paid at expiry if the barrier was never
//! touched.
//!
//! We build them from the binary barriers and touches, term by term the same sums as Reiner
//! and Rubinstein's A–F (a call is an asset-or-nothing call minus X cash-or-nothing calls):
//! - knock-out call = out-asset-call(X) − X·out-cash-call(X) + R·one-touch-at-hit
//!   (put: X·out-cash-put − out-asset-put + R·one-touch-at-hit);
//! - knock-in = vanilla − (knock-out without rebate) + R·no-touch.
//!
//! A spot at or beyond the barrier has touched it: a knock-in is the vanilla, a knock-out is
//! worth its rebate, paid now.

use super::binary_barrier::{binary_barrier, touched};
use super::touch::{no_touch, one_touch};
use super::vanilla::vanilla;
use super::{Direction, Knock, Market, Payment, Payoff, Right};

/// A standard barrier option with rebate.
pub fn barrier_option(
    m: &Market,
    direction: Direction,
    knock: Knock,
    right: Right,
    strike: f64,
    barrier: f64,
    rebate: f64,
) -> f64 {
    if touched(direction, m.spot, barrier) {
        return match knock {
            Knock::In => vanilla(m, right, strike),
            Knock::Out => rebate,
        };
    }
    let out = |payoff| binary_barrier(m, direction, Knock::Out, payoff, right, strike, barrier);
    let phi = right.sign();
    let out_plain = phi * (out(Payoff::Asset) - out(Payoff::Cash(strike)));
    match knock {
        Knock::Out => out_plain.max(0.0) + one_touch(m, direction, barrier, rebate, Payment::AtHit),
        Knock::In => {
            (vanilla(m, right, strike) - out_plain).max(0.0)
                + no_touch(m, direction, barrier, rebate)
        }
    }
}
