// Embedding: a host page on a second localhost port, under a strict Content-Security-Policy
// header, with two <deal-calculator> elements and one iframe (www/examples/csp.html). Run twice:
// the calculator served from its own origin (the host allows that origin), and self-hosted
// under exactly `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, SITE, WWW, RESULTS, wholePage } from './harness.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** csp.html as the host serves it: the policy comes as a header, so the meta tag goes. */
async function hostPage(calculatorBase) {
  const html = await readFile(`${WWW}/examples/csp.html`, 'utf8');
  const out = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replaceAll('"../', `"${calculatorBase}`);
  assert.ok(!out.includes('http-equiv'));
  return out;
}

// Recorded in every frame before any of its scripts run.
function recorders() {
  window.__violations = [];
  window.__events = [];
  window.__messages = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  document.addEventListener('dealcalc-change', (e) => window.__events.push(e.detail.results));
  window.addEventListener('message', (e) => window.__messages.push(e.data));
}

async function checkEmbedding({ url, calculatorOrigin, hostRequests, name, width = 1280 }) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(recorders);
  const requests = [];
  const consoleLines = [];
  page.on('request', (r) => requests.push({ url: r.url(), top: r.frame() === page.mainFrame() }));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()} @ ${m.location().url}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e}`));
  await page.goto(url);

  // Both elements render their numbers.
  const card = page.locator('deal-calculator.branded');
  const full = page.locator('deal-calculator[view="full"]');
  for (const calc of [card, full]) {
    const capex = calc.locator('[data-out="capacity.capexUsd"] [part="value"]');
    await capex.waitFor({ timeout: 15000 });
    assert.match(await capex.textContent(), /\d/);
  }
  assert.equal(await card.locator('[part="card"]').count(), 6, 'AMD–OpenAI card: 3 capacity + 3 dilution numbers');
  assert.equal(await card.locator('form').count(), 0, 'the card view has no inputs');
  assert.match(await full.locator('[part="label"]').first().textContent(), /Kapazität/, 'lang="de" renders German');

  // The theme variable and a ::part rule from the host's stylesheet apply to one element only.
  const color = (loc) => loc.evaluate((e) => getComputedStyle(e).color);
  assert.equal(await color(card.locator('[part="value"]').first()), 'rgb(170, 0, 85)');
  assert.notEqual(await color(full.locator('[part="value"]').first()), 'rgb(170, 0, 85)');
  assert.equal(await card.locator('[part="title"]').evaluate((e) => getComputedStyle(e).textTransform), 'uppercase');

  // The change event fired for each element's first numbers, and fires on input with the new
  // headline: Nvidia–OpenAI is 10 GW, so $50 B per GW is $500 B of capex.
  await page.waitForFunction(() => window.__events.length >= 2);
  const capexInput = full.locator('input[id="dc-capacity-capexPerGwUsd"]');
  await capexInput.fill('50');
  await page.waitForFunction(() => window.__events.some((r) => r.capexUsd === 5e11));
  const last = await page.evaluate(() => window.__events.at(-1));
  assert.equal(last.totalGw, 10);
  assert.equal(last.name, await full.locator('[part="title"]').textContent());
  // A bad value: the problem shows beside the field, the text stays, no event, no panic.
  const before = await page.evaluate(() => window.__events.length);
  await capexInput.fill('-5');
  const error = full.locator('#dc-capacity-capexPerGwUsd-error');
  await error.waitFor();
  assert.ok((await error.textContent()).length > 0);
  assert.equal(await capexInput.inputValue(), '-5');
  assert.equal(await capexInput.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => window.__events.length), before);
  await capexInput.fill('50');
  await page.waitForFunction((n) => window.__events.length > n, before);

  // The iframe reports its height, which embed-resize.js applies; the message is size only.
  const frame = page.locator('iframe[data-dealcalc]');
  await page.waitForFunction(() => Number(document.querySelector('iframe[data-dealcalc]')?.dataset.dealcalcHeight) > 300, null, { timeout: 15000 });
  // Once in view, the frame is exactly as high as its document.
  await frame.scrollIntoViewIfNeeded();
  const iframe = page.frames().find((f) => f !== page.mainFrame());
  const inside = await iframe.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('iframe[data-dealcalc]').dataset.dealcalcHeight === String(h), inside);
  assert.equal(await frame.evaluate((f) => f.style.height), `${inside}px`);
  assert.equal(await frame.evaluate((f) => f.getBoundingClientRect().height), inside);
  const inner = page.frameLocator('iframe[data-dealcalc]').locator('[data-out="capacity.capexUsd"] [part="value"]');
  assert.match(await inner.textContent(), /\d/);
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 1);
  for (const m of messages) assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);

  await wholePage(page, `${RESULTS}/embed-${name}-${width}.png`);
  // No sideways scroll on the host page nor in the frame, at this width.
  const overflow = (f) => f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow(page) <= 0, `${width} px: the host page scrolls sideways`);
  assert.ok(await overflow(iframe) <= 0, `${width} px: the frame scrolls sideways`);

  // No CSP violation anywhere, no error in the console (the host has no favicon.ico: its 404
  // is the host's, not the calculator's).
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(await iframe.evaluate(() => window.__violations), []);
  const errors = consoleLines.filter((l) => /^(error|pageerror)|Content Security Policy/.test(l));
  assert.deepEqual(errors.filter((l) => !/status of 404.* @ \S+\/favicon\.ico$/.test(l)), []);

  // Only the calculator's origin was asked for anything, besides the host's own page and
  // stylesheet; the two elements fetched one .wasm (one instance), the iframe its own.
  const calls = requests.map((r) => ({ ...r, u: new URL(r.url) }));
  const foreign = calls.filter((r) => r.u.origin !== calculatorOrigin && !hostRequests.includes(r.u.href));
  assert.deepEqual(foreign.map((r) => r.url), []);
  assert.ok(calls.filter((r) => r.u.origin === calculatorOrigin).length > 5);
  assert.equal(calls.filter((r) => r.top && r.u.pathname.endsWith('.wasm')).length, 1);
  // The card and full views load the core build alone: no line of the full build, JS or Wasm.
  const topPaths = calls.filter((r) => r.top).map((r) => r.u.pathname);
  assert.ok(topPaths.some((p) => p.endsWith('/pkg/core_bg.wasm')), 'the elements load the core build');
  assert.deepEqual(topPaths.filter((p) => /\/pkg\/dealcalc(_bg\.wasm|\.js)$/.test(p)), [], 'the elements load nothing of the full build');

  // The recorder is live: an injected inline script is refused and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  await page.close();
}

test('two elements and an iframe on a strict-CSP host page of another origin', async () => {
  const calculator = await serve(SITE, { headers: { 'access-control-allow-origin': '*' } });
  const origin = new URL(calculator.url).origin;
  const policy = `${STRICT.replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${origin}`).replace("style-src 'self'", `style-src 'self' ${origin}`)}; connect-src ${origin}; frame-src ${origin}`;
  const body = await hostPage(calculator.url);
  const host = await serve(`${WWW}/examples`, {
    headers: { 'content-security-policy': policy },
    route: (path) => (path === '/article.html' ? { body } : null),
  });
  try {
    assert.notEqual(new URL(host.url).origin, origin);
    await checkEmbedding({
      url: `${host.url}article.html`,
      calculatorOrigin: origin,
      hostRequests: [`${host.url}article.html`, `${host.url}host.css`, `${host.url}favicon.ico`],
      name: 'cross-origin',
    });
  } finally {
    await host.close();
    await calculator.close();
  }
});

