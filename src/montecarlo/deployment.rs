//! Deployment risk: which phases happen and how late, path by path.
//!
//! Each phase happens with its `probability` (a Bernoulli draw: it happens when u₁ < p) and,
//! when it has `delayMonths`, starts and ends late by a triangular delay drawn by inversion
//! (u₂ ↦ min + √(u₂·(max−min)·(mode−min)) below the mode's quantile F_c = (mode−min)/(max−min),
//! max − √((1−u₂)·(max−min)·(max−mode)) above it). Two uniforms per phase, always drawn, keep
//! the stream aligned across paths. The antithetic path uses 1 − u for both.
//!
//! **Price correlation** (`capacity.priceCorrelation` ρ): the two uniforms of each non-binding
//! phase are coupled to the share price by a Gaussian copula (Li, "On default correlation: a
//! copula function approach", J. Fixed Income 9(4), 2000): with Z the path's standardized
//! log-return from the valuation date to the phase's scheduled start (Z = Σ s_k z_k ÷ √Σ s_k²
//! over the grid steps before it, s_k the step's standard deviation; Z is standard normal
//! under the risk-neutral measure) and ε = Φ⁻¹(u), the phase uses u′ = Φ(−ρZ + √(1 − ρ²)·ε).
//! u′ is uniform again, so each phase's probability and delay distribution are unchanged; with
//! ρ > 0 a high share price makes the phase likelier (u′ < p) and shorter (the delay rises with
//! u). A phase whose start has passed, a binding phase, and ρ = 0 use u itself (ρ = 0 gives
//! the same bits as no correlation). The antithetic path (−Z, 1 − u) gets 1 − u′.
//!
//! The milestone of a tranche is the first time the sampled ramp reaches its `gwTrigger`
//! ([`crate::capacity::Ramp::time_to_reach`]), in years from the valuation date (0 when it
//! lies in the past), or never when the phases that happen do not add up to it.

use super::rng::{Rng, Stream};
use crate::capacity::{Ramp, RampPiece, RampProfile};
use crate::date::{Date, DAYS_PER_MONTH, DAYS_PER_YEAR};
use crate::numeric::normal::{cdf, inverse_cdf};
use crate::scenario::{Phase, Triangular};

/// The inverse CDF of a triangular distribution at u ∈ (0, 1).
pub fn triangular(t: Triangular, u: f64) -> f64 {
    let span = t.max - t.min;
    if span <= 0.0 {
        return t.min;
    }
    let fc = (t.mode - t.min) / span;
    if u < fc {
        t.min + f64::sqrt(u * span * (t.mode - t.min))
    } else {
        t.max - f64::sqrt((1.0 - u) * span * (t.max - t.mode))
    }
}

/// The ramp of delivered GW on one path: the phases that happen, shifted by their delays and
/// `lead_days` earlier (delivery before online, [`crate::capacity::delivery_lead_days`]).
/// `uniforms` holds two per phase (happens, delay). The ramp's pieces are replaced, so one ramp
/// serves every path without allocating.
pub fn sample_ramp_into(phases: &[Phase], uniforms: &[f64], lead_days: f64, ramp: &mut Ramp) {
    ramp.pieces.clear();
    let pieces = phases
        .iter()
        .zip(uniforms.chunks_exact(2))
        .filter(|(p, u)| u[0] < p.probability)
        .map(|(p, u)| {
            let delay_days = p
                .delay_months
                .map_or(0.0, |t| triangular(t, u[1]) * DAYS_PER_MONTH);
            RampPiece {
                gw: p.gw,
                start_day: p.start.0 as f64 + delay_days - lead_days,
                end_day: p.end.0 as f64 + delay_days - lead_days,
            }
        });
    ramp.pieces.extend(pieces);
}

/// Years from `valuation` until the ramp reaches `gw` (0 if already reached), or `None`;
/// `profile` is the ramp's ([`Ramp::profile_into`], computed once per path).
pub fn milestone_years(profile: &RampProfile, gw: f64, valuation: Date) -> Option<f64> {
    profile
        .time_to_reach(gw)
        .map(|day| ((day - valuation.0 as f64) / DAYS_PER_YEAR).max(0.0))
}

