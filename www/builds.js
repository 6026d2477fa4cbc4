// The page's code beyond its first module: the three Wasm builds of the core (scripts/build.sh)
// and the panels' modules, each loaded when the page first needs it, so that on a slow link
// none of them delays what comes before:
// - the core build (validate, evaluate, simulationInput): the first numbers; it starts
//   loading as soon as this module runs (the file itself is preloaded);
// - the simulation build (the valuation of simulationInput's list, no scenario reader): the
//   fair value; it starts downloading when the core is ready (fetchSimulation: the link is
//   idle while the first numbers are drawn) and is instantiated, with the valuation panel's
//   code, after the first numbers (loadSimulation);
// - the full build (the other panels' analyses, the books, goal seek): it starts downloading
//   once the simulation build has arrived (fetchFull) and is instantiated for the other panels
//   (loadFull), whose code (panels.js) loads once the valuation has started (loadPanels).
// Each build is compiled once: this thread instantiates it, and the workers get the compiled
// module (blocks.js shareModule).
import initCore, * as core from './pkg/core.js';
import { ensureWorkers, shareModule } from './blocks.js';

export { core };

/** Resolves when the core build is ready. */
export const coreReady = initCore({ module_or_path: new URL('./pkg/core_bg.wasm', import.meta.url) });

/** A build's .wasm downloaded and compiled (not instantiated). */
const compile = (file) => WebAssembly.compileStreaming(fetch(new URL(`./pkg/${file}`, import.meta.url)));

let simulationModule = null;
let simulationReady = null;
let fullModule = null;
let fullReady = null;

/**
 * Starts downloading and compiling the simulation build (once), without instantiating it:
 * called when the core is ready, since the link is idle while the first numbers are drawn.
 * The full build's download follows once this one has arrived, so that it does not share the
 * link with it.
 */
export function fetchSimulation() {
  if (!simulationModule) {
    simulationModule = compile('simulation_bg.wasm');
    simulationModule.then(fetchFull, () => {});
  }
  return simulationModule;
}

/** Starts downloading and compiling the full build (once). */
export function fetchFull() {
  fullModule ??= compile('dealcalc_bg.wasm');
  return fullModule;
}

/**
 * Loads the simulation build and the valuation panel's code (once; later calls return the same
 * promise): resolves with {valuationPanel: valuation.js}, which imports the build's exports.
 */
export function loadSimulation() {
  if (simulationReady) return simulationReady;
  // The workers start first, so that their script loads while the build downloads; each gets
  // the module when it is compiled.
  ensureWorkers();
  simulationReady = Promise.all([
    fetchSimulation(),
    import('./pkg/simulation.js'),
    import('./valuation.js'),
  ]).then(async ([module, simulation, valuationPanel]) => {
    shareModule('simulation', module);
    await simulation.default({ module_or_path: module });
    return { valuationPanel };
  });
  return simulationReady;
}

/**
 * Loads the full build (once): resolves with its exports, for the other panels (the books,
 * the portfolio, the comparison, pricing, goal seek) and the workers' books.
 */
export function loadFull() {
  fullReady ??= Promise.all([fetchFull(), import('./pkg/dealcalc.js')]).then(async ([module, full]) => {
    shareModule('full', module);
    await full.default({ module_or_path: module });
    return full;
  });
  return fullReady;
}

/** The other panels' code (panels.js): one request, one chunk in dist/. */
export function loadPanels() {
  return import('./panels.js');
}
