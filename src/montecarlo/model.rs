//! The simulation's model of one deal: the tranches as the path sees them (targets in log
//! space, test kinds, average windows, closed-form anchors), the grid, the drifts and the
//! orders in which targets are checked. Built once per valuation from the deal
//! ([`super::deal::Deal`]) of a validated scenario.

use super::deal::Deal;
use super::options::{Options, MAX_CONTROLLED_TRANCHES, MAX_PATH_STEPS, TRADING_DAYS_PER_YEAR};
use crate::date::{years_between, Date, DAYS_PER_YEAR};
use crate::pricing::touch::touch_tranche;
use crate::pricing::Market;
use crate::problem::Problem;
use crate::scenario::{Phase, PriceTestKind, VestingRule};
use crate::warrant_terms::BRIDGE_CUTOFF;

/// One tranche as the simulation sees it.
#[derive(Clone, Debug)]
pub(super) struct TrancheModel {
    pub shares: f64,
    pub gw_trigger: f64,
    pub target: Option<f64>,
    pub log_target: f64,
    pub kind: PriceTestKind,
    /// Grid closes in the trailing average.
    pub window: usize,
    /// Closed-form value per share of the control (one-touch of the target paying H − K).
    pub control_mean: Option<f64>,
}

/// The variance of each grid step under a volatility term structure.
#[derive(Clone, Debug)]
pub(super) struct CurveSteps {
    /// v_k = w(t_{k+1}) − w(t_k) ≥ 0.
    pub var: Vec<f64>,
    /// √v_k.
    pub sd: Vec<f64>,
    /// 2 ÷ v_k (infinite for a step without variance).
    pub bridge_k: Vec<f64>,
    /// g_k = (θ-drift difference)·Δ ÷ √v_k: the likelihood ratio's increment per unit normal
    /// (0 for a step without variance).
    pub girsanov: Vec<f64>,
}

/// The `average` tranches sharing one window length, ascending by target.
#[derive(Clone, Debug)]
pub(super) struct AverageGroup {
    pub order: Vec<usize>,
}

/// Everything fixed for a valuation: read by every path, changed by none. In five parts:
/// the grid, the market the paths move in, the tranches' tests, the deployment, and what the
/// report needs besides the paths.
#[derive(Clone, Debug)]
pub(super) struct Model {
    pub grid: Grid,
    pub market: PathMarket,
    pub tests: TrancheTests,
    pub deployment: DeploymentModel,
    pub report: ReportContext,
}

/// The grid: its times, and the variance of ln S over each step.
#[derive(Clone, Debug)]
pub(super) struct Grid {
    pub steps: usize,
    pub dt: f64,
    pub expiry_years: f64,
    /// Days from the valuation date to expiry, plus slack: the vest-day histogram's length.
    pub days: usize,
    pub sigma: f64,
    /// The term structure's variance per grid step (the forward variance's integral over the
    /// step, [`crate::volatility`]), with its square roots and 2 ÷ it (the bridge's k); `None`
    /// for a flat volatility, whose steps all have σ²Δ.
    pub curve: Option<CurveSteps>,
    /// δ: a step whose ends both lie more than δ below a target cannot cross it (the bridge's
    /// crossing probability is below e⁻³⁸): √(38 ÷ 2 × the largest step variance), and a
    /// thousandth more against rounding.
    pub quiet_margin: f64,
}

/// The share price's start, the warrant's strike, and the drifts of the two measures.
#[derive(Clone, Debug)]
pub(super) struct PathMarket {
    pub s0: f64,
    pub strike: f64,
    pub rate: f64,
    /// Risk-neutral drift r − q.
    pub drift_q: f64,
    /// Real-world drift μ − q.
    pub drift_p: f64,
    /// θ = (real-world drift − risk-neutral drift) ÷ σ, the market price of risk.
    pub theta: f64,
}

/// The tranches as the path tests them.
#[derive(Clone, Debug)]
pub(super) struct TrancheTests {
    pub tranches: Vec<TrancheModel>,
    /// How each tranche's milestone and price test combine.
    pub rule: VestingRule,
    /// Whether the one-touch control variate runs (its touches are then tracked for every
    /// target).
    pub use_control: bool,
    /// Tranches with a target in ascending order of target: those whose touch is tracked
    /// (all with the control variate, else the `touch` ones), the `close` ones, and the
    /// `average` ones grouped by window length.
    pub touch_order: Vec<usize>,
    pub close_order: Vec<usize>,
    pub average_groups: Vec<AverageGroup>,
    /// Window length (grid closes) of each average group.
    pub window_lengths: Vec<usize>,
}

