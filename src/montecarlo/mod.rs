//! Monte Carlo valuation of the warrant: when each tranche vests, how likely, and what it is
//! worth.
//!
//! ## Model
//! - **Share price**: geometric Brownian motion, simulated exactly on a uniform grid of
//!   `stepsPerYear` steps a year, ln S(t+Δ) = ln S(t) + (m − σ²/2)Δ + σ√Δ·Z, under the
//!   risk-neutral drift m = r − q, which prices the tranches (fair value, standard error,
//!   percentiles). Probabilities, vest dates and expected shares are real-world (drift μ − q,
//!   μ = `expectedReturn`): the same paths reweighted by the likelihood ratio
//!   dP/dQ = exp(θW_τ − θ²τ/2), θ = (μ − r)/σ, at the last simulated time τ of each path
//!   (Girsanov; Glasserman §4.6), self-normalised (Σ w·1{vest} ÷ Σ w). When `expectedReturn`
//!   is absent θ = 0 and every weight is 1. The fan chart simulates under μ − q the first
//!   path of each of the first pairs (500 paths with antithetic pairs, 1,000 without).
//! - **Deployment**: per path, phases happen with their probability and run late by their
//!   triangular delay ([`deployment`]); a tranche's milestone is when the sampled ramp reaches
//!   its `gwTrigger`.
//! - **Price tests** on the grid: `touch` is continuous monitoring, made exact between grid
//!   points by the Brownian-bridge crossing probability p = exp(−2·ln(H/S₀)·ln(H/S₁)/(σ²Δ))
//!   (Glasserman, "Monte Carlo Methods in Financial Engineering", 2004, §6.4), one uniform per
//!   step shared by all targets so that crossings nest; a crossing inside a step is dated at its
//!   middle and pays the target H. `close` needs one grid close at or above the target;
//!   `average` the mean of the trailing `days` closes (`days × stepsPerYear / 252` grid closes,
//!   at least one; closes before the valuation date equal the valuation price). On a daily grid
//!   (stepsPerYear = 252) `close` and `average` are exact; on coarser grids they see fewer closes.
//! - **Vesting and exercise**: a tranche vests when both its milestone and its price test are met
//!   by expiry, at the later of the two (at the first grid time after a milestone that comes
//!   last), and is exercised then: value max(S − K, 0)·e^{−rτ} per share.
//!
//! ## Estimators
//! Antithetic pairs (Z and −Z for the price, u and 1 − u for deployment) are the sampling unit:
//! means and standard errors are over pair averages. A control variate per tranche with a price
//! target: the same path's continuous one-touch of its target, paying H − K at the hit, whose
//! price is known in closed form ([`crate::pricing::touch`]: asset one-touch at hit − K × cash
//! one-touch at hit); the estimate is Ȳ − β(C̄ − E[C]) with β = Cov(Y,C)/Var(C) from the same
//! sample (Glasserman §4.1). The reported standard error is that of the adjusted estimator; the
//! plain one is reported beside it.
//!
//! ## Reproducibility
//! Every pair has its own random streams ([`rng`]), so results depend only on the seed and the
//! path count — not on how the work is chunked — and are bit-identical natively and in Wasm.
//! Sums are kept per block of [`BLOCK_PAIRS`] pairs and added to the total in block order, so a
//! run split across Web Workers (each computing whole blocks, [`Simulation::run_block`], merged
//! by [`Simulation::absorb_block`]) gives the same bits as one thread, whatever the worker count.

pub mod deployment;
pub mod rng;

use crate::capacity::Ramp;
use crate::date::{date_after_years, years_between, Date, DAYS_PER_YEAR};
use crate::input::Reader;
use crate::pricing::touch::{asset_one_touch, one_touch};
use crate::pricing::{Direction, Market, Payment};
use crate::problem::Problem;
use crate::scenario::{PriceTestKind, Scenario};
use rng::{Rng, Stream};
use serde::Serialize;
use serde_json::Value;

/// Most paths in one valuation.
pub const MAX_PATHS: u64 = 2_000_000;
/// Most path-steps (paths × grid steps) in one valuation: about a few seconds of work.
pub const MAX_PATH_STEPS: f64 = 1.5e9;
/// Most tranches the control variate covers (its covariance is quadratic in them).
pub const MAX_CONTROLLED_TRANCHES: usize = 24;
/// Trading days a year, for converting `days` of an average test to grid closes.
pub const TRADING_DAYS_PER_YEAR: f64 = 252.0;
const FAN_PATHS: u64 = 1000;
const FAN_POINTS: usize = 48;
const SAMPLE_PATHS: usize = 12;
const HISTOGRAM_BINS: usize = 30;
/// Pairs in a block: the unit of parallel work. Each block fills its own [`Sums`], and blocks
/// are merged in block order, so the result is the same whoever ran which block.
pub const BLOCK_PAIRS: u64 = 1024;

/// Options of `valueWarrant`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Paths (rounded up to an even number with antithetic pairs). Default 20,000.
    pub paths: u64,
    /// Seed of every stream. Default 1.
    pub seed: u64,
    /// Grid steps a year. Default 252 (trading days) when a tranche has a `close` or
    /// `average` test, else 52 (weekly, exact for `touch` by the bridge).
    pub steps_per_year: u32,
    /// Antithetic pairs. Default true.
    pub antithetic: bool,
    /// The one-touch control variate. Default true.
    pub control_variate: bool,
}

const OPTION_FIELDS: &[&str] = &[
    "paths",
    "seed",
    "stepsPerYear",
    "antithetic",
    "controlVariate",
];

