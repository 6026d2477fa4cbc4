//! The driver: runs path pairs in blocks, adds up what they did ([`Sums`]), and hands the
//! sums to the estimators. Each pair draws only from its own streams (seed, pair index), and
//! blocks of [`BLOCK_PAIRS`] pairs are merged in block order, so any chunking and any number of
//! Web Workers give the same bits.

use super::deal::Deal;
use super::estimates::Valuation;
use super::model::Model;
use super::options::Options;
use super::pair::{PairScratch, PathRun};
use super::path::Outcome;
use super::sums::{Sums, BLOCK_PAIRS, SAMPLE_PATHS};
use crate::date::{Date, DAYS_PER_YEAR};
use crate::problem::Problem;
use crate::scenario::Scenario;

/// Real-world paths simulated for the fan chart (the first path of each of the first pairs).
const FAN_PATHS: u64 = 1000;

/// The simulation, run in chunks of pairs (for progress and cancelling) with identical results.
pub struct Simulation {
    model: Model,
    options: Options,
    pairs_total: u64,
    pairs_done: u64,
    /// The merged sums of every finished block, and the block in progress.
    sums: Sums,
    block: Sums,
    /// Pair 0's per-share values and their total: subtracted before squaring, for stable
    /// variances (set by a dry run of pair 0 when the simulation is made).
    shift_y: Vec<f64>,
    shift_total: f64,
    shift_ready: bool,
    scratch: PairScratch,
    /// The price normals of the pair being run, one per grid step.
    normals: Vec<f64>,
    /// How each path is run: [`Model::simulate`], or the plain reference
    /// ([`Simulation::reference`]).
    path_run: PathRun,
}

impl Simulation {
    /// Prepares a valuation of a validated scenario; problems if it has no warrant or the run
    /// is too large.
    pub fn new(scenario: &Scenario, options: Options) -> Result<Simulation, Vec<Problem>> {
        Simulation::of_deal(&Deal::of(scenario)?, options)
    }

    /// Prepares a valuation of a deal; a problem if the run is too large.
    pub fn of_deal(deal: &Deal, options: Options) -> Result<Simulation, Vec<Problem>> {
        Simulation::with_paths(deal, options, Model::simulate)
    }

    /// The same simulation with every path run by the plain reference
    /// (`montecarlo/reference.rs`): the same random numbers, every step visited; slow, for
    /// the differential test against the fast path (`tests/reference_simulation.rs`).
    pub fn reference(scenario: &Scenario, options: Options) -> Result<Simulation, Vec<Problem>> {
        Simulation::with_paths(&Deal::of(scenario)?, options, Model::simulate_reference)
    }

