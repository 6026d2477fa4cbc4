// Share links, hostile links, JSON files, CSV, German formatting, keyboard use, screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, open, RESULTS, wholePage } from './harness.mjs';

const ctx = suite();

// Intl puts (narrow) no-break spaces in German numbers; compare with plain spaces.
const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const out = async (page, path) => norm(await page.textContent(`[data-out="${path}"]`));
const text = async (page, sel) => norm(await page.textContent(sel));
const field = (path) => `[data-path="${path}"]`;

test('a share link reproduces the same numbers in a new page', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.fill(field('equity.sharesOutstanding'), '2000');
  await page.fill(field('warrant.tranches[5].priceTarget'), '650');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.maxOwnership"]').textContent === '7.41%');
  // The live valuation of the edited deal is part of the numbers: wait for its final figure.
  const final = '[data-out="headline.fairValue"][data-state="final"]';
  await page.waitForSelector(final, { timeout: 30000 });
  // The details as drawn for both edits, with the edited deal's final figure.
  await page.waitForFunction(() => {
    const d = document.querySelector('#details');
    return d.dataset.valuation === 'final' && d.textContent.includes('$650');
  }, null, { timeout: 30000 });
  const before = await page.textContent('#details');
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#s=1.'));
  const url = await page.inputValue('#share-url');
  assert.ok(url.startsWith(ctx.server.url), url);
  const { page: other, errors: otherErrors } = await open(ctx.browser, url);
  assert.equal(await out(other, 'dilution.maxOwnership'), '7.41%');
  assert.equal(await other.inputValue(field('warrant.tranches[5].priceTarget')), '650');
  await other.waitForSelector(final, { timeout: 30000 });
  await other.waitForSelector('#details[data-valuation="final"]');
  assert.equal(await other.textContent('#details'), before);
  assert.equal(await out(other, 'headline.fairValue'), await out(page, 'headline.fairValue'));
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
});

test('a share link carries the valuation\'s and the books\' options: the recipient sees the same figures', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  const status = (sel) => page.evaluate((s) => document.querySelector(s)?.dataset.state, sel);
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  await page.fill('#valuation-paths', '32768');
  await page.fill('#valuation-seed', '7');
  await page.click('#valuation-run');
  await page.waitForFunction(() => {
    const s = document.querySelector('#valuation-status');
    return s.dataset.state === 'done' && s.dataset.live === 'false';
  }, null, { timeout: 60000 });
  await page.selectOption('#books-standard', 'service-condition');
  await page.click('#books-run');
  await page.waitForFunction(() => document.querySelector('#books-status').dataset.state === 'done', null, { timeout: 60000 });
  assert.equal(await status('#valuation-status'), 'done');
  const figures = async (p) => ({
    fair: await p.getAttribute('[data-out="valuation.totalFairValueUsd"]', 'data-value'),
    se: await p.getAttribute('[data-out="valuation.totalFairValueUsd"]', 'data-se'),
    headline: await p.textContent('#headline [data-out="headline.fairValue"]'),
    books: await p.getAttribute('[data-out="books.serviceCondition"]', 'data-value'),
    booksShare: await p.textContent('[data-out="books.share"]'),
  });
  const shared = await figures(page);
  assert.match(await page.textContent('#valuation-status'), /^Done: 32,768 paths/);
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#s=1.'));
  const { page: other, errors: otherErrors } = await open(ctx.browser, await page.inputValue('#share-url'));
  // The recipient's page runs the sharer's valuation, then the books, by itself.
  await other.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 120000 });
  assert.equal(await other.getAttribute('#valuation-status', 'data-state'), 'done');
  assert.equal(await other.getAttribute('#valuation-status', 'data-live'), 'false');
  assert.equal(await other.inputValue('#valuation-paths'), '32768');
  assert.equal(await other.inputValue('#valuation-seed'), '7');
  assert.equal(await other.inputValue('#books-standard'), 'service-condition');
  assert.deepEqual(await figures(other), shared);
  assert.ok(Number(shared.fair) > 0 && Number(shared.se) > 0 && Number(shared.books) > 0, JSON.stringify(shared));
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await other.close();
  await page.close();
});

