// The page in headless Chromium: default preset, recompute on input, errors beside fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open, RESULTS, wholePage, holdRuns } from './harness.mjs';

const ctx = suite();

const out = (page, path) => page.textContent(`[data-out="${path}"]`);
const field = (path) => `[data-path="${path}"]`;
const problem = (path) => `[data-problem-for="${path}"]`;

test('the default deal shows 8.94% and reacts to edits and errors', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  assert.equal(await page.inputValue('#preset'), 'amd-openai-2025');
  assert.equal(await out(page, 'dilution.maxOwnership'), '8.94%');
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
  await page.fill(field('equity.sharesOutstanding'), '1630');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.maxOwnership"]').textContent === '8.94%');
  assert.equal(await page.textContent(problem('equity.sharesOutstanding')), '');

  await wholePage(page, `${RESULTS}/calculator-en.png`);
  assert.deepEqual(errors, []);
  // Nothing but the page's own origin was asked for.
  assert.ok(ctx.server.requests.length > 0);
});

test('a tranche edit that breaks the share total is reported at the tranches', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.fill(field('warrant.tranches[0].shares'), '10');
  await page.waitForSelector(`${problem('warrant.tranches')}:not(:empty)`);
  assert.match(await page.textContent(problem('warrant.tranches')), /add up to/);
  assert.deepEqual(errors, []);
});

test('a volatility term structure and the price correlation are edited in the form, with problems beside their fields', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.fill(field('capacity.priceCorrelation'), '1.5');
  await page.waitForSelector(`${problem('capacity.priceCorrelation')}:not(:empty)`);
  assert.match(await page.textContent(problem('capacity.priceCorrelation')), /from -1 to 1/);
  await page.fill(field('capacity.priceCorrelation'), '0.5');
  await page.waitForFunction(() => document.querySelector('[data-problem-for="capacity.priceCorrelation"]').textContent === '');
  // A curve starts at the flat volatility; a second point whose total variance falls is
  // calendar arbitrage, reported beside its volatility in the field's unit.
  await page.click('[data-add="equity.volatilityCurve"]');
  assert.equal(await page.inputValue(field('equity.volatilityCurve[0].vol')), '55');
  await page.click('[data-add="equity.volatilityCurve"]');
  await page.fill(field('equity.volatilityCurve[1].years'), '1.5');
  await page.fill(field('equity.volatilityCurve[1].vol'), '30');
  await page.waitForSelector(`${problem('equity.volatilityCurve[1].vol')}:not(:empty)`);
  assert.match(await page.textContent(problem('equity.volatilityCurve[1].vol')), /calendar arbitrage; at least 44\.9\d* ?%/);
  await page.fill(field('equity.volatilityCurve[1].vol'), '50');
  await page.waitForFunction(() => document.querySelector('[data-problem-for="equity.volatilityCurve[1].vol"]').textContent === '');
  // Removing every point goes back to the flat volatility.
  await page.click('button[aria-label="Remove Point 2"]');
  await page.click('button[aria-label="Remove Point 1"]');
  await page.waitForSelector('[data-add="equity.volatilityCurve"]');
  assert.deepEqual(errors, []);
});

test('the pricing panel prices a kind and a tranche as touches in one click', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
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

test('every preset shows its capacity, dilution or financing with source markers', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  const expectations = {
    'amd-openai-2025': ['dilution.maxOwnership', '8.94%'],
    'amd-meta-2026': ['dilution.maxOwnership', '8.94%'],
    'nvidia-openai-2025': ['investment.totalUsd', '$100B'],
    'oracle-openai-2025': ['contract.valuePerGwUsd', '$66.7B'],
    'broadcom-openai-2025': ['capacity.totalGw', '10 GW'],
  };
  for (const [id, [out, text]] of Object.entries(expectations)) {
    await page.selectOption('#preset', id);
    await page.waitForFunction(([o, t]) => document.querySelector(`[data-out="${o}"]`)?.textContent === t, [out, text]);
    assert.ok(await page.locator('.badge').count() > 5, `${id} shows source markers`);
  }
  await wholePage(page, `${RESULTS}/broadcom.png`);
  assert.match(await page.textContent('[data-out="capacity.totalGw"] + .card-note'), /· 0 GW binding/);
  assert.deepEqual(errors, []);
});

