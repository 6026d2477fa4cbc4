#!/usr/bin/env bash
# Installs, only where missing, what building dealcalc needs:
#   the wasm32 target, wasm-pack, wasm-bindgen-cli at the version Cargo.toml pins, and the npm
#   tools (wasm-opt from binaryen, esbuild, playwright-core, puppeteer-core, selenium-webdriver, acorn). With
#   --browser also Debian's Chromium and ChromeDriver for the browser tests, and Firefox ESR,
#   WebKitGTK's WebKitWebDriver (with MiniBrowser) and xvfb for the engine smoke suite. Source it
#   or run it; it prints what it does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || { say "missing $tool: install it first (see README)"; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install wasm-pack --locked --version "$WASM_PACK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lock file names a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --force --version "$WASM_BINDGEN_VERSION"
fi

# npm tools: reinstall when package-lock.json changed since the last install.
stamp="node_modules/.dealcalc-lock"
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm tools (binaryen's wasm-opt, esbuild, playwright-core, puppeteer-core, selenium-webdriver, axe-core, typescript, acorn)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # tests/engines/: Firefox ESR (WebDriver BiDi), and WebKitGTK's WebKitWebDriver and
  # MiniBrowser (libwebkit2gtk-4.1-0) under xvfb-run, which needs xauth.
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
    || ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then
    say "installing Debian's firefox-esr, webkit2gtk-driver, xvfb and xauth"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
  fi
fi
say "ready: $(wasm-pack --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