impl Options {
    /// Reads options (every field optional; problems at `options.<field>`).
    pub fn from_json(v: &Value, scenario: Option<&Scenario>) -> Result<Options, Vec<Problem>> {
        let mut r = Reader::default();
        let empty = Value::Object(Default::default());
        let v = if v.is_null() { &empty } else { v };
        let o = r.object(v, "options", OPTION_FIELDS);
        let whole = |r: &mut Reader, key: &str, lo: f64, hi: f64, default: f64| -> f64 {
            match r.opt_number(o, key, "options") {
                None => default,
                Some(x) if x.fract() == 0.0 && x >= lo && x <= hi => x,
                Some(_) => {
                    r.problem(
                        &format!("options.{key}"),
                        format!("must be a whole number from {lo} to {hi}"),
                    );
                    default
                }
            }
        };
        let needs_daily = scenario.and_then(|s| s.warrant.as_ref()).is_some_and(|w| {
            w.tranches
                .iter()
                .any(|t| t.price_target.is_some() && t.price_test.kind != PriceTestKind::Touch)
        });
        let options = Options {
            paths: whole(&mut r, "paths", 2.0, MAX_PATHS as f64, 20_000.0) as u64,
            seed: whole(&mut r, "seed", 0.0, 9_007_199_254_740_991.0, 1.0) as u64,
            steps_per_year: whole(
                &mut r,
                "stepsPerYear",
                1.0,
                2520.0,
                if needs_daily { 252.0 } else { 52.0 },
            ) as u32,
            antithetic: bool_or(&mut r, o, "antithetic", true),
            control_variate: bool_or(&mut r, o, "controlVariate", true),
        };
        if r.problems.is_empty() {
            Ok(options)
        } else {
            Err(r.problems)
        }
    }
}

fn bool_or(r: &mut Reader, o: &crate::input::Object, key: &str, default: bool) -> bool {
    r.opt_bool(o, key, "options").unwrap_or(default)
}

/// One tranche as the simulation sees it.
#[derive(Clone, Debug)]
struct TrancheModel {
    shares: f64,
    gw_trigger: f64,
    target: Option<f64>,
    log_target: f64,
    kind: PriceTestKind,
    /// Grid closes in the trailing average.
    window: usize,
    /// Closed-form value per share of the control (one-touch of the target paying H − K).
    control_mean: Option<f64>,
}

/// What one path did with one tranche.
#[derive(Clone, Copy, Debug, Default)]
struct Outcome {
    /// Vest time (years) if it vested by expiry.
    vest: Option<f64>,
    /// Present value per share (risk-neutral run).
    value: f64,
    /// The control's present value per share.
    control: f64,
}

/// Buffers reused from pair to pair, so that the hot loop allocates nothing (Wasm's
/// allocator is slow, and a pair used to make dozens of small vectors).
#[derive(Clone, Debug, Default)]
struct Scratch {
    uniforms: Vec<f64>,
    flipped: Vec<f64>,
    ramp: Ramp,
    breakpoints: Vec<f64>,
    pair_y: Vec<f64>,
    pair_c: Vec<f64>,
    outcomes: Vec<Outcome>,
    fan_outcomes: Vec<Outcome>,
    path: PathState,
}

/// Per-path state of [`Simulation::simulate`].
#[derive(Clone, Debug, Default)]
struct PathState {
    /// Each tranche's milestone on this path (years), if it comes by expiry.
    milestones: Vec<Option<f64>>,
    price_met: Vec<Option<(f64, f64)>>,
    touched: Vec<Option<(f64, f64)>>,
    vested: Vec<Option<(f64, f64)>>,
    group_ptr: Vec<usize>,
    next_slot: Vec<usize>,
    last_high: Vec<Option<usize>>,
}

/// Running sums over pairs for one tranche (per-share units, shifted for stability).
#[derive(Clone, Debug, Default, PartialEq)]
struct Moments {
    y: f64,
    yy: f64,
    c: f64,
    cc: f64,
    yc: f64,
}

/// Everything a run of pairs adds up: the estimator's moments, the real-world sums (weighted by
/// the likelihood ratio dP/dQ of each path), each path's total value, and the fan's prices.
/// Blocks of [`BLOCK_PAIRS`] pairs fill their own and are merged in block order; across Web
/// Workers they travel as a flat list of numbers ([`Sums::to_vec`], [`Sums::from_slice`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sums {
    pairs: u64,
    moments: Vec<Moments>,
    total: Moments,
    /// Σ over pairs of (total Y − shift)·(C_i − E C_i), and Σ (C_i − E C_i)(C_j − E C_j)
    /// (row-major).
    total_c: Vec<f64>,
    cc: Vec<f64>,
    weight_sum_p: f64,
    vest_weight_p: Vec<f64>,
    vest_count_q: Vec<f64>,
    vest_time_sum_p: Vec<f64>,
    vest_day_histogram: Vec<Vec<f64>>,
    ownership_sum_p: f64,
    shares_sum_p: f64,
    path_totals: Vec<f64>,
    /// Per fan point, the prices of the fan paths so far (in pair order).
    fan: Vec<Vec<f64>>,
    samples: Vec<Vec<f64>>,
}

impl Sums {
    fn new(tranches: usize, days: usize) -> Sums {
        Sums {
            moments: vec![Moments::default(); tranches],
            total_c: vec![0.0; tranches],
            cc: vec![0.0; tranches * tranches],
            vest_weight_p: vec![0.0; tranches],
            vest_count_q: vec![0.0; tranches],
            vest_time_sum_p: vec![0.0; tranches],
            vest_day_histogram: vec![vec![0.0; days]; tranches],
            fan: vec![Vec::new(); FAN_POINTS + 1],
            ..Sums::default()
        }
    }

    fn tranches(&self) -> usize {
        self.moments.len()
    }

    fn days(&self) -> usize {
        self.vest_day_histogram.first().map_or(0, Vec::len)
    }

