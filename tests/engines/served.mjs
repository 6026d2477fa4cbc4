// What the smoke suite's servers serve besides the site's own files: the console-error
// recorder, put first into every HTML page (withRecorder), and a page that shows another in a
// frame of a given size (FRAME_PATH), for viewports narrower than an engine's smallest window.
//
// Console errors, from the start of each page's load: every HTML page the suite serves carries,
// as the first script of its <head>, the recorder below (served by the suite's own server, so a
// strict CSP's 'self' allows it): it keeps uncaught exceptions, unhandled rejections,
// console.error calls, elements whose resource failed to load, worker errors and CSP violations
// in window.__engineErrors. consoleErrors() reads it in the page and in each of its frames, and
// adds what the driver reports:
//   firefox: puppeteer's 'console' (type error) and 'pageerror' events, i.e. WebDriver BiDi
//            log.entryAdded, subscribed before the page loads, in every frame; responses with
//            a status of 400 or more and failed requests (BiDi network events);
//   webkit:  nothing more: WebKitWebDriver 2.50 speaks classic WebDriver only (a session asked
//            for with webSocketUrl: true, i.e. WebDriver BiDi, fails with "Failed to match
//            capabilities", and it has no log endpoint), so the recorder is all there is. It
//            does not see what only the engine itself prints (a network error of a fetch that
//            the page handles); smoke.mjs's servers report every 404 on their side instead.

/** The recorder: a classic script, run before any of the page's own. */
export const RECORDER = `(() => {
  if (window.__engineErrors) return;
  const errors = (window.__engineErrors = []);
  const push = (s) => errors.push(String(s).slice(0, 800));
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) push('uncaught: ' + e.message + ' @ ' + e.filename + ':' + e.lineno + ':' + e.colno);
    else if (e.target && e.target !== window) push('failed to load: <' + e.target.localName + '> ' + (e.target.src || e.target.href || ''));
  }, true);
  window.addEventListener('unhandledrejection', (e) => push('unhandled rejection: ' + e.reason + (e.reason && e.reason.stack ? ' ' + e.reason.stack : '')));
  document.addEventListener('securitypolicyviolation', (e) => push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI), true);
  const consoleError = console.error;
  console.error = function (...args) { push('console.error: ' + args.map(String).join(' ')); return consoleError.apply(this, args); };
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('error', (e) => push('worker error: ' + e.message));
      }
    };
  }
})();
`;
export const RECORDER_PATH = '/__engine-recorder.js';

/** A page that shows the page at the URL in its hash (#<width>x<height>:<URL, encoded>) in a
 *  frame of that size: for viewports narrower than an engine's smallest window. */
export const FRAME_PATH = '/__engine-frame.html';
const FRAME_SCRIPT_PATH = '/__engine-frame.js';
const FRAME_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>frame</title>
<script src="${RECORDER_PATH}"></script><link rel="stylesheet" href="/__engine-frame.css">
</head><body><script src="${FRAME_SCRIPT_PATH}"></script></body></html>
`;
// A script of its own (not inline): the frame's page runs under the same CSP as any other.
const FRAME_SCRIPT = `(() => {
  const [, width, height, url] = /^#(\\d+)x(\\d+):(.*)$/.exec(location.hash);
  const frame = document.createElement('iframe');
  Object.assign(frame, { width, height, title: 'page under test', src: decodeURIComponent(url) });
  document.body.append(frame);
})();
`;
const FRAME_CSS = 'html, body { margin: 0; overflow: hidden; } iframe { border: 0; display: block; }\n';

/** What the suite's servers answer besides the site's own files: path → text. */
export const SUPPORT_FILES = {
  [RECORDER_PATH]: RECORDER,
  [FRAME_PATH]: FRAME_PAGE,
  [FRAME_SCRIPT_PATH]: FRAME_SCRIPT,
  '/__engine-frame.css': FRAME_CSS,
};

/** `html` with the recorder as the first script of its <head>. */
export function withRecorder(html) {
  const out = html.replace(/<head>/i, `<head>\n  <script src="${RECORDER_PATH}"></script>`);
  if (out === html) throw new Error('no <head> to put the recorder in');
  return out;
}
