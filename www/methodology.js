// The methodology panel: every formula the calculator uses, its conventions, and every source
// of the current scenario with its address, date and tier (and the figure it gives where it
// disagrees with the field).
import { el } from './dom.js';
import { t, fmt } from './i18n.js';
import { sourceLine } from './history.js';

const FORMULAS = [
  ['Capex', 'capex = GW × capex per GW; by category = capex × share'],
  ['Vendor revenue', 'vendor revenue = GW × vendor revenue per GW'],
  ['Power', 'facility basis: IT power = GW ÷ PUE; IT basis: facility power = GW × PUE'],
  ['Accelerators', 'accelerators = IT power (W) ÷ all-in watts per accelerator'],
  ['Energy', 'MWh per year = facility MW × 8,760 h × utilization; cost = MWh × $/MWh'],
  ['Annual cost', 'Σ capex component × CRF(r, its life) + energy + operations per GW-year × GW, CRF(r, n) = r ÷ (1 − (1 + r)^−n), 1 ÷ n at r = 0 (equivalent annual cost; Brealey, Myers & Allen ch. 6); per accelerator-hour ÷ (accelerators × 8,760 × utilization)'],
  ['Expected values', 'each phase × its probability; delays at the triangular mean (min + mode + max) ÷ 3 for the schedule; investment: Σ phase probability × the phase\'s investment within the cap'],
  ['Present value', 'amount × (1 + r)^−τ, r = cost of capital compounded yearly, τ = years from the valuation date to the middle of the amount\'s part of each calendar year'],
  ['Contract', 'paid by the parties\' yearly schedule where one is given, else evenly over the term from its start: each calendar year its share of the term in years; no GW × revenue per GW on top'],
  ['Investment tranches', 'nominal = the amount; expected = amount × the chance its condition is met (an event\'s probability; for a GW milestone, the chance that the phases that happen reach it); present value from the tranche\'s date'],
  ['Stake', 'amount ÷ post-money valuation (post-money = pre-money + the round\'s new money; Metrick & Yasuda, Venture Capital and the Finance of Innovation, ch. 2); later rounds\' dilution not modelled'],
  ['Guarantee', 'contingent: nominal = the most the guarantor may pay; expected = probability × maximum'],
  ['Loan', 'repayment = principal × (1 + rate)^years (compounded yearly); the lender\'s present value = −principal + repayment, each discounted at the cost of capital'],
  ['Deal history', 'each deal is a list of dated versions; the version in force on a date is the latest dated on or before it; a superseded or cancelled deal leaves the portfolio from that date'],
  ['Schedule', 'each phase ramps linearly from start to fully online; capex and revenue as GW come online'],
  ['Ownership', 'max ownership = N ÷ (S + N); after tranche i: n_i ÷ (S + n_i), n_i cumulative'],
  ['Value transferred', 'N × max(P − K, 0) at today\'s price; per tranche at its target'],
  ['Contingent shares', 'shares of the tranches whose GW milestone is met and whose price test holds at today\'s price on the valuation date (ASC 260-10-45-48); vested tranches count in basic shares (ASC 260-10-45-13)'],
  ['Treasury stock method', 'incremental shares = contingent shares × (1 − K ÷ P) (ASC 260-10-45-23)'],
  ['Price after exercise', '(S·P + N·K) ÷ (S + N)'],
  ['Effective discount', 'value transferred (or fair value) ÷ present value of the expected vendor revenue and contract payments, both at the valuation date'],
  ['Circularity', 'the money between the buyer and the vendor both ways, every money kind counted (purchases, contract payments, investments, guarantees at their maximum, loans out and their repayment), a business unit matched at its parent (AWS at Amazon); circularity = the smaller direction ÷ the larger, nominal and expected, the same rule in a deal and in the portfolio; equity given is not money; the older per-GW investment also shows investment ÷ (vendor revenue + contract payments), investment = min(cap, per GW × GW online)'],
  ['Milestone', 'first day the cumulative GW delivered (online less the delivery lead) reach the tranche\'s trigger'],
  ['Base path', 'P(t) = P₀·e^{(μ−q)t}: the mean path, not a forecast; the median path grows at μ − q − σ²/2 (Hull ch. 15); required CAGR = (H ÷ P₀)^{1/T} − 1'],
  ['Vesting', 'a tranche vests at the later of its milestone and its price test, if by expiry; under "price after milestone" the price test counts only from the milestone on (our two readings of the 8-K, which states no order)'],
  ['In the books', 'consideration payable to a customer (ASC 606-10-32-25) at grant-date fair value (ASC 718, ASU 2019-08): per share, the risk-neutral value from the issue date at the grant price of one share less the strike when the price test is met, every phase on schedule (market condition only); ASU 2025-04: Σ value × shares over tranches whose milestone is probable (a policy threshold, default 75%); service condition: Σ value × shares × milestone probability; forfeitures as they occur: Σ value × shares, the expected forfeitures Σ value × shares × (1 − probability) reversed at expiry; each tranche spread over the scheduled purchases up to its own milestone, as a volume rebate is (or, over the contract, in proportion to all expected revenue); an adoption date splits the quarters between the practice before the ASU and the ASU, the modified retrospective transition taking the difference before it to opening retained earnings (ASU 2025-04, Effective Date and Transition: fiscal years beginning after 15 December 2026, modified or full retrospective, an interim adoption as of the start of its fiscal year; as KPMG, Defining Issues, May 2025, and Bonadio, June 2025, summarise it); without one the ASU applies from the grant (early adoption); a model of the standards, not an auditor\'s opinion'],
  ['Goal seek', 'the input\'s value in [lo, hi] at which the output meets the target: false position, Illinois variant (Dowell & Jarratt 1971), from the outputs at both ends (a target between them is required); stops within 1e-9 of the target for report numbers, within half a standard error for simulated figures, which use the same seed and paths at every trial (common random numbers)'],
  ['Portfolio', 'deals joined on their party names; flows: purchases (vendor revenue) and contract payments from buyer to vendor, investments (conditional tranches contingent, expected at their probability), guarantees (contingent: nominal the maximum, expected probability × maximum), loans out and back with interest, and equity given (a warrant at fair value once valued, else intrinsic, labelled; an outright grant\'s value) from vendor to buyer; stakes = paid ÷ post-money valuation; circularity over every money kind and cycles through three or more parties, at the parents; GW and money of chip and cloud deals never added, across layers only as a range: low = the larger layer, high = both less the chip money of GW that a cloud deal\'s runsOn places on a chip deal\'s chips'],
  ['Monte Carlo', 'GBM; fair value risk-neutral (drift r − q, discount at r); probabilities and dates real-world (drift μ − q); touch exact by a Brownian bridge; antithetic pairs; one-touch control variate (Glasserman 2004, §4.1, §6.4), an option: off in the page\'s default run (with quasi-random paths it did not lower the error)'],
  ['Quasi-random paths', 'scrambled Sobol points (Joe & Kuo 2008 directions, Owen scrambling as Burley 2020) for the first 32 normals of a Brownian-bridge construction, coarse to fine, and for the deployment draws; the rest pseudo-random (Glasserman 2004, §5.2, §3.1.2); each block of 2,048 paths one independent randomization; standard error from the spread of the blocks (L\'Ecuyer & Lemieux 2002)'],
  ['Price correlation', 'Gaussian copula (Li 2000): each non-binding phase\'s uniforms u (happens, delay) become Φ(−ρ·Z + √(1 − ρ²)·Φ⁻¹(u)), Z the standardized log-return of the share price from the valuation date to the phase\'s scheduled start; each phase\'s probability and delay distribution are unchanged, ρ > 0 makes it likelier and earlier after a rise; ρ = 0: independent'],
  ['Volatility term structure', 'points (T, σ_T) read as total variance w(T) = σ_T²·T, linear between points (piecewise-constant forward variance), flat volatility outside; each step of the path has variance w(t₁) − w(t₀) (Hull ch. 20); total variance must not fall (calendar arbitrage, Gatheral 2006); closed forms use √(w(T) ÷ T)'],
  ['Greeks', 'delta = (V(S·1.01) − V(S·0.99)) ÷ (0.02·S), vega = (V(σ + 1 pt) − V(σ − 1 pt)) ÷ 2 per volatility point: runs with the same seed (common random numbers, Glasserman 2004, §7.1)'],
  ['Closed forms', 'Black–Scholes–Merton, Reiner–Rubinstein barriers and binaries (Haug 2007), Galai–Schneller warrants'],
];