test('the comparison and the tornado are drawn from the current deal', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  // Comparison: AMD–OpenAI (edited) next to the Nvidia and Oracle presets.
  const row = (key) => page.locator(`#comparison-table tr[data-row="${key}"] td`);
  await page.waitForSelector('#comparison-table tr[data-row="maxOwnership"]');
  assert.equal(await row('maxOwnership').count(), 3);
  assert.equal(await row('maxOwnership').nth(0).textContent(), '8.94%');
  assert.equal(await row('maxOwnership').nth(1).textContent(), '–');
  assert.equal(await row('contractPerYearUsd').nth(2).textContent(), '$60B');
  await page.fill('[data-path="equity.sharesOutstanding"]', '3000');
  await page.waitForFunction(() => document.querySelector('#comparison-table tr[data-row="maxOwnership"] td').textContent === '5.06%');

  // Tornado: value transferred moves with the share price first.
  await page.selectOption('#tornado-output', 'dilution.valueTransferUsd');
  await page.waitForSelector('#tornado-chart svg rect');
  assert.equal(await page.locator('#tornado-table tbody tr').first().locator('td').first().textContent(), 'Share price');
  assert.ok(await page.locator('#tornado-chart rect').count() >= 4);
  await page.selectOption('#tornado-output', 'capacity.annualCostUsd');
  await page.waitForFunction(() => document.querySelector('#tornado-table tbody tr td').textContent === 'Deal size (GW)');
  assert.deepEqual(errors, []);
});

test('the warrant is valued in a worker with progress, and cancel stops it', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  // Base-path timeline is drawn before any simulation.
  await page.waitForSelector('#vesting-timeline svg .target-line', { state: 'attached' });
  // 5,000 paths: three blocks, shared by the workers (one per core).
  await page.fill('#valuation-paths', '5000');
  await page.fill('#valuation-stepsPerYear', '52');
  await page.click('#valuation-run');
  await page.waitForFunction(() => document.querySelector('#valuation-status').textContent.startsWith('Done'), null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.querySelector('#valuation-progress').value), 1);
  const fair = await page.textContent('[data-out="valuation.totalFairValueUsd"]');
  assert.match(fair, /^\$\d+(\.\d)?B$/);
  // Identical to one valueWarrant call on this thread: the workers change nothing but speed.
  const parallel = Number(await page.getAttribute('[data-out="valuation.totalFairValueUsd"]', 'data-value'));
  const direct = await page.evaluate(async () => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    const options = { paths: 5000, seed: 1, stepsPerYear: 52, antithetic: true, controlVariate: false, quasiRandom: true };
    return dc.valueWarrant(deal('amd-openai-2025'), options).totalFairValueUsd;
  });
  assert.equal(parallel, direct);
  // Delta and vega beside the fair value: the same-seed bumped runs, in the workers as well.
  const delta = Number(await page.getAttribute('[data-out="valuation.greeks.deltaUsd"]', 'data-value'));
  const greeks = await page.evaluate(async () => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    const options = { paths: 5000, seed: 1, stepsPerYear: 52, controlVariate: false, greeks: true, quasiRandom: true };
    return dc.valueWarrant(deal('amd-openai-2025'), options).greeks;
  });
  assert.equal(delta, greeks.deltaUsd);
  assert.ok(greeks.deltaUsd > 0 && greeks.vegaUsd > 0);
  assert.match(await page.textContent('[data-out="valuation.greeks.vegaUsd"]'), /^\$\d/);
  assert.equal(await page.locator('#valuation-tranches tbody tr').count(), 6);
  await page.waitForSelector('#vesting-timeline .fan-outer', { state: 'attached' });
  await page.waitForSelector('#value-histogram rect', { state: 'attached' });

  // A long run, held in flight by the pool (after 3 blocks of its 250): progress has moved,
  // and cancel stops it.
  await page.fill('#valuation-paths', '500000');
  await page.fill('#valuation-stepsPerYear', '252');
  const longRunInFlight = async () => {
    await holdRuns(page, 3);
    await page.click('#valuation-run');
    await page.evaluate(() => window.__hold.reached);
    const v = await page.evaluate(() => document.querySelector('#valuation-progress').value);
    assert.ok(v > 0 && v < 1, `progress ${v}`);
  };
  await longRunInFlight();
  await page.click('#valuation-cancel');
  await page.waitForFunction(() => document.querySelector('#valuation-status').textContent.startsWith('Cancelled'), null, { timeout: 10000 });
  assert.ok(await page.evaluate(() => document.querySelector('#valuation-progress').value) < 1);
  assert.equal(await page.isDisabled('#valuation-run'), false);
  await page.evaluate(() => window.__hold.release());
  // The form stays responsive while a long run is in flight; the edit drops the run for the
  // live valuation of the edited deal, which the released pool then finishes.
  await longRunInFlight();
  await page.fill('[data-path="equity.sharesOutstanding"]', '3000');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.maxOwnership"]').textContent === '5.06%');
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.live === 'true');
  await page.evaluate(() => window.__hold.release());
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  assert.equal(await page.isDisabled('#valuation-run'), false);
  await wholePage(page, `${RESULTS}/valuation.png`);

  // The panels are drawn again on each language change; the page keeps one pool of workers.
  for (const code of ['de', 'en', 'de', 'en']) await page.selectOption('#lang', code);
  await page.waitForTimeout(1800); // time for any worker a mount would start
  // One per core and the quick worker of the live valuation's provisional figures.
  const cores = await page.evaluate(() => Math.min(navigator.hardwareConcurrency || 2, 8));
  assert.ok(page.workers().length <= cores + 1, `${page.workers().length} workers for ${cores} cores`);

  // Bad options are shown beside their fields.
  await page.fill('#valuation-paths', '1.5');
  await page.click('#valuation-run');
  await page.waitForSelector('[data-problem-for="options.paths"]:not(:empty)');
  assert.deepEqual(errors, []);
});

