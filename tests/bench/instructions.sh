#!/usr/bin/env bash
# Instructions per valuation, counted by valgrind (cachegrind without its cache model), natively
# and in Wasm under each Node given (arguments: node binaries): AMD–OpenAI at the page's default
# options with 4,096 paths. Unlike a time, a count does not move with the machine's speed, so
# it compares two builds on a shared machine to a fraction of a percent; it is not a time
# (V8's extra instructions are mostly cheap ones: moves, constants, loop checks).
# A valuation's count is a difference of two process counts divided by the runs between them
# (natively 5 runs − 1, in Node 6 − 2), which leaves out start-up and compilation; Node runs
# TurboFan only (--no-liftoff: no baseline tier, so no tiering in the count). Prints one JSON line per engine: {"engine", "instructions"}.
# Needs valgrind (not installed by scripts/setup.sh), www/pkg and the release example `value`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
count() {
  valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file \
    --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/^==[0-9]*== I *refs: *//p' | tr -d ,
}
options='{"paths": 4096, "seed": 1, "quasiRandom": true, "controlVariate": false}'
one=$(count ${CARGO_TARGET_DIR:-target}/release/examples/value amd-openai-2025 "$options" 1)
five=$(count ${CARGO_TARGET_DIR:-target}/release/examples/value amd-openai-2025 "$options" 5)
printf '{"engine": "native", "instructions": %s}\n' $(((five - one) / 4))
for node in "$@"; do
  two=$(count "$node" --single-threaded --no-liftoff tests/bench/count-runs.mjs 2)
  six=$(count "$node" --single-threaded --no-liftoff tests/bench/count-runs.mjs 6)
  printf '{"engine": "node %s", "instructions": %s}\n' "$("$node" --version)" $(((six - two) / 4))
done
