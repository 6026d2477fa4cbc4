//! A scenario from JSON, in two passes that each collect every problem with its path:
//! 1. here, the shape: objects, types, required and unknown fields, date syntax;
//! 2. [`crate::scenario::validate`], the meaning: ranges, sums, orderings, cross-field rules.
//!
//! The policy for absent, null and unknown fields is [`crate::input`]'s.

use super::{money, Reader};
use crate::problem::{field, Problem};
use crate::scenario::validate;
use crate::scenario::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// Reads and validates a scenario: the typed scenario, or every problem of both passes.
pub fn scenario(value: &Value) -> Result<Scenario, Vec<Problem>> {
    let (scenario, shape_problems) = read(value);
    let problems = validate::check(&scenario, shape_problems);
    super::finish(scenario, problems)
}

/// Every problem of a scenario, `[]` when it is valid.
pub fn scenario_problems(value: &Value) -> Vec<Problem> {
    scenario(value).err().unwrap_or_default()
}

/// Pass 1. Parts with a problem are replaced by placeholders (NaN, "", defaults) so that pass 2
/// can still check everything else; the problems say which parts those are.
fn read(value: &Value) -> (Scenario, Vec<Problem>) {
    let mut r = Reader::default();
    let s = scenario_of(&mut r, value);
    (s, r.problems)
}

const SCENARIO_FIELDS: &[&str] = &[
    "name",
    "currency",
    "valuationDate",
    "id",
    "buyer",
    "vendor",
    "parents",
    "layer",
    "status",
    "asOf",
    "event",
    "equityGrant",
    "capacity",
    "equity",
    "warrant",
    "investment",
    "contract",
    "investments",
    "guarantees",
    "loans",
    "runsOn",
    "sources",
];
const CAPACITY_FIELDS: &[&str] = &[
    "phases",
    "gwBasis",
    "pue",
    "capexPerGwUsd",
    "capexSplit",
    "vendorRevenuePerGwUsd",
    "wattsPerAccelerator",
    "electricityUsdPerMwh",
    "utilization",
    "hardwareLifeYears",
    "lifeYears",
    "opexPerGwYearUsd",
    "deliveryLeadMonths",
    "costOfCapital",
    "priceCorrelation",
];
const PHASE_FIELDS: &[&str] = &[
    "label",
    "gw",
    "start",
    "end",
    "binding",
    "probability",
    "delayMonths",
];
const TRIANGULAR_FIELDS: &[&str] = &["min", "mode", "max"];
const SPLIT_FIELDS: &[&str] = &["accelerators", "networking", "facility", "other"];
const EQUITY_FIELDS: &[&str] = &[
    "issuer",
    "sharesOutstanding",
    "sharePrice",
    "volatility",
    "dividendYield",
    "riskFreeRate",
    "expectedReturn",
    "basePathGrowth",
    "volatilityCurve",
    "listed",
];
const VOL_POINT_FIELDS: &[&str] = &["years", "vol"];
const WARRANT_FIELDS: &[&str] = &[
    "holder",
    "shares",
    "strike",
    "issueDate",
    "expiryDate",
    "grantSharePrice",
    "vestingRule",
    "tranches",
];
const TRANCHE_FIELDS: &[&str] = &["shares", "gwTrigger", "priceTarget", "priceTest"];
const PRICE_TEST_FIELDS: &[&str] = &["kind", "days"];
const INVESTMENT_FIELDS: &[&str] = &["investor", "usdPerGw", "maxUsd"];
const CONTRACT_FIELDS: &[&str] = &["valueUsd", "years", "start", "schedule"];
const SOURCE_FIELDS: &[&str] = &["field", "title", "url", "note", "date", "tier", "value"];

fn scenario_of(r: &mut Reader, v: &Value) -> Scenario {
    let o = r.object(v, "", SCENARIO_FIELDS);
    Scenario {
        name: r.string(o, "name", ""),
        currency: r.string(o, "currency", ""),
        valuation_date: r.date(o, "valuationDate", ""),
        buyer: r.opt_string(o, "buyer", "").unwrap_or_default(),
        vendor: r.opt_string(o, "vendor", "").unwrap_or_default(),
        id: r.opt_string(o, "id", "").unwrap_or_default(),
        parents: texts(r, o, "parents", ""),
        layer: r.opt_choice(
            o,
            "layer",
            "",
            &[("chips", Layer::Chips), ("cloud", Layer::Cloud)],
        ),
        status: r.opt_string(o, "status", "").unwrap_or_default(),
        as_of: r.opt_date(o, "asOf", ""),
        event: texts(r, o, "event", ""),
        equity_grant: r.optional(o, "equityGrant", "", equity_grant),
        capacity: r.required(o, "capacity", "", capacity),
        equity: r.optional(o, "equity", "", equity),
        warrant: r.optional(o, "warrant", "", warrant),
        investment: r.optional(o, "investment", "", investment),
        contract: r.optional(o, "contract", "", contract),
        investments: r.list(o, "investments", "", false, money::investment),
        guarantees: r.list(o, "guarantees", "", false, money::guarantee),
        loans: r.list(o, "loans", "", false, money::loan),
        runs_on: r.optional(o, "runsOn", "", money::runs_on),
        sources: r.list(o, "sources", "", false, source),
    }
}

