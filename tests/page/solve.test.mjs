// Goal seek (issue 29): the methodology's worked example fills the control in the sensitivity
// section and runs it in a worker, with progress; a target out of reach is a problem beside the
// target naming both ends in the unit typed. In English and German, at 390 and 1,280 px, axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS, axe, drawAllPanels, openAt, suite } from './harness.mjs';

const ctx = suite();
const WORDS = { en: { outside: /is outside what the input reaches between the two ends: \d+(\.\d+)? to \d+(\.\d+)? %/, gives: /Volatility = .* gives 5(\.0\d)?%/ },
  de: { outside: /liegt außerhalb dessen, was die Eingabe zwischen den beiden Enden erreicht: \d+(,\d+)? bis \d+(,\d+)? %/, gives: /Volatilität = .* ergibt 5(,0\d)?\s%/ } };


const settled = (page) => page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('#solve-status')?.dataset.state), null, { timeout: 120000 });

for (const lang of ['en', 'de']) {
  for (const width of [390, 1280]) {
    test(`${lang} at ${width} px: the worked example solves for the volatility; a target out of reach names both ends`, async () => {
      const w = WORDS[lang];
      const { page, context, errors } = await openAt(ctx.browser, ctx.server.url, lang, width);
      await page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });
      await drawAllPanels(page);
      await page.click('#example-volatility');
      await settled(page);
      assert.equal(await page.getAttribute('#solve-status', 'data-state'), 'done');
      const value = Number(await page.getAttribute('#solve-status', 'data-value'));
      const output = Number(await page.getAttribute('#solve-status', 'data-output'));
      assert.ok(value > 0.1 && value < 0.55, `volatility ${value}`);
      assert.ok(Math.abs(output - 0.05) < 0.005, `reduction share ${output}`);
      assert.match(await page.textContent('#solve-status'), w.gives);
      assert.equal(await page.evaluate(() => document.querySelector('#solve-progress').value), 1);
      // The first price target alone cannot bring the books down to 5%: both ends named.
      await page.click('#example-target');
      await settled(page);
      assert.match(await page.textContent('[data-problem-for="spec.target"]'), w.outside);
      assert.equal(await page.getAttribute('#solve-target', 'aria-invalid'), 'true');
      assert.deepEqual(await axe(page, '#sensitivity'), [], `${lang} ${width} goal seek`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      await page.locator('#solve').screenshot({ path: `${RESULTS}/solve-${lang}-${width}.png` });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