    /// Adds `other` (the next block) to these sums.
    fn merge(&mut self, other: &Sums) {
        fn add(a: &mut [f64], b: &[f64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        self.pairs += other.pairs;
        for (m, o) in self.moments.iter_mut().zip(&other.moments) {
            m.add(o);
        }
        self.total.add(&other.total);
        add(&mut self.total_c, &other.total_c);
        add(&mut self.cc, &other.cc);
        self.weight_sum_p += other.weight_sum_p;
        add(&mut self.vest_weight_p, &other.vest_weight_p);
        add(&mut self.vest_count_q, &other.vest_count_q);
        add(&mut self.vest_time_sum_p, &other.vest_time_sum_p);
        for (h, o) in self
            .vest_day_histogram
            .iter_mut()
            .zip(&other.vest_day_histogram)
        {
            add(h, o);
        }
        self.ownership_sum_p += other.ownership_sum_p;
        self.shares_sum_p += other.shares_sum_p;
        self.path_totals.extend_from_slice(&other.path_totals);
        for (f, o) in self.fan.iter_mut().zip(&other.fan) {
            f.extend_from_slice(o);
        }
        for p in &other.samples {
            if self.samples.len() < SAMPLE_PATHS {
                self.samples.push(p.clone());
            }
        }
    }

    /// The sums as one flat list of numbers: pairs, then each field in declaration order;
    /// lists of varying length are preceded by their length.
    pub fn to_vec(&self) -> Vec<f64> {
        let mut v = vec![self.pairs as f64];
        for m in self.moments.iter().chain([&self.total]) {
            v.extend([m.y, m.yy, m.c, m.cc, m.yc]);
        }
        v.extend(&self.total_c);
        v.extend(&self.cc);
        v.extend([self.weight_sum_p, self.ownership_sum_p, self.shares_sum_p]);
        v.extend(&self.vest_weight_p);
        v.extend(&self.vest_count_q);
        v.extend(&self.vest_time_sum_p);
        self.vest_day_histogram.iter().for_each(|h| v.extend(h));
        v.push(self.path_totals.len() as f64);
        v.extend(&self.path_totals);
        for f in &self.fan {
            v.push(f.len() as f64);
            v.extend(f);
        }
        v.push(self.samples.len() as f64);
        for p in &self.samples {
            v.push(p.len() as f64);
            v.extend(p);
        }
        v
    }

    /// Reads what [`Sums::to_vec`] wrote for a simulation of `tranches` tranches and `days`
    /// histogram days; an error (never a panic) for anything else.
    pub fn from_slice(data: &[f64], tranches: usize, days: usize) -> Result<Sums, String> {
        let mut at = 0;
        let mut take = |k: usize| -> Result<&[f64], String> {
            let part = data
                .get(at..at + k)
                .ok_or_else(|| format!("block data ends at {} of {}", data.len(), at + k))?;
            at += k;
            Ok(part)
        };
        fn count(x: f64, limit: usize) -> Result<usize, String> {
            if x.fract() == 0.0 && (0.0..=limit as f64).contains(&x) {
                Ok(x as usize)
            } else {
                Err(format!("block data has a bad count {x}"))
            }
        }
        let mut s = Sums::new(tranches, days);
        s.pairs = count(take(1)?[0], BLOCK_PAIRS as usize)? as u64;
        let moments = |m: &[f64]| Moments {
            y: m[0],
            yy: m[1],
            c: m[2],
            cc: m[3],
            yc: m[4],
        };
        for m in s.moments.iter_mut() {
            *m = moments(take(5)?);
        }
        s.total = moments(take(5)?);
        s.total_c.copy_from_slice(take(tranches)?);
        s.cc.copy_from_slice(take(tranches * tranches)?);
        let w = take(3)?;
        (s.weight_sum_p, s.ownership_sum_p, s.shares_sum_p) = (w[0], w[1], w[2]);
        s.vest_weight_p.copy_from_slice(take(tranches)?);
        s.vest_count_q.copy_from_slice(take(tranches)?);
        s.vest_time_sum_p.copy_from_slice(take(tranches)?);
        for h in s.vest_day_histogram.iter_mut() {
            h.copy_from_slice(take(days)?);
        }
        let paths = 2 * BLOCK_PAIRS as usize;
        let len = count(take(1)?[0], paths)?;
        s.path_totals = take(len)?.to_vec();
        for k in 0..=FAN_POINTS {
            let len = count(take(1)?[0], paths)?;
            s.fan[k] = take(len)?.to_vec();
        }
        let len = count(take(1)?[0], SAMPLE_PATHS)?;
        for _ in 0..len {
            let n = count(take(1)?[0], FAN_POINTS + 1)?;
            s.samples.push(take(n)?.to_vec());
        }
        if at != data.len() {
            return Err(format!(
                "block data has {} numbers too many",
                data.len() - at
            ));
        }
        Ok(s)
    }
}

impl Moments {
    fn add(&mut self, o: &Moments) {
        self.y += o.y;
        self.yy += o.yy;
        self.c += o.c;
        self.cc += o.cc;
        self.yc += o.yc;
    }
}

/// The simulation, run in chunks of pairs (for progress and cancelling) with identical results.
pub struct Simulation {
    scenario: Scenario,
    options: Options,
    tranches: Vec<TrancheModel>,
    s0: f64,
    strike: f64,
    rate: f64,
    sigma: f64,
    drift_q: f64,
    drift_p: f64,
    expiry_years: f64,
    steps: usize,
    dt: f64,
    pairs_total: u64,
    pairs_done: u64,
    use_control: bool,
    /// The merged sums of every finished block, and the block in progress.
    sums: Sums,
    block: Sums,
    /// Pair 0's per-share values and their total: subtracted before squaring, for stable
    /// variances (set by a dry run of pair 0 when the simulation is made).
    shift_y: Vec<f64>,
    shift_total: f64,
    shift_ready: bool,
    /// θ = (real-world drift − risk-neutral drift) ÷ σ, the market price of risk.
    theta: f64,
    /// Tranches with a target in ascending order of target: those whose touch is tracked
    /// (all with the control variate, else the `touch` ones), the `close` ones, and the
    /// `average` ones grouped by window length.
    touch_order: Vec<usize>,
    close_order: Vec<usize>,
    average_groups: Vec<AverageGroup>,
    // scratch
    scratch: Scratch,
    normals: Vec<f64>,
    /// One trailing window per average group (a ring, any order): each close as its logarithm
    /// and, once needed, as a price (NaN until then), so that a close costs at most one exp.
    windows: Vec<Vec<(f64, f64)>>,
}

/// The `average` tranches sharing one window length, ascending by target.
#[derive(Clone, Debug)]
struct AverageGroup {
    order: Vec<usize>,
}

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
    /// totalFairValueUsd ÷ the vendor's revenue from the deal.
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
}

/// Labels of the two measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Measures {
    pub fair_value: String,
    pub probability: String,
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

impl Simulation {
    /// Prepares a valuation of a validated scenario; problems if it has no warrant or the run
    /// is too large.
    pub fn new(scenario: &Scenario, options: Options) -> Result<Simulation, Vec<Problem>> {
        let Some((w, e)) = scenario.warrant_on_equity() else {
            return Err(vec![Problem::new(
                "warrant",
                "the deal has no warrant to value",
            )]);
        };
        let expiry_years = years_between(scenario.valuation_date, w.expiry_date);
        let steps = f64::ceil(expiry_years * options.steps_per_year as f64 - 1e-9).max(1.0);
        let pairs_total = if options.antithetic {
            options.paths.div_ceil(2)
        } else {
            options.paths
        };
        let paths = if options.antithetic {
            2 * pairs_total
        } else {
            pairs_total
        };
        // Fair values and real-world figures come from the same paths (reweighted): one
        // simulation per path; the fan's extra real-world paths are few.
        if paths as f64 * steps > MAX_PATH_STEPS {
            return Err(vec![Problem::new(
                "options.paths",
                format!(
                    "{paths} paths × {steps} steps is more than {MAX_PATH_STEPS:e} path-steps; \
                     use fewer paths or stepsPerYear"
                ),
            )]);
        }
        let steps = steps as usize;
        let dt = expiry_years / steps as f64;
        let market = Market {
            spot: e.share_price,
            rate: e.risk_free_rate,
            dividend_yield: e.dividend_yield,
            vol: e.volatility,
            time_years: expiry_years,
        };
        let tranches: Vec<TrancheModel> = w
            .tranches
            .iter()
            .map(|t| {
                let window = match t.price_test.kind {
                    PriceTestKind::Average => f64::round(
                        t.price_test.days as f64 * options.steps_per_year as f64
                            / TRADING_DAYS_PER_YEAR,
                    )
                    .max(1.0) as usize,
                    _ => 1,
                };
                let control_mean = t.price_target.map(|h| {
                    let asset = asset_one_touch(&market, Direction::Up, h, Payment::AtHit);
                    let cash = one_touch(&market, Direction::Up, h, 1.0, Payment::AtHit);
                    asset - w.strike * cash
                });
                TrancheModel {
                    shares: t.shares,
                    gw_trigger: t.gw_trigger,
                    target: t.price_target,
                    log_target: t.price_target.map_or(f64::NEG_INFINITY, libm::log),
                    kind: t.price_test.kind,
                    window,
                    control_mean,
                }
            })
            .collect();
        let n = tranches.len();
        let use_control = options.control_variate && n <= MAX_CONTROLLED_TRANCHES;
        let days = (expiry_years * DAYS_PER_YEAR) as usize + 2;
        let ascending = |keep: &dyn Fn(&TrancheModel) -> bool| -> Vec<usize> {
            let mut order: Vec<usize> = (0..n)
                .filter(|&i| tranches[i].target.is_some() && keep(&tranches[i]))
                .collect();
            order.sort_by(|&i, &j| tranches[i].log_target.total_cmp(&tranches[j].log_target));
            order
        };
        let touch_order = ascending(&|t| use_control || t.kind == PriceTestKind::Touch);
        let close_order = ascending(&|t| t.kind == PriceTestKind::Close);
        let mut lengths: Vec<usize> = tranches
            .iter()
            .filter(|t| t.kind == PriceTestKind::Average && t.target.is_some())
            .map(|t| t.window)
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        let average_groups: Vec<AverageGroup> = lengths
            .iter()
            .map(|&len| AverageGroup {
                order: ascending(&|t| t.kind == PriceTestKind::Average && t.window == len),
            })
            .collect();
        let drift_q = e.risk_free_rate - e.dividend_yield;
        let mut sim = Simulation {
            scenario: scenario.clone(),
            options,
            s0: e.share_price,
            strike: w.strike,
            rate: e.risk_free_rate,
            sigma: e.volatility,
            drift_q,
            drift_p: e.real_world_drift(),
            expiry_years,
            steps,
            dt,
            pairs_total,
            pairs_done: 0,
            use_control,
            sums: Sums::new(n, days),
            block: Sums::new(n, days),
            shift_y: vec![0.0; n],
            shift_total: 0.0,
            shift_ready: false,
            theta: (e.real_world_drift() - drift_q) / e.volatility,
            scratch: Scratch::default(),
            normals: vec![0.0; steps],
            windows: lengths.iter().map(|&len| vec![(0.0, 0.0); len]).collect(),
            touch_order,
            close_order,
            average_groups,
            tranches,
        };
        // A dry run of pair 0 sets the shift; its sums are dropped.
        sim.run_pair(0);
        sim.block = sim.empty_sums();
        Ok(sim)
    }

