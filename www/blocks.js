// The page's pool of Web Workers, one per core (at most 8), and the runs of block simulations on
// it: WarrantSimulation for the valuation (the simulation build's, from the core's
// simulationInput), AccountingSimulation for the books (the full build's). The workers
// compute the blocks they are handed (runBlock, 1,024 path pairs each) and post their sums; this
// thread absorbs them in block order into its own simulation (absorbBlock), so the result is
// identical to one call on one thread for the same seed, whatever the number of workers.
//
// One run at a time. A run of the same kind as the one in flight drops it: each worker finishes
// the block it is on, skips the dropped run's blocks queued behind it (worker.js), then takes
// the new run's; nothing is restarted, so a live valuation can start again on every edit. A run
// of another kind (the books while the valuation runs, or the reverse) waits for the run in
// flight and starts when it ends (one waiting run per kind: a newer one takes its place), so
// that no panel loses its run to another's. Cancelling stops at once (the workers are
// restarted). One pool for the page, whoever mounts a panel: panels are mounted again on
// every language change.
//
// Beside the pool, one more worker computes quick estimates (quickValuation): the live
// valuation's provisional figure after an edit, which then waits neither for the pool's
// workers to finish their blocks nor on this thread, which stays free for typing.

export const workerCount = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
const pool = { workers: [], job: null, hold: null, waiting: [] };
let lastRunId = 0;

/** The compiled Wasm modules by build ("simulation", "full"), as builds.js compiles them. */
const wasmModules = new Map();

/**
 * A build's compiled module, handed to each worker (and to those started later) so that none
 * compiles it again.
 */
export function shareModule(build, module) {
  wasmModules.set(build, module);
  for (const w of [...pool.workers, quick.worker]) w?.postMessage({ type: 'module', build, module });
}


const quick = { worker: null, id: 0, waiting: null };

/**
 * A small valuation (`valueInput(input)`, `input` from the core's simulationInput) in the quick
 * worker: resolves with it, or with null when it fails or a later quick estimate replaces it
 * first.
 */
export function quickValuation(input) {
  startQuickWorker();
  quick.waiting?.(null);
  const id = ++quick.id;
  quick.worker.postMessage({ type: 'quick', id, input });
  return new Promise((resolve) => { quick.waiting = resolve; });
}

/**
 * Starts the quick worker (once), so that it is ready by the reader's first edit; not before
 * the page's first figures, which it would slow.
 */
export function startQuickWorker() {
  if (!quick.worker) {
    quick.worker = startWorker();
    quick.worker.onmessage = ({ data }) => {
      if (data.id !== quick.id || !quick.waiting) return;
      quick.waiting(data.valuation ?? null);
      quick.waiting = null;
    };
    quick.worker.onerror = () => {
      quick.waiting?.(null);
      quick.waiting = null;
    };
  }
}

/**
 * A new worker (worker.js) with the page's compiled modules as shareModule has them: the
 * pool's, the quick one, and the goal seek's (solve.js), so that none fetches and compiles
 * them again.
 */
export function startWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  for (const [build, module] of wasmModules) w.postMessage({ type: 'module', build, module });
  return w;
}

/**
 * The pool's workers, started where missing: builds.js starts them before the simulation build
 * has arrived, so that their script loads while it downloads; each gets the modules when
 * shareModule has them. The quick worker starts later (startQuickWorker), after the load's
 * provisional figure, which this thread computes.
 */
export function ensureWorkers() {
  while (pool.workers.length < workerCount) {
    const w = startWorker();
    w.onmessage = (e) => onMessage(w, e.data);
    w.onerror = (e) => fail(e.message);
    pool.workers.push(w);
  }
  return pool.workers;
}

function stopWorkers() {
  pool.workers.forEach((w) => w.terminate());
  pool.workers = [];
}

function fail(message) {
  const job = pool.job;
  stopWorkers();
  pool.job = null;
  job?.handlers.failed(message);
  startWaiting();
}

/** Starts the run that waits for the pool, if any. */
function startWaiting() {
  if (!pool.job) pool.waiting.shift()?.begin();
}

/**
 * Gives worker `w` the next block nobody has, if any (none while the run holds `w` back), up to
 * two in flight, so that no worker waits for this thread between blocks. A stage's last blocks
 * (as many as there are workers, before each of `stageEnds`: the fair value, then each Greeks
 * run) go only to a worker with nothing queued: queued behind another block on a worker that
 * happens to be slow (the cores of a shared machine do not keep one speed), a last block would
 * keep the stage's figure waiting while the other workers move on.
 */
function feed(w, job) {
  if (job.held.has(w)) return;
  while ((job.count.get(w) ?? 0) < 2) {
    if (job.next >= job.blocks || job.next >= (pool.hold?.blocks ?? Infinity)) return;
    const end = job.stageEnds.find((e) => e > job.next) ?? job.blocks;
    if (end - job.next <= pool.workers.length && job.count.get(w)) return;
    w.postMessage({ type: 'block', id: job.id, index: job.next++ });
    job.count.set(w, (job.count.get(w) ?? 0) + 1);
  }
}

