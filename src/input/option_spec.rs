//! An option spec (`priceOption`'s input) from JSON: the kind by name, the fields it needs,
//! then the typed rules of [`OptionSpec::problems`].

use super::{clip, finish, Object, Reader};
use crate::pricing::warrant::Dilution;
use crate::pricing::{Market, OptionKind, OptionSpec, Payment};
use crate::problem::Problem;
use serde_json::Value;

const SPEC_FIELDS: &[&str] = &[
    "kind",
    "spot",
    "strike",
    "barrier",
    "rebate",
    "cash",
    "trigger",
    "rate",
    "dividendYield",
    "vol",
    "timeYears",
    "payment",
    "sharesOutstanding",
    "warrantsIssued",
    "dilution",
];

/// A top-level number that `required` makes required, else optional with `default`.
fn needed(r: &mut Reader, o: &Object, key: &str, required: bool, default: f64) -> f64 {
    if required {
        r.number(o, key, "")
    } else {
        r.opt_number(o, key, "").unwrap_or(default)
    }
}

/// Reads and validates an option spec, reporting every problem with its field.
pub fn option_spec(v: &Value) -> Result<OptionSpec, Vec<Problem>> {
    let mut r = Reader::default();
    let o = r.object(v, "", SPEC_FIELDS);
    let kind_name = r.string(o, "kind", "");
    let kind = OptionKind::parse(&kind_name);
    if kind.is_none() && !kind_name.is_empty() {
        let msg = format!(
            "\"{}\" is not an option kind of the contract",
            clip(&kind_name)
        );
        r.report(Problem::new("kind", "option_kind", msg).with("value", clip(&kind_name)));
    }
    let market = Market {
        spot: r.number(o, "spot", ""),
        rate: r.number(o, "rate", ""),
        dividend_yield: r.opt_number(o, "dividendYield", "").unwrap_or(0.0),
        vol: r.number(o, "vol", ""),
        time_years: r.number(o, "timeYears", ""),
    };
    let payments = [("at_hit", Payment::AtHit), ("at_expiry", Payment::AtExpiry)];
    let payment = r.choice(o, "payment", "", &payments, Payment::AtHit, false);
    let dilutions = [
        ("simple", Dilution::Simple),
        ("fixed_point", Dilution::FixedPoint),
    ];
    let dilution = r.choice(o, "dilution", "", &dilutions, Dilution::Simple, false);
    let Some(kind) = kind else {
        return Err(r.problems);
    };
    let spec = OptionSpec {
        kind,
        market,
        strike: needed(&mut r, o, "strike", kind.needs_strike(), 0.0),
        barrier: needed(&mut r, o, "barrier", kind.direction().is_some(), 0.0),
        rebate: r.opt_number(o, "rebate", "").unwrap_or(0.0),
        cash: r.opt_number(o, "cash", "").unwrap_or(1.0),
        trigger: needed(
            &mut r,
            o,
            "trigger",
            matches!(kind, OptionKind::Gap(_)),
            0.0,
        ),
        payment,
        shares_outstanding: needed(
            &mut r,
            o,
            "sharesOutstanding",
            kind == OptionKind::Warrant,
            0.0,
        ),
        warrants_issued: needed(
            &mut r,
            o,
            "warrantsIssued",
            kind == OptionKind::Warrant,
            0.0,
        ),
        dilution,
    };
    let shape: Vec<String> = r.problems.iter().map(|p| p.path.clone()).collect();
    let mut problems = r.problems;
    for p in spec.problems() {
        if !shape.contains(&p.path) {
            problems.push(p);
        }
    }
    finish(spec, problems)
}
