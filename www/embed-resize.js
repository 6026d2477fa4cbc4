// For host pages that embed dealcalc in an iframe: sizes each <iframe data-dealcalc> to the
// height its page reports. Accepts a message only from the frame's own window and origin, and
// only a plain positive height. Load it with
//   <script type="module" src="https://calculator.example/embed-resize.js"></script>
const MAX_HEIGHT_PX = 20000;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'dealcalc:height') return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT_PX) return;
  for (const frame of document.querySelectorAll('iframe[data-dealcalc]')) {
    if (frame.contentWindow !== event.source) continue;
    let origin;
    try {
      origin = new URL(frame.src, location.href).origin;
    } catch {
      continue;
    }
    if (origin !== event.origin) continue;
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    frame.style.height = `${Math.ceil(height)}px`;
    frame.dataset.dealcalcHeight = String(Math.ceil(height));
  }
});
