// dealcalc page: a form over the scenario, the report above it, recomputed on every input.
//
// Flow: preset(id) (or a share link, or an imported file) gives a scenario object; each input
// edits one field path of it; on every input the page calls validate(scenario), shows each
// problem beside its field, and when there is none calls evaluate(scenario) and draws the
// report. The text a user typed is never rewritten: inputs are only filled when a scenario is
// loaded or the language changes.

import init, * as dc from './pkg/dealcalc.js';
import { el, fmt, parseNumber } from './dom.js';
import { t, lang, setLang, LANGUAGES } from './i18n.js';
import { mountPricingPanel } from './pricing.js';
import { mountComparison, mountTornado } from './views.js';
import { mountValuation } from './valuation.js';
import { capacityChart, ownershipChart, dataTable } from './charts.js';
import { encodeShare, decodeShare, parseEnvelope, download, csv, reportRows, HASH_PREFIX } from './share.js';
import { renderMethodology } from './methodology.js';
import { headlineItems } from './headline.js';
import { getAt, setAt } from './fieldpath.js';

// ---- the form -------------------------------------------------------------------------------

// Each field: path, label, unit, kind ("number" | "text" | "date" | "select" | "checkbox"),
// scale (shown = stored / scale), help.
const GROUPS = [
  {
    title: 'Deal',
    fields: [
      { path: 'name', label: 'Name', kind: 'text', help: 'Shown in comparisons and file names.' },
      { path: 'valuationDate', label: 'Valuation date', kind: 'date', help: 'The day the share price is observed.' },
    ],
  },
  {
    title: 'Capacity and costs',
    phases: true,
    fields: [
      { path: 'capacity.gwBasis', label: 'GW basis', kind: 'select', options: [['facility', 'facility (incl. cooling)'], ['it', 'IT load']], help: 'What the deal\'s gigawatts count.' },
      { path: 'capacity.pue', label: 'PUE', unit: '×', kind: 'number', help: 'Facility power ÷ IT power.' },
      { path: 'capacity.capexPerGwUsd', label: 'Capex per GW', unit: '$ B', scale: 1e9, kind: 'number', help: 'All-in capital cost per deal gigawatt.' },
      { path: 'capacity.capexSplit.accelerators', label: 'Capex share: accelerators', unit: '%', scale: 0.01, kind: 'number', help: 'GPUs or other accelerators.' },
      { path: 'capacity.capexSplit.networking', label: 'Capex share: networking', unit: '%', scale: 0.01, kind: 'number', help: 'Switches, optics and cabling.' },
      { path: 'capacity.capexSplit.facility', label: 'Capex share: facility', unit: '%', scale: 0.01, kind: 'number', help: 'Buildings, power and cooling.' },
      { path: 'capacity.capexSplit.other', label: 'Capex share: other', unit: '%', scale: 0.01, kind: 'number', help: 'The four shares add up to 100%.' },
      { path: 'capacity.vendorRevenuePerGwUsd', label: 'Vendor revenue per GW', unit: '$ B', scale: 1e9, kind: 'number', help: 'What the vendor sells per gigawatt.' },
      { path: 'capacity.wattsPerAccelerator', label: 'All-in IT power per accelerator', unit: 'W', kind: 'number', help: 'The chip plus its share of hosts, network and storage.' },
      { path: 'capacity.electricityUsdPerMwh', label: 'Electricity price', unit: '$/MWh', kind: 'number', help: 'What the facility pays per megawatt-hour.' },
      { path: 'capacity.utilization', label: 'Utilization', unit: '%', scale: 0.01, kind: 'number', help: 'Average share of power drawn.' },
      { path: 'capacity.hardwareLifeYears', label: 'Depreciation life', unit: 'years', kind: 'number', help: 'Capex is written off in equal parts over these years.' },
    ],
  },
  {
    title: 'Equity of the issuer',
    needs: 'equity',
    fields: [
      { path: 'equity.issuer', label: 'Issuer', kind: 'text', help: 'The company whose shares the warrant is on.' },
      { path: 'equity.sharesOutstanding', label: 'Shares outstanding', unit: 'M', scale: 1e6, kind: 'number', help: 'Basic shares before the warrant.' },
      { path: 'equity.sharePrice', label: 'Share price', unit: '$', kind: 'number', help: 'On the valuation date.' },
      { path: 'equity.volatility', label: 'Volatility', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Annual volatility of the share price.' },
      { path: 'equity.dividendYield', label: 'Dividend yield', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Continuous; 0 for a company that pays none.' },
      { path: 'equity.riskFreeRate', label: 'Risk-free rate', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Continuously compounded.' },
      { path: 'equity.expectedReturn', label: 'Expected return (real world)', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: the risk-free rate (probabilities then risk-neutral).' },
      { path: 'equity.basePathGrowth', label: 'Base path growth', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: expected return − dividend yield.' },
    ],
  },
  {
    title: 'Warrant',
    needs: 'warrant',
    tranches: true,
    fields: [
      { path: 'warrant.holder', label: 'Holder', kind: 'text', help: 'Who receives the shares.' },
      { path: 'warrant.shares', label: 'Warrant shares', unit: 'M', scale: 1e6, kind: 'number', help: 'The tranches\' shares add up to this.' },
      { path: 'warrant.strike', label: 'Strike', unit: '$', kind: 'number', help: 'Price paid per share on exercise.' },
      { path: 'warrant.issueDate', label: 'Issue date', kind: 'date', help: 'When the warrant was granted.' },
      { path: 'warrant.expiryDate', label: 'Expiry date', kind: 'date', help: 'A tranche must vest by this day.' },
    ],
  },
  {
    title: 'Vendor investment in the buyer',
    needs: 'investment',
    fields: [
      { path: 'investment.investor', label: 'Investor', kind: 'text', help: 'The vendor investing in the buyer.' },
      { path: 'investment.usdPerGw', label: 'Invested per GW deployed', unit: '$ B', scale: 1e9, kind: 'number', help: 'Paid as each gigawatt comes online.' },
      { path: 'investment.maxUsd', label: 'Investment cap', unit: '$ B', scale: 1e9, kind: 'number', help: 'The most the vendor invests in all.' },
    ],
  },
  {
    title: 'Capacity bought as a service',
    needs: 'contract',
    fields: [
      { path: 'contract.valueUsd', label: 'Contract value', unit: '$ B', scale: 1e9, kind: 'number', help: 'Total paid for the capacity over the term.' },
      { path: 'contract.years', label: 'Term', unit: 'years', kind: 'number', help: 'Length of the contract.' },
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
let presetId = null;
let lastReport = null;
const inputs = new Map(); // path -> input element
const decimalComma = () => lang() === 'de';

/** The source entry for a path: exact, else the longest enclosing path that has one. */
function sourceFor(path) {
  let best = null;
  for (const s of scenario?.sources ?? []) {
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
  const label = assumption ? t('assumption') : t('source');
  const title = [s.title, s.note].filter(Boolean).join(' — ');
  if (s.url && /^https?:\/\//.test(s.url)) {
    return el('a', { class: `badge ${assumption ? 'assumption' : 'source'}`, href: s.url, target: '_blank', rel: 'noopener noreferrer', title, text: label });
  }
  return el('span', { class: 'badge assumption', title, text: label });
}

function shown(value, scale) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  const text = String(Number((scale ? value / scale : value).toPrecision(12)));
  return decimalComma() ? text.replace('.', ',') : text;
}

function parseInput(input, field) {
  if (field.kind === 'checkbox') return input.checked;
  if (field.kind !== 'number') return input.value.trim();
  const x = parseNumber(input.value, field.optional, decimalComma());
  return Number.isFinite(x) && field.scale ? x * field.scale : x;
}

function makeInput(path, field) {
  const id = `f-${path}`;
  let input;
  if (field.kind === 'select') {
    input = el('select', { id });
    for (const [v, text] of field.options) input.append(el('option', { value: v, text: t(text) }));
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
    presetId = null;
    recompute();
  });
  inputs.set(path, input);
  return input;
}

function errorSlot(path) {
  return el('span', { id: `e-${path}`, class: 'problem', 'data-problem-for': path });
}

function fieldRow(field) {
  const label = el('label', { for: `f-${field.path}`, text: t(field.label) });
  const unit = field.unit ? el('span', { class: 'unit', text: t(field.unit) }) : null;
  const help = field.help ? el('small', { class: 'help', text: t(field.help) }) : null;
  return el('div', { class: 'field' }, label, el('div', { class: 'control' }, makeInput(field.path, field), unit, sourceBadge(field.path)), help, errorSlot(field.path));
}

function tableOf(title, basePath, rows, columns, addRow) {
  const table = el('table', { class: 'edit' });
  const head = el('tr', {}, el('th', { text: '#' }));
  for (const c of columns) head.append(el('th', { scope: 'col', text: c.unit ? `${t(c.label)} (${c.unit})` : t(c.label) }));
  head.append(el('th', { text: '' }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  rows.forEach((_, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: String(i + 1) }));
    for (const c of columns) {
      const path = `${basePath}[${i}].${c.key}`;
      const input = makeInput(path, c);
      input.setAttribute('aria-label', `${t(title)} ${i + 1}: ${t(c.label)}`);
      tr.append(el('td', {}, input, sourceBadge(path), errorSlot(path)));
    }
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': t('Remove {what} {n}', { what: t(title), n: i + 1 }), text: '×' });
    remove.disabled = rows.length <= 1;
    remove.addEventListener('click', () => {
      rows.splice(i, 1);
      presetId = null;
      buildForm();
      recompute();
    });
    tr.append(el('td', {}, remove));
    body.append(tr);
  });
  table.append(body);
  const add = el('button', { type: 'button', class: 'add', 'data-add': basePath, text: t('Add {what}', { what: t(title) }) });
  add.addEventListener('click', () => {
    rows.push(addRow(rows));
    presetId = null;
    buildForm();
    recompute();
    inputs.get(`${basePath}[${rows.length - 1}].${columns[0].key}`)?.focus();
  });
  return el('div', { class: 'table-wrap' }, table, errorSlot(basePath), add);
}

function buildForm() {
  const form = document.getElementById('inputs');
  for (const old of form.querySelectorAll('fieldset')) old.remove();
  inputs.clear();
  for (const group of GROUPS) {
    if (group.needs && !scenario[group.needs]) continue;
    const fs = el('fieldset', {}, el('legend', { text: t(group.title) }));
    if (group.phases) {
      fs.append(el('h3', { text: t('Phases') }));
      fs.append(el('p', { class: 'help', text: t('Each phase\'s gigawatts come online evenly from its start to the day it is fully online. Probability: the chance a non-binding phase happens at all.') }));
      fs.append(tableOf('Phase', 'capacity.phases', scenario.capacity.phases, PHASE_COLUMNS, (rows) => {
        const last = rows[rows.length - 1];
        return { label: `${t('Phase')} ${rows.length + 1}`, gw: 1, start: last?.end ?? scenario.valuationDate, end: last?.end ?? scenario.valuationDate, binding: false, probability: 1 };
      }));
    }
    for (const f of group.fields) fs.append(fieldRow(f));
    if (group.tranches) {
      fs.append(el('h3', { text: t('Tranches') }));
      fs.append(el('p', { class: 'help', text: t('A tranche vests when the gigawatts online reach its trigger and the share price passes its test: touch (any moment), close (a daily close) or average (the mean of the last Days closes). Leave the target empty for no price condition.') }));
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
  for (const slot of document.querySelectorAll('#inputs [data-problem-for]')) slot.textContent = '';
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

let pricingPanel = null;
let comparison = null;
let valuation = null;
let tornado = null;
let lastValuation = null;

/** A button that values tranche i as touch options in the pricing panel. */
function touchButton(i) {
  const b = el('button', { type: 'button', class: 'touch', 'data-tranche': String(i), text: t('Price as touch') });
  b.setAttribute('aria-label', t('Price tranche {n} as a touch option', { n: i + 1 }));
  b.addEventListener('click', () => {
    const e = scenario.equity;
    const w = scenario.warrant;
    const tr = w.tranches[i];
    const years = (Date.parse(w.expiryDate) - Date.parse(scenario.valuationDate)) / (365.25 * 864e5);
    pricingPanel.priceTranche({ spot: e.sharePrice, strike: w.strike, target: tr.priceTarget, rate: e.riskFreeRate, dividendYield: e.dividendYield, vol: e.volatility, timeYears: years });
  });
  return b;
}

function renderReport(r) {
  const c = r.capacity;
  const d = r.dilution;
  const items = headlineItems(r);
  if (d) {
    // The simulated fair value, after the dilution cards.
    const at = items.findIndex((i) => i.out === 'dilution.effectiveDiscount') + 1;
    items.splice(at, 0, {
      label: t('Fair value of the warrant'),
      value: lastValuation ? fmt.usd(lastValuation.totalFairValueUsd) : '–',
      out: 'headline.fairValue',
      note: lastValuation ? t('Monte Carlo, risk-neutral ± {se}', { se: fmt.usd(lastValuation.standardErrorUsd) }) : t('run the simulation below'),
    });
  }
  document.getElementById('headline').replaceChildren(...items.map((i) => card(i.label, i.value, i.out, i.note)));

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
    const v = r.vesting;
    const source = { basePathGrowth: t('your growth rate'), expectedReturn: t('real-world expected return'), riskFreeRate: t('risk-free rate') }[v.baseGrowthSource];
    parts.push(dataTable(
      t('Tranches (base path: price grows at {g} a year, {source})', { g: fmt.pct(v.baseGrowth, 1), source }),
      ['#', t('Shares'), t('GW trigger'), t('Milestone'), t('Target'), t('Required CAGR'), t('Price met'), t('Vests'), t('Ownership after'), t('Value at target'), t('Closed form')],
      d.tranches.map((tr, i) => {
        const tv = v.tranches[i];
        return [String(i + 1), fmt.num(tr.shares, 0), fmt.num(tv.gwTrigger), fmt.date(tv.milestoneDate), tv.priceTarget == null ? t('none') : fmt.money(tv.priceTarget, 0),
          tv.requiredCagr == null ? '–' : fmt.pct(tv.requiredCagr, 1), fmt.date(tv.priceDate), fmt.date(tv.vestDate), fmt.pct(tr.ownershipAfter), tr.valueAtTargetUsd == null ? '–' : fmt.usd(tr.valueAtTargetUsd),
          tv.priceTarget == null ? '–' : touchButton(i)];
      }),
      true,
    ));
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
function announce(r) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const parts = [`${t('Capex')} ${fmt.usd(r.capacity.capexUsd)}`];
    if (r.dilution) parts.push(`${t('Max ownership')} ${fmt.pct(r.dilution.maxOwnership)}`, `${t('Value transferred')} ${fmt.usd(r.dilution.valueTransferUsd)}`);
    document.getElementById('announce').textContent = parts.join(', ');
  }, 600);
}

function recompute() {
  const status = document.getElementById('status');
  // One call: evaluate validates, and throws with the same problems validate would list.
  let report = null;
  let problems = [];
  try {
    report = dc.evaluate(scenario);
  } catch (e) {
    problems = e.problems ?? [{ path: '', message: String(e.message ?? e) }];
  }
  showProblems(problems);
  document.getElementById('results').classList.toggle('stale', problems.length > 0);
  if (problems.length > 0) {
    status.textContent = problems.length > 1
      ? t('{n} inputs need attention; results show the last valid scenario.', { n: problems.length })
      : t('1 input needs attention; results show the last valid scenario.');
    return;
  }
  try {
    lastReport = report;
    lastValuation = null;
    renderReport(report);
    announce(report);
    status.textContent = '';
    if (!performance.getEntriesByName('dealcalc:first-numbers').length) {
      // The benchmark's "first numbers": the frame that paints the first report.
      requestAnimationFrame(() => performance.mark('dealcalc:first-numbers'));
    }
    renderSecondary();
  } catch (e) {
    status.textContent = t('Could not evaluate: {m}', { m: e.message });
  }
}

let secondary = null;

/**
 * The panels below the results (comparison, valuation timeline, tornado, methodology) in the
 * next task, so that the headline is painted first; one pending render however many edits.
 * Resolves when they are drawn.
 */
function renderSecondary() {
  secondary ??= new Promise((resolve) => {
    setTimeout(() => {
      secondary = null;
      if (lastReport) {
        comparison?.render();
        valuation?.render(lastReport);
        tornado?.render(lastReport);
        renderMethodology(document.getElementById('methodology'), scenario);
      }
      resolve();
    }, 0);
  });
  return secondary;
}

// ---- loading, sharing, files ----------------------------------------------------------------

function loadScenario(s, id = null) {
  scenario = s;
  presetId = id;
  const picker = document.getElementById('preset');
  picker.value = id ?? '';
  const info = id ? dc.presets().find((p) => p.id === id) : null;
  document.getElementById('preset-summary').textContent = info ? t(info.summary) : scenario.name ?? '';
  buildForm();
  recompute();
}

function loadPreset(id) {
  loadScenario(dc.preset(id), id);
}

function setMessage(text) {
  const m = document.getElementById('load-message');
  m.textContent = text;
  m.hidden = !text;
}

/** Loads a scenario from outside (link or file) after validating it; returns whether it did. */
function loadForeign(candidate, where) {
  let problems;
  try {
    problems = dc.validate(candidate);
  } catch (e) {
    problems = e.problems ?? [{ path: '', message: e.message }];
  }
  if (problems.length > 0) {
    const list = problems.slice(0, 5).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    setMessage(t('The {where} holds an invalid scenario ({list}); nothing was loaded from it.', { where: t(where), list }));
    return false;
  }
  loadScenario(candidate);
  return true;
}

async function shareLink() {
  const hash = await encodeShare(scenario, { lang: lang(), preset: presetId });
  const url = `${location.origin}${location.pathname}${hash}`;
  history.replaceState(null, '', hash);
  const box = document.getElementById('share-url');
  box.value = url;
  box.hidden = false;
  box.select();
  try {
    await navigator.clipboard.writeText(url);
    setMessage(t('Link copied. It holds the whole scenario; anyone who opens it sees these numbers.'));
  } catch {
    setMessage(t('Copy the link below. It holds the whole scenario; anyone who opens it sees these numbers.'));
  }
}

/** Text safe inside a double-quoted HTML attribute of a snippet. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Shows the iframe and element snippets that embed the scenario as it is now. */
async function showEmbedCode() {
  const hash = await encodeShare(scenario, {});
  const base = new URL('./', location.href).href;
  const query = new URLSearchParams({ view: 'full', lang: lang() });
  document.getElementById('embed-iframe').value =
    `<iframe data-dealcalc src="${attr(`${base}embed.html?${query}${hash}`)}" title="${attr(`dealcalc: ${scenario.name}`)}" width="100%" height="700" loading="lazy"></iframe>\n` +
    `<script type="module" src="${attr(`${base}embed-resize.js`)}"></script>`;
  document.getElementById('embed-element').value =
    `<script type="module" src="${attr(`${base}deal-calculator.js`)}"></script>\n` +
    `<deal-calculator view="card" lang="${lang()}" scenario="${attr(hash)}"></deal-calculator>`;
  document.getElementById('embed-box').hidden = false;
}

async function copyFrom(id) {
  const box = document.getElementById(id);
  box.select();
  try {
    await navigator.clipboard.writeText(box.value);
    setMessage(t('Copied.'));
  } catch {
    setMessage(t('Select the code and copy it.'));
  }
}

async function loadFromHash() {
  const hash = location.hash;
  if (!hash || hash === '#') return false;
  if (!hash.startsWith('#s=')) return false;
  try {
    const { scenario: s, view } = await decodeShare(hash);
    if (typeof view.lang === 'string' && view.lang in LANGUAGES && view.lang !== lang()) {
      setLang(view.lang);
      document.getElementById('lang').value = view.lang;
      translateStatic();
    }
    return loadForeign(s, 'link');
  } catch (e) {
    setMessage(t('This link could not be read ({m}). The default deal is shown instead.', { m: e.message }));
    return false;
  }
}

function exportJson() {
  const name = (scenario.name || 'scenario').replace(/[^\w-]+/g, '-').slice(0, 60);
  download(`${name}.json`, `${JSON.stringify({ scenario, view: { lang: lang() } }, null, 2)}\n`, 'application/json');
}

async function importJson(file) {
  if (file.size > 1_000_000) {
    setMessage(t('The file is larger than 1 MB; nothing was loaded.'));
    return;
  }
  try {
    const { scenario: s } = parseEnvelope(await file.text());
    if (loadForeign(s, 'file')) setMessage(t('Loaded {name}.', { name: file.name }));
  } catch (e) {
    setMessage(t('The file could not be read ({m}); nothing was loaded.', { m: e.message }));
  }
}

function exportCsv() {
  if (!lastReport) return;
  const rows = reportRows(scenario.name, lastReport);
  if (lastValuation) for (const r of reportRows(scenario.name, { valuation: { ...lastValuation, priceFan: null, samplePaths: null, histogram: null } }).slice(1)) rows.push(r);
  const name = (scenario.name || 'results').replace(/[^\w-]+/g, '-').slice(0, 60);
  download(`${name}.csv`, csv(rows), 'text/csv');
}

// ---- static text and languages --------------------------------------------------------------

function translateStatic() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  document.title = t('dealcalc: compute-for-equity deal calculator');
}

function rerenderAll() {
  translateStatic();
  pricingPanel = mountPricingPanel(dc, document.getElementById('pricing'));
  comparison = mountComparison(dc, document.getElementById('compare'), () => scenario);
  tornado = mountTornado(dc, document.getElementById('sensitivity'), () => scenario);
  valuation = mountValuation(document.getElementById('valuation'), () => scenario, (v) => {
    lastValuation = v;
    if (lastReport) renderReport(lastReport);
  });
  const picker = document.getElementById('preset');
  picker.replaceChildren(el('option', { value: '', text: t('(your scenario)') }));
  for (const p of dc.presets()) picker.append(el('option', { value: p.id, text: t(p.name) }));
  loadScenario(scenario, presetId);
}

// Compiling the Wasm starts as soon as this module runs (the file itself is preloaded).
const ready = init();

async function main() {
  await ready;
  document.documentElement.lang = lang();
  document.getElementById('version').textContent = `dealcalc ${dc.version()}`;
  const langPicker = document.getElementById('lang');
  for (const [code, { name }] of Object.entries(LANGUAGES)) langPicker.append(el('option', { value: code, text: name }));
  langPicker.value = lang();
  langPicker.addEventListener('change', () => {
    setLang(langPicker.value);
    rerenderAll();
  });
  document.getElementById('preset').addEventListener('change', (e) => {
    if (e.target.value) {
      setMessage('');
      loadPreset(e.target.value);
    }
  });
  document.getElementById('share').addEventListener('click', () => shareLink());
  document.getElementById('embed').addEventListener('click', () => showEmbedCode());
  for (const b of document.querySelectorAll('button[data-copy]')) b.addEventListener('click', () => copyFrom(b.dataset.copy));
  document.getElementById('export-json').addEventListener('click', exportJson);
  document.getElementById('export-csv').addEventListener('click', exportCsv);
  document.getElementById('print').addEventListener('click', () => window.print());
  document.getElementById('import-json').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) importJson(file);
    e.target.value = '';
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith(HASH_PREFIX)) loadFromHash();
  });
  scenario = dc.preset('amd-openai-2025');
  presetId = 'amd-openai-2025';
  rerenderAll();
  await loadFromHash();
  await renderSecondary();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.getElementById('status').textContent = `${t('The calculator could not start:')} ${e.message}`;
});

