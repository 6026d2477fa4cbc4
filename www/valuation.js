// The valuation panel: runs the Monte Carlo in Web Workers, one per core, with a progress bar and
// a cancel button (panel-run.js), fills the results in as they converge, and draws the vesting
// timeline and the value distribution (valuation-view.js).
//
// The run is cut into blocks of 1,024 path pairs (WarrantSimulation.blockCount) that the page's
// pool of workers computes and this thread absorbs in block order (blocks.js), so the valuation
// is identical to valueWarrant's for the same seed, whatever the number of workers. The core
// reads the deal and the options (simulationInput); the simulation build values its list.
import { WarrantSimulation, valueInput } from './pkg/simulation.js';
import { core } from './builds.js';
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { placeProblems, readNumber } from './ui.js';
import { quickValuation, startQuickWorker, workerCount } from './blocks.js';
import { panelRun } from './panel-run.js';
import { fairText, valuationFigures } from './valuation-view.js';
import { page } from './state.js';
import { OPTION_NUMBERS, OPTION_SWITCHES } from './valuation-options.js';

/** Runs `f` in a task ahead of the page's ordinary ones where the browser can (postTask). */
function soon(f) {
  if (globalThis.scheduler?.postTask) scheduler.postTask(f, { priority: 'user-blocking' });
  else setTimeout(f, 0);
}

/** The live valuation's options: the page's default run, and that of every valuation the page
 *  starts by itself (the portfolio's warrants). No control variate: under quasi-random paths
 *  it does not lower the standard error and its touch tests slow the run (measured in
 *  docs/BENCHMARKS.md). */
export const LIVE_OPTIONS = { paths: 16384, seed: 1, quasiRandom: true, antithetic: true, controlVariate: false };
/** Paths of the live valuation's first, provisional figure (about 10 ms; its standard error
 *  is shown with it). */
const QUICK_PATHS = 256;
/** While the reader types, edits closer together than this start one live run. */
const LIVE_DELAY_MS = 80;
/** A live run started while the reader types uses every worker once no edit came for this long. */
const TYPING_PAUSE_MS = 250;

/**
 * Draws the panel into `root`: its texts, each with the function that writes it, so that a
 * language change rewrites them in place (`rewrite()`): the fields keep what the reader typed
 * and a run goes on. Returns the controls and the figures' places, and `rewrite`.
 */
