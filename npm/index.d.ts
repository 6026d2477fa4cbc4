// The package's entry: the Wasm core's functions, ready to call (the module instantiates it
// on import), the deal catalogue (loaded on import), and the types of the public contract.
export * from './pkg/dealcalc.js';
export * from './deals.js';
