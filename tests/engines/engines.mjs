// The smoke suite's engines beside Chromium, each behind one small adapter, all from Debian's
// packages (no browser is ever downloaded):
//   firefox: /usr/bin/firefox-esr over WebDriver BiDi, driven by puppeteer-core;
//   webkit:  WebKitGTK's MiniBrowser through WebKitWebDriver under xvfb-run, driven by
//            selenium-webdriver (classic WebDriver).
// A browser has newPage({width, height}) and close(); a page has goto, waitFor(predicate, arg),
// evaluate(fn, arg), fill(selector, text), click(selector), select(selector, value),
// screenshot(path, {fullPage}), consoleErrors() and close(). Predicates and evaluated functions
// run in the page: they see only their one JSON argument. WebKit's limits: its screenshots are
// of the viewport (fullPage is not honoured), and MiniBrowser's window is never narrower than its
// toolbar (a 447-px viewport), so a narrower page runs in a frame of that width (FRAME_PATH).
//
// Console errors: served.mjs's recorder in every page, read by consoleErrors(), and in Firefox
// also WebDriver BiDi's log and network events (served.mjs says what each engine reports).
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { FRAME_PATH } from './served.mjs';

export const TIMEOUT = 60_000;

const waitMessage = (fn) => `waiting for ${String(fn).replace(/\s+/g, ' ').slice(0, 200)}`;

/** A predicate's source wrapped so that a throw (an element not there yet) reads as false. */
const guarded = (fn) => `function (arg) { try { return Boolean((${fn})(arg)); } catch (e) { return false; } }`;

