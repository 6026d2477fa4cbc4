// Wasm ÷ native at the page's default valuation (AMD–OpenAI, 16,384 quasi-random paths, daily
// grid, no control variate, one thread).
//
// The shared machine's speed switches between two levels within about a second (native runs
// of one build take about 150 ms or about 240 ms by the moment, on either core), so runs far
// apart in time compare the machine, not the code. Each Wasm run is therefore bracketed by
// native runs: native, Wasm, native, next Wasm side, native, … (examples/value.rs with a run
// count of 1; Node in this process, Chromium in a page, other Node releases as child processes
// after a warm-up valuation of their own). A bracket counts when its two native runs agree
// within 5% (the machine held one speed through it); its ratio is the Wasm run ÷ the mean of
// the two native runs, and a side's figure is the median over its counted brackets. (Asking
// two Wasm runs in a bracket to agree as well left too few brackets: 1 to 8 of 30.)
//
// Other Node releases: NODES, their binaries, space-separated (scripts/bench.sh installs Node's
// LTS lines from npm), reported as "node <version>".
// Prints one JSON line: every sample per side, each side's counted ratios and how many
// brackets it had, the fair values (which must be identical) and this Node's version.
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, WWW } from '../page/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 40);
/** Two runs "agree" within this fraction. */
const SAME_SPEED = 0.05;
/** Wasm runs per bracket. */
const RUNS = 1;
const OPTIONS = { paths: 16384, seed: 1, quasiRandom: true, controlVariate: false };
const NATIVE = new URL('../../target/release/examples/value', import.meta.url).pathname;
const RUNNER = new URL('node-runs.mjs', import.meta.url).pathname;
const NODES = (process.env.NODES ?? '').split(/\s+/).filter(Boolean);

const dc = await import(`${WWW}pkg/dealcalc.js`);
dc.initSync({ module: await readFile(`${WWW}pkg/dealcalc_bg.wasm`) });
const amd = dc.preset('amd-openai-2025');
const server = await serve();
const browser = await launch();
const samples = { native: [] };
const ratios = {};
const brackets = {};
const fair = {};
const json = (bin, args) => JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }));
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  const inPage = () => page.evaluate(async ([options, runs]) => {
    const dc = await import('./pkg/dealcalc.js');
    await dc.default();
    const amd = dc.preset('amd-openai-2025');
    const ms = [];
    let v;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      v = dc.valueWarrant(amd, options);
      ms.push(performance.now() - t0);
    }
    return { ms, fairValueUsd: v.totalFairValueUsd };
  }, [OPTIONS, RUNS]);
  const sides = {
    node: async () => {
      const ms = [];
      let v;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        v = dc.valueWarrant(amd, OPTIONS);
        ms.push(performance.now() - t0);
      }
      return { ms, fairValueUsd: v.totalFairValueUsd };
    },
    chromium: inPage,
    ...Object.fromEntries(NODES.map((bin) => [
      `node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}`,
      async () => json(bin, [RUNNER, JSON.stringify(OPTIONS), String(RUNS)]),
    ])),
  };
  // Warm every side (the engines tier their code up on first use).
  for (const run of Object.values(sides)) await run();
  const native = () => {
    const run = json(NATIVE, ['amd-openai-2025', JSON.stringify(OPTIONS), '1']);
    samples.native.push(run.ms[0]);
    fair.native = run.fairValueUsd;
    return run.ms[0];
  };
  let before = native();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [side, run] of Object.entries(sides)) {
      const wasm = await run();
      const after = native();
      (samples[side] ??= []).push(...wasm.ms);
      fair[side] = wasm.fairValueUsd;
      brackets[side] = (brackets[side] ?? 0) + 1;
      ratios[side] ??= [];
      const agree = (xs) => Math.max(...xs) <= (1 + SAME_SPEED) * Math.min(...xs);
      if (agree([before, after])) {
        const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
        ratios[side].push(mean(wasm.ms) / mean([before, after]));
      }
      before = after;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
for (const s of [...Object.values(samples), ...Object.values(ratios)]) s.sort((a, b) => a - b);
console.log(JSON.stringify({ samples, ratios, brackets, fair, node: process.version }));
