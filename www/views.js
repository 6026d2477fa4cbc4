// Comparison and sensitivity views: several deals side by side (compare) and a tornado chart
// (sensitivity), each drawn from the Wasm exports, each with its data as a table.

import { el, fmt } from './dom.js';
import { t, local, problemText } from './i18n.js';
import { deal, deals } from './deals.js';
import { svg } from './charts.js';
import { scrollBox } from './ui.js';

/** The comparison's measures (row keys from the core) in English; t() gives the page's language. */
const MEASURE_LABELS = {
  totalGw: 'Capacity', bindingGw: 'Binding capacity', capexUsd: 'Capex', capexPerGwUsd: 'Capex per GW',
  vendorRevenueUsd: 'Vendor revenue', vendorRevenuePerGwUsd: 'Vendor revenue per GW', accelerators: 'Accelerators',
  annualCostUsd: 'Annual cost (capital charge + energy + operations)', valueTransferUsd: 'Equity value given (intrinsic, ignoring conditions)',
  valueTransferPerGwUsd: 'Equity value given per GW (intrinsic)', maxOwnership: 'Maximum ownership',
  effectiveDiscount: 'Equity given ÷ present value of vendor income', investmentUsd: 'Vendor investment',
  investmentPerGwUsd: 'Vendor investment per GW', circularity: 'Circularity: money both ways, smaller ÷ larger',
  contractValueUsd: 'Contract value', contractPerGwUsd: 'Contract value per GW', contractPerYearUsd: 'Contract value per year',
};

/** The tornado's inputs (ids from the core) in English. */
const INPUT_LABELS = {
  dealSizeGw: 'Deal size (GW)', pue: 'PUE', capexPerGw: 'Capex per GW', vendorRevenuePerGw: 'Vendor revenue per GW',
  wattsPerAccelerator: 'Watts per accelerator', electricityPrice: 'Electricity price', utilization: 'Utilization',
  hardwareLife: 'Hardware life', sharesOutstanding: 'Shares outstanding', sharePrice: 'Share price',
  volatility: 'Volatility', riskFreeRate: 'Risk-free rate', expectedReturn: 'Expected return', warrantShares: 'Warrant shares',
  strike: 'Strike', priceTargets: 'Price targets', investmentPerGw: 'Investment per GW', investmentCap: 'Investment cap',
  contractValue: 'Contract value', contractYears: 'Contract years',
};
const inputLabel = (id) => t(INPUT_LABELS[id] ?? id);

/** Why one side of a bar has no value, in the page's language. */
function barNote(b, swing) {
  const side = (p, sign) => p && `${sign}${fmt.pct(swing, 0)}: ${p.path}: ${problemText(p)}`;
  return [side(b.lowProblem, '−'), side(b.highProblem, '+')].filter(Boolean).join('; ');
}

export function formatValue(x, unit) {
  if (x == null) return '–';
  switch (unit) {
    case 'usd': return fmt.usd(x);
    case 'fraction': return fmt.pct(x, 2);
    case 'gw': return `${fmt.num(x, 3)} GW`;
    case 'count': return fmt.num(x, 0);
    default: return fmt.num(x, 4);
  }
}

/** The comparison view: the current deal and up to two catalogue deals (their latest versions). */
export function mountComparison(dc, root, currentScenario) {
  const presets = deals();
  const pickers = [1, 2].map((n) => {
    const s = el('select', { id: `compare-${n}`, 'aria-label': t('Deal {n} to compare', { n: n + 1 }) });
    s.append(el('option', { value: '', text: t('(none)') }));
    for (const p of presets) s.append(el('option', { value: p.id, text: local(p.name) }));
    return s;
  });
  pickers[0].value = 'nvidia-openai-2025';
  pickers[1].value = 'oracle-openai-2025';
  const tableBox = scrollBox(t('Deals side by side'), { id: 'comparison-table' });
  const status = el('p', { class: 'problem' });
  root.replaceChildren(
    el('h2', { text: t('Compare deals') }),
    el('p', { class: 'help', text: t('The deal above (as edited) next to built-in deals; per-GW rows divide by each deal\'s own gigawatts.') }),
    el('div', { class: 'control' }, ...pickers.map((p, i) => el('label', {}, `${t('Deal {n}', { n: i + 2 })} `, p))),
    status, tableBox,
  );
  function render() {
    const current = currentScenario();
    if (!current) return;
    const list = [current, ...pickers.filter((p) => p.value).map((p) => deal(p.value))];
    try {
      const c = dc.compare(list);
      status.textContent = '';
      const tbl = el('table', { class: 'data' }, el('caption', { text: t('Deals side by side') }));
      tbl.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('Measure') }), ...c.deals.map((d) => el('th', { scope: 'col', text: d })))));
      const body = el('tbody');
      for (const r of c.rows) {
        body.append(el('tr', { 'data-row': r.key }, el('th', { scope: 'row', text: t(MEASURE_LABELS[r.key] ?? r.key) }), ...r.values.map((v) => el('td', { text: formatValue(v, r.unit) }))));
      }
      tbl.append(body);
      tableBox.replaceChildren(tbl);
    } catch (e) {
      status.textContent = (e.problems ?? []).map((p) => `${p.path}: ${problemText(p)}`).join('\n') || e.message;
    }
  }
  for (const p of pickers) p.addEventListener('change', render);
  return { render };
}

