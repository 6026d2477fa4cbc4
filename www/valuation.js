// The valuation panel: runs valueWarrant's chunked form (WarrantSimulation) in a Web Worker with
// a progress bar and a cancel button, fills the results in as they converge, and draws the
// vesting timeline and the value distribution.
import { el, fmt, parseNumber } from './dom.js';
import { vestingTimeline, valueHistogram } from './charts.js';
import { t, lang } from './i18n.js';

export function mountValuation(root, getScenario, onResult = () => {}) {
  const input = (id, label, value, help) => {
    const i = el('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-path': `options.${id.replace('valuation-', '')}` });
    i.value = value;
    return el('div', { class: 'field' }, el('label', { for: id, text: t(label) }), el('div', { class: 'control' }, i, help ? el('small', { class: 'help', text: t(help) }) : null),
      el('span', { class: 'problem', 'data-problem-for': `options.${id.replace('valuation-', '')}` }));
  };
  const check = (id, label) => {
    const c = el('input', { id, type: 'checkbox' });
    c.checked = true;
    return el('label', { class: 'check' }, c, ` ${t(label)}`);
  };
  const run = el('button', { type: 'button', id: 'valuation-run', class: 'primary', text: t('Run simulation') });
  const cancel = el('button', { type: 'button', id: 'valuation-cancel', text: t('Cancel') });
  cancel.disabled = true;
  const progress = el('progress', { id: 'valuation-progress', max: '1', value: '0', 'aria-label': t('Simulation progress') });
  const status = el('p', { id: 'valuation-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = el('div', { id: 'valuation-results' });
  const charts = el('div', { id: 'valuation-charts' });
  root.replaceChildren(
    el('h2', { text: t('Value the warrant (Monte Carlo)') }),
    el('p', { class: 'help', text: t('Fair values are risk-neutral (drift r − q, discounted at r). Probabilities and vest dates are real-world (drift: expected return − q). Deployment risk: each non-binding phase happens with its probability and may run late.') }),
    input('valuation-paths', 'Paths', '20000'),
    input('valuation-seed', 'Seed', '1', 'same seed, same result'),
    input('valuation-stepsPerYear', 'Steps per year', '', 'blank: 252 (trading days) for close/average tests, else 52'),
    el('div', { class: 'control' }, check('valuation-antithetic', 'antithetic paths'), check('valuation-controlVariate', 'control variate (closed-form one-touch)')),
    el('div', { class: 'control' }, run, cancel, progress),
    status, results, charts,
  );

  let worker = null;
  let runId = 0;
  let lastValuation = null;
  let lastReport = null;
  let lastScenarioKey = null;

  function options() {
    const o = {};
    for (const k of ['paths', 'seed', 'stepsPerYear']) {
      const text = root.querySelector(`#valuation-${k}`).value;
      if (text.trim() !== '') o[k] = parseNumber(text, false, lang() === 'de');
    }
    o.antithetic = root.querySelector('#valuation-antithetic').checked;
    o.controlVariate = root.querySelector('#valuation-controlVariate').checked;
    return o;
  }

  function showProblems(problems) {
    for (const slot of root.querySelectorAll('[data-problem-for]')) slot.textContent = '';
    const rest = [];
    for (const p of problems) {
      const slot = root.querySelector(`[data-problem-for="${p.path}"]`);
      if (slot) slot.textContent = p.message;
      else rest.push(p.path ? `${p.path}: ${p.message}` : p.message);
    }
    return rest.join('; ');
  }

  function ensureWorker() {
    if (worker) return worker;
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (e) => onMessage(e.data);
    worker.onerror = (e) => {
      status.textContent = t('The simulation failed: {m}', { m: e.message });
      idle();
    };
    return worker;
  }

  function idle() {
    run.disabled = false;
    cancel.disabled = true;
  }

  function onMessage(msg) {
    if (msg.id !== runId) return;
    if (msg.type === 'error') {
      const rest = showProblems(msg.problems);
      status.textContent = t('Cannot run: {m}', { m: rest || msg.message });
      idle();
      return;
    }
    progress.value = msg.progress;
    if (msg.type === 'cancelled') {
      status.dataset.state = 'cancelled';
      status.textContent = t('Cancelled at {p}; the figures below are from the paths run so far.', { p: fmt.pct(msg.progress, 0) });
      idle();
      return;
    }
    lastValuation = msg.result;
    renderResults(msg.result);
    if (msg.type === 'done') {
      status.dataset.state = 'done';
      status.textContent = t('Done: {paths} paths × {steps} steps in {s} s.', { paths: fmt.num(msg.result.paths, 0), steps: fmt.num(msg.result.steps, 0), s: fmt.num(msg.ms / 1000, 2) });
      idle();
      onResult(msg.result);
    } else {
      status.dataset.state = 'running';
      status.textContent = t('Running… {p} ({paths} paths so far)', { p: fmt.pct(msg.progress, 0), paths: fmt.num(msg.result.paths, 0) });
    }
  }

  run.addEventListener('click', () => {
    const scenario = getScenario();
    if (!scenario) return;
    showProblems([]);
    runId += 1;
    lastScenarioKey = JSON.stringify(scenario);
    progress.value = 0;
    status.dataset.state = 'running';
    status.textContent = t('Starting…');
    run.disabled = true;
    cancel.disabled = false;
    ensureWorker().postMessage({ type: 'run', id: runId, scenario, options: options(), chunk: 100 });
  });

  cancel.addEventListener('click', () => {
    const id = runId;
    worker?.postMessage({ type: 'cancel', id });
    // A worker stuck in a long chunk is stopped outright.
    setTimeout(() => {
      if (id === runId && !cancel.disabled && worker) {
        worker.terminate();
        worker = null;
        status.dataset.state = 'cancelled';
        status.textContent = t('Cancelled.');
        idle();
      }
    }, 1500);
  });

  function renderResults(v) {
    const card = (label, value, out, note) => el('div', { class: 'card' }, el('div', { class: 'card-label', text: label }), el('div', { class: 'card-value', 'data-out': out, text: value }), note ? el('div', { class: 'card-note', text: note }) : null);
    const tbl = el('table', { class: 'data wide', id: 'valuation-tranches' }, el('caption', { text: t('Tranches (probabilities and dates real-world; values risk-neutral)') }));
    tbl.append(el('thead', {}, el('tr', {}, ...['#', 'Shares', 'Probability', 'Risk-neutral prob.', 'Expected vest', 'Median vest', 'Fair value', '± s.e.', 'Closed-form touch'].map((h) => el('th', { scope: 'col', text: t(h) })))));
    tbl.append(el('tbody', {}, ...v.tranches.map((tr) => el('tr', {}, ...[String(tr.index + 1), fmt.num(tr.shares, 0), fmt.pct(tr.probability, 1), fmt.pct(tr.riskNeutralProbability, 1), fmt.date(tr.expectedVestDate, '–'), fmt.date(tr.medianVestDate, '–'), fmt.usd(tr.fairValueUsd), fmt.usd(tr.standardErrorUsd), tr.closedFormTouchUsd == null ? '–' : fmt.usd(tr.closedFormTouchUsd)].map((c) => el('td', { text: c }))))));
    results.replaceChildren(
      el('div', { class: 'cards' },
        card(t('Fair value of the warrant'), fmt.usd(v.totalFairValueUsd), 'valuation.totalFairValueUsd', t('± {se} (1 s.e.), risk-neutral', { se: fmt.usd(v.standardErrorUsd) })),
        card(t('As a discount on vendor revenue'), fmt.pct(v.effectiveDiscount, 1), 'valuation.effectiveDiscount', t('fair value ÷ vendor revenue')),
        card(t('Value range (5–95%)'), `${fmt.usd(v.percentiles.p5)} – ${fmt.usd(v.percentiles.p95)}`, 'valuation.percentiles', t('median {x}', { x: fmt.usd(v.percentiles.p50) })),
        card(t('Expected shares issued'), fmt.num(v.expectedSharesIssued, 0), 'valuation.expectedSharesIssued', t('real world')),
        card(t('Expected ownership'), fmt.pct(v.expectedOwnership), 'valuation.expectedOwnership', t('real world'))),
      el('div', { class: 'table-wrap' }, tbl),
    );
    drawCharts();
  }

  function drawCharts() {
    const scenario = getScenario();
    if (!scenario || !lastReport) return;
    const fresh = lastValuation && lastScenarioKey === JSON.stringify(scenario) ? lastValuation : null;
    results.classList.toggle('stale', Boolean(lastValuation) && !fresh);
    charts.replaceChildren(...[vestingTimeline({ scenario, report: lastReport, valuation: fresh }), fresh ? valueHistogram(fresh) : null].filter(Boolean));
  }

  return {
    /** Called with each new deterministic report: redraws the timeline (and hides the panel without a warrant). */
    render(report) {
      lastReport = report;
      root.hidden = !report.vesting;
      drawCharts();
    },
  };
}
