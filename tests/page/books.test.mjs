// The books panel (issue 29): live after the fair value, with no click; the treatment, the
// attribution and the adoption date, with the rules each quarter follows and the transition
// said in words; the headline's discount on the fair value. In English and German, at 390 and
// 1,280 px, with axe-core's WCAG 2.1 A/AA rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS, axe, openAt, suite } from './harness.mjs';

const ctx = suite();
const WORDS = {
  en: { early: /Early adoption is assumed/, transition: /From 2027-Q1: ASU 2025-04.*modified retrospective/, prior: 'service condition', contract: /Attribution over the contract/, occurred: /expected reversals/ },
  de: { early: /Vorzeitige Anwendung ist unterstellt/, transition: /Ab 2027-Q1: ASU 2025-04.*modifiziert retrospektiv/, prior: 'Dienstbedingung', contract: /Zuordnung über den Vertrag/, occurred: /erwarteter Rückbuchungen/ },
};



const done = (page) => page.waitForFunction(() => document.querySelector('#books-status')?.dataset.state === 'done', null, { timeout: 60000 });

for (const lang of ['en', 'de']) {
  for (const width of [390, 1280]) {
    test(`${lang} at ${width} px: the books live, their treatment, attribution and adoption, and the headline's discount`, async () => {
      const w = WORDS[lang];
      const { page, context, errors } = await openAt(ctx.browser, ctx.server.url, lang, width);
      // The headline's discount divides the fair value by the PV of expected vendor income.
      await page.waitForSelector('[data-out="headline.discount"][data-state="final"]', { timeout: 60000 });
      const discount = Number(await page.getAttribute('[data-out="headline.discount"]', 'data-value'));
      assert.equal(await page.locator('#headline [data-out="dilution.effectiveDiscount"]').count(), 0, 'the intrinsic ratio is not the headline discount');
      // Live: no click. ASU 2025-04 from the grant, said to be early adoption; tranche attribution.
      await done(page);
      await page.locator('#books').scrollIntoViewIfNeeded();
      assert.match(await page.textContent('#books-rules'), w.early);
      const share = Number(await page.getAttribute('[data-out="books.share"]', 'data-value'));
      assert.ok(share > 0 && share < discount, `${share} of revenue vs ${discount} of PV`);
      // Adopted at AMD's fiscal 2027: the quarters before follow the service condition.
      await page.fill('#books-adoption', '2026-12-27');
      await page.click('#books-run');
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#books-rules')?.textContent), w.transition.source, { timeout: 60000 });
      await done(page);
      const rules = await page.locator('#books-chart tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
      assert.ok(rules.every(([q, r]) => (q < '2027-Q1') === (r === w.prior) || (q >= '2027-Q1' && r === 'ASU 2025-04')), JSON.stringify(rules));
      assert.ok(rules.some(([, r]) => r === w.prior));
      assert.deepEqual(await axe(page, '#books'), [], `${lang} ${width} books with an adoption date`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      await page.locator('#books').screenshot({ path: `${RESULTS}/books-${lang}-${width}.png` });
      // Over the contract, and forfeitures as they occur.
      await page.fill('#books-adoption', '');
      await page.selectOption('#books-attribution', 'contract');
      await page.selectOption('#books-standard', 'as-occurred');
      await page.click('#books-run');
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#books-rules')?.textContent), w.contract.source, { timeout: 60000 });
      await done(page);
      assert.match(await page.textContent('[data-out="books.asOccurred"]'), /\$|\u00a0\$/);
      assert.match(await page.textContent('#books-results'), w.occurred);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// The state the race needs, made: the live books done in English, then the language changed.
// The panel is mounted again in German, empty; it must follow the final fair value again.
test('a language change after the live books draws them again, in the new language', async () => {
  const { page, context, errors } = await openAt(ctx.browser, ctx.server.url, 'en', 1280);
  await done(page);
  assert.match(await page.textContent('#books-rules'), WORDS.en.early);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await done(page);
  assert.match(await page.textContent('#books-rules'), WORDS.de.early);
  assert.deepEqual(errors, []);
  await context.close();
});
