#!/usr/bin/env bash
# Builds the npm package: the wasm-pack output, an ES module for browsers and Node (npm/index.js),
# the <deal-calculator> element with its files, the iframe embed, types and a README, packed
# by `npm pack` into target/npm/dealcalc-<version>.tgz (path printed on the last line).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -f www/pkg/dealcalc_bg.wasm ] && [ -f www/pkg/core_bg.wasm ] || scripts/build.sh
node scripts/deals.mjs
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
OUT="$ROOT/target/npm"
STAGE="$OUT/dealcalc"
rm -rf "$STAGE"
mkdir -p "$STAGE/pkg" "$STAGE/i18n"
cp www/pkg/dealcalc.js www/pkg/dealcalc.d.ts www/pkg/dealcalc_bg.wasm www/pkg/dealcalc_bg.wasm.d.ts www/pkg/core.js www/pkg/core.d.ts www/pkg/core_bg.wasm www/pkg/core_bg.wasm.d.ts www/pkg/deals.json www/pkg/published.json "$STAGE/pkg/"
cp -r www/pkg/deals "$STAGE/pkg/"
# The deal catalogue's module, the element and what it imports, and the iframe embed.
for f in deals.js deal-calculator.js headline.js fieldpath.js element.css dom.js i18n.js share.js charts.js charts.css ui.js fields.js portfolio.js flow-diagram.js embed.html embed.js embed.css embed-resize.js; do
  cp "www/$f" "$STAGE/"
done
cp www/i18n/de.js www/i18n/problems.js "$STAGE/i18n/"
cp npm/index.js npm/index.d.ts npm/deals.d.ts npm/deal-calculator.d.ts npm/README.md "$STAGE/"
cat > "$STAGE/package.json" <<JSON
{
  "name": "dealcalc",
  "version": "$VERSION",
  "description": "Compute-for-equity infrastructure deal calculator (capacity cost, equity dilution, warrant vesting) in WebAssembly, with a custom element and an iframe embed.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./index.js",
  "types": "./index.d.ts",
  "exports": {
    ".": { "types": "./index.d.ts", "default": "./index.js" },
    "./element": { "types": "./deal-calculator.d.ts", "default": "./deal-calculator.js" },
    "./embed-resize": "./embed-resize.js",
    "./pkg/*": "./pkg/*",
    "./package.json": "./package.json"
  },
  "sideEffects": ["./deal-calculator.js", "./embed.js", "./embed-resize.js", "./index.js"],
  "engines": { "node": ">=18" },
  "keywords": ["webassembly", "finance", "warrant", "monte-carlo", "calculator", "web-component"]
}
JSON
(cd "$OUT" && npm pack --silent "$STAGE" > /dev/null)
printf '%s\n' "$OUT/dealcalc-$VERSION.tgz"
