//! The gigawatts online over time: each phase's linear ramp (a step on the day when its start
//! and end are equal), their sum, and the first time a number of gigawatts is online, solved
//! exactly on the piecewise-linear sum. The schedule, the vesting timeline and the simulation's
//! deployment all read the gigawatts online through [`Ramp`].

use super::delivery_lead_days;
use crate::date::Date;
use crate::scenario::{Capacity, Phase};

/// One phase's linear ramp in continuous time (days since 1970-01-01).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RampPiece {
    pub gw: f64,
    pub start_day: f64,
    pub end_day: f64,
}

impl RampPiece {
    /// Share of the piece online at `t`; with `at_or_before` the value just before a step at
    /// `t` is not yet counted (left limit), otherwise it is (right limit).
    fn share(&self, t: f64, left_limit: bool) -> f64 {
        if self.end_day <= self.start_day {
            let on = if left_limit {
                t > self.start_day
            } else {
                t >= self.start_day
            };
            if on {
                1.0
            } else {
                0.0
            }
        } else {
            ((t - self.start_day) / (self.end_day - self.start_day)).clamp(0.0, 1.0)
        }
    }
}

/// The cumulative gigawatts online over time: a sum of linear ramps, non-decreasing and
/// piecewise linear between the pieces' start and end days.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ramp {
    pub pieces: Vec<RampPiece>,
}

impl Ramp {
    /// The ramp of every phase as scheduled (no delay, all phases happen).
    pub fn from_phases(phases: &[Phase]) -> Ramp {
        Ramp {
            pieces: phases
                .iter()
                .map(|p| RampPiece {
                    gw: p.gw,
                    start_day: p.start.0 as f64,
                    end_day: p.end.0 as f64,
                })
                .collect(),
        }
    }

    /// The ramp of delivered (bought) GW: every phase as scheduled, `deliveryLeadMonths`
    /// earlier. GW milestones count these.
    pub fn delivered(k: &Capacity) -> Ramp {
        let lead = delivery_lead_days(k);
        let mut ramp = Ramp::from_phases(&k.phases);
        for p in &mut ramp.pieces {
            p.start_day -= lead;
            p.end_day -= lead;
        }
        ramp
    }

    /// GW online at time `t` (days), steps on that day included.
    #[inline]
    pub fn online_gw(&self, t: f64) -> f64 {
        self.pieces.iter().map(|p| p.gw * p.share(t, false)).sum()
    }

    /// GW online just before time `t` (steps on that day not yet included).
    #[inline]
    pub fn online_gw_before(&self, t: f64) -> f64 {
        self.pieces.iter().map(|p| p.gw * p.share(t, true)).sum()
    }

    /// Total GW once every piece is online.
    pub fn total_gw(&self) -> f64 {
        self.pieces.iter().map(|p| p.gw).sum()
    }

    fn breakpoints(&self) -> Vec<f64> {
        let mut b = Vec::new();
        self.breakpoints_into(&mut b);
        b
    }

    /// The pieces' start and end days, sorted and without repeats, into `out`.
    fn breakpoints_into(&self, out: &mut Vec<f64>) {
        out.clear();
        out.extend(self.pieces.iter().flat_map(|p| [p.start_day, p.end_day]));
        crate::numeric::sort_short(out, |a, b| a.total_cmp(b).is_lt());
        out.dedup();
    }

    /// The ramp's [`RampProfile`] into `out` (the Monte Carlo reuses one for every path).
    pub fn profile_into(&self, out: &mut RampProfile) {
        self.breakpoints_into(&mut out.days);
        out.online_gw.clear();
        out.online_gw_before.clear();
        for &t in &out.days {
            out.online_gw.push(self.online_gw(t));
            out.online_gw_before.push(self.online_gw_before(t));
        }
    }

    /// The first time (days) at which at least `gw` are online, solved exactly on the
    /// piecewise-linear ramp; `None` if the ramp never gets there ([`RampProfile::time_to_reach`]).
    pub fn time_to_reach(&self, gw: f64) -> Option<f64> {
        let mut profile = RampProfile::default();
        self.profile_into(&mut profile);
        profile.time_to_reach(gw)
    }

