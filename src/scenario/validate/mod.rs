//! Pass 2: the meaning of a scenario. Ranges, sums, orderings and cross-field rules, every
//! problem with its path. The invariants documented on the scenario's fields are exactly the
//! ones checked here.

mod money;

use super::*;
use crate::problem::{field, index, Problem};

/// Largest count of shares, gigawatts or money we accept: far beyond any real deal, small
/// enough that products of two such numbers stay finite.
pub const MAX_MAGNITUDE: f64 = 1e15;

struct Checks {
    /// Paths that pass 1 found a problem at; their values are placeholders.
    shape: Vec<String>,
    problems: Vec<Problem>,
}

/// Whether one path lies inside the other (or they are equal).
fn related(a: &str, b: &str) -> bool {
    let inside = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    };
    short_or_empty(a, b) || inside(a, b) || inside(b, a)
}

fn short_or_empty(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty()
}

impl Checks {
    /// Whether a value at `path` is a placeholder (itself, a part or a container of it had a
    /// shape problem), so that checking it would only repeat or confuse that problem.
    fn tainted(&self, path: &str) -> bool {
        self.shape.iter().any(|bad| related(bad, path))
    }

    /// Reports the problem made by `problem` unless `ok` (or its value is a placeholder). The
    /// problem is made only when needed; `dyn` keeps one copy of this code for every rule.
    fn expect(&mut self, ok: bool, problem: &dyn Fn() -> Problem) {
        self.expect_with(ok, &[], problem);
    }

    /// Like [`Checks::expect`] for a rule that also reads the fields at `deps`.
    fn expect_with(&mut self, ok: bool, deps: &[&str], problem: &dyn Fn() -> Problem) {
        if ok {
            return;
        }
        let p = problem();
        if !self.tainted(&p.path) && !deps.iter().any(|d| self.tainted(d)) {
            self.problems.push(p);
        }
    }

    fn positive(&mut self, x: f64, path: &str) {
        self.expect(x > 0.0, &|| {
            Problem::new(path, "positive", "must be greater than 0")
        });
        self.not_too_large(x, path);
    }

    fn non_negative(&mut self, x: f64, path: &str) {
        self.expect(x >= 0.0, &|| {
            Problem::new(path, "non_negative", "must not be negative")
        });
        self.not_too_large(x, path);
    }

    fn not_too_large(&mut self, x: f64, path: &str) {
        self.expect(x <= MAX_MAGNITUDE, &|| {
            Problem::new(path, "too_large", "is too large (at most 1e15)")
                .with("max", MAX_MAGNITUDE)
        });
    }

    fn fraction(&mut self, x: f64, path: &str) {
        self.expect((0.0..=1.0).contains(&x), &|| {
            let msg = "must be a fraction from 0 to 1 (not a percentage)";
            Problem::new(path, "fraction", msg)
        });
    }

    /// `lo ≤ x ≤ hi`, a `range` problem otherwise; `unit` is an id of the unit the bounds are
    /// in (see [`range`]).
    fn within(&mut self, x: f64, lo: f64, hi: f64, path: &str, unit: &'static str) {
        self.expect(x >= lo && x <= hi, &|| range(path, lo, hi, unit));
    }
}

/// "must be from `lo` to `hi` (unit)": the `range` problem, with params `min`, `max` and `unit`
/// (`""`, `"years"`, `"months"`, `"watts"`, `"fraction_per_year"`).
pub fn range(path: &str, lo: f64, hi: f64, unit: &'static str) -> Problem {
    let words = match unit {
        "years" => " years",
        "months" => " months",
        "watts" => " W",
        "fraction_per_year" => " (a fraction per year: 0.5 = 50%)",
        _ => "",
    };
    Problem::new(path, "range", format!("must be from {lo} to {hi}{words}"))
        .with("min", lo)
        .with("max", hi)
        .with("unit", unit)
}

