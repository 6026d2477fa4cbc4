// Goal seek in the sensitivity section: "Set [output] to [target] by changing [input]" within a
// bracket, solved by the core's solve() (report numbers at once on this thread; simulated
// figures in a worker of their own, step by step with a progress bar, common random numbers
// so that the same seed gives the same answer). The methodology's worked example fills and
// runs it (event "dealcalc:solve").
import { SolveRun, solve } from './pkg/dealcalc.js';
import { el, fmt } from './dom.js';
import { getAt } from './fieldpath.js';
import { t } from './i18n.js';
import { placeProblems, problemSlot, readNumber, shownNumber } from './ui.js';
import { startWorker } from './blocks.js';

/** Outputs: the tornado's report numbers and the simulated figures, with their units. */
const OUTPUTS = [
  ['accounting.reductionShareOfRevenue', 'Books: reduction ÷ expected vendor revenue (simulated)', 'fraction'],
  ['accounting.totalReductionUsd', 'Books: revenue reduction (simulated)', 'usd'],
  ['valuation.totalFairValueUsd', 'Fair value of the warrant (simulated)', 'usd'],
  ['valuation.effectiveDiscount', 'Effective discount: fair value ÷ PV of vendor income (simulated)', 'fraction'],
  ['dilution.valueTransferUsd', 'Equity value given (intrinsic, ignoring conditions)', 'usd'],
  ['dilution.maxOwnership', 'Maximum ownership', 'fraction'],
  ['capacity.capexUsd', 'Capex', 'usd'],
  ['capacity.annualCostUsd', 'Annual cost', 'usd'],
  ['capacity.vendorRevenueUsd', 'Vendor revenue', 'usd'],
];
const SIMULATED = (path) => path.startsWith('valuation.') || path.startsWith('accounting.');
/** Paths of every trial of a simulated output, seed 1: about a tenth of a second a trial. */
const SOLVE_PATHS = 4000;
/** The control mounted last (the panels are mounted again on a language change). */
let current = null;
// The methodology's worked example: {output, target, input, lo, hi} in the core's units.
document.addEventListener('dealcalc:solve', ({ detail }) => current?.example(detail));

/** Inputs: an id of the tornado (its field's value) or a field path, with the field's unit. */
const INPUTS = [
  ['volatility', 'equity.volatility', 'Volatility', 'fraction'],
  ['warrant.tranches[0].priceTarget', 'warrant.tranches[0].priceTarget', 'First price target', 'price'],
  ['sharePrice', 'equity.sharePrice', 'Share price', 'price'],
  ['expectedReturn', 'equity.expectedReturn', 'Expected return', 'fraction'],
  ['riskFreeRate', 'equity.riskFreeRate', 'Risk-free rate', 'fraction'],
  ['sharesOutstanding', 'equity.sharesOutstanding', 'Shares outstanding', 'shares'],
  ['vendorRevenuePerGw', 'capacity.vendorRevenuePerGwUsd', 'Vendor revenue per GW', 'usd'],
  ['capexPerGw', 'capacity.capexPerGwUsd', 'Capex per GW', 'usd'],
  ['utilization', 'capacity.utilization', 'Utilization', 'fraction'],
];
/** How a unit is typed: the scale of the typed number and its sign. */
const UNITS = { fraction: { scale: 0.01, unit: '%' }, usd: { scale: 1e9, unit: '$ B' }, price: { scale: 1, unit: '$' }, shares: { scale: 1e6, unit: 'M' }, number: { scale: 1, unit: '' } };

