// The page on a mid-range phone (issue 31): fresh loads in Chromium under its network and CPU
// emulation (a slow 4G link: 150 ms round trip, 1.6 Mbps down, 750 kbps up; the CPU 4×
// slower), at 390 px, with the built site (dist/) served as scripts/serve.py serves it (brotli). For each
// load: when the first numbers are painted (the mark dealcalc:first-numbers), when the first
// fair value is shown (dealcalc:fair-value-first: the provisional one, 256 paths on the page's
// thread), when the final one is (dealcalc:fair-value-final), all from the navigation's start, and the
// bytes transferred before the first numbers (the navigation and every resource whose
// response ended by then; transfer sizes, headers included, as the browser counts them).
// Prints one JSON line of sorted samples: {firstNumbersMs, fairValueFirstMs, fairValueMs,
// bytesBeforeFirst, resourcesBeforeFirst}.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch } from '../page/harness.mjs';

const N = Number(process.env.SAMPLES ?? 5);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 8700 + Math.floor(Math.random() * 200);
/** The phone profile: Chromium's network conditions (bytes per second) and CPU slowdown. */
export const PHONE = { latencyMs: 150, downBps: 1.6e6 / 8, upBps: 750e3 / 8, cpuSlowdown: 4 };

const server = spawn('python3', ['scripts/serve.py', String(PORT), 'dist'], { cwd: ROOT, stdio: 'ignore' });
/** Waits for the server to answer (a minute of tries: a slow machine's Python start). */
async function ready(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}`);
}

const url = `http://127.0.0.1:${PORT}/`;
const samples = { firstNumbersMs: [], fairValueFirstMs: [], fairValueMs: [], bytesBeforeFirst: [], resourcesBeforeFirst: [] };
const browser = await launch();
try {
  await ready(url);
  for (let i = 0; i < N; i++) {
    // A fresh context each time: no cache, no compiled code kept.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: PHONE.latencyMs, downloadThroughput: PHONE.downBps, uploadThroughput: PHONE.upBps,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.goto(url, { waitUntil: 'commit' });
    const r = await page.waitForFunction(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const first = at('dealcalc:first-numbers');
      const fair = at('dealcalc:fair-value-final');
      const fairFirst = at('dealcalc:fair-value-first');
      if (first == null || fair == null || fairFirst == null) return false;
      const nav = performance.getEntriesByType('navigation')[0];
      const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= first);
      return {
        first, fair, fairFirst,
        bytes: nav.transferSize + before.reduce((sum, e) => sum + e.transferSize, 0),
        resources: before.length,
      };
    }, null, { timeout: 120000, polling: 100 }).then((h) => h.jsonValue());
    samples.firstNumbersMs.push(Math.round(r.first));
    samples.fairValueFirstMs.push(Math.round(r.fairFirst));
    samples.fairValueMs.push(Math.round(r.fair));
    samples.bytesBeforeFirst.push(r.bytes);
    samples.resourcesBeforeFirst.push(r.resources);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
for (const list of Object.values(samples)) list.sort((a, b) => a - b);
console.log(JSON.stringify(samples));
