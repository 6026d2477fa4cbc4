//! # dealcalc
//!
//! A calculator for compute-for-equity infrastructure deals: a buyer commits to gigawatts of
//! accelerators, and the vendor pays part of the price in its own equity (AMD's warrant to
//! OpenAI), in investment (Nvidia's letter of intent) or sells capacity as a service (Oracle).
//!
//! ## Design
//!
//! The core is plain Rust that knows nothing of JavaScript or of any UI language. A scenario
//! enters as a JSON value and is read by the input layer, [`input`], collecting *every* problem
//! with its field path and a stable code ([`problem`]); [`scenario::validate`] checks its meaning
//! on the typed [`scenario::Scenario`]. From a validated scenario, [`report::evaluate`] computes
//! the deterministic report: [`capacity`] (gigawatts, capex, power, energy, schedule),
//! [`dilution`] (ownership, value transferred), [`vesting`] (the vest rule, milestones and price
//! tests on a base path), [`financing`] (vendor investment, service contracts), [`money`] (the
//! money legs: investments in tranches, guarantees, loans) and [`flows`] (the money between the
//! parties, and its circularity, by one rule for a deal and for a [`portfolio`]). [`pricing`]
//! holds the closed forms, [`montecarlo`] the simulation, [`compare`] and [`sensitivity`] views
//! over several reports; [`date`] and [`numeric`] hold the calendar and arithmetic conventions
//! everything shares.
//!
//! The built-in deals are data, not code: the catalogue in `deals/` (one JSON file per deal, its
//! versions oldest first) is read by the page and the npm package (`www/deals.js`) and by the
//! tests, and nothing of it is compiled into the .wasm. A catalogue version is an ordinary
//! scenario, read by the same [`input`] as a user's.
//!
//! Engines take typed values; only [`input`] reads `serde_json::Value`s. The only module that
//! touches `JsValue` is `wasm`, the boundary, compiled for `wasm32` only; the JS crates are
//! wasm32-only dependencies, so the compiler keeps the rest free of JS. `ARCHITECTURE.md` states
//! the dependency rules.
//!
//! Numbers are `f64` throughout; transcendental functions come from the `libm` crate so that
//! native and Wasm builds give bit-identical results.

// The crate's docs are its design notes, private modules included (`cargo doc
// --document-private-items`, checked by scripts/test.sh): a public item may point to the
// private module that explains it.
#![allow(rustdoc::private_intra_doc_links)]

pub mod accounting;
pub mod capacity;
pub mod compare;
pub mod date;
pub mod dilution;
pub mod expected;
pub mod financing;
pub mod flows;
pub mod input;
pub mod money;
pub mod montecarlo;
pub mod numeric;
pub mod portfolio;
pub mod pricing;
pub mod problem;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod solve;
pub mod sources;
pub mod vesting;
pub mod volatility;
pub mod warrant_terms;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(test)]
mod test_deals;

pub use problem::Problem;
pub use report::{evaluate, Report};
pub use scenario::Scenario;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
