// The page's state, one object the page's modules share: the scenario being edited, the
// catalogue deal it came from (null once edited), the last report and valuation, and the page's two actions
// (set by app.js): recompute after an edit, and load a scenario.
export const page = {
  scenario: null,
  /** The catalogue deal shown (null once edited), and the date of its version when an older
   *  one was picked from the history (null: the latest). */
  presetId: null,
  presetAsOf: null,
  report: null,
  valuation: null,
  /** Whether the live valuation of the deal as it stands is final (the books follow it). */
  fairValueFinal: false,
  /** The last run of the books panel, and its options ({standard, probableThreshold}). */
  accounting: null,
  booksOptions: null,
  /** The options of the reader's own valuation run whose figures are shown (null: the live
   *  defaults), for share links (valuation.js keeps it). */
  valuationOptions: null,
  /** What the share link just opened asks to run: {valuation: options or null, books}. */
  linkRuns: null,
  /** The portfolio view's last result and its selection (preset ids). */
  portfolio: null,
  portfolioSelection: null,
  /** The portfolio view's dates and whether the reader chose its deals ({asOf, compare, picked}). */
  portfolioView: null,
  /** Re-evaluates the scenario and redraws (app.js). */
  recompute: () => {},
  /** Shows a scenario (and the catalogue deal and version it is, if any) (app.js). */
  loadScenario: (_scenario, _presetId, _asOf) => {},
};
