// Bundles the deal catalogue for the page and the npm package: every deals/<id>.json (not
// published.json) into one minified array, www/pkg/deals.json, ordered by the date of each
// deal's first version; and each deal minified on its own, www/pkg/deals/<id>.json, for a
// page's first numbers (deals.js loadDeal), which need one deal, not the catalogue. The
// files are checked by tests/deals.rs; this only copies them.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const folder = new URL('deals/', root);
const names = (await readdir(folder)).filter((f) => f.endsWith('.json') && f !== 'published.json');
const list = await Promise.all(names.map(async (f) => JSON.parse(await readFile(new URL(f, folder), 'utf8'))));
list.sort((a, b) => a.versions[0].asOf.localeCompare(b.versions[0].asOf) || a.id.localeCompare(b.id));
const out = new URL('www/pkg/', root);
await mkdir(out, { recursive: true });
const text = JSON.stringify(list);
await writeFile(new URL('deals.json', out), text);
await mkdir(new URL('deals/', out), { recursive: true });
await Promise.all(list.map((d) => writeFile(new URL(`deals/${d.id}.json`, out), JSON.stringify(d))));
const published = new URL('published.json', folder);
try {
  await writeFile(new URL('published.json', out), JSON.stringify(JSON.parse(await readFile(published, 'utf8'))));
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
console.log(`[build] www/pkg/deals.json: ${list.length} deals, ${text.length} bytes`);