test('a link with valuation options the core refuses shows why beside the field, and the live figure', async () => {
  const { page } = await open(ctx.browser, ctx.server.url);
  const hash = await page.evaluate(async () => {
    const { encodeShare } = await import('/src/share.js');
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await loadDeals();
    return encodeShare(deal('amd-openai-2025'), { lang: 'en', valuation: { paths: 1.5, seed: 3 } });
  });
  await page.close();
  const { page: other, errors } = await open(ctx.browser, `${ctx.server.url}${hash}`);
  await other.waitForSelector('[data-problem-for="options.paths"]:not(:empty)');
  assert.equal(await other.inputValue('#valuation-paths'), '1.5', 'the link\'s value stays in its field');
  await other.waitForFunction(() => {
    const s = document.querySelector('#valuation-status');
    return s.dataset.state === 'done' && s.dataset.live === 'true';
  }, null, { timeout: 60000 });
  assert.match(await other.textContent('#headline [data-out="headline.fairValue"]'), /^\$\d/);
  assert.deepEqual(errors, []);
  await other.close();
});

test('a link and a file made by the page before the scenario gained fields still load', async () => {
  // Made by the page as of November 2025 (tests/data/: AMD–OpenAI at $250 a share).
  const hash = (await readFile(new URL('../data/share-link-2025-11.txt', import.meta.url), 'utf8')).trim();
  const { page, errors } = await open(ctx.browser, `${ctx.server.url}${hash}`);
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent === '$40B');
  assert.equal(await page.inputValue(field('equity.sharePrice')), '250');
  assert.equal(await page.isHidden('#load-message'), true);
  const file = new URL('../data/saved-scenario-2025-11.json', import.meta.url);
  await page.selectOption('#preset', 'oracle-openai-2025');
  await page.setInputFiles('#import-json', file.pathname);
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]')?.textContent === '$40B');
  assert.deepEqual(errors, []);
});

test('hostile and broken links show a message and the default deal, and run no script', async () => {
  const script = { name: '<img src=x onerror="window.__pwned=1">', capacity: {} };
  const payload = Buffer.from(JSON.stringify({ scenario: script })).toString('base64url');
  const cases = [
    '#s=1.!!!notbase64',
    '#s=1.' + 'A'.repeat(300_000),
    '#s=1.' + payload, // not compressed: does not inflate
    '#s=2.abc',
  ];
  for (const hash of cases) {
    const page = await ctx.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(ctx.server.url + hash);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#load-message:not([hidden])');
    assert.equal(await out(page, 'dilution.maxOwnership'), '8.94%', hash.slice(0, 20));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // A well-formed link whose scenario carries markup and invalid numbers: shown as text, rejected.
  const { page } = await open(ctx.browser, ctx.server.url);
  const hostile = await page.evaluate(async () => {
    const { encodeShare } = await import('/src/share.js');
    return encodeShare({ name: '<script>window.__pwned=1</script>', equity: { sharePrice: -1 } }, { lang: 'en' });
  });
  const evil = await ctx.browser.newPage();
  await evil.goto(ctx.server.url + hostile);
  await evil.waitForSelector('body[data-ready="true"]');
  await evil.waitForSelector('#load-message:not([hidden])');
  assert.match(await evil.textContent('#load-message'), /invalid scenario/);
  assert.equal(await evil.evaluate(() => window.__pwned), undefined);
  assert.equal(await out(evil, 'dilution.maxOwnership'), '8.94%');
});

test('JSON export then import restores the scenario; CSV is clean', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.fill(field('equity.sharePrice'), '250');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent === '$40B');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = join(tmpdir(), `dealcalc-${process.pid}.json`);
  await json.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.scenario.equity.sharePrice, 250);

  // A formula-looking name must not become a formula in a spreadsheet.
  await page.fill(field('name'), '=HYPERLINK("http://evil","x")');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvFile = join(tmpdir(), `dealcalc-${process.pid}.csv`);
  await csvDownload.saveAs(csvFile);
  const csv = await readFile(csvFile, 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'deal,field,value');
  assert.ok(lines.some((l) => l.endsWith(',dilution.maxOwnership,0.0893854748603352')), 'ownership row');
  assert.ok(lines.slice(1).every((l) => l.startsWith('"\'=HYPERLINK(""http://evil"",""x"")",')), lines[1]);

  // Back to the preset, then open the saved file.
  await page.selectOption('#preset', 'amd-openai-2025');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent === '$32.6B');
  await page.setInputFiles('#import-json', file);
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent === '$40B');
  assert.equal(await page.inputValue(field('equity.sharePrice')), '250');
  // A file with markup in its text loads as text: the canary never fires.
  const hostile = JSON.parse(await readFile(file, 'utf8'));
  hostile.scenario.name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  hostile.scenario.sources[0].title = '<b onmouseover="window.__pwned=1">x</b>';
  const hostileFile = join(tmpdir(), `dealcalc-hostile-${process.pid}.json`);
  await writeFile(hostileFile, JSON.stringify(hostile));
  await page.setInputFiles('#import-json', hostileFile);
  await page.waitForFunction(() => document.querySelector('[data-path="name"]').value.startsWith('<img'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  // A broken file keeps the current scenario and says why.
  const bad = join(tmpdir(), `dealcalc-bad-${process.pid}.json`);
  await writeFile(bad, '{"scenario": {"name": 1}');
  await page.setInputFiles('#import-json', bad);
  await page.waitForSelector('#load-message:not([hidden])');
  assert.equal(await out(page, 'dilution.valueTransferUsd'), '$40B');
  assert.deepEqual(errors, []);
});

