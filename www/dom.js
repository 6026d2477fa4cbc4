// Small DOM helpers shared by the page's modules. No innerHTML anywhere: text goes in as text.
export { fmt } from './i18n.js';

/** An element with attributes ("class", "text" and plain attributes) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null && c !== false) e.append(c);
  return e;
}

/** Parses what a user typed into a number field: '' is NaN (or null when optional). Accepts
 *  "1,234.5" and, in German, "1.234,5". */
export function parseNumber(text, optional = false, decimalComma = false) {
  let s = text.trim().replace(/\s/g, '');
  if (s === '') return optional ? null : NaN;
  s = decimalComma ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}