    /// Pairs done and pairs in all.
    pub fn progress(&self) -> (u64, u64) {
        (self.pairs_done, self.pairs_total)
    }

    pub fn is_done(&self) -> bool {
        self.pairs_done >= self.pairs_total
    }

    /// Runs up to `pairs` more pairs; returns how many ran. A block's sums join the total when
    /// its last pair has run.
    pub fn run(&mut self, pairs: u64) -> u64 {
        let end = (self.pairs_done + pairs).min(self.pairs_total);
        let start = self.pairs_done;
        for pair in start..end {
            self.run_pair(pair);
            if (pair + 1) % BLOCK_PAIRS == 0 || pair + 1 == self.pairs_total {
                let fresh = self.empty_sums();
                let block = std::mem::replace(&mut self.block, fresh);
                self.sums.merge(&block);
            }
        }
        self.pairs_done = end;
        end - start
    }

    /// Blocks in the whole run ([`BLOCK_PAIRS`] pairs each, the last one maybe fewer).
    pub fn block_count(&self) -> u64 {
        self.pairs_total.div_ceil(BLOCK_PAIRS)
    }

    /// Runs block `index` on its own and returns its sums, leaving this simulation's progress
    /// as it was: the work of one Web Worker. Out of range: empty sums.
    pub fn run_block(&mut self, index: u64) -> Sums {
        let start = index.saturating_mul(BLOCK_PAIRS).min(self.pairs_total);
        let end = start.saturating_add(BLOCK_PAIRS).min(self.pairs_total);
        let fresh = self.empty_sums();
        let saved = std::mem::replace(&mut self.block, fresh);
        for pair in start..end {
            self.run_pair(pair);
        }
        std::mem::replace(&mut self.block, saved)
    }

