// The Wasm side of tests/bench/ratio.mjs in another Node release: loads www/pkg, values the
// page's default once to warm the engine's tiers, then times `runs` valuations and prints one
// JSON line ({ms, fairValueUsd, node}), as examples/value.rs does for the native build.
// Usage: <node> tests/bench/node-runs.mjs '<options JSON>' <runs>
import { readFile } from 'node:fs/promises';

const WWW = new URL('../../www/', import.meta.url);
const [options, runs] = [JSON.parse(process.argv[2]), Number(process.argv[3] ?? 3)];
const dc = await import(new URL('pkg/dealcalc.js', WWW));
dc.initSync({ module: await readFile(new URL('pkg/dealcalc_bg.wasm', WWW)) });
const amd = dc.preset('amd-openai-2025');
dc.valueWarrant(amd, options);
const ms = [];
let fair;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  fair = dc.valueWarrant(amd, options).totalFairValueUsd;
  ms.push(performance.now() - t0);
}
console.log(JSON.stringify({ ms, fairValueUsd: fair, node: process.version }));
