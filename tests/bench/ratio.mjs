// Wasm ÷ native at the page's default valuation (AMD–OpenAI, 16,384 quasi-random paths, daily
// grid, no control variate, one thread), measured in pairs: the native build
// (examples/value.rs with a run count) runs RUNS times, and right after it one Wasm side runs
// RUNS times (Node in this process, Chromium, other Node releases); a round pairs each side
// with a native measurement of its own, so that a pair lies within about a second. The shared
// machine's speed switches between two levels within seconds (native runs of one build take
// 150 ms or 220 ms by the moment), so the ratio is taken within each pair (fastest Wasm run ÷
// fastest native run) and summarized by its median over the rounds. Pairs can still straddle a
// switch, so each side's runs are also split into the machine's two speed levels (two means on
// log time; one level when the means lie within 15%), and the sides are compared level by
// level: the median Wasm run ÷ the median native run of the same level.
// Prints one JSON line: every sample per side, the per-pair ratios, each side's levels
// ({fast, slow}: count and median), the fair values (which must be identical) and this
// Node's version.
//
// Other Node releases (NODES: their binaries, space-separated; scripts/bench.sh installs the
// supported LTS lines from npm) run as child processes (tests/bench/node-runs.mjs, one warm-up
// valuation each before the timed runs), reported as "node <version>".
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, WWW } from '../page/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const RUNS = Number(process.env.RUNS ?? 3);
const OPTIONS = { paths: 16384, seed: 1, quasiRandom: true, controlVariate: false };
const NATIVE = new URL('../../target/release/examples/value', import.meta.url).pathname;
const RUNNER = new URL('node-runs.mjs', import.meta.url).pathname;
const NODES = (process.env.NODES ?? '').split(/\s+/).filter(Boolean);

const dc = await import(`${WWW}pkg/dealcalc.js`);
dc.initSync({ module: await readFile(`${WWW}pkg/dealcalc_bg.wasm`) });
const amd = dc.preset('amd-openai-2025');
const server = await serve();
const browser = await launch();
const others = NODES.map((bin) => ({ bin, side: `node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}` }));
const samples = { native: [], node: [], chromium: [], ...Object.fromEntries(others.map((o) => [o.side, []])) };
const roundRatios = Object.fromEntries(Object.keys(samples).filter((k) => k !== 'native').map((k) => [k, []]));
const fair = {};
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#valuation-status')?.dataset.state === 'done', null, { timeout: 60000 });
  // Warm every side once (the engines tier their code up on first use).
  dc.valueWarrant(amd, OPTIONS);
  const inPage = (runs) => page.evaluate(async ([options, runs]) => {
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
  }, [OPTIONS, runs]);
  await inPage(1);
  const native = () => {
    const run = JSON.parse(execFileSync(NATIVE, ['amd-openai-2025', JSON.stringify(OPTIONS), String(RUNS)], { encoding: 'utf8' }));
    samples.native.push(...run.ms);
    fair.native = run.fairValueUsd;
    return Math.min(...run.ms);
  };
  const sides = {
    node: async () => {
      const ms = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        fair.node = dc.valueWarrant(amd, OPTIONS).totalFairValueUsd;
        ms.push(performance.now() - t0);
      }
      return { ms, fairValueUsd: fair.node };
    },
    chromium: () => inPage(RUNS),
    ...Object.fromEntries(others.map(({ bin, side }) => [side, async () =>
      JSON.parse(execFileSync(bin, [RUNNER, JSON.stringify(OPTIONS), String(RUNS)], { encoding: 'utf8' }))])),
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [side, run] of Object.entries(sides)) {
      const base = native();
      const wasm = await run();
      samples[side].push(...wasm.ms);
      fair[side] = wasm.fairValueUsd;
      roundRatios[side].push(Math.min(...wasm.ms) / base);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
for (const s of [...Object.values(samples), ...Object.values(roundRatios)]) s.sort((a, b) => a - b);

/** A side's runs split into the two speed levels: {fast, slow}, each {count, medianMs}. */
function levels(ms) {
  const logs = ms.map(Math.log);
  let [a, b] = [logs[0], logs.at(-1)];
  let fast = logs;
  for (let i = 0; i < 50; i++) {
    fast = logs.filter((x) => x - a <= b - x);
    const slow = logs.filter((x) => x - a > b - x);
    [a, b] = [mean(fast), slow.length ? mean(slow) : b];
  }
  const median = (xs) => xs[xs.length >> 1];
  const split = Math.exp(b - a) > 1.15;
  const f = split ? ms.slice(0, fast.length) : ms;
  const sl = split ? ms.slice(fast.length) : [];
  return { fast: { count: f.length, medianMs: median(f) }, slow: { count: sl.length, medianMs: sl.length ? median(sl) : null } };
}
function mean(xs) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
const speedLevels = Object.fromEntries(Object.entries(samples).map(([side, ms]) => [side, levels(ms)]));
console.log(JSON.stringify({ samples, roundRatios, speedLevels, fair, node: process.version }));