    /// Adds the sums of the next block (made by [`Simulation::run_block`] here or in a worker
    /// with the same scenario and options). Blocks must come in order, after whole blocks only.
    pub fn absorb_block(&mut self, index: u64, block: &Sums) -> Result<(), String> {
        let expected = self.pairs_done / BLOCK_PAIRS;
        if self.block.pairs != 0 || self.pairs_done % BLOCK_PAIRS != 0 && !self.is_done() {
            return Err("blocks can only follow whole blocks".to_string());
        }
        if index != expected || self.is_done() {
            return Err(format!("expected block {expected}, got block {index}"));
        }
        let pairs = BLOCK_PAIRS.min(self.pairs_total - self.pairs_done);
        if block.pairs != pairs
            || block.tranches() != self.tranches.len()
            || block.days() != self.sums.days()
        {
            return Err(format!(
                "block {index} does not belong to this simulation ({} pairs, want {pairs})",
                block.pairs
            ));
        }
        self.sums.merge(block);
        self.pairs_done += pairs;
        Ok(())
    }

    /// Tranches and histogram days: the shape [`Sums::from_slice`] needs.
    pub fn sums_shape(&self) -> (usize, usize) {
        (self.tranches.len(), self.sums.days())
    }

    /// Zero sums of this simulation's shape, for the next block.
    fn empty_sums(&self) -> Sums {
        let (tranches, days) = self.sums_shape();
        Sums::new(tranches, days)
    }

    /// Runs every remaining pair.
    pub fn run_all(&mut self) {
        let rest = self.pairs_total - self.pairs_done;
        self.run(rest);
    }

    fn run_pair(&mut self, pair: u64) {
        let n = self.tranches.len();
        let seed = self.options.seed;
        let phase_count = self.scenario.capacity.phases.len();
        let mut sc = std::mem::take(&mut self.scratch);
        let mut deploy = Rng::new(seed, pair, Stream::Deployment);
        sc.uniforms.clear();
        sc.uniforms
            .extend((0..2 * phase_count).map(|_| deploy.uniform()));
        let mut price = Rng::new(seed, pair, Stream::Price);
        for z in self.normals.iter_mut() {
            *z = price.normal();
        }
        let members: &[f64] = if self.options.antithetic {
            &[1.0, -1.0]
        } else {
            &[1.0]
        };
        sc.pair_y.clear();
        sc.pair_y.resize(n, 0.0);
        sc.pair_c.clear();
        sc.pair_c.resize(n, 0.0);
        sc.outcomes.clear();
        sc.outcomes.resize(n, Outcome::default());
        for (m, &sign) in members.iter().enumerate() {
            sc.flipped.clear();
            if sign > 0.0 {
                sc.flipped.extend_from_slice(&sc.uniforms);
            } else {
                sc.flipped.extend(sc.uniforms.iter().map(|u| 1.0 - u));
            }
            deployment::sample_ramp_into(&self.scenario.capacity.phases, &sc.flipped, &mut sc.ramp);
            sc.ramp.breakpoints_into(&mut sc.breakpoints);
            sc.path.milestones.clear();
            for t in &self.tranches {
                sc.path.milestones.push(
                    deployment::milestone_years(
                        &sc.ramp,
                        &sc.breakpoints,
                        t.gw_trigger,
                        self.scenario.valuation_date,
                    )
                    .filter(|&y| y <= self.expiry_years),
                );
            }
            let bridge_stream = if m == 0 {
                Stream::BridgeFirst
            } else {
                Stream::BridgeSecond
            };
            let path_index = pair * members.len() as u64 + m as u64;
            // Risk-neutral: values and controls.
            let mut bridge = Rng::new(seed, pair, bridge_stream);
            let (w, tau) = self.simulate(
                self.drift_q,
                sign,
                &mut bridge,
                &mut sc.outcomes,
                &mut sc.path,
                None,
            );
            let mut path_total = 0.0;
            for (i, o) in sc.outcomes.iter().enumerate() {
                sc.pair_y[i] += o.value / members.len() as f64;
                sc.pair_c[i] += o.control / members.len() as f64;
                path_total += o.value * self.tranches[i].shares;
                if o.vest.is_some() {
                    self.block.vest_count_q[i] += 1.0;
                }
            }
            self.block.path_totals.push(path_total);
            // Real world from the same path, reweighted (Girsanov): dP/dQ on the information
            // up to the path's last simulated time τ is exp(θ·W_τ − θ²τ/2), W the risk-neutral
            // Brownian motion; every vest outcome is known by τ (optional stopping).
            let weight = libm::exp(self.theta * w - 0.5 * self.theta * self.theta * tau);
            if path_index < FAN_PATHS && m == 0 {
                let mut bridge = Rng::new(seed, pair, bridge_stream);
                let mut fan = vec![0.0; FAN_POINTS + 1];
                sc.fan_outcomes.clone_from(&sc.outcomes);
                self.simulate(
                    self.drift_p,
                    sign,
                    &mut bridge,
                    &mut sc.fan_outcomes,
                    &mut sc.path,
                    Some(&mut fan),
                );
                self.record_fan(fan);
            }
            self.record_real_world(&sc.outcomes, weight);
        }
        self.accumulate(&sc.pair_y, &sc.pair_c);
        self.block.pairs += 1;
        self.scratch = sc;
    }