/// The phases as each path samples them ([`super::deployment`]).
#[derive(Clone, Debug)]
pub(super) struct DeploymentModel {
    pub phases: Vec<Phase>,
    /// Each phase's scheduled start as a grid step (0 when it has begun: no coupling), for
    /// the price correlation ρ.
    pub phase_start_steps: Vec<usize>,
    pub price_correlation: f64,
    /// Days by which GW are delivered before online (milestones count delivered GW).
    pub lead_days: f64,
    pub valuation_date: Date,
}

/// What the valuation's report needs besides the paths.
#[derive(Clone, Debug)]
pub(super) struct ReportContext {
    pub shares_outstanding: f64,
    /// Present value of the expected vendor income (revenue and contract) at the valuation
    /// date: what the effective discount divides by.
    pub vendor_income_pv_usd: f64,
    /// Whether `expectedReturn` was given (else probabilities are risk-neutral).
    pub real_world: bool,
}

impl Model {
    /// The model of a deal under `options`, and the number of path pairs to run; a problem if
    /// the run is too large.
    pub fn new(deal: &Deal, options: &Options) -> Result<(Model, u64), Vec<Problem>> {
        let (w, e) = (&deal.warrant, &deal.equity);
        let expiry_years = years_between(deal.valuation_date, w.expiry_date);
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
            let msg = format!(
                "{paths} paths × {steps} steps is more than {MAX_PATH_STEPS:e} path-steps; \
                 use fewer paths or stepsPerYear"
            );
            let problem = Problem::new("options.paths", "too_many_path_steps", msg)
                .with("paths", paths as f64)
                .with("steps", steps)
                .with("max", MAX_PATH_STEPS);
            return Err(vec![problem]);
        }
        let steps = steps as usize;
        let dt = expiry_years / steps as f64;
        let market = Market::of_equity(e, expiry_years);
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
                let control_mean = t
                    .price_target
                    .map(|h| touch_tranche(&market, h, w.strike).per_share_usd);
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
        // The control's closed form assumes constant parameters; under a term structure it is
        // exact only with r = q = 0 (then its payoff depends on the total variance alone).
        let flat = crate::volatility::is_flat(e);
        let exact_control = flat || e.risk_free_rate == 0.0 && e.dividend_yield == 0.0;
        let use_control = options.control_variate && n <= MAX_CONTROLLED_TRANCHES && exact_control;
        let days = (expiry_years * DAYS_PER_YEAR) as usize + 2;
        let ascending = |keep: &dyn Fn(&TrancheModel) -> bool| -> Vec<usize> {
            let mut order: Vec<usize> = (0..n)
                .filter(|&i| tranches[i].target.is_some() && keep(&tranches[i]))
                .collect();
            crate::numeric::sort_short(&mut order, |&i, &j| {
                tranches[i]
                    .log_target
                    .total_cmp(&tranches[j].log_target)
                    .is_lt()
            });
            order
        };
        let touch_order = ascending(&|t| use_control || t.kind == PriceTestKind::Touch);
        let close_order = ascending(&|t| t.kind == PriceTestKind::Close);
        let mut lengths: Vec<usize> = tranches
            .iter()
            .filter(|t| t.kind == PriceTestKind::Average && t.target.is_some())
            .map(|t| t.window)
            .collect();
        crate::numeric::sort_short(&mut lengths, |a, b| a < b);
        lengths.dedup();
        let average_groups: Vec<AverageGroup> = lengths
            .iter()
            .map(|&len| AverageGroup {
                order: ascending(&|t| t.kind == PriceTestKind::Average && t.window == len),
            })
            .collect();
        let drift_q = e.risk_free_rate - e.dividend_yield;
        let curve = (!flat).then(|| {
            let w = |k: usize| crate::volatility::total_variance(e, k as f64 * dt);
            let var: Vec<f64> = (0..steps).map(|k| (w(k + 1) - w(k)).max(0.0)).collect();
            let sd: Vec<f64> = var.iter().map(|v| f64::sqrt(*v)).collect();
            let excess = (e.real_world_drift() - drift_q) * dt;
            CurveSteps {
                bridge_k: var.iter().map(|v| 2.0 / v).collect(),
                girsanov: sd
                    .iter()
                    .map(|s| if *s > 0.0 { excess / s } else { 0.0 })
                    .collect(),
                var,
                sd,
            }
        });
        let phase_start_steps = deal
            .phases
            .iter()
            .map(|p| {
                let years = years_between(deal.valuation_date, p.start).max(0.0);
                (f64::round(years / dt) as usize).min(steps)
            })
            .collect();
        let largest_step_var = curve
            .as_ref()
            .map_or(e.volatility * e.volatility * dt, |c| {
                c.var.iter().fold(0.0, |m: f64, v| m.max(*v))
            });
        let model = Model {
            grid: Grid {
                steps,
                dt,
                expiry_years,
                days,
                sigma: e.volatility,
                curve,
                quiet_margin: 1.001 * f64::sqrt(0.5 * BRIDGE_CUTOFF * largest_step_var),
            },
            market: PathMarket {
                s0: e.share_price,
                strike: w.strike,
                rate: e.risk_free_rate,
                drift_q,
                drift_p: e.real_world_drift(),
                theta: (e.real_world_drift() - drift_q) / e.volatility,
            },
            tests: TrancheTests {
                tranches,
                rule: w.vesting_rule,
                use_control,
                touch_order,
                close_order,
                average_groups,
                window_lengths: lengths,
            },
            deployment: DeploymentModel {
                phases: deal.phases.clone(),
                phase_start_steps,
                price_correlation: deal.price_correlation,
                lead_days: deal.lead_days,
                valuation_date: deal.valuation_date,
            },
            report: ReportContext {
                shares_outstanding: e.shares_outstanding,
                vendor_income_pv_usd: deal.vendor_income_pv_usd,
                real_world: e.expected_return.is_some(),
            },
        };
        Ok((model, pairs_total))
    }
}

