// A Monte Carlo worker: holds one simulation per run and computes the blocks the page hands it
// (runBlock), posting each block's sums back as a transferred Float64Array. The page absorbs
// the blocks in order, so the result does not depend on how many workers there are.
// The valuation's runs (kind "valuation") and the portfolio's warrants ("portfolio") are the
// simulation build's WarrantSimulation, made from the list of the core's simulationInput; the
// books panel's AccountingSimulation ("accounting") is the full build's, made from the
// scenario and options. The two builds load apart (builds.js): each message waits for the
// build it needs, and messages are handled in the order they came.
//
// Blocks wait in a queue of the worker's own and are computed one per task, so that a new
// run's setup, posted while a block is computed, is read before the next block: the dropped
// run's waiting blocks are then skipped, not computed. A "quick" message asks for a whole
// small valuation (valueInput), the live valuation's provisional figure; a "solve" message a
// whole goal seek (the full build's SolveRun), with its progress after each trial.
import initSimulation, * as simulation from './pkg/simulation.js';
import initFull, * as full from './pkg/dealcalc.js';

// The page sends each build's compiled module (blocks.js shareModule, builds.js): a message
// that needs a build waits for its module, so that no worker fetches or compiles one itself.
/** A build: its glue's init, the page's module once given (give), its instantiation (ready). */
function awaitingModule(init) {
  const b = { init, ready: null };
  b.module = new Promise((resolve) => { b.give = resolve; });
  return b;
}
const builds = { simulation: awaitingModule(initSimulation), full: awaitingModule(initFull) };

/** Resolves when build `name` is instantiated, from the page's module once it comes. */
function build(name) {
  const b = builds[name];
  b.ready ??= b.module.then((module) => b.init({ module_or_path: module }));
  return b.ready;
}

let run = null; // {id, sim, build}
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

// Messages are handled one after another, each once the build it needs is ready, so that a
// block never overtakes its run's setup; a module is taken at once.
let handled = Promise.resolve();
self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'module') {
    builds[msg.build]?.give(msg.module);
    return;
  }
  handled = handled.then(() => handle(msg));
};

/** The build a message needs. */
function buildOf(msg) {
  if (msg.type === 'solve' || (msg.type === 'setup' && msg.kind === 'accounting')) return 'full';
  if (msg.type === 'block') return run?.build ?? 'simulation';
  return 'simulation';
}

async function handle(msg) {
  try {
    await build(buildOf(msg));
    if (msg.type === 'setup') {
      run?.sim.free();
      queue = [];
      const accounting = msg.kind === 'accounting';
      const sim = accounting
        ? new full.AccountingSimulation(msg.scenario, msg.options)
        : simulation.WarrantSimulation.fromInput(msg.input);
      run = { id: msg.id, sim, build: accounting ? 'full' : 'simulation' };
    } else if (msg.type === 'block' && run?.id === msg.id) {
      queue.push(msg.index);
      schedule();
    } else if (msg.type === 'quick') {
      self.postMessage({ type: 'quick', id: msg.id, valuation: simulation.valueInput(msg.input) });
    } else if (msg.type === 'solve') {
      // A goal seek (solve.js, a worker of its own): its progress after each trial.
      const search = new full.SolveRun(msg.scenario, msg.spec);
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
}
