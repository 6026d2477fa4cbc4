//! A valuation's input as a list of numbers: the [`Deal`] and the [`Options`] of a validated
//! scenario, written by the core build (`simulationInput`) and read by the simulation build,
//! which has no scenario reader and so arrives on the page sooner. The format is private to
//! one version of the crate: a list is made by `simulationInput` and passed on unchanged.
//!
//! The list: [`MAGIC`], [`FORMAT`], then the options, the deal's scalars, the equity (its
//! volatility curve as a count and pairs), the warrant (its tranches as a count and groups of
//! five), the phases (a count and groups of eight), and last a checksum of everything before
//! it. An optional number is a flag (1 or 0) and the number (0 when absent); a bool is 1 or 0;
//! a date is its day count. [`read`] checks the header, the counts, the checksum and that
//! every number is finite, so that a list changed on the way is a problem, not a wrong figure.

use super::deal::Deal;
use super::options::Options;
use crate::date::Date;
use crate::problem::Problem;
use crate::scenario::{
    Equity, Phase, PriceTest, PriceTestKind, Tranche, Triangular, VestingRule, VolPoint, Warrant,
};

/// The list's first number (the day AMD and OpenAI announced the model deal, as a number).
pub const MAGIC: f64 = 20_251_006.0;
/// The format's version, the second number.
pub const FORMAT: f64 = 1.0;
/// Most tranches, phases and curve points a list may announce (each far above what a
/// scenario's validation lets through), so that a damaged count cannot ask for a huge table.
const MAX_ITEMS: f64 = 100_000.0;

/// The list for a deal and its options.
pub fn write(deal: &Deal, options: &Options) -> Vec<f64> {
    let mut out = vec![MAGIC, FORMAT];
    let o = options;
    out.extend([o.paths as f64, o.seed as f64, o.steps_per_year as f64]);
    let flags = [o.antithetic, o.control_variate, o.greeks, o.quasi_random];
    out.extend(flags.map(bit));
    out.extend([
        deal.valuation_date.0 as f64,
        deal.price_correlation,
        deal.lead_days,
        deal.vendor_income_pv_usd,
    ]);
    let e = &deal.equity;
    out.extend([
        e.shares_outstanding,
        e.share_price,
        e.volatility,
        e.dividend_yield,
        e.risk_free_rate,
    ]);
    optional(&mut out, e.expected_return);
    let curve = e.volatility_curve.as_deref();
    out.extend([bit(curve.is_some()), curve.map_or(0, <[_]>::len) as f64]);
    for p in curve.unwrap_or_default() {
        out.extend([p.years, p.vol]);
    }
    let w = &deal.warrant;
    out.extend([
        w.shares,
        w.strike,
        w.issue_date.0 as f64,
        w.expiry_date.0 as f64,
    ]);
    optional(&mut out, w.grant_share_price);
    out.push(bit(w.vesting_rule == VestingRule::PriceAfterMilestone));
    out.push(w.tranches.len() as f64);
    for t in &w.tranches {
        let kind = match t.price_test.kind {
            PriceTestKind::Touch => 0.0,
            PriceTestKind::Close => 1.0,
            PriceTestKind::Average => 2.0,
        };
        out.extend([t.shares, t.gw_trigger]);
        optional(&mut out, t.price_target);
        out.extend([kind, t.price_test.days as f64]);
    }
    out.push(deal.phases.len() as f64);
    for p in &deal.phases {
        out.extend([
            p.gw,
            p.start.0 as f64,
            p.end.0 as f64,
            bit(p.binding),
            p.probability,
        ]);
        out.push(bit(p.delay_months.is_some()));
        let d = p.delay_months.unwrap_or_default();
        out.extend([d.min, d.mode, d.max]);
    }
    out.push(checksum(&out));
    out
}

/// The deal and options of a list made by [`write()`]; one problem at `input` when the list is
/// not such a list (another format, changed, cut short or run on).
pub fn read(list: &[f64]) -> Result<(Deal, Options), Vec<Problem>> {
    let damaged = || {
        let msg = "not a simulation input made by simulationInput of this version";
        vec![Problem::new("input", "not_simulation_input", msg)]
    };
    let Some((&sum, body)) = list.split_last() else {
        return Err(damaged());
    };
    if body.len() < 2 || body[0] != MAGIC || body[1] != FORMAT || checksum(body) != sum {
        return Err(damaged());
    }
    let mut r = Cursor { list: body, at: 2 };
    let parsed = r.deal_and_options();
    match parsed {
        Some(v) if r.at == body.len() => Ok(v),
        _ => Err(damaged()),
    }
}

/// 1 or 0.
fn bit(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// A flag and the number (0 when absent).
fn optional(out: &mut Vec<f64>, x: Option<f64>) {
    out.extend([bit(x.is_some()), x.unwrap_or(0.0)]);
}

/// FNV-1a over the numbers' bits, folded into 52 bits so that it is exact as an f64.
fn checksum(list: &[f64]) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for x in list {
        h ^= x.to_bits();
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    ((h >> 12) ^ (h & 0xfff)) as f64
}

/// Reads the list in order; `None` for a number that is missing, not finite or out of range.
struct Cursor<'a> {
    list: &'a [f64],
    at: usize,
}

