//! Expected and present values: the deal weighted by its own probabilities, by year, and
//! discounted to the valuation date.
//!
//! **Expected.** Each phase counts with its `probability` (1 for binding phases and where
//! absent) and comes online late by the mean of its triangular delay, (min + mode + max) ÷ 3
//! months. Totals are exact expectations (a delay moves amounts in time, not their size); the
//! schedule by year places each phase at its mean delay, which approximates the exact
//! expectation (the average over the delay distribution) to first order. Expected capex and
//! vendor revenue are GW × their per-GW amounts. Expected investment is Σ phase probability ×
//! that phase's investment within the cap: the cap is allotted to the phases in order of start,
//! phase i receiving min(cap, usdPerGw × C_i) − min(cap, usdPerGw × C_(i−1)) with C_i the GW of
//! the phases up to i. A service contract is a commitment: its payments count in full.
//!
//! **Present value** at the valuation date at `capacity.costOfCapital` r, an annual rate
//! compounded yearly: an amount at time t counts (1 + r)^(−τ), τ = ACT/365.25 years from the
//! valuation date to t (0 for amounts before it). Amounts booked as GW come online (linearly
//! over each phase, as in [`crate::capacity`]) are dated, within each calendar year, at the
//! middle of the part of the ramp that falls in the year; contract payments at the middle of
//! the part of the term in the year. (Brealey, Myers & Allen, "Principles of Corporate
//! Finance", ch. 2: present value at a discount rate compounded annually.)
//!
//! **Vendor income** is expected vendor revenue plus contract payments: what a warrant or an
//! investment is measured against when it is read as a discount on the vendor's sales.

use crate::date::{Date, DAYS_PER_MONTH, DAYS_PER_YEAR};
use crate::scenario::{Phase, Scenario};
use serde::Serialize;

/// The expected part of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExpectedReport {
    /// Σ phase probability × GW.
    pub gw: f64,
    /// gw × capexPerGwUsd.
    pub capex_usd: f64,
    /// gw × vendorRevenuePerGwUsd.
    pub vendor_revenue_usd: f64,
    /// Σ phase probability × the phase's investment within the cap (0 without investment).
    pub investment_usd: f64,
    /// The contract's value (a commitment), 0 without a contract.
    pub contract_usd: f64,
    /// vendorRevenueUsd + contractUsd.
    pub vendor_income_usd: f64,
    /// The rate the present values use (`capacity.costOfCapital`).
    pub cost_of_capital: f64,
    pub present_value: PresentValues,
    /// By calendar year, phases at their mean delay.
    pub schedule: Vec<ExpectedYear>,
}

/// Present values at the valuation date.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PresentValues {
    pub capex_usd: f64,
    pub vendor_revenue_usd: f64,
    pub investment_usd: f64,
    pub contract_usd: f64,
    /// vendorRevenueUsd + contractUsd.
    pub vendor_income_usd: f64,
}

/// One calendar year of expected amounts (nominal).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExpectedYear {
    pub year: i64,
    /// Expected GW online at the end of the year.
    pub gw_online: f64,
    pub capex_usd: f64,
    pub vendor_revenue_usd: f64,
    pub investment_usd: f64,
    pub contract_usd: f64,
}

/// Expected GW of one phase coming online in one calendar year, and when (day, as f64).
struct Slice {
    phase: usize,
    year: i64,
    gw: f64,
    day: f64,
}

/// A phase's ramp at its mean delay: (start day, end day).
fn mean_ramp(p: &Phase) -> (f64, f64) {
    let delay = p
        .delay_months
        .map_or(0.0, |t| (t.min + t.mode + t.max) / 3.0 * DAYS_PER_MONTH);
    (p.start.0 as f64 + delay, p.end.0 as f64 + delay)
}

/// The index of the period of `months` months (12: calendar years, 3: quarters) holding `d`:
/// the year for years, 4 × year + quarter − 1 for quarters.
pub fn period_of(d: Date, months: i64) -> i64 {
    let (y, m, _) = d.ymd();
    (y * 12 + m as i64 - 1).div_euclid(months)
}

/// The first day of period `index` of `months` months.
pub fn period_start(index: i64, months: i64) -> Date {
    let m0 = index * months;
    Date::from_ymd(m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u32, 1)
}