/// The price correlation as one path sees it.
#[derive(Clone, Copy, Debug)]
pub struct Coupling<'a> {
    /// ρ in [−1, 1].
    pub rho: f64,
    /// The pair's first path's standardized log-return to each phase's start (`None` for a
    /// phase that has begun).
    pub z: &'a [Option<f64>],
    /// 1, or −1 for the antithetic path (whose normals are negated).
    pub sign: f64,
}

/// The deployment of one path pair, drawn once and read for each of its paths: the pair's
/// uniforms (two per phase, from its own stream) and buffers reused from pair to pair. The
/// valuation and the books' milestone probabilities draw deployment through it alike.
#[derive(Clone, Debug, Default)]
pub struct PairDeployment {
    uniforms: Vec<f64>,
    flipped: Vec<f64>,
    ramp: Ramp,
    profile: RampProfile,
}

impl PairDeployment {
    /// Draws pair `pair`'s uniforms for `phase_count` phases.
    pub fn draw(&mut self, seed: u64, pair: u64, phase_count: usize) {
        let mut rng = Rng::new(seed, pair, Stream::Deployment);
        self.uniforms.clear();
        self.uniforms
            .extend((0..2 * phase_count).map(|_| rng.uniform()));
    }

    /// The pair's uniforms (two per phase) to be set by the caller: the quasi-random draw.
    pub fn uniforms_mut(&mut self, phase_count: usize) -> &mut [f64] {
        self.uniforms.resize(2 * phase_count, 0.5);
        &mut self.uniforms
    }

    /// Each trigger's milestone on one path of the pair (the antithetic one, 1 − u, when
    /// `flip`), in years from `valuation`; `None` when it does not come by `expiry_years`.
    /// `coupling`: the price correlation and this path's standardized return to each phase's
    /// start (see the module docs).
    #[allow(clippy::too_many_arguments)]
    pub fn milestones_into(
        &mut self,
        phases: &[Phase],
        flip: bool,
        coupling: Option<Coupling>,
        lead_days: f64,
        triggers: impl Iterator<Item = f64>,
        valuation: Date,
        expiry_years: f64,
        out: &mut Vec<Option<f64>>,
    ) {
        self.flipped.clear();
        if flip {
            self.flipped.extend(self.uniforms.iter().map(|u| 1.0 - u));
        } else {
            self.flipped.extend_from_slice(&self.uniforms);
        }
        if let Some(c) = coupling.filter(|c| c.rho != 0.0) {
            let spread = f64::sqrt(1.0 - c.rho * c.rho);
            for ((p, u), z) in phases.iter().zip(self.flipped.chunks_exact_mut(2)).zip(c.z) {
                if let (false, Some(z)) = (p.binding, z) {
                    for u in u.iter_mut() {
                        let coupled = cdf(-c.rho * c.sign * z + spread * inverse_cdf(*u));
                        *u = coupled.clamp(f64::MIN_POSITIVE, 1.0 - f64::EPSILON / 2.0);
                    }
                }
            }
        }
        sample_ramp_into(phases, &self.flipped, lead_days, &mut self.ramp);
        self.ramp.profile_into(&mut self.profile);
        out.clear();
        out.extend(triggers.map(|gw| {
            milestone_years(&self.profile, gw, valuation).filter(|&y| y <= expiry_years)
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_inversion_hits_its_quantiles() {
        let t = Triangular {
            min: 0.0,
            mode: 3.0,
            max: 12.0,
        };
        assert_eq!(triangular(t, 0.25), 3.0);
        assert!((triangular(t, 1e-12) - 0.0).abs() < 1e-4);
        assert!((triangular(t, 1.0 - 1e-12) - 12.0).abs() < 1e-4);
        // Mean (0 + 3 + 12)/3 = 5 by a midpoint rule over u.
        let n = 100_000;
        let mean: f64 = (0..n)
            .map(|i| triangular(t, (i as f64 + 0.5) / n as f64))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 5.0).abs() < 1e-3, "{mean}");
    }
}