function onMessage(w, msg) {
  const job = pool.job;
  if (!job) return;
  if (msg.id !== job.id) {
    // A dropped run's last block: this worker now takes the current run's next ones.
    if (msg.type === 'block') feed(w, job);
    return;
  }
  if (msg.type === 'error') {
    fail(msg.message);
    return;
  }
  job.pending.set(msg.index, msg.data);
  job.count.set(w, job.count.get(w) - 1);
  feed(w, job);
  let absorbed = false;
  while (job.pending.has(job.absorbed)) {
    try {
      job.sim.absorbBlock(job.absorbed, job.pending.get(job.absorbed));
    } catch (err) {
      fail(err.message);
      return;
    }
    job.pending.delete(job.absorbed);
    job.absorbed += 1;
    absorbed = true;
  }
  if (!absorbed) return;
  const now = performance.now();
  job.handlers.absorbed?.(job.sim, now - job.started);
  const heldHere = pool.hold && job.absorbed >= pool.hold.blocks;
  if (job.sim.done) {
    pool.job = null;
    job.handlers.done(job.sim, now - job.started);
    startWaiting();
  } else if (heldHere) {
    // Stopped at a hold: the figures so far are posted, then the run waits for release().
    job.lastPost = now;
    job.handlers.progress(job.absorbed / job.blocks, job.sim);
    pool.hold.reached();
  } else if (now - job.lastPost > 500) {
    // Partial figures twice a second at most: rendering them takes a core from the workers.
    job.lastPost = now;
    job.handlers.progress(job.absorbed / job.blocks, job.sim);
  }
}

/**
 * Runs `sim` across the pool; each worker makes its own of `kind` from `work`, what this
 * thread made `sim` from: {input} (the core's simulationInput) for "valuation" and
 * "portfolio" (the portfolio's warrants), {scenario, options} for "accounting". A run of the
 * same kind in flight is
 * dropped; a run of another kind in flight is waited for. `handlers`: progress(fraction, sim)
 * at most twice a second, done(sim, ms), failed(message), stopped(fraction, sim) when cancel
 * ends it, and optionally absorbed(sim, ms) after each absorbed block, waiting(kind) when it
 * waits for a run of that kind and started() when it starts after waiting. `spare`: how many
 * workers the run leaves idle until release() (at least one works). Returns
 * {cancel(), release()}.
 */
export function runInWorkers(sim, kind, work, handlers, spare = 0) {
  const run = { kind, job: null, released: false, waited: false };
  run.begin = () => {
    run.job = startJob(sim, kind, work, handlers, spare);
    if (run.released) releaseJob(run.job);
    if (run.waited) handlers.started?.();
  };
  // A run of the same kind waiting for the pool is superseded too, whether this one waits or
  // starts at once.
  pool.waiting = pool.waiting.filter((w) => w.kind !== kind);
  if (pool.job && pool.job.kind !== kind) {
    pool.waiting.push(run);
    run.waited = true;
    handlers.waiting?.(pool.job.kind);
  } else {
    run.begin();
  }
  return {
    cancel() {
      if (run.job) {
        if (pool.job === run.job) stopRun(run.job);
      } else if (pool.waiting.includes(run)) {
        pool.waiting = pool.waiting.filter((w) => w !== run);
        handlers.stopped(0, sim);
      }
    },
    release() {
      run.released = true;
      if (run.job) releaseJob(run.job);
    },
  };
}

/** Starts `sim` on the pool now, dropping the run in flight (see runInWorkers). */
function startJob(sim, kind, work, handlers, spare) {
  // Workers that may still be on a dropped run's block (its blocks queued behind are skipped,
  // so whether one comes back is not known here).
  const busy = new Set([...(pool.job?.count ?? [])].filter(([, n]) => n > 0).map(([w]) => w));
  // count: the blocks of this run each worker holds (computing or queued).
  const job = { id: ++lastRunId, kind, sim, handlers, blocks: sim.blockCount, stageEnds: [...sim.stageEnds], next: 0, absorbed: 0, pending: new Map(), started: performance.now(), lastPost: performance.now(), held: new Set(), count: new Map() };
  pool.job = job;
  const workers = ensureWorkers();
  for (const w of workers.slice(Math.max(1, workers.length - spare))) job.held.add(w);
  for (const w of workers) {
    w.postMessage({ type: 'setup', id: job.id, kind, ...work });
    // A worker still on a dropped run's block gets one now (counted as two while it is fed)
    // and its second when that block comes back.
    if (busy.has(w)) job.count.set(w, 1);
    feed(w, job);
    if (busy.has(w)) job.count.set(w, job.count.get(w) - 1);
  }
  return job;
}

/** Lets a run's held-back workers work. */
function releaseJob(job) {
  if (pool.job !== job) return;
  const held = [...job.held];
  job.held.clear();
  for (const w of held) feed(w, job);
}

/**
 * Holds every run at `blocks` blocks: the pool hands out no more until `release()`, and
 * `reached` resolves once a run has absorbed that many (its progress then posted), so the
 * run is in flight, between 0 and 1, for as long as the caller wants. The page tests use it
 * to create a run in flight instead of hoping to catch one (a run that has fewer blocks
 * ends as usual). Returns {reached, release()}.
 */
export function holdRuns(blocks) {
  let reached;
  const promise = new Promise((resolve) => { reached = resolve; });
  const hold = { blocks, reached };
  pool.hold = hold;
  return {
    reached: promise,
    release() {
      if (pool.hold !== hold) return;
      pool.hold = null;
      if (pool.job) for (const w of pool.workers) feed(w, pool.job);
    },
  };
}

/** Stops `job` at once; its figures stay those of the blocks absorbed so far. */
function stopRun(job) {
  stopWorkers();
  pool.job = null;
  job.handlers.stopped(job.absorbed / job.blocks, job.sim);
  startWaiting();
}
