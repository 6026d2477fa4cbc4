// The view layer the page (app.js and its panels) and <deal-calculator> share: headline cards,
// problems placed beside their fields in the reader's language, number inputs that keep what was
// typed, the tranche table, and one evaluate call that gives a report or its problems. It
// renders what the core computed and computes no finance itself.
import { el, parseNumber } from './dom.js';
import { t, fmt, lang, problemText } from './i18n.js';
import { GROUPS } from './fields.js';

/** The label of a field path, for naming inputs to a reader; the path where none exists. */
const LABELS = new Map([
  ['warrant.tranches', 'Tranches'], ['capacity.phases', 'Phases'],
  ...GROUPS.flatMap((g) => g.fields.map((f) => [f.path, f.label])),
]);
/** The label of the field that holds `path` (a tranche's target: "Tranches"), else the path. */
export function fieldLabel(path) {
  let best = null;
  for (const key of LABELS.keys()) {
    const holds = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
    if (holds && (!best || key.length > best.length)) best = key;
  }
  return best ? t(LABELS.get(best)) : path;
}

/**
 * A visible marker for a figure that rests on inputs without a public source: the badge and
 * the inputs named (`paths` from the report's `assumptions`); null when there are none.
 */
export function assumptionNote(paths, what) {
  if (!paths?.length) return null;
  const names = [...new Set(paths.map(fieldLabel))].join(', ');
  return el('p', { class: 'assumption-note', part: 'note' },
    el('span', { class: 'badge assumption', text: t('assumption') }), ' ',
    t('{what} rest on assumed inputs: {names}', { what, names }));
}

/**
 * One headline card: label, value (the element with data-out, holding the value in a span that
 * hosts can style as ::part(value)), optional note; `attrs` go on the data-out element.
 */
export function card({ label, value, out, note, attrs = {} }) {
  return el('div', { class: 'card', part: 'card' },
    el('div', { class: 'card-label', part: 'label', text: label }),
    el('div', { class: 'card-value', 'data-out': out, ...attrs }, el('span', { part: 'value', text: value })),
    note ? el('div', { class: 'card-note', part: 'note', text: note }) : null);
}

/** A row of cards. */
export function cards(items) {
  return el('div', { class: 'cards', part: 'cards' }, ...items.map(card));
}

/**
 * Shows `items` as the cards of the row `container`, changing only what differs from the cards
 * already there (a card is kept while its data-out is the same): an edit then lays out a few
 * words again, not the page, and typing stays quick.
 */
export function renderCards(container, items) {
  const old = [...container.children];
  items.forEach((item, i) => {
    const node = old[i];
    if (node && !updateCard(node, item)) node.replaceWith(card(item));
    else if (!node) container.append(card(item));
  });
  for (const node of old.slice(items.length)) node.remove();
}

/**
 * Brings the card `node` up to `item` in place; false (nothing changed) when it shows another
 * figure (its data-out differs).
 */
export function updateCard(node, { label, value, out, note, attrs = {} }) {
  const figure = node.querySelector('[data-out]');
  if (figure?.dataset.out !== out) return false;
  setText(node.querySelector('.card-label'), label);
  setText(figure.firstChild, value);
  for (const { name } of [...figure.attributes]) {
    if (name !== 'class' && name !== 'data-out' && !(name in attrs)) figure.removeAttribute(name);
  }
  for (const [k, v] of Object.entries(attrs)) {
    if (figure.getAttribute(k) !== String(v)) figure.setAttribute(k, v);
  }
  const noteNode = node.querySelector('.card-note');
  if (note && noteNode) setText(noteNode, note);
  else if (note) node.append(el('div', { class: 'card-note', part: 'note', text: note }));
  else noteNode?.remove();
  return true;
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * The report of a scenario, or its problems: evaluate validates and throws with the same
 * problems validate would list, so one call serves both.
 */
export function evaluateScenario(dc, scenario) {
  try {
    return { report: dc.evaluate(scenario), problems: [] };
  } catch (e) {
    return { report: null, problems: e?.problems ?? [{ path: '', message: String(e?.message ?? e), code: '', params: {} }] };
  }
}

/** An investment tranche's condition in words (the details' table and the form's list). */
export function conditionText(c) {
  if (!c) return t('unconditional');
  return c.kind === 'gw' ? t('{gw} GW delivered', { gw: fmt.num(c.gw, 2) }) : c.label;
}

/**
 * The span beside a field where `placeProblems` writes its problems: `data-problem-for` names
 * the field path; `id` (e-<path> unless given) is what the field's `aria-describedby` names.
 */
export function problemSlot(path, id = `e-${path}`) {
  return el('span', { id, class: 'problem', 'data-problem-for': path });
}

/**
 * Shows each problem beside its field and the rest in `unplacedBox`. `slots` maps a field path
 * to {error, input?, field?}: the element that shows the text, the input to mark invalid, and
 * the field's {scale, unit} so that bounds read in the unit the reader types in.
 */
export function placeProblems(problems, slots, unplacedBox) {
  for (const { error, input } of slots.values()) {
    error.textContent = '';
    input?.removeAttribute('aria-invalid');
  }
  const unplaced = [];
  for (const p of problems) {
    const slot = slots.get(p.path);
    const text = problemText(p, slot?.field);
    if (slot) {
      slot.error.textContent = slot.error.textContent ? `${slot.error.textContent}; ${text}` : text;
      slot.input?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(p.path ? `${p.path}: ${text}` : text);
    }
  }
  if (unplacedBox) unplacedBox.textContent = unplaced.join('\n');
  return unplaced;
}

/** A stored number as the reader types it: divided by the field's scale, decimal comma in German. */
export function shownNumber(value, scale) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  const text = String(Number((scale ? value / scale : value).toPrecision(12)));
  return lang() === 'de' ? text.replace('.', ',') : text;
}

