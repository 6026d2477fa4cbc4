//! Calendar dates: ISO `YYYY-MM-DD` text, day counts and year fractions.
//!
//! A [`Date`] is a count of days since 1970-01-01 in the proleptic Gregorian calendar. The
//! conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
//! ("chrono-Compatible Low-Level Date Algorithms", 2013), exact for every date we accept.
//! We write them here instead of pulling in a date crate: they are twenty lines, and every
//! dependency pays its size in the Wasm.
//!
//! Conventions used throughout dealcalc:
//! - year fractions are ACT/365.25 ([`years_between`]);
//! - a month is 365.25 / 12 = 30.4375 days ([`DAYS_PER_MONTH`]);
//! - trading days are Monday to Friday, with no holiday calendar ([`Date::is_weekday`]).

use serde::{Serialize, Serializer};

/// Days in a year for year fractions (ACT/365.25).
pub const DAYS_PER_YEAR: f64 = 365.25;
/// Days in an average month (365.25 / 12), for delays given in months.
pub const DAYS_PER_MONTH: f64 = DAYS_PER_YEAR / 12.0;

/// Earliest year accepted from input; earlier dates are certainly typing errors.
pub const MIN_YEAR: i64 = 1900;
/// Latest year accepted from input.
pub const MAX_YEAR: i64 = 2200;

/// A calendar day: days since 1970-01-01. In JSON (and in TypeScript, as `IsoDate`) it is the
/// text `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "IsoDate", type = "string")
)]
pub struct Date(pub i64);

impl Date {
    /// The date of a civil year, month (1–12) and day (1–31), without range checks.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Date {
        // Hinnant, days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i64;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1–12) and day (1–31) of this date.
    pub fn ymd(self) -> (i64, u32, u32) {
        // Hinnant, civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// The calendar year of this date.
    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// Parses strict ISO `YYYY-MM-DD` with a real month and day, years [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn parse(text: &str) -> Result<Date, String> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(format!(
                "'{}' is not a date of the form YYYY-MM-DD",
                clip(text)
            ));
        }
        let num = |r: std::ops::Range<usize>| -> i64 {
            b[r].iter().fold(0, |acc, c| acc * 10 + i64::from(c - b'0'))
        };
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return Err(format!("year {y} is outside {MIN_YEAR}..{MAX_YEAR}"));
        }
        if !(1..=12).contains(&m) {
            return Err(format!("month {m} does not exist"));
        }
        if d < 1 || d > days_in_month(y, m as u32) as i64 {
            return Err(format!("{text} does not exist"));
        }
        Ok(Date::from_ymd(y, m as u32, d as u32))
    }

    /// This date plus a whole number of days.
    pub fn plus_days(self, days: i64) -> Date {
        Date(self.0 + days)
    }

    /// Monday to Friday. 1970-01-01 was a Thursday.
    pub fn is_weekday(self) -> bool {
        // 0 = Thursday, ..., 2 = Saturday, 3 = Sunday.
        !matches!(self.0.rem_euclid(7), 2 | 3)
    }

    /// The first day of a year.
    pub fn start_of_year(year: i64) -> Date {
        Date::from_ymd(year, 1, 1)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Years from `a` to `b` under ACT/365.25 (negative when `b` is earlier).
pub fn years_between(a: Date, b: Date) -> f64 {
    (b.0 - a.0) as f64 / DAYS_PER_YEAR
}

/// The date `years` (ACT/365.25) after `from`, rounded up to a whole day so that a
/// condition reached during a day counts from that day on.
pub fn date_after_years(from: Date, years: f64) -> Date {
    from.plus_days(f64::ceil(years * DAYS_PER_YEAR - 1e-9) as i64)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn clip(text: &str) -> String {
    text.chars().take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1), Date(0));
        assert_eq!(Date::parse("2000-03-01").unwrap(), Date(11_017));
        assert_eq!(Date::parse("2025-10-06").unwrap().to_string(), "2025-10-06");
    }

    #[test]
    fn round_trip_over_three_centuries() {
        let start = Date::from_ymd(1900, 1, 1).0;
        let end = Date::from_ymd(2200, 12, 31).0;
        for n in start..=end {
            let (y, m, d) = Date(n).ymd();
            assert_eq!(Date::from_ymd(y, m, d), Date(n));
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "25-10-06",
            "2025/10/06",
            "2025-10-6",
            "",
            "1800-01-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn weekdays() {
        // 2025-10-06 was a Monday, 2025-10-04 a Saturday.
        assert!(Date::parse("2025-10-06").unwrap().is_weekday());
        assert!(!Date::parse("2025-10-04").unwrap().is_weekday());
        assert!(!Date::parse("2025-10-05").unwrap().is_weekday());
    }

    #[test]
    fn year_fractions() {
        let a = Date::parse("2025-01-01").unwrap();
        let b = Date::parse("2026-01-01").unwrap();
        assert!((years_between(a, b) - 365.0 / 365.25).abs() < 1e-12);
        assert_eq!(date_after_years(a, years_between(a, b)), b);
    }
}
