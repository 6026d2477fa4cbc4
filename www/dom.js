// Small DOM helpers shared by the page's modules. No innerHTML anywhere: text goes in as text.

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

export const fmt = {
  num: (x, digits = 2) => {
    if (!Number.isFinite(x)) return '–';
    // Values that round to zero print as 0, never "-0".
    const shown = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(shown);
  },
  usd: (x) => {
    if (!Number.isFinite(x)) return '–';
    const a = Math.abs(x);
    if (a >= 1e12) return `$${fmt.num(x / 1e12, 2)} T`;
    if (a >= 1e9) return `$${fmt.num(x / 1e9, 1)} B`;
    if (a >= 1e6) return `$${fmt.num(x / 1e6, 1)} M`;
    return `$${fmt.num(x, 2)}`;
  },
  pct: (x, digits = 2) => (Number.isFinite(x) ? `${fmt.num(x * 100, digits)}%` : '–'),
  date: (d) => d ?? 'not by expiry',
};

/** Parses what a user typed into a number field: '' is NaN (or null when optional). */
export function parseNumber(text, optional = false) {
  const t = text.trim();
  if (t === '') return optional ? null : NaN;
  return Number(t.replace(/,/g, ''));
}
