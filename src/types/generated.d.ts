// Generated from the Rust types by ts-rs (tests/typescript.rs); do not edit.
// Regenerate: UPDATE_TYPES=1 cargo test --features typescript --test typescript

/**
 * The contract's Accounting.
 */
export type Accounting = {
/**
 * `warrant.issueDate`.
 */
grantDate: IsoDate,
/**
 * `warrant.grantSharePrice`, else `equity.sharePrice`.
 */
grantSharePrice: number, standard: Standard, probableThreshold: number,
/**
 * Paths of each simulation, and the seed.
 */
paths: number, seed: number, tranches: Array<TrancheAccounting>, attribution: Attribution, asu202504: Total, serviceCondition: Total, asOccurred: AsOccurred,
/**
 * The chosen standard's total: what the schedule's reductions add up to without an
 * adoption date (as-occurred: net of the expected reversals).
 */
totalReductionUsd: number,
/**
 * totalReductionUsd ÷ the expected vendor revenue of the schedule (nominal ÷ nominal).
 */
reductionShareOfRevenue: number,
/**
 * No adoption date and the ASU chosen: the ASU applies from the grant, before it is
 * effective (fiscal years beginning after 2026-12-15).
 */
earlyAdoptionAssumed: boolean,
/**
 * The move to the ASU at the adoption date; null without one.
 */
transition: Transition | null, schedule: Array<Quarter>, };

/**
 * The as-occurred election's totals.
 */
export type AsOccurred = {
/**
 * Σ fair value per share × shares over all tranches.
 */
totalReductionUsd: number,
/**
 * Σ fair value per share × shares × (1 − milestone probability).
 */
expectedReversalUsd: number, };

/**
 * The assumed inputs behind figures that depend on them (source fields, in source order).
 */
export type Assumptions = {
/**
 * Behind the per-tranche rows of the timeline and the dilution.
 */
tranches: Array<string>,
/**
 * Behind the warrant's fair value (the tranche inputs and the market's).
 */
fairValue: Array<string>,
/**
 * Behind the ownership after each tranche.
 */
ownership: Array<string>, };

/**
 * How a tranche's reduction is spread over the quarters.
 */
export type Attribution = "tranche" | "contract";

/**
 * One input's effect.
 */
export type Bar = {
/**
 * The input's id (`sharePrice`, `dealSizeGw`, ...; [`INPUTS`]).
 */
input: string,
/**
 * The first path moved (the group's representative).
 */
path: string,
/**
 * The output with the input × (1 − swing); null when that scenario is invalid.
 */
low: number | null,
/**
 * The output with the input × (1 + swing).
 */
high: number | null,
/**
 * |high − low| over the sides that have values.
 */
spread: number,
/**
 * Why the low side has no value: the first problem of its scenario.
 */
lowProblem: Problem | null,
/**
 * Why the high side has no value.
 */
highProblem: Problem | null, };

/**
 * One figure (GW, a year's money, a layer's totals) for each layer.
 */
export type ByLayer<T> = { chips: T, cloud: T, };

/**
 * The gigawatts of the deal, when they come online, and what they cost.
 */
export type Capacity = {
/**
 * At least one phase, except in a deal of money legs alone (no warrant, contract, per-GW
 * investment: Nvidia's equity stake in OpenAI).
 */
phases: Array<Phase>,
/**
 * What the deal's gigawatts count.
 */
gwBasis?: GwBasis,
/**
 * Power usage effectiveness: facility power ÷ IT power, in [1, 3].
 */
pue: number,
/**
 * All-in capital cost per deal gigawatt (≥ 0).
 */
capexPerGwUsd: number,
/**
 * Shares of capex by category; each in [0, 1], summing to 1.
 */
capexSplit: CapexSplit,
/**
 * The vendor's revenue per deal gigawatt (≥ 0).
 */
vendorRevenuePerGwUsd: number,
/**
 * All-in IT watts per accelerator (the accelerator plus its share of host, network and
 * storage), > 0.
 */
wattsPerAccelerator: number,
/**
 * Price of electricity in currency per MWh (≥ 0).
 */
electricityUsdPerMwh: number,
/**
 * Average share of facility power drawn, in [0, 1].
 */
utilization: number,
/**
 * Life of the capex in years, in (0.1, 100]: every component's life where `lifeYears` is
 * absent (scenarios from before `lifeYears`).
 */
hardwareLifeYears: number,
/**
 * Life of each capex component in years, each in [0.1, 100]; none: `hardwareLifeYears`
 * for all.
 */
lifeYears?: LifeYears | null,
/**
 * Operating cost other than energy per GW-year (staff, maintenance, land), ≥ 0; 0 when
 * absent.
 */
opexPerGwYearUsd?: number,
/**
 * Months by which GW are delivered (bought) before they are online, in [0, 60]; GW
 * milestones count delivered GW. 0 when absent.
 */
deliveryLeadMonths?: number,
/**
 * Annual rate (compounded yearly) for present values and the capital charge, in (−1, 1];
 * 0 when absent, which keeps older scenarios' meaning (no discounting, straight-line
 * capital recovery).
 */
costOfCapital?: number,
/**
 * ρ in [−1, 1]: how the deployment pace moves with the share price. The uniforms that
 * decide whether each non-binding phase happens and how late it runs are coupled to the
 * share price's standardized log-return up to the phase's scheduled start by a Gaussian
 * copula ([`crate::montecarlo::deployment`]); 0 when absent (independent, as before).
 */
priceCorrelation?: number, };

/**
 * The capacity part of the report.
 */
