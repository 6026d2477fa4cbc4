//! Pass 1: the shape of a scenario. Turns a JSON value into typed structs, collecting every
//! problem of type, presence and syntax with its field path.
//!
//! Policy (see README, "Limits and errors"):
//! - a required field that is absent is a problem ("is required");
//! - `null` in a number field is a problem: JS `NaN` and `±Infinity` arrive as `null`, so the
//!   message says "must be a finite number";
//! - an optional field may be absent or `null`;
//! - an unknown field is a problem, so that a misspelt optional field never passes silently.

use super::*;
use crate::problem::{field, index};
use serde_json::{Map, Value};

type Object = Map<String, Value>;

/// Collects problems while reading; each reader returns `None` when its part is unusable.
struct Reader {
    problems: Vec<Problem>,
    /// Paths that are not objects where objects belong: nothing inside them is reported.
    not_objects: Vec<String>,
}

/// Reads a scenario. Parts with a problem are replaced by placeholders (NaN, "", defaults) so
/// that pass 2 can still check everything else; the problems say which parts those are.
pub(super) fn scenario(value: &Value) -> (Scenario, Vec<Problem>) {
    let mut r = Reader {
        problems: Vec::new(),
        not_objects: Vec::new(),
    };
    let s = r.scenario(value);
    (s, r.problems)
}

const SCENARIO_FIELDS: &[&str] = &[
    "name",
    "currency",
    "valuationDate",
    "capacity",
    "equity",
    "warrant",
    "investment",
    "contract",
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
];
const WARRANT_FIELDS: &[&str] = &[
    "holder",
    "shares",
    "strike",
    "issueDate",
    "expiryDate",
    "tranches",
];
const TRANCHE_FIELDS: &[&str] = &["shares", "gwTrigger", "priceTarget", "priceTest"];
const PRICE_TEST_FIELDS: &[&str] = &["kind", "days"];
const INVESTMENT_FIELDS: &[&str] = &["investor", "usdPerGw", "maxUsd"];
const CONTRACT_FIELDS: &[&str] = &["valueUsd", "years"];
const SOURCE_FIELDS: &[&str] = &["field", "title", "url", "note"];

