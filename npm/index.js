// dealcalc as one ES module for browsers and Node: importing it instantiates the Wasm core
// (top-level await), so every function is ready to call.
//
//   import { preset, evaluate, valueWarrant } from 'dealcalc';
//   const report = evaluate(preset('amd-openai-2025'));
//
// In a browser the .wasm is fetched next to this file; in Node it is read from the disk.
import init from './pkg/dealcalc.js';

const wasm = new URL('./pkg/dealcalc_bg.wasm', import.meta.url);
if (wasm.protocol === 'file:') {
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasm) });
} else {
  await init({ module_or_path: wasm });
}

export * from './pkg/dealcalc.js';
