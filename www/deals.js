// The deal catalogue: the built-in deals of `deals/` (one file per deal, its versions oldest
// first), bundled by scripts/build.sh into pkg/deals.json. The page, <deal-calculator> and the
// npm package read it here; the .wasm carries no deal data.
//
//   await loadDeals();                      // once; then every function answers at once
//   await loadDeal('amd-openai-2025');      // or one deal (pkg/deals/<id>.json) for a first view:
//                                           // deal() answers for it before the catalogue loads
//   deals()                                 // [{id, name, summary, buyer, vendor, layer, versions}]
//   deal('nvidia-openai-2025', { asOf: '2025-11-15' })   // the version in force on that date
//   dealsAsOf('2026-12-01')                 // every deal in force then, less the superseded
//
// A version is a complete scenario: the core reads it as it reads a user's. Every function
// returns fresh copies, so a caller may edit what it gets.

/** The deal a calculator opens with. */
export const DEFAULT_DEAL = 'amd-openai-2025';

/** Statuses whose version ends a deal: `dealsAsOf` leaves it out from that date. */
const ENDED = ['superseded', 'cancelled'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let catalogue = null;
let stated = [];
let loading = null;
/** Deals loaded one by one (loadDeal) while the catalogue is not. */
const single = [];
const singleLoading = new Map();

/** An Error with the `problems` list every dealcalc function throws. */
function problemError(path, code, message, params = {}) {
  const e = new Error(`${path}: ${message}`);
  e.problems = [{ path, code, message, params }];
  return e;
}

/** Reads the bundle: fetched over HTTP, read from the disk in Node (a file: URL). */
async function read(source) {
  const url = new URL(source, import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return JSON.parse(await readFile(url, 'utf8'));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the deal catalogue could not load: ${response.status} ${url}`);
  return response.json();
}

/**
 * Loads the catalogue once (later calls return the same promise). `source`: the bundle's URL
 * (default pkg/deals.json beside this module), or the deals themselves as an array.
 */
export function loadDeals(source = './pkg/deals.json') {
  if (Array.isArray(source)) {
    catalogue = source;
    loading = Promise.resolve(catalogue);
    return loading;
  }
  // The totals parties stated (deals/published.json) lie beside the bundle; none if absent.
  const beside = new URL('published.json', new URL(source, import.meta.url));
  loading ??= Promise.all([read(source), read(beside).catch(() => [])]).then(([list, totals]) => {
    stated = Array.isArray(totals) ? totals : [];
    return (catalogue = list);
  });
  return loading;
}

/**
 * Loads one deal's file (pkg/deals/<id>.json beside the bundle, written by the build), so that
 * `deal(id)` answers before the whole catalogue has loaded: a first view needs one deal, not
 * the catalogue's 400 KB. Until loadDeals() resolves, the other functions answer for the
 * deals loaded so. Resolves at once when the catalogue is loaded; rejects for a deal the
 * folder does not have (as `deal` would throw for it).
 */
export function loadDeal(id, folder = './pkg/deals/') {
  if (catalogue) return Promise.resolve();
  if (!singleLoading.has(id)) {
    const url = new URL(`${encodeURIComponent(id)}.json`, new URL(folder, import.meta.url));
    singleLoading.set(id, read(url).then((d) => {
      if (!single.some((x) => x.id === d.id)) single.push(d);
    }));
  }
  return singleLoading.get(id);
}

/**
 * Totals that parties or the press stated (deals/published.json): `[{party, asOf, label: {en,
 * de}, gw, usd, through, source}]`, with `asOf` on or before `date` when given.
 */
export function published(date = null) {
  return structuredClone(stated.filter((x) => date == null || x.asOf <= date));
}

function loaded() {
  if (catalogue) return catalogue;
  if (single.length) return single;
  throw new Error('the deal catalogue is not loaded yet: await loadDeals() first');
}

/** Whether the whole catalogue has loaded (not only deals loaded one by one). */
export function catalogueLoaded() {
  return catalogue != null;
}

function find(id) {
  const list = loaded();
  const found = list.find((d) => d.id === id);
  if (!found) {
    const known = list.map((d) => d.id).join(', ');
    const shown = String(id).slice(0, 40);
    throw problemError('id', 'unknown_deal', `unknown deal "${shown}"; known: ${known}`, { value: shown, options: known });
  }
  return found;
}

/** The index of the version in force on `date` (the latest with asOf ≤ date), or -1. */
function versionIndex(d, date) {
  let index = -1;
  d.versions.forEach((v, i) => {
    if (v.asOf <= date) index = i;
  });
  return index;
}

/** Every deal: its names and summaries by language, its parties and its versions' dates. */
export function deals() {
  return loaded().map((d) => {
    const latest = d.versions.at(-1);
    return structuredClone({
      id: d.id, name: d.name, summary: d.summary,
      buyer: latest.buyer, vendor: latest.vendor, layer: latest.layer,
      versions: d.versions.map((v) => ({ asOf: v.asOf, status: v.status, event: v.event })),
    });
  });
}

/** A version as a scenario, with its deal's `id` (a cloud deal's `runsOn` names it). */
function scenarioOf(d, version) {
  return { id: d.id, ...structuredClone(version) };
}

/**
 * A deal's scenario: its latest version, or with `asOf` the latest version dated on or before
 * it. An unknown id, a malformed date or a date before the first version throws.
 */
export function deal(id, { asOf } = {}) {
  const d = find(id);
  if (asOf == null) return scenarioOf(d, d.versions.at(-1));
  if (typeof asOf !== 'string' || !ISO_DATE.test(asOf)) {
    throw problemError('asOf', 'date', `must be a date YYYY-MM-DD, not "${String(asOf).slice(0, 40)}"`, { value: String(asOf).slice(0, 40) });
  }
  const i = versionIndex(d, asOf);
  if (i < 0) {
    const first = d.versions[0].asOf;
    throw problemError('asOf', 'before_first_version', `${id} has no version before ${first}`, { value: asOf, first });
  }
  return scenarioOf(d, d.versions[i]);
}

/**
 * The scenarios in force on `date`: each deal's version as of then, less the deals that did not
 * exist yet and those whose version then is superseded or cancelled.
 */
export function dealsAsOf(date) {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) {
    throw problemError('date', 'date', `must be a date YYYY-MM-DD, not "${String(date).slice(0, 40)}"`, { value: String(date).slice(0, 40) });
  }
  return loaded().flatMap((d) => {
    const i = versionIndex(d, date);
    if (i < 0 || ENDED.includes(d.versions[i].status)) return [];
    return [scenarioOf(d, d.versions[i])];
  });
}

/** The ids in force on `date`, in the catalogue's order (for pickers that keep ids). */
export function dealIdsAsOf(date) {
  return loaded().filter((d) => {
    const i = versionIndex(d, date);
    return i >= 0 && !ENDED.includes(d.versions[i].status);
  }).map((d) => d.id);
}

/** The older listing, kept for its users: `[{id, name, summary}]` in English. */
export function presets() {
  return loaded().map((d) => ({ id: d.id, name: d.name.en, summary: d.summary.en }));
}

/** The older name for a deal's latest version. */
export function preset(id) {
  return deal(id);
}
