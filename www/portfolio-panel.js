// The page's portfolio panel: which deals, as of which date, compared with which other date.
// The deals are the catalogue's versions in force on the "as of" date (deals.js; empty: each
// deal as it stands, the superseded left out), beside the page's deal as edited; "compare with"
// adds the same selection as it stood on a second date, the totals side by side and the events
// between the two dates. The figures are portfolio.js's; the selection travels in share links
// (view.portfolio). Once the panel is on screen, the selection's warrants are valued on the
// page's workers, one after another, at the live valuation's options; the flows then show the
// equity given at fair value (until then, and where a run fails, at intrinsic value, labelled).
import { el, fmt } from './dom.js';
import { t, local, problemText, statusName } from './i18n.js';
import { cards, dataTable, evaluateScenario, scrollBox } from './ui.js';
import { deal, dealIdsAsOf, deals, published } from './deals.js';
import { portfolioResults } from './portfolio.js';
import { runInWorkers } from './blocks.js';
import { LIVE_OPTIONS } from './valuation.js';

/** The "as of" of an empty date field: every deal's latest version. */
const LATEST = '9999-12-31';

/** The totals compared between two dates: [label, read, format]. Purchases and contract
 *  payments stay apart: a cloud contract may pay for the machines a chip deal sells. */
const COMPARED = [
  ['Purchases (vendor revenue, nominal)', (p) => p.totals.vendorRevenueUsd, fmt.usd],
  ['Contract payments (nominal)', (p) => p.totals.contractUsd, fmt.usd],
  ['Purchases (expected)', (p) => p.totals.expected.vendorRevenueUsd, fmt.usd],
  ['Contract payments (expected)', (p) => p.totals.expected.contractUsd, fmt.usd],
  ['GW in chip deals', (p) => p.totals.gwByLayer.chips, (x) => `${fmt.num(x, 2)} GW`],
  ['GW in cloud deals', (p) => p.totals.gwByLayer.cloud, (x) => `${fmt.num(x, 2)} GW`],
  ['Investment (nominal)', (p) => p.totals.investmentUsd, fmt.usd],
  ['Guarantees at their maximum (contingent)', (p) => p.totals.guaranteeUsd, fmt.usd],
];

/** Every catalogue version dated after `from` and on or before `to`, oldest first. */
function eventsBetween(from, to) {
  return deals().flatMap((d) => d.versions.filter((v) => v.asOf > from && v.asOf <= to).map((v) => ({ ...v, name: d.name })))
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
}

/**
 * What the selection's buyers said they committed, beside the portfolio's own sums on the same
 * basis: GW per layer and money per layer through the stated end year (purchases in chip deals,
 * contract payments in cloud deals; all years without an end year). The layers are never added
 * into one figure but shown as a range (a cloud deal may run on a chip deal's GW and pay for
 * the same machines), and the difference is named against the range's top: at least that much
 * is not in the selected deals.
 */
function statedBeside(dc, p, scenarios, date) {
  const buyers = new Set(p.deals.map((d) => d.buyer));
  const rows = published(date === LATEST ? null : date).filter((x) => buyers.has(x.party));
  if (!rows.length) return [];
  const layerOf = (s) => s.layer ?? (s.contract ? 'cloud' : 'chips');
  const byLayer = ['chips', 'cloud'].map((layer) => {
    const list = scenarios.filter((s) => layerOf(s) === layer);
    return list.length ? dc.portfolio(list) : null;
  });
  const paid = (q, year) => (q ? q.byYear.filter((y) => year == null || y.year <= year).reduce((a, y) => a + y.paymentsUsd, 0) : 0);
  const range = (a, b, format) => `${format(Math.max(a, b))}–${format(a + b)}`;
  const gwText = (x) => `${fmt.num(x, 2)} GW`;
  const body = rows.flatMap((x) => {
    const source = `${x.source.title} (${t(x.source.tier)}, ${fmt.date(x.source.date ?? x.asOf)})`;
    const head = `${x.party}, ${fmt.date(x.asOf)}: ${local(x.label)}`;
    const out = [];
    if (x.gw != null) {
      const [chips, cloud] = [p.totals.gwByLayer.chips, p.totals.gwByLayer.cloud];
      const ours = `${gwText(chips)} ${t('chips')} · ${gwText(cloud)} ${t('cloud')}: ${range(chips, cloud, gwText)}`;
      out.push([head, gwText(x.gw), ours, differenceText(x.gw - (chips + cloud), gwText), source]);
    }
    if (x.usd != null) {
      const [chips, cloud] = byLayer.map((q) => paid(q, x.through));
      const basis = x.through == null ? t('all years') : t('through {year}', { year: x.through });
      const ours = `${fmt.usd(chips)} ${t('chips')} · ${fmt.usd(cloud)} ${t('cloud')}: ${range(chips, cloud, fmt.usd)} (${basis})`;
      out.push([head, fmt.usd(x.usd), ours, differenceText(x.usd - (chips + cloud), fmt.usd), source]);
    }
    return out;
  });
  return [scrollBox(t('What the parties said, beside these deals'), { id: 'portfolio-stated' },
    dataTable(t('What the parties said, beside these deals'), [t('Stated'), t('Figure'), t('These deals (nominal; chips and cloud not added)'), t('Difference'), t('Source')], body))];
}

