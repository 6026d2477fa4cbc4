// The live valuation's latencies in Chromium (issue 17), on fresh pages: from the frame that
// paints the first report to the headline's provisional fair value (no click); then, with the
// load's run still in the workers, the reader types a new share price, and from the last input
// event to the first figure for the edited deal, and to its final figure; and the live books
// (issue 29): from the final fair value to the books' final figures, after load and after the
// edit. Prints one JSON line of sorted samples: {loadToProvisionalMs, editToProvisionalMs,
// editToFinalMs, booksAfterLoadMs, booksAfterEditMs}.
import { serve, launch } from '../page/harness.mjs';

const N = Number(process.env.SAMPLES ?? 7);
const server = await serve();
const browser = await launch();
const loads = [];
const samples = [];
const finals = [];
const booksLoad = [];
const booksEdit = [];
/** The latest books' final figures after the latest final fair value, in ms. */
const booksLag = (page) => page.waitForFunction(() => {
  const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
  const fair = last('dealcalc:fair-value-final');
  const books = last('dealcalc:books-final');
  return fair != null && books != null && books > fair && document.querySelector('#books-status').dataset.state === 'done' ? books - fair : false;
}, null, { timeout: 60000 }).then((h) => h.jsonValue()).then(Math.round);
try {
  for (let i = 0; i < N; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const card = '[data-out="headline.fairValue"]';
    await page.waitForSelector(`${card}[data-state]`, { timeout: 30000 });
    loads.push(Math.round(await page.evaluate((sel) => Number(document.querySelector(sel).dataset.ms)
      - performance.getEntriesByName('dealcalc:first-numbers')[0].startTime, card)));
    if (i === 0) {
      // The books' lag after load, on pages of their own (the edit below comes mid-run).
      for (let k = 0; k < N; k++) {
        const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await p.goto(server.url);
        booksLoad.push(await booksLag(p));
        await p.close();
      }
    }
    // Mid-run: the load's live valuation is in the workers.
    await page.waitForTimeout(60 + 20 * i);
    await page.evaluate(() => document.addEventListener('input', () => { window.lastEdit = performance.now(); }, true));
    const price = String(180 + i);
    await page.click('[data-path="equity.sharePrice"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(price, { delay: 30 });
    await page.waitForSelector(`${card}[data-price="${price}"]`, { timeout: 30000 });
    const r = await page.evaluate((sel) => ({ ms: Number(document.querySelector(sel).dataset.ms), edit: window.lastEdit, state: document.querySelector(sel).dataset.state }), card);
    samples.push(Math.round(r.ms - r.edit));
    await page.waitForSelector(`${card}[data-state="final"][data-price="${price}"]`, { timeout: 30000 });
    const f = await page.evaluate(() => performance.now());
    finals.push(Math.round(f - r.edit));
    booksEdit.push(await booksLag(page));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const a of [loads, samples, finals, booksLoad, booksEdit]) a.sort((x, y) => x - y);
console.log(JSON.stringify({ loadToProvisionalMs: loads, editToProvisionalMs: samples, editToFinalMs: finals, booksAfterLoadMs: booksLoad, booksAfterEditMs: booksEdit }));
