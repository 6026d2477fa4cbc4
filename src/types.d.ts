// TypeScript types of dealcalc's public contract (shared/api-contract.md).
// Money is in the scenario's currency, dates are ISO "YYYY-MM-DD", fractions are 0..1.

/** One thing wrong with an input. */
export interface Problem {
  /** Field path, e.g. "warrant.tranches[2].priceTarget"; "" for the whole input. */
  path: string;
  message: string;
}

/** The Error every function throws: `problems` lists what is wrong. */
export interface DealcalcError extends Error {
  problems: Problem[];
}

export interface PresetInfo { id: string; name: string; summary: string; }

export interface Triangular { min: number; mode: number; max: number; }

export interface Phase {
  label?: string;
  /** Gigawatts in the phase, > 0. */
  gw: number;
  /** First day of the linear ramp. */
  start: string;
  /** Day the phase is fully online (>= start). */
  end: string;
  /** Whether the buyer is committed to the phase (default false). */
  binding?: boolean;
  /** Chance the phase happens at all, 0..1 (default 1). */
  probability?: number;
  /** How late the phase may run, triangular, in months. */
  delayMonths?: Triangular | null;
}

export interface CapexSplit { accelerators: number; networking: number; facility: number; other: number; }

export interface Capacity {
  phases: Phase[];
  /** What the deal's GW counts: "facility" includes PUE (default), "it" does not. */
  gwBasis?: "facility" | "it";
  /** Facility power / IT power, 1..3. */
  pue: number;
  capexPerGwUsd: number;
  /** Shares of capex; sum to 1. */
  capexSplit: CapexSplit;
  vendorRevenuePerGwUsd: number;
  /** All-in IT watts per accelerator. */
  wattsPerAccelerator: number;
  electricityUsdPerMwh: number;
  /** Average share of power drawn, 0..1. */
  utilization: number;
  /** Straight-line depreciation life. */
  hardwareLifeYears: number;
}

export interface Equity {
  issuer: string;
  sharesOutstanding: number;
  sharePrice: number;
  /** Annual volatility of log returns (0.5 = 50%). */
  volatility: number;
  /** Continuous dividend yield q. */
  dividendYield: number;
  /** Continuously compounded risk-free rate r. */
  riskFreeRate: number;
  /** Real-world expected total return μ (continuously compounded); r when absent. */
  expectedReturn?: number | null;
  /** Growth of the deterministic base path; default μ − q. */
  basePathGrowth?: number | null;
}

export interface PriceTest {
  /** touch: continuous; close: a daily close; average: trailing average of `days` closes. */
  kind: "touch" | "close" | "average";
  /** Trading days of the average (required for "average"). */
  days?: number;
}

export interface Tranche {
  shares: number;
  /** Cumulative GW online the tranche needs. */
  gwTrigger: number;
  /** Share price the tranche needs, or null for none. */
  priceTarget: number | null;
  /** Default: touch. */
  priceTest?: PriceTest;
}

export interface Warrant {
  holder: string;
  shares: number;
  strike: number;
  issueDate: string;
  expiryDate: string;
  tranches: Tranche[];
}

export interface Investment { investor: string; usdPerGw: number; maxUsd: number; }
export interface Contract { valueUsd: number; years: number; }

export interface Source {
  /** Field path the source is for. */
  field: string;
  title?: string;
  url?: string;
  /** "assumption ..." where nothing public exists. */
  note?: string;
}

export interface Scenario {
  name: string;
  currency: string;
  valuationDate: string;
  capacity: Capacity;
  /** The warrant's issuer; required with a warrant, null for deals without one. */
  equity?: Equity | null;
  warrant?: Warrant | null;
  investment?: Investment | null;
  contract?: Contract | null;
  sources?: Source[];
}

export interface ScheduleYear {
  year: number;
  gwAdded: number;
  /** GW online at the end of the year. */
  gwOnline: number;
  capexUsd: number;
  cumulativeCapexUsd: number;
  vendorRevenueUsd: number;
  cumulativeVendorRevenueUsd: number;
  energyMwh: number;
  energyCostUsd: number;
}

export interface CapacityReport {
  totalGw: number;
  gwBasis: "facility" | "it";
  capexUsd: number;
  capexByCategoryUsd: CapexSplit;
  vendorRevenueUsd: number;
  vendorShareOfCapex: number;
  accelerators: number;
  itPowerGw: number;
  facilityPowerGw: number;
  annualEnergyMwh: number;
  annualEnergyCostUsd: number;
  annualDepreciationUsd: number;
  annualCostUsd: number;
  costPerAcceleratorHourUsd: number;
  bindingGw: number;
  firstOnline: string;
  fullyOnline: string;
  schedule: ScheduleYear[];
}

export interface TrancheDilution {
  index: number;
  shares: number;
  cumulativeShares: number;
  ownershipAfter: number;
  valueTodayUsd: number;
  valueAtTargetUsd: number | null;
}

