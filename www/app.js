// dealcalc page: start-up and wiring. A scenario comes from the deal catalogue (deals.js: a
// deal's latest version or an older one from its history), a share link or a file; each input edits one field path of it (form.js); on every edit the page evaluates it
// in the core, shows each problem beside its field, and draws the report (results.js) and the
// panels below it. The text a reader typed is never rewritten.
//
// Modules: builds.js (the Wasm builds and the panels' code, loaded in turn), state.js (the
// shared state), fields.js (the field catalogue), form.js, results.js, io.js (links, files,
// CSV), ui.js (the view layer shared with <deal-calculator>), settings.js (the panels'
// settings over a language change), and the panels (valuation.js, loaded with the simulation
// build; panels.js, with the full build after it: views.js for the comparison and the tornado,
// books.js, solve.js, portfolio-panel.js, pricing.js, methodology.js).

import { core, coreReady, fetchSimulation, loadFull, loadPanels, loadSimulation } from './builds.js';
import { el } from './dom.js';
import { t, fmt, lang, loadLanguage, local, setLang, statusName, LANGUAGES } from './i18n.js';
import { followDeepLink, followSections } from './sections.js';
import { HASH_PREFIX } from './share.js';
import { evaluateScenario, retypedNumber } from './ui.js';
import { buildForm, showProblems } from './form.js';
import { announce, renderReport, showFairValue, usePricingPanel } from './results.js';
import { copyFrom, exportCsv, exportJson, importJson, loadFromHash, setMessage, shareLink, showEmbedCode } from './io.js';
import { page } from './state.js';
import { DEFAULT_DEAL, deal, deals, loadDeal, loadDeals } from './deals.js';
import { dealHistory } from './history.js';
import { readSettings, restoreSettings } from './settings.js';

// For the page tests (tests/page/harness.mjs): the pool of this page, whose runs a test holds.
export { holdRuns } from './blocks.js';

let comparison = null;
let valuation = null;
let tornado = null;
let books = null;
let portfolio = null;

/**
 * Evaluates the scenario and draws its report. `live`: the deal may have changed, so its live
 * valuation starts again; a language change redraws the same deal (`live: false`) and keeps
 * the valuation shown and any run in flight.
 */
function recompute({ live = true } = {}) {
  const status = document.getElementById('status');
  const { report, problems } = evaluateScenario(core, page.scenario);
  showProblems(problems);
  document.getElementById('results').classList.toggle('stale', problems.length > 0);
  if (problems.length > 0) {
    status.textContent = problems.length > 1
      ? t('{n} inputs need attention; results show the last valid scenario.', { n: problems.length })
      : t('1 input needs attention; results show the last valid scenario.');
    return;
  }
  try {
    page.report = report;
    if (live) {
      page.valuation = null;
      page.fairValueFinal = false;
    }
    page.accounting = null;
    renderReport(report);
    announce(report);
    status.textContent = '';
    if (!performance.getEntriesByName('dealcalc:first-numbers').length) {
      // The benchmark's "first numbers": the frame that paints the first report.
      requestAnimationFrame(() => performance.mark('dealcalc:first-numbers'));
    }
    // The fair value of the deal as it now stands: provisional, then final, in the workers.
    if (live) {
      books?.stop();
      valuation?.live(page.scenario);
    }
    renderSecondary();
  } catch (e) {
    status.textContent = t('Could not evaluate: {m}', { m: e.message });
  }
}

let secondary = null;
let secondaryRound = 0;
/** How long the panels below wait for a pause in typing. */
const SECONDARY_PAUSE_MS = 250;

/**
 * The panels below the results (comparison, valuation timeline, books, portfolio, tornado,
 * methodology), each in a task of its own after the headline is painted, so that no task
 * keeps the reader waiting; an edit while they are drawn starts the round again. Resolves when
 * a round has drawn them all.
 */
function renderSecondary() {
  const round = ++secondaryRound;
  const steps = [
    () => comparison?.render(),
    () => valuation?.render(page.report),
    () => books?.render(page.report),
    () => portfolio?.refresh(),
    () => tornado?.render(page.report),
    () => panels?.renderMethodology(document.getElementById('methodology'), page.scenario),
  ];
  // While the reader types, the round waits for a pause (the headline is already drawn).
  const pause = page.typing ? SECONDARY_PAUSE_MS : 0;
  secondary = new Promise((resolve) => {
    const next = (i, delay = 0) => setTimeout(() => {
      if (round !== secondaryRound) return resolve(secondary);
      if (i === steps.length) return resolve();
      if (page.report) steps[i]();
      next(i + 1);
    }, delay);
    // On load they follow the painted report and the live valuation's start (queued first).
    if (pause) next(0, pause);
    else requestAnimationFrame(() => next(0));
  });
  return secondary;
}

/**
 * Shows a scenario: `id` is the catalogue deal it is (null for a link, a file or an edit), and
 * `asOf` the date of its version when an older one was chosen from the history.
 */
