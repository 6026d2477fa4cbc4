//! Random numbers for the simulation: reproducible streams and standard normals.
//!
//! Every path pair `i` and stream kind `k` gets its own xoshiro256++ generator (Blackman &
//! Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021), seeded with
//! `seed + φ·(4i + k)` (φ = 0x9E3779B97F4A7C15, the golden-ratio increment) through SplitMix64
//! (`seed_from_u64`). A path's numbers therefore depend only on the seed and its index: the
//! same seed gives the same results however the paths are split into chunks or workers.
//!
//! Uniforms are 53-bit: u = (⌊x/2¹¹⌋ + ½)·2⁻⁵³ ∈ (0, 1), never 0 or 1. Normals come from
//! the Ziggurat method ([`super::ziggurat`]: Marsaglia & Tsang 2000 in Doornik's ZIGNOR form,
//! 2005), one 64-bit draw per normal in about 99% of cases, exp/ln (`libm`'s, so native and
//! Wasm builds agree bit for bit) only in the rare wedges and the tail. (Why not the inverse
//! CDF: docs/BENCHMARKS.md.)

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
        super::ziggurat::normal(&mut self.0)
    }

    /// Standard normals into `out`, in order: the numbers `normal` would give one by one,
    /// drawn in one loop. Returns their sum (added up in order).
    pub fn fill_normals(&mut self, out: &mut [f64]) -> f64 {
        super::ziggurat::fill(&mut self.0, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    // rand_distr is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn normals_are_rand_distrs_draw_for_draw() {
        // The Ziggurat restates rand_distr 0.5's StandardNormal: same generator, same numbers,
        // one by one and filled in a loop. 4 million draws visit every layer, about 40,000
        // wedge tests and about 1,000 tails (|z| > R = 3.654: P = 2.6e-4). In this build
        // rand_distr's ln is the platform's (proptest and criterion turn on num-traits' std
        // feature), ours libm's: a tail may differ in its last bits, nothing else may.
        use rand_distr::{Distribution, StandardNormal};
        let mut ours = Rng::new(9, 1, Stream::Price);
        let mut theirs = ours.0.clone();
        let mut filled = Rng::new(9, 1, Stream::Price);
        let mut buf = vec![0.0; 1000];
        let mut tails = 0;
        for _ in 0..4000 {
            filled.fill_normals(&mut buf);
            for &f in &buf {
                let (a, b): (f64, f64) = (ours.normal(), StandardNormal.sample(&mut theirs));
                assert_eq!(a.to_bits(), f.to_bits());
                if a.abs() > 3.654_152_885_361_009 {
                    tails += 1;
                    assert!((a - b).abs() <= 4.0 * f64::EPSILON * a.abs(), "{a} {b}");
                } else {
                    assert_eq!(a.to_bits(), b.to_bits());
                }
            }
        }
        assert!(tails > 700, "{tails} tail draws");
    }

    #[test]
    fn normals_have_unit_moments_and_normal_tails() {
        let mut r = Rng::new(42, 0, Stream::Price);
        let n = 1_000_000;
        let xs: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        // Standard errors: 1e-3 for the mean, 1.4e-3 for the variance.
        assert!(
            mean.abs() < 5e-3 && (var - 1.0).abs() < 7e-3,
            "{mean} {var}"
        );
        // Tails (the Ziggurat's slow paths): P(Z > 2) = 0.02275, P(Z > 3.5) = 2.326e-4.
        for (z, p) in [(2.0, 0.022750131948179), (3.5, 2.3262907903552e-4)] {
            let upper = xs.iter().filter(|&&x| x > z).count() as f64 / n as f64;
            let lower = xs.iter().filter(|&&x| x < -z).count() as f64 / n as f64;
            let se = (p * (1.0 - p) / n as f64).sqrt();
            assert!(
                (upper - p).abs() < 5.0 * se && (lower - p).abs() < 5.0 * se,
                "{z}: {upper} {lower}"
            );
        }
    }
}