impl Grid {
    /// The bridge's k = 2 ÷ (the variance of ln S over step `k`): 2 ÷ (σ²Δ) for a flat
    /// volatility, 2 ÷ v_k under a term structure ([`crate::warrant_terms::bridge_exponent`]).
    pub fn bridge_k(&self, k: usize) -> f64 {
        match &self.curve {
            None => 2.0 / (self.sigma * self.sigma * self.dt),
            Some(c) => c.bridge_k[k],
        }
    }

    /// The time of a touch between grid points k and k + 1: the step's middle (the bridge
    /// says that it crossed, not when).
    pub fn mid_step(&self, k: usize) -> f64 {
        k as f64 * self.dt + 0.5 * self.dt
    }

    /// Whether a vest at `t` years comes by expiry (a 10⁻¹² year margin for the grid's
    /// rounding).
    pub fn by_expiry(&self, t: f64) -> bool {
        t <= self.expiry_years + 1e-12
    }

    /// The last grid time j whose step ends before `t`: the largest j ≤ steps with j·Δ < t,
    /// by the test a step makes of its end (`t1 >= next_due`); 0 if none, `steps` if `t` is
    /// infinite. Found once for each milestone due, so that the quiet scan is a plain run over
    /// the path.
    pub fn last_step_before(&self, t: f64) -> usize {
        if !t.is_finite() {
            return self.steps;
        }
        let dt = self.dt;
        let mut last = ((t / dt) as usize).min(self.steps);
        while last > 0 && (last as f64 * dt) >= t {
            last -= 1;
        }
        while last < self.steps && ((last + 1) as f64 * dt) < t {
            last += 1;
        }
        last
    }
}

impl Model {
    /// The standardized log-return Z = Σ s_k z_k ÷ √Σ s_k² from the valuation date to each
    /// phase's scheduled start (s_k the step's standard deviation, 1 when flat), from the pair's
    /// normals; `None` for a phase that has begun ([`super::deployment`]'s copula).
    pub fn phase_returns(&self, normals: &[f64], out: &mut Vec<Option<f64>>) {
        out.clear();
        out.extend(self.deployment.phase_start_steps.iter().map(|&k| {
            if k == 0 {
                return None;
            }
            let (mut sum, mut var) = (0.0, 0.0);
            for (j, z) in normals[..k].iter().enumerate() {
                let s = self.grid.curve.as_ref().map_or(1.0, |c| c.sd[j]);
                sum += s * z;
                var += s * s;
            }
            (var > 0.0).then(|| sum / f64::sqrt(var))
        }));
    }
}
