// The report on the page: the headline cards, the capacity, investment, contract, tranche and
// dilution tables with their charts, and a spoken summary for screen readers once typing
// pauses. Everything shown comes from the report (and the last valuation) as computed.
import { el } from './dom.js';
import { t, fmt } from './i18n.js';
import { capacityChart, ownershipChart } from './charts.js';
import { headlineItems } from './headline.js';
import { assumptionNote, card, conditionText, dataTable, fieldLabel, renderCards, scrollBox, trancheTable, updateCard } from './ui.js';
import { page } from './state.js';

let pricingPanel = null;

/** The pricing panel that the tranche table's buttons load (app.js mounts it). */
export function usePricingPanel(panel) {
  pricingPanel = panel;
}

/** A button that loads tranche i, priced as touches by the core, into the pricing panel. */
function touchButton(i) {
  const b = el('button', { type: 'button', class: 'touch', 'data-tranche': String(i), text: t('Price as touch') });
  b.setAttribute('aria-label', `${t('Price as touch')}: ${t('tranche {n}', { n: i + 1 })}`);
  b.addEventListener('click', () => {
    const { scenario, report } = page;
    pricingPanel?.priceTranche({ scenario, vesting: report.vesting, index: i });
  });
  return b;
}

/**
 * The headline's fair-value card: the live valuation's figure (page.valuation), provisional
 * first and final after the workers' base run, or "computing…" before; data-state, data-ms
 * (ms since navigation when the deal got its first figure) and data-price (the share price it
 * was valued at) say which, for scripts and tests.
 */
function fairValueItem(r) {
  const v = page.valuation;
  const state = v ? page.valuationState : null;
  const assumed = r.assumptions.fairValue.length
    ? t('assumption: {n} inputs (named in the valuation)', { n: new Set(r.assumptions.fairValue.map(fieldLabel)).size }) : null;
  const note = !v ? t('computing…')
    : state === 'provisional' ? t('provisional: {paths} paths, ± {se}', { paths: fmt.num(v.paths, 0), se: fmt.usd(v.standardErrorUsd) })
      : t('Monte Carlo, risk-neutral ± {se}', { se: fmt.usd(v.standardErrorUsd) });
  const attrs = v ? { 'data-state': state, 'data-ms': String(Math.round(page.valuationMs)), 'data-price': String(page.valuationPrice) } : {};
  return { label: t('Fair value of the warrant'), value: v ? fmt.usd(v.totalFairValueUsd) : '…', out: 'headline.fairValue', note: [note, assumed].filter(Boolean).join(' · '), attrs };
}

/**
 * The headline's discount: the fair value ÷ the present value of the expected vendor income,
 * both at the valuation date (the valuation's effectiveDiscount: like divided by like),
 * provisional and then final with the fair value it divides.
 */
function discountItem() {
  const v = page.valuation;
  const note = !v ? t('computing…')
    : page.valuationState === 'provisional' ? t('provisional: fair value ÷ present value of expected vendor income')
      : t('fair value ÷ present value of expected vendor income, both today');
  const attrs = v ? { 'data-state': page.valuationState, 'data-value': String(v.effectiveDiscount) } : {};
  return { label: t('Effective discount'), value: v ? fmt.pct(v.effectiveDiscount, 1) : '…', out: 'headline.discount', note, attrs };
}

/** Shows a live valuation's figure in the headline (only its cards are redrawn). */
export function showFairValue(v, state, price) {
  // data-ms: when the deal as it stands got its first figure (refinements keep it).
  if (!page.valuation) page.valuationMs = performance.now();
  page.valuation = v;
  page.valuationState = state;
  page.valuationPrice = price;
  if (!page.report) return;
  for (const [out, item] of [['headline.fairValue', fairValueItem(page.report)], ['headline.discount', discountItem()]]) {
    const old = document.querySelector(`#headline [data-out="${out}"]`)?.closest('[part="card"]');
    if (old && !updateCard(old, item)) old.replaceWith(card(item));
  }
  // The tranche table shows the final figure's probabilities.
  if (state === 'final') scheduleDetails();
}

let detailsTimer = null;

/**
 * Draws the report: the headline at once, the tables and charts of #details in a later task
 * (one pending draw however many edits; while the reader types, after a pause), so that no
 * task keeps a reader's typing waiting.
 */
export function renderReport(r) {
  const items = headlineItems(r);
  if (r.dilution) {
    // The simulated fair value and the discount it gives, after the intrinsic value.
    const at = items.findIndex((i) => i.out === 'dilution.valueTransferUsd') + 1;
    items.splice(at, 0, fairValueItem(r), discountItem());
    // The intrinsic ratio is not the discount; the element, which runs no simulation, shows
    // it labelled as what it is.
    items.splice(items.findIndex((i) => i.out === 'dilution.effectiveDiscount'), 1);
  }
  renderCards(document.getElementById('headline'), items);
  scheduleDetails();
}

/** While the reader types, the details wait for a pause (the headline shows each edit). */
const DETAILS_PAUSE_MS = 150;

