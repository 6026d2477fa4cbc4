// The page's smoke suite (smoke.mjs) in Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) (engines.mjs).
import { smoke } from './smoke.mjs';

smoke('firefox');
