#!/usr/bin/env bash
# Runs every test: installs what is missing (toolchain, npm tools, Chromium), then
#   1. formatting, lints, and no JS crate in the native build's dependencies,
#   2. the core natively (cargo test),
#   3. the exported API in headless Chromium (wasm-pack test),
#   4. the page and its embedding in headless Chromium (node --test with playwright-core),
#   5. the page's smoke suite in Firefox ESR (WebDriver BiDi, puppeteer-core) and WebKitGTK
#      (WebKitWebDriver under xvfb-run, selenium-webdriver),
#   6. the npm package: packed, installed offline into a temporary project, used from Node,
#      its types checked by tsc,
#   7. a short fuzzing run (scripts/fuzz.sh; longer runs by hand).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

step "setup"
scripts/setup.sh --browser

step "format and lints; the native core depends on no JS crate"
cargo fmt --all -- --check
if cargo tree -e normal --prefix none | grep -E '^(wasm-bindgen|js-sys|serde-wasm-bindgen) '; then
  echo "a JS crate is a dependency of the native build: it belongs to the wasm32 target only" >&2
  exit 1
fi
cargo clippy --all-targets --features typescript --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
# The core build and the simulation build lint clean on their own too.
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features --features core -- -D warnings
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features --features simulation -- -D warnings
# The crate docs (the design notes, private modules included): every link resolves.
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --quiet

step "core (native); the generated TypeScript types are current"
cargo test --release --quiet --features typescript

step "exported API in headless Chromium"
wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --release

step "page in headless Chromium"
scripts/build.sh
scripts/size.sh
node --test tests/page/

step "page in Firefox ESR and WebKitGTK (smoke suite)"
# One browser at a time; nothing downloads a browser.
PUPPETEER_SKIP_DOWNLOAD=1 node --test --test-concurrency=1 tests/engines/

step "npm package"
node --test tests/package/

step "fuzzing (20 s)"
scripts/fuzz.sh 20
