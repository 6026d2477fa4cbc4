import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch } from '../page/harness.mjs';
import { PHONE } from './phone-profile.tmp.mjs';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 8900 + Math.floor(Math.random() * 50);
const server = spawn('python3', ['scripts/serve.py', String(PORT), 'dist'], { cwd: ROOT, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latencyMs, downloadThroughput: PHONE.downBps, uploadThroughput: PHONE.upBps });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
await page.waitForFunction(() => performance.getEntriesByName('dealcalc:fair-value-final').length, null, { timeout: 60000 });
const out = await page.evaluate(() => ({
  res: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize]),
  marks: performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)]),
}));
for (const r of out.res) console.log(r.join('\t'));
for (const m of out.marks) console.log(m.join('\t'));
await browser.close(); server.kill();
