#!/usr/bin/env bash
# The size budgets of the three Wasm builds (scripts/build.sh), checked by scripts/test.sh after
# the build: fails when a .wasm grows past its budget (raw and gzip -9).
# - core_bg.wasm (validate, evaluate, simulationInput: the page's first numbers and the
#   element's headline): issue 31's limit, 80,000 B gzipped, is the budget; today 180,951 B
#   raw, 78,162 B gz.
# - simulation_bg.wasm (the valuation of simulationInput's list: the page's fair value, which
#   issue 31 wants under 2.0 s on the phone profile, and its workers): the budget sits just
#   above today's size (173,402 B raw, 80,290 B gz, 68,853 B brotli); each 6 KB brotli more
#   costs about 35 ms of the fair value on that profile (docs/BENCHMARKS.md).
# - dealcalc_bg.wasm (every export: the other panels, the books, the npm package): the budget
#   sits just above today's size, so that it grows only by a decision recorded in
#   docs/BENCHMARKS.md with what paid for it. Issue 9's target (150,000 B raw, 60,000 B
#   gzipped) is not met; BENCHMARKS.md states the gap and its causes.
# - the first view (dist/, scripts/bundle.mjs): what dist/index.html loads before the first
#   numbers (itself, its stylesheets, its preloads: the bundle's static graph, the core build,
#   the default deal; and app.js), brotli-compressed as served. Issue 31's limit is 120 KB as
#   the browser counts it, headers included (about 300 B a response); the budget is 112,000 B
#   of bodies.
# Override for a trial:
#   WASM_BUDGET_RAW=... WASM_BUDGET_GZ=... CORE_BUDGET_RAW=... CORE_BUDGET_GZ=...
#   SIMULATION_BUDGET_RAW=... SIMULATION_BUDGET_GZ=... FIRST_VIEW_BUDGET_BR=... scripts/size.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
over=0
# check <file> <raw budget> <gzip budget>: one table row per measure.
check() {
  local file="$ROOT/www/pkg/$1" raw gz
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '| %-18s | %-7s | %9d | %9d |\n' "$1" "raw" "$raw" "$2"
  printf '| %-18s | %-7s | %9d | %9d |\n' "$1" "gzip -9" "$gz" "$3"
  # As served (dist/, the build's brotli copy): reported, the budgets stay raw and gzip.
  printf '| %-18s | %-7s | %9d | %9s |\n' "$1" "brotli" "$(wc -c < "$ROOT/dist/pkg/$1.br")" "–"
  if [ "$raw" -gt "$2" ] || [ "$gz" -gt "$3" ]; then
    echo "[size] $1 is over its budget: find what grew (twiggy) before raising the budget" >&2
    over=1
  fi
}
printf '| %-18s | %-7s | %9s | %9s |\n' "file" "measure" "bytes" "budget"
check core_bg.wasm "${CORE_BUDGET_RAW:-190000}" "${CORE_BUDGET_GZ:-80000}"
check simulation_bg.wasm "${SIMULATION_BUDGET_RAW:-174500}" "${SIMULATION_BUDGET_GZ:-80800}"
check dealcalc_bg.wasm "${WASM_BUDGET_RAW:-424500}" "${WASM_BUDGET_GZ:-184000}"
# The first view: each file index.html names in a stylesheet, preload or module script link.
first=0
count=0
for f in index.html $(grep -oE '<(link rel="(stylesheet|preload|modulepreload)"|script type="module") (href|src)="[^"]+"' "$ROOT/dist/index.html" | sed -E 's/.*(href|src)="([^"]+)"/\2/'); do
  first=$((first + $(wc -c < "$ROOT/dist/$f.br")))
  count=$((count + 1))
done
printf '| %-18s | %-7s | %9d | %9d |\n' "first view ($count)" "brotli" "$first" "${FIRST_VIEW_BUDGET_BR:-112000}"
if [ "$first" -gt "${FIRST_VIEW_BUDGET_BR:-112000}" ]; then
  echo "[size] the first view is over its budget: what did dist/index.html start to load?" >&2
  over=1
fi
exit "$over"
