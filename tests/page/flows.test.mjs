// The portfolio of every deal in force: the money-flow diagram stays legible (small flows
// grouped per payer, a filter by party, the table beside it), the cross-layer range, the
// stakes and the parties' stated totals; in English and German, at 390 and 1,280 px, with
// axe-core's WCAG 2.1 A/AA rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS, axe, openAt, suite } from './harness.mjs';

const ctx = suite();
const WORDS = {
  en: { all: 'All deals', grouped: /smaller flows/, stakes: 'Stakes bought at a post-money valuation' },
  de: { all: 'Alle Deals', grouped: /kleinere Flüsse/, stakes: 'Beteiligungen zu einer Post-Money-Bewertung' },
};



for (const lang of ['en', 'de']) {
  for (const width of [390, 1280]) {
    test(`${lang} at ${width} px: every deal in one portfolio, its flows grouped and filtered by party`, async () => {
      const w = WORDS[lang];
      const { page, context, errors } = await openAt(ctx.browser, ctx.server.url, lang, width);
      await page.locator('#portfolio').scrollIntoViewIfNeeded();
      await page.click(`#portfolio button:has-text("${w.all}")`);
      await page.waitForFunction(() => document.querySelectorAll('#portfolio-flows tbody tr').length >= 20);
      // The warrants of the selection valued (the flows redrawn at fair value) before the checks.
      await page.waitForSelector('#portfolio-warrants[data-state="done"]', { timeout: 120000 });
      const rows = await page.locator('#portfolio-flows tbody tr').count();
      const parties = await page.locator('#portfolio-flow-party option').count() - 1;
      assert.ok(parties >= 15, `${parties} parties`);
      // The diagram draws fewer bands than there are flows: the small ones are grouped per payer,
      // and a grouped band names each flow it stands for.
      const bands = await page.locator('#portfolio-flows path.flow').count();
      assert.ok(bands < rows, `${bands} bands for ${rows} flows`);
      const grouped = page.locator('#portfolio-flows path.flow-grouped');
      assert.ok(await grouped.count() >= 1);
      assert.match(await grouped.first().getAttribute('aria-label'), w.grouped);
      if (width >= 1280) {
        await grouped.first().focus();
        assert.match(await page.textContent('#portfolio-flows .flow-named'), w.grouped);
      }
      // The filter keeps one party's flows, in the table and the diagram.
      await page.selectOption('#portfolio-flow-party', 'Anthropic');
      await page.waitForFunction((n) => document.querySelectorAll('#portfolio-flows tbody tr').length < n, rows);
      const kept = await page.locator('#portfolio-flows tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent)));
      assert.ok(kept.length >= 5 && kept.every((pair) => pair.includes('Anthropic')), JSON.stringify(kept));
      // The filter stays through a redraw of the panel (here: the selection changed and back).
      const box = page.locator('#portfolio-amd-meta-2026');
      await box.uncheck();
      await page.waitForSelector('#portfolio-warrants[data-state="done"]', { timeout: 120000 });
      await box.check();
      await page.waitForSelector('#portfolio-warrants[data-state="done"]', { timeout: 120000 });
      assert.equal(await page.inputValue('#portfolio-flow-party'), 'Anthropic');
      // Stakes and the parties' own totals beside the deals' sums.
      assert.ok(await page.getByRole('region', { name: w.stakes }).count() >= 1);
      assert.ok(await page.locator('#portfolio-stated tbody tr').count() >= 1);
      assert.deepEqual(await axe(page, '#portfolio'), [], `${lang} ${width} portfolio of every deal`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      await page.locator('#portfolio-flows').screenshot({ path: `${RESULTS}/portfolio-flows-${lang}-${width}.png` });
      await page.selectOption('#portfolio-flow-party', '');
      await page.waitForFunction((n) => document.querySelectorAll('#portfolio-flows tbody tr').length === n, rows);
      await page.locator('#portfolio-results').screenshot({ path: `${RESULTS}/portfolio-all-${lang}-${width}.png` });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

for (const lang of ['en', 'de']) {
  test(`${lang}: a deal's own circularity counts every money kind, in the headline`, async () => {
    const { page, context, errors } = await openAt(ctx.browser, ctx.server.url, lang, 390);
    // Microsoft invests $5B in Anthropic, which pays Microsoft $30B for Azure: one sixth comes back.
    await page.selectOption('#preset', 'microsoft-anthropic-2025');
    const out = '[data-out="circularity.ratio"]';
    await page.waitForSelector(out);
    assert.match(await page.textContent(out), lang === 'de' ? /16,7\s%/ : /16\.7%/);
    // AMD–OpenAI: no money comes back (equity given is not money), so no such card.
    await page.selectOption('#preset', 'amd-openai-2025');
    await page.waitForFunction((sel) => !document.querySelector(sel), out);
    // AWS–OpenAI: Amazon's investment counts against AWS's contract (AWS is Amazon's).
    await page.selectOption('#preset', 'aws-openai-2025');
    await page.waitForSelector(out);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
