#!/usr/bin/env bash
# Runs the calculator: installs what is missing, builds, serves the built site (dist/) on
# 127.0.0.1.
#   PORT=8080 (default) scripts/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
PORT="${PORT:-8080}"
echo "[run] dealcalc is at http://127.0.0.1:$PORT/ (AMD–OpenAI preset); Ctrl-C stops it"
exec python3 "$ROOT/scripts/serve.py" "$PORT" "$ROOT/dist"