export type CapacityReport = {
/**
 * Σ phase GW, in the deal's basis.
 */
totalGw: number,
/**
 * The basis of `totalGw`: "facility" or "it".
 */
gwBasis: GwBasis,
/**
 * totalGw × capexPerGwUsd.
 */
capexUsd: number,
/**
 * capexUsd by category (capexUsd × split).
 */
capexByCategoryUsd: CapexByCategory,
/**
 * totalGw × vendorRevenuePerGwUsd.
 */
vendorRevenueUsd: number,
/**
 * vendorRevenueUsd ÷ capexUsd (0 when capex is 0).
 */
vendorShareOfCapex: number,
/**
 * itPowerGw × 1e9 ÷ wattsPerAccelerator.
 */
accelerators: number,
/**
 * IT power in GW: totalGw ÷ PUE on a facility basis, totalGw on an IT basis.
 */
itPowerGw: number,
/**
 * Facility power in GW: totalGw on a facility basis, totalGw × PUE on an IT basis.
 */
facilityPowerGw: number,
/**
 * facilityPowerGw × 1,000 MW/GW × 8,760 h × utilization, at full deployment.
 */
annualEnergyMwh: number,
/**
 * annualEnergyMwh × electricityUsdPerMwh.
 */
annualEnergyCostUsd: number,
/**
 * Σ capex component ÷ its life (straight line, no salvage).
 */
annualDepreciationUsd: number,
/**
 * Σ capex component × CRF(costOfCapital, its life): depreciation plus the return on the
 * capital tied up.
 */
annualCapitalChargeUsd: number,
/**
 * totalGw × opexPerGwYearUsd.
 */
annualOpexUsd: number,
/**
 * annualCapitalChargeUsd + annualEnergyCostUsd + annualOpexUsd.
 */
annualCostUsd: number,
/**
 * annualCostUsd ÷ (accelerators × 8,760 h × utilization); 0 at zero utilization.
 */
costPerAcceleratorHourUsd: number,
/**
 * Gigawatts of binding phases.
 */
bindingGw: number,
/**
 * First and last day of the ramp.
 */
firstOnline: IsoDate, fullyOnline: IsoDate,
/**
 * One row per calendar year from the first phase start to the last phase end.
 */
schedule: Array<ScheduleYear>, };

/**
 * capexUsd by category.
 */
export type CapexByCategory = { accelerators: number, networking: number, facility: number, other: number, };

/**
 * Shares of capex by category, each in [0, 1] and summing to 1.
 */
export type CapexSplit = { accelerators: number, networking: number, facility: number, other: number, };

/**
 * A pair of parties with money going both ways.
 */
export type Circularity = { a: string, b: string, aToB: number, bToA: number,
/**
 * The smaller direction ÷ the larger (nominal).
 */
ratio: number,
/**
 * The same with expected amounts.
 */
expectedRatio: number, };

/**
 * The comparison table.
 */
export type Comparison = {
/**
 * The deals' names, in input order.
 */
deals: Array<string>, rows: Array<ComparisonRow>, };

/**
 * One measure across the deals.
 */
export type ComparisonRow = {
/**
 * The measure's id, report-style, e.g. `capexPerGwUsd` (the page writes its label).
 */
key: string,
/**
 * "usd", "gw", "fraction", "count" or "years".
 */
unit: string,
/**
 * One value per deal; null where the measure does not apply.
 */
values: Array<number | null>, };

/**
 * Capacity bought as a service: a total value over a term.
 */
export type Contract = {
/**
 * Total contract value (≥ 0).
 */
valueUsd: number,
/**
 * Term in years (> 0, at most 100).
 */
years: number,
/**
 * First day of the term; the first phase's start when absent.
 */
start?: IsoDate | null,
/**
 * Payments by calendar year, when the parties gave them; empty: evenly over the term.
 */
schedule?: Array<ScheduledPayment>, };

/**
 * The contract part of the report.
 */
export type ContractReport = { valueUsd: number, years: number,
/**
 * valueUsd ÷ years.
 */
valuePerYearUsd: number,
/**
 * valueUsd ÷ total GW.
 */
valuePerGwUsd: number,
/**
 * valueUsd ÷ (total GW × years).
 */
valuePerGwYearUsd: number,
/**
 * First day of the term.
 */
start: IsoDate,
/**
 * Day after the last day of the term: `start` plus `years` (calendar years, a fraction
 * of a year as ACT/365.25 days).
 */
end: IsoDate,
/**
 * Payments by calendar year: the scenario's `schedule`, else evenly over the term; they
 * sum to valueUsd.
 */
schedule: Array<ContractYear>, };

/**
 * One calendar year of contract payments.
 */
export type ContractYear = { year: number, usd: number, };

/**
 * What the deals' buyers pay (purchases and contract payments), across the layers: a range.
 */
export type CrossLayer = {
/**
 * All cloud capacity runs on the chip deals' chips: the larger layer's money alone.
 */
low: number,
/**
 * None of it does beyond the known `runsOn` links: the two layers' money added, less
 * `nettedUsd`.
 */
high: number,
/**
 * The chip money of GW that `runsOn` links place inside a cloud deal (nominal).
 */
nettedUsd: number,
/**
 * What the two ends assume, in words (English; pages show their own).
 */
basis: string, };

/**
 * Money going round three or more parties.
 */
export type Cycle = {
/**
 * In the order money goes, starting from the first name in alphabetical order.
 */
parties: Array<string>,
/**
 * The smallest flow along the cycle (nominal).
 */
bottleneckUsd: number, };

export type DealRef = { name: string, buyer: string, vendor: string, layer: Layer,
/**
 * The deal's `status` ("" when not given).
 */
status: string, };

/**
 * The dilution part of the report (only for scenarios with a warrant).
 */
export type DilutionReport = {
/**
 * S: basic shares outstanding before the warrant.
 */
sharesOutstanding: number,
/**
 * N: shares under the warrant.
 */
warrantShares: number,
/**
 * N ÷ (S + N).
 */
maxOwnership: number,
/**
 * S ÷ (S + N): what existing holders keep of the company after full exercise.
 */
existingHoldersOwnershipAfter: number,
/**
 * S + N.
 */
dilutedShares: number,
/**
 * N × max(P − K, 0) at today's price.
 */
valueTransferUsd: number,
/**
 * valueTransferUsd ÷ total GW.
 */
valueTransferPerGwUsd: number,
/**
 * C: shares of the tranches whose conditions hold at the valuation date (ASC 260-10-45-48).
 */
contingentShares: number,
/**
 * Whether today's price stands in for a `close` or `average` test of a counted tranche.
 */
priceStandsInForAverage: boolean,
/**
 * C × (1 − K ÷ P) when P > K, else 0: the treasury-stock method on the contingent shares.
 */
tsmIncrementalShares: number,
/**
 * (S·P + N·K) ÷ (S + N).
 */
priceAfterExercise: number,
/**
 * valueTransferUsd ÷ present value of the expected vendor income (revenue and contract),
 * both at the valuation date (0 without vendor income).
 */
effectiveDiscount: number,
/**
 * Value of all tranches at their own price targets (today's price where a tranche has
 * none): Σ n_i × max(target_i − K, 0).
 */
valueAtTargetsUsd: number, tranches: Array<TrancheDilution>, };

