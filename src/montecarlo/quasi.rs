//! Randomized quasi-Monte Carlo paths: scrambled Sobol points through a Brownian-bridge
//! construction (Glasserman, "Monte Carlo Methods in Financial Engineering", 2004, §5.2 and
//! §3.1.2; Caflisch, Morokoff & Owen, "Valuation of mortgage-backed securities using Brownian
//! bridges to reduce effective dimension", J. Comput. Finance 1(1), 1997).
//!
//! The Brownian motion W on the grid (in units of one step's standard deviation, so that the
//! path's normals are z_k = W_{k+1} − W_k) is built coarse to fine: W at the last step first,
//! then the midpoint of each interval, breadth first, each from its neighbours:
//! W_m = W_l + (m−l)/(r−l)·(W_r − W_l) + √((m−l)(r−m)/(r−l))·Z, for [`QMC_BRIDGE_DIMS`]
//! points (the path's large-scale shape, which carries most of a warrant's variance); the
//! stretches between them are filled in as bridges from pseudo-random normals. The skeleton's
//! Z and the deployment uniforms come from an Owen-scrambled Sobol point (the `sobol_burley` crate:
//! Joe & Kuo 2008 direction numbers, Burley, "Practical Hash-based Owen Scrambling", JCGT 9(4),
//! 2020); the fill from the pair's pseudo-random stream (padding).
//!
//! Each block of `block_pairs` pairs (the simulation's block, given to [`QuasiDraws::new`]) is
//! one independent randomization (its own
//! scramble seed, points 0..1,024 of the sequence), so the estimate is unbiased and its
//! standard error comes from the spread of the blocks' estimates (Owen 1997; L'Ecuyer &
//! Lemieux 2002). A Sobol value has 32 bits; a pseudo-random uniform below its last bit makes
//! it a 53-bit uniform in (0, 1).

use super::rng::{Rng, Stream};
use crate::numeric::normal::inverse_cdf;

/// Bridge normals taken from the Sobol point (the rest are pseudo-random).
pub const QMC_BRIDGE_DIMS: usize = 32;
/// Sobol dimensions available.
const SOBOL_DIMS: u32 = sobol_burley::NUM_DIMENSIONS;

/// One node of the bridge's skeleton: the grid index it sets and the two it is drawn between.
#[derive(Clone, Copy, Debug)]
struct Node {
    at: usize,
    left: usize,
    right: usize,
    /// (m − l)/(r − l) and √((m − l)(r − m)/(r − l)).
    weight: f64,
    sd: f64,
}

/// The bridge's construction for a grid of `steps` steps: the skeleton (its first
/// [`QMC_BRIDGE_DIMS`] nodes, breadth first), then each stretch between neighbouring skeleton
/// points filled in as a Brownian bridge: the stretch's n pseudo-random normals ξ with their
/// mean moved so that they add up to the skeleton's increment, z_k = ξ_k + (ΔW − Σξ)/n
/// (given the endpoints, the increments of a bridge are iid normals conditioned on their sum;
/// Glasserman 2004, §3.1.2). Sequential, so it costs two passes over the normals.
#[derive(Clone, Debug, Default)]
pub struct BridgePlan {
    nodes: Vec<Node>,
    /// The skeleton's grid indices in ascending order (0 and `steps` included), and W there.
    points: Vec<usize>,
    w: Vec<f64>,
}

impl BridgePlan {
    pub fn new(steps: usize) -> BridgePlan {
        let mut nodes = Vec::with_capacity(QMC_BRIDGE_DIMS);
        // W_steps first, from W_0 = 0 (a "bridge" from 0 over the whole grid).
        nodes.push(Node {
            at: steps,
            left: 0,
            right: 0,
            weight: 0.0,
            sd: f64::sqrt(steps as f64),
        });
        let mut queue = std::collections::VecDeque::from([(0usize, steps)]);
        while let Some((l, r)) = queue.pop_front() {
            if nodes.len() == QMC_BRIDGE_DIMS {
                break;
            }
            if r - l < 2 {
                continue;
            }
            let m = l + (r - l) / 2;
            let (a, b, c) = ((m - l) as f64, (r - m) as f64, (r - l) as f64);
            nodes.push(Node {
                at: m,
                left: l,
                right: r,
                weight: a / c,
                sd: f64::sqrt(a * b / c),
            });
            queue.push_back((l, m));
            queue.push_back((m, r));
        }
        let mut points: Vec<usize> = nodes.iter().map(|n| n.at).chain([0]).collect();
        points.sort_unstable();
        BridgePlan {
            nodes,
            w: vec![0.0; steps + 1],
            points,
        }
    }