function loadScenario(s, id = null, asOf = null) {
  page.typing = false;
  page.scenario = s;
  page.presetId = id;
  page.presetAsOf = asOf;
  const picker = document.getElementById('preset');
  picker.value = id ?? '';
  showPresetSummary();
  buildForm();
  recompute();
}

/**
 * The lines under the deal picker: the deal's summary (or the scenario's name), its status,
 * and the deal's history, whose entries load that version.
 */
function showPresetSummary() {
  const id = page.presetId;
  const info = id ? deals().find((d) => d.id === id) : null;
  const status = page.scenario.status ? ` (${t(statusName(page.scenario.status))}${page.scenario.asOf ? `, ${fmt.date(page.scenario.asOf)}` : ''})` : '';
  document.getElementById('preset-summary').textContent = (info ? local(info.summary) : page.scenario.name ?? '') + status;
  const history = document.getElementById('deal-history');
  if (!info) {
    history.replaceChildren();
    history.hidden = true;
    return;
  }
  history.hidden = false;
  history.replaceChildren(...dealHistory(id, page.scenario.asOf ?? null, (asOf, latest) => {
    setMessage('');
    loadScenario(deal(id, { asOf }), id, latest ? null : asOf);
  }));
}

page.recompute = recompute;
page.loadScenario = loadScenario;

/** The portfolio view, with the selection of a share link if one gave it. */
function mountPortfolioPanel() {
  const state = { ...page.portfolioView, ids: page.portfolioSelection };
  portfolio = panels.mountPortfolio(full, document.getElementById('portfolio'), state, () => page.scenario, (p, view) => {
    page.portfolio = p;
    page.portfolioSelection = view.ids;
    page.portfolioView = view;
  });
}

/** The books panel, with the options of a share link if one gave them. */
function mountBooksPanel() {
  books = panels.mountBooks(document.getElementById('books'), () => page.scenario, page.booksOptions ?? {}, (a, options) => {
    page.accounting = a;
    page.booksOptions = options;
  });
  if (page.report) books.render(page.report);
}

function translateStatic() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  document.title = t('dealcalc: compute-for-equity deal calculator');
}

/** Mounts the panels below the report (each panel's texts in the page's language). */
function mountPanels() {
  usePricingPanel(panels.mountPricingPanel(full, document.getElementById('pricing')));
  comparison = panels.mountComparison(full, document.getElementById('compare'), () => page.scenario);
  // The sensitivity section: the tornado, then the goal seek.
  const tornadoBox = el('div');
  const solveBox = el('div', { id: 'solve' });
  document.getElementById('sensitivity').replaceChildren(tornadoBox, solveBox);
  tornado = panels.mountTornado(full, tornadoBox, () => page.scenario);
  panels.mountSolve(solveBox, () => page.scenario);
  mountBooksPanel();
  // The portfolio reads ten deals and draws its diagram: after the first report is painted.
  setTimeout(mountPortfolioPanel, 0);
}

/** The deal picker's options, in the page's language: the catalogue's deals by buyer; the
 *  page's deal selected (none for the reader's own scenario). */
function fillPresetPicker() {
  const picker = document.getElementById('preset');
  picker.replaceChildren(el('option', { value: '', text: t('(your scenario)') }));
  const buyers = new Map();
  for (const d of deals()) buyers.set(d.buyer, [...(buyers.get(d.buyer) ?? []), d]);
  for (const [buyer, list] of [...buyers].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    picker.append(el('optgroup', { label: t('{buyer} as buyer', { buyer }) },
      ...list.map((d) => el('option', { value: d.id, text: local(d.name) }))));
  }
  picker.value = page.presetId ?? '';
}

/**
 * The first drawing of the page: the report, once the core build is ready, then, after the
 * frame that paints it, the form and the deal's lines (on a phone they are below the report;
 * laid out with it, they delayed the first numbers by about a fifth on the phone profile of
 * tests/bench/phone.mjs), while the simulation build starts loading. Resolves when both are drawn.
 */
async function renderFirst() {
  translateStatic();
  fillPresetPicker();
  page.typing = false;
  await coreReady;
  fetchSimulation();
  recompute();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  // The first numbers are painted: the simulation build and the valuation's code start loading.
  loadSimulation();
  showPresetSummary();
  buildForm();
  showProblems(evaluateScenario(core, page.scenario).problems);
}

/**
 * The panels below the report, once the simulation build is ready: the valuation first, and
 * the deal as it now stands (the reader may have edited it meanwhile) evaluated again to start
 * its live valuation; then the catalogue (every deal and version: the picker, the comparison,
 * the portfolio), the full build and the other panels' code, which load while the valuation
 * runs, and the other panels. Resolves when all are mounted.
 */
