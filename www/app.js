// dealcalc page: a form over the scenario, the report above it, recomputed on every input.
//
// Flow: preset(id) gives a scenario object; each input edits one field path of it; on every
// input the page calls validate(scenario), shows each problem beside its field, and when there
// is none calls evaluate(scenario) and draws the report. The text a user typed is never
// rewritten: inputs are only filled when a preset is loaded.

import init, * as dc from './pkg/dealcalc.js';
import { el, fmt, parseNumber } from './dom.js';
import { mountPricingPanel } from './pricing.js';
import { mountComparison, mountTornado } from './views.js';
import { mountValuation } from './valuation.js';

// ---- field paths ----------------------------------------------------------------------------

/** ["warrant", "tranches", 2, "priceTarget"] from "warrant.tranches[2].priceTarget". */
function splitPath(path) {
  const parts = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

function getAt(obj, path) {
  return splitPath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setAt(obj, path, value) {
  const parts = splitPath(path);
  let o = obj;
  for (const k of parts.slice(0, -1)) o = o[k];
  o[parts[parts.length - 1]] = value;
}

// ---- the form -------------------------------------------------------------------------------

// Each field: path, label, unit, kind ("number" | "text" | "date" | "select" | "checkbox"),
// scale (shown = stored / scale), help.
const GROUPS = [
  {
    title: 'Deal',
    fields: [
      { path: 'name', label: 'Name', kind: 'text' },
      { path: 'valuationDate', label: 'Valuation date', kind: 'date', help: 'The day the share price is observed.' },
    ],
  },
  {
    title: 'Capacity and costs',
    fields: [
      { path: 'capacity.gwBasis', label: 'GW basis', kind: 'select', options: [['facility', 'facility (incl. cooling)'], ['it', 'IT load']] },
      { path: 'capacity.pue', label: 'PUE', unit: '×', kind: 'number', help: 'Facility power ÷ IT power.' },
      { path: 'capacity.capexPerGwUsd', label: 'Capex per GW', unit: '$ B', scale: 1e9, kind: 'number' },
      { path: 'capacity.capexSplit.accelerators', label: 'Capex share: accelerators', unit: '%', scale: 0.01, kind: 'number' },
      { path: 'capacity.capexSplit.networking', label: 'Capex share: networking', unit: '%', scale: 0.01, kind: 'number' },
      { path: 'capacity.capexSplit.facility', label: 'Capex share: facility', unit: '%', scale: 0.01, kind: 'number' },
      { path: 'capacity.capexSplit.other', label: 'Capex share: other', unit: '%', scale: 0.01, kind: 'number' },
      { path: 'capacity.vendorRevenuePerGwUsd', label: 'Vendor revenue per GW', unit: '$ B', scale: 1e9, kind: 'number' },
      { path: 'capacity.wattsPerAccelerator', label: 'All-in IT power per accelerator', unit: 'W', kind: 'number' },
      { path: 'capacity.electricityUsdPerMwh', label: 'Electricity price', unit: '$/MWh', kind: 'number' },
      { path: 'capacity.utilization', label: 'Utilization', unit: '%', scale: 0.01, kind: 'number' },
      { path: 'capacity.hardwareLifeYears', label: 'Depreciation life', unit: 'years', kind: 'number' },
    ],
  },
  {
    title: 'Equity of the issuer',
    needs: 'equity',
    fields: [
      { path: 'equity.issuer', label: 'Issuer', kind: 'text' },
      { path: 'equity.sharesOutstanding', label: 'Shares outstanding', unit: 'M', scale: 1e6, kind: 'number' },
      { path: 'equity.sharePrice', label: 'Share price', unit: '$', kind: 'number' },
      { path: 'equity.volatility', label: 'Volatility', unit: '% / yr', scale: 0.01, kind: 'number' },
      { path: 'equity.dividendYield', label: 'Dividend yield', unit: '% / yr', scale: 0.01, kind: 'number' },
      { path: 'equity.riskFreeRate', label: 'Risk-free rate', unit: '% / yr', scale: 0.01, kind: 'number' },
      { path: 'equity.expectedReturn', label: 'Expected return (real world)', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: the risk-free rate (probabilities then risk-neutral).' },
      { path: 'equity.basePathGrowth', label: 'Base path growth', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: expected return − dividend yield.' },
    ],
  },
  {
    title: 'Warrant',
    needs: 'warrant',
    fields: [
      { path: 'warrant.holder', label: 'Holder', kind: 'text' },
      { path: 'warrant.shares', label: 'Warrant shares', unit: 'M', scale: 1e6, kind: 'number' },
      { path: 'warrant.strike', label: 'Strike', unit: '$', kind: 'number' },
      { path: 'warrant.issueDate', label: 'Issue date', kind: 'date' },
      { path: 'warrant.expiryDate', label: 'Expiry date', kind: 'date' },
    ],
  },
  {
    title: 'Vendor investment in the buyer',
    needs: 'investment',
    fields: [
      { path: 'investment.investor', label: 'Investor', kind: 'text' },
      { path: 'investment.usdPerGw', label: 'Invested per GW deployed', unit: '$ B', scale: 1e9, kind: 'number' },
      { path: 'investment.maxUsd', label: 'Investment cap', unit: '$ B', scale: 1e9, kind: 'number' },
    ],
  },
  {
    title: 'Capacity bought as a service',
    needs: 'contract',
    fields: [
      { path: 'contract.valueUsd', label: 'Contract value', unit: '$ B', scale: 1e9, kind: 'number' },
      { path: 'contract.years', label: 'Term', unit: 'years', kind: 'number' },
    ],
  },
];

const PHASE_COLUMNS = [
  { key: 'label', label: 'Label', kind: 'text' },
  { key: 'gw', label: 'GW', kind: 'number' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'end', label: 'Fully online', kind: 'date' },
  { key: 'binding', label: 'Binding', kind: 'checkbox' },
  { key: 'probability', label: 'Probability', unit: '%', scale: 0.01, kind: 'number' },
];

const TRANCHE_COLUMNS = [
  { key: 'shares', label: 'Shares', unit: 'M', scale: 1e6, kind: 'number' },
  { key: 'gwTrigger', label: 'GW trigger', kind: 'number' },
  { key: 'priceTarget', label: 'Price target', unit: '$', kind: 'number', optional: true },
  { key: 'priceTest.kind', label: 'Price test', kind: 'select', options: [['touch', 'touch'], ['close', 'close'], ['average', 'average']] },
  { key: 'priceTest.days', label: 'Days', kind: 'number', optional: true },
];

let scenario = null;
const inputs = new Map(); // path -> input element

/** The source entry for a path: exact, else the longest enclosing path that has one. */
function sourceFor(path) {
  const sources = scenario?.sources ?? [];
  let best = null;
  for (const s of sources) {
    const f = s.field;
    const encloses = path === f || path.startsWith(f + '.') || path.startsWith(f + '[');
    if (encloses && (!best || f.length > best.field.length)) best = s;
  }
  return best;
}

function sourceBadge(path) {
  const s = sourceFor(path);
  if (!s) return null;
  const assumption = (s.note ?? '').toLowerCase().startsWith('assumption');
  if (s.url) {
    const a = el('a', { class: `badge ${assumption ? 'assumption' : 'source'}`, href: s.url, target: '_blank', rel: 'noopener noreferrer', title: [s.title, s.note].filter(Boolean).join(' — ') });
    a.textContent = assumption ? 'assumption' : 'source';
    return a;
  }
  return el('span', { class: 'badge assumption', title: s.note ?? '', text: 'assumption' });
}

function shown(value, scale) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  const x = scale ? value / scale : value;
  return String(Number(x.toPrecision(12)));
}

function parseInput(input, field) {
  if (field.kind === 'checkbox') return input.checked;
  const text = input.value.trim();
  if (field.kind !== 'number') return text;
  const x = parseNumber(text, field.optional);
  return Number.isFinite(x) && field.scale ? x * field.scale : x;
}

function makeInput(path, field) {
  const id = `f-${path}`;
  let input;
  if (field.kind === 'select') {
    input = el('select', { id });
    for (const [v, t] of field.options) input.append(el('option', { value: v, text: t }));
    input.value = getAt(scenario, path) ?? field.options[0][0];
  } else if (field.kind === 'checkbox') {
    input = el('input', { id, type: 'checkbox' });
    input.checked = Boolean(getAt(scenario, path));
  } else {
    // Text inputs for numbers too: the page keeps exactly what was typed, valid or not.
    input = el('input', { id, type: 'text', inputmode: field.kind === 'number' ? 'decimal' : 'text', autocomplete: 'off' });
    if (field.kind === 'date') input.setAttribute('placeholder', 'YYYY-MM-DD');
    input.value = shown(getAt(scenario, path), field.scale);
  }
  input.dataset.path = path;
  input.setAttribute('aria-describedby', `e-${path}`);
  input.addEventListener(field.kind === 'select' || field.kind === 'checkbox' ? 'change' : 'input', () => {
    setAt(scenario, path, parseInput(input, field));
    recompute();
  });
  inputs.set(path, input);
  return input;
}

function errorSlot(path) {
  return el('span', { id: `e-${path}`, class: 'problem', 'data-problem-for': path });
}

function fieldRow(field) {
  const label = el('label', { for: `f-${field.path}`, text: field.label });
  const unit = field.unit ? el('span', { class: 'unit', text: field.unit }) : null;
  const help = field.help ? el('small', { class: 'help', text: field.help }) : null;
  return el('div', { class: 'field' }, label, el('div', { class: 'control' }, makeInput(field.path, field), unit, sourceBadge(field.path)), help, errorSlot(field.path));
}

function tableOf(title, basePath, rows, columns, addRow) {
  const table = el('table', { class: 'edit' });
  const head = el('tr', {}, el('th', { text: '#' }));
  for (const c of columns) head.append(el('th', { scope: 'col', text: c.unit ? `${c.label} (${c.unit})` : c.label }));
  head.append(el('th', { text: '' }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  rows.forEach((_, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: String(i + 1) }));
    for (const c of columns) {
      const path = `${basePath}[${i}].${c.key}`;
      const input = makeInput(path, c);
      input.setAttribute('aria-label', `${title} ${i + 1}: ${c.label}`);
      tr.append(el('td', {}, input, sourceBadge(path), errorSlot(path)));
    }
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${title.toLowerCase()} ${i + 1}`, text: '×' });
    remove.disabled = rows.length <= 1;
    remove.addEventListener('click', () => {
      rows.splice(i, 1);
      buildForm();
      recompute();
    });
    tr.append(el('td', {}, remove));
    body.append(tr);
  });
  table.append(body);
  const add = el('button', { type: 'button', class: 'add', text: `Add ${title.toLowerCase()}` });
  add.addEventListener('click', () => {
    rows.push(addRow(rows));
    buildForm();
    recompute();
  });
  return el('div', { class: 'table-wrap' }, table, errorSlot(basePath), add);
}

function buildForm() {
  const form = document.getElementById('inputs');
  for (const old of form.querySelectorAll('fieldset')) old.remove();
  inputs.clear();
  for (const group of GROUPS) {
    if (group.needs && !scenario[group.needs]) continue;
    const fs = el('fieldset', {}, el('legend', { text: group.title }));
    if (group.title === 'Capacity and costs') {
      fs.append(el('h3', { text: 'Phases' }));
      fs.append(tableOf('Phase', 'capacity.phases', scenario.capacity.phases, PHASE_COLUMNS, (rows) => {
        const last = rows[rows.length - 1];
        return { label: `Phase ${rows.length + 1}`, gw: 1, start: last?.end ?? scenario.valuationDate, end: last?.end ?? scenario.valuationDate, binding: false, probability: 1 };
      }));
    }
    for (const f of group.fields) fs.append(fieldRow(f));
    if (group.needs === 'warrant') {
      fs.append(el('h3', { text: 'Tranches' }));
      fs.append(tableOf('Tranche', 'warrant.tranches', scenario.warrant.tranches, TRANCHE_COLUMNS, (rows) => {
        const last = rows[rows.length - 1];
        return { shares: 0, gwTrigger: last?.gwTrigger ?? 1, priceTarget: last?.priceTarget ?? null, priceTest: { kind: last?.priceTest?.kind ?? 'touch', days: last?.priceTest?.days ?? 1 } };
      }));
    }
    form.append(fs);
  }
}

// ---- problems and results -------------------------------------------------------------------

function showProblems(problems) {
  for (const slot of document.querySelectorAll('[data-problem-for]')) slot.textContent = '';
  for (const input of inputs.values()) input.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const p of problems) {
    const slot = document.getElementById(`e-${p.path}`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${p.message}` : p.message;
      inputs.get(p.path)?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(p.path ? `${p.path}: ${p.message}` : p.message);
    }
  }
  document.getElementById('form-problems').textContent = unplaced.join('\n');
}

function card(label, value, out, note) {
  return el('div', { class: 'card' }, el('div', { class: 'card-label', text: label }), el('div', { class: 'card-value', 'data-out': out, text: value }), note ? el('div', { class: 'card-note', text: note }) : null);
}

function table(caption, header, rows, wide = false) {
  const t = el('table', { class: wide ? 'data wide' : 'data' }, el('caption', { text: caption }));
  t.append(el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const r of rows) body.append(el('tr', {}, ...r.map((c) => (c instanceof Node ? el('td', {}, c) : el('td', { text: c })))));
  t.append(body);
  return t;
}

function renderReport(r) {
  const c = r.capacity;
  const d = r.dilution;
  const headline = document.getElementById('headline');
  headline.replaceChildren(...[
    card('Capacity', `${fmt.num(c.totalGw)} GW`, 'capacity.totalGw', `${c.gwBasis} basis · ${fmt.num(c.bindingGw)} GW binding`),
    card('Capex', fmt.usd(c.capexUsd), 'capacity.capexUsd', 'GW × capex per GW'),
    card('Vendor revenue', fmt.usd(c.vendorRevenueUsd), 'capacity.vendorRevenueUsd', 'GW × revenue per GW'),
    d ? card('Max ownership', fmt.pct(d.maxOwnership), 'dilution.maxOwnership', 'N ÷ (S + N)') : null,
    d ? card('Value transferred', fmt.usd(d.valueTransferUsd), 'dilution.valueTransferUsd', 'N × (price − strike), today') : null,
    d ? card('Effective discount', fmt.pct(d.effectiveDiscount, 1), 'dilution.effectiveDiscount', 'value transferred ÷ vendor revenue') : null,
    r.investment ? card('Vendor investment', fmt.usd(r.investment.totalUsd), 'investment.totalUsd', `circularity ${fmt.pct(r.investment.circularity, 1)}`) : null,
    r.contract ? card('Contract per GW', fmt.usd(r.contract.valuePerGwUsd), 'contract.valuePerGwUsd', `${fmt.usd(r.contract.valuePerYearUsd)} a year`) : null,
  ].filter(Boolean));

  const details = document.getElementById('details');
  const parts = [
    table('Capacity', ['Quantity', 'Value'], [
      ['IT power', `${fmt.num(c.itPowerGw, 3)} GW`],
      ['Facility power', `${fmt.num(c.facilityPowerGw, 3)} GW`],
      ['Accelerators', fmt.num(c.accelerators, 0)],
      ['Energy per year (full deployment)', `${fmt.num(c.annualEnergyMwh / 1e6, 2)} TWh`],
      ['Energy cost per year', fmt.usd(c.annualEnergyCostUsd)],
      ['Depreciation per year', fmt.usd(c.annualDepreciationUsd)],
      ['Annual cost (depreciation + energy)', fmt.usd(c.annualCostUsd)],
      ['Cost per accelerator-hour', `$${fmt.num(c.costPerAcceleratorHourUsd, 2)}`],
    ]),
    table('Schedule by year', ['Year', 'GW added', 'GW online', 'Capex', 'Vendor revenue', 'Energy cost'],
      c.schedule.map((y) => [String(y.year), fmt.num(y.gwAdded, 3), fmt.num(y.gwOnline, 3), fmt.usd(y.capexUsd), fmt.usd(y.vendorRevenueUsd), fmt.usd(y.energyCostUsd)])),
  ];
  if (r.investment) {
    const inv = r.investment;
    parts.push(table(`Vendor investment by ${inv.investor}`, ['Year', 'Invested', 'Cumulative'],
      inv.schedule.map((y) => [String(y.year), fmt.usd(y.investedUsd), fmt.usd(y.cumulativeUsd)])
        .concat([['Total', fmt.usd(inv.totalUsd), `net to vendor ${fmt.usd(inv.netCashToVendorUsd)}`]])));
  }
  if (r.contract) {
    const k = r.contract;
    parts.push(table('Service contract', ['Quantity', 'Value'], [
      ['Value', fmt.usd(k.valueUsd)], ['Term', `${fmt.num(k.years)} years`], ['Per year', fmt.usd(k.valuePerYearUsd)],
      ['Per GW', fmt.usd(k.valuePerGwUsd)], ['Per GW-year', fmt.usd(k.valuePerGwYearUsd)],
    ]));
  }
  if (d && r.vesting) {
    const v = r.vesting;
    parts.push(table(
      `Tranches (base path: price grows at ${fmt.pct(v.baseGrowth, 1)} a year, ${{ basePathGrowth: 'your growth rate', expectedReturn: 'real-world expected return', riskFreeRate: 'risk-free rate' }[v.baseGrowthSource]})`,
      ['#', 'Shares', 'GW trigger', 'Milestone', 'Target', 'Required CAGR', 'Price met', 'Vests', 'Ownership after', 'Value at target', 'Closed form'],
      d.tranches.map((t, i) => {
        const tv = v.tranches[i];
        return [String(i + 1), fmt.num(t.shares, 0), fmt.num(tv.gwTrigger), fmt.date(tv.milestoneDate), tv.priceTarget == null ? 'none' : `$${fmt.num(tv.priceTarget)}`,
          tv.requiredCagr == null ? '–' : fmt.pct(tv.requiredCagr, 1), fmt.date(tv.priceDate), fmt.date(tv.vestDate), fmt.pct(t.ownershipAfter), t.valueAtTargetUsd == null ? '–' : fmt.usd(t.valueAtTargetUsd),
          tv.priceTarget == null ? '–' : touchButton(i)];
      }),
      true,
    ));
    parts.push(table('Dilution', ['Quantity', 'Value'], [
      ['Diluted shares', fmt.num(d.dilutedShares, 0)],
      ['Existing holders keep', fmt.pct(d.existingHoldersOwnershipAfter)],
      ['Treasury-stock-method shares', fmt.num(d.tsmIncrementalShares, 0)],
      ['Price after exercise', `$${fmt.num(d.priceAfterExercise, 2)}`],
      ['Value transferred per GW', fmt.usd(d.valueTransferPerGwUsd)],
      ['Value at the price targets', fmt.usd(d.valueAtTargetsUsd)],
    ]));
  }
  details.replaceChildren(...parts);
}

let pricingPanel = null;
let comparison = null;
let valuation = null;
let tornado = null;

/** A button that values tranche i as touch options in the pricing panel. */
function touchButton(i) {
  const b = el('button', { type: 'button', class: 'touch', 'data-tranche': String(i), text: 'Price as touch' });
  b.setAttribute('aria-label', `Price tranche ${i + 1} as a touch option`);
  b.addEventListener('click', () => {
    const e = scenario.equity;
    const w = scenario.warrant;
    const t = w.tranches[i];
    const years = (Date.parse(w.expiryDate) - Date.parse(scenario.valuationDate)) / (365.25 * 864e5);
    pricingPanel.priceTranche({
      spot: e.sharePrice, strike: w.strike, target: t.priceTarget, rate: e.riskFreeRate,
      dividendYield: e.dividendYield, vol: e.volatility, timeYears: years,
    });
  });
  return b;
}

function recompute() {
  const status = document.getElementById('status');
  let problems;
  try {
    problems = dc.validate(scenario);
  } catch (e) {
    problems = e.problems ?? [{ path: '', message: String(e.message ?? e) }];
  }
  showProblems(problems);
  document.getElementById('results').classList.toggle('stale', problems.length > 0);
  if (problems.length > 0) {
    status.textContent = `${problems.length} input${problems.length > 1 ? 's need' : ' needs'} attention; results show the last valid scenario.`;
    return;
  }
  try {
    const report = dc.evaluate(scenario);
    renderReport(report);
    comparison?.render();
    valuation?.render(report);
    tornado?.render(report);
    status.textContent = '';
  } catch (e) {
    status.textContent = `Could not evaluate: ${e.message}`;
  }
}

function loadPreset(id) {
  scenario = dc.preset(id);
  const info = dc.presets().find((p) => p.id === id);
  document.getElementById('preset-summary').textContent = info?.summary ?? '';
  buildForm();
  recompute();
}

async function main() {
  await init();
  document.getElementById('version').textContent = `dealcalc ${dc.version()}`;
  const picker = document.getElementById('preset');
  for (const p of dc.presets()) picker.append(el('option', { value: p.id, text: p.name }));
  picker.addEventListener('change', () => loadPreset(picker.value));
  pricingPanel = mountPricingPanel(dc, document.getElementById('pricing'));
  valuation = mountValuation(document.getElementById('valuation'), () => scenario);
  comparison = mountComparison(dc, document.getElementById('compare'), () => scenario);
  tornado = mountTornado(dc, document.getElementById('sensitivity'), () => scenario);
  loadPreset(picker.value);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.getElementById('status').textContent = `The calculator could not start: ${e.message}`;
});
