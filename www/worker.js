// A Monte Carlo worker: holds one WarrantSimulation per run and computes the blocks the page
// hands it (runBlock), posting each block's sums back as a transferred Float64Array. The page
// absorbs the blocks in order, so the result does not depend on how many workers there are.
// The books panel's AccountingSimulation runs the same way (setup with kind "accounting").
import init, { WarrantSimulation, AccountingSimulation } from './pkg/dealcalc.js';

// The page sends its compiled module first (blocks.js); without it the worker loads its own.
let ready = null;
let run = null; // {id, sim}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'module') {
    ready ??= init({ module_or_path: msg.module });
    return;
  }
  ready ??= init();
  await ready;
  try {
    if (msg.type === 'setup') {
      run?.sim.free();
      const Sim = msg.kind === 'accounting' ? AccountingSimulation : WarrantSimulation;
      run = { id: msg.id, sim: new Sim(msg.scenario, msg.options) };
    } else if (msg.type === 'block' && run?.id === msg.id) {
      const data = run.sim.runBlock(msg.index);
      self.postMessage({ type: 'block', id: msg.id, index: msg.index, data }, [data.buffer]);
    }
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, message: err.message, problems: err.problems ?? [] });
  }
};
