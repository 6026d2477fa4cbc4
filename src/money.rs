//! The money legs in the report: each investment tranche, guarantee and loan of a scenario
//! ([`crate::scenario::money`]) nominal, expected (the deal's own probabilities) and at present
//! value, and the stakes bought at a post-money valuation.
//!
//! - **Investment tranches.** Nominal: the amount. Expected: amount × the probability that its
//!   condition is met: 1 unconditionally; an event's `probability`; for a GW milestone, the
//!   probability that the phases that happen (each independently with its `probability`,
//!   binding ones surely) add up to at least the milestone's GW. A per-GW rule pays
//!   min(maxUsd, usdPerGw × GW), expected over the same phases. Present value: discounted from
//!   the tranche's date at `capacity.costOfCapital` (as [`crate::expected`] does).
//! - **Stakes.** A tranche with a post-money valuation V buys usd ÷ V of the investee (the
//!   post-money convention: the new shares over all shares just after the round; Metrick &
//!   Yasuda, "Venture Capital and the Finance of Innovation", ch. 2).
//! - **Guarantees** are contingent: nominal = maxUsd (the most the guarantor may pay), expected
//!   = probability × maxUsd, at present value from the start.
//! - **Loans**: the principal goes out on `start` and comes back after `years` with interest
//!   compounded yearly: repayment = usd × (1 + rate)^years. Net money to the borrower over the
//!   term is the negative interest; at the deal's cost of capital r the loan's present value to
//!   the lender is −usd + repayment × (1 + r)^(−years) (a subsidy when rate < r).

use crate::date::Date;
use crate::scenario::{Scenario, TrancheCondition};
use serde::Serialize;

/// The money legs of a scenario; absent from the report when it has none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoneyReport {
    pub investments: Vec<InvestmentLegReport>,
    pub guarantees: Vec<GuaranteeReport>,
    pub loans: Vec<LoanReport>,
    /// Sums over the legs; each figure labelled nominal, expected or present value.
    pub totals: MoneyTotals,
}

/// One investment: its tranches and their sums.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InvestmentLegReport {
    pub investor: String,
    pub investee: String,
    /// Nominal: every tranche and the per-GW rule on all the deal's GW.
    pub usd: f64,
    /// Expected: each tranche at the probability of its condition.
    pub expected_usd: f64,
    /// Present value of the expected amounts at the deal's cost of capital.
    pub present_value_usd: f64,
    /// The per-GW rule's nominal amount (0 without one).
    pub per_gw_usd: f64,
    pub tranches: Vec<TrancheReport>,
}

/// One tranche of an investment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrancheReport {
    pub usd: f64,
    pub date: Date,
    /// Whether it waits for a condition.
    pub conditional: bool,
    /// The probability its condition is met (1 without one).
    pub probability: f64,
    /// usd × probability.
    pub expected_usd: f64,
    /// usd ÷ post-money valuation; null without a valuation.
    pub stake: Option<f64>,
}

/// A guarantee: contingent money.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeReport {
    pub guarantor: String,
    pub beneficiary: String,
    pub label: String,
    /// Nominal: the most the guarantor may pay.
    pub max_usd: f64,
    pub probability: f64,
    /// probability × maxUsd.
    pub expected_usd: f64,
    /// Present value of the expected cost, dated at the start.
    pub present_value_usd: f64,
}

/// A loan: out and back with interest.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LoanReport {
    pub lender: String,
    pub borrower: String,
    /// Principal, nominal.
    pub usd: f64,
    /// usd × (1 + rate)^years, nominal.
    pub repayment_usd: f64,
    /// repaymentUsd − usd, nominal.
    pub interest_usd: f64,
    pub start: Date,
    /// When it is repaid: start + years.
    pub end: Date,
    /// The lender's present value at the deal's cost of capital: −usd (at start) + the
    /// repayment (at end), both discounted to the valuation date.
    pub lender_present_value_usd: f64,
}

/// Sums over the legs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoneyTotals {
    /// Investments, nominal.
    pub investment_usd: f64,
    /// Investments, expected.
    pub expected_investment_usd: f64,
    /// Guarantees at their maximum, nominal (contingent).
    pub guarantee_max_usd: f64,
    /// Guarantees, expected: Σ probability × max.
    pub expected_guarantee_usd: f64,
    /// Loans' principal, nominal.
    pub loan_usd: f64,
    /// Loans' interest, nominal.
    pub loan_interest_usd: f64,
}

