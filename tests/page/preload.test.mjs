// The page's module graph is announced up front (issue 31): index.html preloads every module
// that app.js imports, directly or not (static imports; dynamic ones load later by design), and
// the core build's .wasm that the first numbers need, so that the browser fetches them in
// parallel instead of finding them one import at a time. A preload of a file outside that
// graph is stale. Read from the files; no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const WWW = new URL('../../www/', import.meta.url);

/** The modules `file` imports statically (`import … from '…'`, `export … from '…'`, `import '…'`). */
async function importsOf(file) {
  const source = await readFile(new URL(file, WWW), 'utf8');
  const found = [];
  const pattern = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) found.push(new URL(m[1], new URL(file, WWW)).href.slice(WWW.href.length));
  return found;
}

/** Every module app.js reaches by static imports (app.js itself left out). */
async function graph(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    for (const next of await importsOf(file)) {
      if (!seen.has(next) && next !== entry) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

test('index.html preloads every module of the page’s static graph, and nothing else', async () => {
  const html = await readFile(new URL('index.html', WWW), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const modules = await graph('app.js');
  assert.ok(modules.size > 10, `${modules.size} modules found: the import pattern still reads the files`);
  const missing = [...modules].filter((m) => !preloaded.has(m));
  assert.deepEqual(missing, [], 'modules the page imports without a modulepreload');
  const stale = [...preloaded].filter((m) => !modules.has(m));
  assert.deepEqual(stale, [], 'modulepreloads of files the page does not import');
  assert.match(html, /<link rel="preload" href="pkg\/core_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/,
    'the core build, which the first numbers need, is preloaded');
});

test('the pattern finds a planted import (the check can fail)', async () => {
  const source = "import { a } from './x.js';\nimport init, * as core from './pkg/core.js';\nexport { b } from '../y.js';\nimport './z.js';";
  const found = [...source.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  assert.deepEqual(found, ['./x.js', './pkg/core.js', '../y.js', './z.js']);
});

// The built site (dist/, scripts/bundle.mjs): index.html preloads what the bundled app.js
// imports statically, the core build and the default deal, so that the first numbers wait on
// one round of requests.
const SITE = new URL('../../dist/', import.meta.url);

/** The files a bundled module imports statically (minified: `from"./x.js"`, `import"./x.js"`). */
async function bundleImports(file) {
  const source = await readFile(new URL(file, SITE), 'utf8');
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+)"/g)].map((m) => m[1].slice(2));
}

test('the built index.html preloads the bundle\'s static graph, the core build and the default deal', async () => {
  const html = await readFile(new URL('index.html', SITE), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const seen = new Set();
  const queue = ['app.js'];
  while (queue.length) {
    for (const next of await bundleImports(queue.shift())) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  assert.ok(seen.has('pkg/core.js'), 'the core build\'s glue is among app.js\'s imports');
  assert.deepEqual([...preloaded].sort(), [...seen].sort());
  const { DEFAULT_DEAL } = await import('../../www/deals.js');
  assert.ok(html.includes(`<link rel="preload" href="pkg/deals/${DEFAULT_DEAL}.json" as="fetch" type="application/json" crossorigin>`));
  assert.ok(html.includes('<link rel="preload" href="pkg/core_bg.wasm" as="fetch" type="application/wasm" crossorigin>'));
  assert.ok(!html.includes('href="form.js"'), 'none of the sources\' modules is preloaded');
});
