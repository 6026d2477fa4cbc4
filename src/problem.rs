//! Problems with an input, each tied to the field path it concerns.
//!
//! Every fallible entry point of dealcalc returns `Result<_, Vec<Problem>>` with *every* problem
//! found, not just the first, so that the page can show each one beside its field. Paths use the
//! contract's notation: `warrant.tranches[2].priceTarget`; the empty path means the whole input.

use serde::Serialize;

/// One thing wrong with an input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Problem {
    /// Field path in the contract's notation, e.g. `capacity.phases[0].gw`.
    pub path: String,
    /// A readable sentence for the user, without the path.
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_contract_notation() {
        let p = index(&field(&field("", "warrant"), "tranches"), 2);
        assert_eq!(field(&p, "priceTarget"), "warrant.tranches[2].priceTarget");
    }

    #[test]
    fn summary_counts_the_rest() {
        let ps = vec![Problem::new("a", "bad"), Problem::new("b", "worse")];
        assert_eq!(summary(&ps), "a: bad (and 1 more problem)");
    }
}