    /// Skeleton normals (in construction order) needed.
    pub fn skeleton_len(&self) -> usize {
        self.nodes.len()
    }

    /// The path's step normals: the skeleton from `skeleton` (one normal per node), the
    /// stretches between from `fill` (called with one stretch at a time, in step order, to
    /// fill with independent standard normals; it returns their sum, added up in order).
    fn normals_into(
        &mut self,
        skeleton: &[f64],
        mut fill: impl FnMut(&mut [f64]) -> f64,
        out: &mut [f64],
    ) {
        let w = &mut self.w;
        w[0] = 0.0;
        for (node, z) in self.nodes.iter().zip(skeleton) {
            w[node.at] = if node.left == node.right {
                node.sd * z
            } else {
                let (wl, wr) = (w[node.left], w[node.right]);
                wl + node.weight * (wr - wl) + node.sd * z
            };
        }
        for pair in self.points.windows(2) {
            let (l, r) = (pair[0], pair[1]);
            let stretch = &mut out[l..r];
            let sum = fill(stretch);
            let shift = (w[r] - w[l] - sum) / (r - l) as f64;
            for z in stretch.iter_mut() {
                *z += shift;
            }
        }
    }
}

/// A pair's quasi-random draws: its step normals and its deployment uniforms.
#[derive(Clone, Debug)]
pub struct QuasiDraws {
    plan: BridgePlan,
    skeleton: Vec<f64>,
    /// The scramble of the block drawn last (the same for all its pairs).
    scramble: Scramble,
    /// Pairs a randomization: the simulation's block, so that blocks stay independent.
    block_pairs: u64,
}

impl QuasiDraws {
    /// Draws for a grid of `steps`, one randomization every `block_pairs` pairs (> 0).
    pub fn new(steps: usize, block_pairs: u64) -> QuasiDraws {
        let plan = BridgePlan::new(steps);
        let skeleton = vec![0.0; plan.skeleton_len()];
        QuasiDraws {
            plan,
            skeleton,
            scramble: Scramble::default(),
            block_pairs: block_pairs.max(1),
        }
    }

    /// Fills `normals` (one per grid step) and `uniforms` (the deployment's, two per phase) for
    /// pair `pair` of a run with `seed`: Sobol point `pair mod block_pairs` of the block's
    /// scramble.
    pub fn draw(&mut self, seed: u64, pair: u64, normals: &mut [f64], uniforms: &mut [f64]) {
        let block = pair / self.block_pairs;
        let index = (pair % self.block_pairs) as u32;
        let dims = (self.skeleton.len() + uniforms.len()).min(SOBOL_DIMS as usize);
        let scramble = &mut self.scramble;
        scramble.set(block_scramble(seed, block), dims);
        let point = scramble.point(index);
        // The padding: the pair's own stream, as the pseudo-random paths use it.
        let mut rng = Rng::new(seed, pair, Stream::Price);
        let mut dim = 0u32;
        let mut next = |rng: &mut Rng| -> Option<f64> {
            (dim < SOBOL_DIMS).then(|| {
                let u = scramble.uniform(point, dim, rng);
                dim += 1;
                u
            })
        };
        for z in self.skeleton.iter_mut() {
            *z = next(&mut rng).map_or_else(|| rng.normal(), inverse_cdf);
        }
        for u in uniforms.iter_mut() {
            *u = next(&mut rng).unwrap_or_else(|| rng.uniform());
        }
        self.plan
            .normals_into(&self.skeleton, |stretch| rng.fill_normals(stretch), normals);
    }
}

/// The scramble seed of block `block`: SplitMix64's finalizer of the run's seed and the block.
fn block_scramble(seed: u64, block: u64) -> u32 {
    let mut z = seed ^ block.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as u32
}

