// `import 'dealcalc/element'` defines <deal-calculator>; see the package README.
import type { Scenario, Report, Problem } from './pkg/dealcalc.js';

/** The headline numbers of a `dealcalc-change` event. */
export interface DealcalcResults {
  name: string;
  totalGw: number;
  capexUsd: number;
  vendorRevenueUsd: number;
  /** null for a deal without a warrant. */
  maxOwnership: number | null;
  valueTransferUsd: number | null;
  effectiveDiscount: number | null;
}

export interface DealcalcChangeDetail {
  /** A copy of the scenario shown. */
  scenario: Scenario;
  results: DealcalcResults;
  report: Report;
}

export declare class DealCalculator extends HTMLElement {
  /** A preset id (default "amd-openai-2025"). */
  preset: string;
  /** "full" (default) or "card". */
  view: 'full' | 'card';
  /** "light" (default), "dark" or "auto". */
  theme: 'light' | 'dark' | 'auto';
  /** Get: a copy of the scenario shown. Set: a scenario object, JSON text or a share-link hash. */
  get scenario(): Scenario | null;
  set scenario(value: Scenario | string | null);
  /** The last report (null while the inputs have problems). */
  readonly report: Report | null;
  /** The last validation problems. */
  readonly problems: Problem[];
}

/** The full Wasm build (every export), instantiated once for every element on the page. The
 * element's own headline, card and full views need only the smaller core build and load it
 * themselves; the portfolio view loads this one. */
export declare function loadEngine(): Promise<typeof import('./pkg/dealcalc.js')>;

declare global {
  interface HTMLElementTagNameMap {
    'deal-calculator': DealCalculator;
  }
  interface HTMLElementEventMap {
    'dealcalc-change': CustomEvent<DealcalcChangeDetail>;
  }
}
