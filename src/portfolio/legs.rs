//! The money legs of the portfolio's deals ([`crate::money`]) as flows between their parties,
//! and the stakes bought at a post-money valuation.
//!
//! - An investment tranche is an `investment` flow investor → investee: nominal its amount,
//!   expected at its condition's probability, `contingent` when it waits for a condition (kept
//!   apart from the unconditional money of the same pair). A per-GW rule counts as one
//!   unconditional flow of its nominal and expected amounts.
//! - A guarantee is a `guarantee` flow guarantor → beneficiary, always contingent: nominal the
//!   most it may pay, expected probability × max.
//! - A loan is two `loan` flows: the principal lender → borrower and the repayment with
//!   interest borrower → lender.
//! - A stake: each unconditional tranche with a post-money valuation V buys usd ÷ V of the
//!   investee (post-money convention); stakes of one investor in one investee add up, dated at
//!   their latest tranche. Later rounds' dilution is not modelled (the stake as bought).

use super::flows::{add_flow, Flow, FlowKind};
use super::{party, Party};
use crate::date::Date;
use crate::money::MoneyReport;
use serde::Serialize;

/// Who owns how much of whom after the deals' investments with a post-money value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Stake {
    pub investee: String,
    pub investor: String,
    /// Paid for the stake, nominal.
    pub usd: f64,
    /// Σ usd ÷ post-money valuation over the tranches, 0..1.
    pub ownership: f64,
    /// The date of the latest tranche counted.
    pub as_of: Date,
}

/// Adds one deal's legs to the flows, the parties' sums and the stakes.
pub(super) fn add(
    m: &MoneyReport,
    flows: &mut Vec<Flow>,
    parties: &mut Vec<Party>,
    stakes: &mut Vec<Stake>,
) {
    for inv in &m.investments {
        let (investor, investee) = (inv.investor.trim(), inv.investee.trim());
        let per_gw_expected =
            inv.expected_usd - inv.tranches.iter().map(|t| t.expected_usd).sum::<f64>();
        let per_gw = (inv.per_gw_usd, per_gw_expected);
        let parts = inv
            .tranches
            .iter()
            .map(|t| (t.usd, t.expected_usd, t.conditional))
            .chain(std::iter::once((per_gw.0, per_gw.1, false)));
        for (usd, expected, contingent) in parts {
            add_flow(
                flows,
                investor,
                investee,
                FlowKind::Investment,
                usd,
                Some(expected),
                contingent,
            );
        }
        party(parties, investor).invests_usd += inv.usd;
        party(parties, investee).receives_investment_usd += inv.usd;
        for t in inv.tranches.iter().filter(|t| !t.conditional) {
            let Some(share) = t.stake else { continue };
            match stakes
                .iter_mut()
                .find(|s| s.investor == investor && s.investee == investee)
            {
                Some(s) => {
                    s.usd += t.usd;
                    s.ownership += share;
                    s.as_of = s.as_of.max(t.date);
                }
                None => stakes.push(Stake {
                    investee: investee.to_string(),
                    investor: investor.to_string(),
                    usd: t.usd,
                    ownership: share,
                    as_of: t.date,
                }),
            }
        }
    }
    for g in &m.guarantees {
        let (from, to) = (g.guarantor.trim(), g.beneficiary.trim());
        add_flow(
            flows,
            from,
            to,
            FlowKind::Guarantee,
            g.max_usd,
            Some(g.expected_usd),
            true,
        );
        party(parties, from);
        party(parties, to);
    }
    for l in &m.loans {
        let (lender, borrower) = (l.lender.trim(), l.borrower.trim());
        add_flow(
            flows,
            lender,
            borrower,
            FlowKind::Loan,
            l.usd,
            Some(l.usd),
            false,
        );
        let back = l.repayment_usd;
        add_flow(
            flows,
            borrower,
            lender,
            FlowKind::Loan,
            back,
            Some(back),
            false,
        );
        party(parties, lender);
        party(parties, borrower);
    }
}
