// The portfolio's figures, shared by the page (portfolio-panel.js) and <deal-calculator>:
// several deals added up by the core (portfolio()): totals with GW kept per layer, commitments
// by year and vendor, the money flowing between the parties as a diagram with its data table
// (flow-diagram.js), the combined dilution per issuer, the stakes and the circularity.
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { svg } from './charts.js';
import { cards, dataTable, scrollBox } from './ui.js';
import { flowFigure } from './flow-diagram.js';

/**
 * Commitments by year: two bars a year, chip purchases and cloud payments (never stacked into
 * one: a cloud deal may pay for the chips a chip deal sells), each stacked by vendor; with the
 * data table. A vendor's layer is that of its deals in the portfolio.
 */
function byYearChart(p) {
  const years = p.byYear.filter((y) => y.paymentsUsd > 0);
  if (!years.length) return null;
  const vendors = [...new Set(years.flatMap((y) => y.paymentsByVendor.map((v) => v.vendor)))];
  const layerOf = (vendor) => p.deals.find((d) => d.vendor === vendor)?.layer ?? 'chips';
  const paid = (y, layer) => y.byLayer[layer].purchasesUsd + y.byLayer[layer].contractUsd;
  const width = 720, height = 240, left = 84, right = 12, top = 12, bottom = 30;
  const max = Math.max(...years.flatMap((y) => [paid(y, 'chips'), paid(y, 'cloud')]), 1);
  const bw = (width - left - right) / years.length;
  const yy = (v) => (v / max) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'portfolio-years-title' });
  s.append(svg('title', { id: 'portfolio-years-title' }, t('Commitments by year and vendor (nominal): chip purchases (left bar) and cloud payments (right bar), never added')));
  years.forEach((y, k) => {
    ['chips', 'cloud'].forEach((layer, side) => {
      let base = height - bottom;
      for (const v of y.paymentsByVendor.filter((x) => layerOf(x.vendor) === layer)) {
        const h = yy(v.usd);
        base -= h;
        s.append(svg('rect', { x: left + k * bw + bw * (0.12 + side * 0.4), y: base, width: bw * 0.36, height: h, class: `series-${vendors.indexOf(v.vendor) % 8}` }, null));
      }
    });
    s.append(svg('text', { x: left + k * bw + bw / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis-label' }, String(y.year)));
  });
  s.append(svg('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis-label' }, fmt.usd(max)));
  const legend = el('p', { class: 'legend' }, ...vendors.flatMap((v, i) => [el('span', { class: `key series-${i % 8}` }), ` ${v} (${t(layerOf(v))})  `]));
  const rows = years.map((y) => [String(y.year), ...vendors.map((v) => fmt.usd(y.paymentsByVendor.find((x) => x.vendor === v)?.usd ?? 0)), fmt.usd(paid(y, 'chips')), fmt.usd(paid(y, 'cloud'))]);
  return el('figure', { class: 'figure', id: 'portfolio-years' }, s, legend,
    el('details', {}, el('summary', { text: t('Data') }), scrollBox(t('Commitments by year (nominal)'), {}, dataTable(t('Commitments by year (nominal)'), [t('Year'), ...vendors, t('Chip purchases'), t('Cloud contracts')], rows))));
}

/**
 * The figures of a portfolio: cards, charts and tables (the page's view and the element's).
 * `fair`: the page's fair values of the selection's warrants by pair (see shownFlows); the
 * element runs no simulation and shows intrinsic values, labelled. `flowView` keeps the flow
 * filter's party across redraws of the same panel (see flowFigure).
 */
export function portfolioResults(p, fair = null, flowView = {}) {
  const { chips, cloud } = p.totals.byLayer;
  const across = p.totals.crossLayer;
  const parts = [
    cards([
      { label: t('GW in chip deals'), value: `${fmt.num(p.totals.gwByLayer.chips, 2)} GW`, out: 'portfolio.gwChips', note: t('expected {x} GW', { x: fmt.num(p.totals.expectedGwByLayer.chips, 2) }) },
      { label: t('GW in cloud deals'), value: `${fmt.num(p.totals.gwByLayer.cloud, 2)} GW`, out: 'portfolio.gwCloud', note: t('expected {x} GW', { x: fmt.num(p.totals.expectedGwByLayer.cloud, 2) }) },
      { label: t('Chip purchases'), value: fmt.usd(chips.purchasesUsd), out: 'portfolio.chipPurchases', note: t('nominal; expected {x}', { x: fmt.usd(chips.expected.purchasesUsd) }) },
      { label: t('Cloud contracts'), value: fmt.usd(cloud.contractUsd + cloud.purchasesUsd), out: 'portfolio.cloudContracts', note: t('nominal; expected {x}', { x: fmt.usd(cloud.expected.contractUsd + cloud.expected.purchasesUsd) }) },
      { label: t('Across both layers'), value: `${fmt.usd(across.low)}–${fmt.usd(across.high)}`, out: 'portfolio.commitments', note: across.nettedUsd > 0 ? t('a range: low if all cloud capacity runs on these chips, high if none does beyond the deals\' links ({x} of chip money counted once)', { x: fmt.usd(across.nettedUsd) }) : t('a range: low if all cloud capacity runs on these chips, high if none does') },
      { label: t('Investment'), value: fmt.usd(p.totals.investmentUsd), out: 'portfolio.investment', note: t('nominal; expected {x}', { x: fmt.usd(p.totals.expected.investmentUsd) }) },
    ]),
    el('p', { class: 'help', text: t('GW of chip deals and of cloud deals are never added together: a cloud deal may run on the chips of another deal.') }),
    byYearChart(p),
    flowFigure(p, fair, flowView),
  ];
  if (p.issuers.length) {
    parts.push(scrollBox(t('Combined dilution per issuer'), {}, dataTable(t('Combined dilution per issuer'), [t('Issuer'), t('Warrant shares'), t('Shares outstanding'), t('Combined max ownership')],
      p.issuers.map((i) => [i.issuer, fmt.num(i.warrantShares, 0), fmt.num(i.sharesOutstanding, 0), fmt.pct(i.combinedMaxOwnership)]))));
  }
  parts.push(scrollBox(t('Circularity: money going both ways'), {}, dataTable(t('Circularity: money going both ways'), [t('Party'), t('Party'), t('First to second'), t('Second to first'), t('Ratio'), t('Expected ratio')],
    p.circularity.map((c) => [c.a, c.b, fmt.usd(c.aToB), fmt.usd(c.bToA), fmt.pct(c.ratio, 1), fmt.pct(c.expectedRatio, 1)]))));
  if (p.stakes?.length) {
    parts.push(scrollBox(t('Stakes bought at a post-money valuation'), {}, dataTable(t('Stakes bought at a post-money valuation'), [t('Investee'), t('Investor'), t('Paid (nominal)'), t('Ownership'), t('As of')],
      p.stakes.map((x) => [x.investee, x.investor, fmt.usd(x.usd), fmt.pct(x.ownership, 2), fmt.date(x.asOf)]))));
  }
  if (p.cycles.length) {
    parts.push(el('ul', { class: 'cycles' }, ...p.cycles.map((c) => el('li', { text: t('{path}: at most {x} goes round', { path: [...c.parties, c.parties[0]].join(' → '), x: fmt.usd(c.bottleneckUsd) }) }))));
  }
  return parts.filter(Boolean);
}
