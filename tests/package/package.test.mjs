// The npm package (scripts/package.sh): installed offline into a fresh project, it works from
// Node as an ES module, agrees bit for bit with the native engine, and its types check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../page/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let project;

before(async () => {
  const tarball = execFileSync(join(ROOT, 'scripts/package.sh'), { encoding: 'utf8' }).trim().split('\n').at(-1);
  project = await mkdtemp(join(tmpdir(), 'dealcalc-consumer-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // --offline: the package has no dependencies, so nothing may come from the network.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project, stdio: 'pipe' });
});
after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

/** Runs an ES module in the consumer project and returns what it prints as JSON. */
async function run(source) {
  const file = join(project, `run-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, source);
  return JSON.parse(execFileSync('node', [file], { cwd: project, encoding: 'utf8' }));
}

test('evaluate(preset(...)) runs in Node from the installed package', async () => {
  const out = await run(`
    import { preset, presets, deal, dealsAsOf, evaluate, validate, version } from 'dealcalc';
    const s = preset('amd-openai-2025');
    const r = evaluate(s);
    const gw = s.capacity.phases.reduce((a, p) => a + p.gw, 0);
    let thrown = null;
    try { evaluate({ ...s, capacity: { ...s.capacity, pue: -1 } }); } catch (e) { thrown = { isError: e instanceof Error, problems: e.problems }; }
    console.log(JSON.stringify({ version: version(), ids: presets().map((p) => p.id), gw, perGw: s.capacity.capexPerGwUsd,
      capex: r.capacity.capexUsd, maxOwnership: r.dilution.maxOwnership, warrant: s.warrant.shares, outstanding: s.equity.sharesOutstanding,
      thrown, after: validate(s).length, same: JSON.stringify(deal('amd-openai-2025')) === JSON.stringify(s),
      then: dealsAsOf('2025-11-15').map((d) => [d.vendor, d.asOf]) }));
  `);
  const pkg = JSON.parse(await readFile(join(project, 'node_modules/dealcalc/package.json'), 'utf8'));
  assert.equal(out.version, pkg.version);
  assert.ok(out.ids.includes('amd-openai-2025'));
  assert.ok(out.same, 'preset(id) is deal(id): the latest version');
  assert.ok(out.then.some(([vendor]) => vendor === 'AMD'), 'the catalogue loaded from the package');
  assert.ok(out.then.every(([, asOf]) => asOf <= '2025-11-15'));
  assert.equal(out.gw, 6);
  assert.equal(out.capex, out.gw * out.perGw);
  assert.equal(out.maxOwnership, out.warrant / (out.outstanding + out.warrant));
  assert.equal(out.thrown.isError, true);
  assert.deepEqual(out.thrown.problems.map((p) => p.path), ['capacity.pue']);
  assert.equal(out.after, 0, 'the module still works after a thrown error');
});

test('the Monte Carlo valuation in Node equals the native golden one bit for bit', async () => {
  const golden = JSON.parse(await readFile(join(ROOT, 'tests/data/golden-valuation.json'), 'utf8'));
  const out = await run(`
    import { deal, valueWarrant } from 'dealcalc';
    // The golden file values the deal as announced (its first version, 2025-10-06).
    console.log(JSON.stringify(valueWarrant(deal('amd-openai-2025', { asOf: '2025-10-06' }), { paths: 400, seed: 12345, stepsPerYear: 52 })));
  `);
  assert.deepEqual(out, golden);
});

test('the package types check under tsc --strict', async () => {
  await writeFile(join(project, 'use.ts'), `
    import { preset, evaluate, valueWarrant, priceOption, type Scenario, type Report, type Valuation, type OptionSpec } from 'dealcalc';
    import type { DealCalculator, DealcalcChangeDetail } from 'dealcalc/element';
    const s: Scenario = preset('amd-openai-2025');
    const r: Report = evaluate(s);
    const v: Valuation = valueWarrant(s, { paths: 1000, seed: 1 });
    const spec: OptionSpec = { kind: 'one_touch_up', spot: 100, barrier: 150, rate: 0.04, vol: 0.5, timeYears: 3 };
    const total: number = r.capacity.capexUsd + v.totalFairValueUsd + priceOption(spec).price;
    const ownership: number | undefined = r.dilution?.maxOwnership;
    declare const el: DealCalculator;
    el.addEventListener('dealcalc-change', (e: CustomEvent<DealcalcChangeDetail>) => e.detail.results.capexUsd);
    export { total, ownership };
  `);
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom', 'esnext.disposable'], skipLibCheck: false },
    files: ['use.ts'],
  }));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync('node', [tsc, '-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
  // The check can fail: a wrong type is reported.
  await writeFile(join(project, 'use.ts'), `import { evaluate } from 'dealcalc';\nconst n: string = evaluate({} as any).capacity.capexUsd;\nexport { n };\n`);
  assert.throws(() => execFileSync('node', [tsc, '-p', project], { cwd: project, stdio: 'pipe' }));
});

test('the same package works in a browser: the ES module and the element', async () => {
  const dir = join(project, 'node_modules/dealcalc');
  const server = await serve(dir, {
    route: (path) => (path === '/host.html'
      ? { body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><deal-calculator view="card"></deal-calculator></body></html>' }
      : null),
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}host.html`);
    const out = await page.evaluate(async () => {
      const m = await import('/index.js');
      const s = m.preset('amd-openai-2025');
      const gw = s.capacity.phases.reduce((a, p) => a + p.gw, 0);
      return { capex: m.evaluate(s).capacity.capexUsd, want: gw * s.capacity.capexPerGwUsd };
    });
    assert.equal(out.capex, out.want);
    await page.evaluate(() => import('/deal-calculator.js'));
    const value = page.locator('deal-calculator [data-out="capacity.capexUsd"] [part="value"]');
    await value.waitFor({ timeout: 15000 });
    assert.match(await value.textContent(), /\$\d/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