test('Run right after an edit runs the reader\'s options: the live valuation the edit asked for does not replace it', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  await page.fill('#valuation-paths', '2000');
  // The edit and the click in one task: the edit's live valuation is still waiting to start.
  await page.evaluate(() => {
    const input = document.querySelector('[data-path="equity.sharePrice"]');
    input.value = '210';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#valuation-run').click();
  });
  await page.waitForFunction(() => document.querySelector('#valuation-status').dataset.state === 'done', null, { timeout: 60000 });
  assert.equal(await page.getAttribute('#valuation-status', 'data-live'), 'false');
  assert.match(await page.textContent('#valuation-status'), /^Done: 2,000 paths/);
  // Nothing replaces it afterwards either.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await page.getAttribute('#valuation-status', 'data-live'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a language change keeps the reader\'s settings in every panel and a valuation run in flight', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  // Settings in four panels.
  await page.selectOption('#option-kind', 'bs_call');
  await page.fill('[data-path="option.vol"]', '30');
  await page.selectOption('#tornado-output', 'capacity.annualCostUsd');
  await page.fill('#books-threshold', '60');
  await page.selectOption('#compare-1', 'broadcom-openai-2025');
  await page.fill('#valuation-stepsPerYear', '252.0');
  const priceEn = Number((await page.textContent('[data-out="option.price"]')).replace(/,/g, ''));
  // A run of the panel's own options, changed in flight.
  await page.fill('#valuation-paths', '131072');
  await page.fill('#valuation-seed', '7');
  await page.uncheck('#valuation-greeks');
  // The pool holds the run after 2 of its 64 blocks: it is in flight when the language changes.
  await holdRuns(page, 2);
  await page.click('#valuation-run');
  await page.evaluate(() => window.__hold.reached);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.querySelector('#valuation h2').textContent === 'Den Optionsschein bewerten (Monte Carlo)');
  // The run goes on in the rewritten panel and ends in German, with the reader's options.
  assert.equal(await page.getAttribute('#valuation-status', 'data-live'), 'false');
  assert.equal(await page.getAttribute('#valuation-status', 'data-state'), 'running');
  const progress = await page.evaluate(() => document.querySelector('#valuation-progress').value);
  assert.ok(progress > 0 && progress < 1, `progress ${progress}`);
  await page.evaluate(() => window.__hold.release());
  await page.waitForFunction(() => document.querySelector('#valuation-status').dataset.state === 'done', null, { timeout: 120000 });
  assert.match(await page.textContent('#valuation-status'), /^Fertig: 131\.072 Pfade/);
  assert.equal(await page.inputValue('#valuation-paths'), '131072');
  assert.equal(await page.inputValue('#valuation-seed'), '7');
  assert.equal(await page.isChecked('#valuation-greeks'), false);
  assert.match(await page.textContent('#valuation-results'), /Fairer Wert des Optionsscheins/);
  // The headline keeps its figure through the change (no new live run of the same deal).
  assert.notEqual(await page.textContent('#headline [data-out="headline.fairValue"]'), '…');
  // The other panels: their new controls hold the reader's settings.
  assert.equal(await page.inputValue('#option-kind'), 'bs_call');
  assert.equal(await page.inputValue('[data-path="option.vol"]'), '30');
  // Numbers are rewritten as German writes them, and read as the same numbers.
  assert.equal(await page.inputValue('[data-path="option.spot"]'), '203,71');
  assert.equal(await page.inputValue('#valuation-stepsPerYear'), '252');
  const priceDe = Number((await page.textContent('[data-out="option.price"]')).replace(/\./g, '').replace(',', '.'));
  assert.equal(priceDe, priceEn);
  await page.waitForFunction(() => document.querySelector('#tornado-output')?.value === 'capacity.annualCostUsd');
  assert.equal(await page.inputValue('#books-threshold'), '60');
  assert.equal(await page.inputValue('#compare-1'), 'broadcom-openai-2025');
  assert.deepEqual(errors, []);
});

