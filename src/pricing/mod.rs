//! Closed-form option prices in the Black–Scholes–Merton world: flat continuously compounded
//! rate r, continuous dividend yield q (cost of carry b = r − q), lognormal spot, continuous
//! barrier monitoring.
//!
//! A tranche that vests when the share price reaches a target is a barrier event, so these
//! prices anchor the Monte Carlo engine and price a single hurdle instantly. One file per
//! family, each documenting its formulas and references:
//! - [`vanilla`]: European calls and puts, cash-/asset-or-nothing digitals, gap options;
//! - [`binary_barrier`]: the reflection terms and binary barriers (paid at expiry);
//! - [`touch`]: one-touch (at the hit or at expiry) and no-touch, cash or asset;
//! - [`barrier`]: knock-in and knock-out calls and puts with rebates;
//! - [`warrant`]: diluted warrants, simple and fixed-point.
//!
//! [`OptionSpec::from_json`] reads the contract's spec, reporting every problem with its
//! field; [`price`] returns the price and its Greeks.

pub mod barrier;
pub mod binary_barrier;
pub mod normal;
pub mod touch;
pub mod vanilla;
pub mod warrant;

use crate::input::{clip, Object, Reader};
use crate::problem::Problem;
use serde::Serialize;
use serde_json::Value;
use warrant::Dilution;

/// The market of one option: spot, rates, volatility and time to expiry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Market {
    pub spot: f64,
    /// r, continuously compounded per year.
    pub rate: f64,
    /// q, continuous per year.
    pub dividend_yield: f64,
    /// σ per √year.
    pub vol: f64,
    /// T in years, ≥ 0.
    pub time_years: f64,
}

impl Market {
    /// b = r − q.
    pub fn carry(&self) -> f64 {
        self.rate - self.dividend_yield
    }
    /// e^{−rT}.
    pub fn discount(&self) -> f64 {
        libm::exp(-self.rate * self.time_years)
    }
    /// e^{(b−r)T} = e^{−qT}.
    pub fn dividend_discount(&self) -> f64 {
        libm::exp(-self.dividend_yield * self.time_years)
    }
}

/// Call or put.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Right {
    Call,
    Put,
}

impl Right {
    /// φ: +1 for a call, −1 for a put.
    pub fn sign(self) -> f64 {
        match self {
            Right::Call => 1.0,
            Right::Put => -1.0,
        }
    }
    /// Strictly in the money at `spot` against `strike`.
    pub fn in_the_money(self, spot: f64, strike: f64) -> bool {
        match self {
            Right::Call => spot > strike,
            Right::Put => spot < strike,
        }
    }
}

/// Where the barrier lies from the spot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// η: +1 for a down barrier, −1 for an up barrier.
    pub fn eta(self) -> f64 {
        match self {
            Direction::Down => 1.0,
            Direction::Up => -1.0,
        }
    }
}

/// Knock-in or knock-out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knock {
    In,
    Out,
}

/// What a binary pays: an amount of cash, or the asset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Payoff {
    Cash(f64),
    Asset,
}

/// When a one-touch pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payment {
    AtHit,
    AtExpiry,
}

/// Every kind of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// `bs_call`, `bs_put`.
    Vanilla(Right),
    /// `cash_or_nothing_call/put`.
    CashOrNothing(Right),
    /// `asset_or_nothing_call/put`.
    AssetOrNothing(Right),
    /// `gap_call/put`.
    Gap(Right),
    /// `{up,down}_and_{in,out}_{call,put}`.
    Barrier(Direction, Knock, Right),
    /// `one_touch_{up,down}`.
    OneTouch(Direction),
    /// `no_touch_{up,down}`.
    NoTouch(Direction),
    /// `asset_one_touch_{up,down}`.
    AssetOneTouch(Direction),
    /// `asset_no_touch_{up,down}`.
    AssetNoTouch(Direction),
    /// `{up,down}_and_{in,out}_{cash,asset}_or_nothing_{call,put}`.
    BinaryBarrier(Direction, Knock, bool, Right),
    /// `warrant`.
    Warrant,
}

