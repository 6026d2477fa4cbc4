// The page's code beyond its first module: the two Wasm builds of the core (scripts/build.sh)
// and the panels' modules. The first numbers need only the core build (validate, evaluate),
// which starts loading as soon as this module runs (the file itself is preloaded). The full
// build (the panels' analyses, the simulations) and the panels' code (panels.js) load after
// the first numbers (loadFull), so that on a slow link they do not delay them; the full build
// is compiled once: this thread instantiates it, and the workers get the compiled module.
import initCore, * as core from './pkg/core.js';
import { shareModule, startWorkers } from './blocks.js';

export { core };

/** Resolves when the core build is ready. */
export const coreReady = initCore({ module_or_path: new URL('./pkg/core_bg.wasm', import.meta.url) });

let fullReady = null;

/**
 * Loads the full build and the panels' code (once; later calls return the same promise):
 * resolves with {full: the full build's module, every export; panels: panels.js}.
 */
export function loadFull() {
  if (fullReady) return fullReady;
  // The workers start first, so that their script loads while the full build downloads; each
  // gets the module when it is compiled.
  startWorkers();
  fullReady = Promise.all([
    WebAssembly.compileStreaming(fetch(new URL('./pkg/dealcalc_bg.wasm', import.meta.url))),
    import('./pkg/dealcalc.js'),
    import('./panels.js'),
  ]).then(async ([module, full, panels]) => {
    shareModule(module);
    await full.default({ module_or_path: module });
    return { full, panels };
  });
  return fullReady;
}
