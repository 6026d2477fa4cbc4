//! What a run of path pairs adds up, in a form that merges: blocks of [`BLOCK_PAIRS`] pairs
//! fill their own [`Sums`], and blocks are merged in block order, so the result is the same
//! whoever ran which block (one thread, or Web Workers handing their sums over as numbers).

use super::log_path::FAN_POINTS;

/// Pairs in a block: the unit of parallel work.
pub const BLOCK_PAIRS: u64 = 1024;
/// Real-world sample paths kept for the chart.
pub(super) const SAMPLE_PATHS: usize = 12;

/// Running sums over pairs for one tranche (per-share units, shifted for stability).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Moments {
    pub y: f64,
    pub yy: f64,
    pub c: f64,
    pub cc: f64,
    pub yc: f64,
}

/// Everything a run of pairs adds up: the estimator's moments, the real-world sums (weighted by
/// the likelihood ratio dP/dQ of each path), each path's total value, and the fan's prices.
/// Blocks of [`BLOCK_PAIRS`] pairs fill their own and are merged in block order; across Web
/// Workers they travel as a flat list of numbers ([`Sums::to_vec`], [`Sums::from_slice`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sums {
    pub(super) pairs: u64,
    pub(super) moments: Vec<Moments>,
    pub(super) total: Moments,
    /// Σ over pairs of (total Y − shift)·(C_i − E C_i), and Σ (C_i − E C_i)(C_j − E C_j)
    /// (row-major).
    pub(super) total_c: Vec<f64>,
    pub(super) cc: Vec<f64>,
    pub(super) weight_sum_p: f64,
    pub(super) vest_weight_p: Vec<f64>,
    pub(super) vest_count_q: Vec<f64>,
    pub(super) vest_time_sum_p: Vec<f64>,
    pub(super) vest_day_histogram: Vec<Vec<f64>>,
    pub(super) ownership_sum_p: f64,
    pub(super) shares_sum_p: f64,
    pub(super) path_totals: Vec<f64>,
    /// Per fan point, the prices of the fan paths so far (in pair order).
    pub(super) fan: Vec<Vec<f64>>,
    pub(super) samples: Vec<Vec<f64>>,
    /// Each merged block's pairs and per-tranche sums of Y and C (shifted as the moments):
    /// the randomizations of a quasi-random run, whose spread is its standard error. Made
    /// on merging, so never part of a block's own data.
    pub(super) blocks: Vec<BlockSums>,
}

/// What one block added up, per tranche.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct BlockSums {
    pub pairs: f64,
    pub y: Vec<f64>,
    pub c: Vec<f64>,
}

impl Sums {
    pub(super) fn new(tranches: usize, days: usize) -> Sums {
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

    pub(super) fn tranches(&self) -> usize {
        self.moments.len()
    }

    pub(super) fn days(&self) -> usize {
        self.vest_day_histogram.first().map_or(0, Vec::len)
    }

    /// Adds `other` (the next block) to these sums.
    pub(super) fn merge(&mut self, other: &Sums) {
        fn add(a: &mut [f64], b: &[f64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        if other.blocks.is_empty() {
            if other.pairs > 0 {
                self.blocks.push(BlockSums {
                    pairs: other.pairs as f64,
                    y: other.moments.iter().map(|m| m.y).collect(),
                    c: other.moments.iter().map(|m| m.c).collect(),
                });
            }
        } else {
            self.blocks.extend_from_slice(&other.blocks);
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
