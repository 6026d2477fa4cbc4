#!/usr/bin/env bash
# Fuzzes raw bytes → JSON → every entry point of the core (fuzz/fuzz_targets/scenario.rs) for
# SECONDS seconds (default 60), starting from the seed corpus in fuzz/corpus/scenario.
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
# them (no other toolchain can be installed here).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_TO_RUN="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz (about 1 minute)"
  cargo install cargo-fuzz --locked --version 0.13.2
fi
# A scratch copy of the corpus, so that a run adds nothing to the repository.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp fuzz/corpus/scenario/* "$work/"
set +e
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz scenario "$work" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -print_final_stats=1 >"$work.log" 2>&1
status=$?
set -e
# The statistics, or on a crash the whole report (libFuzzer exits non-zero then).
if [ "$status" -eq 0 ]; then
  grep -E "^(stat::|Done)" "$work.log"
else
  tail -n 60 "$work.log"
  echo "[fuzz] FAILED: a crash input was saved under fuzz/artifacts/scenario"
fi
rm -f "$work.log"
exit "$status"
