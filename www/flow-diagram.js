// The money-flow diagram of a portfolio (the page's and the element's), legible with 20 deals
// and 15 parties: a filter by party, small flows grouped into one band per payer, and the data
// table beside it, which always lists every flow the filter keeps.
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { svg } from './charts.js';
import { dataTable, scrollBox } from './ui.js';

const KINDS = ['purchase', 'service', 'investment', 'warrant', 'guarantee', 'loan'];
const KIND_LABELS = { purchase: 'purchases', service: 'service payments', investment: 'investment', warrant: 'equity given', guarantee: 'guarantee', loan: 'loan' };
/** A flow below this share of the largest flow drawn is grouped with its payer's other small
 *  flows into one band (the table still lists each). */
export const SMALL_SHARE = 0.03;
/** The node that grouped bands go to, one per side. */
const OTHERS = '\u0000others';

/** A flow's kind in words, marked when the money is contingent (it may never be paid) and, for
 *  equity given, whether it is at fair value or at intrinsic value. */
function kindText(f) {
  if (f.kind === 'warrant') return f.fair ? t('equity given, fair value') : t('equity given, intrinsic value');
  return f.contingent ? `${t(KIND_LABELS[f.kind])} (${t('contingent')})` : t(KIND_LABELS[f.kind]);
}

/**
 * The flows to show: equity given at fair value where the page valued the warrants of that pair
 * (`fair`: "from→to" → the fair value less the intrinsic value of those warrants), else at the
 * core's intrinsic value, labelled as such.
 */
function shownFlows(p, fair) {
  return p.flows.filter((f) => f.usd > 0).map((f) => {
    const valued = f.kind === 'warrant' ? fair?.get(`${f.from}→${f.to}`) : null;
    return valued == null ? f : { ...f, usd: Math.max(0, f.usd + valued), fair: true };
  });
}

/**
 * The bands to draw: each flow of at least SMALL_SHARE of the largest, and per payer one band
 * of its smaller flows (when it has two or more; a single small flow is drawn as it is).
 */
export function bands(flows) {
  const max = Math.max(...flows.map((f) => f.usd));
  const small = new Map();
  for (const f of flows.filter((x) => x.usd < SMALL_SHARE * max)) small.set(f.from, [...(small.get(f.from) ?? []), f]);
  const out = flows.filter((f) => f.usd >= SMALL_SHARE * max || small.get(f.from).length < 2);
  for (const [from, members] of small) {
    if (members.length < 2) continue;
    out.push({ from, to: OTHERS, kind: 'grouped', members, usd: members.reduce((s, f) => s + f.usd, 0) });
  }
  return out;
}

/** A band's words: its flow, or the grouped flows it stands for. */
function bandText(b) {
  if (b.kind !== 'grouped') {
    return `${b.from} → ${b.to}: ${kindText(b)} ${fmt.usd(b.usd)}${b.expectedUsd == null ? '' : ` (${t('expected')} ${fmt.usd(b.expectedUsd)})`}`;
  }
  return t('{from} → {n} smaller flows, {x} in all: {list}', {
    from: b.from, n: b.members.length, x: fmt.usd(b.usd),
    list: b.members.map((f) => `${f.to} (${kindText(f)}) ${fmt.usd(f.usd)}`).join('; '),
  });
}

/** The diagram of `flows`: payers of purchases and services on the left, the other parties on
 *  the right, grouped small flows to "other parties" at the foot of the opposite side. */
