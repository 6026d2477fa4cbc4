// <deal-calculator>: the calculator as a custom element for other sites' pages.
//
//   <script type="module" src="https://calculator.example/deal-calculator.js"></script>
//   <deal-calculator preset="amd-openai-2025" view="card" lang="de" theme="dark"></deal-calculator>
//
// Attributes (and the matching properties):
//   preset    a catalogue deal's id (default amd-openai-2025)
//   as-of     a date YYYY-MM-DD: the deal (and the portfolio's deals) as they stood then;
//             default: as they stand
//   scenario  a scenario as JSON text or a share-link hash "#s=1.…"; wins over `preset`.
//             The `scenario` property also takes a plain object and returns a copy.
//   view      "full" (headline, key inputs, charts, tranche table; the default), "card"
//             (the headline numbers only, for an article) or "portfolio" (several deals added up)
//   presets   for view="portfolio": deal ids, comma-separated (default: OpenAI's deals in force)
//   lang      "en" or "de" (default: the nearest lang attribute, then English)
//   theme     "light" (default), "dark" or "auto" (follows prefers-color-scheme)
// Read-only properties: `report` (the last Report), `problems` (the last validation problems).
// Event `dealcalc-change` (bubbles, composed) after every successful evaluation, with
// detail {scenario, results, report}: results are the headline numbers.
// Theming: CSS custom properties --dealcalc-bg, -fg, -muted, -accent, -border, -font, -radius
// and the parts container, header, title, cards, card, label, value, note, inputs, field,
// input, error, details, problems, link.
//
// Security: no inline script or style, no eval, text goes into the DOM as text; the element
// fetches only its own files (scripts, element.css, the .wasm, the deal catalogue) from the
// origin it is served from. Several elements on a page share one Wasm instance. The headline,
// card and full views load the core build (pkg/core_bg.wasm: validate and evaluate, no
// simulation code); the portfolio view, or loadEngine(), loads the full build.

import initCore, * as core from './pkg/core.js';
import { el } from './dom.js';
import { t, loadLanguage, withLang, problemText } from './i18n.js';
import { portfolioResults } from './portfolio.js';
import { decodeShare, encodeShare, parseEnvelope, HASH_PREFIX } from './share.js';
import { capacityChart, ownershipChart } from './charts.js';
import { headlineItems } from './headline.js';
import { getAt, setAt } from './fieldpath.js';
import { KEY_FIELDS } from './fields.js';
import { cards, evaluateScenario, numberInput, placeProblems, renderCards, trancheTable } from './ui.js';
import { DEFAULT_DEAL, deal, dealsAsOf, loadDeal, loadDeals } from './deals.js';

const BASE = new URL('./', import.meta.url);
const VIEWS = ['full', 'card', 'portfolio'];
const THEMES = ['light', 'dark', 'auto'];

let coreEngine = null;
let fullEngine = null;
/** The full build's module once loadEngine() has loaded it. */
let fullBuild = null;
/**
 * The core build (validate, evaluate), loaded once for every element on the page: with the
 * element's own deal (deals.js loadDeal), all that the headline, card and full views need.
 */
function loadCore() {
  coreEngine ??= initCore({ module_or_path: new URL('pkg/core_bg.wasm', BASE) }).then(() => core);
  return coreEngine;
}

/**
 * The full build (every export: the portfolio view's `portfolio`, the simulations) and the
 * deal catalogue, loaded once for every element on the page, and only when a portfolio view
 * (or the embedding page) asks for it.
 */
export function loadEngine() {
  // Imported here, not above: the other views load no line of the full build, not even its JS.
  fullEngine ??= import('./pkg/dealcalc.js').then((full) => Promise.all([full.default({ module_or_path: new URL('pkg/dealcalc_bg.wasm', BASE) }), loadDeals()])
    .then(() => { fullBuild = full; return full; }));
  return fullEngine;
}

/** The headline numbers carried by the change event. */
function headline(scenario, r) {
  const d = r.dilution;
  return {
    name: scenario.name,
    totalGw: r.capacity.totalGw,
    capexUsd: r.capacity.capexUsd,
    vendorRevenueUsd: r.capacity.vendorRevenueUsd,
    maxOwnership: d ? d.maxOwnership : null,
    valueTransferUsd: d ? d.valueTransferUsd : null,
    effectiveDiscount: d ? d.effectiveDiscount : null,
  };
}

export class DealCalculator extends HTMLElement {
  static observedAttributes = ['preset', 'scenario', 'view', 'lang', 'theme', 'presets', 'as-of'];

