// Builds the site that is served (dist/) from www/: the page's and the element's modules
// bundled and minified by esbuild, everything else copied as it is, and each compressible file
// also written brotli-compressed beside it (name.br) for hosts that serve precompressed files
// (scripts/serve.py does). Run by scripts/build.sh after the Wasm builds (www/pkg).
//
// Why a bundler (issue 31): unbundled, the first numbers wait on 20 module files; over HTTP/1.1
// (six connections) on a slow link each wave of requests costs a round trip, and their
// comments and names are a third of their bytes. esbuild is one small binary without
// dependencies, and does modules, code splitting and minification.
//
// The layout stays www/'s, so that every relative URL (import.meta.url, the worker's, the
// .wasm's, the deals') resolves as in www/:
// - entry points keep their names: app.js (the page), deal-calculator.js (the element),
//   embed.js, embed-resize.js. A page test that needs the page's own instance of a module
//   imports app.js, which the page has loaded (its holdRuns); one that needs a module on its
//   own imports it from the sources (tests/page/harness.mjs serves www/ under /src/).
// - www/pkg (the wasm-bindgen glue and the .wasm) is not bundled: it is copied, and imported
//   as it is. The workers' script (worker.js) is bundled on its own with the glue of the
//   simulation and the full build inside, so a worker fetches one script.
// - dist/index.html preloads the page bundle's static graph, the core build and the default
//   deal (they replace www/index.html's list of source modules, between the preload marks).
import * as esbuild from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WWW = join(ROOT, 'www');
const DIST = join(ROOT, 'dist');
/** The deal the page and the element show first (www/deals.js DEFAULT_DEAL). */
const DEFAULT_DEAL = (await readFile(join(WWW, 'deals.js'), 'utf8')).match(/export const DEFAULT_DEAL = '([^']+)'/)[1];
/** The builds' entry points (see above): the page's, and the element's (its own build, so that
 *  the page's modules are not split by what the element shares of them; the page never loads
 *  the element). */
const PAGE = ['app.js'];
const ELEMENT = ['deal-calculator.js', 'embed.js', 'embed-resize.js'];
/** Files worth compressing (as scripts/serve.py's COMPRESSIBLE). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.md', '.map']);

/** The Wasm glue (www/pkg) and Node's modules (deals.js reads files in Node) stay imports. */
const keepExternal = {
  name: 'keep-external',
  setup(build) {
    build.onResolve({ filter: /(^|\/)pkg\/|^node:/ }, (args) => ({ path: args.path, external: true }));
  },
};

const common = { bundle: true, format: 'esm', minify: true, sourcemap: 'linked', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

await rm(DIST, { recursive: true, force: true });
// Everything but the modules (which are bundled) and compressed leftovers.
await cp(WWW, DIST, {
  recursive: true,
  filter: (src) => {
    const rel = relative(WWW, src);
    if (rel.startsWith('pkg')) return !src.endsWith('.br');
    return !(src.endsWith('.js') || src.endsWith('.br'));
  },
});

const split = { ...common, outdir: DIST, outbase: WWW, splitting: true, chunkNames: '[name]-[hash]', metafile: true, plugins: [keepExternal] };
const page = await esbuild.build({ ...split, entryPoints: PAGE.map((e) => join(WWW, e)) });
const element = await esbuild.build({ ...split, entryPoints: ELEMENT.map((e) => join(WWW, e)) });
// The workers' script: one file with both builds' glue inside (the workers get each .wasm
// compiled from the page).
await esbuild.build({ ...common, entryPoints: [join(WWW, 'worker.js')], outfile: join(DIST, 'worker.js'), plugins: [] });

/** The files dist/app.js loads before it runs: its static imports, transitively. */
function staticGraph(entry) {
  const outputs = page.metafile.outputs;
  const seen = new Set();
  const walk = (file) => {
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
      seen.add(i.path);
      walk(i.path);
    }
  };
  walk(entry);
  return [...seen];
}
const appOut = relative(ROOT, join(DIST, 'app.js'));
const graph = staticGraph(appOut).map((p) => (p.startsWith('dist/') ? relative('dist', p) : p.replace(/^(\.\/)?/, '')));
const preloads = [
  '<link rel="preload" href="pkg/core_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
  `<link rel="preload" href="pkg/deals/${DEFAULT_DEAL}.json" as="fetch" type="application/json" crossorigin>`,
  ...graph.map((p) => `<link rel="modulepreload" href="${p}">`),
].map((l) => `  ${l}`).join('\n');
const index = await readFile(join(WWW, 'index.html'), 'utf8');
const marked = /( *<!-- preload:start[^]*?-->\n)[^]*?( *<!-- preload:end -->)/;
if (!marked.test(index)) throw new Error('www/index.html has no preload marks');
await writeFile(join(DIST, 'index.html'), index.replace(marked, (_, start, end) => `${start}${preloads}\n${end}`));

let raw = 0;
let brotli = 0;
for (const rel of await readdir(DIST, { recursive: true })) {
  if (!COMPRESSIBLE.has(extname(rel))) continue;
  const file = join(DIST, rel);
  const body = await readFile(file);
  const compressed = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  await writeFile(`${file}.br`, compressed);
  raw += body.length;
  brotli += compressed.length;
}
const js = (build) => Object.keys(build.metafile.outputs).filter((p) => p.endsWith('.js')).length;
console.log(`[build] dist/: ${js(page)} page modules (${graph.length} before app.js runs), ${js(element)} of the element ${(await stat(join(DIST, 'worker.js'))).size} bytes of worker; ${raw} bytes, ${brotli} brotli-compressed`);