/**
 * The issuer of the warrant shares and the market it trades in.
 */
export type Equity = { issuer: string,
/**
 * Basic shares outstanding before the warrant (> 0).
 */
sharesOutstanding: number,
/**
 * Share price at the valuation date (> 0).
 */
sharePrice: number,
/**
 * Annualised volatility of log returns, in (0, 5].
 */
volatility: number,
/**
 * Continuous dividend yield q, in [0, 1).
 */
dividendYield: number,
/**
 * Continuously compounded risk-free rate r, in (−0.5, 1).
 */
riskFreeRate: number,
/**
 * Real-world expected total return μ (continuously compounded, dividends included), in
 * (−1, 2); when absent the real-world measure equals the risk-neutral one (μ = r).
 */
expectedReturn?: number | null,
/**
 * Growth of the deterministic base path (continuously compounded per year), in (−1, 2);
 * when absent the base path grows at the real-world drift μ − q.
 */
basePathGrowth?: number | null,
/**
 * Term structure of implied volatility: points `{years, vol}`, years strictly ascending
 * and > 0, each vol in [0.0001, 5], total variance vol²·years non-decreasing (no calendar
 * arbitrage). When present it overrides `volatility` ([`crate::volatility`]).
 */
volatilityCurve?: Array<VolPoint> | null,
/**
 * Whether the issuer's shares trade publicly (default true). `false`: a private company
 * (Cerebras before its listing), whose share price is the last round's, an assumption
 * the page labels as such.
 */
listed?: boolean | null, };

/**
 * Shares given to the buyer without conditions, valued when given.
 */
export type EquityGrant = {
/**
 * Value of the shares when given (≥ 0).
 */
valueUsd: number, date: IsoDate, };

/**
 * Equity bought with cash: by one party in another, either party of the deal or a third.
 */
export type EquityInvestment = {
/**
 * Who pays (a party name, as `buyer`/`vendor` are written).
 */
investor: string,
/**
 * Whose shares are bought.
 */
investee: string,
/**
 * Paid as gigawatts deploy (the Nvidia letter-of-intent form): min(maxUsd, usdPerGw × GW
 * online).
 */
perGw?: PerGw | null,
/**
 * Paid in fixed amounts, each on a date and possibly on a condition.
 */
tranches?: Array<InvestmentTranche>, };

/**
 * The expected part of the report.
 */
export type ExpectedReport = {
/**
 * Σ phase probability × GW.
 */
gw: number,
/**
 * gw × capexPerGwUsd.
 */
capexUsd: number,
/**
 * gw × vendorRevenuePerGwUsd.
 */
vendorRevenueUsd: number,
/**
 * Σ phase probability × the phase's investment within the cap (0 without investment).
 */
investmentUsd: number,
/**
 * The contract's value (a commitment), 0 without a contract.
 */
contractUsd: number,
/**
 * vendorRevenueUsd + contractUsd.
 */
vendorIncomeUsd: number,
/**
 * The rate the present values use (`capacity.costOfCapital`).
 */
costOfCapital: number, presentValue: PresentValues,
/**
 * By calendar year, phases at their mean delay.
 */
schedule: Array<ExpectedYear>, };

/**
 * One calendar year of expected amounts (nominal).
 */
export type ExpectedYear = { year: number,
/**
 * Expected GW online at the end of the year.
 */
gwOnline: number, capexUsd: number, vendorRevenueUsd: number, investmentUsd: number, contractUsd: number, };

export type FanPoint = { date: IsoDate, p5: number, p25: number, p50: number, p75: number, p95: number, };

/**
 * Money (or equity value) from one party to another, summed over the deals.
 */
export type Flow = { from: string, to: string, kind: FlowKind,
/**
 * Nominal, never negative.
 */
usd: number,
/**
 * Expected (the deals' probabilities); null for warrant value.
 */
expectedUsd: number | null,
/**
 * Money that waits for a condition (a conditional tranche) or a risk (a guarantee): its
 * nominal amount may never be paid.
 */
contingent: boolean, };

/**
 * What a flow is.
 */
export type FlowKind = "purchase" | "service" | "investment" | "warrant" | "guarantee" | "loan";

/**
 * Sensitivities of `totalFairValueUsd` by common random numbers: central differences of runs
 * with the same seed at bumped inputs ([`super::greeks`]).
 */
export type Greeks = {
/**
 * ∂V/∂S: dollars of fair value per $1 of share price, (V(S(1+h)) − V(S(1−h))) ÷ 2hS.
 */
deltaUsd: number,
/**
 * ∂V/∂σ per volatility point: (V(σ+k) − V(σ−k)) ÷ 2k × 0.01 (every point of a term
 * structure moved alike).
 */
vegaUsd: number,
/**
 * Standard errors of the two differences, from the paired paths' totals (before the
 * control variate, so on the safe side).
 */
deltaStandardErrorUsd: number, vegaStandardErrorUsd: number,
/**
 * h: the relative spot bump (0.01).
 */
spotBump: number,
/**
 * k: the volatility bump (0.01, less when a volatility is below 0.02).
 */
volBump: number, };

/**
 * A backstop or guarantee: the guarantor pays up to `maxUsd` if the beneficiary's risk
 * happens (unsold capacity, a lease, a loan). Expected cost = probability × maxUsd.
 */
export type Guarantee = { guarantor: string, beneficiary: string,
/**
 * The most the guarantor may pay (≥ 0).
 */
maxUsd: number,
/**
 * The chance it pays in full, in [0, 1] (an assumption unless a source gives one).
 */
probability: number, start: IsoDate,
/**
 * Last day it covers; None: open-ended.
 */
end?: IsoDate | null,
/**
 * What is guaranteed ("unsold capacity", "lease").
 */
label?: string, };

/**
 * A guarantee: contingent money.
 */