fn capacity(r: &mut Reader, v: &Value, path: &str) -> Capacity {
    let o = r.object(v, path, CAPACITY_FIELDS);
    let bases = [("facility", GwBasis::Facility), ("it", GwBasis::It)];
    let gw_basis = r.choice(o, "gwBasis", path, &bases, GwBasis::Facility, false);
    Capacity {
        phases: r.list(o, "phases", path, false, phase),
        gw_basis,
        pue: r.number(o, "pue", path),
        capex_per_gw_usd: r.number(o, "capexPerGwUsd", path),
        capex_split: r.required(o, "capexSplit", path, split),
        vendor_revenue_per_gw_usd: r.number(o, "vendorRevenuePerGwUsd", path),
        watts_per_accelerator: r.number(o, "wattsPerAccelerator", path),
        electricity_usd_per_mwh: r.number(o, "electricityUsdPerMwh", path),
        utilization: r.number(o, "utilization", path),
        hardware_life_years: r.number(o, "hardwareLifeYears", path),
        life_years: r.optional(o, "lifeYears", path, life_years),
        opex_per_gw_year_usd: r.opt_number(o, "opexPerGwYearUsd", path).unwrap_or(0.0),
        delivery_lead_months: r.opt_number(o, "deliveryLeadMonths", path).unwrap_or(0.0),
        cost_of_capital: r.opt_number(o, "costOfCapital", path).unwrap_or(0.0),
        price_correlation: r.opt_number(o, "priceCorrelation", path).unwrap_or(0.0),
    }
}

fn phase(r: &mut Reader, v: &Value, path: &str) -> Phase {
    let o = r.object(v, path, PHASE_FIELDS);
    Phase {
        label: r.opt_string(o, "label", path).unwrap_or_default(),
        gw: r.number(o, "gw", path),
        start: r.date(o, "start", path),
        end: r.date(o, "end", path),
        binding: r.opt_bool(o, "binding", path).unwrap_or(false),
        probability: r.opt_number(o, "probability", path).unwrap_or(1.0),
        delay_months: r.optional(o, "delayMonths", path, triangular),
    }
}

fn triangular(r: &mut Reader, v: &Value, path: &str) -> Triangular {
    let o = r.object(v, path, TRIANGULAR_FIELDS);
    Triangular {
        min: r.number(o, "min", path),
        mode: r.number(o, "mode", path),
        max: r.number(o, "max", path),
    }
}

fn life_years(r: &mut Reader, v: &Value, path: &str) -> LifeYears {
    let o = r.object(v, path, SPLIT_FIELDS);
    LifeYears {
        accelerators: r.number(o, "accelerators", path),
        networking: r.number(o, "networking", path),
        facility: r.number(o, "facility", path),
        other: r.number(o, "other", path),
    }
}

fn split(r: &mut Reader, v: &Value, path: &str) -> CapexSplit {
    let o = r.object(v, path, SPLIT_FIELDS);
    CapexSplit {
        accelerators: r.number(o, "accelerators", path),
        networking: r.number(o, "networking", path),
        facility: r.number(o, "facility", path),
        other: r.number(o, "other", path),
    }
}

fn equity(r: &mut Reader, v: &Value, path: &str) -> Equity {
    let o = r.object(v, path, EQUITY_FIELDS);
    Equity {
        issuer: r.string(o, "issuer", path),
        shares_outstanding: r.number(o, "sharesOutstanding", path),
        share_price: r.number(o, "sharePrice", path),
        volatility: r.number(o, "volatility", path),
        dividend_yield: r.number(o, "dividendYield", path),
        risk_free_rate: r.number(o, "riskFreeRate", path),
        expected_return: r.opt_number(o, "expectedReturn", path),
        base_path_growth: r.opt_number(o, "basePathGrowth", path),
        volatility_curve: r
            .present(o, "volatilityCurve", path)
            .is_some()
            .then(|| r.list(o, "volatilityCurve", path, true, vol_point)),
        listed: r.opt_bool(o, "listed", path),
    }
}

fn vol_point(r: &mut Reader, v: &Value, path: &str) -> VolPoint {
    let o = r.object(v, path, VOL_POINT_FIELDS);
    VolPoint {
        years: r.number(o, "years", path),
        vol: r.number(o, "vol", path),
    }
}

