#!/usr/bin/env bash
# The size budget of the Wasm build, checked by scripts/test.sh after the build: fails when
# www/pkg/dealcalc_bg.wasm grows past the budget (raw and gzip -9). The budget guards against
# growth: it sits just above today's size (391,520 B, 165,669 B gz: the deals moved out to
# deals/, the money legs and the portfolio's money per layer came in), so that the .wasm grows only by a decision recorded in docs/BENCHMARKS.md with
# what paid for it. Issue 9's target
# (150,000 B raw, 60,000 B gzipped) is not met; BENCHMARKS.md states the gap and its causes.
# Override for a trial:
#   WASM_BUDGET_RAW=... WASM_BUDGET_GZ=... scripts/size.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM="$ROOT/www/pkg/dealcalc_bg.wasm"
BUDGET_RAW="${WASM_BUDGET_RAW:-432400}"
BUDGET_GZ="${WASM_BUDGET_GZ:-185100}"
TARGET_RAW=150000
TARGET_GZ=60000
raw=$(wc -c < "$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
printf '| %-22s | %9s | %9s | %12s |\n' "dealcalc_bg.wasm" "bytes" "budget" "issue target"
printf '| %-22s | %9d | %9d | %12d |\n' "raw" "$raw" "$BUDGET_RAW" "$TARGET_RAW" "gzip -9" "$gz" "$BUDGET_GZ" "$TARGET_GZ"
if [ "$raw" -gt "$BUDGET_RAW" ] || [ "$gz" -gt "$BUDGET_GZ" ]; then
  echo "[size] over budget: the .wasm grew; find what (twiggy, or scripts/bench.sh) before raising the budget" >&2
  exit 1
fi