// ---------------------------------------------------------------------------------------------
// Firefox ESR over WebDriver BiDi (puppeteer-core)

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const executablePath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      // Nothing but the pages under test: no updates, telemetry, remote settings or captive
      // portal checks on a machine without the Internet.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    async newPage({ width = 1280, height = 900 } = {}) {
      // A context of its own: no storage shared with the suite's other pages.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.setViewport({ width, height });
      const events = [];
      page.on('console', (m) => { if (m.type() === 'error') events.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => events.push(`pageerror: ${e?.message ?? e}`));
      page.on('response', (r) => {
        if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) events.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      page.on('requestfailed', (r) => events.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      return {
        async goto(url) {
          await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
        },
        async waitFor(fn, arg, { timeout = TIMEOUT } = {}) {
          try {
            await page.waitForFunction(new Function(`return ${guarded(fn)}`)(), { timeout, polling: 100 }, arg);
          } catch (e) {
            throw new Error(`${waitMessage(fn)} ${arg === undefined ? '' : JSON.stringify(arg)}: ${e.message}`);
          }
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async fill(selector, text) {
          const input = await page.waitForSelector(selector, { timeout: TIMEOUT });
          await input.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await input.focus();
          await input.evaluate((e) => e.select());
          await page.keyboard.type(text);
          await input.dispose();
        },
        async click(selector) {
          const target = await page.waitForSelector(selector, { timeout: TIMEOUT });
          await target.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await target.click();
          await target.dispose();
        },
        async select(selector, value) {
          await page.waitForSelector(selector, { timeout: TIMEOUT });
          await page.select(selector, value);
        },
        async screenshot(path, { fullPage = false } = {}) {
          await page.screenshot({ path, fullPage });
        },
        async consoleErrors() {
          const recorded = [];
          for (const frame of page.frames()) {
            try {
              recorded.push(...await frame.evaluate(() => window.__engineErrors ?? ['no recorder in ' + location.href]));
            } catch (e) {
              recorded.push(`frame ${frame.url()} not readable: ${e.message}`);
            }
          }
          return [...events, ...recorded];
        },
        async close() {
          await context.close();
        },
      };
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK: MiniBrowser through WebKitWebDriver under xvfb-run (selenium-webdriver)

/** MiniBrowser as Debian installs it (libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on:
 *  /usr/lib/<arch>/webkit2gtk-4.1/MiniBrowser), found through dpkg; MINIBROWSER overrides. */
export function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  let listed = '';
  try {
    listed = execFileSync('dpkg-query', ['-S', '*/MiniBrowser'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch { /* not installed */ }
  const found = listed.split('\n').map((line) => line.split(': ')[1]).filter((path) => path && existsSync(path))
    // The GTK 3 build (4.1) first: it is the one webkit2gtk-driver depends on.
    .sort((a, b) => Number(b.includes('webkit2gtk-4.1')) - Number(a.includes('webkit2gtk-4.1')));
  if (!found.length) throw new Error('no MiniBrowser installed: apt-get install webkit2gtk-driver (scripts/setup.sh --browser)');
  return found[0];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function webkit() {
  const { Builder, By } = await import('selenium-webdriver');
  const port = await freePort();
  const binary = miniBrowser();
  // xvfb-run -a: a free display; its own process group, ended as a group in close().
  const driverProcess = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24 -nolisten tcp',
    process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let driverLog = '';
  driverProcess.stdout.on('data', (d) => { driverLog += d; });
  driverProcess.stderr.on('data', (d) => { driverLog += d; });
  const exited = new Promise((resolve) => driverProcess.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (driverProcess.exitCode === null) {
      try { process.kill(-driverProcess.pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (driverProcess.exitCode === null) try { process.kill(-driverProcess.pid, 'SIGKILL'); } catch { /* gone */ }
    }
  };
  const server = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      const status = await (await fetch(`${server}/status`)).json();
      if (status.value?.ready !== undefined) break;
    } catch { /* not listening yet */ }
    if (driverProcess.exitCode !== null || Date.now() - started > TIMEOUT) {
      await stop();
      throw new Error(`WebKitWebDriver did not start on ${server}: ${driverLog}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let driver;
  try {
    driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      })
      .build();
  } catch (e) {
    await stop();
    throw new Error(`no WebKitWebDriver session (${binary}): ${e.message}\n${driverLog}`);
  }
  await driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: TIMEOUT, implicit: 0 });
  const capabilities = await driver.getCapabilities();
  const version = `${capabilities.get('browserName')} ${capabilities.get('browserVersion')}`;
  // WebKitWebDriver runs one session: each page is a window of it; the first window stays
  // open (blank) so that the session outlives the pages.
  const home = await driver.getWindowHandle();
  let current = { handle: home, framed: false };
  /** Makes `page` ({handle, framed}) the context that commands go to: its window, or the frame
   *  it runs in. */
  const use = async (page) => {
    if (current.handle !== page.handle) await driver.switchTo().window(page.handle);
    else if (current.framed === page.framed) return;
    else await driver.switchTo().defaultContent();
    if (page.framed) await driver.switchTo().frame(0);
    current = page;
  };
  const inner = () => driver.executeScript('return [window.innerWidth, window.innerHeight]');

  return {
    name: 'webkit',
    version,
    async newPage({ width = 1280, height = 900 } = {}) {
      await use({ handle: home, framed: false });
      await driver.switchTo().newWindow('window');
      const state = { handle: await driver.getWindowHandle(), framed: false };
      current = { ...state };
      // The window's outer size is what WebDriver sets: grow it by the chrome around the view
      // until the viewport is the size asked for.
      let rect = { width, height };
      for (let i = 0; i < 3; i++) {
        await driver.manage().window().setRect(rect);
        const [w, h] = await inner();
        if (w === width && h === height) break;
        rect = { width: rect.width + width - w, height: rect.height + height - h };
      }
      // MiniBrowser's window is never narrower than its toolbar (a viewport of 447 px): a
      // narrower page runs in a frame of exactly that size on a page of the same origin
      // (FRAME_PATH), and every command goes to that frame.
      const [w] = await inner();
      const frame = w === width ? null : { width, height };
      const page = { handle: state.handle, framed: false };
      const run = async (fn, arg) => {
        const result = await driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn})(arguments[0]))
            .then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`, arg ?? null);
        if (result && 'e' in result) throw new Error(`in the page: ${result.e}`);
        return result?.v;
      };
      const find = async (selector) => {
        let element;
        await driver.wait(async () => {
          const found = await driver.findElements(By.css(selector));
          element = found[0];
          return Boolean(element);
        }, TIMEOUT, `waiting for ${selector}`, 100);
        await driver.executeScript('arguments[0].scrollIntoView({ block: "center", behavior: "instant" })', element);
        return element;
      };
      return {
        async goto(url) {
          await use({ handle: page.handle, framed: false });
          page.framed = false;
          if (frame) {
            await driver.get(`${new URL(url).origin}${FRAME_PATH}#${frame.width}x${frame.height}:${encodeURIComponent(url)}`);
            page.framed = true;
          } else {
            await driver.get(url);
          }
          await use(page);
        },
        async waitFor(fn, arg, { timeout = TIMEOUT } = {}) {
          await use(page);
          const script = `return (${guarded(fn)})(arguments[0])`;
          await driver.wait(async () => Boolean(await driver.executeScript(script, arg ?? null)),
            timeout, `${waitMessage(fn)} ${arg === undefined ? '' : JSON.stringify(arg)}`, 100);
        },
        async evaluate(fn, arg) {
          await use(page);
          return run(fn, arg);
        },
        async fill(selector, text) {
          await use(page);
          const input = await find(selector);
          await input.clear();
          await input.sendKeys(text);
        },
        async click(selector) {
          await use(page);
          await (await find(selector)).click();
        },
        async select(selector, value) {
          await use(page);
          await (await find(`${selector} option[value="${value}"]`)).click();
        },
        /** WebKitWebDriver's screenshots are of the viewport (an element's too is clipped to
         *  it): `fullPage` is not honoured. A framed page: its frame. */
        async screenshot(path) {
          await use({ handle: page.handle, framed: false });
          const png = page.framed
            ? await driver.findElement(By.css('iframe')).takeScreenshot()
            : await driver.takeScreenshot();
          await writeFile(path, Buffer.from(png, 'base64'));
        },
        async consoleErrors() {
          await use(page);
          const read = () => driver.executeScript('return window.__engineErrors || ["no recorder in " + location.href]');
          const recorded = [...await read()];
          const frames = await driver.findElements(By.css('iframe'));
          for (let i = 0; i < frames.length; i++) {
            await driver.switchTo().frame(i);
            try {
              recorded.push(...await read());
            } finally {
              await driver.switchTo().parentFrame();
            }
          }
          return recorded;
        },
        async close() {
          await use({ handle: page.handle, framed: false });
          await driver.close();
          await driver.switchTo().window(home);
          current = { handle: home, framed: false };
        },
      };
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        await stop();
      }
    },
  };
}

export const ENGINES = { firefox, webkit };

/** Launches an engine by name: 'firefox' or 'webkit'. */
export function launch(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}`);
  return engine();
}
