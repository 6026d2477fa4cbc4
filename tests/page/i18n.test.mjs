// Every string the page translates has a German entry, and German formatting is German.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { WWW } from './harness.mjs';
import { de } from '../../www/i18n/de.js';

test('the German table names each English text once (a second entry would silently win)', async () => {
  const src = await readFile(`${WWW}/i18n/de.js`, 'utf8');
  const seen = new Map();
  const twice = [];
  // Keys are the quoted texts at the start of an entry: '…': or "…":
  for (const m of src.matchAll(/^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"):/gm)) {
    const key = m[1] ?? m[2];
    if (seen.has(key)) twice.push(key);
    seen.set(key, true);
  }
  assert.ok(seen.size > 300, `${seen.size} keys read`);
  assert.deepEqual(twice, []);
});

test('every t() literal and data-i18n text has a German translation', async () => {
  const keys = new Set();
  for (const f of (await readdir(WWW)).filter((n) => n.endsWith('.js'))) {
    const src = await readFile(`${WWW}/${f}`, 'utf8');
    for (const m of src.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
  }
  const html = await readFile(`${WWW}/index.html`, 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
  assert.ok(keys.size > 150, `${keys.size} keys`);
  const missing = [...keys].filter((k) => !(k in de));
  assert.deepEqual(missing, []);
  // Placeholders survive translation.
  for (const k of keys) {
    const want = [...k.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const got = [...(de[k] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(got, want, k);
  }
});

test('every problem code the core reports has a German sentence', async () => {
  const { TEMPLATES } = await import('../../www/i18n/problems.js');
  const root = new URL('../../src/', import.meta.url);
  const files = (await readdir(root, { recursive: true })).filter((n) => n.endsWith('.rs'));
  const codes = new Set();
  for (const f of files) {
    const src = await readFile(new URL(f, root), 'utf8');
    // Problem::new(path, "code", message) and reader.problem(path, "code", message).
    for (const m of src.matchAll(/(?:Problem::new|\.problem)\([^;]*?,\s*"([a-z][a-z_]*)",/g)) codes.add(m[1]);
  }
  // And the deal catalogue's (www/deals.js): problemError(path, 'code', message).
  const catalogue = await readFile(new URL('../../www/deals.js', import.meta.url), 'utf8');
  for (const m of catalogue.matchAll(/problemError\([^;]*?,\s*'([a-z][a-z_]*)',/g)) codes.add(m[1]);
  assert.ok(codes.has('unknown_deal') && codes.has('before_first_version'));
  assert.ok(codes.size > 30, `${codes.size} codes: ${[...codes]}`);
  // Internal to the boundary: a page never shows these beside a field.
  const internal = new Set(['block', 'block_index', 'test']);
  const missing = [...codes].filter((c) => !internal.has(c) && !(c in TEMPLATES.de));
  assert.deepEqual(missing, []);
});

test('money reads as an analyst writes it: compact from a million, whole dollars from $1,000, cents below', async () => {
  const { fmt, loadLanguage, withLang } = await import('../../www/i18n.js');
  await loadLanguage('de');
  const usd = (code) => withLang(code, () => [3.26e10, 320000, -1500.4, 139.734, 0.01].map(fmt.usd));
  assert.deepEqual(usd('en'), ['$32.6B', '$320,000', '-$1,500', '$139.73', '$0.01']);
  // Intl writes German currency with a no-break space before the sign.
  assert.deepEqual(usd('de').map((s) => s.replace(/\u00a0/g, ' ')), ['32,6 Mrd. $', '320.000 $', '-1.500 $', '139,73 $', '0,01 $']);
});