export type GuaranteeReport = { guarantor: string, beneficiary: string, label: string,
/**
 * Nominal: the most the guarantor may pay.
 */
maxUsd: number, probability: number,
/**
 * probability × maxUsd.
 */
expectedUsd: number,
/**
 * Present value of the expected cost, dated at the start.
 */
presentValueUsd: number, };

/**
 * What a deal's "gigawatt" counts.
 */
export type GwBasis = "facility" | "it";

/**
 * Counts of per-path present values in equal bins.
 */
export type Histogram = {
/**
 * Bin edges, one more than the counts.
 */
edgesUsd: Array<number>, counts: Array<number>, };

/**
 * The vendor invests in the buyer as gigawatts deploy.
 */
export type Investment = { investor: string,
/**
 * Invested per gigawatt deployed (≥ 0).
 */
usdPerGw: number,
/**
 * Cap on the total investment (≥ 0).
 */
maxUsd: number, };

/**
 * One investment: its tranches and their sums.
 */
export type InvestmentLegReport = { investor: string, investee: string,
/**
 * Nominal: every tranche and the per-GW rule on all the deal's GW.
 */
usd: number,
/**
 * Expected: each tranche at the probability of its condition.
 */
expectedUsd: number,
/**
 * Present value of the expected amounts at the deal's cost of capital.
 */
presentValueUsd: number,
/**
 * The per-GW rule's nominal amount (0 without one).
 */
perGwUsd: number, tranches: Array<TrancheReport>, };

/**
 * The investment part of the report.
 */
export type InvestmentReport = { investor: string,
/**
 * min(maxUsd, usdPerGw × total GW).
 */
totalUsd: number,
/**
 * vendor revenue + contract payments − totalUsd: what the vendor keeps after investing.
 */
netCashToVendorUsd: number,
/**
 * totalUsd ÷ (vendor revenue + contract payments); 0 when the buyer pays nothing.
 */
circularity: number, schedule: Array<InvestmentYear>, };

/**
 * One payment of an investment.
 */
export type InvestmentTranche = {
/**
 * Amount paid (≥ 0).
 */
usd: number,
/**
 * When it is paid; the expected date when conditional.
 */
date: IsoDate,
/**
 * None: paid unconditionally on `date`.
 */
condition?: TrancheCondition | null,
/**
 * The investee's valuation just after the payment (> 0, at least `usd`): the stake
 * bought is usd ÷ postMoneyValuationUsd. None: no stake is computed.
 */
postMoneyValuationUsd?: number | null, };

/**
 * One calendar year of investment.
 */
export type InvestmentYear = { year: number,
/**
 * Invested during the year.
 */
investedUsd: number,
/**
 * Invested up to the end of the year.
 */
cumulativeUsd: number, };

/**
 * A calendar day: days since 1970-01-01. In JSON (and in TypeScript, as `IsoDate`) it is the
 * text `YYYY-MM-DD`.
 */
export type IsoDate = string;

/**
 * The combined warrants on one issuer.
 */
export type Issuer = {
/**
 * The vendor's short name.
 */
issuer: string, warrantShares: number,
/**
 * S, from the issuer's deal with the latest valuation date.
 */
sharesOutstanding: number,
/**
 * Σ warrant shares ÷ (S + Σ warrant shares).
 */
combinedMaxOwnership: number, };

/**
 * One kind as `optionKinds()` lists it.
 */
export type KindInfo = {
/**
 * The contract's name, e.g. `up_and_out_call`.
 */
kind: string,
/**
 * The fields it takes besides the market's ([`MARKET_FIELDS`]).
 */
fields: Array<string>, };

/**
 * What a deal buys.
 */
export type Layer = "chips" | "cloud";

/**
 * One layer's expected money (the deals' own probabilities).
 */
export type LayerExpected = { capexUsd: number, purchasesUsd: number, contractUsd: number, };

/**
 * One layer's totals.
 */
export type LayerTotals = {
/**
 * GW of the layer's deals, nominal.
 */
gw: number,
/**
 * Σ phase probability × GW.
 */
expectedGw: number,
/**
 * Capex of the layer's GW, nominal.
 */
capexUsd: number,
/**
 * Chip deals: the buyers' purchases (the vendors' revenue), nominal; 0 in the cloud layer
 * unless a cloud deal books vendor revenue per GW.
 */
purchasesUsd: number,
/**
 * Cloud deals: contract payments, nominal; 0 in the chip layer.
 */
contractUsd: number, expected: LayerExpected, };

/**
 * Life in years of each capex component (the categories of `capexSplit`).
 */
export type LifeYears = { accelerators: number, networking: number, facility: number, other: number, };

/**
 * A loan between the parties: `usd` out on `start`, repaid with interest after `years`.
 */
export type Loan = { lender: string, borrower: string,
/**
 * Principal (≥ 0).
 */
usd: number,
/**
 * Annual interest rate, compounded yearly, in [0, 1].
 */
rate: number, start: IsoDate,
/**
 * Term in years, in (0, 100].
 */
years: number, };

/**
 * A loan: out and back with interest.
 */
export type LoanReport = { lender: string, borrower: string,
/**
 * Principal, nominal.
 */
usd: number,
/**
 * usd × (1 + rate)^years, nominal.
 */
repaymentUsd: number,
/**
 * repaymentUsd − usd, nominal.
 */
interestUsd: number, start: IsoDate,
/**
 * When it is repaid: start + years.
 */
end: IsoDate,
/**
 * The lender's present value at the deal's cost of capital: −usd (at start) + the
 * repayment (at end), both discounted to the valuation date.
 */
lenderPresentValueUsd: number, };

/**
 * A probability measure, by id.
 */
export type Measure = "riskNeutral" | "realWorld";

/**
 * Which measure the figures of a valuation are under.
 */
export type Measures = {
/**
 * Fair values, standard errors, percentiles: always `riskNeutral` (drift r − q).
 */
fairValue: Measure,
/**
 * Probabilities, vest dates, expected shares: `realWorld` (drift `expectedReturn` − q, the
 * risk-neutral paths reweighted) when `equity.expectedReturn` is given, else `riskNeutral`.
 */
probability: Measure, };

/**
 * Money totals.
 */