function scheduleDetails() {
  clearTimeout(detailsTimer);
  detailsTimer = setTimeout(() => {
    if (page.report) renderDetails(page.report);
  }, page.typing ? DETAILS_PAUSE_MS : 0);
}

/** The report's tables and charts into #details. */
function renderDetails(r) {
  // Which figure of the live valuation the tables show (for scripts and tests).
  document.getElementById('details').dataset.valuation = page.valuation ? page.valuationState : 'none';
  const c = r.capacity;
  const d = r.dilution;
  const parts = [
    dataTable(t('Capacity'), [t('Quantity'), t('Value')], [
      [t('IT power'), `${fmt.num(c.itPowerGw, 3)} GW`],
      [t('Facility power'), `${fmt.num(c.facilityPowerGw, 3)} GW`],
      [t('Accelerators'), fmt.num(c.accelerators, 0)],
      [t('Energy per year (full deployment)'), `${fmt.num(c.annualEnergyMwh / 1e6, 2)} TWh`],
      [t('Energy cost per year'), fmt.usd(c.annualEnergyCostUsd)],
      [t('Depreciation per year'), fmt.usd(c.annualDepreciationUsd)],
      [t('Capital charge per year (depreciation + return on capital)'), fmt.usd(c.annualCapitalChargeUsd)],
      [t('Operations per year'), fmt.usd(c.annualOpexUsd)],
      [t('Annual cost (capital charge + energy + operations)'), fmt.usd(c.annualCostUsd)],
      [t('Cost per accelerator-hour'), fmt.money(c.costPerAcceleratorHourUsd)],
    ]),
    capacityChart(c),
  ];
  parts.push(expectedTable(r));
  if (r.investment) {
    const inv = r.investment;
    parts.push(dataTable(t('Vendor investment by {who}', { who: inv.investor }), [t('Year'), t('Invested'), t('Cumulative')],
      inv.schedule.map((y) => [String(y.year), fmt.usd(y.investedUsd), fmt.usd(y.cumulativeUsd)])
        .concat([[t('Total'), fmt.usd(inv.totalUsd), t('net to vendor {x}', { x: fmt.usd(inv.netCashToVendorUsd) })]])));
  }
  if (r.contract) {
    const k = r.contract;
    parts.push(dataTable(t('Service contract'), [t('Quantity'), t('Value')], [
      [t('Value'), fmt.usd(k.valueUsd)], [t('Term'), `${fmt.num(k.years)} ${t('years')}`], [t('Per year'), fmt.usd(k.valuePerYearUsd)],
      [t('Per GW'), fmt.usd(k.valuePerGwUsd)], [t('Per GW-year'), fmt.usd(k.valuePerGwYearUsd)],
      [t('Term'), `${fmt.date(k.start)} – ${fmt.date(k.end)}`],
    ]));
    parts.push(dataTable(t('Contract payments by year (nominal; a service covers capex, energy, operations and margin, so it exceeds the capex)'), [t('Year'), t('Paid')],
      k.schedule.map((y) => [String(y.year), fmt.usd(y.usd)])));
  }
  parts.push(...moneyTables(r.money, page.scenario));
  if (d && r.vesting) {
    const vest = r.vesting;
    const source = { basePathGrowth: t('your growth rate'), expectedReturn: t('real-world expected return'), riskFreeRate: t('risk-free rate') }[vest.baseGrowthSource];
    const caption = t('Tranches on the base path: the mean price at {g} a year ({source}), not a forecast; its median grows at {m}', { g: fmt.pct(vest.baseGrowth, 1), source, m: fmt.pct(vest.medianGrowth, 1) });
    parts.push(trancheTable(r, { full: true, action: touchButton, caption, valuation: page.valuation }));
    parts.push(dataTable(t('Dilution'), [t('Quantity'), t('Value')], [
      [t('Diluted shares'), fmt.num(d.dilutedShares, 0)],
      [t('Existing holders keep'), fmt.pct(d.existingHoldersOwnershipAfter)],
      [t('Contingently issuable shares today (ASC 260-10-45-48)'), fmt.num(d.contingentShares, 0) + (d.priceStandsInForAverage ? ` (${t('today\'s price stands in for the average test')})` : '')],
      [t('Treasury-stock-method shares (of those)'), fmt.num(d.tsmIncrementalShares, 0)],
      [t('Value transferred (intrinsic, ignoring conditions)'), fmt.usd(d.valueTransferUsd)],
      [t('Price after exercise'), fmt.money(d.priceAfterExercise)],
      [t('Value transferred per GW'), fmt.usd(d.valueTransferPerGwUsd)],
      [t('Value at the price targets'), fmt.usd(d.valueAtTargetsUsd)],
    ]));
    parts.push(el('div', {}, ownershipChart(d), assumptionNote(r.assumptions.ownership, t('Ownership by tranche'))));
  }
  document.getElementById('details').replaceChildren(...parts.filter(Boolean));
}

/**
 * The money legs (src/money.rs): each investment by tranche, guarantees and loans, every
 * figure labelled nominal, expected (the deal's own probabilities) or present value.
 */