test('self-hosted under exactly the strict policy', async () => {
  const body = await hostPage('../');
  const host = await serve(SITE, {
    headers: { 'content-security-policy': STRICT },
    route: (path) => (path === '/examples/article.html' ? { body } : null),
  });
  try {
    for (const width of [1280, 390]) {
      await checkEmbedding({ url: `${host.url}examples/article.html`, calculatorOrigin: new URL(host.url).origin, hostRequests: [], name: 'self-hosted', width });
    }
  } finally {
    await host.close();
  }
});

test('the page\'s embed snippets carry the edited scenario to another site', async () => {
  const calculator = await serve(SITE, { headers: { 'access-control-allow-origin': '*' } });
  const origin = new URL(calculator.url).origin;
  const page = await browser.newPage();
  await page.goto(calculator.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const price = page.locator('[id="f-equity.sharePrice"]');
  await price.fill('300');
  const transfer = await page.locator('[data-out="dilution.valueTransferUsd"]').textContent();
  await page.click('#embed');
  await page.waitForFunction(() => document.getElementById('embed-element').value.includes('#s=1.'));
  const iframeCode = await page.locator('#embed-iframe').inputValue();
  const elementCode = await page.locator('#embed-element').inputValue();
  await page.close();
  assert.match(iframeCode, /^<iframe data-dealcalc src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?view=full&amp;lang=en#s=1\.[\w-]+"/);
  assert.match(elementCode, /<deal-calculator view="card" lang="en" scenario="#s=1\.[\w-]+"><\/deal-calculator>$/);

  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>\n${elementCode}\n${iframeCode}\n</body></html>`;
  const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${origin}; style-src 'self' ${origin}; connect-src ${origin}; frame-src ${origin}`;
  const host = await serve(`${WWW}/examples`, { headers: { 'content-security-policy': policy }, route: (p) => (p === '/snippet.html' ? { body } : null) });
  try {
    const hostPage = await browser.newPage();
    await hostPage.addInitScript(recorders);
    await hostPage.goto(`${host.url}snippet.html`);
    const value = hostPage.locator('deal-calculator [data-out="dilution.valueTransferUsd"] [part="value"]');
    await value.waitFor({ timeout: 15000 });
    assert.equal(await value.textContent(), transfer, 'the element shows the edited share price');
    const inner = hostPage.frameLocator('iframe[data-dealcalc]').locator('[data-out="dilution.valueTransferUsd"] [part="value"]');
    assert.equal(await inner.textContent(), transfer, 'so does the iframe');
    await hostPage.waitForFunction(() => Number(document.querySelector('iframe[data-dealcalc]').dataset.dealcalcHeight) > 300);
    assert.deepEqual(await hostPage.evaluate(() => window.__violations), []);
    await hostPage.close();
  } finally {
    await host.close();
    await calculator.close();
  }
});

test('the element\'s properties, attributes and bad input', async () => {
  const site = await serve(SITE);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(recorders);
  try {
    await page.goto(`${site.url}examples/plain.html`);
    const calc = page.locator('deal-calculator.branded');
    await calc.locator('[data-out="capacity.capexUsd"]').waitFor({ timeout: 15000 });
    const handle = await calc.elementHandle();

    // An edit in the full view reaches the link to the full calculator.
    const full = page.locator('deal-calculator[view="full"]');
    await full.locator('#dc-capacity-capexPerGwUsd').fill('45');
    const linkedCapex = () => page.evaluate(async () => {
      const { decodeShare } = await import('/src/share.js');
      const link = document.querySelector('deal-calculator[view="full"]').shadowRoot.querySelector('[part="link"]');
      const hash = new URL(link.href).hash;
      return hash ? (await decodeShare(hash)).scenario.capacity.capexPerGwUsd : null;
    });
    // (waitForFunction cannot await: a pending promise counts as true.) The link is set
    // asynchronously after compression, so poll for it (up to 15 s on a busy machine).
    let linked = null;
    for (let i = 0; i < 300 && linked !== 45e9; i++) {
      linked = await linkedCapex();
      if (linked !== 45e9) await page.waitForTimeout(50);
    }
    assert.equal(linked, 45e9);

    // preset property → attribute → a new deal and a change event.
    await handle.evaluate((e) => { e.preset = 'oracle-openai-2025'; });
    await page.waitForFunction(() => window.__events.some((r) => /Oracle/.test(r.name)));
    assert.equal(await handle.getAttribute('preset'), 'oracle-openai-2025');
    assert.equal(await calc.locator('[data-out="dilution.maxOwnership"]').count(), 0, 'no warrant, no ownership card');
    assert.equal(await calc.locator('[data-out="contract.valuePerGwUsd"]').count(), 1);

    // as-of: the deal as it stood on a date (AWS-OpenAI was $38B before its 2026 expansion).
    await handle.evaluate((e) => { e.preset = 'aws-openai-2025'; });
    await page.waitForFunction((e) => e.scenario?.contract?.valueUsd === 138e9, handle);
    await handle.evaluate((e) => e.setAttribute('as-of', '2025-11-15'));
    await page.waitForFunction((e) => e.scenario?.contract?.valueUsd === 38e9, handle);
    // A date before the deal: the element says so instead of showing another deal's figures.
    await handle.evaluate((e) => e.setAttribute('as-of', '2024-01-01'));
    await page.waitForFunction((e) => /no version before/.test(e.shadowRoot.querySelector('[part="problems"]')?.textContent ?? ''), handle);
    await handle.evaluate((e) => { e.removeAttribute('as-of'); e.preset = 'oracle-openai-2025'; });
    await page.waitForFunction((e) => e.scenario?.contract?.valueUsd === 300e9, handle);

    // scenario property: takes an object, returns a copy.
    const name = await handle.evaluate(async (e) => {
      const s = e.scenario;
      s.name = 'Edited deal';
      s.capacity.capexPerGwUsd = 40e9;
      e.scenario = s;
      s.name = 'changed after setting';
      await new Promise((r) => setTimeout(r, 50));
      return e.scenario.name;
    });
    assert.equal(name, 'Edited deal');
    assert.equal(await calc.locator('[part="title"]').textContent(), 'Edited deal');
    const last = await page.evaluate(() => window.__events.at(-1));
    assert.equal(last.capexUsd, last.totalGw * 40e9);

    // view, theme and lang re-render in place.
    await handle.evaluate((e) => { e.view = 'full'; e.theme = 'dark'; e.lang = 'de'; });
    await calc.locator('form[part="inputs"]').waitFor();
    assert.match(await calc.locator('[part="label"]').first().textContent(), /Kapazität/);
    assert.equal(await calc.locator('[part="container"]').evaluate((e) => e.className), 'dc view-full theme-dark');

    // A hostile scenario attribute: shown as text, problems listed, no script, no crash.
    await handle.evaluate((e) => e.setAttribute('scenario', '{"name": "<img src=x onerror=window.__pwned=1>"}'));
    await page.waitForFunction((el) => el.shadowRoot.querySelector('[part="problems"]')?.textContent.includes('capacity'), handle);
    assert.equal(await calc.locator('img').count(), 0);
    assert.equal(await calc.locator('[part="title"]').textContent(), '<img src=x onerror=window.__pwned=1>');
    await handle.evaluate((e) => e.setAttribute('scenario', 'not json'));
    await page.waitForFunction((el) => /nicht laden: it is not valid JSON/.test(el.shadowRoot.querySelector('[part="problems"]')?.textContent ?? ''), handle);
    await handle.evaluate((e) => e.setAttribute('scenario', '#s=1.AAAA'));
    await page.waitForFunction((el) => /nicht laden: the link is damaged/.test(el.shadowRoot.querySelector('[part="problems"]')?.textContent ?? ''), handle);
    // Back to a preset: the element (and its Wasm instance) still works.
    await handle.evaluate((e) => { e.removeAttribute('scenario'); e.preset = 'amd-openai-2025'; });
    await page.waitForFunction(() => window.__events.some((r) => /AMD–OpenAI/.test(r.name) && r.maxOwnership > 0.08));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // The portfolio view: the deals of the presets attribute added up, flows with their table.
    await handle.evaluate((e) => { e.setAttribute('presets', 'amd-openai-2025,amd-meta-2026'); e.view = 'portfolio'; e.lang = 'en'; });
    await calc.locator('[data-out="portfolio.gwChips"]').waitFor();
    assert.equal(await calc.locator('[data-out="portfolio.gwChips"]').textContent(), '12 GW');
    assert.match(await calc.locator('[part="details"]').textContent(), /16\.41%/);
    await calc.locator('path.flow').first().waitFor({ state: 'attached' });
    await handle.evaluate((e) => e.setAttribute('presets', 'no-such-deal'));
    await page.waitForFunction((el) => /unknown deal/.test(el.shadowRoot.querySelector('[part="problems"]')?.textContent ?? ''), handle);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await site.close();
  }
});
