// The valuation panel's figures (valuation.js runs the simulation): the cards (fair value with
// its standard error, delta and vega, the discount on vendor income, the value range, expected
// shares and ownership), the tranche table, and the charts below them (the vesting timeline
// with the simulated fan, the value histogram), which show a valuation only when it is of the
// deal the report is of.
import { el, fmt } from './dom.js';
import { vestingTimeline, valueHistogram } from './charts.js';
import { t } from './i18n.js';
import { assumptionNote, cards, scrollBox } from './ui.js';

/** "Fair value of the warrant: $20.1B ± $0.06B" for the one announcement. */
export function fairText(v) {
  return `${t('Fair value of the warrant')}: ${fmt.usd(v.totalFairValueUsd)} ± ${fmt.usd(v.standardErrorUsd)}`;
}

/** Delta or vega beside the fair value (once the bumped runs are done); `ticked`: whether
 *  the panel asks for them. */
function greeksCard(v, which, ticked) {
  const g = v.greeks;
  const delta = which === 'delta';
  const value = g ? fmt.usd(delta ? g.deltaUsd : g.vegaUsd) : '–';
  const se = g ? fmt.usd(delta ? g.deltaStandardErrorUsd : g.vegaStandardErrorUsd) : null;
  return {
    label: t(delta ? 'Delta (per $1 of share price)' : 'Vega (per volatility point)'),
    value,
    out: `valuation.greeks.${which}Usd`,
    note: g ? t('± {se}; same-seed runs at {bump}', { se, bump: delta ? t('spot ± 1%') : t('volatility ± 1 point') })
      : t(ticked ? 'after the four bumped runs' : 'tick "delta and vega" and run'),
    attrs: g ? { 'data-value': String(delta ? g.deltaUsd : g.vegaUsd) } : {},
  };
}

/** The figures of valuation `v` (`provisional`: a partial one), with the report's note on
 *  the fair value's assumptions. */
function valuationResults(v, provisional, report, greeksTicked) {
  // data-value, data-se: the unrounded numbers, for scripts reading the page.
  const measure = t(v.measures.probability === 'realWorld' ? 'real world' : 'risk-neutral (no expected return given)');
  const tbl = el('table', { class: 'data wide', id: 'valuation-tranches' }, el('caption', { text: t('Tranches (probabilities and dates real-world; values risk-neutral)') }));
  tbl.append(el('thead', {}, el('tr', {}, ...['#', 'Shares', 'Probability', 'Risk-neutral prob.', 'Expected vest', 'Median vest', 'Fair value', '± s.e.', 'Closed-form touch'].map((h) => el('th', { scope: 'col', text: t(h) })))));
  tbl.append(el('tbody', {}, ...v.tranches.map((tr) => el('tr', {}, ...[String(tr.index + 1), fmt.num(tr.shares, 0), fmt.pct(tr.probability, 1), fmt.pct(tr.riskNeutralProbability, 1), fmt.date(tr.expectedVestDate, '–'), fmt.date(tr.medianVestDate, '–'), fmt.usd(tr.fairValueUsd), fmt.usd(tr.standardErrorUsd), tr.closedFormTouchUsd == null ? '–' : fmt.usd(tr.closedFormTouchUsd)].map((c) => el('td', { text: c }))))));
  return [
    cards([
      { label: t('Fair value of the warrant'), value: fmt.usd(v.totalFairValueUsd), out: 'valuation.totalFairValueUsd', note: provisional ? t('provisional: {paths} paths, ± {se}', { paths: fmt.num(v.paths, 0), se: fmt.usd(v.standardErrorUsd) }) : t('± {se} (1 s.e.), risk-neutral', { se: fmt.usd(v.standardErrorUsd) }), attrs: { 'data-value': String(v.totalFairValueUsd), 'data-se': String(v.standardErrorUsd), 'data-steps': String(v.stepsPerYear) } },
      greeksCard(v, 'delta', greeksTicked),
      greeksCard(v, 'vega', greeksTicked),
      { label: t('As a discount on vendor income'), value: fmt.pct(v.effectiveDiscount, 1), out: 'valuation.effectiveDiscount', note: t('fair value ÷ present value of expected vendor income, both today') },
      { label: t('Value range (5–95%)'), value: `${fmt.usd(v.percentiles.p5)} – ${fmt.usd(v.percentiles.p95)}`, out: 'valuation.percentiles', note: t('median {x}', { x: fmt.usd(v.percentiles.p50) }) },
      { label: t('Expected shares issued'), value: fmt.num(v.expectedSharesIssued, 0), out: 'valuation.expectedSharesIssued', note: measure },
      { label: t('Expected ownership'), value: fmt.pct(v.expectedOwnership), out: 'valuation.expectedOwnership', note: measure },
    ]),
    assumptionNote(report?.assumptions?.fairValue, t('The fair value and the tranche values')),
    scrollBox(t('Tranches (probabilities and dates real-world; values risk-neutral)'), {}, tbl),
  ];
}

/**
 * The figures drawn into `results` and `charts`; `greeksTicked()` says whether the panel asks
 * for delta and vega. Keeps the last valuation shown and the last report, so that a language
 * change draws them again. Returns {show(v, provisional), ranFor(key), report(report, key),
 * drawCharts(), redraw()}.
 */
export function valuationFigures({ results, charts }, greeksTicked) {
  let lastValuation = null;
  let lastProvisional = false;
  /** The scenario (as JSON) of the last run started, and that of the last report. */
  let lastScenarioKey = null;
  let lastReport = null;
  let lastReportKey = null;
  let lastReportScenario = null;
  let chartsTimer = null;

  function drawCharts() {
    // The scenario of the last valid report (the form may hold an invalid one by now).
    const scenario = lastReportScenario;
    if (!scenario || !lastReport) return;
    const fresh = lastValuation && lastScenarioKey === lastReportKey ? lastValuation : null;
    results.classList.toggle('stale', Boolean(lastValuation) && !fresh);
    charts.replaceChildren(...[vestingTimeline({ scenario, report: lastReport, valuation: fresh }), fresh ? valueHistogram(fresh) : null].filter(Boolean));
  }

  /** Shows valuation `v` (`provisional`: a partial one, from the blocks so far). */
  function show(v, provisional = false) {
    lastValuation = v;
    lastProvisional = provisional;
    results.replaceChildren(...valuationResults(v, provisional, lastReport, greeksTicked()));
    // The charts in a task of their own: the figures first.
    clearTimeout(chartsTimer);
    chartsTimer = setTimeout(drawCharts, 0);
  }

  return {
    show,
    /** A run of the scenario `key` (its JSON) starts. */
    ranFor(key) {
      lastScenarioKey = key;
    },
    /** A new report, of the scenario `key` (its JSON); drawCharts() draws it. */
    report(report, key) {
      lastReport = report;
      lastReportKey = key;
      lastReportScenario = JSON.parse(key);
    },
    drawCharts,
    /** Draws the figures again (in the page's new language). */
    redraw() {
      if (lastValuation) show(lastValuation, lastProvisional);
      else drawCharts();
    },
  };
}
