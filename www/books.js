// The panel "In the issuer's books": the warrant as a reduction of the vendor's revenue, quarter
// by quarter (accounting() in the core: ASC 606-10-32-25 with ASC 718, ASU 2019-08, ASU 2025-04).
// It runs on the page's workers in blocks (AccountingSimulation, blocks.js), with progress and
// cancel (panel-run.js), and gives the result of one accounting() call; its figures are
// books-view.js's.
// Live: after each final fair value of the deal as it stands (app.js calls live()), a
// provisional run of LIVE_PATHS paths, then the full run refines it, with no click. The
// options travel in share links (view.books), with `run` when the figures were shown.
import { AccountingSimulation } from './pkg/dealcalc.js';
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { placeProblems, problemSlot, readNumber, shownNumber } from './ui.js';
import { panelRun } from './panel-run.js';
import { booksResults } from './books-view.js';

/** Paths of the live books' provisional run (the full run uses the core's default). */
export const LIVE_PATHS = 2000;
/** The probable threshold's field: typed in %. */
const THRESHOLD_FIELD = { scale: 0.01, unit: '%' };

/**
 * Draws the panel into `root` with the options `state`. Returns its controls, the problems'
 * slots beside the fields (`slots`, and `problems` for the others) and `out` for the figures.
 */
