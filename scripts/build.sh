#!/usr/bin/env bash
# Builds the site that is served, dist/: the Wasm package into www/pkg (ES modules for
# browsers, loaded by www/app.js), the deal files beside it, then www/ bundled into dist/
# (scripts/bundle.mjs: the modules bundled and minified, brotli copies of the text and .wasm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Two builds of the one crate into www/pkg: the full one (dealcalc.js, dealcalc_bg.wasm: every
# export, for the workers, the simulation panels and the npm package) and the core
# (core.js, core_bg.wasm: --no-default-features, without the simulation's exports), which
# the page's first numbers and the embedded element load.
wasm-pack --quiet build --target web --release --out-dir www/pkg --no-pack
wasm-pack --quiet build --target web --release --out-dir www/pkg --out-name core --no-pack -- --no-default-features
for name in dealcalc core; do
  printf '[build] www/pkg/%s_bg.wasm: %s bytes\n' "$name" "$(wc -c < "www/pkg/${name}_bg.wasm")"
done
# The deal catalogue beside the .wasm (which carries no deal data).
node scripts/deals.mjs
node scripts/bundle.mjs
