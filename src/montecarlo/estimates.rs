//! Estimates from the sums: fair values with their standard errors (antithetic pairs, the
//! one-touch control variate), real-world probabilities and vest dates (self-normalised
//! likelihood-ratio weights), percentiles, the histogram and the price fan.
//!
//! Control variate (Glasserman 2004, §4.1): Ȳ − β(C̄ − E\[C\]) with β = Cov(Y,C)/Var(C) from the
//! same sample; the total's variance Var(Yt − Σ βi Ci) = Var(Yt) − 2 Σ βi Cov(Yt, Ci)
//! + Σ βi βj Cov(Ci, Cj).

use super::log_path::fan_step;
use super::model::Model;
use super::options::Options;
use super::sums::{BlockSums, Sums};
use crate::date::{date_after_years, Date};
use crate::numeric::ratio;
use serde::Serialize;

/// Bins of the histogram of per-path values.
const HISTOGRAM_BINS: usize = 30;

/// The contract's Valuation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Valuation {
    /// Paths simulated (pairs × 2 with antithetic paths).
    pub paths: u64,
    pub seed: u64,
    pub steps_per_year: u32,
    /// Grid steps from the valuation date to expiry.
    pub steps: usize,
    pub antithetic: bool,
    pub control_variate: bool,
    /// Share of the requested paths done (1 when complete).
    pub progress: f64,
    /// Which measure each figure is under.
    pub measures: Measures,
    /// Σ tranches' fair values (risk-neutral).
    pub total_fair_value_usd: f64,
    /// Standard error of `totalFairValueUsd` (after the control variate).
    pub standard_error_usd: f64,
    /// Standard error without the control variate.
    pub plain_standard_error_usd: f64,
    /// totalFairValueUsd ÷ the present value of the expected vendor income (revenue and
    /// contract payments, [`crate::expected`]), both at the valuation date.
    pub effective_discount: f64,
    /// Percentiles of the present value of all tranches on one path (risk-neutral).
    pub percentiles: Percentiles,
    pub histogram: Histogram,
    /// Σ shares × probability (real world).
    pub expected_shares_issued: f64,
    /// E[n ÷ (S + n)] with n the shares vested on a path (real world).
    pub expected_ownership: f64,
    pub tranches: Vec<TrancheValuation>,
    /// Real-world price quantiles over time from the first paths, for a fan chart.
    pub price_fan: Vec<FanPoint>,
    /// A few real-world price paths at the fan's dates.
    pub sample_paths: Vec<Vec<f64>>,
    /// With `options.greeks`, once the bumped runs are done ([`super::greeks`]); else null.
    pub greeks: Option<Greeks>,
}

/// Sensitivities of `totalFairValueUsd` by common random numbers: central differences of runs
/// with the same seed at bumped inputs ([`super::greeks`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Greeks {
    /// ∂V/∂S: dollars of fair value per $1 of share price, (V(S(1+h)) − V(S(1−h))) ÷ 2hS.
    pub delta_usd: f64,
    /// ∂V/∂σ per volatility point: (V(σ+k) − V(σ−k)) ÷ 2k × 0.01 (every point of a term
    /// structure moved alike).
    pub vega_usd: f64,
    /// Standard errors of the two differences, from the paired paths' totals (before the
    /// control variate, so on the safe side).
    pub delta_standard_error_usd: f64,
    pub vega_standard_error_usd: f64,
    /// h: the relative spot bump (0.01).
    pub spot_bump: f64,
    /// k: the volatility bump (0.01, less when a volatility is below 0.02).
    pub vol_bump: f64,
}

/// Which measure the figures of a valuation are under.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Measures {
    /// Fair values, standard errors, percentiles: always `riskNeutral` (drift r − q).
    pub fair_value: Measure,
    /// Probabilities, vest dates, expected shares: `realWorld` (drift `expectedReturn` − q, the
    /// risk-neutral paths reweighted) when `equity.expectedReturn` is given, else `riskNeutral`.
    pub probability: Measure,
}

/// A probability measure, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    /// Drift r − q: prices.
    RiskNeutral,
    /// Drift μ − q with μ = `equity.expectedReturn`: forecasts.
    RealWorld,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Percentiles {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
}

