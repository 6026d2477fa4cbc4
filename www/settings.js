// The settings a reader gave the panels (pricing, comparison, sensitivity, books), kept over a
// language change: read from the panels' controls before they are mounted again in the new
// language, and put back into the new controls with the events a reader's change sends.
import { lang } from './i18n.js';
import { retypedNumber } from './ui.js';

/** The controls of the panels that hold a reader's settings. */
const settingsControls = () => document.querySelectorAll(':is(#pricing, #compare, #sensitivity, #books) :is(input, select)[id]');
const isToggle = (c) => c.type === 'checkbox' || c.type === 'radio';

/** Each settings control's value (or checked state), by id, and whether the page was German
 *  (how its number fields' text reads). */
export function readSettings() {
  const values = new Map();
  for (const c of settingsControls()) values.set(c.id, isToggle(c) ? c.checked : c.value);
  return { values, german: lang() === 'de' };
}

/**
 * Puts saved settings back into the panels' new controls, each with the events a reader's
 * change sends, so that each panel computes with them. Passes repeat while controls appear
 * (a pricing kind brings its own fields).
 */
export function restoreSettings({ values, german }) {
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const c of settingsControls()) {
      if (!values.has(c.id)) continue;
      const toggle = isToggle(c);
      // A number typed in the former language, as the new one writes it.
      const want = c.type === 'text' ? retypedNumber(values.get(c.id), german) : values.get(c.id);
      if ((toggle ? c.checked : c.value) === want) continue;
      if (toggle) c.checked = want;
      else c.value = want;
      c.dispatchEvent(new Event('input', { bubbles: true }));
      c.dispatchEvent(new Event('change', { bubbles: true }));
      changed = true;
    }
    if (!changed) return;
  }
}
