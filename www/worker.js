// Runs a Monte Carlo valuation off the main thread, in chunks, posting progress and the
// converging result; a 'cancel' message (or terminate()) stops it between chunks.
import init, { WarrantSimulation } from './pkg/dealcalc.js';

const ready = init();
let cancelled = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    cancelled = msg.id;
    return;
  }
  if (msg.type !== 'run') return;
  await ready;
  const { id } = msg;
  let sim;
  try {
    sim = new WarrantSimulation(msg.scenario, msg.options);
  } catch (err) {
    self.postMessage({ type: 'error', id, message: err.message, problems: err.problems ?? [] });
    return;
  }
  const started = performance.now();
  let lastPost = 0;
  try {
    while (!sim.done) {
      const progress = sim.run(msg.chunk ?? 200);
      const now = performance.now();
      if (now - lastPost > 150) {
        self.postMessage({ type: 'progress', id, progress, result: sim.result() });
        lastPost = now;
      }
      // Yield so that a cancel message can arrive.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled === id) {
        self.postMessage({ type: 'cancelled', id, progress });
        return;
      }
    }
    self.postMessage({ type: 'done', id, progress: 1, result: sim.result(), ms: performance.now() - started });
  } finally {
    sim.free();
  }
};