/** The stated figure less the top of our range: missing from the deals, or exceeded. */
function differenceText(gap, format) {
  return gap >= 0 ? t('at least {x} not in the selected deals', { x: format(gap) }) : t('the deals may exceed it by up to {x}', { x: format(-gap) });
}

/** The selection `ids` as it stood on `date` (a deal not yet made then is left out);
 *  "current" is the page's deal, `current()`. */
function scenariosAsOf(ids, date, current) {
  return ids.flatMap((id) => {
    if (id === 'current') return [current() ?? {}];
    return dealIdsAsOf(date).includes(id) ? [deal(id, { asOf: date })] : [];
  });
}

/**
 * The totals of the selection `ids` (portfolio `p` on the "as of" date `asOf`) beside those on
 * the date `other`, and the events between; nothing without a date to compare with.
 */
function compared(dc, p, ids, asOf, other, current) {
  if (!other) return [];
  const earlier = scenariosAsOf(ids, other, current);
  const before = earlier.length ? dc.portfolio(earlier) : null;
  const [from, to] = other <= asOf ? [other, asOf] : [asOf, other];
  const label = (d) => (d === LATEST ? t('as they stand') : fmt.date(d));
  const rows = COMPARED.map(([name, read, format]) => {
    const a = before ? read(before) : 0;
    const b = read(p);
    return [t(name), format(a), format(b), format(b - a)];
  });
  const events = eventsBetween(from, to);
  return [
    el('h3', { text: t('{a} compared with {b}', { a: label(asOf), b: label(other) }) }),
    cards([{ label: t('Deals then'), value: String(earlier.length), out: 'portfolio.dealsThen', note: t('of the {n} selected', { n: ids.length }) }]),
    scrollBox(t('Totals on both dates'), { id: 'portfolio-compare-table' }, dataTable(t('Totals on both dates'), [t('Measure'), label(other), label(asOf), t('Change')], rows)),
    el('h3', { text: t('Events between the two dates') }),
    events.length
      ? el('ol', { class: 'events', id: 'portfolio-events' }, ...events.map((v) => el('li', {}, el('strong', { text: `${fmt.date(v.asOf)} · ${local(v.name)}` }), ` (${t(statusName(v.status))}): ${local(v.event)}`)))
      : el('p', { class: 'help', id: 'portfolio-events', text: t('No catalogue event between these dates.') }),
  ];
}

/**
 * The valuations of the selection's warrants, drawn into `warrants`. Returns
 * valueWarrants(p, scenarios, start, showFair): values each warrant of portfolio `p`'s
 * `scenarios` on the workers, one after another (a new call drops the runs in flight), gives
 * showFair(fair) the fair value less intrinsic value by pair once every warrant of the pair
 * is valued (for the flows), and draws a table of each warrant's fair value beside its
 * intrinsic value. `start` false: the table only, every row waiting.
 */
