//! Small numeric rules every engine shares: arithmetic conventions, and the standard normal
//! distribution ([`normal`]) that the closed forms, the deployment copula and the quasi-random
//! paths all draw on. Finance lives in the engines.

pub mod normal;

/// a ÷ b, or 0 when b is 0 (a share of nothing is reported as nothing, not NaN).
pub fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_nothing_is_nothing() {
        assert_eq!(ratio(3.0, 0.0), 0.0);
        assert_eq!(ratio(3.0, 2.0), 1.5);
    }
}