test('German: numbers, money and dates in German, remembered on reload, and a German link shows every panel in German', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await wholePage(page, `${RESULTS}/page-en.png`);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.equal(await out(page, 'dilution.maxOwnership'), '8,94 %');
  assert.equal(await out(page, 'capacity.capexUsd'), '300 Mrd. $');
  assert.equal(await page.inputValue(field('equity.sharePrice')), '203,71');
  // The first milestone: 1 GW delivered on 16 November 2026 (the first GW shipped from July,
  // the next generation's first deliveries from October), three months before online.
  assert.match(await text(page, '#details'), /16\.11\.2026/);
  assert.match(await text(page, '#details'), /1\.790\.000\.000/);
  assert.match(await text(page, '#details'), /185,50 \$/);
  assert.equal(await page.textContent('legend >> nth=0'), 'Deal');
  // Typing in German: a decimal comma.
  await page.fill(field('equity.sharePrice'), '250,5');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent.replace(/[\u00a0\u202f]/g, ' ') === '40,1 Mrd. $');
  await wholePage(page, `${RESULTS}/page-de.png`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#lang'), 'de');
  assert.equal(await out(page, 'dilution.maxOwnership'), '8,94 %');
  // A German link opened where the page speaks English: every panel in German.
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#s=1.'));
  const link = await page.inputValue('#share-url');
  const { page: reader, errors: readerErrors } = await open(ctx.browser, ctx.server.url);
  await reader.evaluate(() => localStorage.setItem('dealcalc.lang', 'en'));
  // A fresh load of the link (from another document: from the page itself, the link would only
  // change its hash, and body[data-ready] would already hold before the link is read).
  await reader.goto('about:blank');
  await reader.goto(link);
  await reader.waitForSelector('body[data-ready="true"]');
  assert.equal(await reader.inputValue('#lang'), 'de');
  const headings = await reader.evaluate(() => ['#valuation', '#pricing', '#compare', '#sensitivity', '#books', '#portfolio'].map((s) => document.querySelector(`${s} h2`).textContent));
  assert.deepEqual(headings, ['Den Optionsschein bewerten (Monte Carlo)', 'Eine Option bewerten (geschlossene Formel)', 'Deals vergleichen', 'Was das Ergebnis bewegt', 'In den Büchern des Emittenten', 'Portfolio: das Geflecht der Deals']);
  assert.deepEqual(errors, []);
  assert.deepEqual(readerErrors, []);
});