function diagram(flows, named) {
  const drawn = bands(flows);
  const payers = new Set(flows.filter((f) => f.kind === 'purchase' || f.kind === 'service').map((f) => f.from));
  const names = [...new Set(drawn.flatMap((b) => [b.from, b.to]))].filter((n) => n !== OTHERS);
  const left = names.filter((n) => payers.has(n));
  const right = names.filter((n) => !payers.has(n));
  const othersLeft = drawn.some((b) => b.to === OTHERS && !left.includes(b.from));
  const othersRight = drawn.some((b) => b.to === OTHERS && left.includes(b.from));
  const width = 760, row = 44, top = 20, xl = 170, xr = 560;
  const rows = Math.max(left.length + othersLeft, right.length + othersRight, 1);
  const height = top * 2 + rows * row;
  const at = (i) => top + i * row + row / 2;
  const pos = new Map([...left.map((n, i) => [n, [xl, at(i)]]), ...right.map((n, i) => [n, [xr, at(i)]])]);
  const end = (b) => (b.to !== OTHERS ? pos.get(b.to) : left.includes(b.from) ? [xr, at(right.length)] : [xl, at(left.length)]);
  const max = Math.max(...drawn.map((b) => b.usd));
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart flow-diagram', role: 'group', 'aria-labelledby': 'portfolio-flows-title' });
  s.append(svg('title', { id: 'portfolio-flows-title' }, t('Money between the parties: band width is the amount, colour and dashes the kind')));
  drawn.forEach((b, k) => {
    const [x1, y1] = pos.get(b.from);
    const [x2, y2] = end(b);
    const bend = (k % 3 - 1) * 8;
    // Between the columns an S-curve; within a column an arc into the space between them.
    const reach = x1 === x2 ? (x1 === xl ? 1 : -1) * (60 + Math.abs(y2 - y1) / 3) : 0;
    const [c1, c2] = reach ? [x1 + reach, x2 + reach] : [(x1 + x2) / 2, (x1 + x2) / 2];
    const d = `M${x1},${y1 + bend} C${c1},${y1 + bend} ${c2},${y2 - bend} ${x2},${y2 - bend}`;
    const label = bandText(b);
    const band = svg('path', { d, class: `flow flow-${b.kind}${b.contingent ? ' contingent' : ''}`, 'stroke-width': Math.max(2, (b.usd / max) * 24), tabindex: '0', role: 'img', 'aria-label': label });
    band.append(svg('title', {}, label));
    for (const on of ['focus', 'mouseenter']) band.addEventListener(on, () => { named.textContent = label; });
    s.append(band);
  });
  const nodes = [...pos];
  if (othersRight) nodes.push([t('other parties'), [xr, at(right.length)]]);
  if (othersLeft) nodes.push([t('other parties'), [xl, at(left.length)]]);
  for (const [name, [x, y]] of nodes) {
    const anchor = x < width / 2 ? 'end' : 'start';
    s.append(svg('circle', { cx: x, cy: y, r: 6, class: 'point' }));
    s.append(svg('text', { x: x + (anchor === 'end' ? -10 : 10), y: y + 4, 'text-anchor': anchor, class: 'axis-label' }, name));
  }
  return s;
}

/**
 * The money-flow figure: a party filter, the diagram (its bands focusable, each naming its
 * flow), the legend and the table of every flow the filter keeps. `view.party` is the party
 * picked, kept by the caller across redraws (a warrant valued, a deal edited) and cleared when
 * the party has no flow left.
 */
export function flowFigure(p, fair, view = {}) {
  const all = shownFlows(p, fair);
  if (!all.length) return null;
  const parties = [...new Set(all.flatMap((f) => [f.from, f.to]))].sort((a, b) => a.localeCompare(b));
  const filter = el('select', { id: 'portfolio-flow-party' }, el('option', { value: '', text: t('All parties') }), ...parties.map((n) => el('option', { value: n, text: n })));
  const body = el('div', { class: 'flow-body' });
  const caption = t('Flows (nominal and expected; equity given at fair value once valued, else intrinsic)');
  filter.value = parties.includes(view.party) ? view.party : '';
  const draw = () => {
    const party = filter.value;
    view.party = party;
    const flows = party ? all.filter((f) => f.from === party || f.to === party) : all;
    const named = el('p', { class: 'legend flow-named', 'aria-hidden': 'true' });
    const shown = [...KINDS.filter((k) => flows.some((f) => f.kind === k)), ...(bands(flows).some((b) => b.kind === 'grouped') ? ['grouped'] : [])];
    const legend = el('p', { class: 'legend' }, ...shown.flatMap((k) => [el('span', { class: `key flow-key flow-${k}` }), ` ${k === 'grouped' ? t('smaller flows of one payer, grouped') : t(KIND_LABELS[k])}  `]));
    const rows = flows.map((f) => [f.from, f.to, kindText(f), fmt.usd(f.usd), f.expectedUsd == null ? '–' : fmt.usd(f.expectedUsd)]);
    body.replaceChildren(el('div', { class: 'flow-drawing' }, diagram(flows, named), named, legend),
      scrollBox(caption, {}, dataTable(caption, [t('From'), t('To'), t('Kind'), t('Nominal'), t('Expected')], rows)));
  };
  filter.addEventListener('change', draw);
  draw();
  return el('figure', { class: 'figure', id: 'portfolio-flows' },
    el('p', { class: 'flow-filter' }, el('label', { for: 'portfolio-flow-party', text: t('Flows of') }), ' ', filter),
    el('p', { class: 'help flow-drawing', text: t('Flows under {x} of the largest drawn are grouped per payer into one band; the table lists every flow.', { x: fmt.pct(SMALL_SHARE, 0) }) }),
    body);
}
