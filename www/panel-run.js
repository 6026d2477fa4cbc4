// The run of a simulation panel (the valuation's and the books'), from its start to its idle
// state: the simulation run in blocks on the page's workers (blocks.js runInWorkers), the
// progress bar, the Cancel button, the status line, and the Run button while a run is in
// flight. One run per panel: a new run drops the one in flight (only once the new simulation
// is made: options the core refuses leave it running), stop() ends one that an edit of the
// deal made stale, and Cancel stops it where it is. The panel makes its simulation (its options,
// their problems beside their fields) and draws the figures; the events of a run come here
// first, in one order for both panels: waiting and started (when it waits for a run of
// another kind), progress, absorbed, then done, failed or stopped, each followed by the idle
// state. A run that refines a provisional one (the live books) starts from what done()
// returns, once the panel is idle.
import { t } from './i18n.js';
import { runInWorkers } from './blocks.js';

/**
 * The run lifecycle of the panel whose controls are `run` (its Run button), `cancel`,
 * `progress` and `status` (the status line; its data-state "running", then "failed",
 * "cancelled", "waiting" (after stop()) or the panel's own on done). `kind`: the runs' kind
 * for runInWorkers. `texts`: the status line's words, each a function so that a language
 * change can write them again: waiting() while a run of another kind has the pool,
 * cancelled(fraction) after Cancel, superseded() after stop(). `say(text)`: the one
 * announcement of a run that failed or stopped (when the status line is not a live region).
 *
 * Returns {start, stop, setStatus, rewriteStatus}: start(sim, work, run) runs `sim`, where
 * `work` is what each worker makes its own from (runInWorkers) and `run` holds `starting()`
 * (the status line until the first figures), `handlers` (the panel's progress(fraction, sim),
 * absorbed(sim, ms), done(sim, ms) and stopped(fraction, sim), each called only while the run
 * is the panel's, before the lifecycle's own work on done and stopped; done may return what
 * follows once the panel is idle), `lockRun` (the Run button disabled until the run ends) and `spare`
 * (workers left idle until release()); it returns {ended, current(), release()}: `ended`
 * resolves with how the run ended ("done", "failed", "cancelled", or "dropped" when a newer
 * run took its place) and current() says whether it is still the panel's run.
 * setStatus(write) writes the status line with the function `write`; rewriteStatus() writes
 * it again (after a language change).
 */
export function panelRun({ kind, run, cancel, progress, status, texts, say = () => {} }) {
  let job = null; // {sim, run: {cancel(), release()}, end(how)}
  let superseded = false; // stop() ended the run: the deal changed
  /** The status line's text, kept as the function that writes it. */
  let statusText = () => '';

  function setStatus(write) {
    statusText = write;
    status.textContent = write();
  }

  /** Ends the current run: `how` ("done", "failed", "cancelled") for whoever waits on it. */
  function idle(how) {
    run.disabled = false;
    cancel.disabled = true;
    job?.sim.free();
    job?.end(how);
    job = null;
  }

  /** The runInWorkers handlers of run `mine`: the panel's own, then the lifecycle's work. */
  function lifecycle(mine, starting, handlers) {
    const current = () => job === mine;
    return {
      absorbed(sim, ms) {
        if (current()) handlers.absorbed?.(sim, ms);
      },
      waiting() {
        if (current()) setStatus(texts.waiting);
      },
      started() {
        if (current()) setStatus(starting);
      },
      progress(fraction, sim) {
        if (!current()) return;
        progress.value = fraction;
        handlers.progress?.(fraction, sim);
      },
      done(sim, ms) {
        if (!current()) return;
        progress.value = 1;
        const next = handlers.done(sim, ms);
        idle('done');
        next?.();
      },
      failed(message) {
        if (!current()) return;
        status.dataset.state = 'failed';
        setStatus(() => t('The simulation failed: {m}', { m: message }));
        say(status.textContent);
        idle('failed');
      },
      stopped(fraction, sim) {
        if (!current()) return;
        handlers.stopped?.(fraction, sim);
        const stale = superseded;
        superseded = false;
        status.dataset.state = stale ? 'waiting' : 'cancelled';
        setStatus(stale ? texts.superseded : () => texts.cancelled(fraction));
        say(status.textContent);
        idle('cancelled');
      },
    };
  }

  function start(sim, work, { starting, handlers, lockRun = false, spare = 0 }) {
    if (job) {
      job.sim.free();
      job.end('dropped');
      job = null;
    }
    progress.value = 0;
    status.dataset.state = 'running';
    setStatus(starting);
    run.disabled = lockRun;
    cancel.disabled = false;
    let end;
    const ended = new Promise((resolve) => { end = resolve; });
    const mine = { sim, end };
    job = mine;
    mine.run = runInWorkers(sim, kind, work, lifecycle(mine, starting, handlers), spare);
    return { ended, current: () => job === mine, release: () => mine.run.release() };
  }

  cancel.addEventListener('click', () => job?.run.cancel());
  return {
    start,
    /** The deal changed: the run in flight stops, its status line "waiting" (texts.superseded). */
    stop() {
      if (!job) return;
      superseded = true;
      job.run.cancel();
    },
    setStatus,
    rewriteStatus: () => { status.textContent = statusText(); },
  };
}
