// The valuation panel's options by their names in valueWarrant's options, apart from the panel
// so that a share link's reader (io.js) needs none of the panel's code before the first numbers.

/** The panel's options: typed numbers (a field each, blank for the default) and switches (a
 *  checkbox each), by their names in valueWarrant's options; share links carry the same. */
export const OPTION_NUMBERS = ['paths', 'seed', 'stepsPerYear'];
export const OPTION_SWITCHES = ['antithetic', 'controlVariate', 'greeks', 'quasiRandom'];
