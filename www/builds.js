// The page's code beyond its first module: the two Wasm builds of the core (scripts/build.sh)
// and the panels' modules. The first numbers need only the core build (validate, evaluate),
// which starts loading as soon as this module runs (the file itself is preloaded). The full
// build (the panels' analyses, the simulations) starts downloading when the core is ready
// (fetchFull: the link is idle while the first numbers are drawn); it is instantiated, with
// the valuation panel's code, after the first numbers (loadFull), and the other panels' code
// (panels.js) loads once the valuation has started (loadPanels), so that on a slow link none
// of them delays what comes before. The full build is compiled once: this thread instantiates
// it, and the workers get the compiled module.
import initCore, * as core from './pkg/core.js';
import { ensureWorkers, shareModule } from './blocks.js';

export { core };

/** Resolves when the core build is ready. */
export const coreReady = initCore({ module_or_path: new URL('./pkg/core_bg.wasm', import.meta.url) });

let fullModule = null;
let fullReady = null;

/**
 * Starts downloading and compiling the full build (once), without instantiating it: called
 * when the core is ready, since the link is idle while the first numbers are drawn.
 */
export function fetchFull() {
  fullModule ??= WebAssembly.compileStreaming(fetch(new URL('./pkg/dealcalc_bg.wasm', import.meta.url)));
  return fullModule;
}

/**
 * Loads the full build and the valuation panel's code (once; later calls return the same
 * promise): resolves with {full: the full build's module, every export; valuationPanel:
 * valuation.js}. The other panels' code is loadPanels', after the valuation has started, so
 * that on a slow link it does not delay the fair value.
 */
export function loadFull() {
  if (fullReady) return fullReady;
  // The workers start first, so that their script loads while the full build downloads; each
  // gets the module when it is compiled.
  ensureWorkers();
  fullReady = Promise.all([
    fetchFull(),
    import('./pkg/dealcalc.js'),
    import('./valuation.js'),
  ]).then(async ([module, full, valuationPanel]) => {
    shareModule(module);
    await full.default({ module_or_path: module });
    return { full, valuationPanel };
  });
  return fullReady;
}

/** The other panels' code (panels.js): one request, one chunk in dist/. */
export function loadPanels() {
  return import('./panels.js');
}
