//! The money legs of the portfolio's deals ([`crate::money`]) in the parties' sums (their flows
//! are [`crate::flows::add_deal`]'s), and the stakes bought at a post-money valuation.
//!
//! - A stake: each unconditional tranche with a post-money valuation V buys usd ÷ V of the
//!   investee (post-money convention); stakes of one investor in one investee add up, dated at
//!   their latest tranche. Later rounds' dilution is not modelled (the stake as bought).

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

/// Adds one deal's legs to the parties' sums and the stakes.
pub(super) fn add(m: &MoneyReport, parties: &mut Vec<Party>, stakes: &mut Vec<Stake>) {
    for inv in &m.investments {
        let (investor, investee) = (inv.investor.trim(), inv.investee.trim());
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
    for (from, to) in m
        .guarantees
        .iter()
        .map(|g| (&g.guarantor, &g.beneficiary))
        .chain(m.loans.iter().map(|l| (&l.lender, &l.borrower)))
    {
        party(parties, from.trim());
        party(parties, to.trim());
    }
}
