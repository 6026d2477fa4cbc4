// The panels below the report but the valuation, which neither the first numbers nor the fair
// value need: app.js imports this module once the valuation has started (builds.js loadPanels),
// so that the panels' code is one request (one file in www/, one chunk of the bundle in dist/)
// and not one per panel. The valuation panel (valuation.js) loads with the simulation build.
export { mountPricingPanel } from './pricing.js';
export { mountComparison, mountTornado } from './views.js';
export { mountBooks } from './books.js';
export { mountSolve } from './solve.js';
export { mountPortfolio } from './portfolio-panel.js';
export { renderMethodology } from './methodology.js';