impl Cursor<'_> {
    fn number(&mut self) -> Option<f64> {
        let x = *self.list.get(self.at)?;
        self.at += 1;
        x.is_finite().then_some(x)
    }

    /// A whole number in [0, max].
    fn whole(&mut self, max: f64) -> Option<f64> {
        self.number()
            .filter(|x| x.fract() == 0.0 && (0.0..=max).contains(x))
    }

    fn flag(&mut self) -> Option<bool> {
        Some(self.whole(1.0)? == 1.0)
    }

    fn date(&mut self) -> Option<Date> {
        // Days from about year −270,000 to +270,000: any date a scenario can hold.
        let x = self
            .number()
            .filter(|x| x.fract() == 0.0 && x.abs() < 1e8)?;
        Some(Date(x as i64))
    }

    fn optional(&mut self) -> Option<Option<f64>> {
        let present = self.flag()?;
        let x = self.number()?;
        Some(present.then_some(x))
    }

    fn count(&mut self) -> Option<usize> {
        Some(self.whole(MAX_ITEMS)? as usize)
    }

    fn deal_and_options(&mut self) -> Option<(Deal, Options)> {
        let options = Options {
            paths: self.whole(super::options::MAX_PATHS as f64)? as u64,
            seed: self.whole(super::options::MAX_SEED as f64)? as u64,
            steps_per_year: self.whole(super::options::MAX_STEPS_PER_YEAR as f64)? as u32,
            antithetic: self.flag()?,
            control_variate: self.flag()?,
            greeks: self.flag()?,
            quasi_random: self.flag()?,
        };
        let valuation_date = self.date()?;
        let (price_correlation, lead_days, vendor_income_pv_usd) =
            (self.number()?, self.number()?, self.number()?);
        let equity = self.equity()?;
        let warrant = self.warrant()?;
        let phases = (0..self.count()?)
            .map(|_| self.phase())
            .collect::<Option<Vec<_>>>()?;
        let deal = Deal {
            valuation_date,
            warrant,
            equity,
            phases,
            price_correlation,
            lead_days,
            vendor_income_pv_usd,
        };
        Some((deal, options))
    }

    fn equity(&mut self) -> Option<Equity> {
        let (shares_outstanding, share_price, volatility) =
            (self.number()?, self.number()?, self.number()?);
        let (dividend_yield, risk_free_rate) = (self.number()?, self.number()?);
        let expected_return = self.optional()?;
        let has_curve = self.flag()?;
        let curve = (0..self.count()?)
            .map(|_| {
                Some(VolPoint {
                    years: self.number()?,
                    vol: self.number()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Equity {
            shares_outstanding,
            share_price,
            volatility,
            dividend_yield,
            risk_free_rate,
            expected_return,
            volatility_curve: has_curve.then_some(curve),
            ..Equity::default()
        })
    }

    fn warrant(&mut self) -> Option<Warrant> {
        let (shares, strike) = (self.number()?, self.number()?);
        let (issue_date, expiry_date) = (self.date()?, self.date()?);
        let grant_share_price = self.optional()?;
        let vesting_rule = if self.flag()? {
            VestingRule::PriceAfterMilestone
        } else {
            VestingRule::ConditionsOnceMet
        };
        let tranches = (0..self.count()?)
            .map(|_| self.tranche())
            .collect::<Option<Vec<_>>>()?;
        Some(Warrant {
            shares,
            strike,
            issue_date,
            expiry_date,
            grant_share_price,
            vesting_rule,
            tranches,
            ..Warrant::default()
        })
    }

    fn tranche(&mut self) -> Option<Tranche> {
        let (shares, gw_trigger) = (self.number()?, self.number()?);
        let price_target = self.optional()?;
        let kind = match self.whole(2.0)? as u8 {
            0 => PriceTestKind::Touch,
            1 => PriceTestKind::Close,
            _ => PriceTestKind::Average,
        };
        let days = self.whole(f64::from(u32::MAX))? as u32;
        Some(Tranche {
            shares,
            gw_trigger,
            price_target,
            price_test: PriceTest { kind, days },
        })
    }

    fn phase(&mut self) -> Option<Phase> {
        let gw = self.number()?;
        let (start, end) = (self.date()?, self.date()?);
        let (binding, probability) = (self.flag()?, self.number()?);
        let has_delay = self.flag()?;
        let delay = Triangular {
            min: self.number()?,
            mode: self.number()?,
            max: self.number()?,
        };
        Some(Phase {
            gw,
            start,
            end,
            binding,
            probability,
            delay_months: has_delay.then_some(delay),
            ..Phase::default()
        })
    }
}
