// The panel "In the issuer's books": the warrant as a reduction of the vendor's revenue, quarter
// by quarter (accounting() in the core: ASC 606-10-32-25 with ASC 718, ASU 2019-08, ASU 2025-04).
// It runs on the page's workers in blocks (AccountingSimulation, blocks.js), with progress and
// cancel, and gives the result of one accounting() call. The standard and the probable
// threshold travel in share links (view.books), with `run` when the figures were shown: the
// recipient's page then computes them once its valuation is done (one run at a time).
import { AccountingSimulation } from './pkg/dealcalc.js';
import { el, fmt } from './dom.js';
import { t } from './i18n.js';
import { svg } from './charts.js';
import { cards, dataTable, placeProblems, scrollBox, problemSlot, readNumber, shownNumber } from './ui.js';
import { runInWorkers } from './blocks.js';

/** Revenue by quarter (bars) with the reduction stacked against it, and its data table. */
function quarterChart(a) {
  const q = a.schedule;
  if (!q.length) return null;
  const width = 720, height = 240, left = 84, right = 12, top = 12, bottom = 40;
  const max = Math.max(...q.map((x) => x.vendorRevenueUsd), 1);
  const bw = (width - left - right) / q.length;
  const y = (v) => top + (1 - v / max) * (height - top - bottom);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': 'books-chart-title' });
  s.append(svg('title', { id: 'books-chart-title' }, t('Vendor revenue by quarter and the warrant\'s reduction of it')));
  q.forEach((x, k) => {
    const x0 = left + k * bw + bw * 0.15;
    s.append(svg('rect', { x: x0, y: y(x.vendorRevenueUsd), width: bw * 0.7, height: height - bottom - y(x.vendorRevenueUsd), class: 'bar-low' }));
    s.append(svg('rect', { x: x0, y: y(x.revenueReductionUsd), width: bw * 0.7, height: height - bottom - y(x.revenueReductionUsd), class: 'bar-high' }));
    if (k % Math.ceil(q.length / 8) === 0) s.append(svg('text', { x: x0 + bw * 0.35, y: height - 22, 'text-anchor': 'middle', class: 'axis-label' }, x.quarter));
  });
  s.append(svg('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis-label' }, fmt.usd(max)));
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key bar-low' }), ` ${t('vendor revenue (expected deliveries)')}  `, el('span', { class: 'key bar-high' }), ` ${t('revenue reduction')}`);
  const rows = q.map((x) => [x.quarter, fmt.usd(x.vendorRevenueUsd), fmt.usd(x.revenueReductionUsd), fmt.usd(x.cumulativeReductionUsd), fmt.num(x.expectedIssuableShares, 0)]);
  return el('figure', { class: 'figure', id: 'books-chart' }, s, legend,
    scrollBox(t('By quarter (nominal)'), {}, dataTable(t('By quarter (nominal)'), [t('Quarter'), t('Vendor revenue'), t('Revenue reduction'), t('Cumulative reduction'), t('Expected issuable shares')], rows)));
}

/** The results of one accounting run. */
function results(a) {
  const chosen = a.standard === 'asu-2025-04' ? a.asu202504 : a.serviceCondition;
  const tranches = dataTable(t('Tranches at the grant ({date}, {price})', { date: fmt.date(a.grantDate), price: fmt.money(a.grantSharePrice) }),
    ['#', t('Shares'), t('Fair value per share (grant date, market condition only)'), '± s.e.', t('Milestone probability'), t('Probable')],
    a.tranches.map((x) => [String(x.index + 1), fmt.num(x.shares, 0), fmt.money(x.fairValuePerShareUsd), fmt.money(x.standardErrorUsd), fmt.pct(x.milestoneProbability, 1), x.probable ? t('yes') : t('no')]), true);
  return [
    cards([
      // data-value: the unrounded numbers, for scripts reading the page.
      { label: t('Revenue reduction, ASU 2025-04'), value: fmt.usd(a.asu202504.totalReductionUsd), out: 'books.asu202504', note: t('probable tranches × grant-date fair value'), attrs: { 'data-value': String(a.asu202504.totalReductionUsd) } },
      { label: t('Revenue reduction, service condition'), value: fmt.usd(a.serviceCondition.totalReductionUsd), out: 'books.serviceCondition', note: t('every tranche × fair value × milestone probability'), attrs: { 'data-value': String(a.serviceCondition.totalReductionUsd) } },
      { label: t('Reduction ÷ vendor revenue'), value: fmt.pct(a.reductionShareOfRevenue, 1), out: 'books.share', note: t('{standard}: {total} over the schedule', { standard: a.standard === 'asu-2025-04' ? 'ASU 2025-04' : t('service condition'), total: fmt.usd(chosen.totalReductionUsd) }) },
    ]),
    scrollBox(t('Tranches'), {}, tranches),
    quarterChart(a),
  ].filter(Boolean);
}

