//! Problems with an input, each tied to the field path it concerns.
//!
//! Every fallible entry point of dealcalc returns `Result<_, Vec<Problem>>` with *every* problem
//! found, not just the first, so that the page can show each one beside its field. Paths use the
//! contract's notation: `warrant.tranches[2].priceTarget`; the empty path means the whole input.
//!
//! A problem says the same thing twice: `message` is an English sentence for API users, and
//! `code` with `params` is the same statement as data (`"range"` with `{min: 0.0001, max: 5}`),
//! from which a page writes it in its own language. The core holds no other language than the
//! English of `message`.

use serde::Serialize;

/// A parameter of a problem: a number or a piece of text (an id, a field name, user text).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Param {
    Number(f64),
    Text(String),
}

impl From<f64> for Param {
    fn from(x: f64) -> Param {
        Param::Number(x)
    }
}

impl From<usize> for Param {
    fn from(x: usize) -> Param {
        Param::Number(x as f64)
    }
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Text(s.to_string())
    }
}

impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(s)
    }
}

/// One thing wrong with an input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Problem {
    /// Field path in the contract's notation, e.g. `capacity.phases[0].gw`.
    pub path: String,
    /// A readable English sentence, without the path.
    pub message: String,
    /// A stable id of what is wrong (`"required"`, `"range"`, `"unknown_field"`, ...): the
    /// list with the parameters each carries is in `www/i18n/problems.js`.
    pub code: &'static str,
    /// The values the message is made of (`{min, max}` for a range), in insertion order.
    #[cfg_attr(feature = "typescript", ts(type = "Record<string, number | string>"))]
    pub params: Params,
}

/// A problem's parameters: serialized as one object, keys in insertion order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Params {
    /// The parameter named `key`.
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl Problem {
    /// A problem at `path` with its `code` and English `message`; add parameters with
    /// [`Problem::with`].
    pub fn new(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            code,
            params: Params::default(),
        }
    }

    /// "must be a finite number" at `path` (`not_finite`): a NaN or ±Infinity, wherever one
    /// stands, is this problem and never a default.
    pub fn not_finite(path: impl Into<String>) -> Problem {
        Problem::new(path, "not_finite", "must be a finite number")
    }

    /// The same problem with one more parameter.
    pub fn with(mut self, key: &'static str, value: impl Into<Param>) -> Problem {
        self.params.0.push((key, value.into()));
        self
    }

    /// The same problem at another path (inside a list: `[3].equity.sharePrice`).
    pub fn at(mut self, path: String) -> Problem {
        self.path = path;
        self
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// One readable line for a list of problems, used as an error's message.
pub fn summary(problems: &[Problem]) -> String {
    match problems {
        [] => "no problems".to_string(),
        [one] => one.to_string(),
        [first, rest @ ..] if rest.len() == 1 => format!("{first} (and 1 more problem)"),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

/// The path of `key` inside the object at `path`.
pub fn field(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of element `index` of the array at `path`.
pub fn index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The path of `inner` (a path inside element `i` of a list given as the whole input).
pub fn in_list(i: usize, inner: &str) -> String {
    if inner.is_empty() {
        format!("[{i}]")
    } else {
        format!("[{i}].{inner}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_contract_notation() {
        let p = index(&field(&field("", "warrant"), "tranches"), 2);
        assert_eq!(field(&p, "priceTarget"), "warrant.tranches[2].priceTarget");
        assert_eq!(in_list(1, "equity.sharePrice"), "[1].equity.sharePrice");
        assert_eq!(in_list(1, ""), "[1]");
    }

    #[test]
    fn summary_counts_the_rest() {
        let ps = vec![
            Problem::new("a", "test", "bad"),
            Problem::new("b", "test", "worse"),
        ];
        assert_eq!(summary(&ps), "a: bad (and 1 more problem)");
    }

    #[test]
    fn params_serialize_as_an_object_in_order() {
        let p = Problem::new("x", "range", "must be from 1 to 2")
            .with("min", 1.0)
            .with("max", 2.0);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"path":"x","message":"must be from 1 to 2","code":"range","params":{"min":1.0,"max":2.0}}"#
        );
    }
}
