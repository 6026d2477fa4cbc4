// Links to the page's sections (the section index, the header's) and deep links such as
// #valuation: a jump lands on its section. Panels far below the deal are drawn only near the
// screen (content-visibility: auto, each keeping the size it was last drawn at), so before a
// jump every panel is drawn once: the sizes are then true, and the place the scroll aims at
// stays where it is. The panels are built after load, so a deep link is followed again once
// they are drawn.

/** A section's anchor (share links are #s=1.…). */
const SECTION = /^#[a-z][a-z-]*$/;
/** Longest a smooth jump may take before the panels far away are left undrawn again. */
const JUMP_MS = 3000;

function targetOf(hash) {
  return SECTION.test(hash) ? document.getElementById(hash.slice(1)) : null;
}

/**
 * Scrolls `target` to the top (smoothly unless `instant` or the reader asked for less
 * motion), every panel drawn meanwhile.
 */
function jump(target, instant) {
  const smooth = !instant && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const root = document.documentElement;
  root.classList.add('all-drawn');
  let timer = null;
  // Where the target sits in the page: figures that come in above it during a smooth jump
  // (the books after the fair value, say) move it, and the jump is aimed again at its end.
  const place = () => target.getBoundingClientRect().top + scrollY;
  let aimed = 0;
  const done = () => {
    clearTimeout(timer);
    if (smooth && Math.abs(place() - aimed) > 2) {
      target.scrollIntoView({ behavior: 'instant', block: 'start' });
      return requestAnimationFrame(() => root.classList.remove('all-drawn'));
    }
    root.classList.remove('all-drawn');
  };
  requestAnimationFrame(() => {
    aimed = place();
    target.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'start' });
    if (!smooth) return requestAnimationFrame(done);
    addEventListener('scrollend', done, { once: true });
    timer = setTimeout(done, JUMP_MS);
  });
}

/**
 * Makes the page's links to its sections (the section index, the header's) jump with every
 * panel drawn, keeping the anchor in the address; so do anchors typed into the address.
 */
export function followSections() {
  for (const a of document.querySelectorAll('a[href^="#"]')) targetOf(a.getAttribute('href'))?.setAttribute('tabindex', '-1');
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href^="#"]');
    const target = a && targetOf(a.getAttribute('href'));
    if (!target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    // Keyboard users go on from the section, as after a plain anchor jump.
    target.focus({ preventScroll: true });
    jump(target, false);
  });
  addEventListener('hashchange', () => {
    const target = targetOf(location.hash);
    if (target) jump(target, false);
  });
}

/** How long a deep link's section is held in place while the figures above it come in. */
const HOLD_MS = 5000;

/**
 * Follows the address's section anchor, if any, now that the panels are drawn; while the
 * figures above it still come in (the details, the live valuation), the section is held in
 * place until the reader scrolls, clicks or types, or for a few seconds.
 */
export function followDeepLink() {
  const target = targetOf(location.hash);
  if (!target) return;
  jump(target, true);
  const hold = new ResizeObserver(() => target.scrollIntoView({ behavior: 'instant', block: 'start' }));
  hold.observe(document.querySelector('main'));
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  const stop = () => {
    hold.disconnect();
    for (const type of events) removeEventListener(type, stop, true);
  };
  for (const type of events) addEventListener(type, stop, { capture: true, passive: true });
  setTimeout(stop, HOLD_MS);
}
