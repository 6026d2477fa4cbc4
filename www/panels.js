// The panels below the report, which the first numbers do not need: app.js imports this module
// once the first numbers are painted (loadFull), so that the panels' code is one request (one
// file in www/, one chunk of the bundle in dist/) and not one per panel.
export { mountPricingPanel } from './pricing.js';
export { mountComparison, mountTornado } from './views.js';
export { mountValuation } from './valuation.js';
export { mountBooks } from './books.js';
export { mountSolve } from './solve.js';
export { mountPortfolio } from './portfolio-panel.js';
export { renderMethodology } from './methodology.js';
