// Languages: English (the source language, written in the code) and German (www/i18n/de.js,
// every German string in one place, loaded only for a reader who needs it: loadLanguage).
// t(text, vars) looks the English text up in the current language's table; numbers, money,
// percentages and dates go through Intl in the current locale (German: 1.234,56 $).
import { problemIn } from './i18n/problems.js';

export const LANGUAGES = { en: { name: 'English', locale: 'en-US' }, de: { name: 'Deutsch', locale: 'de-DE' } };
/** Each language's table, once loaded (English needs none: it is the code's). */
const TABLES = { en: {} };
const LOADERS = { de: () => import('./i18n/de.js').then((m) => { TABLES.de = m.de; }) };
const loading = new Map();
const STORAGE_KEY = 'dealcalc.lang';

let current = 'en';
try {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved in LANGUAGES) current = saved;
  else if ((navigator.language || '').toLowerCase().startsWith('de')) current = 'de';
} catch {
  // Storage may be blocked (embedded in a sandboxed frame): stay with the default.
}

export function lang() {
  return current;
}

/**
 * Loads a language's table once (German: i18n/de.js, 17 KB gzipped, which an English reader
 * never fetches); resolves at once when it is loaded or needs none. Call it before setLang
 * or withLang with a language that may not be loaded.
 */
export function loadLanguage(code) {
  if (!(code in LANGUAGES) || TABLES[code]) return Promise.resolve();
  if (!loading.has(code)) loading.set(code, LOADERS[code]());
  return loading.get(code);
}

// The reader's language starts loading as this module runs, beside the page's other files.
loadLanguage(current);

export function setLang(code) {
  if (!(code in LANGUAGES)) return;
  current = code;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered when storage is blocked.
  }
}

/**
 * Runs `fn` with `code` as the current language and restores the previous one: lets each
 * <deal-calculator> on a page render in its own language (rendering is synchronous). Unlike
 * setLang it touches neither the document nor storage.
 */
export function withLang(code, fn) {
  const saved = current;
  if (code in LANGUAGES) current = code;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The text in the current language, with {name} placeholders filled from `vars`. */
export function t(text, vars = {}) {
  const s = (TABLES[current] ?? TABLES.en)[text] ?? text;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** Catalogue text given per language (`{en, de}`): the current language's, else English. */
export function local(texts) {
  return texts?.[current] ?? texts?.en ?? '';
}

/** A deal status ("letter_of_intent") as words in English, the key of its translation. */
export function statusName(status) {
  return String(status ?? '').replaceAll('_', ' ');
}

const locale = () => LANGUAGES[current].locale;
const cache = new Map();
function nf(options) {
  const key = `${locale()}|${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale(), options));
  return cache.get(key);
}

/** The date format of the current locale (made once per locale: making one is slow). */
const dateFormats = new Map();
function dateFormat() {
  if (!dateFormats.has(locale())) dateFormats.set(locale(), new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }));
  return dateFormats.get(locale());
}

/** Rounds values that would print as "-0" to 0. */
const tidy = (x, digits) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x);

export const fmt = {
  num: (x, digits = 2) => (Number.isFinite(x) ? nf({ maximumFractionDigits: digits }).format(tidy(x, digits)) : '–'),
  /** Money, compact for large amounts ($32.6B / 32,6 Mrd. $), in whole dollars from $1,000
   *  ($320,000), with cents below (a share price, a strike: $139.73). */
  usd: (x) => {
    if (!Number.isFinite(x)) return '–';
    // minimumFractionDigits: JavaScriptCore keeps the currency's two as the minimum in compact
    // notation ($300.0B) where the standard and the other engines take 0 ($300B).
    if (Math.abs(x) >= 1e6) return nf({ style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(x);
    const cents = Math.abs(x) < 1000 ? 2 : 0;
    return nf({ style: 'currency', currency: 'USD', minimumFractionDigits: cents, maximumFractionDigits: cents }).format(tidy(x, cents));
  },
  /** Money in full: $1,234.56 / 1.234,56 $. */
  money: (x, digits = 2) => (Number.isFinite(x) ? nf({ style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(tidy(x, digits)) : '–'),
  pct: (x, digits = 2) => (Number.isFinite(x) ? nf({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(tidy(x, digits + 2)) : '–'),
  /** An ISO date in the current locale; `none` when absent. */
  date: (iso, none) => {
    if (!iso) return none ?? t('not by expiry');
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : dateFormat().format(d);
  },
};

/**
 * A problem from the core ({path, message, code, params}) in the current language, beside the
 * field `field` ({scale, unit}, optional: bounds are shown in the field's unit).
 */
export function problemText(p, field = null) {
  const unit = field?.unit ? t(field.unit) : '';
  return problemIn(current, p, (x) => fmt.num(x, 6), field ? { scale: field.scale, unit } : null);
}
