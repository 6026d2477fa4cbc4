// Charts drawn as SVG directly (no library: two chart types do not earn a dependency's size).
// Every chart comes with a data table for screen readers and printing.
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { dataTable, scrollBox } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

const day = (iso) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The vesting timeline: price targets (horizontal), milestone dates (vertical), the base path,
 * and, once simulated, the real-world fan (5–95% and 25–75% bands, median) with sample paths.
 */
export function vestingTimeline({ scenario, report, valuation }) {
  const w = scenario.warrant;
  const v = report.vesting;
  if (!w || !v) return null;
  const width = 720, height = 340, left = 64, right = 96, top = 14, bottom = 36;
  const t0 = day(scenario.valuationDate), t1 = day(w.expiryDate);
  const p0 = scenario.equity.sharePrice;
  const basePath = v.basePath.map((b) => [day(b.date), b.priceUsd]);
  const medianPath = v.medianPath.map((b) => [day(b.date), b.priceUsd]);
  const targets = w.tranches.map((t) => t.priceTarget).filter((h) => h != null);
  const fan = valuation?.priceFan ?? [];
  const highs = [p0, ...targets, ...basePath.map(([, p]) => p), ...fan.map((f) => f.p95)];
  const yMax = Math.max(...highs) * 1.08;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const y = (p) => top + (1 - p / yMax) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'timeline-title' });
  s.append(svg('title', { id: 'timeline-title' }, t('Vesting timeline: price targets, milestones, base path and simulated price fan')));
  // Axes.
  for (let k = 0; k <= 4; k++) {
    const p = (yMax * k) / 4;
    s.append(svg('line', { x1: left, x2: width - right, y1: y(p), y2: y(p), class: 'grid' }));
    s.append(svg('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end', class: 'axis-label' }, fmt.money(p, 0)));
  }
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  for (let yr = y0 + 1; yr <= y1; yr++) {
    const t = Date.UTC(yr, 0, 1);
    s.append(svg('text', { x: x(t), y: height - 12, 'text-anchor': 'middle', class: 'axis-label' }, String(yr)));
  }
  if (fan.length > 1) {
    const band = (lo, hi, cls) => {
      const pts = fan.map((f) => `${x(day(f.date))},${y(f[hi])}`).concat([...fan].reverse().map((f) => `${x(day(f.date))},${y(f[lo])}`));
      s.append(svg('polygon', { points: pts.join(' '), class: cls }));
    };
    band('p5', 'p95', 'fan-outer');
    band('p25', 'p75', 'fan-inner');
    for (const path of valuation.samplePaths.slice(0, 8)) {
      s.append(svg('polyline', { points: path.map((p, k) => `${x(day(fan[k]?.date ?? w.expiryDate))},${y(p)}`).join(' '), class: 'sample-path' }));
    }
    s.append(svg('polyline', { points: fan.map((f) => `${x(day(f.date))},${y(f.p50)}`).join(' '), class: 'fan-median' }));
  }
  s.append(svg('polyline', { points: basePath.map(([t, p]) => `${x(t)},${y(p)}`).join(' '), class: 'base-path' }));
  s.append(svg('polyline', { points: medianPath.map(([t, p]) => `${x(t)},${y(p)}`).join(' '), class: 'median-path' }));
  v.tranches.forEach((tr, i) => {
    if (tr.priceTarget != null) {
      s.append(svg('line', { x1: left, x2: width - right, y1: y(tr.priceTarget), y2: y(tr.priceTarget), class: 'target-line' }));
      s.append(svg('text', { x: width - right + 4, y: y(tr.priceTarget) + 4, class: 'axis-label' }, `T${i + 1} ${fmt.money(tr.priceTarget, 0)}`));
    }
    if (tr.milestoneDate) {
      const mx = x(day(tr.milestoneDate));
      if (mx >= left && mx <= width - right) {
        s.append(svg('line', { x1: mx, x2: mx, y1: top, y2: height - bottom, class: 'milestone-line' }));
        s.append(svg('text', { x: mx + 2, y: top + 10 + (i % 3) * 11, class: 'axis-label small' }, `${fmt.num(tr.gwTrigger)} GW`));
      }
    }
  });
  const legend = el('p', { class: 'legend' },
    el('span', { class: 'key key-base' }), ` ${t('base path: the mean at the stated growth, not a forecast')}  `,
    el('span', { class: 'key key-median' }), ` ${t('median path: half of all paths end below it')}  `,
    el('span', { class: 'key key-target' }), ` ${t('price targets')}  `,
    el('span', { class: 'key key-milestone' }), ` ${t('GW milestones (scheduled)')}  `,
    fan.length ? el('span', { class: 'key key-fan' }) : null, fan.length ? ` ${t('simulated prices, 5–95% and 25–75% (real world)')}` : null);
  const rows = v.tranches.map((tr, i) => [String(i + 1), `${fmt.num(tr.gwTrigger)} GW`, fmt.date(tr.milestoneDate, '–'), tr.priceTarget == null ? t('none') : fmt.money(tr.priceTarget, 0), fmt.date(tr.vestDate)]);
  const table = dataTable(t('Vesting timeline data'), [t('Tranche'), t('Trigger'), t('Milestone'), t('Target'), t('Vests on base path')], rows);
  if (fan.length) {
    table.append(el('tbody', {}, ...fan.filter((_, k) => k % 8 === 0 || k === fan.length - 1).map((f) => el('tr', {}, el('td', { text: fmt.date(f.date) }), el('td', { text: t('price 5/50/95%') }), el('td', { text: fmt.money(f.p5, 0) }), el('td', { text: fmt.money(f.p50, 0) }), el('td', { text: fmt.money(f.p95, 0) })))));
  }
  return el('figure', { class: 'figure', id: 'vesting-timeline' }, s, legend, el('details', {}, el('summary', { text: t('Data') }), scrollBox(t('Vesting timeline data'), {}, table)));
}

