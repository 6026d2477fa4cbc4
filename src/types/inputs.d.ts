// TypeScript types of dealcalc's public contract (shared/api-contract.md) that are not
// generated: the thrown error and the two inputs read field by field (OptionSpec,
// ValuationOptions). Scenario, Report, Valuation and the other data types are generated from
// the Rust types into types/generated.d.ts (tests/typescript.rs); the boundary embeds both.
// Money is in the scenario's currency, dates are ISO "YYYY-MM-DD", fractions are 0..1.

/** The Error every function throws: `problems` lists what is wrong. */
export interface DealcalcError extends Error {
  problems: Problem[];
}

/** Option kinds of priceOption (see the contract's table). */
export type OptionKind =
  | "bs_call" | "bs_put"
  | "cash_or_nothing_call" | "cash_or_nothing_put"
  | "asset_or_nothing_call" | "asset_or_nothing_put"
  | "gap_call" | "gap_put"
  | `${"up" | "down"}_and_${"in" | "out"}_${"call" | "put"}`
  | `one_touch_${"up" | "down"}` | `no_touch_${"up" | "down"}`
  | `asset_one_touch_${"up" | "down"}` | `asset_no_touch_${"up" | "down"}`
  | `${"up" | "down"}_and_${"in" | "out"}_${"cash" | "asset"}_or_nothing_${"call" | "put"}`
  | "warrant";

/** Input of priceOption. Black–Scholes–Merton world, continuous barrier monitoring. */
export interface OptionSpec {
  kind: OptionKind;
  spot: number;
  /** Strike X (gap: the amount paid, S_T − strike). Not used by touches. */
  strike?: number;
  /** Barrier H (barrier, touch and binary-barrier kinds). */
  barrier?: number;
  /** Knock-out: paid at the hit; knock-in: paid at expiry if never hit. Default 0. */
  rebate?: number;
  /** Cash amount of cash binaries and touches. Default 1. */
  cash?: number;
  /** Gap options: the level S_T must pass. */
  trigger?: number;
  /** Continuously compounded risk-free rate r. */
  rate: number;
  /** Continuous dividend yield q. Default 0. */
  dividendYield?: number;
  /** Volatility σ per √year, > 0. */
  vol: number;
  /** Years to expiry, ≥ 0. */
  timeYears: number;
  /** One-touch payment time. Default "at_hit". */
  payment?: "at_hit" | "at_expiry";
  /** Warrants: shares outstanding N. */
  sharesOutstanding?: number;
  /** Warrants: warrants issued M. */
  warrantsIssued?: number;
  /** Warrants: "simple" N/(N+M)·C(S) (default) or "fixed_point" W = N/(N+M)·C(S + (M/N)W). */
  dilution?: "simple" | "fixed_point";
}

/** Options of valueWarrant and WarrantSimulation; every field optional. */
export interface ValuationOptions {
  /** Paths (rounded up to even with antithetic pairs); default 20,000, at most 2,000,000. */
  paths?: number;
  /** Seed of every random stream; default 1. Same seed, same result. */
  seed?: number;
  /** Grid steps a year; default 252 with a close/average test, else 52 (touch is exact by a
   *  Brownian bridge on any grid). */
  stepsPerYear?: number;
  /** Antithetic pairs; default true. */
  antithetic?: boolean;
  /** One-touch control variate anchored on the closed form; default true. Off by itself under
   *  a volatility term structure unless r = q = 0 (the closed form is exact only then). It
   *  pays with pseudo-random paths; with `quasiRandom` it lowered no standard error in our
   *  measurements and costs about a fifth of the run, so the page turns it off there. */
  controlVariate?: boolean;
  /** Delta and vega by common random numbers: four more runs with the same seed at spot ±1%
   *  and every volatility ±1 point (the valuation's `greeks`); default false. */
  greeks?: boolean;
  /** Randomized quasi-Monte Carlo: scrambled Sobol points (the first 32 Brownian-bridge
   *  normals and the deployment uniforms) with pseudo-random padding, each block of 1,024
   *  pairs one randomization; the standard error is the spread of the blocks. Default false
   *  (the page turns it on: about 8× less variance for the presets). */
  quasiRandom?: boolean;
}

/** Options of accounting(): the simulations' options, and how the books read them. */
export interface AccountingOptions extends Omit<ValuationOptions, "greeks"> {
  /** A milestone is probable from this probability on, in (0, 1]; default 0.75 (a policy choice). */
  probableThreshold?: number;
  /** Which treatment the schedule follows; default "asu-2025-04". "as-occurred": the practice
   *  before it with forfeitures recognised as they occur (every tranche, reversals at expiry). */
  standard?: "asu-2025-04" | "service-condition" | "as-occurred";
  /** How a tranche is spread over the quarters: over the purchases up to its own milestone
   *  ("tranche", default), or over all expected vendor revenue ("contract"). */
  attribution?: "tranche" | "contract";
  /** YYYY-MM-DD, on or after the grant: the first day of the issuer's fiscal year in which it
   *  adopts ASU 2025-04 (the quarters before it follow the prior practice); null or absent:
   *  from the grant (early adoption, which the result says). */
  adoptionDate?: string | null;
}

/** A goal seek (`solve`): the value of `input` within [lo, hi] that brings `output` to `target`. */
export interface SolveSpec {
  /** A report path of the tornado's list (`dilution.valueTransferUsd`), or a simulated figure:
   *  `valuation.totalFairValueUsd`, `valuation.effectiveDiscount`,
   *  `accounting.totalReductionUsd`, `accounting.reductionShareOfRevenue`. */
  output: string;
  /** The output's value to reach, in the output's unit (fractions 0..1). */
  target: number;
  /** An input id of the tornado (`volatility`: the value of its field) or the path of a
   *  number in the scenario (`warrant.tranches[0].priceTarget`). */
  input: string;
  /** The bracket searched, lo < hi. */
  lo: number;
  hi: number;
  /** Relative, deterministic outputs; default 1e-9. */
  tolerance?: number;
  /** Paths and seed of every trial of a simulated output (common random numbers). */
  paths?: number;
  seed?: number;
}
