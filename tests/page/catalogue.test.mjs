// The deal catalogue as JS users get it (www/deals.js over the bundle scripts/build.sh writes):
// the deals as they stand and as they stood, its errors, and a .wasm that carries none of it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

const ROOT = new URL('../../', import.meta.url);
let catalogue;
let files;

before(async () => {
  catalogue = await import(new URL('www/deals.js', ROOT));
  await catalogue.loadDeals(new URL('www/pkg/deals.json', ROOT));
  const names = (await readdir(new URL('deals/', ROOT))).filter((f) => f.endsWith('.json') && f !== 'published.json');
  files = await Promise.all(names.map(async (f) => JSON.parse(await readFile(new URL(`deals/${f}`, ROOT), 'utf8'))));
});

for (const build of ['dealcalc_bg.wasm', 'core_bg.wasm']) test(`${build} holds no deal data: no deal id, name or summary is in the binary`, async () => {
  const wasm = (await readFile(new URL(`www/pkg/${build}`, ROOT))).toString('latin1');
  const utf8 = (text) => Buffer.from(text, 'utf8').toString('latin1');
  const found = [];
  for (const d of files) {
    const texts = [d.id, d.name.en, d.name.de, d.summary.en, d.summary.de, ...d.versions.flatMap((v) => [v.name, v.event.en, v.event.de])];
    for (const text of texts) if (wasm.includes(utf8(text))) found.push(`${d.id}: ${text}`);
    for (const v of d.versions) for (const s of v.sources) if (s.url && wasm.includes(utf8(s.url))) found.push(`${d.id}: ${s.url}`);
  }
  assert.deepEqual(found, []);
  // The check can fail: the bytes of a text that is in the binary are found.
  assert.ok(wasm.includes(utf8('must be a finite number')));
});

test('the bundle holds every deal file as it is, and so does each deal\'s own file', async () => {
  const bundled = JSON.parse(await readFile(new URL('www/pkg/deals.json', ROOT), 'utf8'));
  assert.equal(bundled.length, files.length);
  for (const f of files) {
    assert.deepEqual(bundled.find((d) => d.id === f.id), f, f.id);
    assert.deepEqual(JSON.parse(await readFile(new URL(`www/pkg/deals/${f.id}.json`, ROOT), 'utf8')), f, f.id);
  }
});

test('loadDeal: one deal answers before the catalogue has loaded, and only it', async () => {
  const fresh = await import(new URL('www/deals.js?single', ROOT));
  await fresh.loadDeal('amd-openai-2025', new URL('www/pkg/deals/', ROOT));
  assert.equal(fresh.catalogueLoaded(), false);
  assert.deepEqual(fresh.deal('amd-openai-2025'), catalogue.deal('amd-openai-2025'));
  assert.deepEqual(fresh.deal('amd-openai-2025', { asOf: '2025-10-10' }), catalogue.deal('amd-openai-2025', { asOf: '2025-10-10' }));
  assert.deepEqual(fresh.deals().map((d) => d.id), ['amd-openai-2025']);
  assert.throws(() => fresh.deal('nvidia-openai-2025'), (e) => e.problems[0].code === 'unknown_deal');
  await assert.rejects(fresh.loadDeal('no-such-deal', new URL('www/pkg/deals/', ROOT)));
});

test('deals() lists every deal with its names in both languages and its versions oldest first', () => {
  const list = catalogue.deals();
  assert.equal(list.length, files.length);
  for (const d of list) {
    assert.ok(d.name.en && d.name.de && d.summary.en && d.summary.de, d.id);
    assert.ok(d.buyer && d.vendor, d.id);
    const dates = d.versions.map((v) => v.asOf);
    assert.deepEqual(dates, [...dates].sort(), d.id);
    for (const v of d.versions) assert.ok(v.status && v.event.en && v.event.de, d.id);
  }
  // A fresh copy each call.
  list[0].name.en = 'changed';
  assert.notEqual(catalogue.deals()[0].name.en, 'changed');
});

test('deal(id) is the latest version with its deal\'s id; with asOf, the version in force that day', () => {
  for (const f of files) {
    assert.deepEqual(catalogue.deal(f.id), { id: f.id, ...f.versions.at(-1) }, f.id);
    assert.deepEqual(catalogue.deal(f.id, { asOf: f.versions[0].asOf }), { id: f.id, ...f.versions[0] }, f.id);
    assert.deepEqual(catalogue.preset(f.id), catalogue.deal(f.id));
  }
  // Nvidia–OpenAI: the letter of intent in November 2025, reported stalled from 2026-01-30.
  assert.equal(catalogue.deal('nvidia-openai-2025', { asOf: '2025-11-15' }).status, 'letter_of_intent');
  assert.equal(catalogue.deal('nvidia-openai-2025', { asOf: '2026-01-30' }).status, 'reported_stalled');
  const a = catalogue.deal('amd-openai-2025');
  a.equity.sharePrice = 1;
  assert.notEqual(catalogue.deal('amd-openai-2025').equity.sharePrice, 1, 'a fresh copy each call');
});

