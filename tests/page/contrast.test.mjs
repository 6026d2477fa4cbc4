// WCAG 2.x AA: every text colour pair of the page's palette, light and dark, has a contrast
// ratio of at least 4.5:1 (read from the custom properties in www/style.css).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { WWW } from './harness.mjs';

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

function palette(block) {
  const full = (h) => (h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h);
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b)/g)].map((m) => [m[1], full(m[2])]));
}

test('text colours meet WCAG AA contrast in light and dark schemes', async () => {
  const css = await readFile(`${WWW}/style.css`, 'utf8');
  const light = palette(css.slice(css.indexOf(':root'), css.indexOf('@media (prefers-color-scheme: dark)')));
  const dark = { ...light, ...palette(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };
  const pairs = [['fg', 'bg'], ['muted', 'bg'], ['muted', 'card'], ['accent', 'bg'], ['problem', 'bg'],
    ['assumption-fg', 'assumption-bg'], ['source-fg', 'source-bg'], ['bg', 'accent']];
  for (const [scheme, p] of [['light', light], ['dark', dark]]) {
    for (const [fg, bg] of pairs) {
      const r = ratio(p[fg], p[bg]);
      assert.ok(r >= 4.5, `${scheme}: --${fg} on --${bg} is ${r.toFixed(2)}:1`);
    }
  }
});

test('the embedded element\'s default colours meet WCAG AA in its light and dark themes', async () => {
  const css = await readFile(`${WWW}/element.css`, 'utf8');
  // `--_fg: var(--dealcalc-fg, #1a1a1a);` → {fg: '#1a1a1a'}
  const themed = (block) => Object.fromEntries([...block.matchAll(/--_([\w-]+):\s*var\(--dealcalc-[\w-]+,\s*(#[0-9a-fA-F]{6})\)/g)].map((m) => [m[1], m[2]]));
  const light = themed(css.slice(css.indexOf('.dc {'), css.indexOf('.dc.theme-dark {')));
  const dark = themed(css.slice(css.indexOf('.dc.theme-dark {'), css.indexOf('@media')));
  assert.ok(Object.keys(light).length >= 7 && Object.keys(dark).length >= 7);
  // Values are accent on card; labels and notes muted on card; errors on the background.
  const pairs = [['fg', 'bg'], ['fg', 'card'], ['muted', 'bg'], ['muted', 'card'], ['accent', 'bg'], ['accent', 'card'], ['problem', 'bg']];
  for (const [scheme, p] of [['light', light], ['dark', dark]]) {
    for (const [fg, bg] of pairs) {
      const r = ratio(p[fg], p[bg]);
      assert.ok(r >= 4.5, `${scheme}: --_${fg} on --_${bg} is ${r.toFixed(2)}:1`);
    }
  }
  // The auto theme's dark colours are the dark theme's.
  assert.deepEqual(themed(css.slice(css.indexOf('@media'))), dark);
});
