// The iframe embed (embed.html): reads the options from the URL onto the one
// <deal-calculator>, then reports the page's height to the parent whenever it changes.
// The message carries the height only: nothing of the scenario or the results leaves the frame.
import { HASH_PREFIX } from './share.js';

const calc = document.querySelector('deal-calculator');
const params = new URLSearchParams(location.search);
for (const name of ['preset', 'as-of', 'view', 'lang', 'theme']) {
  const value = params.get(name);
  if (value) calc.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (location.hash.startsWith(HASH_PREFIX)) calc.setAttribute('scenario', location.hash);

// Defined after the attributes are set, so the element loads once, with them.
await import('./deal-calculator.js');

if (window.parent !== window) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'dealcalc:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  // Browsers pause resize observers in cross-origin frames outside the viewport; the element's
  // change event (after each render) still reports, so the frame has its size before it is seen.
  calc.addEventListener('dealcalc-change', report);
  report();
}
