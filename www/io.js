// Moving scenarios in and out of the page: share links (the whole scenario in the address),
// embed snippets, JSON files and the CSV of the results. Whatever comes from outside is
// validated by the core before it replaces the scenario; a broken one changes nothing and says why.
import { t, lang, loadLanguage, setLang, LANGUAGES, problemText } from './i18n.js';
import { encodeShare, decodeShare, parseEnvelope, download, csv, reportRows } from './share.js';
import { page } from './state.js';
import { OPTION_NUMBERS, OPTION_SWITCHES } from './valuation-options.js';

export function setMessage(text) {
  const m = document.getElementById('load-message');
  m.textContent = text;
  m.hidden = !text;
}

/** Loads a scenario from outside (link or file) after validating it; returns whether it did. */
export function loadForeign(dc, candidate, where) {
  let problems;
  try {
    problems = dc.validate(candidate);
  } catch (e) {
    problems = e.problems ?? [{ path: '', message: e.message }];
  }
  if (problems.length > 0) {
    const list = problems.slice(0, 5).map((p) => (p.path ? `${p.path}: ${problemText(p)}` : problemText(p))).join('; ');
    setMessage(t('The {where} holds an invalid scenario ({list}); nothing was loaded from it.', { where: t(where), list }));
    return false;
  }
  page.loadScenario(candidate);
  return true;
}

/** The valuation options of a link's view: the panel's numbers and switches, each of its
 *  type; null for none. */
function linkValuation(v) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const out = {};
  for (const k of OPTION_NUMBERS) if (typeof v[k] === 'number') out[k] = v[k];
  for (const k of OPTION_SWITCHES) if (typeof v[k] === 'boolean') out[k] = v[k];
  return Object.keys(out).length ? out : null;
}

/**
 * The link of the page as it stands: the scenario, the language, the preset, the portfolio's
 * selection, the options of the reader's own valuation run whose figures are shown
 * (`valuation`; none for the live defaults) and the books' options, with `run` when their
 * figures are shown. The recipient's page runs the same simulations, so it shows the same
 * figures, bit for bit (same seed, same result).
 */
export async function shareLink() {
  const books = page.accounting ? { ...page.booksOptions, run: true } : page.booksOptions ?? undefined;
  const hash = await encodeShare(page.scenario, { lang: lang(), preset: page.presetId, valuation: page.valuationOptions ?? undefined, books, portfolio: page.portfolioSelection ?? undefined, portfolioDates: portfolioDates() });
  const url = `${location.origin}${location.pathname}${hash}`;
  history.replaceState(null, '', hash);
  const box = document.getElementById('share-url');
  box.value = url;
  box.hidden = false;
  box.select();
  try {
    await navigator.clipboard.writeText(url);
    setMessage(t('Link copied. It holds the whole scenario; anyone who opens it sees these numbers.'));
  } catch {
    setMessage(t('Copy the link below. It holds the whole scenario; anyone who opens it sees these numbers.'));
  }
}

/** The portfolio's dates for a link, when the reader set one. */
function portfolioDates() {
  const v = page.portfolioView;
  return v && (v.asOf || v.compare) ? { asOf: v.asOf, compare: v.compare } : undefined;
}

/** Text safe inside a double-quoted HTML attribute of a snippet. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Shows the iframe and element snippets that embed the scenario as it is now. */
export async function showEmbedCode() {
  const hash = await encodeShare(page.scenario, {});
  const base = new URL('./', location.href).href;
  const query = new URLSearchParams({ view: 'full', lang: lang() });
  document.getElementById('embed-iframe').value =
    `<iframe data-dealcalc src="${attr(`${base}embed.html?${query}${hash}`)}" title="${attr(`dealcalc: ${page.scenario.name}`)}" width="100%" height="700" loading="lazy"></iframe>\n` +
    `<script type="module" src="${attr(`${base}embed-resize.js`)}"></script>`;
  document.getElementById('embed-element').value =
    `<script type="module" src="${attr(`${base}deal-calculator.js`)}"></script>\n` +
    `<deal-calculator view="card" lang="${lang()}" scenario="${attr(hash)}"></deal-calculator>`;
  document.getElementById('embed-box').hidden = false;
}

export async function copyFrom(id) {
  const box = document.getElementById(id);
  box.select();
  try {
    await navigator.clipboard.writeText(box.value);
    setMessage(t('Copied.'));
  } catch {
    setMessage(t('Select the code and copy it.'));
  }
}

/**
 * Loads the scenario of a share link in the address, if any; `onLang` runs when the link
 * switches the language. Resolves to whether a scenario was loaded.
 */
export async function loadFromHash(dc, onLang) {
  const hash = location.hash;
  if (!hash || hash === '#') return false;
  if (!hash.startsWith('#s=')) return false;
  try {
    const { scenario: s, view } = await decodeShare(hash);
    if (Array.isArray(view.portfolio)) page.portfolioSelection = view.portfolio.filter((id) => typeof id === 'string').slice(0, 100);
    const dates = view.portfolioDates;
    if (dates && typeof dates === 'object') {
      const iso = (d) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : '');
      page.portfolioView = { asOf: iso(dates.asOf), compare: iso(dates.compare), picked: true };
    }
    if (view.books && typeof view.books === 'object') {
      const { standard, probableThreshold, attribution, adoptionDate } = view.books;
      // A link from before attribution by tranche showed the books spread over the contract.
      page.booksOptions = { standard: typeof standard === 'string' ? standard : undefined, probableThreshold: typeof probableThreshold === 'number' ? probableThreshold : undefined,
        attribution: typeof attribution === 'string' ? attribution : 'contract', adoptionDate: typeof adoptionDate === 'string' ? adoptionDate : undefined };
    }
    page.linkRuns = { valuation: linkValuation(view.valuation), books: view.books?.run === true };
    if (typeof view.lang === 'string' && view.lang in LANGUAGES && view.lang !== lang()) {
      await loadLanguage(view.lang);
      setLang(view.lang);
      onLang(view.lang);
    }
    return loadForeign(dc, s, 'link');
  } catch (e) {
    setMessage(t('This link could not be read ({m}). The default deal is shown instead.', { m: e.message }));
    return false;
  }
}

const fileName = (fallback) => (page.scenario.name || fallback).replace(/[^\w-]+/g, '-').slice(0, 60);

export function exportJson() {
  download(`${fileName('scenario')}.json`, `${JSON.stringify({ scenario: page.scenario, view: { lang: lang() } }, null, 2)}\n`, 'application/json');
}

export async function importJson(dc, file) {
  if (file.size > 1_000_000) {
    setMessage(t('The file is larger than 1 MB; nothing was loaded.'));
    return;
  }
  try {
    const { scenario: s } = parseEnvelope(await file.text());
    if (loadForeign(dc, s, 'file')) setMessage(t('Loaded {name}.', { name: file.name }));
  } catch (e) {
    setMessage(t('The file could not be read ({m}); nothing was loaded.', { m: e.message }));
  }
}

export function exportCsv() {
  if (!page.report) return;
  const rows = reportRows(page.scenario.name, page.report);
  const v = page.valuation;
  if (v) for (const r of reportRows(page.scenario.name, { valuation: { ...v, priceFan: null, samplePaths: null, histogram: null } }).slice(1)) rows.push(r);
  if (page.accounting) for (const r of reportRows(page.scenario.name, { accounting: page.accounting }).slice(1)) rows.push(r);
  if (page.portfolio) for (const r of reportRows(page.scenario.name, { portfolio: page.portfolio }).slice(1)) rows.push(r);
  download(`${fileName('results')}.csv`, csv(rows), 'text/csv');
}
