//! Several simulations run one after another as one list of blocks: the books' grant-date and
//! today's simulations, and a valuation with its bumped runs for the Greeks. Block `i` of the
//! chain is a block of the first simulation that has not used up `i`; Web Workers compute
//! blocks by index and this thread absorbs them in order, so the result is the same as one
//! thread's, whatever the number of workers.

use super::simulation::Simulation;
use super::sums::{Sums, BLOCK_PAIRS};

/// Simulations whose blocks follow each other.
pub struct Chain {
    pub sims: Vec<Simulation>,
}

impl Chain {
    /// Blocks in all.
    pub fn block_count(&self) -> u64 {
        self.sims.iter().map(Simulation::block_count).sum()
    }

    /// Where each simulation's blocks end (ascending; the last is [`Chain::block_count`]): a
    /// simulation's figures are final once the blocks before its end are absorbed.
    pub fn stage_ends(&self) -> Vec<u64> {
        self.sims
            .iter()
            .scan(0, |end, sim| {
                *end += sim.block_count();
                Some(*end)
            })
            .collect()
    }

    /// The simulation block `index` belongs to, and its index there (the last simulation for
    /// an index past the end, whose blocks are then empty).
    fn part(&mut self, mut index: u64) -> (&mut Simulation, u64) {
        let last = self.sims.len() - 1;
        for (k, sim) in self.sims.iter_mut().enumerate() {
            let count = sim.block_count();
            if index < count || k == last {
                return (sim, index);
            }
            index -= count;
        }
        unreachable!("a chain has at least one simulation")
    }

    /// Runs block `index` on its own and returns its sums (a worker's job).
    pub fn run_block(&mut self, index: u64) -> Sums {
        let (sim, i) = self.part(index);
        sim.run_block(i)
    }

    /// The shape of block `index`'s sums, for [`Sums::from_slice`].
    pub fn sums_shape(&mut self, index: u64) -> (usize, usize) {
        self.part(index).0.sums_shape()
    }

    /// Adds the sums of block `index`; blocks must come in order.
    pub fn absorb_block(&mut self, index: u64, block: &Sums) -> Result<(), String> {
        let done = self.progress().0;
        if index != done {
            return Err(format!("expected block {done}, got block {index}"));
        }
        let (sim, i) = self.part(index);
        sim.absorb_block(i, block)
    }

    /// Blocks absorbed (or run) and blocks in all.
    pub fn progress(&self) -> (u64, u64) {
        let done = self
            .sims
            .iter()
            .map(|sim| {
                let (done, all) = sim.progress();
                if done == all {
                    sim.block_count()
                } else {
                    done / BLOCK_PAIRS
                }
            })
            .sum();
        (done, self.block_count())
    }

    pub fn is_done(&self) -> bool {
        self.sims.iter().all(Simulation::is_done)
    }

    /// Runs up to `pairs` more pairs, in chain order; returns how many ran.
    pub fn run(&mut self, pairs: u64) -> u64 {
        let mut left = pairs;
        for sim in self.sims.iter_mut() {
            if left == 0 {
                break;
            }
            left -= sim.run(left);
        }
        pairs - left
    }

    /// Runs every remaining pair on this thread.
    pub fn run_all(&mut self) {
        self.sims.iter_mut().for_each(Simulation::run_all);
    }
}