export type Money = { capexUsd: number, vendorRevenueUsd: number, contractUsd: number,
/**
 * The older per-GW investment and the money legs' investments.
 */
investmentUsd: number,
/**
 * Guarantees: at their maximum (nominal) or probability × maximum (expected); contingent.
 */
guaranteeUsd: number,
/**
 * Loans' principal.
 */
loanUsd: number, };

/**
 * The money legs of a scenario; absent from the report when it has none.
 */
export type MoneyReport = { investments: Array<InvestmentLegReport>, guarantees: Array<GuaranteeReport>, loans: Array<LoanReport>,
/**
 * Sums over the legs; each figure labelled nominal, expected or present value.
 */
totals: MoneyTotals, };

/**
 * Sums over the legs.
 */
export type MoneyTotals = {
/**
 * Investments, nominal.
 */
investmentUsd: number,
/**
 * Investments, expected.
 */
expectedInvestmentUsd: number,
/**
 * Guarantees at their maximum, nominal (contingent).
 */
guaranteeMaxUsd: number,
/**
 * Guarantees, expected: Σ probability × max.
 */
expectedGuaranteeUsd: number,
/**
 * Loans' principal, nominal.
 */
loanUsd: number,
/**
 * Loans' interest, nominal.
 */
loanInterestUsd: number, };

/**
 * A price with its sensitivities.
 */
export type OptionPrice = { price: number,
/**
 * ∂V/∂S.
 */
delta: number,
/**
 * ∂²V/∂S².
 */
gamma: number,
/**
 * ∂V/∂σ per unit of σ (divide by 100 for one volatility point).
 */
vega: number,
/**
 * "closed_form" for vanillas, "finite_difference" otherwise (see [`price`]).
 */
greeks: string, };

/**
 * What one party pays, receives and holds across the deals (nominal).
 */
export type Party = { name: string,
/**
 * As a buyer: purchases and contract payments.
 */
paysUsd: number,
/**
 * As a vendor: vendor revenue and contract payments.
 */
receivesUsd: number,
/**
 * As a vendor investing in its buyers.
 */
investsUsd: number,
/**
 * As a buyer receiving vendors' investment.
 */
receivesInvestmentUsd: number,
/**
 * Warrant shares held as a buyer (of any issuer).
 */
warrantSharesReceived: number, };

/**
 * An investment paid per gigawatt deployed, up to a cap.
 */
export type PerGw = {
/**
 * Invested per gigawatt deployed (≥ 0).
 */
usdPerGw: number,
/**
 * Cap on the total (≥ 0).
 */
maxUsd: number, };

export type Percentiles = { p5: number, p50: number, p95: number, };

/**
 * A block of gigawatts coming online linearly from `start` to `end`.
 */
export type Phase = { label?: string,
/**
 * Gigawatts in this phase (> 0).
 */
gw: number,
/**
 * First day of the ramp.
 */
start: IsoDate,
/**
 * Day the phase is fully online (≥ `start`; equal means a step on that day).
 */
end: IsoDate,
/**
 * Whether the buyer is committed to this phase.
 */
binding?: boolean,
/**
 * Chance the phase happens at all, in [0, 1]; 1 when absent.
 */
probability?: number,
/**
 * How late the phase may run, triangular in months; none when absent.
 */
delayMonths?: Triangular | null, };

/**
 * The contract's Portfolio.
 */
export type Portfolio = { deals: Array<DealRef>, totals: Totals, byYear: Array<PortfolioYear>, parties: Array<Party>, issuers: Array<Issuer>, flows: Array<Flow>, circularity: Array<Circularity>, cycles: Array<Cycle>,
/**
 * Who owns how much of whom after the investments with a post-money value (`legs.rs`).
 */
stakes: Array<Stake>, };

/**
 * One calendar year of the portfolio (nominal).
 */
export type PortfolioYear = { year: number,
/**
 * GW online at the end of the year, per layer.
 */
gwOnlineByLayer: ByLayer<number>, capexUsd: number,
/**
 * The buyers' purchases plus contract payments in the year.
 */
paymentsUsd: number,
/**
 * The same by the vendor paid, in order of the vendors' first deal.
 */
paymentsByVendor: Array<VendorAmount>,
/**
 * Capex and payments per layer.
 */
byLayer: ByLayer<YearLayer>, };

/**
 * Present values at the valuation date.
 */
export type PresentValues = { capexUsd: number, vendorRevenueUsd: number, investmentUsd: number, contractUsd: number,
/**
 * vendorRevenueUsd + contractUsd.
 */
vendorIncomeUsd: number, };

/**
 * A share price at a date.
 */
export type PricePoint = { date: IsoDate,
/**
 * ACT/365.25 years from the valuation date.
 */
years: number, priceUsd: number, };

/**
 * How the share price is tested against a tranche's target.
 */
export type PriceTest = { kind: PriceTestKind,
/**
 * Trading days in the trailing average (`average`), ≥ 1 and whole; 1 otherwise.
 */
days?: number, };

/**
 * See the contract: continuous touch, a daily close, or a trailing average of closes.
 */
export type PriceTestKind = "touch" | "close" | "average";

/**
 * One thing wrong with an input.
 */
export type Problem = {
/**
 * Field path in the contract's notation, e.g. `capacity.phases[0].gw`.
 */
path: string,
/**
 * A readable English sentence, without the path.
 */
message: string,
/**
 * A stable id of what is wrong (`"required"`, `"range"`, `"unknown_field"`, ...): the
 * list with the parameters each carries is in `www/i18n/problems.js`.
 */
code: string,
/**
 * The values the message is made of (`{min, max}` for a range), in insertion order.
 */
params: Record<string, number | string>, };

/**
 * One quarter of the schedule (nominal amounts).
 */
export type Quarter = {
/**
 * "2026-Q3".
 */
quarter: string,
/**
 * Last day of the quarter.
 */
end: IsoDate,
/**
 * The rule this quarter follows.
 */
rule: Standard,
/**
 * Expected vendor revenue recognised: expected GW delivered × revenue per GW.
 */
vendorRevenueUsd: number,
/**
 * The quarter's reduction per tranche, before reversals.
 */
byTranche: Array<number>,
/**
 * As-occurred: the expected reversal of forfeited tranches (in the expiry's quarter).
 */
expectedReversalUsd: number,
/**
 * Σ byTranche − expectedReversalUsd.
 */
revenueReductionUsd: number, cumulativeReductionUsd: number,
/**
 * Real-world expectation of the shares whose conditions are met by the quarter's end.
 */
expectedIssuableShares: number, };

