//! # dealcalc
//!
//! A calculator for compute-for-equity infrastructure deals: a buyer commits to gigawatts of
//! accelerators, and the vendor pays part of the price in its own equity (AMD's warrant to
//! OpenAI), in investment (Nvidia's letter of intent) or sells capacity as a service (Oracle).
//!
//! ## Design
//!
//! The core is plain Rust that knows nothing of JavaScript. A scenario enters as a JSON value
//! and is read and validated in [`scenario`], collecting *every* problem with its field path
//! ([`problem`]). From a validated [`scenario::Scenario`], [`report::evaluate`] computes the
//! deterministic report: [`capacity`] (gigawatts, capex, power, energy, schedule),
//! [`dilution`] (ownership, value transferred), [`vesting`] (milestones and price tests on a
//! base path) and [`financing`] (vendor investment, service contracts). Built-in deals live in
//! [`presets`]. [`date`] holds the calendar arithmetic everything shares.
//!
//! The only module that touches `JsValue` is [`wasm`], the boundary: it converts JS values to
//! JSON values and back, and turns problem lists into JS `Error`s with a `problems` property.
//!
//! Numbers are `f64` throughout; transcendental functions come from the `libm` crate so that
//! native and Wasm builds give bit-identical results.

pub mod capacity;
pub mod compare;
pub mod date;
pub mod dilution;
pub mod financing;
pub mod input;
pub mod montecarlo;
pub mod numeric;
pub mod presets;
pub mod pricing;
pub mod problem;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod vesting;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use problem::Problem;
pub use report::{evaluate, Report};
pub use scenario::Scenario;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
