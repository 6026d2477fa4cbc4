// Types of the deal catalogue (deals.js): the built-in deals with their history.
import type { IsoDate, Scenario } from './pkg/dealcalc.js';

/** Text in each language the catalogue carries. */
export interface LocalText {
  en: string;
  de: string;
}

/** One version of a deal, as listed by `deals()`. */
export interface DealVersionInfo {
  /** The date of the version's facts. */
  asOf: IsoDate;
  /** Where the deal stood: "announced", "letter_of_intent", "definitive", "superseded", ... */
  status: string;
  /** What changed in this version, one line per language. */
  event: LocalText;
}

/** A catalogue deal: its names, its parties (of the latest version) and its versions. */
export interface DealInfo {
  /** `<vendor>-<buyer>-<year of the first version>`, lower case. */
  id: string;
  name: LocalText;
  summary: LocalText;
  buyer: string;
  vendor: string;
  layer?: 'chips' | 'cloud' | null;
  /** Oldest first. */
  versions: DealVersionInfo[];
}

/** The deal a calculator opens with ("amd-openai-2025"). */
export const DEFAULT_DEAL: string;
/** Loads the catalogue once (the package entry awaits it on import). `source`: the bundle's
 *  URL, or the deals themselves. */
export function loadDeals(source?: string | URL | object[]): Promise<object[]>;
/** Loads one deal's own file (pkg/deals/<id>.json beside the bundle), so that `deal(id)`
 *  answers before the whole catalogue has loaded (a first view needs one deal). Until
 *  `loadDeals()` resolves, the other functions answer for the deals loaded so. Resolves at once
 *  when the catalogue is loaded; rejects for a deal the folder does not have. */
export function loadDeal(id: string, folder?: string | URL): Promise<void>;
/** Whether the whole catalogue has loaded (not only deals loaded one by one). */
export function catalogueLoaded(): boolean;
/** Every deal, with its versions' dates, statuses and events. */
export function deals(): DealInfo[];
/** A deal's latest version, or the one in force on `asOf`. Throws an Error with `problems` for
 *  an unknown id (path "id"), a malformed date or a date before the first version (path "asOf"). */
export function deal(id: string, options?: { asOf?: IsoDate }): Scenario;
/** The scenarios in force on `date`: each deal's version then, less deals not yet made and
 *  those superseded or cancelled by then. */
export function dealsAsOf(date: IsoDate): Scenario[];
/** The ids of the deals `dealsAsOf(date)` returns, in the same order. */
export function dealIdsAsOf(date: IsoDate): string[];
/** The older listing: `[{id, name, summary}]`, English. */
export function presets(): { id: string; name: string; summary: string }[];
/** The older name for `deal(id)`. */
export function preset(id: string): Scenario;
/** A total that a party or the press stated (deals/published.json). */
export interface PublishedTotal {
  party: string;
  asOf: IsoDate;
  label: LocalText;
  /** Gigawatts stated, or null. */
  gw: number | null;
  /** Dollars stated, or null. */
  usd: number | null;
  /** The last year the figure covers, or null. */
  through: number | null;
  source: { title: string; url: string; date?: IsoDate; tier: 'filing' | 'company' | 'press' | 'secondary'; note?: string };
}
/** The stated totals, those dated on or before `date` when given. */
export function published(date?: IsoDate | null): PublishedTotal[];
