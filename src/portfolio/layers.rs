//! Money per layer, and across layers only as a range.
//!
//! A chip deal (hardware bought) and a cloud deal (capacity bought as a service) may pay for the
//! same machines: a cloud vendor buys the chips that its contract's capacity runs on. So chip
//! purchases and cloud contract payments are summed per layer and never added into one figure,
//! except as `crossLayer`, a range: `high` assumes no cloud capacity runs on the chips of the
//! portfolio's chip deals (the two layers add up), `low` that all of it does, so that the
//! smaller layer's money is already inside the larger one (the larger layer alone). Capex
//! likewise: each layer's capex is the capex of its own GW.

use crate::scenario::Layer;
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
    /// None of it does: the two layers' money added.
    pub high: f64,
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

/// The range of the buyers' payments across the layers.
pub fn cross_layer(t: &ByLayer<LayerTotals>) -> CrossLayer {
    let paid = |l: &LayerTotals| l.purchases_usd + l.contract_usd;
    let (chips, cloud) = (paid(&t.chips), paid(&t.cloud));
    CrossLayer {
        low: chips.max(cloud),
        high: chips + cloud,
        basis: "low: all cloud capacity runs on the chip deals' chips (the smaller layer's money \
                inside the larger); high: none of it does (the layers added)"
            .to_string(),
    }
}