/// Counts of per-path present values in equal bins.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// Bin edges, one more than the counts.
    pub edges_usd: Vec<f64>,
    pub counts: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrancheValuation {
    pub index: usize,
    pub shares: f64,
    /// Chance of vesting by expiry (real world).
    pub probability: f64,
    /// The same under the risk-neutral measure.
    pub risk_neutral_probability: f64,
    /// Mean vest date of the paths that vest (real world); null if none does.
    pub expected_vest_date: Option<Date>,
    /// Median vest date of the paths that vest (real world); null if none does.
    pub median_vest_date: Option<Date>,
    /// Risk-neutral value of the tranche (shares × per-share value).
    pub fair_value_usd: f64,
    pub standard_error_usd: f64,
    pub plain_standard_error_usd: f64,
    /// Closed-form value of a continuous one-touch of the target paying H − K, for shares
    /// (the control variate's anchor; an upper bound when the milestone is not met); null
    /// without a target.
    pub closed_form_touch_usd: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FanPoint {
    pub date: Date,
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

impl Model {
    /// The valuation from the sums of `pairs_done` of `pairs_total` pairs; `shift_y` is what
    /// the moments were shifted by (pair 0's per-share values).
    pub(super) fn estimate(
        &self,
        sums: &Sums,
        options: &Options,
        pairs_done: u64,
        pairs_total: u64,
        shift_y: &[f64],
    ) -> Valuation {
        let n = self.tests.tranches.len();
        let pairs = pairs_done.max(1) as f64;
        let members = if options.antithetic { 2.0 } else { 1.0 };
        let paths_done = pairs_done as f64 * members;
        let var = |sum: f64, sum2: f64| {
            let mean = sum / pairs;
            ((sum2 / pairs - mean * mean) * pairs / (pairs - 1.0).max(1.0)).max(0.0)
        };
        // Per tranche: plain and controlled estimates (per share).
        let mut betas = vec![0.0; n];
        let mut tranches = Vec::with_capacity(n);
        let vendor_income = self.report.vendor_income_pv_usd;
        for (i, t) in self.tests.tranches.iter().enumerate() {
            let m = &sums.moments[i];
            let mean_y = m.y / pairs + shift_y[i];
            let var_y = var(m.y, m.yy);
            let mean_c = m.c / pairs;
            let var_c = var(m.c, m.cc);
            let cov = (m.yc / pairs - (m.y / pairs) * mean_c) * pairs / (pairs - 1.0).max(1.0);
            let (estimate, var_adj) =
                if self.tests.use_control && t.control_mean.is_some() && var_c > 0.0 {
                    let beta = cov / var_c;
                    betas[i] = beta;
                    (mean_y - beta * mean_c, (var_y - cov * cov / var_c).max(0.0))
                } else {
                    (mean_y, var_y)
                };
            let se = f64::sqrt(var_adj / pairs) * t.shares;
            // Self-normalised importance weights: Σ w·1{vest} ÷ Σ w stays in [0, 1].
            let vest_weight = sums.vest_weight_p[i];
            let probability = ratio(vest_weight, sums.weight_sum_p);
            let expected_vest_date = (vest_weight > 0.0).then(|| {
                date_after_years(
                    self.deployment.valuation_date,
                    sums.vest_time_sum_p[i] / vest_weight,
                )
            });
            let median_vest_date = median_day(&sums.vest_day_histogram[i], vest_weight)
                .map(|d| self.deployment.valuation_date.plus_days(d as i64));
            tranches.push(TrancheValuation {
                index: i,
                shares: t.shares,
                probability,
                risk_neutral_probability: sums.vest_count_q[i] / paths_done.max(1.0),
                expected_vest_date,
                median_vest_date,
                fair_value_usd: estimate * t.shares,
                standard_error_usd: se,
                plain_standard_error_usd: f64::sqrt(var_y / pairs) * t.shares,
                closed_form_touch_usd: t.control_mean.map(|c| c * t.shares),
            });
        }
        // Total: Var(Yt − Σ βi Ci) = Var(Yt) − 2 Σ βi Cov(Yt, Ci) + Σ βi βj Cov(Ci, Cj).
        let mean_t = sums.total.y / pairs;
        let var_t = var(sums.total.y, sums.total.yy);
        let mut var_adj = var_t;
        if self.tests.use_control {
            let mean_c: Vec<f64> = sums.moments.iter().map(|m| m.c / pairs).collect();
            let scale = pairs / (pairs - 1.0).max(1.0);
            let shares: Vec<f64> = self.tests.tranches.iter().map(|t| t.shares).collect();
            for i in 0..n {
                let bi = betas[i] * shares[i];
                let cov_tc = (sums.total_c[i] / pairs - mean_t * mean_c[i]) * scale;
                var_adj -= 2.0 * bi * cov_tc;
                for j in 0..n {
                    let bj = betas[j] * shares[j];
                    let cov_cc = (sums.cc[i * n + j] / pairs - mean_c[i] * mean_c[j]) * scale;
                    var_adj += bi * bj * cov_cc;
                }
            }
        }
        let total_fair_value_usd: f64 = tranches.iter().map(|t| t.fair_value_usd).sum();
        let mut standard_error_usd = f64::sqrt(var_adj.max(0.0) / pairs);
        let mut plain_standard_error_usd = f64::sqrt(var_t / pairs);
        if options.quasi_random && sums.blocks.len() >= 2 {
            // Randomized QMC: the blocks are independent randomizations; the estimate's
            // variance is the spread of their estimates (pair-weighted), not the pairs'.
            let spread = |beta: &[f64], i: Option<usize>| {
                let est = |b: &BlockSums| -> f64 {
                    let one = |k: usize| (b.y[k] - beta[k] * b.c[k]) / b.pairs;
                    match i {
                        Some(k) => one(k) * self.tests.tranches[k].shares,
                        None => (0..n).map(|k| one(k) * self.tests.tranches[k].shares).sum(),
                    }
                };
                let total: f64 = sums.blocks.iter().map(|b| b.pairs).sum();
                let mean: f64 = sums.blocks.iter().map(|b| b.pairs * est(b)).sum::<f64>() / total;
                let r = sums.blocks.len() as f64;
                let var: f64 = sums
                    .blocks
                    .iter()
                    .map(|b| (b.pairs / total).powi(2) * (est(b) - mean).powi(2))
                    .sum();
                f64::sqrt(var * r / (r - 1.0))
            };
            let no_beta = vec![0.0; n];
            for (i, t) in tranches.iter_mut().enumerate() {
                t.standard_error_usd = spread(&betas, Some(i));
                t.plain_standard_error_usd = spread(&no_beta, Some(i));
            }
            standard_error_usd = spread(&betas, None);
            plain_standard_error_usd = spread(&no_beta, None);
        }
        let mut sorted = sums.path_totals.clone();
        sorted.sort_by(f64::total_cmp);
        let percentile = |q: f64| -> f64 {
            if sorted.is_empty() {
                return 0.0;
            }
            let pos = q * (sorted.len() - 1) as f64;
            let (lo, hi) = (f64::floor(pos) as usize, f64::ceil(pos) as usize);
            sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
        };
        Valuation {
            paths: paths_done as u64,
            seed: options.seed,
            steps_per_year: options.steps_per_year,
            steps: self.grid.steps,
            antithetic: options.antithetic,
            control_variate: self.tests.use_control,
            progress: pairs_done as f64 / pairs_total.max(1) as f64,
            measures: Measures {
                fair_value: Measure::RiskNeutral,
                probability: if self.report.real_world {
                    Measure::RealWorld
                } else {
                    Measure::RiskNeutral
                },
            },
            total_fair_value_usd,
            standard_error_usd,
            plain_standard_error_usd,
            effective_discount: ratio(total_fair_value_usd, vendor_income),
            percentiles: Percentiles {
                p5: percentile(0.05),
                p50: percentile(0.5),
                p95: percentile(0.95),
            },
            histogram: histogram(&sorted),
            expected_shares_issued: ratio(sums.shares_sum_p, sums.weight_sum_p),
            expected_ownership: ratio(sums.ownership_sum_p, sums.weight_sum_p),
            tranches,
            price_fan: self.fan_points(&sums.fan),
            sample_paths: sums.samples.clone(),
            greeks: None,
        }
    }

    fn fan_points(&self, fan: &[Vec<f64>]) -> Vec<FanPoint> {
        fan.iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| {
                let mut s = v.clone();
                s.sort_by(f64::total_cmp);
                let q = |p: f64| s[((s.len() - 1) as f64 * p) as usize];
                let years = fan_step(k, self.grid.steps) as f64 * self.grid.dt;
                FanPoint {
                    date: date_after_years(self.deployment.valuation_date, years),
                    p5: q(0.05),
                    p25: q(0.25),
                    p50: q(0.5),
                    p75: q(0.75),
                    p95: q(0.95),
                }
            })
            .collect()
    }
}

/// The day (index) at which the cumulative weight reaches half of `total`.
fn median_day(histogram: &[f64], total: f64) -> Option<usize> {
    if total <= 0.0 {
        return None;
    }
    let mut seen = 0.0;
    histogram.iter().position(|&w| {
        seen += w;
        seen >= 0.5 * total * (1.0 - 1e-12)
    })
}

fn histogram(sorted: &[f64]) -> Histogram {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Histogram {
            edges_usd: Vec::new(),
            counts: Vec::new(),
        };
    };
    let lo = lo.min(0.0);
    let width = ((hi - lo) / HISTOGRAM_BINS as f64).max(f64::MIN_POSITIVE);
    let mut counts = vec![0u64; HISTOGRAM_BINS];
    for &v in sorted {
        let bin = (((v - lo) / width) as usize).min(HISTOGRAM_BINS - 1);
        counts[bin] += 1;
    }
    Histogram {
        edges_usd: (0..=HISTOGRAM_BINS)
            .map(|k| lo + k as f64 * width)
            .collect(),
        counts,
    }
}