async function renderPanels() {
  // The books follow each final fair value of the deal as it stands (provisional, then refined).
  valuation = valuationPanel.mountValuation(document.getElementById('valuation'), () => page.scenario, (v, state, price) => {
    showFairValue(v, state, price);
    // The benchmark's first fair value shown (tests/bench/phone.mjs): provisional after load.
    if (!performance.getEntriesByName('dealcalc:fair-value-first').length) performance.mark('dealcalc:fair-value-first');
    if (state !== 'final') return;
    page.fairValueFinal = true;
    performance.mark('dealcalc:fair-value-final'); // the benchmark's start of the live books
    books?.live();
  });
  recompute();
  [panels, full] = await Promise.all([loadPanels(), loadFull(), loadDeals()]);
  // The picker and the deal's lines again, now with the whole catalogue.
  fillPresetPicker();
  showPresetSummary();
  mountPanels();
  // A fair value final before the books were mounted: they follow it.
  if (page.fairValueFinal) books.live();
  renderSecondary();
}

/**
 * The page's texts and panels in its language (set before; `fromGerman`: the language its
 * number fields were typed in): the static texts, the panels mounted again, the valuation
 * panel rewritten in place, the preset picker.
 */
function relabel(fromGerman) {
  translateStatic();
  // Before their code is loaded the panels are not mounted yet (they mount in the language then
  // set).
  if (panels) mountPanels();
  valuation?.retranslate((text) => retypedNumber(text, fromGerman));
  fillPresetPicker();
}

/**
 * The page in another language: the same deal, the reader's settings in the panels, and the
 * valuation panel rewritten in place (its fields, its figures and a run in flight stay).
 */
async function changeLanguage(code) {
  await loadLanguage(code);
  const saved = readSettings();
  setLang(code);
  relabel(saved.german);
  showPresetSummary();
  buildForm();
  recompute({ live: false });
  restoreSettings(saved);
  // The books panel was mounted again, empty: when the fair value is final it follows it again
  // (a live run of the former panel, in flight or done, is not the new panel's).
  if (page.fairValueFinal) books?.live();
  // Some controls are filled from the report (the tornado's outputs): again once drawn.
  secondary?.then(() => restoreSettings(saved));
}

/** The valuation panel's module (valuation.js), once loadSimulation() has loaded it, and the
 *  full build's exports and the other panels' functions (panels.js), once loadFull() and
 *  loadPanels() have (none of which the first numbers need). */
let full = null;
let valuationPanel = null;
let panels = null;

// The first numbers need one deal (pkg/deals/<id>.json), which loads beside the core build;
// the catalogue (every deal and version) loads after them, with the full build. A host
// without the per-deal files falls back on the catalogue.
const firstDealReady = loadDeal(DEFAULT_DEAL).catch(() => loadDeals());

async function main() {
  await Promise.all([firstDealReady, loadLanguage(lang())]);
  document.documentElement.lang = lang();
  page.presetId = DEFAULT_DEAL;
  page.scenario = deal(DEFAULT_DEAL);
  const formDrawn = renderFirst();
  await coreReady;
  document.getElementById('version').textContent = `dealcalc ${core.version()}`;
  const langPicker = document.getElementById('lang');
  for (const [code, { name }] of Object.entries(LANGUAGES)) langPicker.append(el('option', { value: code, text: name }));
  langPicker.value = lang();
  langPicker.addEventListener('change', () => changeLanguage(langPicker.value));
  document.getElementById('preset').addEventListener('change', (e) => {
    if (e.target.value) {
      setMessage('');
      loadScenario(deal(e.target.value), e.target.value);
    }
  });
  document.getElementById('share').addEventListener('click', () => shareLink());
  document.getElementById('embed').addEventListener('click', () => showEmbedCode());
  for (const b of document.querySelectorAll('button[data-copy]')) b.addEventListener('click', () => copyFrom(b.dataset.copy));
  document.getElementById('export-json').addEventListener('click', exportJson);
  document.getElementById('export-csv').addEventListener('click', exportCsv);
  document.getElementById('print').addEventListener('click', () => window.print());
  document.getElementById('import-json').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) importJson(core, file);
    e.target.value = '';
  });
  const fromLink = async () => {
    // A link in another language: the panels in it too (the link's deal is loaded next).
    const german = lang() === 'de';
    const loaded = await loadFromHash(core, () => {
      langPicker.value = lang();
      relabel(german);
    });
    if (loaded && page.booksOptions) mountBooksPanel();
    if (loaded && (page.portfolioSelection || page.portfolioView)) mountPortfolioPanel();
    // The link's runs: its valuation options (else the live defaults), then the books, in
    // turn (the pool runs one simulation at a time), so the figures are the sharer's.
    const runs = loaded ? page.linkRuns : null;
    page.linkRuns = null;
    if (runs && (runs.valuation || runs.books)) {
      valuation.runNow(page.scenario, runs.valuation).then((how) => {
        if (how === 'done' && runs.books) books.run();
      });
    }
    return loaded;
  };
  await formDrawn;
  ({ valuationPanel } = await loadSimulation());
  await renderPanels();
  followSections();
  // A link opened later (its panels' options and runs need the panels mounted).
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith(HASH_PREFIX)) fromLink();
  });
  await fromLink();
  await renderSecondary();
  followDeepLink();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.getElementById('status').textContent = `${t('The calculator could not start:')} ${e.message}`;
});
