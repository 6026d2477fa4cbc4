// The pricing panel: one closed-form option price with its Greeks (priceOption), and a one-click
// load of a tranche priced as touches by the core (report.vesting.tranches[i].touch). Which
// fields each kind takes comes from the core (optionKinds()).

import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { card, numberInput, placeProblems, problemSlot } from './ui.js';

const LABELS = {
  spot: ['Spot', '$'], strike: ['Strike', '$'], barrier: ['Barrier', '$'], rebate: ['Rebate', '$'],
  cash: ['Cash paid', '$'], trigger: ['Trigger', '$'], rate: ['Risk-free rate r', '% / yr'],
  dividendYield: ['Dividend yield q', '% / yr'], vol: ['Volatility σ', '% / yr'], timeYears: ['Time to expiry', 'years'],
  payment: ['Payment', ''], sharesOutstanding: ['Shares outstanding N', ''], warrantsIssued: ['Warrants issued M', ''],
  dilution: ['Dilution', ''],
};
const PERCENT = new Set(['rate', 'dividendYield', 'vol']);
/** How a spec field is typed: percent fields are stored as fractions. */
const fieldOf = (f) => ({ scale: PERCENT.has(f) ? 0.01 : 1, unit: LABELS[f][1] });
const CHOICES = { payment: ['at_hit', 'at_expiry'], dilution: ['simple', 'fixed_point'] };
const COMMON = ['spot', 'rate', 'dividendYield', 'vol', 'timeYears'];

export function mountPricingPanel(dc, root) {
  const state = {
    kind: 'asset_one_touch_up', spot: 203.71, strike: 0.01, barrier: 600, rebate: 0, cash: 1, trigger: 100,
    rate: 0.04, dividendYield: 0, vol: 0.55, timeYears: 5, payment: 'at_hit', sharesOutstanding: 1622e6,
    warrantsIssued: 160e6, dilution: 'simple',
  };
  const kinds = new Map(dc.optionKinds().map((k) => [k.kind, k.fields]));
  const fieldsOf = (kind) => kinds.get(kind) ?? [];
  const kindSelect = el('select', { id: 'option-kind', 'data-path': 'option.kind' });
  for (const k of kinds.keys()) kindSelect.append(el('option', { value: k, text: k.replaceAll('_', ' ') }));
  const slots = new Map();
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
    slots.clear();
    for (const f of [...COMMON, ...fieldsOf(state.kind)]) {
      const [label, unit] = LABELS[f];
      const id = `option-${f}`;
      const attrs = { 'data-path': `option.${f}`, 'aria-describedby': `e-option.${f}` };
      let input;
      if (CHOICES[f]) {
        input = el('select', { id, ...attrs });
        for (const c of CHOICES[f]) input.append(el('option', { value: c, text: t(c.replace('_', ' ')) }));
        input.value = state[f];
        input.addEventListener('change', () => { state[f] = input.value; compute(); });
      } else {
        input = numberInput({ id, value: state[f], field: fieldOf(f), attrs, onValue: (x) => { state[f] = x; compute(); } });
      }
      const error = problemSlot(`option.${f}`);
      slots.set(f, { input, error, field: fieldOf(f) });
      fieldsBox.append(el('div', { class: 'field' }, el('label', { for: id, text: t(label) }),
        el('div', { class: 'control' }, input, unit ? el('span', { class: 'unit', text: t(unit) }) : null), error));
    }
    compute();
  }

  function compute() {
    try {
      const r = dc.priceOption(spec());
      placeProblems([], slots, problems);
      out.replaceChildren(
        card({ label: t('Price'), value: fmt.num(r.price, 4), out: 'option.price' }),
        card({ label: 'Delta', value: fmt.num(r.delta, 4), out: 'option.delta' }),
        card({ label: 'Gamma', value: fmt.num(r.gamma, 6), out: 'option.gamma' }),
        card({ label: t('Vega (per 1 vol point)'), value: fmt.num(r.vega / 100, 4), out: 'option.vega' }),
      );
      out.classList.remove('stale');
      note.textContent = r.greeks === 'closed_form' ? t('Greeks in closed form.') : t('Greeks by finite differences of the closed form.');
    } catch (e) {
      placeProblems(e.problems ?? [{ path: '', message: e.message }], slots, problems);
      out.classList.add('stale');
    }
  }

  kindSelect.addEventListener('change', () => { state.kind = kindSelect.value; build(); });
  build();

  return {
    /**
     * Loads tranche `index` of a scenario as an asset one-touch into the form and shows its
     * value per share when its milestone is met, as the core priced it (report.vesting).
     */
    priceTranche({ scenario, vesting, index }) {
      const e = scenario.equity;
      const strike = scenario.warrant.strike;
      const tv = vesting.tranches[index];
      Object.assign(state, { kind: 'asset_one_touch_up', spot: e.sharePrice, strike, barrier: tv.priceTarget, rate: e.riskFreeRate,
        dividendYield: e.dividendYield, vol: e.volatility, timeYears: vesting.yearsToExpiry, payment: 'at_hit', cash: 1 });
      build();
      const touch = tv.touch;
      note.textContent = t('Tranche per share if its milestone is met: asset one-touch {a} − strike {k} × one-touch {c} = {v} (risk-neutral; ignores the deployment condition and the price test\'s kind).', { a: fmt.num(touch.assetOneTouchUsd, 4), k: fmt.num(strike, 2), c: fmt.num(touch.cashOneTouch, 4), v: fmt.num(touch.perShareUsd, 4) });
      root.scrollIntoView({ block: 'start' });
      return touch.perShareUsd;
    },
  };
}
