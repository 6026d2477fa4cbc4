// The form over the scenario: one input per field of fields.js, the phase and tranche tables,
// source badges, and each problem beside its field. Inputs write the scenario at their path;
// the text a reader typed is never rewritten (inputs are filled only when a scenario is loaded,
// a row is added or removed, or the language changes; then a number field whose text is not
// a number yet keeps that text).
import { el } from './dom.js';
import { t } from './i18n.js';
import { getAt, setAt } from './fieldpath.js';
import { CURVE_COLUMNS, GROUPS, GUARANTEE_COLUMNS, INVESTMENT_TRANCHE_COLUMNS, LOAN_COLUMNS, PHASE_COLUMNS, TRANCHE_COLUMNS } from './fields.js';
import { conditionText, numberInput, placeProblems, problemSlot, scrollBox, shownNumber } from './ui.js';
import { page } from './state.js';

/** Field path -> {input, error, field}: where each problem goes. */
const slots = new Map();

/** The input of a field path (focus after adding a row; tests). */
export const inputAt = (path) => slots.get(path)?.input;

/** The source entry for a path: exact, else the longest enclosing path that has one (sources
 *  that give another figure, `value`, are the conflict's other side: conflictNote). */
function sourceFor(path) {
  let best = null;
  for (const s of page.scenario?.sources ?? []) {
    if (typeof s.value === 'number') continue;
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
  const label = assumption ? t('assumption') : s.tier ? t(s.tier) : t('source');
  const title = [s.title, s.note].filter(Boolean).join(' — ');
  if (s.url && /^https?:\/\//.test(s.url)) {
    return el('a', { class: `badge ${assumption ? 'assumption' : 'source'}`, href: s.url, target: '_blank', rel: 'noopener noreferrer', title, text: label });
  }
  return el('span', { class: 'badge assumption', title, text: label });
}

/**
 * Where sources disagree on a field: a visible line naming the source that gives another
 * figure, with that figure in the field's unit, and the source the field follows.
 */
function conflictNote(path, field) {
  const other = (page.scenario?.sources ?? []).find((x) => x.field === path && typeof x.value === 'number');
  if (!other) return null;
  const followed = sourceFor(path);
  const unit = field.unit ? ` ${t(field.unit)}` : '';
  const value = `${shownNumber(other.value, field.scale ?? 1)}${unit}`;
  const source = followed ? (followed.title || t('assumption')) : t('assumption');
  const name = other.tier ? `${other.title} (${t(other.tier)})` : other.title;
  return el('small', { class: 'help conflict-note' }, el('span', { class: 'badge conflict', text: t('conflict') }), ' ',
    t('{other} gives {value}; this figure follows {source}.', { other: name, value, source }));
}

function edited(path, value) {
  page.typing = true;
  setAt(page.scenario, path, value);
  page.presetId = null;
  page.recompute();
}

function makeInput(path, field, error) {
  const id = `f-${path}`;
  const attrs = { 'data-path': path, 'aria-describedby': `e-${path}` };
  let input;
  if (field.kind === 'number') {
    const value = getAt(page.scenario, path);
    // Text that is not a number yet (the scenario holds NaN there) stays as it was typed.
    const typed = Number.isFinite(value) || value == null ? undefined : typedBefore.get(path);
    input = numberInput({ id, value, field, typed, attrs, onValue: (x) => edited(path, x) });
  } else if (field.kind === 'select') {
    input = el('select', { id, ...attrs });
    for (const [v, text] of field.options) input.append(el('option', { value: v, text: t(text) }));
    input.value = getAt(page.scenario, path) ?? field.options[0][0];
    input.addEventListener('change', () => edited(path, input.value));
  } else if (field.kind === 'checkbox') {
    input = el('input', { id, type: 'checkbox', ...attrs });
    input.checked = Boolean(getAt(page.scenario, path));
    input.addEventListener('change', () => edited(path, input.checked));
  } else {
    input = el('input', { id, type: 'text', inputmode: 'text', autocomplete: 'off', ...attrs });
    if (field.kind === 'date') input.setAttribute('placeholder', 'YYYY-MM-DD');
    input.value = shownNumber(getAt(page.scenario, path));
    input.addEventListener('input', () => {
      const text = input.value.trim();
      edited(path, text === '' && field.optional ? null : text);
    });
  }
  slots.set(path, { input, error, field });
  return input;
}

function errorSlot(path) {
  const error = problemSlot(path);
  if (!slots.has(path)) slots.set(path, { error });
  return error;
}

function fieldRow(field) {
  const label = el('label', { for: `f-${field.path}`, text: t(field.label) });
  const unit = field.unit ? el('span', { class: 'unit', text: t(field.unit) }) : null;
  const help = field.help ? el('small', { class: 'help', text: t(field.help) }) : null;
  const when = field.helpWhen && getAt(page.scenario, field.helpWhen.path) === field.helpWhen.equals
    ? el('small', { class: 'help assumption-note', text: t(field.helpWhen.text) }) : null;
  const error = problemSlot(field.path);
  return el('div', { class: 'field' }, label, el('div', { class: 'control' }, makeInput(field.path, field, error), unit, sourceBadge(field.path)), help, when, conflictNote(field.path, field), error);
}

/**
 * A table of list items (phases, tranches, curve points) with add and remove buttons, in a
 * scroll box named `label`; `onEmpty`, when given, lets the last row go and is called then.
 */
function tableOf(title, label, basePath, rows, columns, addRow, onEmpty = null) {
  const table = el('table', { class: 'edit' });
  const head = el('tr', {}, el('th', { scope: 'col', text: '#' }));
  for (const c of columns) head.append(el('th', { scope: 'col', text: c.unit ? `${t(c.label)} (${c.unit})` : t(c.label) }));
  head.append(el('th', { scope: 'col', text: t('Remove') }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const changed = () => {
    page.presetId = null;
    buildForm();
    page.recompute();
  };
  rows.forEach((_, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: String(i + 1) }));
    for (const c of columns) {
      const path = `${basePath}[${i}].${c.key}`;
      const error = problemSlot(path);
      const input = makeInput(path, c, error);
      input.setAttribute('aria-label', `${t(title)} ${i + 1}: ${t(c.label)}`);
      tr.append(el('td', {}, input, sourceBadge(path), error));
    }
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': t('Remove {what} {n}', { what: t(title), n: i + 1 }), text: '×' });
    remove.disabled = rows.length <= 1 && !onEmpty;
    remove.addEventListener('click', () => {
      rows.splice(i, 1);
      if (rows.length === 0) onEmpty();
      changed();
    });
    tr.append(el('td', {}, remove));
    body.append(tr);
  });
  table.append(body);
  const add = el('button', { type: 'button', class: 'add', 'data-add': basePath, text: t('Add {what}', { what: t(title) }) });
  add.addEventListener('click', () => {
    rows.push(addRow(rows));
    changed();
    inputAt(`${basePath}[${rows.length - 1}].${columns[0].key}`)?.focus();
  });
  return el('div', {}, scrollBox(t(label), {}, table), errorSlot(basePath), add);
}