const CONVENTIONS = [
  'Fractions are 0..1 in the data and shown as percentages.',
  'Year fractions are ACT/365.25; rates are continuously compounded.',
  'GW are counted on the scenario\'s basis (facility or IT), which the announcements do not state.',
  'Fair values are risk-neutral; probabilities and vest dates are real-world unless no expected return is given.',
  'Every figure is labelled nominal, expected (the deal\'s own probabilities) or present value (at the cost of capital).',
  'A value transferred is intrinsic: it ignores every condition of the warrant.',
  'Prices are not investment advice; every number without a public source is marked as an assumption.',
];

/**
 * The worked example of the goal seek: which volatility, or which first price target, brings
 * the books' reduction to 5% of expected revenue (AMD's "less than 5%", as a bank's note
 * reports it); the buttons fill the goal seek and run it (solve.js), so every figure is the
 * core's for the deal on screen.
 */
function workedExample(scenario) {
  if (!scenario.warrant) return null;
  const ask = (detail) => () => document.dispatchEvent(new CustomEvent('dealcalc:solve', { detail }));
  const share = { output: 'accounting.reductionShareOfRevenue', target: 0.05 };
  const volatility = el('button', { type: 'button', id: 'example-volatility', text: t('Which volatility gives 5%?') });
  volatility.addEventListener('click', ask({ ...share, input: 'volatility', lo: 0.1, hi: 0.55 }));
  const target = el('button', { type: 'button', id: 'example-target', text: t('Which first price target gives 5%?') });
  target.addEventListener('click', ask({ ...share, input: 'warrant.tranches[0].priceTarget', lo: 200, hi: 2000 }));
  return el('div', { class: 'worked-example' },
    el('h3', { text: t('Worked example: the books at 5% of revenue') }),
    el('p', { text: t('AMD told analysts, as a bank\'s note reports it (secondary), that the warrant reduces revenue per GW by less than 5%. Which terms give that? The goal seek in the sensitivity section answers for this deal: the volatility, or the first price target, at which the books\' reduction is 5% of expected vendor revenue (ASU 2025-04, tranche attribution, 4,000 paths a trial).') }),
    el('div', { class: 'control' }, volatility, target));
}

export function renderMethodology(root, scenario) {
  const formulas = el('dl', { class: 'formulas' });
  for (const [name, formula] of FORMULAS) formulas.append(el('dt', { text: t(name) }), el('dd', { text: formula }));
  const sources = el('ul', { class: 'sources' });
  for (const s of scenario.sources ?? []) {
    const other = typeof s.value === 'number' ? el('strong', { text: ` ${t('conflict')}: ${fmt.num(s.value, 6)}` }) : null;
    sources.append(el('li', {}, el('code', { text: s.field }), ' — ', ...sourceLine(s), other));
  }
  root.replaceChildren(
    el('h2', { text: t('Methodology') }),
    el('h3', { text: t('Formulas') }), formulas,
    workedExample(scenario),
    el('h3', { text: t('Conventions') }), el('ul', {}, ...CONVENTIONS.map((c) => el('li', { text: t(c) }))),
    el('h3', { text: t('Sources of this scenario') }), sources,
  );
}
