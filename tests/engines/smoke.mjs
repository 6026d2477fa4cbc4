// The page's smoke suite, written once against the adapter of tests/engines/engines.mjs and run
// by firefox.test.mjs and webkit.test.mjs. Each test waits for the state it checks (60 s at
// most), runs on an origin of its own (a server on a fresh loopback port, so that nothing one
// test stores, such as the language, reaches another) and ends with no console error in any
// page it opened. Screenshots: test-results/engine-<engine>-*.png.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionsCut, serve, SITE, WWW, RESULTS } from '../page/harness.mjs';
import { launch } from './engines.mjs';
import { SUPPORT_FILES, withRecorder } from './served.mjs';

// Intl puts (narrow) no-break spaces in German numbers; compare with plain spaces.
const norm = (s) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * A route for serve() that answers the suite's own files (the recorder, engines.mjs) and puts the recorder into every HTML
 * page of `root` (`pages` maps a path to a page's own text). Its `missing` lists every path
 * asked for that is not there (answered 404), but the browser's own /favicon.ico.
 */
function recording(root, pages = {}) {
  const missing = [];
  const route = async (path) => {
    if (SUPPORT_FILES[path] !== undefined) return { body: SUPPORT_FILES[path] };
    if (pages[path] !== undefined) return { body: withRecorder(await pages[path]) };
    try {
      await access(join(root, path));
    } catch {
      if (path !== '/favicon.ico') missing.push(path);
      return null;
    }
    if (path.endsWith('.html')) return { body: withRecorder(await readFile(join(root, path), 'utf8')) };
    return null;
  };
  route.missing = missing;
  return route;
}

/** A static server for `root` on a loopback port of its own, with the recorder. */
async function site(root, { headers = {}, pages = {} } = {}) {
  const route = recording(root, pages);
  const server = await serve(root, { headers, route });
  return { ...server, missing: route.missing };
}

const TEST = { timeout: 240_000 };

export function smoke(engine) {
  describe(engine, () => {
    let browser;
    const pages = [];
    before(async () => {
      await mkdir(RESULTS, { recursive: true });
      browser = await launch(engine);
      console.log(`${engine}: ${browser.version}`);
    });
    after(async () => {
      await browser?.close();
    });

    /** A new page (its own window or context) at `url`, once the page says it is ready. */
    async function open(url, size) {
      const page = await browser.newPage(size);
      pages.push(page);
      await page.goto(url);
      await page.waitFor(() => document.body.dataset.ready === 'true');
      return page;
    }

    /** Every page a test opened: no console error in any, then closed; nothing asked of the
     *  sites that they do not have. */
    async function noErrorsAndClose(...sites) {
      const opened = pages.splice(0);
      const errors = [];
      for (const page of opened) errors.push(...await page.consoleErrors());
      for (const page of opened) await page.close();
      assert.deepEqual(errors, [], `${engine}: console errors`);
      for (const { url, missing } of sites) assert.deepEqual(missing, [], `${engine}: not found on ${url}`);
    }

    /** The test body with a fresh calculator site; its pages closed (and checked) after. */
    function withSite(name, body, { headers = {}, todo } = {}) {
      test(`${engine}: ${name}`, { ...TEST, todo }, async () => {
        const calculator = await site(SITE, { headers });
        try {
          await body(calculator);
          await noErrorsAndClose(calculator);
        } finally {
          for (const page of pages.splice(0)) await page.close().catch(() => {});
          await calculator.close();
        }
      });
    }

    const out = (page, path) => page.evaluate((p) => document.querySelector(`[data-out="${p}"]`)?.textContent ?? null, path);
    const text = (page, selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
    const value = (page, selector) => page.evaluate((s) => document.querySelector(s)?.value ?? null, selector);
    const ownershipIs = (page, expected) => page.waitFor((x) => document.querySelector('[data-out="dilution.maxOwnership"]').textContent.replace(/[\u00a0\u202f]/g, ' ') === x, expected);
    const finalValuation = async (page) => {
      await page.waitFor(() => document.querySelector('[data-out="headline.fairValue"]').dataset.state === 'final'
        && document.querySelector('#details').dataset.valuation === 'final');
    };
    const field = (path) => `[data-path="${path}"]`;
    /** The page with every panel drawn (the page draws those far below the screen lazily). */
    const allDrawn = (page, on) => page.evaluate((on) => new Promise((resolve) => {
      document.documentElement.classList.toggle('all-drawn', on);
      requestAnimationFrame(() => requestAnimationFrame(resolve));
    }), on);

    withSite('loads to the first numbers (8.94% for AMD–OpenAI), at 1280 and 390 px', async (site) => {
      for (const width of [1280, 390]) {
        const page = await open(site.url, { width, height: width > 1000 ? 900 : 844 });
        await ownershipIs(page, '8.94%');
        assert.equal(await value(page, '#preset'), 'amd-openai-2025');
        assert.equal(await out(page, 'capacity.totalGw'), '6 GW');
        assert.equal(await page.evaluate(() => window.innerWidth), width);
        await allDrawn(page, true);
        await page.screenshot(`${RESULTS}/engine-${engine}-${width}.png`, { fullPage: true });
        await allDrawn(page, false);
      }
    });

    // WebKit (WebKitGTK 2.50) counted a <select>'s widest option in the page's scroll width
    // (the tornado's outputs: 36 px of sideways scroll at 390 px) until style.css gave selects
    // paint containment.
    withSite('no sideways scroll at 390 px, every caption whole', async (site) => {
      const page = await open(site.url, { width: 390, height: 844 });
      await ownershipIs(page, '8.94%');
      await allDrawn(page, true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `390 px: the page scrolls sideways by ${overflow} px`);
      // The tables' captions wrap within the boxes that show them (style.css).
      assert.deepEqual(await page.evaluate(captionsCut), [], '390 px: captions cut');
    });

    // JavaScriptCore (WebKitGTK 2.50) keeps the currency's 2 fraction digits as the minimum in
    // compact notation ("$300.0B") unless told otherwise (www/i18n.js fmt.usd).
    withSite('compact money as ECMA-402 prints it: $300B of capex', async (site) => {
      const page = await open(site.url);
      await ownershipIs(page, '8.94%');
      assert.equal(await out(page, 'capacity.capexUsd'), '$300B');
    });

    // Firefox ESR 153 kept a panel, once drawn, at the size it remembered while skipped (26 px
    // for the portfolio and the methodology) until style.css dropped the panels' containment in
    // the drawn state; section jumps, screenshots and printing draw every panel this way.
    withSite('every panel drawn takes its own height', async (site) => {
      const page = await open(site.url);
      await ownershipIs(page, '8.94%');
      await allDrawn(page, true);
      const heights = await page.evaluate(() => Object.fromEntries(['valuation', 'books', 'portfolio', 'pricing', 'methodology']
        .map((id) => [id, Math.round(document.getElementById(id).getBoundingClientRect().height)])));
      for (const [id, h] of Object.entries(heights)) assert.ok(h > 200, `#${id} is ${h} px high: ${JSON.stringify(heights)}`);
    });

    withSite('the live fair value appears with no click', async (site) => {
      const page = await open(site.url);
      await finalValuation(page);
      assert.match(norm(await out(page, 'headline.fairValue')), /^\$\d/);
    });

    withSite('an edit changes the headline', async (site) => {
      const page = await open(site.url);
      await ownershipIs(page, '8.94%');
      // 160 M warrant shares on 2,000 M outstanding: 160 / 2,160 = 7.41%.
      await page.fill(field('equity.sharesOutstanding'), '2000');
      await ownershipIs(page, '7.41%');
      assert.equal(await value(page, field('equity.sharesOutstanding')), '2000');
      await finalValuation(page);
    });

    withSite('German: a problem shown beside its field, in German', async (site) => {
      const page = await open(site.url);
      await page.select('#lang', 'de');
      await page.waitFor(() => document.documentElement.lang === 'de');
      await ownershipIs(page, '8,94 %');
      assert.equal(await value(page, field('equity.sharePrice')), '203,71');
      // A negative volatility (typed in percent): the range problem in German, bounds in percent.
      await page.fill(field('equity.volatility'), '-5');
      const problem = '[data-problem-for="equity.volatility"]';
      await page.waitFor((sel) => document.querySelector(sel).textContent !== '', problem);
      assert.equal(norm(await text(page, problem)), 'muss zwischen 0,01 und 500 % / Jahr liegen');
      const input = await page.evaluate((path) => {
        const e = document.querySelector(`[data-path="${path}"]`);
        return { value: e.value, invalid: e.getAttribute('aria-invalid'), describedBy: e.getAttribute('aria-describedby') };
      }, 'equity.volatility');
      assert.deepEqual(input, { value: '-5', invalid: 'true', describedBy: 'e-equity.volatility' });
      // Beside its field: shown, within a line or two below (or beside) the input, overlapping it
      // horizontally, and named by the input's aria-describedby.
      const boxes = await page.evaluate(({ path, sel }) => {
        const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; };
        const input = document.querySelector(`[data-path="${path}"]`);
        const problem = document.querySelector(sel);
        return { input: box(input), problem: box(problem), id: problem.id, sameField: Boolean(input.closest('.field')) && input.closest('.field') === problem.closest('.field') };
      }, { path: 'equity.volatility', sel: problem });
      assert.equal(boxes.id, 'e-equity.volatility');
      assert.ok(boxes.sameField, 'in the field\'s own box');
      assert.ok(boxes.problem.height > 0, 'the problem is shown');
      // Under the input and its one-line help, overlapping it sideways.
      assert.ok(boxes.problem.top >= boxes.input.bottom - 1 && boxes.problem.top - boxes.input.bottom < 150, `beside its field: ${JSON.stringify(boxes)}`);
      assert.ok(boxes.problem.left < boxes.input.right && boxes.problem.right > boxes.input.left, `beside its field: ${JSON.stringify(boxes)}`);
      // A problem from the reader: text that is not a number.
      await page.fill(field('equity.sharePrice'), 'abc');
      await page.waitFor(() => document.querySelector('[data-problem-for="equity.sharePrice"]').textContent === 'muss eine endliche Zahl sein');
      await page.screenshot(`${RESULTS}/engine-${engine}-problem-de.png`);
    });

    withSite('a share link reproduces an edited deal\'s figures in a fresh page', async (site) => {
      const page = await open(site.url);
      await page.fill(field('equity.sharesOutstanding'), '2000');
      await page.fill(field('warrant.tranches[5].priceTarget'), '650');
      await ownershipIs(page, '7.41%');
      await page.waitFor(() => document.querySelector('[data-path="warrant.tranches[5].priceTarget"]').value === '650');
      // The live valuation of the edited deal is part of the figures: wait for its final value.
      await finalValuation(page);
      const figures = (p) => p.evaluate(() => ({
        headline: document.querySelector('#headline').textContent,
        details: document.querySelector('#details').textContent,
      }));
      const before = await figures(page);
      await page.click('#share');
      await page.waitFor(() => document.querySelector('#share-url').value.includes('#s=1.'));
      const url = await value(page, '#share-url');
      assert.ok(url.startsWith(site.url), url);
      const other = await open(url);
      await ownershipIs(other, '7.41%');
      assert.equal(await value(other, field('warrant.tranches[5].priceTarget')), '650');
      await finalValuation(other);
      const after = await figures(other);
      assert.equal(after.headline, before.headline);
      assert.equal(after.details, before.details);
      assert.match(before.headline, /7\.41%/);
    });

    test(`${engine}: the element on a strict-CSP page of another origin renders its numbers`, TEST, async () => {
      const calculator = await site(SITE, { headers: { 'access-control-allow-origin': '*' } });
      const origin = new URL(calculator.url).origin;
      const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${origin}; style-src 'self' ${origin}; connect-src ${origin}; frame-src ${origin}`;
      // csp.html as a host on another origin serves it (as tests/page/embed.test.mjs does): the
      // policy comes as a header, so the meta tag goes, and "../" is the calculator's origin.
      const html = (await readFile(`${WWW}/examples/csp.html`, 'utf8'))
        .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        .replaceAll('"../', `"${calculator.url}`);
      assert.ok(!html.includes('http-equiv') && html.includes(`${calculator.url}deal-calculator.js`));
      const host = await site(`${WWW}/examples`, { headers: { 'content-security-policy': policy }, pages: { '/article.html': html } });
      try {
        assert.notEqual(new URL(host.url).origin, origin);
        const page = await browser.newPage({ width: 1280, height: 900 });
        pages.push(page);
        await page.goto(`${host.url}article.html`);
        // Both elements render their numbers.
        for (const element of ['deal-calculator.branded', 'deal-calculator[view="full"]']) {
          await page.waitFor((sel) => /\d/.test(document.querySelector(sel).shadowRoot.querySelector('[data-out="capacity.capexUsd"] [part="value"]').textContent), element);
        }
        const card = await page.evaluate(() => {
          const root = document.querySelector('deal-calculator.branded').shadowRoot;
          return { cards: root.querySelectorAll('[part="card"]').length, forms: root.querySelectorAll('form').length, ownership: root.querySelector('[data-out="dilution.maxOwnership"] [part="value"]')?.textContent };
        });
        assert.deepEqual(card, { cards: 6, forms: 0, ownership: '8.94%' });
        assert.match(await page.evaluate(() => document.querySelector('deal-calculator[view="full"]').shadowRoot.querySelector('[part="label"]').textContent), /Kapazität/);
        // The host's theme reaches the card through its custom property.
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('deal-calculator.branded').shadowRoot.querySelector('[part="value"]')).color), 'rgb(170, 0, 85)');
        // The iframe, once in view, reports its height to embed-resize.js.
        await page.evaluate(() => document.querySelector('iframe[data-dealcalc]').scrollIntoView({ behavior: 'instant' }));
        await page.waitFor(() => Number(document.querySelector('iframe[data-dealcalc]').dataset.dealcalcHeight) > 300);
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
        await page.screenshot(`${RESULTS}/engine-${engine}-embed.png`, { fullPage: true });
        await noErrorsAndClose(host, calculator);
      } finally {
        for (const page of pages.splice(0)) await page.close().catch(() => {});
        await host.close();
        await calculator.close();
      }
    });

    withSite('the portfolio view: totals and the money-flow diagram for the default selection', async (site) => {
      const page = await open(site.url);
      await page.waitFor(() => document.querySelectorAll('#portfolio-flows svg path.flow').length > 0
        && /^\d+(\.\d+)? GW$/.test(document.querySelector('[data-out="portfolio.gwChips"]').textContent));
      const view = await page.evaluate(() => ({
        rows: document.querySelectorAll('#portfolio-flows tbody tr').length,
        openai: document.querySelector('#portfolio-amd-openai-2025').checked,
        meta: document.querySelector('#portfolio-amd-meta-2026').checked,
        label: document.querySelector('#portfolio-flows path.flow').getAttribute('aria-label'),
      }));
      assert.ok(view.rows >= 7, `a row a flow: ${view.rows}`);
      assert.deepEqual([view.openai, view.meta], [true, false]);
      assert.match(view.label, /→/);
      // AMD as issuer: its two warrants combined. The click waits for the page to hold still:
      // the live valuation and the books, which arrive after the first numbers, move the
      // sections above the portfolio as they draw their figures.
      await page.waitFor(() => document.querySelector('[data-out="headline.fairValue"]')?.dataset.state === 'final'
        && document.querySelector('#books-status')?.dataset.state === 'done');
      await page.evaluate(() => {
        const button = [...document.querySelectorAll('#portfolio button')].find((b) => b.textContent === 'AMD as issuer');
        button.dataset.engineTest = 'amd-issuer';
      });
      // And for the button to hold still on screen: the panels near the screen are drawn as the
      // page scrolls there (content-visibility), and their true sizes move what is below them
      // (once, in WebKit, out of view between the scroll and the click). Each poll puts the
      // button back in view; it is clicked once two polls in a row find it at one place.
      await page.waitFor(() => {
        const button = document.querySelector('[data-engine-test="amd-issuer"]');
        const place = () => Math.round(button.getBoundingClientRect().top);
        const top = place();
        const inView = top > 0 && top + button.offsetHeight < innerHeight;
        const still = inView && button.dataset.top === String(top);
        if (!inView) button.scrollIntoView({ behavior: 'instant', block: 'center' });
        button.dataset.top = String(place());
        return still;
      });
      await page.click('[data-engine-test="amd-issuer"]');
      await page.waitFor(() => /Combined dilution/.test(document.querySelector('#portfolio-results').textContent)
        && /16\.41%/.test(document.querySelector('#portfolio-results').textContent));
      await page.evaluate(() => document.querySelector('#portfolio-flows').scrollIntoView({ behavior: 'instant', block: 'center' }));
      await page.waitFor(() => document.querySelectorAll('#portfolio-flows svg path.flow').length > 0);
      await page.screenshot(`${RESULTS}/engine-${engine}-portfolio.png`);
    });
  });
}