impl Reader {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        let inside_non_object = self.not_objects.iter().any(|o| {
            path.strip_prefix(o.as_str())
                .is_some_and(|rest| o.is_empty() || rest.starts_with('.'))
        });
        if !inside_non_object {
            self.problems.push(Problem::new(path, message));
        }
    }

    fn scenario(&mut self, v: &Value) -> Scenario {
        let o = self.object(v, "", SCENARIO_FIELDS);
        Scenario {
            name: self.string(o, "name", ""),
            currency: self.string(o, "currency", ""),
            valuation_date: self.date(o, "valuationDate", ""),
            capacity: self.required(o, "capacity", "", Reader::capacity),
            equity: self.required(o, "equity", "", Reader::equity),
            warrant: self.optional(o, "warrant", "", Reader::warrant),
            investment: self.optional(o, "investment", "", Reader::investment),
            contract: self.optional(o, "contract", "", Reader::contract),
            sources: self.list(o, "sources", "", false, Reader::source),
        }
    }

    fn capacity(&mut self, v: &Value, path: &str) -> Capacity {
        let o = self.object(v, path, CAPACITY_FIELDS);
        let gw_basis = match self.opt_string(o, "gwBasis", path).as_deref() {
            None | Some("facility") => GwBasis::Facility,
            Some("it") => GwBasis::It,
            Some(other) => {
                let msg = format!("must be \"facility\" or \"it\", not \"{}\"", clip(other));
                self.problem(&field(path, "gwBasis"), msg);
                GwBasis::Facility
            }
        };
        Capacity {
            phases: self.list(o, "phases", path, true, Reader::phase),
            gw_basis,
            pue: self.number(o, "pue", path),
            capex_per_gw_usd: self.number(o, "capexPerGwUsd", path),
            capex_split: self.required(o, "capexSplit", path, Reader::split),
            vendor_revenue_per_gw_usd: self.number(o, "vendorRevenuePerGwUsd", path),
            watts_per_accelerator: self.number(o, "wattsPerAccelerator", path),
            electricity_usd_per_mwh: self.number(o, "electricityUsdPerMwh", path),
            utilization: self.number(o, "utilization", path),
            hardware_life_years: self.number(o, "hardwareLifeYears", path),
        }
    }

    fn phase(&mut self, v: &Value, path: &str) -> Phase {
        let o = self.object(v, path, PHASE_FIELDS);
        Phase {
            label: self.opt_string(o, "label", path).unwrap_or_default(),
            gw: self.number(o, "gw", path),
            start: self.date(o, "start", path),
            end: self.date(o, "end", path),
            binding: self.opt_bool(o, "binding", path).unwrap_or(false),
            probability: self.opt_number(o, "probability", path).unwrap_or(1.0),
            delay_months: self.optional(o, "delayMonths", path, Reader::triangular),
        }
    }

    fn triangular(&mut self, v: &Value, path: &str) -> Triangular {
        let o = self.object(v, path, TRIANGULAR_FIELDS);
        Triangular {
            min: self.number(o, "min", path),
            mode: self.number(o, "mode", path),
            max: self.number(o, "max", path),
        }
    }

    fn split(&mut self, v: &Value, path: &str) -> CapexSplit {
        let o = self.object(v, path, SPLIT_FIELDS);
        CapexSplit {
            accelerators: self.number(o, "accelerators", path),
            networking: self.number(o, "networking", path),
            facility: self.number(o, "facility", path),
            other: self.number(o, "other", path),
        }
    }

    fn equity(&mut self, v: &Value, path: &str) -> Equity {
        let o = self.object(v, path, EQUITY_FIELDS);
        Equity {
            issuer: self.string(o, "issuer", path),
            shares_outstanding: self.number(o, "sharesOutstanding", path),
            share_price: self.number(o, "sharePrice", path),
            volatility: self.number(o, "volatility", path),
            dividend_yield: self.number(o, "dividendYield", path),
            risk_free_rate: self.number(o, "riskFreeRate", path),
            expected_return: self.opt_number(o, "expectedReturn", path),
        }
    }

    fn warrant(&mut self, v: &Value, path: &str) -> Warrant {
        let o = self.object(v, path, WARRANT_FIELDS);
        Warrant {
            holder: self.string(o, "holder", path),
            shares: self.number(o, "shares", path),
            strike: self.number(o, "strike", path),
            issue_date: self.date(o, "issueDate", path),
            expiry_date: self.date(o, "expiryDate", path),
            tranches: self.list(o, "tranches", path, true, Reader::tranche),
        }
    }

    fn tranche(&mut self, v: &Value, path: &str) -> Tranche {
        let o = self.object(v, path, TRANCHE_FIELDS);
        Tranche {
            shares: self.number(o, "shares", path),
            gw_trigger: self.number(o, "gwTrigger", path),
            price_target: self.opt_number(o, "priceTarget", path),
            price_test: self
                .optional(o, "priceTest", path, Reader::price_test)
                .unwrap_or_default(),
        }
    }

    fn price_test(&mut self, v: &Value, path: &str) -> PriceTest {
        let o = self.object(v, path, PRICE_TEST_FIELDS);
        let kind = match self.string(o, "kind", path).as_str() {
            "touch" => PriceTestKind::Touch,
            "close" => PriceTestKind::Close,
            "average" => PriceTestKind::Average,
            "" => PriceTestKind::Touch, // missing: already a problem
            other => {
                let msg = format!(
                    "must be \"touch\", \"close\" or \"average\", not \"{}\"",
                    clip(other)
                );
                self.problem(&field(path, "kind"), msg);
                PriceTestKind::Touch
            }
        };
        let days_path = field(path, "days");
        let days = match self.opt_number(o, "days", path) {
            None if kind == PriceTestKind::Average => {
                if !self.has_problem(&days_path) {
                    self.problem(&days_path, "is required for an average test");
                }
                1
            }
            None => 1,
            Some(d) if (1.0..=1000.0).contains(&d) && d.fract() == 0.0 => d as u32,
            Some(_) => {
                self.problem(
                    &days_path,
                    "must be a whole number of trading days from 1 to 1000",
                );
                1
            }
        };
        PriceTest { kind, days }
    }

    fn investment(&mut self, v: &Value, path: &str) -> Investment {
        let o = self.object(v, path, INVESTMENT_FIELDS);
        Investment {
            investor: self.string(o, "investor", path),
            usd_per_gw: self.number(o, "usdPerGw", path),
            max_usd: self.number(o, "maxUsd", path),
        }
    }

    fn contract(&mut self, v: &Value, path: &str) -> Contract {
        let o = self.object(v, path, CONTRACT_FIELDS);
        Contract {
            value_usd: self.number(o, "valueUsd", path),
            years: self.number(o, "years", path),
        }
    }

    fn source(&mut self, v: &Value, path: &str) -> Source {
        let o = self.object(v, path, SOURCE_FIELDS);
        Source {
            field: self.string(o, "field", path),
            title: self.opt_string(o, "title", path).unwrap_or_default(),
            url: self.opt_string(o, "url", path).unwrap_or_default(),
            note: self.opt_string(o, "note", path).unwrap_or_default(),
        }
    }

    // ---- building blocks: each reports its problem and returns a placeholder ----

    fn has_problem(&self, path: &str) -> bool {
        self.problems.iter().any(|p| p.path == path)
    }

    /// The fields of an object (an empty map if `v` is not one); unknown fields are reported.
    fn object<'v>(&mut self, v: &'v Value, path: &str, known: &[&str]) -> &'v Object {
        static EMPTY: std::sync::OnceLock<Object> = std::sync::OnceLock::new();
        match v {
            Value::Object(o) => {
                for key in o.keys() {
                    if !known.contains(&key.as_str()) {
                        let msg = format!("unknown field; expected one of: {}", known.join(", "));
                        self.problem(&field(path, &clip(key)), msg);
                    }
                }
                o
            }
            other => {
                let msg = format!("must be an object, not {}", kind_of(other));
                self.problem(path, msg);
                self.not_objects.push(path.to_string());
                EMPTY.get_or_init(Object::new)
            }
        }
    }

    /// A required object-valued field (its placeholder if absent).
    fn required<T: Default>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> T {
        let p = field(path, key);
        match o.get(key) {
            None | Some(Value::Null) => {
                self.problem(&p, "is required");
                T::default()
            }
            Some(v) => read(self, v, &p),
        }
    }

    /// An optional object-valued field: `None` when absent or null.
    fn optional<T>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> Option<T> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(read(self, v, &field(path, key))),
        }
    }

    /// A list of items; `non_empty` makes an empty or absent list a problem.
    fn list<T>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        non_empty: bool,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> Vec<T> {
        let p = field(path, key);
        let items = match o.get(key) {
            None | Some(Value::Null) if !non_empty => return Vec::new(),
            None | Some(Value::Null) => {
                self.problem(&p, "is required");
                return Vec::new();
            }
            Some(Value::Array(items)) => items,
            Some(other) => {
                let msg = format!("must be a list, not {}", kind_of(other));
                self.problem(&p, msg);
                return Vec::new();
            }
        };
        if non_empty && items.is_empty() {
            self.problem(&p, "needs at least one entry");
        }
        if items.len() > MAX_LIST_LEN {
            self.problem(&p, format!("has more than {MAX_LIST_LEN} entries"));
            return Vec::new();
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &index(&p, i)))
            .collect()
    }

    /// A required finite number (NaN placeholder).
    fn number(&mut self, o: &Object, key: &str, path: &str) -> f64 {
        match self.opt_number(o, key, path) {
            Some(x) => x,
            None => {
                let p = field(path, key);
                if !self.has_problem(&p) {
                    if o.contains_key(key) {
                        self.problem(&p, "must be a finite number");
                    } else {
                        self.problem(&p, "is required");
                    }
                }
                f64::NAN
            }
        }
    }

    /// An optional finite number: `None` when absent or null (and when bad, reported).
    fn opt_number(&mut self, o: &Object, key: &str, path: &str) -> Option<f64> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if x.is_finite() => Some(x),
                _ => {
                    self.problem(&field(path, key), "must be a finite number");
                    None
                }
            },
            Some(other) => {
                let msg = format!("must be a number, not {}", kind_of(other));
                self.problem(&field(path, key), msg);
                None
            }
        }
    }

    /// A required text ("" placeholder).
    fn string(&mut self, o: &Object, key: &str, path: &str) -> String {
        let p = field(path, key);
        match self.opt_string(o, key, path) {
            Some(s) => s,
            None => {
                if !self.has_problem(&p) {
                    self.problem(&p, "is required");
                }
                String::new()
            }
        }
    }

    fn opt_string(&mut self, o: &Object, key: &str, path: &str) -> Option<String> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.len() <= MAX_TEXT_BYTES => Some(s.clone()),
            Some(Value::String(_)) => {
                let msg = format!("is longer than {MAX_TEXT_BYTES} bytes");
                self.problem(&field(path, key), msg);
                None
            }
            Some(other) => {
                let msg = format!("must be text, not {}", kind_of(other));
                self.problem(&field(path, key), msg);
                None
            }
        }
    }

    fn opt_bool(&mut self, o: &Object, key: &str, path: &str) -> Option<bool> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                let msg = format!("must be true or false, not {}", kind_of(other));
                self.problem(&field(path, key), msg);
                None
            }
        }
    }

    /// A required ISO date (1970-01-01 placeholder).
    fn date(&mut self, o: &Object, key: &str, path: &str) -> Date {
        let p = field(path, key);
        let text = self.string(o, key, path);
        if self.has_problem(&p) {
            return Date::default();
        }
        match Date::parse(&text) {
            Ok(d) => d,
            Err(msg) => {
                self.problem(&p, msg);
                Date::default()
            }
        }
    }
}

/// Longest list accepted (phases, tranches, sources).
pub const MAX_LIST_LEN: usize = 200;

/// Longest text accepted in any string field (names, labels, source notes and addresses).
pub const MAX_TEXT_BYTES: usize = 2000;

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The first characters of user text, for messages.
fn clip(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}