  #root;
  #scenario = null;
  #report = null;
  #problems = [];
  #loadError = null;
  #generation = 0;
  #connected = false;
  #inputs = new Map(); // path text -> {input, error, field}
  #typed = new Map(); // path text -> the text as typed (kept across redraws)
  #linkVersion = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const sheet = el('link', { rel: 'stylesheet', href: new URL('element.css', BASE).href });
    const charts = el('link', { rel: 'stylesheet', href: new URL('charts.css', BASE).href });
    this.#root.append(sheet, charts, el('div', { class: 'dc', part: 'container' }, el('p', { class: 'loading', text: '…' })));
  }

  connectedCallback() {
    this.#connected = true;
    this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#connected || before === after) return;
    if (name === 'preset' || name === 'scenario' || name === 'as-of' || (name === 'view' && after === 'portfolio')) this.#load();
    else if (name === 'lang') loadLanguage(this.#lang).then(() => this.#connected && this.#render(true));
    else this.#render(true);
  }

  /** The deal's id; without the attribute, the catalogue's default. */
  get preset() {
    return this.getAttribute('preset') ?? DEFAULT_DEAL;
  }
  set preset(id) {
    this.setAttribute('preset', String(id));
  }
  get view() {
    const v = this.getAttribute('view');
    return VIEWS.includes(v) ? v : 'full';
  }
  set view(v) {
    this.setAttribute('view', String(v));
  }
  get theme() {
    const v = this.getAttribute('theme');
    return THEMES.includes(v) ? v : 'light';
  }
  set theme(v) {
    this.setAttribute('theme', String(v));
  }
  /** A copy of the scenario shown (null before the first load). */
  get scenario() {
    return this.#scenario == null ? null : structuredClone(this.#scenario);
  }
  /** A scenario object, JSON text or share-link hash. */
  set scenario(value) {
    if (value != null && typeof value === 'object') {
      this.#load(structuredClone(value));
    } else if (value == null) {
      this.removeAttribute('scenario');
    } else {
      this.setAttribute('scenario', String(value));
    }
  }
  get report() {
    return this.#report;
  }
  get problems() {
    return this.#problems.slice();
  }

  /** The language: own lang attribute, else the nearest one, else English. */
  get #lang() {
    const code = (this.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    return code.startsWith('de') ? 'de' : 'en';
  }

  async #load(object = null) {
    const generation = ++this.#generation;
    let scenario = object;
    this.#loadError = null;
    try {
      // A portfolio adds up the catalogue's deals in the full build; the other views need the
      // core and their deal (an unknown id falls back on the catalogue, which names the known).
      const all = this.view === 'portfolio';
      await Promise.all([all ? loadEngine() : loadCore(), all ? loadDeals() : loadDeal(this.preset).catch(() => loadDeals()), loadLanguage(this.#lang)]);
      if (!scenario) {
        const text = this.getAttribute('scenario');
        if (text) {
          const trimmed = text.trim();
          scenario = (trimmed.startsWith(HASH_PREFIX) ? await decodeShare(trimmed) : parseEnvelope(trimmed)).scenario;
        } else {
          const asOf = this.getAttribute('as-of');
          scenario = deal(this.preset, asOf ? { asOf } : {});
        }
      }
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#scenario = null;
      this.#report = null;
      this.#loadError = e;
      this.#render(true);
      return;
    }
    if (generation !== this.#generation) return;
    this.#scenario = scenario;
    this.#typed.clear();
    this.#evaluate();
    this.#render(true);
    if (this.#report) this.#emit();
  }

  /** Validates and evaluates the scenario; keeps every problem. */
  #evaluate() {
    ({ report: this.#report, problems: this.#problems } = evaluateScenario(core, this.#scenario));
  }

  #emit() {
    const detail = { scenario: this.scenario, results: headline(this.#scenario, this.#report), report: this.#report };
    this.dispatchEvent(new CustomEvent('dealcalc-change', { detail, bubbles: true, composed: true }));
  }

  /** Redraws; `inputs` also rebuilds the input fields (never while the user types in them). */
  #render(inputs) {
    withLang(this.#lang, () => {
      const box = this.#root.querySelector('.dc');
      box.className = `dc view-${this.view} theme-${this.theme}`;
      box.lang = this.#lang;
      if (this.#loadError != null) {
        // A catalogue problem (an unknown deal, a date before its first version) in the
        // element's language; anything else as its message.
        const e = this.#loadError;
        const why = e?.problems?.length ? e.problems.map((p) => problemText(p)).join('; ') : String(e?.message ?? e);
        box.replaceChildren(el('p', { class: 'problems', part: 'problems', role: 'alert', text: `${t('The calculator could not load this deal:')} ${why}` }));
        return;
      }
      if (this.view === 'portfolio') {
        box.replaceChildren(...this.#portfolio());
        return;
      }
      if (!this.#scenario) return;
      if (inputs || !box.querySelector('.results')) {
        box.replaceChildren(...[
          el('header', { part: 'header' }, el('h2', { class: 'title', part: 'title', text: this.#scenario.name })),
          el('div', { class: 'results' }),
          this.view === 'full' ? this.#form() : null,
          el('p', { class: 'problems', part: 'problems', role: 'alert' }),
          el('div', { class: 'details', part: 'details' }),
          this.#footer(),
        ].filter(Boolean));
      }
      this.#showProblems();
      this.#showResults();
      this.#linkToCalculator();
    });
  }

  /** The portfolio view: the deals of the `presets` attribute (default: OpenAI's) added up. */
  #portfolio() {
    if (!fullBuild) return [el('p', { class: 'loading', text: '…' })];
    const ids = (this.getAttribute('presets') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    try {
      const asOf = this.getAttribute('as-of');
      const pick = (id) => deal(id, asOf ? { asOf } : {});
      const list = ids.length ? ids.map(pick) : dealsAsOf(asOf ?? '9999-12-31').filter((s) => s.buyer === 'OpenAI');
      const p = fullBuild.portfolio(list);
      return [el('header', { part: 'header' }, el('h2', { class: 'title', part: 'title', text: t('Portfolio: the web of deals') })),
        el('div', { class: 'details', part: 'details' }, ...portfolioResults(p)), this.#footer()];
    } catch (e) {
      const text = (e?.problems ?? []).map((x) => problemText(x)).join('; ') || String(e?.message ?? e);
      return [el('p', { class: 'problems', part: 'problems', role: 'alert', text: `${t('The calculator could not load this deal:')} ${text}` })];
    }
  }

  #form() {
    this.#inputs.clear();
    // Only the fields whose section the deal has (no equity without a warrant).
    const fields = KEY_FIELDS.filter((f) => getAt(this.#scenario, f.path.split('.')[0]) != null);
    const form = el('form', { class: 'inputs', part: 'inputs', novalidate: '' });
    form.addEventListener('submit', (e) => e.preventDefault());
    for (const f of fields) {
      const key = f.path;
      const id = `dc-${key.replace('.', '-')}`;
      const input = numberInput({
        id,
        value: getAt(this.#scenario, f.path),
        field: f,
        typed: this.#typed.get(key),
        attrs: { part: 'input', 'aria-describedby': `${id}-error` },
        onValue: (x, text) => {
          this.#typed.set(key, text);
          setAt(this.#scenario, f.path, x);
          this.#evaluate();
          this.#render(false);
          if (this.#report) this.#emit();
        },
      });
      const error = el('span', { id: `${id}-error`, class: 'error', part: 'error', role: 'alert' });
      this.#inputs.set(key, { input, error, field: f });
      form.append(el('div', { class: 'field', part: 'field' },
        el('label', { for: id, text: `${t(f.label)} (${t(f.unit)})` }), input, error));
    }
    return form;
  }

  #footer() {
    const link = el('a', { part: 'link', href: new URL('index.html', BASE).href, target: '_blank', rel: 'noopener', text: t('Open in the full calculator') });
    return el('footer', {}, link, ' · ', el('span', { class: 'fineprint', text: t('dealcalc · not investment advice') }));
  }

  /** Points the footer's link at the scenario as it is now (edits included). */
  #linkToCalculator() {
    const link = this.#root.querySelector('[part="link"]');
    if (!link) return;
    const version = ++this.#linkVersion;
    encodeShare(this.#scenario, { lang: this.#lang }).then((hash) => {
      if (version === this.#linkVersion) link.href = new URL(`index.html${hash}`, BASE).href;
    }, () => {});
  }

  #showProblems() {
    placeProblems(this.#problems, this.#inputs, this.#root.querySelector('.problems'));
  }

  #showResults() {
    const results = this.#root.querySelector('.results');
    const details = this.#root.querySelector('.details');
    const r = this.#report;
    if (!r) {
      results.replaceChildren(el('p', { class: 'note', text: t('Correct the marked fields to see the numbers.') }));
      details.replaceChildren();
      return;
    }
    const c = r.capacity;
    const d = r.dilution;
    const row = results.querySelector(':scope > .cards');
    if (row) renderCards(row, headlineItems(r));
    else results.replaceChildren(cards(headlineItems(r)));
    if (this.view !== 'full') {
      details.replaceChildren();
      return;
    }
    const parts = [capacityChart(c)];
    if (d && r.vesting) {
      parts.push(trancheTable(r));
      parts.push(ownershipChart(d));
    }
    details.replaceChildren(...parts.filter(Boolean));
  }
}

if (!customElements.get('deal-calculator')) customElements.define('deal-calculator', DealCalculator);
