// The valuation panel: runs the Monte Carlo in Web Workers, one per core, with a progress bar and
// a cancel button, fills the results in as they converge, and draws the vesting timeline and the
// value distribution.
//
// The run is cut into blocks of 1,024 path pairs (WarrantSimulation.blockCount) that the page's
// pool of workers computes and this thread absorbs in block order (blocks.js), so the valuation
// is identical to valueWarrant's for the same seed, whatever the number of workers.
import { WarrantSimulation, valueWarrant } from './pkg/dealcalc.js';
import { el, fmt } from './dom.js';
import { vestingTimeline, valueHistogram } from './charts.js';
import { t } from './i18n.js';
import { assumptionNote, cards, placeProblems, readNumber, scrollBox } from './ui.js';
import { quickValuation, runInWorkers, startQuickWorker, workerCount } from './blocks.js';
import { page } from './state.js';

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
/** The panel's options: typed numbers (a field each, blank for the default) and switches (a
 *  checkbox each), by their names in valueWarrant's options; share links carry the same. */
export const OPTION_NUMBERS = ['paths', 'seed', 'stepsPerYear'];
export const OPTION_SWITCHES = ['antithetic', 'controlVariate', 'greeks', 'quasiRandom'];
/** Paths of the live valuation's first, provisional figure (about 10 ms; its standard error
 *  is shown with it). */
const QUICK_PATHS = 256;
/** While the reader types, edits closer together than this start one live run. */
const LIVE_DELAY_MS = 80;
/** A live run started while the reader types uses every worker once no edit came for this long. */
const TYPING_PAUSE_MS = 250;