function warrantValuations(dc, warrants) {
  let valuing = null;
  return function valueWarrants(p, scenarios, start, showFair) {
    valuing?.cancel();
    valuing = null;
    const list = scenarios.map((s) => ({ s, report: evaluateScenario(dc, s).report })).filter((x) => x.s.warrant && x.s.equity && x.report?.dilution);
    if (!list.length) {
      warrants.replaceChildren();
      return;
    }
    const results = [];
    const draw = (state) => {
      // Fair value less intrinsic value, by pair, once every warrant of the pair is valued.
      const fair = new Map();
      const pending = new Set(list.slice(results.length).map((x) => `${x.s.vendor.trim()}→${x.s.buyer.trim()}`));
      results.forEach((v, i) => {
        const key = `${list[i].s.vendor.trim()}→${list[i].s.buyer.trim()}`;
        if (v && !pending.has(key)) fair.set(key, (fair.get(key) ?? 0) + v.totalFairValueUsd - list[i].report.dilution.valueTransferUsd);
      });
      if (fair.size) showFair(fair);
      const rows = list.map((x, i) => {
        const v = results[i];
        let value = t('waiting');
        if (v) value = `${fmt.usd(v.totalFairValueUsd)} ± ${fmt.usd(v.standardErrorUsd)}`;
        else if (i < results.length) value = t('not valued: the flow stays at intrinsic value');
        else if (i === results.length && state === 'running') value = t('valuing…');
        return [x.s.name, `${x.s.vendor} → ${x.s.buyer}`, fmt.usd(x.report.dilution.valueTransferUsd), value];
      });
      const caption = t('Warrants in the selection: fair value (risk-neutral Monte Carlo, {paths} paths) beside intrinsic value', { paths: fmt.num(LIVE_OPTIONS.paths, 0) });
      warrants.replaceChildren(scrollBox(caption, {}, dataTable(caption, [t('Deal'), t('Issuer → holder'), t('Intrinsic value (ignores every condition)'), t('Fair value ± standard error')], rows)));
      warrants.dataset.state = state;
    };
    if (!start) return draw('waiting');
    const next = () => {
      if (results.length === list.length) return draw('done');
      draw('running');
      const { s } = list[results.length];
      let sim;
      let input;
      try {
        input = dc.simulationInput(s, LIVE_OPTIONS);
        sim = dc.WarrantSimulation.fromInput(input);
      } catch {
        results.push(null);
        return next();
      }
      valuing = runInWorkers(sim, 'portfolio', { input }, {
        progress: () => {},
        done: (done) => {
          results.push(done.result());
          done.free();
          next();
        },
        failed: () => {
          sim.free();
          results.push(null);
          next();
        },
        stopped: () => sim.free(),
      });
    };
    next();
  };
}

/** The catalogue's deals among `offered` whose buyer is OpenAI (the selection by default). */
const openaiOf = (offered) => offered.filter((p) => p.id !== 'current' && p.deal.buyer === 'OpenAI').map((p) => p.id);

/** The buttons that pick a group of the `offered` deals at once: `choose(ids)` on a click. */
function quickPicks(offered, choose) {
  const pick = (test) => offered.filter((p) => p.id !== 'current' && test(p.deal)).map((p) => p.id);
  const quick = (label, ids) => {
    const b = el('button', { type: 'button', text: t(label) });
    b.addEventListener('click', () => choose(ids));
    return b;
  };
  return [quick('All deals', pick(() => true)), quick('OpenAI as buyer', openaiOf(offered)), quick('Anthropic as buyer', pick((d) => d.buyer === 'Anthropic')),
    quick('Meta as buyer', pick((d) => d.buyer === 'Meta')), quick('AMD as issuer', pick((d) => d.vendor === 'AMD' && d.warrant))];
}

/**
 * Mounts the view. `state`: what the view showed before (a language change mounts it again) or
 * what a share link gives: {ids ("current" is the page's deal as edited, which the link carries
 * anyway), asOf, compare (ISO dates or ''), picked (whether the reader chose the deals)};
 * `current()`: that deal; `onResult(portfolio, state)` after each computation (for the CSV and
 * the link).
 */
