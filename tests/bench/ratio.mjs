// Wasm ÷ native at the page's default valuation (AMD–OpenAI, 16,384 quasi-random paths, daily
// grid, one thread), measured in interleaved rounds so that the shared machine's load falls on
// all three alike: each round runs the native build (examples/value.rs with a run count), then
// the Wasm build in Node, then in Chromium, RUNS times each, within a few seconds. The machine's
// speed drifts by up to 1.5× over minutes, so the ratio is taken within each round (fastest
// Wasm run ÷ fastest native run of the round) and summarized by its median over the rounds.
// Prints one JSON line: every sample per side, the per-round ratios and the fair values
// (which must be identical).
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, WWW } from '../page/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const RUNS = Number(process.env.RUNS ?? 3);
const OPTIONS = { paths: 16384, seed: 1, quasiRandom: true };
const NATIVE = new URL('../../target/release/examples/value', import.meta.url).pathname;

const dc = await import(`${WWW}pkg/dealcalc.js`);
dc.initSync({ module: await readFile(`${WWW}pkg/dealcalc_bg.wasm`) });
const amd = dc.preset('amd-openai-2025');
const server = await serve();
const browser = await launch();
const samples = { native: [], node: [], chromium: [] };
const roundRatios = { node: [], chromium: [] };
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
  for (let round = 0; round < ROUNDS; round++) {
    const native = JSON.parse(execFileSync(NATIVE, ['amd-openai-2025', JSON.stringify(OPTIONS), String(RUNS)], { encoding: 'utf8' }));
    samples.native.push(...native.ms);
    fair.native = native.fairValueUsd;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      fair.node = dc.valueWarrant(amd, OPTIONS).totalFairValueUsd;
      samples.node.push(performance.now() - t0);
    }
    const chromium = await inPage(RUNS);
    samples.chromium.push(...chromium.ms);
    fair.chromium = chromium.fairValueUsd;
    const fastest = (xs) => Math.min(...xs.slice(-RUNS));
    for (const side of ['node', 'chromium']) roundRatios[side].push(fastest(samples[side]) / fastest(samples.native));
  }
} finally {
  await browser.close();
  await server.close();
}
for (const s of [...Object.values(samples), ...Object.values(roundRatios)]) s.sort((a, b) => a - b);
console.log(JSON.stringify({ samples, roundRatios, fair }));
