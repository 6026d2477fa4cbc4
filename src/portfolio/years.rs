//! The portfolio by calendar year (nominal): each deal's schedule of capex, purchases and
//! contract payments added into the years it touches, by layer and by vendor, and the GW
//! online at each year's end.

use super::{ByLayer, DealFigures, YearLayer};
use crate::scenario::{Layer, Scenario};
use serde::Serialize;

/// One calendar year of the portfolio (nominal).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioYear {
    pub year: i64,
    /// GW online at the end of the year, per layer.
    pub gw_online_by_layer: ByLayer<f64>,
    pub capex_usd: f64,
    /// The buyers' purchases plus contract payments in the year.
    pub payments_usd: f64,
    /// The same by the vendor paid, in order of the vendors' first deal.
    pub payments_by_vendor: Vec<VendorAmount>,
    /// Capex and payments per layer.
    pub by_layer: ByLayer<YearLayer>,
}

/// An amount paid to one vendor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VendorAmount {
    pub vendor: String,
    pub usd: f64,
}

/// Adds one deal's years (its capacity schedule and its contract's payments) into `by_year`,
/// which stays sorted by year.
pub(super) fn add_deal(
    by_year: &mut Vec<PortfolioYear>,
    r: &DealFigures,
    layer: Layer,
    vendor: &str,
) {
    let contract_by_year = |year: i64| {
        r.contract.as_ref().map_or(0.0, |k| {
            k.schedule
                .iter()
                .filter(|y| y.year == year)
                .map(|y| y.usd)
                .sum()
        })
    };
    let mut years: Vec<i64> = r.capacity.schedule.iter().map(|y| y.year).collect();
    if let Some(k) = &r.contract {
        years.extend(k.schedule.iter().map(|y| y.year));
    }
    years.sort_unstable();
    years.dedup();
    for year in years {
        let i = match by_year.binary_search_by_key(&year, |y| y.year) {
            Ok(i) => i,
            Err(i) => {
                by_year.insert(
                    i,
                    PortfolioYear {
                        year,
                        gw_online_by_layer: ByLayer::default(),
                        capex_usd: 0.0,
                        payments_usd: 0.0,
                        payments_by_vendor: Vec::new(),
                        by_layer: ByLayer::default(),
                    },
                );
                i
            }
        };
        let row = r.capacity.schedule.iter().find(|y| y.year == year);
        by_year[i].capex_usd += row.map_or(0.0, |y| y.capex_usd);
        let purchases = row.map_or(0.0, |y| y.vendor_revenue_usd);
        let paid = purchases + contract_by_year(year);
        by_year[i].payments_usd += paid;
        let in_layer = by_year[i].by_layer.layer(layer);
        in_layer.capex_usd += row.map_or(0.0, |y| y.capex_usd);
        in_layer.purchases_usd += purchases;
        in_layer.contract_usd += contract_by_year(year);
        let by_vendor = &mut by_year[i].payments_by_vendor;
        match by_vendor.iter_mut().find(|v| v.vendor == vendor) {
            Some(v) => v.usd += paid,
            None => by_vendor.push(VendorAmount {
                vendor: vendor.to_string(),
                usd: paid,
            }),
        }
    }
}

/// Fills each year's GW online at its end, per layer: every deal's schedule that year, its GW
/// carried after its last year.
pub(super) fn gw_online(
    by_year: &mut [PortfolioYear],
    scenarios: &[Scenario],
    reports: &[DealFigures],
) {
    for row in by_year.iter_mut() {
        for (s, r) in scenarios.iter().zip(reports) {
            let last = r.capacity.schedule.last();
            let gw = r
                .capacity
                .schedule
                .iter()
                .find(|y| y.year == row.year)
                .map(|y| y.gw_online)
                .or_else(|| last.filter(|l| l.year < row.year).map(|l| l.gw_online))
                .unwrap_or(0.0);
            row.gw_online_by_layer.add(s.layer(), gw);
        }
    }
}