fn warrant(r: &mut Reader, v: &Value, path: &str) -> Warrant {
    let o = r.object(v, path, WARRANT_FIELDS);
    let rules = [
        ("conditions_once_met", VestingRule::ConditionsOnceMet),
        ("price_after_milestone", VestingRule::PriceAfterMilestone),
    ];
    Warrant {
        holder: r.string(o, "holder", path),
        shares: r.number(o, "shares", path),
        strike: r.number(o, "strike", path),
        issue_date: r.date(o, "issueDate", path),
        expiry_date: r.date(o, "expiryDate", path),
        grant_share_price: r.opt_number(o, "grantSharePrice", path),
        vesting_rule: r.choice(
            o,
            "vestingRule",
            path,
            &rules,
            VestingRule::default(),
            false,
        ),
        tranches: r.list(o, "tranches", path, true, tranche),
    }
}

fn tranche(r: &mut Reader, v: &Value, path: &str) -> Tranche {
    let o = r.object(v, path, TRANCHE_FIELDS);
    Tranche {
        shares: r.number(o, "shares", path),
        gw_trigger: r.number(o, "gwTrigger", path),
        price_target: r.opt_number(o, "priceTarget", path),
        price_test: r
            .optional(o, "priceTest", path, price_test)
            .unwrap_or_default(),
    }
}

fn price_test(r: &mut Reader, v: &Value, path: &str) -> PriceTest {
    let o = r.object(v, path, PRICE_TEST_FIELDS);
    let kinds = [
        ("touch", PriceTestKind::Touch),
        ("close", PriceTestKind::Close),
        ("average", PriceTestKind::Average),
    ];
    let kind = r.choice(o, "kind", path, &kinds, PriceTestKind::Touch, true);
    let days_path = field(path, "days");
    let days = match r.opt_number(o, "days", path) {
        None if kind == PriceTestKind::Average => {
            if !r.has_problem(&days_path) {
                let msg = "is required for an average test";
                r.problem(&days_path, "required_for_average", msg);
            }
            1
        }
        None => 1,
        Some(d) if (1.0..=1000.0).contains(&d) && d.fract() == 0.0 => d as u32,
        Some(_) => {
            let msg = "must be a whole number of trading days from 1 to 1000";
            let problem = Problem::new(&days_path, "whole_range", msg);
            r.report(
                problem
                    .with("min", 1.0)
                    .with("max", 1000.0)
                    .with("unit", "trading_days"),
            );
            1
        }
    };
    PriceTest { kind, days }
}

fn equity_grant(r: &mut Reader, v: &Value, path: &str) -> EquityGrant {
    let o = r.object(v, path, &["valueUsd", "date"]);
    EquityGrant {
        value_usd: r.number(o, "valueUsd", path),
        date: r.date(o, "date", path),
    }
}

fn investment(r: &mut Reader, v: &Value, path: &str) -> Investment {
    let o = r.object(v, path, INVESTMENT_FIELDS);
    Investment {
        investor: r.string(o, "investor", path),
        usd_per_gw: r.number(o, "usdPerGw", path),
        max_usd: r.number(o, "maxUsd", path),
    }
}

fn contract(r: &mut Reader, v: &Value, path: &str) -> Contract {
    let o = r.object(v, path, CONTRACT_FIELDS);
    Contract {
        value_usd: r.number(o, "valueUsd", path),
        years: r.number(o, "years", path),
        start: r.opt_date(o, "start", path),
        schedule: r.list(o, "schedule", path, false, money::payment),
    }
}

fn source(r: &mut Reader, v: &Value, path: &str) -> Source {
    let o = r.object(v, path, SOURCE_FIELDS);
    Source {
        field: r.string(o, "field", path),
        title: r.opt_string(o, "title", path).unwrap_or_default(),
        url: r.opt_string(o, "url", path).unwrap_or_default(),
        note: r.opt_string(o, "note", path).unwrap_or_default(),
        date: r.opt_date(o, "date", path),
        tier: r.opt_choice(
            o,
            "tier",
            path,
            &[
                ("filing", SourceTier::Filing),
                ("company", SourceTier::Company),
                ("press", SourceTier::Press),
                ("secondary", SourceTier::Secondary),
            ],
        ),
        value: r.opt_number(o, "value", path),
    }
}

/// A version's event: an object of one line of text per language tag.
/// An object of texts by key: `event` (by language), `parents` (by party).
fn texts(r: &mut Reader, o: &super::Object, key: &str, path: &str) -> BTreeMap<String, String> {
    let p = field(path, key);
    let Some(v) = r.present(o, key, path) else {
        return BTreeMap::new();
    };
    let Some(lines) = v.as_object() else {
        let (expected, english) = ("object", "an object of texts");
        r.wrong_type(&p, expected, english, v);
        return BTreeMap::new();
    };
    let keys: Vec<&str> = lines.keys().map(String::as_str).collect();
    let mut texts = BTreeMap::new();
    for key in keys {
        if let Some(text) = r.opt_string(lines, key, &p) {
            texts.insert(key.to_string(), text);
        }
    }
    texts
}
