// dealcalc as one ES module for browsers and Node: importing it instantiates the Wasm core and
// loads the deal catalogue (top-level await), so every function is ready to call.
//
//   import { deal, evaluate, valueWarrant } from 'dealcalc';
//   const report = evaluate(deal('amd-openai-2025'));
//   const then = deal('nvidia-openai-2025', { asOf: '2025-11-15' });
//
// In a browser the .wasm and the catalogue are fetched next to this file; in Node they are
// read from the disk.
import init from './pkg/dealcalc.js';
import { loadDeals } from './deals.js';

const wasm = new URL('./pkg/dealcalc_bg.wasm', import.meta.url);
if (wasm.protocol === 'file:') {
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasm) });
} else {
  await init({ module_or_path: wasm });
}

await loadDeals();

export * from './pkg/dealcalc.js';
export { DEFAULT_DEAL, deal, deals, dealsAsOf, dealIdsAsOf, loadDeals, preset, presets, published } from './deals.js';