function drawPanel(root) {
  const texts = [];
  const text = (node, write) => {
    texts.push([node, write]);
    write(node);
    return node;
  };
  /** An element whose text is `words()` (a t() call), rewritten on a language change. */
  const label = ({ tag = 'p', ...attrs }, words) => text(el(tag, attrs), (n) => { n.textContent = words(); });
  const input = (id, words, value, help) => {
    const i = el('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-path': `options.${id.replace('valuation-', '')}` });
    i.value = value;
    return el('div', { class: 'field' }, label({ tag: 'label', for: id }, words), el('div', { class: 'control' }, i, help ? label({ tag: 'small', class: 'help' }, help) : null),
      el('span', { class: 'problem', 'data-problem-for': `options.${id.replace('valuation-', '')}` }));
  };
  const check = (id, words, on = true) => {
    const c = el('input', { id, type: 'checkbox' });
    c.checked = on;
    return text(el('label', { class: 'check' }, c, ' '), (n) => { n.lastChild.textContent = ` ${words()}`; });
  };
  const run = label({ tag: 'button', type: 'button', id: 'valuation-run', class: 'primary' }, () => t('Run simulation'));
  const cancel = label({ tag: 'button', type: 'button', id: 'valuation-cancel' }, () => t('Cancel'));
  cancel.disabled = true;
  const progress = text(el('progress', { id: 'valuation-progress', max: '1', value: '0' }), (n) => n.setAttribute('aria-label', t('Simulation progress')));
  // The status line changes with every block; readers are told once, when a figure is final.
  const status = el('p', { id: 'valuation-status', class: 'status' });
  const announcer = el('p', { id: 'valuation-announce', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = el('div', { id: 'valuation-results' });
  const charts = el('div', { id: 'valuation-charts' });
  root.replaceChildren(
    label({ tag: 'h2' }, () => t('Value the warrant (Monte Carlo)')),
    label({ class: 'help' }, () => t('Fair values are risk-neutral (drift r − q, discounted at r). Probabilities and vest dates are real-world (drift: expected return − q). Deployment risk: each non-binding phase happens with its probability and may run late.')),
    input('valuation-paths', () => t('Paths'), String(LIVE_OPTIONS.paths), () => t('default 16,384 quasi-random paths: a standard error under 0.5% of the value for the built-in deals')),
    input('valuation-seed', () => t('Seed'), String(LIVE_OPTIONS.seed), () => t('same seed, same result')),
    input('valuation-stepsPerYear', () => t('Steps per year'), '', () => t('blank: 252 (trading days) for close/average tests, else 52')),
    el('div', { class: 'control' }, check('valuation-antithetic', () => t('antithetic paths'), LIVE_OPTIONS.antithetic), check('valuation-controlVariate', () => t('control variate (closed-form one-touch)'), LIVE_OPTIONS.controlVariate), check('valuation-greeks', () => t('delta and vega (four more runs, same seed)')), check('valuation-quasiRandom', () => t('quasi-random (scrambled Sobol, Brownian bridge)'), LIVE_OPTIONS.quasiRandom)),
    el('div', { class: 'control' }, run, cancel, progress),
    status, announcer, results, charts,
  );
  return { run, cancel, progress, status, announcer, results, charts, rewrite: () => texts.forEach(([node, write]) => write(node)) };
}

/** The panel's options, as its fields and switches hold them. */
function readOptions(root) {
  const o = {};
  for (const k of OPTION_NUMBERS) {
    const text = root.querySelector(`#valuation-${k}`).value;
    if (text.trim() !== '') o[k] = readNumber(text, {});
  }
  for (const k of OPTION_SWITCHES) o[k] = root.querySelector(`#valuation-${k}`).checked;
  return o;
}

/** Writes `options` (a share link's) into the panel's fields and switches. */
function writeOptions(root, options) {
  for (const k of OPTION_NUMBERS) {
    root.querySelector(`#valuation-${k}`).value = options[k] == null ? '' : String(options[k]);
  }
  for (const k of OPTION_SWITCHES) {
    if (typeof options[k] === 'boolean') root.querySelector(`#valuation-${k}`).checked = options[k];
  }
}

/** Problems beside the option fields; returns the others as one line. */
function showProblems(root, problems) {
  const slots = new Map([...root.querySelectorAll('[data-problem-for]')].map((error) => {
    const path = error.dataset.problemFor;
    return [path, { error, input: root.querySelector(`[data-path="${path}"]`) }];
  }));
  return placeProblems(problems, slots, null).join('; ');
}

/**
 * The panel's part of a run's events (panel-run.js does the rest): the headline's provisional
 * figure after the first block, the fair value once final (before the Greeks' runs end), the
 * partial figures of the reader's runs, the figures when done or stopped. `shown`: which
 * figures the headline has had ({provisional, fair}), shared with the quick figure.
 */
function runHandlers({ status, setStatus, figures, fair, say, live }, shown) {
  return {
    absorbed(s, ms) {
      if (!shown.provisional && !s.fairValueDone) {
        // The first block: a provisional fair value with its standard error, in the headline
        // only (the panel below is drawn when the figure is final).
        shown.provisional = true;
        fair(s.result(), 'provisional');
        return;
      }
      // The base run's blocks come first: its fair value is final before the Greeks' runs end.
      if (shown.fair || !s.fairValueDone || s.done) return;
      shown.fair = true;
      const v = s.result();
      figures.show(v);
      fair(v, 'final');
      say(fairText(v));
      status.dataset.fairMs = String(Math.round(ms));
      setStatus(() => t('Fair value after {s} s; delta and vega are running…', { s: fmt.num(ms / 1000, 2) }));
    },
    progress(fraction, s) {
      status.dataset.state = 'running';
      // A partial valuation (the whole estimate, sorted and sent over) only where it is shown.
      if (!s.fairValueDone && !live) {
        const partial = s.result();
        figures.show(partial, true);
        setStatus(() => t('Running… {p} ({paths} paths so far)', { p: fmt.pct(fraction, 0), paths: fmt.num(partial.paths, 0) }));
      } else {
        setStatus(() => t('Running… {p}', { p: fmt.pct(fraction, 0) }));
      }
    },
    done(s, ms) {
      const result = s.result();
      figures.show(result);
      status.dataset.state = 'done';
      setStatus(() => t('Done: {paths} paths × {steps} steps in {s} s.', { paths: fmt.num(result.paths, 0), steps: fmt.num(result.steps, 0), s: fmt.num(ms / 1000, 2) }));
      status.dataset.ms = String(Math.round(ms));
      if (!shown.fair) {
        status.dataset.fairMs = String(Math.round(ms));
        say(fairText(result));
      }
      status.dataset.workers = String(workerCount);
      fair(result, 'final');
    },
    stopped(fraction, s) {
      // Workers stop at once; the figures stay those of the blocks absorbed so far.
      if (fraction > 0) figures.show(s.result(), !s.fairValueDone);
    },
  };
}

/**
 * The live valuation's first figure, from a few paths, while the pool's workers start the run
 * (or finish the blocks they are on): `show(v)` gives it to the headline while `wanted()` (the
 * run is the panel's and has shown no figure yet). After a load, on this thread, in a task of
 * its own ahead of the ordinary ones (the quick worker may still be starting); while the reader
 * types, in the quick worker, so that this thread stays free for typing.
 */
function quickFigure(scenario, opts, wanted, show) {
  let input;
  try {
    input = core.simulationInput(scenario, { ...opts, paths: QUICK_PATHS, greeks: false });
  } catch {
    return; // The run's own input was made from the same deal: its problems are shown.
  }
  const give = (v) => {
    if (v && wanted()) show(v);
  };
  if (page.typing) {
    quickValuation(input).then(give);
    return;
  }
  soon(() => {
    if (!wanted()) return;
    try {
      give(valueInput(input));
    } catch {
      // The workers' figure follows; a scenario the simulation refuses was reported above.
    }
    startQuickWorker();
  });
}

/** The status line's words of a run waiting for the books, and of a cancelled one (panel-run.js). */
const STATUS_TEXTS = {
  waiting: () => t('Waiting for the books in flight to finish…'),
  cancelled: (fraction) => t('Cancelled at {p}; the figures below are from the paths run so far.', { p: fmt.pct(fraction, 0) }),
};

/**
 * The live valuations asked for (after load and each edit): ask(go) drops the one asked for
 * that has not started yet (its timer, and a deferred start, which sees that a later one was
 * asked for), then, unless `go` is null, calls it once the loaded deal's report is painted or,
 * while the reader types, after a short pause. drop() drops the one waiting alone (a run of
 * the reader's takes its place).
 */
function liveRuns() {
  /** Counts live valuations asked for: a deferred one starts only if no later one was asked. */
  let asked = 0;
  let timer = null;
  const drop = () => {
    clearTimeout(timer);
    return ++asked;
  };
  function ask(go) {
    const mine = drop();
    if (!go) return;
    const start = () => {
      if (mine === asked) go();
    };
    if (page.typing) timer = setTimeout(start, LIVE_DELAY_MS);
    else requestAnimationFrame(() => soon(start));
  }
  return { ask, drop };
}

export function mountValuation(root, getScenario, onFair = () => {}) {
  const panel = drawPanel(root);
  const { status } = panel;
  /** The one announcement of a finished figure (the status line itself is not a live region). */
  const say = (text) => { panel.announcer.textContent = text; };
  const runs = panelRun({ kind: 'valuation', run: panel.run, cancel: panel.cancel, progress: panel.progress, status, texts: STATUS_TEXTS, say });
  const figures = valuationFigures(panel, () => root.querySelector('#valuation-greeks').checked);
  const pending = liveRuns();

  /**
   * Runs a valuation in the workers: `live` (after load and each edit, at the defaults) or the
   * Run button's (the panel's options). A new run drops the one in flight. Resolves with how
   * it ended (panel-run.js), or "failed" when the core refuses the options.
   */
  function start(scenario, opts, live) {
    performance.mark('dealcalc:valuation-start');
    let sim;
    let input;
    try {
      input = core.simulationInput(scenario, opts);
      sim = WarrantSimulation.fromInput(input);
    } catch (err) {
      if (live) return Promise.resolve('failed');
      const rest = showProblems(root, err.problems ?? []);
      runs.setStatus(() => t('Cannot run: {m}', { m: rest || err.message }));
      return Promise.resolve('failed');
    }
    // The options of the figures shown, for share links: the reader's own, or the defaults.
    page.valuationOptions = live ? null : opts;
    const key = JSON.stringify(scenario);
    figures.ranFor(key);
    const price = scenario.equity?.sharePrice;
    // The headline shows a figure only for the deal as it stands: after an edit, a run of the
    // deal before it may still end before the edited deal's run starts.
    const fair = (v, state) => {
      if (JSON.stringify(getScenario()) === key) onFair(v, state, price);
    };
    const shown = { provisional: false, fair: false };
    delete status.dataset.fairMs;
    status.dataset.live = String(live);
    // While the reader types, the run leaves one worker idle until typing pauses: with the
    // quick worker, no more threads busy than cores, so that this thread keeps up with typing.
    const typing = live && page.typing;
    const handlers = runHandlers({ status, setStatus: runs.setStatus, figures, fair, say, live }, shown);
    const mine = runs.start(sim, { input }, { starting: () => t(live ? 'Valuing the deal as edited…' : 'Starting…'), handlers, lockRun: !live, spare: typing ? 1 : 0 });
    if (typing) setTimeout(() => mine.release(), TYPING_PAUSE_MS);
    if (live) quickFigure(scenario, opts, () => mine.current() && !shown.fair && !shown.provisional, (v) => fair(v, 'provisional'));
    return mine.ended;
  }

  /** The live valuation's options: the page's defaults, with delta and vega if ticked. */
  const liveOptions = () => ({ ...LIVE_OPTIONS, greeks: root.querySelector('#valuation-greeks').checked });

  panel.run.addEventListener('click', () => {
    const scenario = getScenario();
    if (!scenario) return;
    // The reader's run takes the place of a live valuation still waiting to start (an edit
    // just before the click): that one would drop it.
    pending.drop();
    showProblems(root, []);
    start(scenario, readOptions(root), false);
  });

  return {
    /** Rewrites the panel in the page's new language: its texts, the status line, the
     *  figures and the charts; a finished valuation and a run in flight stay, and the option
     *  fields keep their text, numbers rewritten by `retype` as the new language writes them. */
    retranslate(retype = (text) => text) {
      panel.rewrite();
      for (const k of OPTION_NUMBERS) {
        const field = root.querySelector(`#valuation-${k}`);
        field.value = retype(field.value);
      }
      runs.rewriteStatus();
      figures.redraw();
    },
    /**
     * Values `scenario` now, in place of any live valuation asked for: with `options` (a share
     * link's), written into the panel's fields, as the Run button does; or, with none (or
     * options the core refuses, whose problems are shown beside their fields), the live
     * valuation at the defaults. Resolves with how the run ended: "done", "failed",
     * "cancelled" or "dropped" (a later run took its place).
     */
    runNow(scenario, options = null) {
      pending.drop();
      if (!scenario?.warrant) return Promise.resolve('failed');
      if (!options) return start(scenario, liveOptions(), true);
      writeOptions(root, options);
      showProblems(root, []);
      const ended = start(scenario, options, false);
      if (page.valuationOptions === options) return ended;
      // The link's options are refused (shown beside their fields): the headline still gets
      // the deal's figure, at the defaults.
      return start(scenario, liveOptions(), true);
    },
    /** Called with each new deterministic report: redraws the timeline (and hides the panel without a warrant). */
    render(report) {
      figures.report(report, JSON.stringify(getScenario()));
      root.hidden = !report.vesting;
      figures.drawCharts();
    },
    /**
     * The live valuation of the deal as it now stands, at the defaults (16,384 quasi-random
     * paths, the scenario's grid, delta and vega if ticked): a provisional figure after the
     * first block, then the final one; a later edit drops it. While the reader types it
     * starts after a short pause, so that typing never waits for it.
     */
    live(scenario) {
      page.valuationOptions = null;
      pending.ask(scenario?.warrant ? () => start(scenario, liveOptions(), true) : null);
    },
  };
}