/// The part of [a, b) (days) in each period of `months` months: (period, length, middle).
fn by_period(a: f64, b: f64, months: i64) -> Vec<(i64, f64, f64)> {
    let first = period_of(Date(f64::floor(a) as i64), months);
    let last = period_of(Date(f64::floor(b.max(a)) as i64), months);
    (first..=last)
        .filter_map(|k| {
            let p0 = period_start(k, months).0 as f64;
            let p1 = period_start(k + 1, months).0 as f64;
            let (lo, hi) = (a.max(p0), b.min(p1));
            (hi > lo).then_some((k, hi - lo, 0.5 * (lo + hi)))
        })
        .collect()
}

/// The part of [a, b) (days) in each calendar year: (year, length, middle).
fn by_year(a: f64, b: f64) -> Vec<(i64, f64, f64)> {
    by_period(a, b, 12)
}

/// Each phase's expected GW by period of `months` months, at its mean delay and `lead_days`
/// earlier, with the day they count.
fn slices(s: &Scenario, months: i64, lead_days: f64) -> Vec<Slice> {
    let mut out = Vec::new();
    for (i, p) in s.capacity.phases.iter().enumerate() {
        let gw = p.gw * p.probability;
        let (a, b) = mean_ramp(p);
        let (a, b) = (a - lead_days, b - lead_days);
        if b <= a {
            let year = period_of(Date(f64::floor(a) as i64), months);
            out.push(Slice {
                phase: i,
                year,
                gw,
                day: a,
            });
            continue;
        }
        for (year, len, mid) in by_period(a, b, months) {
            out.push(Slice {
                phase: i,
                year,
                gw: gw * len / (b - a),
                day: mid,
            });
        }
    }
    out
}

/// Expected GW delivered (bought) in each quarter: the phases weighted by their
/// probabilities at their mean delays, `deliveryLeadMonths` before online, as
/// (quarter index ([`period_of`] with 3 months), GW), in order; quarters with none left out.
pub fn delivered_by_quarter(s: &Scenario) -> Vec<(i64, f64)> {
    let lead = crate::capacity::delivery_lead_days(&s.capacity);
    let mut out: Vec<(i64, f64)> = Vec::new();
    for sl in slices(s, 3, lead) {
        match out.binary_search_by_key(&sl.year, |(q, _)| *q) {
            Ok(i) => out[i].1 += sl.gw,
            Err(i) => out.insert(i, (sl.year, sl.gw)),
        }
    }
    out
}

/// Each phase's investment per GW of the phase, the cap allotted in order of start.
fn investment_per_gw(s: &Scenario) -> Vec<f64> {
    let Some(inv) = &s.investment else {
        return vec![0.0; s.capacity.phases.len()];
    };
    let phases = &s.capacity.phases;
    let mut order: Vec<usize> = (0..phases.len()).collect();
    crate::numeric::sort_short(&mut order, |&a, &b| {
        (phases[a].start, a) < (phases[b].start, b)
    });
    let mut per_gw = vec![0.0; phases.len()];
    let (mut before, mut cumulative_gw) = (0.0, 0.0);
    for i in order {
        cumulative_gw += phases[i].gw;
        let through = inv.rule().paid(cumulative_gw);
        per_gw[i] = (through - before) / phases[i].gw;
        before = through;
    }
    per_gw
}

/// The discount factor (1 + r)^(−τ) of an amount on `day` (a day number, fractional within
/// the day), τ in ACT/365.25 years from the valuation date (0 before it). The money legs use
/// it too ([`crate::money`]).
pub(crate) fn discount(valuation: Date, rate: f64, day: f64) -> f64 {
    let tau = ((day - valuation.0 as f64) / DAYS_PER_YEAR).max(0.0);
    libm::pow(1.0 + rate, -tau)
}

/// The index of `year`'s row in the sorted schedule, added (zero) if missing.
fn row(schedule: &mut Vec<ExpectedYear>, year: i64) -> usize {
    schedule
        .binary_search_by_key(&year, |y| y.year)
        .unwrap_or_else(|i| {
            let zero = ExpectedYear {
                year,
                gw_online: 0.0,
                capex_usd: 0.0,
                vendor_revenue_usd: 0.0,
                investment_usd: 0.0,
                contract_usd: 0.0,
            };
            schedule.insert(i, zero);
            i
        })
}