export function mountValuation(root, getScenario, onFair = () => {}) {
  // Every text of the panel with the function that writes it, so that a language change
  // rewrites them in place: the fields keep what the reader typed and a run goes on.
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
  /** The status line's text, kept as the function that writes it (rewritten on a language change). */
  let statusText = () => '';
  const setStatus = (write) => {
    statusText = write;
    status.textContent = write();
  };
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

  let job = null; // {sim, run: {cancel()}, end(how)}
  /** Counts live valuations asked for: a deferred one starts only if no later one was asked. */
  let liveAsked = 0;
  let lastValuation = null;
  let lastReport = null;
  let lastScenarioKey = null;

  function options() {
    const o = {};
    for (const k of OPTION_NUMBERS) {
      const text = root.querySelector(`#valuation-${k}`).value;
      if (text.trim() !== '') o[k] = readNumber(text, {});
    }
    for (const k of OPTION_SWITCHES) o[k] = root.querySelector(`#valuation-${k}`).checked;
    return o;
  }

  /** Problems beside the option fields; returns the others as one line. */
  function showProblems(problems) {
    const slots = new Map([...root.querySelectorAll('[data-problem-for]')].map((error) => {
      const path = error.dataset.problemFor;
      return [path, { error, input: root.querySelector(`[data-path="${path}"]`) }];
    }));
    return placeProblems(problems, slots, null).join('; ');
  }

  /** Ends the current run: `how` ("done", "failed", "cancelled") for whoever waits on it. */
  function idle(how) {
    run.disabled = false;
    cancel.disabled = true;
    job?.sim.free();
    job?.end(how);
    job = null;
  }

  /** The one announcement of a finished figure (the status line itself is not a live region). */
  function say(text) {
    announcer.textContent = text;
  }

  /**
   * Runs a valuation in the workers: `live` (after load and each edit, at the defaults) or the
   * Run button's (the panel's options). A new run drops the one in flight.
   */
  function start(scenario, opts, live) {
    performance.mark('dealcalc:valuation-start');
    let sim;
    try {
      sim = new WarrantSimulation(scenario, opts);
    } catch (err) {
      if (live) return Promise.resolve('failed');
      const rest = showProblems(err.problems ?? []);
      setStatus(() => t('Cannot run: {m}', { m: rest || err.message }));
      return Promise.resolve('failed');
    }
    if (job) {
      job.sim.free();
      job.end('dropped');
      job = null;
    }
    // The options of the figures shown, for share links: the reader's own, or the defaults.
    page.valuationOptions = live ? null : opts;
    lastScenarioKey = JSON.stringify(scenario);
    const key = lastScenarioKey;
    const price = scenario.equity?.sharePrice;
    // The headline shows a figure only for the deal as it stands: after an edit, a run of the
    // deal before it may still end before the edited deal's run starts.
    const fair = (v, state) => {
      if (JSON.stringify(getScenario()) === key) onFair(v, state, price);
    };
    let fairShown = false;
    let provisional = false;
    delete status.dataset.fairMs;
    progress.value = 0;
    status.dataset.state = 'running';
    status.dataset.live = String(live);
    setStatus(() => t(live ? 'Valuing the deal as edited…' : 'Starting…'));
    run.disabled = !live;
    cancel.disabled = false;
    let end;
    const ended = new Promise((resolve) => { end = resolve; });
    const mine = { sim, end };
    const current = () => job === mine;
    const handlers = {
      absorbed(s, ms) {
        if (!current()) return;
        if (!provisional && !s.fairValueDone) {
          // The first block: a provisional fair value with its standard error, in the headline
          // only (the panel below is drawn when the figure is final).
          provisional = true;
          fair(s.result(), 'provisional');
          return;
        }
        // The base run's blocks come first: its fair value is final before the Greeks' runs end.
        if (fairShown || !s.fairValueDone || s.done) return;
        fairShown = true;
        lastValuation = s.result();
        renderResults(lastValuation);
        fair(lastValuation, 'final');
        say(fairText(lastValuation));
        status.dataset.fairMs = String(Math.round(ms));
        setStatus(() => t('Fair value after {s} s; delta and vega are running…', { s: fmt.num(ms / 1000, 2) }));
      },
      waiting() {
        if (current()) setStatus(() => t('Waiting for the books in flight to finish…'));
      },
      started() {
        if (current()) setStatus(() => t(live ? 'Valuing the deal as edited…' : 'Starting…'));
      },
      progress(fraction, s) {
        if (!current()) return;
        progress.value = fraction;
        status.dataset.state = 'running';
        // A partial valuation (the whole estimate, sorted and sent over) only where it is shown.
        if (!s.fairValueDone && !live) {
          const partial = s.result();
          lastValuation = partial;
          renderResults(partial, true);
          setStatus(() => t('Running… {p} ({paths} paths so far)', { p: fmt.pct(fraction, 0), paths: fmt.num(partial.paths, 0) }));
        } else {
          setStatus(() => t('Running… {p}', { p: fmt.pct(fraction, 0) }));
        }
      },
      done(s, ms) {
        if (!current()) return;
        progress.value = 1;
        const result = s.result();
        lastValuation = result;
        renderResults(result);
        status.dataset.state = 'done';
        setStatus(() => t('Done: {paths} paths × {steps} steps in {s} s.', { paths: fmt.num(result.paths, 0), steps: fmt.num(result.steps, 0), s: fmt.num(ms / 1000, 2) }));
        status.dataset.ms = String(Math.round(ms));
        if (!fairShown) {
          status.dataset.fairMs = String(Math.round(ms));
          say(fairText(result));
        }
        status.dataset.workers = String(workerCount);
        fair(result, 'final');
        idle('done');
      },
      failed(message) {
        if (!current()) return;
        status.dataset.state = 'failed';
        setStatus(() => t('The simulation failed: {m}', { m: message }));
        say(status.textContent);
        idle('failed');
      },
      stopped(fraction, s) {
        if (!current()) return;
        // Workers stop at once; the figures stay those of the blocks absorbed so far.
        if (fraction > 0) {
          lastValuation = s.result();
          renderResults(lastValuation, !s.fairValueDone);
        }
        status.dataset.state = 'cancelled';
        setStatus(() => t('Cancelled at {p}; the figures below are from the paths run so far.', { p: fmt.pct(fraction, 0) }));
        say(status.textContent);
        idle('cancelled');
      },
    };
    job = mine;
    // While the reader types, the run leaves one worker idle until typing pauses: with the
    // quick worker, no more threads busy than cores, so that this thread keeps up with typing.
    const typing = live && page.typing;
    mine.run = runInWorkers(sim, 'valuation', scenario, opts, handlers, typing ? 1 : 0);
    if (typing) setTimeout(() => mine.run.release(), TYPING_PAUSE_MS);
    if (live) {
      // A first figure from a few paths while the pool's workers start the run (or finish the
      // blocks they are on). After a load, on this thread, in a task of its own ahead of the
      // ordinary ones (the quick worker may still be starting); while the reader types, in
      // the quick worker, so that this thread stays free for typing.
      const quickOptions = { ...opts, paths: QUICK_PATHS, greeks: false };
      const show = (v) => {
        if (v && current() && !fairShown && !provisional) fair(v, 'provisional');
      };
      if (page.typing) {
        quickValuation(scenario, quickOptions).then(show);
      } else {
        soon(() => {
          if (!current() || fairShown || provisional) return;
          try {
            show(valueWarrant(scenario, quickOptions));
          } catch {
            // The workers' figure follows; a scenario the simulation refuses was reported above.
          }
          startQuickWorker();
        });
      }
    }
    return ended;
  }

  /** "Fair value of the warrant: $20.1B ± $0.06B" for the one announcement. */
  function fairText(v) {
    return `${t('Fair value of the warrant')}: ${fmt.usd(v.totalFairValueUsd)} ± ${fmt.usd(v.standardErrorUsd)}`;
  }

  run.addEventListener('click', () => {
    const scenario = getScenario();
    if (!scenario) return;
    // The reader's run takes the place of a live valuation still waiting to start (an edit
    // just before the click): that one would drop it.
    dropPendingLive();
    showProblems([]);
    start(scenario, options(), false);
  });

  cancel.addEventListener('click', () => job?.run.cancel());

  let lastProvisional = false;
  function renderResults(v, provisional = false) {
    lastProvisional = provisional;
    // data-value, data-se: the unrounded numbers, for scripts reading the page.
    const measure = t(v.measures.probability === 'realWorld' ? 'real world' : 'risk-neutral (no expected return given)');
    const tbl = el('table', { class: 'data wide', id: 'valuation-tranches' }, el('caption', { text: t('Tranches (probabilities and dates real-world; values risk-neutral)') }));
    tbl.append(el('thead', {}, el('tr', {}, ...['#', 'Shares', 'Probability', 'Risk-neutral prob.', 'Expected vest', 'Median vest', 'Fair value', '± s.e.', 'Closed-form touch'].map((h) => el('th', { scope: 'col', text: t(h) })))));
    tbl.append(el('tbody', {}, ...v.tranches.map((tr) => el('tr', {}, ...[String(tr.index + 1), fmt.num(tr.shares, 0), fmt.pct(tr.probability, 1), fmt.pct(tr.riskNeutralProbability, 1), fmt.date(tr.expectedVestDate, '–'), fmt.date(tr.medianVestDate, '–'), fmt.usd(tr.fairValueUsd), fmt.usd(tr.standardErrorUsd), tr.closedFormTouchUsd == null ? '–' : fmt.usd(tr.closedFormTouchUsd)].map((c) => el('td', { text: c }))))));
    results.replaceChildren(
      cards([
        { label: t('Fair value of the warrant'), value: fmt.usd(v.totalFairValueUsd), out: 'valuation.totalFairValueUsd', note: provisional ? t('provisional: {paths} paths, ± {se}', { paths: fmt.num(v.paths, 0), se: fmt.usd(v.standardErrorUsd) }) : t('± {se} (1 s.e.), risk-neutral', { se: fmt.usd(v.standardErrorUsd) }), attrs: { 'data-value': String(v.totalFairValueUsd), 'data-se': String(v.standardErrorUsd), 'data-steps': String(v.stepsPerYear) } },
        greeksCard(v, 'delta'),
        greeksCard(v, 'vega'),
        { label: t('As a discount on vendor income'), value: fmt.pct(v.effectiveDiscount, 1), out: 'valuation.effectiveDiscount', note: t('fair value ÷ present value of expected vendor income, both today') },
        { label: t('Value range (5–95%)'), value: `${fmt.usd(v.percentiles.p5)} – ${fmt.usd(v.percentiles.p95)}`, out: 'valuation.percentiles', note: t('median {x}', { x: fmt.usd(v.percentiles.p50) }) },
        { label: t('Expected shares issued'), value: fmt.num(v.expectedSharesIssued, 0), out: 'valuation.expectedSharesIssued', note: measure },
        { label: t('Expected ownership'), value: fmt.pct(v.expectedOwnership), out: 'valuation.expectedOwnership', note: measure },
      ]),
      assumptionNote(lastReport?.assumptions?.fairValue, t('The fair value and the tranche values')),
      scrollBox(t('Tranches (probabilities and dates real-world; values risk-neutral)'), {}, tbl),
    );
    // The charts in a task of their own: the figures first.
    clearTimeout(chartsTimer);
    chartsTimer = setTimeout(drawCharts, 0);
  }

  /** Delta or vega beside the fair value (once the bumped runs are done). */
  function greeksCard(v, which) {
    const g = v.greeks;
    const delta = which === 'delta';
    const value = g ? fmt.usd(delta ? g.deltaUsd : g.vegaUsd) : '–';
    const se = g ? fmt.usd(delta ? g.deltaStandardErrorUsd : g.vegaStandardErrorUsd) : null;
    return {
      label: t(delta ? 'Delta (per $1 of share price)' : 'Vega (per volatility point)'),
      value,
      out: `valuation.greeks.${which}Usd`,
      note: g ? t('± {se}; same-seed runs at {bump}', { se, bump: delta ? t('spot ± 1%') : t('volatility ± 1 point') })
        : t(options().greeks ? 'after the four bumped runs' : 'tick "delta and vega" and run'),
      attrs: g ? { 'data-value': String(delta ? g.deltaUsd : g.vegaUsd) } : {},
    };
  }

  let chartsTimer = null;
  let lastReportScenario = null;
  let lastReportKey = null;
  function drawCharts() {
    // The scenario of the last valid report (the form may hold an invalid one by now).
    const scenario = lastReportScenario;
    if (!scenario || !lastReport) return;
    const fresh = lastValuation && lastScenarioKey === lastReportKey ? lastValuation : null;
    results.classList.toggle('stale', Boolean(lastValuation) && !fresh);
    charts.replaceChildren(...[vestingTimeline({ scenario, report: lastReport, valuation: fresh }), fresh ? valueHistogram(fresh) : null].filter(Boolean));
  }

  let liveTimer = null;
  /** Drops the live valuation asked for that has not started yet (its timer, and a deferred
   *  start, which sees that a later one was asked for); returns the new count. */
  function dropPendingLive() {
    clearTimeout(liveTimer);
    return ++liveAsked;
  }
  /** The live valuation's options: the page's defaults, with delta and vega if ticked. */
  const liveOptions = () => ({ ...LIVE_OPTIONS, greeks: root.querySelector('#valuation-greeks').checked });
  return {
    /** Rewrites the panel in the page's new language: its texts, the status line, the
     *  figures and the charts; a finished valuation and a run in flight stay, and the option
     *  fields keep their text, numbers rewritten by `retype` as the new language writes them. */
    retranslate(retype = (text) => text) {
      for (const [node, write] of texts) write(node);
      for (const k of OPTION_NUMBERS) {
        const field = root.querySelector(`#valuation-${k}`);
        field.value = retype(field.value);
      }
      status.textContent = statusText();
      if (lastValuation) renderResults(lastValuation, lastProvisional);
      else drawCharts();
    },
    /**
     * Values `scenario` now, in place of any live valuation asked for: with `options` (a share
     * link's), written into the panel's fields, as the Run button does; or, with none (or
     * options the core refuses, whose problems are shown beside their fields), the live
     * valuation at the defaults. Resolves with how the run ended: "done", "failed",
     * "cancelled" or "dropped" (a later run took its place).
     */
    runNow(scenario, options = null) {
      dropPendingLive();
      if (!scenario?.warrant) return Promise.resolve('failed');
      if (!options) return start(scenario, liveOptions(), true);
      for (const k of OPTION_NUMBERS) {
        root.querySelector(`#valuation-${k}`).value = options[k] == null ? '' : String(options[k]);
      }
      for (const k of OPTION_SWITCHES) {
        if (typeof options[k] === 'boolean') root.querySelector(`#valuation-${k}`).checked = options[k];
      }
      showProblems([]);
      const ended = start(scenario, options, false);
      if (page.valuationOptions === options) return ended;
      // The link's options are refused (shown beside their fields): the headline still gets
      // the deal's figure, at the defaults.
      return start(scenario, liveOptions(), true);
    },
    /** Called with each new deterministic report: redraws the timeline (and hides the panel without a warrant). */
    render(report) {
      lastReport = report;
      lastReportKey = JSON.stringify(getScenario());
      lastReportScenario = JSON.parse(lastReportKey);
      root.hidden = !report.vesting;
      drawCharts();
    },
    /**
     * The live valuation of the deal as it now stands, at the defaults (16,384 quasi-random
     * paths, the scenario's grid, delta and vega if ticked): a provisional figure after the
     * first block, then the final one; a later edit drops it. While the reader types it
     * starts after a short pause, so that typing never waits for it.
     */
    live(scenario) {
      const asked = dropPendingLive();
      page.valuationOptions = null;
      if (!scenario?.warrant) return;
      const go = () => {
        if (asked === liveAsked) start(scenario, liveOptions(), true);
      };
      // A loaded deal starts once its report is painted; while the reader types, after a
      // short pause.
      if (page.typing) liveTimer = setTimeout(go, LIVE_DELAY_MS);
      else requestAnimationFrame(() => soon(go));
    },
  };
}