test('a stage\'s last blocks go only to workers with nothing queued, and the result is unchanged', async () => {
  const page = await ctx.browser.newPage();
  // Every message between the page and its pool's workers, in order.
  await page.addInitScript(() => {
    const Base = window.Worker;
    window.__blocks = [];
    let n = 0;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        const id = n++;
        this.addEventListener('message', ({ data }) => {
          if (data?.type === 'block') window.__blocks.push({ worker: id, dir: 'back', run: data.id, index: data.index });
        });
        this.__id = id;
      }
      postMessage(msg, transfer) {
        if (msg?.type === 'block') window.__blocks.push({ worker: this.__id, dir: 'out', run: msg.id, index: msg.index });
        return super.postMessage(msg, transfer);
      }
    };
  });
  await page.goto(ctx.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  // The live books follow the fair value: their runs end before the log starts.
  await page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });
  await page.fill('#valuation-stepsPerYear', '52');
  await page.evaluate(() => { window.__blocks = []; });
  await page.click('#valuation-run');
  await page.waitForFunction(() => document.querySelector('#valuation-status').dataset.state === 'done', null, { timeout: 60000 });
  const { log, workers, ends, direct } = await page.evaluate(async () => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    const options = { paths: 16384, seed: 1, stepsPerYear: 52, antithetic: true, controlVariate: false, greeks: true, quasiRandom: true };
    const sim = new dc.WarrantSimulation(deal('amd-openai-2025'), options);
    const ends = [...sim.stageEnds];
    sim.free();
    const direct = dc.valueWarrant(deal('amd-openai-2025'), options);
    return { log: window.__blocks, workers: Math.min(navigator.hardwareConcurrency || 2, 8), ends, direct };
  });
  const shown = (path) => page.getAttribute(`[data-out="${path}"]`, 'data-value').then(Number);
  assert.equal(await shown('valuation.totalFairValueUsd'), direct.totalFairValueUsd);
  assert.equal(await shown('valuation.greeks.deltaUsd'), direct.greeks.deltaUsd);
  // The base run and the four bumped runs, 8 blocks each.
  assert.deepEqual(ends, [8, 16, 24, 32, 40]);
  // The valuation's run: the first in the log (the live books follow it with runs of their own).
  const run = log.find((m) => m.dir === 'out').run;
  const held = new Map();
  const tails = [];
  for (const m of log.filter((m) => m.run === run)) {
    const mine = held.get(m.worker) ?? new Set();
    held.set(m.worker, mine);
    if (m.dir === 'back') {
      mine.delete(m.index);
      continue;
    }
    const end = ends.find((e) => e > m.index);
    if (end - m.index <= workers) tails.push({ index: m.index, queuedBehind: [...mine] });
    mine.add(m.index);
  }
  assert.equal(tails.length, ends.length * Math.min(workers, 8), JSON.stringify(tails));
  for (const t of tails) assert.deepEqual(t.queuedBehind, [], `block ${t.index} was queued behind ${t.queuedBehind}`);
  // Every block was handed out once.
  const out = log.filter((m) => m.run === run && m.dir === 'out').map((m) => m.index).sort((a, b) => a - b);
  assert.deepEqual(out, [...Array(40).keys()]);
  await page.close();
});