impl OptionKind {
    /// The kind named `name` in the contract.
    pub fn parse(name: &str) -> Option<OptionKind> {
        use OptionKind::*;
        let right = |s: &str| match s {
            "call" => Some(Right::Call),
            "put" => Some(Right::Put),
            _ => None,
        };
        let dir = |s: &str| match s {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        };
        let knock = |s: &str| match s {
            "in" => Some(Knock::In),
            "out" => Some(Knock::Out),
            _ => None,
        };
        let parts: Vec<&str> = name.split('_').collect();
        match parts.as_slice() {
            ["bs", r] => Some(Vanilla(right(r)?)),
            ["cash", "or", "nothing", r] => Some(CashOrNothing(right(r)?)),
            ["asset", "or", "nothing", r] => Some(AssetOrNothing(right(r)?)),
            ["gap", r] => Some(Gap(right(r)?)),
            [d, "and", k, r] => Some(Barrier(dir(d)?, knock(k)?, right(r)?)),
            ["one", "touch", d] => Some(OneTouch(dir(d)?)),
            ["no", "touch", d] => Some(NoTouch(dir(d)?)),
            ["asset", "one", "touch", d] => Some(AssetOneTouch(dir(d)?)),
            ["asset", "no", "touch", d] => Some(AssetNoTouch(dir(d)?)),
            [d, "and", k, p, "or", "nothing", r] => {
                let cash = match *p {
                    "cash" => true,
                    "asset" => false,
                    _ => return None,
                };
                Some(BinaryBarrier(dir(d)?, knock(k)?, cash, right(r)?))
            }
            ["warrant"] => Some(Warrant),
            _ => None,
        }
    }

    fn direction(self) -> Option<Direction> {
        match self {
            OptionKind::Barrier(d, ..)
            | OptionKind::OneTouch(d)
            | OptionKind::NoTouch(d)
            | OptionKind::AssetOneTouch(d)
            | OptionKind::AssetNoTouch(d)
            | OptionKind::BinaryBarrier(d, ..) => Some(d),
            _ => None,
        }
    }

    fn needs_strike(self) -> bool {
        !matches!(
            self,
            OptionKind::OneTouch(_)
                | OptionKind::NoTouch(_)
                | OptionKind::AssetOneTouch(_)
                | OptionKind::AssetNoTouch(_)
        )
    }

    fn pays_cash(self) -> bool {
        matches!(
            self,
            OptionKind::CashOrNothing(_)
                | OptionKind::OneTouch(_)
                | OptionKind::NoTouch(_)
                | OptionKind::BinaryBarrier(_, _, true, _)
        )
    }

    /// Whether a payment at the first touch is part of the price (needs λ real).
    fn pays_at_hit(self, payment: Payment, rebate: f64) -> bool {
        match self {
            OptionKind::OneTouch(_) | OptionKind::AssetOneTouch(_) => payment == Payment::AtHit,
            OptionKind::Barrier(_, Knock::Out, _) => rebate != 0.0,
            _ => false,
        }
    }
}

/// A validated option spec (the contract's `priceOption` input).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptionSpec {
    pub kind: OptionKind,
    pub market: Market,
    /// X (for gap options: the strike paid, S_T − X).
    pub strike: f64,
    /// H.
    pub barrier: f64,
    /// Paid at the hit for knock-outs, at expiry if never hit for knock-ins; default 0.
    pub rebate: f64,
    /// Cash amount of cash binaries and touches; default 1.
    pub cash: f64,
    /// X₂ of gap options: the level S_T must pass.
    pub trigger: f64,
    /// When a one-touch pays; default at the hit.
    pub payment: Payment,
    /// N, for warrants.
    pub shares_outstanding: f64,
    /// M, for warrants.
    pub warrants_issued: f64,
    /// Default simple.
    pub dilution: Dilution,
}

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

/// Largest price, strike, barrier or cash amount accepted.
pub const MAX_LEVEL: f64 = 1e15;