export interface DilutionReport {
  sharesOutstanding: number;
  warrantShares: number;
  /** N / (S + N). */
  maxOwnership: number;
  existingHoldersOwnershipAfter: number;
  dilutedShares: number;
  /** N × (price − strike). */
  valueTransferUsd: number;
  valueTransferPerGwUsd: number;
  tsmIncrementalShares: number;
  priceAfterExercise: number;
  /** valueTransferUsd / vendor revenue. */
  effectiveDiscount: number;
  valueAtTargetsUsd: number;
  tranches: TrancheDilution[];
}

export interface TrancheVesting {
  index: number;
  shares: number;
  gwTrigger: number;
  milestoneDate: string | null;
  priceTarget: number | null;
  requiredCagr: number | null;
  priceDate: string | null;
  vestDate: string | null;
}

export interface VestingReport {
  baseGrowth: number;
  baseGrowthSource: "basePathGrowth" | "expectedReturn" | "riskFreeRate";
  yearsToExpiry: number;
  tranches: TrancheVesting[];
}

export interface InvestmentReport {
  investor: string;
  totalUsd: number;
  netCashToVendorUsd: number;
  /** Investment / vendor revenue. */
  circularity: number;
  schedule: { year: number; investedUsd: number; cumulativeUsd: number }[];
}

export interface ContractReport {
  valueUsd: number;
  years: number;
  valuePerYearUsd: number;
  valuePerGwUsd: number;
  valuePerGwYearUsd: number;
}

export interface Report {
  capacity: CapacityReport;
  /** null without a warrant. */
  dilution: DilutionReport | null;
  /** null without a warrant. */
  vesting: VestingReport | null;
  investment: InvestmentReport | null;
  contract: ContractReport | null;
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

/** Output of priceOption. */
export interface OptionPrice {
  price: number;
  /** ∂V/∂S. */
  delta: number;
  /** ∂²V/∂S². */
  gamma: number;
  /** ∂V/∂σ per unit of σ (÷100 for one volatility point). */
  vega: number;
  /** How the Greeks were computed. */
  greeks: "closed_form" | "finite_difference";
}

/** Output of compare(scenarios). */
export interface Comparison {
  /** Deal names in input order. */
  deals: string[];
  rows: {
    key: string;
    label: string;
    unit: "usd" | "gw" | "fraction" | "count" | "years";
    /** One per deal; null where the measure does not apply. */
    values: (number | null)[];
  }[];
}

/** Output of sensitivity(scenario, output, swing): tornado data. */
export interface Sensitivity {
  /** Report path of the output. */
  output: string;
  /** The output at the unchanged scenario. */
  base: number;
  swing: number;
  /** Largest spread first. */
  bars: {
    input: string;
    /** First path moved. */
    path: string;
    /** Output at input × (1 − swing); null when that scenario is invalid. */
    low: number | null;
    /** Output at input × (1 + swing). */
    high: number | null;
    spread: number;
    /** Why a side has no value. */
    note: string | null;
  }[];
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
  /** One-touch control variate anchored on the closed form; default true. */
  controlVariate?: boolean;
}

export interface TrancheValuation {
  index: number;
  shares: number;
  /** Chance of vesting by expiry, real world (drift expectedReturn − q). */
  probability: number;
  /** The same under the risk-neutral measure. */
  riskNeutralProbability: number;
  /** Mean / median vest date of the paths that vest (real world); null if none does. */
  expectedVestDate: string | null;
  medianVestDate: string | null;
  /** Risk-neutral fair value of the tranche. */
  fairValueUsd: number;
  standardErrorUsd: number;
  plainStandardErrorUsd: number;
  /** Closed-form one-touch of the target paying H − K (the control's anchor); null without a target. */
  closedFormTouchUsd: number | null;
}

/** Output of valueWarrant. */
export interface Valuation {
  paths: number;
  seed: number;
  stepsPerYear: number;
  steps: number;
  antithetic: boolean;
  controlVariate: boolean;
  /** Share of the requested paths done (1 when complete). */
  progress: number;
  /** Which measure each figure is under. */
  measures: { fairValue: string; probability: string };
  totalFairValueUsd: number;
  standardErrorUsd: number;
  plainStandardErrorUsd: number;
  /** totalFairValueUsd / vendor revenue. */
  effectiveDiscount: number;
  /** Of the per-path present value of all tranches (risk-neutral). */
  percentiles: { p5: number; p50: number; p95: number };
  histogram: { edgesUsd: number[]; counts: number[] };
  expectedSharesIssued: number;
  expectedOwnership: number;
  tranches: TrancheValuation[];
  /** Real-world price quantiles over time, for a fan chart. */
  priceFan: { date: string; p5: number; p25: number; p50: number; p75: number; p95: number }[];
  /** A few real-world price paths at the fan's dates. */
  samplePaths: number[][];
}