/// Every problem of a scenario: those of pass 1 (`shape`), then those of the rules here for
/// every value that is not a placeholder.
pub fn check(s: &Scenario, shape: Vec<Problem>) -> Vec<Problem> {
    let mut c = Checks {
        shape: shape.iter().map(|p| p.path.clone()).collect(),
        problems: shape,
    };
    c.expect(
        s.currency.len() == 3 && s.currency.bytes().all(|b| b.is_ascii_uppercase()),
        &|| {
            let msg = "must be a three-letter ISO 4217 code such as USD";
            Problem::new("currency", "currency", msg)
        },
    );
    capacity(&mut c, &s.capacity);
    match (&s.equity, &s.warrant) {
        (Some(e), _) => equity(&mut c, e),
        (None, Some(_)) => c.expect(false, &|| {
            let msg = "is required when the deal has a warrant";
            Problem::new("equity", "required_for_warrant", msg)
        }),
        (None, None) => {}
    }
    let total_gw = s.total_gw();
    if let Some(w) = &s.warrant {
        warrant(&mut c, w, total_gw, s.valuation_date);
    }
    if let Some(i) = &s.investment {
        c.non_negative(i.usd_per_gw, "investment.usdPerGw");
        c.non_negative(i.max_usd, "investment.maxUsd");
    }
    if let Some(g) = &s.equity_grant {
        c.non_negative(g.value_usd, "equityGrant.valueUsd");
    }
    if let Some(k) = &s.contract {
        c.non_negative(k.value_usd, "contract.valueUsd");
        c.positive(k.years, "contract.years");
        c.expect(k.years <= 100.0, &|| {
            let msg = "must be at most 100 years";
            Problem::new("contract.years", "at_most", msg)
                .with("max", 100.0)
                .with("unit", "years")
        });
    }
    money::check(&mut c, s);
    for (i, src) in s.sources.iter().enumerate() {
        let p = index("sources", i);
        c.expect(!src.field.is_empty(), &|| {
            Problem::new(field(&p, "field"), "required", "must name a field")
        });
        let url = &src.url;
        c.expect(
            url.is_empty() || url.starts_with("https://") || url.starts_with("http://"),
            &|| Problem::new(field(&p, "url"), "url", "must be an http(s) address"),
        );
    }
    c.problems
}

fn capacity(c: &mut Checks, k: &Capacity) {
    for (i, ph) in k.phases.iter().enumerate() {
        let p = index("capacity.phases", i);
        c.positive(ph.gw, &field(&p, "gw"));
        c.expect_with(ph.end >= ph.start, &[&field(&p, "start")], &|| {
            let msg = "must not be before the phase's start";
            Problem::new(field(&p, "end"), "end_before_start", msg)
        });
        c.fraction(ph.probability, &field(&p, "probability"));
        if let Some(t) = ph.delay_months {
            let dp = field(&p, "delayMonths");
            c.within(t.min, 0.0, 240.0, &field(&dp, "min"), "months");
            c.within(t.max, 0.0, 240.0, &field(&dp, "max"), "months");
            c.expect_with(t.min <= t.mode && t.mode <= t.max, &[&dp], &|| {
                let msg = "must lie between min and max";
                Problem::new(field(&dp, "mode"), "mode_between", msg)
            });
        }
    }
    c.within(k.pue, 1.0, 3.0, "capacity.pue", "");
    c.non_negative(k.capex_per_gw_usd, "capacity.capexPerGwUsd");
    let s = &k.capex_split;
    let parts = [
        (s.accelerators, "accelerators"),
        (s.networking, "networking"),
        (s.facility, "facility"),
        (s.other, "other"),
    ];
    for (x, name) in parts {
        c.fraction(x, &field("capacity.capexSplit", name));
    }
    let sum: f64 = parts.iter().map(|(x, _)| x).sum();
    c.expect((sum - 1.0).abs() <= 1e-6, &|| {
        let msg = format!("the shares must add up to 1 (they add up to {sum:.4})");
        Problem::new("capacity.capexSplit", "sum_to_one", msg).with("sum", sum)
    });
    c.non_negative(
        k.vendor_revenue_per_gw_usd,
        "capacity.vendorRevenuePerGwUsd",
    );
    c.within(
        k.watts_per_accelerator,
        1.0,
        1e6,
        "capacity.wattsPerAccelerator",
        "watts",
    );
    c.non_negative(k.electricity_usd_per_mwh, "capacity.electricityUsdPerMwh");
    c.fraction(k.utilization, "capacity.utilization");
    c.within(
        k.hardware_life_years,
        0.1,
        100.0,
        "capacity.hardwareLifeYears",
        "years",
    );
    if let Some(l) = k.life_years {
        for (x, name) in [
            (l.accelerators, "accelerators"),
            (l.networking, "networking"),
            (l.facility, "facility"),
            (l.other, "other"),
        ] {
            c.within(x, 0.1, 100.0, &field("capacity.lifeYears", name), "years");
        }
    }
    c.non_negative(k.opex_per_gw_year_usd, "capacity.opexPerGwYearUsd");
    let lead = k.delivery_lead_months;
    c.within(lead, 0.0, 60.0, "capacity.deliveryLeadMonths", "months");
    let rho = k.price_correlation;
    c.within(rho, -1.0, 1.0, "capacity.priceCorrelation", "");
    c.expect(
        k.cost_of_capital > -1.0 && k.cost_of_capital <= 1.0,
        &|| {
            let msg = "must be above -1 and at most 1 (a fraction per year: 0.1 = 10%)";
            Problem::new("capacity.costOfCapital", "range_above", msg)
                .with("min", -1.0)
                .with("max", 1.0)
                .with("unit", "fraction_per_year")
        },
    );
}