const OUTPUTS = [
  ['dilution.valueTransferUsd', 'Equity value given (intrinsic, ignoring conditions)', 'usd'],
  ['dilution.effectiveDiscount', 'Equity given ÷ present value of vendor income', 'fraction'],
  ['dilution.maxOwnership', 'Maximum ownership', 'fraction'],
  ['capacity.capexUsd', 'Capex', 'usd'],
  ['capacity.annualCostUsd', 'Annual cost', 'usd'],
  ['capacity.costPerAcceleratorHourUsd', 'Cost per accelerator-hour', 'usd'],
  ['capacity.vendorRevenueUsd', 'Vendor revenue', 'usd'],
  ['circularity.ratio', 'Circularity: money both ways, smaller ÷ larger', 'fraction'],
  ['contract.valuePerGwUsd', 'Contract value per GW', 'usd'],
];

/** The tornado view of sensitivity(scenario, output, swing). */
export function mountTornado(dc, root, currentScenario) {
  const output = el('select', { id: 'tornado-output' });
  const swing = el('select', { id: 'tornado-swing' });
  for (const s of [0.05, 0.1, 0.2, 0.3]) swing.append(el('option', { value: String(s), text: `±${fmt.pct(s, 0)}` }));
  swing.value = '0.1';
  const chart = el('div', { class: 'tornado', id: 'tornado-chart' });
  const table = scrollBox(t('Tornado data'), {});
  const status = el('p', { class: 'help' });
  root.replaceChildren(
    el('h2', { text: t('What moves the result') }),
    el('div', { class: 'control' }, el('label', { for: 'tornado-output', text: t('Output') }), output, el('label', { for: 'tornado-swing', text: t('Swing') }), swing),
    status, chart, table,
  );

  function fillOutputs(report) {
    const keep = output.value;
    output.replaceChildren();
    for (const [path, label] of OUTPUTS) {
      const [part] = path.split('.');
      if (report[part] != null) output.append(el('option', { value: path, text: t(label) }));
    }
    if ([...output.options].some((o) => o.value === keep)) output.value = keep;
  }

  function render(report) {
    const scenario = currentScenario();
    if (!scenario || !report) return;
    fillOutputs(report);
    const unit = OUTPUTS.find(([p]) => p === output.value)?.[2] ?? 'number';
    let tor;
    try {
      tor = dc.sensitivity(scenario, output.value, Number(swing.value));
    } catch (e) {
      status.textContent = (e.problems ?? []).map((p) => problemText(p)).join('; ') || e.message;
      return;
    }
    status.textContent = t('Base: {base}. Each bar moves one input by ±{swing}, all else fixed.', { base: formatValue(tor.base, unit), swing: fmt.pct(Number(swing.value), 0) });
    const bars = tor.bars.slice(0, 10);
    const width = 640, row = 26, left = 190, right = 20, top = 10;
    const height = top + bars.length * row + 24;
    const values = bars.flatMap((b) => [b.low, b.high].filter((x) => x != null)).concat([tor.base]);
    const lo = Math.min(...values), hi = Math.max(...values);
    const span = hi - lo || Math.abs(tor.base) || 1;
    const x = (v) => left + ((v - lo) / span) * (width - left - right);
    const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'tornado-title', class: 'chart' });
    s.append(svg('title', { id: 'tornado-title' }, t('Sensitivity of {x}', { x: output.selectedOptions[0]?.textContent ?? '' })));
    bars.forEach((b, i) => {
      const y = top + i * row;
      s.append(svg('text', { x: left - 8, y: y + 16, 'text-anchor': 'end', class: 'axis-label' }, inputLabel(b.input)));
      for (const [v, cls] of [[b.low, 'bar-low'], [b.high, 'bar-high']]) {
        if (v == null) continue;
        const x0 = Math.min(x(v), x(tor.base)), x1 = Math.max(x(v), x(tor.base));
        s.append(svg('rect', { x: x0, y: y + 4, width: Math.max(x1 - x0, 1), height: row - 8, class: cls }));
      }
    });
    s.append(svg('line', { x1: x(tor.base), x2: x(tor.base), y1: top, y2: top + bars.length * row, class: 'base-line' }));
    s.append(svg('text', { x: x(tor.base), y: height - 6, 'text-anchor': 'middle', class: 'axis-label' }, t('base {x}', { x: formatValue(tor.base, unit) })));
    chart.replaceChildren(s, el('p', { class: 'legend' }, el('span', { class: 'key bar-low' }), ` ${t('input')} −${fmt.pct(Number(swing.value), 0)}  `, el('span', { class: 'key bar-high' }), ` ${t('input')} +${fmt.pct(Number(swing.value), 0)}`));
    const tbl = el('table', { class: 'data', id: 'tornado-table' }, el('caption', { text: t('Tornado data') }));
    tbl.append(el('thead', {}, el('tr', {}, ...['Input', 'Input −', 'Input +', 'Spread', 'Note'].map((h) => el('th', { scope: 'col', text: t(h) })))));
    const body = el('tbody');
    for (const b of tor.bars) body.append(el('tr', {}, el('td', { text: inputLabel(b.input) }), el('td', { text: formatValue(b.low, unit) }), el('td', { text: formatValue(b.high, unit) }), el('td', { text: formatValue(b.spread, unit) }), el('td', { text: barNote(b, Number(swing.value)) })));
    tbl.append(body);
    table.replaceChildren(tbl);
  }

  let last = null;
  output.addEventListener('change', () => render(last));
  swing.addEventListener('change', () => render(last));
  return { render: (report) => { last = report; render(report); } };
}