    fn record_fan(&mut self, fan: Vec<f64>) {
        for (k, &s) in fan.iter().enumerate() {
            self.block.fan[k].push(s);
        }
        if self.block.samples.len() < SAMPLE_PATHS {
            self.block.samples.push(fan);
        }
    }

    fn record_real_world(&mut self, outcomes: &[Outcome], weight: f64) {
        let mut vested_shares = 0.0;
        let b = &mut self.block;
        let days = b.days();
        b.weight_sum_p += weight;
        for (i, o) in outcomes.iter().enumerate() {
            if let Some(t) = o.vest {
                b.vest_weight_p[i] += weight;
                b.vest_time_sum_p[i] += weight * t;
                let day = ((t * DAYS_PER_YEAR) as usize).min(days.saturating_sub(1));
                b.vest_day_histogram[i][day] += weight;
                vested_shares += self.tranches[i].shares;
            }
        }
        let big_s = self
            .scenario
            .equity
            .as_ref()
            .map_or(1.0, |e| e.shares_outstanding);
        b.shares_sum_p += weight * vested_shares;
        b.ownership_sum_p += weight * vested_shares / (big_s + vested_shares);
    }

    fn accumulate(&mut self, y: &[f64], c: &[f64]) {
        let n = self.tranches.len();
        if !self.shift_ready {
            self.shift_y = y.to_vec();
            self.shift_total = self.total_of(y);
            self.shift_ready = true;
        }
        let total = self.total_of(y) - self.shift_total;
        let b = &mut self.block;
        b.total.y += total;
        b.total.yy += total * total;
        for i in 0..n {
            let cm = self.tranches[i].control_mean.unwrap_or(0.0);
            let (yi, ci) = (y[i] - self.shift_y[i], c[i] - cm);
            let m = &mut b.moments[i];
            m.y += yi;
            m.yy += yi * yi;
            m.c += ci;
            m.cc += ci * ci;
            m.yc += yi * ci;
            if self.use_control {
                b.total_c[i] += total * ci;
                for (j, (cj, tj)) in c.iter().zip(&self.tranches).enumerate() {
                    b.cc[i * n + j] += ci * (cj - tj.control_mean.unwrap_or(0.0));
                }
            }
        }
    }

    fn total_of(&self, per_share: &[f64]) -> f64 {
        per_share
            .iter()
            .zip(&self.tranches)
            .map(|(v, t)| v * t.shares)
            .sum()
    }

