//! One pair of paths (a path and its antithetic twin, or one path): the pair's random draws
//! (its own pseudo-random streams, or its point of the block's quasi-random construction),
//! each member's deployment and bridge stream, and the buffers its paths reuse, so that the
//! hot loop allocates nothing (Wasm's allocator is slow).

use super::deployment::{Coupling, PairDeployment};
use super::model::Model;
use super::options::Options;
use super::path::{Outcome, PathState};
use super::quasi::QuasiDraws;
use super::rng::{Rng, Stream};
use super::sums::BLOCK_PAIRS;

/// A pair's buffers, reused from pair to pair.
#[derive(Clone, Debug, Default)]
pub(super) struct PairScratch {
    deployment: PairDeployment,
    /// Each tranche's value and control, averaged over the pair's members.
    pub pair_y: Vec<f64>,
    pub pair_c: Vec<f64>,
    /// What the member just run did with each tranche.
    pub outcomes: Vec<Outcome>,
    path: PathState,
    /// The pair's standardized log-return to each phase's start (price correlation).
    phase_z: Vec<Option<f64>>,
    /// The quasi-random construction, with `quasiRandom`.
    quasi: Option<QuasiDraws>,
}

/// How a path is run: [`Model::simulate`], or the plain reference
/// ([`Model::simulate_reference`]) that it is tested against. A function, not a flag, so that
/// a build that never asks for the reference (the Wasm one) carries none of its code.
pub(super) type PathRun = fn(
    model: &Model,
    normals: &[f64],
    drift: f64,
    sign: f64,
    bridge: &mut Rng,
    out: &mut [Outcome],
    state: &mut PathState,
) -> f64;

impl PairScratch {
    /// Draws pair `pair`'s price normals into `normals` and its deployment uniforms.
    pub fn draw(&mut self, model: &Model, options: &Options, pair: u64, normals: &mut [f64]) {
        let (seed, phase_count) = (options.seed, model.deployment.phases.len());
        if options.quasi_random {
            let steps = model.grid.steps;
            let quasi = self
                .quasi
                .get_or_insert_with(|| QuasiDraws::new(steps, BLOCK_PAIRS));
            quasi.draw(
                seed,
                pair,
                normals,
                self.deployment.uniforms_mut(phase_count),
            );
        } else {
            self.deployment.draw(seed, pair, phase_count);
            Rng::new(seed, pair, Stream::Price).fill_normals(normals);
        }
    }

    /// Clears the pair's sums and prepares what its members share: the price correlation's
    /// log-returns and both members' log paths.
    pub fn start_pair(&mut self, model: &Model, normals: &[f64], antithetic: bool) {
        let n = model.tests.tranches.len();
        for v in [&mut self.pair_y, &mut self.pair_c] {
            v.clear();
            v.resize(n, 0.0);
        }
        self.outcomes.clear();
        self.outcomes.resize(n, Outcome::default());
        if model.deployment.price_correlation != 0.0 {
            model.phase_returns(normals, &mut self.phase_z);
        }
        model.pair_paths_into(normals, model.market.drift_q, antithetic, &mut self.path);
    }

    /// Runs member `m` of pair `pair` (0: the normals, 1: their negatives) risk-neutrally: its
    /// milestones, then its path by `run` with the member's bridge stream; fills `outcomes`
    /// and returns the log of the path's likelihood ratio.
    pub fn run_member(
        &mut self,
        model: &Model,
        normals: &[f64],
        seed: u64,
        pair: u64,
        m: usize,
        run: PathRun,
    ) -> f64 {
        let sign = if m == 0 { 1.0 } else { -1.0 };
        if m == 1 {
            self.path.switch_to_antithetic();
        }
        let coupling = Coupling {
            rho: model.deployment.price_correlation,
            z: &self.phase_z,
            sign,
        };
        self.deployment.milestones_into(
            &model.deployment.phases,
            sign < 0.0,
            Some(coupling),
            model.deployment.lead_days,
            model.tests.tranches.iter().map(|t| t.gw_trigger),
            model.deployment.valuation_date,
            model.grid.expiry_years,
            &mut self.path.milestones,
        );
        let stream = if m == 0 {
            Stream::BridgeFirst
        } else {
            Stream::BridgeSecond
        };
        let mut bridge = Rng::new(seed, pair, stream);
        let (drift, out) = (model.market.drift_q, &mut self.outcomes);
        run(
            model,
            normals,
            drift,
            sign,
            &mut bridge,
            out,
            &mut self.path,
        )
    }
}