test('screenshots at 390 and 1,280 px in English and German, the headline in each', async () => {
  for (const width of [390, 1280]) {
    for (const lang of ['en', 'de']) {
      const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(ctx.server.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      await page.selectOption('#lang', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.ok(await page.locator('#headline [part="card"]').count() >= 6, `${width} px ${lang}`);
      await wholePage(page, `${RESULTS}/page-${width}-${lang}.png`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

test('the books: both treatments, the quarterly schedule, a bad threshold beside its field, German, and a link keeps the treatment', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  // The books run live after the fair value, provisional and then refined, with no click.
  await page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });
  assert.match(await page.textContent('[data-out="books.asu202504"]'), /^\$\d/);
  await page.selectOption('#books-standard', 'service-condition');
  await page.fill('#books-threshold', '150');
  await page.click('#books-run');
  await page.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'failed');
  assert.match(await page.textContent('[data-problem-for="options.probableThreshold"]'), /at most 100 %/);
  assert.equal(await page.inputValue('#books-threshold'), '150', 'what was typed stays');
  await page.fill('#books-threshold', '60');
  await page.click('#books-run');
  await page.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'done', null, { timeout: 30000 });
  for (const out of ['books.asu202504', 'books.serviceCondition']) assert.match(await page.textContent(`[data-out="${out}"]`), /^\$\d/);
  assert.ok(await page.locator('#books-chart tbody tr').count() >= 8, 'a row a quarter');
  assert.equal(await page.evaluate(() => document.querySelector('#books-progress').value), 1);
  // The workers' blocks give the result of one accounting() call on this thread, bit for bit.
  const direct = await page.evaluate(async () => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    const a = dc.accounting(deal('amd-openai-2025'), { standard: 'service-condition', probableThreshold: 0.6 });
    return [a.asu202504.totalReductionUsd, a.serviceCondition.totalReductionUsd];
  });
  const parallel = [
    Number(await page.getAttribute('[data-out="books.asu202504"]', 'data-value')),
    Number(await page.getAttribute('[data-out="books.serviceCondition"]', 'data-value')),
  ];
  assert.deepEqual(parallel, direct);
  await page.screenshot({ path: `${RESULTS}/books-en.png`, fullPage: false });
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#s=1.'));
  const { page: other } = await open(ctx.browser, await page.inputValue('#share-url'));
  assert.equal(await other.inputValue('#books-standard'), 'service-condition');
  assert.equal(await other.inputValue('#books-threshold'), '60');
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.querySelector('#books h2').textContent === 'In den Büchern des Emittenten');
  assert.deepEqual(errors, []);
});

