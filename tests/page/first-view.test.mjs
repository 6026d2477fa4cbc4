// The first view loads only what the first numbers need (issue 31): on the built site, every
// resource the page starts before its first numbers are painted (the mark
// dealcalc:first-numbers) is one that dist/index.html names (its stylesheets, preloads and
// script) or its icon, or the simulation build's .wasm, which starts only once the core's has
// arrived (the link is idle while the first numbers are drawn); the simulation build's glue,
// the valuation panel's code, the workers' script and the catalogue start after the first
// numbers; the full build's .wasm once the simulation build's has arrived, and the other
// panels' code after the valuation panel's has arrived. Read from the browser's own resource
// timings once the page is ready, so that no step races the load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SITE, open, suite } from './harness.mjs';

const ctx = suite();

test('before the first numbers the page fetches only what index.html announces', async () => {
  const html = await readFile(`${SITE}/index.html`, 'utf8');
  const named = new Set([...html.matchAll(/<(?:link rel="(?:stylesheet|preload|modulepreload|icon)"|script type="module") (?:href|src)="([^"]+)"/g)].map((m) => m[1]));
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  const { first, resources } = await page.evaluate(() => ({
    first: performance.getEntriesByName('dealcalc:first-numbers')[0].startTime,
    resources: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname.slice(1), start: e.startTime, end: e.responseEnd })),
  }));
  const at = (pattern) => resources.find((r) => pattern.test(r.path)) ?? assert.fail(`${pattern} not fetched`);
  // The simulation build's .wasm: after the core's, whether before or after the first numbers;
  // the full build's after the simulation build's.
  assert.ok(at(/^pkg\/simulation_bg\.wasm$/).start >= at(/^pkg\/core_bg\.wasm$/).end, 'the simulation build starts once the core has arrived');
  assert.ok(at(/^pkg\/dealcalc_bg\.wasm$/).start >= at(/^pkg\/simulation_bg\.wasm$/).end, 'the full build starts once the simulation build has arrived');
  const before = resources.filter((r) => r.start < first && r.path !== 'pkg/simulation_bg.wasm').map((r) => r.path);
  assert.ok(before.includes('pkg/core_bg.wasm') && before.includes('app.js'), `fetched before: ${before}`);
  assert.deepEqual(before.filter((p) => !named.has(p)), [], 'fetched before the first numbers without being announced');
  const after = resources.filter((r) => r.start >= first).map((r) => r.path);
  for (const late of ['pkg/simulation.js', 'pkg/dealcalc.js', 'pkg/dealcalc_bg.wasm', 'pkg/deals.json', 'worker.js']) {
    assert.ok(after.includes(late), `${late} loads after the first numbers (after: ${after})`);
  }
  assert.ok(after.some((p) => /^valuation-\w+\.js$/.test(p)), 'the valuation panel\'s chunk loads after the first numbers');
  assert.ok(at(/^panels-\w+\.js$/).start >= at(/^valuation-\w+\.js$/).end, 'the other panels\' chunk loads after the valuation panel\'s');
  assert.deepEqual(errors, []);
  await page.close();
});
