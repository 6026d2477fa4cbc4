// Shared by the page tests: a static server for the built site (dist/, scripts/bundle.mjs) on a
// free loopback port, and Debian's Chromium driven by playwright-core (never a downloaded
// browser).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';

/** The page's sources. */
export const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
/** The site as served: www/ built (bundled and minified modules, www/pkg copied). */
export const SITE = fileURLToPath(new URL('../../dist/', import.meta.url));
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1, and www/ (the sources, unbundled) under /src/, for a test that
 * imports a module in the page on its own (its own instance, not the bundle's); `requests`
 * records every path asked for. Options: `headers` added to every response; `route(path)`
 * returning {body, headers} to answer a path itself (or null to serve the file).
 */
export async function serve(root = SITE, { headers = {}, route = null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    try {
      const own = route ? await route(path) : null;
      const body = own ? own.body
        : path.startsWith('/src/') ? await readFile(join(WWW, path.slice('/src/'.length)))
          : await readFile(join(root, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...headers, ...(own?.headers ?? {}) });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * A page that records console errors and uncaught exceptions into `errors`; `options` go to
 * `browser.newPage` (viewport, reducedMotion, ...).
 */
export async function open(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, errors };
}

/**
 * A page in `lang` ("en" or "de") at `width` px, in a context of its own with the CSP lifted
 * for axe-core alone; errors as `open` records them. Close it with `context.close()`.
 */
export async function openAt(browser, url, lang, width) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, locale: lang === 'de' ? 'de-DE' : 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  if (lang === 'de') {
    await page.selectOption('#lang', 'de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
  }
  return { page, context, errors };
}

/** axe-core's WCAG 2.1 A/AA violations inside `selector`, as "rule: targets" lines. */
export async function axe(page, selector) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const root = document.querySelector(sel);
    root.scrollIntoView();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const r = await window.axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, selector);
}

/**
 * Registers the suite's hooks: one static server and one browser for the file's tests, and
 * the results folder for screenshots. Returns {server, browser}, filled in before the tests.
 */
export function suite() {
  const ctx = {};
  before(async () => {
    ctx.server = await serve();
    ctx.browser = await launch();
    await mkdir(RESULTS, { recursive: true });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Draws every panel (or lets those far below the screen go undrawn again), with the page's own
 * switch for it (`all-drawn`, www/sections.js): panels are otherwise drawn only near the screen.
 */
export async function drawAllPanels(page, on = true) {
  await page.evaluate((on) => document.documentElement.classList.toggle('all-drawn', on), on);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Run in the page (it names nothing outside itself, so every engine's evaluate can take it):
 * the captions whose text runs past the right edge of the box that shows their table, a
 * sideways-scrolling .table-wrap scrolled to its start, or the table itself; each as
 * {caption, overBy (px)}.
 */
export function captionsCut() {
  return [...document.querySelectorAll('caption')].map((caption) => {
    const box = (caption.closest('.table-wrap') ?? caption.closest('table')).getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(caption);
    const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
    return { caption: caption.textContent, overBy: Math.round(right - box.right) };
  }).filter((c) => c.overBy > 0);
}

/** A screenshot of the whole page as a reader scrolling through it sees it. */
export async function wholePage(page, path) {
  await drawAllPanels(page);
  await page.screenshot({ path, fullPage: true });
  await drawAllPanels(page, false);
}

/**
 * Holds the page's pool of workers at `blocks` blocks of every run (www/blocks.js holdRuns,
 * reached through the page's own module, app.js, so that it is the bundle's instance):
 * `window.__hold.reached` resolves once a run has absorbed them, `window.__hold.release()`
 * lets it go on. A test creates its run in flight this way instead of hoping to catch one.
 */
export async function holdRuns(page, blocks) {
  await page.evaluate(async (n) => {
    const { holdRuns } = await import('./app.js');
    window.__hold = holdRuns(n);
  }, blocks);
}
