// The Wasm side of tests/bench/ratio.mjs in another Node release, block by block as a page's
// worker runs them: prepares the page's default valuation (WarrantSimulation), then for each
// line of standard input (a block index) runs that block and prints its milliseconds and the
// sum of its sums, as `examples/value.rs … blocks` does for the native build.
// Usage: <node> tests/bench/node-blocks.mjs '<options JSON>'
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

const WWW = new URL('../../www/', import.meta.url);
const dc = await import(new URL('pkg/dealcalc.js', WWW));
dc.initSync({ module: await readFile(new URL('pkg/dealcalc_bg.wasm', WWW)) });
const { deal, loadDeals } = await import(new URL('deals.js', WWW));
await loadDeals();
const sim = new dc.WarrantSimulation(deal('amd-openai-2025'), JSON.parse(process.argv[2]));
for await (const line of createInterface({ input: process.stdin })) {
  const t0 = performance.now();
  const sums = sim.runBlock(Number(line));
  const ms = performance.now() - t0;
  process.stdout.write(`${ms} ${sums.reduce((s, x) => s + x, 0).toExponential()}\n`);
}