export function mountPortfolio(dc, root, state = {}, current = () => null, onResult = () => {}) {
  const initial = state.ids ?? null;
  const asOfInput = el('input', { type: 'date', id: 'portfolio-as-of', min: '2025-01-01', max: '2100-12-31' });
  const compareInput = el('input', { type: 'date', id: 'portfolio-compare', min: '2025-01-01', max: '2100-12-31' });
  asOfInput.value = state.asOf ?? '';
  compareInput.value = state.compare ?? '';
  const asOf = () => asOfInput.value || LATEST;
  /** The deals offered on the "as of" date: the page's deal, and the catalogue's in force. */
  const offered = () => [{ id: 'current', name: { en: t('The deal above (as edited)') }, deal: current() ?? {} },
    ...dealIdsAsOf(asOf()).map((id) => ({ id, name: deals().find((d) => d.id === id).name, deal: deal(id, { asOf: asOf() }) }))];
  let presets = offered();
  const selected = new Set(initial?.length ? initial.filter((id) => presets.some((p) => p.id === id)) : openaiOf(presets));
  // Until the reader picks deals, a new date selects OpenAI's deals in force then.
  let picked = state.picked ?? Boolean(initial?.length);
  const picker = el('fieldset', { class: 'deal-picker' });
  const quickBox = el('div', { class: 'control' });
  const status = el('p', { id: 'portfolio-status', class: 'problem', role: 'alert' });
  const out = el('div', { id: 'portfolio-results' });
  const comparison = el('div', { id: 'portfolio-comparison' });
  const warrants = el('div', { id: 'portfolio-warrants' });
  // The warrants' valuations: started once the panel is on screen, again after each change.
  let onScreen = false;
  let last = null; // {p, scenarios}
  const flowView = {}; // the flow filter's party, kept across redraws
  const valuations = warrantValuations(dc, warrants);
  /** The flows with the equity given at fair value (`fair`: by pair) once it is known. */
  const valueWarrants = (p, scenarios, start) => valuations(p, scenarios, start,
    (fair) => out.replaceChildren(...portfolioResults(p, fair, flowView), ...statedBeside(dc, p, scenarios, asOf())));
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    onScreen = true;
    if (last) valueWarrants(last.p, last.scenarios, true);
  }).observe(root);

  function drawPicker() {
    const boxes = presets.map((p) => {
      const box = el('input', { type: 'checkbox', id: `portfolio-${p.id}`, value: p.id });
      box.checked = selected.has(p.id);
      box.addEventListener('change', () => {
        if (box.checked) selected.add(p.id); else selected.delete(p.id);
        picked = true;
        compute();
      });
      const state = p.id !== 'current' && p.deal.status ? ` · ${t(statusName(p.deal.status))}${p.deal.asOf ? ` (${fmt.date(p.deal.asOf)})` : ''}` : '';
      return el('label', { class: 'check', for: `portfolio-${p.id}` }, box, ` ${local(p.name)}${state}`);
    });
    picker.replaceChildren(el('legend', { text: t('Deals') }), ...boxes);
    quickBox.replaceChildren(...quickPicks(presets, (ids) => {
      selected.clear();
      ids.forEach((id) => selected.add(id));
      picked = true;
      drawPicker();
      compute();
    }));
  }

  // A new date offers the deals in force then; the selection keeps the ones still offered (or,
  // before the reader picked any, is OpenAI's deals then).
  asOfInput.addEventListener('change', () => {
    presets = offered();
    if (!picked) {
      selected.clear();
      openaiOf(presets).forEach((id) => selected.add(id));
    }
    for (const id of [...selected]) if (!presets.some((p) => p.id === id)) selected.delete(id);
    drawPicker();
    compute();
  });
  compareInput.addEventListener('change', () => compute());

  root.replaceChildren(
    el('h2', { text: t('Portfolio: the web of deals') }),
    el('p', { class: 'help', text: t('Built-in deals added up on their party names: what a buyer has committed, what each issuer may give away in shares, and the vendor money that comes back as vendor revenue.') }),
    el('div', { class: 'control dates' },
      el('label', { for: 'portfolio-as-of' }, `${t('As of')} `, asOfInput, el('small', { class: 'help', text: ` ${t('empty: the deals as they stand')}` })),
      el('label', { for: 'portfolio-compare' }, `${t('Compare with')} `, compareInput, el('small', { class: 'help', text: ` ${t('empty: no comparison')}` }))),
    quickBox, picker, status, comparison, out, warrants,
  );

  function compute() {
    const ids = presets.map((p) => p.id).filter((id) => selected.has(id));
    if (!ids.length) {
      out.replaceChildren();
      comparison.replaceChildren();
      status.textContent = t('Pick at least one deal.');
      return;
    }
    try {
      const scenarios = scenariosAsOf(ids, asOf(), current);
      const p = dc.portfolio(scenarios);
      status.textContent = '';
      out.replaceChildren(...portfolioResults(p, null, flowView), ...statedBeside(dc, p, scenarios, asOf()));
      last = { p, scenarios };
      // The warrants' table is drawn at once (its rows waiting), so that the runs that fill it
      // in later do not move what lies below.
      valueWarrants(p, scenarios, onScreen);
      comparison.replaceChildren(...compared(dc, p, ids, asOf(), compareInput.value, current));
      onResult(p, { ids, asOf: asOfInput.value, compare: compareInput.value, picked });
    } catch (e) {
      status.textContent = (e.problems ?? []).map((x) => `${x.path}: ${problemText(x)}`).join('\n') || e.message;
    }
  }

  drawPicker();
  compute();
  return {
    /** After an edit of the page's deal: recomputes when it is part of the selection. */
    refresh: () => selected.has('current') && compute(),
  };
}
