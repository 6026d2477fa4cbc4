//! A path's closes from its log prices: S = e^{ln S}, computed once per step and cached (the
//! path's price tests and the windows' sums both read them), and the branch-free minimum the
//! hot loops use.

use super::exp_table;

/// The smaller of two numbers that are never NaN (`f64::min` is a call to `fmin` in Wasm).
pub(super) fn lower(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// S from ln S, computed once per step (0 marks "not yet"; a price that underflows to 0 is
/// only computed again), by the table-driven exponential ([`super::exp_table`]). The cache's
/// test is inlined where a close is read (most reads find the price there, and a call costs
/// more in Wasm than natively), the exponential stays one function ([`price_of`]).
#[inline(always)]
pub(super) fn spot(s1: &mut f64, x1: f64) -> f64 {
    if *s1 == 0.0 {
        *s1 = price_of(x1);
    }
    *s1
}

/// [`spot`] with the exponential inline, for the loops over many closes that must hold no
/// call (V8 stores a value that lives across a call at every definition, so a call in a loop
/// sends its running values through memory): a window's full sum and the below-target bound
/// ([`super::window`]).
#[inline(always)]
pub(super) fn spot_inline(s1: &mut f64, x1: f64) -> f64 {
    if *s1 == 0.0 {
        *s1 = exp_table::exp(x1);
    }
    *s1
}

/// e^x out of line: [`spot`]'s test of the cache is inlined where closes are read, the
/// exponential itself is one function.
#[inline(never)]
fn price_of(x: f64) -> f64 {
    exp_table::exp(x)
}