/// The legs of a scenario; None when it has none.
pub fn evaluate(s: &Scenario) -> Option<MoneyReport> {
    if s.investments.is_empty() && s.guarantees.is_empty() && s.loans.is_empty() {
        return None;
    }
    let rate = s.capacity.cost_of_capital;
    let pv = |d: Date| crate::expected::discount(s.valuation_date, rate, d.0 as f64);
    let investments: Vec<InvestmentLegReport> = s
        .investments
        .iter()
        .map(|inv| {
            let tranches: Vec<TrancheReport> = inv
                .tranches
                .iter()
                .map(|t| {
                    let probability = match &t.condition {
                        None => 1.0,
                        Some(TrancheCondition::Event { probability, .. }) => *probability,
                        Some(TrancheCondition::Gw { gw }) => probability_of_reaching(s, *gw),
                    };
                    TrancheReport {
                        usd: t.usd,
                        date: t.date,
                        conditional: t.condition.is_some(),
                        probability,
                        expected_usd: t.usd * probability,
                        stake: t.post_money_valuation_usd.map(|v| t.usd / v),
                    }
                })
                .collect();
            let (per_gw_usd, per_gw_expected) = inv.per_gw.as_ref().map_or((0.0, 0.0), |g| {
                (
                    g.paid(s.total_gw()),
                    expected_over_phases(s, |gw| g.paid(gw)),
                )
            });
            let first_day = s.capacity.phases.iter().map(|p| p.start).min();
            let per_gw_pv = first_day.map_or(0.0, pv) * per_gw_expected;
            InvestmentLegReport {
                investor: inv.investor.clone(),
                investee: inv.investee.clone(),
                usd: per_gw_usd + tranches.iter().map(|t| t.usd).sum::<f64>(),
                expected_usd: per_gw_expected
                    + tranches.iter().map(|t| t.expected_usd).sum::<f64>(),
                present_value_usd: per_gw_pv
                    + tranches
                        .iter()
                        .map(|t| t.expected_usd * pv(t.date))
                        .sum::<f64>(),
                per_gw_usd,
                tranches,
            }
        })
        .collect();
    let guarantees: Vec<GuaranteeReport> = s
        .guarantees
        .iter()
        .map(|g| GuaranteeReport {
            guarantor: g.guarantor.clone(),
            beneficiary: g.beneficiary.clone(),
            label: g.label.clone(),
            max_usd: g.max_usd,
            probability: g.probability,
            expected_usd: g.probability * g.max_usd,
            present_value_usd: g.probability * g.max_usd * pv(g.start),
        })
        .collect();
    let loans: Vec<LoanReport> = s
        .loans
        .iter()
        .map(|l| {
            let repayment = l.usd * libm::pow(1.0 + l.rate, l.years);
            let end = crate::date::date_after_years(l.start, l.years);
            LoanReport {
                lender: l.lender.clone(),
                borrower: l.borrower.clone(),
                usd: l.usd,
                repayment_usd: repayment,
                interest_usd: repayment - l.usd,
                start: l.start,
                end,
                lender_present_value_usd: -l.usd * pv(l.start) + repayment * pv(end),
            }
        })
        .collect();
    let totals = MoneyTotals {
        investment_usd: investments.iter().map(|i| i.usd).sum(),
        expected_investment_usd: investments.iter().map(|i| i.expected_usd).sum(),
        guarantee_max_usd: guarantees.iter().map(|g| g.max_usd).sum(),
        expected_guarantee_usd: guarantees.iter().map(|g| g.expected_usd).sum(),
        loan_usd: loans.iter().map(|l| l.usd).sum(),
        loan_interest_usd: loans.iter().map(|l| l.interest_usd).sum(),
    };
    Some(MoneyReport {
        investments,
        guarantees,
        loans,
        totals,
    })
}

/// The largest number of non-binding phases enumerated exactly (2^n outcomes); beyond it the
/// later phases count at their expected GW (a documented approximation no deal needs).
const MAX_ENUMERATED: usize = 12;

/// Each outcome of which phases happen: (GW of the phases that happen, its probability).
fn outcomes(s: &Scenario) -> Vec<(f64, f64)> {
    let mut sure = 0.0;
    let mut uncertain = Vec::new();
    for p in &s.capacity.phases {
        if p.binding || p.probability >= 1.0 {
            sure += p.gw;
        } else if uncertain.len() < MAX_ENUMERATED {
            uncertain.push((p.gw, p.probability));
        } else {
            sure += p.gw * p.probability;
        }
    }
    let mut out = vec![(sure, 1.0)];
    for (gw, p) in uncertain {
        out = out
            .into_iter()
            .flat_map(|(g, q)| [(g + gw, q * p), (g, q * (1.0 - p))])
            .collect();
    }
    out
}

/// The probability that the phases that happen reach `gw` (delivered by the deal's end).
fn probability_of_reaching(s: &Scenario, gw: f64) -> f64 {
    outcomes(s)
        .iter()
        .filter(|(g, _)| *g >= gw * (1.0 - 1e-12))
        .map(|(_, q)| q)
        .sum()
}

/// E[f(GW of the phases that happen)].
fn expected_over_phases(s: &Scenario, f: impl Fn(f64) -> f64) -> f64 {
    outcomes(s).iter().map(|(g, q)| f(*g) * q).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gw_milestone_counts_at_the_chance_that_the_phases_reach_it() {
        let mut s = crate::test_deals::version("nvidia-openai-2025", 0);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-15;
        // Phases: 1 GW at p = 0.5, then 9 GW at p = 0.4 (both non-binding).
        assert!(close(probability_of_reaching(&s, 1.0), 1.0 - 0.5 * 0.6));
        assert!(close(probability_of_reaching(&s, 10.0), 0.5 * 0.4));
        assert!(close(probability_of_reaching(&s, 9.0), 0.4));
        assert!(close(probability_of_reaching(&s, 9.5), 0.2));
        assert_eq!(probability_of_reaching(&s, 0.0), 1.0);
        s.capacity.phases[0].binding = true;
        assert!(close(probability_of_reaching(&s, 1.0), 1.0));
    }

    #[test]
    fn a_loan_comes_back_with_yearly_compound_interest() {
        let mut s = crate::test_deals::version("amd-openai-2025", 0);
        s.loans.push(crate::scenario::Loan {
            lender: "OpenAI".into(),
            borrower: "AMD".into(),
            usd: 1e9,
            rate: 0.06,
            start: s.valuation_date,
            years: 2.0,
        });
        let r = evaluate(&s).unwrap();
        let l = &r.loans[0];
        assert!((l.repayment_usd / (1e9 * 1.06 * 1.06) - 1.0).abs() < 1e-15);
        assert_eq!(r.totals.loan_interest_usd, l.repayment_usd - 1e9);
        // Lent at 6% against a 10% cost of capital: the lender gives up value.
        assert!(l.lender_present_value_usd < 0.0);
    }
}