/**
 * The contract's Report. Parts that need a warrant, an investment or a contract are null
 * when the scenario has none.
 */
export type Report = { capacity: CapacityReport, dilution: DilutionReport | null, vesting: VestingReport | null, investment: InvestmentReport | null, contract: ContractReport | null,
/**
 * The money legs: investments in tranches, guarantees, loans ([`crate::money`]); absent
 * when the scenario has none.
 */
money?: MoneyReport,
/**
 * Probability-weighted and present values ([`crate::expected`]).
 */
expected: ExpectedReport,
/**
 * The money between the buyer (`a`) and the vendor (`b`) both ways over every money kind of
 * the deal (purchases, contract payments, investments, guarantees, loans) and the smaller
 * direction ÷ the larger ([`crate::flows::deal`], the portfolio's rule); null without a
 * buyer and a vendor.
 */
circularity: Circularity | null,
/**
 * The assumed inputs behind the warrant's figures ([`crate::sources`]).
 */
assumptions: Assumptions, };

/**
 * A cloud deal's capacity running on a chip deal's gigawatts (the portfolio nets the two).
 */
export type RunsOn = {
/**
 * The chip deal's catalogue id.
 */
deal: string,
/**
 * The share of this deal's capacity that runs on it, in (0, 1].
 */
share: number, };

/**
 * One deal, as the user (or a preset) describes it. Field docs give units and the invariants
 * that validation guarantees.
 */
export type Scenario = {
/**
 * Display name of the deal.
 */
name: string,
/**
 * ISO 4217 code of every money amount (three capital letters; "USD" for all presets).
 */
currency: string,
/**
 * The "today" of the scenario: the share price is observed and the simulation starts here.
 */
valuationDate: IsoDate,
/**
 * Short name of the party that buys ("OpenAI"); a portfolio joins deals on it. "" when
 * absent.
 */
buyer?: string,
/**
 * Short name of the party that sells ("AMD"): the warrant's issuer and the investor.
 */
vendor?: string,
/**
 * The catalogue deal's id (`amd-openai-2025`) when the scenario is a version of one
 * (`www/deals.js` sets it); a cloud deal's `runsOn` names it. "" when absent.
 */
id?: string,
/**
 * Parent companies of parties the deal names by a business unit (`{"AWS": "Amazon"}`): the
 * circularity and the cycles match money at the parent ([`crate::flows`]). No party is its
 * own parent, and a parent has none here. Empty when absent.
 */
parents?: { [key in string]: string },
/**
 * What is bought: hardware (`chips`) or capacity as a service (`cloud`); when absent,
 * `cloud` for a deal with a contract, else `chips`.
 */
layer?: Layer | null,
/**
 * Where the deal stands ("definitive", "letter_of_intent", "reported_stalled", ...).
 */
status?: string,
/**
 * The date of the facts behind `status`.
 */
asOf?: IsoDate | null,
/**
 * What changed in this version of a catalogue deal, one line per language, keyed by
 * language tag (`{"en": ..., "de": ...}`). The core keeps the text as given and shows none
 * of it; empty when absent.
 */
event?: { [key in string]: string }, capacity: Capacity,
/**
 * The issuer of the warrant shares; required with a warrant, otherwise optional.
 */
equity?: Equity | null,
/**
 * The vendor's warrant to the buyer, if the deal has one.
 */
warrant?: Warrant | null,
/**
 * The vendor investing in the buyer as gigawatts deploy (Nvidia's letter of intent).
 */
investment?: Investment | null,
/**
 * Capacity bought as a service for a fixed value (Oracle).
 */
contract?: Contract | null,
/**
 * Equity bought with cash, by tranche or per GW ([`money`]); empty when absent.
 */
investments?: Array<EquityInvestment>,
/**
 * Backstops and guarantees between the parties; empty when absent.
 */
guarantees?: Array<Guarantee>,
/**
 * Loans between the parties; empty when absent.
 */
loans?: Array<Loan>,
/**
 * A cloud deal's capacity that runs on a chip deal's gigawatts.
 */
runsOn?: RunsOn | null,
/**
 * Shares the vendor gives the buyer outright (CoreWeave's $350M of stock to OpenAI).
 */
equityGrant?: EquityGrant | null,
/**
 * Where each number comes from.
 */
sources?: Array<Source>, };

/**
 * One calendar year of the deployment.
 */
export type ScheduleYear = { year: number,
/**
 * GW coming online during the year.
 */
gwAdded: number,
/**
 * GW online at the end of the year (cumulative).
 */
gwOnline: number,
/**
 * gwAdded × capexPerGwUsd.
 */
capexUsd: number,
/**
 * Capex up to the end of the year.
 */
cumulativeCapexUsd: number,
/**
 * gwAdded × vendorRevenuePerGwUsd.
 */
vendorRevenueUsd: number,
/**
 * Vendor revenue up to the end of the year.
 */
cumulativeVendorRevenueUsd: number,
/**
 * Energy drawn in the year: ∫ facility GW dt × 24 h × 1,000 × utilization.
 */
energyMwh: number,
/**
 * energyMwh × electricityUsdPerMwh.
 */
energyCostUsd: number, };

/**
 * One calendar year of an explicit contract schedule.
 */
export type ScheduledPayment = {
/**
 * A calendar year, 1900..=2200; the years of a schedule ascend strictly.
 */
year: number,
/**
 * Paid in that year (≥ 0); a schedule's payments sum to the contract's value.
 */
usd: number, };

/**
 * Tornado data for one output.
 */
export type Sensitivity = {
/**
 * The report path of the output, e.g. `dilution.valueTransferUsd`.
 */
output: string,
/**
 * The output at the unchanged scenario.
 */
base: number, swing: number,
/**
 * Largest spread first.
 */
bars: Array<Bar>, };

/**
 * The contract's Solution.
 */