/** Mounts the control in `root`. */
export function mountSolve(root, getScenario) {
  const output = el('select', { id: 'solve-output', 'data-path': 'spec.output' }, ...OUTPUTS.map(([p, label]) => el('option', { value: p, text: t(label) })));
  const target = el('input', { id: 'solve-target', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': 'spec.target', 'aria-describedby': 'e-solve-target' });
  const targetUnit = el('span', { class: 'unit' });
  const input = el('select', { id: 'solve-input', 'data-path': 'spec.input' }, ...INPUTS.map(([id, , label]) => el('option', { value: id, text: t(label) })));
  const lo = el('input', { id: 'solve-lo', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': 'spec.lo', 'aria-describedby': 'e-solve-lo' });
  const hi = el('input', { id: 'solve-hi', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': 'spec.hi', 'aria-describedby': 'e-solve-hi' });
  const [loUnit, hiUnit] = [el('span', { class: 'unit' }), el('span', { class: 'unit' })];
  const run = el('button', { type: 'button', id: 'solve-run', class: 'primary', text: t('Solve') });
  const progress = el('progress', { id: 'solve-progress', max: '1', value: '0', 'aria-label': t('Progress of the goal seek') });
  const status = el('p', { id: 'solve-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const problems = el('p', { class: 'problem', role: 'alert' });
  const slots = new Map([
    // Bounds in a problem are shown in the unit the reader types in.
    ['spec.target', { error: problemSlot('spec.target', 'e-solve-target'), input: target, get field() { return outUnit(); } }],
    ['spec.lo', { error: problemSlot('spec.lo', 'e-solve-lo'), input: lo, get field() { return inUnit(); } }],
    ['spec.hi', { error: problemSlot('spec.hi', 'e-solve-hi'), input: hi, get field() { return inUnit(); } }],
  ]);
  const unitOf = (kind) => UNITS[kind] ?? UNITS.number;
  const outUnit = () => unitOf(OUTPUTS.find(([p]) => p === output.value)?.[2]);
  const inUnit = () => unitOf(INPUTS.find(([id]) => id === input.value)?.[3]);
  /** A bracket around the input's value today: a quarter of it to twice it. */
  function bracket() {
    const [, path] = INPUTS.find(([id]) => id === input.value);
    const at = getAt(getScenario() ?? {}, path);
    const now = typeof at === 'number' ? at : null;
    const u = inUnit();
    lo.value = now == null ? '' : shownNumber(now / 4, u.scale);
    hi.value = now == null ? '' : shownNumber(now * 2, u.scale);
    loUnit.textContent = hiUnit.textContent = u.unit;
  }
  output.addEventListener('change', () => { targetUnit.textContent = outUnit().unit; });
  input.addEventListener('change', bracket);
  targetUnit.textContent = outUnit().unit;
  target.value = '5';
  bracket();
  root.replaceChildren(
    el('h3', { text: t('Goal seek') }),
    el('p', { class: 'help', text: t('Which value of one input brings an output to a target: the core searches the bracket (false position, Illinois); simulated figures use the same random numbers at every trial, so the same seed gives the same answer.') }),
    el('div', { class: 'field' }, el('label', { for: 'solve-output', text: t('Set') }), el('div', { class: 'control' }, output)),
    el('div', { class: 'field' }, el('label', { for: 'solve-target', text: t('to') }), el('div', { class: 'control' }, target, targetUnit), slots.get('spec.target').error),
    el('div', { class: 'field' }, el('label', { for: 'solve-input', text: t('by changing') }), el('div', { class: 'control' }, input)),
    el('div', { class: 'field' }, el('label', { for: 'solve-lo', text: t('from') }), el('div', { class: 'control' }, lo, loUnit), slots.get('spec.lo').error),
    el('div', { class: 'field' }, el('label', { for: 'solve-hi', text: t('to (at most)') }), el('div', { class: 'control' }, hi, hiUnit), slots.get('spec.hi').error),
    el('div', { class: 'control' }, run, progress), status, problems,
  );

  let worker = null;
  function show(x) {
    const [, , label, kind] = INPUTS.find(([id]) => id === input.value);
    const fmtIn = (v) => (kind === 'fraction' ? fmt.pct(v, 2) : kind === 'usd' ? fmt.usd(v) : fmt.num(v, 2));
    const fmtOut = (v) => (outUnit().unit === '%' ? fmt.pct(v, 2) : fmt.usd(v));
    const se = x.standardErrorUsd == null ? '' : ` ± ${fmtOut(x.standardErrorUsd)}`;
    status.dataset.state = 'done';
    status.dataset.value = String(x.value);
    status.dataset.output = String(x.output);
    status.textContent = t('{input} = {value} gives {output}{se} ({n} trials after the two ends; {lo} at the low end, {hi} at the high end).',
      { input: t(label), value: fmtIn(x.value), output: fmtOut(x.output), se, n: x.iterations, lo: fmtOut(x.outputAtLo), hi: fmtOut(x.outputAtHi) });
  }
  function failed(list, message) {
    const rest = placeProblems(list ?? [], slots, problems);
    status.dataset.state = 'failed';
    status.textContent = rest.length ? rest.join('; ') : (list?.length ? '' : message);
  }
  function start() {
    const scenario = getScenario();
    if (!scenario) return;
    worker?.terminate();
    worker = null;
    const spec = { output: output.value, target: readNumber(target.value, outUnit()), input: input.value, lo: readNumber(lo.value, inUnit()), hi: readNumber(hi.value, inUnit()) };
    placeProblems([], slots, problems);
    progress.value = 0;
    if (!SIMULATED(spec.output)) {
      try {
        show(solve(scenario, spec));
        progress.value = 1;
      } catch (e) {
        failed(e.problems, e.message);
      }
      return;
    }
    status.dataset.state = 'running';
    status.textContent = t('Solving: each trial is a simulation…');
    const w = startWorker();
    worker = w;
    w.onmessage = ({ data }) => {
      if (worker !== w) return;
      if (data.type === 'solve-progress') {
        progress.value = data.trials / data.max;
        return;
      }
      w.terminate();
      worker = null;
      progress.value = 1;
      if (data.solution) show(data.solution);
      else failed(data.problems, data.message);
    };
    w.postMessage({ type: 'solve', id: 1, scenario, spec: { ...spec, paths: SOLVE_PATHS, seed: 1 } });
  }
  run.addEventListener('click', start);
  current?.stop();
  current = { stop: () => worker?.terminate(), example };
  function example(detail) {
    output.value = detail.output;
    input.value = detail.input;
    targetUnit.textContent = outUnit().unit;
    bracket();
    target.value = shownNumber(detail.target, outUnit().scale);
    if (detail.lo != null) lo.value = shownNumber(detail.lo, inUnit().scale);
    if (detail.hi != null) hi.value = shownNumber(detail.hi, inUnit().scale);
    root.scrollIntoView({ block: 'start' });
    start();
  }
}