    /// One path under drift `drift`; fills `out` per tranche; records fan prices if asked.
    ///
    /// Targets are visited in ascending order with a pointer to the lowest one not yet met:
    /// with one bridge uniform per step, touches (and closes, and averages over the same
    /// window) of nested levels nest, so a step checks one level unless it crosses some.
    fn simulate(
        &mut self,
        drift: f64,
        sign: f64,
        bridge: &mut Rng,
        out: &mut [Outcome],
        state: &mut PathState,
        mut fan: Option<&mut [f64]>,
    ) -> (f64, f64) {
        let n = self.tranches.len();
        let (dt, sigma, s0) = (self.dt, self.sigma, self.s0);
        // The driving Brownian motion W (at the last simulated step) and that step's time.
        let mut z_sum = 0.0;
        let mut steps_done = 0usize;
        let a = (drift - 0.5 * sigma * sigma) * dt;
        let b = sigma * f64::sqrt(dt) * sign;
        // Crossing between grid points: p = exp(−k·d₀·d₁), k = 2/(σ²Δ), d = ln H − ln S.
        let bridge_k = 2.0 / (sigma * sigma * dt);
        let mut x = libm::log(s0);
        let PathState {
            milestones,
            price_met,
            touched,
            vested,
            group_ptr,
            next_slot,
            last_high,
        } = state;
        for v in [&mut *price_met, &mut *touched, &mut *vested] {
            v.clear();
            v.resize(n, None);
        }
        for (i, t) in self.tranches.iter().enumerate() {
            if t.target.is_none_or(|h| s0 >= h) {
                price_met[i] = Some((0.0, s0));
                if t.target.is_some() {
                    touched[i] = Some((0.0, s0));
                }
            }
        }
        // Pointers past the levels already met at the start (orders are ascending).
        let met_at_start = |order: &[usize]| {
            order
                .iter()
                .take_while(|&&i| self.tranches[i].target.is_some_and(|h| s0 >= h))
                .count()
        };
        let mut touch_ptr = met_at_start(&self.touch_order);
        let mut close_ptr = met_at_start(&self.close_order);
        group_ptr.clear();
        group_ptr.extend(self.average_groups.iter().map(|g| met_at_start(&g.order)));
        for w in self.windows.iter_mut() {
            w.iter_mut().for_each(|v| *v = (x, s0));
        }
        next_slot.clear();
        next_slot.resize(self.windows.len(), 0);
        // The last step whose close reached the group's lowest pending target (none yet: the
        // targets met at the start are skipped by the pointers).
        last_high.clear();
        last_high.resize(self.windows.len(), None);
        let mut open_vests = milestones.iter().filter(|m| m.is_some()).count();
        let mut next_due = f64::INFINITY;
        vest_step(
            0.0,
            s0,
            milestones,
            price_met,
            vested,
            &mut open_vests,
            &mut next_due,
        );
        let mut fan_slot = 1;
        if let Some(f) = fan.as_deref_mut() {
            f[0] = s0;
        }
        for k in 0..self.steps {
            if open_vests == 0 && touch_ptr == self.touch_order.len() && fan.is_none() {
                break;
            }
            let t0 = k as f64 * dt;
            let t1 = (k + 1) as f64 * dt;
            let x1 = x + a + b * self.normals[k];
            z_sum += self.normals[k];
            steps_done = k + 1;
            let mut s1 = f64::NAN;
            let mut changed = false;
            // Touches, with one bridge uniform per step, drawn only when a level is within
            // reach: k·d₀·d₁ > 38 means p < e⁻³⁸, below the smallest uniform we draw. The
            // crossing is u < p = e^(−q); since e^q ≥ 1 + q + q²/2, u ≥ 1/(1 + q + q²/2) rules
            // it out without the exp, which is then needed in a few percent of the draws.
            let mut bridge_u = None;
            while let Some(&i) = self.touch_order.get(touch_ptr) {
                let t = &self.tranches[i];
                let lh = t.log_target;
                let hit = x1 >= lh || {
                    let q = bridge_k * (lh - x) * (lh - x1);
                    q < 38.0 && {
                        let u = *bridge_u.get_or_insert_with(|| bridge.uniform());
                        u * (1.0 + q + 0.5 * q * q) < 1.0 && u < libm::exp(-q)
                    }
                };
                if !hit {
                    break;
                }
                touched[i] = Some((t0 + 0.5 * dt, t.target.unwrap_or(s0)));
                if t.kind == PriceTestKind::Touch && price_met[i].is_none() {
                    price_met[i] = touched[i];
                    changed = true;
                }
                touch_ptr += 1;
            }
            while let Some(&i) = self.close_order.get(close_ptr) {
                if x1 < self.tranches[i].log_target {
                    break;
                }
                price_met[i] = Some((t1, spot(&mut s1, x1)));
                changed = true;
                close_ptr += 1;
            }
            for (g, group) in self.average_groups.iter().enumerate() {
                if group_ptr[g] == group.order.len() {
                    continue;
                }
                let w = &mut self.windows[g];
                let slot = next_slot[g];
                w[slot] = (x1, s1);
                next_slot[g] += 1;
                if next_slot[g] == w.len() {
                    next_slot[g] = 0;
                }
                if group
                    .order
                    .get(group_ptr[g])
                    .is_some_and(|&i| x1 >= self.tranches[i].log_target)
                {
                    last_high[g] = Some(k);
                }
                // The mean of the window's closes reaches a target only if one of the closes
                // does: until then the closes stay logarithms and cost no exp. (A close above
                // an earlier, lower target also counts, which only costs a needless mean.)
                if last_high[g].is_none_or(|j| k - j >= w.len()) {
                    continue;
                }
                let s = spot(&mut s1, x1);
                w[slot].1 = s;
                let mut sum = 0.0;
                for (x, s) in w.iter_mut() {
                    sum += spot(s, *x);
                }
                let mean = sum / w.len() as f64;
                while let Some(&i) = group.order.get(group_ptr[g]) {
                    let h = self.tranches[i].target.unwrap_or(0.0);
                    if mean < h * (1.0 - 1e-12) {
                        break;
                    }
                    price_met[i] = Some((t1, s));
                    changed = true;
                    group_ptr[g] += 1;
                }
            }
            if changed || t1 >= next_due {
                let s = spot(&mut s1, x1);
                vest_step(
                    t1,
                    s,
                    milestones,
                    price_met,
                    vested,
                    &mut open_vests,
                    &mut next_due,
                );
            }
            x = x1;
            if let Some(f) = fan.as_deref_mut() {
                // Slot j holds the price at grid step ⌈j·steps/FAN_POINTS⌉.
                while fan_slot <= FAN_POINTS && fan_step(fan_slot, self.steps) <= k + 1 {
                    f[fan_slot] = libm::exp(x);
                    fan_slot += 1;
                }
            }
        }
        let (k_strike, r, expiry) = (self.strike, self.rate, self.expiry_years + 1e-12);
        let pv = |v: Option<(f64, f64)>| {
            v.filter(|(t, _)| *t <= expiry)
                .map_or(0.0, |(t, s)| (s - k_strike).max(0.0) * libm::exp(-r * t))
        };
        for i in 0..n {
            out[i] = Outcome {
                vest: vested[i].filter(|(t, _)| *t <= expiry).map(|(t, _)| t),
                value: pv(vested[i]),
                control: pv(touched[i]),
            };
        }
        (sign * f64::sqrt(dt) * z_sum, steps_done as f64 * dt)
    }

