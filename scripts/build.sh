#!/usr/bin/env bash
# Builds the site that is served, dist/: the Wasm package into www/pkg (ES modules for
# browsers, loaded by www/app.js), the deal files beside it, then www/ bundled into dist/
# (scripts/bundle.mjs: the modules bundled and minified, brotli copies of the text and .wasm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Three builds of the one crate into www/pkg (features in Cargo.toml):
# - the core (core.js, core_bg.wasm: validate, evaluate, simulationInput), which the page's
#   first numbers and the embedded element load;
# - the simulation build (simulation.js, simulation_bg.wasm: the valuation of simulationInput's
#   list, no scenario reader), which the page's valuation and its workers load next;
# - the full one (dealcalc.js, dealcalc_bg.wasm: every export), for the other panels, the
#   books on the workers and the npm package.
wasm-pack --quiet build --target web --release --out-dir www/pkg --no-pack
wasm-pack --quiet build --target web --release --out-dir www/pkg --out-name core --no-pack -- --no-default-features --features core
wasm-pack --quiet build --target web --release --out-dir www/pkg --out-name simulation --no-pack -- --no-default-features --features simulation
for name in dealcalc core simulation; do
  printf '[build] www/pkg/%s_bg.wasm: %s bytes\n' "$name" "$(wc -c < "www/pkg/${name}_bg.wasm")"
done
# The deal catalogue beside the .wasm (which carries no deal data).
node scripts/deals.mjs
node scripts/bundle.mjs
