// The baseline of docs/BENCHMARKS.md: the warrant's Monte Carlo written plainly in JavaScript,
// as a calculator without our Wasm core would do it. Same model as src/montecarlo (phases that
// happen with their probability and run late by a triangular delay; risk-neutral geometric
// Brownian motion on the same grid; touch with the Brownian-bridge crossing probability, close,
// trailing average of closes; a tranche vests at the later of milestone and price test and is
// worth (S − K)⁺·e^{−rτ}), same steps, same path count; plain estimator (independent paths,
// Math.random, Box–Muller normals, no antithetics or control variate).
//
// One self-contained function, so that the benchmark can hand its source to a browser page.
export function plainValueWarrant(scenario, { paths = 100000, stepsPerYear = 52 } = {}) {
  const DAY_MS = 86400000;
  const YEAR_DAYS = 365.25;
  const years = (iso) => (Date.parse(iso) - Date.parse(scenario.valuationDate)) / DAY_MS / YEAR_DAYS;
  const e = scenario.equity;
  const w = scenario.warrant;
  const T = years(w.expiryDate);
  const steps = Math.max(1, Math.ceil(T * stepsPerYear - 1e-9));
  const dt = T / steps;
  const r = e.riskFreeRate;
  const sigma = e.volatility;
  const drift = (r - e.dividendYield - 0.5 * sigma * sigma) * dt;
  const vol = sigma * Math.sqrt(dt);
  const tranches = w.tranches.map((t) => ({
    shares: t.shares,
    trigger: t.gwTrigger,
    target: t.priceTarget,
    kind: t.priceTest.kind,
    window: t.priceTest.kind === 'average' ? Math.max(1, Math.round((t.priceTest.days * stepsPerYear) / 252)) : 1,
  }));
  const phases = scenario.capacity.phases.map((p) => ({
    gw: p.gw,
    start: years(p.start),
    end: years(p.end),
    probability: p.probability ?? 1,
    delay: p.delayMonths ?? null,
  }));
  const triangular = (d, u) => {
    const span = d.max - d.min;
    if (span <= 0) return d.min;
    const fc = (d.mode - d.min) / span;
    return u < fc ? d.min + Math.sqrt(u * span * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
  };
  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = Math.random();
    const v = Math.random();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };

  let sum = 0;
  let sum2 = 0;
  const vestCounts = tranches.map(() => 0);
  for (let path = 0; path < paths; path++) {
    // Deployment: which phases happen, and how late (months → years).
    const ramp = [];
    for (const p of phases) {
      const happens = Math.random() < p.probability;
      const delay = p.delay ? (triangular(p.delay, Math.random()) * YEAR_DAYS) / 12 / YEAR_DAYS : 0;
      if (happens) ramp.push({ gw: p.gw, start: p.start + delay, end: p.end + delay });
    }
    const gwOnline = (t) => {
      let gw = 0;
      for (const q of ramp) {
        if (t >= q.end) gw += q.gw;
        else if (t > q.start) gw += (q.gw * (t - q.start)) / (q.end - q.start);
      }
      return gw;
    };
    // Price path and tests.
    let s = e.sharePrice;
    const priceMet = tranches.map((t) => t.target == null || s >= t.target);
    const vested = tranches.map(() => null);
    const windows = tranches.map((t) => new Array(t.window).fill(s));
    for (let k = 0; k < steps; k++) {
      const t1 = (k + 1) * dt;
      const s1 = s * Math.exp(drift + vol * normal());
      const gw = gwOnline(t1);
      let u = null;
      for (let i = 0; i < tranches.length; i++) {
        const tr = tranches[i];
        if (vested[i] !== null) continue;
        if (!priceMet[i]) {
          if (tr.kind === 'touch') {
            if (s1 >= tr.target) priceMet[i] = true;
            else {
              if (u === null) u = Math.random();
              const crossing = Math.exp((-2 * Math.log(tr.target / s) * Math.log(tr.target / s1)) / (sigma * sigma * dt));
              if (u < crossing) priceMet[i] = true;
            }
          } else if (tr.kind === 'close') {
            if (s1 >= tr.target) priceMet[i] = true;
          } else {
            const win = windows[i];
            win.shift();
            win.push(s1);
            const mean = win.reduce((a, b) => a + b, 0) / win.length;
            if (mean >= tr.target) priceMet[i] = true;
          }
        }
        if (priceMet[i] && gw >= tr.trigger - 1e-12) vested[i] = { t: t1, s: s1 };
      }
      s = s1;
      if (vested.every((v) => v !== null)) break;
    }
    let value = 0;
    for (let i = 0; i < tranches.length; i++) {
      const v = vested[i];
      if (v === null) continue;
      vestCounts[i]++;
      value += tranches[i].shares * Math.max(v.s - w.strike, 0) * Math.exp(-r * v.t);
    }
    sum += value;
    sum2 += value * value;
  }
  const mean = sum / paths;
  const variance = (sum2 / paths - mean * mean) * (paths / (paths - 1));
  return {
    paths,
    steps,
    totalFairValueUsd: mean,
    standardErrorUsd: Math.sqrt(Math.max(variance, 0) / paths),
    riskNeutralProbabilities: vestCounts.map((c) => c / paths),
  };
}