export type Solution = {
/**
 * The input's value found.
 */
value: number,
/**
 * The output at `value`.
 */
output: number, target: number,
/**
 * Trials after the two ends.
 */
iterations: number,
/**
 * Simulated outputs: the output's standard error at `value`, in the output's unit (the
 * name keeps the contract's); null for report numbers.
 */
standardErrorUsd: number | null,
/**
 * The output at `lo` and at `hi`.
 */
outputAtLo: number, outputAtHi: number, };

/**
 * Where a number comes from.
 */
export type Source = {
/**
 * Field path the source is for, e.g. `equity.sharePrice`.
 */
field: string, title?: string, url?: string,
/**
 * "assumption" where nothing public exists; otherwise a short quote or derivation.
 */
note?: string,
/**
 * The date of the source (publication or filing).
 */
date?: IsoDate | null,
/**
 * What kind of source it is; none for an assumption.
 */
tier?: SourceTier | null,
/**
 * The figure this source gives where it differs from the field's value: a conflict
 * between sources, shown beside the field. In the field's unit.
 */
value?: number | null, };

/**
 * How close a source is to the party that made the figure.
 */
export type SourceTier = "filing" | "company" | "press" | "secondary";

/**
 * Who owns how much of whom after the deals' investments with a post-money value.
 */
export type Stake = { investee: string, investor: string,
/**
 * Paid for the stake, nominal.
 */
usd: number,
/**
 * Σ usd ÷ post-money valuation over the tranches, 0..1.
 */
ownership: number,
/**
 * The date of the latest tranche counted.
 */
asOf: IsoDate, };

/**
 * Which treatment the schedule follows.
 */
export type Standard = "asu-2025-04" | "service-condition" | "as-occurred";

/**
 * A total revenue reduction.
 */
export type Total = { totalReductionUsd: number, };

/**
 * Totals: GW per layer, money nominal and expected.
 */
export type Totals = { gwByLayer: ByLayer<number>, expectedGwByLayer: ByLayer<number>, expected: Money,
/**
 * Money per layer (`layers.rs`): chip purchases and cloud contracts never added together.
 */
byLayer: ByLayer<LayerTotals>,
/**
 * The buyers' payments across the layers, only as a range.
 */
crossLayer: CrossLayer, capexUsd: number, vendorRevenueUsd: number, contractUsd: number,
/**
 * The older per-GW investment and the money legs' investments.
 */
investmentUsd: number,
/**
 * Guarantees: at their maximum (nominal) or probability × maximum (expected); contingent.
 */
guaranteeUsd: number,
/**
 * Loans' principal.
 */
loanUsd: number, };

/**
 * A price target H priced as touches: one share (strike K) received at the first touch of H,
 * paid at the hit. Per share: asset one-touch at hit − K × cash one-touch at hit, both from
 * the closed forms above. This is a tranche whose milestone is met, valued under its price
 * condition alone (continuous monitoring), and the Monte Carlo's control variate.
 */
export type TouchTranche = {
/**
 * Asset one-touch paid at the hit, per share.
 */
assetOneTouchUsd: number,
/**
 * Cash one-touch paying 1 at the hit.
 */
cashOneTouch: number,
/**
 * asset one-touch − strike × cash one-touch, per share.
 */
perShareUsd: number, };

/**
 * A block of warrant shares that vests when its gigawatt milestone and its price test are met.
 */
export type Tranche = {
/**
 * Shares in the tranche (> 0).
 */
shares: number,
/**
 * Cumulative gigawatts online that the tranche needs, in (0, total GW].
 */
gwTrigger: number,
/**
 * Share price the tranche needs (> 0), or none for a milestone-only tranche.
 */
priceTarget?: number | null, priceTest?: PriceTest, };

/**
 * One tranche in the books.
 */
export type TrancheAccounting = { index: number, shares: number,
/**
 * Grant-date fair value per share, market condition only (risk-neutral).
 */
fairValuePerShareUsd: number,
/**
 * Its standard error (per share).
 */
standardErrorUsd: number,
/**
 * P(GW milestone met by expiry): deployment risk.
 */
milestoneProbability: number,
/**
 * milestoneProbability ≥ probableThreshold.
 */
probable: boolean, };

/**
 * What a conditional tranche waits for.
 */
export type TrancheCondition = { "kind": "gw", gw: number, } | { "kind": "event", label: string, probability: number, };

/**
 * One tranche's effect on ownership.
 */
export type TrancheDilution = {
/**
 * Position in `warrant.tranches` (0-based).
 */
index: number, shares: number,
/**
 * Shares of this and all earlier tranches.
 */
cumulativeShares: number,
/**
 * cumulativeShares ÷ (S + cumulativeShares).
 */
ownershipAfter: number,
/**
 * shares × max(P − K, 0) at today's price.
 */
valueTodayUsd: number,
/**
 * shares × max(target − K, 0); null without a target.
 */
valueAtTargetUsd: number | null,
/**
 * Whether the tranche's conditions hold at the valuation date (in `contingentShares`).
 */
contingent: boolean, };

/**
 * One tranche of an investment.
 */
export type TrancheReport = { usd: number, date: IsoDate,
/**
 * Whether it waits for a condition.
 */
conditional: boolean,
/**
 * The probability its condition is met (1 without one).
 */
probability: number,
/**
 * usd × probability.
 */
expectedUsd: number,
/**
 * usd ÷ post-money valuation; null without a valuation.
 */
stake: number | null, };

export type TrancheValuation = { index: number, shares: number,
/**
 * Chance of vesting by expiry (real world).
 */
probability: number,
/**
 * The same under the risk-neutral measure.
 */
riskNeutralProbability: number,
/**
 * Mean vest date of the paths that vest (real world); null if none does.
 */
expectedVestDate: IsoDate | null,
/**
 * Median vest date of the paths that vest (real world); null if none does.
 */
medianVestDate: IsoDate | null,
/**
 * Risk-neutral value of the tranche (shares × per-share value).
 */
fairValueUsd: number, standardErrorUsd: number, plainStandardErrorUsd: number,
/**
 * Closed-form value of a continuous one-touch of the target paying H − K, for shares
 * (the control variate's anchor; an upper bound when the milestone is not met); null
 * without a target.
 */
closedFormTouchUsd: number | null, };

/**
 * One tranche on the base path.
 */