/// The expected report of a validated scenario.
pub fn evaluate(s: &Scenario) -> ExpectedReport {
    let k = &s.capacity;
    let r = k.cost_of_capital;
    let df = |day: f64| discount(s.valuation_date, r, day);
    let per_gw_investment = investment_per_gw(s);
    let slices = slices(s, 12, 0.0);
    let contract = crate::financing::contract(s, s.total_gw());

    let mut pv = PresentValues::default();
    let mut schedule: Vec<ExpectedYear> = Vec::new();
    let mut added_by_year: Vec<(i64, f64)> = Vec::new();
    for sl in &slices {
        let capex = sl.gw * k.capex_per_gw_usd;
        let revenue = sl.gw * k.vendor_revenue_per_gw_usd;
        let investment = sl.gw * per_gw_investment[sl.phase];
        let i = row(&mut schedule, sl.year);
        let y = &mut schedule[i];
        y.capex_usd += capex;
        y.vendor_revenue_usd += revenue;
        y.investment_usd += investment;
        let d = df(sl.day);
        pv.capex_usd += capex * d;
        pv.vendor_revenue_usd += revenue * d;
        pv.investment_usd += investment * d;
        added_by_year.push((sl.year, sl.gw));
    }
    if let (Some(c), Some(start)) = (&contract, crate::financing::contract_start(s)) {
        let term = by_year(start.0 as f64, c.end.0 as f64);
        for payment in &c.schedule {
            // Dated at the middle of the term's part of the year; a year of an explicit
            // schedule outside the term at the middle of the year.
            let mid = term
                .iter()
                .find(|(year, _, _)| *year == payment.year)
                .map_or_else(
                    || {
                        let (a, b) = (
                            Date::start_of_year(payment.year),
                            Date::start_of_year(payment.year + 1),
                        );
                        (a.0 + b.0) as f64 / 2.0
                    },
                    |(_, _, mid)| *mid,
                );
            let i = row(&mut schedule, payment.year);
            schedule[i].contract_usd += payment.usd;
            pv.contract_usd += payment.usd * df(mid);
        }
    }
    for y in schedule.iter_mut() {
        y.gw_online = added_by_year
            .iter()
            .filter(|(year, _)| *year <= y.year)
            .map(|(_, gw)| gw)
            .sum();
    }
    pv.vendor_income_usd = pv.vendor_revenue_usd + pv.contract_usd;
    let gw: f64 = k.phases.iter().map(|p| p.gw * p.probability).sum();
    let investment_usd = k
        .phases
        .iter()
        .zip(&per_gw_investment)
        .map(|(p, per_gw)| p.probability * p.gw * per_gw)
        .sum();
    let vendor_revenue_usd = gw * k.vendor_revenue_per_gw_usd;
    let contract_usd = contract.map_or(0.0, |c| c.value_usd);
    ExpectedReport {
        gw,
        capex_usd: gw * k.capex_per_gw_usd,
        vendor_revenue_usd,
        investment_usd,
        contract_usd,
        vendor_income_usd: vendor_revenue_usd + contract_usd,
        cost_of_capital: r,
        present_value: pv,
        schedule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_year_is_split_at_its_bounds() {
        let a = Date::parse("2026-07-01").unwrap().0 as f64;
        let b = Date::parse("2027-07-01").unwrap().0 as f64;
        let parts = by_year(a, b);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, 2026);
        assert!((parts[0].1 + parts[1].1 - (b - a)).abs() < 1e-9);
    }

    #[test]
    fn quarters_are_numbered_from_year_zero() {
        let d = Date::parse("2026-08-15").unwrap();
        assert_eq!(period_of(d, 3), 2026 * 4 + 2);
        assert_eq!(
            period_start(2026 * 4 + 2, 3),
            Date::parse("2026-07-01").unwrap()
        );
        assert_eq!(period_of(d, 12), 2026);
    }

    #[test]
    fn at_a_zero_rate_present_values_are_nominal() {
        let mut s = crate::test_deals::version("amd-openai-2025", 0);
        s.capacity.cost_of_capital = 0.0;
        let e = evaluate(&s);
        assert!((e.present_value.capex_usd - e.capex_usd).abs() < 1e-3 * e.capex_usd);
        let year_sum: f64 = e.schedule.iter().map(|y| y.capex_usd).sum();
        assert!((year_sum - e.capex_usd).abs() < 1e-6 * e.capex_usd);
    }
}
