// The pricing panel: one closed-form option price with its Greeks (priceOption), and a one-click
// valuation of a single-hurdle tranche as touch options.

import { el, fmt, parseNumber } from './dom.js';
import { t, lang } from './i18n.js';

const KINDS = [
  'bs_call', 'bs_put', 'cash_or_nothing_call', 'cash_or_nothing_put', 'asset_or_nothing_call',
  'asset_or_nothing_put', 'gap_call', 'gap_put',
  ...['up', 'down'].flatMap((d) => ['in', 'out'].flatMap((k) => ['call', 'put'].map((r) => `${d}_and_${k}_${r}`))),
  ...['one_touch', 'no_touch', 'asset_one_touch', 'asset_no_touch'].flatMap((t) => [`${t}_up`, `${t}_down`]),
  ...['up', 'down'].flatMap((d) => ['in', 'out'].flatMap((k) => ['cash', 'asset'].flatMap((p) => ['call', 'put'].map((r) => `${d}_and_${k}_${p}_or_nothing_${r}`)))),
  'warrant',
];

// Which fields each kind uses (besides spot, rate, dividendYield, vol, timeYears).
function fieldsOf(kind) {
  const touch = /touch/.test(kind);
  const f = [];
  if (!touch) f.push('strike');
  if (/^(up|down)_|touch/.test(kind)) f.push('barrier');
  if (/^(up|down)_and_(in|out)_(call|put)$/.test(kind)) f.push('rebate');
  if (/cash|^one_touch|^no_touch/.test(kind)) f.push('cash');
  if (/^gap_/.test(kind)) f.push('trigger');
  if (/one_touch/.test(kind)) f.push('payment');
  if (kind === 'warrant') f.push('sharesOutstanding', 'warrantsIssued', 'dilution');
  return f;
}

const LABELS = {
  spot: ['Spot', '$'], strike: ['Strike', '$'], barrier: ['Barrier', '$'], rebate: ['Rebate', '$'],
  cash: ['Cash paid', '$'], trigger: ['Trigger', '$'], rate: ['Risk-free rate r', '% / yr'],
  dividendYield: ['Dividend yield q', '% / yr'], vol: ['Volatility σ', '% / yr'], timeYears: ['Time to expiry', 'years'],
  payment: ['Payment', ''], sharesOutstanding: ['Shares outstanding N', ''], warrantsIssued: ['Warrants issued M', ''],
  dilution: ['Dilution', ''],
};
const PERCENT = new Set(['rate', 'dividendYield', 'vol']);
const CHOICES = { payment: ['at_hit', 'at_expiry'], dilution: ['simple', 'fixed_point'] };
const COMMON = ['spot', 'rate', 'dividendYield', 'vol', 'timeYears'];

