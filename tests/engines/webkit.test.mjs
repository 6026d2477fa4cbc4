// The page's smoke suite (smoke.mjs) in Debian's WebKitGTK MiniBrowser via WebKitWebDriver under xvfb-run (selenium-webdriver) (engines.mjs).
import { smoke } from './smoke.mjs';

smoke('webkit');