    fn with_paths(
        deal: &Deal,
        options: Options,
        path_run: PathRun,
    ) -> Result<Simulation, Vec<Problem>> {
        let (model, pairs_total) = Model::new(deal, &options)?;
        let (n, days, steps) = (
            model.tests.tranches.len(),
            model.grid.days,
            model.grid.steps,
        );
        let mut sim = Simulation {
            model,
            options,
            pairs_total,
            pairs_done: 0,
            sums: Sums::new(n, days),
            block: Sums::new(n, days),
            shift_y: vec![0.0; n],
            shift_total: 0.0,
            shift_ready: false,
            scratch: PairScratch::default(),
            normals: vec![0.0; steps],
            path_run,
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
            || block.tranches() != self.model.tests.tranches.len()
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
        (self.model.tests.tranches.len(), self.sums.days())
    }

    /// Each finished path's present value of all tranches (risk-neutral), in path order.
    pub fn path_totals(&self) -> &[f64] {
        &self.sums.path_totals
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
        let n = self.model.tests.tranches.len();
        let mut sc = std::mem::take(&mut self.scratch);
        sc.draw(&self.model, &self.options, pair, &mut self.normals);
        let members: &[f64] = if self.options.antithetic {
            &[1.0, -1.0]
        } else {
            &[1.0]
        };
        sc.start_pair(&self.model, &self.normals, self.options.antithetic);
        for (m, &sign) in members.iter().enumerate() {
            let path_index = pair * members.len() as u64 + m as u64;
            // Risk-neutral: values and controls.
            let log_weight = sc.run_member(
                &self.model,
                &self.normals,
                self.options.seed,
                pair,
                m,
                self.path_run,
            );
            let mut path_total = 0.0;
            for (i, o) in sc.outcomes.iter().enumerate() {
                sc.pair_y[i] += o.value / members.len() as f64;
                sc.pair_c[i] += o.control / members.len() as f64;
                path_total += o.value * self.model.tests.tranches[i].shares;
                if o.vest.is_some() {
                    self.block.vest_count_q[i] += 1.0;
                }
            }
            self.block.path_totals.push(path_total);
            // Real world from the same path, reweighted (Girsanov): dP/dQ on the information
            // up to the path's last simulated time τ is exp(θ·W_τ − θ²τ/2), W the risk-neutral
            // Brownian motion; every vest outcome is known by τ (optional stopping).
            let weight = libm::exp(log_weight);
            if path_index < FAN_PATHS && m == 0 {
                let fan = self.model.fan_path(&self.normals, sign);
                self.record_fan(fan);
            }
            self.record_real_world(&sc.outcomes, weight);
        }
        debug_assert_eq!(sc.outcomes.len(), n);
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
                vested_shares += self.model.tests.tranches[i].shares;
            }
        }
        let big_s = self.model.report.shares_outstanding;
        b.shares_sum_p += weight * vested_shares;
        b.ownership_sum_p += weight * vested_shares / (big_s + vested_shares);
    }

    fn accumulate(&mut self, y: &[f64], c: &[f64]) {
        let n = self.model.tests.tranches.len();
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
            let cm = self.model.tests.tranches[i].control_mean.unwrap_or(0.0);
            let (yi, ci) = (y[i] - self.shift_y[i], c[i] - cm);
            let m = &mut b.moments[i];
            m.y += yi;
            m.yy += yi * yi;
            m.c += ci;
            m.cc += ci * ci;
            m.yc += yi * ci;
            if self.model.tests.use_control {
                b.total_c[i] += total * ci;
                for (j, (cj, tj)) in c.iter().zip(&self.model.tests.tranches).enumerate() {
                    b.cc[i * n + j] += ci * (cj - tj.control_mean.unwrap_or(0.0));
                }
            }
        }
    }

    fn total_of(&self, per_share: &[f64]) -> f64 {
        per_share
            .iter()
            .zip(&self.model.tests.tranches)
            .map(|(v, t)| v * t.shares)
            .sum()
    }

    /// The real-world expectation of the shares whose conditions are met by each of `dates`
    /// (Σ tranche shares × P(vested by the date)), from the paths run so far: the vest-day
    /// histograms weighted by the likelihood ratio, as the probabilities are.
    pub fn expected_shares_vested_by(&self, dates: &[Date]) -> Vec<f64> {
        let sums = &self.sums;
        let start = self.model.deployment.valuation_date.0;
        dates
            .iter()
            .map(|d| {
                let days = d.0 - start;
                if days < 0 || sums.weight_sum_p <= 0.0 {
                    return 0.0;
                }
                let upto = (days as usize + 1).min(sums.days());
                self.model
                    .tests
                    .tranches
                    .iter()
                    .zip(&sums.vest_day_histogram)
                    .map(|(t, h)| t.shares * h[..upto].iter().sum::<f64>() / sums.weight_sum_p)
                    .sum()
            })
            .collect()
    }

    /// The valuation so far (complete when [`Simulation::is_done`]).
    pub fn result(&self) -> Valuation {
        if self.block.pairs > 0 {
            // Mid-block (progress only): the finished blocks and the one in progress.
            let mut all = self.sums.clone();
            all.merge(&self.block);
            self.estimate(&all)
        } else {
            self.estimate(&self.sums)
        }
    }

    fn estimate(&self, sums: &Sums) -> Valuation {
        self.model.estimate(
            sums,
            &self.options,
            self.pairs_done,
            self.pairs_total,
            &self.shift_y,
        )
    }
}