test('German: every problem beside its field in German, bounds in the field\'s unit', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  // A negative volatility (typed in percent): the core's range problem, written in German with
  // its bounds in percent.
  await page.fill(field('equity.volatility'), '-5');
  const problem = '[data-problem-for="equity.volatility"]';
  await page.waitForFunction((sel) => document.querySelector(sel).textContent !== '', problem);
  assert.equal(norm(await page.textContent(problem)), 'muss zwischen 0,01 und 500 % / Jahr liegen');
  assert.equal(await page.getAttribute(field('equity.volatility'), 'aria-invalid'), 'true');
  assert.equal(await page.inputValue(field('equity.volatility')), '-5', 'what was typed stays');
  // A problem from the reader (not a number) and one from the rules (a date order) too.
  await page.fill(field('equity.sharePrice'), 'abc');
  await page.waitForFunction(() => document.querySelector('[data-problem-for="equity.sharePrice"]').textContent !== '');
  assert.equal(await page.textContent('[data-problem-for="equity.sharePrice"]'), 'muss eine endliche Zahl sein');
  // Text that is not a number in an optional field is a problem too, never its default.
  await page.fill(field('capacity.costOfCapital'), 'abc');
  await page.waitForFunction(() => document.querySelector('[data-problem-for="capacity.costOfCapital"]').textContent !== '');
  assert.equal(await page.textContent('[data-problem-for="capacity.costOfCapital"]'), 'muss eine endliche Zahl sein');
  await page.fill(field('capacity.costOfCapital'), '');
  await page.waitForFunction(() => document.querySelector('[data-problem-for="capacity.costOfCapital"]').textContent === '');
  await page.fill(field('warrant.expiryDate'), '2020-01-01');
  await page.waitForFunction(() => /nach dem/.test(document.querySelector('[data-problem-for="warrant.expiryDate"]').textContent));
  // In English the same field says it in English, in percent.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.inputValue(field('equity.sharePrice')), 'abc', 'text that is not a number stays through a language change');
  assert.equal(await page.textContent('[data-problem-for="equity.sharePrice"]'), 'must be a finite number');
  await page.fill(field('equity.volatility'), '-5');
  await page.waitForFunction((sel) => /must be from 0.01 to 500 % \/ yr/.test(document.querySelector(sel).textContent), problem);
  assert.deepEqual(errors, []);
});

test('keyboard only: reach an input, change it, add a tranche and run the simulation', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.evaluate(() => localStorage.setItem('dealcalc.lang', 'en'));
  // Tab from the top until the share price field has focus.
  await page.focus('#lang');
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset?.path === 'equity.sharePrice');
  }
  assert.ok(reached, 'share price reachable by Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('600');
  await page.waitForFunction(() => document.querySelector('[data-out="dilution.valueTransferUsd"]').textContent === '$96B');
  // The add-tranche button works from the keyboard and moves focus to the new row.
  await page.focus('[data-add="warrant.tranches"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset?.path === 'warrant.tranches[6].shares');
  await page.waitForSelector('[data-problem-for="warrant.tranches"]:not(:empty), [data-problem-for="warrant.tranches[6].shares"]:not(:empty)');
  // Space on the run button starts a simulation.
  await page.fill('#valuation-paths', '2000');
  await page.fill('#valuation-stepsPerYear', '12');
  await page.focus('[aria-label="Remove Tranche 7"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-path="warrant.tranches[6].shares"]'));
  await page.focus('#valuation-run');
  await page.keyboard.press('Space');
  // The reader's run (not the live valuation of the edits before it) ends.
  await page.waitForFunction(() => {
    const s = document.querySelector('#valuation-status');
    return s.dataset.state === 'done' && s.dataset.live === 'false' && s.textContent.startsWith('Done: 2,000 paths');
  }, null, { timeout: 60000 });
  assert.deepEqual(errors, []);
});

test('results are announced politely once typing pauses', async () => {
  const { page, errors } = await open(ctx.browser, ctx.server.url);
  await page.fill(field('equity.sharesOutstanding'), '3000');
  await page.waitForFunction(() => /5\.06%/.test(document.querySelector('#announce').textContent));
  assert.equal(await page.getAttribute('#announce', 'aria-live'), 'polite');
  assert.deepEqual(errors, []);
});
