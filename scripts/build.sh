#!/usr/bin/env bash
# Builds the Wasm package into www/pkg (ES module for browsers, loaded by www/app.js).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --target web --release --out-dir www/pkg --no-pack
printf '[build] www/pkg/dealcalc_bg.wasm: %s bytes\n' "$(wc -c < www/pkg/dealcalc_bg.wasm)"
# The deal catalogue beside the .wasm (which carries no deal data).
node scripts/deals.mjs
