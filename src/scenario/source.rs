//! Where a scenario's numbers come from: a source for a field path, with its date, its tier
//! (filing, company, press, secondary) and, where it disagrees with the value used, its own
//! figure; "assumption" where nothing public exists. Which of the warrant's figures rest on
//! assumptions is [`crate::sources`]'s.

use crate::date::Date;
use serde::Serialize;

/// Where a number comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Source {
    /// Field path the source is for, e.g. `equity.sharePrice`.
    pub field: String,
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub title: String,
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub url: String,
    /// "assumption" where nothing public exists; otherwise a short quote or derivation.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>", optional))]
    pub note: String,
    /// The date of the source (publication or filing).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What kind of source it is; none for an assumption.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<SourceTier>,
    /// The figure this source gives where it differs from the field's value: a conflict
    /// between sources, shown beside the field. In the field's unit.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// How close a source is to the party that made the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SourceTier {
    /// A regulatory filing (an SEC 8-K, 10-K, S-1, an exhibit).
    Filing,
    /// The company's own release, blog or call.
    Company,
    /// A news organisation's report.
    Press,
    /// An aggregator, a repost, an analyst's note seen second-hand.
    Secondary,
}
