//! The money legs of a scenario from JSON: investments in tranches or per GW, guarantees,
//! loans, `runsOn` and a contract's yearly schedule ([`crate::scenario::money`]). Shape only;
//! their meaning is checked in [`crate::scenario::validate`].

use super::Reader;
use crate::problem::field;
use crate::scenario::*;
use serde_json::Value;

const INVESTMENT_FIELDS: &[&str] = &["investor", "investee", "perGw", "tranches"];
const PER_GW_FIELDS: &[&str] = &["usdPerGw", "maxUsd"];
const TRANCHE_FIELDS: &[&str] = &["usd", "date", "condition", "postMoneyValuationUsd"];
const CONDITION_FIELDS: &[&str] = &["kind", "gw", "label", "probability"];
const GUARANTEE_FIELDS: &[&str] = &[
    "guarantor",
    "beneficiary",
    "maxUsd",
    "probability",
    "start",
    "end",
    "label",
];
const LOAN_FIELDS: &[&str] = &["lender", "borrower", "usd", "rate", "start", "years"];
const RUNS_ON_FIELDS: &[&str] = &["deal", "share"];
const PAYMENT_FIELDS: &[&str] = &["year", "usd"];

pub fn investment(r: &mut Reader, v: &Value, path: &str) -> EquityInvestment {
    let o = r.object(v, path, INVESTMENT_FIELDS);
    EquityInvestment {
        investor: r.string(o, "investor", path),
        investee: r.string(o, "investee", path),
        per_gw: r.optional(o, "perGw", path, per_gw),
        tranches: r.list(o, "tranches", path, false, tranche),
    }
}

fn per_gw(r: &mut Reader, v: &Value, path: &str) -> PerGw {
    let o = r.object(v, path, PER_GW_FIELDS);
    PerGw {
        usd_per_gw: r.number(o, "usdPerGw", path),
        max_usd: r.number(o, "maxUsd", path),
    }
}

fn tranche(r: &mut Reader, v: &Value, path: &str) -> InvestmentTranche {
    let o = r.object(v, path, TRANCHE_FIELDS);
    InvestmentTranche {
        usd: r.number(o, "usd", path),
        date: r.date(o, "date", path),
        condition: r.optional(o, "condition", path, condition).flatten(),
        post_money_valuation_usd: r.opt_number(o, "postMoneyValuationUsd", path),
    }
}

/// A condition by its `kind`: "gw" needs `gw`, "event" a `label` and a `probability`. An
/// unknown kind is reported and gives None.
fn condition(r: &mut Reader, v: &Value, path: &str) -> Option<TrancheCondition> {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Gw,
        Event,
        Unknown,
    }
    let o = r.object(v, path, CONDITION_FIELDS);
    let kinds = [("gw", Kind::Gw), ("event", Kind::Event)];
    match r.choice(o, "kind", path, &kinds, Kind::Unknown, true) {
        Kind::Gw => Some(TrancheCondition::Gw {
            gw: r.number(o, "gw", path),
        }),
        Kind::Event => Some(TrancheCondition::Event {
            label: r.string(o, "label", path),
            probability: r.number(o, "probability", path),
        }),
        Kind::Unknown => None,
    }
}

pub fn guarantee(r: &mut Reader, v: &Value, path: &str) -> Guarantee {
    let o = r.object(v, path, GUARANTEE_FIELDS);
    Guarantee {
        guarantor: r.string(o, "guarantor", path),
        beneficiary: r.string(o, "beneficiary", path),
        max_usd: r.number(o, "maxUsd", path),
        probability: r.number(o, "probability", path),
        start: r.date(o, "start", path),
        end: r.opt_date(o, "end", path),
        label: r.opt_string(o, "label", path).unwrap_or_default(),
    }
}

pub fn loan(r: &mut Reader, v: &Value, path: &str) -> Loan {
    let o = r.object(v, path, LOAN_FIELDS);
    Loan {
        lender: r.string(o, "lender", path),
        borrower: r.string(o, "borrower", path),
        usd: r.number(o, "usd", path),
        rate: r.number(o, "rate", path),
        start: r.date(o, "start", path),
        years: r.number(o, "years", path),
    }
}

pub fn runs_on(r: &mut Reader, v: &Value, path: &str) -> RunsOn {
    let o = r.object(v, path, RUNS_ON_FIELDS);
    RunsOn {
        deal: r.string(o, "deal", path),
        share: r.number(o, "share", path),
    }
}

pub fn payment(r: &mut Reader, v: &Value, path: &str) -> ScheduledPayment {
    let o = r.object(v, path, PAYMENT_FIELDS);
    let year = r.number(o, "year", path);
    let whole = year.fract() == 0.0 && (1900.0..=2200.0).contains(&year);
    if !whole && !r.has_problem(&field(path, "year")) {
        let p = crate::problem::Problem::new(
            field(path, "year"),
            "whole_range",
            "must be a whole year from 1900 to 2200",
        );
        r.report(p.with("min", 1900.0).with("max", 2200.0).with("unit", ""));
    }
    ScheduledPayment {
        year: if whole { year as i64 } else { 0 },
        usd: r.number(o, "usd", path),
    }
}