export type TrancheVesting = { index: number, shares: number, gwTrigger: number,
/**
 * First day `gwTrigger` GW are delivered on the scheduled ramp (online minus
 * `deliveryLeadMonths`).
 */
milestoneDate: IsoDate | null, priceTarget: number | null,
/**
 * (target ÷ price)^{1/T} − 1; null without a target.
 */
requiredCagr: number | null,
/**
 * First day the base path passes the price test (under `price_after_milestone`, on or
 * after the milestone); the day it starts to count when there is no target or it is
 * already passed; null if not by expiry.
 */
priceDate: IsoDate | null,
/**
 * max(milestoneDate, priceDate) if on or before expiry, else null ([`vest_at`]).
 */
vestDate: IsoDate | null,
/**
 * The target priced as touches from the valuation date to expiry (risk-neutral, the
 * milestone taken as met, continuous monitoring): per share, asset one-touch at hit −
 * strike × cash one-touch at hit ([`touch_tranche`]); null without a target.
 */
touch: TouchTranche | null, };

/**
 * The move to ASU 2025-04 at `adoptionDate` (modified retrospective).
 */
export type Transition = {
/**
 * As given.
 */
adoptionDate: IsoDate,
/**
 * The first quarter that follows the ASU ("2027-Q1").
 */
firstQuarter: string,
/**
 * The rule of the quarters before it.
 */
prior: Standard,
/**
 * "modified-retrospective".
 */
method: string,
/**
 * The ASU's cumulative reduction before the first quarter less the prior practice's
 * (nominal): booked to opening retained earnings, not revenue.
 */
cumulativeEffectUsd: number, };

/**
 * A triangular distribution: `0 ≤ min ≤ mode ≤ max`, `min < max` unless all equal.
 */
export type Triangular = { min: number, mode: number, max: number, };

/**
 * The contract's Valuation.
 */
export type Valuation = {
/**
 * Paths simulated (pairs × 2 with antithetic paths).
 */
paths: number, seed: number, stepsPerYear: number,
/**
 * Grid steps from the valuation date to expiry.
 */
steps: number, antithetic: boolean, controlVariate: boolean,
/**
 * Share of the requested paths done (1 when complete).
 */
progress: number,
/**
 * Which measure each figure is under.
 */
measures: Measures,
/**
 * Σ tranches' fair values (risk-neutral).
 */
totalFairValueUsd: number,
/**
 * Standard error of `totalFairValueUsd` (after the control variate).
 */
standardErrorUsd: number,
/**
 * Standard error without the control variate.
 */
plainStandardErrorUsd: number,
/**
 * totalFairValueUsd ÷ the present value of the expected vendor income (revenue and
 * contract payments, [`crate::expected`]), both at the valuation date.
 */
effectiveDiscount: number,
/**
 * Percentiles of the present value of all tranches on one path (risk-neutral).
 */
percentiles: Percentiles, histogram: Histogram,
/**
 * Σ shares × probability (real world).
 */
expectedSharesIssued: number,
/**
 * E[n ÷ (S + n)] with n the shares vested on a path (real world).
 */
expectedOwnership: number, tranches: Array<TrancheValuation>,
/**
 * Real-world price quantiles over time from the first paths, for a fan chart.
 */
priceFan: Array<FanPoint>,
/**
 * A few real-world price paths at the fan's dates.
 */
samplePaths: Array<Array<number>>,
/**
 * With `options.greeks`, once the bumped runs are done ([`super::greeks`]); else null.
 */
greeks: Greeks | null, };

/**
 * An amount paid to one vendor.
 */
export type VendorAmount = { vendor: string, usd: number, };

/**
 * The vesting part of the report (only for scenarios with a warrant).
 */
export type VestingReport = {
/**
 * Growth of the base path, μ − q (continuously compounded per year).
 */
baseGrowth: number,
/**
 * Which growth the base path uses: "basePathGrowth" (the user's), "expectedReturn"
 * (μ − q) or "riskFreeRate" (r − q).
 */
baseGrowthSource: string,
/**
 * Years from the valuation date to expiry (ACT/365.25).
 */
yearsToExpiry: number,
/**
 * The base path P₀·e^{g·t} at [`BASE_PATH_POINTS`] dates: the mean path at growth g, not a
 * forecast (half of all lognormal paths end below their median, which is lower).
 */
basePath: Array<PricePoint>,
/**
 * g − σ²/2: the growth of the median path (a lognormal price's median grows at its mean's
 * rate less half its variance; Hull, "Options, Futures, and Other Derivatives", ch. 15).
 */
medianGrowth: number,
/**
 * The median path P₀·e^{(g − σ²/2)t} at the same dates.
 */
medianPath: Array<PricePoint>, tranches: Array<TrancheVesting>, };

/**
 * How a tranche's GW milestone and price test combine (the filings do not say; see
 * [`crate::warrant_terms::vest_at`]).
 */
export type VestingRule = "conditions_once_met" | "price_after_milestone";

/**
 * One point of the volatility term structure: the implied volatility to `years`.
 */
export type VolPoint = {
/**
 * Years from the valuation date (> 0).
 */
years: number,
/**
 * Annualised implied volatility to `years` (in [0.0001, 5]).
 */
vol: number, };

/**
 * A warrant on newly issued shares that vests in tranches.
 */
export type Warrant = { holder: string,
/**
 * Total shares under the warrant (> 0); the tranches' shares sum to it.
 */
shares: number,
/**
 * Exercise price per share (≥ 0).
 */
strike: number, issueDate: IsoDate,
/**
 * Last day a tranche can vest (after `issueDate` and after the valuation date).
 */
expiryDate: IsoDate,
/**
 * The issuer's share price at the grant (`issueDate`), > 0; `equity.sharePrice` when
 * absent. Accounting measures the warrant at this price (ASC 718).
 */
grantSharePrice?: number | null,
/**
 * How a tranche's two conditions combine; `conditions_once_met` when absent.
 */
vestingRule?: VestingRule,
/**
 * At least one tranche.
 */
tranches: Array<Tranche>, };

/**
 * One layer in one calendar year (nominal).
 */
export type YearLayer = { capexUsd: number, purchasesUsd: number, contractUsd: number, };
