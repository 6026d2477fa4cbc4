// Wasm ÷ native at the page's default valuation (AMD–OpenAI, 16,384 quasi-random paths, daily
// grid, no control variate), block by block as the page's workers run it: one block is 2,048
// paths, about 30 ms.
//
// The shared machine's speed switches between two levels within about a second (native runs
// of one build take about 150 ms or about 240 ms by the moment, on either core), so runs far
// apart in time compare the machine, not the code. Each Wasm block is therefore bracketed by
// the same block natively: native, Wasm, native, within about 0.1 s. The native side
// (`examples/value.rs … blocks`) and other Node releases (tests/bench/node-blocks.mjs) are
// long-lived child processes that run a block per line of input; Node runs in this process,
// Chromium in a page (each timed where it runs). A bracket counts when its two native runs
// agree within 5% (the machine held one speed through it); its ratio is the Wasm block ÷ the
// mean of the two native ones, and a side's figure is the median over its counted brackets.
// Every side must compute every block bit for bit alike (the sum of the block's sums).
//
// Other Node releases: NODES, their binaries, space-separated (scripts/bench.sh installs Node's
// LTS lines from npm), reported as "node <version>".
// Prints one JSON line: every block time per side, each side's counted ratios and how many
// brackets it had, whether the blocks' sums agreed, and this Node's version.
import { readFile } from 'node:fs/promises';
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { serve, launch, WWW } from '../page/harness.mjs';

/** Passes over the run's blocks. */
const ROUNDS = Number(process.env.ROUNDS ?? 10);
/** Two native runs "agree" within this fraction. */
const SAME_SPEED = 0.05;
const OPTIONS = { paths: 16384, seed: 1, quasiRandom: true, controlVariate: false };
const NATIVE = new URL('../../target/release/examples/value', import.meta.url).pathname;
const RUNNER = new URL('node-blocks.mjs', import.meta.url).pathname;
const NODES = (process.env.NODES ?? '').split(/\s+/).filter(Boolean);

/** A child process that runs a block per line: block(i) resolves with {ms, check}. */
function blockServer(bin, args) {
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [ms, check] = line.split(' ').map(Number);
    waiting.shift()?.({ ms, check });
  });
  return {
    block: (i) => new Promise((resolve) => {
      waiting.push(resolve);
      child.stdin.write(`${i}\n`);
    }),
    close: () => child.stdin.end(),
  };
}

const dc = await import(`${WWW}pkg/dealcalc.js`);
dc.initSync({ module: await readFile(`${WWW}pkg/dealcalc_bg.wasm`) });
const { deal, loadDeals } = await import(`${WWW}deals.js`);
await loadDeals();
const sim = new dc.WarrantSimulation(deal('amd-openai-2025'), OPTIONS);
const blocks = sim.blockCount;
const server = await serve();
const browser = await launch();
const native = blockServer(NATIVE, ['amd-openai-2025', JSON.stringify(OPTIONS), 'blocks']);
const children = NODES.map((bin) => ({
  side: `node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}`,
  server: blockServer(bin, [RUNNER, JSON.stringify(OPTIONS)]),
}));
const samples = { native: [] };
const ratios = {};
const brackets = {};
const checks = new Map(); // block index → the sum of its sums on every side
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  await page.evaluate(async (options) => {
    const dc = await import('./pkg/dealcalc.js');
    const { deal, loadDeals } = await import('/src/deals.js');
    await Promise.all([dc.default(), loadDeals()]);
    window.__sim = new dc.WarrantSimulation(deal('amd-openai-2025'), options);
  }, OPTIONS);
  const sum = (xs) => xs.reduce((s, x) => s + x, 0);
  const sides = {
    node: async (i) => {
      const t0 = performance.now();
      const sums = sim.runBlock(i);
      return { ms: performance.now() - t0, check: sum(sums) };
    },
    chromium: (i) => page.evaluate((i) => {
      const t0 = performance.now();
      const sums = window.__sim.runBlock(i);
      return { ms: performance.now() - t0, check: sums.reduce((s, x) => s + x, 0) };
    }, i),
    ...Object.fromEntries(children.map(({ side, server }) => [side, server.block])),
  };
  const record = (i, check) => checks.set(i, [...(checks.get(i) ?? []), check]);
  // Warm every side on every block (the engines tier their code up on first use).
  for (let i = 0; i < blocks; i++) {
    record(i, (await native.block(i)).check);
    for (const run of Object.values(sides)) record(i, (await run(i)).check);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < blocks; i++) {
      for (const [side, run] of Object.entries(sides)) {
        const before = await native.block(i);
        const wasm = await run(i);
        const after = await native.block(i);
        samples.native.push(before.ms, after.ms);
        (samples[side] ??= []).push(wasm.ms);
        record(i, wasm.check);
        brackets[side] = (brackets[side] ?? 0) + 1;
        ratios[side] ??= [];
        if (Math.max(before.ms, after.ms) <= (1 + SAME_SPEED) * Math.min(before.ms, after.ms)) {
          ratios[side].push(wasm.ms / ((before.ms + after.ms) / 2));
        }
      }
    }
  }
} finally {
  native.close();
  for (const { server } of children) server.close();
  await browser.close();
  await server.close();
}
for (const s of [...Object.values(samples), ...Object.values(ratios)]) s.sort((a, b) => a - b);
const identical = [...checks.values()].every((c) => c.every((x) => x === c[0]));
console.log(JSON.stringify({ samples, ratios, brackets, blocks, identical, node: process.version }));
