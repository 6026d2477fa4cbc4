//! Pass 2 for the money legs ([`crate::scenario::money`]): amounts, probabilities, terms and
//! dates, each problem at its path.

use super::{Checks, MAX_MAGNITUDE};
use crate::problem::{field, index, Problem};
use crate::scenario::*;

pub(super) fn check(c: &mut Checks, s: &Scenario) {
    let total_gw = s.total_gw();
    // Only a deal of money legs alone may have no gigawatts.
    let needs_gw = s.warrant.is_some()
        || s.contract.is_some()
        || s.investment.is_some()
        || s.investments.iter().any(|i| i.per_gw.is_some())
        || s.investments.is_empty() && s.guarantees.is_empty() && s.loans.is_empty();
    c.expect(!s.capacity.phases.is_empty() || !needs_gw, &|| {
        let msg = "needs at least one entry (only a deal of investments, guarantees or loans alone has none)";
        Problem::new("capacity.phases", "empty_list", msg)
    });
    for (i, inv) in s.investments.iter().enumerate() {
        let p = index("investments", i);
        c.expect(inv.per_gw.is_some() || !inv.tranches.is_empty(), &|| {
            let msg = "needs tranches or a per-GW rule";
            Problem::new(&p, "investment_empty", msg)
        });
        if let Some(g) = &inv.per_gw {
            let gp = field(&p, "perGw");
            c.non_negative(g.usd_per_gw, &field(&gp, "usdPerGw"));
            c.non_negative(g.max_usd, &field(&gp, "maxUsd"));
        }
        for (j, t) in inv.tranches.iter().enumerate() {
            tranche(c, t, &index(&field(&p, "tranches"), j), total_gw);
        }
    }
    for (i, g) in s.guarantees.iter().enumerate() {
        let p = index("guarantees", i);
        c.non_negative(g.max_usd, &field(&p, "maxUsd"));
        c.fraction(g.probability, &field(&p, "probability"));
        if let Some(end) = g.end {
            c.expect_with(end >= g.start, &[&field(&p, "start")], &|| {
                let msg = "must not be before the start";
                Problem::new(field(&p, "end"), "end_before_start", msg)
            });
        }
    }
    for (i, l) in s.loans.iter().enumerate() {
        let p = index("loans", i);
        c.non_negative(l.usd, &field(&p, "usd"));
        c.fraction(l.rate, &field(&p, "rate"));
        c.expect(l.years > 0.0 && l.years <= 100.0, &|| {
            super::range(&field(&p, "years"), 0.0, 100.0, "years")
        });
    }
    if let Some(r) = &s.runs_on {
        c.expect(s.layer() == Layer::Cloud, &|| {
            let msg =
                "belongs to a cloud deal: only capacity bought as a service runs on a chip deal";
            Problem::new("runsOn", "cloud_only", msg)
        });
        c.expect(r.share > 0.0 && r.share <= 1.0, &|| {
            let msg = "must be a fraction above 0, at most 1";
            Problem::new("runsOn.share", "fraction", msg)
        });
        c.expect(!r.deal.trim().is_empty(), &|| {
            Problem::new("runsOn.deal", "required", "must name a deal")
        });
    }
    if let Some(k) = &s.contract {
        schedule(c, k);
    }
    for (unit, parent) in &s.parents {
        let p = field("parents", unit);
        c.expect(
            !unit.trim().is_empty() && !parent.trim().is_empty(),
            &|| Problem::new(&p, "required", "must name a party and its parent company"),
        );
        c.expect(unit.trim() != parent.trim(), &|| {
            Problem::new(&p, "own_parent", "a party cannot be its own parent")
        });
        c.expect(!s.parents.contains_key(parent.trim()), &|| {
            let msg = "names a party that has a parent itself; name the top company";
            Problem::new(&p, "parent_chain", msg).with("value", parent.as_str())
        });
    }
}

fn tranche(c: &mut Checks, t: &InvestmentTranche, p: &str, total_gw: f64) {
    c.non_negative(t.usd, &field(p, "usd"));
    if let Some(v) = t.post_money_valuation_usd {
        let vp = field(p, "postMoneyValuationUsd");
        c.positive(v, &vp);
        c.expect_with(v >= t.usd, &[&field(p, "usd")], &|| {
            let msg = "must be at least the tranche's amount";
            Problem::new(&vp, "below_amount", msg)
        });
    }
    let cp = field(p, "condition");
    match &t.condition {
        Some(TrancheCondition::Gw { gw }) => {
            let gp = field(&cp, "gw");
            c.positive(*gw, &gp);
            c.expect_with(
                *gw <= total_gw * (1.0 + 1e-12),
                &["capacity.phases"],
                &|| {
                    let msg = format!("is beyond the deal's {total_gw} GW");
                    Problem::new(&gp, "beyond_total_gw", msg).with("totalGw", total_gw)
                },
            );
        }
        Some(TrancheCondition::Event { probability, .. }) => {
            c.fraction(*probability, &field(&cp, "probability"));
        }
        None => {}
    }
}

/// An explicit schedule: years ascending, amounts not negative, summing to the value.
fn schedule(c: &mut Checks, k: &Contract) {
    if k.schedule.is_empty() {
        return;
    }
    let mut sum = 0.0;
    for (i, pay) in k.schedule.iter().enumerate() {
        let p = index("contract.schedule", i);
        c.non_negative(pay.usd, &field(&p, "usd"));
        sum += pay.usd;
        if i > 0 {
            let before = k.schedule[i - 1].year;
            c.expect_with(
                pay.year > before,
                &[&index("contract.schedule", i - 1)],
                &|| {
                    let msg = "must come after the year before it";
                    Problem::new(field(&p, "year"), "year_not_ascending", msg)
                },
            );
        }
    }
    let value = k.value_usd;
    let close = (sum - value).abs() <= 1e-9 * value.abs().max(1.0);
    c.expect_with(
        close || sum > MAX_MAGNITUDE,
        &["contract.valueUsd"],
        &|| {
            let msg = format!("the payments add up to {sum}, not to the contract's {value}");
            Problem::new("contract.schedule", "schedule_sum", msg)
                .with("sum", sum)
                .with("value", value)
        },
    );
}
