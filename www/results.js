// The report on the page: the headline cards, the capacity, investment, contract, tranche and
// dilution tables with their charts, and a spoken summary for screen readers once typing
// pauses. Everything shown comes from the report (and the last valuation) as computed.
import { el } from './dom.js';
import { t, fmt } from './i18n.js';
import { capacityChart, ownershipChart } from './charts.js';
import { headlineItems } from './headline.js';
import { cards, dataTable, trancheTable } from './ui.js';
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

/** Draws the report (and the last valuation's fair value) into #headline and #details. */
export function renderReport(r) {
  const c = r.capacity;
  const d = r.dilution;
  const v = page.valuation;
  const items = headlineItems(r);
  if (d) {
    // The simulated fair value, after the dilution cards.
    const at = items.findIndex((i) => i.out === 'dilution.effectiveDiscount') + 1;
    items.splice(at, 0, {
      label: t('Fair value of the warrant'),
      value: v ? fmt.usd(v.totalFairValueUsd) : '–',
      out: 'headline.fairValue',
      note: v ? t('Monte Carlo, risk-neutral ± {se}', { se: fmt.usd(v.standardErrorUsd) }) : t('run the simulation below'),
    });
  }
  document.getElementById('headline').replaceChildren(...cards(items).childNodes);

  const parts = [
    dataTable(t('Capacity'), [t('Quantity'), t('Value')], [
      [t('IT power'), `${fmt.num(c.itPowerGw, 3)} GW`],
      [t('Facility power'), `${fmt.num(c.facilityPowerGw, 3)} GW`],
      [t('Accelerators'), fmt.num(c.accelerators, 0)],
      [t('Energy per year (full deployment)'), `${fmt.num(c.annualEnergyMwh / 1e6, 2)} TWh`],
      [t('Energy cost per year'), fmt.usd(c.annualEnergyCostUsd)],
      [t('Depreciation per year'), fmt.usd(c.annualDepreciationUsd)],
      [t('Annual cost (depreciation + energy)'), fmt.usd(c.annualCostUsd)],
      [t('Cost per accelerator-hour'), fmt.money(c.costPerAcceleratorHourUsd)],
    ]),
    capacityChart(c),
  ];
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
    ]));
  }
  if (d && r.vesting) {
    const vest = r.vesting;
    const source = { basePathGrowth: t('your growth rate'), expectedReturn: t('real-world expected return'), riskFreeRate: t('risk-free rate') }[vest.baseGrowthSource];
    const caption = t('Tranches (base path: price grows at {g} a year, {source})', { g: fmt.pct(vest.baseGrowth, 1), source });
    parts.push(trancheTable(r, { full: true, action: touchButton, caption }));
    parts.push(dataTable(t('Dilution'), [t('Quantity'), t('Value')], [
      [t('Diluted shares'), fmt.num(d.dilutedShares, 0)],
      [t('Existing holders keep'), fmt.pct(d.existingHoldersOwnershipAfter)],
      [t('Treasury-stock-method shares'), fmt.num(d.tsmIncrementalShares, 0)],
      [t('Price after exercise'), fmt.money(d.priceAfterExercise)],
      [t('Value transferred per GW'), fmt.usd(d.valueTransferPerGwUsd)],
      [t('Value at the price targets'), fmt.usd(d.valueAtTargetsUsd)],
    ]));
    parts.push(ownershipChart(d));
  }
  document.getElementById('details').replaceChildren(...parts.filter(Boolean));
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
