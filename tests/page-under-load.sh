#!/usr/bin/env bash
# The page suite (tests/page/) run RUNS times in a row (default 10) while a CPU hog keeps one
# core busy, as a slower or shared machine would: a test that races the machine (hopes to catch
# a state instead of creating it, or times the machine instead of the work) shows up here.
# Prints a table of the runs and the tests that failed; exits 1 if any run failed.
#   tests/page-under-load.sh [RUNS]     (after scripts/build.sh; logs in target/page-under-load/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
RUNS="${1:-10}"
LOGS="$ROOT/target/page-under-load"
mkdir -p "$LOGS"
[ -f www/pkg/dealcalc_bg.wasm ] || { echo "build first: scripts/build.sh" >&2; exit 1; }

# The hog: one process spinning on one core for as long as this script runs.
python3 -c 'while True: pass' &
hog=$!
trap 'kill "$hog" 2>/dev/null || true' EXIT

printf '| run | passed | failed | seconds | failed tests |\n|---|---|---|---|---|\n'
bad=0
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  node --test tests/page/ > "$LOGS/run-$i.log" 2>&1 && code=0 || code=$?
  secs=$(( $(date +%s) - start ))
  pass=$(sed -n 's/^# pass //p' "$LOGS/run-$i.log" | tail -1)
  fail=$(sed -n 's/^# fail //p' "$LOGS/run-$i.log" | tail -1)
  names=$(sed -n 's/^not ok [0-9]* - //p' "$LOGS/run-$i.log" | grep -v '\.test\.mjs$' | paste -sd ';' - || true)
  printf '| %d | %s | %s | %d | %s |\n' "$i" "${pass:-?}" "${fail:-?}" "$secs" "${names:-}"
  if [ "$code" -ne 0 ] || [ "${fail:-1}" != "0" ]; then bad=$((bad + 1)); fi
done
kill "$hog" 2>/dev/null || true
echo
if [ "$bad" -gt 0 ]; then
  echo "$bad of $RUNS runs failed (logs: $LOGS)"
  exit 1
fi
echo "all $RUNS runs green with one core busy"
