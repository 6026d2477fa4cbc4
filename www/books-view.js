// The figures of the books panel (books.js): totals under each treatment, which quarters follow
// which rule and the transition modelled, the tranches at the grant, and the schedule by quarter
// and by tranche with its chart. Every number comes from the core's accounting().
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { svg } from './charts.js';
import { cards, dataTable, scrollBox } from './ui.js';

const RULES = { 'asu-2025-04': 'ASU 2025-04', 'service-condition': 'service condition', 'as-occurred': 'forfeitures as they occur' };
/** A rule's name in the page's language. */
export const ruleName = (rule) => (rule === 'asu-2025-04' ? RULES[rule] : t(RULES[rule]));

/** Revenue by quarter (bars) with the reduction stacked against it, and its data table with
 *  each quarter's rule and its amounts by tranche. */
function quarterChart(a) {
  const q = a.schedule;
  if (!q.length) return null;
  const width = 720, height = 240, left = 84, right = 12, top = 12, bottom = 40;
  const max = Math.max(...q.map((x) => x.vendorRevenueUsd), 1);
  const bw = (width - left - right) / q.length;
  const y = (v) => top + (1 - Math.max(0, v) / max) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'books-chart-title' });
  s.append(svg('title', { id: 'books-chart-title' }, t('Vendor revenue by quarter and the warrant\'s reduction of it')));
  q.forEach((x, k) => {
    const x0 = left + k * bw + bw * 0.15;
    s.append(svg('rect', { x: x0, y: y(x.vendorRevenueUsd), width: bw * 0.7, height: height - bottom - y(x.vendorRevenueUsd), class: 'bar-low' }));
    s.append(svg('rect', { x: x0, y: y(x.revenueReductionUsd), width: bw * 0.7, height: height - bottom - y(x.revenueReductionUsd), class: 'bar-high' }));
    if (k % Math.ceil(q.length / 8) === 0) s.append(svg('text', { x: x0 + bw * 0.35, y: height - 22, 'text-anchor': 'middle', class: 'axis-label' }, x.quarter));
  });
  s.append(svg('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis-label' }, fmt.usd(max)));
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key bar-low' }), ` ${t('vendor revenue (expected deliveries)')}  `, el('span', { class: 'key bar-high' }), ` ${t('revenue reduction')}`);
  const reversals = q.some((x) => x.expectedReversalUsd > 0);
  const tranches = a.tranches.map((x) => t('Tranche {n}', { n: x.index + 1 }));
  const header = [t('Quarter'), t('Rule'), t('Vendor revenue'), ...tranches, ...(reversals ? [t('Expected reversal')] : []), t('Revenue reduction'), t('Cumulative reduction'), t('Expected issuable shares')];
  const rows = q.map((x) => [x.quarter, ruleName(x.rule), fmt.usd(x.vendorRevenueUsd), ...x.byTranche.map((u) => fmt.usd(u)),
    ...(reversals ? [fmt.usd(-x.expectedReversalUsd)] : []), fmt.usd(x.revenueReductionUsd), fmt.usd(x.cumulativeReductionUsd), fmt.num(x.expectedIssuableShares, 0)]);
  const caption = t('By quarter and tranche (nominal)');
  return el('figure', { class: 'figure', id: 'books-chart' }, s, legend, scrollBox(caption, {}, dataTable(caption, header, rows, true)));
}

/** Which quarters follow which rule, the transition modelled, and early adoption when assumed. */
function rulesText(a) {
  const q = a.schedule;
  if (!q.length) return null;
  const lines = [];
  const tr = a.transition;
  if (tr) {
    const before = q.filter((x) => x.rule !== 'asu-2025-04');
    if (before.length) lines.push(t('{from} to {to}: {rule}, the practice before ASU 2025-04.', { from: before[0].quarter, to: before.at(-1).quarter, rule: ruleName(tr.prior) }));
    lines.push(t('From {q}: ASU 2025-04, adopted on {date} (the nearest quarter start is taken). Transition: modified retrospective, as the ASU\'s effective-date and transition guidance allows: the difference before adoption, {x}, adjusts opening retained earnings, not revenue.', { q: tr.firstQuarter, date: fmt.date(tr.adoptionDate), x: fmt.usd(tr.cumulativeEffectUsd) }));
  } else if (a.earlyAdoptionAssumed) {
    lines.push(t('Every quarter: ASU 2025-04 from the grant ({date}). Early adoption is assumed: the ASU takes effect for fiscal years beginning after 15 December 2026 (AMD\'s fiscal 2027 begins on 27 December 2026); set an adoption date to model the practice before it.', { date: fmt.date(a.grantDate) }));
  } else {
    lines.push(t('Every quarter: {rule}, the practice before ASU 2025-04, with no adoption date.', { rule: ruleName(a.standard) }));
  }
  lines.push(a.attribution === 'tranche'
    ? t('Attribution by tranche: each tranche over the purchases up to its own milestone, as a volume rebate is earned.')
    : t('Attribution over the contract: every tranche over all expected vendor revenue, in proportion to each quarter\'s.'));
  return el('ul', { id: 'books-rules', class: 'notes' }, ...lines.map((text) => el('li', { text })));
}

/** The results of one accounting run; `provisional` while a larger run refines it. */
export function booksResults(a, provisional = false) {
  const tranches = dataTable(t('Tranches at the grant ({date}, {price})', { date: fmt.date(a.grantDate), price: fmt.money(a.grantSharePrice) }),
    ['#', t('Shares'), t('Fair value per share (grant date, market condition only)'), '± s.e.', t('Milestone probability'), t('Probable')],
    a.tranches.map((x) => [String(x.index + 1), fmt.num(x.shares, 0), fmt.money(x.fairValuePerShareUsd), fmt.money(x.standardErrorUsd), fmt.pct(x.milestoneProbability, 1), x.probable ? t('yes') : t('no')]), true);
  const state = provisional ? ` (${t('provisional: {n} paths', { n: fmt.num(a.paths, 0) })})` : '';
  return [
    cards([
      // data-value: the unrounded numbers, for scripts reading the page.
      { label: t('Revenue reduction, ASU 2025-04'), value: fmt.usd(a.asu202504.totalReductionUsd), out: 'books.asu202504', note: t('probable tranches × grant-date fair value') + state, attrs: { 'data-value': String(a.asu202504.totalReductionUsd) } },
      { label: t('Revenue reduction, service condition'), value: fmt.usd(a.serviceCondition.totalReductionUsd), out: 'books.serviceCondition', note: t('every tranche × fair value × milestone probability'), attrs: { 'data-value': String(a.serviceCondition.totalReductionUsd) } },
      { label: t('Forfeitures as they occur'), value: fmt.usd(a.asOccurred.totalReductionUsd), out: 'books.asOccurred', note: t('every tranche × fair value, less {x} expected reversals', { x: fmt.usd(a.asOccurred.expectedReversalUsd) }), attrs: { 'data-value': String(a.asOccurred.totalReductionUsd) } },
      { label: t('Reduction ÷ vendor revenue'), value: fmt.pct(a.reductionShareOfRevenue, 1), out: 'books.share', note: t('{standard}: {total} over the expected revenue (nominal)', { standard: ruleName(a.standard), total: fmt.usd(a.totalReductionUsd) }), attrs: { 'data-value': String(a.reductionShareOfRevenue) } },
    ]),
    rulesText(a),
    scrollBox(t('Tranches'), {}, tranches),
    quarterChart(a),
  ].filter(Boolean);
}
