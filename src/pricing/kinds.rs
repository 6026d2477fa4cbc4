//! The option kinds of the contract: their names, what they pay, and which spec fields each
//! takes. The page asks [`option_kinds`] which fields to show instead of parsing names itself.

use serde::Serialize;

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

    pub fn direction(self) -> Option<Direction> {
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

    pub fn needs_strike(self) -> bool {
        !matches!(
            self,
            OptionKind::OneTouch(_)
                | OptionKind::NoTouch(_)
                | OptionKind::AssetOneTouch(_)
                | OptionKind::AssetNoTouch(_)
        )
    }

    pub fn pays_cash(self) -> bool {
        matches!(
            self,
            OptionKind::CashOrNothing(_)
                | OptionKind::OneTouch(_)
                | OptionKind::NoTouch(_)
                | OptionKind::BinaryBarrier(_, _, true, _)
        )
    }

    /// Whether a payment at the first touch is part of the price (needs λ real).
    pub fn pays_at_hit(self, payment: Payment, rebate: f64) -> bool {
        match self {
            OptionKind::OneTouch(_) | OptionKind::AssetOneTouch(_) => payment == Payment::AtHit,
            OptionKind::Barrier(_, Knock::Out, _) => rebate != 0.0,
            _ => false,
        }
    }
}

/// Names of the directions, knocks and rights, in the contract's order.
const DIRECTIONS: [(Direction, &str); 2] = [(Direction::Up, "up"), (Direction::Down, "down")];
const KNOCKS: [(Knock, &str); 2] = [(Knock::In, "in"), (Knock::Out, "out")];
const RIGHTS: [(Right, &str); 2] = [(Right::Call, "call"), (Right::Put, "put")];

impl OptionKind {
    /// Every kind, in the contract's order.
    pub fn all() -> Vec<OptionKind> {
        use OptionKind::*;
        let mut kinds = Vec::new();
        for make in [Vanilla, CashOrNothing, AssetOrNothing, Gap] {
            kinds.extend(RIGHTS.map(|(r, _)| make(r)));
        }
        for (d, _) in DIRECTIONS {
            for (k, _) in KNOCKS {
                kinds.extend(RIGHTS.map(|(r, _)| Barrier(d, k, r)));
            }
        }
        for make in [OneTouch, NoTouch, AssetOneTouch, AssetNoTouch] {
            kinds.extend(DIRECTIONS.map(|(d, _)| make(d)));
        }
        for (d, _) in DIRECTIONS {
            for (k, _) in KNOCKS {
                for cash in [true, false] {
                    kinds.extend(RIGHTS.map(|(r, _)| BinaryBarrier(d, k, cash, r)));
                }
            }
        }
        kinds.push(Warrant);
        kinds
    }

    /// The contract's name of the kind (the inverse of [`OptionKind::parse`]).
    pub fn name(self) -> String {
        use OptionKind::*;
        let d = |d: Direction| DIRECTIONS.iter().find(|x| x.0 == d).map_or("", |x| x.1);
        let k = |k: Knock| KNOCKS.iter().find(|x| x.0 == k).map_or("", |x| x.1);
        let r = |r: Right| RIGHTS.iter().find(|x| x.0 == r).map_or("", |x| x.1);
        match self {
            Vanilla(x) => format!("bs_{}", r(x)),
            CashOrNothing(x) => format!("cash_or_nothing_{}", r(x)),
            AssetOrNothing(x) => format!("asset_or_nothing_{}", r(x)),
            Gap(x) => format!("gap_{}", r(x)),
            Barrier(dd, kk, x) => format!("{}_and_{}_{}", d(dd), k(kk), r(x)),
            OneTouch(dd) => format!("one_touch_{}", d(dd)),
            NoTouch(dd) => format!("no_touch_{}", d(dd)),
            AssetOneTouch(dd) => format!("asset_one_touch_{}", d(dd)),
            AssetNoTouch(dd) => format!("asset_no_touch_{}", d(dd)),
            BinaryBarrier(dd, kk, cash, x) => {
                let pays = if cash { "cash" } else { "asset" };
                format!("{}_and_{}_{pays}_or_nothing_{}", d(dd), k(kk), r(x))
            }
            Warrant => "warrant".to_string(),
        }
    }

    /// The spec fields this kind takes besides the market's (`spot`, `rate`, `dividendYield`,
    /// `vol`, `timeYears`), in the order a form shows them. The reader requires exactly the
    /// ones that have no default (`strike`, `barrier`, `trigger`, the warrant's counts).
    pub fn fields(self) -> Vec<&'static str> {
        let mut f = Vec::new();
        if self.needs_strike() {
            f.push("strike");
        }
        if self.direction().is_some() {
            f.push("barrier");
        }
        if matches!(self, OptionKind::Barrier(..)) {
            f.push("rebate");
        }
        if self.pays_cash() {
            f.push("cash");
        }
        if matches!(self, OptionKind::Gap(_)) {
            f.push("trigger");
        }
        if matches!(self, OptionKind::OneTouch(_) | OptionKind::AssetOneTouch(_)) {
            f.push("payment");
        }
        if self == OptionKind::Warrant {
            f.extend(["sharesOutstanding", "warrantsIssued", "dilution"]);
        }
        f
    }
}

/// The market fields every kind takes.
pub const MARKET_FIELDS: [&str; 5] = ["spot", "rate", "dividendYield", "vol", "timeYears"];

/// One kind as `optionKinds()` lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KindInfo {
    /// The contract's name, e.g. `up_and_out_call`.
    pub kind: String,
    /// The fields it takes besides the market's ([`MARKET_FIELDS`]).
    pub fields: Vec<&'static str>,
}

/// Every kind with the fields it takes: what the pricing form shows.
pub fn option_kinds() -> Vec<KindInfo> {
    OptionKind::all()
        .into_iter()
        .map(|k| KindInfo {
            kind: k.name(),
            fields: k.fields(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        let all = OptionKind::all();
        assert_eq!(all.len(), 41);
        for k in all {
            assert_eq!(OptionKind::parse(&k.name()), Some(k), "{}", k.name());
        }
    }

    #[test]
    fn fields_follow_the_payoff() {
        let fields = |name: &str| OptionKind::parse(name).unwrap().fields();
        assert_eq!(fields("one_touch_up"), ["barrier", "cash", "payment"]);
        assert_eq!(fields("up_and_out_call"), ["strike", "barrier", "rebate"]);
        assert_eq!(fields("gap_put"), ["strike", "trigger"]);
        assert_eq!(
            fields("down_and_in_asset_or_nothing_call"),
            ["strike", "barrier"]
        );
        assert_eq!(
            fields("warrant"),
            ["strike", "sharesOutstanding", "warrantsIssued", "dilution"]
        );
    }
}
