//! Random numbers for the simulation: reproducible streams and standard normals.
//!
//! Every path pair `i` and stream kind `k` gets its own xoshiro256++ generator (Blackman &
//! Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021), seeded with
//! `seed + φ·(4i + k)` (φ = 0x9E3779B97F4A7C15, the golden-ratio increment) through SplitMix64
//! (`seed_from_u64`). A path's numbers therefore depend only on the seed and its index: the
//! same seed gives the same results however the paths are split into chunks or workers.
//!
//! Uniforms are 53-bit: u = (⌊x/2¹¹⌋ + ½)·2⁻⁵³ ∈ (0, 1), never 0 or 1. Normals are the inverse
//! CDF of a uniform by Wichura's AS241 (Applied Statistics 37(3), 1988, "The percentage points
//! of the normal distribution"), accurate to about 1e−16, one uniform per normal, computed
//! with `libm` so that native and Wasm builds agree bit for bit.

// The coefficients are Wichura's, digit for digit as published.
#![allow(clippy::excessive_precision)]

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The streams of a path pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// The normals driving the share price (one per time step).
    Price = 0,
    /// Whether each phase happens and how late (two uniforms per phase).
    Deployment = 1,
    /// Brownian-bridge crossing draws of the first path of the pair.
    BridgeFirst = 2,
    /// Brownian-bridge crossing draws of the antithetic path.
    BridgeSecond = 3,
}

/// A generator of uniforms and normals.
pub struct Rng(Xoshiro256PlusPlus);

impl Rng {
    pub fn new(seed: u64, pair: u64, stream: Stream) -> Rng {
        let key = pair.wrapping_mul(4).wrapping_add(stream as u64);
        let s = seed.wrapping_add(key.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        Rng(Xoshiro256PlusPlus::seed_from_u64(s))
    }

    /// A uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.0.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal.
    pub fn normal(&mut self) -> f64 {
        inverse_normal_cdf(self.uniform())
    }
}

/// Φ⁻¹(p) for p in (0, 1), Wichura's AS241 (PPND16).
pub fn inverse_normal_cdf(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q
            * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853)
                * r
                + 45921.953931549871457)
                * r
                + 13731.693765509461125)
                * r
                + 1971.5909503065514427)
                * r
                + 133.14166789178437745)
                * r
                + 3.387132872796366608)
            / (((((((5226.495278852854561 * r + 28729.085735721942674) * r
                + 39307.89580009271061)
                * r
                + 21213.794301586595867)
                * r
                + 5394.1960214247511077)
                * r
                + 687.1870074920579083)
                * r
                + 42.313330701600911252)
                * r
                + 1.0);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = libm::sqrt(-libm::log(tail));
    let value = if r <= 5.0 {
        r -= 1.6;
        (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
            + 0.24178072517745061177)
            * r
            + 1.27045825245236838258)
            * r
            + 3.64784832476320460504)
            * r
            + 5.7694972214606914055)
            * r
            + 4.6303378461565452959)
            * r
            + 1.42343711074968357734)
            / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966)
                * r
                + 0.14810397642748007459)
                * r
                + 0.68976733498510000455)
                * r
                + 1.6763848301838038494)
                * r
                + 2.05319162663775882187)
                * r
                + 1.0)
    } else {
        r -= 5.0;
        (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386)
            * r
            + 0.026532189526576123093)
            * r
            + 0.29656057182850489123)
            * r
            + 1.7848265399172913358)
            * r
            + 5.4637849111641143699)
            * r
            + 6.6579046435011037772)
            / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5)
                * r
                + 7.868691311456132591e-4)
                * r
                + 0.0148753612908506148525)
                * r
                + 0.13692988092273580531)
                * r
                + 0.59983220655588793769)
                * r
                + 1.0)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::normal::cdf;

    #[test]
    fn inverse_cdf_inverts_phi() {
        for p in [
            1e-300, 1e-100, 1e-20, 1e-11, 1e-6, 0.001, 0.02, 0.075, 0.3, 0.5, 0.7, 0.925, 0.99,
            0.999_999,
        ] {
            let x = inverse_normal_cdf(p);
            let back = cdf(x);
            // An error δ in x moves Φ by a relative |x|·δ: allow ~2 ulp relative in x.
            let tol = 1e-14 + 5e-16 * x * x;
            assert!(((back - p) / p).abs() < tol, "p {p}: x {x}, Φ(x) {back}");
        }
        assert_eq!(inverse_normal_cdf(0.5), 0.0);
        assert_eq!(inverse_normal_cdf(0.25), -inverse_normal_cdf(0.75));
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<f64> = (0..5)
            .map(|_| Rng::new(7, 3, Stream::Price).uniform())
            .collect();
        let mut r = Rng::new(7, 3, Stream::Price);
        let b: Vec<f64> = (0..5).map(|_| r.uniform()).collect();
        assert!(a.iter().all(|&x| x == a[0]));
        assert_ne!(b[0], b[1]);
        assert_ne!(
            Rng::new(7, 3, Stream::Price).uniform(),
            Rng::new(7, 4, Stream::Price).uniform()
        );
        assert_ne!(
            Rng::new(7, 3, Stream::Price).uniform(),
            Rng::new(7, 3, Stream::Deployment).uniform()
        );
        assert_ne!(
            Rng::new(7, 3, Stream::Price).uniform(),
            Rng::new(8, 3, Stream::Price).uniform()
        );
    }

    #[test]
    fn normals_have_unit_moments() {
        let mut r = Rng::new(42, 0, Stream::Price);
        let n = 200_000;
        let xs: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(
            mean.abs() < 0.01 && (var - 1.0).abs() < 0.01,
            "{mean} {var}"
        );
    }
}
