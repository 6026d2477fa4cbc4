// A Monte Carlo worker: holds one WarrantSimulation per run and computes the blocks the page
// hands it (runBlock), posting each block's sums back as a transferred Float64Array. The page
// absorbs the blocks in order, so the result does not depend on how many workers there are.
// The books panel's AccountingSimulation runs the same way (setup with kind "accounting");
// the portfolio's warrants are WarrantSimulations of kind "portfolio".
//
// Blocks wait in a queue of the worker's own and are computed one per task, so that a new
// run's setup, posted while a block is computed, is read before the next block: the dropped
// run's waiting blocks are then skipped, not computed. A "quick" message asks for a whole
// small valuation (valueWarrant), the live valuation's provisional figure; a "solve" message a
// whole goal seek (SolveRun), with its progress after each trial.
import init, { WarrantSimulation, AccountingSimulation, SolveRun, valueWarrant } from './pkg/dealcalc.js';

// The page sends its compiled module first (blocks.js startWorker); without it the worker loads
// its own, from pkg/ beside this script: named, since the glue's default (beside the glue) is
// not pkg/ once the glue is bundled into this file.
let ready = null;
let run = null; // {id, sim}
let queue = []; // block indexes of `run`, in the order they were handed out
let scheduled = false;
// A task of its own for each block: a message to ourselves queues behind the page's messages
// that have already arrived (the same task source), unlike a timer.
const tick = new MessageChannel();
tick.port1.onmessage = computeNext;

function schedule() {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  tick.port2.postMessage(null);
}

function computeNext() {
  scheduled = false;
  const index = queue.shift();
  if (index === undefined || !run) return;
  const id = run.id;
  try {
    const data = run.sim.runBlock(index);
    self.postMessage({ type: 'block', id, index, data }, [data.buffer]);
  } catch (err) {
    self.postMessage({ type: 'error', id, message: err.message, problems: err.problems ?? [] });
  }
  schedule();
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'module') {
    ready ??= init({ module_or_path: msg.module });
    return;
  }
  ready ??= init({ module_or_path: new URL('./pkg/dealcalc_bg.wasm', import.meta.url) });
  await ready;
  try {
    if (msg.type === 'setup') {
      run?.sim.free();
      queue = [];
      const Sim = msg.kind === 'accounting' ? AccountingSimulation : WarrantSimulation;
      run = { id: msg.id, sim: new Sim(msg.scenario, msg.options) };
    } else if (msg.type === 'block' && run?.id === msg.id) {
      queue.push(msg.index);
      schedule();
    } else if (msg.type === 'quick') {
      self.postMessage({ type: 'quick', id: msg.id, valuation: valueWarrant(msg.scenario, msg.options) });
    } else if (msg.type === 'solve') {
      // A goal seek (solve.js, a worker of its own): its progress after each trial.
      const search = new SolveRun(msg.scenario, msg.spec);
      try {
        while (!search.step()) self.postMessage({ type: 'solve-progress', id: msg.id, trials: search.trials, max: search.maxTrials });
        self.postMessage({ type: 'solve', id: msg.id, solution: search.result() });
      } finally {
        search.free();
      }
    }
  } catch (err) {
    const type = msg.type === 'quick' || msg.type === 'solve' ? msg.type : 'error';
    self.postMessage({ type, id: msg.id, message: err.message, problems: err.problems ?? [] });
  }
};