/** A number field's text typed in one language, written as the page's language writes it now
 *  ("203.71" in English is "203,71" in German); text that is not a number stays as typed. */
export function retypedNumber(text, typedInGerman) {
  const x = parseNumber(text, false, typedInGerman);
  return Number.isFinite(x) ? shownNumber(x) : text;
}

/**
 * A text input for a number (text, so that what was typed stays as typed, valid or not):
 * `onValue` receives the stored value (× scale; NaN when unreadable, null when optional and
 * blank) on every keystroke.
 */
export function numberInput({ id, value, field, typed, onValue, attrs = {} }) {
  const input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', ...attrs });
  input.value = typed ?? shownNumber(value, field.scale);
  input.addEventListener('input', () => onValue(readNumber(input.value, field), input.value));
  return input;
}

/** What the reader typed into a number field, as the stored value. */
export function readNumber(text, field) {
  const x = parseNumber(text, field.optional, lang() === 'de');
  return Number.isFinite(x) && field.scale ? x * field.scale : x;
}

/**
 * A box that scrolls sideways when its table is wider than the screen (its first column stays,
 * style.css): reachable by keyboard (tabindex 0) and named, so that every reader can scroll it.
 */
export function scrollBox(label, attrs, ...children) {
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label, ...attrs }, ...children);
}

/** A captioned table; a cell may be text or a DOM node (a button, say). */
export function dataTable(caption, header, rows, wide = false) {
  const table = el('table', { class: wide ? 'data wide' : 'data' }, el('caption', { text: caption }));
  table.append(el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col', text: h })))));
  const cell = (c) => (c instanceof Node ? el('td', {}, c) : el('td', { text: c }));
  table.append(el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map(cell)))));
  return table;
}

/**
 * The tranche table of a report. The compact form (the element) has the milestone, target,
 * vest date and ownership; the full form (the page) adds the required growth, the price date,
 * the value at target and the touch price, and `action(i)` may add a cell (a button).
 */
export function trancheTable(r, { full = false, action = null, caption = t('Tranches'), valuation = null } = {}) {
  const d = r.dilution;
  const v = r.vesting;
  const money = (x, digits = 0) => (x == null ? t('none') : fmt.money(x, digits));
  const header = full
    ? ['#', t('Shares'), t('GW trigger'), t('Milestone'), t('Target'), t('Required CAGR'), t('Price met'), t('Vests (base path)'), t('Simulated probability'), t('Ownership after'), t('Value at target'), t('Touch value per share'), ...(action ? [t('Closed form')] : [])]
    : ['#', t('Shares'), t('GW trigger'), t('Milestone'), t('Target'), t('Vests'), t('Ownership after')];
  const rows = d.tranches.map((tr, i) => {
    const tv = v.tranches[i];
    if (!full) {
      return [String(i + 1), fmt.num(tr.shares, 0), fmt.num(tv.gwTrigger), fmt.date(tv.milestoneDate), money(tv.priceTarget), fmt.date(tv.vestDate), fmt.pct(tr.ownershipAfter)];
    }
    return [String(i + 1), fmt.num(tr.shares, 0), fmt.num(tv.gwTrigger), fmt.date(tv.milestoneDate), money(tv.priceTarget),
      tv.requiredCagr == null ? '–' : fmt.pct(tv.requiredCagr, 1), fmt.date(tv.priceDate), fmt.date(tv.vestDate),
      valuation ? fmt.pct(valuation.tranches[i].probability, 1) : t('computing…'), fmt.pct(tr.ownershipAfter),
      tr.valueAtTargetUsd == null ? '–' : fmt.usd(tr.valueAtTargetUsd), tv.touch == null ? '–' : fmt.money(tv.touch.perShareUsd, 2),
      ...(action ? [tv.priceTarget == null ? '–' : action(i)] : [])];
  });
  const table = dataTable(caption, header, rows, true);
  const note = assumptionNote(r.assumptions?.tranches, t('These rows'));
  return scrollBox(caption, { class: 'table-wrap wide' }, table, note);
}
