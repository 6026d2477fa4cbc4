// Runs `runs` valuations of AMD–OpenAI at the page's default options with 4,096 paths through
// the Wasm build in www/pkg (tests/bench/instructions.sh counts the instructions they take
// under valgrind). Usage: node count-runs.mjs <runs>
import { readFile } from 'node:fs/promises';

const pkg = new URL('../../www/pkg/', import.meta.url);
const dc = await import(new URL('dealcalc.js', pkg));
dc.initSync({ module: await readFile(new URL('dealcalc_bg.wasm', pkg)) });
const options = { paths: 4096, seed: 1, quasiRandom: true, controlVariate: false };
const { deal, loadDeals } = await import(new URL('../deals.js', pkg));
await loadDeals();
const scenario = deal('amd-openai-2025');
for (let i = 0; i < Number(process.argv[2]); i++) dc.valueWarrant(scenario, options);
