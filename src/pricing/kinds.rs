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
        KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// The contract's name of the kind.
    pub fn name(self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
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

/// Every kind with its name, in the contract's order: the one table that `parse`, `name` and
/// `option_kinds` read.
const KINDS: [(&str, OptionKind); 41] = {
    use Direction::{Down, Up};
    use Knock::{In, Out};
    use OptionKind::*;
    use Right::{Call, Put};
    [
        ("bs_call", Vanilla(Call)),
        ("bs_put", Vanilla(Put)),
        ("cash_or_nothing_call", CashOrNothing(Call)),
        ("cash_or_nothing_put", CashOrNothing(Put)),
        ("asset_or_nothing_call", AssetOrNothing(Call)),
        ("asset_or_nothing_put", AssetOrNothing(Put)),
        ("gap_call", Gap(Call)),
        ("gap_put", Gap(Put)),
        ("up_and_in_call", Barrier(Up, In, Call)),
        ("up_and_in_put", Barrier(Up, In, Put)),
        ("up_and_out_call", Barrier(Up, Out, Call)),
        ("up_and_out_put", Barrier(Up, Out, Put)),
        ("down_and_in_call", Barrier(Down, In, Call)),
        ("down_and_in_put", Barrier(Down, In, Put)),
        ("down_and_out_call", Barrier(Down, Out, Call)),
        ("down_and_out_put", Barrier(Down, Out, Put)),
        ("one_touch_up", OneTouch(Up)),
        ("one_touch_down", OneTouch(Down)),
        ("no_touch_up", NoTouch(Up)),
        ("no_touch_down", NoTouch(Down)),
        ("asset_one_touch_up", AssetOneTouch(Up)),
        ("asset_one_touch_down", AssetOneTouch(Down)),
        ("asset_no_touch_up", AssetNoTouch(Up)),
        ("asset_no_touch_down", AssetNoTouch(Down)),
        (
            "up_and_in_cash_or_nothing_call",
            BinaryBarrier(Up, In, true, Call),
        ),
        (
            "up_and_in_cash_or_nothing_put",
            BinaryBarrier(Up, In, true, Put),
        ),
        (
            "up_and_in_asset_or_nothing_call",
            BinaryBarrier(Up, In, false, Call),
        ),
        (
            "up_and_in_asset_or_nothing_put",
            BinaryBarrier(Up, In, false, Put),
        ),
        (
            "up_and_out_cash_or_nothing_call",
            BinaryBarrier(Up, Out, true, Call),
        ),
        (
            "up_and_out_cash_or_nothing_put",
            BinaryBarrier(Up, Out, true, Put),
        ),
        (
            "up_and_out_asset_or_nothing_call",
            BinaryBarrier(Up, Out, false, Call),
        ),
        (
            "up_and_out_asset_or_nothing_put",
            BinaryBarrier(Up, Out, false, Put),
        ),
        (
            "down_and_in_cash_or_nothing_call",
            BinaryBarrier(Down, In, true, Call),
        ),
        (
            "down_and_in_cash_or_nothing_put",
            BinaryBarrier(Down, In, true, Put),
        ),
        (
            "down_and_in_asset_or_nothing_call",
            BinaryBarrier(Down, In, false, Call),
        ),
        (
            "down_and_in_asset_or_nothing_put",
            BinaryBarrier(Down, In, false, Put),
        ),
        (
            "down_and_out_cash_or_nothing_call",
            BinaryBarrier(Down, Out, true, Call),
        ),
        (
            "down_and_out_cash_or_nothing_put",
            BinaryBarrier(Down, Out, true, Put),
        ),
        (
            "down_and_out_asset_or_nothing_call",
            BinaryBarrier(Down, Out, false, Call),
        ),
        (
            "down_and_out_asset_or_nothing_put",
            BinaryBarrier(Down, Out, false, Put),
        ),
        ("warrant", Warrant),
    ]
};

impl OptionKind {
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
    pub kind: &'static str,
    /// The fields it takes besides the market's ([`MARKET_FIELDS`]).
    pub fields: Vec<&'static str>,
}

/// Every kind with the fields it takes: what the pricing form shows.
pub fn option_kinds() -> Vec<KindInfo> {
    KINDS
        .iter()
        .map(|&(name, k)| KindInfo {
            kind: name,
            fields: k.fields(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_name() {
        for (name, kind) in KINDS {
            assert_eq!(OptionKind::parse(name), Some(kind), "{name}");
            assert_eq!(kind.name(), name);
        }
        let mut names: Vec<&str> = KINDS.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
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