function drawBooks(root, state) {
  const standard = el('select', { id: 'books-standard', 'data-path': 'options.standard' });
  standard.append(el('option', { value: 'asu-2025-04', text: t('ASU 2025-04 (performance condition)') }), el('option', { value: 'service-condition', text: t('service condition (the practice before it)') }),
    el('option', { value: 'as-occurred', text: t('forfeitures as they occur (before it)') }));
  standard.value = state.standard;
  const attribution = el('select', { id: 'books-attribution', 'data-path': 'options.attribution' });
  attribution.append(el('option', { value: 'tranche', text: t('by tranche (up to its milestone)') }), el('option', { value: 'contract', text: t('over the contract') }));
  attribution.value = state.attribution;
  const adoption = el('input', { id: 'books-adoption', type: 'date', 'data-path': 'options.adoptionDate', 'aria-describedby': 'e-books-adoption' });
  adoption.value = state.adoptionDate ?? '';
  const adoptionError = problemSlot('options.adoptionDate', 'e-books-adoption');
  const threshold = el('input', { id: 'books-threshold', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': 'options.probableThreshold', 'aria-describedby': 'e-books-threshold' });
  threshold.value = shownNumber(state.probableThreshold, THRESHOLD_FIELD.scale);
  const thresholdError = problemSlot('options.probableThreshold', 'e-books-threshold');
  const run = el('button', { type: 'button', id: 'books-run', class: 'primary', text: t('Compute the books') });
  const cancel = el('button', { type: 'button', id: 'books-cancel', text: t('Cancel') });
  cancel.disabled = true;
  const progress = el('progress', { id: 'books-progress', max: '1', value: '0', 'aria-label': t('Progress of the books') });
  const status = el('p', { id: 'books-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const out = el('div', { id: 'books-results' });
  const problems = el('p', { class: 'problem', role: 'alert' });
  root.replaceChildren(
    el('h2', { text: t('In the issuer\'s books') }),
    el('p', { class: 'help', text: t('The warrant is consideration payable to a customer (ASC 606-10-32-25), measured at its grant-date fair value (ASC 718, ASU 2019-08); it reduces the vendor\'s revenue as the purchases are recognised. ASU 2025-04 counts the tranches whose purchase milestone is probable; the earlier practice weighted every tranche by its probability. A model of the standards, not an auditor\'s opinion.') }),
    el('div', { class: 'field' }, el('label', { for: 'books-standard', text: t('Treatment for the schedule') }), el('div', { class: 'control' }, standard)),
    el('div', { class: 'field' }, el('label', { for: 'books-attribution', text: t('Attribution') }), el('div', { class: 'control' }, attribution)),
    el('div', { class: 'field' }, el('label', { for: 'books-adoption', text: t('ASU 2025-04 adopted on') }),
      el('div', { class: 'control' }, adoption, el('small', { class: 'help', text: t('The first day of the issuer\'s fiscal year of adoption (AMD: 2026-12-27); empty: from the grant, which assumes early adoption. The quarters before it follow the treatment above, or the service condition when the ASU is chosen.') })), adoptionError),
    el('div', { class: 'field' }, el('label', { for: 'books-threshold', text: t('Probable from') }),
      el('div', { class: 'control' }, threshold, el('span', { class: 'unit', text: '%' }), el('small', { class: 'help', text: t('A policy choice: the probability from which a milestone counts as probable (default 75%).') })), thresholdError),
    el('div', { class: 'control' }, run, cancel, progress), status, problems, out,
  );
  const slots = new Map([['options.probableThreshold', { error: thresholdError, input: threshold, field: THRESHOLD_FIELD }],
    ['options.adoptionDate', { error: adoptionError, input: adoption }]]);
  return { standard, attribution, adoption, threshold, run, cancel, progress, status, out, problems, slots };
}

/** The status line's words of a run waiting for the valuation, cancelled, or stopped by an
 *  edit of the deal (panel-run.js). */
const STATUS_TEXTS = {
  waiting: () => t('Waiting for the valuation in flight to finish…'),
  cancelled: (fraction) => t('Cancelled at {p}.', { p: fmt.pct(fraction, 0) }),
  superseded: () => t('Waiting for the fair value of the deal as edited…'),
};

/**
 * Mounts the panel. `getScenario()` gives the page's scenario; `initial` the options of a
 * share link ({standard, probableThreshold}); `onResult(accounting, options)` receives each
 * finished run (for the CSV and the link).
 */
export function mountBooks(root, getScenario, initial = {}, onResult = () => {}) {
  const state = { standard: initial.standard ?? 'asu-2025-04', probableThreshold: initial.probableThreshold ?? 0.75, attribution: initial.attribution ?? 'tranche', adoptionDate: initial.adoptionDate ?? null };
  const panel = drawBooks(root, state);
  const { status, out } = panel;
  const runs = panelRun({ kind: 'accounting', run: panel.run, cancel: panel.cancel, progress: panel.progress, status, texts: STATUS_TEXTS });

  /**
   * Runs the books with the panel's options. `live`: a provisional run of LIVE_PATHS paths
   * first, then the full one (a run in flight is dropped either way).
   */
  function start({ live = false } = {}) {
    const scenario = getScenario();
    if (!scenario) return;
    state.standard = panel.standard.value;
    state.probableThreshold = readNumber(panel.threshold.value, THRESHOLD_FIELD);
    state.attribution = panel.attribution.value;
    state.adoptionDate = panel.adoption.value || null;
    const chosen = { standard: state.standard, probableThreshold: state.probableThreshold, attribution: state.attribution, adoptionDate: state.adoptionDate };
    const options = live ? { ...chosen, paths: LIVE_PATHS } : chosen;
    let sim;
    try {
      sim = new AccountingSimulation(scenario, options);
    } catch (err) {
      const rest = placeProblems(err.problems ?? [], panel.slots, panel.problems);
      status.dataset.state = 'failed';
      runs.setStatus(() => (rest.length ? t('Cannot run: {m}', { m: rest.join('; ') }) : ''));
      return;
    }
    placeProblems([], panel.slots, panel.problems);
    // The button stays enabled: a new run replaces the one in flight (the live one included).
    runs.start(sim, { scenario, options }, {
      starting: () => t('Simulating the grant-date values and the deal…'),
      handlers: {
        done(finished, ms) {
          const result = finished.result();
          status.dataset.state = live ? 'provisional' : 'done';
          runs.setStatus(() => (live
            ? t('Provisional: {n} paths; refining…', { n: fmt.num(result.paths, 0) })
            : t('Done: {n} paths, seed {seed}, in {s} s.', { n: fmt.num(result.paths, 0), seed: result.seed, s: fmt.num(ms / 1000, 2) })));
          status.dataset.ms = String(Math.round(ms));
          out.replaceChildren(...booksResults(result, live));
          out.classList.remove('stale');
          // Once the panel is idle: the full run after the provisional one, or the result.
          return live ? () => start() : () => {
            performance.mark('dealcalc:books-final'); // the benchmark's end of the live books
            onResult(result, chosen);
          };
        },
      },
    });
  }

  panel.run.addEventListener('click', () => start());
  return {
    /** Called with each new report: hides the panel for a deal without a warrant; the old results go stale. */
    render(report) {
      root.hidden = !report.dilution;
      out.classList.toggle('stale', out.childElementCount > 0);
    },
    options: () => ({ ...state }),
    /** Computes the books with the panel's options, as its button does (a share link's). */
    run: () => start(),
    /** The deal changed: a run in flight stops (the valuation goes first), and the figures go stale. */
    stop: () => runs.stop(),
    /** The deal's fair value is final: the books follow, provisional and then refined. */
    live() {
      if (!root.hidden) start({ live: true });
    },
  };
}