test('deal() throws an Error with problems at id and asOf', () => {
  const problems = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error);
      return e.problems.map((p) => [p.path, p.code]);
    }
    assert.fail('no error');
  };
  assert.deepEqual(problems(() => catalogue.deal('no-such-deal')), [['id', 'unknown_deal']]);
  assert.deepEqual(problems(() => catalogue.deal('amd-meta-2026', { asOf: '2025-11-15' })), [['asOf', 'before_first_version']]);
  assert.deepEqual(problems(() => catalogue.deal('amd-meta-2026', { asOf: '15.11.2025' })), [['asOf', 'date']]);
  assert.deepEqual(problems(() => catalogue.dealsAsOf('soon')), [['date', 'date']]);
});

test('dealsAsOf: the deals as they stood on a date', () => {
  const ids = (date) => catalogue.dealIdsAsOf(date).sort();
  // Mid-November 2025: the deals of 2025, before Anthropic's (2025-11-18) and every 2026 deal.
  const november = ['amd-openai-2025', 'aws-openai-2025', 'broadcom-openai-2025', 'coreweave-meta-2025', 'coreweave-openai-2025',
    'iren-microsoft-2025', 'microsoft-openai-2025', 'nebius-microsoft-2025', 'nscale-microsoft-2025', 'nvidia-openai-2025', 'oracle-openai-2025'];
  assert.deepEqual(ids('2025-11-15'), november);
  const then = catalogue.dealsAsOf('2025-11-15');
  assert.equal(then.length, november.length);
  assert.ok(then.every((s) => s.asOf <= '2025-11-15'));
  // Each as it stood: Nvidia–OpenAI a letter of intent, AWS–OpenAI still $38B.
  assert.equal(then.find((s) => s.vendor === 'Nvidia' && s.buyer === 'OpenAI').status, 'letter_of_intent');
  assert.equal(then.find((s) => s.vendor === 'AWS' && s.buyer === 'OpenAI').contract.valueUsd, 38e9);
  // Today: the superseded letter of intent is out, Nvidia's equity stake and the 2026 deals are in.
  const now = ids('2026-12-01');
  assert.ok(!now.includes('nvidia-openai-2025'));
  for (const id of ['nvidia-openai-2026', 'cerebras-openai-2026', 'google-anthropic-2026', 'aws-anthropic-2026', 'nebius-meta-2026']) assert.ok(now.includes(id), id);
  assert.ok(catalogue.deals().length >= 20);
  const made = files.filter((f) => f.versions[0].asOf <= '2026-12-01');
  const ended = made.filter((f) => ['superseded', 'cancelled'].includes(catalogue.deal(f.id, { asOf: '2026-12-01' }).status));
  assert.ok(ended.length >= 1);
  assert.equal(catalogue.dealsAsOf('2026-12-01').length, made.length - ended.length);
  for (const s of catalogue.dealsAsOf('2026-12-01')) assert.ok(!['superseded', 'cancelled'].includes(s.status), s.name);
});

test('published(): the totals parties stated, sourced and dated, as of a date', async () => {
  const all = catalogue.published();
  const file = JSON.parse(await readFile(new URL('deals/published.json', ROOT), 'utf8'));
  assert.deepEqual(all, file);
  for (const x of all) {
    assert.ok(x.party && x.asOf && x.label.en && x.label.de, JSON.stringify(x));
    assert.ok(x.gw != null || x.usd != null, `${x.party} ${x.asOf}: a figure`);
    assert.ok(/^https?:\/\//.test(x.source.url) && ['filing', 'company', 'press', 'secondary'].includes(x.source.tier), `${x.party} ${x.asOf}: a source with its tier`);
  }
  // OpenAI's $1.4T of late 2025, and the ~$600B through 2030 that replaced it in February 2026.
  assert.ok(all.some((x) => x.party === 'OpenAI' && x.usd === 1.4e12 && x.asOf < '2025-12-01'));
  assert.ok(all.some((x) => x.party === 'OpenAI' && x.usd === 600e9 && x.through === 2030));
  assert.ok(catalogue.published('2025-12-31').every((x) => x.asOf <= '2025-12-31'));
  assert.ok(!catalogue.published('2025-12-31').some((x) => x.usd === 600e9));
});