/**
 * The volatility term structure: a table of {years, vol} points when the scenario has one,
 * else a button that starts one at the flat volatility.
 */
function curveEditor(equity) {
  const box = el('div', { class: 'curve' }, el('h3', { text: t('Volatility term structure') }),
    el('p', { class: 'help', text: t('Implied volatility to each horizon, read as total variance (vol² × years), which must not fall. It replaces the flat volatility above; remove every point to go back to it.') }));
  if (!equity.volatilityCurve?.length) {
    const start = el('button', { type: 'button', class: 'add', 'data-add': 'equity.volatilityCurve', text: t('Add a term structure') });
    start.addEventListener('click', () => {
      equity.volatilityCurve = [{ years: 1, vol: equity.volatility }];
      page.presetId = null;
      buildForm();
      page.recompute();
      inputAt('equity.volatilityCurve[0].years')?.focus();
    });
    box.append(start, errorSlot('equity.volatilityCurve'));
    return box;
  }
  box.append(tableOf('Point', 'Volatility term structure', 'equity.volatilityCurve', equity.volatilityCurve, CURVE_COLUMNS, (rows) => {
    const last = rows[rows.length - 1];
    return { years: (last?.years ?? 0) + 1, vol: last?.vol ?? equity.volatility };
  }, () => { delete equity.volatilityCurve; }));
  return box;
}

/** The number fields' text as the reader left it, while the form is built again. */
let typedBefore = new Map();

