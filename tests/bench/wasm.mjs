// The workloads of benches/core.rs through the Wasm build, in Node and in headless Chromium,
// and the plain-JavaScript baseline; prints JSON lines {where, evaluateMs, priceOptionMs, ...}.
import { readFile } from 'node:fs/promises';
import { serve, launch, WWW } from '../page/harness.mjs';
import { plainValueWarrant } from './plain-mc.js';

const SPECS = [
  { kind: 'bs_call', spot: 100, strike: 95, rate: 0.05, vol: 0.3, timeYears: 1 },
  { kind: 'up_and_out_call', spot: 100, strike: 95, barrier: 130, rebate: 2, rate: 0.05, vol: 0.3, timeYears: 1 },
  { kind: 'one_touch_up', spot: 100, barrier: 130, rate: 0.05, vol: 0.3, timeYears: 1 },
  { kind: 'down_and_in_asset_or_nothing_put', spot: 100, strike: 95, barrier: 80, rate: 0.05, vol: 0.3, timeYears: 1 },
  { kind: 'warrant', spot: 40, strike: 60, rate: 0.03, vol: 0.3, timeYears: 5, sharesOutstanding: 1e6, warrantsIssued: 2e5, dilution: 'fixed_point' },
];

// Runs inside Node or the page: `dc` is the module, `now` a clock in ms.
async function workloads(dc, catalogue, specs, now) {
  const median = (repeats, f) => {
    const times = [];
    for (let i = 0; i < repeats; i++) {
      const t = now();
      f();
      times.push(now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const amd = catalogue.deal('amd-openai-2025');
  // Batches: browsers coarsen performance.now() to ~0.1 ms, so one call is below the clock.
  const evaluateMs = median(51, () => { for (let i = 0; i < 20; i++) dc.evaluate(amd); }) / 20;
  const priceOptionMs = median(51, () => { for (let i = 0; i < 200; i++) specs.forEach((s) => dc.priceOption(s)); }) / (200 * specs.length);
  const all = catalogue.deals().map((d) => catalogue.deal(d.id));
  const portfolioMs = median(51, () => { for (let i = 0; i < 10; i++) dc.portfolio(all); }) / 10;
  let v;
  const valueWarrantMs = median(5, () => { v = dc.valueWarrant(amd, { paths: 100000, seed: 1, stepsPerYear: 52 }); });
  // The page's default valuation on one thread: 16,384 quasi-random paths, daily grid.
  let d;
  const pageDefaultMs = median(5, () => { d = dc.valueWarrant(amd, { paths: 16384, seed: 1, quasiRandom: true, controlVariate: false }); });
  return { evaluateMs, priceOptionMs, portfolioMs, portfolioDeals: all.length, valueWarrantMs, valueWarrantUsd: v.totalFairValueUsd, standardErrorUsd: v.standardErrorUsd,
    pageDefaultMs, pageDefaultUsd: d.totalFairValueUsd, pageDefaultSe: d.standardErrorUsd / d.totalFairValueUsd };
}

// The plain-JavaScript baseline on the same workload (3 runs; it takes seconds each).
function baseline(plain, amd, now) {
  const times = [];
  let v;
  for (let i = 0; i < 3; i++) {
    const t = now();
    v = plain(amd, { paths: 100000, stepsPerYear: 52 });
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return { plainJsMs: times[1], plainJsUsd: v.totalFairValueUsd, plainJsStandardErrorUsd: v.standardErrorUsd };
}

const dc = await import(`${WWW}pkg/dealcalc.js`);
dc.initSync({ module: await readFile(`${WWW}pkg/dealcalc_bg.wasm`) });
const catalogue = await import(`${WWW}deals.js`);
await catalogue.loadDeals();
console.log(JSON.stringify({ where: 'node', ...(await workloads(dc, catalogue, SPECS, () => performance.now())),
  ...baseline(plainValueWarrant, catalogue.deal('amd-openai-2025'), () => performance.now()) }));

const server = await serve();
const browser = await launch();
try {
  // The page's CSP forbids eval; the benchmark injects its workload, so it lifts the CSP.
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  // The page values the deal live after load (in its workers): let that finish first, so that
  // the timings below have the machine to themselves.
  const settled = () => document.querySelector('#valuation-status')?.dataset.state === 'done';
  await page.waitForFunction(settled, null, { timeout: 60000 });
  const result = await page.evaluate(async ([source, plainSource, baselineSource, specs]) => {
    const dc = await import('./pkg/dealcalc.js');
    const catalogue = await import('/src/deals.js');
    await dc.default();
    await catalogue.loadDeals();
    const run = new Function(`return (${source})`)();
    const plain = new Function(`return (${plainSource})`)();
    const base = new Function(`return (${baselineSource})`)();
    const now = () => performance.now();
    return { ...(await run(dc, catalogue, specs, now)), ...base(plain, catalogue.deal('amd-openai-2025'), now) };
  }, [workloads.toString(), plainValueWarrant.toString(), baseline.toString(), SPECS]);
  // The full valuation as the page runs it, at its defaults: 16,384 quasi-random paths on the
  // daily grid (exact for the 30-day averages), then delta and vega (four more runs), one Web
  // Worker per core; warm workers (the page starts them in the background), median of 5.
  const full = await browser.newPage();
  await full.goto(server.url);
  await full.waitForSelector('body[data-ready="true"]');
  await full.waitForFunction(settled, null, { timeout: 60000 });
  const fullRuns = [];
  const greeksRuns = [];
  let fullSe = null;
  for (let i = 0; i < 6; i++) {
    await full.evaluate(() => { document.querySelector('#valuation-status').dataset.state = ''; });
    await full.click('#valuation-run');
    await full.waitForFunction(() => document.querySelector('#valuation-status').dataset.state === 'done', null, { timeout: 60000 });
    if (i > 0) fullRuns.push(Number(await full.getAttribute('#valuation-status', 'data-fair-ms')));
    if (i > 0) greeksRuns.push(Number(await full.getAttribute('#valuation-status', 'data-ms')));
    const card = '[data-out="valuation.totalFairValueUsd"]';
    fullSe = Number(await full.getAttribute(card, 'data-se')) / Number(await full.getAttribute(card, 'data-value'));
  }
  fullRuns.sort((a, b) => a - b);
  greeksRuns.sort((a, b) => a - b);
  // The books panel's default run (both simulations in blocks on the workers), median of 5.
  const booksRuns = [];
  for (let i = 0; i < 6; i++) {
    await full.evaluate(() => { document.querySelector('#books-status').dataset.state = ''; });
    await full.click('#books-run');
    await full.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'done', null, { timeout: 60000 });
    if (i > 0) booksRuns.push(Number(await full.getAttribute('#books-status', 'data-ms')));
  }
  booksRuns.sort((a, b) => a - b);
  const fullValuation = {
    fullValuationMs: fullRuns[2],
    fullValuationGreeksMs: greeksRuns[2],
    fullValuationSteps: Number(await full.getAttribute('[data-out="valuation.totalFairValueUsd"]', 'data-steps')),
    fullValuationSe: fullSe,
    fullValuationPaths: Number(await full.inputValue('#valuation-paths')),
    fullValuationWorkers: Number(await full.getAttribute('#valuation-status', 'data-workers')),
    booksMs: booksRuns[2],
  };
  await full.close();
  // First numbers after navigation, fresh pages: the page marks the animation frame that
  // paints its first report (performance.mark 'dealcalc:first-numbers', ms since navigation
  // start), and for comparison the time Node sees from goto to the headline in the DOM.
  const loads = [];
  const seen = [];
  for (let i = 0; i < 7; i++) {
    const p = await browser.newPage();
    const t0 = Date.now();
    await p.goto(server.url, { waitUntil: 'commit' });
    await p.waitForSelector('[data-out="dilution.maxOwnership"]');
    seen.push(Date.now() - t0);
    await p.waitForFunction(() => performance.getEntriesByName('dealcalc:first-numbers').length > 0);
    loads.push(await p.evaluate(() => performance.getEntriesByName('dealcalc:first-numbers')[0].startTime));
    await p.close();
  }
  seen.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  console.log(JSON.stringify({ where: 'chromium', ...result, ...fullValuation, firstNumbersMs: loads[3], firstNumbersSeenMs: seen[3] }));
} finally {
  await browser.close();
  await server.close();
}