export function mountPricingPanel(dc, root) {
  const state = {
    kind: 'asset_one_touch_up', spot: 203.71, strike: 0.01, barrier: 600, rebate: 0, cash: 1, trigger: 100,
    rate: 0.04, dividendYield: 0, vol: 0.55, timeYears: 5, payment: 'at_hit', sharesOutstanding: 1622e6,
    warrantsIssued: 160e6, dilution: 'simple',
  };
  const kindSelect = el('select', { id: 'option-kind', 'data-path': 'option.kind' });
  for (const k of KINDS) kindSelect.append(el('option', { value: k, text: k.replaceAll('_', ' ') }));
  const fieldsBox = el('div', { class: 'option-fields' });
  const out = el('div', { class: 'cards option-result', 'aria-live': 'polite' });
  const note = el('p', { class: 'help', id: 'option-note' });
  const problems = el('div', { class: 'problem', 'data-problem-for': 'option' });
  root.replaceChildren(
    el('h2', { text: t('Price one option (closed form)') }),
    el('p', { class: 'help', text: t('Black–Scholes–Merton: flat r and q, lognormal price, barriers watched continuously. Risk-neutral prices.') }),
    el('div', { class: 'field' }, el('label', { for: 'option-kind', text: t('Kind') }), kindSelect),
    fieldsBox, problems, out, note,
  );

  function spec() {
    const s = { kind: state.kind };
    for (const f of [...COMMON, ...fieldsOf(state.kind)]) s[f] = state[f];
    return s;
  }

  function build() {
    kindSelect.value = state.kind;
    fieldsBox.replaceChildren();
    for (const f of [...COMMON, ...fieldsOf(state.kind)]) {
      const [label, unit] = LABELS[f];
      const id = `option-${f}`;
      let input;
      if (CHOICES[f]) {
        input = el('select', { id });
        for (const c of CHOICES[f]) input.append(el('option', { value: c, text: t(c.replace('_', ' ')) }));
        input.value = state[f];
        input.addEventListener('change', () => { state[f] = input.value; compute(); });
      } else {
        input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
        const shown = PERCENT.has(f) ? state[f] * 100 : state[f];
        const text = Number.isFinite(shown) ? String(Number(shown.toPrecision(12))) : '';
        input.value = lang() === 'de' ? text.replace('.', ',') : text;
        input.addEventListener('input', () => {
          const x = parseNumber(input.value, false, lang() === 'de');
          state[f] = PERCENT.has(f) ? x / 100 : x;
          compute();
        });
      }
      input.dataset.path = `option.${f}`;
      input.setAttribute('aria-describedby', `e-option.${f}`);
      fieldsBox.append(el('div', { class: 'field' }, el('label', { for: id, text: t(label) }),
        el('div', { class: 'control' }, input, unit ? el('span', { class: 'unit', text: t(unit) }) : null),
        el('span', { class: 'problem', id: `e-option.${f}`, 'data-problem-for': `option.${f}` })));
    }
    compute();
  }

  function showProblems(list) {
    for (const slot of root.querySelectorAll('[data-problem-for]')) slot.textContent = '';
    const unplaced = [];
    for (const p of list) {
      const slot = root.querySelector(`[data-problem-for="option.${p.path}"]`);
      if (slot && p.path) slot.textContent = p.message;
      else unplaced.push(p.path ? `${p.path}: ${p.message}` : p.message);
    }
    problems.textContent = unplaced.join('\n');
  }

  function compute() {
    try {
      const r = dc.priceOption(spec());
      showProblems([]);
      out.replaceChildren(
        card(t('Price'), fmt.num(r.price, 4), 'option.price'),
        card('Delta', fmt.num(r.delta, 4), 'option.delta'),
        card('Gamma', fmt.num(r.gamma, 6), 'option.gamma'),
        card(t('Vega (per 1 vol point)'), fmt.num(r.vega / 100, 4), 'option.vega'),
      );
      out.classList.remove('stale');
      note.textContent = r.greeks === 'closed_form' ? t('Greeks in closed form.') : t('Greeks by finite differences of the closed form.');
    } catch (e) {
      showProblems(e.problems ?? [{ path: '', message: e.message }]);
      out.classList.add('stale');
    }
  }

  kindSelect.addEventListener('change', () => { state.kind = kindSelect.value; build(); });
  build();

  return {
    /**
     * Loads a single-hurdle tranche as touch options and returns its value per share when its
     * milestone is met: asset one-touch (paid at the hit) − strike × cash one-touch.
     */
    priceTranche({ spot, strike, target, rate, dividendYield, vol, timeYears }) {
      Object.assign(state, { kind: 'asset_one_touch_up', spot, strike, barrier: target, rate, dividendYield, vol, timeYears, payment: 'at_hit', cash: 1 });
      build();
      const base = { spot, barrier: target, rate, dividendYield, vol, timeYears, payment: 'at_hit' };
      const asset = dc.priceOption({ kind: 'asset_one_touch_up', ...base }).price;
      const cash = dc.priceOption({ kind: 'one_touch_up', cash: 1, ...base }).price;
      const perShare = asset - strike * cash;
      note.textContent = t('Tranche per share if its milestone is met: asset one-touch {a} − strike {k} × one-touch {c} = {v} (risk-neutral; ignores the deployment condition and the price test\'s kind).', { a: fmt.num(asset, 4), k: fmt.num(strike, 2), c: fmt.num(cash, 4), v: fmt.num(perShare, 4) });
      root.scrollIntoView({ block: 'start' });
      return perShare;
    },
  };
}

function card(label, value, out) {
  return el('div', { class: 'card' }, el('div', { class: 'card-label', text: label }), el('div', { class: 'card-value', 'data-out': out, text: value }));
}