    /// The valuation so far (complete when [`Simulation::is_done`]).
    pub fn result(&self) -> Valuation {
        let merged;
        let sums = if self.block.pairs > 0 {
            // Mid-block (progress only): the finished blocks and the one in progress.
            let mut all = self.sums.clone();
            all.merge(&self.block);
            merged = all;
            &merged
        } else {
            &self.sums
        };
        let n = self.tranches.len();
        let pairs = self.pairs_done.max(1) as f64;
        let members = if self.options.antithetic { 2.0 } else { 1.0 };
        let paths_done = self.pairs_done as f64 * members;
        let var = |sum: f64, sum2: f64| {
            let mean = sum / pairs;
            ((sum2 / pairs - mean * mean) * pairs / (pairs - 1.0).max(1.0)).max(0.0)
        };
        // Per tranche: plain and controlled estimates (per share).
        let mut betas = vec![0.0; n];
        let mut tranches = Vec::with_capacity(n);
        let vendor_revenue =
            self.scenario.total_gw() * self.scenario.capacity.vendor_revenue_per_gw_usd;
        for (i, t) in self.tranches.iter().enumerate() {
            let m = &sums.moments[i];
            let mean_y = m.y / pairs + self.shift_y[i];
            let var_y = var(m.y, m.yy);
            let mean_c = m.c / pairs;
            let var_c = var(m.c, m.cc);
            let cov = (m.yc / pairs - (m.y / pairs) * mean_c) * pairs / (pairs - 1.0).max(1.0);
            let (estimate, var_adj) = if self.use_control && t.control_mean.is_some() && var_c > 0.0
            {
                let beta = cov / var_c;
                betas[i] = beta;
                (mean_y - beta * mean_c, (var_y - cov * cov / var_c).max(0.0))
            } else {
                (mean_y, var_y)
            };
            let se = f64::sqrt(var_adj / pairs) * t.shares;
            // Self-normalised importance weights: Σ w·1{vest} ÷ Σ w stays in [0, 1].
            let vest_weight = sums.vest_weight_p[i];
            let probability = crate::capacity::ratio(vest_weight, sums.weight_sum_p);
            let expected_vest_date = (vest_weight > 0.0).then(|| {
                date_after_years(
                    self.scenario.valuation_date,
                    sums.vest_time_sum_p[i] / vest_weight,
                )
            });
            let median_vest_date = median_day(&sums.vest_day_histogram[i], vest_weight)
                .map(|d| self.scenario.valuation_date.plus_days(d as i64));
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
        if self.use_control {
            let mean_c: Vec<f64> = sums.moments.iter().map(|m| m.c / pairs).collect();
            let scale = pairs / (pairs - 1.0).max(1.0);
            let shares: Vec<f64> = self.tranches.iter().map(|t| t.shares).collect();
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
        let real_world = self
            .scenario
            .equity
            .as_ref()
            .is_some_and(|e| e.expected_return.is_some());
        let mu_label = if real_world {
            "real-world: drift expectedReturn − dividendYield (risk-neutral paths reweighted)"
        } else {
            "risk-neutral (no expectedReturn given)"
        };
        Valuation {
            paths: paths_done as u64,
            seed: self.options.seed,
            steps_per_year: self.options.steps_per_year,
            steps: self.steps,
            antithetic: self.options.antithetic,
            control_variate: self.use_control,
            progress: self.pairs_done as f64 / self.pairs_total.max(1) as f64,
            measures: Measures {
                fair_value: "risk-neutral: drift riskFreeRate − dividendYield".to_string(),
                probability: mu_label.to_string(),
            },
            total_fair_value_usd,
            standard_error_usd: f64::sqrt(var_adj.max(0.0) / pairs),
            plain_standard_error_usd: f64::sqrt(var_t / pairs),
            effective_discount: crate::capacity::ratio(total_fair_value_usd, vendor_revenue),
            percentiles: Percentiles {
                p5: percentile(0.05),
                p50: percentile(0.5),
                p95: percentile(0.95),
            },
            histogram: histogram(&sorted),
            expected_shares_issued: crate::capacity::ratio(sums.shares_sum_p, sums.weight_sum_p),
            expected_ownership: crate::capacity::ratio(sums.ownership_sum_p, sums.weight_sum_p),
            tranches,
            price_fan: self.fan_points(&sums.fan),
            sample_paths: sums.samples.clone(),
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
                let years = fan_step(k, self.steps) as f64 * self.dt;
                FanPoint {
                    date: date_after_years(self.scenario.valuation_date, years),
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

/// S from ln S, computed once per step (NaN marks "not yet").
fn spot(s1: &mut f64, x1: f64) -> f64 {
    if s1.is_nan() {
        *s1 = libm::exp(x1);
    }
    *s1
}

/// Vests every tranche whose price test is met and whose milestone has come by `t` (the price
/// `s` then), and finds the next milestone still awaited by a tranche whose price is met.
fn vest_step(
    t: f64,
    s: f64,
    milestones: &[Option<f64>],
    price_met: &[Option<(f64, f64)>],
    vested: &mut [Option<(f64, f64)>],
    open: &mut usize,
    next_due: &mut f64,
) {
    *next_due = f64::INFINITY;
    for i in 0..vested.len() {
        if vested[i].is_some() {
            continue;
        }
        if let (Some(tm), Some((tp, sp))) = (milestones[i], price_met[i]) {
            if tm <= tp {
                vested[i] = Some((tp, sp));
            } else if tm <= t {
                vested[i] = Some((t, s));
            } else {
                *next_due = next_due.min(tm);
                continue;
            }
            *open -= 1;
        }
    }
}

/// The grid step of fan slot `slot`: ⌈slot·steps/FAN_POINTS⌉ (slot 0 is the start).
fn fan_step(slot: usize, steps: usize) -> usize {
    (slot * steps).div_ceil(FAN_POINTS)
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

/// Reads a scenario and options, runs every path, and returns the valuation.
pub fn value_warrant(scenario: &Value, options: &Value) -> Result<Valuation, Vec<Problem>> {
    let s = Scenario::from_json(scenario)?;
    let o = Options::from_json(options, Some(&s))?;
    let mut sim = Simulation::new(&s, o)?;
    sim.run_all();
    Ok(sim.result())
}