/** Histogram of the per-path present value of all tranches. */
export function valueHistogram(valuation) {
  const h = valuation.histogram;
  if (!h.counts.length) return null;
  const width = 720, height = 220, left = 56, right = 12, top = 10, bottom = 40;
  const max = Math.max(...h.counts);
  const n = h.counts.length;
  const bw = (width - left - right) / n;
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'histogram-title' });
  s.append(svg('title', { id: 'histogram-title' }, t('Distribution of the warrant\'s present value over simulated paths')));
  h.counts.forEach((c, k) => {
    const bh = (c / max) * (height - top - bottom);
    s.append(svg('rect', { x: left + k * bw + 1, y: height - bottom - bh, width: Math.max(bw - 2, 1), height: bh, class: 'bar-high' }));
  });
  for (const k of [0, Math.floor(n / 2), n]) {
    s.append(svg('text', { x: left + k * bw, y: height - 22, 'text-anchor': 'middle', class: 'axis-label' }, fmt.usd(h.edgesUsd[k])));
  }
  s.append(svg('text', { x: left, y: height - 6, class: 'axis-label' }, t('present value of all tranches on a path (risk-neutral)')));
  const rows = h.counts.map((c, k) => [`${fmt.usd(h.edgesUsd[k])} – ${fmt.usd(h.edgesUsd[k + 1])}`, fmt.num(c, 0)]);
  return el('figure', { class: 'figure', id: 'value-histogram' }, s, el('details', {}, el('summary', { text: t('Data') }), dataTable(t('Histogram'), [t('Present value'), t('Paths')], rows)));
}

/** GW online at each year end (line) and capex per year (bars). */
export function capacityChart(c) {
  const years = c.schedule;
  if (!years.length) return null;
  const width = 560, height = 240, left = 84, right = 52, top = 12, bottom = 30;
  const maxCapex = Math.max(...years.map((y) => y.capexUsd), 1);
  const maxGw = Math.max(c.totalGw, 1e-9);
  const bw = (width - left - right) / years.length;
  const yc = (v) => top + (1 - v / maxCapex) * (height - top - bottom);
  const yg = (v) => top + (1 - v / maxGw) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'capacity-title' });
  s.append(svg('title', { id: 'capacity-title' }, t('GW online and capex by year')));
  years.forEach((y, k) => {
    s.append(svg('rect', { x: left + k * bw + bw * 0.15, y: yc(y.capexUsd), width: bw * 0.7, height: height - bottom - yc(y.capexUsd), class: 'bar-low' }));
    s.append(svg('text', { x: left + k * bw + bw / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis-label' }, String(y.year)));
  });
  const pts = years.map((y, k) => `${left + k * bw + bw / 2},${yg(y.gwOnline)}`).join(' ');
  s.append(svg('polyline', { points: pts, class: 'fan-median' }));
  years.forEach((y, k) => s.append(svg('circle', { cx: left + k * bw + bw / 2, cy: yg(y.gwOnline), r: 3.5, class: 'point' })));
  s.append(svg('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis-label' }, fmt.usd(maxCapex)));
  s.append(svg('text', { x: width - right + 6, y: top + 8, class: 'axis-label' }, `${fmt.num(maxGw)} GW`));
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key bar-low' }), ` ${t('capex in the year (bars, left)')}  `, el('span', { class: 'key key-line' }), ` ${t('GW online at year end (line, right)')}`);
  const rows = years.map((y) => [String(y.year), fmt.num(y.gwAdded, 3), fmt.num(y.gwOnline, 3), fmt.usd(y.capexUsd), fmt.usd(y.vendorRevenueUsd), fmt.usd(y.energyCostUsd)]);
  return el('figure', { class: 'figure', id: 'capacity-chart' }, s, legend,
    scrollBox(t('Schedule by year'), {}, dataTable(t('Schedule by year'), [t('Year'), t('GW added'), t('GW online'), t('Capex'), t('Vendor revenue'), t('Energy cost')], rows)));
}

/** Ownership of the holder after each tranche (bars, labelled with the percentage). */
export function ownershipChart(d) {
  const n = d.tranches.length;
  const width = 520, height = 200, left = 40, right = 12, top = 18, bottom = 28;
  const max = Math.max(d.maxOwnership, 1e-9);
  const bw = (width - left - right) / n;
  const y = (v) => top + (1 - v / max) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'ownership-title' });
  s.append(svg('title', { id: 'ownership-title' }, t('Ownership of the holder after each tranche')));
  d.tranches.forEach((tr, k) => {
    s.append(svg('rect', { x: left + k * bw + bw * 0.15, y: y(tr.ownershipAfter), width: bw * 0.7, height: height - bottom - y(tr.ownershipAfter), class: 'bar-high' }));
    s.append(svg('text', { x: left + k * bw + bw / 2, y: y(tr.ownershipAfter) - 4, 'text-anchor': 'middle', class: 'axis-label' }, fmt.pct(tr.ownershipAfter)));
    s.append(svg('text', { x: left + k * bw + bw / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis-label' }, `T${k + 1}`));
  });
  const rows = d.tranches.map((tr, k) => [`T${k + 1}`, fmt.num(tr.cumulativeShares, 0), fmt.pct(tr.ownershipAfter)]);
  return el('figure', { class: 'figure', id: 'ownership-chart' }, s,
    el('details', {}, el('summary', { text: t('Data') }), dataTable(t('Ownership by tranche'), [t('Tranche'), t('Cumulative shares'), t('Ownership after')], rows)));
}