/** Builds the form for the page's scenario (after a load, a language change, a row added). */
export function buildForm() {
  const form = document.getElementById('inputs');
  const scenario = page.scenario;
  typedBefore = new Map([...slots].filter(([, s]) => s.input && s.field?.kind === 'number').map(([path, s]) => [path, s.input.value]));
  for (const old of form.querySelectorAll('fieldset')) old.remove();
  slots.clear();
  for (const group of GROUPS) {
    if (group.needs && !scenario[group.needs]) continue;
    const fs = el('fieldset', {}, el('legend', { text: t(group.title) }));
    if (group.phases) {
      fs.append(el('h3', { text: t('Phases') }));
      fs.append(el('p', { class: 'help', text: t('Each phase\'s gigawatts come online evenly from its start to the day it is fully online. Probability: the chance a non-binding phase happens at all.') }));
      fs.append(tableOf('Phase', 'Phases', 'capacity.phases', scenario.capacity.phases, PHASE_COLUMNS, (rows) => {
        const last = rows[rows.length - 1];
        return { label: `${t('Phase')} ${rows.length + 1}`, gw: 1, start: last?.end ?? scenario.valuationDate, end: last?.end ?? scenario.valuationDate, binding: false, probability: 1 };
      }));
    }
    for (const f of group.fields) if (!f.needs || getAt(scenario, f.needs) != null) fs.append(fieldRow(f));
    if (group.curve) fs.append(curveEditor(scenario.equity));
    if (group.tranches) {
      fs.append(el('h3', { text: t('Tranches') }));
      fs.append(el('p', { class: 'help', text: t('A tranche vests when the gigawatts online reach its trigger and the share price passes its test: touch (any moment), close (a daily close) or average (the mean of the last Days closes). Leave the target empty for no price condition.') }));
      fs.append(tableOf('Tranche', 'Tranches', 'warrant.tranches', scenario.warrant.tranches, TRANCHE_COLUMNS, (rows) => {
        const last = rows[rows.length - 1];
        return { shares: 0, gwTrigger: last?.gwTrigger ?? 1, priceTarget: last?.priceTarget ?? null, priceTest: { kind: last?.priceTest?.kind ?? 'touch', days: last?.priceTest?.days ?? 1 } };
      }));
    }
    form.append(fs);
  }
  form.append(legsEditor(scenario));
}

/** A tranche's condition in words, an event with its probability (the form has no column for it). */
function conditionWords(c) {
  const probability = c.kind === 'event' ? ` (${t('probability {p}', { p: `${shownNumber(c.probability, 0.01)} %` })})` : '';
  return `${conditionText(c)}${probability}`;
}

/**
 * The money legs: each investment's tranches, the guarantees and the loans, each a table whose
 * rows can be added and removed; a button starts a list of guarantees or loans.
 */
function legsEditor(scenario) {
  const changed = () => {
    page.presetId = null;
    buildForm();
    page.recompute();
  };
  const fs = el('fieldset', {}, el('legend', { text: t('Money legs') }),
    el('p', { class: 'help', text: t('Equity bought with cash (in tranches, some on a condition), guarantees and loans between the parties; the report shows each nominal, expected and at present value.') }));
  (scenario.investments ?? []).forEach((inv, i) => {
    fs.append(el('h3', { text: t('Investment by {who} in {whom}', { who: inv.investor, whom: inv.investee }) }));
    const conditions = (inv.tranches ?? []).map((x, j) => (x.condition ? `${j + 1}: ${conditionWords(x.condition)}` : null)).filter(Boolean);
    if (conditions.length) fs.append(el('p', { class: 'help', text: t('Conditions: {list}', { list: conditions.join('; ') }) }));
    inv.tranches ??= [];
    fs.append(tableOf('Tranche', 'Investment tranches', `investments[${i}].tranches`, inv.tranches, INVESTMENT_TRANCHE_COLUMNS,
      (rows) => ({ usd: 0, date: rows[rows.length - 1]?.date ?? scenario.valuationDate, condition: null, postMoneyValuationUsd: null }),
      () => { if (!inv.perGw) scenario.investments.splice(i, 1); }));
  });
  const lists = [
    ['guarantees', 'Guarantee', 'Guarantees', GUARANTEE_COLUMNS, () => ({ guarantor: scenario.buyer ?? '', beneficiary: scenario.vendor ?? '', maxUsd: 0, probability: 0.25, start: scenario.valuationDate, end: null, label: '' })],
    ['loans', 'Loan', 'Loans', LOAN_COLUMNS, () => ({ lender: scenario.buyer ?? '', borrower: scenario.vendor ?? '', usd: 0, rate: 0.05, start: scenario.valuationDate, years: 3 })],
  ];
  for (const [key, title, label, columns, blank] of lists) {
    fs.append(el('h3', { text: t(label) }));
    if (scenario[key]?.length) {
      fs.append(tableOf(title, label, key, scenario[key], columns, blank, () => { delete scenario[key]; }));
    } else {
      const start = el('button', { type: 'button', class: 'add', 'data-add': key, text: t('Add {what}', { what: t(title) }) });
      start.addEventListener('click', () => {
        scenario[key] = [blank()];
        changed();
        inputAt(`${key}[0].${columns[0].key}`)?.focus();
      });
      fs.append(start, errorSlot(key));
    }
  }
  return fs;
}

/** Each problem beside its field, in the page's language; the rest above the form. */
export function showProblems(problems) {
  placeProblems(problems, slots, document.getElementById('form-problems'));
}