test('the books wait for a valuation in flight, and both finish', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });
  // A valuation held in flight by the pool, then the books asked for.
  await holdRuns(page, 2);
  await page.click('#valuation-run');
  await page.evaluate(() => window.__hold.reached);
  await page.click('#books-run');
  assert.equal(await page.getAttribute('#books-status', 'data-state'), 'running');
  assert.equal(await page.textContent('#books-status'), 'Waiting for the valuation in flight to finish…');
  assert.equal(await page.getAttribute('#valuation-status', 'data-state'), 'running');
  await page.evaluate(() => window.__hold.release());
  // The valuation is not dropped for the books: it ends, then the books run.
  await page.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'done', null, { timeout: 120000 });
  assert.equal(await page.getAttribute('#valuation-status', 'data-state'), 'done');
  assert.equal(await page.getAttribute('#valuation-status', 'data-live'), 'false');
  const direct = await page.evaluate(async () => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    return dc.accounting(deal('amd-openai-2025'), { standard: 'asu-2025-04', probableThreshold: 0.75 }).asu202504.totalReductionUsd;
  });
  assert.equal(Number(await page.getAttribute('[data-out="books.asu202504"]', 'data-value')), direct);
  assert.deepEqual(errors, []);
  await page.close();
});

test('options that fail while the books run leave that run alone: it ends, and nothing breaks', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });
  // A books run held in flight by the pool, then options the core refuses.
  await holdRuns(page, 2);
  await page.click('#books-run');
  await page.evaluate(() => window.__hold.reached);
  await page.fill('#books-threshold', '150');
  await page.click('#books-run');
  assert.equal(await page.getAttribute('#books-status', 'data-state'), 'failed');
  await page.evaluate(() => window.__hold.release());
  // The held run absorbs its blocks into its own simulation, still there, and finishes.
  await page.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'done', null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the portfolio: OpenAI\'s deals by default, the money-flow diagram and its table, German, and a link keeps the selection', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.waitForSelector('#portfolio-flows svg path.flow', { state: 'attached' });
  const chips = await page.textContent('[data-out="portfolio.gwChips"]');
  assert.match(chips, /^\d+(\.\d+)? GW$/);
  assert.ok(await page.locator('#portfolio-flows tbody tr').count() >= 7, 'a row a flow');
  assert.ok(await page.isChecked('#portfolio-amd-openai-2025') && !(await page.isChecked('#portfolio-amd-meta-2026')));
  // Every band names its flow for keyboard and screen-reader users.
  const label = await page.getAttribute('#portfolio-flows path.flow >> nth=0', 'aria-label');
  assert.match(label, /→/);
  // AMD as issuer: its two warrants combined.
  await page.click('#portfolio button:has-text("AMD as issuer")');
  await page.waitForFunction(() => /Combined dilution/.test(document.querySelector('#portfolio-results').textContent));
  assert.match(await page.textContent('#portfolio-results'), /16\.41%/);
  await page.screenshot({ path: `${RESULTS}/portfolio-en.png`, fullPage: false });
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#s=1.'));
  const { page: other } = await open(ctx.browser, await page.inputValue('#share-url'));
  assert.ok(await other.isChecked('#portfolio-amd-meta-2026') && !(await other.isChecked('#portfolio-oracle-openai-2025')));
  assert.match(await other.textContent('#portfolio-results'), /16\.41%/);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.querySelector('#portfolio h2').textContent === 'Portfolio: das Geflecht der Deals');
  assert.deepEqual(errors, []);
});

test('the portfolio takes the deal above as edited, and names the band in focus', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.selectOption('#preset', 'nvidia-openai-2025');
  await page.waitForSelector('#portfolio-current');
  // Only the edited deal: Nvidia's 10 GW, then 12 GW after an edit.
  await page.click('#portfolio button:has-text("AMD as issuer")');
  await page.uncheck('#portfolio-amd-openai-2025');
  await page.uncheck('#portfolio-amd-meta-2026');
  await page.check('#portfolio-current');
  await page.waitForFunction(() => document.querySelector('[data-out="portfolio.gwChips"]')?.textContent === '10 GW');
  await page.fill('[data-path="capacity.phases[1].gw"]', '11');
  await page.waitForFunction(() => document.querySelector('[data-out="portfolio.gwChips"]')?.textContent === '12 GW');
  await page.focus('#portfolio-flows path.flow >> nth=0');
  assert.match(await page.textContent('#portfolio-flows .flow-named'), /→/);
  assert.deepEqual(errors, []);
});