function moneyTables(m, s) {
  if (!m) return [];
  const out = m.investments.map((inv, i) => {
    const terms = s?.investments?.[i]?.tranches ?? [];
    const rows = inv.tranches.map((x, j) => [fmt.date(x.date), conditionText(terms[j]?.condition), fmt.usd(x.usd), fmt.pct(x.probability, 0), fmt.usd(x.expectedUsd), x.stake == null ? '–' : fmt.pct(x.stake, 2)]);
    if (inv.perGwUsd > 0) rows.push([t('as GW deploy'), t('per GW'), fmt.usd(inv.perGwUsd), '–', fmt.usd(inv.expectedUsd - inv.tranches.reduce((a, x) => a + x.expectedUsd, 0)), '–']);
    rows.push([t('Total'), t('present value {x}', { x: fmt.usd(inv.presentValueUsd) }), fmt.usd(inv.usd), '', fmt.usd(inv.expectedUsd), '']);
    const caption = t('Investment by {who} in {whom}', { who: inv.investor, whom: inv.investee });
    return scrollBox(caption, {}, dataTable(caption, [t('Date'), t('Condition'), t('Nominal'), t('Probability'), t('Expected'), t('Stake bought')], rows));
  });
  if (m.guarantees.length) {
    const caption = t('Guarantees (contingent: paid only if the risk happens)');
    out.push(scrollBox(caption, {}, dataTable(caption, [t('Guarantor'), t('Beneficiary'), t('What'), t('Maximum (nominal)'), t('Probability'), t('Expected'), t('Present value')],
      m.guarantees.map((g) => [g.guarantor, g.beneficiary, g.label, fmt.usd(g.maxUsd), fmt.pct(g.probability, 0), fmt.usd(g.expectedUsd), fmt.usd(g.presentValueUsd)]))));
  }
  if (m.loans.length) {
    out.push(scrollBox(t('Loans'), {}, dataTable(t('Loans'), [t('Lender'), t('Borrower'), t('Principal (nominal)'), t('Repayment (nominal)'), t('Interest (nominal)'), t('Term'), t('Lender\'s present value')],
      m.loans.map((l) => [l.lender, l.borrower, fmt.usd(l.usd), fmt.usd(l.repaymentUsd), fmt.usd(l.interestUsd), `${fmt.date(l.start)} – ${fmt.date(l.end)}`, fmt.usd(l.lenderPresentValueUsd)]))));
  }
  return out;
}

/** Nominal, expected (the deal's own probabilities) and present values, then expected by year. */
function expectedTable(r) {
  const c = r.capacity;
  const e = r.expected;
  const pv = e.presentValue;
  const inv = r.investment?.totalUsd ?? 0;
  const contract = r.contract?.valueUsd ?? 0;
  const rows = [
    [t('Capacity'), `${fmt.num(c.totalGw, 2)} GW`, `${fmt.num(e.gw, 2)} GW`, '–'],
    [t('Capex'), fmt.usd(c.capexUsd), fmt.usd(e.capexUsd), fmt.usd(pv.capexUsd)],
    [t('Vendor revenue'), fmt.usd(c.vendorRevenueUsd), fmt.usd(e.vendorRevenueUsd), fmt.usd(pv.vendorRevenueUsd)],
  ];
  if (r.investment) rows.push([t('Vendor investment'), fmt.usd(inv), fmt.usd(e.investmentUsd), fmt.usd(pv.investmentUsd)]);
  if (r.contract) rows.push([t('Contract payments'), fmt.usd(contract), fmt.usd(e.contractUsd), fmt.usd(pv.contractUsd)]);
  const caption = t('Nominal, expected and present values (probabilities of the phases; discounted at {r} a year to the valuation date)', { r: fmt.pct(e.costOfCapital, 1) });
  const table = dataTable(caption, [t('Quantity'), t('Nominal'), t('Expected'), t('Present value')], rows);
  const columns = [[t('GW online'), (y) => fmt.num(y.gwOnline, 3)], [t('Capex'), (y) => fmt.usd(y.capexUsd)], [t('Vendor revenue'), (y) => fmt.usd(y.vendorRevenueUsd)]];
  if (r.investment) columns.push([t('Investment'), (y) => fmt.usd(y.investmentUsd)]);
  if (r.contract) columns.push([t('Contract'), (y) => fmt.usd(y.contractUsd)]);
  const years = dataTable(t('Expected by year (nominal; delayed phases at their mean delay)'), [t('Year'), ...columns.map(([h]) => h)],
    e.schedule.map((y) => [String(y.year), ...columns.map(([, cell]) => cell(y))]));
  return scrollBox(caption, { class: 'table-wrap wide', id: 'expected-values' }, table, years);
}

let announceTimer = null;

/** Tells screen readers the headline results, once typing pauses. */
export function announce(r) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const parts = [`${t('Capex')} ${fmt.usd(r.capacity.capexUsd)}`];
    if (r.dilution) parts.push(`${t('Max ownership')} ${fmt.pct(r.dilution.maxOwnership)}`, `${t('Value transferred')} ${fmt.usd(r.dilution.valueTransferUsd)}`);
    document.getElementById('announce').textContent = parts.join(', ');
  }, 600);
}