/// A block's Owen scramble of the Sobol sequence (as `sobol_burley::sample` scrambles, kept
/// at 32 bits): the hash that shuffles the point's index, and each dimension's hash, computed
/// once per block instead of once per value.
#[derive(Clone, Debug, Default)]
struct Scramble {
    seed: Option<u32>,
    index_hash: u32,
    dim_hashes: Vec<u32>,
}

impl Scramble {
    /// The scramble of seed `seed`, with the hashes of its first `dims` dimensions.
    fn set(&mut self, seed: u32, dims: usize) {
        if self.seed == Some(seed) && self.dim_hashes.len() >= dims {
            return;
        }
        use sobol_burley::parts::hash;
        self.seed = Some(seed);
        self.index_hash = hash(seed ^ 0x79c6_8e4a);
        self.dim_hashes.resize(dims, 0);
        for (dim, h) in self.dim_hashes.iter_mut().enumerate() {
            let lane = [0x912f_69ba, 0x174f_18ab, 0x691e_72ca, 0xb40c_c1b8][dim & 3];
            *h = hash(seed.wrapping_mul(0x9c8f_2d3b) ^ (dim as u32 >> 2) ^ lane);
        }
    }

    /// Point `index` of the sequence, shuffled (the index Owen-scrambled, bits reversed).
    fn point(&self, index: u32) -> u32 {
        sobol_burley::parts::owen_scramble_rev(index.reverse_bits(), self.index_hash)
    }

    /// Dimension `dim` (below the `dims` given to [`Scramble::set`]) of the shuffled point
    /// `point`, Owen-scrambled and made a 53-bit uniform in (0, 1) with a pseudo-random
    /// fraction of its last bit.
    fn uniform(&self, point: u32, dim: u32, rng: &mut Rng) -> f64 {
        use sobol_burley::parts::{owen_scramble_rev, sobol_rev};
        let sobol = sobol_rev(point, dim);
        let bits = owen_scramble_rev(sobol, self.dim_hashes[dim as usize]).reverse_bits();
        (bits as f64 + rng.uniform()) * (1.0 / 4_294_967_296.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bridge_gives_independent_unit_normals_per_step() {
        // z = A·(skeleton, fill) is linear in iid unit normals; A·Aᵀ must be the identity.
        for steps in [1, 2, 7, 64, 100, 1260] {
            let mut plan = BridgePlan::new(steps);
            let k = plan.skeleton_len();
            assert_eq!(k, steps.min(QMC_BRIDGE_DIMS));
            let inputs = k + steps;
            let mut cols = Vec::new();
            for i in 0..inputs {
                let mut skeleton = vec![0.0; k];
                let mut fills = vec![0.0; steps];
                if i < k {
                    skeleton[i] = 1.0;
                } else {
                    fills[i - k] = 1.0;
                }
                let mut fill = fills.into_iter();
                let mut z = vec![0.0; steps];
                let from_fills = |stretch: &mut [f64]| {
                    stretch.iter_mut().fold(0.0, |sum, z| {
                        *z = fill.next().unwrap();
                        sum + *z
                    })
                };
                plan.normals_into(&skeleton, from_fills, &mut z);
                cols.push(z);
            }
            for j in (0..steps).step_by(1 + steps / 40) {
                for l in (0..steps).step_by(1 + steps / 40) {
                    let c: f64 = cols.iter().map(|col| col[j] * col[l]).sum();
                    let want = if j == l { 1.0 } else { 0.0 };
                    assert!((c - want).abs() < 1e-12, "{steps}: ({j},{l}) {c}");
                }
            }
        }
    }

    #[test]
    fn sobol_uniforms_are_stratified_in_each_block() {
        // The first 1,024 points of a scrambled Sobol sequence put exactly one point in each
        // interval [i/1024, (i+1)/1024) of every dimension.
        let mut rng = Rng::new(1, 0, Stream::Price);
        let mut scramble = Scramble::default();
        scramble.set(12345, 101);
        for dim in [0, 1, 7, 31, 100] {
            let mut seen = vec![false; 1024];
            for i in 0..1024 {
                let u = scramble.uniform(scramble.point(i), dim, &mut rng);
                assert!(u > 0.0 && u < 1.0);
                let cell = (u * 1024.0) as usize;
                assert!(!seen[cell], "dim {dim}: cell {cell} twice");
                seen[cell] = true;
            }
        }
    }
}