fn equity(c: &mut Checks, e: &Equity) {
    c.positive(e.shares_outstanding, "equity.sharesOutstanding");
    c.positive(e.share_price, "equity.sharePrice");
    let per_year = "fraction_per_year";
    c.within(e.volatility, 1e-4, 5.0, "equity.volatility", per_year);
    c.expect((0.0..1.0).contains(&e.dividend_yield), &|| {
        let msg = "must be from 0 to below 1 (a fraction per year)";
        Problem::new("equity.dividendYield", "range_below", msg)
            .with("min", 0.0)
            .with("max", 1.0)
            .with("unit", per_year)
    });
    c.within(e.risk_free_rate, -0.5, 1.0, "equity.riskFreeRate", per_year);
    if let Some(g) = e.base_path_growth {
        c.within(g, -1.0, 2.0, "equity.basePathGrowth", per_year);
    }
    if let Some(mu) = e.expected_return {
        c.within(mu, -1.0, 2.0, "equity.expectedReturn", per_year);
    }
    if let Some(curve) = &e.volatility_curve {
        volatility_curve(c, curve);
    }
}

/// Each point's years > 0 and vol in [0.0001, 5]; years strictly ascending; total variance
/// vol²·years non-decreasing (a fall is calendar arbitrage: Gatheral 2006, §2.4).
fn volatility_curve(c: &mut Checks, curve: &[VolPoint]) {
    let at = |i: usize, name: &str| field(&index("equity.volatilityCurve", i), name);
    let sound = |p: &VolPoint| p.years > 0.0 && (1e-4..=5.0).contains(&p.vol);
    for (i, p) in curve.iter().enumerate() {
        c.positive(p.years, &at(i, "years"));
        c.within(p.vol, 1e-4, 5.0, &at(i, "vol"), "fraction_per_year");
    }
    for (i, w) in curve.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        if !sound(&a) || !sound(&b) {
            continue;
        }
        let (previous, years, vol) = (at(i, "years"), at(i + 1, "years"), at(i + 1, "vol"));
        c.expect_with(b.years > a.years, &[previous.as_str()], &|| {
            let msg = "must be after the previous point's years (points in ascending order)";
            Problem::new(&years, "not_ascending", msg).with("previous", a.years)
        });
        let (wa, wb) = (a.vol * a.vol * a.years, b.vol * b.vol * b.years);
        if b.years <= a.years || wb >= wa {
            continue;
        }
        let deps = [previous.as_str(), years.as_str()];
        c.expect_with(false, &deps, &|| {
            let floor = f64::sqrt(wa / b.years);
            let msg = format!(
                "makes the total variance (vol² × years) fall, which is calendar arbitrage; \
                 at least {floor:.4} here"
            );
            Problem::new(&vol, "calendar_arbitrage", msg)
                .with("min", floor)
                .with("unit", "fraction_per_year")
        });
    }
}

fn warrant(c: &mut Checks, w: &Warrant, total_gw: f64, valuation_date: Date) {
    c.positive(w.shares, "warrant.shares");
    c.non_negative(w.strike, "warrant.strike");
    if let Some(p) = w.grant_share_price {
        c.positive(p, "warrant.grantSharePrice");
    }
    let expiry = "warrant.expiryDate";
    c.expect_with(
        w.expiry_date > w.issue_date,
        &["warrant.issueDate"],
        &|| {
            let msg = "must be after the issue date";
            Problem::new(expiry, "after_issue_date", msg)
        },
    );
    c.expect_with(w.expiry_date > valuation_date, &["valuationDate"], &|| {
        let msg = "must be after the valuation date";
        Problem::new(expiry, "after_valuation_date", msg)
    });
    let years = w.expiry_date.year() - valuation_date.year();
    c.expect_with(years <= 50, &["valuationDate"], &|| {
        let msg = "must be at most 50 years after the valuation date";
        Problem::new(expiry, "expiry_too_far", msg).with("max", 50.0)
    });
    let mut sum = 0.0;
    for (i, t) in w.tranches.iter().enumerate() {
        let p = index("warrant.tranches", i);
        c.positive(t.shares, &field(&p, "shares"));
        sum += t.shares;
        let trigger = field(&p, "gwTrigger");
        c.expect(t.gw_trigger > 0.0, &|| {
            Problem::new(&trigger, "positive", "must be greater than 0")
        });
        // No phases at all is the phases' own problem.
        c.expect_with(
            t.gw_trigger <= total_gw * (1.0 + 1e-12) || total_gw == 0.0,
            &["capacity.phases"],
            &|| {
                let msg = format!("is beyond the deal's {total_gw} GW");
                Problem::new(&trigger, "beyond_total_gw", msg).with("totalGw", total_gw)
            },
        );
        if let Some(h) = t.price_target {
            c.positive(h, &field(&p, "priceTarget"));
        }
    }
    c.expect_with((sum - w.shares).abs() <= 0.5, &["warrant.shares"], &|| {
        let msg = format!(
            "the tranches' shares add up to {sum}, not to the warrant's {}",
            w.shares
        );
        Problem::new("warrant.tranches", "tranche_shares_sum", msg)
            .with("sum", sum)
            .with("shares", w.shares)
    });
}