impl OptionSpec {
    /// Reads and validates a spec, reporting every problem with its field.
    pub fn from_json(v: &Value) -> Result<OptionSpec, Vec<Problem>> {
        let mut r = Reader::default();
        let o = r.object(v, "", SPEC_FIELDS);
        let kind_name = r.string(o, "kind", "");
        let kind = OptionKind::parse(&kind_name);
        if kind.is_none() && !kind_name.is_empty() {
            r.problem(
                "kind",
                format!(
                    "\"{}\" is not an option kind of the contract",
                    clip(&kind_name)
                ),
            );
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
        for p in spec.range_problems() {
            if !shape.contains(&p.path) {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            Ok(spec)
        } else {
            Err(problems)
        }
    }

    /// Ranges and consistency: every rule that keeps the closed forms finite.
    fn range_problems(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut expect = |ok: bool, path: &str, msg: &str| {
            if !ok {
                p.push(Problem::new(path, msg));
            }
        };
        let m = &self.market;
        let level = |x: f64| x > 0.0 && x <= MAX_LEVEL;
        expect(
            level(m.spot),
            "spot",
            "must be greater than 0 (at most 1e15)",
        );
        expect(
            (1e-4..=10.0).contains(&m.vol),
            "vol",
            "must be from 0.0001 to 10 (a fraction per √year)",
        );
        expect(
            (0.0..=100.0).contains(&m.time_years),
            "timeYears",
            "must be from 0 to 100 years",
        );
        expect(
            (-1.0..=1.0).contains(&m.rate),
            "rate",
            "must be from -1 to 1",
        );
        expect(
            (-1.0..=1.0).contains(&m.dividend_yield),
            "dividendYield",
            "must be from -1 to 1",
        );
        if self.kind.needs_strike() {
            expect(
                self.strike >= 0.0 && self.strike <= MAX_LEVEL,
                "strike",
                "must be from 0 to 1e15",
            );
        }
        if self.kind.direction().is_some() {
            expect(
                level(self.barrier),
                "barrier",
                "must be greater than 0 (at most 1e15)",
            );
        }
        if let OptionKind::Gap(_) = self.kind {
            expect(
                level(self.trigger),
                "trigger",
                "must be greater than 0 (at most 1e15)",
            );
        }
        expect(
            self.rebate >= 0.0 && self.rebate <= MAX_LEVEL,
            "rebate",
            "must be from 0 to 1e15",
        );
        if self.kind.pays_cash() {
            expect(
                self.cash >= 0.0 && self.cash <= MAX_LEVEL,
                "cash",
                "must be from 0 to 1e15",
            );
        }
        if self.kind == OptionKind::Warrant {
            expect(
                level(self.shares_outstanding),
                "sharesOutstanding",
                "must be greater than 0 (at most 1e15)",
            );
            expect(
                level(self.warrants_issued),
                "warrantsIssued",
                "must be greater than 0 (at most 1e15)",
            );
        }
        if self.kind.pays_at_hit(self.payment, self.rebate) && m.vol > 0.0 {
            let mu = (m.carry() - 0.5 * m.vol * m.vol) / (m.vol * m.vol);
            expect(
                mu * mu + 2.0 * m.rate / (m.vol * m.vol) >= 0.0,
                "rate",
                "is too negative for a payment at the hit (μ² + 2r/σ² < 0)",
            );
        }
        p
    }
}

/// A price with its sensitivities.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "OptionPrice"))]
pub struct Priced {
    pub price: f64,
    /// ∂V/∂S.
    pub delta: f64,
    /// ∂²V/∂S².
    pub gamma: f64,
    /// ∂V/∂σ per unit of σ (divide by 100 for one volatility point).
    pub vega: f64,
    /// "closed_form" for vanillas, "finite_difference" otherwise (see [`price`]).
    pub greeks: &'static str,
}

/// The price of a validated spec.
pub fn value(spec: &OptionSpec) -> f64 {
    let m = &spec.market;
    let (x, h) = (spec.strike, spec.barrier);
    match spec.kind {
        OptionKind::Vanilla(right) => vanilla::vanilla(m, right, x),
        OptionKind::CashOrNothing(right) => vanilla::cash_or_nothing(m, right, x, spec.cash),
        OptionKind::AssetOrNothing(right) => vanilla::asset_or_nothing(m, right, x),
        OptionKind::Gap(right) => vanilla::gap(m, right, x, spec.trigger),
        OptionKind::Barrier(d, k, right) => {
            barrier::barrier_option(m, d, k, right, x, h, spec.rebate)
        }
        OptionKind::OneTouch(d) => touch::one_touch(m, d, h, spec.cash, spec.payment),
        OptionKind::NoTouch(d) => touch::no_touch(m, d, h, spec.cash),
        OptionKind::AssetOneTouch(d) => touch::asset_one_touch(m, d, h, spec.payment),
        OptionKind::AssetNoTouch(d) => touch::asset_no_touch(m, d, h),
        OptionKind::BinaryBarrier(d, k, cash, right) => {
            let payoff = if cash {
                Payoff::Cash(spec.cash)
            } else {
                Payoff::Asset
            };
            binary_barrier::binary_barrier(m, d, k, payoff, right, x, h)
        }
        OptionKind::Warrant => warrant::warrant(
            m,
            x,
            spec.shares_outstanding,
            spec.warrants_issued,
            spec.dilution,
        ),
    }
}

/// Price and Greeks. Vanilla Greeks are closed-form (Haug §2.1). Others are central finite
/// differences: Δ = [V(S+h) − V(S−h)]/2h, Γ = [V(S+h) − 2V(S) + V(S−h)]/h² with h = 10⁻⁴·S,
/// shrunk to a third of the distance to the barrier so that no bump crosses it (and one-sided
/// when the spot sits on or beyond it); vega = [V(σ+10⁻⁴) − V(σ−10⁻⁴)]/2·10⁻⁴.
pub fn price(spec: &OptionSpec) -> Priced {
    let price = value(spec);
    let m = spec.market;
    if let OptionKind::Vanilla(right) = spec.kind {
        if let Some((delta, gamma, vega)) = vanilla::vanilla_greeks(&m, right, spec.strike) {
            return Priced {
                price,
                delta,
                gamma,
                vega,
                greeks: "closed_form",
            };
        }
    }
    let at = |spot: f64, vol: f64| {
        value(&OptionSpec {
            market: Market { spot, vol, ..m },
            ..*spec
        })
    };
    let s = m.spot;
    let mut h = 1e-4 * s;
    let mut forward = false;
    if let Some(direction) = spec.kind.direction() {
        let hit = binary_barrier::touched(direction, s, spec.barrier);
        if hit {
            // Bump away from the barrier so every bump stays touched.
            forward = direction == Direction::Up;
            if !forward && s - 2.0 * h <= 0.0 {
                h = s / 4.0;
            }
        } else {
            h = h.min((s - spec.barrier).abs() / 3.0);
        }
        if hit {
            let sgn = if forward { 1.0 } else { -1.0 };
            let (v1, v2) = (at(s + sgn * h, m.vol), at(s + 2.0 * sgn * h, m.vol));
            let delta = sgn * (-3.0 * price + 4.0 * v1 - v2) / (2.0 * h);
            let gamma = (price - 2.0 * v1 + v2) / (h * h);
            return Priced {
                price,
                delta,
                gamma,
                vega: vega(&at, s, m.vol),
                greeks: "finite_difference",
            };
        }
    }
    let (up, down) = (at(s + h, m.vol), at(s - h, m.vol));
    Priced {
        price,
        delta: (up - down) / (2.0 * h),
        gamma: (up - 2.0 * price + down) / (h * h),
        vega: vega(&at, s, m.vol),
        greeks: "finite_difference",
    }
}

fn vega(at: &dyn Fn(f64, f64) -> f64, s: f64, vol: f64) -> f64 {
    let dv = 1e-4_f64.min(vol / 2.0);
    (at(s, vol + dv) - at(s, vol - dv)) / (2.0 * dv)
}