    /// The calendar day on which `gw` are first online (the day the ramp crosses it).
    pub fn date_reaching(&self, gw: f64) -> Option<Date> {
        self.time_to_reach(gw)
            .map(|t| Date(f64::ceil(t - 1e-9) as i64))
    }

    /// ∫ GW online dt over [a, b] in GW·days, exact for the piecewise-linear ramp.
    pub fn gw_days(&self, a: f64, b: f64) -> f64 {
        if b <= a {
            return 0.0;
        }
        let mut pts = vec![a];
        pts.extend(self.breakpoints().into_iter().filter(|&t| t > a && t < b));
        pts.push(b);
        pts.windows(2)
            .map(|w| 0.5 * (self.online_gw(w[0]) + self.online_gw_before(w[1])) * (w[1] - w[0]))
            .sum()
    }
}

/// A ramp read at its breakpoints: the pieces' start and end days (sorted, without
/// repeats), the GW online at each (steps that day included) and just before it. Between two
/// breakpoints the ramp is linear, so these are all [`RampProfile::time_to_reach`] needs: the
/// ramp is summed once per breakpoint instead of once per breakpoint and target.
#[derive(Clone, Debug, Default)]
pub struct RampProfile {
    days: Vec<f64>,
    online_gw: Vec<f64>,
    online_gw_before: Vec<f64>,
}

impl RampProfile {
    /// The first time (days) at which at least `gw` are online: the first breakpoint with
    /// that much online, or the linear interpolation between breakpoints t₀ and t₁,
    /// t₀ + (g − G(t₀)) ÷ (G(t₁⁻) − G(t₀)) × (t₁ − t₀); `None` if the ramp never gets there.
    /// A relative tolerance of 1e-12 absorbs rounding in sums such as 0.1 + 0.2.
    pub fn time_to_reach(&self, gw: f64) -> Option<f64> {
        let target = gw - 1e-12 * gw.abs().max(1.0);
        if target <= 0.0 {
            return self.days.first().copied();
        }
        for (i, (&t0, &at_t0)) in self.days.iter().zip(&self.online_gw).enumerate() {
            if at_t0 >= target {
                return Some(t0);
            }
            if let (Some(&t1), Some(&before_t1)) =
                (self.days.get(i + 1), self.online_gw_before.get(i + 1))
            {
                if before_t1 >= target {
                    let f = (target - at_t0) / (before_t1 - at_t0);
                    return Some(t0 + f * (t1 - t0));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(gw: f64, a: &str, b: &str) -> RampPiece {
        RampPiece {
            gw,
            start_day: Date::parse(a).unwrap().0 as f64,
            end_day: Date::parse(b).unwrap().0 as f64,
        }
    }

    #[test]
    fn linear_ramp_reaches_half_at_midpoint() {
        let r = Ramp {
            pieces: vec![piece(2.0, "2026-01-01", "2026-01-11")],
        };
        assert_eq!(r.date_reaching(1.0), Date::parse("2026-01-06").ok());
        assert_eq!(r.date_reaching(2.0), Date::parse("2026-01-11").ok());
        assert_eq!(r.date_reaching(2.5), None);
    }

    #[test]
    fn steps_and_overlaps() {
        let r = Ramp {
            pieces: vec![
                piece(1.0, "2026-07-01", "2026-07-01"),
                piece(2.0, "2026-07-01", "2026-12-31"),
            ],
        };
        // The step alone reaches 1 GW on its day.
        assert_eq!(r.date_reaching(1.0), Date::parse("2026-07-01").ok());
        assert_eq!(r.date_reaching(3.0), Date::parse("2026-12-31").ok());
        assert!((r.online_gw(r.time_to_reach(2.0).unwrap()) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn gw_days_of_a_ramp_is_its_area() {
        let r = Ramp {
            pieces: vec![piece(1.0, "2026-01-01", "2026-01-11")],
        };
        let a = Date::parse("2026-01-01").unwrap().0 as f64;
        // 10 days ramping (area 5) and 10 days full (area 10).
        assert!((r.gw_days(a, a + 20.0) - 15.0).abs() < 1e-12);
    }
}
