// The page in headless Chromium: default preset, recompute on input, errors beside fields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch, open, RESULTS } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(RESULTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const out = (page, path) => page.textContent(`[data-out="${path}"]`);
const field = (path) => `[data-path="${path}"]`;
const problem = (path) => `[data-problem-for="${path}"]`;

test('the default deal shows 8.98% and reacts to edits and errors', async () => {
  const { page, errors } = await open(browser, server.url);
  assert.equal(await page.inputValue('#preset'), 'amd-openai-2025');
  assert.equal(await out(page, 'dilution.maxOwnership'), '8.98%');
  assert.equal(await out(page, 'capacity.totalGw'), '6 GW');

  // 3,000 M shares outstanding: 160 / 3,160 = 5.06%.
  await page.fill(field('equity.sharesOutstanding'), '3000');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.maxOwnership"]').textContent === '5.06%');

  // A negative count: the error appears beside the field, the typed text stays.
  await page.fill(field('equity.sharesOutstanding'), '-5');
  await page.waitForSelector(`${problem('equity.sharesOutstanding')}:not(:empty)`);
  assert.match(await page.textContent(problem('equity.sharesOutstanding')), /greater than 0/);
  assert.equal(await page.inputValue(field('equity.sharesOutstanding')), '-5');
  assert.equal(await page.getAttribute(field('equity.sharesOutstanding'), 'aria-invalid'), 'true');

  // Fixing it clears the error and recomputes.
  await page.fill(field('equity.sharesOutstanding'), '1622');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.maxOwnership"]').textContent === '8.98%');
  assert.equal(await page.textContent(problem('equity.sharesOutstanding')), '');

  await page.screenshot({ path: `${RESULTS}/calculator-en.png`, fullPage: true });
  assert.deepEqual(errors, []);
  // Nothing but the page's own origin was asked for.
  assert.ok(server.requests.length > 0);
});

test('a tranche edit that breaks the share total is reported at the tranches', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.fill(field('warrant.tranches[0].shares'), '10');
  await page.waitForSelector(`${problem('warrant.tranches')}:not(:empty)`);
  assert.match(await page.textContent(problem('warrant.tranches')), /add up to/);
  assert.deepEqual(errors, []);
});

test('the pricing panel prices a kind and a tranche as touches in one click', async () => {
  const { page, errors } = await open(browser, server.url);
  // Default: an asset one-touch up at $600 on AMD's price.
  await page.selectOption('#option-kind', 'bs_call');
  await page.fill('[data-path="option.spot"]', '60');
  await page.fill('[data-path="option.strike"]', '65');
  await page.fill('[data-path="option.rate"]', '8');
  await page.fill('[data-path="option.dividendYield"]', '0');
  await page.fill('[data-path="option.vol"]', '30');
  await page.fill('[data-path="option.timeYears"]', '0.25');
  // Haug §1.1.1: 2.1334.
  await page.waitForFunction(() => document.querySelector('[data-out="option.price"]').textContent === '2.1334');
  await page.fill('[data-path="option.vol"]', '-5');
  await page.waitForSelector('[data-problem-for="option.vol"]:not(:empty)');

  await page.click('button[data-tranche="5"]');
  assert.equal(await page.inputValue('#option-kind'), 'asset_one_touch_up');
  assert.equal(await page.inputValue('[data-path="option.barrier"]'), '600');
  assert.match(await page.textContent('#option-note'), /Tranche per share if its milestone is met/);
  const price = Number((await page.textContent('[data-out="option.price"]')).replace(/,/g, ''));
  assert.ok(price > 0 && price < 600, `asset one-touch price ${price}`);
  assert.deepEqual(errors, []);
});