/**
 * Mounts the panel. `getScenario()` gives the page's scenario; `initial` the options of a
 * share link ({standard, probableThreshold}); `onResult(accounting, options)` receives each
 * finished run (for the CSV and the link).
 */
export function mountBooks(root, getScenario, initial = {}, onResult = () => {}) {
  const state = { standard: initial.standard ?? 'asu-2025-04', probableThreshold: initial.probableThreshold ?? 0.75 };
  const standard = el('select', { id: 'books-standard', 'data-path': 'options.standard' });
  standard.append(el('option', { value: 'asu-2025-04', text: t('ASU 2025-04 (performance condition)') }), el('option', { value: 'service-condition', text: t('service condition (the practice before it)') }));
  standard.value = state.standard;
  const thresholdField = { scale: 0.01, unit: '%' };
  const threshold = el('input', { id: 'books-threshold', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': 'options.probableThreshold', 'aria-describedby': 'e-books-threshold' });
  threshold.value = shownNumber(state.probableThreshold, thresholdField.scale);
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
    el('div', { class: 'field' }, el('label', { for: 'books-standard', text: t('Treatment for the schedule') }), standard),
    el('div', { class: 'field' }, el('label', { for: 'books-threshold', text: t('Probable from') }),
      el('div', { class: 'control' }, threshold, el('span', { class: 'unit', text: '%' }), el('small', { class: 'help', text: t('A policy choice: the probability from which a milestone counts as probable (default 75%).') })), thresholdError),
    el('div', { class: 'control' }, run, cancel, progress), status, problems, out,
  );
  const slots = new Map([['options.probableThreshold', { error: thresholdError, input: threshold, field: thresholdField }]]);

  let job = null; // {sim, run: {cancel()}}

  function idle() {
    run.disabled = false;
    cancel.disabled = true;
    job?.sim.free();
    job = null;
  }

  function start() {
    const scenario = getScenario();
    if (!scenario) return;
    state.standard = standard.value;
    state.probableThreshold = readNumber(threshold.value, thresholdField);
    const options = { standard: state.standard, probableThreshold: state.probableThreshold };
    let sim;
    try {
      sim = new AccountingSimulation(scenario, options);
    } catch (err) {
      const rest = placeProblems(err.problems ?? [], slots, problems);
      status.dataset.state = 'failed';
      status.textContent = rest.length ? t('Cannot run: {m}', { m: rest.join('; ') }) : '';
      return;
    }
    placeProblems([], slots, problems);
    run.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.dataset.state = 'running';
    status.textContent = t('Simulating the grant-date values and the deal…');
    job = {
      sim,
      run: runInWorkers(sim, 'accounting', scenario, options, {
        waiting() {
          status.textContent = t('Waiting for the valuation in flight to finish…');
        },
        started() {
          status.textContent = t('Simulating the grant-date values and the deal…');
        },
        progress(fraction) {
          progress.value = fraction;
        },
        done(finished, ms) {
          progress.value = 1;
          const result = finished.result();
          status.dataset.state = 'done';
          status.textContent = t('Done: {n} paths, seed {seed}, in {s} s.', { n: fmt.num(result.paths, 0), seed: result.seed, s: fmt.num(ms / 1000, 2) });
          status.dataset.ms = String(Math.round(ms));
          out.replaceChildren(...results(result));
          idle();
          onResult(result, options);
        },
        failed(message) {
          status.dataset.state = 'failed';
          status.textContent = t('The simulation failed: {m}', { m: message });
          idle();
        },
        stopped(fraction) {
          status.dataset.state = 'cancelled';
          status.textContent = t('Cancelled at {p}.', { p: fmt.pct(fraction, 0) });
          idle();
        },
      }),
    };
  }

  run.addEventListener('click', start);
  cancel.addEventListener('click', () => job?.run.cancel());
  return {
    /** Called with each new report: hides the panel for a deal without a warrant; the old results go stale. */
    render(report) {
      root.hidden = !report.dilution;
      out.classList.toggle('stale', out.childElementCount > 0);
    },
    options: () => ({ ...state }),
    /** Computes the books with the panel's options, as its button does (a share link's). */
    run: start,
  };
}
