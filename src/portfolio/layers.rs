//! Money per layer, and across layers only as a range.
//!
//! A chip deal (hardware bought) and a cloud deal (capacity bought as a service) may pay for the
//! same machines: a cloud vendor buys the chips that its contract's capacity runs on. So chip
//! purchases and cloud contract payments are summed per layer and never added into one figure,
//! except as `crossLayer`, a range: `high` assumes no cloud capacity runs on the chips of the
//! portfolio's chip deals (the two layers add up), `low` that all of it does, so that the
//! smaller layer's money is already inside the larger one (the larger layer alone). Capex
//! likewise: each layer's capex is the capex of its own GW.
//!
//! **Known links first.** A cloud deal whose `runsOn` names a chip deal of the portfolio (by its
//! `id`) states that `share` of its GW run on that deal's chips. Those GW's chip money is then
//! known to be paid twice, and `high` leaves it out: for each link, the linked GW = share × the
//! cloud deal's GW (at most the chip deal's GW not yet linked by an earlier deal), and the money
//! netted = min(linked GW × the chip deal's purchases per GW, share × the cloud deal's
//! payments). Netting never takes more than either layer holds, so `low ≤ high` still.

use crate::numeric::ratio;
use crate::scenario::{Layer, RunsOn};
use serde::Serialize;

/// One layer's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LayerTotals {
    /// GW of the layer's deals, nominal.
    pub gw: f64,
    /// Σ phase probability × GW.
    pub expected_gw: f64,
    /// Capex of the layer's GW, nominal.
    pub capex_usd: f64,
    /// Chip deals: the buyers' purchases (the vendors' revenue), nominal; 0 in the cloud layer
    /// unless a cloud deal books vendor revenue per GW.
    pub purchases_usd: f64,
    /// Cloud deals: contract payments, nominal; 0 in the chip layer.
    pub contract_usd: f64,
    pub expected: LayerExpected,
}

/// One layer's expected money (the deals' own probabilities).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LayerExpected {
    pub capex_usd: f64,
    pub purchases_usd: f64,
    pub contract_usd: f64,
}

/// One figure (GW, a year's money, a layer's totals) for each layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ByLayer<T> {
    pub chips: T,
    pub cloud: T,
}

impl<T> ByLayer<T> {
    /// The figure of `layer`.
    pub fn layer(&mut self, layer: Layer) -> &mut T {
        match layer {
            Layer::Chips => &mut self.chips,
            Layer::Cloud => &mut self.cloud,
        }
    }
}

impl ByLayer<f64> {
    pub(super) fn add(&mut self, layer: Layer, x: f64) {
        *self.layer(layer) += x;
    }
}

/// What the deals' buyers pay (purchases and contract payments), across the layers: a range.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CrossLayer {
    /// All cloud capacity runs on the chip deals' chips: the larger layer's money alone.
    pub low: f64,
    /// None of it does beyond the known `runsOn` links: the two layers' money added, less
    /// `nettedUsd`.
    pub high: f64,
    /// The chip money of GW that `runsOn` links place inside a cloud deal (nominal).
    pub netted_usd: f64,
    /// What the two ends assume, in words (English; pages show their own).
    pub basis: String,
}

/// One layer in one calendar year (nominal).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct YearLayer {
    pub capex_usd: f64,
    pub purchases_usd: f64,
    pub contract_usd: f64,
}

/// One deal as the netting of `runsOn` links sees it.
pub(super) struct LinkedDeal<'a> {
    pub id: &'a str,
    pub layer: Layer,
    pub gw: f64,
    /// Purchases and contract payments, nominal.
    pub paid_usd: f64,
    pub runs_on: Option<&'a RunsOn>,
}

/// The chip money that the deals' `runsOn` links place inside cloud deals (the module's rule).
pub(super) fn netted(deals: &[LinkedDeal]) -> f64 {
    let mut linked_gw = vec![0.0; deals.len()];
    let mut total = 0.0;
    for cloud in deals.iter().filter(|d| d.layer == Layer::Cloud) {
        let Some(link) = cloud.runs_on else { continue };
        let chip = deals
            .iter()
            .position(|d| d.layer == Layer::Chips && !d.id.is_empty() && d.id == link.deal.trim());
        let Some(k) = chip else { continue };
        let gw = (link.share * cloud.gw)
            .min(deals[k].gw - linked_gw[k])
            .max(0.0);
        linked_gw[k] += gw;
        let chip_money = ratio(deals[k].paid_usd, deals[k].gw) * gw;
        total += chip_money.min(link.share * cloud.paid_usd);
    }
    total
}

/// The range of the buyers' payments across the layers, `netted` of the known links left out
/// of `high`.
pub fn cross_layer(t: &ByLayer<LayerTotals>, netted_usd: f64) -> CrossLayer {
    let paid = |l: &LayerTotals| l.purchases_usd + l.contract_usd;
    let (chips, cloud) = (paid(&t.chips), paid(&t.cloud));
    let netted_usd = netted_usd.min(chips.min(cloud));
    CrossLayer {
        low: chips.max(cloud),
        high: chips + cloud - netted_usd,
        netted_usd,
        basis: "low: all cloud capacity runs on the chip deals' chips (the smaller layer's money \
                inside the larger); high: none of it does beyond the deals' runsOn links (the \
                layers added, the linked chip money once)"
            .to_string(),
    }
}
