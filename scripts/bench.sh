#!/usr/bin/env bash
# Times the same workloads natively, in Wasm under Node and in Wasm in headless Chromium, and
# writes the table to docs/BENCHMARKS.md (medians of repeated runs; sizes of the .wasm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh --browser >/dev/null
scripts/build.sh >/dev/null
native="$(cargo run --quiet --release --example bench)"
wasm="$(node tests/bench/wasm.mjs)"
raw=$(wc -c < www/pkg/dealcalc_bg.wasm)
gz=$(gzip -9 -c www/pkg/dealcalc_bg.wasm | wc -c)
mkdir -p docs
NATIVE="$native" WASM="$wasm" RAW="$raw" GZ="$gz" python3 - <<'PY' > docs/BENCHMARKS.md
import json, os, platform, subprocess
native = json.loads(os.environ["NATIVE"])
rows = {"native": native}
for line in os.environ["WASM"].strip().splitlines():
    d = json.loads(line)
    rows[d.pop("where")] = d
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
cores = os.cpu_count()
chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
print("# Benchmarks\n")
print("Written by `scripts/bench.sh`; medians of repeated runs: 51 batches of 20 evaluate calls and of")
print("200 × 5 priceOption calls (per call shown; browsers coarsen their clock), 5 runs of valueWarrant.")
print("valueWarrant: the AMD–OpenAI preset, 100,000 paths, weekly steps (stepsPerYear 52), antithetic")
print("pairs and the control variate, real-world figures by reweighting the same paths. Not yet measured: a plain-JavaScript baseline.\n")
print(f"Machine: {cpu}, {cores} cores; {rustc}; Node {node}; {chromium}.\n")
print("| workload | native | Wasm in Node | Wasm in Chromium | Chromium ÷ native |")
print("|---|---:|---:|---:|---:|")
def ms(x): return f"{x * 1000:.1f} µs" if x < 1 else (f"{x:.2f} ms" if x < 10 else f"{x:.0f} ms")
for key, label in [("evaluateMs", "evaluate (AMD–OpenAI)"), ("priceOptionMs", "priceOption (mean of 5 kinds)"), ("valueWarrantMs", "valueWarrant 100k paths, weekly")]:
    n, w, c = rows["native"][key], rows["node"][key], rows["chromium"][key]
    print(f"| {label} | {ms(n)} | {ms(w)} | {ms(c)} | {c / n:.2f}× |")
v = rows["chromium"]
print(f"\nFirst numbers after navigation on localhost (median of 7 fresh pages): {v['firstNumbersMs']:.0f} ms (target 300 ms).\n")
print(f"\nvalueWarrant: fair value ${v['valueWarrantUsd'] / 1e9:.2f} B ± ${v['standardErrorUsd'] / 1e9:.3f} B "
      f"({100 * v['standardErrorUsd'] / v['valueWarrantUsd']:.2f}% of the value); native and Wasm give the same number: "
      f"{rows['native']['valueWarrantUsd'] == v['valueWarrantUsd']}.\n")
raw, gz = int(os.environ["RAW"]), int(os.environ["GZ"])
print("| size | bytes | budget (issue 9) |")
print("|---|---:|---:|")
print(f"| dealcalc_bg.wasm | {raw:,} | 150,000 |")
print(f"| gzipped (-9) | {gz:,} | 60,000 |")
PY
cat docs/BENCHMARKS.md
